//! The phenomena the time stage must handle, one table row each: a sentence, the publication
//! date, and the mentions expected in it (text, value, type).

mod common;

use chronicle_core::TimexType;
use common::time::check;

use TimexType::{Date, Duration, Set, Time};

const DCT: Option<&str> = Some("2020-07-06");

#[test]
fn absolute_dates_in_news_forms() {
    check(
        &[
            (
                "It ended on July 4, 2020.",
                &[("July 4, 2020", "2020-07-04", Date)],
            ),
            (
                "It ended on 4 July 2020.",
                &[("4 July 2020", "2020-07-04", Date)],
            ),
            (
                "Talks began Jan. 5 in Geneva.",
                &[("Jan. 5", "2020-01-05", Date)],
            ),
            (
                "Filed 2020-07-04 and 07/04/2020.",
                &[
                    ("2020-07-04", "2020-07-04", Date),
                    ("07/04/2020", "2020-07-04", Date),
                ],
            ),
            (
                "Prices rose in the mid-1990s.",
                &[("mid-1990s", "199", Date)],
            ),
            (
                "Prices rose in the 1990s and in 1998.",
                &[("the 1990s", "199", Date), ("1998", "1998", Date)],
            ),
            (
                "Sales fell in fiscal 2019.",
                &[("fiscal 2019", "2019", Date)],
            ),
            (
                "It was signed in nineteen ninety-six.",
                &[("nineteen ninety-six", "1996", Date)],
            ),
        ],
        DCT,
    );
}

#[test]
fn dates_relative_to_publication() {
    check(
        &[
            (
                "He spoke today, yesterday and tomorrow.",
                &[
                    ("today", "2020-07-06", Date),
                    ("yesterday", "2020-07-05", Date),
                    ("tomorrow", "2020-07-07", Date),
                ],
            ),
            (
                "She resigned last Tuesday.",
                &[("last Tuesday", "2020-06-30", Date)],
            ),
            (
                "Sales fell last week and last month.",
                &[
                    ("last week", "2020-W27", Date),
                    ("last month", "2020-06", Date),
                ],
            ),
            (
                "Elections are due next year.",
                &[("next year", "2021", Date)],
            ),
            (
                "Talks resume this week.",
                &[("this week", "2020-W28", Date)],
            ),
            (
                "He left two weeks ago.",
                &[("two weeks ago", "2020-W26", Date)],
            ),
            (
                "She will return in three days.",
                &[("three days", "2020-07-09", Date)],
            ),
            ("He recently moved.", &[("recently", "PAST_REF", Date)]),
            (
                "It is now open and currently busy.",
                &[
                    ("now", "PRESENT_REF", Date),
                    ("currently", "PRESENT_REF", Date),
                ],
            ),
            (
                "Nobody knows the future.",
                &[("the future", "FUTURE_REF", Date)],
            ),
        ],
        DCT,
    );
}

#[test]
fn weekdays_and_month_days_follow_the_tense() {
    check(
        &[
            (
                "The minister arrived on Friday.",
                &[("Friday", "2020-07-03", Date)],
            ),
            (
                "The minister will arrive on Friday.",
                &[("Friday", "2020-07-10", Date)],
            ),
            (
                "The vote was held on November 3.",
                &[("November 3", "2019-11-03", Date)],
            ),
            (
                "The vote will be held on November 3.",
                &[("November 3", "2020-11-03", Date)],
            ),
        ],
        DCT,
    );
}

