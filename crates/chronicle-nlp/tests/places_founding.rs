//! Places on the founding article and on the phenomena issue 7 names: population, the
//! article's countries, containment, nationalities that are not places, event places.

use chronicle_core::{Article, Place};
use chronicle_nlp::Stage;
use chronicle_nlp::names::NameFinder;
use chronicle_nlp::places::{PlaceFinder, event_place, main_place};
use chronicle_nlp::segment::Segmenter;

fn annotate(body: &str) -> Article {
    let mut a = Article::new("t", body);
    Segmenter::new().annotate(&mut a);
    NameFinder::new().annotate(&mut a);
    PlaceFinder::new().annotate(&mut a);
    a
}

fn place<'a>(a: &'a Article, text: &str) -> &'a Place {
    a.places.iter().find(|p| p.text == text).unwrap_or_else(|| {
        panic!(
            "no place {text:?} in {:?}",
            a.places.iter().map(|p| &p.text).collect::<Vec<_>>()
        )
    })
}

fn near(p: &Place, lat: f64, lon: f64) -> bool {
    (p.lat.unwrap() - lat).abs() < 0.5 && (p.lon.unwrap() - lon).abs() < 0.5
}

#[test]
fn founding_article() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/articles/000_6ecb41acef5f7571.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("note: {path} is absent; founding-article test skipped");
        return;
    };
    let a = annotate(&text);
    let hanoi = place(&a, "Hanoi");
    assert_eq!(hanoi.country.as_deref(), Some("VN"));
    assert!(near(hanoi, 21.03, 105.85), "{hanoi:?}");
    assert_eq!(place(&a, "Yongbyon").country.as_deref(), Some("KP"));
    assert!(near(place(&a, "Yongbyon"), 39.8, 125.8));
    assert_eq!(place(&a, "Singapore").country.as_deref(), Some("SG"));
    assert_eq!(place(&a, "Vietnam").country.as_deref(), Some("VN"));
    assert!(a.places.iter().all(|p| !p.text.contains("Korean")));
    for p in &a.places {
        assert_eq!(
            a.body
                .chars()
                .skip(p.start)
                .take(p.end - p.start)
                .collect::<String>(),
            p.text
        );
    }
}

#[test]
fn nationalities_are_not_places() {
    let a = annotate("A senior North Korean diplomat met Russian officials in Moscow.");
    assert!(
        a.places
            .iter()
            .all(|p| p.text != "North Korean" && p.text != "Russian")
    );
    assert_eq!(place(&a, "Moscow").country.as_deref(), Some("RU"));
}

#[test]
fn population_decides_alone() {
    let a = annotate("The delegation flew to Paris on Monday.");
    assert_eq!(place(&a, "Paris").country.as_deref(), Some("FR"));
}

#[test]
fn the_articles_countries_decide_georgia() {
    let a = annotate(
        "Protesters gathered in Tbilisi. The government of Georgia said the vote was fair.",
    );
    assert_eq!(place(&a, "Georgia").country.as_deref(), Some("GE"));
    let a = annotate(
        "Voters in Atlanta lined up for hours. Georgia has 16 electoral votes, and Texas has 38.",
    );
    assert_eq!(place(&a, "Georgia").country.as_deref(), Some("US"));
}

#[test]
fn containment_decides_springfield() {
    let a = annotate("The rally was held in Springfield, Illinois, on Saturday.");
    let s = place(&a, "Springfield");
    assert_eq!(s.country.as_deref(), Some("US"));
    assert!(near(s, 39.8, -89.64), "{s:?}");
    let a = annotate("Police in Lexington, Ky., arrested two men.");
    assert!(near(place(&a, "Lexington"), 38.05, -84.5));
    assert_eq!(place(&a, "Ky.").name, "Kentucky");
}

#[test]
fn exonyms_and_abbreviations() {
    let a = annotate("Officials in Kiev and the U.S. disagreed.");
    assert_eq!(place(&a, "Kiev").country.as_deref(), Some("UA"));
    assert_eq!(place(&a, "U.S.").country.as_deref(), Some("US"));
}

#[test]
fn event_places_come_from_the_clause_then_the_sentence_then_the_article() {
    let a = annotate(
        "Talks were held in Hanoi. Officials in Washington rejected the offer. Nobody commented.",
    );
    let s1 = &a.sentences[1];
    assert_eq!(
        event_place(&a, 1, Some((s1.start, s1.end))).unwrap().text,
        "Washington"
    );
    assert_eq!(event_place(&a, 0, None).unwrap().text, "Hanoi");
    // The third sentence names no place: the article's main place (the first on a tie).
    assert_eq!(event_place(&a, 2, None).unwrap().text, "Hanoi");
    assert_eq!(main_place(&a).unwrap().text, "Hanoi");
    assert!(event_place(&a, 99, None).is_none());
}

#[test]
fn a_users_gazetteer_adds_places() {
    let dir = std::env::temp_dir().join(format!("chronicle-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("mine.tsv");
    std::fs::write(
        &file,
        "Camp Bastion\tplace\tAF\t31.86\t64.2\t0\nBastion\tcity\tAF\tCamp Bastion\n",
    )
    .unwrap();
    let finder = PlaceFinder::with_gazetteer(&file).unwrap();
    let mut a = Article::new("t", "Troops stayed at Camp Bastion in Helmand.");
    Segmenter::new().annotate(&mut a);
    NameFinder::new().annotate(&mut a);
    finder.annotate(&mut a);
    assert_eq!(place(&a, "Camp Bastion").country.as_deref(), Some("AF"));
    std::fs::write(&file, "Nowhere\tplanet\tAF\n").unwrap();
    let err = PlaceFinder::with_gazetteer(&file).unwrap_err();
    assert!(err.contains("mine.tsv:1"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
