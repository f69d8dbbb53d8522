//! Bytes to text: UTF-8, decoded lossily with a note of where it was not valid.

/// Text decoded from bytes, with the byte offset of the first invalid sequence if there was one.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Byte offset of the first invalid UTF-8 sequence, and how many there were.
    pub invalid: Option<(usize, usize)>,
}

/// Decodes `bytes` as UTF-8; invalid sequences become U+FFFD. A leading BOM is dropped.
pub fn decode_utf8(bytes: Vec<u8>) -> Decoded {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            invalid: None,
        },
        Err(err) => {
            let bytes = err.into_bytes();
            let mut first = None;
            let mut count = 0;
            for chunk in bytes.utf8_chunks() {
                if !chunk.invalid().is_empty() {
                    count += 1;
                    if first.is_none() {
                        let offset = chunk.valid().as_ptr() as usize - bytes.as_ptr() as usize
                            + chunk.valid().len();
                        first = Some(offset);
                    }
                }
            }
            Decoded {
                text: String::from_utf8_lossy(&bytes).into_owned(),
                invalid: first.map(|f| (f, count)),
            }
        }
    }
}

/// Whether `bytes` look like binary data rather than text: NUL bytes or many control characters
/// in the first few kilobytes. Returns a short reason.
pub fn binary_reason(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return None;
    }
    if let Some(pos) = memchr::memchr(0, head) {
        return Some(format!("NUL byte at offset {pos}"));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    (controls * 10 > head.len())
        .then(|| format!("{controls} control bytes in the first {} bytes", head.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_replaced_and_located() {
        let d = decode_utf8(b"Kim \xff met \xfe\xfd Trump".to_vec());
        assert_eq!(d.text, "Kim \u{FFFD} met \u{FFFD}\u{FFFD} Trump");
        assert_eq!(d.invalid, Some((4, 3)));
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode_utf8(b"\xEF\xBB\xBFHello".to_vec()).text, "Hello");
    }

    #[test]
    fn binary_is_told_from_text() {
        assert!(binary_reason(b"\x7fELF\x02\x01\x01\x00\x00").is_some());
        assert!(binary_reason("Plain news text.\n\nWith “quotes”.".as_bytes()).is_none());
    }
}
