//! Staffing: each municipality's IT positions (% authorised, % filled), how
//! the filled part is spent on tasks (with the sum and a warning where it
//! does not match), and salary with social costs.

use eframe::egui::{self, RichText, Ui};

use super::document::Edit;
use super::widgets::{EXTRA, capitalized, combo_ui, number_ui, right_label, text_ui};
use super::{Command, ViewCtx};
use crate::i18n::Tr;
use crate::model::{Member, Position, Salary, Source, Study, TaskShare};

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, selected: &mut usize, commands: &mut Vec<Command>) {
    let ViewCtx { tr, study, .. } = *cx;
    ui.heading(tr.get("view-staffing"));
    ui.horizontal_wrapped(|ui| {
        for (i, member) in study.members.iter().enumerate() {
            if ui.selectable_label(*selected == i, &member.name).clicked() {
                *selected = i;
            }
        }
    });
    let index = *selected;
    let Some(member) = study.members.get(index) else {
        return;
    };
    let push = |commands: &mut Vec<Command>, m: Member, merge: Option<egui::Id>| {
        commands.push(Command::Edit(Edit::SetMember(member.id.clone(), m), merge));
    };
    ui.add_space(8.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            salary_ui(ui, tr, member, index, study.currency, commands);
            if let Some(salary) = &member.salary {
                // Ranges on the salary and its rates.
                ui.horizontal(|ui| {
                    ui.label(RichText::new(tr.get("unc-range")).weak());
                    for (input, value, name) in [
                        (
                            crate::model::InputRef::Salary {
                                member: member.id.clone(),
                            },
                            salary.nok_per_fte,
                            "field-salary",
                        ),
                        (
                            crate::model::InputRef::EmployerTax {
                                member: member.id.clone(),
                            },
                            salary.employer_tax_percent,
                            "field-employer-tax",
                        ),
                        (
                            crate::model::InputRef::Pension {
                                member: member.id.clone(),
                            },
                            salary.pension_percent,
                            "field-pension",
                        ),
                    ] {
                        ui.label(tr.get(name));
                        super::range::range_button_ui(ui, tr, study, &input, value, commands);
                    }
                });
            }
            usage_ui(ui, tr, study, member);
            link_ui(ui, tr, study, member, commands);
            ui.add_space(10.0);
            ui.label(RichText::new(tr.get("ui-positions")).strong());
            egui::Grid::new(("positions", index))
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    ui.label(RichText::new(tr.get("ui-role")).strong());
                    right_label(ui, RichText::new(tr.get("field-authorised")).strong());
                    right_label(ui, RichText::new(tr.get("field-filled")).strong());
                    right_label(ui, RichText::new(tr.get("ui-tasks-sum")).strong());
                    ui.label("");
                    ui.end_row();
                    for (p, position) in member.positions.iter().enumerate() {
                        let mut role = position.role.clone();
                        if text_ui(ui, &mut role, 200.0, &tr.get("ui-role")) {
                            let mut m = member.clone();
                            m.positions[p].role = role;
                            push(commands, m, Some(egui::Id::unique(("role", index, p))));
                        }
                        let label = format!("{} – {}", position.role, tr.get("field-authorised"));
                        if let Some(v) = number_ui(
                            ui,
                            tr,
                            ("authorised", index, p),
                            position.authorised_percent_of_fte,
                            0,
                            60.0,
                            &label,
                        ) {
                            let mut m = member.clone();
                            m.positions[p].authorised_percent_of_fte = v;
                            push(commands, m, None);
                        }
                        let label = format!("{} – {}", position.role, tr.get("field-filled"));
                        if let Some(v) = number_ui(
                            ui,
                            tr,
                            ("filled", index, p),
                            position.filled_percent_of_fte,
                            0,
                            60.0,
                            &label,
                        ) {
                            let mut m = member.clone();
                            m.positions[p].filled_percent_of_fte = v;
                            push(commands, m, None);
                        }
                        let sum = position.tasks_percent();
                        if position.tasks.is_empty() {
                            right_label(ui, RichText::new("—").weak());
                        } else if !position.tasks_add_up() {
                            right_label(ui, RichText::new(format!("≠ {}", tr.pct(sum, 0))).color(EXTRA))
                                .on_hover_text(tr.args(
                                    "problem-tasks-do-not-add-up",
                                    &[
                                        ("tasks", tr.num(sum, 0)),
                                        ("filled", tr.num(position.filled_percent_of_fte, 0)),
                                    ],
                                ));
                        } else {
                            right_label(ui, tr.pct(sum, 0));
                        }
                        // Not in the Tab order: Tab after "% filled" goes
                        // on to the next row's fields, as in a spreadsheet,
                        // not onto the row's remove button.
                        if ui
                            .add(egui::Button::new(super::widgets::REMOVE).sense(egui::Sense::CLICK))
                            .on_hover_text(tr.get("ui-remove"))
                            .clicked()
                        {
                            let mut m = member.clone();
                            m.positions.remove(p);
                            push(commands, m, None);
                        }
                        ui.end_row();
                    }
                });
            if ui.button(tr.get("ui-add-position")).clicked() {
                let mut m = member.clone();
                m.positions.push(Position {
                    role: tr.get("ui-new-role"),
                    authorised_percent_of_fte: 100.0,
                    filled_percent_of_fte: 100.0,
                    tasks: Vec::new(),
                    note: String::new(),
                });
                push(commands, m, None);
            }
            for (p, position) in member.positions.iter().enumerate() {
                ui.add_space(8.0);
                egui::CollapsingHeader::new(tr.args("ui-tasks-of", &[("role", position.role.clone())]))
                    .id_salt(("tasks", index, p))
                    .default_open(!position.tasks.is_empty())
                    .show(ui, |ui| tasks_ui(ui, tr, member, index, p, commands));
                if !position.note.is_empty() {
                    ui.label(RichText::new(&position.note).small().weak());
                }
            }
        });
}

