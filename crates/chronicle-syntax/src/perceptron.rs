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
                for (s, w) in scores.iter_mut().zip(&self.weights[at..at + self.n_classes]) {
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
        for &f in features {
            let next = self.rows.len() as u32;
            let row = *self.rows.entry(f).or_insert(next);
            if row == next {
                let size = self.weights.len() + self.n_classes;
                self.weights.resize(size, 0.0);
                self.totals.resize(size, 0.0);
                self.stamps.resize(size, 0);
            }
            let at = row as usize * self.n_classes;
            for (class, delta) in [(good, 1.0f32), (bad, -1.0)] {
                let i = at + class;
                self.totals[i] += f64::from(self.step - self.stamps[i]) * f64::from(self.weights[i]);
                self.stamps[i] = self.step;
                self.weights[i] += delta;
            }
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

/// Collects the sparse rows of a [`Weights`] table.
pub struct WeightsBuilder {
    n_classes: usize,
    scale: f32,
    keys: Vec<u64>,
    ends: Vec<u32>,
    entries: Vec<u32>,
}

impl WeightsBuilder {
    pub fn new(n_classes: usize, scale: f32) -> Self {
        WeightsBuilder {
            n_classes,
            scale,
            keys: Vec::new(),
            ends: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// Adds one feature's non-zero weights; an empty row is dropped.
    pub fn push(&mut self, key: u64, row: &[(u8, i16)]) {
        if row.is_empty() {
            return;
        }
        self.keys.push(key);
        self.entries
            .extend(row.iter().map(|&(c, w)| pack(c, w)));
        self.ends.push(self.entries.len() as u32);
    }

    /// The finished table, with its hash index built.
    pub fn build(self) -> Weights {
        let capacity = (self.keys.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![Slot::default(); capacity];
        let mask = capacity - 1;
        let mut start = 0u32;
        for (&key, &end) in self.keys.iter().zip(&self.ends) {
            let mut at = (key as usize) & mask;
            while slots[at].key != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = Slot { key, start, end };
            start = end;
        }
        Weights {
            n_classes: self.n_classes,
            scale: self.scale,
            slots,
            mask,
            entries: self.entries,
            features: self.keys.len(),
        }
    }
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

#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    end: u32,
}

/// A trained perceptron for inference: an open-addressing table from feature hash to a sparse
/// row of `(class, weight)` entries. One probe (usually one cache line) per feature.
pub struct Weights {
    n_classes: usize,
    scale: f32,
    slots: Vec<Slot>,
    mask: usize,
    entries: Vec<u32>,
    features: usize,
}

impl Weights {
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// How many features have a row.
    pub fn features(&self) -> usize {
        self.features
    }

    /// Adds the weights of `features` into `scores` (one per class; not cleared), in units of
    /// the table's quantum.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        for &f in features {
            let mut at = (f as usize) & self.mask;
            loop {
                let slot = &self.slots[at];
                if slot.key == f {
                    for &e in &self.entries[slot.start as usize..slot.end as usize] {
                        let (class, w) = unpack(e);
                        if let Some(s) = scores.get_mut(class) {
                            *s += w;
                        }
                    }
                    break;
                }
                if slot.key == 0 {
                    break;
                }
                at = (at + 1) & self.mask;
            }
        }
    }

    /// The value of one quantum, to turn scores back into perceptron units.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Writes the table: classes, scale, then each feature's key and row.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.n_classes as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.features as u32).to_le_bytes());
        let mut rows: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        rows.sort_unstable_by_key(|s| s.start);
        for slot in rows {
            let row = &self.entries[slot.start as usize..slot.end as usize];
            out.extend_from_slice(&slot.key.to_le_bytes());
            out.push(row.len() as u8);
            for &e in row {
                let (class, w) = unpack(e);
                out.push(class as u8);
                out.extend_from_slice(&(w as i16).to_le_bytes());
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
        let mut row = Vec::with_capacity(n_classes);
        for _ in 0..features {
            let key = input.u64()?;
            let len = input.u8()? as usize;
            row.clear();
            for _ in 0..len {
                let class = input.u8()?;
                if class as usize >= n_classes {
                    return Err(format!("class {class} in a table of {n_classes}"));
                }
                row.push((class, input.i16()?));
            }
            builder.push(key, &row);
        }
        Ok(builder.build())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_keeps_it_through_quantisation() {
        // Class 0 when feature 11 is present, class 1 when feature 22 is; 33 is noise.
        let data = [(vec![11u64, 33], 0usize), (vec![22, 33], 1), (vec![11], 0), (vec![22], 1)];
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
}
