//! The little of URL handling a crawler needs: which scheme and host a link names, its path for
//! robots.txt, and a relative link (a feed's `/2026/story.html`, a redirect's `Location`)
//! resolved against the document it appeared in.

/// The parts of an absolute http(s) URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts<'a> {
    /// `http` or `https`, lowercased by the caller's check.
    pub scheme: &'a str,
    /// Host and optional port, as written.
    pub authority: &'a str,
    /// Path and query, `/` when empty; no fragment.
    pub path: &'a str,
}

/// The parts of `url`, or `None` when it is not an absolute http(s) URL.
pub fn parts(url: &str) -> Option<Parts<'_>> {
    let (scheme, rest) = url.split_once("://")?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return None;
    }
    let rest = rest.split('#').next().unwrap_or("");
    let split = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(split);
    if authority.is_empty() || authority.contains(char::is_whitespace) {
        return None;
    }
    Some(Parts {
        scheme,
        authority,
        path: if path.is_empty() { "/" } else { path },
    })
}

/// The scheme of `url` when it has one (`mailto`, `ftp`, `http`), for error messages.
pub fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    scheme
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        .then_some(scheme)
}

/// `href` as an absolute URL, resolved against `base` (RFC 3986's common cases: absolute,
/// scheme-relative, host-relative, path-relative with `.` and `..`). `None` when `href` is
/// empty or `base` is not absolute.
pub fn resolve(base: &str, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    if let Some(s) = scheme(href)
        && href[s.len()..].starts_with(':')
        && !href.starts_with("//")
    {
        return Some(href.to_string());
    }
    let b = parts(base)?;
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("{}://{rest}", b.scheme));
    }
    let origin = format!("{}://{}", b.scheme, b.authority);
    if href.starts_with('/') {
        return Some(format!("{origin}{}", normalise(href)));
    }
    let base_path = b.path.split('?').next().unwrap_or("/");
    if href.starts_with('?') {
        return Some(format!("{origin}{base_path}{href}"));
    }
    let dir = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
    Some(format!("{origin}{}", normalise(&format!("{dir}{href}"))))
}

/// A path with its `.` and `..` segments removed; the query is left alone.
fn normalise(path: &str) -> String {
    let (path, query) = match path.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path, None),
    };
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut s = format!("/{}", out.join("/"));
    if let Some(q) = query {
        s.push('?');
        s.push_str(q);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_the_usual_forms() {
        let base = "http://news.test:8080/feeds/world.xml?x=1";
        assert_eq!(
            resolve(base, "a.html").unwrap(),
            "http://news.test:8080/feeds/a.html"
        );
        assert_eq!(
            resolve(base, "../b/c").unwrap(),
            "http://news.test:8080/b/c"
        );
        assert_eq!(
            resolve(base, "/p?q=1").unwrap(),
            "http://news.test:8080/p?q=1"
        );
        assert_eq!(resolve(base, "//cdn.test/x").unwrap(), "http://cdn.test/x");
        assert_eq!(resolve(base, "https://o.test/").unwrap(), "https://o.test/");
        assert_eq!(resolve(base, "mailto:a@b").unwrap(), "mailto:a@b");
        assert_eq!(resolve(base, " "), None);
    }

    #[test]
    fn parts_only_of_http() {
        let p = parts("https://news.test/a/b?c#frag").unwrap();
        assert_eq!(
            (p.scheme, p.authority, p.path),
            ("https", "news.test", "/a/b?c")
        );
        assert_eq!(parts("http://news.test").unwrap().path, "/");
        assert_eq!(parts("ftp://news.test/"), None);
        assert_eq!(parts("file:///etc/passwd"), None);
    }
}
