//! Reading `chronicle extract` output back: contract JSON lines, one article each, from files
//! (`.jsonl`, `.jsonl.gz`) or standard input, with every problem reported by file and line.

use std::fs::File;
use std::io::{self, BufRead, BufReader};

use flate2::read::MultiGzDecoder;

use chronicle_core::Article;
use chronicle_ingest::lines::{BoundedLines, Line};
use chronicle_ingest::{Input, InputError, InputKind, Problem, ReadLimits};

type Lines = BoundedLines<Box<dyn BufRead>>;

/// Articles from contract JSON lines, input after input.
pub struct AnnotatedReader {
    pending_errors: Vec<InputError>,
    inputs: std::vec::IntoIter<Input>,
    current: Option<(Input, Lines)>,
    limits: ReadLimits,
    buf: Vec<u8>,
}

impl AnnotatedReader {
    /// Reads `inputs` after reporting the errors found while expanding the paths.
    pub fn new(early_errors: Vec<InputError>, inputs: Vec<Input>, limits: ReadLimits) -> Self {
        let mut pending_errors = early_errors;
        pending_errors.reverse();
        AnnotatedReader {
            pending_errors,
            inputs: inputs.into_iter(),
            current: None,
            limits,
            buf: Vec::new(),
        }
    }

    /// Up to `max` articles or errors; empty at the end.
    pub fn next_batch(&mut self, max: usize) -> Vec<Result<Article, InputError>> {
        let mut batch = Vec::new();
        while batch.len() < max {
            match self.next_item() {
                Some(item) => batch.push(item),
                None => break,
            }
        }
        batch
    }

    fn next_item(&mut self) -> Option<Result<Article, InputError>> {
        if let Some(err) = self.pending_errors.pop() {
            return Some(Err(err));
        }
        loop {
            if self.current.is_none() {
                let input = self.inputs.next()?;
                match open(&input) {
                    Ok(reader) => {
                        let lines = BoundedLines::new(reader, self.limits.max_line);
                        self.current = Some((input, lines));
                    }
                    Err(err) => return Some(Err(err)),
                }
            }
            let (input, lines) = self.current.as_mut()?;
            let err = |line, problem| InputError::new(&input.path, line, problem);
            match lines.next_line(&mut self.buf) {
                Ok(None) => self.current = None,
                Ok(Some(Line::TooLong)) => {
                    let limit = lines.limit();
                    return Some(Err(err(
                        Some(lines.line_no()),
                        Problem::LineTooLong { limit },
                    )));
                }
                Ok(Some(Line::Complete)) if self.buf.iter().all(u8::is_ascii_whitespace) => {}
                Ok(Some(Line::Complete)) => {
                    let line = Some(lines.line_no());
                    return Some(
                        serde_json::from_slice::<Article>(&self.buf)
                            .map_err(|e| err(line, Problem::Json(e.to_string()))),
                    );
                }
                Err(e) => {
                    let failed = err(Some(lines.line_no()), Problem::Io(e.to_string()));
                    self.current = None;
                    return Some(Err(failed));
                }
            }
        }
    }
}

fn open(input: &Input) -> Result<Box<dyn BufRead>, InputError> {
    let gzip = match input.kind {
        InputKind::JsonLines { gzip } => gzip,
        InputKind::Stdin => false,
        _ => {
            let why = "--annotated reads `chronicle extract` output: .jsonl, .jsonl.gz or -";
            return Err(InputError::new(
                &input.path,
                None,
                Problem::Record(why.into()),
            ));
        }
    };
    if input.kind == InputKind::Stdin {
        return Ok(Box::new(BufReader::new(io::stdin())));
    }
    let file = File::open(&input.path).map_err(|e| {
        let problem = match e.kind() {
            io::ErrorKind::NotFound => Problem::NotFound,
            _ => Problem::Io(e.to_string()),
        };
        InputError::new(&input.path, None, problem)
    })?;
    Ok(if gzip {
        Box::new(BufReader::new(MultiGzDecoder::new(BufReader::new(file))))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    })
}
