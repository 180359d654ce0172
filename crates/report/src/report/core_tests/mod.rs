//! Tests of the core's analyses that read their words and tables: they
//! moved here with the layers' split, since the core has no words.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    clippy::panic,
    clippy::many_single_char_names
)]

mod criteria;
mod fairness;
mod keys;
mod uncertainty;
mod validate;

use crate::model::Study;

/// Parses one of the embedded reference studies as loading a file does
/// (line ids and colours given): the study file's reader is the io
/// crate's, above this one.
fn embedded(text: &str) -> Study {
    let mut study: Study = ron::from_str(text).unwrap();
    study.assign_line_ids();
    study.assign_colours();
    study
}

/// The 2006 reference study as the briefing had it.
pub(crate) fn reference() -> Study {
    embedded(crate::REFERENCE_STUDY)
}

/// The 2006 reference study with workstations.
pub(crate) fn with_workstations() -> Study {
    embedded(crate::WORKSTATIONS_STUDY)
}
