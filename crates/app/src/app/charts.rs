//! Charts of the comparison (`egui_plot`): per municipality one bar per
//! scenario; per scenario the cost stacked by category; and one
//! municipality's cost now and in each scenario. Every chart is drawn from
//! the evaluation only, with legends, Nordic axis labels and the exact
//! figure on hover.

use eframe::egui::Color32;
use eframe::egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, GridMark, Plot};

use super::Selection;
use super::widgets::{combo_ui, money_grid};
use crate::engine::{Evaluation, Metric};
use crate::i18n::Numbers;
use crate::i18n::Tr;
use crate::model::Study;

/// Which chart is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Per municipality, one bar per scenario.
    ByMember,
    /// Per scenario, stacked by category.
    ByCategory,
    /// One municipality: today and each scenario.
    OneMember,
}

/// A bar plot that stays put (no pan or zoom), with money on the value axis
/// and `names` on the argument axis; `horizontal` puts the names on the
/// left, where long scenario names fit.
fn bar_plot<'a>(
    id: &'a str,
    height: f32,
    unit_label: &str,
    names: Vec<String>,
    thousands: bool,
    horizontal: bool,
    numbers: Numbers,
) -> Plot<'a> {
    let plot = Plot::new(id)
        .height(height)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .label_formatter(|_| None);
    if horizontal {
        plot.show_grid([true, false])
            .x_grid_spacer(money_grid(super::widgets::MONEY_ALONG_X))
            .include_x(0.0)
            .y_axis_min_width(150.0)
            .x_axis_label(unit_label.to_owned())
            .y_axis_formatter(move |mark, _| name_at(&mark, &names))
            .x_axis_formatter(move |mark, _| numbers.in_unit(mark.value, thousands))
    } else {
        plot.show_grid([false, true])
            .y_grid_spacer(money_grid(super::widgets::MONEY_ALONG_Y))
            .include_y(0.0)
            .y_axis_label(unit_label.to_owned())
            .x_axis_formatter(move |mark, _| name_at(&mark, &names))
            .y_axis_formatter(move |mark, _| numbers.in_unit(mark.value, thousands))
    }
}

fn show_bars(ui: &mut Ui, plot: Plot<'_>, charts: Vec<BarChart>) {
    plot.show(ui, |plot| {
        for chart in charts {
            plot.bar_chart(chart);
        }
    });
}

/// A legend under a chart (so it never covers a bar): a coloured square
/// and the series name for each series, wrapped to the width.
pub(super) fn legend_ui(ui: &mut Ui, entries: &[(String, Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, color) in entries {
            // One label per entry, so a square never parts from its name.
            let mut job = eframe::egui::text::LayoutJob::default();
            let font = eframe::egui::TextStyle::Body.resolve(ui.style());
            let text_color = ui.visuals().text_color();
            job.append("■ ", 0.0, eframe::egui::TextFormat::simple(font.clone(), *color));
            job.append(name, 0.0, eframe::egui::TextFormat::simple(font, text_color));
            ui.add(eframe::egui::Label::new(job).wrap_mode(eframe::egui::TextWrapMode::Extend));
            ui.add_space(10.0);
        }
    });
}

