//! `POST /api/extract` (an article in, the contract out, nothing stored) and `POST /api/ingest`
//! (the same, stored; only with ingest allowed and the bearer token).

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use chronicle_core::Article;
use chronicle_ingest::error::Location;
use chronicle_ingest::{BuildOptions, Content, RawDocument, build_article};
use chronicle_store::Skip;
use serde::Deserialize;
use serde_json::json;

use super::{ApiResult, Shared, json, raw_json};
use crate::error::ApiError;
use crate::state::AppState;

/// One article as a request gives it: a JSON line of `chronicle extract`'s input.
#[derive(Debug, Deserialize)]
struct ArticleInput {
    id: Option<String>,
    url: Option<String>,
    source: Option<String>,
    title: Option<String>,
    #[serde(alias = "date", alias = "publication_date", alias = "dct")]
    published: Option<String>,
    text: Option<String>,
    html: Option<String>,
    /// Keep `text` exactly as `body`, so that offsets index it.
    #[serde(default)]
    verbatim: bool,
}

/// `POST /api/extract`: every layer of one article; nothing is stored.
pub(crate) async fn extract(
    State(state): Shared,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let body = body?;
    let article = parse_article(&headers, &body)?;
    let annotated = annotate(&state, article).await?;
    let body = serde_json::to_string(&annotated)
        .map_err(|e| ApiError::internal(format!("cannot write JSON: {e}")))?;
    Ok(raw_json(body))
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
    let article = parse_article(&headers, &body?)?;
    let annotated = annotate(&state, article).await?;
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
    let skipped = skipped.map(|why| match why {
        Skip::Id => "same id",
        Skip::Url => "same url",
        Skip::Text => "same text",
    });
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

/// Runs the pipeline on a blocking thread, at most one extraction per core at once.
async fn annotate(state: &Arc<AppState>, mut article: Article) -> Result<Article, ApiError> {
    let permit = state
        .extract_permits
        .acquire()
        .await
        .map_err(|_| ApiError::internal("the server is shutting down"))?;
    let shared = Arc::clone(state);
    let joined = tokio::task::spawn_blocking(move || {
        shared.pipeline().annotate(&mut article);
        article
    })
    .await;
    drop(permit);
    joined.map_err(|e| {
        eprintln!("chronicle: serve: extraction failed: {e}");
        ApiError::internal("extraction failed on this article")
    })
}

/// The request's article, with its body cleaned as `chronicle extract` cleans it.
fn parse_article(headers: &HeaderMap, body: &[u8]) -> Result<Article, ApiError> {
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
    let input: ArticleInput = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("article JSON: {e}")))?;
    build(input)
}

fn build(input: ArticleInput) -> Result<Article, ApiError> {
    let content = match (input.text, input.html) {
        (Some(text), None) if !text.trim().is_empty() => Content::Text(text),
        (None, Some(html)) if !html.trim().is_empty() => Content::Html {
            bytes: html.into_bytes(),
            http_charset: Some("utf-8".into()),
        },
        (Some(_), Some(_)) => {
            return Err(ApiError::bad_request("give either text or html, not both"));
        }
        _ => return Err(ApiError::bad_request("give the article's text or html")),
    };
    let published = match input.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(chronicle_ingest::reader::parse_date(s).ok_or_else(|| {
            ApiError::bad_request(format!("published: {s:?} is not a date YYYY-MM-DD"))
        })?),
    };
    let doc = RawDocument {
        origin: Location {
            path: PathBuf::from("request"),
            line: None,
        },
        id: Some(input.id.unwrap_or_else(|| "request".into())),
        url: input.url,
        source: input.source,
        title: input.title,
        published,
        captured: None,
        content,
        warnings: Vec::new(),
    };
    let options = BuildOptions {
        verbatim: input.verbatim,
        default_date: None,
    };
    Ok(build_article(doc, options))
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
