//! Chronicle's one PETRARCH/TABARI dictionary reader: the folder read once, each file known by
//! its name (`*verb*`, `*actor*`, `*agent*`, `*discard*`, as PETRARCH's configuration names
//! them), TABARI's dates and PETRARCH's `!MACRO!` substitutions. The names stage
//! ([`crate::names::petrarch`]) and the events stage ([`crate::events::EventCoder`]) build their
//! own indices from the same [`PetrarchFiles`].

use std::path::{Path, PathBuf};

use jiff::civil::Date;

/// What a dictionary file holds, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Verb patterns and their CAMEO codes (`*verb*`).
    Verbs,
    /// Actor names, synonyms and dated codes (`*actor*`).
    Actors,
    /// Agent words and codes, with `!MACRO!` lines (`*agent*`).
    Agents,
    /// Phrases whose presence keeps a story from being coded (`*discard*`).
    Discards,
}

impl FileKind {
    /// The kind a file's name says, if any (`PETR.Validate.actors.txt` → actors).
    pub fn of_name(label: &str) -> Option<Self> {
        let name = Path::new(label)
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        [
            ("verb", FileKind::Verbs),
            ("actor", FileKind::Actors),
            ("agent", FileKind::Agents),
            ("discard", FileKind::Discards),
        ]
        .into_iter()
        .find_map(|(word, kind)| name.contains(word).then_some(kind))
    }
}

/// One dictionary file: its label (the path, for messages), its kind and its text.
#[derive(Debug, Clone)]
pub struct PetrarchFile {
    pub label: String,
    pub kind: FileKind,
    pub text: String,
}

/// The dictionary files of a folder, in file-name order, read once for every stage.
#[derive(Debug, Clone, Default)]
pub struct PetrarchFiles {
    pub files: Vec<PetrarchFile>,
}

/// A folder or file that could not be read.
#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    pub error: std::io::Error,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for ReadError {}

impl PetrarchFiles {
    /// Every `.txt` file of `dir` whose name says its kind, in file-name order (invalid UTF-8
    /// read as U+FFFD: the suites' files are Latin-1 in places).
    pub fn read_dir(dir: &Path) -> Result<Self, ReadError> {
        let at = |path: &Path| {
            let path = path.to_path_buf();
            move |error| ReadError { path, error }
        };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(at(dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let mut files = Vec::new();
        for path in paths {
            let label = path.display().to_string();
            let Some(kind) = FileKind::of_name(&label) else {
                continue;
            };
            let bytes = std::fs::read(&path).map_err(at(&path))?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            files.push(PetrarchFile { label, kind, text });
        }
        Ok(PetrarchFiles { files })
    }

    /// Dictionary texts given as (file name, text) pairs, each known by its name.
    pub fn from_texts(texts: &[(&str, &str)]) -> Self {
        let files = texts
            .iter()
            .filter_map(|&(label, text)| {
                Some(PetrarchFile {
                    label: label.to_string(),
                    kind: FileKind::of_name(label)?,
                    text: text.to_string(),
                })
            })
            .collect();
        PetrarchFiles { files }
    }

    /// The files of one kind, in order.
    pub fn of_kind(&self, kind: FileKind) -> impl Iterator<Item = &PetrarchFile> {
        self.files.iter().filter(move |f| f.kind == kind)
    }
}

/// A TABARI date: `970101` (two-digit years from 30 are 1900s) or `20070101`.
pub fn tabari_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let (y, rest): (i16, &str) = match s.len() {
        6 => {
            let yy: i16 = s.get(..2)?.parse().ok()?;
            (if yy >= 30 { 1900 + yy } else { 2000 + yy }, s.get(2..)?)
        }
        8 => (s.get(..4)?.parse().ok()?, s.get(4..)?),
        _ => return None,
    };
    Date::new(
        y,
        rest.get(..2)?.parse().ok()?,
        rest.get(2..4)?.parse().ok()?,
    )
    .ok()
}

/// Every spelling of an agent pattern: `CATTLE!PERSON!` with `!PERSON! = MAN, MEN` →
/// `CATTLEMAN`, `CATTLEMEN`; macros inside macros' values expand in turn.
pub fn expand(pattern: &str, macros: &[(String, Vec<String>)]) -> Vec<String> {
    for (name, values) in macros {
        if let Some(i) = pattern.find(name.as_str()) {
            let (head, tail) = (&pattern[..i], &pattern[i + name.len()..]);
            return values
                .iter()
                .flat_map(|v| expand(&format!("{head}{v}{tail}"), macros))
                .collect();
        }
    }
    vec![pattern.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_known_by_their_names() {
        assert_eq!(
            FileKind::of_name("dir/PETR.Validate.actors.txt"),
            Some(FileKind::Actors)
        );
        assert_eq!(
            FileKind::of_name("CAMEO.verbpatterns.txt"),
            Some(FileKind::Verbs)
        );
        assert_eq!(
            FileKind::of_name("Phoenix.agents.txt"),
            Some(FileKind::Agents)
        );
        assert_eq!(FileKind::of_name("IssueCoding.txt"), None);
        let files = PetrarchFiles::from_texts(&[("a.discards.txt", "X"), ("notes.txt", "Y")]);
        assert_eq!(files.files.len(), 1);
        assert_eq!(files.of_kind(FileKind::Discards).count(), 1);
    }

    #[test]
    fn tabari_dates_and_macros() {
        assert_eq!(tabari_date("970101"), Some(jiff::civil::date(1997, 1, 1)));
        assert_eq!(tabari_date("20070101"), Some(jiff::civil::date(2007, 1, 1)));
        assert_eq!(tabari_date("95x601"), None);
        let macros = vec![("!PERSON!".to_string(), vec!["MAN".into(), "MEN".into()])];
        assert_eq!(
            expand("CATTLE!PERSON!", &macros),
            ["CATTLEMAN", "CATTLEMEN"]
        );
    }
}
