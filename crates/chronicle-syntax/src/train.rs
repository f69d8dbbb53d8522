//! Training the model from a treebank: the tagger first, then the parser and the labeler on
//! tags predicted by taggers that never saw the sentence (jackknifing), so that they learn from
//! tags as wrong as the ones they will meet. Every step is deterministic from the seed; the
//! epoch that scores best on the development sentences is kept.

use std::time::Instant;

use crate::conllu::Sentence;
use crate::eval::Score;
use crate::labeler;
use crate::lemma::Lemmatizer;
use crate::model::{Clusters, Model};
use crate::parser::{self, Context, Rng, State};
use crate::perceptron::{Trainer, Weights};
use crate::tagger;
pub(crate) use crate::train_example::{Example, set_tags};
use crate::train_example::{add_extra_trees, example};

pub use crate::files::{read_clusters, read_treebank, train_files};

/// The parser's pruning threshold by default (see [`Options::prune_parser`]).
const PRUNE_PARSER: f32 = 1.0;

/// How to train.
#[derive(Debug, Clone)]
pub struct Options {
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Epochs the parser follows the oracle only, before it explores its own mistakes.
    pub explore_after: usize,
    pub labeler_epochs: usize,
    /// Epochs of the punctuation attacher.
    pub punct_epochs: usize,
    /// How many models, each from its own seed, the shipped model averages.
    pub members: usize,
    /// Weights smaller than this (perceptron units) are dropped from the mean (see
    /// [`Model::pruned`]): the mean of several members holds more features than one, and a
    /// larger table loads and looks up more slowly.
    pub prune: f32,
    /// The parser's table is pruned harder (see [`Model::pruned_parser`]): it is read for
    /// 98 templates twice a word, and its size, past the cache, costs load time and memory.
    pub prune_parser: f32,
    /// Folds for the jackknifed tags the parser trains on (1: gold tags).
    pub folds: usize,
    /// Whether the parser and the labeler train on the tagger's second pass, jackknifed like the
    /// first (the tags they read when parsing), rather than on the first pass's.
    pub jackknife_second: bool,
    /// Whether the tagger's classes are UPOS with XPOS (see [`tagger::TagSet::learn`]).
    pub fine_tags: bool,
    /// Folds of the jackknifed trees the labeler may train on (below 2: none are made).
    pub tree_folds: usize,
    /// Epochs of each fold's parser.
    pub tree_fold_epochs: usize,
    /// Which trees the labeler trains on.
    pub labeler_trees: LabelerTrees,
    /// Automatically parsed trees (CoNLL-U) added to the parser's and the labeler's
    /// training sentences (see [`train_with_extra`]); read by [`train_files`].
    pub extra_trees: Option<std::path::PathBuf>,
    /// Whether each member trains on its own share of the extra trees (member k of m on the
    /// k-th of every m) rather than on all of them: members trained on the same automatic
    /// trees agree more, and their mean gains less from averaging.
    pub extra_shares: bool,
    /// Where the model comes from, written into the file.
    pub description: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: 1,
            tagger_epochs: 12,
            parser_epochs: 20,
            explore_after: 2,
            labeler_epochs: 8,
            punct_epochs: 6,
            members: 4,
            prune: 0.35,
            prune_parser: PRUNE_PARSER,
            folds: 4,
            jackknife_second: true,
            fine_tags: false,
            tree_folds: 0,
            tree_fold_epochs: 8,
            labeler_trees: LabelerTrees::Gold,
            extra_trees: None,
            extra_shares: false,
            description: String::new(),
        }
    }
}

/// The trees the labeler learns to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelerTrees {
    /// The treebank's.
    Gold,
    /// The jackknifed parsers' (see [`Options::tree_folds`]): only the arcs they got right
    /// are learnt from.
    Predicted,
    /// Both, one after the other.
    Both,
}

/// Trains a model on `train`, choosing epochs on `dev`; `log` receives progress lines. With
/// several members, each is trained from its own seed (`seed`, `seed + 1`, ...) on its own
/// thread, and the model is their mean (see [`Model::mean`]): the members share nothing, so
/// the model is the same whatever the threads' timing; their log lines are prefixed by seed.
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    clusters: Clusters,
    options: &Options,
    log: &mut (dyn FnMut(&str) + Send),
) -> Model {
    train_with_extra(train, &[], dev, clusters, options, log)
}

