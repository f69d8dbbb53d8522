//! What the words around a name say about it: a title before it ("President", "Mr."), role words
//! before or in apposition after it ("senior official Choe", "Choe, the first vice foreign
//! minister"), a nationality or country before it ("North Korean official"), a speech verb after it.

use chronicle_core::Gender;

use super::lexicon::Title;
use super::resources::NameResources;
use super::roles::Case;
use super::spot::Tokens;

/// The context of one candidate.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// A title right before the name, with how many tokens it spans.
    pub title: Option<(Title, usize)>,
    /// Role words found before the name or in apposition after it, lowercase ("official").
    pub roles: Vec<String>,
    /// The CAMEO agent code of the strongest role ("GOV").
    pub role_code: Option<String>,
    /// A speech or action verb right after the name ("said", "told").
    pub speaks: bool,
    /// A preposition of place right before the name ("in", "at", "from").
    pub after_place_preposition: bool,
    /// An age in apposition ("Abe, 65,"): only people have one.
    pub age_apposition: bool,
    /// A noun that stands for an organisation heads an apposition ("Zentrix, the packaging
    /// group,") or introduces the name ("the firm Zentrix"): the name is the organisation's.
    pub institution: bool,
    /// What the first possessive after a name that opens its sentence says it is: "its" a
    /// body ("Velcora plans to cut its workforce"), "his" or "her" a person.
    pub possessive: Option<chronicle_core::EntityType>,
}

impl Evidence {
    pub fn gender(&self) -> Gender {
        self.title.map_or(Gender::Unknown, |(t, _)| t.gender)
    }
}

const SPEECH_VERBS: [&str; 22] = [
    "said",
    "says",
    "told",
    "added",
    "asked",
    "noted",
    "stated",
    "declared",
    "announced",
    "warned",
    "insisted",
    "argued",
    "explained",
    "wrote",
    "tweeted",
    "replied",
    "responded",
    "claimed",
    "urged",
    "stressed",
    "acknowledged",
    "confirmed",
];

/// Gathers the evidence around `tokens[first..end]`.
pub fn gather(t: &Tokens<'_>, res: &NameResources, first: usize, end: usize) -> Evidence {
    let mut ev = Evidence {
        title: title_before(t, res, first),
        ..Evidence::default()
    };
    let before_title = first - ev.title.map_or(0, |(_, n)| n);
    if let Some(title) = ev.title.map(|(_, n)| lower_words(t, first - n, first)) {
        note_role(res, &title, &mut ev);
    }
    // Role words right before: "official Choe", "leader Kim Jong Un", "spokesman John Kirby".
    let mut buf = String::new();
    for n in (1..=res.roles.max_words().min(before_title)).rev() {
        let start = before_title - n;
        if !res.roles.opens(t.text(start)) || !t.same_sentence(start, first) {
            continue;
        }
        lower_words_into(t, start, before_title, &mut buf);
        if res.roles.code(&buf).is_some() {
            let words = buf.clone();
            note_role(res, &words, &mut ev);
            break;
        }
    }
    apposition(t, res, end, &mut ev);
    ev.possessive = subject_possessive(t, first, end);
    ev.speaks = speaks(t, first, end);
    let before = before_title.saturating_sub(1);
    // "In Toronto, ...", "At Hove : Sussex 363": the preposition opening the sentence.
    let opening = t.opens_sentence(before)
        && matches!(t.text(before), "In" | "At" | "From" | "Near" | "Outside");
    // "at Cruz's rally" puts the rally somewhere, not Cruz.
    let possessive = matches!(t.text(end), "'s" | "’s" | "'" | "’");
    ev.after_place_preposition = first > 0
        && before_title > 0
        && !possessive
        && (opening
            || matches!(
                t.text(before),
                "in" | "at" | "from" | "near" | "to" | "across" | "outside"
            ));
    // "In Dunbarrow, the home side batted": after a place preposition the comma closes an
    // adverbial, and what follows is the sentence's subject, no apposition.
    ev.institution = introduced_by_institution(t, res, first)
        || (!ev.after_place_preposition && institution_apposition(t, res, end));
    ev
}

/// Whether a speech verb stands right after the name ("Choe said") or right before it in an
/// inverted attribution ("said Choe").
pub fn speaks(t: &Tokens<'_>, first: usize, end: usize) -> bool {
    SPEECH_VERBS.contains(&t.text(end))
        || (first > 0
            && SPEECH_VERBS.contains(&t.text(first - 1))
            && t.text(end) != "that"
            && !opens_predicate(t.text(end)))
}

