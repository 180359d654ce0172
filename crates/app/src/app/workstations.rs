//! Workstations: the seat types a study prices (PC, laptop, thin client,
//! with terminal servers and access licences) and the fleets scenarios run.
//! Every number carries its source and can carry a range (±); what a seat
//! costs a year is the model's own figure ([`fleet::seat_costs`]).

use eframe::egui::{self, RichText, Ui};

use super::document::Edit;
use super::job::Job;
use super::range::range_button_ui;
use super::widgets::{WARNING, capitalized, combo_ui, number_ui, source_ui, text_ui};
use super::{Command, ViewCtx};
use crate::i18n::Tr;
use crate::model::fleet::{
    self, Fleet, FleetPart, SeatKind, SeatParam, SeatType, TerminalServers, Workstations,
};
use crate::model::{InputRef, Quantity, Source, Study};

/// What the answer was made for: the document's revision and the
/// language.
type AnswerKey = (u64, crate::lang::Lang);

/// The answer of the workstations: the findings (which fleet costs less
/// per seat and in total, payback, where it turns) and the cost per seat
/// of each fleet, made on another thread once per revision (the findings
/// evaluate the study again and solve for break-evens).
#[derive(Default, Clone)]
pub struct WorkstationsState {
    job: Job<AnswerKey, (Vec<String>, Vec<crate::report::tables::Table>)>,
}

impl std::fmt::Debug for WorkstationsState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkstationsState").finish_non_exhaustive()
    }
}

impl WorkstationsState {
    /// Stops the computation.
    pub fn cancel(&mut self) {
        self.job.cancel();
    }
}

/// The answer first: what the study's fleets change, in sentences, and
/// each fleet's cost per seat.
fn answer_ui(ui: &mut Ui, cx: &ViewCtx<'_>, state: &mut WorkstationsState) {
    let ViewCtx {
        tr,
        study,
        evaluation,
        revision,
        ..
    } = *cx;
    if study.workstations.is_empty() || evaluation.is_none() {
        return;
    }
    let key: AnswerKey = (revision, tr.lang());
    state.job.drive(
        ui.ctx(),
        &key,
        |_| true,
        || {
            let owned = study.clone();
            move |_: &(dyn Fn(f64) -> bool + Sync)| {
                let tr = Tr::new(key.1);
                let findings = crate::engine::evaluate(&owned)
                    .map(|e| crate::report::fleet_report::fleet_findings(&owned, &e, &tr))
                    .unwrap_or_default();
                (findings, crate::report::fleet_report::fleet_tables(&owned, &tr))
            }
        },
    );
    // The last answer, also while the next is being made (marked as such).
    let Some((made_for, answer)) = state.job.result() else {
        ui.spinner();
        return;
    };
    let (findings, tables) = &*answer;
    if made_for != key {
        ui.label(RichText::new(tr.get("fleet-answer-updating")).weak());
    }
    for finding in findings {
        ui.label(format!("• {finding}"));
    }
    for (i, table) in tables.iter().enumerate() {
        ui.add_space(6.0);
        ui.label(RichText::new(&table.title).strong());
        super::widgets::report_table_ui(ui, tr, &format!("fleet-answer-{i}"), table);
    }
    ui.add_space(12.0);
}

fn push(commands: &mut Vec<Command>, next: Workstations, merge: Option<egui::Id>) {
    commands.push(Command::Edit(Edit::SetWorkstations(next), merge));
}

fn assumption(value: f64, note: &str) -> Quantity {
    Quantity {
        value,
        source: Source::Assumption {
            note: note.to_owned(),
        },
    }
}

/// A new study's first numbers: the reference study's assumptions, marked
/// as assumptions to replace.
fn starting_point(study: &Study) -> Workstations {
    let first = study
        .categories
        .first()
        .map_or_else(|| crate::model::CategoryId::new(""), |c| c.id.clone());
    Workstations {
        electricity_price: assumption(0.75, "Replace with the municipality's own price."),
        support_cost_per_hour: assumption(195.0, "Replace with the support staff's cost per hour."),
        categories: fleet::FleetCategories {
            equipment: first.clone(),
            energy: first.clone(),
            support: first.clone(),
            licences: first,
        },
        seat_types: Vec::new(),
        fleets: Vec::new(),
    }
}

