//! Streams of documents from inputs, with every problem reported and the stream going on.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chronicle_html::warc::{GzipWarcReader, Limits, RecordKind, WarcError, WarcReader, WarcRecord};
use flate2::read::MultiGzDecoder;

use crate::decode::{binary_reason, decode_utf8};
use crate::document::{Content, FeedHints, RawDocument};
use crate::error::{InputError, Location, Problem};
use crate::inputs::{Input, InputKind};
use crate::lines::{BoundedLines, Line};
use crate::record::InputRecord;
pub use crate::record::parse_date;

/// Caps that keep memory bounded whatever the input.
#[derive(Debug, Clone, Copy)]
pub struct ReadLimits {
    /// The longest JSON line read; longer ones are skipped with an error.
    pub max_line: usize,
    /// The largest plain-text article read; larger ones are skipped with an error.
    pub max_article: usize,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_line: 64 << 20,
            max_article: 64 << 20,
        }
    }
}

/// One result of reading: a document, or a problem with one input or record.
pub type ReadResult = Result<RawDocument, InputError>;

/// Reads `input` as a stream of documents. Standard input is sniffed: JSON lines when its first
/// non-blank byte is `{`, nothing at all when it is empty or blank (a filter fed nothing, as an
/// empty Spark partition is, gives nothing and no error), else one plain-text article.
pub fn read_input(
    input: &Input,
    limits: ReadLimits,
) -> Box<dyn Iterator<Item = ReadResult> + Send> {
    let path = input.path.clone();
    match input.kind {
        InputKind::Stdin => {
            let mut reader = BufReader::with_capacity(1 << 16, io::stdin());
            match sniff_json(&mut reader) {
                Ok(Some(true)) => Box::new(JsonLines::new(path, Box::new(reader), limits)),
                Ok(Some(false)) => Box::new(std::iter::once(read_text(&path, reader, limits))),
                Ok(None) => Box::new(std::iter::empty()),
                Err(e) => Box::new(std::iter::once(Err(InputError::new(
                    path,
                    None,
                    Problem::Io(e.to_string()),
                )))),
            }
        }
        InputKind::Text { gzip } => {
            let result = open(&path, gzip).and_then(|r| read_text(&path, r, limits));
            Box::new(std::iter::once(result))
        }
        InputKind::JsonLines { gzip } => match open(&path, gzip) {
            Ok(reader) => Box::new(JsonLines::new(path, reader, limits)),
            Err(e) => Box::new(std::iter::once(Err(e))),
        },
        InputKind::Html { gzip } => {
            let result = open(&path, gzip).and_then(|r| read_html(&path, r, limits));
            Box::new(std::iter::once(result))
        }
        InputKind::Warc { gzip } => {
            let warc_limits = Limits {
                max_record: limits.max_article as u64,
                ..Limits::default()
            };
            // A .warc.gz is read member by member (see chronicle_html::warc::GzipWarcReader).
            let records: Result<WarcRecords, InputError> = if gzip {
                open(&path, false)
                    .map(|r| Box::new(GzipWarcReader::new(r, warc_limits)) as WarcRecords)
            } else {
                open(&path, false)
                    .map(|r| Box::new(WarcReader::with_limits(r, warc_limits)) as WarcRecords)
            };
            match records {
                Ok(records) => Box::new(WarcDocuments::new(path, records)),
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        }
    }
}

/// Reads one HTML page from `reader`.
pub fn read_html(path: &Path, reader: impl Read, limits: ReadLimits) -> ReadResult {
    let err = |problem| InputError::new(path, None, problem);
    let mut bytes = Vec::new();
    reader
        .take(limits.max_article as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(io_problem(e)))?;
    if bytes.len() > limits.max_article {
        return Err(err(Problem::TooLarge {
            limit: limits.max_article,
        }));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(err(Problem::Empty));
    }
    Ok(RawDocument {
        origin: Location {
            path: path.to_path_buf(),
            line: None,
        },
        id: None,
        url: None,
        source: None,
        title: None,
        published: None,
        captured: None,
        feed: FeedHints::default(),
        content: Content::Html {
            bytes,
            http_charset: None,
        },
        warnings: Vec::new(),
    })
}

fn open(path: &Path, gzip: bool) -> Result<Box<dyn BufRead + Send>, InputError> {
    let file = File::open(path).map_err(|e| {
        let problem = match e.kind() {
            io::ErrorKind::NotFound => Problem::NotFound,
            _ => Problem::Io(e.to_string()),
        };
        InputError::new(path, None, problem)
    })?;
    Ok(if gzip {
        Box::new(BufReader::with_capacity(
            1 << 16,
            MultiGzDecoder::new(BufReader::new(file)),
        ))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    })
}

/// `Some(true)` when the first non-blank byte is `{`, `None` when there is none.
fn sniff_json(reader: &mut impl BufRead) -> io::Result<Option<bool>> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(None);
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(pos) => return Ok(Some(buf[pos] == b'{')),
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

/// Reads one plain-text article from `reader`.
pub fn read_text(path: &Path, reader: impl Read, limits: ReadLimits) -> ReadResult {
    let err = |problem| InputError::new(path, None, problem);
    let mut bytes = Vec::new();
    reader
        .take(limits.max_article as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(io_problem(e)))?;
    if bytes.len() > limits.max_article {
        return Err(err(Problem::TooLarge {
            limit: limits.max_article,
        }));
    }
    if let Some(reason) = binary_reason(&bytes) {
        return Err(err(Problem::Binary(reason)));
    }
    let decoded = decode_utf8(bytes);
    if decoded.text.trim().is_empty() {
        return Err(err(Problem::Empty));
    }
    let origin = Location {
        path: path.to_path_buf(),
        line: None,
    };
    let warnings = decoded
        .invalid
        .map(|(offset, n)| invalid_utf8_warning(&origin, offset, n))
        .into_iter()
        .collect();
    Ok(RawDocument {
        origin,
        id: None,
        url: None,
        source: None,
        title: None,
        published: None,
        captured: None,
        feed: FeedHints::default(),
        content: Content::Text(decoded.text),
        warnings,
    })
}

fn invalid_utf8_warning(origin: &Location, offset: usize, count: usize) -> String {
    format!("{origin}: invalid UTF-8 at byte {offset} ({count} sequence(s) replaced with U+FFFD)")
}

/// A gzip stream that ends early or is corrupt shows as an I/O error from the decoder.
pub(crate) fn io_problem(e: io::Error) -> Problem {
    match e.kind() {
        io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            Problem::Gzip(e.to_string())
        }
        _ => Problem::Io(e.to_string()),
    }
}