/// The clause's own verb decides a weekday: a participle or a gerund after it does not make it
/// coming (published Friday 2019-03-01).
#[test]
fn the_clause_verb_decides_a_weekday() {
    check(
        &[
            (
                "Kim left on Thursday, canceling a planned lunch.",
                &[("Thursday", "2019-02-28", Date)],
            ),
            (
                "Kim and Trump cut short their second summit on Thursday, canceling a planned working lunch.",
                &[("Thursday", "2019-02-28", Date)],
            ),
            (
                "Horsley said Friday that he would seek a new provider.",
                &[("Friday", "2019-03-01", Date)],
            ),
            (
                "On Tuesday, when she set aside vacation plans, the talks resumed.",
                &[("Tuesday", "2019-02-26", Date)],
            ),
            (
                "They will hold a planned rally on Sunday.",
                &[("Sunday", "2019-03-03", Date)],
            ),
            (
                "Shares fell on lower-than-expected earnings after the market closed Wednesday.",
                &[("Wednesday", "2019-02-27", Date)],
            ),
            (
                "The talks, set to resume Monday, were delayed.",
                &[("Monday", "2019-03-04", Date)],
            ),
            (
                "The offer had been scheduled to expire Tuesday.",
                &[("Tuesday", "2019-02-26", Date)],
            ),
            (
                "Troops arrived for weeks, and fighting lasted for years.",
                &[("weeks", "PXW", Duration), ("years", "PXY", Duration)],
            ),
        ],
        Some("2019-03-01"),
    );
}

#[test]
fn deadlines_and_starts_look_ahead() {
    check(
        &[
            (
                "The group could leave as soon as Tuesday.",
                &[("Tuesday", "2020-07-07", Date)],
            ),
            (
                "The company declared a dividend, payable Dec. 1.",
                &[("Dec. 1", "2020-12-01", Date)],
            ),
            (
                "The agency extended its deadline until Friday.",
                &[("Friday", "2020-07-10", Date)],
            ),
            (
                "Ten members had filed reports by Friday.",
                &[("Friday", "2020-07-03", Date)],
            ),
            (
                "Mr. Smith, 52 years old, joined in 1998.",
                &[("1998", "1998", Date)],
            ),
            (
                "Revenue hit a record in 2017. It forecast an increase for the full year.",
                &[("2017", "2017", Date), ("the full year", "2020", Date)],
            ),
        ],
        DCT,
    );
}

#[test]
fn parts_of_periods() {
    check(
        &[
            (
                "Trade slowed in early March.",
                &[("early March", "2020-03", Date)],
            ),
            (
                "Growth slowed in the second half of 2019.",
                &[("the second half of 2019", "2019-H2", Date)],
            ),
            ("Profit rose in Q3 2020.", &[("Q3 2020", "2020-Q3", Date)]),
            (
                "Profit rose in the third quarter.",
                &[("the third quarter", "2020-Q3", Date)],
            ),
            (
                "Crowds are smaller this summer.",
                &[("this summer", "2020-SU", Date)],
            ),
        ],
        DCT,
    );
}

#[test]
fn the_period_a_report_is_about() {
    check(
        &[
            (
                "Profit rose in the third quarter. The latest period had a gain.",
                &[
                    ("the third quarter", "2020-Q3", Date),
                    ("The latest period", "2020-Q3", Date),
                ],
            ),
            (
                "Profit rose in the third quarter. There was a gain in the 2019 period.",
                &[
                    ("the third quarter", "2020-Q3", Date),
                    ("the 2019 period", "2019-Q3", Date),
                ],
            ),
            (
                "Net was $5 million in the quarter, compared with $3 million a year ago.",
                &[
                    ("the quarter", "2020-Q2", Date),
                    ("a year ago", "2019-Q2", Date),
                ],
            ),
        ],
        DCT,
    );
}

#[test]
fn durations_sets_and_times() {
    check(
        &[
            (
                "He stayed for three weeks.",
                &[("three weeks", "P3W", Duration)],
            ),
            ("A two-year deal.", &[("two-year", "P2Y", Duration)]),
            (
                "Within 24 hours it was over.",
                &[("Within 24 hours", "PT24H", Duration)],
            ),
            (
                "They meet every Friday.",
                &[("every Friday", "XXXX-WXX-5", Set)],
            ),
            ("It is published daily.", &[("daily", "P1D", Set)]),
            (
                "Polls close at midnight.",
                &[("midnight", "2020-07-06T24:00", Time)],
            ),
            (
                "It starts at 2:30 p.m. local time.",
                &[("2:30 p.m. local time", "2020-07-06T14:30", Time)],
            ),
            ("Lunch at noon.", &[("noon", "2020-07-06T12:00", Time)]),
        ],
        DCT,
    );
}

