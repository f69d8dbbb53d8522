//! Reads raw text into one compact stream of word ids, the only thing the induction needs.
//!
//! Each distinct key ([`crate::tokenize::key`]) gets an id on first sight; the stream holds one
//! `u32` per token and [`BREAK`] between paragraphs and sentences, so contexts never reach
//! across them. Sources are streamed line by line; a bad record is reported with its file and
//! line and skipped, and the others are still read.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use serde::Deserialize;

use crate::tokenize::{key_into, tokenize};

/// The stream's marker between paragraphs or sentences.
pub const BREAK: u32 = u32::MAX;

/// A problem with one record of one input; the rest of the input is still read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file (or other source name) the record came from.
    pub source: String,
    /// The 1-based line of the record, 0 when the whole input failed.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.source, self.message)
        } else {
            write!(f, "{}:{}: {}", self.source, self.line, self.message)
        }
    }
}

/// Every word read so far: the keys, their counts and the running text as ids.
#[derive(Default)]
pub struct Corpus {
    ids: HashMap<String, u32>,
    /// Key of each id.
    pub words: Vec<String>,
    /// Number of tokens of each id.
    pub counts: Vec<u64>,
    /// The text as ids, with [`BREAK`] between paragraphs and sentences.
    pub stream: Vec<u32>,
    scratch: String,
}

/// The one field of a news record the induction reads.
#[derive(Deserialize)]
struct NewsRecord {
    text: String,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Corpus::default()
    }

    /// Number of tokens read (breaks not counted).
    pub fn tokens(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Adds one token, keyed as the parser keys words.
    pub fn push_token(&mut self, token: &str) {
        key_into(token, &mut self.scratch);
        let id = match self.ids.get(self.scratch.as_str()) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.ids.insert(self.scratch.clone(), id);
                self.words.push(self.scratch.clone());
                self.counts.push(0);
                id
            }
        };
        self.counts[id as usize] += 1;
        self.stream.push(id);
    }

    /// Ends the current paragraph or sentence (a no-op right after another break).
    pub fn push_break(&mut self) {
        if self.stream.last().is_some_and(|&last| last != BREAK) {
            self.stream.push(BREAK);
        }
    }

    /// Adds raw text, tokenised; each line is its own paragraph.
    pub fn add_text(&mut self, text: &str) {
        for paragraph in text.lines() {
            tokenize(paragraph, &mut |t| self.push_token(t));
            self.push_break();
        }
    }

    /// Adds the `text` field of every JSON line of `input`; a line that is not such a record
    /// is reported in the result and skipped.
    pub fn add_jsonl(&mut self, input: impl BufRead, source: &str) -> Vec<InputError> {
        let mut errors = Vec::new();
        for_each_line(input, source, &mut errors, |line_no, line, errors| {
            if line.trim().is_empty() {
                return;
            }
            match serde_json::from_str::<NewsRecord>(line) {
                Ok(record) => self.add_text(&record.text),
                Err(e) => errors.push(InputError {
                    source: source.to_string(),
                    line: line_no,
                    message: format!("not a JSON record with a string `text`: {e}"),
                }),
            }
        });
        errors
    }

    /// Adds the FORM column of the word lines of a CoNLL-U treebank (multi-word token ranges
    /// and empty nodes are left out: the parser sees the words); each sentence is a paragraph.
    pub fn add_conllu(&mut self, input: impl BufRead, source: &str) -> Vec<InputError> {
        let mut errors = Vec::new();
        for_each_line(input, source, &mut errors, |line_no, line, errors| {
            if line.is_empty() {
                self.push_break();
                return;
            }
            if line.starts_with('#') {
                return;
            }
            let mut columns = line.split('\t');
            let (Some(id), Some(form)) = (columns.next(), columns.next()) else {
                errors.push(InputError {
                    source: source.to_string(),
                    line: line_no,
                    message: "a word line needs ten tab-separated columns; found one".into(),
                });
                return;
            };
            if id.contains(['-', '.']) {
                return;
            }
            if id.parse::<u32>().is_err() || form.is_empty() {
                errors.push(InputError {
                    source: source.to_string(),
                    line: line_no,
                    message: format!("word id {id:?} is not a number or the form is empty"),
                });
                return;
            }
            self.push_token(form);
        });
        self.push_break();
        errors
    }

    /// Adds a file by its kind: `.conllu` (optionally `.gz`) as a treebank, anything else as
    /// JSON lines (optionally `.gz`).
    pub fn add_file(&mut self, path: &Path) -> Vec<InputError> {
        let source = path.display().to_string();
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                return vec![InputError {
                    source,
                    line: 0,
                    message: format!("cannot open: {e}"),
                }];
            }
        };
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let gz = name.ends_with(".gz");
        let reader: Box<dyn Read> = if gz {
            Box::new(MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        };
        let input = BufReader::with_capacity(1 << 16, reader);
        if name.trim_end_matches(".gz").ends_with(".conllu") {
            self.add_conllu(input, &source)
        } else {
            self.add_jsonl(input, &source)
        }
    }
}

