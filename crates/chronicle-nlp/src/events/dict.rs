//! The verb dictionary the coder runs on, and the reader of Chronicle's own format
//! (`dictionaries/verbs/*.txt`).
//!
//! One pattern a line: `CODE<TAB>PATTERN[<TAB># note]`. The first element is the verb lemma (every
//! inflection matches; a leading `not` marks a negated phrasing, a leading `=` a nominal trigger),
//! then literal lower-case words (alternatives joined by `|`), `*` for a gap of up to four words,
//! and `TARGET` for the position of the target's noun phrase. Example:
//! `125<TAB>rule out * talks|negotiations|dialogue with TARGET`. The code `---` codes nothing: a
//! phrasing that says no event ("seek to" is an attempt, no appeal) and, being longer, blocks the
//! verb's shorter patterns.
//!
//! PETRARCH's verb files (`petrarch.rs`) load into the same structures, so one matcher serves both.

use super::words::{FastMap, Irregulars, NONE, Vocab, WordId, plurals};

/// An event code and, for symmetric verbs (`[032:033]`), the code of the reverse event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Code {
    /// `None` for PETRARCH's null code `[---]`: the pattern matches and blocks, codes nothing.
    pub main: Option<Box<str>>,
    pub reverse: Option<Box<str>>,
}

impl Code {
    /// Parses `125`, `032:033`, `---`; the inside of PETRARCH's brackets.
    pub fn parse(s: &str) -> Code {
        let part = |p: &str| {
            let p = p.trim();
            // `---` is PETRARCH's null code; `+++`, `###` and `025?` mark entries under review
            let real = p.bytes().all(|b| b.is_ascii_alphanumeric()) && !p.is_empty();
            real.then(|| Box::from(p))
        };
        match s.split_once(':') {
            Some((a, b)) => Code {
                main: part(a),
                reverse: part(b),
            },
            None => Code {
                main: part(s),
                reverse: None,
            },
        }
    }
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// A literal word, any of the alternatives.
    Word(Box<[WordId]>),
    /// Any phrase of a synset.
    Synset(u32),
    /// The target's noun phrase (`TARGET`, PETRARCH `+`).
    Target,
    /// A target that is ground inside a country, a city or a province (`PLACE`): what the
    /// verb does to a place is another act than what it does to people ("captured the
    /// rebels' leader" is an arrest, "captured Lubumbashi" takes territory).
    Place,
    /// The source's noun phrase (PETRARCH `$`).
    Source,
    /// A noun phrase to step over (PETRARCH `^`).
    Skip,
    /// A compound actor: events run between its members (PETRARCH `%`).
    Compound,
}

/// An element and whether it must touch its neighbour nearer the verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub elem: Elem,
    pub tight: bool,
}

/// One pattern of a verb.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub code: Code,
    /// Elements left of the verb, in text order.
    pub before: Vec<Slot>,
    /// Elements right of the verb, in text order.
    pub after: Vec<Slot>,
    /// Matches only a negated verb ("did not accept").
    pub negated: bool,
    /// Index into [`VerbDictionary::rules`].
    pub rule: u32,
    /// How specific the pattern is: more elements win over fewer (in the team's dictionaries a
    /// literal word counts twice a target slot).
    pub weight: u16,
}

/// A verb (or a nominal trigger) with its patterns.
#[derive(Debug, Clone, Default)]
pub struct Verb {
    pub lemma: String,
    /// Words that must stand right before the head (`wire` in "wire tap").
    pub pre: Vec<WordId>,
    /// Words that must follow the head (`out` in "rule out").
    pub particles: Vec<WordId>,
    pub patterns: Vec<Pattern>,
    /// A noun trigger (`= ceasefire`): no tense, negation by "no".
    pub nominal: bool,
}

