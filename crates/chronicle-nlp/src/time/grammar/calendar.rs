//! Calendar expressions: dates in their news forms, years, decades and weekdays (periods of a
//! year, holidays and the year's end are in `periods`).

use super::{Cx, Expr, Found, YearPart, YearSpec, found};
use crate::time::lexicon::Lex;
use crate::time::scan::Kind;
use crate::time::value::{Cal, Value, ymd};

/// A month name or abbreviation at `i`: the month and the index after it (and its full stop).
pub fn month(cx: Cx<'_, '_>, i: usize) -> Option<(u8, usize)> {
    let t = cx.tok(i)?;
    if !t.upper {
        return None;
    }
    if let Some(m) = t.find(|l| match l {
        Lex::Month(m) => Some(m),
        _ => None,
    }) {
        // "May" the modal opens questions and wishes; after a sentence start it must be followed by
        // a day or a year to count.
        if m == 5 && !cx.num(i + 1).is_some_and(|(n, _)| n <= 31 || n >= 1000) {
            let prev = i.checked_sub(1).map_or("", |p| cx.text_of(p));
            let opener = [
                "in", "of", "since", "until", "by", "early", "late", "mid", "last", "next", "this",
                "-",
            ];
            if !opener.iter().any(|o| prev.eq_ignore_ascii_case(o)) {
                return None;
            }
        }
        return Some((m, i + 1));
    }
    let m = t.find(|l| match l {
        Lex::MonthAbbr(m) => Some(m),
        _ => None,
    })?;
    let dotted = cx.is_punct(i + 1, '.') && cx.glued(i + 1);
    let next = cx.skip_dot(i + 1);
    (dotted || cx.num(next).is_some_and(|(n, d)| d <= 2 && n <= 31)).then_some((m, next))
}

/// A day of the month at `i` (`4`, `4th`, `fourth`, `twenty-first`) and the index after it.
pub fn day_number(cx: Cx<'_, '_>, i: usize) -> Option<(u8, usize)> {
    if let Some((n, digits)) = cx.num(i) {
        if digits > 2 || !(1..=31).contains(&n) {
            return None;
        }
        // A clock time or a score, not a day: 2:30, 3-1.
        let joined = (cx.is_punct(i + 1, ':') || cx.is_punct(i + 1, '/')) && cx.glued(i + 1);
        if joined && cx.glued(i + 2) && cx.num(i + 2).is_some() {
            return None;
        }
        let mut j = i + 1;
        if cx.glued(j) && ["st", "nd", "rd", "th"].iter().any(|s| cx.is_word(j, s)) {
            j += 1;
        }
        return Some((n as u8, j));
    }
    ordinal_word(cx, i).filter(|&(n, _)| (1..=31).contains(&n))
}

/// An ordinal in words, `third` or `twenty-first`, and the index after it.
pub fn ordinal_word(cx: Cx<'_, '_>, i: usize) -> Option<(u8, usize)> {
    let ord = |k: usize| {
        cx.lex(k, |l| match l {
            Lex::Ordinal(n) => Some(n),
            _ => None,
        })
    };
    if let Some(n) = ord(i) {
        return Some((n, i + 1));
    }
    let tens = cx.lex(i, |l| match l {
        Lex::Number(n @ (20 | 30)) => Some(n as u8),
        _ => None,
    })?;
    let k = if cx.hyphen(i + 1) { i + 2 } else { i + 1 };
    let unit = ord(k).filter(|&n| n < 10)?;
    Some((tens + unit, k + 1))
}

/// A year at `i`: four digits, or a spoken year (`nineteen ninety-six`, `two thousand`).
pub fn year_number(cx: Cx<'_, '_>, i: usize) -> Option<(i32, usize)> {
    if let Some((n, 4)) = cx.num(i) {
        if cx.glued(i + 1) && cx.is_punct(i + 1, ':') {
            return None;
        }
        return (1000..=2999).contains(&n).then_some((n as i32, i + 1));
    }
    spoken_year(cx, i)
}

fn number_word(cx: Cx<'_, '_>, i: usize) -> Option<u32> {
    cx.lex(i, |l| match l {
        Lex::Number(n) => Some(n),
        _ => None,
    })
}

