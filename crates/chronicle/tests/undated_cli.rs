//! Records without a date, as a pile of scraped news has many: ingest dates each from what it
//! can (the day its URL files it under, a WARC record's capture, `--date`), in that order after
//! the record's and the page's own date, and says how many stayed undated.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn chronicle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-undated-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The `published` of each stored article, by id.
fn published(db: &str) -> Vec<(String, Value)> {
    let out = chronicle(&["export", "--format", "jsonl", "--db", db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut got: Vec<(String, Value)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let a: Value = serde_json::from_str(l).unwrap();
            (
                a["id"].as_str().unwrap().to_string(),
                a["published"].clone(),
            )
        })
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    got
}

const PILE: &str = r#"{"id":"a_dated","published":"2016-03-01","url":"https://news.example/2016/03/14/talks/","text":"Talks resumed in Geneva on Monday."}
{"id":"b_slashes","url":"https://news.example/world/2016/03/14/talks-resume/","text":"Talks resumed in Geneva."}
{"id":"c_compact","url":"http://local.example/news/20160315/council-votes","text":"The council voted on the budget."}
{"id":"d_dashes","url":"https://paper.example/opinion/2016-03-16-land-reform/","text":"The minister defended the reform."}
{"id":"e_no_day","url":"http://city.example/news/2016/03/jackpot.html","text":"A ticket won the jackpot."}
{"id":"f_no_url","text":"The prime minister met the president."}
"#;

#[test]
fn ingest_dates_records_from_their_url_then_date_flag_and_counts_the_undated() {
    let dir = workdir("url");
    let pile = dir.join("pile.jsonl");
    std::fs::write(&pile, PILE).unwrap();
    let db = dir.join("a.db");
    let (pile, db) = (pile.to_str().unwrap(), db.to_str().unwrap());

    let out = chronicle(&["ingest", pile, "--db", db]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("6 stored (0 near-duplicate copies linked, 2 without a publication date)"),
        "{stderr}"
    );
    let want = [
        // The record's own date wins over its URL's.
        ("a_dated", Value::from("2016-03-01")),
        ("b_slashes", Value::from("2016-03-14")),
        ("c_compact", Value::from("2016-03-15")),
        ("d_dashes", Value::from("2016-03-16")),
        // A month is no day: the record stays undated.
        ("e_no_day", Value::Null),
        ("f_no_url", Value::Null),
    ];
    let want: Vec<(String, Value)> = want
        .iter()
        .map(|(i, v)| (i.to_string(), v.clone()))
        .collect();
    assert_eq!(published(db), want);

    // --date dates what nothing else did, and only that.
    let db2 = dir.join("b.db");
    let db2 = db2.to_str().unwrap();
    let out = chronicle(&["ingest", pile, "--db", db2, "--date", "2016-04-01"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("0 without a publication date"), "{stderr}");
    let got = published(db2);
    assert_eq!(got[1].1, "2016-03-14");
    assert_eq!(got[4].1, "2016-04-01");
    assert_eq!(got[5].1, "2016-04-01");
}

fn warc_record(uri: &str, block: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-03-01T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

#[test]
fn a_warc_record_is_dated_by_its_url_else_by_its_capture() {
    let dir = workdir("warc");
    let http = |story: &str| {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>Summit</title></head><body><article><p>{story}</p></article></body></html>"
        )
    };
    let mut warc = warc_record(
        "https://news.example/2019/02/28/summit-ends",
        &http("The two leaders left Hanoi without signing the agreement officials had prepared."),
    );
    warc.push_str(&warc_record(
        "https://news.example/summit-reactions",
        &http("Negotiators said the gap over sanctions relief could not be closed in time."),
    ));
    let path = dir.join("crawl.warc");
    std::fs::write(&path, warc).unwrap();
    let db = dir.join("w.db");
    let (path, db) = (path.to_str().unwrap(), db.to_str().unwrap());
    let out = chronicle(&["ingest", path, "--db", db]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("0 without a publication date"), "{stderr}");
    let days: Vec<Value> = published(db).into_iter().map(|(_, d)| d).collect();
    let mut days: Vec<&str> = days.iter().map(|d| d.as_str().unwrap()).collect();
    days.sort_unstable();
    // The URL's day (the story's) over the capture's (the crawl's).
    assert_eq!(days, ["2019-02-28", "2019-03-01"]);
}
