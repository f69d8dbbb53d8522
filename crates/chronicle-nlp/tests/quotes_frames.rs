//! Speakers that news style writes outside the plain "X said" frame: "it" for a company or a
//! body named before, a pronoun after a subject that is someone's spokesman (the spokesman, not
//! the one whose spokesman he is), a quotation set off by dashes inside its speaker's sentence,
//! a speaker after a preposition ("In the words of X", "For X, ..."), and the name in
//! apposition to a description after the cue ("said the chairman of the committee, Ann Dale").
//! The sentences are the team's own.

use chronicle_core::{Article, QuoteKind};

#[path = "common/quotes.rs"]
mod common_quotes;
use common_quotes::speaker_of;

fn run(body: &str) -> Article {
    common_quotes::run_on(body, jiff::civil::date(2016, 10, 1))
}

fn kind_of(article: &Article, opening: &str) -> QuoteKind {
    article
        .quotes
        .iter()
        .find(|q| q.text.trim_start_matches(['“', '"']).starts_with(opening))
        .map(|q| q.kind)
        .unwrap_or_else(|| panic!("no quotation opening with {opening:?}"))
}

#[test]
fn it_stands_for_the_company_not_the_last_person_quoted() {
    let article = run(
        "\"We will not sell,\" said Paula Grant, the founder of the chain.\n\n\
         Harbor Foods reported a loss for the quarter on Tuesday. \"Demand was weak across all \
         our markets,\" it said in a statement.\n\n\
         The Ministry of Transport rejected the claim. \"The line is safe to use,\" it said.",
    );
    let s = speaker_of(&article, "Demand was weak");
    assert!(s.contains("Harbor Foods"), "{s}");
    let s = speaker_of(&article, "The line is safe");
    assert!(s.contains("Ministry"), "{s}");
}

#[test]
fn it_never_stands_for_a_person() {
    let article = run(
        "Mayor Ruth Okoye opened the bridge on Friday. \"It was built on time,\" \
         she said. The council later issued a note. \"Traffic will be light at first,\" it said.",
    );
    let s = speaker_of(&article, "Traffic will be light");
    assert!(!s.contains("Okoye"), "{s}");
}

#[test]
fn he_after_someones_spokesman_is_the_spokesman() {
    let article = run(
        "Governor Alan Pryce was in Boston on Monday. The governor's chief spokesman, Carl \
         Webb, declined to say whether the bill would be signed. He said: \"We will read it \
         first.\"\n\n\
         Senator Dana Ruiz's press secretary would not comment on the vote. \"She has not \
         decided,\" he said.",
    );
    let s = speaker_of(&article, "We will read it");
    assert!(s.contains("Webb"), "{s}");
    let s = speaker_of(&article, "She has not decided");
    assert!(s.contains("press secretary"), "{s}");
}

#[test]
fn a_quotation_between_dashes_is_its_subjects() {
    let article = run(
        "Maria Lopez, the union's president, addressed the crowd -- \"We will not accept these \
         cuts\" -- before leading a march to the gate.\n\n\
         Hospital chief Ruth Bell had one message for the city — \"Stay home if you are sick.\"",
    );
    assert_eq!(kind_of(&article, "We will not accept"), QuoteKind::Direct);
    let s = speaker_of(&article, "We will not accept");
    assert!(s.contains("Lopez"), "{s}");
    assert_eq!(kind_of(&article, "Stay home"), QuoteKind::Direct);
    let s = speaker_of(&article, "Stay home");
    assert!(s.contains("Bell"), "{s}");
}

#[test]
fn a_speaker_after_a_preposition_frames_the_quotation() {
    let article = run("The council voted on the budget on Tuesday.\n\n\
         In the words of Mayor Tom Alvarez, \"We cannot tax our way out of this.\"\n\n\
         For analyst Karen Ostrowski, the vote was \"long overdue and badly needed.\"");
    assert_eq!(kind_of(&article, "We cannot tax"), QuoteKind::Direct);
    let s = speaker_of(&article, "We cannot tax");
    assert!(s.contains("Alvarez"), "{s}");
    let s = speaker_of(&article, "long overdue");
    assert!(s.contains("Ostrowski"), "{s}");
}

#[test]
fn a_description_after_the_cue_gives_the_name_in_apposition() {
    let article = run(
        "The committee published its report on schools on Monday.\n\n\
         \"It would be a tragedy if ministers ignored it,\" said the chairman of the assembly's \
         rural affairs select committee, Labour MP Ann Dale.",
    );
    let s = speaker_of(&article, "It would be a tragedy");
    assert!(s.contains("Dale"), "{s}");
}

fn quote_with<'a>(article: &'a Article, words: &str) -> &'a chronicle_core::Quote {
    article
        .quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quotation with {words:?}"))
}

#[test]
fn it_after_reported_words_is_the_reporter_not_their_subject() {
    let article = run(
        "Fitch Ratings cut its outlook for the region's banks on Monday.\n\n\
         Also, the province still has a strong economy and low public debt, it said.",
    );
    let q = quote_with(&article, "strong economy");
    let s = q.speaker.clone().unwrap_or_default();
    assert!(s.contains("Fitch"), "{s}");
}

#[test]
fn an_empty_it_before_a_passive_cue_names_no_one() {
    let article = run(
        "\"We were never consulted,\" said Helen Ames, who chairs the clinic's board.\n\n\
         It was announced on Friday that the two branches would shut in May.",
    );
    let q = quote_with(&article, "would shut");
    assert_eq!(q.speaker, None);
}
