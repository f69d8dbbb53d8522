//! Calendar dates written the ways pages write them: ISO 8601 (`2020-07-06T09:00:00Z`),
//! `July 6, 2020`, `6th July 2020`, `Mon, 06 Jul 2020`, `07/06/2020`, and dates in URLs
//! (`/2020/07/06/`, `/20200706/`).

use jiff::civil::Date;

/// Years accepted as publication years.
const YEARS: std::ops::RangeInclusive<i16> = 1990..=2040;

/// The first plausible date written in `s`.
pub fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    iso(s).or_else(|| with_month_name(s)).or_else(|| numeric(s))
}

fn make(y: i64, m: i64, d: i64) -> Option<Date> {
    let y = i16::try_from(y).ok()?;
    if !YEARS.contains(&y) {
        return None;
    }
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// Runs of ASCII digits with their byte position.
fn numbers(s: &str) -> Vec<(usize, &str)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() && out.len() < 64 {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, &s[start..i]));
        } else {
            i += 1;
        }
    }
    out
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, and compact `YYYYMMDD` when the whole string is a date.
fn iso(s: &str) -> Option<Date> {
    let nums = numbers(s);
    let b = s.as_bytes();
    for w in nums.windows(3) {
        let [(p0, y), (p1, m), (p2, d)] = [w[0], w[1], w[2]];
        if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) {
            let sep1 = b.get(p0 + 4).copied();
            let sep2 = b.get(p1 + m.len()).copied();
            if p1 == p0 + 5
                && p2 == p1 + m.len() + 1
                && sep1 == sep2
                && matches!(sep1, Some(b'-' | b'/' | b'.'))
                && let Some(date) = make(num(y), num(m), num(d))
            {
                return Some(date);
            }
        }
    }
    if let Some(&(_, n)) = nums.first()
        && n.len() == 8
        && nums.len() <= 2
    {
        return make(num(&n[..4]), num(&n[4..6]), num(&n[6..]));
    }
    None
}

fn num(s: &str) -> i64 {
    s.parse().unwrap_or(-1)
}

fn month_of(word: &str) -> Option<i64> {
    chronicle_core::calendar::month_by_prefix(word).map(i64::from)
}

/// `July 6, 2020`, `6 July 2020`, `6th of July, 2020`, `Jul. 06 2020`.
fn with_month_name(s: &str) -> Option<Date> {
    let words: Vec<&str> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(200)
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_of(w) else { continue };
        let day_of = |t: &str| -> Option<i64> {
            let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &t[digits.len()..];
            let ok_suffix = suffix.is_empty()
                || ["st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str());
            (ok_suffix
                && (1..=2).contains(&digits.len())
                && digits.bytes().all(|c| c.is_ascii_digit()))
            .then(|| num(digits))
        };
        let year_at = |j: usize| -> Option<i64> {
            let t = words.get(j)?;
            (t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit())).then(|| num(t))
        };
        // Month day year
        if let (Some(d), Some(y)) = (words.get(i + 1).and_then(|t| day_of(t)), year_at(i + 2))
            && let Some(date) = make(y, month, d)
        {
            return Some(date);
        }
        // day [of] Month year
        let before = if i >= 2 && words[i - 1].eq_ignore_ascii_case("of") {
            i.checked_sub(2)
        } else {
            i.checked_sub(1)
        };
        if let (Some(d), Some(y)) = (before.and_then(|j| day_of(words[j])), year_at(i + 1))
            && let Some(date) = make(y, month, d)
        {
            return Some(date);
        }
    }
    None
}

