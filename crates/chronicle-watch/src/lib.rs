//! # chronicle-watch
//!
//! Keeps a Chronicle database current from news feeds, as GDELT keeps its tables current every
//! 15 minutes: `chronicle watch` runs [`Watcher::round`] again and again.
//!
//! - [`feedlist`] reads the user's list of feeds; [`feeds`] reads RSS, Atom and (news) sitemaps
//!   into links with what each entry says of its page.
//! - [`fetch`] is the one polite HTTP client: robots.txt ([`robots`]), per-host delay, conditional
//!   GET, timeouts, retries with backoff, size and redirect caps, http(s) only; [`url`] resolves
//!   and splits links.
//! - [`round`] is one round: feeds, new links, pages (fetched lazily by `pages`) through
//!   `chronicle-driver` into `chronicle-store`, with the files of a drop folder ([`folder`]).
//! - [`warc_out`] archives every response in rotating WARC/1.1 files that `chronicle ingest`
//!   replays; [`publish`] writes each 15-minute slice as GDELT 2.0's zipped files and
//!   `lastupdate.txt`, through the store's own exporters.
//!
//! Arrows run one way: `round` uses the others; `pages` uses `fetch` and `report`; `fetch` uses
//! `robots`, `url` and `warc_out`.

pub mod feedlist;
pub mod feeds;
pub mod fetch;
pub mod folder;
mod pages;
pub mod publish;
pub mod report;
pub mod robots;
pub mod round;
pub mod url;
pub mod warc_out;

pub use feedlist::FeedSource;
pub use fetch::{Fetcher, Politeness};
pub use folder::DropFolder;
pub use publish::Publisher;
pub use report::{Failure, RoundReport};
pub use round::Watcher;
pub use warc_out::WarcWriter;
