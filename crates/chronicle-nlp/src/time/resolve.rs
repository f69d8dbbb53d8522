//! From what an expression says ([`Expr`]) to its TIMEX3 value, given the publication date, the
//! tense of its clause and what the text has established so far ([`Frame`]).

use chronicle_core::TimexType;
use jiff::civil::{Date, Weekday};

use super::grammar::{Expr, YearPart, YearSpec};
use super::lexicon::{Holiday, RefPoint, Tense, Unit};
use super::value::{Cal, Dur, Value, add_days, ymd};

/// What the resolver knows at one mention: the publication date and the text's own anchors.
#[derive(Debug, Clone, Copy, Default)]
pub struct Frame {
    /// The publication date.
    pub dct: Option<Date>,
    /// The tense of the mention's clause, when something marks it.
    pub tense: Option<Tense>,
    /// Whether the tense marker stands right by the mention (a weekday needs that to be read
    /// as coming: news weekdays are almost always the past week's).
    pub tense_close: bool,
    /// The last calendar period the text spoke of (the reference time of "a year earlier").
    pub last: Option<Cal>,
    /// The quarter the text is reporting on, when one was named nearby ("a year ago" then
    /// means the same quarter a year before).
    pub quarter: Option<Cal>,
    /// A year the text itself sets for dates without one ("of that year", a paragraph about 2017).
    pub year: Option<i32>,
    /// A week the mention's sentence has named ("next week, probably on Monday"): its weekdays
    /// fall in it.
    pub week: Option<Cal>,
}

/// A resolved mention: value and type.
pub type Resolved = (Value, TimexType);

/// Resolves `expr` in `frame`; `None` when it has no sensible value (the mention is dropped).
pub fn resolve(expr: &Expr, f: &Frame) -> Option<Resolved> {
    let date = |v: Value| Some((v, TimexType::Date));
    match expr {
        Expr::Fixed(v) => Some((v.clone(), fixed_type(v))),
        Expr::MonthDay { year, month, day } => date(month_day(f, *year, *month, *day)),
        Expr::Year { year, part } => date(year_part(f, *year, *part)),
        Expr::Weekday {
            day,
            shift,
            from_text,
        } => date(weekday(f, *day, *shift, *from_text)),
        // Without a publication date, yesterday is some day past and tomorrow one to come.
        Expr::DayOffset(n) => date(cal(
            f.dct.and_then(|d| add_days(d, *n)).map(Cal::Day),
            || {
                Value::Ref(match n.signum() {
                    -1 => RefPoint::Past,
                    1 => RefPoint::Future,
                    _ => RefPoint::Present,
                })
            },
        )),
        Expr::Ref(p) => date(Value::Ref(*p)),
        Expr::RelUnit { unit, shift } => {
            rel_unit(f, *unit, *shift).map(|c| (Value::Cal(c), TimexType::Date))
        }
        Expr::Offset {
            halves,
            unit,
            dir,
            from_ref,
        } => offset(f, *halves, *unit, *dir, *from_ref),
        Expr::Discussed { unit, years, units } => {
            let within = match (unit, years, units) {
                (Some(Unit::Day), 0, 0) => day_within(f),
                _ => None,
            };
            let v = match within {
                Some(v) => v,
                None => Value::Cal(discussed(f, *unit, *years, *units)?),
            };
            Some((v, TimexType::Date))
        }
        Expr::Period { year } => period(f, *year).map(|c| (Value::Cal(c), TimexType::Date)),
        Expr::Clock { hour, minute, day } => {
            let d = day
                .as_deref()
                .and_then(|e| resolve(e, f))
                .and_then(|(v, _)| day_of(&v))
                .or_else(|| f.last.and_then(|c| day_of(&Value::Cal(c))))
                .or(f.dct);
            let v = match d {
                Some(d) => Value::Cal(Cal::Time(d, *hour, *minute)),
                None => Value::Clock(*hour, *minute),
            };
            Some((v, TimexType::Time))
        }
        Expr::DayPart { part, day } => {
            let d = match day {
                Some(e) => resolve(e, f).and_then(|(v, _)| day_of(&v)),
                None => f.dct,
            };
            let v = d.map_or(Value::NoDay(*part), |d| Value::Cal(Cal::DayPart(d, *part)));
            Some((v, TimexType::Time))
        }
        Expr::Holiday { holiday, year } => date(holiday_value(f, *holiday, *year)),
    }
}

