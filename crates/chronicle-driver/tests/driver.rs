//! The driver end to end: inputs in, articles handed in input order, held articles never
//! annotated, input problems reported while the run goes on, a sink's stop obeyed.

use std::io::{self, Write};
use std::path::PathBuf;

use chronicle_core::{Article, Flow, Held, Sink};
use chronicle_driver::{Collect, Inputs, Layout, LineSink, Observer, Options, run};
use chronicle_ingest::error::Location;
use chronicle_ingest::{Content, InputError, RawDocument};
use chronicle_nlp::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(Pipeline::standard)
}

fn doc(id: &str, text: &str) -> RawDocument {
    RawDocument {
        origin: Location {
            path: "mem".into(),
            line: None,
        },
        id: Some(id.into()),
        url: None,
        source: None,
        title: None,
        published: None,
        captured: None,
        feed: Default::default(),
        content: Content::Text(text.into()),
        warnings: Vec::new(),
    }
}

fn docs(n: usize) -> Vec<RawDocument> {
    (0..n)
        .map(|i| {
            doc(
                &format!("a{i}"),
                &format!("Talks resumed in Geneva on day {i}. Both sides met."),
            )
        })
        .collect()
}

/// Keeps every message, for the assertions.
#[derive(Default)]
struct Notes {
    errors: Vec<String>,
    warnings: Vec<String>,
}

impl Observer for Notes {
    fn input_error(&mut self, err: &InputError) {
        self.errors.push(err.to_string());
    }

    fn warning(&mut self, message: &str) {
        self.warnings.push(message.to_string());
    }
}

/// Holds every article whose id is in `held`; checks that what it is asked about is not yet
/// annotated.
#[derive(Default)]
struct Holding {
    held: Vec<String>,
    got: Vec<Article>,
    finished: bool,
}

impl Sink for Holding {
    type Error = String;

    fn skip(&mut self, article: &Article) -> Result<Option<Held>, String> {
        if !article.sentences.is_empty() {
            return Err(format!(
                "{} was annotated before the sink was asked",
                article.id
            ));
        }
        Ok(self.held.contains(&article.id).then_some(Held::Id))
    }

    fn accept(&mut self, article: Article) -> Result<Flow, String> {
        self.got.push(article);
        Ok(Flow::Go)
    }

    fn finish(&mut self) -> Result<(), String> {
        self.finished = true;
        Ok(())
    }
}

#[test]
fn articles_come_in_input_order_annotated_and_held_ones_are_left_out() {
    let mut sink = Holding {
        held: vec!["a3".into(), "a40".into()],
        ..Holding::default()
    };
    let options = Options {
        batch: 16,
        ..Options::default()
    };
    let tally = run(
        Inputs::Documents(docs(50)),
        &options,
        pipeline(),
        &mut sink,
        &mut Notes::default(),
    )
    .unwrap();
    assert_eq!(tally.articles, 50);
    assert_eq!(tally.held_for(Held::Id), 2);
    assert_eq!(tally.handed, 48);
    assert!(sink.finished);
    let ids: Vec<&str> = sink.got.iter().map(|a| a.id.as_str()).collect();
    let expected: Vec<String> = (0..50)
        .filter(|i| *i != 3 && *i != 40)
        .map(|i| format!("a{i}"))
        .collect();
    assert_eq!(ids, expected);
    assert!(
        sink.got
            .iter()
            .all(|a| a.sentences.len() == 2 && !a.places.is_empty())
    );
}

