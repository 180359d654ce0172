//! Format version 1, frozen: the prototype format, and its migration to the
//! current one.
//!
//! Version 1 had no sources, no staffing, no timing or growth on lines (every
//! line was a shared lump sum per year) and only fixed-weight keys; today's
//! costs were a flat list of `(member, category, amount)` entries. These
//! types must never change: they describe files that exist. See
//! `docs/FILE_FORMAT.md` for the migration plan.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::{
    Assumptions, Baseline, BaselineLine, Category, CategoryId, CostLine, DiscountRate, Driver,
    FORMAT_VERSION, Growth, Key, KeyId, KeyRule, Member, MemberId, Payer, Quantity, RateStep, Scenario,
    ScenarioId, ScenarioKind, Source, StaffingPrinted, Study, Timing,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StudyV1 {
    #[allow(dead_code)]
    version: u32,
    title: String,
    members: Vec<MemberV1>,
    categories: Vec<CategoryV1>,
    today: Vec<TodayV1>,
    keys: Vec<KeyV1>,
    scenarios: Vec<ScenarioV1>,
    first_year: i32,
    horizon_years: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberV1 {
    id: String,
    name: String,
    #[serde(default)]
    population: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryV1 {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TodayV1 {
    member: String,
    category: String,
    amount_nok: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyV1 {
    id: String,
    name: String,
    weights: BTreeMap<String, f64>,
}

#[derive(Deserialize)]
enum KindV1 {
    Today,
    JointInHouse,
    Hosting,
    Custom,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioV1 {
    id: String,
    name: String,
    kind: KindV1,
    #[serde(default)]
    participants: Option<Vec<String>>,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    lines: Vec<LineV1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineV1 {
    label: String,
    category: String,
    amount_nok_per_year: f64,
}

/// Version 1 → the current version. Nothing is lost: every v1 figure keeps
/// its meaning, and what v1 could not say gets the neutral default (no
/// growth, every year, shared by the scenario's key).
pub(super) fn migrate(old: StudyV1) -> Study {
    let note = "Migrated from file format 1, which recorded no sources.".to_owned();
    let mut baseline_lines: Vec<BaselineLine> = Vec::new();
    for entry in old.today {
        let category = CategoryId(entry.category);
        let member = MemberId(entry.member);
        let index = if let Some(i) = baseline_lines.iter().position(|l| l.category == category) {
            i
        } else {
            baseline_lines.push(BaselineLine {
                category,
                amounts_nok: BTreeMap::new(),
                printed_total: None,
                note: String::new(),
            });
            baseline_lines.len() - 1
        };
        *baseline_lines[index].amounts_nok.entry(member).or_default() += entry.amount_nok;
    }
    Study {
        version: FORMAT_VERSION,
        title: old.title,
        description: String::new(),
        members: old
            .members
            .into_iter()
            .map(|m| Member {
                id: MemberId(m.id),
                name: m.name,
                number: None,
                population: m.population.map(|value| Quantity {
                    value,
                    source: Source::Assumption { note: note.clone() },
                }),
                employees: None,
                workstations: None,
                sites: None,
                salary: None,
                positions: Vec::new(),
            })
            .collect(),
        categories: old
            .categories
            .into_iter()
            .map(|c| Category {
                id: CategoryId(c.id),
                name: c.name,
                kostra_art: Vec::new(),
                growth: Growth::None,
            })
            .collect(),
        baseline: Baseline {
            lines: baseline_lines,
            printed_member_totals: BTreeMap::new(),
            printed_grand_total: None,
            source: Source::Assumption { note: note.clone() },
        },
        staffing_printed: StaffingPrinted::default(),
        uncertainties: Vec::new(),
        correlation_groups: Vec::new(),
        decision: crate::model::decision::Decision::default(),
        currency: crate::model::Currency::Nok,
        language: None,
        workstations: crate::model::fleet::Workstations::default(),
        keys: old
            .keys
            .into_iter()
            .map(|k| Key {
                id: KeyId(k.id),
                name: k.name,
                rule: KeyRule::Fixed(k.weights.into_iter().map(|(m, w)| (MemberId(m), w)).collect()),
                source: Source::Assumption { note: note.clone() },
            })
            .collect(),
        scenarios: old
            .scenarios
            .into_iter()
            .map(|s| Scenario {
                vat_not_compensated_percent: 0.0,
                id: ScenarioId(s.id),
                name: s.name,
                kind: match s.kind {
                    KindV1::Today => ScenarioKind::Today,
                    KindV1::JointInHouse => ScenarioKind::JointInHouse,
                    KindV1::Hosting => ScenarioKind::Hosting,
                    KindV1::Custom => ScenarioKind::Custom,
                },
                participants: s.participants.map(|p| p.into_iter().map(MemberId).collect()),
                key: s.key.map(KeyId),
                lines: s
                    .lines
                    .into_iter()
                    .map(|l| CostLine {
                        investment: None,
                        id: crate::model::LineId::default(),
                        label: l.label,
                        category: CategoryId(l.category),
                        amount_nok: l.amount_nok_per_year,
                        amount_from: crate::model::AmountFrom::Fixed,
                        quantity: 1.0,
                        driver: Driver::Lump,
                        payer: Payer::Shared,
                        timing: Timing::default(),
                        growth: Growth::None,
                        source: Source::Assumption { note: note.clone() },
                    })
                    .collect(),
                service_level: None,
                note: String::new(),
                fleet: None,
                colour: None,
                terms: None,
                exit_questions: Vec::new(),
                organisation: None,
            })
            .collect(),
        assumptions: Assumptions {
            amounts_include_vat: false,
            first_year: old.first_year,
            horizon_years: old.horizon_years,
            real_wage_growth_percent: 0.0,
            real_price_growth_percent: 0.0,
            discount: DiscountRate {
                name: "4 %".to_owned(),
                steps: vec![RateStep {
                    from_year_index: 0,
                    percent: 4.0,
                }],
                source: Source::Assumption {
                    note:
                        "Format 1 had no discount rate; 4 % real as in Norway's R-109 for the first 40 years."
                            .to_owned(),
                },
            },
            display_year: old.first_year,
        },
    }
}
