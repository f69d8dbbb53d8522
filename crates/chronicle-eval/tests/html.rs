//! The snippet evaluation on the shared development pages, when they are present.

use std::path::Path;

#[test]
fn dev_pages_meet_the_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/html");
    if !dir.join("gold.json").is_file() {
        eprintln!(
            "notice: {} is absent; skipping the HTML evaluation",
            dir.display()
        );
        return;
    }
    let report = chronicle_eval::html::evaluate(&dir).expect("evaluation runs");
    println!("{report}");
    assert_eq!(report.pages, 163);
    assert!(
        report.recall() >= 0.94,
        "with-snippet recall fell: {report}"
    );
    assert!(
        report.noise() <= 0.03,
        "without-snippet noise rose: {report}"
    );
    assert!(report.f1() >= 0.965, "F1 fell: {report}");
    assert!(
        report.date_accuracy() >= 0.84,
        "date accuracy fell: {report}"
    );
}
