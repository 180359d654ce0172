//! The desktop app (eframe/egui).
//!
//! State is three things, never mixed:
//! - the **document** ([`Document`]): the study, its file and undo history;
//!   saved only to the user's file;
//! - the **preferences** ([`Preferences`]): language, unit, recent files,
//!   the last study; in eframe's storage under [`APP_ID`];
//! - **transient UI state** ([`UiState`]): the open view, selections,
//!   dialogs, messages; never saved.
//!
//! Views get the study and the current result read-only and push
//! [`Command`]s; [`SamdriftApp::run_commands`] applies them after drawing,
//! then the study is evaluated again, so every figure follows every edit.

mod assumptions;
mod baseline;
mod charts;
mod comparison;
mod criteria;
mod document;
mod fairness;
mod import;
mod job;
mod keys;
mod members;
mod range;
mod scenarios;
mod staffing;
mod uncertainty;
mod validation;
mod widgets;
mod workstations;
mod years;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers, RichText};
use serde::{Deserialize, Serialize};

pub use document::{Document, Edit};

use crate::engine::{self, EngineError, Evaluation};
use crate::i18n::{Lang, Tr};
use crate::io;
use crate::model::{Place, Report, Study};

/// The app's id for eframe's storage (preferences).
pub const APP_ID: &str = "samdrift";
const PREFS_KEY: &str = "samdrift-preferences";
const MAX_RECENT: usize = 8;

/// What the user chose that outlives a session.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Language of the interface, when the user chose one in the menu
    /// ([`Preferences::lang_chosen`]); otherwise the last one used.
    pub lang: Lang,
    /// Whether the user chose the language in the menu. Until then the app
    /// follows the system's language (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub lang_chosen: bool,
    /// Show money in thousands of kroner.
    pub thousands: bool,
    /// Recently opened or saved studies, newest first.
    pub recent: Vec<PathBuf>,
    /// The study open when the app was last closed.
    pub last_study: Option<PathBuf>,
}

/// The views of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Scenarios side by side, with charts.
    Comparison,
    /// Over the years: cumulative cost, present value, payback.
    Years,
    /// Municipalities and their attributes.
    Members,
    /// IT positions and how they are spent.
    Staffing,
    /// Today's costs by category and municipality.
    Baseline,
    /// Scenarios and their cost lines.
    Scenarios,
    /// Allocation keys.
    Keys,
    /// Years, growth, discount rate.
    Assumptions,
    /// Is the split fair? Stand-alone test, Shapley value, nucleolus.
    Fairness,
    /// How sure are we? Monte Carlo, tornado, break-even.
    Uncertainty,
    /// Beyond kroner: criteria, requirements, profiles.
    Criteria,
    /// Seat types and fleets: PCs, thin clients, terminal servers.
    Workstations,
}

impl View {
    /// Every view, in the order of the side panel.
    pub const ALL: [View; 12] = [
        View::Comparison,
        View::Years,
        View::Uncertainty,
        View::Fairness,
        View::Criteria,
        View::Members,
        View::Staffing,
        View::Baseline,
        View::Scenarios,
        View::Workstations,
        View::Keys,
        View::Assumptions,
    ];

    /// The message id of the view's name.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            View::Comparison => "view-comparison",
            View::Years => "view-years",
            View::Members => "view-members",
            View::Staffing => "view-staffing",
            View::Baseline => "view-baseline",
            View::Scenarios => "view-scenarios",
            View::Keys => "view-keys",
            View::Assumptions => "view-assumptions",
            View::Workstations => "view-workstations",
            View::Fairness => "view-fairness",
            View::Uncertainty => "view-uncertainty",
            View::Criteria => "view-criteria",
        }
    }
}

/// Something that would throw away unsaved changes, waiting for the user.
#[derive(Debug, Clone, PartialEq)]
enum Discarding {
    New,
    Open(PathBuf),
    OpenDialog,
    OpenReference,
    Quit,
}

/// What the in-app path field is for.
#[derive(Debug, Clone, PartialEq)]
enum PathPurpose {
    Open,
    SaveAs { then: Option<Discarding> },
    Export(ExportKind),
    Import,
}

/// The kinds of export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// One CSV per table in a folder, `;` and decimal comma.
    Csv,
    /// One CSV per table in a folder, `,` and decimal point.
    CsvInternational,
    /// An XLSX workbook.
    Xlsx,
    /// The HTML briefing.
    Html,
}

impl ExportKind {
    fn extension(self) -> Option<&'static str> {
        match self {
            ExportKind::Csv | ExportKind::CsvInternational => None,
            ExportKind::Xlsx => Some("xlsx"),
            ExportKind::Html => Some("html"),
        }
    }
}

/// The in-app path field, used when no native file dialog is available.
#[derive(Debug, Clone, PartialEq)]
struct PathDialog {
    purpose: PathPurpose,
    text: String,
    /// Focus was given to the field when the dialog opened.
    focused: bool,
}

/// The folder a typed path points into (the working folder for a bare
/// name), made absolute for display.
fn folder_of(text: &str) -> PathBuf {
    let path = Path::new(text.trim());
    let folder = if text.trim().is_empty() || text.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let folder = if folder.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        folder
    };
    std::path::absolute(&folder).unwrap_or(folder)
}

/// Up to 50 entries of `folder` worth picking: sub-folders, and files with
/// one of `extensions` (any file when empty), sorted by name.
fn folder_entries(folder: &Path, extensions: &[&str]) -> Vec<(String, bool)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut out: Vec<(String, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let is_dir = e.file_type().ok()?.is_dir();
            let wanted = is_dir
                || extensions.is_empty()
                || Path::new(&name)
                    .extension()
                    .is_some_and(|x| extensions.iter().any(|w| x.eq_ignore_ascii_case(w)));
            (wanted && !name.starts_with('.')).then_some((name, is_dir))
        })
        .collect();
    out.sort();
    out.truncate(50);
    out
}

/// State of the interface that is never saved.
#[derive(Debug, Clone)]
pub struct UiState {
    /// The view shown.
    pub view: View,
    /// Selected scenario (Scenarios view).
    pub scenario: usize,
    /// Selected member (Members and Staffing views, per-municipality chart).
    pub member: usize,
    /// Selected key (Keys view).
    pub key: usize,
    /// A line to scroll to and highlight (Scenarios view).
    pub highlight_line: Option<usize>,
    /// The highlighted line is still to be scrolled into view (once, so
    /// the user can scroll away from it).
    pub scroll_to_line: bool,
    /// The year shown in the comparison (default: the study's display year).
    pub year: Option<i32>,
    /// Which chart the comparison shows.
    pub chart: charts::ChartKind,
    /// Which figure the comparison shows.
    pub metric: comparison::MetricChoice,
    /// The member the years view shows (`None`: all participants).
    pub years_member: Option<usize>,
    /// Member whose removal waits for confirmation.
    pub confirm_remove_member: Option<usize>,
    /// The fair-split view: its scenario and its background computation.
    pub fairness: fairness::FairnessState,
    /// The uncertainty view: its choices and its background simulation.
    pub uncertainty: uncertainty::UncertaintyState,
    path_dialog: Option<PathDialog>,
    discarding: Option<Discarding>,
    /// The study's file changed on disk since it was opened: asking before
    /// overwriting it.
    conflict: Option<PathBuf>,
    /// The figure being explained, and its explanation once made (made
    /// again after every change to the study or the language).
    pub explain: Option<(
        crate::report::explain::ExplainTarget,
        Option<crate::report::explain::Explanation>,
    )>,
    import: Option<import::ImportState>,
    message: Option<(String, bool)>,
    allow_close: bool,
}

