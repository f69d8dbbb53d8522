//! The words that open a capitalised run without naming: titles ("Prime Minister" in "Prime
//! Minister Shinzo Abe", "Privatisation Minister" in "Privatisation Minister Wieslaw
//! Kaczmarek") and words that describe the person named after them ("Republican Sen. Ted Cruz").

use super::evidence;
use super::resources::NameResources;
use super::spot::Tokens;
use super::typing;

/// How many tokens at the start of a run are context, not name: titles ("Prime Minister" in
/// "Prime Minister Shinzo Abe") and words that describe the person named after them
/// ("Republican Sen. Ted Cruz", "Democrat Walter Mondale", "Brazilian-born Luis Oliveira",
/// "Fullback Andre Joubert"). A describing word goes only where a title or a given name and a
/// surname follow it, so that "Republican Party" or "Brazilian Football Confederation" stay
/// whole.
pub(super) fn leading_context_len(
    t: &Tokens<'_>,
    res: &NameResources,
    first: usize,
    end: usize,
) -> usize {
    let mut at = first;
    loop {
        at += leading_title_len(t, res, at, end);
        let next = at + 1;
        let named_after = next < end
            && (leading_title_len(t, res, next, end) > 0
                || (next + 1 < end && typing::opens_person_name(res, t.text(next))));
        if named_after && describes_person(t, res, at) {
            at = next;
        } else {
            return at - first;
        }
    }
}

/// Whether token `at` is a word that describes a person rather than names one: a nationality
/// ("Brazilian"), a party's member ("Republican", "Democrat"), a made-up modifier ("Brazilian-born", "Ex-Yankee"), a
/// player's position ("Fullback"), a role word, or a word the article writes in lowercase too
/// ("Former"), a short acronym of a trade ("DJ").
fn describes_person(t: &Tokens<'_>, res: &NameResources, at: usize) -> bool {
    let w = t.text(at);
    let lower = w.to_lowercase();
    let mut key = String::new();
    crate::places::gazetteer::push_key(&mut key, w);
    let nationality = crate::places::gazetteer::Gazetteer::embedded()
        .demonym(&key)
        .is_some();
    let member = res.lexicon.is_party_member(w);
    let hyphened = w.contains('-')
        && (lower.starts_with("ex-")
            || w.rsplit('-')
                .next()
                .is_some_and(|tail| !tail.is_empty() && tail.chars().all(char::is_lowercase)));
    // "DJ Howard Stern", "MC Tom Baker": a short acronym that no dictionary holds before a
    // given name and a surname is the person's trade, not a word of the name.
    let trade = typing::is_acronym(w) && w.len() == 2;
    nationality
        || trade
        || member
        || hyphened
        || res.lexicon.is_sport_word(&lower)
        || res.roles.code(&lower).is_some()
        || t.seen_lowercase(w)
}

/// How many tokens at the start of a run spell a title ("Prime Minister" in "Prime Minister
/// Shinzo Abe"), leaving at least one word of name.
fn leading_title_len(t: &Tokens<'_>, res: &NameResources, first: usize, end: usize) -> usize {
    let mut at = first;
    loop {
        let max = res.lexicon.max_title_words.min(end.saturating_sub(at + 1));
        // "M. Butcher": an initial opens the name even where it could be "Monsieur".
        let initial = typing::is_initial(t.text(at));
        // "Dean Jones": a title that is more often a given name, before one word alone.
        let surname_only = at + 2 == end;
        let found = (1..=max).rev().find(|&n| {
            !(n == 1 && initial)
                && res
                    .lexicon
                    .title(&evidence::lower_words(t, at, at + n))
                    .is_some_and(|title| !(n == 1 && surname_only && title.given_before_surname))
        });
        match found.or_else(|| portfolio_title_len(t, res, at, end)) {
            Some(n) => at += n,
            None => return at - first,
        }
    }
}

/// Most words of a portfolio before its office title ("Constitutional Affairs Minister").
const MAX_PORTFOLIO_WORDS: usize = 3;

/// "Privatisation Minister Wieslaw Kaczmarek", "Trade Secretary Alan Kern", "Constitutional
/// Affairs Minister Chris Leslie": one to three capitalised words that are no given name before
/// a one-word office title name the office's portfolio; all are title, and at least two words
/// of name must follow (so that "Justice Minister" alone, or a surname before "Minister", is
/// left alone).
fn portfolio_title_len(
    t: &Tokens<'_>,
    res: &NameResources,
    at: usize,
    end: usize,
) -> Option<usize> {
    let portfolio_word = |k: usize| {
        t.is_capitalised(k)
            && !typing::is_initial(t.text(k))
            && res.lexicon.given_name(t.text(k)).is_none()
            && !res.lexicon.is_ambiguous_given_name(t.text(k))
    };
    let office = |k: usize| {
        res.lexicon
            .title(&t.text(k).to_lowercase())
            .is_some_and(|title| title.office)
    };
    (1..=MAX_PORTFOLIO_WORDS)
        .take_while(|&n| portfolio_word(at + n - 1))
        .find(|&n| at + n + 2 < end && office(at + n))
        .map(|n| n + 1)
}