/// `nineteen ninety-six`, `nineteen eighty`, `two thousand`, `two thousand and one`.
fn spoken_year(cx: Cx<'_, '_>, i: usize) -> Option<(i32, usize)> {
    let head = number_word(cx, i)?;
    if head == 2 && cx.is_word(i + 1, "thousand") {
        let mut j = i + 2;
        let and = cx.is_word(j, "and");
        let k = if and { j + 1 } else { j };
        if let Some(n) = number_word(cx, k).filter(|&n| n < 20) {
            j = k + 1;
            return Some((2000 + n as i32, j));
        }
        return Some((2000, j));
    }
    if !(11..=20).contains(&head) {
        return None;
    }
    let tens = number_word(cx, i + 1).filter(|&n| (20..=90).contains(&n) && n % 10 == 0)?;
    let mut end = i + 2;
    let mut year = head * 100 + tens;
    if let Some(u) = number_word(cx, end + 1).filter(|&n| cx.hyphen(end) && (1..=9).contains(&n)) {
        year += u;
        end += 2;
    }
    Some((year as i32, end))
}

/// `2020-07-04`, `07/04/2020`, `7/4/20`.
pub fn numeric_date(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let (a, da) = cx.num(i)?;
    let sep = cx.tok(i + 1).filter(|t| t.glued)?.ch;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let (b, db) = cx.num(i + 2).filter(|_| cx.glued(i + 2))?;
    if !(cx.is_punct(i + 3, sep) && cx.glued(i + 3) && cx.glued(i + 4)) {
        return None;
    }
    let (c, dc) = cx.num(i + 4)?;
    if cx.glued(i + 5)
        && cx
            .tok(i + 5)
            .is_some_and(|t| t.kind == Kind::Num || t.ch == sep)
    {
        return None;
    }
    let (y, m, d) = match (da, db, dc) {
        (4, 1..=2, 1..=2) => (a as i32, b, c),
        (1..=2, 1..=2, 4) if sep != '-' => (c as i32, a, b),
        (1..=2, 1..=2, 2) if sep == '/' => (1900 + c as i32 + if c < 50 { 100 } else { 0 }, a, b),
        _ => return None,
    };
    let date = ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
    found(i, i + 5, Expr::Fixed(Value::Cal(Cal::Day(date))))
}

/// `July 4`, `July 4, 2020`, `Jan. 5`, `February 2019`, `March`, `Friday, Oct. 23`.
pub fn month_date(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let mut start = i;
    let mut j = i;
    let mut weekday = None;
    if let Some((wd, k)) = weekday_word(cx, i) {
        j = if cx.is_punct(k, ',') { k + 1 } else { k };
        month(cx, j)?;
        weekday = Some(wd);
    }
    let (m, k) = month(cx, j)?;
    if j == i {
        start = i;
    }
    let (day, mut end) = match day_number(cx, k) {
        Some((d, e)) => (Some(d), e),
        None => (None, k),
    };
    let comma = usize::from(cx.is_punct(end, ','));
    let of = usize::from(day.is_none() && cx.is_word(end, "of"));
    let mut year = YearSpec::Open;
    if let Some((y, e)) = year_number(cx, end + comma + of) {
        year = YearSpec::Explicit(y);
        end = e;
    } else if let Some((shift, e)) = this_or_last_year(cx, end) {
        year = YearSpec::Rel(shift);
        end = e;
    } else if day.is_none()
        && cx.is_punct(end, '\'')
        && cx.num(end + 1).is_some_and(|(_, d)| d == 2)
    {
        let (yy, _) = cx.num(end + 1)?;
        year = YearSpec::Explicit(1900 + yy as i32 + if yy < 50 { 100 } else { 0 });
        end += 2;
    }
    // "April 24 and 25, 1999": the pair's year is the first day's too.
    if let (YearSpec::Open, Some(_)) = (year, day)
        && let Some(Found {
            expr:
                Expr::MonthDay {
                    year: y @ YearSpec::Explicit(_),
                    ..
                },
            ..
        }) = coordinated_day(cx, end + 1)
    {
        year = y;
    }
    // "from April to August 2005", "between January 5 and March 3, 2007": the start of a range
    // takes the year its end gives, or the year before when it comes later in the year
    // ("from August to May 1, 2010").
    if year == YearSpec::Open
        && RANGE_LINKS.iter().any(|w| cx.is_word(end, w))
        && let Some(Found {
            expr:
                Expr::MonthDay {
                    year: YearSpec::Explicit(y),
                    month: end_month,
                    ..
                },
            ..
        }) = month_date(cx, end + 1)
    {
        year = YearSpec::Explicit(if m > end_month { y - 1 } else { y });
    }
    // "Monday, Oct. 26": the weekday tells the year.
    if let (YearSpec::Open, Some(wd), Some(_)) = (year, weekday, day) {
        year = YearSpec::OnWeekday(wd);
    }
    found(
        start,
        end,
        Expr::MonthDay {
            year,
            month: m,
            day,
        },
    )
}

/// Words between the start and the end of a range of dates.
const RANGE_LINKS: [&str; 5] = ["to", "and", "until", "through", "till"];

