//! Lists of names that share one type: a team sheet ("Brannock, Teale, Orwin; Morley,
//! Tasker; ..."), a roster of players with their clubs or parties in brackets ("Coyne
//! (Burnley), Jones (Wolves), Roberts (Wrexham)"), substitutions ("Stott for Morley (53)"). One word of such a list, read alone, looks
//! like a club; the list says it is one of the players.

use chronicle_core::{EntityType, TokenKind};

use super::resolve::Named;
use super::spot::Tokens;

/// Fewest names a line needs to read as a team sheet.
const MIN_SHEET_NAMES: usize = 5;

/// Fewest "Name ( Club )" items a line needs to read as a roster.
const MIN_ROSTER_ITEMS: usize = 3;

/// Makes people of the names no dictionary holds in team sheets and rosters.
pub fn people_in_lists(t: &Tokens<'_>, named: &mut [Named]) {
    let mut k = 0;
    while k < named.len() {
        let line_end = (k..named.len())
            .take_while(|&j| t.same_sentence(named[k].first, named[j].first))
            .last()
            .map_or(k + 1, |j| j + 1);
        let line = k..line_end;
        let mut roster = roster_items(t, &named[line.clone()]);
        roster.extend(substitutions(t, &named[line.clone()]));
        let sheet = is_team_sheet(t, &named[line.clone()]);
        for (j, n) in named[line].iter_mut().enumerate() {
            // A name in brackets on a team sheet is the player's club: "T Shanklin (Cardiff)".
            let bracketed = n.first > 0 && t.text(n.first - 1) == "(";
            let person = (sheet && !bracketed) || roster.contains(&j);
            if person && n.entry.is_none() && n.kind != EntityType::Norp {
                n.kind = EntityType::Person;
                n.actor = None;
            }
        }
        k = line_end;
    }
}

/// The indices (within `line`) of names followed by one bracketed name and then a comma, a
/// semicolon or the end of the line, when the line holds enough of them to be a roster
/// ("Jones (Wolves), Roberts (Wrexham), Collins (Sunderland)"); none otherwise.
fn roster_items(t: &Tokens<'_>, line: &[Named]) -> Vec<usize> {
    let items: Vec<usize> = (0..line.len())
        .filter(|&j| {
            let n = &line[j];
            let Some(inner) = line.get(j + 1) else {
                return false;
            };
            let close = inner.end;
            // A ticker in brackets ("( IBM.N )") follows a company, not a player.
            let inner_named =
                inner.entry.is_some() || t.text(inner.first).chars().any(char::is_lowercase);
            t.text(n.end) == "("
                && inner.first == n.end + 1
                && inner_named
                && t.text(close) == ")"
                && (!t.same_sentence(n.first, close + 1)
                    || matches!(t.text(close + 1), "," | ";" | "."))
        })
        .collect();
    if items.len() >= MIN_ROSTER_ITEMS {
        items
    } else {
        Vec::new()
    }
}

/// "Stott for Morley (53)": a substitution names two players, the one who came on and the one
/// he replaced, and the minute. The indices (within `line`) of both names.
fn substitutions(t: &Tokens<'_>, line: &[Named]) -> Vec<usize> {
    let mut out = Vec::new();
    for j in 1..line.len() {
        let (on, off) = (&line[j - 1], &line[j]);
        let minute = t.text(off.end) == "("
            && t.kind(off.end + 1) == Some(TokenKind::Number)
            && t.text(off.end + 2) == ")";
        if on.end + 1 == off.first && t.text(on.end) == "for" && minute {
            out.extend([j - 1, j]);
        }
    }
    out
}

/// Whether the line is nothing but names parted by commas and semicolons, with a semicolon
/// among them (the lines of a team sheet: backs; half-backs; forwards), and brackets that hold
/// only figures or names (a substitute's minute, a captain's mark).
fn is_team_sheet(t: &Tokens<'_>, line: &[Named]) -> bool {
    let (Some(first), Some(last)) = (line.first(), line.last()) else {
        return false;
    };
    if line.len() < MIN_SHEET_NAMES {
        return false;
    }
    let line_start = (0..first.first)
        .rev()
        .take_while(|&k| t.same_sentence(k, first.first))
        .last()
        .unwrap_or(first.first);
    let line_end = (last.end..t.len())
        .take_while(|&k| t.same_sentence(k, first.first))
        .last()
        .map_or(last.end, |k| k + 1);
    let in_name = |k: usize| line.iter().any(|n| n.first <= k && k < n.end);
    let mut semicolons = 0;
    for k in line_start..line_end {
        if in_name(k) {
            continue;
        }
        match t.text(k) {
            ";" => semicolons += 1,
            "," | "." | "(" | ")" | "capt" | "captain" => {}
            // A name nothing typed ("Brannock" opening the line) is still a name.
            _ if t.kind(k) == Some(TokenKind::Number) || t.is_capitalised(k) => {}
            _ => return false,
        }
    }
    semicolons >= 1
}
