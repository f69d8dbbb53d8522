//! What a statement's own words make of it: a criticism when they condemn what they speak of
//! or cast someone as something to condemn ("cast the candidate as divisive", "called the
//! senator a liar"), no statement at all when the clause it reports codes an act of its own
//! ("X said Y attacked Z" is Y's attack), and a politician's "attack" on a rival one in words.

use chronicle_core::Event;

use super::actors::{ActorHit, hit_at};
use super::coder::Side;
use super::pairs::unarmed;
use super::sentence::{CENSURE, NEG, Word};
use super::tree::Tree;

/// How a statement's pattern ends when what follows says what the statement casts its target
/// as: "cast the candidate as divisive", "called the senator a liar".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Casting {
    /// "as": a statement whatever the words after it (111 when they censure).
    As,
    /// An article after the target ("called X a", "dubbed X the"): a naming, which CAMEO codes
    /// only when it censures (111); without censure the pattern read a telephone call or a
    /// meeting called.
    Naming,
}

impl Casting {
    /// The casting a pattern ending in `last_word` makes, if any.
    pub(super) fn of(last_word: &str) -> Option<Casting> {
        match last_word {
            "as" => Some(Casting::As),
            "a" | "an" | "the" => Some(Casting::Naming),
            _ => None,
        }
    }
}

/// How many words after "as" say what a statement casts someone as.
const AS_REACH: usize = 8;

/// Whether word `x` condemns what it is said of: a word of censure, not negated ("were not
/// racist" defends) and not the idiom "go wrong".
fn censures(t: Tree, words: &[Word], x: usize) -> bool {
    let flags = |i: usize| words.get(i).map_or(0, |w| w.flags);
    let negated = (1..=2).any(|k| x.checked_sub(k).is_some_and(|i| flags(i) & NEG != 0));
    let gone_wrong = x.checked_sub(1).is_some_and(|i| t.lemma(i) == "go");
    flags(x) & CENSURE != 0 && !negated && !gone_wrong
}

/// A reporting verb hands its complement to the coder: "X said Y attacked Z" is Y's attack on
/// Z, not also X's statement; "Y attacked Z, X said" likewise. The bare statement (010, or 111
/// when its words condemn) of a verb is dropped when the clause it reports on gave an event of its own; a report of a clause that
/// codes nothing stays X's statement. `coded` holds, for each coded verb of the sentence, where
/// its events start in `out` (from `first` on) and the verb's word; `keep` is cleared for the
/// events to drop (index `k - first`).
pub(super) fn mark_reports(
    t: Tree,
    first: usize,
    coded: &[(usize, usize)],
    out: &[Event],
    keep: &mut [bool],
) {
    let end_of = |i: usize| coded.get(i + 1).map_or(out.len(), |c| c.0);
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
            // a statement, or the criticism a statement's words make of what it reports
            if matches!(out[k].cameo.as_str(), "010" | "111") {
                keep[k - first] = false;
            }
        }
    }
}

/// Verbs of force that politics uses for words: "Boxer attacked Fiorina", "assailed the plan".
const VERBAL_FORCE: [&str; 3] = ["attack", "assail", "ambush"];

/// Whether an act of force named by `lemma` is one in words: its sources and targets are all
/// people or bodies that bear no arms ("Boxer attacked Fiorina", "the senator attacked the
/// party"), so that it criticises (111). An army's attack on a person, or anyone's on a country
/// or an armed group, stays force.
pub(super) fn verbal_attack(
    lemma: &str,
    sources: &[Side],
    targets: &[Side],
    hits: &[ActorHit],
) -> bool {
    if !VERBAL_FORCE.contains(&lemma) {
        return false;
    }
    let civil = |side: &Side| {
        side.as_ref().is_some_and(|(code, span)| {
            let person = hit_at(hits, span).is_some_and(|h| h.person.is_some());
            unarmed(code) || (person && !super::sides::armed(code))
        })
    };
    !targets.is_empty() && sources.iter().all(civil) && targets.iter().all(civil)
}

/// The code a bare statement (010) of the verb at `v` takes from its words: 111 when what it
/// says condemns what it speaks of ("said the movements were reckless", not a censure inside
/// someone else's clause it reports) or when the words its pattern casts its target as (from
/// `end`, the match's end) do; `None` for a naming that does not censure ("called Putin the next
/// day" is a telephone call); 010 otherwise.
pub(super) fn judged(
    tree: Option<Tree>,
    words: &[Word],
    v: usize,
    end: usize,
    casting: Option<Casting>,
) -> Option<&'static str> {
    // not cut at the clause's end: the quotation marks around the words end one
    let cast = casting.map(|_| end..words.len().min(end + AS_REACH));
    let condemns = tree.is_some_and(|t| {
        t.says_any(v, |x| censures(t, words, x) && !t.nested_clause(x, v))
            || cast.is_some_and(|mut r| r.any(|x| censures(t, words, x)))
    });
    match (condemns, casting) {
        (true, _) => Some("111"),
        (false, Some(Casting::Naming)) => None,
        (false, _) => Some("010"),
    }
}
