//! Speakers read from the sentence through the whole pipeline (segment, syntax, names, quotes):
//! the subject of the cue, not the nearest name; a subjectless cue continuing an utterance;
//! pronouns and descriptions resolved to the name; apposition, passive and "according to";
//! and the spans and utterance numbers each quote carries. The sentences are the team's own.

use chronicle_core::{Article, Quote};
use chronicle_nlp::Pipeline;

fn run(body: &str) -> Article {
    let mut article = Article::new("t", body);
    article.published = Some(jiff::civil::date(2021, 3, 2));
    Pipeline::standard().annotate(&mut article);
    for q in &article.quotes {
        println!(
            "{:?} {:?} speaker={:?} mention={:?} cue={:?} {:?} utterance={:?}",
            q.kind,
            q.text,
            q.speaker,
            mention(&article, q),
            q.cue,
            q.cue_start
                .zip(q.cue_end)
                .map(|(s, e)| chars(&article, s, e)),
            q.utterance
        );
    }
    article
}

/// The body's characters `start..end`.
fn chars(article: &Article, start: usize, end: usize) -> String {
    article.body.chars().skip(start).take(end - start).collect()
}

/// The text of the mention the speaker was read from.
fn mention(article: &Article, q: &Quote) -> Option<String> {
    Some(chars(article, q.speaker_start?, q.speaker_end?))
}

fn quote<'a>(article: &'a Article, opening: &str) -> &'a Quote {
    article
        .quotes
        .iter()
        .find(|q| q.text.trim_start_matches(['“', '"']).starts_with(opening))
        .unwrap_or_else(|| panic!("no quotation opening with {opening:?}"))
}

fn speaker(q: &Quote) -> &str {
    q.speaker.as_deref().unwrap_or("")
}

#[test]
fn the_subject_of_the_cue_speaks_not_the_nearest_name() {
    let article = run(
        "Newspapers in Beijing answered the United States on Monday.\n\n\
         “Washington has crossed a line,” the official daily wrote, adding, \
         “No, we are not afraid of the United States.”",
    );
    let first = quote(&article, "Washington has crossed");
    let second = quote(&article, "No, we are not afraid");
    assert_eq!(
        mention(&article, first).as_deref(),
        Some("the official daily")
    );
    assert_eq!(second.speaker, first.speaker, "{second:?}");
    assert!(!speaker(second).contains("United States"), "{second:?}");
    assert_eq!(second.utterance, first.utterance);
}

