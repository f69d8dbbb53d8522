//! Publication dates in page furniture: "Published: June 12, 2018", "Updated 3:45 PM EDT, Tue
//! March 3, 2020", "By Jane Smith | 12 June 2018", "2018-06-12".

use chronicle_core::calendar::month_number;
use jiff::civil::Date;

/// What a date line says about the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLine {
    /// First publication ("Published", "Posted", or an unlabelled date).
    Published(Date),
    /// A later revision ("Updated", "Last modified").
    Updated(Date),
}

/// Longest line that can be a date line.
const MAX_WORDS: usize = 16;

/// Reads a short furniture line that gives a date; `None` for prose or lines without a full date.
pub fn parse_date_line(line: &str) -> Option<DateLine> {
    // Every full date has a number in it; most lines have none and stop here.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() || words.len() > MAX_WORDS {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    let labelled = [
        "published",
        "posted",
        "updated",
        "modified",
        "date:",
        "first published",
        "last updated",
    ]
    .iter()
    .any(|l| lower.starts_with(l));
    let byline = lower.starts_with("by ");
    let date = find_date(&words)?;
    // An unlabelled line must be mostly the date itself (and a time, a weekday, a zone), not a
    // sentence that mentions one.
    if !labelled && !byline && (words.len() > 12 || line.trim_end().ends_with('.')) {
        return None;
    }
    if lower.starts_with("updated")
        || lower.starts_with("last updated")
        || lower.starts_with("modified")
    {
        Some(DateLine::Updated(date))
    } else {
        Some(DateLine::Published(date))
    }
}

/// The first full date among `words`: month-name forms or ISO.
fn find_date(words: &[&str]) -> Option<Date> {
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = iso_date(w) {
            return Some(d);
        }
        let Some(month) = month_number(w.trim_end_matches('.')) else {
            continue;
        };
        // Month Day Year: "June 12, 2018", "Jun. 12 2018".
        if let (Some(day), Some(year)) = (
            words.get(i + 1).and_then(|w| day_number(w)),
            words.get(i + 2).and_then(|w| year_number(w)),
        ) && let Ok(d) = Date::new(year, month, day)
        {
            return Some(d);
        }
        // Day Month Year: "12 June 2018".
        if i > 0
            && let (Some(day), Some(year)) = (
                day_number(words[i - 1]),
                words.get(i + 1).and_then(|w| year_number(w)),
            )
            && let Ok(d) = Date::new(year, month, day)
        {
            return Some(d);
        }
    }
    None
}

fn iso_date(word: &str) -> Option<Date> {
    let head = word.get(..10)?;
    let b = head.as_bytes();
    (b[4] == b'-' && b[7] == b'-')
        .then(|| head.parse().ok())
        .flatten()
}

fn day_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let n: i8 = w.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn year_number(word: &str) -> Option<i16> {
    let n: i16 = word.trim_end_matches('.').parse().ok()?;
    (1900..=2100).contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn date_lines_in_their_news_forms() {
        let p = |s| parse_date_line(s);
        assert_eq!(
            p("Published: June 12, 2018"),
            Some(DateLine::Published(date(2018, 6, 12)))
        );
        assert_eq!(
            p("Updated 3:45 PM EDT, Tue March 3, 2020"),
            Some(DateLine::Updated(date(2020, 3, 3)))
        );
        assert_eq!(
            p("By Jane Smith | 12 June 2018"),
            Some(DateLine::Published(date(2018, 6, 12)))
        );
        assert_eq!(
            p("2018-06-12T09:00:00Z"),
            Some(DateLine::Published(date(2018, 6, 12)))
        );
        assert_eq!(
            p("Sept. 11, 2001"),
            Some(DateLine::Published(date(2001, 9, 11)))
        );
        assert_eq!(
            p("March 22, 2021 / 12:47 PM / Updated an hour ago"),
            Some(DateLine::Published(date(2021, 3, 22)))
        );
        assert_eq!(
            p("First Published: Aug 15, 2021, 11:02 PM IST"),
            Some(DateLine::Published(date(2021, 8, 15)))
        );
    }

    #[test]
    fn prose_with_a_date_is_not_a_date_line() {
        assert_eq!(
            p_none(
                "The summit on June 12, 2018 in Singapore ended with a joint statement signed by both leaders."
            ),
            None
        );
        assert_eq!(p_none("June 31, 2018"), None);
    }

    fn p_none(s: &str) -> Option<DateLine> {
        parse_date_line(s)
    }
}