fn cal(c: Option<Cal>, otherwise: impl FnOnce() -> Value) -> Value {
    c.map_or_else(otherwise, Value::Cal)
}

/// The type of a value known from the words alone.
fn fixed_type(v: &Value) -> TimexType {
    match v {
        Value::Duration(_) => TimexType::Duration,
        Value::Set(_) | Value::SetWeekdayPart(..) => TimexType::Set,
        Value::Cal(Cal::Time(..) | Cal::DayPart(..)) | Value::Clock(..) | Value::NoDay(_) => {
            TimexType::Time
        }
        _ => TimexType::Date,
    }
}

/// The day of a day-or-finer value.
fn day_of(v: &Value) -> Option<Date> {
    match v {
        Value::Cal(Cal::Day(d) | Cal::DayPart(d, _) | Cal::Time(d, _, _)) => Some(*d),
        _ => None,
    }
}

/// How far from the publication date the tense of a clause may move a date without a year.
const TENSE_REACH_DAYS: i64 = 270;

/// How near a day on the other side of the publication date must be to beat one in the same
/// year that the tense points to.
const NEAR_DAYS: i64 = 31;

/// How far a tense marker in the mention's own clause, or right by it, may move such a date.
const CLOSE_TENSE_REACH_DAYS: i64 = 335;

/// Picks, among the occurrences of a yearly period in the years around the publication year,
/// the one the words point to. A shift (`last`, `next`) takes the previous or the coming one,
/// `this` the publication year's. Otherwise the nearest occurrence wins, unless the tense of the
/// clause points the other way and an occurrence on its side lies within [`TENSE_REACH_DAYS`].
fn pick_year(
    f: &Frame,
    starts_in: impl Fn(i32) -> Option<Date>,
    coarse: bool,
    shift: Option<i8>,
) -> Option<i32> {
    let dct = f.dct?;
    let y = i32::from(dct.year());
    let current = |s: Date| coarse && same_month(s, dct);
    match shift {
        Some(-1) => {
            return (y - 1..=y)
                .rev()
                .find(|&c| starts_in(c).is_some_and(|s| s < dct && !current(s)));
        }
        Some(1) => {
            return (y..=y + 1).find(|&c| starts_in(c).is_some_and(|s| s > dct && !current(s)));
        }
        Some(_) => return Some(y),
        None => {}
    }
    if starts_in(y).is_some_and(current) {
        return Some(y);
    }
    let mid = |c: i32| starts_in(c).and_then(|s| if coarse { add_days(s, 14) } else { Some(s) });
    let days = |d: Date| i64::from((d - dct).get_days());
    let candidates = (y - 1..=y + 1).filter_map(|c| mid(c).map(|d| (c, days(d))));
    let nearest = candidates
        .clone()
        .min_by_key(|&(_, d)| d.abs())
        .map(|(c, _)| c);
    let toward = match f.tense {
        Some(Tense::Past) | None => candidates
            .clone()
            .filter(|&(_, d)| d <= 0)
            .max_by_key(|&(_, d)| d),
        Some(Tense::Future) => candidates.filter(|&(_, d)| d >= 0).min_by_key(|&(_, d)| d),
        _ => None,
    };
    // A marker right by the mention reaches across the year ("will be named commander for a
    // mission in December", written in March).
    let reach = if f.tense_close {
        CLOSE_TENSE_REACH_DAYS
    } else {
        TENSE_REACH_DAYS
    };
    // An occurrence in the publication year on the tense's side needs no reach: "exploded in
    // January", written in October, is this January. Unless it is a day with an occurrence a
    // few weeks away on the other side: "has declared January 2 a day of mourning", written on
    // 30 December, is three days away, not a year back.
    let side = toward.map(|(_, d)| d.signum());
    let near_other_side = (y - 1..=y + 1)
        .filter_map(|c| mid(c).map(days))
        .any(|d| side.is_some_and(|s| d.signum() == -s) && d.abs() <= NEAR_DAYS);
    match toward {
        Some((c, d)) if d.abs() <= reach || c == y && (coarse || !near_other_side) => Some(c),
        _ => nearest,
    }
}

