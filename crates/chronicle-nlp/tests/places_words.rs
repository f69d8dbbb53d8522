//! Toponyms only where the text names a place (issue #26): not a person's short name ("Cruz"
//! after "Ted Cruz"), not a word inside a longer place's name ("Wall" of Wall Street), not an
//! abbreviation ("Nov."), unless the text puts it somewhere ("in Cruz"); and the right Georgia by
//! the article's other places; not a place opening a newspaper, a club or an exchange ("New York
//! Times"), while one opening its own public body ("Oregon State Police") still is. Sentences
//! written by the team.

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

fn country_of<'a>(a: &'a Article, text: &str) -> Option<&'a str> {
    a.places
        .iter()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no place {text:?} in {:?}", place_texts(a)))
        .country
        .as_deref()
}

#[test]
fn a_persons_short_name_is_no_place() {
    let a = annotate(
        "Senator Ted Cruz campaigned in Iowa on Monday. Cruz told supporters in Des Moines \
         that he would win. Later Cruz flew to Texas.",
    );
    let texts = place_texts(&a);
    assert!(!texts.contains(&"Cruz"), "{texts:?}");
    assert!(
        texts.contains(&"Iowa") && texts.contains(&"Texas"),
        "{texts:?}"
    );
}

#[test]
fn a_word_inside_a_longer_place_name_is_no_place_of_its_own() {
    let a =
        annotate("Shares fell on Wall Street after the report, and traders in London sold too.");
    let texts = place_texts(&a);
    assert!(!texts.contains(&"Wall"), "{texts:?}");
    assert!(!texts.contains(&"Street"), "{texts:?}");
    assert!(texts.contains(&"London"), "{texts:?}");
}

#[test]
fn a_month_cut_short_is_a_date_and_a_state_cut_short_a_state() {
    let a = annotate("He was last seen Nov. 3 near his home in Lexington, Ky., police said.");
    let texts = place_texts(&a);
    assert!(!texts.contains(&"Nov."), "{texts:?}");
    assert_eq!(country_of(&a, "Lexington"), Some("US"));
    assert_eq!(country_of(&a, "Ky."), Some("US"));
}

#[test]
fn which_georgia_the_articles_other_places_decide() {
    let a = annotate(
        "Georgia's governor signed the budget in Atlanta on Tuesday, and lawmakers from \
         Savannah praised it.",
    );
    assert_eq!(country_of(&a, "Georgia"), Some("US"));
    let a = annotate(
        "Russian troops moved deeper into Georgia on Friday, and officials in Tbilisi appealed \
         for help.",
    );
    assert_eq!(country_of(&a, "Georgia"), Some("GE"));
}

/// The starts of the places whose text is `text` (characters, here bytes: the text is ASCII).
fn starts_of(a: &Article, text: &str) -> Vec<usize> {
    a.places
        .iter()
        .filter(|p| p.text == text)
        .map(|p| p.start)
        .collect()
}

#[test]
fn a_place_opening_a_newspaper_a_club_or_an_exchange_is_no_place() {
    let body = "The New York Times said shares of the brewer fell on the London Stock Exchange, \
                and Manchester United fans marched through Manchester on Saturday.";
    let a = annotate(body);
    let texts = place_texts(&a);
    assert!(!texts.contains(&"New York"), "{texts:?}");
    assert!(!texts.contains(&"London"), "{texts:?}");
    let in_town = body.rfind("Manchester");
    assert_eq!(
        starts_of(&a, "Manchester"),
        in_town.into_iter().collect::<Vec<_>>(),
        "only the town the fans marched through: {texts:?}"
    );
}

#[test]
fn a_place_opening_its_own_public_body_is_still_the_place() {
    let a = annotate(
        "Oregon State Police said the driver fled, and the Nevada Department of Transportation \
         closed the highway while the U.S. Army sent a helicopter.",
    );
    let texts = place_texts(&a);
    for place in ["Oregon", "Nevada", "U.S."] {
        assert!(texts.contains(&place), "{place}: {texts:?}");
    }
}

