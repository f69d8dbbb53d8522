//! Numbers as news writes them: `12`, `3,000`, `1.13bn`, `$5 million`, `twenty-five`,
//! `two hundred`, `a dozen`, `thousands of`, `tens of thousands of`, `5 percent`.
//!
//! Read once per article and shared by counts and amounts. Ordinals (`3rd`, `third`), decades
//! (`1990s`), clock times (`2:30`, `5pm`) and fractions (`3/4`) are not numbers here.

use chronicle_core::TokenKind;

use super::text::Doc;

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Digits, possibly with a scale: `12`, `3,000`, `1.13bn`, `2 million`.
    Digits,
    /// Words: `twelve`, `two hundred`, `a dozen`.
    Words,
    /// A plural of a round number, read as its floor: `dozens`, `hundreds`, `thousands of`.
    Vague,
}

/// One number phrase in token indices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    pub value: f64,
    /// First token (the currency sign when there is one).
    pub start: usize,
    /// Token past the phrase (past its scale, currency word, `percent`, or `of` after a plural).
    pub end: usize,
    pub form: Form,
    /// Currency name when the number is money (`dollars` for `$`).
    pub money: Option<&'static str>,
    /// `5%`, `5 percent`, `5 per cent`.
    pub percent: bool,
    /// Directly followed by a hyphen: `12-year-old`, `a 10-mile walk`, `3-1`.
    pub hyphenated: bool,
}

