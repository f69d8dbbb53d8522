//! The speaker read from the dependency tree: the subject of the cue verb, the agent of a
//! passive cue, the object of "according to", through an apposition to the name it gives, and
//! up to the verb a subjectless cue hangs from ("..., the daily wrote, *adding*").
//!
//! The parser is greedy and wrong on about one word in six, so the tree is read only where it
//! is clear: a subject outside every quotation, a nominal head, a cue that is a verb. Where it
//! says nothing, [`super::attribute`]'s word patterns keep the answer they give.
//!
//! [`antecedent`] reads, from the same tree, whom a pronoun speaker stands for.

use std::ops::Range;

use chronicle_core::{DepRel, Syntax, Upos};

use super::doc::Doc;
use super::lexicon::{CueClass, WordClass};
use super::phrase::{Np, NpKind};

mod antecedent;
mod described;

pub use antecedent::Antecedent;

/// How many heads a cue without a subject of its own climbs ("adding" → "wrote").
const CLIMB: usize = 3;

/// A speaker phrase read from the tree: the phrase, its head token, and how it was read.
pub struct Reading {
    pub np: Np,
    pub head: usize,
    pub how: How,
}

/// How the tree tells a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The cue verb's own subject: a word pattern next to the cue may know better.
    Subject,
    /// A passive's agent, the object of "according to", or the subject of the verb a
    /// subjectless cue hangs from: what the words next to the cue are not.
    Marked,
}

/// The syntax layer of one article as the quotes stage reads it, with the quoted spans that a
/// speaker can never come from.
pub struct Tree<'a> {
    syntax: &'a Syntax,
    /// Byte spans of the article's quotations, in text order.
    quoted: &'a [Range<usize>],
}

impl<'a> Tree<'a> {
    /// The tree of `doc`, or `None` when the syntax stage did not run on these tokens.
    pub fn new(doc: &Doc, syntax: &'a Syntax, quoted: &'a [Range<usize>]) -> Option<Self> {
        (!syntax.is_empty() && syntax.tokens.len() == doc.tokens.len())
            .then_some(Tree { syntax, quoted })
    }

    /// The phrase that says what the cue at tokens `cue` frames, as the tree tells it.
    pub fn speaker(&self, doc: &Doc, cue: &Range<usize>, class: CueClass) -> Option<Reading> {
        let c = cue.start;
        if c >= self.syntax.tokens.len() {
            return None;
        }
        let (head, how) = match class {
            CueClass::Source => (self.source_of(cue)?, How::Marked),
            CueClass::Speech | CueClass::Naming => self.subject(doc, c, cue)?,
        };
        if self.inside_quote(doc, head) {
            return None;
        }
        let head = self.named_apposition(head);
        let np = self.phrase(doc, head);
        // "Flynn, a top Trump surrogate, said Thursday morning": a time is never the speaker.
        let timed = np.tokens.clone().any(|t| doc.is(t, WordClass::Time));
        let quoted =
            self.inside_quote(doc, np.tokens.start) || self.inside_quote(doc, np.tokens.end - 1);
        (!timed && !quoted).then_some(Reading { np, head, how })
    }

    /// The subject of the clause a colon at token `colon` ends, for a quotation that follows
    /// the colon with no cue of its own: "Sanders made the following comment: “...”" → Sanders;
    /// "The campaign released a statement: “...”" → the campaign. A clause headed by no verb
    /// ("A lesson from X:") or whose subject is a passive's ("The rule was stated:") gives none.
    /// With the reading comes the clause's verb, which stands as the cue.
    pub fn colon_subject(&self, doc: &Doc, colon: usize) -> Option<(Reading, usize)> {
        let syn = self.syntax;
        let mut v = match syn.head(colon) {
            Some(h) if h < colon => h,
            _ => colon.checked_sub(1)?,
        };
        // Up from the word before the colon to the nearest verb with a subject or an agent.
        let mut s = None;
        for _ in 0..CLIMB + 2 {
            if matches!(syn.upos(v), Some(Upos::Verb | Upos::Aux)) {
                s = syn
                    .children_by(v, DepRel::OblAgent)
                    .next()
                    .or_else(|| syn.children_by_base(v, DepRel::Nsubj).next())
                    .or_else(|| self.apposed_to_opening(doc, v));
                // A "subject" right after a verb is that verb's object, the word after it a
                // noun the parser took for a verb: "made *the following* remark:".
                let before = s.and_then(|s| self.phrase(doc, s).tokens.start.checked_sub(1));
                if let Some(b) = before.filter(|&b| syn.upos(b) == Some(Upos::Verb)) {
                    s = None;
                    v = b;
                    continue;
                }
                if s.is_some() {
                    break;
                }
            }
            match syn.head(v) {
                Some(h) if h < colon && h != v => v = h,
                _ => return None,
            }
        }
        let s = s?;
        let usable = s < colon
            && syn.deprel(s) != Some(DepRel::NsubjPass)
            && self.nominal(s)
            && !self.inside_quote(doc, s)
            && (syn.deprel(s) == Some(DepRel::OblAgent) || !self.marked_by_case(s));
        if !usable {
            return None;
        }
        let head = self.named_apposition(self.antecedent_of_relative(v, s)?);
        let np = self.phrase(doc, head);
        let timed = np.tokens.clone().any(|t| doc.is(t, WordClass::Time));
        (!timed).then_some((
            Reading {
                np,
                head,
                how: How::Marked,
            },
            v,
        ))
    }

