//! Quotation marks and how they pair into quoted spans.
//!
//! Marks are paired paragraph by paragraph, so that a stray or unbalanced mark spoils at most its
//! own paragraph. Each mark's role (opening or closing) comes from what flanks it, not only from
//! its shape: scraped pages write `“` as a closing mark ("from the U.S.“") and straight `"` has no
//! shape at all. A quotation left open at the end of a paragraph continues into the next one when
//! that paragraph opens with a mark again, as news style writes quotes of several paragraphs.
//! Single marks (`‘ ’ '`) are apostrophes or nested quotes inside double marks; they pair at the
//! top level only in a paragraph without double marks (headlines: "CEO: ‘You Should Be
//! Investigated.’"), only when both ends are unmistakable, and never stay open.

/// A span of the body enclosed in quotation marks, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// The opening mark.
    pub start: usize,
    /// Just after the closing mark, or the end of the last paragraph's text when none closes it.
    pub end: usize,
    /// Just after the opening mark.
    pub inner_start: usize,
    /// The closing mark, or `end` when none closes it.
    pub inner_end: usize,
    /// Whether a closing mark ends it.
    pub closed: bool,
    /// Whether it runs over more than one paragraph.
    pub continued: bool,
}

/// What a mark does, as far as its shape and flanks tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Either: a straight mark between two words or two spaces.
    Either,
}

/// One double quotation mark in a paragraph.
#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    role: Role,
}

/// A quotation still open at the end of a paragraph, waiting for the next one.
#[derive(Debug, Clone, Copy)]
struct Open {
    start: usize,
    inner_start: usize,
    continued: bool,
}

/// Finds every quoted span of `text` and appends them to `out` (cleared first), in text order.
pub fn find(text: &str, out: &mut Vec<Marked>) {
    out.clear();
    let mut marks = Vec::new();
    let mut carried: Option<Open> = None;
    let mut paragraphs = paragraphs(text).peekable();
    while let Some((start, end)) = paragraphs.next() {
        collect_marks(text, start, end, &mut marks);
        let mut open = carried.take();
        let mut rest = &marks[..];
        // A paragraph continuing a quotation opens with a repeated mark: it is not a new quote.
        if open.is_some()
            && let Some((first, tail)) = rest.split_first()
            && first.role != Role::Close
            && text[start..first.at].trim().is_empty()
        {
            rest = tail;
        }
        for mark in rest {
            open = step(text, open, *mark, out);
        }
        if marks.is_empty() && open.is_none() {
            single_pairs(text, start, end, out);
        }
        let Some(o) = open else { continue };
        let continues = paragraphs
            .peek()
            .is_some_and(|&(s, e)| opens_with_mark(&text[s..e]));
        if continues {
            carried = Some(Open {
                continued: true,
                ..o
            });
        } else {
            let end = start + text[start..end].trim_end().len();
            let end = end.max(o.inner_start);
            out.push(Marked {
                start: o.start,
                end,
                inner_start: o.inner_start,
                inner_end: end,
                closed: false,
                continued: o.continued,
            });
        }
    }
}

/// Pairs one mark given the quotation open before it; returns the quotation open after it.
fn step(text: &str, open: Option<Open>, mark: Mark, out: &mut Vec<Marked>) -> Option<Open> {
    let opening = Open {
        start: mark.at,
        inner_start: mark.at + mark.len,
        continued: false,
    };
    match (open, mark.role) {
        (None, Role::Open | Role::Either) => Some(opening),
        (None, Role::Close) => None,
        (Some(o), Role::Close | Role::Either) => {
            out.push(Marked {
                start: o.start,
                end: mark.at + mark.len,
                inner_start: o.inner_start,
                inner_end: mark.at,
                closed: true,
                continued: o.continued,
            });
            None
        }
        (Some(o), Role::Open) => {
            // An opening mark inside an open quotation: the first one lost its closing mark.
            // It ends where the new one starts, if it holds any words at all.
            let end = o.inner_start + text[o.inner_start..mark.at].trim_end().len();
            if end > o.inner_start {
                out.push(Marked {
                    start: o.start,
                    end,
                    inner_start: o.inner_start,
                    inner_end: end,
                    closed: false,
                    continued: o.continued,
                });
            }
            Some(opening)
        }
    }
}

/// Pairs single marks of `text[start..end]` that clearly open (after a space, before a letter)
/// and clearly close (after a letter or a stop, before a space or a stop).
fn single_pairs(text: &str, start: usize, end: usize, out: &mut Vec<Marked>) {
    let para = &text[start..end];
    let mut open: Option<usize> = None;
    for (i, c) in para.char_indices() {
        if !matches!(c, '‘' | '’' | '\'') {
            continue;
        }
        let prev = para[..i].chars().next_back();
        let next = para[i + c.len_utf8()..].chars().next();
        let opens = c != '’'
            && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | ':'))
            && next.is_some_and(char::is_alphanumeric);
        let closes = c != '‘'
            && prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | '!' | '?' | ','))
            && next.is_none_or(|n| {
                n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')')
            });
        match open {
            Some(o) if closes => {
                let olen = para[o..].chars().next().map_or(1, char::len_utf8);
                out.push(Marked {
                    start: start + o,
                    end: start + i + c.len_utf8(),
                    inner_start: start + o + olen,
                    inner_end: start + i,
                    closed: true,
                    continued: false,
                });
                open = None;
            }
            None if opens => open = Some(i),
            _ => {}
        }
    }
}

/// The paragraphs of `text` (its non-blank lines) as byte ranges.
fn paragraphs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    text.split('\n').filter_map(move |line| {
        let start = pos;
        pos += line.len() + 1;
        (!line.trim().is_empty()).then_some((start, start + line.len()))
    })
}

