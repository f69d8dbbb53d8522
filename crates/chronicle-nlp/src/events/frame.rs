//! What the frame of a sentence says of its actors, beyond its clauses: the dateline a wire
//! story opens with (whose place and agency act in nothing), the apposition that only qualifies
//! the actor beside it, and the direct quote a statement reports (whose actors it is about).

use chronicle_core::{Article, QuoteKind};

use super::actors::ActorHit;
use super::coder::Side;
use super::sentence::{COMMA, DET, PUNCT, Word};

/// The words of a wire story's dateline that open the sentence ("LONDON (Reuters) -",
/// "BEIJING, Nov. 3 (Xinhua) --"): the place it was filed from and the agency that filed it,
/// which act in none of its events. 0 when the sentence opens with none.
pub(super) fn dateline_end(body: &str, words: &[Word]) -> usize {
    let text = |i: usize| {
        words
            .get(i)
            .and_then(|w| body.get(w.start as usize..w.end as usize))
            .unwrap_or("")
    };
    (1..words.len().min(12))
        .find(|&i| matches!(text(i), "-" | "--" | "—" | "–") && text(i - 1) == ")")
        .map_or(0, |i| i + 1)
}

/// Drops the actors that only qualify an apposition describing the actor before it: the US of
/// "Japan, a close US ally, announced", the Arab of "Egypt, the largest Arab country, said".
/// The apposition opens with a determiner after the actor's comma, and its own noun, after the
/// qualifier, names no actor. A list ("France, the UK, and Germany") has no such noun.
pub(super) fn drop_apposition_qualifiers(words: &[Word], hits: &mut Vec<ActorHit>) {
    let qualifier = |k: usize| {
        let h = &hits[k];
        // back from the qualifier to the determiner, over at most two modifiers
        let Some(det) = (h.start.saturating_sub(3)..h.start)
            .rev()
            .find(|&d| words[d].flags & DET != 0)
        else {
            return false;
        };
        let opened = det >= 2
            && words[det - 1].flags & COMMA != 0
            && k > 0
            && hits[k - 1].end == det - 1
            && words[det + 1..h.start].iter().all(|w| w.flags & PUNCT == 0);
        // forward to the closing comma over the apposition's own noun, which no actor holds
        let close = (h.end..(h.end + 4).min(words.len())).find(|&i| words[i].flags & COMMA != 0);
        let noun = close.is_some_and(|c| {
            c > h.end
                && hits.get(k + 1).is_none_or(|n| n.start >= c)
                && words[h.end..c].iter().all(|w| w.flags & PUNCT == 0)
        });
        opened && noun
    };
    let drop: Vec<bool> = (0..hits.len()).map(qualifier).collect();
    let mut k = 0;
    hits.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// The target of a statement that quotes its speaker: the first actor the direct quote of the
/// sentence names, not the speaker's own ("“We are only concerned about Sudan's interests,”
/// Mubarak stated" is Egypt's statement about Sudan).
pub(super) fn quoted_target(
    article: &Article,
    words: &[Word],
    v: usize,
    hits: &[ActorHit],
    sources: &[Side],
) -> Side {
    let (first, last) = (words.first()?, words.last()?);
    let verb = words.get(v)?.start;
    let index = &article.analysis.index;
    let quote = article.quotes.iter().find_map(|q| {
        let (a, b) = (index.byte_of(q.start) as u32, index.byte_of(q.end) as u32);
        (q.kind == QuoteKind::Direct
            && a >= first.start
            && b <= last.end
            && !(a..b).contains(&verb))
        .then_some((a, b))
    })?;
    let ours = |c: &str| {
        sources
            .iter()
            .flatten()
            .any(|(k, _)| c.get(..3) == k.get(..3))
    };
    hits.iter()
        .filter(|h| h.span.start >= quote.0 && h.span.end <= quote.1 && !h.ground_only())
        .find_map(|h| {
            let c = h.codes.first()?;
            (!c.starts_with("---") && !ours(c)).then(|| (c.clone(), (h.span.start, h.span.end)))
        })
}
