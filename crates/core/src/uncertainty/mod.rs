//! How sure are we? Monte Carlo over the study's ranges with one joint
//! sample, tornado rows and break-even values — on the prepared engine, no
//! egui, no text. The app, the CLI and the exports show what it returns.
//!
//! # One joint sample
//!
//! Draw `k` gives every uncertain input one value (its stream is seeded by
//! the study's seed and `k` alone, so the result is the same on every
//! machine and thread count) and evaluates *every* scenario with those
//! values: the difference between two scenarios is never sampling noise.
//! A three-point range is a PERT distribution (a Beta on `[low, high]` with
//! its mode at the study's value, weight 4); a 90 % interval a normal (or
//! lognormal) with those 5th and 95th percentiles; a discrete range picks a
//! value by weight. Inputs in a correlation group are drawn through a
//! Gaussian copula: normal scores `z = √ρ·c + √(1−ρ)·e` with one common `c`
//! per group and draw, `ρ = 2 sin(π ρₛ / 6)` for the requested Spearman
//! rank correlation `ρₛ`, turned into each input's own distribution by its
//! quantile function.
//!
//! # What one scenario costs a member
//!
//! A member outside a scenario stays as today: its cost "in" the scenario
//! is today's. So every scenario can be compared for every member and for
//! all together, also "without member X" scenarios.

mod sampler;

pub use sampler::Sampler;
pub(crate) use sampler::uniform;

use rayon::prelude::*;

use crate::engine::{EngineError, Metric, PreparedStudy, Shape, Workspace};
use crate::model::{InputRef, Study};

/// Why an analysis cannot run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UncertaintyError {
    /// The study has errors.
    #[error("the study has errors")]
    Invalid(crate::model::Report),
    /// No today's operation to compare with.
    #[error("no today's operation")]
    NoToday,
    /// The metric's year is not analysed.
    #[error("the year is not analysed")]
    YearNotAnalysed,
    /// A scenario index out of range.
    #[error("no such scenario")]
    NoScenario,
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
}

impl From<EngineError> for UncertaintyError {
    fn from(EngineError::Invalid(report): EngineError) -> Self {
        UncertaintyError::Invalid(report)
    }
}

/// The most numbers a simulation keeps (8 bytes each).
pub const MAX_KEPT_NUMBERS: usize = 40_000_000;

/// Options of a simulation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Number of draws.
    pub draws: usize,
    /// Seed of the draws.
    pub seed: u64,
    /// The metric compared.
    pub metric: Metric,
}

/// Every draw's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    /// The options it ran with.
    pub options: Options,
    /// Number of members.
    pub members: usize,
    /// Number of scenarios.
    pub scenarios: usize,
    /// Number of years.
    pub years: usize,
    /// Index of today's operation: the baseline every option's saving and
    /// payback are measured against.
    pub today: usize,
    /// Per scenario, per member: takes part.
    pub participates: Vec<Vec<bool>>,
    /// `[draw][scenario][member, then all together]`: the cost to that
    /// member (today's where it is outside the scenario) under the metric.
    pub cost: Vec<f64>,
    /// `[draw][scenario][year]`: what its participants pay in that year.
    pub yearly: Vec<f64>,
    /// `[draw][scenario]`: the year index in which all members' cumulative
    /// savings against today's operation are 0 or more; -1 never; -2 not
    /// applicable (today's operation itself).
    pub payback: Vec<i32>,
    /// `[draw][uncertain input]`: the values drawn.
    pub inputs: Vec<f64>,
}

/// `[scenario][member]` cost to each member (today's cost outside the
/// scenario) and to all together, for one parameter vector.
struct DrawOutput<'a> {
    cost: &'a mut [f64],
    yearly: &'a mut [f64],
    payback: &'a mut [i32],
}

