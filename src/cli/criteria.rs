//! `samdrift criteria`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{CliMetric, EXIT_INVALID, Output, engine_metric, load_and_evaluate, terminal_text, text_table};
use crate::i18n::Tr;
use crate::report::tables::Cell;

/// Prints one row per profile × scenario, then the weight stability.
pub(super) fn run(
    tr: &Tr,
    file: Option<&Path>,
    (year, metric): (Option<i32>, CliMetric),
    format: Output,
    out: &mut impl Write,
) -> ExitCode {
    let (study, _, year) = match load_and_evaluate(tr, file, year) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    // As many weightings as an export draws.
    let samples = crate::report::bundle::ExportOptions::default().criteria_samples;
    let Ok(analysis) = crate::criteria::analyse(&study, engine_metric(metric, year), samples, 1) else {
        eprintln!("{}", tr.get("crit-no-criteria"));
        return ExitCode::from(EXIT_INVALID);
    };
    let text = match format {
        Output::Csv(variant) => {
            // The metric the economy score is made from, on every row.
            let economy = match analysis.metric {
                crate::engine::Metric::Annual(year) => format!("annual:{year}"),
                crate::engine::Metric::HorizonSum => "total".to_owned(),
                crate::engine::Metric::PresentValue => "pv".to_owned(),
                crate::engine::Metric::AnnualEquivalent => "eac".to_owned(),
            };
            let ranks = analysis
                .profiles
                .iter()
                .flat_map(|p| {
                    study.scenarios.iter().enumerate().map(|(s, scenario)| {
                        vec![
                            Cell::text(&p.name),
                            Cell::text(scenario.id.as_str()),
                            Cell::Number(p.values[s], 2),
                            Cell::Number(p.ranks[s] as f64, 0),
                            Cell::text(&economy),
                        ]
                    })
                })
                .collect();
            let stability = analysis
                .profiles
                .iter()
                .flat_map(|p| {
                    p.stability.iter().map(|st| {
                        vec![
                            Cell::text(&p.name),
                            Cell::text(&study.decision.criteria[st.criterion].id),
                            Cell::Number(st.weight, 4),
                            Cell::Number(st.low, 4),
                            Cell::Number(st.high, 4),
                        ]
                    })
                })
                .collect();
            // Two tables, one blank line between them; one byte-order mark.
            let mut text = super::csv_text(
                &["profile", "scenario", "score", "rank", "economy_metric"],
                ranks,
                variant,
            );
            text.push_str("\r\n");
            let second = super::csv_text(
                &["profile", "criterion", "weight", "low", "high"],
                stability,
                variant,
            );
            text.push_str(second.trim_start_matches('\u{feff}'));
            text
        }
        Output::Table => {
            let mut text = String::new();
            for table in crate::report::tables::criteria_tables(&study, &analysis, tr) {
                text.push_str(&text_table(tr, &table));
                text.push('\n');
            }
            for finding in crate::report::tables::criteria_findings(&study, &analysis, tr) {
                text.push_str(&finding);
                text.push('\n');
            }
            terminal_text(&text)
        }
    };
    super::emit(tr, out, &text)
}
