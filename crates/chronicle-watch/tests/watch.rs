//! The watcher against a local news site (tests/support): what is stored, what is refused and
//! why, what a second round and a restart fetch, the stop signal, the WARC archive replayed,
//! the published GDELT slices. Offline: the site listens on the loopback interface.

mod support;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use chronicle_driver::{Inputs, Observer, Options};
use chronicle_ingest::InputError;
use chronicle_store::{Store, export};
use chronicle_watch::{
    DropFolder, Failure, FeedSource, Fetcher, Politeness, Publisher, RoundReport, WarcWriter,
    Watcher,
};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-watch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Quick and small limits, so that the slow and the huge page fail fast.
fn politeness() -> Politeness {
    Politeness {
        delay: Duration::ZERO,
        timeout: Duration::from_millis(800),
        retries: 1,
        backoff: Duration::from_millis(10),
        max_bytes: 100_000,
        max_redirects: 4,
        ..Politeness::default()
    }
}

fn feeds(site: &support::Site, paths: &[&str]) -> Vec<FeedSource> {
    paths
        .iter()
        .map(|p| FeedSource {
            url: site.url(p),
            name: Some("Test Times".into()),
        })
        .collect()
}

const ALL: &[&str] = &[
    "/feeds/world.xml",
    "/feeds/atom.xml",
    "/feeds/index.xml",
    "/feeds/broken.xml",
    "/feeds/empty.xml",
    "/feeds/error.xml",
    "/feeds/missing.xml",
];

fn round(watcher: &mut Watcher) -> RoundReport {
    let stop = Arc::new(AtomicBool::new(false));
    let mut logged = Vec::new();
    let report = watcher
        .round(support::pipeline(), &stop, &mut |f: &Failure| {
            logged.push(f.clone())
        })
        .unwrap();
    assert_eq!(
        logged, report.failures,
        "every failure is logged as it is met"
    );
    report
}

/// The reason logged for `url`, or a panic listing what was logged.
fn reason<'a>(report: &'a RoundReport, url: &str) -> &'a str {
    report
        .failures
        .iter()
        .find(|f| f.url == url)
        .map(|f| f.reason.as_str())
        .unwrap_or_else(|| panic!("no failure logged for {url}: {:#?}", report.failures))
}

/// Every stored article as (url, title, published, description), by URL.
fn articles(db: &Path) -> Vec<(String, String, String, String)> {
    let store = Store::open_existing(db).unwrap();
    let mut out = Vec::new();
    export::for_each_article(store.conn(), |_, _, a| {
        out.push((
            a.url.clone().unwrap_or_default(),
            a.title.clone().unwrap_or_default(),
            a.published.map(|d| d.to_string()).unwrap_or_default(),
            a.description.clone().unwrap_or_default(),
        ));
        Ok(())
    })
    .unwrap();
    out.sort();
    out
}

