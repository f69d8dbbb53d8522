//! What a quoted span is: a whole utterance (direct), a fragment of speech inside the writer's
//! sentence (partial), or scare quotes around a term (term).
//!
//! A direct quotation stands where a sentence or a clause after a cue can start (the paragraph's
//! start, after "X said," or "X said:"), opens like a sentence, and ends its sentence or hands
//! over to its attribution ("..., she added."). Anything else is a fragment: partial when the
//! sentence reports speech (a cue is there, or the fragment is clause-long), term otherwise
//! (the four great “revolutions” of that year).

use std::ops::Range;

use chronicle_core::{QuoteKind, TokenKind};

use super::attribute::is_dash;
use super::doc::Doc;
use super::lexicon::{CueClass, WordClass};
use super::marks::Marked;

/// Where a quoted span sits in its sentence, as byte ranges of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// From the start of the sentence (or the previous quotation) to the opening mark.
    pub left: Range<usize>,
    /// From the closing mark to the end of its sentence (or the next quotation).
    pub right: Range<usize>,
    /// From the closing mark to the end of the sentence after, when the quotation ended its own:
    /// where "“Why?” Trump asked." keeps its attribution.
    pub right_ext: Range<usize>,
}

/// What stands before the opening mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// Nothing: the quotation opens the sentence.
    Empty,
    /// A colon: "Her statement said:".
    Colon,
    /// A speech cue and a comma: "X said, “".
    CueComma,
    /// A speech cue, maybe with its object, and no punctuation: "X told reporters “".
    CueBare,
    /// A dash: "Ann Roe had one message — “". What follows may be the subject's words, whole.
    Dash,
    /// Anything else: the quotation is inside the writer's sentence.
    Other,
}

/// The context of quotation `i` of `all`.
pub fn context(doc: &Doc, all: &[Marked], i: usize) -> Context {
    let m = &all[i];
    let para = doc.paragraph_at(m.start);
    let mut left_start = doc.sentence_at(m.start).start as usize;
    left_start = left_start.max(para.start).min(m.start);
    if let Some(prev) = i.checked_sub(1).map(|p| &all[p])
        && prev.end <= m.start
        && prev.end > left_start
    {
        left_start = prev.end;
    }
    let last_para = doc.paragraph_at(m.end.saturating_sub(1).max(m.start));
    let next_start = all.get(i + 1).map_or(usize::MAX, |n| n.start);
    let limit = last_para.end.min(next_start).max(m.end);
    let sentence = doc.sentence_at(m.end.saturating_sub(1).max(m.start));
    let right_end = (sentence.end as usize).clamp(m.end, limit);
    let ext_end = if text_is_blank(doc, m.end..right_end) {
        let after = skip_space(doc.text, right_end);
        let next = doc.sentence_at(after);
        (next.end as usize).clamp(m.end, limit)
    } else {
        right_end
    };
    Context {
        left: left_start..m.start,
        right: m.end..right_end,
        right_ext: m.end..ext_end,
    }
}

fn text_is_blank(doc: &Doc, r: Range<usize>) -> bool {
    doc.text.get(r).is_none_or(|t| t.trim().is_empty())
}

fn skip_space(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    at + (rest.len() - rest.trim_start().len())
}

/// What stands before the opening mark, read from the tokens of `left`.
pub fn lead(doc: &Doc, left: &Range<usize>) -> Lead {
    let toks = doc.tokens_in(left.start, left.end);
    let Some(last) = toks.clone().next_back() else {
        return Lead::Empty;
    };
    let lo = toks.start.max(last.saturating_sub(10));
    let cue = (lo..toks.end)
        .rev()
        .find_map(|i| doc.cue_at(i, toks.end).map(|c| (i, c)))
        .filter(|(_, c)| c.class != CueClass::Naming);
    let that_after = |i: usize| (i..toks.end).any(|k| doc.tok(k).eq_ignore_ascii_case("that"));
    match doc.tok(last) {
        ":" => Lead::Colon,
        t if is_dash(t) => Lead::Dash,
        "," => match cue {
            Some((i, _)) if !that_after(i) => Lead::CueComma,
            _ => Lead::Other,
        },
        _ => match cue {
            Some((i, c))
                if c.class == CueClass::Speech && last < i + c.len + 3 && !that_after(i) =>
            {
                let object_only = (i + c.len..toks.end).all(|k| {
                    doc.is_capitalised(k) || doc.is_lower_word(k) && !doc.is(k, WordClass::Aux)
                });
                if object_only {
                    Lead::CueBare
                } else {
                    Lead::Other
                }
            }
            _ => Lead::Other,
        },
    }
}

