//! Common words that are also small towns somewhere (issue #26): a word of a longer capitalised
//! name the names stage took for no name ("Star Wars", "Energy Information Center") is no town
//! of that name, and neither is a sentence's first word after an opening quotation mark
//! ('"Many families ...'); a country, a state or a large town still is, and so is a small town
//! whose office follows it ("Litchfield Fire Chief"). A holiday ("Christmas") is a day, no town
//! and no name. Sentences written by the team.

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::names::NameFinder;
use chronicle_nlp::places::PlaceFinder;
use chronicle_nlp::segment::Segmenter;

fn annotate(body: &str) -> Article {
    let mut a = Article::new("t", body);
    Segmenter::new().annotate(&mut a);
    NameFinder::new().annotate(&mut a);
    PlaceFinder::new().annotate(&mut a);
    a
}

fn place_texts(a: &Article) -> Vec<&str> {
    a.places.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn a_word_of_a_longer_capitalised_name_is_no_small_town() {
    let a = annotate(
        "Fans queued in Texas for the new Star Wars film. Analysts at the Energy Information \
         Center in Ohio said prices would rise.",
    );
    assert_eq!(place_texts(&a), vec!["Texas", "Ohio"]);
}

#[test]
fn a_quoted_sentences_first_word_is_no_town() {
    // "Many" is a town in Louisiana, and the article is about Louisiana.
    let a = annotate(
        "Rescue teams reached villages across Louisiana on Sunday. \"Many families lost \
         everything,\" a volunteer said.",
    );
    assert_eq!(place_texts(&a), vec!["Louisiana"]);
}

#[test]
fn a_small_town_before_its_own_office_is_still_a_place() {
    let a = annotate(
        "Firefighters from Torrington fought the blaze in Connecticut for six hours, said \
         Litchfield Fire Chief Jim Koser.",
    );
    let texts = place_texts(&a);
    assert!(texts.contains(&"Litchfield"), "{texts:?}");
    assert!(texts.contains(&"Connecticut"), "{texts:?}");
}

#[test]
fn a_holiday_is_no_town_of_its_name() {
    // Christmas, Florida is a town; "before Christmas" in a story about Florida is the day.
    let a = annotate(
        "Shoppers in Florida spent more before Christmas than a year ago, and the Easter \
         sales in Texas were strong. Refugees reached Christmas Island on Monday.",
    );
    assert_eq!(
        place_texts(&a),
        vec!["Florida", "Texas", "Christmas Island"]
    );
    assert!(
        a.entities
            .iter()
            .all(|e| e.text != "Christmas" && e.text != "Easter"),
        "{:?}",
        a.entities.iter().map(|e| &e.text).collect::<Vec<_>>()
    );
}
