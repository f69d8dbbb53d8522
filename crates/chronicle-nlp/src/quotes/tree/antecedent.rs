//! The person or group a pronoun speaker stands for, read from the subjects of the sentences
//! before it: the subject nearest the root of compatible gender ("he", "she") or number
//! ("they"), followed back through the same pronoun to the name that began the chain.

use std::ops::Range;

use chronicle_core::{Analysis, DepRel, EntityType, Gender, Upos};

use super::Tree;
use crate::quotes::doc::Doc;
use crate::quotes::lexicon::{CueClass, WordClass};
use crate::quotes::phrase::Np;

/// How many sentences before its own a pronoun looks for the subject it stands for.
const SENTENCES_BACK: usize = 2;
/// How many subjects that are the same pronoun again a pronoun follows back to its name.
const CHAIN: usize = 4;

/// The person a pronoun stands for, as the tree tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Antecedent {
    /// A referent of the names stage.
    Referent(usize),
    /// A name the tree heads as a subject and the names stage left out ("Ham made it clear").
    Name(Np),
    /// A description headed by a role word ("The minister spoke to reporters"): the holder
    /// of that role, as the article names one, or the description itself.
    Described(Np),
}

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// "he", "she": a person of that gender.
    Person(Gender),
    /// "they": an organisation, a group or several people.
    Group,
    /// "it": an organisation, a polity or a thing that speaks ("the report"), never a person.
    Thing,
}

impl Want {
    fn of(word: &str) -> Option<Want> {
        match word.to_ascii_lowercase().as_str() {
            "he" | "him" => Some(Want::Person(Gender::Male)),
            "she" | "her" => Some(Want::Person(Gender::Female)),
            "they" => Some(Want::Group),
            "it" => Some(Want::Thing),
            _ => None,
        }
    }
}

/// What a sentence's subject says about a pronoun after it.
enum Subject {
    /// The person it stands for, and the token of the subject that named it.
    Found(usize, Antecedent),
    /// The same pronoun at this token: the person is named before it.
    Chain(usize),
}

