//! The store's commands end to end: ingest is idempotent and survives kill -9 at random
//! moments; queries answer in three formats; exports give back what extract printed, GDELT
//! rows of 61 columns, and Parquet that pyarrow and DuckDB read with the right types.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use chronicle_core::*;
use serde_json::Value;

fn chronicle() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
}

fn run(args: &[&str]) -> Output {
    chronicle().args(args).output().expect("binary runs")
}

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn workdir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("chronicle-store-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// `stats --format jsonl` as (what, value) pairs.
fn stats(db: &Path) -> Vec<(String, Value)> {
    ok(&["stats", "--check", "--format", "jsonl", "--db", s(db)])
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (v["what"].as_str().unwrap().to_string(), v["value"].clone())
        })
        .collect()
}

fn stat(db: &Path, what: &str) -> Value {
    stats(db).into_iter().find(|(w, _)| w == what).unwrap().1
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn ingest_is_idempotent_and_export_gives_back_what_extract_printed() {
    let dir = workdir("roundtrip");
    let db = dir.join("c.db");
    let ex = s(&examples()).to_string();
    let out = run(&["ingest", &ex, "--db", s(&db)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = run(&["ingest", &ex, "--db", s(&db)]);
    let summary = String::from_utf8_lossy(&again.stderr);
    assert!(
        summary.contains("0 stored") && summary.contains("6 same id"),
        "{summary}"
    );
    assert_eq!(stat(&db, "articles"), 6);
    assert_eq!(stat(&db, "integrity"), "ok");
    let extracted = ok(&["extract", &ex]);
    let exported = ok(&["export", "--format", "jsonl", "--db", s(&db)]);
    assert_eq!(sorted_lines(&exported), sorted_lines(&extracted));
    // `extract | ingest --annotated -` (the Spark route) stores the same articles.
    let piped = dir.join("piped.db");
    let mut child = chronicle()
        .args(["ingest", "--annotated", "-", "--db", s(&piped)])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::io::Write::write_all(&mut stdin, extracted.as_bytes()).unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success());
    let again = ok(&["export", "--format", "jsonl", "--db", s(&piped)]);
    assert_eq!(sorted_lines(&again), sorted_lines(&extracted));
    let hits = ok(&["search", "Yongbyon", "--format", "jsonl", "--db", s(&db)]);
    let first: Value = serde_json::from_str(hits.lines().next().expect("a hit")).unwrap();
    assert!(first["snippet"].as_str().unwrap().contains("[Yongbyon]"));
}

#[test]
fn bad_input_is_reported_and_the_rest_stored() {
    let dir = workdir("bad");
    std::fs::write(
        dir.join("a.txt"),
        "Kim met Moon at Panmunjom on Friday, officials said.",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.jsonl"),
        "{\"text\": \"Talks resumed in Geneva.\"}\n{not json\n",
    )
    .unwrap();
    std::fs::write(dir.join("c.txt"), "").unwrap();
    let db = dir.join("c.db");
    let out = run(&[
        "ingest",
        s(&dir),
        s(&dir.join("missing.txt")),
        "--db",
        s(&db),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.txt: not found"), "{err}");
    assert!(err.contains("b.jsonl:2: malformed JSON"), "{err}");
    assert!(err.contains("c.txt: empty file"), "{err}");
    assert_eq!(stat(&db, "articles"), 2);
}

#[test]
fn a_newer_database_is_refused_with_what_to_do() {
    let dir = workdir("newer");
    let db = dir.join("c.db");
    ok(&["ingest", s(&examples()), "--db", s(&db)]);
    // Pretend a future chronicle wrote it: user_version lives at byte 60 of the header.
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(&db, bytes).unwrap();
    let out = run(&["stats", "--db", s(&db)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("upgrade chronicle"));
    let out = run(&["stats", "--db", s(&dir.join("none.db"))]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such database"));
}

const SOURCES: [&str; 5] = ["a.org", "b.org", "c.org", "d.org", "e.org"];
const ACTORS: [&str; 4] = ["PRKGOV", "USAGOV", "KORMIL", "CHN"];
const CODES: [&str; 4] = ["120", "1211", "0211", "190"];

/// A contract article with three events drawn from a small set, so that events merge.
fn generated(i: usize) -> Article {
    let words = [
        "talks",
        "missile",
        "summit",
        "sanctions",
        "envoy",
        "border",
        "troops",
        "aid",
    ];
    let body: String = (0..30)
        .map(|k| words[(i * 7 + k * (i % 5 + 1)) % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let mut a = Article::new(format!("gen-{i}"), format!("Story {i}: {body}."));
    a.url = Some(format!("https://{}/{i}", SOURCES[i % 5]));
    a.source = Some(SOURCES[i % 5].into());
    a.published = jiff::civil::date(2019, 1, 1)
        .checked_add(jiff::Span::new().days((i % 700) as i64))
        .ok();
    a.quotes = vec![Quote {
        start: 0,
        end: 5,
        text: "Story".into(),
        kind: QuoteKind::Term,
        speaker: Some("Choe Son Hui".into()),
        speaker_actor: Some("PRKGOV".into()),
        cue: None,
        speaker_start: None,
        speaker_end: None,
        cue_start: None,
        cue_end: None,
        utterance: None,
    }];
    a.events = (0..3)
        .map(|k| Event {
            sentence: k,
            source: Some(ACTORS[(i + k) % 4].into()),
            target: Some(ACTORS[(i + k + 1) % 4].into()),
            cameo: CODES[(i * 3 + k) % 4].into(),
            plover: None,
            goldstein: Some(-2.0),
            quad_class: Some(if k == 0 { 3 } else { 4 }),
            date: Some(format!("2019-0{}-1{}", 1 + i % 9, k)),
            date_precision: DatePrecision::Day,
            date_basis: DateBasis::Text,
            context: vec![],
            place: None,
            trigger: "warned".into(),
            source_text: None,
            target_text: None,
            rule: "test".into(),
        })
        .collect();
    a
}

fn write_generated(path: &Path, n: usize) {
    let lines: Vec<String> = (0..n)
        .map(|i| serde_json::to_string(&generated(i)).unwrap())
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn events_queries_timeline_and_gdelt_rows_from_annotated_input() {
    let dir = workdir("events");
    let input = dir.join("in.jsonl");
    write_generated(&input, 200);
    let db = dir.join("c.db");
    ok(&["ingest", "--annotated", s(&input), "--db", s(&db)]);
    assert_eq!(stat(&db, "event_mentions"), 600);
    let rows = ok(&[
        "events",
        "--actor",
        "PRK",
        "--target",
        "USA",
        "--code",
        "12",
        "--from",
        "2019-01-01",
        "--to",
        "2019-12-31",
        "--format",
        "jsonl",
        "--db",
        s(&db),
    ]);
    let rows: Vec<Value> = rows
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(r["source"].as_str().unwrap().starts_with("PRK"));
        assert!(r["target"].as_str().unwrap().starts_with("USA"));
        assert!(r["code"].as_str().unwrap().starts_with("12"));
        assert!(r["mentions"].as_i64().unwrap() >= r["articles"].as_i64().unwrap());
    }
    let total: i64 = ok(&["events", "--format", "jsonl", "--db", s(&db)])
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["mentions"]
                .as_i64()
                .unwrap()
        })
        .sum();
    assert_eq!(total, 600, "every mention counted once");
    let csv = ok(&[
        "timeline",
        "--actor",
        "PRK",
        "--format",
        "csv",
        "--db",
        s(&db),
    ]);
    assert!(csv.starts_with(
        "week,verbal_coop,material_coop,verbal_conflict,material_conflict,events,mentions\n"
    ));
    assert!(csv.lines().nth(1).unwrap().starts_with("2019-W"));
    let months = ok(&[
        "timeline",
        "--by",
        "month",
        "--format",
        "csv",
        "--db",
        s(&db),
    ]);
    let months: Vec<&str> = months.lines().skip(1).collect();
    assert_eq!(
        months.len(),
        9,
        "the generated events fall in nine months: {months:?}"
    );
    assert!(months[0].starts_with("2019-01,"), "{months:?}");
    let quotes = ok(&[
        "quotes",
        "--speaker",
        "choe son",
        "--format",
        "csv",
        "--db",
        s(&db),
    ]);
    assert_eq!(quotes.lines().count(), 201);
    let gdelt = ok(&["export", "--format", "gdelt-events", "--db", s(&db)]);
    assert!(gdelt.lines().all(|l| l.split('\t').count() == 61));
    let gkg = ok(&["export", "--format", "gkg", "--db", s(&db)]);
    assert_eq!(gkg.lines().count(), 200);
    assert!(gkg.lines().all(|l| l.split('\t').count() == 27));
}

/// Whether `python3` with pyarrow is at hand (CI installs it: see .ci/run).
fn pyarrow() -> bool {
    Command::new("python3")
        .args(["-c", "import pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn parquet_reads_back_in_pyarrow_and_duckdb_with_types_and_row_counts() {
    if !pyarrow() {
        assert!(
            std::env::var_os("CHRONICLE_REQUIRE_PYARROW").is_none(),
            "pyarrow is required but missing"
        );
        eprintln!("note: python3 with pyarrow is absent; Parquet read-back skipped");
        return;
    }
    let dir = workdir("parquet");
    let input = dir.join("in.jsonl");
    write_generated(&input, 300);
    let db = dir.join("c.db");
    ok(&["ingest", "--annotated", s(&input), "--db", s(&db)]);
    let events = dir.join("events.parquet");
    let articles = dir.join("articles.parquet");
    ok(&[
        "export",
        "--format",
        "parquet",
        "--db",
        s(&db),
        "-o",
        s(&events),
    ]);
    ok(&[
        "export",
        "--format",
        "parquet",
        "--table",
        "articles",
        "--db",
        s(&db),
        "-o",
        s(&articles),
    ]);
    let n_events = ok(&[
        "events",
        "--limit",
        "100000",
        "--format",
        "jsonl",
        "--db",
        s(&db),
    ])
    .lines()
    .count();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parquet_check.py");
    let out = Command::new("python3")
        .arg(&script)
        .args([s(&events), &n_events.to_string(), s(&articles), "300"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A small deterministic generator for kill delays (the seed is printed on failure).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

#[test]
fn kill_9_at_twenty_random_moments_loses_nothing_committed() {
    let dir = workdir("kill");
    let input = dir.join("in.jsonl");
    write_generated(&input, 3000);
    let clean = dir.join("clean.db");
    let started = std::time::Instant::now();
    ok(&["ingest", "--annotated", s(&input), "--db", s(&clean)]);
    // Kills land within the time a whole run takes on this machine, whatever the build: the
    // first one early, so that at least one run is cut short.
    let whole_ms = (started.elapsed().as_millis() as u64).max(4);
    let expected = stats(&clean);
    let clean_articles: std::collections::HashSet<String> =
        ok(&["export", "--format", "jsonl", "--db", s(&clean)])
            .lines()
            .map(str::to_string)
            .collect();
    let db = dir.join("killed.db");
    let seed = std::process::id() as u64;
    let mut rng = Lcg(seed);
    let mut last_articles = 0;
    let mut interrupted = 0;
    for round in 0..20 {
        let mut child = chronicle()
            .args([
                "ingest",
                "--annotated",
                "--batch",
                "64",
                s(&input),
                "--db",
                s(&db),
            ])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let delay = if round == 0 {
            whole_ms / 4
        } else {
            1 + rng.next(whole_ms * 9 / 10)
        };
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if !db.exists() {
            continue;
        }
        let now = stats(&db);
        let get = |w: &str| {
            now.iter()
                .find(|(k, _)| k == w)
                .unwrap()
                .1
                .as_i64()
                .unwrap_or(0)
        };
        assert_eq!(
            now.iter().find(|(k, _)| k == "integrity").unwrap().1,
            "ok",
            "seed {seed} round {round}"
        );
        let articles = get("articles");
        assert!(
            articles >= last_articles,
            "seed {seed} round {round}: committed articles lost"
        );
        assert_eq!(
            get("event_mentions"),
            3 * articles,
            "seed {seed} round {round}: partial article"
        );
        assert_eq!(get("quotes"), articles, "seed {seed} round {round}");
        // Every committed article is whole: byte for byte what a clean run stores.
        let exported = ok(&["export", "--format", "jsonl", "--db", s(&db)]);
        assert_eq!(exported.lines().count() as i64, articles);
        assert!(
            exported.lines().all(|l| clean_articles.contains(l)),
            "seed {seed} round {round}: an article differs from a clean run's"
        );
        eprintln!("round {round}: {articles} articles committed");
        interrupted += usize::from(articles < 3000);
        last_articles = articles;
    }
    assert!(
        interrupted > 0,
        "no kill landed before the end; the test proves nothing"
    );
    ok(&["ingest", "--annotated", s(&input), "--db", s(&db)]);
    let fin = stats(&db);
    for what in [
        "articles",
        "originals",
        "events",
        "event_mentions",
        "quotes",
        "integrity",
    ] {
        let find = |t: &Vec<(String, Value)>| t.iter().find(|(k, _)| k == what).unwrap().1.clone();
        assert_eq!(find(&fin), find(&expected), "{what} (seed {seed})");
    }
    let a = ok(&[
        "events",
        "--limit",
        "100000",
        "--format",
        "csv",
        "--db",
        s(&db),
    ]);
    let b = ok(&[
        "events",
        "--limit",
        "100000",
        "--format",
        "csv",
        "--db",
        s(&clean),
    ]);
    let strip_ids = |t: &str| {
        sorted_lines(
            &t.lines()
                .map(|l| l.split_once(',').map_or(l, |x| x.1).to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    };
    assert_eq!(
        strip_ids(&a),
        strip_ids(&b),
        "event counts equal a clean run's"
    );
}

#[test]
fn a_killed_pipeline_ingest_resumes_to_what_a_clean_run_stores() {
    let dir = workdir("kill-pipeline");
    let input = dir.join("raw.jsonl");
    let places = [
        "Seoul", "Hanoi", "Geneva", "Kyiv", "Tehran", "Caracas", "Khartoum",
    ];
    let lines: Vec<String> = (0..600)
        .map(|i| {
            let p = places[i % places.len()];
            let q = places[(i / 7) % places.len()];
            let text = format!(
                "Officials in {p} said on Tuesday that talks with envoys from {q} would resume \
                 next week, story number {i}. \"We are ready,\" a spokesman said. Round {} of the \
                 negotiations ended in March without a deal.",
                i % 13
            );
            serde_json::json!({"id": format!("raw-{i}"), "date": "2020-07-06", "text": text})
                .to_string()
        })
        .collect();
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let clean = dir.join("clean.db");
    ok(&["ingest", s(&input), "--db", s(&clean)]);
    let db = dir.join("killed.db");
    for delay in [300, 700, 1200] {
        let mut child = chronicle()
            .args(["ingest", "--batch", "32", s(&input), "--db", s(&db)])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
    }
    ok(&["ingest", s(&input), "--db", s(&db)]);
    let (a, b) = (stats(&db), stats(&clean));
    for what in [
        "articles",
        "originals",
        "near_duplicate_copies",
        "quotes",
        "integrity",
    ] {
        let find = |t: &Vec<(String, Value)>| t.iter().find(|(k, _)| k == what).unwrap().1.clone();
        assert_eq!(find(&a), find(&b), "{what}");
    }
    let export = |p: &Path| sorted_lines(&ok(&["export", "--format", "jsonl", "--db", s(p)]));
    assert_eq!(export(&db), export(&clean));
}
