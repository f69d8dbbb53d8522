//! Amounts of time: durations (`three weeks`, `two-year`, `2 1/2 years`, `the past 20 years`),
//! offsets (`two weeks ago`, `a year earlier`, `in three days`) and rates (`$5 a year`).

use super::{Cx, Expr, Found, duration, found};
use crate::time::lexicon::{Lex, RefPoint, Tense, Unit};
use crate::time::scan::Kind;
use crate::time::value::{Dur, Value};

/// Words before an amount that keep it a duration: `the past 20 years`, `the first nine months`.
const SPAN_OPENERS: [&str; 10] = [
    "past",
    "last",
    "next",
    "coming",
    "first",
    "previous",
    "following",
    "final",
    "recent",
    "latest",
];

/// Words before `in AMOUNT` (one or two words back) that make the amount the span looked back
/// over, not a time ahead: "for the first time in 25 years", "its lowest level in a decade",
/// "the deadliest attack in years".
const RECORD_WORDS: [&str; 26] = [
    "first",
    "time",
    "times",
    "ever",
    "best",
    "worst",
    "most",
    "least",
    "highest",
    "lowest",
    "largest",
    "biggest",
    "smallest",
    "strongest",
    "weakest",
    "fastest",
    "slowest",
    "deadliest",
    "longest",
    "shortest",
    "greatest",
    "heaviest",
    "hottest",
    "coldest",
    "warmest",
    "wettest",
];

/// Words that may stand between an amount and its unit.
const FILLERS: [&str; 8] = [
    "more",
    "additional",
    "straight",
    "consecutive",
    "full",
    "trading",
    "business",
    "calendar",
];

/// A number in words at `i` (`twenty-four`, `a hundred thirty`) and the index after it.
fn number_words(cx: Cx<'_, '_>, i: usize) -> Option<(u32, usize)> {
    let mut total = 0u32;
    let mut current = 0u32;
    let mut j = i;
    let mut any = false;
    loop {
        match cx.lex(j, |l| match l {
            Lex::Number(n) => Some((n, false)),
            Lex::Multiplier(m) => Some((m, true)),
            _ => None,
        }) {
            Some((m, true)) => {
                current = current.max(1).saturating_mul(m);
                if m >= 1000 {
                    total = total.saturating_add(current);
                    current = 0;
                }
            }
            Some((n, false))
                if !any
                    || (current % 100 >= 20 && current.is_multiple_of(10) && n < 10)
                    || current >= 100 && current.is_multiple_of(100) =>
            {
                current = current.saturating_add(n);
            }
            _ => break,
        }
        any = true;
        j += 1;
        let next_number = cx.lex(j + 1, |l| matches!(l, Lex::Number(_)).then_some(()));
        // twenty-four; a hundred and thirty
        if cx.hyphen(j) && next_number.is_some() || cx.is_word(j, "and") && current >= 100 {
            j += 1;
        }
    }
    any.then_some((total + current, j))
}

/// An amount at `i`, in halves (`None` when the text leaves it open), and the index after it.
pub fn quantity(cx: Cx<'_, '_>, i: usize) -> Option<(Option<u32>, usize)> {
    if let Some((n, digits)) = cx.num(i) {
        if digits > 6
            || (cx.glued(i + 1)
                && cx
                    .tok(i + 1)
                    .is_some_and(|t| matches!(t.ch, ':' | '/' | '.' | ',' | '%')))
        {
            return thousands(cx, i);
        }
        let mut halves = n.saturating_mul(2);
        let mut j = i + 1;
        // 2 1/2
        if cx.num(j) == Some((1, 1)) && cx.is_punct(j + 1, '/') && cx.num(j + 2) == Some((2, 1)) {
            halves += 1;
            j += 3;
        }
        return Some((Some(halves), j));
    }
    let t = cx.tok(i)?;
    if t.is(Lex::Article) {
        if cx.is_word(i + 1, "few") {
            return Some((None, i + 2));
        }
        if cx.is_word(i + 1, "couple") {
            return Some((Some(4), i + 2 + usize::from(cx.is_word(i + 2, "of"))));
        }
        // "a hundred years", "a dozen years"; but not "a two-year deal".
        let multiplied = cx.lex(i + 1, |l| {
            matches!(l, Lex::Multiplier(_) | Lex::Number(12)).then_some(())
        });
        if let Some((n, j)) = multiplied.and_then(|()| number_words(cx, i + 1)) {
            return Some((Some(n.saturating_mul(2)), j));
        }
        return Some((Some(2), i + 1));
    }
    if let Some(v) = t.find(|l| match l {
        Lex::Vague(v) => Some(v),
        _ => None,
    }) {
        let j = i + 1 + usize::from(cx.is_word(i + 1, "of"));
        return Some((if v == 0 { None } else { Some(v * 2) }, j));
    }
    let (n, mut j) = number_words(cx, i)?;
    let mut halves = n.saturating_mul(2);
    if cx.is_word(j, "and")
        && cx.tok(j + 1).is_some_and(|t| t.is(Lex::Article))
        && cx.is_word(j + 2, "half")
    {
        halves += 1;
        j += 3;
    }
    Some((Some(halves), j))
}

