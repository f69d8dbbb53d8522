//! `chronicle extract` end to end: the JSON contract, input order, and bad input reported with
//! its file and line while the other inputs go on and the exit code says something failed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn chronicle() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = chronicle()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn articles(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const CONTRACT_FIELDS: [&str; 19] = [
    "id",
    "url",
    "source",
    "published",
    "title",
    "description",
    "sections",
    "image_credit",
    "body",
    "sentences",
    "entities",
    "dates",
    "quotes",
    "places",
    "events",
    "tone",
    "themes",
    "counts",
    "amounts",
];

#[test]
fn founding_article_comes_out_clean_with_its_sentences() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/articles/000_6ecb41acef5f7571.txt");
    if !path.exists() {
        eprintln!("note: {} is absent; test skipped", path.display());
        return;
    }
    let out = chronicle()
        .args(["extract", "--date", "2020-07-06"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = &articles(&out)[0];
    for field in CONTRACT_FIELDS {
        assert!(a.get(field).is_some(), "contract field {field} missing");
    }
    assert_eq!(a["id"], "000_6ecb41acef5f7571");
    assert_eq!(a["published"], "2020-07-06");
    assert_eq!(
        a["sections"],
        serde_json::json!(["Flashpoints", "Security", "East Asia"])
    );
    let body = a["body"].as_str().unwrap();
    let chars: Vec<char> = body.chars().collect();
    let sentences = a["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 16);
    // Offsets are character offsets: the body is full of curly quotes.
    let sentence = |i: usize| -> String {
        let s = &sentences[i];
        chars[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    assert!(
        sentence(0).starts_with("July 4 marked") && sentence(0).ends_with("ballistic missile.")
    );
    assert_eq!(
        sentence(5),
        "“Now is a very sensitive time when even the slightest misjudgment and misstep would incur fatal and irrevocable consequences,” she added."
    );
    assert!(sentence(15).ends_with("U.S.-North Korea exchange."));
}

#[test]
fn json_lines_come_out_in_input_order_with_verbatim_bodies() {
    let mut input = String::new();
    for i in 0..600 {
        input.push_str(&format!(
            "{{\"id\":\"n{i}\",\"published\":\"2020-01-02T10:00:00Z\",\"text\":\"  Story {i} begins.\\n\\nIt ends.  \"}}\n"
        ));
    }
    let out = run_with_stdin(&["extract", "--verbatim", "-"], input.as_bytes());
    assert!(out.status.success());
    let got = articles(&out);
    assert_eq!(got.len(), 600);
    for (i, a) in got.iter().enumerate() {
        assert_eq!(a["id"], format!("n{i}"));
        assert_eq!(a["body"], format!("  Story {i} begins.\n\nIt ends.  "));
        assert_eq!(a["published"], "2020-01-02");
        assert_eq!(a["sentences"][0]["start"], 2);
    }
}

#[test]
fn bad_inputs_are_named_the_rest_is_processed_and_the_exit_code_is_one() {
    let dir = workdir("bad");
    std::fs::write(
        dir.join("a_good.txt"),
        "Talks resume\n\nEnvoys met in Geneva on Monday.",
    )
    .unwrap();
    std::fs::write(dir.join("b_empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("c_lines.jsonl"),
        "{\"text\":\"First.\"}\nnot json\n{\"text\":\"Third.\"}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("d_latin1.txt"),
        b"Caf\xe9 diplomacy\n\nThey met at a caf\xe9.",
    )
    .unwrap();
    std::fs::write(dir.join("e_binary.txt"), b"\0\x01\x02\x03ELF").unwrap();
    let out = chronicle()
        .arg("extract")
        .arg(&dir)
        .arg(dir.join("missing.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let ids: Vec<String> = articles(&out)
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a_good", "c_lines:1", "c_lines:3", "d_latin1"]);
    assert!(stderr.contains("missing.txt: not found"), "{stderr}");
    assert!(stderr.contains("b_empty.txt: empty file"), "{stderr}");
    assert!(
        stderr.contains("c_lines.jsonl:2: malformed JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("d_latin1.txt: invalid UTF-8 at byte 3"),
        "{stderr}"
    );
    assert!(stderr.contains("e_binary.txt: binary data"), "{stderr}");
    assert!(
        stderr.contains("4 article(s), 4 input error(s), 1 warning(s)"),
        "{stderr}"
    );
}

#[test]
fn an_overlong_line_on_stdin_is_skipped_and_the_stream_goes_on() {
    let mut input = b"{\"text\":\"Before.\"}\n{\"text\":\"".to_vec();
    input.extend(std::iter::repeat_n(b'x', 3 << 20));
    input.extend_from_slice(b"\"}\n{\"text\":\"After.\"}\n");
    let out = run_with_stdin(&["extract", "--max-mib", "1", "-"], &input);
    assert_eq!(out.status.code(), Some(1));
    let bodies: Vec<Value> = articles(&out).iter().map(|a| a["body"].clone()).collect();
    assert_eq!(bodies, ["Before.", "After."]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:2: line longer than 1048576 bytes"));
}

#[test]
fn plain_text_on_stdin_is_one_article_and_the_date_flag_fills_published() {
    let out = run_with_stdin(
        &["extract", "--date", "2019-02-28", "-"],
        "Hanoi summit ends early\n\nThe leaders left without a deal.".as_bytes(),
    );
    assert!(out.status.success());
    let a = &articles(&out)[0];
    assert_eq!(a["title"], "Hanoi summit ends early");
    assert_eq!(a["body"], "The leaders left without a deal.");
    assert_eq!(a["published"], "2019-02-28");
}

#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    let input: String = (0..20_000)
        .map(|i| format!("{{\"text\":\"Story {i}.\"}}\n"))
        .collect();
    let mut child = chronicle()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    // Read one line, then hang up, as `head -1` or Spark's take() do.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    let _ = std::io::Read::read(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let _ = writer.join();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn warc_record(kind: &str, uri: &str, block: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-03-01T08:00:00Z\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

const PAGE: &str = "<html><head><title>Hanoi summit ends without a deal</title></head><body><nav><a href=/>Home</a> <a href=/world>World</a></nav><article><h1>Hanoi summit ends without a deal</h1><p>The two leaders left Hanoi on Thursday without signing the agreement that officials had prepared for weeks.</p><p>Negotiators said the gap over sanctions relief could not be closed in the time the summit allowed.</p></article><footer>Copyright Example News</footer></body></html>";

#[test]
fn html_pages_and_warc_archives_become_articles() {
    let dir = workdir("web");
    std::fs::write(dir.join("a_page.html"), PAGE).unwrap();
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
    let mut warc = warc_record(
        "request",
        "https://news.example/hanoi",
        "GET /hanoi HTTP/1.1\r\n\r\n",
    );
    warc.push_str(&warc_record(
        "response",
        "https://news.example/hanoi",
        &http,
    ));
    warc.push_str("WARC/1.0\r\nContent-Length: nonsense\r\n\r\n");
    warc.push_str(&warc_record(
        "response",
        "https://news.example/hanoi-2",
        &http,
    ));
    std::fs::write(dir.join("b_crawl.warc"), warc).unwrap();
    let out = chronicle().arg("extract").arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let got = articles(&out);
    assert_eq!(got.len(), 3, "{stderr}");
    for a in &got {
        assert_eq!(a["title"], "Hanoi summit ends without a deal");
        let body = a["body"].as_str().unwrap();
        assert!(body.starts_with("The two leaders left Hanoi"), "{body}");
        assert!(
            !body.contains("Copyright") && !body.contains("Home"),
            "{body}"
        );
    }
    assert_eq!(got[1]["url"], "https://news.example/hanoi");
    assert_eq!(got[1]["source"], "news.example");
    assert_eq!(got[1]["published"], "2019-03-01");
    assert!(stderr.contains("b_crawl.warc: WARC record"), "{stderr}");
    assert!(
        stderr.contains("record(s) skipped: not HTML responses"),
        "{stderr}"
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the damaged record fails the run: {stderr}"
    );
}
