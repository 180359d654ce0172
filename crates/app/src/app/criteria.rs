//! The "Criteria" view: beyond kroner. The score matrix (scenario ×
//! criterion on DFØ's nine-step scale, coloured, justification on hover,
//! editable), the requirements each scenario meets, the stakeholder
//! profiles (weights with sliders that keep the sum at 100 %, or a
//! ranking), each profile's ranking side by side with the disagreements
//! marked, how far each weight can move, and the sentence that says where
//! the dissent lies. The analysis is [`crate::criteria`]; it is quick (about
//! a millisecond for the 2006 study, `samdrift bench`), so it runs again
//! on the frame after every edit, and is kept between edits.

use std::sync::Arc;

use eframe::egui::{self, Color32, RichText, Ui};

use super::widgets::{combo_ui, report_table_ui};
use super::{Command, Edit, ViewCtx};
use crate::criteria::{self, Analysis};
use crate::i18n::Tr;
use crate::model::Study;
use crate::model::decision::{Compliance, Decision, Meets, Score};
use crate::report::tables;

/// DFØ's consequence scale as colours: green for better than today, red
/// for worse, stronger the further from 0.
fn score_color(score: f64) -> Color32 {
    let strength = (score.abs() / 4.0).clamp(0.0, 1.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let alpha = (40.0 + 150.0 * strength) as u8;
    if score > 0.05 {
        Color32::from_rgba_unmultiplied(40, 160, 70, alpha)
    } else if score < -0.05 {
        Color32::from_rgba_unmultiplied(200, 50, 50, alpha)
    } else {
        Color32::TRANSPARENT
    }
}

/// The view's own state: the analysis of the study's last revision (`None`
/// when the study has no criteria to analyse).
#[derive(Debug, Clone, Default)]
pub struct CriteriaState {
    made: Option<(u64, Option<Arc<Analysis>>)>,
}

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, state: &mut CriteriaState, commands: &mut Vec<Command>) {
    let ViewCtx {
        tr, study, revision, ..
    } = *cx;
    ui.heading(tr.get("view-criteria"));
    let analysis = match &state.made {
        Some((made_for, analysis)) if *made_for == revision => analysis.clone(),
        _ => {
            let analysis = criteria::analyse(study, crate::engine::Metric::PresentValue, 4_000, 1)
                .ok()
                .map(Arc::new);
            state.made = Some((revision, analysis.clone()));
            analysis
        }
    };
    let Some(analysis) = analysis else {
        ui.label(tr.get("crit-no-criteria"));
        manage_ui(ui, tr, study, commands);
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, finding) in tables::criteria_findings(study, &analysis, tr).iter().enumerate() {
                let text = RichText::new(format!("• {finding}"));
                ui.label(if i < analysis.profiles.len() {
                    text.strong()
                } else {
                    text
                });
            }
            manage_ui(ui, tr, study, commands);
            ui.add_space(8.0);
            let rankings = tables::criteria_rankings(study, &analysis, tr);
            ui.label(RichText::new(&rankings.title).strong());
            report_table_ui(ui, tr, "crit-rankings", &rankings);
            ui.add_space(10.0);
            scores_ui(ui, tr, study, &analysis, commands);
            ui.add_space(10.0);
            requirements_ui(ui, tr, study, &analysis, commands);
            ui.add_space(10.0);
            profiles_ui(ui, tr, study, &analysis, commands);
            ui.add_space(10.0);
            let stability = tables::criteria_stability(study, &analysis, tr);
            ui.label(RichText::new(&stability.title).strong());
            report_table_ui(ui, tr, "crit-stability", &stability);
        });
}

fn set(commands: &mut Vec<Command>, decision: Decision) {
    commands.push(Command::Edit(Edit::SetDecision(decision), None));
}

