//! "the group", "the militant group", "the party": news names an organisation once and then
//! describes it; what the description does is the named organisation's act. A description that
//! says it is someone else ("the other group") or names itself ("the group of experts") is not
//! linked. The sentences are the team's own, through the whole standard pipeline.

#[path = "common/events.rs"]
mod common_events;

use common_events::run;

#[test]
fn the_group_is_the_organisation_named_before() {
    run(&[
        (
            "Hamas fired rockets at Israel on Monday. The group also attacked Israeli troops near the border.",
            &[("PSEREB", "ISRMIL", "19")],
            &[],
        ),
        (
            "Oxfam published a report on Monday. The organisation called on Kenya to increase aid.",
            &[("NGO", "KEN", "02")],
            &[],
        ),
    ]);
}

#[test]
fn a_description_of_someone_else_is_not_linked() {
    run(&[(
        "Hamas and Fatah met in Cairo. The other group rejected the plan.",
        &[],
        &[("PSE", "", "12")],
    )]);
}
