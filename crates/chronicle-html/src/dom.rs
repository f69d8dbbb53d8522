//! The page as a tree, built without recursion from the tokens, with browsers' implicit closing.
//!
//! Nodes live in one vector in document order, so a node's index is its pre-order number and its
//! subtree is the index range `id..end`: walks are loops, never recursion, and 100,000 nested
//! tags cost no stack. Text and the few attributes that reading needs are kept in one buffer.
//! The `<head>` data (meta tags, canonical link, title, JSON-LD) is collected on the way.

use crate::entities;
use crate::tags::Tag;
use crate::tokenizer::{Attr, Token, Tokenizer};

/// Index of a node in [`Document::nodes`].
pub type NodeId = u32;

/// A span of [`Document::buf`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub len: u32,
}

/// One element or text node.
#[derive(Debug, Clone)]
pub struct Node {
    pub tag: Tag,
    pub parent: NodeId,
    /// One past the last node of this subtree.
    pub end: NodeId,
    /// Text of a text node (decoded), empty for elements.
    pub text: Span,
    /// Index into [`Document::attrs`], or `u32::MAX` when the element has none we keep.
    pub attrs: u32,
    /// Hidden by `hidden`, `aria-hidden="true"` or an inline `display:none`/`visibility:hidden`.
    pub hidden: bool,
    /// An `<a name>` or `<a id>` without `href`: a place to link to, not a link. (An `<a>`
    /// with neither is a script's button, and reads as a link.)
    pub anchor: bool,
    /// Hash of the lowercase name, to match end tags of [`Tag::Other`] elements.
    pub name_hash: u32,
}

/// The attributes that reading uses.
#[derive(Debug, Clone, Copy, Default)]
pub struct NodeAttrs {
    /// `id` and `class`, lowercased, separated by a space.
    pub id_class: Span,
    pub role: Span,
    pub itemprop: Span,
    pub datetime: Span,
}

/// What the page says about itself in tags rather than in text.
#[derive(Debug, Clone, Default)]
pub struct HeadData {
    /// `<meta>` tags: (lowercased name/property/itemprop/http-equiv, content).
    pub metas: Vec<(String, String)>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// `<title>`.
    pub title: Option<String>,
    /// Bodies of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
}

/// A parsed page.
#[derive(Debug, Default)]
pub struct Document {
    pub nodes: Vec<Node>,
    pub attrs: Vec<NodeAttrs>,
    pub buf: String,
    pub head: HeadData,
}

/// How far an end tag looks for its start tag among the open elements.
const END_TAG_REACH: usize = 256;

impl Document {
    /// Parses a page's text.
    pub fn parse(src: &str) -> Document {
        Builder::new(src.len()).run(src)
    }

    /// The text of a span of the buffer.
    pub fn span(&self, s: Span) -> &str {
        self.buf
            .get(s.start as usize..(s.start + s.len) as usize)
            .unwrap_or("")
    }

    /// The kept attributes of a node, if any.
    pub fn node_attrs(&self, id: NodeId) -> Option<&NodeAttrs> {
        self.attrs.get(self.nodes.get(id as usize)?.attrs as usize)
    }

    /// `id` and `class` of a node, lowercased ("" when absent).
    pub fn id_class(&self, id: NodeId) -> &str {
        self.node_attrs(id).map_or("", |a| self.span(a.id_class))
    }
}

/// Whether text read inside a script template is template code rather than page text.
fn is_template_code(text: &str) -> bool {
    ["<%", "%>", "{{", "}}", "${"]
        .iter()
        .any(|d| text.contains(d))
}

struct Builder {
    doc: Document,
    open: Vec<NodeId>,
    /// The raw-text element just opened (`title`, `script`), if its content is wanted.
    pending_raw: Option<RawKind>,
    /// Whether we are inside the markup of a `<script type="text/template">` already.
    in_template: bool,
}

#[derive(Clone, Copy)]
enum RawKind {
    Title,
    JsonLd,
    /// A script holding markup that the page renders (Blogger, some CMSs): read as HTML.
    Template,
}