fn scores_ui(ui: &mut Ui, tr: &Tr, study: &Study, analysis: &Analysis, commands: &mut Vec<Command>) {
    let decision = &study.decision;
    ui.label(RichText::new(tr.get("table-criteria-scores")).strong());
    egui::Grid::new("crit-scores")
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for c in &decision.criteria {
                ui.label(RichText::new(&c.name).strong())
                    .on_hover_text(&c.description);
            }
            ui.end_row();
            for (s, scenario) in study.scenarios.iter().enumerate() {
                ui.label(&scenario.name);
                for (c, criterion) in decision.criteria.iter().enumerate() {
                    let value = analysis.scores[s][c];
                    let text = tables::score_text(value, tr.numbers());
                    let given = decision.score(&scenario.id, &criterion.id);
                    let editable = !criterion.economy && scenario.kind != crate::model::ScenarioKind::Today;
                    let hover = if criterion.economy {
                        tables::economy_rule(analysis, tr)
                    } else {
                        given.map_or_else(String::new, |g| g.justification.clone())
                    };
                    egui::Frame::new()
                        .fill(score_color(value))
                        .inner_margin(2.0)
                        .show(ui, |ui| {
                            if editable {
                                let label = format!("{} – {}", scenario.name, criterion.name);
                                combo_ui(ui, ("crit-score", s, c), &label, text, |ui| {
                                    for step in (-4..=4).rev() {
                                        if ui
                                            .selectable_label(
                                                given.is_some_and(|g| g.score == step),
                                                tables::score_text(f64::from(step), tr.numbers()),
                                            )
                                            .clicked()
                                        {
                                            let mut next = decision.clone();
                                            match next.scores.iter_mut().find(|x| {
                                                x.scenario == scenario.id && x.criterion == criterion.id
                                            }) {
                                                Some(existing) => existing.score = step,
                                                None => next.scores.push(Score {
                                                    scenario: scenario.id.clone(),
                                                    criterion: criterion.id.clone(),
                                                    score: step,
                                                    justification: String::new(),
                                                    source: crate::model::Source::default(),
                                                }),
                                            }
                                            set(commands, next);
                                        }
                                    }
                                });
                            } else {
                                ui.label(text);
                            }
                        })
                        .response
                        .on_hover_text(hover);
                }
                ui.end_row();
            }
        });
}

fn requirements_ui(ui: &mut Ui, tr: &Tr, study: &Study, analysis: &Analysis, commands: &mut Vec<Command>) {
    let decision = &study.decision;
    if decision.requirements.is_empty() {
        return;
    }
    ui.label(RichText::new(tr.get("table-criteria-requirements")).strong());
    egui::Grid::new("crit-requirements")
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for r in &decision.requirements {
                ui.label(RichText::new(&r.name).strong());
            }
            ui.end_row();
            for (s, scenario) in study.scenarios.iter().enumerate() {
                ui.label(&scenario.name);
                for (r, requirement) in decision.requirements.iter().enumerate() {
                    let meets = analysis.compliance[s][r];
                    let text = match meets {
                        Meets::Yes => RichText::new(tr.get("fair-yes")).color(Color32::from_rgb(40, 160, 70)),
                        Meets::No => RichText::new(tr.get("fair-no"))
                            .color(ui.visuals().error_fg_color)
                            .strong(),
                        Meets::Unknown => RichText::new(tr.get("crit-unknown")).weak(),
                    };
                    let label = format!("{} – {}", scenario.name, requirement.name);
                    combo_ui(ui, ("crit-req", s, r), &label, text.text().to_owned(), |ui| {
                        for option in [Meets::Yes, Meets::No, Meets::Unknown] {
                            let name = match option {
                                Meets::Yes => tr.get("fair-yes"),
                                Meets::No => tr.get("fair-no"),
                                Meets::Unknown => tr.get("crit-unknown"),
                            };
                            if ui.selectable_label(option == meets, name).clicked() {
                                let mut next = decision.clone();
                                next.compliance.retain(|c| {
                                    !(c.scenario == scenario.id && c.requirement == requirement.id)
                                });
                                next.compliance.push(Compliance {
                                    scenario: scenario.id.clone(),
                                    requirement: requirement.id.clone(),
                                    meets: option,
                                    justification: String::new(),
                                    source: crate::model::Source::default(),
                                });
                                set(commands, next);
                            }
                        }
                    });
                }
                ui.end_row();
            }
        });
}

