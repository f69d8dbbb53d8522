//! Polite, bounded HTTP: the one way the watcher fetches anything.
//!
//! - only `http` and `https`; every hop of a redirect is checked again (scheme, robots.txt);
//! - robots.txt fetched once per host and kept for [`Politeness::robots_ttl`] ([`crate::robots`]);
//! - one request at a time, and per host at least [`Politeness::delay`] (or the site's
//!   `Crawl-delay`, when longer) between the end of one request and the start of the next;
//! - conditional GET for feeds (`If-None-Match`, `If-Modified-Since` from the last answer);
//! - a timeout per request, retries with exponential backoff on 5xx answers and network errors;
//! - bodies capped at [`Politeness::max_bytes`]; redirects capped and loops refused;
//! - a User-Agent that says what Chronicle is and where to read about it.
//!
//! Every response is archived when a [`WarcWriter`] is attached.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::robots::Robots;
use crate::url::{parts, resolve};
use crate::warc_out::{Exchange, WarcWriter, record_id};

/// Chronicle's product token: what robots.txt groups name.
pub const PRODUCT: &str = "Chronicle";

/// Where a site owner reads what Chronicle is (in the User-Agent).
pub const ABOUT: &str = "https://example.invalid/chronicle#watching-feeds";

/// How the fetcher behaves towards the sites it visits.
#[derive(Debug, Clone)]
pub struct Politeness {
    pub user_agent: String,
    /// Least time between two requests to one host.
    pub delay: Duration,
    /// Longest a request may take, body included.
    pub timeout: Duration,
    /// Further attempts after a 5xx answer or a network error.
    pub retries: u32,
    /// Wait before the first retry; doubled for each further one.
    pub backoff: Duration,
    /// Largest body read.
    pub max_bytes: u64,
    /// Most redirects followed for one URL.
    pub max_redirects: u32,
    /// How long a host's robots.txt is trusted before it is fetched again.
    pub robots_ttl: Duration,
}

impl Default for Politeness {
    fn default() -> Self {
        Politeness {
            user_agent: format!(
                "{PRODUCT}/{} (+{ABOUT}; news event coder)",
                env!("CARGO_PKG_VERSION")
            ),
            delay: Duration::from_secs(2),
            timeout: Duration::from_secs(30),
            retries: 2,
            backoff: Duration::from_secs(2),
            max_bytes: 10 << 20,
            max_redirects: 5,
            robots_ttl: Duration::from_secs(24 * 3600),
        }
    }
}

/// A successful answer (2xx) at the end of any redirects.
#[derive(Debug, Clone)]
pub struct Response {
    /// The URL that answered (after redirects).
    pub url: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// When it arrived.
    pub date: jiff::Timestamp,
    /// The `WARC-Record-ID` its response record has (or would have).
    pub record_id: String,
}

impl Response {
    /// The first header of that name.
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

/// What a fetch brought.
#[derive(Debug, Clone)]
pub enum Fetched {
    Fresh(Response),
    /// The feed did not change since the last fetch (304).
    NotModified,
}

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("not an http(s) URL")]
    Scheme,
    #[error("robots.txt of {0} disallows it")]
    Robots(String),
    #[error("HTTP {0}")]
    Status(u16),
    #[error("response larger than {0} bytes; not read")]
    TooLarge(u64),
    #[error("redirect loop: {0}")]
    RedirectLoop(String),
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    #[error("redirect ({0}) without a usable Location")]
    BadRedirect(u16),
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    #[error("network error: {0}")]
    Network(String),
    /// The response came but could not be archived (`--warc-out`): the page is not stored
    /// either, so that the archive replays into the same database.
    #[error("cannot write the WARC archive: {0}")]
    Archive(String),
}

impl FetchError {
    /// Whether trying again later may help (5xx, network): such a link is not marked gone.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Status(s) => *s >= 500 || *s == 429,
            FetchError::Timeout(_) | FetchError::Network(_) | FetchError::Archive(_) => true,
            _ => false,
        }
    }
}

/// What the fetcher knows of a host.
#[derive(Default)]
struct Host {
    /// Earliest time of the next request.
    next_at: Option<Instant>,
    robots: Option<(Robots, Instant)>,
}

/// The validators of a feed's last answer, for a conditional GET.
#[derive(Debug, Clone, Default)]
struct Validators {
    etag: Option<String>,
    last_modified: Option<String>,
}

