//! `chronicle extract -` as a streaming filter, the way Spark's `RDD.pipe` uses it: a record comes
//! out as soon as it went in (no waiting for the end of the input), in input order, and a
//! partition with nothing in it gives nothing and no error.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn chronicle() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
}

#[test]
fn each_record_comes_out_before_the_next_goes_in() {
    let mut child = chronicle()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    // Lines read on a thread, so that a filter that holds its output back fails by timeout, not by
    // hanging the test.
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for i in 0..5 {
        writeln!(
            stdin,
            "{{\"id\":\"r{i}\",\"text\":\"Officials met in Geneva on Monday. Story {i}.\"}}"
        )
        .unwrap();
        stdin.flush().unwrap();
        // The input stays open: the answer must come without it closing.
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("record r{i} did not come out while the input stayed open"));
        let article: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(article["id"], format!("r{i}"));
    }
    drop(stdin);
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert!(status.success());
}

#[test]
fn an_empty_or_blank_input_is_no_articles_and_no_error() {
    for input in ["", "\n", "  \n\n"] {
        let mut child = chronicle()
            .args(["extract", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{input:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{input:?}");
        assert!(
            stderr.contains("0 article(s), 0 input error(s)"),
            "{stderr}"
        );
    }
}

#[test]
fn many_records_keep_their_order_through_parallel_batches() {
    let n = 3_000;
    let input: String = (0..n)
        .map(|i| {
            let text = if i % 7 == 0 {
                "A much longer story. ".repeat(200)
            } else {
                format!("Story {i}.")
            };
            format!("{{\"id\":\"s{i}\",\"text\":\"{text}\"}}\n")
        })
        .collect();
    let mut child = chronicle()
        .args(["extract", "--batch", "64", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success());
    let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    let want: Vec<String> = (0..n).map(|i| format!("\"s{i}\"")).collect();
    assert_eq!(ids, want);
}
