//! Quotations and their speakers.
//!
//! The stage reads the body, its tokens and sentences, and (when the names stage filled them)
//! mentions, referents and pronoun links, and fills the contract's `quotes`:
//!
//! 1. [`marks`] pairs quotation marks paragraph by paragraph into quoted spans;
//! 2. [`kinds`] tells a whole utterance (direct) from a fragment of speech (partial) and from
//!    scare quotes (term);
//! 3. [`attribute`] finds the cue and the speaker phrase next to each quotation, from the cue
//!    lexicon `cues.txt` and the word classes of `words.txt`; [`phrase`] reads the phrase itself
//!    (a name, a pronoun, a description) where attribution says one ends or starts;
//! 4. [`tree`] reads the speaker phrase from the dependency tree where the syntax stage gave
//!    one (the subject of the cue verb, through apposition; the agent of a passive cue; X of
//!    "according to X"; the subject of the verb a subjectless "adding" hangs from), keeping the
//!    phrase of step 3 where the tree is silent. A direct quotation with no cue of its own takes the speaker its sentence's frame gives
//!    ([`leads`]: the clause a colon or a dash ends, "For X, ...", a headline's "Name:");
//! 5. [`resolve`] turns the phrase into a canonical name and actor code, expanding a name to
//!    the fullest of the article's person-like runs ([`runs`]);
//! 6. [`indirect`] adds reported speech without marks ("X said that ...").
//!
//! A quotation without its own attribution takes the speaker of the quotation before it in the
//! paragraph, else of the attribution or quotation in the paragraph before. Pieces that hang
//! from one cue occurrence in one paragraph ("“A,” he said, “B.”") are one utterance and share
//! its number, unless a new report opens between them, and so is a quotation with no
//! attribution that opens the next paragraph ("“A,” he said.\n\n“B.”") ([`utterance`]). The chronicle-eval crate scores the stage on PolNeAR.

mod attribute;
mod doc;
mod indirect;
mod kinds;
mod leads;
mod lexicon;
mod marks;
mod phrase;
mod reports;
mod resolve;
mod roles;
mod runs;
mod tree;
mod utterance;

use std::ops::Range;

use chronicle_core::{Analysis, Article, Quote, QuoteKind};

use crate::{Layer, Stage};
use attribute::Attribution;
use doc::Doc;
use kinds::Lead;
pub use lexicon::Lexicon;
use lexicon::{CueClass, WordClass};
use marks::Marked;
use phrase::{Np, NpKind};
use resolve::{Resolver, Speaker};
use tree::{Antecedent, How, Tree};

/// Finds quotations and attributes them to speakers.
#[derive(Debug, Default)]
pub struct QuoteFinder {
    lexicon: Lexicon,
}

impl QuoteFinder {
    /// The finder with its embedded cue lexicon.
    pub fn new() -> Self {
        QuoteFinder {
            lexicon: Lexicon::english(),
        }
    }
}

impl Stage for QuoteFinder {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Syntax, Layer::Names]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }

    fn annotate(&self, article: &mut Article) {
        article.quotes = self.find(article).into_iter().map(|d| d.quote).collect();
    }
}

/// A contract quotation with what the stage knows about how it got its speaker; for scoring,
/// which must join a quotation to the attribution it continues.
#[derive(Debug, Clone, PartialEq)]
pub struct Detailed {
    pub quote: Quote,
    /// Whether the speaker and cue come from an earlier quotation or sentence rather than from
    /// an attribution in the quotation's own sentence.
    pub inherited: bool,
    /// Character offset of the cue occurrence the quotation hangs from: quotations sharing one
    /// are one attribution ("“Q1,” she said, “q2.”").
    pub cue_at: Option<usize>,
    /// How the mention the speaker was read from is written, when there is one.
    pub mention: Option<MentionKind>,
}