impl Default for UiState {
    fn default() -> Self {
        UiState {
            view: View::Comparison,
            scenario: 0,
            member: 0,
            key: 0,
            highlight_line: None,
            scroll_to_line: false,
            year: None,
            chart: charts::ChartKind::ByMember,
            metric: comparison::MetricChoice::Annual,
            years_member: None,
            confirm_remove_member: None,
            fairness: fairness::FairnessState::default(),
            uncertainty: uncertainty::UncertaintyState::default(),
            path_dialog: None,
            discarding: None,
            conflict: None,
            explain: None,
            import: None,
            message: None,
            allow_close: false,
        }
    }
}

/// Everything the user can ask for. Views push these; they run after the
/// frame is drawn.
// A few commands per frame at most: boxing the large `Edit` buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Change the study. `merge` names the widget so a drag is one step.
    Edit(Edit, Option<egui::Id>),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// A new, empty study.
    New,
    /// Open a study file.
    Open(PathBuf),
    /// Open through the file dialog (or the path field).
    OpenDialog,
    /// Open the built-in reference study.
    OpenReference,
    /// Save to the study's file (or ask where).
    Save,
    /// Save to a new file (dialog or path field).
    SaveAs,
    /// Save to this file.
    SaveTo(PathBuf),
    /// Save to this file although somebody else has written it since.
    SaveOverwriting(PathBuf),
    /// Export through a dialog (or the path field).
    Export(ExportKind),
    /// Export to this file (or folder, for CSV).
    ExportTo(ExportKind, PathBuf),
    /// Import today's costs from a CSV (dialog or path field).
    ImportDialog,
    /// Preview importing today's costs from this CSV.
    Import(PathBuf),
    /// Copy the table with this id (see `io::tables`) to the clipboard.
    CopyTable(&'static str),
    /// Switch the interface language.
    SetLang(Lang),
    /// Show money in thousands (or kroner).
    SetThousands(bool),
    /// Show a view.
    Show(View),
    /// Go to the place of a validation issue.
    GoTo(Place),
    /// Close the window (asks first if there are unsaved changes).
    Quit,
    /// Explain a figure: a member's (or all participants') cost in a
    /// scenario under a metric.
    Explain(crate::report::explain::ExplainTarget),
}

/// The app.
pub struct SamdriftApp {
    /// The open document.
    pub doc: Document,
    /// The preferences.
    pub prefs: Preferences,
    /// Transient UI state.
    pub ui_state: UiState,
    tr: Tr,
    /// The last result of a study without errors (kept on screen while the
    /// study has errors).
    evaluation: Option<Evaluation>,
    /// The current validation report.
    report: Report,
    /// True when `evaluation` is from an earlier version of the study.
    stale: bool,
    commands: Vec<Command>,
    fonts_installed: bool,
    shown_title: String,
    recovery: Option<RecoveryState>,
}

/// Seconds between recovery copies while there are unsaved changes.
const RECOVERY_EVERY_SECONDS: f64 = 60.0;
/// Seconds after a failed recovery copy before the next attempt.
const RECOVERY_RETRY_SECONDS: f64 = 15.0;
/// Seconds without an edit after which the recovery copy is written.
const RECOVERY_IDLE_SECONDS: f64 = 5.0;

/// This instance's recovery copy and what it has written.
struct RecoveryState {
    copy: io::recovery::Recovery,
    /// The document revision last written, and when.
    written: Option<(u64, f64)>,
    /// When the document last changed (app time, seconds).
    changed_at: f64,
    seen_revision: u64,
    /// After a failed write, no new attempt before this time.
    retry_after: f64,
    /// Copies from instances that are gone, offered one after the other.
    offers: Vec<io::recovery::Orphan>,
    /// A copy being written on another thread: the revision it holds.
    in_flight: Option<(u64, std::thread::JoinHandle<std::io::Result<()>>)>,
    /// Why the last copy could not be written (shown until one can).
    failing: Option<String>,
}

/// egui's bundled proportional font lacks ▼ ▲ ▸ ●; its bundled monospace
/// font has them, so it is added as a fallback. Every machine then draws the
/// same symbols, with or without system fonts.
fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    if fonts.font_data.contains_key("Hack")
        && let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional)
    {
        family.insert(1.min(family.len()), "Hack".to_owned());
    }
    ctx.set_fonts(fonts);
}

impl SamdriftApp {
    /// An app showing `study` (from `path`, if any) with `prefs`.
    #[must_use]
    pub fn new(study: Study, path: Option<PathBuf>, prefs: Preferences) -> SamdriftApp {
        let mut app = SamdriftApp {
            doc: Document::new(study, path),
            tr: Tr::new(prefs.lang),
            prefs,
            ui_state: UiState::default(),
            evaluation: None,
            report: Report::default(),
            stale: false,
            commands: Vec::new(),
            fonts_installed: false,
            shown_title: String::new(),
            recovery: None,
        };
        app.refresh();
        app
    }

    /// The app on the built-in reference study.
    #[must_use]
    pub fn with_reference(prefs: Preferences) -> SamdriftApp {
        SamdriftApp::new(reference_study(), None, prefs)
    }

    /// Keeps recovery copies in `dir` while there are unsaved changes, and
    /// offers the newest copy left by an instance that is gone.
    pub fn enable_recovery(&mut self, dir: &Path) {
        let offers = io::recovery::Recovery::orphans(dir);
        match io::recovery::Recovery::start(dir) {
            Ok(copy) => {
                self.recovery = Some(RecoveryState {
                    copy,
                    written: None,
                    changed_at: 0.0,
                    seen_revision: 0,
                    retry_after: 0.0,
                    offers,
                    in_flight: None,
                    failing: None,
                });
            }
            Err(e) => self.message(
                self.tr.args(
                    "recovery-unavailable",
                    &[("detail", io::system::describe(&e, &self.tr))],
                ),
                true,
            ),
        }
    }

