//! The byte stream under the WARC reader: counts offsets, reads bounded lines, and takes back
//! bytes read too far (when a record's length was wrong and the next record is inside them).

use std::io::{self, BufRead};

/// A `BufRead` with a push-back buffer, an offset and a cap on the total bytes read.
pub struct Source<R> {
    inner: R,
    pushed: Vec<u8>,
    pushed_pos: usize,
    offset: u64,
    max_total: u64,
}

/// The outcome of reading a line.
pub enum Line {
    /// A line with its terminator removed.
    Text(Vec<u8>),
    /// A line longer than the limit (its start is discarded up to the newline).
    TooLong,
    /// End of input.
    Eof,
}

impl<R: BufRead> Source<R> {
    pub fn new(inner: R, max_total: u64) -> Self {
        Source {
            inner,
            pushed: Vec::new(),
            pushed_pos: 0,
            offset: 0,
            max_total,
        }
    }

    /// Bytes consumed so far.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Puts bytes back in front of the stream (they will be read again, offset moves back).
    pub fn push_back(&mut self, bytes: &[u8]) {
        let mut rest = bytes.to_vec();
        rest.extend_from_slice(&self.pushed[self.pushed_pos..]);
        self.pushed = rest;
        self.pushed_pos = 0;
        self.offset = self.offset.saturating_sub(bytes.len() as u64);
    }

    fn fill(&mut self) -> io::Result<&[u8]> {
        if self.offset >= self.max_total {
            return Err(io::Error::other(format!(
                "decompressed input exceeds the limit of {} bytes",
                self.max_total
            )));
        }
        if self.pushed_pos < self.pushed.len() {
            return Ok(&self.pushed[self.pushed_pos..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.offset += n as u64;
        if self.pushed_pos < self.pushed.len() {
            self.pushed_pos += n;
            if self.pushed_pos >= self.pushed.len() {
                self.pushed.clear();
                self.pushed_pos = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }

    /// Reads one line of at most `max` bytes (without its `\n` or `\r\n`).
    pub fn read_line(&mut self, max: usize) -> io::Result<Line> {
        let mut line = Vec::new();
        let mut too_long = false;
        let mut any = false;
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                if !any {
                    return Ok(Line::Eof);
                }
                break;
            }
            any = true;
            let (take, done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            if !too_long {
                line.extend_from_slice(&buf[..take]);
                if line.len() > max {
                    too_long = true;
                    line.clear();
                }
            }
            self.consume(take);
            if done {
                break;
            }
        }
        if too_long {
            return Ok(Line::TooLong);
        }
        if line.ends_with(b"\n") {
            line.pop();
        }
        if line.ends_with(b"\r") {
            line.pop();
        }
        Ok(Line::Text(line))
    }

    /// Reads up to `n` bytes (fewer only at the end of input).
    pub fn read_up_to(&mut self, n: u64) -> io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(n.min(1 << 20) as usize);
        let mut left = n;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let take = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            out.extend_from_slice(&buf[..take]);
            self.consume(take);
            left -= take as u64;
        }
        Ok(out)
    }

    /// Skips up to `n` bytes without keeping them; returns how many were skipped.
    pub fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let take = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            self.consume(take);
            left -= take as u64;
        }
        Ok(n - left)
    }
}
