//! WARC reading: normal files, damaged records, truncation, limits, gzip.

use std::io::{BufReader, Write};

use chronicle_html::warc::{Limits, RecordKind, WarcErrorKind, WarcReader};

/// One WARC record with the given type, URI and block.
fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2021-03-04T05:06:07Z\r\n\
         WARC-Record-ID: <urn:uuid:0000>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn page(uri: &str, charset: &str, html: &[u8]) -> Vec<u8> {
    let mut block =
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\n\r\n")
            .into_bytes();
    block.extend_from_slice(html);
    record(
        "response",
        uri,
        "application/http; msgtype=response",
        &block,
    )
}

fn sample() -> Vec<u8> {
    let mut file = record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    );
    file.extend(record(
        "request",
        "https://a.example/1",
        "application/http; msgtype=request",
        b"GET /1 HTTP/1.1\r\n\r\n",
    ));
    file.extend(page(
        "https://a.example/1",
        "utf-8",
        b"<html><body><p>First page.</p></body></html>",
    ));
    file.extend(record(
        "metadata",
        "https://a.example/1",
        "application/warc-fields",
        b"fetchTimeMs: 12\r\n",
    ));
    file.extend(page(
        "https://a.example/2",
        "utf-8",
        b"<html><body><p>Second page.</p></body></html>",
    ));
    file
}

#[test]
fn reads_all_record_types() {
    let records: Vec<_> = WarcReader::new(&sample()[..])
        .collect::<Result<_, _>>()
        .expect("clean file");
    let types: Vec<&str> = records.iter().map(|r| r.record_type.as_str()).collect();
    assert_eq!(
        types,
        ["warcinfo", "request", "response", "metadata", "response"]
    );
    let html: Vec<_> = records.iter().filter(|r| r.is_html_response()).collect();
    assert_eq!(html.len(), 2);
    assert_eq!(html[0].target_uri.as_deref(), Some("https://a.example/1"));
    assert_eq!(
        html[0].payload,
        b"<html><body><p>First page.</p></body></html>"
    );
    assert_eq!(html[0].http_charset(), Some("utf-8"));
    assert_eq!(
        html[0].date.map(|d| d.to_string()).as_deref(),
        Some("2021-03-04T05:06:07Z")
    );
    assert_eq!(records[0].record_offset, 0);
    assert_eq!(records[1].number, 2);
}

#[test]
fn damaged_record_in_the_middle_is_skipped() {
    let mut file = page("https://a.example/1", "utf-8", b"<p>one</p>");
    let good_len = file.len();
    // A record whose Content-Length is not a number.
    file.extend_from_slice(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n<p>junk</p>\r\n\r\n",
    );
    // A record whose header is garbage.
    file.extend_from_slice(b"this is not a warc header\r\nnor is this\r\n\r\n");
    // A record whose Content-Length is too short.
    let mut short = page(
        "https://a.example/x",
        "utf-8",
        b"<p>a longer body than announced</p>",
    );
    let at = short
        .windows(16)
        .position(|w| w.starts_with(b"Content-Length: "))
        .expect("length");
    short.splice(at..at + 18, b"Content-Length: 10".iter().copied());
    file.extend(short);
    file.extend(page("https://a.example/2", "utf-8", b"<p>two</p>"));
    let results: Vec<_> = WarcReader::new(&file[..]).collect();
    let ok: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    let errs: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(
        ok.first().and_then(|r| r.target_uri.as_deref()),
        Some("https://a.example/1")
    );
    assert_eq!(
        ok.last().and_then(|r| r.target_uri.as_deref()),
        Some("https://a.example/2")
    );
    assert!(errs.len() >= 2, "{errs:?}");
    assert_eq!(errs[0].record, 2);
    assert_eq!(errs[0].offset, good_len as u64);
    assert!(matches!(errs[0].kind, WarcErrorKind::BadLength));
    assert!(errs[0].to_string().contains("record 2"));
}

#[test]
fn truncated_final_record() {
    let mut file = sample();
    let last = page(
        "https://a.example/3",
        "utf-8",
        b"<p>cut here, the rest is lost</p>",
    );
    file.extend_from_slice(&last[..last.len() - 20]);
    let results: Vec<_> = WarcReader::new(&file[..]).collect();
    assert_eq!(results.len(), 6);
    assert!(results[..5].iter().all(Result::is_ok));
    let err = results[5].as_ref().expect_err("truncated");
    assert!(matches!(err.kind, WarcErrorKind::Truncated { .. }), "{err}");
    // Cut inside the header.
    let results: Vec<_> = WarcReader::new(&b"WARC/1.0\r\nWARC-Type: resp"[..]).collect();
    assert_eq!(results.len(), 1);
    assert!(results[0].is_err());
}

