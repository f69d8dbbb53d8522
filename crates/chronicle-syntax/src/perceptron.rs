//! The averaged perceptron, in two forms: a training table of dense float rows that learns, and
//! a compact inference table of sparse 16-bit rows that the shipped model holds.
//!
//! A feature is a 64-bit hash (see [`crate::features`]); its row holds one weight per class. The
//! training form averages lazily (each weight remembers when it last changed), so an update
//! costs the classes it touches, not the table. Finishing quantises the averaged weights to
//! `i16` against the table's largest weight and drops the zeros, which is also the pruning:
//! features whose weights all round to zero vanish from the model.

use std::collections::HashMap;

use crate::features::BuildPassThrough;

/// A perceptron being trained.
pub struct Trainer {
    n_classes: usize,
    rows: HashMap<u64, u32, BuildPassThrough>,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    /// Instances seen so far: the clock of the lazy average.
    step: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            rows: HashMap::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            step: 1,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds the current weights of `features` into `scores` (one per class; not cleared).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(&row) = self.rows.get(f) {
                let at = row as usize * self.n_classes;
                for (s, w) in scores
                    .iter_mut()
                    .zip(&self.weights[at..at + self.n_classes])
                {
                    *s += w;
                }
            }
        }
    }

    /// Moves the weights of `features` towards class `good` and away from class `bad`.
    pub fn update(&mut self, features: &[u64], good: usize, bad: usize) {
        if good == bad {
            return;
        }
        self.add(features, good, 1.0);
        self.add(features, bad, -1.0);
    }

    /// Adds `delta` to the weight of `class` for each of `features` (a ranking update).
    pub fn add(&mut self, features: &[u64], class: usize, delta: f32) {
        for &f in features {
            let next = self.rows.len() as u32;
            let row = *self.rows.entry(f).or_insert(next);
            if row == next {
                let size = self.weights.len() + self.n_classes;
                self.weights.resize(size, 0.0);
                self.totals.resize(size, 0.0);
                self.stamps.resize(size, 0);
            }
            let i = row as usize * self.n_classes + class;
            self.totals[i] += f64::from(self.step - self.stamps[i]) * f64::from(self.weights[i]);
            self.stamps[i] = self.step;
            self.weights[i] += delta;
        }
    }

    /// Ends one training instance (a token tagged, a transition taken).
    pub fn tick(&mut self) {
        self.step = self.step.saturating_add(1);
    }

    /// The averaged weights, quantised and sparse.
    pub fn finish(&self) -> Weights {
        let n = self.n_classes;
        let step = f64::from(self.step);
        let mut averaged = vec![0f32; self.weights.len()];
        let mut largest = 0f32;
        for (i, a) in averaged.iter_mut().enumerate() {
            let total =
                self.totals[i] + f64::from(self.step - self.stamps[i]) * f64::from(self.weights[i]);
            *a = (total / step) as f32;
            largest = largest.max(a.abs());
        }
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut keys: Vec<(u64, u32)> = self.rows.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut builder = WeightsBuilder::new(n, scale);
        let mut row = Vec::with_capacity(n);
        for (key, r) in keys {
            row.clear();
            let at = r as usize * n;
            for (class, &w) in averaged[at..at + n].iter().enumerate() {
                let q = (w / scale).round();
                if q != 0.0 {
                    row.push((class as u8, q.clamp(-32767.0, 32767.0) as i16));
                }
            }
            builder.push(key, &row);
        }
        builder.build()
    }
}

/// The 32-bit key a feature hash is stored under (never 0, which marks an empty slot). With
/// a million features in a space of four billion, a collision or a false hit is rare enough
/// to cost nothing measurable, and the keys take half the room.
#[inline]
fn short_key(feature: u64) -> u32 {
    ((feature ^ (feature >> 32)) as u32) | 1
}

/// Collects the sparse rows of a [`Weights`] table.
pub struct WeightsBuilder {
    n_classes: usize,
    scale: f32,
    rows: Vec<(u32, u32)>,
    entries: Vec<u32>,
}

