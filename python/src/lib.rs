//! # chronicle-python
//!
//! The native half of the `chronicle` Python package (distribution `chronicle-events`): the
//! same driver, pipeline and store as the `chronicle` binary, called from Python. Nothing here
//! reimplements the library: records become documents by [`chronicle_ingest::InputRecord`]'s
//! rules, articles go through [`chronicle_driver::run`] into a sink, and the store answers with
//! [`chronicle_store::query`]'s functions. The Python half (`chronicle/__init__.py`) adds the
//! dict and DataFrame shapes and the docstrings; `chronicle/_chronicle.pyi` types this module.
//!
//! The interpreter is released while articles are annotated; a panic inside the pipeline is
//! caught and raised as `RuntimeError`, never carried across the boundary.

mod database;
mod errors;
mod records;
mod stream;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

use chronicle_driver::{Layout, Options, annotate_one, to_json};
use chronicle_ingest::error::Location;
use chronicle_ingest::record::parse_date;
use chronicle_ingest::{BuildOptions, InputRecord, Problem};
use chronicle_nlp::Pipeline;

use crate::errors::{OnError, ResourceError};
use crate::stream::{Extraction, RunSpec};

/// As in the binary: the pipeline's many small allocations across worker threads are served
/// faster by mimalloc (the same allocator keeps the comparison with the binary fair).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The pipeline with the embedded resources, loaded on first use and shared.
fn default_pipeline(py: Python<'_>) -> Arc<Pipeline> {
    static DEFAULT: OnceLock<Arc<Pipeline>> = OnceLock::new();
    py.detach(|| Arc::clone(DEFAULT.get_or_init(|| Arc::new(Pipeline::standard()))))
}

/// `json.loads` of a contract line: Python's own parser builds the dicts at C speed, and the
/// values are those a user gets from `json.loads` of the binary's output.
fn json_to_py(py: Python<'_>, line: &str) -> PyResult<Py<PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || {
        py.import("json")
            .and_then(|m| m.getattr("loads"))
            .map(Bound::unbind)
    })?;
    loads.call1(py, (line,))
}

/// The build options of `--date` and `--verbatim`.
fn options(date: Option<&Bound<'_, PyAny>>, verbatim: bool) -> PyResult<Options> {
    let default_date = match date {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => {
            let text =
                records::date_text(v).map_err(|e| PyValueError::new_err(format!("date: {e}")))?;
            parse_date(&text)
        }
    };
    Ok(Options {
        build: BuildOptions {
            verbatim,
            default_date,
        },
        ..Options::default()
    })
}

/// `threads=0` is a mistake, not "as many as you like".
fn check_threads(threads: Option<usize>) -> PyResult<Option<usize>> {
    match threads {
        Some(0) => Err(PyValueError::new_err(
            "threads must be at least 1 (or None for one per core)",
        )),
        other => Ok(other),
    }
}

/// Chronicle's pipeline with its resources loaded once: the embedded dictionaries and
/// gazetteer, or a user's own, as `chronicle extract --dictionaries --gazetteer` takes them.
///
/// Pipeline() is the embedded default; petrarch_dictionaries is a folder of PETRARCH/TABARI
/// dictionaries used instead of the embedded ones, gazetteer a file of places added to the
/// embedded gazetteer. A file that cannot be read raises ResourceError naming file and line.
#[pyclass(module = "chronicle._chronicle", name = "Pipeline", frozen, subclass)]
pub struct PyPipeline {
    inner: Arc<Pipeline>,
}

impl PyPipeline {
    fn shared(&self) -> Arc<Pipeline> {
        Arc::clone(&self.inner)
    }
}

#[pymethods]
impl PyPipeline {
    #[new]
    #[pyo3(signature = (petrarch_dictionaries = None, gazetteer = None))]
    fn new(
        py: Python<'_>,
        petrarch_dictionaries: Option<PathBuf>,
        gazetteer: Option<PathBuf>,
    ) -> PyResult<Self> {
        if petrarch_dictionaries.is_none() && gazetteer.is_none() {
            return Ok(PyPipeline {
                inner: default_pipeline(py),
            });
        }
        let built = py.detach(move || -> Result<Pipeline, String> {
            let mut builder = Pipeline::builder();
            if let Some(dir) = &petrarch_dictionaries {
                builder = builder.petrarch_dictionaries(dir)?;
            }
            if let Some(path) = &gazetteer {
                builder = builder.gazetteer(path)?;
            }
            builder.build().map_err(|e| e.to_string())
        });
        Ok(PyPipeline {
            inner: Arc::new(built.map_err(ResourceError::new_err)?),
        })
    }

