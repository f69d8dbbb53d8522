//! Which pieces of quotation make one utterance: those that hang from one cue occurrence in one
//! paragraph ("“A,” he said, “B.”"), unless a new report opens between them.

use super::Found;
use super::doc::Doc;
use super::lexicon::CueClass;

/// The utterance `f` continues: that of the last piece before it in its paragraph that hangs
/// from the same cue occurrence ("“A,” he said, “B.”", or “B.” with no cue of its own).
pub fn continued(f: &Found, before: &[Found]) -> Option<usize> {
    let cue = f.said.cue_span.as_ref()?;
    before
        .iter()
        .rev()
        .take_while(|b| b.paragraph == f.paragraph)
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
