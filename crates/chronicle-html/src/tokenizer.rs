//! A forgiving HTML tokenizer: tags, text, comments, and the raw text of `<script>`/`<style>`.
//!
//! It never fails: whatever the bytes, it yields tokens until the end. It is not the full HTML5
//! state machine, but it agrees with browsers on what matters for reading a page: tag names and
//! attributes, quoted values containing `>`, comments, and elements whose content is not markup.

/// One piece of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// A start tag; its attributes are in [`Tokenizer::attrs`] until the next call.
    Start { name: &'a str, self_closing: bool },
    /// An end tag, name as written.
    End { name: &'a str },
    /// Text, with character references not yet decoded.
    Text(&'a str),
    /// The content of a raw-text element (`script`, `style`, `title`, `textarea`, ...).
    RawText(&'a str),
    /// A comment, doctype or processing instruction (ignored by readers).
    Comment,
}

/// An attribute as written: name and raw value (references not decoded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr<'a> {
    pub name: &'a str,
    pub value: &'a str,
}

/// Streams tokens over a page's text.
pub struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// The attributes of the last start tag.
    pub attrs: Vec<Attr<'a>>,
    /// Set after a raw-text start tag: the name whose end tag closes the raw text.
    raw_until: Option<&'static str>,
}

/// Elements whose content is text, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

impl<'a> Tokenizer<'a> {
    /// Starts at the beginning of `src`.
    pub fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            attrs: Vec::new(),
            raw_until: None,
        }
    }

    /// The next token, or `None` at the end.
    pub fn next_token(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw_until.take() {
            return Some(self.raw_text(name));
        }
        let bytes = self.src.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        if bytes[self.pos] == b'<' {
            if let Some(tok) = self.markup() {
                return Some(tok);
            }
            // A lone '<' is text: emit it with what follows up to the next '<'.
            let end = memchr::memchr(b'<', &bytes[self.pos + 1..])
                .map_or(bytes.len(), |i| self.pos + 1 + i);
            let text = &self.src[self.pos..end];
            self.pos = end;
            return Some(Token::Text(text));
        }
        let end = memchr::memchr(b'<', &bytes[self.pos..]).map_or(bytes.len(), |i| self.pos + i);
        let text = &self.src[self.pos..end];
        self.pos = end;
        Some(Token::Text(text))
    }

    /// Markup at `pos` (a `<`), or `None` if the `<` is plain text.
    fn markup(&mut self) -> Option<Token<'a>> {
        let bytes = self.src.as_bytes();
        let next = *bytes.get(self.pos + 1)?;
        match next {
            b'!' => {
                let start = self.pos + 2;
                let end = if bytes[start..].starts_with(b"--") {
                    memchr::memmem::find(&bytes[start + 2..], b"-->")
                        .map_or(bytes.len(), |i| start + 2 + i + 3)
                } else {
                    memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1)
                };
                self.pos = end;
                Some(Token::Comment)
            }
            b'?' => {
                self.pos = memchr::memchr(b'>', &bytes[self.pos..])
                    .map_or(bytes.len(), |i| self.pos + i + 1);
                Some(Token::Comment)
            }
            b'/' => {
                let start = self.pos + 2;
                if !bytes.get(start)?.is_ascii_alphabetic() {
                    // "</>" or "</ x": a bogus comment up to '>'.
                    self.pos = memchr::memchr(b'>', &bytes[start..])
                        .map_or(bytes.len(), |i| start + i + 1);
                    return Some(Token::Comment);
                }
                let name_end = start + name_len(&bytes[start..]);
                let name = &self.src[start..name_end];
                self.pos = self.skip_tag_rest(name_end);
                Some(Token::End { name })
            }
            c if c.is_ascii_alphabetic() => Some(self.start_tag()),
            _ => None,
        }
    }

    fn start_tag(&mut self) -> Token<'a> {
        let bytes = self.src.as_bytes();
        let start = self.pos + 1;
        let name_end = start + name_len(&bytes[start..]);
        let name = &self.src[start..name_end];
        self.attrs.clear();
        let mut i = name_end;
        let mut self_closing = false;
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            if bytes[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let an_start = i;
            i += 1; // the first character may be '=' (a bogus name), never a terminator
            while i < bytes.len()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
                && !bytes[i].is_ascii_whitespace()
            {
                i += 1;
            }
            let attr_name = &self.src[an_start..i];
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let q = bytes[i];
                    let vs = i + 1;
                    let ve = memchr::memchr(q, &bytes[vs..]).map_or(bytes.len(), |e| vs + e);
                    value = &self.src[vs..ve];
                    i = (ve + 1).min(bytes.len());
                } else {
                    let vs = i;
                    while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = &self.src[vs..i];
                }
            }
            if self.attrs.len() < 64 {
                self.attrs.push(Attr {
                    name: attr_name,
                    value,
                });
            }
        }
        self.pos = i;
        if let Some(raw) = RAW_TEXT.iter().find(|r| name.eq_ignore_ascii_case(r))
            && (!self_closing || name.eq_ignore_ascii_case("script"))
        {
            self.raw_until = Some(raw);
        }
        Token::Start { name, self_closing }
    }

    /// Skips the rest of an end tag (attributes are ignored) and returns the position after `>`.
    fn skip_tag_rest(&self, from: usize) -> usize {
        let bytes = self.src.as_bytes();
        memchr::memchr(b'>', &bytes[from..]).map_or(bytes.len(), |i| from + i + 1)
    }

    /// The content of a raw-text element up to its end tag (which stays for the next token).
    fn raw_text(&mut self, name: &str) -> Token<'a> {
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let mut from = start;
        let end = loop {
            match memchr::memmem::find(&bytes[from..], b"</") {
                None => break bytes.len(),
                Some(i) => {
                    let at = from + i;
                    let after = at + 2 + name.len();
                    if after <= bytes.len()
                        && bytes[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
                        && bytes
                            .get(after)
                            .is_none_or(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
                    {
                        break at;
                    }
                    from = at + 2;
                }
            }
        };
        self.pos = end;
        Token::RawText(&self.src[start..end])
    }
}