#[test]
fn oversized_record_is_skipped_not_buffered() {
    let mut file = page("https://a.example/big", "utf-8", &vec![b'x'; 5000]);
    file.extend(page("https://a.example/small", "utf-8", b"<p>small</p>"));
    let limits = Limits {
        max_record: 1000,
        ..Limits::default()
    };
    let results: Vec<_> = WarcReader::with_limits(&file[..], limits).collect();
    assert!(matches!(
        results[0].as_ref().map_err(|e| &e.kind),
        Err(WarcErrorKind::TooLarge { .. })
    ));
    assert_eq!(
        results[1]
            .as_ref()
            .ok()
            .and_then(|r| r.target_uri.as_deref()),
        Some("https://a.example/small")
    );
}

fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(r).expect("gzip");
        out.extend(enc.finish().expect("gzip"));
    }
    out
}

#[test]
fn gzip_members_and_a_member_cut_short() {
    let recs = [
        page("https://a.example/1", "utf-8", b"<p>1</p>"),
        page("https://a.example/2", "utf-8", b"<p>2</p>"),
    ];
    let gz = gzip_members(&recs);
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(&gz[..]));
    assert_eq!(WarcReader::new(reader).filter(Result::is_ok).count(), 2);
    let cut = &gz[..gz.len() - 10];
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(cut));
    let results: Vec<_> = WarcReader::new(reader).collect();
    assert!(results[0].is_ok());
    assert!(
        results.last().is_some_and(Result::is_err),
        "the cut member is reported"
    );
}

#[test]
fn gzip_bomb_stops_at_the_total_limit() {
    // 64 MiB of zeros squeezes into a few tens of KiB.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..64 {
        enc.write_all(&zeros).expect("gzip");
    }
    let bomb = enc.finish().expect("gzip");
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(&bomb[..]));
    let limits = Limits {
        max_total: 8 << 20,
        ..Limits::default()
    };
    let results: Vec<_> = WarcReader::with_limits(reader, limits).collect();
    let err = results
        .last()
        .and_then(|r| r.as_ref().err())
        .expect("an error");
    assert!(err.to_string().contains("exceeds the limit"), "{err}");
}

#[test]
fn charset_from_http_header_reaches_the_page() {
    let html = b"<html><head><meta charset=utf-8></head><body><p>Caf\xe9 cr\xe8me and na\xefve prose, long enough to be the article text of this little page.</p></body></html>";
    let file = page("https://a.example/fr", "ISO-8859-1", html);
    let rec = WarcReader::new(&file[..]).next().expect("one").expect("ok");
    let hints = chronicle_html::PageHints {
        url: rec.target_uri.as_deref(),
        http_charset: rec.http_charset(),
    };
    let page = chronicle_html::extract_page(&rec.payload, &hints);
    assert!(
        page.body.contains("Caf\u{e9} cr\u{e8}me and na\u{ef}ve"),
        "{}",
        page.body
    );
}

/// A record whose `Content-Length` header says `declared` whatever its block holds.
fn lying_record(uri: &str, html: &[u8], declared: usize) -> Vec<u8> {
    let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
    block.extend_from_slice(html);
    let right = record(
        "response",
        uri,
        "application/http; msgtype=response",
        &block,
    );
    let text = String::from_utf8(right).expect("ascii");
    text.replace(
        &format!("Content-Length: {}\r\n", block.len()),
        &format!("Content-Length: {declared}\r\n"),
    )
    .into_bytes()
}

