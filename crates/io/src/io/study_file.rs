//! The study file: RON, human-readable and hand-editable, versioned.
//!
//! Every file starts with `version: N` in its top-level struct. Loading
//! first reads only that number ([`Probe`]), then parses the file with the
//! types of that version: the current one ([`crate::model::Study`]) or a
//! frozen older one (see `v1.rs`) that is migrated step by step to the
//! current one. A file from a newer Samdrift is refused with a message
//! saying so. The plan is written down in `docs/FILE_FORMAT.md`.
//!
//! Errors say where (line and column) and what, in words a finance officer
//! understands: a decimal comma (`1,5`) or a grouped number (`400 000`) gets
//! its own message, an unknown field is named along with the ones expected.
//!
//! (Long: a third of it is the tests of every way a file can be broken.)
//!
//! Saving writes the whole file atomically ([`super::atomic`]).

use std::path::{Path, PathBuf};

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;
use serde::Deserialize;

use super::{v1, v2};
use crate::i18n::Tr;
use crate::model::{FORMAT_VERSION, Study};

pub use super::v2::MigrationChange;

/// The largest study file Samdrift reads, in bytes.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// How deeply RON values may nest (mixed keys inside mixed keys, …).
const RECURSION_LIMIT: usize = 64;

/// What went wrong in the text of a file, at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// A number written with a decimal comma, `1,5`.
    DecimalComma,
    /// A number written with spaces between digit groups, `400 000`.
    DigitGrouping,
    /// A field the format does not have.
    UnknownField {
        /// The field found.
        found: String,
        /// The fields allowed there.
        expected: Vec<String>,
    },
    /// A required field is missing.
    MissingField {
        /// The field.
        field: String,
    },
    /// A field given twice.
    DuplicateField {
        /// The field.
        field: String,
    },
    /// A choice the format does not have (e.g. a driver `Workstation`).
    UnknownVariant {
        /// The name found.
        found: String,
        /// The names allowed there.
        expected: Vec<String>,
    },
    /// The file ends before the study does.
    UnexpectedEnd,
    /// The file is empty (or only spaces).
    Empty,
    /// Expected a group in parentheses.
    ExpectedGroup,
    /// Expected a list in square brackets.
    ExpectedList,
    /// A comma is missing (or a text in quotes is not closed).
    ExpectedComma,
    /// Expected a number.
    ExpectedNumber,
    /// Expected text in double quotes.
    ExpectedText,
    /// A whole number out of range (e.g. a negative year count).
    NumberOutOfRange,
    /// Nested too deeply.
    TooDeep,
    /// Text after the end of the study.
    TrailingText,
    /// Anything else; RON's own (English) description.
    Other(String),
}

/// Why a study file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{path}: cannot read: {}", error.detail)]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's error, without paths.
        error: super::system::SystemError,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path}: too large ({bytes} bytes)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{path}:{line}: not UTF-8")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first byte that is not UTF-8.
        line: usize,
    },
    /// The text is not a valid study.
    #[error("{path}:{line}:{column}: {problem:?}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong.
        problem: SyntaxProblem,
    },
    /// The file has no `version` field.
    #[error("{path}: no version")]
    NoVersion {
        /// The file.
        path: PathBuf,
    },
    /// The file was written by a newer Samdrift.
    #[error("{path}: format version {found} is newer than {supported}")]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The file's version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A version number that never existed.
    #[error("{path}: unknown format version {found}")]
    UnknownVersion {
        /// The file.
        path: PathBuf,
        /// The file's version.
        found: u32,
    },
    /// Not a regular file (a folder, a pipe, a device).
    #[error("{path}: not a regular file")]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// A text longer than its limit (see [`crate::model::limits`]).
    #[error("{path}: a text is too long: {0:?}", .too_long)]
    TextTooLong {
        /// The file.
        path: PathBuf,
        /// Which text.
        too_long: crate::model::limits::TextTooLong,
    },
}

