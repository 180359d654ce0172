//! `samdrift summary`: the decision a council reads first, as sentences or
//! one CSV row per municipality and `all` (the briefing's first page and
//! the app's overview say the same).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Output, load_and_evaluate, terminal_text};
use crate::i18n::Tr;
use crate::report::bundle::{Analyses, ExportOptions};

/// Prints the decision summary.
pub(super) fn run(
    tr: &Tr,
    file: Option<&Path>,
    year: Option<i32>,
    format: Output,
    out: &mut impl Write,
) -> ExitCode {
    let (study, evaluation, year) = match load_and_evaluate(tr, file, year) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    // The same analyses, with the same options, as the briefing.
    let Ok(analyses) = Analyses::run(&study, year, ExportOptions::default(), &|_| true) else {
        return ExitCode::from(super::EXIT_INVALID);
    };
    let decision = crate::report::decision::decision(&study, &evaluation, (tr, year), &analyses);
    let text = match format {
        Output::Csv(variant) => String::from_utf8_lossy(&crate::io::csv_export::table_csv(
            &crate::report::decision::summary_table(&study, &decision),
            variant,
        ))
        .into_owned(),
        Output::Table => {
            let mut text = String::new();
            for line in crate::report::decision::sentences(&study, &decision, tr) {
                text.push_str("• ");
                text.push_str(&line);
                text.push('\n');
            }
            text.push('\n');
            text.push_str(&tr.get("dec-how-to-read"));
            text.push('\n');
            terminal_text(&text)
        }
    };
    super::emit(tr, out, &text)
}