#[test]
fn a_member_whose_length_disagrees_is_read_whole_with_a_mismatch() {
    let html = b"<html><body><p>The middle page, whose length lies.</p></body></html>";
    let true_len = 44 + html.len();
    for declared in [true_len - 20, true_len + 300, 0] {
        let recs = [
            page("https://a.example/1", "utf-8", b"<p>first</p>"),
            lying_record("https://a.example/2", html, declared),
            page("https://a.example/3", "utf-8", b"<p>third</p>"),
        ];
        let gz = gzip_members(&recs);
        let results: Vec<_> =
            chronicle_html::warc::GzipWarcReader::new(&gz[..], Limits::default()).collect();
        assert_eq!(results.len(), 3, "declared {declared}: {results:?}");
        let records: Vec<_> = results
            .into_iter()
            .map(|r| r.expect("every record is read"))
            .collect();
        assert_eq!(records[1].number, 2);
        assert_eq!(records[1].length_mismatch, Some(declared as u64));
        assert_eq!(records[1].payload, html, "declared {declared}");
        assert_eq!(records[0].length_mismatch, None);
        assert_eq!(records[2].payload, b"<p>third</p>");
        // The record is named by its member's offset in the compressed file.
        let first_member = gzip_members(&recs[..1]).len() as u64;
        assert_eq!(records[1].record_offset, first_member);
    }
    // Read as one stream, the same file loses the lying record.
    let recs = [
        page("https://a.example/1", "utf-8", b"<p>first</p>"),
        lying_record("https://a.example/2", html, 10),
        page("https://a.example/3", "utf-8", b"<p>third</p>"),
    ];
    let gz = gzip_members(&recs);
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(&gz[..]));
    assert_eq!(WarcReader::new(reader).filter(Result::is_ok).count(), 2);
}

#[test]
fn member_reader_reads_a_file_compressed_as_one_stream() {
    let gz = gzip_members(&[sample()]);
    let records: Vec<_> =
        chronicle_html::warc::GzipWarcReader::new(&gz[..], Limits::default()).collect();
    let plain: Vec<_> = WarcReader::new(&sample()[..]).collect();
    assert_eq!(records.len(), plain.len());
    assert!(records.iter().all(Result::is_ok));
    let pages = records
        .iter()
        .flatten()
        .filter(|r| r.kind() == RecordKind::Page)
        .count();
    assert_eq!(pages, 2);
}

#[test]
fn member_reader_reports_a_cut_member_and_the_total_limit() {
    let recs = [
        page("https://a.example/1", "utf-8", b"<p>1</p>"),
        page("https://a.example/2", "utf-8", b"<p>2</p>"),
    ];
    let gz = gzip_members(&recs);
    let cut = &gz[..gz.len() - 10];
    let results: Vec<_> =
        chronicle_html::warc::GzipWarcReader::new(cut, Limits::default()).collect();
    assert!(results[0].is_ok());
    let err = results[1].as_ref().expect_err("the cut member is an error");
    assert_eq!(err.record, 2, "{err}");
    assert_eq!(results.len(), 2);

    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(&vec![0u8; 32 << 20]).expect("gzip");
    let bomb = enc.finish().expect("gzip");
    let limits = Limits {
        max_total: 4 << 20,
        ..Limits::default()
    };
    let results: Vec<_> = chronicle_html::warc::GzipWarcReader::new(&bomb[..], limits).collect();
    let err = results
        .last()
        .and_then(|r| r.as_ref().err())
        .expect("an error");
    assert!(err.to_string().contains("exceeds the limit"), "{err}");
}

#[test]
fn resource_records_holding_html_are_pages_and_revisits_are_not() {
    let html = b"<!doctype html><html><body><p>An archived page without its HTTP exchange.</p></body></html>";
    let mut file = record(
        "resource",
        "https://a.example/r",
        "text/html; charset=utf-8",
        html,
    );
    file.extend(record(
        "resource",
        "https://a.example/r.png",
        "image/png",
        b"\x89PNG\r\n",
    ));
    file.extend(record("resource", "https://a.example/bare", "", html));
    file.extend(record(
        "revisit",
        "https://a.example/1",
        "application/http; msgtype=response",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
    ));
    let kinds: Vec<_> = WarcReader::new(&file[..])
        .map(|r| r.expect("well formed").kind())
        .collect();
    assert_eq!(
        kinds,
        [
            RecordKind::Page,
            RecordKind::Other,
            RecordKind::Page,
            RecordKind::Revisit
        ]
    );
    let first = WarcReader::new(&file[..])
        .next()
        .and_then(Result::ok)
        .expect("a record");
    let page = chronicle_html::extract_page(&first.payload, &chronicle_html::PageHints::default());
    assert!(
        page.body
            .contains("An archived page without its HTTP exchange.")
    );
}
