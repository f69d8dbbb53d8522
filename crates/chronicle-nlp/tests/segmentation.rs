//! Table-driven sentence splitting: the hard cases of English news, written by the team in
//! `data/segmentation_cases.txt` (format described at the top of that file).

use chronicle_nlp::segment::Segmenter;

/// One case: the input text and the sentences a news editor would cut it into.
struct Case {
    name: String,
    line: usize,
    input: String,
    expected: Vec<String>,
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn parse_cases(text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(name) = line.strip_prefix("## case:") {
            cases.push(Case {
                name: name.trim().to_string(),
                line: n + 1,
                input: String::new(),
                expected: Vec::new(),
            });
        } else if let Some(input) = line.strip_prefix("> ") {
            let case = cases.last_mut().expect("input line before any case");
            case.input = unescape(input);
        } else if let Some(sentence) = line.strip_prefix("= ") {
            let case = cases.last_mut().expect("sentence line before any case");
            case.expected.push(unescape(sentence));
        }
    }
    cases
}

#[test]
fn hard_cases_of_news_segmentation() {
    let text = include_str!("data/segmentation_cases.txt");
    let cases = parse_cases(text);
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let segmenter = Segmenter::new();
    let mut failures = Vec::new();
    for case in &cases {
        let seg = segmenter.segment_text(&case.input);
        let got: Vec<&str> = seg
            .sentence_spans
            .iter()
            .map(|s| &case.input[s.range()])
            .collect();
        if got != case.expected {
            failures.push(format!(
                "line {} ({}):\n  input:    {:?}\n  expected: {:?}\n  got:      {:?}",
                case.line, case.name, case.input, case.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_token_lies_inside_a_sentence() {
    let text = "Kim met Trump. \"We will see,\" he said.\n\nNext Steps\nTalks resume in June.";
    let seg = Segmenter::new().segment_text(text);
    let covered: usize = seg.sentence_tokens.iter().map(|r| r.len()).sum();
    assert_eq!(covered, seg.tokens.len());
    let got: Vec<&str> = seg
        .sentence_spans
        .iter()
        .map(|s| &text[s.range()])
        .collect();
    assert_eq!(
        got,
        [
            "Kim met Trump.",
            "\"We will see,\" he said.",
            "Next Steps",
            "Talks resume in June."
        ]
    );
}
