//! The tense of the clause a mention sits in, which decides between the last and the coming
//! occurrence of a weekday or a date without a year.
//!
//! The clause's own verb decides first: "Kim left on Thursday, canceling a planned lunch" is past
//! whatever the participle after the comma says. Only when the clause has no marker does the rest
//! of the sentence speak, and then a participle used as an adjective after the mention ("a planned
//! lunch") says nothing about the mention.

use super::grammar::Cx;
use super::lexicon::{Lex, Tense, TenseWord};
use super::scan::Kind;

/// How far (in tokens) from a mention the tense of its clause is looked for.
const WINDOW: usize = 12;

/// Whether token `k` is a word of the closed class `class` (in `lexicon.txt`).
fn is_a(cx: Cx<'_, '_>, k: usize, class: TenseWord) -> bool {
    cx.lexicon
        .tense_words(class)
        .iter()
        .any(|w| cx.is_word(k, w))
}

/// How much a tense marker says about its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// An auxiliary or a verb of the lexicon: `will`, `was`, `had`, `went`.
    Strong,
    /// A word ending in -ed: a past tense, or a participle after `will be`.
    Weak,
    /// A reporting verb (`said`): the tense of the report, not of the event.
    Reporting,
}

/// The tense marker a token carries, and how much it says.
fn marker(cx: Cx<'_, '_>, k: usize) -> Option<(Tense, Strength)> {
    let t = cx.tok(k)?;
    if t.kind != Kind::Word {
        return None;
    }
    // The second half of a compound says nothing: "lower-than-expected earnings".
    if k > 0 && cx.hyphen(k - 1) {
        return None;
    }
    let w = cx.text_of(k);
    let infinitive = cx.is_word(k + 1, "to");
    // "set to resume", "is to resume": a plan.
    if infinitive
        && ["set", "is", "are"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
    {
        return Some((Tense::Future, Strength::Strong));
    }
    let tense_of = |i: usize| {
        cx.tok(i)?.find(|l| match l {
            Lex::Tense(x) => Some(x),
            _ => None,
        })
    };
    if let Some(tense) = tense_of(k) {
        // "were planning to", "was going to": a plan told in the past, whose time the plan
        // word decides.
        let plan_follows =
            tense_of(k + 1) == Some(Tense::Future) && cx.text_of(k + 1).ends_with("ing");
        if tense == Tense::Past && plan_follows {
            return None;
        }
        // "is leaving on Monday": the present progressive with a time is an arrangement.
        if tense == Tense::Present && progressive(cx, k + 1) {
            return Some((Tense::Future, Strength::Strong));
        }
        return lexicon_marker(cx, k, w, tense, infinitive);
    }
    if t.is(Lex::Schedule) {
        return scheduled(cx, k).then_some((Tense::Future, Strength::Strong));
    }
    let b = w.as_bytes();
    let past = t.is(Lex::PastVerb)
        || b.len() >= 5 && b.ends_with(b"ed") && !t.upper && !b.ends_with(b"eed");
    if !past {
        return None;
    }
    match passive_auxiliary(cx, k) {
        Some(group) => group.map(|tense| (tense, Strength::Strong)),
        None => Some((Tense::Past, Strength::Weak)),
    }
}

/// Whether the schedule verb at `k` reads as the present of a planned event.
fn scheduled(cx: Cx<'_, '_>, k: usize) -> bool {
    let Some(p) = k.checked_sub(1) else {
        return true;
    };
    // "didn't meet": the apostrophe and "t" stand between.
    let p = if cx.is_word(p, "t") {
        p.saturating_sub(2)
    } else {
        p
    };
    let unscheduled = is_a(cx, p, TenseWord::Unscheduling) || is_a(cx, p, TenseWord::Determiner);
    !unscheduled && !cx.tok(k).is_some_and(|t| t.upper)
}

/// Whether token `k` is an -ing verb form after an auxiliary (`leaving`, not `being`, `thing`).
fn progressive(cx: Cx<'_, '_>, k: usize) -> bool {
    let w = cx.text_of(k);
    cx.tok(k).is_some_and(|t| t.kind == Kind::Word && !t.upper)
        && w.len() >= 6
        && w.ends_with("ing")
        && !w.eq_ignore_ascii_case("being")
}

/// The marker of a word of the lexicon's tense class at `k`.
fn lexicon_marker(
    cx: Cx<'_, '_>,
    k: usize,
    w: &str,
    tense: Tense,
    infinitive: bool,
) -> Option<(Tense, Strength)> {
    // "plan" and "plans" are nouns ("vacation plans") unless an infinitive follows, and even
    // then after a verb or a determiner ("announced plans to", "its plans to").
    let noun = ["plan", "plans"].iter().any(|p| w.eq_ignore_ascii_case(p));
    let object = k.checked_sub(1).is_some_and(|p| {
        let b = cx.text_of(p).as_bytes();
        b.len() >= 5 && b.ends_with(b"ed") || is_a(cx, p, TenseWord::Determiner)
    });
    if noun && (!infinitive || object) {
        return None;
    }
    // "could not be reached Friday", "might have seen it Sunday": an ability denied or a
    // possibility looked back on is past; "could arrive Sunday", "might not happen until
    // Dec. 8" look ahead.
    if possibility(cx, k) {
        let could = w.eq_ignore_ascii_case("could");
        // "could not", "nobody could", "neither he nor his aides could".
        let negated_subject =
            (k.saturating_sub(NEGATION_REACH)..k).any(|p| is_a(cx, p, TenseWord::Negator));
        let denied =
            could && (cx.is_word(k + 1, "not") || cx.is_word(k + 1, "never") || negated_subject);
        let looked_back = cx.is_word(k + 1, "have");
        let tense = if denied || looked_back {
            Tense::Past
        } else {
            tense
        };
        return Some((tense, Strength::Strong));
    }
    // "had been scheduled to expire", "had been due to": the plan is past.
    if !w.ends_with("ing") && passive_auxiliary(cx, k) == Some(Some(Tense::Past)) {
        return Some((Tense::Past, Strength::Strong));
    }
    let reporting = is_a(cx, k, TenseWord::Reporting);
    let strength = if reporting {
        Strength::Reporting
    } else {
        Strength::Strong
    };
    Some((tense, strength))
}

/// The tense of the verb group of a passive participle at `k` (`will be named` is future, `has
/// been named` past): `None` when `k` is no passive participle, `Some(None)` when the group says
/// nothing.
fn passive_auxiliary(cx: Cx<'_, '_>, k: usize) -> Option<Option<Tense>> {
    let mut p = k.checked_sub(1)?;
    // "will be formally named"
    if cx.text_of(p).ends_with("ly") {
        p = p.checked_sub(1)?;
    }
    let be = ["be", "been", "being"].iter().find(|b| cx.is_word(p, b))?;
    let aux = p.checked_sub(1).map_or("", |a| cx.text_of(a));
    let is = |words: &[&str]| words.iter().any(|w| aux.eq_ignore_ascii_case(w));
    Some(match *be {
        "be" if is(cx.lexicon.tense_words(TenseWord::Modal)) => Some(Tense::Future),
        "been" if is(&["has", "have", "had"]) => Some(Tense::Past),
        "being" if is(&["was", "were"]) => Some(Tense::Past),
        "being" if is(&["is", "are"]) => Some(Tense::Present),
        _ => None,
    })
}

/// Whether token `k` is a participle used as an adjective: after a determiner, maybe with an
/// adverb between (`a planned lunch`, `the previously scheduled vote`).
fn adjectival(cx: Cx<'_, '_>, k: usize) -> bool {
    let det = |i: usize| is_a(cx, i, TenseWord::Determiner);
    let Some(p) = k.checked_sub(1) else {
        return false;
    };
    det(p) || cx.text_of(p).ends_with("ly") && p.checked_sub(1).is_some_and(det)
}

/// Whether token `k` ends a clause: punctuation between clauses or a subordinating word.
fn boundary(cx: Cx<'_, '_>, k: usize) -> bool {
    let Some(t) = cx.tok(k) else { return true };
    match t.kind {
        Kind::Punct => match t.ch {
            '-' | '‐' => !cx.hyphen(k),
            '\'' | '’' => !t.glued,
            c => matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '`' | '—' | '–' | '_' | '.'
            ),
        },
        Kind::Word => is_a(cx, k, TenseWord::Subordinator),
        Kind::Num => false,
    }
}

