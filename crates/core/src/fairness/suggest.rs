//! Keys people can agree on: the mix of at most two of the study's simple
//! keys closest to a target split (the Shapley value, or the agreed key
//! within the core), by small quadratic programs.

use super::{Game, TOLERANCE_NOK, lp, member_costs, members_of};
use crate::engine::{Metric, PreparedStudy};
use crate::model::{Attribute, Key, KeyId, KeyPart, KeyRule, Source, Study};

/// A mix of the study's simple keys.
#[derive(Debug, Clone, PartialEq)]
pub struct MixSuggestion {
    /// The simple rules and their weights (percent, adding up to 100).
    pub parts: Vec<(KeyRule, f64)>,
    /// What each member pays with it.
    pub split: Vec<f64>,
    /// Passes the stand-alone test.
    pub passes_stand_alone: bool,
    /// In the core (when every coalition was evaluated).
    pub in_core: Option<bool>,
}

impl MixSuggestion {
    /// The suggestion as a key to add to a study (a new, unused id).
    #[must_use]
    pub fn as_key(&self, study: &Study, name: String, note: String) -> Key {
        let mut n = 1;
        let id = loop {
            let candidate = KeyId::new(format!("fair-{n}"));
            if study.key(&candidate).is_none() {
                break candidate;
            }
            n += 1;
        };
        Key {
            id,
            name,
            rule: KeyRule::Mix(
                self.parts
                    .iter()
                    .map(|(rule, weight)| KeyPart {
                        weight: (weight * 10_000.0).round() / 10_000.0,
                        rule: rule.clone(),
                    })
                    .collect(),
            ),
            source: Source::Assumption { note },
        }
    }
}

/// Why no key in the core is suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoCoreMix {
    /// The scenario costs the whole group more than today's operation, so
    /// no split of it can be in the core.
    DearerThanToday,
    /// No mix of the study's simple keys lies in the core.
    NoneInCore,
    /// Too many members to check every group.
    TooManyMembers,
    /// The scenario has no shared costs for a key to split.
    NothingShared,
    /// The solver did not converge.
    SolverFailed,
}

/// The simple rules a suggested key may mix: equal shares, each attribute
/// every member has, today's cost, and each fixed key of the study.
pub(super) fn candidate_rules(study: &Study) -> Vec<KeyRule> {
    let mut rules = vec![KeyRule::Equal];
    for attribute in Attribute::ALL {
        if study
            .members
            .iter()
            .all(|m| m.attribute(attribute).is_some_and(|q| q.value > 0.0))
        {
            rules.push(KeyRule::Proportional(attribute));
        }
    }
    rules.push(KeyRule::TodaysCost);
    for key in &study.keys {
        if matches!(key.rule, KeyRule::Fixed(_)) && !rules.contains(&key.rule) {
            rules.push(key.rule.clone());
        }
    }
    rules
}

/// What each member pays in `scenario` when its key is `rule` (members
/// outside it: today); `None` when the rule cannot be evaluated.
pub(super) fn split_with_rule(
    study: &Study,
    scenario: usize,
    rule: &KeyRule,
    metric: Metric,
) -> Option<Vec<f64>> {
    let mut edited = study.clone();
    let id = KeyId::new("\u{0}fair-split-probe");
    edited.keys.push(Key {
        id: id.clone(),
        name: String::new(),
        rule: rule.clone(),
        source: Source::default(),
    });
    edited.scenarios[scenario].key = Some(id);
    let prepared = PreparedStudy::prepare(&edited).ok()?;
    let reference = prepared.today()?;
    let (_, s) = member_costs(&prepared, reference, scenario, metric, None).ok()?;
    s
}

