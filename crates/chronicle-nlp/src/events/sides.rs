//! Who acts on whom in a matched verb: the source and target actors of a pattern's match, read
//! from the tree (subject, passive agent, objects) or, without one, from the words around the
//! verb as TABARI and PETRARCH-1 do; then the clean-up every pair of sides needs (lone agents
//! placed, self-targets dropped, joint subjects of a cooperation made mutual).

use chronicle_core::{DepRel, Upos};

use super::EventCoder;
use super::actors::{ActorHit, group, hit_at, hit_starting, sides_of};
use super::agents;
use super::clause::{self, Modality};
use super::coder::Side;
use super::elicit;
use super::matcher::Match;
use super::sentence::{
    BY, CAP, COMMA, COORD, ClauseKind, DET, PARTICIPLE, PREP, PUNCT, SentenceBuf, TO,
};
use super::tree::Tree;

impl EventCoder {
    /// Sources and targets of a match, and whether events run pairwise inside one compound.
    pub(super) fn sides(
        &self,
        buf: &SentenceBuf,
        hits: &[ActorHit],
        tree: Option<Tree>,
        v: usize,
        m: Match,
        modality: Modality,
    ) -> (Vec<Side>, Vec<Side>, bool) {
        let words = &buf.words;
        let expand = |k: usize| -> Vec<Side> {
            let (lo, hi) = match tree {
                Some(t) => t.group(hits, words, k),
                None => group(hits, words, k),
            };
            sides_of(&hits[lo..hi])
        };
        if let Some(k) = m.compound {
            return (expand(k), Vec::new(), true);
        }
        let nominal = tree.filter(|_| self.dict.verbs[m.verb as usize].nominal);
        if nominal.is_none() && tree.is_some_and(|t| self.hearsay(t, v, m, modality)) {
            return (Vec::new(), Vec::new(), false);
        }
        // "the test sparked condemnation": the subject is whom the drawn act is aimed at
        let elicited = tree.filter(|t| !self.dict.petrarch && elicit::eliciting(*t, v));
        let read = match (nominal, elicited) {
            (None, None) => tree.and_then(|t| self.tree_sides(t, buf, hits, v, m, modality)),
            _ => None,
        };
        let from_tree = read.is_some() || nominal.is_some() || elicited.is_some();
        let (src, tgt) = match (nominal, read) {
            _ if let Some(t) = elicited => elicit::sides(t, v, hits),
            (Some(t), _) => {
                let (src, own) = t.nominal_sides(m.start.min(v), m.end, hits);
                (src, m.target.or(own).filter(|k| Some(*k) != src))
            }
            (None, Some(r)) if r.unknown_doer => return (Vec::new(), Vec::new(), false),
            // a target the tree's objects do not name may still follow the verb in its clause
            // ("accused the United States of", parsed with a wrong attachment)
            // but no further than the verb's own clause reaches, where the parse is a sentence's
            (None, Some(TreeSides { src, tgt: None, .. })) => {
                let (_, wt) = self.word_sides(buf, hits, v, m, modality);
                let reach = tree
                    .filter(|t| t.verb_rooted(v))
                    .map_or(usize::MAX, |t| t.clause_end(v));
                // a city that names a thing is no party to it ("criticized the Paris
                // agreement")
                let names_thing = |k: usize| tree.is_some_and(|t| t.names_thing(&hits[k], hits));
                let wt = wt.filter(|&k| Some(k) != src && hits[k].start < reach && !names_thing(k));
                // a statement is aimed at whom its reported clause is about, its subject ("said
                // the EU commission's proposal would mean a rise"), not at a name further in it
                // ("said it had bought Germany's Hexal", "said the two leaders had talked about
                // Afghanistan")
                let statement = self.main_code(m).is_some_and(|c| c.starts_with("01"));
                let wt = match tree {
                    Some(t) if statement && t.reports(v) => wt.filter(|&k| {
                        t.reported_subject(v)
                            .is_some_and(|r| r.start <= hits[k].start && hits[k].end <= r.end)
                    }),
                    _ => wt,
                };
                (src, wt)
            }
            (None, Some(r)) => (r.src, r.tgt),
            (None, None) => {
                // the tree names no subject ("will be in Scotland to seek views"): the words'
                // guess is no name the tree puts in a prepositional phrase
                let (src, tgt) = self.word_sides(buf, hits, v, m, modality);
                let placed =
                    |k: &usize| tree.is_some_and(|t| t.prepositional(hits[*k].start, hits[*k].end));
                // nor a name inside a relative clause ("Hamas, which attacked Israeli troops,
                // threatened", with "Hamas" parsed as no subject): the clause's noun is who
                // acts, else the first name after the clause ("after a video in which Trump
                // bragged, a student group derided him")
                let src = match (src, tree) {
                    (Some(k), Some(t)) if m.source != Some(k) => {
                        match t.relative_noun(hits[k].start, v) {
                            Some(n) => t.subject_actor(n, hits).or_else(|| {
                                hits.iter()
                                    .position(|h| h.start > hits[k].end && h.end <= v)
                                    .filter(|&j| t.relative_noun(hits[j].start, v).is_none())
                            }),
                            None => Some(k),
                        }
                    }
                    _ => src,
                };
                (src.filter(|k| m.source == Some(*k) || !placed(k)), tgt)
            }
        };
        // a place only the gazetteer knows is ground, never who acts, and acted on only by
        // force or a visit: where a statement is made or a deal struck is no one it is aimed at
        // force is used on ground it names, not on where it happens ("killed 13 people at Fort
        // Hood", "seized drugs in Zahedan"); a visit is made in a city as to it
        let visit = self.main_code(m) == Some("042");
        let forceful = self.forceful(m);
        let located = |k: usize| {
            let last = hits[k].end.saturating_sub(1);
            tree.is_some_and(|t| {
                // "in the city of Zahedan": the preposition opens the noun the name is of
                let noun = match t.head(last) {
                    Some(h) if t.rel(last) == Some(DepRel::Nmod) && t.case_is(last, "of") => h,
                    _ => last,
                };
                LOCATIVE.iter().any(|p| t.case_is(noun, p))
            })
        };
        let on_ground = |k: usize| visit || (forceful && !located(k));
        // where a statement is made is no one it is aimed at ("delivered a speech in
        // Pakistan"), whether country or city
        let statement = self.main_code(m).is_some_and(|c| c.starts_with("01"));
        let src = src.filter(|&k| !hits[k].ground_only());
        let tgt =
            tgt.filter(|&k| (!hits[k].ground_only() || on_ground(k)) && !(statement && located(k)));
        // the places joined to a side ("in Tel Aviv and Chicago") are ground on the same terms
        let expand = |k: usize| -> Vec<Side> {
            let mut sides = expand(k);
            sides.retain(|side| {
                side.as_ref().is_none_or(|(_, span)| {
                    (Some(k) == tgt && on_ground(k))
                        || !hit_at(hits, span).is_some_and(|h| h.ground_only())
                })
            });
            sides
        };
        let mut sources = src.map(expand).unwrap_or_else(|| vec![None]);
        let tgt = tgt.filter(|&k| !self.audience(hits, v, m, k));
        let mut targets = tgt.map(expand).unwrap_or_else(|| vec![None]);
        if !self.dict.petrarch {
            // "its troops" in what a speaker says are the speaker's
            if let Some(t) = tree
                && let Some(owner) = t.pronoun_actor(v, hits)
            {
                let owned = |span: &(u32, u32)| {
                    hit_at(hits, span).is_some_and(|h| t.pronoun_possessed(h.start, h.end))
                };
                agents::place_owned_agents(&mut sources, owned, &hits[owner]);
            }
            agents::place_lone_agents(&mut sources, &targets, hits);
            agents::place_lone_agents(&mut targets, &sources, hits);
            // ground is someone else's only to force: "insurgents attacked Mosul" is IRQINS on
            // IRQ, where "the president visited Mosul" is no act on anyone
            drop_self_targets(&sources, &mut targets, hits, tree, forceful);
            if targets.is_empty() {
                targets.push(None);
            }
            // "Brazil and the United States are seeking to deepen a partnership": actors joined
            // as the subject of a cooperation with no one else act on each other; aid they
            // promise goes to someone else ("have promised to send aid to other countries")
            // Praise, defence, recognition, apology and forgiveness are one side's of the
            // other, never mutual ("the step was supported by Jordan, Egypt and the EU"), and
            // nor is what a passive's agents do to its subject.
            let mutual = self.main_code(m).is_some_and(mutual_code)
                && !tree.is_some_and(|t| {
                    // the sources are the passive's `by` agents ("was supported by Jordan and
                    // Egypt"), not a subject that happens to have a `by` phrase near it
                    t.passive(v)
                        && t.agent(v)
                            .is_some_and(|a| src.is_some_and(|k| t.holds(a, hits[k].start)))
                });
            // A longer list is a meeting's roll call ("representatives from China, India, Russia,
            // South Africa and Brazil were invited"), not each acting on every other.
            let joint = joint(&sources);
            if mutual && from_tree && targets.iter().all(Option::is_none) && joint {
                return (sources, Vec::new(), true);
            }
            // "held talks with visiting Palestinian President Abbas": the guest visits the host
            if self.guest_visiting(buf, tree, v) {
                std::mem::swap(&mut sources, &mut targets);
            }
        }
        (sources, targets, false)
    }

