//! What a judgment is passed for is no event of its own: "praised the Saudis for their help
//! in battling terrorist groups" is a praise, "arrested for attacking police" an arrest, and the
//! battling or attacking is the reason the sentence gives (alleged, or already told), not a
//! new act the coders code.

use chronicle_core::{DepRel, Event};

use super::tree::Tree;

/// Whether an event code judges or punishes someone for something: praise (05), criticism
/// (11), rejection (12), reduced relations (16), coercion (17).
fn judges(cameo: &str) -> bool {
    matches!(cameo.get(..2), Some("05" | "11" | "12" | "16" | "17"))
}

/// Whether word `x` lies in the reason phrase of the verb at `v`: below a phrase opened by
/// "for" or "of" that hangs from `v` or from `v`'s object ("praised X for Y-ing", "accused of
/// killing"), or an "in" phrase after such a phrase, wherever the parse hung it ("praised X
/// for its help in fighting Y").
pub fn in_reason_of(t: Tree, x: usize, v: usize) -> bool {
    let opened_by = |n: usize, words: &[&str]| {
        t.children(n).any(|(c, r)| {
            matches!(r, DepRel::Case | DepRel::Mark)
                && words.iter().any(|w| t.lemma(c).eq_ignore_ascii_case(w))
        })
    };
    let reason = |n: usize| opened_by(n, &["for", "of"]);
    let object_of_v =
        |n: usize| matches!(t.rel(n), Some(DepRel::Obj | DepRel::Iobj)) && t.head(n) == Some(v);
    let after_reason =
        |n: usize| opened_by(n, &["in"]) && t.children(v).any(|(c, _)| c < n && reason(c));
    let mut at = x;
    for _ in 0..12 {
        let Some(h) = t.head(at) else { return false };
        if (h == v || object_of_v(h)) && (reason(at) || after_reason(at)) {
            return true;
        }
        if h == v {
            return false;
        }
        at = h;
    }
    false
}

/// Marks for dropping (clears `keep`, indexed from `first`) the events of verbs that lie in
/// the reason phrase of a verb whose events judge. `coded` holds, for each coded verb of the
/// sentence, where its events start in `out` (from `first` on) and the verb's word.
pub fn mark_reasons(
    t: Tree,
    first: usize,
    coded: &[(usize, usize)],
    out: &[Event],
    keep: &mut [bool],
) {
    let end_of = |i: usize| coded.get(i + 1).map_or(out.len(), |c| c.0);
    for (i, &(start, v)) in coded.iter().enumerate() {
        if !out[start..end_of(i)].iter().any(|e| judges(&e.cameo)) {
            continue;
        }
        for (j, &(s, x)) in coded.iter().enumerate() {
            if j != i && in_reason_of(t, x, v) {
                for k in s..end_of(j) {
                    keep[k - first] = false;
                }
            }
        }
    }
}
