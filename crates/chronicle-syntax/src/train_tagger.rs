//! Training the tagger, and the jackknifed tags the parser and the labeler train on: tags
//! predicted, pass by pass, by taggers that never saw the sentence.

use crate::conllu::Sentence;
use crate::model::{Model, Workspace};
use crate::parser::Rng;
use crate::perceptron::{Trainer, Weights};
use crate::tagger;
use crate::train::{Example, Options, set_tags, shuffle};

/// Trains the tagger's first pass on every example, gives the examples their jackknifed tags
/// (see [`jackknife`]), then trains the second pass on the first pass's jackknifed tags; each
/// pass keeps the epoch with the best dev UPOS.
pub(crate) fn train_taggers(
    model: &mut Model,
    examples: &mut [Example],
    dev: &[Sentence],
    options: &Options,
    log: &mut dyn FnMut(&str),
) {
    // The first pass, on every sentence.
    let order_seed = options.seed;
    let n_tags = model.tagset.len();
    let tagger_weights = train_tagger(
        examples,
        n_tags,
        &model.tag_dictionary,
        Pass::First,
        options.tagger_epochs,
        order_seed,
        &mut |epoch, w| {
            let accuracy = tag_accuracy(model, w, Pass::First, dev);
            log(&format!(
                "tagger epoch {epoch}: dev UPOS {accuracy:.4} (first pass)"
            ));
            accuracy
        },
    );
    model.tagger = tagger_weights;

    // Jackknifed tags for the parser and the labeler.
    jackknife(examples, model, options, log);

    // The tagger's second pass, on the first pass's jackknifed tags.
    let tagger_weights = train_tagger(
        examples,
        n_tags,
        &model.tag_dictionary,
        Pass::Second,
        options.tagger_epochs,
        order_seed,
        &mut |epoch, w| {
            let accuracy = tag_accuracy(model, w, Pass::Second, dev);
            log(&format!(
                "tagger epoch {epoch}: dev UPOS {accuracy:.4} (second pass)"
            ));
            accuracy
        },
    );
    model.tagger_second = tagger_weights;
}

/// Gives every example its jackknifed tags (gold tags with one fold): the first pass's, from
/// a tagger trained on the other folds, and, with [`Options::jackknife_second`], the second
/// pass's after them (see [`jackknife_second_pass`]).
pub(crate) fn jackknife(
    examples: &mut [Example],
    model: &Model,
    options: &Options,
    log: &mut dyn FnMut(&str),
) {
    let folds = options.folds.max(1);
    if folds == 1 {
        for e in examples.iter_mut() {
            let gold = e.gold_tags.clone();
            set_tags(e, &gold, &model.tagset);
            e.first_tags = gold;
        }
    } else {
        let mut fold_taggers = Vec::with_capacity(folds);
        for fold in 0..folds {
            let weights = train_without_fold(examples, folds, fold, model, options, Pass::First);
            let mut feats = Vec::new();
            let mut tags = Vec::new();
            for (i, e) in examples.iter_mut().enumerate() {
                if i % folds == fold {
                    tagger::tag(
                        &weights,
                        &model.tag_dictionary,
                        None,
                        &e.words[1..],
                        &mut feats,
                        &mut tags,
                    );
                    set_tags(e, &tags, &model.tagset);
                    e.first_tags.clone_from(&tags);
                }
            }
            log(&format!("jackknife fold {}/{folds} tagged", fold + 1));
            fold_taggers.push(weights);
        }
        if options.jackknife_second {
            jackknife_second_pass(examples, model, &fold_taggers, options, log);
        }
    }
}

/// A tagger pass trained on every example but those of `fold` (example `i` is in fold
/// `i % folds`), to tag that fold as the parser will see unseen text tagged.
fn train_without_fold(
    examples: &[Example],
    folds: usize,
    fold: usize,
    model: &Model,
    options: &Options,
    pass: Pass,
) -> Weights {
    let rest: Vec<&Example> = examples
        .iter()
        .enumerate()
        .filter(|(i, _)| i % folds != fold)
        .map(|(_, e)| e)
        .collect();
    train_tagger_refs(
        &rest,
        model.tagset.len(),
        &model.tag_dictionary,
        pass,
        options.tagger_epochs,
        options.seed,
        &mut |_, _| 0.0,
    )
}

