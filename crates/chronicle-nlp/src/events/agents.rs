//! Nameless actors: a country's people named by their role ("the Japanese prime minister",
//! "Syrian rebels", "Uganda's government", "the government of Uganda"). The names stage codes
//! the nationality or the country (JPN, SYR, UGA); the role words after it, or before it with
//! "of", add the CAMEO agent code that says who acted (JPNGOV, SYRREB, UGAGOV). Without them an
//! event's dyad names a whole country where the story names its army or its police.
//!
//! The role words are the names stage's (`dictionaries/actors/roles.txt`).

use chronicle_core::{Article, DepRel, EntityType, Upos};

use super::actors::{ActorHit, hit_at};
use super::sentence::Word;
use super::tree::Tree;
use crate::names::dictionary::embedded_roles;
use crate::names::roles::{Case, RoleTable};

/// Agent codes that are whole codes, not a suffix to a country (`roles.txt` documents them).
const STANDALONE: [&str; 4] = ["IGOPKO", "UIS", "NGO", "MNC"];

/// Roles that speak or act for whichever body names them ("a Labour Party spokesman", "Hamas
/// officials"), and not for the country's institution of that name: a party's spokesman is
/// the party, while "the Labour government" and "Labour MPs" stay the government and the
/// legislature.
const REPRESENTATIVES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "official",
    "officials",
    "senior official",
    "senior officials",
    "leader",
    "leaders",
    "chairman",
    "chairwoman",
    "chief",
    "representative",
    "representatives",
    "member",
    "members",
];

/// Whose people a role after a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    /// A country's: the role adds its agent code ("Turkish troops" TURMIL).
    Country,
    /// A group's, whose code already says what it is ("a Labour Party spokesman" GBRPTY).
    Group,
}

/// The role phrases of `roles.txt` and their agent codes, without the whole codes.
#[derive(Debug, Default)]
pub struct AgentRoles {
    table: RoleTable,
}

impl AgentRoles {
    /// The embedded role words.
    pub fn embedded() -> Self {
        AgentRoles {
            table: RoleTable::new(embedded_roles(), |r| !STANDALONE.contains(&r.code.as_str())),
        }
    }

