//! Scenarios: the list (add, duplicate, delete, "without municipality X" as
//! one action), and the selected scenario's participants, key and cost lines
//! with driver, payer, timing, growth, amount and source.

use eframe::egui::{self, RichText, Ui};

use super::document::Edit;
use super::widgets::{combo_ui, number_ui, text_ui};
use super::{Command, ViewCtx};
use crate::engine::Metric;
use crate::i18n::Tr;
use crate::model::{
    CategoryId, CostLine, Driver, Growth, KeyId, Payer, Scenario, ScenarioId, ScenarioKind, ServiceLevel,
    Source, Study, Timing,
};
use crate::report::tables::kind_text;

fn unique_id(study: &Study, base: &str) -> ScenarioId {
    let mut candidate = base.to_owned();
    let mut n = 2;
    while study.scenario(&ScenarioId::new(candidate.clone())).is_some() {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    ScenarioId::new(candidate)
}

/// What the Scenarios view keeps between frames.
#[derive(Debug, Clone, Default)]
pub struct ScenariosState {
    /// The scenario shown.
    pub selected: usize,
    /// A line to highlight (from a warning or an explanation).
    pub highlight_line: Option<usize>,
    /// The highlighted line is still to be scrolled into view (once, so
    /// the user can scroll away from it).
    pub scroll_to_line: bool,
}

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, state: &mut ScenariosState, commands: &mut Vec<Command>) {
    let ViewCtx { tr, study, .. } = *cx;
    ui.heading(tr.get("view-scenarios"));
    if state.selected >= study.scenarios.len() {
        state.selected = 0;
    }
    egui::Panel::left("scenario-list")
        .resizable(true)
        .default_size(240.0)
        .show(ui, |ui| {
            for (i, scenario) in study.scenarios.iter().enumerate() {
                if ui.selectable_label(state.selected == i, &scenario.name).clicked() {
                    state.selected = i;
                    state.highlight_line = None;
                }
            }
            ui.separator();
            if ui.button(tr.get("ui-add-scenario")).clicked() {
                let scenario = Scenario {
                    vat_not_compensated_percent: 0.0,
                    id: unique_id(study, "scenario"),
                    name: tr.get("ui-new-scenario-name"),
                    kind: ScenarioKind::Custom,
                    participants: None,
                    key: study.keys.first().map(|k| k.id.clone()),
                    lines: Vec::new(),
                    service_level: None,
                    note: String::new(),
                    fleet: None,
                    colour: None,
                    terms: None,
                    exit_questions: Vec::new(),
                    organisation: None,
                };
                commands.push(Command::Edit(
                    Edit::InsertScenario(study.scenarios.len(), scenario),
                    None,
                ));
                state.selected = study.scenarios.len();
            }
            let Some(selected) = study.scenarios.get(state.selected) else {
                return;
            };
            if ui.button(tr.get("ui-duplicate-scenario")).clicked() {
                let mut copy = selected.clone();
                copy.id = unique_id(study, &format!("{}-copy", selected.id));
                copy.name = tr.args("ui-copy-of", &[("name", selected.name.clone())]);
                commands.push(Command::Edit(
                    Edit::InsertScenario(state.selected + 1, copy),
                    None,
                ));
                state.selected += 1;
            }
            ui.menu_button(tr.get("ui-without-member"), |ui| {
                for member in study.participants(selected) {
                    let name = study
                        .member(&member)
                        .map_or_else(|| member.0.clone(), |m| m.name.clone());
                    if ui.button(&name).clicked() {
                        let title = tr.args(
                            "ui-scenario-without",
                            &[("scenario", selected.name.clone()), ("member", name)],
                        );
                        let (copy, _dropped) = study.scenario_without(selected, &member, title);
                        commands.push(Command::Edit(
                            Edit::InsertScenario(state.selected + 1, copy),
                            None,
                        ));
                        state.selected += 1;
                    }
                }
            });
            if ui.button(tr.get("ui-delete-scenario")).clicked() {
                commands.push(Command::Edit(
                    Edit::RemoveScenario(
                        study.scenarios[state.selected.min(study.scenarios.len() - 1)]
                            .id
                            .clone(),
                    ),
                    None,
                ));
                state.selected = state.selected.saturating_sub(1);
            }
        });
    let index = state.selected;
    let Some(scenario) = study.scenarios.get(index) else {
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            scenario_ui(ui, cx, scenario, index, state, commands);
        });
}