    /// Whether the word at `v` is "visiting" before the name of whom it describes, after a
    /// preposition, an article or a verb ("met visiting Kenyan President Kibaki", "talks with
    /// visiting Palestinian President Abbas"): the name is the guest and the sentence's
    /// subject the host, the other way round from "Abbas was visiting Egypt".
    fn guest_visiting(&self, buf: &SentenceBuf, tree: Option<Tree>, v: usize) -> bool {
        let words = &buf.words;
        let Some(prev) = v.checked_sub(1).and_then(|p| words.get(p)) else {
            return false;
        };
        if !self
            .dict
            .vocab
            .word(words[v].id)
            .eq_ignore_ascii_case("visiting")
            || words.get(v + 1).is_none_or(|w| w.flags & CAP == 0)
        {
            return false;
        }
        // "talks with visiting ...", "the visiting ...", "Tang and visiting Romanian ..."
        (prev.flags & (PREP | DET | COORD) != 0 && prev.flags & BY == 0)
            || tree.is_some_and(|t| t.upos(v - 1) == Some(Upos::Verb))
    }

    /// Whether the match's code threatens or uses force, or coerces or protests (CAMEO roots 13
    /// and above): an act on someone even where the sentence names no one, and on ground.
    fn forceful(&self, m: Match) -> bool {
        self.main_code(m)
            .and_then(|c| c.get(..2))
            .is_some_and(|r| r >= "13")
    }

