//! `extract_many`: records from a Python iterable through `chronicle_driver::run` on a thread
//! of its own, articles back in input order as an iterator of contract dicts.
//!
//! ```text
//! Python iterable ─▶ reader thread (attaches per record) ─▶ driver: build, annotate (rayon) ─▶ channel ─▶ __next__
//! ```
//!
//! The driver's queue and this channel are bounded, so an endless iterable costs bounded
//! memory; annotation and JSON rendering run with the interpreter released, and only turning
//! each article's JSON into Python objects holds it.

use std::collections::{BTreeMap, VecDeque};
use std::convert::Infallible;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use rayon::prelude::*;

use chronicle_core::{Article, Flow, Sink};
use chronicle_driver::{Inputs, Layout, Observer, Options, to_json};
use chronicle_ingest::{InputError, Problem};
use chronicle_nlp::Pipeline;

use crate::errors::{self, OnError};
use crate::records::{Index, PyRecords};

/// Batches waiting between the driver and the consumer.
const WAITING: usize = 4;

/// What the driver's thread tells the consumer, in the order it happens.
pub enum Message {
    /// Finished articles as contract JSON, in input order.
    Articles(Vec<String>),
    /// A record that could not be read, at its place.
    Problem { index: Index, message: String },
    /// A problem that did not stop the record.
    Warning(String),
    /// Every record was read.
    Done,
    /// The pipeline panicked on a batch; the run is over.
    Failed(String),
}

/// A [`Sink`] that renders each batch's JSON on the worker threads and sends it on; when the
/// consumer has gone, the run stops.
struct ChannelSink {
    tx: SyncSender<Message>,
}

impl Sink for ChannelSink {
    type Error = Infallible;

    fn accept(&mut self, article: Article) -> Result<Flow, Infallible> {
        self.accept_batch(vec![article])
    }

    fn accept_batch(&mut self, articles: Vec<Article>) -> Result<Flow, Infallible> {
        let lines = articles
            .par_iter()
            .map(|a| to_json(a, Layout::Line))
            .collect();
        drop(articles);
        Ok(match self.tx.send(Message::Articles(lines)) {
            Ok(()) => Flow::Go,
            Err(_) => Flow::Stop,
        })
    }
}

/// Sends input problems and warnings down the same channel, so that they keep their place.
pub struct ChannelObserver {
    pub tx: SyncSender<Message>,
}

impl Observer for ChannelObserver {
    fn input_error(&mut self, err: &InputError) {
        let _ = self.tx.send(problem_message(err));
    }

    fn warning(&mut self, message: &str) {
        let _ = self.tx.send(Message::Warning(message.to_string()));
    }
}

/// A problem of record `line - 1`, in the words the record reader chose.
pub fn problem_message(err: &InputError) -> Message {
    let index = err.location.line.unwrap_or(1).saturating_sub(1);
    let message = match &err.problem {
        Problem::Record(message) => message.clone(),
        other => format!("records[{index}]: {other}"),
    };
    Message::Problem { index, message }
}

/// How a stream of records is run.
pub struct RunSpec {
    pub pipeline: Arc<Pipeline>,
    pub options: Options,
    /// Worker threads; `None` for rayon's global pool (one per core).
    pub threads: Option<usize>,
}

impl RunSpec {
    /// Runs `f` on the spec's pool.
    pub fn on_pool<T: Send>(&self, f: impl FnOnce() -> T + Send) -> Result<T, String> {
        match self.threads {
            None => Ok(f()),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map(|pool| pool.install(f))
                .map_err(|e| format!("cannot start {n} worker thread(s): {e}")),
        }
    }
}

/// The message of a caught panic.
pub fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

/// Starts the run over `records` (a Python iterator) on a thread of its own.
fn start(spec: RunSpec, records: Py<PyAny>, cancelled: Arc<AtomicBool>) -> Receiver<Message> {
    let (tx, rx) = sync_channel(WAITING);
    std::thread::spawn(move || {
        let stream = PyRecords::new(records, cancelled);
        let mut sink = ChannelSink { tx: tx.clone() };
        let mut observer = ChannelObserver { tx: tx.clone() };
        let ran = catch_unwind(AssertUnwindSafe(|| {
            spec.on_pool(|| {
                chronicle_driver::run(
                    Inputs::Stream(Box::new(stream)),
                    &spec.options,
                    &spec.pipeline,
                    &mut sink,
                    &mut observer,
                )
            })
        }));
        let last = match ran {
            Ok(Ok(Ok(_tally))) => Message::Done,
            Ok(Ok(Err(never))) => match never {},
            Ok(Err(why)) => Message::Failed(why),
            Err(panic) => Message::Failed(panic_text(panic.as_ref())),
        };
        let _ = tx.send(last);
    });
    rx
}

