//! The validation panel: every current error and warning; clicking one goes
//! to its place.

use crate::report::messages::IssueLine;
use eframe::egui::{self, RichText, Ui};

use super::Command;
use super::widgets::WARNING;
use crate::i18n::Tr;
use crate::model::{Report, Severity};

/// Draws the panel.
pub fn panel_ui(
    ui: &mut Ui,
    tr: &Tr,
    (report, new): (&Report, &[bool]),
    stale: bool,
    commands: &mut Vec<Command>,
) {
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    let is_new = |i: usize| new.get(i).copied().unwrap_or(false);
    let fresh = (0..report.issues.len()).filter(|&i| is_new(i)).count();
    // The list can be folded away (kept folded across frames); the summary
    // stays.
    let folded_id = egui::Id::unique("validation-folded");
    ui.horizontal(|ui| {
        let summary = tr.args(
            "ui-validation-summary",
            &[("errors", errors.to_string()), ("warnings", warnings.to_string())],
        );
        let color = if errors > 0 {
            ui.visuals().error_fg_color
        } else if warnings > 0 {
            WARNING
        } else {
            ui.visuals().weak_text_color()
        };
        let folded = ui.data(|d| d.get_temp::<bool>(folded_id)).unwrap_or(false);
        if !report.issues.is_empty() {
            let (icon, hint) = if folded {
                ("▸", tr.get("ui-expand-issues"))
            } else {
                ("▾", tr.get("ui-collapse-issues"))
            };
            let response = ui.add(egui::Button::new(icon).frame(false)).on_hover_text(&hint);
            super::widgets::accessible_label(ui, &response, &hint);
            if response.clicked() {
                ui.data_mut(|d| d.insert_temp(folded_id, !folded));
            }
        }
        ui.label(RichText::new(summary).color(color).strong());
        // What the last edit brought, marked in the list too.
        if fresh > 0 {
            ui.label(RichText::new(tr.args("ui-validation-new", &[("count", fresh.to_string())])).strong());
        }
        if stale {
            ui.label(RichText::new(tr.get("ui-stale")).color(ui.visuals().error_fg_color));
        }
    });
    // Read again: a click above folds the list in this frame already.
    let folded = ui.data(|d| d.get_temp::<bool>(folded_id)).unwrap_or(false);
    if report.issues.is_empty() || folded {
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // Long problems wrap to the window rather than run off it.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            for (i, issue) in report.issues.iter().enumerate() {
                let color = match issue.severity() {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => WARNING,
                    Severity::Note => ui.visuals().weak_text_color(),
                };
                let line = if is_new(i) {
                    format!("● {} {}", tr.get("ui-issue-new"), issue.line(tr))
                } else {
                    format!("● {}", issue.line(tr))
                };
                let text = RichText::new(line).color(color);
                let link = egui::Label::new(text).wrap().sense(egui::Sense::click());
                let response = ui.add(link).on_hover_cursor(egui::CursorIcon::PointingHand);
                if response.on_hover_text(tr.get("ui-go-to")).clicked() {
                    commands.push(Command::GoTo(issue.place.clone()));
                }
            }
        });
}
