//! Helpers shared by the tests that run the names stage on team-written text.

use chronicle_core::{Article, EntityType};
use chronicle_nlp::Stage;
use chronicle_nlp::names::NameFinder;
use chronicle_nlp::segment::Segmenter;

/// The (text, type) of every entity the segmenter and the names stage find in `body`.
pub fn entities(body: &str) -> Vec<(String, EntityType)> {
    let mut a = Article::new("t", body);
    Segmenter::new().annotate(&mut a);
    NameFinder::new().annotate(&mut a);
    a.entities.into_iter().map(|e| (e.text, e.kind)).collect()
}

/// Each case: a text, then the entities it must hold and the texts no entity may have.
pub fn check(body: &str, want: &[(&str, EntityType)], never: &[&str]) {
    let got = entities(body);
    for (text, kind) in want {
        assert!(
            got.iter().any(|(t, k)| t == text && k == kind),
            "{body:?}: want {text:?} as {kind:?}, got {got:?}"
        );
    }
    for text in never {
        assert!(
            got.iter().all(|(t, _)| t != text),
            "{body:?}: {text:?} must not be an entity, got {got:?}"
        );
    }
}
