//! What one line of a scraped page is.

use super::dateline::{DateLine, parse_date_line};
use super::lexicon::{Furniture, FurnitureLexicon, normalise};

/// The role a line plays on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Story text: a sentence or more.
    Prose,
    /// A short line that is not furniture: a headline, a subheading, a list item.
    Short,
    /// The title again.
    TitleRepeat,
    /// Navigation, prompts, share bars (see `furniture.txt`).
    Furniture(Furniture),
    /// "Flashpoints | Security | East Asia": the page's sections, in order.
    Breadcrumb(Vec<String>),
    /// "Credit: AP Photo/Vincent Yu, File".
    Credit,
    /// "By Jane Smith, Reuters".
    Byline,
    /// A photo caption: the line just above a credit, in the same block.
    Caption,
    /// "Published: June 12, 2018".
    Date(DateLine),
}

impl LineKind {
    /// Lines that belong to a page's header, between which a lone prose line is the dek.
    pub fn is_header_marker(&self) -> bool {
        matches!(
            self,
            LineKind::TitleRepeat
                | LineKind::Credit
                | LineKind::Caption
                | LineKind::Byline
                | LineKind::Date(_)
                | LineKind::Breadcrumb(_)
        )
    }
}

/// Lines longer than this are story text whatever they say: furniture, credits, bylines,
/// breadcrumbs and date lines are all shorter.
pub const MAX_FURNITURE_WORDS: usize = 40;

/// Classifies one trimmed line; `title_keys` are the normalised forms of the page title.
#[cfg(test)]
pub fn classify_line(line: &str, title_keys: &[String]) -> LineKind {
    let words = line.split_whitespace().count();
    let norm = (words <= MAX_FURNITURE_WORDS).then(|| normalise(line));
    if norm.as_ref().is_some_and(|n| title_keys.contains(n)) {
        return LineKind::TitleRepeat;
    }
    classify(line, norm.as_deref(), words)
}

/// Classifies a line from its text, its normalised form (absent for long lines) and its length.
pub fn classify(line: &str, norm: Option<&str>, words: usize) -> LineKind {
    let Some(norm) = norm else {
        return LineKind::Prose;
    };
    if is_credit(norm, words) {
        return LineKind::Credit;
    }
    if norm.starts_with("image caption") || norm.starts_with("media caption") {
        return LineKind::Caption;
    }
    if let Some(kind) = FurnitureLexicon::get().classify(norm, words) {
        return LineKind::Furniture(kind);
    }
    if is_counter(norm) || is_url(line) {
        return LineKind::Furniture(Furniture::Line);
    }
    if let Some(date) = parse_date_line(line) {
        return LineKind::Date(date);
    }
    if is_byline(line, norm, words) {
        return LineKind::Byline;
    }
    if let Some(items) = breadcrumb(line, words) {
        return LineKind::Breadcrumb(items);
    }
    if is_prose(line) {
        LineKind::Prose
    } else {
        LineKind::Short
    }
}

/// Whether a line reads as story text: a sentence with its final mark, or a long line.
pub fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    let terminal = end.ends_with(['.', '!', '?', '…', ':']);
    (terminal && words >= 3) || words >= 14
}

/// Image credits: labelled ("Credit:", "Photo:", "Image source,") or agency photo lines.
fn is_credit(norm: &str, words: usize) -> bool {
    if words > 20 {
        return false;
    }
    // "Credit: ...", "Credit...", "Credits -".
    if norm
        .strip_prefix("credit")
        .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphabetic() || c == 's'))
    {
        return true;
    }
    const LABELS: [&str; 14] = [
        "credit:",
        "credits:",
        "photo:",
        "photos:",
        "photo credit",
        "photograph:",
        "picture:",
        "image:",
        "image credit",
        "image source,",
        "illustration:",
        "(photo",
        "(image",
        "(credit",
    ];
    if LABELS.iter().any(|l| norm.starts_with(l)) {
        return true;
    }
    words <= 8
        && [
            "ap photo",
            "getty images",
            "afp via getty",
            "reuters/",
            "/reuters",
            "/afp",
            "shutterstock",
            "epa-efe",
        ]
        .iter()
        .any(|m| norm.contains(m))
}

