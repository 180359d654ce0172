//! Today's costs: the category × municipality grid, edited like a
//! spreadsheet (Tab moves right, Enter moves down, `1 234,5` or `1234.5`
//! accepted), with computed totals beside the totals the source printed,
//! and a warning where they disagree.

use crate::report::messages::Message;
use eframe::egui::{self, RichText, Ui};

use super::document::Edit;
use super::widgets::{WARNING, number_field, number_field_id, right_label};
use super::{Command, ViewCtx};
use crate::model::keys::todays_cost_by_member;
use crate::model::{Place, Problem};

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, commands: &mut Vec<Command>) {
    let ViewCtx {
        tr, study, report, ..
    } = *cx;
    ui.heading(tr.get("view-baseline"));
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr.get("ui-baseline-help")).weak());
        if ui
            .button(tr.get("ui-copy-table"))
            .on_hover_text(tr.get("ui-copy-table-hint"))
            .clicked()
        {
            commands.push(Command::CopyTable(crate::report::tables::TableId::Baseline));
        }
    });
    ui.add_space(6.0);
    let differs = |category: Option<&str>| {
        report.issues.iter().find_map(|i| match (&i.place, &i.problem) {
            (
                Place::Baseline {
                    category: c,
                    member: None,
                    ..
                },
                Problem::PrintedTotalDiffers { .. },
            ) if Some(c.as_str()) == category => Some(i.problem.message(tr)),
            _ => None,
        })
    };
    let mut moves: Option<(usize, usize)> = None;
    // Totals as the figures use them (a linked salary from the staffing).
    let category_totals = crate::model::keys::todays_cost_by_category(study);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("baseline-grid")
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    ui.label(RichText::new(tr.get("ui-category")).strong());
                    for member in &study.members {
                        right_label(ui, RichText::new(&member.name).strong());
                    }
                    right_label(ui, RichText::new(tr.get("ui-total")).strong());
                    right_label(ui, RichText::new(tr.get("ui-printed-total")).strong());
                    ui.end_row();
                    for (row, category) in study.categories.iter().enumerate() {
                        let line = study.baseline.lines.iter().find(|l| l.category == category.id);
                        ui.label(&category.name)
                            .on_hover_text(category.kostra_art.join(", "));

                        for (col, member) in study.members.iter().enumerate() {
                            let amount = line
                                .and_then(|l| l.amounts_nok.get(&member.id))
                                .copied()
                                .unwrap_or(0.0);

                            // A cell the member's staffing gives: shown, not typed.
                            if let Some((_, derived)) = study
                                .staffing_salary_cost(member)
                                .filter(|(id, _)| **id == category.id)
                            {
                                right_label(ui, RichText::new(tr.num(derived, 0)).monospace().italics())
                                    .on_hover_text(tr.args(
                                        "ui-derived-from-staffing",
                                        &[("member", member.name.clone())],
                                    ));
                                continue;
                            }
                            let label = format!("{} – {}", category.name, member.name);
                            let id_salt = ("baseline", row, col);
                            let (typed, response) = ui
                                .horizontal(|ui| {
                                    let field = number_field(ui, tr, id_salt, amount, 0, 96.0, &label);
                                    let input = crate::model::InputRef::TodaysCost {
                                        member: member.id.clone(),
                                        category: category.id.clone(),
                                    };
                                    super::range::range_button_ui(ui, tr, study, &input, amount, commands);
                                    field
                                })
                                .inner;
                            if let Some(v) = typed {
                                commands.push(Command::Edit(
                                    Edit::SetBaselineAmount {
                                        category: category.id.clone(),
                                        member: member.id.clone(),
                                        amount_nok: v,
                                    },
                                    None,
                                ));
                            }
                            if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                                moves = Some((row + 1, col));
                            }
                        }
                        right_label(
                            ui,
                            RichText::new(
                                tr.num(category_totals.get(&category.id).copied().unwrap_or(0.0), 0),
                            )
                            .monospace(),
                        );
                        match line.and_then(|l| l.printed_total) {
                            Some(printed) => {
                                let text = RichText::new(tr.num(printed, 0)).monospace();
                                match differs(Some(category.id.as_str())) {
                                    Some(message) => {
                                        right_label(ui, text.color(WARNING)).on_hover_text(message);
                                    }
                                    None => {
                                        right_label(ui, text.weak());
                                    }
                                }
                            }
                            None => {
                                ui.label("");
                            }
                        }
                        ui.end_row();
                    }
                    // Column sums.
                    ui.label(RichText::new(tr.get("ui-total")).strong());
                    let sums = todays_cost_by_member(study);
                    for member in &study.members {
                        let sum = sums.get(&member.id).copied().unwrap_or(0.0);
                        right_label(ui, RichText::new(tr.num(sum, 0)).monospace().strong());
                    }
                    let grand = crate::model::keys::todays_grand_total(study);
                    right_label(ui, RichText::new(tr.num(grand, 0)).monospace().strong());
                    ui.end_row();
                    if !study.baseline.printed_member_totals.is_empty() {
                        ui.label(RichText::new(tr.get("ui-printed-total")).weak());
                        for member in &study.members {
                            match study.baseline.printed_member_totals.get(&member.id) {
                                Some(v) => right_label(ui, RichText::new(tr.num(*v, 0)).monospace().weak()),
                                None => ui.label(""),
                            };
                        }
                        match study.baseline.printed_grand_total {
                            Some(v) => right_label(ui, RichText::new(tr.num(v, 0)).monospace().weak()),
                            None => ui.label(""),
                        };
                        ui.end_row();
                    }
                });
            printed_vs_derived_ui(ui, tr, study);
        });
    if let Some((row, col)) = moves
        && row < study.categories.len()
    {
        ui.memory_mut(|m| m.request_focus(number_field_id(("baseline", row, col))));
    }
}

/// A linked salary replaces a typed cell in the figures, while the printed
/// totals check what was typed (data entry): said when both are there.
fn printed_vs_derived_ui(ui: &mut Ui, tr: &crate::i18n::Tr, study: &crate::model::Study) {
    let any_printed = study.baseline.lines.iter().any(|l| l.printed_total.is_some())
        || !study.baseline.printed_member_totals.is_empty()
        || study.baseline.printed_grand_total.is_some();
    let any_derived = study
        .members
        .iter()
        .any(|m| study.staffing_salary_cost(m).is_some());
    if any_printed && any_derived {
        ui.add_space(4.0);
        ui.label(RichText::new(tr.get("ui-printed-vs-derived")).small().weak());
    }
}
