//! People, organisations, places and groups, with CAMEO actor codes.
//!
//! The finder reads the team's dictionaries (`dictionaries/actors/`: countries, organisations,
//! office holders with their terms, role words) and word lists (`dictionaries/names/`), and:
//! 1. matches dictionary phrases on token boundaries ([`spot::dictionary_matches`]);
//! 2. takes runs of capitalised words that no dictionary holds and types them from their own
//!    words and their context: titles, role words, appositions, speech verbs ([`typing`]),
//!    towns the gazetteer knows; in a sports report, towns, clubs and nicknames that stand for
//!    teams ([`sport`]); organisation names that one run cannot show ("Bank of Canada", "China
//!    Daily", a title the article calls a newspaper) are joined afterwards ([`orgs`]), and a
//!    headline in capitals names what the story below names ([`headline`]);
//! 3. gathers mentions into referents: "Choe" is the Choe Son Hui named before, "the minister"
//!    is the person with that role, "she" is the last compatible person ([`resolve`]);
//! 4. codes actors: office holders by the article's date ("Trump" is USAGOV in 2020, USAELI in
//!    2022), people no dictionary holds from their modifiers ("North Korean official" → PRKGOV).

mod agreement;
mod context;
mod couples;
mod dateline;
mod descriptions;
pub mod dictionary;
mod evidence;
mod headline;
mod homonyms;
pub mod lexicon;
mod lists;
mod orgs;
pub mod petrarch;
mod phrase_index;
mod resolve;
pub mod resources;
pub mod roles;
mod runs;
mod sport;
mod spot;
mod surnames;
mod typing;

use std::sync::Arc;

use chronicle_core::{Article, Entity, EntityType, Gender};

pub use resources::NameResources;

use crate::{Layer, Stage};
use dictionary::PhraseKind;
use resolve::{Named, Resolver};
use spot::{Candidate, Origin, Tokens};

/// The names stage.
#[derive(Debug, Clone)]
pub struct NameFinder {
    res: Arc<NameResources>,
}

impl Default for NameFinder {
    fn default() -> Self {
        Self::new()
    }
}

impl NameFinder {
    /// The finder with the embedded dictionaries.
    ///
    /// # Panics
    /// If the embedded dictionaries do not parse: a build of Chronicle that ships broken
    /// dictionaries fails its first test.
    pub fn new() -> Self {
        match NameResources::embedded() {
            Ok(res) => NameFinder { res: Arc::new(res) },
            Err(e) => panic!("embedded dictionary is malformed: {e}"),
        }
    }

    /// A finder over resources the caller built (a user's dictionaries).
    pub fn with_resources(res: Arc<NameResources>) -> Self {
        NameFinder { res }
    }

    /// The typed name mentions of an article, in text order.
    fn name_mentions(&self, t: &Tokens<'_>, article: &Article, sports: bool) -> Vec<Named> {
        let res = &*self.res;
        let mut cands = spot::dictionary_matches(t, res);
        let mut claimed = vec![false; t.len()];
        for c in &cands {
            claimed[c.first..c.end].iter_mut().for_each(|x| *x = true);
        }
        let datelines = dateline::datelines(t, res, &claimed);
        for c in &datelines {
            claimed[c.first..c.end].iter_mut().for_each(|x| *x = true);
        }
        let dateline_starts: Vec<usize> = datelines.iter().map(|c| c.first).collect();
        cands.extend(datelines);
        cands.extend(runs::capitalised_runs(t, res, &claimed));
        if sports {
            let places = sport::caps_places(t, &claimed);
            // "KANSAS CITY": a dictionary's shorter match inside a longer place gives way.
            cands.retain(|c| {
                !matches!(c.origin, Origin::Dictionary { .. })
                    || !places.iter().any(|p| p.first <= c.first && c.end <= p.end)
            });
            cands.extend(places);
        }
        cands.sort_by_key(|c| c.first);
        let mut named: Vec<Option<Named>> = cands
            .iter()
            .map(|c| self.type_candidate(t, c, article))
            .collect();
        type_leftover_runs(t, res, &cands, &mut named, sports);
        couples::shared_surnames(t, res, &cands, &mut named);
        surnames::settle(t, res, (article.published, sports), &cands, &mut named);
        let mut named: Vec<Named> = named.into_iter().flatten().collect();
        orgs::merge_org_places(t, &mut named);
        orgs::org_head_of_place(t, res, &mut named);
        orgs::place_then_head(t, res, &mut named);
        surnames_over_places(t, res, &mut named);
        if sports {
            sport::places_as_teams(t, res, &dateline_starts, &mut named);
            sport::leagues_as_competitions(t, &mut named);
        }
        orgs::media_titles(t, &mut named);
        orgs::media_short_forms(t, res, &mut named);
        headline::echoes(t, res, &mut named);
        orgs::press_digest_mastheads(t, &mut named);
        lists::people_in_lists(t, &mut named);
        // In a line of scores a city or a state is its team: "NEW YORK 5 CHICAGO 3".
        for n in named.iter_mut() {
            // A capital has no entry of its own; a country in a score line is its national
            // side, which CoNLL and GDELT alike keep as the country.
            let city = n.kind == EntityType::Gpe
                && n.entry.is_none_or(|e| !self.res.dict.entries[e].sovereign);
            // "edged Austria in Salzburg 3-2": after "in" or "at" the town is the venue.
            let venue = n.first > 0 && matches!(t.text(n.first - 1), "in" | "at");
            if city && !venue && typing::in_score_line(t, n.first, n.end) {
                n.kind = EntityType::Org;
                n.entry = None;
                n.actor = None;
            }
        }
        self.code_people(t, &mut named);
        homonyms::settle(t, res, &mut named);
        gender_from_given_names(t, &self.res, &mut named);
        named
    }

