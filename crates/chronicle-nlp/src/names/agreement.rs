//! What the verb after a name says about it. One person takes a singular verb ("Smith has"); a
//! club, a band or a firm may take a plural one in British English ("Chelsea have been
//! criticised", "Bath need a scrum-half", "Leeds are top"). A one-word name that the article
//! gives a plural verb as its subject is a body, wherever else the article writes it.

use super::spot::Tokens;

/// Plural forms of the present (and "were") that a singular name never takes as subject.
/// Verbs that are also nouns after a name ("a Smith play", "the Gore lead") are left out.
const PLURAL_VERBS: &[&str] = &[
    "have", "are", "were", "haven't", "aren't", "weren't", "don't", "'ve", "’ve", "'re", "’re",
    "face", "need",
];

/// Words after which a name opens a clause as its subject: "but Chelsea have", "said that
/// Bath need", "the Wasps are". After any other word ("besieging Turin were", "friends of
/// Smith have", "could Smith have", "Smith and Jones are") the verb that follows belongs to a
/// longer subject or to an inverted clause.
const CLAUSE_OPENERS: &[&str] = &[
    ",", ";", ":", "\"", "“", "‘", "'", "(", "-", "—", "–", "but", "while", "when", "whereas",
    "after", "before", "because", "although", "though", "since", "that", "if", "as", "so", "yet",
    "now", "then", "the", "until", "unless", "where",
];

/// Whether the one-word name `word` is, somewhere in the article, the subject of a plural
/// verb right after it ("Chelsea have", "Bath need"), and no plural common noun that opens a
/// sentence ("Deliveries are due", "Balls were flying"): a word shaped like a plural is a
/// name only where the article also writes it capitalised inside a sentence.
pub(super) fn plural_subject(t: &Tokens<'_>, word: &str) -> bool {
    let at = |k: usize| t.text(k) == word;
    let plural_shaped = word.ends_with('s') && !word.ends_with("ss");
    (0..t.len()).any(|k| at(k) && plural_subject_at(t, k))
        && (!plural_shaped
            || (0..t.len()).any(|k| at(k) && !t.opens_sentence(k) && !t.in_caps_sentence(k)))
}

/// Whether the name at token `k` (one word) is the subject of a plural verb right after it.
fn plural_subject_at(t: &Tokens<'_>, k: usize) -> bool {
    let verb = k + 1;
    if !t.same_sentence(k, verb) || t.in_caps_sentence(k) {
        return false;
    }
    let opens_clause =
        t.opens_sentence(k) || CLAUSE_OPENERS.contains(&t.text(k - 1).to_lowercase().as_str());
    PLURAL_VERBS.contains(&t.text(verb))
        && opens_clause
        // "Chelsea face Barcelona": something follows the verb in its sentence.
        && t.same_sentence(verb, verb + 1)
}
