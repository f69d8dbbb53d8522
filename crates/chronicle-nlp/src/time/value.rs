//! TIMEX3 values as typed data: calendar periods, durations, sets and reference points, with the
//! arithmetic the resolver needs (shift by a unit, widen to a coarser period) and their TIMEX3 text.

use std::fmt;

use jiff::civil::{Date, ISOWeekDate, Weekday};

use super::lexicon::{DayPart, RefPoint, Season, Unit};

/// A calendar period with a known year, at some granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cal {
    /// A century by its first two digits: `19` is the 1900s.
    Century(i32),
    /// A decade by its first three digits: `199` is the 1990s.
    Decade(i32),
    Year(i32),
    /// Half of a year, 1 or 2.
    Half(i32, u8),
    /// Quarter of a year, 1 to 4.
    Quarter(i32, u8),
    Season(i32, Season),
    Month(i32, u8),
    /// An ISO week: ISO year and week number.
    Week(i32, u8),
    /// The weekend of an ISO week.
    Weekend(i32, u8),
    Day(Date),
    DayPart(Date, DayPart),
    /// A clock time on a day: hour (0-24) and minute.
    Time(Date, u8, u8),
}

/// A duration: an amount (in halves, so that `2 1/2 years` is exact) of a unit, or an open amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dur {
    /// Twice the amount; `None` for "several", "few", "years".
    pub halves: Option<u32>,
    pub unit: Unit,
}

/// A TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Cal(Cal),
    /// A month, and maybe a day, of a year the text does not give: `XXXX-03-18`.
    NoYear {
        month: u8,
        day: Option<u8>,
    },
    /// A period of a year the text does not give: `XXXX-H1`, `XXXX-Q3`, `XXXX-SU` (the year in
    /// the period is a placeholder, never printed).
    PartOfUnknownYear(Cal),
    /// A weekday of an unknown week: `XXXX-WXX-5`.
    NoWeek(u8),
    /// A day the text does not name within a month or a year it does: "that same day" after
    /// "in October 1998" is `1998-10-XX`, not the month's first day.
    DayWithin {
        year: i32,
        month: Option<u8>,
    },
    /// A part of day of an unknown day: `XXXX-XX-XXTMO`.
    NoDay(DayPart),
    /// A clock time of an unknown day: `XXXX-XX-XXT14:30`.
    Clock(u8, u8),
    Ref(RefPoint),
    Duration(Dur),
    /// A set: every Friday, daily. The value of one member (a period or a duration).
    Set(Box<Value>),
    /// A set of a part of day on a weekday: `Tuesday nights`.
    SetWeekdayPart(u8, DayPart),
}

