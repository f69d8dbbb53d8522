//! Attribution: the cue next to a quotation and the noun phrase that says it.
//!
//! The patterns are the ones news style uses: "“...,” X said", "“...,” said X",
//! "“...,” X, the minister, said", "X told reporters: “...”", "According to X, “...”", and
//! "X called it a “fragment”" for quotations inside the writer's sentence. Everything here works
//! on tokens and returns token ranges; [`super::resolve`] turns them into names.

use std::ops::Range;

use chronicle_core::TokenKind;

use super::doc::Doc;
use super::lexicon::{CueClass, WordClass};
use super::phrase::{Np, NpKind, glued_hyphen, np_after, np_before, np_plain_after};
use super::reports;
pub use super::reports::reports_anew;

/// A cue with the noun phrase it attributes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub np: Np,
    /// The cue's tokens ("added", "according to").
    pub cue: Range<usize>,
    pub class: CueClass,
}

/// Most tokens between a cue and its speaker when an apposition stands between them.
const APPOSITION: usize = 30;
/// Most words of a role written before a speaker's name after a quotation.
const LEADING_ROLE: usize = 6;

/// The subject of the cue at token `cue`: the phrase before it, over auxiliaries ("also") and an
/// apposition between commas ("Quina Jones, 25, said").
pub fn subject_of(doc: &Doc, cue: usize, floor: usize) -> Option<Np> {
    let mut j = cue.checked_sub(1)?;
    while j > floor && doc.is(j, WordClass::Aux) {
        j -= 1;
    }
    if j < floor {
        return None;
    }
    let np = if doc.is_punct(j, ",") {
        // "..., saying" hangs from the clause's subject, not from the word before the comma.
        if doc.tok(cue).ends_with("ing") {
            return clause_subject(doc, floor, j);
        }
        let lo = j.saturating_sub(APPOSITION).max(floor);
        let comma = (lo..j).rev().find(|&k| doc.is_punct(k, ","))?;
        // The phrase before the apposition, else the apposition's own when no phrase ends
        // there ("Another peer meanwhile, Lord Skidelsky, said").
        let apposed = np_before(doc, j.checked_sub(1)?, comma + 1);
        let np = match np_before(doc, comma.checked_sub(1)?, floor) {
            // A description with a name in apposition: the name speaks ("the man's
            // lawyer, David Roe, said" → David Roe).
            Some(np)
                if np.kind == NpKind::Described
                    && apposed
                        .as_ref()
                        .is_some_and(|a| a.kind == NpKind::Name && a.tokens.start == comma + 1) =>
            {
                apposed?
            }
            Some(np) => np,
            None => apposed?,
        };
        if np.kind == NpKind::Described && np.tokens.len() < 2 {
            return None;
        }
        np
    } else if is_dash(doc.tok(j)) {
        // An aside between dashes: "Jane Roe -- who runs the firm -- told me".
        // A dash may be written as two tokens ("- -"): each run of dashes is one.
        let run_start = |mut k: usize| {
            while k > floor && is_dash(doc.tok(k - 1)) {
                k -= 1;
            }
            k
        };
        let close = run_start(j);
        let lo = close.saturating_sub(APPOSITION).max(floor);
        let open = run_start((lo..close).rev().find(|&k| is_dash(doc.tok(k)))?);
        // "Several senators -- including Tom Reed -- said: “...”": the one named speaks the
        // words quoted, not the group.
        if let Some(named) = included(doc, open + 1, close) {
            return Some(named);
        }
        np_before(doc, open.checked_sub(1)?, floor)?
    } else if doc.tok(j).eq_ignore_ascii_case("who") && j > floor && doc.is_punct(j - 1, ",") {
        // "..., including Senator Ann Holt, *who* said: “...”": the name the relative follows.
        np_before(doc, j.checked_sub(2)?, floor)?
    } else {
        np_before(doc, j, floor)?
    };
    let np = apposed_name(doc, owner_of(doc, np, floor), floor);
    if np.tokens.start > floor && is_preposition(doc.tok(np.tokens.start - 1)) {
        return clause_subject(doc, floor, np.tokens.start).or(Some(np));
    }
    Some(np)
}

/// The name "including" opens in tokens `from..to`, when it fills them: "including Senator Tom
/// Reed" between dashes, or before a dash that sets off a quotation.
fn included(doc: &Doc, from: usize, to: usize) -> Option<Np> {
    let first = (from..to).find(|&k| !is_dash(doc.tok(k)))?;
    if !doc.tok(first).eq_ignore_ascii_case("including") {
        return None;
    }
    np_after(doc, first + 1, to).filter(|np| np.kind == NpKind::Name && np.tokens.end == to)
}

