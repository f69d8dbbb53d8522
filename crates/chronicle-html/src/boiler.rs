//! Which parts of a page are never main text: code, media, hidden elements, and the page's
//! furniture (navigation, footers, comments, share bars, related links, cookie banners, ads),
//! told by their tag, their ARIA role, or the words of their `id` and `class`.

use crate::dom::{Document, NodeId};
use crate::tags::Tag;

/// Class/id words that mark furniture only as a whole word of the name (`class="hidden"`).
#[rustfmt::skip]
const NEG_WHOLE: &[&str] = &[
    "hidden", "hide", "invisible", "sr-only", "screen-reader-text", "visually-hidden", "offscreen",
    "print", "meta", "tools", "tags", "email", "follow", "next", "prev", "previous", "jump", "skip",
    "bio", "author", "credit", "credits", "extra", "utility", "legal", "copyright", "disclaimer",
];

/// Class/id words that mark furniture as a piece of a dashed name (`block-menu-top`).
#[rustfmt::skip]
const NEG_PIECES: &[&str] = &[
    "nav", "navbar", "navigation", "menu", "menus", "submenu", "footer", "sidebar",
    "comment", "comments", "share", "sharing", "shares", "social", "related", "recommended",
    "newsletter", "newsletters", "subscribe", "subscription", "signup", "cookie", "cookies", "consent",
    "gdpr", "banner", "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor",
    "sponsored", "promo", "promos", "breadcrumb", "breadcrumbs", "pagination", "pager", "popup", "modal",
    "overlay", "toolbar", "rss", "tagcloud", "login", "masthead", "topbar", "outbrain", "taboola",
    "trending", "popular", "dfp", "disqus", "byline", "paywall", "shoutbox", "readmore", "sharebar",
];

/// Pieces of class/id names that mark furniture wherever they appear in a word.
#[rustfmt::skip]
const NEG_PARTS: &[&str] = &[
    "comment", "disqus", "sharedaddy", "addtoany", "a2a_", "outbrain", "taboola", "newsletter",
    "breadcrumb", "sidebar", "navbar", "advert", "sponsor", "subscri", "cookie", "gdpr", "consent",
    "relatedpost", "related-post", "related_post", "jp-relatedposts", "yarpp", "social", "share-",
    "sharing", "promo", "popular", "recommend", "mailchimp", "paywall", "byline",
    "author-bio", "authorbio", "author-box", "authorbox", "post-meta", "entry-meta", "article-meta",
    "tag-list", "taglist", "post-tags", "entry-tags", "article-tags", "readmore", "read-more",
    "more-from", "next-post", "prev-post", "post-nav", "pagination", "skip-link", "caption-credit",
    "image-credit", "photo-credit",
];

/// Name words that cancel the furniture reading (state classes on page wrappers).
fn is_state_word(w: &str) -> bool {
    w.starts_with("has-")
        || w.starts_with("with-")
        || w.starts_with("no-")
        || w.starts_with("show-")
        || w.starts_with("is-")
        || w.ends_with("-open")
        || w.ends_with("-closed")
        || w.ends_with("-enabled")
        || w.ends_with("-active")
        || w.starts_with("page-template")
        || w.starts_with("single")
        || w.starts_with("postid")
        || w.starts_with("wp-")
        || w.contains("layout")
}

/// Name words of the article's own container: they outweigh a furniture word in the same
/// name (`entry-content entry-content-read-more`).
fn is_content_word(w: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "entry-content",
        "post-content",
        "article-content",
        "article-body",
        "articlebody",
        "article__body",
        "story-body",
        "storybody",
        "post-body",
        "entry-body",
        "article-text",
        "story-content",
        "main-content",
    ];
    PREFIXES.iter().any(|p| w.starts_with(p)) && !w.contains("comment")
}

/// Whether an id/class string names page furniture.
pub fn is_furniture_name(id_class: &str) -> bool {
    for word in id_class.split(|c: char| c.is_whitespace()) {
        if word.is_empty() || is_state_word(word) {
            continue;
        }
        if NEG_WHOLE.contains(&word) || NEG_PARTS.iter().any(|p| word.contains(p)) {
            return true;
        }
        if word
            .split(['-', '_'])
            .any(|piece| NEG_PIECES.contains(&piece))
        {
            return true;
        }
    }
    false
}