/// Evaluates every scenario for one parameter vector: per member the cost
/// under `metric` and per year; writes the draw's figures.
fn evaluate_draw(
    prepared: &PreparedStudy,
    today: usize,
    metric: Metric,
    params: &[f64],
    ws: &mut Workspace,
    scratch: &mut Vec<f64>,
    out: &mut DrawOutput<'_>,
) -> bool {
    let n = prepared.members().len();
    let s_count = prepared.scenario_count();
    let years = prepared.years().len();
    let all: Vec<usize> = (0..s_count).collect();
    scratch.resize(s_count * n + s_count * n * years, 0.0);
    let (metric_out, years_out) = scratch.split_at_mut(s_count * n);
    if prepared
        .run(params, None, &all, Shape::MemberMetric(metric), ws, metric_out)
        .is_err()
        || prepared
            .run(params, None, &all, Shape::MemberYears, ws, years_out)
            .is_err()
    {
        out.cost.fill(f64::NAN);
        out.yearly.fill(f64::NAN);
        out.payback.fill(-2);
        return false;
    }
    for s in 0..s_count {
        let mut total = 0.0;
        for m in 0..n {
            let value = if prepared.participates(s, m, None) {
                metric_out[s * n + m]
            } else {
                metric_out[today * n + m]
            };
            out.cost[s * (n + 1) + m] = value;
            total += value;
        }
        out.cost[s * (n + 1) + n] = total;
        // What its participants pay each year (as the comparison's total).
        for y in 0..years {
            out.yearly[s * years + y] = (0..n)
                .filter(|&m| prepared.participates(s, m, None))
                .map(|m| years_out[(s * n + m) * years + y])
                .sum();
        }
    }
    // Payback against today's cost of the same members.
    for s in 0..s_count {
        out.payback[s] = if s == today {
            -2
        } else {
            let mut cumulative = 0.0;
            (0..years)
                .position(|y| {
                    let todays: f64 = (0..n)
                        .filter(|&m| prepared.participates(s, m, None))
                        .map(|m| years_out[(today * n + m) * years + y])
                        .sum();
                    cumulative += todays - out.yearly[s * years + y];
                    cumulative >= -0.5
                })
                .map_or(-1, |y| i32::try_from(y).unwrap_or(i32::MAX))
        };
    }
    true
}

/// Runs the simulation: `options.draws` joint draws of every uncertain
/// input, every scenario evaluated with each (in parallel, in chunks;
/// `progress` gets the share done and returns false to cancel).
///
/// # Errors
/// [`UncertaintyError`].
pub fn simulate(
    study: &Study,
    options: Options,
    progress: &(dyn Fn(f64) -> bool + Sync),
) -> Result<Simulation, UncertaintyError> {
    let prepared = PreparedStudy::prepare(study)?;
    let sampler = Sampler::new(study, &prepared);
    let today = prepared.today().ok_or(UncertaintyError::NoToday)?;
    if let Metric::Annual(year) = options.metric
        && !prepared.years().contains(&year)
    {
        return Err(UncertaintyError::YearNotAnalysed);
    }
    let n = prepared.members().len();
    let s_count = prepared.scenario_count();
    let years = prepared.years().len();
    let k = sampler.len();
    // Every draw's figures are kept (for percentiles and the raw draws):
    // at most about 320 MB of them. A study too large for the draws asked
    // for gets fewer, and the result says how many.
    let per_draw = s_count * (n + 1 + years) + k + s_count;
    // With nothing uncertain every draw is the study's own figures: one
    // evaluation gives them all (100 000 took 7 s and 340 MB on a
    // 500-member study).
    let draws = if k == 0 {
        1
    } else {
        options.draws.min((MAX_KEPT_NUMBERS / per_draw.max(1)).max(1_000))
    };
    let options = Options { draws, ..options };
    let mut sim = Simulation {
        options,
        members: n,
        scenarios: s_count,
        years,
        today,
        participates: (0..s_count)
            .map(|s| (0..n).map(|m| prepared.participates(s, m, None)).collect())
            .collect(),
        cost: vec![0.0; draws * s_count * (n + 1)],
        yearly: vec![0.0; draws * s_count * years],
        payback: vec![0; draws * s_count],
        inputs: vec![0.0; draws * k],
    };
    let mut no_inputs = Vec::new();
    let chunk = 4096;
    let mut start = 0;
    while start < draws {
        let end = (start + chunk).min(draws);
        let cost = &mut sim.cost[start * s_count * (n + 1)..end * s_count * (n + 1)];
        let yearly = &mut sim.yearly[start * s_count * years..end * s_count * years];
        let payback = &mut sim.payback[start * s_count..end * s_count];
        // One slot per draw even without ranges: zipped with no chunks at
        // all, no draw would be evaluated (every figure was 0 kr).
        let inputs: &mut [f64] = if k > 0 {
            &mut sim.inputs[start * k..end * k]
        } else {
            no_inputs.resize(end - start, 0.0);
            &mut no_inputs
        };
        cost.par_chunks_mut(s_count * (n + 1))
            .zip(yearly.par_chunks_mut((s_count * years).max(1)))
            .zip(payback.par_chunks_mut(s_count.max(1)))
            .zip(inputs.par_chunks_mut(k.max(1)))
            .enumerate()
            .for_each_init(
                || {
                    (
                        prepared.workspace(),
                        prepared.defaults().to_vec(),
                        Vec::new(),
                        Vec::new(),
                    )
                },
                |(ws, params, scratch, z), (i, (((cost, yearly), payback), drawn))| {
                    params.copy_from_slice(prepared.defaults());
                    sampler.draw(options.seed, start + i, params, z);
                    if k > 0 {
                        sampler.values(params, drawn);
                    }
                    evaluate_draw(
                        &prepared,
                        today,
                        options.metric,
                        params,
                        ws,
                        scratch,
                        &mut DrawOutput {
                            cost,
                            yearly,
                            payback,
                        },
                    );
                },
            );
        start = end;
        if !progress(start as f64 / draws.max(1) as f64) {
            return Err(UncertaintyError::Cancelled);
        }
    }
    Ok(sim)
}

