//! Is the split fair? The cost of every group of members, the stand-alone
//! test, the core, the Shapley value and the nucleolus — from re-running
//! the model with the prepared engine. No egui, no text: the app, the CLI
//! and the exports turn a [`FairSplit`] into words.
//!
//! # Definitions (as in `docs/DESIGN.md`, "Coalition cost")
//!
//! For a scenario and a metric, the **cost of a coalition** `S` is
//! `c(S) = min(today(S), scenario(S))`: what the members of `S` pay
//! together in today's operation, or the scenario run with exactly `S` as
//! participants (keys renormalised over `S`, lines paid by a member outside
//! `S` dropped, as "without member X" does), whichever is lower — staying as
//! today is always an option. Members of `S` that the scenario itself leaves
//! out stay as today inside `scenario(S)`. When the scenario's key weighs
//! nothing over `S` (a fixed key without weights for them), the scenario is
//! not open to `S` and `c(S) = today(S)`.
//!
//! - A member's **stand-alone cost** is `c({i})`.
//! - A split `x` passes the **stand-alone test** when `x_i ≤ c({i})` for
//!   every member, and is **in the core** when `x(S) ≤ c(S)` for every
//!   group `S`. The group with the largest *excess* `x(S) − c(S)` is the
//!   one to show.
//! - The **Shapley value** is each member's marginal cost `c(S ∪ {i}) −
//!   c(S)` averaged over all orders of joining. Exact up to
//!   [`EXACT_LIMIT`] members (all `2ⁿ` coalitions, evaluated in parallel);
//!   beyond that, from sampled orders with a standard error per member.
//! - The **nucleolus** is taken over all splits adding up to `c(N)` (the
//!   *prenucleolus*): the largest excess as small as possible, then the
//!   next, and so on — a sequence of linear programs (see [`nucleolus`]),
//!   up to [`NUCLEOLUS_LIMIT`] members. When the core is not empty it lies
//!   in the core and equals the classical nucleolus.
//! - The **core is empty** when no split satisfies every group. A member
//!   whose joining raises the group's cost by more than its stand-alone
//!   cost (`c(N) − c(N∖{i}) > c({i})`) is a sufficient reason: it is named
//!   ([`FairSplit::spoilers`]) with what the group costs without it.

// The algorithms read as in the literature: n players, c(S), x, w.
#![allow(clippy::many_single_char_names, clippy::cast_possible_truncation)]

pub mod lp;
mod nucleolus;
mod suggest;
mod years;

pub use nucleolus::{NoNucleolus, nucleolus};
pub use suggest::{MixSuggestion, NoCoreMix};
use suggest::{candidate_rules, simplest_nearest_mix, split_with_rule};
pub use years::{ByYear, EntryFee, Exit, ExitOption, Join, MemberYears, by_year, exit, exit_options, join};

use rayon::prelude::*;

use crate::engine::{EngineError, Metric, PreparedStudy, Shape};
use crate::model::{KeyId, KeyRule, Payer, Study};

/// Up to this many members, every coalition is evaluated.
pub const EXACT_LIMIT: usize = 20;
/// Up to this many members, the nucleolus and the nearest key in the core
/// are computed (each needs linear programs over all coalitions).
pub const NUCLEOLUS_LIMIT: usize = 15;
/// Differences below half a krone count as equal.
pub const TOLERANCE_NOK: f64 = 0.5;

/// Why a fair split cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FairError {
    /// The study has errors.
    #[error("the study has errors")]
    Invalid(crate::model::Report),
    /// There is no today's operation to compare with.
    #[error("no today's operation")]
    NoToday,
    /// The chosen scenario is today's operation (or does not exist).
    #[error("choose a scenario other than today's operation")]
    NotAScenario,
    /// The metric's year is not analysed.
    #[error("the year is not analysed")]
    YearNotAnalysed,
    /// The member does not take part in the scenario (it cannot leave),
    /// or takes part already (it cannot join).
    #[error("the member is not a participant")]
    NotAParticipant,
    /// The member takes part already (it cannot join).
    #[error("the member takes part already")]
    AlreadyAParticipant,
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
}

