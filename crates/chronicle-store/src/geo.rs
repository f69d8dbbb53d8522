//! Where an event mention happened and where its two actors are, as GDELT places them: the
//! action at the event's place, each actor at the place the article names nearest to the
//! actor's words. Worked out once, while the whole article is at hand, and stored with the
//! mention (as the `start_char` of a place row of the same article), so that an export only
//! joins.

use chronicle_core::{Article, Event, Place, TextIndex};

/// The places of one mention, each the `start` of one of the article's places.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct MentionPlaces {
    /// GDELT's ActionGeo: the event's place.
    pub action: Option<usize>,
    /// Actor1Geo: the place nearest the source actor's words.
    pub actor1: Option<usize>,
    /// Actor2Geo: the place nearest the target actor's words.
    pub actor2: Option<usize>,
}

/// Places the article's mentions, reading the body through `index` (character offsets to
/// bytes); one call per article.
pub(crate) struct Placer<'a> {
    article: &'a Article,
    index: std::borrow::Cow<'a, TextIndex>,
}

impl<'a> Placer<'a> {
    pub(crate) fn new(article: &'a Article) -> Self {
        let index = &article.analysis.index;
        let index = if index.char_len() == 0 && !article.body.is_empty() {
            std::borrow::Cow::Owned(TextIndex::new(&article.body))
        } else {
            std::borrow::Cow::Borrowed(index)
        };
        Placer { article, index }
    }

    /// The places of `event`.
    pub(crate) fn place(&self, event: &Event) -> MentionPlaces {
        let sentence = self
            .article
            .sentences
            .get(event.sentence)
            .map(|s| (s.start, s.end));
        let actor = |code: &Option<String>, words: &Option<String>| {
            code.as_deref().filter(|c| !c.is_empty())?;
            self.near_words(sentence?, event.sentence, words.as_deref()?)
        };
        MentionPlaces {
            action: self.action(event, sentence),
            actor1: actor(&event.source, &event.source_text),
            actor2: actor(&event.target, &event.target_text),
        }
    }

    /// The place row the event's place names: the one in its sentence, else the article's
    /// first of that name.
    fn action(&self, event: &Event, sentence: Option<(usize, usize)>) -> Option<usize> {
        let name = event.place.as_deref().filter(|p| !p.is_empty())?;
        let named = |p: &&Place| p.name == name || p.text == name;
        let places = &self.article.places;
        let inside = sentence.and_then(|(lo, hi)| {
            places
                .iter()
                .filter(named)
                .find(|p| p.start >= lo && p.end <= hi)
        });
        inside
            .or_else(|| places.iter().find(named))
            .map(|p| p.start)
    }

    /// The place nearest an actor's `words` in sentence `n` (character span `span`): in the
    /// sentence itself, else in the sentence before or after it (the nearer wins). An actor
    /// whose words are a place ("Iraq said") is placed there.
    fn near_words(&self, span: (usize, usize), n: usize, words: &str) -> Option<usize> {
        let body = &self.article.body;
        let (lo, hi) = (self.index.byte_of(span.0), self.index.byte_of(span.1));
        let at = body.get(lo..hi)?.find(words)? + lo;
        let (start, end) = self.index.chars(at, at + words.len());
        let distance = |p: &Place| {
            if p.end <= start {
                start - p.end
            } else {
                p.start.saturating_sub(end)
            }
        };
        let sentences = &self.article.sentences;
        let window = |a: usize, b: usize| {
            self.article
                .places
                .iter()
                .filter(move |p| p.start >= a && p.end <= b)
        };
        let nearest = |a: usize, b: usize| window(a, b).min_by_key(|p| distance(p));
        if let Some(p) = nearest(span.0, span.1) {
            return Some(p.start);
        }
        let before = n.checked_sub(1).and_then(|i| sentences.get(i));
        let after = sentences.get(n + 1);
        [before, after]
            .into_iter()
            .flatten()
            .filter_map(|s| nearest(s.start, s.end))
            .min_by_key(|p| distance(p))
            .map(|p| p.start)
    }
}
