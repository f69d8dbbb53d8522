//! `.warc.gz` read one gzip member at a time, as crawlers write it (one member per record).
//!
//! Reading the members apart, rather than through one decompressed stream, tells where each
//! record really ends: when a record's `Content-Length` disagrees with its member but the member
//! ends cleanly (its CRC and size check out), the member is the record, read whole with a
//! warning naming it, as warcio reads such files. A member that holds several records (a file
//! compressed as one stream) is read as a stream.

use std::io::{BufRead, Cursor, Read};

use flate2::bufread::GzDecoder;

use super::{Limits, WarcError, WarcErrorKind, WarcReader, WarcRecord};

/// Slack above [`Limits::max_record`] for a member's WARC header and separators.
const HEADER_SLACK: u64 = 1 << 20;

/// Records of a gzip-compressed WARC stream, member by member.
pub struct GzipWarcReader<R> {
    inner: R,
    limits: Limits,
    /// Compressed bytes consumed so far: where the next member starts.
    offset: u64,
    /// Decompressed bytes so far, against [`Limits::max_total`].
    total: u64,
    /// Records numbered so far, across members.
    number: u64,
    /// The records of the current member still to yield.
    pending: std::vec::IntoIter<Result<WarcRecord, WarcError>>,
    done: bool,
}

impl<R: BufRead> GzipWarcReader<R> {
    /// A reader of the compressed bytes `inner`.
    pub fn new(inner: R, limits: Limits) -> Self {
        GzipWarcReader {
            inner,
            limits,
            offset: 0,
            total: 0,
            number: 0,
            pending: Vec::new().into_iter(),
            done: false,
        }
    }

    fn error(&self, offset: u64, kind: WarcErrorKind) -> WarcError {
        WarcError {
            record: self.number + 1,
            offset,
            kind,
        }
    }

    /// Decompresses the next member and reads its records into `pending`; `false` at the end.
    fn next_member(&mut self) -> Result<bool, WarcError> {
        let start = self.offset;
        let at_end = match self.inner.fill_buf() {
            Ok(buf) => buf.is_empty(),
            Err(e) => {
                self.done = true;
                return Err(self.error(start, e.into()));
            }
        };
        if at_end {
            return Ok(false);
        }
        let cap = self.limits.max_record + HEADER_SLACK;
        let left = self.limits.max_total.saturating_sub(self.total);
        let mut member = Vec::new();
        let mut counted = Counted {
            inner: &mut self.inner,
            count: 0,
        };
        let read = GzDecoder::new(&mut counted)
            .take(cap.min(left).saturating_add(1))
            .read_to_end(&mut member);
        let consumed = counted.count;
        self.offset += consumed;
        if let Err(e) = read {
            // A broken member: nothing after it can be trusted to start a member.
            self.done = true;
            return Err(self.error(start, e.into()));
        }
        self.total += member.len() as u64;
        if self.total > self.limits.max_total {
            self.done = true;
            let e = std::io::Error::other(format!(
                "decompressed input exceeds the limit of {} bytes",
                self.limits.max_total
            ));
            return Err(self.error(start, e.into()));
        }
        if member.len() as u64 > cap {
            // Skip the rest of an oversized member without holding it.
            let mut counted = Counted {
                inner: &mut self.inner,
                count: 0,
            };
            let rest = std::io::copy(&mut GzDecoder::new(&mut counted), &mut std::io::sink());
            self.offset += counted.count;
            if rest.is_err() {
                self.done = true;
            }
            return Err(self.error(
                start,
                WarcErrorKind::TooLarge {
                    size: member.len() as u64 + rest.unwrap_or(0),
                    limit: self.limits.max_record,
                },
            ));
        }
        let mut records = WarcReader::with_limits(Cursor::new(member), self.limits);
        records.whole_member = true;
        records.number = self.number;
        let mut out: Vec<_> = records.by_ref().collect();
        self.number = records.number;
        for r in &mut out {
            // Offsets name the member in the compressed file, where tools seek to.
            match r {
                Ok(rec) => rec.record_offset = start,
                Err(e) => e.offset = start,
            }
        }
        self.pending = out.into_iter();
        Ok(true)
    }
}

impl<R: BufRead> Iterator for GzipWarcReader<R> {
    type Item = Result<WarcRecord, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.pending.next() {
                return Some(r);
            }
            if self.done {
                return None;
            }
            match self.next_member() {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// A `BufRead` that counts the bytes consumed from it.
struct Counted<'a, R> {
    inner: &'a mut R,
    count: u64,
}

impl<R: BufRead> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<'_, R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.count += amt as u64;
        self.inner.consume(amt);
    }
}