/// How the mention a speaker was read from is written: what speaker accuracy is broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A name: "Choe Son Hui", "Rep. John Mica".
    Name,
    /// A description: "the newspaper", "a campaign spokesman".
    Description,
    /// A pronoun: "she", "they".
    Pronoun,
}

impl From<NpKind> for MentionKind {
    fn from(k: NpKind) -> Self {
        match k {
            NpKind::Name => MentionKind::Name,
            NpKind::Described => MentionKind::Description,
            NpKind::Pronoun => MentionKind::Pronoun,
        }
    }
}

impl QuoteFinder {
    /// The quotations of `article` with their provenance, as [`Stage::annotate`] would add them.
    pub fn find(&self, article: &Article) -> Vec<Detailed> {
        if article.body.len() >= u32::MAX as usize {
            return Vec::new();
        }
        let analysis = &article.analysis;
        let doc = Doc::new(
            &article.body,
            &analysis.tokens,
            &analysis.sentence_spans,
            &self.lexicon,
        );
        let found = find_quotes(&doc, &article.analysis);
        let index = &article.analysis.index;
        let chars = |r: &Option<Range<usize>>| r.as_ref().map(|r| index.chars(r.start, r.end));
        found
            .into_iter()
            .map(|f| {
                let (start, end) = index.chars(f.span.start, f.span.end);
                let speaker_span = chars(&f.said.speaker_span);
                let cue_span = chars(&f.said.cue_span);
                let quote = Quote {
                    start,
                    end,
                    text: article.body.get(f.span.clone()).unwrap_or("").to_string(),
                    kind: f.kind,
                    speaker: f.said.speaker.as_ref().map(|s| s.name.clone()),
                    speaker_actor: f.said.speaker.and_then(|s| s.actor),
                    cue: f.said.cue,
                    speaker_start: speaker_span.map(|s| s.0),
                    speaker_end: speaker_span.map(|s| s.1),
                    cue_start: cue_span.map(|s| s.0),
                    cue_end: cue_span.map(|s| s.1),
                    utterance: f.utterance,
                };
                Detailed {
                    quote,
                    inherited: f.inherited,
                    cue_at: cue_span.map(|s| s.0),
                    mention: f.said.mention,
                }
            })
            .collect()
    }
}

/// A quotation found, in byte offsets, before conversion to the contract.
#[derive(Debug, Clone)]
struct Found {
    span: Range<usize>,
    kind: QuoteKind,
    said: Said,
    /// The paragraph start of the quotation's end, for inheritance.
    paragraph: usize,
    /// Whether speaker and cue were inherited.
    inherited: bool,
    /// The utterance the quotation is a piece of.
    utterance: Option<usize>,
}

/// Who said a quotation and where the text says so, in byte offsets: what a quotation that
/// continues another takes from it.
#[derive(Debug, Clone, Default)]
struct Said {
    speaker: Option<Speaker>,
    /// The mention the speaker was read from.
    speaker_span: Option<Range<usize>>,
    mention: Option<MentionKind>,
    cue: Option<String>,
    /// The cue occurrence.
    cue_span: Option<Range<usize>>,
}

/// A quotation classified, with the attribution of its own sentence, before resolution.
struct Pending {
    span: Range<usize>,
    kind: QuoteKind,
    own: Option<Attribution>,
    /// For a direct quotation without its own attribution, a participle cue after a comma right
    /// before it whose subject the word patterns could not find: the tree may read it.
    bare_cue: Option<(Range<usize>, CueClass)>,
    /// The marked span it comes from; `None` for reported speech.
    marked: Option<Marked>,
    /// Whether a dash stands right before it inside the writer's sentence: a direct
    /// quotation only when the sentence gives it a speaker of its own.
    dash_led: bool,
}

