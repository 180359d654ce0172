//! The 2006 reference case: the shipped study file, evaluated by the real
//! engine, must reproduce every cell of slide 11 within ±1 000 NOK and
//! today's operation equal to slide 7's column sums.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    clippy::panic,
    missing_docs
)]

use samdrift::report::messages::IssueLine;
use std::path::Path;

use samdrift::engine::{Evaluation, Metric, evaluate};
use samdrift::i18n::{Lang, Tr};
use samdrift::io::{load_path, load_str, to_ron_string};
use samdrift::model::{Problem, ScenarioKind, Source, Study, validate};

const FILE: &str = "scenarios/nordre-troms-2006.ron";

fn reference() -> Study {
    load_path(Path::new(FILE)).expect("the reference study loads")
}

fn row(e: &Evaluation, id: &str, year: i32) -> (Vec<Option<f64>>, f64) {
    let s = e
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == id)
        .expect("scenario exists");
    let summary = &e.summary(Metric::Annual(year))[s];
    (summary.per_member.clone(), summary.total)
}

/// Slide 11, thousand NOK: G, L, S, I (None = not part of it), sum.
const SLIDE_11: [(&str, [Option<f64>; 4], f64); 4] = [
    (
        "joint",
        [Some(504.0), Some(452.0), Some(718.0), Some(588.0)],
        2262.0,
    ),
    (
        "joint_without_i",
        [Some(681.0), Some(609.0), Some(972.0), None],
        2262.0,
    ),
    (
        "remote",
        [Some(476.0), Some(426.0), Some(678.0), Some(555.0)],
        2136.0,
    ),
    (
        "today",
        [Some(627.0), Some(550.0), Some(648.0), Some(590.0)],
        2415.0,
    ),
];

#[test]
fn every_cell_of_slide_11_within_one_thousand() {
    let study = reference();
    let e = evaluate(&study).expect("the reference study evaluates");
    assert_eq!(
        e.members.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["G", "L", "S", "I"]
    );
    for year in e.years.clone() {
        for (id, cells, sum) in SLIDE_11 {
            let (per_member, total) = row(&e, id, year);
            for (m, (got, want)) in per_member.iter().zip(cells).enumerate() {
                match (got, want) {
                    (Some(got), Some(want)) => {
                        assert!(
                            (got - want * 1000.0).abs() <= 1000.0,
                            "{id} {year} member {m}: {got} vs {want}k"
                        );
                    }
                    (None, None) => {}
                    _ => panic!("{id} member {m}: participation differs from slide 11"),
                }
            }
            // The slide-11 scenarios are constant lump sums: every year alike.
            if id != "today" {
                assert!(
                    (total - sum * 1000.0).abs() <= 1000.0,
                    "{id} {year}: total {total}"
                );
            }
        }
    }
    let (_, today_first_year) = row(&e, "today", 2007);
    assert!((today_first_year - 2_414_500.0).abs() < 1e-6);
}

#[test]
fn todays_operation_is_slide_7s_column_sums() {
    let study = reference();
    let e = evaluate(&study).unwrap();
    let (per_member, total) = row(&e, "today", study.assumptions.first_year);
    let expected = [627_000.0, 550_000.0, 647_500.0, 590_000.0];
    for (got, want) in per_member.iter().zip(expected) {
        assert!((got.unwrap() - want).abs() < 1e-6, "{got:?} vs {want}");
    }
    assert!((total - 2_414_500.0).abs() < 1e-6);
}

