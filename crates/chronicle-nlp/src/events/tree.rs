//! The sentence's dependency tree as the coder reads it: whether a word is used as a verb, who
//! the subject of a verb is (the `by` agent of a passive), what its objects are, and which
//! actor a noun phrase names, through its appositions, compounds and `of` phrases.
//!
//! Word `w` of a [`SentenceBuf`](super::sentence::SentenceBuf) is token `base + w` of the
//! article; the tree is used only when the two line up one to one (not after TABARI's comma
//! rules dropped words), and every look-up stays inside the sentence, so a malformed tree
//! gives no answer rather than a wrong index or a panic.

use chronicle_core::{Article, DepRel, Syntax, Token, Upos};

use super::actors::ActorHit;

mod actor_of;
mod control;
mod frames;
mod names;
mod nominal;
mod urging;

pub use frames::NounFrame;
pub use nominal::NounSides;

/// How deep the search for a noun phrase's actor follows appositions and `of` phrases.
const DEPTH: u8 = 3;

/// One sentence's view of the syntax layer.
#[derive(Clone, Copy)]
pub struct Tree<'a> {
    syn: &'a Syntax,
    body: &'a str,
    tokens: &'a [Token],
    base: usize,
    len: usize,
}

impl<'a> Tree<'a> {
    /// The tree of sentence `s` when the syntax stage ran and the coder's `words` are its tokens.
    pub fn of(article: &'a Article, s: usize, words: usize) -> Option<Tree<'a>> {
        let syn = &article.analysis.syntax;
        let range = article.analysis.sentence_tokens.get(s)?;
        if syn.is_empty() || range.len() != words || range.end > syn.tokens.len() {
            return None;
        }
        Some(Tree {
            syn,
            body: &article.body,
            tokens: &article.analysis.tokens,
            base: range.start,
            len: words,
        })
    }

    fn tok(&self, w: usize) -> usize {
        self.base + w
    }

    /// The word of token `t`, when it lies in the sentence.
    fn word(&self, t: usize) -> Option<usize> {
        (t >= self.base && t < self.base + self.len).then(|| t - self.base)
    }

    /// The words of the phrase word `w` heads (its subtree), as sentence word indices.
    fn phrase(&self, w: usize) -> std::ops::Range<usize> {
        let span = self.syn.subtree(self.tok(w));
        span.start.saturating_sub(self.base)..span.end.saturating_sub(self.base).min(self.len)
    }

    /// The part of speech of word `w`.
    pub fn upos(&self, w: usize) -> Option<Upos> {
        self.syn.upos(self.tok(w))
    }

    /// The relation of word `w` to its head.
    pub fn rel(&self, w: usize) -> Option<DepRel> {
        self.syn.deprel(self.tok(w))
    }

    /// The head of word `w`, `None` for the root.
    pub fn head(&self, w: usize) -> Option<usize> {
        self.syn.head(self.tok(w)).and_then(|t| self.word(t))
    }

    /// Whether the tree over word `w` is headed by a verb: a sentence whose root is a noun
    /// ("Indian farmers blocked highways" read as "farmers [who were] blocked") is one the
    /// parser took for a headline's noun phrase, and its modifiers are its verbs.
    pub fn verb_rooted(&self, w: usize) -> bool {
        let mut at = w;
        for _ in 0..self.len {
            match self.head(at) {
                Some(h) => at = h,
                None => break,
            }
        }
        self.upos(at).is_some_and(verbal)
    }

    /// The text of word `w` as the article spells it ("" when the token has no span there).
    pub fn form(&self, w: usize) -> &'a str {
        self.tokens
            .get(self.tok(w))
            .and_then(|t| self.body.get(t.span.start as usize..t.span.end as usize))
            .unwrap_or("")
    }

    /// The verb an infinitive completes, through a chain of them ("to help protect": "protect"
    /// completes "help"), or the verb at `w` itself when it completes none; `None` when the tree
    /// breaks off on the way.
    fn completed_verb(&self, w: usize) -> Option<usize> {
        let mut at = w;
        for _ in 0..DEPTH {
            if self.rel(at) != Some(DepRel::Xcomp) {
                break;
            }
            at = self.head(at)?;
        }
        Some(at)
    }

    /// The "to" that marks the verb at `w` as an infinitive, if one does.
    fn infinitive_to(&self, w: usize) -> Option<usize> {
        self.children(w)
            .find(|&(c, r)| r == DepRel::Mark && self.lemma(c).eq_ignore_ascii_case("to"))
            .map(|(c, _)| c)
    }

