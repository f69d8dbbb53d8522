//! The syntax stage: every sentence's tokens tagged, lemmatized and parsed into a Universal
//! Dependencies tree by Chronicle's own model (`chronicle-syntax`), so that later stages read
//! who did what to whom from the structure of the sentence, not from the order of its words.
//!
//! Our tokens are the model's words, with the spellings news uses and the treebank does not
//! mapped first: curly quotes and apostrophes to straight ones (`don’t`, `’s`, `“`), dashes to
//! `--`, British titles to American ones (`Mr` → `Mr.`). The mapping changes no offset: it only
//! changes what the model reads.

use std::cell::RefCell;

use chronicle_core::{Article, DepRel, Syntax, TokenSyntax, Upos};
use chronicle_syntax::{Model, Workspace};

use crate::{Layer, Stage};

/// The syntax stage, with the embedded model.
pub struct SyntaxParser {
    model: &'static Model,
}

impl Default for SyntaxParser {
    fn default() -> Self {
        Self::new()
    }
}

impl SyntaxParser {
    /// The stage with the model trained from UD English-EWT that ships in the binary.
    pub fn new() -> Self {
        SyntaxParser {
            model: Model::embedded(),
        }
    }

    /// The model, for callers that parse words they already have (CoNLL-U input).
    pub fn model(&self) -> &'static Model {
        self.model
    }
}

/// A worker's buffers: the model's workspace, a sentence's words in the model's spelling, and
/// each word's byte range in it.
#[derive(Default)]
struct Buffers {
    workspace: Workspace,
    spelled: String,
    bounds: Vec<(usize, usize)>,
}

thread_local! {
    /// Per-thread buffers: one allocation per worker, not per article.
    static BUFFERS: RefCell<Buffers> = RefCell::default();
}

/// Writes the model's spelling of `token` into `out`: straight quotes and apostrophes, `--`
/// for a dash, American titles ("Mr" → "Mr.": the treebank writes them with a full stop, and
/// "said Mr Blair" parses as "said Mr. Blair" does).
pub fn model_spelling(token: &str, out: &mut String) {
    match token {
        "“" | "”" | "„" | "«" | "»" | "″" => out.push('"'),
        "—" | "–" | "―" => out.push_str("--"),
        "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Mt" | "Gen" | "Sen" | "Rep" | "Gov" | "Lt" | "Col"
        | "Sgt" | "Capt" | "Prof" => {
            out.push_str(token);
            out.push('.');
        }
        _ => out.extend(token.chars().map(|c| match c {
            '‘' | '’' | '‚' | '′' => '\'',
            c => c,
        })),
    }
}

impl Stage for SyntaxParser {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Syntax]
    }

    fn annotate(&self, article: &mut Article) {
        let analysis = &article.analysis;
        let n_tokens = analysis.tokens.len();
        let mut tokens = vec![
            TokenSyntax {
                upos: Upos::X,
                head: None,
                deprel: DepRel::Root,
                lemma: (0, 0),
            };
            n_tokens
        ];
        let mut lemmas = String::with_capacity(article.body.len());
        BUFFERS.with_borrow_mut(|buffers| {
            let Buffers {
                workspace: ws,
                spelled,
                bounds,
            } = buffers;
            for range in &analysis.sentence_tokens {
                if range.is_empty() || range.end > n_tokens {
                    continue;
                }
                spelled.clear();
                bounds.clear();
                for t in &analysis.tokens[range.clone()] {
                    let start = spelled.len();
                    model_spelling(article.text_of(t.span), spelled);
                    bounds.push((start, spelled.len()));
                }
                let words = bounds.iter().map(|&(a, b)| &spelled[a..b]);
                self.model.analyse(words, ws);
                for (k, word) in ws.analysis.iter().enumerate() {
                    let at = range.start + k;
                    let start = lemmas.len() as u32;
                    lemmas.push_str(ws.lemma(k));
                    tokens[at] = TokenSyntax {
                        upos: word.upos,
                        head: (word.head > 0).then(|| (range.start + word.head - 1) as u32),
                        deprel: word.deprel,
                        lemma: (start, lemmas.len() as u32),
                    };
                }
            }
        });
        article.analysis.syntax = Syntax::new(tokens, lemmas);
    }
}

