//! Counts (GKG V1Counts): one sentence of our own for each count type and number form, and the
//! numbers that must not count.

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::gist::GistTagger;
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::time::TimeTagger;

fn counts(text: &str) -> Vec<(String, f64, String)> {
    let mut a = Article::new("t", text);
    a.published = Some(jiff::civil::date(2021, 3, 4));
    Segmenter::new().annotate(&mut a);
    TimeTagger::new().annotate(&mut a);
    GistTagger::new().annotate(&mut a);
    a.counts
        .iter()
        .map(|c| (c.kind.clone(), c.number, c.object.clone()))
        .collect()
}

fn one(text: &str, kind: &str, number: f64, object: &str) {
    let got = counts(text);
    assert!(
        got.iter()
            .any(|(k, n, o)| k == kind && *n == number && o == object),
        "{text:?}: expected ({kind}, {number}, {object:?}), got {got:?}"
    );
}

#[test]
fn kill() {
    one("Gunmen killed 12 people in the market.", "KILL", 12.0, "people");
    one("At least 30 civilians were killed on Sunday.", "KILL", 30.0, "civilians");
    one("The blast left 45 dead.", "KILL", 45.0, "");
    one("The death toll rose to 87, officials said.", "KILL", 87.0, "");
    one("Twelve Palestinian civilians died in the strike.", "KILL", 12.0, "Palestinian civilians");
    one("The attack killed at least two dozen soldiers.", "KILL", 24.0, "soldiers");
    one("There were 17 deaths at the camp.", "KILL", 17.0, "deaths");
}
