//! # chronicle-nlp
//!
//! Chronicle's annotation stages. Each stage is a pure function of the shared, immutable
//! resources it loaded once (dictionaries, lexicons) and of one [`Article`]: it reads the layers
//! before it and adds its own, and never changes an earlier one.
//!
//! | stage | module | adds |
//! |---|---|---|
//! | segment | [`segment`] | tokens, sentences |
//! | syntax | [`syntax`] | parts of speech, lemmas, dependency trees (UD v2) |
//! | names | [`names`] | entities with actor codes, mentions, referents, pronoun links |
//! | places | [`places`] | places with country, coordinates and GeoNames id |
//! | time | [`time`] | dates, resolved against the publication date |
//! | quotes | [`quotes`] | quotations with speakers and cues |
//! | gist | [`gist`] | tone, themes, counts and amounts (the GKG layers) |
//!
//! A [`Pipeline`] runs the stages in order; it is `Send + Sync`, so one pipeline serves every
//! rayon worker.

pub mod calendar;
pub mod events;
pub mod gist;
mod hash;
pub mod names;
pub mod pipeline;
pub mod places;
pub mod quotes;
mod score;
pub mod segment;
pub mod syntax;
pub mod time;

pub use chronicle_core::Article;
pub use pipeline::{Pipeline, Stage};
