//! The uncertainty analysis in words: its tables and findings (moved from
//! the core, which has no words).

use crate::engine::Metric;
use crate::model::InputRef;
use crate::report::tables::Cell;
use crate::uncertainty::*;

fn options(draws: usize) -> Options {
    Options {
        draws,
        seed: 7,
        metric: Metric::Annual(2030),
    }
}

#[test]
fn savings_and_payback_are_measured_against_today_as_in_the_comparison() {
    // One baseline: in the study with workstations, thin clients are set
    // against today's operation with its PCs, as every option is. With the
    // only range on remote operation's line, thin clients are certain: their
    // saving in every draw is the comparison's difference with the sign
    // turned (saving = today − cost), and their payback is the engine's.
    let mut study = crate::report::core_tests::with_workstations();
    study.uncertainties.retain(
        |u| matches!(&u.input, InputRef::LineAmount { scenario, .. } if scenario.as_str() == "remote"),
    );
    let e = crate::engine::evaluate(&study).unwrap();
    let metric = Metric::Annual(2007);
    let sim = simulate(
        &study,
        Options {
            draws: 500,
            seed: 3,
            metric,
        },
        &|_| true,
    )
    .unwrap();
    let summary = e.summary(metric);
    let thin = study
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == "thin")
        .unwrap();
    let rows = sim.rows(None);
    let want = -summary[thin].diff_total.unwrap();
    assert!(want > 0.0, "thin clients save against today: {want}");
    assert!(
        (rows[thin].saving.p10 - want).abs() < 1e-6 && (rows[thin].saving.p90 - want).abs() < 1e-6,
        "{:?} vs {want}",
        rows[thin].saving
    );
    // The cost all together is the comparison's total, to the krone.
    assert!((rows[thin].cost.p50 - summary[thin].total).abs() < 1e-6);
    // Payback: the engine's year for all participants, in every draw.
    let year = match e.payback(thin, None) {
        crate::engine::Payback::Year(y) => y,
        other => panic!("{other:?}"),
    };
    let index = usize::try_from(year - 2007).unwrap();
    let (shares, never) = sim.payback_shares(thin);
    assert!((shares[index] - 1.0).abs() < 1e-9 && never == 0.0, "{shares:?}");
    // Thin clients cost less than today's operation in every draw.
    let tr = crate::i18n::Tr::new(crate::i18n::Lang::En);
    let findings = crate::report::tables::uncertainty_findings(&study, &sim, &tr).join("\n");
    let thin_name = &study.scenarios[thin].name;
    assert!(
        findings.contains(&format!("“{thin_name}” costs less than “Dagens drift”")),
        "{findings}"
    );
}

#[test]
fn a_scenario_without_a_member_is_its_participants_in_every_view() {
    // "Joint in-house without Ibestad": all together is its three members,
    // 2 262 000 (slide 11), in the simulation as in the comparison; its
    // saving is against today's cost of the same three (627 000 + 550 000
    // + 647 500 = 1 824 500: 437 500 more). Only the line ranges are kept
    // and set certain, so every draw is the deterministic figure.
    let mut study = crate::report::core_tests::reference();
    study.uncertainties.clear();
    let opts = Options {
        metric: Metric::Annual(2007),
        ..options(1)
    };
    let sim = simulate(&study, opts, &|_| true).unwrap();
    let without = study
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == "joint_without_i")
        .unwrap();
    let rows = sim.rows(None);
    assert!((rows[without].cost.p50 - 2_262_000.0).abs() < 1e-6);
    assert!((rows[without].saving.p50 - (1_824_500.0 - 2_262_000.0)).abs() < 1e-6);
    // It competes for all together (Ibestad counted as today on every
    // side), never for Ibestad, whose rows the table leaves out.
    assert!(rows[without].competes);
    let ibestad = study.members.iter().position(|m| m.id.as_str() == "I").unwrap();
    assert!(!sim.rows(Some(ibestad))[without].competes);
    let tr = crate::i18n::Tr::new(crate::lang::Lang::En);
    let table = crate::report::tables::uncertainty(&study, &sim, &tr);
    let name = Cell::Text(study.scenarios[without].name.clone());
    let ibestad_name = Cell::Text(study.members[ibestad].name.clone());
    assert!(!table.rows.iter().any(|r| r[0] == name && r[1] == ibestad_name));
    assert!(table.rows.iter().all(|r| r[9] != Cell::Text("—".to_owned())));
}

#[test]
fn the_payback_table_leaves_out_today_only() {
    // Today's operation gets no payback row; every option does.
    let study = crate::report::core_tests::with_workstations();
    let sim = simulate(
        &study,
        Options {
            draws: 200,
            seed: 1,
            metric: Metric::Annual(2007),
        },
        &|_| true,
    )
    .unwrap();
    let tr = crate::i18n::Tr::new(crate::i18n::Lang::En);
    let table = crate::report::tables::payback_distribution(&study, &sim, &tr);
    let names: Vec<String> = table.rows.iter().map(|r| r[0].display(tr.numbers())).collect();
    assert_eq!(names.len(), study.scenarios.len() - 1, "{names:?}");
    assert!(!names.iter().any(|n| n == "Dagens drift"));
    // No draw pays back against today's own figures.
    let (shares, never) = sim.payback_shares(sim.today);
    assert!(shares.iter().all(|s| *s == 0.0) && never == 0.0);
}
