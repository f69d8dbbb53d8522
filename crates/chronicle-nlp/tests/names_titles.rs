//! A gendered title before a surname ("Mrs.", "Ms", "Mr.") says whose surname it is (issue
//! #26): "Mrs. Clinton" is the woman the article names in full, with her office, never her
//! husband under whom the dictionaries file the surname alone, and never no one; "Mr. Clinton"
//! beside her is the husband. A titled mention of one gender does not join a referent of the
//! other. Sentences written by the team.

use chronicle_core::Article;
use jiff::civil::date;

#[path = "common/names.rs"]
mod common_names;
use common_names::{annotate, mentions};

fn readings(a: &Article, text: &str) -> Vec<(String, Option<String>)> {
    mentions(a, text)
        .iter()
        .map(|e| (e.canonical.clone(), e.actor.clone()))
        .collect()
}

fn reading(canonical: &str, actor: Option<&str>) -> (String, Option<String>) {
    (canonical.to_string(), actor.map(str::to_string))
}

#[test]
fn a_titled_wife_is_the_woman_named_in_full_and_the_titled_husband_is_him() {
    let a = annotate(
        "Secretary of State Hillary Clinton landed in Jakarta on Wednesday. Mrs. Clinton \
         told reporters that the talks would be long. Her husband, former president Bill \
         Clinton, stayed in New York, where Mr. Clinton opened a clinic. Mrs. Clinton flies \
         to Hanoi next.",
        Some(date(2010, 7, 21)),
    );
    let her = reading("Hillary Clinton", Some("USAGOV"));
    let him = reading("Bill Clinton", Some("USAELI"));
    assert_eq!(readings(&a, "Clinton"), vec![her.clone(), him.clone(), her]);
    assert_eq!(readings(&a, "Bill Clinton"), vec![him]);
}

#[test]
fn a_titled_surname_before_the_full_name_is_still_that_person() {
    // The lead names her by title and surname before the body names her in full.
    let a = annotate(
        "Mrs. Clinton's campaign has kept its promises small this spring.\n\n\
         Hillary Clinton has an easier road to the nomination than her rival, and Mrs. \
         Clinton said on Monday that she would not change course.",
        Some(date(2016, 3, 9)),
    );
    let her = reading("Hillary Clinton", Some("USAELI"));
    assert_eq!(readings(&a, "Clinton"), vec![her.clone(), her]);
}

#[test]
fn a_title_of_the_other_gender_rules_out_the_surnames_holder() {
    // No full name: the title and the article's country speak for the woman in office
    // whose full name ends in the surname, not for the man the surname alone is filed under.
    let body = "Mrs. Clinton spoke to American voters in Des Moines on Monday night, and Mrs. \
                Clinton promised to protect their health care.";
    let a = annotate(body, Some(date(2016, 1, 30)));
    let her = reading("Clinton", Some("USAELI"));
    assert_eq!(readings(&a, "Clinton"), vec![her.clone(), her]);
    // In 1998 she held no office the dictionaries list, and the man's office is not hers.
    let a = annotate(body, Some(date(1998, 1, 30)));
    for e in mentions(&a, "Clinton") {
        assert_eq!(e.actor, None);
    }
}

#[test]
fn a_wife_titled_by_his_surname_takes_neither_his_name_nor_his_office() {
    let a = annotate(
        "Conservative leader Michael Howard toured marginal seats on Monday. Mrs Howard, a \
         former model, visited a drugs charity in Leeds. Mr Howard will speak in Bristol.",
        Some(date(2005, 4, 11)),
    );
    let wife = mentions(&a, "Howard")[0];
    assert_eq!(wife.canonical, "Howard");
    assert_eq!(wife.actor, None);
    assert_eq!(
        readings(&a, "Howard")[1],
        reading("Michael Howard", Some("GBROPP"))
    );
}

#[test]
fn an_untitled_surname_goes_to_the_man_named_in_full_not_to_his_titled_widow() {
    // "Ford" is no dictionary surname: the referents decide. "Mrs Ford" is not Gerald Ford,
    // and the bare "Ford" after her is he, the person the article named in full.
    let a = annotate(
        "Leaders paid tribute on Saturday to former president Gerald Ford. \"We send our \
         prayers to Mrs Ford,\" the governor said.\n\nFord, a Republican, took office after \
         the Watergate scandal.",
        Some(date(2006, 12, 30)),
    );
    let fords = mentions(&a, "Ford");
    assert_eq!(fords.len(), 2);
    assert_eq!(fords[0].canonical, "Ford");
    assert_eq!(fords[0].actor, None);
    assert_eq!(fords[1].canonical, "Gerald Ford");
    assert_eq!(fords[1].actor.as_deref(), Some("USAELI"));
}

#[test]
fn a_titled_surname_stays_the_person_it_was_first_read_as() {
    // "Tariq and Nadia Khan" names two people; the son named later is not "Mr. Khan".
    let a = annotate(
        "The parents, Tariq and Nadia Khan, spoke at the convention on Thursday. Mr. Khan \
         said the candidate had never sacrificed anything.\n\n\
         Their son, Captain Bilal Khan, was killed in Iraq in 2004.\n\n\
         Ms. Khan said she had stayed silent out of grief. Mr. Khan will speak again on \
         Monday.",
        Some(date(2016, 8, 1)),
    );
    let father = reading("Tariq Khan", None);
    let mother = reading("Nadia Khan", None);
    assert_eq!(readings(&a, "Tariq"), vec![father.clone()]);
    assert_eq!(readings(&a, "Khan"), vec![father.clone(), mother, father]);
}

#[test]
fn a_given_name_joined_to_a_full_name_shares_its_surname() {
    let a = annotate(
        "On Friday, Bill and Hillary Clinton arrived in Little Rock. Mr. Clinton said the \
         library would open in the autumn.",
        Some(date(2004, 8, 1)),
    );
    let him = reading("Bill Clinton", Some("USAELI"));
    assert_eq!(readings(&a, "Bill"), vec![him.clone()]);
    assert_eq!(readings(&a, "Clinton"), vec![him]);
}

#[test]
fn a_title_that_is_more_often_a_given_name_opens_the_name_before_a_lone_surname() {
    use chronicle_core::EntityType::Person;
    common_names::check(
        "Scorers: Dean Whitlow (2nd minute), Mark Hughes (25th).",
        &[("Dean Whitlow", Person)],
        &["Whitlow"],
    );
    common_names::check(
        "It was four alarms, said Don Pelham of the fire brigade.",
        &[("Don Pelham", Person)],
        &["Pelham"],
    );
    // Before a given name and a surname it is still the title.
    common_names::check(
        "Dean Mary Lowe of the law school spoke first.",
        &[("Mary Lowe", Person)],
        &["Dean Mary Lowe"],
    );
}
