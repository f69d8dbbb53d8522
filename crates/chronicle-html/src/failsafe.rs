//! A second look when the chosen container is not an article: a short body that is mostly
//! furniture — an address block, phone numbers, register and copyright lines, e-mail contacts —
//! while the page holds prose elsewhere.
//!
//! Short articles lose the container vote to long footers: an address block is all commas, and
//! commas are what the scorer counts. The fail-safe does not tune the vote; it checks its
//! outcome. When the body is short and mostly furniture, it looks again at what else the page
//! offers — the longest run of prose paragraphs, and the JSON-LD `articleBody` — and takes the
//! one with the most prose, the page's own description (Open Graph, JSON-LD) breaking ties.
//! A long body keeps its choice, less the furniture after its last paragraph.

use crate::blocks::{Block, Kind};
use crate::dom::Document;

/// Bodies up to this many characters are short enough to doubt.
const SHORT_BODY: usize = 1500;

/// What the fail-safe chose.
pub enum Second {
    /// Blocks of the page, in order.
    Blocks(Vec<Block>),
    /// The JSON-LD `articleBody` text.
    ArticleBody,
}

/// A better body than `chosen`, when `chosen` is short, mostly furniture, and the page holds
/// prose elsewhere; `None` keeps `chosen`.
pub fn look_again(
    all: &[Block],
    chosen: &[Block],
    article_body: Option<&str>,
    description: Option<&str>,
) -> Option<Second> {
    let total: usize = chosen.iter().map(|b| b.chars).sum();
    if total > SHORT_BODY {
        return None;
    }
    let furniture: usize = chosen
        .iter()
        .filter(|b| is_furniture(&b.text))
        .map(|b| b.chars)
        .sum();
    if total > 0 && furniture * 2 < total {
        return None;
    }
    let kept = total - furniture;
    let run = longest_prose_run(all);
    // The run's headings count, as the kept part of the body's do: a run that is the body's
    // own story without its furniture ties with it, and wins.
    let run_chars: usize = run.iter().map(|b| b.chars).sum();
    let ld_chars = article_body.map_or(0, |t| {
        t.lines()
            .filter(|l| is_prose_text(l.trim()))
            .map(|l| l.trim().chars().count())
            .sum()
    });
    let run_text: String = run
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let echo = |text: &str| description.is_some_and(|d| echoes(d, text));
    // The description, when the page gives one, says which candidate is the story.
    let ld_first = ld_chars > kept
        && (ld_chars > run_chars || echo(article_body.unwrap_or("")) && !echo(&run_text));
    if ld_first {
        return Some(Second::ArticleBody);
    }
    (run_chars > 0 && run_chars >= kept).then_some(Second::Blocks(run))
}

/// Drops the furniture after the story's last paragraph — a site's address block, its
/// contacts and register lines taken in with the article — unless it sits in the same element
/// as that paragraph (a "call us on ..." line that ends the story stays).
pub fn trim_furniture_tail(doc: &Document, blocks: &mut Vec<Block>) {
    let Some(last) = blocks.iter().rposition(is_prose) else {
        return;
    };
    let parent = |b: &Block| doc.nodes.get(b.owner as usize).map(|n| n.parent);
    let story_parent = parent(&blocks[last]);
    let tail = &blocks[last + 1..];
    let tail_chars: usize = tail.iter().map(|b| b.chars).sum();
    let furniture: usize = tail
        .iter()
        .filter(|b| is_furniture(&b.text))
        .map(|b| b.chars)
        .sum();
    if tail.is_empty() || furniture * 2 < tail_chars {
        return;
    }
    let mut i = last + 1;
    blocks.retain(|b| {
        let keep = i <= last || parent(b) == story_parent || !is_furniture(&b.text);
        i += 1;
        keep
    });
}

/// The longest run of consecutive prose paragraphs (with the headings between them), by the
/// characters of its prose.
fn longest_prose_run(all: &[Block]) -> Vec<Block> {
    let mut best: (usize, usize, usize) = (0, 0, 0); // (prose chars, start, end)
    let mut start = 0;
    let mut prose = 0;
    for (i, b) in all.iter().enumerate() {
        let heading = matches!(b.kind, Kind::Heading(_)) && b.link_chars == 0;
        if is_prose(b) {
            prose += b.chars;
            if prose > best.0 {
                best = (prose, start, i + 1);
            }
        } else if !heading {
            start = i + 1;
            prose = 0;
        }
    }
    let (_, s, e) = best;
    // A heading right before the run is its headline.
    let s = if s > 0 && matches!(all[s - 1].kind, Kind::Heading(_)) {
        s - 1
    } else {
        s
    };
    all[s..e].to_vec()
}