impl LoadError {
    /// The error in the translator's language, with file, line and column.
    #[must_use]
    pub fn message(&self, tr: &Tr) -> String {
        match self {
            LoadError::Io { path, error } => tr.args(
                "load-io",
                &[
                    ("path", path.display().to_string()),
                    ("message", error.message(tr)),
                ],
            ),
            LoadError::TooLarge { path, bytes } => tr.args(
                "load-too-large",
                &[
                    ("path", path.display().to_string()),
                    ("size", tr.num(mib(*bytes), 1)),
                    ("max", tr.num(mib(MAX_FILE_BYTES), 0)),
                ],
            ),
            LoadError::NotUtf8 { path, line } => tr.args(
                "load-not-utf8",
                &[("path", path.display().to_string()), ("line", line.to_string())],
            ),
            LoadError::Syntax {
                path,
                line,
                column,
                problem,
            } => {
                let what = syntax_message(problem, tr);
                tr.args(
                    "load-syntax",
                    &[
                        ("path", path.display().to_string()),
                        ("line", line.to_string()),
                        ("column", column.to_string()),
                        ("problem", what),
                    ],
                )
            }
            LoadError::NoVersion { path } => {
                tr.args("load-no-version", &[("path", path.display().to_string())])
            }
            LoadError::NewerVersion {
                path,
                found,
                supported,
            } => tr.args(
                "load-newer-version",
                &[
                    ("path", path.display().to_string()),
                    ("found", found.to_string()),
                    ("supported", supported.to_string()),
                ],
            ),
            LoadError::UnknownVersion { path, found } => tr.args(
                "load-unknown-version",
                &[("path", path.display().to_string()), ("found", found.to_string())],
            ),
            LoadError::NotAFile { path } => {
                tr.args("load-not-a-file", &[("path", path.display().to_string())])
            }
            LoadError::TextTooLong { path, too_long } => {
                let place = if too_long.id.is_empty() {
                    tr.get(&format!("text-place-{}", too_long.kind))
                } else {
                    format!(
                        "{} «{}»",
                        tr.get(&format!("text-place-{}", too_long.kind)),
                        crate::format::printable(&too_long.id)
                    )
                };
                tr.args(
                    "load-text-too-long",
                    &[
                        ("path", path.display().to_string()),
                        ("field", too_long.field.to_owned()),
                        ("place", place),
                        ("chars", tr.num(too_long.chars as f64, 0)),
                        ("max", tr.num(too_long.max as f64, 0)),
                    ],
                )
            }
        }
    }

    fn with_path(self, new_path: &Path) -> LoadError {
        let p = new_path.to_path_buf();
        match self {
            LoadError::Io { error, .. } => LoadError::Io { path: p, error },
            LoadError::TooLarge { bytes, .. } => LoadError::TooLarge { path: p, bytes },
            LoadError::NotUtf8 { line, .. } => LoadError::NotUtf8 { path: p, line },
            LoadError::Syntax {
                line,
                column,
                problem,
                ..
            } => LoadError::Syntax {
                path: p,
                line,
                column,
                problem,
            },
            LoadError::NoVersion { .. } => LoadError::NoVersion { path: p },
            LoadError::NewerVersion { found, supported, .. } => LoadError::NewerVersion {
                path: p,
                found,
                supported,
            },
            LoadError::UnknownVersion { found, .. } => LoadError::UnknownVersion { path: p, found },
            LoadError::NotAFile { .. } => LoadError::NotAFile { path: p },
            LoadError::TextTooLong { too_long, .. } => LoadError::TextTooLong { path: p, too_long },
        }
    }
}

#[allow(clippy::cast_precision_loss)]
fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn syntax_message(problem: &SyntaxProblem, tr: &Tr) -> String {
    let list = |items: &[String]| items.join(", ");
    match problem {
        SyntaxProblem::DecimalComma => tr.get("syntax-decimal-comma"),
        SyntaxProblem::DigitGrouping => tr.get("syntax-digit-grouping"),
        SyntaxProblem::UnknownField { found, expected } => tr.args(
            "syntax-unknown-field",
            &[("found", found.clone()), ("expected", list(expected))],
        ),
        SyntaxProblem::MissingField { field } => tr.args("syntax-missing-field", &[("field", field.clone())]),
        SyntaxProblem::DuplicateField { field } => {
            tr.args("syntax-duplicate-field", &[("field", field.clone())])
        }
        SyntaxProblem::UnknownVariant { found, expected } => tr.args(
            "syntax-unknown-variant",
            &[("found", found.clone()), ("expected", list(expected))],
        ),
        SyntaxProblem::UnexpectedEnd => tr.get("syntax-unexpected-end"),
        SyntaxProblem::Empty => tr.get("syntax-empty"),
        SyntaxProblem::ExpectedGroup => tr.get("syntax-expected-group"),
        SyntaxProblem::ExpectedList => tr.get("syntax-expected-list"),
        SyntaxProblem::ExpectedComma => tr.get("syntax-expected-comma"),
        SyntaxProblem::ExpectedNumber => tr.get("syntax-expected-number"),
        SyntaxProblem::ExpectedText => tr.get("syntax-expected-text"),
        SyntaxProblem::NumberOutOfRange => tr.get("syntax-number-out-of-range"),
        SyntaxProblem::TooDeep => tr.get("syntax-too-deep"),
        SyntaxProblem::TrailingText => tr.get("syntax-trailing-text"),
        SyntaxProblem::Other(text) => tr.args("syntax-other", &[("detail", text.clone())]),
    }
}

