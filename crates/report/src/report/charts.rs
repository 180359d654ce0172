//! Chart data, built once for the app's charts and the briefing's SVG: per
//! series its name, its colour and one value per category (a member, a
//! scenario, a year). The drawing is the app's and the SVG writer's; what
//! is drawn is decided here.

use crate::engine::{Evaluation, Metric, Payback};
use crate::i18n::Tr;
use crate::model::Study;
use crate::uncertainty::{Simulation, TornadoRow};

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

/// A scenario's colour from the study alone (today's operation grey), as
/// [`by_member`] colours it: for charts of analyses that run without an
/// evaluation (the simulation).
#[must_use]
pub fn scenario_colour(study: &Study, scenario: usize) -> (u8, u8, u8) {
    crate::palette::scenario_colour(
        study.scenarios.get(scenario).and_then(|s| s.colour),
        study.today() == Some(scenario),
    )
}

/// One member in every scenario: [`by_member`] for `member` alone (one
/// category, one series per scenario; `None` where it has no figure).
#[must_use]
pub fn one_member(study: &Study, evaluation: &Evaluation, metric: Metric, member: usize) -> ChartData {
    ChartData {
        categories: study
            .members
            .get(member)
            .map(|m| m.name.clone())
            .into_iter()
            .collect(),
        series: per_scenario(evaluation, |s| {
            vec![
                (member < study.members.len())
                    .then(|| evaluation.member_metric(s, member, metric))
                    .flatten(),
            ]
        }),
    }
}

/// One scenario in a fan chart: per year the 10th percentile, the median
/// and the 90th percentile of the draws.
#[derive(Debug, Clone, PartialEq)]
pub struct FanSeries {
    /// The scenario's name.
    pub name: String,
    /// Its colour.
    pub colour: (u8, u8, u8),
    /// P10 per year.
    pub low: Vec<f64>,
    /// Median per year.
    pub median: Vec<f64>,
    /// P90 per year.
    pub high: Vec<f64>,
}

/// What all members together pay each year over the draws: a band from P10
/// to P90 and the median, per scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct FanChart {
    /// The calendar years.
    pub years: Vec<i32>,
    /// One series per scenario.
    pub series: Vec<FanSeries>,
}

/// The fan chart of a simulation of `study`.
#[must_use]
pub fn fan(study: &Study, sim: &Simulation) -> FanChart {
    let series = (0..sim.scenarios)
        .map(|s| {
            let fan = sim.fan(s);
            FanSeries {
                name: study.scenarios.get(s).map(|x| x.name.clone()).unwrap_or_default(),
                colour: scenario_colour(study, s),
                low: fan.iter().map(|f| f.0).collect(),
                median: fan.iter().map(|f| f.1).collect(),
                high: fan.iter().map(|f| f.2).collect(),
            }
        })
        .collect();
    FanChart {
        years: study.assumptions.years().take(sim.years).collect(),
        series,
    }
}

/// One scenario's cost distribution: points `(cost, share of draws at or
/// below it)`.
#[derive(Debug, Clone, PartialEq)]
pub struct DistributionSeries {
    /// The scenario's name.
    pub name: String,
    /// Its colour.
    pub colour: (u8, u8, u8),
    /// At most about 200 points, the cheapest draw to the dearest.
    pub points: Vec<(f64, f64)>,
}

/// Per scenario the member takes part in (all: every scenario), the share
/// of draws that cost at most each amount. For all together the curves are
/// set side by side on the same municipalities: an option without some
/// members counts them at today's cost, and its name says so.
#[must_use]
pub fn distribution(
    study: &Study,
    sim: &Simulation,
    member: Option<usize>,
    tr: &crate::i18n::Tr,
) -> Vec<DistributionSeries> {
    (0..sim.scenarios)
        .filter(|s| member.is_none_or(|m| sim.participates[*s].get(m).copied().unwrap_or(false)))
        .map(|s| {
            let sorted = sim.sorted_costs_to_all(s, member);
            let left_out: Vec<String> = (0..sim.members)
                .filter(|&m| member.is_none() && !sim.participates[s][m])
                .filter_map(|m| study.members.get(m).map(|x| x.name.clone()))
                .collect();
            let own_name = study.scenarios.get(s).map(|x| x.name.clone()).unwrap_or_default();
            let name = if left_out.is_empty() {
                own_name
            } else {
                tr.args(
                    "chart-with-left-out",
                    &[("scenario", own_name), ("members", left_out.join(", "))],
                )
            };
            let n = sorted.len();
            let step = (n / 200).max(1);
            #[allow(clippy::cast_precision_loss)]
            let points = (0..n)
                .step_by(step)
                .chain((n > 0 && !(n - 1).is_multiple_of(step)).then(|| n - 1))
                .map(|i| (sorted[i], (i + 1) as f64 / n as f64))
                .collect();
            DistributionSeries {
                name,
                colour: scenario_colour(study, s),
                points,
            }
        })
        .collect()
}

/// One bar of a tornado: an uncertain input, the difference between the two
/// scenarios at its low and at its high value, and where it flips.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    /// The input in words.
    pub name: String,
    /// The difference with the input at its low value.
    pub at_low: f64,
    /// The difference with the input at its high value.
    pub at_high: f64,
    /// The values at which the two scenarios cost the same within the
    /// range, nearest to the study's value first.
    pub break_evens: Vec<f64>,
}

/// A tornado on the difference between two scenarios: the difference with
/// every input at its default (`base`), and one bar per input, widest
/// swing first (the order the analysis gives).
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoChart {
    /// The difference with every input at its default.
    pub base: f64,
    /// The bars, top to bottom: the inputs that move the difference.
    pub bars: Vec<TornadoBar>,
    /// How many inputs with a range move it by less than a krone (left
    /// out: 13 of the reference study's 15 rows had no bar).
    pub still: usize,
}

/// The tornado chart of [`crate::uncertainty::tornado`]'s result.
#[must_use]
pub fn tornado(study: &Study, base: f64, rows: &[TornadoRow], tr: &Tr) -> TornadoChart {
    let moves = |r: &&TornadoRow| r.swing() >= 1.0;
    TornadoChart {
        base,
        still: rows.iter().filter(|r| !moves(r)).count(),
        bars: rows
            .iter()
            .filter(moves)
            .map(|r| TornadoBar {
                name: super::tables::input_text(study, &r.input, tr),
                at_low: r.diff_at_low,
                at_high: r.diff_at_high,
                break_evens: r.break_evens.clone(),
            })
            .collect(),
    }
}

/// The step between the ticks of a value axis: 1, 2 or 5 × 10ⁿ, giving
/// about `ticks` ticks from zero up to `max` (the app's charts and the
/// briefing's SVG use the same steps).
#[must_use]
pub fn nice_step(max: f64, ticks: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / ticks;
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

#[cfg(test)]
mod tests {
    use super::nice_step;

    #[test]
    fn value_axes_step_by_one_two_or_five() {
        // 2 414 500 / 6 ≈ 402 417 → 500 000; 900 / 6 = 150 → 200; 936 000 /
        // 4 = 234 000 → 500 000 (the one-member chart of Gratangen).
        assert!((nice_step(2_414_500.0, 6.0) - 500_000.0).abs() < 1e-6);
        assert!((nice_step(900.0, 6.0) - 200.0).abs() < 1e-9);
        assert!((nice_step(936_000.0, 4.0) - 500_000.0).abs() < 1e-6);
        assert!((nice_step(0.0, 6.0) - 1.0).abs() < f64::EPSILON);
        assert!((nice_step(f64::NAN, 6.0) - 1.0).abs() < f64::EPSILON);
    }
}
