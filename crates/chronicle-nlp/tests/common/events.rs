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