/// Every verb, synset and rule of a dictionary, ready for matching.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    pub vocab: Vocab,
    /// Head word form → the verbs it can be.
    pub heads: FastMap<WordId, Vec<u32>>,
    pub verbs: Vec<Verb>,
    /// Each synset: its phrases, each phrase a list of words with their alternatives.
    pub synsets: Vec<Vec<Vec<Box<[WordId]>>>>,
    /// Synset names, parallel to `synsets` (PETRARCH `&NAME`, upper case).
    pub synset_names: Vec<String>,
    /// `file:line` of every pattern, for `Event::rule`.
    pub rules: Vec<String>,
    /// The longest gap a loose element may jump, in words.
    pub gap: usize,
    /// PETRARCH dictionaries: negation and modality are spelt out in the patterns.
    pub petrarch: bool,
    /// TABARI-layout dictionaries (no `---` blocks): coded as TABARI codes, one event per
    /// conjunction-delimited clause, source the first actor before the verb.
    pub tabari: bool,
    pub irregulars: Irregulars,
}

impl VerbDictionary {
    /// An empty dictionary whose verbs inflect with `irregulars`.
    pub fn new(irregulars: Irregulars) -> Self {
        VerbDictionary {
            gap: 4,
            irregulars,
            ..VerbDictionary::default()
        }
    }

    /// The ids of a word and its plural, for literal pattern words.
    pub fn word_alts(&mut self, word: &str) -> Box<[WordId]> {
        let mut ids = vec![self.vocab.intern(word)];
        if word.len() > 2 && word.chars().all(char::is_alphabetic) {
            for p in plurals(word) {
                ids.push(self.vocab.intern(&p));
            }
        }
        ids.into_boxed_slice()
    }

    /// The ids of a TABARI stem (`NEAT~`) with the endings English puts on it.
    pub fn stem_alts(&mut self, stem: &str) -> Box<[WordId]> {
        const ENDINGS: [&str; 14] = [
            "", "s", "es", "ed", "d", "ing", "er", "est", "ly", "ity", "ies", "ion", "ions", "al",
        ];
        ENDINGS
            .iter()
            .map(|e| self.vocab.intern(&format!("{stem}{e}")))
            .collect()
    }

    /// Adds explicit forms (TABARI `{ BROKE_ BROKEN_ }`) to verb `id`.
    pub fn add_forms(&mut self, id: u32, forms: &[String]) {
        for f in forms {
            let w = self.vocab.intern(f);
            let list = self.heads.entry(w).or_default();
            if !list.contains(&id) {
                list.push(id);
            }
        }
    }

    /// The verb with this lemma and shape, created when new; its head forms are registered.
    pub fn verb(
        &mut self,
        lemma: &str,
        pre: &[&str],
        particles: &[&str],
        nominal: bool,
        forms: Option<&[String]>,
    ) -> u32 {
        let pre: Vec<WordId> = pre.iter().map(|w| self.vocab.intern(w)).collect();
        let particles: Vec<WordId> = particles.iter().map(|w| self.vocab.intern(w)).collect();
        let lemma = super::words::normalise(lemma);
        if let Some(i) = self.verbs.iter().position(|v| {
            v.lemma == lemma && v.pre == pre && v.particles == particles && v.nominal == nominal
        }) {
            return i as u32;
        }
        let id = self.verbs.len() as u32;
        let forms: Vec<String> = match forms {
            Some(f) => f.to_vec(),
            None if nominal => {
                let mut f = plurals(&lemma);
                f.push(lemma.clone());
                f
            }
            None => self.irregulars.forms(&lemma),
        };
        for f in forms {
            let w = self.vocab.intern(&f);
            let list = self.heads.entry(w).or_default();
            if !list.contains(&id) {
                list.push(id);
            }
        }
        self.verbs.push(Verb {
            lemma,
            pre,
            particles,
            patterns: Vec::new(),
            nominal,
        });
        id
    }

    /// Records a rule location and returns its index.
    pub fn rule(&mut self, location: String) -> u32 {
        self.rules.push(location);
        (self.rules.len() - 1) as u32
    }

