//! Cleaning scraped pages: the founding article, and pages with other sites' furniture
//! (`tests/scraped/*.txt`, each with the reading a careful human gives it in `*.expected.json`).

use std::path::{Path, PathBuf};

use chronicle_ingest::clean::clean_text;
use serde_json::Value;

fn founding_article() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/articles/000_6ecb41acef5f7571.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!(
                "note: {} is absent; founding-article test skipped",
                path.display()
            );
            None
        }
    }
}

#[test]
fn founding_article_reads_as_a_reader_sees_it() {
    let Some(text) = founding_article() else {
        return;
    };
    let c = clean_text(&text, None);
    assert_eq!(
        c.title.as_deref(),
        Some("No Interest in Resumed Talks With the US: Senior North Korean Diplomat")
    );
    assert_eq!(
        c.description.as_deref(),
        Some("A veteran North Korean diplomat ruled out the possibility of new talks.")
    );
    assert_eq!(c.sections, ["Flashpoints", "Security", "East Asia"]);
    assert_eq!(
        c.image_credit.as_deref(),
        Some("Credit: AP Photo/Vincent Yu, File")
    );
    assert!(
        c.body.starts_with("July 4 marked the third anniversary"),
        "{}",
        &c.body[..80]
    );
    assert!(c.body.ends_with("U.S.-North Korea exchange."));
    for furniture in [
        "Recent Features",
        "Flashpoints",
        "Credit:",
        "No Interest in Resumed Talks",
    ] {
        assert!(!c.body.contains(furniture), "body keeps {furniture:?}");
    }
    // Every story paragraph survives.
    assert_eq!(c.body.split("\n\n").count(), 9);
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scraped");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
}

/// Compares one cleaned page with its expectation; returns what differs.
fn check_fixture(page: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(page).expect("fixture is readable");
    let expected_path = page.with_extension("expected.json");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expectation exists"))
            .expect("expectation is JSON");
    let c = clean_text(&text, None);
    let mut problems = Vec::new();
    let mut same = |field: &str, got: Value| {
        if expected[field] != got {
            problems.push(format!("{field}: expected {}, got {got}", expected[field]));
        }
    };
    same("title", c.title.clone().into());
    same("description", c.description.clone().into());
    same("sections", c.sections.clone().into());
    same("image_credit", c.image_credit.clone().into());
    same("published", c.published.map(|d| d.to_string()).into());
    let body = c.body.as_str();
    if let Some(first) = expected["body_first"].as_str()
        && !body.starts_with(first)
    {
        problems.push(format!(
            "body starts {:?}, expected {first:?}",
            body.chars().take(60).collect::<String>()
        ));
    }
    if let Some(last) = expected["body_last"].as_str()
        && !body.ends_with(last)
    {
        let tail: String = body
            .chars()
            .rev()
            .take(60)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        problems.push(format!("body ends {tail:?}, expected {last:?}"));
    }
    for phrase in expected["body_must_contain"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let phrase = phrase.as_str().unwrap_or_default();
        if !body.contains(phrase) {
            problems.push(format!("body lost {phrase:?}"));
        }
    }
    for phrase in expected["body_must_not_contain"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let phrase = phrase.as_str().unwrap_or_default();
        if body.contains(phrase) {
            problems.push(format!("body keeps furniture {phrase:?}"));
        }
    }
    problems
}

#[test]
fn scraped_pages_of_other_sites_clean_as_a_reader_reads_them() {
    let pages = fixtures();
    assert!(
        pages.len() >= 12,
        "expected at least a dozen scraped-page fixtures, found {}",
        pages.len()
    );
    let failures: Vec<String> = pages
        .iter()
        .filter_map(|p| {
            let problems = check_fixture(p);
            (!problems.is_empty()).then(|| format!("{}:\n  {}", p.display(), problems.join("\n  ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} page(s) cleaned wrongly:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