impl Builder {
    fn new(len: usize) -> Self {
        let mut doc = Document {
            buf: String::with_capacity(len / 3),
            ..Document::default()
        };
        doc.nodes.push(Node {
            tag: Tag::Root,
            parent: 0,
            end: 1,
            text: Span::default(),
            attrs: u32::MAX,
            hidden: false,
            anchor: false,
            name_hash: 0,
        });
        Builder {
            doc,
            open: vec![0],
            pending_raw: None,
            in_template: false,
        }
    }

    fn run(mut self, src: &str) -> Document {
        self.feed(src);
        let len = self.doc.nodes.len() as NodeId;
        for id in self.open.drain(..) {
            self.doc.nodes[id as usize].end = len;
        }
        self.doc
    }

    fn feed(&mut self, src: &str) {
        let mut tok = Tokenizer::new(src);
        while let Some(t) = tok.next_token() {
            match t {
                Token::Start { name, self_closing } => self.start(name, self_closing, &tok.attrs),
                Token::End { name } => self.end(name),
                Token::Text(text) => self.text(text),
                Token::RawText(text) => self.raw(text),
                Token::Comment => {}
            }
        }
    }

    fn current(&self) -> NodeId {
        self.open.last().copied().unwrap_or(0)
    }

    fn tag_of(&self, id: NodeId) -> Tag {
        self.doc.nodes[id as usize].tag
    }

    fn push_node(
        &mut self,
        tag: Tag,
        text: Span,
        attrs: u32,
        hidden: bool,
        name_hash: u32,
    ) -> NodeId {
        let id = self.doc.nodes.len() as NodeId;
        let parent = self.current();
        self.doc.nodes.push(Node {
            tag,
            parent,
            end: id + 1,
            text,
            attrs,
            hidden,
            anchor: false,
            name_hash,
        });
        id
    }

    /// Closes open elements down to and including `depth`.
    fn pop_to(&mut self, depth: usize) {
        let len = self.doc.nodes.len() as NodeId;
        while self.open.len() > depth.max(1) {
            if let Some(id) = self.open.pop() {
                self.doc.nodes[id as usize].end = len;
            }
        }
    }

    /// Finds the depth of the nearest open element matching `want`, not crossing `stop`.
    fn find_open(&self, want: impl Fn(Tag) -> bool, stop: impl Fn(Tag) -> bool) -> Option<usize> {
        for depth in (1..self.open.len()).rev().take(END_TAG_REACH) {
            let tag = self.tag_of(self.open[depth]);
            if want(tag) {
                return Some(depth);
            }
            if stop(tag) {
                return None;
            }
        }
        None
    }

    fn implicit_close(&mut self, tag: Tag) {
        use Tag::*;
        if tag.closes_p()
            && let Some(d) = self.find_open(|t| t == P, |t| t.is_block() && t != P)
        {
            self.pop_to(d);
        }
        let found = match tag {
            Li => self.find_open(
                |t| t == Li,
                |t| matches!(t, Ul | Ol | Menu) || t.is_scope_boundary(),
            ),
            Dt | Dd => self.find_open(
                |t| matches!(t, Dt | Dd),
                |t| t == Dl || t.is_scope_boundary(),
            ),
            Tr => self.find_open(|t| t == Tr, |t| matches!(t, Table | Thead | Tbody | Tfoot)),
            Td | Th => self.find_open(|t| matches!(t, Td | Th), |t| matches!(t, Tr | Table)),
            Thead | Tbody | Tfoot => {
                self.find_open(|t| matches!(t, Thead | Tbody | Tfoot), |t| t == Table)
            }
            Option => self.find_open(|t| t == Option, |t| t != Option),
            H1 | H2 | H3 | H4 | H5 | H6 => {
                self.find_open(|t| t.heading_level().is_some(), |_| true)
            }
            A => self.find_open(|t| t == A, |t| t.is_block()),
            _ => None,
        };
        if let Some(d) = found {
            self.pop_to(d);
        }
    }

