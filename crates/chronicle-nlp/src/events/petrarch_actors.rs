//! PETRARCH/TABARI actor, agent and discard dictionaries, and the actor spotter that applies
//! them as PETRARCH does: the longest phrase wins, codes hold by date (`[HOBGOV 19950601 -
//! 19990815]`), agents compose with the actor of their noun phrase (`Arnor cleric` → ARN+REL,
//! `MSF Arnor` → NGO+ARN, `government of Gondor` → GON+GOV) or stand alone (`---GOV`).

use chronicle_core::{Article, ByteSpan};
use jiff::civil::Date;

use super::actors::ActorHit;
use super::coder::ActorSource;
use super::sentence::{COMMA, COORD, DET, SentenceBuf, Word};
use super::words::{FastMap, normalise, plurals};
use crate::petrarch::{expand, tabari_date};

/// A code with the dates it holds for.
#[derive(Debug, Clone)]
struct Term {
    codes: Vec<String>,
    from: Option<Date>,
    to: Option<Date>,
}

#[derive(Debug, Clone, Copy)]
enum Target {
    Actor(usize),
    /// Agent code index; prefix agents (`[NGO~]`) go before the actor code.
    Agent(usize, bool),
}

/// Actors, agents and discards of a PETRARCH dictionary folder.
#[derive(Debug, Default)]
pub struct PetrarchActors {
    words: FastMap<Box<str>, u32>,
    /// First word → phrases starting with it (word ids, what they name), longest first.
    phrases: FastMap<u32, Vec<(Vec<u32>, Target)>>,
    actors: Vec<Vec<Term>>,
    agents: Vec<String>,
    discards: Vec<Vec<u32>>,
}

impl PetrarchActors {
    fn word(&mut self, w: &str) -> u32 {
        let w = normalise(w);
        let n = self.words.len() as u32;
        *self.words.entry(w.into_boxed_str()).or_insert(n)
    }

    fn phrase(&mut self, text: &str, target: Target) {
        let ids: Vec<u32> = text
            .split(['_', ' '])
            .filter(|w| !w.is_empty())
            .map(|w| self.word(w))
            .collect();
        if let Some(&first) = ids.first() {
            self.phrases.entry(first).or_default().push((ids, target));
        }
    }

    /// Reads an actor file: names, `+synonyms`, `[CODE]` or dated `[CODE <950601]` lines.
    pub fn add_actors(&mut self, text: &str) {
        let mut current: Option<usize> = None;
        for line in clean(text) {
            if line.starts_with('[') {
                if let Some(e) = current {
                    self.actors[e].extend(terms(&line));
                }
                continue;
            }
            let (name, codes) = match line.find('[') {
                Some(i) => (&line[..i], Some(&line[i..])),
                None => (line.as_str(), None),
            };
            let synonym = name.starts_with('+');
            let name = name.trim_start_matches('+').trim();
            if name.is_empty() {
                continue;
            }
            let e = match (synonym, current) {
                (true, Some(e)) => e,
                _ => {
                    self.actors.push(Vec::new());
                    self.actors.len() - 1
                }
            };
            current = Some(e);
            self.phrase(name, Target::Actor(e));
            if let Some(c) = codes {
                self.actors[e].extend(terms(c));
            }
        }
    }

    /// Reads an agent file: `WORDS {PLURALS} [~CODE]` or `[CODE~]`, with `!MACRO! = A, B`.
    pub fn add_agents(&mut self, text: &str) {
        let mut macros: Vec<(String, Vec<String>)> = Vec::new();
        for line in clean(text) {
            if line.starts_with('!') {
                if let Some((name, values)) = line.split_once('=') {
                    macros.push((
                        name.trim().to_string(),
                        values.split(',').map(|v| v.trim().to_string()).collect(),
                    ));
                }
                continue;
            }
            let Some(open) = line.find('[') else { continue };
            let inner = line[open + 1..].split(']').next().unwrap_or("").trim();
            let prefix = inner.ends_with('~');
            let code = inner.trim_matches('~').trim().to_string();
            if code.is_empty() {
                continue;
            }
            self.agents.push(code);
            let target = Target::Agent(self.agents.len() - 1, prefix);
            let head = line[..open].split('{').next().unwrap_or("").trim();
            let braces = line[..open].find('{').map(|b| {
                line[b + 1..open]
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string()
            });
            for form in expand(head, &macros) {
                self.phrase(&form, target);
                match &braces {
                    Some(list) => list.split_whitespace().for_each(|p| self.phrase(p, target)),
                    None => {
                        let (stem, last) =
                            form.rsplit_once(['_', ' ']).unwrap_or(("", form.as_str()));
                        for p in plurals(&last.to_lowercase()) {
                            self.phrase(&format!("{stem} {p}"), target);
                        }
                    }
                }
            }
        }
    }