impl WeightsBuilder {
    pub fn new(n_classes: usize, scale: f32) -> Self {
        WeightsBuilder {
            n_classes,
            scale,
            rows: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// Adds one feature's non-zero weights; an empty row is dropped.
    pub fn push(&mut self, feature: u64, row: &[(u8, i16)]) {
        self.push_short(short_key(feature), row);
    }

    fn push_short(&mut self, key: u32, row: &[(u8, i16)]) {
        if row.is_empty() {
            return;
        }
        self.rows.push((key, self.entries.len() as u32));
        self.entries.push(row.len() as u32);
        self.entries.extend(row.iter().map(|&(c, w)| pack(c, w)));
    }

    /// The finished table, with its hash index built. Of two features that share a short key,
    /// the first keeps the slot.
    pub fn build(self) -> Weights {
        let capacity = (self.rows.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![Slot::default(); capacity];
        let mask = capacity - 1;
        let mut features = 0;
        for &(key, start) in &self.rows {
            let mut at = key as usize & mask;
            while slots[at].key != 0 && slots[at].key != key {
                at = (at + 1) & mask;
            }
            if slots[at].key == 0 {
                slots[at] = Slot { key, start };
                features += 1;
            }
        }
        let mut weights = Weights {
            n_classes: self.n_classes,
            scale: self.scale,
            slots,
            mask,
            entries: self.entries,
            features,
            dense: Vec::new(),
        };
        if weights.n_classes <= DENSE_CLASSES {
            weights.dense = weights
                .slots
                .iter()
                .map(|slot| {
                    let mut w = [0i16; DENSE_CLASSES];
                    if slot.key != 0 {
                        let start = slot.start as usize;
                        let len = weights.entries[start] as usize;
                        for &e in &weights.entries[start + 1..start + 1 + len] {
                            let (class, value) = unpack(e);
                            w[class] = value as i16;
                        }
                    }
                    DenseSlot { key: slot.key, w }
                })
                .collect();
        }
        weights
    }
}

/// Tables of at most this many classes (the parser's four moves) also keep their rows inside
/// the index's slots, so that a lookup is one memory access and an addition of four numbers.
const DENSE_CLASSES: usize = 4;

/// A slot of a dense table: a feature's short key and its weights for every class.
#[derive(Clone, Copy, Default)]
struct DenseSlot {
    key: u32,
    w: [i16; DENSE_CLASSES],
}

/// A class number and a quantised weight in one word.
#[inline]
fn pack(class: u8, weight: i16) -> u32 {
    (u32::from(class) << 16) | u32::from(weight as u16)
}

#[inline]
fn unpack(entry: u32) -> (usize, i32) {
    ((entry >> 16) as usize, i32::from(entry as u16 as i16))
}

/// A slot of the index: a feature's short key and where its row starts in `entries` (the
/// first entry of a row is its length).
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u32,
    start: u32,
}

/// A trained perceptron for inference: an open-addressing table from feature hash to a sparse
/// row of `(class, weight)` entries. Eight bytes a slot, so one cache line holds eight.
#[derive(Clone)]
pub struct Weights {
    n_classes: usize,
    scale: f32,
    slots: Vec<Slot>,
    mask: usize,
    entries: Vec<u32>,
    features: usize,
    /// The same rows inside their slots, for tables of few classes (empty otherwise).
    dense: Vec<DenseSlot>,
}

impl Weights {
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// How many features have a row.
    pub fn features(&self) -> usize {
        self.features
    }

    fn row(&self, key: u32) -> &[u32] {
        let mut at = key as usize & self.mask;
        loop {
            let slot = self.slots[at];
            if slot.key == key {
                let start = slot.start as usize;
                let len = self.entries[start] as usize;
                return &self.entries[start + 1..start + 1 + len];
            }
            if slot.key == 0 {
                return &[];
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Where the row of `key` starts in `entries`, if the table has one.
    #[inline]
    fn row_start(&self, key: u32) -> Option<usize> {
        let mut at = key as usize & self.mask;
        loop {
            let slot = self.slots[at];
            if slot.key == key {
                return Some(slot.start as usize);
            }
            if slot.key == 0 {
                return None;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Adds the weights of `features` into `scores` (one per class; not cleared), in units of
    /// the table's quantum.
    ///
    /// The tables are larger than the cache, so a lookup is a memory miss; taken one after the
    /// other, a state's hundred features would wait for a hundred misses in turn. The lookups go
    /// in three passes instead: ask for every feature's slot, read the slots and ask for every
    /// row, then add the rows, so that the misses of a pass overlap.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        if !self.dense.is_empty() {
            self.score_dense(features, scores);
            return;
        }
        const CHUNK: usize = 128;
        let mut starts = [0u32; CHUNK];
        for chunk in features.chunks(CHUNK) {
            for &f in chunk {
                prefetch(&self.slots[short_key(f) as usize & self.mask]);
            }
            let mut found = 0;
            for &f in chunk {
                if let Some(start) = self.row_start(short_key(f)) {
                    prefetch(&self.entries[start]);
                    starts[found] = start as u32;
                    found += 1;
                }
            }
            for &start in &starts[..found] {
                let start = start as usize;
                let len = self.entries[start] as usize;
                for &e in &self.entries[start + 1..start + 1 + len] {
                    let (class, w) = unpack(e);
                    if let Some(s) = scores.get_mut(class) {
                        *s += w;
                    }
                }
            }
        }
    }

    /// [`Weights::score`] for a dense table: every slot prefetched, then each row added.
    fn score_dense(&self, features: &[u64], scores: &mut [i32]) {
        let mut sum = [0i32; DENSE_CLASSES];
        for &f in features {
            prefetch(&self.dense[short_key(f) as usize & self.mask]);
        }
        for &f in features {
            let key = short_key(f);
            let mut at = key as usize & self.mask;
            loop {
                let slot = &self.dense[at];
                if slot.key == key {
                    for (s, &w) in sum.iter_mut().zip(&slot.w) {
                        *s += i32::from(w);
                    }
                    break;
                }
                if slot.key == 0 {
                    break;
                }
                at = (at + 1) & self.mask;
            }
        }
        for (s, &v) in scores.iter_mut().zip(&sum) {
            *s += v;
        }
    }

    /// The table without the weights smaller than `min_abs` (in perceptron units), and without
    /// the features left with none: a smaller, faster model that loses little when the
    /// threshold is low, since small weights are mostly rare features' noise.
    pub fn pruned(&self, min_abs: f32) -> Weights {
        let threshold = (min_abs / self.scale).round() as i32;
        let mut slots: Vec<Slot> = self.slots.iter().copied().filter(|s| s.key != 0).collect();
        slots.sort_unstable_by_key(|s| s.start);
        let mut builder = WeightsBuilder::new(self.n_classes, self.scale);
        let mut row = Vec::with_capacity(self.n_classes);
        for slot in slots {
            row.clear();
            for &e in self.row(slot.key) {
                let (class, w) = unpack(e);
                if w.abs() >= threshold.max(1) {
                    row.push((class as u8, w as i16));
                }
            }
            builder.push_short(slot.key, &row);
        }
        builder.build()
    }

    /// The mean of several tables of the same classes (iterative parameter mixing, McDonald
    /// et al. 2010): perceptrons trained on different orders of the same data err in different
    /// places, and their mean errs less than each. A feature missing from a table weighs 0 there.
    pub fn mean(tables: &[&Weights]) -> Option<Weights> {
        let n = tables.first()?.n_classes;
        if tables.iter().any(|t| t.n_classes != n) {
            return None;
        }
        let mut sums: HashMap<u32, Vec<f32>> = HashMap::new();
        for t in tables {
            for slot in t.slots.iter().filter(|s| s.key != 0) {
                let row = sums.entry(slot.key).or_insert_with(|| vec![0.0; n]);
                for &e in t.row(slot.key) {
                    let (class, w) = unpack(e);
                    row[class] += w as f32 * t.scale / tables.len() as f32;
                }
            }
        }
        let largest = sums
            .values()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut keys: Vec<u32> = sums.keys().copied().collect();
        keys.sort_unstable();
        let mut builder = WeightsBuilder::new(n, scale);
        let mut row = Vec::with_capacity(n);
        for key in keys {
            row.clear();
            for (class, &w) in sums[&key].iter().enumerate() {
                let q = (w / scale).round();
                if q != 0.0 {
                    row.push((class as u8, q.clamp(-32767.0, 32767.0) as i16));
                }
            }
            builder.push_short(key, &row);
        }
        Some(builder.build())
    }

    /// The value of one quantum, to turn scores back into perceptron units.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Writes the table: classes, scale, feature count, then the rows by key, each as the
    /// key's distance from the previous one, its length, and (class, weight) pairs, numbers
    /// as variable-length integers: most keys are close and most weights small.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.features as u32).to_le_bytes());
        let mut slots: Vec<Slot> = self.slots.iter().copied().filter(|s| s.key != 0).collect();
        slots.sort_unstable_by_key(|s| s.key);
        let mut previous = 0u32;
        for slot in slots {
            let row = self.row(slot.key);
            write_varint(out, u64::from(slot.key - previous));
            previous = slot.key;
            out.push(row.len() as u8);
            for &e in row {
                let (class, w) = unpack(e);
                out.push(class as u8);
                write_varint(out, zigzag(w));
            }
        }
    }

    /// Reads a table that [`Weights::write`] wrote.
    pub fn read(input: &mut crate::model::Bytes<'_>) -> Result<Weights, String> {
        let n_classes = input.u32()? as usize;
        if n_classes == 0 || n_classes > 255 {
            return Err(format!("a table of {n_classes} classes"));
        }
        let scale = input.f32()?;
        let features = input.u32()? as usize;
        let mut builder = WeightsBuilder::new(n_classes, scale);
        builder.rows.reserve(features.min(1 << 24));
        let mut row = Vec::with_capacity(n_classes);
        let mut key = 0u32;
        for _ in 0..features {
            let delta = u32::try_from(input.varint()?).map_err(|_| "a key out of range")?;
            key = key.checked_add(delta).ok_or("a key out of range")?;
            let len = input.u8()? as usize;
            row.clear();
            for _ in 0..len {
                let class = input.u8()?;
                if class as usize >= n_classes {
                    return Err(format!("class {class} in a table of {n_classes}"));
                }
                let w = unzigzag(input.varint()?).ok_or("a weight out of range")?;
                row.push((class, w));
            }
            builder.push_short(key, &row);
        }
        Ok(builder.build())
    }
}

fn zigzag(w: i32) -> u64 {
    ((w << 1) ^ (w >> 31)) as u32 as u64
}

fn unzigzag(v: u64) -> Option<i16> {
    let v = u32::try_from(v).ok()?;
    let w = ((v >> 1) as i32) ^ -((v & 1) as i32);
    i16::try_from(w).ok()
}

/// Writes `v` seven bits a byte, low first (LEB128).
pub fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Asks the processor to start loading the cache line of `value`; a hint with no effect on what
/// the program computes.
#[inline(always)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it never faults and reads nothing into the program,
    // and the pointer comes from a live reference.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_keeps_it_through_quantisation() {
        // Class 0 when feature 11 is present, class 1 when feature 22 is; 33 is noise.
        let data = [
            (vec![11u64, 33], 0usize),
            (vec![22, 33], 1),
            (vec![11], 0),
            (vec![22], 1),
        ];
        let mut t = Trainer::new(2);
        for _ in 0..5 {
            for (f, gold) in &data {
                let mut s = [0f32; 2];
                t.score(f, &mut s);
                let guess = if s[1] > s[0] { 1 } else { 0 };
                t.update(f, *gold, guess);
                t.tick();
            }
        }
        let w = t.finish();
        for (f, gold) in &data {
            let mut s = [0i32; 2];
            w.score(f, &mut s);
            let guess = if s[1] > s[0] { 1 } else { 0 };
            assert_eq!(guess, *gold);
        }
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let back = Weights::read(&mut crate::model::Bytes::new(&bytes)).expect("reads back");
        assert_eq!(back.features(), w.features());
        let (mut a, mut b) = ([0i32; 2], [0i32; 2]);
        w.score(&[11, 22, 33, 44], &mut a);
        back.score(&[11, 22, 33, 44], &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn the_mean_of_two_tables_scores_between_them() {
        let mut a = Trainer::new(2);
        a.add(&[11], 0, 4.0);
        a.tick();
        let mut b = Trainer::new(2);
        b.add(&[11], 0, 2.0);
        b.add(&[22], 1, 2.0);
        b.tick();
        let (a, b) = (a.finish(), b.finish());
        let mean = Weights::mean(&[&a, &b]).expect("same classes");
        let units = |w: &Weights, f: &[u64]| {
            let mut s = [0i32; 2];
            w.score(f, &mut s);
            s.map(|x| x as f32 * w.scale())
        };
        let (ua, ub) = (units(&a, &[11, 22]), units(&b, &[11, 22]));
        let m = units(&mean, &[11, 22]);
        for class in 0..2 {
            let expected = (ua[class] + ub[class]) / 2.0;
            assert!((m[class] - expected).abs() < 0.01, "{m:?} {ua:?} {ub:?}");
        }
        assert!(m[1] > 0.0 && m[1] < ub[1]);
        assert!(Weights::mean(&[&a, &Trainer::new(3).finish()]).is_none());
    }
}
