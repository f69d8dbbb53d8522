//! A small Parquet writer of our own: flat schemas of optional INT64, DOUBLE, UTF-8 string and
//! DATE columns, PLAIN encoding, no compression, one data page per column per row group.
//!
//! Why not the `parquet` crate: arrow + parquet cost about 4.5 minutes of cold build on two
//! cores, more than the rest of Chronicle, to write a handful of flat tables. The format needs
//! little for that: the four magic bytes, column chunks of (page header, definition levels,
//! values), and a footer of Thrift compact-protocol metadata. pyarrow and DuckDB read the files
//! back in the test harness (`tests/parquet_check.py`), with types and row counts checked.

use std::io::{self, Write};

use crate::query::Cell;

/// A column's type as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// INT64.
    Int64,
    /// DOUBLE.
    Double,
    /// BYTE_ARRAY annotated as a UTF-8 string.
    Utf8,
    /// INT32 days since 1970-01-01, annotated as DATE.
    Date,
}

/// One column of the schema; every column is optional (nullable).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
}

/// Row groups are cut when this many bytes of values are buffered (the default): large enough
/// for fast scans, small enough to keep an export's memory bounded.
pub const ROW_GROUP_BYTES: usize = 64 << 20;

const MAGIC: &[u8] = b"PAR1";

#[derive(Default)]
struct ColumnBuf {
    values: Vec<u8>,
    defined: Vec<bool>,
}

struct Chunk {
    offset: i64,
    size: i64,
    values: i64,
}

struct RowGroup {
    chunks: Vec<Chunk>,
    rows: i64,
    bytes: i64,
}

/// Writes rows into a Parquet file.
pub struct ParquetWriter<W: Write> {
    out: W,
    pos: u64,
    columns: Vec<Column>,
    bufs: Vec<ColumnBuf>,
    buffered: usize,
    group_bytes: usize,
    groups: Vec<RowGroup>,
}

impl<W: Write> ParquetWriter<W> {
    /// Starts a file with the given columns.
    pub fn new(mut out: W, columns: Vec<Column>) -> io::Result<Self> {
        out.write_all(MAGIC)?;
        let bufs = columns.iter().map(|_| ColumnBuf::default()).collect();
        Ok(ParquetWriter {
            out,
            pos: MAGIC.len() as u64,
            columns,
            bufs,
            buffered: 0,
            group_bytes: ROW_GROUP_BYTES,
            groups: Vec::new(),
        })
    }

    /// Cuts row groups at `bytes` of buffered values instead of [`ROW_GROUP_BYTES`].
    pub fn with_row_group_bytes(mut self, bytes: usize) -> Self {
        self.group_bytes = bytes.max(1);
        self
    }

    /// Appends one row; a cell of the wrong kind for its column is written as null.
    pub fn push(&mut self, row: &[Cell]) -> io::Result<()> {
        for (i, (col, buf)) in self.columns.iter().zip(&mut self.bufs).enumerate() {
            let before = buf.values.len();
            let defined = encode(col.kind, row.get(i).unwrap_or(&Cell::Null), &mut buf.values);
            buf.defined.push(defined);
            self.buffered += buf.values.len() - before + 1;
        }
        if self.buffered >= self.group_bytes {
            self.flush_group()?;
        }
        Ok(())
    }

    /// Writes the last row group and the footer; returns the output and the row count.
    pub fn finish(mut self) -> io::Result<(W, i64)> {
        self.flush_group()?;
        let rows = self.groups.iter().map(|g| g.rows).sum();
        let footer = file_metadata(&self.columns, &self.groups, rows);
        self.out.write_all(&footer)?;
        self.out.write_all(&(footer.len() as u32).to_le_bytes())?;
        self.out.write_all(MAGIC)?;
        self.out.flush()?;
        Ok((self.out, rows))
    }

    fn flush_group(&mut self) -> io::Result<()> {
        let rows = self.bufs.first().map_or(0, |b| b.defined.len());
        if rows == 0 {
            return Ok(());
        }
        let mut chunks = Vec::with_capacity(self.bufs.len());
        for buf in &mut self.bufs {
            let mut data = definition_levels(&buf.defined);
            data.extend_from_slice(&buf.values);
            let header = page_header(rows as i32, data.len() as i32);
            let offset = self.pos as i64;
            self.out.write_all(&header)?;
            self.out.write_all(&data)?;
            let size = (header.len() + data.len()) as i64;
            self.pos += size as u64;
            chunks.push(Chunk {
                offset,
                size,
                values: rows as i64,
            });
            *buf = ColumnBuf::default();
        }
        let bytes = chunks.iter().map(|c| c.size).sum();
        self.groups.push(RowGroup {
            chunks,
            rows: rows as i64,
            bytes,
        });
        self.buffered = 0;
        Ok(())
    }
}