    /// Reads a discard file: phrases whose presence means the story is not coded.
    pub fn add_discards(&mut self, text: &str) {
        for line in clean(text) {
            let ids: Vec<u32> = line
                .trim_start_matches('+')
                .split(['_', ' '])
                .filter(|w| !w.is_empty())
                .map(|w| self.word(w))
                .collect();
            if !ids.is_empty() {
                self.discards.push(ids);
            }
        }
    }

    /// Sorts phrases longest first; call once after loading.
    pub fn finish(&mut self) {
        for list in self.phrases.values_mut() {
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
    }

    /// Whether `text` holds a discard phrase.
    pub fn discarded(&self, text: &str) -> bool {
        if self.discards.is_empty() {
            return false;
        }
        let ids: Vec<u32> = text
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty())
            .map(|w| {
                self.words
                    .get(normalise(w).as_str())
                    .copied()
                    .unwrap_or(u32::MAX)
            })
            .collect();
        self.discards
            .iter()
            .any(|d| ids.windows(d.len()).any(|w| w == d.as_slice()))
    }

    /// The codes of actor `e` on `date`: the first dated term that covers it, else the first
    /// undated one.
    fn codes_on(&self, e: usize, date: Option<Date>) -> Vec<String> {
        let terms = &self.actors[e];
        let dated = terms.iter().find(|t| {
            (t.from.is_some() || t.to.is_some())
                && date
                    .is_some_and(|d| t.from.is_none_or(|f| f <= d) && t.to.is_none_or(|to| d <= to))
        });
        dated
            .or_else(|| terms.iter().find(|t| t.from.is_none() && t.to.is_none()))
            .map(|t| t.codes.clone())
            .unwrap_or_else(|| vec!["---".to_string()])
    }
}

/// A dictionary phrase found in a sentence.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    target: Target,
}

impl ActorSource for PetrarchActors {
    fn hits(&self, article: &Article, _s: usize, buf: &SentenceBuf, out: &mut Vec<ActorHit>) {
        out.clear();
        let words = &buf.words;
        let found = self.find(article, words);
        let date = article.published;
        // actor hits, with the agents that compose with them
        let mut prefix: Vec<Vec<usize>> = Vec::new();
        let mut suffix: Vec<Vec<usize>> = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut actor_of: Vec<Option<usize>> = vec![None; found.len()];
        for (k, f) in found.iter().enumerate() {
            if let Target::Actor(e) = f.target {
                actor_of[k] = Some(out.len());
                out.push(ActorHit {
                    start: f.start,
                    end: f.end,
                    codes: self.codes_on(e, date),
                    span: ByteSpan::default(),
                    person: None,
                    one_person: false,
                    place: None,
                });
                prefix.push(Vec::new());
                suffix.push(Vec::new());
                spans.push((f.start, f.end));
            }
        }
        let mut last_attach: Option<(usize, Vec<usize>)> = None;
        for (k, f) in found.iter().enumerate() {
            let Target::Agent(g, is_prefix) = f.target else {
                continue;
            };
            let attach = attach_to(&found, &actor_of, out, words, k, is_prefix, &last_attach);
            if attach.is_empty() {
                out.push(ActorHit {
                    start: f.start,
                    end: f.end,
                    codes: vec![format!("---{}", self.agents[g])],
                    span: ByteSpan::default(),
                    person: None,
                    one_person: false,
                    place: None,
                });
                prefix.push(Vec::new());
                suffix.push(Vec::new());
                spans.push((f.start, f.end));
                last_attach = None;
                continue;
            }
            for &h in &attach {
                if is_prefix {
                    prefix[h].push(g)
                } else {
                    suffix[h].push(g)
                }
                spans[h] = (spans[h].0.min(f.start), spans[h].1.max(f.end));
            }
            last_attach = Some((f.end, attach));
        }
        for (h, hit) in out.iter_mut().enumerate() {
            if prefix.get(h).is_some_and(|p| !p.is_empty())
                || suffix.get(h).is_some_and(|s| !s.is_empty())
            {
                hit.codes = hit
                    .codes
                    .iter()
                    .map(|c| self.compose(c, &prefix[h], &suffix[h]))
                    .collect();
            }
        }
        for (hit, &(s, e)) in out.iter_mut().zip(&spans) {
            hit.start = s;
            hit.end = e;
        }
        out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        merge_adjacent(out);
        for hit in out.iter_mut() {
            if let (Some(a), Some(b)) = (words.get(hit.start), words.get(hit.end.saturating_sub(1)))
            {
                hit.span = ByteSpan {
                    start: a.start,
                    end: b.end,
                };
            }
        }
    }
}

