//! The quotes stage scored on PolNeAR dev (`../shared/data/quotes/dev.jsonl`), with floors a
//! little under what it reaches, so that a regression fails the build.
//!
//! `QUOTES_ERRORS=1 cargo test -p chronicle-eval --test quotes -- --nocapture` prints every error line;
//! `QUOTES_FILES=a.jsonl:b.jsonl` scores other files too (PolNeAR train, decompressed).

use std::path::PathBuf;

use chronicle_eval::quotes::{Written, evaluate};

fn dev_path() -> Option<PathBuf> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/quotes/dev.jsonl");
    if path.exists() {
        Some(path)
    } else {
        eprintln!("PolNeAR dev not found at {}: skipping", path.display());
        None
    }
}

#[test]
fn polnear_dev_direct_quotes_and_speakers() {
    let Some(path) = dev_path() else { return };
    let report = evaluate(&[path]).expect("dev set scores");
    if std::env::var_os("QUOTES_ERRORS").is_some() {
        for e in &report.errors {
            println!("{e}");
        }
    }
    println!("{report}");
    let (p, r, f1) = report.direct_prf();
    assert!(f1 >= 0.90, "direct F1 {f1:.3} (P {p:.3}, R {r:.3})");
    assert!(
        report.speaker_accuracy() >= 0.97,
        "speaker accuracy {:.3}",
        report.speaker_accuracy()
    );
    for (kind, floor) in [(Written::Description, 0.93), (Written::Pronoun, 0.82)] {
        let accuracy = report.speaker_accuracy_of(kind);
        assert!(accuracy >= floor, "{kind:?} speakers {accuracy:.3}");
    }
}

#[test]
fn other_files_from_the_environment() {
    let Some(files) = std::env::var_os("QUOTES_FILES") else {
        return;
    };
    let paths: Vec<PathBuf> = std::env::split_paths(&files).collect();
    let report = evaluate(&paths).expect("files score");
    println!("{report}");
}
