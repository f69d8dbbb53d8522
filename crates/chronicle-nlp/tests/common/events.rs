//! Helpers shared by the tests that code events through the whole standard pipeline.

use chronicle_core::{Article, Event};
use chronicle_nlp::Pipeline;

/// The (source, target, CAMEO code) of every event the pipeline codes in `text`, published
/// 2020-07-06; a missing actor is "".
#[allow(dead_code)] // a test that lays its own article asks only for `triples`
pub fn events(pipeline: &Pipeline, text: &str) -> Vec<(String, String, String)> {
    let mut article = Article::new("t", text);
    article.published = Some("2020-07-06".parse().expect("date"));
    pipeline.annotate(&mut article);
    triples(&article.events)
}

/// The (source, target, CAMEO code) of each of `events`; a missing actor is "".
pub fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    events
        .iter()
        .map(|e| {
            (
                e.source.clone().unwrap_or_default(),
                e.target.clone().unwrap_or_default(),
                e.cameo.clone(),
            )
        })
        .collect()
}

/// As [`events`], each code cut to its root (`"19"` of `"190"`): what the tests of who acts
/// on whom assert.
#[allow(dead_code)] // not every test file that includes this module asks for roots
pub fn dyads(pipeline: &Pipeline, text: &str) -> Vec<(String, String, String)> {
    events(pipeline, text)
        .into_iter()
        .map(|(s, t, code)| (s, t, code.get(..2).unwrap_or("").to_string()))
        .collect()
}

/// (source, target, code prefix) rows that must be coded in `text`, and rows that must not
/// (a source or target of "" matches any).
#[allow(dead_code)] // used through `run`
pub fn check(
    pipeline: &Pipeline,
    text: &str,
    want: &[(&str, &str, &str)],
    never: &[(&str, &str, &str)],
    failures: &mut Vec<String>,
) {
    let got = events(pipeline, text);
    let has = |(s, t, c): &(&str, &str, &str), exact: bool| {
        got.iter().any(|g| {
            let side = |have: &str, want: &str| {
                if exact {
                    have == want
                } else {
                    want.is_empty() || have.starts_with(want)
                }
            };
            side(&g.0, s) && side(&g.1, t) && g.2.starts_with(c)
        })
    };
    let missing: Vec<_> = want.iter().filter(|r| !has(r, false)).collect();
    let wrong: Vec<_> = never.iter().filter(|r| has(r, false)).collect();
    if !missing.is_empty() || !wrong.is_empty() {
        failures.push(format!(
            "{text}\n  missing {missing:?}\n  unwanted {wrong:?}\n  got {got:?}"
        ));
    }
}

/// A (source, target, code prefix) row.
pub type Row<'a> = (&'a str, &'a str, &'a str);

/// Runs each (sentence, rows wanted, rows never wanted) case.
#[allow(dead_code)] // not every test file that includes this module runs rows
pub fn run(rows: &[(&str, &[Row], &[Row])]) {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    for (text, want, never) in rows {
        check(&pipeline, text, want, never, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