#[test]
fn a_pronoun_subject_speaks_for_the_name_before_it() {
    let article = run(
        "Senator Maria Lopez met farmers in Fresno on Tuesday, a week after Governor Tom Reyes \
         vetoed her water bill.\n\n\
         “The drought will not wait for Sacramento,” she said.",
    );
    let q = quote(&article, "The drought will not wait");
    assert_eq!(speaker(q), "Maria Lopez");
    assert_eq!(mention(&article, q).as_deref(), Some("she"));
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn an_apposition_leaves_the_name_as_the_speaker() {
    let article = run(
        "“The strike hit its target,” Pete Williams, a Pentagon spokesman, said on Friday.\n\n\
         Pete Williams, a Pentagon spokesman, said the second strike missed. \
         Colonel Ann Hale, who leads the base, said, “We will try again.”",
    );
    let q = quote(&article, "The strike hit");
    assert!(speaker(q).ends_with("Williams"), "{q:?}");
    assert_eq!(mention(&article, q).as_deref(), Some("Pete Williams"));
    let q = quote(&article, "We will try again");
    assert!(speaker(q).ends_with("Ann Hale"), "{q:?}");
}

#[test]
fn according_to_and_a_passive_cue_name_their_speaker() {
    let article = run(
        "According to Police Chief Dan Ortiz, “the suspect fled on foot toward the river.”\n\n\
         The closure was announced by Mayor Ruth Adler of Tacoma: “The bridge stays shut until \
         the inspectors are done.”",
    );
    let q = quote(&article, "the suspect fled");
    assert!(speaker(q).ends_with("Dan Ortiz"), "{q:?}");
    assert_eq!(q.cue.as_deref(), Some("According to"));
    let q = quote(&article, "The bridge stays shut");
    assert!(speaker(q).ends_with("Ruth Adler"), "{q:?}");
}

#[test]
fn a_split_quotation_is_one_utterance_with_one_speaker_mention() {
    let body = "Café owner Élodie Marchand spoke after the vote.\n\n\
                “We lost the lease,” she said, “but not the recipes.”\n\n\
                “Rent went up twice,” said her brother Luc Marchand.";
    let article = run(body);
    let a = quote(&article, "We lost the lease");
    let b = quote(&article, "but not the recipes");
    let c = quote(&article, "Rent went up twice");
    assert!(a.utterance.is_some());
    assert_eq!(a.utterance, b.utterance);
    assert_ne!(a.utterance, c.utterance);
    assert_eq!(speaker(a), "Élodie Marchand");
    assert_eq!(speaker(b), "Élodie Marchand");
    assert!(speaker(c).ends_with("Luc Marchand"), "{c:?}");
    // Offsets are characters: the accents before them count once each.
    assert_eq!(mention(&article, a).as_deref(), Some("she"));
    assert_eq!(
        (a.speaker_start, a.speaker_end),
        (b.speaker_start, b.speaker_end)
    );
    assert_eq!(
        a.cue_start
            .zip(a.cue_end)
            .map(|(s, e)| chars(&article, s, e))
            .as_deref(),
        Some("said")
    );
    // Utterances are numbered in text order from 0.
    let numbers: Vec<usize> = article.quotes.iter().filter_map(|q| q.utterance).collect();
    assert_eq!(numbers.first(), Some(&0));
    assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{numbers:?}");
}

#[test]
fn a_fragment_after_adding_that_is_a_new_utterance_of_the_same_speaker() {
    // "adding that" reports anew: the fragment in its clause is not a piece of the quotation
    // before, though the same person speaks both.
    let body = "The river crested overnight.\n\n\
                \"We see no sign of a breach,\" the mayor said, adding that the repairs \
                would take \"several more days\" to finish.\n\n\
                \"The pumps are holding,\" she said, \"and the levee too.\"";
    let article = run(body);
    let a = quote(&article, "We see no sign");
    let b = quote(&article, "several more days");
    let c = quote(&article, "The pumps are holding");
    let d = quote(&article, "and the levee too");
    assert!(a.utterance.is_some() && b.utterance.is_some());
    assert_ne!(a.utterance, b.utterance);
    assert_eq!(speaker(a), speaker(b));
    // A quotation split around its cue alone is still one utterance.
    assert_eq!(c.utterance, d.utterance);
}

#[test]
fn a_description_subject_resolves_to_the_name_it_stands_for() {
    let article = run(
        "The Chicago Tribune published its endorsement on Sunday.\n\n\
         “Neither candidate has earned the job,” the newspaper said.",
    );
    let q = quote(&article, "Neither candidate");
    assert_eq!(mention(&article, q).as_deref(), Some("the newspaper"));
    assert!(
        speaker(q).contains("Tribune") || speaker(q) == "the newspaper",
        "{q:?}"
    );
}

#[test]
fn a_pronoun_stands_for_the_main_subject_not_the_first_name_of_the_sentence_before() {
    let article = run("Retired admiral Joan Pike spoke in Norfolk on Monday.\n\n\
         After the sailors of Karen Bell won the prize on Tuesday, Pike criticised the budget.\n\n\
         “We cannot train without fuel,” she said.");
    let q = quote(&article, "We cannot train");
    assert_eq!(speaker(q), "Joan Pike", "{q:?}");
    assert_eq!(mention(&article, q).as_deref(), Some("she"));
}

#[test]
fn a_pronoun_follows_the_same_pronoun_back_to_its_name() {
    // The sentence before the quotation has "He" for subject and another man in it: the
    // quotation's "he" is the man the earlier "He" stands for, not the other one.
    let article = run(
        "Senator Paul Okafor spoke to farmers in Kaduna on Monday.\n\n\
         He added a warning for Governor Tom Reyes, who has threatened to veto the bill.\n\n\
         “We cannot wait another harvest,” he said.",
    );
    let q = quote(&article, "We cannot wait");
    assert_eq!(speaker(q), "Paul Okafor", "{q:?}");
    assert_eq!(mention(&article, q).as_deref(), Some("he"));
}

#[test]
fn a_pronoun_after_an_interview_with_someone_stands_for_the_interviewee() {
    let article = run("Mayor Ruth Adler of Tacoma faces a recall vote in May.\n\n\
         In an interview with host Carla Whitlock, Adler made it clear she would not resign.\n\n\
         “I was elected to finish this job,” she told her.");
    let q = quote(&article, "I was elected");
    assert!(speaker(q).ends_with("Adler"), "{q:?}");
}

#[test]
fn a_speaker_the_names_stage_did_not_type_as_a_person_is_still_the_pronouns_antecedent() {
    // The names stage reads the general's run as an organisation and "Ham" alone as one
    // too; that he says things makes him the "he" of the quotation.
    let article = run(
        "Retired Army Gen. Walter Ham spoke to veterans in Ohio on Friday, a week after \
         the budget vote.\n\n\
         In a radio interview with host Carl Dobbs, Ham said the cuts had hurt training across \
         the force.\n\n\
         “We could not train the way we needed to,” he said.",
    );
    let q = quote(&article, "We could not train");
    assert!(speaker(q).ends_with("Ham"), "{q:?}");
    assert_eq!(mention(&article, q).as_deref(), Some("he"));
}

#[test]
fn a_capitalised_word_inside_a_description_does_not_make_it_a_name() {
    let article = run("The committee met behind closed doors on Thursday.\n\n\
         “Nobody in that room wants another vote,” said one Republican aide on the committee.");
    let q = quote(&article, "Nobody in that room");
    assert!(speaker(q).ends_with("aide"), "{q:?}");
    assert_eq!(mention(&article, q).as_deref(), Some("one Republican aide"));
}

#[test]
fn a_participle_after_a_name_is_spoken_by_that_name_not_the_clause_subject() {
    let article = run("The new television spot ran in Ohio on Monday.\n\n\
         The spot shows footage of Senator Maria Lopez saying, “We will not back down.”");
    let q = quote(&article, "We will not back down");
    assert_eq!(speaker(q), "Maria Lopez", "{q:?}");
}

#[test]
fn verbs_of_commenting_and_cautioning_are_cues() {
    let article = run(
        "The council debated the new parking rules until midnight.\n\n\
         Over coffee afterwards, a neighbour commented: “Nobody here can afford the permits.”\n\n\
         “Fines alone will not fix the streets,” the treasurer cautioned.",
    );
    let q = quote(&article, "Nobody here can afford");
    assert!(speaker(q).ends_with("neighbour"), "{q:?}");
    assert_eq!(q.cue.as_deref(), Some("commented"));
    let q = quote(&article, "Fines alone");
    assert!(speaker(q).ends_with("treasurer"), "{q:?}");
    assert_eq!(q.cue.as_deref(), Some("cautioned"));
}

#[test]
fn a_noun_after_a_preposition_is_not_the_cues_subject() {
    let article = run("The city imposed a curfew after two nights of unrest.\n\n\
         Protesters marching through the streets chanted \"No more curfews!\" and waved signs.");
    let q = quote(&article, "No more curfews");
    assert_eq!(speaker(q), "Protesters", "{q:?}");
}

#[test]
fn a_pronoun_chain_reaches_a_name_that_did_not_speak() {
    // "Ham thought ...": no speech cue; the "He" after it carries him to the quotation.
    let article = run(
        "Retired Army Gen. Walter Ham spoke to veterans in Ohio on Friday, a week after \
         the budget vote.\n\n\
         In a radio interview with host Carl Dobbs, Ham thought the cuts had hurt the force. \
         He was blunt about the generals who stayed silent.\n\n\
         “Nobody wanted to be the first to complain,” he said.",
    );
    let q = quote(&article, "Nobody wanted");
    assert!(speaker(q).ends_with("Ham"), "{q:?}");
}

#[test]
fn a_name_inside_the_quotation_is_not_the_pronoun_outside_it() {
    let article = run(
        "The crowd around Ana Ruiz had waited at the gate for an hour.\n\n\
         “Here comes Tony Marconi!” she shouted, clapping.",
    );
    let q = quote(&article, "Here comes Tony");
    assert_eq!(speaker(q), "Ana Ruiz", "{q:?}");
}

#[test]
fn she_does_not_stand_for_a_man_named_by_his_given_name() {
    // The subject of the sentence before is Donald Okafor; "Donald" says he is a man, so
    // "she" is the woman named after him.
    let article = run(
        "Council member Ed Park questioned the budget on Monday.\n\n\
         Donald Okafor, the mayor, defended it, and Rita Alvarez welcomed the plan.\n\n\
         “Finally someone listens,” she said.",
    );
    assert_eq!(
        speaker(quote(&article, "Finally someone listens")),
        "Rita Alvarez"
    );
}

#[test]
fn a_he_inside_a_quotation_gives_the_speaker_no_gender() {
    // "he" in the quotation is the senator; it must not make the professor a man, or "she"
    // reaches back past her.
    let article = run(
        "Senator Paul Grant accused the moderator, Dan Reyes, of bias, though records show \
         Reyes is a registered Republican.\n\n\
         Jo-Anne Kessler, a history professor at Linden College, described Grant's approach \
         as cautious.\n\n\
         \"If he is pressed on the budget, he will change the subject,\" she said.",
    );
    assert_eq!(
        speaker(quote(&article, "If he is pressed")),
        "Jo-Anne Kessler"
    );
}

#[test]
fn a_pronoun_takes_the_name_in_apposition_to_a_role_subject() {
    let article = run(
        "In a statement, Governor Mark Ellison said the state would appeal the ruling.\n\n\
         Texas Republican Party Chairman Walter Brandt called the verdict a \"victory for \
         every voter.\"\n\n\
         \"The judges have restored a basic right,\" he said in a statement.",
    );
    assert_eq!(
        speaker(quote(&article, "The judges have restored")),
        "Walter Brandt"
    );
}

#[test]
fn a_pronoun_prefers_the_person_of_its_gender_over_one_of_unknown_gender() {
    // "Chris" tells no gender; "she" in the first sentence is Mary Voss, so Chris Dalton is
    // not taken for a woman and "he" is him.
    let article = run(
        "Chris Dalton called Mary Voss a liar after she criticized the police on Monday.\n\n\
         “She has insulted every officer in this state,” he said.",
    );
    assert_eq!(speaker(quote(&article, "She has insulted")), "Chris Dalton");
}

#[test]
fn he_added_continues_the_speaker_just_quoted() {
    let article = run(
        "Ben Carlin, Ted Novak and Rand Porter have all attacked the program.\n\n\
         “The answer you want is yes,” Novak, who has proposed repealing it, said at the \
         time. But he added, “People are fed up.”",
    );
    let first = quote(&article, "The answer you want");
    let second = quote(&article, "People are fed up");
    assert_eq!(speaker(first), "Ted Novak");
    assert_eq!(speaker(second), "Ted Novak");
}

#[test]
fn sentences_quoted_whole_do_not_hide_the_subject_before_them() {
    let article = run(
        "Senator Ray Kowal, who campaigned for Governor Tom Birch before he left the race in \
         May, attacked the plan on Friday.\n\n\
         “It is a mess. It is a mess. It is a waste of money,” he said.",
    );
    assert_eq!(speaker(quote(&article, "It is a mess")), "Ray Kowal");
}

#[test]
fn she_does_not_stand_for_a_known_man_written_by_surname_alone() {
    // "Obama" alone, in an article from his presidency, is the dictionary's Barack Obama: a
    // man, though no given name is written.
    let mut article = Article::new(
        "t",
        "Rita Alvarez, a nurse in Dayton, wrote to the White House last spring. Obama \
         answered her letter in June.\n\n\
         “I cried when I read it,” she said.",
    );
    article.published = Some(jiff::civil::date(2015, 6, 1));
    Pipeline::standard().annotate(&mut article);
    assert_eq!(speaker(quote(&article, "I cried when")), "Rita Alvarez");
}
