//! With the names layers filled, speakers are referents: canonical name and actor code, through
//! names, pronoun links and role mentions.

use chronicle_core::{
    Article, ByteSpan, EntityType, Gender, Mention, MentionForm, PronounLink, QuoteKind, Referent,
};
use chronicle_nlp::Stage;
use chronicle_nlp::quotes::QuoteFinder;
use chronicle_nlp::segment::Segmenter;

fn span(body: &str, needle: &str, nth: usize) -> ByteSpan {
    let start = body
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} #{nth}"));
    ByteSpan::new(start, start + needle.len())
}

#[test]
fn speakers_come_from_referents() {
    let body = "Choe Son Hui, the first vice foreign minister, issued a statement. \
                “Now is a very sensitive time,” she added.\n\n\
                “We will not talk,” the minister said.\n\n\
                “It is clear to us,” Choe asked.";
    let mut article = Article::new("n", body);
    Segmenter::new().annotate(&mut article);
    let a = &mut article.analysis;
    a.referents.push(Referent {
        canonical: "Choe Son Hui".into(),
        kind: EntityType::Person,
        actor: Some("PRKGOV".into()),
        gender: Gender::Female,
        roles: vec!["first vice foreign minister".into()],
    });
    for (needle, nth, form) in [
        ("Choe Son Hui", 0, MentionForm::Name),
        ("the minister", 0, MentionForm::Role),
        ("Choe", 1, MentionForm::Name),
    ] {
        a.mentions.push(Mention {
            span: span(body, needle, nth),
            referent: 0,
            form,
        });
    }
    a.mentions.sort_by_key(|m| m.span.start);
    a.pronouns.push(PronounLink {
        span: span(body, "she", 0),
        referent: 0,
    });
    QuoteFinder::new().annotate(&mut article);
    let direct: Vec<_> = article
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 3, "{:#?}", article.quotes);
    for (q, cue) in direct.iter().zip(["added", "said", "asked"]) {
        assert_eq!(q.speaker.as_deref(), Some("Choe Son Hui"), "{q:?}");
        assert_eq!(q.speaker_actor.as_deref(), Some("PRKGOV"), "{q:?}");
        assert_eq!(q.cue.as_deref(), Some(cue));
    }
}

#[test]
fn speakers_without_names_fall_back_to_the_text() {
    let body = "Senior official Choe Son Hui issued a statement on Saturday.\n\n\
                “Now is a very sensitive time,” she added. “We can not but be shocked.”\n\n\
                According to Choe, “talks are off.”\n\n\
                “It is clear to us,” said Kim Yo Jong, a senior official.\n\n\
                The statement said that talks would not resume this year.";
    let mut article = Article::new("f", body);
    Segmenter::new().annotate(&mut article);
    QuoteFinder::new().annotate(&mut article);
    let by = |opening: &str| {
        article
            .quotes
            .iter()
            .find(|q| q.text.contains(opening))
            .unwrap_or_else(|| panic!("{opening}: {:#?}", article.quotes))
    };
    assert_eq!(by("Now is").speaker.as_deref(), Some("Choe Son Hui"));
    assert_eq!(by("We can not").speaker.as_deref(), Some("Choe Son Hui"));
    assert_eq!(by("We can not").cue.as_deref(), Some("added"));
    assert_eq!(by("talks are off").cue.as_deref(), Some("According to"));
    assert_eq!(by("talks are off").speaker.as_deref(), Some("Choe Son Hui"));
    assert_eq!(by("It is clear").speaker.as_deref(), Some("Kim Yo Jong"));
    let indirect = by("talks would not resume");
    assert_eq!(indirect.kind, QuoteKind::Indirect);
    assert_eq!(indirect.text, "talks would not resume this year");
    assert_eq!(indirect.speaker.as_deref(), Some("The statement"));
}