impl From<EngineError> for FairError {
    fn from(EngineError::Invalid(report): EngineError) -> Self {
        FairError::Invalid(report)
    }
}

/// A cooperative cost game: the cost of every coalition, indexed by its
/// bit mask (bit `i` = member `i`; `cost[0] = 0`).
#[derive(Debug, Clone, PartialEq)]
pub struct Game {
    n: usize,
    cost: Vec<f64>,
}

impl Game {
    /// A game from the cost of every coalition (`2ⁿ` numbers, the empty
    /// coalition first). `None` when the length is not a power of two.
    #[must_use]
    pub fn new(cost: Vec<f64>) -> Option<Game> {
        let n = cost.len().checked_ilog2()? as usize;
        (cost.len() == 1 << n && n <= 30).then_some(Game { n, cost })
    }

    /// Number of players.
    #[must_use]
    pub fn players(&self) -> usize {
        self.n
    }

    /// The cost of the coalition `mask`.
    #[must_use]
    pub fn cost(&self, mask: usize) -> f64 {
        self.cost[mask]
    }

    pub(crate) fn full(&self) -> usize {
        (1 << self.n) - 1
    }

    /// The exact Shapley value: `φᵢ = Σ_{S∌i} |S|!(n−|S|−1)!/n! · (c(S∪{i}) − c(S))`.
    #[must_use]
    pub fn shapley(&self) -> Vec<f64> {
        let n = self.n;
        if n == 0 {
            return Vec::new();
        }
        // w[s] = s!(n−s−1)!/n!: w[0] = 1/n, w[s] = w[s−1]·s/(n−s).
        let mut w = vec![1.0 / n as f64; n];
        for s in 1..n {
            w[s] = w[s - 1] * s as f64 / (n - s) as f64;
        }
        let mut phi = vec![0.0; n];
        for mask in 0..=self.full() {
            let s = mask.count_ones() as usize;
            if s == n {
                continue;
            }
            for (i, p) in phi.iter_mut().enumerate() {
                if mask & (1 << i) == 0 {
                    *p += w[s] * (self.cost[mask | (1 << i)] - self.cost[mask]);
                }
            }
        }
        phi
    }

    /// What the split `x` makes the group `mask` pay more than it would on
    /// its own: `x(S) − c(S)`.
    #[must_use]
    pub fn excess(&self, x: &[f64], mask: usize) -> f64 {
        members_of(mask, self.n).map(|i| x[i]).sum::<f64>() - self.cost[mask]
    }

    /// The group with the largest excess under `x` (every non-empty group,
    /// the whole group included) and that excess.
    #[must_use]
    pub fn worst_group(&self, x: &[f64]) -> (usize, f64) {
        (1..=self.full())
            .into_par_iter()
            .map(|mask| (mask, self.excess(x, mask)))
            .reduce(
                || (0, f64::NEG_INFINITY),
                |a, b| {
                    if b.1 > a.1 || (b.1.total_cmp(&a.1).is_eq() && b.0 < a.0) {
                        b
                    } else {
                        a
                    }
                },
            )
    }

    /// Members whose joining costs the whole group more than they would pay
    /// alone: `c(N) − c(N∖{i}) > c({i})`. Each makes the core empty.
    #[must_use]
    pub fn spoilers(&self) -> Vec<usize> {
        let full = self.full();
        (0..self.n)
            .filter(|&i| self.cost[full] - self.cost[full & !(1 << i)] > self.cost[1 << i] + TOLERANCE_NOK)
            .collect()
    }
}

/// The members of a coalition mask.
pub fn members_of(mask: usize, n: usize) -> impl Iterator<Item = usize> {
    (0..n).filter(move |i| mask & (1 << i) != 0)
}

/// What today's operation and the scenario cost every coalition.
#[derive(Debug, Clone, PartialEq)]
pub struct CoalitionTable {
    /// `today(S)` per mask.
    pub today: Vec<f64>,
    /// `scenario(S)` per mask; NaN when the scenario is not open to `S`.
    pub scenario: Vec<f64>,
    /// `c(S) = min(today(S), scenario(S))`.
    pub game: Game,
}

