//! The coding loop: for each sentence, each verb the dictionary knows, the best pattern, then
//! source, target, code, date, context and place of the events it reports.

use chronicle_core::{Article, DateBasis, DepRel, EntityType, Event, EventContext, Upos};

use super::EventCoder;
use super::actors::{ActorHit, group, hit_starting};
use super::agents;
use super::clause::{self, Modality};
use super::dating::Timeline;
use super::frame::{dateline_end, drop_apposition_qualifiers, quoted_target};
use super::matcher::{Ctx, Match, WordSet};
use super::modal::{intent_of, refusal_of};
use super::sentence::{
    ADV, BE, BREAK, BY, CAP, COMMA, COORD, ClauseKind, DET, DO, FUTURE, HYPO, LOC, NEG, PREP, PRON,
    PUNCT, REFER, SentenceBuf, THAT, THEN, TO,
};
use super::tree::Tree;

/// Where the actors of a sentence come from.
pub trait ActorSource {
    /// Fills `out` with the actor hits of sentence `s`, whose words are `buf.words`.
    fn hits(&self, article: &Article, s: usize, buf: &SentenceBuf, out: &mut Vec<ActorHit>);
}

/// Reusable buffers of one article.
#[derive(Default)]
pub struct Scratch {
    pub buf: SentenceBuf,
    pub hits: Vec<ActorHit>,
    present: WordSet,
    used: Vec<bool>,
    places: Vec<(u32, String)>,
    /// The events of the sentence being coded: where each verb's events start in the output,
    /// and the verb's word.
    coded: Vec<(usize, usize)>,
    /// Sources of the events coded so far, oldest first.
    recent: Vec<RecentSource>,
}

/// The source of an event already coded, kept so that a later "the deal" can point back to
/// whoever put it on the table.
struct RecentSource {
    sentence: usize,
    actor: String,
    span: (u32, u32),
    /// The act was an offer or a request (CAMEO 02, 03): it puts a deal on the table.
    proposed: bool,
}

/// One source or target actor: code and text span.
pub(super) type Side = Option<(String, (u32, u32))>;

impl EventCoder {
    /// Codes every sentence of `article`, with actors from `actors`.
    pub fn code_with(
        &self,
        article: &Article,
        actors: &dyn ActorSource,
        scratch: &mut Scratch,
    ) -> Vec<Event> {
        let timeline = Timeline::new(article);
        scratch.places.clear();
        scratch.recent.clear();
        let index = &article.analysis.index;
        for e in &article.entities {
            if matches!(e.kind, EntityType::Gpe | EntityType::Loc) {
                scratch
                    .places
                    .push((index.byte_of(e.start) as u32, e.text.clone()));
            }
        }
        let mut out = Vec::new();
        for s in 0..article.analysis.sentence_tokens.len() {
            let commas = self.dict.tabari.then_some(&self.commas);
            scratch
                .buf
                .fill(article, s, &self.dict, &self.grammar, commas);
            let mut hits = std::mem::take(&mut scratch.hits);
            actors.hits(article, s, &scratch.buf, &mut hits);
            if !self.dict.petrarch {
                let opening = dateline_end(&article.body, &scratch.buf.words);
                hits.retain(|h| h.start >= opening);
                drop_apposition_qualifiers(&scratch.buf.words, &mut hits);
            }
            scratch.hits = hits;
            self.code_sentence(article, s, scratch, &timeline, &mut out);
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|e: &Event| {
            seen.insert((
                e.sentence,
                e.source.clone(),
                e.target.clone(),
                e.cameo.clone(),
            ))
        });
        out
    }

