//! A far, small namesake is no reading (issue #26): where the article's other places speak for
//! other lands and never for the namesake's, a village of another country is not what the text
//! names ("Jenin" in a story of the West Bank is no Polish village, "Java" in a story of
//! Indonesia no Georgian one). The place keeps its span and gets no point. Sentences written by
//! the team.

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

#[test]
fn a_far_small_namesake_gets_no_point() {
    let a = annotate(
        "Israeli troops entered Jenin on Tuesday, and gunmen in Jenin fired at them. Residents of \
         Nablus and Ramallah said the army also closed roads near Jerusalem.",
    );
    let jenin = a
        .places
        .iter()
        .find(|p| p.text == "Jenin")
        .unwrap_or_else(|| panic!("Jenin keeps its span: {:?}", a.places));
    assert_eq!(jenin.country, None, "no Polish village: {jenin:?}");
    assert_eq!(jenin.lat, None, "{jenin:?}");
    let jerusalem = a.places.iter().find(|p| p.text == "Jerusalem");
    assert_eq!(
        jerusalem.and_then(|p| p.country.as_deref()),
        Some("IL"),
        "{:?}",
        a.places
    );
}

#[test]
fn a_small_town_of_a_country_the_article_names_keeps_its_point() {
    let a = annotate(
        "Floods cut the road between Zakopane and Krakow, and rescuers from Poland and Slovakia \
         reached the valley on Sunday.",
    );
    let zakopane = a.places.iter().find(|p| p.text == "Zakopane");
    assert_eq!(
        zakopane.and_then(|p| p.country.as_deref()),
        Some("PL"),
        "{:?}",
        a.places
    );
}
