//! Helpers shared by the test files that read the sources.

use std::path::{Path, PathBuf};

/// Every `.rs` file below `dir`, depth first.
///
/// # Panics
/// When a folder cannot be read (a test's setup is broken).
#[allow(clippy::unwrap_used)]
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
