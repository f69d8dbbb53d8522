//! Expressions relative to the publication date or to the text: today, now, last week, next
//! June, that year, the year-ago quarter; sets; and the modifier words that widen an
//! expression (early, the end of, about).

use super::calendar::{day_part, month, weekday_word};
use super::{Cx, Expr, Found, YearPart, YearSpec, found};
use crate::time::lexicon::{DayPart, Lex, Unit};
use crate::time::scan::Kind;
use crate::time::value::{Dur, Value};

/// What a run of modifier words in front of an expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    /// `early`, `the end of`, `earlier`: a part of a calendar period.
    Part,
    /// `about`, `more than`, `at least`: a bound on a quantity.
    Approx,
}

/// Two-word bounds on a quantity.
const BOUNDS: [[&str; 2]; 9] = [
    ["more", "than"],
    ["less", "than"],
    ["fewer", "than"],
    ["at", "least"],
    ["at", "most"],
    ["up", "to"],
    ["as", "many"],
    ["as", "much"],
    ["just", "over"],
];

/// The modifier words at `i`, if any: their kind and the index after them.
pub fn modifiers(cx: Cx<'_, '_>, i: usize) -> Option<(Modifier, usize)> {
    let t = cx.tok(i)?;
    // The part itself (start, middle, end) only narrows the value's `mod`, which the contract
    // does not carry: the modifier widens the span and leaves the value.
    if t.lex.iter().any(|l| matches!(l, Lex::Part(_))) {
        let mut j = i + 1;
        if cx.hyphen(j) {
            j += 1;
        }
        if cx.is_word(j, "of") {
            j += 1;
        }
        // "end" alone is a noun: only "the end of", "end-" and "year-end" count.
        if cx.is_word(i, "end") && j == i + 1 {
            return None;
        }
        return Some((Modifier::Part, j));
    }
    if cx.is_word(i, "the")
        && cx
            .lex(i + 1, |l| matches!(l, Lex::Part(_)).then_some(()))
            .is_some()
    {
        return cx.is_word(i + 2, "of").then_some((Modifier::Part, i + 3));
    }
    if cx.is_word(i, "earlier") || cx.is_word(i, "later") {
        let j = i + 1 + usize::from(cx.is_word(i + 1, "in"));
        return Some((Modifier::Part, j));
    }
    if t.is(Lex::Approx) {
        return Some((Modifier::Approx, i + 1));
    }
    if cx.is_word(i, "no") && cx.is_word(i + 1, "more") && cx.is_word(i + 2, "than") {
        return Some((Modifier::Approx, i + 3));
    }
    BOUNDS
        .iter()
        .any(|[a, b]| cx.is_word(i, a) && cx.is_word(i + 1, b))
        .then_some((
            Modifier::Approx,
            i + 2 + usize::from(cx.is_word(i + 2, "as")),
        ))
}

/// Whether a modifier of kind `m` may widen `expr`.
pub fn accepts(m: Modifier, expr: &Expr) -> bool {
    let quantity = matches!(expr, Expr::Offset { .. } | Expr::Fixed(Value::Duration(_)));
    match m {
        Modifier::Approx => quantity,
        Modifier::Part => !quantity && !matches!(expr, Expr::Ref(_) | Expr::Fixed(Value::Set(_))),
    }
}

/// `today`, `yesterday`, `tomorrow`, `tonight`, `yesterday morning`, `the day before yesterday`.
pub fn deictic(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    if cx.is_word(i, "the") && cx.is_word(i + 1, "day") {
        let dir = if cx.is_word(i + 2, "before") {
            -1
        } else if cx.is_word(i + 2, "after") {
            1
        } else {
            0
        };
        let d = cx.lex(i + 3, |l| match l {
            Lex::Deictic(d) => Some(i32::from(d)),
            _ => None,
        });
        return match d {
            Some(d) if dir != 0 => found(i, i + 4, Expr::DayOffset(d + dir)),
            _ => None,
        };
    }
    if cx.tok(i).is_some_and(|t| t.is(Lex::DeicticNight)) {
        let day = Some(Box::new(Expr::DayOffset(0)));
        return found(
            i,
            i + 1,
            Expr::DayPart {
                part: DayPart::Night,
                day,
            },
        );
    }
    let d = cx.lex(i, |l| match l {
        Lex::Deictic(d) => Some(i32::from(d)),
        _ => None,
    })?;
    if let Some((part, e)) = day_part(cx, i + 1) {
        let day = Some(Box::new(Expr::DayOffset(d)));
        return found(i, e, Expr::DayPart { part, day });
    }
    found(i, i + 1, Expr::DayOffset(d))
}