    fn type_candidate(&self, t: &Tokens<'_>, c: &Candidate, article: &Article) -> Option<Named> {
        let res = &*self.res;
        let ev = evidence::gather(t, res, c.first, c.end);
        match c.origin {
            Origin::Dictionary { phrase, .. } => {
                let p = &res.dict.phrases[phrase];
                let entry = &res.dict.entries[p.entry];
                let kind = match p.kind {
                    PhraseKind::Demonym => EntityType::Norp,
                    PhraseKind::Capital => EntityType::Gpe,
                    PhraseKind::Seat => EntityType::Org,
                    PhraseKind::Name | PhraseKind::Surname => entry.kind,
                };
                let code = entry.code_on(article.published);
                let actor = match p.kind {
                    PhraseKind::Seat => code.map(|c| format!("{c}GOV")),
                    _ => code,
                };
                let mut roles = entry.roles.clone();
                roles.extend(ev.roles.iter().cloned());
                Some(Named {
                    first: c.first,
                    end: c.end,
                    kind,
                    // A capital is a place of its own, not its country: it keeps the country's
                    // code but joins no referent through the entry.
                    entry: (p.kind != PhraseKind::Capital).then_some(p.entry),
                    actor,
                    gender: ev.gender(),
                    roles,
                    surname_from: None,
                })
            }
            Origin::Dateline | Origin::Gazetteer => Some(Named::place(c.first, c.end)),
            Origin::Run => {
                // Leading titles and describing words are context, not name: "President Moon
                // Jae-in", "Republican Sen. Ted Cruz".
                let first = c.first + context::leading_context_len(t, res, c.first, c.end);
                if first >= c.end {
                    return None;
                }
                let ev = if first == c.first {
                    ev
                } else {
                    evidence::gather(t, res, first, c.end)
                };
                let kind = typing::type_run(t, res, first, c.end, &ev)?;
                Some(Named {
                    first,
                    end: c.end,
                    kind,
                    entry: None,
                    // "UK firm Phytopharm": the role word that made a body of the name gives
                    // its agent code too, as it gives a person's.
                    actor: ev
                        .role_code
                        .clone()
                        .filter(|_| {
                            kind == EntityType::Person
                                || (kind == EntityType::Org && ev.institution)
                        })
                        .map(|r| format!("@{r}")),
                    gender: ev.gender(),
                    roles: ev.roles,
                    surname_from: None,
                })
            }
        }
    }

    /// People no dictionary holds take their country from a nationality or country right before
    /// them ("senior North Korean official Choe Son Hui" → PRK + GOV). A pending role code is
    /// written `@GOV` until the country is known; without a country it is dropped.
    fn code_people(&self, t: &Tokens<'_>, named: &mut [Named]) {
        for k in 0..named.len() {
            let Some(role) = named[k]
                .actor
                .as_deref()
                .and_then(|a| a.strip_prefix('@'))
                .map(str::to_string)
            else {
                continue;
            };
            let first = named[k].first;
            let country = named[..k]
                .iter()
                .rev()
                .take_while(|m| m.end + 4 >= first && t.same_sentence(m.first, first))
                .find(|m| {
                    matches!(m.kind, EntityType::Norp | EntityType::Gpe)
                        && (m.end..first).all(|j| !matches!(t.text(j), "," | "." | ";"))
                })
                .and_then(|m| {
                    m.actor
                        .as_deref()
                        .and_then(|a| a.get(..3))
                        .map(str::to_string)
                });
            named[k].actor = country.map(|c| format!("{c}{role}"));
        }
    }
}