/// The watcher's HTTP client with its per-host state.
pub struct Fetcher {
    agent: ureq::Agent,
    politeness: Politeness,
    hosts: HashMap<String, Host>,
    validators: HashMap<String, Validators>,
    archive: Option<WarcWriter>,
    /// Requests sent, robots.txt and retries included.
    pub requests: u64,
}

impl Fetcher {
    /// A fetcher behaving as `politeness` says, archiving into `archive` when given.
    pub fn new(politeness: Politeness, archive: Option<WarcWriter>) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(politeness.timeout))
            .user_agent(politeness.user_agent.as_str())
            .build();
        Fetcher {
            agent: config.into(),
            politeness,
            hosts: HashMap::new(),
            validators: HashMap::new(),
            archive,
            requests: 0,
        }
    }

    /// How the fetcher behaves.
    pub fn politeness(&self) -> &Politeness {
        &self.politeness
    }

    /// The validators (ETag, Last-Modified) of the last 2xx answer of the feed at `url`.
    pub fn validators(&self, url: &str) -> Option<(Option<String>, Option<String>)> {
        self.validators
            .get(url)
            .map(|v| (v.etag.clone(), v.last_modified.clone()))
    }

    /// Validators remembered from an earlier run, for the next conditional fetch of `url`.
    pub fn set_validators(
        &mut self,
        url: &str,
        etag: Option<String>,
        last_modified: Option<String>,
    ) {
        let v = Validators {
            etag,
            last_modified,
        };
        self.validators.insert(url.to_string(), v);
    }

    /// Fetches `url`, following redirects; a `conditional` fetch (feeds) sends the validators of
    /// the last answer and may come back [`Fetched::NotModified`]. `extra` goes into the
    /// final response's WARC record.
    pub fn fetch(
        &mut self,
        url: &str,
        conditional: bool,
        extra: &[(&'static str, String)],
    ) -> Result<Fetched, FetchError> {
        let mut current = url.to_string();
        let mut chain = vec![current.clone()];
        for _ in 0..=self.politeness.max_redirects {
            let p = parts(&current).ok_or(FetchError::Scheme)?;
            let authority = format!("{}://{}", p.scheme.to_ascii_lowercase(), p.authority);
            let path = p.path.to_string();
            if !self.robots(&authority).allows(&path) {
                return Err(FetchError::Robots(authority));
            }
            let validators = match conditional {
                true => self.validators.get(&current).cloned().unwrap_or_default(),
                false => Validators::default(),
            };
            let answer = self.get(&authority, &current, &validators, extra)?;
            match answer.status {
                301 | 302 | 303 | 307 | 308 => {
                    let next = header(&answer.headers, "location")
                        .and_then(|l| resolve(&current, l))
                        .ok_or(FetchError::BadRedirect(answer.status))?;
                    if chain.contains(&next) {
                        chain.push(next);
                        return Err(FetchError::RedirectLoop(chain.join(" -> ")));
                    }
                    chain.push(next.clone());
                    current = next;
                }
                304 if conditional => return Ok(Fetched::NotModified),
                200..=299 => {
                    if conditional {
                        let v = Validators {
                            etag: header(&answer.headers, "etag").map(str::to_string),
                            last_modified: header(&answer.headers, "last-modified")
                                .map(str::to_string),
                        };
                        self.validators.insert(url.to_string(), v);
                    }
                    return Ok(Fetched::Fresh(Response {
                        url: current,
                        ..answer
                    }));
                }
                status => return Err(FetchError::Status(status)),
            }
        }
        Err(FetchError::TooManyRedirects(self.politeness.max_redirects))
    }

    /// The robots.txt rules of `authority` (`scheme://host:port`), fetched when not known or
    /// too old: 2xx is read; 4xx allows everything (RFC 9309: no file); so does a redirect (an
    /// http site moved to https: the next hop's host has its own robots.txt, checked in turn);
    /// 5xx and network errors refuse everything until the file can be read.
    fn robots(&mut self, authority: &str) -> Robots {
        let ttl = self.politeness.robots_ttl;
        if let Some((robots, at)) = self.hosts.get(authority).and_then(|h| h.robots.as_ref())
            && at.elapsed() < ttl
        {
            return robots.clone();
        }
        let url = format!("{authority}/robots.txt");
        let robots = match self.get(authority, &url, &Validators::default(), &[]) {
            Ok(r) if (200..300).contains(&r.status) => {
                Robots::parse(&String::from_utf8_lossy(&r.body), PRODUCT)
            }
            Ok(r) if (300..500).contains(&r.status) => Robots::allow_all(),
            _ => Robots::disallow_all(),
        };
        let host = self.hosts.entry(authority.to_string()).or_default();
        host.robots = Some((robots.clone(), Instant::now()));
        robots
    }

    /// One GET of `url` on `authority`, after the host's delay, retried with backoff on 5xx
    /// and network errors; any status comes back as an answer.
    fn get(
        &mut self,
        authority: &str,
        url: &str,
        validators: &Validators,
        extra: &[(&'static str, String)],
    ) -> Result<Response, FetchError> {
        let mut attempt = 0;
        loop {
            self.wait_for(authority);
            let result = self.get_once(url, validators, extra);
            let delay = self.host_delay(authority);
            self.hosts.entry(authority.to_string()).or_default().next_at =
                Some(Instant::now() + delay);
            let transient = match &result {
                Ok(r) => r.status >= 500,
                Err(e) => e.is_transient(),
            };
            if !transient || attempt >= self.politeness.retries {
                return result;
            }
            std::thread::sleep(self.politeness.backoff * 2u32.saturating_pow(attempt));
            attempt += 1;
        }
    }

    /// The delay between requests to `authority`: ours, or the site's when longer.
    fn host_delay(&self, authority: &str) -> Duration {
        let asked = self
            .hosts
            .get(authority)
            .and_then(|h| h.robots.as_ref())
            .and_then(|(r, _)| r.crawl_delay());
        asked.map_or(self.politeness.delay, |d| d.max(self.politeness.delay))
    }

    fn wait_for(&self, authority: &str) {
        if let Some(at) = self.hosts.get(authority).and_then(|h| h.next_at) {
            let now = Instant::now();
            if at > now {
                std::thread::sleep(at - now);
            }
        }
    }

    fn get_once(
        &mut self,
        url: &str,
        validators: &Validators,
        extra: &[(&'static str, String)],
    ) -> Result<Response, FetchError> {
        self.requests += 1;
        let mut sent = vec![("User-Agent".to_string(), self.politeness.user_agent.clone())];
        if let Some(etag) = &validators.etag {
            sent.push(("If-None-Match".into(), etag.clone()));
        }
        if let Some(lm) = &validators.last_modified {
            sent.push(("If-Modified-Since".into(), lm.clone()));
        }
        let mut request = self.agent.get(url);
        for (name, value) in sent.iter().skip(1) {
            request = request.header(name.as_str(), value.as_str());
        }
        let mut response = request.call().map_err(|e| self.error(e))?;
        let status = response.status().as_u16();
        let reason = response
            .status()
            .canonical_reason()
            .unwrap_or("")
            .to_string();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into(),
                )
            })
            .collect();
        let max = self.politeness.max_bytes;
        if header(&headers, "content-length")
            .and_then(|l| l.trim().parse::<u64>().ok())
            .is_some_and(|l| l > max)
        {
            return Err(FetchError::TooLarge(max));
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(max)
            .read_to_vec()
            .map_err(|e| self.error(e))?;
        let date = jiff::Timestamp::now();
        let stamp = date.as_nanosecond().to_le_bytes();
        let record_id = record_id(&[url.as_bytes(), &stamp, &self.requests.to_le_bytes()]);
        if let Some(archive) = &mut self.archive {
            let exchange = Exchange {
                url,
                date,
                record_id: &record_id,
                request_headers: &sent,
                status,
                reason: &reason,
                headers: &headers,
                body: &body,
                extra: if (200..300).contains(&status) {
                    extra
                } else {
                    &[]
                },
            };
            archive
                .write(&exchange)
                .map_err(|e| FetchError::Archive(e.to_string()))?;
        }
        Ok(Response {
            url: url.to_string(),
            status,
            headers,
            body,
            date,
            record_id,
        })
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout(self.politeness.timeout),
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(self.politeness.max_bytes),
            ureq::Error::BadUri(_) => FetchError::Scheme,
            other => FetchError::Network(other.to_string()),
        }
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