/// PLAIN-encodes a cell into `out`; `false` (nothing written) for a null.
fn encode(kind: Kind, cell: &Cell, out: &mut Vec<u8>) -> bool {
    match (kind, cell) {
        (Kind::Int64, Cell::Int(v)) => out.extend_from_slice(&v.to_le_bytes()),
        (Kind::Double, Cell::Real(v)) => out.extend_from_slice(&v.to_le_bytes()),
        (Kind::Double, Cell::Int(v)) => out.extend_from_slice(&(*v as f64).to_le_bytes()),
        (Kind::Date, Cell::Int(v)) => match i32::try_from(*v) {
            Ok(days) => out.extend_from_slice(&days.to_le_bytes()),
            Err(_) => return false,
        },
        (Kind::Utf8, Cell::Text(s)) => {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        }
        (Kind::Utf8, Cell::Int(v)) => return encode(kind, &Cell::Text(v.to_string()), out),
        _ => return false,
    }
    true
}

/// Definition levels (1 defined, 0 null) as one bit-packed run of the RLE/bit-packing hybrid,
/// preceded by its length as data page v1 wants.
fn definition_levels(defined: &[bool]) -> Vec<u8> {
    let mut run = Vec::with_capacity(defined.len() / 8 + 8);
    varint(((defined.len().div_ceil(8) as u64) << 1) | 1, &mut run);
    for group in defined.chunks(8) {
        let byte = group
            .iter()
            .enumerate()
            .fold(0u8, |b, (i, &d)| if d { b | 1 << i } else { b });
        run.push(byte);
    }
    let mut out = (run.len() as u32).to_le_bytes().to_vec();
    out.extend(run);
    out
}

fn page_header(values: i32, size: i32) -> Vec<u8> {
    let mut t = Thrift::default();
    t.i32(1, 0); // DATA_PAGE
    t.i32(2, size);
    t.i32(3, size);
    t.begin_struct(5);
    t.i32(1, values);
    t.i32(2, 0); // PLAIN
    t.i32(3, 3); // RLE definition levels
    t.i32(4, 3); // RLE repetition levels (none: flat schema)
    t.end_struct();
    t.stop()
}

fn file_metadata(columns: &[Column], groups: &[RowGroup], rows: i64) -> Vec<u8> {
    let mut t = Thrift::default();
    t.i32(1, 1);
    t.begin_list(2, STRUCT, columns.len() + 1);
    t.begin_element();
    t.string(4, "schema");
    t.i32(5, columns.len() as i32);
    t.end_struct();
    for col in columns {
        schema_element(&mut t, col);
    }
    t.i64(3, rows);
    t.begin_list(4, STRUCT, groups.len());
    for group in groups {
        t.begin_element();
        t.begin_list(1, STRUCT, group.chunks.len());
        for (col, chunk) in columns.iter().zip(&group.chunks) {
            column_chunk(&mut t, col, chunk);
        }
        t.i64(2, group.bytes);
        t.i64(3, group.rows);
        t.end_struct();
    }
    t.string(6, "chronicle-store");
    t.stop()
}

fn physical_type(kind: Kind) -> i32 {
    match kind {
        Kind::Int64 => 2,
        Kind::Double => 5,
        Kind::Utf8 => 6,
        Kind::Date => 1,
    }
}

fn schema_element(t: &mut Thrift, col: &Column) {
    t.begin_element();
    t.i32(1, physical_type(col.kind));
    t.i32(3, 1); // OPTIONAL
    t.string(4, col.name);
    let logical = match col.kind {
        Kind::Utf8 => Some((0, 1)), // converted UTF8, logical STRING
        Kind::Date => Some((6, 6)), // converted DATE, logical DATE
        _ => None,
    };
    if let Some((converted, logical)) = logical {
        t.i32(6, converted);
        t.begin_struct(10);
        t.begin_struct(logical);
        t.end_struct();
        t.end_struct();
    }
    t.end_struct();
}

