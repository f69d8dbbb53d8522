//! PETRARCH's conformance suites, coded with the dictionaries each names (needs
//! `../shared/data/events`; skipped with a notice when absent), and the team's own news
//! sentences. Floors hold what the engine reaches, so that a change that loses records fails here.

use std::path::PathBuf;

use chronicle_eval::events::evaluate;

fn suite(name: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/events")
        .join(name);
    if p.is_file() {
        Some(p)
    } else {
        eprintln!("notice: {} is absent; skipping", p.display());
        None
    }
}

fn run(name: &str, floor: f64) {
    let Some(file) = suite(name) else { return };
    let report = evaluate(&[file], None, None).expect("suite runs");
    println!("{report}");
    if std::env::var_os("EVENTS_MISSES").is_some() {
        println!("{}", report.misses());
    }
    let share = report.files[0].share();
    assert!(share >= floor, "{name}: {:.3} < floor {floor}", share);
}

#[test]
fn petrarch_unit_tests() {
    run("en_petr_unittest.jsonl", 0.70);
}

#[test]
fn petrarch_2014_validation() {
    run("en_petr1_validate_140226.jsonl", 0.50);
}

#[test]
fn universal_petrarch_validation() {
    run("en_udpetr_validate_2_02.jsonl", 0.60);
}

/// The team's 200 hand-coded news sentences (`tests/data/events_news.jsonl`), coded by the whole
/// pipeline: root codes and (source, target, root) dyads stay at or above what this engine
/// scores today (root 0.704, dyad F1 0.527); a drop is a regression. The PETRARCH2 figures issue
/// 6 quotes (0.738 / 0.767) are on other sentences, with a gold made from its own output.
#[test]
fn the_news_sentences_score_root_codes_and_dyads() {
    let file = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/events_news.jsonl"
    ));
    let report = evaluate(&[file], None, None).expect("the file scores");
    let score = &report.files[0];
    assert_eq!(score.records, 200);
    assert!(score.root_accuracy() >= 0.70, "{report}");
    assert!(score.dyad_prf().2 >= 0.52, "{report}");
}

/// Prints the events of `EVENTS_DEBUG` (a sentence) coded with `petr_validate_2014`.
#[test]
fn debug_one_sentence() {
    let Ok(text) = std::env::var("EVENTS_DEBUG") else {
        return;
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/events/petr_validate_2014");
    let coder = chronicle_nlp::events::EventCoder::from_petrarch_dir(&dir).expect("dictionaries");
    let mut a = chronicle_core::Article::new("d", text);
    a.published = Some(jiff::civil::date(2010, 1, 9));
    chronicle_nlp::Stage::annotate(&chronicle_nlp::segment::Segmenter::new(), &mut a);
    for e in coder.code(&a) {
        println!(
            "{:?}>{:?}:{} {} [{}] {:?}/{:?}",
            e.source, e.target, e.cameo, e.rule, e.trigger, e.source_text, e.target_text
        );
    }
}
