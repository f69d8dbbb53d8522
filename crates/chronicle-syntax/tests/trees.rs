//! Whatever words come in, the parser gives back a tree: one root, every word attached, no
//! cycles; and a table of thousands of "words" in one sentence is parsed, not overflowed.

use chronicle_syntax::{Model, Workspace};
use proptest::prelude::*;

/// Checks that `heads` (1-based, 0 for the root) form one tree over `n` words.
fn assert_tree(heads: &[usize], n: usize) {
    assert_eq!(heads.len(), n);
    let roots = heads.iter().filter(|&&h| h == 0).count();
    assert_eq!(roots, 1, "exactly one root in {heads:?}");
    for (i, &h) in heads.iter().enumerate() {
        assert!(h <= n, "head {h} out of range");
        assert_ne!(h, i + 1, "word {} is its own head", i + 1);
        let mut at = i + 1;
        let mut steps = 0;
        while at != 0 {
            at = heads[at - 1];
            steps += 1;
            assert!(steps <= n, "a cycle through word {}", i + 1);
        }
    }
}

fn analyse(words: &[String]) -> Vec<usize> {
    let mut ws = Workspace::default();
    Model::embedded().analyse(words.iter().map(String::as_str), &mut ws);
    ws.analysis.iter().map(|a| a.head).collect()
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "the", "The", "said", "Korea", "talks", "and", ",", ".", "“", "”", "(", ")", "'s",
            "n't", "2020", "U.S.", "--", "of", "in", "will", "not", "Kim", "fired", "at", "?",
        ])
        .prop_map(str::to_string),
        "\\PC{1,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_word_sequence_is_one_tree(words in prop::collection::vec(word(), 1..60)) {
        let heads = analyse(&words);
        assert_tree(&heads, words.len());
    }
}

#[test]
fn a_table_of_thousands_of_cells_is_one_tree() {
    let words: Vec<String> = (0..6000)
        .map(|i| match i % 3 {
            0 => "|".to_string(),
            1 => format!("{i}"),
            _ => "cell".to_string(),
        })
        .collect();
    let heads = analyse(&words);
    assert_tree(&heads, words.len());
}

#[test]
fn the_embedded_model_says_where_it_comes_from() {
    let model = Model::embedded();
    assert!(model.description.contains("English-EWT"));
    assert!(model.description.contains("CC BY-SA 4.0"));
}

#[test]
fn a_damaged_model_file_is_refused_with_a_reason() {
    let err = Model::from_bytes(b"CHRONSYN\x01\x00").err();
    assert!(err.is_some_and(|e| e.contains("truncated")));
    let err = Model::from_bytes(b"NOTAMODEL").err();
    assert!(err.is_some_and(|e| e.contains("magic")));
    let mut bytes = Model::embedded().to_bytes();
    bytes.push(0);
    let err = Model::from_bytes(&bytes).err();
    assert!(err.is_some_and(|e| e.contains("trailing")));
}

fn analysis(text: &str) -> Vec<chronicle_syntax::WordAnalysis> {
    let words: Vec<&str> = text.split(' ').collect();
    let mut ws = Workspace::default();
    Model::embedded().analyse(words.iter().copied(), &mut ws);
    ws.analysis.clone()
}

/// A sentence opened by a participle clause and a comma has its main clause's verb as root.
#[test]
fn an_opening_participle_clause_hangs_from_the_main_verb() {
    let a = analysis(
        "Standing together at a party conference in Leeds , the foreign secretary hailed his deputy 's \" excellent \" work .",
    );
    // "hailed" is word 13; "Standing" hangs from it
    assert_eq!(a[12].head, 0, "{a:?}");
    assert_eq!(a[0].head, 13, "{a:?}");
    let a = analysis("Flanked by his generals , the president announced new sanctions on Iran .");
    assert_eq!(a[7].head, 0, "{a:?}");
    assert_eq!(a[0].head, 8, "{a:?}");
}

/// The only word that can be a clause's verb is tagged a verb, however often the training
/// data saw it as an adjective.
#[test]
fn a_clause_s_only_possible_verb_is_a_verb() {
    let a = analysis(
        "Morocco 's silence about the French military operations surprised observers in Algeria .",
    );
    assert_eq!(a[8].upos, chronicle_core::Upos::Verb, "{a:?}");
}

/// A plural quantity noun with its "of" phrase is the subject of the verb after it, not a
/// phrase the verb describes (`quantity.rs`).
#[test]
fn a_quantity_and_its_of_phrase_are_the_subject_of_the_verb_after_them() {
    for (text, verb) in [
        // Read as a fragment, "protested" describing the quantity, without the repair.
        (
            "Thousands of Ugandans protested against Kenya 's government on Monday .",
            4,
        ),
        ("Thousands of Kenyans protested against the new tax .", 4),
        (
            "Thousands of Chileans protested against the government 's pension plan .",
            4,
        ),
        ("Hundreds of farmers marched to the capital on Monday .", 4),
        (
            "Dozens of fishermen blocked the port of Mombasa on Tuesday .",
            4,
        ),
    ] {
        let a = analysis(text);
        assert_eq!(a[verb - 1].head, 0, "{text}: {a:?}");
        assert_eq!(a[0].head, verb, "{text}: {a:?}");
    }
}
