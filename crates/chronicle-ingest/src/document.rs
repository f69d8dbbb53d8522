//! A document as read, before cleaning, and how it becomes an [`Article`].

use chronicle_core::Article;

use crate::clean;
use crate::error::Location;

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
    /// When the page was captured (a WARC record's date): the publication date of last resort.
    pub captured: Option<jiff::civil::Date>,
    pub content: Content,
    /// Problems that did not stop the read (invalid UTF-8 replaced, an unreadable date), each
    /// already naming its location.
    pub warnings: Vec<String>,
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
    let id = doc.id.clone().unwrap_or_else(|| default_id(&doc.origin));
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
            let hints = chronicle_web::PageHints {
                url: doc.url.as_deref(),
                http_charset: http_charset.as_deref(),
            };
            from_web_page(
                chronicle_web::extract_page(&bytes, &hints),
                doc.title.as_deref(),
            )
        }
    };
    let mut article = Article::new(id, body);
    article.url = doc.url;
    article.source = doc
        .source
        .or_else(|| article.url.as_deref().and_then(host_of));
    article.title = doc.title.or(page.title);
    article.description = page.description;
    article.sections = page.sections;
    article.image_credit = page.image_credit;
    article.published = doc
        .published
        .or(page.published)
        .or(doc.captured)
        .or(options.default_date);
    article
}

/// A web page's main text as a body, and its metadata in the cleaner's shape. A first paragraph
/// that repeats the headline is dropped: the title field holds it.
fn from_web_page(
    page: chronicle_web::WebPage,
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
fn default_id(origin: &Location) -> String {
    let name = origin
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    let stem = [
        ".gz", ".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".warc",
    ]
    .iter()
    .fold(name, |n, ext| {
        n.strip_suffix(ext).map(str::to_string).unwrap_or(n)
    });
    let stem = if stem == "-" {
        "stdin".to_string()
    } else {
        stem
    };
    match origin.line {
        Some(line) => format!("{stem}:{line}"),
        None => stem,
    }
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
        let loc = |p: &str, l| Location {
            path: p.into(),
            line: l,
        };
        assert_eq!(default_id(&loc("a/000_6ecb.txt", None)), "000_6ecb");
        assert_eq!(default_id(&loc("pile.jsonl.gz", Some(7))), "pile:7");
        assert_eq!(default_id(&loc("-", Some(2))), "stdin:2");
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