    /// The CAMEO code the match's pattern gives, if it codes one.
    fn main_code(&self, m: Match) -> Option<&str> {
        self.dict.verbs[m.verb as usize].patterns[m.pattern as usize]
            .code
            .main
            .as_deref()
    }

    /// Whether the match is a statement in the passive with no one it is by ("security
    /// concerns are said to be a reason", "Iran is reported to have"): hearsay, said by no actor
    /// the sentence names, and no statement of its subject.
    fn hearsay(&self, t: Tree, v: usize, m: Match, modality: Modality) -> bool {
        let statement = self.main_code(m) == Some("010");
        !self.dict.petrarch
            && statement
            && (t.passive(v) || modality.passive)
            && t.agent(v).is_none()
    }

    /// Whether hit `k`, which the match's words or its target slot take in, is the press a
    /// statement is told to ("told reporters", "told reporters that", "briefed journalists"): it
    /// hears the statement and is no actor of it (lawmakers told are, and a named newspaper).
    fn audience(&self, hits: &[ActorHit], v: usize, m: Match, k: usize) -> bool {
        let statement = self.main_code(m).is_some_and(|c| c.starts_with("01"));
        let h = &hits[k];
        !self.dict.petrarch
            && statement
            && h.person.is_none()
            && h.codes
                .iter()
                .all(|c| c.starts_with("---") && c.ends_with("MED"))
            && h.start > v
            && h.end <= m.end
    }

