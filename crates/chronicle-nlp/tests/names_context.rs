//! What the words around a one-word name say about it, and what they do not: a group or a
//! body beside a name does not describe it, a reporting clause after a comma describes no
//! one before it, and a name after "said" may be the subject of what was said. Sentences
//! written by the team.

#[path = "common/names.rs"]
mod common_names;

use chronicle_core::EntityType;
use common_names::check;

use EntityType::{Gpe, Person};

#[test]
fn a_group_or_a_body_beside_a_name_does_not_make_it_a_person() {
    check(
        "The minister told reporters Bonn would pay half of the cost.",
        &[("Bonn", Gpe)],
        &[],
    );
    check(
        "The brewer will open a bottling plant in Tianjin, the newspaper said.",
        &[("Tianjin", Gpe)],
        &[],
    );
}

#[test]
fn a_reporting_clause_after_a_comma_describes_no_one_before_it() {
    let got =
        common_names::entities("Two columns of trucks were nearing Hamburg, a spokesman said.");
    assert!(
        got.iter().all(|(t, k)| !(t == "Hamburg" && *k == Person)),
        "Hamburg is no spokesman: {got:?}"
    );
    check(
        "Vellmar, the deputy minister, opened the bridge.",
        &[("Vellmar", Person)],
        &[],
    );
}

#[test]
fn a_name_after_said_followed_by_its_verb_is_the_subject_of_what_was_said() {
    check(
        "Diplomats said Bonn would send two field hospitals.",
        &[("Bonn", Gpe)],
        &[],
    );
    check(
        "The envoy said Munich supported the request.",
        &[("Munich", Gpe)],
        &[],
    );
}