fn same_month(a: Date, b: Date) -> bool {
    a.year() == b.year() && a.month() == b.month()
}

/// The year a partial date belongs to; `None` when nothing says.
fn year_of(
    f: &Frame,
    spec: YearSpec,
    coarse: bool,
    starts_in: impl Fn(i32) -> Option<Date>,
) -> Option<i32> {
    match spec {
        YearSpec::Explicit(y) => Some(y),
        YearSpec::Rel(s) => f.dct.map(|d| i32::from(d.year()) + i32::from(s)),
        YearSpec::That => f.year.or_else(|| f.last.and_then(Cal::year)),
        YearSpec::Occurrence(s) => pick_year(f, starts_in, coarse, Some(s)),
        YearSpec::Open => f.year.or_else(|| pick_year(f, starts_in, coarse, None)),
        YearSpec::OnWeekday(wd) => {
            let open = f.year.or_else(|| pick_year(f, &starts_in, coarse, None));
            on_weekday(f, open, wd, starts_in).or(open)
        }
    }
}

/// The year, among `open` and those around the publication date, in which the date falls on
/// weekday `wd`: `open` if it does, else the one nearest the publication date.
fn on_weekday(
    f: &Frame,
    open: Option<i32>,
    wd: u8,
    starts_in: impl Fn(i32) -> Option<Date>,
) -> Option<i32> {
    let falls = |y: i32| {
        starts_in(y).filter(|d| d.weekday().to_monday_one_offset() == i8::try_from(wd).unwrap_or(0))
    };
    if let Some(y) = open.filter(|&y| falls(y).is_some()) {
        return Some(y);
    }
    let dct = f.dct?;
    let y = i32::from(dct.year());
    (y - 1..=y + 1)
        .filter_map(|c| falls(c).map(|d| (c, (d - dct).get_days().abs())))
        .min_by_key(|&(_, days)| days)
        .map(|(c, _)| c)
}

fn month_day(f: &Frame, spec: YearSpec, month: u8, day: Option<u8>) -> Value {
    let starts = |y: i32| ymd(y, month, day.unwrap_or(1));
    let Some(y) = year_of(f, spec, day.is_none(), starts) else {
        return Value::NoYear { month, day };
    };
    match day {
        Some(d) => {
            ymd(y, month, d).map_or(Value::NoYear { month, day }, |d| Value::Cal(Cal::Day(d)))
        }
        None => Value::Cal(Cal::Month(y, month)),
    }
}

fn year_part(f: &Frame, spec: YearSpec, part: YearPart) -> Value {
    let period = |y: i32| match part {
        YearPart::Whole => Cal::Year(y),
        YearPart::Half(h) => Cal::Half(y, h),
        YearPart::Quarter(q) => Cal::Quarter(y, q),
        YearPart::Season(s) => Cal::Season(y, s),
    };
    let spec = match (spec, part) {
        (YearSpec::Open, YearPart::Quarter(_) | YearPart::Half(_)) => {
            YearSpec::Rel(report_year_shift(f, |y| period(y).first_day()))
        }
        _ => spec,
    };
    match year_of(f, spec, true, |y| period(y).first_day()) {
        Some(y) => Value::Cal(period(y)),
        // Without a publication date: "the first half of this year" is XXXX-H1.
        None => Value::PartOfUnknownYear(period(2000)),
    }
}

/// The year of a quarter or half named without one: the publication year's, unless that one has
/// not begun and the clause does not look ahead; then it is last year's (`fourth-quarter profit
/// fell`, written in January, reports on the quarter just ended).
fn report_year_shift(f: &Frame, starts_in: impl Fn(i32) -> Option<Date>) -> i8 {
    let Some(dct) = f.dct else { return 0 };
    let not_begun = starts_in(i32::from(dct.year())).is_some_and(|s| s > dct);
    if not_begun && f.tense != Some(Tense::Future) {
        -1
    } else {
        0
    }
}