fn salary_ui(
    ui: &mut Ui,
    tr: &Tr,
    member: &Member,
    index: usize,
    currency: crate::model::Currency,
    commands: &mut Vec<Command>,
) {
    let salary = member.salary.clone().unwrap_or(Salary {
        nok_per_fte: 0.0,
        employer_tax_percent: 0.0,
        pension_percent: 0.0,
        source: Source::default(),
        today_category: None,
    });
    let set = |s: Salary, commands: &mut Vec<Command>| {
        let mut m = member.clone();
        m.salary = Some(s);
        commands.push(Command::Edit(Edit::SetMember(member.id.clone(), m), None));
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(capitalized(&tr.get("field-salary")));
        if let Some(v) = number_ui(
            ui,
            tr,
            ("salary", index),
            salary.nok_per_fte,
            0,
            90.0,
            &tr.get("field-salary"),
        ) {
            set(
                Salary {
                    nok_per_fte: v,
                    ..salary.clone()
                },
                commands,
            );
        }
        ui.label(capitalized(&tr.get("field-employer-tax")));
        if let Some(v) = number_ui(
            ui,
            tr,
            ("employer-tax", index),
            salary.employer_tax_percent,
            1,
            50.0,
            &tr.get("field-employer-tax"),
        ) {
            set(
                Salary {
                    employer_tax_percent: v,
                    ..salary.clone()
                },
                commands,
            );
        }
        ui.label("%");
        // Presets of the study's own country only (Norwegian zones for a
        // study in NOK, the Swedish rate for SEK; none for DKK).
        let presets = crate::model::presets::employer_tax_presets(currency);
        if !presets.is_empty() {
            let title = if currency == crate::model::Currency::Nok {
                tr.get("ui-tax-zone")
            } else {
                tr.get("ui-tax-sweden")
            };
            let label = |preset: &crate::model::presets::EmployerTaxPreset| {
                if currency == crate::model::Currency::Nok {
                    format!("{} {}", tr.get("ui-zone"), preset.name)
                } else {
                    preset.name.clone()
                }
            };
            // The box shows the zone chosen (the first whose rate and
            // source match), not the same "Zone …" whatever it is.
            let chosen = presets
                .iter()
                .find(|p| (salary.employer_tax_percent - p.percent).abs() < 1e-9 && salary.source == p.source)
                .or_else(|| {
                    presets
                        .iter()
                        .find(|p| (salary.employer_tax_percent - p.percent).abs() < 1e-9)
                })
                .map_or_else(|| title.clone(), label);
            combo_ui(ui, ("tax-zone", index), &title, chosen, |ui| {
                for preset in &presets {
                    let name = label(preset);
                    let text = format!("{name}: {}", tr.pct(preset.percent, 1));
                    if ui
                        .selectable_label((salary.employer_tax_percent - preset.percent).abs() < 1e-9, text)
                        .clicked()
                    {
                        set(
                            Salary {
                                employer_tax_percent: preset.percent,
                                source: preset.source.clone(),
                                ..salary.clone()
                            },
                            commands,
                        );
                    }
                }
            });
        }
        ui.label(capitalized(&tr.get("field-pension")));
        if let Some(v) = number_ui(
            ui,
            tr,
            ("pension", index),
            salary.pension_percent,
            1,
            50.0,
            &tr.get("field-pension"),
        ) {
            set(
                Salary {
                    pension_percent: v,
                    ..salary.clone()
                },
                commands,
            );
        }
        ui.label("%");
        ui.separator();
        ui.label(tr.args(
            "ui-salary-with-social",
            &[("amount", tr.money(salary.with_social_costs_nok_per_fte()))],
        ));
        ui.label(tr.args("ui-filled-fte", &[("fte", tr.num(member.filled_fte(), 2))]));
    });
}

