//! The grammar of English time expressions, over the tokens of [`super::scan`].
//!
//! Matchers are small functions, one per family of expressions (calendar dates, relative dates,
//! quantities, clock times); each tries to read an expression at a token and returns where it
//! ends and what it means ([`Expr`]), without resolving it. The driver keeps, at each token, the
//! longest reading, then widens it with the words TimeML puts inside a time expression ("the",
//! "early", "about", "the end of").

mod calendar;
mod clock;
mod names;
mod periods;
mod quantity;
mod relative;

use super::lexicon::{DayPart, Holiday, Lex, Lexicon, RefPoint, Season, Unit};
use super::scan::{Kind, Tok};
use super::value::{Dur, Value};
use relative::Modifier;

/// Which year a partial date belongs to, as far as the words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    /// No year in the words: context and tense decide (`July 4`).
    Open,
    /// A year in the text (`July 4, 2020`).
    Explicit(i32),
    /// The previous, the current-year or the next occurrence (`last April`, `this summer`).
    Occurrence(i8),
    /// A year relative to the publication year (`June last year`, `next year's first quarter`).
    Rel(i8),
    /// The year the text is speaking of (`that year`).
    That,
    /// No year, but a weekday (ISO, Monday = 1) the day falls on: `Monday, Oct. 26`.
    OnWeekday(u8),
}

/// A period of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearPart {
    Whole,
    Half(u8),
    Quarter(u8),
    Season(Season),
}

/// What an expression refers to, before it is resolved against the publication date.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A month with maybe a day: `July 4`, `March`, `February 2019`.
    MonthDay {
        year: YearSpec,
        month: u8,
        day: Option<u8>,
    },
    /// A year or a period of one: `2019`, `the second half of 2019`, `this summer`, `Q3`.
    Year { year: YearSpec, part: YearPart },
    /// A weekday: `Friday`; `shift` -1/+1 for `last`/`next`, 0 when the tense decides;
    /// `from_text` when counted from the date the text spoke of (`the previous Friday`).
    Weekday { day: u8, shift: i8, from_text: bool },
    /// A day relative to the publication date: today (0), yesterday (-1).
    DayOffset(i32),
    /// `now`, `recently`, `the future`.
    Ref(RefPoint),
    /// This, last or next unit: `last week`, `this month`.
    RelUnit { unit: Unit, shift: i8 },
    /// An amount of units before or after a point: `two weeks ago` (from the publication
    /// date), `a year earlier` (from the date the text spoke of last), `in three days`.
    /// `halves` is `None` for a vague amount (`several years ago`).
    Offset {
        halves: Option<u32>,
        unit: Unit,
        dir: i8,
        from_ref: bool,
    },
    /// The period under discussion, maybe shifted by years: `the quarter`, `the year-ago
    /// quarter`, `that year`.
    /// `unit` is `None` for "period": the unit of the period under discussion.
    Discussed {
        unit: Option<Unit>,
        years: i8,
        units: i8,
    },
    /// The period a report is about (its quarter, when one was named): `the latest period`;
    /// with a year, the same period of that year (`the 1988 period`).
    Period { year: Option<i32> },
    /// A clock time, maybe on a day: `2:30 p.m.`, `noon Thursday`.
    Clock {
        hour: u8,
        minute: u8,
        day: Option<Box<Expr>>,
    },
    /// A part of a day: `this morning`, `Friday night`, `last night`.
    DayPart {
        part: DayPart,
        day: Option<Box<Expr>>,
    },
    /// A holiday in some year.
    Holiday { holiday: Holiday, year: YearSpec },
    /// A value known from the words alone: `2020-07-04`, `the 1990s`, `three weeks`, `daily`.
    Fixed(Value),
}

/// An expression found in the text: a token range and its meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    pub expr: Expr,
}

/// Read access to the tokens with the little questions every matcher asks.
#[derive(Clone, Copy)]
pub struct Cx<'a, 'l> {
    pub toks: &'a [Tok<'l>],
    pub text: &'a str,
    pub lexicon: &'l Lexicon,
}

impl<'a, 'l> Cx<'a, 'l> {
    /// The token at `i`.
    pub fn tok(&self, i: usize) -> Option<&'a Tok<'l>> {
        self.toks.get(i)
    }

