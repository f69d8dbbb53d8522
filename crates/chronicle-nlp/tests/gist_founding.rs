//! The founding article (`../shared/articles/000_6ecb41acef5f7571.txt`): its themes include
//! negotiations, nuclear weapons, elections and diplomacy; its tone is negative; "one of the four
//! great revolutions" is no amount, and neither is any year or date of its history.

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::gist::GistTagger;
use chronicle_nlp::names::NameFinder;
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::time::TimeTagger;

const PATH: &str = "../../../shared/articles/000_6ecb41acef5f7571.txt";

fn article() -> Option<Article> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PATH);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("notice: {} is absent; skipping", path.display());
        return None;
    };
    // The story starts at its first dated line; the lines above are the page's furniture.
    let body = text
        .find("July 4 marked")
        .map_or(text.as_str(), |i| &text[i..]);
    let mut a = Article::new("000_6ecb41acef5f7571", body);
    a.published = Some(jiff::civil::date(2020, 7, 6));
    Segmenter::new().annotate(&mut a);
    NameFinder::new().annotate(&mut a);
    TimeTagger::new().annotate(&mut a);
    GistTagger::new().annotate(&mut a);
    Some(a)
}

#[test]
fn themes_include_negotiations_nuclear_weapons_elections_and_diplomacy() {
    let Some(a) = article() else { return };
    let themes: Vec<&str> = a.themes.iter().map(|t| t.theme.as_str()).collect();
    for theme in ["NEGOTIATIONS", "WMD", "ELECTION", "DIPLOMACY", "SANCTIONS"] {
        assert!(themes.contains(&theme), "{theme} missing from {themes:?}");
    }
    let chars: Vec<char> = a.body.chars().collect();
    for t in &a.themes {
        let text: String = chars[t.start..t.end].iter().collect();
        assert!(!text.trim().is_empty(), "{t:?}");
    }
    let negotiating = a.themes.iter().find(|t| {
        t.theme == "NEGOTIATIONS"
            && chars[t.start..t.end].iter().collect::<String>() == "negotiating table"
    });
    assert!(negotiating.is_some(), "{:?}", a.themes);
}

#[test]
fn tone_is_negative() {
    let Some(a) = article() else { return };
    let tone = a.tone.expect("tone");
    let lex = chronicle_nlp::gist::ToneLexicon::embedded();
    let hits: Vec<(String, f32)> = a
        .body
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter_map(|w| lex.valence(&w.to_lowercase()).map(|v| (w.to_string(), v)))
        .collect();
    eprintln!("{tone:?}\n{hits:?}");
    assert!(tone.score < 0.0, "{tone:?}");
    assert!(tone.negative > 0.0 && tone.positive > 0.0);
    assert!((tone.polarity - (tone.positive + tone.negative)).abs() < 1e-3);
    assert!(
        tone.self_group > 0.0,
        "“We can not but be shocked”: {tone:?}"
    );
    assert!(tone.word_count > 400 && tone.word_count < 600, "{tone:?}");
}

#[test]
fn no_amount_from_revolutions_years_or_dates() {
    let Some(a) = article() else { return };
    eprintln!("amounts {:?}\ncounts {:?}", a.amounts, a.counts);
    assert!(
        a.amounts
            .iter()
            .all(|m| !m.object.contains("revolutions") && m.number != 4.0),
        "{:?}",
        a.amounts
    );
    for year in [2017.0, 2018.0, 2019.0, 2020.0, 28.0, 18.0, 12.0] {
        assert!(
            a.amounts.iter().all(|m| m.number != year),
            "{:?}",
            a.amounts
        );
    }
    assert_eq!(a.counts, vec![], "nobody is counted in this story");
}

#[test]
fn gist_is_the_last_stage_of_the_standard_pipeline() {
    let names = chronicle_nlp::Pipeline::standard().stage_names();
    assert_eq!(names.last(), Some(&"gist"), "{names:?}");
}
