//! Chronicle's Python exceptions and warnings (defined in `chronicle/_errors.py`, so that they
//! can inherit from two builtins), and what a bad record does.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use chronicle_store::StoreError;

pyo3::import_exception!(chronicle._errors, RecordError);
pyo3::import_exception!(chronicle._errors, ResourceError);
pyo3::import_exception!(chronicle._errors, DatabaseError);
pyo3::import_exception!(chronicle._errors, RecordWarning);

/// What a record that cannot be read does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// Raise `RecordError` at its place (every record before it has been handed out).
    Raise,
    /// Warn with `RecordWarning` and go on.
    Warn,
    /// Go on silently.
    Skip,
}

impl<'py> FromPyObject<'_, 'py> for OnError {
    type Error = PyErr;

    fn extract(value: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        let text: String = value.extract()?;
        match text.as_str() {
            "raise" => Ok(OnError::Raise),
            "warn" => Ok(OnError::Warn),
            "skip" => Ok(OnError::Skip),
            _ => Err(PyValueError::new_err(format!(
                "on_error={text:?}: expected \"raise\", \"warn\" or \"skip\""
            ))),
        }
    }
}

/// Deals with the record at `index` that could not be read, as `on_error` says.
pub fn bad_record(py: Python<'_>, on_error: OnError, index: u64, message: &str) -> PyResult<()> {
    match on_error {
        OnError::Raise => Err(record_error(py, index, message)),
        OnError::Warn => warn(py, message),
        OnError::Skip => Ok(()),
    }
}

/// `RecordError(message)` with its `index`.
pub fn record_error(py: Python<'_>, index: u64, message: &str) -> PyErr {
    let err = RecordError::new_err(message.to_string());
    if let Err(e) = err.value(py).setattr("index", index) {
        return e;
    }
    err
}

/// A `RecordWarning` (an error if the user's warning filters make it one).
pub fn warn(py: Python<'_>, message: &str) -> PyResult<()> {
    let category = py.get_type::<RecordWarning>();
    let message = std::ffi::CString::new(message.replace('\0', " "))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    PyErr::warn(py, &category, &message, 1)
}

/// The store's error as a Python exception: a bad argument is a `ValueError`, the rest a
/// `DatabaseError`.
pub fn store_error(err: StoreError) -> PyErr {
    match err {
        StoreError::Invalid(why) => PyValueError::new_err(why),
        other => DatabaseError::new_err(error_chain(&other)),
    }
}

/// An error and its sources, `: `-joined, as the command line prints them.
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(e) = source {
        text.push_str(": ");
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}