#[test]
fn without_a_publication_date_unknown_parts_stay_open() {
    check(
        &[
            (
                "The test of March 18 failed.",
                &[("March 18", "XXXX-03-18", Date)],
            ),
            ("They met on Friday.", &[("Friday", "XXXX-WXX-5", Date)]),
            ("It happened in 1998.", &[("1998", "1998", Date)]),
            (
                "Sales rose in the first half of this year.",
                &[("the first half of this year", "XXXX-H1", Date)],
            ),
            (
                "He spoke yesterday and returns tomorrow.",
                &[
                    ("yesterday", "PAST_REF", Date),
                    ("tomorrow", "FUTURE_REF", Date),
                ],
            ),
            (
                "Also on Christmas Day, he will sing; at Thanksgiving, he will rest.",
                &[
                    ("Christmas Day", "XXXX-12-25", Date),
                    ("Thanksgiving", "XXXX-11", Date),
                ],
            ),
        ],
        None,
    );
}

/// "Since 2003" opens a span to the present: the paragraph is not about 2003.
#[test]
fn a_paragraph_opening_on_since_a_year_stays_in_the_present() {
    check(
        &[(
            "Since 2003 the country has reported 21 infections. The agency has recorded 256 cases as of June 16.",
            &[("2003", "2003", Date), ("June 16", "2020-06-16", Date)],
        )],
        DCT,
    );
}

/// "The fall of the Berlin Wall" and "the fall could end the talks" are no autumns; "the fall
/// of 1994" is.
#[test]
fn a_fall_of_something_is_no_season() {
    check(
        &[
            ("Prices rose after the fall of the Berlin Wall.", &[]),
            ("Pundits said the fall could end the talks.", &[]),
            (
                "The strike began in the fall of 1994.",
                &[("the fall of 1994", "1994-FA", Date)],
            ),
        ],
        DCT,
    );
}

/// A holiday before a name or before its things is no date: "Easter Island", "Christmas trees".
#[test]
fn holidays_in_names_and_things_are_no_dates() {
    check(
        &[
            ("Collapse wiped out societies like Easter Island.", &[]),
            ("Workers removed the Christmas trees.", &[]),
            (
                "Markets will close on Christmas Day; they reopened after Easter Sunday.",
                &[
                    ("Christmas Day", "2020-12-25", Date),
                    ("Easter Sunday", "2020-04-12", Date),
                ],
            ),
        ],
        DCT,
    );
}

/// A half is a year's when the words say so; a match's halves and a month's are not.
#[test]
fn halves_of_a_year_and_halves_of_a_match() {
    check(
        &[
            (
                "Sales rose in the first half of this year and will slow in the second half of next year.",
                &[
                    ("the first half of this year", "2020-H1", Date),
                    ("the second half of next year", "2021-H2", Date),
                ],
            ),
            (
                "The company reported first-half profit of $2 million.",
                &[("first-half", "2020-H1", Date)],
            ),
            ("Arsenal took the lead in the first half.", &[]),
            ("The H1N1 virus spread.", &[]),
            ("Sales rose in H1.", &[("H1", "2020-H1", Date)]),
            ("He scored a second-half goal.", &[]),
            (
                "The conventions fall in the second half of July.",
                &[("July", "2020-07", Date)],
            ),
        ],
        DCT,
    );
}

#[test]
fn anchors_inside_the_text() {
    check(
        &[(
            "July 4 marked the third anniversary of the first test. It was one of four tests of that year, with the March 18 test.",
            &[
                ("July 4", "2020-07-04", Date),
                ("that year", "2017", Date),
                ("March 18", "2017-03-18", Date),
            ],
        )],
        DCT,
    );
}