    /// The name the parser hung in apposition to a phrase that opens the clause of verb `v`
    /// with a preposition, after a comma: "On the radio, Senator X made ..." read as "the radio,
    /// Senator X" leaves `v` without a subject, and X is it.
    fn apposed_to_opening(&self, doc: &Doc, v: usize) -> Option<usize> {
        let syn = self.syntax;
        syn.children_by_base(v, DepRel::Obl)
            .filter(|&o| o < v && self.marked_by_case(o))
            .flat_map(|o| syn.children_by(o, DepRel::Appos))
            .find(|&a| {
                a < v
                    && syn.upos(a) == Some(Upos::Propn)
                    && self
                        .phrase(doc, a)
                        .tokens
                        .start
                        .checked_sub(1)
                        .is_some_and(|c| {
                            doc.is_punct(c, ",")
                                || c.checked_sub(1).is_some_and(|cc| doc.is_punct(cc, ","))
                        })
            })
    }

    /// X of a source cue: the noun its last word marks ("in the words *of* X"), else the one
    /// its first word does ("*according* to X").
    fn source_of(&self, cue: &Range<usize>) -> Option<usize> {
        let last = cue.end.checked_sub(1)?;
        let marked = (cue.len() > 1 && self.syntax.deprel(last) == Some(DepRel::Case))
            .then(|| self.syntax.head(last))
            .flatten()
            .filter(|&x| x > last && self.nominal(x));
        marked.or_else(|| self.according_to(cue.start))
    }

    /// X of "according to X": the noun "according" is a case marker of.
    fn according_to(&self, c: usize) -> Option<usize> {
        let syn = self.syntax;
        let x = match syn.deprel(c)?.base() {
            DepRel::Case | DepRel::Mark => syn.head(c)?,
            _ => syn
                .children(c)
                .iter()
                .map(|&t| t as usize)
                .find(|&t| matches!(syn.deprel(t).map(DepRel::base), Some(DepRel::Obl)))?,
        };
        (x > c && self.nominal(x)).then_some(x)
    }

    /// The subject of the cue verb at `c`, the agent when it is passive, or the subject of the
    /// verb it hangs from when it has none of its own ("adding", "and added").
    fn subject(&self, doc: &Doc, c: usize, cue: &Range<usize>) -> Option<(usize, How)> {
        let syn = self.syntax;
        let mut v = c;
        for step in 0..CLIMB {
            let how = if step == 0 { How::Subject } else { How::Marked };
            if !matches!(syn.upos(v), Some(Upos::Verb | Upos::Aux)) {
                return None;
            }
            if step == 0 && self.reduced_relative(doc, v) {
                return self.participle_subject(doc, v).map(|s| (s, How::Marked));
            }
            if let Some(s) = syn.children_by_base(v, DepRel::Nsubj).next() {
                let s = match syn.deprel(s) {
                    // "X was quoted (by the agency) as saying" names the speaker, not whoever
                    // quotes; "Y was told" does not.
                    Some(DepRel::NsubjPass) if syn.lemma(v) == "quote" => s,
                    Some(DepRel::NsubjPass) => syn.children_by(v, DepRel::OblAgent).next()?,
                    _ => s,
                };
                let how = if syn.deprel(s) == Some(DepRel::OblAgent) {
                    How::Marked
                } else {
                    how
                };
                let s = self.antecedent_of_relative(v, s)?;
                let misread = how == How::Subject
                    && (self.marked_by_case(s) || self.after_preposition(doc, s));
                return (!cue.contains(&s) && self.nominal(s) && !misread).then_some((s, how));
            }
            if let Some(agent) = syn.children_by(v, DepRel::OblAgent).next() {
                return self.nominal(agent).then_some((agent, How::Marked));
            }

            // A participle after a comma continues the clause before it, however the parser
            // hung it ("..., *singing* “...”" as a parataxis, or from a word of the quotation).
            let participle = step == 0
                && doc.tok(v).ends_with("ing")
                && v.checked_sub(1).is_some_and(|c| doc.is_punct(c, ","));
            match syn.deprel(v)? {
                DepRel::Conj | DepRel::Advcl | DepRel::Xcomp | DepRel::Parataxis if participle => {
                    let h = syn.head(v)?;
                    v = if self.inside_quote(doc, h) {
                        self.verb_before_comma(doc, v)?
                    } else {
                        h
                    };
                }
                DepRel::Conj | DepRel::Advcl | DepRel::Xcomp => v = syn.head(v)?,
                _ => return None,
            }
        }
        None
    }

