//! One round of watching: every feed fetched and read, the links not yet stored fetched as
//! pages, the pages (and any files settled in the drop folder) run through the driver into the
//! store, and the round's slice published.
//!
//! Pages are fetched lazily on the driver's reader thread ([`chronicle_driver::Inputs::Stream`]),
//! so annotation and storing overlap fetching and every batch is committed as it is done: a
//! stop (SIGTERM) ends the stream after the page in hand, and what was fetched is stored.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chronicle_driver::{Inputs, Observer, Options, Tally};
use chronicle_html::warc::{HttpResponse, RecordKind, WarcRecord};
use chronicle_ingest::reader::ReadResult;
use chronicle_ingest::{InputError, warc_page};
use chronicle_nlp::Pipeline;
use chronicle_store::{Store, StoreError};

use crate::feedlist::FeedSource;
use crate::feeds::{self, FeedKind, Item};
use crate::fetch::{FetchError, Fetched, Fetcher, Response};
use crate::folder::DropFolder;
use crate::publish::Publisher;

/// A problem met in a round, with the URL (or file) it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub url: String,
    pub reason: String,
    /// Whether a later round may succeed (5xx, network): the link is tried again.
    pub transient: bool,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.url, self.reason)
    }
}

/// What a round did, for its progress line and for tests.
#[derive(Debug, Clone, Default)]
pub struct RoundReport {
    /// Feeds fetched (sitemaps an index listed included).
    pub feeds: usize,
    /// Of those, unchanged since the last round (304).
    pub unchanged: usize,
    /// Links the feeds listed.
    pub links: usize,
    /// Of those, not stored yet: fetched this round.
    pub new_links: usize,
    /// Pages fetched whole (HTML, 2xx).
    pub fetched: u64,
    /// Files of the drop folder read.
    pub files: usize,
    /// Articles stored.
    pub stored: u64,
    /// Articles found already stored (same id, URL or text) and skipped.
    pub held: u64,
    /// New event rows and mentions.
    pub events: u64,
    pub mentions: u64,
    /// Every problem, in the order met.
    pub failures: Vec<Failure>,
    /// Slice files published (three per slice).
    pub published: usize,
    /// Whether a stop request ended the round early.
    pub stopped: bool,
}

impl std::fmt::Display for RoundReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} feed(s) ({} unchanged), {} link(s), {} new, {} page(s) fetched, {} file(s), \
             {} stored, {} already stored, {} event(s), {} mention(s), {} error(s)",
            self.feeds,
            self.unchanged,
            self.links,
            self.new_links,
            self.fetched,
            self.files,
            self.stored,
            self.held,
            self.events,
            self.mentions,
            self.failures.len()
        )
    }
}

/// Rounds in a row a link may fail for a reason that may pass (5xx, network) before it is
/// given up.
const MAX_ATTEMPTS: u32 = 4;

/// A link to fetch, with what its feed said.
struct Link {
    item: Item,
    source: Option<String>,
    /// The feed that listed it.
    feed: String,
    /// Rounds that tried it before and failed for a reason that may pass.
    failed_rounds: u32,
}

/// Keeps one database current from a list of feeds and a drop folder.
pub struct Watcher {
    db: PathBuf,
    feeds: Vec<FeedSource>,
    fetcher: Arc<Mutex<Fetcher>>,
    folder: Option<DropFolder>,
    publisher: Option<Publisher>,
    /// Links settled in this process (stored, held, gone for good): not fetched again.
    seen: HashSet<String>,
    /// Links whose fetch failed for a reason that may pass: tried again next round, whether or
    /// not their feed changed.
    retry: Vec<Link>,
    /// Articles annotated at once.
    pub batch: usize,
}

impl Watcher {
    /// A watcher of `feeds` into the database at `db`.
    pub fn new(db: &Path, feeds: Vec<FeedSource>, fetcher: Fetcher) -> Watcher {
        Watcher {
            db: db.to_path_buf(),
            feeds,
            fetcher: Arc::new(Mutex::new(fetcher)),
            folder: None,
            publisher: None,
            seen: HashSet::new(),
            retry: Vec::new(),
            batch: 32,
        }
    }

    /// Also ingests the files that settle in `folder`.
    pub fn with_folder(mut self, folder: DropFolder) -> Watcher {
        self.folder = Some(folder);
        self
    }

    /// Also publishes each round's rows as GDELT 2.0 slice files.
    pub fn with_publisher(mut self, publisher: Publisher) -> Watcher {
        self.publisher = Some(publisher);
        self
    }

