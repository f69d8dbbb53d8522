//! Bad input never panics, never exhausts memory, and is reported with its file and line.

use std::io::{BufReader, Read, Write};
use std::path::PathBuf;

use chronicle_ingest::reader::{ReadResult, json_lines, read_text};
use chronicle_ingest::{Input, InputKind, Problem, ReadLimits, read_input};
use proptest::prelude::*;

/// A reader of `len` bytes of `byte`, made on the fly: a 2 GB line without 2 GB of memory.
struct Endless {
    left: u64,
    byte: u8,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = (buf.len() as u64).min(self.left) as usize;
        buf[..n].fill(self.byte);
        self.left -= n as u64;
        Ok(n)
    }
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn read_all(path: &std::path::Path, kind: InputKind) -> Vec<ReadResult> {
    read_input(
        &Input {
            path: path.to_path_buf(),
            kind,
        },
        ReadLimits::default(),
    )
    .collect()
}

#[test]
fn a_two_gigabyte_line_is_skipped_in_bounded_memory_and_the_next_line_is_read() {
    let huge = Endless {
        left: 2 << 30,
        byte: b'a',
    };
    let after = &b"\n{\"text\": \"After the flood of bytes, a story.\"}\n"[..];
    let reader = BufReader::new(huge.chain(after));
    let results: Vec<ReadResult> =
        json_lines("huge.jsonl", Box::new(reader), ReadLimits::default()).collect();
    assert_eq!(results.len(), 2);
    let err = results[0].as_ref().unwrap_err();
    assert!(matches!(err.problem, Problem::LineTooLong { .. }));
    assert_eq!(
        err.to_string(),
        "huge.jsonl:1: line longer than 67108864 bytes; skipped"
    );
    assert!(results[1].is_ok());
}

#[test]
fn a_gzip_bomb_costs_one_skipped_line() {
    // 256 MiB of zeros in a few hundred KiB; with a 1 MiB line cap nothing large is ever held.
    let mut raw = Vec::new();
    Endless {
        left: 256 << 20,
        byte: b'0',
    }
    .read_to_end(&mut raw)
    .unwrap();
    raw.extend_from_slice(b"\n{\"text\":\"Still read.\"}\n");
    let path = temp("bomb.jsonl.gz", &gzip(&raw));
    drop(raw);
    let limits = ReadLimits {
        max_line: 1 << 20,
        max_article: 1 << 20,
    };
    let results: Vec<ReadResult> = read_input(
        &Input {
            path: path.clone(),
            kind: InputKind::JsonLines { gzip: true },
        },
        limits,
    )
    .collect();
    assert_eq!(results.len(), 2);
    assert!(matches!(
        results[0].as_ref().unwrap_err().problem,
        Problem::LineTooLong { .. }
    ));
    assert!(results[1].is_ok());
}

#[test]
fn a_truncated_gzip_stream_keeps_the_lines_before_the_cut_and_names_the_file() {
    let lines: String = (0..200)
        .map(|i| format!("{{\"id\":\"a{i}\",\"text\":\"Story number {i} about talks.\"}}\n"))
        .collect();
    let gz = gzip(lines.as_bytes());
    let path = temp("cut.jsonl.gz", &gz[..gz.len() * 2 / 3]);
    let results = read_all(&path, InputKind::JsonLines { gzip: true });
    let ok = results.iter().filter(|r| r.is_ok()).count();
    assert!(ok > 50 && ok < 200, "{ok} lines read before the cut");
    let err = results.last().unwrap().as_ref().unwrap_err();
    assert!(matches!(err.problem, Problem::Gzip(_)), "{err}");
    assert!(err.to_string().contains("cut.jsonl.gz"));
}

#[test]
fn malformed_json_names_file_and_line_and_the_rest_goes_on() {
    let path = temp("mixed.jsonl", b"{\"text\":\"One.\"}\n{\"text\": oops}\n\n[1,2]\n{\"title\":\"no text\"}\n{\"text\":\"Two.\"}\n");
    let results = read_all(&path, InputKind::JsonLines { gzip: false });
    let summary: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(d) => format!("ok:{}", d.origin.line.unwrap()),
            Err(e) => format!("err:{}", e.location.line.unwrap()),
        })
        .collect();
    assert_eq!(summary, ["ok:1", "err:2", "err:4", "err:5", "ok:6"]);
    let msg = results[1].as_ref().unwrap_err().to_string();
    assert!(msg.contains("mixed.jsonl:2: malformed JSON"), "{msg}");
    assert!(
        results[3]
            .as_ref()
            .unwrap_err()
            .to_string()
            .ends_with("no `text` or `html` field")
    );
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning_that_gives_the_byte_offset() {
    let path = temp(
        "latin1.txt",
        b"Caf\xe9 talks\n\nThe envoys met in a caf\xe9 on Monday.",
    );
    let results = read_all(&path, InputKind::Text { gzip: false });
    let doc = results[0].as_ref().unwrap();
    assert_eq!(doc.warnings.len(), 1);
    assert!(
        doc.warnings[0].contains("latin1.txt: invalid UTF-8 at byte 3"),
        "{}",
        doc.warnings[0]
    );
}

#[test]
fn empty_and_binary_files_are_errors_that_say_so() {
    let empty = temp("empty.txt", b"");
    let blank = temp("blank.txt", b"  \n\n \t\n");
    let binary = temp("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    for (path, want) in [
        (&empty, "empty file"),
        (&blank, "empty file"),
        (&binary, "binary data"),
    ] {
        let results = read_all(path, InputKind::Text { gzip: false });
        let msg = results[0].as_ref().unwrap_err().to_string();
        assert!(
            msg.contains(want) && msg.contains(path.file_name().unwrap().to_str().unwrap()),
            "{msg}"
        );
    }
}

#[test]
fn an_oversized_text_file_is_refused_without_reading_it_all() {
    let limits = ReadLimits {
        max_line: 1024,
        max_article: 1024,
    };
    let big = Endless {
        left: 10 << 20,
        byte: b'x',
    };
    let err = read_text(std::path::Path::new("big.txt"), big, limits).unwrap_err();
    assert_eq!(err.problem, Problem::TooLarge { limit: 1024 });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_as_json_lines_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let reader = Box::new(std::io::Cursor::new(bytes.clone()));
        for doc in json_lines("fuzz.jsonl", reader, ReadLimits::default()).flatten() {
            let _ = chronicle_ingest::build_article(doc, Default::default());
        }
        let gz = Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(std::io::Cursor::new(bytes))));
        for result in json_lines("fuzz.jsonl.gz", gz, ReadLimits::default()) {
            let _ = result;
        }
    }

    #[test]
    fn any_bytes_as_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(doc) = read_text(std::path::Path::new("fuzz.txt"), std::io::Cursor::new(bytes), ReadLimits::default()) {
            let article = chronicle_ingest::build_article(doc, Default::default());
            prop_assert!(article.body.len() <= 2048 * 3);
        }
    }

    #[test]
    fn any_text_cleans_without_panic(text in "\\PC{0,400}(\n\n\\PC{0,200}){0,6}") {
        let c = chronicle_ingest::clean::clean_text(&text, None);
        for line in c.body.lines() {
            prop_assert!(text.contains(line));
        }
    }
}
