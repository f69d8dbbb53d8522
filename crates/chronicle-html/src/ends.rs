//! Where the article ends inside its container: a heading that announces the page's
//! furniture — the comments ("Comments", "82 responses", "Leave a reply"), other pages
//! ("Related posts", "More from the desk", "Look at other entries:", "Read next") — closes the
//! story, and what follows it is that furniture, not more of the story.
//!
//! Sites often put the comment section or a teaser list inside the same wrapper as the
//! article, with no class name that says so; the heading they print above it does.
//!
//! A second story boxed inside the first (a fact box that is another article, with its own
//! headline and byline) is told by the same means: a heading followed by a byline, after the
//! story has begun, opens another story, and the box that holds the two is left out.

use crate::blocks::{Block, Kind};
use crate::dom::Document;
use crate::failsafe::is_prose;

/// Labels (lowercase) of a comment section: what follows them is never the story.
#[rustfmt::skip]
const COMMENTS: &[&str] = &[
    "comment", "comments", "responses", "replies", "reader comments", "leave a reply",
    "leave a comment", "post a comment", "add a comment", "join the discussion",
    "join the conversation", "what do you think",
];

/// Labels (lowercase) of other pages. Sites also print them over a box in the middle of the
/// story, so they close it only when the story does not go on after them: no paragraph beside
/// the story's last one, and not two paragraphs of prose anywhere.
#[rustfmt::skip]
const OTHER_PAGES: &[&str] = &[
    "related", "related posts", "related articles", "related stories", "more from",
    "more stories", "more news", "read next", "up next", "what to read next",
    "you may also like", "you might also like", "recommended", "most popular", "most read",
    "trending", "latest news", "latest stories", "look at other", "other stories",
    "other articles", "other posts", "also on", "elsewhere on", "around the web",
    "from around the web", "in case you missed it", "keep reading", "watch video",
    "watch:", "video:",
];

/// Headings longer than this are titles of something, not labels.
const MAX_LABEL_CHARS: usize = 48;

/// Drops a closing heading and everything after it, when the story has begun before it. A
/// label of other pages that the story goes on after heads a box inside the story: the label
/// and the lines up to the story's next paragraph (the box's teasers) are dropped.
pub fn cut_at_closing_heading(doc: &Document, blocks: &mut Vec<Block>) {
    let parent = |b: &Block| doc.nodes.get(b.owner as usize).map(|n| n.parent);
    // Labels are rare: find them first, and judge the prose around only those.
    let labels: Vec<(usize, Label)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| is_heading_like(b))
        .filter_map(|(i, b)| label_kind(&b.text).map(|k| (i, k)))
        .collect();
    let mut boxes: Vec<(usize, usize)> = Vec::new();
    for (i, kind) in labels {
        let Some(last) = blocks[..i].iter().rposition(is_prose) else {
            continue;
        };
        let story_parent = parent(&blocks[last]);
        let next = blocks[i + 1..].iter().position(is_prose).map(|p| i + 1 + p);
        let cut = match kind {
            Label::Comments => true,
            Label::OtherPages => {
                let mut prose = blocks[i + 1..].iter().filter(|a| is_prose(a));
                let same_parent = prose.clone().any(|a| parent(a) == story_parent);
                !same_parent && prose.nth(1).is_none()
            }
        };
        if cut {
            blocks.truncate(i);
            break;
        }
        if let Some(next) = next {
            boxes.push((i, next));
        }
    }
    let mut i = 0;
    blocks.retain(|_| {
        let keep = !boxes.iter().any(|&(s, e)| (s..e).contains(&i));
        i += 1;
        keep
    });
}

/// Drops boxes inside the story that hold a story of their own: a heading, then a byline,
/// in an element that does not hold the story's first paragraph.
pub fn drop_second_stories(doc: &Document, blocks: &mut Vec<Block>) {
    let Some(first) = blocks.iter().position(is_prose) else {
        return;
    };
    let story_start = blocks[first].owner;
    let mut boxes: Vec<(u32, u32)> = Vec::new();
    for pair in blocks[first + 1..].windows(2) {
        let (head, byline) = (&pair[0], &pair[1]);
        if !matches!(head.kind, Kind::Heading(_)) || !is_byline(&byline.text) {
            continue;
        }
        let Some(common) = common_ancestor(doc, head.owner, byline.owner) else {
            continue;
        };
        let end = doc.nodes[common as usize].end;
        if !(common..end).contains(&story_start) && common != 0 {
            boxes.push((common, end));
        }
    }
    if !boxes.is_empty() {
        blocks.retain(|b| !boxes.iter().any(|&(s, e)| (s..e).contains(&b.owner)));
    }
}