/// `3,000`: digits grouped by commas.
fn thousands(cx: Cx<'_, '_>, i: usize) -> Option<(Option<u32>, usize)> {
    let (mut n, _) = cx.num(i)?;
    let mut j = i + 1;
    while cx.is_punct(j, ',')
        && cx.glued(j)
        && cx.glued(j + 1)
        && cx.num(j + 1).is_some_and(|(_, d)| d == 3)
    {
        let (part, _) = cx.num(j + 1)?;
        n = n.saturating_mul(1000).saturating_add(part);
        j += 2;
    }
    if j == i + 1 || cx.glued(j) && cx.tok(j).is_some_and(|t| t.kind != Kind::Word) {
        return None;
    }
    Some((Some(n.saturating_mul(2)), j))
}

/// An amount of units as read, before deciding what it means.
struct Amount {
    /// First token of the expression (after a leading `in`).
    start: usize,
    /// Index after the unit and its suffixes.
    end: usize,
    halves: Option<u32>,
    unit: Unit,
    /// `the`, `past`, `next` ... in front: a span of time, never an offset or a rate.
    framed: bool,
    /// `in` in front: `in three days`.
    in_prefix: bool,
}

/// Durations, offsets and rates built on an amount of units.
pub fn amount_expr(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let a = read_amount(cx, i)?;
    if let Some((dir, from_ref, e)) = direction(cx, a.end) {
        if a.framed {
            return None;
        }
        return found(
            a.start,
            e,
            Expr::Offset {
                halves: a.halves,
                unit: a.unit,
                dir,
                from_ref,
            },
        );
    }
    if a.in_prefix {
        let Some(halves) = a.halves else {
            return found(a.start, a.end, duration(None, a.unit));
        };
        if closes_record(cx, i) {
            return found(a.start, a.end, duration(Some(halves), a.unit));
        }
        let unit = a.unit;
        return found(
            a.start,
            a.end,
            Expr::Offset {
                halves: Some(halves),
                unit,
                dir: 0,
                from_ref: false,
            },
        );
    }
    if !a.framed && a.halves == Some(2) && is_rate(cx, i) {
        let one = Value::Duration(Dur {
            halves: a.halves,
            unit: a.unit,
        });
        return found(i, a.end, Expr::Fixed(Value::Set(Box::new(one))));
    }
    if someday(cx, i, &a) {
        return found(i, a.end, Expr::Ref(RefPoint::Future));
    }
    found(a.start, a.end, duration(a.halves, a.unit))
}

/// Whether the `in` at `i` closes a record or a first ("the first time in 25 years", "the
/// highest level in a decade"): what follows is how far back the record reaches.
fn closes_record(cx: Cx<'_, '_>, i: usize) -> bool {
    (1..=2).any(|k| {
        i.checked_sub(k)
            .is_some_and(|p| RECORD_WORDS.iter().any(|w| cx.is_word(p, w)))
    })
}

/// `will one day be`: after a word that looks ahead, `one day` is some day to come, not a
/// duration.
fn someday(cx: Cx<'_, '_>, i: usize, a: &Amount) -> bool {
    a.unit == Unit::Day
        && a.end == i + 2
        && cx.is_word(i, "one")
        && i.checked_sub(1).is_some_and(|p| {
            cx.lex(p, |l| match l {
                Lex::Tense(Tense::Future) => Some(()),
                _ => None,
            })
            .is_some()
        })
}

