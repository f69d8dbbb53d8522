//! The HTTP API end to end, in-process: a database made from the team's example articles
//! (`examples/articles`, annotated by the standard pipeline), requests through the router, and
//! what comes back: pages, orders, filters, articles, errors, limits, extraction and ingest.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chronicle_ingest::InputError;
use chronicle_server::{AppState, Config, router};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

const TOKEN: &str = "test-token-0123456789";

/// The example articles, annotated and stored once per test binary.
fn example_db() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let path = fresh_path("examples");
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
        let pipeline = chronicle_nlp::Pipeline::standard();
        let mut sink = chronicle_store::Store::open(&path)
            .unwrap()
            .into_sink()
            .unwrap();
        let tally = chronicle_driver::run(
            chronicle_driver::Inputs::Paths(vec![examples]),
            &chronicle_driver::Options::default(),
            &pipeline,
            &mut sink,
            &mut Strict,
        )
        .unwrap();
        assert_eq!(tally.handed, 6, "the six example articles");
        path
    })
}

/// Fails the test on any input problem: the examples are clean.
struct Strict;

impl chronicle_driver::Observer for Strict {
    fn input_error(&mut self, err: &InputError) {
        panic!("{err}");
    }

    fn warning(&mut self, message: &str) {
        panic!("{message}");
    }
}

fn fresh_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-server-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.db"));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    path
}

fn app_for(db: &Path, token: Option<&str>, max_body: usize) -> Router {
    let config = Config {
        db: db.to_path_buf(),
        ingest_token: token.map(str::to_string),
        max_body,
        ..Config::default()
    };
    router(AppState::open(&config).unwrap())
}

fn app() -> Router {
    app_for(example_db(), None, 1 << 20)
}

/// Sends a request; the status and the body parsed as JSON.
async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, json)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn post_json(uri: &str, body: &str, token: Option<&str>) -> Request<Body> {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    request.body(Body::from(body.to_string())).unwrap()
}

fn error_code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("")
}

#[tokio::test]
async fn events_come_in_pages_that_cover_every_event_once() {
    let app = app();
    let (_, stats) = get(&app, "/api/stats").await;
    let total = stats["events"].as_u64().unwrap() as usize;
    assert!(total > 20, "the examples give events");
    let mut seen = Vec::new();
    let mut offset = Some(0);
    while let Some(at) = offset {
        let (status, page) = get(&app, &format!("/api/events?limit=7&offset={at}")).await;
        assert_eq!(status, StatusCode::OK);
        let events = page["events"].as_array().unwrap();
        assert!(events.len() <= 7);
        seen.extend(events.iter().map(|e| e["event_id"].as_i64().unwrap()));
        offset = page["next_offset"].as_u64();
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (total, total));
}

