//! The store's sink for a long ingest: the database written on a thread of its own, so that
//! annotating the next batch overlaps writing the last.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::thread::{self, JoinHandle};

use rayon::prelude::*;

use chronicle_core::{Article, Flow, Held, Sink};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sink::{IngestCounts, Prepared, StoreSink};

/// Articles with the part of their storing done on the worker threads.
type Batch = Vec<(Article, Prepared)>;

/// A [`Sink`] that stores each batch it is handed in one transaction, written by one writer
/// thread that owns the database.
///
/// Exists so that `chronicle ingest` spends its cores on annotation: fingerprints and contract
/// JSON are computed in parallel on rayon's workers, and the writer thread only writes, while
/// the driver annotates the next batch. [`Sink::skip`] asks a second, reading connection, so that
/// what is stored is found before it is annotated (a rerun after a crash resumes at the speed of
/// reading); the writer checks again and has the last word.
pub struct IngestSink {
    checker: Store,
    writer: Option<Writer>,
    stored: Arc<AtomicU64>,
    counts: IngestCounts,
}

/// Articles an [`IngestSink`] has committed so far.
#[derive(Debug, Clone)]
pub struct Stored(Arc<AtomicU64>);

impl Stored {
    /// The count now.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// The writer thread and its queue.
struct Writer {
    tx: SyncSender<Batch>,
    handle: JoinHandle<Result<IngestCounts>>,
}

impl IngestSink {
    /// Opens `store`'s file twice: once to write (on the writer thread), once to check.
    pub fn new(store: Store) -> Result<IngestSink> {
        let checker = Store::open(store.path())?;
        let stored = Arc::new(AtomicU64::new(0));
        let writer = Writer::start(store.into_sink()?, Arc::clone(&stored));
        Ok(IngestSink {
            checker,
            writer: Some(writer),
            stored,
            counts: IngestCounts::default(),
        })
    }

    /// The count of articles committed, which the writer updates after each batch: a handle
    /// that a progress display keeps while the driver holds the sink.
    pub fn stored(&self) -> Stored {
        Stored(Arc::clone(&self.stored))
    }

    /// What the writer did; complete once [`Sink::finish`] has returned.
    pub fn counts(&self) -> IngestCounts {
        self.counts
    }

    /// Waits for the writer to end and keeps what it reports.
    fn join(&mut self) -> Result<()> {
        let Some(writer) = self.writer.take() else {
            return Ok(());
        };
        drop(writer.tx);
        let counts = writer
            .handle
            .join()
            .map_err(|_| StoreError::WriterPanicked)??;
        self.counts = counts;
        Ok(())
    }
}

impl Writer {
    fn start(sink: StoreSink, stored: Arc<AtomicU64>) -> Writer {
        // Two batches in flight: one being written, one waiting; memory stays bounded.
        let (tx, rx) = sync_channel::<Batch>(2);
        let handle = thread::spawn(move || {
            let mut sink = sink;
            for batch in rx {
                for (article, prepared) in &batch {
                    sink.store_prepared(article, prepared)
                        .map_err(|e| StoreError::Article {
                            id: article.id.clone(),
                            source: Box::new(e),
                        })?;
                }
                sink.commit().map_err(|e| StoreError::Commit(Box::new(e)))?;
                stored.store(sink.counts().stored, Ordering::Relaxed);
            }
            Sink::finish(&mut sink)?;
            Ok(sink.counts())
        });
        Writer { tx, handle }
    }
}

impl Sink for IngestSink {
    type Error = StoreError;

    fn skip(&mut self, article: &Article) -> Result<Option<Held>> {
        self.checker.already_stored(article)
    }

    fn accept(&mut self, article: Article) -> Result<Flow> {
        self.accept_batch(vec![article])
    }

    fn accept_batch(&mut self, articles: Vec<Article>) -> Result<Flow> {
        if articles.is_empty() {
            return Ok(Flow::Go);
        }
        let batch = articles
            .into_par_iter()
            .map(|a| Prepared::of(&a).map(|p| (a, p)))
            .collect::<Result<Batch>>()?;
        let sent = match &self.writer {
            Some(writer) => writer.tx.send(batch).is_ok(),
            None => false,
        };
        if !sent {
            // The writer stopped on an error: that error is the answer.
            self.join()?;
            return Err(StoreError::WriterPanicked);
        }
        Ok(Flow::Go)
    }

    fn finish(&mut self) -> Result<()> {
        self.join()
    }
}

impl Drop for IngestSink {
    /// A run that ends on an error still lets the writer commit what it was given and close
    /// the file, rather than the process ending under it.
    fn drop(&mut self) {
        let _ = self.join();
    }
}
