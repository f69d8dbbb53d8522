//! Themes (GKG V2EnhancedThemes): the taxonomy's size, word edges, stems, case-kept phrases and
//! character offsets of every hit.

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::gist::{GistTagger, ThemeMatcher};
use chronicle_nlp::segment::Segmenter;

fn themes(text: &str) -> Vec<(String, String)> {
    let mut a = Article::new("t", text);
    Segmenter::new().annotate(&mut a);
    GistTagger::new().annotate(&mut a);
    let chars: Vec<char> = text.chars().collect();
    a.themes
        .iter()
        .map(|t| (t.theme.clone(), chars[t.start..t.end].iter().collect()))
        .collect()
}

fn has(text: &str, theme: &str, phrase: &str) {
    let got = themes(text);
    assert!(
        got.iter().any(|(t, p)| t == theme && p == phrase),
        "{text:?}: expected {theme} at {phrase:?}, got {got:?}"
    );
}

#[test]
fn the_taxonomy_is_large_enough() {
    let m = ThemeMatcher::embedded();
    let names = m.theme_names();
    assert!(names.len() >= 40, "{} themes", names.len());
    for t in [
        "NEGOTIATIONS",
        "SANCTIONS",
        "WMD",
        "ELECTION",
        "PROTEST",
        "ARMEDCONFLICT",
        "TERROR",
        "REFUGEES",
        "NATURAL_DISASTER",
        "ECON_INFLATION",
        "HEALTH_PANDEMIC",
        "DIPLOMACY",
    ] {
        assert!(names.iter().any(|n| n == t), "{t} missing");
    }
    assert!(m.phrase_count() > 900, "{} phrases", m.phrase_count());
}

#[test]
fn phrases_of_each_field() {
    has("The UN imposed new sanctions.", "SANCTIONS", "sanctions");
    has("Kim oversaw an ICBM test.", "WMD", "ICBM");
    has(
        "Voters head to the polls in the presidential elections.",
        "ELECTION",
        "elections",
    );
    has(
        "Riot police fired tear gas at protesters.",
        "PROTEST",
        "tear gas",
    );
    has(
        "A suicide bomber struck the market.",
        "TERROR",
        "suicide bomber",
    );
    has("Refugees crossed into Chad.", "REFUGEES", "Refugees");
    has(
        "The earthquake flattened the town.",
        "NATURAL_DISASTER",
        "earthquake",
    );
    has("Inflation hit 9 percent.", "ECON_INFLATION", "Inflation");
    has(
        "The pandemic closed schools.",
        "HEALTH_PANDEMIC",
        "pandemic",
    );
    has(
        "Negotiators returned to the negotiating table.",
        "NEGOTIATIONS",
        "negotiating table",
    );
}

#[test]
fn word_edges_and_case() {
    let got = themes("Warsaw hosted a warm meeting in March.");
    assert!(
        got.iter()
            .all(|(t, _)| t != "ARMEDCONFLICT" && t != "PROTEST"),
        "{got:?}"
    );
    has("Thousands march on the capital.", "PROTEST", "march");
}

#[test]
fn offsets_are_characters_after_non_ascii_text() {
    has("“Naïve” — the ceasefire held.", "CEASEFIRE", "ceasefire");
}
