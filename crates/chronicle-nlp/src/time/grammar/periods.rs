//! Periods of a year: quarters, halves and seasons (`the third quarter of 1990`, `Q3 2020`,
//! `the first half of this year`, `this summer`), holidays (`Thanksgiving Day`, `Christmas`) and
//! the year's end (`by year-end`).

use super::calendar::{ordinal_word, this_or_last_year, year_number};
use super::{Cx, Expr, Found, YearPart, YearSpec, found};
use crate::time::lexicon::{Holiday, Lex, Season};
use crate::time::scan::Kind;

/// Auxiliaries and modals after "fall" or "spring" that make it a noun of its own ("the fall
/// could end the talks", "the fall has hurt").
const FALL_VERBS_AFTER: [&str; 8] = [
    "could", "would", "will", "might", "may", "has", "had", "was",
];

/// Nouns after a holiday that make it an adjective of things, not a date.
const HOLIDAY_THINGS: [&str; 14] = [
    "tree",
    "trees",
    "gift",
    "gifts",
    "card",
    "cards",
    "carol",
    "carols",
    "decorations",
    "lights",
    "costume",
    "costumes",
    "commodities",
    "candy",
];

/// Quarters, halves and seasons: `the third quarter of 1990`, `Q3 2020`, `third-quarter`, `the
/// second half of 2019`, `this summer`, `the winter of 1994`.
pub fn year_part(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let the = usize::from(cx.is_word(i, "the"));
    let mut j = i + the;
    let mut year = YearSpec::Open;
    // A year or a relative year in front: the 1988 third quarter, this year's third quarter.
    if let Some((y, k)) = year_number(cx, j).filter(|_| cx.num(j).is_some()) {
        year = YearSpec::Explicit(y);
        j = k
    } else if let Some((shift, k)) = this_or_last_year(cx, j)
        && (cx.is_punct(k, '\'') || cx.is_punct(k, '’'))
        && cx.is_word(k + 1, "s")
    {
        year = YearSpec::Rel(shift);
        j = k + 2;
    }
    if cx.is_word(j, "fiscal") {
        j += 1 + usize::from(cx.hyphen(j + 1));
    }
    let (part, k) = quarter_or_half(cx, j).or_else(|| season(cx, j, the == 1 || j > i))?;
    let mut end = k;
    if year == YearSpec::Open {
        if let Some((y, e)) = trailing_year(cx, end) {
            year = YearSpec::Explicit(y);
            end = e;
        } else if let YearPart::Half(_) = part
            && !cx.is_word(j, "h")
        {
            // A half is a year's only when the words say so: "the first half of this year",
            // "of the year", "first-half profit"; "in the first half" of a match, "the second
            // half of July", "of the 20th century" are not.
            match half_of_year(cx, end) {
                Some((spec, e)) => {
                    year = spec;
                    end = e;
                }
                None => return None,
            }
        } else if let YearPart::Season(_) = part {
            // "summer" alone is too often a noun phrase head to count without a determiner.
            if the == 0 && !cx.tok(j).is_some_and(|t| t.upper) {
                return None;
            }
        }
    }
    found(i, end, Expr::Year { year, part })
}

/// A year after a part: `of 1990`, `1990`, `of that year`.
fn trailing_year(cx: Cx<'_, '_>, i: usize) -> Option<(i32, usize)> {
    let j = i + usize::from(cx.is_word(i, "of") || cx.is_punct(i, ','));
    year_number(cx, j)
}

/// What makes a spelled-out half at `i` a half of a year: `of this year`, `of next year`, `of
/// the year`, `of the fiscal year` (the year, and the index after), or a report's noun after
/// it (`first-half profit`, `second half results`: the year is the publication's).
fn half_of_year(cx: Cx<'_, '_>, i: usize) -> Option<(YearSpec, usize)> {
    if cx.is_word(i, "of") {
        if let Some((shift, e)) = this_or_last_year(cx, i + 1) {
            return Some((YearSpec::Rel(shift), e));
        }
        let fiscal = usize::from(cx.is_word(i + 2, "fiscal"));
        if cx.is_word(i + 1, "the") && cx.is_word(i + 2 + fiscal, "year") {
            return Some((YearSpec::Open, i + 3 + fiscal));
        }
        return None;
    }
    REPORT_NOUNS
        .iter()
        .any(|w| cx.is_word(i, w))
        .then_some((YearSpec::Open, i))
}

/// Nouns of a company's or an economy's report that make a half or a quarter before them a
/// period of the year: "first-half profit", "second half results".
const REPORT_NOUNS: [&str; 12] = [
    "profit", "profits", "earnings", "results", "sales", "revenue", "revenues", "loss", "losses",
    "net", "growth", "output",
];

/// `third quarter`, `third-quarter`, `Q3`, `first half`, `H2`.
fn quarter_or_half(cx: Cx<'_, '_>, i: usize) -> Option<(YearPart, usize)> {
    if (cx.is_word(i, "q") || cx.is_word(i, "h")) && cx.glued(i + 1) {
        let (n, digits) = cx.num(i + 1)?;
        // "H1N1", "H5N1" are viruses: a code runs on after the number.
        if cx.glued(i + 2) && cx.tok(i + 2).is_some_and(|t| t.kind != Kind::Punct) {
            return None;
        }
        let half = cx.is_word(i, "h");
        return match (half, n, digits) {
            (false, 1..=4, 1) => Some((YearPart::Quarter(n as u8), i + 2)),
            (true, 1..=2, 1) => Some((YearPart::Half(n as u8), i + 2)),
            _ => None,
        };
    }
    let (n, k) = ordinal(cx, i)?;
    let k = if cx.hyphen(k) { k + 1 } else { k };
    if cx.is_word(k, "quarter") && (1..=4).contains(&n) {
        return Some((YearPart::Quarter(n), k + 1));
    }
    if cx.tok(k).is_some_and(|t| t.is(Lex::Half)) && (1..=2).contains(&n) {
        return Some((YearPart::Half(n), k + 1));
    }
    None
}

