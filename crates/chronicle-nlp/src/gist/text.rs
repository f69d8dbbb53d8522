//! The article as the gist stage reads it: tokens with their text and lower-case text, the
//! sentence of each token, and the spans of entities and dates in byte offsets.

use std::ops::Range;

use chronicle_core::{Article, EntityType, Token, TokenKind};

/// A read-only view of an article for the gist modules.
pub(crate) struct Doc<'a> {
    pub article: &'a Article,
    pub body: &'a str,
    /// `body` with ASCII letters lower-cased: same byte offsets, so token spans index it.
    pub lower: String,
    pub tokens: &'a [Token],
    /// Token range of each sentence, in order.
    pub sentences: &'a [Range<usize>],
    /// Byte spans of entity mentions, merged and sorted.
    entities: Vec<(usize, usize)>,
    /// Byte spans of date mentions (dates, times, durations, sets), merged and sorted.
    dates: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    /// The view of `article`, whose tokens and sentences the segment stage has added.
    pub fn new(article: &'a Article) -> Self {
        let ix = &article.analysis.index;
        let entities = merged(
            article
                .entities
                .iter()
                .map(|e| (ix.byte_of(e.start), ix.byte_of(e.end))),
        );
        let dates = merged(
            article
                .dates
                .iter()
                .map(|d| (ix.byte_of(d.start), ix.byte_of(d.end))),
        );
        Doc {
            article,
            body: &article.body,
            lower: article.body.to_ascii_lowercase(),
            tokens: &article.analysis.tokens,
            sentences: &article.analysis.sentence_tokens,
            entities,
            dates,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The text of token `i` ("" past the end).
    pub fn text(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.body.get(t.span.range()))
            .unwrap_or("")
    }

    /// The lower-cased text of token `i` ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.lower.get(t.span.range()))
            .unwrap_or("")
    }

    /// The kind of token `i`, `None` past the end.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is a word (letters) or an abbreviation.
    pub fn is_word(&self, i: usize) -> bool {
        matches!(
            self.kind(i),
            Some(TokenKind::Word | TokenKind::Abbreviation)
        )
    }

    /// Byte span of token `i` (empty past the end).
    pub fn span(&self, i: usize) -> (usize, usize) {
        self.tokens
            .get(i)
            .map_or((self.body.len(), self.body.len()), |t| {
                (t.span.start as usize, t.span.end as usize)
            })
    }

    /// Whether token `j` starts exactly where token `i` ends (no space between them).
    pub fn touching(&self, i: usize, j: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(j)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// Whether token `i` starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` lies in an entity mention.
    pub fn in_entity(&self, i: usize) -> bool {
        let (s, e) = self.span(i);
        overlaps(&self.entities, s, e)
    }

    /// Whether the byte span overlaps a date mention.
    pub fn in_date(&self, start: usize, end: usize) -> bool {
        overlaps(&self.dates, start, end)
    }

    /// Character span of a byte span.
    pub fn chars(&self, start: usize, end: usize) -> (usize, usize) {
        self.article.analysis.index.chars(start, end)
    }

    /// The token range of the sentence holding token `i` (the whole text when unsegmented).
    pub fn sentence_of(&self, i: usize) -> Range<usize> {
        let k = self.sentences.partition_point(|r| r.end <= i);
        match self.sentences.get(k) {
            Some(r) if r.start <= i => r.clone(),
            _ => 0..self.len(),
        }
    }

    /// Places and place-like entities (GPE, LOC) with their byte spans, for counts.
    pub fn place_names(&self) -> Vec<(usize, usize, &'a str)> {
        let ix = &self.article.analysis.index;
        let mut out: Vec<(usize, usize, &'a str)> = self
            .article
            .places
            .iter()
            .map(|p| (ix.byte_of(p.start), ix.byte_of(p.end), p.name.as_str()))
            .collect();
        for e in &self.article.entities {
            if matches!(e.kind, EntityType::Gpe | EntityType::Loc) {
                let (s, t) = (ix.byte_of(e.start), ix.byte_of(e.end));
                if !out.iter().any(|&(a, b, _)| a < t && s < b) {
                    out.push((s, t, e.canonical.as_str()));
                }
            }
        }
        out.sort_by_key(|&(s, _, _)| s);
        out
    }
}

/// Sorted, disjoint union of spans.
fn merged(spans: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = spans.filter(|(s, e)| s < e).collect();
    v.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Whether `[start, end)` overlaps one of the sorted, disjoint `spans`.
fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let k = spans.partition_point(|&(s, _)| s < end);
    k > 0 && spans.get(k - 1).is_some_and(|&(_, e)| e > start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_merge_and_overlap() {
        let m = merged([(5, 9), (0, 2), (8, 12)].into_iter());
        assert_eq!(m, vec![(0, 2), (5, 12)]);
        assert!(overlaps(&m, 1, 3));
        assert!(!overlaps(&m, 2, 5));
        assert!(overlaps(&m, 11, 20));
        assert!(!overlaps(&m, 12, 20));
    }
}
