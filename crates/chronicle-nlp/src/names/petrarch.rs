//! PETRARCH/TABARI dictionaries, loaded as they are: actor files with date-restricted codes,
//! agent files with their `!MACRO!` substitutions, and discard files.
//!
//! Actor entries: a name line (`KOFI_ANNAN_`, words joined by `_`), synonym lines (`+K._ANNAN_`),
//! then codes, either on the name line (`UN_ [IGOUNO]`) or on indented lines
//! (`\t[IGOUNO 970101-061231]`, `[IGOUNO >20070101]`, `[USAGOV <20010120]`). Agent lines:
//! `FARMER [~AGR]`, with `!PERSON! = MAN, MEN, WOMAN` macros expanded inside words.
//! `#` starts a comment; `<!-- -->` blocks (the validation suites' files) are skipped.

use std::path::Path;

use chronicle_core::EntityType;

use crate::petrarch::{FileKind, PetrarchFiles, expand, tabari_date};

use super::dictionary::{
    ActorDictionary, Coding, DictionaryError, Entry, Phrase, PhraseKind, Role, Term,
};

/// Loads every actor, agent and discard file in `dir` (by name: `*actor*`, `*agent*`,
/// `*discard*`; `.txt`), in file-name order.
pub fn load_dir(dir: &Path) -> Result<ActorDictionary, DictionaryError> {
    let files = PetrarchFiles::read_dir(dir).map_err(|e| io_err(&e.path, e.error))?;
    from_files(&files)
}

/// The actor dictionary of dictionary files read once ([`PetrarchFiles`]), in their order.
pub fn from_files(files: &PetrarchFiles) -> Result<ActorDictionary, DictionaryError> {
    let mut dict = ActorDictionary {
        ignore_case: true,
        ..ActorDictionary::default()
    };
    for file in &files.files {
        match file.kind {
            FileKind::Actors => add_actors(&mut dict, &file.label, &file.text)?,
            FileKind::Agents => add_agents(&mut dict, &file.text),
            FileKind::Discards => dict
                .discards
                .extend(lines(&file.text).map(|(_, l)| words_of(l.trim_start_matches('+')))),
            FileKind::Verbs => {}
        }
    }
    Ok(dict)
}

/// Adds a TABARI actor file.
pub fn add_actors(
    dict: &mut ActorDictionary,
    file: &str,
    text: &str,
) -> Result<(), DictionaryError> {
    let mut current: Option<usize> = None;
    for (n, line) in lines(text) {
        let indented = line.starts_with([' ', '\t']);
        let line = line.trim();
        if line.starts_with('[') && indented || line.starts_with('[') {
            let Some(entry) = current else {
                return Err(err(file, n, "a code line before any actor name"));
            };
            for code in codes(line) {
                match code {
                    Some(term) => push_term(&mut dict.entries[entry], term),
                    None => dict.warnings.push(err(
                        file,
                        n,
                        "unreadable date restriction; code skipped",
                    )),
                }
            }
            continue;
        }
        let (name, inline) = match line.find('[') {
            Some(i) => (&line[..i], Some(&line[i..])),
            None => (line, None),
        };
        let synonym = name.starts_with('+');
        let phrase = words_of(name.trim_start_matches('+'));
        if phrase.is_empty() {
            continue;
        }
        let entry = match (synonym, current) {
            (true, Some(e)) => e,
            _ => {
                dict.entries.push(Entry {
                    canonical: title_case(&phrase),
                    kind: EntityType::Person,
                    coding: Coding::Terms(Vec::new()),
                    roles: Vec::new(),
                    sovereign: false,
                });
                dict.entries.len() - 1
            }
        };
        current = Some(entry);
        dict.phrases.push(Phrase {
            text: phrase,
            entry,
            kind: PhraseKind::Name,
        });
        for code in inline.map(codes).into_iter().flatten() {
            match code {
                Some(term) => push_term(&mut dict.entries[entry], term),
                None => {
                    dict.warnings
                        .push(err(file, n, "unreadable date restriction; code skipped"))
                }
            }
        }
    }
    for e in &mut dict.entries {
        e.kind = kind_of_codes(&e.coding);
    }
    Ok(())
}

/// Adds an agent file: `WORD [~AGR]` or `[AGR~]`, with `!MACRO! = A, B` expansions.
pub fn add_agents(dict: &mut ActorDictionary, text: &str) {
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    for (_, line) in lines(text) {
        let line = line.trim();
        if line.starts_with('!')
            && let Some((name, values)) = line.split_once('=')
        {
            let values = values
                .split(',')
                .map(|v| v.trim().to_lowercase())
                .filter(|v| !v.is_empty())
                .collect();
            macros.push((name.trim().to_string(), values));
            continue;
        }
        let Some(i) = line.find('[') else { continue };
        let code: String = line[i + 1..]
            .chars()
            .take_while(|&c| c != ']')
            .filter(|&c| c != '~')
            .collect();
        let code = code.trim().to_string();
        if code.is_empty() {
            continue;
        }
        for form in expand(&line[..i], &macros) {
            let words = words_of(&form).to_lowercase();
            if !words.is_empty() {
                dict.roles.push(Role {
                    words,
                    code: code.clone(),
                    one_person: false,
                });
            }
        }
    }
}

