//! `chronicle.Database`'s native half: the store opened as the command line and the server open
//! it, ingest through the driver into the store's `IngestSink`, and the store's own queries
//! (`chronicle_store::query`) answered as columns and rows for the Python half to shape.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use chronicle_core::Held;
use chronicle_driver::{Inputs, Observer, Tally};
use chronicle_ingest::InputError;
use chronicle_store::period::Period;
use chronicle_store::query::{self, ActorSide, Cell, EventFilter};
use chronicle_store::{IngestCounts, Store, Table};

use crate::errors::{self, DatabaseError, OnError, store_error};
use crate::records::PyRecords;
use crate::stream::{Message, RunSpec, panic_text, problem_message};

/// An open Chronicle database.
#[pyclass(module = "chronicle._chronicle", name = "Store")]
pub struct PyStore {
    path: PathBuf,
    writable: bool,
    store: Mutex<Option<Store>>,
}

/// What a query returns to the Python half: column names and rows of plain values.
type Answer = (Vec<&'static str>, Vec<Vec<Cell>>);

impl PyStore {
    /// Runs `f` on the open store with the interpreter released.
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&Store) -> chronicle_store::Result<T> + Send,
    ) -> PyResult<T> {
        py.detach(|| {
            let guard = self
                .store
                .lock()
                .map_err(|_| PyRuntimeError::new_err("the database lock is poisoned"))?;
            let store = guard.as_ref().ok_or_else(|| {
                DatabaseError::new_err(format!("{}: closed", self.path.display()))
            })?;
            f(store).map_err(store_error)
        })
    }
}

/// The filter the command line's `--actor --side --target --code --from --to` make.
fn filter(
    actor: Option<String>,
    side: &str,
    target: Option<String>,
    code: Option<String>,
    start: Option<String>,
    end: Option<String>,
    limit: usize,
) -> PyResult<EventFilter> {
    let actor_side: ActorSide = side
        .parse()
        .map_err(|e: String| PyValueError::new_err(format!("side={side:?}: {e}")))?;
    Ok(EventFilter {
        actor,
        actor_side,
        target,
        from: start,
        to: end,
        code,
        limit,
    })
}

fn answer(table: Table) -> Answer {
    (table.columns, table.rows)
}

fn cells_to_py(py: Python<'_>, (columns, rows): Answer) -> PyResult<Py<PyAny>> {
    let rows = rows
        .into_iter()
        .map(|row| {
            let values: Vec<Py<PyAny>> = row
                .into_iter()
                .map(|c| cell(py, c))
                .collect::<PyResult<_>>()?;
            PyTuple::new(py, values).map(|t| t.into_any().unbind())
        })
        .collect::<PyResult<Vec<_>>>()?;
    let columns = PyList::new(py, columns)?;
    let rows = PyList::new(py, rows)?;
    Ok(PyTuple::new(py, [columns.into_any(), rows.into_any()])?
        .into_any()
        .unbind())
}

fn cell(py: Python<'_>, c: Cell) -> PyResult<Py<PyAny>> {
    Ok(match c {
        Cell::Null => py.None(),
        Cell::Int(v) => v.into_pyobject(py)?.into_any().unbind(),
        Cell::Real(v) => v.into_pyobject(py)?.into_any().unbind(),
        Cell::Text(v) => v.into_pyobject(py)?.into_any().unbind(),
    })
}

/// No limit, as SQLite takes it.
fn limit_of(limit: Option<usize>) -> usize {
    limit.unwrap_or(i64::MAX as usize - 1)
}

/// Keeps a run's record problems and warnings, in order.
#[derive(Default)]
struct Kept(Vec<Message>);

impl Observer for Kept {
    fn input_error(&mut self, err: &InputError) {
        self.0.push(problem_message(err));
    }

    fn warning(&mut self, message: &str) {
        self.0.push(Message::Warning(message.to_string()));
    }
}

#[pymethods]
impl PyStore {
    #[new]
    #[pyo3(signature = (path, writable = false))]
    fn new(py: Python<'_>, path: PathBuf, writable: bool) -> PyResult<Self> {
        if !writable && !path.exists() {
            return Err(DatabaseError::new_err(format!(
                "{}: no such database; Database(path, writable=True) creates it",
                path.display()
            )));
        }
        let opened = py.detach(|| {
            if writable {
                Store::open(&path)
            } else {
                // As the server reads: a connection that refuses to write, whatever is asked.
                Store::open_existing(&path).and_then(|store| {
                    store.conn().pragma_update(None, "query_only", true)?;
                    Ok(store)
                })
            }
        });
        // Opening, every refusal is the database's (StoreError::Invalid included).
        let opened = opened.map_err(|e| DatabaseError::new_err(errors::error_chain(&e)))?;
        Ok(PyStore {
            store: Mutex::new(Some(opened)),
            path,
            writable,
        })
    }

