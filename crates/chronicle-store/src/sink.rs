//! Storing finished articles: dedup, the article row with its contract JSON, its layers, and
//! its events merged GDELT-style.

use rusqlite::{Connection, OptionalExtension, params};

use chronicle_core::{Article, Flow, Held, Sink};

use crate::error::{Result, StoreError};
use crate::fingerprint::{self, Fingerprint};

/// What an ingest did, for its closing summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestCounts {
    /// Articles stored (originals and near-duplicate copies).
    pub stored: u64,
    /// Of those stored, near-duplicate copies linked to an original.
    pub copies: u64,
    pub skipped_id: u64,
    pub skipped_url: u64,
    pub skipped_text: u64,
    /// New event rows (a repeated event adds a mention, not a row).
    pub events: u64,
    /// Event mentions stored.
    pub mentions: u64,
    /// Of those stored, articles with no publication date: their events are dated only by
    /// what the text says (`--date` gives one to a whole input).
    pub undated: u64,
}

impl IngestCounts {
    /// Articles skipped for any reason.
    pub fn skipped(&self) -> u64 {
        self.skipped_id + self.skipped_url + self.skipped_text
    }

    /// Articles skipped for one reason.
    pub fn skips(&self, why: Held) -> u64 {
        match why {
            Held::Id => self.skipped_id,
            Held::Url => self.skipped_url,
            Held::Text => self.skipped_text,
        }
    }

    /// Counts one skipped article (callers that check before storing count their own).
    pub fn add_skip(&mut self, why: Held) {
        match why {
            Held::Id => self.skipped_id += 1,
            Held::Url => self.skipped_url += 1,
            Held::Text => self.skipped_text += 1,
        }
    }
}

/// The part of storing an article that needs no database: its fingerprints and its contract
/// JSON without the body. Exists so that callers can compute it in parallel and leave the
/// single writer thread nothing but writing.
pub struct Prepared {
    fingerprint: Fingerprint,
    text_hash: Option<String>,
    doc: String,
}

impl Prepared {
    /// Fingerprints and serialises `article`.
    pub fn of(article: &Article) -> Result<Prepared> {
        let fingerprint = Fingerprint::of(&article.body);
        Ok(Prepared {
            text_hash: fingerprint.text_hash_hex(),
            doc: crate::contract::without_body(article)?,
            fingerprint,
        })
    }
}

/// A [`Sink`] that stores every article it is handed into the database.
///
/// Exists so that the pipeline's output can go to the store exactly as it goes to standard
/// output. Articles are written inside a transaction that [`StoreSink::commit`] ends (and that
/// ends by itself every `batch_size` articles): a crash loses at most the open batch.
pub struct StoreSink {
    conn: Connection,
    in_tx: bool,
    pending: usize,
    batch_size: usize,
    counts: IngestCounts,
    date_added: String,
}