fn new_seat_type(ws: &Workstations, tr: &Tr) -> SeatType {
    let mut n = ws.seat_types.len() + 1;
    while ws.seat_type(&format!("seat{n}")).is_some() {
        n += 1;
    }
    let note = "A starting point; replace with your own figures.";
    SeatType {
        id: format!("seat{n}"),
        name: tr.get("fleet-new-seat-type"),
        kind: SeatKind::Pc,
        unit_price: assumption(5500.0, note),
        lifetime_years: assumption(5.0, note),
        power_in_use_w: assumption(85.0, note),
        power_idle_w: assumption(2.0, note),
        hours_in_use: assumption(2000.0, note),
        hours_idle: assumption(6760.0, note),
        support_hours: assumption(6.0, note),
        licences_per_year: assumption(0.0, note),
        access_licence: None,
        servers: None,
    }
}

/// One number of the workstation costs: what it is called, its unit, its
/// value and the input it is (for its ±).
#[derive(Clone, Copy)]
struct QuantityRow<'a> {
    id_salt: &'a str,
    label: &'a str,
    unit: &'a str,
    quantity: &'a Quantity,
    input: &'a InputRef,
}

/// One number: its name, value, unit, ± and source; `apply` puts a changed
/// number into the workstation costs.
fn quantity_row(
    ui: &mut Ui,
    tr: &Tr,
    study: &Study,
    row: QuantityRow<'_>,
    apply: &dyn Fn(&mut Workstations, Quantity),
    commands: &mut Vec<Command>,
) {
    let QuantityRow {
        id_salt,
        label,
        unit,
        quantity,
        input,
    } = row;
    ui.label(capitalized(label));
    ui.horizontal(|ui| {
        if let Some(v) = number_ui(ui, tr, (id_salt, "value"), quantity.value, 2, 90.0, label) {
            let mut next = study.workstations.clone();
            apply(
                &mut next,
                Quantity {
                    value: v,
                    ..quantity.clone()
                },
            );
            push(commands, next, None);
        }
        ui.label(unit);
        range_button_ui(ui, tr, study, input, quantity.value, commands);
    });
    ui.push_id((id_salt, "source"), |ui| {
        if let Some(source) = source_ui(ui, tr, &quantity.source) {
            let mut next = study.workstations.clone();
            apply(
                &mut next,
                Quantity {
                    source,
                    ..quantity.clone()
                },
            );
            push(commands, next, Some(egui::Id::unique((id_salt, "source-edit"))));
        }
    });
    ui.end_row();
}

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, state: &mut WorkstationsState, commands: &mut Vec<Command>) {
    let ViewCtx { tr, study, .. } = *cx;
    ui.heading(tr.get("view-workstations"));
    ui.label(RichText::new(tr.get("fleet-help")).weak());
    ui.label(RichText::new(tr.get("fleet-vendor-note")).color(WARNING));
    ui.add_space(8.0);
    egui::ScrollArea::vertical()
        .id_salt("workstations-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            answer_ui(ui, cx, state);
            if study.workstations.is_empty() {
                if ui.button(tr.get("fleet-add-seat-type")).clicked() {
                    let mut next = starting_point(study);
                    let seat = new_seat_type(&next, tr);
                    next.seat_types.push(seat);
                    push(commands, next, None);
                }
                return;
            }
            common_ui(ui, tr, study, commands);
            ui.add_space(12.0);
            ui.heading(tr.get("fleet-seat-types"));
            for index in 0..study.workstations.seat_types.len() {
                seat_type_ui(ui, tr, study, index, commands);
            }
            if ui.button(tr.get("fleet-add-seat-type")).clicked() {
                let mut next = study.workstations.clone();
                let seat = new_seat_type(&next, tr);
                next.seat_types.push(seat);
                push(commands, next, None);
            }
            ui.add_space(12.0);
            ui.heading(tr.get("fleet-fleets"));
            for index in 0..study.workstations.fleets.len() {
                fleet_ui(ui, tr, study, index, commands);
            }
            if ui.button(tr.get("fleet-add-fleet")).clicked() {
                let mut next = study.workstations.clone();
                let mut n = next.fleets.len() + 1;
                while next.fleet(&format!("fleet{n}")).is_some() {
                    n += 1;
                }
                next.fleets.push(Fleet {
                    id: format!("fleet{n}"),
                    name: tr.get("fleet-new-fleet"),
                    parts: next
                        .seat_types
                        .first()
                        .map(|t| FleetPart {
                            seat_type: t.id.clone(),
                            share_percent: 100.0,
                            seats: std::collections::BTreeMap::new(),
                        })
                        .into_iter()
                        .collect(),
                });
                push(commands, next, None);
            }
        });
}

