//! Reported speech without marks: "X said that ...", "..., officials said.", "According to X,
//! ...". The quotation is the content clause; its speaker is the cue's subject.

use std::ops::Range;

use super::attribute::{self, Attribution};
use super::doc::Doc;
use super::kinds::is_terminal;
use super::lexicon::CueClass;
use super::marks::Marked;
use super::phrase;

/// A piece of reported speech: the content clause in bytes, and its attribution.
#[derive(Debug, Clone)]
pub struct Reported {
    pub content: Range<usize>,
    pub attribution: Attribution,
}

/// Fewest tokens a content clause needs to count as reported speech.
const MIN_CLAUSE: usize = 3;

/// Every piece of reported speech of the article, skipping sentences that hold a direct
/// quotation (`direct` lists their byte spans).
pub fn find(doc: &Doc, marked: &[Marked], direct: &[Range<usize>], out: &mut Vec<Reported>) {
    out.clear();
    for s in doc.sentences {
        let (start, end) = (s.start as usize, s.end as usize);
        if direct.iter().any(|d| d.start < end && start < d.end) {
            continue;
        }
        let toks = doc.tokens_in(start, end);
        let inside = |i: usize| {
            let at = doc.start_of(i);
            marked.iter().any(|m| m.start <= at && at < m.end)
        };
        let found = that_clause(doc, toks.clone(), &inside)
            .or_else(|| according_to(doc, toks.clone()))
            .or_else(|| tail_attribution(doc, toks.clone(), &inside));
        out.extend(found);
    }
}

/// "X said (to Y) that CLAUSE."
fn that_clause(doc: &Doc, toks: Range<usize>, inside: &dyn Fn(usize) -> bool) -> Option<Reported> {
    let mut i = toks.start;
    while i < toks.end {
        let Some(cue) = doc
            .cue_at(i, toks.end)
            .filter(|c| c.class == CueClass::Speech)
        else {
            i += 1;
            continue;
        };
        let after = i + cue.len;
        let that = (after..toks.end.min(after + 4))
            .find(|&k| doc.tok(k).eq_ignore_ascii_case("that") && !inside(k));
        if let (Some(that), false) = (that, inside(i))
            && let Some(np) = attribute::subject_of(doc, i, toks.start)
        {
            let content = clause(doc, that + 1, toks.end)?;
            return Some(Reported {
                content,
                attribution: Attribution {
                    np,
                    cue: i..after,
                    class: cue.class,
                },
            });
        }
        i = after;
    }
    None
}

/// "According to X, CLAUSE."
fn according_to(doc: &Doc, toks: Range<usize>) -> Option<Reported> {
    let cue = doc.cue_at(toks.start, toks.end)?;
    if cue.class != CueClass::Source {
        return None;
    }
    let cue_range = toks.start..toks.start + cue.len;
    let np = phrase::np_after(doc, cue_range.end, toks.end)?;
    let comma = (np.tokens.end..toks.end).find(|&k| doc.is_punct(k, ","))?;
    let content = clause(doc, comma + 1, toks.end)?;
    Some(Reported {
        content,
        attribution: Attribution {
            np,
            cue: cue_range,
            class: cue.class,
        },
    })
}

/// "CLAUSE, X said." and "CLAUSE, said X."
fn tail_attribution(
    doc: &Doc,
    toks: Range<usize>,
    inside: &dyn Fn(usize) -> bool,
) -> Option<Reported> {
    let comma = (toks.start..toks.end)
        .rev()
        .find(|&k| doc.is_punct(k, ","))?;
    if inside(comma) {
        return None;
    }
    let mut end = toks.end;
    while end > comma + 1 && is_terminal(doc, end - 1) {
        end -= 1;
    }
    let attribution = attribute::after_quote(doc, comma + 1..end)?;
    // The attribution must be the whole tail: "..., she said Monday." but not a long clause.
    if end - attribution.cue.end > 4 || attribution.class != CueClass::Speech {
        return None;
    }
    let content = clause(doc, toks.start, comma)?;
    Some(Reported {
        content,
        attribution,
    })
}

/// The byte span of tokens `from..to` without final punctuation, if it is clause-long.
fn clause(doc: &Doc, from: usize, to: usize) -> Option<Range<usize>> {
    let mut to = to;
    while to > from && matches!(doc.kind(to - 1), Some(chronicle_core::TokenKind::Punct)) {
        to -= 1;
    }
    (to >= from + MIN_CLAUSE).then(|| doc.start_of(from)..doc.end_of(to - 1))
}
