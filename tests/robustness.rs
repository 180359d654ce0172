//! Properties over arbitrary studies: saving and loading changes nothing,
//! validation never panics, and a study that validates never evaluates to
//! a non-finite figure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::Path;

use proptest::prelude::*;
use samdrift::engine::{Metric, evaluate};
use samdrift::io::{load_str, to_ron_string};
use samdrift::model::examples::small_study;
use samdrift::model::{
    Attribute, Driver, Growth, KeyPart, KeyRule, MemberId, Payer, RateStep, Study, Timing, validate,
};

/// Any f64, including NaN, infinities, negatives and huge values.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -1.0e6f64..1.0e7,
        1 => any::<f64>(),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(0.0),
    ]
}

fn driver() -> impl Strategy<Value = Driver> {
    // Every driver the model has, a new one included.
    proptest::sample::select(Driver::all())
}

fn timing() -> impl Strategy<Value = Timing> {
    prop_oneof![
        Just(Timing::default()),
        (2025i32..2040).prop_map(|year| Timing::Once { year }),
        (0u32..6, 2025i32..2040).prop_map(|(every, from)| Timing::EveryNYears { every, from }),
        (
            proptest::option::of(2025i32..2040),
            proptest::option::of(2025i32..2040)
        )
            .prop_map(|(from, to)| Timing::EveryYear { from, to }),
    ]
}