/// Every quotation of the article, in text order.
fn find_quotes(doc: &Doc, analysis: &Analysis) -> Vec<Found> {
    let mut marked = Vec::new();
    marks::find(doc.text, &mut marked);
    let mut pending: Vec<Pending> = (0..marked.len())
        .map(|i| classify_marked(doc, &marked, i))
        .collect();
    let direct: Vec<Range<usize>> = pending
        .iter()
        .filter(|p| p.kind == QuoteKind::Direct)
        .map(|p| p.span.clone())
        .collect();
    let mut reported = Vec::new();
    indirect::find(doc, &marked, &direct, &mut reported);
    pending.extend(reported.into_iter().map(|r| Pending {
        span: r.content,
        kind: QuoteKind::Indirect,
        own: Some(r.attribution),
        bare_cue: None,
        marked: None,
        dash_led: false,
    }));
    pending.sort_by_key(|p| (p.span.start, p.span.end));
    let quoted: Vec<Range<usize>> = marked.iter().map(|m| m.start..m.end).collect();
    let mut resolver = Resolver::new(doc, analysis, &quoted);
    let tree = Tree::new(doc, &analysis.syntax, &quoted);
    let mut reader = Reader {
        doc,
        analysis,
        resolver: &mut resolver,
        tree: tree.as_ref(),
    };
    let mut found: Vec<Found> = Vec::with_capacity(pending.len());
    let mut utterances = 0;
    for p in pending {
        let paragraph = doc
            .paragraph_at(p.span.end.saturating_sub(1).max(p.span.start))
            .start;
        let mut f = Found {
            span: p.span,
            kind: p.kind,
            said: Said::default(),
            paragraph,
            inherited: false,
            utterance: None,
        };
        if p.kind != QuoteKind::Term {
            let own = p.own.or_else(|| reader.tree_attribution(p.bare_cue));
            reader.attribute(&mut f, own, &found, p.marked.as_ref());
            // "Her slogan -- “Make America Great Again” -- ran on every sign": words set off by
            // dashes that no one in the sentence says are a fragment, not an utterance.
            if p.dash_led
                && f.kind == QuoteKind::Direct
                && (f.inherited || f.said.speaker.is_none())
            {
                f.kind = QuoteKind::Partial;
            }
            let continued = utterance::continued(doc, &f, &found)
                .filter(|_| !utterance::reported_anew(doc, &f, &found));
            f.utterance = Some(continued.unwrap_or_else(|| {
                utterances += 1;
                utterances - 1
            }));
        }
        found.push(f);
    }
    found
}

/// Kind and own attribution of marked span `i`.
fn classify_marked(doc: &Doc, marked: &[Marked], i: usize) -> Pending {
    let m = &marked[i];
    let ctx = kinds::context(doc, marked, i);
    let lead = kinds::lead(doc, &ctx.left);
    let right = doc.tokens_in(ctx.right_ext.start, ctx.right_ext.end);
    let ends_sentence = doc
        .text
        .get(m.inner_start..m.inner_end)
        .is_some_and(|t| t.trim_end().ends_with('.'));
    let after = attribute::after_quote(doc, right)
        .filter(|a| !(ends_sentence && attribute::reports_anew(doc, a)));
    let kind = kinds::classify(doc, m, &ctx, lead, after.is_some());
    let own = match kind {
        QuoteKind::Term => None,
        _ => own_attribution(doc, &ctx, kind, lead, after),
    };
    // Only a participle after a comma ("..., singing “...”"): elsewhere, a cue whose subject the
    // patterns miss is one the parser misreads as often, and inheritance does better.
    let bare_cue = (kind == QuoteKind::Direct && own.is_none() && lead != Lead::Empty)
        .then(|| attribute::cue_before(doc, doc.tokens_in(ctx.left.start, ctx.left.end), 12))
        .flatten()
        .filter(|(cue, _)| {
            let before = cue.start.checked_sub(1);
            let participle =
                doc.tok(cue.start).ends_with("ing") && before.is_some_and(|c| doc.is_punct(c, ","));
            // "Lee repeated the line *but said*, “...”": a cue joined to the verb before it
            // shares that verb's subject, which the tree reads; the quotation follows it.
            let joined = before
                .is_some_and(|c| matches!(doc.tok(c).to_ascii_lowercase().as_str(), "and" | "but"))
                && doc
                    .tokens_in(doc.end_of(cue.start), m.start)
                    .all(|k| doc.is_punct(k, ",") || doc.is_punct(k, ":"));
            cue.len() == 1 && (participle || joined)
        });
    Pending {
        span: m.start..m.end,
        kind,
        own,
        bare_cue,
        marked: Some(*m),
        dash_led: lead == Lead::Dash,
    }
}

