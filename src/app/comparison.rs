//! The comparison view, the first thing a user sees: one row per scenario,
//! one column per municipality and the total, annual cost in the chosen
//! year, with the difference against today's operation in each cell, and
//! the charts beside it.

use eframe::egui::{self, Color32, RichText, Ui};

use super::widgets::{EXTRA, SAVING, combo_ui, right_label};
use super::{Command, Preferences, UiState, charts};
use crate::engine::{Evaluation, Metric, SummaryRow};
use crate::format;
use crate::i18n::Tr;
use crate::model::Study;

/// A difference against today: `▼ 123 000 (−19,6 %)`, green for a saving,
/// red for an extra cost, with an arrow so it does not rely on colour.
pub fn diff_text(diff: f64, percent: Option<f64>, unit: f64) -> RichText {
    let value = diff / unit;
    if value.abs() < 0.5 {
        return RichText::new("±0").weak();
    }
    let (arrow, color) = if diff < 0.0 {
        ("▼", SAVING)
    } else {
        ("▲", EXTRA)
    };
    let sign = if diff < 0.0 { '−' } else { '+' };
    let amount = format::nordic(value.abs(), 0);
    let text = match percent {
        Some(p) => format!("{arrow} {sign}{amount} ({sign}{})", format::percent(p.abs(), 1)),
        None => format!("{arrow} {sign}{amount}"),
    };
    RichText::new(text).color(color).small()
}

/// The year the comparison shows.
pub fn shown_year(study: &Study, evaluation: &Evaluation, state: &UiState) -> i32 {
    state
        .year
        .filter(|y| evaluation.year_index(*y).is_some())
        .unwrap_or(study.assumptions.display_year)
}

/// Draws the view.
pub fn view_ui(
    ui: &mut Ui,
    tr: &Tr,
    study: &Study,
    evaluation: Option<&Evaluation>,
    prefs: &Preferences,
    state: &mut UiState,
    commands: &mut Vec<Command>,
) {
    ui.heading(&study.title);
    if !study.description.is_empty() {
        ui.label(RichText::new(&study.description).weak());
    }
    let Some(evaluation) = evaluation else {
        ui.add_space(20.0);
        ui.label(RichText::new(tr.get("ui-no-result")).color(ui.visuals().error_fg_color));
        return;
    };
    let year = shown_year(study, evaluation, state);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(tr.get("ui-year"));
        combo_ui(
            ui,
            "comparison-year",
            &tr.get("ui-year"),
            year.to_string(),
            |ui| {
                for y in &evaluation.years {
                    if ui.selectable_label(*y == year, y.to_string()).clicked() {
                        state.year = Some(*y);
                    }
                }
            },
        );
        ui.separator();
        ui.label(tr.get("ui-unit"));
        if ui
            .selectable_label(!prefs.thousands, tr.get("ui-unit-kroner"))
            .clicked()
        {
            commands.push(Command::SetThousands(false));
        }
        if ui
            .selectable_label(prefs.thousands, tr.get("ui-unit-thousands"))
            .clicked()
        {
            commands.push(Command::SetThousands(true));
        }
    });
    ui.add_space(6.0);
    // Table and charts side by side when there is room for both: the table
    // takes its natural width, the charts the rest.
    let wide = ui.available_width() > 1150.0 && study.members.len() <= 6;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if wide {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| table_ui(ui, tr, study, evaluation, year, prefs.thousands, commands));
                    ui.add_space(16.0);
                    ui.vertical(|ui| {
                        charts::charts_ui(ui, tr, study, evaluation, year, prefs.thousands, state);
                    });
                });
            } else {
                table_ui(ui, tr, study, evaluation, year, prefs.thousands, commands);
                ui.add_space(12.0);
                charts::charts_ui(ui, tr, study, evaluation, year, prefs.thousands, state);
            }
        });
}

fn table_ui(
    ui: &mut Ui,
    tr: &Tr,
    study: &Study,
    evaluation: &Evaluation,
    year: i32,
    thousands: bool,
    commands: &mut Vec<Command>,
) {
    let unit = if thousands { 1000.0 } else { 1.0 };
    let unit_name = if thousands {
        tr.get("ui-unit-thousands")
    } else {
        tr.get("ui-unit-kroner")
    };
    ui.label(
        RichText::new(tr.args(
            "ui-comparison-caption",
            &[("year", year.to_string()), ("unit", unit_name)],
        ))
        .strong(),
    );
    let rows: Vec<SummaryRow> = evaluation.summary(Metric::Annual(year));
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::Grid::new("comparison-table")
            .striped(true)
            .min_col_width(70.0)
            .spacing([14.0, 6.0])
            .show(ui, |ui| {
                ui.label(RichText::new(tr.get("ui-scenario")).strong());
                for member in &study.members {
                    right_label(ui, RichText::new(&member.name).strong());
                }
                right_label(ui, RichText::new(tr.get("ui-total")).strong());
                ui.end_row();
                for row in &rows {
                    let result = &evaluation.scenarios[row.scenario];
                    let is_today = evaluation.today == Some(row.scenario);
                    let name = RichText::new(&result.name);
                    ui.label(if is_today { name.italics() } else { name });
                    let (members, total) = row.rounded(unit);
                    for (m, value) in members.iter().enumerate() {
                        cell_ui(
                            ui,
                            tr,
                            *value,
                            (!is_today).then(|| (row.diff_per_member[m], row.diff_percent_per_member[m])),
                            unit,
                        );
                    }
                    cell_ui(
                        ui,
                        tr,
                        Some(total),
                        (!is_today).then_some((row.diff_total, row.diff_percent_total)),
                        unit,
                    );
                    ui.end_row();
                }
            });
    });
    ui.label(RichText::new(tr.get("ui-comparison-legend")).small().weak());
    if ui
        .button(tr.get("ui-copy-table"))
        .on_hover_text(tr.get("ui-copy-table-hint"))
        .clicked()
    {
        commands.push(Command::CopyTable("comparison"));
    }
}

type Diff = Option<(Option<f64>, Option<f64>)>;

fn cell_ui(ui: &mut Ui, tr: &Tr, value: Option<f64>, diff: Diff, unit: f64) {
    ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| match value {
        None => {
            ui.label(RichText::new("—").weak())
                .on_hover_text(tr.get("ui-not-participating"));
        }
        Some(v) => {
            ui.label(
                RichText::new(format::nordic(v, 0))
                    .monospace()
                    .color(ui.visuals().strong_text_color()),
            );
            if let Some((Some(d), percent)) = diff {
                ui.label(diff_text(d, percent, unit));
            } else if diff.is_some() {
                ui.label(RichText::new(" ").small());
            }
        }
    });
}

/// The colour of a scenario's series in every chart.
pub fn scenario_color(evaluation: &Evaluation, scenario: usize) -> Color32 {
    let (r, g, b) = crate::palette::scenario(scenario, evaluation.today);
    Color32::from_rgb(r, g, b)
}