    /// Writes the recovery copy when due: while there are unsaved changes,
    /// after a few idle seconds or at least every minute; removes it when
    /// the study is saved again. The copy is serialised and written on
    /// another thread; a failure is shown until a copy can be written.
    fn recovery_tick(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let Some(state) = &mut self.recovery else { return };
        if let Some((revision, handle)) = state.in_flight.take_if(|(_, h)| h.is_finished()) {
            match handle.join() {
                Ok(Ok(())) => {
                    state.written = Some((revision, now));
                    state.failing = None;
                }
                Ok(Err(e)) => {
                    state.failing = Some(io::system::describe(&e, &self.tr));
                    state.retry_after = now + RECOVERY_RETRY_SECONDS;
                }
                Err(_) => {
                    state.failing = Some("the writer stopped".to_owned());
                    state.retry_after = now + RECOVERY_RETRY_SECONDS;
                }
            }
        }
        if state.in_flight.is_some() {
            ctx.request_repaint_after(Duration::from_millis(200));
            return;
        }
        let revision = self.doc.revision();
        if revision != state.seen_revision {
            state.seen_revision = revision;
            state.changed_at = now;
        }
        if !self.doc.is_dirty() {
            if state.written.is_some() {
                state.copy.clear();
                state.written = None;
            }
            return;
        }
        let unwritten = state.written.is_none_or(|(r, _)| r != revision);
        let idle = now - state.changed_at >= RECOVERY_IDLE_SECONDS;
        let due = state
            .written
            .is_none_or(|(_, at)| now - at >= RECOVERY_EVERY_SECONDS);
        if unwritten && (idle || due) && now >= state.retry_after {
            let writer = state.copy.writer();
            let study = self.doc.study.clone();
            let path = self.doc.path.clone();
            let stamp = self.doc.disk;
            let handle = std::thread::spawn(move || writer.write(&study, path.as_deref(), stamp));
            state.in_flight = Some((revision, handle));
            ctx.request_repaint_after(Duration::from_millis(200));
        } else if unwritten {
            ctx.request_repaint_after(Duration::from_secs_f64(RECOVERY_IDLE_SECONDS));
        }
    }

    /// Why recovery copies cannot be written now, if they cannot.
    #[must_use]
    pub fn recovery_failing(&self) -> Option<&str> {
        self.recovery.as_ref()?.failing.as_deref()
    }

    /// Waits for a recovery copy being written (tests, and closing).
    pub fn finish_recovery_write(&mut self) {
        if let Some(state) = &mut self.recovery
            && let Some((revision, handle)) = state.in_flight.take()
        {
            match handle.join() {
                Ok(Ok(())) => {
                    state.written = Some((revision, 0.0));
                    state.failing = None;
                }
                Ok(Err(e)) => state.failing = Some(io::system::describe(&e, &self.tr)),
                Err(_) => state.failing = Some("the writer stopped".to_owned()),
            }
        }
    }

    /// Ends recovery on a normal close: the copy is removed.
    pub fn close_recovery(&mut self) {
        // A copy still being written must not appear after the close.
        self.finish_recovery_write();
        if let Some(state) = self.recovery.take() {
            state.copy.close();
        }
    }

    fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        let Some(offer) = self.recovery.as_ref().and_then(|r| r.offers.first().cloned()) else {
            return;
        };
        let tr = &self.tr;
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("recovery-offer")).show(ctx, |ui| {
            ui.heading(tr.get("recovery-title"));
            let file = offer
                .meta
                .original
                .as_ref()
                .map_or_else(|| tr.get("ui-untitled-file"), |p| p.display().to_string());
            ui.label(tr.args(
                "recovery-text",
                &[
                    ("title", offer.meta.title.clone()),
                    ("file", file),
                    ("when", crate::format::datetime_utc(offer.meta.written_unix)),
                ],
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(tr.get("recovery-restore")).clicked() {
                    choice = Some(0);
                }
                if ui.button(tr.get("recovery-discard")).clicked() {
                    choice = Some(1);
                }
                if ui.button(tr.get("recovery-later")).clicked() {
                    choice = Some(2);
                }
            });
        });
        let Some(choice) = choice else { return };
        if let Some(state) = &mut self.recovery
            && !state.offers.is_empty()
        {
            state.offers.remove(0);
        }
        match choice {
            0 => match offer.load() {
                Ok(study) => {
                    self.doc = Document::recovered(study, offer.meta.original.clone());
                    // The file as it was when the copy's study was opened:
                    // if it has changed since, saving asks first.
                    self.doc.disk = offer.meta.original_stamp;
                    self.forget_analyses();
                    self.ui_state = UiState::default();
                    self.evaluation = None;
                    self.refresh();
                    offer.discard();
                    if offer.meta.original_changed()
                        && let Some(original) = &offer.meta.original
                    {
                        self.message(
                            self.tr.args(
                                "recovery-file-changed",
                                &[("file", original.display().to_string())],
                            ),
                            true,
                        );
                    }
                }
                Err(e) => self.message(e.message(&self.tr), true),
            },
            1 => offer.discard(),
            _ => {}
        }
    }

    /// The current result (possibly from before the last edit if the study
    /// now has errors).
    #[must_use]
    pub fn evaluation(&self) -> Option<&Evaluation> {
        self.evaluation.as_ref()
    }

    /// The current validation report.
    #[must_use]
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Queues a command, as a view would.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Another study is open: analyses of the last one must not show.
    fn forget_analyses(&mut self) {
        self.ui_state.fairness.cancel();
        self.ui_state.fairness = fairness::FairnessState::default();
        self.ui_state.uncertainty.cancel();
        self.ui_state.uncertainty = uncertainty::UncertaintyState::default();
    }

    fn refresh(&mut self) {
        match engine::evaluate(&self.doc.study) {
            Ok(evaluation) => {
                self.report = evaluation.report.clone();
                self.evaluation = Some(evaluation);
                self.stale = false;
                if let Some((_, made)) = &mut self.ui_state.explain {
                    *made = None;
                }
            }
            Err(EngineError::Invalid(report)) => {
                self.report = report;
                self.stale = self.evaluation.is_some();
            }
        }
    }

    fn message(&mut self, text: String, is_error: bool) {
        self.ui_state.message = Some((text, is_error));
    }

    /// The translator of the interface's language.
    #[must_use]
    pub fn tr(&self) -> &Tr {
        &self.tr
    }

    /// The window title: study title, file name and a mark for unsaved changes.
    #[must_use]
    pub fn title(&self) -> String {
        let file = match &self.doc.path {
            Some(p) => p
                .file_name()
                .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()),
            None => self.tr.get("ui-untitled-file"),
        };
        let dirty = if self.doc.is_dirty() { " *" } else { "" };
        format!("{} — {file}{dirty} — Samdrift", self.doc.study.title)
    }

    fn open_path(&mut self, path: &Path) {
        // Absolute, so that a later working folder cannot change its meaning.
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let path = absolute.as_path();
        match io::study_file::load_path_noting(path) {
            Ok((study, notes)) => {
                self.doc = Document::new(study, Some(path.to_path_buf()));
                self.doc.hand_comments = notes.has_comments;
                self.forget_analyses();
                self.ui_state = UiState {
                    view: self.ui_state.view,
                    ..UiState::default()
                };
                self.evaluation = None;
                self.refresh();
                self.remember(path);
                self.prefs.last_study = Some(path.to_path_buf());
                let name = path.display().to_string();
                self.message(self.tr.args("ui-opened", &[("path", name)]), false);
            }
            // The current study stays as it is.
            Err(e) => self.message(e.message(&self.tr), true),
        }
    }

    /// Saves to `path`; when that is the study's own file and somebody else
    /// has written it since it was opened or saved here, asks first (unless
    /// `knowingly`).
    fn save_to(&mut self, path: &Path, knowingly: bool) -> bool {
        let own_file = self.doc.path.as_deref() == Some(path);
        if own_file && !knowingly {
            let now = io::atomic::FileStamp::of(path);
            if now.is_some() && now != self.doc.disk {
                self.ui_state.conflict = Some(path.to_path_buf());
                return false;
            }
        }
        match io::save_path(&self.doc.study, path) {
            Ok(()) => {
                let comments_lost = own_file && self.doc.hand_comments;
                self.doc.mark_saved(path.to_path_buf());
                self.doc.hand_comments = false;
                self.remember(path);
                self.prefs.last_study = Some(path.to_path_buf());
                let name = path.display().to_string();
                if comments_lost {
                    let backup = io::atomic::backup_path(&io::atomic::resolve_links(path));
                    self.message(
                        self.tr.args(
                            "ui-saved-without-comments",
                            &[("path", name), ("backup", backup.display().to_string())],
                        ),
                        false,
                    );
                } else {
                    self.message(self.tr.args("ui-saved", &[("path", name)]), false);
                }
                true
            }
            Err(e) => {
                self.message(e.message(&self.tr), true);
                false
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = path.to_path_buf();
        self.prefs.recent.retain(|p| p != &path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    /// Runs a file dialog; `None` from a dialog that answered at once means
    /// no native dialog is available (rfd without a portal), so the in-app
    /// path field is shown instead.
    fn file_dialog(&mut self, purpose: PathPurpose) -> Option<PathBuf> {
        if cfg!(test) || std::env::var_os("SAMDRIFT_NO_NATIVE_DIALOG").is_some() {
            self.show_path_dialog(purpose);
            return None;
        }
        let started = Instant::now();
        let dialog = rfd::FileDialog::new().add_filter(self.tr.get("ui-file-filter"), &["ron"]);
        let dialog = match self.doc.path.as_ref().and_then(|p| p.parent()) {
            Some(dir) => dialog.set_directory(dir),
            None => dialog,
        };
        let picked = match &purpose {
            PathPurpose::Open => dialog.pick_file(),
            PathPurpose::SaveAs { .. } => dialog.set_file_name(default_file_name(&self.doc)).save_file(),
            PathPurpose::Import => rfd::FileDialog::new()
                .add_filter("CSV", &["csv", "txt"])
                .pick_file(),
            PathPurpose::Export(kind) => match kind.extension() {
                None => dialog.pick_folder(),
                Some(ext) => rfd::FileDialog::new()
                    .add_filter(ext.to_uppercase(), &[ext])
                    .set_file_name(export_file_name(&self.doc, ext))
                    .save_file(),
            },
        };
        if picked.is_none() && started.elapsed() < Duration::from_millis(300) {
            self.show_path_dialog(purpose);
        }
        picked
    }

    fn show_path_dialog(&mut self, purpose: PathPurpose) {
        let text = match &purpose {
            PathPurpose::Open | PathPurpose::Import => String::new(),
            PathPurpose::Export(kind) => {
                let dir = self
                    .doc
                    .path
                    .as_ref()
                    .and_then(|p| p.parent())
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                let name = kind.extension().map_or_else(
                    || "samdrift-csv".to_owned(),
                    |ext| export_file_name(&self.doc, ext),
                );
                dir.join(name).display().to_string()
            }
            PathPurpose::SaveAs { .. } => self
                .doc
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from(default_file_name(&self.doc)))
                .display()
                .to_string(),
        };
        self.ui_state.path_dialog = Some(PathDialog {
            purpose,
            text,
            focused: false,
        });
    }

    /// Runs `action` now, or asks first when it would lose unsaved changes.
    fn discard_then(&mut self, action: Discarding, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.ui_state.discarding = Some(action);
        } else {
            self.do_discarding(action, ctx);
        }
    }

    fn do_discarding(&mut self, action: Discarding, ctx: &egui::Context) {
        match action {
            Discarding::New => {
                self.doc = Document::new(empty_study(&self.tr), None);
                self.forget_analyses();
                self.ui_state = UiState {
                    view: View::Members,
                    ..UiState::default()
                };
                self.evaluation = None;
                self.refresh();
            }
            Discarding::Open(path) => self.open_path(&path),
            Discarding::OpenDialog => {
                if let Some(path) = self.file_dialog(PathPurpose::Open) {
                    self.open_path(&path);
                }
            }
            Discarding::OpenReference => {
                self.doc = Document::new(reference_study(), None);
                self.forget_analyses();
                self.ui_state = UiState::default();
                self.evaluation = None;
                self.refresh();
                self.prefs.last_study = None;
            }
            Discarding::Quit => {
                self.ui_state.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Applies the queued commands (called after drawing).
    pub fn run_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // A message, a dialog or a new view must show without waiting
            // for the next mouse move.
            ctx.request_repaint();
        }
        let mut changed = false;
        for command in commands {
            match command {
                Command::Edit(edit, merge) => {
                    let now = ctx.input(|i| i.time);
                    changed |= self.doc.apply(edit, merge.map(|id| id.value()), now);
                }
                Command::Undo => changed |= self.doc.undo(),
                Command::Redo => changed |= self.doc.redo(),
                Command::New => self.discard_then(Discarding::New, ctx),
                Command::Open(path) => self.discard_then(Discarding::Open(path), ctx),
                Command::OpenDialog => self.discard_then(Discarding::OpenDialog, ctx),
                Command::OpenReference => self.discard_then(Discarding::OpenReference, ctx),
                Command::Save => match self.doc.path.clone() {
                    Some(path) => {
                        self.save_to(&path, false);
                    }
                    None => self.save_as(None),
                },
                Command::SaveAs => self.save_as(None),
                Command::SaveTo(path) => {
                    self.save_to(&path, false);
                }
                Command::SaveOverwriting(path) => {
                    self.ui_state.conflict = None;
                    self.save_to(&path, true);
                }
                Command::Export(kind) => {
                    if self.exportable().is_some()
                        && let Some(path) = self.file_dialog(PathPurpose::Export(kind))
                    {
                        self.export_to(kind, &path);
                    }
                }
                Command::ExportTo(kind, path) => self.export_to(kind, &path),
                Command::ImportDialog => {
                    if let Some(path) = self.file_dialog(PathPurpose::Import) {
                        self.start_import(&path);
                    }
                }
                Command::Import(path) => self.start_import(&path),
                Command::CopyTable(id) => self.copy_table(id, ctx),
                Command::SetLang(lang) => {
                    self.prefs.lang = lang;
                    self.prefs.lang_chosen = true;
                    self.tr = Tr::new(lang);
                    if let Some((_, made)) = &mut self.ui_state.explain {
                        *made = None;
                    }
                }
                Command::SetThousands(on) => self.prefs.thousands = on,
                Command::Show(view) => self.ui_state.view = view,
                Command::GoTo(place) => self.go_to(&place),
                Command::Quit => self.discard_then(Discarding::Quit, ctx),
                Command::Explain(target) => self.ui_state.explain = Some((target, None)),
            }
        }
        if changed {
            self.refresh();
            ctx.request_repaint();
        }
    }

    /// The evaluation to export, if the study has no errors (so no figure
    /// from before the last edit ever leaves the program).
    fn exportable(&mut self) -> Option<()> {
        if self.stale || self.report.has_errors() || self.evaluation.is_none() {
            self.message(self.tr.get("export-needs-valid-study"), true);
            return None;
        }
        Some(())
    }

    fn shown_year(&self) -> i32 {
        let display = self.doc.study.assumptions.display_year;
        match (&self.evaluation, self.ui_state.year) {
            (Some(e), Some(y)) if e.year_index(y).is_some() => y,
            _ => display,
        }
    }

    fn export_to(&mut self, kind: ExportKind, path: &Path) {
        if self.exportable().is_none() {
            return;
        }
        let Some(evaluation) = &self.evaluation else {
            return;
        };
        let year = self.shown_year();
        let study = &self.doc.study;
        // The study may say which language its exports speak.
        let study_tr = study.language.filter(|l| *l != self.tr.lang()).map(Tr::new);
        let tr = study_tr.as_ref().unwrap_or(&self.tr);
        let mut tables = crate::report::tables::all(study, evaluation, tr, year);
        if matches!(
            kind,
            ExportKind::Csv | ExportKind::CsvInternational | ExportKind::Xlsx
        ) {
            tables.extend(
                crate::report::tables::fair_splits(study, tr, year, true)
                    .into_iter()
                    .map(|(t, _)| t),
            );
            // The same tables as `samdrift export`: uncertainty (when the
            // study has ranges) and criteria (when it has criteria).
            if !study.uncertainties.is_empty() {
                let options = crate::uncertainty::Options {
                    draws: 100_000,
                    seed: 1,
                    metric: engine::Metric::Annual(year),
                };
                if let Ok(sim) = crate::uncertainty::simulate(study, options, &|_| true) {
                    tables.extend(crate::report::tables::uncertainty_tables(study, &sim, tr));
                }
            }
            if let Ok(analysis) = crate::criteria::analyse(study, engine::Metric::PresentValue, 10_000, 1) {
                tables.extend(crate::report::tables::criteria_tables(study, &analysis, tr));
            }
            tables.extend(crate::report::fleet_report::fleet_tables(study, tr));
        }
        let path = match kind.extension() {
            Some(ext) if path.extension().is_none() => path.with_extension(ext),
            _ => path.to_path_buf(),
        };
        let file_name = self.doc.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || crate::REFERENCE_STUDY_NAME.to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let result = match kind {
            ExportKind::Csv => {
                io::export::csv_dir(&path, &tables, io::csv_export::CsvVariant::Nordic).map(|_| ())
            }
            ExportKind::CsvInternational => {
                io::export::csv_dir(&path, &tables, io::csv_export::CsvVariant::International).map(|_| ())
            }
            ExportKind::Xlsx => io::export::xlsx(&path, &tables, tr),
            ExportKind::Html => io::export::html(&path, study, evaluation, tr, year, &file_name),
        };
        match result {
            Ok(()) => self.message(
                self.tr
                    .args("export-written", &[("what", path.display().to_string())]),
                false,
            ),
            Err(e) => self.message(e.message(&self.tr), true),
        }
    }

    fn start_import(&mut self, path: &Path) {
        match import::ImportState::open(path.to_path_buf(), &self.doc.study) {
            Ok(state) => self.ui_state.import = Some(state),
            Err(e) => self.message(
                self.tr.args(
                    "load-io",
                    &[
                        ("path", path.display().to_string()),
                        ("message", io::system::describe(&e, &self.tr)),
                    ],
                ),
                true,
            ),
        }
    }

    fn copy_table(&mut self, id: &str, ctx: &egui::Context) {
        let Some(evaluation) = &self.evaluation else {
            return;
        };
        let year = self.shown_year();
        let tables = crate::report::tables::all(&self.doc.study, evaluation, &self.tr, year);
        if let Some(table) = tables.iter().find(|t| t.id == id) {
            ctx.copy_text(crate::report::tables::to_tsv(table, self.tr.lang().csv_decimal()));
            self.message(
                self.tr.args("ui-copied", &[("table", table.title.clone())]),
                false,
            );
        }
    }

    fn save_as(&mut self, then: Option<Discarding>) {
        if let Some(path) = self.file_dialog(PathPurpose::SaveAs { then: then.clone() }) {
            let path = with_ron_extension(path);
            if self.save_to(&path, false)
                && let Some(action) = then
            {
                self.commands.push(match action {
                    Discarding::New => Command::New,
                    Discarding::Open(p) => Command::Open(p),
                    Discarding::OpenDialog => Command::OpenDialog,
                    Discarding::OpenReference => Command::OpenReference,
                    Discarding::Quit => Command::Quit,
                });
            }
        }
    }

    fn go_to(&mut self, place: &Place) {
        let study = &self.doc.study;
        let member_index = |id: &crate::model::MemberId| study.members.iter().position(|m| &m.id == id);
        let scenario_index =
            |id: &crate::model::ScenarioId| study.scenarios.iter().position(|s| &s.id == id).unwrap_or(0);
        match place {
            Place::Study | Place::Category { .. } => {}
            Place::Member { member, .. } => {
                self.ui_state.view = View::Members;
                self.ui_state.member = member_index(member).unwrap_or(0);
            }
            Place::Position { member, .. } | Place::Salary { member, .. } => {
                self.ui_state.view = View::Staffing;
                self.ui_state.member = member_index(member).unwrap_or(0);
            }
            Place::Baseline { .. } | Place::BaselineTotals => self.ui_state.view = View::Baseline,
            Place::StaffingTotals => self.ui_state.view = View::Staffing,
            Place::Key { key, .. } => {
                self.ui_state.view = View::Keys;
                self.ui_state.key = study.keys.iter().position(|k| &k.id == key).unwrap_or(0);
            }
            Place::Scenario { scenario, .. } => {
                self.ui_state.view = View::Scenarios;
                self.ui_state.scenario = scenario_index(scenario);
                self.ui_state.highlight_line = None;
            }
            Place::ScenarioLine { scenario, index, .. } => {
                self.ui_state.view = View::Scenarios;
                self.ui_state.scenario = scenario_index(scenario);
                self.ui_state.highlight_line = Some(*index);
                self.ui_state.scroll_to_line = true;
            }
            Place::Assumptions => self.ui_state.view = View::Assumptions,
            Place::Uncertainty { .. } => self.ui_state.view = View::Uncertainty,
            Place::Workstations | Place::SeatType { .. } | Place::Fleet { .. } => {
                self.ui_state.view = View::Workstations;
            }
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        let redo_shift = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        let redo_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        // A focused text field keeps its own undo.
        let text_focused = ctx.memory(|m| m.focused().is_some()) && ctx.egui_wants_keyboard_input();
        ctx.input_mut(|i| {
            if !text_focused {
                if i.consume_shortcut(&redo_shift) || i.consume_shortcut(&redo_y) {
                    self.commands.push(Command::Redo);
                } else if i.consume_shortcut(&undo) {
                    self.commands.push(Command::Undo);
                }
            }
            if i.consume_shortcut(&save) {
                self.commands.push(Command::Save);
            }
            if i.consume_shortcut(&open) {
                self.commands.push(Command::OpenDialog);
            }
        });
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let tr = &self.tr;
        let mut commands = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr.get("menu-file"), |ui| {
                if ui.button(tr.get("menu-new")).clicked() {
                    commands.push(Command::New);
                }
                if ui.button(tr.get("menu-open")).clicked() {
                    commands.push(Command::OpenDialog);
                }
                ui.menu_button(tr.get("menu-recent"), |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(RichText::new(tr.get("menu-no-recent")).weak());
                    }
                    for path in &self.prefs.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            commands.push(Command::Open(path.clone()));
                        }
                    }
                });
                if ui.button(tr.get("menu-open-reference")).clicked() {
                    commands.push(Command::OpenReference);
                }
                if ui.button(tr.get("menu-import")).clicked() {
                    commands.push(Command::ImportDialog);
                }
                ui.separator();
                if ui.button(tr.get("menu-save")).clicked() {
                    commands.push(Command::Save);
                }
                if ui.button(tr.get("menu-save-as")).clicked() {
                    commands.push(Command::SaveAs);
                }
                ui.separator();
                if ui.button(tr.get("menu-quit")).clicked() {
                    commands.push(Command::Quit);
                }
            });
            ui.menu_button(tr.get("menu-export"), |ui| {
                for (kind, id) in [
                    (ExportKind::Html, "menu-export-html"),
                    (ExportKind::Xlsx, "menu-export-xlsx"),
                    (ExportKind::Csv, "menu-export-csv"),
                    (ExportKind::CsvInternational, "menu-export-csv-international"),
                ] {
                    if ui.button(tr.get(id)).clicked() {
                        commands.push(Command::Export(kind));
                    }
                }
                ui.separator();
                ui.menu_button(tr.get("menu-copy-table"), |ui| {
                    for (table, id) in [
                        ("comparison", "sheet-comparison"),
                        ("differences", "sheet-differences"),
                        ("baseline", "sheet-baseline"),
                        ("by-category", "sheet-by-category"),
                        ("per-year", "sheet-per-year"),
                        ("economics", "sheet-economics"),
                        ("shares", "sheet-shares"),
                        ("inputs", "sheet-inputs"),
                    ] {
                        if ui.button(tr.get(id)).clicked() {
                            commands.push(Command::CopyTable(table));
                        }
                    }
                });
            });
            ui.menu_button(tr.get("menu-edit"), |ui| {
                if ui
                    .add_enabled(self.doc.can_undo(), egui::Button::new(tr.get("menu-undo")))
                    .clicked()
                {
                    commands.push(Command::Undo);
                }
                if ui
                    .add_enabled(self.doc.can_redo(), egui::Button::new(tr.get("menu-redo")))
                    .clicked()
                {
                    commands.push(Command::Redo);
                }
            });
            ui.menu_button(tr.get("menu-view"), |ui| {
                for view in View::ALL {
                    if ui
                        .selectable_label(self.ui_state.view == view, tr.get(view.message_id()))
                        .clicked()
                    {
                        commands.push(Command::Show(view));
                    }
                }
                ui.separator();
                let mut thousands = self.prefs.thousands;
                if ui.checkbox(&mut thousands, tr.get("ui-thousands")).changed() {
                    commands.push(Command::SetThousands(thousands));
                }
            });
            ui.menu_button(tr.get("menu-language"), |ui| {
                for lang in Lang::ALL {
                    if ui
                        .selectable_label(self.tr.lang() == lang, lang.native_name())
                        .clicked()
                    {
                        commands.push(Command::SetLang(lang));
                    }
                }
            });
        });
        self.commands.extend(commands);
    }

    fn nav_ui(&mut self, ui: &mut egui::Ui) {
        ui.add_space(6.0);
        for view in View::ALL {
            let selected = self.ui_state.view == view;
            if ui
                .add_sized(
                    [ui.available_width(), 26.0],
                    egui::Button::selectable(selected, self.tr.get(view.message_id())),
                )
                .clicked()
            {
                self.commands.push(Command::Show(view));
            }
        }
    }

    /// Asks before overwriting a file somebody else has written since it
    /// was opened: save under a new name, overwrite knowingly, or cancel.
    fn conflict_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = self.ui_state.conflict.clone() else {
            return;
        };
        let tr = &self.tr;
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("save-conflict")).show(ctx, |ui| {
            ui.heading(tr.get("conflict-title"));
            ui.label(tr.args("conflict-text", &[("path", path.display().to_string())]));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(tr.get("menu-save-as")).clicked() {
                    choice = Some(0);
                }
                if ui.button(tr.get("conflict-overwrite")).clicked() {
                    choice = Some(1);
                }
                if ui.button(tr.get("ui-cancel")).clicked() {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                self.ui_state.conflict = None;
                self.commands.push(Command::SaveAs);
            }
            Some(1) => self.commands.push(Command::SaveOverwriting(path)),
            Some(_) => self.ui_state.conflict = None,
            None => {}
        }
    }

    /// Where a figure comes from, in a window, until closed: one row per
    /// line with a button to where its input is edited.
    fn explain_ui(&mut self, ctx: &egui::Context) {
        let Some((target, made)) = &mut self.ui_state.explain else {
            return;
        };
        let Some(evaluation) = &self.evaluation else {
            return;
        };
        if made.is_none() {
            *made = crate::report::explain::explain(&self.doc.study, evaluation, *target, &self.tr);
        }
        let mut open = true;
        let mut close = false;
        let mut go_to = None;
        let tr = &self.tr;
        // Wide enough that the cost column is seen without scrolling; the
        // sources, last, may run on.
        let screen = ctx.content_rect();
        egui::Window::new(tr.get("exp-source"))
            .id(egui::Id::unique("explain"))
            .open(&mut open)
            .default_pos(screen.left_top() + egui::vec2(40.0, 60.0))
            .default_width((screen.width() - 80.0).max(400.0))
            .show(ctx, |ui| match made {
                Some(explanation) => {
                    ui.label(RichText::new(&explanation.table.title).strong());
                    egui::ScrollArea::both().max_height(420.0).show(ui, |ui| {
                        let links: Vec<bool> = explanation.places.iter().map(Option::is_some).collect();
                        if let Some(row) = widgets::report_table_links_ui(
                            ui,
                            tr,
                            "explain-table",
                            &explanation.table,
                            &links,
                        ) {
                            go_to = explanation.places.get(row).cloned().flatten();
                        }
                    });
                    if ui.button(tr.get("exp-close")).clicked() {
                        close = true;
                    }
                }
                None => close = true,
            });
        if let Some(place) = go_to {
            self.commands.push(Command::GoTo(place));
            ctx.request_repaint();
            close = true;
        }
        if !open || close {
            self.ui_state.explain = None;
        }
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        self.conflict_ui(ctx);
        self.explain_ui(ctx);
        let tr = &self.tr;
        if let Some(action) = self.ui_state.discarding.clone() {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
                ui.heading(tr.get("ui-unsaved-title"));
                ui.label(tr.args("ui-unsaved-text", &[("title", self.doc.study.title.clone())]));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(tr.get("ui-save")).clicked() {
                        choice = Some(0);
                    }
                    if ui.button(tr.get("ui-discard")).clicked() {
                        choice = Some(1);
                    }
                    if ui.button(tr.get("ui-cancel")).clicked() {
                        choice = Some(2);
                    }
                });
            });
            match choice {
                Some(0) => {
                    self.ui_state.discarding = None;
                    match self.doc.path.clone() {
                        Some(path) => {
                            if self.save_to(&path, false) {
                                self.do_discarding(action, ctx);
                            }
                        }
                        None => self.save_as(Some(action)),
                    }
                }
                Some(1) => {
                    self.ui_state.discarding = None;
                    self.do_discarding(action, ctx);
                }
                Some(_) => self.ui_state.discarding = None,
                None => {}
            }
        }
        let tr = &self.tr;
        if let Some(dialog) = &mut self.ui_state.path_dialog {
            let mut done = None;
            egui::Modal::new(egui::Id::unique("path-dialog")).show(ctx, |ui| {
                ui.heading(match dialog.purpose {
                    PathPurpose::Open => tr.get("ui-open-path-title"),
                    PathPurpose::SaveAs { .. } => tr.get("ui-save-path-title"),
                    PathPurpose::Export(_) => tr.get("ui-export-path-title"),
                    PathPurpose::Import => tr.get("menu-import"),
                });
                ui.label(tr.get("ui-path-hint"));
                let response = ui.add(egui::TextEdit::singleline(&mut dialog.text).desired_width(480.0));
                widgets::accessible_label(ui, &response, &tr.get("ui-path"));
                let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if !dialog.focused {
                    response.request_focus();
                    dialog.focused = true;
                }
                if ui.input(|i| i.key_pressed(Key::Escape)) {
                    done = Some(false);
                }
                // Where it will read or write, and what is there to pick.
                let folder = folder_of(&dialog.text);
                ui.label(
                    RichText::new(tr.args("ui-path-folder", &[("folder", folder.display().to_string())]))
                        .weak(),
                );
                let extensions: &[&str] = match dialog.purpose {
                    PathPurpose::Open | PathPurpose::SaveAs { .. } => &["ron"],
                    PathPurpose::Import => &["csv", "txt"],
                    PathPurpose::Export(_) => &[],
                };
                egui::ScrollArea::vertical().max_height(180.0).show(ui, |ui| {
                    for (name, is_dir) in folder_entries(&folder, extensions) {
                        let shown = if is_dir { format!("{name}/") } else { name.clone() };
                        if ui.selectable_label(false, shown).clicked() {
                            let mut picked = folder.join(&name).display().to_string();
                            if is_dir {
                                picked.push(std::path::MAIN_SEPARATOR);
                            }
                            dialog.text = picked;
                        }
                    }
                });
                ui.horizontal(|ui| {
                    if ui.button(tr.get("ui-ok")).clicked() || enter {
                        done = Some(true);
                    }
                    if ui.button(tr.get("ui-cancel")).clicked() {
                        done = Some(false);
                    }
                });
            });
            match done {
                Some(true) => {
                    let dialog = self.ui_state.path_dialog.take();
                    if let Some(PathDialog { purpose, text, .. }) = dialog {
                        let path = PathBuf::from(text.trim());
                        match purpose {
                            PathPurpose::Open => self.open_path(&path),
                            PathPurpose::Export(kind) => self.export_to(kind, &path),
                            PathPurpose::Import => self.start_import(&path),
                            PathPurpose::SaveAs { then } => {
                                let path = with_ron_extension(path);
                                if self.save_to(&path, false)
                                    && let Some(action) = then
                                {
                                    self.do_discarding(action, ctx);
                                }
                            }
                        }
                    }
                }
                Some(false) => self.ui_state.path_dialog = None,
                None => {}
            }
        }
        if let Some(mut state) = self.ui_state.import.take()
            && import::preview_ui(ctx, &self.tr, &self.doc.study, &mut state, &mut self.commands)
        {
            self.ui_state.import = Some(state);
        }
        if let Some(index) = self.ui_state.confirm_remove_member {
            members::confirm_remove_ui(
                ctx,
                &self.tr,
                &self.doc.study,
                index,
                &mut self.ui_state,
                &mut self.commands,
            );
        }
    }

    /// Draws the whole app into `ui` (the root of the window, or a test
    /// harness) and applies what the user did.
    pub fn ui_main(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            install_fonts(&ctx);
            self.fonts_installed = true;
        }
        self.shortcuts(&ctx);
        for file in ctx.input(|i| i.raw.dropped_files.clone()) {
            let path = file.path();
            if !path.as_os_str().is_empty() {
                self.commands.push(Command::Open(path.to_path_buf()));
            }
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("validation")
            .resizable(true)
            .default_size(if self.report.issues.is_empty() {
                30.0
            } else {
                120.0
            })
            .show(ui, |ui| {
                if let Some((text, is_error)) = self.ui_state.message.clone() {
                    ui.horizontal(|ui| {
                        let color = if is_error {
                            ui.visuals().error_fg_color
                        } else {
                            ui.visuals().text_color()
                        };
                        ui.label(RichText::new(&text).color(color));
                        if ui
                            .small_button("×")
                            .on_hover_text(self.tr.get("ui-dismiss"))
                            .clicked()
                        {
                            self.ui_state.message = None;
                        }
                    });
                }
                if let Some(reason) = self.recovery_failing() {
                    ui.label(
                        RichText::new(self.tr.args("recovery-failing", &[("detail", reason.to_owned())]))
                            .color(ui.visuals().error_fg_color)
                            .strong(),
                    );
                }
                validation::panel_ui(ui, &self.tr, &self.report, self.stale, &mut self.commands);
            });
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(170.0)
            .show(ui, |ui| self.nav_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            let study = &self.doc.study;
            let evaluation = self.evaluation.as_ref();
            let tr = &self.tr;
            let commands = &mut self.commands;
            let state = &mut self.ui_state;
            let prefs = &self.prefs;
            match state.view {
                View::Comparison => comparison::view_ui(ui, tr, study, evaluation, prefs, state, commands),
                View::Years => years::view_ui(ui, tr, study, evaluation, state, commands),
                View::Members => members::view_ui(ui, tr, study, state, commands),
                View::Staffing => staffing::view_ui(ui, tr, study, state, commands),
                View::Baseline => baseline::view_ui(ui, tr, study, &self.report, commands),
                View::Scenarios => scenarios::view_ui(ui, tr, study, evaluation, state, commands),
                View::Keys => keys::view_ui(ui, tr, study, state, commands),
                View::Assumptions => assumptions::view_ui(ui, tr, study, commands),
                View::Workstations => workstations::view_ui(ui, tr, study, commands),
                View::Fairness => fairness::view_ui(ui, tr, study, self.doc.revision(), state, commands),
                View::Criteria => criteria::view_ui(ui, tr, study, state, commands),
                View::Uncertainty => {
                    uncertainty::view_ui(ui, tr, study, self.doc.revision(), state, commands);
                }
            }
        });
        self.dialogs_ui(&ctx);
        self.recovery_offer_ui(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.ui_state.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.ui_state.discarding = Some(Discarding::Quit);
        }
        self.run_commands(&ctx);
        self.recovery_tick(&ctx);
        // Only when it changes: every viewport command requests a repaint.
        let title = self.title();
        if self.shown_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

