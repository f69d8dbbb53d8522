//! Prints what `extract_page` finds on one page (plain or `.gz`): `--example extract_one -- FILE [URL]`.
use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: extract_one FILE [URL]");
        std::process::exit(2);
    };
    let url = args.next();
    let raw = match std::fs::read(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut bytes = Vec::new();
    if path.ends_with(".gz") {
        if let Err(e) = flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut bytes) {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    } else {
        bytes = raw;
    }
    let page = chronicle_html::extract_page(
        &bytes,
        &chronicle_html::PageHints {
            url: url.as_deref(),
            http_charset: None,
        },
    );
    println!(
        "title: {:?}\ndescription: {:?}\npublished: {:?}\nauthor: {:?}",
        page.title, page.description, page.published, page.author
    );
    println!(
        "canonical: {:?}\nsite: {:?}\nsection: {:?}\ncredit: {:?}\n---",
        page.canonical_url, page.site_name, page.section, page.image_credit
    );
    println!("{}", page.body);
}
