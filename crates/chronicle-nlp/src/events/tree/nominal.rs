//! Events said with a noun, read from the noun's phrase: "talks between Iran and Iraq", "the
//! attack by Hamas on Israel", "Russia's attack on Ukraine", "the condemnation of the test by
//! Japan", "UN sanctions against North Korea", "China's arrest of two Canadians". Who acts is
//! the noun's possessive, nationality or name modifier, or its `by` phrase (its `of` phrase
//! where `of` does not name the target: "the visit of the Chinese president"); whom it is aimed
//! at, the phrase of a preposition the noun's dictionary line names. A noun the sentence does
//! not say took place ("no talks", "calls for talks", "the planned visit", "threatened
//! sanctions", "would impose sanctions", "the lifting of sanctions") names no event.

use chronicle_core::{DepRel, Upos};

use super::{DEPTH, Tree, verbal};
use crate::events::actors::ActorHit;
use crate::events::nouns::{NounDictionary, NounEntry};

/// What a noun's phrase says of the act it names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NounSides {
    /// The hit of who acts.
    pub source: Option<usize>,
    /// The hit of whom the act is aimed at; with `mutual`, the first actor of a `between`
    /// phrase, whose list (with the source, if any) acts on each other.
    pub target: Option<usize>,
    pub mutual: bool,
    /// The verb the noun's phrase is the object, subject or oblique of.
    pub governor: Option<usize>,
    /// The source is that verb's subject: the verb only says the act took place ("held talks",
    /// "launched an attack").
    pub borrowed: bool,
}

/// Determiners that deny a noun's act ("no talks", "any attack").
const DENYING: &[&str] = &["no", "any", "neither", "whatever"];

/// Modifiers that make a noun's act one not (yet) done.
const UNREAL_MODIFIERS: &[&str] = &[
    "planned",
    "proposed",
    "possible",
    "potential",
    "future",
    "upcoming",
    "next",
    "coming",
    "forthcoming",
    "prospective",
    "threatened",
    "expected",
    "alleged",
    "would-be",
    "hypothetical",
    "mooted",
    "rumoured",
    "rumored",
    "suggested",
    "intended",
    "looming",
    "imminent",
    "impending",
    "anticipated",
    "scheduled",
    "purported",
    "supposed",
    "mock",
    "fake",
];

/// Modifiers that make a noun of force a figure of speech ("verbal attacks", "a political
/// offensive", "a media blitz").
const FIGURATIVE: &[&str] = &[
    "verbal",
    "rhetorical",
    "political",
    "personal",
    "legal",
    "diplomatic",
    "media",
    "charm",
    "scathing",
    "blistering",
    "stinging",
];

/// Verbs under which a noun's act is asked for, planned, weighed, feared, denied, prevented or
/// undone rather than reported as done ("called for talks", "threatened sanctions", "ruled out
/// a visit", "lifted the sanctions").
const UNREAL_VERBS: &[&str] = &[
    "call",
    "urge",
    "demand",
    "seek",
    "want",
    "wish",
    "hope",
    "plan",
    "propose",
    "suggest",
    "consider",
    "discuss",
    "debate",
    "weigh",
    "mull",
    "threaten",
    "warn",
    "risk",
    "fear",
    "prepare",
    "rule",
    "reject",
    "refuse",
    "deny",
    "avoid",
    "prevent",
    "block",
    "veto",
    "oppose",
    "resist",
    "delay",
    "postpone",
    "cancel",
    "expect",
    "schedule",
    "await",
    "press",
    "push",
    "lobby",
    "advocate",
    "favour",
    "favor",
    "support",
    "back",
    "endorse",
    "request",
    "ask",
    "need",
    "require",
    "offer",
    "promise",
    "pledge",
    "vow",
    "invite",
    "agree",
    "aim",
    "intend",
    "try",
    "attempt",
    "insist",
    "predict",
    "forecast",
    "imagine",
    "contemplate",
    "envisage",
    "doubt",
    "question",
    "dismiss",
    "lift",
    "ease",
    "relax",
    "loosen",
    "remove",
    "scrap",
    "drop",
    "end",
    "waive",
    "suspend",
    "freeze",
    "halt",
    "violate",
    "breach",
    "break",
    "honour",
    "honor",
    "respect",
    "implement",
    "abide",
    "renegotiate",
    "review",
    "quit",
    "abandon",
    "evade",
    "circumvent",
    "challenge",
    "vote",
    "study",
    "explore",
    "investigate",
];

