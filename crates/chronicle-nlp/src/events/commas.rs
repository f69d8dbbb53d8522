//! TABARI's comma-delimited clause elimination: short phrases set off by commas ("Kelmar, a
//! river port, praised ...", "..., an official said.") are dropped before coding, so that an
//! apposition or a reporting tag neither supplies actors nor hides the verb's target.
//!
//! Three ranges, in words: a clause between two commas is dropped when its length lies in the
//! internal range, the clause after the last comma when it lies in the terminal range, the clause
//! before the first comma when it lies in the initial range. TABARI's defaults drop internal and
//! terminal clauses of 2 to 10 words and keep initial ones; the `COMMA:` option changes them.

use super::sentence::{COMMA, PUNCT, Word};

/// Marks a word to be dropped; cleared by the drop itself.
const DROP: u32 = 1 << 31;

/// The word-length ranges (inclusive) of the clauses to drop; an empty range drops none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommaRules {
    pub initial: (usize, usize),
    pub internal: (usize, usize),
    pub terminal: (usize, usize),
}

impl Default for CommaRules {
    /// TABARI's defaults.
    fn default() -> Self {
        CommaRules {
            initial: (255, 0),
            internal: (2, 10),
            terminal: (2, 10),
        }
    }
}

impl CommaRules {
    /// Drops nothing.
    pub const OFF: CommaRules = CommaRules {
        initial: (1, 0),
        internal: (1, 0),
        terminal: (1, 0),
    };

    /// Applies a TABARI option line (`COMMA: MIN = 4 MAX = 6 EMIN = 3 ... BMAX = 8`,
    /// `COMMA: OFF`); bounds it does not give keep their value. Returns whether the text held
    /// a `COMMA:` option.
    pub fn apply_option(&mut self, text: &str) -> bool {
        let Some(rest) = text.split_once("COMMA:").map(|(_, r)| r.trim()) else {
            return false;
        };
        if rest.starts_with("OF") {
            *self = CommaRules::OFF;
            return true;
        }
        let mut it = rest.split_whitespace().peekable();
        while let Some(key) = it.next() {
            if it.peek() != Some(&"=") {
                continue;
            }
            it.next();
            let Some(value) = it.peek().and_then(|v| v.parse::<usize>().ok()) else {
                continue;
            };
            it.next();
            let slot = match key {
                "MIN" => &mut self.internal.0,
                "MAX" => &mut self.internal.1,
                "EMIN" => &mut self.terminal.0,
                "EMAX" => &mut self.terminal.1,
                "BMIN" => &mut self.initial.0,
                "BMAX" => &mut self.initial.1,
                _ => continue,
            };
            *slot = value;
        }
        true
    }

    /// Removes the comma-delimited clauses the rules drop from a sentence's words. A terminal
    /// clause stays when no verb (`is_verb`) is left before it: it holds the predicate
    /// ("Kelmar's envoy, in a speech, urged Vorn to ...").
    pub fn apply(&self, words: &mut Vec<Word>, is_verb: impl Fn(&Word) -> bool) {
        let in_range = |n: usize, (lo, hi): (usize, usize)| lo <= n && n <= hi;
        let count = |ws: &[Word]| ws.iter().filter(|w| w.flags & PUNCT == 0).count();
        let is_comma = |w: &Word| w.flags & COMMA != 0;
        let Some(first) = words.iter().position(is_comma) else {
            return;
        };
        let mut marked = false;
        if in_range(count(&words[..first]), self.initial) {
            mark(&mut words[..=first]);
            marked = true;
        }
        let mut open = first;
        for close in first + 1..words.len() {
            if !is_comma(&words[close]) {
                continue;
            }
            if in_range(count(&words[open + 1..close]), self.internal) {
                mark(&mut words[open..close]);
                marked = true;
            }
            open = close;
        }
        // the terminal clause runs to the sentence's closing punctuation
        let mut end = words.len();
        while end > open + 1 && words[end - 1].flags & PUNCT != 0 {
            end -= 1;
        }
        let verb_before = words[..open]
            .iter()
            .any(|w| w.flags & DROP == 0 && is_verb(w));
        if verb_before && in_range(count(&words[open + 1..end]), self.terminal) {
            mark(&mut words[open..end]);
            marked = true;
        }
        if marked {
            words.retain(|w| w.flags & DROP == 0);
        }
    }
}

fn mark(words: &mut [Word]) {
    for w in words {
        w.flags |= DROP;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words from a text where `,` is a comma, `.` other punctuation, anything else a word.
    fn words(text: &str) -> Vec<Word> {
        text.split_whitespace()
            .enumerate()
            .map(|(i, t)| Word {
                id: i as u32,
                flags: match t {
                    "," => PUNCT | COMMA,
                    "." => PUNCT,
                    _ => 0,
                },
                start: i as u32,
                end: i as u32 + 1,
            })
            .collect()
    }

    /// Words spelt `v...` are verbs.
    fn kept(rules: &CommaRules, text: &str) -> usize {
        let mut w = words(text);
        let verbs: Vec<u32> = text
            .split_whitespace()
            .enumerate()
            .filter(|(_, t)| t.starts_with('v'))
            .map(|(i, _)| i as u32)
            .collect();
        rules.apply(&mut w, |x| verbs.contains(&x.id));
        w.iter().filter(|w| w.flags & PUNCT == 0).count()
    }

    #[test]
    fn drops_short_internal_and_terminal_clauses() {
        let r = CommaRules::default();
        // "Kelmar , a river port , praised ..." drops the apposition, keeps a long tail
        assert_eq!(kept(&r, "a , b c d , v f g h i j k l m n o ."), 12);
        // an eleven-word internal clause stays, and so does a one-word terminal one
        assert_eq!(kept(&r, "a v , 1 2 3 4 5 6 7 8 9 10 11 , e ."), 14);
        // "..., an aide said ." goes, unless it holds the only verb
        assert_eq!(kept(&r, "a v c , d e f ."), 3);
        assert_eq!(kept(&r, "a b c , v e f ."), 6);
        // an initial clause stays by default
        assert_eq!(kept(&r, "a b , c ."), 3);
        assert_eq!(kept(&CommaRules::OFF, "a , b c , d e ."), 5);
    }

    #[test]
    fn options_change_the_ranges() {
        let mut r = CommaRules::default();
        assert!(r.apply_option("OPTION: COMMA: MIN = 4 MAX = 6 EMIN = 3 BMIN = 1 BMAX = 2"));
        assert_eq!(r.internal, (4, 6));
        assert_eq!(r.terminal, (3, 10));
        assert_eq!(r.initial, (1, 2));
        assert_eq!(kept(&r, "a b , c ."), 1);
        assert!(r.apply_option("COMMA: OFF"));
        assert_eq!(r, CommaRules::OFF);
        assert!(!r.apply_option("SET: MINIMUM WORDS = 4"));
    }
}