fn scenario_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    scenario: &Scenario,
    index: usize,
    state: &mut ScenariosState,
    commands: &mut Vec<Command>,
) {
    let ViewCtx {
        tr,
        study,
        evaluation,
        ..
    } = *cx;
    let push = |commands: &mut Vec<Command>, s: Scenario, merge: Option<egui::Id>| {
        commands.push(Command::Edit(Edit::SetScenario(scenario.id.clone(), s), merge));
    };
    egui::Grid::new(("scenario-head", index))
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label(tr.get("ui-name"));
            let mut name = scenario.name.clone();
            if text_ui(ui, &mut name, 360.0, &tr.get("ui-scenario-name")) {
                push(
                    commands,
                    Scenario {
                        name,
                        ..scenario.clone()
                    },
                    Some(egui::Id::unique(("scenario-name", index))),
                );
            }
            ui.end_row();
            ui.label(tr.get("ui-kind"));
            combo_ui(
                ui,
                ("scenario-kind", index),
                &tr.get("ui-kind"),
                kind_text(tr, scenario.kind),
                |ui| {
                    for kind in [
                        ScenarioKind::Today,
                        ScenarioKind::JointInHouse,
                        ScenarioKind::ThinClients,
                        ScenarioKind::Hosting,
                        ScenarioKind::Custom,
                    ] {
                        if ui
                            .selectable_label(scenario.kind == kind, kind_text(tr, kind))
                            .clicked()
                        {
                            push(
                                commands,
                                Scenario {
                                    kind,
                                    ..scenario.clone()
                                },
                                None,
                            );
                        }
                    }
                },
            );
            ui.end_row();
            ui.label(tr.get("ui-key"));
            key_row_ui(ui, cx, scenario, index, commands);
            ui.end_row();
            ui.label(tr.get("ui-fleet"));
            fleet_row_ui(ui, cx, scenario, index, commands);
            ui.end_row();
            ui.label(tr.get("ui-participants"));
            participants_row_ui(ui, cx, scenario, commands);
            ui.end_row();
            ui.label(tr.get("ui-service-level"));
            service_level_ui(ui, tr, scenario, index, commands);
            ui.end_row();
            // Today's operation has no joint body to organise.
            if scenario.kind != ScenarioKind::Today {
                ui.label(tr.get("ui-organisation"));
                organisation_ui(ui, cx, scenario, index, commands);
                ui.end_row();
                ui.label(tr.get("ui-vat"));
                vat_row_ui(ui, cx, scenario, index, commands);
                ui.end_row();
            }
            ui.label(tr.get("ui-note"));
            let mut note = scenario.note.clone();
            let r = ui.add(
                egui::TextEdit::multiline(&mut note)
                    .char_limit(crate::model::limits::TEXT_MAX_CHARS)
                    .desired_rows(2)
                    .desired_width(520.0),
            );
            super::widgets::accessible_label(ui, &r, &tr.get("ui-note"));
            if r.changed() {
                push(
                    commands,
                    Scenario {
                        note,
                        ..scenario.clone()
                    },
                    Some(egui::Id::unique(("scenario-note", index))),
                );
            }
            ui.end_row();
        });
    if let Some(evaluation) = evaluation
        && let Some(s) = evaluation.scenarios.iter().position(|r| r.id == scenario.id)
    {
        let year = study.assumptions.display_year;
        let row = &evaluation.summary(Metric::Annual(year))[s];
        ui.label(
            RichText::new(tr.args(
                "ui-scenario-total",
                &[("year", year.to_string()), ("amount", tr.money(row.total))],
            ))
            .strong(),
        );
    }
    if scenario.kind == ScenarioKind::Today {
        ui.label(RichText::new(tr.get("ui-today-lines-help")).weak());
    }
    ui.add_space(8.0);
    ui.label(RichText::new(tr.get("ui-cost-lines")).strong());
    for (l, line) in scenario.lines.iter().enumerate() {
        let highlight = state.highlight_line == Some(l);
        let mut frame = egui::Frame::group(ui.style());
        if highlight {
            frame = frame.stroke(egui::Stroke::new(2.0, ui.visuals().selection.bg_fill));
        }
        let response = frame
            .show(ui, |ui| {
                super::scenario_line::line_ui(ui, cx, scenario, index, l, line, commands);
            })
            .response;
        if highlight && state.scroll_to_line {
            response.scroll_to_me(Some(egui::Align::Center));
            state.scroll_to_line = false;
        }
    }
    if ui.button(tr.get("ui-add-line")).clicked() {
        let mut s = scenario.clone();
        s.lines.push(new_line(cx, scenario));
        push(commands, s, None);
    }
}

