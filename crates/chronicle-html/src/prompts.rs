//! Lines that talk to the reader instead of telling the story: calls to subscribe, follow,
//! share, comment or download an app, paywall notices, disclaimers, copyright lines and
//! "read more" pointers. Sites put them inside the article's container, so the container
//! choice alone keeps them; they are recognised by their wording, and only when short.

/// Phrases (lowercase) that make a short block a prompt or notice.
#[rustfmt::skip]
const PHRASES: &[&str] = &[
    "subscribe", "subscriber", "subscription", "newsletter", "sign up", "signing up", "sign-up",
    "follow us", "follow the ", "like us on", "download the", "download our", "get the app",
    "our app", "leave a comment", "leave a reply", "post a comment", "comments are closed",
    "you might also like", "you may also like", "related:", "related articles", "related stories",
    "read more", "read also", "also read", "see also", "explore further", "more from",
    "all rights reserved", "copyright", "reprint", "written permission", "© 20", "©20", "(c) 20", "click here", "share this",
    "share on", "share via", "advertisement", "sponsored content", "not responsible for the",
    "does not offer medical advice", "references to products", "affiliate", "disclaimer",
    "photograph by", "photo by", "image by", "image credit", "photo credit", "getty images",
    "log in", "login", "register now", "to continue reading", "full story", "already a subscriber",
    "cookies", "privacy policy", "terms of use", "terms of service", "send us a message",
    "tip off", "contact us", "email us", "whatsapp", "join our", "inbox", "listen to this",
    "print this", "min read", "minute read", "related coverage", "more stories", "we welcome responses", "bonus value", "estimated value",
    "what you think", "let us know", "write to us", "letter to the editor", "we may earn", "commission",
    "we recommend", "advertiser", "medical advice", "the app", "our podcast",
    "straight to your", "category:", "category :", "categories:", "filed under", "tags:",
];

/// Whether a block is a prompt or notice rather than article text. Long blocks never are:
/// an article may well mention a newsletter.
pub fn is_prompt(text: &str) -> bool {
    if is_label_or_stamp(text) || is_credit_line(text.trim()) {
        return true;
    }
    if text.len() > 300 {
        return false;
    }
    let lower = text.to_lowercase();
    let hits = PHRASES.iter().filter(|p| lower.contains(*p)).count();
    (hits >= 1 && text.len() <= 140) || hits >= 2
}

/// An image's credit on a line of its own: "(Credit: Jane Roe / Agency)", "Photo: Agency".
fn is_credit_line(t: &str) -> bool {
    let lower = t.trim_start_matches(['(', '[']).to_lowercase();
    t.chars().count() <= 100
        && [
            "credit:",
            "credits:",
            "photo:",
            "image:",
            "photograph:",
            "illustration:",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// A web address alone on its line ("NEWSDESK.EXAMPLE.COM", "www.example.org"): a source
/// credit or a link printed as text, never a sentence of the story.
fn is_bare_address(t: &str) -> bool {
    let t = t.trim_end_matches(['.', '/']);
    let t = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(t);
    let Some((host, tld)) = t.rsplit_once('.') else {
        return false;
    };
    !t.contains(char::is_whitespace)
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && host.len() >= 2
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
}

/// A bare label ("Credit:", "Release Date:") or a bare date or time ("11 Jan 2019", "20:37"):
/// page furniture printed beside the article, not part of it.
fn is_label_or_stamp(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 40 {
        return false;
    }
    if t.ends_with(':') && t.chars().count() <= 20 {
        return true;
    }
    if is_bare_address(t) {
        return true;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let is_time = t.len() <= 8
        && t.contains(':')
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b' ');
    let words = t.split_whitespace().count();
    is_time || (letters <= 20 && words <= 6 && crate::dates::parse(t).is_some())
}
