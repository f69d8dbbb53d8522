//! Turning a page's bytes into text: which encoding, then decoding, by the WHATWG Encoding
//! Standard (`encoding_rs`), so every encoding the web uses is read: UTF-8, Shift_JIS, EUC-JP,
//! ISO-2022-JP, GBK/GB18030, Big5, EUC-KR, KOI8-R/U, IBM866, ISO-8859-x, windows-125x, ...
//!
//! The order is the one browsers follow: a byte-order mark, then the charset of the HTTP
//! header, then `<meta charset>` / `<meta http-equiv>` in the first bytes of the page, then
//! detection (`chardetng`, Firefox's detector) when nothing is declared. Unlike a browser, a
//! declaration the bytes contradict is not believed, because pages and servers often lie:
//! - bytes that are valid UTF-8 with non-ASCII characters are UTF-8, whatever the label says;
//! - a declared encoding that the bytes are malformed in gives way to the detected one;
//! - a declared encoding of another family than the detected one (windows-1252 on Russian
//!   text, Shift_JIS on EUC-JP) gives way to it when the page has enough non-ASCII bytes to
//!   judge; otherwise, and between near-identical variants (ISO-8859-2 and windows-1250), the
//!   detected one wins only when it reads clearly better: far fewer symbols where letters
//!   belong, and no letters of another script inside Latin words.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// Where the encoding of a page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A byte-order mark.
    Bom,
    /// The charset of the HTTP `Content-Type` header.
    Http,
    /// A `<meta>` tag of the page.
    Meta,
    /// Nothing declared, and the bytes are valid UTF-8.
    Utf8,
    /// Detected from the bytes (nothing declared, or a declaration the bytes contradict).
    Detected,
}

/// The encoding chosen for a page, and why.
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    /// The encoding the page is decoded with.
    pub encoding: &'static Encoding,
    /// Where it came from.
    pub source: Source,
}

/// Non-ASCII bytes needed before detection may overrule a declared single-byte encoding.
const MIN_NON_ASCII_TO_JUDGE: usize = 24;

/// Maps an encoding label ("utf-8", "ISO-8859-1", "sjis", ...) to its encoding, by the WHATWG
/// label table. Unknown labels give `None`, and the caller falls back to the next source.
pub fn from_label(label: &str) -> Option<&'static Encoding> {
    let l = label.trim().trim_matches(|c| c == '"' || c == '\'');
    // The "replacement" encoding (ISO-2022-KR, HZ) would turn the page into one U+FFFD:
    // better to detect.
    Encoding::for_label(l.as_bytes()).filter(|&e| e != encoding_rs::REPLACEMENT)
}

/// Chooses the encoding of `bytes`: `http` is the charset of the HTTP header, `tld` the
/// top-level domain of the page's URL (a hint for detection: `jp`, `ru`, `cn`).
pub fn choose(bytes: &[u8], http: Option<&str>, tld: Option<&str>) -> Choice {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Choice {
            encoding,
            source: Source::Bom,
        };
    }
    let declared = http
        .and_then(from_label)
        .map(|e| (e, Source::Http))
        .or_else(|| {
            meta_charset(bytes)
                .and_then(from_label)
                .map(|e| (e, Source::Meta))
        })
        .map(|(e, source)| {
            // A page cannot be UTF-16 if it has no NUL byte (or says so in ASCII, as browsers
            // hold): it is read as UTF-8.
            let nul = memchr::memchr(0, &bytes[..bytes.len().min(1024)]).is_some();
            let real_utf16 = source == Source::Http && nul;
            (if real_utf16 { e } else { e.output_encoding() }, source)
        });
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    let iso_2022 = declared.is_none_or(|(e, _)| e.is_ascii_compatible());
    if non_ascii == 0 && iso_2022 && is_iso_2022(bytes) {
        // ISO-2022-JP is seven-bit: escape sequences switch it to Japanese, whatever the label.
        return Choice {
            encoding: detect(bytes, tld),
            source: Source::Detected,
        };
    }
    if non_ascii == 0 {
        let encoding = declared.map_or(UTF_8, |(e, _)| e);
        let source = declared.map_or(Source::Utf8, |(_, s)| s);
        // An ASCII-compatible encoding reads ASCII bytes as ASCII; UTF-16 from HTTP does not.
        return Choice { encoding, source };
    }
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let Some((encoding, source)) = declared else {
        if valid_utf8 {
            return Choice {
                encoding: UTF_8,
                source: Source::Utf8,
            };
        }
        return Choice {
            encoding: detect_undeclared(bytes, tld, non_ascii),
            source: Source::Detected,
        };
    };
    let declared = Choice { encoding, source };
    if encoding == UTF_8 {
        if valid_utf8 || mostly_utf8(bytes) {
            return declared;
        }
        return detected_if_clean(bytes, tld).unwrap_or(declared);
    }
    if valid_utf8 && encoding.is_ascii_compatible() {
        // Legacy labels on UTF-8 bytes are the commonest lie of all.
        return Choice {
            encoding: UTF_8,
            source: Source::Detected,
        };
    }
    if !decodes_cleanly(encoding, bytes) {
        return detected_if_clean(bytes, tld).unwrap_or(declared);
    }
    if encoding.is_ascii_compatible() {
        let guess = detect(bytes, tld);
        if guess != encoding
            && decodes_cleanly(guess, bytes)
            && ((non_ascii >= MIN_NON_ASCII_TO_JUDGE && !same_family(guess, encoding))
                || reads_better(guess, encoding, bytes))
        {
            return Choice {
                encoding: guess,
                source: Source::Detected,
            };
        }
    }
    declared
}