/// Gives every example the tags of both tagger passes trained without its fold: the first
/// pass's jackknifed tagger (`fold_taggers`, one per fold), then a second pass trained on the
/// other folds' first-pass tags. The parser then trains on tags as wrong, and wrong in the same
/// way, as the ones it reads when parsing.
fn jackknife_second_pass(
    examples: &mut [Example],
    model: &Model,
    fold_taggers: &[Weights],
    options: &Options,
    log: &mut dyn FnMut(&str),
) {
    let folds = fold_taggers.len();
    for (fold, first) in fold_taggers.iter().enumerate() {
        let second = train_without_fold(examples, folds, fold, model, options, Pass::Second);
        let (mut feats, mut first_tags, mut tags) = (Vec::new(), Vec::new(), Vec::new());
        for (i, e) in examples.iter_mut().enumerate() {
            if i % folds == fold {
                let words = &e.words[1..];
                let dictionary = &model.tag_dictionary;
                tagger::tag(first, dictionary, None, words, &mut feats, &mut first_tags);
                tagger::tag(
                    &second,
                    dictionary,
                    Some(&first_tags),
                    words,
                    &mut feats,
                    &mut tags,
                );
                set_tags(e, &tags, &model.tagset);
            }
        }
        log(&format!(
            "second pass jackknife fold {}/{folds} tagged",
            fold + 1
        ));
    }
}

/// Which pass of the tagger is trained or scored.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pass {
    First,
    Second,
}

pub(crate) fn train_tagger(
    examples: &[Example],
    n_tags: usize,
    dictionary: &tagger::TagDictionary,
    pass: Pass,
    epochs: usize,
    seed: u64,
    select: &mut dyn FnMut(usize, &Weights) -> f64,
) -> Weights {
    let refs: Vec<&Example> = examples.iter().collect();
    train_tagger_refs(&refs, n_tags, dictionary, pass, epochs, seed, select)
}

/// Trains a tagger; `select` scores each epoch's weights (higher is better) and the best kept.
fn train_tagger_refs(
    examples: &[&Example],
    n_tags: usize,
    dictionary: &tagger::TagDictionary,
    pass: Pass,
    epochs: usize,
    seed: u64,
    select: &mut dyn FnMut(usize, &Weights) -> f64,
) -> Weights {
    let mut rng = Rng::new(seed);
    let mut trainer = Trainer::new(n_tags);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::new();
    let mut best: Option<(f64, Weights)> = None;
    for epoch in 1..=epochs {
        shuffle(&mut order, &mut rng);
        for &i in &order {
            let e = examples[i];
            tagger::train_sentence(
                &mut trainer,
                dictionary,
                (pass == Pass::Second).then_some(e.first_tags.as_slice()),
                &e.words[1..],
                &e.gold_tags,
                &mut feats,
            );
        }
        let weights = trainer.finish();
        let score = select(epoch, &weights);
        if best.as_ref().is_none_or(|(b, _)| score > *b) || epoch == epochs && best.is_none() {
            best = Some((score, weights));
        }
    }
    best.map_or_else(|| trainer.finish(), |(_, w)| w)
}

/// The share of dev words that `weights` tags right as the given pass (a second pass reads
/// the model's first pass), with the model's word reading.
pub(crate) fn tag_accuracy(model: &Model, weights: &Weights, pass: Pass, dev: &[Sentence]) -> f64 {
    if dev.is_empty() {
        return 0.0;
    }
    let mut ws = Workspace::default();
    let (mut feats, mut first, mut tags) = (Vec::new(), Vec::new(), Vec::new());
    let (mut right, mut total) = (0usize, 0usize);
    for s in dev {
        model.read_words(s.words.iter().map(|w| w.form.as_str()), &mut ws);
        let (words, _) = ws.words();
        let dictionary = &model.tag_dictionary;
        if pass == Pass::Second {
            tagger::tag(
                &model.tagger,
                dictionary,
                None,
                &words[1..],
                &mut feats,
                &mut first,
            );
        }
        let first_pass = (pass == Pass::Second).then_some(first.as_slice());
        tagger::tag(
            weights,
            dictionary,
            first_pass,
            &words[1..],
            &mut feats,
            &mut tags,
        );
        for (w, &t) in s.words.iter().zip(&tags) {
            total += 1;
            right += usize::from(w.upos == Some(model.tagset.upos(t)));
        }
    }
    right as f64 / total.max(1) as f64
}