/// Per member under one metric: today's cost and the scenario's (members
/// outside the scenario or the coalition stay as today).
pub(crate) fn member_costs(
    prepared: &PreparedStudy,
    today: usize,
    scenario: usize,
    metric: Metric,
    coalition: Option<&[bool]>,
) -> Result<(Vec<f64>, Option<Vec<f64>>), FairError> {
    let n = prepared.members().len();
    let mut out = vec![0.0; 2 * n];
    let mut ws = prepared.workspace();
    let params = prepared.defaults();
    prepared
        .run(
            params,
            coalition,
            &[today],
            Shape::MemberMetric(metric),
            &mut ws,
            &mut out[..n],
        )
        .map_err(|_| FairError::YearNotAnalysed)?;
    let open = prepared
        .run(
            params,
            coalition,
            &[scenario],
            Shape::MemberMetric(metric),
            &mut ws,
            &mut out[n..],
        )
        .is_ok();
    let (t, s) = out.split_at(n);
    let s = open.then(|| {
        (0..n)
            .map(|m| {
                if prepared.participates(scenario, m, None) {
                    s[m]
                } else {
                    t[m]
                }
            })
            .collect()
    });
    Ok((t.to_vec(), s))
}

/// Evaluates today's operation and `scenario` for every coalition (in
/// parallel, in chunks; `progress` gets the share done and returns false
/// to cancel).
///
/// # Errors
/// [`FairError::Cancelled`], or the metric's year is not analysed.
pub fn coalition_table(
    prepared: &PreparedStudy,
    today: usize,
    scenario: usize,
    metric: Metric,
    progress: &(dyn Fn(f64) -> bool + Sync),
) -> Result<CoalitionTable, FairError> {
    let n = prepared.members().len();
    let count = 1usize << n;
    let shape = Shape::MemberMetric(metric);
    // Check the metric once, outside the batch.
    let (all_today, _) = member_costs(prepared, today, scenario, metric, None)?;
    if let Some(table) = additive_table(prepared, (today, scenario), metric, &all_today)? {
        return Ok(table);
    }
    // When what a member pays today does not depend on the others, one run
    // gives every coalition's today (half the work of running it per
    // coalition).
    let runs: &[usize] = if prepared.coalition_independent(today) {
        &[scenario]
    } else {
        &[today, scenario]
    };
    let width = runs.len() * n;
    let chunk = 1 << 15;
    let in_scenario: Vec<bool> = (0..n).map(|m| prepared.participates(scenario, m, None)).collect();
    let mut today_cost = vec![0.0; count];
    let mut scenario_cost = vec![0.0; count];
    let mut out = vec![0.0; chunk.min(count) * width];
    let mut start = 1;
    while start < count {
        let len = chunk.min(count - start);
        let buffer = &mut out[..len * width];
        prepared.run_batch(
            len,
            runs,
            shape,
            |i, _, coalition| {
                let mask = start + i;
                for (m, slot) in coalition.iter_mut().enumerate() {
                    *slot = mask & (1 << m) != 0;
                }
            },
            buffer,
        );
        for (i, item) in buffer.chunks(width).enumerate() {
            let mask = start + i;
            let (t, s) = if runs.len() == 1 {
                (&all_today[..], item)
            } else {
                item.split_at(n)
            };
            let mut today_sum = 0.0;
            let mut scenario_sum = 0.0;
            for m in members_of(mask, n) {
                today_sum += t[m];
                scenario_sum += if in_scenario[m] { s[m] } else { t[m] };
            }
            today_cost[mask] = today_sum;
            // A failed key leaves the scenario's figures NaN: not open to S.
            scenario_cost[mask] = scenario_sum;
        }
        start += len;
        if !progress(start as f64 / count as f64) {
            return Err(FairError::Cancelled);
        }
    }
    let cost = today_cost
        .iter()
        .zip(&scenario_cost)
        .map(|(t, s)| if s.is_nan() { *t } else { t.min(*s) })
        .collect();
    Ok(CoalitionTable {
        today: today_cost,
        scenario: scenario_cost,
        game: Game { n, cost },
    })
}

