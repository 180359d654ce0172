//! Samdrift: compare today's municipal IT operation with joint in-house
//! operation, thin clients and outsourced hosting, per municipality.
//!
//! The layers are crates, each using only the ones before it (the compiler
//! enforces it):
//! - `samdrift-core`: [`model`] (the study document and its validation),
//!   [`engine`] (every figure), the analyses [`uncertainty`], [`fairness`]
//!   and [`criteria`], and the shared base [`format`], [`lang`],
//!   [`palette`];
//! - `samdrift-report`: [`i18n`] (messages in nb, nn, sv, da and en) and
//!   [`report`] (tables, explanations, findings; no file, no egui);
//! - `samdrift-io`: [`io`] (study files, recovery, import, exports);
//! - `samdrift-app` (feature `gui`): `app`, the eframe desktop app;
//! - this crate: [`cli`], the headless command line, and [`bench`].
//!
//! Every module is re-exported here, so `samdrift::model::Study` and the
//! like name the same items as before the split.

pub use samdrift_io::{
    REFERENCE_STUDY, REFERENCE_STUDY_NAME, WORKSTATIONS_STUDY, WORKSTATIONS_STUDY_NAME, budget, criteria,
    engine, fairness, format, i18n, io, lang, model, palette, report, uncertainty,
};

#[cfg(feature = "gui")]
pub use samdrift_app::app;

pub mod bench;
pub mod cli;
