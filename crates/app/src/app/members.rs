//! Municipalities: attributes (population, employees, workstations, sites)
//! with their sources; add, rename, remove (removing asks first and says
//! what refers to the member).

use eframe::egui::{self, RichText, Ui};

use super::document::Edit;
use super::widgets::{assumption_mark, capitalized, number_ui, right_label, source_ui, text_ui};
use super::{Command, ViewCtx};
use crate::i18n::Tr;
use crate::model::edit::Reference;
use crate::model::{Attribute, Member, MemberId, Quantity, Source, Study};

fn attribute_mut(member: &mut Member, attribute: Attribute) -> &mut Option<Quantity> {
    match attribute {
        Attribute::Population => &mut member.population,
        Attribute::Employees => &mut member.employees,
        Attribute::Workstations => &mut member.workstations,
        Attribute::Sites => &mut member.sites,
    }
}

/// Draws the view.
pub fn view_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    selected: &mut usize,
    confirm_remove: &mut Option<usize>,
    commands: &mut Vec<Command>,
) {
    let ViewCtx { tr, study, .. } = *cx;
    ui.heading(tr.get("view-members"));
    ui.add_space(6.0);
    egui::Grid::new("members-grid")
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(tr.get("ui-id")).strong());
            ui.label(RichText::new(tr.get("ui-name")).strong());
            ui.label(RichText::new(tr.get("ui-municipality-number")).strong());
            for attribute in Attribute::ALL {
                right_label(
                    ui,
                    RichText::new(capitalized(&tr.get(attribute.message_id()))).strong(),
                );
            }
            ui.label("");
            ui.end_row();
            for (i, member) in study.members.iter().enumerate() {
                if ui.selectable_label(*selected == i, member.id.as_str()).clicked() {
                    *selected = i;
                }
                let mut name = member.name.clone();
                if text_ui(ui, &mut name, 140.0, &tr.get("ui-name")) {
                    let mut m = member.clone();
                    m.name = name;
                    commands.push(Command::Edit(
                        Edit::SetMember(member.id.clone(), m),
                        Some(egui::Id::unique(("member-name", i))),
                    ));
                }
                let mut number = member.number.clone().unwrap_or_default();
                if text_ui(ui, &mut number, 60.0, &tr.get("ui-municipality-number")) {
                    let mut m = member.clone();
                    m.number = (!number.trim().is_empty()).then_some(number);
                    commands.push(Command::Edit(
                        Edit::SetMember(member.id.clone(), m),
                        Some(egui::Id::unique(("member-number", i))),
                    ));
                }
                for attribute in Attribute::ALL {
                    ui.horizontal(|ui| {
                        let q = member.attribute(attribute);
                        let label = format!("{} – {}", member.name, tr.get(attribute.message_id()));
                        let value = q.map_or(f64::NAN, |q| q.value);
                        if let Some(v) = number_ui(
                            ui,
                            tr,
                            ("member-attr", i, attribute.index()),
                            value,
                            0,
                            70.0,
                            &label,
                        ) {
                            let mut m = member.clone();
                            let source = q.map(|q| q.source.clone()).unwrap_or_default();
                            *attribute_mut(&mut m, attribute) = Some(Quantity { value: v, source });
                            commands.push(Command::Edit(Edit::SetMember(member.id.clone(), m), None));
                        }
                        if let Some(q) = q {
                            assumption_mark(ui, tr, &q.source);
                            let input = crate::model::InputRef::Attribute {
                                member: member.id.clone(),
                                attribute,
                            };
                            super::range::range_button_ui(ui, tr, study, &input, q.value, commands);
                        }
                    });
                }
                if ui
                    .button(super::widgets::REMOVE)
                    .on_hover_text(tr.get("ui-remove-member"))
                    .clicked()
                {
                    *confirm_remove = Some(i);
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    if ui.button(tr.get("ui-add-member")).clicked() {
        commands.push(Command::Edit(Edit::AddMember(new_member(study, tr)), None));
    }
    if let Some(member) = study.members.get(*selected) {
        ui.add_space(12.0);
        ui.separator();
        ui.label(RichText::new(tr.args("ui-sources-of", &[("name", member.name.clone())])).strong());
        egui::Grid::new("member-sources")
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                for attribute in Attribute::ALL {
                    if let Some(q) = member.attribute(attribute) {
                        ui.label(capitalized(&tr.get(attribute.message_id())));
                        if let Some(source) = source_ui(ui, tr, &q.source) {
                            let mut m = member.clone();
                            *attribute_mut(&mut m, attribute) = Some(Quantity {
                                value: q.value,
                                source,
                            });
                            let merge = egui::Id::unique(("member-source", *selected, attribute.index()));
                            commands.push(Command::Edit(Edit::SetMember(member.id.clone(), m), Some(merge)));
                        }
                        ui.end_row();
                    }
                }
            });
    }
}

fn new_member(study: &Study, tr: &Tr) -> Member {
    let mut n = study.members.len() + 1;
    let id = loop {
        let candidate = MemberId::new(format!("K{n}"));
        if study.member(&candidate).is_none() {
            break candidate;
        }
        n += 1;
    };
    let assumption = |v: f64| {
        Some(Quantity {
            value: v,
            source: Source::default(),
        })
    };
    Member {
        id,
        name: tr.get("ui-new-member-name"),
        number: None,
        population: assumption(0.0),
        employees: assumption(0.0),
        workstations: assumption(0.0),
        sites: assumption(0.0),
        salary: None,
        positions: Vec::new(),
    }
}

fn reference_text(tr: &Tr, reference: &Reference) -> String {
    match reference {
        Reference::Baseline { category } => tr.args("ref-baseline", &[("category", category.clone())]),
        Reference::KeyWeight { key } => tr.args("ref-key", &[("key", key.clone())]),
        Reference::Participant { scenario } => tr.args("ref-participant", &[("scenario", scenario.clone())]),
        Reference::Payer { scenario, line } => tr.args(
            "ref-payer",
            &[("scenario", scenario.clone()), ("line", line.clone())],
        ),
    }
}

/// The "remove this municipality?" dialog, listing what refers to it.
pub fn confirm_remove_ui(
    ctx: &egui::Context,
    tr: &Tr,
    study: &Study,
    confirm_remove: &mut Option<usize>,
    selected: &mut usize,
    commands: &mut Vec<Command>,
) {
    let Some(member) = confirm_remove.and_then(|index| study.members.get(index)) else {
        *confirm_remove = None;
        return;
    };
    let references = study.references_to(&member.id);
    egui::Modal::new(egui::Id::unique("confirm-remove-member")).show(ctx, |ui| {
        ui.heading(tr.args("ui-remove-member-title", &[("name", member.name.clone())]));
        if references.is_empty() {
            ui.label(tr.get("ui-remove-member-nothing"));
        } else {
            ui.label(tr.get("ui-remove-member-refs"));
            for reference in &references {
                ui.label(format!("• {}", reference_text(tr, reference)));
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(tr.get("ui-remove")).clicked() {
                commands.push(Command::Edit(Edit::RemoveMember(member.id.clone()), None));
                *confirm_remove = None;
                *selected = 0;
            }
            if ui.button(tr.get("ui-cancel")).clicked() {
                *confirm_remove = None;
            }
        });
    });
}
