//! The name finder's word lists (`dictionaries/names/*.txt`): given names with their gender,
//! titles, heads of organisation and place names, capitalised words that are not names, the
//! particles that join name parts, and the words that mark a sports report.

use crate::hash::{FastMap as HashMap, FastSet as HashSet};

use chronicle_core::Gender;

/// What a place head word makes of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceHead {
    /// A river, a sea, a mountain range: LOC.
    Natural,
    /// A province, a county, a city: GPE.
    Political,
    /// An airport, a square, a base.
    Facility,
}

/// A title before a person's name ("President", "Mr.", "Gen.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    pub gender: Gender,
    /// Whether the title is an office (President, Minister) rather than an honorific (Mr.).
    pub office: bool,
    /// Whether the word is more often a given name than this title before one capitalised
    /// word alone ("Dean Jones", "Don Penney").
    pub given_before_surname: bool,
}

/// The word lists, keyed for lookups without allocation where it matters.
#[derive(Debug, Default)]
pub struct NameLexicon {
    given: HashMap<String, Gender>,
    /// Given names that are also a common word, a place or a famous surname ("Jordan",
    /// "Georgia", "Will"): evidence of a person only with a surname after them.
    ambiguous_given: HashMap<String, Gender>,
    /// Titles by their lowercase form, single- and multi-word ("prime minister").
    titles: HashMap<String, Title>,
    /// Organisation heads, with whether each is also an ordinary word ("Division", "Olympic").
    org_heads: HashMap<String, bool>,
    /// Legal-form suffixes ("Inc", "Ltd", "GmbH"), a subset of the organisation heads.
    org_suffixes: HashSet<String>,
    /// Heads of clubs and teams ("United", "City", "Rovers"), a subset of the organisation heads.
    team_heads: HashSet<String>,
    /// Heads of newspapers, broadcasters and agencies ("Post", "Times", "Herald").
    media_heads: HashSet<String>,
    /// A party's member, from the party heads written in the plural ("Republican" of
    /// "Republicans", "Socialist" of "Socialists").
    party_members: HashSet<String>,
    /// Heads of named events, contests and laws ("Cup", "Open", "War", "Treaty").
    event_heads: HashSet<String>,
    /// Event heads that name an event by themselves ("Olympics", "Games", "Oscars").
    events_alone: HashSet<String>,
    place_heads: HashMap<String, PlaceHead>,
    not_names: HashSet<String>,
    particles: HashSet<String>,
    /// Words that mark a sports report ("innings", "striker", "halftime").
    sport_words: HashSet<String>,
    /// Peoples and faiths named by their members ("Kurds", "Moslems"): groups, not names.
    group_nouns: HashSet<String>,
    /// What a member of a team is ("winger", "prop", "manager"), lowercase.
    member_nouns: HashSet<String>,
    /// Common nouns that stand for an organisation ("company", "club", "newspaper"): a name
    /// they head in apposition or introduce is an organisation.
    institution_nouns: HashSet<String>,
    /// Longest title in words, to bound lookbehind.
    pub max_title_words: usize,
}

impl NameLexicon {
    /// The embedded lists.
    pub fn embedded() -> Self {
        let mut lx = NameLexicon::default();
        for f in fields(include_str!(
            "../../../../dictionaries/names/given_names.txt"
        )) {
            // A name that is also a common word or a famous surname ("Will", "Abe") is no
            // evidence of a person by itself.
            if let [name, gender, rest @ ..] = f.as_slice() {
                if rest.contains(&"ambiguous") {
                    lx.ambiguous_given
                        .insert(name.to_string(), gender_of(gender));
                } else {
                    lx.given.insert(name.to_string(), gender_of(gender));
                }
            }
        }
        for f in fields(include_str!("../../../../dictionaries/names/titles.txt")) {
            if let [title, gender, kind, rest @ ..] = f.as_slice() {
                let key = title.to_lowercase();
                lx.max_title_words = lx.max_title_words.max(key.split_whitespace().count());
                lx.titles.insert(
                    key,
                    Title {
                        gender: gender_of(gender),
                        office: !matches!(*kind, "honorific"),
                        given_before_surname: rest.contains(&"given"),
                    },
                );
            }
        }
        for f in fields(include_str!("../../../../dictionaries/names/org_heads.txt")) {
            if let [w, kind, rest @ ..] = f.as_slice() {
                lx.org_heads
                    .insert(w.to_string(), rest.contains(&"ambiguous"));
                if *kind == "suffix" {
                    lx.org_suffixes.insert(w.to_string());
                }
                if *kind == "sport" {
                    lx.team_heads.insert(w.to_string());
                }
                if *kind == "media" {
                    lx.media_heads.insert(w.to_string());
                }
                if let Some(one) = w.strip_suffix('s').filter(|_| *kind == "party") {
                    lx.party_members.insert(one.to_string());
                }
            }
        }
        let events = include_str!("../../../../dictionaries/names/event_heads.txt");
        lx.event_heads = first_words(events);
        lx.events_alone = fields(events)
            .filter(|f| f.get(1) == Some(&"alone"))
            .filter_map(|f| f.first().map(|w| w.to_string()))
            .collect();
        for f in fields(include_str!("../../../../dictionaries/names/loc_heads.txt")) {
            if let [w, kind, ..] = f.as_slice() {
                let head = match *kind {
                    "gpe" => PlaceHead::Political,
                    "facility" => PlaceHead::Facility,
                    _ => PlaceHead::Natural,
                };
                lx.place_heads.insert(w.to_string(), head);
            }
        }
        lx.not_names = first_words(include_str!("../../../../dictionaries/names/not_names.txt"));
        lx.particles = first_words(include_str!(
            "../../../../dictionaries/names/surname_particles.txt"
        ));
        lx.sport_words = first_words(include_str!(
            "../../../../dictionaries/names/sport_words.txt"
        ));
        lx.member_nouns = first_words(include_str!(
            "../../../../dictionaries/names/member_nouns.txt"
        ));
        lx.group_nouns = first_words(include_str!(
            "../../../../dictionaries/names/group_nouns.txt"
        ));
        lx.institution_nouns = first_words(include_str!(
            "../../../../dictionaries/names/institution_nouns.txt"
        ));
        lx
    }

