//! The lemmatizer, learnt from the treebank: a word seen in training with its tag takes the
//! lemma it had there ("was" AUX → "be"); an unseen word takes the edit that most words with
//! its tag and longest known ending took ("-ies" NOUN → "-y"). Proper nouns keep their form.

use std::collections::HashMap;

use chronicle_core::Upos;

use crate::features::{BuildPassThrough, f2, hash_bytes};
use crate::model::Bytes;

/// Longest word ending the rules look at.
const MAX_SUFFIX: usize = 5;

/// An edit from a lower-case form to its lemma: drop `strip` characters, add `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Edit {
    strip: u8,
    append: String,
}

/// The learnt lemma tables.
#[derive(Default, Clone)]
pub struct Lemmatizer {
    /// (lower-case form, tag) → lemma, for every pair seen in training.
    known: HashMap<u64, String, BuildPassThrough>,
    /// (tag, ending) → the most frequent edit.
    rules: HashMap<u64, Edit, BuildPassThrough>,
}

fn key(lower: &str, upos: Upos) -> u64 {
    f2(0x1e, hash_bytes(lower.as_bytes()), upos as u64)
}

fn rule_key(ending: &str, upos: Upos) -> u64 {
    f2(0x1f, hash_bytes(ending.as_bytes()), upos as u64)
}

/// The edit that turns `lower` into `lemma`, if the lemma shares a stem with the form.
fn edit_of(lower: &str, lemma: &str) -> Option<Edit> {
    let common = lower
        .char_indices()
        .zip(lemma.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, a), _)| i + a.len_utf8());
    if common == 0 {
        return None;
    }
    let strip = lower[common..].chars().count();
    Some(Edit {
        strip: u8::try_from(strip).ok()?,
        append: lemma[common..].to_string(),
    })
}

impl Lemmatizer {
    /// Learns the tables from (form, tag, lemma) triples.
    pub fn learn<'a>(words: impl Iterator<Item = (&'a str, Upos, &'a str)>) -> Lemmatizer {
        let mut known: HashMap<u64, HashMap<String, usize>> = HashMap::new();
        let mut edits: HashMap<u64, HashMap<Edit, usize>> = HashMap::new();
        for (form, upos, lemma) in words {
            if lemma == "_" || lemma.is_empty() {
                continue;
            }
            let lower = form.to_lowercase();
            *known
                .entry(key(&lower, upos))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
            if upos == Upos::Propn {
                continue;
            }
            let Some(edit) = edit_of(&lower, &lemma.to_lowercase()) else {
                continue;
            };
            let chars: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
            for k in 1..=MAX_SUFFIX.min(chars.len().saturating_sub(1)) {
                let ending = &lower[chars[chars.len() - k]..];
                *edits
                    .entry(rule_key(ending, upos))
                    .or_default()
                    .entry(edit.clone())
                    .or_default() += 1;
            }
        }
        let most = |m: HashMap<String, usize>| {
            m.into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(l, _)| l)
        };
        let mut lemmatizer = Lemmatizer::default();
        for (k, m) in known {
            if let Some(l) = most(m) {
                lemmatizer.known.insert(k, l);
            }
        }
        for (k, m) in edits {
            let best = m
                .into_iter()
                .max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then_with(|| b.0.strip.cmp(&a.0.strip))
                        .then_with(|| b.0.append.cmp(&a.0.append))
                })
                .map(|(e, _)| e);
            if let Some(e) = best {
                lemmatizer.rules.insert(k, e);
            }
        }
        lemmatizer
    }

    /// Writes the lemma of `form` tagged `upos` into `out` (appending).
    pub fn lemma_into(&self, form: &str, upos: Upos, lower: &mut String, out: &mut String) {
        lower.clear();
        lower.extend(form.chars().flat_map(char::to_lowercase));
        if let Some(l) = self.known.get(&key(lower, upos)) {
            out.push_str(l);
            return;
        }
        if matches!(
            upos,
            Upos::Propn | Upos::Num | Upos::Sym | Upos::Punct | Upos::X
        ) {
            out.push_str(form);
            return;
        }
        let n = lower.chars().count();
        let mut best: Option<&Edit> = None;
        // Endings from the shortest up: the longest ending with a rule decides.
        for (k, (i, _)) in lower.char_indices().rev().enumerate() {
            if k + 1 > MAX_SUFFIX || k + 1 >= n {
                break;
            }
            if let Some(e) = self.rules.get(&rule_key(&lower[i..], upos)) {
                best = Some(e);
            }
        }
        match best {
            Some(e) if usize::from(e.strip) < n => {
                let keep = lower
                    .char_indices()
                    .nth(n - usize::from(e.strip))
                    .map_or(lower.len(), |(i, _)| i);
                out.push_str(&lower[..keep]);
                out.push_str(&e.append);
            }
            _ => out.push_str(lower),
        }
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        let mut known: Vec<_> = self.known.iter().collect();
        known.sort_unstable_by_key(|(k, _)| **k);
        out.extend_from_slice(&(known.len() as u32).to_le_bytes());
        for (k, l) in known {
            out.extend_from_slice(&k.to_le_bytes());
            crate::model::write_str(out, l);
        }
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort_unstable_by_key(|(k, _)| **k);
        out.extend_from_slice(&(rules.len() as u32).to_le_bytes());
        for (k, e) in rules {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(e.strip);
            crate::model::write_str(out, &e.append);
        }
    }

    pub fn read(input: &mut Bytes<'_>) -> Result<Lemmatizer, String> {
        let mut lemmatizer = Lemmatizer::default();
        let n = input.u32()? as usize;
        lemmatizer.known.reserve(n.min(1 << 20));
        for _ in 0..n {
            let k = input.u64()?;
            lemmatizer.known.insert(k, input.str()?.to_string());
        }
        let n = input.u32()? as usize;
        for _ in 0..n {
            let k = input.u64()?;
            let strip = input.u8()?;
            let append = input.str()?.to_string();
            lemmatizer.rules.insert(k, Edit { strip, append });
        }
        Ok(lemmatizer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_words_and_learnt_endings() {
        let training = [
            ("was", Upos::Aux, "be"),
            ("countries", Upos::Noun, "country"),
            ("cities", Upos::Noun, "city"),
            ("talks", Upos::Noun, "talk"),
            ("held", Upos::Verb, "hold"),
            ("walked", Upos::Verb, "walk"),
            ("played", Upos::Verb, "play"),
            ("Korea", Upos::Propn, "Korea"),
        ];
        let l = Lemmatizer::learn(training.iter().copied());
        let (mut lower, mut out) = (String::new(), String::new());
        let mut lemma = |form: &str, upos| {
            out.clear();
            l.lemma_into(form, upos, &mut lower, &mut out);
            out.clone()
        };
        assert_eq!(lemma("Was", Upos::Aux), "be");
        assert_eq!(lemma("parties", Upos::Noun), "party");
        assert_eq!(lemma("jumped", Upos::Verb), "jump");
        assert_eq!(lemma("Pyongyang", Upos::Propn), "Pyongyang");
        assert_eq!(lemma("é", Upos::Noun), "é");
        let mut bytes = Vec::new();
        l.write(&mut bytes);
        let back = Lemmatizer::read(&mut Bytes::new(&bytes)).expect("reads back");
        assert_eq!(back.known.len(), l.known.len());
        assert_eq!(back.rules.len(), l.rules.len());
    }
}
