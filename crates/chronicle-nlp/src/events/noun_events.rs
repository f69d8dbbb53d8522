//! Events said with a noun ("talks between Iran and Iraq", "Russia's attack on Ukraine", "UN
//! sanctions against North Korea"), coded after a sentence's verbs: the nouns of the event-noun
//! dictionary (`nouns.rs`) that no verb pattern took in, read from their phrase in the tree
//! (`tree/nominal.rs`). A noun's act counts only when an actor the actors stage knows does it,
//! when it is aimed at one too, and when the sentence has not coded
//! the same act between the same sides already.

use chronicle_core::{Article, Event, EventContext};

use super::EventCoder;
use super::actors::ActorHit;
use super::agents;
use super::clause::Modality;
use super::coder::Side;
use super::dating::Timeline;
use super::modal::intent_of;
use super::pairs::{pair_up, says_nothing};
use super::sentence::{COORD, SentenceBuf};
use super::sides::{drop_self_targets, joint, mutual_code};
use super::tree::{NounSides, Tree};

/// What a sentence's noun events are read with.
pub(super) struct NounInput<'a> {
    pub article: &'a Article,
    pub s: usize,
    pub buf: &'a SentenceBuf,
    pub hits: &'a [ActorHit],
    pub tree: Tree<'a>,
    /// Words a verb pattern that coded an event took in.
    pub claimed: &'a [bool],
    pub places: &'a [(u32, String)],
}

/// The events one verb coded (their range in the output) and the words its pattern took in.
pub(super) struct Claim {
    pub events: std::ops::Range<usize>,
    pub words: std::ops::Range<usize>,
}

impl EventCoder {
    /// "announced the withdrawal of its troops from Syria", "sparked UN sanctions against
    /// Eritrea": a verb's events that found no target take the one the event noun its pattern
    /// took in aims at.
    pub(super) fn aim_at_nouns(
        &self,
        t: Tree,
        hits: &[ActorHit],
        claims: &[Claim],
        article: &Article,
        out: &mut [Event],
    ) {
        for claim in claims {
            let Some(events) = out.get_mut(claim.events.clone()) else {
                continue;
            };
            if events.iter().all(|e| e.target.is_some()) {
                continue;
            }
            let aimed = claim.words.clone().find_map(|w| {
                let (_, sides) = t.noun_event(w, &self.nouns, hits)?;
                sides.target.filter(|_| !sides.mutual)
            });
            let Some(h) = aimed.map(|k| &hits[k]).filter(|h| !h.ground_only()) else {
                continue;
            };
            let Some(code) = h.codes.first().filter(|c| !c.starts_with("---")) else {
                continue;
            };
            let text = article
                .body
                .get(h.span.start as usize..h.span.end as usize)
                .map(str::to_string);
            for e in events.iter_mut() {
                let own = e
                    .source
                    .as_ref()
                    .is_some_and(|s| s.get(..3) == code.get(..3));
                if e.target.is_none() && !own {
                    e.target = Some(code.clone());
                    e.target_text = text.clone();
                }
            }
        }
    }

    /// Codes the noun events of one sentence, after its verbs' events (from `first` in `out`).
    pub(super) fn code_nouns(
        &self,
        input: &NounInput,
        tl: &Timeline,
        first: usize,
        out: &mut Vec<Event>,
    ) {
        let NounInput {
            article,
            hits,
            tree: t,
            claimed,
            ..
        } = *input;
        for w in 0..input.buf.words.len() {
            if claimed.get(w).copied().unwrap_or(true)
                || hits.iter().any(|h| h.start <= w && w < h.end)
            {
                continue;
            }
            let Some((entry, mut sides)) = t.noun_event(w, &self.nouns, hits) else {
                continue;
            };
            // "sparking international condemnation and UN sanctions": what an act draws is
            // aimed at the eliciting verb's subject, the test's doer; the verb's own pattern
            // codes only the first of the nouns it draws
            if sides.target.is_none()
                && let Some(v) = super::elicit::eliciting_verb(t, w)
            {
                sides.target = super::elicit::sides(t, v, hits)
                    .1
                    .filter(|&k| Some(k) != sides.source);
            }
            // "held talks with": the verb coded the act the noun names
            if sides.borrowed
                && sides
                    .governor
                    .is_some_and(|v| claimed.get(v).copied().unwrap_or(false))
            {
                continue;
            }
            // "will hold talks": an act announced for later is coded as the intent CAMEO
            // gives it, and not at all where it has none ("will impose sanctions")
            let promised = t.promised_noun(w);
            let code = match promised {
                true => match intent_of(&entry.code) {
                    Some(intent) => intent,
                    None => continue,
                },
                false => entry.code.as_str(),
            };
            // the sides are read as the noun's own act, cooperation made mutual as such
            let Some((sources, targets, pairwise)) = noun_sides(input, &entry.code, sides) else {
                continue;
            };
            let mut base = self.noun_base(input, w, &entry.rule, tl);
            if promised && !base.context.contains(&EventContext::Future) {
                base.context.push(EventContext::Future);
            }
            let root = |c: &str| c.get(..2).map(str::to_string);
            let coded = |src: &Side, tgt: &Side, out: &[Event]| {
                let key = |side: &Side| side.as_ref().map(|(c, _)| c.clone());
                out[first..].iter().any(|e| {
                    e.source == key(src) && e.target == key(tgt) && root(&e.cameo) == root(code)
                })
            };
            for (a, b) in pair_up(&sources, &targets, pairwise, false) {
                if says_nothing(code, a, b) || coded(a, b, out) {
                    continue;
                }
                let e = self.event(&base, article, code, a, b);
                out.push(e);
            }
        }
    }

