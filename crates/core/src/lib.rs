//! Samdrift's core: the study document and its validation ([`model`]), the
//! engine that turns a study into every figure ([`engine`]), and the
//! analyses built on it ([`uncertainty`], [`fairness`], [`criteria`]).
//! Numbers and ids only: no words in the user's language, no files, no
//! egui — those are the crates above (`samdrift-report`, `samdrift-io`,
//! `samdrift-app`), which the compiler keeps from being used here.
//!
//! [`format`] (Nordic numbers), [`lang`] (the languages) and [`palette`]
//! (the scenarios' colours) are the base every layer shares.

pub mod budget;
pub mod criteria;
pub mod engine;
pub mod fairness;
pub mod format;
pub mod lang;
pub mod model;
pub mod palette;
pub mod uncertainty;

/// The reference study (Nordre Troms 2006), embedded in the binary.
pub const REFERENCE_STUDY: &str = include_str!("../../../scenarios/nordre-troms-2006.ron");
/// The name the embedded reference study is shown under.
pub const REFERENCE_STUDY_NAME: &str = "nordre-troms-2006.ron";
/// The reference study with the workstations priced on every scenario: what
/// the app opens by default.
pub const WORKSTATIONS_STUDY: &str = include_str!("../../../scenarios/nordre-troms-2006-arbeidsplasser.ron");
/// The name the embedded study with workstations is shown under.
pub const WORKSTATIONS_STUDY_NAME: &str = "nordre-troms-2006-arbeidsplasser.ron";
