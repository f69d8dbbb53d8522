//! Wire datelines: the town (and its state, region or country) that opens a wire story in
//! capitals, "SEOUL, July 6 (Reuters) -", "NABLUS, West Bank 1996-08-30". Capitalisation says
//! nothing there, so the line is read by its shape.

use chronicle_core::TokenKind;

use super::resources::NameResources;
use super::spot::{Candidate, Origin, Tokens};

/// The place of a wire dateline: one to four words in capitals opening a sentence, then a
/// comma, a date, an agency in brackets or a dash; or then a comma and the town's state, region
/// or country before the date ("NABLUS, West Bank 1996-08-30"), which is a place too.
pub fn datelines(t: &Tokens<'_>, res: &NameResources, claimed: &[bool]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for i in 0..t.len() {
        let sentence_start = i == 0 || !t.same_sentence(i - 1, i);
        if !sentence_start || claimed[i] {
            continue;
        }
        let caps = |k: usize| {
            t.kind(k) == Some(TokenKind::Word)
                && t.text(k).chars().all(|c| !c.is_lowercase())
                && t.text(k).chars().count() > 1
        };
        let mut end = i;
        while end < t.len() && end - i < 4 && caps(end) && !claimed[end] && t.same_sentence(i, end)
        {
            end += 1;
        }
        if end == i {
            continue;
        }
        let comma = t.text(end) == ",";
        let next = if comma { end + 1 } else { end };
        let dated = |k: usize| {
            // After a dash the story begins in ordinary case: "WASHINGTON — The Senate"; a
            // line in capitals on both sides of a dash is a headline ("SOCCER - LEAGUE
            // RESULTS").
            let dash_then_story = matches!(t.text(k), "-" | "—" | "–") && !caps(k + 1);
            t.same_sentence(i, k)
                && (t.kind(k) == Some(TokenKind::Number)
                    || t.text(k) == "("
                    || dash_then_story
                    || crate::calendar::is_month(t.text(k)))
        };
        if dated(next) {
            out.push(Candidate {
                first: i,
                end,
                origin: Origin::Dateline,
            });
            continue;
        }
        // "NABLUS, West Bank 1996-08-30", "IRVINE, Calif (Reuters) -": the town, then its
        // state, region or country in ordinary case, then the date.
        let region = (next..next + MAX_DATELINE_REGION_WORDS)
            .take_while(|&k| t.same_sentence(i, k) && t.is_capitalised(k))
            .count();
        let month = |k: usize| crate::calendar::is_month(t.text(k));
        let region = (1..=region)
            .rev()
            .find(|&n| dated(next + n) && !month(next + n - 1));
        // "FRIDAY, AUGUST 30": a day and a month are no town and region.
        let common = |k: usize| res.lexicon.is_not_name(&title_case(t.text(k)));
        let named = |n: usize| !(i..end).chain(next..next + n).any(common);
        if let Some(n) = region.filter(|&n| comma && named(n)) {
            out.push(Candidate {
                first: i,
                end,
                origin: Origin::Dateline,
            });
            if !(next..next + n).any(|k| claimed[k]) {
                out.push(Candidate {
                    first: next,
                    end: next + n,
                    origin: Origin::Dateline,
                });
            }
        }
    }
    out
}

/// "FRIDAY" → "Friday", "N.H." → "N.h.": a word as it opens a sentence in ordinary case.
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// Most words of the state, region or country after a dateline's town ("Faroe Islands").
const MAX_DATELINE_REGION_WORDS: usize = 3;
