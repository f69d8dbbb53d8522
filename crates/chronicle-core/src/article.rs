//! The article: metadata, clean body, and the layers stages add to it.

use serde::{Deserialize, Serialize};

use crate::layers::*;
use crate::text_index::TextIndex;

/// One news article with every annotation layer of the JSON contract.
///
/// Readers fill the metadata and `body`; the body never changes afterwards, so that every span
/// laid over it stays valid. Each stage then adds its own layer and reads only the layers before it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Publication date; the anchor for every relative date in the text.
    #[serde(with = "opt_date")]
    pub published: Option<jiff::civil::Date>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub sections: Vec<String>,
    pub image_credit: Option<String>,
    pub body: String,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateMention>,
    pub quotes: Vec<Quote>,
    pub places: Vec<Place>,
    pub events: Vec<Event>,
    pub tone: Option<Tone>,
    pub themes: Vec<ThemeHit>,
    pub counts: Vec<Count>,
    pub amounts: Vec<Amount>,
    /// Every token with its syntax, only when asked for (`extract --tokens`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<TokenLayer>,
    /// Internal working layers in byte offsets; not part of the contract.
    #[serde(skip)]
    pub analysis: Analysis,
}

impl Article {
    /// A new article with the given id and body and every layer empty.
    pub fn new(id: impl Into<String>, body: impl Into<String>) -> Self {
        let body = body.into();
        Article {
            id: id.into(),
            analysis: Analysis {
                index: TextIndex::new(&body),
                ..Analysis::default()
            },
            body,
            ..Article::default()
        }
    }

    /// The body text of a byte span.
    pub fn text_of(&self, span: ByteSpan) -> &str {
        self.body
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

/// A span of the body in byte offsets, for stages; public layers use character offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ByteSpan {
    pub start: u32,
    pub end: u32,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> Self {
        ByteSpan {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// What a token is, as far as the segmenter can tell without a lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes: `Korea`, `first-ever`, `don't`.
    Word,
    /// An abbreviation that carries its full stop: `U.S.`, `Mr.`, `p.m.`, `Jan.`.
    Abbreviation,
    /// Digits, with inner separators: `2020`, `1.13`, `3,000`, `2:30`.
    Number,
    /// A possessive or contraction clitic split off a word: `'s`, `’s`, `n't`.
    Clitic,
    /// One punctuation mark, or an ellipsis.
    Punct,
    /// Anything else: symbols, emoji, currency signs.
    Symbol,
}

/// A token of the body, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: ByteSpan,
    pub kind: TokenKind,
}

/// Working layers in byte offsets, shared between stages but not serialised.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Byte/character offset map of `body`.
    pub index: TextIndex,
    /// Every token of the body, in order.
    pub tokens: Vec<Token>,
    /// Sentences as byte spans, parallel to `Article::sentences`.
    pub sentence_spans: Vec<ByteSpan>,
    /// For each sentence, the range of its tokens in `tokens`.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
    /// Parts of speech, lemmas and dependency trees, parallel to `tokens`; filled by the
    /// syntax stage, empty before it.
    pub syntax: crate::syntax::Syntax,
    /// Every mention of a referent (names, short names, role nouns like "the minister"), in
    /// text order; filled by the names stage.
    pub mentions: Vec<Mention>,
    /// The people, organisations, places and groups the article talks about; `Mention::referent`
    /// and `PronounLink::referent` index into this list.
    pub referents: Vec<Referent>,
    /// Personal pronouns resolved to the referent they stand for ("she" → Choe Son Hui).
    pub pronouns: Vec<PronounLink>,
    /// Descriptions of an organisation named shortly before ("the group" → Hamas), in text
    /// order; filled by the names stage. The events stage reads them as the organisation; the
    /// quotes stage leaves them to its own rules for described speakers.
    pub descriptions: Vec<DescriptionLink>,
    /// What kind of report the article is, as the names stage reads it; set by that stage.
    pub report: ReportKind,
}

/// What kind of report an article is. A sports report names nations and towns as teams: "Zambia
/// will host Malawi" there is a fixture, not a state visit, and the events stage codes only what
/// a political actor does in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReportKind {
    /// Any report that is not one of the kinds below.
    #[default]
    General,
    /// Match reports, fixtures, results and league tables.
    Sports,
}

/// Grammatical gender of a person, as far as the text tells (titles, pronouns, first names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

/// One thing the article talks about, with everything the names stage learnt of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Referent {
    /// The fullest name the article uses ("Choe Son Hui").
    pub canonical: String,
    pub kind: crate::EntityType,
    /// CAMEO/Phoenix actor code, by the article's date (`PRKGOV`).
    pub actor: Option<String>,
    pub gender: Gender,
    /// Role words the article gives it ("first vice foreign minister", "leader").
    pub roles: Vec<String>,
}

/// A span of the body that refers to a referent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: ByteSpan,
    /// Index into `Analysis::referents`.
    pub referent: usize,
    /// How the mention names it.
    pub form: MentionForm,
}

/// How a mention names its referent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionForm {
    /// A proper name, full or short ("Choe Son Hui", "Choe", "KCNA").
    Name,
    /// A definite role description ("the minister", "the agency").
    Role,
}

/// A personal pronoun and the referent it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PronounLink {
    pub span: ByteSpan,
    pub referent: usize,
}

/// A definite description ("the group", "the militant group") and the organisation referent
/// it describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DescriptionLink {
    pub span: ByteSpan,
    pub referent: usize,
}

mod opt_date {
    //! `published` as `YYYY-MM-DD` or null.
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        d: &Option<jiff::civil::Date>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<jiff::civil::Date>, D::Error> {
        let s: Option<String> = Option::deserialize(d)?;
        s.map(|s| s.parse().map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_layers_serialise_as_the_contract_promises() {
        let mut a = Article::new("x", "Body.");
        a.published = Some(jiff::civil::date(2020, 7, 6));
        let v = serde_json::to_value(&a).unwrap();
        assert_eq!(v["published"], "2020-07-06");
        assert_eq!(v["url"], serde_json::Value::Null);
        assert_eq!(v["tone"], serde_json::Value::Null);
        for layer in [
            "sentences",
            "entities",
            "dates",
            "quotes",
            "places",
            "events",
            "themes",
            "counts",
            "amounts",
            "sections",
        ] {
            assert_eq!(v[layer], serde_json::json!([]), "{layer}");
        }
        assert!(v.get("analysis").is_none());
        let back: Article = serde_json::from_value(v).unwrap();
        assert_eq!(back.published, a.published);
    }
}
