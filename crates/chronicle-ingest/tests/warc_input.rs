//! WARC archives as crawls write them, read as inputs: pages from responses and resources, a
//! record whose Content-Length disagrees with its gzip member read with a warning naming it,
//! revisits and other records counted once at the end.

use std::io::Write;

use chronicle_ingest::{Input, InputKind, Problem, ReadLimits, read_input};

fn record(
    kind: &str,
    uri: &str,
    content_type: &str,
    block: &[u8],
    declared: Option<usize>,
) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2021-03-04T05:06:07Z\r\n\
         WARC-Record-ID: <urn:uuid:{kind}-{}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        declared.unwrap_or(block.len())
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn response(uri: &str, text: &str, declared: Option<usize>) -> Vec<u8> {
    let block = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
         <html><body><article><p>{text}</p></article></body></html>"
    );
    record(
        "response",
        uri,
        "application/http; msgtype=response",
        block.as_bytes(),
        declared,
    )
}

#[test]
fn a_crawl_as_written_gives_every_page_and_names_the_lying_record() {
    let story = "The harbour bridge opened again on Friday after eight months of repairs, the council said.";
    let members = [
        record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
            None,
        ),
        response("https://a.example/1", story, None),
        response("https://a.example/2", story, Some(17)),
        record(
            "resource",
            "https://a.example/3",
            "text/html",
            format!("<html><body><p>{story}</p></body></html>").as_bytes(),
            None,
        ),
        record(
            "revisit",
            "https://a.example/1",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\n\r\n",
            None,
        ),
    ];
    let mut gz = Vec::new();
    for m in &members {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(m).expect("gzip");
        gz.extend(enc.finish().expect("gzip"));
    }
    let dir = std::env::temp_dir().join(format!("chronicle-warc-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, &gz).expect("write");
    let results: Vec<_> = read_input(
        &Input {
            path: path.clone(),
            kind: InputKind::Warc { gzip: true },
        },
        ReadLimits::default(),
    )
    .collect();
    let docs: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    let urls: Vec<_> = docs
        .iter()
        .map(|d| d.url.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        urls,
        [
            "https://a.example/1",
            "https://a.example/2",
            "https://a.example/3"
        ]
    );
    assert!(docs[0].warnings.is_empty());
    assert_eq!(docs[1].warnings.len(), 1, "{:?}", docs[1].warnings);
    let warning = &docs[1].warnings[0];
    assert!(
        warning.contains("crawl.warc.gz")
            && warning.contains("WARC record 3")
            && warning.contains("Content-Length 17"),
        "{warning}"
    );
    let skipped: Vec<_> = results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| match &e.problem {
            Problem::Skipped { count, what } => {
                (*count, what.split(' ').next().unwrap_or("").to_string())
            }
            other => panic!("unexpected error {other:?}"),
        })
        .collect();
    assert_eq!(
        skipped,
        [(1, "not".to_string()), (1, "revisits".to_string())]
    );
    std::fs::remove_dir_all(&dir).ok();
}