/// "That day" is the day the text spoke of last; after a month or a year it is a day of it
/// the text does not name, never the period's first day.
#[test]
fn that_day_is_the_day_the_text_spoke_of() {
    check(
        &[
            (
                "The envoy arrived on March 3. Talks began that same day.",
                &[
                    ("March 3", "2020-03-03", Date),
                    ("that same day", "2020-03-03", Date),
                ],
            ),
            (
                "The doctor was shot in October 1998. His name was crossed out that same day.",
                &[
                    ("October 1998", "1998-10", Date),
                    ("that same day", "1998-10-XX", Date),
                ],
            ),
            (
                "The party was founded in 1961. Crowds gathered the same day.",
                &[("1961", "1961", Date), ("the same day", "1961-XX-XX", Date)],
            ),
        ],
        DCT,
    );
}

/// The start of a range takes the year its end gives, the year before when it comes later in
/// the year.
#[test]
fn the_start_of_a_range_takes_its_end_year() {
    check(
        &[
            (
                "He was economy minister from April to August 2005.",
                &[("April", "2005-04", Date), ("August 2005", "2005-08", Date)],
            ),
            (
                "The work runs from August to May 1, 2010.",
                &[
                    ("August", "2009-08", Date),
                    ("May 1, 2010", "2010-05-01", Date),
                ],
            ),
        ],
        DCT,
    );
}

/// The second day of a pair or a range takes the first one's month, and a year after it.
#[test]
fn the_second_day_of_a_pair_takes_the_month() {
    check(
        &[
            (
                "The summit will be held on April 24 and 25.",
                &[("April 24", "2021-04-24", Date), ("25", "2021-04-25", Date)],
            ),
            (
                "Talks ran from March 3 to 5, 2019.",
                &[
                    ("March 3", "2019-03-03", Date),
                    ("5, 2019", "2019-03-05", Date),
                ],
            ),
        ],
        DCT,
    );
}

/// "The month", "the week" alone are too vague to tag; a part of one is the period being told.
#[test]
fn a_part_of_the_month_or_the_day_being_told() {
    check(
        &[
            (
                "The goal is to have 40,000 troops in the region by the end of the month.",
                &[("the end of the month", "2020-07", Date)],
            ),
            (
                "The minister spoke on Friday. Later in the day, the army withdrew.",
                &[
                    ("Friday", "2020-07-03", Date),
                    ("Later in the day", "2020-07-03", Date),
                ],
            ),
            (
                "He spoke of the 1950s. He was to meet the president later in the day.",
                &[
                    ("the 1950s", "195", Date),
                    ("later in the day", "2020-07-06", Date),
                ],
            ),
            ("At the end of the day, voters want jobs.", &[]),
        ],
        DCT,
    );
}

/// Periods counted from the one being told: "the year before", "the next morning"; parts of a
/// day after a part word, but not as an adjective.
#[test]
fn periods_next_to_the_one_being_told() {
    check(
        &[
            (
                "Tourism earned $300 million last year, down from $450 million the year before.",
                &[
                    ("last year", "2019", Date),
                    ("the year before", "2018", Date),
                ],
            ),
            (
                "He appeared in court on Tuesday and looked healthy the next morning.",
                &[
                    ("Tuesday", "2020-06-30", Date),
                    ("the next morning", "2020-07-01TMO", Time),
                ],
            ),
            (
                "By mid afternoon, the operation was over.",
                &[("mid afternoon", "2020-07-06TAF", Time)],
            ),
            (
                "Shares rose at mid-afternoon yesterday.",
                &[("mid-afternoon yesterday", "2020-07-05TAF", Time)],
            ),
            ("Police staged early morning raids.", &[]),
            ("They met the day before the election.", &[]),
        ],
        DCT,
    );
}

