//! Speakers written as descriptions: a role someone's possessive owns after the cue ("said the
//! board's treasurer, Helen Ames"), and a definite description that stands for the person the
//! narrative is about ("the actor" after the actor was named). The sentences are the team's own.

use chronicle_core::Article;

#[path = "common/quotes.rs"]
mod common_quotes;
use common_quotes::speaker_of;

fn run(body: &str) -> Article {
    common_quotes::run_on(body, jiff::civil::date(2016, 10, 1))
}

#[test]
fn a_possessive_after_the_cue_owns_the_role_that_speaks() {
    let article = run(
        "The library board met on Tuesday to weigh the new budget.\n\n\
         \"We cannot keep every branch open on Sundays,\" said the board's treasurer, Helen \
         Ames.\n\n\
         \"It blocks our view,\" said the group's spokeswoman. She added: \"We will go to \
         court.\"\n\n\
         \"Prices will rise,\" said the firm's finance director.",
    );
    assert_eq!(speaker_of(&article, "We cannot keep"), "Helen Ames");
    assert_eq!(speaker_of(&article, "It blocks"), "the group's spokeswoman");
    assert_eq!(speaker_of(&article, "We will go"), "the group's spokeswoman");
    assert_eq!(speaker_of(&article, "Prices will"), "the firm's finance director");
}

#[test]
fn a_possessor_opening_a_clause_is_no_speaker() {
    // The words after the quotation report anew; the quotation continues the lawyer's.
    let article = run(
        "\"This ruling is a big step,\" said lawyer Dan Hurst, who represents the firm. \"They \
         owe us money.\" Judge Lam's order, known as a summary ruling, is rare for a plaintiff, \
         the party who sues, said Tom Baker, a law professor.",
    );
    assert_eq!(speaker_of(&article, "They owe us"), "Dan Hurst");
}

#[test]
fn the_actor_is_the_person_the_story_named() {
    let article = run(
        "Film star Marcus Delaney arrived in Toronto on Friday for the premiere of his latest \
         picture. Hundreds of fans lined the street for hours.\n\n\
         \"I never expected a crowd like this,\" the actor said.\n\n\
         Jo Lind scored twice as Ferndale beat Ashby 3-1 on Saturday.\n\n\
         \"The second goal was the one that counted,\" the 23-year-old striker said.",
    );
    assert!(speaker_of(&article, "I never expected").contains("Delaney"));
    assert!(speaker_of(&article, "The second goal").contains("Lind"));
}

#[test]
fn a_description_of_someone_brought_in_unnamed_stays_as_written() {
    let article = run(
        "Talks between the two sides resumed on Monday, a foreign ministry spokesman said. \
         Minister Karl Brandt flew in on Sunday.\n\n\
         \"We are close to a deal,\" the spokesman said.\n\n\
         \"Nothing is agreed yet,\" said the official, who asked not to be named.\n\n\
         The ministry issued its reply on Tuesday. \"The offer stands,\" the statement said.",
    );
    assert_eq!(speaker_of(&article, "We are close"), "the spokesman");
    assert_eq!(speaker_of(&article, "Nothing is agreed"), "the official");
    assert_eq!(speaker_of(&article, "The offer stands"), "the statement");
}