    /// The verb of the clause a comma before `v` ends: "the band leader *called* them to the
    /// stage, singing “...”", from the word before the comma up to its verb.
    fn verb_before_comma(&self, doc: &Doc, v: usize) -> Option<usize> {
        let syn = self.syntax;
        let comma = v.checked_sub(1).filter(|&c| doc.is_punct(c, ","))?;
        let mut t = comma.checked_sub(1)?;
        for _ in 0..CLIMB + 2 {
            if matches!(syn.upos(t), Some(Upos::Verb | Upos::Aux)) {
                return Some(t);
            }
            t = syn.head(t).filter(|&h| h < comma)?;
        }
        None
    }

    /// Whether the cue `v` modifies the noun right before it ("footage of Trump *saying*")
    /// rather than continuing its clause ("..., *adding*"): the parser's `acl`, or a
    /// participle that follows a name or noun with no comma between.
    fn reduced_relative(&self, doc: &Doc, v: usize) -> bool {
        let syn = self.syntax;
        let before = v.checked_sub(1).and_then(|b| syn.upos(b));
        // After a comma a participle continues the clause, whatever noun the parser hung it
        // from: "the band leader called them to the stage, *singing*".
        let comma = v.checked_sub(1).is_some_and(|b| doc.is_punct(b, ","));
        (syn.deprel(v) == Some(DepRel::Acl) && !comma)
            || (doc.tok(v).ends_with("ing") && matches!(before, Some(Upos::Propn | Upos::Noun)))
    }

    /// Who speaks in "footage of Trump *saying*", "a video of Clinton *asking*": the name or
    /// noun right before the participle, whatever noun the parser hung the participle from.
    /// A noun a place or time preposition governs ("she looked tired *in the house* saying")
    /// is where the clause happens, not who speaks: the participle continues its clause, whose
    /// subject speaks.
    fn participle_subject(&self, doc: &Doc, v: usize) -> Option<usize> {
        let syn = self.syntax;
        let mut n = v.checked_sub(1)?;
        if !self.nominal(n) {
            return None;
        }
        let start = self.phrase(doc, n).tokens.start;
        let placed = start.checked_sub(1).is_some_and(|b| {
            syn.upos(b) == Some(Upos::Adp) && !doc.tok(b).eq_ignore_ascii_case("of")
        });
        if placed && syn.upos(n) == Some(Upos::Noun) {
            return self.clause_subject_above(n);
        }
        // Up from the last word of a name to its head: "Hillary *Clinton*" → "Hillary".
        while matches!(syn.deprel(n), Some(DepRel::Flat | DepRel::Compound))
            && syn.head(n).is_some_and(|h| h < n && self.nominal(h))
        {
            n = syn.head(n)?;
        }
        Some(n)
    }

    /// The subject of the nearest verb above `n` that has one of its own, not a relative
    /// pronoun nor a passive's (but "quoted"'s): "Roe, 71, seemed tired in *the house*" → Roe;
    /// "Roe was quoted in *the paper*" → Roe.
    fn clause_subject_above(&self, n: usize) -> Option<usize> {
        let syn = self.syntax;
        let mut t = syn.head(n)?;
        for _ in 0..CLIMB + 2 {
            if matches!(syn.upos(t), Some(Upos::Verb | Upos::Aux | Upos::Adj))
                && let Some(s) = syn.children_by_base(t, DepRel::Nsubj).next()
            {
                // "X was quoted in the paper saying" names the speaker; "Y was told" not.
                let passive = syn.deprel(s) == Some(DepRel::NsubjPass) && syn.lemma(t) != "quote";
                let relative = matches!(syn.lemma(s), "who" | "which" | "that");
                return (!relative && !passive && self.nominal(s)).then_some(s);
            }
            t = syn.head(t)?;
        }
        None
    }

