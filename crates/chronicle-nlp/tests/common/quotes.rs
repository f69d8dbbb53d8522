//! Helpers shared by the tests that read quotations' speakers through the whole standard
//! pipeline.

use chronicle_core::{Article, Quote};
use chronicle_nlp::Pipeline;

/// `body` as an article published on `published`, annotated; prints each quote (shown when a
/// test fails).
pub fn run_on(body: &str, published: jiff::civil::Date) -> Article {
    let mut article = Article::new("t", body);
    article.published = Some(published);
    Pipeline::standard().annotate(&mut article);
    for q in &article.quotes {
        println!(
            "{:?} {:?} speaker={:?} cue={:?}",
            q.kind, q.text, q.speaker, q.cue
        );
    }
    article
}

/// The speaker of the quotation whose text opens with `opening` (past its quotation mark);
/// "" when it has none.
pub fn speaker_of(article: &Article, opening: &str) -> String {
    let q: &Quote = article
        .quotes
        .iter()
        .find(|q| {
            q.text
                .trim_start_matches(['“', '"', '\''])
                .starts_with(opening)
        })
        .unwrap_or_else(|| panic!("no quotation opening with {opening:?}"));
    q.speaker.clone().unwrap_or_default()
}
