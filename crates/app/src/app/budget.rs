//! The "Budget" view: what an option does to a member's operating and
//! investment budget over four years of its economic plan (økonomiplan),
//! against today's operation ([`crate::budget`]), made in the background
//! once per document revision and scenario.

use eframe::egui::{self, RichText, Ui};

use super::ViewCtx;
use super::job::Job;
use super::widgets::{combo_ui, report_table_ui};
use crate::budget::{Budget, BudgetError, BudgetRange};
use crate::report::messages::Message;
use crate::report::tables;

/// What a budget was made for: the document revision and the scenario.
type JobKey = (u64, usize);

/// The view's own state (never saved).
#[derive(Debug, Clone, Default)]
pub struct BudgetState {
    /// The scenario chosen (an option).
    pub scenario: Option<usize>,
    /// The member shown (`None`: every member and all together).
    pub member: Option<usize>,
    /// The plan's first year (index).
    pub from: usize,
    job: Job<JobKey, Result<(Budget, Vec<BudgetRange>), BudgetError>>,
}

impl BudgetState {
    /// Stops the computation.
    pub fn cancel(&mut self) {
        self.job.cancel();
    }
}

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, state: &mut BudgetState) {
    let ViewCtx {
        tr, study, revision, ..
    } = *cx;
    ui.heading(tr.get("view-budget"));
    ui.label(RichText::new(tr.get("budget-help")).weak());
    let options: Vec<usize> = (0..study.scenarios.len())
        .filter(|&s| study.today() != Some(s))
        .collect();
    let Some(&first) = options.first() else {
        ui.label(tr.get("analysis-no-scenario"));
        return;
    };
    let scenario = state.scenario.filter(|s| options.contains(s)).unwrap_or(first);
    let years = study.assumptions.years().collect::<Vec<_>>();
    let from = state.from.min(years.len().saturating_sub(tables::PLAN_YEARS));
    let mut chosen = (scenario, state.member, from);
    ui.horizontal_wrapped(|ui| {
        combo_ui(
            ui,
            "budget-scenario",
            &tr.get("ui-scenario"),
            study.scenarios[scenario].name.clone(),
            |ui| {
                for &s in &options {
                    if ui
                        .selectable_label(s == scenario, &study.scenarios[s].name)
                        .clicked()
                    {
                        chosen.0 = s;
                    }
                }
            },
        );
        let who = chosen
            .1
            .map_or_else(|| tr.get("unc-all"), |m| study.members[m].name.clone());
        combo_ui(ui, "budget-member", &tr.get("fair-member"), who, |ui| {
            if ui
                .selectable_label(chosen.1.is_none(), tr.get("unc-all"))
                .clicked()
            {
                chosen.1 = None;
            }
            for (m, member) in study.members.iter().enumerate() {
                if ui.selectable_label(chosen.1 == Some(m), &member.name).clicked() {
                    chosen.1 = Some(m);
                }
            }
        });
        ui.label(tr.get("budget-plan-from"));
        let shown = years.get(from).map_or_else(String::new, ToString::to_string);
        combo_ui(ui, "budget-from", &tr.get("budget-plan-from"), shown, |ui| {
            for (y, year) in years
                .iter()
                .enumerate()
                .take(years.len().saturating_sub(tables::PLAN_YEARS) + 1)
            {
                if ui.selectable_label(y == from, year.to_string()).clicked() {
                    chosen.2 = y;
                }
            }
        });
    });
    (state.scenario, state.member, state.from) = (Some(chosen.0), chosen.1, chosen.2);
    let key: JobKey = (revision, chosen.0);
    state.job.drive(
        ui.ctx(),
        &key,
        |_| true,
        || {
            let owned = study.clone();
            move |_: &(dyn Fn(f64) -> bool + Sync)| {
                Ok((
                    crate::budget::budget(&owned, key.1)?,
                    crate::budget::budget_ranges(&owned, key.1)?,
                ))
            }
        },
    );
    match state.job.result() {
        Some((k, result)) if k.1 == chosen.0 => match result.as_ref() {
            Ok((budget, ranges)) => {
                if k != key {
                    ui.label(RichText::new(tr.get("fleet-answer-updating")).weak());
                }
                let range = chosen.2..chosen.2 + tables::PLAN_YEARS;
                let table = tables::budget_plan_table(study, budget, (chosen.1, range.clone()), tr);
                ui.label(RichText::new(&table.title).strong());
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        report_table_ui(ui, tr, "budget-table", &table);
                        // What the loans' rates and the VAT share do to it.
                        if !ranges.is_empty() {
                            ui.add_space(10.0);
                            let table =
                                tables::budget_range_table(study, (budget, ranges), (chosen.1, range), tr);
                            ui.label(RichText::new(&table.title).strong());
                            ui.label(RichText::new(tr.get("budget-ranges-help")).weak());
                            report_table_ui(ui, tr, "budget-range-table", &table);
                        }
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