impl StoreSink {
    /// A sink over an open, migrated connection.
    pub(crate) fn new(conn: Connection) -> Result<StoreSink> {
        let now = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC);
        Ok(StoreSink {
            conn,
            in_tx: false,
            pending: 0,
            batch_size: 512,
            counts: IngestCounts::default(),
            date_added: now.strftime("%Y%m%d%H%M%S").to_string(),
        })
    }

    /// Most articles in one transaction before it commits by itself.
    pub fn set_batch_size(&mut self, n: usize) {
        self.batch_size = n.max(1);
    }

    /// What this sink has done so far.
    pub fn counts(&self) -> IngestCounts {
        self.counts
    }

    /// Commits the open batch, if any.
    pub fn commit(&mut self) -> Result<()> {
        if self.in_tx {
            self.conn.execute_batch("COMMIT")?;
            self.in_tx = false;
            self.pending = 0;
        }
        Ok(())
    }

    /// Stores one article, or says why it is skipped.
    pub fn store(&mut self, article: &Article) -> Result<Option<Held>> {
        let prepared = Prepared::of(article)?;
        self.store_prepared(article, &prepared)
    }

    /// Stores one article whose [`Prepared`] part was computed elsewhere (on a worker thread,
    /// so that the one writer thread only writes).
    pub fn store_prepared(
        &mut self,
        article: &Article,
        prepared: &Prepared,
    ) -> Result<Option<Held>> {
        if !self.in_tx {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.in_tx = true;
        }
        let hash = prepared.text_hash.as_deref();
        if let Some(why) = find_stored(&self.conn, article, hash)? {
            self.counts.add_skip(why);
            return Ok(Some(why));
        }
        let signature = prepared.fingerprint.minhash.as_deref();
        let copy_of = match signature {
            Some(sig) => find_original(&self.conn, sig)?,
            None => None,
        };
        let row = ArticleRow {
            text_hash: hash,
            signature,
            copy_of,
            doc: &prepared.doc,
        };
        let aid = insert_article(&self.conn, article, &row, &self.date_added)?;
        if let Some(sig) = signature {
            let mut st = self.conn.prepare_cached(
                "INSERT OR IGNORE INTO minhash_bands (band, value, aid) VALUES (?1, ?2, ?3)",
            )?;
            for (band, value) in fingerprint::bands(sig) {
                st.execute(params![band, value, aid])?;
            }
        }
        insert_layers(&self.conn, aid, article)?;
        let story = Story::of(&self.conn, aid, article, copy_of)?;
        let placer = crate::geo::Placer::new(article);
        for (ordinal, event) in article.events.iter().enumerate() {
            let places = placer.place(event);
            let new_row = crate::merge::add_mention(
                &self.conn,
                &story,
                ordinal,
                event,
                places,
                &self.date_added,
            )?;
            self.counts.events += u64::from(new_row);
            self.counts.mentions += 1;
        }
        self.counts.stored += 1;
        self.counts.copies += u64::from(copy_of.is_some());
        self.counts.undated += u64::from(article.published.is_none());
        self.pending += 1;
        Ok(None)
    }
}

impl Sink for StoreSink {
    type Error = StoreError;

    fn skip(&mut self, article: &Article) -> Result<Option<Held>> {
        let hash = fingerprint::text_hash_hex(&article.body);
        find_stored(&self.conn, article, hash.as_deref())
    }

    fn accept(&mut self, article: Article) -> Result<Flow> {
        self.store(&article)?;
        if self.pending >= self.batch_size {
            self.commit()?;
        }
        Ok(Flow::Go)
    }

    fn finish(&mut self) -> Result<()> {
        self.commit()?;
        // Fold the write-ahead log into the main file, so that the `.db` file alone holds
        // everything once the ingest ends (a copy of it is a complete database).
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// The story an article's events count toward: a wire copy counts toward its original's, so
/// that reprints of one dispatch are not counted as independent reports.
pub(crate) struct Story {
    /// The article row itself (mentions link to it).
    pub aid: i64,
    /// The original's row for a copy, else the article's own.
    pub story: i64,
    /// The source credited: the original's for a copy.
    pub source: Option<String>,
    pub is_copy: bool,
    pub published: Option<String>,
}

impl Story {
    fn of(conn: &Connection, aid: i64, article: &Article, copy_of: Option<i64>) -> Result<Self> {
        let source = match copy_of {
            Some(orig) => conn
                .prepare_cached("SELECT source FROM articles WHERE aid = ?1")?
                .query_row([orig], |r| r.get::<_, Option<String>>(0))?,
            None => article.source.clone(),
        };
        Ok(Story {
            aid,
            story: copy_of.unwrap_or(aid),
            source,
            is_copy: copy_of.is_some(),
            published: article.published.map(|d| d.to_string()),
        })
    }
}

/// Why `article` is already stored, if it is: same id, same URL, or same normalised text.
pub(crate) fn find_stored(
    conn: &Connection,
    article: &Article,
    text_hash: Option<&str>,
) -> Result<Option<Held>> {
    let exists = |sql: &str, value: &str| -> Result<bool> {
        Ok(conn
            .prepare_cached(sql)?
            .query_row([value], |_| Ok(()))
            .optional()?
            .is_some())
    };
    if exists("SELECT 1 FROM articles WHERE id = ?1", &article.id)? {
        return Ok(Some(Held::Id));
    }
    if let Some(url) = &article.url
        && exists("SELECT 1 FROM articles WHERE url = ?1", url)?
    {
        return Ok(Some(Held::Url));
    }
    if let Some(hash) = text_hash
        && exists("SELECT 1 FROM articles WHERE text_hash = ?1", hash)?
    {
        return Ok(Some(Held::Text));
    }
    Ok(None)
}

/// The original of a near-duplicate: the first stored article sharing a MinHash band whose
/// estimated similarity reaches [`fingerprint::MIN_SIMILARITY`] (or that article's own
/// original, so that copies of copies link to the first).
fn find_original(conn: &Connection, signature: &[u32]) -> Result<Option<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT a.aid, a.minhash, a.copy_of FROM minhash_bands b JOIN articles a ON a.aid = b.aid \
         WHERE b.band = ?1 AND b.value = ?2 ORDER BY a.aid",
    )?;
    let mut best: Option<(i64, i64)> = None;
    for (band, value) in fingerprint::bands(signature) {
        let mut rows = st.query(params![band, value])?;
        while let Some(row) = rows.next()? {
            let (aid, blob, copy_of): (i64, Vec<u8>, Option<i64>) =
                (row.get(0)?, row.get(1)?, row.get(2)?);
            let other = fingerprint::from_blob(&blob);
            if fingerprint::similarity(signature, &other) >= fingerprint::MIN_SIMILARITY
                && best.is_none_or(|(b, _)| aid < b)
            {
                best = Some((aid, copy_of.unwrap_or(aid)));
            }
        }
    }
    Ok(best.map(|(_, original)| original))
}

