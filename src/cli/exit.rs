//! `samdrift exit` and `samdrift join`: what it costs a member and the
//! others when the member leaves a scenario's cooperation, or joins it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{
    EXIT_INVALID, EXIT_UNREADABLE, Output, csv_text, load_and_evaluate, scenario_index, terminal_text,
};
use crate::i18n::Tr;
use crate::report::messages::Message;
use crate::report::tables::Cell;

/// The study, the scenario's index and the member's, or the exit code
/// after saying what is wrong.
fn load(
    tr: &Tr,
    file: Option<&Path>,
    (scenario, member): (&str, &str),
) -> Result<(crate::model::Study, usize, usize), ExitCode> {
    let (study, _, _) = load_and_evaluate(tr, file, None)?;
    let s = scenario_index(tr, &study, scenario)?;
    let Some(m) = study.members.iter().position(|x| x.id.as_str() == member) else {
        let ids: Vec<&str> = study.members.iter().map(|m| m.id.as_str()).collect();
        eprintln!("{}", terminal_text(&format!("{member}? {}", ids.join(", "))));
        return Err(ExitCode::from(EXIT_UNREADABLE));
    };
    Ok((study, s, m))
}

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
    let (study, s, m) = match load(tr, file, (scenario, member)) {
        Ok(loaded) => loaded,
        Err(code) => return code,
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
            let rows = per_member_rows(
                &study,
                &exit.members,
                &exit.years,
                (&exit.all_stay, &exit.after_exit),
            );
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

/// How a joiner's entry fee is set on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CliFee {
    /// Its key share of the joint assets' book value.
    BookValue,
    /// Half of what its joining saves the group, above its key share.
    Marginal,
    /// No fee.
    None,
}

/// `samdrift join`: one row per member (the joiner included) and year, and
/// one per year for all together: before, after, the difference.
pub(super) fn join(
    tr: &Tr,
    file: Option<&Path>,
    (scenario, member): (&str, &str),
    (year, fee): (i32, CliFee),
    format: Output,
    out: &mut impl Write,
) -> ExitCode {
    let (study, s, m) = match load(tr, file, (scenario, member)) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let fee = match fee {
        CliFee::BookValue => crate::fairness::EntryFee::BookValue,
        CliFee::Marginal => crate::fairness::EntryFee::Marginal,
        CliFee::None => crate::fairness::EntryFee::None,
    };
    let join = match crate::fairness::join(&study, s, m, year, fee) {
        Ok(join) => join,
        Err(e) => {
            eprintln!("{}", terminal_text(&e.message(tr)));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let text = match format {
        Output::Csv(variant) => {
            let rows = per_member_rows(&study, &join.members, &join.years, (&join.before, &join.after));
            csv_text(
                &["member", "year", "before_join", "after_join", "difference"],
                rows,
                variant,
            )
        }
        Output::Table => {
            let table = crate::report::tables::join_table(&study, &join, tr);
            let mut text = super::text_table(tr, &table);
            text.push_str(&crate::report::tables::join_sentence(&study, &join, tr));
            text.push('\n');
            terminal_text(&text)
        }
    };
    super::emit(tr, out, &text)
}

/// One row per member and year, then one per year for all together: the
/// two figures and their difference.
fn per_member_rows(
    study: &crate::model::Study,
    members: &[usize],
    years: &[i32],
    (first, second): (&[Vec<f64>], &[Vec<f64>]),
) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for (i, &member) in members.iter().enumerate() {
        for (y, year) in years.iter().enumerate() {
            rows.push(vec![
                Cell::text(study.members[member].id.as_str()),
                Cell::Number(f64::from(*year), 0),
                Cell::Number(first[i][y], 2),
                Cell::Number(second[i][y], 2),
                Cell::Number(second[i][y] - first[i][y], 2),
            ]);
        }
    }
    for (y, year) in years.iter().enumerate() {
        let a: f64 = first.iter().map(|r| r[y]).sum();
        let b: f64 = second.iter().map(|r| r[y]).sum();
        rows.push(vec![
            Cell::text("all"),
            Cell::Number(f64::from(*year), 0),
            Cell::Number(a, 2),
            Cell::Number(b, 2),
            Cell::Number(b - a, 2),
        ]);
    }
    rows
}
