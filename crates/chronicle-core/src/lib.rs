//! # chronicle-core
//!
//! The one data type that flows through Chronicle: an [`Article`] with its clean `body` and the
//! annotation layers that the stages add to it, in order (sentences, entities, places, dates,
//! quotes, events, gist). Every layer is a list of spans over `body`.
//!
//! Offsets in the public layers are **character offsets** (Unicode scalar values), end exclusive,
//! as the JSON contract of `chronicle extract` promises and as spaCy and brat use. Stages work on
//! byte offsets internally (slicing a `&str` is free); [`TextIndex`] converts between the two in
//! O(1) for ASCII bodies and O(log n) otherwise.
//!
//! This crate knows nothing of files, dictionaries or the database: it is the vocabulary that the
//! readers, the stages and the sinks share.

pub mod article;
pub mod calendar;
pub mod date_precision;
pub mod hash;
pub mod layers;
pub mod sink;
pub mod syntax;
pub mod text_index;

pub use article::{
    Analysis, Article, ByteSpan, DescriptionLink, Gender, Mention, MentionForm, PronounLink,
    Referent, ReportKind, Token, TokenKind,
};
pub use date_precision::DatePrecision;
pub use layers::*;
pub use sink::{Flow, Held, Sink};
pub use syntax::{DepRel, Syntax, TokenSyntax, Upos};
pub use text_index::TextIndex;
