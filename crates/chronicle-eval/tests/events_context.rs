//! The events scorer codes a record in the article it was taken from when it is given the
//! articles (`--articles`): alone, "He thanked Peru" names no one. The article is the team's, shared
//! with chronicle-nlp's `tests/events_context.rs`.

use std::path::PathBuf;

use chronicle_eval::events::evaluate;

/// A team-written article: a visit, a news conference, thanks by "he".
const VISIT: &str = include_str!("../../chronicle-nlp/tests/data/visit.txt");

/// A scratch folder of this test's own, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("chronicle-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_scorer_codes_a_record_in_its_article_when_given_the_articles() {
    let dir = Scratch::new("events-context");
    let articles = dir.0.join("articles.jsonl");
    let records = dir.0.join("records.jsonl");
    let article = serde_json::json!({"id": "team/visit", "date": "2024-03-11", "text": VISIT});
    std::fs::write(&articles, format!("{article}\n")).expect("articles written");
    let record = serde_json::json!({
        "id": "r1",
        "text": "He thanked Peru for its help after the earthquake.",
        "article": "team/visit",
        "expected": [{"source": "CHLGOV", "target": "PER", "code": "051"}],
        "expected_status": "coded",
    });
    std::fs::write(&records, format!("{record}\n")).expect("records written");

    let alone = evaluate(std::slice::from_ref(&records), None, None).expect("scores alone");
    let file = &alone.files[0];
    assert_eq!(
        (file.in_context, file.exact),
        (0, 0),
        "alone, \"He\" is no one"
    );

    let read = evaluate(&[records], None, Some(&articles)).expect("scores in context");
    let file = &read.files[0];
    assert_eq!((file.in_context, file.exact), (1, 1), "{}", read.misses());
}
