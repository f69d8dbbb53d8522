//! The dependency parser: arc-eager transitions chosen greedily by an averaged perceptron
//! (Nivre 2003; Zhang and Nivre 2011's feature templates), trained with Goldberg and Nivre's
//! (2012) dynamic oracle so that it learns to recover from its own mistakes.
//!
//! The parser finds heads only; [`crate::labeler`] names the relations once the tree is whole.
//! Words are numbered from 1; 0 is the root, which sits at the bottom of the stack. A word left
//! without a head when the buffer runs out hangs from the root, and a sentence with several
//! root words keeps the first as its root (see [`finish_tree`]). Every step is a loop over
//! arrays: a sentence of any length is parsed in linear time, with no recursion.

use chronicle_core::Upos;

use crate::perceptron::{Trainer, Weights};

/// The four transitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer's front onto the stack.
    Shift = 0,
    /// Make the buffer's front a dependent of the stack's top, then push it.
    Right = 1,
    /// Make the stack's top a dependent of the buffer's front, then pop it.
    Left = 2,
    /// Pop the stack's top (which has its head).
    Reduce = 3,
}

/// Number of transition classes.
pub const N_MOVES: usize = 4;

const MOVES: [Move; N_MOVES] = [Move::Shift, Move::Right, Move::Left, Move::Reduce];

/// "No word": an index past every sentence.
const NO: usize = usize::MAX;

/// The root takes no word by a transition: the word left without a head when the buffer runs
/// out is the root (Ballesteros and Nivre 2013's "no root node"; see [`finish_tree`]). Hung
/// from the root by Right, the sentence's root was chosen when it was the buffer's front, with
/// two words of look-ahead: "Critics of the rules, like the farmer Jan Smit, want" took
/// "Critics", "If they continue ..., Google risks" took "continue". One model from seed 1, dev
/// UAS 0.8565 -> 0.8579 with [`crate::templates::verb_lookahead`]'s templates.
const ROOT_LAST: bool = true;

/// A parser configuration: stack, buffer front, and the arcs so far.
pub struct State {
    /// Words 1..=n; 0 is the root.
    n: usize,
    stack: Vec<usize>,
    /// The buffer's front; `n + 1` when the buffer is empty.
    front: usize,
    /// Head of each word (index 0 unused), `NO` while it has none.
    pub heads: Vec<usize>,
    left1: Vec<usize>,
    left2: Vec<usize>,
    right1: Vec<usize>,
    right2: Vec<usize>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
}

