//! Toponyms the spotter used to miss, and readings it used to place far off (issue #26, the
//! places part): a place inside a hyphenated word, a place's name that the names stage cut
//! short, a province's abbreviation after "Town,", a dateline's all-capital town, a Chinese
//! province GeoNames files as "... Sheng", and large divisions placed near their centre.
//! Sentences written by the team.

use chronicle_core::{Article, Place, PlaceKind};
use chronicle_nlp::Stage;
use chronicle_nlp::names::NameFinder;
use chronicle_nlp::places::PlaceFinder;
use chronicle_nlp::places::gazetteer::distance_km;
use chronicle_nlp::segment::Segmenter;

fn annotate(body: &str) -> Article {
    let mut a = Article::new("t", body);
    Segmenter::new().annotate(&mut a);
    NameFinder::new().annotate(&mut a);
    PlaceFinder::new().annotate(&mut a);
    a
}

fn texts(a: &Article) -> Vec<&str> {
    a.places.iter().map(|p| p.text.as_str()).collect()
}

fn place<'a>(a: &'a Article, text: &str) -> &'a Place {
    a.places
        .iter()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no place {text:?} in {:?}", texts(a)))
}

#[test]
fn places_inside_hyphenated_words_count() {
    let a = annotate(
        "Ministers said the Kenya-Uganda border talks would resume. A Germany-based charity \
         and a Canada-wide appeal raised money for the victims.",
    );
    let t = texts(&a);
    for want in ["Kenya", "Uganda", "Germany", "Canada"] {
        assert!(t.contains(&want), "{want}: {t:?}");
    }
    assert_eq!(place(&a, "Uganda").country.as_deref(), Some("UG"));
}

#[test]
fn hyphenated_names_of_people_and_firms_hold_no_place() {
    let a = annotate(
        "Agence France-Presse reported that the New York-based group had hired Anne \
         Smith-Paris as its spokeswoman, a critic of the pro-Western government.",
    );
    let t = texts(&a);
    assert!(!t.contains(&"Western"), "{t:?}");
    assert!(!t.contains(&"France"), "{t:?}");
    assert!(!t.contains(&"York"), "{t:?}");
    assert!(!t.contains(&"Paris"), "{t:?}");
}

#[test]
fn the_gazetteers_longer_name_wins_over_a_name_cut_short() {
    let a = annotate(
        "Floods closed roads across New South Wales on Friday, and snow fell in British \
         Columbia.",
    );
    let t = texts(&a);
    assert!(t.contains(&"New South Wales"), "{t:?}");
    assert!(t.contains(&"British Columbia"), "{t:?}");
    assert!(!t.contains(&"Wales"), "{t:?}");
    assert_eq!(place(&a, "British Columbia").country.as_deref(), Some("CA"));
}

#[test]
fn a_province_abbreviation_after_a_town_keeps_its_full_stop() {
    let a = annotate("She grew up in Brandon, Man. and later moved to Red Deer, Alta., for work.");
    let t = texts(&a);
    assert!(t.contains(&"Man."), "{t:?}");
    assert!(t.contains(&"Alta."), "{t:?}");
    assert_eq!(place(&a, "Man.").name, "Manitoba");
    assert_eq!(place(&a, "Brandon").country.as_deref(), Some("CA"));
}

#[test]
fn a_dateline_town_before_its_state_is_a_place() {
    let a = annotate(
        "FRANKFORT, Ky. (AP) - Lawmakers met on Tuesday to debate the budget of the state.",
    );
    let t = texts(&a);
    assert!(t.contains(&"FRANKFORT"), "{t:?}");
    assert_eq!(place(&a, "FRANKFORT").country.as_deref(), Some("US"));
    assert_eq!(place(&a, "FRANKFORT").admin1.as_deref(), Some("Kentucky"));
}

#[test]
fn chinese_provinces_go_by_their_short_names() {
    let a =
        annotate("Cases were reported in Anhui, Jiangsu and Shandong, officials in Beijing said.");
    for p in ["Anhui", "Jiangsu", "Shandong"] {
        let x = place(&a, p);
        assert_eq!(x.country.as_deref(), Some("CN"), "{p}");
        assert_eq!(x.kind, Some(PlaceKind::Admin1), "{p}");
    }
    // A generic word left alone is no division: "North Province" does not make "North" one.
    let b = annotate("Temperatures fell in the North on Sunday.");
    assert!(!texts(&b).contains(&"North"), "{:?}", texts(&b));
}

#[test]
fn large_divisions_lie_near_their_centre() {
    let a = annotate("Wildfires burned in Alberta and Queensland while Texas braced for storms.");
    // Reference points a little inland of where towns crowd (within 200 km of the centre).
    for (p, lat, lon) in [
        ("Alberta", 53.9, -116.6),
        ("Queensland", -21.5, 144.5),
        ("Texas", 31.2, -99.5),
    ] {
        let x = place(&a, p);
        let d = distance_km(lat, lon, x.lat.unwrap_or(0.0), x.lon.unwrap_or(0.0));
        assert!(d < 200.0, "{p}: {d:.0} km from its centre");
    }
}