    /// Adds one file in Chronicle's format; `file` names it in rules (`dictionaries/verbs/12_reject.txt`).
    pub fn add_file(&mut self, file: &str, text: &str) -> Result<(), String> {
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let code = fields.next().unwrap_or("").trim();
            let pattern = fields.next().unwrap_or("").trim();
            if code.is_empty()
                || pattern.is_empty()
                || !(code == "---" || code.bytes().all(|b| b.is_ascii_alphanumeric()))
            {
                return Err(format!("{file}:{}: expected CODE<TAB>PATTERN", n + 1));
            }
            self.add_line(file, n + 1, code, pattern)?;
        }
        Ok(())
    }

    fn add_line(
        &mut self,
        file: &str,
        line: usize,
        code: &str,
        pattern: &str,
    ) -> Result<(), String> {
        let mut parts = pattern.split_whitespace().peekable();
        let mut negated = false;
        let mut nominal = false;
        match parts.peek() {
            Some(&"not") => {
                negated = true;
                parts.next();
            }
            Some(&"=") => {
                nominal = true;
                parts.next();
            }
            _ => {}
        }
        let Some(lemma) = parts.next() else {
            return Err(format!("{file}:{line}: a pattern needs a verb"));
        };
        let verb = self.verb(lemma, &[], &[], nominal, None);
        let mut after = Vec::new();
        let mut tight = true;
        for p in parts {
            let elem = match p {
                "*" => {
                    tight = false;
                    continue;
                }
                "TARGET" => Elem::Target,
                "PLACE" => Elem::Place,
                w => {
                    let mut ids: Vec<WordId> = Vec::new();
                    for alt in w.split('|').filter(|a| !a.is_empty()) {
                        ids.extend(self.word_alts(alt).iter());
                    }
                    Elem::Word(ids.into_boxed_slice())
                }
            };
            after.push(Slot { elem, tight });
            tight = true;
        }
        let rule = self.rule(format!("{file}:{line}"));
        // a literal word says more than "some actor": "capture * city" beats "capture TARGET"
        // on "captured the city of Kinshasa"
        let weight = after
            .iter()
            .map(|s| if s.elem == Elem::Target { 1 } else { 2 })
            .sum::<u16>()
            + 2 * u16::from(negated);
        self.verbs[verb as usize].patterns.push(Pattern {
            code: Code::parse(code),
            before: Vec::new(),
            after,
            negated,
            rule,
            weight,
        });
        Ok(())
    }

    /// The id of a word, or [`NONE`].
    pub fn id(&self, word: &str) -> WordId {
        let mut buf = String::new();
        self.vocab.lookup(word, &mut buf)
    }

    /// How many patterns the dictionary holds.
    pub fn pattern_count(&self) -> usize {
        self.verbs.iter().map(|v| v.patterns.len()).sum()
    }

    /// Whether `id` is a word this dictionary names.
    pub fn knows(&self, id: WordId) -> bool {
        id != NONE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_our_format() {
        let mut d = VerbDictionary::new(Irregulars::parse("meet met met\n"));
        d.add_file(
            "t.txt",
            "# comment\n125\trule out * talks|negotiations with TARGET\t# note\n040\tmeet\n12\tnot accept\n",
        )
        .unwrap();
        assert_eq!(d.pattern_count(), 3);
        assert_eq!(d.rules[0], "t.txt:2");
        let rule = &d.verbs[0].patterns[0];
        assert_eq!(rule.after.len(), 4);
        assert!(rule.after[0].tight && !rule.after[1].tight && rule.after[3].elem == Elem::Target);
        assert!(d.heads.contains_key(&d.id("met")));
        assert!(d.verbs[2].patterns[0].negated);
        assert!(d.add_file("bad.txt", "rule out talks\n").is_err());
    }

    #[test]
    fn codes_parse() {
        assert_eq!(Code::parse("032:033").reverse.as_deref(), Some("033"));
        assert_eq!(Code::parse("---").main, None);
    }
}