/// What the articles row holds beyond the article's own fields.
struct ArticleRow<'a> {
    text_hash: Option<&'a str>,
    signature: Option<&'a [u32]>,
    copy_of: Option<i64>,
    doc: &'a str,
}

fn insert_article(
    conn: &Connection,
    article: &Article,
    row: &ArticleRow<'_>,
    date_added: &str,
) -> Result<i64> {
    let mut st = conn.prepare_cached(
        "INSERT INTO articles (id, url, source, published, title, body, text_hash, minhash, \
         copy_of, tone, ingested_at, doc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    st.execute(params![
        article.id,
        article.url,
        article.source,
        article.published.map(|d| d.to_string()),
        article.title,
        article.body,
        row.text_hash,
        row.signature.map(fingerprint::to_blob),
        row.copy_of,
        article.tone.as_ref().map(|t| t.score),
        date_added,
        row.doc,
    ])?;
    let aid = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![aid, article.title, article.body])?;
    Ok(aid)
}

/// The layers queries filter on, one row per span.
fn insert_layers(conn: &Connection, aid: i64, article: &Article) -> Result<()> {
    let mut st = conn.prepare_cached(
        "INSERT INTO entities (aid, start_char, end_char, text, type, canonical, actor) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for e in &article.entities {
        let kind = crate::contract::name_of(&e.kind)?;
        st.execute(params![
            aid,
            e.start as i64,
            e.end as i64,
            e.text,
            kind,
            e.canonical,
            e.actor
        ])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO quotes (aid, start_char, end_char, text, kind, speaker, speaker_actor, cue, \
         speaker_start, speaker_end, cue_start, cue_end, utterance) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let offset = |o: Option<usize>| o.and_then(|o| i64::try_from(o).ok());
    for q in &article.quotes {
        let kind = crate::contract::name_of(&q.kind)?;
        st.execute(params![
            aid,
            q.start as i64,
            q.end as i64,
            q.text,
            kind,
            q.speaker,
            q.speaker_actor,
            q.cue,
            offset(q.speaker_start),
            offset(q.speaker_end),
            offset(q.cue_start),
            offset(q.cue_end),
            offset(q.utterance)
        ])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO places (aid, start_char, end_char, text, name, country, lat, lon, geonameid, \
         kind, admin1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for p in &article.places {
        let geonameid = p.geonameid.and_then(|g| i64::try_from(g).ok());
        let kind = p.kind.as_ref().map(crate::contract::name_of).transpose()?;
        st.execute(params![
            aid,
            p.start as i64,
            p.end as i64,
            p.text,
            p.name,
            p.country,
            p.lat,
            p.lon,
            geonameid,
            kind,
            p.admin1,
        ])?;
    }
    Ok(())
}
