//! Who is who within an article: name mentions gathered into referents ("Choe" is Choe Son Hui),
//! role descriptions linked to the person holding the role ("the minister"), and personal
//! pronouns linked to the last compatible person ("she" → Choe Son Hui).

use crate::hash::FastMap as HashMap;

use chronicle_core::{
    ByteSpan, EntityType, Gender, Mention, MentionForm, PronounLink, Referent, Syntax,
};

use super::spot::Tokens;

/// A typed name mention, before it joins a referent.
#[derive(Debug, Clone)]
pub struct Named {
    pub first: usize,
    pub end: usize,
    pub kind: EntityType,
    /// The dictionary entry it names, if any.
    pub entry: Option<usize>,
    pub actor: Option<String>,
    pub gender: Gender,
    pub roles: Vec<String>,
    /// The tokens of a surname this given name shares with the full name it is joined to
    /// ("Tariq" in "Tariq and Nadia Khan" is Tariq Khan).
    pub surname_from: Option<(usize, usize)>,
}

impl Named {
    /// A place's name over tokens `first..end` that no dictionary entry gives (a dateline's,
    /// the gazetteer's, a town's run of words).
    pub fn place(first: usize, end: usize) -> Named {
        Named::unlisted(first, end, EntityType::Gpe)
    }

    /// An organisation's name over tokens `first..end` that no dictionary entry gives (a body
    /// read from the words around it, a press digest's masthead).
    pub fn org(first: usize, end: usize) -> Named {
        Named::unlisted(first, end, EntityType::Org)
    }

    /// A name of `kind` over tokens `first..end` that no dictionary entry gives.
    pub fn unlisted(first: usize, end: usize, kind: EntityType) -> Named {
        Named {
            first,
            end,
            kind,
            entry: None,
            actor: None,
            gender: Gender::Unknown,
            roles: Vec::new(),
            surname_from: None,
        }
    }

    /// The tokens of the name: its own, then the surname it shares, if any.
    pub fn name_tokens(&self) -> impl Iterator<Item = usize> + use<> {
        let shared = self.surname_from.map_or(0..0, |(a, b)| a..b);
        (self.first..self.end).chain(shared)
    }
}

/// Referents under construction.
#[derive(Default)]
pub struct Resolver {
    pub referents: Vec<Referent>,
    pub mentions: Vec<Mention>,
    by_entry: HashMap<(usize, u8), usize>,
    by_text: HashMap<String, usize>,
    /// A titled short form's referent by its text and the title's gender: "Mr. Khan" stays
    /// the Khan it was first read as when a son of that surname is named later.
    by_titled: HashMap<(String, u8), usize>,
    /// Name words of each person referent, for short mentions ("Choe").
    person_words: Vec<(usize, Vec<String>)>,
}

fn kind_key(kind: EntityType) -> u8 {
    kind as u8
}

impl Resolver {
    /// Adds a name mention, joining it to the referent it names or starting a new one.
    pub fn add(&mut self, t: &Tokens<'_>, n: &Named) {
        let text = mention_text(t, n.first, n.end);
        let words: Vec<String> = n.name_tokens().map(|k| t.text(k).to_string()).collect();
        let titled = (n.kind == EntityType::Person && n.gender != Gender::Unknown)
            .then(|| (text.clone(), n.gender as u8));
        let existing = match n.entry {
            Some(e) => self.by_entry.get(&(e, kind_key(n.kind))).copied(),
            None => None,
        }
        .or_else(|| {
            let same = titled
                .as_ref()
                .and_then(|key| self.by_titled.get(key))
                .or_else(|| self.by_text.get(&text))
                .copied()
                .filter(|&r| self.referents[r].kind == n.kind && self.same_gender(r, n.gender))?;
            // "Gerald Ford ... Mrs Ford ... Ford, a Republican president": a short form that
            // is all an earlier referent was ever called goes to the person named in full.
            let short_only = n.kind == EntityType::Person
                && self
                    .person_words
                    .iter()
                    .any(|(r, known)| *r == same && known.len() == words.len());
            let full = short_only
                .then(|| self.person_named_in_full(&words, n.gender))
                .flatten();
            Some(full.unwrap_or(same))
        })
        .or_else(|| {
            (n.kind == EntityType::Person)
                .then(|| self.person_matching(&words, n.gender))
                .flatten()
        })
        .or_else(|| {
            (n.kind == EntityType::Org && words.len() == 1)
                .then(|| self.org_ending_in(&text))
                .flatten()
        });
        let referent = match existing {
            Some(r) => {
                let rf = &mut self.referents[r];
                if text.chars().count() > rf.canonical.chars().count() && n.kind == rf.kind {
                    rf.canonical = text.clone();
                }
                if rf.actor.is_none() {
                    rf.actor = n.actor.clone();
                }
                if rf.gender == Gender::Unknown {
                    rf.gender = n.gender;
                }
                for role in &n.roles {
                    if !rf.roles.contains(role) {
                        rf.roles.push(role.clone());
                    }
                }
                r
            }
            None => {
                let canonical = match n.surname_from {
                    Some((a, b)) => format!("{text} {}", mention_text(t, a, b)),
                    None => text.clone(),
                };
                self.referents.push(Referent {
                    canonical,
                    kind: n.kind,
                    actor: n.actor.clone(),
                    gender: n.gender,
                    roles: n.roles.clone(),
                });
                self.referents.len() - 1
            }
        };
        if let Some(e) = n.entry {
            self.by_entry.insert((e, kind_key(n.kind)), referent);
        }
        self.by_text.insert(text, referent);
        if let Some(key) = titled {
            self.by_titled.entry(key).or_insert(referent);
        }
        if n.kind == EntityType::Person {
            match self.person_words.iter_mut().find(|(r, _)| *r == referent) {
                Some((_, known)) if words.len() > known.len() => *known = words,
                Some(_) => {}
                None => self.person_words.push((referent, words)),
            }
        }
        self.mentions.push(Mention {
            span: span_of(t, n.first, n.end),
            referent,
            form: MentionForm::Name,
        });
    }