    /// The database file.
    #[getter]
    fn path(&self) -> PathBuf {
        self.path.clone()
    }

    /// Whether the database was opened for writing.
    #[getter]
    fn writable(&self) -> bool {
        self.writable
    }

    /// Closes the connection; later calls raise `DatabaseError`.
    fn close(&self, py: Python<'_>) {
        py.detach(|| {
            if let Ok(mut guard) = self.store.lock() {
                guard.take();
            }
        });
    }

    #[pyo3(signature = (actor, side, target, code, start, end, limit))]
    #[allow(clippy::too_many_arguments)]
    fn events(
        &self,
        py: Python<'_>,
        actor: Option<String>,
        side: &str,
        target: Option<String>,
        code: Option<String>,
        start: Option<String>,
        end: Option<String>,
        limit: Option<usize>,
    ) -> PyResult<Py<PyAny>> {
        let limit = limit_of(limit);
        let filter = filter(actor, side, target, code, start, end, limit)?;
        let mut table = self.with(py, |store| query::events(store.conn(), &filter))?;
        // The store gives one row more than the limit when more match.
        table.rows.truncate(limit);
        cells_to_py(py, answer(table))
    }

    #[pyo3(signature = (speaker, actor, limit))]
    fn quotes(
        &self,
        py: Python<'_>,
        speaker: Option<String>,
        actor: Option<String>,
        limit: Option<usize>,
    ) -> PyResult<Py<PyAny>> {
        let limit = limit_of(limit);
        let table = self.with(py, |store| {
            query::quotes(store.conn(), speaker.as_deref(), actor.as_deref(), limit)
        })?;
        cells_to_py(py, answer(table))
    }

    #[pyo3(signature = (text, limit))]
    fn search(&self, py: Python<'_>, text: String, limit: Option<usize>) -> PyResult<Py<PyAny>> {
        let limit = limit_of(limit);
        let table = self.with(py, |store| query::search(store.conn(), &text, limit))?;
        cells_to_py(py, answer(table))
    }

    /// `(columns, rows, left_out)`.
    #[pyo3(signature = (by, actor, side, target, code, start, end))]
    #[allow(clippy::too_many_arguments)]
    fn timeline(
        &self,
        py: Python<'_>,
        by: &str,
        actor: Option<String>,
        side: &str,
        target: Option<String>,
        code: Option<String>,
        start: Option<String>,
        end: Option<String>,
    ) -> PyResult<(Py<PyAny>, i64)> {
        let period: Period = by
            .parse()
            .map_err(|e: String| PyValueError::new_err(format!("by={by:?}: {e}")))?;
        let filter = filter(actor, side, target, code, start, end, usize::MAX)?;
        let timeline = self.with(py, |store| query::timeline(store.conn(), &filter, period))?;
        Ok((cells_to_py(py, answer(timeline.table))?, timeline.left_out))
    }

    fn stats(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let table = self.with(py, |store| query::stats(store.conn()))?;
        cells_to_py(py, answer(table))
    }

