//! A relative clause says what its noun did: the noun acts in it ("Hamas, which attacked
//! Israeli troops"), a name inside it acts only there, and a verb the clause's pronoun shares
//! ("who killed two soldiers and wounded three policemen") has the same doer. The parser often
//! reads "X, which ..., threatened" with X as no subject of the main verb, so the coder must not
//! give that verb to a name inside the clause. The sentences are the team's own, one
//! construction each, through the whole standard pipeline.

#[path = "common/events.rs"]
mod common_events;

use common_events::run;

/// The main verb after a relative clause set off by commas is its noun's act, not an act of a
/// name inside the clause.
#[test]
fn a_name_inside_a_relative_clause_does_not_act_after_it() {
    run(&[
        (
            "Hamas, which attacked Israeli troops last week, threatened more violence.",
            &[("PSEREB", "ISRMIL", "19"), ("PSEREB", "", "13")],
            &[("ISR", "", "13")],
        ),
        (
            "The Taliban, who killed two Afghan soldiers on Monday, threatened new attacks.",
            &[("AFGINS", "AFGMIL", "19"), ("AFGINS", "", "13")],
            &[("AFGMIL", "", "13")],
        ),
    ]);
}

/// A verb joined to a relative clause's verb shares its relative pronoun, and so its noun.
#[test]
fn a_verb_joined_inside_a_relative_clause_shares_its_noun() {
    run(&[(
        "The Taliban, who killed two Afghan soldiers and wounded three Afghan policemen, fled.",
        &[("AFGINS", "AFGMIL", "19"), ("AFGINS", "AFGCOP", "18")],
        &[],
    )]);
}

/// "unwilling to", "reluctant to" refuse the act of their infinitive as "refused to" does: a
/// refused cooperation is a rejection, never the cooperation itself.
#[test]
fn an_unwilling_actor_rejects_the_act() {
    run(&[
        (
            "Japan was unwilling to sign the trade treaty with China.",
            &[("JPN", "CHN", "12")],
            &[("JPN", "CHN", "05")],
        ),
        (
            "The Kenyan president was reluctant to endorse the Ugandan plan.",
            &[],
            &[("KEN", "", "05")],
        ),
    ]);
}

/// Where a thing is ("a trade deal in Accra") does not hide whom the act is with, named after
/// it.
#[test]
fn where_a_thing_is_does_not_hide_the_target() {
    run(&[(
        "Ghana signed a trade deal in Accra with Togo.",
        &[("GHA", "TGO", "057")],
        &[],
    )]);
}

/// A relative pronoun stands for the noun before it, never for the speaker of the sentence:
/// grain "which can meet the demand" is no act of the ministry that reports it.
#[test]
fn a_relative_pronoun_is_the_noun_it_follows() {
    run(&[(
        "The ministry in Cairo said Egypt now grows more wheat every year, which can meet the demand of its neighbours.",
        &[],
        &[("EGY", "", "08")],
    )]);
}

/// A relative clause says what its noun did to someone else: the one it acted on is not the
/// noun, so a storm that battered a country is no act of that country, and a bank that bought
/// a lender in a country does not make the country the one who offers.
#[test]
fn a_relative_clause_lends_its_noun_no_actor() {
    run(&[
        (
            "The cost is below that of the hurricanes which battered Cuba earlier this year.",
            &[],
            &[("CUB", "", "18")],
        ),
        (
            "A bank that bought the largest lender in Kenya has offered a rival more cash.",
            &[],
            &[("KEN", "", "03")],
        ),
        (
            "The Malian rebels, who seized the town of Gao last week, attacked an army convoy.",
            &[("MLIREB", "MLIMIL", "19")],
            &[],
        ),
    ]);
}

/// A place or a name inside a clause that modifies the subject ("the report released in
/// Nairobi", "a voter raised in Chile") is not who speaks or acts; the `by` agent of such a
/// clause is ("the majority led by Siniora").
#[test]
fn a_name_in_a_clause_modifying_the_subject_does_not_act() {
    run(&[
        (
            "The report released in Nairobi said Cameroon had lifted its citizens above the poverty line.",
            &[],
            &[("KEN", "CMR", "01")],
        ),
        (
            "The parliamentary majority led by Fouad Siniora accused Hezbollah of undermining the tribunal.",
            &[("LBNELI", "LBNUAF", "11")],
            &[],
        ),
    ]);
}