/// Says whether the salary feeds any figure: "used by 3 lines in 2
/// scenarios", or plainly that it feeds none (so a change does nothing).
fn usage_ui(ui: &mut Ui, tr: &Tr, study: &Study, member: &Member) {
    if member.salary.is_none() {
        return;
    }
    let input = crate::model::InputRef::Salary {
        member: member.id.clone(),
    };
    let used = crate::model::usage(study, &input);
    if used.is_unused() {
        ui.label(RichText::new(tr.get("usage-salary-unused")).color(ui.visuals().warn_fg_color));
    } else {
        // Lines, keys, today's operation: the words every ± uses.
        let text = super::range::usage_text(tr, study, &input);
        ui.label(RichText::new(text).weak());
    }
}

/// Today's cost of a category from the staffing: offered when the salary
/// could feed it, shown (with a way back) when it does.
fn link_ui(ui: &mut Ui, tr: &Tr, study: &Study, member: &Member, commands: &mut Vec<Command>) {
    let Some(salary) = &member.salary else { return };
    if study.categories.is_empty()
        || !study
            .scenarios
            .iter()
            .any(crate::model::Scenario::includes_todays_costs)
    {
        return;
    }
    let set = |category: Option<crate::model::CategoryId>, commands: &mut Vec<Command>| {
        let mut m = member.clone();
        if let Some(s) = &mut m.salary {
            s.today_category = category;
        }
        commands.push(Command::Edit(Edit::SetMember(member.id.clone(), m), None));
    };
    if let Some((category, amount)) = study.staffing_salary_cost(member) {
        let name = study
            .category(category)
            .map_or_else(|| category.0.clone(), |c| c.name.clone());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr.args(
                    "ui-salary-linked",
                    &[
                        ("category", name),
                        ("fte", tr.num_trim(member.filled_fte(), 2)),
                        ("salary", tr.money(salary.with_social_costs_nok_per_fte())),
                        ("amount", tr.money(amount)),
                    ],
                ))
                .color(super::widgets::SAVING),
            );
            if ui.button(tr.get("ui-salary-unlink")).clicked() {
                set(None, commands);
            }
        });
    } else {
        // The category that most likely holds salaries: its name or id
        // says so; else the first one.
        let guess = study
            .categories
            .iter()
            .find(|c| {
                let text = format!("{} {}", c.id.0, c.name).to_lowercase();
                ["lønn", "løn", "lön", "salar", "wage"]
                    .iter()
                    .any(|w| text.contains(w))
            })
            .unwrap_or(&study.categories[0]);
        ui.horizontal_wrapped(|ui| {
            let amount = member.staffing_salary_nok();
            if ui
                .button(tr.args(
                    "ui-salary-link",
                    &[("category", guess.name.clone()), ("amount", tr.money(amount))],
                ))
                .on_hover_text(tr.get("ui-salary-link-help"))
                .clicked()
            {
                set(Some(guess.id.clone()), commands);
            }
        });
    }
}

fn tasks_ui(ui: &mut Ui, tr: &Tr, member: &Member, index: usize, p: usize, commands: &mut Vec<Command>) {
    let position = &member.positions[p];
    let push = |commands: &mut Vec<Command>, m: Member, merge: Option<egui::Id>| {
        commands.push(Command::Edit(Edit::SetMember(member.id.clone(), m), merge));
    };
    egui::Grid::new(("tasks-grid", index, p))
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            for (t, task) in position.tasks.iter().enumerate() {
                let mut name = task.task.clone();
                if text_ui(ui, &mut name, 320.0, &tr.get("ui-task")) {
                    let mut m = member.clone();
                    m.positions[p].tasks[t].task = name;
                    push(commands, m, Some(egui::Id::unique(("task", index, p, t))));
                }
                let label = format!("{} – %", task.task);
                if let Some(v) = number_ui(
                    ui,
                    tr,
                    ("task-share", index, p, t),
                    task.percent_of_fte,
                    0,
                    60.0,
                    &label,
                ) {
                    let mut m = member.clone();
                    m.positions[p].tasks[t].percent_of_fte = v;
                    push(commands, m, None);
                }
                if ui
                    .small_button(super::widgets::REMOVE)
                    .on_hover_text(tr.get("ui-remove"))
                    .clicked()
                {
                    let mut m = member.clone();
                    m.positions[p].tasks.remove(t);
                    push(commands, m, None);
                }
                ui.end_row();
            }
            let sum = position.tasks_percent();
            ui.label(RichText::new(tr.get("ui-total")).strong());
            let ok = position.tasks_add_up();
            let text = tr.args(
                "ui-tasks-sum-of",
                &[
                    ("sum", tr.num(sum, 0)),
                    ("filled", tr.num(position.filled_percent_of_fte, 0)),
                ],
            );
            right_label(
                ui,
                if ok {
                    RichText::new(text)
                } else {
                    RichText::new(format!("≠ {text}")).color(EXTRA)
                },
            );
            ui.end_row();
        });
    if ui.small_button(tr.get("ui-add-task")).clicked() {
        let mut m = member.clone();
        m.positions[p].tasks.push(TaskShare {
            task: tr.get("ui-new-task"),
            percent_of_fte: 0.0,
        });
        push(commands, m, None);
    }
}