    /// The stages, in order.
    #[getter]
    fn stages(&self) -> Vec<&'static str> {
        self.inner.stage_names()
    }

    /// One article with this pipeline; see `chronicle.extract`.
    #[pyo3(signature = (text = None, *, html = None, published = None, url = None, title = None, id = None, source = None, date = None, verbatim = false))]
    #[allow(clippy::too_many_arguments)]
    fn extract(
        &self,
        py: Python<'_>,
        text: Option<String>,
        html: Option<String>,
        published: Option<&Bound<'_, PyAny>>,
        url: Option<String>,
        title: Option<String>,
        id: Option<String>,
        source: Option<String>,
        date: Option<&Bound<'_, PyAny>>,
        verbatim: bool,
    ) -> PyResult<Py<PyAny>> {
        extract_one(
            py,
            &self.inner,
            InputRecord {
                id: id.map(serde_json::Value::String),
                url,
                source,
                title,
                published: None,
                text,
                html,
            },
            published,
            options(date, verbatim)?.build,
        )
    }

    /// Many articles with this pipeline, in input order; see `chronicle.extract_many`.
    #[pyo3(signature = (records, *, threads = None, date = None, verbatim = false, on_error = OnError::Raise, batch = 256))]
    #[allow(clippy::too_many_arguments)]
    fn extract_many(
        &self,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        threads: Option<usize>,
        date: Option<&Bound<'_, PyAny>>,
        verbatim: bool,
        on_error: OnError,
        batch: usize,
    ) -> PyResult<Extraction> {
        if batch == 0 {
            return Err(PyValueError::new_err("batch must be at least 1"));
        }
        let mut options = options(date, verbatim)?;
        options.batch = batch;
        let spec = RunSpec {
            pipeline: self.shared(),
            options,
            threads: check_threads(threads)?,
        };
        Extraction::start(py, spec, records, on_error)
    }
}

/// One record through the driver's single-article path, as the server's `POST /api/extract`.
fn extract_one(
    py: Python<'_>,
    pipeline: &Arc<Pipeline>,
    mut record: InputRecord,
    published: Option<&Bound<'_, PyAny>>,
    build: BuildOptions,
) -> PyResult<Py<PyAny>> {
    if record.text.is_none() && record.html.is_none() {
        return Err(PyTypeError::new_err(
            "extract() needs the article: text=... or html=...",
        ));
    }
    if let Some(v) = published.filter(|v| !v.is_none()) {
        record.published = Some(
            records::date_text(v).map_err(|e| PyValueError::new_err(format!("published: {e}")))?,
        );
    }
    let origin = Location {
        path: "-".into(),
        line: None,
    };
    let doc = record
        .into_document(origin)
        .map_err(|problem| match problem {
            Problem::Empty => PyValueError::new_err("the article is empty: no text in it"),
            other => PyValueError::new_err(other.to_string()),
        })?;
    let pipeline = Arc::clone(pipeline);
    let done = py.detach(move || {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let (article, warnings) = annotate_one(doc, build, &pipeline);
            (article.map(|a| to_json(&a, Layout::Line)), warnings)
        }))
    });
    let (line, warnings) = done.map_err(|panic| {
        PyRuntimeError::new_err(format!(
            "chronicle: the pipeline failed: {}",
            stream::panic_text(panic.as_ref())
        ))
    })?;
    for w in &warnings {
        errors::warn(py, w)?;
    }
    let line = line.ok_or_else(|| PyRuntimeError::new_err("chronicle: no article came out"))?;
    json_to_py(py, &line)
}

/// One article in, the JSON contract of `chronicle extract` out, as Python objects.
///
/// `text` is the article (a scraped page saved as text is cleaned) or `html` a web page (its
/// main text is found). `published` is the article's own date ("2020-07-06", "20200706" or a
/// datetime.date); `date` the date to use when neither it nor the page gives one (--date);
/// `verbatim=True` keeps `text` exactly as `body` (--verbatim). Without `id` the article is
/// named by its `url`, else by a digest of its content ("text:..."). Raises TypeError without
/// text or html, ValueError for an unreadable date or an empty article. The interpreter is
/// released while the article is annotated.
#[pyfunction]
#[pyo3(signature = (text = None, *, html = None, published = None, url = None, title = None, id = None, source = None, date = None, verbatim = false))]
#[allow(clippy::too_many_arguments)]
fn extract(
    py: Python<'_>,
    text: Option<String>,
    html: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
    url: Option<String>,
    title: Option<String>,
    id: Option<String>,
    source: Option<String>,
    date: Option<&Bound<'_, PyAny>>,
    verbatim: bool,
) -> PyResult<Py<PyAny>> {
    let pipeline = PyPipeline {
        inner: default_pipeline(py),
    };
    pipeline.extract(
        py, text, html, published, url, title, id, source, date, verbatim,
    )
}

/// Many articles in, an iterator of contract dicts out, in input order.
///
/// `records` is any iterable (a list, a generator, an endless stream) of dicts {id, url,
/// source, title, published, text | html} or strings (the text). Records are read a bounded
/// way ahead on a thread of their own, annotated in parallel batches on `threads` worker
/// threads (one per core by default) with the interpreter released, and handed out in input
/// order; memory stays bounded. A record that cannot be read is named by its place and id
/// (records[3] (id "a1"): ...): on_error="raise" raises RecordError at its place, "warn" warns
/// (RecordWarning) and goes on, "skip" goes on silently.
#[pyfunction]
#[pyo3(signature = (records, *, threads = None, date = None, verbatim = false, on_error = OnError::Raise, batch = 256))]
#[allow(clippy::too_many_arguments)]
fn extract_many(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    threads: Option<usize>,
    date: Option<&Bound<'_, PyAny>>,
    verbatim: bool,
    on_error: OnError,
    batch: usize,
) -> PyResult<Extraction> {
    let pipeline = PyPipeline {
        inner: default_pipeline(py),
    };
    pipeline.extract_many(py, records, threads, date, verbatim, on_error, batch)
}

#[pymodule]
fn _chronicle(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPipeline>()?;
    m.add_class::<Extraction>()?;
    m.add_class::<database::PyStore>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(database::first_days, m)?)?;
    Ok(())
}
