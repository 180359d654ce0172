//! The fair split in words (moved from the core, which has no words).

use crate::engine::Metric;
use crate::fairness::*;
use crate::model::{MemberId, Payer, Study};

fn reference() -> Study {
    crate::report::core_tests::reference()
}

fn options(study: &Study) -> Options {
    Options {
        metric: Metric::Annual(study.assumptions.display_year),
        samples: 1000,
        seed: 1,
    }
}

#[test]
fn the_report_table_has_a_cell_under_every_header() {
    let study = reference();
    let tr = crate::i18n::Tr::new(crate::i18n::Lang::En);
    // Every option (not today's operation).
    for scenario in (0..study.scenarios.len()).filter(|&s| study.today() != Some(s)) {
        let fair = analyse(&study, scenario, options(&study), &|_| true).unwrap();
        let table = crate::report::tables::fair_split(&study, &fair, &tr, true);
        for row in &table.rows {
            assert_eq!(row.len(), table.headers.len(), "{}: {row:?}", table.title);
        }
        // Every column of figures adds up in the total row: the members'
        // cells sum to the last row's cell (to the krone).
        let last = table.rows.len() - 1;
        for c in 1..table.headers.len() {
            let column: Vec<f64> = table.rows[..last]
                .iter()
                .filter_map(|r| match r[c] {
                    crate::report::tables::Cell::Money(v) => Some(v),
                    _ => None,
                })
                .collect();
            if let crate::report::tables::Cell::Money(total) = table.rows[last][c] {
                assert!(
                    (column.iter().sum::<f64>() - total).abs() < 1.0,
                    "{}",
                    table.headers[c]
                );
            }
        }
        assert!(!crate::report::tables::fair_split_findings(&study, &fair, &tr).is_empty());
    }
}

#[test]
fn a_member_that_empties_the_core_is_named_in_the_findings() {
    // Today A 110 000, B 220 000, C 330 000 a year. Joint: 250 000 shared,
    // plus 1 000 000 that C alone brings (a line paid by C). Alone every
    // member is cheapest as today (250 000 > 220 000), A and B together
    // 250 000, with C 660 000 at best (today): c(N) − c({A,B}) = 410 000 >
    // c({C}) = 330 000, so no split satisfies every group. A adds
    // 660 000 − c({B,C}) = 660 000 − 550 000 = 110 000 = c({A}), B adds
    // 220 000 = c({B}): neither spoils it.
    let mut study = crate::model::examples::small_study();
    study.scenarios[1].lines[0].amount_nok = 250_000.0;
    let line = &mut study.scenarios[1].lines[1];
    line.amount_nok = 1_000_000.0;
    line.driver = crate::model::Driver::Lump;
    line.payer = Payer::Member(MemberId::new("C"));
    let options = Options {
        metric: Metric::Annual(2030),
        samples: 100,
        seed: 1,
    };
    let fair = analyse(&study, 1, options, &|_| true).unwrap();
    assert_eq!(fair.core_empty, Some(true));
    assert_eq!(fair.spoilers.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![2]);
    // What the group costs without C (and C as today): 250 000 + 330 000.
    assert!((fair.spoilers[0].1 - 580_000.0).abs() < 0.01);
    // The nucleolus still adds up to c(N) = 660 000.
    let x = fair.nucleolus.clone().unwrap();
    assert!((x.iter().sum::<f64>() - 660_000.0).abs() < 1e-3, "{x:?}");
    let tr = crate::i18n::Tr::new(crate::i18n::Lang::En);
    let findings = crate::report::tables::fair_split_findings(&study, &fair, &tr);
    let name = &study.members[2].name;
    assert!(
        findings
            .iter()
            .any(|f| f.starts_with("No split satisfies every group") && f.contains(name.as_str())),
        "{findings:?}"
    );
}
