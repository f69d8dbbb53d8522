//! # chronicle-nlp
//!
//! Chronicle's annotation stages. Each stage is a pure function of the shared, immutable
//! resources it loaded once (dictionaries, lexicons) and of one [`Article`]: it reads the layers
//! before it and adds its own, and never changes an earlier one.
//!
//! | stage | module | reads | adds |
//! |---|---|---|---|
//! | segment | [`segment`] | the body | tokens, sentences |
//! | syntax | [`syntax`] | tokens, sentences | parts of speech, lemmas, dependency trees (UD v2) |
//! | names | [`names`] | tokens, sentences | entities with actor codes, mentions, referents, pronoun links |
//! | places | [`places`] | tokens, sentences, names | places with country, coordinates and GeoNames id |
//! | time | [`time`] | sentences | dates, resolved against the publication date |
//! | quotes | [`quotes`] | tokens, sentences, names | quotations with speakers and cues |
//! | events | [`events`] | tokens, sentences, names, dates | CAMEO/PLOVER events with their own dates and places |
//! | gist | [`gist`] | tokens, sentences, names, dates | tone, themes, counts and amounts (the GKG layers) |
//!
//! Each stage declares what it reads and adds ([`Stage::requires`], [`Stage::provides`], in
//! [`Layer`]s); a [`Pipeline`] is built only in an order where every stage finds what it reads
//! ([`Pipeline::from_stages`] refuses any other, naming the stage and the missing layer), and
//! [`Pipeline::builder`] puts a user's dictionaries or gazetteer into the standard order. A
//! pipeline is `Send + Sync`, so one pipeline serves every rayon worker.

pub use chronicle_core::calendar;
pub mod countries;
pub mod events;
pub mod gist;
mod hash;
pub mod names;
pub mod petrarch;
pub mod pipeline;
pub mod places;
pub mod quotes;
pub mod segment;
pub mod syntax;
pub mod time;

pub use chronicle_core::Article;
pub use pipeline::{Layer, OrderError, Pipeline, PipelineBuilder, Stage};
