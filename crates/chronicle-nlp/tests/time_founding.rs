//! The founding article: every date the issue names, resolved as a reader would, including the
//! anchors the text sets itself (an anniversary, "of that year").

use chronicle_core::{Article, TimexType};
use chronicle_nlp::Stage;
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::time::TimeTagger;

const PATH: &str = "../../../shared/articles/000_6ecb41acef5f7571.txt";

/// The article tagged with published = 2020-07-06, or `None` (with a notice) when it is absent.
fn tagged() -> Option<Article> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PATH);
    let Ok(body) = std::fs::read_to_string(&path) else {
        eprintln!("notice: {} is absent; skipping", path.display());
        return None;
    };
    let mut article = Article::new("000_6ecb41acef5f7571", body);
    article.published = Some(jiff::civil::date(2020, 7, 6));
    Segmenter::new().annotate(&mut article);
    TimeTagger::new().annotate(&mut article);
    Some(article)
}

/// The value of the `nth` mention whose text is `text`.
fn value_of(a: &Article, text: &str, nth: usize) -> String {
    a.dates
        .iter()
        .filter(|d| d.text == text)
        .nth(nth)
        .map(|d| d.value.clone())
        .unwrap_or_else(|| panic!("no mention {text:?} #{nth} in {:#?}", a.dates))
}

#[test]
fn dates_the_issue_names() {
    let Some(a) = tagged() else { return };
    assert_eq!(value_of(&a, "July 4", 0), "2020-07-04");
    assert_eq!(value_of(&a, "March 18", 0), "2017-03-18");
    assert_eq!(value_of(&a, "July 28", 0), "2017-07-28");
    assert_eq!(value_of(&a, "November 28", 0), "2017-11-28");
    assert_eq!(value_of(&a, "February 2019", 0), "2019-02");
    assert_eq!(value_of(&a, "June 12", 0), "2020-06-12");
    assert_eq!(value_of(&a, "the second half of 2019", 0), "2019-H2");
}

#[test]
fn context_decides_the_year() {
    let Some(a) = tagged() else { return };
    // "the upcoming U.S. presidential elections in November": the coming November.
    assert_eq!(value_of(&a, "November", 0), "2020-11");
    // The anniversary puts the test three years back; "of that year" says so.
    assert_eq!(value_of(&a, "that year", 0), "2017");
    // "the 2018 ... Singapore Summit" stays in 2018 and does not drag June 12 with it.
    assert_eq!(value_of(&a, "2018", 0), "2018");
}

#[test]
fn present_references_and_the_anniversary_span() {
    let Some(a) = tagged() else { return };
    assert_eq!(value_of(&a, "today", 0), "2020-07-06");
    assert_eq!(value_of(&a, "Now", 0), "PRESENT_REF");
    let anniversary = a.body.find("two-year anniversary").expect("text");
    let start = a.analysis.index.char_of(anniversary);
    let p2y = a
        .dates
        .iter()
        .find(|d| d.start <= start && start < d.end)
        .expect("the two-year anniversary is tagged");
    assert_eq!((p2y.value.as_str(), p2y.kind), ("P2Y", TimexType::Duration));
}

#[test]
fn mentions_are_sorted_disjoint_and_match_their_text() {
    let Some(a) = tagged() else { return };
    let chars: Vec<char> = a.body.chars().collect();
    for pair in a.dates.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
    for d in &a.dates {
        let text: String = chars[d.start..d.end].iter().collect();
        assert_eq!(text, d.text);
    }
    // Navigation and credits carry no dates.
    assert!(
        a.dates.iter().all(|d| d.text != "the past"),
        "{:?}",
        a.dates
    );
}