    /// The event of the noun at `w` with no sides yet: its sentence, date and context, place,
    /// trigger (the noun) and rule.
    fn noun_base(&self, input: &NounInput, w: usize, rule: &str, tl: &Timeline) -> Event {
        let buf = input.buf;
        let words = &buf.words;
        let mut context = Vec::new();
        let date = self.dated(buf, w, tl, Modality::default(), &mut context);
        let clause = buf.clauses[buf.clause_of(w)];
        let trigger = input
            .article
            .body
            .get(words[w].start as usize..words[w].end as usize)
            .unwrap_or("")
            .to_string();
        let place = self.place_of(buf, clause.start, clause.end, input.places);
        super::coder::unsided(input.s, date, context, place, trigger, rule.to_string())
    }
}

/// The sources and targets of a noun's act of code `code` (every member of a `between` list
/// and the source, pairwise, for a mutual act), or `None` when it names no one on a side: a
/// place only the gazetteer knows acts never and is acted on only by force or a visit, an
/// actor is no target of itself, and a withdrawal from a body is leaving it, no pulling back of
/// forces.
fn noun_sides(
    input: &NounInput,
    code: &str,
    sides: NounSides,
) -> Option<(Vec<Side>, Vec<Side>, bool)> {
    let NounInput {
        buf, hits, tree: t, ..
    } = *input;
    let force = matches!(code.get(..2), Some("18" | "19" | "20"));
    let visit = code.starts_with("04");
    let src = sides.source.filter(|&k| !hits[k].ground_only());
    let expand = |k: usize| -> Vec<Side> {
        let (lo, hi) = t.group(hits, &buf.words, k);
        super::actors::sides_of(&hits[lo..hi])
    };
    // "Abe and Bush held talks": actors joined by "and" who hold a meeting or sign an
    // agreement with no one else hold it with each other ("The company, China's largest
    // producer, is to hold a meeting" joins no one; a visit goes somewhere, never mutual)
    let visit_to = matches!(code.get(..3), Some("042" | "043"));
    if let Some(k) = src.filter(|_| sides.target.is_none() && mutual_code(code) && !visit_to) {
        let (lo, hi) = t.group(hits, &buf.words, k);
        let coordinated = buf
            .words
            .get(hits[lo].end..hits[hi - 1].start)
            .is_some_and(|between| between.iter().any(|w| w.flags & COORD != 0));
        let all = expand(k);
        if coordinated && joint(&all) {
            return Some((all, Vec::new(), true));
        }
    }
    let tgt = sides
        .target
        .filter(|&k| !hits[k].ground_only() || force || visit)?;
    if sides.mutual {
        let mut all = src.map(expand).unwrap_or_default();
        all.extend(expand(tgt));
        return Some((all, Vec::new(), true));
    }
    let (mut sources, mut targets) = (expand(src?), expand(tgt));
    agents::place_lone_agents(&mut sources, &targets, hits);
    agents::place_lone_agents(&mut targets, &sources, hits);
    drop_self_targets(&sources, &mut targets, hits, Some(t), force);
    if code.starts_with("087") {
        targets.retain(|t| t.as_ref().is_some_and(|(c, _)| !organisation(c)));
    }
    (!targets.is_empty()).then_some((sources, targets, false))
}

/// Whether an actor code names an international or non-governmental body or a multinational
/// firm rather than a country or its ground.
fn organisation(code: &str) -> bool {
    ["IGO", "NGO", "MNC"].iter().any(|p| code.starts_with(p))
}
