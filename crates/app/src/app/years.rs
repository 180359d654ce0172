//! Over the years: cumulative cost of each scenario as lines with the
//! payback year marked, for all participants or one municipality, and the
//! table of present value, equivalent annual cost and payback year per
//! scenario and municipality.

use eframe::egui::{self, RichText, Ui};
use egui_plot::{Line, MarkerShape, Plot, PlotPoints, Points};

use super::widgets::report_table_figures_ui;
use super::widgets::scenario_color;
use super::{Command, ViewCtx};
use crate::engine::{Evaluation, Payback};
use crate::i18n::Tr;
use crate::report::tables;

/// What the years view keeps between frames.
#[derive(Debug, Clone, Default)]
pub struct YearsState {
    /// The member shown (`None`: all participants).
    pub member: Option<usize>,
    /// The economics table, built once per evaluation and language (the
    /// app empties it when either changes).
    pub table: Option<crate::report::tables::Table>,
}

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, state: &mut YearsState, commands: &mut Vec<Command>) {
    let ViewCtx {
        tr,
        study,
        evaluation,
        ..
    } = *cx;
    ui.heading(tr.get("view-years"));
    let Some(evaluation) = evaluation else {
        ui.label(RichText::new(tr.get("ui-no-result")).color(ui.visuals().error_fg_color));
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.get("ui-show-for"));
        if ui
            .selectable_label(state.member.is_none(), tr.get("ui-all-members"))
            .clicked()
        {
            state.member = None;
        }
        for (m, member) in study.members.iter().enumerate() {
            if ui
                .selectable_label(state.member == Some(m), &member.name)
                .clicked()
            {
                state.member = Some(m);
            }
        }
    });
    let member = state.member.filter(|m| *m < study.members.len());
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            cumulative_chart_ui(ui, tr, evaluation, member);
            ui.add_space(12.0);
            // Built once per evaluation and language (the cache is emptied
            // when either changes), not every frame.
            let table = state
                .table
                .take()
                .unwrap_or_else(|| tables::economics(study, evaluation, tr));
            ui.horizontal(|ui| {
                ui.label(RichText::new(&table.title).strong());
                if ui
                    .button(tr.get("ui-copy-table"))
                    .on_hover_text(tr.get("ui-copy-table-hint"))
                    .clicked()
                {
                    commands.push(Command::CopyTable(crate::report::tables::TableId::Economics));
                }
            });
            // A figure opens where it comes from.
            if let Some((row, column)) =
                report_table_figures_ui(ui, tr, "economics-table", &table, &tr.get("exp-hint"))
                && let (Some((scenario, member)), Some(metric)) = (
                    tables::economics_rows(evaluation).get(row).copied(),
                    tables::economics_metric(column),
                )
            {
                commands.push(Command::Explain(crate::report::explain::ExplainTarget {
                    scenario,
                    member,
                    metric,
                }));
            }
            ui.label(RichText::new(tr.get("ui-payback-help")).small().weak());
            state.table = Some(table);
        });
}

fn cumulative_chart_ui(ui: &mut Ui, tr: &Tr, evaluation: &Evaluation, member: Option<usize>) {
    let years: Vec<f64> = evaluation.years.iter().map(|y| f64::from(*y)).collect();
    let mut lines = Vec::new();
    let mut marks = Vec::new();
    let mut legend = Vec::new();
    // The report's series and payback marks, as the briefing draws them.
    let (chart, paybacks) = crate::report::charts::cumulative(evaluation, member);
    // Lines that coincide (joint in-house with and without Ibestad) are
    // dashed so that both stay visible.
    let all: Vec<Vec<Option<f64>>> = chart.series.iter().map(|c| c.values.clone()).collect();
    let dashes = crate::palette::line_dashes(&all);
    let mut mark_at: Vec<Option<(usize, f64)>> = vec![None; evaluation.scenarios.len()];
    for (s, series) in chart.series.iter().enumerate() {
        if series.values.iter().all(Option::is_none) {
            continue;
        }
        let color = super::widgets::rgb(series.colour);
        let points: Vec<[f64; 2]> = years
            .iter()
            .zip(&series.values)
            .filter_map(|(x, y)| y.map(|y| [*x, y]))
            .collect();
        let style = match dashes[s] {
            0 => egui_plot::LineStyle::Solid,
            1 => egui_plot::LineStyle::dashed_loose(),
            2 => egui_plot::LineStyle::dotted_loose(),
            _ => egui_plot::LineStyle::dashed_dense(),
        };
        lines.push(
            Line::new(series.name.clone(), PlotPoints::from(points))
                .color(color)
                .width(2.5)
                .style(style),
        );
        if let Some(y) = paybacks[s] {
            mark_at[s] = series.values[y].map(|v| (y, v));
        }
        let payback = evaluation.payback(s, member);
        let payback_text = match payback {
            Payback::Year(y) => tr.args("ui-payback-in", &[("year", y.to_string())]),
            Payback::NotWithinHorizon => tr.get("ui-payback-never"),
            Payback::NotApplicable => String::new(),
        };
        legend.push((series.name.clone(), color, payback_text));
    }
    // Payback markers that would sit on each other (joint in-house and
    // remote both pay back in the first year) are spread sideways and
    // differ in shape, as in the briefing.
    let axis_top = all.iter().flatten().flatten().copied().fold(0.0, f64::max);
    let places = crate::palette::marker_places(&mark_at, axis_top);
    for (s, (at, place)) in mark_at.iter().zip(&places).enumerate() {
        let Some((y, value)) = at else { continue };
        let shape = match place.shape {
            0 => MarkerShape::Diamond,
            1 => MarkerShape::Square,
            2 => MarkerShape::Up,
            _ => MarkerShape::Circle,
        };
        marks.push(
            Points::new(
                format!("{} – {}", evaluation.scenarios[s].name, tr.get("table-payback")),
                vec![[years[*y] + place.shift, *value]],
            )
            .shape(shape)
            .radius(7.0)
            .color(scenario_color(evaluation, s)),
        );
    }
    Plot::new("cumulative-chart")
        .height(360.0)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .include_y(0.0)
        .y_axis_label(tr.get("ui-cumulative-cost"))
        .x_axis_formatter(|mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                format!("{:.0}", mark.value)
            } else {
                String::new()
            }
        })
        .y_grid_spacer(super::widgets::money_grid(super::widgets::MONEY_ALONG_Y))
        .y_axis_formatter(|mark, _| tr.num(mark.value, 0))
        .label_formatter(|position| match position {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name, position, ..
            } => Some(format!(
                "{plot_name}\n{:.0}: {}",
                position.x,
                tr.money(position.y)
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            for line in lines {
                plot.line(line);
            }
            for mark in marks {
                plot.points(mark);
            }
        });
    let entries: Vec<(String, egui::Color32)> = legend
        .into_iter()
        .map(|(name, color, payback)| {
            let text = if payback.is_empty() {
                name
            } else {
                format!("{name} ({payback})")
            };
            (text, color)
        })
        .collect();
    super::charts::legend_ui(ui, &entries);
}
