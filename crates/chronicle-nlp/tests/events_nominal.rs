//! Events said with a noun, read from the noun's own phrase (`dictionaries/events/nouns.txt`,
//! `events/tree/nominal.rs`): "talks between X and Y", "X's attack on Y", "the condemnation of
//! X by Y", "sanctions against X", "X's visit to Y", "X's arrest of Y". The sentences are the
//! team's own, one construction each, through the whole standard pipeline; the acts a sentence
//! does not say took place ("no talks", "called for sanctions", "the planned visit") are none.

use chronicle_nlp::Pipeline;

#[path = "common/events.rs"]
mod common_events;

use common_events::{Row, events, run};

/// "talks between X and Y", "a meeting between X and Y": a consultation both sides hold.
#[test]
fn talks_between_two_actors_are_mutual() {
    run(&[
        (
            "Talks between Ghana and Togo resumed in Accra on Monday.",
            &[("GHA", "TGO", "04"), ("TGO", "GHA", "04")],
            &[],
        ),
        (
            "The meeting between the Peruvian president and Chile's foreign minister lasted two hours.",
            &[("PER", "CHL", "04"), ("CHL", "PER", "04")],
            &[],
        ),
    ]);
}

/// "X and Y held talks": actors joined by "and" who hold a meeting with no one else hold it
/// with each other; announced for later it is their intent to meet (036). An apposition joins
/// no one, and a meeting held in another mood is none.
#[test]
fn joined_actors_holding_talks_hold_them_with_each_other() {
    run(&[
        (
            "Ghana's president and the Togolese prime minister held talks in Lome on Monday.",
            &[("GHA", "TGO", "040"), ("TGO", "GHA", "040")],
            &[],
        ),
        (
            "Ghana and Togo will hold talks on the border next week.",
            &[("GHA", "TGO", "036"), ("TGO", "GHA", "036")],
            &[("", "", "04")],
        ),
        (
            "Ghana and Togo would hold talks if the rebels withdrew.",
            &[],
            &[("", "", "04"), ("", "", "036")],
        ),
        (
            "The bank, Ghana's largest lender, will hold an emergency meeting on Friday.",
            &[],
            &[("", "", "04"), ("", "", "036")],
        ),
    ]);
}

/// "X's attack on Y", "the attack by X on Y", "the Y offensive by X": who acts is the
/// possessive or the `by` phrase, the target the `on` or `against` phrase.
#[test]
fn an_attack_reads_its_possessive_by_and_on_phrases() {
    run(&[
        (
            "Armenia's attack on Azerbaijan left the region in shock.",
            &[("ARM", "AZE", "19")],
            &[("AZE", "ARM", "19")],
        ),
        (
            "The raid by Kenyan troops against Somalia lasted a week.",
            &[("KEN", "SOM", "19")],
            &[],
        ),
    ]);
}

/// "the condemnation of X by Y", "Y's criticism of X": for a word of disapproval the `of`
/// phrase is whom it is aimed at.
#[test]
fn a_condemnation_is_aimed_at_its_of_phrase() {
    run(&[
        (
            "The condemnation of Belarus by Lithuania came within hours.",
            &[("LTU", "BLR", "111")],
            &[("BLR", "LTU", "111")],
        ),
        (
            "Norway's criticism of Denmark surprised diplomats in Oslo.",
            &[("NOR", "DNK", "111")],
            &[],
        ),
    ]);
}

/// "X's sanctions on Y"; "sparked UN sanctions against X": a verb that codes the noun's act
/// with no target takes the one the noun aims at.
#[test]
fn sanctions_name_who_imposes_them_and_on_whom() {
    run(&[
        (
            "Canada's sanctions on Myanmar were extended in May.",
            &[("CAN", "MMR", "163")],
            &[],
        ),
        // the eliciting verb codes the sanctions; their noun gives the target it lacks
        (
            "The missile launch sparked UN sanctions against Eritrea last year.",
            &[("IGO", "ERI", "163")],
            &[],
        ),
    ]);
}