    fn code_sentence(
        &self,
        article: &Article,
        s: usize,
        sc: &mut Scratch,
        tl: &Timeline,
        out: &mut Vec<Event>,
    ) {
        let words = &sc.buf.words;
        // the tree is read with the team's dictionaries; PETRARCH's suites are coded as
        // PETRARCH-1 and TABARI code them, from the words
        let tree = (!self.dict.petrarch)
            .then(|| Tree::of(article, s, words.len()))
            .flatten();
        let first = out.len();
        sc.coded.clear();
        sc.used.clear();
        sc.used.resize(words.len(), false);
        sc.present.fill(words, self.dict.vocab.len());
        // TABARI codes the first verb that matches in each conjoined clause
        let mut coded_conjunct: Option<usize> = None;
        for v in 0..words.len() {
            if sc.used[v] {
                continue;
            }
            let conjunct = sc.buf.conjunct_of(v);
            if self.dict.tabari && coded_conjunct == Some(conjunct) {
                continue;
            }
            let Some(cands) = self.dict.heads.get(&words[v].id) else {
                continue;
            };
            // a word of an actor's name is no verb ("security forces", "Force 17", "the
            // United States")
            if (self.dict.petrarch || words[v].flags & CAP != 0)
                && sc.hits.iter().any(|h| h.start <= v && v < h.end)
            {
                continue;
            }
            if tree.is_some_and(|t| t.upos(v) == Some(Upos::Propn)) {
                continue;
            }
            let modality = clause::modality(&sc.buf, v, v);
            let clause = sc.buf.clauses[sc.buf.clause_of(v)];
            let (floor, limit) = if self.dict.petrarch {
                (0, words.len())
            } else {
                (clause.start, clause.end)
            };
            let ctx = Ctx {
                dict: &self.dict,
                words,
                hits: &sc.hits,
                present: &sc.present,
                keys: &self.keys,
                limit,
                floor,
            };
            let mut best: Option<Match> = None;
            for &c in cands {
                if !self.dict.verbs[c as usize].nominal
                    && !self.verbal(tree, &sc.buf, &sc.hits, v, c)
                {
                    continue;
                }
                let negated = modality.negated && !self.dict.petrarch;
                if let Some(m) = ctx.best(c, v, negated)
                    && best.is_none_or(|b| {
                        // on a tie, the verb spelt like the word ("left") beats the one
                        // inflected into it ("leave")
                        let exact = |x: &Match| {
                            self.dict.verbs[x.verb as usize].lemma
                                == self.dict.vocab.word(words[v].id)
                        };
                        (m.weight, exact(&m)) > (b.weight, exact(&b))
                    })
                {
                    best = Some(m);
                }
            }
            let Some(m) = best else { continue };
            let pattern = &self.dict.verbs[m.verb as usize].patterns[m.pattern as usize];
            if pattern.code.main.is_some() {
                coded_conjunct = Some(conjunct);
            }
            for u in sc.used.iter_mut().take(m.end).skip(m.start.min(v)) {
                *u = true;
            }
            let place = self.place_of(&sc.buf, clause.start, clause.end, &sc.places);
            let recent = &mut sc.recent;
            let before = out.len();
            self.emit(
                article, s, &sc.buf, &sc.hits, tree, v, m, modality, tl, place, recent, out,
            );
            sc.coded.push((before, v));
        }
        if let Some(t) = tree {
            drop_reports(t, first, &sc.coded, out);
        }
    }

    /// Whether the verb form at `v` is used as a verb: the tree's part of speech where there is
    /// a tree, else the words around it.
    fn verbal(
        &self,
        tree: Option<Tree>,
        buf: &SentenceBuf,
        hits: &[ActorHit],
        v: usize,
        verb: u32,
    ) -> bool {
        match tree.and_then(|t| Some((t, t.upos(v)?))) {
            Some((_, Upos::Verb | Upos::Aux)) => true,
            // "comes after reports that ...", "the reports": a noun the parse gives a
            // preposition, determiner or possessive of its own is no verb
            Some((t, Upos::Noun)) if t.marked_noun(v) => false,
            _ => self.looks_verbal(buf, hits, v, verb),
        }
    }

