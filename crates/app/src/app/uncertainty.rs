//! The "Uncertainty" view: how sure the answer is. The simulation
//! ([`crate::uncertainty`]) runs on a background thread with a progress
//! bar and Cancel and restarts on every edit; the view shows, for all
//! municipalities together or one of them, each scenario's spread and its
//! chance of being the cheapest, the cost distributions, the cost over the
//! years as a fan, the payback years, a tornado on the difference between
//! two scenarios with break-even values, and a break-even solver for any
//! input. The deterministic comparison stays the first view; this is added.

use crate::report::messages::Message;
use std::sync::Arc;

use eframe::egui::{self, Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints, Polygon};

use super::job::{Job, progress_ui};
use super::widgets::{combo_ui, number_ui, report_table_ui, rgb, right_label, series_color};
use super::{Command, Selection, ViewCtx};
use crate::engine::Metric;
use crate::i18n::{Lang, Tr};
use crate::model::{InputRef, Study};
use crate::report::charts::{self, DistributionSeries, FanChart, TornadoChart};
use crate::report::tables::{self, Table};
use crate::uncertainty::{self, Simulation, TornadoRow, UncertaintyError};

/// What a simulation was for: revision, metric, draws, seed.
type JobKey = (u64, Metric, usize, u64);
/// A tornado for (simulation, a, b, member), and its base and rows.
type TornadoCache = Option<((JobKey, usize, usize, Option<usize>), Arc<(f64, Vec<TornadoRow>)>)>;

/// What the view shows of a simulation, made once per simulation, member
/// and language rather than every frame (each sorts every draw).
#[derive(Debug)]
struct Made {
    findings: Vec<String>,
    title: String,
    rows: Vec<uncertainty::Row>,
    /// The two scenarios most often cheapest: the tornado's pair until
    /// the user picks one.
    most_likely: Option<(usize, usize)>,
    distribution: Vec<DistributionSeries>,
    fan: FanChart,
    payback: Table,
}

/// [`Made`] for (simulation, member, language).
type MadeCache = Option<((JobKey, Option<usize>, Lang), Arc<Made>)>;

/// The view's own state (never saved).
#[derive(Debug, Clone)]
pub struct UncertaintyState {
    /// Draws per run (10 000 by default).
    pub draws: usize,
    /// The seed.
    pub seed: u64,
    /// The member shown (`None`: all together).
    pub member: Option<usize>,
    /// The tornado's pair, when chosen by hand.
    pub pair: Option<(usize, usize)>,
    /// The input chosen in the break-even solver.
    pub solver_input: Option<usize>,
    /// A range to show (opened and marked) once, sent by a problem's "Go
    /// to".
    pub focus_range: Option<usize>,
    solver_result: Option<(JobKey, usize, Option<f64>)>,
    job: Job<JobKey, Result<Simulation, UncertaintyError>>,
    tornado: TornadoCache,
    made: MadeCache,
    /// The study's numeric inputs (for the range and break-even lists),
    /// made once per document revision rather than every frame.
    inputs: Option<(u64, Vec<InputRef>)>,
}

impl Default for UncertaintyState {
    fn default() -> Self {
        UncertaintyState {
            draws: 10_000,
            seed: 1,
            member: None,
            pair: None,
            solver_input: None,
            focus_range: None,
            solver_result: None,
            job: Job::default(),
            tornado: None,
            made: None,
            inputs: None,
        }
    }
}

impl UncertaintyState {
    /// The study's numeric inputs at `revision` (empty when the study
    /// cannot be prepared), made once per revision.
    fn inputs(&mut self, study: &Study, revision: u64) -> &[InputRef] {
        if self.inputs.as_ref().is_none_or(|(r, _)| *r != revision) {
            let inputs = crate::engine::PreparedStudy::prepare(study)
                .map(|p| p.inputs())
                .unwrap_or_default();
            self.inputs = Some((revision, inputs));
        }
        self.inputs.as_ref().map_or(&[], |(_, inputs)| inputs.as_slice())
    }

