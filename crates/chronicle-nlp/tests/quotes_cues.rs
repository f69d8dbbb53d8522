//! Cues whose speaker stands away from them: a cue joined by "and" or "but" to the verb before
//! it shares that verb's subject ("Lee repeated the line but said, “...”"), and a long role
//! with an age before the name after a cue ("said 29-year-old bank manager Justin Hare").
//! The sentences are the team's own.

use chronicle_core::{Article, QuoteKind};

#[path = "common/quotes.rs"]
mod common_quotes;
use common_quotes::speaker_of;

fn run(body: &str) -> Article {
    common_quotes::run_on(body, jiff::civil::date(2016, 10, 1))
}

#[test]
fn a_cue_joined_by_but_speaks_with_the_subject_before() {
    let article = run("Hana Weber chairs the transport committee.\n\n\
         Colonel Ray Jeffers repeated the line that the troops would leave if asked but said, \
         \"We do not think the government will ask.\"");
    let s = speaker_of(&article, "We do not think");
    assert!(s.contains("Jeffers"), "{s}");
}

#[test]
fn an_age_and_a_role_before_the_name_after_the_cue() {
    let article = run(
        "\"It is one of the hazards of living here, isn't it?\" said 29-year-old bank manager \
         Justin Hale. \"I am used to it.\"",
    );
    let q = article
        .quotes
        .iter()
        .find(|q| q.text.contains("hazards"))
        .expect("the first quotation");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker_of(&article, "It is one of"), "Justin Hale");
    assert_eq!(speaker_of(&article, "I am used"), "Justin Hale");
}

#[test]
fn the_one_quoted_speaks_not_the_one_who_quotes() {
    let article = run("The talks resumed in the capital on Monday.\n\n\
         \"We are going to work very hard to close the gap,\" the Harbour Post quoted Finance \
         Minister Ada Lenz as saying.\n\n\
         \"Nobody wants another delay,\" Tomas Brill was quoted by the agency as telling \
         students.\n\n\
         \"The rain will help the farmers,\" the city's chief planner Ola Birk said in the \
         statement.");
    let q = article
        .quotes
        .iter()
        .find(|q| q.text.contains("work very hard"))
        .expect("the first quotation");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(speaker_of(&article, "We are going").contains("Lenz"));
    assert!(speaker_of(&article, "Nobody wants").contains("Brill"));
    assert!(speaker_of(&article, "The rain will").contains("Birk"));
}

#[test]
fn the_one_including_names_speaks_for_the_group() {
    let article = run(
        "Top Democrats condemned the remarks, including Senator Ann Holt, who said: \"This is \
         beneath the office of president.\"\n\n\
         Several Republicans -- including Senator Tom Reed -- said: \"We will not support this \
         bill in its current form.\"\n\n\
         Local officials have praised the plan, including county clerk Dana Whitfield -- \"It \
         is the best budget in ten years.\"",
    );
    assert!(speaker_of(&article, "This is beneath").contains("Holt"));
    assert!(speaker_of(&article, "We will not support").contains("Reed"));
    assert!(speaker_of(&article, "It is the best").contains("Whitfield"));
}
