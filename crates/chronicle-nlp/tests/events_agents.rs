//! Actors named by a country and a role ("Turkish troops", "Uganda's government", "the
//! government of Uganda") carry the role's agent code in the event's dyad, through the whole
//! standard pipeline: the names stage codes the country, the events stage adds the agent.

use chronicle_nlp::Pipeline;

#[path = "common/events.rs"]
mod common_events;

use common_events::dyads;

/// Checks that each row's text codes the row's (source, target, root) dyad, listing every
/// row that does not.
fn assert_codes_each(pipeline: &Pipeline, rows: &[(&str, (&str, &str, &str))]) {
    let mut failures = Vec::new();
    for (text, (s, t, root)) in rows {
        let got = dyads(pipeline, text);
        let want = (s.to_string(), t.to_string(), root.to_string());
        if !got.contains(&want) {
            failures.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_role_after_a_nationality_or_a_country_gives_the_agent() {
    let pipeline = Pipeline::standard();
    let rows: &[(&str, (&str, &str, &str))] = &[
        (
            "Syrian rebels fired missiles at Turkish troops near the border.",
            ("SYRREB", "TURMIL", "19"),
        ),
        (
            "The Japanese prime minister met with the Australian foreign minister in Tokyo.",
            ("JPNGOV", "AUSGOV", "04"),
        ),
        // an adjective joined to the nationality stays in the phrase
        (
            "Somali rebels stepped up attacks against Kenyan and foreign troops.",
            ("SOMREB", "KENMIL", "19"),
        ),
        (
            "Egyptian police arrested three Sudanese journalists in Cairo.",
            ("EGYCOP", "SDNMED", "17"),
        ),
        (
            "Thousands of Kenyans protested against Uganda's government on Friday.",
            ("KEN", "UGAGOV", "14"),
        ),
        (
            "The government of Chile condemned the attack on Bolivian police.",
            ("CHLGOV", "BOLCOP", "11"),
        ),
        // a regulator is a government body; a channel or a station is the media
        (
            "Kenya's communications regulator shut down two private radio stations on Monday.",
            ("KENGOV", "KENMED", "17"),
        ),
    ];
    assert_codes_each(&pipeline, rows);
}

/// A participle after a noun and before "by" is a passive of its own ("the deal offered by
/// France"): its source is the actor after "by", not the subject of the sentence.
#[test]
fn a_reduced_passive_takes_its_source_from_by() {
    let pipeline = Pipeline::standard();
    let got = dyads(&pipeline, "Iran did not accept the deal offered by France.");
    let has = |s: &str, t: &str, root: &str| {
        got.contains(&(s.to_string(), t.to_string(), root.to_string()))
    };
    assert!(has("FRA", "IRN", "03"), "{got:?}");
    assert!(!has("IRN", "FRA", "03"), "{got:?}");
    assert!(has("IRN", "FRA", "12"), "{got:?}");
}

/// Role words with no country of their own ("protesters", "rebels") take the country of the
/// event's other actor: one part of a country acting on another is an event, not a self-loop.
#[test]
fn a_lone_role_takes_the_other_actors_country() {
    let pipeline = Pipeline::standard();
    let rows: &[(&str, (&str, &str))] = &[
        (
            "Kenyan riot police fired tear gas at protesters in Nairobi on Tuesday.",
            ("KENCOP", "KENCVL"),
        ),
        (
            "Chad's army launched an offensive against rebels near the Libyan border.",
            ("TCDMIL", "TCDREB"),
        ),
    ];
    let mut failures = Vec::new();
    for (text, (s, t)) in rows {
        let got = dyads(&pipeline, text);
        if !got.iter().any(|(gs, gt, _)| gs == s && gt == t) {
            failures.push(format!("{text}\n  want {s}>{t}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A company the dictionaries know is its home country's business actor, and a woman or man
/// of a country is one of its civilians: "A Canadian woman is suing Samsung" is CANCVL suing
/// KORBUS, not Canada suing no one.
#[test]
fn companies_and_private_people_are_actors() {
    let pipeline = Pipeline::standard();
    let rows: &[(&str, (&str, &str, &str))] = &[
        (
            "A Canadian woman is suing Samsung over a phone that caught fire.",
            ("CANCVL", "KORBUS", "11"),
        ),
        (
            "Petrobras signed a supply agreement with Sinopec on Monday.",
            ("BRABUS", "CHNBUS", "05"),
        ),
    ];
    assert_codes_each(&pipeline, rows);
}

/// A role after a possessive country and a name of its own ("Iraq's Oil Ministry") is that
/// country's, not the nearest nationality's; a party's spokesman speaks for the party, while
/// the party's government and its MPs stay the government and the legislature.
#[test]
fn a_role_belongs_to_the_body_that_names_it() {
    let pipeline = Pipeline::standard();
    let rows: &[(&str, (&str, &str, &str))] = &[
        (
            "Peru's Energy Ministry has awarded oilfield contracts to a Canadian company.",
            ("PERGOV", "CANBUS", "06"),
        ),
        (
            "A Labour Party spokesman criticised the Chinese government on Tuesday.",
            ("GBRPTY", "CHNGOV", "11"),
        ),
        (
            "Dozens of British Labour MPs voted against the government's plans.",
            ("GBRLEG", "GBRGOV", "12"),
        ),
    ];
    assert_codes_each(&pipeline, rows);
}

/// A nationality that modifies a currency or a market names no actor: a central bank buying
/// the Swiss franc does nothing to Switzerland.
#[test]
fn a_currency_is_no_actor() {
    let pipeline = Pipeline::standard();
    for text in [
        "Norway said it would buy more of the Swiss and Danish currencies.",
        "Chile said it plans to sell holdings of the Australian dollar.",
    ] {
        let got = dyads(&pipeline, text);
        assert!(
            got.iter()
                .all(|(_, t, _)| !matches!(t.as_str(), "CHE" | "DNK" | "AUS")),
            "{text}: {got:?}"
        );
    }
}

/// A long list of countries is a roll call, not each acting on every other: five delegations
/// invited to a summit are five one-sided events at most, never twenty mutual ones.
#[test]
fn a_long_list_is_no_mutual_act() {
    let pipeline = Pipeline::standard();
    let text = "Delegations from Peru, Chile, Bolivia, Ecuador and Colombia were invited to \
                attend the talks.";
    let got = dyads(&pipeline, text);
    assert!(got.iter().all(|(_, t, _)| t.is_empty()), "{text}: {got:?}");
    let two = dyads(
        &pipeline,
        "Peru and Chile agreed to cooperate on fisheries.",
    );
    assert!(
        two.contains(&("PER".into(), "CHL".into(), "03".into())),
        "two countries still act on each other: {two:?}"
    );
}

/// A role that speaks for a body no dictionary knows ("a spokesman for the defence team") is
/// that body's man, not the government of the country the sentence names.
#[test]
fn a_spokesman_for_an_unknown_body_is_no_government() {
    let pipeline = Pipeline::standard();
    let text = "A spokesman for the defence team criticised the Chilean government.";
    let got = dyads(&pipeline, text);
    assert!(
        got.iter().all(|(s, _, _)| !s.starts_with("CHL")),
        "{text}: {got:?}"
    );
}

/// "Its troops" in what a country says are that country's troops, not those of the country
/// they act on.
#[test]
fn a_possessive_pronoun_in_a_report_owns_the_agent_for_the_speaker() {
    let pipeline = Pipeline::standard();
    assert_codes_each(
        &pipeline,
        &[
            (
                "Kenya said its police had arrested three Somali men.",
                ("KENCOP", "SOMCVL", "17"),
            ),
            (
                "Sudan said that its soldiers had attacked Chadian villages.",
                ("SDNMIL", "TCD", "19"),
            ),
        ],
    );
}

/// "European" names Europe as "French" names France: the CAMEO region code EUR.
#[test]
fn european_is_europe() {
    let pipeline = Pipeline::standard();
    assert_codes_each(
        &pipeline,
        &[
            ("Iran rejected the European offer.", ("IRN", "EUR", "12")),
            (
                "The Turkish president urged European leaders to reopen the talks.",
                ("TURGOV", "EUR", "02"),
            ),
        ],
    );
}

/// A body or a group whose country the sentence does not give stays an actor, with CAMEO's
/// unknown country (`---GOV`, `---COP`); one person's title alone ("the minister") stands for
/// someone named elsewhere and is no actor; a country the sentence does give still places it.
#[test]
fn a_body_of_no_known_country_keeps_its_role_and_a_lone_title_is_no_actor() {
    let pipeline = Pipeline::standard();
    let rows: &[(&str, (&str, &str, &str))] = &[
        (
            "Riot police arrested dozens of protesters outside the stadium.",
            ("---COP", "---CVL", "17"),
        ),
        (
            "The government closed three newspapers last month.",
            ("---GOV", "---MED", "17"),
        ),
        (
            "In Peru, police arrested twelve protesters on Monday.",
            ("PERCOP", "PERCVL", "17"),
        ),
    ];
    assert_codes_each(&pipeline, rows);
    let lone_title = dyads(
        &pipeline,
        "The spokesman criticised the opposition on Monday.",
    );
    assert!(
        lone_title.iter().all(|(s, _, _)| s != "---GOV"),
        "a lone title coded an actor: {lone_title:?}"
    );
}

/// The officials or the spokesman of an organisation that codes no actor (a football club, a
/// league) are that organisation's people, not a government's of unknown country.
#[test]
fn an_uncoded_organisations_officials_are_no_government() {
    let pipeline = Pipeline::standard();
    let got = dyads(
        &pipeline,
        "Borussia Dortmund officials met with the banks on Friday.",
    );
    assert!(
        got.iter().all(|(s, _, _)| !s.ends_with("GOV")),
        "a club's officials coded as a government: {got:?}"
    );
}

/// A nationality before a job or trade that describes a named firm, band or athlete says where
/// the name comes from; the country does not act ("Danish brewer Tuborg rejected the offer").
/// A nationality on a force still acts ("Russian artillery shelled the city").
#[test]
fn a_nationality_describing_a_named_firm_is_no_actor() {
    let pipeline = Pipeline::standard();
    let got = dyads(
        &pipeline,
        "Danish brewer Tuborg has rejected a takeover offer from a rival.",
    );
    assert!(
        got.iter().all(|(s, _, _)| s != "DNK"),
        "the firm's country coded as the actor: {got:?}"
    );
    let got = dyads(
        &pipeline,
        "Russian artillery shelled the Ukrainian city of Kharkiv.",
    );
    assert!(
        got.iter().any(|(s, t, _)| s == "RUS" && t == "UKR"),
        "{got:?}"
    );
}

/// Force is used by those who bear arms: a party that "defeats" the government or a
/// parliament that "slashes" a budget acts in votes and words, and codes no assault or fight;
/// soldiers who attack still do.
#[test]
fn a_party_or_a_parliament_uses_no_force() {
    let pipeline = Pipeline::standard();
    for text in [
        "The Labour Party could go on to defeat the government in the vote.",
        "Parliament slashed the Kenyan army's budget.",
    ] {
        let got = dyads(&pipeline, text);
        assert!(
            got.iter()
                .all(|(_, _, r)| !matches!(r.as_str(), "18" | "19" | "20")),
            "{text}: {got:?}"
        );
    }
    let got = dyads(&pipeline, "Kenyan soldiers attacked the rebels on Monday.");
    assert!(
        got.iter().any(|(s, _, r)| s == "KENMIL" && r == "19"),
        "{got:?}"
    );
}

/// A British ministry named as such is the British government: "the Home Office deported".
#[test]
fn the_home_office_is_the_british_government() {
    let pipeline = Pipeline::standard();
    let got = dyads(
        &pipeline,
        "The Home Office deported 40 Nigerians last week.",
    );
    assert!(
        got.iter().any(|(s, _, r)| s == "GBRGOV" && r == "17"),
        "{got:?}"
    );
}
