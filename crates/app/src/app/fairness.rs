//! The "Fair split" view: for a chosen scenario, what each municipality
//! pays under every key, alone, by the Shapley value and by the nucleolus;
//! whether the agreed key passes the stand-alone test and the core; and a
//! suggested key to add. The analysis ([`crate::fairness`]) runs on a
//! background thread with a progress bar and Cancel, and restarts when the
//! study, the scenario or the metric changes.

use crate::report::messages::Message;
use eframe::egui::{self, RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};

use super::job::{Job, progress_ui};
use super::widgets::{combo_ui, report_table_ui, series_color};
use super::{Command, Edit, Selection, ViewCtx};
use crate::engine::Metric;
use crate::fairness::{self, FairError, FairSplit};
use crate::i18n::Tr;
use crate::model::Study;
use crate::report::tables;

/// What a computation was for: the document revision, the scenario and
/// the metric.
type JobKey = (u64, usize, Metric);

/// The view's own state (never saved).
#[derive(Debug, Clone, Default)]
pub struct FairnessState {
    /// The scenario chosen (index into the study's scenarios).
    pub scenario: Option<usize>,
    job: Job<JobKey, Result<FairSplit, FairError>>,
    /// The split year by year and who could leave profitably, for
    /// (revision, scenario).
    years: Job<(u64, usize), Result<YearsAndExits, FairError>>,
    /// The exit asked about: member, notice year, years of notice.
    pub leaving: Option<(usize, i32, u32)>,
    /// Its figures, for (revision, scenario, member, notice year, notice).
    exit: Job<ExitKey, Result<fairness::Exit, FairError>>,
    /// The join asked about: member, year, fee by marginal contribution
    /// (else by book value).
    pub joining: Option<(usize, i32, bool)>,
    /// Its figures.
    join: Job<JoinKey, Result<fairness::Join, FairError>>,
}

/// A join's key: revision, scenario, member, year, fee by marginal
/// contribution.
type JoinKey = (u64, usize, usize, i32, bool);

/// The split year by year and who could leave profitably.
type YearsAndExits = (fairness::ByYear, Vec<fairness::ExitOption>);

/// An exit's key: revision, scenario, member, notice year, years of notice.
type ExitKey = (u64, usize, usize, i32, u32);

impl FairnessState {
    /// Stops a running computation (the app calls this when it closes a study).
    pub fn cancel(&mut self) {
        self.job.cancel();
        self.years.cancel();
        self.exit.cancel();
        self.join.cancel();
    }
}

