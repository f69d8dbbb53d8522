//! Gold trees made projective for the arc-eager oracle, which reaches projective trees only.

/// Makes a gold tree projective by lifting: while some arc crosses another, the shortest such
/// arc's dependent moves up to its head's head (Nivre and Nilsson 2005, without encoding the
/// lift in labels). `heads[0]` is unused.
pub fn projectivize(heads: &mut [usize]) {
    let n = heads.len();
    for _ in 0..n * n {
        let mut shortest: Option<(usize, usize)> = None;
        for d in 1..n {
            if !is_projective_arc(heads, d) {
                let len = heads[d].abs_diff(d);
                if shortest.is_none_or(|(_, l)| len < l) {
                    shortest = Some((d, len));
                }
            }
        }
        match shortest {
            Some((d, _)) => {
                let h = heads[d];
                heads[d] = if h == 0 { 0 } else { heads[h] };
            }
            None => return,
        }
    }
}

/// An arc is projective when its head dominates every word between the two.
fn is_projective_arc(heads: &[usize], d: usize) -> bool {
    let h = heads[d];
    let (lo, hi) = if h < d { (h, d) } else { (d, h) };
    (lo + 1..hi).all(|mut k| {
        for _ in 0..heads.len() {
            if k == h {
                return true;
            }
            if k == 0 {
                return false;
            }
            k = heads[k];
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifting_makes_a_crossing_tree_projective() {
        // 1 <- 3, 2 <- 4, 3 <- 0, 4 <- 3: the arcs 3->1 and 4->2 cross.
        let mut heads = vec![0, 3, 4, 0, 3];
        projectivize(&mut heads);
        assert!((1..heads.len()).all(|d| is_projective_arc(&heads, d)));
        assert_eq!(heads[2], 3);
    }
}
