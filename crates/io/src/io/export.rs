//! Writing exports to disk: every file written atomically, so a file that
//! cannot be written (open in Excel on Windows, a read-only folder) gives a
//! clear message and leaves nothing half-written.

use std::path::{Path, PathBuf};

use super::atomic::write_atomic;
use super::csv_export::{CsvVariant, table_csv};
use super::{html_export, xlsx_export};
use crate::engine::Evaluation;
use crate::i18n::Tr;
use crate::model::Study;
use crate::report::tables::Table;

/// Why an export was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file or folder could not be written.
    #[error("{path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
        /// Files of the same export written before this one failed.
        written: Vec<PathBuf>,
    },
    /// The workbook could not be built.
    #[error("XLSX: {0}")]
    Xlsx(String),
}

impl ExportError {
    /// The same error, noting that `earlier` files of the same export were
    /// written before it (so no message claims that nothing was written).
    #[must_use]
    pub fn after(mut self, earlier: &[PathBuf]) -> ExportError {
        if let ExportError::Write { written, .. } = &mut self {
            let mut all = earlier.to_vec();
            all.append(written);
            *written = all;
        }
        self
    }
}

impl ExportError {
    /// The error in the user's language.
    #[must_use]
    pub fn message(&self, tr: &Tr) -> String {
        match self {
            ExportError::Write {
                path,
                source,
                written,
            } => {
                let mut text = tr.args(
                    "export-write-failed",
                    &[
                        ("path", path.display().to_string()),
                        ("message", super::system::describe(source, tr)),
                    ],
                );
                if !written.is_empty() {
                    const SHOWN: usize = 4;
                    let mut files: Vec<String> = written
                        .iter()
                        .take(SHOWN)
                        .map(|p| {
                            p.file_name()
                                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
                        })
                        .collect();
                    if written.len() > SHOWN {
                        files.push(tr.args("import-more", &[("count", (written.len() - SHOWN).to_string())]));
                    }
                    text.push(' ');
                    text.push_str(&tr.args("export-written-before", &[("files", files.join(", "))]));
                }
                text
            }
            ExportError::Xlsx(detail) => tr.args("export-xlsx-failed", &[("detail", detail.clone())]),
        }
    }
}

/// Writes `bytes` to `path` atomically.
///
/// # Errors
/// [`ExportError::Write`] when it cannot be written.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomic(path, bytes).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
        written: Vec::new(),
    })
}

/// Writes one CSV per table into `dir` (created if missing), named by the
/// table's id: `comparison.csv`, `by-category.csv`, …
///
/// # Errors
/// [`ExportError::Write`] for the folder or the first file that fails.
pub fn csv_dir(dir: &Path, tables: &[Table], variant: CsvVariant) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Write {
        path: dir.to_path_buf(),
        source,
        written: Vec::new(),
    })?;
    let mut written = Vec::with_capacity(tables.len());
    for table in tables {
        let path = dir.join(format!("{}.csv", table.id));
        write(&path, &table_csv(table, variant)).map_err(|e| e.after(&written))?;
        written.push(path);
    }
    Ok(written)
}

/// Writes the workbook.
///
/// # Errors
/// [`ExportError`] when it cannot be built or written.
pub fn xlsx(path: &Path, tables: &[Table], tr: &Tr) -> Result<(), ExportError> {
    let bytes = xlsx_export::workbook_bytes(tables, tr).map_err(ExportError::Xlsx)?;
    write(path, &bytes)
}

/// Writes the HTML briefing.
///
/// # Errors
/// [`ExportError::Write`] when it cannot be written.
pub fn html(
    path: &Path,
    study: &Study,
    evaluation: &Evaluation,
    tr: &Tr,
    year: i32,
    file_name: &str,
) -> Result<(), ExportError> {
    write(
        path,
        html_export::briefing(study, evaluation, tr, year, file_name).as_bytes(),
    )
}

/// Writes the HTML briefing from analyses already made.
///
/// # Errors
/// [`ExportError::Write`] when it cannot be written.
pub fn html_with(
    path: &Path,
    (study, evaluation): (&Study, &Evaluation),
    (tr, year, file_name): (&Tr, i32, &str),
    analyses: &crate::report::bundle::Analyses,
    length: html_export::Length,
) -> Result<(), ExportError> {
    write(
        path,
        html_export::briefing_with(study, evaluation, (tr, year, file_name), analyses, length).as_bytes(),
    )
}

/// Writes every draw of a simulation as CSV (`;`, decimal point, for
/// statistics tools): the draw, the seed, each uncertain input drawn, and
/// what each scenario costs its members together (as the comparison).
///
/// # Errors
/// [`ExportError::Write`] when it cannot be written.
pub fn samples(path: &Path, study: &Study, sim: &crate::uncertainty::Simulation) -> Result<(), ExportError> {
    use std::fmt::Write as _;
    let prepared = crate::engine::PreparedStudy::prepare(study).ok();
    let inputs: Vec<String> = prepared
        .as_ref()
        .map(|p| {
            crate::uncertainty::Sampler::new(study, p)
                .inputs()
                .iter()
                .map(crate::model::InputRef::key)
                .collect()
        })
        .unwrap_or_default();
    let mut text = String::from("draw;seed");
    for name in &inputs {
        let _ = write!(text, ";{}", super::csv_export::text_field(name));
    }
    for scenario in &study.scenarios {
        let _ = write!(text, ";{}", super::csv_export::text_field(scenario.id.as_str()));
    }
    text.push_str("\r\n");
    let k = inputs.len();
    for d in 0..sim.options.draws {
        let _ = write!(text, "{d};{}", sim.options.seed);
        for v in &sim.inputs[d * k..(d + 1) * k] {
            let _ = write!(text, ";{v}");
        }
        for s in 0..sim.scenarios {
            let _ = write!(text, ";{}", sim.participants_cost(d, s));
        }
        text.push_str("\r\n");
    }
    write(path, text.as_bytes())
}
