//! The team's verb dictionary (`dictionaries/verbs/`) loads line for line, and its patterns code
//! the phrasings the issue names.

use chronicle_nlp::events::EventCoder;

#[test]
fn every_embedded_verb_file_loads() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../dictionaries/verbs");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("dictionaries/verbs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| !n.to_string_lossy().starts_with("irregular"))
                && p.extension().is_some_and(|x| x == "txt")
        })
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("readable"),
            )
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 20, "one file per CAMEO root");
    let patterns: usize = files
        .iter()
        .map(|(_, t)| {
            t.lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .count()
        })
        .sum();
    assert!(patterns >= 2000, "{patterns} patterns");
    let irregular = std::fs::read_to_string(format!("{dir}/irregular.txt")).expect("irregular.txt");
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    if let Err(e) = EventCoder::from_texts(&borrowed, Some(&irregular)) {
        panic!("a verb file does not load: {e}");
    }
}