    /// Stops a running simulation.
    pub fn cancel(&mut self) {
        self.job.cancel();
    }
}

/// Every range of the study with its editor, and any other input can be
/// given one (today's costs, attributes, salaries, growth, discount rate).
/// The list shows even when the study has errors (a broken range is one
/// of them, and the list is where it is fixed); a range sent by a
/// problem's "Go to" opens the list and is marked.
fn ranges_ui(
    ui: &mut Ui,
    tr: &Tr,
    study: &Study,
    inputs: &[InputRef],
    focus: Option<usize>,
    commands: &mut Vec<Command>,
) {
    if inputs.is_empty() && study.uncertainties.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(tr.args("unc-ranges", &[("n", study.uncertainties.len().to_string())]))
        .id_salt("unc-ranges")
        .open(focus.map(|_| true))
        .show(ui, |ui| {
            for (i, range) in study.uncertainties.iter().enumerate() {
                let value = range.input.value_in(study).unwrap_or(f64::NAN);
                let marked = focus == Some(i);
                let row = ui.horizontal(|ui| {
                    super::range::range_button_ui(ui, tr, study, &range.input, value, commands);
                    let (low, high) = range.range.bounds();
                    let text = RichText::new(format!(
                        "{}: {} ({} – {})",
                        tables::input_text(study, &range.input, tr),
                        tr.num_trim(value, 2),
                        tr.num_trim(low, 2),
                        tr.num_trim(high, 2)
                    ));
                    ui.label(if marked { text.strong().underline() } else { text });
                    // A loan's rate or a VAT share: not in the draws below.
                    if range.input.is_budget_only() {
                        ui.label(RichText::new(tr.get("unc-budget-only")).weak());
                    }
                });
                if marked {
                    row.response.scroll_to_me(Some(egui::Align::Center));
                }
            }
            if inputs.is_empty() {
                return;
            }
            let without: Vec<&InputRef> = inputs
                .iter()
                .filter(|i| study.uncertainties.iter().all(|u| &u.input != *i))
                .collect();
            combo_ui(
                ui,
                "unc-add-range",
                &tr.get("unc-add-range"),
                tr.get("unc-add-range"),
                |ui| {
                    egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                        for &input in &without {
                            if ui
                                .selectable_label(false, tables::input_text(study, input, tr))
                                .clicked()
                            {
                                let value = input.value_in(study).unwrap_or(0.0);
                                commands.push(Command::Edit(
                                    super::Edit::SetRange(
                                        input.clone(),
                                        Some(crate::model::uncertainty::Uncertainty::around(
                                            input.clone(),
                                            value,
                                        )),
                                    ),
                                    None,
                                ));
                            }
                        }
                    });
                },
            );
        });
}

fn who(tr: &Tr, study: &Study, member: Option<usize>) -> String {
    member.map_or_else(|| tr.get("unc-all"), |m| study.members[m].name.clone())
}