/// "X's visit to Y", "the visit of X to Y", "X's withdrawal from Y", "X's arrest of Y".
#[test]
fn visits_withdrawals_and_arrests_read_their_phrases() {
    run(&[
        (
            "The Portuguese president's visit to Angola ended on Sunday.",
            &[("PRT", "AGO", "042")],
            &[],
        ),
        (
            "Ethiopia's withdrawal from Eritrea was completed in June.",
            &[("ETH", "ERI", "087")],
            &[],
        ),
        (
            "Egypt's arrest of three Sudanese journalists angered Khartoum.",
            &[("EGY", "SDN", "173")],
            &[],
        ),
    ]);
}

/// An act the sentence does not say took place is no event: denied ("no talks"), asked for,
/// planned, threatened, conditional, or undone ("the lifting of sanctions").
#[test]
fn an_act_not_said_to_have_happened_is_none() {
    let none: &[Row] = &[];
    run(&[
        (
            "There were no talks between Ghana and Togo this year.",
            none,
            &[("", "", "04")],
        ),
        (
            "Lithuania called for sanctions against Belarus on Tuesday.",
            none,
            &[("", "", "163")],
        ),
        (
            "The planned visit of the Portuguese president to Angola was welcomed.",
            none,
            &[("", "", "042")],
        ),
        (
            "Canada's sanctions on Myanmar would hurt its generals.",
            none,
            &[("CAN", "MMR", "163")],
        ),
        (
            "Canada welcomed the lifting of sanctions against Myanmar.",
            none,
            &[("", "MMR", "163")],
        ),
    ]);
}

/// A noun that names a lasting thing as well as the act that made it ("an agreement") is an
/// act only where the sentence says it was made; a noun the verb coder coded gives no second
/// event.
#[test]
fn an_agreement_counts_where_it_is_made_and_no_act_is_coded_twice() {
    run(&[
        (
            "An agreement between Ghana and Togo was signed in Lome in March.",
            &[("GHA", "TGO", "057"), ("TGO", "GHA", "057")],
            &[],
        ),
        (
            "Under the agreement between Ghana and Togo, traders cross freely.",
            &[],
            &[("", "", "057")],
        ),
    ]);
    let pipeline = Pipeline::standard();
    let got = events(
        &pipeline,
        "Canada imposed sanctions against Myanmar on Friday.",
    );
    let sanctions = got.iter().filter(|e| e.2.starts_with("163")).count();
    assert_eq!(sanctions, 1, "{got:?}");
}

/// "calls by X for Y to ...": an appeal's `for` phrase is whom it is made to only as the
/// subject of an infinitive; otherwise it names what is asked for.
#[test]
fn a_call_for_someone_to_act_is_an_appeal_to_them() {
    run(&[
        (
            "Calls by Germany for Russia to withdraw were ignored.",
            &[("DEU", "RUS", "02")],
            &[],
        ),
        (
            "Norway's call for a Danish inquiry was ignored.",
            &[],
            &[("NOR", "", "02")],
        ),
    ]);
}

/// The verb dictionary's nominal triggers ("= missile test", "= ground assault") obey the same
/// reading: a test only possible, a test a country may stage, is none; one staged is one.
#[test]
fn a_nominal_trigger_not_said_to_have_happened_is_none() {
    run(&[
        (
            "Officials in Seoul discussed the possibility of a North Korean missile test.",
            &[],
            &[("PRK", "", "15")],
        ),
        (
            "North Korea may stage a missile test before the summit.",
            &[],
            &[("PRK", "", "15")],
        ),
        (
            "North Korea staged a missile test on Sunday.",
            &[("PRK", "", "15")],
            &[],
        ),
    ]);
}

/// What an act draws from others is aimed at its doer, each noun it draws: "sparking
/// international condemnation and UN sanctions" codes the sanctions too, though the verb's
/// own pattern reads only the first noun.
#[test]
fn each_noun_an_act_draws_is_aimed_at_its_doer() {
    run(&[(
        "Iran tested a long-range missile, sparking international condemnation and United Nations sanctions.",
        &[("IGOUNO", "IRN", "163")],
        &[],
    )]);
}
