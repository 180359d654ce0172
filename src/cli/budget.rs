//! `samdrift budget`: what an option does to each member's operating and
//! investment budget, year by year, against today's operation.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{
    EXIT_INVALID, EXIT_UNREADABLE, Output, csv_text, load_and_evaluate, scenario_index, terminal_text,
};
use crate::i18n::Tr;
use crate::report::messages::Message;
use crate::report::tables::Cell;

/// One row per member (or the one asked for) and year, then one per year
/// for all together (`all`), unless a member is asked for.
pub(super) fn run(
    tr: &Tr,
    file: Option<&Path>,
    (scenario, member): (&str, Option<&str>),
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
    let member = match member.map(|id| (id, study.members.iter().position(|x| x.id.as_str() == id))) {
        None => None,
        Some((_, Some(m))) => Some(m),
        Some((id, None)) => {
            let ids: Vec<&str> = study.members.iter().map(|m| m.id.as_str()).collect();
            eprintln!("{}", terminal_text(&format!("{id}? {}", ids.join(", "))));
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let budget = match crate::budget::budget(&study, s) {
        Ok(budget) => budget,
        Err(e) => {
            eprintln!("{}", terminal_text(&e.message(tr)));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let text = match format {
        Output::Csv(variant) => {
            let row = |who: &str, year: i32, b: crate::budget::BudgetYear| {
                vec![
                    Cell::text(who),
                    Cell::Number(f64::from(year), 0),
                    Cell::Number(b.operating, 2),
                    Cell::Number(b.vat_compensation, 2),
                    Cell::Number(b.interest, 2),
                    Cell::Number(b.repayment, 2),
                    Cell::Number(b.investment, 2),
                    Cell::Number(b.loan, 2),
                    Cell::Number(b.own_funds, 2),
                    Cell::Number(b.net_operating(), 2),
                ]
            };
            let mut rows = Vec::new();
            for (m, years) in budget.members.iter().enumerate() {
                if member.is_some_and(|x| x != m) {
                    continue;
                }
                for (y, year) in budget.years.iter().enumerate() {
                    rows.push(row(study.members[m].id.as_str(), *year, years[y]));
                }
            }
            if member.is_none() {
                for (y, year) in budget.years.iter().enumerate() {
                    rows.push(row("all", *year, budget.all(y)));
                }
            }
            csv_text(
                &[
                    "member",
                    "year",
                    "operating",
                    "vat_compensation",
                    "interest",
                    "repayment",
                    "investment",
                    "loan",
                    "own_funds",
                    "net_operating",
                ],
                rows,
                variant,
            )
        }
        Output::Table => {
            let table = crate::report::tables::budget_table(&study, &budget, member, tr);
            terminal_text(&super::text_table(tr, &table))
        }
    };
    super::emit(tr, out, &text)
}