    /// Runs one round. Problems with feeds, pages and files are in the report (and handed to
    /// `log` as they are met); only the store's own errors end the round with an error.
    pub fn round(
        &mut self,
        pipeline: &Pipeline,
        stop: &Arc<AtomicBool>,
        log: &mut dyn FnMut(&Failure),
    ) -> Result<RoundReport, StoreError> {
        let mut report = RoundReport::default();
        let checker = Store::open(&self.db)?;
        let (links, fresh) = self.read_feeds(&checker, stop, &mut report, log)?;
        drop(checker);
        report.new_links = links.len();
        let files = match &self.folder {
            Some(folder) => match folder.ready() {
                Ok(files) => files,
                Err(e) => {
                    self.fail(
                        &mut report,
                        log,
                        &folder.dir().display().to_string(),
                        e.to_string(),
                    );
                    Vec::new()
                }
            },
            None => Vec::new(),
        };
        report.files = files.len();
        let shared = Arc::new(Shared::default());
        let pages = PageStream {
            links: interleave_hosts(links),
            fetcher: Arc::clone(&self.fetcher),
            stop: Arc::clone(stop),
            shared: Arc::clone(&shared),
        };
        let (inputs, early) = chronicle_ingest::expand_inputs(&files);
        let folder_docs = early.into_iter().map(Err).chain(
            inputs
                .into_iter()
                .flat_map(|i| chronicle_ingest::read_input(&i, Default::default())),
        );
        let stream: Box<dyn Iterator<Item = ReadResult> + Send> =
            Box::new(pages.chain(folder_docs));
        let started = jiff::Timestamp::now();
        let mut sink = Store::open(&self.db)?.into_ingest_sink()?;
        let options = Options {
            batch: self.batch.max(1),
            ..Options::default()
        };
        let mut observer = RoundObserver {
            shared: &shared,
            report: &mut report,
            log,
        };
        let tally: Tally = chronicle_driver::run(
            Inputs::Stream(stream),
            &options,
            pipeline,
            &mut sink,
            &mut observer,
        )?;
        observer.drain();
        let ended = jiff::Timestamp::now();
        let counts = sink.counts();
        report.stored = counts.stored;
        report.held = tally.held_total() + counts.skipped();
        report.events = counts.events;
        report.mentions = counts.mentions;
        report.fetched = shared.fetched.load(Ordering::Relaxed);
        report.stopped = stop.load(Ordering::Relaxed);
        // Recorded only now that the round's articles are committed: a crash before this point
        // fetches these links once more, and the store finds what it already holds.
        let settled = std::mem::take(
            &mut *shared
                .settled
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        );
        Store::open_existing(&self.db)?.settle_links(&settled)?;
        self.seen.extend(settled.into_iter().map(|(url, _)| url));
        self.retry =
            std::mem::take(&mut *shared.retry.lock().unwrap_or_else(PoisonError::into_inner));
        self.remember_feeds(&fresh, report.stopped)?;
        if let Some(folder) = &self.folder
            && let Err(e) = folder.mark_done(&files)
        {
            let dir = folder.dir().display().to_string();
            self.fail(
                &mut report,
                log,
                &dir,
                format!("cannot record ingested files: {e}"),
            );
        }
        if let Some(publisher) = &self.publisher {
            let store = Store::open_existing(&self.db)?;
            match publisher.publish_between(&store, started, ended) {
                Ok(n) => report.published = n,
                Err(e) => {
                    let dir = publisher.dir().display().to_string();
                    self.fail(&mut report, log, &dir, format!("cannot publish: {e}"));
                }
            }
        }
        Ok(report)
    }

    fn fail(
        &self,
        report: &mut RoundReport,
        log: &mut dyn FnMut(&Failure),
        url: &str,
        reason: String,
    ) {
        let failure = Failure {
            url: url.to_string(),
            reason,
            transient: false,
        };
        log(&failure);
        report.failures.push(failure);
    }