/// The scenario's total for one coalition (members of it outside the
/// scenario as today), or NaN when the scenario is not open to it.
fn scenario_total(
    prepared: &PreparedStudy,
    (today, scenario): (usize, usize),
    metric: Metric,
    mask: usize,
) -> Result<f64, FairError> {
    let n = prepared.members().len();
    let coalition: Vec<bool> = (0..n).map(|m| mask & (1 << m) != 0).collect();
    let (_, s) = member_costs(prepared, today, scenario, metric, Some(&coalition))?;
    Ok(match s {
        Some(s) => members_of(mask, n).map(|m| s[m]).sum(),
        None => f64::NAN,
    })
}

/// Every coalition's costs without running the engine per coalition, when
/// today's operation is each member's own: an option's total over a group
/// `S` is `L + Σ a_m` over its participants, plus for each line one member
/// `p` pays per unit of a driver summed over the group `[p ∈ S] × c_p ×
/// Q_b(S)` ([`PreparedStudy::member_driver_terms`]), plus today for the
/// members of `S` outside the option; open when a participant in `S` has a
/// key weight. `a_m` and `L` come from runs of single members and a pair;
/// the result is checked against the engine on 64 coalitions and `None`
/// (run every coalition) when any differs.
fn additive_table(
    prepared: &PreparedStudy,
    (today, scenario): (usize, usize),
    metric: Metric,
    all_today: &[f64],
) -> Result<Option<CoalitionTable>, FairError> {
    let n = prepared.members().len();
    if n < 3 || !prepared.coalition_independent(today) {
        return Ok(None);
    }
    let runs = (today, scenario);
    let inside: Vec<usize> = (0..n)
        .filter(|&m| prepared.participates(scenario, m, None))
        .collect();
    let inside_mask: usize = inside.iter().map(|&m| 1 << m).sum();
    // Lines one member pays per unit of a driver summed over the group:
    // `[p ∈ S] × c × Q_b(S)`, by basis.
    let Some(terms) = prepared.member_driver_terms(scenario, metric) else {
        return Ok(None);
    };
    let quantities = prepared.basis_quantities();
    let mut bases: Vec<usize> = terms.iter().map(|t| t.1).collect();
    bases.sort_unstable();
    bases.dedup();
    let mut coefficient = vec![vec![0.0; n]; bases.len()];
    for &(p, b, c) in &terms {
        if let Some(k) = bases.iter().position(|x| *x == b) {
            coefficient[k][p] += c;
        }
    }
    let bilinear = |mask: usize| -> f64 {
        let group = mask & inside_mask;
        bases
            .iter()
            .enumerate()
            .map(|(k, &b)| {
                let (c, q) = members_of(group, n).fold((0.0, 0.0), |(c, q), m| {
                    (c + coefficient[k][m], q + quantities[b][m])
                });
                c * q
            })
            .sum()
    };
    // Single members: open (a key weight) or not.
    let single: Vec<f64> = (0..n)
        .map(|m| {
            if inside.contains(&m) {
                scenario_total(prepared, runs, metric, 1 << m)
            } else {
                Ok(f64::NAN)
            }
        })
        .collect::<Result<_, _>>()?;
    let open: Vec<usize> = inside.iter().copied().filter(|&m| !single[m].is_nan()).collect();
    let (Some(&first), Some(&second)) = (open.first(), open.get(1)) else {
        return Ok(None);
    };
    // The shared sum from two open members: T(i) + T(j) − T(i, j), less
    // what the driver terms add on their own and together.
    let (i, j) = (1 << first, 1 << second);
    let pair = scenario_total(prepared, runs, metric, i | j)?;
    let shared = single[first] + single[second] - bilinear(i) - bilinear(j) + bilinear(i | j) - pair;
    let mut a = vec![0.0; n];
    for &m in &inside {
        a[m] = if single[m].is_nan() {
            // Without a key weight of its own: with an open member.
            let with = if m == first { second } else { first };
            let both = (1 << m) | (1 << with);
            let own_with = single[with] - shared - bilinear(1 << with);
            scenario_total(prepared, runs, metric, both)? - shared - own_with - bilinear(both)
        } else {
            single[m] - shared - bilinear(1 << m)
        };
    }
    let open_mask: usize = open.iter().map(|&m| 1 << m).sum();
    let count = 1usize << n;
    let mut today_cost = vec![0.0; count];
    let mut scenario_cost = vec![0.0; count];
    // Every coalition in Gray-code order: one member in or out per step,
    // so each running sum changes by one term.
    let (mut today_sum, mut own, mut outside) = (0.0, 0.0, 0.0);
    let mut c_sum = vec![0.0; bases.len()];
    let mut q_sum = vec![0.0; bases.len()];
    let mut mask = 0usize;
    for step in 1..count {
        let m = step.trailing_zeros() as usize;
        mask ^= 1 << m;
        let sign = if mask & (1 << m) != 0 { 1.0 } else { -1.0 };
        today_sum += sign * all_today[m];
        if inside_mask & (1 << m) != 0 {
            own += sign * a[m];
            for (k, &b) in bases.iter().enumerate() {
                c_sum[k] += sign * coefficient[k][m];
                q_sum[k] += sign * quantities[b][m];
            }
        } else {
            outside += sign * all_today[m];
        }
        today_cost[mask] = today_sum;
        scenario_cost[mask] = if mask & inside_mask == 0 {
            today_sum
        } else if mask & open_mask == 0 {
            f64::NAN
        } else {
            let driven: f64 = c_sum.iter().zip(&q_sum).map(|(c, q)| c * q).sum();
            shared + own + driven + outside
        };
    }
    // Checked against the engine on coalitions spread over the masks
    // (a fixed sequence: the same on every machine).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..64 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let mask = (x as usize) & (count - 1);
        if mask == 0 {
            continue;
        }
        let engine = scenario_total(prepared, runs, metric, mask)?;
        let fast = scenario_cost[mask];
        let same =
            (engine.is_nan() && fast.is_nan()) || (engine - fast).abs() <= 1e-6 * engine.abs().max(1.0);
        if !same {
            return Ok(None);
        }
    }
    let cost = today_cost
        .iter()
        .zip(&scenario_cost)
        .map(|(t, s)| if s.is_nan() { *t } else { t.min(*s) })
        .collect();
    Ok(Some(CoalitionTable {
        today: today_cost,
        scenario: scenario_cost,
        game: Game { n, cost },
    }))
}

