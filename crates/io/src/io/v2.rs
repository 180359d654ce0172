//! Format version 2, frozen: Samdrift 0.1 and 0.2, and its migration to
//! version 3.
//!
//! Version 2 let a study hold several baselines: a scenario could say
//! `with_todays_costs: true` ("today's operation plus something") and the
//! first such scenario with a workstation fleet was the yardstick the other
//! fleet scenarios were measured against. Version 3 has one baseline,
//! today's operation, which carries the study's workstations. The scenario
//! type below must never change: it describes files that exist. Every other
//! part of a version-2 file reads as the current types (they did not
//! change). See `docs/FILE_FORMAT.md`.

use serde::Deserialize;

use crate::model::{
    Assumptions, Baseline, Category, CostLine, Currency, Driver, FORMAT_VERSION, Key, KeyId, LineId, Member,
    Payer, Scenario, ScenarioId, ScenarioKind, ServiceLevel, Source, StaffingPrinted, Study, decision, fleet,
    uncertainty,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StudyV2 {
    #[allow(dead_code)]
    version: u32,
    title: String,
    #[serde(default)]
    description: String,
    members: Vec<Member>,
    categories: Vec<Category>,
    baseline: Baseline,
    #[serde(default)]
    staffing_printed: StaffingPrinted,
    keys: Vec<Key>,
    scenarios: Vec<ScenarioV2>,
    assumptions: Assumptions,
    #[serde(default)]
    uncertainties: Vec<uncertainty::Uncertainty>,
    #[serde(default)]
    correlation_groups: Vec<uncertainty::CorrelationGroup>,
    #[serde(default)]
    decision: decision::Decision,
    #[serde(default)]
    currency: Currency,
    #[serde(default)]
    language: Option<crate::lang::Lang>,
    #[serde(default)]
    workstations: fleet::Workstations,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioV2 {
    id: ScenarioId,
    name: String,
    kind: ScenarioKind,
    #[serde(default)]
    participants: Option<Vec<crate::model::MemberId>>,
    #[serde(default)]
    key: Option<KeyId>,
    #[serde(default)]
    lines: Vec<CostLine>,
    #[serde(default)]
    service_level: Option<ServiceLevel>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    fleet: Option<String>,
    /// Today's operation plus this scenario's fleet and lines.
    #[serde(default)]
    with_todays_costs: bool,
    #[serde(default)]
    colour: Option<u8>,
}

/// What migrating a version-2 file changed, for the one message the user
/// reads when it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationChange {
    /// A scenario that was today's operation with a workstation fleet (the
    /// yardstick of a pair) is gone: its fleet is now today's operation's,
    /// and the options without a fleet of their own run it too (their
    /// totals include the workstations; their differences from today stay).
    FleetMovedToToday {
        /// The scenario that was removed.
        scenario: String,
        /// The fleet's id.
        fleet: String,
    },
    /// A scenario that carried today's costs besides its own lines is now an
    /// ordinary option: today's costs were copied into it as lines, one per
    /// member and kind of cost, so its figures stay as they were.
    TodaysCostsCopied {
        /// The scenario.
        scenario: String,
    },
}

impl StudyV2 {
    /// The current study of everything but the scenarios (which did change).
    fn into_study(self) -> Study {
        Study {
            version: FORMAT_VERSION,
            title: self.title,
            description: self.description,
            members: self.members,
            categories: self.categories,
            baseline: self.baseline,
            staffing_printed: self.staffing_printed,
            keys: self.keys,
            scenarios: Vec::new(),
            assumptions: self.assumptions,
            uncertainties: self.uncertainties,
            correlation_groups: self.correlation_groups,
            decision: self.decision,
            currency: self.currency,
            language: self.language,
            workstations: self.workstations,
        }
    }
}

/// Migrates a version-2 study to the current format, and says what changed
/// in meaning (nothing for a file without `with_todays_costs`).
pub(super) fn migrate(mut old: StudyV2) -> (Study, Vec<MigrationChange>) {
    let old_scenarios = std::mem::take(&mut old.scenarios);
    let mut study = old.into_study();
    let today = old_scenarios.iter().position(|s| s.kind == ScenarioKind::Today);
    // The yardstick of a workstation pair: the first scenario that carried
    // today's costs, ran a fleet and had nothing else, while today's
    // operation itself ran none.
    let yardstick = today.and_then(|t| {
        if old_scenarios[t].fleet.is_some() {
            return None;
        }
        old_scenarios.iter().position(|s| {
            s.kind != ScenarioKind::Today && s.with_todays_costs && s.fleet.is_some() && s.lines.is_empty()
        })
    });
    let mut changes = Vec::new();
    let mut moved_fleet = None;
    let mut removed = None;
    if let Some(y) = yardstick {
        let fleet = old_scenarios[y].fleet.clone().unwrap_or_default();
        changes.push(MigrationChange::FleetMovedToToday {
            scenario: old_scenarios[y].name.clone(),
            fleet: fleet.clone(),
        });
        moved_fleet = Some(fleet);
        removed = Some(old_scenarios[y].id.clone());
    }
    // Today's cells as the figures used them (staffing links applied): the
    // members, categories and baseline did not change with the format.
    let todays_cells: Vec<(crate::model::CategoryId, crate::model::MemberId, f64)> = study
        .todays_cells()
        .into_iter()
        .map(|(c, m, v)| (c.clone(), m.clone(), v))
        .collect();
    let mut scenarios = Vec::with_capacity(old_scenarios.len());
    for (i, s) in old_scenarios.into_iter().enumerate() {
        if Some(i) == yardstick {
            continue;
        }
        let mut lines = s.lines;
        let fleet = if Some(i) == today && moved_fleet.is_some() {
            moved_fleet.clone()
        } else {
            s.fleet
        };
        if s.with_todays_costs && s.kind != ScenarioKind::Today {
            changes.push(MigrationChange::TodaysCostsCopied {
                scenario: s.name.clone(),
            });
            for (n, (category, member, amount)) in todays_cells.iter().enumerate() {
                let known = study.category(category);
                lines.push(CostLine {
                    investment: None,
                    label: known.map_or_else(|| category.0.clone(), |c| c.name.clone()),
                    category: category.clone(),
                    amount_nok: *amount,
                    amount_from: crate::model::AmountFrom::default(),
                    quantity: 1.0,
                    driver: Driver::Lump,
                    payer: Payer::Member(member.clone()),
                    timing: crate::model::Timing::default(),
                    growth: known.map(|c| c.growth).unwrap_or_default(),
                    source: Source::Assumption {
                        note: "Today's cost (format 2: with_todays_costs)".to_owned(),
                    },
                    id: LineId::new(format!("today-{}", n + 1)),
                });
            }
        }
        scenarios.push(Scenario {
            vat_not_compensated_percent: 0.0,
            id: s.id,
            name: s.name,
            kind: s.kind,
            participants: s.participants,
            key: s.key,
            lines,
            service_level: s.service_level,
            note: s.note,
            fleet,
            colour: s.colour,
            terms: None,
            exit_questions: Vec::new(),
            organisation: None,
        });
    }
    study.scenarios = scenarios;
    if let Some(removed) = removed {
        // Nothing may name the scenario that is gone.
        study.decision.scores.retain(|x| x.scenario != removed);
        study.decision.compliance.retain(|x| x.scenario != removed);
        study.uncertainties.retain(
            |u| !matches!(&u.input, crate::model::InputRef::LineAmount { scenario, .. } if *scenario == removed),
        );
    }
    (study, changes)
}
