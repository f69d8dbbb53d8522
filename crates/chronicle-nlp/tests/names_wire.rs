//! Names on phenomena of wire copy and everyday news prose: datelines that name a town and its
//! region, letters counted by a number (a statistic, not a firm), peoples and faiths named by
//! their members, common nouns opening a sentence, an organisation named "X of <place>", and the
//! mastheads of a press digest.
//! Sentences written by the team.

#[path = "common/names.rs"]
mod common_names;

use chronicle_core::EntityType;
use common_names::check;

use EntityType::{Gpe, Norp, Org, Person};

#[test]
fn a_dateline_names_its_town_and_the_region_after_the_comma() {
    check(
        "HEBRON , West Bank 2021-03-02\n\nSettlers and villagers clashed near the road on Tuesday .",
        &[("HEBRON", Gpe)],
        &[],
    );
    check(
        "FRESNO , Calif 2019-11-14\n\nA warehouse fire closed the highway overnight .",
        &[("FRESNO", Gpe), ("Calif", Gpe)],
        &[],
    );
    check(
        "KLAKSVIK , Faroe Islands (Reuters) - The ferry left on time.",
        &[("KLAKSVIK", Gpe)],
        &[],
    );
}

#[test]
fn a_weekday_and_a_month_in_capitals_are_no_dateline() {
    check(
        "MONDAY , MARCH 4 FIXTURES\n\nThe league announced the order of play .",
        &[],
        &["MONDAY", "MARCH"],
    );
}

#[test]
fn letters_counted_by_a_number_are_a_statistic_not_a_firm() {
    check(
        "Ortiz drove in four RBI and the reliever lowered his ERA to 2.10 .",
        &[],
        &["RBI"],
    );
    check(
        "The plant will add 450 MW of capacity by next year .",
        &[],
        &["MW"],
    );
    // Before a noun the letters are a name again: "three PKK fighters".
    check(
        "Officials said three ZRX fighters were captured near the border .",
        &[("ZRX", Org)],
        &[],
    );
}

#[test]
fn a_people_or_a_faith_named_by_its_members_is_a_group() {
    check(
        "The radio called on Kurds and Arabs to resist the decree .",
        &[("Kurds", Norp), ("Arabs", Norp)],
        &[],
    );
    check(
        "Clashes broke out between the Moslems and the local police on Sunday .",
        &[("Moslems", Norp)],
        &[],
    );
    check(
        "The North Africans were held to a draw by the visitors .",
        &[("North Africans", Norp)],
        &[],
    );
}

#[test]
fn a_common_noun_opening_a_sentence_is_no_organisation() {
    for body in [
        "Police sealed off the square after the blast .",
        "Government officials declined to comment .",
        "Eyewitnesses told local radio they heard two shots .",
    ] {
        let first = body.split(' ').next().unwrap_or_default();
        check(body, &[], &[first]);
    }
}

#[test]
fn an_organisation_head_before_of_and_a_place_names_the_place_s_organisation() {
    check(
        "Rates were left unchanged , the Bank of Canada said on Wednesday .",
        &[("Bank of Canada", Org)],
        &["Canada"],
    );
    check(
        "The Government of India approved the budget .",
        &[("Government of India", Org)],
        &[],
    );
    // A club's head before "of" is a place's.
    check(
        "Offices in the City of London emptied early .",
        &[],
        &["City of London"],
    );
}

#[test]
fn a_place_then_a_head_that_is_also_a_common_word_is_one_organisation() {
    check(
        "The Lagos Post reported the strike on its front page .",
        &[("Lagos Post", Org)],
        &["Lagos"],
    );
    // Heads of place names stay with the place.
    check(
        "Fans travelled from Kansas City to see the game .",
        &[("Kansas City", Gpe)],
        &[],
    );
}

