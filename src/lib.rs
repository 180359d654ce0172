//! Samdrift: compare today's municipal IT operation with joint in-house
//! operation, thin clients and outsourced hosting, per municipality.
//!
//! The layers, each using only the ones before it:
//! - [`model`]: the study document (serde types) and its validation;
//! - [`engine`]: pure evaluation of a study into every figure;
//! - [`report`]: tables, explanations, findings and messages in the user's
//!   language, built from the engine's results (no file, no egui);
//! - [`io`]: study files (versioned RON, atomic save) and exports;
//! - [`cli`]: the headless command line;
//! - `app` (feature `gui`): the eframe desktop app.
//!
//! [`format`] (Nordic numbers), [`lang`] (the languages) and [`i18n`]
//! (messages in nb, nn, sv, da and en) are shared by all of them.

pub mod bench;
pub mod cli;
pub mod criteria;
pub mod engine;
pub mod fairness;
pub mod format;
pub mod i18n;
pub mod io;
pub mod lang;
pub mod model;
pub mod palette;
pub mod report;
pub mod uncertainty;

#[cfg(feature = "gui")]
pub mod app;

/// The reference study (Nordre Troms 2006), embedded in the binary.
pub const REFERENCE_STUDY: &str = include_str!("../scenarios/nordre-troms-2006.ron");
/// The name the embedded reference study is shown under.
pub const REFERENCE_STUDY_NAME: &str = "nordre-troms-2006.ron";
/// The reference study with the workstations priced on every scenario: what
/// the app opens by default.
pub const WORKSTATIONS_STUDY: &str = include_str!("../scenarios/nordre-troms-2006-arbeidsplasser.ron");
/// The name the embedded study with workstations is shown under.
pub const WORKSTATIONS_STUDY_NAME: &str = "nordre-troms-2006-arbeidsplasser.ron";
