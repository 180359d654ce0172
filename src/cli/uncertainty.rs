//! `samdrift uncertainty` and `samdrift tornado`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{
    CliMetric, EXIT_INVALID, EXIT_UNREADABLE, OutputFormat, engine_metric, load_and_evaluate, scenario_index,
    terminal_text, text_table,
};
use crate::format::{self, DecimalSep};
use crate::i18n::Tr;
use crate::io;

/// Prints the uncertainty table.
pub(super) fn run(
    tr: &Tr,
    file: Option<&Path>,
    (draws, seed): (usize, u64),
    (year, metric): (Option<i32>, CliMetric),
    format: OutputFormat,
    out: &mut impl Write,
) -> ExitCode {
    let (study, _, year) = match load_and_evaluate(tr, file, year) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let options = crate::uncertainty::Options {
        draws: draws.max(1),
        seed,
        metric: engine_metric(metric, year),
    };
    let sim = match crate::uncertainty::simulate(&study, options, &|_| true) {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("{}", terminal_text(&e.message(tr)));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    super::say_capped_draws(tr, draws, &sim, &study);
    let text = match format {
        OutputFormat::Csv => {
            let money = |v: f64| format::export_number(v, 2, DecimalSep::Comma);
            let mut writer = csv::WriterBuilder::new()
                .delimiter(b';')
                .terminator(csv::Terminator::CRLF)
                .from_writer(vec![]);
            let _ = writer.write_record(["scenario", "member", "mean", "p10", "p50", "p90", "p_cheapest"]);
            for member in std::iter::once(None).chain((0..sim.members).map(Some)) {
                for row in sim.rows(member) {
                    if member.is_some_and(|m| !sim.participates[row.scenario][m]) {
                        continue;
                    }
                    let _ = writer.write_record([
                        io::csv_export::neutralise(study.scenarios[row.scenario].id.as_str()),
                        member.map_or_else(
                            || "total".to_owned(),
                            |m| io::csv_export::neutralise(study.members[m].id.as_str()),
                        ),
                        money(row.cost.mean),
                        money(row.cost.p10),
                        money(row.cost.p50),
                        money(row.cost.p90),
                        // Empty for an option not in competition.
                        if row.competes {
                            format::export_number(row.p_cheapest, 4, DecimalSep::Comma)
                        } else {
                            String::new()
                        },
                    ]);
                }
            }
            writer
                .into_inner()
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                .unwrap_or_default()
        }
        OutputFormat::Table => {
            let mut text = text_table(tr, &crate::report::tables::uncertainty(&study, &sim, tr));
            for finding in crate::report::tables::uncertainty_findings(&study, &sim, tr) {
                text.push_str(&finding);
                text.push('\n');
            }
            if study.uncertainties.is_empty() {
                text.push_str(&tr.get("unc-no-ranges"));
                text.push('\n');
            }
            terminal_text(&text)
        }
    };
    let _ = out.write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// Prints the tornado rows with break-even values.
pub(super) fn tornado(
    tr: &Tr,
    file: Option<&Path>,
    (a, b, member): (&str, &str, Option<&str>),
    (year, metric): (Option<i32>, CliMetric),
    format: OutputFormat,
    out: &mut impl Write,
) -> ExitCode {
    let (study, _, year) = match load_and_evaluate(tr, file, year) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let (a, b) = match (scenario_index(tr, &study, a), scenario_index(tr, &study, b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let member = match member.map(|id| (id, study.members.iter().position(|m| m.id.as_str() == id))) {
        None => None,
        Some((_, Some(m))) => Some(m),
        Some((id, None)) => {
            let ids: Vec<&str> = study.members.iter().map(|m| m.id.as_str()).collect();
            eprintln!("{}", terminal_text(&format!("{id}? {}", ids.join(", "))));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let (base, rows) = match crate::uncertainty::tornado(&study, a, b, member, engine_metric(metric, year)) {
        Ok(result) => result,
        Err(e) => {
            eprintln!("{}", terminal_text(&e.message(tr)));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let table = crate::report::tables::tornado(&study, (a, b, member), base, &rows, tr);
    let text = match format {
        OutputFormat::Csv => String::from_utf8_lossy(&io::csv_export::table_csv(
            &table,
            io::csv_export::CsvVariant::Nordic,
        ))
        .trim_start_matches('\u{feff}')
        .to_owned(),
        OutputFormat::Table => terminal_text(&text_table(tr, &table)),
    };
    let _ = out.write_all(text.as_bytes());
    ExitCode::SUCCESS
}
