//! Every data file embedded from `dictionaries/` parses cleanly. Embedded data is compile-time
//! data: a line that does not parse is a build defect, and the loaders panic naming the file and
//! line (`dictionaries/verbs/12_reject.txt:40: ...`) rather than skip it. These tests load each
//! resource the way the stages do, so such a line fails here before it ships; a user's file
//! (`--dictionaries`, `--gazetteer`) is input instead, and gets a located error.

use chronicle_core::Article;
use chronicle_nlp::Pipeline;
use chronicle_nlp::names::dictionary::{ActorDictionary, embedded_roles};

#[test]
fn the_actor_dictionaries_parse_without_a_warning() {
    let d = ActorDictionary::embedded().expect("dictionaries/actors parse");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert!(d.entries.len() > 500 && d.phrases.len() > d.entries.len());
}

#[test]
fn roles_are_parsed_once_and_shared() {
    let roles = embedded_roles();
    assert!(
        roles
            .iter()
            .any(|r| r.words == "foreign minister" && r.code == "GOV")
    );
    // The second stage to ask gets the same table, not a second parse.
    assert!(std::ptr::eq(roles, embedded_roles()));
    let d = ActorDictionary::embedded().expect("dictionaries/actors parse");
    assert_eq!(d.roles.len(), roles.len());
}

#[test]
fn every_stage_loads_its_embedded_resources() {
    // Each stage's word lists load (the verb dictionary and code table with the pipeline) at its first article (segmenter abbreviations, time lexicon,
    // quote cues, themes, tone, counts, the gazetteer): one article through the whole pipeline
    // loads them all.
    let pipeline = Pipeline::standard();
    let mut a = Article::new(
        "embedded",
        "The foreign minister of France said on Monday, June 12, that 3,000 troops had \
         arrived in Paris. \"We will not back down,\" he told reporters.",
    );
    a.published = Some(jiff::civil::date(2018, 6, 14));
    pipeline.annotate(&mut a);
    assert!(!a.entities.is_empty(), "names found nothing");
    assert!(!a.dates.is_empty(), "time found nothing");
    assert!(!a.quotes.is_empty(), "quotes found nothing");
}