    /// The longest role phrase that starts at word `from`, as (word count, code).
    fn longest<'s>(
        &'s self,
        body: &str,
        words: &[Word],
        from: usize,
        buf: &mut String,
    ) -> Option<(usize, &'s str)> {
        self.table
            .longest(|k| word_text(body, words, from + k), Case::Folded, buf)
    }

    /// Widens every country-coded hit over the role words that name who in that country acted,
    /// and gives it the country's code with the agent's: "Turkish troops" → TURMIL. A role
    /// followed by a name is the title of the person named ("Japanese Prime Minister Kishida"),
    /// whose own mention codes the actor: it is left alone. Where the sentence has a tree, the
    /// role may stand a modifier or two further on when the tree hangs the country under it
    /// ("a Chinese construction firm" → CHNBUS).
    pub fn extend(
        &self,
        article: &Article,
        words: &[Word],
        tree: Option<Tree>,
        hits: &mut Vec<ActorHit>,
    ) {
        let body = article.body.as_str();
        let text = |i: usize| word_text(body, words, i).unwrap_or("");
        let mut buf = String::new();
        for k in 0..hits.len() {
            let (code, owner) = match hits[k].codes.as_slice() {
                [c] if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => {
                    (c.clone(), Owner::Country)
                }
                [c] if hits[k].person.is_none() && country_of(c).is_some() => {
                    (c.clone(), Owner::Group)
                }
                _ => continue,
            };
            let next_start = hits.get(k + 1).map_or(words.len(), |h| h.start);
            let prev_end = k.checked_sub(1).map_or(0, |p| hits[p].end);
            let (start, end) = (hits[k].start, hits[k].end);
            // "Uganda's government": a possessive between.
            let after = match (text(end), text(end + 1)) {
                ("'s" | "’s", _) => end + 1,
                ("'" | "’", "s") => end + 2,
                _ => end,
            };
            if owner == Owner::Group {
                // "a Labour Party spokesman", "Hamas's fighters": the group's own people,
                // whom the role would otherwise give the sentence's government
                if let Some((n, _)) = self.longest(body, words, after, &mut buf)
                    && REPRESENTATIVES.contains(&buf.as_str())
                    && after + n <= next_start
                    && !titles_a_name(words, body, after + n)
                    && let (Some(first), Some(last)) = (words.get(start), words.get(after + n - 1))
                {
                    let h = &mut hits[k];
                    h.end = after + n;
                    h.span.start = first.start;
                    h.span.end = last.end;
                }
                continue;
            }
            let widened = match self.longest(body, words, after, &mut buf) {
                Some((n, agent))
                    if after + n <= next_start && !titles_a_name(words, body, after + n) =>
                {
                    Some((start, after + n, agent.to_string()))
                }
                // "the government of Uganda"
                _ if start >= 2 && text(start - 1).eq_ignore_ascii_case("of") => {
                    (prev_end..start - 1).find_map(|from| {
                        let (n, agent) = self.longest(body, words, from, &mut buf)?;
                        (from + n == start - 1).then(|| (from, end, agent.to_string()))
                    })
                }
                _ => None,
            };
            let widened = widened.or_else(|| {
                let t = tree?;
                self.modified_role(body, words, t, end, after, next_start, &mut buf)
                    .map(|(e, agent)| (start, e, agent))
            });
            let Some((s, e, agent)) = widened else {
                continue;
            };
            let (Some(first), Some(last)) = (words.get(s), words.get(e - 1)) else {
                continue;
            };
            let h = &mut hits[k];
            h.codes = vec![format!("{code}{agent}")];
            h.start = s;
            h.end = e;
            h.span.start = first.start;
            h.span.end = last.end;
        }
        self.add_lone(article, words, tree, hits, &mut buf);
    }

    /// The role a word or two after a country's mention ending at `end` (its possessive ending
    /// at `after`) that the tree makes the head of the mention's noun phrase: "Chinese
    /// construction firm", where "Chinese" and "construction" both modify "firm"; "Iraq's Oil
    /// Ministry". The words skipped are nouns or adjectives in lower case, or after a
    /// possessive any noun; returns the role's end and code.
    #[allow(clippy::too_many_arguments)]
    fn modified_role(
        &self,
        body: &str,
        words: &[Word],
        tree: Tree,
        end: usize,
        after: usize,
        limit: usize,
        buf: &mut String,
    ) -> Option<(usize, String)> {
        let possessive = after > end;
        let modifier = |i: usize| match tree.upos(i) {
            Some(Upos::Noun | Upos::Adj) => {
                possessive
                    || !word_text(body, words, i)
                        .and_then(|t| t.chars().next())
                        .is_some_and(char::is_uppercase)
            }
            Some(Upos::Propn) => possessive,
            // "Afghan and foreign troops": an adjective joined to the nationality
            Some(Upos::Cconj) => !possessive,
            _ => false,
        };
        let last = end.checked_sub(1)?;
        let governor = tree.head(last)?;
        for skip in 1..=3 {
            let from = after + skip;
            if from >= limit || !(after..from).all(modifier) {
                return None;
            }
            // each skipped word hangs inside the phrase: from the role, a word after it, or
            // (a joined adjective) the nationality itself
            if let Some((n, agent)) = self.longest(body, words, from, buf)
                && from + n <= limit
                && (from..from + n).contains(&governor)
                && (after..from).all(|i| {
                    tree.head(i)
                        .is_some_and(|h| h < from + n && (h >= i || h == last))
                })
                && !titles_a_name(words, body, from + n)
            {
                return Some((from + n, agent.to_string()));
            }
        }
        None
    }

    /// Role words that no actor covers become actors of no known country yet ("---COP" for
    /// "riot police", "---REB" for "militants"): the event gives them its other actor's
    /// country, or the sentence's (see [`place_lone_agents`]).
    ///
    /// A role an organisation of no actor code owns is that organisation's ("Borussia
    /// officials", "PTC president"): no actor, of any country.
    fn add_lone(
        &self,
        article: &Article,
        words: &[Word],
        tree: Option<Tree>,
        hits: &mut Vec<ActorHit>,
        buf: &mut String,
    ) {
        let body = article.body.as_str();
        // an organisation's name of no actor code that takes in word `w` and ends before
        // word `role` (not "the U.S. Circuit Court", whose name the role word ends)
        let uncoded_org = |w: usize, role: usize| {
            let (Some(w), Some(role)) = (words.get(w), words.get(role)) else {
                return false;
            };
            article.entities.iter().any(|e| {
                e.kind == EntityType::Org
                    && e.actor.is_none()
                    && e.start <= w.start as usize
                    && w.end as usize <= e.end
                    && e.end <= role.start as usize
            })
        };
        let org_owned = |start: usize, end: usize| {
            tree.is_some_and(|t| {
                t.children(end - 1).any(|(c, r)| {
                    c < start
                        && matches!(r, DepRel::Compound | DepRel::NmodPoss)
                        && t.upos(c) == Some(Upos::Propn)
                        && uncoded_org(c, start)
                })
            })
        };
        let mut lone = Vec::new();
        let mut i = 0;
        let mut next_hit = 0;
        while i < words.len() {
            while hits.get(next_hit).is_some_and(|h| h.end <= i) {
                next_hit += 1;
            }
            if hits.get(next_hit).is_some_and(|h| h.start <= i) {
                i += 1;
                continue;
            }
            let limit = hits.get(next_hit).map_or(words.len(), |h| h.start);
            match self.longest(body, words, i, buf) {
                Some((n, agent))
                    if i + n <= limit
                        && !titles_a_name(words, body, i + n)
                        && !org_owned(i, i + n) =>
                {
                    // `buf` holds the role phrase, lower case, after the look-up
                    let one_person = self.table.names_one_person(buf);
                    if let (Some(first), Some(last)) = (words.get(i), words.get(i + n - 1)) {
                        lone.push(ActorHit {
                            start: i,
                            end: i + n,
                            codes: vec![format!("---{agent}")],
                            span: chronicle_core::ByteSpan {
                                start: first.start,
                                end: last.end,
                            },
                            person: None,
                            one_person,
                            place: None,
                        });
                    }
                    i += n;
                }
                _ => i += 1,
            }
        }
        if !lone.is_empty() {
            hits.extend(lone);
            hits.sort_by_key(|h| h.start);
        }
    }
}

