//! Cleaning a scraped page saved as plain text.
//!
//! A scrape keeps the page's furniture: the headline at the top and again above the story,
//! navigation ("Recent Features"), a breadcrumb ("Flashpoints | Security | East Asia"), the dek,
//! an image credit, bylines and date lines, share and subscribe prompts, and a tail of related
//! stories, comments and footer. The cleaner classifies every line ([`classify`]), finds where
//! the story starts (the first run of prose after the header's markers) and where it ends (the
//! tail), lifts title, description, sections, image credit and date into metadata, and keeps every
//! other line of the story, subheadings included.

mod classify;
mod dateline;
mod lexicon;

use std::collections::HashMap;

use classify::{LineKind, MAX_FURNITURE_WORDS, classify, is_prose};
use dateline::DateLine;
pub use lexicon::normalise;

/// A cleaned page: metadata lifted out of the furniture, and the story's body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub title: Option<String>,
    pub description: Option<String>,
    pub sections: Vec<String>,
    pub image_credit: Option<String>,
    pub published: Option<jiff::civil::Date>,
    /// Paragraphs separated by a blank line; lines of one paragraph by a single newline.
    pub body: String,
}

/// One non-empty line of the page.
#[derive(Debug)]
struct PageLine<'a> {
    text: &'a str,
    /// The line as the lexicons compare it; `None` for lines too long to be furniture.
    norm: Option<String>,
    /// Whether a blank line (a paragraph break) comes before it.
    new_paragraph: bool,
    kind: LineKind,
}

/// How many lines from the top the header (title, nav, breadcrumb, dek, credit) may run.
const HEADER_LINES: usize = 16;

/// Cleans `text`; `title_hint` is the title the input gave, if any (a JSON line's `title`).
pub fn clean_text(text: &str, title_hint: Option<&str>) -> Cleaned {
    let mut lines = split_lines(text);
    classify_all(&mut lines);
    let title_idx = match title_hint {
        Some(_) => None,
        None => find_title(&lines),
    };
    let title = title_hint
        .map(|t| t.trim().to_string())
        .or_else(|| title_idx.map(|i| lines[i].text.to_string()));
    let title_keys = title.as_deref().map(title_keys).unwrap_or_default();
    for line in &mut lines {
        if line.norm.as_ref().is_some_and(|n| title_keys.contains(n)) {
            line.kind = LineKind::TitleRepeat;
        }
    }
    // A page without any furniture is a clean story: everything after the title is body.
    let scraped = lines
        .iter()
        .any(|l| l.kind.is_header_marker() || matches!(l.kind, LineKind::Furniture(_)));
    let after_title = title_idx.map_or(0, |i| i + 1);
    let body_start = if scraped {
        find_body_start(&lines, after_title)
    } else {
        after_title
    };
    let mut cleaned = Cleaned {
        title: title.map(|t| strip_site_suffix(&t).to_string()),
        ..Cleaned::default()
    };
    lift_header(&lines[..body_start], title_idx, &mut cleaned);
    cleaned.body = assemble_body(&lines[body_start..], scraped, &mut cleaned);
    cleaned.published = page_date(&lines);
    cleaned
}

fn split_lines(text: &str) -> Vec<PageLine<'_>> {
    let mut out = Vec::new();
    let mut blank = true;
    for raw in text.lines() {
        let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}');
        if t.is_empty() {
            blank = true;
            continue;
        }
        let words = t.split_whitespace().count();
        out.push(PageLine {
            text: t,
            norm: (words <= MAX_FURNITURE_WORDS).then(|| normalise(t)),
            new_paragraph: blank || out.is_empty(),
            kind: LineKind::Short,
        });
        blank = false;
    }
    out
}

