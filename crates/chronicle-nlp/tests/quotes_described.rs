//! Speakers written as descriptions: a role someone's possessive owns after the cue ("said the
//! board's treasurer, Helen Ames"). The sentences are the team's own.

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
         \"It blocks our view,\" said the group's spokeswoman.\n\n\
         \"Prices will rise,\" said the firm's finance director.",
    );
    assert_eq!(speaker_of(&article, "We cannot keep"), "Helen Ames");
    assert_eq!(speaker_of(&article, "It blocks"), "the group's spokeswoman");
    assert_eq!(
        speaker_of(&article, "Prices will"),
        "the firm's finance director"
    );
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
