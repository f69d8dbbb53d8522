//! Who speaks a quotation when the words after it, or the description that attributes it, could
//! be read two ways: a sentence after a quotation that reports something new is not its
//! attribution ("“... .” Analysts say the price may fall"), and an indefinite description ("a
//! junior minister said") brings in someone new rather than the holder of a role named before.
//! The sentences are the team's own.

use chronicle_core::Article;

#[path = "common/quotes.rs"]
mod common_quotes;
use common_quotes::speaker_of;

fn run(body: &str) -> Article {
    common_quotes::run_on(body, jiff::civil::date(2016, 10, 1))
}

#[test]
fn a_cue_that_takes_a_clause_reports_anew() {
    let article = run(
        "The shares rose sharply on their first day. \"It is a good bet,\" said Ravi Mehta, an \
         analyst at a Mumbai fund. \"Demand for power is set to grow and the firm will gain \
         from that.\" Analysts say the share price may still fall.\n\n\
         The opposition set out its own plan for sport on Monday. Shadow sports minister Tom \
         Hale said the plan would help local clubs. \"We aim to shift after-school sport away \
         from overstretched teachers.\" The Tories say Labour has failed to act.",
    );
    let s = speaker_of(&article, "Demand for power");
    assert!(s.contains("Mehta"), "{s}");
    let s = speaker_of(&article, "We aim to shift");
    assert!(s.contains("Hale"), "{s}");
}

#[test]
fn a_cue_that_closes_the_writers_sentence_reports_that_sentence() {
    let article = run(
        "\"We don't know who owns this company,\" said Lena Orlov, an analyst in Moscow. \"We \
         tried to find out but we couldn't.\" The sale has however bought time for the firm to \
         raise the money needed for the purchase, analysts said.",
    );
    let s = speaker_of(&article, "We tried to find out");
    assert!(s.contains("Orlov"), "{s}");
}

#[test]
fn a_cue_followed_by_its_circumstances_still_attributes() {
    // Words after the cue that are no clause: the quotation is the attribution's.
    let article = run(
        "The council met on Tuesday. \"The roads need the money.\" Karen Moss told reporters \
         on Friday.\n\n\
         \"We will not wait.\" Ole Brandt said in a statement.",
    );
    let s = speaker_of(&article, "The roads need");
    assert!(s.contains("Moss"), "{s}");
    let s = speaker_of(&article, "We will not wait");
    assert!(s.contains("Brandt"), "{s}");
}

#[test]
fn an_indefinite_description_is_someone_new() {
    let article = run(
        "Prime Minister Anna Berg urged the court to spare the prisoner.\n\n\
         \"No fault can make one man the bearer of death to another,\" she said.\n\n\
         Chile also argued against the execution.\n\n\
         \"The death penalty applied so swiftly is contrary to our principles,\" a junior \
         minister said on Friday.",
    );
    let s = speaker_of(&article, "The death penalty");
    assert!(!s.contains("Berg") && s.contains("minister"), "{s}");
}

#[test]
fn a_definite_description_is_the_role_holder() {
    // The contrast: "the minister" is the minister the article named.
    let article = run(
        "Prime Minister Anna Berg urged the court to spare the prisoner.\n\n\
         Chile also argued against the execution.\n\n\
         \"No fault can make one man the bearer of death to another,\" the prime minister said \
         on Friday.",
    );
    let s = speaker_of(&article, "No fault");
    assert!(s.contains("Berg"), "{s}");
}

#[test]
fn a_definite_description_is_the_holder_spoken_of_last() {
    // Two presidents are named with the title; the text has gone back to the first one when
    // "the president" speaks.
    let article = run(
        "US President George Walker met the families of fallen soldiers on Tuesday.\n\n\
         Some have compared the war to the one President Lyndon Harte waged in the 1960s.\n\n\
         Walker has been criticised for missing funerals, but he often meets families in \
         private.\n\n\
         \"I have never doubted that the sacrifice was worth it,\" the president said.",
    );
    let s = speaker_of(&article, "I have never doubted");
    assert!(s.contains("Walker"), "{s}");
}

#[test]
fn a_sentence_opening_despite_names_no_person() {
    let article = run(
        "Sam Okoro, who studies file-sharing at a Dutch university, said the new network \
         would struggle. \"It cannot stop fake files,\" he said. Studies have shown that record \
         labels worked to flood rival networks with fakes. Despite Suprnova, moderators on such \
         sites kept files clean. \"The moderators are the difference between a system that \
         works and one that does not,\" he said.",
    );
    let s = speaker_of(&article, "The moderators are");
    assert!(s.contains("Okoro"), "{s}");
}

#[test]
fn secretary_of_state_is_a_title_not_a_cue() {
    // "State" is a cue word ("officials state that ..."); capitalised inside a sentence it is
    // part of a name or title, and "Secretary of State" is the role of the name after it.
    let article = run("The talks ended late on Friday.\n\n\
         \"We will act if the ceasefire fails,\" Secretary of State John Kerry said after the \
         meeting.\n\n\
         \"We are looking forward to the talks,\" State Department spokesman Mark Toner said at \
         a briefing.\n\n\
         Former Secretary of State Hillary Clinton said: \"We need a plan.\"");
    let s = speaker_of(&article, "We will act");
    assert_eq!(s, "John Kerry");
    let q = article
        .quotes
        .iter()
        .find(|q| q.text.contains("looking forward"))
        .map(|q| q.cue.clone().unwrap_or_default());
    assert_eq!(q.as_deref(), Some("said"));
    let s = speaker_of(&article, "We need a plan");
    assert_eq!(s, "Hillary Clinton");
}