/// Draws the view.
pub fn view_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    selection: &Selection,
    us: &mut UncertaintyState,
    commands: &mut Vec<Command>,
) {
    let ViewCtx {
        tr,
        study,
        evaluation,
        revision,
        ..
    } = *cx;
    ui.heading(tr.get("view-uncertainty"));
    if study.uncertainties.is_empty() {
        ui.label(tr.get("unc-no-ranges"));
    }
    let focus = us.focus_range.take();
    ranges_ui(ui, tr, study, us.inputs(study, revision), focus, commands);
    let metric = selection.metric(study, evaluation);
    let metric_name = tr.get(selection.metric.message_id());
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.get("unc-show-for"));
        if ui
            .selectable_label(us.member.is_none(), tr.get("unc-all"))
            .clicked()
        {
            us.member = None;
        }
        for (m, member) in study.members.iter().enumerate() {
            if ui.selectable_label(us.member == Some(m), &member.name).clicked() {
                us.member = Some(m);
            }
        }
        ui.separator();
        ui.label(tr.get("unc-draws"));
        if let Some(v) = number_ui(
            ui,
            tr,
            "unc-draws",
            us.draws as f64,
            0,
            80.0,
            &tr.get("unc-draws"),
        ) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let draws = v.clamp(100.0, 1_000_000.0) as usize;
            us.draws = draws;
        }
        ui.label(tr.get("unc-seed"));
        if let Some(v) = number_ui(ui, tr, "unc-seed", us.seed as f64, 0, 60.0, &tr.get("unc-seed")) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let seed = v.clamp(0.0, 1e15) as u64;
            us.seed = seed;
        }
        ui.label(RichText::new(metric_name).weak());
    });
    if us.member.is_some_and(|m| m >= study.members.len()) {
        us.member = None;
    }
    let key: JobKey = (revision, metric, us.draws, us.seed);
    us.job.drive(
        ui.ctx(),
        &key,
        |r| *r != Err(UncertaintyError::Cancelled),
        || {
            let owned = study.clone();
            let options = uncertainty::Options {
                draws: key.2,
                seed: key.3,
                metric: key.1,
            };
            move |progress: &(dyn Fn(f64) -> bool + Sync)| uncertainty::simulate(&owned, options, progress)
        },
    );
    progress_ui(
        ui,
        &mut us.job,
        &key,
        tr.get("unc-computing"),
        (tr.get("fair-cancel"), tr.get("fair-compute")),
    );
    let Some((shown_key, result)) = us.job.result() else {
        return;
    };
    let sim = match result.as_ref() {
        Ok(sim) => sim,
        Err(e) => {
            ui.label(RichText::new(e.message(tr)).color(ui.visuals().error_fg_color));
            return;
        }
    };
    if sim.scenarios != study.scenarios.len() || sim.members != study.members.len() {
        return;
    }
    let member = us.member;
    let made_key = (shown_key, member, tr.lang());
    let made = match &us.made {
        Some((k, made)) if *k == made_key => Arc::clone(made),
        _ => {
            let made = Arc::new(Made {
                findings: tables::uncertainty_findings(study, sim, tr),
                title: tables::uncertainty_title(sim, tr),
                rows: sim
                    .rows(member)
                    .into_iter()
                    .filter(|row| member.is_none_or(|m| sim.participates[row.scenario][m]))
                    .collect(),
                most_likely: sim.two_most_likely(member),
                distribution: charts::distribution(study, sim, member, tr),
                fan: charts::fan(study, sim),
                payback: tables::payback_distribution(study, sim, tr),
            });
            us.made = Some((made_key, Arc::clone(&made)));
            made
        }
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if shown_key != key {
                ui.disable();
            }
            for finding in &made.findings {
                ui.label(format!("• {finding}"));
            }
            ui.add_space(8.0);
            summary_grid_ui(ui, tr, study, &made);
            ui.add_space(10.0);
            ui.columns(2, |columns| {
                cdf_chart_ui(&mut columns[0], tr, &made.distribution);
                fan_chart_ui(&mut columns[1], tr, &made.fan);
            });
            ui.add_space(10.0);
            ui.label(RichText::new(&made.payback.title).strong());
            report_table_ui(ui, tr, "unc-payback", &made.payback);
            ui.add_space(10.0);
            tornado_ui(ui, tr, study, (sim, made.most_likely), shown_key, us);
        });
}

/// Per scenario for the member shown: the spread of its cost and saving
/// and its chance of being the cheapest.
fn summary_grid_ui(ui: &mut Ui, tr: &Tr, study: &Study, made: &Made) {
    ui.label(RichText::new(&made.title).strong());
    egui::Grid::new("unc-summary")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for header in [
                "ui-scenario",
                "unc-mean",
                "unc-p10",
                "unc-p50",
                "unc-p90",
                "unc-saving-p50",
                "unc-p-cheapest",
            ] {
                ui.label(RichText::new(tr.get(header)).strong());
            }
            ui.end_row();
            for row in &made.rows {
                ui.label(&study.scenarios[row.scenario].name);
                for v in [
                    row.cost.mean,
                    row.cost.p10,
                    row.cost.p50,
                    row.cost.p90,
                    row.saving.p50,
                ] {
                    right_label(ui, RichText::new(tr.num(v, 0)).monospace());
                }
                // Not in competition: "—", never 0 %.
                let chance = if row.competes {
                    format!(
                        "{} ± {}",
                        tr.pct(row.p_cheapest * 100.0, 1),
                        tr.pct(row.p_cheapest_se * 100.0, 1)
                    )
                } else {
                    "—".to_owned()
                };
                right_label(ui, RichText::new(chance).monospace());
                ui.end_row();
            }
        });
}

