//! Lists of teasers: the "next post", "more stories" and "look at other entries" blocks that
//! sites print after (or beside) an article. Each teaser is a headline that links to another
//! page, often with a paragraph of that page's start; the list is several such blocks side by
//! side, built from one template (same tag, same class).
//!
//! Their paragraphs are prose, so the container vote and the link density do not tell them
//! from the article, and the list is often longer than a short article. What tells them is
//! the structure: three or more sibling elements of one tag and class, each led by a heading
//! that is a link. An article's own sections have headings that link nowhere.

use std::collections::HashMap;

use crate::dom::{Document, NodeId};
use crate::tags::Tag;

/// Teasers of one list, at least: fewer siblings of one template are not a list.
const MIN_TEASERS: usize = 3;

/// How many levels above a linked heading its teaser element may sit.
const TEASER_DEPTH: usize = 3;

/// Marks the elements that are teasers of a list (each one's subtree is never main text).
pub fn mark(doc: &Document, skip: &mut [bool]) {
    let n = doc.nodes.len();
    // Elements that hold a linked heading near their top.
    let mut leads = vec![false; n];
    let mut any = false;
    for (i, node) in doc.nodes.iter().enumerate() {
        if node.tag.heading_level().is_some() && is_linked(doc, i as NodeId) {
            any = true;
            let mut id = node.parent;
            for _ in 0..TEASER_DEPTH {
                if id == 0 {
                    break;
                }
                leads[id as usize] = true;
                id = doc.nodes[id as usize].parent;
            }
        }
    }
    if !any {
        return;
    }
    // Led elements grouped by parent, tag and class; then the whole group counted among the
    // parent's children (only parents with enough led children are walked).
    let mut led: HashMap<(NodeId, Tag, &str), usize> = HashMap::new();
    for (i, node) in doc.nodes.iter().enumerate() {
        if leads[i] && is_container(node.tag) && node.parent != 0 {
            *led.entry((node.parent, node.tag, doc.id_class(i as NodeId)))
                .or_default() += 1;
        }
    }
    for (&(parent, tag, class), &count) in &led {
        if count < MIN_TEASERS {
            continue;
        }
        let siblings = children(doc, parent)
            .filter(|&c| doc.nodes[c as usize].tag == tag && doc.id_class(c) == class)
            .count();
        if count * 3 < siblings * 2 {
            continue;
        }
        for c in children(doc, parent) {
            let matches = doc.nodes[c as usize].tag == tag && doc.id_class(c) == class;
            if matches
                && leads[c as usize]
                && !holds_h1(doc, c)
                && let Some(s) = skip.get_mut(c as usize)
            {
                *s = true;
            }
        }
    }
}

/// The element children of a node, in order.
fn children(doc: &Document, parent: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    let end = doc.nodes.get(parent as usize).map_or(0, |p| p.end);
    let mut id = parent + 1;
    std::iter::from_fn(move || {
        while id < end {
            let c = id;
            id = doc.nodes[c as usize].end.max(c + 1);
            if doc.nodes[c as usize].tag != Tag::Text {
                return Some(c);
            }
        }
        None
    })
}

/// Elements a teaser is built of.
fn is_container(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Div | Tag::Li | Tag::Article | Tag::Section | Tag::Custom | Tag::Dd | Tag::Dt
    )
}

/// Whether most of a heading's text is inside links (or the heading is inside one).
fn is_linked(doc: &Document, heading: NodeId) -> bool {
    let Some(h) = doc.nodes.get(heading as usize) else {
        return false;
    };
    let parent = h.parent as usize;
    if doc
        .nodes
        .get(parent)
        .is_some_and(|p| p.tag == Tag::A && !p.anchor)
    {
        return true;
    }
    let (mut text, mut linked) = (0usize, 0usize);
    let mut link_until = 0;
    for id in heading + 1..h.end {
        let node = &doc.nodes[id as usize];
        if node.tag == Tag::A && !node.anchor {
            link_until = link_until.max(node.end);
        } else if node.tag == Tag::Text {
            let chars = doc.span(node.text).trim().chars().count();
            text += chars;
            if id < link_until {
                linked += chars;
            }
        }
    }
    text > 0 && linked * 10 >= text * 7
}

/// Whether the element holds an `<h1>`: the page's own headline is no teaser.
fn holds_h1(doc: &Document, id: NodeId) -> bool {
    let end = doc.nodes[id as usize].end;
    (id + 1..end).any(|i| doc.nodes[i as usize].tag == Tag::H1)
}
