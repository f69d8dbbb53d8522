//! A streaming reader of WARC files (ISO 28500, versions 1.0 and 1.1), as web archives and
//! Common Crawl's CC-NEWS write them.
//!
//! [`WarcReader`] reads records one at a time from any `BufRead` of a `.warc`; for `.warc.gz`,
//! [`GzipWarcReader`] reads the file one gzip member at a time (one member per record, as
//! crawlers write it), so that a record whose `Content-Length` disagrees with its member is
//! still read, with [`WarcRecord::length_mismatch`] set. Every record is yielded — responses,
//! resources, revisits, requests, metadata, warcinfo — and [`WarcRecord::kind`] says which ones
//! are pages to read.
//!
//! A damaged record (a header that is not WARC, a missing or wrong `Content-Length`, a body cut
//! short) comes out as an `Err` naming the record number and byte offset; the reader then looks
//! for the next line starting with `WARC/1.` and goes on, so one bad record does not lose the
//! rest of the file. A record larger than [`Limits::max_record`] is an error too, skipped
//! without being held in memory; [`Limits::max_total`] caps the decompressed input as a whole
//! (a gzip bomb ends with an error instead of running forever).

mod http;
mod members;
mod source;

use std::fmt;
use std::io::BufRead;

pub use http::HttpResponse;
pub use members::GzipWarcReader;
use source::{Line, Source};

/// Size limits of a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest record block accepted (bytes); larger records are skipped with an error.
    pub max_record: u64,
    /// Largest decompressed input read in total (bytes).
    pub max_total: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_record: 64 << 20,
            max_total: u64::MAX,
        }
    }
}

/// One WARC record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcRecord {
    /// Position of the record in the file, from 1.
    pub number: u64,
    /// Byte offset of its `WARC/` line in the (decompressed) stream.
    pub record_offset: u64,
    /// `WARC-Type`: `response`, `request`, `metadata`, `warcinfo`, `resource`, ...
    pub record_type: String,
    /// `WARC-Target-URI`.
    pub target_uri: Option<String>,
    /// `WARC-Date`.
    pub date: Option<jiff::Timestamp>,
    /// All WARC header fields, in order.
    pub headers: Vec<(String, String)>,
    /// The archived HTTP response head, for `response` records holding HTTP.
    pub http: Option<HttpResponse>,
    /// The HTTP body for HTTP responses (de-chunked, un-gzipped), else the whole record block.
    pub payload: Vec<u8>,
    /// The `Content-Length` the record declared, when it disagreed with the gzip member that
    /// holds the record and the member, ending cleanly, was read whole instead.
    pub length_mismatch: Option<u64>,
}

/// What a record is to a reader of pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// An HTML page: a 2xx HTTP `response` with an HTML body, or a `resource` record holding
    /// HTML (pages archived without their HTTP exchange).
    Page,
    /// A `revisit`: the page did not change since an earlier capture; it holds no page.
    Revisit,
    /// Anything else: requests, metadata, warcinfo, conversions, non-HTML media, errors.
    Other,
}

impl WarcRecord {
    /// The first WARC header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The charset of the HTTP `Content-Type`, to pass to `extract_page` as a hint.
    pub fn http_charset(&self) -> Option<&str> {
        self.http.as_ref()?.charset()
    }

    /// Whether the record is a page, a revisit, or something else.
    pub fn kind(&self) -> RecordKind {
        if self.is_html_response() || self.is_html_resource() {
            RecordKind::Page
        } else if self.record_type.eq_ignore_ascii_case("revisit") {
            RecordKind::Revisit
        } else {
            RecordKind::Other
        }
    }

    /// Whether this is a `resource` record holding an HTML page (no HTTP head around it).
    pub fn is_html_resource(&self) -> bool {
        if !self.record_type.eq_ignore_ascii_case("resource") {
            return false;
        }
        match self.header("content-type").map(str::to_ascii_lowercase) {
            Some(m) if !m.trim().is_empty() => m.contains("html"),
            _ => looks_like_html(&self.payload),
        }
    }

    /// Whether this is a successful HTTP response carrying an HTML page.
    pub fn is_html_response(&self) -> bool {
        if !self.record_type.eq_ignore_ascii_case("response") {
            return false;
        }
        let Some(http) = &self.http else { return false };
        if !(200..300).contains(&http.status) {
            return false;
        }
        match http.mime() {
            Some(m) if !m.is_empty() => m.contains("html"),
            _ => looks_like_html(&self.payload),
        }
    }
}

