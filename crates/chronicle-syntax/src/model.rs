//! The trained model and its file: tagger, parser and labeler weights, lemma tables and word
//! clusters, in one versioned little-endian file that the binary embeds.
//!
//! Layout: the magic `CHRONSYN`, a format version (u32), a description (where the model was
//! trained from, under which licence), then each table in a fixed order. A file of another
//! version, a truncated file or a table that does not add up is refused with the reason.

use std::collections::HashMap;
use std::sync::OnceLock;

use chronicle_core::{DepRel, Upos};

use crate::features::{BuildPassThrough, NONE, Scratch, WordInfo, f1};
use crate::labeler::{self, Tree};
use crate::lemma::Lemmatizer;
use crate::parser::{self, Context, State};
use crate::perceptron::Weights;
use crate::tagger;

const MAGIC: &[u8; 8] = b"CHRONSYN";
/// The format version this code reads and writes.
pub const VERSION: u32 = 5;

/// The model trained from UD English-EWT, embedded in the binary. It is stored uncompressed:
/// its weights are high-entropy (gzip saves a quarter), git compresses what it stores anyway,
/// and reading it without inflating first halves the start-up.
static EMBEDDED: &[u8] = include_bytes!("../model/en_ewt.chsyn");

/// Word clusters learnt from unlabelled text: a word's coarse and fine cluster numbers.
#[derive(Default, Clone)]
pub struct Clusters {
    map: HashMap<u64, [u16; 2], BuildPassThrough>,
}

impl Clusters {
    /// Clusters from (lower-case key, coarse, fine) triples.
    pub fn new(entries: impl Iterator<Item = (u64, u16, u16)>) -> Self {
        Clusters {
            map: entries.map(|(k, a, b)| (k, [a, b])).collect(),
        }
    }

    /// The feature values of the word with lower-case key `key`.
    pub fn values(&self, key: u64) -> [u64; 2] {
        match self.map.get(&key) {
            Some(&[a, b]) => [f1(0xC1, u64::from(a)), f1(0xC2, u64::from(b))],
            None => [NONE, NONE],
        }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    fn write(&self, out: &mut Vec<u8>) {
        let mut entries: Vec<_> = self.map.iter().collect();
        entries.sort_unstable_by_key(|(k, _)| **k);
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (k, [a, b]) in entries {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&a.to_le_bytes());
            out.extend_from_slice(&b.to_le_bytes());
        }
    }

    fn read(input: &mut Bytes<'_>) -> Result<Clusters, String> {
        let n = input.u32()? as usize;
        let mut map =
            HashMap::with_capacity_and_hasher(n.min(1 << 22), BuildPassThrough::default());
        for _ in 0..n {
            let k = input.u64()?;
            map.insert(k, [input.u16()?, input.u16()?]);
        }
        Ok(Clusters { map })
    }
}

/// A trained tagger, parser, labeler and lemmatizer.
pub struct Model {
    /// Where the model comes from and under which licence.
    pub description: String,
    pub tagset: tagger::TagSet,
    pub tag_dictionary: tagger::TagDictionary,
    pub tagger: Weights,
    /// The second pass of the tagger, which also reads the first pass's tags to the right.
    pub tagger_second: Weights,
    pub parser: Weights,
    /// Re-hangs punctuation once the tree is built (one class: a candidate's score).
    pub punct: Weights,
    pub labeler: Weights,
    pub lemmas: Lemmatizer,
    pub clusters: Clusters,
}

/// One word's analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordAnalysis {
    pub upos: Upos,
    /// 0 for the sentence's root, else the 1-based position of the head.
    pub head: usize,
    pub deprel: DepRel,
}

/// Buffers for analysing sentences, reused from one sentence to the next.
#[derive(Default)]
pub struct Workspace {
    scratch: Scratch,
    words: Vec<WordInfo>,
    feats: Vec<u64>,
    tags: Vec<usize>,
    first_tags: Vec<usize>,
    tag_values: Vec<u64>,
    upos: Vec<Upos>,
    clause_marks: Vec<u32>,
    may_head: Vec<bool>,
    next_verb: Vec<u8>,
    /// Whether each word (index 0 the root) is a verb in a present-tense or base form.
    present: Vec<bool>,
    state: State,
    /// Scratch for the parser's look-ahead.
    look: State,
    punct: crate::punct::Scratch,
    heads: Vec<usize>,
    labels: Vec<usize>,
    kids: Vec<usize>,
    kid_start: Vec<usize>,
    lower: String,
    /// The analysis of the last sentence, one entry per word.
    pub analysis: Vec<WordAnalysis>,
    /// The lemmas of the last sentence, concatenated; `lemma_ends[i]` ends word `i`'s.
    pub lemmas: String,
    pub lemma_ends: Vec<usize>,
}