/// The syntax layer in the contract's terms: every token with character offsets, its text,
/// part of speech, lemma, head (an index into the same list) and relation.
pub fn token_layer(article: &Article) -> Vec<chronicle_core::TokenLayer> {
    let analysis = &article.analysis;
    let syntax = &analysis.syntax;
    analysis
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (start, end) = analysis
                .index
                .chars(t.span.start as usize, t.span.end as usize);
            chronicle_core::TokenLayer {
                start,
                end,
                text: article.text_of(t.span).to_string(),
                upos: syntax.upos(i).unwrap_or(Upos::X),
                lemma: syntax.lemma(i).to_string(),
                head: syntax.head(i),
                deprel: syntax.deprel(i).unwrap_or(DepRel::Dep),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    fn parse(text: &str) -> Article {
        let mut article = Article::new("t", text);
        Segmenter::new().annotate(&mut article);
        SyntaxParser::new().annotate(&mut article);
        article
    }

    fn index_of(article: &Article, word: &str) -> usize {
        article
            .analysis
            .tokens
            .iter()
            .position(|t| article.text_of(t.span) == word)
            .unwrap_or_else(|| panic!("no token {word}"))
    }

    #[test]
    fn a_proper_noun_subject_is_no_verb_and_the_verb_governs_it() {
        let a = parse("The United States fired anti-aircraft batteries at Russia.");
        let syntax = &a.analysis.syntax;
        let states = index_of(&a, "States");
        let fired = index_of(&a, "fired");
        assert_eq!(syntax.upos(states), Some(Upos::Propn));
        assert_eq!(syntax.upos(fired), Some(Upos::Verb));
        assert_eq!(syntax.head(fired), None, "fired is the root");
        assert_eq!(syntax.head(states), Some(fired));
        assert_eq!(syntax.deprel(states), Some(DepRel::Nsubj));
        assert_eq!(syntax.lemma(fired), "fire");
        let batteries = index_of(&a, "batteries");
        assert_eq!(syntax.head(batteries), Some(fired));
        assert_eq!(syntax.deprel(batteries), Some(DepRel::Obj));
    }

    #[test]
    fn the_speaker_after_a_quote_is_the_subject_of_said() {
        let a = parse("“We will not talk to them,” said Mr Blair.");
        let syntax = &a.analysis.syntax;
        let said = index_of(&a, "said");
        let blair = index_of(&a, "Blair");
        let subjects: Vec<usize> = syntax.children_by_base(said, DepRel::Nsubj).collect();
        assert_eq!(subjects.len(), 1, "one subject of said");
        assert!(
            syntax.subtree(subjects[0]).contains(&blair),
            "the subject of said is Mr Blair"
        );
        let talk = index_of(&a, "talk");
        assert_eq!(syntax.head(talk), Some(said), "the quote is what was said");
    }

    #[test]
    fn every_sentence_is_one_tree() {
        let a = parse(
            "North Korea said on Saturday it had no interest in talks. \
             The US commander in Iraq, General David Petraeus, held talks with President Michel \
             Suleiman. | a | table | of | cells |",
        );
        let syntax = &a.analysis.syntax;
        assert_eq!(syntax.tokens.len(), a.analysis.tokens.len());
        for range in &a.analysis.sentence_tokens {
            let roots = range.clone().filter(|&i| syntax.head(i).is_none()).count();
            assert_eq!(roots, 1);
            for i in range.clone() {
                let mut steps = 0;
                for h in syntax.ancestors(i) {
                    assert!(range.contains(&h), "heads stay in the sentence");
                    steps += 1;
                }
                assert!(steps < range.len(), "no cycles");
            }
        }
    }
}
