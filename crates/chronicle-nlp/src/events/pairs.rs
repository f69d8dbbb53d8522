//! Which pairs of sides make events: every source with every target (or the members of one
//! compound with each other), and the pairs that say nothing CAMEO codes (a bare statement
//! with a side missing, a visit to no one, a firm's market news, force used by the unarmed).

use super::coder::Side;

/// Whether an event with these sides says nothing CAMEO codes. A bare statement is somebody's
/// about somebody: with a side missing it says nothing ("Cuban Americans said that ...", "...
/// said UNDP"); a visit, made or hosted, is one with a host and a guest ("as he arrived in
/// Philadelphia").
pub(super) fn says_nothing(code: &str, source: &Side, target: &Side) -> bool {
    // a firm acting alone or on a firm of its own country is market news, no political event
    // ("Japanese banks are seeking alliances", "Yukos accused Gazprom"); a political actor on
    // either side, or firms of two countries ("Petrobras signed with Sinopec"), make it one
    fn firm(side: &Side) -> Option<&str> {
        let (c, _) = side.as_ref()?;
        let business = c.get(3..).is_some_and(|s| s.starts_with("BUS")) || c.starts_with("MNC");
        business.then(|| c.get(..3).unwrap_or(""))
    }
    let domestic = match (firm(source), firm(target), source, target) {
        (Some(a), Some(b), _, _) => a == b,
        (Some(_), None, _, None) | (None, Some(_), None, _) => true,
        _ => false,
    };
    if domestic {
        return true;
    }
    // force is used by those who bear arms: a party, a firm, the press, a court or a parliament
    // that "attacks", "fights" or "defeats" does so in words, votes or markets ("the Tories
    // attacked the plan", "Yukos has been battling the authorities", "MPs slashed its budget")
    let force = matches!(code.get(..2), Some("18" | "19" | "20"));
    if force && source.as_ref().is_some_and(|(c, _)| unarmed(c)) {
        return true;
    }
    match code {
        "010" => source.is_none() || target.is_none(),
        "042" | "043" => target.is_none(),
        // a return or a release to no one: a politician back in Washington, figures or tax
        // returns released ("returned to Cairo", "released his tax returns")
        "084" | "0841" => target.is_none(),
        _ => false,
    }
}

/// Whether an actor code names a body that bears no arms: a party, a firm, the media, a
/// legislature, a court, a school, a hospital, a union, farmers or elites.
pub(super) fn unarmed(code: &str) -> bool {
    const CIVIL: [&str; 10] = [
        "PTY", "BUS", "MED", "LEG", "JUD", "EDU", "HLH", "LAB", "AGR", "ELI",
    ];
    let agent = code.get(3..6).unwrap_or("");
    CIVIL.contains(&agent) || code.starts_with("MNC")
}

/// Every (source, target) pair, or every ordered pair of distinct members of one compound.
/// `code_is_actor`: two sides with one code are one actor, wherever they are named.
pub(super) fn pair_up<'a>(
    sources: &'a [Side],
    targets: &'a [Side],
    pairwise: bool,
    code_is_actor: bool,
) -> Vec<(&'a Side, &'a Side)> {
    let mut out = Vec::new();
    if pairwise {
        for (i, a) in sources.iter().enumerate() {
            for (j, b) in sources.iter().enumerate() {
                if i != j && a.as_ref().map(|x| &x.0) != b.as_ref().map(|x| &x.0) {
                    out.push((a, b));
                }
            }
        }
        return out;
    }
    for s in sources {
        for t in targets {
            // one mention on both sides; two people of one government are two actors
            let same =
                matches!((s, t), (Some(a), Some(b)) if a.0 == b.0 && (code_is_actor || a.1 == b.1));
            if !same {
                out.push((s, t));
            }
        }
    }
    out
}
