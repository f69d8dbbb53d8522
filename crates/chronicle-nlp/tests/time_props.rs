//! The time stage never panics, and its mentions always lie on the body: sorted, disjoint, with
//! text equal to the body's characters at their offsets.

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::time::TimeTagger;
use proptest::prelude::*;

fn check(tagger: &TimeTagger, body: &str, dct: Option<jiff::civil::Date>) {
    let mut article = Article::new("p", body);
    article.published = dct;
    tagger.annotate(&mut article);
    let chars: Vec<char> = body.chars().collect();
    let mut last_end = 0;
    for d in &article.dates {
        assert!(d.start < d.end && d.end <= chars.len(), "{d:?}");
        assert!(d.start >= last_end, "overlap at {d:?}");
        last_end = d.end;
        let text: String = chars[d.start..d.end].iter().collect();
        assert_eq!(text, d.text);
        assert!(!d.value.is_empty());
    }
}

/// Pieces of time expressions, glued at random, reach the grammar's corners far more often than
/// arbitrary characters do.
fn timeish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "July",
        "4",
        ",",
        "2020",
        "Jan.",
        "the",
        "last",
        "next",
        "week",
        "ago",
        "years",
        "-",
        "year",
        "/",
        ":",
        "30",
        "p.m.",
        "a",
        "few",
        "Q",
        "3",
        "H",
        "half",
        "of",
        "quarter",
        "9999999999",
        "0",
        "00",
        "31",
        "13",
        "second",
        "Friday",
        "Fridays",
        "nights",
        "’",
        "'",
        "80",
        "s",
        "mid",
        "early",
        "end",
        "that",
        "anniversary",
        "third",
        "two",
        "thousand",
        "nineteen",
        "ninety",
        "fiscal",
        "every",
        "in",
        "earlier",
        "later",
        "\n\n",
        ".",
        "é",
        "Mai",
        "noon",
        "midnight",
        "at",
        "least",
        "more",
        "than",
        "1/2",
        "and",
        "1",
        "2",
        "day",
        "tonight",
        "Christmas",
        "Election",
        "Day",
        "New",
        "Year",
        "'s",
        "Eve",
        "today",
        "now",
        "future",
        "past",
    ]);
    prop::collection::vec((piece, prop::bool::ANY), 0..40).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn any_date() -> impl Strategy<Value = Option<jiff::civil::Date>> {
    prop::option::of(
        (-9999i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| jiff::civil::date(y, m, d)),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(body in ".{0,200}", dct in any_date()) {
        check(&TimeTagger::new(), &body, dct);
    }

    #[test]
    fn time_words_glued_at_random_never_panic(body in timeish(), dct in any_date()) {
        check(&TimeTagger::new(), &body, dct);
    }
}

#[test]
fn extreme_inputs() {
    let tagger = TimeTagger::new();
    let edges = [
        "9999999999 years ago and 4294967295 days later",
        "in 99999 centuries, 31/31/31, 2020-13-45, Q9 2020, H3",
        "the 9990s, '00s, 0th century, 99th century",
        "December 31, 9999 and January 1, 1000 and a year later",
        "July 4 marked the 4294967295th anniversary of that year",
        "at 99:99 p.m., 24:00, 12 a.m.",
        "",
        "\u{feff}July\u{a0}4\u{2009}2020",
    ];
    for text in edges {
        for dct in [
            None,
            Some(jiff::civil::date(9999, 12, 31)),
            Some(jiff::civil::date(-9999, 1, 1)),
        ] {
            check(&tagger, text, dct);
        }
    }
}
