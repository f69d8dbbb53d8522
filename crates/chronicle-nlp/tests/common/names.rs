//! Helpers shared by the tests that run the names stage on team-written text.

use chronicle_core::{Article, Entity, EntityType};
use chronicle_nlp::Stage;
use chronicle_nlp::names::NameFinder;
use chronicle_nlp::segment::Segmenter;
use jiff::civil::Date;

/// The (text, type) of every entity the segmenter and the names stage find in `body`.
#[allow(dead_code)] // the tests of mentions in one article ask only for `annotate` and `mentions`
pub fn entities(body: &str) -> Vec<(String, EntityType)> {
    let mut a = Article::new("t", body);
    Segmenter::new().annotate(&mut a);
    NameFinder::new().annotate(&mut a);
    a.entities.into_iter().map(|e| (e.text, e.kind)).collect()
}

/// Each case: a text, then the entities it must hold and the texts no entity may have.
#[allow(dead_code)] // the tests of mentions in one article ask only for `annotate` and `mentions`
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

/// `body` segmented and run through the names stage, published on `published`.
#[allow(dead_code)] // the tests of whole texts ask only for `entities` and `check`
pub fn annotate(body: &str, published: Option<Date>) -> Article {
    let mut a = Article::new("t", body);
    a.published = published;
    Segmenter::new().annotate(&mut a);
    NameFinder::new().annotate(&mut a);
    a
}

/// Every mention written `text`, in text order; at least one, or the test fails.
#[allow(dead_code)] // the tests of whole texts ask only for `entities` and `check`
pub fn mentions<'a>(a: &'a Article, text: &str) -> Vec<&'a Entity> {
    let found: Vec<&Entity> = a.entities.iter().filter(|e| e.text == text).collect();
    assert!(
        !found.is_empty(),
        "no entity {text:?} in {:?}",
        a.entities.iter().map(|e| &e.text).collect::<Vec<_>>()
    );
    found
}
