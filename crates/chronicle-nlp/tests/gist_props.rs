//! The gist stage never panics, and its layers always lie on the body: spans inside it, hits in
//! order, finite figures, every number positive.

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::gist::GistTagger;
use chronicle_nlp::segment::Segmenter;
use proptest::prelude::*;

fn check(gist: &GistTagger, body: &str, segment_first: bool) {
    let mut a = Article::new("p", body);
    if segment_first {
        Segmenter::new().annotate(&mut a);
    }
    gist.annotate(&mut a);
    let n = body.chars().count();
    let t = a.tone.as_ref().expect("tone");
    for x in [
        t.score,
        t.positive,
        t.negative,
        t.polarity,
        t.activity,
        t.self_group,
    ] {
        assert!(x.is_finite(), "{t:?}");
    }
    assert!(t.positive >= 0.0 && t.negative >= 0.0 && t.activity >= 0.0);
    let mut last = 0;
    for h in &a.themes {
        assert!(h.start < h.end && h.end <= n, "{h:?}");
        assert!(h.start >= last, "themes out of order: {h:?}");
        last = h.start;
    }
    for c in &a.counts {
        assert!(c.start < c.end && c.end <= n, "{c:?}");
        assert!(c.number.is_finite() && c.number >= 1.0, "{c:?}");
    }
    for m in &a.amounts {
        assert!(m.start < m.end && m.end <= n, "{m:?}");
        assert!(m.number.is_finite() && m.number >= 0.0, "{m:?}");
        assert!(!m.object.is_empty(), "{m:?}");
    }
}

/// Pieces of counts, amounts and themes, glued at random, reach the readers' corners far more
/// often than arbitrary characters do.
fn gisty() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "killed",
        "12",
        "3,000",
        "$",
        "1.13bn",
        "thousands",
        "of",
        "tens",
        "dozen",
        "a",
        "the",
        "four",
        "twenty-five",
        "hundred",
        "and",
        "people",
        "were",
        "protesters",
        "percent",
        "%",
        "-",
        "year-old",
        "aged",
        ",",
        ".",
        "“",
        "”",
        "not",
        "good",
        "war",
        "sanction",
        "ICBM",
        "million",
        "€",
        "death",
        "toll",
        "rose",
        "to",
        "March",
        "2019",
        "in",
        "Gaza",
        "’s",
        "\n",
        "at",
        "least",
        "é",
        "9,99,9",
        "1.2.3",
        "0",
        "00000000000000000000000000",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_gist_pieces(text in gisty(), segment in any::<bool>()) {
        check(&GistTagger::new(), &text, segment);
    }

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,200}") {
        check(&GistTagger::new(), &text, true);
    }
}

#[test]
fn hostile_inputs() {
    let gist = GistTagger::new();
    for text in [
        "",
        " ",
        "$",
        "$$$$1",
        "thousands of",
        "tens of thousands of",
        "a a a a hundred",
        "9".repeat(400).as_str(),
        "1,000,000,000,000,000,000,000,000 people",
        "killed killed killed 1",
        "\u{0}\u{FFFD}",
        "1e308 people",
    ] {
        check(&gist, text, true);
        check(&gist, text, false);
    }
}
