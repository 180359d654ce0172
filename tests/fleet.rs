//! Workstation fleets: a fleet becomes the hand-computed cost lines, the
//! same fleet on both sides cancels, slide 11 does not move, every option
//! of the study with workstations is measured against today's operation
//! with its PCs, and the break-even PC lifetime found by the solver makes
//! thin clients and PCs cost the same.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    clippy::panic,
    missing_docs
)]

use samdrift::report::messages::Message;
use std::path::Path;

use samdrift::engine::{Evaluation, Metric, evaluate, plain};
use samdrift::model::examples::small_study;
use samdrift::model::fleet::{
    Fleet, FleetCategories, FleetPart, SeatKind, SeatParam, SeatType, TerminalServers, Workstations,
};
use samdrift::model::{CategoryId, InputRef, Problem, Quantity, ScenarioKind, Source, Study, validate};

fn q(value: f64) -> Quantity {
    Quantity {
        value,
        source: Source::default(),
    }
}

fn reference() -> Study {
    samdrift::io::load_path(Path::new("scenarios/nordre-troms-2006.ron")).unwrap()
}

/// The 2006 study with the workstations priced on every scenario.
fn workstations() -> Study {
    samdrift::io::load_path(Path::new("scenarios/nordre-troms-2006-arbeidsplasser.ron")).unwrap()
}

fn en() -> samdrift::i18n::Tr {
    samdrift::i18n::Tr::new(samdrift::i18n::Lang::En)
}

/// The workstation study with the thin-client option's twin (the same
/// option with today's PCs) appended: (study, twin, thin).
fn thin_and_its_twin() -> (Study, usize, usize) {
    let study = workstations();
    let thin = study
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == "thin")
        .unwrap();
    let (twin_study, twin) = samdrift::report::fleet_report::with_todays_workstations(&study, thin, &en());
    (twin_study, twin, thin)
}

fn scenario(e: &Evaluation, id: &str) -> usize {
    e.scenarios.iter().position(|s| s.id.as_str() == id).unwrap()
}

/// The small study (members A, B, C) with a PC fleet on today's operation
/// and a thin-client fleet on the joint scenario. A has 10 workstations,
/// B 20; C has none and takes part in neither scenario.
fn with_fleets() -> Study {
    let mut study = small_study();
    let first_year = study.assumptions.first_year;
    for (i, seats) in [(0, 10.0), (1, 20.0)] {
        study.members[i].workstations = Some(q(seats));
    }
    for s in &mut study.scenarios {
        s.participants = Some(vec![study.members[0].id.clone(), study.members[1].id.clone()]);
    }
    let staff = study.categories[0].id.clone();
    let other = study.categories.last().unwrap().id.clone();
    study.workstations = Workstations {
        electricity_price: q(1.0),
        support_cost_per_hour: q(200.0),
        categories: FleetCategories {
            equipment: other.clone(),
            energy: other.clone(),
            support: staff,
            licences: other,
        },
        seat_types: vec![
            SeatType {
                id: "pc".into(),
                name: "PC".into(),
                kind: SeatKind::Pc,
                unit_price: q(6000.0),
                lifetime_years: q(4.0),
                power_in_use_w: q(80.0),
                power_idle_w: q(2.0),
                hours_in_use: q(2000.0),
                hours_idle: q(6760.0),
                support_hours: q(5.0),
                licences_per_year: q(100.0),
                access_licence: None,
                servers: None,
            },
            SeatType {
                id: "thin".into(),
                name: "Tynn".into(),
                kind: SeatKind::ThinClient,
                unit_price: q(3000.0),
                lifetime_years: q(6.0),
                power_in_use_w: q(40.0),
                power_idle_w: q(0.0),
                hours_in_use: q(2000.0),
                hours_idle: q(0.0),
                support_hours: q(2.0),
                licences_per_year: q(0.0),
                access_licence: Some(q(500.0)),
                servers: Some(TerminalServers {
                    users_per_server: q(20.0),
                    price: q(60_000.0),
                    lifetime_years: q(5.0),
                    power_w: q(300.0),
                }),
            },
        ],
        fleets: vec![
            Fleet {
                id: "pcs".into(),
                name: "PC-er".into(),
                parts: vec![FleetPart {
                    seat_type: "pc".into(),
                    share_percent: 100.0,
                    seats: std::collections::BTreeMap::new(),
                }],
            },
            Fleet {
                id: "thin".into(),
                name: "Tynne".into(),
                parts: vec![FleetPart {
                    seat_type: "thin".into(),
                    share_percent: 100.0,
                    seats: std::collections::BTreeMap::new(),
                }],
            },
        ],
    };
    study.scenarios[0].fleet = Some("pcs".into());
    study.scenarios[1].fleet = Some("thin".into());
    assert_eq!(study.scenarios[0].kind, ScenarioKind::Today);
    assert!(first_year > 1900);
    study
}

