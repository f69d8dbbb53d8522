//! Events whose actors the sentence does not name but the article does: a pronoun whose
//! person an earlier sentence names, a "counterpart" whose country its nationality gives. And
//! the events scorer coding a record in the article it was taken from. Articles written by the
//! team.

use std::path::PathBuf;

use chronicle_core::{Article, Event};
use chronicle_nlp::Pipeline;

const VISIT: &str = "Chilean President Mario Ruiz received his Peruvian counterpart Tomas Vega \
in Santiago on Monday.\n\nVega's visit will open a new chapter in relations between the two \
neighbours, Ruiz said at a news conference after the talks.\n\nHe thanked Peru for its help \
after the earthquake.";

fn events(body: &str) -> Vec<Event> {
    let mut a = Article::new("t", body);
    a.published = "2024-03-11".parse().ok();
    Pipeline::standard().annotate(&mut a);
    a.events
}

fn dyads(events: &[Event]) -> Vec<(String, String, String)> {
    events
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

#[test]
fn a_pronoun_stands_for_the_subject_of_the_sentence_before_not_its_first_name() {
    // "Vega" opens the sentence before, but as the owner of the visit; Ruiz is who spoke
    let got = events(VISIT);
    let thanks: Vec<_> = got
        .iter()
        .filter(|e| e.trigger.starts_with("thanked"))
        .collect();
    assert_eq!(
        dyads(&thanks.into_iter().cloned().collect::<Vec<_>>()),
        [("CHLGOV".into(), "PER".into(), "051".into())],
        "{:?}",
        dyads(&got)
    );
}

#[test]
fn a_possessive_in_the_object_names_whose_it_is_not_who() {
    // "his" is Ruiz; the one received is the Peruvian counterpart
    let got = events(VISIT);
    let received: Vec<_> = got
        .iter()
        .filter(|e| e.trigger == "received")
        .cloned()
        .collect();
    assert_eq!(
        dyads(&received),
        [("CHLGOV".into(), "PER".into(), "043".into())],
        "{:?}",
        dyads(&got)
    );
}

#[test]
fn a_counterpart_holds_the_same_kind_of_office_in_the_country_named() {
    let mut a = Article::new("t", VISIT);
    a.published = "2024-03-11".parse().ok();
    Pipeline::standard().annotate(&mut a);
    let vega = a
        .entities
        .iter()
        .find(|e| e.text == "Tomas Vega")
        .expect("Tomas Vega is a name");
    assert_eq!(vega.actor.as_deref(), Some("PERGOV"));
}

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

    use chronicle_nlp::events::eval::evaluate;
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
