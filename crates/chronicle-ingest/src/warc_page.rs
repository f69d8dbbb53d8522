//! A WARC page record as a document: the one mapping from a record to a [`RawDocument`], shared
//! by `chronicle ingest` (records read from an archive) and `chronicle watch` (records it has
//! just fetched and may archive), so that replaying a watcher's archive gives the same articles.
//!
//! Besides the standard fields, a record may carry what a news feed said about the page, in
//! extension headers that `chronicle watch --warc-out` writes ([`FEED_TITLE`] and its
//! siblings); other crawlers' archives simply lack them.

use std::path::Path;

use chronicle_html::warc::WarcRecord;

use crate::document::{Content, FeedHints, RawDocument};
use crate::error::Location;

/// WARC header: the source name the feed list gave the page's feed.
pub const SOURCE: &str = "Chronicle-Source";
/// WARC header: the feed item's title.
pub const FEED_TITLE: &str = "Chronicle-Feed-Title";
/// WARC header: the feed item's summary, on one line.
pub const FEED_DESCRIPTION: &str = "Chronicle-Feed-Description";
/// WARC header: the feed item's publication date, `YYYY-MM-DD`.
pub const FEED_DATE: &str = "Chronicle-Feed-Date";

/// The document of a page record read from `path` (the file named in its problems).
pub fn document(path: &Path, record: WarcRecord) -> RawDocument {
    let captured = record
        .date
        .map(|ts| jiff::tz::TimeZone::UTC.to_datetime(ts).date());
    let http_charset = record.http_charset().map(str::to_string);
    let origin = Location {
        path: path.to_path_buf(),
        line: Some(record.number),
    };
    let warnings = record
        .length_mismatch
        .map(|declared| {
            format!(
                "{origin}: WARC record {} at byte {}: Content-Length {declared} disagrees \
                 with its gzip member, which ends cleanly; the member was read whole",
                record.number, record.record_offset
            )
        })
        .into_iter()
        .collect();
    let text = |name: &str| {
        record
            .header(name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let feed = FeedHints {
        title: text(FEED_TITLE),
        description: text(FEED_DESCRIPTION),
        published: text(FEED_DATE).and_then(|d| d.parse().ok()),
    };
    RawDocument {
        origin,
        id: record
            .header("WARC-Record-ID")
            .map(|id| id.trim_matches(['<', '>']).to_string()),
        url: record.target_uri.clone(),
        source: text(SOURCE),
        title: None,
        published: None,
        captured,
        feed,
        content: Content::Html {
            bytes: record.payload,
            http_charset,
        },
        warnings,
    }
}
