//! One name, one person: a leader's office reaches a mention only with evidence (issue #26).
//! A lone surname is the office holder where the article names him in full, gives him a title
//! of his office, or names his country, while his term covers the article's date; a namesake
//! named in full ("Michael Howard", "Tim Howard") takes the surname and no office. Sentences
//! written by the team.

use chronicle_core::{Article, EntityType};
use jiff::civil::date;

#[path = "common/names.rs"]
mod common_names;
use common_names::{annotate, mentions};

fn actors(a: &Article, text: &str) -> Vec<Option<String>> {
    mentions(a, text).iter().map(|e| e.actor.clone()).collect()
}

#[test]
fn a_namesake_named_in_full_takes_the_surname_and_no_office() {
    let a = annotate(
        "Conservative leader Michael Howard attacked the government's plans on Tuesday. \
         Howard said the tax would hurt families. Later, Howard met party officials in London.",
        Some(date(2004, 11, 2)),
    );
    // He is listed himself (leader of the opposition then): his own code, not John Howard's.
    let opp = Some("GBROPP".to_string());
    assert_eq!(actors(&a, "Michael Howard"), vec![opp.clone()]);
    assert_eq!(actors(&a, "Howard"), vec![opp.clone(), opp]);
    for e in mentions(&a, "Howard") {
        assert_eq!(e.canonical, "Michael Howard");
        assert_eq!(e.kind, EntityType::Person);
    }
    let a = annotate(
        "Everton goalkeeper Tim Howard saved a late penalty. Howard was named man of the match.",
        Some(date(2004, 11, 2)),
    );
    assert_eq!(actors(&a, "Tim Howard"), vec![None]);
    assert_eq!(actors(&a, "Howard"), vec![None]);
}

#[test]
fn a_short_form_keeps_the_person_it_first_named_past_a_namesake_in_full() {
    // "Mr Howard" names the Conservative leader first; a sentence on his Australian namesake
    // does not hand him the other man's office.
    let a = annotate(
        "Conservative leader Michael Howard denied the report. Mr Howard said it was untrue. \
         The strategist once worked for Australia's prime minister, John Howard. Mr Howard \
         hired him as campaign chief last year.",
        Some(date(2005, 2, 1)),
    );
    assert_eq!(actors(&a, "John Howard"), vec![Some("AUSGOV".to_string())]);
    // the Conservative leader's own office (the opposition), never the Australian's
    assert_eq!(
        actors(&a, "Howard"),
        vec![Some("GBROPP".to_string()), Some("GBROPP".to_string())]
    );
    for e in mentions(&a, "Howard") {
        assert_eq!(e.canonical, "Michael Howard");
    }
}

#[test]
fn the_office_holder_named_in_full_keeps_his_office_through_his_surname() {
    let a = annotate(
        "Australian Prime Minister John Howard called an election. Howard said voters would \
         decide in October.",
        Some(date(2004, 8, 29)),
    );
    assert_eq!(actors(&a, "John Howard"), vec![Some("AUSGOV".to_string())]);
    assert_eq!(actors(&a, "Howard"), vec![Some("AUSGOV".to_string())]);
    // A spelling of the full name with the same given name is the same person.
    let a = annotate(
        "Palestinian leader Mahmud Abbas met envoys in Ramallah. Abbas said talks would resume.",
        Some(date(2006, 3, 1)),
    );
    assert_eq!(actors(&a, "Abbas"), vec![Some("PSEGOV".to_string())]);
}

#[test]
fn a_lone_surname_needs_a_title_or_the_country_and_a_date_in_the_term() {
    // A title of his office.
    let a = annotate(
        "Prime Minister Howard told parliament the troops would stay.",
        Some(date(2005, 2, 1)),
    );
    assert_eq!(actors(&a, "Howard"), vec![Some("AUSGOV".to_string())]);
    // His country elsewhere in the article.
    let a = annotate(
        "Australia will send more troops to Iraq. Howard said the decision was final.",
        Some(date(2005, 2, 1)),
    );
    assert_eq!(actors(&a, "Howard"), vec![Some("AUSGOV".to_string())]);
    // Neither: a Howard the article does not place is no one the dictionaries know.
    let a = annotate(
        "The derby was played in heavy rain. Howard scored twice as the visitors won.",
        Some(date(2005, 2, 1)),
    );
    assert_eq!(actors(&a, "Howard"), vec![None]);
    // The country, but years after his term.
    let a = annotate(
        "Australia will send more troops to Iraq. Howard said the decision was final.",
        Some(date(2015, 2, 1)),
    );
    assert_eq!(actors(&a, "Howard"), vec![None]);
}

#[test]
fn a_lone_sentence_reads_a_surname_as_the_dictionaries_only_office_holder_of_it() {
    // No article around the sentence to weigh: the one office holder of that surname, coded
    // for the date (in office, or formerly).
    let a = annotate(
        "Howard said the decision was final.",
        Some(date(2005, 2, 1)),
    );
    assert_eq!(actors(&a, "Howard"), vec![Some("AUSGOV".to_string())]);
    let a = annotate(
        "Howard said the decision was final.",
        Some(date(2015, 2, 1)),
    );
    assert_eq!(actors(&a, "Howard"), vec![Some("AUSELI".to_string())]);
    // Before he took office he held none.
    let a = annotate(
        "Howard said the decision was final.",
        Some(date(1960, 2, 1)),
    );
    assert_eq!(actors(&a, "Howard"), vec![None]);
    // A namesake named in full still takes it, with no office.
    let a = annotate(
        "Ron Howard said the decision was final, and Howard meant it.",
        Some(date(2005, 2, 1)),
    );
    assert!(actors(&a, "Howard").iter().all(Option::is_none));
}