impl State {
    /// The initial configuration for a sentence of `n` words (reusing the buffers).
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.front = 1;
        for v in [
            &mut self.heads,
            &mut self.left1,
            &mut self.left2,
            &mut self.right1,
            &mut self.right2,
        ] {
            v.clear();
            v.resize(n + 1, NO);
        }
        self.n_left.clear();
        self.n_left.resize(n + 1, 0);
        self.n_right.clear();
        self.n_right.resize(n + 1, 0);
    }

    pub fn new() -> Self {
        State {
            n: 0,
            stack: Vec::new(),
            front: 1,
            heads: Vec::new(),
            left1: Vec::new(),
            left2: Vec::new(),
            right1: Vec::new(),
            right2: Vec::new(),
            n_left: Vec::new(),
            n_right: Vec::new(),
        }
    }

    /// Makes this configuration a copy of `other`, reusing the buffers.
    pub fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.front = other.front;
        self.stack.clone_from(&other.stack);
        for (mine, theirs) in [
            (&mut self.heads, &other.heads),
            (&mut self.left1, &other.left1),
            (&mut self.left2, &other.left2),
            (&mut self.right1, &other.right1),
            (&mut self.right2, &other.right2),
        ] {
            mine.clone_from(theirs);
        }
        self.n_left.clone_from(&other.n_left);
        self.n_right.clone_from(&other.n_right);
    }

    pub(crate) fn done(&self) -> bool {
        self.front > self.n
    }

    fn s0(&self) -> usize {
        self.stack.last().copied().unwrap_or(NO)
    }

    /// Whether `m` may be taken now. A word that may not head (a mark: UD gives punctuation no
    /// dependents) takes none.
    pub fn valid(&self, m: Move, may_head: &[bool]) -> bool {
        if self.done() {
            return false;
        }
        let s0 = self.s0();
        let b0 = self.front;
        match m {
            Move::Shift => true,
            Move::Right => {
                s0 != NO && may_head.get(s0).copied().unwrap_or(true) && !(ROOT_LAST && s0 == 0)
            }
            Move::Left => {
                s0 != NO
                    && s0 != 0
                    && self.heads[s0] == NO
                    && may_head.get(b0).copied().unwrap_or(true)
            }
            Move::Reduce => s0 != NO && s0 != 0 && self.heads[s0] != NO,
        }
    }

    fn add_arc(&mut self, head: usize, dep: usize) {
        self.heads[dep] = head;
        if dep < head {
            self.left2[head] = self.left1[head];
            self.left1[head] = dep;
            self.n_left[head] = self.n_left[head].saturating_add(1);
        } else {
            self.right2[head] = self.right1[head];
            self.right1[head] = dep;
            self.n_right[head] = self.n_right[head].saturating_add(1);
        }
    }

    /// Takes `m`, which must be valid.
    pub fn apply(&mut self, m: Move) {
        let s0 = self.s0();
        let b0 = self.front;
        match m {
            Move::Shift => {
                self.stack.push(b0);
                self.front += 1;
            }
            Move::Right => {
                self.add_arc(s0, b0);
                self.stack.push(b0);
                self.front += 1;
            }
            Move::Left => {
                self.add_arc(b0, s0);
                self.stack.pop();
            }
            Move::Reduce => {
                self.stack.pop();
            }
        }
    }

    /// The cost of `m` against the gold heads `gold` (projective, index 0 unused): how many gold
    /// arcs still reachable it makes unreachable. A word without a head at the end hangs from
    /// the root, so a headless word on the stack can still reach a gold root arc.
    pub fn cost(&self, m: Move, gold: &[usize]) -> usize {
        let s0 = self.s0();
        let b0 = self.front;
        let buffer = b0..=self.n;
        let on_stack = |k: usize| self.stack.contains(&k);
        match m {
            Move::Left => {
                let g = gold[s0];
                let head_lost = g != b0 && (g == 0 || (g > b0 && g <= self.n));
                let deps_lost = buffer.filter(|&d| gold[d] == s0).count();
                usize::from(head_lost) + deps_lost
            }
            Move::Right => {
                let g = gold[b0];
                let head_lost = g != s0 && (on_stack(g) || (g > b0 && g <= self.n));
                let deps_lost = self
                    .stack
                    .iter()
                    .filter(|&&k| k != 0 && gold[k] == b0 && self.heads[k] == NO)
                    .count();
                usize::from(head_lost) + deps_lost
            }
            Move::Reduce => buffer.filter(|&d| gold[d] == s0).count(),
            Move::Shift => {
                let g = gold[b0];
                let head_lost = g != 0 && on_stack(g);
                let deps_lost = self
                    .stack
                    .iter()
                    .filter(|&&k| k != 0 && gold[k] == b0 && self.heads[k] == NO)
                    .count();
                usize::from(head_lost) + deps_lost
            }
        }
    }
}

impl State {
    /// The words the feature templates read in this configuration.
    pub(crate) fn positions(&self) -> Positions {
        let at = |v: &Vec<usize>, i: usize| if i == NO { NO } else { v[i] };
        let s0 = self.s0();
        let below = |k: usize| {
            if self.stack.len() > k {
                self.stack[self.stack.len() - 1 - k]
            } else {
                NO
            }
        };
        let b0 = self.front;
        let s0h = at(&self.heads, s0);
        let valency = |v: &Vec<u8>, i: usize| if i == NO { 99 } else { u64::from(v[i]) };
        Positions {
            n: self.n,
            s0,
            s1: below(1),
            s2: below(2),
            b0,
            b1: if b0 < self.n { b0 + 1 } else { NO },
            b2: if b0 + 1 < self.n { b0 + 2 } else { NO },
            s0h,
            s0h2: at(&self.heads, s0h),
            s0l: at(&self.left1, s0),
            s0l2: at(&self.left2, s0),
            s0r: at(&self.right1, s0),
            s0r2: at(&self.right2, s0),
            b0l: at(&self.left1, b0),
            b0l2: at(&self.left2, b0),
            s0vl: valency(&self.n_left, s0),
            s0vr: valency(&self.n_right, s0),
            b0vl: valency(&self.n_left, b0),
            has_head: u64::from(s0 != NO && s0 != 0 && self.heads[s0] != NO),
        }
    }
}

