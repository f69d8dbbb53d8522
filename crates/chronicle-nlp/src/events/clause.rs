//! What the words around a verb say about it: negation, tense and mood, voice, and who its
//! subject is.

use super::actors::ActorHit;
use super::sentence::{
    ADV, BE, BY, CAP, COMMA, ClauseKind, DET, DO, FUTURE, HAVE, HYPO, IF, NEG, OBJECT_NEEDED,
    PARTICIPLE, PLAN, PREP, PUNCT, REFUSE, SentenceBuf, TO, WOULD,
};

/// The verb group's modality.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Modality {
    pub negated: bool,
    pub future: bool,
    pub hypothetical: bool,
    pub passive: bool,
    /// "will" or "would" in the verb group and no "if" in the clause: what the source says it
    /// is going to do ("said it would provide aid").
    pub promised: bool,
    /// A participle of a verb that always takes an object, with a preposition where the
    /// object would be ("Kenya accused of abuses", "Obama praised for his speech"): a passive,
    /// whatever the parse says, since the active cannot go without its object.
    pub objectless_participle: bool,
}

/// Reads the auxiliaries, negators and infinitive markers left of the verb group starting at
/// word `start`, back to the clause start: "did not", "will", "would", "refused to", "plans to",
/// "was ... by".
pub fn modality(buf: &SentenceBuf, start: usize, head: usize) -> Modality {
    let w = &buf.words;
    let clause = buf.clauses[buf.clause_of(head)];
    let mut m = Modality::default();
    let mut i = start;
    let mut saw_to = false;
    while i > clause.start {
        i -= 1;
        let f = w[i].flags;
        if f & NEG != 0 {
            m.negated = true;
        } else if f & FUTURE != 0 {
            m.future = true;
            m.promised = true;
        } else if f & HYPO != 0 {
            m.hypothetical = true;
            m.promised |= f & WOULD != 0;
        } else if f & TO != 0 {
            saw_to = true;
        } else if saw_to && f & REFUSE != 0 {
            m.negated = true;
            saw_to = false;
        } else if saw_to && f & PLAN != 0 {
            m.future = true;
            saw_to = false;
        } else if f & BE != 0 {
            if i + 1 == start || w[i + 1..start].iter().all(|x| x.flags & (ADV | BE) != 0) {
                m.passive = w.get(head).is_some_and(|x| x.flags & PARTICIPLE != 0);
            }
        } else if f & (HAVE | DO | ADV) == 0 {
            break;
        }
    }
    if w[clause.start..head].iter().any(|x| x.flags & IF != 0) {
        m.hypothetical = true;
        m.promised = false;
    }
    if !m.passive && reduced_relative(buf, start, head) {
        m.passive = true;
    }
    m
}

/// Whether the verb at `head` is a participle of a verb that needs an object in the active,
/// followed straight by a preposition, with no "have" before it ("has accused" keeps its
/// object further on). Our own dictionaries read it as a passive; PETRARCH's conformance
/// suites spell their passives out in patterns.
pub fn objectless_participle(buf: &SentenceBuf, head: usize) -> bool {
    let w = &buf.words;
    let needs_object = w
        .get(head)
        .is_some_and(|x| x.flags & (PARTICIPLE | OBJECT_NEEDED) == PARTICIPLE | OBJECT_NEEDED);
    let preposition_follows = w.get(head + 1).is_some_and(|x| x.flags & PREP != 0);
    let perfect = head
        .checked_sub(1)
        .and_then(|p| w.get(p))
        .is_some_and(|x| x.flags & HAVE != 0);
    needs_object && preposition_follows && !perfect
}

/// Whether the participle at `head` opens a reduced relative clause in the passive: right after
/// a common noun and followed by "by" ("the deal offered by France", "a plan drafted by the
/// envoys"). Its agent is the actor after "by", not the subject of the sentence.
fn reduced_relative(buf: &SentenceBuf, start: usize, head: usize) -> bool {
    let w = &buf.words;
    let participle = w.get(head).is_some_and(|x| x.flags & PARTICIPLE != 0);
    let by_follows = w.get(head + 1).is_some_and(|x| x.flags & BY != 0);
    let after_noun = start
        .checked_sub(1)
        .and_then(|p| w.get(p))
        .is_some_and(|x| {
            x.flags & (CAP | PUNCT | BE | HAVE | DO | ADV | NEG | TO | FUTURE | HYPO | DET) == 0
        });
    participle && by_follows && after_noun
}

/// The subject of the clause holding word `v`: the nearest actor before the verb group in the
/// clause, stepping over an apposition set off by commas ("Choe, a veteran of ..., issued");
/// for a coordinated verb phrase ("and promised") or a relative clause, the subject before it.
pub fn subject(buf: &SentenceBuf, hits: &[ActorHit], v: usize) -> Option<usize> {
    let c = buf.clause_of(v);
    subject_in(buf, hits, c, v)
}

fn subject_in(buf: &SentenceBuf, hits: &[ActorHit], c: usize, v: usize) -> Option<usize> {
    let clause = buf.clauses.get(c)?;
    let w = &buf.words;
    let mut end = v.min(clause.end);
    // step back over the verb group
    while end > clause.start
        && w[end - 1].flags & (ADV | BE | HAVE | DO | FUTURE | HYPO | NEG | TO) != 0
    {
        end -= 1;
    }
    let previous_comma = |before: usize| {
        (clause.start..before)
            .rev()
            .find(|&i| w[i].flags & COMMA != 0)
    };
    if end > clause.start
        && w[end - 1].flags & COMMA != 0
        && let Some(mut open) = previous_comma(end - 1)
    {
        // An apposition that the aside closes belongs to the subject too: "A statement on
        // June 12, the anniversary of the summit—the first such—reiterated".
        while let Some(c) =
            previous_comma(open).filter(|&c| w.get(c + 1).is_some_and(|x| x.flags & DET != 0))
        {
            open = c;
        }
        if let Some(k) = nearest_before(hits, clause.start, open) {
            return Some(k);
        }
    }
    if let Some(k) = nearest_before(hits, clause.start, end) {
        return Some(k);
    }
    if c == 0 {
        return None;
    }
    match clause.kind {
        ClauseKind::Coordinate => subject_anchor(buf, hits, c - 1),
        ClauseKind::Subordinate => nearest_before(hits, buf.clauses[c - 1].start, clause.start),
        _ => None,
    }
}

/// The subject of a whole clause: the first actor of the clause when it comes before any
/// coordinated verb.
fn subject_anchor(buf: &SentenceBuf, hits: &[ActorHit], c: usize) -> Option<usize> {
    let clause = buf.clauses.get(c)?;
    let k = hits
        .iter()
        .position(|h| h.start >= clause.start && h.end <= clause.end);
    match k {
        Some(k) => Some(k),
        None if clause.kind == ClauseKind::Coordinate && c > 0 => subject_anchor(buf, hits, c - 1),
        None => None,
    }
}

/// The last hit lying wholly inside `lo..hi`.
pub fn nearest_before(hits: &[ActorHit], lo: usize, hi: usize) -> Option<usize> {
    hits.iter().rposition(|h| h.start >= lo && h.end <= hi)
}

/// The agent of a passive: the actor right after "by" in the clause, after the verb.
pub fn by_agent(buf: &SentenceBuf, hits: &[ActorHit], from: usize) -> Option<usize> {
    let clause = buf.clauses[buf.clause_of(from)];
    let w = &buf.words;
    let by = (from..clause.end).find(|&i| w[i].flags & BY != 0)?;
    super::actors::hit_starting(hits, w, by + 1, 3)
}