/// Why a study could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The study could not be written as RON (should not happen).
    #[error("cannot write the study as RON: {0}")]
    Serialize(String),
    /// Even written compactly, the study is larger than Samdrift reads.
    #[error("the study would be {bytes} bytes")]
    TooLarge {
        /// Its size, written as compactly as RON goes.
        bytes: u64,
    },
    /// The file could not be written; the old file is untouched.
    #[error("{path}: cannot write: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
}

impl SaveError {
    /// The error in the translator's language.
    #[must_use]
    pub fn message(&self, tr: &Tr) -> String {
        match self {
            SaveError::Serialize(detail) => tr.args("save-serialize", &[("detail", detail.clone())]),
            SaveError::TooLarge { bytes } => tr.args(
                "save-too-large",
                &[
                    ("size", tr.num(mib(*bytes), 1)),
                    ("max", tr.num(mib(MAX_FILE_BYTES), 0)),
                ],
            ),
            SaveError::Io { path, source } => tr.args(
                "save-io",
                &[
                    ("path", path.display().to_string()),
                    ("message", super::system::describe(source, tr)),
                ],
            ),
        }
    }
}

/// Only the version of a study file.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    version: Option<u32>,
}

fn options() -> ron::Options {
    // `implicit_some` also without the file's `#![enable(...)]` line, so a
    // hand-written `date: "2007"` works as well as `date: Some("2007")`.
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses a study from RON text. `path` is only used in error messages.
///
/// # Errors
/// [`LoadError`] with the place and kind of the problem.
pub fn load_str(text: &str, path: &Path) -> Result<Study, LoadError> {
    load_str_migrating(text, path).map(|(study, _)| study)
}

/// Parses a study from RON text, and says what migrating an older format
/// changed in meaning (empty for the current format).
///
/// # Errors
/// As [`load_str`].
pub fn load_str_migrating(text: &str, path: &Path) -> Result<(Study, Vec<MigrationChange>), LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Syntax {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            problem: SyntaxProblem::Empty,
        });
    }
    let probe: Probe = options()
        .from_str(text)
        .map_err(|e| syntax_error(&e, text, path))?;
    let version = probe.version.ok_or_else(|| LoadError::NoVersion {
        path: path.to_path_buf(),
    })?;
    let mut changes = Vec::new();
    let mut study = match version {
        FORMAT_VERSION => options()
            .from_str::<Study>(text)
            .map_err(|e| syntax_error(&e, text, path))?,
        1 => {
            let old: v1::StudyV1 = options()
                .from_str(text)
                .map_err(|e| syntax_error(&e, text, path))?;
            v1::migrate(old)
        }
        2 => {
            let old: v2::StudyV2 = options()
                .from_str(text)
                .map_err(|e| syntax_error(&e, text, path))?;
            let (study, changed) = v2::migrate(old);
            changes = changed;
            study
        }
        v if v > FORMAT_VERSION => {
            return Err(LoadError::NewerVersion {
                path: path.to_path_buf(),
                found: v,
                supported: FORMAT_VERSION,
            });
        }
        v => {
            return Err(LoadError::UnknownVersion {
                path: path.to_path_buf(),
                found: v,
            });
        }
    };
    // Lines of files written before line ids existed (or edited by hand)
    // get their ids now; see `docs/FILE_FORMAT.md`.
    study.assign_line_ids();
    study.assign_colours();
    if let Some(too_long) = crate::model::limits::first_text_too_long(&study) {
        return Err(LoadError::TextTooLong {
            path: path.to_path_buf(),
            too_long,
        });
    }
    Ok((study, changes))
}

