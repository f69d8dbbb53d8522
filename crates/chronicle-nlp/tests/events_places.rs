//! A city or a province is ground inside a country: what a verb does to it is another act than
//! what it does to people ("captured the rebel leader" arrests, "captured Goma" takes
//! territory), force used on it is used on that country even by a group of the same country,
//! and a place only the gazetteer knows is never who acts nor whom a statement is aimed at. The
//! sentences are the team's own, one phenomenon each, through the whole standard pipeline.

use chronicle_nlp::Pipeline;

#[path = "common/events.rs"]
mod common_events;

use common_events::events;

#[test]
fn seizing_a_city_takes_territory_and_seizing_a_person_arrests() {
    let pipeline = Pipeline::standard();
    let got = events(&pipeline, "Rebels seized Goma last week.");
    assert!(
        got.iter()
            .any(|(s, t, c)| c == "192" && s.ends_with("REB") && t == "COD"),
        "Goma is Congolese ground taken: {got:?}"
    );
    let got = events(&pipeline, "Police captured the rebel leader in Goma.");
    assert!(
        got.iter().any(|(_, _, c)| c == "173") && !got.iter().any(|(_, _, c)| c == "192"),
        "a leader captured is arrested: {got:?}"
    );
}

#[test]
fn a_town_only_the_gazetteer_knows_is_ground_too() {
    // Lubumbashi is in no actor dictionary: the places stage resolves it to the Congo
    let pipeline = Pipeline::standard();
    let got = events(&pipeline, "Rebels captured Lubumbashi on Saturday.");
    assert!(
        got.iter().any(|(_, t, c)| c == "192" && t == "COD"),
        "{got:?}"
    );
}

#[test]
fn a_passive_on_ground_reads_the_ground_before_the_verb() {
    let pipeline = Pipeline::standard();
    for text in [
        "Goma was seized by the rebels last week.",
        "Kabila will visit Lubumbashi, which was captured by the rebels ten days ago.",
        // the relative hangs from a description set beside the town's name
        "The army shelled Goma, the provincial capital, which was captured by the rebels in May.",
    ] {
        let got = events(&pipeline, text);
        assert!(
            got.iter()
                .any(|(s, t, c)| c == "192" && s.ends_with("REB") && t == "COD"),
            "{text}: {got:?}"
        );
        assert!(
            !got.iter().any(|(_, _, c)| c == "173"),
            "no one is arrested: {text}: {got:?}"
        );
    }
}

#[test]
fn force_on_a_city_is_force_on_its_country_whoever_uses_it() {
    let pipeline = Pipeline::standard();
    let got = events(&pipeline, "Insurgents attacked Mosul on Monday.");
    assert!(
        got.iter()
            .any(|(s, t, c)| c.starts_with("19") && s.starts_with("IRQ") && t == "IRQ"),
        "the insurgents strike Iraqi ground: {got:?}"
    );
}

#[test]
fn a_visit_to_a_city_of_ones_own_country_is_no_event() {
    let pipeline = Pipeline::standard();
    for text in [
        "Bashar al-Assad visited Aleppo on Monday.",
        "Bashar al-Assad will visit Aleppo next week.",
    ] {
        let got = events(&pipeline, text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn a_statement_is_not_aimed_at_a_town_it_names() {
    let pipeline = Pipeline::standard();
    let text = "The French foreign minister said the new road to Kananga would open in May.";
    let got = events(&pipeline, text);
    assert!(
        !got.iter().any(|(_, t, _)| t == "COD"),
        "Kananga is where the road goes, not whom France addresses: {got:?}"
    );
}

#[test]
fn a_candidate_who_captures_a_state_takes_votes_not_ground() {
    let pipeline = Pipeline::standard();
    let got = events(
        &pipeline,
        "Barack Obama captured Florida by about 74,000 votes.",
    );
    assert!(
        !got.iter()
            .any(|(_, t, c)| c.starts_with("19") && t == "USA"),
        "{got:?}"
    );
}

#[test]
fn where_force_is_used_is_not_whom_it_is_used_on() {
    let pipeline = Pipeline::standard();
    for text in [
        "Iranian police seized two tons of drugs in the city of Zahedan.",
        "Congolese soldiers arrested three men near Lubumbashi.",
    ] {
        let got = events(&pipeline, text);
        assert!(
            !got.iter().any(|(_, t, _)| t == "IRN" || t == "COD"),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_region_inside_one_country_is_its_ground() {
    let pipeline = Pipeline::standard();
    let got = events(&pipeline, "Russian troops seized Crimea in 2014.");
    assert!(
        got.iter()
            .any(|(s, t, c)| c == "192" && s.starts_with("RUS") && t == "UKR"),
        "Crimea is Ukrainian ground taken: {got:?}"
    );
}