/// The `p`-th quantile (0–1) of sorted values, linearly interpolated.
#[must_use]
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let position = p.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let below = position.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    let t = position - below as f64;
    sorted[below] * (1.0 - t) + sorted[above] * t
}

/// A distribution in a few numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    /// The mean.
    pub mean: f64,
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

impl Spread {
    /// The mean and the 10th, 50th and 90th percentile of the finite
    /// values ([`quantile`]'s interpolation), found by selection rather
    /// than a full sort (a table of 100 000 draws asks for dozens).
    fn of(mut values: Vec<f64>) -> Spread {
        values.retain(|v| v.is_finite());
        if values.is_empty() {
            return Spread {
                mean: f64::NAN,
                p10: f64::NAN,
                p50: f64::NAN,
                p90: f64::NAN,
            };
        }
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let [p10, p50, p90] = selected_quantiles(&mut values, [0.1, 0.5, 0.9]);
        Spread { mean, p10, p50, p90 }
    }
}

/// The quantiles `ps` (ascending, 0–1) of `values`, each as [`quantile`]
/// gives it of the sorted values: the order statistics around each are
/// selected in place, each search starting where the last ended.
fn selected_quantiles<const N: usize>(values: &mut [f64], ps: [f64; N]) -> [f64; N] {
    let n = values.len();
    if n == 0 {
        return [f64::NAN; N];
    }
    let mut start = 0;
    let mut at = |k: usize, start: &mut usize| -> f64 {
        let k = k.min(n - 1);
        if k >= *start {
            values[*start..].select_nth_unstable_by(k - *start, f64::total_cmp);
            *start = k;
        }
        values[k]
    };
    ps.map(|p| {
        let position = p.clamp(0.0, 1.0) * (n - 1) as f64;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let below = position.floor() as usize;
        let t = position - below as f64;
        let low = at(below, &mut start);
        let high = at(below + 1, &mut start);
        low * (1.0 - t) + high * t
    })
}

/// The finite values, in ascending order.
fn sorted_finite(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut values: Vec<f64> = values.filter(|v| v.is_finite()).collect();
    values.sort_by(f64::total_cmp);
    values
}

