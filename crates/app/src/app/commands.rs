//! Carrying out what the views ask for: every [`Command`] in one place,
//! after the frame is drawn.

#[allow(clippy::wildcard_imports)]
use super::*;

impl SamdriftApp {
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
                    self.ui_state.forget_made();
                }
                Command::SetThousands(on) => self.prefs.thousands = on,
                Command::Show(view) => self.ui_state.view = view,
                Command::GoTo(place) => self.go_to(&place),
                Command::Quit => self.discard_then(Discarding::Quit, ctx),
                Command::Explain(target) => self.ui_state.explain = Some((target, None)),
                Command::Notify(text) => self.message(text, false),
            }
        }
        if changed {
            self.refresh();
            ctx.request_repaint();
        }
    }

    pub(super) fn go_to(&mut self, place: &Place) {
        let study = &self.doc.study;
        let member_index = |id: &crate::model::MemberId| study.members.iter().position(|m| &m.id == id);
        let scenario_index =
            |id: &crate::model::ScenarioId| study.scenarios.iter().position(|s| &s.id == id).unwrap_or(0);
        match place {
            // The study as a whole: without municipalities, that is where
            // to start.
            Place::Study if study.members.is_empty() => self.ui_state.view = View::Members,
            Place::Study => {}
            Place::Member { member, .. } => {
                self.ui_state.view = View::Members;
                self.ui_state.selection.member = member_index(member).unwrap_or(0);
            }
            Place::Position { member, .. } | Place::Salary { member, .. } => {
                self.ui_state.view = View::Staffing;
                self.ui_state.selection.member = member_index(member).unwrap_or(0);
            }
            // Kinds of cost are the rows of today's costs.
            Place::Category { .. } | Place::Baseline { .. } | Place::BaselineTotals => {
                self.ui_state.view = View::Baseline;
            }
            Place::StaffingTotals => self.ui_state.view = View::Staffing,
            Place::Key { key, .. } => {
                self.ui_state.view = View::Keys;
                self.ui_state.key = study.keys.iter().position(|k| &k.id == key).unwrap_or(0);
            }
            Place::Scenario { scenario, .. } => {
                self.ui_state.view = View::Scenarios;
                self.ui_state.scenarios.selected = scenario_index(scenario);
                self.ui_state.scenarios.highlight_line = None;
            }
            Place::ScenarioLine { scenario, index, .. } => {
                self.ui_state.view = View::Scenarios;
                self.ui_state.scenarios.selected = scenario_index(scenario);
                self.ui_state.scenarios.highlight_line = Some(*index);
                self.ui_state.scenarios.scroll_to_line = true;
            }
            Place::Assumptions => self.ui_state.view = View::Assumptions,
            Place::Uncertainty { index, group, .. } => {
                self.ui_state.view = View::Uncertainty;
                self.ui_state.uncertainty.focus_range = (!group).then_some(*index);
            }
            Place::Workstations | Place::SeatType { .. } | Place::Fleet { .. } => {
                self.ui_state.view = View::Workstations;
            }
            Place::Decision { .. } => self.ui_state.view = View::Criteria,
        }
    }
}