/// The second day of a pair or range in one month: the `25` of `April 24 and 25`, `March 3 to
/// 5`, `May 2-3`. It takes the month of the date before it, and a year that follows it
/// (`April 24 and 25, 1999`).
pub fn coordinated_day(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let (day, end) = day_number(cx, i)?;
    let link = i.checked_sub(1)?;
    let dash = cx.hyphen(link) || cx.is_punct(link, '–');
    if !dash
        && !["and", "or", "to", "through"]
            .iter()
            .any(|w| cx.is_word(link, w))
    {
        return None;
    }
    let (first, after_first) = day_number(cx, link.checked_sub(1)?)?;
    if after_first != link || first >= day {
        return None;
    }
    let (m, after_month) = (link.saturating_sub(3)..link - 1).find_map(|k| month(cx, k))?;
    if after_month != link - 1 {
        return None;
    }
    // "March 3 to 5 percent" is an amount.
    if cx.unit(end).is_some() || cx.is_word(end, "percent") || cx.is_punct(end, '%') {
        return None;
    }
    let comma = usize::from(cx.is_punct(end, ','));
    let (year, end) = match year_number(cx, end + comma) {
        Some((y, e)) => (YearSpec::Explicit(y), e),
        None => (YearSpec::Open, end),
    };
    found(
        i,
        end,
        Expr::MonthDay {
            year,
            month: m,
            day: Some(day),
        },
    )
}

/// `this year`, `last year`, `next year` after a month: `January this year`.
pub(super) fn this_or_last_year(cx: Cx<'_, '_>, i: usize) -> Option<(i8, usize)> {
    let shift = cx.lex(i, |l| match l {
        Lex::Shift(s) => Some(s),
        _ => None,
    })?;
    cx.is_word(i + 1, "year").then_some((shift, i + 2))
}

/// `4 July 2020`, `the 4th of July`.
pub fn day_month(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let the = usize::from(cx.is_word(i, "the"));
    let (d, k) = day_number(cx, i + the)?;
    if the == 1 && cx.num(i + 1).is_some() && !cx.is_word(k, "of") {
        return None;
    }
    let k = if cx.is_word(k, "of") { k + 1 } else { k };
    let (m, mut end) = month(cx, k)?;
    let mut year = YearSpec::Open;
    let comma = usize::from(cx.is_punct(end, ','));
    if let Some((y, e)) = year_number(cx, end + comma) {
        year = YearSpec::Explicit(y);
        end = e;
    }
    found(
        i,
        end,
        Expr::MonthDay {
            year,
            month: m,
            day: Some(d),
        },
    )
}

/// A weekday name (or its abbreviation with a full stop) and the index after it.
pub fn weekday_word(cx: Cx<'_, '_>, i: usize) -> Option<(u8, usize)> {
    let t = cx.tok(i)?;
    if !t.upper {
        return None;
    }
    if let Some(d) = t.find(|l| match l {
        Lex::Weekday(d) => Some(d),
        _ => None,
    }) {
        return Some((d, i + 1));
    }
    let d = t.find(|l| match l {
        Lex::WeekdayAbbr(d) => Some(d),
        _ => None,
    })?;
    (cx.is_punct(i + 1, '.') && cx.glued(i + 1)).then_some((d, i + 2))
}

/// `Friday`, `Friday morning`, `Fridays`, `Tuesday nights`.
pub fn weekday(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    if let Some(d) = cx.lex(i, |l| match l {
        Lex::Weekdays(d) => Some(d),
        _ => None,
    }) {
        if let Some((part, e)) = day_part(cx, i + 1) {
            return found(i, e, Expr::Fixed(Value::SetWeekdayPart(d, part)));
        }
        return found(
            i,
            i + 1,
            Expr::Fixed(Value::Set(Box::new(Value::NoWeek(d)))),
        );
    }
    let (d, end) = weekday_word(cx, i)?;
    let day = Expr::Weekday {
        day: d,
        shift: 0,
        from_text: false,
    };
    if let Some((part, e)) = day_part(cx, end) {
        if cx.text_of(end).ends_with(['s', 'S']) {
            return found(i, e, Expr::Fixed(Value::SetWeekdayPart(d, part)));
        }
        // "Friday night": news annotation gives the day itself.
        return found(i, e, day);
    }
    found(i, end, day)
}

/// A part of the day word at `i`.
pub fn day_part(cx: Cx<'_, '_>, i: usize) -> Option<(crate::time::lexicon::DayPart, usize)> {
    let part = cx.lex(i, |l| match l {
        Lex::DayPart(p) => Some(p),
        _ => None,
    })?;
    Some((part, i + 1))
}

