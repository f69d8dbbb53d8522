//! Events: who did what to whom, coded in CAMEO and PLOVER, each with its own date.
//!
//! A verb-pattern coder over clauses. Each sentence is cut into clauses; each word that a verb
//! dictionary knows is tried against that verb's patterns (inflected forms, literal words, gaps,
//! target slots, negated phrasings); the best pattern gives the CAMEO code, the clause gives the
//! source (its subject actor, through appositions, coordinations and the names stage's
//! coreference), the target (the pattern's slot, else the object), the negation, tense and mood,
//! and the time expression that dates the event. Every event carries the dictionary line that
//! coded it.
//!
//! The same engine reads PETRARCH/TABARI dictionaries as they are
//! ([`EventCoder::from_petrarch_dir`]), so PETRARCH's own conformance suites run against it
//! (`chronicle eval events`, in the chronicle-eval crate).

mod actors;
mod agents;
mod clause;
mod coder;
mod commas;
mod dating;
mod dict;
mod elicit;
mod frame;
mod matcher;
mod modal;
mod noun_events;
mod nouns;
mod pairs;
mod petrarch;
mod petrarch_actors;
mod reasons;
mod sentence;
mod sides;
mod statements;
#[cfg(test)]
mod tabari_tests;
mod table;
mod tree;
mod words;

use std::path::Path;

use chronicle_core::Article;

pub use coder::{ActorSource, Scratch};
pub use commas::CommaRules;
pub use dict::VerbDictionary;
pub use petrarch_actors::PetrarchActors;
pub use table::{CodeInfo, CodeTable};

use crate::petrarch::{FileKind, PetrarchFiles};
use crate::{Layer, Stage};
use matcher::PatternKeys;
use sentence::{Grammar, SentenceBuf};
use words::Irregulars;

/// The team's irregular verb forms (`dictionaries/verbs/irregular.txt`), for its own verb files
/// and for PETRARCH-format ones alike.
const IRREGULAR: &str = include_str!("../../../../dictionaries/verbs/irregular.txt");

/// The team's verb dictionary (`dictionaries/verbs/`), one file per CAMEO root, embedded.
const VERB_FILES: [(&str, &str); 20] = [
    (
        "dictionaries/verbs/01_statement.txt",
        include_str!("../../../../dictionaries/verbs/01_statement.txt"),
    ),
    (
        "dictionaries/verbs/02_appeal.txt",
        include_str!("../../../../dictionaries/verbs/02_appeal.txt"),
    ),
    (
        "dictionaries/verbs/03_intent_to_cooperate.txt",
        include_str!("../../../../dictionaries/verbs/03_intent_to_cooperate.txt"),
    ),
    (
        "dictionaries/verbs/04_consult.txt",
        include_str!("../../../../dictionaries/verbs/04_consult.txt"),
    ),
    (
        "dictionaries/verbs/05_diplomatic_cooperation.txt",
        include_str!("../../../../dictionaries/verbs/05_diplomatic_cooperation.txt"),
    ),
    (
        "dictionaries/verbs/06_material_cooperation.txt",
        include_str!("../../../../dictionaries/verbs/06_material_cooperation.txt"),
    ),
    (
        "dictionaries/verbs/07_aid.txt",
        include_str!("../../../../dictionaries/verbs/07_aid.txt"),
    ),
    (
        "dictionaries/verbs/08_yield.txt",
        include_str!("../../../../dictionaries/verbs/08_yield.txt"),
    ),
    (
        "dictionaries/verbs/09_investigate.txt",
        include_str!("../../../../dictionaries/verbs/09_investigate.txt"),
    ),
    (
        "dictionaries/verbs/10_demand.txt",
        include_str!("../../../../dictionaries/verbs/10_demand.txt"),
    ),
    (
        "dictionaries/verbs/11_disapprove.txt",
        include_str!("../../../../dictionaries/verbs/11_disapprove.txt"),
    ),
    (
        "dictionaries/verbs/12_reject.txt",
        include_str!("../../../../dictionaries/verbs/12_reject.txt"),
    ),
    (
        "dictionaries/verbs/13_threaten.txt",
        include_str!("../../../../dictionaries/verbs/13_threaten.txt"),
    ),
    (
        "dictionaries/verbs/14_protest.txt",
        include_str!("../../../../dictionaries/verbs/14_protest.txt"),
    ),
    (
        "dictionaries/verbs/15_force_posture.txt",
        include_str!("../../../../dictionaries/verbs/15_force_posture.txt"),
    ),
    (
        "dictionaries/verbs/16_reduce_relations.txt",
        include_str!("../../../../dictionaries/verbs/16_reduce_relations.txt"),
    ),
    (
        "dictionaries/verbs/17_coerce.txt",
        include_str!("../../../../dictionaries/verbs/17_coerce.txt"),
    ),
    (
        "dictionaries/verbs/18_assault.txt",
        include_str!("../../../../dictionaries/verbs/18_assault.txt"),
    ),
    (
        "dictionaries/verbs/19_fight.txt",
        include_str!("../../../../dictionaries/verbs/19_fight.txt"),
    ),
    (
        "dictionaries/verbs/20_mass_violence.txt",
        include_str!("../../../../dictionaries/verbs/20_mass_violence.txt"),
    ),
];

