//! A sentence as the coder sees it: each token with its dictionary id and grammatical class
//! bits, and the sentence cut into clauses.
//!
//! The classes come from a closed list of English function words (auxiliaries, modals,
//! negators, determiners, subordinators); everything else the coder knows comes from the verb
//! dictionary. The buffers are reused from sentence to sentence, so the hot loop allocates nothing.

use chronicle_core::{Article, TokenKind};

use super::commas::CommaRules;
use super::dict::VerbDictionary;
use super::words::{NONE, WordId};

pub const CAP: u32 = 1;
pub const PUNCT: u32 = 1 << 1;
/// Punctuation that ends a clause: `;` `:` dashes, brackets, quotation marks, `?` `!`.
pub const BREAK: u32 = 1 << 2;
pub const COMMA: u32 = 1 << 3;
pub const DET: u32 = 1 << 4;
pub const BE: u32 = 1 << 5;
pub const HAVE: u32 = 1 << 6;
pub const DO: u32 = 1 << 7;
pub const FUTURE: u32 = 1 << 8;
pub const HYPO: u32 = 1 << 9;
pub const NEG: u32 = 1 << 10;
pub const SUBORD: u32 = 1 << 11;
pub const COORD: u32 = 1 << 12;
pub const BY: u32 = 1 << 13;
pub const TO: u32 = 1 << 14;
pub const ADV: u32 = 1 << 15;
pub const PREP: u32 = 1 << 16;
/// A verb or adjective that turns its infinitive into a refusal: "refused to", "declined to",
/// "failed to", "was unwilling to".
pub const REFUSE: u32 = 1 << 17;
/// A verb or adjective that turns its infinitive into a plan: "plans to", "intends to", "is set
/// to", "is ready to".
pub const PLAN: u32 = 1 << 18;
/// "in", "at": the place of the clause may follow.
pub const LOC: u32 = 1 << 19;
/// "that": a complement clause (or a determiner, by context).
pub const THAT: u32 = 1 << 20;
pub const IF: u32 = 1 << 21;
/// A past participle of a common irregular verb (the class list), or any `-ed` or `-en` word
/// (set from the text).
pub const PARTICIPLE: u32 = 1 << 22;
/// Time and discourse anaphors: "then", "that summit", "at the time".
pub const THEN: u32 = 1 << 23;
pub const PRON: u32 = 1 << 24;
/// A noun that refers back to a proposal: "the deal", "the offer".
pub const REFER: u32 = 1 << 25;
/// A dash: a break on its own, an aside's edges when paired ("statement—the first of
/// its kind—reiterated").
pub const DASH: u32 = 1 << 26;
/// "would": a hypothetical, and in reported speech the future of a promise ("said it would").
pub const WOULD: u32 = 1 << 27;
/// A quantity word that stands between a verb and what it acts on without changing the act
/// ("send ten percent of their vaccine supply", "withdraw half of its troops"): a pattern's gap
/// does not count it.
pub const QUANT: u32 = 1 << 28;
/// The past participle of a verb that always takes an object in the active ("accused",
/// "praised"): with a preposition straight after it, it is a passive.
pub const OBJECT_NEEDED: u32 = 1 << 29;
/// A word that condemns whom or what it is said of ("wrong", "reckless", "hypocritical"): a
/// statement that says it of someone criticises them (CAMEO 111), as coders code it.
pub const CENSURE: u32 = 1 << 30;
/// A currency or a market ("dollar", "yen", "stocks", "economy"): a nationality that modifies
/// it ("the Canadian dollar", "Japanese stocks") names no actor.
pub const MARKET: u32 = 1 << 31;