/// Calls `each` with every line of `input` (1-based number, text without the line end); a
/// read error ends the input and is reported.
fn for_each_line(
    mut input: impl BufRead,
    source: &str,
    errors: &mut Vec<InputError>,
    mut each: impl FnMut(usize, &str, &mut Vec<InputError>),
) {
    let mut line = String::new();
    let mut line_no = 0;
    loop {
        line.clear();
        line_no += 1;
        match input.read_line(&mut line) {
            Ok(0) => return,
            Ok(_) => each(line_no, line.trim_end_matches(['\n', '\r']), errors),
            Err(e) => {
                errors.push(read_error(source, line_no, &e));
                return;
            }
        }
    }
}

fn read_error(source: &str, line: usize, e: &io::Error) -> InputError {
    InputError {
        source: source.to_string(),
        line,
        message: format!("cannot read further: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(corpus: &Corpus) -> Vec<&str> {
        corpus
            .stream
            .iter()
            .map(|&id| {
                if id == BREAK {
                    "|"
                } else {
                    corpus.words[id as usize].as_str()
                }
            })
            .collect()
    }

    #[test]
    fn conllu_gives_the_words_not_the_ranges_and_breaks_between_sentences() {
        let text = "# text = I don't.\n1-2\tdon't\t_\n1\tdo\t_\n2\tn't\t_\n3\t.\t_\n\n\
                    # sent_id = 2\n1\tMonday\t_\n1.1\tgone\t_\n2\t2004\t_\n\n";
        let mut corpus = Corpus::new();
        let errors = corpus.add_conllu(text.as_bytes(), "t.conllu");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            words_of(&corpus),
            ["do", "n't", ".", "|", "monday", "0000", "|"]
        );
    }

    #[test]
    fn a_bad_conllu_line_is_reported_and_the_rest_read() {
        let text = "1\tone\nbroken line\nx\ttwo\n2\tthree\n";
        let mut corpus = Corpus::new();
        let errors = corpus.add_conllu(text.as_bytes(), "t.conllu");
        assert_eq!(errors.len(), 2);
        assert_eq!((errors[0].line, errors[1].line), (2, 3));
        assert!(
            errors[0].to_string().starts_with("t.conllu:2: "),
            "{}",
            errors[0]
        );
        assert_eq!(words_of(&corpus), ["one", "three", "|"]);
    }

    #[test]
    fn jsonl_reads_text_and_reports_bad_records_by_line() {
        let text = "{\"id\": 1, \"text\": \"It's Monday.\\nNew line\"}\n{oops\n{\"id\": 3}\n\n{\"text\": \"May\"}\n";
        let mut corpus = Corpus::new();
        let errors = corpus.add_jsonl(text.as_bytes(), "n.jsonl");
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(
            words_of(&corpus),
            [
                "it", "'s", "monday", ".", "|", "new", "line", "|", "may", "|"
            ]
        );
        assert_eq!(corpus.counts[corpus.ids["monday"] as usize], 1);
        assert_eq!(corpus.tokens(), 7);
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let mut corpus = Corpus::new();
        let errors = corpus.add_file(Path::new("/nonexistent/x.jsonl.gz"));
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("/nonexistent/x.jsonl.gz"));
    }
}
