//! The quotes stage never panics and always returns spans that index the body, whatever the
//! input: stray and unbalanced marks, odd Unicode, empty paragraphs.

use chronicle_core::Article;
use chronicle_nlp::names::NameFinder;
use chronicle_nlp::quotes::QuoteFinder;
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::{Pipeline, Stage};
use proptest::prelude::*;

/// Text pieces that stress the stage: marks of every shape, cues, names, pronouns, breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("''".to_string()),
        Just("``".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(": ".to_string()),
        Just("—".to_string()),
        Just("(R-Fla.)".to_string()),
        Just("said".to_string()),
        Just("according to".to_string()),
        Just("she added".to_string()),
        Just("the minister".to_string()),
        Just("Choe Son Hui".to_string()),
        Just("Mr.".to_string()),
        Just("that".to_string()),
        "[A-Za-z]{1,8}",
        "\\PC{1,3}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

fn check(article: &Article) {
    let chars = article.body.chars().count();
    for q in &article.quotes {
        assert!(q.start <= q.end && q.end <= chars, "{q:?} in {chars} chars");
        let text: String = article
            .body
            .chars()
            .skip(q.start)
            .take(q.end - q.start)
            .collect();
        assert_eq!(text, q.text);
    }
}

/// Segment, syntax, names and quotes: the layers the quotes stage reads, and no more.
fn segment_names_quotes() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        Pipeline::from_stages(vec![
            Box::new(Segmenter::new()),
            Box::new(chronicle_nlp::syntax::SyntaxParser::new()),
            Box::new(NameFinder::new()),
            Box::new(QuoteFinder::new()),
        ])
        .expect("quotes after the layers they read")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn segmented_articles_never_panic(body in text()) {
        let mut article = Article::new("p", body);
        segment_names_quotes().annotate(&mut article);
        check(&article);
    }

    #[test]
    fn unsegmented_articles_never_panic(body in "\\PC{0,200}") {
        let mut article = Article::new("p", body);
        QuoteFinder::new().annotate(&mut article);
        check(&article);
    }
}

#[test]
fn hostile_inputs() {
    let long_open = format!("“{}", "word ".repeat(5000));
    let marks = "“”\"".repeat(3000);
    let lines = "\n“\n".repeat(2000);
    for body in [
        "",
        "“",
        "”",
        "\"",
        "\n\n\n",
        &long_open,
        &marks,
        &lines,
        "“a\n\n“b\n\n“c",
    ] {
        let mut article = Article::new("h", body);
        Pipeline::standard().annotate(&mut article);
        check(&article);
    }
}
