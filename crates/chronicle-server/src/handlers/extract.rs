//! `POST /api/extract` (an article in, the contract out, nothing stored) and `POST /api/ingest`
//! (the same, stored; only with ingest allowed and the bearer token).

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use chronicle_core::{Article, Held};
use chronicle_ingest::error::Location;
use chronicle_ingest::{BuildOptions, InputRecord, Problem, RawDocument};
use serde::Deserialize;
use serde_json::json;

use super::{ApiResult, Shared, json, raw_json};
use crate::error::ApiError;
use crate::state::AppState;

/// The request's own options beside the article's record.
#[derive(Debug, Default, Deserialize)]
struct RequestOptions {
    /// Keep `text` exactly as `body`, so that offsets index it.
    #[serde(default)]
    verbatim: bool,
}

/// The header that carries a warning about the request's article (an unreadable date that
/// was ignored), once per warning.
const WARNING_HEADER: &str = "x-chronicle-warning";

/// `POST /api/extract`: every layer of one article; nothing is stored.
pub(crate) async fn extract(
    State(state): Shared,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let body = body?;
    let request = parse_request(&headers, &body)?;
    let (annotated, warnings) = annotate(&state, request).await?;
    let body = serde_json::to_string(&annotated)
        .map_err(|e| ApiError::internal(format!("cannot write JSON: {e}")))?;
    let mut response = raw_json(body);
    for warning in warnings {
        if let Ok(value) = header::HeaderValue::from_str(&warning) {
            response.headers_mut().append(WARNING_HEADER, value);
        }
    }
    Ok(response)
}

/// `POST /api/ingest`: extracts one article and stores it, or says why it was skipped.
pub(crate) async fn ingest(
    State(state): Shared,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let Some(ingest) = &state.ingest else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest_off",
            "ingest over HTTP is off; start the server with --allow-ingest",
        ));
    };
    if !bearer_matches(&headers, &ingest.token) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "send the server's ingest token as `Authorization: Bearer <token>`",
        ));
    }
    let request = parse_request(&headers, &body?)?;
    let (annotated, _) = annotate(&state, request).await?;
    let shared = Arc::clone(&state);
    let joined = tokio::task::spawn_blocking(move || store(&shared, &annotated)).await;
    joined.map_err(|e| ApiError::internal(format!("the ingest task failed: {e}")))?
}

/// Stores one article through the single writer and commits it.
fn store(state: &AppState, article: &Article) -> ApiResult {
    let ingest = state
        .ingest
        .as_ref()
        .ok_or_else(|| ApiError::internal("ingest is off"))?;
    let mut writer = ingest
        .writer
        .lock()
        .map_err(|_| ApiError::internal("the writer failed earlier; restart the server"))?;
    let skipped = writer.store(article)?;
    writer.commit()?;
    let skipped = skipped.map(Held::label);
    let mut response = json(&json!({
        "id": article.id,
        "stored": skipped.is_none(),
        "skipped": skipped,
        "events": article.events.len(),
    }))?;
    if skipped.is_none() {
        *response.status_mut() = StatusCode::CREATED;
    }
    Ok(response)
}

/// Runs the request's article through the driver on a blocking thread, at most one
/// extraction per core at once. The article comes back with its warnings.
async fn annotate(
    state: &Arc<AppState>,
    (doc, options): (RawDocument, BuildOptions),
) -> Result<(Article, Vec<String>), ApiError> {
    let permit = state
        .extract_permits
        .acquire()
        .await
        .map_err(|_| ApiError::internal("the server is shutting down"))?;
    let shared = Arc::clone(state);
    let joined = tokio::task::spawn_blocking(move || {
        chronicle_driver::annotate_one(doc, options, shared.pipeline())
    })
    .await;
    drop(permit);
    let (article, warnings) = joined.map_err(|e| {
        eprintln!("chronicle: serve: extraction failed: {e}");
        ApiError::internal("extraction failed on this article")
    })?;
    let article = article.ok_or_else(|| ApiError::internal("the article was lost"))?;
    Ok((article, warnings))
}

/// The request's article as a document, read by the rules of a JSON line of `chronicle
/// extract`'s input ([`InputRecord`]), and how to build it.
fn parse_request(
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(RawDocument, BuildOptions), ApiError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim() == "application/json")
        });
    if !is_json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the article as `Content-Type: application/json`",
        ));
    }
    let record: InputRecord = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("article JSON: {e}")))?;
    let request: RequestOptions = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("article JSON: {e}")))?;
    let origin = Location {
        path: PathBuf::from("request"),
        line: None,
    };
    let doc = record
        .into_document(origin)
        .map_err(|problem| match problem {
            Problem::Empty => ApiError::bad_request("the article's text and html are empty"),
            other => ApiError::bad_request(format!("article: {other}")),
        })?;
    let options = BuildOptions {
        verbatim: request.verbatim,
        default_date: None,
    };
    Ok((doc, options))
}

/// Whether the request carries `Authorization: Bearer <token>`, compared in constant time.
fn bearer_matches(headers: &HeaderMap, token: &str) -> bool {
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return false;
    };
    let (a, b) = (given.trim().as_bytes(), token.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bearer_token_must_match_exactly() {
        let mut h = HeaderMap::new();
        assert!(!bearer_matches(&h, "0123456789abcdef"));
        h.insert(
            header::AUTHORIZATION,
            "Bearer 0123456789abcdef".parse().unwrap(),
        );
        assert!(bearer_matches(&h, "0123456789abcdef"));
        assert!(!bearer_matches(&h, "0123456789abcdeF"));
        h.insert(
            header::AUTHORIZATION,
            "Basic 0123456789abcdef".parse().unwrap(),
        );
        assert!(!bearer_matches(&h, "0123456789abcdef"));
    }
}
