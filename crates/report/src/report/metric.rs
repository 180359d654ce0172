//! Which figure is shown — one year's cost, the sum over the years, the
//! present value or the equivalent annual cost — and its caption, for the
//! app, the command line, the explanations and the exports alike.

use crate::engine::{Evaluation, Metric};
use crate::i18n::Tr;
use crate::model::Study;

/// Which figure the comparison shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MetricChoice {
    /// Annual cost in the chosen year.
    #[default]
    Annual,
    /// Sum over the horizon.
    Total,
    /// Present value over the horizon.
    PresentValue,
    /// Equivalent annual cost over the horizon.
    AnnualEquivalent,
}

impl MetricChoice {
    /// Every choice, in the order of the buttons.
    pub const ALL: [MetricChoice; 4] = [
        MetricChoice::Annual,
        MetricChoice::Total,
        MetricChoice::PresentValue,
        MetricChoice::AnnualEquivalent,
    ];

    /// The message id of the choice's name.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            MetricChoice::Annual => "metric-annual",
            MetricChoice::Total => "metric-total",
            MetricChoice::PresentValue => "metric-pv",
            MetricChoice::AnnualEquivalent => "metric-eac",
        }
    }

    /// The engine's metric for this choice in `year`.
    #[must_use]
    pub fn metric(self, year: i32) -> Metric {
        match self {
            MetricChoice::Annual => Metric::Annual(year),
            MetricChoice::Total => Metric::HorizonSum,
            MetricChoice::PresentValue => Metric::PresentValue,
            MetricChoice::AnnualEquivalent => Metric::AnnualEquivalent,
        }
    }

    /// What is shown, in words: "Årskostnad 2007", "Nåverdi 2007–2013 (R-109)".
    #[must_use]
    pub fn caption(self, tr: &Tr, study: &Study, evaluation: &Evaluation, year: i32) -> String {
        let first = evaluation.years.first().copied().unwrap_or_default().to_string();
        let last = evaluation.years.last().copied().unwrap_or_default().to_string();
        match self {
            MetricChoice::Annual => tr.args("caption-annual", &[("year", year.to_string())]),
            MetricChoice::Total => tr.args("caption-total", &[("first", first), ("last", last)]),
            MetricChoice::PresentValue => tr.args(
                "caption-pv",
                &[("first", first), ("last", last), ("rate", rate_name(study, tr))],
            ),
            MetricChoice::AnnualEquivalent => tr.args("caption-eac", &[("first", first), ("last", last)]),
        }
    }
}

/// The discount rate as captions name it: its name, or for a rate of
/// the user's own without one (an edited preset loses its name), "own
/// discount rate" with its first step ("Egen kalkulasjonsrente 5 %").
#[must_use]
pub fn rate_name(study: &Study, tr: &Tr) -> String {
    let discount = &study.assumptions.discount;
    if discount.name.trim().is_empty() {
        let first = discount.steps.first().map_or(0.0, |s| s.percent);
        format!("{} {}\u{a0}%", tr.get("discount-own"), tr.num_trim(first, 2))
    } else {
        discount.name.clone()
    }
}

impl MetricChoice {
    /// The choice that shows `metric`.
    #[must_use]
    pub fn of(metric: Metric) -> MetricChoice {
        match metric {
            Metric::Annual(_) => MetricChoice::Annual,
            Metric::HorizonSum => MetricChoice::Total,
            Metric::PresentValue => MetricChoice::PresentValue,
            Metric::AnnualEquivalent => MetricChoice::AnnualEquivalent,
        }
    }

    /// The caption with its unit, as the command line titles a table:
    /// "Nåverdi 2007–2013 med R-109, kr".
    #[must_use]
    pub fn title(self, tr: &Tr, study: &Study, evaluation: &Evaluation, year: i32) -> String {
        let first = evaluation.years.first().copied().unwrap_or_default().to_string();
        let last = evaluation.years.last().copied().unwrap_or_default().to_string();
        let years = [("first", first), ("last", last)];
        match self {
            MetricChoice::Annual => tr.args("cli-compare-title", &[("year", year.to_string())]),
            MetricChoice::Total => tr.args("cli-title-total", &years),
            MetricChoice::PresentValue => {
                let mut args = years.to_vec();
                args.push(("rate", rate_name(study, tr)));
                tr.args("cli-title-pv", &args)
            }
            MetricChoice::AnnualEquivalent => tr.args("cli-title-eac", &years),
        }
    }
}