/// The mix of at most two of the columns (the form of key people use:
/// "30 % equal + 70 % population", "90 % agreed + 10 % equal") closest to
/// `target`, within the core when a game is given; weights rounded to a
/// tenth of a percent when the rounded mix still satisfies the core. As
/// weights over all columns, zero for the columns not used.
pub(super) fn simplest_nearest_mix(
    columns: &[(KeyRule, Vec<f64>)],
    target: &[f64],
    core: Option<&Game>,
) -> Result<Vec<f64>, lp::LpError> {
    let k = columns.len();
    let distance = |w: &[f64]| -> f64 {
        target
            .iter()
            .enumerate()
            .map(|(i, t)| (columns.iter().zip(w).map(|((_, s), w)| s[i] * w).sum::<f64>() - t).powi(2))
            .sum()
    };
    let satisfies = |w: &[f64]| -> bool {
        core.is_none_or(|game| {
            let x: Vec<f64> = (0..target.len())
                .map(|i| columns.iter().zip(w).map(|((_, s), w)| s[i] * w).sum())
                .collect();
            (1..game.full()).all(|mask| game.excess(&x, mask) <= TOLERANCE_NOK)
        })
    };
    let mut best: Option<(f64, Vec<f64>)> = None;
    let mut failed = false;
    for a in 0..k {
        for b in a..k {
            let pair: Vec<(KeyRule, Vec<f64>)> = if a == b {
                vec![columns[a].clone()]
            } else {
                vec![columns[a].clone(), columns[b].clone()]
            };
            let local = match nearest_mix(&pair, target, core) {
                Ok(w) => w,
                Err(lp::LpError::Failed) => {
                    failed = true;
                    continue;
                }
                Err(lp::LpError::Infeasible) => continue,
            };
            let mut w = vec![0.0; k];
            w[a] += local[0];
            if a != b {
                w[b] += local[1];
            }
            // Round to 0,1 % when that keeps the mix fair.
            let rounded: Vec<f64> = w.iter().map(|v| (v * 1000.0).round() / 1000.0).collect();
            if (rounded.iter().sum::<f64>() - 1.0).abs() < 1e-9 && satisfies(&rounded) {
                w = rounded;
            }
            if !satisfies(&w) {
                continue;
            }
            let d = distance(&w);
            let parts = w.iter().filter(|v| **v > 1e-6).count();
            let better = best.as_ref().is_none_or(|(bd, bw)| {
                let b_parts = bw.iter().filter(|v| **v > 1e-6).count();
                d < bd * (1.0 - 1e-9) - 1e-9 || ((d - bd).abs() <= 1e-9 * bd.max(1.0) && parts < b_parts)
            });
            if better {
                best = Some((d, w));
            }
        }
    }
    match best {
        Some((_, w)) => Ok(w),
        None if failed => Err(lp::LpError::Failed),
        None => Err(lp::LpError::Infeasible),
    }
}

/// Weights `w ≥ 0`, `Σ w = 1`, of the columns whose mix `Σ w_k · split_k`
/// is closest (least squares) to `target`; with a game, only mixes in its
/// core (`x(S) ≤ c(S)` for every group but the whole).
fn nearest_mix(
    columns: &[(KeyRule, Vec<f64>)],
    target: &[f64],
    core: Option<&Game>,
) -> Result<Vec<f64>, lp::LpError> {
    let k = columns.len();
    let n = target.len();
    let scale = target.iter().fold(1.0f64, |m, v| m.max(v.abs()));
    // Variables: w (k), r (n) with r = X w − target; minimise Σ r².
    let mut p_diag = vec![0.0; k];
    p_diag.extend(vec![2.0; n]);
    let mut eq = vec![((0..k).map(|j| (j, 1.0)).collect::<lp::Row>(), 1.0)];
    for i in 0..n {
        let mut row: lp::Row = columns
            .iter()
            .enumerate()
            .map(|(j, (_, s))| (j, s[i] / scale))
            .collect();
        row.push((k + i, -1.0));
        eq.push((row, target[i] / scale));
    }
    let mut le: Vec<(lp::Row, f64)> = (0..k).map(|j| (vec![(j, -1.0)], 0.0)).collect();
    if let Some(game) = core {
        for mask in 1..game.full() {
            let row = columns
                .iter()
                .enumerate()
                .map(|(j, (_, s))| (j, members_of(mask, n).map(|i| s[i]).sum::<f64>() / scale))
                .collect();
            le.push((row, (game.cost(mask) + TOLERANCE_NOK / 2.0) / scale));
        }
    }
    let solved = lp::solve(&lp::Program {
        n: k + n,
        p_diag,
        q: vec![0.0; k + n],
        eq,
        le,
    })?;
    let mut w: Vec<f64> = solved.x[..k].iter().map(|v| v.max(0.0)).collect();
    let sum: f64 = w.iter().sum();
    if sum <= 0.0 {
        return Err(lp::LpError::Failed);
    }
    for v in &mut w {
        *v /= sum;
    }
    Ok(w)
}