/// As [`train`], with `extra` trees (automatically parsed text, see `chronicle train syntax
/// --extra-trees`) added to the parser's and the labeler's training sentences: the tagger, the
/// tag dictionary and the lemmatizer learn from `train` alone, and the extra sentences are
/// read with the tags the trained tagger gives them (a tagger that never saw them, as the
/// jackknifed tags of `train` come from taggers that never saw theirs).
pub fn train_with_extra(
    train: &[Sentence],
    extra: &[Sentence],
    dev: &[Sentence],
    clusters: Clusters,
    options: &Options,
    log: &mut (dyn FnMut(&str) + Send),
) -> Model {
    let members = options.members.max(1);
    let shared_log = std::sync::Mutex::new(&mut *log);
    let mut models: Vec<Model> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..members)
            .map(|k| {
                let member = Options {
                    seed: options.seed.wrapping_add(k as u64),
                    ..options.clone()
                };
                let (clusters, shared_log) = (clusters.clone(), &shared_log);
                scope.spawn(move || {
                    let seed = member.seed;
                    let mut member_log = |line: &str| {
                        if let Ok(mut log) = shared_log.lock() {
                            if members > 1 {
                                log(&format!("[seed {seed}] {line}"));
                            } else {
                                log(line);
                            }
                        }
                    };
                    let share: Vec<&Sentence> = if member.extra_shares {
                        extra.iter().skip(k).step_by(members).collect()
                    } else {
                        extra.iter().collect()
                    };
                    train_member(train, &share, dev, clusters, &member, &mut member_log)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    if models.len() == 1 {
        return models.remove(0);
    }
    match Model::mean(&models) {
        Some(model) => {
            let model = if options.prune > 0.0 {
                model.pruned(options.prune)
            } else {
                model
            };
            let model = if options.prune_parser > options.prune {
                model.pruned_parser(options.prune_parser)
            } else {
                model
            };
            if !dev.is_empty() {
                let score = Score::of(&model, dev);
                log(&format!(
                    "mean of {members} members: dev {}",
                    score.summary()
                ));
            }
            model
        }
        None => models.remove(0),
    }
}

/// Trains one model from `options.seed`.
fn train_member(
    train: &[Sentence],
    extra: &[&Sentence],
    dev: &[Sentence],
    clusters: Clusters,
    options: &Options,
    log: &mut dyn FnMut(&str),
) -> Model {
    let started = Instant::now();
    let usable: Vec<&Sentence> = train
        .iter()
        .filter(|s| {
            !s.words.is_empty() && s.has_valid_tree() && s.words.iter().all(|w| w.upos.is_some())
        })
        .collect();
    log(&format!(
        "{} training sentences ({} skipped without a full tree), {} dev sentences, {} clusters",
        usable.len(),
        train.len() - usable.len(),
        dev.len(),
        clusters.len()
    ));
    let lemmas = Lemmatizer::learn(usable.iter().flat_map(|s| {
        s.words
            .iter()
            .filter_map(|w| Some((w.form.as_str(), w.upos?, w.lemma.as_str())))
    }));
    let tagset = tagger::TagSet::learn(
        usable.iter().flat_map(|s| {
            s.words
                .iter()
                .filter_map(|w| Some((w.upos?, w.xpos.as_str())))
        }),
        options.fine_tags,
    );
    log(&format!("{} tag classes", tagset.len()));
    let mut model = Model {
        description: options.description.clone(),
        tagger: Trainer::new(tagset.len()).finish(),
        tagger_second: Trainer::new(tagset.len()).finish(),
        tagset,
        tag_dictionary: tagger::TagDictionary::default(),
        parser: Trainer::new(parser::N_MOVES).finish(),
        punct: Trainer::new(1).finish(),
        labeler: Trainer::new(labeler::n_labels()).finish(),
        lemmas,
        clusters,
    };
    let mut examples: Vec<Example> = usable.iter().map(|s| example(&model, s)).collect();
    model.tag_dictionary = tagger::TagDictionary::learn(examples.iter().flat_map(|e| {
        e.words[1..]
            .iter()
            .map(|w| w.form)
            .zip(e.gold_tags.iter().copied())
    }));
    log(&format!(
        "{} words in the tag dictionary",
        model.tag_dictionary.len()
    ));

    // The tagger's two passes, and the jackknifed tags the parser and the labeler read.
    crate::train_tagger::train_taggers(&mut model, &mut examples, dev, options, log);
    log(&format!(
        "tagger trained in {:.1} s",
        started.elapsed().as_secs_f64()
    ));
    let added = add_extra_trees(&mut examples, &model, extra);
    if !extra.is_empty() {
        log(&format!(
            "{added} extra trees for the parser and the labeler ({} skipped)",
            extra.len() - added
        ));
    }

    // The parser.
    let mut rng = Rng::new(options.seed ^ 0x5eed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    model.parser = train_parser(
        &mut model,
        &examples,
        dev,
        options,
        &mut order,
        &mut rng,
        &mut |line| log(&format!("{line}; {:.1} s", started.elapsed().as_secs_f64())),
    );

    // The punctuation attacher, on gold trees with jackknifed tags.
    model.punct = train_punct(
        &mut model, &examples, dev, options, &mut order, &mut rng, log,
    );

    // The labeler, on gold trees, jackknifed trees or both, with jackknifed tags.
    crate::train_labeler::jackknife_trees(&mut examples, options, log);
    model.labeler = crate::train_labeler::train_labeler(
        &mut model, &examples, dev, options, &mut order, &mut rng, log,
    );
    log(&format!(
        "trained in {:.1} s: {} tagger, {} parser, {} labeler features",
        started.elapsed().as_secs_f64(),
        model.tagger.features(),
        model.parser.features(),
        model.labeler.features()
    ));
    model
}

/// Trains the parser with the dynamic oracle on the examples' jackknifed tags, keeping the
/// epoch with the best dev UAS; `order` is shuffled with `rng` each epoch.
fn train_parser(
    model: &mut Model,
    examples: &[Example],
    dev: &[Sentence],
    options: &Options,
    order: &mut [usize],
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> Weights {
    let mut trainer = Trainer::new(parser::N_MOVES);
    let mut best: Option<(f64, Weights)> = None;
    let mut state = State::new();
    let mut feats = Vec::new();
    for epoch in 1..=options.parser_epochs {
        shuffle(order, rng);
        let (mut right, mut total) = (0, 0);
        for &i in order.iter() {
            let e = &examples[i];
            let ctx = Context {
                words: &e.words,
                tags: &e.tag_values,
                clause_marks: &e.clause_marks,
                may_head: &e.may_head,
                upos: &e.upos,
                next_verb: &e.next_verb,
            };
            let explore = (epoch > options.explore_after).then_some(&mut *rng);
            let (r, t) = parser::train_sentence(
                &mut trainer,
                &ctx,
                &e.projective_heads,
                &mut state,
                &mut feats,
                explore,
            );
            right += r;
            total += t;
        }
        model.parser = trainer.finish();
        let score = model_score(model, dev, epoch, Learner::Parser, log);
        log(&format!(
            "parser epoch {epoch}: {:.4} of moves right in training",
            right as f64 / total.max(1) as f64,
        ));
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, trainer.finish()));
        }
    }
    best.map_or_else(|| trainer.finish(), |(_, w)| w)
}

/// Trains the punctuation attacher on the gold trees, keeping the epoch with the best dev UAS,
/// or none when no epoch betters the parser's own marks.
fn train_punct(
    model: &mut Model,
    examples: &[Example],
    dev: &[Sentence],
    options: &Options,
    order: &mut [usize],
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> Weights {
    let mut trainer = Trainer::new(1);
    // The parser's own marks are the mark to beat: an attacher that does not better the dev
    // UAS is left out (an empty table), as it was for single models of richer templates.
    let mut best: Option<(f64, Weights)> = (!dev.is_empty()).then(|| {
        model.punct = Trainer::new(1).finish();
        (Score::of(model, dev).uas(), Trainer::new(1).finish())
    });
    for epoch in 1..=options.punct_epochs {
        shuffle(order, rng);
        for &i in order.iter() {
            let e = &examples[i];
            let sentence = crate::punct::Sentence {
                words: &e.words,
                tags: &e.tag_values,
                upos: &e.upos,
            };
            crate::punct::train_sentence(&mut trainer, &sentence, &e.gold_heads);
        }
        model.punct = trainer.finish();
        let score = model_score(model, dev, epoch, Learner::Punct, log);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, trainer.finish()));
        }
    }
    best.map_or_else(|| trainer.finish(), |(_, w)| w)
}