/// Each profile's weights as sliders that keep the sum at 100 %, or as a
/// ranking of the criteria (rank-order centroid weights).
fn profiles_ui(ui: &mut Ui, tr: &Tr, study: &Study, analysis: &Analysis, commands: &mut Vec<Command>) {
    let decision = &study.decision;
    ui.columns(analysis.profiles.len().max(1), |columns| {
        for (p, result) in analysis.profiles.iter().enumerate() {
            let ui = &mut columns[p];
            let profile = &decision.profiles[p];
            ui.label(RichText::new(&result.name).strong());
            let mut ranking_mode = profile.ranking.is_some();
            if ui
                .checkbox(&mut ranking_mode, tr.get("crit-ranking-mode"))
                .changed()
            {
                let mut next = decision.clone();
                next.profiles[p].ranking = if ranking_mode {
                    // From the current weights, heaviest first.
                    let mut order: Vec<usize> = (0..decision.criteria.len()).collect();
                    order.sort_by(|a, b| result.weights[*b].total_cmp(&result.weights[*a]));
                    Some(
                        order
                            .into_iter()
                            .map(|c| decision.criteria[c].id.clone())
                            .collect(),
                    )
                } else {
                    None
                };
                set(commands, next);
            }
            match &profile.ranking {
                Some(order) => {
                    for (k, id) in order.iter().enumerate() {
                        let name = decision
                            .criteria
                            .iter()
                            .find(|c| &c.id == id)
                            .map_or(id.as_str(), |c| c.name.as_str());
                        ui.horizontal(|ui| {
                            ui.label(format!("{}. {name}", k + 1));
                            if k > 0 && ui.small_button("▲").clicked() {
                                let mut next = decision.clone();
                                if let Some(r) = next.profiles[p].ranking.as_mut() {
                                    r.swap(k, k - 1);
                                }
                                set(commands, next);
                            }
                        });
                    }
                }
                None => {
                    for (c, criterion) in decision.criteria.iter().enumerate() {
                        let mut percent = result.weights[c] * 100.0;
                        let slider = egui::Slider::new(&mut percent, 0.0..=100.0)
                            .suffix(" %")
                            .fixed_decimals(0)
                            .text(&criterion.name);
                        let response = ui.add(slider);
                        // Only the user's own moves: the slider's rounding of
                        // a stored 16,67 % to 17 is not an edit.
                        let by_user = response.dragged()
                            || response.has_focus()
                            || response.is_pointer_button_down_on()
                            || response.clicked();
                        if response.changed() && by_user {
                            let weights = criteria::with_weight(&result.weights, c, percent / 100.0);
                            let mut next = decision.clone();
                            next.profiles[p].weights = decision
                                .criteria
                                .iter()
                                .zip(&weights)
                                .map(|(k, w)| (k.id.clone(), (w * 1000.0).round() / 10.0))
                                .collect();
                            commands.push(Command::Edit(
                                Edit::SetDecision(next),
                                Some(egui::Id::unique(("crit-weight", p))),
                            ));
                        }
                    }
                }
            }
        }
    });
}