/// `now`, `recently`, `soon`, and the reference phrases of the lexicon (`the near future`).
pub fn reference(
    cx: Cx<'_, '_>,
    i: usize,
    phrases: &[(Vec<&'static str>, crate::time::lexicon::RefPoint)],
) -> Option<Found> {
    let t = cx.tok(i)?;
    if t.is(Lex::PhraseStart) {
        for (words, point) in phrases {
            if words.iter().enumerate().all(|(k, w)| cx.is_word(i + k, w)) {
                let end = i + words.len();
                let adjective = words
                    .last()
                    .is_some_and(|w| matches!(*w, "past" | "future"));
                if adjective && words.len() > 1 && attributive(cx, end) {
                    return None;
                }
                return found(i, end, Expr::Ref(*point));
            }
        }
    }
    let point = t.find(|l| match l {
        Lex::Ref(p) => Some(p),
        _ => None,
    })?;
    found(i, i + 1, Expr::Ref(point))
}

/// A shift word at `i` (`last`, `next`, `this`), with `the` allowed before it.
fn shift_word(cx: Cx<'_, '_>, i: usize) -> Option<(i8, usize)> {
    let j = i + usize::from(cx.is_word(i, "the"));
    let s = cx.lex(j, |l| match l {
        Lex::Shift(s) => Some(s),
        _ => None,
    })?;
    // "this coming Sunday"
    if s == 0 && cx.is_word(j + 1, "coming") {
        return Some((1, j + 2));
    }
    Some((s, j + 1))
}

/// Words that shift relative to the period the text spoke of, not to the publication date.
fn shifts_from_text(cx: Cx<'_, '_>, i: usize) -> bool {
    [
        "following",
        "previous",
        "preceding",
        "prior",
        "same",
        "that",
    ]
    .iter()
    .any(|w| cx.is_word(i, w))
}

/// `last week`, `this year`, `next June`, `last Friday`, `that year`, `the following month`, `the
/// latest quarter`, `the year-ago quarter`, `the weekend`, `the quarter`.
pub fn shifted(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    year_ago(cx, i)
        .or_else(|| period(cx, i))
        .or_else(|| discussed(cx, i))
        .or_else(|| that_unit(cx, i))
        .or_else(|| shifted_unit(cx, i))
}

/// `the month`, `the week`, `the day` after a part of it (`by the end of the month`, `later in
/// the day`), from modifier words at `i` to `j`: the period the text is telling. Alone these words
/// are too vague to tag; a part of one is a time. "At the end of the day" is an idiom for "in
/// the end", so a day counts only after `earlier` or `later`.
pub fn told_unit(cx: Cx<'_, '_>, i: usize, j: usize) -> Option<Found> {
    if let Some(f) = part_of_day(cx, i, j) {
        return Some(f);
    }
    if !cx.is_word(j, "the") {
        return None;
    }
    let (unit, plural, e) = cx.unit(j + 1)?;
    let earlier_or_later = cx.is_word(i, "earlier") || cx.is_word(i, "later");
    let told = match unit {
        Unit::Month | Unit::Week => true,
        Unit::Day => earlier_or_later,
        _ => false,
    };
    if plural || !told || cx.hyphen(e) {
        return None;
    }
    found(
        i,
        e,
        Expr::Discussed {
            unit: Some(unit),
            years: 0,
            units: 0,
        },
    )
}

/// A part of a part of the day, from modifier words at `i` to `j`: `by mid-afternoon`, `in the
/// early morning`, `mid-afternoon yesterday`. Before another word it is an adjective, not a time
/// (`early morning raids`, `late night television`).
fn part_of_day(cx: Cx<'_, '_>, i: usize, j: usize) -> Option<Found> {
    let (part, e) = day_part(cx, j)?;
    let offset = cx.lex(e, |l| match l {
        Lex::Deictic(d) => Some(i32::from(d)),
        _ => None,
    });
    if cx.hyphen(e) || offset.is_none() && cx.tok(e).is_some_and(|t| t.kind != Kind::Punct) {
        return None;
    }
    let day = offset.map(|d| Box::new(Expr::DayOffset(d)));
    found(
        i,
        e + usize::from(offset.is_some()),
        Expr::DayPart { part, day },
    )
}

/// `that year`, `that day`, `that same day`, `the same day`: the period the text spoke of last.
fn that_unit(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let that = cx.tok(i).is_some_and(|t| t.is(Lex::That));
    let the_same = cx.is_word(i, "the") && cx.is_word(i + 1, "same");
    if !(that || the_same) {
        return None;
    }
    // "that day", "that same day", "the same day"
    let j = i + 1 + usize::from(!that || cx.is_word(i + 1, "same"));
    let (unit, plural, e) = cx.unit(j)?;
    if plural {
        return None;
    }
    if unit == Unit::Year {
        return found(
            i,
            e,
            Expr::Year {
                year: YearSpec::That,
                part: YearPart::Whole,
            },
        );
    }
    found(
        i,
        e,
        Expr::Discussed {
            unit: Some(unit),
            years: 0,
            units: 0,
        },
    )
}

/// A shift word and a unit (`last week`, `the following month`, `the latest quarter`), or a
/// shift word and a name ([`shifted_name`]).
fn shifted_unit(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let (s, j) = shift_word(cx, i)?;
    let from_text = shifts_from_text(cx, j - 1);
    // "the current fiscal year", "the latest fiscal quarter"
    let fiscal = usize::from(cx.tok(j).is_some_and(|t| t.is(Lex::Fiscal)));
    let Some((unit, plural, e)) = cx.unit(j + fiscal) else {
        return shifted_name(cx, i, j, s, from_text);
    };
    if plural {
        return None;
    }
    if cx.is_word(j - 1, "latest") {
        // The latest quarter (month, year) is the last one completed.
        return found(i, e, Expr::RelUnit { unit, shift: -1 });
    }
    if from_text {
        return found(
            i,
            e,
            Expr::Discussed {
                unit: Some(unit),
                years: 0,
                units: s,
            },
        );
    }
    found(i, e, Expr::RelUnit { unit, shift: s })
}

/// A shift word (ending before `j`) and a month, weekday, season, holiday or part of day:
/// `next June`, `last Friday`, `this summer`, `last Thanksgiving`, `this morning`.
fn shifted_name(cx: Cx<'_, '_>, i: usize, j: usize, s: i8, from_text: bool) -> Option<Found> {
    let occurrence = YearSpec::Occurrence(s);
    if let Some((m, e)) = month(cx, j) {
        // "last Oct. 23": the day belongs to the month.
        let day = cx
            .num(e)
            .filter(|&(n, w)| (1..=31).contains(&n) && w <= 2)
            .and_then(|(n, _)| u8::try_from(n).ok());
        return found(
            i,
            e + usize::from(day.is_some()),
            Expr::MonthDay {
                year: occurrence,
                month: m,
                day,
            },
        );
    }
    if let Some((d, e)) = weekday_word(cx, j) {
        let day = Expr::Weekday {
            day: d,
            shift: s,
            from_text,
        };
        let e = day_part(cx, e).map_or(e, |(_, e2)| e2);
        return found(i, e, day);
    }
    if let Some(season) = cx.lex(j, |l| match l {
        Lex::Season(s) => Some(s),
        _ => None,
    }) {
        let part = YearPart::Season(season);
        return found(
            i,
            j + 1,
            Expr::Year {
                year: occurrence,
                part,
            },
        );
    }
    if let Some(h) = cx.lex(j, |l| match l {
        Lex::Holiday(h) => Some(h),
        _ => None,
    }) {
        return found(
            i,
            j + 1,
            Expr::Holiday {
                holiday: h,
                year: occurrence,
            },
        );
    }
    let (part, e) = day_part(cx, j)?;
    // "the next morning", "the following night": the day after the day being told.
    if s > 0 && cx.is_word(i, "the") {
        let day = Expr::Discussed {
            unit: Some(Unit::Day),
            years: 0,
            units: 1,
        };
        let day = Some(Box::new(day));
        return found(i, e, Expr::DayPart { part, day });
    }
    // this morning, last night
    let offset = if s < 0 && part == DayPart::Night {
        -1
    } else {
        0
    };
    let day = Some(Box::new(Expr::DayOffset(offset)));
    (s <= 0 && !from_text).then_some(Found {
        first: i,
        last: e,
        expr: Expr::DayPart { part, day },
    })
}

/// `the quarter`, `the year`, `the weekend`: the period the text is about.
fn discussed(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    if !cx.is_word(i, "the") {
        return None;
    }
    let fiscal = usize::from(cx.is_word(i + 1, "fiscal") || cx.is_word(i + 1, "full"));
    let (unit, plural, e) = cx.unit(i + 1 + fiscal)?;
    if plural || cx.is_punct(e, '\'') || cx.is_punct(e, '’') || cx.hyphen(e) {
        return None;
    }
    // "the year ended Sept. 30" is a span of twelve months that a report covers; "for the year"
    // and "the fiscal year" alone are the year under discussion, a date.
    let bounded = ["ended", "ending", "through", "to"]
        .iter()
        .any(|w| cx.is_word(e, w));
    // "down from $450 million the year before.": one period before the one being told.
    if let Some(units) = before_or_after(cx, e) {
        return (unit <= Unit::Year && unit >= Unit::Day).then_some(Found {
            first: i,
            last: e + 1,
            expr: Expr::Discussed {
                unit: Some(unit),
                years: 0,
                units,
            },
        });
    }
    match unit {
        Unit::Year if bounded => found(i, e, super::duration(Some(2), unit)),
        Unit::Quarter | Unit::Year => found(
            i,
            e,
            Expr::Discussed {
                unit: Some(unit),
                years: 0,
                units: 0,
            },
        ),
        Unit::Weekend => found(i, e, Expr::RelUnit { unit, shift: 0 }),
        _ => None,
    }
}

/// `before` (-1) or `after` (+1) at `i` that ends a phrase (`the year before.`, `the day after,`),
/// not one that opens an anchor of its own (`the day before the election`).
fn before_or_after(cx: Cx<'_, '_>, i: usize) -> Option<i8> {
    let units = if cx.is_word(i, "before") {
        -1
    } else if cx.is_word(i, "after") {
        1
    } else {
        return None;
    };
    let ends = cx.tok(i + 1).is_none_or(|t| t.kind == Kind::Punct);
    ends.then_some(units)
}

/// `the latest period`, `the 1988 period`: the period a report is about.
fn period(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    if !cx.is_word(i, "the") {
        return None;
    }
    let (year, j) = if cx.is_word(i + 1, "latest") || cx.is_word(i + 1, "current") {
        (None, i + 2)
    } else {
        let (y, j) = super::calendar::year_number(cx, i + 1)?;
        (Some(y), j)
    };
    cx.is_word(j, "period").then(|| Found {
        first: i,
        last: j + 1,
        expr: Expr::Period { year },
    })
}

/// `year-ago`, `year-earlier`, `the year-ago quarter`, `the comparable year-earlier period`.
fn year_ago(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let mut j = i + usize::from(cx.is_word(i, "the"));
    if cx.is_word(j, "comparable") || cx.is_word(j, "corresponding") {
        j += 1;
    }
    if !(cx.is_word(j, "year")
        && cx.hyphen(j + 1)
        && (cx.is_word(j + 2, "ago") || cx.is_word(j + 2, "earlier")))
    {
        return None;
    }
    let mut end = j + 3;
    let mut unit = None;
    if let Some((_, k)) = super::calendar::ordinal_word(cx, end)
        && cx.is_word(k, "quarter")
    {
        end = k;
    }
    if cx.is_word(end, "quarter") || cx.is_word(end, "period") {
        unit = cx.is_word(end, "quarter").then_some(Unit::Quarter);
        end += 1
    }
    found(
        i,
        end,
        Expr::Discussed {
            unit,
            years: -1,
            units: 0,
        },
    )
}

/// Sets: `every Friday`, `each month`, `daily`, `every other week`.
pub fn set(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let t = cx.tok(i)?;
    if let Some(unit) = t.find(|l| match l {
        Lex::Frequency(u) => Some(u),
        _ => None,
    }) {
        // "The China Youth Daily", "the Yediot Aharonot daily", "THE WEEKLY STANDARD": papers.
        let opens_sentence = |k: usize| {
            cx.tok(k).is_some_and(|t| t.para)
                || k.checked_sub(1).is_none_or(|p| {
                    cx.tok(p)
                        .is_some_and(|p| p.kind == Kind::Punct && ".!?:\"“”".contains(p.ch))
                })
        };
        let paper = cx.is_word(i, "daily") || cx.is_word(i, "weekly");
        let after_name = paper
            && i.checked_sub(1).is_some_and(|p| {
                cx.tok(p).is_some_and(|t| t.kind == Kind::Word && t.upper) && !opens_sentence(p)
            });
        if after_name || t.upper && !opens_sentence(i) {
            return None;
        }
        let every = Value::Duration(Dur {
            halves: Some(2),
            unit,
        });
        return found(i, i + 1, Expr::Fixed(Value::Set(Box::new(every))));
    }
    if !t.is(Lex::Every) || cx.is_word(i, "per") && i == 0 {
        return None;
    }
    let j = i + 1 + usize::from(cx.is_word(i + 1, "other"));
    let n = if j > i + 1 { 4 } else { 2 };
    // "every two years", "every 10 days"
    if j == i + 1
        && let Some((count, k)) = cx.num(j).map(|(n, _)| (n, j + 1)).or_else(|| {
            cx.lex(j, |l| match l {
                Lex::Number(n) => Some((n, j + 1)),
                _ => None,
            })
        })
        && let Some((unit, true, e)) = cx.unit(k)
    {
        let every = Value::Duration(Dur {
            halves: Some(count.saturating_mul(2)),
            unit,
        });
        return found(i, e, Expr::Fixed(Value::Set(Box::new(every))));
    }
    if let Some((unit, _, e)) = cx.unit(j) {
        let every = Value::Duration(Dur {
            halves: Some(n),
            unit,
        });
        return found(i, e, Expr::Fixed(Value::Set(Box::new(every))));
    }
    if let Some((d, e)) = weekday_word(cx, j) {
        return found(i, e, Expr::Fixed(Value::Set(Box::new(Value::NoWeek(d)))));
    }
    if let Some((m, e)) = month(cx, j) {
        let every = Value::NoYear {
            month: m,
            day: None,
        };
        return found(i, e, Expr::Fixed(Value::Set(Box::new(every))));
    }
    if let Some((part, e)) = day_part(cx, j) {
        return found(i, e, Expr::Fixed(Value::Set(Box::new(Value::NoDay(part)))));
    }
    None
}

/// Words that may follow "the past" or "the future" when they are nouns; any other lower-case
/// word makes them adjectives ("the past summit", "the future king").
const AFTER_NOUN: [&str; 30] = [
    "of", "and", "or", "but", "is", "was", "were", "are", "will", "would", "to", "in", "on", "at",
    "for", "as", "that", "with", "has", "have", "had", "he", "she", "it", "they", "we", "i", "you",
    "a", "the",
];

/// Whether the word at `i` shows that the phrase before it is used as an adjective.
fn attributive(cx: Cx<'_, '_>, i: usize) -> bool {
    cx.tok(i)
        .is_some_and(|t| t.kind == crate::time::scan::Kind::Word && !t.upper)
        && !AFTER_NOUN.iter().any(|w| cx.is_word(i, w))
}
