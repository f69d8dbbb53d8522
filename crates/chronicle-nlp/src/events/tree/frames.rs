//! What the clause around a verb says of its act without naming an actor: a time adjunct
//! inside the verb's phrase, a subject or a clause the sentence denies.

use chronicle_core::{DepRel, Upos, calendar};

use super::{DEPTH, Tree};

/// Nouns that head a time adjunct besides the days and months ([`calendar`]): the spans news
/// dates acts by.
const TIME_SPANS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "day",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
];

impl Tree<'_> {
    /// The words of the first time adjunct after the verb at `w` ("called on Iran [on
    /// Wednesday] to release", "signed [last week] an accord"): a dependent of the verb that
    /// names a day, a month or a span of time. Empty when it has none.
    pub fn time_adjunct(&self, w: usize) -> std::ops::Range<usize> {
        self.children(w)
            .filter(|&(c, r)| {
                c > w
                    && matches!(
                        r,
                        DepRel::Obl | DepRel::OblTmod | DepRel::NmodTmod | DepRel::OblNpmod
                    )
            })
            .find(|&(c, _)| {
                let lemma = self.lemma(c);
                calendar::MONTHS
                    .iter()
                    .chain(&calendar::WEEKDAYS)
                    .chain(TIME_SPANS)
                    .any(|t| t.eq_ignore_ascii_case(lemma))
            })
            .map_or(0..0, |(c, _)| self.phrase(c))
    }

    /// Whether the subject of the verb at `w` is denied by its determiner ("no such deal had
    /// been offered").
    pub fn denied_subject(&self, w: usize) -> bool {
        self.children(w)
            .filter(|&(_, r)| r.base() == DepRel::Nsubj)
            .any(|(s, _)| {
                self.children(s).any(|(d, r)| {
                    r == DepRel::Det
                        && ["no", "neither"]
                            .iter()
                            .any(|n| self.lemma(d).eq_ignore_ascii_case(n))
                })
            })
    }

    /// Whether the clause of the verb at `w` is one its sentence denies: the complement of a
    /// negated verb ("did not mean that Libya had cut ties"), of a verb of denial ("denied that
    /// its troops had attacked"), or of a report, claim or allegation such a verb takes
    /// ("rejected reports that Iran had sent weapons").
    pub fn denied_clause(&self, w: usize) -> bool {
        const DENY: &[&str] = &["deny", "reject", "dismiss", "refute", "rebut", "disprove"];
        const CLAIM: &[&str] = &[
            "report",
            "claim",
            "allegation",
            "suggestion",
            "rumour",
            "rumor",
            "speculation",
        ];
        let denies = |v: usize| {
            DENY.iter().any(|d| self.lemma(v).eq_ignore_ascii_case(d))
                || self.children(v).any(|(c, r)| {
                    r == DepRel::Advmod
                        && ["not", "never"]
                            .iter()
                            .any(|n| self.lemma(c).eq_ignore_ascii_case(n))
                })
        };
        let mut at = w;
        for _ in 0..DEPTH {
            let (Some(rel), Some(head)) = (self.rel(at), self.head(at)) else {
                return false;
            };
            match rel.base() {
                // "it is not true [that ...]": the extraposed clause is the subject
                DepRel::Ccomp | DepRel::Csubj => return denies(head),
                // "reports that ...": the claim's own verb decides
                DepRel::Acl
                    if CLAIM
                        .iter()
                        .any(|c| self.lemma(head).eq_ignore_ascii_case(c)) =>
                {
                    at = head;
                    let Some(verb) = self.head(at) else {
                        return false;
                    };
                    return denies(verb);
                }
                DepRel::Conj => at = head,
                _ => return false,
            }
        }
        false
    }
}

/// What a noun says of the act its infinitive names ("the FBI's refusal to prosecute",
/// "Hezbollah's ability to fight Israel"): such an act is not reported as done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounFrame {
    /// Refused or failed: CAMEO codes a refused cooperation as a rejection.
    Refused,
    /// Only able, entitled, tried, wished or asked for: no act at all.
    Unrealised,
}

