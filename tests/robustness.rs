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
    prop_oneof![
        Just(Driver::Lump),
        Just(Driver::Members),
        Just(Driver::Fte),
        Just(Driver::Attribute(Attribute::Population)),
        Just(Driver::Attribute(Attribute::Workstations)),
    ]
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