    /// The person referent whose name holds every word of `words` ("Choe" in "Choe Son Hui"),
    /// of a gender that `gender` does not contradict ("Mr. Clinton" is not Hillary Clinton).
    pub fn person_matching(&self, words: &[String], gender: Gender) -> Option<usize> {
        self.person_words
            .iter()
            .rev()
            .find(|&&(r, ref known)| {
                words.iter().all(|w| known.contains(w)) && self.same_gender(r, gender)
            })
            .map(|(r, _)| *r)
    }

    /// The latest organisation referent whose longer name ends in the word `head` ("the Post"
    /// after "The Washington Post").
    fn org_ending_in(&self, head: &str) -> Option<usize> {
        self.mentions.iter().rev().map(|m| m.referent).find(|&r| {
            let rf = &self.referents[r];
            rf.kind == EntityType::Org
                && rf
                    .canonical
                    .strip_suffix(head)
                    .is_some_and(|rest| rest.ends_with(' '))
        })
    }

    /// The latest person referent named with more words than `words`, all of them among its
    /// own, of a gender that `gender` does not contradict.
    fn person_named_in_full(&self, words: &[String], gender: Gender) -> Option<usize> {
        self.person_words
            .iter()
            .rev()
            .find(|&&(r, ref known)| {
                known.len() > words.len()
                    && words.iter().all(|w| known.contains(w))
                    && self.same_gender(r, gender)
            })
            .map(|(r, _)| *r)
    }

    /// Whether a mention of `gender` may be referent `r`: one of them is of unknown gender,
    /// or both are the same.
    fn same_gender(&self, r: usize, gender: Gender) -> bool {
        let theirs = self.referents[r].gender;
        gender == Gender::Unknown || theirs == Gender::Unknown || theirs == gender
    }
}

/// The mention's text as written, without a trailing possessive.
pub fn mention_text(t: &Tokens<'_>, first: usize, end: usize) -> String {
    let span = span_of(t, first, end);
    t.body[span.range()].to_string()
}

pub fn span_of(t: &Tokens<'_>, first: usize, end: usize) -> ByteSpan {
    match (t.tokens.get(first), t.tokens.get(end.saturating_sub(1))) {
        (Some(a), Some(b)) => ByteSpan {
            start: a.span.start,
            end: b.span.end,
        },
        _ => ByteSpan::default(),
    }
}

/// "the minister", "the agency": a role word after "the" that no name follows, linked to the
/// last person mentioned with that role.
pub fn role_mentions(t: &Tokens<'_>, res: &super::NameResources, r: &mut Resolver) {
    let mut found = Vec::new();
    let mut buf = String::new();
    for i in 0..t.len() {
        if !t.text(i).eq_ignore_ascii_case("the") {
            continue;
        }
        let Some(n) = super::evidence::longest_role(t, res, i + 1, &mut buf) else {
            continue;
        };
        let end = i + 1 + n;
        if t.is_capitalised(end) || !t.same_sentence(i, end - 1) {
            continue;
        }
        let head = buf.rsplit(' ').next().unwrap_or(&buf).to_string();
        let before = t.tokens.get(i).map_or(0, |tok| tok.span.start);
        let holder =
            r.mentions
                .iter()
                .rev()
                .filter(|m| m.span.start < before && m.form == MentionForm::Name)
                .map(|m| m.referent)
                .find(|&rf| {
                    let rf = &r.referents[rf];
                    rf.kind == EntityType::Person
                        && rf.roles.iter().any(|role| {
                            *role == buf || role.rsplit(' ').next() == Some(head.as_str())
                        })
                });
        if let Some(referent) = holder {
            found.push(Mention {
                span: span_of(t, i, end),
                referent,
                form: MentionForm::Role,
            });
        }
    }
    r.mentions.extend(found);
    r.mentions.sort_by_key(|m| m.span.start);
}

