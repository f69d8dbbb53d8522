//! Names of CAMEO event codes (`042` → "Make a visit"), for the exports and query tables that
//! give a code's name beside the code. Read from `dictionaries/cameo/event_codes.tsv`, the
//! table the coder and `/api/codes` read.

use std::collections::HashMap;
use std::sync::OnceLock;

static EVENT_CODES: &str = include_str!("../../../dictionaries/cameo/event_codes.tsv");

fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        EVENT_CODES
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, f.next()?))
            })
            .collect()
    })
}

/// The name of CAMEO event code `code` (`042` → "Make a visit"), if it is one.
pub fn event_name(code: &str) -> Option<&'static str> {
    table().get(code).copied()
}

/// Every CAMEO event code with its name.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    table().iter().map(|(c, n)| (*c, *n))
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_have_their_names() {
        assert_eq!(super::event_name("042"), Some("Make a visit"));
        assert_eq!(super::event_name("999"), None);
    }
}
