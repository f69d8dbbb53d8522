//! Role words that describe one person ("spokeswoman", "doctor", "resident"), from the actor
//! dictionary's one-person roles and the words of kin ("wife", "son"), and the gender some of
//! them give their holder: what a "he" or "she" after a description can stand for. The title
//! words of the quotes lexicon ("leader", "coach") are such roles too; callers ask it apart.

use chronicle_core::Gender;

/// Whether `word` (lower-case, singular) names one person: a one-person role of the actor
/// dictionary ("spokesman", "diplomat", "resident"; not "government", not "police") or a word
/// of kin ("wife", "grandson").
pub fn one_person_role(word: &str) -> bool {
    const KIN: [&str; 20] = [
        "wife",
        "husband",
        "widow",
        "widower",
        "son",
        "daughter",
        "mother",
        "father",
        "brother",
        "sister",
        "grandmother",
        "grandfather",
        "grandson",
        "granddaughter",
        "girlfriend",
        "boyfriend",
        "fiancee",
        "fiance",
        "niece",
        "nephew",
    ];
    KIN.contains(&word) || one_person_roles().contains(word)
}

/// Whether a title word of the quotes lexicon (`WordClass::Title`, lower-case) names a person
/// when it heads a description: "the leader", "the coach"; not "the state" nor "the defense",
/// words of titles ("Secretary of State") that name no one alone.
pub fn title_names_person(word: &str) -> bool {
    !matches!(
        word,
        "state" | "defense" | "defence" | "foreign" | "prime" | "vice" | "justice"
    )
}

/// The single-word one-person roles of the actor dictionary.
fn one_person_roles() -> &'static std::collections::HashSet<&'static str> {
    static ONE: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    ONE.get_or_init(|| {
        crate::names::dictionary::embedded_roles()
            .iter()
            .filter(|r| r.one_person && !r.words.contains(' '))
            .map(|r| r.words.as_str())
            .collect()
    })
}

/// The gender a role word gives its holder, when it gives one: "spokeswoman", "queen" a woman;
/// "spokesman", "king" a man; "doctor", "official" neither.
pub fn role_gender(word: &str) -> Option<Gender> {
    if word.ends_with("woman")
        || matches!(
            word,
            "queen"
                | "princess"
                | "mother"
                | "sister"
                | "aunt"
                | "lady"
                | "nun"
                | "actress"
                | "wife"
                | "widow"
                | "daughter"
                | "granddaughter"
                | "grandmother"
                | "girlfriend"
                | "fiancee"
                | "niece"
        )
    {
        Some(Gender::Female)
    } else if word.ends_with("man")
        || matches!(
            word,
            "king"
                | "prince"
                | "father"
                | "brother"
                | "uncle"
                | "lord"
                | "monk"
                | "priest"
                | "husband"
                | "widower"
                | "son"
                | "grandson"
                | "grandfather"
                | "boyfriend"
                | "fiance"
                | "nephew"
        )
    {
        Some(Gender::Male)
    } else {
        None
    }
}
