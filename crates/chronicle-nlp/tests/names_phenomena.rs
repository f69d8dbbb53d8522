//! Names on the phenomena that decide whole classes of mentions: the shape of a person's name
//! against a dictionary word inside it, teams in result tables, where an organisation's name
//! ends, and named events that are no actor. Sentences written by the team.

#[path = "common/names.rs"]
mod common_names;

use chronicle_core::EntityType;
use common_names::check;

use EntityType::{Gpe, Loc, Org, Person};

#[test]
fn a_given_name_or_an_initial_makes_the_next_word_a_surname() {
    check(
        "The sprinter Michael Johnson won the final in Atlanta.",
        &[("Michael Johnson", Person), ("Atlanta", Gpe)],
        &["Johnson"],
    );
    check(
        "Veteran defender Anthony Washington signed a new contract on Monday.",
        &[("Anthony Washington", Person)],
        &["Washington"],
    );
    check(
        "After tea, I. Austin made 42 runs.",
        &[("I. Austin", Person)],
        &["Austin"],
    );
}

#[test]
fn initialled_players_in_a_scorecard_are_people_and_counties_are_teams() {
    check(
        "Hove : Sussex 310 and 120-4 , Kent 288 ( R. Marsh 77 , T.McGrane 64 ; P. Hollis 5-40 )",
        &[
            ("Sussex", Org),
            ("Kent", Org),
            ("R. Marsh", Person),
            ("T.McGrane", Person),
            ("P. Hollis", Person),
        ],
        &[],
    );
}

#[test]
fn a_league_table_row_names_a_team() {
    check(
        "Standings after Saturday's games.\n\nKilmarnock 6 4 1 1 12 5 13\n\nDENVER 61 70 .466 14",
        &[("Kilmarnock", Org), ("DENVER", Org)],
        &[],
    );
}

#[test]
fn an_organisation_ends_where_its_name_ends() {
    check(
        "Economist Laura Brandt of Harbour Trust Bank said rates would hold.",
        &[("Laura Brandt", Person), ("Harbour Trust Bank", Org)],
        &["Laura Brandt of Harbour Trust Bank"],
    );
    check(
        "Talks between Pellman Controls Inc and Varga Corp collapsed on Friday.",
        &[("Pellman Controls Inc", Org), ("Varga Corp", Org)],
        &["Pellman Controls Inc and Varga Corp"],
    );
    check(
        "Shares of Hollis & Brandt rose after the merger.",
        &[("Hollis & Brandt", Org)],
        &["Hollis"],
    );
    check(
        "The Denver-based Corvell said it would cut jobs.",
        &[("Corvell", Org)],
        &["Denver-based Corvell"],
    );
}

#[test]
fn named_events_are_neither_actors_nor_places() {
    check(
        "She won the U.S. Open and then the World Cup before Labor Day.",
        &[],
        &["World Cup", "U.S.", "Labor Day", "Open"],
    );
    check(
        "Veterans of the Korean War gathered in Seoul.",
        &[("Seoul", Gpe)],
        &["Korean War", "Korean"],
    );
}

#[test]
fn an_event_head_that_names_its_event_alone_is_no_actor() {
    // "Olympics", "Games", "Oscars": the contest or the award alone, no body.
    check(
        "Maria Lopez trained in Madrid for the Olympics, and after the Games she flew to Los \
         Angeles for the Oscars.",
        &[
            ("Maria Lopez", Person),
            ("Madrid", Gpe),
            ("Los Angeles", Gpe),
        ],
        &["Olympics", "Games", "Oscars"],
    );
}

#[test]
fn one_word_that_speaks_without_a_first_name_is_an_agency() {
    check(
        "Belgrade was calm on Sunday, Tanjovo said. Ericsdal said orders rose.",
        &[("Tanjovo", Org), ("Ericsdal", Org)],
        &[],
    );
    // Named in full first, the surname alone is the person.
    check(
        "Marta Kellner resigned on Friday. Kellner said she had no regrets.",
        &[("Marta Kellner", Person), ("Kellner", Person)],
        &[],
    );
}

#[test]
fn a_capitalised_plural_after_the_is_a_team() {
    check(
        "The pitcher shut out the Wolverines for seven innings.",
        &[("Wolverines", Org)],
        &[],
    );
}

#[test]
fn a_place_or_listed_body_before_an_organisation_is_part_of_its_name() {
    check(
        "Trading on the Tokyo Stock Exchange was halted.",
        &[("Tokyo Stock Exchange", Org)],
        &["Tokyo"],
    );
}

#[test]
fn a_bare_title_is_no_person() {
    check(
        "The Prime Minister will travel on Monday, the office said.",
        &[],
        &["Prime Minister", "Minister"],
    );
}

#[test]
fn a_place_that_is_the_surname_of_a_named_person_is_that_person() {
    check(
        "Michael Jordan scored 40 points. Jordan rested in the fourth quarter.",
        &[("Michael Jordan", Person), ("Jordan", Person)],
        &[],
    );
}

#[test]
fn an_ordinary_word_heading_organisations_names_nothing_alone() {
    check(
        "Scottish league standings.\n\nDivision one\n\nThe Olympic champion ran.",
        &[("Scottish", EntityType::Norp)],
        &["Division", "Olympic"],
    );
}