impl PetrarchActors {
    /// The longest actor or agent phrase at each place of the sentence.
    fn find(&self, article: &Article, words: &[Word]) -> Vec<Found> {
        let mut buf = String::new();
        let ids: Vec<u32> = words
            .iter()
            .map(|w| {
                let text = article
                    .body
                    .get(w.start as usize..w.end as usize)
                    .unwrap_or("");
                buf.clear();
                buf.extend(
                    text.chars()
                        .map(|c| if c == '’' { '\'' } else { c })
                        .flat_map(char::to_lowercase),
                );
                self.words.get(buf.as_str()).copied().unwrap_or(u32::MAX)
            })
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < ids.len() {
            let hit = self.phrases.get(&ids[i]).and_then(|list| {
                list.iter()
                    .find(|(p, _)| ids.get(i..i + p.len()) == Some(p.as_slice()))
            });
            match hit {
                Some((p, t)) => {
                    out.push(Found {
                        start: i,
                        end: i + p.len(),
                        target: *t,
                    });
                    i += p.len();
                }
                None => i += 1,
            }
        }
        out
    }

    /// `NGO` + `ARN` + `GOV`; an agent the actor code already holds is not added twice.
    fn compose(&self, actor: &str, prefix: &[usize], suffix: &[usize]) -> String {
        let mut code = String::new();
        for &g in prefix {
            code.push_str(&self.agents[g]);
        }
        code.push_str(actor);
        for &g in suffix {
            let a = &self.agents[g];
            let has = (0..actor.len())
                .step_by(3)
                .any(|i| actor.get(i..).is_some_and(|r| r.starts_with(a.as_str())));
            if !has {
                code.push_str(a);
            }
        }
        code
    }
}

/// The actor hits agent `k` composes with: the actor before it in its noun phrase ("Gondor's
/// main opposition group"), the actors after "of"/"in"/"from" ("ambassadors of Arnor, Osgiliath
/// and Gondor"), the actor right after a prefix agent ("MSF Arnor"), or the actors the previous
/// agent took when the two are coordinated ("media and government").
fn attach_to(
    found: &[Found],
    actor_of: &[Option<usize>],
    hits: &[ActorHit],
    words: &[Word],
    k: usize,
    is_prefix: bool,
    last: &Option<(usize, Vec<usize>)>,
) -> Vec<usize> {
    let f = found[k];
    let gap = |a: usize, b: usize| words.get(a..b).unwrap_or(&[]);
    if let Some((end, set)) = last {
        let between = gap(*end, f.start);
        if !between.is_empty()
            && between.len() <= 2
            && between.iter().all(|w| w.flags & (COORD | COMMA) != 0)
        {
            return set.clone();
        }
    }
    let next_actor = found[k + 1..]
        .iter()
        .zip(&actor_of[k + 1..])
        .find_map(|(n, a)| a.map(|h| (n, h)));
    if is_prefix
        && let Some((n, h)) = next_actor
        && gap(f.end, n.start).iter().all(|w| w.flags & DET != 0)
        && n.start - f.end <= 1
    {
        return vec![h];
    }
    let prev_actor = found[..k]
        .iter()
        .zip(&actor_of[..k])
        .rev()
        .find_map(|(n, a)| a.map(|h| (n, h)));
    if let Some((p, h)) = prev_actor {
        let between = gap(p.end, f.start);
        let plain = between
            .iter()
            .all(|w| w.flags & (COMMA | COORD) == 0 && (w.flags & super::sentence::PUNCT == 0));
        if between.len() <= 3
            && plain
            && !found[..k].iter().any(|x| {
                x.start >= p.end && x.end <= f.start && matches!(x.target, Target::Actor(_))
            })
        {
            return vec![h];
        }
    }
    if let Some((n, h)) = next_actor {
        let between = gap(f.end, n.start);
        let link = between
            .first()
            .is_some_and(|w| w.flags & super::sentence::PREP != 0);
        if link && between.len() <= 2 && between[1..].iter().all(|w| w.flags & DET != 0) {
            let (lo, hi) = super::actors::group(hits, words, h);
            return (lo..hi).collect();
        }
    }
    Vec::new()
}

