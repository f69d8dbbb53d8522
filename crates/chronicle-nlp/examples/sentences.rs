//! Prints the sentences of a text file, one per line: `cargo run --example sentences FILE`.

use chronicle_nlp::segment::Segmenter;

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "-".into());
    let text = if path == "-" {
        std::io::read_to_string(std::io::stdin())?
    } else {
        std::fs::read_to_string(&path)?
    };
    let seg = Segmenter::new().segment_text(&text);
    for span in &seg.sentence_spans {
        println!("{}", text[span.range()].replace('\n', "⏎"));
    }
    Ok(())
}