/// One scenario for one member (or all together).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Scenario index.
    pub scenario: usize,
    /// Member index; `None` for all together.
    pub member: Option<usize>,
    /// The cost.
    pub cost: Spread,
    /// The saving against today's operation (positive: cheaper); for all
    /// together, against today's cost of the same members.
    pub saving: Spread,
    /// The share of draws in which it is the cheapest (ties shared), and
    /// its Monte Carlo standard error.
    pub p_cheapest: f64,
    /// Standard error of `p_cheapest`: `√(p(1−p)/N)`.
    pub p_cheapest_se: f64,
    /// Whether the scenario competes for cheapest at all (an option the
    /// member takes part in, or today's operation): one that does not has
    /// no chance to show, not a chance of 0 %.
    pub competes: bool,
}

impl Simulation {
    fn index(&self, draw: usize, scenario: usize, column: usize) -> usize {
        (draw * self.scenarios + scenario) * (self.members + 1) + column
    }

    /// The scenarios that compete for a member: those it takes part in
    /// (today's operation always); for all together every scenario (the
    /// members outside one stay as today, so every option is weighed on
    /// the cost of all members).
    fn competitors(&self, member: Option<usize>) -> Vec<usize> {
        (0..self.scenarios)
            .filter(|&s| member.is_none_or(|m| s == self.today || self.participates[s][m]))
            .collect()
    }

    /// What the participants of `scenario` pay together in `draw`: "all
    /// together" as the comparison's total shows it (the members outside it
    /// stay as today and are not in this figure).
    #[must_use]
    pub fn participants_cost(&self, draw: usize, scenario: usize) -> f64 {
        (0..self.members)
            .filter(|&m| self.participates[scenario][m])
            .map(|m| self.cost[self.index(draw, scenario, m)])
            .sum()
    }

    /// Per scenario: the cost, the saving and the chance of being cheapest,
    /// for one member (`Some`) or all together (`None`).
    #[must_use]
    pub fn rows(&self, member: Option<usize>) -> Vec<Row> {
        let column = member.unwrap_or(self.members);
        let draws = self.options.draws;
        let competitors = self.competitors(member);
        let mut wins = vec![0.0; self.scenarios];
        for d in 0..draws {
            let cost = |s: usize| self.cost[self.index(d, s, column)];
            let best = competitors.iter().map(|&s| cost(s)).fold(f64::INFINITY, f64::min);
            if !best.is_finite() {
                continue;
            }
            // Equal to the krone counts as a tie, shared.
            let tied = |s: &&usize| cost(**s) <= best + 0.5;
            let share = 1.0 / competitors.iter().filter(tied).count() as f64;
            for &s in competitors.iter().filter(tied) {
                wins[s] += share;
            }
        }
        (0..self.scenarios)
            .map(|s| {
                // The cost as the comparison shows it (all together: the
                // participants); the saving against today's operation, the
                // members outside at today's cost on both sides.
                let cost: Vec<f64> = (0..draws).map(|d| self.cost_shown(d, s, member)).collect();
                let saving: Vec<f64> = (0..draws)
                    .map(|d| {
                        self.cost[self.index(d, self.today, column)] - self.cost[self.index(d, s, column)]
                    })
                    .collect();
                let p = wins[s] / draws.max(1) as f64;
                Row {
                    scenario: s,
                    member,
                    cost: Spread::of(cost),
                    saving: Spread::of(saving),
                    p_cheapest: p,
                    p_cheapest_se: (p * (1.0 - p) / draws.max(1) as f64).sqrt(),
                    competes: competitors.contains(&s),
                }
            })
            .collect()
    }

    /// Sorted costs of one scenario for a member or all together (its
    /// participants, as the comparison's total).
    #[must_use]
    pub fn sorted_costs(&self, scenario: usize, member: Option<usize>) -> Vec<f64> {
        sorted_finite((0..self.options.draws).map(|d| self.cost_shown(d, scenario, member)))
    }

    /// What `scenario` costs `member` in `draw`, or for all together its
    /// participants (as the comparison's total).
    fn cost_shown(&self, draw: usize, scenario: usize, member: Option<usize>) -> f64 {
        match member {
            Some(m) => self.cost[self.index(draw, scenario, m)],
            None => self.participants_cost(draw, scenario),
        }
    }

