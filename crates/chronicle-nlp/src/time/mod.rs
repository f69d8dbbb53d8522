//! Time expressions: every date an article mentions, as a TIMEX3 value resolved against its
//! publication date.
//!
//! The stage runs in four steps, each its own module:
//!
//! 1. [`scan`]: cut the body into fine tokens and look words up in the [`lexicon`] (a data file);
//! 2. [`grammar`]: read expressions at tokens, longest first, into what they say ([`grammar::Expr`]);
//! 3. [`tense`] and [`anchors`]: find the tense of each clause and the anchors the text sets
//!    itself (an anniversary, "that year", a paragraph about a past year, the quarter a report is
//!    about);
//! 4. [`resolve`]: turn what an expression says into its value ([`value::Value`]).
//!
//! It reads only `body`, `published` and (when the segmenter filled them) the sentence spans, and
//! writes `dates`. The chronicle-eval crate scores it TempEval-3 style.

pub mod anchors;
pub mod grammar;
pub mod lexicon;
pub mod resolve;
pub mod scan;
pub mod tense;
pub mod value;

use chronicle_core::{Article, ByteSpan, DateMention, TextIndex, TimexType};
use jiff::civil::Date;

use crate::{Layer, Stage};
use anchors::Anchors;
use grammar::{Cx, Expr, Found, YearSpec};
use lexicon::Lexicon;
use resolve::Frame;
use value::Value;

/// Finds TIMEX3 expressions and resolves them against the article's publication date.
///
/// Holds the lexicon, loaded once; shared by every thread of a batch.
#[derive(Debug)]
pub struct TimeTagger {
    lexicon: Lexicon,
}

/// One time expression in byte offsets of the text it was found in.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub span: ByteSpan,
    pub value: Value,
    pub kind: TimexType,
}

impl Default for TimeTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl TimeTagger {
    /// The tagger with its embedded lexicon.
    pub fn new() -> Self {
        TimeTagger {
            lexicon: Lexicon::embedded(),
        }
    }

    /// Every time expression of `text`, in order, resolved against `published`; `sentences` are
    /// the segmenter's sentence spans, or empty.
    pub fn tag(&self, text: &str, published: Option<Date>, sentences: &[ByteSpan]) -> Vec<Timex> {
        let mut toks = Vec::new();
        scan::scan(text, &self.lexicon, &mut toks);
        let cx = Cx {
            toks: &toks,
            text,
            lexicon: &self.lexicon,
        };
        let mut found = Vec::new();
        grammar::find(cx, &mut found);
        let mut sent = Vec::new();
        anchors::sentence_ids(cx, sentences, &mut sent);
        let mut para = Vec::with_capacity(toks.len());
        let mut p = 0u32;
        for t in &toks {
            p += u32::from(t.para);
            para.push(p);
        }
        let base = Frame {
            dct: published,
            ..Frame::default()
        };
        let mut anchors = Anchors::default();
        let mut out = Vec::with_capacity(found.len());
        for f in &found {
            if let Some(t) = resolve_one(cx, f, &base, &mut anchors, &sent, &para) {
                out.push(t);
            }
        }
        out
    }
}

/// Words that may stand between a week and a weekday that falls in it: "next week, probably
/// on Monday or Tuesday", "last week, on Tuesday".
const WEEK_LINKS: [&str; 8] = [
    "on", "probably", "likely", "possibly", "perhaps", "either", "or", "and",
];

/// Resolves one found expression and lets the anchors learn from it.
fn resolve_one(
    cx: Cx<'_, '_>,
    f: &Found,
    base: &Frame,
    anchors: &mut Anchors,
    sent: &[u32],
    para: &[u32],
) -> Option<Timex> {
    let (s, p) = (*sent.get(f.first)?, *para.get(f.first)?);
    let tense = tense::tense_near(cx, f.first, f.last, sent);
    let mut frame = anchors.frame(base, s, p, tense.map(|t| t.tense));
    frame.tense_close = tense.is_some_and(|t| t.in_clause || t.distance <= 8);
    frame.week = anchors.week_before(f.first, |k| {
        cx.is_punct(k, ',') || WEEK_LINKS.iter().any(|w| cx.is_word(k, w))
    });
    let open = matches!(
        f.expr,
        Expr::MonthDay {
            year: YearSpec::Open | YearSpec::OnWeekday(_),
            ..
        } | Expr::Holiday {
            year: YearSpec::Open,
            ..
        }
    );
    let anniversary = anchors::anniversary_after(cx, f.last, sent);
    if let Expr::Year {
        year: YearSpec::That,
        ..
    } = f.expr
    {
        frame.year = anchors.that_year();
    }
    if let (true, Some((years, Some(named)))) = (open, anniversary) {
        frame.year = Some(named + years);
    }
    let (value, kind) = resolve::resolve(&f.expr, &frame)?;
    // "Since 2003, ..." opens a span that runs to the present, not a paragraph about 2003.
    let since = f
        .first
        .checked_sub(1)
        .is_some_and(|p| cx.is_word(p, "since"));
    let leads = !since && (1..=3).any(|k| f.first < k || sent.get(f.first - k) != Some(&s));
    anchors.observe(
        f,
        &value,
        (s, p, leads),
        base.dct.map(|d| i32::from(d.year())),
    );
    if let (Some((years, None)), Value::Cal(c)) = (anniversary, &value) {
        anchors.anniversary(c, years);
    }
    if let (Some(_), Expr::Weekday { .. }) = (frame.week, &f.expr) {
        anchors.carry_week(f.last);
    }
    let start = cx.tok(f.first)?.start;
    let end = cx.tok(f.last.checked_sub(1)?)?.end;
    Some(Timex {
        span: ByteSpan::new(start, end),
        value,
        kind,
    })
}

impl Stage for TimeTagger {
    fn name(&self) -> &'static str {
        "time"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Dates]
    }

    fn annotate(&self, article: &mut Article) {
        let found = self.tag(
            &article.body,
            article.published,
            &article.analysis.sentence_spans,
        );
        let rebuilt;
        let index = if article.analysis.index.char_len() == 0 && !article.body.is_empty() {
            rebuilt = TextIndex::new(&article.body);
            &rebuilt
        } else {
            &article.analysis.index
        };
        article.dates = found
            .into_iter()
            .map(|t| {
                let (start, end) = index.chars(t.span.start as usize, t.span.end as usize);
                DateMention {
                    start,
                    end,
                    text: article.text_of(t.span).to_string(),
                    value: t.value.to_string(),
                    kind: t.kind,
                }
            })
            .collect();
    }
}
