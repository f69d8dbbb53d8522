//! The report frames around a quotation: "X quoted Y as saying" and "Y was quoted as saying"
//! (Y speaks, not the one who quotes), and the words after a quotation that open a report of
//! their own instead of attributing it ("“... .” Officials reported that ...").

use chronicle_core::TokenKind;

use super::attribute::{Attribution, subject_of};
use super::doc::Doc;
use super::lexicon::{CueClass, WordClass};
use super::phrase::{NpKind, np_after};

/// Most role words between "including" and the name it opens ("including *county clerk* Ann
/// Roe").
const ROLE_BEFORE: usize = 4;

/// Most words of the one who quotes before "quoted" ("the Bernama news agency").
const QUOTER: usize = 8;

/// The attribution of "X quoted Y as saying" (Y, not X) or "Y was quoted (by X) as saying"
/// (Y), for the speech cue at token `cue` (`len` tokens) in the words after a quotation that
/// start at `first`: `None` when no "quoted ... as" frames the cue.
pub fn quoted_as(doc: &Doc, first: usize, cue: usize, len: usize) -> Option<Attribution> {
    let as_ = cue
        .checked_sub(1)
        .filter(|&k| doc.tok(k).eq_ignore_ascii_case("as"))?;
    let q = (first..as_)
        .rev()
        .take(QUOTER)
        .find(|&k| doc.tok(k).eq_ignore_ascii_case("quoted"))?;
    let words = |r: std::ops::Range<usize>| {
        r.clone().all(|k| {
            matches!(
                doc.kind(k),
                Some(TokenKind::Word | TokenKind::Abbreviation | TokenKind::Clitic)
            )
        })
    };
    let passive = q > first && doc.is(q - 1, WordClass::Aux);
    let np = if passive {
        // "Olow was quoted as saying", "Ivanov was quoted by the agency as telling".
        let np = subject_of(doc, q, first)?;
        (np.tokens.start == first || words(first..np.tokens.start)).then_some(np)?
    } else {
        // "the Bernama news agency quoted Premier Mahathir Mohamad as saying".
        let np = np_after(doc, q + 1, as_)?;
        let quoter = q > first && q - first <= QUOTER && words(first..q);
        (quoter && np.tokens.end == as_).then_some(np)?
    };
    Some(Attribution {
        np,
        cue: cue..cue + len,
        class: CueClass::Speech,
    })
}

/// Whether attribution `a` is read from a frame that names its speaker whatever the tree reads
/// as the cue's subject or agent: "quoted *Y* as saying", "*Y* was quoted by the paper as
/// saying", "*he* is quoted as saying by the paper" (the tree reads the one who quotes), and
/// "Several senators -- including *Tom Reed* -- said" (the tree reads the group).
pub fn frames_speaker(doc: &Doc, a: &Attribution) -> bool {
    let r = &a.np.tokens;
    let included = (r.start.saturating_sub(ROLE_BEFORE)..r.start)
        .any(|k| doc.tok(k).eq_ignore_ascii_case("including"));
    let framed = a
        .cue
        .start
        .checked_sub(1)
        .is_some_and(|k| doc.tok(k).eq_ignore_ascii_case("as"));
    let object = r.start > 0 && doc.tok(r.start - 1).eq_ignore_ascii_case("quoted");
    let subject = r.end < a.cue.start
        && (r.end..a.cue.start)
            .take(QUOTER)
            .any(|k| doc.tok(k).eq_ignore_ascii_case("quoted"));
    included || (framed && (object || subject))
}

/// Whether attribution `a`, found after a quotation that ends a sentence of its own ("“... .”"),
/// opens a report of its own instead: its cue takes a "that" clause ("“... .” Officials
/// *reported that* ..."), which says what was reported, not who spoke the quotation.
pub fn reports_anew(doc: &Doc, a: &Attribution) -> bool {
    // Or an infinitive ("Boeing *continues to* lead", "prosecutors *agreed to* drop"), or a
    // clause with a subject of its own ("the US has *said it* is committed").
    let opens_clause = matches!(
        doc.tok(a.cue.end).to_ascii_lowercase().as_str(),
        "that" | "to" | "it" | "he" | "she" | "they" | "we"
    );
    // Or a described speaker after a comma that closes a sentence of the writer's: "“... .”
    // The sale bought the firm time, *analysts said*" reports the sale, not the quotation.
    let start = a.np.tokens.start;
    let closes_sentence = a.np.kind == NpKind::Described
        && start > 0
        && doc.is_punct(start - 1, ",")
        && a.np.tokens.end <= a.cue.start;
    opens_clause || closes_sentence || reports_clause(doc, a)
}

/// Whether the cue of `a` takes a clause without "that": a phrase and then a finite verb after
/// it in its sentence ("“... .” Analysts *say the price may* fall"; "The Tories *say Labour
/// has* failed"). The words read stop at a punctuation mark or a function word, so that "said
/// on Friday", "told reporters who had gathered" and "said, as the talks were" are no clause.
fn reports_clause(doc: &Doc, a: &Attribution) -> bool {
    let sentence = doc.sentence_at(doc.start_of(a.cue.start));
    let end = doc
        .tokens_in(sentence.start as usize, sentence.end as usize)
        .end;
    (a.cue.end..end)
        .take_while(|&k| {
            matches!(doc.kind(k), Some(TokenKind::Word | TokenKind::Clitic))
                && !doc.is(k, WordClass::Function)
        })
        .any(|k| k > a.cue.end && is_finite_auxiliary(doc.tok(k)))
}

/// A finite auxiliary or modal verb: what makes the words after a cue a clause.
fn is_finite_auxiliary(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "does"
            | "did"
    )
}
