//! A byte scanner that cuts the body into the tokens the time grammar needs.
//!
//! The segmenter's tokens are made for names and sentences; the time grammar wants finer pieces
//! (`1990s` is `1990` + `s`, `two-year` is `two` + `-` + `year`, `2:30` is `2` + `:` + `30`), each
//! tagged with whether it touches the token before it. One pass over the bytes, one reused vector,
//! no allocation per token; words are looked up in the lexicon as they are cut.

use super::lexicon::{Lex, Lexicon};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// One other character (punctuation, symbol).
    Punct,
}

/// A token: a byte span of the body with what the grammar needs to know about it.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'l> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// No whitespace between this token and the one before.
    pub glued: bool,
    /// A blank line (or more) comes before this token: it opens a paragraph.
    pub para: bool,
    /// The value of a number token (saturating), or 0.
    pub num: u32,
    /// The lexicon readings of a word token (empty for other words and tokens).
    pub lex: &'l [Lex],
    /// The first character is an upper-case letter.
    pub upper: bool,
    /// For punctuation, the character; otherwise `\0`.
    pub ch: char,
}

impl<'l> Tok<'l> {
    /// The first reading that `f` accepts.
    pub fn find<T>(&self, f: impl Fn(Lex) -> Option<T>) -> Option<T> {
        self.lex.iter().find_map(|&l| f(l))
    }

    /// Whether the token has the reading `lex`.
    pub fn is(&self, lex: Lex) -> bool {
        self.lex.contains(&lex)
    }

    /// Whether this is the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.ch == c
    }

    /// Number of bytes (digits, for a number).
    pub fn width(&self) -> usize {
        self.end - self.start
    }
}

/// Cuts `text` into tokens, appending to `out` (cleared first).
pub fn scan<'l>(text: &str, lexicon: &'l Lexicon, out: &mut Vec<Tok<'l>>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut glued = false;
    let mut newlines = 2u32;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                newlines += 1;
            }
            glued = false;
            i += 1;
            continue;
        }
        let (end, kind, ch) = cut(text, i);
        let mut tok = Tok {
            start: i,
            end,
            kind,
            glued,
            para: newlines >= 2,
            num: 0,
            lex: &[],
            upper: false,
            ch,
        };
        let piece = &bytes[i..end];
        match kind {
            Kind::Num => {
                tok.num = piece.iter().fold(0u32, |n, &d| {
                    n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
                });
            }
            Kind::Word => {
                tok.upper = text[i..end].chars().next().is_some_and(char::is_uppercase);
                tok.lex = lexicon.readings(piece);
            }
            Kind::Punct => {
                // A non-breaking space or other Unicode space separates like a blank.
                if ch.is_whitespace() {
                    glued = false;
                    i = end;
                    continue;
                }
            }
        }
        out.push(tok);
        glued = true;
        newlines = 0;
        i = end;
    }
}

/// The end, kind and (for punctuation) character of the token starting at `i`.
fn cut(text: &str, i: usize) -> (usize, Kind, char) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b.is_ascii_digit() {
        let len = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        return (i + len, Kind::Num, '\0');
    }
    let mut end = i;
    for (off, c) in text[i..].char_indices() {
        if c.is_alphabetic() {
            end = i + off + c.len_utf8();
        } else {
            break;
        }
    }
    if end > i {
        return (end, Kind::Word, '\0');
    }
    let c = text[i..].chars().next().unwrap_or('\0');
    (i + c.len_utf8().max(1), Kind::Punct, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_numbers_words_and_marks_glue() {
        let lex = Lexicon::embedded();
        let mut toks = Vec::new();
        let text = "the 1990s, two-year 2:30 p.m.\n\nMarch’s";
        scan(text, &lex, &mut toks);
        let pieces: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            pieces,
            [
                "the", "1990", "s", ",", "two", "-", "year", "2", ":", "30", "p", ".", "m", ".",
                "March", "’", "s"
            ]
        );
        assert!(toks[2].glued && !toks[4].glued && toks[5].glued);
        assert_eq!(toks[1].num, 1990);
        assert!(toks[14].para && toks[14].upper && !toks[13].para);
        assert!(toks[14].is(Lex::Month(3)));
    }
}
