//! The events coder reads the sentence's dependency tree (the syntax stage): the subject is the
//! source, the passive's `by` agent too, the object or prepositional phrase the target; a name is
//! never a trigger; a reporting verb gives way to the clause it reports. The sentences are the
//! team's own, one phenomenon each, through the whole standard pipeline.

use chronicle_nlp::Pipeline;

#[path = "common/events.rs"]
mod common_events;

use common_events::dyads;

fn row(s: &str, t: &str, root: &str) -> (String, String, String) {
    (s.to_string(), t.to_string(), root.to_string())
}

/// Runs `text` and checks that `want` is coded and nothing of `never` is.
fn check(
    pipeline: &Pipeline,
    text: &str,
    want: &[(&str, &str, &str)],
    never: &[(&str, &str, &str)],
    failures: &mut Vec<String>,
) {
    let got = dyads(pipeline, text);
    let missing: Vec<_> = want
        .iter()
        .filter(|(s, t, r)| !got.contains(&row(s, t, r)))
        .collect();
    let wrong: Vec<_> = never
        .iter()
        .filter(|(s, t, r)| {
            got.iter()
                .any(|g| g.0.starts_with(s) && g.1 == *t && g.2 == *r)
        })
        .collect();
    if !missing.is_empty() || !wrong.is_empty() {
        failures.push(format!(
            "{text}\n  missing {missing:?}\n  unwanted {wrong:?}\n  got {got:?}"
        ));
    }
}

