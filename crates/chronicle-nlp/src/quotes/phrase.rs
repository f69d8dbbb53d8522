//! The noun phrases a speaker is written as: a name ("Rep. John Mica (R-Fla.)", "Charles de
//! Gaulle"), a pronoun, or a description ("the 55-year-old Frenchman", "Trump’s campaign", "one
//! Democratic source"), read from the tokens that end or start at a given token. Nothing here
//! knows about cues; [`super::attribute`] decides where a speaker phrase is looked for.

use std::ops::Range;

use chronicle_core::TokenKind;

use super::doc::Doc;
use super::lexicon::WordClass;

/// How a speaker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    /// A capitalised name, possibly with titles: "Rep. John Mica", "Choe".
    Name,
    /// A personal pronoun: "she".
    Pronoun,
    /// A description: "the minister", "another source", "Trump’s campaign".
    Described,
}

/// The noun phrase of a speaker, as tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    pub tokens: Range<usize>,
    pub kind: NpKind,
}

/// Most tokens of a described speaker ("the 70-year-old Republican nominee").
const DESCRIBED: usize = 6;

/// Lower-case words that may stand inside a name ("Charles de Gaulle", "Osama bin Laden").
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "del"
            | "della"
            | "da"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "le"
            | "la"
            | "du"
            | "dos"
            | "di"
    )
}

/// The speaker phrase that ends at token `j`, looking no further back than `floor`.
pub fn np_before(doc: &Doc, j: usize, floor: usize) -> Option<Np> {
    if j < floor || j >= doc.tokens.len() {
        return None;
    }
    let mut j = j;
    // A party and state after a name: "Rep. John Mica (R-Fla.)".
    if doc.is_punct(j, ")") {
        let open = (floor..j).rev().take(8).find(|&k| doc.is_punct(k, "("))?;
        j = open.checked_sub(1).filter(|&k| k >= floor)?;
    }
    if doc.is(j, WordClass::Pronoun) {
        return Some(Np {
            tokens: j..j + 1,
            kind: NpKind::Pronoun,
        });
    }
    let function = doc.is(j, WordClass::Function) || doc.is(j, WordClass::Det);
    if doc.is_capitalised(j) && !function {
        let name = name_before(doc, j, floor);
        // One capitalised word after a determiner and lower-case modifiers heads a
        // description: "the 55-year-old Frenchman", "the veteran Republican".
        let described = (name.tokens.len() == 1)
            .then(|| described_before(doc, j, floor))
            .flatten()
            .filter(|np| np.tokens.len() > 2 && doc.is(np.tokens.start, WordClass::Det));
        return Some(described.unwrap_or(name));
    }
    if doc.is_lower_word(j) && !doc.is(j, WordClass::Aux) && !function {
        return described_before(doc, j, floor);
    }
    None
}

/// The capitalised run ending at `j`, with the name before a possessive that owns it.
fn name_before(doc: &Doc, j: usize, floor: usize) -> Np {
    let mut k = j;
    while k > floor {
        let p = k - 1;
        let particle = doc.is_lower_word(p) && is_particle(doc.tok(p)) && p > floor;
        let function = doc.is(p, WordClass::Function) || doc.is(p, WordClass::Det);
        if (doc.is_capitalised(p) && !function) || (particle && doc.is_capitalised(p - 1)) {
            k = p;
        } else {
            break;
        }
    }
    let kind = if (k..=j).all(|i| doc.is(i, WordClass::Title)) {
        NpKind::Described
    } else {
        NpKind::Name
    };
    Np {
        tokens: k..j + 1,
        kind,
    }
}

