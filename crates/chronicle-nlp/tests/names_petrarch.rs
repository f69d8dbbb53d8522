//! PETRARCH/TABARI dictionaries load as they are: the Phoenix files of PETRARCH2.

use std::path::Path;

use chronicle_nlp::names::petrarch;

#[test]
fn phoenix_dictionaries_load_with_their_dates_and_agents() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/events/phoenix_petrarch2");
    if !dir.exists() {
        eprintln!("note: {} is absent; test skipped", dir.display());
        return;
    }
    let d = petrarch::load_dir(&dir).expect("the Phoenix dictionaries load");
    assert!(d.entries.len() > 10_000, "{} entries", d.entries.len());
    let entry = |name: &str| {
        let p = d
            .phrases
            .iter()
            .find(|p| p.text == name)
            .unwrap_or_else(|| panic!("{name} is in the dictionary"));
        &d.entries[p.entry]
    };
    assert_eq!(entry("AFGHANISTAN").code_on(None).as_deref(), Some("AFG"));
    let annan = entry("KOFI ANNAN");
    assert_eq!(
        annan
            .code_on(Some(jiff::civil::date(2000, 6, 1)))
            .as_deref(),
        Some("IGOUNO")
    );
    assert!(
        d.roles
            .iter()
            .any(|r| r.words == "farmer" && r.code == "AGR")
    );
    assert!(!d.discards.is_empty());
    // The Phoenix files carry a few typos in date restrictions ("9008223"): named, not fatal.
    assert!(
        d.warnings
            .iter()
            .any(|w| w.to_string().contains("Phoenix.Countries.actors.txt:2039"))
    );
}