fn common_ui(ui: &mut Ui, tr: &Tr, study: &Study, commands: &mut Vec<Command>) {
    let ws = &study.workstations;
    ui.label(RichText::new(tr.get("fleet-common")).strong());
    egui::Grid::new("fleet-common-grid")
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            quantity_row(
                ui,
                tr,
                study,
                QuantityRow {
                    id_salt: "electricity",
                    label: &tr.get("fleet-electricity-price"),
                    unit: "",
                    quantity: &ws.electricity_price,
                    input: &InputRef::ElectricityPrice,
                },
                &|w, q| w.electricity_price = q,
                commands,
            );
            quantity_row(
                ui,
                tr,
                study,
                QuantityRow {
                    id_salt: "support-cost",
                    label: &tr.get("fleet-support-cost-per-hour"),
                    unit: "",
                    quantity: &ws.support_cost_per_hour,
                    input: &InputRef::SupportCostPerHour,
                },
                &|w, q| w.support_cost_per_hour = q,
                commands,
            );
        });
    ui.add_space(6.0);
    ui.label(RichText::new(tr.get("fleet-categories")).strong());
    egui::Grid::new("fleet-categories-grid")
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            type Slot = fn(&mut fleet::FleetCategories) -> &mut crate::model::CategoryId;
            let slots: [(&str, &crate::model::CategoryId, Slot); 4] = [
                ("fleet-category-equipment", &ws.categories.equipment, |c| {
                    &mut c.equipment
                }),
                ("fleet-category-energy", &ws.categories.energy, |c| &mut c.energy),
                ("fleet-category-support", &ws.categories.support, |c| {
                    &mut c.support
                }),
                ("fleet-category-licences", &ws.categories.licences, |c| {
                    &mut c.licences
                }),
            ];
            for (label_id, current, slot) in slots {
                let label = tr.get(label_id);
                ui.label(&label);
                let name = study
                    .category(current)
                    .map_or_else(|| current.0.clone(), |c| c.name.clone());
                combo_ui(ui, ("fleet-category", label_id), &label, name, |ui| {
                    for category in &study.categories {
                        if ui
                            .selectable_label(&category.id == current, &category.name)
                            .clicked()
                            && &category.id != current
                        {
                            let mut next = ws.clone();
                            *slot(&mut next.categories) = category.id.clone();
                            push(commands, next, None);
                        }
                    }
                });
                ui.end_row();
            }
        });
}

fn kind_text(tr: &Tr, kind: SeatKind) -> String {
    tr.get(match kind {
        SeatKind::Pc => "fleet-kind-pc",
        SeatKind::Laptop => "fleet-kind-laptop",
        SeatKind::ThinClient => "fleet-kind-thin",
    })
}

