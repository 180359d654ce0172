//! Assumptions: the years analysed, real growth, the discount rate and the
//! year shown as annual cost.

use eframe::egui::{self, RichText, Ui};

use super::document::Edit;
use super::widgets::{capitalized, combo_ui, number_ui, source_ui, text_ui};
use super::{Command, ViewCtx};
use crate::i18n::Lang;
use crate::model::{Assumptions, Currency, RateStep};

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, commands: &mut Vec<Command>) {
    let ViewCtx { tr, study, .. } = *cx;
    ui.heading(tr.get("view-assumptions"));
    ui.add_space(6.0);
    let a = &study.assumptions;
    let push = |commands: &mut Vec<Command>, a: Assumptions, merge: Option<egui::Id>| {
        commands.push(Command::Edit(Edit::SetAssumptions(a), merge));
    };
    egui::Grid::new("assumptions-grid")
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label(tr.get("ui-first-year"));
            let mut first = a.first_year;
            let r = ui.add(egui::DragValue::new(&mut first).range(1900..=2200));
            super::widgets::accessible_label(ui, &r, &tr.get("ui-first-year"));
            if r.changed() {
                let shift = first - a.first_year;
                let mut next = a.clone();
                next.first_year = first;
                next.display_year += shift;
                push(commands, next, Some(r.id));
            }
            ui.end_row();

            ui.label(tr.get("ui-horizon"));
            let mut horizon = a.horizon_years;
            let r = ui.add(
                egui::DragValue::new(&mut horizon)
                    .range(1..=200)
                    .suffix(tr.get("ui-years-suffix")),
            );
            super::widgets::accessible_label(ui, &r, &tr.get("ui-horizon"));
            if r.changed() {
                let mut next = a.clone();
                next.horizon_years = horizon;
                let last = next.end_year() - 1;
                next.display_year = next.display_year.clamp(next.first_year, last);
                push(commands, next, Some(r.id));
            }
            ui.end_row();

            ui.label(tr.get("ui-display-year"));
            combo_ui(
                ui,
                "display-year",
                &tr.get("ui-display-year"),
                a.display_year.to_string(),
                |ui| {
                    for year in a.years().take(200) {
                        if ui
                            .selectable_label(year == a.display_year, year.to_string())
                            .clicked()
                        {
                            let mut next = a.clone();
                            next.display_year = year;
                            push(commands, next, None);
                        }
                    }
                },
            );
            ui.end_row();

            ui.label(tr.get("ui-currency"));
            combo_ui(
                ui,
                "currency",
                &tr.get("ui-currency"),
                study.currency.code().to_owned(),
                |ui| {
                    for currency in Currency::ALL {
                        if ui
                            .selectable_label(currency == study.currency, currency.code())
                            .on_hover_text(tr.get("ui-currency-help"))
                            .clicked()
                            && currency != study.currency
                        {
                            commands.push(Command::Edit(Edit::SetCurrency(currency), None));
                            // 627 000 kr becomes SEK 627 000: say so.
                            commands.push(Command::Notify(
                                tr.args("ui-currency-changed", &[("currency", currency.code().to_owned())]),
                            ));
                        }
                    }
                },
            );
            ui.end_row();
            ui.label("");
            ui.label(RichText::new(tr.get("ui-currency-no-conversion")).small().weak());
            ui.end_row();

            // For the budget: whether the amounts already include VAT.
            ui.label(tr.get("ui-vat"));
            let mut included = a.amounts_include_vat;
            if ui
                .checkbox(&mut included, tr.get("ui-amounts-include-vat"))
                .on_hover_text(tr.get("ui-amounts-include-vat-hint"))
                .changed()
            {
                let mut next = a.clone();
                next.amounts_include_vat = included;
                push(commands, next, None);
            }
            ui.end_row();

            ui.label(tr.get("ui-export-language"));
            let shown = study.language.map_or_else(
                || tr.get("ui-export-language-user"),
                |l| l.native_name().to_owned(),
            );
            combo_ui(
                ui,
                "export-language",
                &tr.get("ui-export-language"),
                shown,
                |ui| {
                    let choices = std::iter::once(None).chain(Lang::ALL.into_iter().map(Some));
                    for choice in choices {
                        let name = choice.map_or_else(
                            || tr.get("ui-export-language-user"),
                            |l| l.native_name().to_owned(),
                        );
                        if ui.selectable_label(choice == study.language, name).clicked()
                            && choice != study.language
                        {
                            commands.push(Command::Edit(Edit::SetExportLanguage(choice), None));
                        }
                    }
                },
            );
            ui.end_row();

            for (label, value, wages) in [
                (tr.get("field-wage-growth"), a.real_wage_growth_percent, true),
                (tr.get("field-price-growth"), a.real_price_growth_percent, false),
            ] {
                ui.label(capitalized(&label));
                ui.horizontal(|ui| {
                    if let Some(v) = number_ui(ui, tr, ("growth", wages), value, 2, 60.0, &label) {
                        let mut next = a.clone();
                        if wages {
                            next.real_wage_growth_percent = v;
                        } else {
                            next.real_price_growth_percent = v;
                        }
                        push(commands, next, None);
                    }
                    ui.label(tr.get("ui-percent-per-year"));
                });
                ui.end_row();
            }
        });
    ui.add_space(12.0);
    discount_ui(ui, tr, study, commands);
}

