//! The API's query parameters, checked before any query runs: actor and code prefixes are short
//! runs of letters and digits, page sizes and offsets have ceilings, searches have a length.
//! A value out of bounds is a 400 that says the bound, not a silently different answer.

use chronicle_store::browse::EventSort;
use chronicle_store::period::Period;
use chronicle_store::query::EventFilter;
use serde::Deserialize;

use crate::error::ApiError;

/// Rows per page when the request does not say.
pub const DEFAULT_LIMIT: usize = 50;
/// Most rows one request may ask for.
pub const MAX_LIMIT: usize = 500;
/// Deepest offset a page may start at (deeper pages cost SQLite a scan).
pub const MAX_OFFSET: usize = 100_000;
/// Longest search query, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Longest actor, target or code prefix.
const MAX_CODE_CHARS: usize = 32;

/// Which events, as the CLI's `--actor --target --from --to --code` filters.
///
/// Exists so that every event-based route (`events`, `timeline`, `actors`, `network`) reads
/// and checks the same parameters the same way.
#[derive(Debug, Default, Deserialize)]
pub struct FilterQuery {
    /// Source actor code prefix (`PRK` matches `PRKGOV`).
    pub actor: Option<String>,
    /// `source` (default): `actor` is the source; `either`: the source or the target.
    pub side: Option<String>,
    /// Target actor code prefix.
    pub target: Option<String>,
    /// First day, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Last day, inclusive.
    pub to: Option<String>,
    /// CAMEO code prefix (`12` matches 120, 1211).
    pub code: Option<String>,
    /// Rows per page (or actors, or pairs).
    pub limit: Option<usize>,
    /// Rows to skip (`/api/events` only).
    pub offset: Option<usize>,
    /// `-date` (default, newest first), `date`, `mentions` or `goldstein` (`/api/events` only).
    pub sort: Option<String>,
    /// `week` (default), `month` or `year` (`/api/timeline` only).
    pub by: Option<String>,
}

impl FilterQuery {
    /// The store's filter, with `limit` checked against [`MAX_LIMIT`].
    pub fn filter(&self) -> Result<EventFilter, ApiError> {
        Ok(EventFilter {
            actor: code_prefix("actor", self.actor.as_deref())?,
            actor_side: match non_empty(self.side.as_deref()) {
                None => Default::default(),
                Some(side) => side
                    .parse()
                    .map_err(|e: String| ApiError::bad_request(format!("side: {e}")))?,
            },
            target: code_prefix("target", self.target.as_deref())?,
            from: non_empty(self.from.as_deref()),
            to: non_empty(self.to.as_deref()),
            code: code_prefix("code", self.code.as_deref())?,
            limit: limit(self.limit)?,
        })
    }

    /// The requested offset, checked against [`MAX_OFFSET`].
    pub fn offset(&self) -> Result<usize, ApiError> {
        let offset = self.offset.unwrap_or(0);
        if offset > MAX_OFFSET {
            return Err(ApiError::bad_request(format!(
                "offset: at most {MAX_OFFSET}; narrow the filters instead"
            )));
        }
        Ok(offset)
    }

    /// The requested timeline period.
    pub fn period(&self) -> Result<Period, ApiError> {
        match non_empty(self.by.as_deref()) {
            None => Ok(Period::default()),
            Some(name) => name
                .parse()
                .map_err(|e: String| ApiError::bad_request(format!("by: {e}"))),
        }
    }

    /// The requested order.
    pub fn sort(&self) -> Result<EventSort, ApiError> {
        match non_empty(self.sort.as_deref()) {
            None => Ok(EventSort::default()),
            Some(name) => EventSort::parse(&name).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "sort: {name:?} is not one of date, -date, mentions, goldstein"
                ))
            }),
        }
    }
}

/// `limit` with its default and ceiling.
pub fn limit(requested: Option<usize>) -> Result<usize, ApiError> {
    match requested {
        None => Ok(DEFAULT_LIMIT),
        Some(0) => Err(ApiError::bad_request("limit: at least 1")),
        Some(n) if n > MAX_LIMIT => Err(ApiError::bad_request(format!(
            "limit: at most {MAX_LIMIT}; page with offset"
        ))),
        Some(n) => Ok(n),
    }
}

/// An actor or code prefix: letters and digits only (what CAMEO codes are made of).
pub fn code_prefix(name: &str, value: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(value) = non_empty(value) else {
        return Ok(None);
    };
    if value.chars().count() > MAX_CODE_CHARS || !value.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(ApiError::bad_request(format!(
            "{name}: expected a code prefix of letters and digits (PRKGOV, 12), at most \
             {MAX_CODE_CHARS} characters"
        )));
    }
    Ok(Some(value.to_ascii_uppercase()))
}

/// A trimmed value, or `None` when absent or blank (an empty form field means "any").
pub fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// `/api/latest` parameters.
#[derive(Debug, Default, Deserialize)]
pub struct LatestQuery {
    /// Most articles.
    pub limit: Option<usize>,
}

/// `/api/search` parameters.
#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    /// FTS5 query: words, "a phrase", AND, OR, NOT, prefix*.
    pub q: Option<String>,
    /// Most results.
    pub limit: Option<usize>,
}

impl SearchQuery {
    /// The query text, present and bounded.
    pub fn text(&self) -> Result<String, ApiError> {
        let q = non_empty(self.q.as_deref())
            .ok_or_else(|| ApiError::bad_request("q: give words to search for"))?;
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(ApiError::bad_request(format!(
                "q: at most {MAX_QUERY_CHARS} characters"
            )));
        }
        Ok(q)
    }
}

/// `/api/quotes` parameters.
#[derive(Debug, Default, Deserialize)]
pub struct QuotesQuery {
    /// Part of the speaker's name, any case.
    pub speaker: Option<String>,
    /// Speaker actor code prefix.
    pub actor: Option<String>,
    /// Most quotes.
    pub limit: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_and_upper_cased() {
        assert_eq!(
            code_prefix("actor", Some(" prk ")).unwrap(),
            Some("PRK".into())
        );
        assert_eq!(code_prefix("actor", Some("")).unwrap(), None);
        assert!(code_prefix("actor", Some("PRK' OR 1=1")).is_err());
        assert!(code_prefix("code", Some(&"1".repeat(33))).is_err());
    }

    #[test]
    fn limits_have_a_floor_and_a_ceiling() {
        assert_eq!(limit(None).unwrap(), DEFAULT_LIMIT);
        assert_eq!(limit(Some(MAX_LIMIT)).unwrap(), MAX_LIMIT);
        assert!(limit(Some(0)).is_err());
        assert!(limit(Some(MAX_LIMIT + 1)).is_err());
    }

    #[test]
    fn sorts_are_a_fixed_set() {
        let q = |s: &str| FilterQuery {
            sort: Some(s.into()),
            ..FilterQuery::default()
        };
        assert_eq!(q("-date").sort().unwrap(), EventSort::DateDesc);
        assert_eq!(q("").sort().unwrap(), EventSort::DateDesc);
        assert_eq!(q("date").sort().unwrap(), EventSort::Date);
        assert!(q("day_num; DROP TABLE events").sort().is_err());
    }
}
