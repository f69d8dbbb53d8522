//! How the tense of the governing verb, and what else the words say, picks the occurrence of a
//! date without a year or of a weekday: one table row per sentence (published Monday
//! 2020-07-06).

mod common;

use chronicle_core::TimexType;
use common::time::check;

use TimexType::Date;

const DCT: Option<&str> = Some("2020-07-06");

#[test]
fn the_governing_verb_sets_the_tense() {
    check(
        &[
            (
                "On Tuesday, the league plans to hold a news conference.",
                &[("Tuesday", "2020-07-07", Date)],
            ),
            (
                "The ministers issued a statement Friday saying the treaty will take effect.",
                &[("Friday", "2020-07-03", Date)],
            ),
            (
                "Protesters were planning to march on Saturday.",
                &[("Saturday", "2020-07-11", Date)],
            ),
            (
                "The offer had been due to expire Friday.",
                &[("Friday", "2020-07-03", Date)],
            ),
            (
                "Neither man could be located Wednesday.",
                &[("Wednesday", "2020-07-01", Date)],
            ),
            (
                "The dividend would be paid to holders of record on April 21.",
                &[("April 21", "2021-04-21", Date)],
            ),
            (
                "She will be named commander for a mission in May.",
                &[("May", "2021-05", Date)],
            ),
            (
                "The minister is leaving for Paris on Thursday.",
                &[("Thursday", "2020-07-09", Date)],
            ),
            (
                "The bank is continuing to sell itself under a March agreement.",
                &[("March", "2020-03", Date)],
            ),
            (
                "Lawyers will look for ways to get around Wednesday's ruling.",
                &[("Wednesday", "2020-07-01", Date)],
            ),
            (
                "Kim announced plans to visit Seoul in May.",
                &[("May", "2020-05", Date)],
            ),
        ],
        DCT,
    );
}

#[test]
fn the_words_of_the_date_fix_its_year() {
    check(
        &[
            (
                "He was shot to death last Oct. 23 at his home.",
                &[("last Oct. 23", "2019-10-23", Date)],
            ),
            (
                "The hearing was held Monday, Oct. 26.",
                &[("Monday, Oct. 26", "2020-10-26", Date)],
            ),
            (
                "The vote was on Saturday, Oct. 26.",
                &[("Saturday, Oct. 26", "2019-10-26", Date)],
            ),
        ],
        DCT,
    );
}

/// Stories written late in the year (published Sunday 2020-10-25) about its first months, and
/// a plan told far from its verb.
#[test]
fn the_publication_year_is_on_the_tense_side_whatever_the_distance() {
    check(
        &[
            (
                "In January, a week after the election, a bomb exploded at a clinic.",
                &[
                    ("January", "2020-01", Date),
                    ("a week", "P1W", TimexType::Duration),
                ],
            ),
            (
                "Sales were flat this year through August, the fund said.",
                &[("this year", "2020", Date), ("August", "2020-08", Date)],
            ),
        ],
        Some("2020-10-25"),
    );
    // Written in February: the modal of the main clause, far from the date, still rules it.
    check(
        &[(
            "The airline said two new flights would leave Bombay on Mondays from March 30, \
             with a third one departing each Thursday from August 6.",
            &[
                ("Mondays", "XXXX-WXX-1", TimexType::Set),
                ("March 30", "2020-03-30", Date),
                ("each Thursday", "XXXX-WXX-4", TimexType::Set),
                ("August 6", "2020-08-06", Date),
            ],
        )],
        Some("2020-02-13"),
    );
}

/// The present of a verb that announces a planned event, with a time, tells what is coming
/// (published Monday 2020-07-06); an auxiliary, an infinitive or a noun reading takes that away,
/// and the verb speaks for its own clause only.
#[test]
fn a_scheduled_present_looks_ahead() {
    check(
        &[
            (
                "The trial resumes on Thursday.",
                &[("Thursday", "2020-07-09", Date)],
            ),
            (
                "He and Arafat meet separately Friday with the secretary of state.",
                &[("Friday", "2020-07-10", Date)],
            ),
            (
                "Owners refuse to renew leases which expire on May 14.",
                &[("May 14", "2021-05-14", Date)],
            ),
            (
                "The two leaders did not meet Friday.",
                &[("Friday", "2020-07-03", Date)],
            ),
            (
                "The offer had been due to expire Friday.",
                &[("Friday", "2020-07-03", Date)],
            ),
            (
                "A new cabinet was sworn in on Sunday, which faces the task of reform.",
                &[("Sunday", "2020-07-05", Date)],
            ),
        ],
        DCT,
    );
}

/// A weekday right after a week the sentence names falls in that week, whatever the tense.
#[test]
fn a_weekday_after_a_named_week_falls_in_it() {
    check(
        &[
            (
                "They could meet in the first part of next week, probably on Monday or Tuesday.",
                &[
                    ("next week", "2020-W29", Date),
                    ("Monday", "2020-07-13", Date),
                    ("Tuesday", "2020-07-14", Date),
                ],
            ),
            (
                "Last week, on Tuesday, rebels took the town.",
                &[
                    ("Last week", "2020-W27", Date),
                    ("Tuesday", "2020-06-30", Date),
                ],
            ),
        ],
        DCT,
    );
}

/// A date that names an occasion held on a set date is the coming one, unless the clause tells of
/// it in the past, a weekday names it, or "since" puts it behind.
#[test]
fn an_occasion_on_a_set_date_is_the_coming_one() {
    check(
        &[
            (
                "Officials say Russia wants to influence the Nov. 3 presidential election.",
                &[("Nov. 3", "2020-11-03", Date)],
            ),
            (
                "The party hopes to win November's general election.",
                &[("November", "2020-11", Date)],
            ),
            (
                "Voters backed him in a March 3 primary.",
                &[("March 3", "2020-03-03", Date)],
            ),
            (
                "Sunday's debate was heated.",
                &[("Sunday", "2020-07-05", Date)],
            ),
            (
                "Turnout has fallen since the Nov. 5 election.",
                &[("Nov. 5", "2019-11-05", Date)],
            ),
        ],
        DCT,
    );
}

/// Late in the year, a past-tense clause keeps a month of this year and a day a few months
/// back, but a day just over the new year is the coming one.
#[test]
fn a_day_just_over_the_new_year_is_the_coming_one() {
    let late = |dct| Some(dct);
    check(
        &[(
            "President Bush has declared January 2 a national day of mourning.",
            &[("January 2", "2021-01-02", Date)],
        )],
        late("2020-12-30"),
    );
    check(
        &[
            (
                "The envoy visited Kabul on January 30.",
                &[("January 30", "2020-01-30", Date)],
            ),
            (
                "The rebels exploded a bomb in January.",
                &[("January", "2020-01", Date)],
            ),
        ],
        late("2020-12-12"),
    );
}

/// "Could" and "might" look ahead from before the date, in their own clause; denied or looked
/// back on ("could not", "might have") they tell of the past.
#[test]
fn modals_of_possibility_look_ahead_in_their_clause() {
    check(
        &[
            (
                "The message could arrive Sunday.",
                &[("Sunday", "2020-07-12", Date)],
            ),
            (
                "The party might lead the polls in November.",
                &[("November", "2020-11", Date)],
            ),
            (
                "Officials could not be reached Sunday.",
                &[("Sunday", "2020-07-05", Date)],
            ),
            (
                "Neither he nor his aides could be located Wednesday.",
                &[("Wednesday", "2020-07-01", Date)],
            ),
            (
                "The government said Friday the ruling could take months.",
                &[("Friday", "2020-07-03", Date)],
            ),
        ],
        DCT,
    );
}
