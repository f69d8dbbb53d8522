//! A pattern's actor slot reads the actor's whole noun phrase: a mention that modifies a noun
//! ("the Iraqi nation", "Syrian leaders", "Iraq's people") is followed by the pattern's next
//! word after that noun, and the slot never reaches into a clause of its own ("tried to
//! explain her support for"). Sentences written by the team.

use chronicle_nlp::Pipeline;

#[path = "common/events.rs"]
mod common_events;
use common_events::events;

/// Whether `found` holds an event from `source` on `target` (or one of its sectors) coded
/// `code` or one of its sub-codes.
fn has(found: &[(String, String, String)], source: &str, target: &str, code: &str) -> bool {
    found
        .iter()
        .any(|(s, t, c)| s == source && t.starts_with(target) && c.starts_with(code))
}

#[test]
fn a_word_after_a_modified_noun_completes_the_pattern() {
    let pipeline = Pipeline::standard();
    // (sentence, source, target, the code (or its family) only the whole pattern gives)
    let rows: &[(&str, &str, &str, &str)] = &[
        // "call on TARGET to" is an appeal; the bare verb is no event
        (
            "The Iranian president called on the Iraqi nation to end the violence.",
            "IRNGOV",
            "IRQ",
            "02",
        ),
        // "accuse TARGET of" + a charge is the accusation's sub-code, not the bare 112
        (
            "Turkey accused the Syrian leadership of spying for Moscow.",
            "TUR",
            "SYR",
            "1125",
        ),
        (
            "Morocco accused Algerian leaders of spying on its diplomats.",
            "MAR",
            "DZA",
            "1125",
        ),
        // a wish that someone act, said of them, appeals to them
        (
            "Chile wants the Peruvian authorities to reopen the border.",
            "CHL",
            "PER",
            "020",
        ),
    ];
    for &(text, source, target, code) in rows {
        let found = events(&pipeline, text);
        assert!(
            has(&found, source, target, code),
            "{text}: wanted {source} {code} {target}, got {found:?}"
        );
    }
}

#[test]
fn a_word_the_parser_hangs_off_the_mention_still_follows_it() {
    let pipeline = Pipeline::standard();
    // "guilty" read as the noun the mention modifies must still be the pattern's next word
    let found = events(
        &pipeline,
        "A Russian court found a US citizen guilty of espionage after a closed trial.",
    );
    assert!(
        found.iter().any(|(s, _, c)| s == "RUSJUD" && c == "116"),
        "{found:?}"
    );
}

#[test]
fn an_actor_slot_does_not_reach_into_a_clause_of_its_own() {
    let pipeline = Pipeline::standard();
    // "try TARGET for" is a trial; here nobody is tried
    let found = events(
        &pipeline,
        "Senator Elizabeth Warren tried to explain her support for the trade deal on Monday.",
    );
    assert!(
        !found.iter().any(|(_, _, c)| c.starts_with("17")),
        "{found:?}"
    );
}

#[test]
fn a_quoter_states_nothing_of_its_own() {
    let pipeline = Pipeline::standard();
    // the words are Lavrov's, not the news agency's to him
    let found = events(
        &pipeline,
        "\"We want to see concrete deeds,\" Russian Foreign Minister Sergei Lavrov was quoted by the Interfax news agency as saying.",
    );
    assert!(
        !found
            .iter()
            .any(|(s, t, c)| c == "010" && s.starts_with("RUS") && t.starts_with("RUS")),
        "{found:?}"
    );
}

#[test]
fn a_name_before_a_singular_noun_names_a_thing_of_its_own() {
    let pipeline = Pipeline::standard();
    // the budget is capped, not the EU appealed to; "G8 nations" are the G8's members
    let found = events(
        &pipeline,
        "Sweden and Austria want the EU budget to be capped at one percent of national income.",
    );
    assert!(
        !found.iter().any(|(_, t, _)| t.starts_with("IGOEU")),
        "{found:?}"
    );
}

/// An abbreviation in brackets after a name ("the European Commission (EC)") belongs to the
/// name: the pattern's next word follows it, and the brackets do not end the clause.
#[test]
fn an_abbreviation_in_brackets_belongs_to_its_name() {
    let pipeline = Pipeline::standard();
    let found = events(
        &pipeline,
        "Bulgaria asked the European Commission (EC) to guarantee its electricity supply.",
    );
    assert!(has(&found, "BGR", "IGOEUREEC", "02"), "{found:?}");
}

/// "work with TARGET" is cooperation (CAMEO 06), and with "will" an intent to it (031).
#[test]
fn working_with_someone_cooperates_with_them() {
    let pipeline = Pipeline::standard();
    let found = events(
        &pipeline,
        "Japan worked closely with Indonesia on the crisis.",
    );
    assert!(has(&found, "JPN", "IDN", "06"), "{found:?}");
    let found = events(&pipeline, "Japan will work with Indonesia on the crisis.");
    assert!(has(&found, "JPN", "IDN", "031"), "{found:?}");
}