/// Add, rename and remove criteria, requirements and profiles; the
/// justification of each score is edited on the score's own row.
fn manage_ui(ui: &mut Ui, tr: &Tr, study: &Study, commands: &mut Vec<Command>) {
    let decision = &study.decision;
    egui::CollapsingHeader::new(tr.get("crit-manage"))
        .id_salt("crit-manage")
        .show(ui, |ui| {
            ui.label(RichText::new(tr.get("crit-criteria")).strong());
            for (c, criterion) in decision.criteria.iter().enumerate() {
                ui.horizontal(|ui| {
                    let mut name = criterion.name.clone();
                    if super::widgets::text_ui(ui, &mut name, 260.0, &tr.get("crit-criterion")) {
                        let mut next = decision.clone();
                        next.criteria[c].name = name;
                        commands.push(Command::Edit(
                            Edit::SetDecision(next),
                            Some(egui::Id::unique(("crit-name", c))),
                        ));
                    }
                    let mut economy = criterion.economy;
                    if ui.checkbox(&mut economy, tr.get("crit-economy")).changed() {
                        let mut next = decision.clone();
                        next.criteria[c].economy = economy;
                        set(commands, next);
                    }
                    if ui
                        .small_button(super::widgets::REMOVE)
                        .on_hover_text(tr.get("ui-remove"))
                        .clicked()
                    {
                        let mut next = decision.clone();
                        let id = next.criteria.remove(c).id;
                        next.scores.retain(|s| s.criterion != id);
                        for p in &mut next.profiles {
                            p.weights.remove(&id);
                            if let Some(r) = p.ranking.as_mut() {
                                r.retain(|x| x != &id);
                            }
                        }
                        set(commands, next);
                    }
                });
            }
            if ui.button(tr.get("crit-add-criterion")).clicked() {
                let mut next = decision.clone();
                let id = unique_id(decision.criteria.iter().map(|c| c.id.as_str()), "criterion");
                next.criteria.push(crate::model::decision::Criterion {
                    id: id.clone(),
                    name: tr.get("crit-new-criterion"),
                    description: String::new(),
                    economy: false,
                });
                for p in &mut next.profiles {
                    p.weights.insert(id.clone(), 0.0);
                }
                set(commands, next);
            }
            ui.add_space(6.0);
            ui.label(RichText::new(tr.get("table-criteria-requirements")).strong());
            for (r, requirement) in decision.requirements.iter().enumerate() {
                ui.horizontal(|ui| {
                    let mut name = requirement.name.clone();
                    if super::widgets::text_ui(ui, &mut name, 260.0, &tr.get("crit-requirement")) {
                        let mut next = decision.clone();
                        next.requirements[r].name = name;
                        commands.push(Command::Edit(
                            Edit::SetDecision(next),
                            Some(egui::Id::unique(("crit-req-name", r))),
                        ));
                    }
                    if ui
                        .small_button(super::widgets::REMOVE)
                        .on_hover_text(tr.get("ui-remove"))
                        .clicked()
                    {
                        let mut next = decision.clone();
                        let id = next.requirements.remove(r).id;
                        next.compliance.retain(|c| c.requirement != id);
                        set(commands, next);
                    }
                });
            }
            if ui.button(tr.get("crit-add-requirement")).clicked() {
                let mut next = decision.clone();
                next.requirements.push(crate::model::decision::Requirement {
                    id: unique_id(decision.requirements.iter().map(|r| r.id.as_str()), "requirement"),
                    name: tr.get("crit-new-requirement"),
                    uptime_percent: None,
                    source: crate::model::Source::default(),
                });
                set(commands, next);
            }
            profile_weights_ui(ui, tr, study, commands);
            ui.add_space(6.0);
            ui.label(RichText::new(tr.get("crit-justifications")).strong());
            for (i, score) in decision.scores.iter().enumerate() {
                ui.horizontal(|ui| {
                    let scenario = study
                        .scenario(&score.scenario)
                        .map_or_else(|| score.scenario.0.clone(), |s| s.name.clone());
                    let criterion = decision
                        .criteria
                        .iter()
                        .find(|c| c.id == score.criterion)
                        .map_or_else(|| score.criterion.clone(), |c| c.name.clone());
                    ui.label(format!(
                        "{scenario} – {criterion} ({})",
                        tables::score_text(f64::from(score.score), tr.numbers())
                    ));
                    let mut text = score.justification.clone();
                    let label = format!("{scenario} – {criterion}");
                    if super::widgets::limited_text_ui(
                        ui,
                        &mut text,
                        360.0,
                        &label,
                        crate::model::limits::TEXT_MAX_CHARS,
                    ) {
                        let mut next = decision.clone();
                        next.scores[i].justification = text;
                        commands.push(Command::Edit(
                            Edit::SetDecision(next),
                            Some(egui::Id::unique(("crit-justification", i))),
                        ));
                    }
                    if let Some(source) = super::widgets::source_ui(ui, tr, &score.source) {
                        let mut next = decision.clone();
                        next.scores[i].source = source;
                        set(commands, next);
                    }
                });
            }
        });
}

/// The stakeholders' profiles: each one's weights on the criteria.
fn profile_weights_ui(ui: &mut Ui, tr: &Tr, study: &Study, commands: &mut Vec<Command>) {
    let decision = &study.decision;
    ui.add_space(6.0);
    ui.label(RichText::new(tr.get("crit-profiles")).strong());
    for (p, profile) in decision.profiles.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut name = profile.name.clone();
            if super::widgets::text_ui(ui, &mut name, 260.0, &tr.get("crit-profile")) {
                let mut next = decision.clone();
                next.profiles[p].name = name;
                commands.push(Command::Edit(
                    Edit::SetDecision(next),
                    Some(egui::Id::unique(("crit-profile-name", p))),
                ));
            }
            if ui
                .small_button(super::widgets::REMOVE)
                .on_hover_text(tr.get("ui-remove"))
                .clicked()
            {
                let mut next = decision.clone();
                next.profiles.remove(p);
                set(commands, next);
            }
        });
    }
    if ui.button(tr.get("crit-add-profile")).clicked() {
        let mut next = decision.clone();
        // Equal whole percents adding up to 100 (largest remainder).
        let n = decision.criteria.len().max(1);
        let equal = crate::engine::rounding::round_split(&vec![100.0 / n as f64; n]);
        next.profiles.push(crate::model::decision::Profile {
            name: tr.get("crit-new-profile"),
            weights: decision
                .criteria
                .iter()
                .zip(equal)
                .map(|(c, w)| (c.id.clone(), w))
                .collect(),
            ranking: None,
            source: crate::model::Source::default(),
        });
        set(commands, next);
    }
}

/// `base`, `base-2`, `base-3`, … the first not in `taken`.
fn unique_id<'a>(taken: impl Iterator<Item = &'a str>, base: &str) -> String {
    let taken: Vec<&str> = taken.collect();
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            base.to_owned()
        } else {
            format!("{base}-{n}")
        };
        if !taken.contains(&candidate.as_str()) {
            return candidate;
        }
        n += 1;
    }
}