/// Nouns whose `of` or `for` phrase names an act asked for, planned, feared, denied or undone
/// ("calls for talks", "the threat of sanctions", "the lifting of sanctions").
const UNREAL_NOUNS: &[&str] = &[
    "call",
    "demand",
    "request",
    "appeal",
    "plea",
    "push",
    "pressure",
    "threat",
    "prospect",
    "possibility",
    "chance",
    "hope",
    "plan",
    "proposal",
    "idea",
    "risk",
    "fear",
    "need",
    "bid",
    "attempt",
    "effort",
    "offer",
    "invitation",
    "talk",
    "question",
    "debate",
    "discussion",
    "vote",
    "condition",
    "precondition",
    "support",
    "opposition",
    "option",
    "warning",
    "rumour",
    "rumor",
    "speculation",
    "allegation",
    "claim",
    "likelihood",
    "danger",
    "lifting",
    "easing",
    "removal",
    "end",
    "suspension",
    "violation",
    "breach",
    "cancellation",
    "postponement",
    "delay",
    "threshold",
    "prospect",
    "case",
    "fear",
    "resolution",
    "regime",
    "law",
    "bill",
];

/// Prepositions that open a noun whose act is argued for or against, or missing.
const ARGUED: &[&str] = &["for", "against", "toward", "towards", "without", "instead"];

/// Auxiliaries that put a verb's act in the future or in a mood ("would impose", "may visit").
const MODALS: &[&str] = &[
    "will", "would", "could", "may", "might", "should", "must", "shall", "can", "'ll", "wo",
];

/// Verbs that only say a noun's act took place, whose subject does it ("held talks", "launched
/// an attack", "paid a visit", "imposed sanctions", "voiced criticism").
const SUPPORT_VERBS: &[&str] = &[
    "hold",
    "have",
    "conduct",
    "carry",
    "launch",
    "mount",
    "stage",
    "make",
    "pay",
    "impose",
    "slap",
    "begin",
    "start",
    "resume",
    "open",
    "sign",
    "conclude",
    "reach",
    "order",
    "intensify",
    "continue",
    "level",
    "issue",
    "voice",
    "express",
    "file",
    "lodge",
    "deliver",
    "step",
    "unleash",
];