/// A new line for the scenario: shared by the key when it has one.
fn new_line(cx: &ViewCtx<'_>, scenario: &Scenario) -> CostLine {
    let ViewCtx { tr, study, .. } = *cx;
    CostLine {
        investment: None,
        id: crate::model::LineId::default(),
        label: tr.get("ui-new-line"),
        category: study
            .categories
            .first()
            .map_or_else(|| CategoryId::new("other"), |c| c.id.clone()),
        amount_nok: 0.0,
        amount_from: crate::model::AmountFrom::Fixed,
        quantity: 1.0,
        driver: Driver::Lump,
        payer: if scenario.key.is_some() {
            Payer::Shared
        } else {
            Payer::EachMember
        },
        timing: Timing::default(),
        growth: Growth::None,
        source: Source::default(),
    }
}

/// The scenario's key: none or one of the study's.
fn key_row_ui(ui: &mut Ui, cx: &ViewCtx<'_>, scenario: &Scenario, index: usize, commands: &mut Vec<Command>) {
    let ViewCtx { tr, study, .. } = *cx;
    let push = |commands: &mut Vec<Command>, s: Scenario, merge: Option<egui::Id>| {
        commands.push(Command::Edit(Edit::SetScenario(scenario.id.clone(), s), merge));
    };
    let key_name = |id: &Option<KeyId>| {
        id.as_ref()
            .and_then(|k| study.key(k))
            .map_or_else(|| tr.get("ui-no-key"), |k| k.name.clone())
    };
    combo_ui(
        ui,
        ("scenario-key", index),
        &tr.get("ui-key"),
        key_name(&scenario.key),
        |ui| {
            if ui
                .selectable_label(scenario.key.is_none(), tr.get("ui-no-key"))
                .clicked()
            {
                push(
                    commands,
                    Scenario {
                        key: None,
                        ..scenario.clone()
                    },
                    None,
                );
            }
            for key in &study.keys {
                if ui
                    .selectable_label(scenario.key.as_ref() == Some(&key.id), &key.name)
                    .clicked()
                {
                    push(
                        commands,
                        Scenario {
                            key: Some(key.id.clone()),
                            ..scenario.clone()
                        },
                        None,
                    );
                }
            }
        },
    );
}

/// The fleet the scenario runs: today's, none or one of the study's.
fn fleet_row_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    scenario: &Scenario,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let ViewCtx { tr, study, .. } = *cx;
    let push = |commands: &mut Vec<Command>, s: Scenario, merge: Option<egui::Id>| {
        commands.push(Command::Edit(Edit::SetScenario(scenario.id.clone(), s), merge));
    };
    ui.horizontal(|ui| {
        // An option without a fleet of its own runs today's
        // operation's: say which.
        let todays = study
            .today()
            .filter(|_| scenario.kind != ScenarioKind::Today)
            .and_then(|t| study.scenarios[t].fleet.as_deref())
            .and_then(|f| study.workstations.fleet(f));
        let fleet_name =
            |id: &Option<String>| match (id.as_deref().and_then(|f| study.workstations.fleet(f)), todays) {
                (Some(f), _) => f.name.clone(),
                (None, Some(t)) => tr.args("ui-fleet-as-today", &[("fleet", t.name.clone())]),
                (None, None) => tr.get("ui-no-fleet"),
            };
        combo_ui(
            ui,
            ("scenario-fleet", index),
            &tr.get("ui-fleet"),
            fleet_name(&scenario.fleet),
            |ui| {
                let choices =
                    std::iter::once(None).chain(study.workstations.fleets.iter().map(|f| Some(f.id.clone())));
                for choice in choices {
                    if ui
                        .selectable_label(scenario.fleet == choice, fleet_name(&choice))
                        .clicked()
                        && scenario.fleet != choice
                    {
                        push(
                            commands,
                            Scenario {
                                fleet: choice,
                                ..scenario.clone()
                            },
                            None,
                        );
                    }
                }
            },
        );
    });
}

/// Who takes part: every municipality or some.
fn participants_row_ui(ui: &mut Ui, cx: &ViewCtx<'_>, scenario: &Scenario, commands: &mut Vec<Command>) {
    let study = cx.study;
    let push = |commands: &mut Vec<Command>, s: Scenario, merge: Option<egui::Id>| {
        commands.push(Command::Edit(Edit::SetScenario(scenario.id.clone(), s), merge));
    };
    ui.horizontal_wrapped(|ui| {
        let participants = study.participants(scenario);
        for member in &study.members {
            let mut on = participants.contains(&member.id);
            if ui.checkbox(&mut on, &member.name).changed() {
                let next: Vec<_> = study
                    .members
                    .iter()
                    .filter(|m| {
                        if m.id == member.id {
                            on
                        } else {
                            participants.contains(&m.id)
                        }
                    })
                    .map(|m| m.id.clone())
                    .collect();
                let all = next.len() == study.members.len();
                push(
                    commands,
                    Scenario {
                        participants: (!all).then_some(next),
                        ..scenario.clone()
                    },
                    None,
                );
            }
        }
    });
}