/// The function words, by class.
const CLASSES: &[(u32, &str)] = &[
    (
        DET,
        "a an the its their his her our my your this these those any some every each another such 's",
    ),
    (BE, "be is are was were been being am"),
    (HAVE, "have has had having 've 'd"),
    (DO, "do does did"),
    (FUTURE, "will shall 'll wo"),
    (HYPO, "would could might may should ca can must"),
    (WOULD, "would"),
    (NEG, "not n't never no neither nor"),
    (
        SUBORD,
        "which who whom whose while whereas because although though if unless when whether after before since until where once",
    ),
    (THAT, "that"),
    (IF, "if unless whether"),
    (COORD, "and but or nor"),
    (BY, "by"),
    (TO, "to"),
    (
        ADV,
        "also then again now still already further later reportedly officially only just even ever really recently specifically once yet",
    ),
    (
        PREP,
        "in at on with to for against from by of into over about toward towards near during between among upon without within across",
    ),
    (LOC, "in at"),
    (
        REFUSE,
        "refuse refuses refused refusing decline declines declined declining fail fails failed failing unwilling reluctant loath",
    ),
    (
        PLAN,
        "plan plans planned planning intend intends intended intending aim aims prepare prepares preparing prepared set expect expects expected going ready willing poised eager",
    ),
    (
        PARTICIPLE,
        "said told thought held known shown thrown drawn sent found kept left met paid sold built bought fought brought caught taught sought shot hit struck cut put hurt led fed spent lost won upheld withheld understood",
    ),
    (THEN, "then"),
    (
        CENSURE,
        "wrong stupid divisive unfit biased bias irresponsible reckless disgraceful shameful outrageous unacceptable deplorable appalling hypocritical hypocrisy arrogant incompetent corrupt racist bigoted dishonest blatantly blatant undermine undermines undermining undermined betrayal betrayed disastrous mistake misguided absurd ridiculous nonsense scandalous insulting cynical illegitimate sinister despicable cowardly liar liars thug thugs gangster coward crook loser bully demagogue bigot clown idiot puppet tyrant traitor hypocrite phony disgrace extremist unqualified",
    ),
    (
        OBJECT_NEEDED,
        "accused charged blamed criticised criticized condemned denounced rebuked censured praised hailed lauded commended sentenced convicted indicted arrested detained jailed imprisoned sued fined sanctioned expelled deported ousted",
    ),
    (
        QUANT,
        "percent per cent half part portion share bulk most much many all some third quarter tenth one two three four five six seven eight nine ten twenty fifty hundred thousand",
    ),
    (
        MARKET,
        "dollar dollars euro euros pound pounds sterling yen yuan renminbi rupee rupees peso pesos franc francs rouble roubles ruble rubles rand lira shekel shekels dinar dinars riyal riyals ringgit baht krona krone currency currencies stocks shares bonds equities economy economies",
    ),
    (PRON, "he she they it we i you him them us"),
    (
        REFER,
        "deal offer offers proposal proposals plan demand demands request agreement accord initiative",
    ),
];

/// Class bits for every word id of a dictionary.
#[derive(Debug, Clone, Default)]
pub struct Grammar {
    classes: Vec<u32>,
}

impl Grammar {
    /// Interns the function words into `dict` and builds the table; call after the dictionary is
    /// complete.
    pub fn build(dict: &mut VerbDictionary) -> Self {
        let mut pairs = Vec::new();
        for &(class, words) in CLASSES {
            for w in words.split_whitespace() {
                pairs.push((dict.vocab.intern(w), class));
            }
        }
        let mut classes = vec![0u32; dict.vocab.len()];
        for (id, class) in pairs {
            classes[id as usize] |= class;
        }
        Grammar { classes }
    }

    /// The class bits of a word id.
    pub fn of(&self, id: WordId) -> u32 {
        self.classes.get(id as usize).copied().unwrap_or(0)
    }
}

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub id: WordId,
    pub flags: u32,
    /// Byte span in the body.
    pub start: u32,
    pub end: u32,
}

/// How a clause begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    /// "and promised aid": a second verb phrase that shares the subject before it.
    Coordinate,
    /// "that ...": a complement clause.
    Complement,
    /// "if", "while", "who" ...
    Subordinate,
}

/// A clause: a word range of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub kind: ClauseKind,
}

/// Reusable buffers for one sentence.
#[derive(Debug, Default)]
pub struct SentenceBuf {
    pub words: Vec<Word>,
    pub clauses: Vec<Clause>,
    lower: String,
}

impl SentenceBuf {
    /// Fills the buffers with sentence `s` of `article`.
    /// With `commas`, the comma-delimited clauses they drop are removed first (TABARI).
    pub fn fill(
        &mut self,
        article: &Article,
        s: usize,
        dict: &VerbDictionary,
        grammar: &Grammar,
        commas: Option<&CommaRules>,
    ) {
        self.words.clear();
        self.clauses.clear();
        let Some(range) = article.analysis.sentence_tokens.get(s) else {
            return;
        };
        let tokens = article.analysis.tokens.get(range.clone()).unwrap_or(&[]);
        let mut bracket: Option<usize> = None;
        for t in tokens {
            let text = article.body.get(t.span.range()).unwrap_or("");
            // a short aside in brackets ("the European Commission (EC) asked") interrupts its
            // clause rather than ending it, as paired dashes do
            match text {
                "(" => bracket = Some(self.words.len()),
                ")" => {
                    let i = self.words.len();
                    if let Some(o) = bracket.take().filter(|&o| i - o <= ASIDE && !dict.petrarch) {
                        self.words[o].flags = (self.words[o].flags & !BREAK) | COMMA;
                        self.words.push(Word {
                            id: NONE,
                            flags: PUNCT | COMMA,
                            start: t.span.start,
                            end: t.span.end,
                        });
                        continue;
                    }
                }
                _ => {}
            }
            let mut flags = 0;
            let id = match t.kind {
                TokenKind::Punct | TokenKind::Symbol => {
                    flags |= PUNCT | punct_flags(text);
                    NONE
                }
                _ => dict.vocab.lookup(text, &mut self.lower),
            };
            flags |= grammar.of(id);
            if text.chars().next().is_some_and(char::is_uppercase) {
                flags |= CAP;
            }
            if text.len() > 4 && text.ends_with("ly") {
                flags |= ADV;
            }
            if text.len() > 3 && (text.ends_with("ed") || text.ends_with("en")) {
                flags |= PARTICIPLE;
            }
            self.words.push(Word {
                id,
                flags,
                start: t.span.start,
                end: t.span.end,
            });
        }
        if let Some(rules) = commas {
            rules.apply(&mut self.words, |w| dict.heads.contains_key(&w.id));
        }
        if !dict.petrarch {
            pair_dashes(&mut self.words);
        }
        self.cut_clauses(dict);
    }