/// The name a description stands in apposition to when that name opens the clause: "John Roe,
/// the chief executive of the firm -- ... -- told me" → John Roe. A name after an opening
/// preposition ("In Denver, the mayor said") is no such name.
fn apposed_name(doc: &Doc, np: Np, floor: usize) -> Np {
    let start = np.tokens.start;
    if np.kind != NpKind::Described || start < floor + 2 || !doc.is_punct(start - 1, ",") {
        return np;
    }
    match np_before(doc, start - 2, floor) {
        Some(name) if name.kind == NpKind::Name && name.tokens.start == floor => name,
        _ => np,
    }
}

/// Prepositions: a phrase after one is not a subject.
fn is_preposition(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "in" | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "by"
            | "to"
            | "of"
            | "about"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "through"
            | "across"
            | "near"
            | "during"
            | "without"
            | "within"
            | "against"
            | "between"
            | "among"
            | "after"
            | "before"
    )
}

/// Most prepositional phrases a subject carries after its head ("an official *with* the
/// committee *of* the league *in* the capital").
const OWNED: usize = 3;

/// The phrase trailing prepositional phrases hang from, however many: "Mr. Morgan of the Sierra
/// Club" → "Mr. Morgan", "a narrator in the ad" → "a narrator", "an official with the Central
/// Committee of the Youth League" → "an official".
fn owner_of(doc: &Doc, np: Np, floor: usize) -> Np {
    let mut np = np;
    for _ in 0..OWNED {
        let start = np.tokens.start;
        np = owner_once(doc, np, floor);
        if np.tokens.start == start {
            break;
        }
    }
    np
}

/// The phrase one trailing prepositional phrase hangs from, or `np` itself.
fn owner_once(doc: &Doc, np: Np, floor: usize) -> Np {
    let mut p = np.tokens.start;
    // Lower-case words before a one-word name modify it: "a spokesman for *committee*
    // Democrats". Before a person's full name they are a role ("director of *sport* Emilio
    // Butragueno"), and the name is the subject.
    if np.kind == NpKind::Name && np.tokens.len() == 1 {
        for _ in 0..2 {
            let modifier = p > floor
                && doc.is_lower_word(p - 1)
                && !is_preposition(doc.tok(p - 1))
                && ![WordClass::Function, WordClass::Det, WordClass::Aux]
                    .iter()
                    .any(|&c| doc.is(p - 1, c))
                && doc.cue_at(p - 1, p).is_none();
            if !modifier {
                break;
            }
            p -= 1;
        }
    }
    if p > floor && doc.is(p - 1, WordClass::Det) {
        p -= 1;
    }
    // A phrase after a preposition is never the subject: "a narrator *in* the ad asks"; the
    // word before a preposition other than "of", "at", "for", "from" may be a participle
    // ("protesters *marching* through the streets chanted"), which owns nothing.
    let hangs = p > floor + 1 && {
        let prep = doc.tok(p - 1);
        let word = doc.tok(p - 2);
        let participle = word.ends_with("ing") || word.ends_with("ed");
        matches!(prep, "of" | "at" | "for" | "from")
            || (doc.is_lower_word(p - 1) && is_preposition(prep) && !participle)
    };
    if !hangs {
        return np;
    }
    // A bare title before "of" is the name's role, not its owner: "*Secretary of* State John
    // Kerry said" → John Kerry (the state is a title word the name drops).
    let title_of_name = |owner: &Np| {
        np.kind == NpKind::Name && owner.tokens.clone().all(|k| doc.is(k, WordClass::Title))
    };
    match np_before(doc, p - 2, floor) {
        Some(owner) if owner.kind != NpKind::Pronoun && !title_of_name(&owner) => Np {
            tokens: owner.tokens,
            kind: owner.kind,
        },
        _ => np,
    }
}

/// The subject of the clause in `floor..before`: its first name or pronoun that a verb follows
/// ("Trump attacked Clinton ..., saying") or that opens it ("Dean, a former chairman, ...").
fn clause_subject(doc: &Doc, floor: usize, before: usize) -> Option<Np> {
    (floor..before).find_map(|t| {
        let np = if doc.is(t, WordClass::Pronoun) {
            Np {
                tokens: t..t + 1,
                kind: NpKind::Pronoun,
            }
        } else if doc.is_capitalised(t)
            && !doc.is(t, WordClass::Function)
            && !doc.is(t, WordClass::Det)
            && (t == floor || !doc.is_capitalised(t - 1))
        {
            // A possessor is no subject here: "Roe's order, known as ..., is rare".
            np_plain_after(doc, t, before)?
        } else {
            return None;
        };
        let next = np.tokens.end;
        let verb = doc.is_lower_word(next)
            && !doc.is(next, WordClass::Function)
            && !doc.is(next, WordClass::Det);
        let opens = t == floor && doc.is_punct(next, ",");
        (verb || opens).then_some(np)
    })
}