/// Chooses the encoding of `bytes` and decodes them (malformed sequences become U+FFFD).
pub fn decode_page<'a>(bytes: &'a [u8], http: Option<&str>, tld: Option<&str>) -> Cow<'a, str> {
    let choice = choose(bytes, http, tld);
    let rest = match choice.source {
        Source::Bom => Encoding::for_bom(bytes).map_or(bytes, |(_, n)| &bytes[n..]),
        _ => bytes,
    };
    choice.encoding.decode_without_bom_handling(rest).0
}

/// The encoding chardetng guesses for the bytes (UTF-8 allowed).
fn detect(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let tld = tld.filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric()));
    detector.guess(tld.map(str::as_bytes), true)
}

/// Detection for an undeclared page. On a few non-ASCII bytes ("na\xefve") a single-byte guess
/// is a coin toss between Latin variants: Windows-1252, the commonest legacy encoding of the
/// web, is read then, unless the bytes make sense in a multi-byte (CJK) encoding.
fn detect_undeclared(bytes: &[u8], tld: Option<&str>, non_ascii: usize) -> &'static Encoding {
    let guess = detect(bytes, tld);
    if non_ascii >= MIN_NON_ASCII_TO_JUDGE
        || (!guess.is_single_byte() && decodes_cleanly(guess, bytes))
    {
        guess
    } else {
        encoding_rs::WINDOWS_1252
    }
}

/// Whether the bytes hold an ISO-2022 escape sequence (ESC `$` or ESC `(`).
fn is_iso_2022(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0x1B, bytes).any(|i| matches!(bytes.get(i + 1), Some(b'$' | b'(')))
}

/// The detected encoding, when the bytes decode in it without a malformed sequence.
fn detected_if_clean(bytes: &[u8], tld: Option<&str>) -> Option<Choice> {
    let guess = detect(bytes, tld);
    decodes_cleanly(guess, bytes).then_some(Choice {
        encoding: guess,
        source: Source::Detected,
    })
}

fn decodes_cleanly(encoding: &'static Encoding, bytes: &[u8]) -> bool {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
}

/// UTF-8 with a few stray bytes (a pasted Windows-1252 quote): at least twenty valid non-ASCII
/// characters for each malformed sequence. Re-reading such a page whole in a legacy encoding
/// would garble every other character.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    bad * 20 <= good
}

/// Encodings that are near-identical variants of one another: between two of a family the
/// declaration stands, since they differ in a few letters, where detection is least sure.
const FAMILIES: &[&[&str]] = &[
    &["windows-1252", "ISO-8859-15", "macintosh"],
    &["windows-1250", "ISO-8859-2", "ISO-8859-16"],
    &["windows-1257", "ISO-8859-4", "ISO-8859-13"],
    &["windows-1253", "ISO-8859-7"],
    &["windows-1255", "ISO-8859-8", "ISO-8859-8-I"],
    &["windows-1256", "ISO-8859-6"],
    &["GBK", "gb18030"],
];

/// Whether `guess` reads the bytes clearly better than `declared`: far fewer characters out of
/// place (ISO-8859-2's "ą" is windows-1250's "±"; windows-1252's "è" is windows-1251's "и").
fn reads_better(guess: &'static Encoding, declared: &'static Encoding, bytes: &[u8]) -> bool {
    let odd = |e: &'static Encoding| oddities(&e.decode_without_bom_handling(bytes).0);
    let (g, d) = (odd(guess), odd(declared));
    d >= 1 && g * 2 < d
}

/// Characters out of place: non-ASCII symbols that are neither letters nor common typography,
/// and letters of another script glued to Latin ones ("derniиre"). A text decoded in the wrong
/// encoding is full of them; a text in its own is nearly free of them.
fn oddities(text: &str) -> usize {
    const TYPOGRAPHY: &str =
        "\u{a0}«»‹›‘’‚“”„–—…•·°©®™€£§†‡′″\u{ad}\u{200b}\u{200c}\u{200d}\u{feff}";
    let beyond_latin = |c: char| c.is_alphabetic() && c > '\u{24f}';
    let mut prev = ' ';
    let mut n = 0;
    for c in text.chars() {
        let symbol =
            !c.is_ascii() && !c.is_alphabetic() && !c.is_numeric() && !TYPOGRAPHY.contains(c);
        let mixed = (beyond_latin(c) && prev.is_ascii_alphabetic())
            || (c.is_ascii_alphabetic() && beyond_latin(prev));
        n += usize::from(symbol || mixed);
        prev = c;
    }
    n
}

fn same_family(a: &'static Encoding, b: &'static Encoding) -> bool {
    a == b
        || FAMILIES
            .iter()
            .any(|f| f.contains(&a.name()) && f.contains(&b.name()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_sources() {
        let page = b"<meta charset=\"windows-1252\"><p>caf\xe9 \x93hi\x94</p>";
        assert!(decode_page(page, None, None).contains("caf\u{e9} \u{201c}hi\u{201d}"));
        // The HTTP header wins over the meta tag.
        let utf = "<meta charset=iso-8859-1><p>caf\u{e9}</p>".as_bytes();
        assert!(decode_page(utf, Some("utf-8"), None).contains("caf\u{e9}"));
        let meta = b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>\xe9";
        assert_eq!(meta_charset(meta), Some("ISO-8859-1"));
        assert!(decode_page(b"\xEF\xBB\xBFok", Some("windows-1252"), None) == "ok");
        // Undeclared and not UTF-8: detected (Windows-1252 for Western text).
        assert_eq!(decode_page(b"na\xefve", None, None), "na\u{ef}ve");
    }
}