/// Text for an axis position that should name item `i` of `names`.
fn name_at(mark: &GridMark, names: &[String]) -> String {
    let nearest = mark.value.round();
    if (mark.value - nearest).abs() > 1e-6 || nearest < 0.0 {
        return String::new();
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    names.get(nearest as usize).cloned().unwrap_or_default()
}

/// A name for an axis: on up to two lines of at most `max` characters,
/// broken between words ("Drift i eget hus med" / "tynne klienter"), cut
/// with "…" only beyond that.
fn short(name: &str, max: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in name.split_whitespace() {
        let line = lines.last_mut().map_or(0, |l| l.chars().count());
        if line > 0 && line + 1 + word.chars().count() > max {
            lines.push(String::new());
        }
        if let Some(last) = lines.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    let cut = |line: &str| -> String {
        if line.chars().count() <= max {
            line.to_owned()
        } else {
            line.chars().take(max - 1).chain(std::iter::once('…')).collect()
        }
    };
    match lines.as_slice() {
        [one] => cut(one),
        [first, second] => format!("{}\n{}", cut(first), cut(second)),
        [first, second, ..] => {
            let second: String = second.chars().take(max - 1).collect();
            format!("{}\n{second}…", cut(first))
        }
        [] => String::new(),
    }
}

/// What the charts show: the study and its figures under a metric, with
/// its caption and unit.
#[derive(Clone, Copy)]
pub struct ChartInput<'a> {
    /// The user's language.
    pub tr: &'a Tr,
    /// The study.
    pub study: &'a Study,
    /// Its figures.
    pub evaluation: &'a Evaluation,
    /// Which figure.
    pub metric: Metric,
    /// The figure in words.
    pub caption: &'a str,
    /// Money in thousands.
    pub thousands: bool,
}

/// Draws the chart selector and the chosen chart.
pub fn charts_ui(ui: &mut Ui, input: ChartInput<'_>, state: &mut Selection) {
    let ChartInput {
        tr, study, thousands, ..
    } = input;
    ui.horizontal(|ui| {
        for (kind, id) in [
            (ChartKind::ByMember, "chart-by-member"),
            (ChartKind::ByCategory, "chart-by-category"),
            (ChartKind::OneMember, "chart-one-member"),
        ] {
            if ui.selectable_label(state.chart == kind, tr.get(id)).clicked() {
                state.chart = kind;
            }
        }
    });
    let unit_label = crate::report::tables::unit_label(tr, study, thousands);
    let height = 420.0_f32.min(ui.available_height().max(300.0));
    match state.chart {
        ChartKind::ByMember => by_member(ui, input, &unit_label, height),
        ChartKind::ByCategory => by_category(ui, input, &unit_label, height),
        ChartKind::OneMember => {
            combo_ui(
                ui,
                "chart-member",
                &tr.get("chart-one-member"),
                study.members.get(state.member).map_or("", |m| m.name.as_str()),
                |ui| {
                    for (i, m) in study.members.iter().enumerate() {
                        ui.selectable_value(&mut state.member, i, &m.name);
                    }
                },
            );
            one_member(ui, input, &unit_label, height, state.member);
        }
    }
}

fn by_member(ui: &mut Ui, input: ChartInput<'_>, unit_label: &str, height: f32) {
    let ChartInput {
        tr,
        study,
        evaluation,
        metric,
        caption,
        thousands,
    } = input;
    // The report's series, as the briefing draws them.
    let chart = crate::report::charts::by_member(study, evaluation, metric);
    let n = chart.series.len().max(1);
    #[allow(clippy::cast_precision_loss)]
    let width = 0.8 / n as f64;
    let names = chart.categories.clone();
    let charts: Vec<BarChart> = chart
        .series
        .iter()
        .enumerate()
        .map(|(s, series)| {
            let colour = super::widgets::rgb(series.colour);
            #[allow(clippy::cast_precision_loss)]
            let offset = (s as f64 - (n as f64 - 1.0) / 2.0) * width;
            let bars: Vec<Bar> = series
                .values
                .iter()
                .enumerate()
                .filter_map(|(m, value)| {
                    let value = (*value)?;
                    #[allow(clippy::cast_precision_loss)]
                    let x = m as f64 + offset;
                    Some(Bar::new(x, value).width(width * 0.92).fill(colour).name(format!(
                        "{}\n{}",
                        names[m],
                        tr.money(value)
                    )))
                })
                .collect();
            let scenario = series.name.clone();
            BarChart::new(series.name.clone(), bars)
                .color(colour)
                .element_formatter(Box::new(move |bar, _| format!("{scenario}\n{}", bar.name)))
        })
        .collect();
    show_bars(
        ui,
        bar_plot(
            "chart-by-member",
            height,
            unit_label,
            names,
            thousands,
            false,
            tr.numbers(),
        ),
        charts,
    );
    let entries: Vec<(String, Color32)> = chart
        .series
        .iter()
        .map(|series| (series.name.clone(), super::widgets::rgb(series.colour)))
        .collect();
    legend_ui(ui, &entries);
    ui.label(
        RichText::new(tr.args("chart-caption-by-member", &[("what", caption.to_owned())]))
            .small()
            .weak(),
    );
}

fn by_category(ui: &mut Ui, input: ChartInput<'_>, unit_label: &str, height: f32) {
    let ChartInput {
        tr,
        study,
        evaluation,
        metric,
        caption,
        thousands,
    } = input;
    // The report's series, as the briefing draws them.
    let chart = crate::report::charts::by_category(study, evaluation, metric);
    let n = chart.categories.len();
    // Top to bottom in study order, as in the table.
    let names: Vec<String> = chart
        .categories
        .iter()
        .rev()
        .map(|name| short(name, 22))
        .collect();
    let mut charts: Vec<BarChart> = Vec::new();
    let mut entries: Vec<(String, Color32)> = Vec::new();
    for series in &chart.series {
        let colour = super::widgets::rgb(series.colour);
        let bars: Vec<Bar> = series
            .values
            .iter()
            .enumerate()
            .map(|(s, v)| {
                let v = v.unwrap_or_default();
                #[allow(clippy::cast_precision_loss)]
                Bar::new((n - 1 - s) as f64, v)
                    .width(0.6)
                    .fill(colour)
                    .name(format!("{}\n{}", chart.categories[s], tr.money(v)))
            })
            .collect();
        let category_name = series.name.clone();
        let mut bar_chart = BarChart::new(series.name.clone(), bars)
            .horizontal()
            .color(colour)
            .element_formatter(Box::new(move |bar, _| format!("{category_name}\n{}", bar.name)));
        entries.push((series.name.clone(), colour));
        let below: Vec<&BarChart> = charts.iter().collect();
        bar_chart = bar_chart.stack_on(&below);
        charts.push(bar_chart);
    }
    show_bars(
        ui,
        bar_plot(
            "chart-by-category",
            height,
            unit_label,
            names,
            thousands,
            true,
            tr.numbers(),
        ),
        charts,
    );
    legend_ui(ui, &entries);
    ui.label(
        RichText::new(tr.args("chart-caption-by-category", &[("what", caption.to_owned())]))
            .small()
            .weak(),
    );
}

fn one_member(ui: &mut Ui, input: ChartInput<'_>, unit_label: &str, height: f32, member: usize) {
    let ChartInput {
        tr,
        study,
        evaluation,
        metric,
        caption,
        thousands,
    } = input;
    // The report's series: one per scenario, one value (this member's).
    let chart = crate::report::charts::one_member(study, evaluation, metric, member);
    if chart.categories.is_empty() {
        return;
    }
    let n = chart.series.len();
    // Top to bottom in study order: the first scenario has the highest y.
    let names: Vec<String> = chart.series.iter().rev().map(|s| short(&s.name, 22)).collect();
    let charts: Vec<BarChart> = chart
        .series
        .iter()
        .enumerate()
        .filter_map(|(s, series)| {
            let value = series.values.first().copied().flatten()?;
            let colour = super::widgets::rgb(series.colour);
            #[allow(clippy::cast_precision_loss)]
            let y = (n - 1 - s) as f64;
            // The tooltip names the municipality too, not only the sum.
            let who = study.members.get(member).map_or("", |m| m.name.as_str());
            let bar = Bar::new(y, value)
                .width(0.6)
                .fill(colour)
                .name(format!("{who}: {}", tr.money(value)));
            let label = series.name.clone();
            Some(
                BarChart::new(label.clone(), vec![bar])
                    .horizontal()
                    .color(colour)
                    .element_formatter(Box::new(move |bar, _| format!("{label}\n{}", bar.name))),
            )
        })
        .collect();
    let widest = chart
        .series
        .iter()
        .filter_map(|s| s.values.first().copied().flatten())
        .fold(0.0, f64::max);
    show_bars(
        ui,
        bar_plot(
            "chart-one-member",
            height,
            unit_label,
            names,
            thousands,
            true,
            tr.numbers(),
        )
        .include_x(widest * 1.08),
        charts,
    );
    ui.label(
        RichText::new(tr.args("chart-caption-one-member", &[("what", caption.to_owned())]))
            .small()
            .weak(),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_axis_name_breaks_between_words_on_two_lines() {
        assert_eq!(super::short("Fjerndrift", 22), "Fjerndrift");
        // 35 characters: "Drift i eget hus med" (20) fits 22, the rest
        // goes on a second line.
        assert_eq!(
            super::short("Drift i eget hus med tynne klienter", 22),
            "Drift i eget hus med\ntynne klienter"
        );
        // Beyond two lines: the second ends in "…".
        assert_eq!(
            super::short(
                "Drift i eget hus med tynne klienter og nye servere i alle kommunene",
                22
            ),
            "Drift i eget hus med\ntynne klienter og nye…"
        );
        // One word longer than a line is cut.
        assert_eq!(super::short("Abcdefghijklmnopqrstuvwxyz", 10), "Abcdefghi…");
    }
}