    /// Whether the verb form at `v` is used as a verb, not a noun: not after a determiner or
    /// possessive, not a capitalised name inside the sentence; a gerund only after an
    /// auxiliary, adverb, preposition or comma ("resolutions sanctioning", "summit meeting" are
    /// nouns); a bare form only where a verb can stand bare (after "to", a modal, "did", a
    /// pronoun or an actor: "state media" is a noun).
    fn looks_verbal(&self, buf: &SentenceBuf, hits: &[ActorHit], v: usize, verb: u32) -> bool {
        let w = &buf.words;
        let Some(mut p) = v.checked_sub(1) else {
            return true;
        };
        let prev = w[p];
        if prev.flags & DET != 0 {
            return false;
        }
        if w[v].flags & CAP != 0
            && prev.flags & BREAK == 0
            && !w[..v].iter().all(|x| x.flags & CAP != 0)
        {
            return false;
        }
        while p > 0 && w[p].flags & ADV != 0 {
            p -= 1;
        }
        let before = w[p].flags;
        let after_actor = hits.iter().any(|h| h.end == p + 1);
        let form = self.dict.vocab.word(w[v].id);
        let verb = &self.dict.verbs[verb as usize];
        if form.ends_with("ing") && !verb.lemma.ends_with("ing") {
            return before & (BE | ADV | PREP | COMMA | TO | FUTURE | HYPO | BREAK | PRON) != 0;
        }
        if form == verb.lemma && !self.dict.petrarch {
            return after_actor
                || before & (TO | FUTURE | HYPO | DO | NEG | PRON | COORD | COMMA | BREAK | ADV)
                    != 0;
        }
        true
    }

