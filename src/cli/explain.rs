//! `samdrift explain`: where a figure comes from.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{
    CliMetric, EXIT_INVALID, EXIT_UNREADABLE, Output, engine_metric, load_and_evaluate, scenario_index,
    terminal_text, text_table,
};
use crate::engine::Origin;
use crate::i18n::Tr;
use crate::report::explain::ExplainTarget;
use crate::report::tables::Cell;

/// Prints one row per contribution and the total.
pub(super) fn run(
    tr: &Tr,
    file: Option<&Path>,
    (scenario, member): (&str, Option<&str>),
    (year, metric): (Option<i32>, CliMetric),
    format: Output,
    out: &mut impl Write,
) -> ExitCode {
    let (study, evaluation, year) = match load_and_evaluate(tr, file, year) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let s = match scenario_index(tr, &study, scenario) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let m = match member {
        None => None,
        Some(member) => {
            let Some(m) = study.members.iter().position(|x| x.id.as_str() == member) else {
                let ids: Vec<&str> = study.members.iter().map(|m| m.id.as_str()).collect();
                eprintln!("{}", terminal_text(&format!("{member}? {}", ids.join(", "))));
                return ExitCode::from(EXIT_UNREADABLE);
            };
            Some(m)
        }
    };
    let target = ExplainTarget {
        scenario: s,
        member: m,
        metric: engine_metric(metric, year),
    };
    let Some(explanation) = crate::report::explain::explain(&study, &evaluation, target, tr) else {
        // The member is not in the scenario.
        eprintln!(
            "{}",
            terminal_text(&tr.args(
                "cli-not-in-scenario",
                &[
                    ("member", member.unwrap_or_default().to_owned()),
                    ("scenario", study.scenarios[s].name.clone()),
                ],
            ))
        );
        return ExitCode::from(EXIT_INVALID);
    };
    let text = match format {
        Output::Csv(variant) => {
            let lines = &study.scenarios[s].lines;
            let fleet = crate::model::fleet::fleet_lines(&study, &study.scenarios[s]);
            let mut rows: Vec<Vec<Cell>> = explanation
                .parts
                .iter()
                .map(|p| {
                    let label = match p.origin {
                        Origin::Baseline(c) => format!("today:{}", study.categories[c].id),
                        Origin::Line(l) => lines.get(l).map_or_else(
                            || {
                                fleet
                                    .get(l - lines.len())
                                    .map_or_else(String::new, |f| f.line.id.to_string())
                            },
                            |line| line.id.to_string(),
                        ),
                    };
                    vec![
                        Cell::text(label),
                        Cell::text(study.categories[p.category].id.as_str()),
                        Cell::Number(p.amount, 2),
                        Cell::Number(p.quantity, 6),
                        Cell::Number(p.share, 6),
                        Cell::Number(p.growth, 6),
                        Cell::Number(p.cost, 2),
                    ]
                })
                .collect();
            // The figure `compare` prints: the members rounded to whole
            // kroner so that they add up to the rounded total.
            rows.push(vec![
                Cell::text("total"),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Number(explanation.figure, 2),
            ]);
            super::csv_text(
                &[
                    "line", "category", "amount", "quantity", "share", "growth", "cost",
                ],
                rows,
                variant,
            )
        }
        Output::Table => terminal_text(&text_table(tr, &explanation.table)),
    };
    super::emit(tr, out, &text)
}
