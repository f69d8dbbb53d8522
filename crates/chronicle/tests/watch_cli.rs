//! `chronicle watch --once` end to end: the README's demo site (examples/watch/site) served on
//! the loopback interface, its feeds read, its pages stored, every refusal named on standard
//! error, a second run fetching nothing stored; SIGTERM during a long wait ends the process
//! cleanly.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

fn site_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/watch/site")
}

/// Serves the demo site's files, as `python3 -m http.server` would, on a free port.
fn serve_site() -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, Router::new().fallback(file))
                .await
                .unwrap();
        });
    });
    addr
}

async fn file(request: Request) -> Response {
    let path = request.uri().path().trim_start_matches('/').to_string();
    if path.split('/').any(|p| p == "..") {
        return StatusCode::BAD_REQUEST.into_response();
    }
    let kind = match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("xml") => "application/xml",
        Some("atom") => "application/atom+xml",
        _ => "text/plain",
    };
    match std::fs::read(site_dir().join(&path)) {
        Ok(bytes) => ([(header::CONTENT_TYPE, kind)], bytes).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

fn workdir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("chronicle-watch-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn watch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .arg("watch")
        .args(args)
        .output()
        .expect("binary runs")
}

#[test]
fn watch_once_fills_a_database_from_the_demo_feeds() {
    let addr = serve_site();
    let dir = workdir("once");
    let feeds = dir.join("feeds.txt");
    let list = std::fs::read_to_string(site_dir().join("../feeds.txt"))
        .unwrap()
        .replace("127.0.0.1:8000", &addr.to_string());
    std::fs::write(&feeds, list).unwrap();
    let db = dir.join("news.db");
    let (db_arg, feeds_arg) = (db.to_str().unwrap(), feeds.to_str().unwrap());
    let args = [
        "--once", "--db", db_arg, "--feeds", feeds_arg, "--delay", "0s",
    ];

    let out = watch(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The draft is refused by robots.txt and the withdrawn story is gone: named, and the exit
    // code says something was not stored.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("/drafts/embargoed.html: page not fetched: robots.txt"),
        "{stderr}"
    );
    assert!(
        stderr.contains("/news/withdrawn.html: page gone (HTTP 404)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("round 1: 3 feed(s) (0 unchanged), 6 link(s), 6 new, 4 page(s) fetched"),
        "{stderr}"
    );
    assert!(stderr.contains(", 4 stored, "), "{stderr}");

    let stats = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["stats", "--db", db_arg, "--format", "csv"])
        .output()
        .unwrap();
    let stats = String::from_utf8_lossy(&stats.stdout);
    assert!(stats.lines().any(|l| l == "articles,4"), "{stats}");

    // Run again: everything stored or settled, nothing fetched.
    let again = watch(&args);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("6 link(s), 0 new, 0 page(s) fetched"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_between_rounds_ends_the_watch_cleanly() {
    let addr = serve_site();
    let dir = workdir("term");
    let feeds = dir.join("feeds.txt");
    std::fs::write(&feeds, format!("http://{addr}/feeds/europe.atom\n")).unwrap();
    let db = dir.join("news.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["watch", "--every", "1h", "--delay", "0s", "--db"])
        .arg(&db)
        .arg("--feeds")
        .arg(&feeds)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut seen = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        seen.push(line.clone());
        if line.contains("round 1:") {
            break;
        }
    }
    assert!(seen.iter().any(|l| l.contains("1 stored")), "{seen:?}");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "still running after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert_eq!(
        status.code(),
        Some(0),
        "exited by itself, not killed: {rest:?}"
    );
    assert!(
        rest.iter().any(|l| l.contains("stopped by a signal")),
        "{rest:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_feed_list_names_the_line() {
    let dir = workdir("list");
    let feeds = dir.join("feeds.txt");
    std::fs::write(&feeds, "# none here\nftp://example.invalid/feed.xml\n").unwrap();
    let db = dir.join("news.db");
    let out = watch(&[
        "--once",
        "--db",
        db.to_str().unwrap(),
        "--feeds",
        feeds.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("feeds.txt:2: \"ftp://example.invalid/feed.xml\" is not an http(s) URL"),
        "{stderr}"
    );
    assert!(stderr.contains("no feed URL in it"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
