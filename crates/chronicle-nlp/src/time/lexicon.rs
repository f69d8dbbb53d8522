//! The word list of time expressions (`lexicon.txt`), parsed once into a lookup table.
//!
//! Words are data: adding "fortnight" or a holiday is a line in the text file, not code.

use crate::hash::FastMap;

/// A unit of time, from seconds to millennia.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Night,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

/// A season, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// A part of the day, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// The part of a period a modifier picks: early March, mid-1990s, the end of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Start,
    Mid,
    End,
}

/// The coarse tense of a clause, which decides between the last and the coming occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// The TIMEX3 reference points that have no calendar value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefPoint {
    Present,
    Past,
    Future,
}

/// Holidays the tagger can place in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    Christmas,
    ChristmasEve,
    Thanksgiving,
    Halloween,
    Easter,
    NewYear,
    NewYearsEve,
    Election,
    Independence,
    Memorial,
    Labor,
}

/// One reading of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    /// A month name (1-12).
    Month(u8),
    /// A month abbreviation; the ambiguous ones (`mar`, `jun`) count only before a full stop.
    MonthAbbr(u8),
    /// A weekday (ISO: Monday = 1).
    Weekday(u8),
    /// A plural weekday, `Fridays`: a set.
    Weekdays(u8),
    /// A weekday abbreviation, counted only before a full stop.
    WeekdayAbbr(u8),
    /// A cardinal number word.
    Number(u32),
    /// `hundred`, `thousand`.
    Multiplier(u32),
    /// `a`, `an`: one, when a unit follows.
    Article,
    /// A quantity the text leaves open: `few`, `several`, or `couple` (2, approximately).
    Vague(u32),
    /// An ordinal word.
    Ordinal(u8),
    /// A unit of time.
    Unit(Unit),
    /// A season.
    Season(Season),
    /// A part of the day.
    DayPart(DayPart),
    /// A day relative to today, by offset: yesterday is -1.
    Deictic(i8),
    /// `tonight`.
    DeicticNight,
    /// `now`, `recently`, `soon`.
    Ref(RefPoint),
    /// `last`, `next`, `this`: shift by -1, +1 or 0 units.
    Shift(i8),
    /// `that` (year, day): the period the text spoke of last.
    That,
    /// `early`, `mid`, `late`, `end`.
    Part(Part),
    /// `half` (of a year).
    Half,
    /// `about`, `nearly`, `at least` ...
    Approx,
    /// `ago`, `earlier` (-1), `later` (+1).
    Direction(i8),
    /// `every`, `each`, `per`.
    Every,
    /// `daily`, `weekly`: a set of one unit.
    Frequency(Unit),
    /// `noon` (12), `midnight` (24).
    Clock(u8),
    /// `fiscal`.
    Fiscal,
    /// `nineties`: a decade of the 1900s.
    DecadeWord(u8),
    /// A holiday name.
    Holiday(Holiday),
    /// A holiday name when `Day` follows: `Election Day`.
    HolidayDay(Holiday),
    /// The first word of a reference phrase (`the near future`).
    PhraseStart,
    /// A word that marks the tense of its clause.
    Tense(Tense),
    /// An irregular past form (`held`): past tense, or a participle after an auxiliary.
    PastVerb,
    /// A present form of a verb that announces a planned event (`meets`, `resume`): with a
    /// time, the schedule of something coming ("the talks resume Monday").
    Schedule,
}

/// Closed classes of words that are no time words but that the tense of a mention's clause reads
/// ([`super::tense`]): kept apart from the readings tokens carry, as occasions are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenseWord {
    /// Opens a subordinate clause (`that`, `while`, `saying`): the mention's clause ends there.
    Subordinator,
    /// A determiner or possessive (`a`, `the`, `its`): what follows is a noun or an adjective.
    Determiner,
    /// An auxiliary, a negation or `to` before a present verb: no schedule (`did not meet`).
    Unscheduling,
    /// A modal that puts a passive in the future (`will be named`).
    Modal,
    /// Denies a modal's subject (`nobody could`).
    Negator,
    /// A reporting verb of the tense class (`said`): the tense of the report.
    Reporting,
    /// Looks ahead to an occasion whatever the clause (`until the deadline`).
    Anticipating,
    /// May open a fronted time adverbial (`On Tuesday, ...`).
    FrontPreposition,
    /// Looks ahead to the date after it (`payable Dec. 1`, `by February`).
    Prospective,
}

