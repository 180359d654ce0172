//! Allocation keys: each key's rule and parameters, and the resulting
//! shares per municipality, live, over all members and in each scenario
//! that uses the key.

use eframe::egui::{self, RichText, Ui};

use super::document::Edit;
use super::widgets::{combo_ui, number_ui, right_label, source_ui, text_ui};
use super::{Command, ViewCtx};
use crate::i18n::Tr;
use crate::model::keys::shares;
use crate::model::{Attribute, Key, KeyId, KeyPart, KeyRule, MemberId, Source, Study};

fn rule_kind_text(tr: &Tr, rule: &KeyRule) -> String {
    match rule {
        KeyRule::Equal => tr.get("rule-equal"),
        KeyRule::Proportional(a) => tr.args("rule-proportional", &[("attribute", tr.get(a.message_id()))]),
        KeyRule::TodaysCost => tr.get("rule-todays-cost"),
        KeyRule::Fixed(_) => tr.get("rule-fixed"),
        KeyRule::Mix(_) => tr.get("rule-mix"),
    }
}

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, selected: &mut usize, commands: &mut Vec<Command>) {
    let ViewCtx { tr, study, .. } = *cx;
    ui.heading(tr.get("view-keys"));
    if *selected >= study.keys.len() {
        *selected = 0;
    }
    egui::Panel::left("key-list")
        .resizable(true)
        .default_size(220.0)
        .show(ui, |ui| {
            for (i, key) in study.keys.iter().enumerate() {
                if ui.selectable_label(*selected == i, &key.name).clicked() {
                    *selected = i;
                }
            }
            ui.separator();
            if ui.button(tr.get("ui-add-key")).clicked() {
                let mut n = study.keys.len() + 1;
                let id = loop {
                    let candidate = KeyId::new(format!("key{n}"));
                    if study.key(&candidate).is_none() {
                        break candidate;
                    }
                    n += 1;
                };
                let key = Key {
                    id,
                    name: tr.get("ui-new-key-name"),
                    rule: KeyRule::Equal,
                    source: Source::default(),
                };
                commands.push(Command::Edit(Edit::AddKey(key), None));
                *selected = study.keys.len();
            }
            if !study.keys.is_empty() && ui.button(tr.get("ui-delete-key")).clicked() {
                commands.push(Command::Edit(
                    Edit::RemoveKey(study.keys[(*selected).min(study.keys.len() - 1)].id.clone()),
                    None,
                ));
                *selected = selected.saturating_sub(1);
            }
        });
    let index = *selected;
    let Some(key) = study.keys.get(index) else { return };
    let push = |commands: &mut Vec<Command>, k: Key, merge: Option<egui::Id>| {
        commands.push(Command::Edit(Edit::SetKey(key.id.clone(), k), merge));
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(tr.get("ui-name"));
                let mut name = key.name.clone();
                if text_ui(ui, &mut name, 300.0, &tr.get("ui-key-name")) {
                    push(
                        commands,
                        Key { name, ..key.clone() },
                        Some(egui::Id::unique(("key-name", index))),
                    );
                }
            });
            if let Some(rule) = rule_ui(ui, tr, study, &key.rule, &format!("key{index}"), 0) {
                push(commands, Key { rule, ..key.clone() }, None);
            }
            // A range on a member's fixed weight (how sure is the split?).
            if let KeyRule::Fixed(weights) = &key.rule {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(tr.get("unc-range")).weak());
                    for member in &study.members {
                        let input = crate::model::InputRef::KeyWeight {
                            key: key.id.clone(),
                            member: member.id.clone(),
                        };
                        let weight = weights.get(&member.id).copied().unwrap_or(0.0);
                        ui.label(&member.name);
                        super::range::range_button_ui(ui, tr, study, &input, weight, commands);
                    }
                });
            }
            if let Some(source) = source_ui(ui, tr, &key.source) {
                push(
                    commands,
                    Key {
                        source,
                        ..key.clone()
                    },
                    Some(egui::Id::unique(("key-source", index))),
                );
            }
            ui.add_space(10.0);
            shares_ui(ui, tr, study, key);
            if ui
                .button(tr.get("ui-copy-table"))
                .on_hover_text(tr.get("ui-copy-table-hint"))
                .clicked()
            {
                commands.push(Command::CopyTable(crate::report::tables::TableId::Shares));
            }
        });
}

