//! The article's contract JSON as stored: everything `chronicle extract` prints, with the body
//! taken out (it is stored once, in its own column, where full-text search indexes it) and put
//! back byte for byte on the way out.

use chronicle_core::Article;
use serde::Serialize;

use crate::error::{Result, StoreError};

/// The contract JSON of `article` with `"body":""`.
pub fn without_body(article: &Article) -> Result<String> {
    let json = serde_json::to_string(article)?;
    let (start, end) = body_value(&json).ok_or_else(|| {
        StoreError::Invalid(format!("{}: no body in the article JSON", article.id))
    })?;
    let mut doc = String::with_capacity(json.len() - (end - start) + 2);
    doc.push_str(&json[..start]);
    doc.push_str("\"\"");
    doc.push_str(&json[end..]);
    Ok(doc)
}

/// The stored JSON with `body` put back: exactly the line `chronicle extract` printed.
pub fn with_body(doc: &str, body: &str) -> Result<String> {
    let (start, end) = body_value(doc)
        .ok_or_else(|| StoreError::Invalid("stored article JSON has no body".into()))?;
    let body = serde_json::to_string(body)?;
    let mut json = String::with_capacity(doc.len() + body.len());
    json.push_str(&doc[..start]);
    json.push_str(&body);
    json.push_str(&doc[end..]);
    Ok(json)
}

/// The article rebuilt from its stored JSON and body.
pub fn article(doc: &str, body: &str) -> Result<Article> {
    let mut article: Article = serde_json::from_str(doc)?;
    article.body = body.to_string();
    article.analysis.index = chronicle_core::TextIndex::new(&article.body);
    Ok(article)
}

/// The byte range of the top-level `body` string value (with its quotes) in compact JSON.
///
/// Inside a JSON string every `"` is escaped, so the first `"body":"` is the key itself; the
/// value ends at the first quote not escaped by an odd run of backslashes.
fn body_value(json: &str) -> Option<(usize, usize)> {
    const KEY: &str = "\"body\":";
    let start = json.find(KEY)? + KEY.len();
    let bytes = json.as_bytes();
    if bytes.get(start) != Some(&b'"') {
        return None;
    }
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some((start, i + 1)),
            _ => i += 1,
        }
    }
    None
}

/// The contract's name of an enum value (`PERSON`, `direct`), as serde writes it.
pub fn name_of<T: Serialize>(value: &T) -> Result<String> {
    match serde_json::to_value(value)? {
        serde_json::Value::String(s) => Ok(s),
        other => Ok(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_comes_back_byte_for_byte() {
        let mut a = Article::new("x", "He said \"body\":\"no\" \\ and “left”.\nEnd.");
        a.title = Some("\"body\":\"trap\"".into());
        let json = serde_json::to_string(&a).unwrap();
        let doc = without_body(&a).unwrap();
        assert!(!doc.contains("left"));
        assert_eq!(with_body(&doc, &a.body).unwrap(), json);
        assert_eq!(article(&doc, &a.body).unwrap().body, a.body);
    }
}