/// Draws the view.
pub fn view_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    selection: &Selection,
    fair_state: &mut FairnessState,
    commands: &mut Vec<Command>,
) {
    let ViewCtx {
        tr,
        study,
        evaluation,
        revision,
        ..
    } = *cx;
    ui.heading(tr.get("view-fairness"));
    ui.label(RichText::new(tr.get("fair-help-definition")).weak());
    // The options: every scenario but today's operation.
    let candidates: Vec<usize> = (0..study.scenarios.len())
        .filter(|&s| study.today() != Some(s))
        .collect();
    let Some(&first) = candidates.first() else {
        ui.label(tr.get("cli-fairness-error"));
        return;
    };
    let metric = selection.metric(study, evaluation);
    let scenario = fair_state
        .scenario
        .filter(|s| candidates.contains(s))
        .unwrap_or(first);
    fair_state.scenario = Some(scenario);
    ui.horizontal(|ui| {
        combo_ui(
            ui,
            "fair-scenario",
            &tr.get("fair-scenario"),
            study.scenarios[scenario].name.clone(),
            |ui| {
                for &s in &candidates {
                    if ui
                        .selectable_label(s == scenario, &study.scenarios[s].name)
                        .clicked()
                    {
                        fair_state.scenario = Some(s);
                    }
                }
            },
        );
        ui.label(RichText::new(tr.get(selection.metric.message_id())).weak());
    });
    let key: JobKey = (revision, fair_state.scenario.unwrap_or(first), metric);
    fair_state.job.drive(
        ui.ctx(),
        &key,
        |r| *r != Err(FairError::Cancelled),
        || {
            let owned = study.clone();
            let options = fairness::Options {
                metric: key.2,
                samples: crate::fairness::sample_count(study, key.1),
                seed: 1,
            };
            move |progress: &(dyn Fn(f64) -> bool + Sync)| fairness::analyse(&owned, key.1, options, progress)
        },
    );
    progress_ui(
        ui,
        &mut fair_state.job,
        &key,
        tr.get("fair-computing"),
        (tr.get("fair-cancel"), tr.get("fair-compute")),
    );
    let Some((shown_key, result)) = fair_state.job.result() else {
        return;
    };
    if shown_key.1 != key.1 {
        return;
    }
    let fair = match result.as_ref() {
        Ok(fair) => fair,
        Err(e) => {
            ui.label(RichText::new(e.message(tr)).color(ui.visuals().error_fg_color));
            return;
        }
    };
    let stale = shown_key != key;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if stale {
                ui.disable();
            }
            findings_ui(ui, tr, study, fair, commands);
            ui.add_space(10.0);
            let table = tables::fair_split(study, fair, tr, true);
            ui.horizontal(|ui| {
                ui.label(RichText::new(&table.title).strong());
                help_ui(ui, tr);
                if ui
                    .button(tr.get("ui-copy-table"))
                    .on_hover_text(tr.get("ui-copy-table-hint"))
                    .clicked()
                {
                    ui.ctx()
                        .copy_text(tables::to_tsv(&table, tr.lang().csv_decimal()));
                }
            });
            // The table scrolls sideways by itself, its first column kept.
            report_table_ui(ui, tr, "fair-table", &table);
            ui.label(RichText::new(tr.get("fair-own-key-note")).small().weak());
            ui.add_space(12.0);
            chart_ui(ui, tr, study, fair);
            ui.add_space(12.0);
            by_year_ui(ui, cx, key.1, fair_state, commands);
        });
}

/// Year by year: from which year a member would be better off alone, and
/// the table; then who could leave profitably, and what leaving in a
/// chosen year would cost the leaver and the others (made in the
/// background once per revision and scenario, or per exit asked about).
fn by_year_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    scenario: usize,
    state: &mut FairnessState,
    commands: &mut Vec<Command>,
) {
    let ViewCtx {
        tr, study, revision, ..
    } = *cx;
    let key = (revision, scenario);
    state.years.drive(
        ui.ctx(),
        &key,
        |_| true,
        || {
            let owned = study.clone();
            move |_: &(dyn Fn(f64) -> bool + Sync)| {
                let split = fairness::by_year(&owned, key.1)?;
                let options = fairness::exit_options(&owned, key.1)?;
                Ok((split, options))
            }
        },
    );
    ui.label(RichText::new(tr.get("fair-by-year-title")).strong());
    let Some((made_for, result)) = state.years.result() else {
        ui.spinner();
        return;
    };
    let Ok((split, options)) = result.as_ref() else {
        return;
    };
    if made_for.1 != scenario {
        ui.spinner();
        return;
    }
    for finding in tables::fair_by_year_findings(study, split, tr) {
        ui.label(format!("• {finding}"));
    }
    egui::CollapsingHeader::new(tr.args(
        "table-fair-by-year",
        &[("scenario", study.scenarios[scenario].name.clone())],
    ))
    .id_salt("fair-by-year-table")
    .show(ui, |ui| {
        report_table_ui(ui, tr, "fair-by-year", &tables::fair_by_year(study, split, tr));
    });
    ui.add_space(10.0);
    ui.label(RichText::new(tr.get("exit-title")).strong());
    for finding in tables::exit_findings(study, scenario, options, tr) {
        ui.label(format!("• {finding}"));
    }
    leaving_ui(ui, cx, (scenario, split), state, commands);
    joining_ui(ui, cx, scenario, split, state);
}

