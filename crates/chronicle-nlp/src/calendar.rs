//! Month and weekday names as news writes them, shared by the stages that must tell a date
//! word from a name ("March", "May") or a place ("March", Cambridgeshire).

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
