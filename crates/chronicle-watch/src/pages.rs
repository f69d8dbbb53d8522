//! A round's pages: the new links ordered across hosts, then fetched one at a time as the
//! driver's reader thread asks for the next document ([`PageStream`]), each made into the
//! document its WARC record gives on replay. What happens to each link (stored, refused, gone,
//! to try again) goes back to the round through [`Shared`].

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chronicle_html::warc::{HttpResponse, RecordKind, WarcRecord};
use chronicle_ingest::reader::ReadResult;
use chronicle_ingest::warc_page;

use crate::feeds::Item;
use crate::fetch::{FetchError, Fetched, Fetcher, Response};
use crate::report::Failure;

/// Rounds in a row a link may fail for a reason that may pass (5xx, network) before it is
/// given up.
const MAX_ATTEMPTS: u32 = 4;

/// A link to fetch, with what its feed said.
pub(crate) struct Link {
    pub(crate) item: Item,
    pub(crate) source: Option<String>,
    /// The feed that listed it.
    pub(crate) feed: String,
    /// Rounds that tried it before and failed for a reason that may pass.
    pub(crate) failed_rounds: u32,
}

/// Links ordered so that consecutive fetches go to different hosts where they can: each host's
/// delay then passes while the others are fetched.
pub(crate) fn interleave_hosts(links: Vec<Link>) -> VecDeque<Link> {
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
pub(crate) struct Shared {
    pub(crate) failures: Mutex<Vec<Failure>>,
    /// Links done with for good, with how (`stored`, `refused`, `gone`), to skip in later
    /// rounds and after a restart.
    pub(crate) settled: Mutex<Vec<(String, String)>>,
    /// Links to try again next round.
    pub(crate) retry: Mutex<Vec<Link>>,
    pub(crate) fetched: AtomicU64,
}

/// The pages of a round's new links, fetched one by one as the driver asks.
pub(crate) struct PageStream {
    pub(crate) links: VecDeque<Link>,
    pub(crate) fetcher: Arc<Mutex<Fetcher>>,
    pub(crate) stop: Arc<AtomicBool>,
    pub(crate) shared: Arc<Shared>,
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

/// Everything in `list`, leaving it empty (a poisoned lock still gives its list).
pub(crate) fn take_all<T>(list: &Mutex<Vec<T>>) -> Vec<T> {
    std::mem::take(&mut *list.lock().unwrap_or_else(PoisonError::into_inner))
}