/// Shapley values from `samples` random orders of joining (seeded; order
/// `k` uses its own stream, so the result does not depend on the thread
/// count), with the standard error of each.
///
/// # Errors
/// The metric's year is not analysed.
pub fn shapley_sampled(
    prepared: &PreparedStudy,
    today: usize,
    scenario: usize,
    metric: Metric,
    samples: usize,
    seed: u64,
) -> Result<(Vec<f64>, Vec<f64>), FairError> {
    use rand_pcg::rand_core::Rng;
    let n = prepared.members().len();
    member_costs(prepared, today, scenario, metric, None)?;
    let cost = |coalition: &[bool]| -> f64 {
        let Ok((t, s)) = member_costs(prepared, today, scenario, metric, Some(coalition)) else {
            return f64::NAN;
        };
        let today_sum: f64 = (0..n).filter(|&m| coalition[m]).map(|m| t[m]).sum();
        match s {
            Some(s) => today_sum.min((0..n).filter(|&m| coalition[m]).map(|m| s[m]).sum()),
            None => today_sum,
        }
    };
    let marginals: Vec<Vec<f64>> = (0..samples)
        .into_par_iter()
        .map(|k| {
            // One independent stream per order.
            let mut rng = crate::engine::streams::stream(seed, k as u64);
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                // Lemire's multiply-shift; the bias is below 2⁻⁴⁰ for n ≤ 500.
                let j = ((u128::from(rng.next_u64()) * (i as u128 + 1)) >> 64) as usize;
                order.swap(i, j);
            }
            let mut coalition = vec![false; n];
            let mut before = 0.0;
            let mut marginal = vec![0.0; n];
            for &i in &order {
                coalition[i] = true;
                let after = cost(&coalition);
                marginal[i] = after - before;
                before = after;
            }
            marginal
        })
        .collect();
    let k = samples.max(1) as f64;
    let mean: Vec<f64> = (0..n)
        .map(|i| marginals.iter().map(|m| m[i]).sum::<f64>() / k)
        .collect();
    let se = (0..n)
        .map(|i| {
            let var = marginals.iter().map(|m| (m[i] - mean[i]).powi(2)).sum::<f64>() / (k - 1.0).max(1.0);
            (var / k).sqrt()
        })
        .collect();
    Ok((mean, se))
}