/// A member outside the scenario joining it from a year: its entry fees
/// and what it and the members already in pay before and after.
fn joining_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    scenario: usize,
    split: &fairness::ByYear,
    state: &mut FairnessState,
) {
    let ViewCtx {
        tr, study, revision, ..
    } = *cx;
    let outside: Vec<usize> = (0..study.members.len())
        .filter(|m| split.members.iter().all(|x| x.member != *m))
        .collect();
    let Some(&first) = outside.first() else {
        return;
    };
    let (mut member, mut year, mut marginal) = state
        .joining
        .filter(|(m, y, _)| outside.contains(m) && split.years.contains(y))
        .unwrap_or((first, split.years[0], false));
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.get("join-ask"));
        combo_ui(
            ui,
            "join-member",
            &tr.get("fair-member"),
            study.members[member].name.clone(),
            |ui| {
                for &m in &outside {
                    if ui.selectable_label(m == member, &study.members[m].name).clicked() {
                        member = m;
                    }
                }
            },
        );
        ui.label(tr.get("join-ask-year"));
        combo_ui(
            ui,
            "join-year",
            &tr.get("join-ask-year"),
            year.to_string(),
            |ui| {
                for y in &split.years {
                    if ui.selectable_label(*y == year, y.to_string()).clicked() {
                        year = *y;
                    }
                }
            },
        );
        ui.checkbox(&mut marginal, tr.get("join-ask-marginal"));
    });
    state.joining = Some((member, year, marginal));
    let key: JoinKey = (revision, scenario, member, year, marginal);
    state.join.drive(
        ui.ctx(),
        &key,
        |_| true,
        || {
            let owned = study.clone();
            let fee = if key.4 {
                fairness::EntryFee::Marginal
            } else {
                fairness::EntryFee::BookValue
            };
            move |_: &(dyn Fn(f64) -> bool + Sync)| fairness::join(&owned, key.1, key.2, key.3, fee)
        },
    );
    match state.join.result() {
        Some((k, result)) if k == key => match result.as_ref() {
            Ok(join) => {
                ui.label(tables::join_sentence(study, join, tr));
                let table = tables::join_table(study, join, tr);
                egui::CollapsingHeader::new(&table.title)
                    .id_salt("join-table")
                    .show(ui, |ui| report_table_ui(ui, tr, "join-table", &table));
            }
            Err(e) => {
                ui.label(RichText::new(e.message(tr)).color(ui.visuals().error_fg_color));
            }
        },
        _ => {
            ui.spinner();
        }
    }
}

/// One exit asked about: who leaves, the year it gives notice and the
/// years of notice (the scenario's terms unless changed); its sentence and
/// table.
fn leaving_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    (scenario, split): (usize, &fairness::ByYear),
    state: &mut FairnessState,
    commands: &mut Vec<Command>,
) {
    let ViewCtx {
        tr, study, revision, ..
    } = *cx;
    let Some(first) = split.members.first() else {
        return;
    };
    let notice = study.scenarios[scenario]
        .terms
        .as_ref()
        .map_or(0, |t| t.notice_years);
    let (mut member, mut year, mut years) = state
        .leaving
        .filter(|(m, y, _)| split.members.iter().any(|x| x.member == *m) && split.years.contains(y))
        .unwrap_or((first.member, split.years[0], notice));
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.get("exit-ask"));
        combo_ui(
            ui,
            "exit-member",
            &tr.get("fair-member"),
            study.members[member].name.clone(),
            |ui| {
                for m in &split.members {
                    if ui
                        .selectable_label(m.member == member, &study.members[m.member].name)
                        .clicked()
                    {
                        member = m.member;
                    }
                }
            },
        );
        ui.label(tr.get("exit-ask-year"));
        combo_ui(
            ui,
            "exit-year",
            &tr.get("exit-ask-year"),
            year.to_string(),
            |ui| {
                for y in &split.years {
                    if ui.selectable_label(*y == year, y.to_string()).clicked() {
                        year = *y;
                    }
                }
            },
        );
        ui.label(tr.get("exit-ask-notice"));
        let r = ui.add(egui::DragValue::new(&mut years).range(0..=50));
        super::widgets::accessible_label(ui, &r, &tr.get("exit-ask-notice"));
    });
    state.leaving = Some((member, year, years));
    let key: ExitKey = (revision, scenario, member, year, years);
    state.exit.drive(
        ui.ctx(),
        &key,
        |_| true,
        || {
            let owned = study.clone();
            move |_: &(dyn Fn(f64) -> bool + Sync)| fairness::exit(&owned, key.1, key.2, key.3, Some(key.4))
        },
    );
    match state.exit.result() {
        Some((k, result)) if k == key => match result.as_ref() {
            Ok(exit) => {
                ui.label(tables::exit_sentence(study, exit, tr));
                briefing_question_ui(ui, cx, scenario, (member, year, years), commands);
                egui::CollapsingHeader::new(tables::exit_table(study, exit, tr).title)
                    .id_salt("exit-table")
                    .show(ui, |ui| {
                        report_table_ui(ui, tr, "exit-table", &tables::exit_table(study, exit, tr));
                    });
            }
            Err(e) => {
                ui.label(RichText::new(e.message(tr)).color(ui.visuals().error_fg_color));
            }
        },
        _ => {
            ui.spinner();
        }
    }
}

