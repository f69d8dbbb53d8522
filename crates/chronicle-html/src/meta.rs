//! What a page says about itself: title, description, dates, author, site, section, canonical
//! URL and image credit, from meta tags, JSON-LD, microdata, `<time>` elements and the URL.

use jiff::civil::Date;
use serde_json::Value;

use crate::dates;
use crate::dom::{Document, HeadData, NodeId, collapse};
use crate::tags::Tag;

/// Metadata found on a page (the body is found elsewhere).
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub description: Option<String>,
    pub published: Option<Date>,
    pub author: Option<String>,
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub image_credit: Option<String>,
    /// JSON-LD `articleBody`: the text of pages that render their article with scripts.
    pub article_body: Option<String>,
}

/// Meta keys holding the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "published_time",
    "og:published_time",
    "article.published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "rnews:datepublished",
    "date",
    "article_date_original",
    "publication_date",
    "date_published",
    "created",
    "og:pubdate",
    "cxenseparse:recs:publishtime",
    "shareaholic:article_published_time",
    "bt:pubdate",
    "nv:date",
    "eomportal-lastupdate",
];
/// Meta keys holding a later (modified) date: a last resort.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
];

/// Collects the metadata of a parsed page; `skip` marks furniture (whose `<time>`s are not the
/// article's), `url` is where the page came from.
pub fn extract(doc: &Document, skip: &[bool], url: Option<&str>) -> Meta {
    let head = &doc.head;
    let ld = json_ld(head);
    let ld_str = |key: &str| ld.iter().find_map(|v| string_of(v.get(key)?));
    let title = first_meta(head, &["og:title", "twitter:title"])
        .or_else(|| ld_str("headline"))
        .or_else(|| head.title.clone())
        .or_else(|| first_text(doc, skip, |t| t == Tag::H1));
    let description = first_meta(
        head,
        &[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
        ],
    )
    .or_else(|| ld_str("description"));
    let author = first_meta(
        head,
        &[
            "author",
            "article:author",
            "dc.creator",
            "byl",
            "parsely-author",
            "sailthru.author",
        ],
    )
    .filter(|a| !a.starts_with("http"))
    .or_else(|| ld.iter().find_map(|v| person_name(v.get("author")?)))
    .or_else(|| itemprop_text(doc, "author"))
    .map(|a| {
        a.trim_start_matches("By ")
            .trim_start_matches("by ")
            .to_string()
    });
    let canonical_url = head
        .canonical
        .clone()
        .or_else(|| first_meta(head, &["og:url"]))
        .or_else(|| url.map(str::to_string));
    let site_name = first_meta(head, &["og:site_name", "application-name", "twitter:site"])
        .or_else(|| ld.iter().find_map(|v| person_name(v.get("publisher")?)));
    let section = first_meta(
        head,
        &["article:section", "section", "category", "parsely-section"],
    )
    .or_else(|| ld_str("articleSection"));
    let image_credit = first_meta(head, &["image:credit", "og:image:credit", "dc.rights"])
        .or_else(|| {
            ld.iter()
                .find_map(|v| person_name(v.get("image")?.get("author")?))
        })
        .or_else(|| credit_text(doc));
    let published = publication_date(doc, skip, &ld, url);
    let article_body = ld
        .iter()
        .find_map(|v| v.get("articleBody")?.as_str().map(str::to_string));
    Meta {
        article_body,
        title,
        description,
        published,
        author,
        canonical_url,
        site_name,
        section,
        image_credit,
    }
}

fn first_meta(head: &HeadData, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        head.metas
            .iter()
            .find(|(name, v)| name == k && !v.is_empty())
            .map(|(_, v)| v.clone())
    })
}