/// A country's body that a town shares its name with ("Congress", a town in Arizona) is that
/// body after "in" too: seats "in Congress" are no place, while "in Kabul" still is.
#[test]
fn a_known_body_after_in_is_no_place() {
    let a = annotate(
        "The former rebels will hold five seats in Congress for two terms, the accord signed in \
         Bogota says.",
    );
    let texts = place_texts(&a);
    assert!(!texts.contains(&"Congress"), "{texts:?}");
    assert!(texts.contains(&"Bogota"), "{texts:?}");
}

#[test]
fn a_direction_word_alone_is_no_place() {
    // "South", "West", "Western" are divisions' names somewhere (Iceland, Cameroon, Sri Lanka),
    // but alone in English news they are a direction or the first word of a longer name.
    let a = annotate(
        "House prices fell most in the South and in West Yorkshire last year. Western \
         buyers moved to the Far East, and firms in Kenya followed.",
    );
    let texts = place_texts(&a);
    for word in ["South", "West", "Western", "East"] {
        assert!(!texts.contains(&word), "{word}: {texts:?}");
    }
    assert!(texts.contains(&"Kenya"), "{texts:?}");
}

#[test]
fn a_surname_that_speaks_is_no_municipality() {
    // Named without a first name, a speaker is taken for an organisation; a one-word name that
    // is only a municipality somewhere is still no place.
    let a = annotate(
        "\"We will win this state,\" Cruz said in Miami on Tuesday. Supporters cheered when \
         Cruz arrived at the rally in Florida. Later they waited at Cruz's hotel.",
    );
    let texts = place_texts(&a);
    assert!(!texts.contains(&"Cruz"), "{texts:?}");
    assert!(
        texts.contains(&"Miami") && texts.contains(&"Florida"),
        "{texts:?}"
    );
}

#[test]
fn a_country_after_of_in_a_rulers_name_stays_the_country() {
    // "King Hussein of Jordan" names the country after "of"; "Jordan" alone later in the
    // article is the country, not the king.
    let a = annotate(
        "King Hussein of Jordan flew to Washington for talks. Trucks kept crossing from \
         Jordan into Iraq on Tuesday, and aid to Jordan was discussed.",
    );
    assert_eq!(country_of(&a, "Jordan"), Some("JO"));
    assert_eq!(
        a.places.iter().filter(|p| p.text == "Jordan").count(),
        2,
        "{:?}",
        place_texts(&a)
    );
}

#[test]
fn a_place_that_is_also_a_given_name_opens_a_persons_name() {
    let a = annotate(
        "The singer will marry the music executive Jordan Bratman, her agent said. \
         Georgia Whitcombe, a 17-year-old student from Leeds, won the prize.",
    );
    let texts = place_texts(&a);
    assert!(
        !texts.contains(&"Jordan") && !texts.contains(&"Georgia"),
        "{texts:?}"
    );
    assert!(texts.contains(&"Leeds"), "{texts:?}");
}

#[test]
fn at_before_a_persons_short_name_points_at_the_person() {
    let a = annotate(
        "Senator Ted Cruz spoke in Iowa on Monday. A heckler shouted an insult aimed at Cruz, \
         and later jabs at Cruz came from the stage in Des Moines.",
    );
    let texts = place_texts(&a);
    assert!(!texts.contains(&"Cruz"), "{texts:?}");
    assert!(texts.contains(&"Iowa"), "{texts:?}");
}

#[test]
fn two_full_names_joined_by_and_are_two_people_not_a_hill() {
    let a = annotate(
        "The coach named his squad in Bristol. It will miss Darren Moss, Alan Hill and \
         Trevor Coldwell through injury.",
    );
    let texts = place_texts(&a);
    assert!(!texts.contains(&"Hill"), "{texts:?}");
    let people: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == chronicle_core::EntityType::Person)
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        people.contains(&"Alan Hill") && people.contains(&"Trevor Coldwell"),
        "{people:?}"
    );
}