/// A described speaker ending at the lower-case word `j`: back to its determiner or possessor.
fn described_before(doc: &Doc, j: usize, floor: usize) -> Option<Np> {
    let mut k = j;
    for _ in 0..DESCRIBED {
        if k <= floor {
            break;
        }
        let p = k - 1;
        if doc.is(p, WordClass::Det) {
            return Some(Np {
                tokens: p..j + 1,
                kind: NpKind::Described,
            });
        }
        if doc.kind(p) == Some(TokenKind::Clitic) && p > floor {
            let owner = name_before(doc, p - 1, floor);
            return Some(Np {
                tokens: owner.tokens.start..j + 1,
                kind: NpKind::Described,
            });
        }
        let modifier = (doc.is_lower_word(p) && !doc.is(p, WordClass::Function))
            || doc.is_capitalised(p)
            || doc.kind(p) == Some(TokenKind::Number)
            || glued_hyphen(doc, p);
        if !modifier || doc.cue_at(p, p + 1).is_some() || doc.is(p, WordClass::Aux) {
            break;
        }
        k = p;
    }
    // No determiner: a bare plural ("sources", "officials") or a role word ("spokesman"), or a
    // phrase that opens the clause ("Small groups of protesters").
    let head = doc.tok(j);
    if k == floor && k < j {
        return Some(Np {
            tokens: k..j + 1,
            kind: NpKind::Described,
        });
    }
    let bare = k == j && (head.ends_with('s') || doc.is(j, WordClass::Title));
    bare.then(|| Np {
        tokens: j..j + 1,
        kind: NpKind::Described,
    })
}

/// Whether token `k` is a hyphen written inside one word, with no space on either side of it
/// and a word or number each side: the tokenizer splits "30-year-old" after the digits, but "the
/// 30-year-old" is one phrase.
pub(super) fn glued_hyphen(doc: &Doc, k: usize) -> bool {
    let wordlike = |t: usize| matches!(doc.kind(t), Some(TokenKind::Word | TokenKind::Number));
    doc.tok(k) == "-"
        && k > 0
        && k + 1 < doc.tokens.len()
        && wordlike(k - 1)
        && wordlike(k + 1)
        && doc.end_of(k - 1) == doc.start_of(k)
        && doc.end_of(k) == doc.start_of(k + 1)
}

/// Lower-case role words between a name and a name ("MSNBC *host* Chris Matthews", "White
/// House *press secretary* Josh Earnest"): how many, when a title ends them and a name follows.
fn role_then_name(doc: &Doc, k: usize, limit: usize) -> Option<usize> {
    let n = noun_after(doc, k, limit.min(k + 3));
    // A role word the lexicon does not list still stands before a full name: "Investec
    // *economist* David Page"; not a verb's form ("Joan Pike *rejected* Mr Hale's words").
    let noun = |t: usize| {
        let w = doc.tok(t);
        !(w.ends_with("ed") || w.ends_with("ing") || (w.ends_with('s') && !w.ends_with("ss")))
    };
    let full_name = |at: usize| {
        at > k
            && (k..at).all(noun)
            && at + 1 < limit
            && doc.is_capitalised(at)
            && doc.is_capitalised(at + 1)
            && !doc.is(at, WordClass::Function)
    };
    (1..=n).rev().find(|&len| {
        (doc.is(k + len - 1, WordClass::Title) && doc.is_capitalised(k + len)) || full_name(k + len)
    })
}

/// The speaker phrase that starts at token `i`, looking no further than `limit`. A phrase
/// followed by a possessive owns the noun after it, which heads the whole: "said *the board's
/// treasurer*", "said *Tom Roe's lawyer*"; a name after the owned role is the speaker: "said
/// *Roe's spokesman Carl Webb*" → Carl Webb.
pub fn np_after(doc: &Doc, i: usize, limit: usize) -> Option<Np> {
    let np = np_plain_after(doc, i, limit)?;
    let s = np.tokens.end;
    let possessive = np.kind != NpKind::Pronoun
        && s + 1 < limit
        && doc.kind(s) == Some(TokenKind::Clitic)
        && matches!(doc.tok(s), "'s" | "’s" | "'" | "’");
    if !possessive {
        return Some(np);
    }
    if let Some(name) = name_after_role(doc, s + 1, limit).filter(|n| n.kind == NpKind::Name) {
        return Some(name);
    }
    // Read the owned phrase as after a determiner: the possessive is one.
    match np_plain_after(doc, s, limit) {
        Some(owned) if owned.tokens.end > s + 1 => Some(Np {
            tokens: np.tokens.start..owned.tokens.end,
            kind: NpKind::Described,
        }),
        _ => Some(np),
    }
}

