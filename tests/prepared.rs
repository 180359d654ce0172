//! The prepared engine gives the same figures as the plain line-by-line
//! engine on arbitrary valid studies; overrides and coalition masks mean
//! exactly what editing the study would mean; batches do not depend on the
//! number of threads.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    clippy::panic,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap,
    missing_docs
)]

use proptest::prelude::*;
use samdrift::engine::plain::evaluate_line_by_line;
use samdrift::engine::{Evaluation, Metric, PreparedStudy, Shape, evaluate};
use samdrift::model::examples::synthetic;
use samdrift::model::{
    AmountFrom, Attribute, Driver, Growth, InputRef, KeyPart, KeyRule, MemberId, Payer, Position, Quantity,
    Salary, Source, Study, Timing,
};

/// A small deterministic generator, so that one proptest seed describes a
/// whole study.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        // SplitMix64.
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }
}

/// A valid study with `members` members and up to `lines` lines per
/// scenario, every driver, payer, timing, growth, salary line and key kind
/// drawn from `seed`.
fn random_study(seed: u64, members: usize, lines: usize) -> Study {
    let mut g = Gen(seed);
    let mut study = synthetic(members, lines, 4, 3 + g.below(8) as u32);
    study.assumptions.real_wage_growth_percent = g.range(-3.0, 5.0);
    study.assumptions.real_price_growth_percent = g.range(-3.0, 5.0);
    study.assumptions.discount.steps[0].percent = g.range(0.0, 8.0);
    if g.below(2) == 0 {
        study.assumptions.discount.steps.push(samdrift::model::RateStep {
            from_year_index: 2,
            percent: g.range(0.0, 5.0),
        });
    }
    let categories: Vec<samdrift::model::CategoryId> =
        study.categories.iter().map(|c| c.id.clone()).collect();
    for member in &mut study.members {
        for attribute in Attribute::ALL {
            let value = g.range(1.0, 5000.0).round();
            let q = Some(Quantity {
                value,
                source: Source::default(),
            });
            match attribute {
                Attribute::Population => member.population = q,
                Attribute::Employees => member.employees = q,
                Attribute::Workstations => member.workstations = q,
                Attribute::Sites => member.sites = q,
            }
        }
        member.salary = Some(Salary {
            nok_per_fte: g.range(300_000.0, 800_000.0),
            employer_tax_percent: g.range(0.0, 14.1),
            pension_percent: g.range(0.0, 20.0),
            source: Source::default(),
            // Every third member's today's cost of a random category comes
            // from its staffing.
            today_category: (g.below(3) == 0).then(|| categories[g.below(categories.len())].clone()),
        });
        member.positions = vec![Position {
            role: "IT".into(),
            authorised_percent_of_fte: 100.0,
            filled_percent_of_fte: g.range(0.0, 100.0),
            tasks: vec![],
            note: String::new(),
        }];
    }
    for line in &mut study.baseline.lines {
        for amount in line.amounts_nok.values_mut() {
            *amount = g.range(0.0, 500_000.0);
        }
    }
    let ids: Vec<MemberId> = study.members.iter().map(|m| m.id.clone()).collect();
    study.keys = vec![
        study.keys[0].clone(),
        samdrift::model::Key {
            id: samdrift::model::KeyId::new("mix"),
            name: "Mix".into(),
            rule: KeyRule::Mix(vec![
                KeyPart {
                    weight: g.range(0.0, 50.0),
                    rule: KeyRule::Equal,
                },
                KeyPart {
                    weight: g.range(1.0, 50.0),
                    rule: KeyRule::Proportional(Attribute::Population),
                },
                KeyPart {
                    weight: g.range(0.0, 50.0),
                    rule: KeyRule::Mix(vec![
                        KeyPart {
                            weight: 1.0,
                            rule: KeyRule::TodaysCost,
                        },
                        KeyPart {
                            weight: 2.0,
                            rule: KeyRule::Fixed(
                                ids.iter()
                                    .map(|m| (m.clone(), 1.0 + (m.0.len() as f64)))
                                    .collect(),
                            ),
                        },
                    ]),
                },
            ]),
            source: Source::default(),
        },
    ];
    let first = study.assumptions.first_year;
    for s in 1..study.scenarios.len() {
        let participants: Vec<MemberId> = ids.iter().filter(|_| g.below(4) != 0).cloned().collect();
        let participants = if participants.is_empty() {
            vec![ids[0].clone()]
        } else {
            participants
        };
        let scenario = &mut study.scenarios[s];
        scenario.key = Some(samdrift::model::KeyId::new(if g.below(2) == 0 {
            "equal"
        } else {
            "mix"
        }));
        // Half the options are organised: an employer among the
        // participants prices shared salary lines, sometimes at its own
        // rates, with an overhead on what is shared.
        let organised = g.below(2) == 0;
        scenario.organisation = organised.then(|| samdrift::model::organisation::Organisation {
            form: samdrift::model::organisation::OrgForm::OFFERED[g.below(4)],
            employer: participants[g.below(participants.len())].clone(),
            employer_tax_percent: (g.below(2) == 0).then(|| g.range(0.0, 14.1)),
            pension_percent: (g.below(2) == 0).then(|| g.range(2.0, 20.0)),
            overhead_percent: g.range(0.0, 10.0),
            source: Source::default(),
        });
        let n = 1 + g.below(lines);
        scenario.lines.truncate(n);
        for line in &mut scenario.lines {
            line.amount_nok = g.range(-50_000.0, 1_000_000.0);
            line.quantity = g.range(0.0, 3.0);
            // Every driver the model has, a new one included.
            let drivers = Driver::all();
            line.driver = drivers[g.below(drivers.len())];
            line.payer = match g.below(3) {
                0 => Payer::Shared,
                1 => Payer::EachMember,
                _ => Payer::Member(participants[g.below(participants.len())].clone()),
            };
            line.amount_from = if (line.payer != Payer::Shared || organised) && g.below(4) == 0 {
                AmountFrom::SalaryWithSocialCosts
            } else {
                AmountFrom::Fixed
            };
            // Every kind of timing the model has, its years drawn.
            let kinds = Timing::kinds(first);
            line.timing = match &kinds[g.below(kinds.len())] {
                Timing::Once { .. } => Timing::Once {
                    year: first + g.below(4) as i32,
                },
                Timing::EveryNYears { .. } => Timing::EveryNYears {
                    every: 1 + g.below(4) as u32,
                    from: first + g.below(3) as i32 - 1,
                },
                Timing::EveryYear { .. } if g.below(2) == 0 => Timing::default(),
                Timing::EveryYear { .. } => Timing::EveryYear {
                    from: Some(first + g.below(3) as i32),
                    to: Some(first + 3 + g.below(5) as i32),
                },
            };
            line.growth = [Growth::Wages, Growth::Prices, Growth::None][g.below(3)];
        }
        scenario.participants = Some(participants);
    }
    // Half the studies price workstations: one or two seat types (one with
    // terminal servers and an access licence), fleets that mix them, run by
    // some scenarios, some of which also carry today's costs.
    if g.below(2) == 0 {
        add_fleets(&mut study, &mut g);
    }
    study
}

