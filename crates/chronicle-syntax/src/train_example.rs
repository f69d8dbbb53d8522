//! A training sentence read into what the learners need: its words, gold tree, and the tags
//! and trees predicted for it; the treebank's sentences and the extra trees alike.

use chronicle_core::{DepRel, Upos};

use crate::conllu::Sentence;
use crate::features::WordInfo;
use crate::model::{Model, Workspace, tag_value};
use crate::parser;
use crate::tagger;

/// A training sentence read into what the learners need.
pub(crate) struct Example {
    pub(crate) words: Vec<WordInfo>,
    pub(crate) clause_marks: Vec<u32>,
    /// Whether each word may head, by its jackknifed tag (marks may not).
    pub(crate) may_head: Vec<bool>,
    /// How far the next verb is after each word, by its jackknifed tag.
    pub(crate) next_verb: Vec<u8>,
    pub(crate) gold_tags: Vec<usize>,
    /// The first pass's tags, jackknifed, for training the second pass.
    pub(crate) first_tags: Vec<usize>,
    /// Tags predicted by a tagger trained without this sentence (index 0 is the root's).
    pub(crate) tag_values: Vec<u64>,
    pub(crate) upos: Vec<Upos>,
    pub(crate) gold_heads: Vec<usize>,
    pub(crate) projective_heads: Vec<usize>,
    pub(crate) gold_labels: Vec<usize>,
    /// Heads found by a parser trained without this sentence (empty when none were made).
    pub(crate) predicted_heads: Vec<usize>,
}

/// Appends the usable sentences of `extra` to `examples`, tagged by the model's two tagger
/// passes; returns how many were added.
pub(crate) fn add_extra_trees(
    examples: &mut Vec<Example>,
    model: &Model,
    extra: &[&Sentence],
) -> usize {
    let before = examples.len();
    let (mut feats, mut first, mut tags) = (Vec::new(), Vec::new(), Vec::new());
    for s in extra {
        if s.words.is_empty() || !s.has_valid_tree() || s.words.iter().any(|w| w.rel().is_none()) {
            continue;
        }
        let mut e = example(model, s);
        let words = &e.words[1..];
        let dictionary = &model.tag_dictionary;
        tagger::tag(
            &model.tagger,
            dictionary,
            None,
            words,
            &mut feats,
            &mut first,
        );
        tagger::tag(
            &model.tagger_second,
            dictionary,
            Some(&first),
            words,
            &mut feats,
            &mut tags,
        );
        e.first_tags.clone_from(&first);
        set_tags(&mut e, &tags, &model.tagset);
        examples.push(e);
    }
    examples.len() - before
}

/// Reads a gold sentence into an example (tags not yet predicted).
pub(crate) fn example(model: &Model, s: &Sentence) -> Example {
    let mut ws = Workspace::default();
    model.read_words(s.words.iter().map(|w| w.form.as_str()), &mut ws);
    let (words, clause_marks) = ws.words();
    let (words, clause_marks) = (words.to_vec(), clause_marks.to_vec());
    let gold_tags: Vec<usize> = s
        .words
        .iter()
        .map(|w| model.tagset.class(w.upos.unwrap_or(Upos::X), &w.xpos))
        .collect();
    let mut gold_heads = vec![0];
    gold_heads.extend(s.words.iter().map(|w| w.head.unwrap_or(0)));
    let mut projective_heads = gold_heads.clone();
    parser::projectivize(&mut projective_heads);
    let mut gold_labels = vec![DepRel::Root as usize];
    gold_labels.extend(
        s.words
            .iter()
            .map(|w| w.rel().unwrap_or(DepRel::Dep) as usize),
    );
    Example {
        words,
        clause_marks,
        may_head: Vec::new(),
        next_verb: Vec::new(),
        gold_tags,
        first_tags: Vec::new(),
        tag_values: Vec::new(),
        upos: Vec::new(),
        gold_heads,
        projective_heads,
        gold_labels,
        predicted_heads: Vec::new(),
    }
}

pub(crate) fn set_tags(e: &mut Example, tags: &[usize], tagset: &tagger::TagSet) {
    e.tag_values.clear();
    e.tag_values.push(crate::features::NONE);
    e.tag_values.extend(tags.iter().map(|&t| tag_value(t)));
    e.upos.clear();
    e.upos.push(Upos::X);
    e.upos.extend(tags.iter().map(|&t| tagset.upos(t)));
    e.may_head.clear();
    e.may_head.extend(e.upos.iter().map(|&u| u != Upos::Punct));
    e.may_head[0] = true;
    crate::templates::verb_lookahead(&e.upos, &mut e.next_verb);
}