    /// The lemma of word `w`.
    pub fn lemma(&self, w: usize) -> &'a str {
        self.syn.lemma(self.tok(w))
    }

    /// The dependents of word `w`, with their relations, in text order.
    pub fn children(&self, w: usize) -> impl Iterator<Item = (usize, DepRel)> + '_ {
        self.syn
            .children(self.tok(w))
            .iter()
            .filter_map(move |&t| Some((self.word(t as usize)?, self.syn.deprel(t as usize)?)))
    }

    /// Whether the word at `w` has a preposition, determiner, possessive, number, adjective or
    /// noun modifier of its own ("mortar shells", "artillery shells"), or modifies another
    /// noun as the first half of a compound ("state party chairs"): a noun beyond doubt,
    /// whatever verb it is spelt like.
    pub fn marked_noun(&self, w: usize) -> bool {
        self.rel(w) == Some(DepRel::Compound)
            || self.children(w).any(|(_, r)| {
                matches!(r.base(), DepRel::Case | DepRel::Det | DepRel::NmodPoss)
                    || matches!(r, DepRel::Compound | DepRel::Nummod | DepRel::Amod)
            })
    }

    /// Whether a word of `start..end` has a possessive pronoun of its own ("his chancellor",
    /// "her deputy"): someone of the speaker's, not the speaker.
    pub fn pronoun_possessed(&self, start: usize, end: usize) -> bool {
        (start..end).any(|w| {
            self.children(w)
                .any(|(c, r)| r == DepRel::NmodPoss && self.upos(c) == Some(Upos::Pron))
        })
    }

    fn child(&self, w: usize, want: impl Fn(DepRel) -> bool) -> Option<usize> {
        self.children(w).find(|&(_, r)| want(r)).map(|(c, _)| c)
    }

    /// Whether the verb at `w` has an auxiliary or a direct object of its own ("having
    /// detained", "was held", "signed an agreement"): no bare passive participle.
    pub fn finite_or_transitive(&self, w: usize) -> bool {
        self.child(w, |r| {
            matches!(r, DepRel::Aux | DepRel::AuxPass | DepRel::Obj)
        })
        .is_some()
    }

    /// Whether word `w` heads a passive clause ("was blown up", "is held").
    pub fn passive(&self, w: usize) -> bool {
        self.child(w, |r| matches!(r, DepRel::NsubjPass | DepRel::AuxPass))
            .is_some()
            || self.reduced_passive(w)
    }

    /// A passive without its auxiliary: a verb with an agent (`obl:agent`, which only passives
    /// have: "..., backed by police and detention units"), or a participle that modifies a noun
    /// or a clause with a `by` phrase and no subject ("the deal offered by France").
    fn reduced_passive(&self, w: usize) -> bool {
        self.child(w, |r| r == DepRel::OblAgent).is_some()
            || (matches!(self.rel(w), Some(DepRel::Acl | DepRel::Advcl))
                && self.child(w, |r| r.base() == DepRel::Nsubj).is_none()
                && self.agent(w).is_some())
    }

    /// Whether the word at `w` is a relative pronoun ("which", "who"; "that" where it opens a
    /// relative clause) standing for a noun before it, never for a speaker. The parser may hang
    /// the clause as a conjunct ("doses of vaccine, which can meet the demand").
    pub fn relative(&self, w: usize) -> bool {
        if !self
            .upos(w)
            .is_some_and(|u| matches!(u, Upos::Pron | Upos::Det))
        {
            return false;
        }
        match self.lemma(w).to_ascii_lowercase().as_str() {
            "which" | "who" | "whom" | "whose" => true,
            "that" => self
                .head(w)
                .is_some_and(|v| self.rel(v) == Some(DepRel::AclRelcl)),
            _ => false,
        }
    }

    /// The noun a relative clause headed by the verb at `v` modifies ("vaccine" of "vaccine,
    /// which can meet the demand"). The parser may hang the clause from its noun by another
    /// relation ("The rebels, who seized Goma, rejected", read as a parataxis of "rebels").
    pub fn relative_antecedent(&self, v: usize) -> Option<usize> {
        let h = self.head(v)?;
        let nominal = self
            .upos(h)
            .is_some_and(|u| matches!(u, Upos::Noun | Upos::Propn | Upos::Pron));
        (self.rel(v) == Some(DepRel::AclRelcl) || (h < v && nominal)).then_some(h)
    }

    /// The noun modified by a relative clause set off by commas that holds word `x` and ends
    /// before the verb at `v` ("Hamas" of "Hamas, which attacked Israeli troops, threatened"): a
    /// name inside that clause acts in it, and the clause's noun is who the words before `v`
    /// name. A clause with no closing comma may be the parser's mistake ("ties that nose-dived
    /// after the nation detained", read with "nation" inside the clause), and is not asked.
    pub fn relative_noun(&self, x: usize, v: usize) -> Option<usize> {
        let mut at = x;
        for _ in 0..self.len {
            if self.holds(at, v) {
                return None;
            }
            if self.rel(at) == Some(DepRel::AclRelcl) {
                // the closing comma hangs from the clause or from the noun
                let end = self.phrase(at).end;
                let comma = |w: usize| self.upos(w) == Some(Upos::Punct) && self.lemma(w) == ",";
                let closed = end <= v && (comma(end - 1) || (end < v && comma(end)));
                // a clause headed by no predicate ("a day in which she repeatedly, ...
                // criticized", read with "repeatedly" as its head) is the parser's mistake
                let predicate = self.upos(at).is_some_and(verbal)
                    || self.child(at, |r| r == DepRel::Cop).is_some();
                return self.head(at).filter(|&n| closed && predicate && n < v);
            }
            at = self.head(at)?;
        }
        None
    }

    /// The place hit a passive verb at `w` acts on: its subject ("Goma was seized"), the noun
    /// its relative pronoun stands for ("Lubumbashi, which was captured"), or the noun it
    /// modifies as a participle ("Kunduz, captured by the Taliban"). A pattern that needs ground
    /// after an active verb finds it there.
    pub fn passive_ground(&self, w: usize, hits: &[ActorHit]) -> Option<usize> {
        if !self.passive(w) {
            return None;
        }
        let mut noun = match self.child(w, |r| r == DepRel::NsubjPass) {
            Some(x) if self.relative(x) => self.relative_antecedent(w)?,
            Some(x) => x,
            None if self.rel(w) == Some(DepRel::Acl) => self.head(w)?,
            None => return None,
        };
        let place = |x: usize| hit_holding(hits, x).filter(|&k| hits[k].place.is_some());
        // "Lubumbashi, Zaire's second city and its economic hub, which was captured": the
        // relative hangs from a description set beside the place's name
        for _ in 0..DEPTH {
            if let Some(k) = place(noun) {
                return Some(k);
            }
            match (self.rel(noun), self.head(noun)) {
                (Some(DepRel::Appos | DepRel::Conj), Some(h)) if h < noun => noun = h,
                _ => return None,
            }
        }
        None
    }

    /// The actor a pronoun subject of the verb at `w` stands for when the names stage linked it
    /// to none: in a reported clause, the speaker ("Norway said it would provide aid").
    pub fn pronoun_actor(&self, w: usize, hits: &[ActorHit]) -> Option<usize> {
        let mut at = w;
        for _ in 0..DEPTH {
            let rel = self.rel(at)?;
            at = self.head(at)?;
            if rel == DepRel::Ccomp {
                return self
                    .subject(at, hits)
                    .and_then(|x| self.subject_actor(x, hits));
            }
        }
        None
    }

    /// The actor who reports the clause of the verb at `w`: the subject of the saying verb
    /// whose complement the verb is, or is joined to ("Police said [three men were arrested]").
    /// Not someone's own spokesman ("his spokesman said"), who speaks for the one acted on.
    pub fn reporter_actor(&self, w: usize, hits: &[ActorHit]) -> Option<usize> {
        const SAYING: &[&str] = &[
            "say", "tell", "announce", "report", "confirm", "state", "add",
        ];
        let mut at = w;
        for _ in 0..DEPTH {
            let rel = self.rel(at)?;
            at = self.head(at)?;
            match rel {
                DepRel::Ccomp => {
                    let saying = SAYING
                        .iter()
                        .any(|s| self.lemma(at).eq_ignore_ascii_case(s));
                    let subject = self.subject(at, hits).filter(|_| saying)?;
                    if self.pronoun_possessed(subject, subject + 1) {
                        return None;
                    }
                    return self.subject_actor(subject, hits);
                }
                DepRel::Conj | DepRel::Xcomp => {}
                _ => return None,
            }
        }
        None
    }

    /// Whether word `x` lies in the phrase headed by `w`.
    pub fn holds(&self, w: usize, x: usize) -> bool {
        self.phrase(w).contains(&x)
    }

    /// Where the noun phrase an actor mention ending at word `end` (exclusive) belongs to ends:
    /// the mention may be a modifier of a noun after it ("the Iraqi nation", "Iraq's people",
    /// "Syrian government officials"), so that a pattern's word after its actor slot ("called
    /// on the Iraqi nation to") is read after the whole phrase. `end` itself when the mention
    /// heads its phrase, or is a possessive pronoun ("told his advisers to": the advisers are
    /// not him).
    pub fn modified_noun_end(&self, end: usize) -> usize {
        const REACH: usize = 3;
        let Some(mut at) = end.checked_sub(1) else {
            return end;
        };
        if self.upos(at) == Some(Upos::Pron) {
            return end;
        }
        while let (Some(h), Some(r)) = (self.head(at), self.rel(at)) {
            // a name before a singular noun names a thing of its own ("the EU budget"), before a
            // plural one its members ("G8 nations", "UN organizations")
            let plural = || !self.form(h).eq_ignore_ascii_case(self.lemma(h));
            let modifier = match r {
                DepRel::Amod | DepRel::NmodPoss | DepRel::Flat => true,
                DepRel::Compound => plural(),
                _ => false,
            };
            let noun = matches!(self.upos(h), Some(Upos::Noun | Upos::Propn));
            if !modifier || !noun || h <= at || h > at + REACH {
                break;
            }
            at = h;
        }
        end.max(at + 1)
    }

    /// Whether words `from..to` may stand before an actor mention in the phrase an actor slot
    /// reads ("the", "four", "its own", "by the", "with visiting"): nothing that opens a clause
    /// of its own, an infinitive's "to" or a complementizer ("tried to explain her support
    /// for" tries no one; "questioning whether Obama would").
    pub fn opens_no_clause(&self, from: usize, to: usize) -> bool {
        (from..to).all(|w| {
            self.rel(w) != Some(DepRel::Mark)
                || !matches!(self.lemma(w), "to" | "that" | "whether" | "if")
        })
    }

    /// The words of the verb at `w`'s direct object phrase (empty when it has none).
    pub fn object_span(&self, w: usize) -> std::ops::Range<usize> {
        self.child(w, |r| r == DepRel::Obj)
            .map_or(0..0, |o| self.phrase(o))
    }

    /// The agent of a passive: the `obl:agent` ("by the rebels"), or an `obl` opened by "by".
    pub fn agent(&self, w: usize) -> Option<usize> {
        self.child(w, |r| r == DepRel::OblAgent).or_else(|| {
            self.children(w)
                .find(|&(c, r)| r == DepRel::Obl && self.case_is(c, "by"))
                .map(|(c, _)| c)
        })
    }

    /// Whether the noun at `w` is opened by the preposition `prep`.
    pub fn case_is(&self, w: usize, prep: &str) -> bool {
        self.children(w)
            .any(|(c, r)| r == DepRel::Case && self.lemma(c).eq_ignore_ascii_case(prep))
    }

    /// The phrases that can name the target of the verb at `w`, nearest first: objects, then
    /// prepositional phrases after it (not times, not the passive's agent, not a role opened by
    /// `as`).
    pub fn objects(&self, w: usize) -> impl Iterator<Item = usize> + '_ {
        let objects = self
            .children(w)
            .filter(|&(_, r)| matches!(r, DepRel::Obj | DepRel::Iobj))
            .map(|(c, _)| c);
        // "met as secretary of state": an `as` phrase names a role, not who is acted on; a
        // phrase before the verb sets the scene ("At the end of his Middle East trip, Mr Blair
        // said"), and what a verb acts on follows it
        let obliques = self
            .children(w)
            .filter(move |&(c, r)| {
                matches!(r, DepRel::Obl | DepRel::OblNpmod) && c > w && !self.case_is(c, "as")
            })
            .map(|(c, _)| c);
        objects.chain(obliques)
    }

    /// The end (exclusive) of the verb at `w`'s own clause: its dependents' phrases (what it
    /// reports, its purpose and means included), without the verbs joined to it. How far a
    /// target read from the words may lie ("Unions oppose the plans but Mr Brown said" does
    /// not target Mr Brown).
    pub fn clause_end(&self, w: usize) -> usize {
        self.children(w)
            .filter(|&(c, r)| match r.base() {
                DepRel::Conj | DepRel::Parataxis => !self.upos(c).is_some_and(verbal),
                DepRel::Punct | DepRel::Cc => false,
                _ => true,
            })
            .map(|(c, _)| self.phrase(c).end)
            .fold(w + 1, usize::max)
    }

    /// Whether any word of what the verb at `w` says satisfies `is`: its clausal complements,
    /// open complements and obliques ("said [the plan would fail]", "described the talks [as
    /// a failure]"), or, for an aside ("..., X said"), the clause it is the aside of.
    pub fn says_any(&self, w: usize, is: impl Fn(usize) -> bool) -> bool {
        let complement = self
            .children(w)
            .filter(|&(_, r)| {
                matches!(
                    r.base(),
                    DepRel::Ccomp | DepRel::Parataxis | DepRel::Xcomp | DepRel::Obl
                )
            })
            .any(|(c, _)| self.phrase(c).any(&is));
        let aside = self.rel(w) == Some(DepRel::Parataxis)
            && self.head(w).is_some_and(|h| {
                let (outer, own) = (self.phrase(h), self.phrase(w));
                (outer.start..own.start).chain(own.end..outer.end).any(&is)
            });
        complement || aside
    }

    /// Whether word `x`, said by the verb at `w`, lies in a clause of someone else's inside
    /// what it says: below a second clause with a subject of its own ("said [he was unlikely to
    /// meet him [because the British government cast Israel as reckless]]"). The words of the
    /// complement's own predicate ("said [the movements were reckless]") are the speaker's.
    pub fn nested_clause(&self, x: usize, w: usize) -> bool {
        let mut clauses = 0;
        let mut at = x;
        for _ in 0..self.len {
            let Some(h) = self.head(at) else { return false };
            let clausal = matches!(
                self.rel(at).map(|r| r.base()),
                Some(DepRel::Ccomp | DepRel::Advcl | DepRel::Acl | DepRel::Parataxis)
            );
            if clausal && self.child(at, |r| r.base() == DepRel::Nsubj).is_some() {
                clauses += 1;
            }
            if h == w {
                return clauses >= 2;
            }
            at = h;
        }
        false
    }

    /// Whether the verb at `w` reports speech or thought about another clause: it has a clausal
    /// complement ("said [Y attacked Z]") or is the aside of one ("Y attacked Z, [X said]").
    pub fn reports(&self, w: usize) -> bool {
        self.child(w, |r| matches!(r, DepRel::Ccomp | DepRel::Parataxis))
            .is_some_and(|c| self.upos(c).is_some_and(verbal))
            || (self.rel(w) == Some(DepRel::Parataxis)
                && self
                    .head(w)
                    .is_some_and(|h| self.upos(h).is_some_and(verbal)))
    }

    /// The words of the subject of the clause the reporting verb at `w` reports on ("said [the
    /// EU commission's proposal] would mean a rise"), or `None` when the verb reports no clause
    /// or that clause names no subject.
    pub fn reported_subject(&self, w: usize) -> Option<std::ops::Range<usize>> {
        let clause = self
            .child(w, |r| matches!(r, DepRel::Ccomp | DepRel::Parataxis))
            .filter(|&c| self.upos(c).is_some_and(verbal))
            .or_else(|| {
                (self.rel(w) == Some(DepRel::Parataxis))
                    .then(|| self.head(w))
                    .flatten()
            })?;
        let subject = self.child(clause, |r| r.base() == DepRel::Nsubj)?;
        Some(self.phrase(subject))
    }

    /// Whether word `x` lies in the clause that the reporting verb at `w` reports on.
    pub fn reported_by(&self, x: usize, w: usize) -> bool {
        if self.rel(w) == Some(DepRel::Parataxis) && self.head(w) == Some(x) {
            return true;
        }
        let mut at = x;
        for _ in 0..self.len {
            let Some(h) = self.head(at) else { return false };
            if h == w {
                return matches!(self.rel(at), Some(DepRel::Ccomp | DepRel::Parataxis));
            }
            at = h;
        }
        false
    }

    /// The sides of a nominal trigger spanning words `start..end` ("the US military
    /// operations", "Russian air strikes on Aleppo"), read from the noun the phrase is headed
    /// by: the source from its own possessive, compound, adjective or `by` phrase, else, when
    /// the noun is the object or an oblique of an active verb ("launched a military campaign",
    /// "flew over the peninsula in a show of force"), that verb's subject; the target from its
    /// own `on`/`against`/`into`/`in`/`with` phrase. A noun phrase next to an
    /// actor is no act of that actor ("Tunisia's ambiguity towards ... military operations").
    pub fn nominal_sides(
        &self,
        start: usize,
        end: usize,
        hits: &[ActorHit],
    ) -> (Option<usize>, Option<usize>) {
        let inside = |w: usize| w >= start && w < end;
        let content = |w: usize| {
            !matches!(
                self.upos(w),
                Some(Upos::Adp | Upos::Det | Upos::Punct | Upos::Cconj | Upos::Part) | None
            )
        };
        let Some(head) = (start..end.min(self.len))
            .rev()
            .find(|&w| content(w) && self.head(w).is_none_or(|h| !inside(h)))
        else {
            return (None, None);
        };
        let own = |want: &dyn Fn(usize, DepRel) -> bool| {
            self.children(head)
                .filter(|&(c, r)| !inside(c) && want(c, r))
                .find_map(|(c, _)| self.actor(c, hits))
        };
        // the verb whose object or oblique the phrase is, through `of` ("opened a new round of
        // peace negotiations"), when that verb is active
        let governing = (|| {
            let mut phrase = head;
            for _ in 0..DEPTH {
                if self.rel(phrase) == Some(DepRel::Nmod) && self.case_is(phrase, "of") {
                    phrase = self.head(phrase)?;
                }
            }
            let verb = self.head(phrase).filter(|&v| !self.passive(v))?;
            // "comes after reports that ...", "attacked during talks": a phrase that only
            // places the verb in time is no act of its subject
            let timed = || SITUATING.iter().any(|p| self.case_is(phrase, p));
            match self.rel(phrase)? {
                DepRel::Obj => Some((verb, phrase)),
                DepRel::Obl if !timed() => Some((verb, phrase)),
                _ => None,
            }
        })();
        let source = own(&|c, r| {
            matches!(r, DepRel::NmodPoss | DepRel::Compound | DepRel::Amod)
                || (r == DepRel::Nmod && self.case_is(c, "by"))
        })
        .or_else(|| {
            let (v, _) = governing?;
            self.subject(v, hits)
                .and_then(|x| self.subject_actor(x, hits))
        });
        let aimed = |c: usize, r: DepRel| {
            r == DepRel::Nmod
                && ["on", "against", "into", "in", "with"]
                    .iter()
                    .any(|p| self.case_is(c, p))
        };
        let target = own(&aimed)
            .or_else(|| {
                // "a new round of peace negotiations with the rebels": the phrase's `with`
                // may hang on any noun of its `of` chain, which one being the parser's guess
                let mut noun = head;
                for _ in 0..DEPTH {
                    if self.rel(noun) != Some(DepRel::Nmod) || !self.case_is(noun, "of") {
                        return None;
                    }
                    noun = self.head(noun)?;
                    let found = self
                        .children(noun)
                        .filter(|&(c, r)| !inside(c) && aimed(c, r))
                        .find_map(|(c, _)| self.actor(c, hits));
                    if found.is_some() {
                        return found;
                    }
                }
                None
            })
            .or_else(|| {
                // "opened negotiations with the rebels", the parse hanging "with" on the verb
                let (v, phrase) = governing?;
                self.objects(v)
                    .filter(|&x| x != phrase)
                    .filter_map(|x| self.target_actor(x, hits))
                    .find(|&k| Some(k) != source)
            });
        (source, target)
    }
}

/// Prepositions of an oblique that situates a verb in time or circumstance rather than naming
/// what its subject does.
const SITUATING: &[&str] = &[
    "after",
    "before",
    "since",
    "until",
    "despite",
    "amid",
    "during",
    "following",
    "ahead",
];

/// Verbs and auxiliaries head clauses.
fn verbal(u: Upos) -> bool {
    matches!(u, Upos::Verb | Upos::Aux)
}

/// The hit whose words hold word `w`.
fn hit_holding(hits: &[ActorHit], w: usize) -> Option<usize> {
    hits.iter().position(|h| h.start <= w && w < h.end)
}
