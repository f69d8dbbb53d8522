//! Splits raw text into words roughly as UD English-EWT does, and keys words as the parser does.
//!
//! The clusters are only useful if the words counted here are the words the parser later looks
//! up, so the split follows the treebank's conventions where they matter for counts: clitics
//! come off (`do|n't`, `it|'s`, `ca|n't`, `can|not`), punctuation stands alone, hyphens between
//! words split (`high|-|speed`), while numbers (`3,000`, `1.5`, `10:30`), abbreviations
//! (`U.S.`, `Mr.`) and web addresses stay whole. Tokens are slices of the input: nothing is
//! allocated per token.

/// Words that keep their full stop, as the treebank writes them ("Mr.", "Sept.", "etc.").
/// Compared lower-case, without the stop. Single letters ("J.") keep theirs by rule.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "rev", "gen", "gov", "sen", "rep", "lt",
    "col", "capt", "sgt", "ft", "mt", "inc", "co", "corp", "ltd", "vs", "etc", "no", "jan", "feb",
    "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thurs", "fri", "sat", "sun", "e.g", "i.e", "approx", "dept", "est", "fig", "ave", "blvd",
];

/// Endings split off a word as clitics, with an ASCII or a typographic apostrophe; `n't` is
/// handled apart because it takes the letter before the apostrophe.
const CLITICS: &[&str] = &[
    "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m",
];

/// Calls `emit` with each token of `text`, in order.
pub fn tokenize<'a>(text: &'a str, emit: &mut impl FnMut(&'a str)) {
    for chunk in text.split(char::is_whitespace).filter(|c| !c.is_empty()) {
        split_chunk(chunk, emit);
    }
}

/// Writes the parser's key of `token` into `out`: each ASCII digit becomes '0', then every
/// character is lower-cased with [`char::to_lowercase`] (as `chronicle-syntax` keys its words).
pub fn key_into(token: &str, out: &mut String) {
    out.clear();
    for c in token.chars() {
        let folded = if c.is_ascii_digit() { '0' } else { c };
        out.extend(folded.to_lowercase());
    }
}

/// The parser's key of `token`, allocated; see [`key_into`].
pub fn key(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    key_into(token, &mut out);
    out
}

/// Splits one whitespace-free chunk.
fn split_chunk<'a>(chunk: &'a str, emit: &mut impl FnMut(&'a str)) {
    if is_web_address(chunk) {
        let core_start = chunk.len() - chunk.trim_start_matches(is_opening).len();
        let core_end = chunk.trim_end_matches(is_closing).len().max(core_start);
        emit_puncts(&chunk[..core_start], emit);
        if core_start < core_end {
            emit(&chunk[core_start..core_end]);
        }
        emit_puncts(&chunk[core_end..], emit);
        return;
    }
    let bytes = chunk.as_bytes();
    let mut i = 0;
    while i < chunk.len() {
        let c = char_at(chunk, i);
        if is_word_char(c) {
            let end = word_end(chunk, i);
            let end = keep_abbreviation_stop(chunk, i, end);
            split_clitics(&chunk[i..end], emit);
            i = end;
        } else {
            // A run of one repeated mark ("...", "--", "!!") is one token; other marks stand alone.
            let mut end = i + c.len_utf8();
            if matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_' | '~') {
                while end < chunk.len() && bytes[end] == bytes[i] {
                    end += 1;
                }
            }
            emit(&chunk[i..end]);
            i = end;
        }
    }
}

/// The end of the word starting at `start`: letters and digits, joined by inner marks that
/// belong to words (`U.S`, `3,000`, `10:30`, `AT&T`, `don't`, `and/or`), not by hyphens.
fn word_end(chunk: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = chunk[start..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if is_word_char(c) {
            end = start + off + c.len_utf8();
            continue;
        }
        let joins = matches!(c, '.' | ',' | ':' | '\'' | '’' | '&' | '/' | '_');
        let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
        if !(joins && next_is_word) {
            break;
        }
        // A comma or colon joins digits only ("3,000", "10:30"), never words ("yes,no").
        if matches!(c, ',' | ':') {
            let prev_digit = chunk[..start + off]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit());
            let next_digit = chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
            if !(prev_digit && next_digit) {
                break;
            }
        }
    }
    end
}

/// Extends a word over a following full stop when the word is an abbreviation: an initial
/// ("J."), dotted letters ("U.S."), or one of [`ABBREVIATIONS`].
fn keep_abbreviation_stop(chunk: &str, start: usize, end: usize) -> usize {
    if chunk.as_bytes().get(end) != Some(&b'.') || chunk.as_bytes().get(end + 1) == Some(&b'.') {
        return end;
    }
    let word = &chunk[start..end];
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    let dotted = word.contains('.') && !word.chars().any(|c| c.is_ascii_digit());
    let listed = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    if single_letter || dotted || listed {
        end + 1
    } else {
        end
    }
}

