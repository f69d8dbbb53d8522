//! Choosing the article among the blocks: which container holds the main text, and which of its
//! blocks are paragraphs of the article rather than leftovers (link lists, share prompts).
//!
//! The container is found as Readability does, with ideas of our own: each substantial
//! paragraph gives points to its parent and, less, to its further ancestors (more for longer
//! text and more commas); a container's points are scaled by its share of non-link text and
//! weighted by the words of its class and id. The best container wins, joined by siblings that
//! score nearly as well (articles split over several wrappers).

use crate::blocks::{Block, Kind};
use crate::dom::{Document, NodeId};
use crate::tags::Tag;

/// Class/id pieces that suggest a container of the article.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "prose",
    "rich-text",
    "richtext",
];
/// Class/id pieces that suggest a container of something else.
const NEGATIVE: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "teaser",
    "card",
    "list",
    "nav",
    "menu",
    "footer",
    "header",
];

/// Per-node sums over the blocks inside it.
struct Stats {
    score: Vec<f64>,
    scored: Vec<bool>,
    chars: Vec<usize>,
    link_chars: Vec<usize>,
    /// Text value of the subtree: article-like text counts for, link text counts against.
    value: Vec<f64>,
}

/// The blocks of the main text, in order.
pub fn select<'b>(doc: &Document, blocks: &'b [Block]) -> Vec<&'b Block> {
    let stats = score(doc, blocks);
    let Some(top) = best_candidate(doc, &stats) else {
        return blocks.iter().filter(|b| keep_block(b)).collect();
    };
    let top = climb(doc, &stats, top);
    let roots = with_siblings(doc, &stats, top);
    blocks
        .iter()
        .filter(|b| roots.iter().any(|&r| within(doc, r, b.owner)))
        .filter(|b| keep_block(b))
        .collect()
}

fn within(doc: &Document, root: NodeId, id: NodeId) -> bool {
    doc.nodes
        .get(root as usize)
        .is_some_and(|r| root <= id && id < r.end)
}

fn class_weight(doc: &Document, id: NodeId) -> f64 {
    let name = doc.id_class(id);
    if name.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if NEGATIVE.iter().any(|p| name.contains(p)) {
        w -= 25.0;
    }
    if POSITIVE.iter().any(|p| name.contains(p)) {
        w += 25.0;
    }
    w
}

fn tag_weight(tag: Tag) -> f64 {
    use Tag::*;
    match tag {
        Div | Article | Main | Section | Custom => 5.0,
        Pre | Td | Blockquote => 3.0,
        Address | Ol | Ul | Dl | Dd | Dt | Li | Form => -3.0,
        H1 | H2 | H3 | H4 | H5 | H6 | Th => -5.0,
        _ => 0.0,
    }
}

fn score(doc: &Document, blocks: &[Block]) -> Stats {
    let n = doc.nodes.len();
    let mut st = Stats {
        score: vec![0.0; n],
        scored: vec![false; n],
        chars: vec![0; n],
        link_chars: vec![0; n],
        value: vec![0.0; n],
    };
    for b in blocks {
        if let Some(c) = st.chars.get_mut(b.owner as usize) {
            *c += b.chars;
            st.link_chars[b.owner as usize] += b.link_chars;
            st.value[b.owner as usize] += block_value(b);
        }
        if !matches!(
            b.kind,
            Kind::Paragraph | Kind::Loose | Kind::Preformatted | Kind::Quote | Kind::Cell
        ) || b.chars < 25
            || link_density(b.link_chars, b.chars) > 0.5
        {
            continue;
        }
        let commas = b.text.matches([',', '\u{ff0c}', '\u{3001}']).count() as f64;
        let points = 1.0 + commas + (b.chars as f64 / 100.0).min(3.0);
        let mut id = b.owner;
        for level in 0..5 {
            let Some(node) = doc.nodes.get(id as usize) else {
                break;
            };
            let parent = node.parent;
            if id == 0 || matches!(doc.nodes[parent as usize].tag, Tag::Root | Tag::Html) {
                break;
            }
            let p = parent as usize;
            if !st.scored[p] {
                st.scored[p] = true;
                st.score[p] = tag_weight(doc.nodes[p].tag) + class_weight(doc, parent);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => f64::from(l) * 3.0,
            };
            st.score[p] += points / divider;
            id = parent;
        }
    }
    for i in (1..n).rev() {
        let p = doc.nodes[i].parent as usize;
        if p < i {
            st.chars[p] += st.chars[i];
            st.link_chars[p] += st.link_chars[i];
            st.value[p] += st.value[i];
        }
    }
    for i in 0..n {
        if st.scored[i] {
            st.score[i] *= 1.0 - link_density(st.link_chars[i], st.chars[i]);
        }
    }
    st
}

