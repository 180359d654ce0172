//! The criteria analysis in words (moved from the core, which has no words).

#![allow(clippy::many_single_char_names)]

use crate::criteria::*;
use crate::engine::Metric;

#[test]
fn every_criteria_table_has_a_cell_under_every_header() {
    let study = crate::report::core_tests::reference();
    let a = analyse(&study, Metric::PresentValue, 500, 1).unwrap();
    let tr = crate::i18n::Tr::new(crate::i18n::Lang::En);
    for table in crate::report::tables::criteria_tables(&study, &a, &tr) {
        for row in &table.rows {
            assert_eq!(row.len(), table.headers.len(), "{}", table.title);
        }
    }
}

#[test]
fn a_profile_against_two_that_agree_is_one_dissent_said_once() {
    // The project group ranks joint first, the project leader remote; a
    // second profile with the project leader's weights agrees with it, so
    // the project group's sentence about remote is the same for both.
    let mut study = crate::report::core_tests::reference();
    let mut twin = study.decision.profiles[1].clone();
    twin.name = format!("{} (2)", twin.name);
    study.decision.profiles.push(twin);
    let a = analyse(&study, Metric::PresentValue, 500, 1).unwrap();
    // Pairs with different first choices: (0, 1) and (0, 2), one rival.
    assert_eq!(a.dissents.len(), 1, "{:?}", a.dissents);
    let tr = crate::i18n::Tr::new(crate::lang::Lang::En);
    let findings = crate::report::tables::criteria_findings(&study, &a, &tr);
    let mut unique = findings.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), findings.len(), "{findings:#?}");
}

#[test]
fn the_profiles_ranking_an_option_differently_is_said_per_option() {
    // The project group puts joint in-house first, the project leader
    // remote operation: both options get a sentence with each profile's
    // place, and the rankings table has no column of "yes" on every row.
    let study = crate::report::core_tests::reference();
    let a = analyse(&study, Metric::PresentValue, 500, 1).unwrap();
    let tr = crate::i18n::Tr::new(crate::lang::Lang::En);
    let findings = crate::report::tables::criteria_findings(&study, &a, &tr);
    let differ: Vec<&String> = findings.iter().filter(|f| f.contains("differently")).collect();
    assert_eq!(differ.len(), 2, "{findings:#?}");
    assert!(
        differ
            .iter()
            .any(|f| f.contains("Drift i eget hus”") && f.contains("1 (Prosjektgruppa)"))
    );
    assert!(
        differ
            .iter()
            .any(|f| f.contains("Fjerndrift") && f.contains("1 (Prosjektleder)"))
    );
    let table = crate::report::tables::criteria_rankings(&study, &a, &tr);
    assert!(!table.headers.iter().any(|h| h.contains("disagree")));
}