#[test]
fn a_fleet_turns_into_the_hand_computed_lines() {
    let study = with_fleets();
    assert!(!validate(&study).has_errors(), "{:?}", validate(&study).issues);
    let fleet = evaluate(&study).unwrap();
    let mut bare = study.clone();
    for s in &mut bare.scenarios {
        s.fleet = None;
    }
    let none = evaluate(&bare).unwrap();
    let first = 0;
    let later = 1;
    let extra = |s: usize, m: usize, y: usize| fleet.member_year(s, m, y) - none.member_year(s, m, y);
    // A PC a year (growth is 0 % in the small study):
    //   purchase 6 000 / 4 years                 = 1 500
    //   in use   80 W × 2 000 h / 1 000 × 1 kr  =   160
    //   idle      2 W × 6 760 h / 1 000 × 1 kr  =    13,52
    //   support   5 h × 200 kr                  = 1 000
    //   licences                                 =   100
    //   per seat                                 = 2 773,52
    // A (10 seats) 27 735,2; B (20 seats) 55 470,4 — every year.
    for y in [first, later] {
        assert!((extra(0, 0, y) - 27_735.2).abs() < 1e-6, "{}", extra(0, 0, y));
        assert!((extra(0, 1, y) - 55_470.4).abs() < 1e-6, "{}", extra(0, 1, y));
    }
    // A thin client a year:
    //   purchase 3 000 / 6                        =   500
    //   in use   40 W × 2 000 h / 1 000 × 1 kr   =    80
    //   support   2 h × 200 kr                   =   400
    //   servers  60 000 / (20 users × 5 years)   =   600
    //   server electricity 300 W × 8 760 h / 1 000 × 1 kr / 20 users = 131,4
    //   per seat                                  = 1 711,4
    // plus the access licence, 500 per seat, in the first year only.
    let joint = 1;
    assert!(
        (extra(joint, 0, later) - 17_114.0).abs() < 1e-6,
        "{}",
        extra(joint, 0, later)
    );
    assert!((extra(joint, 0, first) - (17_114.0 + 5_000.0)).abs() < 1e-6);
    assert!((extra(joint, 1, first) - 2.0 * (17_114.0 + 5_000.0)).abs() < 1e-6);
    // The support goes to the support category (staff): 5 h × 200 × 10.
    let staff = 0;
    assert!((fleet.cell(0, 0, staff, later) - none.cell(0, 0, staff, later) - 10_000.0).abs() < 1e-6);
    // The plain engine, evaluating the fleet written out as lines, agrees
    // on every cell.
    let oracle = plain::evaluate_line_by_line(&study).unwrap();
    for s in 0..study.scenarios.len() {
        for m in 0..study.members.len() {
            for y in 0..fleet.years.len() {
                let (a, b) = (fleet.member_year(s, m, y), oracle.member_year(s, m, y));
                assert!((a - b).abs() < 1e-6 * (1.0 + a.abs()), "{s} {m} {y}: {a} vs {b}");
            }
        }
    }
}

#[test]
fn the_same_fleet_on_both_sides_cancels_exactly() {
    // Joint and remote operation both run today's PCs in the study with
    // workstations; without any fleet, neither does.
    let both = workstations();
    let mut study = both.clone();
    for s in &mut study.scenarios {
        s.fleet = None;
    }
    let e = evaluate(&study).unwrap();
    let (joint, remote) = (scenario(&e, "joint"), scenario(&e, "remote"));
    let f = evaluate(&both).unwrap();
    for m in 0..study.members.len() {
        for y in 0..e.years.len() {
            let before = e.member_year(joint, m, y) - e.member_year(remote, m, y);
            let after = f.member_year(joint, m, y) - f.member_year(remote, m, y);
            assert!(
                (before - after).abs() < 1e-6,
                "member {m} year {y}: {before} → {after}"
            );
            // …and the fleet did add something to each side.
            assert!(f.member_year(joint, m, y) > e.member_year(joint, m, y) + 1000.0);
        }
    }
}

