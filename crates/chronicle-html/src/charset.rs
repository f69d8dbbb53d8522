//! Turning a page's bytes into text: which character set, then decoding.
//!
//! The order is the one browsers follow: a byte-order mark, then the charset of the HTTP
//! header, then `<meta charset>` / `<meta http-equiv>` in the first bytes of the page. UTF-8 is
//! decoded lossily; Windows-1252 and ISO-8859-1 (which browsers treat as Windows-1252) have a
//! small decoder of their own. An undeclared page that is not valid UTF-8 is read as
//! Windows-1252, the most common legacy encoding of Western pages.

use std::borrow::Cow;

/// The encodings this crate decodes itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8 (invalid sequences become U+FFFD).
    Utf8,
    /// Windows-1252, also used for ISO-8859-1 and US-ASCII labels.
    Windows1252,
    /// UTF-16 little-endian (only recognised by its BOM or label).
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
}

/// Maps an encoding label ("utf-8", "ISO-8859-1", "cp1252", ...) to a charset we decode.
/// Unknown labels give `None`, and the caller falls back to the next source.
pub fn from_label(label: &str) -> Option<Charset> {
    let l = label
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .to_ascii_lowercase();
    match l.as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" | "x-unicode20utf8" => Some(Charset::Utf8),
        "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "latin1"
        | "latin-1" | "l1" | "iso_8859-1" | "us-ascii" | "ascii" | "iso-8859-15" | "iso8859-15"
        | "ansi_x3.4-1968" | "cp819" | "ibm819" => Some(Charset::Windows1252),
        "utf-16" | "utf-16le" => Some(Charset::Utf16Le),
        "utf-16be" => Some(Charset::Utf16Be),
        _ => None,
    }
}

/// Chooses the charset of `bytes` and decodes them; `http` is the charset of the HTTP header.
pub fn decode_page<'a>(bytes: &'a [u8], http: Option<&str>) -> Cow<'a, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Cow::Owned(decode_utf16(rest, false));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Cow::Owned(decode_utf16(rest, true));
    }
    let declared = http
        .and_then(from_label)
        .or_else(|| meta_charset(bytes).and_then(from_label));
    match declared {
        // A page cannot really be UTF-16 if it declares so in ASCII: browsers read it as UTF-8.
        Some(Charset::Utf8 | Charset::Utf16Le | Charset::Utf16Be) => String::from_utf8_lossy(bytes),
        Some(Charset::Windows1252) => decode_1252(bytes),
        None => match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => decode_1252(bytes),
        },
    }
}

/// The charset a page declares in a `<meta>` tag of its first 16 KiB, if any.
pub fn meta_charset(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let mut from = 0;
    while let Some(i) = find_ci(&head[from..], b"<meta") {
        let start = from + i + 5;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(c) = find_ci(tag, b"charset") {
            let after = &tag[c + 7..];
            let after = trim_start(after);
            if let Some(after) = after.strip_prefix(b"=") {
                let v = trim_start(after);
                let v = v
                    .strip_prefix(b"\"")
                    .or_else(|| v.strip_prefix(b"'"))
                    .unwrap_or(v);
                let len = v
                    .iter()
                    .take_while(|&&b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
                    .count();
                if len > 0 {
                    return std::str::from_utf8(&v[..len]).ok();
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// Case-insensitive search of an ASCII needle.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The characters of bytes 0x80..=0x9F in Windows-1252 (undefined ones map to the C1 control).
static HIGH_1252: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

/// The character of one Windows-1252 byte in 0x80..=0x9F.
pub fn cp1252_high(b: u8) -> char {
    let i = usize::from(b.wrapping_sub(0x80)).min(31);
    char::from_u32(u32::from(HIGH_1252[i])).unwrap_or('\u{FFFD}')
}

/// Decodes Windows-1252 (a superset of ISO-8859-1's printable characters).
pub fn decode_1252(bytes: &[u8]) -> Cow<'_, str> {
    if bytes.is_ascii() {
        // ASCII is valid UTF-8, so this cannot fail; the fallback keeps it panic-free anyway.
        return String::from_utf8_lossy(bytes);
    }
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &b in bytes {
        match b {
            0..=0x7F => out.push(char::from(b)),
            0x80..=0x9F => out.push(cp1252_high(b)),
            _ => out.push(char::from(b)),
        }
    }
    Cow::Owned(out)
}

fn decode_utf16(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_sources() {
        let page = b"<meta charset=\"windows-1252\"><p>caf\xe9 \x93hi\x94</p>";
        assert!(decode_page(page, None).contains("caf\u{e9} \u{201c}hi\u{201d}"));
        // The HTTP header wins over the meta tag.
        let utf = "<meta charset=iso-8859-1><p>caf\u{e9}</p>".as_bytes();
        assert!(decode_page(utf, Some("utf-8")).contains("caf\u{e9}"));
        let meta = b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>\xe9";
        assert_eq!(meta_charset(meta), Some("ISO-8859-1"));
        assert!(decode_page(b"\xEF\xBB\xBFok", Some("windows-1252")) == "ok");
        // Undeclared and not UTF-8: Windows-1252.
        assert_eq!(decode_page(b"na\xefve", None), "na\u{ef}ve");
    }
}
