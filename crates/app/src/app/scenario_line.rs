//! One cost line of a scenario in the Scenarios view: its label, kind of
//! cost, driver, payer, amount with ± and source, timing and growth.

use eframe::egui::{self, Ui};

use super::document::Edit;
use super::widgets::{assumption_mark, combo_ui, number_ui, source_ui, text_ui};
use super::{Command, ViewCtx};
use crate::i18n::Tr;
use crate::model::{AmountFrom, CostLine, Driver, Growth, Payer, Scenario, Study, Timing};
use crate::report::tables::{driver_text, payer_text};

fn growth_text(tr: &Tr, growth: Growth) -> String {
    tr.get(match growth {
        Growth::Wages => "growth-wages",
        Growth::Prices => "growth-prices",
        Growth::None => "growth-none",
    })
}

pub(super) fn line_ui(
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
        commands.push(Command::Edit(Edit::SetScenario(scenario.id.clone(), s), merge));
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
        amount_ui(ui, cx, (scenario, index, l, line), &set, commands);
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
        driver_payer_ui(ui, cx, (scenario, index, l, line), &set, commands);
        if ui
            .small_button(super::widgets::REMOVE)
            .on_hover_text(tr.get("ui-remove"))
            .clicked()
        {
            let mut s = scenario.clone();
            s.lines.remove(l);
            commands.push(Command::Edit(Edit::SetScenario(scenario.id.clone(), s), None));
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
    ui.horizontal_wrapped(|ui| investment_ui(ui, (tr, study, scenario), (index, l, line), &set, commands));
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

/// In the municipal budget: an operating cost, or an investment with its
/// lifetime and financing (a loan's years, rate and kind).
fn investment_ui(
    ui: &mut Ui,
    (tr, study, scenario): (&crate::i18n::Tr, &crate::model::Study, &Scenario),
    (index, l, line): (usize, usize, &CostLine),
    set: &SetLine<'_>,
    commands: &mut Vec<Command>,
) {
    use crate::model::budget::{Funding, Investment};
    let with = |investment: Option<Investment>| CostLine {
        investment,
        ..line.clone()
    };
    let mut is_investment = line.investment.is_some();
    if ui
        .checkbox(&mut is_investment, tr.get("ui-investment"))
        .on_hover_text(tr.get("ui-investment-hint"))
        .changed()
    {
        let investment = is_investment.then_some(Investment {
            lifetime_years: 5,
            funding: Funding::OwnFunds,
            source: crate::model::Source::default(),
        });
        set(commands, with(investment), None);
    }
    let Some(inv) = &line.investment else {
        return;
    };
    let mut lifetime = inv.lifetime_years;
    let r = ui.add(
        egui::DragValue::new(&mut lifetime)
            .range(1..=100)
            .suffix(tr.get("ui-years-suffix")),
    );
    super::widgets::accessible_label(ui, &r, &tr.get("field-investment-lifetime"));
    if r.changed() {
        let mut next = inv.clone();
        next.lifetime_years = lifetime;
        set(commands, with(Some(next)), Some(r.id));
    }
    let funding_text = |f: &Funding| {
        tr.get(match f {
            Funding::Loan { .. } => "budget-loan",
            Funding::OwnFunds => "budget-own-funds",
            Funding::ReserveFund => "ui-reserve-fund",
        })
    };
    combo_ui(
        ui,
        ("line-funding", index, l),
        &tr.get("ui-funding"),
        funding_text(&inv.funding),
        |ui| {
            for funding in [
                Funding::Loan {
                    years: 20,
                    rate_percent: 4.0,
                    annuity: true,
                },
                Funding::OwnFunds,
                Funding::ReserveFund,
            ] {
                let same = std::mem::discriminant(&funding) == std::mem::discriminant(&inv.funding);
                if ui.selectable_label(same, funding_text(&funding)).clicked() && !same {
                    let mut next = inv.clone();
                    next.funding = funding;
                    set(commands, with(Some(next)), None);
                }
            }
        },
    );
    if let Funding::Loan {
        years,
        rate_percent,
        annuity,
    } = inv.funding
    {
        let mut loan_years = years;
        let r = ui.add(
            egui::DragValue::new(&mut loan_years)
                .range(1..=100)
                .suffix(tr.get("ui-years-suffix")),
        );
        super::widgets::accessible_label(ui, &r, &tr.get("field-loan-years"));
        let loan = |years, rate_percent, annuity| {
            let mut next = inv.clone();
            next.funding = Funding::Loan {
                years,
                rate_percent,
                annuity,
            };
            with(Some(next))
        };
        if r.changed() {
            set(commands, loan(loan_years, rate_percent, annuity), Some(r.id));
        }
        let label = format!("{} – {}", line.label, tr.get("field-loan-rate"));
        if let Some(v) = number_ui(
            ui,
            tr,
            ("line-loan-rate", index, l),
            rate_percent,
            2,
            50.0,
            &label,
        ) {
            set(commands, loan(years, v, annuity), None);
        }
        ui.label("%");
        // Its range moves the budget (not the costs compared).
        if !line.id.is_unassigned() {
            let input = crate::model::InputRef::LoanRate {
                scenario: scenario.id.clone(),
                line: line.id.clone(),
            };
            super::range::range_button_ui(ui, tr, study, &input, rate_percent, commands);
        }
        let mut is_annuity = annuity;
        if ui.checkbox(&mut is_annuity, tr.get("ui-annuity")).changed() {
            set(commands, loan(years, rate_percent, is_annuity), None);
        }
    }
}

/// How a line is set: the whole line, merged with earlier edits of `id`.
type SetLine<'a> = dyn Fn(&mut Vec<Command>, CostLine, Option<egui::Id>) + 'a;

/// The line's amount, its range, whether it is a salary, and how many.
fn amount_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    (scenario, index, l, line): (&Scenario, usize, usize, &CostLine),
    set: &SetLine<'_>,
    commands: &mut Vec<Command>,
) {
    let ViewCtx { tr, study, .. } = *cx;
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
        // A shared salary needs the organisation's employer; without one,
        // each member pays its own.
        let payer = if salary && line.payer == Payer::Shared && scenario.organisation.is_none() {
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
}

/// What the line's amount is multiplied by (its driver) and who pays it.
fn driver_payer_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    (scenario, index, l, line): (&Scenario, usize, usize, &CostLine),
    set: &SetLine<'_>,
    commands: &mut Vec<Command>,
) {
    let ViewCtx { tr, study, .. } = *cx;
    combo_ui(
        ui,
        ("line-driver", index, l),
        &tr.get("ui-driver"),
        driver_text(tr, line.driver),
        |ui| {
            for driver in Driver::all() {
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
            for option in Timing::kinds(first) {
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
