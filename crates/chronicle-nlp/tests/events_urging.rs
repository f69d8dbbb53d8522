//! A statement that someone else should or must act is an appeal to them (CAMEO 020) or a
//! demand of them (100), not a bare statement: the modal of the reported clause says so, and
//! that clause's subject is whom the statement is aimed at. What is only expected of someone
//! ("should have", "must know"), a pronoun's own duty and a name inside a longer subject are no
//! one urged. The sentences are the team's own, through the whole standard pipeline.

use chronicle_nlp::Pipeline;

#[path = "common/events.rs"]
mod common_events;

use common_events::events;

#[test]
fn must_in_a_reported_clause_is_a_demand_of_its_subject() {
    let pipeline = Pipeline::standard();
    let got = events(
        &pipeline,
        "Germany's chancellor said Greece must cut spending.",
    );
    assert!(
        got.iter()
            .any(|(s, t, c)| c == "100" && s.starts_with("DEU") && t.starts_with("GRC")),
        "{got:?}"
    );
}

#[test]
fn should_in_a_reported_clause_is_an_appeal_to_its_subject() {
    let pipeline = Pipeline::standard();
    let text = "The European Union said the United States should back the trade deal.";
    let got = events(&pipeline, text);
    assert!(
        got.iter()
            .any(|(s, t, c)| c == "020" && s.starts_with("IGOEU") && t.starts_with("USA")),
        "{got:?}"
    );
}

#[test]
fn what_is_expected_or_owed_by_the_speaker_urges_no_one() {
    let pipeline = Pipeline::standard();
    for text in [
        "The bank's report said the economies of the region except Thailand should recover quickly.",
        "The minister said he must leave early.",
        "A court ruling said Greece should have sole rights to the name.",
    ] {
        let got = events(&pipeline, text);
        assert!(
            !got.iter().any(|(_, _, c)| c == "020" || c == "100"),
            "{text}: {got:?}"
        );
    }
}
