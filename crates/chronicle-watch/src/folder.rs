//! The drop folder: files put in it (text, HTML, JSON lines, WARC, gzipped or not) are ingested
//! once each, after they stop growing.
//!
//! A file is settled when it has not been modified for [`DropFolder::settle`]: a copy in
//! progress keeps its modification time fresh. Files ingested are named in a ledger inside the
//! folder (`.chronicle-ingested`, one name a line), written after the round that stored them has
//! committed; should the process die in between, the next round reads the file again and the
//! store finds its articles already stored. Dot files and folders are left alone. Polling the
//! folder each round needs no watcher thread (and no `notify` dependency): the round is the
//! unit of work anyway.

use std::collections::HashSet;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Name of the ledger of ingested files inside the folder.
pub const LEDGER: &str = ".chronicle-ingested";

/// A folder watched for new files.
#[derive(Debug, Clone)]
pub struct DropFolder {
    dir: PathBuf,
    /// How long a file must stay unmodified before it is read.
    pub settle: Duration,
}

impl DropFolder {
    /// Watches `dir` (created when absent).
    pub fn new(dir: &Path, settle: Duration) -> io::Result<DropFolder> {
        fs::create_dir_all(dir)?;
        Ok(DropFolder {
            dir: dir.to_path_buf(),
            settle,
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The settled files not ingested yet, by name.
    pub fn ready(&self) -> io::Result<Vec<PathBuf>> {
        let done = self.done()?;
        let now = SystemTime::now();
        let mut ready = Vec::new();
        for entry in fs::read_dir(&self.dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || done.contains(&name) {
                continue;
            }
            let meta = entry.metadata()?;
            let age = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .unwrap_or_default();
            if meta.is_file() && age >= self.settle {
                ready.push(entry.path());
            }
        }
        ready.sort();
        Ok(ready)
    }

    /// Records `files` as ingested.
    pub fn mark_done(&self, files: &[PathBuf]) -> io::Result<()> {
        if files.is_empty() {
            return Ok(());
        }
        let mut ledger = OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join(LEDGER))?;
        for f in files {
            if let Some(name) = f.file_name() {
                writeln!(ledger, "{}", name.to_string_lossy())?;
            }
        }
        ledger.sync_data()
    }

    fn done(&self) -> io::Result<HashSet<String>> {
        match fs::read_to_string(self.dir.join(LEDGER)) {
            Ok(text) => Ok(text.lines().map(str::to_string).collect()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(HashSet::new()),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settled_files_once_each() {
        let dir = std::env::temp_dir().join(format!("chronicle-drop-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let folder = DropFolder::new(&dir, Duration::ZERO).unwrap();
        fs::write(dir.join("a.txt"), "A story.").unwrap();
        fs::write(dir.join(".hidden"), "x").unwrap();
        let ready = folder.ready().unwrap();
        assert_eq!(ready, [dir.join("a.txt")]);
        folder.mark_done(&ready).unwrap();
        assert!(folder.ready().unwrap().is_empty());
        let slow = DropFolder::new(&dir, Duration::from_secs(3600)).unwrap();
        fs::write(dir.join("b.txt"), "Still being copied.").unwrap();
        assert!(
            slow.ready().unwrap().is_empty(),
            "a fresh file is not settled"
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
