//! The menu bar, the keyboard shortcuts and the side panel of views.
//!
//! [`UiCommand`] is the one table of what the menus and the keyboard can
//! do: its name, its shortcuts and the [`Command`] it sends. The menus and
//! the shortcut handler are both made from it, so a shortcut is always
//! shown next to its menu item.

#[allow(clippy::wildcard_imports)]
use super::*;

/// What a menu item or a keyboard shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiCommand {
    /// A new, empty study.
    New,
    /// Open a study file.
    Open,
    /// Open the built-in 2006 study.
    OpenReference,
    /// Import today's costs from a CSV file.
    Import,
    /// Save under another name (before Save: its shortcut has Shift too).
    SaveAs,
    /// Save.
    Save,
    /// Close the window.
    Quit,
    /// Redo (before Undo: Ctrl+Shift+Z).
    Redo,
    /// Undo.
    Undo,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl UiCommand {
    /// Every command, in the order shortcuts are matched (the one with
    /// more modifiers first).
    pub const ALL: [UiCommand; 9] = [
        UiCommand::New,
        UiCommand::Open,
        UiCommand::OpenReference,
        UiCommand::Import,
        UiCommand::SaveAs,
        UiCommand::Save,
        UiCommand::Quit,
        UiCommand::Redo,
        UiCommand::Undo,
    ];

    /// The message id of its name.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            UiCommand::New => "menu-new",
            UiCommand::Open => "menu-open",
            UiCommand::OpenReference => "menu-open-reference",
            UiCommand::Import => "menu-import",
            UiCommand::SaveAs => "menu-save-as",
            UiCommand::Save => "menu-save",
            UiCommand::Quit => "menu-quit",
            UiCommand::Redo => "menu-redo",
            UiCommand::Undo => "menu-undo",
        }
    }

    /// Its keyboard shortcuts; the first is shown in the menu.
    #[must_use]
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const CMD: Modifiers = Modifiers::COMMAND;
        const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        match self {
            UiCommand::New => const { &[key(CMD, Key::N)] },
            UiCommand::Open => const { &[key(CMD, Key::O)] },
            UiCommand::SaveAs => const { &[key(CMD_SHIFT, Key::S)] },
            UiCommand::Save => const { &[key(CMD, Key::S)] },
            UiCommand::Quit => const { &[key(CMD, Key::Q)] },
            UiCommand::Redo => const { &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)] },
            UiCommand::Undo => const { &[key(CMD, Key::Z)] },
            UiCommand::OpenReference | UiCommand::Import => &[],
        }
    }

    /// Undo and redo leave a focused text field its own undo.
    fn yields_to_text(self) -> bool {
        matches!(self, UiCommand::Undo | UiCommand::Redo)
    }

    /// The command it sends.
    #[must_use]
    pub fn command(self) -> Command {
        match self {
            UiCommand::New => Command::New,
            UiCommand::Open => Command::OpenDialog,
            UiCommand::OpenReference => Command::OpenReference,
            UiCommand::Import => Command::ImportDialog,
            UiCommand::SaveAs => Command::SaveAs,
            UiCommand::Save => Command::Save,
            UiCommand::Quit => Command::Quit,
            UiCommand::Redo => Command::Redo,
            UiCommand::Undo => Command::Undo,
        }
    }
}

impl SamdriftApp {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        // Undo and redo belong to the document from anywhere, except while
        // a number field holds typing of its own or the path dialog (not
        // part of the document) is open.
        let text_focused = super::widgets::typing_in_a_number_field(ctx)
            || (self.ui_state.path_dialog.is_some() && ctx.egui_wants_keyboard_input());
        ctx.input_mut(|i| {
            for command in UiCommand::ALL {
                if text_focused && command.yields_to_text() {
                    continue;
                }
                if command.shortcuts().iter().any(|s| i.consume_shortcut(s)) {
                    self.commands.push(command.command());
                }
            }
        });
    }

    /// A menu item of the table: its name, its shortcut beside it.
    fn item_ui(&self, ui: &mut egui::Ui, command: UiCommand, enabled: bool, commands: &mut Vec<Command>) {
        let mut button = egui::Button::new(self.tr.get(command.message_id()));
        if let Some(shortcut) = command.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        if ui.add_enabled(enabled, button).clicked() {
            commands.push(command.command());
        }
    }

    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let tr = &self.tr;
        let mut commands = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr.get("menu-file"), |ui| {
                self.item_ui(ui, UiCommand::New, true, &mut commands);
                self.item_ui(ui, UiCommand::Open, true, &mut commands);
                ui.menu_button(tr.get("menu-recent"), |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(RichText::new(tr.get("menu-no-recent")).weak());
                    }
                    for path in &self.prefs.recent {
                        // A file that is gone is shown as missing, not offered.
                        if path.exists() {
                            if ui.button(path.display().to_string()).clicked() {
                                commands.push(Command::Open(path.clone()));
                            }
                        } else {
                            ui.add_enabled(
                                false,
                                egui::Button::new(
                                    tr.args("menu-recent-missing", &[("path", path.display().to_string())]),
                                ),
                            );
                        }
                    }
                });
                self.item_ui(ui, UiCommand::OpenReference, true, &mut commands);
                self.item_ui(ui, UiCommand::Import, true, &mut commands);
                ui.separator();
                self.item_ui(ui, UiCommand::Save, true, &mut commands);
                self.item_ui(ui, UiCommand::SaveAs, true, &mut commands);
                ui.separator();
                self.item_ui(ui, UiCommand::Quit, true, &mut commands);
            });
            ui.menu_button(tr.get("menu-export"), |ui| {
                for (kind, id) in [
                    (ExportKind::Html, "menu-export-html"),
                    (ExportKind::HtmlOnePage, "menu-export-html-one-page"),
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
                    for table in crate::report::tables::TableId::ALL {
                        if ui.button(tr.get(&table.sheet_message_id())).clicked() {
                            commands.push(Command::CopyTable(table));
                        }
                    }
                });
            });
            ui.menu_button(tr.get("menu-edit"), |ui| {
                self.item_ui(ui, UiCommand::Undo, self.doc.can_undo(), &mut commands);
                self.item_ui(ui, UiCommand::Redo, self.doc.can_redo(), &mut commands);
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

    /// The side panel: the results first (start with the overview), then
    /// the inputs that make them, each group under its heading.
    pub(super) fn nav_ui(&mut self, ui: &mut egui::Ui) {
        for (heading, results) in [("nav-results", true), ("nav-inputs", false)] {
            ui.add_space(6.0);
            ui.label(RichText::new(self.tr.get(heading)).small().strong().weak());
            for view in View::ALL.into_iter().filter(|v| v.is_result() == results) {
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
            let hint = if results {
                "nav-results-hint"
            } else {
                "nav-inputs-hint"
            };
            ui.label(RichText::new(self.tr.get(hint)).small().weak());
        }
    }
}
