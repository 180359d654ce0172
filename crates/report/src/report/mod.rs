//! The report layer: everything a user reads, built from the engine's
//! results once and used by the app, the command line and the exports.
//!
//! `model → engine → report → {io, app, cli}`: the model holds the study
//! and structured problems, the engine computes every figure, and this
//! layer turns them into tables ([`tables::Table`] of [`tables::Cell`]s),
//! explanations, findings and sentences in the user's language. The app
//! draws a table, the CLI prints it, and `io` writes it as CSV, XLSX or
//! HTML; none of them computes money.
//!
//! A new capability adds its tables here: a function `fn x_tables(study,
//! result, tr) -> Vec<Table>` (see [`fleet_report::fleet_tables`]) whose
//! tables carry a stable `id` (the CSV file name and the workbook sheet),
//! a title with its unit, and cells typed as money, percent, number or
//! text; the exports pick them up by being handed the tables, the app by
//! calling the same function. Sums a user sees are the engine's figures,
//! rounded once with [`crate::engine::rounding::round_split`] so their
//! parts add up.

pub mod bundle;
pub mod charts;
pub mod decision;
pub mod explain;
pub mod fleet_report;
pub mod messages;
pub mod metric;
pub mod tables;

#[cfg(test)]
pub(crate) mod core_tests;