/// The share of draws at or below each cost, one line per scenario.
fn cdf_chart_ui(ui: &mut Ui, tr: &Tr, distribution: &[DistributionSeries]) {
    ui.label(RichText::new(tr.get("unc-cdf-title")).strong());
    Plot::new("unc-cdf")
        .height(260.0)
        .allow_drag(false)
        // The hover names the scenario: "Fjerndrift: 80 % at or below
        // 2 200 000 kr".
        .label_formatter(|pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name, position, ..
            } if !plot_name.is_empty() => Some(tr.args(
                "unc-cdf-hover",
                &[
                    ("scenario", (*plot_name).to_owned()),
                    ("p", tr.pct(position.y * 100.0, 0)),
                    ("cost", tr.money(position.x)),
                ],
            )),
            _ => None,
        })
        .allow_zoom(false)
        .allow_scroll(false)
        .x_grid_spacer(super::widgets::money_grid(super::widgets::MONEY_ALONG_X))
        .x_axis_formatter(|mark, _| tr.num(mark.value, 0))
        .y_axis_formatter(|mark, _| tr.pct(mark.value * 100.0, 0))
        .show(ui, |plot| {
            for series in distribution {
                let points: Vec<[f64; 2]> = series.points.iter().map(|(x, y)| [*x, *y]).collect();
                plot.line(
                    Line::new(series.name.clone(), PlotPoints::from(points))
                        .color(rgb(series.colour))
                        .width(2.0),
                );
            }
        });
    // The legend under the chart, where it covers no curve.
    let entries: Vec<(String, Color32)> = distribution
        .iter()
        .map(|s| (s.name.clone(), rgb(s.colour)))
        .collect();
    super::charts::legend_ui(ui, &entries);
}

/// What all members pay each year: a P10–P90 band and the median, per scenario.
fn fan_chart_ui(ui: &mut Ui, tr: &Tr, fan: &FanChart) {
    ui.label(RichText::new(tr.get("unc-fan-title")).strong());
    Plot::new("unc-fan")
        .height(260.0)
        .allow_drag(false)
        // The hover names the scenario and the year: "Fjerndrift 2009:
        // 2 136 000 kr".
        .label_formatter(|pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name, position, ..
            } if !plot_name.is_empty() => {
                Some(format!("{plot_name} {:.0}: {}", position.x, tr.money(position.y)))
            }
            _ => None,
        })
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .y_grid_spacer(super::widgets::money_grid(super::widgets::MONEY_ALONG_Y))
        .y_axis_formatter(|mark, _| tr.num(mark.value, 0))
        .show(ui, |plot| {
            let x = |y: usize| fan.years.get(y).copied().map_or(0.0, f64::from);
            for series in &fan.series {
                let color = rgb(series.colour);
                let name = series.name.clone();
                // One quadrilateral per year step: each is convex, so the
                // band fills correctly however the cost jumps.
                let fill = Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), 40);
                for y in 1..series.median.len() {
                    let quad = vec![
                        [x(y - 1), series.low[y - 1]],
                        [x(y), series.low[y]],
                        [x(y), series.high[y]],
                        [x(y - 1), series.high[y - 1]],
                    ];
                    plot.polygon(
                        Polygon::new(name.clone(), PlotPoints::from(quad))
                            .fill_color(fill)
                            .stroke(egui::Stroke::new(0.0, color)),
                    );
                }
                let median: Vec<[f64; 2]> = series
                    .median
                    .iter()
                    .enumerate()
                    .map(|(y, m)| [x(y), *m])
                    .collect();
                plot.line(Line::new(name, PlotPoints::from(median)).color(color).width(2.0));
            }
        });
    let entries: Vec<(String, Color32)> = fan
        .series
        .iter()
        .map(|s| (s.name.clone(), rgb(s.colour)))
        .collect();
    super::charts::legend_ui(ui, &entries);
}

