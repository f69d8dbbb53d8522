//! The HTTP response inside a WARC `response` record: status, headers, and the body (de-chunked
//! and un-gzipped when the headers say so).

use std::io::Read;

/// Status and headers of an archived HTTP response.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpResponse {
    /// Status code (0 if the status line was unreadable).
    pub status: u16,
    /// Header fields in order, names as written.
    pub headers: Vec<(String, String)>,
}

impl HttpResponse {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The media type of `Content-Type`, lowercased, without parameters.
    pub fn mime(&self) -> Option<String> {
        let ct = self.header("content-type")?;
        Some(
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase(),
        )
    }

    /// The `charset` parameter of `Content-Type`.
    pub fn charset(&self) -> Option<&str> {
        let ct = self.header("content-type")?;
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
        })
    }
}

/// Splits a record block into the HTTP head and the body; `None` if it is not an HTTP response.
pub fn parse(block: &[u8], max_body: u64) -> Option<(HttpResponse, Vec<u8>)> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (head_end, body_start) = match memchr::memmem::find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match memchr::memmem::find(block, b"\n\n") {
            Some(i) => (i, i + 2),
            None => (block.len(), block.len()),
        },
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut headers = Vec::new();
    for line in lines.take(256) {
        if let Some((n, v)) = line.split_once(':') {
            headers.push((n.trim().to_string(), v.trim().to_string()));
        }
    }
    let resp = HttpResponse { status, headers };
    let mut body = block[body_start..].to_vec();
    if resp
        .header("transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
        && let Some(d) = dechunk(&body)
    {
        body = d;
    }
    let gz = resp
        .header("content-encoding")
        .is_some_and(|e| e.to_ascii_lowercase().contains("gzip"));
    if gz && body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let mut dec = flate2::read::MultiGzDecoder::new(&body[..]).take(max_body);
        if dec.read_to_end(&mut out).is_ok() {
            body = out;
        }
    }
    Some((resp, body))
}

/// Decodes `Transfer-Encoding: chunked`; `None` if the body is not well-formed chunks.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = memchr::memmem::find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_body_chunked() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\n3\r\nbc!\r\n0\r\n\r\n";
        let (resp, body) = parse(block, 1 << 20).expect("http");
        assert_eq!(resp.status, 200);
        assert_eq!(resp.mime().as_deref(), Some("text/html"));
        assert_eq!(resp.charset(), Some("ISO-8859-1"));
        assert_eq!(body, b"<p>abc!");
        assert!(parse(b"GET / HTTP/1.1\r\n\r\n", 10).is_none());
    }
}
