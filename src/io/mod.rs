//! Files: the study file (versioned RON, atomic save) and, later, exports
//! and imports. No egui here.

pub mod atomic;
pub mod study_file;
mod v1;

pub use study_file::{LoadError, SaveError, load_path, load_str, save_path, to_ron_string};