/// The tense found for a mention, and how close the marker that decided it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub tense: Tense,
    /// Distance in tokens from the mention to the marker.
    pub distance: usize,
    /// Whether the marker is in the mention's own clause.
    pub in_clause: bool,
}

/// The tense of the clause around tokens `first..last`. In the mention's own clause first, then
/// in its sentence: the nearest auxiliary, else the nearest -ed verb, else the nearest reporting
/// verb.
pub fn tense_near(cx: Cx<'_, '_>, first: usize, last: usize, sent: &[u32]) -> Option<Found> {
    // "under a June agreement": a date that modifies a noun names a known thing; the tense of
    // the clause is not its own.
    // So does a possessive date ("get around Wednesday's ruling").
    let possessive = ['\'', '’']
        .iter()
        .any(|&c| cx.is_punct(last, c) && cx.glued(last))
        && cx.is_word(last + 1, "s");
    let determined = first
        .checked_sub(1)
        .is_some_and(|p| ["a", "an", "the"].iter().any(|d| cx.is_word(p, d)));
    if !(possessive || determined) {
        return clause_tense(cx, first, last, sent);
    }
    // An occasion held on a set date ("the Nov. 8 election") is the coming one unless the
    // clause tells of it in the past ("voted in the October 15 referendum") or "since" or
    // "after" put it behind; after "ahead of" or "until" it is the coming one whatever the
    // clause.
    let before = first.checked_sub(1 + usize::from(determined));
    let word_before = |w: &str| before.is_some_and(|p| cx.is_word(p, w));
    let behind = word_before("since") || word_before("after");
    if behind || !names_occasion(cx, first, last, possessive) {
        return None;
    }
    let coming = Found {
        tense: Tense::Future,
        distance: 0,
        in_clause: false,
    };
    let ahead_of = word_before("of") && before.is_some_and(|p| p > 0 && cx.is_word(p - 1, "ahead"));
    if ahead_of || before.is_some_and(|p| is_a(cx, p, TenseWord::Anticipating)) {
        return Some(coming);
    }
    // Told in the past, it is the one the words name, as any other date before a noun.
    match clause_tense(cx, first, last, sent) {
        Some(f) if f.tense == Tense::Past => None,
        _ => Some(coming),
    }
}

