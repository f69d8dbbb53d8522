//! Names made into modifiers, and words that only look like names: what the names stage must
//! leave out of an entity. Sentences written by the team.

#[path = "common/names.rs"]
mod common_names;

use chronicle_core::EntityType;
use common_names::check;

use EntityType::{Org, Person};

#[test]
fn a_name_joined_to_a_participle_is_a_modifier_not_an_entity() {
    check(
        "The Saudi-led coalition struck a port on Tuesday.",
        &[],
        &["Saudi-led"],
    );
    check(
        "A Brazilian-born striker scored twice for Vardan City.",
        &[],
        &["Brazilian-born"],
    );
    check(
        "Shares of the Hong Kong-listed brewer fell sharply.",
        &[],
        &["Hong Kong-listed", "Hong"],
    );
    check(
        "The Kremlin-backed candidate conceded, and the United Nations-sponsored truce held.",
        &[],
        &["Kremlin-backed", "United Nations-sponsored", "United"],
    );
    check(
        "Lorry drivers crossed the rebel-held pass into the Kabul-controlled valley.",
        &[],
        &["Kabul-controlled"],
    );
}

#[test]
fn a_korean_given_name_keeps_its_lowercase_syllable() {
    check(
        "Kim Jong-un met Moon Jae-in at the border village.",
        &[("Kim Jong-un", Person), ("Moon Jae-in", Person)],
        &[],
    );
    check(
        "The Ohio-based lender Talvora Bank cut its rates.",
        &[("Talvora Bank", Org)],
        &["Ohio-based"],
    );
}

#[test]
fn a_reporting_period_after_a_company_is_no_word_of_its_name() {
    check(
        "Talvex Systems Inc Q2 loss widens.",
        &[("Talvex Systems Inc", Org)],
        &["Talvex Systems Inc Q2", "Q2"],
    );
    check(
        "Dunmark Holdings FY profit rose by a third.",
        &[("Dunmark Holdings", Org)],
        &["Dunmark Holdings FY", "FY"],
    );
}