/// Whether an id/class string names a comment section (`comments-area`, `disqus_thread`).
fn is_comments_name(id_class: &str) -> bool {
    id_class
        .split_whitespace()
        .any(|w| !is_state_word(w) && (w.contains("comment") || w.contains("disqus")))
}

/// Whether an ARIA role names furniture.
fn is_furniture_role(role: &str) -> bool {
    matches!(
        role.trim().to_ascii_lowercase().as_str(),
        "navigation"
            | "banner"
            | "contentinfo"
            | "complementary"
            | "search"
            | "menu"
            | "menubar"
            | "dialog"
            | "alert"
            | "alertdialog"
            | "toolbar"
            | "tablist"
    )
}

/// Marks the roots of subtrees that are never main text. `text_chars[id]` is the text size of
/// each subtree: a furniture name on an element that holds most of the page and its headline
/// is a wrapper's state class, not furniture, and is ignored. One that holds most of the text
/// but not the headline is furniture all the same: a short article above long comments or
/// a long list of teasers.
pub fn mark(doc: &Document, text_chars: &[usize]) -> Vec<bool> {
    mark_with(doc, text_chars, true)
}

/// Like [`mark`], but trusting only tags, roles and hiding, not class/id names (except those of
/// comment sections): the second try when names hid nearly everything (layouts named
/// `sidebar_content`).
pub fn mark_lenient(doc: &Document, text_chars: &[usize]) -> Vec<bool> {
    mark_with(doc, text_chars, false)
}

fn mark_with(doc: &Document, text_chars: &[usize], use_names: bool) -> Vec<bool> {
    let total = text_chars.first().copied().unwrap_or(0).max(1);
    let headline = first_headline(doc, text_chars);
    let mut skip = vec![false; doc.nodes.len()];
    for (i, node) in doc.nodes.iter().enumerate() {
        let tag = node.tag;
        if tag == Tag::Text || tag == Tag::Root {
            continue;
        }
        if tag.is_dropped() || node.hidden {
            skip[i] = true;
            continue;
        }
        let share = text_chars.get(i).copied().unwrap_or(0) as f64 / total as f64;
        if matches!(tag, Tag::Html | Tag::Body | Tag::Main) {
            continue;
        }
        let by_tag = match tag {
            Tag::Nav | Tag::Aside | Tag::Footer | Tag::Menu => share < 0.6,
            Tag::Form | Tag::Fieldset => share < 0.3,
            _ => false,
        };
        let id = i as NodeId;
        let wrapper = share >= 0.6 && headline.is_none_or(|h| id < h && h < node.end);
        let by_name = !wrapper
            && doc.node_attrs(id).is_some_and(|a| {
                let name = doc.span(a.id_class);
                if !use_names {
                    // Layout names may mislead (`sidebar_content`); a comment section's do not.
                    return is_comments_name(name);
                }
                let content = share >= 0.15 && name.split_whitespace().any(is_content_word);
                (is_furniture_name(name) && !content) || is_furniture_role(doc.span(a.role))
            });
        if by_tag || by_name {
            skip[i] = true;
        }
    }
    crate::teasers::mark(doc, &mut skip);
    skip
}

/// The page's first visible `<h1>` with text: the headline, which a page wrapper holds and
/// furniture (comments, teaser lists) does not.
fn first_headline(doc: &Document, text_chars: &[usize]) -> Option<NodeId> {
    doc.nodes
        .iter()
        .enumerate()
        .find(|(i, n)| n.tag == Tag::H1 && text_chars.get(*i).is_some_and(|&c| c >= 8))
        .map(|(i, _)| i as NodeId)
}

/// Text size (characters) of every subtree, not counting dropped or hidden parts.
pub fn text_sizes(doc: &Document) -> Vec<usize> {
    let n = doc.nodes.len();
    let mut size = vec![0usize; n];
    for i in (1..n).rev() {
        let node = &doc.nodes[i];
        if node.tag.is_dropped() || node.hidden {
            size[i] = 0;
            continue;
        }
        if node.tag == Tag::Text {
            let t = doc.span(node.text);
            size[i] = t.len() - t.bytes().filter(u8::is_ascii_whitespace).count();
        }
        let p = node.parent as usize;
        if p < i {
            size[p] += size[i];
        }
    }
    size
}
