//! Speakers the cue's neighbours do not give away, through the whole pipeline: a colon that
//! introduces a quotation with no cue of its own, an aside between dashes or adverbs between
//! the speaker and the cue, a description with a place or a medium after it, a "they" that
//! stands for a group, a "she" that cannot be a man the article already called "he", and the
//! participle of a verb of saying before a comma ("..., asserting, “...”"). The
//! sentences are the team's own.

use chronicle_core::Article;

#[path = "common/quotes.rs"]
mod common_quotes;
use common_quotes::speaker_of;

fn run(body: &str) -> Article {
    common_quotes::run_on(body, jiff::civil::date(2022, 5, 9))
}

#[test]
fn the_subject_of_a_clause_ending_in_a_colon_speaks_the_quotation_after_it() {
    let article = run("The harbour board met in Oslo on Monday.\n\n\
         Chairwoman Ingrid Dahl gave the dockworkers a short answer: “The cranes stay until \
         the contract ends.”");
    assert!(speaker_of(&article, "The cranes stay").contains("Dahl"));
}

#[test]
fn a_colon_ending_the_paragraph_before_introduces_the_quotation() {
    let article = run("Farm prices fell again in March.\n\n\
         On the radio, Senator Paul Okafor made the following remark:\n\n\
         “Growers in the valley cannot wait another season for the water they were promised.”");
    assert!(speaker_of(&article, "Growers in the valley").contains("Okafor"));
}

#[test]
fn a_passive_clause_before_a_colon_gives_its_agent_not_its_subject() {
    let article = run("The audit of the port is long.\n\n\
         The problem is captured by the auditors: “Nine of the twelve cranes had no inspection \
         record at all.”");
    let s = speaker_of(&article, "Nine of the twelve");
    assert!(s.contains("auditors"), "{s}");
}

#[test]
fn an_aside_between_dashes_leaves_the_name_as_the_speaker() {
    let article = run("Shipping rates doubled this spring.\n\n\
         Marta Quist -- who runs a freight company in Gdansk with her brother -- told me, \
         “We have never seen prices like these.”");
    assert!(speaker_of(&article, "We have never seen").contains("Quist"));
}

#[test]
fn adverbs_and_modals_between_the_speaker_and_the_cue_are_skipped() {
    let article = run("The new bridge opened last week.\n\n\
         In quieter years, a commuter would now ask: “Why does the toll cost more than the \
         ferry?”");
    assert!(speaker_of(&article, "Why does the toll").contains("commuter"));
}

#[test]
fn a_description_with_a_place_after_it_is_the_speaker_not_the_place() {
    let article = run("The ministry opened a new clinic.\n\n\
         “The waiting room is already full,” a nurse in the Lagos clinic said.");
    let s = speaker_of(&article, "The waiting room");
    assert!(s.contains("nurse"), "{s}");
}

#[test]
fn they_stands_for_the_group_that_was_the_subject_before() {
    let article = run("A grain merchant was fined last month in Rotterdam.\n\n\
         Critics of the port's customs rules, like the farmer Jan Smit, want the rules \
         rewritten. They sent a letter to the minister on Friday.\n\n\
         “The rules reward the smugglers and punish the honest,” they wrote.");
    let s = speaker_of(&article, "The rules reward");
    assert!(s.to_lowercase().contains("critics"), "{s}");
}

#[test]
fn she_does_not_stand_for_a_man_the_article_called_he() {
    let article = run(
        "Governor Victor Hale spoke first, and he promised new roads.\n\n\
         “We will pave every county road by 2025,” Hale said.\n\n\
         The crowd cheered for a long time.\n\n\
         “He said the same thing four years ago,” she said.",
    );
    let s = speaker_of(&article, "He said the same thing");
    assert!(!s.contains("Hale"), "{s}");
}

#[test]
fn a_participle_after_a_comma_continues_the_clause_before_it() {
    let article = run("The festival closed on Sunday night.\n\n\
         At the last concert, the choir director called the volunteers to the front, singing \
         \"This Is Your Night.\"");
    let s = speaker_of(&article, "This Is Your Night");
    assert!(s.contains("director"), "{s}");
}

#[test]
fn a_clause_opened_by_when_after_a_quotation_does_not_attribute_it() {
    let article = run("The advert ends with a clip of Senator Ruth Abara.\n\n\
         It shows footage of Mayor Leon Fisk saying at a rally in June, “Taxes are for \
         suckers,” when Abara criticised him for his unpaid bills.");
    let s = speaker_of(&article, "Taxes are for");
    assert!(s.contains("Fisk"), "{s}");
}

#[test]
fn the_participle_of_a_verb_of_saying_before_a_comma_introduces_a_whole_quotation() {
    // "asserting," and "conceding," as "adding," do: the quotation after them is an utterance,
    // not a fragment of the writer's sentence.
    let article = run(
        "The senator dodged the question at first and, when pressed after the \
         hearing, answered, asserting, \"Of course I paid every tax I owe.\"\n\n\
         Her rival later spoke to supporters, conceding, \"We did not run a good race.\"",
    );
    for opening in ["Of course I paid", "We did not run"] {
        let q = article
            .quotes
            .iter()
            .find(|q| q.text.trim_start_matches('"').starts_with(opening))
            .unwrap_or_else(|| panic!("no quotation opening with {opening:?}"));
        assert_eq!(q.kind, chronicle_core::QuoteKind::Direct, "{opening}");
    }
    let s = speaker_of(&article, "We did not run");
    assert!(s.contains("rival"), "{s}");
}
