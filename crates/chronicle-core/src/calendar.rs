//! Month and weekday names as news writes them: Chronicle's one calendar vocabulary, shared by
//! the stages that must tell a date word from a name ("March", "May") or a place ("March",
//! Cambridgeshire), the dateline and page-date readers that turn "Jun. 12" or "12 June 2018" into
//! a month, and the amounts finder that must not read "June 12" as a quantity.

/// Full English month names, capitalised.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month abbreviations with their full stop, as wire services write them ("Jan. 5", "Sept. 11").
pub const MONTH_ABBREVIATIONS: [&str; 9] = [
    "Jan.", "Feb.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
];

/// Full English weekday names, capitalised.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A month, full or abbreviated ("March", "Sept.").
pub fn is_month(word: &str) -> bool {
    MONTHS.contains(&word) || MONTH_ABBREVIATIONS.contains(&word)
}

/// A full month or weekday name.
pub fn is_month_or_weekday(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

/// The month a full name or a news short form names, January = 1: the full name or its first
/// three letters ("Jun"), or "Sept"; ASCII case-insensitive, without punctuation ("Sept." is the
/// caller's to trim).
pub fn month_number(word: &str) -> Option<i8> {
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    let i = MONTHS.iter().position(|m| {
        word.eq_ignore_ascii_case(m) || word.len() == 3 && word.eq_ignore_ascii_case(&m[..3])
    })?;
    i8::try_from(i + 1).ok()
}

/// The month that `word` begins to spell, January = 1: three letters or more of a full name
/// ("Jul", "Sept", "Janu", "December"), ASCII case-insensitive, as page metadata abbreviates.
pub fn month_by_prefix(word: &str) -> Option<i8> {
    if word.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| {
        m.len() >= word.len() && m.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
    })?;
    i8::try_from(i + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_and_news_short_forms_number_the_month() {
        assert_eq!(month_number("January"), Some(1));
        assert_eq!(month_number("jun"), Some(6));
        assert_eq!(month_number("SEPT"), Some(9));
        assert_eq!(month_number("Sep"), Some(9));
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(month_number("Janu"), None);
        assert_eq!(month_number("Jun."), None);
        assert_eq!(month_number("Ju"), None);
    }

    #[test]
    fn a_prefix_of_three_letters_or_more_names_its_month() {
        assert_eq!(month_by_prefix("Janu"), Some(1));
        assert_eq!(month_by_prefix("sept"), Some(9));
        assert_eq!(month_by_prefix("december"), Some(12));
        assert_eq!(month_by_prefix("Ma"), None);
        assert_eq!(month_by_prefix("Mayday"), None);
        assert_eq!(month_by_prefix("Jul."), None);
    }

    #[test]
    fn the_lists_agree() {
        assert!(
            MONTH_ABBREVIATIONS
                .iter()
                .all(|a| { month_number(a.trim_end_matches('.')).is_some() && is_month(a) })
        );
        assert!(
            WEEKDAYS
                .iter()
                .all(|d| is_month_or_weekday(d) && !is_month(d))
        );
    }
}