    fn start(&mut self, name: &str, self_closing: bool, attrs: &[Attr<'_>]) {
        let tag = Tag::from_name(name);
        match tag {
            Tag::Meta => return self.meta(attrs),
            Tag::Link => return self.link(attrs),
            Tag::Html | Tag::Body if self.open.len() > 1 => return,
            _ => {}
        }
        let script_type = || {
            attrs
                .iter()
                .find(|a| a.name.eq_ignore_ascii_case("type"))
                .map_or(String::new(), |a| a.value.to_ascii_lowercase())
        };
        if tag == Tag::Script && !self.in_template {
            // Only Blogger's `text/template` holds the article; Knockout's `text/html` and the
            // Handlebars/Underscore kinds hold widgets and code, and are dropped like scripts.
            if script_type().trim() == "text/template" {
                self.pending_raw = Some(RawKind::Template);
                return;
            }
        }
        self.implicit_close(tag);
        let (attr_idx, hidden) = self.keep_attrs(attrs);
        let hash = if tag == Tag::Other {
            name_hash(name)
        } else {
            0
        };
        let id = self.push_node(tag, Span::default(), attr_idx, hidden, hash);
        if tag == Tag::A {
            let has = |n: &str| attrs.iter().any(|a| a.name.eq_ignore_ascii_case(n));
            self.doc.nodes[id as usize].anchor = !has("href") && (has("name") || has("id"));
        }
        self.pending_raw = match tag {
            Tag::Title if self.doc.head.title.is_none() => Some(RawKind::Title),
            Tag::Script if script_type().contains("ld+json") => Some(RawKind::JsonLd),
            _ => None,
        };
        let raw = matches!(
            tag,
            Tag::Script | Tag::Style | Tag::Title | Tag::Textarea | Tag::Iframe | Tag::Noscript
        );
        let closed_at_once =
            self_closing && !raw && matches!(tag, Tag::Other | Tag::Custom | Tag::Svg);
        if !tag.is_void() && !closed_at_once {
            self.open.push(id);
        }
    }

    fn end(&mut self, name: &str) {
        let tag = Tag::from_name(name);
        match tag {
            Tag::Html | Tag::Body | Tag::Root => return,
            Tag::Br => {
                self.push_node(Tag::Br, Span::default(), u32::MAX, false, 0);
                return;
            }
            _ => {}
        }
        let hash = if tag == Tag::Other {
            name_hash(name)
        } else {
            0
        };
        let want =
            |t: Tag| t == tag || (tag.heading_level().is_some() && t.heading_level().is_some());
        let found = (1..self.open.len())
            .rev()
            .take(END_TAG_REACH)
            .find_map(|depth| {
                let id = self.open[depth];
                let node = &self.doc.nodes[id as usize];
                if want(node.tag) && node.name_hash == hash {
                    return Some(Some(depth));
                }
                if node.tag.is_scope_boundary()
                    && !matches!(tag, Tag::Table | Tag::Td | Tag::Th | Tag::Tr | Tag::Caption)
                {
                    return Some(None);
                }
                None
            });
        if let Some(Some(depth)) = found {
            self.pop_to(depth);
        }
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        // Template code (`<% ... %>`, `{{ ... }}`) in a reparsed template is not text.
        if self.in_template && is_template_code(raw) {
            return;
        }
        let decoded = entities::decode(raw, false);
        let start = self.doc.buf.len() as u32;
        self.doc.buf.push_str(&decoded);
        let span = Span {
            start,
            len: decoded.len() as u32,
        };
        // Adjacent text nodes merge (a lone '<' splits text into pieces).
        let current = self.current();
        if let Some(last) = self.doc.nodes.last_mut()
            && last.tag == Tag::Text
            && last.parent == current
            && last.text.start + last.text.len == start
        {
            last.text.len += span.len;
            return;
        }
        self.push_node(Tag::Text, span, u32::MAX, false, 0);
    }

    fn raw(&mut self, text: &str) {
        match self.pending_raw.take() {
            Some(RawKind::Title) => {
                let t = collapse(&entities::decode(text, false));
                if !t.is_empty() {
                    self.doc.head.title = Some(t);
                }
            }
            Some(RawKind::JsonLd) if self.doc.head.json_ld.len() < 16 => {
                self.doc.head.json_ld.push(text.to_string())
            }
            Some(RawKind::Template) => {
                self.in_template = true;
                self.feed(text);
                self.in_template = false;
            }
            _ => {}
        }
    }

    fn meta(&mut self, attrs: &[Attr<'_>]) {
        let mut key = None;
        let mut content = None;
        for a in attrs {
            let n = a.name;
            if ["name", "property", "itemprop", "http-equiv"]
                .iter()
                .any(|k| n.eq_ignore_ascii_case(k))
            {
                key.get_or_insert_with(|| a.value.trim().to_ascii_lowercase());
            } else if n.eq_ignore_ascii_case("content") {
                content = Some(a.value);
            }
        }
        if let (Some(k), Some(c)) = (key, content)
            && self.doc.head.metas.len() < 512
        {
            self.doc
                .head
                .metas
                .push((k, collapse(&entities::decode(c, true))));
        }
    }

    fn link(&mut self, attrs: &[Attr<'_>]) {
        let is_canonical = attrs.iter().any(|a| {
            a.name.eq_ignore_ascii_case("rel") && a.value.trim().eq_ignore_ascii_case("canonical")
        });
        if is_canonical
            && self.doc.head.canonical.is_none()
            && let Some(h) = attrs.iter().find(|a| a.name.eq_ignore_ascii_case("href"))
        {
            let href = entities::decode(h.value.trim(), true);
            if !href.is_empty() {
                self.doc.head.canonical = Some(href.into_owned());
            }
        }
    }

    /// Stores the attributes reading needs and says whether the element is hidden.
    fn keep_attrs(&mut self, attrs: &[Attr<'_>]) -> (u32, bool) {
        let mut kept = NodeAttrs::default();
        let mut any = false;
        let mut hidden = false;
        let mut id_class: [&str; 2] = ["", ""];
        for a in attrs {
            let name = a.name;
            let slot = if name.eq_ignore_ascii_case("id") {
                id_class[0] = a.value;
                continue;
            } else if name.eq_ignore_ascii_case("class") {
                id_class[1] = a.value;
                continue;
            } else if name.eq_ignore_ascii_case("role") {
                &mut kept.role
            } else if name.eq_ignore_ascii_case("itemprop") {
                &mut kept.itemprop
            } else if name.eq_ignore_ascii_case("datetime") || name.eq_ignore_ascii_case("content")
            {
                &mut kept.datetime
            } else if name.eq_ignore_ascii_case("title")
                && kept.datetime.len == 0
                && a.value.len() < 40
                && a.value.bytes().take(4).all(|b| b.is_ascii_digit())
            {
                // `<abbr class="published" title="2018-06-05T08:00:00">`: a machine date.
                &mut kept.datetime
            } else {
                if name.eq_ignore_ascii_case("hidden")
                    || (name.eq_ignore_ascii_case("aria-hidden")
                        && a.value.trim().eq_ignore_ascii_case("true"))
                    || (name.eq_ignore_ascii_case("style") && style_hides(a.value))
                {
                    hidden = true;
                }
                continue;
            };
            *slot = push_span(&mut self.doc.buf, a.value.trim());
            any = true;
        }
        if !id_class[0].is_empty() || !id_class[1].is_empty() {
            let joined = format!("{} {}", id_class[0], id_class[1]).to_ascii_lowercase();
            kept.id_class = push_span(&mut self.doc.buf, joined.trim());
            any = true;
        }
        if !any {
            return (u32::MAX, hidden);
        }
        self.doc.attrs.push(kept);
        (self.doc.attrs.len() as u32 - 1, hidden)
    }
}

fn push_span(buf: &mut String, s: &str) -> Span {
    let start = buf.len() as u32;
    buf.push_str(s);
    Span {
        start,
        len: s.len() as u32,
    }
}

/// Whether an inline style hides the element.
fn style_hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

fn name_hash(name: &str) -> u32 {
    name.bytes().fold(2_166_136_261u32, |h, b| {
        (h ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(16_777_619)
    }) | 1
}

/// Collapses runs of whitespace to one space and trims.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
