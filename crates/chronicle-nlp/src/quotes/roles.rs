//! Role words that describe one person ("spokeswoman", "doctor", "resident"), from the actor
//! dictionary's one-person roles, and the gender some of them give their holder: what a "he"
//! or "she" after a description can stand for.

use chronicle_core::Gender;

/// Whether `word` (lower-case, singular) names one person in the actor dictionary's roles
/// ("spokesman", "diplomat", "resident"; not "government", not "police").
pub fn one_person_role(word: &str) -> bool {
    static ONE: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    ONE.get_or_init(|| {
        crate::names::dictionary::embedded_roles()
            .iter()
            .filter(|r| r.one_person && !r.words.contains(' '))
            .map(|r| r.words.as_str())
            .collect()
    })
    .contains(word)
}

/// The gender a role word gives its holder, when it gives one: "spokeswoman", "queen" a woman;
/// "spokesman", "king" a man; "doctor", "official" neither.
pub fn role_gender(word: &str) -> Option<Gender> {
    if word.ends_with("woman")
        || matches!(
            word,
            "queen" | "princess" | "mother" | "sister" | "aunt" | "lady" | "nun" | "actress"
        )
    {
        Some(Gender::Female)
    } else if word.ends_with("man")
        || matches!(
            word,
            "king" | "prince" | "father" | "brother" | "uncle" | "lord" | "monk" | "priest"
        )
    {
        Some(Gender::Male)
    } else {
        None
    }
}