/// A word inside a name is never a trigger ("States" is no "state" statement), and the verb's
/// subject is the source, its object's prepositional phrase the target.
#[test]
fn a_name_is_no_trigger_and_the_subject_acts() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "The United States fired anti-aircraft batteries at Russia.",
        &[("USA", "RUS", "19")],
        &[("", "RUS", "01"), ("USA", "RUS", "01")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The `by` agent of a passive is the source and the passive's subject the target.
#[test]
fn a_passive_takes_its_source_from_the_agent() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Turkish troops were attacked by Syrian rebels near the border.",
        &[("SYRREB", "TURMIL", "19")],
        &[("TURMIL", "SYRREB", "19")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An apposition and a role phrase carry the actor of the phrase's head, not a place in it:
/// the US commander in Iraq is American.
#[test]
fn an_apposition_keeps_the_head_actor_not_its_place() {
    let pipeline = Pipeline::standard();
    let got = dyads(
        &pipeline,
        "The US commander in Iraq, General David Petraeus, held talks with President Michel Suleiman.",
    );
    assert!(
        got.iter()
            .any(|(s, t, r)| s.starts_with("USA") && t.starts_with("LBN") && r == "04"),
        "{got:?}"
    );
    assert!(got.iter().all(|(s, _, _)| !s.starts_with("IRQ")), "{got:?}");
}

/// Conjoined subjects give one event each.
#[test]
fn conjoined_subjects_each_act() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "France and Germany condemned Russia over the cyber attacks.",
        &[("FRA", "RUS", "11"), ("DEU", "RUS", "11")],
        &[],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// "X said Y did Z" is Y's act on Z, with no statement of X beside it, whether the report comes
/// first or last; a report of a clause that codes nothing stays X's statement.
#[test]
fn a_reporting_verb_gives_way_to_the_reported_event() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    for text in [
        "The Egyptian foreign minister said Israeli troops had arrested Palestinian protesters.",
        "Israeli troops arrested Palestinian protesters in Hebron, the Egyptian foreign minister said.",
    ] {
        check(
            &pipeline,
            text,
            &[("ISRMIL", "PSECVL", "17")],
            &[("EGY", "ISRMIL", "01"), ("EGY", "PSECVL", "01")],
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let plain = common_events::events(
        &pipeline,
        "The Egyptian foreign minister told Israel that the border would stay open.",
    );
    assert!(
        plain
            .iter()
            .any(|(s, _, c)| s.starts_with("EGY") && c.starts_with("01")),
        "{plain:?}"
    );
}

/// Actors joined as the subject of a cooperation with no one else act on each other: one event
/// each way, not two one-sided ones.
#[test]
fn a_joint_subject_of_a_cooperation_is_mutual() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Brazil and the United States are seeking to deepen a partnership on energy.",
        &[("BRA", "USA", "03"), ("USA", "BRA", "03")],
        &[("BRA", "", "02"), ("USA", "", "02")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An active verb whose subject the text names but no dictionary knows is nobody's act on the
/// object ("Santoro beat Sweden's Johansson" is sport, not Sweden's assault), and a bare
/// statement with a side missing says nothing CAMEO codes.
#[test]
fn an_unknown_doer_and_a_one_sided_statement_give_no_event() {
    let pipeline = Pipeline::standard();
    for text in [
        "Fabrice Santoro beat Sweden's Thomas Johansson in straight sets on Tuesday.",
        "Over and over, Cuban Americans said that outsiders could not understand their anger.",
    ] {
        let got = dyads(&pipeline, text);
        assert!(got.is_empty(), "{text}\n  {got:?}");
    }
}

/// A verb has one subject: when the parse gives it two (an opening phrase read as one), the
/// one that names an actor acts, whether it is nearer the verb or farther from it.
#[test]
fn of_two_subjects_the_named_one_acts() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        // The title speaks for the office: a lone surname is an office holder only with
        // evidence (issue #26).
        "As second leg of his visit, Prime Minister Modi will visit Nepal.",
        &[("INDGOV", "NPL", "03")],
        &[],
        &mut failures,
    );
    check(
        &pipeline,
        "Kenya's role in brokering the peace talks was praised by the Ethiopian government on Wednesday.",
        &[("ETHGOV", "KEN", "05")],
        &[],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A nominal trigger ("military operations", "negotiations") takes its sides from its own
/// noun phrase (a possessive, a nationality, a `by` or `on` phrase) or from the verb it is the
/// object of, never from an actor that merely stands near it.
#[test]
fn a_nominal_event_reads_its_own_phrase() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Morocco's silence about the French military operations surprised observers in Algeria.",
        &[("FRAMIL", "", "19")],
        &[("MAR", "DZA", "19"), ("MAR", "", "19")],
        &mut failures,
    );
    check(
        &pipeline,
        "Thailand's government opened a new round of peace negotiations with the rebels on Wednesday.",
        &[("THAGOV", "THAREB", "04")],
        &[],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The object of a verb that an infinitive completes is the infinitive's subject: Britain
/// joins the intervention it was persuaded to join.
#[test]
fn the_object_of_persuade_is_the_subject_of_its_infinitive() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "France persuaded Britain to join a military intervention in Libya.",
        &[("GBR", "LBY", "19")],
        &[],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Two role words of one government are two office holders: the minister who praises the
/// colleague acts on that colleague, though both are coded GOV of one country. A country and
/// its own government are still one side.
#[test]
fn two_office_holders_of_one_government_are_two_actors() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Speaking at a Labour rally, the prime minister praised his chancellor's steady handling of the budget.",
        &[("GBRGOV", "GBRGOV", "05")],
        &[],
        &mut failures,
    );
    check(
        &pipeline,
        "Kenya's government praised Kenya.",
        &[],
        &[("KENGOV", "KEN", "05")],
        &mut failures,
    );
    check(
        &pipeline,
        "Kenyan officials criticised the ministry in Nairobi.",
        &[],
        &[("KENGOV", "KENGOV", "11")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// "X is said to be ...": hearsay that the sentence gives no one, and no statement by X; a
/// statement X makes in the active is still one.
#[test]
fn a_passive_report_is_no_statement_of_its_subject() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Egyptian diplomats are said to be angry over the Israeli proposal.",
        &[],
        &[("EGY", "ISR", "01"), ("EGY", "", "01")],
        &mut failures,
    );
    check(
        &pipeline,
        "Egyptian diplomats said the Israeli proposal was unfair.",
        &[("EGYGOV", "ISR", "01")],
        &[],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A verb that is an act whatever it is done to ("reject", "condemn", "arrest") is coded when
/// its object names no actor, with no target: "Iraq rejected the new border lines" is Iraq's
/// rejection. Before, such verbs coded only with an actor as their object.
#[test]
fn an_act_on_a_thing_is_coded_without_a_target() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Iraq rejected the new border lines.",
        &[("IRQ", "", "12")],
        &[],
        &mut failures,
    );
    check(
        &pipeline,
        "A Brazilian court sentenced the hacker to twelve years.",
        &[("BRAJUD", "", "11")],
        &[],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The tree says whose a role is through the words between: in "a Chinese construction firm"
/// both "Chinese" and "construction" modify "firm", so the firm is Chinese, not the country
/// of the sentence's other actor.
#[test]
fn a_nationality_reaches_its_role_over_a_modifier() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Kenya's government accused a Chinese construction firm of bribery.",
        &[("KENGOV", "CHNBUS", "11")],
        &[("KENGOV", "KENBUS", "11")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A past participle on its own is a passive whose doer the sentence may not name: the noun
/// it modifies is acted on ("fishermen arrested near Jaffna" did not arrest: read from the
/// words, now that "arrest" codes with no actor after it, they would have), and "while
/// detained" is no detention by the sentence's subject.
#[test]
fn a_bare_participle_acts_on_its_noun() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Sri Lanka deported forty Indian fishermen arrested near Jaffna.",
        &[("LKA", "IND", "17")],
        &[("IND", "", "17"), ("IND", "LKA", "17")],
        &mut failures,
    );
    check(
        &pipeline,
        "Britain criticised the treatment the two men received while detained.",
        &[("GBR", "", "11")],
        &[("GBR", "", "17")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each verb of two joined clauses has its own subject, and a target read from the words does
/// not reach into the next clause: "Nigerian police arrested" is the police's arrest (the
/// parser may hang "police" on "arrested" as a compound), and the unions' opposition has no
/// target in the police's clause.
#[test]
fn joined_clauses_keep_their_own_actors() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Nigerian unions oppose the plan, but Nigerian police arrested the protesters.",
        &[("NGALAB", "", "11"), ("NGACOP", "NGACVL", "17")],
        &[("NGALAB", "NGACVL", "17"), ("NGALAB", "NGACOP", "11")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A noun with a noun or number modifier of its own is a noun, whatever verb it is spelt
/// like: "artillery shells" are no shelling.
#[test]
fn a_modified_noun_is_no_verb() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Syrian troops found mortar shells near Aleppo.",
        &[],
        &[("SYRMIL", "", "19"), ("SYRMIL", "SYR", "19")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A pattern's literal word is more specific than its slot for any actor: rebels who
/// "captured the city of Kinshasa" took a city (192), they did not arrest someone (173), even
/// though the city's name is an actor within reach of "captured". The city is Congolese ground,
/// the rebels' target though they are Congolese too.
#[test]
fn a_literal_word_beats_an_actor_slot() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Congolese rebels captured the city of Kinshasa.",
        &[("CODREB", "COD", "19")],
        &[("CODREB", "", "17")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Countries that promise aid together promise it to someone else, not to each other: joint
/// subjects of an intent to give aid are no mutual cooperation ("have pledged to ship aid to
/// flood victims"), while joint subjects of a partnership are.
#[test]
fn joint_donors_do_not_aid_each_other() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Three donors — Japan, Canada and Norway — have pledged to send aid to the flood victims.",
        &[("JPN", "", "03"), ("CAN", "", "03"), ("NOR", "", "03")],
        &[
            ("JPN", "CAN", "03"),
            ("CAN", "NOR", "03"),
            ("NOR", "JPN", "03"),
        ],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A quantity between a verb and what it acts on does not change the act: a pledge to send
/// "a tenth of its vaccine stock" is a pledge of humanitarian aid, however many words the
/// quantity takes.
#[test]
fn a_quantity_does_not_hide_what_is_sent() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Canada has pledged to send one tenth of its surplus vaccine doses to Ghana.",
        &[("CAN", "GHA", "03")],
        &[],
        &mut failures,
    );
    check(
        &pipeline,
        "Japan offered to ship twenty percent of its spare medicines to Peru.",
        &[("JPN", "PER", "03")],
        &[],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A participle of a verb that needs an object, with a preposition straight after it, is a
/// passive whatever the parse says: in a headline's "Kenya accused of abuses" Kenya is
/// accused, and in "Obama praised for his speech" Obama is praised; neither is the doer.
#[test]
fn an_objectless_participle_is_a_passive() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Kenyan police accused of beatings were moved to new posts.",
        &[],
        &[("KENCOP", "", "11")],
        &mut failures,
    );
    check(
        &pipeline,
        "Lula praised for his handling of the floods.",
        &[],
        &[("BRA", "", "05")],
        &mut failures,
    );
    check(
        &pipeline,
        "Chile's president was praised by Argentina for her speech.",
        &[("ARG", "CHLGOV", "05")],
        &[("CHL", "", "05")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A statement whose words condemn what it speaks of is a criticism (111), as coders code
/// it, not a bare statement; a negated word of censure defends, and a reported clause with an
/// event of its own still takes the statement's place.
#[test]
fn a_statement_that_condemns_criticises() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Poland said the Russian troop movements were reckless and irresponsible.",
        &[("POL", "RUS", "11")],
        &[("POL", "RUS", "01")],
        &mut failures,
    );
    check(
        &pipeline,
        "Poland said the Russian troop movements were not reckless.",
        &[],
        &[("POL", "RUS", "11")],
        &mut failures,
    );
    check(
        &pipeline,
        "Russian troops shelled Kharkiv in a reckless assault, Ukraine said.",
        &[("RUSMIL", "UKR", "19")],
        &[("UKR", "RUS", "11"), ("UKR", "", "11")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What a verb like "spark", "prompt" or "draw" brings is done by others to its subject: a
/// test that "drew condemnation from Japan" is Japan's criticism of the tester, and "sparked
/// protests by students" the students' protest against whoever decided; the subject does not
/// protest or criticise. A phrasal "drew up" plans is no such verb.
#[test]
fn what_an_act_draws_is_done_to_its_doer() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Iran's missile test drew sharp criticism from Japan.",
        &[("JPN", "IRN", "11")],
        &[("IRN", "JPN", "11"), ("IRN", "", "11")],
        &mut failures,
    );
    check(
        &pipeline,
        "The ruling by Peru's government sparked protests by Peruvian farmers.",
        &[("PERAGR", "PERGOV", "14")],
        &[("PERGOV", "PERAGR", "14"), ("PERGOV", "", "14")],
        &mut failures,
    );
    check(
        &pipeline,
        "Chile held a referendum, prompting protests.",
        &[],
        &[("CHL", "", "14")],
        &mut failures,
    );
    check(
        &pipeline,
        "Norway and Sweden have drawn up proposals for talks.",
        &[("NOR", "", "01")],
        &[],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A role word with a "from" phrase comes from that phrase's country ("ministers from Peru and
/// Chile" are Peru's and Chile's), and sports fans are civilians.
#[test]
fn a_role_from_a_country_is_that_countrys() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Trade ministers from Peru and Chile signed a pact in Lima.",
        &[("PER", "CHL", "05"), ("CHL", "PER", "05")],
        &[],
        &mut failures,
    );
    check(
        &pipeline,
        "Dutch police detained forty fans after the final.",
        &[("NLDCOP", "NLDCVL", "17")],
        &[],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What a judgment is passed for is the reason the sentence gives, not an act of its own:
/// praise "for its help in fighting" militants codes the praise, an arrest "for attacking" a
/// church the arrest, and neither the fighting nor the attacking.
#[test]
fn what_a_judgment_is_for_is_no_event() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Canada praised Kenya for its help in fighting Somali militants.",
        &[("CAN", "KEN", "05")],
        &[("KEN", "SOMREB", "19")],
        &mut failures,
    );
    // a statement dropped for the clause it reports, earlier in the sentence, leaves the
    // judgment's reason still found
    check(
        &pipeline,
        "Ukraine said Russian troops shelled Kharkiv on Monday, and Canada praised Kenya for its help in fighting Somali militants.",
        &[("RUSMIL", "UKR", "19"), ("CAN", "KEN", "05")],
        &[("KEN", "SOMREB", "19")],
        &mut failures,
    );
    check(
        &pipeline,
        "Egyptian police arrested three men for attacking a church in Cairo.",
        &[("EGYCOP", "EGYCVL", "17")],
        &[("EGYCVL", "EGYRELCHR", "19")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An arrest, a release or a pledge in the passive that a speaker reports, with no one named
/// doing it, is the speaker's own act ("police said three men were arrested"); a killing is
/// not (the speaker only tells of it), nor an act the sentence denies ("no deal was offered"),
/// nor one a man's own spokesman reports.
#[test]
fn a_reported_passive_is_the_speakers_act() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Ghanaian police said four smugglers were arrested near Accra.",
        &[("GHACOP", "GHACRM", "17")],
        &[],
        &mut failures,
    );
    check(
        &pipeline,
        "Ghanaian police said two soldiers were killed near Accra.",
        &[],
        &[("GHACOP", "GHAMIL", "18"), ("GHACOP", "GHAMIL", "19")],
        &mut failures,
    );
    check(
        &pipeline,
        "Ghanaian officials said no loan had been offered to Togo.",
        &[],
        &[("GHAGOV", "TGO", "03"), ("GHAGOV", "", "03")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The verb's own object does not count in a pattern's gap: "described [the long talks with
/// the new Afghan government in Kabul] as useful" is a "describe ... as" however long the
/// object runs.
#[test]
fn a_long_object_does_not_break_a_pattern() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Pakistan described the long talks with the new Afghan government in Kabul as useful.",
        &[("PAK", "AFGGOV", "01")],
        &[],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// In a sports report nations and towns are teams: a fixture ("Zambia will host Lesotho") or a
/// result is no state visit or clash, while what police or a government does there still counts.
#[test]
fn a_sports_report_codes_only_political_actors() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    let report = "Zambia beat Malawi 2-1 in the Nations Cup qualifier on Saturday, with the striker \
         scoring twice in the second half. The coach praised his goalkeeper after the match. \
         Zambia will host Lesotho in the next group match in Lusaka. Zambian police arrested \
         twenty fans after the final whistle.";
    check(
        &pipeline,
        report,
        &[("ZMBCOP", "ZMBCVL", "17")],
        &[
            ("ZMB", "LSO", "03"),
            ("ZMB", "LSO", "04"),
            ("ZMB", "MWI", "19"),
        ],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A phrase before the subject sets the scene of the act and is not what the act is aimed at:
/// the trip's region or the interview's broadcaster is no addressee of a statement.
#[test]
fn a_fronted_phrase_is_no_target() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "At the close of her Middle East tour, Angela Merkel said the ceasefire would hold.",
        &[],
        &[("DEU", "MEA", "01")],
        &mut failures,
    );
    check(
        &pipeline,
        "In a long interview with the BBC, President Vladimir Putin said the economy was growing.",
        &[],
        &[("RUS", "GBRMED", "01")],
        &mut failures,
    );
    check(
        &pipeline,
        "After talks in Paris, France signed a trade agreement with Mexico.",
        &[("FRA", "MEX", "05")],
        &[("FRA", "FRA", "05")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Where the tree gives a verb no subject ("will be in Kenya to seek"), the place a
/// prepositional phrase names is where the act happens, not who acts.
#[test]
fn a_place_in_a_prepositional_phrase_is_no_subject() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Three members of the panel will be in Kenya to seek views from farmers.",
        &[],
        &[("KEN", "", "02")],
        &mut failures,
    );
    check(
        &pipeline,
        "Since 2010, thousands of migrants have arrived in Italy to seek asylum.",
        &[],
        &[("ITA", "", "02")],
        &mut failures,
    );
    check(
        &pipeline,
        "He was in Kenya before travelling to Sudan with the committee.",
        &[],
        &[("KEN", "SDN", "04")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A participle that modifies a noun ("the injured tourists", tagged a verb as UD tags it) is no
/// act of the sentence's: the subject of the clause did not injure them.
#[test]
fn a_participle_modifying_a_noun_is_no_trigger() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Kenyan villagers looked after the injured tourists until the rescue team came.",
        &[],
        &[("KEN", "", "18")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A comma between a scene and the subject after it joins no list: the state a sentence
/// opens with does not act beside its subject.
#[test]
fn a_scene_before_the_subject_is_no_second_actor() {
    let pipeline = Pipeline::standard();
    let text = "In Ohio, the firm has sued the state government over the new tax.";
    let got = dyads(&pipeline, text);
    assert!(got.iter().all(|(s, _, _)| s != "USA"), "{text}\n  {got:?}");
    assert!(
        got.iter().any(|(s, _, r)| s == "USABUS" && r == "11"),
        "{text}\n  {got:?}"
    );
}

/// "Unemployment rates for Palestinian youth range ..., said UNDP", the parser reading "range"
/// as a noun and giving "said" two subjects: the one that is itself a name speaks, not the
/// country named inside the other.
#[test]
fn of_two_subjects_the_name_itself_speaks() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Unemployment rates for Palestinian youth range from 35 percent in the West Bank to 51 percent in Gaza, said UNDP.",
        &[],
        &[("PSE", "IGOUNODEV", "01")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Countries that support, praise or defend something do not support each other, and the
/// agents of a passive do nothing to each other: "the plan was supported by Jordan, Egypt and
/// the European Union" gives each of them a one-sided 051.
#[test]
fn joint_supporters_do_not_support_each_other() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    for text in [
        "The plan was supported by Jordan, Egypt and the European Union.",
        "Jordan and Egypt praised the plan on Monday.",
    ] {
        check(
            &pipeline,
            text,
            &[],
            &[("JOR", "EGY", "05"), ("EGY", "JOR", "05")],
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// "X and visiting Y" hosts Y as "talks with visiting Y" does: the guest visits the host.
#[test]
fn a_guest_visiting_after_and_is_the_visitor() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Chinese Premier Wen Jiabao and visiting Romanian Foreign Minister Mihai Ungureanu signed two accords on Monday.",
        &[],
        &[("CHN", "ROU", "04")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A city that names a treaty or an attack is no party to what is done to it: "criticized the
/// Paris agreement" criticises no one in France.
#[test]
fn a_city_naming_a_thing_is_no_target() {
    let pipeline = Pipeline::standard();
    let mut failures = Vec::new();
    check(
        &pipeline,
        "Two leading Republicans have criticized the Paris agreement.",
        &[],
        &[("USA", "FRA", "11")],
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