#[test]
fn a_word_of_a_persons_name_behind_a_long_title_or_a_trade_is_no_place() {
    // A portfolio of several words before "Minister", and a trade in capitals before the
    // name, leave the name to be found whole; a surname that is also a town goes with it.
    let a = annotate(
        "Constitutional Affairs Minister Chris Leslie said the count in Leeds and Bradford \
         would finish at midnight.",
    );
    assert_eq!(place_texts(&a), vec!["Leeds", "Bradford"]);
    assert!(
        a.entities
            .iter()
            .any(|e| e.text == "Chris Leslie" && e.kind == chronicle_core::EntityType::Person)
    );
    let a = annotate(
        "The shock jock DJ Howard Stern moved to satellite radio in New York, Ohio and Texas.",
    );
    assert_eq!(place_texts(&a), vec!["New York", "Ohio", "Texas"]);
    assert!(
        a.entities
            .iter()
            .any(|e| e.text == "Howard Stern" && e.kind == chronicle_core::EntityType::Person)
    );
}

#[test]
fn a_person_named_after_a_description_in_capitals_keeps_the_surname_from_the_map() {
    // "Beach Boy" describes the singer; the surname after his given name is no town.
    let a = annotate("Earlier, Beach Boy Bruce Johnston arrived in Leeds and Bradford.");
    assert_eq!(place_texts(&a), vec!["Leeds", "Bradford"]);
    assert!(
        a.entities
            .iter()
            .any(|e| e.text == "Bruce Johnston" && e.kind == chronicle_core::EntityType::Person)
    );
}

#[test]
fn a_newspapers_short_name_is_that_newspaper_and_no_town() {
    let a = annotate(
        "US efforts to reach out to the rebels have failed, the Washington Post reported on \
         Friday.\n\nThe envoy will meet tribal leaders next week, the Post reported. A Post \
         reporter saw the convoy leave.",
    );
    assert_eq!(place_texts(&a), vec!["US"]);
    let post: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.text == "Post")
        .map(|e| e.canonical.as_str())
        .collect();
    assert_eq!(post, vec!["Washington Post", "Washington Post"]);
}

#[test]
fn a_famous_city_beats_a_small_namesake_in_the_articles_country() {
    // Madrid has a district called Los Angeles; a story about Spain does not make it the one.
    let a = annotate(
        "The regional government in Madrid said on Tuesday that schools in Getafe, Mostoles \
         and Alcala de Henares would close for two weeks. Spain has recorded more than 1,600 \
         cases.\n\nA nurse at a hospital in Madrid who had flown back from Los Angeles tested \
         positive on Monday.",
    );
    assert_eq!(country_of(&a, "Madrid"), Some("ES"));
    assert_eq!(country_of(&a, "Los Angeles"), Some("US"));
    // A list with a comma is no containment in a district checked by its country alone.
    let a = annotate(
        "Parcels with a white powder reached offices in Burbank, Los Angeles, San Fernando \
         Valley and Pasadena on Tuesday.",
    );
    assert_eq!(country_of(&a, "Los Angeles"), Some("US"));
}

#[test]
fn a_small_namesake_abroad_is_not_a_place_the_gazetteer_lacks() {
    // The gazetteer knows a Heathrow in Florida, not the airport; the article is about London.
    let a = annotate(
        "Fog grounded flights in London on Saturday, and airlines warned of delays at Heathrow \
         and Gatwick into Sunday. British Airways said it would rebook passengers.",
    );
    assert_eq!(place_texts(&a), vec!["London"]);
    // "the town of Jenin" is a town, but not the Polish village of that name.
    let a = annotate(
        "Israeli troops raided the town of Jenin in the West Bank on Tuesday, and soldiers \
         arrested two men in Nablus.",
    );
    assert_eq!(place_texts(&a), vec!["West Bank", "Nablus"]);
}
