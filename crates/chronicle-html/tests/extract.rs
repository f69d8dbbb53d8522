//! Main text and metadata of small pages written for these tests.

use chronicle_html::{PageHints, extract_page};

const ARTICLE: &str = r##"<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Harbour bridge reopens | The Tidewater Post</title>
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="og:site_name" content="The Tidewater Post">
<meta name="description" content="The old swing bridge carries traffic again.">
<meta property="article:section" content="Local">
<meta name="author" content="Mara Quill">
<link rel="canonical" href="https://tidewater.example/news/bridge">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour bridge reopens","datePublished":"2021-05-14T08:30:00+01:00","author":{"@type":"Person","name":"Mara Quill"}}</script>
<style>p { color: red }</style>
</head><body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article class="article-body">
<h1>Harbour bridge reopens after repairs</h1>
<p class="byline">By Mara Quill</p>
<p>The old swing bridge over the harbour opened to cars again on Friday, after eight months of repairs that cost the town more than it had planned, the council said.</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<h2>Why it closed</h2>
<p>Engineers found rust in the turning mechanism last autumn, and the crossing was shut while new gears were cast, fitted and tested by the harbour crew.</p>
<p>&ldquo;We&rsquo;re glad it&#8217;s done,&rdquo; said the harbour master, who added that boats would again have to wait for the bridge&nbsp;to swing at high tide.</p>
<ul><li>New gears were cast in the spring.</li><li>Paint and lights were renewed in the summer.</li></ul>
<p hidden>This paragraph is hidden from readers and must not appear.</p>
<p style="display: none">Neither must this one, hidden by its style.</p>
<script>document.write("no scripts in the text");</script>
<noscript>Please enable JavaScript.</noscript>
</article>
<section class="related-articles"><h3>Related</h3><ul><li><a href="/a">Ferry timetable changes for the summer season</a></li><li><a href="/b">New car park opens near the market square</a></li></ul></section>
<div id="comments"><p>Great news, I was tired of the long detour every single morning!</p></div>
</main>
<footer><p>Copyright 2021 The Tidewater Post. All rights reserved.</p></footer>
</body></html>"##;

#[test]
fn main_text_without_furniture() {
    let page = extract_page(ARTICLE.as_bytes(), &PageHints::default());
    let body = &page.body;
    assert!(
        body.contains("The old swing bridge over the harbour opened"),
        "{body}"
    );
    assert!(
        body.contains("\u{201c}We\u{2019}re glad it\u{2019}s done,\u{201d}"),
        "{body}"
    );
    assert!(
        body.contains("bridge to swing"),
        "nbsp becomes a space: {body}"
    );
    assert!(body.contains("Why it closed"));
    assert!(body.contains("New gears were cast in the spring."));
    for absent in [
        "Home",
        "cookies",
        "Share on",
        "hidden from readers",
        "hidden by its style",
        "no scripts",
        "JavaScript",
        "Ferry timetable",
        "tired of the long detour",
        "All rights reserved",
        "color: red",
        "By Mara Quill",
    ] {
        assert!(!body.contains(absent), "{absent:?} in {body}");
    }
    // Headings and list items are paragraphs of their own.
    let paras: Vec<&str> = body.split("\n\n").collect();
    assert!(paras.contains(&"Why it closed"), "{paras:?}");
    assert!(
        paras.contains(&"Paint and lights were renewed in the summer."),
        "{paras:?}"
    );
}

#[test]
fn metadata_from_tags_and_json_ld() {
    let page = extract_page(ARTICLE.as_bytes(), &PageHints::default());
    assert_eq!(
        page.title.as_deref(),
        Some("Harbour bridge reopens after repairs")
    );
    assert_eq!(
        page.description.as_deref(),
        Some("The old swing bridge carries traffic again.")
    );
    assert_eq!(
        page.published.map(|d| d.to_string()).as_deref(),
        Some("2021-05-14")
    );
    assert_eq!(page.author.as_deref(), Some("Mara Quill"));
    assert_eq!(
        page.canonical_url.as_deref(),
        Some("https://tidewater.example/news/bridge")
    );
    assert_eq!(page.site_name.as_deref(), Some("The Tidewater Post"));
    assert_eq!(page.section.as_deref(), Some("Local"));
}

