//! Spherical k-means: groups unit vectors by cosine, deterministically from a seed.
//!
//! Seeding is k-means++ (Arthur and Vassilvitskii 2007) on the cosine distance, each point's
//! chance scaled by its weight; then Lloyd iterations: every point joins its most similar
//! centroid (in parallel: each point's choice depends on nothing else, so the result does not
//! depend on the thread count), and each centroid becomes the normalised weighted sum of its
//! points, summed in point order. A cluster left empty takes the point that fits its own
//! cluster worst.

use rayon::prelude::*;

use crate::rng::Rng;
use crate::vectors::normalise;

/// Unit vectors to cluster, however they are stored: dense rows for few dimensions, sparse
/// rows for thousands (the words' own context vectors, where a dense copy would not fit).
pub trait Points: Sync {
    /// Number of points.
    fn len(&self) -> usize;
    /// Whether there are no points.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Length of a dense vector (a centroid).
    fn dims(&self) -> usize;
    /// `out[c]` = similarity of point `i` to centroid `c`, for every centroid.
    fn similarities(&self, i: usize, centroids: &Centroids, out: &mut [f32]);
    /// Similarity of point `i` to the dense vector `v`.
    fn dot(&self, i: usize, v: &[f32]) -> f32;
    /// Adds `w` times point `i` to the dense vector `sum`.
    fn add_to(&self, i: usize, w: f32, sum: &mut [f32]);
}

/// Dense points: `dims` floats each, row after row.
pub struct Dense<'a> {
    pub rows: &'a [f32],
    pub dims: usize,
}

impl Points for Dense<'_> {
    fn len(&self) -> usize {
        self.rows.len() / self.dims
    }

    fn dims(&self) -> usize {
        self.dims
    }

    fn similarities(&self, i: usize, centroids: &Centroids, out: &mut [f32]) {
        let p = &self.rows[i * self.dims..(i + 1) * self.dims];
        for (o, centre) in out.iter_mut().zip(centroids.rows.chunks_exact(self.dims)) {
            *o = dot(p, centre);
        }
    }

    fn dot(&self, i: usize, v: &[f32]) -> f32 {
        dot(&self.rows[i * self.dims..(i + 1) * self.dims], v)
    }

    fn add_to(&self, i: usize, w: f32, sum: &mut [f32]) {
        for (s, x) in sum
            .iter_mut()
            .zip(&self.rows[i * self.dims..(i + 1) * self.dims])
        {
            *s += w * x;
        }
    }
}

/// The centroids, row after row, and also column after column so that a sparse point's
/// similarities to all of them are a few contiguous multiply-adds per non-zero feature.
pub struct Centroids {
    pub k: usize,
    pub dims: usize,
    /// `k` rows of `dims` floats.
    pub rows: Vec<f32>,
    /// `dims` rows of `k` floats.
    pub columns: Vec<f32>,
}

impl Centroids {
    fn new(rows: Vec<f32>, dims: usize) -> Self {
        let k = rows.len() / dims;
        let mut c = Centroids {
            k,
            dims,
            rows,
            columns: vec![0.0; k * dims],
        };
        c.transpose();
        c
    }

    fn transpose(&mut self) {
        for (c, row) in self.rows.chunks_exact(self.dims).enumerate() {
            for (f, &x) in row.iter().enumerate() {
                self.columns[f * self.k + c] = x;
            }
        }
    }
}

/// What to cluster and how.
pub struct Problem<'a, P: Points> {
    pub points: &'a P,
    /// Each point's weight (its pull on its centroid and its chance to seed one); all 1 if `None`.
    pub weights: Option<&'a [f32]>,
    /// Number of clusters wanted (at most the number of points with a weight).
    pub k: usize,
    /// Most Lloyd iterations; fewer when under one point in a thousand still moves.
    pub max_iterations: usize,
    pub seed: u64,
}

impl<P: Points> Problem<'_, P> {
    fn weight(&self, i: usize) -> f32 {
        self.weights.map_or(1.0, |w| w[i])
    }
}

