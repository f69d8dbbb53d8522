//! Everything the name finder loads once: the actor dictionary, the word lists, and the index
//! that finds dictionary phrases in a body.

use crate::hash::FastMap as HashMap;

use super::dictionary::{ActorDictionary, DictionaryError, Phrase, PhraseKind};
use super::lexicon::NameLexicon;
use super::roles::RoleTable;

/// The name finder's resources: immutable, shared by every thread.
#[derive(Debug)]
pub struct NameResources {
    pub dict: ActorDictionary,
    pub lexicon: NameLexicon,
    /// Every dictionary phrase by its first token; group i names `phrase_groups[i]`.
    pub phrases: super::phrase_index::PhraseIndex,
    /// For each distinct phrase text, the dictionary phrases that spell it.
    pub phrase_groups: Vec<Vec<usize>>,
    /// For each entry, its full names (the canonical name and the aliases of two words or
    /// more): what a given name in the text is compared with ("Mahmud Abbas" is Mahmoud Abbas).
    pub full_names: Vec<Vec<usize>>,
    /// The people whose full names end in a word, by that word ("Clinton" → Bill Clinton,
    /// Hillary Clinton): who a titled surname may name when the dictionary files the surname
    /// alone under someone the title rules out ("Mrs. Clinton").
    pub by_last_name: HashMap<String, Vec<usize>>,
    /// Role words and their CAMEO agent codes.
    pub roles: RoleTable,
}

impl NameResources {
    /// The embedded dictionaries and lists.
    pub fn embedded() -> Result<Self, DictionaryError> {
        Ok(Self::build(
            ActorDictionary::embedded()?,
            NameLexicon::embedded(),
        ))
    }

    /// Builds the matchers over a dictionary (the embedded one, or a user's).
    pub fn build(dict: ActorDictionary, lexicon: NameLexicon) -> Self {
        let mut by_text: HashMap<&str, usize> = HashMap::default();
        let mut texts: Vec<&str> = Vec::new();
        let mut phrase_groups: Vec<Vec<usize>> = Vec::new();
        for (i, Phrase { text, .. }) in dict.phrases.iter().enumerate() {
            let group = *by_text.entry(text.as_str()).or_insert_with(|| {
                texts.push(text.as_str());
                phrase_groups.push(Vec::new());
                texts.len() - 1
            });
            phrase_groups[group].push(i);
        }
        let mut full_names: Vec<Vec<usize>> = vec![Vec::new(); dict.entries.len()];
        for (i, p) in dict.phrases.iter().enumerate() {
            if p.kind == PhraseKind::Name
                && let Some(names) = full_names.get_mut(p.entry)
            {
                names.push(i);
            }
        }
        let mut by_last_name: HashMap<String, Vec<usize>> = HashMap::default();
        for (e, names) in full_names.iter().enumerate() {
            if dict.entries[e].kind != chronicle_core::EntityType::Person {
                continue;
            }
            for &p in names {
                let words = dict.phrases[p].text.split_whitespace();
                if let Some(last) = words.clone().last().filter(|_| words.count() >= 2) {
                    let people = by_last_name.entry(last.to_string()).or_default();
                    if !people.contains(&e) {
                        people.push(e);
                    }
                }
            }
        }
        let phrases = super::phrase_index::PhraseIndex::build(&texts);
        let roles = RoleTable::new(&dict.roles, |_| true);
        NameResources {
            dict,
            lexicon,
            phrases,
            phrase_groups,
            full_names,
            by_last_name,
            roles,
        }
    }
}
