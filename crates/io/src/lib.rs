//! Samdrift's files ([`io`]): the versioned study file and its migrations,
//! atomic saving and recovery, the CSV import, and the CSV, XLSX, SVG and
//! HTML exports.
//!
//! The layers below are re-exported, so code here names them as
//! `crate::model`, `crate::report` … as before the split.

pub use samdrift_report::{
    REFERENCE_STUDY, REFERENCE_STUDY_NAME, WORKSTATIONS_STUDY, WORKSTATIONS_STUDY_NAME, budget, criteria,
    engine, fairness, format, i18n, lang, model, palette, report, uncertainty,
};

pub mod io;
