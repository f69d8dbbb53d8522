//! How precisely a TimeML date value pins down when something happened.
//!
//! An event dated "in 2005" and one dated "on 17 March 2005" both need a day wherever a table
//! wants one (GDELT's SQLDATE); the precision travels with the date so that no reader takes the
//! first for 1 January.

use jiff::civil::{Date, ISOWeekDate, Weekday};
use serde::{Deserialize, Serialize};

/// The precision of a date value, finest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// A calendar day (`2019-02-28`).
    Day,
    /// An ISO week or its weekend (`2019-W09`, `2019-W09-WE`).
    Week,
    /// A calendar month (`2019-02`).
    Month,
    /// A season, quarter or half of a year (`2019-SU`, `2019-Q1`, `2019-H2`).
    Season,
    /// A year (`2019`, `2019-XX`).
    Year,
    /// A decade or a century (`201`, `19`).
    Decade,
    /// No calendar time: no date, `PRESENT_REF`, a date without its year (`XXXX-03-18`).
    #[default]
    None,
}

impl DatePrecision {
    /// Every precision, finest first.
    pub const ALL: [DatePrecision; 7] = [
        DatePrecision::Day,
        DatePrecision::Week,
        DatePrecision::Month,
        DatePrecision::Season,
        DatePrecision::Year,
        DatePrecision::Decade,
        DatePrecision::None,
    ];

    /// The name the contract, the store and the exports write (`day`, `month`, `none`).
    pub fn name(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Season => "season",
            DatePrecision::Year => "year",
            DatePrecision::Decade => "decade",
            DatePrecision::None => "none",
        }
    }

    /// The precision of the TimeML date value `value`.
    pub fn of(value: &str) -> DatePrecision {
        Self::parse(value).unwrap_or(DatePrecision::None)
    }

    fn parse(value: &str) -> Option<DatePrecision> {
        let mut parts = value.split('-');
        let head = parts.next()?;
        let Some(year) = digits(head, 4) else {
            let decade = matches!(head.len(), 2 | 3) && digits(head, head.len()).is_some();
            return (decade && value.len() == head.len()).then_some(DatePrecision::Decade);
        };
        let Some(second) = parts.next() else {
            return Some(DatePrecision::Year);
        };
        let third = parts.next();
        if let Some(week) = second.strip_prefix('W') {
            let week = i8::try_from(digits(week, 2)?).ok()?;
            ISOWeekDate::new(year, week, Weekday::Thursday).ok()?;
            return Some(DatePrecision::Week);
        }
        let Some(month) = digits(second, 2) else {
            // `XX`: a month not known is the year's; `SU`, `Q3`, `H2`: a part of the year.
            return Some(if second.starts_with('X') {
                DatePrecision::Year
            } else {
                DatePrecision::Season
            });
        };
        let month = i8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        match third.and_then(|d| digits(d, 2)) {
            Some(day) => {
                Date::new(year, month, i8::try_from(day).ok()?).ok()?;
                Some(DatePrecision::Day)
            }
            None => Some(DatePrecision::Month),
        }
    }
}

/// `s` as a number when it is exactly `len` ASCII digits.
fn digits(s: &str, len: usize) -> Option<i16> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precisions_name_what_a_value_pins_down() {
        for (v, p) in [
            ("2019-02-28", "day"),
            ("2019-W09", "week"),
            ("1997-W13-WE", "week"),
            ("2019-02", "month"),
            ("1917-06-XX", "month"),
            ("2019-SU", "season"),
            ("2019-Q3", "season"),
            ("2019-H2", "season"),
            ("2019", "year"),
            ("2019-XX", "year"),
            ("1917-XX-XX", "year"),
            ("201", "decade"),
            ("20", "decade"),
            ("", "none"),
            ("PRESENT_REF", "none"),
            ("XXXX-03-18", "none"),
            ("2019-02-30", "none"),
            ("2019-13", "none"),
            ("2019-W60", "none"),
        ] {
            assert_eq!(DatePrecision::of(v).name(), p, "{v}");
            let json = serde_json::to_string(&DatePrecision::of(v)).unwrap();
            assert_eq!(json, format!("\"{p}\""));
        }
    }
}
