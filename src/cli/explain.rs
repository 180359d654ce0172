//! `samdrift explain`: where a figure comes from.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{
    EXIT_INVALID, EXIT_UNREADABLE, OutputFormat, load_and_evaluate, scenario_index, terminal_text, text_table,
};
use crate::format::{self, DecimalSep};
use crate::i18n::Tr;
use crate::io;

/// Prints one row per contribution and the total.
pub(super) fn run(
    tr: &Tr,
    file: Option<&Path>,
    (scenario, member): (&str, &str),
    year: Option<i32>,
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
    let Some(m) = study.members.iter().position(|x| x.id.as_str() == member) else {
        let ids: Vec<&str> = study.members.iter().map(|m| m.id.as_str()).collect();
        eprintln!("{}", terminal_text(&format!("{member}? {}", ids.join(", "))));
        return ExitCode::from(EXIT_UNREADABLE);
    };
    let y = evaluation.year_index(year).unwrap_or(0);
    let Ok(parts) = crate::engine::PreparedStudy::prepare(&study).and_then(|p| {
        p.explain(s, m, y)
            .map_err(|_| crate::engine::EngineError::Invalid(evaluation.report.clone()))
    }) else {
        return ExitCode::from(EXIT_INVALID);
    };
    let table = io::tables::explanation(&study, &evaluation, (s, m, y), &parts, tr);
    let text = match format {
        OutputFormat::Csv => {
            let number = |v: f64, d: usize| format::export_number(v, d, DecimalSep::Comma);
            let mut text = String::from("line;category;amount;quantity;share;growth;cost\r\n");
            let lines = &study.scenarios[s].lines;
            for p in &parts {
                let label = match p.origin {
                    crate::engine::Origin::Baseline(c) => format!("today:{}", study.categories[c].id),
                    crate::engine::Origin::Line(l) => lines[l].id.to_string(),
                };
                let _ = write!(
                    text,
                    "{};{};{};{};{};{};{}\r\n",
                    io::csv_export::neutralise(&label),
                    io::csv_export::neutralise(study.categories[p.category].id.as_str()),
                    number(p.amount, 2),
                    number(p.quantity, 6),
                    number(p.share, 6),
                    number(p.growth, 6),
                    number(p.cost, 2)
                );
            }
            // The figure `compare` prints: the members rounded to whole
            // kroner so that they add up to the rounded total.
            let (members, _) = evaluation.summary(crate::engine::Metric::Annual(year))[s].rounded(1.0);
            let total = members[m].unwrap_or_default();
            let _ = write!(text, "total;;;;;;{}\r\n", number(total, 2));
            text
        }
        OutputFormat::Table => terminal_text(&text_table(tr, &table)),
    };
    let _ = out.write_all(text.as_bytes());
    ExitCode::SUCCESS
}
