//! No input makes the extractor or the WARC reader panic.

use chronicle_html::warc::WarcReader;
use chronicle_html::{PageHints, extract_page};
use proptest::prelude::*;

/// Bytes that look a little like HTML, to reach deeper states than random bytes do.
fn htmlish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<p>".to_vec()),
        Just(b"</p>".to_vec()),
        Just(b"<div class='nav'>".to_vec()),
        Just(b"</div>".to_vec()),
        Just(b"<script>".to_vec()),
        Just(b"</script>".to_vec()),
        Just(b"<!--".to_vec()),
        Just(b"-->".to_vec()),
        Just(b"&amp;&#x;&#99999999;&nbsp".to_vec()),
        Just(b"<a href=\"".to_vec()),
        Just(b"<meta charset=\"".to_vec()),
        Just(b"<script type=\"text/template\">".to_vec()),
        Just(b"<li><td><tr><table>".to_vec()),
        Just(b"<script type=application/ld+json>{\"datePublished\":\"2020-01-0".to_vec()),
        Just(b"<time datetime='2020-02-30'>".to_vec()),
        Just(b"\xff\xfe\x93".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..20),
        "[a-z ,.]{0,40}".prop_map(String::into_bytes),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn warcish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"WARC/1.0\r\n".to_vec()),
        Just(b"WARC-Type: response\r\n".to_vec()),
        Just(b"Content-Type: application/http; msgtype=response\r\n".to_vec()),
        Just(b"Content-Length: 12\r\n".to_vec()),
        Just(b"Content-Length: 99999999999\r\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZ\r\n".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..30),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn extract_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = extract_page(&bytes, &PageHints { url: Some("http://x/2020/01/02/"), http_charset: None });
    }

    #[test]
    fn extract_htmlish_never_panics(bytes in htmlish(), charset in prop_oneof![Just(None), Just(Some("windows-1252")), Just(Some("bogus"))]) {
        let _ = extract_page(&bytes, &PageHints { url: None, http_charset: charset });
    }

    #[test]
    fn warc_never_panics(bytes in warcish()) {
        for r in WarcReader::new(&bytes[..]).take(1000).flatten() {
            let _ = r.is_html_response();
        }
    }

    #[test]
    fn warc_random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        for rec in WarcReader::new(&bytes[..]).take(1000) {
            let _ = rec.map(|r| r.is_html_response());
        }
    }
}
