//! The comparison view, the first thing a user sees: one row per scenario,
//! one column per municipality and the total, annual cost in the chosen
//! year, with the difference against today's operation in each cell, and
//! the charts beside it.

use eframe::egui::{self, RichText, Ui};

use super::widgets::{EXTRA, SAVING, combo_ui, right_label};
use super::{Command, Selection, ViewCtx, charts};
use crate::engine::SummaryRow;
use crate::i18n::Tr;

/// A difference against today, already rounded in the shown unit: `▼
/// 123 000 (−19,6 %)`, green for a saving, red for an extra cost, with an
/// arrow so it does not rely on colour.
pub fn diff_text(tr: &Tr, diff: f64, percent: Option<f64>) -> RichText {
    let value = diff;
    if value.abs() < 0.5 {
        return RichText::new("±0").weak();
    }
    let (arrow, color) = if diff < 0.0 {
        ("▼", SAVING)
    } else {
        ("▲", EXTRA)
    };
    let sign = if diff < 0.0 { '−' } else { '+' };
    let amount = tr.num(value.abs(), 0);
    let text = match percent {
        // Two lines on purpose: the amount, then the percentage; neither
        // ever wraps (see `cell_ui`).
        Some(p) => format!("{arrow} {sign}{amount}\n({sign}{})", tr.pct(p.abs(), 1)),
        None => format!("{arrow} {sign}{amount}"),
    };
    // Readable beside the figure (issue 15: it was 8 px), still second to it.
    RichText::new(text).color(color).size(12.0)
}

pub use crate::report::metric::MetricChoice;

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, state: &mut Selection, commands: &mut Vec<Command>) {
    let ViewCtx {
        tr,
        study,
        evaluation,
        prefs,
        ..
    } = *cx;
    ui.heading(&study.title);
    if !study.description.is_empty() {
        ui.label(RichText::new(&study.description).weak());
    }
    let Some(evaluation) = evaluation else {
        ui.add_space(20.0);
        ui.label(RichText::new(tr.get("ui-no-result")).color(ui.visuals().error_fg_color));
        return;
    };
    let year = state.year(study, Some(evaluation));
    let metric = state.metric.metric(year);
    let caption = state.metric.caption(tr, study, evaluation, year);
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        for choice in MetricChoice::ALL {
            if ui
                .selectable_label(state.metric == choice, tr.get(choice.message_id()))
                .clicked()
            {
                state.metric = choice;
            }
        }
        ui.separator();
        // The year applies to the annual cost only.
        let annual = state.metric == MetricChoice::Annual;
        let mut chosen = None;
        ui.add_enabled_ui(annual, |ui| {
            ui.label(tr.get("ui-year"));
            combo_ui(
                ui,
                "comparison-year",
                &tr.get("ui-year"),
                year.to_string(),
                |ui| {
                    for y in &evaluation.years {
                        if ui.selectable_label(*y == year, y.to_string()).clicked() {
                            chosen = Some(*y);
                        }
                    }
                },
            );
        });
        if chosen.is_some() {
            state.year = chosen;
        }
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
            let input = charts::ChartInput {
                tr,
                study,
                evaluation,
                metric,
                caption: &caption,
                thousands: prefs.thousands,
            };
            let mut table = |ui: &mut Ui| table_ui(ui, input, commands);
            let mut charts = |ui: &mut Ui| charts::charts_ui(ui, input, state);
            if wide {
                ui.horizontal_top(|ui| {
                    ui.vertical(table);
                    ui.add_space(16.0);
                    ui.vertical(charts);
                });
            } else {
                table(ui);
                ui.add_space(12.0);
                charts(ui);
            }
        });
}