impl Tree<'_> {
    /// The person a "he" or "she" at token `p` stands for: the subject nearest its clause's
    /// root among the persons of compatible gender, outside quotations, in its own sentence
    /// before it, else in the sentences before ("While he acknowledged ... under Obama, *Ham*
    /// also noted ... “...,” he said" → Ham). A subject that is the same pronoun again ("He
    /// added a note of caution ...") is the same person: the search goes on before it. A
    /// subject the names stage missed is taken as the name the tree heads. `None` when no such
    /// subject is near: the names stage's link or the resolver's order then decides. With the
    /// antecedent comes the token of the nearest subject that stands for it (the pronoun that
    /// began a chain, else the name): how recently the narrative spoke of that person. A
    /// subject described by a role word ("the coach") counts where `named` tells the article
    /// names the person it stands for, of the pronoun's gender (`Some(true)`); a subject that
    /// describes one person of a fitting gender ("a spokesman for the trust", "the doctor")
    /// counts as itself where `named` tells the article names no one by it (`None`).
    pub fn subject_antecedent(
        &self,
        doc: &Doc,
        analysis: &Analysis,
        p: usize,
        named: &dyn Fn(&Np) -> Option<bool>,
    ) -> Option<(usize, Antecedent)> {
        let want = Want::of(doc.tok(p))?;
        let sentences = &analysis.sentence_tokens;
        let mut here = sentences.partition_point(|r| r.end <= p);
        let mut before = p;
        let mut hops = 0;
        let mut nearest = None;
        loop {
            let last = here.min(sentences.len().checked_sub(1)?);
            // Sentences wholly inside a quotation ("“She is a disgrace. She is a disgrace,” he
            // said") hold no subject of the narrative: they do not count against the reach.
            let found = (0..=last)
                .rev()
                .filter(|&s| s == last || !self.all_quoted(doc, sentences.get(s)))
                .take(SENTENCES_BACK + 1)
                .find_map(|s| {
                    let range = sentences.get(s)?;
                    let toks = range.start..range.end.min(before);
                    let subject = match want {
                        // In the pronoun's own sentence what stands before "it" is what it
                        // said ("Thailand enjoys strong fundamentals, it said"), not who.
                        Want::Thing if s == last => None,
                        Want::Thing => self.thing_subject_in(doc, analysis, toks.clone()),
                        _ => self.subject_in(doc, analysis, toks.clone(), want, hops > 0, named),
                    };
                    subject.or_else(|| {
                        // A sentence before the pronoun's that gives no fitting subject
                        // still offers the persons it names elsewhere, as its objects.
                        // Not one whose subject describes a person ("The 27-year-old
                        // said ... Farrell"): it is about that person.
                        (s != last && !self.described_subject(doc, toks.clone()))
                            .then(|| self.person_in(doc, analysis, toks, want))
                            .flatten()
                    })
                })?;
            match found {
                Subject::Chain(t) if hops < CHAIN => {
                    nearest = nearest.or(Some(t));
                    hops += 1;
                    before = t;
                    here = sentences.partition_point(|r| r.end <= t);
                }
                Subject::Chain(_) => return None,
                Subject::Found(t, a) => return Some((nearest.unwrap_or(t), a)),
            }
        }
    }

    /// The person named in apposition to subject `t` when `t` itself names none: "Ohio
    /// Democratic *Party* Chairman David Pepper called" (the parser heads the phrase at "Party"
    /// with the name in apposition) → Pepper; or after the "of" of a title that heads it:
    /// "*Secretary* of State John Kerry met" → Kerry; `t` otherwise.
    fn person_in_apposition(&self, analysis: &Analysis, doc: &Doc, t: usize) -> usize {
        let person = |k: usize| {
            doc.mention_at(&analysis.mentions, k)
                .and_then(|m| analysis.referents.get(m.referent))
                .is_some_and(|r| r.kind == EntityType::Person)
        };
        if person(t) {
            return t;
        }
        let apposed = self
            .syntax
            .children_by(t, DepRel::Appos)
            .find(|&a| person(a));
        apposed
            .or_else(|| self.person_after_title_of(doc, t, &person))
            .unwrap_or(t)
    }

    /// The person a capitalised title `t` followed by "of" holds the role of, named in the
    /// title's phrase before any comma: "Secretary of State John Kerry", "Director of Public
    /// Works Eric Hood".
    fn person_after_title_of(
        &self,
        doc: &Doc,
        t: usize,
        person: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let titled = doc.is(t, WordClass::Title)
            && doc.is_capitalised(t)
            && doc.tok(t + 1).eq_ignore_ascii_case("of");
        if !titled {
            return None;
        }
        let within = self.syntax.subtree(t);
        (t + 2..within.end.max(t + 2).min(t + 8))
            .take_while(|&k| doc.is_capitalised(k) || doc.tok(k).eq_ignore_ascii_case("of"))
            .find(|&k| person(k))
    }

    /// The name a relative "who" or "which" right after "Name," stands for, whatever the parser
    /// made of its clause: "DiCaprio, *who* lost to Foxx, will face him" read with "who" as the
    /// subject of the sentence's root "lost" → DiCaprio. `t` otherwise.
    fn relative_antecedent(&self, doc: &Doc, t: usize) -> usize {
        let syn = self.syntax;
        let relative = matches!(syn.lemma(t), "who" | "which");
        t.checked_sub(2)
            .filter(|_| relative && doc.is_punct(t - 1, ","))
            .filter(|&n| syn.upos(n) == Some(Upos::Propn) && doc.is_capitalised(n))
            .unwrap_or(t)
    }

    /// Whether the word before byte `at` is "the": "*The* Assistive Mouse Adapter is the
    /// brainchild of ..." names a thing, whatever type the names stage gave it, not a person a
    /// "he" can stand for. A title ("the President") is a person all the same.
    fn after_the(&self, doc: &Doc, at: usize) -> bool {
        let k = doc.tokens_in(at, at + 1).start;
        !doc.is(k, WordClass::Title)
            && k.checked_sub(1)
                .is_some_and(|b| doc.tok(b).eq_ignore_ascii_case("the"))
    }

    /// Whether every word of a sentence lies inside a quotation.
    fn all_quoted(&self, doc: &Doc, range: Option<&Range<usize>>) -> bool {
        range.is_some_and(|r| {
            (r.start..r.end)
                .filter(|&t| doc.kind(t) != Some(chronicle_core::TokenKind::Punct))
                .all(|t| self.inside_quote(doc, t))
        })
    }

    /// The subject nearest the root among tokens `toks` that can stand for what `want` asks: a
    /// person mention, a name the names stage missed, or the same pronoun; for "they", an
    /// organisation or group, or a plural noun ("Critics of the plan ... They wrote").
    fn subject_in(
        &self,
        doc: &Doc,
        analysis: &Analysis,
        toks: Range<usize>,
        want: Want,
        chained: bool,
        named: &dyn Fn(&Np) -> Option<bool>,
    ) -> Option<Subject> {
        let want = match want {
            Want::Person(g) => g,
            Want::Group => return self.group_subject_in(doc, analysis, toks),
            Want::Thing => return self.thing_subject_in(doc, analysis, toks),
        };
        let syn = self.syntax;
        toks.filter(|&t| syn.deprel(t).is_some_and(DepRel::is_subject))
            .filter_map(|t| Some((self.unmarked(doc, t)?, syn.head(t))))
            .map(|(t, verb)| (self.relative_antecedent(doc, t), verb))
            .map(|(t, verb)| (self.person_in_apposition(analysis, doc, t), verb))
            .filter(|&(t, _)| !self.inside_quote(doc, t))
            .filter_map(|(t, verb)| {
                let mention = doc.mention_at(&analysis.mentions, t);
                let subject = match mention {
                    Some(m) => {
                        let r = analysis.referents.get(m.referent)?;
                        let fits = r.kind == EntityType::Person
                            && !self.after_the(doc, m.span.start as usize)
                            && (r.gender == Gender::Unknown || r.gender == want);
                        if fits {
                            Subject::Found(t, Antecedent::Referent(m.referent))
                        } else if r.kind != EntityType::Person
                            && self.speaks_unknown(doc, t, verb, r, chained)
                        {
                            Subject::Found(t, Antecedent::Name(self.phrase(doc, t)))
                        } else {
                            return None;
                        }
                    }
                    None if syn.upos(t) == Some(Upos::Pron) => {
                        let same = match doc.tok(t).to_ascii_lowercase().as_str() {
                            "he" => want == Gender::Male,
                            "she" => want == Gender::Female,
                            _ => false,
                        };
                        same.then_some(Subject::Chain(t))?
                    }
                    None if syn.upos(t) == Some(Upos::Propn) && doc.is_capitalised(t) => {
                        Subject::Found(t, Antecedent::Name(self.phrase(doc, t)))
                    }
                    None if self.role_subject(doc, t)
                        && named(&self.phrase(doc, t)) == Some(true) =>
                    {
                        Subject::Found(t, Antecedent::Described(self.phrase(doc, t)))
                    }
                    // "Senator Dana Ruiz's press secretary would not comment": the secretary,
                    // not the senator the possessive names.
                    None if self.possessed_role(doc, t) => {
                        Subject::Found(t, Antecedent::Described(self.phrase(doc, t)))
                    }
                    // "A spokesman for the trust said ... “...,” he said", "said the group's
                    // spokeswoman. She added": one person the article names no one as.
                    None if self.one_person_described(doc, t, want)
                        && named(&self.phrase(doc, t)).is_none() =>
                    {
                        Subject::Found(t, Antecedent::Described(self.phrase(doc, t)))
                    }
                    None => return None,
                };
                Some((syn.ancestors(t).count(), subject))
            })
            .min_by_key(|(depth, _)| *depth)
            .map(|(_, s)| s)
    }

    /// Whether subject `t` is one person described by a role word after "the": "*the
    /// coach* was not impressed" (not "the coaches", not a capitalised title, which heads a
    /// name; not "a spokesman", someone new; not "the minister, Jan Novak,", whose name the
    /// apposition gives).
    fn role_subject(&self, doc: &Doc, t: usize) -> bool {
        let np = self.phrase(doc, t).tokens;
        let definite = np.start < t && doc.tok(np.start).eq_ignore_ascii_case("the");
        definite
            && self.syntax.upos(t) == Some(Upos::Noun)
            && doc.is(t, WordClass::Title)
            && doc.is_lower_word(t)
            && self.syntax.children_by(t, DepRel::Appos).next().is_none()
            && !doc.is_punct(np.end, ",")
    }

    /// Whether subject `t` is one person's role held for someone a possessive name before it
    /// names: "*Tony Blair's official spokesman*" (a "he" after it is the spokesman, not
    /// Blair; "her lawyer" is left to the names stage, which may know him); not when an apposition
    /// names the holder ("the governor's spokesman, Carl Webb,"), which then speaks.
    fn possessed_role(&self, doc: &Doc, t: usize) -> bool {
        let syn = self.syntax;
        let np = self.phrase(doc, t).tokens;
        let possessive = syn
            .children_by(t, DepRel::NmodPoss)
            .any(|c| c < t && c >= np.start && syn.upos(c) == Some(Upos::Propn));
        possessive
            && syn.upos(t) == Some(Upos::Noun)
            && doc.is(t, WordClass::Title)
            && doc.is_lower_word(t)
            && !self.plural_noun(doc, t)
            && syn.children_by(t, DepRel::Appos).next().is_none()
            && !doc.is_punct(np.end, ",")
    }

    /// The person the names stage found in tokens `toks` nearest the clause's root, in any
    /// role, who can stand for `want`: where a sentence before a pronoun's has no fitting
    /// subject ("That has not been true for the mayor, which worries *Paul Okafor*, chairman of
    /// the party."; "It became an issue, with *Mary Dunn* attacking the plan."), the pronoun
    /// after it stands for a person it names, as a reader takes it, before any person of the
    /// sentences further back. Only persons named, not inside quotations; "he" never stands
    /// for a "the"-led name.
    fn person_in(
        &self,
        doc: &Doc,
        analysis: &Analysis,
        toks: Range<usize>,
        want: Want,
    ) -> Option<Subject> {
        let Want::Person(want) = want else {
            return None;
        };
        if toks.is_empty() {
            return None;
        }
        let (from, to) = (doc.start_of(toks.start), doc.end_of(toks.end - 1));
        let first = analysis
            .mentions
            .partition_point(|m| (m.span.start as usize) < from);
        analysis.mentions[first..]
            .iter()
            .take_while(|m| (m.span.end as usize) <= to)
            .filter(|m| m.form == chronicle_core::MentionForm::Name)
            .filter(|m| {
                let at = m.span.start as usize;
                // "an Alan Shearer strike": a name that modifies a noun names no one there.
                let words = doc.tokens_in(at, m.span.end as usize);
                let modifier = words.clone().any(|k| {
                    self.syntax.deprel(k) == Some(DepRel::Compound)
                        && self.syntax.head(k).is_some_and(|h| !words.contains(&h))
                });
                analysis.referents.get(m.referent).is_some_and(|r| {
                    r.kind == EntityType::Person
                        && (r.gender == Gender::Unknown || r.gender == want)
                }) && !modifier
                    && !self.after_the(doc, at)
                    && !self.inside_quote(doc, doc.tokens_in(at, at + 1).start)
            })
            .map(|m| {
                let t = doc
                    .tokens_in(m.span.start as usize, m.span.start as usize + 1)
                    .start;
                (
                    self.syntax.ancestors(t).count(),
                    Subject::Found(t, Antecedent::Referent(m.referent)),
                )
            })
            .min_by_key(|(depth, _)| *depth)
            .map(|(_, s)| s)
    }

    /// Whether the subject of the sentence's root among tokens `toks` describes a person rather
    /// than naming one: a role word heads it ("the president referred to X", "a spokesman for
    /// X said"), an age does ("the 27-year-old"), or "the" opens a capitalised word ("the
    /// Australian"). Such a sentence is about the person named further back, not about the
    /// persons it names.
    fn described_subject(&self, doc: &Doc, toks: Range<usize>) -> bool {
        let syn = self.syntax;
        toks.filter(|&t| syn.deprel(t).is_some_and(DepRel::is_subject))
            .filter(|&t| !self.inside_quote(doc, t))
            .filter(|&t| syn.head(t).is_some_and(|v| syn.head(v).is_none()))
            .any(|t| {
                let np = self.phrase(doc, t).tokens;
                let opened = np.start < t
                    && matches!(
                        doc.tok(np.start).to_ascii_lowercase().as_str(),
                        "the" | "a" | "an" | "one" | "another"
                    );
                let role = doc.is(t, WordClass::Title) && syn.upos(t) == Some(Upos::Noun);
                let aged = np.clone().any(|k| doc.tok(k).ends_with("-old"))
                    || (np.start..t).any(|k| doc.tok(k).eq_ignore_ascii_case("year"));
                let demonym = doc.is_capitalised(t) && syn.upos(t) != Some(Upos::Propn);
                opened && (role || aged || demonym)
            })
    }

    /// The subject nearest the root among tokens `toks` that a "they" can stand for: an
    /// organisation or group the names stage found, a plural common noun, names joined by
    /// "and", or "they" again.
    fn group_subject_in(
        &self,
        doc: &Doc,
        analysis: &Analysis,
        toks: Range<usize>,
    ) -> Option<Subject> {
        let syn = self.syntax;
        toks.filter(|&t| syn.deprel(t).is_some_and(DepRel::is_subject))
            .filter(|&t| !self.inside_quote(doc, t) && self.unmarked(doc, t) == Some(t))
            .filter_map(|t| {
                let mention = doc.mention_at(&analysis.mentions, t);
                let joined = syn.children_by(t, DepRel::Conj).any(|c| self.nominal(c));
                let subject =
                    match mention.and_then(|m| Some((m, analysis.referents.get(m.referent)?))) {
                        Some((m, r))
                            if matches!(r.kind, EntityType::Org | EntityType::Norp) && !joined =>
                        {
                            Subject::Found(t, Antecedent::Referent(m.referent))
                        }
                        _ if joined || self.plural_noun(doc, t) => {
                            Subject::Found(t, Antecedent::Name(self.phrase(doc, t)))
                        }
                        None if doc.tok(t).eq_ignore_ascii_case("they") => Subject::Chain(t),
                        _ => return None,
                    };
                Some((syn.ancestors(t).count(), subject))
            })
            .min_by_key(|(depth, _)| *depth)
            .map(|(_, s)| s)
    }

    /// The subject nearest the root among tokens `toks` that an "it" can stand for: an
    /// organisation or polity the names stage found ("Harbor Foods reported a loss. “...,” it
    /// said"), or one thing described with "the" ("The ministry rejected the claim"), never a
    /// person nor a plural. A subject "it" is passed over, as often an empty one ("It is
    /// unclear whether ...") as the same thing again: the search goes on before it.
    fn thing_subject_in(
        &self,
        doc: &Doc,
        analysis: &Analysis,
        toks: Range<usize>,
    ) -> Option<Subject> {
        let syn = self.syntax;
        toks.filter(|&t| syn.deprel(t).is_some_and(DepRel::is_subject))
            .filter(|&t| syn.deprel(t) != Some(DepRel::NsubjPass))
            .filter(|&t| !self.inside_quote(doc, t) && self.unmarked(doc, t) == Some(t))
            .filter(|&t| syn.children_by(t, DepRel::Conj).next().is_none())
            // The subject of the main clause: "S&P said *the share transfer* would not hurt
            // the ratings" reports the transfer; S&P is the one "it" continues.
            .filter(|&t| syn.head(t).is_some_and(|v| syn.head(v).is_none()))
            .filter_map(|t| {
                let mention = doc.mention_at(&analysis.mentions, t);
                let subject =
                    match mention.and_then(|m| Some((m, analysis.referents.get(m.referent)?))) {
                        Some((m, r)) if matches!(r.kind, EntityType::Org | EntityType::Gpe) => {
                            Subject::Found(t, Antecedent::Referent(m.referent))
                        }
                        Some(_) => return None,
                        None if self.described_thing(doc, t) => {
                            Subject::Found(t, Antecedent::Name(self.phrase(doc, t)))
                        }
                        None => return None,
                    };
                Some((syn.ancestors(t).count(), subject))
            })
            .min_by_key(|(depth, _)| *depth)
            .map(|(_, s)| s)
    }

    /// Whether subject `t` is one thing or body described with "the": "*the ministry*", "*The
    /// report*"; not a person's role ("the minister"), not a plural.
    fn described_thing(&self, doc: &Doc, t: usize) -> bool {
        let np = self.phrase(doc, t).tokens;
        np.start < t
            && doc.tok(np.start).eq_ignore_ascii_case("the")
            && self.syntax.upos(t) == Some(Upos::Noun)
            && doc.is_lower_word(t)
            && !doc.is(t, WordClass::Title)
            && !self.plural_noun(doc, t)
    }

    /// Whether token `t` is the subject of a passive: "*it* was announced that ...", an empty
    /// "it" that names no speaker.
    pub fn passive_subject(&self, t: usize) -> bool {
        self.syntax.deprel(t) == Some(DepRel::NsubjPass)
    }

    /// Whether `t` is a common noun in the plural: its lemma is not the word ("critics" →
    /// "critic").
    pub(super) fn plural_noun(&self, doc: &Doc, t: usize) -> bool {
        let word = doc.tok(t);
        self.syntax.upos(t) == Some(Upos::Noun)
            && word.ends_with('s')
            && !self.syntax.lemma(t).eq_ignore_ascii_case(word)
    }

    /// Whether subject `t` of `verb`, which the names stage typed other than a person, speaks
    /// as one: a single name no dictionary knows (no actor code) that a speech cue has for
    /// subject ("Ham said", "McLenney said"), or that a "he" or "she" already continued
    /// (`chained`: "Melanie thought ... She was anxious ..."): a pronoun after it stands for it.
    fn speaks_unknown(
        &self,
        doc: &Doc,
        t: usize,
        verb: Option<usize>,
        r: &chronicle_core::Referent,
        chained: bool,
    ) -> bool {
        let syn = self.syntax;
        let single = !doc.is_capitalised(t + 1) && (t == 0 || !doc.is_capitalised(t - 1));
        let cue = verb
            .and_then(|v| doc.cue_at(v, v + 1))
            .is_some_and(|c| c.class == CueClass::Speech);
        r.actor.is_none() && single && syn.upos(t) == Some(Upos::Propn) && (cue || chained)
    }

    /// Subject `t`, unless a preposition opens it: then the parser read "In an interview with
    /// (host) X, Y said" as a subject X with Y hung from it after a comma, and Y is the subject.
    fn unmarked(&self, doc: &Doc, t: usize) -> Option<usize> {
        let syn = self.syntax;
        let sub = syn.subtree(t);
        let start = self.phrase(doc, t).tokens.start.min(sub.start);
        let marked = start
            .checked_sub(1)
            .into_iter()
            .chain((sub.start < t).then_some(sub.start))
            .any(|b| syn.upos(b) == Some(Upos::Adp));
        if !marked {
            return Some(t);
        }
        let comma = (t + 1..sub.end).rev().find(|&k| doc.is_punct(k, ","))?;
        let name = comma + 1;
        (name < sub.end && syn.upos(name) == Some(Upos::Propn) && doc.is_capitalised(name))
            .then_some(name)
    }
}
