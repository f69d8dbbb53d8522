//! The places stage never panics, and its spans always index the body, whatever the input.

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::places::{PlaceFinder, event_place};
use proptest::prelude::*;

type Stages = (
    chronicle_nlp::segment::Segmenter,
    chronicle_nlp::names::NameFinder,
    PlaceFinder,
);

/// The stages, built once for all cases.
static STAGES: std::sync::LazyLock<Stages> = std::sync::LazyLock::new(|| {
    (
        chronicle_nlp::segment::Segmenter::new(),
        chronicle_nlp::names::NameFinder::new(),
        PlaceFinder::new(),
    )
});

fn run(body: &str) -> Article {
    let mut a = Article::new("p", body);
    STAGES.0.annotate(&mut a);
    STAGES.1.annotate(&mut a);
    STAGES.2.annotate(&mut a);
    a
}

fn check(a: &Article) {
    let n = a.body.chars().count();
    for p in &a.places {
        assert!(p.start < p.end && p.end <= n, "{p:?}");
        let text: String = a.body.chars().skip(p.start).take(p.end - p.start).collect();
        assert_eq!(text, p.text);
    }
    for s in 0..a.sentences.len() + 1 {
        let _ = event_place(a, s, Some((0, n + 5)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_text(body in "\\PC{0,300}") {
        check(&run(&body));
    }

    #[test]
    fn place_like_text(words in proptest::collection::vec(
        prop_oneof![
            Just("Paris"), Just("Springfield,"), Just("Illinois"), Just("U.S."), Just("Ky."),
            Just("Hà Nội"), Just("Georgia"), Just("in"), Just("of"), Just("the"), Just(","),
            Just("Gulf"), Just("Mexico"), Just("North"), Just("Korean"), Just("’s"), Just("\n"),
            Just("ÉTATS"), Just("São"), Just("Paulo"), Just("."), Just("Mo."),
        ],
        0..40,
    )) {
        check(&run(&words.join(" ")));
    }
}
