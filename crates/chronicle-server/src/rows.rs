//! The store's [`Table`]s as JSON: one object per row, keyed by column name, written straight
//! from the cells without an intermediate `serde_json::Value`.

use chronicle_store::Table;
use chronicle_store::query::Cell;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A table's rows as a JSON array of objects.
pub(crate) struct Rows<'a>(pub &'a Table);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.rows.len()))?;
        for row in &self.0.rows {
            seq.serialize_element(&Row {
                columns: &self.0.columns,
                cells: row,
            })?;
        }
        seq.end()
    }
}

struct Row<'a> {
    columns: &'a [&'static str],
    cells: &'a [Cell],
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (name, cell) in self.columns.iter().zip(self.cells) {
            match cell {
                Cell::Null => map.serialize_entry(name, &())?,
                Cell::Int(v) => map.serialize_entry(name, v)?,
                Cell::Real(v) => map.serialize_entry(name, v)?,
                Cell::Text(v) => map.serialize_entry(name, v)?,
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_objects() {
        let table = Table {
            columns: vec!["a", "b", "c", "d"],
            rows: vec![vec![
                Cell::Int(1),
                Cell::Text("x\"y".into()),
                Cell::Null,
                Cell::Real(0.5),
            ]],
        };
        let json = serde_json::to_string(&Rows(&table)).unwrap();
        assert_eq!(json, r#"[{"a":1,"b":"x\"y","c":null,"d":0.5}]"#);
    }
}
