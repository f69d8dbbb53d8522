//! Counts (GKG V1Counts): one sentence of our own for each count type and number form, and the
//! numbers that must not count.

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::gist::GistTagger;
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::time::TimeTagger;

fn counts(text: &str) -> Vec<(String, f64, String)> {
    let mut a = Article::new("t", text);
    a.published = Some(jiff::civil::date(2021, 3, 4));
    Segmenter::new().annotate(&mut a);
    TimeTagger::new().annotate(&mut a);
    GistTagger::new().annotate(&mut a);
    a.counts
        .iter()
        .map(|c| (c.kind.clone(), c.number, c.object.clone()))
        .collect()
}

fn one(text: &str, kind: &str, number: f64, object: &str) {
    let got = counts(text);
    assert!(
        got.iter()
            .any(|(k, n, o)| k == kind && *n == number && o == object),
        "{text:?}: expected ({kind}, {number}, {object:?}), got {got:?}"
    );
}

#[test]
fn kill() {
    one(
        "Gunmen killed 12 people in the market.",
        "KILL",
        12.0,
        "people",
    );
    one(
        "At least 30 civilians were killed on Sunday.",
        "KILL",
        30.0,
        "civilians",
    );
    one("The blast left 45 dead.", "KILL", 45.0, "");
    one(
        "The death toll rose to 87, officials said.",
        "KILL",
        87.0,
        "",
    );
    one(
        "Twelve Palestinian civilians died in the strike.",
        "KILL",
        12.0,
        "Palestinian civilians",
    );
    one(
        "The attack killed at least two dozen soldiers.",
        "KILL",
        24.0,
        "soldiers",
    );
    one("There were 17 deaths at the camp.", "KILL", 17.0, "deaths");
}

#[test]
fn wound() {
    one(
        "The explosion wounded 40 passers-by.",
        "WOUND",
        40.0,
        "passers-by",
    );
    one("Another 15 people were injured.", "WOUND", 15.0, "people");
    one(
        "Doctors treated 12 wounded soldiers.",
        "WOUND",
        12.0,
        "soldiers",
    );
}

#[test]
fn arrest() {
    one(
        "Police arrested 200 demonstrators on Friday.",
        "ARREST",
        200.0,
        "demonstrators",
    );
    one(
        "Five protesters were arrested outside parliament.",
        "ARREST",
        5.0,
        "protesters",
    );
    one(
        "Authorities detained dozens of journalists.",
        "ARREST",
        12.0,
        "journalists",
    );
}

#[test]
fn kidnap() {
    one(
        "Gunmen abducted 30 schoolgirls from a dormitory.",
        "KIDNAP",
        30.0,
        "schoolgirls",
    );
    one(
        "The group still holds 14 hostages.",
        "KIDNAP",
        14.0,
        "hostages",
    );
}

#[test]
fn protest() {
    one(
        "Thousands of protesters filled the square.",
        "PROTEST",
        1000.0,
        "protesters",
    );
    one(
        "Tens of thousands of demonstrators gathered.",
        "PROTEST",
        10000.0,
        "demonstrators",
    );
    one(
        "About 5,000 people marched through the capital.",
        "PROTEST",
        5000.0,
        "people",
    );
    one("A crowd of 3,000 blocked the road.", "PROTEST", 3000.0, "");
}

#[test]
fn affect_displaced_evacuate() {
    one(
        "The floods affected 1.2 million people.",
        "AFFECT",
        1_200_000.0,
        "people",
    );
    one(
        "Some 800 tourists were stranded at the airport.",
        "AFFECT",
        800.0,
        "tourists",
    );
    one(
        "The fighting has displaced 250,000 residents.",
        "DISPLACED",
        250_000.0,
        "residents",
    );
    one(
        "Hundreds of thousands of refugees crossed the border.",
        "DISPLACED",
        100_000.0,
        "refugees",
    );
    one(
        "Officials evacuated 3,000 villagers ahead of the storm.",
        "EVACUATE",
        3000.0,
        "villagers",
    );
}

#[test]
fn seize_missing_sicken() {
    one(
        "Customs officers seized 3 tons of cocaine.",
        "SEIZE",
        3.0,
        "tons of cocaine",
    );
    one(
        "Twenty-five fishermen are still missing.",
        "MISSING",
        25.0,
        "fishermen",
    );
    one(
        "The ministry reported 340 new cases.",
        "SICKEN",
        340.0,
        "new cases",
    );
}

#[test]
fn troops_alone_are_no_count() {
    assert_eq!(
        counts("The country sent 3,000 troops to the border."),
        vec![]
    );
    one("The war has killed 3,000 troops.", "KILL", 3000.0, "troops");
}

#[test]
fn numbers_that_never_count() {
    for text in [
        "He was killed in 2019.",
        "Prices rose 5 percent after 12 people were warned.",
        "A 12-year-old was arrested.",
        "The bill costs $3 million, officials killed it.",
        "Talks resumed on March 18.",
        "Killed for nothing, they said.",
        "Dozens.",
    ] {
        let got = counts(text);
        assert!(
            got.iter()
                .all(|(_, n, _)| *n != 2019.0 && *n != 3e6 && *n != 18.0),
            "{text:?}: {got:?}"
        );
    }
    assert_eq!(counts("A 12-year-old was arrested."), vec![]);
}

#[test]
fn count_spans_offsets_and_places() {
    let text = "In Gaza, “strikes” killed 12 people.";
    let mut a = Article::new("t", text);
    Segmenter::new().annotate(&mut a);
    a.entities.push(chronicle_core::Entity {
        start: 3,
        end: 7,
        text: "Gaza".into(),
        kind: chronicle_core::EntityType::Gpe,
        canonical: "Gaza".into(),
        actor: None,
    });
    GistTagger::new().annotate(&mut a);
    let c = a.counts.first().expect("a count");
    let chars: Vec<char> = text.chars().collect();
    let span: String = chars[c.start..c.end].iter().collect();
    assert_eq!(span, "killed 12 people");
    assert_eq!(c.place.as_deref(), Some("Gaza"));
}

#[test]
fn agents_are_not_victims() {
    let got = counts("Two bombs killed six police officers.");
    assert_eq!(
        got,
        vec![("KILL".to_string(), 6.0, "police officers".to_string())]
    );
    let got = counts("Officials said the 20 killed included four children.");
    assert!(
        got.iter().all(|(_, _, o)| !o.contains("included")),
        "{got:?}"
    );
    assert_eq!(counts("India has executed 10 solar projects."), vec![]);
}
