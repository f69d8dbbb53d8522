//! Sentence boundaries over tokens, with the rules news text needs: abbreviations and initials
//! that do not end sentences, closing quotes that belong to the sentence before them, headlines
//! and list items that end at their line.

use chronicle_core::{ByteSpan, Token, TokenKind};

use super::lexicon::{AbbreviationClass, SegmentLexicon};
use super::tokenize::is_initial;

/// Splits `tokens` of `text` into sentences; pushes each sentence's token range to `out`.
pub fn split(
    text: &str,
    tokens: &[Token],
    lexicon: &SegmentLexicon,
    out: &mut Vec<std::ops::Range<usize>>,
) {
    out.clear();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let end = match terminal(text, tokens, i, lexicon) {
            Some(Terminal { last }) => Some(last),
            None => line_break_after(text, tokens, i).then_some(i),
        };
        match end {
            Some(last) => {
                out.push(start..last + 1);
                start = last + 1;
                i = last + 1;
            }
            None => i += 1,
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
}

/// A sentence end found at a terminal mark: the index of the sentence's last token (the mark or
/// the closing quotes and brackets after it).
struct Terminal {
    last: usize,
}

/// Whether token `i` ends a sentence through its punctuation.
fn terminal(text: &str, tokens: &[Token], i: usize, lexicon: &SegmentLexicon) -> Option<Terminal> {
    let tok = tokens[i];
    let s = &text[tok.span.range()];
    let mark = match tok.kind {
        TokenKind::Punct => match s {
            "." => Mark::FullStop,
            "!" | "?" => Mark::Exclamation,
            _ if s.starts_with("..") || s == "…" => Mark::Ellipsis,
            _ => return None,
        },
        TokenKind::Abbreviation => abbreviation_mark(s, lexicon),
        _ => return None,
    };
    // Closing quotes and brackets right after the mark belong to this sentence.
    let mut last = i;
    while let Some(next) = tokens.get(last + 1) {
        let adjacent = next.span.start == tokens[last].span.end;
        let n = &text[next.span.range()];
        let closes =
            is_closing(n) || (is_quote(n) && adjacent && !opens_word(text, tokens, last + 1));
        // Further ! and ? ("?!") belong to the same mark.
        let repeats = adjacent && matches!(n, "!" | "?");
        if (closes && adjacent) || repeats {
            last += 1;
        } else {
            break;
        }
    }
    let Some(next) = tokens.get(last + 1) else {
        return Some(Terminal { last });
    };
    let gap = &text[tokens[last].span.end as usize..next.span.start as usize];
    let next_text = &text[next.span.range()];
    let first = next_text.chars().next().unwrap_or(' ');
    if is_paragraph_break(gap) || (gap.contains('\n') && !first.is_lowercase()) {
        return Some(Terminal { last });
    }
    if gap.is_empty() && mark != Mark::Ellipsis {
        return None;
    }
    if mark == Mark::FullStop && is_list_number(text, tokens, i) {
        return None;
    }
    let starts =
        if is_opening(next_text) || (is_quote(next_text) && opens_word(text, tokens, last + 1)) {
            // A quote or bracket opens the next sentence when a capital or digit follows it.
            let after = tokens.get(last + 2).map(|t| &text[t.span.range()]);
            Opening::from_word(after.unwrap_or(""), lexicon).max(Opening::Capital)
        } else if first.is_lowercase() {
            Opening::Lowercase
        } else if first.is_uppercase() {
            Opening::from_word(next_text, lexicon)
        } else if first.is_ascii_digit() {
            Opening::Digit
        } else {
            Opening::Other
        };
    let ends = match mark {
        Mark::Title => false,
        Mark::FullStop => matches!(
            starts,
            Opening::Capital | Opening::Starter | Opening::Digit | Opening::Lowercase
        ),
        Mark::Exclamation | Mark::Ellipsis => {
            matches!(starts, Opening::Capital | Opening::Starter | Opening::Digit)
        }
        Mark::Common => starts == Opening::Starter,
        Mark::Time => {
            starts == Opening::Starter || (starts == Opening::Capital && !continues_time(next_text))
        }
    };
    ends.then_some(Terminal { last })
}

/// The kind of mark a sentence might end at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// A plain full stop.
    FullStop,
    /// `!` or `?`: a lowercase word after them continues the sentence ("Why?" she asked).
    Exclamation,
    /// `...` or `…`.
    Ellipsis,
    /// An abbreviation that may end a sentence (`U.S.`, `Inc.`, an initial).
    Common,
    /// `a.m.` or `p.m.`: ends a sentence before a capital unless a day, month or zone follows.
    Time,
    /// An abbreviation that never ends one (`Mr.`, `No.`).
    Title,
}

