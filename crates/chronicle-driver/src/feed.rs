//! Documents from every input, read on a thread of their own so that reading overlaps
//! annotation, handed over in input order; or documents already in memory.

use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, sync_channel};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;

use chronicle_ingest::reader::ReadResult;
use chronicle_ingest::{RawDocument, ReadLimits, expand_inputs, read_input};

use crate::{DocumentStream, Inputs};

/// How many documents may wait between the reader and the annotators.
const QUEUE: usize = 1024;

/// How many bytes of content may wait between them: a thousand 60 MB records must not all be
/// read ahead (a count alone would let them take 60 GB).
const QUEUE_BYTES: usize = 256 << 20;

/// The stream of documents and input errors, in input order.
pub(crate) enum Feed {
    /// Files and standard input, read on the reader's thread.
    Reader {
        rx: Receiver<ReadResult>,
        budget: Arc<ByteBudget>,
    },
    /// Documents already read.
    Memory(std::vec::IntoIter<RawDocument>),
}

impl Feed {
    /// Starts reading `inputs` (path errors found while expanding come first, in order).
    pub(crate) fn start(inputs: Inputs, limits: ReadLimits) -> Feed {
        let items: DocumentStream = match inputs {
            Inputs::Paths(paths) => {
                let (inputs, early_errors) = expand_inputs(&paths);
                let read = inputs
                    .into_iter()
                    .flat_map(move |input| read_input(&input, limits));
                Box::new(early_errors.into_iter().map(Err).chain(read))
            }
            Inputs::Stream(stream) => stream,
            Inputs::Documents(docs) => return Feed::Memory(docs.into_iter()),
        };
        let (tx, rx) = sync_channel(QUEUE);
        let budget = Arc::new(ByteBudget::new(QUEUE_BYTES));
        let reader_budget = Arc::clone(&budget);
        thread::spawn(move || produce(tx, &reader_budget, items));
        Feed::Reader { rx, budget }
    }

    /// The next batch: waits for one item, then takes whatever else is ready, up to `max`.
    /// Empty at the end. Taking what is ready keeps a slow stream (a pipe from Spark, a user
    /// typing) flowing record by record and a fast one (files) in large parallel batches.
    pub(crate) fn next_batch(&mut self, max: usize) -> Vec<ReadResult> {
        let (rx, budget) = match self {
            Feed::Reader { rx, budget } => (rx, budget),
            Feed::Memory(docs) => return docs.by_ref().take(max).map(Ok).collect(),
        };
        let mut batch = Vec::new();
        match rx.recv() {
            Ok(item) => batch.push(item),
            Err(_) => return batch,
        }
        while batch.len() < max {
            match rx.try_recv() {
                Ok(item) => batch.push(item),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
        }
        budget.release(batch.iter().map(content_bytes).sum());
        batch
    }
}

impl Drop for Feed {
    /// A run that ends early (its sink stopped, its caller went away) lets the reader's thread
    /// go: one waiting for room would otherwise wait for ever, holding its input.
    fn drop(&mut self) {
        if let Feed::Reader { budget, .. } = self {
            budget.close();
        }
    }
}

/// The bytes of content a read result holds.
fn content_bytes(item: &ReadResult) -> usize {
    item.as_ref().map_or(0, |doc| doc.content.byte_len())
}

/// Bytes in flight between one producer and one consumer, capped: the producer waits for room
/// before it sends. A record larger than the whole cap still passes when nothing else waits, so
/// a big record slows the feed but never stops it.
pub(crate) struct ByteBudget {
    cap: usize,
    in_flight: Mutex<InFlight>,
    room: Condvar,
}

/// The bytes in flight, and whether the consumer has gone (then nothing waits for room).
#[derive(Default)]
struct InFlight {
    bytes: usize,
    closed: bool,
}

impl ByteBudget {
    fn new(cap: usize) -> Self {
        ByteBudget {
            cap,
            in_flight: Mutex::new(InFlight::default()),
            room: Condvar::new(),
        }
    }

    /// Whether `n` more bytes fit beside `in_flight`.
    fn fits(&self, in_flight: usize, n: usize) -> bool {
        in_flight == 0 || in_flight.saturating_add(n) <= self.cap
    }

    /// Takes `n` bytes of the budget, waiting until they fit; `false` when the consumer has
    /// gone, so that a producer waiting for room ends instead of waiting for ever.
    fn acquire(&self, n: usize) -> bool {
        let guard = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let mut in_flight = self
            .room
            .wait_while(guard, |f| !f.closed && !self.fits(f.bytes, n))
            .unwrap_or_else(PoisonError::into_inner);
        in_flight.bytes += n;
        !in_flight.closed
    }

    /// The consumer has gone: wakes a producer waiting for room.
    fn close(&self) {
        let mut in_flight = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        in_flight.closed = true;
        self.room.notify_all();
    }

    /// Takes `n` bytes if they fit now.
    #[cfg(test)]
    fn try_acquire(&self, n: usize) -> bool {
        let mut in_flight = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let fits = self.fits(in_flight.bytes, n);
        if fits {
            in_flight.bytes += n;
        }
        fits
    }

    /// Gives back `n` bytes the consumer has taken off the queue.
    fn release(&self, n: usize) {
        if n == 0 {
            return;
        }
        let mut in_flight = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        in_flight.bytes = in_flight.bytes.saturating_sub(n);
        self.room.notify_all();
    }
}

/// Sends every item to the consumer, within the budget; ends when the items do or when the
/// consumer has gone.
fn produce(tx: SyncSender<ReadResult>, budget: &ByteBudget, items: DocumentStream) {
    for item in items {
        if !budget.acquire(content_bytes(&item)) || tx.send(item).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_holds_bytes_in_flight_under_its_cap() {
        let budget = ByteBudget::new(10);
        assert!(budget.try_acquire(4));
        assert!(budget.try_acquire(4));
        assert!(!budget.try_acquire(4), "12 bytes would exceed 10");
        budget.release(4);
        assert!(budget.try_acquire(4));
    }

    #[test]
    fn a_producer_waiting_for_room_ends_when_the_consumer_goes() {
        let budget = Arc::new(ByteBudget::new(10));
        budget.acquire(8);
        let producer = {
            let budget = Arc::clone(&budget);
            thread::spawn(move || budget.acquire(8))
        };
        budget.close();
        let went_on = producer
            .join()
            .expect("the producer finishes once the consumer has gone");
        assert!(!went_on, "nothing is sent to a consumer that has gone");
    }

    #[test]
    fn a_record_larger_than_the_cap_passes_alone() {
        let budget = ByteBudget::new(10);
        assert!(budget.try_acquire(100), "nothing else waits");
        assert!(!budget.try_acquire(1));
        budget.release(100);
        assert!(budget.try_acquire(1));
    }

    #[test]
    fn a_waiting_producer_goes_on_once_the_consumer_takes() {
        let budget = Arc::new(ByteBudget::new(10));
        budget.acquire(8);
        let producer = {
            let budget = Arc::clone(&budget);
            thread::spawn(move || budget.acquire(8))
        };
        budget.release(8);
        let went_on = producer
            .join()
            .expect("the producer finishes once there is room");
        assert!(went_on);
        assert!(
            !budget.try_acquire(8),
            "the producer's 8 bytes are in flight"
        );
    }
}