fn add_fleets(study: &mut Study, g: &mut Gen) {
    use samdrift::model::fleet::{
        Fleet, FleetCategories, FleetPart, SeatKind, SeatType, TerminalServers, Workstations,
    };
    let mut q = |low: f64, high: f64| Quantity {
        value: g.range(low, high),
        source: Source::default(),
    };
    let category = |i: usize| study.categories[i % study.categories.len()].id.clone();
    let seat = |id: &str, q: &mut dyn FnMut(f64, f64) -> Quantity, servers: bool| SeatType {
        id: id.to_owned(),
        name: id.to_owned(),
        kind: if servers {
            SeatKind::ThinClient
        } else {
            SeatKind::Pc
        },
        unit_price: q(1000.0, 9000.0),
        lifetime_years: q(2.0, 9.0),
        power_in_use_w: q(10.0, 150.0),
        power_idle_w: q(0.0, 5.0),
        hours_in_use: q(500.0, 3000.0),
        hours_idle: q(0.0, 5_500.0),
        support_hours: q(0.0, 15.0),
        licences_per_year: q(0.0, 1500.0),
        access_licence: servers.then(|| q(0.0, 1000.0)),
        servers: servers.then(|| TerminalServers {
            users_per_server: q(5.0, 150.0),
            price: q(10_000.0, 100_000.0),
            lifetime_years: q(2.0, 8.0),
            power_w: q(0.0, 500.0),
        }),
    };
    let pc = seat("pc", &mut q, false);
    let thin = seat("thin", &mut q, true);
    let (electricity_price, support_cost_per_hour) = (q(0.2, 3.0), q(100.0, 900.0));
    let share = g.range(0.0, 100.0);
    let workstations = Workstations {
        electricity_price,
        support_cost_per_hour,
        categories: FleetCategories {
            equipment: category(0),
            energy: category(1),
            support: category(2),
            licences: category(3),
        },
        seat_types: vec![pc, thin],
        fleets: vec![
            Fleet {
                id: "pcs".into(),
                name: "pcs".into(),
                parts: vec![FleetPart {
                    seat_type: "pc".into(),
                    share_percent: 100.0,
                    seats: std::collections::BTreeMap::new(),
                }],
            },
            Fleet {
                id: "mix".into(),
                name: "mix".into(),
                parts: vec![
                    FleetPart {
                        seat_type: "pc".into(),
                        share_percent: share,
                        seats: std::collections::BTreeMap::new(),
                    },
                    FleetPart {
                        seat_type: "thin".into(),
                        share_percent: 100.0 - share,
                        seats: std::collections::BTreeMap::new(),
                    },
                ],
            },
        ],
    };
    study.workstations = workstations;
    // Sometimes the PCs are counted per member instead of a share.
    if g.below(3) == 0 {
        let counts = study
            .members
            .iter()
            .map(|m| (m.id.clone(), g.range(0.0, 300.0).round()))
            .collect();
        study.workstations.fleets[0].parts[0].seats = counts;
    }
    for scenario in &mut study.scenarios {
        scenario.fleet = match g.below(3) {
            0 => None,
            1 => Some("pcs".into()),
            _ => Some("mix".into()),
        };
    }
}

