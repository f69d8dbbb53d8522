//! The paths a user names, expanded into typed inputs in a stable order.

use std::path::{Path, PathBuf};

use crate::error::{InputError, Problem};

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// One plain-text article (`.txt`, or any file named explicitly), optionally gzipped.
    Text { gzip: bool },
    /// One JSON object per line (`.jsonl`, `.jsonl.gz`).
    JsonLines { gzip: bool },
    /// One HTML page (`.html`, `.htm`, optionally gzipped).
    Html { gzip: bool },
    /// A WARC archive (`.warc`, `.warc.gz`): every HTML response record is an article.
    Warc { gzip: bool },
    /// Standard input: JSON lines when it starts with `{`, else one plain-text article.
    Stdin,
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub kind: InputKind,
}

/// The kind of input a file name announces, if it is one Chronicle reads.
pub fn kind_of(path: &Path) -> Option<InputKind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let (stem, gzip) = match name.strip_suffix(".gz") {
        Some(stem) => (stem.to_string(), true),
        None => (name, false),
    };
    if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
        Some(InputKind::JsonLines { gzip })
    } else if stem.ends_with(".txt") || stem.ends_with(".text") {
        Some(InputKind::Text { gzip })
    } else if stem.ends_with(".html") || stem.ends_with(".htm") {
        Some(InputKind::Html { gzip })
    } else if stem.ends_with(".warc") {
        Some(InputKind::Warc { gzip })
    } else {
        None
    }
}

/// Expands `paths` into inputs: files as they are, folders walked recursively in byte order of
/// their paths (hidden entries and files of other types skipped), `-` as standard input.
/// A path that does not exist or cannot be listed becomes an error, and the others go on.
pub fn expand_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                path: path.clone(),
                kind: InputKind::Stdin,
            });
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input {
                path: path.clone(),
                kind: kind_of(path).unwrap_or(InputKind::Text { gzip: false }),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(InputError::new(path, None, Problem::NotFound));
            }
            Err(e) => errors.push(InputError::new(path, None, Problem::Io(e.to_string()))),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(InputError::new(dir, None, Problem::Io(e.to_string())));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, inputs, errors);
        } else if let Some(kind) = kind_of(&path) {
            inputs.push(Input { path, kind });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_extensions() {
        assert_eq!(
            kind_of(Path::new("a/b.jsonl.gz")),
            Some(InputKind::JsonLines { gzip: true })
        );
        assert_eq!(
            kind_of(Path::new("b.JSONL")),
            Some(InputKind::JsonLines { gzip: false })
        );
        assert_eq!(
            kind_of(Path::new("story.txt")),
            Some(InputKind::Text { gzip: false })
        );
        assert_eq!(kind_of(Path::new("notes.expected.json")), None);
        assert_eq!(
            kind_of(Path::new("page.htm")),
            Some(InputKind::Html { gzip: false })
        );
        assert_eq!(
            kind_of(Path::new("CC-NEWS-1.warc.gz")),
            Some(InputKind::Warc { gzip: true })
        );
    }

    #[test]
    fn folders_are_walked_in_a_stable_order_and_missing_paths_reported() {
        let dir = std::env::temp_dir().join(format!("chronicle-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for name in ["b.txt", "a.jsonl", "sub/c.txt", ".hidden.txt", "skip.json"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let (inputs, errors) = expand_inputs(&[dir.clone(), dir.join("missing.txt")]);
        let names: Vec<String> = inputs
            .iter()
            .map(|i| i.path.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.jsonl", "b.txt", "sub/c.txt"]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].problem, Problem::NotFound);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
