//! Runs of capitalised words that no dictionary holds: where a name starts and ends, which
//! particles ("van der") and connectors ("of", "&") join its parts, and which runs are no name
//! at all (a counted unit, a numbered contest, a word the article writes in lowercase).

use chronicle_core::TokenKind;

use super::lexicon::PlaceHead;
use super::resources::NameResources;
use super::spot::{Candidate, Origin, Tokens};

/// Runs of capitalised words outside the dictionary matches: names no dictionary holds.
pub fn capitalised_runs(t: &Tokens<'_>, res: &NameResources, claimed: &[bool]) -> Vec<Candidate> {
    let lx = &res.lexicon;
    let mut out = Vec::new();
    let mut lower = String::new();
    let mut i = 0;
    while i < t.len() {
        if claimed[i]
            || !t.is_capitalised(i)
            || t.in_caps_sentence(i)
            || is_fiscal_period(t.text(i))
        {
            i += 1;
            continue;
        }
        let mut first = i;
        let mut end = i + 1;
        loop {
            end = run_end(t, res, claimed, first, end);
            match connector_extends(t, res, claimed, first, end) {
                Some(next_end) => end = next_end,
                None => break,
            }
        }
        // "Federal Reserve Governor Lawrence Lindsey": an office title after an organisation
        // head ends the organisation's name; the person's run starts at the title.
        if let Some(k) = org_then_title(t, res, first, end) {
            end = k;
        }
        // "Ohio-based KeyCorp", "the Saudi-led coalition", "a Brazilian-born striker": a name
        // made into a modifier by a participle after a hyphen is no part of the name.
        if let Some(k) = (first..end)
            .rev()
            .find(|&k| is_based(t.text(k)) || is_modifier_compound(t.text(k)))
        {
            first = k + 1;
        }
        // A capitalised sentence opener that the article also writes in lowercase, or that is
        // never a name, is not part of the name.
        while first < end
            && !given_name_inside(t, res, first, end)
            && (lx.is_not_name(t.text(first))
                || (t.opens_sentence(first) && t.seen_lowercase(t.text(first))))
        {
            first += 1;
        }
        while end > first
            && (lx.is_not_name(t.text(end - 1))
                || lx.is_particle(t.text(end - 1))
                || is_connector(t.text(end - 1)))
        {
            end -= 1;
        }
        // "World Cup", "Gulf War", "Labor Day": an event's name is neither actor nor place.
        // "Grand Slam": the run stopped right before an event's head that is no name alone;
        // "Six Nations": a number in capitals inside a sentence opens the name of a contest
        // or a group, not of an actor or a place.
        // "the Olympics", "at the Oscars": some heads name their event alone.
        let event = (end - first >= 2 && lx.is_event_head(t.text(end - 1)))
            || (end - first == 1 && lx.names_event_alone(t.text(first)))
            || (first < end
                && t.same_sentence(first, end)
                && t.is_capitalised(end)
                && lx.is_event_head(t.text(end)))
            || numbered(t, first);
        if event || (first < end && bare_word(t, res, first, end, &mut lower)) {
            i = end.max(i + 1);
            continue;
        }
        if first < end {
            out.push(Candidate {
                first,
                end,
                origin: Origin::Run,
            });
        }
        i = end.max(i + 1);
    }
    out
}

/// "centre Will Greenwood", "singer Will Young": a given name that is also a word the run
/// finder drops ("Will", "Can") is the given name where it is capitalised inside a sentence
/// (the modal there is lowercase) and a capitalised word the article never writes in
/// lowercase follows it in the run. A month or a weekday ("in May Ford reported") stays a
/// date.
fn given_name_inside(t: &Tokens<'_>, res: &NameResources, first: usize, end: usize) -> bool {
    let w = t.text(first);
    let next = first + 1;
    next < end
        && res.lexicon.is_ambiguous_given_name(w)
        && !chronicle_core::calendar::is_month_or_weekday(w)
        && !t.opens_sentence(first)
        && !t.in_caps_sentence(first)
        && first > 0
        && !t.is_capitalised(first - 1)
        && t.kind(next) == Some(TokenKind::Word)
        && !res.lexicon.is_not_name(t.text(next))
        && !t.seen_lowercase(t.text(next))
}

/// Whether a number from two up written in capitals inside a sentence stands right before
/// token `first` ("the Six Nations", "the Five Nations"): a number word capitalised
/// mid-sentence opens the name of a contest or a group, which no dictionary word cut short.
fn numbered(t: &Tokens<'_>, first: usize) -> bool {
    let Some(before) = first.checked_sub(1) else {
        return false;
    };
    t.same_sentence(before, first)
        && t.is_capitalised(before)
        && !t.opens_sentence(before)
        && crate::gist::numbers::small(&t.text(before).to_lowercase()).is_some_and(|v| v >= 2.0)
}