/// The documents of a JSON lines stream read from any reader; `label` names it in errors.
pub fn json_lines(
    label: impl Into<PathBuf>,
    reader: Box<dyn BufRead + Send>,
    limits: ReadLimits,
) -> impl Iterator<Item = ReadResult> + Send {
    JsonLines::new(label.into(), reader, limits)
}

/// The documents of a JSON lines stream, one per line; blank lines are skipped.
struct JsonLines {
    path: PathBuf,
    lines: BoundedLines<Box<dyn BufRead + Send>>,
    buf: Vec<u8>,
    done: bool,
}

impl JsonLines {
    fn new(path: PathBuf, reader: Box<dyn BufRead + Send>, limits: ReadLimits) -> Self {
        JsonLines {
            path,
            lines: BoundedLines::new(reader, limits.max_line),
            buf: Vec::new(),
            done: false,
        }
    }

    fn record(&self, line: u64) -> ReadResult {
        let origin = Location {
            path: self.path.clone(),
            line: Some(line),
        };
        let err = |problem| InputError::new(&self.path, Some(line), problem);
        // Invalid UTF-8 is replaced and reported, as in a text file.
        let (text, invalid_at) = match std::str::from_utf8(&self.buf) {
            Ok(s) => (Cow::Borrowed(s), None),
            Err(e) => (String::from_utf8_lossy(&self.buf), Some(e.valid_up_to())),
        };
        let record: InputRecord =
            serde_json::from_str(&text).map_err(|e| err(Problem::Json(e.to_string())))?;
        let mut doc = record.into_document(origin).map_err(err)?;
        if let Some(offset) = invalid_at {
            doc.warnings
                .insert(0, invalid_utf8_warning(&doc.origin, offset, 1));
        }
        Ok(doc)
    }
}

impl Iterator for JsonLines {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        while !self.done {
            match self.lines.next_line(&mut self.buf) {
                Ok(None) => self.done = true,
                Ok(Some(Line::TooLong)) => {
                    return Some(Err(InputError::new(
                        &self.path,
                        Some(self.lines.line_no()),
                        Problem::LineTooLong {
                            limit: self.lines.limit(),
                        },
                    )));
                }
                Ok(Some(Line::Complete)) => {
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.record(self.lines.line_no()));
                }
                Err(e) => {
                    self.done = true;
                    let line = self.lines.line_no() + 1;
                    return Some(Err(InputError::new(&self.path, Some(line), io_problem(e))));
                }
            }
        }
        None
    }
}

/// The records of a WARC file, plain or gzipped.
type WarcRecords = Box<dyn Iterator<Item = Result<WarcRecord, WarcError>> + Send>;

/// The documents of one WARC file: every page record (an HTML response or resource) is a
/// document; revisits and other records are counted and reported once at the end; a damaged
/// record is reported and the rest is read.
struct WarcDocuments {
    path: PathBuf,
    records: WarcRecords,
    revisits: u64,
    others: u64,
    done: bool,
}

impl WarcDocuments {
    fn new(path: PathBuf, records: WarcRecords) -> Self {
        WarcDocuments {
            path,
            records,
            revisits: 0,
            others: 0,
            done: false,
        }
    }

    /// The counts of skipped records, reported once the file is read.
    fn skipped(&mut self) -> Option<ReadResult> {
        let skipped = |count: &mut u64, what: &str| {
            (*count > 0).then(|| {
                let count = std::mem::take(count);
                Err(InputError::new(
                    &self.path,
                    None,
                    Problem::Skipped {
                        count,
                        what: what.into(),
                    },
                ))
            })
        };
        skipped(
            &mut self.others,
            "not HTML responses (requests, metadata, other media)",
        )
        .or_else(|| {
            skipped(
                &mut self.revisits,
                "revisits (no page content: unchanged since an earlier capture)",
            )
        })
    }
}

impl Iterator for WarcDocuments {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        if self.done {
            return self.skipped();
        }
        for record in self.records.by_ref() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let problem = Problem::Warc(e.to_string());
                    return Some(Err(InputError::new(&self.path, None, problem)));
                }
            };
            match record.kind() {
                RecordKind::Page => {
                    return Some(Ok(crate::warc_page::document(&self.path, record)));
                }
                RecordKind::Revisit => self.revisits += 1,
                RecordKind::Other => self.others += 1,
            }
        }
        self.done = true;
        self.skipped()
    }
}