fn abbreviation_mark(s: &str, lexicon: &SegmentLexicon) -> Mark {
    let word = s.strip_suffix('.').unwrap_or(s);
    if word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m") {
        return Mark::Time;
    }
    if is_initial(word) || word.contains('.') {
        return Mark::Common;
    }
    match lexicon.abbreviation(word) {
        Some(AbbreviationClass::Title) => Mark::Title,
        _ => Mark::Common,
    }
}

/// How the word after a possible boundary looks, ordered from least to most sentence-like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Opening {
    Other,
    Lowercase,
    Digit,
    Capital,
    /// A capitalised word that usually opens sentences ("The", "He", "But").
    Starter,
}

impl Opening {
    fn from_word(word: &str, lexicon: &SegmentLexicon) -> Opening {
        match word.chars().next() {
            Some(c) if c.is_uppercase() => {
                if lexicon.is_starter(word) {
                    Opening::Starter
                } else {
                    Opening::Capital
                }
            }
            Some(c) if c.is_lowercase() => Opening::Lowercase,
            Some(c) if c.is_ascii_digit() => Opening::Digit,
            _ => Opening::Other,
        }
    }
}

/// Words that continue a clock time: "5 p.m. Tuesday", "9 a.m. EST", "noon ET".
fn continues_time(word: &str) -> bool {
    const ZONES: [&str; 16] = [
        "ET", "EST", "EDT", "PT", "PST", "PDT", "CT", "GMT", "UTC", "BST", "CET", "CEST",
        "Eastern", "Pacific", "Central", "Mountain",
    ];
    crate::calendar::is_month_or_weekday(word)
        || ZONES.contains(&word)
        || matches!(word, "Jan." | "Feb." | "Sept.")
}

/// A blank line in the whitespace between two tokens: a paragraph break.
fn is_paragraph_break(gap: &str) -> bool {
    gap.bytes().filter(|&b| b == b'\n').count() >= 2
}

/// Whether the full stop at `i` follows a list number at the start of a line ("1. Raise wages").
fn is_list_number(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| tokens[p]) else {
        return false;
    };
    if prev.kind != TokenKind::Number || prev.span.end != tokens[i].span.start {
        return false;
    }
    let line_start = text[..prev.span.start as usize]
        .rfind('\n')
        .map_or(0, |n| n + 1);
    text[line_start..prev.span.start as usize].trim().is_empty()
}

/// Whether a line break after token `i` ends a sentence that has no final punctuation: a
/// headline, a dateline on its own line, a list item. A wrapped line (next line lowercase) goes on.
fn line_break_after(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(next) = tokens.get(i + 1) else {
        return false;
    };
    let gap = &text[tokens[i].span.end as usize..next.span.start as usize];
    if is_paragraph_break(gap) {
        return true;
    }
    if !gap.contains('\n') {
        return false;
    }
    let this = &text[tokens[i].span.range()];
    if matches!(this, "," | ";" | "-" | "—" | "–" | "(" | "“" | "‘") {
        return false;
    }
    let first = text[next.span.range()].chars().next().unwrap_or(' ');
    !first.is_lowercase()
}

fn is_closing(s: &str) -> bool {
    matches!(s, ")" | "]" | "}" | "”" | "’" | "»" | "›")
}

fn is_opening(s: &str) -> bool {
    matches!(s, "(" | "[" | "{" | "“" | "‘" | "«" | "‹" | "„")
}

fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "“" | "’" | "‘" | "''" | "``")
}

/// Whether the quote token at `i` opens a quotation: it is glued to the word after it and not to
/// the token before it.
fn opens_word(text: &str, tokens: &[Token], i: usize) -> bool {
    let glued_after = tokens
        .get(i + 1)
        .is_some_and(|n| n.span.start == tokens[i].span.end);
    let glued_before = i > 0 && tokens[i - 1].span.end == tokens[i].span.start;
    let s = &text[tokens[i].span.range()];
    match s {
        "“" | "‘" => true,
        "”" => false,
        _ => glued_after && !glued_before,
    }
}

/// Byte span of a token range.
pub fn span_of(tokens: &[Token], range: &std::ops::Range<usize>) -> ByteSpan {
    ByteSpan {
        start: tokens[range.start].span.start,
        end: tokens[range.end - 1].span.end,
    }
}