#[test]
fn validation_flags_exactly_the_wrong_printed_totals() {
    let study = reference();
    let report = validate(&study);
    assert!(!report.has_errors(), "{report:?}");
    let wrong: Vec<(f64, f64)> = report
        .issues
        .iter()
        .filter_map(|i| match i.problem {
            Problem::PrintedTotalDiffers {
                printed,
                computed,
                percent: false,
                ..
            } => Some((printed, computed)),
            _ => None,
        })
        .collect();
    assert_eq!(wrong, vec![(490_000.0, 630_000.0), (0.0, 100_000.0)]);
    // Slide 5's "Annet" row: printed 20, cells 40 (our reading of the transcript).
    assert!(report.issues.iter().any(|i| matches!(
        &i.problem,
        Problem::PrintedTotalDiffers { what: Some(w), printed, computed, percent: true }
            if w == "Annet" && *printed == 20.0 && *computed == 40.0
    )));
    let tr = Tr::new(Lang::Nb);
    let lines: Vec<String> = report.issues.iter().map(|i| i.line(&tr)).collect();
    assert!(
        lines[0].contains("Kommunikasjon") && lines[0].contains("490\u{a0}000"),
        "{lines:?}"
    );
}

#[test]
fn staffing_matches_slides_5_and_6() {
    let study = reference();
    let filled: Vec<f64> = study
        .members
        .iter()
        .map(samdrift::model::Member::filled_fte)
        .collect();
    assert_eq!(filled, vec![1.25, 0.70, 2.0, 0.0]);
    let authorised: Vec<f64> = study
        .members
        .iter()
        .map(|m| m.positions.iter().map(|p| p.authorised_percent_of_fte).sum())
        .collect();
    assert_eq!(authorised, vec![125.0, 120.0, 200.0, 0.0]);
}

#[test]
fn every_figure_not_from_the_briefing_is_marked_as_an_assumption() {
    let study = reference();
    for member in &study.members {
        for q in [&member.employees, &member.workstations, &member.sites]
            .into_iter()
            .flatten()
        {
            assert!(q.source.is_assumption(), "{}: {q:?}", member.name);
            let Source::Assumption { note } = &q.source else {
                unreachable!()
            };
            assert!(!note.is_empty(), "assumption without a note: {}", member.name);
        }
        assert!(matches!(
            member.population.as_ref().unwrap().source,
            Source::Cited { .. }
        ));
    }
    let thin = study
        .scenarios
        .iter()
        .find(|s| s.kind == ScenarioKind::ThinClients)
        .expect("thin-client scenario");
    let assumed = thin.lines.iter().filter(|l| l.source.is_assumption()).count();
    assert!(
        assumed >= 3,
        "the thin-client lines beyond slide 11 are assumptions"
    );
    for line in &thin.lines {
        match &line.source {
            Source::Cited { text, .. } => assert!(text.contains("11"), "{}", line.label),
            Source::Assumption { note } => assert!(!note.is_empty(), "{}", line.label),
        }
    }
}

#[test]
fn embedded_study_is_the_shipped_file() {
    let embedded = load_str(samdrift::REFERENCE_STUDY, Path::new("embedded")).unwrap();
    assert_eq!(embedded, reference());
}

#[test]
fn both_example_studies_round_trip_through_ron() {
    for file in [FILE, "scenarios/eksempel-tre-kommuner.ron"] {
        let study = load_path(Path::new(file)).unwrap();
        let text = to_ron_string(&study).unwrap();
        let again = load_str(&text, Path::new(file)).unwrap();
        assert_eq!(again, study, "{file}");
        assert_eq!(
            to_ron_string(&again).unwrap(),
            text,
            "{file}: saving twice gives the same text"
        );
        evaluate(&again).unwrap();
    }
}

#[test]
fn without_member_keeps_a_lump_sum_total() {
    let study = reference();
    let joint = study.scenarios.iter().find(|s| s.id.as_str() == "joint").unwrap();
    let ibestad = samdrift::model::MemberId::new("I");
    let (copy, dropped) = study.scenario_without(joint, &ibestad, "Uten Ibestad".into());
    assert!(dropped.is_empty());
    assert_eq!(copy.id.as_str(), "joint-without-I");
    let mut changed = study.clone();
    changed.scenarios.push(copy);
    let e = evaluate(&changed).unwrap();
    let (per_member, total) = row(&e, "joint-without-I", 2007);
    assert_eq!(per_member[3], None);
    assert!((total - 2_262_000.0).abs() < 1e-6);
    // The four-member key renormalised: G 22.28 / 74.
    assert!((per_member[0].unwrap() - 2_262_000.0 * 22.28 / 74.0).abs() < 1e-6);
}

