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
mod budget;
mod charts;
mod commands;
mod comparison;
mod context;
mod criteria;
mod dialogs;
mod document;
mod fairness;
mod files;
mod import;
mod job;
mod keys;
mod members;
pub mod menus;
mod overview;
mod range;
mod recovery;
mod scenario_line;
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

pub use context::{Selection, ViewCtx};
pub use document::{Document, Edit};

use crate::engine::{self, EngineError, Evaluation};
use crate::i18n::{Lang, Tr};
use crate::io;
use crate::model::{Place, Report, Study};
use recovery::RecoveryState;

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
    /// Which version of these preferences was stored: 0 before the menu
    /// choice was recorded (see [`Preferences::upgraded`]).
    pub stored_version: u32,
}

/// The version of [`Preferences`] this build stores.
pub const PREFERENCES_VERSION: u32 = 1;

/// The views of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The decision first: the cheapest option per municipality, how sure,
    /// whether the key is fair, where people disagree.
    Overview,
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
    /// The municipal budget: operating and investment, year by year.
    Budget,
    /// Seat types and fleets: PCs, thin clients, terminal servers.
    Workstations,
}

impl View {
    /// Every view, in the order of the side panel.
    pub const ALL: [View; 14] = [
        View::Overview,
        View::Comparison,
        View::Years,
        View::Uncertainty,
        View::Fairness,
        View::Criteria,
        View::Budget,
        View::Members,
        View::Staffing,
        View::Baseline,
        View::Scenarios,
        View::Workstations,
        View::Keys,
        View::Assumptions,
    ];

    /// Whether the view shows results (the answer and the analyses) rather
    /// than inputs.
    #[must_use]
    pub fn is_result(self) -> bool {
        matches!(
            self,
            View::Overview
                | View::Comparison
                | View::Years
                | View::Uncertainty
                | View::Fairness
                | View::Criteria
                | View::Budget
        )
    }

    /// The message id of the view's name.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            View::Overview => "view-overview",
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
            View::Budget => "view-budget",
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
    /// The HTML briefing on one page: the answer and the comparison.
    HtmlOnePage,
}