/// Classifies every line, then marks captions: the line just above a credit in the same block,
/// and the line just below a bare caption label ("Image caption,").
fn classify_all(lines: &mut [PageLine<'_>]) {
    for line in lines.iter_mut() {
        let words = if line.norm.is_some() {
            line.text.split_whitespace().count()
        } else {
            usize::MAX
        };
        line.kind = classify(line.text, line.norm.as_deref(), words);
    }
    for i in 1..lines.len() {
        let (above, below) = lines.split_at_mut(i);
        let (prev, this) = (&mut above[i - 1], &mut below[0]);
        if this.new_paragraph
            || !matches!(
                prev.kind,
                LineKind::Prose | LineKind::Short | LineKind::Caption
            )
        {
            continue;
        }
        if this.kind == LineKind::Credit {
            prev.kind = LineKind::Caption;
        } else if prev.kind == LineKind::Caption && prev.text.split_whitespace().count() <= 2 {
            this.kind = LineKind::Caption;
        }
    }
}

/// The headline among the lines above the story: a headline-shaped line (four words or more,
/// not a sentence), preferring one the page repeats, else the longest. Mastheads and menu items
/// are shorter than headlines; the dek is a sentence.
fn find_title(lines: &[PageLine<'_>]) -> Option<usize> {
    let header = &lines[..find_body_start(lines, 0).min(lines.len())];
    let candidates: Vec<usize> = (0..header.len())
        .filter(|&i| {
            let words = header[i].text.split_whitespace().count();
            let headline_shaped = match header[i].kind {
                LineKind::Short => true,
                LineKind::Prose => header[i].text.ends_with(['?', '!']),
                _ => false,
            };
            headline_shaped && (4..=30).contains(&words)
        })
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for norm in lines.iter().filter_map(|l| l.norm.as_deref()) {
        *seen.entry(norm).or_default() += 1;
    }
    let repeated = candidates.iter().copied().find(|&i| {
        lines[i]
            .norm
            .as_deref()
            .is_some_and(|n| seen.get(n).copied().unwrap_or(0) > 1)
    });
    let longest = candidates.iter().copied().max_by_key(|&i| {
        (
            header[i].text.split_whitespace().count(),
            std::cmp::Reverse(i),
        )
    });
    repeated.or(longest).or_else(|| {
        // A short headline with nothing else above the story: the first plain line.
        header.iter().position(|l| l.kind == LineKind::Short)
    })
}

/// The publication date the page states anywhere (header, body or footer): the first
/// "published" date, else the first "updated" one.
fn page_date(lines: &[PageLine<'_>]) -> Option<jiff::civil::Date> {
    let mut updated = None;
    for line in lines {
        match line.kind {
            LineKind::Date(DateLine::Published(d)) => return Some(d),
            LineKind::Date(DateLine::Updated(d)) => updated = updated.or(Some(d)),
            _ => {}
        }
    }
    updated
}

/// The forms of a title that count as a repeat of it: as given, and without a site suffix.
fn title_keys(title: &str) -> Vec<String> {
    let mut keys = vec![normalise(title)];
    let stripped = normalise(strip_site_suffix(title));
    if stripped != keys[0] {
        keys.push(stripped);
    }
    keys
}

/// "Talks collapse | The Example Times" → "Talks collapse"; "Brexit day – as it happened" stays.
fn strip_site_suffix(title: &str) -> &str {
    let names_a_site = |site: &str| {
        let words: Vec<&str> = site.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || matches!(*w, "of" | "the" | "and" | "&" | "for")
            })
    };
    for sep in [" | ", " – ", " — ", " - "] {
        if let Some((head, site)) = title.rsplit_once(sep)
            && names_a_site(site)
            && head.split_whitespace().count() >= 3
        {
            return head.trim();
        }
    }
    title
}

/// Where the story starts: the first prose line after `from` that is followed by more story,
/// not by another header marker (a prose line between two markers is the dek).
fn find_body_start(lines: &[PageLine<'_>], from: usize) -> usize {
    let header_end = (from + HEADER_LINES).min(lines.len());
    let mut i = from;
    while i < header_end {
        if lines[i].kind == LineKind::Prose {
            let next = lines[i + 1..]
                .iter()
                .find(|l| !matches!(l.kind, LineKind::Furniture(lexicon::Furniture::Line)));
            match next.map(|l| &l.kind) {
                Some(k) if k.is_header_marker() => {}
                _ => return i,
            }
        }
        i += 1;
    }
    // No header structure: the story starts with its first prose line, or right after the title.
    lines[from..]
        .iter()
        .position(|l| l.kind == LineKind::Prose)
        .map_or(from, |p| from + p)
        .min(if header_end == lines.len() {
            from
        } else {
            usize::MAX
        })
        .max(from)
}

/// Takes description, sections and credit from the header lines.
fn lift_header(header: &[PageLine<'_>], title_idx: Option<usize>, cleaned: &mut Cleaned) {
    for (i, line) in header.iter().enumerate() {
        if Some(i) == title_idx {
            continue;
        }
        match &line.kind {
            LineKind::Prose if cleaned.description.is_none() => {
                cleaned.description = Some(line.text.to_string());
            }
            LineKind::Breadcrumb(items) if cleaned.sections.is_empty() => {
                cleaned.sections = items.clone()
            }
            LineKind::Credit if cleaned.image_credit.is_none() => {
                cleaned.image_credit = Some(line.text.to_string());
            }
            _ => {}
        }
    }
}

/// Keeps the story's lines, drops furniture and the tail, and lifts a credit found in the body.
fn assemble_body(lines: &[PageLine<'_>], scraped: bool, cleaned: &mut Cleaned) -> String {
    let tail = lines
        .iter()
        .enumerate()
        .position(|(i, l)| {
            matches!(l.kind, LineKind::Furniture(lexicon::Furniture::Tail))
                && lines[..i].iter().any(|p| p.kind == LineKind::Prose)
        })
        .unwrap_or(lines.len());
    let story = &lines[..tail];
    // On a scraped page, short lines after the last sentence are menus and link lists; on a clean
    // story (a results table, a one-line flash) they are the story.
    let last_prose = match story.iter().rposition(|l| is_prose(l.text)) {
        Some(p) if scraped => p + 1,
        _ => story.len(),
    };
    let mut body = String::new();
    let mut paragraph_open = false;
    for line in &story[..last_prose] {
        match &line.kind {
            LineKind::Prose | LineKind::Short => {}
            LineKind::Credit => {
                cleaned
                    .image_credit
                    .get_or_insert_with(|| line.text.to_string());
                continue;
            }
            _ => continue,
        }
        if !body.is_empty() {
            body.push_str(if line.new_paragraph || !paragraph_open {
                "\n\n"
            } else {
                "\n"
            });
        }
        body.push_str(line.text);
        paragraph_open = true;
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_story_loses_nothing() {
        let text = "Talks resume in Geneva\n\nDiplomats met on Monday. They agreed to meet again.\n\nA second round is planned.";
        let c = clean_text(text, None);
        assert_eq!(c.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(
            c.body,
            "Diplomats met on Monday. They agreed to meet again.\n\nA second round is planned."
        );
        assert_eq!(c.description, None);
    }

    #[test]
    fn a_given_title_leaves_the_first_paragraph_alone() {
        let text =
            "Quarterly profits at the firm jumped 76% to $1.13bn.\n\nThe firm said sales rose.";
        let c = clean_text(text, Some("Profits jump"));
        assert_eq!(c.title.as_deref(), Some("Profits jump"));
        assert_eq!(c.body, text);
    }

    #[test]
    fn a_clean_story_keeps_its_short_lines() {
        let text =
            "Premiership results on Tuesday:\n\nChelsea 2 Reading 2\n\nTottenham 2 Aston Villa 1";
        assert_eq!(clean_text(text, Some("Results")).body, text);
        let flash = "URGENT: 9,007 people killed in 53,173 accidents in China this October";
        assert_eq!(clean_text(flash, Some("October toll")).body, flash);
    }

    #[test]
    fn site_suffix_is_stripped_from_the_title() {
        assert_eq!(
            strip_site_suffix("Talks collapse in Hanoi | The Daily Example"),
            "Talks collapse in Hanoi"
        );
        assert_eq!(strip_site_suffix("Hanoi - Day 2"), "Hanoi - Day 2");
    }
}
