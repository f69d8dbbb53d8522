//! Training the labeler, on the treebank's trees and on jackknifed ones: each training sentence
//! parsed by a parser trained without it, so that the labeler also learns to name the arcs of
//! trees as wrong as the ones it will meet (a word's other dependents, its siblings, the
//! function words below it are the parser's, not the treebank's), as the parser learns from
//! jackknifed tags.

use crate::conllu::Sentence;
use crate::labeler::{self, Tree};
use crate::model::Model;
use crate::parser::{self, Context, Rng, State};
use crate::perceptron::{Trainer, Weights};
use crate::train::{Example, LabelerTrees, Learner, Options, model_score, shuffle};

/// The context the parser reads of a training example.
fn context(e: &Example) -> Context<'_> {
    Context {
        words: &e.words,
        tags: &e.tag_values,
        clause_marks: &e.clause_marks,
        may_head: &e.may_head,
        upos: &e.upos,
        next_verb: &e.next_verb,
    }
}

/// Trains a parser on `examples` for `epochs` epochs (exploring after `options.explore_after`)
/// and returns its averaged weights.
fn train_parser(examples: &[&Example], epochs: usize, options: &Options, rng: &mut Rng) -> Weights {
    let mut trainer = Trainer::new(parser::N_MOVES);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = State::new();
    let mut feats = Vec::new();
    for epoch in 1..=epochs {
        shuffle(&mut order, rng);
        for &i in &order {
            let e = examples[i];
            let explore = (epoch > options.explore_after).then_some(&mut *rng);
            parser::train_sentence(
                &mut trainer,
                &context(e),
                &e.projective_heads,
                &mut state,
                &mut feats,
                explore,
            );
        }
    }
    trainer.finish()
}

/// Parses every example with a parser trained on the other folds (example `i` is in fold
/// `i % folds`) into its `predicted_heads`. The parsers explore with their own generator, so
/// the member's own parser is the same whether or not the trees are made.
pub(crate) fn jackknife_trees(
    examples: &mut [Example],
    options: &Options,
    log: &mut dyn FnMut(&str),
) {
    let folds = options.tree_folds;
    if folds < 2 {
        return;
    }
    let mut rng = Rng::new(options.seed ^ 0x7EE5);
    let (mut state, mut look, mut feats) = (State::new(), State::new(), Vec::new());
    let mut heads = Vec::new();
    let mut right = 0usize;
    let mut words = 0usize;
    for fold in 0..folds {
        let rest: Vec<&Example> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, e)| e)
            .collect();
        let weights = train_parser(&rest, options.tree_fold_epochs, options, &mut rng);
        for (i, e) in examples.iter_mut().enumerate() {
            if i % folds != fold {
                continue;
            }
            parser::parse(
                &weights,
                &context(e),
                &mut state,
                &mut look,
                &mut feats,
                &mut heads,
            );
            right += heads[1..]
                .iter()
                .zip(&e.gold_heads[1..])
                .filter(|(p, g)| p == g)
                .count();
            words += heads.len() - 1;
            e.predicted_heads.clone_from(&heads);
        }
        log(&format!("tree jackknife fold {}/{folds} parsed", fold + 1));
    }
    log(&format!(
        "jackknifed trees: UAS {:.4} on the training sentences",
        right as f64 / words.max(1) as f64
    ));
}

/// Trains the labeler on the trees `options.labeler_trees` names, with jackknifed tags,
/// keeping the epoch with the best dev LAS.
pub(crate) fn train_labeler(
    model: &mut Model,
    examples: &[Example],
    dev: &[Sentence],
    options: &Options,
    order: &mut [usize],
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> Weights {
    let mut trainer = Trainer::new(labeler::n_labels());
    let mut best: Option<(f64, Weights)> = None;
    let (mut kids, mut kid_start, mut feats) = (Vec::new(), Vec::new(), Vec::new());
    let trees: &[bool] = match options.labeler_trees {
        LabelerTrees::Gold => &[false],
        LabelerTrees::Predicted => &[true],
        LabelerTrees::Both => &[false, true],
    };
    for epoch in 1..=options.labeler_epochs {
        shuffle(order, rng);
        for &i in order.iter() {
            let e = &examples[i];
            for &predicted in trees {
                let heads = if predicted && !e.predicted_heads.is_empty() {
                    &e.predicted_heads
                } else {
                    &e.gold_heads
                };
                labeler::index_children(heads, &mut kids, &mut kid_start);
                let tree = Tree {
                    words: &e.words,
                    tags: &e.tag_values,
                    upos: &e.upos,
                    heads,
                    kids: &kids,
                    kid_start: &kid_start,
                };
                labeler::train_sentence(
                    &mut trainer,
                    &tree,
                    &e.gold_labels,
                    &e.gold_heads,
                    &mut feats,
                );
            }
        }
        model.labeler = trainer.finish();
        let score = model_score(model, dev, epoch, Learner::Labeler, log);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, trainer.finish()));
        }
    }
    best.map_or_else(|| trainer.finish(), |(_, w)| w)
}
