//! The watcher's archive: every response it receives (feeds, robots.txt, redirects, pages) as a
//! WARC/1.1 `response` record after the `request` record that asked for it, each record one
//! gzip member, in files that rotate past a size. `chronicle ingest DIR/*.warc.gz` replays the
//! pages into the database they went to.
//!
//! The HTTP body is archived as Chronicle read it (de-chunked, decompressed), so the archived
//! head drops `Transfer-Encoding` and `Content-Encoding` and states the body's real
//! `Content-Length`. A record is written whole and flushed before the next; a crash leaves at
//! most one cut member, which the WARC reader reports and steps over.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;

/// One exchange to archive.
pub struct Exchange<'a> {
    /// The URL asked for.
    pub url: &'a str,
    /// When the response arrived.
    pub date: jiff::Timestamp,
    /// `WARC-Record-ID` of the response record (`<urn:uuid:…>`).
    pub record_id: &'a str,
    /// The request's header lines (`Name: value`), after its request line.
    pub request_headers: &'a [(String, String)],
    pub status: u16,
    pub reason: &'a str,
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
    /// Extension WARC headers of the response record (what a feed said of the page).
    pub extra: &'a [(&'static str, String)],
}

/// A writer of rotating `.warc.gz` files in one folder.
pub struct WarcWriter {
    dir: PathBuf,
    max_bytes: u64,
    file: Option<(File, u64)>,
    /// Files opened by this writer, for numbering.
    opened: u32,
}

impl WarcWriter {
    /// A writer into `dir` (created when absent) that starts a new file once one passes
    /// `max_bytes`.
    pub fn new(dir: &Path, max_bytes: u64) -> io::Result<WarcWriter> {
        fs::create_dir_all(dir)?;
        Ok(WarcWriter {
            dir: dir.to_path_buf(),
            max_bytes: max_bytes.max(1),
            file: None,
            opened: 0,
        })
    }

    /// Archives one exchange: a request record and a response record.
    pub fn write(&mut self, x: &Exchange) -> io::Result<()> {
        let Some(parts) = crate::url::parts(x.url) else {
            return Ok(());
        };
        let mut request = format!(
            "GET {} HTTP/1.1\r\nHost: {}\r\n",
            parts.path, parts.authority
        );
        for (name, value) in x.request_headers {
            request.push_str(&format!("{name}: {}\r\n", one_line(value)));
        }
        request.push_str("\r\n");
        let request_id = derived_id(x.record_id, "request");
        let date = warc_date(x.date);
        let request_head = [
            ("WARC-Type", "request".to_string()),
            ("WARC-Record-ID", request_id),
            ("WARC-Date", date.clone()),
            ("WARC-Target-URI", x.url.to_string()),
            ("WARC-Concurrent-To", x.record_id.to_string()),
            (
                "Content-Type",
                "application/http;msgtype=request".to_string(),
            ),
        ];
        let mut response = format!("HTTP/1.1 {} {}\r\n", x.status, one_line(x.reason)).into_bytes();
        for (name, value) in x.headers {
            if ["transfer-encoding", "content-encoding", "content-length"]
                .iter()
                .any(|h| name.eq_ignore_ascii_case(h))
            {
                continue;
            }
            response.extend_from_slice(format!("{name}: {}\r\n", one_line(value)).as_bytes());
        }
        response.extend_from_slice(format!("Content-Length: {}\r\n\r\n", x.body.len()).as_bytes());
        response.extend_from_slice(x.body);
        let mut response_head = vec![
            ("WARC-Type", "response".to_string()),
            ("WARC-Record-ID", x.record_id.to_string()),
            ("WARC-Date", date),
            ("WARC-Target-URI", x.url.to_string()),
            (
                "Content-Type",
                "application/http;msgtype=response".to_string(),
            ),
        ];
        response_head.extend(x.extra.iter().map(|(n, v)| (*n, one_line(v))));
        let mut members = member(&request_head, request.as_bytes())?;
        members.extend(member(&response_head, &response)?);
        self.append(&members)
    }

