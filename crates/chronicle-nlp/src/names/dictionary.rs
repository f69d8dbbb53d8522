//! The team's actor dictionaries (`dictionaries/actors/*.txt`), parsed once.
//!
//! Four files, one entry a line, fields separated by ` | `, comments after `#`:
//! - `countries.txt`: `PRK | North Korea | iso2=KP | alias=... | demonym=... | capital=... | gov=...`
//! - `organisations.txt`: `IGOUNO | United Nations | type=ORG | alias=UN; U.N. | country=...`
//! - `leaders.txt`: `Donald J. Trump | alias=... | USAGOV 2017-01-20..2021-01-20; USAGOV 2025-01-20.. | role=president`
//! - `roles.txt`: `foreign minister | GOV`

use chronicle_core::EntityType;

use crate::countries::split_list;
use jiff::civil::Date;

/// A dated actor code: `USAGOV` from 2017-01-20 to 2021-01-20.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub code: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// How an entry's actor code is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coding {
    /// One code for all time (countries, organisations).
    Fixed(String),
    /// Codes by term of office (people): the code of the term that covers the article's date.
    Terms(Vec<Term>),
}

/// One thing the dictionaries know: a country, an organisation, an office holder.
#[derive(Debug, Clone)]
pub struct Entry {
    pub canonical: String,
    pub kind: EntityType,
    pub coding: Coding,
    /// Role words for "the minister" style references.
    pub roles: Vec<String>,
    /// Whether the entry is a state (countries.txt), not a city, region or province.
    pub sovereign: bool,
}

/// How a phrase names its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// The canonical name or a full alias.
    Name,
    /// A person's surname alone ("Trump"): trusted only when the article supports it.
    Surname,
    /// A nationality adjective or people ("North Korean", "Afghans"): NORP.
    Demonym,
    /// A capital city ("Pyongyang"): the place, and by metonymy the government.
    Capital,
    /// A seat of government standing for it ("the Kremlin", "White House").
    Seat,
}

/// A phrase of the dictionaries, with what it names.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub text: String,
    pub entry: usize,
    pub kind: PhraseKind,
}

/// A role word and its CAMEO agent code ("foreign minister" → GOV).
#[derive(Debug, Clone)]
pub struct Role {
    pub words: String,
    pub code: String,
    /// The phrase names one person ("the minister", "a spokesman"), not a body or a group ("the
    /// government", "police", "rebels"): alone, it stands for someone the article names
    /// elsewhere.
    pub one_person: bool,
}

/// Every actor entry, every phrase that names one, and the role words.
#[derive(Debug, Default)]
pub struct ActorDictionary {
    pub entries: Vec<Entry>,
    pub phrases: Vec<Phrase>,
    pub roles: Vec<Role>,
    /// Phrases whose presence discards a story from event coding (PETRARCH discard files).
    pub discards: Vec<String>,
    /// Whether phrases match without regard to case (PETRARCH dictionaries are in capitals).
    pub ignore_case: bool,
    /// Lines that were read past rather than refused (a typo in a date restriction).
    pub warnings: Vec<DictionaryError>,
}