/// Types the runs that nothing spoke for, once the whole article has been read: the type the
/// article gives the same words elsewhere, a word of another name, a team in a line of
/// scores, a known town, a team of a sports report, or the type the run's shape suggests.
fn type_leftover_runs(
    t: &Tokens<'_>,
    res: &NameResources,
    cands: &[Candidate],
    named: &mut [Option<Named>],
    sports: bool,
) {
    // A run nothing spoke for takes the type the article gives the same words elsewhere, or
    // the type its shape suggests.
    for (k, c) in cands.iter().enumerate() {
        if named[k].is_some() || c.origin != Origin::Run {
            continue;
        }
        let text = resolve::mention_text(t, c.first, c.end);
        let modifier = is_modifier(t, c, &text);
        let same = named
            .iter()
            .flatten()
            .find(|n| resolve::mention_text(t, n.first, n.end) == text)
            .map(|n| n.kind);
        let shared_word = (c.end - c.first == 1)
            .then(|| {
                named.iter().flatten().find_map(|n| match n.kind {
                    EntityType::Person if (n.first..n.end).any(|j| t.text(j) == text) => {
                        Some(EntityType::Person)
                    }
                    EntityType::Org
                        if !modifier && n.end - n.first > 1 && t.text(n.first) == text =>
                    {
                        Some(EntityType::Org)
                    }
                    _ => None,
                })
            })
            .flatten();
        // In a scorecard a bowler or a fielder follows "b", "c" or "st": "c Smith b
        // Jones 12" names people, not teams.
        // A name before the minute of a match ("Gomez 86th") is a scorer or a substitute.
        let cricketer = (c.first > 0 && matches!(t.text(c.first - 1), "b" | "c" | "st"))
            || typing::minute_after(t, c.first, c.end);
        let team = if cricketer {
            Some(EntityType::Person)
        } else {
            (typing::in_score_line(t, c.first, c.end)
                || typing::team_after_bracketed_country(t, c.first, c.end)
                || (sports && c.end - c.first == 1 && typing::in_fixture(t, c.first, c.end)))
            .then_some(EntityType::Org)
        };
        let lone = (c.end - c.first == 1)
            .then(|| typing::lone_word_type(t, c.first, sports))
            .flatten();
        let sport_team = sports
            .then(|| sport::team_run(t, res, c.first, c.end))
            .flatten();
        if let Some(kind) = same
            .or(shared_word)
            .or(team)
            .or(lone)
            .or_else(|| typing::known_place(t, c.first, c.end))
            .or(sport_team)
            .or_else(|| typing::default_type(t, res, c.first, c.end))
        {
            named[k] = Some(Named::unlisted(c.first, c.end, kind));
        }
    }
    adopt_body_types_from_later(t, cands, named);
    people_after_descriptions(t, res, cands, named);
}

/// "Model Anna Nicole Smith", "Liberal Democrat Alan Beith", "Beach Boy Bruce Johnston": a run
/// that nothing typed, with a given name inside it followed by one or two words that end the
/// run, names that person; the words before the given name describe the person. Left untyped,
/// the surname would be read as a town ("Baker", "Johnston").
fn people_after_descriptions(
    t: &Tokens<'_>,
    res: &NameResources,
    cands: &[Candidate],
    named: &mut [Option<Named>],
) {
    for (k, c) in cands.iter().enumerate() {
        if named[k].is_some() || c.origin != Origin::Run || c.end - c.first < 3 {
            continue;
        }
        let surname_words = |j: usize| {
            (j + 1..c.end).all(|w| {
                let word = t.text(w);
                t.is_capitalised(w)
                    && word.chars().skip(1).any(char::is_lowercase)
                    && !res.lexicon.is_org_head(word)
                    && res.lexicon.place_head(word).is_none()
            })
        };
        let given = (c.first + 1..c.end - 1).find(|&j| {
            res.lexicon.given_name(t.text(j)).is_some() && (2..=3).contains(&(c.end - j))
        });
        if let Some(j) = given.filter(|&j| surname_words(j)) {
            named[k] = Some(Named {
                first: j,
                end: c.end,
                kind: EntityType::Person,
                entry: None,
                actor: None,
                gender: res.lexicon.given_name(t.text(j)).unwrap_or(Gender::Unknown),
                roles: Vec::new(),
                surname_from: None,
            });
        }
    }
}

/// "the Democratic caucus" beside "Democratic Party": a word shaped like an adjective before
/// a lowercase noun modifies the noun here, it names no body.
fn is_modifier(t: &Tokens<'_>, c: &Candidate, text: &str) -> bool {
    typing::adjective_shaped(text)
        && t.same_sentence(c.first, c.end)
        && t.kind(c.end) == Some(chronicle_core::TokenKind::Word)
        && t.text(c.end).starts_with(|ch: char| ch.is_lowercase())
}