impl eframe::App for SamdriftApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_main(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }

    fn on_exit(&mut self) {
        // A normal close (unsaved changes were saved or discarded on the
        // way): no recovery copy is left. A crash never gets here.
        self.close_recovery();
    }
}

fn default_file_name(doc: &Document) -> String {
    let stem: String = doc
        .study
        .title
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '-' })
        .collect();
    format!("{}.ron", stem.trim_matches('-'))
}

fn export_file_name(doc: &Document, extension: &str) -> String {
    let base = default_file_name(doc);
    format!("{}.{extension}", base.trim_end_matches(".ron"))
}

fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}

/// The built-in reference study (always valid RON; tested).
#[must_use]
pub fn reference_study() -> Study {
    io::load_str(crate::REFERENCE_STUDY, Path::new(crate::REFERENCE_STUDY_NAME))
        .unwrap_or_else(|_| crate::model::examples::small_study())
}

fn empty_study(tr: &Tr) -> Study {
    let mut study = reference_study();
    study.title = tr.get("ui-new-study-title");
    study.description = String::new();
    study.members.clear();
    study.baseline.lines.clear();
    study.baseline.printed_member_totals.clear();
    study.baseline.printed_grand_total = None;
    study.staffing_printed = crate::model::StaffingPrinted::default();
    study
        .keys
        .retain(|k| matches!(k.rule, crate::model::KeyRule::Mix(_)));
    study
        .scenarios
        .retain(|s| s.kind == crate::model::ScenarioKind::Today);
    study
}