/// The clusters found.
pub struct Clustering {
    /// Unit centroid of each cluster.
    pub centroids: Centroids,
    /// Each point's cluster.
    pub assignment: Vec<u32>,
    /// Lloyd iterations run.
    pub iterations: usize,
}

/// Clusters `problem.points` into `problem.k` groups.
pub fn cluster<P: Points>(problem: &Problem<'_, P>) -> Clustering {
    let n = problem.points.len();
    let k = problem
        .k
        .min((0..n).filter(|&i| problem.weight(i) > 0.0).count())
        .max(1);
    let mut centroids = Centroids::new(seed_centroids(problem, k), problem.points.dims());
    let mut assignment = vec![u32::MAX; n];
    let mut similarity = vec![0f32; n];
    let mut iterations = 0;
    loop {
        let moved = assign(problem.points, &centroids, &mut assignment, &mut similarity);
        if iterations == problem.max_iterations || (iterations > 0 && moved * 1000 <= n) {
            break;
        }
        update(problem, &assignment, &similarity, &mut centroids, true);
        iterations += 1;
    }
    update(problem, &assignment, &similarity, &mut centroids, false);
    Clustering {
        centroids,
        assignment,
        iterations,
    }
}

/// k-means++ seeding on the distance 1 - cosine, each point's chance scaled by its weight.
fn seed_centroids<P: Points>(problem: &Problem<'_, P>, k: usize) -> Vec<f32> {
    let (points, dims) = (problem.points, problem.points.dims());
    let n = points.len();
    let mut rng = Rng::new(problem.seed);
    let mut centroids = vec![0f32; k * dims];
    // Before the first draw every point is equally far: the weights alone decide.
    let mut distance = vec![1f32; n];
    let mut seeded = 0;
    for centre in centroids.chunks_exact_mut(dims) {
        let mass = |i: usize| f64::from(problem.weight(i)) * f64::from(distance[i]);
        let total: f64 = (0..n).map(mass).sum();
        let mut target = rng.next_f64() * total;
        let mut chosen = None;
        for (i, m) in (0..n).map(|i| (i, mass(i))).filter(|&(_, m)| m > 0.0) {
            chosen = Some(i);
            if target < m {
                break;
            }
            target -= m;
        }
        let Some(c) = chosen else { break };
        points.add_to(c, 1.0, centre);
        let centre = &*centre;
        distance.par_iter_mut().enumerate().for_each(|(i, d)| {
            *d = d.min((1.0 - points.dot(i, centre)).max(0.0));
        });
        seeded += 1;
    }
    centroids.truncate(seeded * dims);
    centroids
}

/// Moves every point to its most similar centroid (the first on a tie); returns how many moved.
fn assign<P: Points>(
    points: &P,
    centroids: &Centroids,
    assignment: &mut [u32],
    similarity: &mut [f32],
) -> usize {
    assignment
        .par_iter_mut()
        .zip(similarity.par_iter_mut())
        .enumerate()
        .map_init(
            || vec![0f32; centroids.k],
            |scores, (i, (a, s))| {
                points.similarities(i, centroids, scores);
                let (mut best, mut best_sim) = (0u32, f32::NEG_INFINITY);
                for (c, &sim) in scores.iter().enumerate() {
                    if sim > best_sim {
                        (best, best_sim) = (c as u32, sim);
                    }
                }
                *s = best_sim;
                let moved = *a != best;
                *a = best;
                usize::from(moved)
            },
        )
        .sum()
}