    /// Source and target hits read from the tree: the subject (the agent of a passive, whose
    /// subject is then the target), and the pattern's target slot, else the first object or
    /// prepositional phrase that names an actor. `None` when the tree names no subject for the
    /// verb (a participle, a fragment): the words decide then.
    fn tree_sides(
        &self,
        t: Tree,
        buf: &SentenceBuf,
        hits: &[ActorHit],
        v: usize,
        m: Match,
        modality: Modality,
    ) -> Option<TreeSides> {
        // "Chinese nationals arrested during a raid": a past participle that modifies a noun
        // acts on that noun, in a sentence with a verb of its own (a present participle's noun
        // is left to the words: the parser often hangs "marched through Dhaka demanding" on
        // the wrong noun)
        let own_subject = t.subject(v, hits);
        let participle = buf.words.get(v).is_some_and(|w| w.flags & PARTICIPLE != 0)
            && own_subject.is_none()
            && !t.finite_or_transitive(v)
            && t.verb_rooted(v);
        let acted_on = participle && t.rel(v) == Some(DepRel::Acl);
        // "the treatment they received while detained": a participle clause of its own is a
        // passive whose doer the sentence does not name
        let bare_passive = participle && t.rel(v) == Some(DepRel::Advcl) && t.agent(v).is_none();
        if bare_passive && m.source.is_none() {
            return Some(TreeSides {
                src: None,
                tgt: None,
                unknown_doer: true,
            });
        }
        let subject = own_subject.or_else(|| {
            let noun = t.head(v).filter(|_| acted_on)?;
            t.actor(noun, hits).is_some().then_some(noun)
        });
        let passive = t.passive(v) || acted_on || modality.objectless_participle;
        let agent = passive.then(|| t.agent(v)).flatten();
        if subject.is_none() && agent.is_none() && m.source.is_none() {
            return None;
        }
        let named_subject = subject.is_some();
        let subject = subject.and_then(|x| {
            // "the vaccine, which can meet the demand": a relative pronoun is the noun its
            // clause modifies, and names whom that noun names, or no one; a verb joined to
            // the clause's own shares its pronoun ("who seized Goma and rejected")
            if t.relative(x) {
                return t
                    .relative_antecedent(t.head(x).unwrap_or(v))
                    .and_then(|n| t.subject_actor(n, hits));
            }
            t.subject_actor(x, hits).or_else(|| {
                (t.upos(x) == Some(Upos::Pron))
                    .then(|| t.pronoun_actor(v, hits))
                    .flatten()
            })
        });
        // "police said three men were arrested": an act in the passive that a speaker reports
        // and no one is named doing is the speaker's own (not a killing or an attack, which
        // the speaker only tells of)
        let reported_act = self.main_code(m).is_some_and(|c| {
            matches!(
                c.get(..2),
                Some("03" | "04" | "05" | "06" | "07" | "08" | "09" | "16" | "17")
            )
        });
        let agent = agent.and_then(|x| t.actor(x, hits)).or_else(|| {
            (passive && reported_act && !modality.negated && !t.denied_subject(v))
                .then(|| t.reporter_actor(v, hits))
                .flatten()
        });
        let (src, tgt_default) = match m.source {
            Some(k) => (Some(k), None),
            None if passive => (agent, subject),
            None => (subject, None),
        };
        let src_group = src.map(|k| group(hits, &buf.words, k));
        let outside = |k: &usize| src_group.is_none_or(|(lo, hi)| *k < lo || *k >= hi);
        // a passive's target is its subject; the pattern's slot after the verb may have caught
        // the agent ("attacked by Syrian rebels")
        // a possessive the slot caught names whose the object is, not who ("received his
        // Peruvian counterpart"): the tree's object says who
        let possessive = |k: usize| {
            let h = &hits[k];
            h.end == h.start + 1 && t.rel(h.start) == Some(DepRel::NmodPoss)
        };
        let slot = m.target.filter(|&k| Some(k) != src && !possessive(k));
        let tgt = if passive {
            tgt_default.or(slot)
        } else {
            slot.or(tgt_default)
        };
        let tgt = tgt.or_else(|| {
            t.objects(v)
                .filter_map(|x| t.target_actor(x, hits))
                .find(|k| outside(k) && Some(*k) != agent)
        });
        // "rejected the plan, saying it would ...", "citing security concerns": an adverbial
        // clause that takes its main verb's subject adds a cooperative or verbal act of that
        // subject only when it names whom the act is aimed at; alone, it says why. A threat or
        // a use of force ("..., threatening to resume enrichment", "..., killing 20") is an
        // act of its own even when the sentence names no one it is aimed at.
        if m.source.is_none() && tgt.is_none() && !self.forceful(m) && t.controlled_chain(v) {
            return Some(TreeSides {
                src: None,
                tgt: None,
                unknown_doer: true,
            });
        }
        // an active verb whose subject the text names but no dictionary knows ("one miner",
        // "Fabrice Santoro beat Sweden's Johansson") is no event of anyone else
        let unknown_doer = named_subject && !passive && m.source.is_none() && src.is_none();
        Some(TreeSides {
            src,
            tgt,
            unknown_doer,
        })
    }

