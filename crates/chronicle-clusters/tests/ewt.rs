//! Clusters induced from the UD English-EWT training words alone (`../shared/data/syntax`,
//! skipped with a notice when absent): the classes everyone expects must come out whole.

use std::path::Path;

use chronicle_clusters::corpus::Corpus;
use chronicle_clusters::{Options, induce};

#[test]
fn weekdays_and_modals_fall_together_in_ewt() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/syntax/en_ewt-ud-train.conllu.gz");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let mut corpus = Corpus::new();
    let errors = corpus.add_file(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(corpus.tokens() > 200_000, "{} tokens", corpus.tokens());
    let options = Options {
        min_count: 5,
        contexts: 500,
        fine: 128,
        coarse: 16,
        ..Options::default()
    };
    let clusters = induce(&corpus, &options);
    let coarse_of = |w: &str| clusters.get(w).map(|e| e.coarse);
    for class in [
        &["monday", "tuesday", "wednesday", "thursday", "friday"][..],
        &["could", "would", "should", "might"],
    ] {
        let first = coarse_of(class[0]);
        assert!(first.is_some(), "{} not clustered", class[0]);
        assert!(
            class.iter().all(|w| coarse_of(w) == first),
            "{class:?} split"
        );
    }
    assert_ne!(coarse_of("monday"), coarse_of("could"));
}
