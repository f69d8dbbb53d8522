//! The page, its script and style, and the OpenAPI document: files embedded in the binary at
//! build time, so the server needs nothing beside itself and the page needs no network.

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::{HeaderValue, Method, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

const INDEX_HTML: &str = include_str!("../../assets/index.html");
const APP_JS: &str = include_str!("../../assets/app.js");
const APP_CSS: &str = include_str!("../../assets/app.css");
const FAVICON_SVG: &str = include_str!("../../assets/favicon.svg");
const OPENAPI_JSON: &str = include_str!("../../assets/openapi.json");
/// The CAMEO code book the events stage codes with, so the page names the codes it shows.
const EVENT_CODES_TSV: &str = include_str!("../../../../dictionaries/cameo/event_codes.tsv");

/// `/api/codes`' answer, built once.
static CODES_JSON: OnceLock<String> = OnceLock::new();

/// `GET /`: the page.
pub(crate) async fn index() -> Response {
    file(INDEX_HTML, "text/html; charset=utf-8")
}

/// `GET /assets/{name}`: the page's script, style and icon.
pub(crate) async fn asset(Path(name): Path<String>) -> Result<Response, ApiError> {
    match name.as_str() {
        "app.js" => Ok(file(APP_JS, "text/javascript; charset=utf-8")),
        "app.css" => Ok(file(APP_CSS, "text/css; charset=utf-8")),
        "favicon.svg" => Ok(file(FAVICON_SVG, "image/svg+xml")),
        _ => Err(ApiError::not_found(format!("no asset named {name:?}"))),
    }
}

/// `GET /api/openapi.json`: the API described for clients and tools.
pub(crate) async fn openapi() -> Response {
    file(OPENAPI_JSON, "application/json")
}

/// `GET /api/codes`: every CAMEO event code with its name, quad class and Goldstein score.
pub(crate) async fn codes() -> Response {
    let body = CODES_JSON.get_or_init(|| codes_json(EVENT_CODES_TSV));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("max-age=3600"),
            ),
        ],
        body.as_str(),
    )
        .into_response()
}

/// `{"codes": {"010": {"name": .., "quad_class": .., "goldstein": ..}, ..}}` from the TSV.
fn codes_json(tsv: &str) -> String {
    let mut codes = serde_json::Map::new();
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 || f[0].is_empty() {
            continue;
        }
        let number = |s: &str| s.parse::<f64>().ok();
        codes.insert(
            f[0].to_string(),
            serde_json::json!({
                "name": f[1],
                "goldstein": number(f[2]),
                "quad_class": number(f[3]).map(|q| q as i64),
            }),
        );
    }
    serde_json::json!({ "codes": codes }).to_string()
}

/// Any other `/api/...` address or method.
pub(crate) async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!(
        "no API route {method} {}; see /api/openapi.json",
        uri.path()
    ))
}

/// A known address asked with a method it does not answer.
pub(crate) async fn wrong_method(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!(
            "{} does not answer {method}; see /api/openapi.json",
            uri.path()
        ),
    )
}

/// Any address outside the API and the assets.
pub(crate) async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!("nothing at {}", uri.path()))
}

/// An embedded file with its type; revalidated on every load so a new binary shows at once.
fn file(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}
