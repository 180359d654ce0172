//! Samdrift's words and tables: [`i18n`] (messages in nb, nn, sv, da and
//! en) and [`report`] (tables, charts' series, explanations, findings and
//! messages in the user's language, built from the engine's figures; no
//! file, no egui).
//!
//! The core's modules are re-exported, so code here names them as
//! `crate::model`, `crate::engine` … as before the split.

pub use samdrift_core::{
    REFERENCE_STUDY, REFERENCE_STUDY_NAME, WORKSTATIONS_STUDY, WORKSTATIONS_STUDY_NAME, budget, criteria,
    engine, fairness, format, lang, model, palette, uncertainty,
};

pub mod i18n;
pub mod report;