fn seat_type_ui(ui: &mut Ui, tr: &Tr, study: &Study, index: usize, commands: &mut Vec<Command>) {
    let ws = &study.workstations;
    let seat = &ws.seat_types[index];
    egui::CollapsingHeader::new(RichText::new(&seat.name).strong())
        .id_salt(("seat-type", index))
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(tr.get("ui-name"));
                let mut name = seat.name.clone();
                if text_ui(ui, &mut name, 200.0, &tr.get("ui-name")) {
                    let mut next = ws.clone();
                    next.seat_types[index].name = name;
                    push(commands, next, Some(egui::Id::unique(("seat-name", index))));
                }
                combo_ui(
                    ui,
                    ("seat-kind", index),
                    &tr.get("ui-kind"),
                    kind_text(tr, seat.kind),
                    |ui| {
                        for kind in [SeatKind::Pc, SeatKind::Laptop, SeatKind::ThinClient] {
                            if ui
                                .selectable_label(seat.kind == kind, kind_text(tr, kind))
                                .clicked()
                                && seat.kind != kind
                            {
                                let mut next = ws.clone();
                                next.seat_types[index].kind = kind;
                                push(commands, next, None);
                            }
                        }
                    },
                );
                let used = ws
                    .fleets
                    .iter()
                    .any(|f| f.parts.iter().any(|p| p.seat_type == seat.id));
                if ui
                    .add_enabled(!used, egui::Button::new(tr.get("fleet-remove-seat-type")))
                    .clicked()
                {
                    let mut next = ws.clone();
                    next.seat_types.remove(index);
                    push(commands, next, None);
                }
            });
            egui::Grid::new(("seat-grid", index))
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for param in SeatParam::ALL {
                        let Some(quantity) = seat.param(param) else {
                            continue;
                        };
                        let input = InputRef::Seat {
                            seat_type: seat.id.clone(),
                            param,
                        };
                        quantity_row(
                            ui,
                            tr,
                            study,
                            QuantityRow {
                                id_salt: &format!("seat-{index}-{}", param.key()),
                                label: &tr.get(param.message_id()),
                                unit: &tr.get(param.unit_id()),
                                quantity,
                                input: &input,
                            },
                            &move |w, q| {
                                if let Some(slot) = w.seat_types[index].param_mut(param) {
                                    *slot = q;
                                }
                            },
                            commands,
                        );
                    }
                });
            ui.horizontal(|ui| {
                if seat.servers.is_none() && ui.button(tr.get("fleet-add-servers")).clicked() {
                    let mut next = ws.clone();
                    let note = "A starting point; replace with your own figures.";
                    next.seat_types[index].servers = Some(TerminalServers {
                        users_per_server: assumption(20.0, note),
                        price: assumption(60_000.0, note),
                        lifetime_years: assumption(5.0, note),
                        power_w: assumption(0.0, note),
                    });
                    push(commands, next, None);
                }
                if seat.access_licence.is_none() && ui.button(tr.get("fleet-add-access-licence")).clicked() {
                    let mut next = ws.clone();
                    next.seat_types[index].access_licence = Some(assumption(
                        500.0,
                        "A starting point; replace with your own figures.",
                    ));
                    push(commands, next, None);
                }
            });
            // What one seat costs, from the lines the fleet becomes.
            let costs = fleet::seat_costs(study, index);
            let (yearly, once) = fleet::seat_cost_totals(study, index);
            let summary = tr.args(
                "fleet-per-seat",
                &[("amount", tr.money(yearly)), ("once", tr.money(once))],
            );
            ui.label(RichText::new(summary).strong()).on_hover_ui(|ui| {
                for (cost, value) in &costs {
                    ui.label(format!(
                        "{}: {}",
                        capitalized(&tr.get(cost.message_id())),
                        tr.money(*value)
                    ));
                }
            });
            ui.add_space(6.0);
        });
}