    /// Fetches every feed (and the sitemaps an index lists) and returns the links not stored
    /// yet, each once, in feed order.
    fn read_feeds(
        &mut self,
        checker: &Store,
        stop: &AtomicBool,
        report: &mut RoundReport,
        log: &mut dyn FnMut(&Failure),
    ) -> Result<(Vec<Link>, Vec<String>), StoreError> {
        let mut queue: VecDeque<(FeedSource, bool)> =
            self.feeds.iter().map(|f| (f.clone(), true)).collect();
        let mut listed: HashSet<String> = self.retry.iter().map(|l| l.item.url.clone()).collect();
        let mut fresh = Vec::new();
        let mut links = std::mem::take(&mut self.retry);
        while let Some((feed, may_nest)) = queue.pop_front() {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            report.feeds += 1;
            if self.lock().validators(&feed.url).is_none()
                && let Some((etag, last_modified)) = checker.feed_validators(&feed.url)?
            {
                self.lock().set_validators(&feed.url, etag, last_modified);
            }
            let fetched = self.lock().fetch(&feed.url, true, &[]);
            let response = match fetched {
                Ok(Fetched::Fresh(r)) => r,
                Ok(Fetched::NotModified) => {
                    report.unchanged += 1;
                    continue;
                }
                Err(e) => {
                    let reason = format!("feed not fetched: {e}");
                    self.fail(report, log, &feed.url, reason);
                    continue;
                }
            };
            let parsed = match feeds::parse(&response.body, &response.url) {
                Ok(p) => {
                    fresh.push(feed.url.clone());
                    p
                }
                Err(e) => {
                    self.fail(report, log, &feed.url, format!("feed not read: {e}"));
                    continue;
                }
            };
            if parsed.kind == FeedKind::SitemapIndex && may_nest {
                queue.extend(parsed.sitemaps.into_iter().map(|url| {
                    let name = feed.name.clone();
                    (FeedSource { url, name }, false)
                }));
            }
            for item in parsed.items {
                report.links += 1;
                if self.seen.contains(&item.url) || !listed.insert(item.url.clone()) {
                    continue;
                }
                if checker.has_url(&item.url)? || checker.is_settled(&item.url)? {
                    self.seen.insert(item.url);
                    continue;
                }
                links.push(Link {
                    item,
                    source: feed.name.clone(),
                    feed: feed.url.clone(),
                    failed_rounds: 0,
                });
            }
        }
        Ok((links, fresh))
    }

    /// Remembers the validators of the feeds read whole this round, once every link they listed
    /// is stored or settled: a restart then asks for them conditionally, and a feed with a link
    /// still to try is asked for whole again (a 304 would hide that link). Nothing is remembered
    /// after a stopped round.
    fn remember_feeds(&self, fresh: &[String], stopped: bool) -> Result<(), StoreError> {
        if stopped {
            return Ok(());
        }
        let pending: HashSet<&str> = self.retry.iter().map(|l| l.feed.as_str()).collect();
        let store = Store::open_existing(&self.db)?;
        for url in fresh.iter().filter(|u| !pending.contains(u.as_str())) {
            if let Some((etag, last_modified)) = self.lock().validators(url)
                && (etag.is_some() || last_modified.is_some())
            {
                store.remember_feed(url, etag, last_modified)?;
            }
        }
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Fetcher> {
        self.fetcher.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Links ordered so that consecutive fetches go to different hosts where they can: each host's
/// delay then passes while the others are fetched.
fn interleave_hosts(links: Vec<Link>) -> VecDeque<Link> {
    let mut by_host: Vec<(String, VecDeque<Link>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for link in links {
        let host = crate::url::parts(&link.item.url)
            .map(|p| p.authority.to_ascii_lowercase())
            .unwrap_or_default();
        let i = *index.entry(host.clone()).or_insert_with(|| {
            by_host.push((host, VecDeque::new()));
            by_host.len() - 1
        });
        by_host[i].1.push_back(link);
    }
    let mut out = VecDeque::new();
    while by_host.iter().any(|(_, q)| !q.is_empty()) {
        for (_, q) in &mut by_host {
            if let Some(link) = q.pop_front() {
                out.push_back(link);
            }
        }
    }
    out
}

/// What the page stream tells the round from the reader's thread.
#[derive(Default)]
struct Shared {
    failures: Mutex<Vec<Failure>>,
    /// Links done with for good, with how (`stored`, `refused`, `gone`), to skip in later
    /// rounds and after a restart.
    settled: Mutex<Vec<(String, String)>>,
    /// Links to try again next round.
    retry: Mutex<Vec<Link>>,
    fetched: AtomicU64,
}

/// The pages of a round's new links, fetched one by one as the driver asks.
struct PageStream {
    links: VecDeque<Link>,
    fetcher: Arc<Mutex<Fetcher>>,
    stop: Arc<AtomicBool>,
    shared: Arc<Shared>,
}

impl Iterator for PageStream {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return None;
            }
            let link = self.links.pop_front()?;
            let extra = hint_headers(&link);
            let fetched = self
                .fetcher
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .fetch(&link.item.url, false, &extra);
            let url = link.item.url.clone();
            match fetched {
                Ok(Fetched::Fresh(response)) => {
                    let landed = response.url.clone();
                    match page_document(response, &extra) {
                        Ok(doc) => {
                            self.settle(&url, "stored");
                            if landed != url {
                                self.settle(&landed, "stored");
                            }
                            self.shared.fetched.fetch_add(1, Ordering::Relaxed);
                            return Some(Ok(doc));
                        }
                        Err(reason) => {
                            self.settle(&url, "refused");
                            self.failure(url, reason, false);
                        }
                    }
                }
                Ok(Fetched::NotModified) => self.settle(&url, "stored"),
                Err(e) => {
                    let gone = matches!(e, FetchError::Status(404 | 410));
                    let mut reason = match gone {
                        true => format!("page gone ({e})"),
                        false => format!("page not fetched: {e}"),
                    };
                    let retry = e.is_transient() && link.failed_rounds + 1 < MAX_ATTEMPTS;
                    if retry {
                        reason.push_str("; tried again next round");
                        let mut later = self
                            .shared
                            .retry
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner);
                        later.push(Link {
                            failed_rounds: link.failed_rounds + 1,
                            ..link
                        });
                    } else {
                        if e.is_transient() {
                            reason.push_str(&format!("; given up after {MAX_ATTEMPTS} rounds"));
                        }
                        self.settle(&url, if gone { "gone" } else { "refused" });
                    }
                    self.failure(url, reason, retry);
                }
            }
        }
    }
}