/// The events stage: a verb dictionary, the CAMEO code table, and (for PETRARCH dictionaries)
/// the actor dictionary that goes with the verbs.
#[derive(Debug)]
pub struct EventCoder {
    dict: VerbDictionary,
    grammar: Grammar,
    table: CodeTable,
    actors: Option<PetrarchActors>,
    /// Role words that give a country's actor its agent code ("Turkish troops" → TURMIL), for
    /// actors from the names stage.
    roles: agents::AgentRoles,
    /// Comma-delimited clauses dropped before coding (TABARI dictionaries only).
    commas: CommaRules,
    /// Key words of the patterns, to skip those a sentence cannot match.
    keys: PatternKeys,
    /// Nouns that name acts ("talks", "attack", "sanctions"), for the team's dictionaries.
    nouns: nouns::NounDictionary,
}

impl Default for EventCoder {
    fn default() -> Self {
        Self::new()
    }
}

impl EventCoder {
    /// The coder with the team's embedded verb dictionary and code table.
    pub fn new() -> Self {
        let mut dict = VerbDictionary::new(Irregulars::parse(IRREGULAR));
        for (name, text) in VERB_FILES {
            // Embedded data is compile-time data: a bad line is a build defect, named by file and
            // line (the `embedded_data` tests load every file).
            dict.add_file(name, text)
                .unwrap_or_else(|e| panic!("embedded verb dictionary: {e}"));
        }
        Self::from_dictionary(dict)
    }

    /// A coder over a verb dictionary built elsewhere (tests, other formats).
    pub fn from_dictionary(mut dict: VerbDictionary) -> Self {
        let grammar = Grammar::build(&mut dict);
        EventCoder {
            keys: PatternKeys::build(&dict, |id| grammar.of(id) != 0),
            dict,
            grammar,
            table: CodeTable::embedded(),
            actors: None,
            roles: agents::AgentRoles::embedded(),
            commas: CommaRules::default(),
            nouns: nouns::NounDictionary::embedded(),
        }
    }

    /// A coder over verb files in Chronicle's format (`CODE<TAB>PATTERN`), given as
    /// (name, text) pairs, with an optional `irregular.txt` text whose lines extend (and, for
    /// the same lemma, replace) the embedded list.
    pub fn from_texts(files: &[(&str, &str)], irregular: Option<&str>) -> Result<Self, String> {
        let mut irr = Irregulars::parse(IRREGULAR);
        if let Some(text) = irregular {
            irr.extend(Irregulars::parse(text));
        }
        let mut dict = VerbDictionary::new(irr);
        for (name, text) in files {
            dict.add_file(name, text)?;
        }
        Ok(Self::from_dictionary(dict))
    }

    /// A coder from a folder of PETRARCH-format dictionaries: the verb file (`*verb*`), and the
    /// actor, agent and discard files, loaded as they are. Actors are then found by the coder
    /// itself, with PETRARCH's date-restricted codes.
    pub fn from_petrarch_dir(dir: &Path) -> Result<Self, String> {
        let files = PetrarchFiles::read_dir(dir).map_err(|e| e.to_string())?;
        Self::from_petrarch_files(&files).map_err(|e| format!("{}: {e}", dir.display()))
    }

    /// A coder from PETRARCH/TABARI dictionary texts given as (file name, text) pairs; the name
    /// says what each is (`*verb*`, `*actor*`, `*agent*`, `*discard*`), as in a folder.
    pub fn from_petrarch_texts(files: &[(&str, &str)]) -> Result<Self, String> {
        Self::from_petrarch_files(&PetrarchFiles::from_texts(files))
    }

