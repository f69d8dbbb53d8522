//! Names on the phenomena of issue #26's names half, each on sentences written by the team:
//! teams named by their towns in sports reports, clubs and nicknames no dictionary holds, lines
//! in capitals of a results page, an office title ending an organisation's name, a given name
//! before a word that heads places, towns the gazetteer knows, and firms named for their trade.

#[path = "common/names.rs"]
mod common_names;

use chronicle_core::EntityType;
use common_names::check;

use EntityType::{Gpe, Org, Person};

#[test]
fn towns_in_a_sports_report_are_teams_but_venues_and_nations_stay_places() {
    check(
        "On Tuesday Glamorgan beat Durham by six wickets at Cardiff. The home batsmen \
         needed only 20 overs after their bowlers took four wickets before lunch. \
         Scotland and Italy drew in the other match.",
        &[
            ("Glamorgan", Org),
            ("Durham", Org),
            ("Cardiff", Gpe),
            ("Scotland", Gpe),
        ],
        &[],
    );
}

#[test]
fn the_same_town_outside_a_sports_report_is_a_place() {
    check(
        "Durham council approved a new bus station on Tuesday after a long debate.",
        &[("Durham", Gpe)],
        &[],
    );
}

#[test]
fn clubs_and_plural_nicknames_in_a_sports_report_are_teams() {
    check(
        "The striker scored twice as the visitors won. Their goalkeeper saved a penalty \
         against Vitesse late on. Later the Toronto Blue Jays and the Red Sox met in a \
         doubleheader.",
        &[("Vitesse", Org), ("Red Sox", Org)],
        &["Blue Jays"],
    );
}

#[test]
fn a_line_in_capitals_of_a_results_page_names_its_teams() {
    check(
        "BASEBALL - FRIDAY 'S SCHEDULE\n\nSEATTLE AT DENVER\n\nThe pitcher homered twice \
         in the ninth inning.",
        &[("SEATTLE", Org), ("DENVER", Gpe)],
        &[],
    );
}

#[test]
fn a_wire_dateline_in_a_sports_report_is_a_place() {
    check(
        "LONDON 1996-09-02\n\nThe striker signed for the club after the halftime talks.",
        &[("LONDON", Gpe)],
        &[],
    );
}

#[test]
fn an_office_title_ends_an_organisation_and_opens_a_person() {
    check(
        "The Harbour Development Authority Chairman Tomas Eriksen resigned on Monday.",
        &[
            ("Harbour Development Authority", Org),
            ("Tomas Eriksen", Person),
        ],
        &[],
    );
}

#[test]
fn a_given_name_before_a_word_that_heads_places_is_a_person() {
    check(
        "The actor Daniel Hill arrived late for the premiere.",
        &[("Daniel Hill", Person)],
        &[],
    );
}

#[test]
fn a_large_town_no_dictionary_holds_is_a_place() {
    check(
        "Officials expect the next round of talks to open once Bonn approves the plan.",
        &[("Bonn", Gpe)],
        &[],
    );
}

#[test]
fn firms_named_for_their_trade_or_a_country_are_organisations() {
    check(
        "Shares of Halvorsen Cement rose while Air France cut its fares.",
        &[("Halvorsen Cement", Org), ("Air France", Org)],
        &[],
    );
    check(
        "Striker Paulo Mendes left Real Madrid for Dynamo Kiev in the summer transfer \
         window.",
        &[("Real Madrid", Org), ("Dynamo Kiev", Org)],
        &[],
    );
}

#[test]
fn a_score_may_follow_a_bracketed_club_code_and_a_riders_team_follows_his_country() {
    // "( K )" tells two clubs of one name apart; a player's bracketed country does not make
    // him a team.
    check(
        "Results of the second round.\n\nVardar 3 Pobeda ( K ) 1\n\nZvonimir Brkic ( Croatia ) \
         71 70 68 , Ansel Okafor ( Nigeria ) 72 69 70",
        &[("Vardar", Org), ("Pobeda", Org)],
        &[],
    );
    let got = common_names::entities(
        "Results of the second round.\n\nVardar 3 Pobeda ( K ) 1\n\nZvonimir Brkic ( Croatia ) \
         71 70 68 , Ansel Okafor ( Nigeria ) 72 69 70",
    );
    assert!(
        got.iter().all(|(t, k)| t != "Zvonimir Brkic" || *k != Org),
        "{got:?}"
    );
    let got = common_names::entities(
        "Stage standings.\n\n4. Zvonimir Brkic ( Croatia ) Verdano 4:05:21\n\n5. Ansel Okafor ( \
         Nigeria ) Ketterholt 4:05:40",
    );
    for team in ["Verdano", "Ketterholt"] {
        assert!(
            got.iter().any(|(t, k)| t == team && *k == Org),
            "{team}: {got:?}"
        );
    }
    for rider in ["Zvonimir Brkic", "Ansel Okafor"] {
        assert!(
            got.iter().all(|(t, k)| t != rider || *k != Org),
            "{rider}: {got:?}"
        );
    }
}