/// Reads and parses a study file.
///
/// # Errors
/// [`LoadError`]: unreadable, too large, not UTF-8, or not a valid study.
pub fn load_path(path: &Path) -> Result<Study, LoadError> {
    load_path_migrating(path).map(|(study, _)| study)
}

/// Reads and parses a study file, and says what migrating an older format
/// changed in meaning.
///
/// # Errors
/// As [`load_path`].
pub fn load_path_migrating(path: &Path) -> Result<(Study, Vec<MigrationChange>), LoadError> {
    let io_error = |e: std::io::Error| LoadError::Io {
        path: path.to_path_buf(),
        error: super::system::SystemError::new(&e),
    };
    let bytes = read_bounded(path, MAX_FILE_BYTES).map_err(|e| match e {
        BoundedReadError::Io(e) => io_error(e),
        BoundedReadError::NotAFile => LoadError::NotAFile {
            path: path.to_path_buf(),
        },
        BoundedReadError::TooLarge(bytes) => LoadError::TooLarge {
            path: path.to_path_buf(),
            bytes,
        },
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let line = bytecount(&e.as_bytes()[..valid], b'\n') + 1;
            return Err(LoadError::NotUtf8 {
                path: path.to_path_buf(),
                line,
            });
        }
    };
    load_str_migrating(&text, path).map_err(|e| e.with_path(path))
}

impl MigrationChange {
    /// What changed, in the user's language, for the one message shown
    /// when an older file opens.
    #[must_use]
    pub fn message(&self, tr: &crate::i18n::Tr) -> String {
        match self {
            MigrationChange::FleetMovedToToday { scenario, fleet } => tr.args(
                "load-migrated-fleet",
                &[("scenario", scenario.clone()), ("fleet", fleet.clone())],
            ),
            MigrationChange::TodaysCostsCopied { scenario } => {
                tr.args("load-migrated-todays-costs", &[("scenario", scenario.clone())])
            }
        }
    }
}

/// What loading a file noticed besides the study.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoadNotes {
    /// The file has comments (`//` or `/* */`), so it was edited by hand:
    /// saving rewrites it without them.
    pub has_comments: bool,
    /// What migrating an older format changed in meaning.
    pub migrated: Vec<MigrationChange>,
}

/// Reads and parses a study file, and says what else it noticed.
///
/// # Errors
/// As [`load_path`].
pub fn load_path_noting(path: &Path) -> Result<(Study, LoadNotes), LoadError> {
    let (study, migrated) = load_path_migrating(path)?;
    // The file was just read whole within the limit; reading it again for
    // the notes costs little and keeps `load_path` simple.
    let has_comments = read_bounded(path, MAX_FILE_BYTES)
        .ok()
        .is_some_and(|bytes| has_comments(&String::from_utf8_lossy(&bytes)));
    Ok((
        study,
        LoadNotes {
            has_comments,
            migrated,
        },
    ))
}

/// True when RON text has a comment outside its strings.
#[must_use]
pub fn has_comments(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '/' && matches!(chars.peek(), Some('/' | '*')) {
            return true;
        }
    }
    false
}

/// Why [`read_bounded`] read nothing.
#[derive(Debug)]
pub enum BoundedReadError {
    /// The system's error.
    Io(std::io::Error),
    /// Not a regular file: a folder, a pipe (which could block forever) or
    /// a device (which could never end).
    NotAFile,
    /// Longer than the limit (at least this many bytes).
    TooLarge(u64),
}

