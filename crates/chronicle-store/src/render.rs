//! Printing a [`Table`]: aligned text for people, JSON lines and CSV for programs.

use std::io::{self, Write};

use crate::query::{Cell, Table};

/// How a query's answer is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Aligned columns for a terminal; long texts cut to [`CELL_WIDTH`] characters.
    #[default]
    Table,
    /// One JSON object per row, keys in column order.
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
}

/// The widest a cell is printed in [`Format::Table`].
pub const CELL_WIDTH: usize = 60;

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" => Ok(Format::Table),
            "jsonl" | "json" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            _ => Err(format!("{s:?}: expected table, jsonl or csv")),
        }
    }
}

/// Writes `table` to `out` in `format`.
pub fn write(table: &Table, format: Format, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Table => write_table(table, out),
        Format::Jsonl => write_jsonl(table, out),
        Format::Csv => write_csv(table, out),
    }
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Null => String::new(),
        Cell::Int(n) => n.to_string(),
        Cell::Real(x) => x.to_string(),
        Cell::Text(s) => s.clone(),
    }
}

fn write_table(table: &Table, out: &mut impl Write) -> io::Result<()> {
    let shown: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(|c| shorten(&text(c))).collect())
        .collect();
    let mut widths: Vec<usize> = table.columns.iter().map(|c| c.chars().count()).collect();
    for row in &shown {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let padded: Vec<String> = cells
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    writeln!(out, "{}", line(&mut table.columns.iter().copied()))?;
    for row in &shown {
        writeln!(out, "{}", line(&mut row.iter().map(String::as_str)))?;
    }
    Ok(())
}

/// One line, at most [`CELL_WIDTH`] characters, newlines and tabs as spaces.
fn shorten(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= CELL_WIDTH {
        flat
    } else {
        let mut cut: String = flat.chars().take(CELL_WIDTH - 1).collect();
        cut.push('…');
        cut
    }
}

fn write_jsonl(table: &Table, out: &mut impl Write) -> io::Result<()> {
    for row in &table.rows {
        let mut obj = serde_json::Map::new();
        for (name, cell) in table.columns.iter().zip(row) {
            let value = match cell {
                Cell::Null => serde_json::Value::Null,
                Cell::Int(n) => (*n).into(),
                Cell::Real(x) => serde_json::Number::from_f64(*x)
                    .map_or(serde_json::Value::Null, serde_json::Value::Number),
                Cell::Text(s) => s.clone().into(),
            };
            obj.insert((*name).to_string(), value);
        }
        serde_json::to_writer(&mut *out, &obj)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn write_csv(table: &Table, out: &mut impl Write) -> io::Result<()> {
    let header: Vec<String> = table.columns.iter().map(|c| csv_field(c)).collect();
    writeln!(out, "{}", header.join(","))?;
    for row in &table.rows {
        let fields: Vec<String> = row.iter().map(|c| csv_field(&text(c))).collect();
        writeln!(out, "{}", fields.join(","))?;
    }
    Ok(())
}

/// A CSV field, quoted when it holds a comma, quote or line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table {
            columns: vec!["id", "text"],
            rows: vec![
                vec![Cell::Int(1), Cell::Text("a, \"quoted\"\nline".into())],
                vec![Cell::Null, Cell::Real(1.5)],
            ],
        }
    }

    fn render(format: Format) -> String {
        let mut out = Vec::new();
        write(&sample(), format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(
            render(Format::Csv),
            "id,text\n1,\"a, \"\"quoted\"\"\nline\"\n,1.5\n"
        );
    }

    #[test]
    fn jsonl_keeps_types() {
        let out = render(Format::Jsonl);
        let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert_eq!(first["id"], 1);
        assert_eq!(first["text"], "a, \"quoted\"\nline");
    }

    #[test]
    fn table_aligns_and_flattens() {
        let out = render(Format::Table);
        assert_eq!(out.lines().next(), Some("id  text"));
        assert_eq!(out.lines().nth(1), Some("1   a, \"quoted\" line"));
        assert_eq!(out.lines().count(), 3);
    }
}