/// "said Bonn would send aid", "said Harkov supported the plan": after a speech verb a name
/// followed by an auxiliary or a past tense is the subject of what was said, not a speaker
/// named after the verb ("said Choe.", "said Choe on Monday").
fn opens_predicate(word: &str) -> bool {
    const AUXILIARIES: [&str; 16] = [
        "would", "will", "could", "should", "might", "may", "must", "can", "is", "was", "are",
        "were", "has", "had", "have", "did",
    ];
    AUXILIARIES.contains(&word)
        || (word.len() > 4 && word.ends_with("ed") && word.chars().all(|c| c.is_ascii_lowercase()))
}

/// The longest title ending right before `first`.
fn title_before(t: &Tokens<'_>, res: &NameResources, first: usize) -> Option<(Title, usize)> {
    let max = res.lexicon.max_title_words.min(first);
    (1..=max).rev().find_map(|n| {
        if !t.same_sentence(first - n, first) || !t.is_capitalised(first - n) {
            return None;
        }
        let words = words_as_written(t, first - n, first).to_lowercase();
        res.lexicon.title(&words).map(|title| (title, n))
    })
}

/// "the firm Zentrix", "club Zentrix": a noun that stands for an organisation right before a
/// name that no given name opens. ("the company's Smith" has the possessive in between.)
fn introduced_by_institution(t: &Tokens<'_>, res: &NameResources, first: usize) -> bool {
    let Some(before) = first.checked_sub(1) else {
        return false;
    };
    t.same_sentence(before, first)
        && is_institution_word(res, t.text(before))
        && !super::typing::opens_person_name(res, t.text(first))
}

/// A lowercase noun that stands for an organisation, singular or plural ("group",
/// "companies", "giants").
fn is_institution_word(res: &NameResources, w: &str) -> bool {
    let singular = w
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| w.strip_suffix('s').map(str::to_string));
    w.starts_with(|c: char| c.is_lowercase())
        && (res.lexicon.is_institution_noun(w)
            || singular.is_some_and(|s| res.lexicon.is_institution_noun(&s)))
}

/// Most tokens between a subject's name and a possessive that refers back to it.
const POSSESSIVE_REACH: usize = 8;

/// The type the first possessive pronoun of the sentence gives the name that opens it: "its"
/// for a body, "his" or "her" for a person. Another name, a relative word or a second clause
/// ("but", ";") on the way may take the pronoun, so the search stops there.
fn subject_possessive(
    t: &Tokens<'_>,
    first: usize,
    end: usize,
) -> Option<chronicle_core::EntityType> {
    use chronicle_core::EntityType;
    // "Speaking at the trial of his boss", "Ideally, his ...": an opener shaped like a verb,
    // an adverb or an adjective is no subject's name.
    let w = t.text(first);
    let shaped =
        ["ing", "ly", "ed"].iter().any(|e| w.ends_with(e)) || super::typing::adjective_shaped(w);
    if !t.opens_sentence(first) || (end - first == 1 && shaped) {
        return None;
    }
    for k in end..(end + POSSESSIVE_REACH).min(t.len()) {
        if !t.same_sentence(first, k) || t.is_capitalised(k) {
            return None;
        }
        match t.text(k) {
            "its" | "itself" => return Some(EntityType::Org),
            "his" | "her" | "himself" | "herself" => return Some(EntityType::Person),
            "who" | "whose" | "which" | "that" | "and" | "or" | "but" | ";" | "\"" | "“" => {
                return None;
            }
            _ => {}
        }
    }
    None
}

/// Most words an apposition's noun phrase runs to before its head.
const APPOSITION_WORDS: usize = 7;