/// Drops the contributor's note that closes some stories ("Jane Roe is a writer and the
/// founder of ..."): the last block, opening with a name and a role.
pub fn drop_closing_bio(blocks: &mut Vec<Block>) {
    if blocks.len() >= 3 && blocks.last().is_some_and(|b| is_bio(&b.text)) {
        blocks.pop();
    }
}

/// Two to four capitalised words, then "is a/an/the", then a profession within a few words.
fn is_bio(text: &str) -> bool {
    const ROLES: &[&str] = &[
        "founder",
        "writer",
        "journalist",
        "editor",
        "consultant",
        "author",
        "contributor",
        "columnist",
        "reporter",
        "correspondent",
        "professor",
        "director",
        "freelance",
        "analyst",
        "researcher",
        "fellow",
    ];
    if text.chars().count() > 600 {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(is) = words.iter().take(5).position(|w| *w == "is") else {
        return false;
    };
    let named = (2..=4).contains(&is)
        && words[..is]
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    let article = words
        .get(is + 1)
        .is_some_and(|w| matches!(*w, "a" | "an" | "the"));
    let role = words.iter().skip(is + 1).take(8).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        ROLES.iter().any(|r| w.starts_with(r))
    });
    named && article && role
}

/// "By Jane Roe", "By Jane Roe for the Harbour Post": a byline, short and naming someone.
fn is_byline(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))
    else {
        return false;
    };
    text.chars().count() <= 80 && rest.starts_with(|c: char| c.is_uppercase())
}

/// The innermost element holding both nodes.
fn common_ancestor(doc: &Document, a: u32, b: u32) -> Option<u32> {
    let mut id = a;
    for _ in 0..64 {
        let node = doc.nodes.get(id as usize)?;
        if id <= b && b < node.end {
            return Some(id);
        }
        if id == 0 {
            return None;
        }
        id = node.parent;
    }
    None
}

/// A heading, or a short line on its own that reads as one ("Comments").
fn is_heading_like(b: &Block) -> bool {
    matches!(b.kind, Kind::Heading(_)) || (b.chars <= 24 && !b.text.contains(['.', ',']))
}

/// What a closing heading announces.
#[derive(Debug, PartialEq, Eq)]
enum Label {
    Comments,
    OtherPages,
}

/// Whether a heading's text is a label of comments or of other pages, and which.
fn label_kind(text: &str) -> Option<Label> {
    if text.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let lower = text.to_lowercase();
    let label = lower
        .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == '(')
        .trim_end_matches([':', ' ', '.', '\u{2026}', ')']);
    // The label, perhaps naming what it lists in a few words ("More from the Harbour Desk");
    // a longer rest is a headline that happens to start so.
    let starts = |w: &&str| {
        label.strip_prefix(*w).is_some_and(|rest| {
            rest.is_empty()
                || (rest.starts_with([' ', ':', '(', '-', '\u{2013}', '\u{2014}'])
                    && rest.split_whitespace().count() <= 4)
        })
    };
    if COMMENTS.iter().any(starts) {
        Some(Label::Comments)
    } else if OTHER_PAGES.iter().any(starts) {
        Some(Label::OtherPages)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contributor_notes() {
        assert!(is_bio(
            "Ada Fenwick is a freelance writer and the founder of a small press in the valley."
        ));
        assert!(is_bio("Tom Wheatley is the editor of the Valley Echo."));
        for text in [
            "The mayor is a founder of the rowing club, and she said so at the meeting.",
            "Ada Fenwick said the press would open a second shop next year.",
            "It is a writer's town, said Ada Fenwick, who founded the press.",
        ] {
            assert!(!is_bio(text), "{text}");
        }
    }

    #[test]
    fn closing_labels() {
        for label in [
            "Comments",
            "12 Comments",
            "Leave a Reply",
            "Related posts",
            "More from the Harbour Desk",
            "Look at other encyclopedias:",
            "You may also like",
            "Read next",
        ] {
            assert!(label_kind(label).is_some(), "{label}");
        }
        for heading in [
            "Commentary on the budget",
            "Why the bridge closed",
            "Related families in the valley share one gene",
            "Popularity of the old ferry",
            "More than a bridge",
        ] {
            assert_eq!(label_kind(heading), None, "{heading}");
        }
    }
}
