//! News feeds read into links: RSS 2.0 (and RSS 1.0's `item`s), Atom, and sitemaps, news
//! sitemaps (`<news:news>`) included; a sitemap index lists more sitemaps.
//!
//! One XML reader for all of them: each format is a list of entries (`item`, `entry`, `url`,
//! `sitemap`) whose children name the link, the title, the summary and the date. What an entry
//! lacks is left empty; an entry with no link is dropped. Relative links are resolved against
//! the feed's own URL.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::url::resolve;

/// What kind of document a feed turned out to be, by its root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    /// `<rss>` (2.0 and 0.9x) or `<rdf:RDF>` (1.0).
    Rss,
    /// `<feed>`.
    Atom,
    /// `<urlset>`: pages, with `<news:news>` metadata when it is a news sitemap.
    Sitemap,
    /// `<sitemapindex>`: more sitemaps, in [`Feed::sitemaps`].
    SitemapIndex,
}

/// One entry of a feed: a page and what the feed says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    /// Absolute URL of the page.
    pub url: String,
    pub title: Option<String>,
    pub description: Option<String>,
    /// The entry's publication date, as written (the publisher's own calendar day).
    pub published: Option<jiff::civil::Date>,
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub kind: FeedKind,
    /// Pages, in the feed's order.
    pub items: Vec<Item>,
    /// Sitemaps a sitemap index lists.
    pub sitemaps: Vec<String>,
}

/// Why a feed could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The XML is malformed.
    #[error("malformed XML at byte {offset}: {message}")]
    Xml { offset: u64, message: String },
    /// Well-formed, but no feed format Chronicle reads.
    #[error("not RSS, Atom or a sitemap (root element <{0}>)")]
    UnknownRoot(String),
    /// No root element at all.
    #[error("no XML in the response")]
    Empty,
}

/// Reads `bytes`, fetched from `base`, as a feed.
pub fn parse(bytes: &[u8], base: &str) -> Result<Feed, FeedError> {
    let text = decode(bytes);
    let mut reader = Reader::from_str(&text);
    let mut feed: Option<Feed> = None;
    let mut path: Vec<String> = Vec::new();
    let mut entry: Option<Entry> = None;
    let mut text_buf = String::new();
    let xml_error = |reader: &Reader<&[u8]>, message: String| FeedError::Xml {
        offset: reader.error_position(),
        message,
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(&reader, e.to_string()))?;
        match event {
            Event::Start(start) => {
                let name = local(&start);
                if feed.is_none() {
                    feed = Some(root(&name)?);
                } else if is_entry(&name) && entry.is_none() {
                    entry = Some(Entry::new(&name, path.len()));
                } else if let Some(e) = &mut entry {
                    e.attributes(&name, &start);
                }
                path.push(name);
                text_buf.clear();
            }
            Event::Empty(start) => {
                let name = local(&start);
                if feed.is_none() {
                    feed = Some(root(&name)?);
                } else if let Some(e) = &mut entry {
                    e.attributes(&name, &start);
                }
            }
            Event::Text(t) => text_buf.push_str(&t.xml10_content()),
            Event::CData(c) => text_buf.push_str(&c),
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text_buf.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                    text_buf.push_str(s);
                }
            }
            Event::End(_) => {
                let Some(name) = path.pop() else {
                    return Err(xml_error(&reader, "closing tag with nothing open".into()));
                };
                let depth = path.len();
                if let Some(e) = &mut entry {
                    if depth == e.depth {
                        if let (Some(done), Some(f)) = (entry.take(), feed.as_mut()) {
                            done.finish(base, f);
                        }
                    } else {
                        e.field(&name, std::mem::take(&mut text_buf));
                    }
                }
                text_buf.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = path.last() {
        return Err(FeedError::Xml {
            offset: reader.buffer_position(),
            message: format!("the document ends inside <{open}>"),
        });
    }
    feed.ok_or(FeedError::Empty)
}