impl Workspace {
    /// The words last read by [`Model::read_words`] (index 0 is the root's stand-in), and
    /// how many clause marks are among the words up to each.
    pub fn words(&self) -> (&[WordInfo], &[u32]) {
        (&self.words, &self.clause_marks)
    }

    /// The lemma of word `i` (0-based) of the last sentence.
    pub fn lemma(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.lemma_ends[i - 1] };
        self.lemmas.get(start..self.lemma_ends[i]).unwrap_or("")
    }

    /// The last sentence's analysis as CoNLL-U's columns need it, one entry per word: part of
    /// speech, lemma, head, relation (what `conllu::write_analysed` writes).
    pub fn columns(&self) -> Vec<(Upos, &str, usize, DepRel)> {
        self.analysis
            .iter()
            .enumerate()
            .map(|(i, a)| (a.upos, self.lemma(i), a.head, a.deprel))
            .collect()
    }
}

/// A feature value for a tag, shared by the parser and the labeler.
pub fn tag_value(t: usize) -> u64 {
    f1(0x7A6, t as u64)
}

impl Model {
    /// The embedded model, decoded once on first use.
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| match Model::from_bytes(EMBEDDED) {
            Ok(m) => m,
            // The file is part of the build and checked by the tests; a broken one is a bug.
            Err(e) => panic!("the embedded syntax model is unreadable: {e}"),
        })
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut input = Bytes::new(bytes);
        if input.take(8)? != MAGIC {
            return Err("not a Chronicle syntax model (bad magic)".into());
        }
        let version = input.u32()?;
        if version != VERSION {
            return Err(format!(
                "model format version {version}; this build reads version {VERSION}"
            ));
        }
        let description = input.str()?.to_string();
        let tagset = tagger::TagSet::read(&mut input)?;
        let tag_dictionary = tagger::TagDictionary::read(&mut input, tagset.len())?;
        let tagger = Weights::read(&mut input)?;
        let tagger_second = Weights::read(&mut input)?;
        let parser = Weights::read(&mut input)?;
        let punct = Weights::read(&mut input)?;
        let labeler = Weights::read(&mut input)?;
        if tagger.n_classes() != tagset.len()
            || tagger_second.n_classes() != tagset.len()
            || parser.n_classes() != parser::N_MOVES
            || punct.n_classes() != 1
            || labeler.n_classes() != labeler::n_labels()
        {
            return Err(
                "the model's tables do not match this build's tag and relation sets".into(),
            );
        }
        let lemmas = Lemmatizer::read(&mut input)?;
        let clusters = Clusters::read(&mut input)?;
        if !input.is_empty() {
            return Err("trailing bytes after the model".into());
        }
        Ok(Model {
            description,
            tagset,
            tag_dictionary,
            tagger,
            tagger_second,
            parser,
            punct,
            labeler,
            lemmas,
            clusters,
        })
    }

    /// The model as a file (uncompressed).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        write_str(&mut out, &self.description);
        self.tagset.write(&mut out);
        self.tag_dictionary.write(&mut out);
        self.tagger.write(&mut out);
        self.tagger_second.write(&mut out);
        self.parser.write(&mut out);
        self.punct.write(&mut out);
        self.labeler.write(&mut out);
        self.lemmas.write(&mut out);
        self.clusters.write(&mut out);
        out
    }

    /// The same model without its weights smaller than `min_abs` (see [`Weights::pruned`]).
    pub fn pruned(&self, min_abs: f32) -> Model {
        Model {
            description: self.description.clone(),
            tagset: self.tagset.clone(),
            tag_dictionary: self.tag_dictionary.clone(),
            tagger: self.tagger.pruned(min_abs),
            tagger_second: self.tagger_second.pruned(min_abs),
            parser: self.parser.pruned(min_abs),
            punct: self.punct.pruned(min_abs),
            labeler: self.labeler.pruned(min_abs),
            lemmas: self.lemmas.clone(),
            clusters: self.clusters.clone(),
        }
    }

    /// The same model with the parser's weights smaller than `min_abs` dropped, the other
    /// tables kept: the parser's table is the one read most often per word.
    pub fn pruned_parser(&self, min_abs: f32) -> Model {
        Model {
            description: self.description.clone(),
            tagset: self.tagset.clone(),
            tag_dictionary: self.tag_dictionary.clone(),
            tagger: self.tagger.clone(),
            tagger_second: self.tagger_second.clone(),
            parser: self.parser.pruned(min_abs),
            punct: self.punct.clone(),
            labeler: self.labeler.clone(),
            lemmas: self.lemmas.clone(),
            clusters: self.clusters.clone(),
        }
    }

    /// The mean of models trained alike from different seeds (see [`Weights::mean`]): each
    /// table is the mean of the members' tables; the rest is the first member's. `None` when
    /// there is no model or their tag sets differ.
    pub fn mean(models: &[Model]) -> Option<Model> {
        let first = models.first()?;
        if models.iter().any(|m| m.tagset != first.tagset) {
            return None;
        }
        let mean = |table: fn(&Model) -> &Weights| {
            let tables: Vec<&Weights> = models.iter().map(table).collect();
            Weights::mean(&tables)
        };
        Some(Model {
            description: first.description.clone(),
            tagset: first.tagset.clone(),
            tag_dictionary: first.tag_dictionary.clone(),
            tagger: mean(|m| &m.tagger)?,
            tagger_second: mean(|m| &m.tagger_second)?,
            parser: mean(|m| &m.parser)?,
            punct: mean(|m| &m.punct)?,
            labeler: mean(|m| &m.labeler)?,
            lemmas: first.lemmas.clone(),
            clusters: first.clusters.clone(),
        })
    }

    /// Reads words into their feature hashes (index 0 is the root's stand-in).
    pub fn read_words<'a>(&self, forms: impl Iterator<Item = &'a str>, ws: &mut Workspace) {
        ws.words.clear();
        ws.clause_marks.clear();
        let clusters = |k: u64| self.clusters.values(k);
        ws.words.push(ws.scratch.word_info("<root>", &clusters));
        ws.clause_marks.push(0);
        let mut marks = 0;
        for form in forms {
            let info = ws.scratch.word_info(form, &clusters);
            ws.words.push(info);
            marks += u32::from(matches!(form, "," | ";" | ":" | "-" | "--" | "—" | "–"));
            ws.clause_marks.push(marks);
        }
    }

    /// Tags, lemmatizes, parses and labels one sentence of words; the result is in
    /// `ws.analysis` and `ws.lemmas`. The lemmas come before the tree: a verb's form against its
    /// lemma tells a present tense from a participle (see [`crate::finite`]).
    pub fn analyse<'a>(&self, forms: impl Iterator<Item = &'a str> + Clone, ws: &mut Workspace) {
        self.read_words(forms.clone(), ws);
        let n = ws.words.len() - 1;
        self.tag(ws);
        ws.lemmas.clear();
        ws.lemma_ends.clear();
        ws.present.clear();
        ws.present.push(false);
        for (i, form) in forms.enumerate().take(n) {
            let upos = self.tagset.upos(ws.tags[i]);
            let start = ws.lemmas.len();
            self.lemmas
                .lemma_into(form, upos, &mut ws.lower, &mut ws.lemmas);
            ws.lemma_ends.push(ws.lemmas.len());
            let lemma = ws.lemmas.get(start..).unwrap_or("");
            ws.present
                .push(upos == Upos::Verb && crate::finite::present_form(form, lemma));
        }
        self.parse_tagged(ws);
    }

    /// Tags the words read (both passes, then the predicate rule) into `ws.tags`.
    fn tag(&self, ws: &mut Workspace) {
        tagger::tag(
            &self.tagger,
            &self.tag_dictionary,
            None,
            &ws.words[1..],
            &mut ws.feats,
            &mut ws.first_tags,
        );
        tagger::tag(
            &self.tagger_second,
            &self.tag_dictionary,
            Some(&ws.first_tags),
            &ws.words[1..],
            &mut ws.feats,
            &mut ws.tags,
        );
        if let Some(rule) = crate::predicate::PredicateRule::new(&self.tagset) {
            rule.apply(&self.tagset, &ws.words[1..], &mut ws.tags);
        }
        if let Some(rule) = crate::possessive::PossessiveRule::new(&self.tagset) {
            rule.apply(&self.tagset, &ws.words[1..], &mut ws.tags);
        }
    }

    /// The tags of the words last read, for scoring the tagger alone.
    pub fn tags_of_words(&self, ws: &mut Workspace) -> Vec<Upos> {
        self.tag(ws);
        ws.tags.iter().map(|&t| self.tagset.upos(t)).collect()
    }

    /// Parses and labels words already read and tagged (`ws.tags`, 0-based).
    fn parse_tagged(&self, ws: &mut Workspace) {
        let n = ws.words.len() - 1;
        ws.tag_values.clear();
        ws.tag_values.push(NONE);
        ws.upos.clear();
        ws.upos.push(Upos::X);
        for &t in &ws.tags {
            ws.tag_values.push(tag_value(t));
            ws.upos.push(self.tagset.upos(t));
        }
        ws.may_head.clear();
        ws.may_head
            .extend(ws.upos.iter().map(|&u| u != Upos::Punct));
        ws.may_head[0] = true;
        crate::templates::verb_lookahead(&ws.upos, &mut ws.next_verb);
        let ctx = Context {
            words: &ws.words,
            tags: &ws.tag_values,
            clause_marks: &ws.clause_marks,
            may_head: &ws.may_head,
            upos: &ws.upos,
            next_verb: &ws.next_verb,
        };
        parser::parse(
            &self.parser,
            &ctx,
            &mut ws.state,
            &mut ws.look,
            &mut ws.feats,
            &mut ws.heads,
        );
        crate::opener::repair(&ws.words, &ws.upos, &mut ws.heads);
        crate::finite::repair(&ws.upos, &ws.present, &mut ws.heads);
        crate::subject::repair(&ws.words, &ws.upos, &mut ws.heads);
        crate::subordinator::repair(&ws.words, &ws.upos, &mut ws.heads);
        crate::quoted::repair(&ws.words, &ws.upos, &mut ws.heads);
        crate::nominal_root::repair(&ws.words, &ws.upos, &ws.present, &mut ws.heads);
        crate::quantity::repair(&ws.words, &ws.upos, &mut ws.heads);
        let inverted_subject = crate::inverted::repair(&ws.words, &ws.upos, &mut ws.heads);
        if self.punct.features() > 0 {
            let sentence = crate::punct::Sentence {
                words: &ws.words,
                tags: &ws.tag_values,
                upos: &ws.upos,
            };
            ws.punct.attach(&self.punct, &sentence, &mut ws.heads);
        }
        labeler::index_children(&ws.heads, &mut ws.kids, &mut ws.kid_start);
        let tree = Tree {
            words: &ws.words,
            tags: &ws.tag_values,
            upos: &ws.upos,
            heads: &ws.heads,
            kids: &ws.kids,
            kid_start: &ws.kid_start,
        };
        labeler::label(&self.labeler, &tree, &mut ws.feats, &mut ws.labels);
        if let (Some(s), Some(nsubj)) = (
            inverted_subject,
            DepRel::ALL.iter().position(|&r| r == DepRel::Nsubj),
        ) && let Some(label) = ws.labels.get_mut(s)
        {
            *label = nsubj;
        }
        ws.analysis.clear();
        for i in 1..=n {
            ws.analysis.push(WordAnalysis {
                upos: ws.upos[i],
                head: ws.heads[i],
                deprel: DepRel::from_index(ws.labels[i]).unwrap_or(DepRel::Dep),
            });
        }
    }
}

/// Writes a length-prefixed UTF-8 string.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// A cursor over a model file that refuses to read past its end.
pub struct Bytes<'a> {
    rest: &'a [u8],
}

impl<'a> Bytes<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Bytes { rest: bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.rest.len() < n {
            return Err("the model file is truncated".into());
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    pub fn u8(&mut self) -> Result<u8, String> {
        let (&b, rest) = self
            .rest
            .split_first()
            .ok_or("the model file is truncated")?;
        self.rest = rest;
        Ok(b)
    }

    pub fn u16(&mut self) -> Result<u16, String> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    pub fn i16(&mut self) -> Result<i16, String> {
        Ok(i16::from_le_bytes(self.array()?))
    }

    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// A LEB128 variable-length integer (at most ten bytes).
    pub fn varint(&mut self) -> Result<u64, String> {
        if let Some((&b, rest)) = self.rest.split_first()
            && b < 0x80
        {
            self.rest = rest;
            return Ok(u64::from(b));
        }
        let mut v = 0u64;
        for shift in (0..70).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7F).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("a number in the model is too long".into())
    }

    pub fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    pub fn str(&mut self) -> Result<&'a str, String> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| "a string in the model is not UTF-8".into())
    }
}