fn weekday(f: &Frame, day: u8, shift: i8, from_text: bool) -> Value {
    if let (0, false, Some(week @ Cal::Week(..))) = (shift, from_text, f.week)
        && let Some(d) = week
            .first_day()
            .and_then(|monday| add_days(monday, i32::from(day) - 1))
    {
        return Value::Cal(Cal::Day(d));
    }
    let anchor = if from_text {
        f.last.and_then(Cal::first_day).or(f.dct)
    } else {
        f.dct
    };
    let Some(dct) = anchor else {
        return Value::NoWeek(day);
    };
    let shift = if from_text && shift == 0 { -1 } else { shift };
    let target = i32::from(day);
    let today = i32::from(dct.weekday().to_monday_one_offset());
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    let offset = match (shift, f.tense) {
        (-1, _) => -(if back == 0 { 7 } else { back }),
        (1, _) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        (_, Some(Tense::Future)) if f.tense_close => ahead,
        _ => -back,
    };
    add_days(dct, offset).map_or(Value::NoWeek(day), |d| Value::Cal(Cal::Day(d)))
}

/// This, last or next unit around the publication date.
fn rel_unit(f: &Frame, unit: Unit, shift: i8) -> Option<Cal> {
    let dct = f.dct?;
    if unit == Unit::Weekend {
        let sat = i32::from(Weekday::Saturday.to_monday_one_offset());
        let today = i32::from(dct.weekday().to_monday_one_offset());
        let offset = match (shift, f.tense) {
            (0, Some(Tense::Future)) => (sat - today).rem_euclid(7),
            (0, _) => -((today - sat).rem_euclid(7)),
            (s, _) => 7 * i32::from(s) - (today - sat).rem_euclid(7),
        };
        return Cal::Day(add_days(dct, offset)?).widen(Unit::Weekend);
    }
    if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second | Unit::Night) {
        return None;
    }
    let step = if unit == Unit::Fortnight { 2 } else { 1 };
    Cal::Day(dct).widen(unit)?.shift(i32::from(shift) * step)
}

/// `n` units after the start of `base`, at the granularity `gran`.
fn move_by(base: Cal, unit: Unit, n: i64, gran: Unit) -> Option<Cal> {
    let start = base.first_day()?;
    let span = match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Night | Unit::Day => {
            jiff::Span::new().try_days(n)
        }
        Unit::Week | Unit::Weekend => jiff::Span::new().try_weeks(n),
        Unit::Fortnight => jiff::Span::new().try_weeks(n * 2),
        Unit::Month => jiff::Span::new().try_months(n),
        Unit::Quarter => jiff::Span::new().try_months(n * 3),
        Unit::Year => jiff::Span::new().try_years(n),
        Unit::Decade => jiff::Span::new().try_years(n * 10),
        Unit::Century => jiff::Span::new().try_years(n * 100),
        Unit::Millennium => jiff::Span::new().try_years(n * 1000),
    }
    .ok()?;
    Cal::Day(start.checked_add(span).ok()?).widen(gran)
}

/// Shifts of this many years or more name a century, not a year.
const CENTURY_SCALE_YEARS: i64 = 1000;

/// The granularity a shift by `n` `unit`s lands on. A text that counts in centuries or
/// millennia ("three centuries ago", "some two thousand years ago") names a century at best: read
/// as a year, "two thousand years ago" in 2005 would be the year 5, a date no event has.
fn granularity(unit: Unit, n: i64) -> Unit {
    let years = match unit {
        Unit::Year => n,
        Unit::Decade => n.saturating_mul(10),
        _ => 0,
    };
    match unit {
        Unit::Century | Unit::Millennium => Unit::Century,
        _ if years >= CENTURY_SCALE_YEARS => Unit::Century,
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Night | Unit::Day => Unit::Day,
        Unit::Week | Unit::Weekend | Unit::Fortnight => Unit::Week,
        Unit::Decade => Unit::Year,
        u => u,
    }
}

