//! No input makes the events stage panic: random text through the standard pipeline, and
//! through a coder built from PETRARCH dictionaries, with actor mentions laid at random places.

use chronicle_core::{Article, ByteSpan, EntityType, Mention, MentionForm, PronounLink, Referent};
use chronicle_nlp::events::EventCoder;
use chronicle_nlp::segment::Segmenter;
use chronicle_nlp::{Pipeline, Stage};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Arnor",
    "Gondor",
    "rejected",
    "did",
    "not",
    "n't",
    "accept",
    "the",
    "deal",
    "ruled",
    "out",
    "talks",
    "with",
    "by",
    "was",
    "will",
    "would",
    "if",
    "and",
    ",",
    ".",
    "“",
    "”",
    "—",
    "in",
    "2019",
    "February",
    "that",
    "summit",
    "then",
    "refused",
    "to",
    "meet",
    "offered",
    "said",
    "police",
    "government",
    "of",
    "'s",
    "é",
    "\n\n",
    "?",
    "(",
    ")",
];

fn pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(Pipeline::standard)
}

fn coder() -> &'static EventCoder {
    static C: std::sync::OnceLock<EventCoder> = std::sync::OnceLock::new();
    C.get_or_init(EventCoder::new)
}

/// The coder of PETRARCH's unit-test dictionaries, built once.
fn petrarch() -> Option<&'static EventCoder> {
    static CODER: std::sync::OnceLock<Option<EventCoder>> = std::sync::OnceLock::new();
    CODER
        .get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/events/petr_validate");
            EventCoder::from_petrarch_dir(&dir).ok()
        })
        .as_ref()
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(WORDS), 0..60).prop_map(|w| w.join(" ")),
        ".{0,300}",
    ]
}

fn with_random_actors(body: String, picks: &[(usize, usize)]) -> Article {
    let mut a = Article::new("p", body);
    a.published = Some(jiff::civil::date(2020, 7, 6));
    pipeline().annotate(&mut a);
    a.analysis.referents.push(Referent {
        canonical: "X".into(),
        kind: EntityType::Gpe,
        actor: Some("XXX".into()),
        gender: Default::default(),
        roles: Vec::new(),
    });
    let n = a.analysis.tokens.len();
    for &(i, len) in picks {
        if n == 0 {
            break;
        }
        let (s, e) = (i % n, (i % n + len % 3).min(n - 1));
        let span = ByteSpan {
            start: a.analysis.tokens[s].span.start,
            end: a.analysis.tokens[e].span.end,
        };
        a.analysis.mentions.push(Mention {
            span,
            referent: i % 2,
            form: MentionForm::Name,
        });
        a.analysis.pronouns.push(PronounLink { span, referent: 0 });
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_pipeline_never_panics(body in text()) {
        let mut a = Article::new("p", body);
        a.published = Some(jiff::civil::date(2020, 7, 6));
        pipeline().annotate(&mut a);
        for e in &a.events {
            prop_assert!(e.sentence < a.sentences.len());
        }
    }

    #[test]
    fn coding_with_odd_mentions_never_panics(body in text(), picks in prop::collection::vec((0usize..500, 0usize..5), 0..8)) {
        let mut a = with_random_actors(body, &picks);
        coder().annotate(&mut a);
    }

    #[test]
    fn petrarch_coding_never_panics(body in text()) {
        let Some(coder) = petrarch() else { return Ok(()) };
        let mut a = Article::new("p", body);
        Segmenter::new().annotate(&mut a);
        coder.annotate(&mut a);
    }
}