#[test]
fn one_round_stores_the_good_pages_and_says_why_each_bad_one_was_not() {
    let site = support::start();
    let dir = temp("round");
    let db = dir.join("news.db");
    let fetcher = Fetcher::new(politeness(), None);
    let mut watcher = Watcher::new(&db, feeds(&site, ALL), fetcher);
    let report = round(&mut watcher);

    // Stored: talks, aid (through the redirect), the Atom entry's page, the sitemap's page.
    let stored = articles(&db);
    let urls: Vec<&str> = stored.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(
        urls,
        [
            site.url("/news/aid.html"),
            site.url("/news/sanctions.html"),
            site.url("/news/talks.html"),
            site.url("/news/untitled.html"),
        ],
        "{report:#?}"
    );
    assert_eq!(report.stored, 4);
    assert!(report.events > 0, "the stories have events: {report:#?}");
    // The copy of the talks page under another URL is found by its text and not stored.
    assert_eq!(report.held, 1, "{report:#?}");

    // A page without title or date takes its feed item's; a page's own title wins.
    let untitled = &stored[3];
    assert_eq!(untitled.1, "Athens marches against pension cuts");
    assert_eq!(untitled.2, "2026-12-05");
    assert_eq!(untitled.3, "Unions call a general strike.");
    let sanctions = &stored[1];
    assert_eq!(sanctions.1, "Ministers weigh new sanctions");
    assert_eq!(
        sanctions.2, "2026-12-07",
        "the news sitemap's publication date"
    );

    // Each failure names its URL and the reason; the round went on past all of them.
    assert!(reason(&report, &site.url("/feeds/broken.xml")).contains("malformed XML"));
    assert!(reason(&report, &site.url("/feeds/error.xml")).contains("HTTP 500"));
    assert!(reason(&report, &site.url("/feeds/missing.xml")).contains("HTTP 404"));
    assert!(reason(&report, &site.url("/news/gone.html")).starts_with("page gone"));
    assert!(reason(&report, &site.url("/news/huge.html")).contains("larger than 100000 bytes"));
    assert!(reason(&report, &site.url("/news/slow.html")).contains("timed out"));
    assert!(reason(&report, &site.url("/news/loop-a.html")).contains("redirect loop"));
    assert!(reason(&report, &site.url("/news/flaky.html")).contains("HTTP 503"));
    assert!(reason(&report, &site.url("/news/logo.png")).contains("not an HTML page"));
    assert!(reason(&report, &site.url("/private/memo.html")).contains("robots.txt"));
    assert!(reason(&report, "mailto:desk@news.test").contains("not an http(s) URL"));
    assert_eq!(report.failures.len(), 11, "{:#?}", report.failures);
    // The empty feed is no error: it simply lists nothing.

    // Robots obeyed (the disallowed page never asked for), robots.txt asked once, a 5xx
    // retried once, a 404 not retried.
    assert_eq!(site.hits("/private/memo.html"), 0);
    assert_eq!(site.hits("/robots.txt"), 1);
    assert_eq!(site.hits("/news/flaky.html"), 2);
    assert_eq!(site.hits("/news/gone.html"), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_second_round_and_a_restart_fetch_nothing_stored_again() {
    let site = support::start();
    let dir = temp("again");
    let db = dir.join("news.db");
    let world = feeds(&site, &["/feeds/world.xml"]);
    let mut watcher = Watcher::new(&db, world.clone(), Fetcher::new(politeness(), None));
    let first = round(&mut watcher);
    assert_eq!(first.stored, 2, "{first:#?}");

    let second = round(&mut watcher);
    assert_eq!(second.unchanged, 1, "the feed answered 304 to its ETag");
    // Only the two links that failed for a reason that may pass (a timeout, a 503) again.
    assert_eq!((second.new_links, second.stored), (2, 0), "{second:#?}");
    assert_eq!(site.hits("/news/talks.html"), 1);

    // A new process knows nothing but the database: stored links are still not fetched.
    let mut restarted = Watcher::new(&db, world, Fetcher::new(politeness(), None));
    let third = round(&mut restarted);
    assert_eq!(third.stored, 0);
    assert_eq!(site.hits("/news/talks.html"), 1, "{third:#?}");
    assert_eq!(site.hits("/news/aid.html"), 1, "reached through a redirect");
    assert_eq!(site.hits("/news/gone.html"), 1, "gone is remembered");
    // A 503 may pass: each round tries the page again (a request and its retry), even when
    // its feed did not change; a restart reads it from the feed again.
    assert_eq!(site.hits("/news/flaky.html"), 6);
    let flaky = reason(&third, &site.url("/news/flaky.html"));
    assert!(flaky.ends_with("tried again next round"), "{flaky}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_restart_asks_for_a_feed_it_read_whole_conditionally() {
    let site = support::start();
    let dir = temp("validators");
    let db = dir.join("news.db");
    let calm = feeds(&site, &["/feeds/calm.xml"]);
    let first = round(&mut Watcher::new(
        &db,
        calm.clone(),
        Fetcher::new(politeness(), None),
    ));
    assert_eq!((first.unchanged, first.stored), (0, 1), "{first:#?}");
    // A new process (cron's next --once) sends If-Modified-Since from the database.
    let second = round(&mut Watcher::new(
        &db,
        calm,
        Fetcher::new(politeness(), None),
    ));
    assert_eq!((second.unchanged, second.links), (1, 0), "{second:#?}");
    assert_eq!(site.hits("/feeds/calm.xml"), 2);
    assert_eq!(site.hits("/news/talks.html"), 1);

    // The world feed keeps a link to try again (a 503): its validators are not kept, so that
    // a restart still reads the feed whole and finds that link.
    let world = feeds(&site, &["/feeds/world.xml"]);
    round(&mut Watcher::new(
        &db,
        world.clone(),
        Fetcher::new(politeness(), None),
    ));
    let again = round(&mut Watcher::new(
        &db,
        world,
        Fetcher::new(politeness(), None),
    ));
    assert_eq!(again.unchanged, 0, "{again:#?}");
    assert!(
        again
            .failures
            .iter()
            .any(|f| f.url.ends_with("/news/flaky.html"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_stop_request_finishes_the_page_in_hand_and_commits_it() {
    let site = support::start();
    let dir = temp("stop");
    let db = dir.join("news.db");
    let mut watcher = Watcher::new(
        &db,
        feeds(&site, &["/feeds/stop.xml"]),
        Fetcher::new(politeness(), None),
    );
    // The site raises the flag while it serves the first page, as SIGTERM would.
    let mut log = |_: &Failure| {};
    let report = watcher
        .round(support::pipeline(), &site.stop, &mut log)
        .unwrap();
    assert!(report.stopped);
    assert_eq!(report.stored, 1, "{report:#?}");
    assert_eq!(
        site.hits("/news/talks.html"),
        0,
        "nothing fetched after the stop"
    );
    assert_eq!(articles(&db).len(), 1, "the page in hand is committed");
    let _ = std::fs::remove_dir_all(&dir);
}

/// An observer that fails the test on any input error.
struct Strict;

impl Observer for Strict {
    fn input_error(&mut self, err: &InputError) {
        assert!(!err.problem.is_failure(), "replay: {err}");
    }

    fn warning(&mut self, _message: &str) {}
}

#[test]
fn the_warc_archive_replays_into_the_same_database() {
    let site = support::start();
    let dir = temp("warc");
    let (db, warcs) = (dir.join("watched.db"), dir.join("warc"));
    let archive = WarcWriter::new(&warcs, 4096).unwrap();
    let mut watcher = Watcher::new(
        &db,
        feeds(&site, ALL),
        Fetcher::new(politeness(), Some(archive)),
    );
    let report = round(&mut watcher);
    assert_eq!(report.stored, 4);
    let files = std::fs::read_dir(&warcs).unwrap().count();
    assert!(files > 1, "the archive rotated past 4 KiB: {files} file(s)");

    let replayed = dir.join("replayed.db");
    let mut sink = Store::open(&replayed).unwrap().into_ingest_sink().unwrap();
    chronicle_driver::run(
        Inputs::Paths(vec![warcs.clone()]),
        &Options::default(),
        support::pipeline(),
        &mut sink,
        &mut Strict,
    )
    .unwrap();

    // The same articles (ids, URLs, metadata, bodies, every layer) and the same event rows.
    let jsonl = |db: &Path| {
        let store = Store::open_existing(db).unwrap();
        let mut out = Vec::new();
        export::jsonl(store.conn(), &mut out).unwrap();
        let mut lines: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        lines.sort();
        lines
    };
    let watched = jsonl(&db);
    assert_eq!(watched.len(), 4);
    assert_eq!(watched, jsonl(&replayed));
    let events = |db: &Path| {
        let store = Store::open_existing(db).unwrap();
        let mut out = Vec::new();
        export::gdelt::write(store.conn(), &Default::default(), &mut out).unwrap();
        // DATEADDED (column 60) is when each database stored the row.
        let mut rows: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                let mut cells: Vec<&str> = l.split('\t').collect();
                cells[59] = "";
                cells.join("\t")
            })
            .collect();
        rows.sort();
        rows
    };
    let watched_events = events(&db);
    assert!(!watched_events.is_empty());
    assert_eq!(watched_events, events(&replayed));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn published_slices_are_gdelt_2_files_named_in_lastupdate() {
    let site = support::start();
    let dir = temp("publish");
    let db = dir.join("news.db");
    let out = dir.join("gdelt");
    let publisher = Publisher::new(&out, Some("http://data.test/gdeltv2")).unwrap();
    let mut watcher = Watcher::new(
        &db,
        feeds(&site, &["/feeds/world.xml", "/feeds/atom.xml"]),
        Fetcher::new(politeness(), None),
    )
    .with_publisher(publisher);
    let report = round(&mut watcher);
    assert!(report.published >= 3, "{report:#?}");

    let lastupdate = std::fs::read_to_string(out.join("lastupdate.txt")).unwrap();
    let lines: Vec<&str> = lastupdate.lines().collect();
    assert_eq!(lines.len(), 3, "{lastupdate}");
    let mut stamp = None;
    let mut rows_of = Vec::new();
    for (line, (suffix, columns)) in lines.iter().zip([
        (".export.CSV.zip", 61),
        (".mentions.CSV.zip", 16),
        (".gkg.csv.zip", 27),
    ]) {
        // "<size> <md5> <url>", as GDELT's own lastupdate.txt.
        let fields: Vec<&str> = line.split(' ').collect();
        assert_eq!(fields.len(), 3, "{line}");
        let name = fields[2].strip_prefix("http://data.test/gdeltv2/").unwrap();
        assert!(name.ends_with(suffix), "{name}");
        let this_stamp = &name[..14];
        assert!(this_stamp.bytes().all(|b| b.is_ascii_digit()), "{name}");
        assert!(
            matches!(&this_stamp[10..], "0000" | "1500" | "3000" | "4500"),
            "{name}"
        );
        assert_eq!(*stamp.get_or_insert(this_stamp.to_string()), this_stamp);
        let bytes = std::fs::read(out.join(name)).unwrap();
        assert_eq!(fields[0], bytes.len().to_string());
        assert_eq!(fields[1], md5_hex(&bytes));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(zip.len(), 1);
        let mut inner = zip.by_index(0).unwrap();
        assert_eq!(inner.name().unwrap(), name.strip_suffix(".zip").unwrap());
        let mut text = String::new();
        inner.read_to_string(&mut text).unwrap();
        for row in text.lines() {
            assert_eq!(row.split('\t').count(), columns, "{name}: {row}");
        }
        rows_of.push(text.lines().count());
    }
    assert!(rows_of[0] > 0, "events published: {rows_of:?}");
    assert!(
        rows_of[1] >= rows_of[0],
        "every event has a mention: {rows_of:?}"
    );
    assert_eq!(
        rows_of[2] as u64, report.stored,
        "one GKG row per article stored"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn md5_hex(bytes: &[u8]) -> String {
    use md5::Digest;
    md5::Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn files_dropped_in_the_folder_are_ingested_once() {
    let dir = temp("folder");
    let db = dir.join("news.db");
    let drop = dir.join("drop");
    let folder = DropFolder::new(&drop, Duration::ZERO).unwrap();
    std::fs::write(
        drop.join("story.txt"),
        "Envoys meet in Geneva\n\nThe foreign ministers of Iran and France met in Geneva on \
         Thursday for talks on the nuclear programme, diplomats said.\n",
    )
    .unwrap();
    std::fs::write(
        drop.join("bad.jsonl"),
        "{\"text\": \"A story.\"}\nnot json\n",
    )
    .unwrap();
    let mut watcher =
        Watcher::new(&db, Vec::new(), Fetcher::new(politeness(), None)).with_folder(folder);
    let first = round(&mut watcher);
    assert_eq!((first.files, first.stored), (2, 2), "{first:#?}");
    assert!(
        first
            .failures
            .iter()
            .any(|f| f.url.ends_with("bad.jsonl:2") && f.reason.contains("JSON")),
        "{:#?}",
        first.failures
    );
    let second = round(&mut watcher);
    assert_eq!((second.files, second.stored), (0, 0));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A server that answers every page with an endless-looking body of no stated length (read to
/// the end of the connection), and robots.txt with 404.
fn unbounded_server() -> std::net::SocketAddr {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request_line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let _ = reader.read_line(&mut request_line);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            if request_line.contains("/robots.txt") {
                let _ = stream.write_all(
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
                continue;
            }
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n",
            );
            let chunk = [b'x'; 8192];
            for _ in 0..64 {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
    });
    addr
}

#[test]
fn a_body_of_no_stated_length_is_cut_at_the_cap() {
    let addr = unbounded_server();
    let mut fetcher = Fetcher::new(politeness(), None);
    let result = fetcher.fetch(&format!("http://{addr}/news/endless.html"), false, &[]);
    match result {
        Err(e) => assert_eq!(e.to_string(), "response larger than 100000 bytes; not read"),
        Ok(_) => panic!("a 512 KiB body passed a 100 kB cap"),
    }
}