/// The kind of quotation `m` with context `ctx`, given whether an attribution follows it right
/// after its closing mark.
pub fn classify(
    doc: &Doc,
    m: &Marked,
    ctx: &Context,
    lead: Lead,
    attributed_after: bool,
) -> QuoteKind {
    let inner = doc
        .text
        .get(m.inner_start..m.inner_end)
        .unwrap_or("")
        .trim();
    let words = inner.split_whitespace().count();
    let opens = opens_like_sentence(inner);
    let ends = ends_with_punctuation(inner);
    let right_blank = text_is_blank(doc, ctx.right.clone()) || closes_sentence(doc, &ctx.right);
    // A heading in marks, alone on its line: "'All Bets Are Off.'"
    let alone =
        doc.text.get(doc.paragraph_at(m.start)).map(str::trim) == doc.text.get(m.start..m.end);
    let heading = alone && is_title(inner) && !inner.ends_with(['!', '?']) && lead == Lead::Empty;
    let direct = !heading
        && match lead {
            Lead::Empty => {
                (right_blank || attributed_after)
                    && (opens || m.continued)
                    && (words > 2 || ends || attributed_after)
            }
            Lead::Colon | Lead::CueComma => opens || words >= 3 || m.continued,
            Lead::CueBare => opens && (right_blank || ends),
            // A whole sentence set off by dashes, or ending the writer's sentence: "addressed
            // the crowd -- “We will not back down” -- before ...".
            Lead::Dash => opens && words >= 3 && (right_blank || ends || dash_after(doc, ctx)),
            Lead::Other => false,
        };
    if direct {
        return QuoteKind::Direct;
    }
    if is_title(inner) {
        return QuoteKind::Term;
    }
    if words >= 4 || !matches!(lead, Lead::Other | Lead::Dash) || speech_nearby(doc, ctx) {
        QuoteKind::Partial
    } else {
        QuoteKind::Term
    }
}

/// Whether quoted words are the title of a work, a show or a slogan: a few words, each one
/// capitalised but the small ones ("Fox and Friends", "State of the Union", "Shark Tank").
pub fn is_title(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "and"
                | "or"
                | "of"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "from"
                | "by"
        )
    };
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    (1..=6).contains(&words.len())
        && words.iter().all(|w| capital(w) || small(w))
        && words.first().is_some_and(|w| capital(w))
        && words.len() > 1
}

/// Whether a dash closes the aside the quotation stands in, right after its closing mark.
fn dash_after(doc: &Doc, ctx: &Context) -> bool {
    let toks = doc.tokens_in(ctx.right.start, ctx.right.end);
    toks.clone().next().is_some_and(|k| is_dash(doc.tok(k)))
}

/// Whether the right context is only the punctuation that ends the sentence.
fn closes_sentence(doc: &Doc, right: &Range<usize>) -> bool {
    let t = doc.text.get(right.clone()).unwrap_or("").trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '.' | '!' | '?' | ')' | '’' | '\''))
}

/// Whether a cue of speech or naming stands in the sentence around the quotation.
fn speech_nearby(doc: &Doc, ctx: &Context) -> bool {
    [ctx.left.clone(), ctx.right.clone()].iter().any(|r| {
        let toks = doc.tokens_in(r.start, r.end);
        toks.clone().any(|i| doc.cue_at(i, toks.end).is_some())
    })
}

/// Whether quoted text opens like a sentence: a capital, a digit, an ellipsis or a bracket.
pub fn opens_like_sentence(inner: &str) -> bool {
    let t = inner.trim_start_matches(['.', '…', '‘', '\'', ' ']);
    let Some(c) = t.chars().next() else {
        return false;
    };
    c.is_uppercase() || c.is_ascii_digit() || c == '[' || inner.starts_with(['.', '…'])
}

/// Whether quoted text ends with the punctuation an utterance hands over with.
pub fn ends_with_punctuation(inner: &str) -> bool {
    let t = inner.trim_end_matches(['’', '\'', ')', ' ']);
    t.ends_with(['.', ',', '?', '!', '…', '—', '-', ';', ':'])
}

/// Whether token `i` is a sentence-ending mark.
pub fn is_terminal(doc: &Doc, i: usize) -> bool {
    doc.kind(i) == Some(TokenKind::Punct) && matches!(doc.tok(i), "." | "?" | "!")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_and_endings() {
        assert!(opens_like_sentence("Now is a very sensitive time"));
        assert!(opens_like_sentence("...and then"));
        assert!(!opens_like_sentence("detailed strategic timetable"));
        assert!(ends_with_punctuation("irrevocable consequences,"));
        assert!(ends_with_punctuation("‘Hey, go vote,’"));
        assert!(!ends_with_punctuation("October surprise"));
        assert!(is_title("Fox and Friends."));
        assert!(is_title("State of the Union"));
        assert!(!is_title("October surprise"));
        assert!(!is_title("revolutions"));
    }
}
