//! Samdrift's desktop app ([`app`], eframe/egui).
//!
//! The layers below are re-exported, so code here names them as
//! `crate::model`, `crate::io` … as before the split.

pub use samdrift_io::{
    REFERENCE_STUDY, REFERENCE_STUDY_NAME, WORKSTATIONS_STUDY, WORKSTATIONS_STUDY_NAME, budget, criteria,
    engine, fairness, format, i18n, io, lang, model, palette, report, uncertainty,
};

pub mod app;
