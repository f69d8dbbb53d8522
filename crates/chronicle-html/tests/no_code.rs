//! Script, style, template, JSON and `noscript` text never reaches a body: on pages written for
//! this test, where the article sits beside every kind of code a page carries, and on every
//! development page (`../shared/data/html`, when present), whose own scripts and style sheets are
//! cut into lines and looked for in the body.

use std::io::Read;
use std::path::Path;

use chronicle_html::{PageHints, extract_page};

const STORY: &str = "The river ferry carried its last passengers across the estuary on Sunday, \
ending a crossing that families in both villages had used for more than a century, and the \
council promised a bus link by the spring.";
const STORY2: &str = "Boatmen said the tides had grown harder to judge, and that insurance for \
the old hull, patched and repainted every winter, now cost more than the fares could ever bring \
in, even in the busy summer months.";

fn body_of(html: &str) -> String {
    extract_page(html.as_bytes(), &PageHints::default()).body
}

/// The article, with `code` put where `place` says: before, inside or after the story.
fn page(code_before: &str, code_inside: &str, code_after: &str) -> String {
    format!(
        "<!doctype html><html><head><title>Ferry</title></head><body>{code_before}\
         <div class=\"story\"><h1>Last ferry crosses the estuary</h1><p>{STORY}</p>{code_inside}\
         <p>{STORY2}</p></div>{code_after}</body></html>"
    )
}

/// Each kind of code a page carries, with a marker word that must not reach the body.
const CODE: &[(&str, &str)] = &[
    (
        "inline script",
        "<script>var ferryConfig = {zone: 'estuary', slots: [1, 2, 3]}; window.initFerry(ferryConfig);</script>",
    ),
    (
        "script in upper case with a spaced end tag",
        "<SCRIPT type=\"text/javascript\">ferryTrack('page', 'view', {a: 1, b: 2, c: 3});</SCRIPT >",
    ),
    (
        "script that writes an end tag in pieces",
        "<script>document.write('<scr' + 'ipt src=\"/ferryAds.js\"></scr' + 'ipt>'); ferryAds(7);</script>",
    ),
    (
        "script escaped with a comment",
        "<script><!--\nif (ferryOld) { document.write('<script>ferryLegacy()<\\/script>'); }\n//--></script>",
    ),
    (
        "JSON data island",
        "<script type=\"application/json\" id=\"__DATA__\">{\"ferryProps\":{\"page\":\"story\",\"ids\":[4,5,6],\"text\":\"ferryJsonText\"}}</script>",
    ),
    (
        "JSON-LD",
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"ferryLdHeadline\"}</script>",
    ),
    (
        "knockout template",
        "<script type=\"text/html\" id=\"ferry-tmpl\"><div data-bind=\"text: ferryKo\"></div><p>ferryKoText <!-- ko if: ferryShown --><span>shown</span><!-- /ko --></p></script>",
    ),
    (
        "underscore template",
        "<script type=\"text/template\"><% _.each(ferryItems, function(item) { %><li><%= item.ferryName %></li><% }); %></script>",
    ),
    (
        "handlebars template",
        "<script type=\"text/x-handlebars-template\"><p>{{#each ferryRows}}{{ferryCell}}{{/each}}</p></script>",
    ),
    (
        "template element",
        "<template id=\"ferry-row\"><p>ferryTemplateRow with its own long text that reads almost like a sentence, and more.</p></template>",
    ),
    (
        "style sheet in the body",
        "<style>.ferry-story p { margin: 0 auto; font-family: ferryFont, serif; } @media (max-width: 600px) { .ferry { display: none } }</style>",
    ),
    (
        "noscript notice",
        "<noscript><p>ferryNoscript: please enable JavaScript in your browser to read the comments below this story.</p></noscript>",
    ),
    (
        "noscript tracking pixel",
        "<noscript><img src=\"https://ferry.example/pixel.gif?ferryPixel=1\" alt=\"ferryPixel\"></noscript>",
    ),
    (
        "script never closed",
        "<script>ferryUnclosed({a: 1}); var ferryNext = 2;",
    ),
    (
        "script printed as text in a paragraph",
        "<p>window.ferryLayer = window.ferryLayer || []; function ferryTag(){ferryLayer.push(arguments);} ferryTag('js', new Date()); ferryTag('config', 'UA-1');</p>",
    ),
    (
        "escaped embed in a div",
        "<div>(function(d, s, id) { var js, fjs = d.getElementsByTagName(s)[0]; if (d.getElementById(id)) return; js = d.createElement(s); js.id = id; js.src = 'https://ferry.example/ferrySdk.js'; })(document, 'script', 'ferry-jssdk');</div>",
    ),
    (
        "style sheet printed as text",
        "<div>.ferry-card { margin: 0 !important; padding: 4px; } .ferry-card img { width: 100px; } @media (max-width: 600px) { .ferryHide { display: none; } }</div>",
    ),
    (
        "script inside svg",
        "<svg><script>ferrySvg(1, 2, 3);</script><text>ferrySvgText</text></svg>",
    ),
];