    /// A head of clubs and teams ("Rovers"; "City" as in "Manchester City").
    pub fn is_team_head(&self, word: &str) -> bool {
        self.team_heads.contains(word)
    }

    /// A common noun that stands for an organisation ("company", "club"), lowercase.
    pub fn is_institution_noun(&self, word: &str) -> bool {
        self.institution_nouns.contains(word)
    }

    /// A people or a faith named by its members ("Kurds", "Moslems"), as written.
    pub fn is_group_noun(&self, word: &str) -> bool {
        self.group_nouns.contains(word)
    }

    /// A word that marks a sports report, as written (lowercase in the list).
    pub fn is_sport_word(&self, word: &str) -> bool {
        self.sport_words.contains(word)
    }

    /// A team member's position or post ("winger", "prop", "manager"), as written.
    pub fn is_member_noun(&self, word: &str) -> bool {
        self.member_nouns.contains(word)
    }

    /// The gender a given name suggests, if it is one.
    pub fn given_name(&self, word: &str) -> Option<Gender> {
        self.given.get(word).copied()
    }

    /// A given name the list marks as also a common word, a place or a famous surname
    /// ("Jordan", "Georgia"): a person's only when a surname follows it.
    pub fn is_ambiguous_given_name(&self, word: &str) -> bool {
        self.ambiguous_given.contains_key(word)
    }

    /// The gender a word has as the given name of someone known to be a person, ambiguous
    /// given names included ("Bill" in "Bill Clinton"); none for a unisex name.
    pub fn given_name_gender(&self, word: &str) -> Option<Gender> {
        self.given
            .get(word)
            .or_else(|| self.ambiguous_given.get(word))
            .copied()
            .filter(|&g| g != Gender::Unknown)
    }

    /// A member of a party ("Republican", "Democrat", "Socialist"): describes a person, names
    /// none.
    pub fn is_party_member(&self, word: &str) -> bool {
        self.party_members.contains(word)
    }

    /// The title spelt by `words` (lowercase, single spaces), if it is one.
    pub fn title(&self, words: &str) -> Option<Title> {
        self.titles.get(words).copied()
    }

    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains_key(word)
    }

    /// An organisation head that is also an ordinary word: alone it names nothing ("Division
    /// one", "Olympic champion").
    pub fn is_ambiguous_org_head(&self, word: &str) -> bool {
        self.org_heads.get(word).copied().unwrap_or(false)
    }

    /// The head of a newspaper's, a broadcaster's or an agency's name ("Post", "Times").
    pub fn is_media_head(&self, word: &str) -> bool {
        self.media_heads.contains(word)
    }

    /// A legal-form suffix: the organisation name it ends is complete.
    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes.contains(word)
    }

    /// The last word of a named event, contest or law: "World Cup", "U.S. Open", "Gulf War".
    /// Such names are neither actors nor places.
    pub fn is_event_head(&self, word: &str) -> bool {
        self.event_heads.contains(word)
    }

    /// An event head that names an event by itself: "the Olympics", "the Games".
    pub fn names_event_alone(&self, word: &str) -> bool {
        self.events_alone.contains(word)
    }

    pub fn place_head(&self, word: &str) -> Option<PlaceHead> {
        self.place_heads.get(word).copied()
    }

    /// A capitalised word that is not a name by itself ("However", "Monday", "The").
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }

    /// A particle that joins name parts ("bin", "von", "al-").
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }
}

fn gender_of(s: &str) -> Gender {
    match s {
        "m" => Gender::Male,
        "f" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// TAB-separated fields of each meaningful line.
/// The first field of every line of a word list: the words themselves.
fn first_words(text: &str) -> HashSet<String> {
    fields(text)
        .filter_map(|f| f.first().map(|w| w.to_string()))
        .collect()
}

fn fields(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}
