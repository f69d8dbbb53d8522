//! Timeline periods: the week, month or year an event's date falls in.
//!
//! Event dates are TimeML values of every precision: a day (`2019-02-28`), an ISO week
//! (`2019-W09`), a month (`2019-02`), a season, quarter or half (`2019-SU`, `2019-Q1`,
//! `2019-H2`), a year (`2019`). A timeline row counts an event only when the event's date is at
//! least as precise as the row: a meeting dated "in February" belongs to 2019-02 and to 2019, but
//! to no week. Putting it in the month's first week instead would draw a spike that never
//! happened.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, ISOWeekDate, Weekday};

/// How long one timeline row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// ISO weeks, `2019-W09`.
    #[default]
    Week,
    /// Calendar months, `2019-02`.
    Month,
    /// Calendar years, `2019`.
    Year,
}

impl Period {
    /// The period's name, as the timeline's first column and the `--by` option spell it.
    pub fn name(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            _ => Err(format!("{s:?}: expected week, month or year")),
        }
    }
}

/// What a date value pins down, as far as timelines care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    Day(Date),
    /// An ISO week, by its Thursday (the day ISO uses to give a week its year).
    Week(Date),
    Month {
        year: i16,
        month: i8,
    },
    /// A year or a part of one coarser than a month: a season, a quarter, a half.
    Year(i16),
}

/// How precisely an event's date pins down when it happened: a column of the store, the API and
/// every export (the contract's own type).
pub use chronicle_core::DatePrecision as Precision;

/// The same rule as [`Precision::of`] in SQL over a column `day`, for the migration that fills
/// the column of events stored before it existed (a test checks that the two agree).
pub(crate) const PRECISION_SQL: &str = "CASE \
    WHEN day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' \
         AND date(day) IS NOT NULL AND date(day) = day THEN 'day' \
    WHEN (day GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' \
          OR day GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]-*') \
         AND CAST(substr(day, 7, 2) AS INTEGER) BETWEEN 1 AND 53 THEN 'week' \
    WHEN (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' \
          OR day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-XX') \
         AND CAST(substr(day, 6, 2) AS INTEGER) BETWEEN 1 AND 12 THEN 'month' \
    WHEN day GLOB '[0-9][0-9][0-9][0-9]-X*' THEN 'year' \
    WHEN day GLOB '[0-9][0-9][0-9][0-9]-[A-Z]*' AND substr(day, 6, 1) <> 'W' THEN 'season' \
    WHEN day GLOB '[0-9][0-9][0-9][0-9]' THEN 'year' \
    WHEN day GLOB '[0-9][0-9]' OR day GLOB '[0-9][0-9][0-9]' THEN 'decade' \
    ELSE 'none' END";

/// The row of a `period` timeline that the date `value` falls in: `None` when the value is
/// coarser than the period (a month in a weekly timeline) or names no calendar time at all
/// (`PRESENT_REF`, a decade).
pub fn row_of(value: &str, period: Period) -> Option<String> {
    let span = span_of(value)?;
    match (period, span) {
        (Period::Week, Span::Day(d) | Span::Week(d)) => Some(iso_week(d)),
        (Period::Week, _) => None,
        (Period::Month, Span::Day(d) | Span::Week(d)) => Some(month(d.year(), d.month())),
        (Period::Month, Span::Month { year, month: m }) => Some(month(year, m)),
        (Period::Month, Span::Year(_)) => None,
        (Period::Year, Span::Day(d) | Span::Week(d)) => Some(format!("{:04}", d.year())),
        (Period::Year, Span::Month { year, .. } | Span::Year(year)) => Some(format!("{year:04}")),
    }
}

/// The ISO week of a day, `2019-W09` (1 January 2021 is in 2020-W53, as ISO says).
fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn month(year: i16, month: i8) -> String {
    format!("{year:04}-{month:02}")
}

