//! Tokens as English news needs them: `U.S.` and `Mr.` keep their full stops, `3.5` and `2:30`
//! stay whole, `Korea's` gives `Korea` and `'s`, an ellipsis is one token, and so is a quotation
//! mark typed as two apostrophes (`''`).

use chronicle_core::{ByteSpan, Token, TokenKind};

use super::lexicon::SegmentLexicon;

/// Appends the tokens of `text` to `out` (cleared first). Offsets are bytes into `text`.
pub fn tokenize(text: &str, lexicon: &SegmentLexicon, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = char_at(text, i);
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let (end, kind) = if c.is_alphabetic() {
            scan_word(text, i, lexicon)
        } else if c.is_ascii_digit() {
            (scan_number(text, i), TokenKind::Number)
        } else if c == '.' && bytes[i..].starts_with(b"...") {
            (
                i + 3 + count_prefix(&bytes[i + 3..], b'.'),
                TokenKind::Punct,
            )
        } else if bytes[i..].starts_with(b"''") || bytes[i..].starts_with(b"``") {
            // a quotation mark typed as two apostrophes or two backticks (''so,'' he said)
            (i + 2, TokenKind::Punct)
        } else if is_apostrophe(c)
            && clitic_len(text, i) > 0
            && i > 0
            && prev_is_alphanumeric(text, i)
        {
            (i + clitic_len(text, i), TokenKind::Clitic)
        } else if c.is_ascii_punctuation() || is_unicode_punct(c) {
            (i + len, TokenKind::Punct)
        } else {
            (i + len, TokenKind::Symbol)
        };
        out.push(Token {
            span: ByteSpan::new(i, end),
            kind,
        });
        i = end;
    }
}

/// Scans a word starting at `start`: letters and digits, with inner hyphens, apostrophes and
/// full stops (`first-ever`, `don't`, `un.org`, `U.S`), then decides whether a final full stop
/// belongs to it.
fn scan_word(text: &str, start: usize, lexicon: &SegmentLexicon) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut has_inner_dot = false;
    while i < bytes.len() {
        let c = char_at(text, i);
        if c.is_alphanumeric() || is_combining(c) {
            i += c.len_utf8();
            continue;
        }
        let next = text[i + c.len_utf8()..].chars().next();
        let joins = match c {
            '-' | '‑' => next.is_some_and(char::is_alphanumeric),
            '.' => next.is_some_and(char::is_alphanumeric),
            '&' => next.is_some_and(char::is_uppercase) && prev_is_upper(text, i),
            _ if is_apostrophe(c) => {
                next.is_some_and(char::is_alphabetic) && clitic_len(text, i) == 0
            }
            _ => false,
        };
        if !joins {
            break;
        }
        has_inner_dot |= c == '.';
        i += c.len_utf8();
    }
    let word = &text[start..i];
    if bytes.get(i) == Some(&b'.') && !bytes[i..].starts_with(b"..") {
        let last_part = word.rsplit(['-', '‑']).next().unwrap_or(word);
        let takes_stop = if has_inner_dot {
            is_dotted_abbreviation(last_part)
        } else {
            lexicon.abbreviation(word).is_some()
                || lexicon.abbreviation(last_part).is_some()
                || is_initial(word)
        };
        if takes_stop {
            return (i + 1, TokenKind::Abbreviation);
        }
    }
    (i, TokenKind::Word)
}

/// `U.S`, `p.m`, `J.R.R`, `Ph.D`, `e.g`: letters in ones and twos joined by full stops, at least
/// one of them single (the final stop not yet taken). `un.org` and `co.uk` are not.
fn is_dotted_abbreviation(word: &str) -> bool {
    let mut single = false;
    for part in word.split('.') {
        match part.chars().count() {
            1 => single = true,
            2 => {}
            _ => return false,
        }
    }
    single
}