/// The speaker phrase that starts at token `i`, without a possessive's owned noun.
pub fn np_plain_after(doc: &Doc, i: usize, limit: usize) -> Option<Np> {
    if i >= limit {
        return None;
    }
    if doc.is(i, WordClass::Pronoun) {
        return Some(Np {
            tokens: i..i + 1,
            kind: NpKind::Pronoun,
        });
    }
    let (start, first) = if doc.is(i, WordClass::Det) || doc.kind(i) == Some(TokenKind::Clitic) {
        (i, i + 1)
    } else {
        (i, i)
    };
    if doc.is_capitalised(first) && first < limit {
        let mut k = first + 1;
        while k < limit {
            let particle =
                doc.is_lower_word(k) && is_particle(doc.tok(k)) && doc.is_capitalised(k + 1);
            if doc.is_capitalised(k) || particle {
                k += 1;
            } else if let Some(n) = role_then_name(doc, k, limit) {
                k += n;
            } else {
                break;
            }
        }
        let kind = if (first..k).all(|t| doc.is(t, WordClass::Title)) && start == first {
            NpKind::Described
        } else {
            NpKind::Name
        };
        // After a determiner, a capitalised word before a noun modifies it: "the Clinton
        // *campaign*".
        let noun = noun_after(doc, k, limit);
        if start != first && noun > 0 {
            return Some(Np {
                tokens: start..k + noun,
                kind: NpKind::Described,
            });
        }
        return Some(Np {
            tokens: first..k,
            kind,
        });
    }
    if start == first {
        return name_after_role(doc, i, limit);
    }
    let mut k = first;
    while k < limit && k < first + DESCRIBED {
        let word = matches!(doc.kind(k), Some(TokenKind::Word | TokenKind::Number))
            || glued_hyphen(doc, k);
        // A passive participle with its agent ends the phrase: "said a senior official *quoted
        // by* the daily".
        let participle = k > first && doc.tok(k).ends_with("ed") && doc.tok(k + 1) == "by";
        if !word || participle || doc.is(k, WordClass::Function) {
            break;
        }
        k += 1;
    }
    (k > first).then_some(Np {
        tokens: start..k,
        kind: NpKind::Described,
    })
}

/// Most tokens of the role words before a name after a cue: "said *29-year-old bank manager*
/// Justin Hare" is seven.
const ROLE_LEAD: usize = 8;

/// A name after lower-case role words or a number: "said 9/11 widow Terry Strada".
fn name_after_role(doc: &Doc, i: usize, limit: usize) -> Option<Np> {
    let lead = (i..limit.min(i + ROLE_LEAD))
        .take_while(|&t| {
            (doc.is_lower_word(t) && !doc.is(t, WordClass::Function) && !doc.is(t, WordClass::Aux))
                || doc.kind(t) == Some(TokenKind::Number)
                || glued_hyphen(doc, t)
        })
        .count();
    if lead == 0 || !doc.is_capitalised(i + lead) {
        return None;
    }
    let np = np_after(doc, i + lead, limit).filter(|np| np.kind == NpKind::Name)?;
    // A capitalised word between lower-case ones modifies a noun: "said one Democratic
    // *source*", "said senior Obama administration *officials*".
    let noun = noun_after(doc, np.tokens.end, limit);
    Some(if noun > 0 {
        Np {
            tokens: i..np.tokens.end + noun,
            kind: NpKind::Described,
        }
    } else {
        np
    })
}

/// How many lower-case words from `k` can end a noun phrase: no function word, auxiliary,
/// time word or cue.
fn noun_after(doc: &Doc, k: usize, limit: usize) -> usize {
    (k..limit.min(k + DESCRIBED))
        .take_while(|&t| {
            doc.is_lower_word(t)
                && !doc.is(t, WordClass::Function)
                && !doc.is(t, WordClass::Aux)
                && !doc.is(t, WordClass::Time)
                && doc.cue_at(t, t + 1).is_none()
        })
        .count()
}