#[test]
fn a_town_opening_a_sentence_of_a_sports_report_is_a_team_but_a_venue_line_is_not() {
    check(
        "Rutland need another 148 runs with five wickets in hand to beat Dorset, after a \
         century from the opener in the county championship. The bowler took four wickets \
         in the innings.",
        &[("Rutland", Org), ("Dorset", Org)],
        &[],
    );
    check(
        "Hove : the ground was full for the county championship match. The bowler took four \
         wickets in the innings.",
        &[],
        &["Hove"],
    );
}

#[test]
fn a_town_that_speaks_in_a_sports_report_is_its_club() {
    check(
        "The striker scored twice and the goalkeeper was booked in the second half. \
         Afterwards Blackburn said the referee had been wrong.",
        &[("Blackburn", Org)],
        &[],
    );
}

#[test]
fn a_name_that_takes_a_plural_verb_is_a_club_wherever_the_article_writes_it() {
    // "his" alone would make a person of the first "Chelsea"; the plural verb of the second
    // says it is a club, and the article keeps one type for one name.
    check(
        "Chelsea dropped the forward before his hearing had even begun. Chelsea have been \
         criticised for the haste of it.",
        &[("Chelsea", Org)],
        &[],
    );
    // A plural common noun opening a sentence names nothing.
    check(
        "Deliveries are due to be completed next year, the company said.",
        &[],
        &["Deliveries"],
    );
}

#[test]
fn a_name_before_a_players_position_and_a_name_is_the_players_team() {
    check(
        "Gloucester flanker Tom Reed was named in the squad, and fellow Bath prop Sam Hale \
         joins him on the bench.",
        &[
            ("Gloucester", Org),
            ("Bath", Org),
            ("Tom Reed", Person),
            ("Sam Hale", Person),
        ],
        &[],
    );
    // A title-like word before the team ("Fellow") does not make it a person.
    check(
        "Fellow Bath prop Sam Hale joins him on the bench.",
        &[("Bath", Org), ("Sam Hale", Person)],
        &[],
    );
    // A word that only describes the player opens no name: "Former".
    check(
        "Former Leeds winger Jim Bowen will coach the under-21 side.",
        &[("Leeds", Org), ("Jim Bowen", Person)],
        &["Former Leeds"],
    );
}

#[test]
fn will_capitalised_inside_a_sentence_before_a_surname_is_a_given_name() {
    check(
        "The selectors left out centre Will Greenwood and brought in a young wing from \
         Leicester.",
        &[("Will Greenwood", Person)],
        &["Greenwood"],
    );
}

#[test]
fn a_town_the_gazetteer_knows_whole_and_a_venue_in_a_line_of_scores_stay_places() {
    // "City" heads clubs ("Manchester City") and towns; the gazetteer knows this one whole.
    check(
        "The title fight will be held in Atlantic City in March.",
        &[("Atlantic City", Gpe)],
        &[],
    );
    // A town after "in" is where a match was played, even among scores.
    check(
        "Italy beat Norway in Bergen 2-1 and then drew with Chile 0-0 in the group.",
        &[("Bergen", Gpe), ("Norway", Gpe)],
        &[],
    );
}

#[test]
fn a_state_in_capitals_that_opens_a_longer_town_gives_way_to_the_town() {
    check(
        "BASEBALL - SUNDAY 'S SCHEDULE\n\nOKLAHOMA CITY AT DENVER\n\nThe pitcher homered twice \
         in the ninth inning.",
        &[("OKLAHOMA CITY", Org)],
        &["OKLAHOMA"],
    );
}

#[test]
fn a_league_in_a_sports_report_is_a_competition_but_its_governing_body_is_not() {
    check(
        "The pitcher struck out nine batters in seven innings as Detroit beat Cleveland 4-2 \
         to lead the American League Central. The National League side scored twice in the \
         ninth inning. The National Football League fined the team's owner on Monday.",
        &[("National Football League", Org)],
        &[
            "American League Central",
            "American League",
            "National League",
        ],
    );
}

#[test]
fn a_tours_fixture_list_is_a_sports_report_and_names_its_opponents() {
    check(
        "CRICKET - TOURISTS NAME THEIR ITINERARY.\n\
         The tourists will play five matches against county sides next summer.\n\
         May 3 v Kelso\n\
         May 6 v Selkirk ( two days )\n\
         May 9 v Hawick\n",
        &[("Kelso", Org), ("Selkirk", Org), ("Hawick", Org)],
        &[],
    );
}

#[test]
fn a_headline_in_capitals_names_a_team_by_its_nickname() {
    check(
        "BASEBALL - PELICANS EDGE COMETS .\nThe Dunmore Pelicans beat the Harlow Comets 4-3 on \
         Saturday, and the Dunmore Pelicans lead the league.",
        &[("PELICANS", Org), ("Dunmore Pelicans", Org)],
        &[],
    );
}
