//! Publishing the way GDELT 2.0 does: every 15 minutes of storing time is a slice, and each
//! slice is three zipped tab-separated files named by the slice's start (UTC),
//! `YYYYMMDDHHMMSS.export.CSV.zip` (events, 61 columns), `YYYYMMDDHHMMSS.mentions.CSV.zip`
//! (mentions, 16) and `YYYYMMDDHHMMSS.gkg.csv.zip` (GKG 2.1, 27), each holding one file of its
//! own name without `.zip`; `lastupdate.txt` then names the latest slice's three files, one a
//! line: size in bytes, MD5 in hex, and the file's address.
//!
//! The rows come from the store's own exporters (`chronicle_store::export`), restricted to the
//! slice's storing time: an event first stored in the slice, a mention whose article was, an
//! article stored in it. A slice written again (two rounds in one quarter hour) is rewritten
//! whole. Every file is written under a temporary name and renamed, so a reader of the folder
//! never sees half a file.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use chronicle_store::Store;
use chronicle_store::export::{self, Window};

/// Length of a slice, in seconds.
pub const SLICE_SECONDS: i64 = 15 * 60;

/// The three files of a slice, in `lastupdate.txt`'s order.
pub const KINDS: [&str; 3] = ["export.CSV", "mentions.CSV", "gkg.csv"];

/// Writes slices into one folder.
#[derive(Debug, Clone)]
pub struct Publisher {
    dir: PathBuf,
    /// What `lastupdate.txt` puts before a file's name: a URL prefix where the folder is
    /// served, else the folder's own path.
    base: String,
}

impl Publisher {
    /// A publisher into `dir` (created when absent); `base_url`, when given, is where the
    /// folder is served (`https://host/gdelt/`).
    pub fn new(dir: &Path, base_url: Option<&str>) -> io::Result<Publisher> {
        fs::create_dir_all(dir)?;
        let base = match base_url {
            Some(u) if u.ends_with('/') => u.to_string(),
            Some(u) => format!("{u}/"),
            None => format!("{}/", fs::canonicalize(dir)?.display()),
        };
        Ok(Publisher {
            dir: dir.to_path_buf(),
            base,
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes every slice from the one holding `from` to the one holding `to` and points
    /// `lastupdate.txt` at the last; returns how many files were written.
    pub fn publish_between(
        &self,
        store: &Store,
        from: jiff::Timestamp,
        to: jiff::Timestamp,
    ) -> Result<usize, PublishError> {
        let mut start = slice_start(from);
        let last = slice_start(to);
        let mut written = 0;
        loop {
            let lines = self.publish_slice(store, start)?;
            written += lines.len();
            if start >= last {
                write_atomically(&self.dir.join("lastupdate.txt"), lines.join("").as_bytes())?;
                return Ok(written);
            }
            start += SLICE_SECONDS;
        }
    }

    /// Writes the three files of the slice starting at `start` (Unix seconds); returns their
    /// `lastupdate.txt` lines.
    fn publish_slice(&self, store: &Store, start: i64) -> Result<Vec<String>, PublishError> {
        let conn = store.conn();
        let window = Window {
            from: stamp(start)?,
            to: stamp(start + SLICE_SECONDS)?,
        };
        let mut lines = Vec::with_capacity(3);
        for kind in KINDS {
            let inner = format!("{}.{kind}", window.from);
            let mut rows = Vec::new();
            match kind {
                "export.CSV" => {
                    let options = export::gdelt::Options {
                        added: Some(window.clone()),
                        ..Default::default()
                    };
                    export::gdelt::write(conn, &options, &mut rows)?;
                }
                "mentions.CSV" => {
                    let filter = Default::default();
                    export::mentions::write_added(conn, &filter, Some(&window), false, &mut rows)?;
                }
                _ => {
                    export::gkg::write_added(conn, Some(&window), false, &mut rows)?;
                }
            }
            let zipped = zip_one(&inner, &rows)?;
            let name = format!("{inner}.zip");
            write_atomically(&self.dir.join(&name), &zipped)?;
            let md5 = md5_hex(&zipped);
            lines.push(format!("{} {md5} {}{name}\n", zipped.len(), self.base));
        }
        Ok(lines)
    }
}

/// Why a slice could not be published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("{0}")]
    Store(#[from] chronicle_store::StoreError),
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("time: {0}")]
    Time(#[from] jiff::Error),
}

/// The start (Unix seconds) of the slice holding `ts`.
pub fn slice_start(ts: jiff::Timestamp) -> i64 {
    ts.as_second().div_euclid(SLICE_SECONDS) * SLICE_SECONDS
}

/// `YYYYMMDDHHMMSS` in UTC, as the store writes its storing times and GDELT names its files.
fn stamp(second: i64) -> Result<String, jiff::Error> {
    Ok(jiff::Timestamp::from_second(second)?
        .strftime("%Y%m%d%H%M%S")
        .to_string())
}

/// A zip archive holding `bytes` as one deflated file called `name`.
fn zip_one(name: &str, bytes: &[u8]) -> Result<Vec<u8>, PublishError> {
    let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(name, options)?;
    zip.write_all(bytes)?;
    Ok(zip.finish()?.into_inner())
}

fn md5_hex(bytes: &[u8]) -> String {
    use md5::Digest;
    let digest = md5::Md5::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `path` whole or not at all (a temporary file renamed over it).
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension("tmp");
    {
        let mut f = BufWriter::new(File::create(&tmp)?);
        f.write_all(bytes)?;
        f.into_inner().map_err(|e| e.into_error())?.sync_data()?;
    }
    fs::rename(tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_start_on_the_quarter_hour() {
        let ts: jiff::Timestamp = "2026-12-06T20:44:59Z".parse().unwrap();
        assert_eq!(stamp(slice_start(ts)).unwrap(), "20261206203000");
        let on: jiff::Timestamp = "2026-12-06T20:45:00Z".parse().unwrap();
        assert_eq!(stamp(slice_start(on)).unwrap(), "20261206204500");
    }

    #[test]
    fn md5_of_known_input() {
        assert_eq!(md5_hex(b"abc"), "900150983cd24fb0d6963f7d28e17f72");
    }
}