/// `two weeks ago`, `a year earlier`, `in three days`.
///
/// TimeML reads an amount counted from an event of the text (`three days later`, `a day
/// earlier`) as the duration between the two, not as a date; only years and longer units keep
/// their date, because news compares with the year-ago period (`up 5% from a year earlier`).
/// A vague amount before or after now (`several years ago`) is the past or the future at large.
fn offset(f: &Frame, halves: Option<u32>, unit: Unit, dir: i8, from_ref: bool) -> Option<Resolved> {
    let as_duration = dir == 0 && f.tense != Some(Tense::Future)
        || from_ref && (unit < Unit::Month || halves.is_none());
    if as_duration {
        let d = Value::Duration(Dur { halves, unit });
        return Some((d, TimexType::Duration));
    }
    let Some(halves) = halves else {
        let p = if dir < 0 {
            RefPoint::Past
        } else {
            RefPoint::Future
        };
        return Some((Value::Ref(p), TimexType::Date));
    };
    let n = i64::from(halves / 2);
    let dir = if dir == 0 { 1 } else { i64::from(dir) };
    let dct = f.dct.map(Cal::Day);
    let (base, gran) = match (from_ref, unit) {
        (true, _) => {
            let base = f.last.or(dct)?;
            let g = granularity(unit, n);
            let finer = g < Unit::Century && base.unit() < g;
            (base, if finer { base.unit() } else { g })
        }
        (false, Unit::Year) if f.quarter.is_some() => (f.quarter?, Unit::Quarter),
        _ => (dct?, granularity(unit, n)),
    };
    let gran = if matches!(base, Cal::DayPart(..) | Cal::Time(..)) && gran < Unit::Day {
        Unit::Day
    } else {
        gran
    };
    let c = move_by(base, unit, dir * n, gran)?;
    Some((Value::Cal(c), TimexType::Date))
}

/// The period under discussion: `the quarter`, `that year`, `the year-ago period`.
fn discussed(f: &Frame, unit: Option<Unit>, years: i8, units: i8) -> Option<Cal> {
    let unit = unit
        .or_else(|| f.quarter.map(|_| Unit::Quarter))
        .or_else(|| f.last.map(Cal::unit))
        .unwrap_or(Unit::Year);
    let dct = f.dct.map(Cal::Day);
    let base = match unit {
        Unit::Quarter => f.quarter.or_else(|| dct?.widen(Unit::Quarter)?.shift(-1))?,
        // The year of a report is the year it is written in, unless the text has set its own;
        // "the following year" counts from the year the text spoke of last.
        Unit::Year => match f.year {
            Some(y) => Cal::Year(y),
            None if units != 0 => f.last.or(dct)?.widen(Unit::Year)?,
            None => dct?.widen(Unit::Year)?,
        },
        // "The month before" a year is no month in particular.
        u if units != 0 && f.last.is_some_and(|c| c.unit() > u) => return None,
        u => f.last.or(dct)?.widen(u)?,
    };
    let base = if units != 0 {
        base.shift(i32::from(units))?
    } else {
        base
    };
    if years == 0 {
        return Some(base);
    }
    move_by(
        base,
        Unit::Year,
        i64::from(years),
        unit.min(Unit::Year).max(Unit::Day),
    )
}

/// "That day", "later in the day" when the text spoke last of something longer than a day. In a
/// month or a year the text names, it is a day of it the text does not (`1998-10-XX`), not the
/// period's first day; after a decade or a century it is the day being told, the publication
/// date. `None` when the text spoke last of a day or a week (the day is that day), or of nothing.
fn day_within(f: &Frame) -> Option<Value> {
    match f.last? {
        Cal::Month(year, m) => Some(Value::DayWithin {
            year,
            month: Some(m),
        }),
        Cal::Year(year) | Cal::Half(year, _) | Cal::Quarter(year, _) | Cal::Season(year, _) => {
            Some(Value::DayWithin { year, month: None })
        }
        Cal::Decade(_) | Cal::Century(_) => f.dct.map(|d| Value::Cal(Cal::Day(d))),
        Cal::Week(..) | Cal::Weekend(..) | Cal::Day(_) | Cal::DayPart(..) | Cal::Time(..) => None,
    }
}

/// The period a report is about: its quarter (in `year`, when given), else the year, else the
/// last quarter completed.
fn period(f: &Frame, year: Option<i32>) -> Option<Cal> {
    match (f.quarter, year) {
        (Some(Cal::Quarter(_, q)), Some(y)) => Some(Cal::Quarter(y, q)),
        (Some(q), None) => Some(q),
        (_, Some(y)) => Some(Cal::Year(y)),
        (None, None) => Cal::Day(f.dct?).widen(Unit::Quarter)?.shift(-1),
    }
}

