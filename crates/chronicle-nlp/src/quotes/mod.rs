//! Quotations and their speakers.
//!
//! The stage reads the body, its tokens and sentences, and (when the names stage filled them)
//! mentions, referents and pronoun links, and fills the contract's `quotes`:
//!
//! 1. [`marks`] pairs quotation marks paragraph by paragraph into quoted spans;
//! 2. [`kinds`] tells a whole utterance (direct) from a fragment of speech (partial) and from
//!    scare quotes (term);
//! 3. [`attribute`] finds the cue and the speaker phrase next to each quotation, from the cue
//!    lexicon `cues.txt` and the word classes of `words.txt`;
//! 4. [`resolve`] turns the phrase into a canonical name and actor code;
//! 5. [`indirect`] adds reported speech without marks ("X said that ...").
//!
//! A quotation without its own attribution takes the speaker of the quotation before it in the
//! paragraph, else of the attribution or quotation in the paragraph before. [`eval`] scores the
//! stage on PolNeAR.

mod attribute;
mod doc;
/// Scoring on PolNeAR, shared by `chronicle eval quotes` and the tests.
pub mod eval;
mod indirect;
mod kinds;
mod lexicon;
mod marks;
mod resolve;

use std::ops::Range;

use chronicle_core::{Analysis, Article, Quote, QuoteKind};

use crate::{Layer, Stage};
use attribute::Attribution;
use doc::Doc;
use kinds::Lead;
pub use lexicon::Lexicon;
use marks::Marked;
use resolve::{Resolver, Speaker};

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
        &[Layer::Tokens, Layer::Sentences, Layer::Names]
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
        found
            .into_iter()
            .map(|f| {
                let (start, end) = index.chars(f.span.start, f.span.end);
                let quote = Quote {
                    start,
                    end,
                    text: article.body.get(f.span.clone()).unwrap_or("").to_string(),
                    kind: f.kind,
                    speaker: f.speaker.as_ref().map(|s| s.name.clone()),
                    speaker_actor: f.speaker.and_then(|s| s.actor),
                    cue: f.cue,
                };
                Detailed {
                    quote,
                    inherited: f.inherited,
                    cue_at: f.cue_at.map(|b| index.char_of(b)),
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
    speaker: Option<Speaker>,
    cue: Option<String>,
    /// The paragraph start of the quotation's end, for inheritance.
    paragraph: usize,
    /// Whether speaker and cue were inherited.
    inherited: bool,
    /// Byte offset of the cue occurrence.
    cue_at: Option<usize>,
}

/// A quotation classified, with the attribution of its own sentence, before resolution.
struct Pending {
    span: Range<usize>,
    kind: QuoteKind,
    own: Option<Attribution>,
    /// The marked span it comes from; `None` for reported speech.
    marked: Option<Marked>,
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
        marked: None,
    }));
    pending.sort_by_key(|p| (p.span.start, p.span.end));
    let quoted: Vec<Range<usize>> = marked.iter().map(|m| m.start..m.end).collect();
    let mut resolver = Resolver::new(doc, analysis, &quoted);
    let mut found: Vec<Found> = Vec::with_capacity(pending.len());
    for p in pending {
        let paragraph = doc
            .paragraph_at(p.span.end.saturating_sub(1).max(p.span.start))
            .start;
        let mut f = Found {
            span: p.span,
            kind: p.kind,
            speaker: None,
            cue: None,
            paragraph,
            inherited: false,
            cue_at: None,
        };
        if p.kind != QuoteKind::Term {
            attribute_found(doc, &mut resolver, &mut f, p.own, &found, p.marked.as_ref());
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
    let after = attribute::after_quote(doc, right);
    let kind = kinds::classify(doc, m, &ctx, lead, after.is_some());
    let own = match kind {
        QuoteKind::Term => None,
        _ => own_attribution(doc, &ctx, kind, lead, after),
    };
    Pending {
        span: m.start..m.end,
        kind,
        own,
        marked: Some(*m),
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

/// Gives `f` its speaker and cue: from its own attribution, else inherited.
fn attribute_found(
    doc: &Doc,
    resolver: &mut Resolver,
    f: &mut Found,
    own: Option<Attribution>,
    before: &[Found],
    m: Option<&Marked>,
) {
    let mut at = doc.tokens_in(f.span.start, f.span.end).start;
    if let Some(a) = own {
        at = a.np.tokens.start;
        f.speaker = resolver.resolve(&a.np);
        f.cue = Some(cue_text(doc, &a.cue));
        f.cue_at = Some(doc.start_of(a.cue.start));
    } else if let Some((speaker, cue, cue_at)) =
        m.and_then(|m| inherited(doc, resolver, before, m, f.kind))
    {
        f.speaker = speaker;
        f.cue = cue;
        f.cue_at = cue_at;
        f.inherited = true;
    }
    if let Some(s) = &f.speaker {
        resolver.remember(s, at);
    }
}

/// What a quotation takes from the attribution it continues: speaker, cue, cue offset.
type Inherited = (Option<Speaker>, Option<String>, Option<usize>);

/// The speaker of a quotation without attribution: the quotation before it in the paragraph,
/// an attribution earlier in the paragraph, or (for a direct quotation opening its paragraph)
/// the paragraph before.
fn inherited(
    doc: &Doc,
    resolver: &mut Resolver,
    before: &[Found],
    m: &Marked,
    kind: QuoteKind,
) -> Option<Inherited> {
    let para = doc.paragraph_at(m.start);
    let spoken = |f: &&Found| f.kind != QuoteKind::Term && f.speaker.is_some();
    if let Some(prev) = before.iter().rev().find(spoken)
        && (prev.paragraph == para.start || prev.span.end > para.start)
    {
        return Some((prev.speaker.clone(), prev.cue.clone(), prev.cue_at));
    }
    let earlier = doc.tokens_in(para.start, m.start);
    if let Some(a) = attribute::last_in(doc, earlier) {
        return Some(said(doc, resolver, &a));
    }
    if kind != QuoteKind::Direct || para.start == 0 {
        return None;
    }
    let prev_para = doc.paragraph_at(previous_paragraph_end(doc.text, para.start));
    if let Some(prev) = before.iter().rev().find(spoken)
        && prev.span.end > prev_para.start
    {
        return Some((prev.speaker.clone(), prev.cue.clone(), prev.cue_at));
    }
    let toks = doc.tokens_in(prev_para.start, prev_para.end);
    let a = attribute::last_in(doc, toks)?;
    Some(said(doc, resolver, &a))
}

/// A byte inside the last non-blank line before `para_start`.
fn previous_paragraph_end(text: &str, para_start: usize) -> usize {
    let head = text.get(..para_start).unwrap_or("").trim_end();
    head.len().saturating_sub(1)
}

/// Speaker, cue and cue offset of an attribution.
fn said(doc: &Doc, resolver: &mut Resolver, a: &Attribution) -> Inherited {
    (
        resolver.resolve(&a.np),
        Some(cue_text(doc, &a.cue)),
        Some(doc.start_of(a.cue.start)),
    )
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
