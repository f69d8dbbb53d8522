//! Python records (dicts or strings) read as the documents `chronicle extract` reads from a JSON
//! line, by the same [`InputRecord`] rules; a record that cannot be read is an error naming it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use chronicle_ingest::error::Location;
use chronicle_ingest::record::parse_date;
use chronicle_ingest::{InputError, InputRecord, Problem, RawDocument};

/// Where a record stands in the caller's iterable, 0-based, as Python indexes.
pub type Index = u64;

/// The document `record` (a dict `{id, url, source, title, published, text | html}` or the
/// article's text as a string) holds, or why it cannot be read, naming it as `records[i]`.
pub fn document(record: &Bound<'_, PyAny>, index: Index) -> Result<RawDocument, String> {
    let name = |id: Option<&str>| match id {
        Some(id) => format!("records[{index}] (id {id:?})"),
        None => format!("records[{index}]"),
    };
    let fields = if let Ok(text) = record.cast::<PyString>() {
        InputRecord {
            text: Some(
                text.to_cow()
                    .map_err(|e| format!("{}: {e}", name(None)))?
                    .into_owned(),
            ),
            ..InputRecord::default()
        }
    } else if let Ok(dict) = record.cast::<PyDict>() {
        fields(dict).map_err(|(id, why)| format!("{}: {why}", name(id.as_deref())))?
    } else {
        let kind = record
            .get_type()
            .name()
            .map_or_else(|_| "?".to_string(), |n| n.to_string());
        return Err(format!(
            "{}: expected a dict {{id, url, title, published, text | html}} or a string, not {kind}",
            name(None)
        ));
    };
    let id = fields.id.as_ref().map(|v| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    // Documents without an id are named as on standard input: by their URL, else by a digest of
    // their content, so that the same record gets the same id in every run.
    let origin = Location {
        path: "-".into(),
        line: Some(index + 1),
    };
    fields.into_document(origin).map_err(|problem| {
        let why = match problem {
            Problem::Empty => "empty `text`: no article in it".to_string(),
            other => other.to_string(),
        };
        format!("{}: {why}", name(id.as_deref()))
    })
}

/// The fields of a dict record, checked: strings where strings belong, a readable date. On
/// error, the record's id when it has one, and what is wrong.
fn fields(dict: &Bound<'_, PyDict>) -> Result<InputRecord, (Option<String>, String)> {
    let id = match present(dict, "id").map_err(|e| (None, e))? {
        None => None,
        Some(v) if v.is_instance_of::<pyo3::types::PyBool>() => {
            return Err((None, "`id` must be a string or an integer, not bool".into()));
        }
        Some(v) => match (v.extract::<String>(), v.extract::<i64>()) {
            (Ok(s), _) => Some(serde_json::Value::String(s)),
            (_, Ok(n)) => Some(serde_json::Value::from(n)),
            _ => {
                return Err((
                    None,
                    format!("`id` must be a string or an integer, not {}", type_name(&v)),
                ));
            }
        },
    };
    let id_text = id.as_ref().map(|v| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let fail = |why: String| (id_text.clone(), why);
    let text_field = |key: &str| -> Result<Option<String>, (Option<String>, String)> {
        match present(dict, key).map_err(fail)? {
            None => Ok(None),
            Some(v) => v
                .extract::<String>()
                .map(Some)
                .map_err(|_| fail(format!("`{key}` must be a string, not {}", type_name(&v)))),
        }
    };
    let mut published = None;
    for key in InputRecord::PUBLISHED_KEYS {
        if let Some(v) = present(dict, key).map_err(fail)? {
            published = Some(date_text(&v).map_err(|why| fail(format!("`{key}`: {why}")))?);
            break;
        }
    }
    Ok(InputRecord {
        id,
        url: text_field("url")?,
        source: text_field("source")?,
        title: text_field("title")?,
        published,
        text: text_field("text")?,
        html: text_field("html")?,
    })
}

/// A key's value, or `None` when absent or missing (None, NaN, NaT: pandas' missing values in
/// `DataFrame.to_dict("records")`).
fn present<'py>(dict: &Bound<'py, PyDict>, key: &str) -> Result<Option<Bound<'py, PyAny>>, String> {
    let value = dict.get_item(key).map_err(|e| format!("`{key}`: {e}"))?;
    Ok(value.filter(|v| !is_missing(v)))
}

/// None, or a value not equal to itself (NaN, pandas' NaT).
fn is_missing(v: &Bound<'_, PyAny>) -> bool {
    v.is_none() || (!v.is_instance_of::<PyString>() && v.ne(v).unwrap_or(false))
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// A publication date as text the reader accepts: a string `YYYY-MM-DD` (a time after it is
/// ignored) or `YYYYMMDD`, or a `datetime.date`/`datetime.datetime`/`pandas.Timestamp`. A date
/// that cannot be read is an error here (a JSON line's is a warning: the user typed this one).
pub fn date_text(v: &Bound<'_, PyAny>) -> Result<String, String> {
    let text = match v.extract::<String>() {
        Ok(s) => s,
        Err(_) if v.hasattr("isoformat").unwrap_or(false) => v
            .call_method0("isoformat")
            .and_then(|s| s.extract::<String>())
            .map_err(|e| format!("cannot read the date: {e}"))?,
        Err(_) => {
            return Err(format!(
                "expected a date (YYYY-MM-DD or datetime.date), not {}",
                type_name(v)
            ));
        }
    };
    match parse_date(&text) {
        Some(_) => Ok(text),
        None => Err(format!(
            "{text:?} is not a date (expected YYYY-MM-DD or YYYYMMDD)"
        )),
    }
}

/// The documents of a Python iterable, pulled one at a time on the driver's reader thread,
/// which attaches to the interpreter for each record. Bad records come as errors at their place
/// (`line` is the record's index + 1), and the stream goes on.
pub struct PyRecords {
    iter: Option<Py<PyAny>>,
    index: Index,
    /// Set when the caller went away: the stream ends without pulling more.
    cancelled: Arc<AtomicBool>,
}

impl PyRecords {
    /// A stream over `iter` (a Python iterator), ending early once `cancelled` is set.
    pub fn new(iter: Py<PyAny>, cancelled: Arc<AtomicBool>) -> Self {
        PyRecords {
            iter: Some(iter),
            index: 0,
            cancelled,
        }
    }
}

impl Iterator for PyRecords {
    type Item = Result<RawDocument, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.cancelled.load(Ordering::Relaxed) {
            self.release();
            return None;
        }
        let iter = self.iter.as_ref()?;
        let index = self.index;
        // `None` when the interpreter is shutting down: the stream just ends.
        let mut raised = false;
        let pulled = Python::try_attach(|py| match iter.bind(py).call_method0("__next__") {
            Ok(record) => Some(document(&record, index)),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyStopIteration>(py) => None,
            Err(e) => {
                raised = true;
                Some(Err(format!("records[{index}]: the iterable raised {e}")))
            }
        })
        .flatten();
        let Some(item) = pulled else {
            self.release();
            return None;
        };
        self.index += 1;
        // An iterator that raised is done (a generator is): nothing more is pulled from it.
        if raised {
            self.release();
        }
        Some(item.map_err(|why| InputError::new("-", Some(index + 1), Problem::Record(why))))
    }
}

impl PyRecords {
    /// Drops the Python iterator while attached, so that its last reference goes at once.
    fn release(&mut self) {
        if let Some(iter) = self.iter.take() {
            let _ = Python::try_attach(move |_| drop(iter));
        }
    }
}

impl Drop for PyRecords {
    fn drop(&mut self) {
        self.release();
    }
}
