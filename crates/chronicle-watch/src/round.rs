//! One round of watching: every feed fetched and read, the links not yet stored fetched as
//! pages, the pages (and any files settled in the drop folder) run through the driver into the
//! store, and the round's slice published.
//!
//! Pages are fetched lazily on the driver's reader thread ([`chronicle_driver::Inputs::Stream`]),
//! so annotation and storing overlap fetching and every batch is committed as it is done: a
//! stop (SIGTERM) ends the stream after the page in hand, and what was fetched is stored.

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chronicle_driver::{Inputs, Observer, Options, Tally};
use chronicle_ingest::InputError;
use chronicle_ingest::reader::ReadResult;
use chronicle_nlp::Pipeline;
use chronicle_store::{Store, StoreError};

use crate::feedlist::FeedSource;
use crate::feeds::{self, FeedKind};
use crate::fetch::{Fetched, Fetcher};
use crate::folder::DropFolder;
use crate::pages::{Link, PageStream, Shared, interleave_hosts, take_all};
use crate::publish::Publisher;
use crate::report::{Failure, RoundReport};

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
        let files = self.folder_files(&mut report, log);
        report.files = files.len();
        let shared = Arc::new(Shared::default());
        let stream = self.documents(links, &files, stop, &shared);
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
        self.remember(&shared, &fresh, report.stopped)?;
        if let Some(folder) = &self.folder
            && let Err(e) = folder.mark_done(&files)
        {
            let dir = folder.dir().display().to_string();
            let reason = format!("cannot record ingested files: {e}");
            self.fail(&mut report, log, &dir, reason);
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

    /// The drop folder's settled files not read yet (none without a folder).
    fn folder_files(
        &self,
        report: &mut RoundReport,
        log: &mut dyn FnMut(&Failure),
    ) -> Vec<PathBuf> {
        let Some(folder) = &self.folder else {
            return Vec::new();
        };
        match folder.ready() {
            Ok(files) => files,
            Err(e) => {
                let dir = folder.dir().display().to_string();
                self.fail(report, log, &dir, e.to_string());
                Vec::new()
            }
        }
    }

    /// The round's documents: the new links' pages, fetched as the driver asks, then the
    /// folder's files, read as `ingest` reads them.
    fn documents(
        &self,
        links: Vec<Link>,
        files: &[PathBuf],
        stop: &Arc<AtomicBool>,
        shared: &Arc<Shared>,
    ) -> Box<dyn Iterator<Item = ReadResult> + Send> {
        let pages = PageStream {
            links: interleave_hosts(links),
            fetcher: Arc::clone(&self.fetcher),
            stop: Arc::clone(stop),
            shared: Arc::clone(shared),
        };
        let (inputs, early) = chronicle_ingest::expand_inputs(files);
        let read = inputs
            .into_iter()
            .flat_map(|i| chronicle_ingest::read_input(&i, Default::default()));
        Box::new(pages.chain(early.into_iter().map(Err).chain(read)))
    }

    /// What the round settled, recorded once its articles are committed (a crash before this
    /// point fetches these links once more, and the store finds what it already holds); the
    /// links to try again; the validators of the feeds read whole.
    fn remember(
        &mut self,
        shared: &Shared,
        fresh: &[String],
        stopped: bool,
    ) -> Result<(), StoreError> {
        let settled = take_all(&shared.settled);
        Store::open_existing(&self.db)?.settle_links(&settled)?;
        self.seen.extend(settled.into_iter().map(|(url, _)| url));
        self.retry = take_all(&shared.retry);
        self.remember_feeds(fresh, stopped)
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

/// Hears the driver's problems and passes on the page stream's.
struct RoundObserver<'a> {
    shared: &'a Shared,
    report: &'a mut RoundReport,
    log: &'a mut dyn FnMut(&Failure),
}

impl RoundObserver<'_> {
    /// Moves the page stream's failures into the report, logging each.
    fn drain(&mut self) {
        for f in take_all(&self.shared.failures) {
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
