//! Validation on small broken studies.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]

use super::*;
use crate::model::KeyId;
use crate::model::examples::small_study;

fn problems(study: &Study) -> Vec<Problem> {
    validate(study).issues.into_iter().map(|i| i.problem).collect()
}

#[test]
fn the_small_study_is_clean() {
    assert_eq!(problems(&small_study()), vec![]);
}

#[test]
fn unknown_ids_are_errors() {
    let mut study = small_study();
    study.scenarios[1].participants = Some(vec![MemberId::new("A"), MemberId::new("X")]);
    study.scenarios[1].key = Some(KeyId::new("nope"));
    study.scenarios[1].lines[0].category = CategoryId::new("gone");
    let p = problems(&study);
    assert!(p.contains(&Problem::UnknownMember {
        id: MemberId::new("X")
    }));
    assert!(p.contains(&Problem::UnknownKey {
        id: KeyId::new("nope")
    }));
    assert!(p.contains(&Problem::UnknownCategory {
        id: CategoryId::new("gone")
    }));
}

#[test]
fn key_weighing_nothing_over_the_participants_is_an_error() {
    let mut study = small_study();
    study.keys[0].rule = KeyRule::Fixed([(MemberId::new("C"), 1.0)].into());
    study.scenarios[1].participants = Some(vec![MemberId::new("A"), MemberId::new("B")]);
    let p = problems(&study);
    assert!(p.contains(&Problem::KeyAllZero { key: "Likt".into() }), "{p:?}");
}

#[test]
fn member_without_weight_in_a_fixed_key_is_a_warning() {
    let mut study = small_study();
    study.keys[0].rule = KeyRule::Fixed([(MemberId::new("A"), 1.0), (MemberId::new("B"), 1.0)].into());
    let report = validate(&study);
    assert!(!report.has_errors());
    assert_eq!(
        report.issues[0].problem,
        Problem::KeyMemberWithoutWeight {
            key: "Likt".into(),
            member: "Kommune C".into()
        }
    );
}

#[test]
fn printed_totals_are_checked() {
    let mut study = small_study();
    study.baseline.lines[0].printed_total = Some(600_000.0);
    study.baseline.lines[1].printed_total = Some(50_000.0);
    study
        .baseline
        .printed_member_totals
        .insert(MemberId::new("A"), 110_000.0);
    study
        .baseline
        .printed_member_totals
        .insert(MemberId::new("B"), 1.0);
    study.baseline.printed_grand_total = Some(660_000.0);
    let report = validate(&study);
    assert!(!report.has_errors());
    let p: Vec<_> = report.issues.iter().map(|i| &i.problem).collect();
    assert_eq!(
        p,
        vec![
            &Problem::PrintedTotalDiffers {
                what: None,
                printed: 50_000.0,
                computed: 60_000.0,
                percent: false
            },
            &Problem::PrintedTotalDiffers {
                what: Some("Kommune B".into()),
                printed: 1.0,
                computed: 220_000.0,
                percent: false
            },
        ]
    );
}

#[test]
fn duplicate_ids_are_errors() {
    let mut study = small_study();
    study.members[1].id = MemberId::new("A");
    study.scenarios[1].id = crate::model::ScenarioId::new("today");
    let p = problems(&study);
    assert!(p.contains(&Problem::DuplicateId {
        kind: "kind-member",
        id: "A".into()
    }));
    assert!(p.contains(&Problem::DuplicateId {
        kind: "kind-scenario",
        id: "today".into()
    }));
}

#[test]
fn scenario_problems() {
    let mut study = small_study();
    study.scenarios[1].participants = Some(vec![]);
    assert!(problems(&study).contains(&Problem::NoParticipants));

    let mut study = small_study();
    study.scenarios[1].key = None;
    assert!(problems(&study).contains(&Problem::SharedLinesWithoutKey));

    let mut study = small_study();
    study.scenarios[1].participants = Some(vec![MemberId::new("A")]);
    study.scenarios[1].lines[0].payer = Payer::Member(MemberId::new("B"));
    assert!(problems(&study).contains(&Problem::PayerNotParticipating {
        member: MemberId::new("B")
    }));

    let mut study = small_study();
    study.members[2].workstations = None;
    assert!(problems(&study).contains(&Problem::DriverMissingAttribute {
        member: "Kommune C".into(),
        attribute: Attribute::Workstations
    }));

    let mut study = small_study();
    study.scenarios[1].lines[0].timing = Timing::Once { year: 1990 };
    let report = validate(&study);
    assert!(!report.has_errors());
    assert_eq!(
        report.issues[0].problem,
        Problem::NeverDue {
            first: 2030,
            last: 2034
        }
    );

    let mut study = small_study();
    study.scenarios[1].lines[0].timing = Timing::EveryNYears { every: 0, from: 2030 };
    assert!(problems(&study).contains(&Problem::IntervalZero));
}

#[test]
fn years_of_timings_and_social_cost_rates_are_bounded() {
    // A year that would overflow the arithmetic of a refresh cycle.
    let mut study = small_study();
    study.scenarios[1].lines[0].timing = Timing::EveryNYears {
        every: 3,
        from: i32::MIN,
    };
    assert!(problems(&study).contains(&Problem::YearOutOfRange { year: i32::MIN }));
    assert!(validate(&study).has_errors());
    // A pension of a billion percent is an error, not trillions.
    let mut study = small_study();
    study.members[0].salary = Some(crate::model::Salary {
        nok_per_fte: 500_000.0,
        employer_tax_percent: 14.1,
        pension_percent: 1e9,
        source: crate::model::Source::default(),
        today_category: None,
    });
    assert!(problems(&study).contains(&Problem::PercentOutOfRange {
        field: "field-pension",
        value: 1e9,
    }));
}

#[test]
fn assumption_problems() {
    let mut study = small_study();
    study.assumptions.display_year = 2040;
    assert!(problems(&study).contains(&Problem::DisplayYearOutside {
        year: 2040,
        first: 2030,
        last: 2034
    }));
    study.assumptions.horizon_years = 0;
    assert!(problems(&study).contains(&Problem::HorizonZero));
    study.assumptions.horizon_years = 5000;
    assert!(problems(&study).contains(&Problem::HorizonTooLong { years: 5000 }));
    let mut study = small_study();
    study.assumptions.real_price_growth_percent = f64::NAN;
    study.assumptions.discount.steps.clear();
    let p = problems(&study);
    assert!(p.contains(&Problem::NotFinite {
        field: "field-price-growth"
    }));
    assert!(p.contains(&Problem::DiscountSteps));
}