fn publication_date(
    doc: &Document,
    skip: &[bool],
    ld: &[Value],
    url: Option<&str>,
) -> Option<Date> {
    let head = &doc.head;
    let from_meta = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            head.metas
                .iter()
                .filter(|(n, _)| n == k)
                .find_map(|(_, v)| Some((dates::parse(v)?, v.as_str())))
        })
    };
    let declared = ld
        .iter()
        .find_map(|v| {
            let raw = v.get("datePublished")?.as_str()?;
            Some((dates::parse(raw)?, raw))
        })
        .or_else(|| from_meta(DATE_KEYS));
    if let Some((date, raw)) = declared {
        // A UTC timestamp may fall on the next or previous day of the publisher's calendar: the
        // date printed on the page, when one day apart, is the local one.
        if is_utc_time(raw) {
            let shown = time_element(doc, skip).or_else(|| dated_text(doc, skip));
            if let Some(local) = shown.filter(|s| s != &date)
                && (local - date).get_days().abs() == 1
            {
                return Some(local);
            }
        }
        return Some(date);
    }
    itemprop_date(doc, "datepublished")
        .or_else(|| time_element(doc, skip))
        .or_else(|| url.and_then(dates::from_url))
        .or_else(|| {
            ld.iter()
                .find_map(|v| dates::parse(v.get("dateCreated")?.as_str()?))
        })
        .or_else(|| dated_text(doc, skip))
        .or_else(|| announced_date(doc))
        .or_else(|| {
            ld.iter()
                .find_map(|v| dates::parse(v.get("dateModified")?.as_str()?))
        })
        .or_else(|| from_meta(MODIFIED_KEYS).map(|(d, _)| d))
}

/// The JSON-LD objects of a page, flattened (arrays and `@graph` opened), articles first.
fn json_ld(head: &HeadData) -> Vec<Value> {
    let mut out = Vec::new();
    for raw in &head.json_ld {
        let Ok(v) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            if out.len() >= 64 {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.into_iter().rev()),
                Value::Object(mut map) => {
                    if let Some(graph) = map.remove("@graph") {
                        stack.push(graph);
                    }
                    out.push(Value::Object(map));
                }
                _ => {}
            }
        }
    }
    let is_article = |v: &Value| {
        let t = v.get("@type").map(|t| t.to_string()).unwrap_or_default();
        t.contains("Article") || t.contains("Posting") || t.contains("Report")
    };
    out.sort_by_key(|v| !is_article(v));
    out
}

fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(string_of),
        _ => None,
    }
}

/// `"author": "Name"`, `{"name": ...}` or a list of those (names joined by ", ").
fn person_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty() && !s.starts_with("http")),
        Value::Object(m) => m.get("name").and_then(string_of),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(person_name).take(8).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// The text of a subtree, collapsed, limited to a few hundred characters.
fn subtree_text(doc: &Document, id: NodeId) -> String {
    let Some(node) = doc.nodes.get(id as usize) else {
        return String::new();
    };
    let mut out = String::new();
    let mut i = id + 1;
    while i < node.end && out.len() < 400 {
        let n = &doc.nodes[i as usize];
        if n.tag.is_dropped() || n.hidden {
            i = n.end.max(i + 1);
            continue;
        }
        if n.tag == Tag::Text {
            out.push_str(doc.span(n.text));
            out.push(' ');
        }
        i += 1;
    }
    collapse(&out)
}

fn first_text(doc: &Document, skip: &[bool], want: impl Fn(Tag) -> bool) -> Option<String> {
    let id = (0..doc.nodes.len())
        .find(|&i| want(doc.nodes[i].tag) && !skip.get(i).copied().unwrap_or(false))?;
    Some(subtree_text(doc, id as NodeId)).filter(|t| !t.is_empty())
}

fn itemprop_nodes<'d>(doc: &'d Document, prop: &'d str) -> impl Iterator<Item = NodeId> + 'd {
    (0..doc.nodes.len() as NodeId).filter(move |&id| {
        doc.node_attrs(id)
            .is_some_and(|a| doc.span(a.itemprop).eq_ignore_ascii_case(prop))
    })
}

fn itemprop_text(doc: &Document, prop: &str) -> Option<String> {
    itemprop_nodes(doc, prop)
        .find_map(|id| Some(subtree_text(doc, id)).filter(|t| !t.is_empty() && t.len() < 100))
}

