//! `samdrift explain`: where a figure comes from.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{
    CliMetric, EXIT_INVALID, EXIT_UNREADABLE, OutputFormat, engine_metric, load_and_evaluate, scenario_index,
    terminal_text, text_table,
};
use crate::engine::Origin;
use crate::i18n::Tr;
use crate::io;
use crate::report::explain::ExplainTarget;

/// Prints one row per contribution and the total.
pub(super) fn run(
    tr: &Tr,
    file: Option<&Path>,
    (scenario, member): (&str, Option<&str>),
    (year, metric): (Option<i32>, CliMetric),
    format: OutputFormat,
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
        OutputFormat::Csv => {
            let number = io::csv_export::number_field;
            let mut text = String::from("line;category;amount;quantity;share;growth;cost\r\n");
            let lines = &study.scenarios[s].lines;
            let fleet = crate::model::fleet::fleet_lines(&study, &study.scenarios[s]);
            for p in &explanation.parts {
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
                let _ = write!(
                    text,
                    "{};{};{};{};{};{};{}\r\n",
                    io::csv_export::text_field(&label),
                    io::csv_export::text_field(study.categories[p.category].id.as_str()),
                    number(p.amount, 2),
                    number(p.quantity, 6),
                    number(p.share, 6),
                    number(p.growth, 6),
                    number(p.cost, 2)
                );
            }
            // The figure `compare` prints: the members rounded to whole
            // kroner so that they add up to the rounded total.
            let _ = write!(text, "total;;;;;;{}\r\n", number(explanation.figure, 2));
            text
        }
        OutputFormat::Table => terminal_text(&text_table(tr, &explanation.table)),
    };
    let _ = out.write_all(text.as_bytes());
    ExitCode::SUCCESS
}