/// Papers and shows named for their frequency are no sets.
#[test]
fn papers_named_daily_are_no_sets() {
    check(
        &[
            ("He told the Daily Telegraph he would stand.", &[]),
            ("The Communist Party daily Granma printed it.", &[]),
            ("It was reported by China Daily.", &[]),
            ("Prices are checked daily.", &[("daily", "P1D", Set)]),
            ("Average hourly earnings rose.", &[("hourly", "PT1H", Set)]),
        ],
        DCT,
    );
}

/// "A months-long standoff" lasts an open number of months, not one.
#[test]
fn an_article_before_a_plural_is_the_noun_s() {
    check(
        &[
            (
                "Talks could end a months-long standoff.",
                &[("months", "PXM", Duration)],
            ),
            (
                "Kenya hoped to end a years-old slump.",
                &[("years", "PXY", Duration)],
            ),
        ],
        DCT,
    );
}

/// "A quarter of" a thing is a fraction; "a quarter of a century" and "several quarters of
/// losses" are time; "every two years" is a set.
#[test]
fn fractions_are_not_quarters_and_every_n_units_is_a_set() {
    check(
        &[
            ("About a quarter of China's users are online.", &[]),
            ("He won three quarters of the vote.", &[]),
            (
                "It recovered after several quarters of losses.",
                &[("several quarters", "PXQ", Duration)],
            ),
            (
                "The treaty held for a quarter of a century.",
                &[("a quarter of a century", "P25Y", Duration)],
            ),
            (
                "The firm names partners every two years.",
                &[("every two years", "P2Y", Set)],
            ),
        ],
        DCT,
    );
}

#[test]
fn amounts_counted_from_an_event_are_durations() {
    check(
        &[
            (
                "The ferry sank. Two days later, divers found the hull.",
                &[("Two days later", "P2D", Duration)],
            ),
            (
                "The vote was held on Friday. A day earlier, protesters gathered.",
                &[
                    ("Friday", "2020-07-03", Date),
                    ("A day earlier", "P1D", Duration),
                ],
            ),
            (
                "The mayor resigned. A few weeks later, the council followed.",
                &[("A few weeks later", "PXW", Duration)],
            ),
            (
                "Output in May was up 4% from a year earlier.",
                &[
                    ("May", "2020-05", Date),
                    ("a year earlier", "2019-05", Date),
                ],
            ),
            (
                "The bridge opened several years ago.",
                &[("several years ago", "PAST_REF", Date)],
            ),
        ],
        DCT,
    );
}

#[test]
fn the_year_of_a_report_is_a_date_unless_bounded() {
    check(
        &[
            (
                "Revenue for the year was flat.",
                &[("the year", "2020", Date)],
            ),
            (
                "Profit will be lower for the fiscal year.",
                &[("the fiscal year", "2020", Date)],
            ),
            (
                "Net rose 3% in the year ended March 31.",
                &[
                    ("the year", "P1Y", Duration),
                    ("March 31", "2020-03-31", Date),
                ],
            ),
        ],
        DCT,
    );
}

#[test]
fn a_quarter_without_a_year_is_the_one_reported_on() {
    check(
        &[
            (
                "The retailer said fourth-quarter profit fell.",
                &[("fourth-quarter", "2019-Q4", Date)],
            ),
            (
                "Sales rose in the first quarter.",
                &[("the first quarter", "2020-Q1", Date)],
            ),
            (
                "The firm expects to break even in the fourth quarter.",
                &[("the fourth quarter", "2020-Q4", Date)],
            ),
        ],
        Some("2020-01-20"),
    );
}

#[test]
fn time_words_inside_names_are_not_times() {
    check(
        &[
            ("She told NBC's Today that talks were over.", &[]),
            ("He said on Fox's \"Sunday Morning Now\" show.", &[]),
            (
                "The minister spoke on \"This Week\" on Sunday.",
                &[("Sunday", "2020-07-05", Date)],
            ),
            ("Thousands joined the March for Life.", &[]),
            (
                "Thousands marched in March of this year.",
                &[("March", "2020-03", Date), ("this year", "2020", Date)],
            ),
            ("He watched High Noon twice.", &[]),
            (
                "Today, the council voted. This week it meets again.",
                &[
                    ("Today", "2020-07-06", Date),
                    ("This week", "2020-W28", Date),
                ],
            ),
            (
                "The vote will be held on Election Day.",
                &[("Election Day", "2020-11-03", Date)],
            ),
        ],
        DCT,
    );
}

