//! Uncertain inputs: a range on any number that feeds the figures, and
//! groups of inputs that move together. The value the study gives is always
//! the one every deterministic view shows and uses ("most likely"); a range
//! only says how far it may be off, for the uncertainty analysis
//! ([`crate::uncertainty`]).

use serde::{Deserialize, Serialize};

use super::{InputRef, Source};

/// A range on one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    /// The input (a line amount, a today's-cost cell, an attribute, …).
    pub input: InputRef,
    /// How far it may be off.
    pub range: Range,
    /// The correlation group it moves with, by name.
    #[serde(default)]
    pub group: Option<String>,
    /// Where the range comes from.
    #[serde(default)]
    pub source: Source,
}

impl Uncertainty {
    /// The range offered when a user first gives `input` (now `value`) a
    /// range: 10 % below to 20 % above, as a three-point estimate (estimates
    /// of cost are more often too low than too high); at least ±0,1 / +0,2
    /// around zero. The user then edits it and names its source.
    #[must_use]
    pub fn around(input: InputRef, value: f64) -> Uncertainty {
        let scale = value.abs().max(1.0);
        Uncertainty {
            input,
            range: Range::Pert {
                low: value - 0.1 * scale,
                high: value + 0.2 * scale,
            },
            group: None,
            source: Source::Assumption { note: String::new() },
        }
    }
}

/// The shape of a range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Range {
    /// A three-point estimate: lowest, the study's own value as the most
    /// likely, highest (a PERT distribution: a Beta scaled to
    /// `[low, high]` with mode at the most likely value, weight 4).
    Pert {
        /// The lowest value thought possible.
        low: f64,
        /// The highest value thought possible.
        high: f64,
    },
    /// A 90 % interval: the value lies between `low` and `high` nine times
    /// out of ten (a normal distribution, or a lognormal for amounts that
    /// cannot be negative).
    Interval90 {
        /// The 5th percentile.
        low: f64,
        /// The 95th percentile.
        high: f64,
        /// Lognormal rather than normal (needs `low > 0`).
        #[serde(default)]
        lognormal: bool,
    },
    /// A few possible values with weights (e.g. two tender prices).
    Discrete(Vec<WeightedValue>),
}

/// One value of a discrete range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightedValue {
    /// The value.
    pub value: f64,
    /// Its weight (any scale; e.g. percent).
    pub weight: f64,
}

/// The 95th percentile of the standard normal distribution.
const Z95: f64 = 1.644_853_626_951_472_2;

/// The mean and standard deviation of the normal whose 5th and 95th
/// percentiles are `low` and `high` — of the logarithms for a lognormal
/// 90 % interval. The sampler draws from it; validation measures how much
/// of it lies beyond the input's limits.
#[must_use]
pub fn interval_parameters(low: f64, high: f64, lognormal: bool) -> (f64, f64) {
    let (a, b) = if lognormal {
        (low.ln(), high.ln())
    } else {
        (low, high)
    };
    (f64::midpoint(a, b), (b - a) / (2.0 * Z95))
}

impl Range {
    /// The lowest and highest value a tornado chart swings the input
    /// between: the ends of a three-point estimate, the 5th and 95th
    /// percentile of an interval, the smallest and largest discrete value
    /// that can be drawn (of positive weight: a value of weight 0 never is).
    #[must_use]
    pub fn bounds(&self) -> (f64, f64) {
        match self {
            Range::Pert { low, high } | Range::Interval90 { low, high, .. } => (*low, *high),
            Range::Discrete(values) => values
                .iter()
                .filter(|v| v.weight > 0.0)
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                    (lo.min(v.value), hi.max(v.value))
                }),
        }
    }
}

/// Inputs that move together: drawn with this rank correlation between
/// every two of them (e.g. all provider prices, 0.8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrelationGroup {
    /// Name, unique; inputs name their group by it.
    pub name: String,
    /// Spearman rank correlation between any two members, 0–1.
    pub rank_correlation: f64,
    /// Why they move together.
    #[serde(default)]
    pub source: Source,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offered_range_runs_from_ten_below_to_twenty_above() {
        // 627 000 kr: 627 000 − 62 700 = 564 300 to 627 000 + 125 400 = 752 400.
        let offered = Uncertainty::around(InputRef::PriceGrowth, 627_000.0);
        assert_eq!(
            offered.range,
            Range::Pert {
                low: 564_300.0,
                high: 752_400.0
            }
        );
        assert_eq!(offered.input, InputRef::PriceGrowth);
        // Around zero it still has a width: −0,1 to 0,2.
        assert_eq!(
            Uncertainty::around(InputRef::PriceGrowth, 0.0).range,
            Range::Pert { low: -0.1, high: 0.2 }
        );
    }
}