    /// Cuts the sentence at clause-breaking punctuation, subordinators, complementisers, and
    /// "and"/"but" when a verb follows.
    fn cut_clauses(&mut self, dict: &VerbDictionary) {
        let w = &self.words;
        let mut start = 0;
        let mut kind = ClauseKind::Main;
        for i in 0..w.len() {
            let f = w[i].flags;
            let next = if f & BREAK != 0 {
                Some((i + 1, ClauseKind::Main))
            } else if f & THAT != 0 && i > 0 && w[i - 1].flags & (PREP | SUBORD) == 0 {
                Some((i, ClauseKind::Complement))
            } else if f & SUBORD != 0 && i > 0 {
                Some((i, ClauseKind::Subordinate))
            } else if f & COORD != 0 && verb_follows(w, i + 1, dict) {
                Some((i + 1, ClauseKind::Coordinate))
            } else {
                None
            };
            if let Some((at, k)) = next {
                if at > start {
                    self.clauses.push(Clause {
                        start,
                        end: at.min(w.len()),
                        kind,
                    });
                }
                start = at;
                kind = k;
            }
        }
        if start < w.len() || self.clauses.is_empty() {
            self.clauses.push(Clause {
                start,
                end: w.len(),
                kind,
            });
        }
    }

    /// The conjoined clause holding word `i`, as the index of its first clause: a new one
    /// starts at each coordinated verb phrase ("and promised") and after breaking punctuation;
    /// subordinate and complement clauses belong to the clause they hang from. TABARI codes one
    /// event in each.
    pub fn conjunct_of(&self, i: usize) -> usize {
        let c = self.clause_of(i);
        (1..=c)
            .rev()
            .find(|&k| {
                matches!(
                    self.clauses[k].kind,
                    ClauseKind::Coordinate | ClauseKind::Main
                )
            })
            .unwrap_or(0)
    }

    /// The clause holding word `i`.
    pub fn clause_of(&self, i: usize) -> usize {
        self.clauses
            .iter()
            .position(|c| c.start <= i && i < c.end)
            .unwrap_or(self.clauses.len().saturating_sub(1))
    }
}

/// Whether a verb or an auxiliary comes right after `i` (skipping adverbs): "and promised".
fn verb_follows(w: &[Word], mut i: usize, dict: &VerbDictionary) -> bool {
    while i < w.len() && w[i].flags & ADV != 0 {
        i += 1;
    }
    w.get(i).is_some_and(|x| {
        x.flags & CAP == 0
            && (x.flags & (BE | HAVE | DO | FUTURE | HYPO | NEG) != 0
                || dict.heads.contains_key(&x.id))
    })
}

/// The most words a bracketed aside may span and still read as commas: an abbreviation or a
/// short gloss ("(EC)", "(Reuters)", "(R-Texas)"), not a whole clause.
const ASIDE: usize = 6;

/// Two dashes in one sentence enclose an aside, which interrupts its clause rather than ending
/// it: they read as commas, so that "A statement on June 12—the first in months—reiterated"
/// keeps its subject and its date. A lone dash still breaks the clause.
fn pair_dashes(words: &mut [Word]) {
    let mut open: Option<usize> = None;
    for i in 0..words.len() {
        if words[i].flags & DASH == 0 {
            continue;
        }
        match open.take() {
            None => open = Some(i),
            Some(o) => {
                for k in [o, i] {
                    words[k].flags = (words[k].flags & !BREAK) | COMMA;
                }
            }
        }
    }
}

fn punct_flags(text: &str) -> u32 {
    match text {
        "," => COMMA,
        "—" | "–" | "--" => BREAK | DASH,
        ";" | ":" | "(" | ")" | "[" | "]" | "\"" | "“" | "”" | "?" | "!" => BREAK,
        _ => 0,
    }
}
