//! What a feed watcher remembers between runs: the links it is done with (a link is settled once
//! its page is stored, perhaps under the address it redirects to, refused or gone), and the
//! validators (ETag, Last-Modified) of each feed's last answer.
//!
//! Exists so that a restarted `chronicle watch` knows what the articles table alone cannot tell
//! it: that a feed's link was fetched before even when no article carries that address, and
//! how to ask a feed whether it changed.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

/// Whether `url` is settled.
pub(crate) fn is_settled(conn: &Connection, url: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM watched_links WHERE url = ?1")?
        .query_row([url], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Records `links` (address, outcome) as settled now, in one transaction; a link settled
/// again keeps its latest outcome.
pub(crate) fn settle(conn: &Connection, links: &[(String, String)]) -> Result<()> {
    let at = jiff::Timestamp::now().strftime("%Y%m%d%H%M%S").to_string();
    let tx = conn.unchecked_transaction()?;
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO watched_links (url, outcome, at) VALUES (?1, ?2, ?3) \
             ON CONFLICT(url) DO UPDATE SET outcome = excluded.outcome, at = excluded.at",
        )?;
        for (url, outcome) in links {
            st.execute(params![url, outcome, at])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// The validators (ETag, Last-Modified) remembered for the feed at `url`.
pub(crate) type Validators = (Option<String>, Option<String>);

/// The validators of the feed at `url`'s last answer, if remembered.
pub(crate) fn feed_validators(conn: &Connection, url: &str) -> Result<Option<Validators>> {
    Ok(conn
        .prepare_cached("SELECT etag, last_modified FROM watched_feeds WHERE url = ?1")?
        .query_row([url], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Remembers the validators of the feed at `url`'s last answer.
pub(crate) fn remember_feed(conn: &Connection, url: &str, validators: &Validators) -> Result<()> {
    let at = jiff::Timestamp::now().strftime("%Y%m%d%H%M%S").to_string();
    conn.prepare_cached(
        "INSERT INTO watched_feeds (url, etag, last_modified, at) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, \
         last_modified = excluded.last_modified, at = excluded.at",
    )?
    .execute(params![url, validators.0, validators.1, at])?;
    Ok(())
}