/// Where an office title follows an organisation head inside a run ("Boxing Association
/// President Ramon Manzanares"), with a name after it: the title's token.
fn org_then_title(t: &Tokens<'_>, res: &NameResources, first: usize, end: usize) -> Option<usize> {
    let lx = &res.lexicon;
    let mut lower = String::new();
    (first + 1..end.saturating_sub(1)).find(|&k| {
        lower.clear();
        lower.push_str(&t.text(k).to_lowercase());
        lx.title(&lower).is_some_and(|title| title.office)
            && (first..k).any(|j| lx.is_org_head(t.text(j)))
    })
}

/// A run that is a common noun in capitals rather than a name: a bare title of two words or
/// more ("Prime Minister" with no name after it), a title of one word right before a name the
/// dictionaries hold ("Mr." of "Mr. Trump", "President" of "President Obama": the run stops
/// where the dictionary's name starts), a single letter ("N"), an organisation head that is
/// also an ordinary word ("Division one", "Olympic champion").
fn bare_word(
    t: &Tokens<'_>,
    res: &NameResources,
    first: usize,
    end: usize,
    lower: &mut String,
) -> bool {
    let lx = &res.lexicon;
    match end - first {
        1 => {
            let w = t.text(first);
            super::evidence::lower_words_into(t, first, end, lower);
            let title_of_next =
                lx.title(lower).is_some() && t.same_sentence(first, end) && t.is_capitalised(end);
            w.chars().count() == 1
                || title_of_next
                || lx.is_ambiguous_org_head(w)
                || counted_unit(t, first)
        }
        n => {
            if n > lx.max_title_words {
                return false;
            }
            super::evidence::lower_words_into(t, first, end, lower);
            lx.title(lower).is_some()
        }
    }
}

/// "six RBI", "200 MW", "three GDRs": letters in capitals counted by the number before them
/// are a unit or a statistic, not an organisation. In a line of scores a figure follows
/// the name too ("Ajax 2 PSV 1"): there it is a team.
fn counted_unit(t: &Tokens<'_>, at: usize) -> bool {
    let w = t.text(at);
    let letters = w.trim_end_matches('s');
    if at == 0 || !t.same_sentence(at - 1, at) || !super::typing::is_acronym(letters) {
        return false;
    }
    let before = t.text(at - 1);
    let counted = t.kind(at - 1) == Some(TokenKind::Number)
        || crate::gist::numbers::small(&before.to_ascii_lowercase()).is_some();
    // Before a noun the letters are a name's modifier: "two PKK fighters".
    let next = t.text(at + 1);
    let closes = !t.same_sentence(at, at + 1)
        || t.kind(at + 1) == Some(TokenKind::Punct)
        || UNIT_FOLLOWERS.contains(&next);
    counted && closes
}

/// Words after which letters counted by a number stand as a noun of their own: "six RBI and",
/// "200 MW of power", "10 GB in".
const UNIT_FOLLOWERS: [&str; 18] = [
    "and", "as", "or", "of", "in", "for", "to", "with", "on", "at", "from", "by", "per", "a", "an",
    "the", "but", "while",
];

/// Where a run of name words starting at `from` ends: at the first token that is claimed, in
/// another sentence than `first`, or no part of a name.
fn run_end(
    t: &Tokens<'_>,
    res: &NameResources,
    claimed: &[bool],
    first: usize,
    from: usize,
) -> usize {
    let mut end = from;
    while end < t.len() && !claimed[end] && t.same_sentence(first, end) && joins_name(t, res, end) {
        end += 1;
    }
    end
}

/// Words that join two capitalised runs into one name: "Bank of England", "Ministry for
/// Foreign Affairs", "Council on Foreign Relations", "Procter & Gamble".
fn is_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "and" | "on" | "&" | "de" | "la")
}