/// The tense of the clause around tokens `first..last` (see [`tense_near`]).
fn clause_tense(cx: Cx<'_, '_>, first: usize, last: usize, sent: &[u32]) -> Option<Found> {
    let s = *sent.get(first)?;
    let same = |k: usize| sent.get(k) == Some(&s);
    let mut lo = first;
    while lo > 0 && first - lo < WINDOW && same(lo - 1) && !boundary(cx, lo - 1) {
        lo -= 1;
    }
    let mut hi = last;
    // A time fronted before the subject ("On Tuesday, the league plans to ...") belongs to the
    // clause after its comma.
    if fronted(cx, first, last, &same) {
        hi += 1;
    }
    while hi < cx.toks.len() && hi - last < WINDOW && same(hi) && !boundary(cx, hi) {
        hi += 1;
    }
    let found = |(tense, distance, _): (Tense, usize, Strength), in_clause| Found {
        tense,
        distance,
        in_clause,
    };
    // A modal after the date is the next clause's ("said Monday the trial could ..."): it
    // looks ahead only from before the date ("could arrive Sunday").
    let clause = search(cx, first, last, |k| {
        lo <= k && k < hi && !(k >= last && possibility(cx, k))
    });
    // A schedule verb or a modal speaks for its own clause only: "a new cabinet on Sunday, which
    // faces the task" is no plan for Sunday, nor is "said Monday the trial could ...".
    let sentence = || {
        search(cx, first, last, |k| {
            let own_clause_only =
                cx.tok(k).is_some_and(|t| t.is(Lex::Schedule)) || possibility(cx, k);
            same(k) && !(k >= last && adjectival(cx, k)) && !own_clause_only
        })
    };
    // A deadline or a start looks ahead, unless an auxiliary puts the sentence in the past
    // ("had filed reports by Wednesday").
    if prospective(cx, first) {
        return match clause.or_else(sentence) {
            Some(m @ (Tense::Past, _, Strength::Strong)) => Some(found(m, false)),
            _ => Some(found((Tense::Future, 1, Strength::Strong), true)),
        };
    }
    match clause {
        Some(m) => Some(found(m, true)),
        None => sentence().map(|m| found(m, false)),
    }
}

