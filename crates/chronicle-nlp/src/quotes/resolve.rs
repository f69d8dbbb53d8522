//! From a speaker phrase to a speaker: the canonical name and actor code of the referent the
//! names stage found there, or, while that layer is empty, the fullest name the article writes
//! for it ("Choe" → "Choe Son Hui") and the last person before a pronoun.

use std::ops::Range;

use chronicle_core::{Analysis, ByteSpan, EntityType};

use super::doc::Doc;
use super::lexicon::WordClass;
use super::phrase::{Np, NpKind};
use super::roles::{one_person_role, role_gender, title_names_person};
use super::runs::{is_acronym, names_other_than_a_person, person_runs, strip_titles};

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name, or the description as written ("a campaign spokesman").
    pub name: String,
    /// CAMEO actor code, when the names stage gave one.
    pub actor: Option<String>,
    /// Whether it is a person (pronouns "he"/"she" resolve only to persons).
    pub person: bool,
    /// The gender the names stage gave its referent, when it gave one.
    pub gender: Option<Gender>,
}

/// Resolves speaker phrases of one article, remembering the speakers seen so far.
pub struct Resolver<'a, 'd> {
    doc: &'a Doc<'d>,
    analysis: &'a Analysis,
    /// Person-like capitalised runs of the article, titles stripped, in text order.
    names: Vec<Range<usize>>,
    /// Mentions of those persons outside quotations, by full name or by one of its words
    /// ("Fowler" for "Don Fowler"): (first token, index into `names`), in text order.
    mentions: Vec<(usize, usize)>,
    /// The last person and the last speaker attributed, with the token where it was named.
    last_person: Option<(usize, Speaker)>,
    last_speaker: Option<(usize, Speaker)>,
    /// Whether the last speaker was read from a name or a pronoun, not a description.
    last_speaker_named: bool,
    /// The last person attributed through a name or a pronoun, not a description.
    last_named: Option<(usize, Speaker)>,
    /// Genders learnt from titles ("Mr.") and from pronouns that resolved to a name.
    genders: Vec<(String, Gender)>,
    /// Byte spans of the article's quotations, in text order.
    quoted: &'a [Range<usize>],
}

/// How far back (in tokens) a pronoun looks for a person.
const PRONOUN_REACH: usize = 400;