/// Nouns that refuse the act of their infinitive.
const REFUSING: &[&str] = &[
    "refusal",
    "unwillingness",
    "reluctance",
    "failure",
    "inability",
];

/// Nouns whose infinitive is an act able, entitled, tried, wished or asked for, not done.
const UNREALISING: &[&str] = &[
    "ability",
    "capacity",
    "capability",
    "right",
    "power",
    "freedom",
    "chance",
    "opportunity",
    "willingness",
    "readiness",
    "attempt",
    "bid",
    "effort",
    "desire",
    "wish",
    "need",
    "temptation",
    "option",
    "authority",
    "permission",
    "pressure",
    "call",
    "demand",
    "request",
    "appeal",
    "plea",
    "ultimatum",
];

impl Tree<'_> {
    /// The frame a noun puts the verb at `w` in when the verb is that noun's infinitive, itself
    /// or through the infinitives that complete it ("its unwillingness to sign", "the right to
    /// help protect").
    pub fn noun_frame(&self, w: usize) -> Option<NounFrame> {
        let at = self.completed_verb(w)?;
        let to = self.infinitive_to(at)?;
        // the noun the infinitive completes, or the noun just before its "to" when the parser
        // hung the infinitive elsewhere ("protested the FBI's refusal to prosecute", read as
        // "protested ... to prosecute")
        let completed = (self.rel(at).map(DepRel::base) == Some(DepRel::Acl))
            .then(|| self.head(at))
            .flatten();
        let before = to
            .checked_sub(1)
            .filter(|&n| self.upos(n) == Some(Upos::Noun));
        let frame_of = |n: usize| {
            let noun = self.lemma(n);
            let is = |list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(noun));
            if is(REFUSING) {
                Some(NounFrame::Refused)
            } else if is(UNREALISING) {
                Some(NounFrame::Unrealised)
            } else {
                None
            }
        };
        completed
            .and_then(frame_of)
            .or_else(|| before.and_then(frame_of))
    }
}

/// Verbs whose object is asked or wished to do what their infinitive says ("asked Russia to
/// withdraw", "wants Canada to take action", "invited Putin to visit"): that act is not reported
/// as done. Verbs that make it happen ("persuaded Obama to join", "forced them to retreat") or
/// let it ("allowed convoys to enter") are not among them, nor "call" ("called Sanders to
/// congratulate him" is a telephone call; "call on" takes no object) or "need" ("would need a
/// majority to confirm" says what for).
const REQUESTING: &[&str] = &[
    "ask",
    "urge",
    "press",
    "appeal",
    "plead",
    "beg",
    "implore",
    "invite",
    "encourage",
    "pressure",
    "push",
    "lobby",
    "petition",
    "challenge",
    "advise",
    "tell",
    "want",
    "wish",
    "like",
    "expect",
    "request",
    "demand",
];

impl Tree<'_> {
    /// Whether the verb at `w` is the act someone asks or wishes someone else to do: the
    /// infinitive (or the chain of them, "asked Iran to help end") of a verb of asking or wishing
    /// that has an object of its own ("asked Russia to withdraw"; "wants to meet" asks no one).
    pub fn requested(&self, w: usize) -> bool {
        let mut at = w;
        for _ in 0..DEPTH {
            let (Some(rel), Some(head)) = (self.rel(at), self.head(at)) else {
                return false;
            };
            let infinitive = match rel {
                DepRel::Xcomp => true,
                // the parser hangs some such infinitives as adverbial clauses
                DepRel::Advcl => self.infinitive_to(at).is_some(),
                _ => false,
            };
            if !infinitive {
                return false;
            }
            let asks = REQUESTING
                .iter()
                .any(|v| self.lemma(head).eq_ignore_ascii_case(v));
            let object = self
                .children(head)
                .any(|(c, r)| matches!(r, DepRel::Obj | DepRel::Iobj) && c < at);
            if asks && object {
                return true;
            }
            at = head;
        }
        false
    }
}