/// The iterator `extract_many` returns: contract dicts in input order.
#[pyclass(module = "chronicle._chronicle")]
pub struct Extraction {
    state: Mutex<State>,
}

struct State {
    rx: Option<Receiver<Message>>,
    /// Articles received, not yet handed out.
    ready: VecDeque<String>,
    /// Records that could not be read, by index, until their turn comes.
    problems: BTreeMap<Index, String>,
    /// The index of the next record to hand out (an article or a problem).
    next: Index,
    done: bool,
    on_error: OnError,
    cancelled: Arc<AtomicBool>,
}

impl Drop for State {
    /// The caller went away (left its loop): the reader stops pulling records, and the driver
    /// stops at its next batch, as it does on a closed pipe.
    fn drop(&mut self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

impl Extraction {
    /// Starts extracting `records` (a Python iterable) as `spec` says.
    pub fn start(
        py: Python<'_>,
        spec: RunSpec,
        records: &Bound<'_, PyAny>,
        on_error: OnError,
    ) -> PyResult<Self> {
        let iter = records.try_iter()?.into_any().unbind();
        let cancelled = Arc::new(AtomicBool::new(false));
        let rx = py.detach(|| start(spec, iter, Arc::clone(&cancelled)));
        Ok(Extraction {
            state: Mutex::new(State {
                rx: Some(rx),
                ready: VecDeque::new(),
                problems: BTreeMap::new(),
                next: 0,
                done: false,
                on_error,
                cancelled,
            }),
        })
    }
}

#[pymethods]
impl Extraction {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let Ok(mut state) = self.state.try_lock() else {
            return Err(PyRuntimeError::new_err(
                "this extract_many iterator is being read by another thread",
            ));
        };
        state.next_article(py)
    }
}

impl State {
    fn next_article(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        loop {
            if let Some(message) = self.problems.remove(&self.next) {
                let index = self.next;
                self.next += 1;
                if let Err(e) = errors::bad_record(py, self.on_error, index, &message) {
                    self.finish();
                    return Err(e);
                }
                continue;
            }
            if let Some(line) = self.ready.pop_front() {
                self.next += 1;
                return crate::json_to_py(py, &line).map(Some);
            }
            if self.done {
                // Problems past the last article (none should remain before it).
                match self.problems.keys().next() {
                    Some(&index) => self.next = index,
                    None => return Ok(None),
                }
                continue;
            }
            let message = self.receive(py)?;
            self.take(py, message)?;
        }
    }

    /// Waits for the driver's next message with the interpreter released, checking for Ctrl-C
    /// every tenth of a second.
    fn receive(&mut self, py: Python<'_>) -> PyResult<Message> {
        loop {
            let Some(rx) = self.rx.take() else {
                return Ok(Message::Done);
            };
            let (rx, got) = py.detach(move || {
                let got = rx.recv_timeout(Duration::from_millis(100));
                (rx, got)
            });
            match got {
                Ok(message) => {
                    self.rx = Some(rx);
                    return Ok(message);
                }
                Err(RecvTimeoutError::Timeout) => {
                    self.rx = Some(rx);
                    if let Err(e) = py.check_signals() {
                        self.finish();
                        return Err(e);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    self.finish();
                    return Err(PyRuntimeError::new_err(
                        "chronicle: the extraction thread ended without finishing",
                    ));
                }
            }
        }
    }

    fn take(&mut self, py: Python<'_>, message: Message) -> PyResult<()> {
        match message {
            Message::Articles(lines) => self.ready.extend(lines),
            Message::Problem { index, message } => {
                self.problems.insert(index, message);
            }
            Message::Warning(message) => errors::warn(py, &message)?,
            Message::Done => {
                self.done = true;
                self.rx = None;
            }
            Message::Failed(why) => {
                self.finish();
                return Err(PyRuntimeError::new_err(format!(
                    "chronicle: the pipeline failed: {why}"
                )));
            }
        }
        Ok(())
    }

    /// Ends the iteration: nothing more is read or handed out.
    fn finish(&mut self) {
        self.cancelled.store(true, Ordering::Relaxed);
        self.rx = None;
        self.ready.clear();
        self.problems.clear();
        self.done = true;
    }
}