/// Personal pronouns linked to the last compatible person: in the same sentence before the
/// pronoun, else in the nearest earlier sentence that names one, up to three sentences back.
/// There the subject of the clause highest in the tree is taken ("Stanishev's visit will
/// help, Dung said. He thanked ..." → Dung), else the sentence's first such mention; without a
/// parse, the first.
pub fn pronouns(t: &Tokens<'_>, syntax: &Syntax, r: &mut Resolver) -> Vec<PronounLink> {
    let mut links = Vec::new();
    // The sentence of each mention, found once rather than once per pronoun.
    let sentence_of: Vec<Option<u32>> = r
        .mentions
        .iter()
        .map(|m| {
            t.starting_at(m.span.start as usize)
                .and_then(|k| t.sentence.get(k))
                .copied()
        })
        .collect();
    let quoted = inside_quotations(t);
    for i in 0..t.len() {
        let gender = match t.text(i) {
            "he" | "He" | "him" | "his" | "His" | "himself" => Gender::Male,
            "she" | "She" | "her" | "Her" | "hers" | "herself" => Gender::Female,
            _ => continue,
        };
        let Some(tok) = t.tokens.get(i) else { continue };
        let here = t.sentence.get(i).copied().unwrap_or(0);
        let compatible = |m: &Mention| {
            let rf = &r.referents[m.referent];
            rf.kind == EntityType::Person
                && (rf.gender == Gender::Unknown || rf.gender == gender)
                && m.span.end <= tok.span.start
        };
        let mut chosen = None;
        for back in 0..=3u32 {
            let Some(s) = here.checked_sub(back) else {
                break;
            };
            let mut candidates = r
                .mentions
                .iter()
                .zip(&sentence_of)
                .filter(|&(m, &ms)| ms == Some(s) && compatible(m))
                .map(|(m, _)| m);
            // A person known to be of the pronoun's gender goes before one of unknown gender:
            // in "Chris Christie called Hillary Clinton a disgrace after she spoke", "she" is
            // Clinton, though Christie is named first.
            let known = |m: &Mention| r.referents[m.referent].gender == gender;
            let in_sentence = if back == 0 {
                candidates.clone().find(|m| known(m)).or(candidates.next())
            } else {
                let first = candidates
                    .clone()
                    .find(|m| known(m))
                    .or(candidates.clone().next());
                candidates
                    .filter_map(|m| subject_depth(t, syntax, m.span).map(|d| (d, m)))
                    .min_by_key(|&(d, m)| (!known(m), d, m.span.start))
                    .map(|(_, m)| m)
                    .or(first)
            };
            if let Some(m) = in_sentence {
                chosen = Some(m.referent);
                break;
            }
        }
        if let Some(referent) = chosen {
            // Inside a quotation "he" is most often someone the speaker talks about, not the
            // person named before it ("“If he is asked ...,” she said"): no gender from it.
            // A possessive or object ("her career", "told him") stands for whoever the
            // sentence talks about as often as for its subject: only "he" and "she" teach.
            let quoted = quoted.get(i).copied().unwrap_or(false);
            let subject = matches!(t.text(i), "he" | "He" | "she" | "She");
            if subject && !quoted && r.referents[referent].gender == Gender::Unknown {
                r.referents[referent].gender = gender;
            }
            links.push(PronounLink {
                span: tok.span,
                referent,
            });
        }
    }
    links
}

/// Whether each token lies between quotation marks: curly marks open and close, a straight
/// double mark toggles, and a paragraph break ends every quotation left open.
fn inside_quotations(t: &Tokens<'_>) -> Vec<bool> {
    let mut out = Vec::with_capacity(t.len());
    let mut open = false;
    let mut prev_end = 0usize;
    for (i, tok) in t.tokens.iter().enumerate() {
        let gap = t.body.get(prev_end..tok.span.start as usize).unwrap_or("");
        if gap.contains("\n\n") {
            open = false;
        }
        prev_end = tok.span.end as usize;
        match t.text(i) {
            "“" | "``" => {
                open = true;
                out.push(true);
                continue;
            }
            "”" | "''" => open = false,
            "\"" => {
                open = !open;
                out.push(true);
                continue;
            }
            _ => {}
        }
        out.push(open);
    }
    out
}

/// How deep in its sentence's tree the clause lies whose subject the mention at `span` is (0:
/// the main clause); `None` when the mention is no subject, or there is no parse.
fn subject_depth(t: &Tokens<'_>, syntax: &Syntax, span: ByteSpan) -> Option<usize> {
    if syntax.is_empty() {
        return None;
    }
    let first = t.starting_at(span.start as usize)?;
    let inside = |i: usize| {
        t.tokens
            .get(i)
            .is_some_and(|tok| tok.span.start >= span.start && tok.span.end <= span.end)
    };
    // the mention's head: its token whose own head lies outside it
    let head = (first..t.len())
        .take_while(|&i| inside(i))
        .find(|&i| syntax.head(i).is_none_or(|h| !inside(h)))?;
    syntax
        .deprel(head)
        .is_some_and(|r| r.is_subject())
        .then(|| syntax.ancestors(head).count())
}