/// The country an actor code names: its first three letters when they are a country's
/// (`IRQCOP` → IRQ); not an international body's, a group's or an unknown one.
fn country_of(code: &str) -> Option<&str> {
    let cc = code.get(..3)?;
    let international = ["IGO", "NGO", "MNC", "UIS", "IMG", "---"].contains(&cc);
    (!international && cc.bytes().all(|b| b.is_ascii_uppercase())).then_some(cc)
}

/// Gives each lone agent of `sides` that a possessive pronoun owns ("Russia said its troops
/// had attacked") the country of `owner`, the actor the pronoun stands for; `owned` says which
/// mentions (by byte span) the pronoun owns.
pub fn place_owned_agents(
    sides: &mut [super::coder::Side],
    owned: impl Fn(&(u32, u32)) -> bool,
    owner: &ActorHit,
) {
    let Some(cc) = owner.codes.first().and_then(|c| country_of(c)) else {
        return;
    };
    for (code, span) in sides.iter_mut().flatten() {
        if let Some(agent) = code.strip_prefix("---")
            && owned(span)
        {
            *code = format!("{cc}{agent}");
        }
    }
}

/// Gives each lone agent of `sides` (`---COP`) a country: the first country among `other` (the
/// event's other side: "Iraqi riot police ... protesters" are Iraqi protesters), else the
/// sentence's country when its actors name only one. A body or a group no country claims keeps
/// CAMEO's unknown country (`---GOV` for "the government", `---COP` for "police"): the text
/// does not say whose it is; one person ("the minister") is dropped, as someone the article
/// names elsewhere.
pub fn place_lone_agents(
    sides: &mut Vec<super::coder::Side>,
    other: &[super::coder::Side],
    hits: &[ActorHit],
) {
    if !sides.iter().flatten().any(|(c, _)| c.starts_with("---")) {
        return;
    }
    // The sentence's country, when it names one only.
    let sentence = || {
        let mut countries = hits
            .iter()
            .flat_map(|h| &h.codes)
            .filter_map(|c| country_of(c));
        let first = countries.next()?;
        countries.all(|c| c == first).then_some(first)
    };
    let country = other
        .iter()
        .flatten()
        .find_map(|(c, _)| country_of(c))
        .or_else(sentence)
        .map(str::to_string);
    for side in sides.iter_mut() {
        let Some((code, span)) = side else { continue };
        let Some(agent) = code.strip_prefix("---") else {
            continue;
        };
        match &country {
            Some(cc) => *code = format!("{cc}{agent}"),
            None if hit_at(hits, span).is_some_and(|h| h.one_person) => *side = None,
            None => {}
        }
    }
    if sides.is_empty() {
        sides.push(None);
    }
}

/// Whether word `i` opens a capitalised name: the role before it is a title.
fn titles_a_name(words: &[Word], body: &str, i: usize) -> bool {
    word_text(body, words, i)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The text of word `i` of the sentence.
fn word_text<'b>(body: &'b str, words: &[Word], i: usize) -> Option<&'b str> {
    words
        .get(i)
        .and_then(|w| body.get(w.start as usize..w.end as usize))
}