fn link_density(link: usize, chars: usize) -> f64 {
    if chars == 0 {
        0.0
    } else {
        link as f64 / chars as f64
    }
}

fn best_candidate(doc: &Document, st: &Stats) -> Option<NodeId> {
    let mut best: Option<(NodeId, f64)> = None;
    for (i, &s) in st.score.iter().enumerate() {
        if st.scored[i] && doc.nodes[i].tag != Tag::Body && best.is_none_or(|(_, b)| s > b) {
            best = Some((i as NodeId, s));
        }
    }
    best.map(|(id, _)| id)
}

/// Moves up from the top candidate while an ancestor scores better, or when several strong
/// candidates share an ancestor (the article is split across them).
fn climb(doc: &Document, st: &Stats, top: NodeId) -> NodeId {
    let top_score = st.score[top as usize];
    let alternatives: Vec<NodeId> = (0..st.score.len())
        .filter(|&i| i as NodeId != top && st.scored[i] && st.score[i] >= top_score * 0.75)
        .map(|i| i as NodeId)
        .collect();
    let mut cand = top;
    if alternatives.len() >= 3 {
        let mut anc = doc.nodes[top as usize].parent;
        while anc != 0 && doc.nodes[anc as usize].tag != Tag::Body {
            let holds = alternatives
                .iter()
                .filter(|&&a| within(doc, anc, a))
                .count();
            if holds >= 3 {
                cand = anc;
                break;
            }
            anc = doc.nodes[anc as usize].parent;
        }
    }
    // An ancestor with a clearly better score is the container.
    let mut last = st.score[cand as usize];
    let threshold = last / 3.0;
    let mut parent = doc.nodes[cand as usize].parent;
    while parent != 0 && doc.nodes[parent as usize].tag != Tag::Body {
        let p = parent as usize;
        if !st.scored[p] {
            parent = doc.nodes[p].parent;
            continue;
        }
        if st.score[p] < threshold {
            break;
        }
        if st.score[p] > last {
            cand = parent;
            break;
        }
        last = st.score[p];
        parent = doc.nodes[p].parent;
    }
    // An ancestor that adds much article-like text holds the rest of the article (a letter
    // split around a table, a lede outside the body wrapper).
    let mut best = cand;
    let mut anc = doc.nodes[cand as usize].parent;
    while anc != 0
        && !matches!(
            doc.nodes[anc as usize].tag,
            Tag::Body | Tag::Html | Tag::Root
        )
    {
        let (va, vb) = (st.value[anc as usize], st.value[best as usize]);
        if va >= vb + (0.15 * vb).max(150.0) {
            best = anc;
        }
        anc = doc.nodes[anc as usize].parent;
    }
    best
}

/// What a block adds to a container: its non-link text, less three times its link text; short
/// link-free lines (datelines, labels) are neutral.
fn block_value(b: &Block) -> f64 {
    let link = b.link_chars as f64;
    let text = b.chars as f64 - link;
    if b.link_chars == 0 && b.chars < 30 {
        return 0.0;
    }
    text - 3.0 * link
}

/// The container and those of its siblings that also look like parts of the article.
fn with_siblings(doc: &Document, st: &Stats, top: NodeId) -> Vec<NodeId> {
    let parent = doc.nodes[top as usize].parent;
    if top == 0 || parent == 0 {
        return vec![top];
    }
    let top_score = st.score[top as usize];
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = doc.id_class(top);
    let mut roots = Vec::new();
    let end = doc.nodes[parent as usize].end;
    let mut id = parent + 1;
    while id < end {
        let node = &doc.nodes[id as usize];
        let i = id as usize;
        let keep = if id == top {
            true
        } else {
            let bonus = if !top_class.is_empty() && doc.id_class(id) == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            let ld = link_density(st.link_chars[i], st.chars[i]);
            (st.scored[i] && st.score[i] + bonus >= threshold)
                || (node.tag == Tag::P && st.chars[i] > 80 && ld < 0.25)
        };
        if keep {
            roots.push(id);
        }
        id = node.end.max(id + 1);
    }
    roots
}

/// Whether a block inside the chosen container is article text.
fn keep_block(b: &Block) -> bool {
    let ld = link_density(b.link_chars, b.chars);
    if b.kind == Kind::Preformatted {
        return true;
    }
    if crate::prompts::is_prompt(&b.text) {
        return false;
    }
    if ld > 0.5 {
        return false;
    }
    if b.kind == Kind::ListItem && ld > 0.3 {
        return false;
    }
    true
}
