//! # chronicle-ingest
//!
//! Reading Chronicle's inputs and cleaning them into articles.
//!
//! - [`inputs`] expands the paths a user gives (files, folders walked in a stable order, `-` for
//!   standard input) into typed inputs.
//! - [`reader`] streams each input as [`RawDocument`]s: a `.txt` or `.html` file is one document,
//!   every line of a `.jsonl`/`.jsonl.gz` file is one, every page record (an HTML response or resource)
//!   of a `.warc`/`.warc.gz` archive is one (read by `chronicle_html::warc`); bad input becomes an [`InputError`] that names the file
//!   and line, and the stream goes on. A JSON line is read as an [`InputRecord`], the same
//!   record type that `POST /api/extract` reads.
//! - [`clean`] turns a scraped page saved as plain text into title, description, sections, image
//!   credit and a body that keeps every sentence of the story and nothing else.
//! - [`build_article`] puts the pieces together into a [`chronicle_core::Article`], dated by
//!   the record, else the page, else its URL ([`url_date`]), else its capture, else `--date`.
//!
//! Everything streams: a 2 GB line or a gzip bomb costs a bounded amount of memory.

pub mod clean;
pub mod decode;
pub mod document;
pub mod error;
pub mod inputs;
pub mod lines;
pub mod reader;
pub mod record;
pub mod url_date;
pub mod warc_page;

pub use document::{BuildOptions, Content, FeedHints, RawDocument, build_article};
pub use error::{InputError, Problem};
pub use inputs::{Input, InputKind, expand_inputs};
pub use reader::{ReadLimits, read_input};
pub use record::InputRecord;