#[test]
fn words_describing_a_person_before_the_name_are_no_part_of_it() {
    check(
        "Republican Sen. Marta Okonkwo won the primary in Ohio on Tuesday.",
        &[("Marta Okonkwo", Person), ("Ohio", Gpe)],
        &["Republican Sen. Marta Okonkwo", "Sen. Marta Okonkwo"],
    );
    check(
        "The rally was addressed by Democrat Walter Pemberton and two mayors.",
        &[("Walter Pemberton", Person)],
        &["Democrat Walter Pemberton"],
    );
    check(
        "Brazilian-born Luis Amarante scored twice for his new club.",
        &[("Luis Amarante", Person)],
        &["Brazilian-born Luis Amarante"],
    );
    // Where no person's name follows, the words stay one name.
    check(
        "The Republican Party met in Ohio.",
        &[("Republican Party", Org)],
        &["Party"],
    );
}

#[test]
fn a_partys_member_describes_a_person_and_names_none() {
    let got =
        common_names::entities("Analysts said voters wanted a moderate Republican in the post.");
    assert!(
        got.iter()
            .all(|(t, k)| !(t == "Republican" && *k == Person)),
        "{got:?}"
    );
}

#[test]
fn a_clause_about_a_town_is_no_apposition_of_a_person() {
    // ", which are home to many voters" says nothing of a person: the towns stay towns.
    let got = common_names::entities(
        "The campaign sent him to cities like Pittsburgh and Charlotte, which are home to many \
         young voters.",
    );
    assert!(
        got.iter().all(|(t, k)| !(t == "Charlotte" && *k == Person)),
        "{got:?}"
    );
}

#[test]
fn a_run_of_words_the_article_also_writes_in_lowercase_is_no_person() {
    // "Purchasing Managers" names a survey's body, and the article's own "purchasing managers"
    // shows the words are common nouns; a run of two unknown names stays a person.
    check(
        "Bond prices fell after the Purchasing Managers survey beat forecasts. Purchasing \
         managers at big firms reported more orders.",
        &[],
        &["Purchasing Managers", "Purchasing"],
    );
    check(
        "Talks were led by Okonkwo Adebayo, who arrived on Monday.",
        &[("Okonkwo Adebayo", Person)],
        &[],
    );
}

#[test]
fn a_place_head_that_speaks_alone_elsewhere_is_a_persons_surname() {
    // A wood never speaks: "Woods said" makes "Zephan Woods" a golfer, and the lone "Woods"
    // the same person; a forest that nobody quotes stays a place.
    check(
        "Zephan Woods shot 68 on the opening day. Woods said the greens were fast.",
        &[("Zephan Woods", Person), ("Woods", Person)],
        &[],
    );
    check(
        "Walkers crowded Sherwood Forest on Sunday, a ranger said.",
        &[("Sherwood Forest", Loc)],
        &[],
    );
}

#[test]
fn a_zoo_is_an_institution_and_its_town_no_toponym_of_its_own() {
    check(
        "Keepers at the Dunedin Zoo found the otter on Monday.",
        &[("Dunedin Zoo", Org)],
        &["Dunedin"],
    );
}

#[test]
fn a_town_among_unknown_capitalised_words_names_a_club_not_a_person() {
    // No given name opens "Torpedo Samara": with a city inside it is a club of that city.
    check(
        "Fans of Torpedo Samara threw flares onto the pitch before the derby.",
        &[("Torpedo Samara", Org)],
        &[],
    );
    check(
        "The inquiry questioned Okonkwo Adebayo on Monday.",
        &[("Okonkwo Adebayo", Person)],
        &[],
    );
}

#[test]
fn lowercase_particles_join_a_surname_to_a_name_no_lexicon_holds() {
    // Neither given name is in the lexicon; the particles ("van der", "de") make one name of
    // the capitalised words around them, and the lone surname is the same person, no team.
    check(
        "The flanker Pieter van der Merwenhof was the hero of the match, and Merwenhof scored twice.",
        &[("Pieter van der Merwenhof", Person), ("Merwenhof", Person)],
        &["Pieter"],
    );
    check(
        "The opener Kavinda de Soysa made 61 before lunch.",
        &[("Kavinda de Soysa", Person)],
        &["Soysa"],
    );
}

#[test]
fn a_portfolio_before_an_office_title_is_part_of_the_title() {
    // Neither given name is in the lexicon, and no title list holds these portfolios; the
    // surname alone later is the same person, not an agency that speaks.
    check(
        "The bidders will brief Fisheries Minister Taavet Ruusmaa on Monday. Ruusmaa said he \
         would decide within a month.",
        &[("Taavet Ruusmaa", Person), ("Ruusmaa", Person)],
        &["Fisheries Minister Taavet Ruusmaa", "Fisheries"],
    );
}

#[test]
fn a_noun_for_a_town_a_land_or_a_feature_makes_its_name_a_place() {
    check(
        "Police in the small town of Ardvane said two men had been arrested. Rebels were seen \
         near the village of Morrowby, and gunfire echoed in the nearby Tallis mountains on \
         Friday. Farmers in Kessary province have lost their crops.",
        &[
            ("Ardvane", Gpe),
            ("Morrowby", Gpe),
            ("Tallis", Loc),
            ("Kessary", Gpe),
        ],
        &[],
    );
    // A nationality before the noun describes it: no place is named.
    check(
        "A fire gutted a restaurant in a Bahraini village on Saturday.",
        &[],
        &["Bahraini village"],
    );
}

#[test]
fn a_country_that_is_also_a_given_name_opens_a_persons_name() {
    check(
        "Detroit scored twice off Chad Merrow in the first inning, and the pitcher walked \
         three batters before he left.",
        &[("Chad Merrow", Person)],
        &[],
    );
    // A town among words no given name opens is still the club's.
    check(
        "Rotor Volgograd will play its next two matches to empty stands.",
        &[("Rotor Volgograd", Org)],
        &[],
    );
}