/// Whether a body without a media type starts like an HTML page.
fn looks_like_html(payload: &[u8]) -> bool {
    let head = &payload[..payload.len().min(1024)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    text.contains("<html") || text.contains("<!doctype html")
}

/// What went wrong with a record.
#[derive(Debug, thiserror::Error)]
pub enum WarcErrorKind {
    /// The record does not start with a `WARC/` version line.
    #[error("not a WARC record header: {0:?}")]
    BadVersion(String),
    /// A header line is not `Name: value`.
    #[error("malformed header line: {0:?}")]
    BadHeader(String),
    /// The input ends inside the header.
    #[error("record header cut short by the end of the input")]
    HeaderTruncated,
    /// `Content-Length` is missing or not a number.
    #[error("missing or invalid Content-Length")]
    BadLength,
    /// The record is larger than [`Limits::max_record`].
    #[error("record of {size} bytes exceeds the limit of {limit} bytes (skipped)")]
    TooLarge {
        /// Declared size.
        size: u64,
        /// The configured limit.
        limit: u64,
    },
    /// The input ends inside the record's block.
    #[error("record truncated: {got} of {expected} bytes")]
    Truncated {
        /// Bytes present.
        got: u64,
        /// Bytes announced.
        expected: u64,
    },
    /// The block is not followed by the record separator: a wrong `Content-Length`.
    #[error("record does not end where its Content-Length says")]
    BadEnd,
    /// Reading failed (a broken gzip member, the total limit): the reader stops.
    #[error("read error: {0}")]
    Io(#[from] std::io::Error),
}

/// A damaged record: which one, where, and what was wrong.
#[derive(Debug, thiserror::Error)]
pub struct WarcError {
    /// Number of the record, from 1.
    pub record: u64,
    /// Byte offset where the record starts.
    pub offset: u64,
    /// What was wrong.
    #[source]
    pub kind: WarcErrorKind,
}

impl fmt::Display for WarcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "WARC record {} at byte {}: {}",
            self.record, self.offset, self.kind
        )
    }
}

/// Longest WARC header line accepted.
const MAX_LINE: usize = 64 * 1024;
/// Most header lines in one record.
const MAX_HEADERS: usize = 1024;

/// Reads records from a WARC stream; an iterator of `Result<WarcRecord, WarcError>`.
pub struct WarcReader<R> {
    src: Source<R>,
    limits: Limits,
    number: u64,
    /// Set after an error: skip to the next `WARC/1.` line before reading a record.
    resync: bool,
    done: bool,
    /// The stream is one gzip member that ended cleanly: a record alone in it ends where it
    /// ends, whatever its `Content-Length` says.
    whole_member: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader with the default limits (64 MiB per record, no total limit).
    pub fn new(reader: R) -> Self {
        Self::with_limits(reader, Limits::default())
    }

    /// A reader with the given limits.
    pub fn with_limits(reader: R, limits: Limits) -> Self {
        WarcReader {
            src: Source::new(reader, limits.max_total),
            limits,
            number: 0,
            resync: false,
            done: false,
            whole_member: false,
        }
    }

    fn error(&self, offset: u64, kind: WarcErrorKind) -> WarcError {
        WarcError {
            record: self.number,
            offset,
            kind,
        }
    }

    /// Finds the version line of the next record: returns its offset, or `None` at the end.
    fn version_line(&mut self) -> Result<Option<(u64, Vec<u8>)>, WarcError> {
        loop {
            let offset = self.src.offset();
            match self
                .src
                .read_line(MAX_LINE)
                .map_err(|e| self.error(offset, e.into()))?
            {
                Line::Eof => return Ok(None),
                Line::TooLong => {}
                Line::Text(line) if line.iter().all(u8::is_ascii_whitespace) => {}
                Line::Text(line) => {
                    if line.starts_with(b"WARC/1.") || (!self.resync && line.starts_with(b"WARC/"))
                    {
                        self.resync = false;
                        return Ok(Some((offset, line)));
                    }
                    if !self.resync {
                        self.number += 1;
                        self.resync = true;
                        let shown =
                            String::from_utf8_lossy(&line[..line.len().min(60)]).into_owned();
                        return Err(self.error(offset, WarcErrorKind::BadVersion(shown)));
                    }
                }
            }
        }
    }

    /// Reads the header lines of a record up to the blank line.
    fn read_headers(&mut self, offset: u64) -> Result<Vec<(String, String)>, WarcError> {
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            let line = match self
                .src
                .read_line(MAX_LINE)
                .map_err(|e| self.error(offset, e.into()))?
            {
                Line::Eof => {
                    self.done = true;
                    return Err(self.error(offset, WarcErrorKind::HeaderTruncated));
                }
                Line::TooLong => {
                    return Err(
                        self.error(offset, WarcErrorKind::BadHeader("(line too long)".into()))
                    );
                }
                Line::Text(l) => l,
            };
            if line.is_empty() {
                break;
            }
            let text = String::from_utf8_lossy(&line).into_owned();
            if text.starts_with([' ', '\t'])
                && let Some(last) = headers.last_mut()
            {
                last.1.push(' ');
                last.1.push_str(text.trim());
                continue;
            }
            let Some((name, value)) = text.split_once(':') else {
                return Err(self.error(offset, WarcErrorKind::BadHeader(text)));
            };
            if headers.len() >= MAX_HEADERS {
                return Err(self.error(
                    offset,
                    WarcErrorKind::BadHeader("(too many header lines)".into()),
                ));
            }
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
        Ok(headers)
    }

