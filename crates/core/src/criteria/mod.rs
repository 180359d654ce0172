//! Beyond kroner: scores on criteria, must-have requirements and
//! stakeholder weight profiles, and where the profiles disagree. No egui,
//! no text: the app, the CLI and the exports show an [`Analysis`].
//!
//! # The rules
//!
//! - **Scores** run from −4 (`− − − −`) to +4 (`+ + + +`) against today's
//!   operation, which scores 0 on every criterion by definition.
//! - **Economy** is scored from the figures: for the chosen metric, what
//!   each scenario costs all members together (members outside a scenario
//!   as today) is compared with today's operation, and the scenario
//!   furthest from today gets ±4; the others linearly in between:
//!   `score = 4 · (today − cost) / max |today − cost|`.
//! - A profile's **value** of a scenario is `Σ w_c · (score_c + 4) / 8`
//!   on a 0–100 scale, the weights normalised to add up to 1 (today's
//!   operation: 50). A profile given as a ranking gets rank-order centroid
//!   weights: the k-th of n criteria weighs `(1/n) Σ_{j=k..n} 1/j`.
//! - **Weight stability**: one weight moves from 0 to 100 %, the others
//!   keep their proportions; the interval is where the profile's first
//!   choice stays first.
//! - **Rank acceptability**: the share of weightings drawn uniformly from
//!   all weightings (the simplex), or around a profile (each weight ×
//!   0,8–1,2, normalised), in which each scenario ranks first.
//! - A scenario that fails a **requirement** is marked in every ranking;
//!   an uptime requirement is checked against a scenario's service level.

use crate::engine::{Metric, PreparedStudy};
use crate::model::Study;
use crate::model::decision::Meets;
use crate::uncertainty::uniform;

/// Why there is nothing to show.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CriteriaError {
    /// The study has errors.
    #[error("the study has errors")]
    Invalid,
    /// No criteria.
    #[error("no criteria")]
    NoCriteria,
}

/// The weight interval in which a profile's first choice stays first.
#[derive(Debug, Clone, PartialEq)]
pub struct Stability {
    /// Index of the criterion.
    pub criterion: usize,
    /// Its weight in the profile (0–1).
    pub weight: f64,
    /// The lowest weight at which the first choice stays first.
    pub low: f64,
    /// The highest.
    pub high: f64,
    /// The scenario that takes first place below `low`, if any.
    pub below: Option<usize>,
    /// … and above `high`.
    pub above: Option<usize>,
}

/// One profile's view.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileResult {
    /// Its name.
    pub name: String,
    /// Normalised weights per criterion.
    pub weights: Vec<f64>,
    /// Value per scenario, 0–100.
    pub values: Vec<f64>,
    /// Rank per scenario (1 = first; equal values share a rank).
    pub ranks: Vec<usize>,
    /// The first choice.
    pub first: usize,
    /// Per criterion: how far its weight can move.
    pub stability: Vec<Stability>,
    /// Share of weightings around this profile (±20 %) in which each
    /// scenario ranks first.
    pub acceptability: Vec<f64>,
}

/// Where two profiles disagree on the first place, and the weight that
/// decides it.
#[derive(Debug, Clone, PartialEq)]
pub struct Dissent {
    /// The first profile and its first choice.
    pub a: (usize, usize),
    /// The second profile and its first choice.
    pub b: (usize, usize),
    /// The criterion whose weight in the first profile decides it, the
    /// weight at which the first choice changes to the second's, and
    /// whether the first choice wins above (true) or below it.
    pub decided_by: Option<(usize, f64, bool)>,
}

/// Everything the criteria view, the CLI and the exports show.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The metric economy was scored from.
    pub metric: Metric,
    /// Scores `[scenario][criterion]`, −4…+4 (economy derived).
    pub scores: Vec<Vec<f64>>,
    /// `[scenario][requirement]`: meets it (uptime checked where asked).
    pub compliance: Vec<Vec<Meets>>,
    /// Per profile.
    pub profiles: Vec<ProfileResult>,
    /// Share of all weightings in which each scenario ranks first.
    pub acceptability: Vec<f64>,
    /// Profiles that disagree on the first place.
    pub dissents: Vec<Dissent>,
}

impl Analysis {
    /// True when the scenario fails a requirement.
    #[must_use]
    pub fn fails(&self, scenario: usize) -> bool {
        self.compliance[scenario].contains(&Meets::No)
    }
}

/// Rank-order centroid weights for `n` ranked criteria: the k-th (from 1)
/// weighs `(1/n) Σ_{j=k..n} 1/j`.
#[must_use]
pub fn roc_weights(n: usize) -> Vec<f64> {
    (1..=n)
        .map(|k| (k..=n).map(|j| 1.0 / j as f64).sum::<f64>() / n as f64)
        .collect()
}