/// `|a − b| ≤ 1e-9 × scale`, where the scale is the larger of the two and
/// of the largest figure of the study (so that a cell that is a small
/// difference of large parts is compared at the size of its parts).
fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(scale)
}

fn largest(e: &Evaluation) -> f64 {
    let mut max: f64 = 1.0;
    for s in 0..e.scenarios.len() {
        for m in 0..e.members.len() {
            for c in 0..e.categories.len() {
                for y in 0..e.years.len() {
                    max = max.max(e.cell(s, m, c, y).abs());
                }
            }
        }
    }
    max
}

fn assert_same(a: &Evaluation, b: &Evaluation) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.scenarios.len(), b.scenarios.len());
    let scale = largest(a);
    for s in 0..a.scenarios.len() {
        prop_assert_eq!(&a.scenarios[s].participates, &b.scenarios[s].participates);
        for m in 0..a.members.len() {
            let (ka, kb) = (a.scenarios[s].key_shares[m], b.scenarios[s].key_shares[m]);
            prop_assert!(close(ka, kb, 1.0), "share s{} m{}: {} vs {}", s, m, ka, kb);
            for c in 0..a.categories.len() {
                for y in 0..a.years.len() {
                    let (x, z) = (a.cell(s, m, c, y), b.cell(s, m, c, y));
                    prop_assert!(close(x, z, scale), "s{} m{} c{} y{}: {} vs {}", s, m, c, y, x, z);
                }
            }
        }
    }
    for (x, z) in a.discount_factors.iter().zip(&b.discount_factors) {
        prop_assert!(close(*x, *z, 1.0));
    }
    Ok(())
}

fn seeds() -> impl Strategy<Value = (u64, usize, usize)> {
    (any::<u64>(), 1usize..9, 1usize..25)
}