impl Cal {
    /// The first day of the period, when it has one.
    pub fn first_day(self) -> Option<Date> {
        let ymd = |y: i32, m: u8| Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, 1).ok();
        match self {
            Cal::Century(c) => ymd(c.checked_mul(100)?, 1),
            Cal::Decade(d) => ymd(d.checked_mul(10)?, 1),
            Cal::Year(y) => ymd(y, 1),
            Cal::Half(y, h) => ymd(y, (h.saturating_sub(1)) * 6 + 1),
            Cal::Quarter(y, q) => ymd(y, (q.saturating_sub(1)) * 3 + 1),
            Cal::Season(y, s) => ymd(y, season_start(s)),
            Cal::Month(y, m) => ymd(y, m),
            Cal::Week(y, w) | Cal::Weekend(y, w) => week_monday(y, w),
            Cal::Day(d) | Cal::DayPart(d, _) | Cal::Time(d, _, _) => Some(d),
        }
    }

    /// The year the period starts in.
    pub fn year(self) -> Option<i32> {
        match self {
            Cal::Century(_) | Cal::Decade(_) => None,
            Cal::Year(y)
            | Cal::Half(y, _)
            | Cal::Quarter(y, _)
            | Cal::Season(y, _)
            | Cal::Month(y, _) => Some(y),
            _ => self.first_day().map(|d| i32::from(d.year())),
        }
    }

    /// The unit this period is one of.
    pub fn unit(self) -> Unit {
        match self {
            Cal::Century(_) => Unit::Century,
            Cal::Decade(_) => Unit::Decade,
            Cal::Year(_) => Unit::Year,
            Cal::Half(..) | Cal::Season(..) | Cal::Quarter(..) => Unit::Quarter,
            Cal::Month(..) => Unit::Month,
            Cal::Week(..) | Cal::Weekend(..) => Unit::Week,
            Cal::Day(_) => Unit::Day,
            Cal::DayPart(..) | Cal::Time(..) => Unit::Hour,
        }
    }

    /// The same period `n` of its own units later (earlier when negative).
    pub fn shift(self, n: i32) -> Option<Cal> {
        Some(match self {
            Cal::Century(c) => Cal::Century(c.checked_add(n)?),
            Cal::Decade(d) => Cal::Decade(d.checked_add(n)?),
            Cal::Year(y) => Cal::Year(y.checked_add(n)?),
            Cal::Season(y, s) => Cal::Season(y.checked_add(n)?, s),
            Cal::Half(y, h) => {
                let k = (y * 2 + i32::from(h) - 1).checked_add(n)?;
                Cal::Half(k.div_euclid(2), (k.rem_euclid(2) + 1) as u8)
            }
            Cal::Quarter(y, q) => {
                let k = (y * 4 + i32::from(q) - 1).checked_add(n)?;
                Cal::Quarter(k.div_euclid(4), (k.rem_euclid(4) + 1) as u8)
            }
            Cal::Month(y, m) => {
                let k = (y * 12 + i32::from(m) - 1).checked_add(n)?;
                Cal::Month(k.div_euclid(12), (k.rem_euclid(12) + 1) as u8)
            }
            Cal::Week(..) | Cal::Weekend(..) => {
                let monday = add_days(self.first_day()?, n.checked_mul(7)?)?;
                let (y, w) = iso_week(monday);
                match self {
                    Cal::Weekend(..) => Cal::Weekend(y, w),
                    _ => Cal::Week(y, w),
                }
            }
            Cal::Day(d) => Cal::Day(add_days(d, n)?),
            Cal::DayPart(d, p) => Cal::DayPart(add_days(d, n)?, p),
            Cal::Time(d, h, m) => Cal::Time(add_days(d, n)?, h, m),
        })
    }

    /// The period of granularity `unit` that contains this one's first day.
    pub fn widen(self, unit: Unit) -> Option<Cal> {
        let d = self.first_day()?;
        let y = i32::from(d.year());
        let m = d.month() as u8;
        Some(match unit {
            Unit::Millennium | Unit::Century => Cal::Century(y.div_euclid(100)),
            Unit::Decade => Cal::Decade(y.div_euclid(10)),
            Unit::Year => Cal::Year(y),
            Unit::Quarter => Cal::Quarter(y, (m - 1) / 3 + 1),
            Unit::Month => Cal::Month(y, m),
            Unit::Week | Unit::Fortnight => {
                let (wy, w) = iso_week(d);
                Cal::Week(wy, w)
            }
            Unit::Weekend => {
                let (wy, w) = iso_week(d);
                Cal::Weekend(wy, w)
            }
            Unit::Day | Unit::Night | Unit::Hour | Unit::Minute | Unit::Second => Cal::Day(d),
        })
    }
}

/// The month a season starts in (northern hemisphere).
fn season_start(s: Season) -> u8 {
    match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Fall => 9,
        Season::Winter => 12,
    }
}

/// `d` plus `n` days, or `None` outside jiff's range.
pub fn add_days(d: Date, n: i32) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(i64::from(n)).ok()?)
        .ok()
}

/// ISO year and week of a day.
pub fn iso_week(d: Date) -> (i32, u8) {
    let w = d.iso_week_date();
    (i32::from(w.year()), w.week() as u8)
}

/// The Monday of an ISO week.
pub fn week_monday(y: i32, w: u8) -> Option<Date> {
    let w = ISOWeekDate::new(
        i16::try_from(y).ok()?,
        i8::try_from(w).ok()?,
        Weekday::Monday,
    )
    .ok()?;
    Some(w.date())
}

/// A day from year, month and day, if it exists.
pub fn ymd(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn season_code(s: Season) -> &'static str {
    match s {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Fall => "FA",
        Season::Winter => "WI",
    }
}

fn part_code(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "MO",
        DayPart::Afternoon => "AF",
        DayPart::Evening => "EV",
        DayPart::Night => "NI",
    }
}

impl fmt::Display for Cal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Cal::Century(c) => write!(f, "{c:02}"),
            Cal::Decade(d) => write!(f, "{d:03}"),
            Cal::Year(y) => write!(f, "{y:04}"),
            Cal::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Cal::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Cal::Season(y, s) => write!(f, "{y:04}-{}", season_code(s)),
            Cal::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Cal::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            Cal::Weekend(y, w) => write!(f, "{y:04}-W{w:02}-WE"),
            Cal::Day(d) => write!(f, "{d}"),
            Cal::DayPart(d, p) => write!(f, "{d}T{}", part_code(p)),
            Cal::Time(d, h, m) => write!(f, "{d}T{h:02}:{m:02}"),
        }
    }
}