/// A profile's value of each scenario (0–100).
#[must_use]
pub fn values(scores: &[Vec<f64>], weights: &[f64]) -> Vec<f64> {
    scores
        .iter()
        .map(|row| {
            row.iter()
                .zip(weights)
                .map(|(s, w)| w * (s + 4.0) / 8.0)
                .sum::<f64>()
                * 100.0
        })
        .collect()
}

fn first_of(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in values.iter().enumerate() {
        if *v > values[best] + 1e-9 {
            best = i;
        }
    }
    best
}

fn ranks_of(values: &[f64]) -> Vec<usize> {
    values
        .iter()
        .map(|v| 1 + values.iter().filter(|o| **o > v + 1e-9).count())
        .collect()
}

/// The weights with criterion `c` set to `t`, the others rescaled to keep
/// their proportions (equal shares when they were all 0).
#[must_use]
pub fn with_weight(weights: &[f64], c: usize, t: f64) -> Vec<f64> {
    let rest: f64 = weights
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != c)
        .map(|(_, w)| w)
        .sum();
    let others = weights.len().saturating_sub(1).max(1) as f64;
    weights
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == c {
                t
            } else if rest > 0.0 {
                w * (1.0 - t) / rest
            } else {
                (1.0 - t) / others
            }
        })
        .collect()
}

/// How far criterion `c`'s weight can move before the first choice
/// changes. Values are linear in the weight, so each rival's crossing is
/// found exactly.
fn stability(scores: &[Vec<f64>], weights: &[f64], c: usize) -> Stability {
    let value_at = |t: f64| values(scores, &with_weight(weights, c, t));
    let now = values(scores, weights);
    let first = first_of(&now);
    let (v0, v1) = (value_at(0.0), value_at(1.0));
    let mut low = 0.0f64;
    let mut high = 1.0f64;
    let mut below = None;
    let mut above = None;
    for s in 0..scores.len() {
        if s == first {
            continue;
        }
        // d(t) = (first − s) at weight t, linear: d0 + (d1 − d0)·t.
        let d0 = v0[first] - v0[s];
        let d1 = v1[first] - v1[s];
        if (d1 - d0).abs() < 1e-12 {
            continue;
        }
        let cross = d0 / (d0 - d1);
        if !(0.0..=1.0).contains(&cross) {
            continue;
        }
        if cross <= weights[c] && cross > low {
            low = cross;
            below = Some(s);
        } else if cross >= weights[c] && cross < high {
            high = cross;
            above = Some(s);
        }
    }
    Stability {
        criterion: c,
        weight: weights[c],
        low,
        high,
        below,
        above,
    }
}

/// Share of weightings in which each scenario ranks first (ties shared):
/// `draw(rng)` gives one weighting. Weighting `k` of `group` (0 for the
/// overall acceptability, 1 + p for profile p) has its own stream.
fn acceptability(
    scores: &[Vec<f64>],
    samples: usize,
    (seed, group): (u64, u64),
    draw: &dyn Fn(&mut rand_pcg::Pcg64Mcg) -> Vec<f64>,
) -> Vec<f64> {
    let mut wins = vec![0.0; scores.len()];
    for k in 0..samples {
        let mut rng = crate::engine::streams::stream(seed, (group << 40) | k as u64);
        let w = draw(&mut rng);
        let v = values(scores, &w);
        let best = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let tied: Vec<usize> = (0..v.len()).filter(|&s| v[s] >= best - 1e-9).collect();
        for s in &tied {
            wins[*s] += 1.0 / tied.len() as f64;
        }
    }
    wins.into_iter().map(|w| w / samples.max(1) as f64).collect()
}

