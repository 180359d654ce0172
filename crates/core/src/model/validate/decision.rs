//! Checks of the criteria, scores, requirements, compliance and profiles.
//!
//! Refused (errors): repeated or empty criterion ids, more than one economy
//! criterion, scores outside −4…+4, for an unknown scenario or criterion,
//! on the economy criterion (it is scored from the figures) or given twice;
//! an uptime outside 0–100 %; compliance with an unknown requirement or
//! scenario; a profile with no weight above 0 (no weights, all 0, an empty
//! ranking), a weight that is negative or not a number, a weight or a
//! ranking on an unknown criterion, a criterion ranked twice.
//!
//! Said as notes (the meaning is clear and documented): weights that do
//! not add up to 100 are normalised; criteria a ranking leaves out weigh 0.
//! A warning: a criterion (not economy) that no scenario is scored on.

use std::collections::HashSet;

use super::{Place, Problem, Report};
use crate::model::Study;

/// The place of a criterion, requirement or profile.
fn place(kind: &'static str, name: &str) -> Place {
    Place::Decision {
        kind,
        name: name.to_owned(),
    }
}

pub(super) fn decision(study: &Study, report: &mut Report) {
    let d = &study.decision;
    super::ids_unique(report, "kind-criterion", d.criteria.iter().map(|c| c.id.as_str()));
    super::ids_unique(
        report,
        "kind-requirement",
        d.requirements.iter().map(|r| r.id.as_str()),
    );
    super::ids_unique(report, "kind-profile", d.profiles.iter().map(|p| p.name.as_str()));
    let criteria: HashSet<&str> = d.criteria.iter().map(|c| c.id.as_str()).collect();
    let economy: Vec<&str> = d
        .criteria
        .iter()
        .filter(|c| c.economy)
        .map(|c| c.name.as_str())
        .collect();
    if economy.len() > 1 {
        report.push(
            &place("kind-criterion", economy[1]),
            Problem::SeveralEconomyCriteria,
        );
    }
    for c in &d.criteria {
        if c.id.trim().is_empty() {
            report.push(
                &place("kind-criterion", &c.name),
                Problem::EmptyId {
                    kind: "kind-criterion",
                },
            );
        }
        if !c.economy && !d.scores.iter().any(|s| s.criterion == c.id) {
            report.push(&place("kind-criterion", &c.name), Problem::CriterionNotScored);
        }
    }
    let mut scored = HashSet::new();
    let mut economy_scored = Vec::new();
    for s in &d.scores {
        let criterion = d.criteria.iter().find(|c| c.id == s.criterion);
        let here = place(
            "kind-criterion",
            criterion.map_or(s.criterion.as_str(), |c| c.name.as_str()),
        );
        if study.scenario(&s.scenario).is_none() {
            report.push(
                &here,
                Problem::UnknownScenario {
                    id: s.scenario.0.clone(),
                },
            );
        }
        match criterion {
            None => report.push(
                &here,
                Problem::UnknownCriterion {
                    id: s.criterion.clone(),
                },
            ),
            // Said once per criterion.
            Some(c) if c.economy && !economy_scored.contains(&c.id) => {
                economy_scored.push(c.id.clone());
                report.push(&here, Problem::ScoreOnEconomy);
            }
            Some(_) => {}
        }
        if !(-4..=4).contains(&s.score) {
            report.push(&here, Problem::ScoreOutOfScale { score: s.score });
        }
        if !scored.insert((&s.scenario, &s.criterion)) {
            report.push(
                &here,
                Problem::DuplicateScore {
                    scenario: s.scenario.0.clone(),
                },
            );
        }
    }
    for r in &d.requirements {
        if let Some(uptime) = r.uptime_percent
            && !(0.0..=100.0).contains(&uptime)
        {
            report.push(
                &place("kind-requirement", &r.name),
                Problem::PercentOutOfRange {
                    field: "field-uptime",
                    value: uptime,
                },
            );
        }
    }
    for c in &d.compliance {
        let requirement = d.requirements.iter().find(|r| r.id == c.requirement);
        let here = place(
            "kind-requirement",
            requirement.map_or(c.requirement.as_str(), |r| r.name.as_str()),
        );
        if requirement.is_none() {
            report.push(
                &here,
                Problem::UnknownRequirement {
                    id: c.requirement.clone(),
                },
            );
        }
        if study.scenario(&c.scenario).is_none() {
            report.push(
                &here,
                Problem::UnknownScenario {
                    id: c.scenario.0.clone(),
                },
            );
        }
    }
    for p in &d.profiles {
        profile(p, &criteria, d.criteria.len(), report);
    }
}

fn profile(
    p: &crate::model::decision::Profile,
    criteria: &HashSet<&str>,
    n_criteria: usize,
    report: &mut Report,
) {
    let here = place("kind-profile", &p.name);
    if let Some(order) = &p.ranking {
        let mut seen = HashSet::new();
        for id in order {
            if !criteria.contains(id.as_str()) {
                report.push(&here, Problem::UnknownCriterion { id: id.clone() });
            } else if !seen.insert(id) {
                report.push(&here, Problem::RankedTwice { id: id.clone() });
            }
        }
        if order.is_empty() {
            report.push(&here, Problem::ProfileNoWeight);
        } else if seen.len() < n_criteria {
            report.push(
                &here,
                Problem::RankingLeavesOut {
                    count: n_criteria - seen.len(),
                },
            );
        }
        return;
    }
    let mut fine = true;
    for (id, weight) in &p.weights {
        if !criteria.contains(id.as_str()) {
            report.push(&here, Problem::UnknownCriterion { id: id.clone() });
        }
        fine &= report.number(&here, "field-weight", *weight, false);
    }
    if !fine {
        return;
    }
    let sum: f64 = p
        .weights
        .iter()
        .filter(|(id, _)| criteria.contains(id.as_str()))
        .map(|(_, w)| w)
        .sum();
    if sum <= 0.0 {
        report.push(&here, Problem::ProfileNoWeight);
    } else if (sum - 100.0).abs() > 1e-6 {
        report.push(&here, Problem::WeightsNormalised { sum });
    }
}
