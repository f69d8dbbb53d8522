//! A selective look-ahead for the greedy parser: where the two best moves score nearly alike,
//! each is followed by a couple of greedy moves, and the one after which the parser is surer
//! of itself is taken.
//!
//! A greedy parser commits to a move on a margin the perceptron gives it; where the margin is
//! small, the move is close to a coin toss, and a wrong attachment then costs the arcs around
//! it too. Looking two moves on tells the parser which of the two leads to a configuration it
//! understands: the sum of the margins (best against second best) of the decisions that
//! follow (a forced move is taken but not counted). EWT dev, the mean of four members shipped
//! before it: 1.6% of transitions look ahead; UAS 0.8601 -> 0.8630, LAS 0.8263 -> 0.8290 (one
//! member, seed 1: 0.8572 -> 0.8582). Bounded work: at most [`MOVES_AHEAD`] feature reads (and as many
//! forced moves) for each of the two moves.

use crate::parser::{Context, Move, N_MOVES, State, allowed, features};
use crate::perceptron::Weights;

/// Below this margin (in perceptron units, before quantisation) between the two best moves,
/// the parser looks ahead. EWT dev, the mean shipped before it (0.8601 without), forced moves
/// still counted: UAS 0.8611, 0.8627, 0.8614 at 4, 8, 12.
pub const MARGIN: f32 = 8.0;

/// How many greedy moves each of the two candidates is followed by.
pub const MOVES_AHEAD: usize = 2;

const MOVES: [Move; N_MOVES] = [Move::Shift, Move::Right, Move::Left, Move::Reduce];

/// The margin of [`MARGIN`] in the table's quanta.
pub fn margin_in_quanta(weights: &Weights) -> i32 {
    let scale = weights.scale();
    if scale > 0.0 {
        (MARGIN / scale).round() as i32
    } else {
        0
    }
}

/// Chooses between the best move `best` and the runner-up `second`, whose scores differ by
/// less than the margin: the one whose next [`MOVES_AHEAD`] greedy moves are taken with the
/// larger total margin (`best` on a tie). `look` is scratch space.
pub fn choose(
    weights: &Weights,
    ctx: &Context<'_>,
    state: &State,
    look: &mut State,
    best: Move,
    second: Move,
    feats: &mut Vec<u64>,
) -> Move {
    let a = sureness(weights, ctx, state, look, best, feats);
    let b = sureness(weights, ctx, state, look, second, feats);
    if b > a { second } else { best }
}

/// The sum of the margins of the greedy moves after `m`.
fn sureness(
    weights: &Weights,
    ctx: &Context<'_>,
    state: &State,
    look: &mut State,
    m: Move,
    feats: &mut Vec<u64>,
) -> i64 {
    look.copy_from(state);
    look.apply(m);
    let mut total = 0i64;
    let mut scores = [0i32; N_MOVES];
    // A forced move (one open) says nothing of how sure the parser is: it is taken without
    // being counted, so that a move leading to one is not taken for an unsure one (Left that
    // leaves only the root on the stack, whose one move is Shift). Bounded: a forced move
    // shifts a word, so at most one comes between two counted ones.
    let mut counted = 0;
    for _ in 0..2 * MOVES_AHEAD + 1 {
        if counted == MOVES_AHEAD || look.done() {
            break;
        }
        let mut open = [false; N_MOVES];
        for m in MOVES {
            open[m as usize] = look.valid(m, ctx.may_head) && allowed(look, m, ctx);
        }
        let mut ranked = MOVES.into_iter().filter(|&m| open[m as usize]);
        let Some(first) = ranked.next() else { break };
        let mut best = first;
        if open.iter().filter(|&&o| o).count() > 1 {
            features(look, ctx, feats);
            scores.fill(0);
            weights.score(feats, &mut scores);
            // The first open move is the best so far; the rest are compared with it.
            let mut runner_up = i32::MIN;
            for m in ranked {
                let s = scores[m as usize];
                if s > scores[best as usize] {
                    runner_up = scores[best as usize];
                    best = m;
                } else {
                    runner_up = runner_up.max(s);
                }
            }
            total += i64::from(scores[best as usize]) - i64::from(runner_up);
            counted += 1;
        }
        look.apply(best);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::f3;
    use crate::perceptron::WeightsBuilder;
    use crate::templates::PlainSentence;

    /// Of two moves scored alike, the one after which the parser is sure of its next move is
    /// taken, even when it is the runner-up.
    #[test]
    fn the_move_that_leads_somewhere_clear_is_taken() {
        let forms = ["", "rain", "fell", "hard", "today"];
        let sentence = PlainSentence::new(&forms, [0, 0]);
        let (ctx, tags) = (sentence.context(), &sentence.tags);
        // Only one feature weighs: "the stack's top has a head, word 1, with word 3 in
        // front" (template 69) says Reduce. It fires only after Right has hung word 2 from 1.
        let mut builder = WeightsBuilder::new(N_MOVES, 1.0);
        builder.push(f3(69, 1, tags[1], tags[3]), &[(Move::Reduce as u8, 100)]);
        let weights = builder.build();
        let mut state = State::new();
        state.reset(forms.len() - 1);
        state.apply(Move::Shift);
        let (mut look, mut feats) = (State::new(), Vec::new());
        let choice = choose(
            &weights,
            &ctx,
            &state,
            &mut look,
            Move::Shift,
            Move::Right,
            &mut feats,
        );
        assert_eq!(choice, Move::Right);
        // With nothing to tell them apart, the best move stays.
        let empty = WeightsBuilder::new(N_MOVES, 1.0).build();
        let choice = choose(
            &empty,
            &ctx,
            &state,
            &mut look,
            Move::Shift,
            Move::Right,
            &mut feats,
        );
        assert_eq!(choice, Move::Shift);
    }

    /// A move whose next move is forced (Left leaving only the root, which takes Shift) is
    /// judged by the decisions after the forced move, not taken for an unsure one.
    #[test]
    fn a_forced_move_is_not_counted_as_unsure() {
        let forms = ["", "groups", "continued", "to", "call"];
        let sentence = PlainSentence::new(&forms, [0, 0]);
        let (ctx, tags) = (sentence.context(), &sentence.tags);
        // After Left (word 1 under word 2), Shift is forced, then Shift again: with the root,
        // word 2 and word 3 on the stack (template 91), the parser is sure. After Right, the
        // stack holds word 1 under them and nothing is sure.
        let mut builder = WeightsBuilder::new(N_MOVES, 1.0);
        builder.push(
            f3(91, tags[0], tags[2], tags[3]),
            &[(Move::Left as u8, 100)],
        );
        let weights = builder.build();
        let mut state = State::new();
        state.reset(forms.len() - 1);
        state.apply(Move::Shift);
        let (mut look, mut feats) = (State::new(), Vec::new());
        let choice = choose(
            &weights,
            &ctx,
            &state,
            &mut look,
            Move::Right,
            Move::Left,
            &mut feats,
        );
        assert_eq!(choice, Move::Left);
    }

    #[test]
    fn the_margin_is_counted_in_the_tables_quanta() {
        let weights = WeightsBuilder::new(N_MOVES, 0.5).build();
        assert_eq!(margin_in_quanta(&weights), 16);
    }
}
