//! A small pool of read-only SQLite connections, used from tokio's blocking threads.
//!
//! SQLite connections are not shared between threads at once, and a query blocks its thread;
//! so each request borrows a connection on a blocking thread and gives it back. A semaphore
//! bounds the queries running at once (and the connections ever opened) to the pool's size;
//! further requests wait their turn instead of piling up threads.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chronicle_store::Store;
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// Read-only connections to one database.
///
/// Exists so that handlers say what to ask, not how to get a connection: [`Pool::run`] takes
/// a closure over a [`Store`].
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
}

impl Pool {
    /// Opens one connection now (so a missing or foreign database fails at start, not at the
    /// first request) and allows up to `size` at once.
    pub fn open(path: &Path, size: usize) -> Result<Pool, chronicle_store::StoreError> {
        let first = open_reader(path)?;
        Ok(Pool {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(size.max(1))),
        })
    }

    /// Runs `job` with a connection on a blocking thread, waiting for a free one.
    pub async fn run<T, F>(self: &Arc<Self>, job: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("the server is shutting down"))?;
        let pool = Arc::clone(self);
        let joined = tokio::task::spawn_blocking(move || {
            let store = pool.take()?;
            let result = job(&store);
            pool.give(store);
            drop(permit);
            result
        })
        .await;
        match joined {
            Ok(result) => result,
            Err(err) => {
                eprintln!("chronicle: serve: a query task failed: {err}");
                Err(ApiError::internal("the query failed"))
            }
        }
    }

    fn take(&self) -> Result<Store, ApiError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match idle {
            Some(store) => Ok(store),
            None => Ok(open_reader(&self.path)?),
        }
    }

    fn give(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
    }
}

/// A connection that refuses to write, whatever a query tries.
fn open_reader(path: &Path) -> Result<Store, chronicle_store::StoreError> {
    let store = Store::open_existing(path)?;
    store.conn().pragma_update(None, "query_only", true)?;
    Ok(store)
}