    /// Source and target hits read from the words around the verb, as TABARI and PETRARCH-1 do.
    fn word_sides(
        &self,
        buf: &SentenceBuf,
        hits: &[ActorHit],
        v: usize,
        m: Match,
        modality: Modality,
    ) -> (Option<usize>, Option<usize>) {
        let words = &buf.words;
        let subject = self
            .first_actor(buf, hits, m.start.min(v))
            .or_else(|| clause::subject(buf, hits, m.start.min(v)));
        let by = if modality.passive {
            clause::by_agent(buf, hits, m.end)
        } else {
            None
        };
        let (src, tgt_default) = match (m.source, by) {
            (Some(k), _) => (Some(k), None),
            (None, Some(b)) => (Some(b), subject),
            (None, None) if modality.passive && !self.dict.petrarch => (None, subject),
            (None, None) => (subject, None),
        };
        let src_group = src.map(|k| group(hits, words, k));
        let tgt = m
            .target
            .or(tgt_default)
            .or_else(|| self.first_object(buf, hits, v, m.end, src_group, by))
            .or_else(|| self.object(buf, hits, m.end.max(v + 1), src_group, by));
        (src, tgt)
    }

    /// TABARI's source: the first actor of the conjoined clause before the verb (TABARI
    /// dictionaries only; others take the clause's grammatical subject).
    fn first_actor(&self, buf: &SentenceBuf, hits: &[ActorHit], v: usize) -> Option<usize> {
        if !self.dict.tabari {
            return None;
        }
        let start = buf.clauses[buf.conjunct_of(v)].start;
        hits.iter().position(|h| h.start >= start && h.end <= v)
    }

    /// The actor right after the verb, inside the words a pattern's wildcard took: the
    /// indirect object of "offered India a ceasefire in exchange for", "sent Kyiv missiles".
    /// PETRARCH dictionaries name their targets in the pattern, so only the embedded ones ask.
    fn first_object(
        &self,
        buf: &SentenceBuf,
        hits: &[ActorHit],
        v: usize,
        matched_end: usize,
        src: Option<(usize, usize)>,
        by: Option<usize>,
    ) -> Option<usize> {
        if self.dict.petrarch {
            return None;
        }
        // Right after the verb, and a whole noun phrase: what follows it opens another
        // ("India a ceasefire", "Africa as") rather than going on with it ("US bankruptcy law").
        let k = hit_starting(hits, &buf.words, v + 1, 0)?;
        let h = &hits[k];
        let whole = buf
            .words
            .get(h.end)
            .is_none_or(|w| w.flags & (DET | PREP | PUNCT | COMMA | TO | BY) != 0);
        (whole
            && h.end < matched_end
            && src.is_none_or(|(lo, hi)| k < lo || k >= hi)
            && Some(k) != by)
            .then_some(k)
    }

    /// The object: the first actor after the verb phrase in its clause (or in the complement
    /// clause right after it), outside the source's coordination and the passive's agent.
    fn object(
        &self,
        buf: &SentenceBuf,
        hits: &[ActorHit],
        from: usize,
        src: Option<(usize, usize)>,
        by: Option<usize>,
    ) -> Option<usize> {
        let c = buf.clause_of(from.saturating_sub(1));
        let mut end = buf.clauses[c].end;
        if let Some(next) = buf.clauses.get(c + 1)
            && (next.kind == ClauseKind::Complement || self.dict.petrarch)
        {
            end = next.end;
        }
        (0..hits.len()).find(|&k| {
            hits[k].start >= from
                && hits[k].end <= end
                && src.is_none_or(|(lo, hi)| k < lo || k >= hi)
                && Some(k) != by
        })
    }
}

/// What the tree says of a verb's sides: the source and target hits, and whether the verb's
/// subject is named in the text but is no actor.
struct TreeSides {
    src: Option<usize>,
    tgt: Option<usize>,
    unknown_doer: bool,
}