/// Reads a regular file (links followed) of at most `max` bytes. Stops
/// reading past the limit whatever the metadata says, so a file that grows
/// or lies about its size cannot fill the memory.
///
/// # Errors
/// [`BoundedReadError`].
pub fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, BoundedReadError> {
    use std::io::Read;
    let metadata = std::fs::metadata(path).map_err(BoundedReadError::Io)?;
    if !metadata.is_file() {
        return Err(BoundedReadError::NotAFile);
    }
    if metadata.len() > max {
        return Err(BoundedReadError::TooLarge(metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(BoundedReadError::Io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(BoundedReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(BoundedReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

fn bytecount(bytes: &[u8], needle: u8) -> usize {
    bytes.iter().fold(0, |n, &b| n + usize::from(b == needle))
}

/// The study as RON text, in the current format, readable by people:
/// fully indented, or — when that would be larger than Samdrift reads
/// ([`MAX_FILE_BYTES`]) — with each member, line and key on one line, or
/// finally as compact as RON goes. Whatever Samdrift writes, it can open.
///
/// # Errors
/// [`SaveError::Serialize`] if RON cannot represent a value;
/// [`SaveError::TooLarge`] when even the compact text is over the limit.
pub fn to_ron_string(study: &Study) -> Result<String, SaveError> {
    let mut copy_version = study.clone();
    copy_version.version = FORMAT_VERSION;
    let mut smallest = 0;
    for depth in [None, Some(3), Some(1)] {
        let mut config = ron::ser::PrettyConfig::new()
            .indentor("    ")
            .struct_names(false)
            .extensions(Extensions::IMPLICIT_SOME);
        if let Some(depth) = depth {
            config = config.depth_limit(depth);
        }
        let mut text = ron::ser::to_string_pretty(&copy_version, config)
            .map_err(|e| SaveError::Serialize(e.to_string()))?;
        text.push('\n');
        if text.len() as u64 <= MAX_FILE_BYTES {
            return Ok(text);
        }
        smallest = text.len() as u64;
    }
    Err(SaveError::TooLarge { bytes: smallest })
}

/// Saves the study atomically to `path`, in the current format, keeping the
/// previous version as `name.ron.bak`.
///
/// # Errors
/// [`SaveError`]; the file on disk is then unchanged.
pub fn save_path(study: &Study, path: &Path) -> Result<(), SaveError> {
    // (A link is written through: see `atomic::write_atomic_with`.)
    let text = to_ron_string(study)?;
    super::atomic::write_atomic_with(&mut super::atomic::RealFs, path, text.as_bytes(), true).map_err(
        |source| SaveError::Io {
            path: path.to_path_buf(),
            source,
        },
    )
}

fn syntax_error(error: &SpannedError, text: &str, path: &Path) -> LoadError {
    let mut line = error.span.start.line.max(1);
    let mut column = error.span.start.col.max(1);
    let problem = match &error.code {
        RonError::NoSuchStructField { expected, found, .. } => SyntaxProblem::UnknownField {
            found: found.clone(),
            expected: expected.iter().map(|s| (*s).to_owned()).collect(),
        },
        RonError::MissingStructField { field, .. } => SyntaxProblem::MissingField {
            field: (*field).to_owned(),
        },
        RonError::DuplicateStructField { field, .. } => SyntaxProblem::DuplicateField {
            field: (*field).to_owned(),
        },
        RonError::NoSuchEnumVariant { expected, found, .. } => SyntaxProblem::UnknownVariant {
            found: found.clone(),
            expected: expected.iter().map(|s| (*s).to_owned()).collect(),
        },
        RonError::Eof => SyntaxProblem::UnexpectedEnd,
        RonError::ExceededRecursionLimit => SyntaxProblem::TooDeep,
        RonError::TrailingCharacters => SyntaxProblem::TrailingText,
        RonError::IntegerOutOfBounds => SyntaxProblem::NumberOutOfRange,
        code => {
            // Look at the text where the parser stopped: a decimal comma or a
            // space between digit groups gives its own message.
            let at = error.span.end;
            match number_typo(text, at.line, at.col).or_else(|| number_typo(text, line, column)) {
                Some((problem, l, c)) => {
                    line = l;
                    column = c;
                    problem
                }
                None => match code {
                    RonError::ExpectedFloat | RonError::ExpectedInteger => SyntaxProblem::ExpectedNumber,
                    RonError::ExpectedString | RonError::ExpectedStringEnd => SyntaxProblem::ExpectedText,
                    RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => {
                        SyntaxProblem::ExpectedGroup
                    }
                    RonError::ExpectedArray => SyntaxProblem::ExpectedList,
                    RonError::ExpectedComma => SyntaxProblem::ExpectedComma,
                    RonError::InvalidValueForType { expected, .. }
                        if expected.contains("integer")
                            || expected.contains("f64")
                            || expected.contains("u32")
                            || expected.contains("i32") =>
                    {
                        SyntaxProblem::ExpectedNumber
                    }
                    other => SyntaxProblem::Other(other.to_string()),
                },
            }
        }
    };
    LoadError::Syntax {
        path: path.to_path_buf(),
        line,
        column,
        problem,
    }
}

/// Finds `1,5` or `400 000` just before `line:col` (1-based). Returns the
/// problem and the place of the comma or space.
fn number_typo(text: &str, line: usize, col: usize) -> Option<(SyntaxProblem, usize, usize)> {
    let row: Vec<char> = text.lines().nth(line.checked_sub(1)?)?.chars().collect();
    // Check a few columns around the error position.
    let last = (col + 1).min(row.len());
    for i in (1..last).rev().take(4) {
        let (before, sep) = (row[i - 1], row[i]);
        let after = row.get(i + 1).copied();
        if !before.is_ascii_digit() || !after.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        // The digits must be a value, not part of an identifier: the token
        // before them starts after `:`, `(` or whitespace.
        let start = row[..i]
            .iter()
            .rposition(|c| !c.is_ascii_digit() && *c != '.')
            .map_or(0, |p| p + 1);
        let prev = row[..start].iter().rev().find(|c| !c.is_whitespace());
        if !matches!(prev, Some(':' | '(' | '[' | ',' | '-') | None) {
            continue;
        }
        match sep {
            ',' => return Some((SyntaxProblem::DecimalComma, line, i + 1)),
            ' ' | '\u{a0}' | '\u{202f}' => return Some((SyntaxProblem::DigitGrouping, line, i + 1)),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::examples::small_study;

    fn err(text: &str) -> LoadError {
        load_str(text, Path::new("t.ron")).expect_err("should fail")
    }

    fn study_text_with(replace: &str, with: &str) -> String {
        let text = to_ron_string(&small_study()).unwrap();
        assert!(text.contains(replace), "{replace} not in {text}");
        text.replacen(replace, with, 1)
    }

    #[test]
    fn round_trips_the_small_study() {
        let study = small_study();
        let text = to_ron_string(&study).unwrap();
        assert!(text.starts_with("#![enable(implicit_some)]"), "{text}");
        assert_eq!(load_str(&text, Path::new("x.ron")).unwrap(), study);
    }

    #[test]
    fn terms_of_leaving_round_trip_and_stay_out_of_files_without_them() {
        let mut study = small_study();
        assert!(!to_ron_string(&study).unwrap().contains("terms"));
        study.scenarios[1].terms = Some(crate::model::Terms {
            notice_years: 2,
            assets_nok: 500_000.0,
            exit_fee_nok: 25_000.0,
            ..Default::default()
        });
        let text = to_ron_string(&study).unwrap();
        assert!(text.contains("notice_years: 2"), "{text}");
        assert_eq!(load_str(&text, Path::new("x.ron")).unwrap(), study);
        // Written by hand with only the notice: the lifetime is 5 years.
        let text = text.replace("asset_lifetime_years: 5,", "");
        let loaded = load_str(&text, Path::new("x.ron")).unwrap();
        assert_eq!(
            loaded.scenarios[1].terms.as_ref().unwrap().asset_lifetime_years,
            5
        );
    }

    #[test]
    fn decimal_comma_gets_its_own_message() {
        let text = study_text_with("amount_nok: 300000.0", "amount_nok: 300000,5");
        let error = err(&text);
        let LoadError::Syntax { problem, line, .. } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(problem, &SyntaxProblem::DecimalComma);
        let expected_line = text.lines().position(|l| l.contains("300000,5")).unwrap() + 1;
        assert_eq!(*line, expected_line);
        let message = error.message(&Tr::new(Lang::En));
        assert!(message.contains("decimal point"), "{message}");
        assert!(message.contains(&format!("t.ron:{expected_line}:")), "{message}");
    }

    #[test]
    fn grouped_digits_get_their_own_message() {
        let text = study_text_with("amount_nok: 300000.0", "amount_nok: 300 000");
        let LoadError::Syntax { problem, .. } = err(&text) else {
            panic!()
        };
        assert_eq!(problem, SyntaxProblem::DigitGrouping);
    }

    #[test]
    fn unknown_field_is_named() {
        let text = study_text_with("amount_nok:", "amount_nokk:");
        let error = err(&text);
        let LoadError::Syntax {
            problem: SyntaxProblem::UnknownField { found, expected },
            ..
        } = &error
        else {
            panic!("{error:?}")
        };
        assert_eq!(found, "amount_nokk");
        assert!(expected.contains(&"amount_nok".to_owned()));
        let message = error.message(&Tr::new(Lang::Nb));
        assert!(
            message.contains("amount_nokk") && message.contains("amount_nok,"),
            "{message}"
        );
    }

    #[test]
    fn versions_are_checked() {
        let newer = study_text_with(&format!("version: {FORMAT_VERSION}"), "version: 99");
        assert!(matches!(err(&newer), LoadError::NewerVersion { found: 99, .. }));
        assert!(matches!(err("(title: \"x\")"), LoadError::NoVersion { .. }));
        assert!(matches!(
            err("(version: 0)"),
            LoadError::UnknownVersion { found: 0, .. }
        ));
    }

    #[test]
    fn truncated_and_garbage_files_fail_cleanly() {
        let text = to_ron_string(&small_study()).unwrap();
        for cut in [1, text.len() / 3, text.len() / 2, text.len() - 3] {
            let _ = err(&text[..cut]);
        }
        let _ = err("");
        let _ = err("\u{0}\u{1}binary");
        let deep = format!(
            "(version: 2, title: {}1{})",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert!(matches!(err(&deep), LoadError::Syntax { .. }));
    }

    #[test]
    fn latin1_file_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.ron");
        std::fs::write(
            &path,
            b"(\nversion: 2,\ntitle: \"Ibestad kommune \xe6\xf8\xe5\",\n)",
        )
        .unwrap();
        let error = load_path(&path).unwrap_err();
        assert_eq!(
            error,
            LoadError::NotUtf8 {
                path: path.clone(),
                line: 3
            }
        );
        assert!(error.message(&Tr::new(Lang::En)).contains("UTF-8"));
    }

    #[test]
    fn save_writes_a_loadable_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        save_path(&small_study(), &path).unwrap();
        assert_eq!(load_path(&path).unwrap(), small_study());
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::cast_possible_truncation)]
mod size_tests {
    use super::*;

    /// A study of `lines` lines per scenario with long labels, to reach
    /// the size limit.
    fn big(lines: usize, label_chars: usize) -> Study {
        let mut study = crate::model::examples::synthetic(20, lines, 4, 5);
        for scenario in &mut study.scenarios {
            for line in &mut scenario.lines {
                line.label = format!("{} {}", line.label, "x".repeat(label_chars));
                line.source = crate::model::Source::Cited {
                    text: "y".repeat(label_chars),
                    date: Some("2026-11-23".into()),
                };
            }
        }
        study
    }

    #[test]
    fn what_samdrift_writes_it_can_open_again() {
        // Pretty-printed this study is over the limit; written with each
        // line on one line it fits, and it loads back unchanged.
        let study = big(10_000, 100);
        let text = to_ron_string(&study).unwrap();
        assert!(text.len() as u64 <= MAX_FILE_BYTES, "{}", text.len());
        let pretty =
            ron::ser::to_string_pretty(&study, ron::ser::PrettyConfig::new().indentor("    ")).unwrap();
        assert!(
            pretty.len() as u64 > MAX_FILE_BYTES,
            "the test needs a study too big to pretty-print"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        save_path(&study, &path).unwrap();
        assert_eq!(load_path(&path).unwrap(), study);
    }

    #[test]
    fn a_study_too_large_to_open_again_is_not_written() {
        let mut study2 = big(10_000, 195);
        // Five scenarios of 10 000 lines with long labels: over 16 MiB even compact.
        for _ in 0..3 {
            let mut copy = study2.scenarios[1].clone();
            copy.id = crate::model::ScenarioId::new(format!("{}-{}", copy.id, study2.scenarios.len()));
            study2.scenarios.push(copy);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.ron");
        std::fs::write(&path, b"the old file").unwrap();
        let error = save_path(&study2, &path).unwrap_err();
        assert!(matches!(error, SaveError::TooLarge { .. }), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), b"the old file");
        let tr = Tr::new(crate::i18n::Lang::En);
        assert!(error.message(&tr).contains("16 MB"), "{}", error.message(&tr));
    }
}

#[cfg(test)]
mod comment_tests {
    use super::has_comments;

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_comments("(version: 2) // a note"));
        assert!(has_comments("(/* block */ version: 2)"));
        assert!(!has_comments(
            r#"(title: "http://example.org", note: "a \" // quoted")"#
        ));
        assert!(!has_comments("(version: 2)"));
    }
}
