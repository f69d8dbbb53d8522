//! The context of an event read from the sentence's tree: an act the sentence tells only to deny
//! it is coded, and marked negated, so that a user counting what happened can leave it out.
//! The sentences are the team's own, through the whole standard pipeline.

use chronicle_core::{Article, Event, EventContext};
use chronicle_nlp::Pipeline;

fn events(text: &str) -> Vec<Event> {
    let mut article = Article::new("t", text);
    article.published = "2021-05-04".parse().ok();
    Pipeline::standard().annotate(&mut article);
    article.events
}

/// The events of `text` whose trigger starts with `trigger`, each with whether it is negated.
fn negated(text: &str, trigger: &str) -> Vec<bool> {
    events(text)
        .iter()
        .filter(|e| e.trigger.starts_with(trigger))
        .map(|e| e.context.contains(&EventContext::Negated))
        .collect()
}

#[test]
fn an_act_a_sentence_denies_is_negated() {
    for (text, trigger) in [
        (
            "The spokesman said the vote did not mean that Chile had cut ties with Peru.",
            "cut ties",
        ),
        (
            "Kenya denied that its soldiers had attacked Somali villages.",
            "attacked",
        ),
        (
            "It is not true that Spain has recalled its ambassador from Morocco.",
            "recalled",
        ),
    ] {
        let got = negated(text, trigger);
        assert_eq!(got, [true], "{text}: {:?}", events(text));
    }
}

#[test]
fn an_act_a_sentence_reports_is_not_negated() {
    for (text, trigger) in [
        (
            "The spokesman said the vote meant that Chile had cut ties with Peru.",
            "cut ties",
        ),
        (
            "Spain has recalled its ambassador from Morocco, officials said.",
            "recalled",
        ),
    ] {
        let got = negated(text, trigger);
        assert_eq!(got, [false], "{text}: {:?}", events(text));
    }
}

/// An act a noun refuses ("its unwillingness to sign", "the FBI's refusal to prosecute") is a
/// rejection when it was a cooperation, negated, and no act otherwise; an act a noun only makes
/// possible, tries or asks for ("Hezbollah's ability to fight", "efforts to form a government")
/// is no act at all.
#[test]
fn an_act_a_noun_refuses_or_only_allows_is_not_done() {
    let text = "Britain pressed the United States to cut emissions despite its unwillingness to sign the Kyoto Protocol.";
    let signing: Vec<Event> = events(text)
        .into_iter()
        .filter(|e| e.trigger.starts_with("sign"))
        .collect();
    assert!(
        signing
            .iter()
            .all(|e| e.cameo.starts_with("12") && e.context.contains(&EventContext::Negated)),
        "the unwillingness to sign is a rejection: {signing:?}"
    );
    for (text, trigger) in [
        (
            "Republicans protested the FBI's refusal to prosecute Clinton.",
            "prosecute",
        ),
        (
            "Militants were emboldened by Hezbollah's ability to fight Israel.",
            "fight",
        ),
        (
            "Egypt hosted talks on efforts to form a Palestinian unity government.",
            "form",
        ),
    ] {
        let got = events(text);
        assert!(
            !got.iter().any(|e| e.trigger.starts_with(trigger)),
            "{text}: no act of '{trigger}': {got:?}"
        );
    }
}

#[test]
fn an_act_a_sentence_asks_whether_happens_is_hypothetical() {
    let text = "Reporters asked whether Iran would release the British sailors.";
    let got = events(text);
    let release = got.iter().find(|e| e.trigger.starts_with("release"));
    assert!(
        release.is_some_and(|e| e.context.contains(&EventContext::Hypothetical)),
        "{got:?}"
    );
}