/// Recomputes each centroid as the normalised weighted sum of its points; with `reseed`, an
/// empty cluster takes the worst-fitting point not yet taken.
fn update<P: Points>(
    problem: &Problem<'_, P>,
    assignment: &[u32],
    similarity: &[f32],
    centroids: &mut Centroids,
    reseed: bool,
) {
    let dims = centroids.dims;
    let mut sizes = vec![0f32; centroids.k];
    centroids.rows.fill(0.0);
    for (i, &a) in assignment.iter().enumerate() {
        let (w, a) = (problem.weight(i), a as usize);
        sizes[a] += w;
        problem
            .points
            .add_to(i, w, &mut centroids.rows[a * dims..(a + 1) * dims]);
    }
    let mut misfits: Vec<usize> = Vec::new();
    if reseed && sizes.contains(&0.0) {
        misfits = (0..assignment.len())
            .filter(|&i| problem.weight(i) > 0.0)
            .collect();
        misfits.sort_by(|&a, &b| similarity[b].total_cmp(&similarity[a]).then(b.cmp(&a)));
    }
    for (c, centre) in centroids.rows.chunks_exact_mut(dims).enumerate() {
        if sizes[c] == 0.0
            && let Some(i) = misfits.pop()
        {
            problem.points.add_to(i, 1.0, centre);
        }
        normalise(centre);
    }
    centroids.transpose();
}

/// Dot product, in eight lanes so that the compiler vectorises it.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = a8
        .remainder()
        .iter()
        .zip(b8.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in a8.zip(b8) {
        for l in 0..8 {
            lanes[l] += x[l] * y[l];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points scattered around `groups` random directions.
    fn blobs(groups: usize, per_group: usize, dims: usize, seed: u64) -> Vec<f32> {
        let mut rng = Rng::new(seed);
        let mut noise = move || rng.next_f64() as f32 - 0.5;
        let centres: Vec<Vec<f32>> = (0..groups)
            .map(|_| (0..dims).map(|_| noise()).collect())
            .collect();
        let mut points = Vec::new();
        for p in 0..groups * per_group {
            let mut v: Vec<f32> = centres[p % groups]
                .iter()
                .map(|c| c + 0.1 * noise())
                .collect();
            normalise(&mut v);
            points.extend(v);
        }
        points
    }

    #[test]
    fn finds_well_separated_groups() {
        let (groups, dims) = (6, 16);
        let points = blobs(groups, 40, dims, 3);
        let points = Dense {
            rows: &points,
            dims,
        };
        let problem = Problem {
            points: &points,
            weights: None,
            k: groups,
            max_iterations: 50,
            seed: 9,
        };
        let result = cluster(&problem);
        // Point p belongs to group p % groups: every group must map to one cluster, and the
        // clusters must differ.
        let mut seen = std::collections::HashSet::new();
        for g in 0..groups {
            let first = result.assignment[g];
            assert!(
                (g..result.assignment.len())
                    .step_by(groups)
                    .all(|p| result.assignment[p] == first)
            );
            assert!(seen.insert(first), "two groups share cluster {first}");
        }
    }

    #[test]
    fn same_seed_same_clusters() {
        let points = blobs(10, 30, 8, 5);
        let run = |seed| {
            let points = Dense {
                rows: &points,
                dims: 8,
            };
            let problem = Problem {
                points: &points,
                weights: None,
                k: 7,
                max_iterations: 20,
                seed,
            };
            cluster(&problem).assignment
        };
        assert_eq!(run(1), run(1));
    }

    #[test]
    fn weightless_points_seed_nothing_and_k_is_capped() {
        let points = blobs(3, 2, 4, 1);
        let weights = [1.0, 1.0, 1.0, 0.0, 0.0, 0.0];
        let points = Dense {
            rows: &points,
            dims: 4,
        };
        let problem = Problem {
            points: &points,
            weights: Some(&weights),
            k: 10,
            max_iterations: 10,
            seed: 2,
        };
        let result = cluster(&problem);
        assert_eq!(result.centroids.k, 3);
        assert_eq!(result.assignment.len(), 6);
    }

    #[test]
    fn dot_matches_the_plain_sum() {
        let a: Vec<f32> = (0..19).map(|i| i as f32 * 0.5).collect();
        let b: Vec<f32> = (0..19).map(|i| 1.0 - i as f32 * 0.1).collect();
        let plain: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((dot(&a, &b) - plain).abs() < 1e-3);
    }
}