/// Joins an actor that directly follows another into one noun phrase: "Prime Minister Telemar".
fn merge_adjacent(hits: &mut Vec<ActorHit>) {
    let mut i = 1;
    while i < hits.len() {
        if hits[i].start <= hits[i - 1].end {
            let end = hits[i].end.max(hits[i - 1].end);
            hits[i - 1].end = end;
            hits.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Lines without `#` or `;` comments and `<!-- -->` blocks, trimmed, non-empty; indented code
/// lines keep their `[` first.
fn clean(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for raw in text.lines() {
        let mut line = raw.to_string();
        if in_comment {
            match line.find("-->") {
                Some(e) => {
                    line = line[e + 3..].to_string();
                    in_comment = false;
                }
                None => continue,
            }
        }
        if let Some(s) = line.find("<!") {
            in_comment = !line[s..].contains("-->") && !line[s..].contains("->");
            line.truncate(s);
        }
        // `#` comments (PETRARCH) and `;` comments (TABARI: `GOLLUM ; pas 27 Apr 03`)
        let line = line
            .split(['#', ';'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        if !line.is_empty() {
            out.push(line);
        }
    }
    out
}

/// The terms of a code field: `[HOB < 950601]`, `[HOBGOV 19950601 - 19990815]`, `[ELR/GAL]`.
fn terms(field: &str) -> Vec<Term> {
    let mut out = Vec::new();
    for part in field.split('[').skip(1) {
        let inner = part.split(']').next().unwrap_or("").trim();
        let mut it = inner.split_whitespace();
        let Some(code) = it.next() else { continue };
        let rest: String = it.collect();
        let codes = code.split('/').map(str::to_string).collect();
        let (from, to) = if let Some(d) = rest.strip_prefix('<') {
            (None, tabari_date(d).and_then(|d| d.yesterday().ok()))
        } else if let Some(d) = rest.strip_prefix('>') {
            (tabari_date(d).and_then(|d| d.tomorrow().ok()), None)
        } else if let Some((a, b)) = rest.split_once('-') {
            match (tabari_date(a), tabari_date(b)) {
                (Some(a), Some(b)) => (Some(a), Some(b)),
                _ => continue,
            }
        } else {
            (None, None)
        };
        if !rest.is_empty() && from.is_none() && to.is_none() {
            continue;
        }
        out.push(Term { codes, from, to });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_terms() {
        let t = terms("[HOBGOV 19950601 - 19990815]");
        assert_eq!(t[0].from, Some(jiff::civil::date(1995, 6, 1)));
        let t = terms("[HOB < 950601]");
        assert_eq!(t[0].to, Some(jiff::civil::date(1995, 5, 31)));
        assert_eq!(terms("[ELR/GAL]")[0].codes, vec!["ELR", "GAL"]);
        assert!(terms("[HOB 95x601-990815]").is_empty());
    }

    #[test]
    fn compose_skips_held_agents() {
        let mut a = PetrarchActors::default();
        a.add_agents("GOVERNMENT [~GOV]\nMSF {} [NGO~]\n");
        assert_eq!(a.compose("USAGOV", &[], &[0]), "USAGOV");
        assert_eq!(a.compose("ARN", &[1], &[0]), "NGOARNGOV");
    }
}