/// A single capital letter: an initial (`J.` in Donald J. Trump) or a letter name (`Plan B.`).
pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Scans a number: digits with inner `.`, `,`, `:` or `/` between digits, and a letter suffix
/// (`1990s`, `3rd`, `1.13bn`, `5pm`).
fn scan_number(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        let inner_separator = matches!(b, b'.' | b',' | b':' | b'/')
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || inner_separator {
            i += 1;
        } else {
            break;
        }
    }
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// Length in bytes of a clitic starting at the apostrophe at `i` (`'s`, `’re`, `'ll`), else 0.
fn clitic_len(text: &str, i: usize) -> usize {
    let c = char_at(text, i);
    let rest = &text[i + c.len_utf8()..];
    for clitic in ["s", "re", "ve", "ll", "d", "m", "S"] {
        if let Some(after) = rest.strip_prefix(clitic)
            && !after.chars().next().is_some_and(char::is_alphanumeric)
        {
            return c.len_utf8() + clitic.len();
        }
    }
    0
}

fn count_prefix(bytes: &[u8], b: u8) -> usize {
    bytes.iter().take_while(|&&x| x == b).count()
}

/// Whether a letter or a digit ends `text[..i]`: a clitic may follow either ("Korea's",
/// "Radio 4's", "the G8's").
fn prev_is_alphanumeric(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn prev_is_upper(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_uppercase)
}

/// The character at byte `i`, which callers keep on a char boundary.
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\u{FFFD}')
}

/// Straight and typographic apostrophes.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '„'
            | '‚'
            | '—'
            | '–'
            | '…'
            | '•'
            | '·'
            | '¿'
            | '¡'
            | '‐'
            | '‒'
            | '―'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        let lexicon = SegmentLexicon::english();
        let mut out = Vec::new();
        tokenize(text, &lexicon, &mut out);
        out.iter()
            .map(|t| (&text[t.span.range()], t.kind))
            .collect()
    }

    #[test]
    fn abbreviations_keep_their_stops() {
        let toks = words("U.S. President Donald J. Trump met Mr. Kim at 2:30 p.m.");
        let texts: Vec<&str> = toks.iter().map(|t| t.0).collect();
        assert_eq!(
            texts,
            [
                "U.S.",
                "President",
                "Donald",
                "J.",
                "Trump",
                "met",
                "Mr.",
                "Kim",
                "at",
                "2:30",
                "p.m."
            ]
        );
        assert_eq!(toks[0].1, TokenKind::Abbreviation);
        assert_eq!(toks[9].1, TokenKind::Number);
    }

    #[test]
    fn possessives_split_and_hyphens_join() {
        let texts: Vec<&str> =
            words("North Korea’s first-ever U.S.-North Korea summit didn't end.")
                .into_iter()
                .map(|t| t.0)
                .collect();
        assert_eq!(
            texts,
            [
                "North",
                "Korea",
                "’s",
                "first-ever",
                "U.S.",
                "-",
                "North",
                "Korea",
                "summit",
                "didn't",
                "end",
                "."
            ]
        );
    }

    #[test]
    fn a_possessive_after_a_number_splits_too() {
        let texts: Vec<&str> = words("BBC Radio 4's programme and the G8's summit")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            texts,
            [
                "BBC",
                "Radio",
                "4",
                "'s",
                "programme",
                "and",
                "the",
                "G8",
                "'s",
                "summit"
            ]
        );
    }

    #[test]
    fn two_apostrophes_are_one_quotation_mark() {
        let texts: Vec<&str> = words("Trump ''is not Christian,''' he said of the ``deal''.")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            texts,
            [
                "Trump",
                "''",
                "is",
                "not",
                "Christian",
                ",",
                "''",
                "'",
                "he",
                "said",
                "of",
                "the",
                "``",
                "deal",
                "''",
                "."
            ]
        );
    }

    #[test]
    fn numbers_and_ellipses_stay_whole() {
        let texts: Vec<&str> = words("Profits rose 3.5% to $1.13bn in the 1990s... Wait")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            texts,
            [
                "Profits", "rose", "3.5", "%", "to", "$", "1.13bn", "in", "the", "1990s", "...",
                "Wait"
            ]
        );
    }

    #[test]
    fn hyphenated_dotted_abbreviation_keeps_its_stop() {
        let texts: Vec<&str> = words("the DPRK-U.S. relations")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(texts, ["the", "DPRK-U.S.", "relations"]);
    }

    #[test]
    fn sentence_final_word_does_not_take_the_stop() {
        let texts: Vec<&str> = words("He visited un.org. Then")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(texts, ["He", "visited", "un.org", ".", "Then"]);
    }
}
