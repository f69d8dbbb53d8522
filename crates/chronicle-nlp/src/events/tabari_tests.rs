//! TABARI-layout dictionaries coded as TABARI codes them, on sentences and dictionaries
//! written for these tests (fictional actors of our own).

use chronicle_core::Article;

use super::EventCoder;
use crate::Stage;
use crate::segment::Segmenter;

const VERBS: &str =
    "PRAISE  [051] ;test\nSCOLD  [111]\nHELP  [070]\n- * HARVEST  [073]\nSTORM  [190]\n";
const ACTORS: &str = "KELMAR  [KEL] ; a comment after the name\nVORN_  [VRN]\nDUSK_RIDERS  [DSK]\nQUILL\n\t[QLL <950601]\n\t[QLLGOV 950601-991231]\n\t[QLLREB >991231]\n";
const AGENTS: &str = "STORM_TROOPER  [~MIL]\nFARMER  [~AGR]\n";

fn coder() -> EventCoder {
    EventCoder::from_petrarch_texts(&[
        ("t.verbs.txt", VERBS),
        ("t.actors.txt", ACTORS),
        ("t.agents.txt", AGENTS),
    ])
    .expect("test dictionaries load")
}

/// The events of `text` on `date` (YYYY-MM-DD) as `SOURCE>TARGET:CODE`.
fn code(coder: &EventCoder, text: &str, date: &str) -> Vec<String> {
    let mut a = Article::new("t", text);
    a.published = date.parse().ok();
    Segmenter::new().annotate(&mut a);
    let mut out: Vec<String> = coder
        .code(&a)
        .into_iter()
        .map(|e| {
            format!(
                "{}>{}:{}",
                e.source.unwrap_or_default(),
                e.target.unwrap_or_default(),
                e.cameo
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn semicolon_comments_end_actor_names() {
    let c = coder();
    assert_eq!(
        code(&c, "Kelmar praised Vorn on Monday.", "2001-03-04"),
        ["KEL>VRN:051"]
    );
}

#[test]
fn first_verb_of_each_conjoined_clause_is_coded() {
    let c = coder();
    // "scolded" sits in the same clause after "praised": TABARI codes only the first
    assert_eq!(
        code(
            &c,
            "Kelmar praised Vorn after Dusk Riders scolded Vorn.",
            "2001-03-04"
        ),
        ["KEL>VRN:051"]
    );
    // a coordinated verb phrase is a clause of its own
    assert_eq!(
        code(
            &c,
            "Kelmar praised Vorn and scolded Dusk Riders.",
            "2001-03-04"
        ),
        ["KEL>DSK:111", "KEL>VRN:051"]
    );
}

#[test]
fn words_of_actor_names_are_not_verbs() {
    let c = coder();
    assert_eq!(
        code(&c, "Vorn storm troopers helped Kelmar.", "2001-03-04"),
        ["VRNMIL>KEL:070"]
    );
}

#[test]
fn source_is_the_first_actor_of_the_conjoined_clause() {
    let c = coder();
    // TABARI takes the first actor before the verb, not the nearest one
    assert_eq!(
        code(
            &c,
            "Kelmar believes Vorn praised Dusk Riders.",
            "2001-03-04"
        ),
        ["KEL>DSK:051"]
    );
    // each clause has its own first actor
    assert_eq!(
        code(
            &c,
            "Kelmar praised Vorn; Dusk Riders scolded Vorn.",
            "2001-03-04"
        ),
        ["DSK>VRN:111", "KEL>VRN:051"]
    );
}

#[test]
fn short_comma_clauses_are_dropped_before_coding() {
    let mut c = coder();
    let text = "Kelmar praised, in a long speech at Vorn, the Dusk Riders who ride through the north hills at night in the deep of winter.";
    assert_eq!(code(&c, text, "2001-03-04"), ["KEL>DSK:051"]);
    c.set_comma_rules(super::CommaRules::OFF);
    // kept, the aside's "Vorn" is the first actor after the verb
    assert!(code(&c, text, "2001-03-04").contains(&"KEL>VRN:051".to_string()));
}