/// Emits `word`, with a clitic ending split off: `n't` with the letter before the apostrophe
/// ("do|n't", "ca|n't"), the others at the apostrophe ("it|'s", "we|'re"), and "cannot" as
/// "can|not".
fn split_clitics<'a>(word: &'a str, emit: &mut impl FnMut(&'a str)) {
    let lower_ends =
        |suffix: &str| ends_with_ignore_case(word, suffix) && word.len() > suffix.len();
    let negation = ["n't", "n’t"].into_iter().find(|s| lower_ends(s));
    if let Some(neg) = negation {
        let cut = word.len() - neg.len();
        emit(&word[..cut]);
        emit(&word[cut..]);
        return;
    }
    if let Some(clitic) = CLITICS.iter().find(|s| lower_ends(s)) {
        let cut = word.len() - clitic.len();
        emit(&word[..cut]);
        emit(&word[cut..]);
        return;
    }
    if word.eq_ignore_ascii_case("cannot") {
        emit(&word[..3]);
        emit(&word[3..]);
        return;
    }
    emit(word);
}

fn ends_with_ignore_case(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.is_char_boundary(word.len() - suffix.len())
        && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Emits each mark of a run of leading or trailing punctuation around a web address.
fn emit_puncts<'a>(marks: &'a str, emit: &mut impl FnMut(&'a str)) {
    for (i, c) in marks.char_indices() {
        emit(&marks[i..i + c.len_utf8()]);
    }
}

fn is_web_address(chunk: &str) -> bool {
    let lower_start = chunk.trim_start_matches(is_opening);
    chunk.contains("://")
        || lower_start
            .get(..4)
            .is_some_and(|s| s.eq_ignore_ascii_case("www."))
        || chunk.find('@').is_some_and(|at| {
            at > 0 && chunk[at..].contains('.') && chunk.chars().filter(|&c| c == '@').count() == 1
        })
}

fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '<')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '>' | '.' | ',' | ';' | ':' | '!' | '?'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or('\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, &mut |t| out.push(t));
        out
    }

    #[test]
    fn clitics_come_off_as_in_the_treebank() {
        assert_eq!(toks("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(
            toks("We can't, they won't"),
            ["We", "ca", "n't", ",", "they", "wo", "n't"]
        );
        assert_eq!(
            toks("It's Time Warner's"),
            ["It", "'s", "Time", "Warner", "'s"]
        );
        assert_eq!(
            toks("they're we've I'll she'd I'm"),
            [
                "they", "'re", "we", "'ve", "I", "'ll", "she", "'d", "I", "'m"
            ]
        );
        assert_eq!(toks("DON’T it’s"), ["DO", "N’T", "it", "’s"]);
        assert_eq!(toks("I cannot"), ["I", "can", "not"]);
        assert_eq!(toks("O'Brien"), ["O'Brien"]);
        assert_eq!(toks("analysts' views"), ["analysts", "'", "views"]);
    }

    #[test]
    fn punctuation_stands_alone() {
        assert_eq!(
            toks("(£600m) to December, from $639m."),
            [
                "(", "£", "600m", ")", "to", "December", ",", "from", "$", "639m", "."
            ]
        );
        assert_eq!(
            toks("\"Yes!\" he said..."),
            ["\"", "Yes", "!", "\"", "he", "said", "..."]
        );
        assert_eq!(
            toks("up 76% -- a record"),
            ["up", "76", "%", "--", "a", "record"]
        );
        assert_eq!(toks("“quoted”"), ["“", "quoted", "”"]);
    }

    #[test]
    fn hyphens_split_words_but_numbers_and_abbreviations_stay_whole() {
        assert_eq!(
            toks("high-speed one-off"),
            ["high", "-", "speed", "one", "-", "off"]
        );
        assert_eq!(
            toks("464,000 and 1.13 at 10:30"),
            ["464,000", "and", "1.13", "at", "10:30"]
        );
        assert_eq!(
            toks("the U.S. and Mr. Smith"),
            ["the", "U.S.", "and", "Mr.", "Smith"]
        );
        assert_eq!(
            toks("J. Smith, Sept. 5"),
            ["J.", "Smith", ",", "Sept.", "5"]
        );
        assert_eq!(toks("in 2004. Then"), ["in", "2004", ".", "Then"]);
        assert_eq!(toks("AT&T and/or"), ["AT&T", "and/or"]);
        assert_eq!(toks("yes,no"), ["yes", ",", "no"]);
    }

    #[test]
    fn web_addresses_stay_whole_without_their_surrounding_marks() {
        assert_eq!(
            toks("(see http://www.example.org/a-b.htm)."),
            ["(", "see", "http://www.example.org/a-b.htm", ")", "."]
        );
        assert_eq!(
            toks("mail jo.x@example.com,"),
            ["mail", "jo.x@example.com", ","]
        );
    }

    #[test]
    fn tokens_cover_every_non_space_character() {
        let text = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)!!";
        let joined: String = toks(text).concat();
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, expected);
    }

    #[test]
    fn keys_fold_digits_and_case_like_the_parser() {
        assert_eq!(key("Monday"), "monday");
        assert_eq!(key("1,999.5"), "0,000.0");
        assert_eq!(key("ÉTÉ"), "été");
        assert_eq!(key("U.S."), "u.s.");
        // Non-ASCII digits are not folded, only lower-cased, as in the parser.
        assert_eq!(key("٣"), "٣");
    }
}