#[test]
fn the_2006_study_has_no_workstations_and_the_other_prices_them_on_every_scenario() {
    let study = reference();
    assert!(study.workstations.is_empty());
    assert!(study.scenarios.iter().all(|s| s.fleet.is_none()));
    let old = evaluate(&study).unwrap();
    let ws = workstations();
    let new = evaluate(&ws).unwrap();
    // Gratangen's 95 PCs a year (hand calculation from the file):
    //   5 500 / 4,5 + 85 × 2 000 / 1 000 × 0,75 + 2 × 6 760 / 1 000 × 0,75
    //   + 6 h × 195 = 1 222,22 + 127,5 + 10,14 + 1 170 = 2 529,86 per PC
    //   × 95 = 240 337; plus today's 627 000 = 867 337.
    let gratangen = new
        .member_metric(scenario(&new, "today"), 0, Metric::Annual(2008))
        .unwrap();
    assert!((gratangen - 867_336.94).abs() < 1.0, "{gratangen}");
    // Every option that names no fleet runs today's PCs: each member pays
    // what it paid in 2006 plus its own PCs (the same amount in today's
    // operation and in the option), so every difference from today stays.
    for id in ["joint", "joint_without_i", "remote"] {
        let (before, after) = (scenario(&old, id), scenario(&new, id));
        assert_eq!(ws.fleet_of(&ws.scenarios[after]), Some("pcs"), "{id}");
        let (rows_before, rows_after) = (old.summary(Metric::HorizonSum), new.summary(Metric::HorizonSum));
        assert!(
            (rows_before[before].diff_total.unwrap() - rows_after[after].diff_total.unwrap()).abs() < 1e-6,
            "{id}"
        );
        let year = Metric::Annual(2008);
        for m in 0..study.members.len() {
            let (Some(was), Some(now)) = (
                old.member_metric(before, m, year),
                new.member_metric(after, m, year),
            ) else {
                continue;
            };
            let pcs = new.member_metric(scenario(&new, "today"), m, year).unwrap()
                - old.member_metric(scenario(&old, "today"), m, year).unwrap();
            assert!((now - was - pcs).abs() < 1e-6, "{id} member {m}");
        }
    }
    // The thin-client option runs thin clients, and has none of the 2006
    // lump thin-client lines (only the joint total and the migration).
    let thin = &ws.scenarios[scenario(&new, "thin")];
    assert_eq!(ws.fleet_of(thin), Some("thin"));
    let ids: Vec<&str> = thin.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["joint-total", "migration", "compatibility"]);
    // Five rows: today's operation and four options.
    assert_eq!(ws.scenarios.len(), 5);
}

#[test]
fn the_break_even_pc_lifetime_put_back_makes_pcs_and_thin_clients_cost_the_same() {
    let (mut study, twin, thin) = thin_and_its_twin();
    // With thin clients needing as much support as PCs (6 hours), the PCs'
    // lifetime decides. Per seat over 2007–2013 (hand calculation):
    //   thin: 3 500/7 + 45 × 2 000/1 000 × 0,75 + 1 × 6 760/1 000 × 0,75
    //         + 6 × 195 + 60 000/120/5 = 1 842,57 a year, × 7 + 500 once
    //         = 13 398;
    //   PC:   5 500/L + 127,5 + 10,14 + 1 170 a year, × 7 = 38 500/L + 9 153,5;
    //   equal at L = 38 500 / 4 244,5 = 9,07 years.
    let thin_support = InputRef::Seat {
        seat_type: "thin".into(),
        param: SeatParam::SupportHours,
    };
    assert!(thin_support.set_in(&mut study, 6.0));
    let lifetime = InputRef::Seat {
        seat_type: "pc".into(),
        param: SeatParam::Lifetime,
    };
    let found =
        samdrift::uncertainty::break_even(&study, &lifetime, twin, thin, None, Metric::HorizonSum).unwrap();
    let years = found.expect("a break-even lifetime exists");
    assert!((years - 9.07).abs() < 0.01, "{years}");
    assert!(lifetime.set_in(&mut study, years));
    let e = evaluate(&study).unwrap();
    let total = |s: usize| e.summary(Metric::HorizonSum)[s].total;
    assert!(
        (total(twin) - total(thin)).abs() < 1.0,
        "{} vs {}",
        total(twin),
        total(thin)
    );
    // With the file's own support hours (3 for a thin client, 585 kr a year
    // less: 1 257,57 a year, × 7 + 500 = 9 303) thin clients win up to a PC
    // lifetime of 38 500 / (9 303 − 9 153,5) = 257,5 years — and not at the
    // pole at a lifetime of 0, where the difference changes sign without
    // being 0.
    let (own, twin, thin) = thin_and_its_twin();
    let far = samdrift::uncertainty::break_even(&own, &lifetime, twin, thin, None, Metric::HorizonSum)
        .unwrap()
        .expect("a break-even far out");
    assert!((far - 257.5).abs() < 0.5, "{far}");
}

