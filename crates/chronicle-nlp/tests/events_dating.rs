//! Event dates a reader can trust, on sentences the team wrote, through the whole standard
//! pipeline: no event is dated by a number the text does not make a year, by a millennium read as
//! a year, or more than 30 years after its story; history keeps its dates.

use chronicle_core::Article;
use chronicle_nlp::Pipeline;

/// (CAMEO code, date) of every event the pipeline codes in `text`, published `published`.
fn dated(pipeline: &Pipeline, text: &str, published: &str) -> Vec<(String, Option<String>)> {
    let mut article = Article::new("t", text);
    article.published = Some(published.parse().expect("date"));
    pipeline.annotate(&mut article);
    article
        .events
        .iter()
        .map(|e| (e.cameo.clone(), e.date.clone()))
        .collect()
}

/// The year a date value starts with, when it has four digits of year.
fn year(date: &str) -> Option<i32> {
    date.get(..4)?.parse().ok()
}

#[test]
fn event_dates_stay_within_what_the_text_says_and_its_story_allows() {
    let pipeline = Pipeline::standard();
    // (sentence, publication, the year every event of it must carry)
    let rows: &[(&str, &str, i32)] = &[
        // A number the text does not make a year.
        (
            "France said Iraq was in material breach of UN resolution 1441.",
            "2002-11-20",
            2002,
        ),
        (
            "Italy asked the World Health Organization for help after cases had reached 1004.",
            "2020-03-08",
            2020,
        ),
        // A millennium is no year: the event takes its story's date.
        (
            "China praised South Korea, saying trade between them began some two thousand years ago.",
            "2005-11-12",
            2005,
        ),
        // A record's span is no date ahead.
        (
            "Germany sent troops to Lithuania for the first time in 25 years.",
            "2016-06-07",
            2016,
        ),
        // Further ahead than 30 years is a target, not an event.
        (
            "Japan will sign a climate treaty with China in 2061.",
            "2020-07-06",
            2020,
        ),
        // History keeps its dates.
        (
            "In 1945, the Soviet Union declared war on Japan.",
            "2020-07-06",
            1945,
        ),
        (
            "Japan will sign a climate treaty with China in 2040.",
            "2020-07-06",
            2040,
        ),
    ];
    let mut failures = Vec::new();
    for (text, published, want) in rows {
        let got = dated(&pipeline, text, published);
        if got.is_empty() {
            failures.push(format!("{text}: no event coded"));
        }
        for (code, date) in &got {
            if date.as_deref().and_then(year) != Some(*want) {
                failures.push(format!(
                    "{text}: {code} dated {date:?}, want the year {want}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
