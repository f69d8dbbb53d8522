//! What the clause around a verb says of its act without naming an actor: a time adjunct
//! inside the verb's phrase, a subject or a clause the sentence denies.

use chronicle_core::DepRel;

use super::{DEPTH, Tree};

/// Nouns that head a time adjunct: days, months, and the spans news dates acts by.
const TIME_NOUNS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
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
                TIME_NOUNS.iter().any(|t| t.eq_ignore_ascii_case(lemma))
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