/// The words of a configuration that the templates read: the stack's top three, the buffer's
/// first three, the top's head and grand-head, the outermost dependents of the top and of the
/// buffer's front (`NO` where there is none), and their counts of dependents.
pub(crate) struct Positions {
    pub n: usize,
    pub s0: usize,
    pub s1: usize,
    pub s2: usize,
    pub b0: usize,
    pub b1: usize,
    pub b2: usize,
    pub s0h: usize,
    pub s0h2: usize,
    pub s0l: usize,
    pub s0l2: usize,
    pub s0r: usize,
    pub s0r2: usize,
    pub b0l: usize,
    pub b0l2: usize,
    pub s0vl: u64,
    pub s0vr: u64,
    pub b0vl: u64,
    pub has_head: u64,
}

/// "No word": an index past every sentence (for [`crate::templates`]).
pub(crate) const NO_WORD: usize = NO;

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

pub use crate::projective::projectivize;
pub use crate::templates::{Context, features};

/// Whether `m`, valid in `state`, is a move an English tree allows. One is not: a common noun
/// before a clause mark hung from a proper noun after it, with no verb between. A name set off
/// by commas after a noun is its apposition ("The US commander in Iraq, General David
/// Petraeus, held talks"), never its head; a greedy parser that meets the name with the
/// clause's verb unseen may take it for the head and the noun for its subject. In EWT's
/// training trees such an arc is found 16 times in 204,577 words, half of them inverted
/// copulas ("the poorest region in the world, by far, is Africa"), which the verb between
/// lets through.
pub fn allowed(state: &State, m: Move, ctx: &Context<'_>) -> bool {
    if m != Move::Left {
        return true;
    }
    let (s0, b0) = (state.s0(), state.front);
    let upos = |i: usize| ctx.upos.get(i).copied().unwrap_or(Upos::X);
    let marks = |i: usize| ctx.clause_marks.get(i).copied().unwrap_or(0);
    if upos(s0) != Upos::Noun || upos(b0) != Upos::Propn || b0 <= s0 + 1 {
        return true;
    }
    if marks(b0 - 1) == marks(s0) {
        return true;
    }
    // A verb between lets the arc through; past a clause's length, so does the distance.
    b0 - s0 > APPOSITION_REACH || (s0 + 1..b0).any(|k| matches!(upos(k), Upos::Verb | Upos::Aux))
}

/// The longest stretch between a noun and a name after it that [`allowed`] reads.
const APPOSITION_REACH: usize = 16;

/// Parses greedily: the best-scoring valid move at every step. `heads` receives the head of
/// each word 1..=n (0 for the root word), index 0 unused.
pub fn parse(
    weights: &Weights,
    ctx: &Context<'_>,
    state: &mut State,
    look: &mut State,
    feats: &mut Vec<u64>,
    heads: &mut Vec<usize>,
) {
    let close = crate::lookahead::margin_in_quanta(weights);
    let n = ctx.words.len() - 1;
    state.reset(n);
    let mut scores = [0i32; N_MOVES];
    while !state.done() {
        let mut open = [false; N_MOVES];
        for m in MOVES {
            open[m as usize] = state.valid(m, ctx.may_head) && allowed(state, m, ctx);
        }
        // With one move open (the stack holding only the root, which takes no word by a
        // move: Shift), the scores cannot change the choice, and their lookups are skipped.
        if open.iter().filter(|&&o| o).count() > 1 {
            features(state, ctx, feats);
            scores.fill(0);
            weights.score(feats, &mut scores);
        }
        let mut best = None;
        for m in MOVES {
            if open[m as usize]
                && best.is_none_or(|b: Move| scores[m as usize] > scores[b as usize])
            {
                best = Some(m);
            }
        }
        let best = best.unwrap_or(Move::Shift);
        // Where the runner-up is close, a look two moves on decides (see `lookahead`).
        let second = MOVES
            .into_iter()
            .filter(|&m| open[m as usize] && m != best)
            .max_by_key(|&m| scores[m as usize]);
        let choice = match second {
            Some(second) if scores[best as usize] - scores[second as usize] < close => {
                crate::lookahead::choose(weights, ctx, state, look, best, second, feats)
            }
            _ => best,
        };
        // Shift is valid whenever the buffer is not empty, so there is always a move.
        state.apply(choice);
    }
    finish_tree(&state.heads, ctx.may_head, heads);
}

