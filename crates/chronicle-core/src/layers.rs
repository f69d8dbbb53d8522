//! The annotation layers of the JSON contract, one struct per kind of span.
//!
//! Field names and meanings are the contract of `chronicle extract` (the README's usage
//! section): consumers and evaluation harnesses rely on them, so they change only with the
//! contract. All `start`/`end` fields are character offsets into the article body, end
//! exclusive.

use serde::{Deserialize, Serialize};

/// A sentence of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// The kind of a named entity, as spaCy and OntoNotes name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    /// Geo-political entity: a country, city or state as a polity.
    Gpe,
    /// A place that is not a polity: a river, a region, a mountain.
    Loc,
    /// A nationality, religious or political group ("North Korean").
    Norp,
}

/// A mention of a person, organisation, place or group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The fullest name the article uses for this referent ("Choe Son Hui" for "Choe").
    pub canonical: String,
    /// CAMEO/Phoenix actor code (`PRKGOV`), when one applies.
    pub actor: Option<String>,
}

/// The TimeML type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A time expression with its TIMEX3 value, resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// TIMEX3 value: `2020-07-04`, `2019-02`, `2019-H2`, `P2Y`, `PRESENT_REF`, `XXXX-03-18` ...
    pub value: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
}

/// How a quotation is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole quoted utterance: “Now is a very sensitive time,” she added.
    Direct,
    /// A quoted fragment inside the writer's sentence: a “detailed strategic timetable”.
    Partial,
    /// Scare quotes around a term, not speech: an “October surprise”.
    Term,
    /// Reported speech without marks: X said that ...
    Indirect,
}

/// A quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    pub speaker_actor: Option<String>,
    /// The speech verb or phrase that attributes the quote ("added", "according to").
    pub cue: Option<String>,
    /// Character span of the mention the speaker was read from ("he" in "“A,” he said"; the
    /// name itself when the sentence names the speaker), so that a reader can see why the
    /// quote has its speaker. For a quote that continues an earlier one, the mention of the
    /// utterance it continues.
    #[serde(default)]
    pub speaker_start: Option<usize>,
    #[serde(default)]
    pub speaker_end: Option<usize>,
    /// Character span of the cue occurrence (`cue` as it stands in the body).
    #[serde(default)]
    pub cue_start: Option<usize>,
    #[serde(default)]
    pub cue_end: Option<usize>,
    /// The utterance the quote is a piece of, numbered from 0 in text order: the pieces of
    /// "“A,” he said, “B.”" and a quote continued in the next paragraph share one number.
    /// `None` for scare quotes (terms), which are no one's utterance.
    #[serde(default)]
    pub utterance: Option<usize>,
}

/// A place mention resolved against the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub name: String,
    /// ISO-3166 alpha-2.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u64>,
    /// What kind of place the gazetteer entry is: GDELT's geography columns give a place's
    /// resolution (country, state, city) and read it from here.
    #[serde(default)]
    pub kind: Option<PlaceKind>,
    /// The first-level division (state, province) the place lies in, or that it is, as the
    /// gazetteer names it ("Kentucky" for Lexington and for Kentucky).
    #[serde(default)]
    pub admin1: Option<String>,
}

/// The kind of a gazetteer place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A sovereign state or territory with an ISO 3166-1 code.
    Country,
    /// A first-level division: a state, province, region of a country.
    Admin1,
    /// A second-level division: a county, district.
    Admin2,
    /// A populated place.
    City,
    /// A continent, sea or region of no one country.
    Region,
}

/// Whether an event's date comes from the text or falls back to the story date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    Text,
    Story,
}

/// The modality of an event's clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventContext {
    Historical,
    Future,
    Hypothetical,
    Negated,
}

/// A coded political event: who did what to whom, when and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index into `sentences`.
    pub sentence: usize,
    pub source: Option<String>,
    pub target: Option<String>,
    pub cameo: String,
    pub plover: Option<String>,
    pub goldstein: Option<f64>,
    pub quad_class: Option<u8>,
    pub date: Option<String>,
    /// How precise `date` is (`day`, `month`, `year` ... `none`): a partial date is never a day.
    #[serde(default)]
    pub date_precision: crate::DatePrecision,
    pub date_basis: DateBasis,
    pub context: Vec<EventContext>,
    pub place: Option<String>,
    pub trigger: String,
    pub source_text: Option<String>,
    pub target_text: Option<String>,
    /// The dictionary file and line that coded the event.
    pub rule: String,
}

/// GDELT-style tone of the whole article (GKG V2Tone).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    pub score: f64,
    pub positive: f64,
    pub negative: f64,
    pub polarity: f64,
    pub activity: f64,
    pub self_group: f64,
    pub word_count: usize,
}

/// A theme hit (GKG V2Themes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeHit {
    pub theme: String,
    pub start: usize,
    pub end: usize,
}

/// A count of people or things affected (GKG V1Counts): "killed 12 people".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    #[serde(rename = "type")]
    pub kind: String,
    pub number: f64,
    pub object: String,
    pub start: usize,
    pub end: usize,
    pub place: Option<String>,
}

/// A number with the thing it counts (GKG V2.1Amounts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub number: f64,
    pub object: String,
    pub start: usize,
    pub end: usize,
}

/// A token with its part of speech, lemma and place in its sentence's dependency tree: the
/// syntax layer as `extract --tokens` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenLayer {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub upos: crate::Upos,
    pub lemma: String,
    /// The head as an index into the article's `tokens`; null for a sentence's root.
    pub head: Option<usize>,
    pub deprel: crate::DepRel,
}