#[test]
fn a_title_the_article_calls_a_newspaper_or_an_agency_is_an_organisation_throughout() {
    check(
        "The weekly Nasha Pravda printed the letter in full . Nasha Pravda said the mayor had \
         seen it .",
        &[("Nasha Pravda", Org)],
        &[],
    );
    check(
        "Kestrel news agency reported the arrests . Police later told Kestrel that two men were \
         freed .",
        &[("Kestrel", Org)],
        &[],
    );
    // The agency's name is the one after the noun; the word before it is a modifier.
    check(
        "The Ruritanian news agency Belka said the border was open .",
        &[("Belka", Org)],
        &["Ruritanian"],
    );
}

#[test]
fn a_place_then_bank_is_a_bank() {
    check(
        "Rates rose after the Kenya Bank warned of inflation .",
        &[("Kenya Bank", Org)],
        &["Kenya"],
    );
}

#[test]
fn a_town_after_a_preposition_opening_the_sentence_is_a_place_even_in_a_sports_report() {
    check(
        "Scores from Tuesday's county matches .\n\nAt Hollowmere : Kent beat Essex by 40 runs \
         and took 22 points from the match .\n\nIn Dunbarrow , the home side batted all day \
         for 310 runs .",
        &[("Hollowmere", Gpe), ("Dunbarrow", Gpe)],
        &[],
    );
}

#[test]
fn an_initial_that_could_be_monsieur_opens_the_name() {
    check(
        "Surrey 310 ( M. Fenwick 88 , T. Oakes 41 ) .",
        &[("M. Fenwick", Person), ("T. Oakes", Person)],
        &["Fenwick"],
    );
}

#[test]
fn a_central_bank_is_its_country_s_monetary_authority() {
    use chronicle_nlp::Stage;
    let mut a = chronicle_core::Article::new(
        "t",
        "The Fed held rates steady , while the Bundesbank warned of inflation .",
    );
    chronicle_nlp::segment::Segmenter::new().annotate(&mut a);
    chronicle_nlp::names::NameFinder::new().annotate(&mut a);
    let coded: Vec<(&str, Option<&str>)> = a
        .entities
        .iter()
        .map(|e| (e.text.as_str(), e.actor.as_deref()))
        .collect();
    assert!(coded.contains(&("Fed", Some("USAGOV"))), "{coded:?}");
    assert!(coded.contains(&("Bundesbank", Some("DEUGOV"))), "{coded:?}");
}

#[test]
fn a_headline_in_capitals_names_what_the_story_names() {
    check(
        "TENNIS - OKONKWO BEATS VALDIVIA IN OPENER .\n\nChidi Okonkwo beat Pablo Valdivia 6-3 \
         6-4 on Monday . Okonkwo plays again on Wednesday .",
        &[("OKONKWO", Person), ("VALDIVIA", Person)],
        &["OPENER", "TENNIS"],
    );
    // A lone head word in the story is not echoed: "CUP" in capitals is the common word.
    check(
        "SOCCER - CUP DRAW MADE .\n\nThe Cup draw was made in Zurich on Monday .",
        &[],
        &["CUP"],
    );
}

#[test]
fn a_line_in_capitals_of_a_press_digest_is_a_newspapers_masthead() {
    let digest = "PRESS DIGEST - Moldova - May 4 .\nThese are the leading stories in the Moldovan \
                  press on Monday .\nCHISINAU HERALD\n- The government raised bread prices by \
                  ten percent .\nVOCEA\n- Farmers in the north protested against the new land \
                  tax .";
    check(
        digest,
        &[("CHISINAU HERALD", Org), ("VOCEA", Org)],
        &["CHISINAU"],
    );
    // Outside a press digest a line in capitals is no masthead.
    let plain = "Bread prices rise .\nCHISINAU HERALD\nThe government raised bread prices .";
    let got = common_names::entities(plain);
    assert!(
        got.iter().all(|(t, _)| t != "CHISINAU HERALD"),
        "no press digest, no masthead: {got:?}"
    );
}