/// ", the first foreign company to list", ", a packaging group based in Vienna", ", one of the
/// largest banks,": an apposition whose head noun stands for an organisation. The head is the
/// noun that ends the phrase; "the club's captain" is headed by "captain".
fn institution_apposition(t: &Tokens<'_>, res: &NameResources, end: usize) -> bool {
    if t.text(end) != "," || !t.same_sentence(end, end + 1) {
        return false;
    }
    let mut j = end + 1;
    if t.text(j) == "one" && t.text(j + 1) == "of" {
        j += 2;
    }
    if matches!(
        t.text(j),
        "the" | "a" | "an" | "its" | "his" | "her" | "their"
    ) {
        j += 1;
    }
    // The phrase ends at punctuation, a preposition or a relative word; a participle
    // ("based", "owned", "making") ends it too, but only after a noun ("packaging group").
    let hard_stop = |k: usize| {
        !t.same_sentence(end, k)
            || matches!(t.kind(k), Some(chronicle_core::TokenKind::Punct))
            || matches!(
                t.text(k),
                "of" | "in"
                    | "to"
                    | "that"
                    | "which"
                    | "who"
                    | "whose"
                    | "with"
                    | "for"
                    | "at"
                    | "on"
                    | "from"
                    | "and"
                    | "since"
                    | "by"
            )
    };
    let participle = |k: usize| {
        let w = t.text(k);
        w.starts_with(|c: char| c.is_lowercase()) && (w.ends_with("ed") || w.ends_with("ing"))
    };
    (j..j + APPOSITION_WORDS)
        .take_while(|&k| !hard_stop(k))
        .any(|k| is_institution_word(res, t.text(k)) && (hard_stop(k + 1) || participle(k + 1)))
}

/// ", the first vice foreign minister," / ", 65," / ", a senior official," after a name.
fn apposition(t: &Tokens<'_>, res: &NameResources, end: usize, ev: &mut Evidence) {
    if t.text(end) != "," || !t.same_sentence(end, end + 1) {
        return;
    }
    let mut j = end + 1;
    // ", which are home to many voters": a clause about a thing or a place, no apposition.
    if matches!(t.text(j), "which" | "where" | "that" | "when") {
        return;
    }
    if t.kind(j) == Some(chronicle_core::TokenKind::Number) && t.text(j + 1) == "," {
        ev.age_apposition = true;
        return;
    }
    if matches!(
        t.text(j),
        "the" | "a" | "an" | "its" | "his" | "her" | "their"
    ) {
        j += 1;
    }
    // Scan the noun phrase up to the next comma or clause end for the longest role.
    let stop = (j..(j + 10).min(t.len()))
        .find(|&k| matches!(t.text(k), "," | "." | ";" | "—" | "(" | ")"))
        .unwrap_or(j);
    let mut buf = String::new();
    let mut k = j;
    while k < stop {
        match longest_role(t, res, k, &mut buf).filter(|&n| k + n <= stop) {
            // "approaching Mahala, a spokesman said": a role that speaks right after the
            // comma opens a reporting clause; it describes no one before the comma.
            Some(n) if SPEECH_VERBS.contains(&t.text(k + n)) => return,
            Some(n) => {
                let words = buf.clone();
                note_role(res, &words, ev);
                k += n;
            }
            None => k += 1,
        }
    }
}

/// The length in tokens of the longest role phrase starting at token `from`, leaving the phrase
/// (lowercase) in `buf`. Reuses `buf`: no allocation per token.
pub fn longest_role(
    t: &Tokens<'_>,
    res: &NameResources,
    from: usize,
    buf: &mut String,
) -> Option<usize> {
    let word = |k: usize| (from + k < t.len()).then(|| t.text(from + k));
    res.roles.longest(word, Case::Exact, buf).map(|(n, _)| n)
}

fn note_role(res: &NameResources, words: &str, ev: &mut Evidence) {
    if let Some(code) = res.roles.code(words) {
        ev.role_code.get_or_insert_with(|| code.to_string());
    }
    if !ev.roles.iter().any(|r| r == words) {
        ev.roles.push(words.to_string());
    }
}

/// Tokens `from..to` joined by single spaces, lowercase.
pub fn lower_words(t: &Tokens<'_>, from: usize, to: usize) -> String {
    let mut s = String::new();
    lower_words_into(t, from, to, &mut s);
    s
}

/// Tokens `from..to` joined by single spaces, lowercase, into `buf` (cleared first).
pub fn lower_words_into(t: &Tokens<'_>, from: usize, to: usize, buf: &mut String) {
    buf.clear();
    for k in from..to {
        if k > from {
            buf.push(' ');
        }
        buf.extend(t.text(k).chars().flat_map(char::to_lowercase));
    }
}

/// Tokens `from..to` joined by single spaces.
pub fn words_as_written(t: &Tokens<'_>, from: usize, to: usize) -> String {
    let mut s = String::new();
    for k in from..to {
        if k > from {
            s.push(' ');
        }
        s.push_str(t.text(k));
    }
    s
}
