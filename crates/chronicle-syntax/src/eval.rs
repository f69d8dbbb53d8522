//! Scoring on a treebank with gold words, as the CoNLL 2018 shared task counts: every word,
//! punctuation included; LAS compares the universal part of the relation (`nsubj:pass` counts
//! as `nsubj`), and the full label's LAS is printed beside it.

use std::fmt;

use chronicle_core::DepRel;

use crate::conllu::Sentence;
use crate::model::{Model, Workspace};

/// Counts of one relation: gold arcs, predicted arcs, and arcs right (head and label).
#[derive(Debug, Clone, Copy, Default)]
struct RelationCount {
    gold: usize,
    predicted: usize,
    right: usize,
}

/// The figures of a model on a treebank.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub sentences: usize,
    pub words: usize,
    pub upos: usize,
    pub lemma: usize,
    pub heads: usize,
    pub labelled: usize,
    pub labelled_full: usize,
    relations: Vec<RelationCount>,
}

impl Score {
    /// Analyses every sentence's gold words with `model` and compares.
    pub fn of(model: &Model, sentences: &[Sentence]) -> Score {
        let mut score = Score {
            relations: vec![RelationCount::default(); DepRel::ALL.len()],
            ..Score::default()
        };
        let mut ws = Workspace::default();
        for s in sentences.iter().filter(|s| !s.words.is_empty()) {
            model.analyse(s.words.iter().map(|w| w.form.as_str()), &mut ws);
            score.add(s, &ws);
        }
        score
    }

    /// Adds one sentence's comparison.
    pub fn add(&mut self, gold: &Sentence, ws: &Workspace) {
        self.sentences += 1;
        for (i, (g, p)) in gold.words.iter().zip(&ws.analysis).enumerate() {
            self.words += 1;
            self.upos += usize::from(g.upos == Some(p.upos));
            self.lemma += usize::from(g.lemma == ws.lemma(i));
            let head_right = g.head == Some(p.head);
            self.heads += usize::from(head_right);
            let gold_rel = g.rel();
            let base_right = gold_rel.map(DepRel::base) == Some(p.deprel.base());
            self.labelled += usize::from(head_right && base_right);
            self.labelled_full += usize::from(head_right && g.deprel == p.deprel.as_str());
            if let Some(r) = gold_rel {
                self.relations[r.base() as usize].gold += 1;
                if head_right && base_right {
                    self.relations[r.base() as usize].right += 1;
                }
            }
            self.relations[p.deprel.base() as usize].predicted += 1;
        }
    }

    fn share(&self, n: usize) -> f64 {
        n as f64 / self.words.max(1) as f64
    }

    /// UPOS accuracy.
    pub fn upos(&self) -> f64 {
        self.share(self.upos)
    }

    /// Unlabelled attachment score.
    pub fn uas(&self) -> f64 {
        self.share(self.heads)
    }

    /// Labelled attachment score on universal relations (CoNLL 2018).
    pub fn las(&self) -> f64 {
        self.share(self.labelled)
    }

    /// One line: UPOS, UAS, LAS.
    pub fn summary(&self) -> String {
        format!(
            "UPOS {:.4}  UAS {:.4}  LAS {:.4}",
            self.upos(),
            self.uas(),
            self.las()
        )
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "syntax: {} sentences, {} words (gold words; every word counted, punctuation included)",
            self.sentences, self.words
        )?;
        writeln!(f, "  UPOS accuracy      {:.4}", self.upos())?;
        writeln!(f, "  lemma accuracy     {:.4}", self.share(self.lemma))?;
        writeln!(f, "  UAS                {:.4}", self.uas())?;
        writeln!(
            f,
            "  LAS                {:.4}  (universal relations, as CoNLL 2018)",
            self.las()
        )?;
        writeln!(
            f,
            "  LAS, full labels   {:.4}  (with subtypes: nsubj:pass, obl:tmod, ...)",
            self.share(self.labelled_full)
        )?;
        writeln!(f, "  relation      gold  precision  recall     F1")?;
        let mut rows: Vec<(DepRel, RelationCount)> = DepRel::ALL
            .iter()
            .map(|&r| (r, self.relations[r as usize]))
            .filter(|(_, c)| c.gold > 0)
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1.gold));
        for (r, c) in rows {
            let p = c.right as f64 / c.predicted.max(1) as f64;
            let rec = c.right as f64 / c.gold.max(1) as f64;
            let f1 = if p + rec > 0.0 {
                2.0 * p * rec / (p + rec)
            } else {
                0.0
            };
            writeln!(
                f,
                "  {:<12} {:>5}  {p:>9.4}  {rec:.4}  {f1:.4}",
                r.as_str(),
                c.gold
            )?;
        }
        Ok(())
    }
}