    /// The text of token `i` ("" past the end).
    pub fn text_of(&self, i: usize) -> &'a str {
        self.tok(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Whether token `i` is the word `w` (given in lower case), in any case.
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Word) && self.text_of(i).eq_ignore_ascii_case(w)
    }

    /// Whether token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether token `i` touches the token before it.
    pub fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    /// The first reading of token `i` that `f` accepts.
    pub fn lex<T>(&self, i: usize, f: impl Fn(Lex) -> Option<T>) -> Option<T> {
        self.tok(i).and_then(|t| t.find(f))
    }

    /// The number of a number token and its digit count.
    pub fn num(&self, i: usize) -> Option<(u32, usize)> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Num)
            .map(|t| (t.num, t.width()))
    }

    /// Skips a full stop glued to token `i - 1` (`Jan.`), returning the next index.
    pub fn skip_dot(&self, i: usize) -> usize {
        if self.is_punct(i, '.') && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// Whether token `i` is a hyphen glued on both sides (`two-year`).
    pub fn hyphen(&self, i: usize) -> bool {
        (self.is_punct(i, '-') || self.is_punct(i, '‐')) && self.glued(i) && self.glued(i + 1)
    }

    /// A unit word at `i`: the unit, whether it is plural, and the next index.
    pub fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let unit = self.lex(i, |l| match l {
            Lex::Unit(u) => Some(u),
            _ => None,
        })?;
        let text = self.text_of(i);
        let plural = text.ends_with(['s', 'S']) || text.eq_ignore_ascii_case("centuries");
        Some((unit, plural, i + 1))
    }
}

/// Finds every time expression in the tokens, left to right, without overlaps.
pub fn find(cx: Cx<'_, '_>, out: &mut Vec<Found>) {
    out.clear();
    let mut i = 0;
    while i < cx.toks.len() {
        if !can_start(cx, i) {
            i += 1;
            continue;
        }
        match best_at(cx, i) {
            Some(f) if f.last > i => {
                i = f.last;
                if !names::in_name(cx, &f) {
                    out.push(f);
                }
            }
            _ => i += 1,
        }
    }
}

/// Words outside the lexicon that can open an expression.
const OPENERS: [&str; 17] = [
    "the",
    "q",
    "h",
    "fy",
    "in",
    "new",
    "year",
    "more",
    "less",
    "fewer",
    "up",
    "no",
    "at",
    "as",
    "just",
    "comparable",
    "corresponding",
];

/// A cheap filter: only numbers, lexicon words and a few openers can start an expression.
fn can_start(cx: Cx<'_, '_>, i: usize) -> bool {
    let Some(t) = cx.tok(i) else { return false };
    match t.kind {
        Kind::Num => true,
        Kind::Word => {
            !t.lex.is_empty() || {
                let w = cx.text_of(i);
                w.len() <= 12
                    && OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o))
                    && (i + 1..=i + OPENER_REACH).any(|k| anchors(cx, k))
            }
        }
        Kind::Punct => t.ch == '\'' || t.ch == '’',
    }
}

/// How many tokens after an opener word the number or lexicon word it opens for may come
/// ("more than two years", "the year-earlier period").
const OPENER_REACH: usize = 3;

/// Whether token `k` can carry an expression an opener leads into: a number, a lexicon word,
/// an apostrophe (`the '80s`).
fn anchors(cx: Cx<'_, '_>, k: usize) -> bool {
    cx.tok(k).is_some_and(|t| match t.kind {
        Kind::Num => true,
        Kind::Word => !t.lex.is_empty(),
        Kind::Punct => t.ch == '\'' || t.ch == '’',
    })
}

/// The longest expression starting at token `i`, with its leading modifiers.
fn best_at(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    // Modifier words widen an expression that follows them; try them first.
    if let Some((m, j)) = relative::modifiers(cx, i) {
        if let Some(f) = core_at(cx, j).filter(|f| f.first == j && relative::accepts(m, &f.expr)) {
            return Some(Found { first: i, ..f });
        }
        if m == Modifier::Part
            && let Some(f) = relative::told_unit(cx, i, j)
        {
            return Some(f);
        }
    }
    core_at(cx, i)
}

/// The longest bare expression at `i`.
fn core_at(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let mut best: Option<Found> = None;
    let candidates = [
        calendar::numeric_date(cx, i),
        calendar::month_date(cx, i),
        calendar::coordinated_day(cx, i),
        calendar::day_month(cx, i),
        calendar::weekday(cx, i),
        calendar::year(cx, i),
        calendar::decade(cx, i),
        periods::year_part(cx, i),
        periods::holiday(cx, i),
        periods::year_end(cx, i),
        relative::deictic(cx, i),
        relative::reference(cx, i, cx.lexicon.phrases()),
        relative::shifted(cx, i),
        clock::clock(cx, i),
        relative::set(cx, i),
        quantity::amount_expr(cx, i),
    ];
    for f in candidates.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| f.last > b.last) {
            best = Some(f);
        }
    }
    best
}

/// A `Found` from `first` to `last` meaning `expr`.
pub fn found(first: usize, last: usize, expr: Expr) -> Option<Found> {
    Some(Found { first, last, expr })
}

/// A duration of `halves`/2 `unit`s, or open.
pub fn duration(halves: Option<u32>, unit: Unit) -> Expr {
    Expr::Fixed(Value::Duration(Dur { halves, unit }))
}