fn span_of(value: &str) -> Option<Span> {
    let mut parts = value.split('-');
    let year = digits(parts.next()?, 4)?;
    let Some(second) = parts.next() else {
        return Some(Span::Year(year));
    };
    let third = parts.next();
    if let Some(week) = second.strip_prefix('W') {
        let week = digits(week, 2)? as i8;
        let thursday = ISOWeekDate::new(year, week, Weekday::Thursday).ok()?;
        return Some(Span::Week(thursday.date()));
    }
    let Some(m) = digits(second, 2) else {
        // A season, quarter or half (`SU`, `Q3`, `H2`) or an unknown month (`XX`).
        return Some(Span::Year(year));
    };
    let m = i8::try_from(m).ok().filter(|m| (1..=12).contains(m))?;
    match third.and_then(|d| digits(d, 2)) {
        Some(d) => Date::new(year, m, i8::try_from(d).ok()?)
            .ok()
            .map(Span::Day),
        None => Some(Span::Month { year, month: m }),
    }
}

/// `s` as a number when it is exactly `len` ASCII digits: a TimeML value's year, month or day.
pub(crate) fn digits(s: &str, len: usize) -> Option<i16> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(value: &str) -> [Option<String>; 3] {
        [Period::Week, Period::Month, Period::Year].map(|p| row_of(value, p))
    }

    fn some(a: &str, b: &str, c: &str) -> [Option<String>; 3] {
        [a, b, c].map(|s| (!s.is_empty()).then(|| s.to_string()))
    }

    #[test]
    fn a_day_is_in_its_week_month_and_year() {
        assert_eq!(rows("2019-02-28"), some("2019-W09", "2019-02", "2019"));
        // ISO gives 1 January 2021 to 2020's last week; its month and year stay 2021's.
        assert_eq!(rows("2021-01-01"), some("2020-W53", "2021-01", "2021"));
    }

    #[test]
    fn a_month_is_in_no_week() {
        assert_eq!(rows("2019-02"), some("", "2019-02", "2019"));
        assert_eq!(rows("2019"), some("", "", "2019"));
    }

    #[test]
    fn weeks_seasons_and_quarters_find_their_rows() {
        assert_eq!(rows("2020-W27"), some("2020-W27", "2020-07", "2020"));
        // 2020-W53 runs from 28 December 2020 to 3 January 2021: its Thursday is 31 December.
        assert_eq!(rows("2020-W53"), some("2020-W53", "2020-12", "2020"));
        assert_eq!(rows("2019-SU"), some("", "", "2019"));
        assert_eq!(rows("2019-Q3"), some("", "", "2019"));
        assert_eq!(rows("2019-H2"), some("", "", "2019"));
    }

    #[test]
    fn values_without_a_calendar_time_are_in_no_row() {
        for v in [
            "PRESENT_REF",
            "199",
            "",
            "2019-13",
            "2019-02-30",
            "2019-W60",
            "XXXX-03-18",
        ] {
            assert_eq!(rows(v), [None, None, None], "{v}");
        }
    }

    #[test]
    fn the_migrations_sql_agrees_with_the_rust_rule() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let sql = format!("SELECT {PRECISION_SQL} FROM (SELECT ?1 AS day)");
        for v in [
            "2019-02-28",
            "2019-W09",
            "2019-W60",
            "2019-02",
            "2019-13",
            "2019-SU",
            "2019-Q3",
            "2019-H2",
            "2019",
            "201",
            "20",
            "",
            "PRESENT_REF",
            "XXXX-03-18",
            "2019-02-30",
            "2020-W53",
            "2019-XX",
            "1997-W13-WE",
            "1917-XX-XX",
            "1917-06-XX",
        ] {
            let got: String = conn.query_row(&sql, [v], |r| r.get(0)).unwrap();
            assert_eq!(got, Precision::of(v).name(), "{v}");
        }
    }

    #[test]
    fn periods_parse_from_their_names() {
        for p in [Period::Week, Period::Month, Period::Year] {
            assert_eq!(p.name().parse::<Period>(), Ok(p));
        }
        assert!(
            "day"
                .parse::<Period>()
                .unwrap_err()
                .contains("week, month or year")
        );
    }
}