impl ExportKind {
    fn extension(self) -> Option<&'static str> {
        match self {
            ExportKind::Csv | ExportKind::CsvInternational => None,
            ExportKind::Xlsx => Some("xlsx"),
            ExportKind::Html | ExportKind::HtmlOnePage => Some("html"),
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
/// For [`folder_entries`]: an extension no file has, so only folders show.
const FOLDERS_ONLY: &str = "/";

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
    /// The Scenarios view: the scenario selected, a line to highlight.
    pub scenarios: scenarios::ScenariosState,
    /// The comparison's year, figure and chart, and the member chosen:
    /// shared by the views that follow them.
    pub selection: Selection,
    /// Selected key (Keys view).
    pub key: usize,
    /// The years view: which member, and its table once built.
    pub years: years::YearsState,
    /// Member whose removal waits for confirmation.
    pub confirm_remove_member: Option<usize>,
    /// The overview: the decision's analyses, made in the background.
    pub overview: overview::OverviewState,
    /// The workstations' answer, made in the background.
    pub workstations: workstations::WorkstationsState,
    /// The fair-split view: its scenario and its background computation.
    pub fairness: fairness::FairnessState,
    /// The budget view's choices and its last budget.
    pub budget: budget::BudgetState,
    /// The uncertainty view: its choices and its background simulation.
    pub uncertainty: uncertainty::UncertaintyState,
    /// The criteria view: its analysis of the study's last revision.
    pub criteria: criteria::CriteriaState,
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

impl UiState {
    /// Forgets what views made from the figures or in the language (an
    /// explanation, the years view's table): made again when next shown.
    fn forget_made(&mut self) {
        if let Some((_, made)) = &mut self.explain {
            *made = None;
        }
        self.years.table = None;
    }
}

impl Default for UiState {
    fn default() -> Self {
        UiState {
            // Where to start: the answer first.
            view: View::Overview,
            scenarios: scenarios::ScenariosState::default(),
            selection: Selection::default(),
            key: 0,
            years: years::YearsState::default(),
            confirm_remove_member: None,
            overview: overview::OverviewState::default(),
            workstations: workstations::WorkstationsState::default(),
            fairness: fairness::FairnessState::default(),
            budget: budget::BudgetState::default(),
            uncertainty: uncertainty::UncertaintyState::default(),
            criteria: criteria::CriteriaState::default(),
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
    CopyTable(crate::report::tables::TableId),
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
    /// Say something in the message line (not an error).
    Notify(String),
}

pub use menus::UiCommand;

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
    /// Per problem of the report: whether the last edit brought it (not
    /// there before); nothing is new in a study just opened.
    new_issues: Vec<bool>,
    /// The next refresh is of a study just opened.
    opened_anew: bool,
    commands: Vec<Command>,
    fonts_installed: bool,
    shown_title: String,
    recovery: Option<RecoveryState>,
    /// An export running on another thread (kept when another study is
    /// opened: it writes what it started with).
    export: Option<files::ExportRun>,
    /// The context of the last frame, for threads to ask for a repaint.
    ctx: Option<egui::Context>,
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
            new_issues: Vec::new(),
            opened_anew: true,
            commands: Vec::new(),
            fonts_installed: false,
            shown_title: String::new(),
            recovery: None,
            export: None,
            ctx: None,
        };
        app.refresh();
        app
    }

    /// The app on the built-in reference study as the 2006 briefing had it
    /// (no workstations).
    #[must_use]
    pub fn with_reference(prefs: Preferences) -> SamdriftApp {
        let mut app = SamdriftApp::new(reference_study(), None, prefs);
        app.doc.builtin = true;
        app
    }

    /// The app on what it opens by default: the reference study with the
    /// workstations priced on every scenario.
    #[must_use]
    pub fn with_workstations_study(prefs: Preferences) -> SamdriftApp {
        let mut app = SamdriftApp::new(workstations_study(), None, prefs);
        app.doc.builtin = true;
        app
    }

    /// While an export runs on its thread: its share done (0–1).
    #[must_use]
    pub fn export_progress(&self) -> Option<f64> {
        self.export.as_ref().map(files::ExportRun::progress)
    }

    /// True while an export runs on its thread.
    #[must_use]
    pub fn is_exporting(&self) -> bool {
        self.export.is_some()
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
        self.opened_anew = true;
        self.ui_state.overview.cancel();
        self.ui_state.overview = overview::OverviewState::default();
        self.ui_state.workstations.cancel();
        self.ui_state.workstations = workstations::WorkstationsState::default();
        self.ui_state.fairness.cancel();
        self.ui_state.fairness = fairness::FairnessState::default();
        self.ui_state.budget.cancel();
        self.ui_state.budget = budget::BudgetState::default();
        self.ui_state.uncertainty.cancel();
        self.ui_state.uncertainty = uncertainty::UncertaintyState::default();
        self.ui_state.criteria = criteria::CriteriaState::default();
    }

    fn refresh(&mut self) {
        let before = std::mem::take(&mut self.report);
        match engine::evaluate(&self.doc.study) {
            Ok(evaluation) => {
                self.report = evaluation.report.clone();
                self.evaluation = Some(evaluation);
                self.stale = false;
                self.ui_state.forget_made();
            }
            Err(EngineError::Invalid(report)) => {
                self.report = report;
                self.stale = self.evaluation.is_some();
            }
        }
        let fresh = std::mem::replace(&mut self.opened_anew, false);
        self.new_issues = self
            .report
            .issues
            .iter()
            .map(|issue| !fresh && !before.issues.contains(issue))
            .collect();
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
            None if self.doc.builtin => self.tr.get("ui-untitled-file"),
            None => self.tr.get("ui-not-saved"),
        };
        let dirty = if self.doc.is_dirty() { " *" } else { "" };
        format!("{} — {file}{dirty} — Samdrift", self.doc.study.title)
    }

