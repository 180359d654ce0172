//! The app's modal dialogs: unsaved changes, the path dialog, a study
//! changed on disk, and the explanation of a figure.

#[allow(clippy::wildcard_imports)]
use super::*;

impl SamdriftApp {
    /// Asks before overwriting a file somebody else has written since it
    /// was opened: save under a new name, overwrite knowingly, or cancel.
    pub(super) fn conflict_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = self.ui_state.conflict.clone() else {
            return;
        };
        let tr = &self.tr;
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("save-conflict")).show(ctx, |ui| {
            ui.heading(tr.get("conflict-title"));
            ui.label(tr.args("conflict-text", &[("path", path.display().to_string())]));
            ui.add_space(8.0);
            choice = super::widgets::choice_buttons_ui(
                ui,
                &[
                    tr.get("menu-save-as"),
                    tr.get("conflict-overwrite"),
                    tr.get("ui-cancel"),
                ],
            );
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
    pub(super) fn explain_ui(&mut self, ctx: &egui::Context) {
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

    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        self.conflict_ui(ctx);
        self.explain_ui(ctx);
        let tr = &self.tr;
        if let Some(action) = self.ui_state.discarding.clone() {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
                ui.heading(tr.get("ui-unsaved-title"));
                ui.label(tr.args("ui-unsaved-text", &[("title", self.doc.study.title.clone())]));
                ui.add_space(8.0);
                choice = super::widgets::choice_buttons_ui(
                    ui,
                    &[tr.get("ui-save"), tr.get("ui-discard"), tr.get("ui-cancel")],
                );
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
                    // Only files of the format (a CSV export writes a
                    // folder: folders only); the folder had .err, .sh, .png.
                    PathPurpose::Export(kind) => match kind.extension() {
                        Some("html") => &["html", "htm"],
                        Some("xlsx") => &["xlsx"],
                        _ => &[FOLDERS_ONLY],
                    },
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
        if self.ui_state.confirm_remove_member.is_some() {
            members::confirm_remove_ui(
                ctx,
                &self.tr,
                &self.doc.study,
                &mut self.ui_state.confirm_remove_member,
                &mut self.ui_state.selection.member,
                &mut self.commands,
            );
        }
    }
}
