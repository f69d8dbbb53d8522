//! The CAMEO event-code table (`dictionaries/cameo/event_codes.tsv`): Goldstein score, quad class
//! and PLOVER category of every code, so that each event carries them without a second lookup.

use std::collections::HashMap;

/// What the code book says about one CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    pub name: String,
    pub goldstein: Option<f64>,
    pub quad_class: Option<u8>,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
}

/// Every CAMEO event code with its facts, keyed by code (`"125"`).
#[derive(Debug, Clone, Default)]
pub struct CodeTable {
    codes: HashMap<String, CodeInfo>,
}

const EMBEDDED: &str = include_str!("../../../../dictionaries/cameo/event_codes.tsv");

impl CodeTable {
    /// The table shipped with Chronicle.
    pub fn embedded() -> Self {
        Self::parse(EMBEDDED)
    }

    /// Reads `event_codes.tsv` text; malformed rows are skipped (the file is generated).
    pub fn parse(text: &str) -> Self {
        let mut codes = HashMap::new();
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 6 || f[0].is_empty() {
                continue;
            }
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            codes.insert(
                f[0].to_string(),
                CodeInfo {
                    name: f[1].to_string(),
                    goldstein: f[2].parse().ok(),
                    quad_class: f[3].parse().ok(),
                    plover: opt(f[4]),
                    plover_mode: opt(f[5]),
                },
            );
        }
        CodeTable { codes }
    }

    /// The facts of `code`, with empty fields filled from its parents (`1834` → `183` → `18`).
    /// Codes outside CAMEO (a PETRARCH test dictionary's `174K`) fall back the same way, by
    /// their leading digits; a code with no known ancestor gets nothing.
    pub fn info(&self, code: &str) -> Option<CodeInfo> {
        let mut out: Option<CodeInfo> = None;
        let mut end = code.len();
        while end >= 2 {
            if let Some(c) = code.get(..end).and_then(|k| self.codes.get(k)) {
                match &mut out {
                    None => out = Some(c.clone()),
                    Some(o) => {
                        o.goldstein = o.goldstein.or(c.goldstein);
                        o.quad_class = o.quad_class.or(c.quad_class);
                        if o.plover.is_none() && !matches!(&code[..2], "01" | "02") {
                            o.plover.clone_from(&c.plover);
                        }
                    }
                }
            }
            end -= 1;
        }
        out
    }

    /// Whether the table knows `code` exactly.
    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains_key(code)
    }

    /// How many codes the table holds.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_carry_their_facts() {
        let t = CodeTable::embedded();
        assert!(t.len() > 300);
        let c = t.info("125").unwrap();
        assert_eq!(c.goldstein, Some(-5.0));
        assert_eq!(c.quad_class, Some(3));
        assert_eq!(c.plover.as_deref(), Some("REJECT"));
        assert_eq!(t.info("036").unwrap().plover.as_deref(), Some("AGREE"));
        assert_eq!(t.info("010").unwrap().plover, None);
        let m = t.info("1834").unwrap();
        assert_eq!(m.plover.as_deref(), Some("ASSAULT"));
        assert!(m.goldstein.is_some());
        assert!(t.info("9").is_none());
    }
}
