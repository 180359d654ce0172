//! Studies built in code: a small one for tests and a synthetic large one
//! for the benchmark and property tests. The shipped example studies live in
//! `scenarios/` as files.

use std::collections::BTreeMap;

use super::{
    Assumptions, Attribute, Baseline, BaselineLine, Category, CategoryId, CostLine, DiscountRate, Driver,
    FORMAT_VERSION, Growth, Key, KeyId, KeyPart, KeyRule, Member, MemberId, Payer, Quantity, RateStep,
    Scenario, ScenarioId, ScenarioKind, Source, StaffingPrinted, Study, Timing,
};

fn quantity(value: f64) -> Quantity {
    Quantity {
        value,
        source: Source::default(),
    }
}

fn member(id: &str, population: f64) -> Member {
    Member {
        id: MemberId::new(id),
        name: format!("Kommune {id}"),
        number: None,
        population: Some(quantity(population)),
        employees: Some(quantity((population * 0.08).round())),
        workstations: Some(quantity((population * 0.06).round())),
        sites: Some(quantity((population / 500.0).ceil())),
        salary: None,
        positions: Vec::new(),
    }
}

fn assumptions(first_year: i32, horizon_years: u32) -> Assumptions {
    Assumptions {
        amounts_include_vat: false,
        first_year,
        horizon_years,
        real_wage_growth_percent: 0.0,
        real_price_growth_percent: 0.0,
        discount: DiscountRate {
            name: "4 %".to_owned(),
            steps: vec![RateStep {
                from_year_index: 0,
                percent: 4.0,
            }],
            source: Source::default(),
        },
        display_year: first_year,
    }
}

/// Three members A, B, C (populations 1 000, 3 000, 6 000), two categories,
/// today's costs, an equal key, a today scenario and a joint scenario with
/// one shared lump sum of 300 000 and a per-workstation line of 1 000.
#[must_use]
pub fn small_study() -> Study {
    let members = vec![member("A", 1000.0), member("B", 3000.0), member("C", 6000.0)];
    let categories = vec![
        Category {
            id: CategoryId::new("staff"),
            name: "Lønn".to_owned(),
            kostra_art: vec!["010".to_owned()],
            growth: Growth::Wages,
        },
        Category {
            id: CategoryId::new("services"),
            name: "Tjenester".to_owned(),
            kostra_art: vec![],
            growth: Growth::Prices,
        },
    ];
    let amounts = |a: f64, b: f64, c: f64| -> BTreeMap<MemberId, f64> {
        [
            (MemberId::new("A"), a),
            (MemberId::new("B"), b),
            (MemberId::new("C"), c),
        ]
        .into()
    };
    let baseline = Baseline {
        lines: vec![
            BaselineLine {
                category: CategoryId::new("staff"),
                amounts_nok: amounts(100_000.0, 200_000.0, 300_000.0),
                printed_total: None,
                note: String::new(),
            },
            BaselineLine {
                category: CategoryId::new("services"),
                amounts_nok: amounts(10_000.0, 20_000.0, 30_000.0),
                printed_total: None,
                note: String::new(),
            },
        ],
        printed_member_totals: BTreeMap::new(),
        printed_grand_total: None,
        source: Source::default(),
    };
    let keys = vec![
        Key {
            id: KeyId::new("equal"),
            name: "Likt".to_owned(),
            rule: KeyRule::Equal,
            source: Source::default(),
        },
        Key {
            id: KeyId::new("mix"),
            name: "30/70".to_owned(),
            rule: KeyRule::Mix(vec![
                KeyPart {
                    weight: 30.0,
                    rule: KeyRule::Equal,
                },
                KeyPart {
                    weight: 70.0,
                    rule: KeyRule::Proportional(Attribute::Population),
                },
            ]),
            source: Source::default(),
        },
    ];
    let scenarios = vec![
        Scenario {
            vat_not_compensated_percent: 0.0,
            id: ScenarioId::new("today"),
            name: "I dag".to_owned(),
            kind: ScenarioKind::Today,
            participants: None,
            key: None,
            lines: vec![],
            service_level: None,
            note: String::new(),
            fleet: None,
            colour: None,
            terms: None,
            exit_questions: Vec::new(),
            organisation: None,
        },
        Scenario {
            vat_not_compensated_percent: 0.0,
            id: ScenarioId::new("joint"),
            name: "Felles".to_owned(),
            kind: ScenarioKind::JointInHouse,
            participants: None,
            key: Some(KeyId::new("equal")),
            lines: vec![
                CostLine {
                    investment: None,
                    id: crate::model::LineId::default(),
                    label: "Felles drift".to_owned(),
                    category: CategoryId::new("staff"),
                    amount_nok: 300_000.0,
                    amount_from: crate::model::AmountFrom::Fixed,
                    quantity: 1.0,
                    driver: Driver::Lump,
                    payer: Payer::Shared,
                    timing: Timing::default(),
                    growth: Growth::None,
                    source: Source::default(),
                },
                CostLine {
                    investment: None,
                    id: crate::model::LineId::default(),
                    label: "Lisens per arbeidsplass".to_owned(),
                    category: CategoryId::new("services"),
                    amount_nok: 1_000.0,
                    amount_from: crate::model::AmountFrom::Fixed,
                    quantity: 1.0,
                    driver: Driver::Attribute(Attribute::Workstations),
                    payer: Payer::EachMember,
                    timing: Timing::default(),
                    growth: Growth::None,
                    source: Source::default(),
                },
            ],
            service_level: None,
            note: String::new(),
            fleet: None,
            colour: None,
            terms: None,
            exit_questions: Vec::new(),
            organisation: None,
        },
    ];
    let mut study = Study {
        version: FORMAT_VERSION,
        title: "Small test study".to_owned(),
        description: String::new(),
        members,
        categories,
        baseline,
        staffing_printed: StaffingPrinted::default(),
        uncertainties: Vec::new(),
        correlation_groups: Vec::new(),
        decision: crate::model::decision::Decision::default(),
        currency: crate::model::Currency::Nok,
        language: None,
        workstations: crate::model::fleet::Workstations::default(),
        keys,
        scenarios,
        assumptions: assumptions(2030, 5),
    };
    study.assign_line_ids();
    study.assign_colours();
    study
}