    fn read_record(&mut self) -> Result<Option<WarcRecord>, WarcError> {
        let Some((offset, _version)) = self.version_line()? else {
            return Ok(None);
        };
        self.number += 1;
        let headers = self.read_headers(offset)?;
        let find = |n: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(n))
                .map(|(_, v)| v.as_str())
        };
        let Some(length) = find("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            return Err(self.error(offset, WarcErrorKind::BadLength));
        };
        if length > self.limits.max_record {
            let skipped = self
                .src
                .skip(length)
                .map_err(|e| self.error(offset, e.into()))?;
            if skipped < length {
                self.done = true;
            }
            let limit = self.limits.max_record;
            return Err(self.error(
                offset,
                WarcErrorKind::TooLarge {
                    size: length,
                    limit,
                },
            ));
        }
        if self.whole_member
            && let Some(block) = self.member_block(offset, length)?
        {
            let mut record = self.build(offset, headers, block);
            record.length_mismatch = Some(length);
            return Ok(Some(record));
        }
        let block = self
            .src
            .read_up_to(length)
            .map_err(|e| self.error(offset, e.into()))?;
        if (block.len() as u64) < length {
            let got = block.len() as u64;
            // A length too large in the middle of a file swallowed the next records: give
            // them back. Otherwise this was the last record, cut short.
            match memchr::memmem::find(&block, b"\nWARC/1.") {
                Some(i) => self.src.push_back(&block[i + 1..]),
                None => self.done = true,
            }
            return Err(self.error(
                offset,
                WarcErrorKind::Truncated {
                    got,
                    expected: length,
                },
            ));
        }
        self.check_end(offset, &block)?;
        Ok(Some(self.build(offset, headers, block)))
    }

    /// In a whole gzip member: the record's block when `length` disagrees with where the member
    /// ends and no other record follows in it (else `None`, and the usual rules apply).
    fn member_block(&mut self, offset: u64, length: u64) -> Result<Option<Vec<u8>>, WarcError> {
        let rest = self
            .src
            .read_up_to(self.limits.max_record + 8)
            .map_err(|e| self.error(offset, e.into()))?;
        let block = rest
            .strip_suffix(b"\r\n\r\n")
            .or_else(|| rest.strip_suffix(b"\n\n"))
            .unwrap_or(&rest);
        let agrees = block.len() as u64 == length;
        let more_records = memchr::memmem::find(&rest, b"\nWARC/1.").is_some();
        if agrees || more_records || block.len() as u64 > self.limits.max_record {
            self.src.push_back(&rest);
            return Ok(None);
        }
        Ok(Some(block.to_vec()))
    }

    /// A record ends with CRLF CRLF. If not, the length was wrong: look for the next record
    /// inside the bytes already read and give them back to the stream.
    fn check_end(&mut self, offset: u64, block: &[u8]) -> Result<(), WarcError> {
        let tail = self
            .src
            .read_up_to(4)
            .map_err(|e| self.error(offset, e.into()))?;
        let tail_ok = tail.is_empty()
            || tail == b"\r\n\r\n"
            || tail.starts_with(b"\n\n")
            || tail.starts_with(b"\r\n");
        if tail_ok {
            if let Some(rest) = tail
                .strip_prefix(b"\n\n")
                .or_else(|| tail.strip_prefix(b"\r\n").filter(|r| *r != b"\r\n"))
            {
                self.src.push_back(rest);
            }
            return Ok(());
        }
        let mut read = block.to_vec();
        read.extend_from_slice(&tail);
        let from = memchr::memmem::find(&read, b"\nWARC/1.").map_or(read.len(), |i| i + 1);
        self.src.push_back(&read[from..]);
        self.resync = true;
        Err(self.error(offset, WarcErrorKind::BadEnd))
    }

    fn build(&self, offset: u64, headers: Vec<(String, String)>, block: Vec<u8>) -> WarcRecord {
        let get = |n: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(n))
                .map(|(_, v)| v.clone())
        };
        let record_type = get("warc-type").unwrap_or_default();
        let target_uri = get("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
        let date = get("warc-date").and_then(|d| d.parse::<jiff::Timestamp>().ok());
        let is_http = get("content-type")
            .is_some_and(|c| c.to_ascii_lowercase().contains("application/http"));
        let (http, payload) = if is_http && record_type.eq_ignore_ascii_case("response") {
            match http::parse(&block, self.limits.max_record) {
                Some((resp, body)) => (Some(resp), body),
                None => (None, block),
            }
        } else {
            (None, block)
        };
        WarcRecord {
            number: self.number,
            record_offset: offset,
            record_type,
            target_uri,
            date,
            headers,
            http,
            payload,
            length_mismatch: None,
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.read_record() {
            Ok(Some(r)) => Some(Ok(r)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                if matches!(e.kind, WarcErrorKind::Io(_)) {
                    self.done = true;
                } else if !matches!(
                    e.kind,
                    WarcErrorKind::TooLarge { .. } | WarcErrorKind::BadVersion(_)
                ) {
                    self.resync = true;
                }
                Some(Err(e))
            }
        }
    }
}