#[test]
fn clock_times_fall_on_the_day_being_told() {
    check(
        &[
            (
                "The storm hit the coast on Thursday. It made landfall at 4:15 a.m.",
                &[
                    ("Thursday", "2020-07-02", Date),
                    ("4:15 a.m.", "2020-07-02T04:15", Time),
                ],
            ),
            (
                "Polls close at 8 p.m.",
                &[("8 p.m.", "2020-07-06T20:00", Time)],
            ),
            (
                "It will be televised from 1700 local time (0100 GMT).",
                &[
                    ("1700 local time", "2020-07-06T17:00", Time),
                    ("0100 GMT", "2020-07-06T01:00", Time),
                ],
            ),
        ],
        DCT,
    );
}

#[test]
fn fiscal_years_and_year_end() {
    check(
        &[
            (
                "Sales in the current fiscal year should rise.",
                &[("the current fiscal year", "2020", Date)],
            ),
            (
                "It lost money in the latest fiscal year.",
                &[("the latest fiscal year", "2019", Date)],
            ),
            (
                "The sale should close by year-end.",
                &[("year-end", "2020", Date)],
            ),
            (
                "The index is up 9% since year-end.",
                &[("year-end", "2019", Date)],
            ),
            (
                "Staff will be cut by year's end.",
                &[("year's end", "2020", Date)],
            ),
            ("Year-end bonuses were cut.", &[]),
            (
                "Year-end: hiring stays frozen until year-end and beyond.",
                &[("Year-end", "2020", Date), ("year-end", "2020", Date)],
            ),
        ],
        DCT,
    );
}

#[test]
fn ages_and_some_day_are_not_dates() {
    check(
        &[
            ("The suspect is a man in his 30s.", &[]),
            ("She moved there in her early 40s.", &[]),
            ("Prices peaked in the 90s.", &[("the 90s", "199", Date)]),
            (
                "Rail will one day replace the ferry.",
                &[("one day", "FUTURE_REF", Date)],
            ),
            (
                "The strike lasted one day.",
                &[("one day", "P1D", Duration)],
            ),
        ],
        DCT,
    );
}

#[test]
fn counts_and_document_numbers_are_not_years() {
    check(
        &[
            ("Confirmed cases in the UK had reached 1004.", &[]),
            ("Iraq was in material breach of UN resolution 1441.", &[]),
            ("The council passed Resolution 1973 on Libya.", &[]),
            ("The war ended in 1945.", &[("1945", "1945", Date)]),
            ("Smith was born in 1723.", &[("1723", "1723", Date)]),
            ("Prices rose 1.5% in 2019.", &[("2019", "2019", Date)]),
        ],
        DCT,
    );
}

#[test]
fn records_and_millennia_name_no_year() {
    check(
        &[
            // How far back a record reaches is a span, not a year ahead.
            (
                "Germany is expanding its army for the first time in 25 years.",
                &[("25 years", "P25Y", Duration)],
            ),
            (
                "Unemployment fell to its lowest level in a decade.",
                &[("a decade", "P10Y", Duration)],
            ),
            (
                "The plant will reopen in two years.",
                &[("two years", "2022", Date)],
            ),
            // Counted in millennia or centuries, a time names its century at most: never the
            // year 20 or 1720.
            (
                "The two countries began to trade some two thousand years ago.",
                &[("some two thousand years ago", "00", Date)],
            ),
            (
                "The town was founded three centuries ago.",
                &[("three centuries ago", "17", Date)],
            ),
            (
                "The bridge opened a hundred years ago.",
                &[("a hundred years ago", "1920", Date)],
            ),
        ],
        DCT,
    );
}