#[test]
fn a_surname_several_office_holders_share_goes_to_the_one_the_article_supports() {
    // Several North Korean officials are Kims: the article singles out none.
    let a = annotate(
        "North Korea fired a missile on Sunday. Kim said the test was a success.",
        Some(date(2019, 5, 5)),
    );
    assert_eq!(actors(&a, "Kim"), vec![None]);
    // Named in full, the surname is his.
    let a = annotate(
        "North Korean leader Kim Jong Un watched the launch. Kim said the test was a success.",
        Some(date(2019, 5, 5)),
    );
    for e in mentions(&a, "Kim") {
        assert_eq!(e.actor.as_deref(), Some("PRKGOV"));
        assert_eq!(e.canonical, "Kim Jong Un");
    }
    // Another office holder of the same surname named in full takes it: "Clinton" after
    // "Hillary Clinton" is not Bill Clinton.
    let a = annotate(
        "Hillary Clinton spoke in Iowa on Monday. Clinton said she would win the caucus.",
        Some(date(2016, 1, 25)),
    );
    for e in mentions(&a, "Clinton") {
        assert_eq!(e.canonical, "Hillary Clinton");
    }
}

#[test]
fn a_surname_after_a_given_name_the_lexicon_does_not_know_is_a_namesake() {
    let a = annotate(
        "The regional chess prize went to Zorana Putin, a schoolteacher from Omsk, on Sunday.",
        Some(date(2021, 5, 2)),
    );
    assert_eq!(actors(&a, "Zorana Putin"), vec![None]);
    assert!(a.entities.iter().all(|e| e.text != "Putin"));
    // A title, a nationality or a party word before the surname is no given name.
    let a = annotate(
        "Russian President Putin met the envoy in Moscow on Sunday.",
        Some(date(2021, 5, 2)),
    );
    assert_eq!(actors(&a, "Putin"), vec![Some("RUSGOV".to_string())]);
    // A verb opening the sentence is no given name either.
    let a = annotate(
        "Congratulating Putin on the result, the envoy left Moscow on Sunday.",
        Some(date(2021, 5, 2)),
    );
    assert_eq!(actors(&a, "Putin"), vec![Some("RUSGOV".to_string())]);
}

#[test]
fn a_sports_reports_countries_speak_for_no_office_holder() {
    // A sports report names countries as teams: "Australia" there does not make a lone "Hill"
    // the Australian minister of that surname, even in his term.
    let a = annotate(
        "England's coach named his squad for the test against Australia. The flanker Hill and \
         the midfielder Dawes return after injury, and the goalkeeper keeps his place for the \
         fixtures in November.",
        Some(date(2004, 10, 1)),
    );
    assert_eq!(actors(&a, "Hill"), vec![None]);
    // The same country in a news report still speaks for him.
    let a = annotate(
        "Australia will keep its frigates in the Gulf. Hill told reporters the decision was \
         final.",
        Some(date(2004, 10, 1)),
    );
    assert_eq!(actors(&a, "Hill"), vec![Some("AUSGOV".to_string())]);
}

/// Which Georgia: the country's name is also a US state's, and the article's other places and
/// nationalities decide, as they decide the place; a town before the name and a comma puts it
/// in that state whatever else the article names.
#[test]
fn georgia_is_the_state_or_the_country_by_the_article_around_it() {
    let state = annotate(
        "Turnout was high in Georgia on Tuesday. Voters in Atlanta and Savannah queued for \
         hours, and in Alabama and Tennessee the polls stayed open late.",
        Some(date(2016, 3, 1)),
    );
    assert_eq!(actors(&state, "Georgia"), vec![Some("USA".to_string())]);
    let country = annotate(
        "Georgian troops pulled back from South Ossetia as Georgia and Russia traded blame. \
         Officials in Tbilisi said talks would resume in Geneva.",
        Some(date(2008, 8, 20)),
    );
    assert_eq!(actors(&country, "Georgia"), vec![Some("GEO".to_string())]);
    let town = annotate(
        "The charity, based in Macon, Georgia, sent doctors to Nepal, India and Bangladesh \
         after the floods in Nepal.",
        Some(date(2007, 9, 1)),
    );
    assert_eq!(actors(&town, "Georgia"), vec![Some("USA".to_string())]);
}

/// "Nato", "Opec", "Uefa": an acronym said as a word, written in title case, is the dictionary's
/// acronym and takes its code; a sentence's first word that does not speak is left alone ("Care
/// workers", not the charity CARE).
#[test]
fn an_acronym_in_title_case_is_the_body_it_spells() {
    let a = annotate(
        "Nato said the troops would stay until spring, and Opec said output would rise. Uefa \
         said the stadium was safe.",
        Some(date(2005, 3, 1)),
    );
    assert_eq!(actors(&a, "Nato"), vec![Some("IGOWSTNAT".to_string())]);
    assert_eq!(actors(&a, "Opec"), vec![Some("IGOOPC".to_string())]);
    assert_eq!(mentions(&a, "Uefa")[0].kind, EntityType::Org);
    let a = annotate(
        "Care homes are closing. Care workers said their pay was too low.",
        Some(date(2005, 3, 1)),
    );
    assert!(
        a.entities.iter().all(|e| e.actor.is_none()),
        "{:?}",
        a.entities
    );
}