/// The option's share of VAT not compensated (a joint body selling in
/// competition) and its range: it moves the budget, not the costs.
fn vat_row_ui(ui: &mut Ui, cx: &ViewCtx<'_>, scenario: &Scenario, index: usize, commands: &mut Vec<Command>) {
    let ViewCtx { tr, study, .. } = *cx;
    ui.horizontal_wrapped(|ui| {
        let value = scenario.vat_not_compensated_percent;
        if let Some(v) = number_ui(
            ui,
            tr,
            ("vat-not-compensated", index),
            value,
            1,
            50.0,
            &tr.get("field-vat-not-compensated"),
        ) {
            let mut s = scenario.clone();
            s.vat_not_compensated_percent = v;
            commands.push(Command::Edit(Edit::SetScenario(scenario.id.clone(), s), None));
        }
        ui.label("%");
        ui.label(RichText::new(tr.get("ui-vat-hint")).weak());
        let input = crate::model::InputRef::VatNotCompensated {
            scenario: scenario.id.clone(),
        };
        super::range::range_button_ui(ui, tr, study, &input, value, commands);
    });
}

/// How the option is organised: none, or a form with the employer of the
/// joint staff, its rates (the employer's own unless given) and the
/// body's overhead; what the joint staff then cost, in words.
fn organisation_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    scenario: &Scenario,
    index: usize,
    commands: &mut Vec<Command>,
) {
    use crate::model::MemberId;
    use crate::model::organisation::{OrgForm, Organisation};
    let ViewCtx { tr, study, .. } = *cx;
    let set = |commands: &mut Vec<Command>, org: Option<Organisation>| {
        let mut s = scenario.clone();
        s.organisation = org;
        commands.push(Command::Edit(Edit::SetScenario(scenario.id.clone(), s), None));
    };
    let participants = study.participants(scenario);
    ui.vertical(|ui| {
        // As wide as the name and note fields above.
        ui.set_min_width(520.0);
        ui.horizontal_wrapped(|ui| {
            let current = scenario.organisation.as_ref().map(|o| o.form);
            let shown = current.map_or_else(|| tr.get("ui-organisation-none"), |f| tr.get(f.message_id()));
            combo_ui(ui, ("org-form", index), &tr.get("ui-organisation"), shown, |ui| {
                if ui
                    .selectable_label(current.is_none(), tr.get("ui-organisation-none"))
                    .clicked()
                {
                    set(commands, None);
                }
                // The abolished samkommune only where the file has it.
                let forms = OrgForm::OFFERED
                    .into_iter()
                    .chain(current.filter(|f| *f == OrgForm::JointMunicipality));
                for form in forms {
                    if ui
                        .selectable_label(current == Some(form), tr.get(form.message_id()))
                        .clicked()
                    {
                        let org = scenario.organisation.clone().map_or_else(
                            || Organisation {
                                form,
                                employer: participants.first().cloned().unwrap_or_else(|| MemberId::new("")),
                                employer_tax_percent: None,
                                pension_percent: None,
                                overhead_percent: 0.0,
                                source: Source::default(),
                            },
                            |o| Organisation { form, ..o },
                        );
                        set(commands, Some(org));
                    }
                }
            });
            let Some(org) = &scenario.organisation else {
                return;
            };
            ui.label(tr.get("ui-organisation-employer"));
            let name = |id: &MemberId| study.member_name(id);
            combo_ui(
                ui,
                ("org-employer", index),
                &tr.get("ui-organisation-employer"),
                name(&org.employer),
                |ui| {
                    for id in &participants {
                        if ui.selectable_label(*id == org.employer, name(id)).clicked() {
                            set(
                                commands,
                                Some(Organisation {
                                    employer: id.clone(),
                                    ..org.clone()
                                }),
                            );
                        }
                    }
                },
            );
        });
        if let Some(org) = &scenario.organisation {
            organisation_rates_ui(ui, cx, (scenario, index), org, commands);
        }
    });
}