/// The codes of a `[CODE restriction] [CODE]` field: `None` for one that does not parse.
fn codes(field: &str) -> impl Iterator<Item = Option<Term>> + '_ {
    field.split('[').skip(1).filter_map(|part| {
        let inner = part.split(']').next()?.trim();
        if inner.is_empty() {
            return None;
        }
        let mut it = inner.split_whitespace();
        let code = it.next()?.to_string();
        let restriction = it.next();
        Some(restriction.map_or(
            Some(Term {
                code: code.clone(),
                from: None,
                to: None,
            }),
            |r| parse_restriction(&code, r),
        ))
    })
}

fn parse_restriction(code: &str, r: &str) -> Option<Term> {
    let term = |from, to| Term {
        code: code.to_string(),
        from,
        to,
    };
    if let Some(d) = r.strip_prefix('>') {
        return Some(term(Some(tabari_date(d)?), None));
    }
    if let Some(d) = r.strip_prefix('<') {
        return Some(term(None, Some(tabari_date(d)?)));
    }
    let (a, b) = r.split_once('-')?;
    Some(term(Some(tabari_date(a)?), Some(tabari_date(b)?)))
}

fn push_term(entry: &mut Entry, term: Term) {
    if let Coding::Terms(terms) = &mut entry.coding {
        terms.push(term);
        terms.sort_by_key(|t| t.from);
    }
}

/// Countries are three-letter codes, organisations IGO/NGO/..., people have roles after a country.
fn kind_of_codes(coding: &Coding) -> EntityType {
    let Coding::Terms(terms) = coding else {
        return EntityType::Org;
    };
    match terms.first().map(|t| t.code.as_str()) {
        Some(c) if c.len() == 3 => EntityType::Gpe,
        Some(c) if c.starts_with("IGO") || c.starts_with("NGO") || c.starts_with("IMG") => {
            EntityType::Org
        }
        _ => EntityType::Person,
    }
}

/// `KOFI_ANNAN_` → `KOFI ANNAN`.
fn words_of(name: &str) -> String {
    let name = name.split('#').next().unwrap_or("");
    name.split(['_', ' ', '\t'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Meaningful lines with their numbers: comments and `<!-- -->` blocks removed.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut in_xml_comment = false;
    text.lines().enumerate().filter_map(move |(i, raw)| {
        let line = raw.split('#').next().unwrap_or("");
        if in_xml_comment {
            in_xml_comment = !line.contains("-->");
            return None;
        }
        if line.trim_start().starts_with("<!--") {
            in_xml_comment = !line.contains("-->");
            return None;
        }
        (!line.trim().is_empty()).then_some((i + 1, line.trim_end()))
    })
}

fn err(file: &str, line: usize, message: &str) -> DictionaryError {
    DictionaryError {
        file: file.to_string(),
        line,
        message: message.to_string(),
    }
}

fn io_err(path: &Path, e: std::io::Error) -> DictionaryError {
    err(&path.display().to_string(), 0, &e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn date_restricted_codes_and_synonyms() {
        let mut d = ActorDictionary::default();
        add_actors(
            &mut d,
            "t",
            "# people\nKOFI_ANNAN_\n+SECRETARY-GENERAL_KOFI_ANNAN\n\t[IGOUNO 970101-061231]\n\t[ELI]\nGHANA_ [GHA]\n",
        )
        .unwrap();
        assert_eq!(d.entries.len(), 2);
        assert_eq!(d.phrases[1].text, "SECRETARY-GENERAL KOFI ANNAN");
        assert_eq!(
            d.entries[0].code_on(Some(date(2000, 5, 1))).as_deref(),
            Some("IGOUNO")
        );
        assert_eq!(d.entries[1].kind, EntityType::Gpe);
    }

    #[test]
    fn agent_macros_expand() {
        let mut d = ActorDictionary::default();
        add_agents(
            &mut d,
            "!PERSON! = MAN, MEN\nCATTLE!PERSON! [~AGR]\nFARMER [~AGR]\n",
        );
        let words: Vec<&str> = d.roles.iter().map(|r| r.words.as_str()).collect();
        assert_eq!(words, ["cattleman", "cattlemen", "farmer"]);
        assert!(d.roles.iter().all(|r| r.code == "AGR"));
    }
}