#[test]
fn broken_fleets_are_named_where_they_are() {
    let tr = samdrift::i18n::Tr::new(samdrift::i18n::Lang::En);
    let mut study = with_fleets();
    study.scenarios[1].fleet = Some("nope".into());
    let report = validate(&study);
    assert!(
        report
            .issues
            .iter()
            .any(|i| i.problem == Problem::UnknownFleet { id: "nope".into() })
    );
    let mut study = with_fleets();
    study.workstations.seat_types[0].lifetime_years.value = 0.0;
    study.workstations.fleets[1].parts[0].share_percent = 90.0;
    study.workstations.categories.energy = CategoryId::new("nowhere");
    let report = validate(&study);
    let texts: Vec<String> = report.issues.iter().map(|i| i.message(&tr)).collect();
    assert!(report.has_errors());
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Seat type “PC”") && t.contains("lifetime 0 must lie between 0.1 and 100")),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Fleet “Tynne”") && t.contains("90 %")),
        "{texts:#?}"
    );
    assert!(texts.iter().any(|t| t.contains("nowhere")), "{texts:#?}");
    // A member without a workstation count cannot run a fleet.
    let mut study = with_fleets();
    study.members[0].workstations = None;
    let texts: Vec<String> = validate(&study).issues.iter().map(|i| i.message(&tr)).collect();
    assert!(texts.iter().any(|t| t.contains("workstations")), "{texts:#?}");
    // None of them panics the engine: it refuses with the report.
    assert!(evaluate(&study).is_err());
}

#[test]
fn the_workstations_tornado_puts_the_pcs_support_hours_first_of_the_fleet_s_inputs() {
    let (study, twin, thin) = thin_and_its_twin();
    let e = evaluate(&study).unwrap();
    let (base, rows) = samdrift::uncertainty::tornado(&study, twin, thin, None, Metric::HorizonSum).unwrap();
    let total = |s: usize| e.summary(Metric::HorizonSum)[s].total;
    assert!((base - (total(twin) - total(thin))).abs() < 1e-6);
    // The exports' table keeps the workstation inputs only: the twin
    // shares the option's lines, so no other input is about the seats.
    let tables = samdrift::report::fleet_report::fleet_tables(&workstations(), &en());
    let tornado = tables.iter().find(|t| t.id == "fleet-tornado-1").unwrap();
    assert!(!tornado.rows.is_empty());
    assert!(tornado.rows.iter().all(|r| {
        let name = r[0].display(en().numbers());
        !name.contains("Felles drift") && !name.contains("Gratangen")
    }));
    // The PCs' support hours swing the answer most of the fleet's inputs.
    let support = InputRef::Seat {
        seat_type: "pc".into(),
        param: SeatParam::SupportHours,
    };
    let top_fleet = rows
        .iter()
        .find(|r| matches!(r.input, InputRef::Seat { .. } | InputRef::ElectricityPrice))
        .unwrap();
    assert_eq!(top_fleet.input, support);
}

