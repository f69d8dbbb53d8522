//! What the text itself says about time, beyond each expression: the sentence and paragraph a
//! mention sits in, and the anchors the text sets ("July 4 marked the
//! third anniversary of X" puts X three years back; "of that year" then carries that year; a
//! paragraph about 2017 keeps its dates in 2017).

use chronicle_core::ByteSpan;

use super::grammar::{Cx, Expr, Found, YearPart, YearSpec};
use super::lexicon::{Lex, Tense};
use super::resolve::Frame;
use super::scan::Kind;
use super::value::{Cal, Value};

/// Sentence numbers of the tokens: from the segmenter's sentences when there are any, otherwise
/// from a light rule (a full stop, question or exclamation mark before a capital, or a blank line).
pub fn sentence_ids(cx: Cx<'_, '_>, spans: &[ByteSpan], out: &mut Vec<u32>) {
    out.clear();
    if !spans.is_empty() {
        let mut s = 0usize;
        for t in cx.toks {
            while s + 1 < spans.len() && t.start >= spans[s].end as usize {
                s += 1;
            }
            out.push(s as u32);
        }
        return;
    }
    let mut id = 0u32;
    for (i, t) in cx.toks.iter().enumerate() {
        if i > 0 && (t.para || ends_sentence(cx, i - 1) && t.upper) {
            id += 1;
        }
        out.push(id);
    }
}

/// Whether token `i` is a sentence-final mark (and not the full stop of an abbreviation).
fn ends_sentence(cx: Cx<'_, '_>, i: usize) -> bool {
    let Some(t) = cx.tok(i) else { return false };
    if t.kind != Kind::Punct {
        return false;
    }
    match t.ch {
        '!' | '?' => true,
        '"' | '\'' | '”' | '’' | ')' => i > 0 && ends_sentence(cx, i - 1),
        '.' => {
            let Some(p) = i.checked_sub(1) else {
                return true;
            };
            let word = cx.text_of(p);
            let abbrev = cx.tok(p).is_some_and(|w| w.kind == Kind::Word)
                && (word.len() == 1
                    || [
                        "mr", "mrs", "ms", "dr", "st", "jr", "sen", "rep", "gov", "gen", "corp",
                        "inc", "co", "no", "vs",
                    ]
                    .iter()
                    .any(|a| word.eq_ignore_ascii_case(a))
                    || cx
                        .lex(p, |l| {
                            matches!(l, Lex::MonthAbbr(_) | Lex::WeekdayAbbr(_)).then_some(())
                        })
                        .is_some());
            !abbrev
        }
        _ => false,
    }
}

/// An anniversary after a mention: `the third anniversary of`, `the two-year anniversary of the
/// 2018 summit`. Returns the number of years and, when the text names it, the year of the
/// thing remembered.
pub fn anniversary_after(cx: Cx<'_, '_>, from: usize, sent: &[u32]) -> Option<(i32, Option<i32>)> {
    let s = *sent.get(from.checked_sub(1)?)?;
    let limit = (from + 8).min(cx.toks.len());
    let at = (from..limit)
        .take_while(|&k| sent.get(k) == Some(&s))
        .find(|&k| cx.is_word(k, "anniversary"))?;
    let years = anniversary_years(cx, from, at)?;
    let named = (at + 1..(at + 6).min(cx.toks.len()))
        .take_while(|&k| sent.get(k) == Some(&s))
        .find_map(|k| match cx.num(k) {
            Some((y, 4)) if (1000..=2999).contains(&y) => Some(y as i32),
            _ => None,
        });
    Some((years, named))
}

/// The number of years of the anniversary word at `at`: an ordinal before it, or `N-year`.
fn anniversary_years(cx: Cx<'_, '_>, from: usize, at: usize) -> Option<i32> {
    (from..at).rev().find_map(|k| {
        if let Some(n) = cx.lex(k, |l| match l {
            Lex::Ordinal(n) => Some(i32::from(n)),
            _ => None,
        }) {
            return Some(n);
        }
        let q = k.checked_sub(2)?;
        if cx.is_word(k, "year") && cx.hyphen(k - 1) {
            let n = cx.lex(q, |l| match l {
                Lex::Number(n) => Some(n as i32),
                _ => None,
            });
            return n.or_else(|| cx.num(q).map(|(n, _)| n as i32));
        }
        None
    })
}

/// Most tokens between a week and a weekday that falls in it: `, probably on`.
const WEEK_NEAR: usize = 4;

