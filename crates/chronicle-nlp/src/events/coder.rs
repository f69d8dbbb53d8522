//! The coding loop: for each sentence, each verb the dictionary knows, the best pattern, then
//! source, target, code, date, context and place of the events it reports.

use chronicle_core::{Article, DateBasis, DepRel, EntityType, Event, EventContext, Upos};

use super::EventCoder;
use super::actors::ActorHit;
use super::clause::{self, Modality};
use super::dating::Timeline;
use super::frame::{dateline_end, drop_apposition_qualifiers, quoted_target};
use super::matcher::{Ctx, Match, WordSet};
use super::modal::{intent_of, refusal_of};
use super::noun_events::{Claim, NounInput};
use super::pairs::{pair_up, says_nothing};
use super::reasons;
use super::sentence::{
    ADV, BE, BREAK, CAP, COMMA, COORD, DET, DO, FUTURE, HYPO, LOC, NEG, PREP, PRON, REFER,
    SentenceBuf, THAT, THEN, TO,
};
use super::statements::{self, Casting};
use super::tree::{NounFrame, Tree};
use super::{agents, elicit};

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
    /// Words a verb pattern that coded an event took in: no noun event of their own.
    claimed: Vec<bool>,
    /// The events of each verb that coded one (their range in the output) and the words its
    /// pattern took in.
    claims: Vec<Claim>,
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
        sc.claimed.clear();
        sc.claimed.resize(words.len(), false);
        sc.claims.clear();
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
            // a name is no trigger, nor a noun an eliciting verb draws ("prompting protests"):
            // that verb's own pattern codes it
            if tree.is_some_and(|t| {
                t.upos(v) == Some(Upos::Propn)
                    || (!self.dict.petrarch && elicit::elicited_noun(t, v))
            }) {
                continue;
            }
            let mut modality = clause::modality(&sc.buf, v, v);
            if !self.dict.petrarch && clause::objectless_participle(&sc.buf, v) {
                modality.passive = true;
                modality.objectless_participle = true;
            }
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
                object: match tree {
                    Some(t) if !self.dict.petrarch => t.object_span(v),
                    _ => 0..0,
                },
                adjunct: match tree {
                    Some(t) if !self.dict.petrarch => t.time_adjunct(v),
                    _ => 0..0,
                },
                passive_ground: tree.and_then(|t| t.passive_ground(v, &sc.hits)),
                tree: tree.filter(|_| !self.dict.petrarch),
            };
            let mut best: Option<Match> = None;
            for &c in cands {
                let nominal = self.dict.verbs[c as usize].nominal;
                if !nominal && !self.verbal(tree, &sc.buf, &sc.hits, v, c) {
                    continue;
                }
                // "calls for a ceasefire", "no air strikes": a noun's act not said to be done
                if nominal && !self.dict.petrarch && tree.is_some_and(|t| t.unreal_trigger(v)) {
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
            // an event with no source is dropped later: it leaves its words to the nouns
            if out[before..].iter().any(|e| e.source.is_some()) {
                let words = m.start.min(v)..m.end.max(v + 1);
                for c in sc.claimed.iter_mut().take(words.end).skip(words.start) {
                    *c = true;
                }
                sc.claims.push(Claim {
                    events: before..out.len(),
                    words,
                });
            }
            sc.coded.push((before, v));
        }
        if let Some(t) = tree {
            if !self.dict.petrarch {
                self.aim_at_nouns(t, &sc.hits, &sc.claims, article, out);
            }
            // both read the sentence's events where `coded` says they are: mark, then drop
            let mut keep = vec![true; out.len() - first];
            statements::mark_reports(t, first, &sc.coded, out, &mut keep);
            if !self.dict.petrarch {
                reasons::mark_reasons(t, first, &sc.coded, out, &mut keep);
            }
            let mut k = 0;
            out.retain(|_| {
                k += 1;
                k <= first || keep[k - first - 1]
            });
            if !self.dict.petrarch {
                let input = NounInput {
                    article,
                    s,
                    buf: &sc.buf,
                    hits: &sc.hits,
                    tree: t,
                    claimed: &sc.claimed,
                    places: &sc.places,
                };
                self.code_nouns(&input, tl, first, out);
            }
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
            // "the abducted soldier": UD tags a participle that modifies a noun as a verb, but
            // it reports no act of the sentence's; read it as the words around it do (after a
            // determiner it is no verb)
            Some((t, Upos::Verb)) if t.rel(v) == Some(DepRel::Amod) => {
                self.looks_verbal(buf, hits, v, verb)
            }
            Some((_, Upos::Verb | Upos::Aux)) => true,
            // "comes after reports that ...", "the reports": a noun the parse gives a
            // preposition, determiner or possessive of its own is no verb
            Some((t, Upos::Noun)) if t.marked_noun(v) => false,
            // "should consider fines for voters": a noun the parse makes a verb's object or
            // subject, or a noun's modifier, is no verb
            Some((t, Upos::Noun))
                if t.rel(v).is_some_and(|r| {
                    matches!(
                        r.base(),
                        DepRel::Obj
                            | DepRel::Iobj
                            | DepRel::Nsubj
                            | DepRel::Obl
                            | DepRel::Nmod
                            | DepRel::Compound
                    )
                }) =>
            {
                false
            }
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
    pub(super) fn place_of(
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
        // "its unwillingness to sign", "Hezbollah's ability to fight": an act a noun refuses
        // is a rejection when it was a cooperation, and no act otherwise
        let frame = tree
            .filter(|_| !self.dict.petrarch)
            .and_then(|t| t.noun_frame(v));
        match (frame, refusal_of(&code)) {
            (Some(NounFrame::Refused), Some(refusal)) => {
                context.push(EventContext::Negated);
                code = refusal.to_string();
            }
            (Some(_), _) => return,
            (None, _) => {}
        }
        // "asked Russia to withdraw its troops": an act asked or wished of someone is not done
        if tree.is_some_and(|t| !self.dict.petrarch && t.requested(v)) {
            return;
        }
        // "denied that its troops had attacked": the act is told only to be denied
        if frame.is_some() {
            // the noun said it
        } else if !self.dict.petrarch && tree.is_some_and(|t| t.denied_clause(v)) {
            context.push(EventContext::Negated);
        } else if modality.negated && !pattern.negated && !self.dict.petrarch {
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
        // "said the UK should reform the policy": a statement that someone else should or
        // must act appeals to them or demands it of them
        let urged = tree
            .filter(|_| code == "010" && !self.dict.petrarch)
            .and_then(|t| t.urged(v, hits));
        if let Some((urging, _)) = urged {
            code = urging.code().to_string();
        }
        // a statement whose words condemn what it speaks of, or cast someone as something to
        // condemn, criticises (CAMEO 111); a naming without censure is no event
        if code == "010" && !self.dict.petrarch {
            let last = m.end.checked_sub(1).and_then(|k| buf.words.get(k));
            let casting = last.and_then(|w| Casting::of(self.dict.vocab.word(w.id)));
            match statements::judged(tree, &buf.words, v, m.end, casting) {
                Some(judged) => code = judged.to_string(),
                None => return,
            }
        }
        let (sources, mut targets, pairwise) = self.sides(buf, hits, tree, v, m, modality);
        let lemma = self.dict.verbs[m.verb as usize].lemma.as_str();
        if !self.dict.petrarch
            && code.starts_with("19")
            && statements::verbal_attack(lemma, &sources, &targets, hits)
        {
            code = "111".to_string();
        }
        if let Some((_, k)) = urged {
            let h = &hits[k];
            let own = |c: &String| sources.iter().flatten().any(|(x, _)| x == c);
            targets = h
                .codes
                .iter()
                .filter(|c| !own(c))
                .map(|c| Some((c.clone(), (h.span.start, h.span.end))))
                .collect();
            if targets.is_empty() {
                return;
            }
            // "ministers must respond": the lone body urged is of the speaker's country
            agents::place_lone_agents(&mut targets, &sources, hits);
        }
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
        let rule = self
            .dict
            .rules
            .get(pattern.rule as usize)
            .cloned()
            .unwrap_or_default();
        let base = unsided(s, date, context, place, trigger, rule);
        let reverse = pattern.code.reverse.as_deref();
        // PETRARCH's dictionaries know no people apart: one code is one actor there
        let pairs = pair_up(&sources, &targets, pairwise, self.dict.petrarch);
        // a visit to no one ("will visit Kananga", a town of the visitor's own country) is no
        // visit in CAMEO's sense, in the future (036) as in the past
        let visit = matches!(pattern.code.main.as_deref(), Some("042" | "043"));
        let pairs: Vec<_> = pairs
            .into_iter()
            .filter(|(s, t)| {
                self.dict.petrarch || !(says_nothing(&code, s, t) || (visit && t.is_none()))
            })
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
    pub(super) fn dated(
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

    pub(super) fn event(
        &self,
        base: &Event,
        article: &Article,
        code: &str,
        src: &Side,
        tgt: &Side,
    ) -> Event {
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

/// An event of sentence `s` with its date, context, place, trigger and rule, and no sides or
/// code yet: what the verb and the noun coders fill in for each pair of sides.
pub(super) fn unsided(
    s: usize,
    date: super::dating::EventDate,
    context: Vec<EventContext>,
    place: Option<String>,
    trigger: String,
    rule: String,
) -> Event {
    Event {
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
        rule,
    }
}
