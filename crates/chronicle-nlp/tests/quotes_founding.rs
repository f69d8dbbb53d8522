//! The founding article (`../shared/articles/000_6ecb41acef5f7571.txt`): Choe Son Hui's five
//! quotations, the terms around them, and their cues.

use std::path::PathBuf;

use chronicle_core::{Article, Quote, QuoteKind};
use chronicle_nlp::Pipeline;

fn founding() -> Option<Article> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/articles/000_6ecb41acef5f7571.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("founding article not found at {}: skipping", path.display());
        return None;
    };
    let body = text
        .find("July 4 marked")
        .map_or(text.as_str(), |i| &text[i..]);
    let mut article = Article::new("000_6ecb41acef5f7571", body);
    article.published = Some(jiff::civil::date(2020, 7, 6));
    Pipeline::standard().annotate(&mut article);
    for q in &article.quotes {
        println!(
            "{:?} {:?} speaker={:?} actor={:?} cue={:?}",
            q.kind, q.text, q.speaker, q.speaker_actor, q.cue
        );
    }
    Some(article)
}

fn quote<'a>(article: &'a Article, opening: &str) -> &'a Quote {
    article
        .quotes
        .iter()
        .find(|q| q.text.trim_start_matches(['“', '"']).starts_with(opening))
        .unwrap_or_else(|| panic!("no quotation opening with {opening:?}"))
}

/// Choe, by her full name once the names stage fills referents, else by what the text gives.
fn assert_choe(article: &Article, q: &Quote) {
    let speaker = q.speaker.as_deref().unwrap_or("");
    if article.analysis.referents.is_empty() {
        assert!(speaker.contains("Choe"), "{:?} by {speaker:?}", q.text);
    } else {
        assert_eq!(speaker, "Choe Son Hui", "{:?}", q.text);
    }
}

#[test]
fn choe_son_hui_says_five_things() {
    let Some(article) = founding() else { return };
    let cases = [
        (
            "Now is a very sensitive time",
            QuoteKind::Direct,
            Some("added"),
        ),
        ("We can not but be shocked", QuoteKind::Direct, None),
        (
            "Is it possible to hold dialogue",
            QuoteKind::Direct,
            Some("asked"),
        ),
        ("It is clear to us", QuoteKind::Direct, None),
        ("detailed strategic timetable", QuoteKind::Partial, None),
    ];
    for (opening, kind, cue) in cases {
        let q = quote(&article, opening);
        assert_eq!(q.kind, kind, "{opening}");
        assert_choe(&article, q);
        if let Some(cue) = cue {
            assert_eq!(q.cue.as_deref(), Some(cue), "{opening}");
        }
        assert_eq!(
            article
                .body
                .chars()
                .skip(q.start)
                .take(q.end - q.start)
                .collect::<String>(),
            q.text,
            "offsets are characters"
        );
    }
}

#[test]
fn scare_quotes_are_terms() {
    let Some(article) = founding() else { return };
    for term in ["October surprise", "revolutions"] {
        let q = quote(&article, term);
        assert_eq!(q.kind, QuoteKind::Term, "{term}");
        assert_eq!(q.speaker, None, "{term}");
        // Scare quotes are no one's utterance and were read from no mention or cue.
        assert_eq!(q.utterance, None, "{term}");
        assert_eq!((q.speaker_start, q.cue_start), (None, None), "{term}");
    }
}

#[test]
fn odd_marks_do_not_merge_quotations() {
    let Some(article) = founding() else { return };
    let threat = quote(&article, "long-term threat");
    assert!(threat.text.ends_with("U.S.“"), "{:?}", threat.text);
    // The apostrophe in "North Korea‘s" opens nothing.
    assert!(
        article
            .quotes
            .iter()
            .all(|q| !q.text.contains("outward-facing"))
    );
    let direct = article
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .count();
    assert_eq!(direct, 4);
}
