//! Office holders below the head of government (issues #19, #26): governors, cabinet ministers
//! beyond foreign and defence, opposition leaders, legislators and candidates take the code of
//! the office their term covers on the article's date, no code before their first term, and the
//! country's ELI after their last; an event they act in is coded with that actor. Sentences
//! written by the team.

#[path = "common/events.rs"]
mod common_events;

use chronicle_core::Article;
use chronicle_nlp::names::NameFinder;
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::{Pipeline, Stage};
use jiff::civil::{Date, date};

/// The actor code of the first mention written `text` in `body`, published `published`.
fn actor(body: &str, text: &str, published: Date) -> Option<String> {
    let mut a = Article::new("t", body);
    a.published = Some(published);
    Segmenter::new().annotate(&mut a);
    NameFinder::new().annotate(&mut a);
    let found = a.entities.iter().find(|e| e.text == text);
    assert!(
        found.is_some(),
        "no entity {text:?} in {:?}",
        a.entities.iter().map(|e| &e.text).collect::<Vec<_>>()
    );
    found.and_then(|e| e.actor.clone())
}

fn code(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn a_governor_is_coded_by_the_office_his_term_covers() {
    let s = "John Kasich told reporters in Columbus that the budget would balance.";
    // Governor of Ohio.
    assert_eq!(actor(s, "John Kasich", date(2016, 3, 10)), code("USAGOV"));
    // A congressman before that.
    assert_eq!(actor(s, "John Kasich", date(1995, 6, 1)), code("USALEG"));
    // Before his first term he held no office; after his last he is a former office holder.
    assert_eq!(actor(s, "John Kasich", date(1978, 6, 1)), None);
    assert_eq!(actor(s, "John Kasich", date(2021, 6, 1)), code("USAELI"));
}

#[test]
fn a_minister_and_an_opposition_leader_hold_their_codes_only_in_their_terms() {
    let s = "Clare Short flew to Nairobi on Monday to discuss the drought.";
    assert_eq!(actor(s, "Clare Short", date(2001, 2, 5)), code("GBRGOV"));
    // After she left the cabinet she sat as a backbench MP.
    assert_eq!(actor(s, "Clare Short", date(2004, 9, 1)), code("GBRLEG"));
    assert_eq!(actor(s, "Clare Short", date(1992, 2, 5)), None);

    let s = "Menzies Campbell said the Liberal Democrats would vote against the bill.";
    assert_eq!(
        actor(s, "Menzies Campbell", date(2006, 4, 2)),
        code("GBROPP")
    );
    assert_eq!(actor(s, "Menzies Campbell", date(1996, 4, 2)), None);
}

#[test]
fn a_candidate_without_an_office_is_an_elite_for_the_campaign_then_takes_his_office() {
    let s = "Ben Carson spoke to a crowd of supporters in Des Moines on Saturday.";
    assert_eq!(actor(s, "Ben Carson", date(2015, 11, 14)), code("USAELI"));
    assert_eq!(actor(s, "Ben Carson", date(2018, 5, 1)), code("USAGOV"));
    assert_eq!(actor(s, "Ben Carson", date(2009, 5, 1)), None);
}

#[test]
fn an_added_office_holder_acting_in_his_term_gives_an_event() {
    let pipeline = Pipeline::standard();
    let mut article = Article::new(
        "t",
        "Robert Mugabe accused Britain of plotting against his government.",
    );
    article.published = Some(date(2005, 6, 20));
    pipeline.annotate(&mut article);
    let events = common_events::triples(&article.events);
    assert!(
        events
            .iter()
            .any(|(s, t, c)| s == "ZWEGOV" && t.starts_with("GBR") && c.starts_with("11")),
        "{events:?}"
    );
}
