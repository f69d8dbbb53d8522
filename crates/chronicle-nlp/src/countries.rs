//! The one reader of the team's country table (`dictionaries/actors/countries.txt`), which two
//! consumers share: the names stage's actor dictionary (at run time, and a user's file of the same
//! format) and the places stage's gazetteer (at build time: `build.rs` compiles this file into
//! the build script with `#[path]`, so it uses nothing but the standard library).
//!
//! One country a line, fields separated by ` | `, comments after `#` (at a line's start or after
//! a space): `PRK | North Korea | iso2=KP | alias=DPRK; North Korea | demonym=North Korean`. After
//! the code and the name come `key=value; value` fields; a field without `=` is ignored.

/// The embedded table: compile-time data, so a line that does not parse is a build defect.
pub const EMBEDDED: &str = include_str!("../../../dictionaries/actors/countries.txt");

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country<'a> {
    /// The line's number in its file (from 1).
    pub line: usize,
    /// The actor code: `PRK`.
    pub code: &'a str,
    /// The common name: `North Korea`.
    pub name: &'a str,
    /// The `key=value; value` fields after the name, in the file's order, each value trimmed
    /// and none empty.
    pub fields: Vec<(&'a str, Vec<&'a str>)>,
}

impl<'a> Country<'a> {
    /// The values of every field named `key`, in the file's order.
    pub fn values<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'a str> + 's {
        self.fields
            .iter()
            .filter(move |(k, _)| *k == key)
            .flat_map(|(_, values)| values.iter().copied())
    }
}

/// A line of the table that does not parse: its number (from 1) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: &'static str,
}

/// Every country of `text`, in the file's order; the first line that does not parse is an error.
pub fn parse(text: &str) -> Result<Vec<Country<'_>>, LineError> {
    records(text)?
        .into_iter()
        .map(|(line, fields)| match fields.as_slice() {
            [code, name, rest @ ..] => Ok(Country {
                line,
                code,
                name,
                fields: rest
                    .iter()
                    .filter_map(|f| f.split_once('='))
                    .map(|(k, v)| (k.trim(), split_list(v).collect()))
                    .collect(),
            }),
            _ => Err(LineError {
                line,
                message: "expected `CODE | Name | key=value ...`",
            }),
        })
        .collect()
}

/// The lines of a table in the team's format (this one and its siblings in
/// `dictionaries/actors/`), each with its number (from 1) and its ` | `-separated fields,
/// trimmed; comments and blank lines are skipped, and an empty field is an error.
pub fn records(text: &str) -> Result<Vec<(usize, Vec<&str>)>, LineError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
        if fields.iter().any(|f| f.is_empty()) {
            return Err(LineError {
                line: i + 1,
                message: "empty field",
            });
        }
        out.push((i + 1, fields));
    }
    Ok(out)
}

/// Removes a `#` comment: at the start of a line, or after whitespace.
fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// The values of a `key=a; b` field: split at `; `, trimmed, none empty.
pub fn split_list(v: &str) -> impl Iterator<Item = &str> {
    v.split("; ").map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_gives_its_code_name_and_keyed_values() {
        let text = "# header\n\nPRK | North Korea | iso2=KP | alias=DPRK; D.P.R.K. | note # why\n";
        let countries = parse(text).expect("parses");
        assert_eq!(countries.len(), 1);
        let prk = &countries[0];
        assert_eq!((prk.line, prk.code, prk.name), (3, "PRK", "North Korea"));
        assert_eq!(prk.values("iso2").collect::<Vec<_>>(), ["KP"]);
        assert_eq!(
            prk.values("alias").collect::<Vec<_>>(),
            ["DPRK", "D.P.R.K."]
        );
    }

    #[test]
    fn a_bad_line_is_named_by_its_number() {
        let err = parse("PRK | North Korea\nUSA\n").expect_err("one field only");
        assert_eq!(err.line, 2);
        let err = parse("PRK |  | iso2=KP\n").expect_err("an empty field");
        assert_eq!((err.line, err.message), (1, "empty field"));
    }

    #[test]
    fn the_embedded_table_parses() {
        let countries = parse(EMBEDDED).expect("countries.txt parses");
        assert!(countries.len() > 190);
        assert!(countries.iter().all(|c| c.values("iso2").count() == 1));
    }
}