    /// Sorted costs to every member of one scenario or to one member, the
    /// members outside it at today's cost: what options are weighed on.
    #[must_use]
    pub fn sorted_costs_to_all(&self, scenario: usize, member: Option<usize>) -> Vec<f64> {
        let column = member.unwrap_or(self.members);
        sorted_finite((0..self.options.draws).map(|d| self.cost[self.index(d, scenario, column)]))
    }

    /// Pairs `(a, b)` where `a` costs less than `b` at every percentile
    /// from the 1st to the 99th (for a member or all together).
    #[must_use]
    pub fn dominance(&self, member: Option<usize>) -> Vec<(usize, usize)> {
        let quantiles: Vec<Vec<f64>> = (0..self.scenarios)
            .map(|s| {
                let sorted = self.sorted_costs_to_all(s, member);
                (1..100)
                    .map(|p| quantile(&sorted, f64::from(p) / 100.0))
                    .collect()
            })
            .collect();
        let mut pairs = Vec::new();
        for a in 0..self.scenarios {
            for b in 0..self.scenarios {
                if a != b && quantiles[a].iter().zip(&quantiles[b]).all(|(x, y)| x + 0.5 < *y) {
                    pairs.push((a, b));
                }
            }
        }
        pairs
    }

    /// Per year: P10, P50 and P90 of what the participants of `scenario`
    /// pay.
    #[must_use]
    pub fn fan(&self, scenario: usize) -> Vec<(f64, f64, f64)> {
        (0..self.years)
            .map(|y| {
                let mut values: Vec<f64> = (0..self.options.draws)
                    .map(|d| self.yearly[(d * self.scenarios + scenario) * self.years + y])
                    .filter(|v| v.is_finite())
                    .collect();
                let [p10, p50, p90] = selected_quantiles(&mut values, [0.1, 0.5, 0.9]);
                (p10, p50, p90)
            })
            .collect()
    }

    /// Share of draws per payback year index of `scenario` (all members
    /// together), and the share that never pays back within the horizon.
    #[must_use]
    pub fn payback_shares(&self, scenario: usize) -> (Vec<f64>, f64) {
        let draws = self.options.draws.max(1) as f64;
        let mut per_year = vec![0.0; self.years];
        let mut never = 0.0;
        for d in 0..self.options.draws {
            match self.payback[d * self.scenarios + scenario] {
                -1 => never += 1.0,
                y if y >= 0 => {
                    if let Some(slot) = usize::try_from(y).ok().and_then(|y| per_year.get_mut(y)) {
                        *slot += 1.0;
                    }
                }
                _ => {}
            }
        }
        (per_year.into_iter().map(|c| c / draws).collect(), never / draws)
    }

    /// The two scenarios most often cheapest for a member or all together
    /// (the tornado's default pair).
    #[must_use]
    pub fn two_most_likely(&self, member: Option<usize>) -> Option<(usize, usize)> {
        let mut rows = self.rows(member);
        rows.sort_by(|a, b| b.p_cheapest.total_cmp(&a.p_cheapest));
        Some((rows.first()?.scenario, rows.get(1)?.scenario))
    }
}

/// What `scenario` costs a member (its own figure, or today's outside the
/// scenario) or all members together, for one parameter vector.
///
/// # Errors
/// The metric's year is not analysed, or a key cannot be evaluated.
pub fn cost_to(
    prepared: &PreparedStudy,
    params: &[f64],
    scenario: usize,
    member: Option<usize>,
    metric: Metric,
) -> Result<f64, UncertaintyError> {
    let today = prepared.today().ok_or(UncertaintyError::NoToday)?;
    let n = prepared.members().len();
    let mut ws = prepared.workspace();
    let mut out = vec![0.0; 2 * n];
    prepared
        .run(
            params,
            None,
            &[today, scenario],
            Shape::MemberMetric(metric),
            &mut ws,
            &mut out,
        )
        .map_err(|_| UncertaintyError::YearNotAnalysed)?;
    let of = |m: usize| {
        if prepared.participates(scenario, m, None) {
            out[n + m]
        } else {
            out[m]
        }
    };
    Ok(match member {
        Some(m) => of(m),
        None => (0..n).map(of).sum(),
    })
}

