//! CoNLL-U, the format of Universal Dependencies: reading treebanks for training and scoring, and
//! writing Chronicle's analyses back in the same layout.
//!
//! A sentence keeps every line it was read from (comments, multiword-token ranges, empty nodes),
//! so that `chronicle parse --conllu` can write the input back with only the columns it fills
//! changed, as parser comparisons expect.

use std::io::BufRead;

use chronicle_core::{DepRel, Upos};

/// One syntactic word of a sentence (an integer-id line).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    /// `None` when the column is `_` or not a UD tag.
    pub upos: Option<Upos>,
    /// The treebank's language-specific tag (`VBD`, `NNP`), `_` when absent.
    pub xpos: String,
    /// 0 for the root, else the 1-based id of the head; `None` when the column is `_`.
    pub head: Option<usize>,
    /// The relation as written (subtypes kept), `_` when absent.
    pub deprel: String,
}

impl Word {
    /// The relation read as one of ours (unknown subtypes fall back to their universal part).
    pub fn rel(&self) -> Option<DepRel> {
        DepRel::parse(&self.deprel)
    }
}

/// A line of a sentence block, kept so the block can be written back as it came.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// A comment (`# text = ...`), without its line break.
    Comment(String),
    /// An integer-id word line: index into [`Sentence::words`], and the line's ten columns.
    Word(usize, Vec<String>),
    /// A multiword-token range (`3-4`) or an empty node (`8.1`), kept verbatim.
    Other(String),
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    pub words: Vec<Word>,
    pub lines: Vec<Line>,
    /// The 1-based line number of the block's first line, for error messages.
    pub line_number: usize,
}

impl Sentence {
    /// The value of a `# key = value` comment (`sent_id`, `text`).
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.lines.iter().find_map(|l| match l {
            Line::Comment(c) => {
                let rest = c.strip_prefix('#')?.trim_start();
                let rest = rest.strip_prefix(key)?.trim_start();
                Some(rest.strip_prefix('=')?.trim())
            }
            _ => None,
        })
    }

    /// Whether every word has a head in range and no word is its own ancestor: a tree that
    /// training and scoring can use.
    pub fn has_valid_tree(&self) -> bool {
        let n = self.words.len();
        let heads: Option<Vec<usize>> = self.words.iter().map(|w| w.head).collect();
        let Some(heads) = heads else { return false };
        if heads.iter().any(|&h| h > n) {
            return false;
        }
        (0..n).all(|i| {
            let mut at = i + 1;
            for _ in 0..=n {
                if at == 0 {
                    return true;
                }
                at = heads[at - 1];
            }
            false
        })
    }
}

/// What went wrong reading a CoNLL-U file, with the line it went wrong on.
#[derive(Debug)]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ConlluError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConlluError {}

/// Reads sentences one at a time from a CoNLL-U stream. Lines that are not valid UTF-8 are read
/// with replacement characters; a malformed word line is an error naming its line, and the
/// reader goes on with the next sentence.
pub struct Reader<R> {
    input: R,
    line_number: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    pub fn new(input: R) -> Self {
        Reader {
            input,
            line_number: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// The next sentence, `None` at the end of the input.
    pub fn next_sentence(&mut self) -> Option<Result<Sentence, ConlluError>> {
        let mut sentence = Sentence::default();
        let mut error: Option<ConlluError> = None;
        while !self.done {
            self.buf.clear();
            match self.input.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(ConlluError {
                        line: self.line_number + 1,
                        message: format!("read error: {e}"),
                    }));
                }
            }
            if self.done {
                break;
            }
            self.line_number += 1;
            let text = String::from_utf8_lossy(&self.buf);
            let line = text.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() {
                if sentence.line_number == 0 {
                    continue;
                }
                break;
            }
            if sentence.line_number == 0 {
                sentence.line_number = self.line_number;
            }
            if line.starts_with('#') {
                sentence.lines.push(Line::Comment(line.to_string()));
                continue;
            }
            if error.is_some() {
                continue;
            }
            match parse_word_line(line, sentence.words.len() + 1) {
                Ok(Some((word, columns))) => {
                    sentence
                        .lines
                        .push(Line::Word(sentence.words.len(), columns));
                    sentence.words.push(word);
                }
                Ok(None) => sentence.lines.push(Line::Other(line.to_string())),
                Err(message) => {
                    error = Some(ConlluError {
                        line: self.line_number,
                        message,
                    })
                }
            }
        }
        if let Some(e) = error {
            return Some(Err(e));
        }
        if sentence.lines.is_empty() {
            None
        } else {
            Some(Ok(sentence))
        }
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Sentence, ConlluError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_sentence()
    }
}