#[test]
fn compare_prices_the_workstations_everywhere_and_the_briefing_splits_the_thin_client_answer() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_samdrift"))
        .args([
            "compare",
            "scenarios/nordre-troms-2006-arbeidsplasser.ron",
            "--metric",
            "pv",
            "--lang",
            "nb",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    let line = |name: &str| text.lines().find(|l| l.starts_with(name)).unwrap().to_owned();
    // Today's operation with its PCs and thin clients with the joint
    // operation: the figures the 2006 study's pair had (present values
    // 22 414 801 and 18 252 428).
    assert!(line("Dagens drift").ends_with("22 414 801"), "{text}");
    assert!(
        line("Drift i eget hus med tynne klienter").ends_with("18 252 428"),
        "{text}"
    );
    // Remote operation: the 2006 figure plus the same PCs as today's.
    let (old, new) = (
        evaluate(&reference()).unwrap(),
        evaluate(&workstations()).unwrap(),
    );
    let pcs = new.summary(Metric::PresentValue)[0].total - old.summary(Metric::PresentValue)[0].total;
    let pv = old.summary(Metric::PresentValue)[scenario(&old, "remote")].total + pcs;
    let shown = samdrift::i18n::Tr::new(samdrift::i18n::Lang::Nb)
        .num(pv, 0)
        .replace('\u{a0}', " ");
    assert!(line("Fjerndrift").ends_with(&shown), "{shown}");

    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("b.html");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_samdrift"))
        .args([
            "export",
            "scenarios/nordre-troms-2006-arbeidsplasser.ron",
            "--lang",
            "nb",
            "--html",
            html.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let briefing = std::fs::read_to_string(&html).unwrap();
    assert!(briefing.contains("Arbeidsplasser på like vilkår"));
    // The thin-client answer is split: the workstations' part against the
    // same operation with PCs, and the rest.
    assert!(
        briefing.contains("«Drift i eget hus med tynne klienter» har Tynne klienter i stedet for PC-er"),
        "{briefing}"
    );
    // The break-even sentence names the decisive seat numbers.
    assert!(
        briefing.contains("Tynn klient: brukerstøtte per arbeidsplass"),
        "break-even"
    );
    assert!(
        briefing.contains("produsentenes tall"),
        "vendor figures are called so"
    );
}

#[test]
fn the_criteria_score_every_option_on_one_scale_against_today() {
    let study = workstations();
    let with = samdrift::criteria::analyse(&study, Metric::PresentValue, 2_000, 1).unwrap();
    let economy = study.decision.criteria.iter().position(|c| c.economy).unwrap();
    let e = evaluate(&study).unwrap();
    let rows = e.summary(Metric::PresentValue);
    // The saving of each option against today's operation (the members
    // outside an option as today, so its difference); today's scores 0.
    let today = scenario(&e, "today");
    assert_eq!(with.scores[today][economy], 0.0);
    let saving = |s: usize| -rows[s].diff_total.unwrap();
    let furthest = (0..study.scenarios.len())
        .filter(|&s| s != today)
        .map(|s| saving(s).abs())
        .fold(0.0, f64::max);
    // Thin clients save the most (22 414 801 − 18 252 428 = 4 162 373):
    // +4; every other option in proportion, on the same scale.
    let thin = scenario(&e, "thin");
    assert!((saving(thin) - 4_162_373.0).abs() < 1.0);
    assert_eq!(with.scores[thin][economy], 4.0);
    for s in (0..study.scenarios.len()).filter(|&s| s != today) {
        let want = 4.0 * saving(s) / furthest;
        assert!(
            (with.scores[s][economy] - want).abs() < 1e-9,
            "{}",
            study.scenarios[s].name
        );
    }
}

#[test]
fn every_option_is_measured_against_today_with_its_pcs() {
    let study = workstations();
    let e = evaluate(&study).unwrap();
    let today = scenario(&e, "today");
    let rows = e.summary(Metric::Annual(2008));
    for s in (0..study.scenarios.len()).filter(|&s| s != today) {
        for m in 0..study.members.len() {
            let Some(v) = rows[s].per_member[m] else { continue };
            let want = v - rows[today].per_member[m].unwrap();
            assert!((rows[s].diff_per_member[m].unwrap() - want).abs() < 1e-6);
        }
    }
    let thin = scenario(&e, "thin");
    assert!(
        rows[thin].diff_total.unwrap() < 0.0,
        "thin clients cost less than today with its PCs"
    );
    // Today's operation pays nothing back: it is what the options are
    // measured against.
    assert_eq!(e.payback(today, None), samdrift::engine::Payback::NotApplicable);
    assert_eq!(e.payback(thin, None), e.payback_against(thin, today, None));
    // The plain engine says the same.
    let plain = plain::evaluate_line_by_line(&study).unwrap();
    assert_eq!(plain.today, e.today);
    for (a, b) in plain
        .summary(Metric::HorizonSum)
        .iter()
        .zip(e.summary(Metric::HorizonSum))
    {
        assert!((a.total - b.total).abs() < 1e-6);
    }
}

#[test]
fn members_can_give_their_own_seat_counts_per_type() {
    let mut study = with_fleets();
    let (a, b) = (study.members[0].id.clone(), study.members[1].id.clone());
    // A has 3 PCs and B 7, whatever their workstation counts say.
    study.workstations.fleets[0].parts[0].seats = [(a.clone(), 3.0), (b, 7.0)].into();
    let e = evaluate(&study).unwrap();
    let mut bare = study.clone();
    bare.scenarios[0].fleet = None;
    let none = evaluate(&bare).unwrap();
    // 2 773,52 per PC a year (see the hand calculation above).
    let extra = |m: usize| e.member_year(0, m, 1) - none.member_year(0, m, 1);
    assert!((extra(0) - 3.0 * 2_773.52).abs() < 1e-6, "{}", extra(0));
    assert!((extra(1) - 7.0 * 2_773.52).abs() < 1e-6, "{}", extra(1));
    // A member that is not in the study is named.
    study.workstations.fleets[0].parts[0]
        .seats
        .insert(samdrift::model::MemberId::new("Z"), 1.0);
    assert!(validate(&study).issues.iter().any(|i| i.problem
        == Problem::UnknownMember {
            id: samdrift::model::MemberId::new("Z")
        }));
    // Counts need no workstations attribute.
    let mut counted = with_fleets();
    counted.workstations.fleets[0].parts[0].seats = [(a, 2.0)].into();
    counted.scenarios[0].participants = Some(vec![counted.members[0].id.clone()]);
    counted.scenarios[1].fleet = None;
    // (The small study's joint scenario has a line per workstation: A
    // stays out of it.)
    counted.scenarios[1].participants = Some(vec![counted.members[1].id.clone()]);
    counted.members[0].workstations = None;
    assert!(
        !validate(&counted).has_errors(),
        "{:?}",
        validate(&counted).issues
    );
}

#[test]
fn a_scenario_keeps_its_colour_when_others_come_and_go() {
    let study = reference();
    let colour_of = |s: &Study, id: &str| {
        let scenario = s.scenarios.iter().find(|x| x.id.as_str() == id).unwrap();
        samdrift::palette::scenario_colour(scenario.colour, scenario.kind == ScenarioKind::Today)
    };
    let thin = colour_of(&study, "thin");
    let remote = colour_of(&study, "remote");
    assert_ne!(thin, remote);
    // Slide 11's order gives the colours the charts always had: joint blue,
    // … thin clients purple (the fourth series colour).
    assert_eq!(thin, samdrift::palette::SERIES[3]);
    // A new scenario in front, one removed, the rest reversed: thin
    // clients stay purple, remote operation keeps its colour, and the new
    // one gets a colour nobody has.
    let mut changed = study.clone();
    let mut new = changed.scenarios[1].clone();
    new.id = samdrift::model::ScenarioId::new("new");
    new.colour = None;
    changed.scenarios.insert(0, new);
    changed.scenarios.retain(|s| s.id.as_str() != "joint_without_i");
    changed.scenarios.reverse();
    changed.assign_colours();
    assert_eq!(colour_of(&changed, "thin"), thin);
    assert_eq!(colour_of(&changed, "remote"), remote);
    let fresh = colour_of(&changed, "new");
    for s in &changed.scenarios {
        if s.id.as_str() != "new" {
            assert_ne!(colour_of(&changed, s.id.as_str()), fresh, "{}", s.id);
        }
    }
    // A copy (same colour as its original) gets a colour of its own.
    let mut copied = study.clone();
    let mut copy = copied.scenarios[4].clone();
    copy.id = samdrift::model::ScenarioId::new("copy");
    copied.scenarios.push(copy);
    copied.assign_colours();
    assert_ne!(colour_of(&copied, "copy"), colour_of(&copied, "thin"));
    assert_eq!(colour_of(&copied, "thin"), thin);
}

#[test]
fn a_message_about_a_cell_of_today_s_costs_names_the_municipality() {
    let tr = samdrift::i18n::Tr::new(samdrift::i18n::Lang::Nb);
    let mut study = reference();
    let salaries = study
        .baseline
        .lines
        .iter_mut()
        .find(|l| l.category.as_str() == "salaries")
        .unwrap();
    salaries
        .amounts_nok
        .insert(samdrift::model::MemberId::new("G"), -5.0);
    let texts: Vec<String> = validate(&study).issues.iter().map(|i| i.message(&tr)).collect();
    let about = texts.iter().find(|t| t.contains("negativ kostnad")).unwrap();
    // "Gratangen", not "kommune G".
    assert!(
        about.contains("Gratangen") && !about.contains("kommune G"),
        "{about}"
    );
}

#[test]
fn own_counts_start_from_each_members_share_in_whole_seats() {
    // The 2006 study's workstations: G 95, L 80, S 170, I 120. At 30 %:
    // 28,5 → 29 (half away from zero), 24, 51, 36.
    let study = reference();
    let part = samdrift::model::fleet::FleetPart {
        seat_type: "pc".into(),
        share_percent: 30.0,
        seats: std::collections::BTreeMap::new(),
    };
    let seats = part.seats_by_share(&study);
    let of = |id: &str| seats[&samdrift::model::MemberId::new(id)];
    assert_eq!((of("G"), of("L"), of("S"), of("I")), (29.0, 24.0, 51.0, 36.0));
}

#[test]
fn a_fair_split_of_thin_clients_is_measured_against_today_with_its_pcs() {
    // What each member pays without the option is today's operation with
    // its PCs (Salangen 1 077 577 in 2007), not today's operation without
    // workstations (647 500), against which every member "paid more than
    // alone".
    let study = workstations();
    let e = evaluate(&study).unwrap();
    let index = |id: &str| study.scenarios.iter().position(|s| s.id.as_str() == id).unwrap();
    let (today, thin) = (index("today"), index("thin"));
    let options = samdrift::fairness::Options {
        metric: Metric::Annual(2007),
        samples: 100,
        seed: 1,
    };
    let fair = samdrift::fairness::analyse(&study, thin, options, &|_| true).unwrap();
    let rows = e.summary(Metric::Annual(2007));
    for m in 0..study.members.len() {
        let own = rows[today].per_member[m].unwrap();
        assert!((fair.today[m] - own).abs() < 0.01, "member {m}");
        assert!(fair.stand_alone[m] <= own + 0.01);
    }
    assert!((fair.today[2] - 1_077_577.0).abs() < 1.0);
    // Under the briefing's key only Salangen pays more than on its own:
    // 1 096 096 (its share of 3 329 270) against 1 077 577.
    let key = &fair.keys[fair.scenario_key.unwrap()];
    let salangen = 2;
    assert_eq!(key.over_stand_alone, vec![salangen]);
    assert!((key.split.as_ref().unwrap()[salangen] - rows[thin].per_member[salangen].unwrap()).abs() < 0.01);
    let table = samdrift::report::tables::fair_split(&study, &fair, &en(), true);
    assert_eq!(table.headers[1], en().get("fair-today"));
}

#[test]
fn today_s_operation_is_not_split() {
    // Today's operation is what the options are measured against: no fair
    // split of it (the app's list and the briefing leave it out; the
    // analysis refuses it).
    let study = workstations();
    let today = study.today().unwrap();
    let options = samdrift::fairness::Options {
        metric: Metric::Annual(2007),
        samples: 100,
        seed: 1,
    };
    assert!(matches!(
        samdrift::fairness::analyse(&study, today, options, &|_| true),
        Err(samdrift::fairness::FairError::NotAScenario)
    ));
    let splits = samdrift::report::tables::fair_splits(&study, &en(), 2007, false);
    assert_eq!(splits.len(), study.scenarios.len() - 1);
}