/// Which learner an epoch belongs to, and so which dev figure selects it.
#[derive(Clone, Copy)]
pub(crate) enum Learner {
    Parser,
    Punct,
    Labeler,
}

/// Scores a model on the dev sentences, logs it, and returns the figure that selects the
/// learner's epoch.
pub(crate) fn model_score(
    model: &Model,
    dev: &[Sentence],
    epoch: usize,
    learner: Learner,
    log: &mut dyn FnMut(&str),
) -> f64 {
    if dev.is_empty() {
        return epoch as f64;
    }
    let score = Score::of(model, dev);
    let name = match learner {
        Learner::Parser => "parser",
        Learner::Punct => "punct",
        Learner::Labeler => "labeler",
    };
    log(&format!("{name} epoch {epoch}: dev {}", score.summary()));
    match learner {
        Learner::Parser | Learner::Punct => score.uas(),
        Learner::Labeler => score.las(),
    }
}

/// Fisher-Yates with the training generator.
pub(crate) fn shuffle(order: &mut [usize], rng: &mut Rng) {
    for i in (1..order.len()).rev() {
        let j = (rng.next_f64() * (i + 1) as f64) as usize;
        order.swap(i, j.min(i));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our own sentences, tagged and parsed by hand in UD's way.
    const TREEBANK: &str = "\
1\tKenya\tKenya\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tcriticised\tcriticise\tVERB\tVBD\t_\t0\troot\t_\t_
3\tSomalia\tSomalia\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tfarmers\tfarmer\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tprotested\tprotest\tVERB\tVBD\t_\t0\troot\t_\t_
4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_
5\tMonday\tMonday\tPROPN\tNNP\t_\t3\tobl\t_\t_
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tRice\trice\tNOUN\tNN\t_\t4\tnsubj\t_\t_
2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_
3\tbeans\tbean\tNOUN\tNNS\t_\t1\tconj\t_\t_
4\tgrow\tgrow\tVERB\tVBP\t_\t0\troot\t_\t_
5\there\there\tADV\tRB\t_\t4\tadvmod\t_\t_

1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthat\tthat\tSCONJ\tIN\t_\t5\tmark\t_\t_
4\tprices\tprice\tNOUN\tNNS\t_\t5\tnsubj\t_\t_
5\trose\trise\tVERB\tVBD\t_\t2\tccomp\t_\t_
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

";

    /// Our own sentences, as an automatic parse might give them.
    const EXTRA: &str = "\
1\tGhana\tGhana\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tpraised\tpraise\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\ttalks\ttalk\tNOUN\tNNS\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tTraders\ttrader\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tsold\tsell\tVERB\tVBD\t_\t0\troot\t_\t_
3\tmaize\tmaize\tNOUN\tNN\t_\t2\tobj\t_\t_
4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_
5\tAccra\tAccra\tPROPN\tNNP\t_\t2\tobl\t_\t_

";

    fn table(w: &Weights) -> Vec<u8> {
        let mut out = Vec::new();
        w.write(&mut out);
        out
    }

    /// Extra trees teach the parser and the labeler, never the tagger: the tagger's tables are
    /// the same with them or without, the parser's differ, and the model is the same from one
    /// run to the next.
    #[test]
    fn extra_trees_train_the_parser_not_the_tagger() {
        let read = |text: &str| -> Vec<Sentence> {
            crate::conllu::Reader::new(text.as_bytes())
                .collect::<Result<_, _>>()
                .expect("a valid treebank")
        };
        let (sentences, extra) = (read(TREEBANK), read(EXTRA));
        let run = |extra: &[Sentence]| {
            let options = small_options(1, 1);
            train_with_extra(
                &sentences,
                extra,
                &[],
                Clusters::default(),
                &options,
                &mut |_| {},
            )
        };
        let (plain, with) = (run(&[]), run(&extra));
        assert_eq!(table(&plain.tagger), table(&with.tagger));
        assert_eq!(table(&plain.tagger_second), table(&with.tagger_second));
        assert_ne!(table(&plain.parser), table(&with.parser));
        assert_ne!(table(&plain.labeler), table(&with.labeler));
        assert_eq!(with.to_bytes(), run(&extra).to_bytes());
    }

    /// With shares, each member trains on its own share of the extra trees: the model is the
    /// mean of member 1 trained on the first sentence and member 2 on the second.
    #[test]
    fn with_shares_each_member_trains_on_its_own_extra_trees() {
        let read = |text: &str| -> Vec<Sentence> {
            crate::conllu::Reader::new(text.as_bytes())
                .collect::<Result<_, _>>()
                .expect("a valid treebank")
        };
        let (sentences, extra) = (read(TREEBANK), read(EXTRA));
        let run = |extra: &[Sentence], options: &Options| {
            train_with_extra(
                &sentences,
                extra,
                &[],
                Clusters::default(),
                options,
                &mut |_| {},
            )
        };
        let shares = Options {
            extra_shares: true,
            ..small_options(1, 2)
        };
        let alone = [
            run(&extra[..1], &small_options(1, 1)),
            run(&extra[1..], &small_options(2, 1)),
        ];
        let mean = Model::mean(&alone).expect("members alike");
        assert_eq!(run(&extra, &shares).to_bytes(), mean.to_bytes());
        assert_ne!(
            run(&extra, &small_options(1, 2)).to_bytes(),
            mean.to_bytes()
        );
    }

    fn small_options(seed: u64, members: usize) -> Options {
        Options {
            seed,
            members,
            tagger_epochs: 2,
            parser_epochs: 3,
            explore_after: 1,
            labeler_epochs: 2,
            punct_epochs: 1,
            prune: 0.0,
            prune_parser: 0.0,
            folds: 2,
            ..Options::default()
        }
    }

    /// The labeler's jackknifed trees come from parsers of their own: the member's parser is
    /// the same with them or without, and the model the same from one run to the next.
    #[test]
    fn jackknifed_trees_leave_the_parser_as_it_was() {
        let sentences: Vec<Sentence> = crate::conllu::Reader::new(TREEBANK.as_bytes())
            .collect::<Result<_, _>>()
            .expect("a valid treebank");
        let train_one =
            |options: &Options| train(&sentences, &[], Clusters::default(), options, &mut |_| {});
        let with_trees = Options {
            tree_folds: 2,
            tree_fold_epochs: 2,
            labeler_trees: LabelerTrees::Both,
            ..small_options(1, 1)
        };
        let (plain, trees) = (train_one(&small_options(1, 1)), train_one(&with_trees));
        assert_eq!(table(&plain.parser), table(&trees.parser));
        assert_eq!(trees.to_bytes(), train_one(&with_trees).to_bytes());
    }

    /// Members trained side by side on their own threads make the same model as members
    /// trained one at a time and averaged: threads change the time, not the model.
    #[test]
    fn members_on_threads_make_the_model_members_alone_make() {
        let sentences: Vec<Sentence> = crate::conllu::Reader::new(TREEBANK.as_bytes())
            .collect::<Result<_, _>>()
            .expect("a valid treebank");
        let train_one =
            |options: &Options| train(&sentences, &[], Clusters::default(), options, &mut |_| {});
        let together = train_one(&small_options(1, 2));
        let alone = [
            train_one(&small_options(1, 1)),
            train_one(&small_options(2, 1)),
        ];
        let mean = Model::mean(&alone).expect("members alike");
        assert_eq!(together.to_bytes(), mean.to_bytes());
        assert_eq!(
            together.to_bytes(),
            train_one(&small_options(1, 2)).to_bytes()
        );
    }
}