prop_compose! {
    fn arbitrary_study()(
        amounts in prop::collection::vec(number(), 2),
        quantity in number(),
        population in number(),
        growth in number(),
        discount in number(),
        weights in prop::collection::vec(number(), 3),
        participants in prop::collection::vec(any::<bool>(), 3),
        drivers in prop::collection::vec(driver(), 2),
        timings in prop::collection::vec(timing(), 2),
        payer in 0usize..4,
        mix in any::<bool>(),
        horizon in 0u32..30,
        today_cost in number(),
    ) -> Study {
        let mut study = small_study();
        study.members[1].population.as_mut().unwrap().value = population;
        study.baseline.lines[0].amounts_nok.insert(MemberId::new("A"), today_cost);
        study.assumptions.real_wage_growth_percent = growth;
        study.assumptions.horizon_years = horizon;
        study.assumptions.discount.steps = vec![RateStep { from_year_index: 0, percent: discount }];
        let fixed = KeyRule::Fixed(
            ["A", "B", "C"].iter().zip(&weights).map(|(m, w)| (MemberId::new(*m), *w)).collect(),
        );
        study.keys[0].rule = if mix {
            KeyRule::Mix(vec![
                KeyPart { weight: weights[0], rule: fixed },
                KeyPart { weight: 1.0, rule: KeyRule::Proportional(Attribute::Population) },
            ])
        } else {
            fixed
        };
        let joint = &mut study.scenarios[1];
        joint.participants = Some(
            ["A", "B", "C"].iter().zip(&participants).filter(|(_, p)| **p).map(|(m, _)| MemberId::new(*m)).collect(),
        );
        for (i, line) in joint.lines.iter_mut().enumerate() {
            line.amount_nok = amounts[i];
            line.quantity = quantity;
            line.driver = drivers[i];
            line.timing = timings[i].clone();
            line.growth = if i == 0 { Growth::Wages } else { Growth::Prices };
            line.payer = match payer {
                0 => Payer::Shared,
                1 => Payer::EachMember,
                2 => Payer::Member(MemberId::new("B")),
                _ => Payer::Member(MemberId::new("Z")),
            };
        }
        study
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn saving_and_loading_changes_nothing(study in arbitrary_study()) {
        let text = to_ron_string(&study).unwrap();
        let loaded = load_str(&text, Path::new("p.ron")).unwrap();
        // Compared as text, so NaN (which is not equal to itself) round-trips too.
        prop_assert_eq!(to_ron_string(&loaded).unwrap(), text);
    }

    #[test]
    fn a_study_that_validates_evaluates_to_finite_figures(study in arbitrary_study()) {
        let report = validate(&study);
        match evaluate(&study) {
            Err(_) => prop_assert!(report.has_errors()),
            Ok(e) => {
                prop_assert!(!report.has_errors());
                for s in 0..e.scenarios.len() {
                    for m in 0..e.members.len() {
                        for y in 0..e.years.len() {
                            prop_assert!(e.member_year(s, m, y).is_finite());
                        }
                        for metric in [Metric::HorizonSum, Metric::PresentValue, Metric::AnnualEquivalent] {
                            if let Some(v) = e.member_metric(s, m, metric) {
                                prop_assert!(v.is_finite(), "{metric:?}: {v}");
                            }
                        }
                    }
                }
            }
        }
    }
}

/// An input of the reference study a range may be put on.
fn input() -> impl Strategy<Value = samdrift::model::InputRef> {
    use samdrift::model::fleet::SeatParam;
    use samdrift::model::{CategoryId, InputRef, KeyId, LineId, ScenarioId};
    prop_oneof![
        Just(InputRef::LineAmount {
            scenario: ScenarioId::new("remote"),
            line: LineId::new("remote-total"),
        }),
        Just(InputRef::TodaysCost {
            member: MemberId::new("G"),
            category: CategoryId::new("salaries"),
        }),
        Just(InputRef::Attribute {
            member: MemberId::new("S"),
            attribute: Attribute::Workstations,
        }),
        Just(InputRef::KeyWeight {
            key: KeyId::new("briefing"),
            member: MemberId::new("I"),
        }),
        Just(InputRef::Salary {
            member: MemberId::new("G")
        }),
        Just(InputRef::WageGrowth),
        Just(InputRef::DiscountStep { index: 0 }),
        Just(InputRef::ElectricityPrice),
        proptest::sample::select(SeatParam::ALL.to_vec()).prop_map(|param| InputRef::Seat {
            seat_type: "thin".to_owned(),
            param,
        }),
    ]
}

fn range() -> impl Strategy<Value = samdrift::model::uncertainty::Range> {
    use samdrift::model::uncertainty::{Range, WeightedValue};
    prop_oneof![
        (number(), number()).prop_map(|(low, high)| Range::Pert { low, high }),
        (number(), number(), any::<bool>()).prop_map(|(low, high, lognormal)| Range::Interval90 {
            low,
            high,
            lognormal
        }),
        prop::collection::vec((number(), number()), 1..4).prop_map(|v| Range::Discrete(
            v.into_iter()
                .map(|(value, weight)| WeightedValue { value, weight })
                .collect()
        )),
    ]
}

prop_compose! {
    /// The reference study with one more range, one seat number, one
    /// profile weight and one score set to anything.
    fn analysed_study()(
        input in input(),
        range in range(),
        relative in prop::option::weighted(0.75, (0usize..3, 0.0f64..1.5, 0.0f64..1.5)),
        seat in (proptest::sample::select(samdrift::model::fleet::SeatParam::ALL.to_vec()), number()),
        weight in number(),
        score in -6i32..7,
    ) -> Study {
        let mut study = load_str(samdrift::WORKSTATIONS_STUDY, Path::new("r.ron")).unwrap();
        // Mostly a range around the study's value, wide enough to reach
        // below 0 or past a limit; else any numbers at all.
        let range = match (relative, input.value_in(&study)) {
            (Some((kind, down, up)), Some(v)) => {
                use samdrift::model::uncertainty::{Range, WeightedValue};
                let (low, high) = (v - down * (v.abs() + 1.0), v + up * (v.abs() + 1.0));
                match kind {
                    0 => Range::Pert { low, high },
                    1 => Range::Interval90 { low, high, lognormal: false },
                    _ => Range::Discrete(vec![
                        WeightedValue { value: low, weight: 1.0 },
                        WeightedValue { value: high, weight: 2.0 },
                    ]),
                }
            }
            _ => range,
        };
        study.uncertainties.retain(|u| u.input != input);
        study.uncertainties.push(samdrift::model::uncertainty::Uncertainty {
            input,
            range,
            group: None,
            source: samdrift::model::Source::default(),
        });
        if let Some(q) = study.workstations.seat_types[1].param_mut(seat.0) {
            q.value = seat.1;
        }
        study.decision.profiles[0].weights.insert("quality".to_owned(), weight);
        study.decision.scores[0].score = score;
        study
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn analyses_of_a_study_that_validates_give_finite_figures(study in analysed_study()) {
        use samdrift::uncertainty::{Options, simulate, tornado};
        prop_assume!(!validate(&study).has_errors());
        let metric = Metric::Annual(study.assumptions.display_year);
        let sim = simulate(&study, Options { draws: 64, seed: 1, metric }, &|_| true).unwrap();
        for member in [None, Some(0)] {
            let rows = sim.rows(member);
            let total: f64 = rows.iter().map(|r| r.p_cheapest).sum();
            prop_assert!((total - 1.0).abs() < 1e-9, "P(cheapest) adds up to {total}");
            for r in rows {
                for v in [r.cost.mean, r.cost.p10, r.cost.p90, r.saving.p50, r.p_cheapest_se] {
                    prop_assert!(v.is_finite(), "{r:?}");
                }
            }
        }
        let (base, rows) = tornado(&study, 1, 4, None, metric).unwrap();
        prop_assert!(base.is_finite());
        for r in rows {
            prop_assert!(r.diff_at_low.is_finite() && r.diff_at_high.is_finite(), "{r:?}");
            prop_assert!(r.break_evens.iter().all(|v| v.is_finite()), "{r:?}");
        }
        let a = samdrift::criteria::analyse(&study, Metric::PresentValue, 200, 1).unwrap();
        for p in &a.profiles {
            prop_assert!(p.values.iter().chain(&p.weights).all(|v| v.is_finite()), "{p:?}");
        }
        prop_assert!(a.acceptability.iter().all(|v| v.is_finite()));
    }
}
