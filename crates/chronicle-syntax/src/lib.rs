//! # chronicle-syntax
//!
//! Chronicle's own syntax models, so that every stage can read sentences, not strings: a
//! part-of-speech tagger, a lemmatizer and a dependency parser producing Universal Dependencies
//! v2 trees, trained by [`train`] from a CoNLL-U treebank and shipped as one embedded file.
//!
//! | module | job |
//! |---|---|
//! | [`conllu`] | reads and writes CoNLL-U |
//! | [`files`] | treebanks, clusters and models on disk |
//! | [`features`] | hashes words and feature templates |
//! | [`perceptron`] | the averaged perceptron, training and compact inference forms |
//! | [`tagger`] | UPOS tags, greedy left to right |
//! | [`predicate`] | a tagger rule: a clause's only possible verb is a verb |
//! | [`possessive`] | a tagger rule: a possessive's phrase ends in a noun ("-ly" nouns) |
//! | [`parser`] | heads, arc-eager transitions with a dynamic oracle |
//! | [`lookahead`] | the parser's look two moves on where its two best moves are close |
//! | [`projective`] | gold trees lifted to projective ones for training |
//! | [`templates`] | the feature templates the parser reads |
//! | [`opener`] | a tree repair: a sentence-opening participle is no root |
//! | [`finite`] | a tree repair: a present-tense verb after a noun is its predicate |
//! | [`subject`] | a tree repair: a subject after a comma is its verb's ("…, Ruiz said") |
//! | [`nominal_root`] | a tree repair: a noun left as root is the subject of the verb hung from it |
//! | [`quantity`] | a tree repair: a quantity noun left as root is its verb's subject ("Thousands of … protested") |
//! | [`punct`] | punctuation re-hung once the tree is whole |
//! | [`labeler`] | relations, once the tree is whole |
//! | [`lemma`] | lemmas from learnt tables and endings |
//! | [`model`] | the model file and the one call that analyses a sentence |
//! | [`train`] | training, deterministic from a seed |
//! | `train_tagger` | training the tagger, and the jackknifed tags the parser trains on |
//! | `train_example` | a training sentence read for the learners (the treebank's and the extra trees) |
//! | `train_labeler` | training the labeler, and the jackknifed trees it may train on |
//! | [`eval`] | UPOS, UAS, LAS as the CoNLL 2018 shared task counts them |
//!
//! Why our own: the classic greedy transition parser with a perceptron is small (a few MB),
//! loads in milliseconds and parses well over 100,000 words a second on one core, which no
//! parser crate on crates.io offers for UD English; and the pipeline needs it on our own tokens.

pub mod conllu;
pub mod eval;
pub mod features;
pub mod files;
pub mod finite;
pub mod inverted;
pub mod labeler;
pub mod lemma;
pub mod lookahead;
pub mod model;
pub mod nominal_root;
pub mod opener;
pub mod parser;
pub mod perceptron;
pub mod possessive;
pub mod predicate;
pub mod projective;
pub mod punct;
pub mod quantity;
pub mod quoted;
pub mod subject;
pub mod subordinator;
pub mod tagger;
pub mod templates;
pub mod train;
mod train_example;
mod train_labeler;
mod train_tagger;

pub use model::{Model, WordAnalysis, Workspace};
