//! Files: the study file (versioned RON, atomic save) and the exports a
//! council can open (CSV, XLSX, an HTML briefing). No egui here.

pub mod atomic;
pub mod csv_export;
pub mod csv_import;
pub mod export;
pub mod html_export;
pub mod recovery;
pub mod study_file;
pub mod svg;
pub mod system;
mod v1;
mod v2;
pub mod xlsx_export;

pub use study_file::{LoadError, SaveError, load_path, load_str, save_path, to_ron_string};