fn column_chunk(t: &mut Thrift, col: &Column, chunk: &Chunk) {
    t.begin_element();
    t.i64(2, chunk.offset);
    t.begin_struct(3);
    t.i32(1, physical_type(col.kind));
    t.begin_list(2, I32, 2);
    t.list_i32(0); // PLAIN
    t.list_i32(3); // RLE
    t.begin_list(3, BINARY, 1);
    t.list_string(col.name);
    t.i32(4, 0); // UNCOMPRESSED
    t.i64(5, chunk.values);
    t.i64(6, chunk.size);
    t.i64(7, chunk.size);
    t.i64(9, chunk.offset);
    t.end_struct();
    t.end_struct();
}

const I32: u8 = 5;
const I64: u8 = 6;
const BINARY: u8 = 8;
const LIST: u8 = 9;
const STRUCT: u8 = 12;

/// Thrift's compact protocol, as much of it as Parquet metadata needs.
#[derive(Default)]
struct Thrift {
    buf: Vec<u8>,
    /// The last field id written in each open struct (field ids are written as deltas).
    last: Vec<i16>,
}

impl Thrift {
    fn field(&mut self, id: i16, ty: u8) {
        if self.last.is_empty() {
            self.last.push(0);
        }
        let last = self.last.last_mut().map_or(0, |l| std::mem::replace(l, id));
        let delta = id - last;
        if (1..=15).contains(&delta) {
            self.buf.push((delta as u8) << 4 | ty);
        } else {
            self.buf.push(ty);
            varint(zigzag(i64::from(id)), &mut self.buf);
        }
    }

    fn i32(&mut self, id: i16, v: i32) {
        self.field(id, I32);
        varint(zigzag(i64::from(v)), &mut self.buf);
    }

    fn i64(&mut self, id: i16, v: i64) {
        self.field(id, I64);
        varint(zigzag(v), &mut self.buf);
    }

    fn string(&mut self, id: i16, s: &str) {
        self.field(id, BINARY);
        self.list_string(s);
    }

    fn begin_struct(&mut self, id: i16) {
        self.field(id, STRUCT);
        self.last.push(0);
    }

    /// A struct element of a list: no field header, a fresh field-id context.
    fn begin_element(&mut self) {
        self.last.push(0);
    }

    fn end_struct(&mut self) {
        self.buf.push(0);
        self.last.pop();
    }

    fn begin_list(&mut self, id: i16, elem: u8, len: usize) {
        self.field(id, LIST);
        if len < 15 {
            self.buf.push((len as u8) << 4 | elem);
        } else {
            self.buf.push(0xF0 | elem);
            varint(len as u64, &mut self.buf);
        }
    }

    fn list_i32(&mut self, v: i32) {
        varint(zigzag(i64::from(v)), &mut self.buf);
    }

    fn list_string(&mut self, s: &str) {
        varint(s.len() as u64, &mut self.buf);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// Ends the top-level struct and returns its bytes.
    fn stop(mut self) -> Vec<u8> {
        self.buf.push(0);
        self.buf
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_protocol_basics() {
        assert_eq!(zigzag(0), 0);
        assert_eq!(zigzag(-1), 1);
        assert_eq!(zigzag(1), 2);
        let mut v = Vec::new();
        varint(300, &mut v);
        assert_eq!(v, [0xAC, 0x02]);
        let mut t = Thrift::default();
        t.i32(1, 3);
        t.i32(20, 1);
        assert_eq!(t.stop(), [0x15, 0x06, 0x05, 0x28, 0x02, 0x00]);
    }

    #[test]
    fn definition_levels_pack_eight_to_a_byte() {
        let d = definition_levels(&[true, false, true, true, false, false, false, false, true]);
        assert_eq!(d, [3, 0, 0, 0, 0x05, 0b0000_1101, 0b0000_0001]);
    }

    #[test]
    fn a_file_starts_and_ends_with_the_magic() {
        let cols = vec![Column {
            name: "n",
            kind: Kind::Int64,
        }];
        let mut w = ParquetWriter::new(Vec::new(), cols).unwrap();
        w.push(&[Cell::Int(7)]).unwrap();
        w.push(&[Cell::Null]).unwrap();
        let (bytes, rows) = w.finish().unwrap();
        assert_eq!(rows, 2);
        assert!(bytes.starts_with(MAGIC) && bytes.ends_with(MAGIC));
    }
}