/// The attribution a quotation carries in its own sentence.
fn own_attribution(
    doc: &Doc,
    ctx: &kinds::Context,
    kind: QuoteKind,
    lead: Lead,
    after: Option<Attribution>,
) -> Option<Attribution> {
    let left = doc.tokens_in(ctx.left.start, ctx.left.end);
    match kind {
        QuoteKind::Direct if lead == Lead::Empty => after,
        QuoteKind::Direct => after.or_else(|| attribute::before_quote(doc, left, 12)),
        _ => attribute::before_quote(doc, left, 60).or(after),
    }
}

/// What attributes quotations in one article: the view, the resolver with its memory of
/// speakers, and the tree when the syntax stage ran.
struct Reader<'r, 'a, 'd> {
    doc: &'a Doc<'d>,
    analysis: &'a Analysis,
    resolver: &'r mut Resolver<'a, 'd>,
    tree: Option<&'r Tree<'r>>,
}

impl Reader<'_, '_, '_> {
    /// Gives `f` its speaker and cue: from its own attribution, else inherited.
    fn attribute(
        &mut self,
        f: &mut Found,
        own: Option<Attribution>,
        before: &[Found],
        m: Option<&Marked>,
    ) {
        let doc = self.doc;
        let mut at = doc.tokens_in(f.span.start, f.span.end).start;
        if let Some(a) = own {
            let np = self.speaker_np(&a);
            at = np.tokens.start;
            f.said = self.said(&a, &np);
        } else if let Some((said, np_at)) = m.and_then(|m| self.view_frame(m)) {
            at = np_at;
            f.said = said;
        } else if let Some((said, np_at)) = m
            .filter(|_| f.kind == QuoteKind::Direct)
            .and_then(|m| self.colon_lead(m))
        {
            at = np_at;
            f.said = said;
        } else if let Some((said, np_at)) = m
            .filter(|_| f.kind == QuoteKind::Direct)
            .and_then(|m| self.headline_lead(m))
        {
            at = np_at;
            f.said = said;
        } else if let Some(said) = m.and_then(|m| self.inherited(before, m, f.kind)) {
            f.said = said;
            f.inherited = true;
        }
        if let Some(s) = &f.said.speaker {
            let named = f.said.mention != Some(MentionKind::Description);
            self.resolver.remember(s, at, named);
        }
    }

    /// The attribution the tree reads for a cue whose subject the word patterns missed.
    fn tree_attribution(&self, cue: Option<(Range<usize>, CueClass)>) -> Option<Attribution> {
        let (cue, class) = cue?;
        let read = self.tree?.speaker(self.doc, &cue, class)?;
        Some(Attribution {
            np: read.np,
            cue,
            class,
        })
    }

    /// The speaker phrase of an attribution. The word patterns' phrase stands where it is
    /// written right before the cue ("the report says", "Ham also noted": nothing is surer,
    /// unless the tree reads a passive's agent or a subjectless cue's speaker) or
    /// where the tree's head lies in it (they agree; the patterns know names' edges better);
    /// the tree's stands where the patterns had to reach over a clause, an apposition or past
    /// the cue ("Warren E. Buffett, the billionaire investor, complained"; "said one Democratic
    /// source"; "the daily wrote, adding"), and where they took a day or an object for a subject.
    fn speaker_np(&self, a: &Attribution) -> Np {
        let Some(read) = self.tree.and_then(|t| t.speaker(self.doc, &a.cue, a.class)) else {
            return a.np.clone();
        };
        // "said the chairman of the committee, Ann Dale": the name the patterns read in
        // apposition to the description the tree reads after the cue.
        let apposed = a.np.kind == NpKind::Name
            && read.np.kind == NpKind::Described
            && a.cue.end <= read.np.tokens.start
            && read.np.tokens.end <= a.np.tokens.start;
        let patterns_stand = a.np.tokens.contains(&read.head)
            || apposed
            || reports::frames_speaker(self.doc, a)
            || (read.how == How::Subject && self.written_before_cue(a));
        if patterns_stand {
            a.np.clone()
        } else {
            read.np
        }
    }

    /// Whether the patterns' phrase of `a` stands right before its cue, only auxiliaries and
    /// adverbs between, and can be a subject (no day, no object pronoun).
    fn written_before_cue(&self, a: &Attribution) -> bool {
        let doc = self.doc;
        let np = &a.np.tokens;
        let adjacent =
            np.end <= a.cue.start && (np.end..a.cue.start).all(|k| doc.is(k, WordClass::Aux));
        let subject = !np.clone().any(|k| doc.is(k, WordClass::Time))
            && !matches!(
                doc.tok(np.start).to_ascii_lowercase().as_str(),
                "them" | "him" | "me" | "us"
            );
        adjacent && subject && a.class != CueClass::Source
    }

    /// Speaker, mention, cue and cue occurrence of attribution `a` read through phrase `np`.
    fn said(&mut self, a: &Attribution, np: &Np) -> Said {
        let doc = self.doc;
        let span = |r: &Range<usize>| {
            let start = doc.start_of(r.start);
            start..doc.end_of(r.end.saturating_sub(1)).max(start)
        };
        let antecedent = match (self.tree, np.kind) {
            (Some(t), NpKind::Pronoun) => self.pronoun_antecedent(t, np.tokens.start),
            _ => None,
        };
        let it = np.kind == NpKind::Pronoun && doc.tok(np.tokens.start).eq_ignore_ascii_case("it");
        // The speaker of a quotation attributed after the subject the tree found is nearer:
        // "Ben Carson and Ted Cruz attacked it. “...,” Cruz said. But he added, “...”" → Cruz,
        // whatever the parser made of the quotation's attribution.
        let recent = antecedent.as_ref().and_then(|(at, _)| {
            if it {
                self.resolver.body_since(*at, np.tokens.start)
            } else {
                self.resolver
                    .described_since(*at, np.tokens.start)
                    .or_else(|| self.resolver.speaker_since(*at, np.tokens.start))
            }
        });
        // "It was announced that ...": an empty "it" with a passive cue names no one.
        let empty = it
            && self
                .tree
                .is_some_and(|t| t.passive_subject(np.tokens.start));
        let speaker = match (recent, antecedent) {
            _ if empty => None,
            (Some(s), _) => Some(s),
            (None, Some((_, Antecedent::Referent(r)))) => self.resolver.referent(r),
            // "They" stands for a group as much as for people: only "he" and "she" need a person.
            // "It" stands for a body or a thing, never a person: "the firm" as written, or
            // the name the names stage gave it.
            (None, Some((_, Antecedent::Name(named)))) if it => self
                .resolver
                .resolve(&named)
                .map(|s| Speaker { person: false, ..s }),
            (None, Some((_, Antecedent::Name(named)))) => Some(self.resolver.named(&named))
                .filter(|s| s.person || doc.tok(np.tokens.start).eq_ignore_ascii_case("they"))
                .or_else(|| self.resolver.resolve(np)),
            // "The minister spoke to reporters. “...,” he said": the minister the article
            // names; not someone of the other gender.
            (None, Some((_, Antecedent::Described(described)))) => self
                .resolver
                .holder(&described)
                .filter(|s| self.resolver.fits_pronoun(s, np.tokens.start))
                .or_else(|| self.resolver.resolve(&described)),
            (None, None) => self.resolver.resolve(np),
        };
        Said {
            speaker,
            speaker_span: Some(span(&np.tokens)),
            mention: Some(np.kind.into()),
            cue: Some(cue_text(doc, &a.cue)),
            cue_span: Some(span(&a.cue)),
        }
    }

    /// The subject the pronoun at token `p` stands for, as the tree reads it; a subject
    /// described by a role word ("The coach was not impressed") only when the article names
    /// its holder, of the pronoun's gender.
    fn pronoun_antecedent(&self, tree: &Tree, p: usize) -> Option<(usize, Antecedent)> {
        let resolver = &*self.resolver;
        let named = |d: &Np| resolver.holder(d).map(|s| resolver.fits_pronoun(&s, p));
        tree.subject_antecedent(self.doc, self.analysis, p, &named)
    }

    /// What a quotation without attribution takes: from the quotation before it in the
    /// paragraph, an attribution earlier in the paragraph, or (for a direct quotation opening
    /// its paragraph) the paragraph before.
    fn inherited(&mut self, before: &[Found], m: &Marked, kind: QuoteKind) -> Option<Said> {
        let doc = self.doc;
        let para = doc.paragraph_at(m.start);
        let spoken = |f: &&Found| f.kind != QuoteKind::Term && f.said.speaker.is_some();
        if let Some(prev) = before.iter().rev().find(spoken)
            && (prev.paragraph == para.start || prev.span.end > para.start)
        {
            // An attribution in a sentence of its own between that quotation (with its cue) and
            // this one speaks for this one: "“A.” Jane Roe rejected it, telling the radio that
            // ... “B.”" → Roe. One in the sentence of that quotation ("“A,” he said, adding
            // ...") continues its utterance.
            let after = prev
                .said
                .cue_span
                .as_ref()
                .map_or(prev.span.end, |c| c.end.max(prev.span.end));
            let between = doc.tokens_in(after.max(para.start), m.start);
            let own_sentence = |a: &Attribution| {
                doc.sentence_at(doc.start_of(a.cue.start)).start as usize >= after
            };
            if let Some(a) = attribute::last_in(doc, between).filter(own_sentence) {
                let np = self.speaker_np(&a);
                return Some(self.said(&a, &np));
            }
            return Some(prev.said.clone());
        }
        let earlier = doc.tokens_in(para.start, m.start);
        if let Some(a) = attribute::last_in(doc, earlier) {
            let np = self.speaker_np(&a);
            return Some(self.said(&a, &np));
        }
        // A quotation after a dash inside the writer's sentence ("Residents are angry --
        // “...”") opens no paragraph: an attribution in the paragraph before is not its own.
        let dash_led = doc
            .tokens_in(para.start, m.start)
            .next_back()
            .is_some_and(|k| attribute::is_dash(doc.tok(k)));
        if kind != QuoteKind::Direct || para.start == 0 || dash_led {
            return None;
        }
        let prev_para = doc.paragraph_at(previous_paragraph_end(doc.text, para.start));
        if let Some(prev) = before.iter().rev().find(spoken)
            && prev.span.end > prev_para.start
        {
            return Some(prev.said.clone());
        }
        let toks = doc.tokens_in(prev_para.start, prev_para.end);
        let a = attribute::last_in(doc, toks)?;
        let np = self.speaker_np(&a);
        Some(self.said(&a, &np))
    }
}

/// A byte inside the last non-blank line before `para_start`.
fn previous_paragraph_end(text: &str, para_start: usize) -> usize {
    let head = text.get(..para_start).unwrap_or("").trim_end();
    head.len().saturating_sub(1)
}

/// The cue as written, its words joined by single spaces.
fn cue_text(doc: &Doc, cue: &Range<usize>) -> String {
    let start = doc.start_of(cue.start);
    let end = doc.end_of(cue.end.saturating_sub(1)).max(start);
    doc.text
        .get(start..end)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
