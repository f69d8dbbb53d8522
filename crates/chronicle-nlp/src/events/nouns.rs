//! The event-noun dictionary (`dictionaries/events/nouns.txt`): nouns that name an act ("talks",
//! "attack", "sanctions", "arrest"), with the act's CAMEO code and the prepositions whose phrase
//! names whom the act is aimed at. The tree reads the rest (`tree/nominal.rs`).

use std::collections::HashMap;

use super::words::{normalise, plurals};

/// The team's event nouns, embedded.
const NOUNS: &str = include_str!("../../../../dictionaries/events/nouns.txt");

/// The file name rules cite.
const FILE: &str = "dictionaries/events/nouns.txt";

/// One line of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounEntry {
    /// The CAMEO code of the act.
    pub code: String,
    /// Prepositions whose phrase is the target (`of` among them makes the `of` phrase the
    /// target, not the source; `between` makes the act mutual).
    pub targets: Vec<String>,
    /// Verbs the noun must be the object or passive subject of, for a noun that names a lasting
    /// thing as well as the act that made it; empty: any.
    pub verbs: Vec<String>,
    /// `file:line`, the rule an event cites.
    pub rule: String,
}

impl NounEntry {
    /// Whether the phrase opened by `prep` names the target.
    pub fn aims_with(&self, prep: &str) -> bool {
        self.targets.iter().any(|p| p.eq_ignore_ascii_case(prep))
    }
}

/// The event nouns, by word form.
#[derive(Debug, Default)]
pub struct NounDictionary {
    entries: Vec<NounEntry>,
    by_form: HashMap<String, usize>,
}

impl NounDictionary {
    /// The embedded dictionary. A line that does not parse is a build defect (the loader's
    /// test reads every line).
    pub fn embedded() -> Self {
        Self::parse(FILE, NOUNS).unwrap_or_else(|e| panic!("embedded event nouns: {e}"))
    }

    /// Reads `CODE<TAB>NOUNS<TAB>TARGET PREPOSITIONS[<TAB>VERBS][<TAB># note]` lines; `#` lines
    /// and blank lines are skipped. A form listed twice keeps its first line.
    pub fn parse(file: &str, text: &str) -> Result<Self, String> {
        let mut d = NounDictionary::default();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line
                .split('\t')
                .map(str::trim)
                .take_while(|f| !f.starts_with('#'))
                .collect();
            let bad = || format!("{file}:{}: expected CODE<TAB>NOUNS<TAB>PREPOSITIONS", n + 1);
            let [code, nouns, preps, rest @ ..] = fields.as_slice() else {
                return Err(bad());
            };
            let word =
                |w: &&str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
            if code.is_empty()
                || !code.bytes().all(|b| b.is_ascii_digit())
                || !nouns.split('|').all(|w| word(&w))
                || !preps.split_whitespace().all(|w| word(&w))
                || preps.split_whitespace().next().is_none()
                || rest.len() > 1
            {
                return Err(bad());
            }
            let verbs: Vec<String> = rest
                .first()
                .map(|v| v.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default();
            let k = d.entries.len();
            d.entries.push(NounEntry {
                code: code.to_string(),
                targets: preps.split_whitespace().map(str::to_string).collect(),
                verbs,
                rule: format!("{file}:{}", n + 1),
            });
            for noun in nouns.split('|') {
                let noun = normalise(noun);
                for form in plurals(&noun).into_iter().chain([noun]) {
                    d.by_form.entry(form).or_insert(k);
                }
            }
        }
        Ok(d)
    }

    /// The entry of a word form (any case), if it names an act.
    pub fn get(&self, form: &str) -> Option<&NounEntry> {
        let k = *self.by_form.get(&normalise(form))?;
        self.entries.get(k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_its_format_and_plurals() {
        let d = NounDictionary::parse(
            "t.txt",
            "# c\n190\tattack|raid\ton against\t# note\n057\tagreement\twith between\tsign reach\n",
        )
        .expect("parses");
        assert_eq!(d.entries.len(), 2);
        let a = d.get("Attacks").expect("plural of attack");
        assert_eq!((a.code.as_str(), a.rule.as_str()), ("190", "t.txt:2"));
        assert!(a.aims_with("on") && !a.aims_with("of") && a.verbs.is_empty());
        assert_eq!(d.get("agreements").map(|e| e.verbs.len()), Some(2));
        assert!(d.get("talks").is_none());
        assert!(NounDictionary::parse("b.txt", "190\tattack\n").is_err());
        assert!(NounDictionary::parse("b.txt", "19x\tattack\ton\n").is_err());
    }

    #[test]
    fn the_embedded_dictionary_parses() {
        let d = NounDictionary::embedded();
        assert!(d.entries.len() > 20);
        assert_eq!(d.get("talks").map(|e| e.code.as_str()), Some("040"));
    }
}
