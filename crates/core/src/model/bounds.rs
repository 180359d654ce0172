//! The numbers Samdrift accepts: how many of a thing a study may have and
//! how large its figures may be. Validation refuses what lies beyond them,
//! and the analyses' inputs (ranges, seat types) are held to the same
//! ([`super::InputRef::limits`]).

/// Longest horizon a study may have, in years.
pub const MAX_HORIZON_YEARS: u32 = 200;
/// Growth and discount rates Samdrift accepts, percent per year (beyond
/// these, figures over 200 years would no longer be finite numbers).
pub const RATE_RANGE_PERCENT: std::ops::RangeInclusive<f64> = -50.0..=100.0;
/// Most members a study may have.
pub const MAX_MEMBERS: usize = 500;
/// Most scenarios, keys or categories a study may have (each).
pub const MAX_ITEMS: usize = 500;
/// Most cost lines in one scenario, or positions of one member.
pub const MAX_LINES: usize = 10_000;
/// Largest amount (NOK) a line or cell may have: ten trillion kroner,
/// far beyond any municipality, well inside what sums can add up exactly.
pub const MAX_AMOUNT_NOK: f64 = 1e13;
/// Largest count or quantity (inhabitants, workstations, units).
pub const MAX_COUNT: f64 = 1e9;