/// The discount rate: presets, its name, its steps and its source.
fn discount_ui(ui: &mut Ui, tr: &crate::i18n::Tr, study: &crate::model::Study, commands: &mut Vec<Command>) {
    let a = &study.assumptions;
    let push = |commands: &mut Vec<Command>, a: Assumptions, merge: Option<egui::Id>| {
        commands.push(Command::Edit(Edit::SetAssumptions(a), merge));
    };
    ui.label(RichText::new(capitalized(&tr.get("field-discount-rate"))).strong());
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.get("ui-presets"));
        for preset in crate::model::presets::discount_rates_for(study.currency) {
            let selected = preset == a.discount;
            if ui.selectable_label(selected, &preset.name).clicked() && !selected {
                let mut next = a.clone();
                next.discount = preset;
                push(commands, next, None);
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr.get("ui-name"));
        let mut name = a.discount.name.clone();
        if text_ui(ui, &mut name, 200.0, &tr.get("ui-discount-name")) {
            let mut next = a.clone();
            next.discount.name = name;
            push(commands, next, Some(egui::Id::unique("discount-name")));
        }
    });
    egui::Grid::new("discount-steps")
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(tr.get("ui-from-year-index")).strong());
            ui.label(RichText::new(tr.get("ui-rate-percent")).strong());
            ui.label("");
            ui.end_row();
            for (i, step) in a.discount.steps.iter().enumerate() {
                let mut from = step.from_year_index;
                let r = ui.add(egui::DragValue::new(&mut from).range(0..=500));
                super::widgets::accessible_label(ui, &r, &tr.get("ui-from-year-index"));
                if r.changed() {
                    let mut next = a.clone();
                    next.discount.steps[i].from_year_index = from;
                    push(commands, next, Some(r.id));
                }
                if let Some(v) = number_ui(
                    ui,
                    tr,
                    ("discount-step", i),
                    step.percent,
                    2,
                    60.0,
                    &tr.get("ui-rate-percent"),
                ) {
                    let mut next = a.clone();
                    next.discount.steps[i].percent = v;
                    push(commands, next, None);
                }
                if ui
                    .small_button(super::widgets::REMOVE)
                    .on_hover_text(tr.get("ui-remove"))
                    .clicked()
                {
                    let mut next = a.clone();
                    next.discount.steps.remove(i);
                    push(commands, next, None);
                }
                ui.end_row();
            }
        });
    if ui.small_button(tr.get("ui-add-step")).clicked() {
        let mut next = a.clone();
        let from = next.discount.steps.last().map_or(0, |s| s.from_year_index + 10);
        let percent = next.discount.steps.last().map_or(4.0, |s| s.percent);
        next.discount.steps.push(RateStep {
            from_year_index: from,
            percent,
        });
        push(commands, next, None);
    }
    ui.add_space(4.0);
    if let Some(source) = source_ui(ui, tr, &a.discount.source) {
        let mut next = a.clone();
        next.discount.source = source;
        push(commands, next, Some(egui::Id::unique("discount-source")));
    }
}