impl PageStream {
    fn settle(&self, url: &str, outcome: &str) {
        let mut settled = self
            .shared
            .settled
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        settled.push((url.to_string(), outcome.to_string()));
    }

    fn failure(&self, url: String, reason: String, transient: bool) {
        let mut failures = self
            .shared
            .failures
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        failures.push(Failure {
            url,
            reason,
            transient,
        });
    }
}

/// The WARC extension headers that carry what the feed said of a page (see
/// [`chronicle_ingest::warc_page`]).
fn hint_headers(link: &Link) -> Vec<(&'static str, String)> {
    let mut h = Vec::new();
    if let Some(s) = &link.source {
        h.push((warc_page::SOURCE, s.clone()));
    }
    if let Some(t) = &link.item.title {
        h.push((warc_page::FEED_TITLE, t.clone()));
    }
    if let Some(d) = &link.item.description {
        h.push((warc_page::FEED_DESCRIPTION, d.clone()));
    }
    if let Some(d) = link.item.published {
        h.push((warc_page::FEED_DATE, d.to_string()));
    }
    h
}

/// A fetched page as the document its WARC record would give on replay, or why it is none.
fn page_document(
    response: Response,
    extra: &[(&'static str, String)],
) -> Result<chronicle_ingest::RawDocument, String> {
    let mut headers = vec![("WARC-Record-ID".to_string(), response.record_id.clone())];
    // As archived: one line each (see warc_out).
    headers.extend(extra.iter().map(|(n, v)| {
        (
            n.to_string(),
            v.split_whitespace().collect::<Vec<_>>().join(" "),
        )
    }));
    let record = WarcRecord {
        number: 0,
        record_offset: 0,
        record_type: "response".into(),
        target_uri: Some(response.url.clone()),
        date: Some(response.date),
        headers,
        http: Some(HttpResponse {
            status: response.status,
            headers: response.headers,
        }),
        payload: response.body,
        length_mismatch: None,
    };
    if record.kind() != RecordKind::Page {
        let media = record
            .http
            .as_ref()
            .and_then(|h| h.mime())
            .unwrap_or_else(|| "none".into());
        return Err(format!("not an HTML page (content type {media})"));
    }
    Ok(warc_page::document(Path::new(&response.url), record))
}

/// Hears the driver's problems and passes on the page stream's.
struct RoundObserver<'a> {
    shared: &'a Shared,
    report: &'a mut RoundReport,
    log: &'a mut dyn FnMut(&Failure),
}

impl RoundObserver<'_> {
    /// Moves the page stream's failures into the report, logging each.
    fn drain(&mut self) {
        let failures = std::mem::take(
            &mut *self
                .shared
                .failures
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        );
        for f in failures {
            (self.log)(&f);
            self.report.failures.push(f);
        }
    }
}

impl Observer for RoundObserver<'_> {
    fn input_error(&mut self, err: &InputError) {
        self.drain();
        if !err.problem.is_failure() {
            return;
        }
        let f = Failure {
            url: err.location.to_string(),
            reason: err.problem.to_string(),
            transient: false,
        };
        (self.log)(&f);
        self.report.failures.push(f);
    }

    fn warning(&mut self, _message: &str) {}

    fn batch_done(&mut self, _tally: &Tally) {
        self.drain();
    }
}