#[tokio::test]
async fn events_sort_and_filter_as_asked() {
    let app = app();
    let (_, newest) = get(&app, "/api/events?sort=-date&limit=500").await;
    let days: Vec<&str> = newest["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .filter(|d| d.len() == 10)
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    let (_, usa) = get(&app, "/api/events?actor=usa&limit=500").await;
    let usa = usa["events"].as_array().unwrap();
    assert!(!usa.is_empty());
    assert!(
        usa.iter()
            .all(|e| e["source"].as_str().unwrap().starts_with("USA"))
    );
    let (_, conflict) = get(&app, "/api/events?code=1&limit=500").await;
    assert!(
        conflict["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["code"].as_str().unwrap().starts_with('1'))
    );
}

#[tokio::test]
async fn an_event_leads_to_its_article_sentence_and_rule() {
    let app = app();
    let (_, page) = get(&app, "/api/events?limit=1&sort=mentions").await;
    let event = &page["events"][0];
    let id = event["article_id"].as_str().unwrap();
    let (status, article) = get(&app, &format!("/api/articles/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let ordinal = event["ordinal"].as_u64().unwrap() as usize;
    let coded = &article["events"][ordinal];
    assert_eq!(coded["cameo"], event["code"]);
    assert_eq!(coded["sentence"], event["sentence"]);
    assert_eq!(coded["rule"], event["rule"]);
    assert!(article["body"].as_str().unwrap().len() > 100);
    for layer in ["sentences", "entities", "dates", "quotes", "events"] {
        assert!(article[layer].is_array(), "{layer}");
    }
}

#[tokio::test]
async fn the_other_questions_answer_in_shape() {
    let app = app();
    let (_, actors) = get(&app, "/api/actors?limit=5").await;
    let actors = actors["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 5);
    let counts: Vec<u64> = actors
        .iter()
        .map(|a| a["events"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    let (_, network) = get(&app, "/api/network?limit=3").await;
    assert_eq!(network["pairs"].as_array().unwrap().len(), 3);
    let (_, timeline) = get(&app, "/api/timeline").await;
    assert_eq!(timeline["by"], "week");
    let weeks = timeline["rows"].as_array().unwrap();
    assert!(!weeks.is_empty());
    assert!(
        weeks
            .iter()
            .all(|w| w["period"].as_str().unwrap().contains("-W"))
    );
    // Years count every event a week counts, and those dated only to a month or a year.
    let (_, years) = get(&app, "/api/timeline?by=year").await;
    let sum = |rows: &Value| -> u64 {
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r["events"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(
        sum(&years["rows"]),
        sum(&timeline["rows"]) + timeline["left_out"].as_u64().unwrap()
    );
    assert_eq!(years["left_out"], 0);
    let (status, bad) = get(&app, "/api/timeline?by=day").await;
    assert_eq!(status, 400);
    assert!(
        bad["error"]["message"]
            .as_str()
            .unwrap()
            .contains("week, month or year"),
        "{bad}"
    );
    let (_, quotes) = get(&app, "/api/quotes?limit=2").await;
    assert_eq!(quotes["quotes"].as_array().unwrap().len(), 2);
    let (_, search) = get(&app, "/api/search?q=summit").await;
    let hits = search["results"].as_array().unwrap();
    assert!(hits.iter().any(|h| h["id"] == "01_singapore_summit"));
    let (_, odd) = get(&app, "/api/search?q=%22unbalanced%20AND").await;
    assert!(
        odd["results"].is_array(),
        "a query FTS5 cannot parse is retried as words"
    );
    let (_, codes) = get(&app, "/api/codes").await;
    assert_eq!(codes["codes"]["190"]["quad_class"], 4);
}

#[tokio::test]
async fn bad_requests_get_json_errors_with_fitting_statuses() {
    let app = app();
    for (uri, status, code) in [
        ("/api/events?limit=501", 400, "bad_request"),
        ("/api/events?limit=0", 400, "bad_request"),
        ("/api/events?limit=x", 400, "bad_request"),
        ("/api/events?offset=100001", 400, "bad_request"),
        ("/api/events?sort=event_id;drop", 400, "bad_request"),
        ("/api/events?actor=PRK%27%20OR%201=1", 400, "bad_request"),
        ("/api/events?from=2019-13-45", 400, "bad_request"),
        ("/api/search", 400, "bad_request"),
        ("/api/search?q=%20", 400, "bad_request"),
        ("/api/articles/no-such-article", 404, "not_found"),
        ("/api/nothing", 404, "not_found"),
        ("/nothing", 404, "not_found"),
        ("/assets/secret.txt", 404, "not_found"),
    ] {
        let (got, body) = get(&app, uri).await;
        assert_eq!(got.as_u16(), status, "{uri}: {body}");
        assert_eq!(error_code(&body), code, "{uri}");
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    }
    let long = format!("/api/search?q={}", "a".repeat(201));
    assert_eq!(get(&app, &long).await.0, StatusCode::BAD_REQUEST);
    let (status, body) = send(&app, post_json("/api/events", "{}", None)).await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
}

#[tokio::test]
async fn a_loopback_server_answers_only_loopback_hosts() {
    let app = app();
    let ask = |host: &str| {
        Request::get("/api/stats")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(send(&app, ask("127.0.0.1:8080")).await.0, StatusCode::OK);
    assert_eq!(send(&app, ask("localhost")).await.0, StatusCode::OK);
    let (status, body) = send(&app, ask("attacker.example:8080")).await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::MISDIRECTED_REQUEST, "misdirected")
    );
}

#[tokio::test]
async fn extract_returns_the_contract_and_stores_nothing() {
    let app = app();
    let (_, before) = get(&app, "/api/stats").await;
    let article = r#"{"id": "x1", "published": "2020-07-06", "text":
        "North Korea rejected talks with the United States on Saturday. Kim Yo Jong said \"we do not need talks\" in a statement."}"#;
    let (status, body) = send(&app, post_json("/api/extract", article, None)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["id"], "x1");
    assert_eq!(body["published"], "2020-07-06");
    assert!(!body["sentences"].as_array().unwrap().is_empty());
    assert!(!body["entities"].as_array().unwrap().is_empty());
    let (_, after) = get(&app, "/api/stats").await;
    assert_eq!(before["articles"], after["articles"]);
    assert_eq!(get(&app, "/api/articles/x1").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn extract_refuses_what_it_cannot_use() {
    let app = app_for(example_db(), None, 4096);
    let plain = Request::post("/api/extract")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("{\"text\": \"x\"}"))
        .unwrap();
    assert_eq!(
        send(&app, plain).await.0,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    for (body, status) in [
        ("{", StatusCode::BAD_REQUEST),
        ("{}", StatusCode::BAD_REQUEST),
        (r#"{"text": "  "}"#, StatusCode::BAD_REQUEST),
        (r#"{"html": "  "}"#, StatusCode::BAD_REQUEST),
    ] {
        let (got, json) = send(&app, post_json("/api/extract", body, None)).await;
        assert_eq!(got, status, "{body}: {json}");
    }
    let big = format!(r#"{{"text": "{}"}}"#, "a".repeat(5000));
    let (status, body) = send(&app, post_json("/api/extract", &big, None)).await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::PAYLOAD_TOO_LARGE, "too_large")
    );
}

/// The server reads a request's article as `chronicle extract` reads a JSON line.
#[tokio::test]
async fn extract_reads_a_record_as_the_reader_does() {
    let app = app();
    let both = r#"{"id": 17, "text": "Talks resumed in Geneva on Monday.",
        "html": "<p>Something else entirely.</p>"}"#;
    let (status, body) = send(&app, post_json("/api/extract", both, None)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["id"], "17", "a numeric id is read as its digits");
    assert_eq!(
        body["body"], "Talks resumed in Geneva on Monday.",
        "text wins over html"
    );

    let request = post_json(
        "/api/extract",
        r#"{"dct": "soon", "text": "Talks resumed in Geneva on Monday."}"#,
        None,
    );
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let warning = response.headers().get("x-chronicle-warning").cloned();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(
        body["published"],
        Value::Null,
        "an unreadable date is ignored"
    );
    assert_eq!(
        warning.unwrap().to_str().unwrap(),
        "request: unreadable publication date \"soon\"; ignored"
    );
}

#[tokio::test]
async fn ingest_needs_the_flag_and_the_token() {
    let article = r#"{"id": "new-1", "published": "2021-01-05", "text":
        "Russia condemned the new sanctions imposed by the European Union on Monday."}"#;
    let (status, body) = send(&app(), post_json("/api/ingest", article, Some(TOKEN))).await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::FORBIDDEN, "ingest_off")
    );

    let db = fresh_path("ingest");
    std::fs::copy(example_db(), &db).unwrap();
    let app = app_for(&db, Some(TOKEN), 1 << 20);
    let response = app
        .clone()
        .oneshot(post_json("/api/ingest", article, None))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.headers().contains_key(header::WWW_AUTHENTICATE));
    let wrong = send(
        &app,
        post_json("/api/ingest", article, Some("wrong-token-0123456789")),
    )
    .await;
    assert_eq!(wrong.0, StatusCode::UNAUTHORIZED);

    let (status, body) = send(&app, post_json("/api/ingest", article, Some(TOKEN))).await;
    assert_eq!(
        (status, &body["stored"]),
        (StatusCode::CREATED, &Value::Bool(true)),
        "{body}"
    );
    let (status, body) = send(&app, post_json("/api/ingest", article, Some(TOKEN))).await;
    assert_eq!(
        (status, &body["skipped"]),
        (StatusCode::OK, &Value::from("same id"))
    );
    let (status, stored) = get(&app, "/api/articles/new-1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["published"], "2021-01-05");
    // An id with slashes (a pile's `bbc/business/001`) is reachable as it is.
    let slashed = r#"{"id": "bbc/business/001", "published": "2005-03-01", "text":
        "France condemned the attack on the embassy in Kabul on Monday."}"#;
    let (status, _) = send(&app, post_json("/api/ingest", slashed, Some(TOKEN))).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, stored) = get(&app, "/api/articles/bbc/business/001").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["id"], "bbc/business/001");
}

#[tokio::test]
async fn latest_lists_the_articles_stored_last_first() {
    let app = app();
    let (status, body) = get(&app, "/api/latest?limit=3").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let articles = body["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3);
    let (_, all) = get(&app, "/api/latest").await;
    let all = all["articles"].as_array().unwrap();
    assert_eq!(all.len(), 6, "the six example articles");
    // Newest first: the first three of all are the three asked for, in order.
    assert_eq!(&all[..3], articles.as_slice());
    let stored: Vec<&str> = all
        .iter()
        .map(|a| a["stored_at"].as_str().unwrap())
        .collect();
    assert!(stored.windows(2).all(|w| w[0] >= w[1]), "{stored:?}");
    assert!(all.iter().any(|a| a["mentions"].as_i64().unwrap() > 0));
    let (status, body) = get(&app, "/api/latest?limit=0").await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::BAD_REQUEST, "bad_request")
    );
}

#[tokio::test]
async fn the_openapi_document_lists_every_route_and_each_answers() {
    let app = app();
    let (status, doc) = get(&app, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for route in [
        "/api/events",
        "/api/articles/{id}",
        "/api/actors",
        "/api/network",
        "/api/timeline",
        "/api/quotes",
        "/api/search",
        "/api/stats",
        "/api/latest",
        "/api/codes",
        "/api/extract",
        "/api/ingest",
        "/api/openapi.json",
    ] {
        assert!(paths.contains_key(route), "{route} is undocumented");
    }
    for (path, item) in paths {
        if item.get("get").is_none() || path.contains('{') {
            continue;
        }
        let uri = if path == "/api/search" {
            "/api/search?q=talks".to_string()
        } else {
            path.clone()
        };
        assert_eq!(get(&app, &uri).await.0, StatusCode::OK, "{uri}");
    }
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_with_their_types() {
    let app = app();
    for (uri, kind) in [
        ("/", "text/html"),
        ("/assets/app.js", "text/javascript"),
        ("/assets/app.css", "text/css"),
        ("/assets/favicon.svg", "image/svg+xml"),
    ] {
        let response = app
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        let headers = response.headers();
        let got = headers[header::CONTENT_TYPE].to_str().unwrap();
        assert!(got.starts_with(kind), "{uri}: {got}");
        assert!(headers.contains_key(header::CONTENT_SECURITY_POLICY));
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_requests_at_once_all_succeed() {
    let app = app();
    let mut tasks = Vec::new();
    for i in 0..64 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let uri = format!("/api/events?limit=5&offset={}", i % 10);
            get(&app, &uri).await.0
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::OK);
    }
}

#[tokio::test]
async fn a_missing_database_fails_at_start() {
    let config = Config {
        db: fresh_path("absent"),
        ..Config::default()
    };
    assert!(AppState::open(&config).is_err());
}