#[test]
fn dates_from_time_element_and_url() {
    let html = "<html><body><article><time datetime=\"2019-02-27\">Feb 27</time><p>A paragraph that is long enough to count as the text of this article, with commas, too.</p></article></body></html>";
    let page = extract_page(html.as_bytes(), &PageHints::default());
    assert_eq!(
        page.published.map(|d| d.to_string()).as_deref(),
        Some("2019-02-27")
    );
    let bare = "<html><body><p>A paragraph that is long enough to count as the text of this article.</p></body></html>";
    let hints = PageHints {
        url: Some("https://example.org/2020/07/06/story-title/"),
        http_charset: None,
    };
    let page = extract_page(bare.as_bytes(), &hints);
    assert_eq!(
        page.published.map(|d| d.to_string()).as_deref(),
        Some("2020-07-06")
    );
}

#[test]
fn windows_1252_page() {
    let mut html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>".to_vec();
    html.extend_from_slice(b"\x93Na\xefve\x94 caf\xe9 owners \x96 all twelve of them \x96 met on Monday to talk about the \x80 price of coffee.");
    html.extend_from_slice(b"</p></body></html>");
    let page = extract_page(&html, &PageHints::default());
    assert!(
        page.body
            .contains("\u{201c}Na\u{ef}ve\u{201d} caf\u{e9} owners \u{2013} all"),
        "{}",
        page.body
    );
    assert!(page.body.contains("\u{20ac} price"), "{}", page.body);
}

#[test]
fn http_charset_beats_meta() {
    let html = "<html><head><meta charset=windows-1252></head><body><p>Cr\u{e8}me br\u{fb}l\u{e9}e for everyone at the town fair, said the baker, smiling at the queue.</p></body></html>";
    let as_utf8 = extract_page(
        html.as_bytes(),
        &PageHints {
            url: None,
            http_charset: Some("utf-8"),
        },
    );
    assert!(
        as_utf8.body.contains("Cr\u{e8}me br\u{fb}l\u{e9}e"),
        "{}",
        as_utf8.body
    );
    // Without the header the meta tag lies: valid UTF-8 bytes are read as UTF-8, not as the
    // mojibake ("CrÃ¨me") a browser would show.
    let as_meta = extract_page(html.as_bytes(), &PageHints::default());
    assert!(
        as_meta.body.contains("Cr\u{e8}me br\u{fb}l\u{e9}e"),
        "{}",
        as_meta.body
    );
}

#[test]
fn hostile_inputs() {
    // 100,000 nested tags: no stack overflow.
    let deep = format!(
        "{}<p>deep text that is long enough, with commas, to be the article</p>{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let page = extract_page(deep.as_bytes(), &PageHints::default());
    assert!(page.body.contains("deep text"));
    // 100,000 unclosed inline tags.
    let unclosed = format!("<p>{}x", "<span><b>".repeat(50_000));
    let _ = extract_page(unclosed.as_bytes(), &PageHints::default());
    // Truncated in a tag, an attribute, a comment, a script.
    for cut in [
        "<html><body><p>Some text<a href=\"",
        "<p>text<!-- comment",
        "<script>var a = '<p>",
        "<p class='x",
    ] {
        let _ = extract_page(cut.as_bytes(), &PageHints::default());
    }
}

/// A 100 MB page (10 MB in debug builds, where it would take minutes; `--release` runs the full size).
#[test]
fn huge_page() {
    let megabytes = if cfg!(debug_assertions) { 10 } else { 100 };
    let para = "<p>The committee met again on Tuesday, and its members argued, at length, about the budget.</p>\n";
    let big = para.repeat(megabytes * 1024 * 1024 / para.len());
    let page = extract_page(big.as_bytes(), &PageHints::default());
    assert!(page.body.len() > megabytes * 1024 * 1024 / 2);
}