fn fleet_ui(ui: &mut Ui, tr: &Tr, study: &Study, index: usize, commands: &mut Vec<Command>) {
    let ws = &study.workstations;
    let fleet = &ws.fleets[index];
    egui::CollapsingHeader::new(RichText::new(&fleet.name).strong())
        .id_salt(("fleet", index))
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(tr.get("ui-name"));
                let mut name = fleet.name.clone();
                if text_ui(ui, &mut name, 200.0, &tr.get("ui-name")) {
                    let mut next = ws.clone();
                    next.fleets[index].name = name;
                    push(commands, next, Some(egui::Id::unique(("fleet-name", index))));
                }
                let users: Vec<&str> = study
                    .scenarios
                    .iter()
                    .filter(|s| s.fleet.as_deref() == Some(fleet.id.as_str()))
                    .map(|s| s.name.as_str())
                    .collect();
                if ui
                    .add_enabled(users.is_empty(), egui::Button::new(tr.get("fleet-remove-fleet")))
                    .clicked()
                {
                    let mut next = ws.clone();
                    next.fleets.remove(index);
                    push(commands, next, None);
                }
                if users.is_empty() {
                    ui.label(RichText::new(tr.get("fleet-used-by-none")).weak());
                } else {
                    ui.label(tr.args("fleet-used-by", &[("scenarios", users.join(", "))]));
                }
            });
            egui::Grid::new(("fleet-parts", index))
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for (p, part) in fleet.parts.iter().enumerate() {
                        let name = ws
                            .seat_type(&part.seat_type)
                            .map_or_else(|| part.seat_type.clone(), |t| t.name.clone());
                        combo_ui(
                            ui,
                            ("fleet-part", index, p),
                            &tr.get("fleet-seat-type"),
                            name,
                            |ui| {
                                for seat in &ws.seat_types {
                                    if ui
                                        .selectable_label(seat.id == part.seat_type, &seat.name)
                                        .clicked()
                                        && seat.id != part.seat_type
                                    {
                                        let mut next = ws.clone();
                                        next.fleets[index].parts[p].seat_type.clone_from(&seat.id);
                                        push(commands, next, None);
                                    }
                                }
                            },
                        );
                        let label = tr.get("field-fleet-share");
                        ui.horizontal(|ui| {
                            if let Some(v) = number_ui(
                                ui,
                                tr,
                                ("fleet-share", index, p),
                                part.share_percent,
                                1,
                                60.0,
                                &label,
                            ) {
                                let mut next = ws.clone();
                                next.fleets[index].parts[p].share_percent = v;
                                push(commands, next, None);
                            }
                            ui.label("%");
                        });
                        let mut own = !part.seats.is_empty();
                        if ui.checkbox(&mut own, tr.get("fleet-own-counts")).changed() {
                            let mut next = ws.clone();
                            next.fleets[index].parts[p].seats = if own {
                                part.seats_by_share(study)
                            } else {
                                std::collections::BTreeMap::new()
                            };
                            push(commands, next, None);
                        }
                        if ui.small_button("×").on_hover_text(tr.get("ui-remove")).clicked() {
                            let mut next = ws.clone();
                            next.fleets[index].parts.remove(p);
                            push(commands, next, None);
                        }
                        ui.end_row();
                        if own {
                            ui.label("");
                            ui.horizontal_wrapped(|ui| {
                                for member in &study.members {
                                    let count = part.seats.get(&member.id).copied().unwrap_or(0.0);
                                    ui.label(&member.name);
                                    let label = format!("{} · {}", member.name, tr.get("field-fleet-seats"));
                                    if let Some(v) = number_ui(
                                        ui,
                                        tr,
                                        ("fleet-seats", index, p, &member.id.0),
                                        count,
                                        0,
                                        50.0,
                                        &label,
                                    ) {
                                        let mut next = ws.clone();
                                        next.fleets[index].parts[p].seats.insert(member.id.clone(), v);
                                        push(commands, next, None);
                                    }
                                }
                            });
                            ui.end_row();
                        }
                    }
                });
            if let Some(seat) = ws.seat_types.first()
                && ui.button(tr.get("fleet-add-part")).clicked()
            {
                let mut next = ws.clone();
                next.fleets[index].parts.push(FleetPart {
                    seat_type: seat.id.clone(),
                    share_percent: 0.0,
                    seats: std::collections::BTreeMap::new(),
                });
                push(commands, next, None);
            }
            ui.add_space(6.0);
        });
}
