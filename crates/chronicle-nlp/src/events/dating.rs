//! The date and temporal context of an event: its clause's own time expression, else a time the
//! clause points back to ("at that summit", "then"), else the year its paragraph is anchored in,
//! else the story's news peg (the lead's day within the story's week), else the story date.

use chronicle_core::{Article, DateBasis, TimexType};
use jiff::ToSpan;
use jiff::civil::Date;

/// A time expression of the article in byte offsets, with the days it covers.
#[derive(Debug, Clone)]
pub struct Dated {
    pub start: u32,
    pub end: u32,
    pub value: String,
    pub first: Date,
    pub last: Date,
    pub paragraph: usize,
    /// The text spells a year out ("2019", "February 2019"): it can anchor its paragraph.
    pub explicit_year: bool,
    /// The date modifies a noun ("the 2018 Singapore summit"): it dates that thing, not the
    /// clause it stands in.
    pub attributive: bool,
}

/// The article's datable expressions and paragraphs, prepared once per article.
#[derive(Debug, Default)]
pub struct Timeline {
    pub dates: Vec<Dated>,
    /// Byte offsets where paragraphs start.
    pub paragraphs: Vec<u32>,
    pub published: Option<Date>,
    /// The news peg: the first day-precise date within the week before publication.
    pub peg: Option<usize>,
}

/// An event's date, its basis and whether it lies before the story's week or after its day.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDate {
    pub value: Option<String>,
    pub basis: DateBasis,
    pub historical: bool,
    pub future: bool,
}

impl Timeline {
    /// Reads `article.dates` (character offsets) into byte offsets with day ranges.
    pub fn new(article: &Article) -> Self {
        let body = article.body.as_bytes();
        let mut paragraphs = vec![0u32];
        let mut i = 0;
        while i + 1 < body.len() {
            if body[i] == b'\n'
                && body[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_whitespace())
                    .any(|&b| b == b'\n')
            {
                let next = i
                    + 1
                    + body[i + 1..]
                        .iter()
                        .take_while(|b| b.is_ascii_whitespace())
                        .count();
                paragraphs.push(next as u32);
                i = next;
            } else {
                i += 1;
            }
        }
        let index = &article.analysis.index;
        let mut dates = Vec::new();
        for d in &article.dates {
            if !matches!(d.kind, TimexType::Date | TimexType::Time) {
                continue;
            }
            let Some((first, last)) = day_range(&d.value) else {
                continue;
            };
            if implausible(first, article.published) {
                continue;
            }
            let (start, end) = (index.byte_of(d.start) as u32, index.byte_of(d.end) as u32);
            let paragraph = paragraphs
                .partition_point(|&p| p <= start)
                .saturating_sub(1);
            let value = if d.kind == TimexType::Time {
                d.value.chars().take(10).collect()
            } else {
                d.value.clone()
            };
            let explicit_year = d
                .text
                .as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit));
            dates.push(Dated {
                start,
                end,
                value,
                first,
                last,
                paragraph,
                explicit_year,
                attributive: attributive(&article.body, start as usize, end as usize),
            });
        }
        let published = article.published;
        let peg = published.and_then(|p| {
            let week = p.checked_sub(7.days()).ok()?;
            dates
                .iter()
                .position(|d| d.first == d.last && d.first >= week && d.first <= p)
        });
        Timeline {
            dates,
            paragraphs,
            published,
            peg,
        }
    }

    /// The paragraph holding byte `at`.
    pub fn paragraph_of(&self, at: u32) -> usize {
        self.paragraphs
            .partition_point(|&p| p <= at)
            .saturating_sub(1)
    }

    /// Dates an event whose clause spans bytes `clause` with its verb at byte `verb`; `anaphor`
    /// says the clause points back in time ("then", "that summit").
    pub fn date(&self, clause: (u32, u32), verb: u32, anaphor: bool, bounds: &[u32]) -> EventDate {
        // The clause's own time: the one nearest the verb, preferring a date that stands as
        // an adverbial ("on June 12") over one that dates a noun ("the 2018 summit").
        let own = self
            .dates
            .iter()
            .filter(|d| d.start >= clause.0 && d.end <= clause.1)
            .filter(|d| !bounds.iter().any(|&b| b < d.start && b > verb.min(d.start)))
            .min_by_key(|d| (d.attributive, d.start.abs_diff(verb)));
        if let Some(d) = own {
            return self.stamp(d, DateBasis::Text);
        }
        if anaphor && let Some(d) = self.dates.iter().rfind(|d| d.end <= clause.0) {
            return self.stamp(d, DateBasis::Text);
        }
        let para = self.paragraph_of(clause.0);
        if let Some(d) = self
            .dates
            .iter()
            .rfind(|d| d.paragraph == para && d.end <= clause.0 && d.explicit_year)
        {
            let year = d.value.get(..4).unwrap_or_default();
            if let Some((first, last)) = day_range(year) {
                return self.stamp(
                    &Dated {
                        value: year.to_string(),
                        first,
                        last,
                        ..d.clone()
                    },
                    DateBasis::Text,
                );
            }
        }
        if let Some(d) = self.peg.and_then(|k| self.dates.get(k)) {
            return self.stamp(d, DateBasis::Text);
        }
        EventDate {
            value: self.published.map(|p| p.to_string()),
            basis: DateBasis::Story,
            historical: false,
            future: false,
        }
    }

    fn stamp(&self, d: &Dated, basis: DateBasis) -> EventDate {
        let (historical, future) = match self.published {
            Some(p) => (
                p.checked_sub(7.days()).is_ok_and(|week| d.last < week),
                d.first > p,
            ),
            None => (false, false),
        };
        EventDate {
            value: Some(d.value.clone()),
            basis,
            historical,
            future,
        }
    }
}

