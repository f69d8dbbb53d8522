//! What a round tells its caller: the problems it met, each with its URL or file, and its
//! counts, printed as the round's one progress line.

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
