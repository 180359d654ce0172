//! `samdrift exit`: what it costs a member and the others when the member
//! leaves a scenario's cooperation.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{
    EXIT_INVALID, EXIT_UNREADABLE, Output, csv_text, load_and_evaluate, scenario_index, terminal_text,
};
use crate::i18n::Tr;
use crate::report::messages::Message;
use crate::report::tables::Cell;

/// One row per participant and year (the leaver included) and one per year
/// for all together: all stay, after the exit, the difference.
pub(super) fn run(
    tr: &Tr,
    file: Option<&Path>,
    (scenario, member): (&str, &str),
    (year, notice): (i32, Option<u32>),
    format: Output,
    out: &mut impl Write,
) -> ExitCode {
    let (study, _, _) = match load_and_evaluate(tr, file, None) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let s = match scenario_index(tr, &study, scenario) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let Some(m) = study.members.iter().position(|x| x.id.as_str() == member) else {
        let ids: Vec<&str> = study.members.iter().map(|m| m.id.as_str()).collect();
        eprintln!("{}", terminal_text(&format!("{member}? {}", ids.join(", "))));
        return ExitCode::from(EXIT_UNREADABLE);
    };
    let exit = match crate::fairness::exit(&study, s, m, year, notice) {
        Ok(exit) => exit,
        Err(e) => {
            eprintln!("{}", terminal_text(&e.message(tr)));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let text = match format {
        Output::Csv(variant) => {
            let mut rows = Vec::new();
            for (i, &member) in exit.members.iter().enumerate() {
                for (y, year) in exit.years.iter().enumerate() {
                    rows.push(vec![
                        Cell::text(study.members[member].id.as_str()),
                        Cell::Number(f64::from(*year), 0),
                        Cell::Number(exit.all_stay[i][y], 2),
                        Cell::Number(exit.after_exit[i][y], 2),
                        Cell::Number(exit.after_exit[i][y] - exit.all_stay[i][y], 2),
                    ]);
                }
            }
            for (y, year) in exit.years.iter().enumerate() {
                let stay: f64 = exit.all_stay.iter().map(|r| r[y]).sum();
                let after: f64 = exit.after_exit.iter().map(|r| r[y]).sum();
                rows.push(vec![
                    Cell::text("all"),
                    Cell::Number(f64::from(*year), 0),
                    Cell::Number(stay, 2),
                    Cell::Number(after, 2),
                    Cell::Number(after - stay, 2),
                ]);
            }
            csv_text(
                &["member", "year", "all_stay", "after_exit", "difference"],
                rows,
                variant,
            )
        }
        Output::Table => {
            let table = crate::report::tables::exit_table(&study, &exit, tr);
            let mut text = super::text_table(tr, &table);
            text.push_str(&crate::report::tables::exit_sentence(&study, &exit, tr));
            text.push('\n');
            terminal_text(&text)
        }
    };
    super::emit(tr, out, &text)
}