/// Where a run ending at `end` extends to through a connector and the next run, if the whole
/// reads as one name. "&" joins capitalised words always ("Douglas & Lomason"); the other
/// connectors need a head word (organisation or place) in the run before them, and "and" does
/// not join two complete companies ("Johnson Controls Inc and Lear Corp") or a company and a
/// facility ("Kansai Electric Power and Kansai International Airport"). A person's name before
/// "of" stays a person: "Joel Naroff of First Union".
fn connector_extends(
    t: &Tokens<'_>,
    res: &NameResources,
    claimed: &[bool],
    first: usize,
    end: usize,
) -> Option<usize> {
    let lx = &res.lexicon;
    let word = t.text(end);
    let next = end + 1;
    if !is_connector(word)
        || next >= t.len()
        || claimed[next]
        || !t.same_sentence(first, next)
        || !t.is_capitalised(next)
        || !joins_name(t, res, next)
    {
        return None;
    }
    if word == "&" {
        return Some(next + 1);
    }
    let head = |k: usize| lx.is_org_head(t.text(k)) || lx.place_head(t.text(k)).is_some();
    let left_head = (first..end).any(head);
    let left_complete = end > first && lx.is_org_suffix(t.text(end - 1));
    if !left_head || left_complete {
        return None;
    }
    if word == "and" {
        // The next run's own words, up to the next connector or non-name.
        let right_end = run_end(t, res, claimed, first, next);
        let right_complete = (next..right_end).any(|k| {
            lx.is_org_suffix(t.text(k))
                || lx
                    .place_head(t.text(k))
                    .is_some_and(|h| h == PlaceHead::Facility)
        });
        // "Richard Hill and Trevor Woodman": two runs each opened by a given name and of two
        // words are two people, whatever head the first surname shares with a hill.
        let person = |a: usize, b: usize| b == a + 2 && lx.given_name(t.text(a)).is_some();
        if right_complete || (person(first, end) && person(next, right_end)) {
            return None;
        }
    }
    Some(next + 1)
}

/// "Ohio-based", "London-Based": a place made into a modifier.
pub fn is_based(word: &str) -> bool {
    word.len() > 6
        && word.is_char_boundary(word.len() - 6)
        && word[word.len() - 6..].eq_ignore_ascii_case("-based")
}

/// "Ohio-based", "Saudi-led", "Brazilian-born", "Kremlin-backed", "Soviet-style": a
/// capitalised word joined by a hyphen to a lowercase participle or to a word that makes
/// an adjective of it. The last part must be one of these: a Korean given name also ends in
/// a lowercase syllable ("Kim Jong-un", "Ban Ki-moon", "Moon Jae-in").
pub fn is_modifier_compound(word: &str) -> bool {
    let Some((head, tail)) = word.rsplit_once('-') else {
        return false;
    };
    let head_capitalised = head.chars().next().is_some_and(char::is_uppercase);
    let lowercase_tail = !tail.is_empty() && tail.chars().all(|c| c.is_ascii_lowercase());
    if !head_capitalised || !lowercase_tail {
        return false;
    }
    // A past participle ("controlled", "sponsored", "listed") or an adjective-forming word.
    (tail.len() >= 5 && tail.ends_with("ed")) || MODIFIER_TAILS.contains(&tail)
}

/// The words after a hyphen that make a name a modifier without ending in "-ed": "Saudi-led",
/// "US-born", "Soviet-era", "English-speaking", "Europe-wide", "Pyongyang-bound".
const MODIFIER_TAILS: [&str; 12] = [
    "led", "born", "run", "made", "held", "style", "era", "speaking", "wide", "bound", "leaning",
    "friendly",
];

/// "Q2", "H1", "FY", "FY96", "1H", "9M": a company's reporting period after its name in an
/// earnings line ("Talvex Corp Q2 net rises") is no word of the name.
pub fn is_fiscal_period(word: &str) -> bool {
    let b = word.as_bytes();
    match b {
        [b'Q', b'1'..=b'4'] | [b'H', b'1' | b'2'] | [b'1' | b'2', b'H' | b'Q'] => true,
        [b'1'..=b'9', b'M'] => true,
        [b'F', b'Y', rest @ ..] => rest.iter().all(u8::is_ascii_digit) && rest.len() <= 4,
        _ => false,
    }
}

/// Longest chain of particles inside a name: "van der" in "Joost van der Westhuizen", "de los"
/// in "Alfonso de los Rios", "von und zu".
const MAX_PARTICLES: usize = 3;

/// Whether token `i` continues a name: a capitalised word, an initial, a particle (or a chain
/// of them: "van der", "de la") between capitalised words, a number after a name ("Apollo 11"
/// is rare in news; numbers end runs).
fn joins_name(t: &Tokens<'_>, res: &NameResources, i: usize) -> bool {
    if t.is_capitalised(i) {
        return !res.lexicon.is_not_name(t.text(i)) && !is_fiscal_period(t.text(i));
    }
    let lx = &res.lexicon;
    let chain = (i..t.len().min(i + MAX_PARTICLES))
        .take_while(|&k| t.same_sentence(i, k) && lx.is_particle(t.text(k)))
        .count();
    chain > 0 && i + chain < t.len() && t.same_sentence(i, i + chain) && t.is_capitalised(i + chain)
}
