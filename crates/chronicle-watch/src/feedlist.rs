//! The feed list a user writes: one feed URL a line, optionally followed by the source name its
//! pages are stored under; `#` starts a comment; blank lines are skipped.
//!
//! ```text
//! # world news
//! https://news.example/world/rss.xml   Example News
//! https://news.example/sitemap-news.xml
//! ```

use std::path::Path;

/// One feed of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSource {
    pub url: String,
    /// The source name of its pages (else their host).
    pub name: Option<String>,
}

/// A line of the list that is not a feed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct ListError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

/// Reads the list in `text` (from `path`, named in errors): the feeds, and the bad lines.
pub fn parse(text: &str, path: &Path) -> (Vec<FeedSource>, Vec<ListError>) {
    let mut feeds = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (url, name) = match line.split_once(char::is_whitespace) {
            Some((u, n)) => (u, Some(n.trim().to_string()).filter(|n| !n.is_empty())),
            None => (line, None),
        };
        if crate::url::parts(url).is_none() {
            errors.push(ListError {
                path: path.display().to_string(),
                line: i + 1,
                message: format!("{url:?} is not an http(s) URL"),
            });
            continue;
        }
        feeds.push(FeedSource {
            url: url.to_string(),
            name,
        });
    }
    (feeds, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_names_comments_and_bad_lines() {
        let text =
            "# c\n\nhttp://a.test/rss  A News  # note\nftp://b.test/x\nhttps://c.test/s.xml\n";
        let (feeds, errors) = parse(text, Path::new("feeds.txt"));
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].name.as_deref(), Some("A News"));
        assert_eq!(feeds[1].name, None);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "feeds.txt:4: \"ftp://b.test/x\" is not an http(s) URL"
        );
    }
}