/// How one key splits the scenario, judged against the coalition costs.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyAssessment {
    /// The key's id.
    pub key: KeyId,
    /// Its name.
    pub name: String,
    /// What each member pays with this key (members outside the scenario:
    /// today's cost); `None` when the key cannot be used for the scenario.
    pub split: Option<Vec<f64>>,
    /// Members who pay more than their stand-alone cost.
    pub over_stand_alone: Vec<usize>,
    /// The group with the largest excess and the excess (when every
    /// coalition was evaluated).
    pub worst_group: Option<(usize, f64)>,
}

impl KeyAssessment {
    /// True when nobody pays more than alone.
    #[must_use]
    pub fn passes_stand_alone(&self) -> bool {
        self.split.is_some() && self.over_stand_alone.is_empty()
    }

    /// In the core: no group pays more than on its own (`None` when not
    /// every coalition was evaluated, or the key cannot be used).
    #[must_use]
    pub fn in_core(&self) -> Option<bool> {
        self.split.as_ref()?;
        self.worst_group.map(|(_, e)| e <= TOLERANCE_NOK)
    }
}

/// Everything the "Fair split" view, the CLI and the exports show for one
/// scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct FairSplit {
    /// Index of the scenario in the study.
    pub scenario: usize,
    /// The metric.
    pub metric: Metric,
    /// Per member: what it pays in the reference (today's cost).
    pub today: Vec<f64>,
    /// Per member: the stand-alone cost `c({i})`.
    pub stand_alone: Vec<f64>,
    /// `c(N)`, what the whole group pays at best.
    pub grand_cost: f64,
    /// The scenario's cost for the whole group.
    pub scenario_total: f64,
    /// The coalition costs, when every coalition was evaluated.
    pub table: Option<CoalitionTable>,
    /// Per member: the Shapley value.
    pub shapley: Vec<f64>,
    /// Per member: its standard error, when sampled; and the sample count.
    pub shapley_sampled: Option<(Vec<f64>, usize)>,
    /// The nucleolus, or why not.
    pub nucleolus: Result<Vec<f64>, NoNucleolus>,
    /// Whether the core is empty, when known.
    pub core_empty: Option<bool>,
    /// Members whose joining costs the group more than they would pay alone,
    /// with what the group costs without each.
    pub spoilers: Vec<(usize, f64)>,
    /// One assessment per key of the study, in study order.
    pub keys: Vec<KeyAssessment>,
    /// Index in `keys` of the scenario's own key.
    pub scenario_key: Option<usize>,
    /// The mix of simple keys closest to the Shapley value.
    pub nearest_to_shapley: Option<MixSuggestion>,
    /// The mix closest to the scenario's key that lies in the core.
    pub nearest_in_core: Result<MixSuggestion, NoCoreMix>,
}

impl FairSplit {
    /// What the members would pay in all if each went alone.
    #[must_use]
    pub fn stand_alone_total(&self) -> f64 {
        self.stand_alone.iter().sum()
    }
}

/// Members over their stand-alone cost, the worst group, and the split.
type Assessed = (Vec<usize>, Option<(usize, f64)>, Option<Vec<f64>>);

/// Sampled orders of joining for the Shapley value of `scenario` beyond
/// [`EXACT_LIMIT`] members: 2 000, fewer for large studies so that one
/// analysis costs about a second. An order evaluates every member's
/// coalition in turn, each over the members and the scenario's lines, so
/// its cost grows as `n × (n + lines)` (measured: about 0,55 ms an order
/// for 100 members and 500 lines); the budget is 10⁸ such units, and at
/// least 50 orders are drawn (the findings say how many, and the standard
/// errors how precise the values are).
#[must_use]
pub fn sample_count(study: &Study, scenario: usize) -> usize {
    let n = study.members.len().max(1);
    let lines = study.scenarios.get(scenario).map_or(0, |s| {
        s.lines.len() + crate::model::fleet::fleet_lines(study, s).len()
    });
    let work = n.saturating_mul(n.saturating_add(lines)).max(1);
    (100_000_000 / work).clamp(50, 2_000)
}