#[test]
fn remote_operation_guarantees_99_5_percent_uptime() {
    let study = reference();
    let remote = study
        .scenarios
        .iter()
        .find(|s| s.id.as_str() == "remote")
        .unwrap();
    let level = remote.service_level.as_ref().unwrap();
    assert!((level.downtime_hours_per_year() - 43.8).abs() < 1e-9);
    assert_eq!(level.expected_downtime_cost_nok_per_year(), None);
    let text = samdrift::report::tables::service_level_text(&Tr::new(Lang::Nb), level);
    assert_eq!(text, "oppetid 99,5\u{a0}% = 43,8 timer nedetid per år");
}

#[test]
fn transition_cost_for_remote_operation_present_value_and_payback() {
    use samdrift::engine::Payback;
    use samdrift::model::{CostLine, Timing};
    // The reference study, 7 years at R-109 (4 %), plus a one-off
    // transition cost of 2 000 000 kr in 2007 for remote operation, shared
    // by the briefing's key.
    let mut study = reference();
    assert_eq!(study.assumptions.horizon_years, 7);
    assert_eq!(study.assumptions.discount.steps[0].percent, 4.0);
    let remote = study
        .scenarios
        .iter_mut()
        .find(|s| s.id.as_str() == "remote")
        .unwrap();
    let mut transition: CostLine = remote.lines[0].clone();
    transition.label = "Overgang".into();
    transition.amount_nok = 2_000_000.0;
    transition.timing = Timing::Once { year: 2007 };
    remote.lines.push(transition);
    let e = evaluate(&study).unwrap();
    let r = e
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == "remote")
        .unwrap();
    let annuity: f64 = (0..7).map(|t| 1.04f64.powi(-t)).sum();
    let shares = [0.2228, 0.1998, 0.3174, 0.26];
    let today = [627_000.0, 550_000.0, 647_500.0, 590_000.0];
    for m in 0..4 {
        // PV = 2 136 000 × share × Σ 1/1,04^t + 2 000 000 × share.
        let expected = 2_136_000.0 * shares[m] * annuity + 2_000_000.0 * shares[m];
        let pv = e.member_metric(r, m, Metric::PresentValue).unwrap();
        assert!((pv - expected).abs() < 0.01, "member {m}: {pv} vs {expected}");
        // Payback: first year k with (k+1)·(today − yearly) − one-off ≥ 0.
        let yearly_saving = today[m] - 2_136_000.0 * shares[m];
        let one_off = 2_000_000.0 * shares[m];
        let expected_payback = (0..7)
            .find(|k| f64::from(*k + 1) * yearly_saving - one_off >= -0.5)
            .map_or(Payback::NotWithinHorizon, |k| Payback::Year(2007 + k));
        assert_eq!(e.payback(r, Some(m)), expected_payback, "member {m}");
    }
    assert_eq!(e.payback(r, Some(0)), Payback::Year(2009));
    assert_eq!(e.payback(r, Some(1)), Payback::Year(2010));
    assert_eq!(e.payback(r, Some(2)), Payback::NotWithinHorizon);
    assert_eq!(
        e.payback(r, None),
        Payback::NotWithinHorizon,
        "2 000 000 / 278 500 a year > 7 years"
    );
}

