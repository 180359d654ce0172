//! Old file formats are read and migrated to the current one.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    clippy::panic,
    missing_docs
)]

use std::path::Path;

use samdrift::engine::{Metric, evaluate};
use samdrift::io::{load_path, load_str, to_ron_string};
use samdrift::model::{FORMAT_VERSION, KeyRule, MemberId};

#[test]
fn format_1_is_migrated_and_evaluates_as_before() {
    let study = load_path(Path::new("tests/fixtures/format-v1.ron")).expect("v1 loads");
    assert_eq!(study.version, FORMAT_VERSION);
    assert_eq!(study.members.len(), 2);
    assert!(
        study.members[0]
            .population
            .as_ref()
            .unwrap()
            .source
            .is_assumption()
    );
    assert_eq!(study.baseline.lines.len(), 2);
    assert!(matches!(&study.keys[0].rule, KeyRule::Fixed(w) if w[&MemberId::new("A")] == 60.0));
    assert_eq!(study.assumptions.display_year, 2008);

    let e = evaluate(&study).expect("the migrated study is valid");
    let rows = e.summary(Metric::Annual(2010));
    assert_eq!(rows[0].per_member, vec![Some(350_000.0), Some(240_000.0)]);
    assert_eq!(rows[1].per_member, vec![Some(300_000.0), Some(200_000.0)]);

    // Saved again, it is a current-format file that loads to the same study.
    let text = to_ron_string(&study).unwrap();
    assert!(text.contains(&format!("version: {FORMAT_VERSION}")));
    assert_eq!(load_str(&text, Path::new("again.ron")).unwrap(), study);
}

/// The 2006 reference study as format 2 had it: with a workstation pair
/// (today's operation with its PCs as a yardstick scenario).
fn format_2_text() -> String {
    std::fs::read_to_string("tests/fixtures/format-v2.ron").unwrap()
}

#[test]
fn format_2_s_workstation_yardstick_becomes_today_s_fleet() {
    use samdrift::io::study_file::{MigrationChange, load_str_migrating};
    let (study, changes) = load_str_migrating(&format_2_text(), Path::new("v2.ron")).unwrap();
    assert_eq!(study.version, FORMAT_VERSION);
    // The yardstick is gone and its fleet is today's operation's: one
    // baseline, said once.
    assert_eq!(
        changes,
        vec![MigrationChange::FleetMovedToToday {
            scenario: "Dagens drift med arbeidsplasser".to_owned(),
            fleet: "pcs".to_owned(),
        }]
    );
    assert!(!study.scenarios.iter().any(|s| s.id.as_str() == "today_fleet"));
    let today = study.today().unwrap();
    assert_eq!(study.scenarios[today].fleet.as_deref(), Some("pcs"));
    let tr = samdrift::i18n::Tr::new(samdrift::i18n::Lang::En);
    assert!(
        changes[0]
            .message(&tr)
            .contains("“Dagens drift med arbeidsplasser”")
    );
    // Nothing names the removed scenario.
    assert!(!samdrift::model::validate(&study).has_errors());

    // What the pair meant stays: today's operation is now what the old
    // yardstick was (Gratangen 627 000 + 95 PCs at 2 529,86 = 867 337 in
    // 2007), thin clients with workstations cost what they did (3 329 270
    // in 2007) and are measured against it, as before.
    let e = evaluate(&study).unwrap();
    let rows = e.summary(Metric::Annual(2007));
    assert!((rows[today].per_member[0].unwrap() - 867_336.94).abs() < 1.0);
    let index = |id: &str| study.scenarios.iter().position(|s| s.id.as_str() == id).unwrap();
    let thin_fleet = index("thin_fleet");
    assert!((rows[thin_fleet].total - 3_329_270.0).abs() < 1.0);
    assert!((rows[thin_fleet].diff_total.unwrap() - (3_329_270.0 - 3_590_886.0)).abs() < 1.0);
    // The options that named no fleet now run today's PCs: their totals
    // rise by the PCs, their differences from today stay (joint in-house:
    // 2 262 000 − 2 414 500 = −152 500 in 2007).
    let joint = index("joint");
    assert!((rows[joint].diff_total.unwrap() + 152_500.0).abs() < 1.0);
    assert!((rows[joint].total - (2_262_000.0 + 3_590_886.0 - 2_414_500.0)).abs() < 1.0);

    // Saved again, it is a current-format file that loads to the same study.
    let text = to_ron_string(&study).unwrap();
    assert!(!text.contains("with_todays_costs"));
    assert_eq!(load_str(&text, Path::new("again.ron")).unwrap(), study);
}

#[test]
fn format_2_s_today_plus_lines_keeps_its_figures_as_lines() {
    use samdrift::io::study_file::{MigrationChange, load_str_migrating};
    // Remote operation marked as "today's operation plus its lines": in
    // format 2 each member paid today's cost plus its share of 2 136 000.
    let text = format_2_text().replace(
        "            service_level: (\n                uptime_percent: 99.5,",
        "            with_todays_costs: true,\n            service_level: (\n                uptime_percent: 99.5,",
    );
    assert!(text.contains("with_todays_costs: true,\n            service_level"));
    let (study, changes) = load_str_migrating(&text, Path::new("v2.ron")).unwrap();
    assert!(changes.contains(&MigrationChange::TodaysCostsCopied {
        scenario: "Fjerndrift".to_owned()
    }));
    let e = evaluate(&study).unwrap();
    let rows = e.summary(Metric::Annual(2007));
    let remote = study
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == "remote")
        .unwrap();
    // Gratangen: 627 000 today + 475 901 (slide 11's remote share) plus its
    // PCs, which remote now runs as today's operation does (240 337).
    let g = rows[remote].per_member[0].unwrap();
    assert!((g - (627_000.0 + 475_901.0 + 240_336.94)).abs() < 1.0, "{g}");
}
