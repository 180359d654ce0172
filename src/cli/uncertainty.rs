//! `samdrift uncertainty` and `samdrift tornado`.

use crate::report::messages::Message;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{
    CliMetric, EXIT_INVALID, EXIT_UNREADABLE, Output, engine_metric, load_and_evaluate, scenario_index,
    terminal_text, text_table,
};
use crate::i18n::Tr;
use crate::io;
use crate::report::tables::Cell;

/// Prints the uncertainty table.
pub(super) fn run(
    tr: &Tr,
    file: Option<&Path>,
    (draws, seed): (usize, u64),
    (year, metric): (Option<i32>, CliMetric),
    format: Output,
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
        Output::Csv(variant) => {
            let money = |v: f64| Cell::Number(v, 2);
            let mut rows = Vec::new();
            for member in std::iter::once(None).chain((0..sim.members).map(Some)) {
                for row in sim.rows(member) {
                    if member.is_some_and(|m| !sim.participates[row.scenario][m]) {
                        continue;
                    }
                    rows.push(vec![
                        Cell::text(study.scenarios[row.scenario].id.as_str()),
                        Cell::text(member.map_or("total", |m| study.members[m].id.as_str())),
                        money(row.cost.mean),
                        money(row.cost.p10),
                        money(row.cost.p50),
                        money(row.cost.p90),
                        // Empty for an option not in competition.
                        if row.competes {
                            Cell::Number(row.p_cheapest, 4)
                        } else {
                            Cell::Empty
                        },
                    ]);
                }
            }
            super::csv_text(
                &["scenario", "member", "mean", "p10", "p50", "p90", "p_cheapest"],
                rows,
                variant,
            )
        }
        Output::Table => {
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
    super::emit(tr, out, &text)
}

/// Prints the tornado rows with break-even values.
pub(super) fn tornado(
    tr: &Tr,
    file: Option<&Path>,
    (a, b, member): (&str, &str, Option<&str>),
    (year, metric): (Option<i32>, CliMetric),
    format: Output,
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
        Output::Csv(variant) => {
            String::from_utf8_lossy(&io::csv_export::table_csv(&table, variant)).into_owned()
        }
        Output::Table => terminal_text(&text_table(tr, &table)),
    };
    super::emit(tr, out, &text)
}