/// A line the loader could not read, with its file and line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictionaryError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for DictionaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The role words of `dictionaries/actors/roles.txt`, parsed once for every stage that reads
/// them (the names stage's "the minister", the events stage's "Turkish troops").
///
/// The file is compile-time data: a line that does not parse is a build defect, and panics naming
/// the file and line.
pub fn embedded_roles() -> &'static [Role] {
    static ROLES: std::sync::OnceLock<Vec<Role>> = std::sync::OnceLock::new();
    ROLES.get_or_init(|| {
        let mut d = ActorDictionary::default();
        d.add_roles(
            "dictionaries/actors/roles.txt",
            include_str!("../../../../dictionaries/actors/roles.txt"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        d.roles
    })
}

impl ActorDictionary {
    /// The dictionaries shipped with Chronicle, embedded at build time.
    pub fn embedded() -> Result<Self, DictionaryError> {
        let mut d = ActorDictionary::default();
        d.add_countries("countries.txt", crate::countries::EMBEDDED)?;
        d.add_regions(
            "regions.txt",
            include_str!("../../../../dictionaries/actors/regions.txt"),
        )?;
        d.add_organisations(
            "organisations.txt",
            include_str!("../../../../dictionaries/actors/organisations.txt"),
        )?;
        d.add_leaders(
            "leaders.txt",
            include_str!("../../../../dictionaries/actors/leaders.txt"),
        )?;
        d.roles = embedded_roles().to_vec();
        Ok(d)
    }

    /// Adds `countries.txt`-format entries (read by [`crate::countries`], the table's one reader).
    pub fn add_countries(&mut self, file: &str, text: &str) -> Result<(), DictionaryError> {
        let countries = crate::countries::parse(text).map_err(|e| err(file, e.line, e.message))?;
        for country in countries {
            let entry = self.push(Entry {
                canonical: country.name.to_string(),
                kind: EntityType::Gpe,
                coding: Coding::Fixed(country.code.to_string()),
                roles: Vec::new(),
                sovereign: true,
            });
            self.phrase(country.name, entry, PhraseKind::Name);
            for (key, values) in &country.fields {
                let kind = match *key {
                    "alias" => PhraseKind::Name,
                    "demonym" => PhraseKind::Demonym,
                    "capital" => PhraseKind::Capital,
                    "gov" => PhraseKind::Seat,
                    _ => continue,
                };
                for v in values {
                    self.phrase(v, entry, kind);
                }
            }
        }
        Ok(())
    }

    /// Adds `regions.txt`-format entries: `CODE | Name | type=GPE|LOC | alias=...`.
    pub fn add_regions(&mut self, file: &str, text: &str) -> Result<(), DictionaryError> {
        for (line, fields) in records(file, text)? {
            let [code, name, rest @ ..] = fields.as_slice() else {
                return Err(err(file, line, "expected `CODE | Name | type=GPE|LOC ...`"));
            };
            let kind = match keyed(rest)
                .find(|(k, _)| *k == "type")
                .and_then(|(_, mut v)| v.next())
            {
                Some("LOC") => EntityType::Loc,
                Some("GPE") => EntityType::Gpe,
                _ => return Err(err(file, line, "expected `type=GPE` or `type=LOC`")),
            };
            let entry = self.push(Entry {
                canonical: name.to_string(),
                kind,
                coding: Coding::Fixed(code.to_string()),
                roles: Vec::new(),
                sovereign: false,
            });
            self.add_named(entry, name, rest);
        }
        Ok(())
    }

    /// Adds `organisations.txt`-format entries.
    pub fn add_organisations(&mut self, file: &str, text: &str) -> Result<(), DictionaryError> {
        for (line, fields) in records(file, text)? {
            let [code, name, rest @ ..] = fields.as_slice() else {
                return Err(err(file, line, "expected `CODE | Name | type=ORG ...`"));
            };
            let entry = self.push(Entry {
                canonical: name.to_string(),
                kind: EntityType::Org,
                coding: Coding::Fixed(code.to_string()),
                roles: Vec::new(),
                sovereign: false,
            });
            self.add_named(entry, name, rest);
        }
        Ok(())
    }

    /// Adds `leaders.txt`-format entries.
    pub fn add_leaders(&mut self, file: &str, text: &str) -> Result<(), DictionaryError> {
        for (line, fields) in records(file, text)? {
            let Some((name, rest)) = fields.split_first() else {
                continue;
            };
            let mut terms = Vec::new();
            let mut roles = Vec::new();
            let mut aliases = Vec::new();
            for field in rest {
                match field.split_once('=') {
                    Some(("alias", v)) => aliases.extend(split_list(v)),
                    Some(("role", v)) => roles.extend(split_list(v).map(str::to_lowercase)),
                    Some(_) => {}
                    None => {
                        for t in split_list(field) {
                            terms.push(
                                parse_term(t)
                                    .ok_or_else(|| err(file, line, &format!("bad term {t:?}")))?,
                            );
                        }
                    }
                }
            }
            let entry = self.push(Entry {
                canonical: name.to_string(),
                kind: EntityType::Person,
                coding: Coding::Terms(terms),
                roles,
                sovereign: false,
            });
            self.phrase(name, entry, PhraseKind::Name);
            for alias in aliases {
                let kind = if alias.split_whitespace().count() == 1 {
                    PhraseKind::Surname
                } else {
                    PhraseKind::Name
                };
                self.phrase(alias, entry, kind);
            }
        }
        Ok(())
    }

    /// Adds `roles.txt`-format lines.
    pub fn add_roles(&mut self, file: &str, text: &str) -> Result<(), DictionaryError> {
        for (line, fields) in records(file, text)? {
            let (words, code, one_person) = match fields.as_slice() {
                [words, code] => (words, code, false),
                [words, code, "one"] => (words, code, true),
                _ => return Err(err(file, line, "expected `role words | CODE [| one]`")),
            };
            self.roles.push(Role {
                words: words.to_lowercase(),
                code: code.to_string(),
                one_person,
            });
        }
        Ok(())
    }

    /// The canonical name and the `alias=` list of a fixed-code entry ("the" dropped from an
    /// alias: "the United Nations" is matched as "United Nations").
    fn add_named(&mut self, entry: usize, name: &str, fields: &[&str]) {
        self.phrase(name, entry, PhraseKind::Name);
        for (key, values) in keyed(fields) {
            let kind = match key {
                "alias" => PhraseKind::Name,
                // "Scottish", "Kurdish": a nation within a state has its people too.
                "demonym" => PhraseKind::Demonym,
                _ => continue,
            };
            for v in values {
                self.phrase(v.strip_prefix("the ").unwrap_or(v), entry, kind);
            }
        }
    }

    fn push(&mut self, entry: Entry) -> usize {
        self.entries.push(entry);
        self.entries.len() - 1
    }

    fn phrase(&mut self, text: &str, entry: usize, kind: PhraseKind) {
        let text = text.trim();
        if !text.is_empty() {
            self.phrases.push(Phrase {
                text: text.to_string(),
                entry,
                kind,
            });
        }
    }
}

impl Entry {
    /// The actor code by the article's date: the term that covers it; before any term, none;
    /// after the last, the country with `ELI` (a former office holder).
    pub fn code_on(&self, date: Option<Date>) -> Option<String> {
        match &self.coding {
            Coding::Fixed(code) => Some(code.clone()),
            Coding::Terms(terms) => {
                let Some(date) = date else {
                    return terms.last().map(|t| t.code.clone());
                };
                let covers = |t: &&Term| {
                    t.from.is_none_or(|f| f <= date) && t.to.is_none_or(|to| date <= to)
                };
                let dated = |t: &&Term| t.from.is_some() || t.to.is_some();
                // A dated term that covers the date wins over an undated default.
                if let Some(t) = terms
                    .iter()
                    .filter(dated)
                    .find(covers)
                    .or_else(|| terms.iter().find(covers))
                {
                    return Some(t.code.clone());
                }
                let last_before = terms.iter().rfind(|t| t.to.is_some_and(|to| to < date))?;
                Some(format!("{}ELI", last_before.code.get(..3).unwrap_or("")))
            }
        }
    }
}

impl Entry {
    /// Whether the entry had taken office by the article's date (a former office holder has):
    /// an undated article contradicts no term, and a fixed code holds at every date.
    pub fn begun_by(&self, date: Option<Date>) -> bool {
        let (Some(date), Coding::Terms(terms)) = (date, &self.coding) else {
            return true;
        };
        terms.iter().any(|t| t.from.is_none_or(|f| f <= date))
    }

    /// Whether the article's date lies inside one of the entry's terms of office; an undated
    /// article contradicts no term, and a fixed code holds at every date.
    pub fn in_term(&self, date: Option<Date>) -> bool {
        let (Some(date), Coding::Terms(terms)) = (date, &self.coding) else {
            return true;
        };
        terms
            .iter()
            .any(|t| t.from.is_none_or(|f| f <= date) && t.to.is_none_or(|to| date <= to))
    }

    /// The countries of the entry's codes (`AUS` of `AUSGOV`): the article's mention of one of
    /// them speaks for the entry.
    pub fn countries(&self) -> impl Iterator<Item = &str> {
        let (fixed, terms): (Option<&str>, &[Term]) = match &self.coding {
            Coding::Fixed(code) => (Some(code.as_str()), &[]),
            Coding::Terms(terms) => (None, terms.as_slice()),
        };
        fixed
            .into_iter()
            .chain(terms.iter().map(|t| t.code.as_str()))
            .filter_map(|c| c.get(..3))
    }
}

fn parse_term(t: &str) -> Option<Term> {
    let (code, range) = t.split_once(' ')?;
    let (from, to) = range.trim().split_once("..")?;
    let date = |s: &str| -> Option<Option<Date>> {
        let s = s.trim();
        if s.is_empty() {
            Some(None)
        } else {
            s.parse().ok().map(Some)
        }
    };
    Some(Term {
        code: code.to_string(),
        from: date(from)?,
        to: date(to)?,
    })
}

/// The records of a dictionary file: line number and ` | `-separated fields, comments removed.
fn records<'a>(file: &str, text: &'a str) -> Result<Vec<(usize, Vec<&'a str>)>, DictionaryError> {
    crate::countries::records(text).map_err(|e| err(file, e.line, e.message))
}

