//! Scenarios: the list (add, duplicate, delete, "without municipality X" as
//! one action), and the selected scenario's participants, key and cost lines
//! with driver, payer, timing, growth, amount and source.

use eframe::egui::{self, RichText, Ui};

use super::document::Edit;
use super::widgets::{assumption_mark, combo_ui, number_ui, source_ui, text_ui};
use super::{Command, ViewCtx};
use crate::engine::Metric;
use crate::i18n::Tr;
use crate::model::{
    AmountFrom, Attribute, CategoryId, CostLine, Driver, Growth, KeyId, Payer, Scenario, ScenarioId,
    ScenarioKind, ServiceLevel, Source, Study, Timing,
};
use crate::report::tables::{driver_text, kind_text, payer_text};

fn growth_text(tr: &Tr, growth: Growth) -> String {
    tr.get(match growth {
        Growth::Wages => "growth-wages",
        Growth::Prices => "growth-prices",
        Growth::None => "growth-none",
    })
}

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
                    id: unique_id(study, "scenario"),
                    name: tr.get("ui-new-scenario-name"),
                    kind: ScenarioKind::Custom,
                    participants: None,
                    key: study.keys.first().map(|k| k.id.clone()),
                    lines: Vec::new(),
                    service_level: None,
                    note: String::new(),
                    fleet: None,
                    with_todays_costs: false,
                    colour: None,
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
                commands.push(Command::Edit(Edit::RemoveScenario(state.selected), None));
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
        commands.push(Command::Edit(Edit::SetScenario(index, s), merge));
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
            ui.end_row();
            ui.label(tr.get("ui-fleet"));
            ui.horizontal(|ui| {
                let fleet_name = |id: &Option<String>| {
                    id.as_deref()
                        .and_then(|f| study.workstations.fleet(f))
                        .map_or_else(|| tr.get("ui-no-fleet"), |f| f.name.clone())
                };
                combo_ui(
                    ui,
                    ("scenario-fleet", index),
                    &tr.get("ui-fleet"),
                    fleet_name(&scenario.fleet),
                    |ui| {
                        let choices = std::iter::once(None)
                            .chain(study.workstations.fleets.iter().map(|f| Some(f.id.clone())));
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
                if scenario.kind != ScenarioKind::Today {
                    let mut with_today = scenario.with_todays_costs;
                    if ui
                        .checkbox(&mut with_today, tr.get("ui-with-todays-costs"))
                        .changed()
                    {
                        push(
                            commands,
                            Scenario {
                                with_todays_costs: with_today,
                                ..scenario.clone()
                            },
                            None,
                        );
                    }
                }
            });
            ui.end_row();
            ui.label(tr.get("ui-participants"));
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
            ui.end_row();
            ui.label(tr.get("ui-service-level"));
            service_level_ui(ui, tr, scenario, index, commands);
            ui.end_row();
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
                line_ui(ui, cx, scenario, index, l, line, commands);
            })
            .response;
        if highlight && state.scroll_to_line {
            response.scroll_to_me(Some(egui::Align::Center));
            state.scroll_to_line = false;
        }
    }
    if ui.button(tr.get("ui-add-line")).clicked() {
        let mut s = scenario.clone();
        s.lines.push(CostLine {
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
        });
        push(commands, s, None);
    }
}