/// Parses one non-comment line: `Ok(None)` for ranges and empty nodes, the word otherwise.
fn parse_word_line(line: &str, expected_id: usize) -> Result<Option<(Word, Vec<String>)>, String> {
    let columns: Vec<String> = line.split('\t').map(str::to_string).collect();
    if columns.len() != 10 {
        return Err(format!(
            "expected 10 tab-separated columns, found {}",
            columns.len()
        ));
    }
    let id = &columns[0];
    if id.contains('-') || id.contains('.') {
        return Ok(None);
    }
    match id.parse::<usize>() {
        Ok(n) if n == expected_id => {}
        Ok(n) => return Err(format!("word id {n} where {expected_id} was expected")),
        Err(_) => return Err(format!("word id {id:?} is not a number")),
    }
    let head = match columns[6].as_str() {
        "_" => None,
        h => Some(
            h.parse::<usize>()
                .map_err(|_| format!("head {h:?} is not a number"))?,
        ),
    };
    let word = Word {
        form: columns[1].clone(),
        lemma: columns[2].clone(),
        upos: Upos::parse(&columns[3]),
        xpos: columns[4].clone(),
        head,
        deprel: columns[7].clone(),
    };
    Ok(Some((word, columns)))
}

/// Writes `sentence` back as it was read, with the UPOS, LEMMA, HEAD and DEPREL columns of each
/// word replaced by `analysis` (one entry per word: upos, lemma, head, relation).
pub fn write_analysed(
    out: &mut impl std::io::Write,
    sentence: &Sentence,
    analysis: &[(Upos, &str, usize, DepRel)],
) -> std::io::Result<()> {
    for line in &sentence.lines {
        match line {
            Line::Comment(c) | Line::Other(c) => writeln!(out, "{c}")?,
            Line::Word(i, columns) => {
                let mut columns = columns.clone();
                if let Some(&(upos, lemma, head, rel)) = analysis.get(*i) {
                    columns[2] = if lemma.is_empty() { "_" } else { lemma }.to_string();
                    columns[3] = upos.as_str().to_string();
                    columns[6] = head.to_string();
                    columns[7] = rel.as_str().to_string();
                }
                writeln!(out, "{}", columns.join("\t"))?;
            }
        }
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_and_keeps_ranges_and_comments() {
        let sentences: Vec<_> = Reader::new(SAMPLE.as_bytes())
            .collect::<Result<_, _>>()
            .expect("valid sample");
        assert_eq!(sentences.len(), 1);
        let s = &sentences[0];
        assert_eq!(s.words.len(), 5);
        assert_eq!(s.words[2].form, "n't");
        assert_eq!(s.words[3].head, Some(0));
        assert_eq!(s.comment("text"), Some("I don't know."));
        assert!(s.has_valid_tree());
        let mut out = Vec::new();
        let analysis: Vec<_> = s
            .words
            .iter()
            .map(|w| {
                (
                    w.upos.unwrap_or(Upos::X),
                    w.lemma.as_str(),
                    w.head.unwrap_or(0),
                    w.rel().unwrap_or(DepRel::Dep),
                )
            })
            .collect();
        write_analysed(&mut out, s, &analysis).expect("write to memory");
        assert_eq!(String::from_utf8_lossy(&out), SAMPLE);
    }

    #[test]
    fn a_bad_line_is_an_error_with_its_number_and_reading_goes_on() {
        let text = "1\tA\t_\tX\t_\t_\t0\troot\t_\n\n1\tB\tb\tNOUN\t_\t_\t0\troot\t_\t_\n";
        let results: Vec<_> = Reader::new(text.as_bytes()).collect();
        assert_eq!(results.len(), 2);
        let err = results[0].as_ref().expect_err("nine columns");
        assert_eq!(err.line, 1);
        assert!(err.message.contains("10 tab-separated"));
        assert_eq!(results[1].as_ref().map(|s| s.words.len()).ok(), Some(1));
    }

    #[test]
    fn cycles_and_out_of_range_heads_are_no_tree() {
        let text = "1\tA\ta\tX\t_\t_\t2\tdep\t_\t_\n2\tB\tb\tX\t_\t_\t1\tdep\t_\t_\n\n1\tA\ta\tX\t_\t_\t7\tdep\t_\t_\n";
        let results: Vec<Sentence> = Reader::new(text.as_bytes())
            .collect::<Result<_, _>>()
            .expect("well-formed lines");
        assert!(!results[0].has_valid_tree());
        assert!(!results[1].has_valid_tree());
    }
}