    /// A coder from dictionary files read once ([`PetrarchFiles`]), shared with the names stage.
    pub fn from_petrarch_files(files: &PetrarchFiles) -> Result<Self, String> {
        let mut dict = VerbDictionary::new(Irregulars::parse(IRREGULAR));
        let mut actors = PetrarchActors::default();
        for file in &files.files {
            let text = file.text.as_str();
            match file.kind {
                FileKind::Verbs => petrarch::add_verbs(&mut dict, &file.label, text)?,
                FileKind::Actors => actors.add_actors(text),
                FileKind::Agents => actors.add_agents(text),
                FileKind::Discards => actors.add_discards(text),
            }
        }
        if dict.verbs.is_empty() {
            return Err("no PETRARCH verb file (*verb*.txt)".to_string());
        }
        let mut coder = Self::from_dictionary(dict);
        actors.finish();
        coder.actors = Some(actors);
        Ok(coder)
    }

    /// The comma-delimited clause rules TABARI dictionaries are coded with.
    pub fn comma_rules(&self) -> CommaRules {
        self.commas
    }

    /// Sets the comma-delimited clause rules (a TABARI `COMMA:` option; see [`CommaRules`]).
    pub fn set_comma_rules(&mut self, rules: CommaRules) {
        self.commas = rules;
    }

    /// The verb dictionary the coder runs on.
    pub fn dictionary(&self) -> &VerbDictionary {
        &self.dict
    }

    /// The CAMEO code table.
    pub fn table(&self) -> &CodeTable {
        &self.table
    }

    /// Codes `article` and returns its events without storing them (for evaluation).
    pub fn code(&self, article: &Article) -> Vec<chronicle_core::Event> {
        let mut scratch = Scratch::default();
        match &self.actors {
            Some(a) => {
                if a.discarded(&article.body) {
                    return Vec::new();
                }
                self.code_with(article, a, &mut scratch)
            }
            None => self.code_with(article, &NamesLayers { roles: &self.roles }, &mut scratch),
        }
    }
}

/// Actors from the names stage's layers (mentions, referents, pronouns), with the role words
/// that name a country's agents.
struct NamesLayers<'r> {
    roles: &'r agents::AgentRoles,
}

impl ActorSource for NamesLayers<'_> {
    fn hits(
        &self,
        article: &Article,
        s: usize,
        buf: &SentenceBuf,
        out: &mut Vec<actors::ActorHit>,
    ) {
        actors::from_article(article, &buf.words, out);
        let tree = tree::Tree::of(article, s, buf.words.len());
        actors::drop_market_modifiers(&buf.words, tree, out);
        self.roles.extend(article, &buf.words, tree, out);
    }
}

impl Stage for EventCoder {
    fn name(&self) -> &'static str {
        "events"
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Tokens,
            Layer::Sentences,
            Layer::Syntax,
            Layer::Names,
            Layer::Dates,
        ]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Events]
    }

    /// Codes the article's events. An event without a source actor says that something was done
    /// by nobody known: it is dropped. On real sentences coded by others (the pile's silver set)
    /// one expected event in 92 has no source, while nearly every source-less event the coder
    /// found was a misreading (a sport's "beating German X", a market's "flow in from the US", a
    /// noun phrase's country taken for a target). An event
    /// whose clause names no place takes its sentence's place, else the article's main place.
    fn annotate(&self, article: &mut Article) {
        let mut events = self.code(article);
        events.retain(|e| e.source.is_some());
        // a sports report's nations and towns are teams: only a political actor's act counts
        if article.analysis.report == chronicle_core::ReportKind::Sports {
            events.retain(|e| {
                [&e.source, &e.target]
                    .into_iter()
                    .flatten()
                    .any(|code| political(code))
            });
        }
        // Where the clause names no place, the places stage gives the sentence's place or the
        // article's main place (GDELT's ActionGeo).
        for e in events.iter_mut().filter(|e| e.place.is_none()) {
            e.place = crate::places::event_place(article, e.sentence, None).map(|p| p.name.clone());
        }
        article.events = events;
    }
}

/// Whether an actor code names a political actor: an international body, or a country's
/// government, military, police, courts, legislature, parties, opposition, rebels, insurgents,
/// spies or elites. A bare country, its businesses, media and civilians are not.
fn political(code: &str) -> bool {
    const ROLES: &[&str] = &[
        "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SPY", "ELI", "SEP",
    ];
    code.starts_with("IGO")
        || code
            .get(3..)
            .is_some_and(|roles| ROLES.iter().any(|r| roles.starts_with(r)))
}
