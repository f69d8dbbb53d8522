//! A "he" or "she" right after a sentence whose subject describes one person ("said the
//! group's spokeswoman", "The engineer said ...", "A spokesman for the mayor said ...") stands
//! for that person, as a reader takes it, not for someone the article named further back nor
//! for a person the described subject only spoke of. The sentences are the team's own.

use chronicle_core::Article;

#[path = "common/quotes.rs"]
mod common_quotes;
use common_quotes::speaker_of;

fn run(body: &str) -> Article {
    common_quotes::run_on(body, jiff::civil::date(2016, 10, 1))
}

#[test]
fn she_after_a_possessed_role_after_its_cue_is_that_role() {
    let article = run(
        "Senator Mary Clark toured the flooded valley on Monday with the county's engineers.\n\n\
         \"We will rebuild every bridge,\" said the group's spokeswoman. She added: \"Nobody \
         will be left behind.\"",
    );
    let s = speaker_of(&article, "Nobody will be");
    assert!(s.contains("spokeswoman"), "{s}");
}

#[test]
fn he_after_an_indefinite_role_subject_is_that_person() {
    let article = run(
        "Mayor Tom Becker wants the old mill torn down by spring.\n\n\
         A spokesman for the heritage trust said the building could still be saved. \"There \
         is no reason to rush,\" he said.",
    );
    let s = speaker_of(&article, "There is no reason");
    assert!(s.contains("spokesman"), "{s}");
}

#[test]
fn he_after_a_definite_role_subject_brought_in_unnamed_is_that_person() {
    let article = run(
        "Patients at the clinic have waited for months, said a doctor who works there.\n\n\
         The doctor said Ray Doyle had ignored the warnings for years. However, he cautioned, \
         \"Nobody can say when the money will come.\"",
    );
    let s = speaker_of(&article, "Nobody can say");
    assert!(!s.contains("Doyle"), "{s}");
    assert!(s.contains("doctor"), "{s}");
}

#[test]
fn a_role_of_the_other_gender_is_no_antecedent() {
    let article = run("Governor Anne Wells signed the water bill on Friday.\n\n\
         The governor's spokesman said the bill would pass the senate. \"We have the votes,\" \
         she said later.");
    let s = speaker_of(&article, "We have the votes");
    assert!(s.contains("Wells"), "{s}");
}

#[test]
fn she_after_a_kin_word_subject_is_that_relative() {
    let article = run(
        "Pilot Sam Ortega was freed on Friday after six weeks in the hands of the rebels, the \
         Red Cross said.\n\n\
         His wife flew to the capital in May to wait for news. \"I never stopped hoping,\" she \
         said.",
    );
    let s = speaker_of(&article, "I never stopped");
    assert!(s.contains("wife"), "{s}");
}

#[test]
fn he_after_a_role_word_of_the_lexicon_is_that_person() {
    let article = run("Councillor Ben Adair wants the depot closed by June.\n\n\
         Another senior party leader said the vote could split the council. \"We need more \
         time,\" he said.");
    let s = speaker_of(&article, "We need more time");
    assert!(s.contains("leader"), "{s}");
}

#[test]
fn a_definite_role_of_someone_named_is_left_to_the_names() {
    // "The Republican nominee" was never brought in as "a nominee": it is a role of someone the
    // article names, not a new person, so the pronoun is not read as the description.
    let article = run("Donald Trump held a rally in Ohio on Monday.\n\n\
         The Republican nominee spoke for an hour about trade. \"We will win this state,\" he \
         said.");
    let s = speaker_of(&article, "We will win");
    assert!(!s.contains("nominee"), "{s}");
}
