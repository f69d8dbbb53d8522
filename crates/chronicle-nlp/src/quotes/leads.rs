//! Who speaks a direct quotation that has no cue of its own, from the frame of the sentence
//! that leads to it: the clause a colon or a dash ends ("Sanders made the following comment:
//! “...”", "Ann Roe had one message — “...”"), a sentence opened by "For" or "To" and a person
//! ("For analyst Jo Roe, the vote was “long overdue”"), and the headline convention ("Mayor Ann
//! Cole: ‘We Will Rebuild’").

use super::attribute::{self, Attribution};
use super::lexicon::CueClass;
use super::marks::Marked;
use super::phrase::{self, NpKind};
use super::{Reader, Said};

/// Most words before the colon of a headline that names a quotation's speaker ("Mayor Ann Cole:
/// ‘...’"); a longer lead is a sentence whose colon the tree reads.
const HEADLINE_LEAD: usize = 8;

impl Reader<'_, '_, '_> {
    /// Who speaks a direct quotation that a colon or a dash introduces with no cue of its own,
    /// in its paragraph or ending the paragraph before ("Sanders made the following comment:",
    /// "Ann Roe had one message —"): the subject of the clause, as the tree reads it; with the
    /// token its phrase starts at.
    pub(super) fn colon_lead(&mut self, m: &Marked) -> Option<(Said, usize)> {
        let doc = self.doc;
        let colon = doc.tokens_in(0, m.start).end.checked_sub(1)?;
        let between = doc.text.get(doc.end_of(colon)..m.start)?;
        // A dash sets the subject's words off as a colon does: "Ann Roe had one message —
        // “Stay home.”"; not a dash that closes an aside opened before ("X -- “...” -- said").
        let dash = attribute::is_dash(doc.tok(colon)) && !self.closes_aside(colon);
        if !(doc.is_punct(colon, ":") || dash) || !between.trim().is_empty() {
            return None;
        }
        // A dash written as two hyphens is read from its first.
        let mut colon = colon;
        while dash && colon > 0 && attribute::is_dash(doc.tok(colon - 1)) {
            colon -= 1;
        }
        let (read, verb) = self.tree?.colon_subject(doc, colon)?;
        let a = Attribution {
            np: read.np,
            cue: verb..verb + 1,
            class: CueClass::Speech,
        };
        Some((self.said(&a, &a.np), a.np.tokens.start))
    }

    /// Who a sentence opened by "For" or "To" and a person gives a quotation of its own as the
    /// view of: "For analyst Karen Ostrowski, the vote was “long overdue”", "To Senator Lydia
    /// Park, the plan is “a gift to developers”"; only a person the names stage found, so that
    /// "For Christmas, ..." names no one. With the token its phrase starts at.
    pub(super) fn view_frame(&mut self, m: &Marked) -> Option<(Said, usize)> {
        let doc = self.doc;
        let sentence = doc.sentence_at(m.start);
        let words = doc.tokens_in(sentence.start as usize, m.start);
        let first = words.start;
        if words.is_empty() || !matches!(doc.tok(first), "For" | "To") {
            return None;
        }
        let np = phrase::np_after(doc, first + 1, words.end)?;
        let comma = np.tokens.end;
        let head = np.tokens.end.checked_sub(1)?;
        let framed = np.tokens.start <= first + 3
            && doc.is_punct(comma, ",")
            && !(comma..words.end).any(|k| doc.cue_at(k, words.end).is_some())
            && self.person_at(head);
        if !framed {
            return None;
        }
        let a = Attribution {
            np: np.clone(),
            cue: first..first + 1,
            class: CueClass::Source,
        };
        Some((self.said(&a, &np), np.tokens.start))
    }

    /// Whether the names stage found a person at token `t`.
    fn person_at(&self, t: usize) -> bool {
        self.doc
            .mention_at(&self.analysis.mentions, t)
            .and_then(|m| self.analysis.referents.get(m.referent))
            .is_some_and(|r| r.kind == chronicle_core::EntityType::Person)
    }

    /// Whether the dash at token `dash` closes an aside opened by a dash before it in its
    /// sentence.
    fn closes_aside(&self, dash: usize) -> bool {
        let doc = self.doc;
        let sentence = doc.sentence_at(doc.start_of(dash));
        let start = doc
            .tokens_in(sentence.start as usize, sentence.end as usize)
            .start;
        let mut k = dash;
        while k > start && attribute::is_dash(doc.tok(k - 1)) {
            k -= 1;
        }
        (start..k).any(|j| attribute::is_dash(doc.tok(j)))
    }

    /// Who speaks a direct quotation that ends a short line of its own opened by a name and a
    /// colon, with no cue: the headline convention "Mayor Ann Cole: ‘We Will Rebuild’" or "A
    /// lesson from Ann Cole: ‘...’" gives the name before the colon; with the token its phrase
    /// starts at.
    pub(super) fn headline_lead(&mut self, m: &Marked) -> Option<(Said, usize)> {
        let doc = self.doc;
        let colon = doc.tokens_in(0, m.start).end.checked_sub(1)?;
        let between = doc.text.get(doc.end_of(colon)..m.start)?;
        let line = doc.paragraph_at(m.start);
        let after = doc.text.get(m.end.min(line.end)..line.end)?;
        let lead = doc.tokens_in(line.start, doc.start_of(colon));
        let short = !lead.is_empty() && lead.len() <= HEADLINE_LEAD;
        let ends_line = after
            .chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation());
        if !doc.is_punct(colon, ":") || !between.trim().is_empty() || !short || !ends_line {
            return None;
        }
        if lead.clone().any(|k| doc.cue_at(k, k + 1).is_some()) {
            return None;
        }
        let np = phrase::np_before(doc, colon.checked_sub(1)?, lead.start)
            .filter(|np| np.kind == NpKind::Name)?;
        let start = doc.start_of(np.tokens.start);
        let said = Said {
            speaker: self.resolver.resolve(&np),
            speaker_span: Some(start..doc.end_of(np.tokens.end - 1).max(start)),
            mention: Some(np.kind.into()),
            cue: None,
            cue_span: None,
        };
        Some((said, np.tokens.start))
    }
}