/// A second pass over the runs still untyped: one takes a body's type that the same words get
/// only further on ("Velcora plans ... said Velcora"). A person's or a place's type is not
/// taken so: it would spread one misreading over the article.
fn adopt_body_types_from_later(t: &Tokens<'_>, cands: &[Candidate], named: &mut [Option<Named>]) {
    for (k, c) in cands.iter().enumerate() {
        if named[k].is_some() || c.origin != Origin::Run {
            continue;
        }
        let text = resolve::mention_text(t, c.first, c.end);
        let body = named
            .iter()
            .flatten()
            .any(|n| n.kind == EntityType::Org && resolve::mention_text(t, n.first, n.end) == text);
        if body && !is_modifier(t, c, &text) {
            named[k] = Some(Named::org(c.first, c.end));
        }
    }
}

/// "Washington" after "MaliVai Washington", "Jordan" after "Michael Jordan", "Georgia" after
/// "Georgia Stevens": a one-word place that is the surname, or the given name, of a person the
/// article names in full is that person.
fn surnames_over_places(t: &Tokens<'_>, res: &NameResources, named: &mut [Named]) {
    // "King Hussein of Jordan", "Catherine of Aragon": the word after "of" is the person's
    // land or house, not a surname.
    let names: Vec<(&str, &str)> = named
        .iter()
        .filter(|n| n.kind == EntityType::Person && n.end - n.first >= 2)
        .filter(|n| t.text(n.end - 2) != "of")
        .map(|n| (t.text(n.first), t.text(n.end - 1)))
        .collect();
    if names.is_empty() {
        return;
    }
    for n in named.iter_mut() {
        let place = matches!(n.kind, EntityType::Gpe | EntityType::Loc);
        if !place || n.end - n.first != 1 {
            continue;
        }
        let w = t.text(n.first);
        let of_a_person = names.iter().any(|&(given, surname)| {
            surname == w || (given == w && res.lexicon.given_name(w).is_some())
        });
        if of_a_person {
            n.kind = EntityType::Person;
            n.entry = None;
            n.actor = None;
        }
    }
}

/// A person written with a given name and a surname takes the gender the given name usually
/// has ("Donald Trump" is male), where no title told it: a "she" must not stand for him, and
/// the pronoun linker (which otherwise gives a referent the gender of its first pronoun) must
/// not reach past him to the wrong person. A surname alone that names a dictionary person
/// ("Obama") takes the gender of the given name in the entry's full name. Unisex names
/// ("Chris", "Jo") tell nothing.
fn gender_from_given_names(t: &Tokens<'_>, res: &NameResources, named: &mut [Named]) {
    for n in named.iter_mut() {
        if n.kind != EntityType::Person || n.gender != Gender::Unknown {
            continue;
        }
        let given = if n.end - n.first >= 2 {
            Some(t.text(n.first))
        } else {
            n.entry
                .and_then(|e| res.dict.entries.get(e))
                .filter(|e| e.kind == EntityType::Person)
                .and_then(|e| e.canonical.split_whitespace().next())
        };
        if let Some(g) = given.and_then(|w| res.lexicon.given_name(w)) {
            n.gender = g;
        }
    }
}

impl Stage for NameFinder {
    fn name(&self) -> &'static str {
        "names"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Names]
    }

    fn annotate(&self, article: &mut Article) {
        let (entities, referents, mentions, pronouns, descriptions, sports) = {
            let t = Tokens::new(article);
            let sports = sport::is_sports_report(&t, &self.res);
            let named = self.name_mentions(&t, article, sports);
            let mut resolver = Resolver::default();
            for n in &named {
                resolver.add(&t, n);
            }
            resolve::role_mentions(&t, &self.res, &mut resolver);
            let pronouns = resolve::pronouns(&t, &article.analysis.syntax, &mut resolver);
            let descriptions = descriptions::description_links(&t, &resolver);
            let index = &article.analysis.index;
            let entities: Vec<Entity> = named
                .iter()
                .zip(
                    resolver
                        .mentions
                        .iter()
                        .filter(|m| m.form == chronicle_core::MentionForm::Name),
                )
                .map(|(n, m)| {
                    let rf = &resolver.referents[m.referent];
                    let (start, end) = index.chars(m.span.start as usize, m.span.end as usize);
                    Entity {
                        start,
                        end,
                        text: article.body[m.span.range()].to_string(),
                        kind: n.kind,
                        canonical: rf.canonical.clone(),
                        actor: n.actor.clone().or_else(|| rf.actor.clone()),
                    }
                })
                .collect();
            (
                entities,
                resolver.referents,
                resolver.mentions,
                pronouns,
                descriptions,
                sports,
            )
        };
        article.entities = entities;
        article.analysis.referents = referents;
        article.analysis.mentions = mentions;
        article.analysis.pronouns = pronouns;
        article.analysis.descriptions = descriptions;
        article.analysis.report = if sports {
            chronicle_core::ReportKind::Sports
        } else {
            chronicle_core::ReportKind::General
        };
    }
}
