//! Helpers shared by the table-driven tests of the time stage.

use chronicle_core::{Article, TimexType};
use chronicle_nlp::Stage;
use chronicle_nlp::time::TimeTagger;

/// Tags `text` published on `dct` (None: no publication date).
pub fn tag(text: &str, dct: Option<&str>) -> Vec<(String, String, TimexType)> {
    let mut article = Article::new("t", text);
    article.published = dct.map(|d| d.parse().expect("date"));
    TimeTagger::new().annotate(&mut article);
    article
        .dates
        .into_iter()
        .map(|d| (d.text, d.value, d.kind))
        .collect()
}

/// An expected mention: text, value, type.
pub type Want<'a> = (&'a str, &'a str, TimexType);

pub fn check(rows: &[(&str, &[Want<'_>])], dct: Option<&str>) {
    let mut failures = Vec::new();
    for (text, expected) in rows {
        let got = tag(text, dct);
        let want: Vec<(String, String, TimexType)> = expected
            .iter()
            .map(|(t, v, k)| (t.to_string(), v.to_string(), *k))
            .collect();
        if got != want {
            failures.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
