//! Element kinds and what each means for reading: void, dropped, block or inline.

/// The elements the reader tells apart; everything else is [`Tag::Other`].
#[rustfmt::skip]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// The root of the tree (not an element of the page).
    Root,
    /// A text node.
    Text,
    Html, Head, Body, Title, Meta, Link, Base,
    Script, Style, Noscript, Template, Svg, Math, Iframe, Object, Embed, Canvas, Video, Audio,
    Select, Option, Button, Textarea, Input, Form, Label, Fieldset, Legend, Dialog,
    Nav, Footer, Header, Aside, Main, Article, Section, Div, P, Center, Address, Hgroup,
    H1, H2, H3, H4, H5, H6,
    Ul, Ol, Li, Dl, Dt, Dd, Menu,
    Table, Thead, Tbody, Tfoot, Tr, Td, Th, Caption,
    Blockquote, Pre, Code, Figure, Figcaption, Picture, Details, Summary,
    Hr, Br, Img, Wbr, Area, Col, Param, Source, Track,
    A, Time, Span,
    /// An element we have no special rule for (inline unless its name has a dash).
    Other,
    /// A custom element (`<my-widget>`): a block container.
    Custom,
}

impl Tag {
    /// The tag of an element name, case-insensitively.
    #[rustfmt::skip]
    pub fn from_name(name: &str) -> Tag {
        let mut buf = [0u8; 12];
        if name.len() > buf.len() {
            return if name.contains('-') { Tag::Custom } else { Tag::Other };
        }
        for (d, s) in buf.iter_mut().zip(name.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        use Tag::*;
        match &buf[..name.len()] {
            b"html" => Html, b"head" => Head, b"body" => Body, b"title" => Title, b"meta" => Meta,
            b"link" => Link, b"base" => Base, b"script" => Script, b"style" => Style,
            b"noscript" => Noscript, b"template" => Template, b"svg" => Svg, b"math" => Math,
            b"iframe" => Iframe, b"object" => Object, b"embed" => Embed, b"canvas" => Canvas,
            b"video" => Video, b"audio" => Audio, b"select" => Select, b"option" => Option,
            b"button" => Button, b"textarea" => Textarea, b"input" => Input, b"form" => Form,
            b"label" => Label, b"fieldset" => Fieldset, b"legend" => Legend, b"dialog" => Dialog,
            b"nav" => Nav, b"footer" => Footer, b"header" => Header, b"aside" => Aside,
            b"main" => Main, b"article" => Article, b"section" => Section, b"div" => Div,
            b"p" => P, b"center" => Center, b"address" => Address, b"hgroup" => Hgroup,
            b"h1" => H1, b"h2" => H2, b"h3" => H3, b"h4" => H4, b"h5" => H5, b"h6" => H6,
            b"ul" => Ul, b"ol" => Ol, b"li" => Li, b"dl" => Dl, b"dt" => Dt, b"dd" => Dd,
            b"menu" => Menu, b"table" => Table, b"thead" => Thead, b"tbody" => Tbody,
            b"tfoot" => Tfoot, b"tr" => Tr, b"td" => Td, b"th" => Th, b"caption" => Caption,
            b"blockquote" => Blockquote, b"pre" => Pre, b"code" => Code, b"figure" => Figure,
            b"figcaption" => Figcaption, b"picture" => Picture, b"details" => Details,
            b"summary" => Summary, b"hr" => Hr, b"br" => Br, b"img" => Img, b"wbr" => Wbr,
            b"area" => Area, b"col" => Col, b"param" => Param, b"source" => Source,
            b"track" => Track, b"a" => A, b"time" => Time, b"span" => Span,
            n if n.contains(&b'-') => Custom,
            _ => Other,
        }
    }

    /// Elements that never have content or an end tag.
    pub fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Meta | Link
                | Base
                | Hr
                | Br
                | Img
                | Wbr
                | Area
                | Col
                | Param
                | Source
                | Track
                | Input
                | Embed
        )
    }

    /// Elements whose content is never text of the page (code, media, widgets, the head).
    pub fn is_dropped(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Head | Title
                | Script
                | Style
                | Noscript
                | Template
                | Svg
                | Math
                | Iframe
                | Object
                | Embed
                | Canvas
                | Video
                | Audio
                | Select
                | Option
                | Button
                | Textarea
                | Input
                | Dialog
        )
    }

    /// Elements that start a new paragraph of text.
    pub fn is_block(self) -> bool {
        use Tag::*;
        !matches!(
            self,
            Text | Other | A | Time | Span | Code | Label | Img | Wbr | Picture | Br
        )
    }

    /// Headings, with their level.
    #[rustfmt::skip]
    pub fn heading_level(self) -> Option<u8> {
        use Tag::*;
        match self {
            H1 => Some(1), H2 => Some(2), H3 => Some(3), H4 => Some(4), H5 => Some(5), H6 => Some(6),
            _ => None,
        }
    }

    /// Elements whose start tag closes an open `<p>`.
    pub fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Summary
                | Table
                | Ul
                | Li
                | Dd
                | Dt
        )
    }

    /// Elements that an end tag of an unrelated element does not reach through.
    pub fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Table | Td | Th | Caption | Html | Root | Template | Svg | Math | Object
        )
    }
}
