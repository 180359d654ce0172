//! Validation messages on small broken studies (moved from the core, which
//! has no words).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]

use crate::i18n::{Lang, Tr};
use crate::model::examples::small_study;
use crate::model::validate::*;
use crate::model::*;
use crate::report::messages::{IssueLine, Message};

#[test]
fn nan_and_negative_counts_are_errors_with_their_place() {
    let mut study = small_study();
    study.members[1].workstations.as_mut().unwrap().value = -3.0;
    study.scenarios[1].lines[1].amount_nok = f64::INFINITY;
    let report = validate(&study);
    assert!(report.has_errors());
    let places: Vec<&Place> = report.issues.iter().map(|i| &i.place).collect();
    assert!(matches!(places[0], Place::Member { member, .. } if member.as_str() == "B"));
    assert!(matches!(places[1], Place::ScenarioLine { index: 1, .. }));
    let tr = Tr::new(Lang::Nb);
    assert_eq!(
        report.issues[0].line(&tr),
        "feil: Kommune B (B): arbeidsplasser er under null (\u{2212}3); bare 0 eller mer går an."
    );
}

#[test]
fn task_shares_that_do_not_add_up_are_a_warning() {
    let mut study = small_study();
    study.members[0].positions.push(Position {
        role: "IKT-ansvarlig".into(),
        authorised_percent_of_fte: 100.0,
        filled_percent_of_fte: 50.0,
        tasks: vec![
            TaskShare {
                task: "Drift".into(),
                percent_of_fte: 30.0,
            },
            TaskShare {
                task: "Brukerstøtte".into(),
                percent_of_fte: 30.0,
            },
        ],
        note: String::new(),
    });
    let report = validate(&study);
    assert!(!report.has_errors());
    assert_eq!(
        report.issues[0].problem,
        Problem::TasksDoNotAddUp {
            tasks_percent: 60.0,
            filled_percent: 50.0
        }
    );
    assert!(matches!(
        &report.issues[0].place,
        Place::Position { index: 0, .. }
    ));
    let text = report.issues[0].message(&Tr::new(Lang::En));
    assert!(text.contains("60 %") && text.contains("50 %"), "{text}");
}

#[test]
fn every_message_is_translated_in_both_languages() {
    // One study with as many different problems as possible.
    let mut study = small_study();
    study.members.push(study.members[0].clone());
    study.members[1].population = None;
    study.scenarios[1].key = Some(KeyId::new("mix"));
    study.scenarios[1].lines[0].quantity = -1.0;
    study.scenarios[1].lines[1].timing = Timing::EveryYear {
        from: Some(2033),
        to: Some(2031),
    };
    study.baseline.lines[0]
        .amounts_nok
        .insert(MemberId::new("Z"), -5.0);
    study.staffing_printed.roles.insert("Ingen".into(), 1.0);
    study.scenarios[0].kind = ScenarioKind::Custom;
    let report = validate(&study);
    assert!(report.issues.len() >= 7, "{report:?}");
    for lang in Lang::ALL {
        let tr = Tr::new(lang);
        for issue in &report.issues {
            let line = issue.line(&tr);
            assert!(
                !line.contains("problem-") && !line.contains("place-") && !line.contains("field-"),
                "{line}"
            );
            assert!(!line.contains("kind-") && !line.contains("attribute-"), "{line}");
        }
    }
}