    /// Appends whole gzip members to the current file, starting a new one when it is full.
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.file.as_ref().is_none_or(|(_, n)| *n >= self.max_bytes) {
            self.rotate()?;
        }
        self.append_unrotated(bytes)
    }

    /// Opens the next file and writes its `warcinfo` record.
    fn rotate(&mut self) -> io::Result<()> {
        let now = jiff::Timestamp::now();
        let stamp = now.strftime("%Y%m%d%H%M%S");
        self.opened += 1;
        let name = format!(
            "chronicle-{stamp}-{:05}-{:05}.warc.gz",
            std::process::id() % 100_000,
            self.opened
        );
        let path = self.dir.join(&name);
        let file = OpenOptions::new()
            .create_new(true)
            .append(true)
            .open(&path)?;
        let info = format!(
            "software: Chronicle/{} (chronicle watch)\r\nformat: WARC File Format 1.1\r\n\
             conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n",
            env!("CARGO_PKG_VERSION")
        );
        let head = [
            ("WARC-Type", "warcinfo".to_string()),
            ("WARC-Record-ID", derived_id(&name, "warcinfo")),
            ("WARC-Date", warc_date(now)),
            ("WARC-Filename", name),
            ("Content-Type", "application/warc-fields".to_string()),
        ];
        let bytes = member(&head, info.as_bytes())?;
        self.file = Some((file, 0));
        self.append_unrotated(&bytes)
    }

    fn append_unrotated(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Some((file, written)) = self.file.as_mut() {
            file.write_all(bytes)?;
            file.flush()?;
            *written += bytes.len() as u64;
        }
        Ok(())
    }
}

/// One record as one gzip member.
fn member(head: &[(&str, String)], block: &[u8]) -> io::Result<Vec<u8>> {
    let mut gz = GzEncoder::new(
        Vec::with_capacity(block.len() / 3 + 256),
        Compression::default(),
    );
    gz.write_all(b"WARC/1.1\r\n")?;
    for (name, value) in head {
        gz.write_all(format!("{name}: {value}\r\n").as_bytes())?;
    }
    gz.write_all(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes())?;
    gz.write_all(block)?;
    gz.write_all(b"\r\n\r\n")?;
    gz.finish()
}

/// `WARC-Date`: UTC, to the second.
fn warc_date(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A header value on one line (a WARC or HTTP header cannot hold a line break).
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A record id derived from another one and a role, so that ids stay unique and stable.
fn derived_id(from: &str, role: &str) -> String {
    record_id(&[from.as_bytes(), role.as_bytes()])
}

/// A `<urn:uuid:…>` record id made from `parts` (version 8: a name-based id of our own).
pub fn record_id(parts: &[&[u8]]) -> String {
    use std::hash::Hasher;
    let mut a = chronicle_core::hash::Fnv::with_seed(0x5741_5243);
    let mut b = chronicle_core::hash::Fnv::with_seed(0x4348_524e);
    for p in parts {
        a.write(p);
        a.write(&[0xff]);
        b.write(p);
        b.write(&[0xfe]);
    }
    let (hi, lo) = (a.finish(), b.finish());
    let hi = (hi & !0xf000) | 0x8000;
    let lo = (lo & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    format!(
        "<urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}>",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_html::warc::{GzipWarcReader, Limits, RecordKind};

    #[test]
    fn records_read_back_and_files_rotate() {
        let dir = std::env::temp_dir().join(format!("chronicle-warc-out-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let mut w = WarcWriter::new(&dir, 600).unwrap();
        let headers = vec![
            (
                "Content-Type".to_string(),
                "text/html; charset=utf-8".to_string(),
            ),
            ("Transfer-Encoding".to_string(), "chunked".to_string()),
        ];
        for i in 0..3 {
            let url = format!("http://news.test/{i}.html");
            let id = record_id(&[url.as_bytes()]);
            w.write(&Exchange {
                url: &url,
                date: jiff::Timestamp::UNIX_EPOCH,
                record_id: &id,
                request_headers: &[],
                status: 200,
                reason: "OK",
                headers: &headers,
                body: b"<html><body><p>Hello</p></body></html>",
                extra: &[("Chronicle-Feed-Title", "A\nB".into())],
            })
            .unwrap();
        }
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(files.len() >= 2, "rotated past 600 bytes: {files:?}");
        let mut pages = 0;
        for f in &files {
            let reader = std::io::BufReader::new(File::open(f).unwrap());
            for record in GzipWarcReader::new(reader, Limits::default()) {
                let record = record.unwrap();
                if record.kind() == RecordKind::Page {
                    pages += 1;
                    assert_eq!(record.payload, b"<html><body><p>Hello</p></body></html>");
                    assert_eq!(record.header("Chronicle-Feed-Title"), Some("A B"));
                }
            }
        }
        assert_eq!(pages, 3);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn record_ids_look_like_uuids() {
        let id = record_id(&[b"x"]);
        assert_eq!(id.len(), "<urn:uuid:>".len() + 36, "{id}");
        assert_ne!(id, record_id(&[b"y"]));
    }
}
