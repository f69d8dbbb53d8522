//! Which actor a phrase of the tree names: the hit holding its head, its apposition's, a
//! nationality or a name inside it, the body a role word serves; and which it does not (a
//! relative clause's, a country that only says where a named firm comes from).

use chronicle_core::{DepRel, Upos};

use super::{DEPTH, Tree, hit_holding};
use crate::events::actors::ActorHit;

impl Tree<'_> {
    /// The actor hit that the noun phrase headed by `w` names: the hit holding its head, else
    /// its apposition's ("the US commander in Iraq, General Petraeus"), else a name inside it
    /// (a compound, an adjective, a possessive: "Turkish troops", "Iran's navy"), else the
    /// actor of an `of` phrase ("the leader of Hamas"); places it is in or at are no actors of it.
    pub fn actor(&self, w: usize, hits: &[ActorHit]) -> Option<usize> {
        self.actor_at(w, hits, DEPTH)
    }

    /// The actor of a subject: as [`Tree::actor`], else the first actor anywhere in the subject
    /// phrase (the parser may have hung the name on a wrong word of it) before a relative
    /// clause of its own, which says what the subject did to someone else ("the rain which has
    /// lashed Los Angeles" is no one).
    ///
    /// A country that only says where a named firm, band or athlete comes from is not the
    /// subject's actor ("US band REM announced", "Australian winemaker Southcorp rejected"):
    /// the country does not act.
    pub fn subject_actor(&self, w: usize, hits: &[ActorHit]) -> Option<usize> {
        if hit_holding(hits, w).is_some() && self.serves_unknown(w, hits) {
            return None;
        }
        // ground only the gazetteer knows never acts ("MOSCOW — Armenia and Azerbaijan
        // agreed", a dateline the parser took for the subject)
        self.actor(w, hits)
            .filter(|&k| !hits[k].ground_only())
            .or_else(|| {
                let phrase = self.phrase(w);
                hits.iter().position(|h| {
                    h.start >= phrase.start
                        && h.end <= phrase.end
                        && !self.in_relative(h.start, w)
                        && !self.names_thing(h, hits)
                        && !h.ground_only()
                })
            })
            .filter(|&k| !self.origin_only(&hits[k], hits))
    }

    /// Whether a place's hit only names a thing, as the first half of a compound whose noun no
    /// actor covers: "the Paris agreement", "the Brussels, Paris and Amsterdam exchanges" (where
    /// "the Baghdad government" is Iraq's).
    pub fn names_thing(&self, hit: &ActorHit, hits: &[ActorHit]) -> bool {
        let last = hit.end.saturating_sub(1);
        hit.place.is_some()
            && matches!(self.rel(last), Some(DepRel::Compound | DepRel::Conj))
            && self
                .compound_head(last)
                .is_some_and(|n| self.upos(n) == Some(Upos::Noun) && hit_holding(hits, n).is_none())
    }

    /// The noun a compound modifier at `w` is the first half of, through the conjuncts of a
    /// list of modifiers ("the Brussels, Paris and Amsterdam exchanges").
    fn compound_head(&self, w: usize) -> Option<usize> {
        let mut at = w;
        for _ in 0..DEPTH {
            match self.rel(at)? {
                DepRel::Compound => return self.head(at),
                DepRel::Conj => at = self.head(at)?,
                _ => return None,
            }
        }
        None
    }

    /// Whether a country's mention modifies a common noun of no role that describes a name no
    /// actor mention covers: "US" in "US band REM", "Australian" in "Australian winemaker
    /// Southcorp", "Greek" in "Greek sprinter Kostas Kenteris". The name is who acts. (A
    /// name set off by commas is another matter: "the US commander in Iraq, General Petraeus"
    /// is American.)
    fn origin_only(&self, hit: &ActorHit, hits: &[ActorHit]) -> bool {
        let country = matches!(hit.codes.as_slice(), [c] if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()));
        let uncoded_name =
            |w: usize| self.upos(w) == Some(Upos::Propn) && hit_holding(hits, w).is_none();
        let last = hit.end.saturating_sub(1);
        country
            && matches!(self.rel(last), Some(DepRel::Compound | DepRel::Amod))
            && self.head(last).is_some_and(|h| {
                let named = self.children(h).any(|(c, r)| {
                        c > h && matches!(r, DepRel::Flat | DepRel::Compound) && uncoded_name(c)
                    }) || (matches!(self.rel(h), Some(DepRel::Compound | DepRel::NmodDesc))
                        && self.head(h).is_some_and(|n| n > h && uncoded_name(n)))
                        // however the parser hangs them, the trade and the name it
                        // describes stand side by side
                        || (h + 1 < self.len && uncoded_name(h + 1));
                h >= hit.end
                    && self.upos(h) == Some(Upos::Noun)
                    && hit_holding(hits, h).is_none()
                    && named
            })
    }

    /// Whether word `x` lies in a clause that modifies a noun inside the phrase of `w` (on its
    /// way up to `w`, a word hangs from the verb of a relative clause, "which has lashed Los
    /// Angeles", or of a reduced one, "the report released in Nairobi", other than as its `by`
    /// agent): what that clause names acts in it, not in the subject.
    fn in_relative(&self, x: usize, w: usize) -> bool {
        let mut at = x;
        let mut from = None;
        for _ in 0..self.len {
            if at == w {
                return false;
            }
            // the `by` agent of a reduced passive is whose the noun is ("the majority led by
            // Siniora", "a report issued by the OECD")
            let agent = from
                .is_some_and(|f| self.rel(f) == Some(DepRel::OblAgent) || self.case_is(f, "by"));
            let clause = match self.rel(at) {
                Some(DepRel::AclRelcl) => true,
                Some(DepRel::Acl) => self.upos(at).is_some_and(super::verbal) && !agent,
                _ => false,
            };
            if clause {
                return true;
            }
            from = Some(at);
            match self.head(at) {
                Some(h) => at = h,
                None => return false,
            }
        }
        false
    }

    fn actor_at(&self, w: usize, hits: &[ActorHit], depth: u8) -> Option<usize> {
        if let Some(k) = hit_holding(hits, w) {
            let lone = hits[k].codes.first().is_some_and(|c| c.starts_with("---"));
            if !lone {
                return Some(k);
            }
            if self.serves_unknown(w, hits) {
                return None;
            }
            // "a spokesman for the Russian army" speaks for the army
            return self.served(w, hits).or(Some(k));
        }
        if depth == 0 {
            return None;
        }
        // a city that names a thing is no party to it ("the Paris agreement", "the Minsk
        // accords"); a country that does is ("the Iranian nuclear deal")
        let inner = |want: fn(DepRel) -> bool| {
            self.children(w)
                .filter(|&(_, r)| want(r))
                .find_map(|(c, _)| hit_holding(hits, c))
                .filter(|&k| hits[k].place.is_none())
        };
        if let Some(k) = self
            .children(w)
            .filter(|&(_, r)| r == DepRel::Appos)
            .find_map(|(c, _)| self.actor_at(c, hits, depth - 1))
        {
            return Some(k);
        }
        // a nationality or a name inside the phrase says who it is before a possessive says
        // whose it is: "his Peruvian counterpart" is Peru's, "Iran's navy" Iran's
        if let Some(k) = inner(|r| {
            matches!(
                r,
                DepRel::Compound | DepRel::Amod | DepRel::Flat | DepRel::NmodDesc
            )
        })
        .or_else(|| inner(|r| r == DepRel::NmodPoss))
        {
            return Some(k);
        }
        self.children(w)
            .filter(|&(c, r)| r == DepRel::Nmod && self.case_is(c, "of"))
            .find_map(|(c, _)| self.actor_at(c, hits, depth - 1))
    }

    /// Whether the role word at `w` serves a named body no dictionary knows ("a spokesman for
    /// the English National Ballet", "the head of Acme Mining"): then it names no government's
    /// or army's man, whatever the role word alone would say.
    /// So does one that speaks "for" a body whose whole phrase names no actor ("a spokesman
    /// for Yukos' lawyers", "a spokesman for the family").
    fn serves_unknown(&self, w: usize, hits: &[ActorHit]) -> bool {
        self.children(w).any(|(c, r)| {
            let named = self.upos(c) == Some(Upos::Propn)
                && ["for", "of", "at"].iter().any(|p| self.case_is(c, p))
                && self.actor_at(c, hits, 0).is_none();
            let phrase = self.phrase(c);
            let unnamed_body = self.upos(c) == Some(Upos::Noun)
                && self.case_is(c, "for")
                && !hits
                    .iter()
                    .any(|h| h.start < phrase.end && h.end > phrase.start);
            r == DepRel::Nmod && (named || unnamed_body)
        })
    }

    /// The actor a role word serves through "for" or "of" ("a spokesman for the Russian army"),
    /// or comes from ("health ministers from Brazil and Mexico").
    fn served(&self, w: usize, hits: &[ActorHit]) -> Option<usize> {
        self.children(w)
            .filter(|&(c, r)| {
                r == DepRel::Nmod && ["for", "of", "from"].iter().any(|p| self.case_is(c, p))
            })
            .find_map(|(c, _)| self.actor_at(c, hits, 0))
    }

    /// The actor of a target phrase: as [`Tree::actor`], and also through a noun's
    /// prepositional phrase ("fired missiles at Russia", "held talks with Suleiman"), but not
    /// one that says where the thing is ("criticising the war in Ukraine" is no act on Ukraine).
    pub fn target_actor(&self, w: usize, hits: &[ActorHit]) -> Option<usize> {
        self.actor(w, hits).or_else(|| {
            self.children(w)
                .filter(|&(c, r)| {
                    r == DepRel::Nmod && !self.case_is(c, "of") && !self.says_where(c)
                })
                .find_map(|(c, _)| self.actor(c, hits))
        })
    }

    /// Whether the nominal at `w` is marked by a preposition of where ("in", "near").
    fn says_where(&self, w: usize) -> bool {
        const WHERE: &[&str] = &["in", "inside", "near", "within", "across", "around"];
        WHERE.iter().any(|p| self.case_is(w, p))
    }
}