/// Options of a fair-split analysis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The metric (as in the comparison).
    pub metric: Metric,
    /// Sampled orders beyond [`EXACT_LIMIT`] members.
    pub samples: usize,
    /// Seed of the sampled orders.
    pub seed: u64,
}

/// Analyses the split of `scenario` (an index into the study's scenarios).
///
/// # Errors
/// [`FairError`].
pub fn analyse(
    study: &Study,
    scenario: usize,
    options: Options,
    progress: &(dyn Fn(f64) -> bool + Sync),
) -> Result<FairSplit, FairError> {
    let prepared = PreparedStudy::prepare(study)?;
    if prepared.today().is_none() {
        return Err(FairError::NoToday);
    }
    // What the members pay if they do not join: today's operation (with
    // its workstations where the study prices them). Today's operation is
    // not an option to split.
    let today = prepared.today().ok_or(FairError::NoToday)?;
    if scenario >= prepared.scenario_count() || scenario == today {
        return Err(FairError::NotAScenario);
    }
    let metric = options.metric;
    let n = prepared.members().len();
    let (today_cost, scenario_cost) = member_costs(&prepared, today, scenario, metric, None)?;
    let scenario_total = scenario_cost.as_ref().map_or(f64::NAN, |s| s.iter().sum());

    let (table, stand_alone, grand_cost, shapley, shapley_sampled) = values(
        &prepared,
        (today, scenario),
        options,
        (&today_cost, scenario_total),
        progress,
    )?;
    if !progress(1.0) {
        return Err(FairError::Cancelled);
    }

    let nucleolus_and_t = match &table {
        Some(t) => nucleolus(&t.game),
        None => Err(NoNucleolus::TooManyMembers),
    };
    let spoilers: Vec<(usize, f64)> = table.as_ref().map_or_else(Vec::new, |t| {
        let full = t.game.full();
        t.game
            .spoilers()
            .into_iter()
            .map(|i| (i, t.game.cost(full & !(1 << i)) + t.game.cost(1 << i)))
            .collect()
    });
    let core_empty = match (&nucleolus_and_t, &table) {
        (Ok((_, t_star)), _) => Some(*t_star > TOLERANCE_NOK),
        (Err(_), Some(t)) if t.game.worst_group(&shapley).1 <= TOLERANCE_NOK => Some(false),
        _ if !spoilers.is_empty() => Some(true),
        _ => None,
    };

    let assess = |split: Option<Vec<f64>>| -> Assessed {
        let Some(split) = split else {
            return (Vec::new(), None, None);
        };
        let over = (0..n)
            .filter(|&i| split[i] > stand_alone[i] + TOLERANCE_NOK)
            .collect();
        let worst = table.as_ref().map(|t| t.game.worst_group(&split));
        (over, worst, Some(split))
    };
    let keys: Vec<KeyAssessment> = study
        .keys
        .iter()
        .map(|key| {
            let (over_stand_alone, worst_group, split) =
                assess(split_with_rule(study, scenario, &key.rule, metric));
            KeyAssessment {
                key: key.id.clone(),
                name: key.name.clone(),
                split,
                over_stand_alone,
                worst_group,
            }
        })
        .collect();
    let scenario_key = study.scenarios[scenario]
        .key
        .as_ref()
        .and_then(|k| keys.iter().position(|a| &a.key == k));

    let shares_something = study.scenarios[scenario]
        .lines
        .iter()
        .any(|l| l.payer == Payer::Shared);
    let rules = candidate_rules(study);
    let columns: Vec<(KeyRule, Vec<f64>)> = rules
        .into_iter()
        .filter_map(|rule| split_with_rule(study, scenario, &rule, metric).map(|s| (rule, s)))
        .collect();
    let make_suggestion = |weights: &[f64]| -> MixSuggestion {
        let split: Vec<f64> = (0..n)
            .map(|i| columns.iter().zip(weights).map(|((_, s), w)| s[i] * w).sum())
            .collect();
        let (over, worst, _) = assess(Some(split.clone()));
        MixSuggestion {
            parts: columns
                .iter()
                .zip(weights)
                .filter(|(_, w)| **w > 1e-6)
                .map(|((rule, _), w)| (rule.clone(), w * 100.0))
                .collect(),
            split,
            passes_stand_alone: over.is_empty(),
            in_core: worst.map(|(_, e)| e <= TOLERANCE_NOK),
        }
    };
    let nearest_to_shapley = if shares_something && !columns.is_empty() {
        simplest_nearest_mix(&columns, &shapley, None)
            .ok()
            .map(|w| make_suggestion(&w))
    } else {
        None
    };
    let agreed = scenario_key
        .and_then(|k| keys[k].split.clone())
        .or(scenario_cost.clone());
    let nearest_in_core = if !shares_something || columns.is_empty() {
        Err(NoCoreMix::NothingShared)
    } else if scenario_total > grand_cost + TOLERANCE_NOK {
        Err(NoCoreMix::DearerThanToday)
    } else if n > NUCLEOLUS_LIMIT {
        Err(NoCoreMix::TooManyMembers)
    } else {
        match (&table, agreed) {
            (Some(t), Some(agreed)) => match simplest_nearest_mix(&columns, &agreed, Some(&t.game)) {
                Ok(w) => Ok(make_suggestion(&w)),
                Err(lp::LpError::Infeasible) => Err(NoCoreMix::NoneInCore),
                Err(lp::LpError::Failed) => Err(NoCoreMix::SolverFailed),
            },
            _ => Err(NoCoreMix::NothingShared),
        }
    };

    Ok(FairSplit {
        scenario,
        metric,
        today: today_cost,
        stand_alone,
        grand_cost,
        scenario_total,
        table,
        shapley,
        shapley_sampled,
        nucleolus: nucleolus_and_t.map(|(x, _)| x),
        core_empty,
        spoilers,
        keys,
        scenario_key,
        nearest_to_shapley,
        nearest_in_core,
    })
}