fn itemprop_date(doc: &Document, prop: &str) -> Option<Date> {
    itemprop_nodes(doc, prop).find_map(|id| {
        let attr = doc
            .node_attrs(id)
            .map(|a| doc.span(a.datetime))
            .unwrap_or("");
        dates::parse(attr).or_else(|| dates::parse(&subtree_text(doc, id)))
    })
}

/// The first `<time datetime>` outside furniture, preferring one marked as the publication time.
fn time_element(doc: &Document, skip: &[bool]) -> Option<Date> {
    let mut first = None;
    let mut id = 0usize;
    while id < doc.nodes.len() {
        let node = &doc.nodes[id];
        if skip.get(id).copied().unwrap_or(false) && !is_dateish(doc.id_class(id as NodeId)) {
            id = (node.end as usize).max(id + 1);
            continue;
        }
        if node.tag == Tag::Time {
            let attr = doc
                .node_attrs(id as NodeId)
                .map(|a| doc.span(a.datetime))
                .unwrap_or("");
            let date = dates::parse(attr);
            let class = doc.id_class(id as NodeId);
            if date.is_some()
                && (class.contains("publish")
                    || class.contains("posted")
                    || class.contains("created"))
            {
                return date;
            }
            if first.is_none() && !class.contains("update") && !class.contains("modif") {
                first = date;
            }
        }
        id += 1;
    }
    first
}

fn is_dateish(id_class: &str) -> bool {
    ["date", "time", "publish", "posted", "byline", "meta"]
        .iter()
        .any(|w| id_class.contains(w))
}

/// A date written in an element whose class says it is a date or byline.
fn dated_text(doc: &Document, skip: &[bool]) -> Option<Date> {
    (0..doc.nodes.len()).find_map(|i| {
        let class = doc.id_class(i as NodeId);
        if class.is_empty()
            || !is_dateish(class)
            || class.contains("update")
            || class.contains("modif")
        {
            return None;
        }
        if skip.get(i).copied().unwrap_or(false) && !is_dateish(class) {
            return None;
        }
        let text = subtree_text(doc, i as NodeId);
        (text.len() < 200).then(|| dates::parse(&text)).flatten()
    })
}

/// A photo credit printed on the page (`class="credit"` and the like).
fn credit_text(doc: &Document) -> Option<String> {
    (0..doc.nodes.len()).find_map(|i| {
        let class = doc.id_class(i as NodeId);
        if !class.contains("credit") {
            return None;
        }
        let text = subtree_text(doc, i as NodeId);
        (!text.is_empty() && text.len() < 120).then_some(text)
    })
}

/// A date announced in running text ("Posted on 4 May 2019", "last edited 2019-11-10"),
/// anywhere on the page: the last resort before modified dates.
fn announced_date(doc: &Document) -> Option<Date> {
    const CUES: &[&str] = &[
        "published",
        "posted",
        "edited",
        "modified",
        "updated",
        "written",
    ];
    let texts: Vec<usize> = (0..doc.nodes.len())
        .filter(|&i| doc.nodes[i].tag == Tag::Text)
        .collect();
    for (k, &i) in texts.iter().enumerate() {
        let text = doc.span(doc.nodes[i].text);
        if text.len() > 300 {
            continue;
        }
        let lower = text.to_ascii_lowercase();
        if !CUES.iter().any(|c| lower.contains(c)) {
            continue;
        }
        let mut window = text.to_string();
        for &j in texts.iter().skip(k + 1).take(3) {
            window.push(' ');
            window.push_str(doc.span(doc.nodes[j].text));
        }
        let window: String = window.chars().take(200).collect();
        if let Some(d) = dates::parse(&window) {
            return Some(d);
        }
    }
    None
}

/// Whether a timestamp has a time of day in UTC (`...T02:25:54Z`, `+00:00`).
fn is_utc_time(raw: &str) -> bool {
    let raw = raw.trim();
    raw.contains(':') && (raw.ends_with('Z') || raw.ends_with("+00:00") || raw.ends_with("+0000"))
}