/// Whether the date at `first..last`, before a noun, names an occasion held on a set date
/// ("the Nov. 8 election", "a July 26 exhibition match", "November's general election"), and
/// is no weekday.
fn names_occasion(cx: Cx<'_, '_>, first: usize, last: usize, possessive: bool) -> bool {
    /// Words up to the occasion's noun: "U.S. presidential election", "exhibition match".
    const WORDS: usize = 4;
    let head = last + if possessive { 2 } else { 0 };
    let occasion = (head..cx.toks.len())
        .take_while(|&k| {
            cx.tok(k)
                .is_some_and(|t| t.kind != Kind::Punct || t.ch == '.')
        })
        .filter(|&k| cx.tok(k).is_some_and(|t| t.kind != Kind::Punct))
        .take(WORDS)
        .any(|k| cx.lexicon.is_occasion(cx.text_of(k).as_bytes()));
    // News reports a weekday's occasion after it: "Sunday's debate", "the Tuesday deadline",
    // "the end of Saturday night's debate".
    let weekday = (first..last).any(|k| {
        cx.tok(k).is_some_and(|t| {
            t.find(|l| matches!(l, Lex::Weekday(_) | Lex::WeekdayAbbr(_)).then_some(()))
                .is_some()
        })
    });
    occasion && !weekday
}

/// How many words before a modal a negation of its subject may stand: "neither he nor his
/// four grandparents could".
const NEGATION_REACH: usize = 6;

/// Whether token `k` is a modal of possibility (`could`, `might`), which speaks for its own
/// clause and only for what follows it.
fn possibility(cx: Cx<'_, '_>, k: usize) -> bool {
    cx.is_word(k, "could") || cx.is_word(k, "might")
}

/// Whether the mention at `first..last` opens its sentence, maybe after a preposition, and a
/// comma follows it: a fronted adverbial ("On Tuesday, ...").
fn fronted(cx: Cx<'_, '_>, first: usize, last: usize, same: &impl Fn(usize) -> bool) -> bool {
    let opens = |k: usize| k == 0 || !same(k - 1);
    let after_preposition = first
        .checked_sub(1)
        .is_some_and(|p| opens(p) && is_a(cx, p, TenseWord::FrontPreposition));
    (opens(first) || after_preposition) && cx.is_punct(last, ',')
}

/// Whether the mention at `first` follows a word that looks ahead to it (`payable Dec. 1`,
/// `by February`), or `as soon as`, `as early as`.
fn prospective(cx: Cx<'_, '_>, first: usize) -> bool {
    let Some(p) = first.checked_sub(1) else {
        return false;
    };
    let p = if cx.is_word(p, "on") {
        p.saturating_sub(1)
    } else {
        p
    };
    if is_a(cx, p, TenseWord::Prospective) {
        // "this year through August", "from 2019 until 2021": the end of a range whose start
        // the text gives; the tense decides it.
        let range_end = p.checked_sub(1).and_then(|q| cx.tok(q)).is_some_and(|t| {
            t.kind == Kind::Num
                || t.kind == Kind::Word && !t.lex.is_empty() && !t.is(Lex::Tense(Tense::Future))
        });
        return !range_end;
    }
    p >= 2
        && cx.is_word(p, "as")
        && cx.is_word(p - 2, "as")
        && ["soon", "early"].iter().any(|w| cx.is_word(p - 1, w))
}

/// The best marker among the tokens within [`WINDOW`] of `first..last` that `keep` accepts.
fn search(
    cx: Cx<'_, '_>,
    first: usize,
    last: usize,
    keep: impl Fn(usize) -> bool,
) -> Option<(Tense, usize, Strength)> {
    let mut best: [Option<(Tense, usize, Strength)>; 3] = [None; 3];
    for d in 1..=2 * WINDOW {
        if d > WINDOW && best.iter().any(Option::is_some) {
            break;
        }
        let left = first.checked_sub(d).filter(|&k| keep(k));
        let right = Some(last + d - 1).filter(|&k| keep(k));
        for k in [left, right].into_iter().flatten() {
            if let Some((t, strength)) = marker(cx, k) {
                let slot = &mut best[strength as usize];
                if slot.is_none() {
                    *slot = Some((t, d, strength));
                }
            }
        }
        if best[0].is_some() {
            break;
        }
    }
    best.into_iter().flatten().next()
}