/// The attribution right after a quotation, in tokens `range`: "she added", "said X",
/// "X, the minister, said", "X told reporters". It must start the range.
pub fn after_quote(doc: &Doc, range: Range<usize>) -> Option<Attribution> {
    let mut first = range.start;
    while first < range.end && matches!(doc.kind(first), Some(TokenKind::Punct)) {
        if doc.tok(first) != "," && !is_dash(doc.tok(first)) {
            return None;
        }
        first += 1;
    }
    if first > range.start && is_dash(doc.tok(first - 1)) {
        return dash_signature(doc, first, range.end);
    }
    // A clause of its own follows: "“...,” *when* Clinton blasted him" says who blasted, not
    // who spoke.
    if is_subordinator(doc.tok(first)) {
        return None;
    }
    let end = range.end.min(first + APPOSITION);
    let mut i = first;
    while i < end {
        if let Some(cue) = doc.cue_at(i, range.end) {
            if cue.class == CueClass::Source {
                return None;
            }
            // A cue word right before another cue is a noun, the subject's head: "the
            // congressional *report* said", "an early *tweet* read".
            let noun = i > first && doc.cue_at(i + cue.len, range.end).is_some();
            if noun {
                i += 1;
                continue;
            }
            // A participle after a comma past the first words opens an aside on the subject
            // ("Smith, *speaking* at a rally, said"; "Protesters, *noting* the rain, left"):
            // the attribution, if any, is the finite cue after it.
            let aside = i > first && doc.is_punct(i - 1, ",") && doc.tok(i).ends_with("ing");
            if aside {
                i += cue.len;
                continue;
            }
            if let Some(quoted) = reports::quoted_as(doc, first, i, cue.len) {
                return Some(quoted);
            }
            let cue_range = i..i + cue.len;
            let np = if i == first || (first..i).all(|k| doc.is(k, WordClass::Aux)) {
                let np = np_after(doc, cue_range.end, range.end)?;
                apposed_after(doc, &np, range.end).unwrap_or(np)
            } else {
                leading_subject(doc, first, i).or_else(|| subject_of(doc, i, first))?
            };
            // Role words may stand before the name: "White House press secretary Josh Earnest".
            // Or a name in apposition to the noun phrase that opens the words: "the man's
            // lawyer, David Roe, said", not to a clause ("Citing the rules, Roe would not say").
            let apposed = np.tokens.start > first + 1
                && doc.is_punct(np.tokens.start - 1, ",")
                && !doc.tok(first).ends_with("ing")
                && (first..np.tokens.start - 1).all(|k| {
                    (matches!(
                        doc.kind(k),
                        Some(TokenKind::Word | TokenKind::Clitic | TokenKind::Number)
                    ) || glued_hyphen(doc, k))
                        && doc.cue_at(k, k + 1).is_none()
                });
            let starts_here = apposed
                || np.tokens.start >= cue_range.end
                || (np.tokens.start >= first
                    && np.tokens.start - first <= LEADING_ROLE
                    && (first..np.tokens.start).all(|k| {
                        matches!(
                            doc.kind(k),
                            Some(TokenKind::Word | TokenKind::Abbreviation | TokenKind::Clitic)
                        )
                    })
                    // A possessive owns the role before the name ("the World Bank's director
                    // John Wall"), not a place the role is from ("an official from Peru's
                    // Health Ministry").
                    && !((first..np.tokens.start).any(|k| doc.kind(k) == Some(TokenKind::Clitic))
                        && (first..np.tokens.start).any(|k| is_preposition(doc.tok(k)))));
            // "the US Trade Representative's Office said": a one-word name a possessive owns
            // is named with its owner.
            let np = match np.tokens.start.checked_sub(1) {
                Some(c) if np.tokens.len() == 1 && doc.kind(c) == Some(TokenKind::Clitic) => {
                    let owner = np_before(doc, c.saturating_sub(1), first).map(|o| o.tokens.start);
                    Np {
                        tokens: owner.unwrap_or(np.tokens.start)..np.tokens.end,
                        kind: NpKind::Described,
                    }
                }
                _ => np,
            };
            return starts_here.then_some(Attribution {
                np,
                cue: cue_range,
                class: cue.class,
            });
        }
        if doc.is_punct(i, ".") || doc.is_punct(i, "?") || doc.is_punct(i, "!") {
            return None;
        }
        i += 1;
    }
    None
}