/// Drops the targets that are a source over again. An actor is no target of itself ("North
/// Korea's leader ... North Korea"); one part of a country acting on another is ("Iraqi police
/// ... protesters": IRQCOP, IRQCVL), and so is one person of a government on another: two
/// people the names stage tells apart, or a role word and "his" or "her" role word ("the prime
/// minister hailed his chancellor": GBRGOV, GBRGOV), and so is a place in a country to a body of
/// that country when an armed body uses force on it (`forceful`: "insurgents attacked Mosul":
/// IRQINS, IRQ; a candidate who "captured Florida" took votes). Two bare role words of one code are
/// one body ("officials ... the ministry").
pub(super) fn drop_self_targets(
    sources: &[Side],
    targets: &mut Vec<Side>,
    hits: &[ActorHit],
    tree: Option<Tree>,
    forceful: bool,
) {
    let hit = |span: &(u32, u32)| hit_at(hits, span);
    let who = |span: &(u32, u32)| hit(span).map_or(Who::Body, Who::of);
    // "his chancellor": a role word the tree gives a possessive pronoun
    let someone_of = |span: &(u32, u32)| {
        hit(span).is_some_and(|h| tree.is_some_and(|t| t.pronoun_possessed(h.start, h.end)))
    };
    // "insurgents attacked Mosul": a group of a country acts on a place in it, someone else
    let ground = |span: &(u32, u32)| forceful && hit(span).is_some_and(|h| h.place.is_some());
    let others = |(c, cs): &(String, (u32, u32)), (k, ks): &(String, (u32, u32))| {
        (c != k && ground(cs) && armed(k))
            || c == k
                && match (who(cs), who(ks)) {
                    (Who::Person(a), Who::Person(b)) => a != b,
                    (Who::Role, Who::Role | Who::Person(_)) => cs != ks && someone_of(cs),
                    _ => false,
                }
    };
    targets.retain(|t| {
        t.as_ref().is_none_or(|t| {
            let (c, _) = t;
            !sources.iter().flatten().any(|s| {
                let (k, _) = s;
                (c.starts_with(k.as_str()) || k.starts_with(c.as_str())) && !others(t, s)
            })
        })
    });
}

/// Prepositions that say where an act happens, not what it is done to.
const LOCATIVE: &[&str] = &[
    "in", "at", "near", "from", "outside", "around", "within", "across", "inside",
];

/// Agent codes of those who bear arms: their force on ground of their own country is force on
/// someone else.
const ARMED: &[&str] = &["MIL", "REB", "INS", "COP", "SEP", "UAF", "SPY"];

/// Whether an actor code is of an armed body.
pub(super) fn armed(code: &str) -> bool {
    code.get(3..6).is_some_and(|a| ARMED.contains(&a))
}

/// Who a side's mention is, as far as telling two sides with one code apart goes.
enum Who {
    /// A person the names stage knows, by referent.
    Person(usize),
    /// A role word with no name ("the prime minister", "his chancellor").
    Role,
    /// A country, an organisation or a body: the same code is the same actor.
    Body,
}

impl Who {
    fn of(h: &ActorHit) -> Who {
        match h.person {
            Some(p) => Who::Person(p),
            None if h.codes.iter().all(|c| c.starts_with("---")) => Who::Role,
            None => Who::Body,
        }
    }
}

/// How many different actor codes `sides` names.
/// The most actors a joint subject holds for its cooperation to be coded as mutual.
const MUTUAL_MAX: usize = 3;

/// Whether an act of CAMEO `code` done by joined actors with no one else is done by each to
/// the others: cooperation, consultation and agreement ("Brazil and the United States are
/// seeking to deepen a partnership", "Abe and Bush held talks"). Praise, defence,
/// recognition, apology and forgiveness are one side's of the other, never mutual; aid goes to
/// someone else.
pub(super) fn mutual_code(code: &str) -> bool {
    matches!(code.get(..2), Some("03" | "04" | "05" | "06"))
        && !code.starts_with("033")
        && !matches!(
            code.get(..3),
            Some("051" | "052" | "053" | "054" | "055" | "056")
        )
}

/// Whether `sides` name two or three actors: a joint subject. A longer list is a meeting's
/// roll call ("representatives from China, India, Russia, South Africa and Brazil were
/// invited"), not each acting on every other.
pub(super) fn joint(sides: &[Side]) -> bool {
    (2..=MUTUAL_MAX).contains(&distinct(sides))
}

fn distinct(sides: &[Side]) -> usize {
    let mut codes: Vec<&str> = sides.iter().flatten().map(|(c, _)| c.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    codes.len()
}