/// A large generated study for the benchmark: `members` members,
/// `lines` cost lines in each of `scenarios` scenarios (the first is today's
/// operation), 10 categories and `years` years. Drivers, payers, timings and
/// growth vary across lines so every path of the engine is taken.
#[must_use]
pub fn synthetic(members: usize, lines: usize, scenarios: usize, years: u32) -> Study {
    let mut study = small_study();
    study.title = format!("Synthetic {members}×{lines}×{scenarios}×{years}");
    study.members = (0..members)
        .map(|i| {
            #[allow(clippy::cast_precision_loss)]
            let population = 800.0 + (i as f64 * 937.0) % 20_000.0;
            member(&format!("M{i:03}"), population)
        })
        .collect();
    study.categories = (0..10)
        .map(|c| Category {
            id: CategoryId::new(format!("c{c}")),
            name: format!("Kategori {c}"),
            kostra_art: vec![],
            growth: if c == 0 { Growth::Wages } else { Growth::Prices },
        })
        .collect();
    study.baseline.lines = study
        .categories
        .iter()
        .enumerate()
        .map(|(c, cat)| BaselineLine {
            category: cat.id.clone(),
            amounts_nok: study
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    #[allow(clippy::cast_precision_loss)]
                    let amount = 10_000.0 * ((i + c) % 7 + 1) as f64;
                    (m.id.clone(), amount)
                })
                .collect(),
            printed_total: None,
            note: String::new(),
        })
        .collect();
    study.assumptions = assumptions(2030, years);
    study.assumptions.real_wage_growth_percent = 1.5;
    study.assumptions.real_price_growth_percent = 0.5;
    let first = study.assumptions.first_year;
    let kinds = [
        ScenarioKind::JointInHouse,
        ScenarioKind::ThinClients,
        ScenarioKind::Hosting,
        ScenarioKind::Custom,
    ];
    let mut all = vec![Scenario {
        vat_not_compensated_percent: 0.0,
        id: ScenarioId::new("today"),
        name: "I dag".to_owned(),
        kind: ScenarioKind::Today,
        participants: None,
        key: None,
        lines: vec![],
        service_level: None,
        note: String::new(),
        fleet: None,
        colour: None,
        terms: None,
        exit_questions: Vec::new(),
        organisation: None,
    }];
    for s in 1..scenarios.max(1) {
        let lines = (0..lines)
            .map(|l| {
                let driver = match l % 5 {
                    0 => Driver::Lump,
                    1 => Driver::Members,
                    2 => Driver::Attribute(Attribute::Workstations),
                    3 => Driver::Attribute(Attribute::Employees),
                    _ => Driver::Attribute(Attribute::Population),
                };
                let payer = match l % 3 {
                    0 => Payer::Shared,
                    1 => Payer::EachMember,
                    _ => Payer::Member(MemberId::new(format!("M{:03}", l % members.max(1)))),
                };
                let offset = i32::try_from(l % 4).unwrap_or(0);
                let timing = match l % 4 {
                    0 => Timing::default(),
                    1 => Timing::Once { year: first + offset },
                    2 => Timing::EveryNYears {
                        every: 4,
                        from: first,
                    },
                    _ => Timing::EveryYear {
                        from: Some(first + 1),
                        to: None,
                    },
                };
                #[allow(clippy::cast_precision_loss)]
                let amount_nok = 100.0 + (l * 37 % 1000) as f64;
                CostLine {
                    investment: None,
                    id: crate::model::LineId::default(),
                    label: format!("Linje {l}"),
                    category: CategoryId::new(format!("c{}", l % 10)),
                    amount_nok,
                    amount_from: crate::model::AmountFrom::Fixed,
                    quantity: 1.0,
                    driver,
                    payer,
                    timing,
                    growth: [Growth::Wages, Growth::Prices, Growth::None][l % 3],
                    source: Source::default(),
                }
            })
            .collect();
        all.push(Scenario {
            vat_not_compensated_percent: 0.0,
            id: ScenarioId::new(format!("s{s}")),
            name: format!("Scenario {s}"),
            kind: kinds[(s - 1) % kinds.len()],
            participants: None,
            key: Some(KeyId::new(if s % 2 == 0 { "equal" } else { "mix" })),
            lines,
            service_level: None,
            note: String::new(),
            fleet: None,
            colour: None,
            terms: None,
            exit_questions: Vec::new(),
            organisation: None,
        });
    }
    study.scenarios = all;
    study.assign_line_ids();
    study.assign_colours();
    study
}

