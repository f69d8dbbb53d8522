//! Articles from WARC archives: every HTML response record is a document; other records are
//! counted and reported once at the end; a damaged record is reported and the rest is read.

use std::io::BufRead;
use std::path::PathBuf;

use chronicle_html::warc::{Limits, WarcReader};

use crate::document::{Content, RawDocument};
use crate::error::{InputError, Location, Problem};
use crate::reader::{ReadLimits, ReadResult};

/// The documents of one WARC stream.
pub struct WarcDocuments {
    path: PathBuf,
    records: WarcReader<Box<dyn BufRead + Send>>,
    skipped: u64,
    done: bool,
}

impl WarcDocuments {
    pub fn new(path: PathBuf, reader: Box<dyn BufRead + Send>, limits: ReadLimits) -> Self {
        let limits = Limits {
            max_record: limits.max_article as u64,
            ..Limits::default()
        };
        WarcDocuments {
            path,
            records: WarcReader::with_limits(reader, limits),
            skipped: 0,
            done: false,
        }
    }
}

impl Iterator for WarcDocuments {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        if self.done {
            return None;
        }
        for record in self.records.by_ref() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    return Some(Err(InputError::new(
                        &self.path,
                        None,
                        Problem::Warc(e.to_string()),
                    )));
                }
            };
            if !record.is_html_response() {
                self.skipped += 1;
                continue;
            }
            let captured = record
                .date
                .map(|ts| jiff::tz::TimeZone::UTC.to_datetime(ts).date());
            let http_charset = record.http_charset().map(str::to_string);
            return Some(Ok(RawDocument {
                origin: Location {
                    path: self.path.clone(),
                    line: Some(record.number),
                },
                id: record
                    .header("WARC-Record-ID")
                    .map(|id| id.trim_matches(['<', '>']).to_string()),
                url: record.target_uri.clone(),
                source: None,
                title: None,
                published: None,
                captured,
                content: Content::Html {
                    bytes: record.payload,
                    http_charset,
                },
                warnings: Vec::new(),
            }));
        }
        self.done = true;
        (self.skipped > 0).then(|| {
            Err(InputError::new(
                &self.path,
                None,
                Problem::Skipped {
                    count: self.skipped,
                    what: "not HTML responses (requests, metadata, other media)".into(),
                },
            ))
        })
    }
}
