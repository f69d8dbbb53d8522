//! Toponyms that hold only beside the article's other places: a capitalised word the names
//! stage took for no name, and a village the names stage found but the gazetteer may only know
//! abroad.

use super::gazetteer::Gazetteer;
use super::spot::Toponym;

/// Keeps of each `nearby_only` toponym (and of each `unless_far` one, where the article names
/// other places) the readings in the countries of the article's other places (their likeliest
/// readings); one left with none is no place.
pub(super) fn keep_nearby(g: &Gazetteer, out: &mut Vec<Toponym>) {
    if !out.iter().any(|t| t.nearby_only || t.unless_far) {
        return;
    }
    let likeliest = |t: &Toponym| {
        t.readings
            .iter()
            .map(|r| &g.entries[r.entry as usize])
            .max_by(|a, b| super::resolve::prior(a).total_cmp(&super::resolve::prior(b)))
            .map(|e| e.cc)
    };
    let countries: Vec<[u8; 2]> = out
        .iter()
        .filter(|t| !t.nearby_only)
        .filter_map(likeliest)
        .collect();
    // An `unless_far` toponym is weighed against every other place name of the article, the
    // small ones too: small towns of one county speak for each other.
    let others: Vec<(u32, [u8; 2])> = out
        .iter()
        .filter_map(|t| likeliest(t).map(|cc| (t.start, cc)))
        .collect();
    for t in out.iter_mut() {
        if t.nearby_only {
            t.readings
                .retain(|r| countries.contains(&g.entries[r.entry as usize].cc));
        } else if t.unless_far && others.iter().any(|&(at, _)| at != t.start) {
            let near = |cc: [u8; 2]| others.iter().any(|&(at, c)| at != t.start && c == cc);
            t.readings.retain(|r| near(g.entries[r.entry as usize].cc));
        }
    }
    out.retain(|t| !t.readings.is_empty());
}