fn keyed<'a>(
    fields: &'a [&'a str],
) -> impl Iterator<Item = (&'a str, impl Iterator<Item = &'a str>)> {
    fields
        .iter()
        .filter_map(|f| f.split_once('='))
        .map(|(k, v)| (k.trim(), split_list(v)))
}

fn err(file: &str, line: usize, message: &str) -> DictionaryError {
    DictionaryError {
        file: file.to_string(),
        line,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_embedded_dictionaries_load() {
        let d = ActorDictionary::embedded().expect("dictionaries parse");
        assert!(d.entries.len() > 500);
        let prk = d
            .phrases
            .iter()
            .find(|p| p.text == "DPRK")
            .expect("DPRK is an alias");
        assert_eq!(d.entries[prk.entry].canonical, "North Korea");
        assert!(
            d.roles
                .iter()
                .any(|r| r.words == "foreign minister" && r.code == "GOV")
        );
    }

    #[test]
    fn office_holders_code_by_the_article_date() {
        let mut d = ActorDictionary::default();
        d.add_leaders("t", "Donald J. Trump | alias=Trump | USAGOV 2017-01-20..2021-01-20; USAGOV 2025-01-20.. | role=president")
            .unwrap();
        let trump = &d.entries[0];
        assert_eq!(
            trump.code_on(Some(date(2020, 7, 6))).as_deref(),
            Some("USAGOV")
        );
        assert_eq!(
            trump.code_on(Some(date(2022, 3, 1))).as_deref(),
            Some("USAELI")
        );
        assert_eq!(
            trump.code_on(Some(date(2026, 1, 1))).as_deref(),
            Some("USAGOV")
        );
        assert_eq!(trump.code_on(Some(date(2010, 1, 1))), None);
        assert_eq!(d.phrases[1].kind, PhraseKind::Surname);
    }

    #[test]
    fn a_malformed_line_is_named() {
        let mut d = ActorDictionary::default();
        let e = d
            .add_roles("roles.txt", "# roles\nminister | GOV\nbroken line\n")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "roles.txt:3: expected `role words | CODE [| one]`"
        );
        let e = d
            .add_roles("roles.txt", "minister | GOV | two\n")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "roles.txt:1: expected `role words | CODE [| one]`"
        );
        let mut d = ActorDictionary::default();
        d.add_roles("roles.txt", "spokesman | GOV | one\npolice | COP\n")
            .expect("well-formed roles");
        let one: Vec<bool> = d.roles.iter().map(|r| r.one_person).collect();
        assert_eq!(one, [true, false]);
    }
}