/// "23 comments", "4 min read", "1.2k shares".
fn is_counter(norm: &str) -> bool {
    if !norm.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut parts = norm.split(' ');
    let (Some(number), Some(rest)) = (parts.next(), parts.next()) else {
        return false;
    };
    let numeric = number
        .trim_end_matches('k')
        .replace([',', '.'], "")
        .parse::<u64>()
        .is_ok();
    let tail: Vec<&str> = std::iter::once(rest).chain(parts).collect();
    numeric
        && matches!(
            tail.join(" ").as_str(),
            "comment"
                | "comments"
                | "share"
                | "shares"
                | "min read"
                | "minute read"
                | "minutes read"
                | "views"
                | "likes"
                | "replies"
        )
}

fn is_url(line: &str) -> bool {
    !line.contains(' ')
        && (line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www."))
}

/// "By Jane Smith", "By Jane Smith and Li Wei, Reuters", "Written by ...".
fn is_byline(line: &str, lower: &str, words: usize) -> bool {
    let rest = [
        "by ",
        "written by ",
        "words by ",
        "story by ",
        "reporting by ",
        "additional reporting by ",
        "editing by ",
    ]
    .iter()
    .find_map(|p| lower.starts_with(p).then(|| &line[p.len()..]));
    let Some(rest) = rest else {
        return false;
    };
    if lower.starts_with("reporting by")
        || lower.starts_with("editing by")
        || lower.starts_with("additional reporting")
    {
        return words <= 30;
    }
    let names = rest.split_whitespace().take(3);
    words <= 12
        && !line.ends_with(['.', '?', '!'])
        && names.clone().count() >= 1
        && names.take(1).all(|w| w.starts_with(char::is_uppercase))
}

/// The items of a breadcrumb line, without "Home".
fn breadcrumb(line: &str, words: usize) -> Option<Vec<String>> {
    if words > 14 || !line.contains(['|', '>', '›', '»', '/', '·']) {
        return None;
    }
    // Scrapes often keep the non-breaking spaces around separators.
    let line: String = line
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let sep = [" | ", " > ", " › ", " » ", " / ", " · "]
        .into_iter()
        .find(|s| line.contains(s))?;
    let items: Vec<&str> = line
        .split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let looks_like_items = items.len() >= 2
        && items.iter().all(|it| {
            it.split_whitespace().count() <= 4
                && it.chars().count() <= 32
                && !it.ends_with(['.', '?', '!', ','])
                && it.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        });
    // "Subscribe | Newsletters | Log in" is a menu, not a trail of sections.
    let navigation = items
        .iter()
        .filter(|it| !it.eq_ignore_ascii_case("home"))
        .any(|it| {
            FurnitureLexicon::get()
                .classify(&normalise(it), 1)
                .is_some()
        });
    (looks_like_items && !navigation).then(|| {
        items
            .into_iter()
            .filter(|it| !it.eq_ignore_ascii_case("home"))
            .map(str::to_string)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_the_founding_page() {
        let keys = vec![normalise(
            "No Interest in Resumed Talks With the US: Senior North Korean Diplomat",
        )];
        let c = |l| classify_line(l, &keys);
        assert_eq!(c("Recent Features"), LineKind::Furniture(Furniture::Line));
        assert_eq!(
            c("Flashpoints | Security | East Asia"),
            LineKind::Breadcrumb(vec![
                "Flashpoints".into(),
                "Security".into(),
                "East Asia".into()
            ])
        );
        assert_eq!(
            c("No Interest in Resumed Talks With the US: Senior North Korean Diplomat"),
            LineKind::TitleRepeat
        );
        assert_eq!(c("Credit: AP Photo/Vincent Yu, File"), LineKind::Credit);
        assert_eq!(
            c("A veteran North Korean diplomat ruled out the possibility of new talks."),
            LineKind::Prose
        );
    }

    #[test]
    fn bylines_counters_and_crumbs() {
        let c = |l| classify_line(l, &[]);
        assert_eq!(c("By Jane Smith, Reuters"), LineKind::Byline);
        assert_eq!(
            c("By the end of the day, the talks had collapsed."),
            LineKind::Prose
        );
        assert_eq!(c("23 comments"), LineKind::Furniture(Furniture::Line));
        assert_eq!(
            c("Home > World > Asia"),
            LineKind::Breadcrumb(vec!["World".into(), "Asia".into()])
        );
        assert_eq!(c("Talks resume"), LineKind::Short);
        assert_eq!(
            c("News\u{a0}|\u{a0}Politics"),
            LineKind::Breadcrumb(vec!["News".into(), "Politics".into()])
        );
    }
}