/// Turns the arcs of a finished configuration into a tree: the words left headless hang from
/// the root, and when there are several, the one that heads the most words keeps it (the
/// biggest piece is the main clause; the first on a tie; only a word that may head, unless none
/// may) and the others hang from it. One model, dev UAS +0.0006 against the first word.
pub fn finish_tree(arcs: &[usize], may_head: &[bool], heads: &mut Vec<usize>) {
    heads.clear();
    heads.extend(arcs.iter().map(|&h| if h == NO { 0 } else { h }));
    if let Some(first) = heads.first_mut() {
        *first = 0;
    }
    let headless = |i: &usize| heads[*i] == 0;
    // Counting dependents is needed only when more than one word is left headless.
    let mut kids = Vec::new();
    if (1..heads.len()).filter(headless).nth(1).is_some() {
        kids.resize(heads.len(), 0usize);
        for &h in &heads[1..] {
            kids[h] += 1;
        }
    }
    let root = (1..heads.len())
        .filter(headless)
        .filter(|&i| may_head.get(i).copied().unwrap_or(true))
        .max_by_key(|&i| (kids.get(i).copied().unwrap_or(0), std::cmp::Reverse(i)))
        .or_else(|| (1..heads.len()).find(headless));
    if let Some(root) = root {
        for (i, h) in heads.iter_mut().enumerate().skip(1) {
            if *h == 0 && i != root {
                *h = root;
            }
        }
    }
}

/// A small deterministic generator for exploration during training (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator whose state is the seed scrambled (SplitMix64's finaliser), so that every
    /// seed gives its own sequence (seeds 2 and 3 once gave the same model).
    pub fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 1 } else { z })
    }

    /// A number in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One training pass over a sentence with the dynamic oracle. With `explore`, a wrong but
