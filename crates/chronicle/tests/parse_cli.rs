//! `chronicle parse` and `extract --tokens` end to end: CoNLL-U in and out as parser comparisons
//! need it, a malformed sentence reported with its line while the others are parsed, and the
//! syntax layer in the JSON contract only when asked for.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("stdin takes the input");
    child.wait_with_output().expect("binary ends")
}

/// The word lines of a CoNLL-U text, split into columns.
fn word_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter(|l| {
            l.split('\t')
                .next()
                .is_some_and(|id| id.parse::<usize>().is_ok())
        })
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

const TREEBANK: &str = "# sent_id = a\n# text = Protesters threw stones at police.\n\
1\tProtesters\t_\t_\tNNS\t_\t_\t_\t_\t_\n\
2\tthrew\t_\t_\tVBD\t_\t_\t_\t_\t_\n\
3\tstones\t_\t_\tNNS\t_\t_\t_\t_\t_\n\
4\tat\t_\t_\tIN\t_\t_\t_\t_\t_\n\
5\tpolice\t_\t_\tNN\t_\t_\t_\t_\tSpaceAfter=No\n\
6\t.\t_\t_\t.\t_\t_\t_\t_\t_\n\
\n\
# sent_id = b\n\
1\tbroken\tline\n\
\n\
# sent_id = c\n\
1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tdo\t_\t_\tVBP\t_\t_\t_\t_\t_\n\
2\tn't\t_\t_\tRB\t_\t_\t_\t_\t_\n\
3\tgo\t_\t_\tVB\t_\t_\t_\t_\t_\n\
\n";

#[test]
fn conllu_in_is_conllu_out_with_our_columns_filled_and_a_bad_sentence_named() {
    let out = run_with_stdin(&["parse", "--conllu", "-"], TREEBANK.as_bytes());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a malformed sentence fails the run"
    );
    assert!(
        stderr.contains("line 11"),
        "the bad line is named: {stderr}"
    );
    assert!(stdout.contains("# sent_id = a\n# text = Protesters threw stones at police.\n"));
    assert!(
        !stdout.contains("sent_id = b"),
        "the broken sentence is left out"
    );
    assert!(stdout.contains("1-2\tdon't\t"), "multiword ranges are kept");
    let rows = word_rows(&stdout);
    assert_eq!(rows.len(), 9);
    let threw = &rows[1];
    assert_eq!(threw[2], "throw", "lemma");
    assert_eq!(threw[3], "VERB", "UPOS");
    assert_eq!(threw[4], "VBD", "XPOS kept as given");
    assert_eq!((threw[6].as_str(), threw[7].as_str()), ("0", "root"));
    assert_eq!((rows[0][6].as_str(), rows[0][7].as_str()), ("2", "nsubj"));
    assert_eq!((rows[2][6].as_str(), rows[2][7].as_str()), ("2", "obj"));
    assert_eq!(rows[4][9], "SpaceAfter=No", "MISC kept as given");
    for row in &rows {
        assert_eq!(row.len(), 10);
        assert!(row[6].parse::<usize>().is_ok(), "every word has a head");
    }
}

#[test]
fn articles_in_give_our_own_sentences_as_conllu() {
    let text = "North Korea rejected talks. “We have no interest,” she said.";
    let out = run_with_stdin(&["parse", "-"], text.as_bytes());
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("# sent_id = ").count(), 2);
    assert!(stdout.contains("# text = North Korea rejected talks."));
    let rows = word_rows(&stdout);
    let said = rows.iter().find(|r| r[1] == "said").expect("a word `said`");
    assert_eq!(said[2], "say");
    let she = rows.iter().find(|r| r[1] == "she").expect("a word `she`");
    assert_eq!(she[7], "nsubj");
    assert_eq!(she[6], said[0], "she is the subject of said");
}

#[test]
fn extract_gives_the_tokens_layer_only_when_asked() {
    let text = "The United States fired anti-aircraft batteries at Russia.";
    let plain = run_with_stdin(&["extract", "-"], text.as_bytes());
    let article: Value = serde_json::from_slice(&plain.stdout).expect("one JSON object");
    assert!(article.get("tokens").is_none());

    let out = run_with_stdin(&["extract", "--tokens", "-"], text.as_bytes());
    let article: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let tokens = article["tokens"].as_array().expect("a tokens layer");
    let body = article["body"].as_str().expect("a body");
    let states = tokens
        .iter()
        .position(|t| t["text"] == "States")
        .expect("a token States");
    let fired = tokens
        .iter()
        .position(|t| t["text"] == "fired")
        .expect("a token fired");
    assert_eq!(tokens[states]["upos"], "PROPN");
    assert_eq!(tokens[states]["head"], fired);
    assert_eq!(tokens[states]["deprel"], "nsubj");
    assert!(tokens[fired]["head"].is_null(), "fired is the root");
    let start = tokens[fired]["start"].as_u64().expect("an offset") as usize;
    let end = tokens[fired]["end"].as_u64().expect("an offset") as usize;
    let chars: String = body.chars().skip(start).take(end - start).collect();
    assert_eq!(chars, "fired", "offsets are characters into the body");
}

/// Training the labeler on parsed trees needs the jackknifed trees: asked for without them,
/// `train syntax` says so before reading anything or writing a model.
#[test]
fn labeler_trees_without_jackknifed_trees_is_refused() {
    let out = std::env::temp_dir().join(format!("chronicle-no-trees-{}.chsyn", std::process::id()));
    let output = run_with_stdin(
        &[
            "train",
            "syntax",
            "--train",
            "no-such-treebank.conllu",
            "--labeler-trees",
            "both",
            "--out",
            out.to_str().expect("a UTF-8 temporary path"),
        ],
        b"",
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--tree-folds"), "{stderr}");
    assert!(!out.exists());
}
