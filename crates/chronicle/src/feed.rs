//! Documents from every input, read on a thread of their own so that reading overlaps
//! annotation, handed over in input order.

use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, sync_channel};
use std::thread;

use chronicle_ingest::reader::ReadResult;
use chronicle_ingest::{Input, InputError, ReadLimits, read_input};

/// How many documents may wait between the reader and the annotators.
const QUEUE: usize = 1024;

/// The stream of documents and input errors, in input order.
pub struct Feed {
    rx: Receiver<ReadResult>,
}

impl Feed {
    /// Starts reading `inputs` (path errors found while expanding come first, in order).
    pub fn start(early_errors: Vec<InputError>, inputs: Vec<Input>, limits: ReadLimits) -> Feed {
        let (tx, rx) = sync_channel(QUEUE);
        thread::spawn(move || produce(tx, early_errors, inputs, limits));
        Feed { rx }
    }

    /// The next batch: waits for one item, then takes whatever else is ready, up to `max`.
    /// Empty at the end. Taking what is ready keeps a slow stream (a pipe from Spark, a user
    /// typing) flowing record by record and a fast one (files) in large parallel batches.
    pub fn next_batch(&self, max: usize) -> Vec<ReadResult> {
        let mut batch = Vec::new();
        match self.rx.recv() {
            Ok(item) => batch.push(item),
            Err(_) => return batch,
        }
        while batch.len() < max {
            match self.rx.try_recv() {
                Ok(item) => batch.push(item),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
        }
        batch
    }
}

fn produce(
    tx: SyncSender<ReadResult>,
    early_errors: Vec<InputError>,
    inputs: Vec<Input>,
    limits: ReadLimits,
) {
    for err in early_errors {
        if tx.send(Err(err)).is_err() {
            return;
        }
    }
    for input in &inputs {
        for item in read_input(input, limits) {
            if tx.send(item).is_err() {
                return;
            }
        }
    }
}
