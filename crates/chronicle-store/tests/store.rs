//! The store end to end with hand-built articles that carry every layer (today's pipeline has
//! no events stage yet): dedup, GDELT-style event merging, queries, exports, migrations.

use std::path::PathBuf;

use chronicle_core::*;
use chronicle_store::period::Period;
use chronicle_store::query::{self, Cell, EventFilter};
use chronicle_store::{Held, Store, StoreError, export, schema};

fn db(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.db"));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    path
}

const BODY: &str = "North Korea's first vice foreign minister Choe Son Hui said on Saturday that \
    Pyongyang had no intention of resuming talks with the United States. “We do not feel any \
    need to sit face to face with the US,” she said in a statement carried by KCNA. At the \
    Hanoi summit in February 2019, North Korea offered to dismantle its main nuclear complex \
    at Yongbyon in return for sanctions relief, but the talks collapsed without a deal. The \
    statement came as the US deputy secretary of state prepared to visit Seoul for talks.";

fn event(sentence: usize, source: &str, target: &str, cameo: &str, date: &str) -> Event {
    Event {
        sentence,
        source: Some(source.into()),
        target: Some(target.into()),
        cameo: cameo.into(),
        plover: Some("REJECT".into()),
        goldstein: Some(-4.0),
        quad_class: Some(3),
        date: Some(date.into()),
        date_precision: DatePrecision::of(date),
        date_basis: DateBasis::Text,
        context: vec![EventContext::Historical],
        place: Some("Hanoi".into()),
        trigger: "ruled out".into(),
        source_text: Some("North Korea".into()),
        target_text: Some("the United States".into()),
        rule: "dictionaries/verbs.txt:12".into(),
    }
}

/// An article with every layer filled.
fn article(id: &str, url: Option<&str>, source: &str, body: &str) -> Article {
    let mut a = Article::new(id, body);
    a.url = url.map(str::to_string);
    a.source = Some(source.into());
    a.published = Some(jiff::civil::date(2020, 7, 6));
    a.title = Some("No interest in talks".into());
    a.sentences = vec![Sentence { start: 0, end: 10 }];
    a.entities = vec![Entity {
        start: 43,
        end: 55,
        text: "Choe Son Hui".into(),
        kind: EntityType::Person,
        canonical: "Choe Son Hui".into(),
        actor: Some("PRKGOV".into()),
    }];
    a.dates = vec![DateMention {
        start: 285,
        end: 298,
        text: "February 2019".into(),
        value: "2019-02".into(),
        kind: TimexType::Date,
    }];
    a.quotes = vec![Quote {
        start: 155,
        end: 211,
        text: "We do not feel any need to sit face to face with the US".into(),
        kind: QuoteKind::Direct,
        speaker: Some("Choe Son Hui".into()),
        speaker_actor: Some("PRKGOV".into()),
        cue: Some("said".into()),
        speaker_start: Some(213),
        speaker_end: Some(217),
        cue_start: Some(218),
        cue_end: Some(222),
        utterance: Some(0),
    }];
    a.places = vec![Place {
        start: 255,
        end: 260,
        text: "Hanoi".into(),
        name: "Hanoi".into(),
        country: Some("VN".into()),
        lat: Some(21.0245),
        lon: Some(105.84117),
        geonameid: Some(1581130),
        kind: Some(PlaceKind::City),
        admin1: Some("Hanoi".into()),
    }];
    a.events = vec![
        event(0, "PRKGOV", "USA", "125", "2020-07-04"),
        event(2, "PRK", "USA", "0211", "2019-02-28"),
    ];
    a.tone = Some(Tone {
        score: -2.5,
        positive: 1.0,
        negative: 3.5,
        polarity: 4.5,
        activity: 20.0,
        self_group: 0.5,
        word_count: 80,
    });
    a.themes = vec![ThemeHit {
        theme: "NEGOTIATIONS".into(),
        start: 120,
        end: 125,
    }];
    a.counts = vec![Count {
        kind: "PROTEST".into(),
        number: 12.0,
        object: "people".into(),
        start: 10,
        end: 12,
        place: Some("Hanoi".into()),
    }];
    a.amounts = vec![Amount {
        number: 2.0,
        object: "talks".into(),
        start: 20,
        end: 22,
    }];
    a
}