impl TenseWord {
    /// Every class, in the order of [`Lexicon`]'s table.
    const ALL: [TenseWord; 9] = [
        TenseWord::Subordinator,
        TenseWord::Determiner,
        TenseWord::Unscheduling,
        TenseWord::Modal,
        TenseWord::Negator,
        TenseWord::Reporting,
        TenseWord::Anticipating,
        TenseWord::FrontPreposition,
        TenseWord::Prospective,
    ];

    /// The class's name in `lexicon.txt`.
    fn name(self) -> &'static str {
        match self {
            TenseWord::Subordinator => "subordinator",
            TenseWord::Determiner => "determiner",
            TenseWord::Unscheduling => "unscheduling",
            TenseWord::Modal => "modal",
            TenseWord::Negator => "negator",
            TenseWord::Reporting => "reporting",
            TenseWord::Anticipating => "anticipating",
            TenseWord::FrontPreposition => "front_preposition",
            TenseWord::Prospective => "prospective",
        }
    }
}

/// The longest word in the lexicon, in bytes: longer words cannot match and are not lower-cased.
const MAX_WORD: usize = 16;

/// Every reading of every word of `lexicon.txt`.
#[derive(Debug)]
pub struct Lexicon {
    words: FastMap<&'static str, Vec<Lex>>,
    /// Multi-word reference phrases (`the near future`), longest first.
    phrases: Vec<(Vec<&'static str>, RefPoint)>,
    /// Nouns of occasions held on a set date (`election`, `summit`, `deadline`): a date that
    /// names one is its coming occurrence when one is near ("the Nov. 8 election"). Not time
    /// words, so kept apart from the readings tokens carry.
    occasions: FastMap<&'static str, ()>,
    /// The words of each [`TenseWord`] class, in the file's order, indexed by the class.
    tense_words: [Vec<&'static str>; TenseWord::ALL.len()],
}

impl Lexicon {
    /// Parses the embedded word list.
    ///
    /// # Panics
    /// On a malformed line of the embedded file, which the unit tests catch before release.
    pub fn embedded() -> Self {
        Self::parse(include_str!("../../../../dictionaries/time/lexicon.txt"))
            .unwrap_or_else(|e| panic!("lexicon.txt: {e}"))
    }

    /// Parses a word list in the format of `lexicon.txt`.
    pub fn parse(text: &'static str) -> Result<Self, String> {
        let mut words: FastMap<&'static str, Vec<Lex>> = FastMap::default();
        let mut phrases = Vec::new();
        let mut occasions = FastMap::default();
        let mut tense_words: [Vec<&'static str>; TenseWord::ALL.len()] = Default::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(word), Some(class), Some(arg)) =
                (fields.next(), fields.next(), fields.next())
            else {
                return Err(format!("line {}: expected WORD<TAB>CLASS<TAB>ARG", n + 1));
            };
            if word.len() > MAX_WORD && class != "phrase" {
                return Err(format!("line {}: word longer than {MAX_WORD} bytes", n + 1));
            }
            if class == "occasion" {
                occasions.insert(word, ());
                continue;
            }
            if let Some(c) = TenseWord::ALL.iter().position(|c| c.name() == class) {
                tense_words[c].push(word);
                continue;
            }
            if class == "phrase" {
                let point = parse_ref(arg).ok_or_else(|| format!("line {}: bad phrase", n + 1))?;
                let parts: Vec<&'static str> = word.split(' ').collect();
                words.entry(parts[0]).or_default().push(Lex::PhraseStart);
                phrases.push((parts, point));
                continue;
            }
            let lex =
                parse_entry(class, arg).ok_or_else(|| format!("line {}: bad entry", n + 1))?;
            words.entry(word).or_default().push(lex);
        }
        phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        Ok(Lexicon {
            words,
            phrases,
            occasions,
            tense_words,
        })
    }

    /// The reference phrases, longest first.
    pub fn phrases(&self) -> &[(Vec<&'static str>, RefPoint)] {
        &self.phrases
    }

    /// The words of a closed class the tense of a clause reads, lower case.
    pub fn tense_words(&self, class: TenseWord) -> &[&'static str] {
        &self.tense_words[class as usize]
    }

    /// Whether a word, as written, names an occasion held on a set date.
    pub fn is_occasion(&self, word: &[u8]) -> bool {
        with_lower(word, |w| self.occasions.contains_key(w)).unwrap_or(false)
    }

    /// The readings of a word as written; empty when it is not a time word.
    pub fn readings(&self, word: &[u8]) -> &[Lex] {
        with_lower(word, |w| self.words.get(w).map_or(&[][..], Vec::as_slice)).unwrap_or(&[])
    }
}

/// `word` lower-cased on the stack and handed to `f`, without allocating; `None` for a word no
/// entry can match (longer than [`MAX_WORD`], or not ASCII).
fn with_lower<R>(word: &[u8], f: impl FnOnce(&str) -> R) -> Option<R> {
    if word.len() > MAX_WORD || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; MAX_WORD];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().map(f)
}

fn parse_entry(class: &str, arg: &str) -> Option<Lex> {
    let num = || arg.parse::<i64>().ok();
    let small = || num().and_then(|n| u8::try_from(n).ok());
    Some(match class {
        "month" => Lex::Month(small()?),
        "month_abbr" => Lex::MonthAbbr(small()?),
        "weekday" => Lex::Weekday(small()?),
        "weekdays" => Lex::Weekdays(small()?),
        "weekday_abbr" => Lex::WeekdayAbbr(small()?),
        "number" => Lex::Number(u32::try_from(num()?).ok()?),
        "multiplier" => Lex::Multiplier(u32::try_from(num()?).ok()?),
        "article" => Lex::Article,
        "vague" => Lex::Vague(u32::try_from(num()?).ok()?),
        "ordinal" => Lex::Ordinal(small()?),
        "unit" => Lex::Unit(parse_unit(arg)?),
        "frequency" => Lex::Frequency(parse_unit(arg)?),
        "season" => Lex::Season(match arg {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        }),
        "daypart" => Lex::DayPart(match arg {
            "MO" => DayPart::Morning,
            "AF" => DayPart::Afternoon,
            "EV" => DayPart::Evening,
            "NI" => DayPart::Night,
            _ => return None,
        }),
        "deictic" => Lex::Deictic(i8::try_from(num()?).ok()?),
        "deictic_night" => Lex::DeicticNight,
        "ref" => Lex::Ref(parse_ref(arg)?),
        "shift" => Lex::Shift(i8::try_from(num()?).ok()?),
        "that" => Lex::That,
        "part" => Lex::Part(match arg {
            "start" => Part::Start,
            "mid" => Part::Mid,
            "end" => Part::End,
            _ => return None,
        }),
        "half" => Lex::Half,
        "approx" => Lex::Approx,
        "direction" => Lex::Direction(i8::try_from(num()?).ok()?),
        "every" => Lex::Every,
        "clock" => Lex::Clock(small()?),
        "fiscal" => Lex::Fiscal,
        "decade_word" => Lex::DecadeWord(small()?),
        "holiday" => Lex::Holiday(parse_holiday(arg)?),
        "holiday_day" => Lex::HolidayDay(parse_holiday(arg)?),
        "past_verb" => Lex::PastVerb,
        "schedule" => Lex::Schedule,
        "tense" => Lex::Tense(match arg {
            "past" => Tense::Past,
            "present" => Tense::Present,
            "future" => Tense::Future,
            _ => return None,
        }),
        _ => return None,
    })
}

fn parse_holiday(arg: &str) -> Option<Holiday> {
    Some(match arg {
        "christmas" => Holiday::Christmas,
        "thanksgiving" => Holiday::Thanksgiving,
        "halloween" => Holiday::Halloween,
        "easter" => Holiday::Easter,
        "election" => Holiday::Election,
        "independence" => Holiday::Independence,
        "memorial" => Holiday::Memorial,
        "labor" => Holiday::Labor,
        _ => return None,
    })
}

fn parse_ref(arg: &str) -> Option<RefPoint> {
    Some(match arg {
        "PRESENT" => RefPoint::Present,
        "PAST" => RefPoint::Past,
        "FUTURE" => RefPoint::Future,
        _ => return None,
    })
}

fn parse_unit(arg: &str) -> Option<Unit> {
    Some(match arg {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "night" => Unit::Night,
        "day" => Unit::Day,
        "weekend" => Unit::Weekend,
        "week" => Unit::Week,
        "fortnight" => Unit::Fortnight,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        "millennium" => Unit::Millennium,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses_and_keeps_every_reading() {
        let lex = Lexicon::embedded();
        assert_eq!(lex.readings(b"march"), &[Lex::Month(3)]);
        assert!(lex.readings(b"second").contains(&Lex::Ordinal(2)));
        assert!(lex.readings(b"second").contains(&Lex::Unit(Unit::Second)));
        assert!(lex.readings(b"korea").is_empty());
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let err = Lexicon::parse("# c\nmay\tmonth\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        let err = Lexicon::parse("may\tmonth\tthirteen\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
    }
}
