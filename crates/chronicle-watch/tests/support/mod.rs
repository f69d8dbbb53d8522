//! A local news site for the watcher's tests: feeds good and bad, pages, and every way a site
//! can fail a crawler. The pages are the team's own short stories.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use chronicle_nlp::Pipeline;

/// The standard pipeline, loaded once for all tests of a binary.
pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::standard)
}

/// The site: its address, what was asked of it, and a flag a page request can raise.
pub struct Site {
    pub addr: SocketAddr,
    pub hits: Arc<Mutex<HashMap<String, usize>>>,
    /// Raised when `/news/stop-here.html` is served (the stop test's SIGTERM).
    pub stop: Arc<AtomicBool>,
}

impl Site {
    /// The absolute URL of `path` on the site.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// How many requests `path` got.
    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

#[derive(Clone)]
struct AppState {
    hits: Arc<Mutex<HashMap<String, usize>>>,
    stop: Arc<AtomicBool>,
    base: String,
}

/// Starts the site on a free port of the loopback interface, on a thread of its own.
pub fn start() -> Site {
    let hits = Arc::new(Mutex::new(HashMap::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState {
        hits: Arc::clone(&hits),
        stop: Arc::clone(&stop),
        base: format!("http://{addr}"),
    };
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            let app = Router::new().fallback(serve).with_state(state);
            axum::serve(listener, app).await.unwrap();
        });
    });
    Site { addr, hits, stop }
}

async fn serve(State(state): State<AppState>, request: Request) -> Response {
    let path = request.uri().path().to_string();
    *state.hits.lock().unwrap().entry(path.clone()).or_default() += 1;
    let headers = request.headers().clone();
    route(&state, &path, &headers).await
}

fn with_type(kind: &'static str, body: impl Into<Body>) -> Response {
    ([(header::CONTENT_TYPE, kind)], body.into()).into_response()
}

fn html(body: String) -> Response {
    with_type("text/html; charset=utf-8", body)
}

fn redirect(to: &str) -> Response {
    let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
    r.headers_mut()
        .insert(header::LOCATION, HeaderValue::from_str(to).unwrap());
    r
}

async fn route(state: &AppState, path: &str, headers: &HeaderMap) -> Response {
    let base = &state.base;
    match path {
        "/robots.txt" => with_type(
            "text/plain",
            "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n",
        ),
        "/feeds/world.xml" => {
            let etag = "\"world-1\"";
            if headers
                .get(header::IF_NONE_MATCH)
                .and_then(|v| v.to_str().ok())
                == Some(etag)
            {
                return StatusCode::NOT_MODIFIED.into_response();
            }
            let mut r = with_type("application/rss+xml", world_feed(base));
            r.headers_mut()
                .insert(header::ETAG, HeaderValue::from_static(etag));
            r
        }
        "/feeds/atom.xml" => with_type("application/atom+xml", atom_feed(base)),
        // A feed whose every link is stored in one round, with a Last-Modified date.
        "/feeds/calm.xml" => {
            let stamp = "Sun, 06 Dec 2026 08:00:00 GMT";
            let since = headers
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok());
            if since == Some(stamp) {
                return StatusCode::NOT_MODIFIED.into_response();
            }
            let mut r = with_type("application/rss+xml", calm_feed(base));
            r.headers_mut()
                .insert(header::LAST_MODIFIED, HeaderValue::from_static(stamp));
            r
        }
        "/feeds/sitemap.xml" => with_type("application/xml", news_sitemap(base)),
        "/feeds/index.xml" => with_type(
            "application/xml",
            "<sitemapindex><sitemap><loc>/feeds/sitemap.xml</loc></sitemap></sitemapindex>",
        ),
        "/feeds/broken.xml" => with_type(
            "application/rss+xml",
            "<rss><channel><item><title>Cut</title><link>/news/x.html</link></channel></rss>",
        ),
        "/feeds/empty.xml" => with_type(
            "application/rss+xml",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>",
        ),
        "/feeds/error.xml" => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        "/feeds/stop.xml" => with_type("application/rss+xml", stop_feed(base)),
        "/news/talks.html" => html(page("Envoys meet in Geneva", Some("2026-12-04"), TALKS)),
        // The same story under a second address (a syndicated copy).
        "/news/talks-copy.html" => html(page("Envoys meet in Geneva", Some("2026-12-04"), TALKS)),
        "/news/aid.html" => html(page(
            "Aid convoy reaches the north",
            Some("2026-12-05"),
            AID,
        )),
        // No <title> and no date: the feed's title and date must be used.
        "/news/untitled.html" => html(page_bare(PROTEST)),
        "/news/sanctions.html" => html(page("Ministers weigh new sanctions", None, SANCTIONS)),
        "/news/moved.html" => redirect("/news/aid.html"),
        "/news/loop-a.html" => redirect("/news/loop-b.html"),
        "/news/loop-b.html" => redirect("/news/loop-a.html"),
        "/news/huge.html" => html(format!(
            "<html><body><p>{}</p></body></html>",
            "word ".repeat(60_000)
        )),
        "/news/slow.html" => {
            tokio::time::sleep(Duration::from_secs(3)).await;
            html(page("Too late", None, AID))
        }
        "/news/flaky.html" => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        "/news/logo.png" => with_type("image/png", vec![0x89u8, b'P', b'N', b'G']),
        "/private/memo.html" => html(page("Private", None, TALKS)),
        "/news/stop-here.html" => {
            state.stop.store(true, Ordering::SeqCst);
            html(page(
                "Aid convoy reaches the north",
                Some("2026-12-05"),
                AID,
            ))
        }
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

const TALKS: &[&str] = &[
    "GENEVA — The foreign ministers of Iran and France met in Geneva on Thursday for talks on \
     the nuclear programme, diplomats said.",
    "France urged Iran to allow inspectors back into its enrichment sites before the end of the \
     year, and Iran promised to consider the request.",
    "The two ministers agreed to meet again in January, a French official said after the talks, \
     which lasted more than four hours.",
];

const AID: &[&str] = &[
    "KHARTOUM — A United Nations convoy carrying food and medicine reached the northern town of \
     Dongola on Friday after a week on the road.",
    "The Sudanese army escorted the trucks through the last checkpoint, and local officials \
     thanked the United Nations for the aid.",
    "Aid workers said the supplies would last about a month for the families who fled the \
     fighting further south.",
];

const PROTEST: &[&str] = &[
    "Thousands of workers marched through Athens on Saturday to protest against pension cuts \
     planned by the Greek government.",
    "Police fired tear gas at protesters near the parliament building, and the unions called a \
     general strike for next week.",
    "The finance minister defended the cuts and said Greece would keep its promises to its \
     European creditors.",
];

const SANCTIONS: &[&str] = &[
    "BRUSSELS — European Union ministers discussed new sanctions against Russia on Monday over \
     the detention of opposition leaders.",
    "Germany accused Russia of ignoring the rulings of the European Court of Human Rights, while \
     Hungary opposed further sanctions.",
    "The ministers asked the European Commission to draft a list of officials whose assets could \
     be frozen.",
];

fn page(title: &str, date: Option<&str>, paragraphs: &[&str]) -> String {
    let meta = date
        .map(|d| format!("<meta property=\"article:published_time\" content=\"{d}T08:00:00Z\">"))
        .unwrap_or_default();
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html><head><title>{title}</title>{meta}</head><body><nav><a href=\"/\">Home</a></nav>\
         <article><h1>{title}</h1>\n{body}</article><footer>Copyright The Test Times</footer></body></html>"
    )
}