/// The organisation's employer tax, pension and overhead, and what a
/// full-time post of the joint staff then costs.
fn organisation_rates_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    (scenario, index): (&Scenario, usize),
    org: &crate::model::organisation::Organisation,
    commands: &mut Vec<Command>,
) {
    use crate::model::organisation::Organisation;
    let ViewCtx { tr, study, .. } = *cx;
    let set = |commands: &mut Vec<Command>, org: Organisation| {
        let mut s = scenario.clone();
        s.organisation = Some(org);
        commands.push(Command::Edit(Edit::SetScenario(scenario.id.clone(), s), None));
    };
    let salary = study.member(&org.employer).and_then(|m| m.salary.as_ref());
    ui.horizontal_wrapped(|ui| {
        // Employer tax and pension: the employer's own unless given.
        type SetRate = fn(&mut Organisation, Option<f64>);
        let rates = [
            (
                "ui-field-org-employer-tax",
                "field-org-employer-tax",
                org.employer_tax_percent,
                salary.map(|s| s.employer_tax_percent),
                (|o, v| o.employer_tax_percent = v) as SetRate,
            ),
            (
                "ui-field-org-pension",
                "field-org-pension",
                org.pension_percent,
                salary.map(|s| s.pension_percent),
                (|o, v| o.pension_percent = v) as SetRate,
            ),
        ];
        for (label, field, value, own, set_rate) in rates {
            ui.label(tr.get(label));
            let shown = value.or(own).unwrap_or(f64::NAN);
            let mut changed = None;
            if let Some(v) = number_ui(ui, tr, (field, index), shown, 1, 50.0, &tr.get(field)) {
                changed = Some(Some(v));
            }
            ui.label("%");
            if value.is_some()
                && ui
                    .small_button(tr.get("ui-organisation-employers-own"))
                    .on_hover_text(tr.get("ui-organisation-employers-own-hint"))
                    .clicked()
            {
                changed = Some(None);
            }
            if let Some(rate) = changed {
                let mut next = org.clone();
                set_rate(&mut next, rate);
                set(commands, next);
            }
        }
        ui.label(tr.get("ui-field-org-overhead"));
        if let Some(v) = number_ui(
            ui,
            tr,
            ("org-overhead", index),
            org.overhead_percent,
            1,
            50.0,
            &tr.get("field-org-overhead"),
        ) {
            set(
                commands,
                Organisation {
                    overhead_percent: v,
                    ..org.clone()
                },
            );
        }
        ui.label("%");
    });
    let summary = salary.map_or_else(
        || tr.get("ui-organisation-no-salary"),
        |s| {
            tr.args(
                "ui-organisation-summary",
                &[(
                    "amount",
                    tr.money(org.salary_with_social_costs(
                        s.nok_per_fte,
                        s.employer_tax_percent,
                        s.pension_percent,
                    )),
                )],
            )
        },
    );
    ui.label(RichText::new(summary).weak())
        .on_hover_text(tr.get("ui-organisation-hint"));
}

fn service_level_ui(ui: &mut Ui, tr: &Tr, scenario: &Scenario, index: usize, commands: &mut Vec<Command>) {
    let set = |commands: &mut Vec<Command>, level: Option<ServiceLevel>| {
        let mut s = scenario.clone();
        s.service_level = level;
        commands.push(Command::Edit(Edit::SetScenario(scenario.id.clone(), s), None));
    };
    ui.horizontal_wrapped(|ui| {
        let mut on = scenario.service_level.is_some();
        if ui.checkbox(&mut on, tr.get("ui-uptime-guaranteed")).changed() {
            set(
                commands,
                on.then(|| ServiceLevel {
                    uptime_percent: 99.5,
                    downtime_cost_nok_per_hour: None,
                    source: Source::default(),
                }),
            );
        }
        let Some(level) = &scenario.service_level else {
            return;
        };
        if let Some(v) = number_ui(
            ui,
            tr,
            ("uptime", index),
            level.uptime_percent,
            2,
            60.0,
            &tr.get("field-uptime"),
        ) {
            set(
                commands,
                Some(ServiceLevel {
                    uptime_percent: v,
                    ..level.clone()
                }),
            );
        }
        ui.label("%");
        ui.label(tr.get("field-downtime-cost"));
        let cost = level.downtime_cost_nok_per_hour.unwrap_or(f64::NAN);
        if let Some(v) = number_ui(
            ui,
            tr,
            ("downtime-cost", index),
            cost,
            0,
            80.0,
            &tr.get("field-downtime-cost"),
        ) {
            set(
                commands,
                Some(ServiceLevel {
                    downtime_cost_nok_per_hour: Some(v),
                    ..level.clone()
                }),
            );
        }
        ui.label(RichText::new(crate::report::tables::service_level_text(tr, level)).weak());
    });
}