fn service_level_ui(ui: &mut Ui, tr: &Tr, scenario: &Scenario, index: usize, commands: &mut Vec<Command>) {
    let set = |commands: &mut Vec<Command>, level: Option<ServiceLevel>| {
        let mut s = scenario.clone();
        s.service_level = level;
        commands.push(Command::Edit(Edit::SetScenario(index, s), None));
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

fn line_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    scenario: &Scenario,
    index: usize,
    l: usize,
    line: &CostLine,
    commands: &mut Vec<Command>,
) {
    let ViewCtx { tr, study, .. } = *cx;
    let set = |commands: &mut Vec<Command>, new_line: CostLine, merge: Option<egui::Id>| {
        let mut s = scenario.clone();
        s.lines[l] = new_line;
        commands.push(Command::Edit(Edit::SetScenario(index, s), merge));
    };
    ui.horizontal_wrapped(|ui| {
        let mut label = line.label.clone();
        if text_ui(ui, &mut label, 260.0, &tr.get("ui-line-label")) {
            set(
                commands,
                CostLine {
                    label,
                    ..line.clone()
                },
                Some(egui::Id::unique(("line-label", index, l))),
            );
        }
        let category_name = study
            .category(&line.category)
            .map_or_else(|| line.category.0.clone(), |c| c.name.clone());
        combo_ui(
            ui,
            ("line-category", index, l),
            &tr.get("ui-category"),
            category_name,
            |ui| {
                for c in &study.categories {
                    if ui.selectable_label(c.id == line.category, &c.name).clicked() {
                        set(
                            commands,
                            CostLine {
                                category: c.id.clone(),
                                ..line.clone()
                            },
                            None,
                        );
                    }
                }
            },
        );
        let label = format!("{} – {}", line.label, tr.get("field-amount"));
        let from_salary = line.amount_from == AmountFrom::SalaryWithSocialCosts;
        if !from_salary
            && let Some(v) = number_ui(
                ui,
                tr,
                ("line-amount", index, l),
                line.amount_nok,
                0,
                100.0,
                &label,
            )
        {
            set(
                commands,
                CostLine {
                    amount_nok: v,
                    ..line.clone()
                },
                None,
            );
        }
        if !from_salary && !line.id.is_unassigned() {
            let input = crate::model::InputRef::LineAmount {
                scenario: scenario.id.clone(),
                line: line.id.clone(),
            };
            super::range::range_button_ui(ui, tr, study, &input, line.amount_nok, commands);
        }
        let mut salary = from_salary;
        if ui
            .checkbox(&mut salary, tr.get("ui-amount-is-salary"))
            .on_hover_text(tr.get("ui-amount-is-salary-hint"))
            .changed()
        {
            let amount_from = if salary {
                AmountFrom::SalaryWithSocialCosts
            } else {
                AmountFrom::Fixed
            };
            let payer = if salary && line.payer == Payer::Shared {
                Payer::EachMember
            } else {
                line.payer.clone()
            };
            set(
                commands,
                CostLine {
                    amount_from,
                    payer,
                    ..line.clone()
                },
                None,
            );
        }
        ui.label("kr ×");
        let label = format!("{} – {}", line.label, tr.get("field-quantity"));
        if let Some(v) = number_ui(
            ui,
            tr,
            ("line-quantity", index, l),
            line.quantity,
            2,
            50.0,
            &label,
        ) {
            set(
                commands,
                CostLine {
                    quantity: v,
                    ..line.clone()
                },
                None,
            );
        }
        combo_ui(
            ui,
            ("line-driver", index, l),
            &tr.get("ui-driver"),
            driver_text(tr, line.driver),
            |ui| {
                let mut drivers = vec![Driver::Lump, Driver::Members, Driver::Fte];
                drivers.extend(Attribute::ALL.map(Driver::Attribute));
                for driver in drivers {
                    if ui
                        .selectable_label(line.driver == driver, driver_text(tr, driver))
                        .clicked()
                    {
                        set(
                            commands,
                            CostLine {
                                driver,
                                ..line.clone()
                            },
                            None,
                        );
                    }
                }
            },
        );
        let payer_text = |payer: &Payer| payer_text(tr, study, payer);
        combo_ui(
            ui,
            ("line-payer", index, l),
            &tr.get("ui-payer"),
            payer_text(&line.payer),
            |ui| {
                let mut payers = vec![Payer::Shared, Payer::EachMember];
                payers.extend(study.participants(scenario).into_iter().map(Payer::Member));
                for payer in payers {
                    if ui
                        .selectable_label(line.payer == payer, payer_text(&payer))
                        .clicked()
                    {
                        set(
                            commands,
                            CostLine {
                                payer,
                                ..line.clone()
                            },
                            None,
                        );
                    }
                }
            },
        );
        if ui
            .small_button(super::widgets::REMOVE)
            .on_hover_text(tr.get("ui-remove"))
            .clicked()
        {
            let mut s = scenario.clone();
            s.lines.remove(l);
            commands.push(Command::Edit(Edit::SetScenario(index, s), None));
        }
    });
    ui.horizontal_wrapped(|ui| {
        timing_ui(ui, tr, study, &line.timing, (index, l), |timing, merge| {
            set(
                commands,
                CostLine {
                    timing,
                    ..line.clone()
                },
                merge,
            );
        });
        ui.separator();
        combo_ui(
            ui,
            ("line-growth", index, l),
            &tr.get("ui-growth"),
            growth_text(tr, line.growth),
            |ui| {
                for growth in [Growth::Wages, Growth::Prices, Growth::None] {
                    if ui
                        .selectable_label(line.growth == growth, growth_text(tr, growth))
                        .clicked()
                    {
                        set(
                            commands,
                            CostLine {
                                growth,
                                ..line.clone()
                            },
                            None,
                        );
                    }
                }
            },
        );
        ui.separator();
        assumption_mark(ui, tr, &line.source);
    });
    if let Some(source) = source_ui(ui, tr, &line.source) {
        set(
            commands,
            CostLine {
                source,
                ..line.clone()
            },
            Some(egui::Id::unique(("line-source", index, l))),
        );
    }
}

fn timing_ui(
    ui: &mut Ui,
    tr: &Tr,
    study: &Study,
    timing: &Timing,
    salt: (usize, usize),
    mut set: impl FnMut(Timing, Option<egui::Id>),
) {
    let first = study.assumptions.first_year;
    let kind_text = |t: &Timing| match t {
        Timing::EveryYear { .. } => tr.get("timing-every-year"),
        Timing::Once { .. } => tr.get("timing-once"),
        Timing::EveryNYears { .. } => tr.get("timing-every-n"),
    };
    combo_ui(
        ui,
        ("line-timing", salt),
        &tr.get("ui-timing"),
        kind_text(timing),
        |ui| {
            for option in [
                Timing::EveryYear { from: None, to: None },
                Timing::Once { year: first },
                Timing::EveryNYears {
                    every: 4,
                    from: first,
                },
            ] {
                let same_kind = std::mem::discriminant(&option) == std::mem::discriminant(timing);
                if ui.selectable_label(same_kind, kind_text(&option)).clicked() && !same_kind {
                    set(option, None);
                }
            }
        },
    );
    let year_field = |ui: &mut Ui, label: &str, value: i32| -> Option<(i32, egui::Id)> {
        ui.label(label);
        let mut v = value;
        let r = ui.add(egui::DragValue::new(&mut v).range(1900..=2300));
        super::widgets::accessible_label(ui, &r, label);
        r.changed().then_some((v, r.id))
    };
    match *timing {
        Timing::EveryYear { from, to } => {
            let mut limited = from.is_some() || to.is_some();
            if ui.checkbox(&mut limited, tr.get("timing-limited")).changed() {
                set(
                    if limited {
                        Timing::EveryYear {
                            from: Some(first),
                            to: Some(study.assumptions.end_year() - 1),
                        }
                    } else {
                        Timing::EveryYear { from: None, to: None }
                    },
                    None,
                );
            }
            if limited {
                let f = from.unwrap_or(first);
                let t = to.unwrap_or(study.assumptions.end_year() - 1);
                if let Some((v, id)) = year_field(ui, &tr.get("timing-from"), f) {
                    set(
                        Timing::EveryYear {
                            from: Some(v),
                            to: Some(t),
                        },
                        Some(id),
                    );
                }
                if let Some((v, id)) = year_field(ui, &tr.get("timing-to"), t) {
                    set(
                        Timing::EveryYear {
                            from: Some(f),
                            to: Some(v),
                        },
                        Some(id),
                    );
                }
            }
        }
        Timing::Once { year } => {
            if let Some((v, id)) = year_field(ui, &tr.get("timing-year"), year) {
                set(Timing::Once { year: v }, Some(id));
            }
        }
        Timing::EveryNYears { every, from } => {
            ui.label(tr.get("timing-every"));
            let mut n = every;
            let r = ui.add(
                egui::DragValue::new(&mut n)
                    .range(1..=50)
                    .suffix(tr.get("ui-years-suffix")),
            );
            super::widgets::accessible_label(ui, &r, &tr.get("timing-every"));
            if r.changed() {
                set(Timing::EveryNYears { every: n, from }, Some(r.id));
            }
            if let Some((v, id)) = year_field(ui, &tr.get("timing-from"), from) {
                set(Timing::EveryNYears { every, from: v }, Some(id));
            }
        }
    }
}