/// The anchors a document has set so far, updated mention by mention.
#[derive(Debug, Default)]
pub struct Anchors {
    /// The last calendar value, for "a year earlier" and "the following month".
    last: Option<Cal>,
    /// The last quarter named, and the sentence it was named in.
    quarter: Option<(Cal, u32)>,
    /// The last week named, and the token after it.
    week: Option<(Cal, usize)>,
    /// A year set by the text for the rest of a sentence ("of that year").
    sentence_year: Option<(i32, u32)>,
    /// The year "that year" refers to (from an anniversary or the last explicit year).
    that_year: Option<i32>,
    /// The explicit past year a paragraph opens on, and the paragraph.
    para_year: Option<(i32, u32)>,
    /// The paragraph of the last mention.
    seen_para: Option<u32>,
}

impl Anchors {
    /// The frame to resolve a mention in sentence `sent` of paragraph `para`.
    pub fn frame(&self, base: &Frame, sent: u32, para: u32, tense: Option<Tense>) -> Frame {
        let year = match (self.sentence_year, self.para_year) {
            (Some((y, s)), _) if s == sent => Some(y),
            // A clause about the future has left the paragraph's past year.
            (_, Some((y, p))) if p == para && tense != Some(Tense::Future) => Some(y),
            _ => None,
        };
        Frame {
            last: self.last,
            quarter: self.quarter.filter(|&(_, s)| sent <= s + 1).map(|(q, _)| q),
            year,
            tense,
            ..*base
        }
    }

    /// The week named right before token `first` ("next week, probably on Monday", "last week,
    /// on Tuesday"): a weekday there falls in it.
    /// `linked` tells whether a token between them keeps the two together (a comma, `on`,
    /// `probably`), so that "last week, it was reported Wednesday" stays apart.
    pub fn week_before(&self, first: usize, linked: impl Fn(usize) -> bool) -> Option<Cal> {
        self.week
            .filter(|&(_, end)| end <= first && first - end <= WEEK_NEAR)
            .filter(|&(_, end)| (end..first).all(&linked))
            .map(|(w, _)| w)
    }

    /// A weekday that fell in the named week carries it on to the next one, up to `last`:
    /// "next week, on Monday or Tuesday".
    pub fn carry_week(&mut self, last: usize) {
        if let Some((_, end)) = &mut self.week {
            *end = last;
        }
    }

    /// The year "that year" means here.
    pub fn that_year(&self) -> Option<i32> {
        self.that_year.or_else(|| self.last.and_then(Cal::year))
    }

    /// Takes note of a resolved mention.
    /// `leads` tells whether the mention opens its sentence ("In 2017, ...").
    pub fn observe(
        &mut self,
        f: &Found,
        value: &Value,
        at: (u32, u32, bool),
        dct_year: Option<i32>,
    ) {
        let (sent, para, leads) = at;
        let opens_paragraph = self.seen_para != Some(para) && leads;
        self.seen_para = Some(para);
        let Value::Cal(c) = value else { return };
        // Comparisons ("a year earlier", "the year-ago quarter") point away from the reference
        // time; they do not move it.
        if matches!(
            f.expr,
            Expr::Offset { from_ref: true, .. }
                | Expr::Discussed { years: -1, .. }
                | Expr::Period { year: Some(_) }
        ) {
            return;
        }
        self.last = Some(*c);
        // Any quarter the text names is the quarter it reports on: "the third quarter", "the
        // quarter", "the latest quarter".
        if let (Cal::Quarter(..), false) = (c, matches!(f.expr, Expr::Offset { .. })) {
            self.quarter = Some((*c, sent));
        }
        if let Cal::Week(..) = c {
            self.week = Some((*c, f.last));
        }

        match &f.expr {
            Expr::MonthDay {
                year: YearSpec::Explicit(y),
                ..
            }
            | Expr::Year {
                year: YearSpec::Explicit(y),
                ..
            } => {
                self.that_year = Some(*y);
                // A paragraph that opens on a past year ("In 2017, ...") is about that year.
                if opens_paragraph {
                    self.para_year = dct_year.filter(|&d| *y < d).map(|_| (*y, para));
                }
            }
            Expr::Year {
                year: YearSpec::That,
                part: YearPart::Whole,
            } => {
                if let Some(y) = c.year() {
                    self.sentence_year = Some((y, sent));
                }
            }
            Expr::MonthDay {
                year: YearSpec::Open | YearSpec::OnWeekday(_),
                ..
            }
            | Expr::Year {
                year: YearSpec::Open,
                ..
            }
            | Expr::Discussed { .. }
            | Expr::Fixed(_) => {}
            // A date counted from the publication date: the text is back in its present.
            _ => self.para_year = None,
        }
    }

    /// Records an anniversary: the thing remembered happened `years` before `c`.
    pub fn anniversary(&mut self, c: &Cal, years: i32) {
        if let Some(y) = c.year() {
            self.that_year = Some(y - years);
        }
    }
}