#[test]
fn a_salary_linked_to_todays_costs_moves_todays_operation() {
    use samdrift::engine::PreparedStudy;
    use samdrift::model::{CategoryId, InputRef, MemberId};
    let mut study = reference();
    let plain_before = row(&evaluate(&study).unwrap(), "today", 2007);
    // Gratangen: 627 000 a year today, of which 400 000 salaries (slide 7).
    assert_eq!(plain_before.0[0], Some(627_000.0));
    let salaries = CategoryId::new("salaries");
    study.members[0].salary.as_mut().unwrap().today_category = Some(salaries.clone());
    // Filled FTE 100 % + 5 % + 20 % = 1,25; 330 000 × 1,12 (pension) ×
    // 1,051 (employer tax, zone IV) = 388 449,60 per FTE; × 1,25 =
    // 485 562. Today: 627 000 − 400 000 + 485 562 = 712 562.
    let e = evaluate(&study).unwrap();
    let (today, total) = row(&e, "today", 2007);
    assert!((today[0].unwrap() - 712_562.0).abs() < 0.01, "{today:?}");
    assert!((total - (2_414_500.0 + 85_562.0)).abs() < 0.01);
    // The others keep their typed amounts.
    assert_eq!(today[1], plain_before.0[1]);
    // A salary of 340 000 moves it: 340 000 × 1,12 × 1,051 × 1,25 = 500 276.
    study.members[0].salary.as_mut().unwrap().nok_per_fte = 340_000.0;
    let e = evaluate(&study).unwrap();
    assert!((row(&e, "today", 2007).0[0].unwrap() - 727_276.0).abs() < 0.01);

    // The prepared engine agrees, and an override of the salary (what a
    // draw does) equals editing it: back to 330 000 by override.
    let prepared = PreparedStudy::prepare(&study).unwrap();
    assert_eq!(prepared.evaluation().unwrap(), e);
    let slot = prepared
        .param(&InputRef::Salary {
            member: MemberId::new("G"),
        })
        .unwrap();
    let mut params = prepared.defaults().to_vec();
    params[slot] = 330_000.0;
    let t = study
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == "today")
        .unwrap();
    let parts = prepared.explain(t, 0, 0).unwrap();
    let linked: f64 = parts
        .iter()
        .filter(|c| matches!(c.origin, samdrift::engine::Origin::Baseline(0)))
        .map(|c| c.cost)
        .sum();
    assert!(
        (linked - 500_276.0).abs() < 0.01,
        "explained from the staffing: {linked}"
    );
    let mut out = vec![0.0; prepared.len_per_scenario(samdrift::engine::Shape::Cells)];
    let mut ws = prepared.workspace();
    prepared
        .run(
            &params,
            None,
            &[t],
            samdrift::engine::Shape::Cells,
            &mut ws,
            &mut out,
        )
        .unwrap();
    let salaries_2007 = out[0];
    assert!((salaries_2007 - 485_562.0).abs() < 0.01, "{salaries_2007}");

    // Where the inputs go: the salary now feeds today's operation; the
    // typed cell feeds nothing, and a range on it is warned about.
    let usage = samdrift::model::usage(
        &study,
        &InputRef::Salary {
            member: MemberId::new("G"),
        },
    );
    assert!(usage.today);
    let cell = InputRef::TodaysCost {
        member: MemberId::new("G"),
        category: salaries.clone(),
    };
    assert!(samdrift::model::usage(&study, &cell).is_unused());
    study
        .uncertainties
        .push(samdrift::model::uncertainty::Uncertainty {
            input: cell,
            range: samdrift::model::uncertainty::Range::Pert {
                low: 300_000.0,
                high: 500_000.0,
            },
            group: None,
            source: Source::default(),
        });
    assert!(
        validate(&study)
            .issues
            .iter()
            .any(|i| i.problem == Problem::RangeOnDerivedCost)
    );

    // Saved and read back it keeps the link; a study without one writes
    // no such field (old files keep their meaning).
    let text = to_ron_string(&study).unwrap();
    assert!(text.contains("today_category"));
    let back = load_str(&text, Path::new("x.ron")).unwrap();
    assert_eq!(
        back.members[0].salary.as_ref().unwrap().today_category,
        Some(salaries)
    );
    assert!(!to_ron_string(&reference()).unwrap().contains("today_category"));
}