/// A person's grammatical gender, as far as the article tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl<'a, 'd> Resolver<'a, 'd> {
    /// A resolver over `doc`, using the names layers of `analysis` when they are filled.
    /// `quoted` lists the byte spans of the article's quotations: names inside them are not
    /// antecedents of the pronouns outside.
    pub fn new(doc: &'a Doc<'d>, analysis: &'a Analysis, quoted: &'a [Range<usize>]) -> Self {
        let names = person_runs(doc)
            .into_iter()
            .filter(|run| !names_other_than_a_person(doc, analysis, run))
            .collect();
        let mut resolver = Resolver {
            doc,
            analysis,
            names,
            mentions: Vec::new(),
            last_person: None,
            last_speaker: None,
            last_speaker_named: false,
            last_named: None,
            genders: Vec::new(),
            quoted,
        };
        resolver.find_mentions(quoted);
        resolver
    }

    /// Records `speaker` as the latest one, named at token `at`, for pronouns after it.
    /// `named` tells a speaker read from a name (or a pronoun standing for one) from a
    /// description ("one questioner").
    pub fn remember(&mut self, speaker: &Speaker, at: usize, named: bool) {
        if speaker.person {
            self.last_person = Some((at, speaker.clone()));
            if named {
                self.last_named = Some((at, speaker.clone()));
            }
        }
        self.last_speaker = Some((at, speaker.clone()));
        self.last_speaker_named = named;
    }

    /// The last person attributed a quotation by name after token `after`, named before the
    /// pronoun at token `p`, when the pronoun's gender fits what is known of that person's.
    pub fn speaker_since(&self, after: usize, p: usize) -> Option<Speaker> {
        let (at, s) = self.last_named.as_ref()?;
        if *at <= after || *at >= p {
            return None;
        }
        let gender = pronoun_gender(self.doc.tok(p))?;
        let known = self.gender(&s.name).or(s.gender);
        known.is_none_or(|g| g == gender).then(|| s.clone())
    }

    /// The last speaker, when it is one person described, not named ("the group's
    /// spokeswoman", "a doctor"), read after token `after` and before the "he" or "she" at
    /// token `p`, of a gender the role word lets it be: "“...,” said the group's spokeswoman.
    /// She added" → the spokeswoman, whom the parser reads as the object of "said".
    pub fn described_since(&self, after: usize, p: usize) -> Option<Speaker> {
        let (at, s) = self.last_speaker.as_ref()?;
        let gender = pronoun_gender(self.doc.tok(p))?;
        if self.last_speaker_named || !s.person || *at <= after || *at >= p {
            return None;
        }
        // Only a description in the pronoun's sentence or the one before it, and none that a
        // name in apposition holds ("The minister of the economy, Mr. Vidal, argues"): that
        // name spoke.
        let doc = self.doc;
        let sentences_back = doc
            .sentence_index(doc.start_of(p))
            .saturating_sub(doc.sentence_index(doc.start_of(*at)));
        let head = s.name.rsplit(' ').next()?.to_lowercase();
        let h = (*at..p.min(at + 8)).find(|&k| doc.tok(k).eq_ignore_ascii_case(&head))?;
        let one_person =
            one_person_role(&head) || (doc.is(h, WordClass::Title) && title_names_person(&head));
        if sentences_back > 1 || !one_person || self.name_in_apposition(h, p) {
            return None;
        }
        let fits = match role_gender(&head) {
            Some(chronicle_core::Gender::Female) => gender == Gender::Female,
            Some(chronicle_core::Gender::Male) => gender == Gender::Male,
            _ => true,
        };
        fits.then(|| s.clone())
    }

    /// Whether a name follows the description headed at token `h` after a comma, before any
    /// cue and within a few words ("the minister of the economy, Mr. Vidal,", "the highest
    /// ranking judge in the state, Lynn Ortiz"), before token `limit`.
    fn name_in_apposition(&self, h: usize, limit: usize) -> bool {
        let doc = self.doc;
        (h + 1..(h + 7).min(limit))
            .take_while(|&k| doc.cue_at(k, limit).is_none())
            .find(|&k| doc.is_punct(k, ","))
            .is_some_and(|c| doc.is_capitalised(c + 1))
    }

    /// The last speaker, attributed after token `after` and before the "it" at token `p`,
    /// when it is no person named: "The government has set up seven groups, according to the
    /// Daily. “...,” it said" → the Daily, whose report the sentence gives, not the government.
    pub fn body_since(&self, after: usize, p: usize) -> Option<Speaker> {
        let (at, s) = self.last_speaker.as_ref()?;
        let person = self.last_speaker_named && s.person;
        (*at > after && *at < p && !person).then(|| s.clone())
    }

    /// Whether `speaker` can be what the pronoun at token `p` stands for: a person not of the
    /// other gender, as far as the article tells.
    pub fn fits_pronoun(&self, speaker: &Speaker, p: usize) -> bool {
        let Some(want) = pronoun_gender(self.doc.tok(p)) else {
            return true;
        };
        speaker.person
            && self
                .gender(&speaker.name)
                .or(speaker.gender)
                .is_none_or(|g| g == want)
    }

    /// The person a definite description stands for, when the article names one: the holder
    /// of its role ("the minister" after "Minister Karl Brandt") or the referent the names
    /// stage put on it; `None` for an indefinite one ("a senior minister") or one it names
    /// no one by.
    pub fn holder(&self, np: &Np) -> Option<Speaker> {
        if np.kind != NpKind::Described || self.indefinite(np) {
            return None;
        }
        let span = self.byte_span(&np.tokens);
        self.role_holder(np).or_else(|| {
            self.referent_at(np, span)
                .filter(|&r| self.description_fits(np, r))
                .and_then(|r| self.speaker_of(r))
        })
    }

    /// The speaker a phrase stands for, if it can be told.
    pub fn resolve(&mut self, np: &Np) -> Option<Speaker> {
        let span = self.byte_span(&np.tokens);
        // A role the article itself gives someone ("President X", "X, the minister") names
        // the holder surer than a role the names stage linked from elsewhere; a capitalised
        // title alone ("Mr. King") is a name the names stage knows better.
        // An indefinite description brings in someone new ("a junior minister said", "an
        // official said"): not the holder of a role named before, nor a referent of its own.
        if np.kind == NpKind::Described && self.indefinite(np) {
            return Some(self.as_written(np));
        }
        let head = np.tokens.end.saturating_sub(1);
        if np.kind == NpKind::Described
            && self.doc.is_lower_word(head)
            && let Some(holder) = self.role_holder(np)
        {
            return Some(holder);
        }
        if let Some(referent) = self
            .referent_at(np, span)
            .filter(|&r| np.kind != NpKind::Described || self.description_fits(np, r))
        {
            return self.speaker_of(referent);
        }
        match np.kind {
            NpKind::Pronoun => {
                let speaker = self.pronoun(np)?;
                if let Some(g) = pronoun_gender(self.doc.tok(np.tokens.start)) {
                    self.learn(&speaker.name, g);
                }
                Some(speaker)
            }
            NpKind::Name => Some(self.name(np.tokens.clone())),
            NpKind::Described => Some(self.described(np)),
        }
    }

    fn learn(&mut self, name: &str, gender: Gender) {
        if !self.genders.iter().any(|(n, _)| n == name) {
            self.genders.push((name.to_string(), gender));
        }
    }

    /// The gender known of the person called `name`: learnt here from a title or a pronoun, else
    /// the one the names stage gave the person referent of that canonical name ("Donald Trump"
    /// is a "he" once any "he" of the article stood for him).
    fn gender(&self, name: &str) -> Option<Gender> {
        let learnt = self
            .genders
            .iter()
            .find(|(n, _)| n == name)
            .map(|&(_, g)| g);
        learnt.or_else(|| {
            self.analysis
                .referents
                .iter()
                .filter(|r| r.kind == EntityType::Person && r.canonical == name)
                .find_map(|r| match r.gender {
                    chronicle_core::Gender::Male => Some(Gender::Male),
                    chronicle_core::Gender::Female => Some(Gender::Female),
                    _ => None,
                })
        })
    }

    /// Fills `mentions` and learns genders from titles.
    fn find_mentions(&mut self, quoted: &[Range<usize>]) {
        let doc = self.doc;
        let mut words: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, r) in self.names.iter().enumerate() {
            for t in [r.start, r.end - 1] {
                words.entry(doc.tok(t)).or_insert(i);
            }
        }
        let inside = |t: usize| {
            let at = doc.start_of(t);
            let k = quoted.partition_point(|q| q.end <= at);
            quoted.get(k).is_some_and(|q| q.start <= at)
        };
        let mut run = 0;
        let mut t = 0;
        while t < doc.tokens.len() {
            while run < self.names.len() && self.names[run].end <= t {
                run += 1;
            }
            let full = self.names.get(run).filter(|r| r.start == t).map(|_| run);
            let short = || {
                let w = doc.tok(t);
                let alone = !doc.is_capitalised(t + 1) && (t == 0 || !doc.is_capitalised(t - 1));
                (alone && doc.is_capitalised(t))
                    .then(|| words.get(w).copied())
                    .flatten()
            };
            if let Some(i) = full.or_else(short) {
                if !inside(t) {
                    self.mentions.push((t, i));
                    let title = t.checked_sub(1).map(|p| doc.tok(p).to_ascii_lowercase());
                    let gender = match title.as_deref() {
                        Some("mr." | "mr") => Some(Gender::Male),
                        Some("mrs." | "mrs" | "ms." | "ms" | "miss") => Some(Gender::Female),
                        _ => None,
                    };
                    if let Some(g) = gender {
                        let name = self.text_of(self.names[i].clone());
                        self.learn(&name, g);
                    }
                }
                t = if full.is_some() {
                    self.names[i].end
                } else {
                    t + 1
                };
                continue;
            }
            t += 1;
        }
    }

    fn byte_span(&self, tokens: &Range<usize>) -> ByteSpan {
        let start = self.doc.start_of(tokens.start);
        let end = self.doc.end_of(tokens.end.saturating_sub(1)).max(start);
        ByteSpan::new(start, end)
    }

    /// The referent the names stage put on the phrase: a pronoun link whose referent's gender
    /// fits the pronoun, or a mention that covers the phrase's head (its last word), so that
    /// "New York" does not speak for "the New York businessman".
    fn referent_at(&self, np: &Np, span: ByteSpan) -> Option<usize> {
        let overlaps = |s: ByteSpan| s.start < span.end && span.start < s.end;
        if np.kind == NpKind::Pronoun {
            let want = pronoun_gender(self.doc.tok(np.tokens.start));
            return self
                .analysis
                .pronouns
                .iter()
                .find(|p| overlaps(p.span))
                .map(|p| p.referent)
                .filter(|&r| self.named_outside_quotes(r, span.start))
                .filter(|&r| {
                    let gender = self.analysis.referents.get(r).map(|r| r.gender);
                    !matches!(
                        (want, gender),
                        (Some(Gender::Male), Some(chronicle_core::Gender::Female))
                            | (Some(Gender::Female), Some(chronicle_core::Gender::Male))
                    )
                });
        }
        let head_start = self.doc.start_of(np.tokens.end.saturating_sub(1)) as u32;
        self.analysis
            .mentions
            .iter()
            .filter(|m| overlaps(m.span) && m.span.end > head_start)
            .max_by_key(|m| (m.form == chronicle_core::MentionForm::Name, m.span.end))
            .map(|m| m.referent)
    }

    /// The person a name the tree read as a pronoun's antecedent stands for, by the article's
    /// fullest name holding it ("Ham" → "Norman Ham"), whatever type the names stage gave it.
    pub fn named(&self, np: &Np) -> Speaker {
        self.name(np.tokens.clone())
    }

    /// Whether referent `r` is named before byte `before` outside every quotation: one named
    /// only inside them ("“Here comes Big Daddy,” she said") is no antecedent of a pronoun
    /// outside.
    fn named_outside_quotes(&self, r: usize, before: u32) -> bool {
        let quoted = self.quoted;
        let inside = |at: usize| {
            let k = quoted.partition_point(|q| q.end <= at);
            quoted.get(k).is_some_and(|q| q.start <= at)
        };
        self.analysis
            .mentions
            .iter()
            .take_while(|m| m.span.end <= before)
            .any(|m| m.referent == r && !inside(m.span.start as usize))
    }

    /// The speaker that referent `r` of the names stage is.
    pub fn referent(&self, r: usize) -> Option<Speaker> {
        self.speaker_of(r)
    }

    fn speaker_of(&self, referent: usize) -> Option<Speaker> {
        let r = self.analysis.referents.get(referent)?;
        Some(Speaker {
            name: r.canonical.clone(),
            actor: r.actor.clone(),
            person: r.kind == EntityType::Person,
            gender: match r.gender {
                chronicle_core::Gender::Male => Some(Gender::Male),
                chronicle_core::Gender::Female => Some(Gender::Female),
                _ => None,
            },
        })
    }

    /// "he"/"she"/"I" → the person last named before it, preferring the first one named in
    /// that sentence (its subject) and skipping those known to be of the other gender; or the
    /// last speaker when named later. "it"/"they"/"we" → the last speaker.
    fn pronoun(&self, np: &Np) -> Option<Speaker> {
        let word = self.doc.tok(np.tokens.start);
        let personal = matches!(
            word.to_ascii_lowercase().as_str(),
            "he" | "she" | "i" | "him"
        );
        if !personal {
            // "It" stands for a body or a thing: the last speaker only when that is no person
            // named ("the article read ... it added", not "Jo Roe said ... it added").
            let it = word.eq_ignore_ascii_case("it");
            let person = self.last_speaker_named
                && self.last_speaker.as_ref().is_some_and(|(_, s)| s.person);
            return self
                .last_speaker
                .as_ref()
                .filter(|_| !(it && person))
                .map(|(_, s)| s.clone());
        }
        let gender = pronoun_gender(word);
        let fits = |name: &str| match (gender, self.gender(name)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let at = np.tokens.start;
        let remembered = self
            .last_person
            .as_ref()
            .filter(|(_, s)| {
                fits(&s.name) && s.gender.is_none_or(|g| gender.is_none_or(|w| w == g))
            })
            .map(|(pos, s)| (*pos, s.clone()));
        let named = self.named_before(at, &fits);
        match (remembered, named) {
            (Some((p, s)), Some((q, n))) => Some(if q > p { n } else { s }),
            (r, n) => r.or(n).map(|(_, s)| s),
        }
    }

    /// The subject-most person mention of the last sentence before token `at` that names a
    /// person who `fits`, with its position.
    fn named_before(&self, at: usize, fits: &dyn Fn(&str) -> bool) -> Option<(usize, Speaker)> {
        let floor = at.saturating_sub(PRONOUN_REACH);
        let end = self.mentions.partition_point(|&(t, _)| t < at);
        let fitting = |&(t, i): &(usize, usize)| {
            let s = self.name(self.names[i].clone());
            (t >= floor && fits(&s.name)).then_some((t, s))
        };
        let (last, _) = self.mentions[..end].iter().rev().find_map(fitting)?;
        let sentence = self.doc.sentence_at(self.doc.start_of(last));
        let first_in_sentence = self.mentions[..end]
            .iter()
            .filter(|&&(t, _)| self.doc.start_of(t) >= sentence.start as usize && t <= last)
            .find_map(fitting);
        first_in_sentence.or_else(|| self.mentions[..end].iter().rev().find_map(fitting))
    }

    /// A name with its titles dropped, expanded to the fullest run of the article that holds it.
    fn name(&self, tokens: Range<usize>) -> Speaker {
        let core = strip_titles(self.doc, tokens);
        let full = if core.len() == 1 {
            let word = self.doc.tok(core.start);
            self.names
                .iter()
                .find(|r| r.len() > 1 && (r.start..r.end).any(|t| self.doc.tok(t) == word))
                .cloned()
                .unwrap_or(core)
        } else {
            core
        };
        let person = !full.clone().any(|t| self.doc.is(t, WordClass::Org))
            && !is_acronym(self.doc.tok(full.start));
        Speaker {
            name: self.text_of(full),
            actor: None,
            person,
            gender: None,
        }
    }

    /// Whether the referent `r` the names stage put on description `np` can be what it
    /// describes: a plural ("the ministers", "officials") is no one person, and an
    /// organisation's word ("the military", "the ministry") no person either.
    fn description_fits(&self, np: &Np, r: usize) -> bool {
        let head = np.tokens.end.saturating_sub(1);
        let word = self.doc.tok(head);
        let plural = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
        let organisation = self.doc.is(head, WordClass::Org);
        let person = self
            .analysis
            .referents
            .get(r)
            .is_some_and(|r| r.kind == EntityType::Person);
        !(person && (plural || organisation))
    }

    /// A description: the person the article gave that role ("the minister"), or the words.
    fn described(&self, np: &Np) -> Speaker {
        self.role_holder(np).unwrap_or_else(|| self.as_written(np))
    }

    /// The description as the article writes it, for a speaker it does not name.
    fn as_written(&self, np: &Np) -> Speaker {
        Speaker {
            name: self.text_of(np.tokens.clone()),
            actor: None,
            person: true,
            gender: None,
        }
    }

    /// Whether a description opens with an indefinite determiner: "a junior minister", "an
    /// official", "one aide", "another source".
    fn indefinite(&self, np: &Np) -> bool {
        matches!(
            self.doc.tok(np.tokens.start).to_ascii_lowercase().as_str(),
            "a" | "an" | "one" | "another"
        )
    }

    /// The person the article itself gives the role a description is headed by, written as a
    /// title before the name or in an apposition after it: "President Barack Obama", "Choe Son
    /// Hui, the first vice foreign minister"; the last such before the description.
    fn role_holder(&self, np: &Np) -> Option<Speaker> {
        let head = np.tokens.end.saturating_sub(1);
        let head_word = self.doc.tok(head);
        if self.doc.is(head, WordClass::Title) {
            let is_role = |t: usize| self.doc.tok(t).eq_ignore_ascii_case(head_word);
            // The role written as a title before the name, or in an apposition after it:
            // "President Barack Obama", "Choe Son Hui, the first vice foreign minister".
            let holders = self.names.iter().filter(|r| {
                let titled = (r.start.saturating_sub(2)..r.start).any(is_role);
                let apposed = self.doc.is_punct(r.end, ",")
                    && (r.end + 1..(r.end + 9).min(np.tokens.start))
                        .take_while(|&t| !self.doc.is_punct(t, ","))
                        .any(is_role);
                r.end <= np.tokens.start && (titled || apposed)
            });
            // Of several holders of the role ("President George Walker", and "President Lyndon
            // Harte" of a comparison), the one the text spoke of last, by any mention of the
            // name's last word ("Walker has been criticised ... The president said").
            let holder = holders.max_by_key(|r| (self.last_said(r, np.tokens.start), r.start));
            if let Some(run) = holder {
                return Some(self.person_named(run.clone()));
            }
        }
        None
    }

    /// The last token before `before` that writes the last word of the name `run` (the name
    /// itself when no later mention does).
    fn last_said(&self, run: &Range<usize>, before: usize) -> usize {
        let surname = self.doc.tok(run.end.saturating_sub(1));
        (run.end..before)
            .rev()
            .find(|&t| self.doc.tok(t) == surname)
            .unwrap_or(run.start)
    }

    /// The person the names stage found at the name `run` (its canonical name and actor
    /// code), else the name as the article writes it at its fullest.
    fn person_named(&self, run: Range<usize>) -> Speaker {
        let span = self.byte_span(&(run.end.saturating_sub(1)..run.end));
        let referent = self
            .analysis
            .mentions
            .iter()
            .find(|m| m.span.start < span.end && span.start < m.span.end)
            .map(|m| m.referent)
            .filter(|&r| {
                self.analysis
                    .referents
                    .get(r)
                    .is_some_and(|r| r.kind == EntityType::Person)
            });
        referent
            .and_then(|r| self.speaker_of(r))
            .unwrap_or_else(|| self.name(run))
    }

    fn text_of(&self, tokens: Range<usize>) -> String {
        let span = self.byte_span(&tokens);
        self.doc
            .text
            .get(span.range())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The gender a third-person pronoun gives.
fn pronoun_gender(word: &str) -> Option<Gender> {
    match word.to_ascii_lowercase().as_str() {
        "he" | "him" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        _ => None,
    }
}
