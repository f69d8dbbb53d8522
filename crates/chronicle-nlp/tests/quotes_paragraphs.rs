//! One utterance across paragraphs: a quotation that opens the paragraph right after an
//! attributed one and has no attribution of its own goes on with it ("“A,” she said.\n\n“B.”"),
//! as news writes a long utterance; not across a paragraph of other words. The sentences are
//! the team's own.

use chronicle_core::{Article, Quote};

#[path = "common/quotes.rs"]
mod common_quotes;

fn run(body: &str) -> Article {
    common_quotes::run_on(body, jiff::civil::date(2016, 10, 1))
}

fn quote<'a>(article: &'a Article, opening: &str) -> &'a Quote {
    article
        .quotes
        .iter()
        .find(|q| q.text.trim_start_matches(['“', '"']).starts_with(opening))
        .unwrap_or_else(|| panic!("no quotation opening with {opening:?}"))
}

#[test]
fn a_quotation_opening_the_next_paragraph_goes_on_with_the_utterance() {
    let article = run("The river rose two metres overnight.\n\n\
         \"We will rebuild the bridge before winter,\" said Mayor Ann Lee.\n\n\
         \"Nobody in this town will be left behind. We have the money.\"\n\n\
         The work starts in May.");
    let first = quote(&article, "We will rebuild");
    let second = quote(&article, "Nobody in this town");
    assert_eq!(
        common_quotes::speaker_of(&article, "Nobody in this town"),
        "Ann Lee"
    );
    assert!(first.utterance.is_some());
    assert_eq!(first.utterance, second.utterance);
}

#[test]
fn a_paragraph_of_other_words_ends_the_utterance() {
    let article = run(
        "\"We will rebuild the bridge before winter,\" said Mayor Ann Lee.\n\n\
         The bridge was closed in May after a truck hit one of its piers.\n\n\
         \"Nobody in this town will be left behind,\" she said.",
    );
    let first = quote(&article, "We will rebuild");
    let second = quote(&article, "Nobody in this town");
    assert_ne!(first.utterance, second.utterance);
}

#[test]
fn a_piece_running_on_into_the_next_paragraph_is_of_the_paragraph_it_opens_in() {
    // The second piece opens after the cue and runs on, without a closing mark, into the next
    // paragraph: it hangs from the same cue as the first piece.
    let article = run("The river rose two metres overnight.\n\n\
         \"We will rebuild the bridge,\" said Mayor Ann Lee. \"The water is still high.\n\n\
         \"Nobody in this town will be left behind. We have the money.\"\n\n\
         The work starts in May.");
    let first = quote(&article, "We will rebuild");
    let second = quote(&article, "The water is still");
    assert!(first.utterance.is_some());
    assert_eq!(first.utterance, second.utterance);
}