/// Words of the code above that are not words of the story.
fn markers(code: &str) -> Vec<&str> {
    code.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.starts_with("ferry") && w.len() > 5)
        .collect()
}

#[test]
fn code_beside_inside_and_after_the_story_stays_out() {
    for (what, code) in CODE {
        let places = [
            ("before", page(code, "", "")),
            ("inside", page("", code, "")),
            // An unclosed script swallows what follows, as in browsers: only test it last.
            ("after", page("", "", code)),
        ];
        for (place, html) in places {
            if what.contains("never closed") && place != "after" {
                continue;
            }
            let body = body_of(&html);
            assert!(
                body.contains(STORY) && body.contains(STORY2),
                "{what} {place}: the story is lost:\n{body}"
            );
            for m in markers(code) {
                assert!(
                    !body.contains(m),
                    "{what} {place}: {m:?} in the body:\n{body}"
                );
            }
            for sign in ["{", "}", "<%", "%>", "();", "function", "!important"] {
                assert!(
                    !body.contains(sign),
                    "{what} {place}: {sign:?} in the body:\n{body}"
                );
            }
        }
    }
}

#[test]
fn code_in_pre_is_a_programming_posts_own() {
    let code = "function ferrySum(xs) { let total = 0; for (const x of xs) { total += x; } return total; }";
    let html = page("", &format!("<pre><code>{code}</code></pre>"), "");
    let body = body_of(&html);
    assert!(body.contains(code) && body.contains(STORY), "{body}");
}

#[test]
fn a_page_of_scripts_around_a_short_story_gives_the_story() {
    // Many long scripts and a two-paragraph story: the scripts are more text than the story.
    let script = "<script>window.ferryQueue = window.ferryQueue || []; ferryQueue.push(function () \
                  { ferryLoad('slot-1', {sizes: [[300, 250], [728, 90]], targeting: {section: 'news'}}); });</script>";
    let mut html = String::from("<html><body><div class=\"wrap\">");
    for _ in 0..40 {
        html.push_str(script);
    }
    html.push_str(&page("", script, script));
    html.push_str("</div></body></html>");
    let body = body_of(&html);
    assert!(body.contains(STORY) && body.contains(STORY2), "{body}");
    for m in markers(script) {
        assert!(!body.contains(m), "{m:?} in the body:\n{body}");
    }
}

/// The text between each `<tag ...>` and `</tag>` in the raw page (an independent scan).
fn raw_elements<'a>(page: &'a str, lower: &str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}"));
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&open) {
        let start = from + i;
        let Some(gt) = lower[start..].find('>') else {
            break;
        };
        let content = start + gt + 1;
        let end = lower[content..]
            .find(&close)
            .map_or(lower.len(), |e| content + e);
        out.push(&page[content..end]);
        from = end;
    }
    out
}

/// Lines of code: long enough to be unique, with code punctuation, and not prose.
fn code_lines(code: &str) -> impl Iterator<Item = String> + '_ {
    code.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| {
            let letters = l.chars().filter(|c| c.is_alphabetic() || *c == ' ').count();
            l.len() >= 40
                && l.contains(['{', '}', ';', '='])
                && !l.contains('<')
                && (letters as f64) < 0.85 * l.chars().count() as f64
        })
}

#[test]
fn no_dev_page_has_code_in_its_body() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/html/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    let mut leaks = Vec::new();
    let mut checked = 0;
    for path in paths {
        let Ok(raw) = std::fs::read(&path) else {
            continue;
        };
        let mut bytes = Vec::new();
        if flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut bytes)
            .is_err()
        {
            bytes = raw;
        }
        let body = extract_page(&bytes, &PageHints::default()).body;
        let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
        let page = String::from_utf8_lossy(&bytes);
        let lower = page.to_ascii_lowercase();
        for tag in ["script", "style"] {
            for code in raw_elements(&page, &lower, tag) {
                for line in code_lines(code) {
                    checked += 1;
                    if body.contains(&line) {
                        leaks.push(format!("{}: {tag}: {line}", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        checked > 1000,
        "only {checked} lines of code were looked for"
    );
    assert!(leaks.is_empty(), "code in bodies:\n{}", leaks.join("\n"));
}