/// One bar of a tornado chart on the difference `cost(a) − cost(b)`.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoRow {
    /// The input.
    pub input: InputRef,
    /// Its low and high value (the range's bounds).
    pub low: f64,
    /// High.
    pub high: f64,
    /// The difference with the input at its low value (others as in the study).
    pub diff_at_low: f64,
    /// … at its high value.
    pub diff_at_high: f64,
    /// Every value within the range at which `a` and `b` cost the same,
    /// nearest to the study's own value first (a difference that is not
    /// monotonic in the input, as a present value over a discount rate
    /// with cash flows of both signs, can cross twice).
    pub break_evens: Vec<f64>,
}

impl TornadoRow {
    /// The break-even nearest to the study's value, if any in the range.
    #[must_use]
    pub fn break_even(&self) -> Option<f64> {
        self.break_evens.first().copied()
    }

    /// How far the difference swings over the range.
    #[must_use]
    pub fn swing(&self) -> f64 {
        (self.diff_at_high - self.diff_at_low).abs()
    }
}

/// The tornado on `cost(a) − cost(b)` for a member or all together: one
/// row per uncertain input, sorted by swing, each with its break-even value
/// within its range.
///
/// # Errors
/// [`UncertaintyError`].
pub fn tornado(
    study: &Study,
    a: usize,
    b: usize,
    member: Option<usize>,
    metric: Metric,
) -> Result<(f64, Vec<TornadoRow>), UncertaintyError> {
    let prepared = PreparedStudy::prepare(study)?;
    if a >= prepared.scenario_count() || b >= prepared.scenario_count() {
        return Err(UncertaintyError::NoScenario);
    }
    let diff = |params: &[f64]| -> Result<f64, UncertaintyError> {
        Ok(cost_to(&prepared, params, a, member, metric)? - cost_to(&prepared, params, b, member, metric)?)
    };
    let base = diff(prepared.defaults())?;
    let mut rows = Vec::new();
    for range in &study.uncertainties {
        let Some(slot) = prepared.param(&range.input) else {
            continue;
        };
        let (low, high) = range.range.bounds();
        let at = |x: f64| {
            let mut params = prepared.defaults().to_vec();
            params[slot] = x;
            diff(&params)
        };
        let (diff_at_low, diff_at_high) = (at(low)?, at(high)?);
        let break_evens = if a == b {
            Vec::new()
        } else {
            crossings(&at, prepared.defaults()[slot], (low, high), base)
        };
        rows.push(TornadoRow {
            input: range.input.clone(),
            low,
            high,
            diff_at_low,
            diff_at_high,
            break_evens,
        });
    }
    rows.sort_by(|x, y| y.swing().total_cmp(&x.swing()));
    Ok((base, rows))
}

/// Points per side of the study's value at which [`crossings`] looks for a
/// change of sign.
const CROSSING_GRID: usize = 24;

/// Every root of `f` in `[low, high]`, nearest to `value` (the study's own,
/// where `f` is `at_value`) first: `f` is evaluated on a grid from `value`
/// out to each end, and each change of sign is narrowed by bisection
/// (a change of sign at a pole, where `f` does not vanish, is no root).
/// Exact comparisons are meant: a value equal to an end, a figure exactly 0.
#[allow(clippy::float_cmp)]
fn crossings(
    f: &dyn Fn(f64) -> Result<f64, UncertaintyError>,
    value: f64,
    (low, high): (f64, f64),
    at_value: f64,
) -> Vec<f64> {
    if !(low.is_finite() && high.is_finite()) || low > high {
        return Vec::new();
    }
    let value = value.clamp(low, high);
    let at_value = if value == low || value == high {
        f(value).unwrap_or(at_value)
    } else {
        at_value
    };
    let mut found: Vec<f64> = Vec::new();
    if at_value == 0.0 {
        found.push(value);
    }
    for end in [low, high] {
        if end == value {
            continue;
        }
        let (mut x0, mut f0) = (value, at_value);
        for k in 1..=CROSSING_GRID {
            let x1 = if k == CROSSING_GRID {
                end
            } else {
                value + (end - value) * k as f64 / CROSSING_GRID as f64
            };
            let Ok(f1) = f(x1) else {
                break;
            };
            if f1 == 0.0 {
                found.push(x1);
            } else if f0 != 0.0 && f0.signum() != f1.signum() {
                let (lo, hi, f_lo) = if x0 < x1 { (x0, x1, f0) } else { (x1, x0, f1) };
                if let Some(root) = bisect(f, lo, hi, f_lo)
                    && f(root).is_ok_and(|v| v.abs() <= 1e-6 * (1.0 + f0.abs().max(f1.abs())))
                {
                    found.push(root);
                }
            }
            (x0, f0) = (x1, f1);
        }
    }
    found.sort_by(|x, y| (x - value).abs().total_cmp(&(y - value).abs()));
    found.dedup_by(|x, y| (*x - *y).abs() <= 1e-9 * (1.0 + x.abs()));
    found
}

