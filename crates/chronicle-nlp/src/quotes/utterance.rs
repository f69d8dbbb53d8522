//! Which pieces of quotation make one utterance: those that hang from one cue occurrence in one
//! paragraph ("“A,” he said, “B.”"), unless a new report opens between them; and a quotation
//! that opens the next paragraph with no attribution of its own ("“A,” he said.\n\n“B.”").

use super::Found;
use super::doc::Doc;
use super::lexicon::CueClass;

/// The utterance `f` continues: that of the last piece before it in its paragraph that hangs
/// from the same cue occurrence ("“A,” he said, “B.”", or “B.” with no cue of its own), or
/// that of the piece ending the paragraph before, which `f` goes on with in the next.
pub fn continued(doc: &Doc, f: &Found, before: &[Found]) -> Option<usize> {
    let cue = f.said.cue_span.as_ref()?;
    if let Some(u) = next_paragraph(doc, f, before) {
        return Some(u);
    }
    // A piece that runs on into the next paragraph ("“B.\n\n“C.”") is of the paragraph it
    // opens in.
    let opened_in = doc.paragraph_at(f.span.start).start;
    before
        .iter()
        .rev()
        .take_while(|b| b.paragraph == f.paragraph || b.paragraph == opened_in)
        .find(|b| b.said.cue_span.as_ref() == Some(cue))
        .and_then(|b| b.utterance)
}

/// Whether a cue of speech with a "that" clause stands between the last piece before `f` and
/// `f` in `f`'s sentence, past that piece's own cue: "“A,” the mayor said, *adding that* it
/// would take “more hours”" and "X said, *going on to say that* ... “B”" report anew what the
/// fragment is part of, so it is a new utterance of the same speaker.
pub fn reported_anew(doc: &Doc, f: &Found, before: &[Found]) -> bool {
    let Some(prev) = before.last() else {
        return false;
    };
    let from = prev
        .said
        .cue_span
        .as_ref()
        .map_or(prev.span.end, |c| c.end.max(prev.span.end));
    // Only in the piece's own sentence: a quotation in a sentence after "..., adding that
    // ... ." goes on with the utterance before.
    let from = from.max(doc.sentence_at(f.span.start).start as usize);
    if from >= f.span.start {
        return false;
    }
    let toks = doc.tokens_in(from, f.span.start);
    toks.clone().any(|k| {
        doc.cue_at(k, toks.end).is_some_and(|c| {
            let after = k + c.len;
            c.class == CueClass::Speech
                && (after..(after + 2).min(toks.end))
                    .any(|t| doc.tok(t).eq_ignore_ascii_case("that"))
        })
    })
}

/// The utterance a direct quotation goes on with when it opens the paragraph right after a
/// direct quotation with an attribution of its own and takes that speaker and cue, having none
/// of its own: "“We will rebuild,” said Mayor Ann Lee.\n\n“Nobody will be left behind.”" is one
/// utterance, as news writes a long one across paragraphs. Not after a piece that itself
/// inherited (a list of quotations each signed after it, "“A.” ― Jo Roe\n“B.” ― ..."), not
/// across a paragraph of other words, not for a quotation inside its paragraph.
fn next_paragraph(doc: &Doc, f: &Found, before: &[Found]) -> Option<usize> {
    let prev = before.last()?;
    let same_cue = prev.said.cue_span.is_some() && prev.said.cue_span == f.said.cue_span;
    let direct = f.kind == super::QuoteKind::Direct && prev.kind == super::QuoteKind::Direct;
    let para = doc.paragraph_at(f.span.start);
    let opens = doc
        .text
        .get(para.start..f.span.start)
        .is_some_and(|t| t.trim().is_empty());
    // The paragraph right before holds the piece before: no paragraph of other words between.
    let adjacent = para.start > 0
        && doc
            .paragraph_at(super::previous_paragraph_end(doc.text, para.start))
            .start
            == prev.paragraph;
    (f.inherited && !prev.inherited && opens && adjacent && same_cue && direct)
        .then_some(prev.utterance)
        .flatten()
}
