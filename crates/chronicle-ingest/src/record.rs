//! One article as a JSON line or an HTTP request gives it.

use serde::Deserialize;

use crate::document::{Content, RawDocument};
use crate::error::{Location, Problem};

/// The fields Chronicle reads from a JSON record `{id?, url?, source?, title?, published?,
/// text | html}`; others are ignored.
///
/// Exists so that a line of a `.jsonl` file and the body of `POST /api/extract` are read by the
/// same rules: an id may be a number, `date`, `publication_date` and `dct` are read as
/// `published`, and a record with both `text` and `html` is read as its text.
///
/// Its fields are public so that a caller holding the fields already (a Python dict) builds
/// the same record without going through JSON.
#[derive(Debug, Default, Deserialize)]
pub struct InputRecord {
    /// A string, or a number read as its digits.
    pub id: Option<serde_json::Value>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    /// `YYYY-MM-DD` (a time after it is ignored) or `YYYYMMDD`.
    #[serde(alias = "date", alias = "publication_date", alias = "dct")]
    pub published: Option<String>,
    pub text: Option<String>,
    pub html: Option<String>,
}

impl InputRecord {
    /// The keys a JSON record may give its publication date under, `published` first.
    pub const PUBLISHED_KEYS: [&str; 4] = ["published", "date", "publication_date", "dct"];
}

impl InputRecord {
    /// The document this record holds, found at `origin`. A publication date that cannot be
    /// read is ignored with a warning that names `origin`; a record without content is a
    /// problem.
    pub fn into_document(self, origin: Location) -> Result<RawDocument, Problem> {
        let content = match (self.text, self.html) {
            (Some(text), _) if !text.trim().is_empty() => Content::Text(text),
            (_, Some(html)) if !html.trim().is_empty() => Content::Html {
                bytes: html.into_bytes(),
                http_charset: Some("utf-8".into()),
            },
            (None, None) => return Err(Problem::Record("no `text` or `html` field".into())),
            _ => return Err(Problem::Empty),
        };
        let mut warnings = Vec::new();
        let published = self.published.as_deref().and_then(|s| {
            let date = parse_date(s);
            if date.is_none() && !s.trim().is_empty() {
                warnings.push(format!(
                    "{origin}: unreadable publication date {s:?}; ignored"
                ));
            }
            date
        });
        let id = self.id.and_then(|v| match v {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        });
        Ok(RawDocument {
            origin,
            id,
            url: self.url,
            source: self.source,
            title: self.title,
            published,
            captured: None,
            feed: crate::document::FeedHints::default(),
            content,
            warnings,
        })
    }
}

/// Reads a publication date: `YYYY-MM-DD`, with or without a time after it, or `YYYYMMDD`.
pub fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    let s = s.trim();
    if let Some(head) = s.get(..10)
        && let Ok(d) = head.parse::<jiff::civil::Date>()
    {
        return Some(d);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let y = s[..4].parse().ok()?;
        let m = s[4..6].parse().ok()?;
        let d = s[6..].parse().ok()?;
        return jiff::civil::Date::new(y, m, d).ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<RawDocument, Problem> {
        let record: InputRecord = serde_json::from_str(json).expect("valid JSON");
        let origin = Location {
            path: "pile.jsonl".into(),
            line: Some(3),
        };
        record.into_document(origin)
    }

    #[test]
    fn a_numeric_id_is_read_as_its_digits() {
        let doc = read(r#"{"id": 42, "text": "Talks resumed."}"#).unwrap();
        assert_eq!(doc.id.as_deref(), Some("42"));
        let doc = read(r#"{"id": null, "text": "Talks resumed."}"#).unwrap();
        assert_eq!(doc.id, None);
    }

    #[test]
    fn text_wins_over_html_and_empty_text_falls_back_to_html() {
        let doc = read(r#"{"text": "Talks resumed.", "html": "<p>Other</p>"}"#).unwrap();
        assert_eq!(doc.content, Content::Text("Talks resumed.".into()));
        let doc = read(r#"{"text": " ", "html": "<p>Other</p>"}"#).unwrap();
        assert!(matches!(doc.content, Content::Html { .. }));
        assert_eq!(read(r#"{"text": " "}"#).unwrap_err(), Problem::Empty);
        assert!(matches!(read(r#"{"id": "a"}"#), Err(Problem::Record(_))));
    }

    #[test]
    fn every_published_key_is_read_as_the_publication_date() {
        for key in InputRecord::PUBLISHED_KEYS {
            let doc = read(&format!(r#"{{"{key}": "2020-07-06", "text": "x"}}"#)).unwrap();
            assert_eq!(doc.published, Some(jiff::civil::date(2020, 7, 6)), "{key}");
        }
    }

    #[test]
    fn an_unreadable_date_is_a_warning_naming_the_record() {
        let doc = read(r#"{"dct": "soon", "text": "Talks resumed."}"#).unwrap();
        assert_eq!(doc.published, None);
        assert_eq!(
            doc.warnings,
            ["pile.jsonl:3: unreadable publication date \"soon\"; ignored"]
        );
        let doc = read(r#"{"publication_date": "20200706", "text": "x"}"#).unwrap();
        assert_eq!(doc.published, Some(jiff::civil::date(2020, 7, 6)));
    }
}
