//! # chronicle-nlp
//!
//! Chronicle's annotation stages. Each stage is a pure function of the shared, immutable
//! resources it loaded once (dictionaries, lexicons) and of one [`Article`]: it reads the layers
//! before it and adds its own, and never changes an earlier one.
//!
//! | stage | module | adds |
//! |---|---|---|
//! | segment | [`segment`] | tokens, sentences |
//! | time | [`time`] | dates, resolved against the publication date |
//!
//! A [`Pipeline`] runs the stages in order; it is `Send + Sync`, so one pipeline serves every
//! rayon worker.

pub mod pipeline;
pub mod segment;
pub mod time;

pub use chronicle_core::Article;
pub use pipeline::{Pipeline, Stage};