/// Edits a rule; returns the new rule when changed. Mixed keys nest one level.
fn rule_ui(ui: &mut Ui, tr: &Tr, study: &Study, rule: &KeyRule, salt: &str, depth: usize) -> Option<KeyRule> {
    let mut changed = None;
    ui.horizontal(|ui| {
        ui.label(tr.get("ui-rule"));
        combo_ui(
            ui,
            ("rule-kind", salt),
            &tr.get("ui-rule"),
            rule_kind_text(tr, rule),
            |ui| {
                let mut options = vec![KeyRule::Equal];
                options.extend(Attribute::ALL.map(KeyRule::Proportional));
                options.push(KeyRule::TodaysCost);
                options.push(KeyRule::Fixed(
                    study.members.iter().map(|m| (m.id.clone(), 1.0)).collect(),
                ));
                if depth == 0 {
                    options.push(KeyRule::Mix(vec![
                        KeyPart {
                            weight: 30.0,
                            rule: KeyRule::Equal,
                        },
                        KeyPart {
                            weight: 70.0,
                            rule: KeyRule::Proportional(Attribute::Population),
                        },
                    ]));
                }
                for option in options {
                    let same = std::mem::discriminant(&option) == std::mem::discriminant(rule)
                        && (!matches!(option, KeyRule::Proportional(_)) || &option == rule);
                    if ui.selectable_label(same, rule_kind_text(tr, &option)).clicked() && !same {
                        changed = Some(option);
                    }
                }
            },
        );
    });
    match rule {
        KeyRule::Fixed(weights) => {
            egui::Grid::new(("fixed-weights", salt))
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for member in &study.members {
                        ui.label(&member.name);
                        let w = weights.get(&member.id).copied().unwrap_or(0.0);
                        let label = format!("{} – {}", member.name, tr.get("field-weight"));
                        if let Some(v) =
                            number_ui(ui, tr, ("fixed", salt, member.id.as_str()), w, 2, 70.0, &label)
                        {
                            let mut next = weights.clone();
                            next.insert(member.id.clone(), v);
                            changed = Some(KeyRule::Fixed(next));
                        }
                        ui.end_row();
                    }
                });
        }
        KeyRule::Mix(parts) => {
            for (p, part) in parts.iter().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(tr.get("field-weight"));
                        let label = tr.get("field-weight");
                        if let Some(v) =
                            number_ui(ui, tr, ("mix-weight", salt, p), part.weight, 1, 60.0, &label)
                        {
                            let mut next = parts.clone();
                            next[p].weight = v;
                            changed = Some(KeyRule::Mix(next));
                        }
                        if ui
                            .small_button(super::widgets::REMOVE)
                            .on_hover_text(tr.get("ui-remove"))
                            .clicked()
                        {
                            let mut next = parts.clone();
                            next.remove(p);
                            changed = Some(KeyRule::Mix(next));
                        }
                    });
                    if let Some(sub) = rule_ui(ui, tr, study, &part.rule, &format!("{salt}-{p}"), depth + 1) {
                        let mut next = parts.clone();
                        next[p].rule = sub;
                        changed = Some(KeyRule::Mix(next));
                    }
                });
            }
            if ui.small_button(tr.get("ui-add-part")).clicked() {
                let mut next = parts.clone();
                next.push(KeyPart {
                    weight: 10.0,
                    rule: KeyRule::Equal,
                });
                changed = Some(KeyRule::Mix(next));
            }
        }
        _ => {}
    }
    changed
}

fn shares_ui(ui: &mut Ui, tr: &Tr, study: &Study, key: &Key) {
    ui.label(RichText::new(tr.get("ui-shares")).strong());
    let all: Vec<MemberId> = study.members.iter().map(|m| m.id.clone()).collect();
    let mut columns: Vec<(String, Vec<MemberId>)> = vec![(tr.get("ui-all-members"), all)];
    for scenario in &study.scenarios {
        if scenario.key.as_ref() == Some(&key.id) {
            columns.push((scenario.name.clone(), study.participants(scenario)));
        }
    }
    egui::Grid::new("key-shares")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for (name, _) in &columns {
                right_label(ui, RichText::new(name).strong());
            }
            ui.end_row();
            let computed: Vec<Result<Vec<f64>, _>> = columns
                .iter()
                .map(|(_, participants)| shares(study, &key.rule, participants))
                .collect();
            for member in &study.members {
                ui.label(&member.name);
                for ((_, participants), result) in columns.iter().zip(&computed) {
                    match (result, participants.iter().position(|m| m == &member.id)) {
                        (Ok(s), Some(p)) => {
                            right_label(ui, RichText::new(tr.pct(s[p] * 100.0, 1)).monospace())
                        }
                        (Ok(_), None) => right_label(ui, RichText::new("—").weak()),
                        (Err(_), _) => right_label(ui, RichText::new("!").color(ui.visuals().error_fg_color))
                            .on_hover_text(tr.get("ui-shares-error")),
                    };
                }
                ui.end_row();
            }
        });
}
