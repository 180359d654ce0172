//! `samdrift criteria`.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{
    CliMetric, EXIT_INVALID, OutputFormat, engine_metric, load_and_evaluate, terminal_text, text_table,
};
use crate::i18n::Tr;
use crate::io;

/// Prints one row per profile × scenario, then the weight stability.
pub(super) fn run(
    tr: &Tr,
    file: Option<&Path>,
    (year, metric): (Option<i32>, CliMetric),
    format: OutputFormat,
    out: &mut impl Write,
) -> ExitCode {
    let (study, _, year) = match load_and_evaluate(tr, file, year) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Ok(analysis) = crate::criteria::analyse(&study, engine_metric(metric, year), 10_000, 1) else {
        eprintln!("{}", tr.get("crit-no-criteria"));
        return ExitCode::from(EXIT_INVALID);
    };
    let text = match format {
        OutputFormat::Csv => {
            let number = io::csv_export::number_field;
            let mut text = String::from("profile;scenario;score;rank\r\n");
            for p in &analysis.profiles {
                for (s, scenario) in study.scenarios.iter().enumerate() {
                    let _ = write!(
                        text,
                        "{};{};{};{}\r\n",
                        io::csv_export::text_field(&p.name),
                        io::csv_export::text_field(scenario.id.as_str()),
                        number(p.values[s], 2),
                        p.ranks[s]
                    );
                }
            }
            text.push_str("\r\nprofile;criterion;weight;low;high\r\n");
            for p in &analysis.profiles {
                for st in &p.stability {
                    let _ = write!(
                        text,
                        "{};{};{};{};{}\r\n",
                        io::csv_export::text_field(&p.name),
                        io::csv_export::text_field(&study.decision.criteria[st.criterion].id),
                        number(st.weight, 4),
                        number(st.low, 4),
                        number(st.high, 4)
                    );
                }
            }
            text
        }
        OutputFormat::Table => {
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
    let _ = out.write_all(text.as_bytes());
    ExitCode::SUCCESS
}
