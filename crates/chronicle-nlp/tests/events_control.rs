//! An adverbial clause with no subject of its own ("to meet Abbas", "killing 20 Palestinians",
//! "after meeting Abbas") takes the subject of the verb it hangs from, never that verb's
//! object: the place a minister visited or the town an army bombed does not act in it. The
//! sentences are the team's own, one phenomenon each, through the whole standard pipeline.

use chronicle_nlp::Pipeline;

#[path = "common/events.rs"]
mod common_events;

use common_events::events;

/// The source of the first event whose code starts with `root`, if any.
fn source_of(pipeline: &Pipeline, text: &str, root: &str) -> Option<String> {
    events(pipeline, text)
        .into_iter()
        .find(|(_, _, code)| code.starts_with(root))
        .map(|(s, _, _)| s)
}

#[test]
fn an_infinitive_of_purpose_is_its_main_verbs_subjects() {
    let pipeline = Pipeline::standard();
    let text =
        "Colin Powell visited Ramallah on Monday to meet Palestinian President Mahmoud Abbas.";
    let got = events(&pipeline, text);
    let meeting = got
        .iter()
        .find(|(_, _, c)| c.starts_with("04") && c != "042");
    assert!(
        meeting.is_some_and(|(s, t, _)| s.starts_with("USA") && t.starts_with("PSE")),
        "the meeting is Powell's with Abbas: {got:?}"
    );
    // "visited Ramallah to stress ...", read by the parser as a complement of "visited": the
    // place is not who stresses
    let text = "Colin Powell visited Ramallah to stress US support for the election.";
    let got = events(&pipeline, text);
    assert!(
        !got.iter()
            .any(|(s, _, c)| c.starts_with("01") && s.starts_with("PSE")),
        "Ramallah makes no statement: {got:?}"
    );
}

#[test]
fn a_participle_of_result_is_its_main_verbs_subjects() {
    let pipeline = Pipeline::standard();
    let text = "Israeli jets bombed Gaza on Monday, killing 20 Palestinians.";
    let killing = source_of(&pipeline, text, "19");
    assert!(
        killing.as_deref().is_some_and(|s| s.starts_with("ISR")),
        "Israel bombs and kills, Gaza does not: {:?}",
        events(&pipeline, text)
    );
    assert!(
        !events(&pipeline, text)
            .iter()
            .any(|(s, _, c)| c.starts_with("19") && s.starts_with("PSE")),
        "Gaza is no source: {:?}",
        events(&pipeline, text)
    );
    let text = "Before visiting Israel, Tony Blair made a surprise visit to Iraq.";
    let got = events(&pipeline, text);
    assert!(
        got.iter()
            .any(|(s, t, c)| c == "042" && s.starts_with("GBR") && t.starts_with("ISR")),
        "Blair visits Israel: {got:?}"
    );
}

#[test]
fn a_subjectless_saying_clause_is_no_second_statement() {
    let pipeline = Pipeline::standard();
    // "..., saying ...": the reason the subject gives, no 010 beside its act
    let text = "Britain criticised the aid coalition on Monday, saying the United Nations should lead the effort.";
    let got = events(&pipeline, text);
    assert!(
        got.iter()
            .any(|(s, _, c)| c.starts_with("11") && s == "GBR"),
        "Britain criticises: {got:?}"
    );
    assert!(
        !got.iter().any(|(_, _, c)| c.starts_with("01")),
        "no statement beside the criticism: {got:?}"
    );
}

#[test]
fn a_subjectless_threat_is_its_main_verbs_subjects() {
    let pipeline = Pipeline::standard();
    let text = "Iran rejected the European proposal on Monday, threatening to resume enrichment.";
    let threat = source_of(&pipeline, text, "13");
    assert_eq!(
        threat.as_deref(),
        Some("IRN"),
        "Iran threatens, not Europe: {:?}",
        events(&pipeline, text)
    );
}

#[test]
fn an_act_asked_or_wished_of_someone_is_not_done() {
    let pipeline = Pipeline::standard();
    let text = "The Canadian prime minister asked Moscow to pull its troops out of Georgia.";
    let got = events(&pipeline, text);
    assert!(
        got.iter()
            .any(|(s, t, c)| c.starts_with("02") && s.starts_with("CAN") && t.starts_with("RUS")),
        "the request is Canada's to Russia: {got:?}"
    );
    assert!(
        !got.iter().any(|(s, _, _)| s.starts_with("RUS")),
        "Russia withdrew nothing: {got:?}"
    );
    let text = "Germany expects Iran to release the two sailors by Friday.";
    let got = events(&pipeline, text);
    assert!(
        !got.iter().any(|(s, _, _)| s.starts_with("IRN")),
        "an expected release is no release: {got:?}"
    );
    // a verb that makes the act happen reports it done
    let text = "Washington persuaded Japan to send troops to Iraq.";
    let got = events(&pipeline, text);
    assert!(
        got.iter()
            .any(|(s, _, c)| s.starts_with("JPN") && c.starts_with("15")),
        "Japan sent troops: {got:?}"
    );
}

#[test]
fn the_noun_after_after_is_the_subject_of_its_clause() {
    let pipeline = Pipeline::standard();
    let text = "The envoy resigned after Ethiopia invaded Eritrea.";
    let got = events(&pipeline, text);
    assert!(
        got.iter()
            .any(|(s, t, c)| c.starts_with("19") && s.starts_with("ETH") && t.starts_with("ERI")),
        "Ethiopia invaded: {got:?}"
    );
}
