//! Telling code from prose: JavaScript or CSS that reaches the page as text (an embed pasted
//! escaped, a script a broken template printed) is never part of an article, whatever the markup
//! around it. Code in `<pre>` is an article's own (a programming post) and is not judged here.

/// Marks of JavaScript and CSS that prose does not have.
const MARKS: &[&str] = &[
    "function(",
    "function (",
    "=>",
    "});",
    "})(",
    "var ",
    "let ",
    "const ",
    "window.",
    "document.",
    "===",
    "!==",
    "&&",
    "||",
    ".push(",
    "return ",
    "typeof ",
    "null;",
    "true;",
    "false;",
    "@media",
    "!important",
    "px;",
    "{display:",
    "{ display:",
];

/// Whether a block of text is code: several marks of code, and the punctuation of code
/// (`{ } ; = ( )`) making up a good part of it.
pub fn looks_like_code(text: &str) -> bool {
    let bytes = text.len();
    if bytes < 30 {
        return false;
    }
    let punct = text
        .bytes()
        .filter(|b| matches!(b, b'{' | b'}' | b';' | b'=' | b'(' | b')'))
        .count();
    if punct * 20 < bytes {
        return false;
    }
    let braces = text.bytes().filter(|&b| b == b'{' || b == b'}').count();
    let marks = MARKS.iter().filter(|m| text.contains(*m)).count();
    marks >= 3 || (marks >= 2 && braces >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_prose() {
        for code in [
            "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());",
            "(function(d, s, id) { var js, fjs = d.getElementsByTagName(s)[0]; if (d.getElementById(id)) return; js = d.createElement(s); })(document, 'script', 'sdk');",
            ".story p { margin: 0 !important; font-size: 16px; } @media (max-width: 600px) { .story { display: none; } }",
        ] {
            assert!(looks_like_code(code), "{code}");
        }
        for prose in [
            "The council voted (seven to two) to fund the clinic; the mayor, who abstained, said the vote was \"a start\".",
            "If x = 3 and y = 4, the distance (by Pythagoras) is 5; students found the result easy to check.",
            "Use the let keyword in JavaScript to declare a variable, and const for one that never changes.",
        ] {
            assert!(!looks_like_code(prose), "{prose}");
        }
    }
}