/// Most tokens of the phrases a description after a cue carries before the name in apposition
/// to it ("said the governor *of the Czech central bank*, Josef Tosovsky").
const OWNED_AFTER: usize = 10;

/// The name in apposition to a description after a cue, past the phrases it carries: "said the
/// chairman of the committee, Labour MP Barry Sheerman" → Barry Sheerman; "said its chairman,
/// Sir Anthony Greener". The name must close the clause (a full stop, a comma, a parenthesis),
/// so that "said the mayor, Roe's rival said" is no apposition.
fn apposed_after(doc: &Doc, np: &Np, limit: usize) -> Option<Np> {
    if np.kind != NpKind::Described {
        return None;
    }
    let comma = (np.tokens.end..limit.min(np.tokens.end + OWNED_AFTER))
        .take_while(|&k| !matches!(doc.kind(k), Some(TokenKind::Punct)) || doc.is_punct(k, ","))
        .find(|&k| doc.is_punct(k, ","))?;
    let carried = np.tokens.end..comma;
    let owned = carried.is_empty()
        || (matches!(doc.tok(carried.start), "of" | "at" | "for" | "in")
            && !carried.clone().any(|k| doc.cue_at(k, k + 1).is_some()));
    let name = np_after(doc, comma + 1, limit).filter(|n| n.kind == NpKind::Name)?;
    let closes = name.tokens.end >= limit
        || [".", ",", "(", ";"]
            .iter()
            .any(|p| doc.is_punct(name.tokens.end, p));
    (owned && name.tokens.start == comma + 1 && closes).then_some(name)
}

/// The phrase opening the words after a quotation, when an apposition, a parenthesis or the
/// cue follows it: "Scott Pruitt, the attorney general of Oklahoma, one of the states, said";
/// past a conjunction or connective that opens them.
fn leading_subject(doc: &Doc, first: usize, cue: usize) -> Option<Np> {
    // "“...” And continued: “...”": a conjunction or connective opening the words is no one;
    // the phrase after it is ("Meanwhile Ms Roe said").
    // A preposition opens no subject ("On Friday, the minister flew").
    let opener = doc.is(first, WordClass::Function);
    if opener && is_preposition(doc.tok(first)) {
        return None;
    }
    let first = first + usize::from(opener);
    if first >= cue {
        return None;
    }
    let np = np_after(doc, first, cue)?;
    let next = np.tokens.end;
    let follows = next == cue
        || doc.is_punct(next, ",")
        || doc.is_punct(next, "(")
        || (next..cue).all(|k| doc.is(k, WordClass::Aux));
    (follows && np.kind != NpKind::Described).then_some(np)
}

/// Conjunctions that open a clause of their own after a quotation.
fn is_subordinator(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "when"
            | "while"
            | "because"
            | "although"
            | "though"
            | "if"
            | "unless"
            | "since"
            | "until"
            | "whereas"
    )
}

/// Whether a token is a dash, written as one mark or as two hyphens.
pub fn is_dash(p: &str) -> bool {
    matches!(p, "—" | "–" | "-" | "--" | "―")
}

/// A signature after a dash: "“...” ― Sonya Herridge". The dash is the cue.
fn dash_signature(doc: &Doc, first: usize, limit: usize) -> Option<Attribution> {
    let np = np_after(doc, first, limit)?;
    (np.kind == NpKind::Name && np.tokens.start == first).then(|| Attribution {
        np,
        cue: first - 1..first,
        class: CueClass::Speech,
    })
}

/// The last cue in the tokens `range` before a quotation, no more than `max_gap` tokens before
/// its end, with its class: where the words next to it give no speaker phrase, the tree may
/// ("the choir director called them to the front, *singing* “...”").
pub fn cue_before(
    doc: &Doc,
    range: Range<usize>,
    max_gap: usize,
) -> Option<(Range<usize>, CueClass)> {
    let lo = range.end.saturating_sub(APPOSITION).max(range.start);
    (lo..range.end)
        .rev()
        .filter_map(|i| doc.cue_at(i, range.end).map(|c| (i, c)))
        .find(|(i, _)| range.end - i <= max_gap)
        .map(|(i, c)| (i..i + c.len, c.class))
}