/// Whether the briefing states this exit: a button that adds it to the
/// scenario's questions (saved with the study, undoable) or takes it out.
fn briefing_question_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    scenario: usize,
    (member, year, years): (usize, i32, u32),
    commands: &mut Vec<Command>,
) {
    let ViewCtx { tr, study, .. } = *cx;
    let def = &study.scenarios[scenario];
    let terms = def.terms.as_ref().map_or(0, |t| t.notice_years);
    let question = crate::model::ExitQuestion {
        member: study.members[member].id.clone(),
        notice_year: year,
        notice_years: (years != terms).then_some(years),
    };
    let asked = def.exit_questions.iter().position(|q| {
        q.member == question.member && q.notice_year == year && q.notice_years.unwrap_or(terms) == years
    });
    let mut changed = def.clone();
    let (label, hint) = if let Some(i) = asked {
        changed.exit_questions.remove(i);
        ("exit-in-briefing-remove", "exit-in-briefing-remove-hint")
    } else {
        changed.exit_questions.push(question);
        ("exit-in-briefing-add", "exit-in-briefing-add-hint")
    };
    ui.horizontal(|ui| {
        if asked.is_some() {
            ui.label(RichText::new(tr.get("exit-in-briefing")).weak());
        }
        if ui.button(tr.get(label)).on_hover_text(tr.get(hint)).clicked() {
            commands.push(Command::Edit(Edit::SetScenario(def.id.clone(), changed), None));
        }
    });
}

/// The findings in plain sentences, and the button that adds the
/// suggested key.
fn findings_ui(ui: &mut Ui, tr: &Tr, study: &Study, fair: &FairSplit, commands: &mut Vec<Command>) {
    for (i, finding) in tables::fair_split_findings(study, fair, tr).iter().enumerate() {
        let text = RichText::new(format!("• {finding}"));
        ui.label(if i == 0 { text.strong() } else { text });
    }
    if let Ok(mix) = &fair.nearest_in_core {
        let scenario = &study.scenarios[fair.scenario];
        let metric = tr.get(match fair.metric {
            Metric::Annual(_) => "metric-annual",
            Metric::HorizonSum => "metric-total",
            Metric::PresentValue => "metric-pv",
            Metric::AnnualEquivalent => "metric-eac",
        });
        let key = mix.as_key(
            study,
            tr.args("fair-suggested-key-name", &[("scenario", scenario.name.clone())]),
            tr.args("fair-suggested-key-note", &[("metric", metric.to_lowercase())]),
        );
        // The same key twice would be two names for one split: say where
        // it is instead.
        if let Some(existing) = study.keys.iter().find(|k| k.rule == key.rule) {
            ui.add_enabled(false, egui::Button::new(tr.get("fair-add-key")))
                .on_disabled_hover_text(tr.args("fair-key-exists", &[("key", existing.name.clone())]));
            ui.label(
                RichText::new(tr.args("fair-key-exists", &[("key", existing.name.clone())]))
                    .small()
                    .weak(),
            );
        } else if ui
            .button(tr.get("fair-add-key"))
            .on_hover_text(tables::mix_text(study, &mix.parts, tr))
            .clicked()
        {
            commands.push(Command::Notify(
                tr.args("fair-key-added", &[("key", key.name.clone())]),
            ));
            commands.push(Command::Edit(Edit::AddKey(key), None));
        }
    }
}