/// Analyses the study's criteria under `metric` (economy), with `samples`
/// weightings for the rank acceptability (seeded).
///
/// # Errors
/// [`CriteriaError`].
pub fn analyse(study: &Study, metric: Metric, samples: usize, seed: u64) -> Result<Analysis, CriteriaError> {
    let decision = &study.decision;
    if decision.criteria.is_empty() {
        return Err(CriteriaError::NoCriteria);
    }
    let prepared = PreparedStudy::prepare(study).map_err(|_| CriteriaError::Invalid)?;
    let today = prepared.today().ok_or(CriteriaError::Invalid)?;
    let n_s = study.scenarios.len();
    let costs: Vec<f64> = (0..n_s)
        .map(|s| crate::uncertainty::cost_to(&prepared, prepared.defaults(), s, None, metric))
        .collect::<Result<_, _>>()
        .map_err(|_| CriteriaError::Invalid)?;
    // Each option's economy is its saving against today's operation (the
    // members outside it as today), on one scale: ±4 for the option
    // furthest from today, the others in proportion; today's operation 0.
    let furthest = (0..n_s)
        .map(|s| (costs[today] - costs[s]).abs())
        .fold(0.0f64, f64::max);
    let scores: Vec<Vec<f64>> = (0..n_s)
        .map(|s| {
            decision
                .criteria
                .iter()
                .map(|c| {
                    if s == today {
                        0.0
                    } else if c.economy {
                        if furthest > 0.0 {
                            (4.0 * (costs[today] - costs[s]) / furthest).clamp(-4.0, 4.0)
                        } else {
                            0.0
                        }
                    } else {
                        decision
                            .score(&study.scenarios[s].id, &c.id)
                            .map_or(0.0, |x| f64::from(x.score.clamp(-4, 4)))
                    }
                })
                .collect()
        })
        .collect();
    let compliance: Vec<Vec<Meets>> = study
        .scenarios
        .iter()
        .map(|scenario| {
            decision
                .requirements
                .iter()
                .map(|r| {
                    let given = decision
                        .compliance
                        .iter()
                        .find(|c| c.scenario == scenario.id && c.requirement == r.id)
                        .map(|c| c.meets);
                    match (r.uptime_percent, &scenario.service_level, given) {
                        (_, _, Some(meets)) if meets != Meets::Unknown => meets,
                        (Some(asked), Some(level), _) => {
                            if level.uptime_percent + 1e-9 >= asked {
                                Meets::Yes
                            } else {
                                Meets::No
                            }
                        }
                        _ => Meets::Unknown,
                    }
                })
                .collect()
        })
        .collect();
    let n_c = decision.criteria.len();
    let profiles: Vec<ProfileResult> = decision
        .profiles
        .iter()
        .enumerate()
        .map(|(p, profile)| {
            let raw: Vec<f64> = match &profile.ranking {
                Some(order) if !order.is_empty() => {
                    let roc = roc_weights(order.len());
                    decision
                        .criteria
                        .iter()
                        .map(|c| order.iter().position(|id| id == &c.id).map_or(0.0, |k| roc[k]))
                        .collect()
                }
                _ => decision
                    .criteria
                    .iter()
                    .map(|c| profile.weights.get(&c.id).copied().unwrap_or(0.0).max(0.0))
                    .collect(),
            };
            let sum: f64 = raw.iter().sum();
            let weights: Vec<f64> = if sum > 0.0 {
                raw.iter().map(|w| w / sum).collect()
            } else {
                vec![1.0 / n_c as f64; n_c]
            };
            let v = values(&scores, &weights);
            let around = weights.clone();
            ProfileResult {
                name: profile.name.clone(),
                first: first_of(&v),
                ranks: ranks_of(&v),
                stability: (0..n_c).map(|c| stability(&scores, &weights, c)).collect(),
                acceptability: acceptability(&scores, samples, (seed, 1 + p as u64), &|rng| {
                    let w: Vec<f64> = around.iter().map(|w| w * (0.8 + 0.4 * uniform(rng))).collect();
                    let s: f64 = w.iter().sum();
                    w.into_iter().map(|x| x / s).collect()
                }),
                values: v,
                weights,
            }
        })
        .collect();
    let overall = acceptability(&scores, samples, (seed, 0), &|rng| {
        // Uniform on the simplex: normalised exponentials.
        let w: Vec<f64> = (0..n_c).map(|_| -uniform(rng).ln()).collect();
        let s: f64 = w.iter().sum();
        w.into_iter().map(|x| x / s).collect()
    });
    let mut dissents = Vec::new();
    for a in 0..profiles.len() {
        for b in a + 1..profiles.len() {
            let (fa, fb) = (profiles[a].first, profiles[b].first);
            // One dissent per profile and rival choice: when b agrees with
            // an earlier profile, a's sentence about that choice is said.
            if fa == fb || dissents.iter().any(|d: &Dissent| d.a.0 == a && d.b.1 == fb) {
                continue;
            }
            // The criterion whose weight in profile a, moved the least,
            // hands first place to b's choice.
            let decided_by = profiles[a]
                .stability
                .iter()
                .filter_map(|st| {
                    if st.below == Some(fb) {
                        Some((st.criterion, st.low, true, st.weight - st.low))
                    } else if st.above == Some(fb) {
                        Some((st.criterion, st.high, false, st.high - st.weight))
                    } else {
                        None
                    }
                })
                .min_by(|x, y| x.3.total_cmp(&y.3))
                .map(|(c, t, above, _)| (c, t, above));
            dissents.push(Dissent {
                a: (a, fa),
                b: (b, fb),
                decided_by,
            });
        }
    }
    Ok(Analysis {
        metric,
        scores,
        compliance,
        profiles,
        acceptability: overall,
        dissents,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::float_cmp)]
mod tests;
