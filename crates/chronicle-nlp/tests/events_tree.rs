//! The events coder reads the sentence's dependency tree (the syntax stage): the subject is the
//! source, the passive's `by` agent too, the object or prepositional phrase the target; a name is
//! never a trigger; a reporting verb gives way to the clause it reports. The sentences are the
//! team's own, one phenomenon each, through the whole standard pipeline.

use chronicle_nlp::Pipeline;

#[path = "common/events.rs"]
mod common_events;

/// The (source, target, CAMEO root) of every event the pipeline codes in `text`.
fn dyads(pipeline: &Pipeline, text: &str) -> Vec<(String, String, String)> {
    common_events::events(pipeline, text)
        .into_iter()
        .map(|(s, t, code)| (s, t, code.get(..2).unwrap_or("").to_string()))
        .collect()
}

fn row(s: &str, t: &str, root: &str) -> (String, String, String) {
    (s.to_string(), t.to_string(), root.to_string())
}

/// Runs `text` and checks that `want` is coded and nothing of `never` is.
fn check(
    pipeline: &Pipeline,
    text: &str,
    want: &[(&str, &str, &str)],
    never: &[(&str, &str, &str)],
    failures: &mut Vec<String>,
) {
    let got = dyads(pipeline, text);
    let missing: Vec<_> = want
        .iter()
        .filter(|(s, t, r)| !got.contains(&row(s, t, r)))
        .collect();
    let wrong: Vec<_> = never
        .iter()
        .filter(|(s, t, r)| got.iter().any(|g| g.0.starts_with(s) && g.1 == *t && g.2 == *r))
        .collect();
    if !missing.is_empty() || !wrong.is_empty() {
        failures.push(format!(
            "{text}\n  missing {missing:?}\n  unwanted {wrong:?}\n  got {got:?}"
        ));
    }
}