/// `07/06/2020` (read as US month/day unless the first number cannot be a month) and `06.07.2020`
/// (day.month, as Europe writes it).
fn numeric(s: &str) -> Option<Date> {
    let nums = numbers(s);
    let b = s.as_bytes();
    for w in nums.windows(3) {
        let [(p0, a), (p1, m), (p2, y)] = [w[0], w[1], w[2]];
        if !(1..=2).contains(&a.len())
            || !(1..=2).contains(&m.len())
            || !(y.len() == 4 || y.len() == 2)
        {
            continue;
        }
        let sep1 = b.get(p0 + a.len()).copied();
        let sep2 = b.get(p1 + m.len()).copied();
        if p1 != p0 + a.len() + 1 || p2 != p1 + m.len() + 1 || sep1 != sep2 {
            continue;
        }
        let year = if y.len() == 2 { 2000 + num(y) } else { num(y) };
        let (x, z) = (num(a), num(m));
        let date = match sep1 {
            Some(b'/') if x > 12 => make(year, z, x),
            Some(b'/') => make(year, x, z),
            Some(b'.' | b'-') => make(year, z, x),
            _ => None,
        };
        if date.is_some() {
            return date;
        }
    }
    None
}

/// A date in a URL's path: `/2020/07/06/`, `/2020-07-06-`, `/20200706/`.
pub fn from_url(url: &str) -> Option<Date> {
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path = &url[path_start..];
    let path = &path[path.find('/').unwrap_or(path.len())..];
    let path = path.split(['?', '#']).next().unwrap_or("");
    let nums = numbers(path);
    let b = path.as_bytes();
    for w in nums.windows(3) {
        let [(p0, y), (p1, m), (p2, d)] = [w[0], w[1], w[2]];
        let sep_ok = |p: usize| matches!(b.get(p), Some(b'/' | b'-' | b'_'));
        if y.len() == 4
            && m.len() == 2
            && (1..=2).contains(&d.len())
            && p1 == p0 + 5
            && p2 == p1 + 3
            && sep_ok(p0 + 4)
            && sep_ok(p1 + 2)
            && !b.get(p2 + d.len()).is_some_and(u8::is_ascii_digit)
            && let Some(date) = make(num(y), num(m), num(d))
        {
            return Some(date);
        }
    }
    nums.iter().find_map(|&(p, n)| {
        let bounded = p > 0
            && matches!(b[p - 1], b'/' | b'-' | b'_')
            && matches!(b.get(p + 8), None | Some(b'/' | b'-' | b'_' | b'.'));
        (n.len() == 8 && bounded)
            .then(|| make(num(&n[..4]), num(&n[4..6]), num(&n[6..])))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn formats() {
        assert_eq!(parse("2020-07-06T09:00:00+02:00"), Some(date(2020, 7, 6)));
        assert_eq!(
            parse("Published July 6, 2020 at 9am"),
            Some(date(2020, 7, 6))
        );
        assert_eq!(
            parse("Mon, 06 Jul 2020 10:00:00 GMT"),
            Some(date(2020, 7, 6))
        );
        assert_eq!(parse("6th of July, 2020"), Some(date(2020, 7, 6)));
        assert_eq!(parse("Sept. 3 2019"), Some(date(2019, 9, 3)));
        assert_eq!(parse("07/06/2020"), Some(date(2020, 7, 6)));
        assert_eq!(parse("25/12/2019"), Some(date(2019, 12, 25)));
        assert_eq!(parse("06.07.2020"), Some(date(2020, 7, 6)));
        assert_eq!(parse("20200706"), Some(date(2020, 7, 6)));
        assert_eq!(parse("March 2020"), None);
        assert_eq!(parse("may be 5 2020"), None);
    }

    #[test]
    fn urls() {
        assert_eq!(
            from_url("https://x.com/2020/07/06/story"),
            Some(date(2020, 7, 6))
        );
        assert_eq!(
            from_url("https://x.com/news/2019-12-29-title.html"),
            Some(date(2019, 12, 29))
        );
        assert_eq!(
            from_url("https://x.com/a/20180101/b"),
            Some(date(2018, 1, 1))
        );
        assert_eq!(from_url("https://x.com/2019/05/title.html"), None);
        assert_eq!(from_url("https://2019.com/"), None);
    }
}