    /// Ingests `records`; returns `(counts, problems)`, problems as `(index, message)` pairs.
    #[pyo3(signature = (records, pipeline, threads, date, verbatim, on_error))]
    #[allow(clippy::too_many_arguments)]
    fn ingest(
        &self,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        pipeline: Option<PyRef<'_, crate::PyPipeline>>,
        threads: Option<usize>,
        date: Option<&Bound<'_, PyAny>>,
        verbatim: bool,
        on_error: OnError,
    ) -> PyResult<Py<PyAny>> {
        if !self.writable {
            return Err(DatabaseError::new_err(format!(
                "{}: opened read-only; open it with Database(path, writable=True) to ingest",
                self.path.display()
            )));
        }
        let pipeline = match pipeline {
            Some(p) => p.shared(),
            None => crate::default_pipeline(py),
        };
        let spec = RunSpec {
            pipeline,
            options: crate::options(date, verbatim)?,
            threads: crate::check_threads(threads)?,
        };
        let iter = records.try_iter()?.into_any().unbind();
        let path = self.path.clone();
        let ran = py.detach(move || -> PyResult<_> {
            let mut sink = Store::open(&path)
                .and_then(Store::into_ingest_sink)
                .map_err(store_error)?;
            let stream = PyRecords::new(iter, Arc::new(AtomicBool::new(false)));
            let mut kept = Kept::default();
            let ran = catch_unwind(AssertUnwindSafe(|| {
                spec.on_pool(|| {
                    chronicle_driver::run(
                        Inputs::Stream(Box::new(stream)),
                        &spec.options,
                        &spec.pipeline,
                        &mut sink,
                        &mut kept,
                    )
                })
            }));
            let tally = match ran {
                Ok(Ok(result)) => result.map_err(store_error)?,
                Ok(Err(why)) => return Err(PyRuntimeError::new_err(why)),
                Err(panic) => {
                    return Err(PyRuntimeError::new_err(format!(
                        "chronicle: the pipeline failed: {}",
                        panic_text(panic.as_ref())
                    )));
                }
            };
            Ok((tally, sink.counts(), kept.0))
        });
        let (tally, counts, messages) = ran?;
        let mut problems = Vec::new();
        let mut warnings = 0u64;
        for message in messages {
            match message {
                Message::Problem { index, message } => problems.push((index, message)),
                Message::Warning(message) => {
                    warnings += 1;
                    errors::warn(py, &message)?;
                }
                _ => {}
            }
        }
        let report = report(py, &tally, &counts, problems.len() as u64, warnings)?;
        let problems = PyList::new(py, problems)?;
        match on_error {
            OnError::Raise if !problems.is_empty() => {
                let lines: Vec<String> = problems
                    .iter()
                    .map(|p| p.get_item(1).and_then(|m| m.extract::<String>()))
                    .collect::<PyResult<_>>()?;
                let first: u64 = problems.get_item(0)?.get_item(0)?.extract()?;
                let err = errors::record_error(
                    py,
                    first,
                    &format!(
                        "{} record(s) could not be read; the others were stored:\n{}",
                        lines.len(),
                        lines.join("\n")
                    ),
                );
                err.value(py).setattr("report", report)?;
                Err(err)
            }
            OnError::Warn => {
                for p in problems.iter() {
                    errors::warn(py, &p.get_item(1)?.extract::<String>()?)?;
                }
                Ok(report.into_any().unbind())
            }
            _ => Ok(report.into_any().unbind()),
        }
    }
}

/// The counts `chronicle ingest` prints, by the same arithmetic: articles the driver held
/// before annotating plus those the writer skipped.
fn report<'py>(
    py: Python<'py>,
    tally: &Tally,
    counts: &IngestCounts,
    errors: u64,
    warnings: u64,
) -> PyResult<Bound<'py, PyDict>> {
    let skipped = |why| tally.held_for(why) + counts.skips(why);
    let d = PyDict::new(py);
    d.set_item("read", tally.articles)?;
    d.set_item("stored", counts.stored)?;
    d.set_item("near_duplicate_copies", counts.copies)?;
    d.set_item("undated", counts.undated)?;
    d.set_item("skipped", tally.held_total() + counts.skipped())?;
    d.set_item("skipped_same_id", skipped(Held::Id))?;
    d.set_item("skipped_same_url", skipped(Held::Url))?;
    d.set_item("skipped_same_text", skipped(Held::Text))?;
    d.set_item("new_events", counts.events)?;
    d.set_item("mentions", counts.mentions)?;
    d.set_item("input_errors", errors)?;
    d.set_item("warnings", warnings)?;
    Ok(d)
}

/// The first day each date value stands for (`2019-02` → 2019-02-01, `2019-W09` → its Monday),
/// by the store's one rule; `None` for a value without a calendar year.
#[pyfunction]
pub fn first_days(py: Python<'_>, values: Vec<Option<String>>) -> PyResult<Vec<Option<Py<PyAny>>>> {
    let date = py.import("datetime")?.getattr("date")?;
    values
        .iter()
        .map(
            |v| match v.as_deref().and_then(chronicle_store::calendar_day) {
                Some(d) => Ok(Some(date.call1((d.year(), d.month(), d.day()))?.unbind())),
                None => Ok(None),
            },
        )
        .collect()
}