/// The day a holiday falls on in year `y`.
fn holiday_in(h: Holiday, y: i32) -> Option<Date> {
    let nth_weekday = |month: u8, weekday: Weekday, n: i32| -> Option<Date> {
        let first = ymd(y, month, 1)?;
        let wanted = i32::from(weekday.to_monday_one_offset());
        let have = i32::from(first.weekday().to_monday_one_offset());
        add_days(first, (wanted - have).rem_euclid(7) + 7 * (n - 1))
    };
    match h {
        Holiday::Christmas => ymd(y, 12, 25),
        Holiday::ChristmasEve => ymd(y, 12, 24),
        Holiday::Halloween => ymd(y, 10, 31),
        Holiday::NewYear => ymd(y, 1, 1),
        Holiday::NewYearsEve => ymd(y, 12, 31),
        Holiday::Independence => ymd(y, 7, 4),
        Holiday::Thanksgiving => nth_weekday(11, Weekday::Thursday, 4),
        Holiday::Labor => nth_weekday(9, Weekday::Monday, 1),
        Holiday::Memorial => add_days(nth_weekday(6, Weekday::Monday, 1)?, -7),
        Holiday::Election => add_days(nth_weekday(11, Weekday::Monday, 1)?, 1),
        Holiday::Easter => easter(y),
    }
}

/// Easter Sunday by the anonymous Gregorian computus.
fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    ymd(y, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

fn holiday_value(f: &Frame, h: Holiday, spec: YearSpec) -> Value {
    if let Some(d) = year_of(f, spec, false, |y| holiday_in(h, y)).and_then(|y| holiday_in(h, y)) {
        return Value::Cal(Cal::Day(d));
    }
    // No year: the day when the holiday keeps one (`XXXX-12-25`), else its month (`XXXX-11`).
    let day_in = |y| holiday_in(h, y).map(|d| (d.month() as u8, d.day() as u8));
    match (day_in(2001), day_in(2002)) {
        (Some((month, a)), Some((_, b))) => Value::NoYear {
            month,
            day: (a == b).then_some(a),
        },
        _ => Value::Ref(super::lexicon::RefPoint::Present),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(tense: Option<Tense>) -> Frame {
        Frame {
            dct: ymd(2020, 7, 6),
            tense,
            tense_close: true,
            ..Frame::default()
        }
    }

    fn value(e: Expr, f: &Frame) -> String {
        resolve(&e, f)
            .map(|(v, _)| v.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn month_days_follow_the_tense() {
        let md = |month, day| Expr::MonthDay {
            year: YearSpec::Open,
            month,
            day: Some(day),
        };
        assert_eq!(value(md(7, 4), &frame(Some(Tense::Past))), "2020-07-04");
        assert_eq!(value(md(11, 28), &frame(Some(Tense::Past))), "2019-11-28");
        assert_eq!(value(md(3, 18), &frame(Some(Tense::Future))), "2021-03-18");
        assert_eq!(value(md(3, 18), &Frame::default()), "XXXX-03-18");
    }

    #[test]
    fn weekdays_and_offsets() {
        assert_eq!(
            value(
                Expr::Weekday {
                    day: 2,
                    shift: -1,
                    from_text: false
                },
                &frame(None)
            ),
            "2020-06-30"
        );
        assert_eq!(
            value(
                Expr::Weekday {
                    day: 5,
                    shift: 0,
                    from_text: false
                },
                &frame(Some(Tense::Future))
            ),
            "2020-07-10"
        );
        assert_eq!(
            value(
                Expr::Weekday {
                    day: 5,
                    shift: 0,
                    from_text: false
                },
                &frame(Some(Tense::Past))
            ),
            "2020-07-03"
        );
        let ago = Expr::Offset {
            halves: Some(4),
            unit: Unit::Week,
            dir: -1,
            from_ref: false,
        };
        assert_eq!(value(ago, &frame(None)), "2020-W26");
        assert_eq!(holiday_in(Holiday::Thanksgiving, 1999), ymd(1999, 11, 25));
        assert_eq!(holiday_in(Holiday::Election, 1998), ymd(1998, 11, 3));
        assert_eq!(easter(2000), ymd(2000, 4, 23));
    }
}