fn page_bare(paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!("<!doctype html><html><body><article>\n{body}</article></body></html>")
}

fn world_feed(base: &str) -> String {
    let item = |path: &str, title: &str, date: &str| {
        format!(
            "<item><title>{title}</title><link>{base}{path}</link>\
             <description>&lt;p&gt;{title} (summary)&lt;/p&gt;</description>\
             <pubDate>{date}</pubDate></item>"
        )
    };
    let items = [
        item(
            "/news/talks.html",
            "Envoys meet in Geneva",
            "Fri, 04 Dec 2026 09:00:00 +0000",
        ),
        item(
            "/news/talks-copy.html",
            "Envoys meet (copy)",
            "Fri, 04 Dec 2026 09:05:00 +0000",
        ),
        item(
            "/news/moved.html",
            "Aid convoy",
            "Sat, 05 Dec 2026 10:00:00 +0000",
        ),
        item(
            "/news/gone.html",
            "Withdrawn story",
            "Sat, 05 Dec 2026 11:00:00 +0000",
        ),
        item(
            "/news/huge.html",
            "A very long page",
            "Sat, 05 Dec 2026 11:00:00 +0000",
        ),
        item(
            "/news/slow.html",
            "A slow page",
            "Sat, 05 Dec 2026 11:00:00 +0000",
        ),
        item(
            "/news/loop-a.html",
            "A redirect loop",
            "Sat, 05 Dec 2026 11:00:00 +0000",
        ),
        item(
            "/news/flaky.html",
            "A failing server",
            "Sat, 05 Dec 2026 11:00:00 +0000",
        ),
        item(
            "/news/logo.png",
            "Not a page",
            "Sat, 05 Dec 2026 11:00:00 +0000",
        ),
        item(
            "/private/memo.html",
            "Robots say no",
            "Sat, 05 Dec 2026 11:00:00 +0000",
        ),
    ];
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>World</title>{}\
         <item><title>Mail us</title><link>mailto:desk@news.test</link></item></channel></rss>",
        items.concat()
    )
}

fn calm_feed(base: &str) -> String {
    format!(
        "<rss version=\"2.0\"><channel><title>Calm</title>\
         <item><title>Envoys meet in Geneva</title><link>{base}/news/talks.html</link></item>\
         </channel></rss>"
    )
}

fn atom_feed(base: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Europe</title>\
         <entry><title>Athens marches against pension cuts</title>\
         <link rel=\"alternate\" href=\"{base}/news/untitled.html\"/>\
         <summary>Unions call a general strike.</summary>\
         <published>2026-12-05T18:00:00+02:00</published></entry></feed>"
    )
}

fn news_sitemap(base: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"><url>\
         <loc>{base}/news/sanctions.html</loc><news:news><news:publication><news:name>Test Times\
         </news:name><news:language>en</news:language></news:publication>\
         <news:publication_date>2026-12-07</news:publication_date>\
         <news:title>Ministers weigh new sanctions</news:title></news:news></url></urlset>"
    )
}

fn stop_feed(base: &str) -> String {
    format!(
        "<rss version=\"2.0\"><channel><title>Stop</title>\
         <item><title>A</title><link>{base}/news/stop-here.html</link></item>\
         <item><title>B</title><link>{base}/news/talks.html</link></item>\
         </channel></rss>"
    )
}