/// Whether the date at `body[start..end]` modifies the noun after it: a determiner or a
/// possessive before it and a word right after it ("the 2018 Singapore summit", "its
/// March 2019 report"), as opposed to an adverbial ("on June 12, ...", "in 2018 the talks").
fn attributive(body: &str, start: usize, end: usize) -> bool {
    let before = body.get(..start).unwrap_or("").trim_end();
    let previous = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\''))
        .next()
        .unwrap_or("");
    let determiner = matches!(
        previous.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
    ) || previous.ends_with("'s");
    let after = body.get(end..).unwrap_or("");
    let noun_follows = after.starts_with(' ')
        && after
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_alphabetic());
    determiner && noun_follows
}

/// How far after the story an event can be dated: news reports what happened and what is
/// planned, and a plan further ahead than this ("bonds maturing in 2045", "by 2050") is a
/// target, not an event.
pub const MAX_YEARS_AHEAD: i16 = 30;

/// Whether a date starting on `first` is too far after publication to date an event.
fn implausible(first: Date, published: Option<Date>) -> bool {
    published.is_some_and(|p| first.year() > p.year().saturating_add(MAX_YEARS_AHEAD))
}

/// The first and last day a TIMEX3 value covers: `2019` → 2019-01-01..2019-12-31, `2019-02`,
/// `2019-H2`, `2019-Q3`, `2019-W05`, `2020-07-04`; `None` for values without a year.
pub fn day_range(value: &str) -> Option<(Date, Date)> {
    let year: i16 = value.get(..4)?.parse().ok()?;
    let rest = value.get(4..).unwrap_or("");
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let month_range = |a: i8, b: i8| -> Option<(Date, Date)> {
        let first = Date::new(year, a, 1).ok()?;
        let last = Date::new(year, b, 1).ok()?.last_of_month();
        Some((first, last))
    };
    if rest.is_empty() {
        return month_range(1, 12);
    }
    if let Some(h) = rest.strip_prefix('H') {
        return match h.get(..1)? {
            "1" => month_range(1, 6),
            _ => month_range(7, 12),
        };
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let q: i8 = q.get(..1)?.parse().ok()?;
        return month_range(3 * q - 2, 3 * q);
    }
    if let Some(w) = rest.strip_prefix('W') {
        let w: i16 = w.get(..2)?.parse().ok()?;
        let first = Date::new(year, 1, 1)
            .ok()?
            .checked_add((7 * (w - 1)).days())
            .ok()?;
        return Some((first, first.checked_add(6.days()).ok()?));
    }
    let month: i8 = rest.get(..2).and_then(|m| m.parse().ok()).unwrap_or(0);
    if !(1..=12).contains(&month) {
        return month_range(1, 12);
    }
    match rest.get(3..5).and_then(|d| d.parse::<i8>().ok()) {
        Some(day) => {
            let d = Date::new(year, month, day).ok()?;
            Some((d, d))
        }
        None => month_range(month, month),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_date_before_a_noun_dates_the_noun() {
        let body = "A statement on June 12, the anniversary of the 2018 summit, said so.";
        let at = |w: &str| body.find(w).map(|s| (s, s + w.len())).unwrap_or((0, 0));
        let (s, e) = at("2018");
        assert!(attributive(body, s, e));
        let (s, e) = at("June 12");
        assert!(!attributive(body, s, e));
        let body = "In 2018 the talks failed; its March 2019 report said so.";
        let (s, e) = (3, 7);
        assert!(!attributive(body, s, e));
        let s = body.find("March").unwrap_or(0);
        assert!(attributive(body, s, s + "March 2019".len()));
    }

    #[test]
    fn ranges_of_values() {
        assert_eq!(
            day_range("2019-02"),
            Some((date(2019, 2, 1), date(2019, 2, 28)))
        );
        assert_eq!(
            day_range("2019-H2"),
            Some((date(2019, 7, 1), date(2019, 12, 31)))
        );
        assert_eq!(
            day_range("2020-07-04"),
            Some((date(2020, 7, 4), date(2020, 7, 4)))
        );
        assert_eq!(day_range("2019").map(|r| r.1), Some(date(2019, 12, 31)));
        assert_eq!(day_range("PRESENT_REF"), None);
        assert_eq!(day_range("XXXX-03"), None);
        assert!(day_range("2020-13-99").is_some());
    }
}
