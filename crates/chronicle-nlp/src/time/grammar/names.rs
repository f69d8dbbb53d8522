//! Time words that are part of a proper name or a title, not a time expression: `USA Today`,
//! ABC's `This Week`, `60 Minutes`, `High Noon`, the `Spring of Life` rallies, the `March for
//! Life`.
//!
//! English writes units, seasons, parts of the day, `noon`, `today` and `this` in lower case; capitalised in the
//! middle of a sentence they belong to a name. A month is always capitalised, so it needs another
//! sign: a bare month followed by `of` or `for` and a capitalised word is a march, not March.

use super::{Cx, Expr, Found, YearSpec};
use crate::time::lexicon::{Lex, Unit};
use crate::time::scan::Kind;

/// Whether the expression `f` is part of a name or a title and should not be tagged.
pub fn in_name(cx: Cx<'_, '_>, f: &Found) -> bool {
    if let Expr::MonthDay {
        year: YearSpec::Open,
        day: None,
        ..
    } = f.expr
    {
        return named_after(cx, f.last);
    }
    (f.first..f.last).any(|k| lower_case_word(cx, k) && title_case(cx, k) && !opens_sentence(cx, k))
}

/// Whether token `k` is a time word that English writes in lower case.
fn lower_case_word(cx: Cx<'_, '_>, k: usize) -> bool {
    cx.tok(k).is_some_and(|t| {
        t.lex.iter().any(|l| match l {
            // "Election Day", "Memorial Day": holiday names capitalise `day`.
            Lex::Unit(u) => *u != Unit::Day,
            Lex::Season(_)
            | Lex::DayPart(_)
            | Lex::Clock(_)
            | Lex::Deictic(_)
            | Lex::DeicticNight
            | Lex::Ref(_)
            | Lex::Shift(_) => true,
            _ => false,
        })
    })
}

/// Whether token `k` is written with a capital and then lower case (`Week`, not `WEEK`: a line in
/// capitals says nothing).
fn title_case(cx: Cx<'_, '_>, k: usize) -> bool {
    let b = cx.text_of(k).as_bytes();
    cx.tok(k).is_some_and(|t| t.upper) && b.get(1).is_some_and(u8::is_ascii_lowercase)
}

/// Whether token `k` opens a sentence, a line or a quotation that opens a sentence.
fn opens_sentence(cx: Cx<'_, '_>, k: usize) -> bool {
    let mut p = k;
    loop {
        let Some(t) = cx.tok(p) else { return true };
        if t.para {
            return true;
        }
        let Some(prev) = p.checked_sub(1).and_then(|q| cx.tok(q)) else {
            return true;
        };
        if cx
            .text
            .get(prev.end..t.start)
            .is_some_and(|gap| gap.contains('\n'))
        {
            return true;
        }
        if prev.kind != Kind::Punct {
            return false;
        }
        match prev.ch {
            '.' | '!' | '?' | ':' | ';' => return true,
            '"' | '\'' | '`' | '“' | '‘' | '(' | '[' | '-' | '—' | '_' => p -= 1,
            _ => return false,
        }
    }
}

/// Whether `of` or `for` and a capitalised word follow token `e`: `March of the Combatant
/// Mothers`, `March for Life`.
fn named_after(cx: Cx<'_, '_>, e: usize) -> bool {
    if !(cx.is_word(e, "of") || cx.is_word(e, "for")) {
        return false;
    }
    let n = e + 1 + usize::from(cx.is_word(e + 1, "the"));
    title_case(cx, n)
}