/// The tornado on the difference between two scenarios, with its table,
/// and the break-even solver.
fn tornado_ui(
    ui: &mut Ui,
    tr: &Tr,
    study: &Study,
    (sim, most_likely): (&Simulation, Option<(usize, usize)>),
    key: JobKey,
    us: &mut UncertaintyState,
) {
    ui.label(RichText::new(tr.get("unc-tornado-title")).strong());
    let default = most_likely.unwrap_or((0, 1.min(sim.scenarios - 1)));
    let (mut a, mut b) = us
        .pair
        .filter(|(a, b)| *a < sim.scenarios && *b < sim.scenarios)
        .unwrap_or(default);
    ui.horizontal(|ui| {
        ui.label(tr.get("unc-compare"));
        combo_ui(
            ui,
            "unc-a",
            &tr.get("unc-compare"),
            study.scenarios[a].name.clone(),
            |ui| {
                for (s, scenario) in study.scenarios.iter().enumerate() {
                    if ui.selectable_label(s == a, &scenario.name).clicked() {
                        a = s;
                    }
                }
            },
        );
        ui.label(tr.get("unc-with"));
        combo_ui(
            ui,
            "unc-b",
            &tr.get("unc-with"),
            study.scenarios[b].name.clone(),
            |ui| {
                for (s, scenario) in study.scenarios.iter().enumerate() {
                    if ui.selectable_label(s == b, &scenario.name).clicked() {
                        b = s;
                    }
                }
            },
        );
    });
    if (a, b) != default || us.pair.is_some() {
        us.pair = Some((a, b));
    }
    let tornado_key = (key, a, b, us.member);
    if us.tornado.as_ref().is_none_or(|(k, _)| *k != tornado_key)
        && let Ok(result) = uncertainty::tornado(study, a, b, us.member, key.1)
    {
        us.tornado = Some((tornado_key, Arc::new(result)));
    }
    if let Some((_, result)) = us.tornado.clone() {
        let (base, rows) = result.as_ref();
        let chart = charts::tornado(study, *base, rows, tr);
        tornado_chart_ui(ui, tr, &chart);
        if chart.still > 0 {
            ui.label(
                RichText::new(tr.args("unc-tornado-still", &[("n", chart.still.to_string())]))
                    .small()
                    .weak(),
            );
        }
        let table = tables::tornado(study, (a, b, us.member), *base, rows, tr);
        ui.label(RichText::new(&table.title).weak());
        report_table_ui(ui, tr, "unc-tornado-table", &table);
    }
    ui.add_space(10.0);
    let inputs = us.inputs(study, key.0).to_vec();
    solver_ui(ui, tr, study, (a, b), key, &inputs, us);
}

