//! Checks of the ranges and correlation groups: each range names an input
//! the study has, once; its bounds are finite, low below high, and inside
//! the values the input itself may take ([`InputRef::limits`]); a
//! three-point range includes the study's value; a lognormal one has a
//! positive low; a discrete one has usable weights. A normal or lognormal
//! range reaches beyond any bound: its draws are truncated to the input's
//! limits, with a warning when more than [`TRUNCATION_WARN_SHARE`] of it
//! lies outside. Groups have unique names and correlate 0–1.

use statrs::distribution::{ContinuousCDF, LogNormal, Normal};

use super::{Place, Problem, Report};
use crate::model::uncertainty::{Range, interval_parameters};
use crate::model::{InputRef, Study};

/// The share of a normal or lognormal range outside the input's limits
/// above which the truncation is worth a warning (0,1 %).
pub const TRUNCATION_WARN_SHARE: f64 = 0.001;

/// The distribution of a 90 % interval (normal, or lognormal on the logs),
/// or `None` for a degenerate one.
#[must_use]
pub fn interval_distribution(
    low: f64,
    high: f64,
    lognormal: bool,
) -> Option<Box<dyn ContinuousCDF<f64, f64>>> {
    let (mean, sd) = interval_parameters(low, high, lognormal);
    if lognormal {
        LogNormal::new(mean, sd)
            .ok()
            .map(|d| Box::new(d) as Box<dyn ContinuousCDF<f64, f64>>)
    } else {
        Normal::new(mean, sd)
            .ok()
            .map(|d| Box::new(d) as Box<dyn ContinuousCDF<f64, f64>>)
    }
}

/// Whether `low..=high` lies within the input's limits (strictly above
/// the lowest where a range may not reach it).
fn inside(input: &InputRef, low: f64, high: f64) -> bool {
    let (min, max) = input.limits();
    let above_min = if input.range_may_reach_lowest() {
        low >= min
    } else {
        low > min
    };
    above_min && high <= max
}

pub(super) fn ranges(study: &Study, report: &mut Report) {
    let mut seen = std::collections::HashSet::new();
    for (index, range) in study.uncertainties.iter().enumerate() {
        let place = Place::Uncertainty {
            index,
            group: false,
            input: Some(range.input.label(study)),
        };
        if !seen.insert(&range.input) {
            report.push(&place, Problem::RangeDuplicate);
        }
        let Some(value) = range.input.value_in(study) else {
            report.push(&place, Problem::RangeUnknownInput);
            continue;
        };
        // Today's cost of a member whose salary is linked to it comes from
        // the staffing: a range on the typed cell moves nothing.
        if let InputRef::TodaysCost { member, category } = &range.input
            && study
                .member(member)
                .and_then(|m| m.salary.as_ref())
                .and_then(|s| s.today_category.as_ref())
                == Some(category)
        {
            report.push(&place, Problem::RangeOnDerivedCost);
        }
        if let Some(name) = &range.group
            && !study.correlation_groups.iter().any(|g| &g.name == name)
        {
            report.push(&place, Problem::RangeUnknownGroup { name: name.clone() });
        }
        let (min, max) = range.input.limits();
        let outside = |report: &mut Report, low: f64, high: f64| {
            report.push(&place, Problem::RangeOutsideLimits { low, high, min, max });
        };
        match &range.range {
            Range::Pert { low, high } | Range::Interval90 { low, high, .. } => {
                let (low, high) = (*low, *high);
                if !(low.is_finite() && high.is_finite() && low < high) {
                    report.push(&place, Problem::RangeBounds { low, high });
                } else if !inside(&range.input, low, high) {
                    outside(report, low, high);
                } else if matches!(range.range, Range::Pert { .. }) && !(low..=high).contains(&value) {
                    report.push(&place, Problem::RangeExcludesValue { value, low, high });
                } else if let Range::Interval90 { lognormal, .. } = range.range {
                    if lognormal && low <= 0.0 {
                        report.push(&place, Problem::RangeLognormalNotPositive);
                    } else if let Some(d) = interval_distribution(low, high, lognormal) {
                        let share = d.cdf(min) + (1.0 - d.cdf(max));
                        if share > TRUNCATION_WARN_SHARE {
                            report.push(
                                &place,
                                Problem::RangeTruncated {
                                    percent: share * 100.0,
                                    min,
                                    max,
                                },
                            );
                        }
                    }
                }
            }
            Range::Discrete(values) => {
                let total: f64 = values.iter().map(|v| v.weight).sum();
                let usable = values
                    .iter()
                    .all(|v| v.value.is_finite() && v.weight.is_finite() && v.weight >= 0.0);
                if usable && total > 0.0 && total.is_finite() {
                    let (low, high) = range.range.bounds();
                    if !inside(&range.input, low, high) {
                        outside(report, low, high);
                    }
                } else {
                    report.push(&place, Problem::RangeWeights);
                }
            }
        }
    }
    super::ids_unique(
        report,
        "kind-correlation-group",
        study.correlation_groups.iter().map(|g| g.name.as_str()),
    );
    for (index, group) in study.correlation_groups.iter().enumerate() {
        if !(0.0..=1.0).contains(&group.rank_correlation) {
            report.push(
                &Place::Uncertainty {
                    index,
                    group: true,
                    input: None,
                },
                Problem::CorrelationOutOfRange {
                    value: group.rank_correlation,
                },
            );
        }
    }
}
