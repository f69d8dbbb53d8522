//! The arithmetic every `eval` module shares: a ratio that is 0 over nothing, and precision,
//! recall and F1 from counts.

/// `a / b`, or 0 when `b` is 0 (no system output, no gold: nothing to score).
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The harmonic mean of precision `p` and recall `r`, 0 when both are.
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Precision, recall and F1 of `hits` against `system` and `gold` counts.
pub fn prf(hits: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let (p, r) = (ratio(hits, system), ratio(hits, gold));
    (p, r, f1(p, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_counts_score_zero_and_halves_give_a_half() {
        assert_eq!(prf(0, 0, 0), (0.0, 0.0, 0.0));
        assert_eq!(prf(1, 2, 2), (0.5, 0.5, 0.5));
        assert_eq!(prf(2, 2, 4), (1.0, 0.5, 2.0 / 3.0));
    }
}