/// The root of `f` in `[low, high]`, where `f(low)` has the sign of
/// `at_low` and `f(high)` the other: bisection to 1e-12 of the interval,
/// starting from the secant (exact for the many inputs the figures depend
/// on linearly).
fn bisect(f: &dyn Fn(f64) -> Result<f64, UncertaintyError>, low: f64, high: f64, at_low: f64) -> Option<f64> {
    let at_high = f(high).ok()?;
    if at_low == 0.0 {
        return Some(low);
    }
    let secant = low - at_low * (high - low) / (at_high - at_low);
    if let Ok(v) = f(secant)
        && v.abs() < 1e-6
    {
        return Some(secant);
    }
    let (mut lo, mut hi, mut f_lo) = (low, high, at_low);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        let f_mid = f(mid).ok()?;
        if f_mid == 0.0 || (hi - lo).abs() <= 1e-12 * (1.0 + mid.abs()) {
            return Some(mid);
        }
        if f_mid.signum() == f_lo.signum() {
            lo = mid;
            f_lo = f_mid;
        } else {
            hi = mid;
        }
    }
    Some(0.5 * (lo + hi))
}

/// The value of one input (any input, with or without a range) at which
/// `a` and `b` cost the same for a member or all together: searched
/// outwards from the study's value (doubling the step) and then narrowed.
/// `None` when no such value is found within `10¹³`.
///
/// # Errors
/// [`UncertaintyError`].
pub fn break_even(
    study: &Study,
    input: &InputRef,
    a: usize,
    b: usize,
    member: Option<usize>,
    metric: Metric,
) -> Result<Option<f64>, UncertaintyError> {
    let prepared = PreparedStudy::prepare(study)?;
    let Some(slot) = prepared.param(input) else {
        return Ok(None);
    };
    let at = |x: f64| -> Result<f64, UncertaintyError> {
        let mut params = prepared.defaults().to_vec();
        params[slot] = x;
        Ok(cost_to(&prepared, &params, a, member, metric)? - cost_to(&prepared, &params, b, member, metric)?)
    };
    let start = prepared.defaults()[slot];
    let f0 = at(start)?;
    if f0 == 0.0 {
        return Ok(Some(start));
    }
    // Numbers that cannot be negative (counts, prices, hours) are searched
    // at 0 and above; lifetimes and users per server above 0 only.
    let floor = input.lowest_meaningful();
    let mut step = start.abs().max(1.0) * 0.01;
    // A side where the sign changed at a pole (a lifetime crossing 0) is
    // not searched further.
    let mut closed = [false, false];
    while step < 1e13 {
        for (side, x) in [start - step, start + step].into_iter().enumerate() {
            if closed[side] || floor.is_some_and(|(f, inclusive)| if inclusive { x < f } else { x <= f }) {
                continue;
            }
            if let Ok(fx) = at(x)
                && fx.signum() != f0.signum()
            {
                // A root makes the difference vanish; a pole does not.
                let root = bisect(&at, start, x, f0)
                    .filter(|r| at(*r).is_ok_and(|v| v.abs() <= 1e-6 * (1.0 + f0.abs())));
                if root.is_some() {
                    return Ok(root);
                }
                closed[side] = true;
            }
        }
        step *= 2.0;
    }
    Ok(None)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::float_cmp)]
mod tests;
