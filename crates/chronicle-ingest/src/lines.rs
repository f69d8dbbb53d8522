//! Lines of a stream with a cap on their length, so that one enormous line (a 2 GB record, a
//! decompressed gzip bomb with no newline) is skipped in constant memory rather than buffered.

use std::io::{self, BufRead};

/// What reading one line gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A complete line is in the buffer, without its `\n` (a `\r` before it is dropped too).
    Complete,
    /// The line was longer than the cap; it was read to its end and thrown away.
    TooLong,
}

/// Reads `\n`-terminated lines from `reader`, at most `limit` bytes each.
pub struct BoundedLines<R> {
    reader: R,
    limit: usize,
    line_no: u64,
}

impl<R: BufRead> BoundedLines<R> {
    pub fn new(reader: R, limit: usize) -> Self {
        BoundedLines {
            reader,
            limit,
            line_no: 0,
        }
    }

    /// The cap on a line's length in bytes.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// The 1-based number of the line last read.
    pub fn line_no(&self) -> u64 {
        self.line_no
    }

    /// Reads the next line into `buf` (cleared first). `Ok(None)` at the end of the stream.
    pub fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<Line>> {
        buf.clear();
        let mut too_long = false;
        let mut saw_any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            saw_any = true;
            let (chunk, done) = match memchr::memchr(b'\n', available) {
                Some(pos) => (&available[..pos], Some(pos + 1)),
                None => (available, None),
            };
            if !too_long {
                if buf.len() + chunk.len() > self.limit {
                    too_long = true;
                    buf.clear();
                    buf.shrink_to(64 * 1024);
                } else {
                    buf.extend_from_slice(chunk);
                }
            }
            let consumed = done.unwrap_or(available.len());
            self.reader.consume(consumed);
            if done.is_some() {
                break;
            }
        }
        if !saw_any {
            return Ok(None);
        }
        self.line_no += 1;
        if too_long {
            return Ok(Some(Line::TooLong));
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        Ok(Some(Line::Complete))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], limit: usize) -> Vec<Result<String, ()>> {
        let mut lines = BoundedLines::new(input, limit);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(line) = lines.next_line(&mut buf).unwrap() {
            out.push(match line {
                Line::Complete => Ok(String::from_utf8(buf.clone()).unwrap()),
                Line::TooLong => Err(()),
            });
        }
        out
    }

    #[test]
    fn splits_lines_and_drops_carriage_returns() {
        assert_eq!(
            all(b"a\r\nbb\n\nccc", 10),
            vec![
                Ok("a".into()),
                Ok("bb".into()),
                Ok("".into()),
                Ok("ccc".into())
            ]
        );
    }

    #[test]
    fn an_overlong_line_is_skipped_and_the_next_is_read() {
        assert_eq!(
            all(b"short\n0123456789abc\nafter\n", 10),
            vec![Ok("short".into()), Err(()), Ok("after".into())]
        );
    }
}
