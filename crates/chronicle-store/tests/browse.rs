//! The questions the web page asks (`chronicle_store::browse`): pages of events in each order
//! with the sentence and rule of their first mention, one article whole, top actors, and
//! actor-to-actor pairs.

use std::path::PathBuf;

use chronicle_core::*;
use chronicle_store::Store;
use chronicle_store::browse::{self, EventSort};
use chronicle_store::query::{Cell, EventFilter, Table};

fn db(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-browse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.db"));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    path
}

fn event(sentence: usize, source: &str, target: &str, cameo: &str, date: &str, g: f64) -> Event {
    Event {
        sentence,
        source: (!source.is_empty()).then(|| source.into()),
        target: (!target.is_empty()).then(|| target.into()),
        cameo: cameo.into(),
        plover: None,
        goldstein: Some(g),
        quad_class: Some(if g < 0.0 { 3 } else { 1 }),
        date: Some(date.into()),
        date_precision: DatePrecision::of(date),
        date_basis: DateBasis::Text,
        context: vec![],
        place: None,
        trigger: format!("trigger{sentence}"),
        source_text: None,
        target_text: None,
        rule: format!("verbs.txt:{sentence}"),
    }
}

/// Two articles: five events, one of them reported by both.
fn filled(name: &str) -> Store {
    let path = db(name);
    let mut first = Article::new("a1", "One. Two. Three. Four.");
    first.title = Some("First".into());
    first.published = Some(jiff::civil::date(2020, 7, 6));
    first.events = vec![
        event(0, "PRKGOV", "USA", "125", "2020-07-04", -5.0),
        event(1, "USA", "PRK", "036", "2020-07-05", 4.0),
        event(2, "PRK", "", "0211", "2019-02-28", 3.4),
        event(3, "USAGOV", "PRKGOV", "172", "2020-07-06", -5.0),
    ];
    let mut second = Article::new("a2", "Another story entirely, with words.");
    second.published = Some(jiff::civil::date(2020, 7, 7));
    second.events = vec![
        event(0, "CHN", "USA", "042", "2020-07-07", 1.9),
        event(0, "PRKGOV", "USA", "125", "2020-07-04", -5.0),
    ];
    let mut sink = Store::open(&path).unwrap().into_sink().unwrap();
    sink.store(&first).unwrap();
    sink.store(&second).unwrap();
    sink.commit().unwrap();
    Store::open_existing(&path).unwrap()
}

fn column(table: &Table, name: &str) -> Vec<Cell> {
    let i = table.columns.iter().position(|c| *c == name).unwrap();
    table.rows.iter().map(|r| r[i].clone()).collect()
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn all(limit: usize) -> EventFilter {
    EventFilter {
        limit,
        ..EventFilter::default()
    }
}

#[test]
fn pages_of_events_follow_their_order_and_offset() {
    let store = filled("pages");
    let page =
        |sort, offset, limit| browse::events_page(store.conn(), &all(limit), sort, offset).unwrap();
    let dates = column(&page(EventSort::Date, 0, 10), "date");
    assert_eq!(dates.len(), 5);
    assert_eq!(dates[0], text("2019-02-28"));
    assert_eq!(dates[4], text("2020-07-07"));
    assert_eq!(
        column(&page(EventSort::DateDesc, 0, 1), "date"),
        [text("2020-07-07")]
    );
    assert_eq!(
        column(&page(EventSort::Date, 4, 10), "date"),
        [text("2020-07-07")]
    );
    assert!(page(EventSort::Date, 5, 10).rows.is_empty());
    // The event both articles report is the most mentioned.
    let top = page(EventSort::Mentions, 0, 1);
    assert_eq!(column(&top, "mentions"), [Cell::Int(2)]);
    assert_eq!(column(&top, "code"), [text("125")]);
    let lowest = column(&page(EventSort::Goldstein, 0, 5), "goldstein");
    assert_eq!(lowest[0], Cell::Real(-5.0));
    assert_eq!(lowest[4], Cell::Real(4.0));
}

#[test]
fn an_event_names_its_first_article_sentence_and_rule() {
    let store = filled("first");
    let filter = EventFilter {
        code: Some("172".into()),
        ..all(10)
    };
    let table = browse::events_page(store.conn(), &filter, EventSort::Date, 0).unwrap();
    assert_eq!(column(&table, "article_id"), [text("a1")]);
    assert_eq!(column(&table, "article_title"), [text("First")]);
    assert_eq!(column(&table, "ordinal"), [Cell::Int(3)]);
    assert_eq!(column(&table, "sentence"), [Cell::Int(3)]);
    assert_eq!(column(&table, "trigger"), [text("trigger3")]);
    assert_eq!(column(&table, "rule"), [text("verbs.txt:3")]);
}

#[test]
fn an_article_comes_back_whole_or_not_at_all() {
    let store = filled("article");
    let json = browse::article_json(store.conn(), "a1").unwrap().unwrap();
    let back: Article = serde_json::from_str(&json).unwrap();
    assert_eq!(back.body, "One. Two. Three. Four.");
    assert_eq!(back.events.len(), 4);
    assert!(
        browse::article_json(store.conn(), "nope")
            .unwrap()
            .is_none()
    );
    assert!(
        browse::article_json(store.conn(), "' OR 1=1 --")
            .unwrap()
            .is_none()
    );
}

#[test]
fn top_actors_count_both_sides_and_skip_missing_ones() {
    let store = filled("actors");
    let table = browse::actors(store.conn(), &all(10)).unwrap();
    let actors = column(&table, "actor");
    assert_eq!(actors[0], text("USA"));
    assert_eq!(column(&table, "events")[0], Cell::Int(3));
    assert!(!actors.contains(&text("")));
    let only_prk = EventFilter {
        actor: Some("PRK".into()),
        ..all(10)
    };
    let table = browse::actors(store.conn(), &only_prk).unwrap();
    let usa = table.rows.iter().find(|r| r[0] == text("USA")).unwrap();
    assert_eq!((&usa[1], &usa[2]), (&Cell::Int(0), &Cell::Int(1)));
}

#[test]
fn pairs_need_two_actors() {
    let store = filled("pairs");
    let table = browse::dyads(store.conn(), &all(10)).unwrap();
    assert_eq!(table.rows.len(), 4);
    assert!(column(&table, "target").iter().all(|t| *t != text("")));
    let conflict = column(&table, "verbal_conflict");
    assert_eq!(conflict.iter().filter(|c| **c == Cell::Int(1)).count(), 2);
    let one = browse::dyads(store.conn(), &all(1)).unwrap();
    assert_eq!(one.rows.len(), 1);
}

#[test]
fn a_bad_date_is_an_invalid_argument() {
    let store = filled("dates");
    let filter = EventFilter {
        from: Some("yesterday".into()),
        ..all(10)
    };
    let err = browse::events_page(store.conn(), &filter, EventSort::Date, 0).unwrap_err();
    assert!(matches!(err, chronicle_store::StoreError::Invalid(_)));
}
