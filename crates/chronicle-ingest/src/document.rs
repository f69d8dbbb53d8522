//! A document as read, before cleaning, and how it becomes an [`Article`].

use chronicle_core::Article;

use crate::clean;
use crate::error::Location;
use crate::url_date::date_in_url;

/// What a document holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Plain text: a scraped page saved as text, or a clean story.
    Text(String),
    /// An HTML page, as bytes, with the charset its HTTP response declared (WARC).
    Html {
        bytes: Vec<u8>,
        http_charset: Option<String>,
    },
}

impl Content {
    /// Bytes of content, text or HTML: what a document weighs in memory before it is cleaned.
    pub fn byte_len(&self) -> usize {
        match self {
            Content::Text(t) => t.len(),
            Content::Html { bytes, .. } => bytes.len(),
        }
    }
}

/// One document as an input gave it: metadata the input carried, and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    /// Where it came from (file, and line for JSON lines).
    pub origin: Location,
    pub id: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub published: Option<jiff::civil::Date>,
    /// When the page was captured (a WARC record's date): the publication date when neither the
    /// record, the page nor its URL gives one.
    pub captured: Option<jiff::civil::Date>,
    /// What a news feed said of the page (`chronicle watch`): used only where the page and the
    /// record say nothing.
    pub feed: FeedHints,
    pub content: Content,
    /// Problems that did not stop the read (invalid UTF-8 replaced, an unreadable date), each
    /// already naming its location.
    pub warnings: Vec<String>,
}

/// What a news feed's item said about the page it links to: its title, summary and date.
///
/// Exists because a feed often knows what a page hides (a date only in a script, a summary the
/// page never shows); [`build_article`] uses each only where the page and its record give none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedHints {
    pub title: Option<String>,
    pub description: Option<String>,
    pub published: Option<jiff::civil::Date>,
}

/// How documents become articles.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Keep plain text exactly as `body` (no cleaning), so that offsets index the input.
    pub verbatim: bool,
    /// The publication date of documents that carry none.
    pub default_date: Option<jiff::civil::Date>,
}

/// Turns a read document into an article with its metadata and clean body; layers stay empty.
pub fn build_article(doc: RawDocument, options: BuildOptions) -> Article {
    let id = doc.id.clone().unwrap_or_else(|| default_id(&doc));
    let (body, page) = match doc.content {
        Content::Text(text) if options.verbatim => (text, clean::Cleaned::default()),
        Content::Text(text) => {
            let mut page = clean::clean_text(&text, doc.title.as_deref());
            (std::mem::take(&mut page.body), page)
        }
        Content::Html {
            bytes,
            http_charset,
        } => {
            let hints = chronicle_html::PageHints {
                url: doc.url.as_deref(),
                http_charset: http_charset.as_deref(),
            };
            from_web_page(
                chronicle_html::extract_page(&bytes, &hints),
                doc.title.as_deref(),
            )
        }
    };
    let mut article = Article::new(id, body);
    article.url = doc.url;
    article.source = doc
        .source
        .or_else(|| article.url.as_deref().and_then(host_of));
    article.title = doc.title.or(page.title).or(doc.feed.title);
    article.description = page.description.or(doc.feed.description);
    article.sections = page.sections;
    article.image_credit = page.image_credit;
    // The record's own date, else the page's, else its feed item's, else the day its URL files
    // it under, else when it was captured, else the user's --date.
    article.published = doc
        .published
        .or(page.published)
        .or(doc.feed.published)
        .or_else(|| article.url.as_deref().and_then(date_in_url))
        .or(doc.captured)
        .or(options.default_date);
    article
}

/// A web page's main text as a body, and its metadata in the cleaner's shape. A first paragraph
/// that repeats the headline is dropped: the title field holds it.
fn from_web_page(
    page: chronicle_html::WebPage,
    title_hint: Option<&str>,
) -> (String, clean::Cleaned) {
    let title = title_hint.map(str::to_string).or(page.title);
    let mut body = page.body;
    if let Some(t) = &title
        && let Some(rest) = body.strip_prefix(t.as_str())
        && (rest.is_empty() || rest.starts_with("\n\n"))
    {
        body = rest.trim_start().to_string();
    }
    let cleaned = clean::Cleaned {
        title,
        description: page.description,
        sections: page.section.into_iter().collect(),
        image_credit: page.image_credit,
        published: page.published,
        body: String::new(),
    };
    (body, cleaned)
}

/// An id for a document that came without one: the file's stem, with the line for JSON lines.
/// On standard input line numbers restart with every process (every Spark partition), so a
/// record there is named by its URL, or else by a digest of its content: the same record gets
/// the same id wherever it is read.
fn default_id(doc: &RawDocument) -> String {
    let origin = &doc.origin;
    let name = origin
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "-".into());
    if name == "-" {
        return match &doc.url {
            Some(url) => url.clone(),
            None => format!("text:{:016x}", content_digest(&doc.content)),
        };
    }
    let stem = [
        ".gz", ".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".warc",
    ]
    .iter()
    .fold(name, |n, ext| {
        n.strip_suffix(ext).map(str::to_string).unwrap_or(n)
    });
    match origin.line {
        Some(line) => format!("{stem}:{line}"),
        None => stem,
    }
}

/// FNV-1a over a document's content: stable across runs, machines and versions.
fn content_digest(content: &Content) -> u64 {
    let bytes = match content {
        Content::Text(t) => t.as_bytes(),
        Content::Html { bytes, .. } => bytes,
    };
    chronicle_core::hash::Fnv::of(bytes)
}

/// The host of a URL (`www.bbc.co.uk` from `https://www.bbc.co.uk/news/...`), as the source.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_file_names() {
        let doc = |p: &str, line, url: Option<&str>, text: &str| RawDocument {
            origin: Location {
                path: p.into(),
                line,
            },
            id: None,
            url: url.map(str::to_string),
            source: None,
            title: None,
            published: None,
            captured: None,
            feed: FeedHints::default(),
            content: Content::Text(text.into()),
            warnings: Vec::new(),
        };
        assert_eq!(
            default_id(&doc("a/000_6ecb.txt", None, None, "x")),
            "000_6ecb"
        );
        assert_eq!(
            default_id(&doc("pile.jsonl.gz", Some(7), None, "x")),
            "pile:7"
        );
        // On standard input: the URL, else the content's digest, whatever the line.
        let url = "https://example.org/a";
        assert_eq!(default_id(&doc("-", Some(2), Some(url), "x")), url);
        let a = default_id(&doc("-", Some(2), None, "Talks resumed."));
        let b = default_id(&doc("-", Some(9), None, "Talks resumed."));
        let c = default_id(&doc("-", Some(2), None, "Talks stalled."));
        assert!(a.starts_with("text:") && a.len() == 21, "{a}");
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn source_is_the_url_host() {
        assert_eq!(
            host_of("https://www.BBC.co.uk/news/x?y=1").as_deref(),
            Some("www.bbc.co.uk")
        );
        assert_eq!(host_of("not a url"), None);
    }
}
