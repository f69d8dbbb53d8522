//! Clock times: `2:30 p.m.`, `10 p.m. Wednesday`, `noon`, `midnight Friday`, `4 in the
//! morning`, `1700 local time`, with their zones and the day they fall on.

use super::calendar::day_part;
use super::relative::deictic;
use super::{Cx, Expr, Found, found};
use crate::time::lexicon::{DayPart, Lex};

/// Clock times: `2:30 p.m.`, `10 p.m. Wednesday`, `noon`, `midnight Friday`, `4 in the morning`.
pub fn clock(cx: Cx<'_, '_>, i: usize) -> Option<Found> {
    let (hour, minute, mut end) = if let Some(h) = cx.lex(i, |l| match l {
        Lex::Clock(h) => Some(h),
        _ => None,
    }) {
        (h, 0, i + 1)
    } else {
        let (h, digits) = cx.num(i)?;
        // "1700 local time", "0100 GMT", "0600 hours": a 24-hour clock, never a year.
        if digits == 4 && h / 100 <= 24 && h % 100 < 60 {
            let zoned = timezone(cx, i + 1).or_else(|| {
                (cx.is_word(i + 1, "hours") || cx.is_word(i + 1, "hrs")).then_some(i + 2)
            });
            if let Some(end) = zoned {
                return found(
                    i,
                    end,
                    Expr::Clock {
                        hour: (h / 100) as u8,
                        minute: (h % 100) as u8,
                        day: None,
                    },
                );
            }
        }
        if digits > 2 || h > 24 {
            return None;
        }
        let (m, k) = if cx.is_punct(i + 1, ':') && cx.glued(i + 1) && cx.glued(i + 2) {
            match cx.num(i + 2) {
                Some((m, 2)) if m < 60 => (m, i + 3),
                _ => return None,
            }
        } else {
            (0, i + 1)
        };
        let (h, k) = match meridiem(cx, k) {
            Some((pm, e)) if (1..=12).contains(&h) => (h % 12 + if pm { 12 } else { 0 }, e),
            _ if k > i + 1 && (timezone(cx, k).is_some() || after_at(cx, i)) => (h, k),
            _ if cx.is_word(k, "o") && cx.is_punct(k + 1, '\'') => (h, k + 3),
            _ if cx.is_word(k, "in") && cx.is_word(k + 1, "the") => {
                let (part, e) = day_part(cx, k + 2)?;
                let h = if matches!(part, DayPart::Morning) || h == 12 {
                    h % 12
                } else {
                    h % 12 + 12
                };
                (h, e)
            }
            _ => return None,
        };
        (h as u8, m as u8, k)
    };
    if let Some(e) = timezone(cx, end) {
        end = e;
    }
    let day_start = end + usize::from(cx.is_punct(end, ','));
    let day = super::calendar::month_date(cx, day_start)
        .or_else(|| super::calendar::weekday(cx, day_start))
        .or_else(|| deictic(cx, day_start))
        .filter(|f| !matches!(f.expr, Expr::MonthDay { day: None, .. }));
    let (day, end) = match day {
        Some(f) => (Some(Box::new(f.expr)), f.last),
        None => (None, end),
    };
    found(i, end, Expr::Clock { hour, minute, day })
}

/// Whether the word before `i` is `at` or `by`, which make a bare `14:30` a time.
fn after_at(cx: Cx<'_, '_>, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        ["at", "by", "until", "around", "from"]
            .iter()
            .any(|w| cx.is_word(p, w))
    })
}

/// `a.m.`, `p.m`, `AM`, `pm` at `i`: whether it is p.m., and the index after it.
fn meridiem(cx: Cx<'_, '_>, i: usize) -> Option<(bool, usize)> {
    let pm = if cx.is_word(i, "p") || cx.is_word(i, "pm") {
        true
    } else if cx.is_word(i, "a") || cx.is_word(i, "am") {
        false
    } else {
        return None;
    };
    if cx.text_of(i).len() == 2 {
        return Some((pm, cx.skip_dot(i + 1)));
    }
    if cx.is_punct(i + 1, '.') && cx.glued(i + 1) && cx.is_word(i + 2, "m") && cx.glued(i + 2) {
        return Some((pm, cx.skip_dot(i + 3)));
    }
    None
}

/// A time zone after a clock time: `EST`, `GMT`, `local time`.
fn timezone(cx: Cx<'_, '_>, i: usize) -> Option<usize> {
    if cx.is_word(i, "local") && cx.is_word(i + 1, "time") {
        return Some(i + 2);
    }
    let zones = [
        "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "bst", "cet",
    ];
    let upper = cx.tok(i).is_some_and(|t| t.upper);
    (upper && zones.iter().any(|z| cx.is_word(i, z))).then_some(i + 1)
}