impl Tree<'_> {
    /// The dictionary line of the noun at `w` and what its phrase says of the act, when the
    /// word is a common noun the dictionary names and the sentence says the act took place.
    pub fn noun_event<'d>(
        &self,
        w: usize,
        nouns: &'d NounDictionary,
        hits: &[ActorHit],
    ) -> Option<(&'d NounEntry, NounSides)> {
        if self.upos(w) != Some(Upos::Noun) {
            return None;
        }
        let entry = nouns.get(self.form(w))?;
        // "argued against British withdrawal", "a plan for talks", "without talks": an act
        // argued for or against is not one done
        let argued = self
            .case_of(w)
            .is_some_and(|p| ARGUED.contains(&p.as_str()));
        // "verbal attacks", "a political offensive": force only in words
        let force = matches!(entry.code.get(..2), Some("18" | "19" | "20"));
        let figurative = force
            && self.children(w).any(|(c, r)| {
                r == DepRel::Amod
                    && FIGURATIVE
                        .iter()
                        .any(|f| self.lemma(c).eq_ignore_ascii_case(f))
            });
        if argued || figurative || self.unreal_noun(w) {
            return None;
        }
        let governed = self.governing_verb(w);
        if !entry.verbs.is_empty() {
            let made = governed.is_some_and(|(v, rel)| {
                entry
                    .verbs
                    .iter()
                    .any(|x| self.lemma(v).eq_ignore_ascii_case(x))
                    && (rel == DepRel::Obj || (rel == DepRel::NsubjPass) || self.passive(v))
            });
            if !made {
                return None;
            }
        }
        let mut sides = self.own_sides(w, entry, hits);
        sides.governor = governed.map(|(v, _)| v);
        if sides.source.is_none()
            && let Some((v, DepRel::Obj)) = governed
            && SUPPORT_VERBS
                .iter()
                .any(|s| self.lemma(v).eq_ignore_ascii_case(s))
        {
            sides.source = self
                .subject(v, hits)
                .and_then(|x| self.subject_actor(x, hits));
            sides.borrowed = sides.source.is_some();
        }
        if sides.target.is_some() && sides.target == sides.source {
            sides.target = None;
        }
        Some((entry, sides))
    }

    /// The sides the noun at `w` names itself: a possessive, a nationality or name modifier, a
    /// `by` phrase (an `of` phrase where `of` does not aim; a `from` phrase for words), and the
    /// phrase of an aiming preposition; a participle that modifies the noun lends its own
    /// ("the attack carried out by Hamas on Israel").
    fn own_sides(&self, w: usize, entry: &NounEntry, hits: &[ActorHit]) -> NounSides {
        let verbal_act = entry.code.get(..2).is_some_and(|r| r <= "12");
        let mut sides = NounSides::default();
        let read = |c: usize, r: DepRel, sides: &mut NounSides| match r {
            DepRel::NmodPoss => {
                sides.source = sides.source.or_else(|| self.actor(c, hits));
            }
            DepRel::Compound | DepRel::Amod if c < w => {
                sides.source = sides.source.or_else(|| self.actor(c, hits));
            }
            DepRel::Nmod | DepRel::Obl | DepRel::OblAgent => {
                let Some(prep) = self.case_of(c) else {
                    if r == DepRel::OblAgent {
                        sides.source = sides.source.or_else(|| self.actor(c, hits));
                    }
                    return;
                };
                if prep == "between" && entry.aims_with("between") {
                    if sides.target.is_none() {
                        sides.target = self.actor(c, hits);
                        sides.mutual = sides.target.is_some();
                    }
                } else if entry.aims_with(&prep) && (prep != "for" || self.asked_to(c)) {
                    sides.target = sides.target.or_else(|| self.actor(c, hits));
                } else if prep == "by" || prep == "of" || (prep == "from" && verbal_act) {
                    sides.source = sides.source.or_else(|| self.actor(c, hits));
                }
            }
            _ => {}
        };
        for (c, r) in self.children(w) {
            read(c, r, &mut sides);
        }
        // "the attack carried out by Hamas on Israel", "sanctions imposed on Iran"
        for (p, r) in self.children(w) {
            if r.base() == DepRel::Acl && self.upos(p) == Some(Upos::Verb) {
                for (c, r) in self.children(p) {
                    if matches!(r, DepRel::Obl | DepRel::OblAgent) {
                        read(c, r, &mut sides);
                    }
                }
            }
        }
        // "the attack by Hamas on Israel": the parser may hang the aimed phrase on the name
        // of who acts
        if sides.target.is_none() {
            for (c, r) in self.children(w) {
                let opens = |p: &str| self.case_of(c).as_deref() == Some(p);
                if r == DepRel::Nmod && (opens("by") || (opens("of") && !entry.aims_with("of"))) {
                    for (x, r) in self.children(c) {
                        if r == DepRel::Nmod
                            && self
                                .case_of(x)
                                .is_some_and(|p| p != "of" && entry.aims_with(&p))
                        {
                            sides.target = sides.target.or_else(|| self.actor(x, hits));
                        }
                    }
                }
            }
        }
        sides
    }

    /// Whether the phrase headed by `w` is the subject of an infinitive ("calls for Russia to
    /// withdraw"): a `for` phrase without one names what is asked for, not whom ("a call for a
    /// special prosecutor").
    fn asked_to(&self, w: usize) -> bool {
        self.children(w).any(|(x, r)| {
            matches!(r.base(), DepRel::Acl | DepRel::Xcomp) && self.infinitive_to(x).is_some()
        })
    }

    /// The preposition that opens the phrase headed by `w`, lower-cased.
    fn case_of(&self, w: usize) -> Option<String> {
        self.children(w)
            .find(|&(_, r)| r == DepRel::Case)
            .map(|(c, _)| self.lemma(c).to_ascii_lowercase())
    }

    /// The verb the noun at `w` hangs from, through the nouns its `of`-like phrases and
    /// conjunctions hang from ("condemnation and UN sanctions", "a new round of talks"), with
    /// the relation of the phrase to it.
    fn governing_verb(&self, w: usize) -> Option<(usize, DepRel)> {
        let mut at = w;
        for _ in 0..2 * DEPTH {
            let rel = self.rel(at)?;
            let head = self.head(at)?;
            if self.upos(head).is_some_and(verbal) {
                return Some((head, rel));
            }
            match rel.base() {
                DepRel::Conj | DepRel::Nmod | DepRel::Appos => at = head,
                _ => return None,
            }
        }
        None
    }

    /// Whether a nominal trigger of the verb dictionary at word `w` ("air" of "air strikes",
    /// "ceasefire") names an act the sentence does not say took place: as
    /// [`Tree::unreal_noun`], read at the noun its modifiers lead to, or argued for or against
    /// ("calls for a ceasefire", "protests against air strikes").
    pub fn unreal_trigger(&self, w: usize) -> bool {
        let mut at = w;
        for _ in 0..DEPTH {
            match (self.rel(at), self.head(at)) {
                (Some(DepRel::Compound | DepRel::Amod | DepRel::Flat), Some(h))
                    if self.upos(h) == Some(Upos::Noun) =>
                {
                    at = h
                }
                _ => break,
            }
        }
        self.case_of(at)
            .is_some_and(|p| ARGUED.contains(&p.as_str()))
            || self.unreal_noun(at)
    }

    /// Whether the sentence does not say the act of the noun at `w` took place: the noun is
    /// denied or marked as planned, or hangs (through conjunctions and `of` phrases) from a
    /// noun or verb of asking, planning, fearing, denying or undoing, or from a verb that is
    /// negated, modal or conditional, itself or the verb whose complement it completes.
    pub fn unreal_noun(&self, w: usize) -> bool {
        if self.promised_noun(w) {
            return false;
        }
        let is =
            |x: usize, list: &[&str]| list.iter().any(|l| self.lemma(x).eq_ignore_ascii_case(l));
        let marked = self.children(w).any(|(c, r)| match r {
            DepRel::Det => is(c, DENYING),
            // "the planned visit": a participle modifier reads as its verb does
            DepRel::Amod => {
                let form = self.form(c);
                UNREAL_MODIFIERS
                    .iter()
                    .any(|m| m.eq_ignore_ascii_case(form))
                    || is(c, UNREAL_MODIFIERS)
                    || (self.upos(c) == Some(Upos::Verb) && is(c, UNREAL_VERBS))
            }
            DepRel::Advmod => is(c, &["not", "never"]),
            _ => false,
        });
        if marked {
            return true;
        }
        let mut at = w;
        let mut on_verb = false;
        for _ in 0..3 * DEPTH {
            let (Some(rel), Some(head)) = (self.rel(at), self.head(at)) else {
                return false;
            };
            if on_verb && !matches!(rel.base(), DepRel::Xcomp | DepRel::Ccomp | DepRel::Conj) {
                return false;
            }
            if is(head, UNREAL_VERBS) || is(head, UNREAL_NOUNS) {
                return true;
            }
            if self.upos(head).is_some_and(verbal) {
                if self.mood_of(head) {
                    return true;
                }
                on_verb = true;
            } else if on_verb || !matches!(rel.base(), DepRel::Conj | DepRel::Nmod | DepRel::Appos)
            {
                return false;
            }
            at = head;
        }
        false
    }

    /// Whether the noun at `w` is the object of a verb that only says its act takes place,
    /// announced for later and in no other mood ("will hold talks", "are to sign an agreement"
    /// is not read): the act is promised, which CAMEO codes as an intent where it cooperates.
    pub fn promised_noun(&self, w: usize) -> bool {
        let Some(v) = self.head(w).filter(|_| self.rel(w) == Some(DepRel::Obj)) else {
            return false;
        };
        let support = SUPPORT_VERBS
            .iter()
            .any(|s| self.lemma(v).eq_ignore_ascii_case(s));
        let future = |c: usize| {
            let form = self.form(c).to_ascii_lowercase();
            matches!(form.as_str(), "will" | "shall" | "'ll")
        };
        let mut auxes = self.children(v).filter(|&(_, r)| r == DepRel::Aux);
        support
            && self.children(v).any(|(c, r)| r == DepRel::Aux && future(c))
            && auxes.all(|(c, _)| future(c) || !MODALS.contains(&self.lemma(c)))
            && !self.children(v).any(|(c, r)| {
                (r == DepRel::Advmod && matches!(self.lemma(c), "not" | "never" | "n't"))
                    || (r == DepRel::Mark && matches!(self.lemma(c), "if" | "unless" | "whether"))
            })
    }

    /// Whether the verb at `v` is negated, modal or conditional ("did not hold", "would
    /// impose", "if ... imposed").
    fn mood_of(&self, v: usize) -> bool {
        self.children(v).any(|(c, r)| {
            let lemma = self.lemma(c).to_ascii_lowercase();
            match r {
                DepRel::Advmod => matches!(lemma.as_str(), "not" | "never" | "n't"),
                DepRel::Aux => {
                    MODALS.contains(&lemma.as_str())
                        || MODALS.contains(&self.form(c).to_ascii_lowercase().as_str())
                }
                DepRel::Mark => matches!(lemma.as_str(), "if" | "unless" | "whether"),
                _ => false,
            }
        })
    }
}