/// The language the app starts in: `--lang` if given, else the one the user
/// chose in the menu, else the system's (`env`).
#[must_use]
pub fn start_lang(prefs: &Preferences, cli: Option<Lang>, env: Lang) -> Lang {
    cli.or(prefs.lang_chosen.then_some(prefs.lang)).unwrap_or(env)
}

impl Preferences {
    /// Reads preferences stored by this or an older version. Before the
    /// menu choice was recorded, any language but the default bokmål was a
    /// choice the user made.
    #[must_use]
    pub fn upgraded(mut self) -> Preferences {
        if self.lang != Lang::Nb {
            self.lang_chosen = true;
        }
        self
    }
}

/// Starts the app: on `file` if given, else on the last study, else on the
/// built-in reference study; in `lang` if given (`--lang`), else in the
/// language chosen in the menu, else in the system's.
///
/// # Errors
/// When the window cannot be created (no display, no graphics).
pub fn run(file: Option<PathBuf>, lang: Option<Lang>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id(APP_ID)
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([900.0, 600.0])
            .with_title("Samdrift"),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let mut prefs: Preferences = cc
                .storage
                .and_then(|s| eframe::get_value::<Preferences>(s, PREFS_KEY))
                .unwrap_or_default()
                .upgraded();
            // The language of this session; remembered only when chosen in
            // the menu.
            let lang = start_lang(&prefs, lang, Lang::from_env());
            if !prefs.lang_chosen {
                prefs.lang = lang;
            }
            let mut app = SamdriftApp::with_reference(prefs.clone());
            app.tr = Tr::new(lang);
            if let Some(dir) = eframe::storage_dir(APP_ID) {
                app.enable_recovery(&dir.join("recovery"));
            }
            let start = file.or_else(|| prefs.last_study.clone().filter(|p| p.exists()));
            if let Some(path) = start {
                app.open_path(&path);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod path_dialog_tests {
    use super::*;

    #[test]
    fn the_folder_of_a_typed_path_and_what_is_in_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.ron"), b"x").unwrap();
        std::fs::write(dir.path().join("a.ron"), b"x").unwrap();
        std::fs::write(dir.path().join("regnskap.csv"), b"x").unwrap();
        std::fs::write(dir.path().join(".skjult.ron"), b"x").unwrap();
        std::fs::create_dir(dir.path().join("arkiv")).unwrap();
        let typed = dir.path().join("ny.ron").display().to_string();
        assert_eq!(folder_of(&typed), dir.path());
        let entries = folder_entries(dir.path(), &["ron"]);
        assert_eq!(
            entries,
            vec![
                ("a.ron".to_owned(), false),
                ("arkiv".to_owned(), true),
                ("b.ron".to_owned(), false)
            ]
        );
        assert_eq!(folder_entries(dir.path(), &["csv"]).len(), 2);
        // An empty field means the working folder, shown absolute.
        assert!(folder_of("").is_absolute());
    }
}
