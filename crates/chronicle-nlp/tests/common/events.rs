//! Helpers shared by the tests that code events through the whole standard pipeline.

use chronicle_core::Article;
use chronicle_nlp::Pipeline;

/// The (source, target, CAMEO code) of every event the pipeline codes in `text`, published
/// 2020-07-06; a missing actor is "".
pub fn events(pipeline: &Pipeline, text: &str) -> Vec<(String, String, String)> {
    let mut article = Article::new("t", text);
    article.published = Some("2020-07-06".parse().expect("date"));
    pipeline.annotate(&mut article);
    article
        .events
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
