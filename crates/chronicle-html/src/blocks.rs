//! The page's visible text as a flat list of blocks (paragraphs, headings, list items, ...).
//!
//! One loop over the nodes in document order: a block element starts and ends a block, inline
//! elements add to it, `<br>` breaks a line, whitespace collapses except in `<pre>`. Each block
//! remembers the element that holds it and how much of its text is link text, which is what the
//! main-text choice works from.

use crate::dom::{Document, NodeId};
use crate::tags::Tag;

/// What kind of paragraph a block is, from the element that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    Heading(u8),
    ListItem,
    Preformatted,
    Quote,
    Cell,
    Caption,
    /// Text directly in a container (`div`, `section`, ...).
    Loose,
}

/// One paragraph of visible text.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    /// Characters of the text inside links.
    pub link_chars: usize,
    /// Characters of the text (not bytes).
    pub chars: usize,
    /// The innermost block element holding the text.
    pub owner: NodeId,
    pub kind: Kind,
}

/// Collects the blocks of the subtree of the root, skipping nodes where `skip[id]` is true.
pub fn collect(doc: &Document, skip: &[bool]) -> Vec<Block> {
    let mut w = Walker {
        doc,
        blocks: Vec::new(),
        buf: String::new(),
        link_chars: 0,
        chars: 0,
        owner: 0,
    };
    // Open elements that matter: (end, tag, id).
    let mut open: Vec<(NodeId, Tag, NodeId)> = Vec::new();
    let mut link_until: NodeId = 0;
    let mut pre_until: NodeId = 0;
    let n = doc.nodes.len() as NodeId;
    let mut id: NodeId = 1;
    while id < n {
        while let Some(&(end, tag, _)) = open.last() {
            if end > id {
                break;
            }
            open.pop();
            if tag.is_block() {
                w.flush(&open);
            }
        }
        let node = &doc.nodes[id as usize];
        if skip.get(id as usize).copied().unwrap_or(false) {
            id = node.end.max(id + 1);
            continue;
        }
        match node.tag {
            Tag::Text => {
                let text = doc.span(node.text);
                w.owner = owner_of(&open);
                w.push_text(text, id < link_until, id < pre_until);
            }
            Tag::Br => w.push_break(),
            Tag::Hr => w.flush(&open),
            tag => {
                if tag.is_block() {
                    w.flush(&open);
                }
                if tag == Tag::A && !node.anchor {
                    link_until = link_until.max(node.end);
                }
                if tag == Tag::Pre {
                    pre_until = pre_until.max(node.end);
                }
                if tag == Tag::Img {
                    // Images have no text; nothing to add.
                } else if node.end > id + 1 {
                    open.push((node.end, tag, id));
                }
            }
        }
        id += 1;
    }
    open.clear();
    w.flush(&open);
    w.blocks
}

fn owner_of(open: &[(NodeId, Tag, NodeId)]) -> NodeId {
    open.iter()
        .rev()
        .find(|(_, t, _)| t.is_block())
        .map_or(0, |&(_, _, id)| id)
}

struct Walker<'d> {
    doc: &'d Document,
    blocks: Vec<Block>,
    buf: String,
    link_chars: usize,
    chars: usize,
    owner: NodeId,
}

impl Walker<'_> {
    fn push_text(&mut self, text: &str, in_link: bool, in_pre: bool) {
        let before = self.chars;
        if in_pre {
            for c in text.chars() {
                let c = if c == '\r' { '\n' } else { c };
                self.buf.push(c);
                self.chars += 1;
            }
        } else {
            let mut pending_space = text.starts_with(|c: char| c.is_whitespace());
            for word in text.split_whitespace() {
                if pending_space && !self.buf.is_empty() && !self.buf.ends_with([' ', '\n']) {
                    self.buf.push(' ');
                    self.chars += 1;
                }
                self.buf.push_str(word);
                self.chars += word.chars().count();
                pending_space = true;
            }
            if text.ends_with(|c: char| c.is_whitespace())
                && !self.buf.is_empty()
                && !self.buf.ends_with([' ', '\n'])
            {
                self.buf.push(' ');
                self.chars += 1;
            }
        }
        if in_link {
            self.link_chars += self.chars - before;
        }
    }

    fn push_break(&mut self) {
        while self.buf.ends_with(' ') {
            self.buf.pop();
            self.chars -= 1;
        }
        if !self.buf.is_empty() {
            self.buf.push('\n');
            self.chars += 1;
        }
    }

    fn flush(&mut self, open: &[(NodeId, Tag, NodeId)]) {
        let text = self.buf.trim();
        if !text.is_empty() {
            let trimmed_chars = text.chars().count();
            let owner = if self.owner == 0 {
                owner_of(open)
            } else {
                self.owner
            };
            let kind = kind_of(self.doc, owner);
            if kind != Kind::Preformatted && crate::code::looks_like_code(text) {
                // Script or style sheet shown as text (an escaped embed): never page text.
                self.buf.clear();
                self.link_chars = 0;
                self.chars = 0;
                self.owner = 0;
                return;
            }
            let text = if kind == Kind::Preformatted {
                text.to_string()
            } else {
                tidy_lines(text)
            };
            self.blocks.push(Block {
                text,
                link_chars: self.link_chars.min(trimmed_chars),
                chars: trimmed_chars,
                owner,
                kind,
            });
        }
        self.buf.clear();
        self.link_chars = 0;
        self.chars = 0;
        self.owner = 0;
    }
}

/// Trims each line and drops empty ones (from `<br>` runs).
fn tidy_lines(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_string();
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// The kind of a block from its owner and the owner's nearest ancestors.
fn kind_of(doc: &Document, owner: NodeId) -> Kind {
    let mut id = owner;
    for _ in 0..4 {
        let Some(node) = doc.nodes.get(id as usize) else {
            break;
        };
        match node.tag {
            Tag::Pre => return Kind::Preformatted,
            Tag::Blockquote => return Kind::Quote,
            Tag::Li | Tag::Dd | Tag::Dt => return Kind::ListItem,
            Tag::Td | Tag::Th => return Kind::Cell,
            Tag::Figcaption => return Kind::Caption,
            Tag::Caption => return Kind::Cell,
            t => {
                if let Some(l) = t.heading_level() {
                    return Kind::Heading(l);
                }
                if t == Tag::P && id == owner {
                    return Kind::Paragraph;
                }
            }
        }
        if id == 0 {
            break;
        }
        id = node.parent;
    }
    if doc
        .nodes
        .get(owner as usize)
        .is_some_and(|n| n.tag == Tag::P)
    {
        Kind::Paragraph
    } else {
        Kind::Loose
    }
}
