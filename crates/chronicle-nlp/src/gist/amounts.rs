//! Amounts as GKG V2.1Amounts gives them: every number with the thing it counts, normalised to
//! digits ("$1.13bn profit" → 1130000000 profit, "thousands of protesters" → 1000 protesters).
//!
//! A number is an amount only when it counts something. These are not:
//!
//! - years, dates, times and durations (the time stage's mentions, and "3 days", "2018 summit");
//! - ages ("aged 45", "45 years old", "Kim, 36,", "a 12-year-old") and other compounds
//!   ("a 10-mile walk", "3-1");
//! - shares ("5 percent", "5%");
//! - labels ("Resolution 2397", "Apollo 11", "Flight 370");
//! - descriptions of a known set ("one of **the four great revolutions**", "the two leaders"):
//!   a small number in words after a determiner names a group, it does not count one;
//! - "one", which is a pronoun as often as a number ("one of", "no one"), and numbers with
//!   nothing after them to count.

use chronicle_core::calendar::month_number;
use chronicle_core::{Amount, TokenKind};

use super::numbers::{self, Form, Number};
use super::object::{self, group_at};
use super::text::Doc;

/// Units of time: a number of them is a duration or a time, not an amount.
const TIME_UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "night",
    "nights",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "o'clock",
    "year-old",
    "years-old",
    "weekend",
    "weekends",
    "morning",
    "mornings",
    "evening",
    "evenings",
];

/// Words before a small number that make it a description of a known set.
const DETERMINERS: &[&str] = &[
    "the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "all", "both",
    "first", "last", "other", "'s", "’s",
];

/// A month's name or news short form ("june", "sept"): a number next to one is a date the time
/// stage may have missed.
fn is_month(low: &str) -> bool {
    month_number(low).is_some()
}

/// The amounts of the document.
pub(crate) fn find(doc: &Doc, numbers: &[Number]) -> Vec<Amount> {
    let mut out = Vec::new();
    for n in numbers {
        if let Some(a) = amount(doc, n) {
            out.push(a);
        }
    }
    out
}

/// The amount at number `n`, if it is one.
fn amount(doc: &Doc, n: &Number) -> Option<Amount> {
    if n.percent || n.hyphenated || excluded_form(n) || n.value <= 0.0 {
        return None;
    }
    let (bs, _) = doc.span(n.start);
    let (_, ne) = doc.span(n.end.saturating_sub(1));
    if doc.in_date(bs, ne) {
        return None;
    }
    let sentence = doc.sentence_of(n.start);
    let mut group = group_at(doc, n.end, sentence.end, &|_| false);
    if group.is_empty() && n.money.is_some() && doc.low(n.end) == "in" {
        group = group_at(doc, n.end + 1, sentence.end, &|_| false);
    }
    if is_age(doc, n, sentence.start)
        || is_label(doc, n, sentence.start)
        || is_description(doc, n, sentence.start)
        || is_time(doc, n, &group)
    {
        return None;
    }
    let object = match (object::text_of(doc, &group), n.money) {
        ("", Some(currency)) => currency,
        ("", None) => return None,
        (text, _) => text,
    };
    let end_byte = if group.is_empty() {
        ne
    } else {
        doc.span(group.end - 1).1
    };
    let (start, end) = doc.chars(bs, end_byte);
    Some(Amount {
        number: numbers::round(n.value),
        object: object.to_string(),
        start,
        end,
    })
}

/// "one" in words, alone: a pronoun as often as a number.
fn excluded_form(n: &Number) -> bool {
    n.form == Form::Words && n.value <= 1.0 && n.end == n.start + 1
}

/// "aged 45", "age 45", "45 years old", "Kim, 36, said".
fn is_age(doc: &Doc, n: &Number, sentence_start: usize) -> bool {
    let prev = if n.start > sentence_start {
        doc.low(n.start - 1)
    } else {
        ""
    };
    if matches!(prev, "aged" | "age" | "ages") {
        return true;
    }
    if matches!(doc.low(n.end), "years" | "year") && doc.low(n.end + 1) == "old" {
        return true;
    }
    n.form == Form::Digits
        && n.value < 130.0
        && prev == ","
        && n.start >= sentence_start + 2
        && doc.capitalised(n.start - 2)
        && doc.text(n.end) == ","
}

/// "Resolution 2397", "Apollo 11", "Flight 370", "No. 10": plain digits after a capitalised word
/// inside the sentence, or after a number sign; "Five Live": a capitalised number word inside it.
fn is_label(doc: &Doc, n: &Number, sentence_start: usize) -> bool {
    if n.money.is_some() || n.start <= sentence_start {
        return false;
    }
    // "told Five Live", "the Big Three": a capitalised number word inside a sentence is a name.
    if n.form != Form::Digits {
        return doc.capitalised(n.start);
    }
    let prev = n.start - 1;
    if matches!(doc.text(prev), "#" | "No." | "no." | "Nos." | "No") {
        return true;
    }
    let plain = !doc.text(n.start).contains(',');
    let capitalised_word = doc.kind(prev) == Some(TokenKind::Word)
        && doc.capitalised(prev)
        && prev > sentence_start
        && !is_month(doc.low(prev));
    plain && capitalised_word
}

/// "the four great revolutions", "its two reactors": a small number in words after a
/// determiner describes a known set.
fn is_description(doc: &Doc, n: &Number, sentence_start: usize) -> bool {
    n.form == Form::Words
        && n.value <= 20.0
        && n.start > sentence_start
        && DETERMINERS.contains(&doc.low(n.start - 1))
}

/// Times, durations and years: "3 days", "5 pm", "the 2018 summit", "March 18".
fn is_time(doc: &Doc, n: &Number, group: &std::ops::Range<usize>) -> bool {
    let first = if group.is_empty() {
        doc.low(n.end)
    } else {
        doc.low(group.start)
    };
    if TIME_UNITS.contains(&first) || is_month(first) {
        return true;
    }
    if n.start > 0 && is_month(doc.low(n.start - 1).trim_end_matches('.')) {
        return true;
    }
    let plain_year = n.form == Form::Digits
        && n.money.is_none()
        && (1000.0..=2100.0).contains(&n.value)
        && doc.text(n.start).len() == 4;
    let counted_plural = !group.is_empty() && {
        let last = doc.low(group.end - 1);
        last.ends_with('s') || matches!(last, "people" | "men" | "women" | "children" | "troops")
    };
    plain_year && !counted_plural
}
