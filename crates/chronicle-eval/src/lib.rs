//! # chronicle-eval
//!
//! Chronicle's scorers: each stage measured on the development data its field uses, with
//! precision, recall and F1 printed. They live apart from the stages so that the product crates
//! carry no test-set readers (and no JSON or gzip dependencies only those readers need);
//! `chronicle eval STAGE` and the floor tests under `tests/` call them.
//!
//! | module | `chronicle eval` | scores | on |
//! |---|---|---|---|
//! | [`time`] | `time` | time expressions: strict and overlap span F1, value accuracy | TempEval-3 JSON lines |
//! | [`names`] | `ner` | entities (PER, ORG, LOC): entity-level exact F1 | CoNLL IOB2 |
//! | [`quotes`] | `quotes` | direct quotes and their speakers | PolNeAR JSON lines |
//! | [`places`] | `geo` | toponym spans and coordinates | TR-News / GeoVirus XML |
//! | [`events`] | `events` | records coded exactly, root codes, dyads | PETRARCH suites, news records |
//! | [`syntax`] | `syntax` | UPOS, UAS, LAS (CoNLL 2018 counting) | CoNLL-U |
//! | [`html`] | `html` | main-text snippets and publication dates | trafilatura's gold pages |
//! | [`mentions`] | `mentions` | nothing: the most frequent actor codes and places with their top mentions, to read for collisions | any news JSON lines |

pub mod events;
pub mod html;
pub mod mentions;
pub mod names;
pub mod places;
pub mod quotes;
mod score;
pub mod syntax;
pub mod time;

use std::path::Path;

use serde::de::DeserializeOwned;

/// The records of a JSON-lines gold file's `text`, each with where it stands (`FILE:LINE`) for
/// the scorer's own messages. Blank lines are skipped; a line that does not parse is an error
/// naming the file and line, and the scorer stops there.
fn json_lines<'t, T: DeserializeOwned>(
    path: &'t Path,
    text: &'t str,
) -> impl Iterator<Item = Result<(String, T), String>> + 't {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(move |(n, line)| {
            let at = format!("{}:{}", path.display(), n + 1);
            match serde_json::from_str(line) {
                Ok(record) => Ok((at, record)),
                Err(e) => Err(format!("{at}: {e}")),
            }
        })
}

/// What the scorers' unit tests share.
#[cfg(test)]
mod testing {
    use std::path::PathBuf;

    /// Writes `contents` as `bad.jsonl` in a folder of the test's own, scores it with `evaluate`
    /// and checks that it fails naming the file and line 2 (the one bad line).
    pub fn second_line_error<T>(
        test: &str,
        contents: &str,
        evaluate: impl Fn(&[PathBuf]) -> Result<T, String>,
    ) {
        let dir = std::env::temp_dir().join(format!("chronicle-{test}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        let path = dir.join("bad.jsonl");
        std::fs::write(&path, contents).expect("a scratch file");
        let result = evaluate(std::slice::from_ref(&path));
        std::fs::remove_dir_all(&dir).ok();
        let Err(err) = result else {
            panic!("{test}: a malformed second line was scored");
        };
        assert!(err.contains("bad.jsonl:2"), "{err}");
    }
}