fn int(cell: &Cell) -> i64 {
    match cell {
        Cell::Int(n) => *n,
        other => panic!("not an integer: {other:?}"),
    }
}

fn stat(store: &Store, what: &str) -> i64 {
    let t = query::stats(store.conn()).unwrap();
    let row = t
        .rows
        .iter()
        .find(|r| r[0] == Cell::Text(what.into()))
        .unwrap();
    int(&row[1])
}

#[test]
fn duplicates_are_skipped_and_copies_linked_without_double_counting() {
    let path = db("dedup");
    let mut sink = Store::open(&path).unwrap().into_sink().unwrap();
    let first = article("a1", Some("https://x.org/1"), "x.org", BODY);
    assert_eq!(sink.store(&first).unwrap(), None);
    assert_eq!(sink.store(&first).unwrap(), Some(Held::Id));
    let same_url = article("a2", Some("https://x.org/1"), "x.org", "Other text.");
    assert_eq!(sink.store(&same_url).unwrap(), Some(Held::Url));
    let same_text = article("a3", None, "y.org", &BODY.to_uppercase());
    assert_eq!(sink.store(&same_text).unwrap(), Some(Held::Text));
    // A wire copy on another site with a dateline: stored, linked, not counted again.
    let copy = article(
        "a4",
        Some("https://y.org/9"),
        "y.org",
        &format!("SEOUL (AP) — {BODY}"),
    );
    assert_eq!(sink.store(&copy).unwrap(), None);
    // An independent report of one of the same events by a third outlet.
    let mut other = article(
        "a5",
        Some("https://z.org/5"),
        "z.org",
        "Pyongyang rejected talks.",
    );
    other.events = vec![event(0, "PRKGOV", "USA", "125", "2020-07-04"); 2];
    assert_eq!(sink.store(&other).unwrap(), None);
    sink.commit().unwrap();
    let counts = sink.counts();
    assert_eq!((counts.stored, counts.copies, counts.skipped()), (3, 1, 3));
    drop(sink);

    let store = Store::open_existing(&path).unwrap();
    assert_eq!(stat(&store, "articles"), 3);
    assert_eq!(stat(&store, "near_duplicate_copies"), 1);
    assert_eq!(stat(&store, "events"), 2);
    assert_eq!(stat(&store, "event_mentions"), 6);
    let t = query::events(
        store.conn(),
        &EventFilter {
            code: Some("125".into()),
            limit: 10,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(t.rows.len(), 1);
    let col = |name: &str| t.columns.iter().position(|c| *c == name).unwrap();
    // Mentions: 1 in a1, 2 in a5; the copy a4 adds none. Articles a1 and a5; sources x and z.
    assert_eq!(int(&t.rows[0][col("mentions")]), 3);
    assert_eq!(int(&t.rows[0][col("articles")]), 2);
    assert_eq!(int(&t.rows[0][col("sources")]), 2);
    assert_eq!(
        t.rows[0][col("first_source_url")],
        Cell::Text("https://x.org/1".into())
    );
}

#[test]
fn an_uncommitted_batch_is_lost_whole_and_nothing_else() {
    let path = db("crash");
    let mut sink = Store::open(&path).unwrap().into_sink().unwrap();
    sink.store(&article("a1", None, "x.org", BODY)).unwrap();
    sink.commit().unwrap();
    sink.store(&article("a2", None, "x.org", "Another story entirely."))
        .unwrap();
    drop(sink); // as if killed before COMMIT
    let store = Store::open(&path).unwrap();
    let ok: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    assert_eq!(stat(&store, "articles"), 1);
    assert_eq!(stat(&store, "event_mentions"), 2);
    assert_eq!(
        store
            .already_stored(&article("a1", None, "x", "zzz"))
            .unwrap(),
        Some(Held::Id)
    );
}

#[test]
fn jsonl_export_gives_back_what_extract_printed() {
    let path = db("jsonl");
    let mut sink = Store::open(&path).unwrap().into_sink().unwrap();
    let mut a = article("a1", Some("https://x.org/1"), "x.org", BODY);
    a.description = Some("A \"quoted\" description\twith a tab".into());
    a.sections = vec!["Flashpoints".into(), "East Asia".into()];
    let b = Article::new("bare", "Nothing but a body.\n\nTwo paragraphs.");
    for x in [&a, &b] {
        chronicle_core::Sink::accept(&mut sink, x.clone()).unwrap();
    }
    chronicle_core::Sink::finish(&mut sink).unwrap();
    let store = Store::open_existing(&path).unwrap();
    let mut out = Vec::new();
    assert_eq!(export::jsonl(store.conn(), &mut out).unwrap(), 2);
    let expected = format!(
        "{}\n{}\n",
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    assert_eq!(String::from_utf8(out).unwrap(), expected);
}

#[test]
fn queries_answer_by_actor_date_code_text_week_and_speaker() {
    let path = db("queries");
    let mut sink = Store::open(&path).unwrap().into_sink().unwrap();
    sink.store(&article("a1", None, "x.org", BODY)).unwrap();
    sink.commit().unwrap();
    drop(sink);
    let store = Store::open_existing(&path).unwrap();
    let c = store.conn();
    let events = |f: EventFilter| {
        query::events(c, &EventFilter { limit: 100, ..f })
            .unwrap()
            .rows
            .len()
    };
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        events(EventFilter {
            actor: s("PRK"),
            target: s("USA"),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        events(EventFilter {
            actor: s("PRKGOV"),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        events(EventFilter {
            actor: s("PR%"),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        events(EventFilter {
            code: s("02"),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        events(EventFilter {
            code: s("12"),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        events(EventFilter {
            from: s("2019-01-01"),
            to: s("2019-12-31"),
            ..Default::default()
        }),
        1
    );
    // A year or a month stands for the whole of it; codes match in any case; either side.
    assert_eq!(
        events(EventFilter {
            from: s("2019"),
            to: s("2019"),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        events(EventFilter {
            to: s("2019-02"),
            ..Default::default()
        }),
        1
    );
    assert!(
        query::events(
            c,
            &EventFilter {
                from: s("19"),
                ..Default::default()
            }
        )
        .is_err()
    );
    assert_eq!(
        events(EventFilter {
            actor: s("prk"),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        events(EventFilter {
            actor: s("USA"),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        events(EventFilter {
            actor: s("usa"),
            actor_side: query::ActorSide::Either,
            ..Default::default()
        }),
        2
    );
    // Newest first, with the codes' names.
    let t = query::events(
        c,
        &EventFilter {
            limit: 1,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        t.rows.len(),
        2,
        "one more than the limit says the list was cut"
    );
    let col = |name: &str| t.columns.iter().position(|c| *c == name).unwrap();
    assert_eq!(t.rows[0][col("date")], Cell::Text("2020-07-04".into()));
    assert_eq!(
        t.rows[0][col("source_country")],
        Cell::Text("North Korea".into())
    );
    assert!(matches!(&t.rows[0][col("code_name")], Cell::Text(n) if !n.is_empty()));
    let hits = query::search(c, "Yongbyon", 10).unwrap();
    assert_eq!(hits.rows.len(), 1);
    let Cell::Text(snippet) = &hits.rows[0][4] else {
        panic!()
    };
    assert!(snippet.contains("[Yongbyon]"), "{snippet}");
    // Unbalanced quotes are not FTS5 syntax: retried as plain words.
    assert_eq!(
        query::search(c, "\"Hanoi summit", 10).unwrap().rows.len(),
        1
    );
    assert_eq!(query::search(c, "Tokyo", 10).unwrap().rows.len(), 0);
    let weeks = query::timeline(
        c,
        &EventFilter {
            actor: s("PRK"),
            ..Default::default()
        },
        Period::Week,
    )
    .unwrap()
    .table;
    let w: Vec<String> = weeks.rows.iter().map(|r| format!("{:?}", r[0])).collect();
    assert_eq!(w, ["Text(\"2019-W09\")", "Text(\"2020-W27\")"]);
    assert_eq!(int(&weeks.rows[0][3]), 1, "verbal conflict");
    let quotes = query::quotes(c, Some("choe son hui"), None, 10).unwrap();
    assert_eq!(quotes.rows.len(), 1);
    assert_eq!(
        query::quotes(c, None, Some("PRK"), 10).unwrap().rows.len(),
        1
    );
    assert_eq!(
        query::quotes(c, Some("Kim"), None, 10).unwrap().rows.len(),
        0
    );
}

/// A date that names only a month or a year is counted by month or by year, never in a week it
/// does not name: no spike in the first week of 2017 for "in 2017".
#[test]
fn timelines_count_an_event_only_in_periods_its_date_pins_down() {
    let path = db("periods");
    let mut sink = Store::open(&path).unwrap().into_sink().unwrap();
    let mut a = article("a1", None, "x.org", BODY);
    a.events = vec![
        event(0, "PRK", "USA", "0211", "2019-02-28"),
        event(0, "PRK", "USA", "0211", "2019-02"),
        event(0, "PRK", "USA", "0211", "2019"),
        event(0, "PRK", "USA", "0211", "2020-W27"),
    ];
    sink.store(&a).unwrap();
    sink.commit().unwrap();
    drop(sink);
    let store = Store::open_existing(&path).unwrap();
    let rows = |period| {
        let t = query::timeline(store.conn(), &EventFilter::default(), period).unwrap();
        let rows: Vec<(String, i64)> = t
            .table
            .rows
            .iter()
            .map(|r| (format!("{:?}", r[0]), int(&r[5])))
            .collect();
        (t.table.columns[0], rows, t.left_out)
    };
    let text = |s: &str| format!("Text({s:?})");
    assert_eq!(
        rows(Period::Week),
        (
            "week",
            vec![(text("2019-W09"), 1), (text("2020-W27"), 1)],
            2
        )
    );
    assert_eq!(
        rows(Period::Month),
        ("month", vec![(text("2019-02"), 2), (text("2020-07"), 1)], 1)
    );
    assert_eq!(
        rows(Period::Year),
        ("year", vec![(text("2019"), 3), (text("2020"), 1)], 0)
    );
}

#[test]
fn gdelt_and_gkg_rows_have_their_column_counts_and_values() {
    let path = db("exports");
    let mut sink = Store::open(&path).unwrap().into_sink().unwrap();
    sink.store(&article("a1", Some("https://x.org/1"), "x.org", BODY))
        .unwrap();
    sink.commit().unwrap();
    drop(sink);
    let store = Store::open_existing(&path).unwrap();
    let mut out = Vec::new();
    let options = export::gdelt::Options::default();
    assert_eq!(
        export::gdelt::write(store.conn(), &options, &mut out).unwrap(),
        2
    );
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 61));
    let r = &rows[0];
    assert_eq!((r[1], r[2], r[3]), ("20200704", "202007", "2020"));
    assert_eq!(
        (r[5], r[6], r[7], r[12]),
        ("PRKGOV", "North Korea", "PRK", "GOV")
    );
    assert_eq!((r[15], r[17]), ("USA", "USA"));
    assert_eq!(
        (r[25], r[26], r[27], r[28], r[29], r[30]),
        ("1", "125", "125", "12", "3", "-4")
    );
    assert_eq!((r[31], r[32], r[33], r[34]), ("1", "1", "1", "-2.5"));
    // ActionGeo: a world city, FIPS country code, no FIPS ADM1 table outside the US.
    assert_eq!(
        (r[51], r[52], r[53], r[54]),
        ("4", "Hanoi, Vietnam", "VM", "")
    );
    assert_eq!((r[56], r[57], r[58]), ("21.0245", "105.84117", "1581130"));
    assert_eq!(r[60], "https://x.org/1");
    assert_eq!(rows[1][25], "0");

    let mut out = Vec::new();
    assert_eq!(
        export::gkg::write(store.conn(), false, &mut out).unwrap(),
        1
    );
    let text = String::from_utf8(out).unwrap();
    // --header: one line of the codebook's names above the same rows.
    let mut headed = Vec::new();
    assert_eq!(
        export::gkg::write(store.conn(), true, &mut headed).unwrap(),
        1
    );
    let headed = String::from_utf8(headed).unwrap();
    let (names, rest) = headed.split_once('\n').unwrap();
    assert_eq!(names.split('\t').count(), 27);
    assert!(names.starts_with("GKGRECORDID\tV2.1DATE\t"), "{names}");
    assert_eq!(rest, text);
    let r: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
    assert_eq!(r.len(), 27);
    assert_eq!(
        (r[1], r[3], r[4]),
        ("20200706000000", "x.org", "https://x.org/1")
    );
    assert_eq!(
        r[5],
        "PROTEST#12#people#4#Hanoi, Vietnam#VM##21.0245#105.84117#1581130"
    );
    assert_eq!((r[7], r[8]), ("NEGOTIATIONS", "NEGOTIATIONS,120"));
    assert_eq!(r[11], "Choe Son Hui");
    assert_eq!(r[15], "-2.5,1,3.5,4.5,20,0.5,80");
    assert_eq!(r[16], "2#2#0#2019#285");
    assert_eq!(
        r[22],
        "155|56|said|We do not feel any need to sit face to face with the US|Choe Son Hui|213|4|218|0"
    );
    assert_eq!(r[24], "2,talks,20");
}

#[test]
fn undated_events_merge_within_their_story_only_and_dates_keep_their_precision() {
    let path = db("undated");
    let mut sink = Store::open(&path).unwrap().into_sink().unwrap();
    let undated = |id: &str, body: &str| {
        let mut a = article(id, None, id, body);
        a.published = None;
        a.events = vec![
            event(0, "GBRGOV", "USA", "010", ""),
            event(0, "GBRGOV", "USA", "010", ""),
        ];
        for e in &mut a.events {
            e.date = None;
        }
        a
    };
    sink.store(&undated("u1", "One story about London."))
        .unwrap();
    sink.store(&undated("u2", "Another story, unrelated."))
        .unwrap();
    let mut dated = article("d1", None, "d1", "A dated story.");
    dated.events = vec![
        event(0, "PRK", "USA", "120", "2005"),
        event(0, "PRK", "USA", "120", "2005-03"),
    ];
    sink.store(&dated).unwrap();
    assert_eq!(sink.counts().undated, 2);
    sink.commit().unwrap();
    drop(sink);
    let store = Store::open_existing(&path).unwrap();
    let undated_rows: Vec<(i64, i64)> = store
        .conn()
        .prepare("SELECT num_mentions, num_articles FROM events WHERE code = '010' ORDER BY 1")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        undated_rows,
        [(2, 1), (2, 1)],
        "one event per undated story"
    );
    let precisions: Vec<(String, String, Option<i64>)> = store
        .conn()
        .prepare("SELECT day, date_precision, day_num FROM events ORDER BY day")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        precisions,
        [
            (String::new(), "none".to_string(), None),
            (String::new(), "none".to_string(), None),
            ("2005".into(), "year".into(), Some(20050101)),
            ("2005-03".into(), "month".into(), Some(20050301)),
        ]
    );
    // GDELT rows: the period's first day, marked by the DatePrecision extra column.
    let mut out = Vec::new();
    let options = export::gdelt::Options {
        header: true,
        extras: true,
        added: None,
        filter: EventFilter {
            actor: Some("prk".into()),
            from: Some("2005".into()),
            to: Some("2005-03".into()),
            ..EventFilter::default()
        },
    };
    assert_eq!(
        export::gdelt::write(store.conn(), &options, &mut out).unwrap(),
        2
    );
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0][0], "GLOBALEVENTID");
    assert_eq!(rows[0][61], "DatePrecision");
    assert!(rows.iter().all(|r| r.len() == 66));
    let got: Vec<(&str, &str, &str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[1], r[61], r[62], r[64]))
        .collect();
    assert_eq!(
        got,
        [
            ("20050101", "year", "North Korea", "Reject"),
            ("20050301", "month", "North Korea", "Reject")
        ]
    );
}

#[test]
fn an_older_schema_migrates_and_a_newer_or_foreign_one_is_refused() {
    let path = db("v1");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, &path, 1).unwrap();
        conn.execute(
            "INSERT INTO articles (id, body, title, ingested_at, doc) VALUES ('old', \
             'Talks at Yongbyon.', 't', '20200101000000', '{\"id\":\"old\",\"body\":\"\"}')",
            [],
        )
        .unwrap();
        conn.execute_batch(
            "INSERT INTO events (day, source, target, code, place, first_aid, date_added) VALUES \
             ('2019-02', 'PRK', 'USA', '120', '', 1, '20200101000000'), \
             ('', 'GBR', 'USA', '010', '', 1, '20200101000000');",
        )
        .unwrap();
    }
    let store = Store::open_existing(&path).unwrap();
    assert_eq!(schema::version(store.conn()).unwrap(), schema::LATEST);
    let precisions: Vec<String> = store
        .conn()
        .prepare("SELECT date_precision FROM events ORDER BY event_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(precisions, ["month", "none"], "filled by the migration");
    assert_eq!(
        query::search(store.conn(), "Yongbyon", 5)
            .unwrap()
            .rows
            .len(),
        1
    );
    store
        .conn()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    drop(store);
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("upgrade chronicle"));

    let foreign = db("foreign");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let err = Store::open(&foreign).err().unwrap();
    assert!(
        err.to_string().contains("not a Chronicle database"),
        "{err}"
    );
    assert!(Store::open_existing(&db("missing")).is_err());
}

#[test]
fn parquet_with_many_row_groups_and_nulls_reads_back_in_pyarrow() {
    use chronicle_store::export::parquet_file::{Column, Kind, ParquetWriter};
    let have_pyarrow = std::process::Command::new("python3")
        .args(["-c", "import pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have_pyarrow {
        eprintln!("note: python3 with pyarrow is absent; read-back skipped");
        return;
    }
    let path = db("groups").with_extension("parquet");
    let columns = vec![
        Column {
            name: "n",
            kind: Kind::Int64,
        },
        Column {
            name: "x",
            kind: Kind::Double,
        },
        Column {
            name: "s",
            kind: Kind::Utf8,
        },
        Column {
            name: "d",
            kind: Kind::Date,
        },
    ];
    let file = std::fs::File::create(&path).unwrap();
    let mut w = ParquetWriter::new(file, columns)
        .unwrap()
        .with_row_group_bytes(1000);
    for i in 0..1000i64 {
        let null = i % 3 == 0;
        w.push(&[
            Cell::Int(i),
            if null {
                Cell::Null
            } else {
                Cell::Real(i as f64 / 2.0)
            },
            if i % 5 == 0 {
                Cell::Null
            } else {
                Cell::Text(format!("é{i}"))
            },
            Cell::Int(18000 + i),
        ])
        .unwrap();
    }
    let (_, rows) = w.finish().unwrap();
    assert_eq!(rows, 1000);
    let script = "import sys, pyarrow.parquet as pq\n\
        f = pq.ParquetFile(sys.argv[1]); t = f.read()\n\
        assert f.metadata.num_row_groups > 10, f.metadata.num_row_groups\n\
        assert t.num_rows == 1000\n\
        assert t.column('n').to_pylist() == list(range(1000))\n\
        assert t.column('x').null_count == 334, t.column('x').null_count\n\
        assert t.column('s').to_pylist()[:3] == [None, 'é1', 'é2']\n\
        assert str(t.column('d').to_pylist()[0]) == '2019-04-14'\n\
        assert sum(v for v in t.column('x').to_pylist() if v) == sum(i / 2 for i in range(1000) if i % 3)\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script, path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn docs_schema_names_every_table_and_column() {
    let doc = include_str!("../../../docs/schema.md");
    // Documented: `### `table`` headings, then `| `column` | TYPE | ... |` rows.
    let mut documented = std::collections::BTreeSet::new();
    let mut table = None;
    for line in doc.lines() {
        if let Some(name) = line.strip_prefix("### `") {
            table = name.strip_suffix('`').map(str::to_string);
        } else if let (Some(t), Some(rest)) = (&table, line.strip_prefix("| `")) {
            if let Some((column, _)) = rest.split_once('`') {
                documented.insert(format!("{t}.{column}"));
            }
        } else if line.starts_with("## ") {
            table = None;
        }
    }
    let path = db("schema-doc");
    let store = Store::open(&path).unwrap();
    let actual: std::collections::BTreeSet<String> = store
        .conn()
        .prepare(
            "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'articles_fts%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let missing: Vec<_> = actual.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&actual).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "docs/schema.md lacks {missing:?}; documents what is gone: {stale:?}"
    );
}

#[test]
fn mentions_export_points_at_the_words_of_each_mention() {
    let path = db("mentions");
    let mut sink = Store::open(&path).unwrap().into_sink().unwrap();
    let body = "Intro line here. North Korea rejected talks with the United States in Hanoi.";
    let mut a = article("m1", Some("https://x.org/m1"), "x.org", body);
    a.sentences = vec![
        Sentence { start: 0, end: 16 },
        Sentence { start: 17, end: 76 },
    ];
    a.places = vec![Place {
        start: 71,
        end: 76,
        text: "Hanoi".into(),
        name: "Hanoi".into(),
        country: Some("VN".into()),
        lat: Some(21.0245),
        lon: Some(105.84117),
        geonameid: Some(1581130),
        kind: Some(PlaceKind::City),
        admin1: Some("Hanoi".into()),
    }];
    let mut e = event(1, "PRK", "USA", "120", "2020-07-04");
    e.trigger = "rejected".into();
    a.events = vec![e];
    sink.store(&a).unwrap();
    sink.commit().unwrap();
    drop(sink);
    let store = Store::open_existing(&path).unwrap();
    let mut out = Vec::new();
    let filter = EventFilter::default();
    let n = export::mentions::write(store.conn(), &filter, true, &mut out).unwrap();
    assert_eq!(n, 1);
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 16));
    assert_eq!(rows[0][7], "Actor1CharOffset");
    let r = &rows[1];
    let at = |i: usize| r[i].parse::<usize>().unwrap();
    let chars: Vec<char> = body.chars().collect();
    let word = |from: usize, len: usize| chars[from..from + len].iter().collect::<String>();
    assert_eq!(r[6], "2", "sentence ids count from 1");
    assert_eq!(word(at(7), 11), "North Korea");
    assert_eq!(word(at(8), 17), "the United States");
    assert_eq!(word(at(9), 8), "rejected");
    assert_eq!(r[5], "https://x.org/m1");
    assert_eq!(at(12), chars.len());
    // The same article's GDELT row places both actors and the action in Hanoi, the one
    // place of their sentence.
    let mut out = Vec::new();
    export::gdelt::write(store.conn(), &Default::default(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let g: Vec<&str> = text.trim_end().split('\t').collect();
    assert_eq!((g[35], g[36], g[37]), ("4", "Hanoi, Vietnam", "VM"));
    assert_eq!((g[43], g[45]), ("4", "VM"));
    assert_eq!((g[51], g[53]), ("4", "VM"));
}

#[test]
fn every_parquet_table_writes_one_row_per_stored_row() {
    use export::parquet::ParquetTable as T;
    let path = db("parquet-tables");
    let mut sink = Store::open(&path).unwrap().into_sink().unwrap();
    sink.store(&article("p1", Some("https://x.org/p1"), "x.org", BODY))
        .unwrap();
    sink.commit().unwrap();
    drop(sink);
    let store = Store::open_existing(&path).unwrap();
    for (table, sql) in [
        (T::Events, "SELECT count(*) FROM events"),
        (T::Articles, "SELECT count(*) FROM articles"),
        (T::Mentions, "SELECT count(*) FROM mentions"),
        (T::Quotes, "SELECT count(*) FROM quotes"),
        (T::Entities, "SELECT count(*) FROM entities"),
        (T::Places, "SELECT count(*) FROM places"),
    ] {
        let file = path.with_extension(format!("{table:?}.parquet"));
        let n = export::parquet::write(store.conn(), table, &file).unwrap();
        let want: i64 = store.conn().query_row(sql, [], |r| r.get(0)).unwrap();
        assert!(want > 0, "{table:?}");
        assert_eq!(n, want, "{table:?}");
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    }
    // The names beside the codes come from the project's tables.
    let t = export::parquet::columns(T::Events);
    assert!(t.iter().any(|c| c.name == "code_name"));
    assert!(t.iter().any(|c| c.name == "date_precision"));
}

#[test]
fn gkg_header_names_the_columns_as_the_codebook_does() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/gdelt_gkg21_columns.tsv");
    let Ok(table) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let codebook: Vec<&str> = table
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    assert_eq!(codebook, export::gkg::COLUMN_NAMES);
}