/// Whether a paragraph's first visible character is a double mark that can open.
fn opens_with_mark(paragraph: &str) -> bool {
    let t = paragraph.trim_start();
    let offset = paragraph.len() - t.len();
    match double_mark(t, 0) {
        Some(len) => {
            let role = role_of(paragraph, offset, len);
            role != Role::Close
        }
        None => false,
    }
}

/// The double marks of `text[start..end]`, with their roles, into `out` (cleared first).
fn collect_marks(text: &str, start: usize, end: usize, out: &mut Vec<Mark>) {
    out.clear();
    let para = &text[start..end];
    let bytes = para.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Every mark starts with '"', '\'', '`' or a multi-byte character.
        if b.is_ascii() && !matches!(b, b'"' | b'\'' | b'`') {
            i += 1;
            continue;
        }
        match double_mark(para, i) {
            Some(len) => {
                out.push(Mark {
                    at: start + i,
                    len,
                    role: role_of(para, i, len),
                });
                i += len;
            }
            None => i += para[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
}

/// The byte length of the double quotation mark at `text[i..]`, if one is there: `"`, `“`, `”`,
/// `„`, `«`, `»`, and the typewriter pairs ` `` ` and `''`.
fn double_mark(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    let c = rest.chars().next()?;
    match c {
        '"' | '“' | '”' | '„' | '«' | '»' => Some(c.len_utf8()),
        '\'' if rest.starts_with("''") => Some(2),
        '`' if rest.starts_with("``") => Some(2),
        _ => None,
    }
}

/// The role of the mark at `text[i..i + len]`, from its shape and its flanks.
fn role_of(text: &str, i: usize, len: usize) -> Role {
    let prev = text[..i].chars().next_back();
    let next = text[i + len..].chars().next();
    let space_before = prev.is_none_or(|c| c.is_whitespace() || opens_before(c));
    let space_after = next.is_none_or(char::is_whitespace);
    let punct_after = next.is_some_and(closes_after);
    let left_flank = !space_after && (space_before || prev.is_some_and(is_dash));
    let right_flank = !space_before && (space_after || punct_after);
    let shape = text[i..].chars().next().unwrap_or('"');
    match shape {
        '“' | '„' | '«' | '`' => {
            if right_flank && !left_flank && !next.is_some_and(char::is_alphanumeric) {
                Role::Close
            } else {
                Role::Open
            }
        }
        '”' | '»' => {
            if left_flank && !right_flank && next.is_some_and(char::is_alphanumeric) {
                Role::Open
            } else if prev.is_none() {
                // Opening a paragraph, whatever follows it: ”… he delivered”.
                Role::Either
            } else {
                Role::Close
            }
        }
        _ => match (left_flank, right_flank) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => Role::Either,
        },
    }
}

/// Characters after which a mark still stands at the start of a word.
fn opens_before(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '/' | '‘' | '\'') || is_dash(c)
}

/// Characters after which a mark still stands at the end of a word.
fn closes_after(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…' | '’' | '\'' | '"' | '”'
    ) || is_dash(c)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.iter().map(|m| &text[m.start..m.end]).collect()
    }

    #[test]
    fn curly_and_straight_marks_pair() {
        assert_eq!(
            quoted("“Now is the time,” she said. \"We will win.\""),
            ["“Now is the time,”", "\"We will win.\""]
        );
    }

    #[test]
    fn an_opening_shape_closes_after_a_word() {
        let t = "deal with the “long-term threat from the U.S.“\n\nChoe also ruled out";
        assert_eq!(quoted(t), ["“long-term threat from the U.S.“"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let t = "North Korea‘s outward-facing media said a “detailed strategic timetable” exists.";
        assert_eq!(quoted(t), ["“detailed strategic timetable”"]);
    }

    #[test]
    fn quotes_continue_over_paragraphs() {
        let t = "“First paragraph of the speech.\n\n“Second paragraph,” he said.\n\nNext.";
        let mut out = Vec::new();
        find(t, &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].continued && out[0].closed);
        assert_eq!(&t[out[0].start..out[0].end], &t[..t.find(',').unwrap() + 4]);
    }

    #[test]
    fn an_unbalanced_mark_spoils_only_its_paragraph() {
        let t = "He said “this is open and never closed.\n\nShe said “fine” and left.";
        let mut out = Vec::new();
        find(t, &mut out);
        assert_eq!(out.len(), 2);
        assert!(!out[0].closed);
        assert_eq!(&t[out[1].start..out[1].end], "“fine”");
    }

    #[test]
    fn typewriter_pairs_are_double_marks() {
        assert_eq!(
            quoted("''The sooner, the better,'' Mr. Goldberg said."),
            ["''The sooner, the better,''"]
        );
    }

    #[test]
    fn single_marks_pair_only_without_double_ones() {
        assert_eq!(
            quoted("Warren to CEO: ‘You Should Be Investigated.’"),
            ["‘You Should Be Investigated.’"]
        );
        assert_eq!(
            quoted("'Be the voice that people hear.'"),
            ["'Be the voice that people hear.'"]
        );
        assert!(quoted("Korea’s leader and the players’ union in the '90s").is_empty());
        assert_eq!(
            quoted("He said “the ‘rigged’ system” again"),
            ["“the ‘rigged’ system”"]
        );
    }

    #[test]
    fn stray_marks_do_not_panic() {
        for t in [
            "\"",
            "”",
            "“",
            "''",
            "a \" b",
            "“\n”",
            "x”y“z",
            "6'5\" tall",
        ] {
            let _ = quoted(t);
        }
    }
}
