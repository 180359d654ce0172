//! The menu bar, the keyboard shortcuts and the side panel of views.

#[allow(clippy::wildcard_imports)]
use super::*;

impl SamdriftApp {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
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

    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
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

    pub(super) fn nav_ui(&mut self, ui: &mut egui::Ui) {
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
}
