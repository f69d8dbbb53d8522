//! Role phrases and their CAMEO agent codes (`foreign minister` GOV, `riot police` COP), looked
//! up word by word. The names stage reads them around a person's name ("Foreign Minister Choe",
//! "Choe, the foreign minister"); the events stage after a country ("Turkish troops" TURMIL).
//! One table serves both, so that a role means the same thing to each.

use crate::hash::{FastMap, FastSet};

use super::dictionary::Role;
pub use super::phrase_index::Case;

/// Role phrases (lower case, one space between words) and their agent codes.
#[derive(Debug, Default)]
pub struct RoleTable {
    codes: FastMap<String, String>,
    /// The phrases that name one person ([`Role::one_person`]).
    one_person: FastSet<String>,
    /// The first word of every phrase, lower case and capitalised: most words open none, and a
    /// word as written costs one look-up to say so.
    starts: FastSet<String>,
    max_words: usize,
}

impl RoleTable {
    /// The table of `roles` that `keep` accepts; the first code given to a phrase stands.
    pub fn new<'a>(
        roles: impl IntoIterator<Item = &'a Role>,
        keep: impl Fn(&Role) -> bool,
    ) -> Self {
        let mut table = RoleTable::default();
        for r in roles.into_iter().filter(|r| keep(r)) {
            let mut words = r.words.split_whitespace();
            let Some(first) = words.next() else { continue };
            table.max_words = table.max_words.max(1 + words.count());
            let mut cap: String = first.chars().take(1).flat_map(char::to_uppercase).collect();
            cap.extend(first.chars().skip(1));
            table.starts.insert(cap);
            table.starts.insert(first.to_string());
            if r.one_person {
                table.one_person.insert(r.words.clone());
            }
            table
                .codes
                .entry(r.words.clone())
                .or_insert_with(|| r.code.clone());
        }
        table
    }

    /// The agent code of a role phrase given in lower case.
    pub fn code(&self, words: &str) -> Option<&str> {
        self.codes.get(words).map(String::as_str)
    }

    /// Whether a role phrase given in lower case names one person ("minister", not "police").
    pub fn names_one_person(&self, words: &str) -> bool {
        self.one_person.contains(words)
    }

    /// The most words a role phrase has.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Whether a word, as written (lower case or capitalised), opens some role phrase.
    pub fn opens(&self, word: &str) -> bool {
        self.starts.contains(word)
    }

    /// The longest role phrase made of the words `word(0)`, `word(1)`, ... (`None` past the
    /// last): its word count and code. The first word opens a phrase as written (lower case or
    /// capitalised: "Minister", not "MINISTER") or, with [`Case::Folded`], in any case. Leaves
    /// the phrase, lower case, in `buf`, which is reused so that a look-up allocates nothing
    /// once it has grown.
    pub fn longest<'w>(
        &self,
        mut word: impl FnMut(usize) -> Option<&'w str>,
        case: Case,
        buf: &mut String,
    ) -> Option<(usize, &str)> {
        buf.clear();
        let opens = |w: &str, buf: &mut String| match case {
            Case::Exact => self.opens(w),
            Case::Folded => self.opens(w) || self.opens_lowered(w, buf),
        };
        if !word(0).is_some_and(|w| opens(w, buf)) {
            return None;
        }
        buf.clear();
        let mut best = None;
        for n in 0..self.max_words {
            let Some(w) = word(n) else { break };
            if n > 0 {
                buf.push(' ');
            }
            buf.extend(w.chars().flat_map(char::to_lowercase));
            if let Some(code) = self.codes.get(buf.as_str()) {
                best = Some((n + 1, buf.len(), code.as_str()));
            }
        }
        let (n, len, code) = best?;
        buf.truncate(len);
        Some((n, code))
    }

    /// Whether `word` in lower case opens a phrase (`buf` holds the lowered word after).
    fn opens_lowered(&self, word: &str, buf: &mut String) -> bool {
        buf.extend(word.chars().flat_map(char::to_lowercase));
        self.starts.contains(buf.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> RoleTable {
        let roles = [
            ("foreign minister", "GOV"),
            ("minister", "GOV"),
            ("riot police", "COP"),
            ("police", "COP"),
            ("peacekeepers", "IGOPKO"),
        ]
        .map(|(words, code)| Role {
            words: words.into(),
            code: code.into(),
            one_person: words == "minister",
        });
        RoleTable::new(&roles, |r| r.code != "IGOPKO")
    }

    #[test]
    fn the_longest_phrase_wins_whatever_the_case() {
        let t = table();
        let mut buf = String::new();
        let words = ["Foreign", "Minister", "Choe"];
        assert_eq!(
            t.longest(|k| words.get(k).copied(), Case::Exact, &mut buf),
            Some((2, "GOV"))
        );
        assert_eq!(buf, "foreign minister");
        let words = ["riot", "police", "fired"];
        assert_eq!(
            t.longest(|k| words.get(k).copied(), Case::Exact, &mut buf),
            Some((2, "COP"))
        );
        // A headline in capitals opens a role only when case is folded.
        let words = ["POLICE"];
        assert_eq!(
            t.longest(|k| words.get(k).copied(), Case::Exact, &mut buf),
            None
        );
        assert_eq!(
            t.longest(|k| words.get(k).copied(), Case::Folded, &mut buf),
            Some((1, "COP"))
        );
    }

    #[test]
    fn words_that_open_no_role_and_filtered_roles_find_nothing() {
        let t = table();
        let mut buf = String::new();
        let words = ["foreign", "affairs"];
        assert_eq!(
            t.longest(|k| words.get(k).copied(), Case::Folded, &mut buf),
            None
        );
        let words = ["peacekeepers"];
        assert_eq!(
            t.longest(|k| words.get(k).copied(), Case::Folded, &mut buf),
            None
        );
        assert!(t.opens("Minister") && t.opens("minister") && !t.opens("talks"));
        assert_eq!(t.max_words(), 2);
        assert_eq!(t.code("riot police"), Some("COP"));
    }
}