/// An ordinal (`third`, `3rd`) or `last` (as the last half), with the index after it.
fn ordinal(cx: Cx<'_, '_>, i: usize) -> Option<(u8, usize)> {
    if cx.is_word(i, "last") || cx.is_word(i, "latter") {
        return cx
            .tok(i + 1)
            .filter(|t| t.is(Lex::Half))
            .map(|_| (2, i + 1));
    }
    if let Some((n, 1)) = cx.num(i) {
        let suffixed = cx.glued(i + 1)
            && ["st", "nd", "rd", "th"]
                .iter()
                .any(|w| cx.is_word(i + 1, w));
        return suffixed.then_some((n as u8, i + 2));
    }
    ordinal_word(cx, i)
}

/// A season word, possibly after a shift: `summer`, `this summer`, `last fall`.
fn season(cx: Cx<'_, '_>, i: usize, determined: bool) -> Option<(YearPart, usize)> {
    let s = cx.lex(i, |l| match l {
        Lex::Season(s) => Some(s),
        _ => None,
    })?;
    let ambiguous = matches!(s, Season::Spring | Season::Fall);
    if ambiguous && !determined && !cx.tok(i).is_some_and(|t| t.upper) {
        return None;
    }
    // "the fall of the regime", "the spring of discontent" are nouns; "the fall of 1994" is a
    // season.
    if ambiguous && cx.is_word(i + 1, "of") && year_number(cx, i + 2).is_none() {
        return None;
    }
    // "the fall could end ...": a season is no subject of a modal or an auxiliary.
    if ambiguous && FALL_VERBS_AFTER.iter().any(|w| cx.is_word(i + 1, w)) {
        return None;
    }
    Some((YearPart::Season(s), i + 1))
}

/// Holidays: `Thanksgiving Day`, `Christmas`, `Election Day`, `New Year's Day`.
pub fn holiday(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let t = cx.tok(i)?;
    if !t.upper {
        return None;
    }
    if let Some(h) = t.find(|l| match l {
        Lex::Holiday(h) => Some(h),
        _ => None,
    }) {
        let (h, end) = if h == Holiday::Christmas && cx.is_word(i + 1, "eve") {
            (Holiday::ChristmasEve, i + 2)
        } else if cx.is_word(i + 1, "day")
            || h == Holiday::Easter && (cx.is_word(i + 1, "week") || cx.is_word(i + 1, "sunday"))
        {
            (h, i + 2)
        } else if cx
            .tok(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && n.upper)
            && cx
                .lex(i + 1, |l| matches!(l, Lex::Weekday(_)).then_some(()))
                .is_none()
        {
            // "Easter Island", "Christmas Island": a name.
            return None;
        } else if HOLIDAY_THINGS.iter().any(|w| cx.is_word(i + 1, w)) {
            // "Christmas trees", "Halloween costumes": things of the holiday, not its date.
            return None;
        } else {
            (h, i + 1)
        };
        return found(
            i,
            end,
            Expr::Holiday {
                holiday: h,
                year: YearSpec::Open,
            },
        );
    }
    let day = |k: usize| cx.is_word(k, "day") && cx.tok(k).is_some_and(|t| t.upper);
    let (h, end) = if cx.is_word(i, "new") && cx.is_word(i + 1, "year") {
        let k = i + 2 + usize::from(cx.is_punct(i + 2, '\'') || cx.is_punct(i + 2, '’'));
        let k = k + usize::from(cx.is_word(k, "s"));
        if cx.is_word(k, "eve") {
            (Holiday::NewYearsEve, k + 1)
        } else if day(k) {
            (Holiday::NewYear, k + 1)
        } else {
            return None;
        }
    } else if day(i + 1) {
        let h = t.find(|l| match l {
            Lex::HolidayDay(h) => Some(h),
            _ => None,
        })?;
        (h, i + 2)
    } else {
        return None;
    };
    found(
        i,
        end,
        Expr::Holiday {
            holiday: h,
            year: YearSpec::Open,
        },
    )
}

/// Prepositions that make `year-end` a time, whatever follows (`by year-end and beyond`).
const YEAR_END_LEADS: [&str; 8] = [
    "by", "at", "until", "till", "before", "after", "around", "near",
];

/// `year-end`, `year end`, `year's end`: the close of the publication year, or of the year
/// before after `since` (`up 5% since year-end`). Not `year-end results`, where it qualifies a
/// noun ahead of it.
pub fn year_end(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let after_the = i.checked_sub(1).is_some_and(|p| cx.is_word(p, "the"));
    if !cx.is_word(i, "year") || after_the {
        return None;
    }
    let mut k = i + 1;
    if cx.hyphen(k) {
        k += 1;
    } else if (cx.is_punct(k, '\'') || cx.is_punct(k, '’')) && cx.is_word(k + 1, "s") {
        k += 2;
    }
    let word_after = cx.tok(k + 1).is_some_and(|t| t.kind == Kind::Word);
    let since = i.checked_sub(1).is_some_and(|p| cx.is_word(p, "since"));
    let led = i
        .checked_sub(1)
        .is_some_and(|p| YEAR_END_LEADS.iter().any(|w| cx.is_word(p, w)));
    if !cx.is_word(k, "end") || word_after && !(led || since) {
        return None;
    }
    let year = YearSpec::Rel(if since { -1 } else { 0 });
    found(
        i,
        k + 1,
        Expr::Year {
            year,
            part: YearPart::Whole,
        },
    )
}