/// Parses one of the embedded reference studies as loading a file does
/// (its line ids and colours given), for the core's own tests: the study
/// file's reader is the io crate's, above this one.
#[cfg(test)]
fn embedded(text: &str) -> Study {
    #[allow(clippy::expect_used)]
    let mut study: Study = ron::from_str(text).expect("the embedded study parses");
    study.assign_line_ids();
    study.assign_colours();
    study
}

/// The 2006 reference study as the briefing had it (tests only).
#[cfg(test)]
#[must_use]
pub fn reference() -> Study {
    embedded(crate::REFERENCE_STUDY)
}

/// The 2006 reference study with workstations (tests only).
#[cfg(test)]
#[must_use]
pub fn with_workstations() -> Study {
    embedded(crate::WORKSTATIONS_STUDY)
}

/// [`small_study`] with three members who each pay 100 000 a year today (no
/// growth) and a fixed key of 40/35/25 on the joint scenario: the
/// hand-computed studies of the year-by-year split and the budget add
/// their lines to it.
#[cfg(test)]
#[must_use]
pub fn three_members_agreed_key() -> Study {
    let mut study = small_study();
    study.assumptions.real_wage_growth_percent = 0.0;
    study.assumptions.real_price_growth_percent = 0.0;
    for line in &mut study.baseline.lines {
        let staff = line.category.as_str() == "staff";
        for amount in line.amounts_nok.values_mut() {
            *amount = if staff { 100_000.0 } else { 0.0 };
        }
    }
    study.keys.push(Key {
        id: KeyId::new("agreed"),
        name: "40/35/25".to_owned(),
        rule: KeyRule::Fixed(
            [
                (MemberId::new("A"), 40.0),
                (MemberId::new("B"), 35.0),
                (MemberId::new("C"), 25.0),
            ]
            .into(),
        ),
        source: Source::default(),
    });
    study.scenarios[1].key = Some(KeyId::new("agreed"));
    study
}