impl fmt::Display for Dur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (letter, clock, half) = match self.unit {
            Unit::Second => ("S", true, None),
            Unit::Minute => ("M", true, Some("30S")),
            Unit::Hour => ("H", true, Some("30M")),
            Unit::Day | Unit::Night => ("D", false, Some("T12H")),
            Unit::Weekend => ("WE", false, None),
            Unit::Week => ("W", false, None),
            Unit::Fortnight => ("W", false, None),
            Unit::Month => ("M", false, Some("15D")),
            Unit::Quarter => ("Q", false, None),
            Unit::Year => ("Y", false, Some("6M")),
            Unit::Decade => ("E", false, None),
            Unit::Century => ("C", false, None),
            Unit::Millennium => ("L", false, None),
        };
        f.write_str(if clock { "PT" } else { "P" })?;
        let Some(halves) = self.halves else {
            return write!(f, "X{letter}");
        };
        let mut whole = halves / 2;
        let mut letter = letter;
        match self.unit {
            Unit::Fortnight => whole *= 2,
            Unit::Decade => (whole, letter) = (whole * 10, "Y"),
            Unit::Century => (whole, letter) = (whole * 100, "Y"),
            _ => {}
        }
        write!(f, "{whole}{letter}")?;
        match half {
            Some(h) if halves % 2 == 1 => f.write_str(h),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Cal(c) => c.fmt(f),
            Value::NoYear { month, day: None } => write!(f, "XXXX-{month:02}"),
            Value::NoYear {
                month,
                day: Some(d),
            } => write!(f, "XXXX-{month:02}-{d:02}"),
            Value::NoWeek(w) => write!(f, "XXXX-WXX-{w}"),
            Value::PartOfUnknownYear(c) => {
                let known = c.to_string();
                write!(f, "XXXX{}", known.get(4..).unwrap_or(""))
            }
            Value::DayWithin {
                year,
                month: Some(m),
            } => write!(f, "{year:04}-{m:02}-XX"),
            Value::DayWithin { year, month: None } => write!(f, "{year:04}-XX-XX"),
            Value::NoDay(p) => write!(f, "XXXX-XX-XXT{}", part_code(*p)),
            Value::Clock(h, m) => write!(f, "XXXX-XX-XXT{h:02}:{m:02}"),
            Value::Ref(RefPoint::Present) => f.write_str("PRESENT_REF"),
            Value::Ref(RefPoint::Past) => f.write_str("PAST_REF"),
            Value::Ref(RefPoint::Future) => f.write_str("FUTURE_REF"),
            Value::Duration(d) => d.fmt(f),
            Value::Set(v) => v.fmt(f),
            Value::SetWeekdayPart(w, p) => write!(f, "XXXX-WXX-{w}T{}", part_code(*p)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_timex3_values() {
        let d = ymd(2020, 7, 6).unwrap();
        assert_eq!(Cal::Decade(199).to_string(), "199");
        assert_eq!(Cal::Half(2019, 2).to_string(), "2019-H2");
        assert_eq!(Cal::Time(d, 14, 30).to_string(), "2020-07-06T14:30");
        assert_eq!(Cal::Season(2020, Season::Summer).to_string(), "2020-SU");
        let dur = |halves, unit| Dur { halves, unit }.to_string();
        assert_eq!(dur(Some(6), Unit::Week), "P3W");
        assert_eq!(dur(Some(48), Unit::Hour), "PT24H");
        assert_eq!(dur(Some(5), Unit::Year), "P2Y6M");
        assert_eq!(dur(None, Unit::Day), "PXD");
        assert_eq!(dur(Some(4), Unit::Decade), "P20Y");
        assert_eq!(
            Value::NoYear {
                month: 3,
                day: Some(18)
            }
            .to_string(),
            "XXXX-03-18"
        );
    }

    #[test]
    fn shifts_and_widens_periods() {
        let d = ymd(2020, 7, 6).unwrap();
        assert_eq!(Cal::Quarter(2020, 1).shift(-1), Some(Cal::Quarter(2019, 4)));
        assert_eq!(Cal::Month(2020, 1).shift(-2), Some(Cal::Month(2019, 11)));
        assert_eq!(Cal::Day(d).widen(Unit::Week), Some(Cal::Week(2020, 28)));
        assert_eq!(Cal::Week(2020, 1).shift(-1), Some(Cal::Week(2019, 52)));
        assert_eq!(
            Cal::Day(d).widen(Unit::Quarter),
            Some(Cal::Quarter(2020, 3))
        );
    }
}