/// Reads `[the] [past|next ...|in] AMOUNT [more] [-]UNIT [and a half] [-long]` at `i`.
fn read_amount(cx: Cx<'_, '_>, i: usize) -> Option<Amount> {
    let the = cx.is_word(i, "the");
    let mut j = i + usize::from(the);
    let opener = SPAN_OPENERS.iter().any(|w| cx.is_word(j, w));
    j += usize::from(opener);
    let in_prefix = !the && !opener && cx.is_word(i, "in");
    j += usize::from(in_prefix);
    let framed = the || opener;
    let (halves, k) = match quantity(cx, j) {
        Some(q) => q,
        None if (framed || open_span(cx, j)) && cx.unit(j).is_some_and(|(_, plural, _)| plural) => {
            (None, j)
        }
        None => return None,
    };
    // "two more weeks", "eight trading days", "an additional year".
    let k = k + usize::from(FILLERS.iter().any(|w| cx.is_word(k, w)));
    let adjective = cx.hyphen(k);
    let k = k + usize::from(adjective);
    let (unit, plural, end) = cx.unit(k)?;
    // "a year-earlier loss" is the year before, read elsewhere; "1988 quarter" is a year.
    let year_like = cx
        .num(j)
        .is_some_and(|(n, d)| d == 4 && (1800..=2100).contains(&n));
    let compared = cx.hyphen(end) && (cx.is_word(end + 1, "ago") || cx.is_word(end + 1, "earlier"));
    // "two-years" is no adjective; "a second" is the ordinal; "a quarter of China's users",
    // "three quarters of the vote" are fractions ("several quarters of losses" is time).
    let fraction =
        unit == Unit::Quarter && cx.is_word(end, "of") && matches!(halves, Some(2) | Some(6));
    // ... except a quarter of a time: "a quarter of a century", "a quarter of an hour".
    if fraction
        && halves == Some(2)
        && let Some((halves, unit, end)) = quarter_of_unit(cx, end + 1)
    {
        return Some(Amount {
            start: i,
            end,
            halves: Some(halves),
            unit,
            framed,
            in_prefix: false,
        });
    }
    // "a months-long standoff", "a decades-old song": the article belongs to the noun, and the
    // plural is an open amount.
    let article_plural = plural && k == j + 1 && (cx.is_word(j, "a") || cx.is_word(j, "an"));
    let odd = adjective && plural && !cx.is_word(k, "years") && !article_plural
        || cx.is_word(j, "a") && cx.is_word(k, "second")
        || fraction;
    if year_like || compared || odd {
        return None;
    }
    let halves = if article_plural { None } else { halves };
    let (halves, end) = suffixes(cx, end, adjective, halves)?;
    let start = match (in_prefix, article_plural) {
        (_, true) => k,
        (true, false) => j,
        (false, false) => i,
    };
    Some(Amount {
        start,
        end,
        halves,
        unit,
        framed,
        in_prefix,
    })
}

/// A quarter of `a century` (25 years) or `an hour` (15 minutes) at `i`: halves, unit, end.
fn quarter_of_unit(cx: Cx<'_, '_>, i: usize) -> Option<(u32, Unit, usize)> {
    if !(cx.is_word(i, "a") || cx.is_word(i, "an")) {
        return None;
    }
    let (unit, false, end) = cx.unit(i + 1)? else {
        return None;
    };
    match unit {
        Unit::Century => Some((50, Unit::Year, end)),
        Unit::Year => Some((6, Unit::Month, end)),
        Unit::Hour => Some((30, Unit::Minute, end)),
        _ => None,
    }
}

/// Whether a bare plural unit at `i` follows a word that makes it a span of time: `for years`,
/// `within weeks`, `over decades`.
fn open_span(cx: Cx<'_, '_>, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        ["for", "within", "in", "over"]
            .iter()
            .any(|w| cx.is_word(p, w))
    })
}

/// `and a half` after a unit, and `-long` after an adjective (`day-long`); `None` for an age
/// (`6-year-old`, `52 years old`), which TimeML practice does not tag.
fn suffixes(
    cx: Cx<'_, '_>,
    end: usize,
    adjective: bool,
    halves: Option<u32>,
) -> Option<(Option<u32>, usize)> {
    let half = cx.is_word(end, "and")
        && cx.tok(end + 1).is_some_and(|t| t.is(Lex::Article))
        && cx.is_word(end + 2, "half");
    if half {
        return Some((halves.map(|h| h + 1), end + 3));
    }
    // "52 years old", "55 years of age": an age.
    if cx.is_word(end, "old") || cx.is_word(end, "of") && cx.is_word(end + 1, "age") {
        return None;
    }
    if adjective && cx.hyphen(end) {
        if cx.is_word(end + 1, "old") {
            return None;
        }
        if cx.is_word(end + 1, "long") {
            return Some((halves, end + 2));
        }
    }
    Some((halves, end))
}

/// `ago`, `earlier`, `later`, `from now`, `hence` at `i`: direction, whether it counts from the
/// date the text spoke of last, and the index after it.
fn direction(cx: Cx<'_, '_>, i: usize) -> Option<(i8, bool, usize)> {
    if cx.is_word(i, "ago") {
        return Some((-1, false, i + 1));
    }
    if cx.is_word(i, "earlier") {
        return Some((-1, true, i + 1));
    }
    if cx.is_word(i, "later") {
        return Some((1, true, i + 1));
    }
    if cx.is_word(i, "from") && cx.is_word(i + 1, "now") || cx.is_word(i, "hence") {
        return Some((1, false, i + 1 + usize::from(cx.is_word(i, "from"))));
    }
    None
}

/// Whether the amount at `i` (`a year`) follows a price or a count: `$5 million a year`.
fn is_rate(cx: Cx<'_, '_>, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    cx.num(p).is_some()
        || cx.is_punct(p, '%')
        || [
            "times", "twice", "once", "million", "billion", "thousand", "percent", "cents",
        ]
        .iter()
        .any(|w| cx.is_word(p, w))
}