/// A year standing alone: `1998`, `fiscal 1989`, `FY2020`, `the year 2000`.
pub fn year(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let mut j = i;
    let fiscal = cx.is_word(i, "fiscal") || cx.is_word(i, "fy");
    if fiscal {
        j += 1;
        if cx.is_word(j, "year") {
            j += 1;
        }
    } else if cx.is_word(i, "the") && cx.is_word(i + 1, "year") {
        j += 2;
    }
    let (y, end) = year_number(cx, j)?;
    if j == i && !plausible_year(cx, i, y) {
        return None;
    }
    let year = YearSpec::Explicit(y);
    found(
        i,
        end,
        Expr::Year {
            year,
            part: YearPart::Whole,
        },
    )
}

/// Whether the number at `i` reads as a year rather than a count or an amount.
fn plausible_year(cx: Cx<'_, '_>, i: usize, y: i32) -> bool {
    let Some(t) = cx.tok(i) else { return false };
    if t.kind != Kind::Num {
        // A spoken year ("nineteen ninety-six") has a shape no count has.
        return true;
    }
    let prev = i.checked_sub(1);
    if prev.is_some_and(|p| {
        cx.tok(p)
            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch, '$' | '#' | '£' | '€' | '.'))
            || cx.is_word(p, "no")
    }) {
        return false;
    }
    // A number closing a sentence is a year only as any other bare number is ("cases had
    // reached 1004." is a count); one glued to a percent sign or a decimal never is.
    if cx.glued(i + 1)
        && cx.tok(i + 1).is_some_and(|t| matches!(t.ch, '%' | '.'))
        && !(cx.is_punct(i + 1, '.') && cx.num(i + 2).is_none())
    {
        return false;
    }
    // "resolution 1441", "Resolution 1973": a document's number, not a year.
    if prev.is_some_and(|p| cx.is_word(p, "resolution")) {
        return false;
    }
    (1900..=2099).contains(&y)
        || prev.is_some_and(|p| {
            ["in", "since", "of", "from", "until", "by", "year", "circa"]
                .iter()
                .any(|w| cx.is_word(p, w))
        })
}

/// `the 1990s`, `1990s`, `'80s`, `the nineties`, `the 20th century`.
pub fn decade(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let the = usize::from(cx.is_word(i, "the"));
    let j = i + the;
    if let Some(d) = cx.lex(j, |l| match l {
        Lex::DecadeWord(d) => Some(d),
        _ => None,
    }) {
        return (the == 1).then(|| Found {
            first: i,
            last: j + 1,
            expr: Expr::Fixed(Value::Cal(Cal::Decade(190 + i32::from(d)))),
        });
    }
    let apostrophe = cx.is_punct(j, '\'') || cx.is_punct(j, '’');
    let k = j + usize::from(apostrophe);
    let (n, digits) = cx.num(k)?;
    let s = cx.glued(k + 1) && cx.is_word(k + 1, "s");
    if s && n % 10 == 0 {
        if digits == 2 && !apostrophe && the == 0 && of_a_life(cx, i) {
            return None;
        }
        let decade = match digits {
            4 => n as i32 / 10,
            2 => 190 + n as i32 / 10,
            _ => return None,
        };
        return found(i, k + 2, Expr::Fixed(Value::Cal(Cal::Decade(decade))));
    }
    // The 20th century: ordinal digits with a suffix, then "century".
    let suffixed = cx.glued(k + 1)
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|w| cx.is_word(k + 1, w));
    if suffixed && digits <= 2 && cx.is_word(k + 2, "century") {
        return found(
            i,
            k + 3,
            Expr::Fixed(Value::Cal(Cal::Century(n as i32 - 1))),
        );
    }
    None
}

/// Possessives before a two-digit decade that make it an age: `in his 30s`.
const POSSESSIVES: [&str; 6] = ["his", "her", "their", "my", "our", "your"];

/// Whether the decade at `i` is a decade of someone's life (`in his 30s`, `in her early 40s`),
/// which TimeML does not tag.
fn of_a_life(cx: Cx<'_, '_>, i: usize) -> bool {
    let Some(mut p) = i.checked_sub(1) else {
        return false;
    };
    let part = cx.tok(p).is_some_and(|t| {
        t.find(|l| matches!(l, Lex::Part(_)).then_some(()))
            .is_some()
    });
    if part || cx.hyphen(p) {
        let Some(q) = p.checked_sub(1 + usize::from(cx.hyphen(p))) else {
            return false;
        };
        p = q;
    }
    POSSESSIVES.iter().any(|w| cx.is_word(p, w))
}
