//! The links a feed watcher is done with: a link is settled once its page is stored (perhaps
//! under the address it redirects to), refused (robots.txt, not a page) or gone (404, 410).
//!
//! Exists so that a restarted `chronicle watch` knows what the articles table alone cannot tell
//! it: that a feed's link was fetched before even when no article carries that address.

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
