//! The "±" next to an amount: a small popup that puts a range on it (a
//! three-point estimate or a 90 % interval), names the group it moves with
//! and where the range comes from. One edit per change, so undo works.

use eframe::egui::{self, RichText, Ui};

use super::widgets::{number_ui, source_ui};
use super::{Command, Edit};
use crate::i18n::Tr;
use crate::model::uncertainty::{Range, Uncertainty};
use crate::model::{InputRef, Study};

/// Draws "±" (highlighted when the input has a range) and, when opened,
/// the editor of its range. `value` is the input's own value.
pub fn range_button_ui(
    ui: &mut Ui,
    tr: &Tr,
    study: &Study,
    input: &InputRef,
    value: f64,
    commands: &mut Vec<Command>,
) {
    let current = study.uncertainties.iter().find(|u| &u.input == input);
    let text = if current.is_some() {
        RichText::new("±")
            .strong()
            .color(ui.visuals().selection.stroke.color)
    } else {
        RichText::new("±").weak()
    };
    let hover = current.map_or_else(
        || tr.get("unc-range-title"),
        |u| {
            let (low, high) = u.range.bounds();
            format!(
                "{}: {} – {}",
                tr.get("unc-range"),
                tr.num_trim(low, 2),
                tr.num_trim(high, 2)
            )
        },
    );
    // Clickable but not focusable: Tab goes from value to value, as in a
    // spreadsheet, not through the ± marks.
    let response = ui
        .add(
            egui::Button::new(text)
                .small()
                .frame(false)
                .sense(egui::Sense::CLICK),
        )
        .on_hover_ui(|ui| {
            ui.label(hover);
            // Where the number goes, worked out only while hovered.
            ui.label(RichText::new(usage_text(tr, study, input)).weak());
        });
    super::widgets::accessible_label(ui, &response, &format!("± {}", input.key()));
    egui::Popup::from_toggle_button_response(&response)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            ui.set_min_width(320.0);
            ui.label(RichText::new(tr.get("unc-range-title")).strong());
            ui.label(RichText::new(usage_text(tr, study, input)).weak());
            editor_ui(ui, tr, study, input, value, current, commands);
        });
}

/// Where an input feeds the figures, in words: "Used by 3 lines in 2
/// scenarios; the key of 1 scenario; today's operation", or that it feeds
/// no figure in this study (so changing it changes nothing).
pub fn usage_text(tr: &Tr, study: &Study, input: &InputRef) -> String {
    let usage = crate::model::usage(study, input);
    if usage.is_unused() {
        return tr.get("usage-none");
    }
    let mut parts = Vec::new();
    if !usage.lines.is_empty() {
        let mut scenarios: Vec<usize> = usage.lines.iter().map(|(s, _)| *s).collect();
        scenarios.dedup();
        parts.push(tr.args(
            "usage-part-lines",
            &[
                ("lines", usage.lines.len().to_string()),
                ("scenarios", scenarios.len().to_string()),
            ],
        ));
    }
    if !usage.keys_of.is_empty() {
        parts.push(tr.args(
            "usage-part-keys",
            &[("scenarios", usage.keys_of.len().to_string())],
        ));
    }
    if usage.today {
        parts.push(tr.get("usage-part-today"));
    }
    if usage.discounting {
        parts.push(tr.get("usage-part-discounting"));
    }
    tr.args("usage-used-by", &[("what", parts.join("; "))])
}

fn editor_ui(
    ui: &mut Ui,
    tr: &Tr,
    study: &Study,
    input: &InputRef,
    value: f64,
    current: Option<&Uncertainty>,
    commands: &mut Vec<Command>,
) {
    let set = |commands: &mut Vec<Command>, range: Option<Uncertainty>| {
        commands.push(Command::Edit(Edit::SetRange(input.clone(), range), None));
    };
    let default = Uncertainty::around(input.clone(), value);
    ui.horizontal(|ui| {
        let kind = current.map(|u| match u.range {
            Range::Pert { .. } => 1,
            Range::Interval90 { .. } => 2,
            Range::Discrete(_) => 3,
        });
        if ui
            .selectable_label(kind.is_none(), tr.get("unc-range-none"))
            .clicked()
            && kind.is_some()
        {
            set(commands, None);
        }
        if ui
            .selectable_label(kind == Some(1), tr.get("unc-range-pert"))
            .clicked()
            && kind != Some(1)
        {
            let (low, high) = current.map_or(default.range.bounds(), |u| u.range.bounds());
            let mut range = current.cloned().unwrap_or_else(|| default.clone());
            range.range = Range::Pert {
                low: low.min(value),
                high: high.max(value),
            };
            set(commands, Some(range));
        }
        if ui
            .selectable_label(kind == Some(2), tr.get("unc-range-interval"))
            .clicked()
            && kind != Some(2)
        {
            let (low, high) = current.map_or(default.range.bounds(), |u| u.range.bounds());
            let mut range = current.cloned().unwrap_or_else(|| default.clone());
            range.range = Range::Interval90 {
                low,
                high,
                lognormal: low > 0.0,
            };
            set(commands, Some(range));
        }
    });
    let Some(current) = current else {
        return;
    };
    let mut changed = current.clone();
    let mut dirty = false;
    match &mut changed.range {
        Range::Pert { low, high } | Range::Interval90 { low, high, .. } => {
            ui.horizontal(|ui| {
                ui.label(tr.get("unc-low"));
                if let Some(v) = number_ui(
                    ui,
                    tr,
                    ("range-low", input.key()),
                    *low,
                    2,
                    110.0,
                    &tr.get("unc-low"),
                ) {
                    *low = v;
                    dirty = true;
                }
                ui.label(tr.get("unc-high"));
                if let Some(v) = number_ui(
                    ui,
                    tr,
                    ("range-high", input.key()),
                    *high,
                    2,
                    110.0,
                    &tr.get("unc-high"),
                ) {
                    *high = v;
                    dirty = true;
                }
            });
        }
        Range::Discrete(_) => {}
    }
    if let Range::Interval90 { lognormal, .. } = &mut changed.range
        && ui.checkbox(lognormal, tr.get("unc-range-lognormal")).changed()
    {
        dirty = true;
    }
    if !study.correlation_groups.is_empty() {
        ui.horizontal(|ui| {
            ui.label(tr.get("unc-group"));
            if ui.selectable_label(changed.group.is_none(), "—").clicked() && changed.group.is_some() {
                changed.group = None;
                dirty = true;
            }
            for group in &study.correlation_groups {
                let selected = changed.group.as_deref() == Some(group.name.as_str());
                if ui.selectable_label(selected, &group.name).clicked() && !selected {
                    changed.group = Some(group.name.clone());
                    dirty = true;
                }
            }
        });
    }
    if let Some(source) = source_ui(ui, tr, &changed.source) {
        changed.source = source;
        dirty = true;
    }
    if dirty {
        set(commands, Some(changed));
    }
}
