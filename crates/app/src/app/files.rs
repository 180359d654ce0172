//! Opening, saving, importing and exporting: the file dialogs (native or
//! the app's own path dialog), unsaved changes, and where files go.

#[allow(clippy::wildcard_imports)]
use super::*;

impl SamdriftApp {
    pub(super) fn open_path(&mut self, path: &Path) {
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
                let mut text = self.tr.args("ui-opened", &[("path", name)]);
                // An older file whose meaning the migration changed: say
                // how, once.
                for change in &notes.migrated {
                    text.push(' ');
                    text.push_str(&change.message(&self.tr));
                }
                self.message(text, !notes.migrated.is_empty());
            }
            // The current study stays as it is.
            Err(e) => self.message(e.message(&self.tr), true),
        }
    }

    /// Saves to `path`; when that is the study's own file and somebody else
    /// has written it since it was opened or saved here, asks first (unless
    /// `knowingly`).
    pub(super) fn save_to(&mut self, path: &Path, knowingly: bool) -> bool {
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

    pub(super) fn remember(&mut self, path: &Path) {
        // Absolute, so the entry opens from any working folder (a relative
        // `studies/x` was listed twice after a restart elsewhere, and the
        // relative one failed).
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.prefs.recent.retain(|p| p != &path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    /// Runs a file dialog; `None` from a dialog that answered at once means
    /// no native dialog is available (rfd without a portal), so the in-app
    /// path field is shown instead.
    pub(super) fn file_dialog(&mut self, purpose: PathPurpose) -> Option<PathBuf> {
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

    pub(super) fn show_path_dialog(&mut self, purpose: PathPurpose) {
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
    pub(super) fn discard_then(&mut self, action: Discarding, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.ui_state.discarding = Some(action);
        } else {
            self.do_discarding(action, ctx);
        }
    }

    pub(super) fn do_discarding(&mut self, action: Discarding, ctx: &egui::Context) {
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

    /// The evaluation to export, if the study has no errors (so no figure
    /// from before the last edit ever leaves the program).
    pub(super) fn exportable(&mut self) -> Option<()> {
        if self.stale || self.report.has_errors() || self.evaluation.is_none() {
            self.message(self.tr.get("export-needs-valid-study"), true);
            return None;
        }
        Some(())
    }

    /// Starts an export on another thread (the window stays responsive;
    /// the bottom panel shows its progress and a Cancel button, and says
    /// where it went when it is done). One export runs at a time.
    pub(super) fn export_to(&mut self, kind: ExportKind, path: &Path) {
        if self.export.is_some() {
            self.message(self.tr.get("export-running"), true);
            return;
        }
        if self.exportable().is_none() {
            return;
        }
        let Some(evaluation) = self.evaluation.clone() else {
            return;
        };
        let year = self.shown_year();
        let study = self.doc.study.clone();
        // The study may say which language its exports speak.
        let lang = study.language.unwrap_or_else(|| self.tr.lang());
        let path = match kind.extension() {
            Some(ext) if path.extension().is_none() => path.with_extension(ext),
            _ => path.to_path_buf(),
        };
        let file_name = self.doc.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || crate::REFERENCE_STUDY_NAME.to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let target = path.clone();
        let work = super::job::Background::start(self.ctx.as_ref(), move |progress| {
            let tr = Tr::new(lang);
            write_export(
                kind,
                &target,
                (&study, &evaluation),
                (&tr, year, &file_name),
                progress,
            )
        });
        let run = ExportRun { path, work };
        self.export = Some(run);
    }

    /// Takes a finished export's outcome and says it.
    pub(super) fn poll_export(&mut self) {
        let finished = self.export.as_ref().and_then(|run| run.work.take());
        let Some(outcome) = finished else {
            return;
        };
        let path = self.export.take().map(|run| run.path).unwrap_or_default();
        match outcome {
            Ok(()) => self.message(
                self.tr
                    .args("export-written", &[("what", path.display().to_string())]),
                false,
            ),
            Err(ExportFailure::Cancelled) => self.message(self.tr.get("export-cancelled"), false),
            Err(ExportFailure::Failed(e)) => self.message(e.message(&self.tr), true),
        }
    }

    /// While an export runs: its progress and a Cancel button.
    pub(super) fn export_progress_ui(&mut self, ui: &mut egui::Ui) {
        let Some(run) = &self.export else {
            return;
        };
        let share = run.progress();
        let text = self
            .tr
            .args("export-running-to", &[("what", run.path.display().to_string())]);
        let mut cancel = false;
        ui.horizontal(|ui| {
            // The button first: a long path in the bar's text cannot run
            // over it.
            cancel = ui.button(self.tr.get("ui-cancel")).clicked();
            #[allow(clippy::cast_possible_truncation)]
            ui.add(
                egui::ProgressBar::new(share as f32)
                    .desired_width(ui.available_width().min(600.0))
                    .text(text),
            );
        });
        if cancel && let Some(run) = &self.export {
            run.work.cancel();
        }
    }

    pub(super) fn start_import(&mut self, path: &Path) {
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

    /// Copies one table (only that one is built) as tab-separated text.
    pub(super) fn copy_table(&mut self, id: crate::report::tables::TableId, ctx: &egui::Context) {
        let Some(evaluation) = &self.evaluation else {
            return;
        };
        let year = self.shown_year();
        let table = id.build(&self.doc.study, evaluation, &self.tr, year);
        ctx.copy_text(crate::report::tables::to_tsv(
            &table,
            self.tr.lang().csv_decimal(),
        ));
        self.message(self.tr.args("ui-copied", &[("table", table.title)]), false);
    }

    pub(super) fn save_as(&mut self, then: Option<Discarding>) {
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
}

/// Why an export did not finish.
#[derive(Debug)]
pub(super) enum ExportFailure {
    /// The user cancelled it (nothing was written).
    Cancelled,
    /// Building or writing failed.
    Failed(io::export::ExportError),
}

/// An export running on another thread, and where it writes.
#[derive(Debug)]
pub struct ExportRun {
    path: PathBuf,
    work: super::job::Background<Result<(), ExportFailure>>,
}

impl ExportRun {
    /// Its share done (0–1).
    pub fn progress(&self) -> f64 {
        self.work.progress()
    }
}

/// Builds what `kind` contains and writes it to `path` (the work of an
/// export thread): the tables from [`crate::report::bundle::export_tables`]
/// for CSV and XLSX, the briefing for HTML. Cancelled before anything is
/// written when `progress` says stop.
fn write_export(
    kind: ExportKind,
    path: &Path,
    (study, evaluation): (&Study, &engine::Evaluation),
    (tr, year, file_name): (&Tr, i32, &str),
    progress: &(dyn Fn(f64) -> bool + Sync),
) -> Result<(), ExportFailure> {
    // Only the analyses the format shows (a briefing needs them all; the
    // tables too), each once, with progress and cancel.
    let options = crate::report::bundle::ExportOptions::default();
    let analyses = crate::report::bundle::Analyses::run(study, year, options, progress)
        .map_err(|_| ExportFailure::Cancelled)?;
    if !progress(0.97) {
        return Err(ExportFailure::Cancelled);
    }
    let written = match kind {
        ExportKind::Html => io::export::html_with(
            path,
            (study, evaluation),
            (tr, year, file_name),
            &analyses,
            io::html_export::Length::Full,
        ),
        ExportKind::HtmlOnePage => io::export::html_with(
            path,
            (study, evaluation),
            (tr, year, file_name),
            &analyses,
            io::html_export::Length::OnePage,
        ),
        ExportKind::Csv | ExportKind::CsvInternational | ExportKind::Xlsx => {
            let tables = crate::report::bundle::export_tables(study, evaluation, (tr, year), &analyses);
            match kind {
                ExportKind::Xlsx => io::export::xlsx(path, &tables, tr),
                ExportKind::CsvInternational => {
                    io::export::csv_dir(path, &tables, io::csv_export::CsvVariant::International).map(|_| ())
                }
                _ => io::export::csv_dir(path, &tables, io::csv_export::CsvVariant::Nordic).map(|_| ()),
            }
        }
    };
    progress(1.0);
    written.map_err(ExportFailure::Failed)
}
