//! # chronicle-web
//!
//! Reading the web as Chronicle needs it: the main text and the metadata of an HTML page, and
//! the records of WARC archives (as Common Crawl's CC-NEWS publishes them).
//!
//! [`extract_page`] takes a page's bytes and returns a [`WebPage`]: title, description,
//! publication date, author, canonical URL, site name, section, image credit, and the body —
//! the article's paragraphs, separated by blank lines, without navigation, ads, comments,
//! related links, share bars, bylines, footers or cookie banners.
//!
//! How it works, one module per step:
//! - [`charset`]: BOM, HTTP charset, `<meta charset>`; UTF-8 and Windows-1252 decoded here.
//! - `tokenizer` and `dom`: a forgiving tokenizer and a flat tree (nodes in document order, so
//!   no walk recurses and deep nesting cannot overflow the stack); `entities` decodes references.
//! - `boiler`: furniture (nav, footer, comments, share, related, cookie, hidden) by tag, role
//!   and class/id words.
//! - `blocks`: the visible text as paragraphs; `content`: which container holds the article
//!   (Readability-style scoring with link density) and which of its blocks to keep.
//! - `meta` and `dates`: meta tags, JSON-LD, microdata, `<time>`, the URL.
//! - [`warc`]: a streaming WARC reader that survives damaged records; [`eval`]: the snippet
//!   evaluation on a folder of gold pages.
//!
//! Everything is our own code on the standard library plus `memchr`, `serde_json` (JSON-LD),
//! `jiff` (dates) and `flate2` (gzip): no HTML5 parser crate, because a full DOM costs more time
//! than the whole extraction here, and the issue asks for 20 MB of HTML per second per core.

mod blocks;
mod boiler;
pub mod charset;
mod content;
mod dates;
mod dom;
mod entities;
pub mod eval;
mod meta;
mod prompts;
mod tags;
mod tokenizer;
pub mod warc;

use jiff::civil::Date;

/// What a web page says about itself and its main text: the fields of Chronicle's article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebPage {
    pub title: Option<String>,
    pub description: Option<String>,
    pub published: Option<Date>,
    pub author: Option<String>,
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub image_credit: Option<String>,
    /// The main text: paragraphs separated by "\n\n" (headings and list items are paragraphs).
    pub body: String,
}

/// What the caller knows about a page besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageHints<'a> {
    /// Where the page came from (a date in the URL is a publication-date clue).
    pub url: Option<&'a str>,
    /// The charset of the HTTP `Content-Type` header, when the page came with one (WARC).
    pub http_charset: Option<&'a str>,
}

/// Pages larger than this are read up to this size (offsets are 32-bit inside).
pub const MAX_PAGE_BYTES: usize = 512 * 1024 * 1024;

/// Reads a page: its metadata and its main text. Never panics, whatever the bytes.
pub fn extract_page(html: &[u8], hints: &PageHints<'_>) -> WebPage {
    let html = &html[..html.len().min(MAX_PAGE_BYTES)];
    let text = charset::decode_page(html, hints.http_charset);
    let doc = dom::Document::parse(&text);
    let sizes = boiler::text_sizes(&doc);
    let skip = boiler::mark(&doc, &sizes);
    let meta = meta::extract(&doc, &skip, hints.url);
    let mut chosen = main_blocks(&doc, &skip);
    let found: usize = chosen.iter().map(|b| b.chars).sum();
    if found < 500 {
        // Class names may have hidden the article (a layout called `sidebar_content`).
        let lenient = main_blocks(&doc, &boiler::mark_lenient(&doc, &sizes));
        let more: usize = lenient.iter().map(|b| b.chars).sum();
        if more >= 400 && more > 3 * found {
            chosen = lenient;
        }
    }
    let mut body = assemble(&chosen, &meta);
    if let Some(article_body) = &meta.article_body {
        // Pages that render the article with scripts carry it only in JSON-LD.
        if body.len() < 300 && article_body.trim().len() > 2 * body.len() {
            body = article_body_paragraphs(article_body);
        }
    }
    WebPage {
        title: meta.title,
        description: meta.description,
        published: meta.published,
        author: meta.author,
        canonical_url: meta.canonical_url,
        site_name: meta.site_name,
        section: meta.section,
        image_credit: meta.image_credit,
        body,
    }
}

/// The blocks of the main text under a given furniture marking.
fn main_blocks(doc: &dom::Document, skip: &[bool]) -> Vec<blocks::Block> {
    let all = blocks::collect(doc, skip);
    content::select(doc, &all).into_iter().cloned().collect()
}

/// JSON-LD `articleBody` as paragraphs (its line breaks, when it has any).
fn article_body_paragraphs(text: &str) -> String {
    let paras: Vec<String> = text
        .lines()
        .map(dom::collapse)
        .filter(|l| !l.is_empty())
        .collect();
    paras.join("\n\n")
}

/// Joins the chosen blocks into the body, leaving out a heading that repeats the title and a
/// byline that repeats the author.
fn assemble(chosen: &[blocks::Block], meta: &meta::Meta) -> String {
    let title = meta.title.as_deref().map(normalize).unwrap_or_default();
    let author = meta.author.as_deref().map(normalize).unwrap_or_default();
    let mut body = String::new();
    for b in chosen {
        let norm = normalize(&b.text);
        if matches!(b.kind, blocks::Kind::Heading(_)) && !title.is_empty() && title.contains(&norm)
        {
            continue;
        }
        if !author.is_empty() && b.chars < author.len() + 12 && norm.contains(&author) {
            continue;
        }
        // An author's biography ("Jane Roe is a senior writer ...") is not the article.
        if author.contains(' ') && b.chars < 600 && norm.starts_with(&author) {
            continue;
        }
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(&b.text);
    }
    body
}

fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Debugging aid (temporary): the furniture roots and the chosen blocks' owners.
#[doc(hidden)]
pub fn debug_page(html: &[u8]) -> String {
    use std::fmt::Write;
    let text = charset::decode_page(html, None);
    let doc = dom::Document::parse(&text);
    let sizes = boiler::text_sizes(&doc);
    let skip = boiler::mark(&doc, &sizes);
    let mut out = String::new();
    let mut i = 0;
    while i < doc.nodes.len() {
        if skip[i] && !doc.nodes[i].tag.is_dropped() {
            let _ = writeln!(
                out,
                "SKIP {:?} {:?} chars={}",
                doc.nodes[i].tag,
                doc.id_class(i as u32),
                sizes[i]
            );
            i = doc.nodes[i].end as usize;
        } else {
            i += 1;
        }
    }
    let all_blocks = blocks::collect(&doc, &skip);
    let kept = content::select(&doc, &all_blocks);
    for b in &all_blocks {
        let k = kept.iter().any(|c| std::ptr::eq(*c, b));
        let _ = writeln!(
            out,
            "{} owner={} {:?} {:?} {:?} {:.60}",
            if k { "KEEP" } else { "drop" },
            b.owner,
            b.kind,
            doc.nodes[b.owner as usize].tag,
            doc.id_class(b.owner),
            b.text
        );
    }
    for b in content::select(&doc, &[]) {
        let _ = writeln!(
            out,
            "KEEP owner={} {:?} {:?} {:.60}",
            b.owner,
            doc.nodes[b.owner as usize].tag,
            doc.id_class(b.owner),
            b.text
        );
    }
    out
}