/// The text of a feed: UTF-8 unless its XML declaration names another encoding.
fn decode(bytes: &[u8]) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
    let label = head
        .split_once("encoding=")
        .and_then(|(_, rest)| rest.get(1..))
        .and_then(|rest| rest.split(['"', '\'']).next());
    let encoding = label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()));
    match encoding {
        Some(enc) => enc.decode(bytes).0.into_owned(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// An element's name without its namespace prefix, lowercased.
fn local(start: &BytesStart) -> String {
    start.local_name().as_ref().to_ascii_lowercase()
}

fn root(name: &str) -> Result<Feed, FeedError> {
    let kind = match name {
        "rss" | "rdf" => FeedKind::Rss,
        "feed" => FeedKind::Atom,
        "urlset" => FeedKind::Sitemap,
        "sitemapindex" => FeedKind::SitemapIndex,
        other => return Err(FeedError::UnknownRoot(other.to_string())),
    };
    Ok(Feed {
        kind,
        items: Vec::new(),
        sitemaps: Vec::new(),
    })
}

fn is_entry(name: &str) -> bool {
    matches!(name, "item" | "entry" | "url" | "sitemap")
}

/// An entry being read.
struct Entry {
    /// `item`, `entry`, `url` or `sitemap`.
    kind: String,
    /// How many elements were open around it.
    depth: usize,
    link: Option<String>,
    guid: Option<String>,
    title: Option<String>,
    description: Option<String>,
    published: Option<jiff::civil::Date>,
    updated: Option<jiff::civil::Date>,
}

impl Entry {
    fn new(kind: &str, depth: usize) -> Entry {
        Entry {
            kind: kind.to_string(),
            depth,
            link: None,
            guid: None,
            title: None,
            description: None,
            published: None,
            updated: None,
        }
    }

    /// Atom's `<link rel="alternate" href="…"/>`: the page (other relations are not).
    fn attributes(&mut self, name: &str, start: &BytesStart) {
        if name != "link" || self.link.is_some() {
            return;
        }
        let attr = |key: &str| {
            start.try_get_attribute(key).ok().flatten().and_then(|a| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
        };
        let rel = attr("rel");
        if matches!(rel.as_deref(), None | Some("alternate"))
            && let Some(href) = attr("href")
        {
            self.link = Some(href);
        }
    }

    /// A child element's text.
    fn field(&mut self, name: &str, text: String) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let keep = |slot: &mut Option<String>| {
            if slot.is_none() {
                *slot = Some(text.to_string());
            }
        };
        match name {
            "link" | "loc" => keep(&mut self.link),
            "guid" | "id" => keep(&mut self.guid),
            "title" => keep(&mut self.title),
            "description" | "summary" => keep(&mut self.description),
            "pubdate" | "published" | "publication_date" | "date" | "issued" => {
                self.published = self.published.or(parse_date(text));
            }
            "updated" | "lastmod" | "modified" => self.updated = self.updated.or(parse_date(text)),
            _ => {}
        }
    }

    /// Adds the entry to `feed` if it names a page.
    fn finish(self, base: &str, feed: &mut Feed) {
        // RSS's guid is a permalink by default; Atom's id rarely is, so it is used only when
        // it looks like a web address.
        let link = self.link.or(self
            .guid
            .filter(|g| g.starts_with("http://") || g.starts_with("https://")));
        let Some(url) = link.and_then(|l| resolve(base, &l)) else {
            return;
        };
        if self.kind == "sitemap" {
            feed.sitemaps.push(url);
            return;
        }
        feed.items.push(Item {
            url,
            title: self.title.map(|t| one_line(&t)),
            description: self.description.map(|d| one_line(&strip_tags(&d))),
            published: self.published.or(self.updated),
        });
    }
}

/// A date as feeds write it: RFC 2822 (RSS), RFC 3339 or W3C datetime (Atom, sitemaps).
pub fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    let s = s.trim();
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(s) {
        return Some(zoned.date());
    }
    // RFC 3339 and W3C datetimes start with the writer's own calendar day.
    s.get(..10).and_then(|d| d.parse().ok())
}

/// Whitespace runs (line breaks included) as single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A summary's HTML markup dropped (RSS descriptions are often escaped HTML).
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "http://news.test/feeds/world.xml";

    #[test]
    fn rss_items_with_relative_links_and_dates() {
        let xml = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>
            <item><title>Talks &amp; more</title><link>/2026/12/talks.html</link>
            <description>&lt;p&gt;Envoys met.&lt;/p&gt;</description>
            <pubDate>Sun, 06 Dec 2026 09:30:00 +0100</pubDate></item>
            <item><title>No link</title></item>
            <item><guid>https://news.test/b</guid><dc:date>2026-12-05T23:10:00Z</dc:date></item>
            </channel></rss>"#;
        let feed = parse(xml, BASE).unwrap();
        assert_eq!(feed.kind, FeedKind::Rss);
        assert_eq!(feed.items.len(), 2);
        let first = &feed.items[0];
        assert_eq!(first.url, "http://news.test/2026/12/talks.html");
        assert_eq!(first.title.as_deref(), Some("Talks & more"));
        assert_eq!(first.description.as_deref(), Some("Envoys met."));
        assert_eq!(first.published, Some(jiff::civil::date(2026, 12, 6)));
        assert_eq!(feed.items[1].url, "https://news.test/b");
        assert_eq!(
            feed.items[1].published,
            Some(jiff::civil::date(2026, 12, 5))
        );
    }

    #[test]
    fn atom_takes_the_alternate_link() {
        let xml = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
            <entry><link rel="self" href="/x.atom"/><link href="a.html"/><title>A</title>
            <summary>S</summary><updated>2026-12-01T00:00:00Z</updated>
            <published>2026-11-30T20:00:00-05:00</published></entry></feed>"#;
        let feed = parse(xml, BASE).unwrap();
        assert_eq!(feed.kind, FeedKind::Atom);
        assert_eq!(feed.items[0].url, "http://news.test/feeds/a.html");
        assert_eq!(
            feed.items[0].published,
            Some(jiff::civil::date(2026, 11, 30))
        );
    }

    #[test]
    fn news_sitemap_and_index() {
        let xml = br#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>http://news.test/p1</loc><news:news><news:publication>
            <news:name>T</news:name></news:publication>
            <news:publication_date>2026-12-06</news:publication_date>
            <news:title>Page one</news:title></news:news></url></urlset>"#;
        let feed = parse(xml, BASE).unwrap();
        assert_eq!(feed.kind, FeedKind::Sitemap);
        assert_eq!(feed.items[0].title.as_deref(), Some("Page one"));
        assert_eq!(
            feed.items[0].published,
            Some(jiff::civil::date(2026, 12, 6))
        );
        let index = br#"<sitemapindex><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>"#;
        let feed = parse(index, BASE).unwrap();
        assert_eq!(feed.sitemaps, ["http://news.test/s2.xml"]);
    }

    #[test]
    fn malformed_and_foreign_documents_are_errors() {
        let cut = parse(b"<rss><channel><item><link>http://a/</link>", BASE);
        assert!(matches!(cut, Err(FeedError::Xml { .. })), "{cut:?}");
        let crossed = parse(b"<rss><channel></item></channel></rss>", BASE);
        assert!(matches!(crossed, Err(FeedError::Xml { .. })), "{crossed:?}");
        let html = parse(b"<html><body>hi</body></html>", BASE);
        assert_eq!(html, Err(FeedError::UnknownRoot("html".into())));
        assert_eq!(parse(b"  ", BASE), Err(FeedError::Empty));
    }
}