#[test]
fn a_bad_input_is_reported_and_the_others_are_read() {
    let dir = std::env::temp_dir().join(format!("chronicle-driver-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.jsonl");
    std::fs::write(
        &good,
        "{\"id\": 1, \"text\": \"Talks resumed.\"}\n{oops\n{\"dct\": \"soon\", \"text\": \"Talks ended.\"}\n",
    )
    .unwrap();
    let missing = dir.join("missing.txt");
    let mut sink = Collect::default();
    let mut notes = Notes::default();
    let tally = run(
        Inputs::Paths(vec![missing, good.clone()]),
        &Options::default(),
        pipeline(),
        &mut sink,
        &mut notes,
    )
    .unwrap();
    assert_eq!(tally.articles, 2);
    assert_eq!(notes.errors.len(), 2, "{:?}", notes.errors);
    assert!(
        notes.errors[0].ends_with("missing.txt: not found"),
        "{:?}",
        notes.errors
    );
    assert!(
        notes.errors[1].contains("good.jsonl:2: malformed JSON"),
        "{:?}",
        notes.errors
    );
    assert_eq!(notes.warnings.len(), 1);
    assert!(notes.warnings[0].contains("good.jsonl:3: unreadable publication date"));
    let ids: Vec<String> = sink.into_articles().into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["1", "good:3"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A writer whose reader went away after `room` bytes.
struct ClosedAfter {
    written: Vec<u8>,
    room: usize,
}

impl Write for ClosedAfter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.written.len() + buf.len() > self.room {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        self.written.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn json_lines_are_the_contract_one_per_line_and_a_closed_pipe_stops_the_run() {
    let mut out = ClosedAfter {
        written: Vec::new(),
        room: usize::MAX,
    };
    let mut sink = LineSink::json(&mut out, Layout::Line);
    let tally = run(
        Inputs::Documents(docs(3)),
        &Options::default(),
        pipeline(),
        &mut sink,
        &mut Notes::default(),
    )
    .unwrap();
    assert!(!tally.stopped);
    let text = String::from_utf8(out.written).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["id"], "a2");
    assert_eq!(lines[2]["sentences"].as_array().unwrap().len(), 2);

    // Room for about one line: the sink asks to stop, and the driver reads no further.
    let mut out = ClosedAfter {
        written: Vec::new(),
        room: text.len() / 3 + 10,
    };
    let mut sink = LineSink::json(&mut out, Layout::Line);
    let options = Options {
        batch: 1,
        ..Options::default()
    };
    let tally = run(
        Inputs::Documents(docs(100)),
        &options,
        pipeline(),
        &mut sink,
        &mut Notes::default(),
    )
    .unwrap();
    assert!(tally.stopped);
    assert_eq!(
        tally.handed, 2,
        "the second line did not fit: the run ended there"
    );
}

#[test]
fn one_article_goes_through_the_same_driver() {
    let path: PathBuf = "request".into();
    let mut d = doc("x", "North Korea rejected talks on Saturday.");
    d.id = None;
    d.origin.path = path;
    let (article, warnings) = chronicle_driver::annotate_one(d, Default::default(), pipeline());
    let article = article.unwrap();
    assert_eq!(article.id, "request");
    assert!(warnings.is_empty());
    assert!(!article.entities.is_empty());
}

/// Counts what the stream gave and says when the stream itself is dropped.
struct Counted {
    pulled: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    dropped: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Iterator for Counted {
    type Item = Result<RawDocument, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        use std::sync::atomic::Ordering;
        let i = self.pulled.fetch_add(1, Ordering::SeqCst);
        if i == 2 {
            let problem = chronicle_ingest::Problem::Record("no `text` or `html` field".into());
            return Some(Err(InputError::new("-", Some(3), problem)));
        }
        Some(Ok(doc(
            &format!("s{i}"),
            "Talks resumed in Geneva. Both sides met.",
        )))
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.dropped
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Stops after `n` articles.
struct StopAfter {
    ids: Vec<String>,
    n: usize,
}

impl Sink for StopAfter {
    type Error = String;

    fn accept(&mut self, article: Article) -> Result<Flow, String> {
        self.ids.push(article.id);
        Ok(if self.ids.len() >= self.n {
            Flow::Stop
        } else {
            Flow::Go
        })
    }
}

#[test]
fn an_endless_stream_is_read_in_bounded_steps_in_order_and_let_go_when_the_sink_stops() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let pulled = Arc::new(AtomicUsize::new(0));
    let dropped = Arc::new(AtomicBool::new(false));
    let stream = Counted {
        pulled: Arc::clone(&pulled),
        dropped: Arc::clone(&dropped),
    };
    let options = Options {
        batch: 4,
        ..Options::default()
    };
    let mut sink = StopAfter {
        ids: Vec::new(),
        n: 10,
    };
    let mut notes = Notes::default();
    let tally = run(
        Inputs::Stream(Box::new(stream)),
        &options,
        pipeline(),
        &mut sink,
        &mut notes,
    )
    .unwrap();
    assert!(tally.stopped);
    let expected: Vec<String> = (0..11)
        .filter(|&i| i != 2)
        .map(|i| format!("s{i}"))
        .collect();
    assert_eq!(sink.ids, expected);
    assert_eq!(notes.errors, ["-:3: no `text` or `html` field"]);
    // The reader reads ahead by a bounded queue, not without end, and lets go of the stream
    // once the run has stopped.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !dropped.load(Ordering::SeqCst) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        dropped.load(Ordering::SeqCst),
        "the stream was never let go"
    );
    assert!(
        pulled.load(Ordering::SeqCst) < 5000,
        "read ahead without bound"
    );
}