/// The per-member figures of every scenario for `shape`, through `run`.
fn run(prepared: &PreparedStudy, params: &[f64], coalition: Option<&[bool]>, shape: Shape) -> Vec<f64> {
    let scenarios: Vec<usize> = (0..prepared.scenario_count()).collect();
    let mut out = vec![0.0; scenarios.len() * prepared.len_per_scenario(shape)];
    let mut ws = prepared.workspace();
    prepared
        .run(params, coalition, &scenarios, shape, &mut ws, &mut out)
        .unwrap();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn prepared_equals_line_by_line((seed, members, lines) in seeds()) {
        let study = random_study(seed, members, lines);
        let plain = evaluate_line_by_line(&study).unwrap();
        let prepared = evaluate(&study).unwrap();
        assert_same(&plain, &prepared)?;
    }

    #[test]
    fn metric_shape_equals_the_evaluation_metric((seed, members, lines) in seeds(), metric in 0usize..4) {
        let study = random_study(seed, members, lines);
        let e = evaluate(&study).unwrap();
        let metric = [Metric::Annual(e.years[e.years.len() / 2]), Metric::HorizonSum, Metric::PresentValue, Metric::AnnualEquivalent][metric];
        let prepared = PreparedStudy::prepare(&study).unwrap();
        let out = run(&prepared, prepared.defaults(), None, Shape::MemberMetric(metric));
        let scale = largest(&e) * e.years.len() as f64;
        for s in 0..e.scenarios.len() {
            for m in 0..e.members.len() {
                let want = e.member_metric(s, m, metric).unwrap_or(0.0);
                let got = out[s * e.members.len() + m];
                prop_assert!(close(got, want, scale), "s{} m{}: {} vs {}", s, m, got, want);
            }
        }
    }

    #[test]
    fn an_override_with_the_own_value_changes_nothing((seed, members, lines) in seeds()) {
        let study = random_study(seed, members, lines);
        let prepared = PreparedStudy::prepare(&study).unwrap();
        let before = run(&prepared, prepared.defaults(), None, Shape::Cells);
        let overrides: Vec<(InputRef, f64)> = prepared
            .inputs()
            .iter()
            .map(|i| (i.clone(), i.value_in(&study).unwrap()))
            .collect();
        let params = prepared.params_with(&overrides).unwrap();
        let after = run(&prepared, &params, None, Shape::Cells);
        prop_assert_eq!(before, after);
    }

    #[test]
    fn an_override_equals_editing_the_study((seed, members, lines) in seeds(), pick in any::<prop::sample::Index>(), factor in 0.5f64..1.5) {
        let study = random_study(seed, members, lines);
        let prepared = PreparedStudy::prepare(&study).unwrap();
        let input = pick.get(&prepared.inputs()).clone();
        let value = input.value_in(&study).unwrap() * factor;
        let mut edited = study.clone();
        prop_assert!(input.set_in(&mut edited, value));
        // A key may weigh nothing after the edit: then both must refuse.
        let Ok(expected) = evaluate_line_by_line(&edited) else { return Ok(()) };
        let params = prepared.params_with(&[(input.clone(), value)]).unwrap();
        let got = run(&prepared, &params, None, Shape::Cells);
        let per = prepared.len_per_scenario(Shape::Cells);
        let scale = largest(&expected);
        let (n_c, n_y) = (expected.categories.len(), expected.years.len());
        for s in 0..expected.scenarios.len() {
            for m in 0..expected.members.len() {
                for c in 0..n_c {
                    for y in 0..n_y {
                        let want = expected.cell(s, m, c, y);
                        let have = got[s * per + (m * n_c + c) * n_y + y];
                        prop_assert!(close(have, want, scale), "{:?} s{} m{} c{} y{}: {} vs {}", input, s, m, c, y, have, want);
                    }
                }
            }
        }
    }

    #[test]
    fn explained_contributions_add_up_to_the_figure((seed, members, lines) in seeds()) {
        let study = random_study(seed, members, lines);
        let e = evaluate(&study).unwrap();
        let prepared = PreparedStudy::prepare(&study).unwrap();
        let scale = largest(&e) * 10.0;
        for s in 0..e.scenarios.len() {
            for m in 0..members {
                for y in 0..e.years.len() {
                    let parts = prepared.explain(s, m, y).unwrap();
                    let sum: f64 = parts.iter().map(|c| c.cost).sum();
                    let want = if e.scenarios[s].participates[m] { e.member_year(s, m, y) } else { 0.0 };
                    prop_assert!(close(sum, want, scale), "s{} m{} y{}: {} vs {}", s, m, y, sum, want);
                    for c in &parts {
                        let product = c.amount * c.quantity * c.share * c.growth;
                        prop_assert!(close(product, c.cost, c.cost.abs().max(1.0)));
                    }
                }
            }
        }
    }

    #[test]
    fn explained_metrics_add_up_for_a_member_and_for_all((seed, members, lines) in seeds()) {
        // Over the horizon (sum, present value, equivalent annual cost) and
        // for every participant together the rows still multiply out and
        // add up to the figure the summary shows (the plain engine's).
        let study = random_study(seed, members, lines);
        let e = evaluate(&study).unwrap();
        let prepared = PreparedStudy::prepare(&study).unwrap();
        let scale = largest(&e) * 10.0 * e.years.len() as f64;
        for metric in [Metric::HorizonSum, Metric::PresentValue, Metric::AnnualEquivalent, Metric::Annual(e.years[0])] {
            let weights = e.year_weights(metric);
            let summary = e.summary(metric);
            for (s, row) in summary.iter().enumerate() {
                let targets = (0..members).map(Some).chain([None]);
                for member in targets {
                    let want = match member {
                        Some(m) => match row.per_member[m] { Some(v) => v, None => continue },
                        None => row.total,
                    };
                    let parts = prepared.explain_weighted(s, member, &weights).unwrap();
                    let sum: f64 = parts.iter().map(|c| c.cost).sum();
                    prop_assert!(close(sum, want, scale), "{:?} s{} {:?}: {} vs {}", metric, s, member, sum, want);
                    for c in &parts {
                        let product = c.amount * c.quantity * c.share * c.growth;
                        prop_assert!(close(product, c.cost, c.cost.abs().max(1.0)), "{:?}", c);
                    }
                    // One row per line or category: no origin twice.
                    let mut origins: Vec<_> = parts.iter().map(|c| format!("{:?}", c.origin)).collect();
                    origins.sort();
                    origins.dedup();
                    prop_assert_eq!(origins.len(), parts.len());
                }
            }
        }
    }

    #[test]
    fn figures_do_not_depend_on_the_order_of_the_members((seed, members, lines) in seeds()) {
        // The same study with its members listed backwards: every member's
        // figure in every scenario, year and metric is the same (found by
        // id), and so is every total.
        let study = random_study(seed, members, lines);
        let mut reversed = study.clone();
        reversed.members.reverse();
        let a = evaluate(&study).unwrap();
        let b = evaluate(&reversed).unwrap();
        let scale = largest(&a) * 10.0 * a.years.len() as f64;
        for metric in [Metric::Annual(a.years[0]), Metric::HorizonSum, Metric::PresentValue] {
            let (ra, rb) = (a.summary(metric), b.summary(metric));
            for s in 0..a.scenarios.len() {
                prop_assert!(close(ra[s].total, rb[s].total, scale), "s{} {:?}", s, metric);
                for (m, id) in a.members.iter().enumerate() {
                    let n = b.members.iter().position(|x| x == id).unwrap();
                    match (ra[s].per_member[m], rb[s].per_member[n]) {
                        (Some(x), Some(y)) => prop_assert!(close(x, y, scale), "s{} {}: {} vs {}", s, id, x, y),
                        (None, None) => {}
                        other => prop_assert!(false, "s{} {}: {:?}", s, id, other),
                    }
                }
            }
        }
    }

    #[test]
    fn a_mask_of_the_participants_changes_nothing((seed, members, lines) in seeds()) {
        let study = random_study(seed, members, lines);
        let prepared = PreparedStudy::prepare(&study).unwrap();
        let all = run(&prepared, prepared.defaults(), None, Shape::Cells);
        let per = prepared.len_per_scenario(Shape::Cells);
        for s in 0..prepared.scenario_count() {
            let mask: Vec<bool> = (0..members).map(|m| prepared.participates(s, m, None)).collect();
            let mut ws = prepared.workspace();
            let mut out = vec![0.0; per];
            prepared.run(prepared.defaults(), Some(&mask), &[s], Shape::Cells, &mut ws, &mut out).unwrap();
            prop_assert_eq!(&out[..], &all[s * per..][..per]);
        }
    }

    #[test]
    fn a_mask_without_a_member_equals_the_scenario_without_it((seed, members, lines) in seeds(), who in any::<prop::sample::Index>()) {
        let study = random_study(seed, members, lines);
        let prepared = PreparedStudy::prepare(&study).unwrap();
        let x = who.index(members);
        let mut mask = vec![true; members];
        mask[x] = false;
        let per = prepared.len_per_scenario(Shape::Cells);
        for s in 1..study.scenarios.len() {
            let (without, _) = study.scenario_without(&study.scenarios[s], &study.members[x].id, "uten".into());
            if without.participants.as_ref().is_some_and(Vec::is_empty) {
                continue;
            }
            let mut edited = study.clone();
            edited.scenarios[s] = without;
            let mut ws = prepared.workspace();
            let mut out = vec![0.0; per];
            let got = prepared.run(prepared.defaults(), Some(&mask), &[s], Shape::Cells, &mut ws, &mut out);
            match evaluate_line_by_line(&edited) {
                // The key weighs nothing without X: both refuse.
                Err(_) => prop_assert!(got.is_err()),
                Ok(expected) => {
                    prop_assert!(got.is_ok());
                    let scale = largest(&expected);
                    let (n_c, n_y) = (expected.categories.len(), expected.years.len());
                    for m in 0..members {
                        for c in 0..n_c {
                            for y in 0..n_y {
                                let want = expected.cell(s, m, c, y);
                                let have = out[(m * n_c + c) * n_y + y];
                                prop_assert!(close(have, want, scale), "s{} without m{}: m{} c{} y{}: {} vs {}", s, x, m, c, y, have, want);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Every line amount of the reference study times a factor drawn from the
/// item's index, evaluated on 1 and on 2 threads: the bits are the same.
#[test]
fn batches_do_not_depend_on_the_thread_count() {
    let study = random_study(7, 6, 20);
    let prepared = PreparedStudy::prepare(&study).unwrap();
    let lines: Vec<usize> = prepared
        .inputs()
        .iter()
        .filter(|i| matches!(i, InputRef::LineAmount { .. }))
        .map(|i| prepared.param(i).unwrap())
        .collect();
    let scenarios: Vec<usize> = (0..prepared.scenario_count()).collect();
    let shape = Shape::MemberMetric(Metric::PresentValue);
    let n = 5_000;
    let batch = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let mut out = vec![0.0; n * scenarios.len() * prepared.len_per_scenario(shape)];
        let report = pool.install(|| {
            prepared.run_batch(
                n,
                &scenarios,
                shape,
                |i, params, coalition| {
                    let mut g = Gen(i as u64);
                    for &slot in &lines {
                        params[slot] *= g.range(0.8, 1.2);
                    }
                    // Every third item leaves one member out.
                    if i % 3 == 0 {
                        coalition[i % coalition.len()] = false;
                    }
                },
                &mut out,
            )
        });
        (out, report)
    };
    let (one, r1) = batch(1);
    let (two, r2) = batch(2);
    assert_eq!(r1, r2);
    assert!(one.iter().zip(&two).all(|(a, b)| a.to_bits() == b.to_bits()));
    // And the batch is not trivially constant: draws differ.
    assert_ne!(one[0], one[scenarios.len() * prepared.len_per_scenario(shape)]);
}

/// A member's weight in a key of fixed weights is an input like any other:
/// overriding it gives what editing the key gives (the 2006 key, every
/// member, half and double its weight).
#[test]
fn key_weights_can_be_overridden_like_editing_the_key() {
    let study = samdrift::io::load_str(samdrift::REFERENCE_STUDY, std::path::Path::new("r.ron")).unwrap();
    let prepared = PreparedStudy::prepare(&study).unwrap();
    let weights: Vec<InputRef> = prepared
        .inputs()
        .into_iter()
        .filter(|i| matches!(i, InputRef::KeyWeight { .. }))
        .collect();
    // Two keys of fixed weights (with and without Ibestad), four members each.
    assert_eq!(weights.len(), 8);
    for input in &weights {
        for factor in [0.5, 2.0] {
            let value = input.value_in(&study).unwrap() * factor;
            let mut edited = study.clone();
            assert!(input.set_in(&mut edited, value));
            let Ok(expected) = evaluate_line_by_line(&edited) else {
                continue;
            };
            let params = prepared.params_with(&[(input.clone(), value)]).unwrap();
            let got = run(&prepared, &params, None, Shape::Cells);
            let per = prepared.len_per_scenario(Shape::Cells);
            let (n_c, n_y) = (expected.categories.len(), expected.years.len());
            for s in 0..expected.scenarios.len() {
                for m in 0..expected.members.len() {
                    for c in 0..n_c {
                        for y in 0..n_y {
                            let want = expected.cell(s, m, c, y);
                            let have = got[s * per + (m * n_c + c) * n_y + y];
                            assert!(
                                close(have, want, 1e7),
                                "{input:?} ×{factor} s{s} m{m}: {have} vs {want}"
                            );
                        }
                    }
                }
            }
        }
    }
}
