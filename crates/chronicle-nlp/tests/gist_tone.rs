//! Tone (GKG V1.5 Tone): the figures on sentences of our own, negation, names, and the size of
//! the lexicon the issue asks for.

use chronicle_core::{Article, Tone};
use chronicle_nlp::Stage;
use chronicle_nlp::gist::{GistTagger, ToneLexicon};
use chronicle_nlp::segment::Segmenter;

fn tone(text: &str) -> Tone {
    let mut a = Article::new("t", text);
    Segmenter::new().annotate(&mut a);
    GistTagger::new().annotate(&mut a);
    a.tone.expect("tone")
}

#[test]
fn figures_are_shares_of_words() {
    // 10 words: "successful" (+1), "deadly" (-1), "attack" (-1); "launched" is active.
    let t = tone("The successful talks ended after a deadly attack was launched.");
    assert_eq!(t.word_count, 10);
    assert_eq!(t.positive, 10.0);
    assert_eq!(t.negative, 20.0);
    assert_eq!(t.score, -10.0);
    assert_eq!(t.polarity, 30.0);
    assert!(t.activity >= 10.0, "{t:?}");
    assert_eq!(t.self_group, 0.0);
}

#[test]
fn self_and_group_references() {
    let t = tone("We told our allies that I would visit the US with them.");
    // we, our, I: 3 of 12 words; "US" is the country.
    assert_eq!(t.word_count, 12);
    assert_eq!(t.self_group, 25.0);
}

#[test]
fn negation_turns_praise_and_silences_blame() {
    let good = tone("The plan is good.");
    let not_good = tone("The plan is not good.");
    let not_bad = tone("The plan is not bad.");
    assert!(good.score > 0.0);
    assert!(not_good.score < 0.0, "{not_good:?}");
    assert_eq!(not_bad.score, 0.0, "{not_bad:?}");
    let idiom = tone("We can not but be shocked.");
    assert!(idiom.score < 0.0, "{idiom:?}");
}

#[test]
fn names_carry_no_sentiment() {
    let mut a = Article::new("t", "Hope Hicks met the Security Council.");
    Segmenter::new().annotate(&mut a);
    for (start, end, kind) in [
        (0, 10, chronicle_core::EntityType::Person),
        (15, 35, chronicle_core::EntityType::Org),
    ] {
        a.entities.push(chronicle_core::Entity {
            start,
            end,
            text: String::new(),
            kind,
            canonical: String::new(),
            actor: None,
        });
    }
    GistTagger::new().annotate(&mut a);
    let t = a.tone.expect("tone");
    assert_eq!((t.positive, t.negative), (0.0, 0.0), "{t:?}");
}

#[test]
fn empty_text_has_zero_tone() {
    let t = tone("");
    assert_eq!(t.word_count, 0);
    assert_eq!(t.score, 0.0);
    let t = tone("— … ¶");
    assert_eq!(t.word_count, 0);
}

#[test]
fn lexicon_has_at_least_1500_sentiment_entries() {
    let n = ToneLexicon::embedded().sentiment_entries();
    assert!(n >= 1500, "{n} entries");
}
