//! The standfirst: the paragraph or two that sum up the story between its headline and its
//! body. Sites print it in the page's header, beside the headline (`<p class="intro">` after
//! the `<h1>`), outside the container that holds the paragraphs of the story, so the container
//! choice leaves it out; it is the story's first paragraph all the same.

use crate::blocks::{Block, Kind};
use crate::failsafe::is_prose;

/// Blocks between the headline and the story's first paragraph, at most: further apart, what
/// lies between is the page's furniture, not the story's header.
const MAX_GAP: usize = 8;

/// Puts before `chosen` the prose paragraphs that sit between the headline (a block of `all`)
/// and the first chosen block, when the two are close.
pub fn take_standfirst(all: &[Block], headline: Option<&str>, chosen: &mut Vec<Block>) {
    let Some(headline) = headline else {
        return;
    };
    let Some(first) = chosen.first() else {
        return;
    };
    let Some(h) = all
        .iter()
        .position(|b| std::ptr::eq(b.text.as_str(), headline))
    else {
        return;
    };
    let Some(start) = all
        .iter()
        .position(|b| b.owner == first.owner && b.text == first.text)
    else {
        return;
    };
    if start <= h + 1 || start - h > MAX_GAP {
        return;
    }
    let lead: Vec<Block> = all[h + 1..start]
        .iter()
        .filter(|b| is_standfirst(b))
        .cloned()
        .collect();
    if !lead.is_empty() {
        chosen.splice(0..0, lead);
    }
}

/// A paragraph of prose that is not a byline or a notice.
fn is_standfirst(b: &Block) -> bool {
    matches!(b.kind, Kind::Paragraph | Kind::Loose)
        && is_prose(b)
        && b.link_chars == 0
        && !b.text.starts_with("By ")
        && !crate::prompts::is_prompt(&b.text)
}
