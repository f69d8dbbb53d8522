//! Events whose actors the sentence does not name but the article does: a pronoun whose
//! person an earlier sentence names, a "counterpart" whose country its nationality gives.
//! Articles written by the team. (The events scorer coding a record in the article it was taken
//! from is tested in chronicle-eval, `tests/events_context.rs`.)

use chronicle_core::{Article, Event};
use chronicle_nlp::Pipeline;

#[path = "common/events.rs"]
mod common_events;
use common_events::triples;

/// A team-written article: a visit, a news conference, thanks by "he".
const VISIT: &str = include_str!("data/visit.txt");

fn events(body: &str) -> Vec<Event> {
    let mut a = Article::new("t", body);
    a.published = "2024-03-11".parse().ok();
    Pipeline::standard().annotate(&mut a);
    a.events
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
        triples(&thanks.into_iter().cloned().collect::<Vec<_>>()),
        [("CHLGOV".into(), "PER".into(), "051".into())],
        "{:?}",
        triples(&got)
    );
}

#[test]
fn a_possessive_in_the_object_names_whose_it_is_not_who() {
    // "his" is Ruiz; the one received is the Peruvian counterpart, Tomas Vega, whom his
    // office makes Peru's government (see the test below)
    let got = events(VISIT);
    let received: Vec<_> = got
        .iter()
        .filter(|e| e.trigger == "received")
        .cloned()
        .collect();
    assert_eq!(
        triples(&received),
        [("CHLGOV".into(), "PERGOV".into(), "043".into())],
        "{:?}",
        triples(&got)
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
