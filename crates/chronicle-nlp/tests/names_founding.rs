//! Names on the founding article and on the phenomena the issue names: dictionary people coded
//! by the article's date, people no dictionary holds coded from their modifiers, short names and
//! pronouns resolved within the article.

use chronicle_core::{Article, EntityType};
use chronicle_nlp::Stage;
use chronicle_nlp::names::NameFinder;
use chronicle_nlp::segment::Segmenter;

fn annotate(body: &str, date: Option<jiff::civil::Date>) -> Article {
    let mut a = Article::new("t", body);
    a.published = date;
    Segmenter::new().annotate(&mut a);
    NameFinder::new().annotate(&mut a);
    a
}

fn entity<'a>(a: &'a Article, text: &str) -> &'a chronicle_core::Entity {
    a.entities
        .iter()
        .find(|e| e.text == text)
        .unwrap_or_else(|| {
            panic!(
                "no entity {text:?} in {:?}",
                a.entities.iter().map(|e| &e.text).collect::<Vec<_>>()
            )
        })
}

fn founding() -> Option<Article> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/articles/000_6ecb41acef5f7571.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("note: {path} is absent; founding-article test skipped");
        return None;
    };
    let body = &text[text.find("July 4 marked")?..];
    Some(annotate(body, Some(jiff::civil::date(2020, 7, 6))))
}

#[test]
fn founding_article_people_and_organisations() {
    let Some(a) = founding() else { return };
    let choe = entity(&a, "Choe Son Hui");
    assert_eq!(choe.kind, EntityType::Person);
    assert_eq!(choe.actor.as_deref(), Some("PRKGOV"));
    let kim = entity(&a, "Kim Jong Un");
    assert_eq!(
        (kim.kind, kim.actor.as_deref()),
        (EntityType::Person, Some("PRKGOV"))
    );
    let trump = entity(&a, "Donald J. Trump");
    assert_eq!(
        (trump.kind, trump.actor.as_deref()),
        (EntityType::Person, Some("USAGOV"))
    );
    assert_eq!(
        entity(&a, "Korean Central News Agency").kind,
        EntityType::Org
    );
    assert_eq!(entity(&a, "UN Security Council").kind, EntityType::Org);
    // "Choe" later in the article is the same person.
    let short = a
        .entities
        .iter()
        .find(|e| e.text == "Choe")
        .expect("Choe is mentioned alone");
    assert_eq!(short.canonical, "Choe Son Hui");
    assert_eq!(short.actor.as_deref(), Some("PRKGOV"));
    // "North Korea's" is a country, never a person.
    for e in a
        .entities
        .iter()
        .filter(|e| e.text.starts_with("North Korea"))
    {
        assert_ne!(e.kind, EntityType::Person, "{e:?}");
    }
}

#[test]
fn she_is_choe() {
    let Some(a) = founding() else { return };
    let she = a.body.find("she added").expect("the text has it");
    let link = a
        .analysis
        .pronouns
        .iter()
        .find(|p| p.span.start as usize == she)
        .expect("she is resolved");
    assert_eq!(
        a.analysis.referents[link.referent].canonical,
        "Choe Son Hui"
    );
}

#[test]
fn office_holders_code_by_the_article_date() {
    let text = "Former president Donald Trump spoke in Florida on Tuesday.";
    let a = annotate(text, Some(jiff::civil::date(2022, 5, 3)));
    assert_eq!(entity(&a, "Donald Trump").actor.as_deref(), Some("USAELI"));
    let a = annotate(text, Some(jiff::civil::date(2018, 5, 3)));
    assert_eq!(entity(&a, "Donald Trump").actor.as_deref(), Some("USAGOV"));
}

#[test]
fn a_person_no_dictionary_holds_is_typed_from_context_and_coded_from_modifiers() {
    let a = annotate(
        "Senior Iranian diplomat Parviz Karimi met the envoy on Monday. Karimi told reporters the talks were useful.",
        None,
    );
    let p = entity(&a, "Parviz Karimi");
    assert_eq!(
        (p.kind, p.actor.as_deref()),
        (EntityType::Person, Some("IRNGOV"))
    );
    let short = entity(&a, "Karimi");
    assert_eq!(short.canonical, "Parviz Karimi");
    assert_eq!(entity(&a, "Iranian").kind, EntityType::Norp);
}

#[test]
fn the_minister_is_the_person_with_that_role() {
    let a = annotate(
        "Lena Horvat, the foreign minister, arrived in Vienna. The minister said she would stay a week.",
        None,
    );
    let role = a.body.find("The minister").unwrap();
    let m = a
        .analysis
        .mentions
        .iter()
        .find(|m| m.span.start as usize == role)
        .expect("the minister is linked");
    assert_eq!(a.analysis.referents[m.referent].canonical, "Lena Horvat");
}