/// Every number phrase of the document, in order, not overlapping.
pub(crate) fn find_all(doc: &Doc) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.len() {
        match read_at(doc, i) {
            Some(n) if n.end > i => {
                i = n.end;
                out.push(n);
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether a number phrase starts at token `i`.
pub(crate) fn starts_number(doc: &Doc, i: usize) -> bool {
    read_at(doc, i).is_some()
}

/// The number phrase starting at token `i`, if one does.
fn read_at(doc: &Doc, i: usize) -> Option<Number> {
    let (money, first) = match currency_sign(doc.text(i)) {
        Some(name) if doc.kind(i + 1) == Some(TokenKind::Number) && doc.touching(i, i + 1) => {
            (Some(name), i + 1)
        }
        Some(_) => return None,
        None => (None, i),
    };
    let (value, form, mut end) = match doc.kind(first)? {
        TokenKind::Number => {
            let v = digits(doc.low(first))?;
            (v, Form::Digits, first + 1)
        }
        TokenKind::Word if may_start_number(doc.low(first)) => words(doc, first)?,
        _ => return None,
    };
    let mut n = Number {
        value,
        start: i,
        end,
        form,
        money,
        percent: false,
        hyphenated: false,
    };
    if form != Form::Vague {
        while let Some(scale) = scale_word(doc.low(end)) {
            n.value *= scale;
            end += 1;
        }
    }
    // "100 millions of Egyptian pounds"
    if form == Form::Digits
        && let Some(scale) = plural_unit(doc.low(end)).filter(|&s| s >= 1e3)
    {
        n.value *= scale;
        end += 1 + usize::from(doc.low(end + 1) == "of");
    }
    if n.money.is_none()
        && let Some(name) = currency_word(doc.low(end))
    {
        n.money = Some(name);
        end += 1;
    }
    // "400m" and "5k" are metres and races unless they are money ("$400m", "£5k").
    if form == Form::Digits && n.money.is_none() && doc.low(first).ends_with(['m', 'k']) {
        return None;
    }
    match doc.low(end) {
        "%" | "percent" | "pct" => {
            n.percent = true;
            end += 1;
        }
        "per" if doc.low(end + 1) == "cent" => {
            n.percent = true;
            end += 2;
        }
        _ => {}
    }
    n.hyphenated = matches!(doc.text(end), "-" | "‑" | "–") && doc.touching(end - 1, end);
    n.end = end;
    (n.value.is_finite() && n.value >= 0.0).then_some(n)
}

/// Digits with commas or a decimal point and an optional scale suffix: `3,000`, `1.13bn`, `5m`.
fn digits(text: &str) -> Option<f64> {
    let split = text
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let (num, suffix) = text.split_at(split);
    let scale = match suffix {
        "" => 1.0,
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "b" | "bn" | "bln" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    };
    if num.contains([':', '/']) || num.matches('.').count() > 1 {
        return None;
    }
    let mut groups = num.split(',');
    let head = groups.next()?;
    if head.is_empty() || head.len() > 15 {
        return None;
    }
    let mut clean = String::with_capacity(num.len());
    clean.push_str(head);
    for g in groups {
        let int_part = g.split('.').next().unwrap_or(g);
        if int_part.len() != 3 || head.len() > 3 || head.contains('.') {
            return None;
        }
        clean.push_str(g);
    }
    clean.parse::<f64>().ok().map(|v| v * scale)
}

/// A cheap first look: the first letters and lengths of the words a number in words starts with
/// (`one` ... `ninety-nine`, `a`, `an`, `hundred`, `dozen`, `dozens`, `scores`, `tens` ...).
fn may_start_number(w: &str) -> bool {
    let len = w.len();
    match w.as_bytes().first() {
        Some(b'a') => len <= 2,
        Some(b'o' | b'z' | b'b') => (3..=9).contains(&len),
        Some(b'e' | b'f' | b'n' | b's' | b't' | b'h' | b'd' | b'm') => (3..=13).contains(&len),
        _ => false,
    }
}

/// A number in words starting at token `i`: its value, form and the token past it.
fn words(doc: &Doc, i: usize) -> Option<(f64, Form, usize)> {
    if let Some(v) = vague(doc, i) {
        return Some(v);
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut seen = false;
    let mut j = i;
    loop {
        let w = doc.low(j);
        if doc.kind(j) != Some(TokenKind::Word) {
            break;
        }
        if let Some(v) = small(w) {
            let rest = current % 100.0;
            let joins = rest == 0.0 || (rest >= 20.0 && rest % 10.0 == 0.0 && v < 10.0);
            if seen && !joins {
                break;
            }
            current += v;
        } else if (w == "a" || w == "an") && !seen {
            if !matches!(
                doc.low(j + 1),
                "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
            ) {
                return None;
            }
            current = 1.0;
        } else if w == "hundred" {
            current = current.max(1.0) * 100.0;
        } else if w == "dozen" {
            current = current.max(1.0) * 12.0;
        } else if let Some(s) = scale_word(w).filter(|&s| s >= 1e3) {
            total += current.max(1.0) * s;
            current = 0.0;
        } else if w == "and"
            && seen
            && doc.low(j - 1) == "hundred"
            && small(doc.low(j + 1)).is_some()
        {
            // "two hundred and fifty"
        } else {
            break;
        }
        seen |= w != "a" && w != "an";
        j += 1;
    }
    (seen && j > i).then_some((total + current, Form::Words, j))
}

/// `dozens`, `hundreds of`, `tens of thousands of`, `hundreds of thousands of`, `scores of`.
fn vague(doc: &Doc, i: usize) -> Option<(f64, Form, usize)> {
    let unit = plural_unit(doc.low(i))?;
    let mut value = unit;
    let mut end = i + 1;
    if doc.low(end) == "of"
        && let Some(next) = plural_unit(doc.low(end + 1)).filter(|&n| n >= 1e3)
    {
        value = unit * next;
        end += 2;
    }
    if unit == 10.0 && value == 10.0 {
        return None; // "tens" alone
    }
    if doc.low(end) == "of" {
        end += 1;
    }
    Some((value, Form::Vague, end))
}

fn plural_unit(w: &str) -> Option<f64> {
    Some(match w {
        "tens" => 10.0,
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// `one` to `ninety-nine`, hyphenated tens included.
pub(crate) fn small(w: &str) -> Option<f64> {
    if let Some((tens, unit)) = w.split_once(['-', '‑']) {
        let t = small(tens).filter(|v| *v >= 20.0 && v % 10.0 == 0.0)?;
        let u = small(unit).filter(|v| *v < 10.0 && *v > 0.0)?;
        return Some(t + u);
    }
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(k) = UNITS.iter().position(|u| *u == w) {
        return Some(k as f64);
    }
    TENS.iter()
        .position(|t| *t == w)
        .map(|k| (k as f64 + 2.0) * 10.0)
}

/// `thousand`, `million`, `bn` ... as a multiplier.
fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// A currency sign before digits: `$`, `€`, `£`, `¥`, `₹`.
fn currency_sign(t: &str) -> Option<&'static str> {
    Some(match t {
        "$" => "dollars",
        "€" => "euros",
        "£" => "pounds",
        "¥" => "yen",
        "₹" => "rupees",
        "₩" => "won",
        _ => return None,
    })
}

/// A currency written after the number: `5 million dollars`, `3bn euros`.
fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "usd" => "dollars",
        "euro" | "euros" | "eur" => "euros",
        "pound" | "pounds" | "sterling" | "gbp" => "pounds",
        "yuan" | "renminbi" | "rmb" => "yuan",
        "yen" => "yen",
        "rupee" | "rupees" => "rupees",
        "rubles" | "roubles" | "ruble" | "rouble" => "rubles",
        "won" => "won",
        _ => return None,
    })
}

/// A number phrase's value as GKG writes it: an integer when it is one.
/// Scaled amounts are whole ("£265.9bn" is 265900000000, not 265899999999.99997); others keep
/// six decimals at most.
pub(crate) fn round(v: f64) -> f64 {
    if v.abs() >= 1e3 || (v - v.round()).abs() < 1e-6 {
        v.round()
    } else {
        (v * 1e6).round() / 1e6
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_read_news_forms() {
        assert_eq!(digits("3,000"), Some(3000.0));
        assert_eq!(digits("1.13bn"), Some(1.13e9));
        assert_eq!(digits("5m"), Some(5e6));
        assert_eq!(digits("12"), Some(12.0));
        assert_eq!(digits("1990s"), None);
        assert_eq!(digits("3rd"), None);
        assert_eq!(digits("2:30"), None);
        assert_eq!(digits("3/4"), None);
        assert_eq!(digits("1,2,3"), None);
        assert_eq!(digits("5pm"), None);
    }

    #[test]
    fn small_numbers_in_words() {
        assert_eq!(small("twenty-five"), Some(25.0));
        assert_eq!(small("twelve"), Some(12.0));
        assert_eq!(small("two-year"), None);
        assert_eq!(small("twenty-twenty"), None);
    }
}