    fn shown_year(&self) -> i32 {
        self.ui_state
            .selection
            .year(&self.doc.study, self.evaluation.as_ref())
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
        self.ctx = Some(ctx.clone());
        self.poll_export();
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
                    // The dismiss button first, then the message wrapped
                    // to the window (a long one ran off its right edge).
                    ui.horizontal_top(|ui| {
                        let color = if is_error {
                            ui.visuals().error_fg_color
                        } else {
                            ui.visuals().text_color()
                        };
                        if ui
                            .small_button("×")
                            .on_hover_text(self.tr.get("ui-dismiss"))
                            .clicked()
                        {
                            self.ui_state.message = None;
                        }
                        ui.add(egui::Label::new(RichText::new(&text).color(color)).wrap());
                    });
                }
                self.export_progress_ui(ui);
                if let Some(reason) = self.recovery_failing() {
                    ui.label(
                        RichText::new(self.tr.args("recovery-failing", &[("detail", reason.to_owned())]))
                            .color(ui.visuals().error_fg_color)
                            .strong(),
                    );
                }
                validation::panel_ui(
                    ui,
                    &self.tr,
                    (&self.report, &self.new_issues),
                    self.stale,
                    &mut self.commands,
                );
            });
        egui::Panel::left("nav")
            .resizable(false)
            // Wide enough for the longest item on one line (Danish
            // "Nuværende omkostninger" wrapped at 170).
            .exact_size(190.0)
            .show(ui, |ui| self.nav_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            let cx = ViewCtx {
                tr: &self.tr,
                study: &self.doc.study,
                evaluation: self.evaluation.as_ref(),
                report: &self.report,
                prefs: &self.prefs,
                revision: self.doc.revision(),
            };
            let commands = &mut self.commands;
            let state = &mut self.ui_state;
            let selection = &mut state.selection;
            match state.view {
                View::Overview => overview::view_ui(ui, &cx, &mut state.overview, commands),
                View::Comparison => comparison::view_ui(ui, &cx, selection, commands),
                View::Years => years::view_ui(ui, &cx, &mut state.years, commands),
                View::Members => {
                    members::view_ui(
                        ui,
                        &cx,
                        &mut selection.member,
                        &mut state.confirm_remove_member,
                        commands,
                    );
                }
                View::Staffing => staffing::view_ui(ui, &cx, &mut selection.member, commands),
                View::Baseline => baseline::view_ui(ui, &cx, commands),
                View::Scenarios => scenarios::view_ui(ui, &cx, &mut state.scenarios, commands),
                View::Keys => keys::view_ui(ui, &cx, &mut state.key, commands),
                View::Assumptions => assumptions::view_ui(ui, &cx, commands),
                View::Workstations => workstations::view_ui(ui, &cx, &mut state.workstations, commands),
                View::Fairness => fairness::view_ui(ui, &cx, selection, &mut state.fairness, commands),
                View::Criteria => criteria::view_ui(ui, &cx, &mut state.criteria, commands),
                View::Budget => budget::view_ui(ui, &cx, &mut state.budget),
                View::Uncertainty => {
                    uncertainty::view_ui(ui, &cx, selection, &mut state.uncertainty, commands);
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

/// The built-in reference study with workstations (always valid RON;
/// tested): what the app opens by default.
#[must_use]
pub fn workstations_study() -> Study {
    io::load_str(
        crate::WORKSTATIONS_STUDY,
        Path::new(crate::WORKSTATIONS_STUDY_NAME),
    )
    .unwrap_or_else(|_| reference_study())
}

/// What File → New gives: the reference study's kinds of cost, its
/// keys by rule (equal, by population …, none naming a member), today's
/// operation and the assumptions (R-109 and its source), and nothing else
/// of the example: no municipalities, costs, ranges, criteria, fleets,
/// notes or sources. It opens without errors (a study with no
/// municipalities says where to start, as a warning).
fn empty_study(tr: &Tr) -> Study {
    let reference = reference_study();
    let mut study = crate::model::examples::small_study();
    study.title = tr.get("ui-new-study-title");
    study.description = String::new();
    study.members.clear();
    study.categories = reference.categories;
    study.baseline = crate::model::Baseline::default();
    study.staffing_printed = crate::model::StaffingPrinted::default();
    study.keys = reference
        .keys
        .into_iter()
        .filter(|k| !k.rule.names_members())
        .map(|k| crate::model::Key {
            source: crate::model::Source::default(),
            ..k
        })
        .collect();
    study.scenarios = reference
        .scenarios
        .into_iter()
        .filter(|s| s.kind == crate::model::ScenarioKind::Today)
        .map(|s| crate::model::Scenario {
            note: String::new(),
            fleet: None,
            ..s
        })
        .collect();
    study.uncertainties.clear();
    study.correlation_groups.clear();
    study.decision = crate::model::decision::Decision::default();
    study.workstations = crate::model::fleet::Workstations::default();
    study.language = None;
    study.assumptions = reference.assumptions;
    study
}

/// The language the app starts in: `--lang` if given, else the one the user
/// chose in the menu, else the system's (`env`).
#[must_use]
pub fn start_lang(prefs: &Preferences, cli: Option<Lang>, env: Lang) -> Lang {
    cli.or(prefs.lang_chosen.then_some(prefs.lang)).unwrap_or(env)
}

impl Preferences {
    /// Reads preferences stored by this or an older version. In those
    /// stored before the menu choice was recorded (version 0), any language
    /// but the default bokmål was a choice the user made; in later ones
    /// `lang_chosen` says it (a Swedish session not chosen in the menu
    /// follows the system's Danish next time).
    #[must_use]
    pub fn upgraded(mut self) -> Preferences {
        if self.stored_version == 0 && self.lang != Lang::Nb {
            self.lang_chosen = true;
        }
        // Recent files stored relative by older versions: made absolute
        // against the folder the app starts in, duplicates dropped.
        let mut recent: Vec<PathBuf> = Vec::new();
        for path in self.recent.drain(..) {
            let path = std::path::absolute(&path).unwrap_or(path);
            if !recent.contains(&path) {
                recent.push(path);
            }
        }
        self.recent = recent;
        self.stored_version = PREFERENCES_VERSION;
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
            let mut app = SamdriftApp::with_workstations_study(prefs.clone());
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
        // A CSV export writes a folder: only folders are offered.
        assert_eq!(
            folder_entries(dir.path(), &[FOLDERS_ONLY]),
            vec![("arkiv".to_owned(), true)]
        );
        // An empty field means the working folder, shown absolute.
        assert!(folder_of("").is_absolute());
    }
}