/// valid move is followed (with probability 0.9) so the model sees the states its own errors
/// lead to. Returns (moves right, moves taken).
pub fn train_sentence(
    trainer: &mut Trainer,
    ctx: &Context<'_>,
    gold: &[usize],
    state: &mut State,
    feats: &mut Vec<u64>,
    explore: Option<&mut Rng>,
) -> (usize, usize) {
    let n = ctx.words.len() - 1;
    state.reset(n);
    let mut explore = explore;
    let (mut right, mut total) = (0, 0);
    let mut scores = [0f32; N_MOVES];
    while !state.done() {
        features(state, ctx, feats);
        scores.fill(0.0);
        trainer.score(feats, &mut scores);
        let mut guess: Option<Move> = None;
        let mut best_zero: Option<Move> = None;
        for m in MOVES {
            if !state.valid(m, ctx.may_head) || !allowed(state, m, ctx) {
                continue;
            }
            if guess.is_none_or(|g| scores[m as usize] > scores[g as usize]) {
                guess = Some(m);
            }
            if state.cost(m, gold) == 0
                && best_zero.is_none_or(|b| scores[m as usize] > scores[b as usize])
            {
                best_zero = Some(m);
            }
        }
        let Some(guess) = guess else { break };
        let zero = best_zero.unwrap_or(guess);
        total += 1;
        let next = if state.cost(guess, gold) == 0 {
            right += 1;
            guess
        } else {
            trainer.update(feats, zero as usize, guess as usize);
            let follow = explore
                .as_deref_mut()
                .is_some_and(|rng| rng.next_f64() < 0.9);
            if follow { guess } else { zero }
        };
        trainer.tick();
        state.apply(next);
    }
    (right, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No transition hangs a word from the root: the root is the word left headless, and of
    /// several left headless, the one heading the most words.
    #[test]
    fn the_root_is_the_word_left_headless() {
        let mut state = State::new();
        state.reset(3);
        assert!(!state.valid(Move::Right, &[]), "no arc from the root");
        state.apply(Move::Shift);
        assert!(state.valid(Move::Right, &[]));
        // Gold: 1 <- 2, 2 the root, 3 <- 2: shifting the root's word costs nothing.
        let gold = [0, 2, 0, 2];
        let mut fresh = State::new();
        fresh.reset(3);
        assert_eq!(fresh.cost(Move::Shift, &gold), 0);
        // Words 1 and 3 headless, 3 heading 2 and 4: 3 is the root, 1 hangs from it.
        let mut heads = Vec::new();
        finish_tree(&[0, NO, 3, NO, 3], &[], &mut heads);
        assert_eq!(heads, [0, 3, 3, 0, 3]);
    }

    /// Following the zero-cost move from the start always reaches the gold tree.
    #[test]
    fn the_oracle_reaches_every_projective_gold_tree() {
        // "The US commander held talks with Suleiman ." as heads.
        let golds: [&[usize]; 3] = [
            &[0, 3, 3, 4, 0, 4, 7, 5, 4],
            &[0, 0],
            &[0, 2, 0, 2, 5, 3, 2],
        ];
        for gold in golds {
            let n = gold.len() - 1;
            let mut state = State::new();
            state.reset(n);
            while !state.done() {
                let m = MOVES
                    .into_iter()
                    .find(|&m| state.valid(m, &[]) && state.cost(m, gold) == 0)
                    .expect("a zero-cost move");
                state.apply(m);
            }
            let mut heads = Vec::new();
            finish_tree(&state.heads, &[], &mut heads);
            assert_eq!(&heads[1..], &gold[1..]);
        }
    }

    /// A noun is no dependent of a name set off after it, unless a verb comes between.
    #[test]
    fn a_name_after_a_noun_and_a_comma_does_not_head_it() {
        use crate::features::Scratch;
        // "The commander , General Lee , held talks" / "The region , by far , is Africa"
        let check = |forms: &[&str], upos: &[Upos]| {
            let mut scratch = Scratch::default();
            let words: Vec<_> = forms
                .iter()
                .map(|f| scratch.word_info(f, &|_| [0, 0]))
                .collect();
            let mut marks = Vec::new();
            let mut count = 0;
            for f in forms {
                count += u32::from(*f == ",");
                marks.push(count);
            }
            let tags = vec![0; forms.len()];
            let may_head = vec![true; forms.len()];
            let next_verb = vec![0; forms.len()];
            let ctx = Context {
                words: &words,
                tags: &tags,
                clause_marks: &marks,
                may_head: &may_head,
                upos,
                next_verb: &next_verb,
            };
            let mut state = State::new();
            state.reset(forms.len() - 1);
            // "The" under the noun, the comma under it, the fourth word under the fifth: the
            // noun on the stack, the fifth word in front.
            for m in [
                Move::Shift,
                Move::Left,
                Move::Shift,
                Move::Right,
                Move::Reduce,
                Move::Shift,
                Move::Left,
            ] {
                state.apply(m);
            }
            assert_eq!((state.s0(), state.front), (2, 5));
            allowed(&state, Move::Left, &ctx)
        };
        use Upos::*;
        let appos = [
            "<root>",
            "The",
            "commander",
            ",",
            "General",
            "Lee",
            ",",
            "held",
        ];
        let tags = [X, Det, Noun, Punct, Propn, Propn, Punct, Verb];
        assert!(!check(&appos, &tags), "a name set off after a noun");
        let inverted = ["<root>", "The", "region", ",", "is", "Africa"];
        let tags = [X, Det, Noun, Punct, Aux, Propn];
        assert!(check(&inverted, &tags), "an inverted copula");
    }

    #[test]
    fn every_seed_gives_its_own_sequence() {
        let first = |seed| Rng::new(seed).next_f64();
        assert_ne!(first(2), first(3));
        assert_ne!(first(0), first(1));
        assert_eq!(first(7), first(7));
    }
}