#[test]
fn the_todays_cost_key_and_the_per_member_driver_give_the_hand_figures() {
    use samdrift::model::{Driver, Key, KeyId, KeyRule, Payer};
    let mut study = reference();
    study.keys.push(Key {
        id: KeyId::new("today"),
        name: "Dagens kostnad".into(),
        rule: KeyRule::TodaysCost,
        source: Source::default(),
    });
    let today_key = KeyId::new("today");
    let index = |study: &Study, id: &str| study.scenarios.iter().position(|s| s.id.as_str() == id).unwrap();
    let joint = index(&study, "joint");
    let without_i = index(&study, "joint_without_i");
    study.scenarios[joint].key = Some(today_key.clone());
    study.scenarios[without_i].key = Some(today_key);
    // A per-member line: 10 000 kr per participating member, each paying its
    // own in joint in-house, shared by the key in the one without Ibestad.
    let mut per_member = study.scenarios[joint].lines[0].clone();
    per_member.id = samdrift::model::LineId::new("per-member");
    per_member.label = "Per kommune".into();
    per_member.amount_nok = 10_000.0;
    per_member.driver = Driver::Members;
    per_member.payer = Payer::EachMember;
    study.scenarios[joint].lines.push(per_member.clone());
    per_member.payer = Payer::Shared;
    study.scenarios[without_i].lines.push(per_member);

    // Today's costs (slide 7): G 627 000, L 550 000, S 647 500, I 590 000,
    // together 2 414 500. Joint in-house 2007 (the first year, no growth):
    // 2 262 000 × 627 000 / 2 414 500 = 587 398,63 for Gratangen,
    // × 550 000 / … = 515 261,96, × 647 500 / … = 606 603,85,
    // × 590 000 / … = 552 735,56; each plus its own 10 000.
    let expected_joint = [597_398.63, 525_261.96, 616_603.85, 562_735.56];
    // Without Ibestad: (2 262 000 + 3 × 10 000) = 2 292 000 shared by G, L, S
    // today (1 824 500): G 2 292 000 × 627 000 / 1 824 500 = 787 659,08,
    // L × 550 000 / … = 690 929,02, S × 647 500 / … = 813 411,89.
    let expected_without = [Some(787_659.08), Some(690_929.02), Some(813_411.89), None];
    for evaluation in [
        evaluate(&study).unwrap(),
        samdrift::engine::plain::evaluate_line_by_line(&study).unwrap(),
    ] {
        let (members, total) = row(&evaluation, "joint", 2007);
        for (m, expected) in expected_joint.iter().enumerate() {
            assert!((members[m].unwrap() - expected).abs() < 0.01, "{members:?}");
        }
        assert!((total - 2_302_000.0).abs() < 0.01, "{total}");
        let (members, total) = row(&evaluation, "joint_without_i", 2007);
        for (m, expected) in expected_without.iter().enumerate() {
            match expected {
                Some(v) => assert!((members[m].unwrap() - v).abs() < 0.01, "{members:?}"),
                None => assert_eq!(members[m], None),
            }
        }
        assert!((total - 2_292_000.0).abs() < 0.01, "{total}");
    }
}

#[test]
fn the_shipped_studies_speak_norwegian_in_their_notes() {
    // Every text a user reads in the shipped (Norwegian) studies — notes,
    // sources, justifications — is in Norwegian; "Not in the briefing.
    // About 12 municipal employees …" was English.
    let english = [
        " the ",
        " and ",
        " of ",
        " is ",
        " per year",
        "Not in",
        "Slide ",
        "Invented",
    ];
    for file in [
        "scenarios/nordre-troms-2006.ron",
        "scenarios/eksempel-tre-kommuner.ron",
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        // Quoted strings only: comments in the file are for developers.
        let strings: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .flat_map(|l| l.split('"').skip(1).step_by(2))
            .collect();
        assert!(strings.len() > 50, "{file}");
        for s in strings {
            let padded = format!(" {s} ");
            for word in english {
                assert!(!padded.contains(word), "{file}: English in “{s}”");
            }
        }
    }
}