/// The attribution that introduces a quotation, in the tokens `range` before it:
/// "X said, “", "X told reporters: “", "According to X, “".
pub fn before_quote(doc: &Doc, range: Range<usize>, max_gap: usize) -> Option<Attribution> {
    let (cue, class) = cue_before(doc, range.clone(), max_gap)?;
    // "Officials praised the plan, including clerk Dana Ruiz -- “...”": the one named.
    let dash = (range.start..range.end)
        .rev()
        .take_while(|&k| is_dash(doc.tok(k)));
    let after = (range.end < doc.tokens.len() && is_dash(doc.tok(range.end))).then_some(range.end);
    if let Some(d) = dash.last().or(after) {
        let opening = (cue.end..d)
            .rev()
            .find(|&k| doc.tok(k).eq_ignore_ascii_case("including"));
        if let Some(np) = opening.and_then(|k| included(doc, k, d)) {
            return Some(Attribution { np, cue, class });
        }
    }
    let np = match class {
        CueClass::Source => np_after(doc, cue.end, range.end)?,
        _ => {
            subject_of(doc, cue.start, range.start).or_else(|| np_after(doc, cue.end, range.end))?
        }
    };
    Some(Attribution { np, cue, class })
}

/// The last attribution anywhere in `range` (a cue and its subject), for quotations whose
/// speaker was named before them.
pub fn last_in(doc: &Doc, range: Range<usize>) -> Option<Attribution> {
    (range.start..range.end).rev().find_map(|i| {
        let cue = doc.cue_at(i, range.end)?;
        if cue.class == CueClass::Naming {
            return None;
        }
        let cue_range = i..i + cue.len;
        let np = match cue.class {
            CueClass::Source => np_after(doc, cue_range.end, range.end)?,
            _ => subject_of(doc, i, range.start)?,
        };
        Some(Attribution {
            np,
            cue: cue_range,
            class: cue.class,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::lexicon::Lexicon;
    use crate::segment::Segmenter;

    fn with_doc(text: &str, f: impl FnOnce(&Doc)) {
        let seg = Segmenter::new().segment_text(text);
        let lex = Lexicon::english();
        let doc = Doc::new(text, &seg.tokens, &seg.sentence_spans, &lex);
        f(&doc)
    }

    fn span_text(doc: &Doc, r: &Range<usize>) -> String {
        let s = doc.start_of(r.start);
        let e = doc.end_of(r.end - 1);
        doc.text[s..e].to_string()
    }

    fn after(text: &str) -> Option<(String, String)> {
        let mut out = None;
        with_doc(text, |doc| {
            out = after_quote(doc, 0..doc.tokens.len())
                .map(|a| (span_text(doc, &a.np.tokens), span_text(doc, &a.cue)));
        });
        out
    }

    #[test]
    fn speakers_after_a_quote() {
        let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(after(", she added."), s("she", "added"));
        assert_eq!(after(" Choe asked."), s("Choe", "asked"));
        assert_eq!(
            after(", said Kenneth Baer, a former official."),
            s("Kenneth Baer", "said")
        );
        assert_eq!(
            after(" Rep. John Mica (R-Fla.) said."),
            s("Rep. John Mica", "said")
        );
        assert_eq!(
            after(" Quina Jones, 25, said as she left."),
            s("Quina Jones", "said")
        );
        assert_eq!(after(", the source added."), s("the source", "added"));
        assert_eq!(
            after(", the internal audit report said."),
            s("the internal audit report", "said")
        );
        assert_eq!(
            after(" Mr. Goldberg told CNBC in August."),
            s("Mr. Goldberg", "told")
        );
        assert_eq!(
            after(", said the Rev. Peter Wherry."),
            s("Rev. Peter Wherry", "said")
        );
        assert_eq!(
            after(", Secretary of State John Kerry said."),
            s("State John Kerry", "said")
        );
        assert_eq!(after(" is what he wanted."), None);
        assert_eq!(
            after(", said the chairman of the works committee, Labour MP Ann Dale."),
            s("Labour MP Ann Dale", "said")
        );
        assert_eq!(
            after(", said its chairman, Sir Tom Reeve."),
            s("Sir Tom Reeve", "said")
        );
        assert_eq!(
            after(", said the chairman, who runs the club."),
            s("the chairman", "said")
        );
    }

    #[test]
    fn speakers_before_a_quote() {
        let text = "Democratic nominee Hillary Clinton, at a later gaggle, said, ";
        with_doc(text, |doc| {
            let a = before_quote(doc, 0..doc.tokens.len(), 12).unwrap();
            assert_eq!(span_text(doc, &a.np.tokens), "Hillary Clinton");
        });
        with_doc("According to the ministry, ", |doc| {
            let a = before_quote(doc, 0..doc.tokens.len(), 12).unwrap();
            assert_eq!(span_text(doc, &a.np.tokens), "the ministry");
            assert_eq!(span_text(doc, &a.cue), "According to");
        });
    }
}
