//! The routes' handlers. Each checks its parameters, runs one store query on the read pool, and
//! writes the answer as JSON on the same blocking thread.

mod assets;
mod extract;

use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chronicle_store::query::{self, Cell};
use chronicle_store::{Table, browse};
use serde::Serialize;

pub(crate) use assets::{asset, codes, index, no_route, not_found, openapi, wrong_method};
pub(crate) use extract::{extract, ingest};

use crate::error::ApiError;
use crate::params::{self, FilterQuery, LatestQuery, QuotesQuery, SearchQuery};
use crate::rows::Rows;
use crate::state::AppState;

type Shared = State<Arc<AppState>>;
type ApiResult = Result<Response, ApiError>;

/// Longest article id accepted in a path.
const MAX_ID_CHARS: usize = 512;
/// Longest speaker name fragment.
const MAX_SPEAKER_CHARS: usize = 100;

/// A page of events and where the next one starts.
#[derive(Serialize)]
struct EventsPage<'a> {
    offset: usize,
    limit: usize,
    next_offset: Option<usize>,
    events: Rows<'a>,
}

/// `GET /api/events`: the CLI's filters, a page at an offset, in a chosen order.
pub(crate) async fn events(
    State(state): Shared,
    query: Result<Query<FilterQuery>, QueryRejection>,
) -> ApiResult {
    let Query(q) = query?;
    let mut filter = q.filter()?;
    let (offset, sort, limit) = (q.offset()?, q.sort()?, filter.limit);
    // One row more than the page tells whether another page follows.
    filter.limit = limit + 1;
    state
        .pool
        .run(move |store| {
            let mut table = browse::events_page(store.conn(), &filter, sort, offset)?;
            let more = table.rows.len() > limit;
            table.rows.truncate(limit);
            json(&EventsPage {
                offset,
                limit,
                next_offset: more.then_some(offset + limit),
                events: Rows(&table),
            })
        })
        .await
}

/// `GET /api/articles/{id}`: the stored article with every layer, as `chronicle extract`
/// printed it.
pub(crate) async fn article(
    State(state): Shared,
    id: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let Path(id) = id?;
    if id.is_empty() || id.chars().count() > MAX_ID_CHARS {
        return Err(ApiError::bad_request(format!(
            "id: 1 to {MAX_ID_CHARS} characters"
        )));
    }
    state
        .pool
        .run(
            move |store| match browse::article_json(store.conn(), &id)? {
                Some(body) => Ok(raw_json(body)),
                None => Err(ApiError::not_found(format!("no article with id {id:?}"))),
            },
        )
        .await
}

/// `GET /api/actors`: the actors most often involved in the selected events.
pub(crate) async fn actors(
    State(state): Shared,
    query: Result<Query<FilterQuery>, QueryRejection>,
) -> ApiResult {
    let Query(q) = query?;
    let filter = q.filter()?;
    state
        .pool
        .run(move |store| rows_json("actors", &browse::actors(store.conn(), &filter)?))
        .await
}

/// `GET /api/network`: source-target pairs of the selected events, most events first.
pub(crate) async fn network(
    State(state): Shared,
    query: Result<Query<FilterQuery>, QueryRejection>,
) -> ApiResult {
    let Query(q) = query?;
    let filter = q.filter()?;
    state
        .pool
        .run(move |store| rows_json("pairs", &browse::dyads(store.conn(), &filter)?))
        .await
}

/// `GET /api/timeline`: event counts by week (default), month or year (`by`) and quad class:
/// `{"by", "rows": [{"period", "verbal_coop", ..., "events", "mentions"}], "left_out"}`, where
/// `left_out` counts the selected events dated less precisely than the period.
pub(crate) async fn timeline(
    State(state): Shared,
    query: Result<Query<FilterQuery>, QueryRejection>,
) -> ApiResult {
    let Query(q) = query?;
    let filter = q.filter()?;
    let by = q.period()?;
    state
        .pool
        .run(move |store| {
            let mut timeline = query::timeline(store.conn(), &filter, by)?;
            // One key for every period, so that a client reads the rows the same way.
            timeline.table.columns[0] = "period";
            json(&TimelineBody {
                by: by.name(),
                rows: Rows(&timeline.table),
                left_out: timeline.left_out,
            })
        })
        .await
}

/// The body of `GET /api/timeline`.
#[derive(Serialize)]
struct TimelineBody<'a> {
    by: &'static str,
    rows: Rows<'a>,
    left_out: i64,
}

/// `GET /api/quotes`: quotations by speaker name or actor code.
pub(crate) async fn quotes(
    State(state): Shared,
    query: Result<Query<QuotesQuery>, QueryRejection>,
) -> ApiResult {
    let Query(q) = query?;
    let limit = params::limit(q.limit)?;
    let actor = params::code_prefix("actor", q.actor.as_deref())?;
    let speaker = params::non_empty(q.speaker.as_deref());
    if speaker
        .as_ref()
        .is_some_and(|s| s.chars().count() > MAX_SPEAKER_CHARS)
    {
        return Err(ApiError::bad_request(format!(
            "speaker: at most {MAX_SPEAKER_CHARS} characters"
        )));
    }
    state
        .pool
        .run(move |store| {
            let table = query::quotes(store.conn(), speaker.as_deref(), actor.as_deref(), limit)?;
            rows_json("quotes", &table)
        })
        .await
}

/// `GET /api/search`: articles matching a full-text query, best first, with snippets.
pub(crate) async fn search(
    State(state): Shared,
    query: Result<Query<SearchQuery>, QueryRejection>,
) -> ApiResult {
    let Query(q) = query?;
    let text = q.text()?;
    let limit = params::limit(q.limit)?;
    state
        .pool
        .run(move |store| rows_json("results", &query::search(store.conn(), &text, limit)?))
        .await
}

/// `GET /api/latest`: the articles stored last, newest first (what `chronicle watch` brought).
pub(crate) async fn latest(
    State(state): Shared,
    query: Result<Query<LatestQuery>, QueryRejection>,
) -> ApiResult {
    let Query(q) = query?;
    let limit = params::limit(q.limit)?;
    state
        .pool
        .run(move |store| rows_json("articles", &browse::latest(store.conn(), limit)?))
        .await
}

/// `GET /api/stats`: what the database holds, as one object.
pub(crate) async fn stats(State(state): Shared) -> ApiResult {
    state
        .pool
        .run(move |store| {
            let table = query::stats(store.conn())?;
            let mut object = serde_json::Map::new();
            for row in &table.rows {
                if let [Cell::Text(what), value] = row.as_slice() {
                    let value = match value {
                        Cell::Int(n) => serde_json::Value::from(*n),
                        Cell::Real(x) => serde_json::Value::from(*x),
                        Cell::Text(s) => serde_json::Value::from(s.as_str()),
                        Cell::Null => serde_json::Value::Null,
                    };
                    object.insert(what.clone(), value);
                }
            }
            json(&object)
        })
        .await
}

/// `{"<name>": [rows]}`.
fn rows_json(name: &'static str, table: &Table) -> ApiResult {
    let mut map = std::collections::BTreeMap::new();
    map.insert(name, Rows(table));
    json(&map)
}

/// A value as a JSON response.
fn json<T: Serialize>(value: &T) -> ApiResult {
    let body = serde_json::to_string(value)
        .map_err(|e| ApiError::internal(format!("cannot write JSON: {e}")))?;
    Ok(raw_json(body))
}

/// Text that is already JSON, as a JSON response.
fn raw_json(body: String) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}