/// A paragraph of running text: sentences, few links, no furniture.
pub fn is_prose(b: &Block) -> bool {
    matches!(b.kind, Kind::Paragraph | Kind::Loose | Kind::Quote)
        && b.link_chars * 3 < b.chars
        && is_prose_text(&b.text)
}

fn is_prose_text(text: &str) -> bool {
    is_sentence(text) && !is_furniture(text)
}

/// Whether most of the description's words are in `text`.
fn echoes(description: &str, text: &str) -> bool {
    let text = text.to_lowercase();
    let words: Vec<String> = description
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(str::to_lowercase)
        .collect();
    !words.is_empty()
        && words.iter().filter(|w| text.contains(w.as_str())).count() * 3 >= words.len() * 2
}

/// Lines of a site's furniture: contacts, addresses, register and copyright lines. E-mail
/// addresses and legal phrases are enough; a phone number or a street address is not, in a
/// sentence ("Residents of 14 Mill Road said ..."), unless both are there.
pub fn is_furniture(text: &str) -> bool {
    if has_email(text) || has_legal(text) {
        return true;
    }
    match usize::from(has_phone(text)) + usize::from(has_address(text)) {
        0 => false,
        1 => !is_sentence(text) && text.chars().count() < 300,
        _ => true,
    }
}

/// Eight words or more ending as a sentence does.
fn is_sentence(text: &str) -> bool {
    text.split_whitespace().count() >= 8
        && text
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', ')', ':'])
}

fn has_email(text: &str) -> bool {
    text.match_indices('@').any(|(i, _)| {
        let before = text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        let after = &text[i + 1..];
        let domain: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        before && domain.trim_end_matches('.').contains('.')
    })
}

/// Seven or more digits in one group of digits, spaces, dots, dashes and brackets, with a
/// telephone word or a leading `+`.
fn has_phone(text: &str) -> bool {
    let lower = text.to_lowercase();
    let cue = ["phone", "tel", "fax", "call us", "mobile", "whatsapp"]
        .iter()
        .any(|w| lower.contains(w));
    let mut digits = 0;
    let mut plus = false;
    for c in text.chars() {
        match c {
            '0'..='9' => digits += 1,
            ' ' | '-' | '.' | '(' | ')' | '/' => {}
            '+' => {
                plus = true;
                digits = 0;
            }
            _ => {
                if digits >= 7 && (cue || plus) {
                    return true;
                }
                digits = 0;
                plus = false;
            }
        }
    }
    digits >= 7 && (cue || plus)
}

/// A house number followed by a street word, or a "Suite"/"Floor" with a number, or a US ZIP
/// after a state's two capitals.
fn has_address(text: &str) -> bool {
    const STREET: &[&str] = &[
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "lane",
        "drive",
        "square",
        "place",
        "plaza",
        "way",
        "suite",
        "floor",
        "building",
    ];
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| w.len() <= 5 && w.chars().all(|c| c.is_ascii_digit());
    let street = |w: &str| {
        let w = w.trim_end_matches('.').to_lowercase();
        STREET.contains(&w.as_str())
    };
    for (i, w) in words.iter().enumerate() {
        if number(w) && words[i + 1..].iter().take(4).any(|n| street(n)) {
            return true;
        }
        if matches!(w.to_lowercase().as_str(), "suite" | "floor")
            && words.get(i + 1).is_some_and(|n| number(n))
        {
            return true;
        }
        let state = w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase());
        if state && words.get(i + 1).is_some_and(|n| n.len() == 5 && number(n)) {
            return true;
        }
    }
    false
}

fn has_legal(text: &str) -> bool {
    const LEGAL: &[&str] = &[
        "©",
        "copyright",
        "all rights reserved",
        "registered in",
        "registered office",
        "company number",
        "company no",
        "vat number",
        "vat no",
        "terms of use",
        "privacy policy",
        "terms and conditions",
    ];
    let lower = text.to_lowercase();
    LEGAL.iter().any(|l| lower.contains(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_and_prose() {
        for line in [
            "Valley Ledger Media, Inc., 1625 Harbor Street, NW, Suite 900, Riverton, VA 22301",
            "Phone: +1 (202) 555-0143, Fax: +1 (202) 555-0199",
            "Write to newsroom@ledger.example",
            "Registered in England and Wales, company number 4471203",
            "Copyright © 2021 Valley Ledger. All rights reserved.",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "The council voted on Tuesday to fund a walk-in clinic on Mill Road, which will open next year.",
            "About 1,500 people marched down Main Street on Sunday, police said, and 30 were arrested.",
            "The company said its revenue rose 12 percent to $4.5 billion in the third quarter.",
        ] {
            assert!(!is_furniture(line), "{line}");
            assert!(is_prose_text(line), "{line}");
        }
    }
}