fn tornado_chart_ui(ui: &mut Ui, tr: &Tr, chart: &TornadoChart) {
    let n = chart.bars.len();
    let base = chart.base;
    let axis_names: Vec<String> = chart.bars.iter().map(|b| b.name.clone()).collect();
    let height = (40.0 + 28.0 * n as f32).clamp(120.0, 500.0);
    Plot::new("unc-tornado")
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show_grid([true, false])
        .x_grid_spacer(super::widgets::money_grid(super::widgets::MONEY_ALONG_X))
        .x_axis_formatter(|mark, _| tr.num(mark.value, 0))
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                // Bars run top to bottom; a mark above the top bar names
                // nothing (it repeated the first name).
                let index = n.checked_sub(i as usize + 1);
                index
                    .and_then(|index| axis_names.get(index))
                    .map(|s| {
                        if s.chars().count() > 56 {
                            s.chars().take(55).chain(std::iter::once('…')).collect()
                        } else {
                            s.clone()
                        }
                    })
                    .unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_min_width(320.0)
        .show(ui, |plot| {
            let bars: Vec<Bar> = chart
                .bars
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let (lo, hi) = (r.at_low.min(r.at_high), r.at_low.max(r.at_high));
                    let flip = if r.break_evens.is_empty() {
                        tr.get("unc-no-flip")
                    } else {
                        let values: Vec<String> = r.break_evens.iter().map(|v| tr.num_trim(*v, 2)).collect();
                        format!("{}: {}", tr.get("unc-break-even"), values.join(" · "))
                    };
                    Bar::new((n - 1 - i) as f64, hi - lo)
                        .base_offset(lo)
                        .width(0.6)
                        .fill(if r.break_evens.is_empty() {
                            series_color(0)
                        } else {
                            series_color(1)
                        })
                        .name(format!(
                            "{}\n{} … {}\n{flip}",
                            r.name,
                            tr.money(r.at_low),
                            tr.money(r.at_high)
                        ))
                })
                .collect();
            plot.bar_chart(
                BarChart::new(tr.get("unc-tornado-title"), bars)
                    .horizontal()
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
            plot.line(
                Line::new("0", PlotPoints::from(vec![[base, -0.5], [base, n as f64 - 0.5]]))
                    .color(Color32::GRAY),
            );
            plot.line(
                Line::new("=", PlotPoints::from(vec![[0.0, -0.5], [0.0, n as f64 - 0.5]]))
                    .color(Color32::from_rgb(200, 60, 60))
                    .width(2.0),
            );
        });
    // What the colours and lines mean.
    super::charts::legend_ui(
        ui,
        &[
            (tr.get("unc-tornado-no-flip"), series_color(0)),
            (tr.get("unc-tornado-flips"), series_color(1)),
            (
                tr.args("unc-tornado-base-line", &[("base", tr.money(base))]),
                Color32::GRAY,
            ),
            (tr.get("unc-tornado-zero-line"), Color32::from_rgb(200, 60, 60)),
        ],
    );
}

/// Any input: the value at which the two scenarios cost the same.
fn solver_ui(
    ui: &mut Ui,
    tr: &Tr,
    study: &Study,
    (a, b): (usize, usize),
    key: JobKey,
    inputs: &[InputRef],
    us: &mut UncertaintyState,
) {
    if inputs.is_empty() {
        return;
    }
    let chosen = us.solver_input.filter(|i| *i < inputs.len()).unwrap_or(0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr.get("unc-solver")).strong());
        combo_ui(
            ui,
            "unc-solver-input",
            &tr.get("unc-solver"),
            tables::input_text(study, &inputs[chosen], tr),
            |ui| {
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    for (i, input) in inputs.iter().enumerate() {
                        if ui
                            .selectable_label(i == chosen, tables::input_text(study, input, tr))
                            .clicked()
                        {
                            us.solver_input = Some(i);
                        }
                    }
                });
            },
        );
        if ui.button(tr.get("unc-solve")).clicked() {
            let found = uncertainty::break_even(study, &inputs[chosen], a, b, us.member, key.1)
                .ok()
                .flatten();
            us.solver_result = Some((key, chosen, found));
        }
    });
    if let Some((k, i, found)) = us.solver_result
        && k == key
        && i == chosen
    {
        let input = tables::input_text(study, &inputs[i], tr);
        let text = match found {
            Some(value) => tr.args(
                "unc-solver-result",
                &[
                    ("a", study.scenarios[a].name.clone()),
                    ("b", study.scenarios[b].name.clone()),
                    ("input", input),
                    ("value", tr.num_trim(value, 2)),
                    (
                        "now",
                        tr.num_trim(inputs[i].value_in(study).unwrap_or(f64::NAN), 2),
                    ),
                ],
            ),
            None => tr.args("unc-solver-none", &[("input", input)]),
        };
        ui.label(format!("{} ({})", text, who(tr, study, us.member)));
    }
}