fn table_ui(ui: &mut Ui, input: charts::ChartInput<'_>, commands: &mut Vec<Command>) {
    let charts::ChartInput {
        tr,
        study,
        evaluation,
        metric,
        caption,
        thousands,
    } = input;
    let unit = if thousands { 1000.0 } else { 1.0 };
    let unit_name = crate::report::tables::unit_label(tr, study, thousands);
    ui.label(
        RichText::new(tr.args(
            "ui-comparison-caption",
            &[("what", caption.to_owned()), ("unit", unit_name)],
        ))
        .strong(),
    );
    let rows: Vec<SummaryRow> = evaluation.summary(metric);
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
                let n = study.members.len();
                let cheapest = crate::report::tables::cheapest_per_column(evaluation, &rows);
                for row in &rows {
                    let result = &evaluation.scenarios[row.scenario];
                    let is_today = evaluation.today == Some(row.scenario);
                    let name = RichText::new(&result.name);
                    let response = ui.label(if is_today { name.italics() } else { name });
                    if let Some(level) = study
                        .scenarios
                        .get(row.scenario)
                        .and_then(|s| s.service_level.as_ref())
                    {
                        response.on_hover_text(crate::report::tables::service_level_text(tr, level));
                    }
                    // Members rounded to add up to the total, and so are
                    // their differences.
                    let (members, total) = row.rounded(unit);
                    let today_row = evaluation.today.and_then(|t| rows.get(t));
                    let (diffs, diff_total) = row.rounded_diffs(today_row, unit);
                    for (m, value) in members.iter().enumerate() {
                        let clicked = cell_ui(
                            ui,
                            tr,
                            *value,
                            (!is_today).then(|| (diffs[m], row.diff_percent_per_member[m])),
                            cheapest[m] == Some(row.scenario),
                        );
                        if clicked {
                            commands.push(Command::Explain(ExplainTarget {
                                scenario: row.scenario,
                                member: Some(m),
                                metric,
                            }));
                        }
                    }
                    let clicked = cell_ui(
                        ui,
                        tr,
                        Some(total),
                        (!is_today).then_some((diff_total, row.diff_percent_total)),
                        cheapest[n] == Some(row.scenario),
                    );
                    if clicked {
                        commands.push(Command::Explain(ExplainTarget {
                            scenario: row.scenario,
                            member: None,
                            metric,
                        }));
                    }
                    ui.end_row();
                }
            });
    });
    ui.label(RichText::new(tr.get("ui-comparison-legend")).small().weak());
    ui.label(RichText::new(tr.get("ui-cheapest-legend")).small().color(SAVING));
    for note in crate::report::tables::partial_scenario_notes(study, evaluation, metric, tr) {
        ui.label(RichText::new(note).small().weak());
    }
    if ui
        .button(tr.get("ui-copy-table"))
        .on_hover_text(tr.get("ui-copy-table-hint"))
        .clicked()
    {
        commands.push(Command::CopyTable(crate::report::tables::TableId::Comparison));
    }
}

type Diff = Option<(Option<f64>, Option<f64>)>;

/// One figure with its difference against today; true when the figure was
/// clicked (to explain it).
fn cell_ui(ui: &mut Ui, tr: &Tr, value: Option<f64>, diff: Diff, cheapest: bool) -> bool {
    ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| match value {
        None => {
            ui.label(RichText::new("—").weak())
                .on_hover_text(tr.get("ui-not-participating"));
            false
        }
        Some(v) => {
            let text = if cheapest {
                RichText::new(tr.num(v, 0))
                    .monospace()
                    .strong()
                    .underline()
                    .color(SAVING)
            } else {
                RichText::new(tr.num(v, 0))
                    .monospace()
                    .color(ui.visuals().strong_text_color())
            };
            let hover = if cheapest {
                format!("{}\n{}", tr.get("ui-cheapest"), tr.get("exp-hint"))
            } else {
                tr.get("exp-hint")
            };
            let clicked = ui
                // A figure never wraps (`16 901 50` / `0` was issue 15).
                .add(egui::Label::new(text).sense(egui::Sense::click()).extend())
                .on_hover_text(hover)
                .clicked();
            if let Some((Some(d), percent)) = diff {
                ui.add(egui::Label::new(diff_text(tr, d, percent)).extend());
            } else if diff.is_some() {
                ui.label(RichText::new(" ").small());
            }
            clicked
        }
    })
    .inner
}

use crate::report::explain::ExplainTarget;
