//! Chart data, built once for the app's charts and the briefing's SVG: per
//! series its name, its colour and one value per category (a member, a
//! scenario, a year). The drawing is the app's and the SVG writer's; what
//! is drawn is decided here.

use crate::engine::{Evaluation, Metric, Payback};
use crate::model::Study;

/// One series of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    /// Its name in the legend.
    pub name: String,
    /// Its colour (a scenario keeps its colour in every chart).
    pub colour: (u8, u8, u8),
    /// One value per category; `None` where it has none (a member outside
    /// the scenario).
    pub values: Vec<Option<f64>>,
}

/// A chart: the categories along its axis and the series over them.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// The categories' names (members, scenarios) or years.
    pub categories: Vec<String>,
    /// The series.
    pub series: Vec<ChartSeries>,
}

/// One series per scenario, in its own colour, with `values` of it.
fn per_scenario(evaluation: &Evaluation, values: impl Fn(usize) -> Vec<Option<f64>>) -> Vec<ChartSeries> {
    evaluation
        .scenarios
        .iter()
        .enumerate()
        .map(|(s, r)| ChartSeries {
            name: r.name.clone(),
            colour: crate::palette::scenario_colour(r.colour, evaluation.today == Some(s)),
            values: values(s),
        })
        .collect()
}

/// What each member pays under `metric`: members along the axis, one
/// series per scenario.
#[must_use]
pub fn by_member(study: &Study, evaluation: &Evaluation, metric: Metric) -> ChartData {
    ChartData {
        categories: study.members.iter().map(|m| m.name.clone()).collect(),
        series: per_scenario(evaluation, |s| {
            (0..study.members.len())
                .map(|m| evaluation.member_metric(s, m, metric))
                .collect()
        }),
    }
}

/// What each scenario costs under `metric` by kind of cost: scenarios along
/// the axis (in study order), one series per kind of cost that has any
/// cost (under half a krone everywhere is left out), coloured in turn.
#[must_use]
pub fn by_category(study: &Study, evaluation: &Evaluation, metric: Metric) -> ChartData {
    let mut series: Vec<ChartSeries> = Vec::new();
    for (c, category) in study.categories.iter().enumerate() {
        let values: Vec<Option<f64>> = (0..evaluation.scenarios.len())
            .map(|s| Some(evaluation.category_metric(s, c, metric)))
            .collect();
        if values.iter().flatten().all(|v| v.abs() < 0.5) {
            continue;
        }
        series.push(ChartSeries {
            name: category.name.clone(),
            colour: crate::palette::series(series.len()),
            values,
        });
    }
    ChartData {
        categories: evaluation.scenarios.iter().map(|s| s.name.clone()).collect(),
        series,
    }
}

/// Cumulative cost over the years of every scenario, for one member or all
/// participants, and per scenario the year index of its payback (to mark).
#[must_use]
pub fn cumulative(evaluation: &Evaluation, member: Option<usize>) -> (ChartData, Vec<Option<usize>>) {
    let series = per_scenario(evaluation, |s| {
        evaluation.cumulative_cost(s, member).map_or_else(
            || vec![None; evaluation.years.len()],
            |c| c.into_iter().map(Some).collect(),
        )
    });
    let marks = (0..evaluation.scenarios.len())
        .map(|s| match evaluation.payback(s, member) {
            Payback::Year(y) => evaluation.year_index(y),
            _ => None,
        })
        .collect();
    (
        ChartData {
            categories: evaluation.years.iter().map(ToString::to_string).collect(),
            series,
        },
        marks,
    )
}
