//! Clusters induced from the UD English-EWT training words alone (`../shared/data/syntax`,
//! skipped with a notice when absent): classes everyone expects must come out together.

use std::path::Path;

use chronicle_clusters::corpus::Corpus;
use chronicle_clusters::{Options, induce};

#[test]
fn modals_and_most_weekdays_fall_together_in_ewt() {
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
    // EWT alone is small (weekdays occur a few dozen times each), so only the gist is asked:
    // the modals share a coarse cluster, most weekdays share another.
    let options = Options {
        min_count: 5,
        contexts: 500,
        fine: 128,
        coarse: 16,
        seed: 1,
        ..Options::default()
    };
    let clusters = induce(&corpus, &options);
    let coarse_of = |w: &str| clusters.get(w).map(|e| e.coarse);
    let modals = ["could", "would", "should", "might"].map(coarse_of);
    assert!(
        modals[0].is_some() && modals.iter().all(|&c| c == modals[0]),
        "modals split: {modals:?}"
    );
    let days = ["monday", "tuesday", "wednesday", "thursday", "friday"].map(coarse_of);
    let commonest = days
        .iter()
        .flatten()
        .max_by_key(|&&c| {
            (
                days.iter().filter(|&&d| d == Some(c)).count(),
                std::cmp::Reverse(c),
            )
        })
        .copied();
    let together = days
        .iter()
        .filter(|&&d| d.is_some() && d == commonest)
        .count();
    assert!(together >= 3, "weekdays scattered: {days:?}");
    assert_ne!(
        commonest, modals[0],
        "weekdays and modals in one coarse cluster"
    );
}
