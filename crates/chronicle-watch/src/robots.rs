//! robots.txt as RFC 9309 reads it: the groups for Chronicle's product token (else those for
//! `*`), `Allow` and `Disallow` rules with `*` and `$`, the longest match deciding and `Allow`
//! winning a tie; and the non-standard but common `Crawl-delay`, which only ever slows Chronicle
//! down.
//!
//! Written here rather than taken from `texting_robots` (18 s cold, on nom 7, bstr 0.2 and
//! regex-automata 0.1): the format is small and the rules are the RFC's.

use std::time::Duration;

/// The rules of one site for one crawler.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Robots {
    /// `(allow, pattern)`, in file order.
    rules: Vec<(bool, String)>,
    crawl_delay: Option<Duration>,
}

impl Robots {
    /// Every path allowed: a site with no robots.txt (a 4xx answer, as RFC 9309 says).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Every path refused: a site whose robots.txt could not be fetched (5xx, network), until
    /// it can be.
    pub fn disallow_all() -> Robots {
        Robots {
            rules: vec![(false, "/".into())],
            crawl_delay: None,
        }
    }

    /// The rules `text` gives the crawler whose product token is `agent` (case-insensitive).
    pub fn parse(text: &str, agent: &str) -> Robots {
        let agent = agent.to_ascii_lowercase();
        let mut mine = Robots::default();
        let mut star = Robots::default();
        let (mut found_mine, mut found_star) = (false, false);
        // The user agents of the group being read, and whether its rules have started.
        let mut group: Vec<String> = Vec::new();
        let mut in_rules = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            if key == "user-agent" {
                if in_rules {
                    group.clear();
                    in_rules = false;
                }
                group.push(value.to_ascii_lowercase());
                continue;
            }
            let is_rule = matches!(key.as_str(), "allow" | "disallow" | "crawl-delay");
            if !is_rule {
                continue;
            }
            in_rules = true;
            let for_me = group
                .iter()
                .any(|g| *g != "*" && agent.starts_with(g.as_str()));
            let for_star = group.iter().any(|g| g == "*");
            let targets: [(bool, &mut Robots, &mut bool); 2] = [
                (for_me, &mut mine, &mut found_mine),
                (for_star, &mut star, &mut found_star),
            ];
            for (applies, robots, found) in targets {
                if !applies {
                    continue;
                }
                *found = true;
                match key.as_str() {
                    "crawl-delay" => {
                        robots.crawl_delay = value
                            .parse::<f64>()
                            .ok()
                            .filter(|s| s.is_finite() && *s >= 0.0)
                            .map(|s| Duration::from_secs_f64(s.min(3600.0)));
                    }
                    // An empty Disallow allows everything: it is no rule.
                    "disallow" if value.is_empty() => {}
                    k => robots.rules.push((k == "allow", value.to_string())),
                }
            }
        }
        if found_mine { mine } else { star }
    }

    /// Whether `path` (path and query, starting with `/`) may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern.as_bytes(), path.as_bytes()) {
                let len = pattern.len();
                let better = match best {
                    None => true,
                    Some((l, a)) => len > l || (len == l && *allow && !a),
                };
                if better {
                    best = Some((len, *allow));
                }
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }

    /// The delay the site asks for between requests, if any.
    pub fn crawl_delay(&self) -> Option<Duration> {
        self.crawl_delay
    }
}

/// Whether `pattern` (with `*` for any run of bytes and a final `$` for the end) matches the
/// start of `path`.
fn matches(pattern: &[u8], path: &[u8]) -> bool {
    match pattern.split_first() {
        None => true,
        Some((b'$', [])) => path.is_empty(),
        Some((b'*', rest)) => (0..=path.len()).any(|i| matches(rest, &path[i..])),
        Some((c, rest)) => path
            .split_first()
            .is_some_and(|(p, tail)| p == c && matches(rest, tail)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\
# a comment
User-agent: *
Disallow: /private/
Allow: /private/open
Crawl-delay: 2

User-agent: otherbot
User-agent: Chronicle
Disallow: /nochronicle
Disallow: /*.pdf$
Allow: /nochronicle/ok
";

    #[test]
    fn our_group_wins_over_star() {
        let r = Robots::parse(FILE, "chronicle");
        assert!(!r.allows("/nochronicle/a"));
        assert!(r.allows("/nochronicle/ok/1"));
        assert!(!r.allows("/files/report.pdf"));
        assert!(r.allows("/files/report.pdf?x"));
        assert!(r.allows("/private/x"), "the * group does not apply to us");
        assert_eq!(r.crawl_delay(), None);
    }

    #[test]
    fn star_group_with_longest_match() {
        let r = Robots::parse(FILE, "somebot");
        assert!(!r.allows("/private/x"));
        assert!(r.allows("/private/open/1"));
        assert!(r.allows("/robots.txt"));
        assert_eq!(r.crawl_delay(), Some(Duration::from_secs(2)));
    }

    #[test]
    fn empty_and_failing_files() {
        assert!(Robots::parse("", "chronicle").allows("/a"));
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "chronicle").allows("/a"));
        assert!(!Robots::disallow_all().allows("/a"));
        assert!(Robots::allow_all().allows("/a"));
    }
}