/// Length of a tag name: up to whitespace, `/` or `>`.
fn name_len(b: &[u8]) -> usize {
    b.iter()
        .take_while(|&&c| !c.is_ascii_whitespace() && c != b'/' && c != b'>')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(src: &str) -> Vec<String> {
        let mut t = Tokenizer::new(src);
        let mut out = Vec::new();
        while let Some(tok) = t.next_token() {
            out.push(match tok {
                Token::Start { name, .. } => {
                    let attrs: Vec<String> = t
                        .attrs
                        .iter()
                        .map(|a| format!("{}={}", a.name, a.value))
                        .collect();
                    format!("<{name} {}>", attrs.join(" "))
                }
                Token::End { name } => format!("</{name}>"),
                Token::Text(s) => format!("T:{s}"),
                Token::RawText(s) => format!("R:{s}"),
                Token::Comment => "C".into(),
            });
        }
        out
    }

    #[test]
    fn tags_attrs_raw_and_junk() {
        assert_eq!(
            all("<p class=\"a>b\" id=x hidden>Hi<!-- c --></P>"),
            vec!["<p class=a>b id=x hidden=>", "T:Hi", "C", "</P>"]
        );
        assert_eq!(
            all("<script>if (a</b) x</script>y"),
            vec!["<script >", "R:if (a</b) x", "</script>", "T:y"]
        );
        assert_eq!(all("a < b <3"), vec!["T:a ", "T:< b ", "T:<3"]);
        assert_eq!(all("<p"), vec!["<p >"]);
        assert_eq!(all("<a href='x"), vec!["<a href=x>"]);
    }
}