/// One plain sentence per concept, on hover.
fn help_ui(ui: &mut Ui, tr: &Tr) {
    for (label, help) in [
        ("fair-stand-alone", "fair-help-stand-alone"),
        ("fair-shapley", "fair-help-shapley"),
        ("fair-nucleolus", "fair-help-nucleolus"),
        ("fair-core", "fair-help-core"),
    ] {
        ui.label(RichText::new(format!("(?) {}", tr.get(label))).weak())
            .on_hover_text(tr.get(help));
    }
}

/// Per member: bars for the agreed key, the Shapley value and the
/// nucleolus, and the stand-alone cost as a line over the member's bars.
fn chart_ui(ui: &mut Ui, tr: &Tr, study: &Study, fair: &FairSplit) {
    ui.label(RichText::new(tr.get("fair-chart-title")).strong());
    let mut series: Vec<(String, Vec<f64>)> = Vec::new();
    if let Some(k) = fair.scenario_key.map(|k| &fair.keys[k])
        && let Some(split) = &k.split
    {
        series.push((
            tr.args("fair-under-key", &[("key", k.name.clone())]),
            split.clone(),
        ));
    }
    series.push((tr.get("fair-shapley"), fair.shapley.clone()));
    if let Ok(x) = &fair.nucleolus {
        series.push((tr.get("fair-nucleolus"), x.clone()));
    }
    let n_series = series.len() as f64;
    let width = 0.8 / n_series;
    let names: Vec<String> = study.members.iter().map(|m| m.name.clone()).collect();
    let axis_names = names.clone();
    let text_color = ui.visuals().text_color();
    // Room above the bars for the legend.
    let top = series
        .iter()
        .flat_map(|(_, v)| v.iter())
        .chain(&fair.stand_alone)
        .fold(0.0f64, |m, v| m.max(*v));
    Plot::new("fair-chart")
        .height(320.0)
        .include_y(0.0)
        .include_y(top * 1.3)
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show_grid([false, true])
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                axis_names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_grid_spacer(super::widgets::money_grid(super::widgets::MONEY_ALONG_Y))
        .y_axis_formatter(|mark, _| tr.num(mark.value, 0))
        .show(ui, |plot| {
            for (s, (name, values)) in series.iter().enumerate() {
                let offset = (s as f64 - (n_series - 1.0) / 2.0) * width;
                let bars: Vec<Bar> = values
                    .iter()
                    .enumerate()
                    .map(|(m, v)| {
                        Bar::new(m as f64 + offset, *v)
                            .width(width * 0.9)
                            .fill(series_color(s))
                            .name(format!("{}: {}", names[m], tr.money(*v)))
                    })
                    .collect();
                // The hover names the series, the member and the amount once
                // (not the raw value again).
                let series_name = name.clone();
                plot.bar_chart(
                    BarChart::new(name.clone(), bars)
                        .color(series_color(s))
                        .element_formatter(Box::new(move |bar, _| format!("{series_name}\n{}", bar.name))),
                );
            }
            for (m, alone) in fair.stand_alone.iter().enumerate() {
                let x = m as f64;
                plot.line(
                    Line::new(
                        tr.get("fair-stand-alone"),
                        PlotPoints::from(vec![[x - 0.45, *alone], [x + 0.45, *alone]]),
                    )
                    .color(text_color)
                    .width(2.5),
                );
            }
        });
}
