//! Amounts (GKG V2.1Amounts): every number with what it counts, and the numbers that are not
//! amounts (years, dates, times, ages, ordinals, shares, labels, descriptions of a known set).

use chronicle_core::Article;
use chronicle_nlp::Stage;
use chronicle_nlp::gist::GistTagger;
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::time::TimeTagger;

fn amounts(text: &str) -> Vec<(f64, String)> {
    let mut a = Article::new("t", text);
    a.published = Some(jiff::civil::date(2021, 3, 4));
    Segmenter::new().annotate(&mut a);
    TimeTagger::new().annotate(&mut a);
    GistTagger::new().annotate(&mut a);
    a.amounts
        .iter()
        .map(|m| (m.number, m.object.clone()))
        .collect()
}

fn has(text: &str, number: f64, object: &str) {
    let got = amounts(text);
    assert!(
        got.iter().any(|(n, o)| *n == number && o == object),
        "{text:?}: expected ({number}, {object:?}), got {got:?}"
    );
}

fn none(text: &str) {
    assert_eq!(amounts(text), vec![], "{text:?}");
}

#[test]
fn money() {
    has(
        "The bank reported a $1.13bn profit.",
        1_130_000_000.0,
        "profit",
    );
    has("The fund pledged $5 million in aid.", 5_000_000.0, "aid");
    has("It cost €3bn.", 3e9, "euros");
    has("They paid 2.5 million dollars.", 2_500_000.0, "dollars");
    has("A grant of £400,000 for schools.", 400_000.0, "pounds");
}

#[test]
fn digits_and_words() {
    has(
        "The country sent 3,000 troops to the border.",
        3000.0,
        "troops",
    );
    has("Gunmen killed 12 people.", 12.0, "people");
    has("North Korea fired five missiles.", 5.0, "missiles");
    has("Twenty-five fishermen are missing.", 25.0, "fishermen");
    has(
        "Two hundred and fifty workers lost their jobs.",
        250.0,
        "workers",
    );
    has(
        "Thousands of protesters filled the square.",
        1000.0,
        "protesters",
    );
    has("They seized 3 tons of cocaine.", 3.0, "tons of cocaine");
    has("A dozen ships waited.", 12.0, "ships");
    has("Some 1.5 million people voted.", 1_500_000.0, "people");
}

#[test]
fn descriptions_and_ordinals_are_not_amounts() {
    none("The date is one of the four great “revolutions” of that year.");
    none("The two leaders met in Hanoi.");
    none("It was the third anniversary of the second test.");
    none("One of them left.");
}

#[test]
fn years_dates_times_and_ages_are_not_amounts() {
    none("The summit was held in 2019.");
    none("The 2018 Singapore summit ended early.");
    none("Talks resumed on July 28.");
    none("He spoke at 5 pm for 3 hours.");
    none("The talks lasted two years.");
    none("Kim, 36, was arrested.");
    none("A 12-year-old boy was hurt.");
    none("She died aged 81.");
    none("He is 45 years old.");
    none("The 1990s were calm.");
}

#[test]
fn shares_labels_and_bare_numbers_are_not_amounts() {
    none("Turnout rose 5 percent.");
    none("Support fell to 40%.");
    none("The council passed Resolution 2397 unanimously.");
    none("The score was 3-1.");
    none("He counted to 10.");
}

#[test]
fn amount_offsets_are_characters() {
    let text = "“Now” — they sent 3,000 troops.";
    let mut a = Article::new("t", text);
    Segmenter::new().annotate(&mut a);
    GistTagger::new().annotate(&mut a);
    let m = a.amounts.first().expect("an amount");
    let chars: Vec<char> = text.chars().collect();
    let span: String = chars[m.start..m.end].iter().collect();
    assert_eq!(span, "3,000 troops");
}

#[test]
fn metres_names_and_scaled_money() {
    none("The world 400m record holder told Five Live.");
    has(
        "Spending rose to $349.4bn (£265.9bn).",
        265_900_000_000.0,
        "pounds",
    );
    has(
        "The cables will cost about 100 millions of Egyptian pounds.",
        1e8,
        "Egyptian pounds",
    );
    has(
        "Sales reached $4.06 trillion However, cars fell.",
        4_060_000_000_000.0,
        "dollars",
    );
}