    /// "Smith, who said": the relative pronoun stands for the noun its clause modifies;
    /// `None` when the tree hangs the clause from no noun.
    fn antecedent_of_relative(&self, v: usize, s: usize) -> Option<usize> {
        let syn = self.syntax;
        let relative = matches!(syn.lemma(s), "who" | "which" | "that");
        match (relative, syn.deprel(v)) {
            (false, _) => Some(s),
            (true, Some(DepRel::AclRelcl)) => syn.head(v),
            (true, _) => None,
        }
    }

    /// Whether a preposition marks `t` ("with celebrity Barbra Streisand", "under a gray
    /// sky"): then it is no subject, whatever label the parser gave it.
    fn marked_by_case(&self, t: usize) -> bool {
        self.syntax.children_by(t, DepRel::Case).next().is_some()
    }

    /// Whether a preposition stands right before the phrase of `t` ("marching through *the
    /// streets* chanted"): a subject there is the parser's misreading.
    fn after_preposition(&self, doc: &Doc, t: usize) -> bool {
        let start = self.phrase(doc, t).tokens.start;
        start
            .checked_sub(1)
            .is_some_and(|b| self.syntax.upos(b) == Some(Upos::Adp))
    }

    /// The name in an apposition to a description, or a description's name in one:
    /// "a Pentagon spokesman, Pete Williams, said" → Williams.
    fn named_apposition(&self, s: usize) -> usize {
        let syn = self.syntax;
        if syn.upos(s) != Some(Upos::Noun) {
            return s;
        }
        syn.children_by(s, DepRel::Appos)
            .find(|&a| syn.upos(a) == Some(Upos::Propn))
            .unwrap_or(s)
    }

    fn nominal(&self, t: usize) -> bool {
        self.syntax.upos(t).is_some_and(Upos::is_nominal)
    }

    /// Whether token `t` lies inside a quotation.
    fn inside_quote(&self, doc: &Doc, t: usize) -> bool {
        let at = doc.start_of(t);
        let k = self.quoted.partition_point(|q| q.end <= at);
        self.quoted.get(k).is_some_and(|q| q.start <= at)
    }

    /// The mention headed by `h`: the head with its determiner, possessor, modifiers and the
    /// words of its name, without what follows a comma or a preposition ("Kenneth Baer, a
    /// former official"; "the mayor of Dallas" keeps "the mayor").
    fn phrase(&self, doc: &Doc, h: usize) -> Np {
        let syn = self.syntax;
        let (mut lo, mut hi) = (h, h);
        for &c in syn.children(h) {
            let c = c as usize;
            let keep = matches!(
                syn.deprel(c),
                Some(
                    DepRel::Det
                        | DepRel::DetPredet
                        | DepRel::Compound
                        | DepRel::Flat
                        | DepRel::Amod
                        | DepRel::NmodPoss
                        | DepRel::Nummod
                )
            );
            if !keep {
                continue;
            }
            let sub = syn.subtree(c);
            // A modifier's subtree never reaches over a comma into an apposition.
            if (sub.start..sub.end).any(|t| doc.is_punct(t, ",")) {
                continue;
            }
            if c < h {
                lo = lo.min(sub.start);
            } else if sub.start == hi + 1 {
                hi = sub.end - 1;
            }
        }
        // The rest of a name the parser hung elsewhere in the subtree ("Vann R. Newkirk II").
        let within = syn.subtree(h);
        if syn.upos(h) == Some(Upos::Propn) {
            while hi + 1 < within.end && doc.is_capitalised(hi + 1) {
                hi += 1;
            }
        }
        let kind = match syn.upos(h) {
            Some(Upos::Pron) => NpKind::Pronoun,
            Some(Upos::Propn) => NpKind::Name,
            _ if doc.is_capitalised(h) && (lo..=h).all(|t| !doc.is_lower_word(t)) => NpKind::Name,
            _ => NpKind::Described,
        };
        Np {
            tokens: lo..hi + 1,
            kind,
        }
    }
}