/// What the game's values come to: every coalition's cost (up to
/// [`EXACT_LIMIT`] members) or sampled orders beyond, the stand-alone
/// costs, the cost of all together and the Shapley value (with its
/// standard errors and sample count when sampled).
type Values = (
    Option<CoalitionTable>,
    Vec<f64>,
    f64,
    Vec<f64>,
    Option<(Vec<f64>, usize)>,
);

fn values(
    prepared: &PreparedStudy,
    (today, scenario): (usize, usize),
    options: Options,
    (today_cost, scenario_total): (&[f64], f64),
    progress: &(dyn Fn(f64) -> bool + Sync),
) -> Result<Values, FairError> {
    let metric = options.metric;
    let n = prepared.members().len();
    Ok(if n <= EXACT_LIMIT {
        let table = coalition_table(prepared, today, scenario, metric, progress)?;
        let game = &table.game;
        let stand_alone = (0..n).map(|i| game.cost(1 << i)).collect();
        let grand = game.cost(game.full());
        let shapley = game.shapley();
        (Some(table), stand_alone, grand, shapley, None)
    } else {
        let single = |i: usize| {
            let mut coalition = vec![false; n];
            coalition[i] = true;
            let (t, s) = member_costs(prepared, today, scenario, metric, Some(&coalition))?;
            Ok::<f64, FairError>(s.map_or(t[i], |s| t[i].min(s[i])))
        };
        let stand_alone = (0..n).map(single).collect::<Result<Vec<f64>, _>>()?;
        let today_total: f64 = today_cost.iter().sum();
        let grand = if scenario_total.is_nan() {
            today_total
        } else {
            today_total.min(scenario_total)
        };
        let (mean, se) = shapley_sampled(prepared, today, scenario, metric, options.samples, options.seed)?;
        (None, stand_alone, grand, mean, Some((se, options.samples)))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::float_cmp)]
mod tests;