    /// The place of a clause: the GPE or LOC right after "in" or "at".
    fn place_of(
        &self,
        buf: &SentenceBuf,
        lo: usize,
        hi: usize,
        places: &[(u32, String)],
    ) -> Option<String> {
        let w = &buf.words;
        for i in lo..hi.saturating_sub(1) {
            if w[i].flags & LOC == 0 {
                continue;
            }
            for x in &w[i + 1..(i + 3).min(hi)] {
                if let Some((_, name)) = places.iter().find(|(b, _)| *b == x.start) {
                    return Some(name.clone());
                }
                if x.flags & DET == 0 {
                    break;
                }
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        article: &Article,
        s: usize,
        buf: &SentenceBuf,
        hits: &[ActorHit],
        tree: Option<Tree>,
        v: usize,
        m: Match,
        modality: Modality,
        tl: &Timeline,
        place: Option<String>,
        recent: &mut Vec<RecentSource>,
        out: &mut Vec<Event>,
    ) {
        let pattern = &self.dict.verbs[m.verb as usize].patterns[m.pattern as usize];
        let Some(code) = pattern.code.main.as_deref() else {
            return;
        };
        let (mut code, mut context) = (code.to_string(), Vec::new());
        if modality.negated && !pattern.negated && !self.dict.petrarch {
            context.push(EventContext::Negated);
            if let Some(refusal) = refusal_of(&code) {
                code = refusal.to_string();
            }
        } else if modality.promised && !self.dict.petrarch {
            // CAMEO codes a cooperative act the source says it will do as its intent.
            if let Some(intent) = intent_of(&code) {
                code = intent.to_string();
            }
        }
        let (sources, mut targets, pairwise) = self.sides(buf, hits, tree, v, m, modality);
        if !self.dict.petrarch
            && targets.iter().all(Option::is_none)
            && let Some(t) = self.referred(buf, s, m, &sources, recent)
        {
            targets = vec![Some(t)];
        }
        if code == "010"
            && !self.dict.petrarch
            && targets.iter().all(Option::is_none)
            && let Some(t) = quoted_target(article, &buf.words, v, hits, &sources)
        {
            targets = vec![Some(t)];
        }
        let proposed = code.starts_with("02") || code.starts_with("03");
        for (actor, span) in sources.iter().flatten() {
            recent.push(RecentSource {
                sentence: s,
                actor: actor.clone(),
                span: *span,
                proposed,
            });
        }
        let date = self.dated(buf, v, tl, modality, &mut context);
        let words = &buf.words;
        let trigger = article
            .body
            .get(words[m.start.min(v)].start as usize..words[m.end.max(v + 1) - 1].end as usize)
            .unwrap_or("")
            .to_string();
        let base = Event {
            sentence: s,
            source: None,
            target: None,
            cameo: String::new(),
            plover: None,
            goldstein: None,
            quad_class: None,
            date_precision: chronicle_core::DatePrecision::of(date.value.as_deref().unwrap_or("")),
            date: date.value,
            date_basis: date.basis,
            context,
            place,
            trigger,
            source_text: None,
            target_text: None,
            rule: self
                .dict
                .rules
                .get(pattern.rule as usize)
                .cloned()
                .unwrap_or_default(),
        };
        let reverse = pattern.code.reverse.as_deref();
        // PETRARCH's dictionaries know no people apart: one code is one actor there
        let pairs = pair_up(&sources, &targets, pairwise, self.dict.petrarch);
        let pairs: Vec<_> = pairs
            .into_iter()
            .filter(|(s, t)| self.dict.petrarch || !says_nothing(&code, s, t))
            .collect();
        for (src, tgt) in pairs {
            out.push(self.event(&base, article, &code, src, tgt));
            if let Some(r) = reverse {
                out.push(self.event(&base, article, r, tgt, src));
            }
        }
    }

    /// The date of the act at verb `v`, read in its clause; the contexts it implies (historical,
    /// future, hypothetical) are added to `context`.
    fn dated(
        &self,
        buf: &SentenceBuf,
        v: usize,
        tl: &Timeline,
        modality: Modality,
        context: &mut Vec<EventContext>,
    ) -> super::dating::EventDate {
        let clause = buf.clauses[buf.clause_of(v)];
        let words = &buf.words;
        let span = (words[clause.start].start, words[clause.end - 1].end);
        let anaphor = words[clause.start..clause.end]
            .iter()
            .enumerate()
            .any(|(k, w)| {
                w.flags & THEN != 0
                    || (w.flags & THAT != 0
                        && k > 0
                        && words[clause.start + k - 1].flags & PREP != 0)
            });
        let date = tl.date(span, words[v].start, anaphor, &[]);
        if date.historical {
            context.push(EventContext::Historical);
        }
        if modality.future || (date.future && date.basis == DateBasis::Text) {
            context.push(EventContext::Future);
        }
        if modality.hypothetical {
            context.push(EventContext::Hypothetical);
        }
        date
    }

    /// The target a proposal noun points back to: "did not accept the deal" → whoever offered
    /// or asked for it in the previous two sentences (the latest such source not on this
    /// event's side), else the latest other source there.
    fn referred(
        &self,
        buf: &SentenceBuf,
        s: usize,
        m: Match,
        sources: &[Side],
        recent: &[RecentSource],
    ) -> Option<(String, (u32, u32))> {
        let words = &buf.words;
        let hi = (m.end + 3).min(words.len());
        if !words[m.start.min(hi)..hi]
            .iter()
            .any(|w| w.flags & REFER != 0)
        {
            return None;
        }
        let ours: Vec<String> = sources
            .iter()
            .flatten()
            .map(|(c, _)| c.chars().take(3).collect())
            .collect();
        let window = || {
            recent
                .iter()
                .rev()
                .take_while(|r| r.sentence + 2 >= s)
                .filter(|r| r.sentence < s && !ours.iter().any(|o| r.actor.starts_with(o.as_str())))
        };
        window()
            .find(|r| r.proposed)
            .or_else(|| window().next())
            .map(|r| (r.actor.clone(), r.span))
    }

    /// Sources and targets of a match, and whether events run pairwise inside one compound.
    fn sides(
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
            let (lo, hi) = group(hits, words, k);
            hits[lo..hi]
                .iter()
                .flat_map(|h| {
                    h.codes
                        .iter()
                        .map(move |c| Some((c.clone(), (h.span.start, h.span.end))))
                })
                .collect()
        };
        if let Some(k) = m.compound {
            return (expand(k), Vec::new(), true);
        }
        let nominal = tree.filter(|_| self.dict.verbs[m.verb as usize].nominal);
        let read = match nominal {
            Some(_) => None,
            None => tree.and_then(|t| self.tree_sides(t, buf, hits, v, m)),
        };
        let from_tree = read.is_some() || nominal.is_some();
        let (src, tgt) = match (nominal, read) {
            (Some(t), _) => {
                let (src, own) = t.nominal_sides(m.start.min(v), m.end, hits);
                (src, m.target.or(own).filter(|k| Some(*k) != src))
            }
            (None, Some(r)) if r.unknown_doer => return (Vec::new(), Vec::new(), false),
            // a target the tree's objects do not name may still follow the verb in its clause
            // ("accused the United States of", parsed with a wrong attachment)
            (None, Some(TreeSides { src, tgt: None, .. })) => {
                let (_, wt) = self.word_sides(buf, hits, v, m, modality);
                (src, wt.filter(|k| Some(*k) != src))
            }
            (None, Some(r)) => (r.src, r.tgt),
            (None, None) => self.word_sides(buf, hits, v, m, modality),
        };
        let mut sources = src.map(expand).unwrap_or_else(|| vec![None]);
        let tgt = tgt.filter(|&k| !self.audience(hits, v, m, k));
        let mut targets = tgt.map(expand).unwrap_or_else(|| vec![None]);
        if !self.dict.petrarch {
            agents::place_lone_agents(&mut sources, &targets, hits);
            agents::place_lone_agents(&mut targets, &sources, hits);
            drop_self_targets(&sources, &mut targets, hits);
            if targets.is_empty() {
                targets.push(None);
            }
            // "Brazil and the United States are seeking to deepen a partnership": actors joined
            // as the subject of a cooperation with no one else act on each other
            let code = &self.dict.verbs[m.verb as usize].patterns[m.pattern as usize].code;
            let mutual = code
                .main
                .as_deref()
                .and_then(|c| c.get(..2))
                .is_some_and(|r| matches!(r, "03" | "04" | "05" | "06"));
            if mutual && from_tree && targets.iter().all(Option::is_none) && distinct(&sources) >= 2
            {
                return (sources, Vec::new(), true);
            }
        }
        (sources, targets, false)
    }

    /// Whether hit `k`, which the match's words take in, is the press a statement is told to
    /// ("told reporters", "briefed journalists"): it hears the statement and is no actor of it
    /// (lawmakers told are).
    fn audience(&self, hits: &[ActorHit], v: usize, m: Match, k: usize) -> bool {
        let statement = self.dict.verbs[m.verb as usize].patterns[m.pattern as usize]
            .code
            .main
            .as_deref()
            .is_some_and(|c| c.starts_with("01"));
        let h = &hits[k];
        !self.dict.petrarch
            && statement
            && h.person.is_none()
            && h.codes
                .iter()
                .all(|c| c.starts_with("---") && c.ends_with("MED"))
            && h.start > v
            && h.end <= m.end
            && m.target != Some(k)
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
    ) -> Option<TreeSides> {
        let subject = t.subject(v, hits);
        let passive = t.passive(v);
        let agent = passive.then(|| t.agent(v)).flatten();
        if subject.is_none() && agent.is_none() && m.source.is_none() {
            return None;
        }
        let named_subject = subject.is_some();
        let subject = subject.and_then(|x| {
            // "the vaccine, which can meet the demand": a relative pronoun is the noun its
            // clause modifies, and names whom that noun names, or no one
            if t.relative(x) {
                return t
                    .relative_antecedent(v)
                    .and_then(|n| t.subject_actor(n, hits));
            }
            t.subject_actor(x, hits).or_else(|| {
                (t.upos(x) == Some(Upos::Pron))
                    .then(|| t.pronoun_actor(v, hits))
                    .flatten()
            })
        });
        let agent = agent.and_then(|x| t.actor(x, hits));
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

    fn event(&self, base: &Event, article: &Article, code: &str, src: &Side, tgt: &Side) -> Event {
        let info = self.table.info(code);
        let text = |side: &Side| {
            side.as_ref()
                .and_then(|(_, (a, b))| article.body.get(*a as usize..*b as usize))
                .map(str::to_string)
        };
        Event {
            source: src.as_ref().map(|(c, _)| c.clone()),
            target: tgt.as_ref().map(|(c, _)| c.clone()),
            cameo: code.to_string(),
            plover: info.as_ref().and_then(|i| i.plover.clone()),
            goldstein: info.as_ref().and_then(|i| i.goldstein),
            quad_class: info.as_ref().and_then(|i| i.quad_class),
            source_text: text(src),
            target_text: text(tgt),
            ..base.clone()
        }
    }
}

/// A reporting verb hands its complement to the coder: "X said Y attacked Z" is Y's attack on
/// Z, not also X's statement; "Y attacked Z, X said" likewise. The bare statement (010) of a verb
/// is dropped when the clause it reports on gave an event of its own; a report of a clause that
/// codes nothing stays X's statement. `coded` holds, for each coded verb of the sentence, where
/// its events start in `out` (from `first` on) and the verb's word.
fn drop_reports(t: Tree, first: usize, coded: &[(usize, usize)], out: &mut Vec<Event>) {
    let end_of = |i: usize| coded.get(i + 1).map_or(out.len(), |c| c.0);
    let mut keep = vec![true; out.len() - first];
    for (i, &(start, v)) in coded.iter().enumerate() {
        if !t.reports(v) {
            continue;
        }
        let reported = coded
            .iter()
            .enumerate()
            .any(|(j, &(s, x))| j != i && s < end_of(j) && t.reported_by(x, v));
        if !reported {
            continue;
        }
        for k in start..end_of(i) {
            if out[k].cameo == "010" {
                keep[k - first] = false;
            }
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        k <= first || keep[k - first - 1]
    });
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
/// ... protesters": IRQCOP, IRQCVL), and so is one person of a government on another ("the
/// prime minister hailed his chancellor": GBRGOV, GBRGOV).
fn drop_self_targets(sources: &[Side], targets: &mut Vec<Side>, hits: &[ActorHit]) {
    let person = |span: &(u32, u32)| {
        hits.iter()
            .find(|h| (h.span.start, h.span.end) == *span)
            .and_then(|h| h.person)
    };
    let others = |(c, cs): &(String, (u32, u32)), (k, ks): &(String, (u32, u32))| {
        c == k && matches!((person(cs), person(ks)), (Some(a), Some(b)) if a != b)
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

/// Whether an event with these sides says nothing CAMEO codes. A bare statement is somebody's
/// about somebody: with a side missing it says nothing ("Cuban Americans said that ...", "...
/// said UNDP"); a visit, made or hosted, is one with a host and a guest ("as he arrived in
/// Philadelphia").
fn says_nothing(code: &str, source: &Side, target: &Side) -> bool {
    match code {
        "010" => source.is_none() || target.is_none(),
        "042" | "043" => target.is_none(),
        _ => false,
    }
}

/// How many different actor codes `sides` names.
fn distinct(sides: &[Side]) -> usize {
    let mut codes: Vec<&str> = sides.iter().flatten().map(|(c, _)| c.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    codes.len()
}

/// Every (source, target) pair, or every ordered pair of distinct members of one compound.
/// `code_is_actor`: two sides with one code are one actor, wherever they are named.
fn pair_up<'a>(
    sources: &'a [Side],
    targets: &'a [Side],
    pairwise: bool,
    code_is_actor: bool,
) -> Vec<(&'a Side, &'a Side)> {
    let mut out = Vec::new();
    if pairwise {
        for (i, a) in sources.iter().enumerate() {
            for (j, b) in sources.iter().enumerate() {
                if i != j && a.as_ref().map(|x| &x.0) != b.as_ref().map(|x| &x.0) {
                    out.push((a, b));
                }
            }
        }
        return out;
    }
    for s in sources {
        for t in targets {
            // one mention on both sides; two people of one government are two actors
            let same =
                matches!((s, t), (Some(a), Some(b)) if a.0 == b.0 && (code_is_actor || a.1 == b.1));
            if !same {
                out.push((s, t));
            }
        }
    }
    out
}
