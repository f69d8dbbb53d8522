//! Debugging aid: furniture and kept blocks of one page.
use std::io::Read;
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let raw = std::fs::read(&path).unwrap_or_default();
    let mut bytes = Vec::new();
    if flate2::read::MultiGzDecoder::new(&raw[..])
        .read_to_end(&mut bytes)
        .is_err()
    {
        bytes = raw;
    }
    print!("{}", chronicle_web::debug_page(&bytes));
}
