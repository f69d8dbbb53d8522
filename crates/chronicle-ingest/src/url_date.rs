//! The publication day a URL's path spells out: news sites file stories under their day
//! (`/2016/03/14/`, `/20160314/`, `/2016-03-14-slug`), which dates a record that came without
//! a date better than its capture does.

use jiff::civil::Date;

/// Years a URL's digits may name: the web's news, not a product number that looks like a day.
const YEARS: std::ops::RangeInclusive<i16> = 1990..=2099;

/// The day a URL's path names, if any: `/YYYY/MM/DD/`, `/YYYYMMDD` (a path segment that starts
/// with eight digits, not more), or `YYYY-MM-DD` anywhere in the path. The host, query and
/// fragment are not read; a month without its day (`/2018/03/slug`) dates nothing; digits that
/// are no calendar day (`/20796200/`) are no date.
pub fn date_in_url(url: &str) -> Option<Date> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split(['?', '#']).next()?;
    let path = path.split_once('/').map(|(_, p)| p)?;
    let segments: Vec<&str> = path.split('/').collect();
    // /2016/03/14/
    for w in segments.windows(3) {
        if let [y, m, d] = w
            && let Some(date) = day(y, m, d)
        {
            return Some(date);
        }
    }
    for s in &segments {
        // /20160314/, /20180401-270851
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 8
            && let Some(date) = day(&s[..4], &s[4..6], &s[6..8])
        {
            return Some(date);
        }
        // /2016-03-14-slug, /slug-2016-03-14
        if let Some(date) = dashed(s) {
            return Some(date);
        }
    }
    None
}

/// A `YYYY-MM-DD` inside a path segment, standing apart from other digits.
fn dashed(segment: &str) -> Option<Date> {
    let b = segment.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(k, c)| match k {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        let apart = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if !(shape && apart) {
            return None;
        }
        let s = &segment[i..i + 10];
        day(&s[..4], &s[5..7], &s[8..10])
    })
}

/// A calendar day from a year, a month and a day written with exactly 4, 2 and 2 digits.
fn day(y: &str, m: &str, d: &str) -> Option<Date> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|c| c.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return None;
    }
    let year: i16 = y.parse().ok()?;
    if !YEARS.contains(&year) {
        return None;
    }
    Date::new(year, m.parse().ok()?, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn days_in_news_paths() {
        let cases = [
            (
                "https://www.example.com/world/2016/03/14/talks-resume/",
                Some(date(2016, 3, 14)),
            ),
            (
                "http://news.example.org/local/20180405/council-votes?rss=1",
                Some(date(2018, 4, 5)),
            ),
            (
                "https://example.net/20180401-270851",
                Some(date(2018, 4, 1)),
            ),
            (
                "https://example.co.za/opinion/2018-04-05-land-reform-debate/",
                Some(date(2018, 4, 5)),
            ),
            (
                "http://example.com/article/steel-tariffs-2018-04-05",
                Some(date(2018, 4, 5)),
            ),
        ];
        for (url, want) in cases {
            assert_eq!(date_in_url(url), want, "{url}");
        }
    }

    #[test]
    fn numbers_that_are_no_day_date_nothing() {
        for url in [
            // a month without its day
            "http://www.example.com/news/2018/03/gas_station_jackpot.html",
            // an article number
            "https://example.sk/c/20796200/store-sold.html",
            "http://example.com/article207576854.html",
            // nine digits are a number, not a day
            "http://example.com/news/201803141/x",
            // the day in the query or the host is not the path's
            "http://example.com/story?date=2018-03-14",
            "http://2018-03-14.example.com/story",
            // a year no news site files under
            "http://example.com/1066/10/14/hastings",
            "http://example.com/2018/02/30/no-such-day",
            "no url at all",
        ] {
            assert_eq!(date_in_url(url), None, "{url}");
        }
    }
}
