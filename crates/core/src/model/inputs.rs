//! Names that last for the numbers that feed the figures.
//!
//! An [`InputRef`] names one numeric input of a study by ids, never by
//! position: "the amount of line `l3` of scenario `remote`", "Gratangen's
//! today's cost of communications", "the real wage growth". The prepared
//! engine ([`crate::engine::prepared`]) turns each into a dense parameter
//! index and evaluates with overridden values; uncertainty ranges, tornado
//! rows and break-even values are stored and reported against these names,
//! so they survive reordering, renaming and adding of other things.
//!
//! The set of inputs is exactly what a user can put a range on: a cost
//! line's amount, a today's-cost cell, a member attribute, a member's salary
//! per FTE, employer-tax and pension rates, the real wage and price growth,
//! and each step of the discount rate.

use serde::{Deserialize, Serialize};

use super::fleet::SeatParam;
use super::{AmountFrom, Attribute, BaselineLine, CategoryId, LineId, MemberId, ScenarioId, Study};

/// One numeric input of a study, named by ids.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InputRef {
    /// The amount per unit of a cost line (`amount_nok`).
    LineAmount {
        /// The scenario.
        scenario: ScenarioId,
        /// The line's id within it.
        line: LineId,
    },
    /// A member's today's cost in a category, NOK a year.
    TodaysCost {
        /// The member.
        member: MemberId,
        /// The category.
        category: CategoryId,
    },
    /// A member attribute (population, employees, workstations, sites).
    Attribute {
        /// The member.
        member: MemberId,
        /// The attribute.
        attribute: Attribute,
    },
    /// A member's salary per full-time equivalent, NOK.
    Salary {
        /// The member.
        member: MemberId,
    },
    /// A member's employer-tax rate, percent.
    EmployerTax {
        /// The member.
        member: MemberId,
    },
    /// A member's pension rate, percent.
    Pension {
        /// The member.
        member: MemberId,
    },
    /// Real wage growth, percent a year.
    WageGrowth,
    /// Real price growth, percent a year.
    PriceGrowth,
    /// The rate of one step of the discount rate, percent (index in the
    /// list of steps).
    DiscountStep {
        /// Index of the step.
        index: usize,
    },
    /// A member's weight in a key of fixed weights (e.g. Gratangen's
    /// 22,28 in the briefing's key); a member the key leaves out weighs 0.
    KeyWeight {
        /// The key (its rule must be fixed weights).
        key: crate::model::KeyId,
        /// The member.
        member: MemberId,
    },
    /// A number of a workstation seat type (its price, lifetime, power,
    /// support hours, …).
    Seat {
        /// The seat type's id.
        seat_type: String,
        /// Which number.
        param: SeatParam,
    },
    /// The interest rate of a loan-financed line, percent a year (moves
    /// the budget, not the costs compared).
    LoanRate {
        /// The scenario.
        scenario: ScenarioId,
        /// The line's id within it.
        line: LineId,
    },
    /// A scenario's share of VAT not compensated, percent (moves the
    /// budget, not the costs compared).
    VatNotCompensated {
        /// The scenario.
        scenario: ScenarioId,
    },
    /// The price of electricity for workstations, kr per kWh.
    ElectricityPrice,
    /// What an hour of end-user support costs, kr.
    SupportCostPerHour,
}

/// An input with the names a user reads in place of its ids (the
/// scenario's name and the line's label, the member's and category's
/// names, …), resolved from the study so that a message about it can be
/// worded without the study; an id stands in where the study has no name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputLabel {
    /// The input.
    pub input: InputRef,
    /// Whose it is: the scenario, member, key or seat type, by name
    /// (empty for the study's own numbers).
    pub owner: String,
    /// Which of its numbers: the line's label, the category's name, the
    /// member's name in a key (empty where the input says it).
    pub item: String,
}

impl InputRef {
    /// The input with the names of what it refers to.
    #[must_use]
    pub fn label(&self, study: &Study) -> InputLabel {
        let member_name = |id: &MemberId| study.member_name(id);
        let (owner, item) = match self {
            InputRef::LineAmount { scenario, line } | InputRef::LoanRate { scenario, line } => {
                let s = study.scenario(scenario);
                (
                    s.map_or_else(|| scenario.0.clone(), |s| s.name.clone()),
                    s.and_then(|s| s.lines.iter().find(|l| &l.id == line))
                        .map_or_else(|| line.0.clone(), |l| l.label.clone()),
                )
            }
            InputRef::TodaysCost { member, category } => (
                member_name(member),
                study
                    .category(category)
                    .map_or_else(|| category.0.clone(), |c| c.name.clone()),
            ),
            InputRef::Attribute { member, .. }
            | InputRef::Salary { member }
            | InputRef::EmployerTax { member }
            | InputRef::Pension { member } => (member_name(member), String::new()),
            InputRef::KeyWeight { key, member } => (
                study.key(key).map_or_else(|| key.0.clone(), |k| k.name.clone()),
                member_name(member),
            ),
            InputRef::Seat { seat_type, .. } => (
                study
                    .workstations
                    .seat_type(seat_type)
                    .map_or_else(|| seat_type.clone(), |t| t.name.clone()),
                String::new(),
            ),
            InputRef::VatNotCompensated { scenario } => (
                study
                    .scenario(scenario)
                    .map_or_else(|| scenario.0.clone(), |s| s.name.clone()),
                String::new(),
            ),
            InputRef::WageGrowth
            | InputRef::PriceGrowth
            | InputRef::DiscountStep { .. }
            | InputRef::ElectricityPrice
            | InputRef::SupportCostPerHour => (String::new(), String::new()),
        };
        InputLabel {
            input: self.clone(),
            owner,
            item,
        }
    }

    /// A short, stable name for files and scripts: `line:joint/l1`,
    /// `today:G/salaries`, `attribute:G/population`, `salary:G`,
    /// `employer_tax:G`, `pension:G`, `wage_growth`, `price_growth`,
    /// `discount_step:1` (steps counted from 1).
    #[must_use]
    pub fn key(&self) -> String {
        match self {
            InputRef::LineAmount { scenario, line } => format!("line:{scenario}/{line}"),
            InputRef::TodaysCost { member, category } => format!("today:{member}/{category}"),
            InputRef::Attribute { member, attribute } => {
                let name = match attribute {
                    Attribute::Population => "population",
                    Attribute::Employees => "employees",
                    Attribute::Workstations => "workstations",
                    Attribute::Sites => "sites",
                };
                format!("attribute:{member}/{name}")
            }
            InputRef::Salary { member } => format!("salary:{member}"),
            InputRef::EmployerTax { member } => format!("employer_tax:{member}"),
            InputRef::Pension { member } => format!("pension:{member}"),
            InputRef::WageGrowth => "wage_growth".to_owned(),
            InputRef::PriceGrowth => "price_growth".to_owned(),
            InputRef::DiscountStep { index } => format!("discount_step:{}", index + 1),
            InputRef::KeyWeight { key, member } => format!("key_weight:{key}/{member}"),
            InputRef::Seat { seat_type, param } => format!("seat:{seat_type}/{}", param.key()),
            InputRef::LoanRate { scenario, line } => format!("loan_rate:{scenario}/{line}"),
            InputRef::VatNotCompensated { scenario } => format!("vat_not_compensated:{scenario}"),
            InputRef::ElectricityPrice => "electricity_price".to_owned(),
            InputRef::SupportCostPerHour => "support_cost_per_hour".to_owned(),
        }
    }

    /// The values the input may take, inclusive, as the loader allows them
    /// for the plain value: amounts within ±10¹³ kr (salaries not
    /// negative), counts and weights 0–10⁹, employer tax and pension
    /// 0–100 %, growth and discount rates −50…100 %, the seat types' own
    /// limits ([`SeatParam::limits`]). A range must stay inside them.
    #[must_use]
    pub fn limits(&self) -> (f64, f64) {
        use super::bounds::{MAX_AMOUNT_NOK, MAX_COUNT, RATE_RANGE_PERCENT};
        match self {
            InputRef::LineAmount { .. } | InputRef::TodaysCost { .. } => (-MAX_AMOUNT_NOK, MAX_AMOUNT_NOK),
            InputRef::Salary { .. } => (0.0, MAX_AMOUNT_NOK),
            InputRef::Attribute { .. } | InputRef::KeyWeight { .. } => (0.0, MAX_COUNT),
            InputRef::EmployerTax { .. }
            | InputRef::Pension { .. }
            | InputRef::LoanRate { .. }
            | InputRef::VatNotCompensated { .. } => (0.0, 100.0),
            InputRef::WageGrowth | InputRef::PriceGrowth | InputRef::DiscountStep { .. } => {
                (*RATE_RANGE_PERCENT.start(), *RATE_RANGE_PERCENT.end())
            }
            InputRef::Seat { param, .. } => param.limits(),
            InputRef::ElectricityPrice | InputRef::SupportCostPerHour => {
                (0.0, super::fleet::MAX_UNIT_PRICE_NOK)
            }
        }
    }

    /// Whether a range may reach the lowest of [`InputRef::limits`]: not
    /// for a population, a key weight or another count a key divides by
    /// (a draw where every weight is 0 has no split), nor for a lifetime.
    #[must_use]
    pub fn range_may_reach_lowest(&self) -> bool {
        !matches!(self, InputRef::Attribute { .. } | InputRef::KeyWeight { .. })
    }

    /// The lowest value the input can take, and whether that value itself
    /// is allowed: `(0, true)` for counts, prices, hours and rates that
    /// cannot be negative, `(0, false)` for lifetimes and users per server;
    /// `None` when any value is possible (amounts, growth, today's costs).
    #[must_use]
    pub fn lowest_meaningful(&self) -> Option<(f64, bool)> {
        match self {
            InputRef::Seat {
                param: SeatParam::Lifetime | SeatParam::ServerLifetime | SeatParam::ServerUsers,
                ..
            } => Some((0.0, false)),
            InputRef::Seat { .. }
            | InputRef::ElectricityPrice
            | InputRef::SupportCostPerHour
            | InputRef::Attribute { .. }
            | InputRef::Salary { .. }
            | InputRef::EmployerTax { .. }
            | InputRef::Pension { .. }
            | InputRef::LoanRate { .. }
            | InputRef::VatNotCompensated { .. }
            | InputRef::KeyWeight { .. } => Some((0.0, true)),
            InputRef::LineAmount { .. }
            | InputRef::TodaysCost { .. }
            | InputRef::WageGrowth
            | InputRef::PriceGrowth
            | InputRef::DiscountStep { .. } => None,
        }
    }

    /// The input's value in `study`, or `None` when the study has no such
    /// input (an unknown id, a missing attribute or salary). A today's-cost
    /// cell the study leaves out is 0.
    #[must_use]
    pub fn value_in(&self, study: &Study) -> Option<f64> {
        match self {
            InputRef::LineAmount { scenario, line } => study
                .scenario(scenario)?
                .lines
                .iter()
                .find(|l| &l.id == line)
                .filter(|l| l.amount_from == AmountFrom::Fixed)
                .map(|l| l.amount_nok),
            InputRef::TodaysCost { member, category } => {
                study.member(member)?;
                study.category(category)?;
                Some(
                    study
                        .baseline
                        .lines
                        .iter()
                        .find(|l| &l.category == category)
                        .and_then(|l| l.amounts_nok.get(member).copied())
                        .unwrap_or(0.0),
                )
            }
            InputRef::Attribute { member, attribute } => {
                study.member(member)?.attribute(*attribute).map(|q| q.value)
            }
            InputRef::Salary { member } => study.member(member)?.salary.as_ref().map(|s| s.nok_per_fte),
            InputRef::EmployerTax { member } => study
                .member(member)?
                .salary
                .as_ref()
                .map(|s| s.employer_tax_percent),
            InputRef::Pension { member } => study.member(member)?.salary.as_ref().map(|s| s.pension_percent),
            InputRef::WageGrowth => Some(study.assumptions.real_wage_growth_percent),
            InputRef::PriceGrowth => Some(study.assumptions.real_price_growth_percent),
            InputRef::DiscountStep { index } => {
                study.assumptions.discount.steps.get(*index).map(|s| s.percent)
            }
            InputRef::KeyWeight { key, member } => {
                study.member(member)?;
                match &study.key(key)?.rule {
                    crate::model::KeyRule::Fixed(weights) => {
                        Some(weights.get(member).copied().unwrap_or(0.0))
                    }
                    _ => None,
                }
            }
            InputRef::Seat { seat_type, param } => study
                .workstations
                .seat_type(seat_type)?
                .param(*param)
                .map(|q| q.value),
            InputRef::LoanRate { scenario, line } => study
                .scenario(scenario)?
                .lines
                .iter()
                .find(|l| &l.id == line)
                .and_then(|l| match l.investment.as_ref()?.funding {
                    crate::model::budget::Funding::Loan { rate_percent, .. } => Some(rate_percent),
                    _ => None,
                }),
            InputRef::VatNotCompensated { scenario } => {
                Some(study.scenario(scenario)?.vat_not_compensated_percent)
            }
            InputRef::ElectricityPrice => {
                (!study.workstations.is_empty()).then_some(study.workstations.electricity_price.value)
            }
            InputRef::SupportCostPerHour => {
                (!study.workstations.is_empty()).then_some(study.workstations.support_cost_per_hour.value)
            }
        }
    }

    /// Sets the input in `study` to `value`. Returns false (and changes
    /// nothing) when the study has no such input. A today's-cost cell the
    /// study leaves out is added.
    pub fn set_in(&self, study: &mut Study, value: f64) -> bool {
        if self.value_in(study).is_none() {
            return false;
        }
        match self {
            InputRef::LineAmount { scenario, line } => {
                let found = study
                    .scenarios
                    .iter_mut()
                    .find(|s| &s.id == scenario)
                    .and_then(|s| s.lines.iter_mut().find(|l| &l.id == line));
                if let Some(l) = found {
                    l.amount_nok = value;
                }
            }
            InputRef::TodaysCost { member, category } => {
                match study.baseline.lines.iter_mut().find(|l| &l.category == category) {
                    Some(line) => {
                        line.amounts_nok.insert(member.clone(), value);
                    }
                    None => study.baseline.lines.push(BaselineLine {
                        category: category.clone(),
                        amounts_nok: [(member.clone(), value)].into(),
                        printed_total: None,
                        note: String::new(),
                    }),
                }
            }
            InputRef::Attribute { member, attribute } => {
                if let Some(m) = study.members.iter_mut().find(|m| &m.id == member) {
                    let slot = match attribute {
                        Attribute::Population => &mut m.population,
                        Attribute::Employees => &mut m.employees,
                        Attribute::Workstations => &mut m.workstations,
                        Attribute::Sites => &mut m.sites,
                    };
                    if let Some(q) = slot {
                        q.value = value;
                    }
                }
            }
            InputRef::Salary { member } | InputRef::EmployerTax { member } | InputRef::Pension { member } => {
                if let Some(salary) = study
                    .members
                    .iter_mut()
                    .find(|m| &m.id == member)
                    .and_then(|m| m.salary.as_mut())
                {
                    let field = match self {
                        InputRef::Salary { .. } => &mut salary.nok_per_fte,
                        InputRef::EmployerTax { .. } => &mut salary.employer_tax_percent,
                        _ => &mut salary.pension_percent,
                    };
                    *field = value;
                }
            }
            InputRef::WageGrowth => study.assumptions.real_wage_growth_percent = value,
            InputRef::PriceGrowth => study.assumptions.real_price_growth_percent = value,
            InputRef::DiscountStep { index } => {
                if let Some(step) = study.assumptions.discount.steps.get_mut(*index) {
                    step.percent = value;
                }
            }
            InputRef::KeyWeight { key, member } => {
                if let Some(k) = study.keys.iter_mut().find(|k| &k.id == key)
                    && let crate::model::KeyRule::Fixed(weights) = &mut k.rule
                {
                    weights.insert(member.clone(), value);
                }
            }
            InputRef::Seat { seat_type, param } => {
                if let Some(q) = study
                    .workstations
                    .seat_types
                    .iter_mut()
                    .find(|t| &t.id == seat_type)
                    .and_then(|t| t.param_mut(*param))
                {
                    q.value = value;
                }
            }
            InputRef::LoanRate { scenario, line } => {
                if let Some(crate::model::budget::Funding::Loan { rate_percent, .. }) = study
                    .scenarios
                    .iter_mut()
                    .find(|s| &s.id == scenario)
                    .and_then(|s| s.lines.iter_mut().find(|l| &l.id == line))
                    .and_then(|l| l.investment.as_mut())
                    .map(|i| &mut i.funding)
                {
                    *rate_percent = value;
                }
            }
            InputRef::VatNotCompensated { scenario } => {
                if let Some(s) = study.scenarios.iter_mut().find(|s| &s.id == scenario) {
                    s.vat_not_compensated_percent = value;
                }
            }
            InputRef::ElectricityPrice => study.workstations.electricity_price.value = value,
            InputRef::SupportCostPerHour => study.workstations.support_cost_per_hour.value = value,
        }
        true
    }

    /// Every input of `study`, in a fixed order: growth, discount steps,
    /// then per member its attributes, salary, rates and today's costs, then
    /// per scenario its lines with a fixed amount.
    #[must_use]
    pub fn all_in(study: &Study) -> Vec<InputRef> {
        let mut all = vec![InputRef::WageGrowth, InputRef::PriceGrowth];
        all.extend((0..study.assumptions.discount.steps.len()).map(|index| InputRef::DiscountStep { index }));
        for member in &study.members {
            for attribute in Attribute::ALL {
                if member.attribute(attribute).is_some() {
                    all.push(InputRef::Attribute {
                        member: member.id.clone(),
                        attribute,
                    });
                }
            }
            if member.salary.is_some() {
                all.push(InputRef::Salary {
                    member: member.id.clone(),
                });
                all.push(InputRef::EmployerTax {
                    member: member.id.clone(),
                });
                all.push(InputRef::Pension {
                    member: member.id.clone(),
                });
            }
            for category in &study.categories {
                all.push(InputRef::TodaysCost {
                    member: member.id.clone(),
                    category: category.id.clone(),
                });
            }
        }
        for key in &study.keys {
            if matches!(key.rule, crate::model::KeyRule::Fixed(_)) {
                for member in &study.members {
                    all.push(InputRef::KeyWeight {
                        key: key.id.clone(),
                        member: member.id.clone(),
                    });
                }
            }
        }
        if !study.workstations.is_empty() {
            all.push(InputRef::ElectricityPrice);
            all.push(InputRef::SupportCostPerHour);
            for seat in &study.workstations.seat_types {
                for param in SeatParam::ALL {
                    if seat.param(param).is_some() {
                        all.push(InputRef::Seat {
                            seat_type: seat.id.clone(),
                            param,
                        });
                    }
                }
            }
        }
        for scenario in &study.scenarios {
            let mut seen = std::collections::HashSet::new();
            for line in &scenario.lines {
                if line.amount_from == AmountFrom::Fixed && !line.id.is_unassigned() && seen.insert(&line.id)
                {
                    all.push(InputRef::LineAmount {
                        scenario: scenario.id.clone(),
                        line: line.id.clone(),
                    });
                }
            }
        }
        // The budget's own numbers: each option's share of VAT not
        // compensated and its loans' rates.
        for scenario in study
            .scenarios
            .iter()
            .filter(|s| s.kind != crate::model::ScenarioKind::Today)
        {
            all.push(InputRef::VatNotCompensated {
                scenario: scenario.id.clone(),
            });
            for line in &scenario.lines {
                let loan = line
                    .investment
                    .as_ref()
                    .is_some_and(|i| matches!(i.funding, crate::model::budget::Funding::Loan { .. }));
                if loan && !line.id.is_unassigned() {
                    all.push(InputRef::LoanRate {
                        scenario: scenario.id.clone(),
                        line: line.id.clone(),
                    });
                }
            }
        }
        all
    }

    /// True for the budget's own numbers (a loan's rate, a share of VAT
    /// not compensated): they move the budget, not the costs compared, so
    /// the uncertainty analysis of the costs leaves them out and the
    /// budget shows their ranges.
    #[must_use]
    pub fn is_budget_only(&self) -> bool {
        self.budget_scenario().is_some()
    }

    /// The scenario a budget input belongs to.
    #[must_use]
    pub fn budget_scenario(&self) -> Option<&ScenarioId> {
        match self {
            InputRef::LoanRate { scenario, .. } | InputRef::VatNotCompensated { scenario } => Some(scenario),
            _ => None,
        }
    }
}

/// Where an input feeds the figures.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Usage {
    /// Cost lines, as (scenario index, line index).
    pub lines: Vec<(usize, usize)>,
    /// Scenarios whose key uses the input (an attribute, today's cost or a
    /// fixed weight).
    pub keys_of: Vec<usize>,
    /// Today's operation uses it (a today's cost, or growth of a category).
    pub today: bool,
    /// Present value and equivalent annual cost use it (a discount step).
    pub discounting: bool,
}

impl Usage {
    /// True when no figure depends on the input.
    #[must_use]
    pub fn is_unused(&self) -> bool {
        self.lines.is_empty() && self.keys_of.is_empty() && !self.today && !self.discounting
    }

    /// The scenarios involved (lines and keys), without repeats.
    #[must_use]
    pub fn scenarios(&self) -> usize {
        let mut all: Vec<usize> = self
            .lines
            .iter()
            .map(|(s, _)| *s)
            .chain(self.keys_of.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all.len()
    }
}

fn rule_uses(rule: &crate::model::KeyRule, test: &dyn Fn(&crate::model::KeyRule) -> bool) -> bool {
    match rule {
        crate::model::KeyRule::Mix(parts) => {
            parts.iter().any(|p| p.weight != 0.0 && rule_uses(&p.rule, test))
        }
        other => test(other),
    }
}

/// Where `input` feeds the figures of `study`: which lines, which
/// scenarios' keys, today's operation, discounting. An input that feeds
/// nothing (a staffing salary when today's costs are given as totals) can
/// be told apart from one that does.
#[must_use]
pub fn usage(study: &Study, input: &InputRef) -> Usage {
    use crate::model::{Driver, Growth, KeyRule, Payer};
    let mut usage = Usage::default();
    let participates =
        |s: &crate::model::Scenario, m: &MemberId| study.participants(s).iter().any(|p| p == m);
    let key_rule = |s: &crate::model::Scenario| s.key.as_ref().and_then(|k| study.key(k)).map(|k| &k.rule);
    for (si, scenario) in study.scenarios.iter().enumerate() {
        for (li, line) in scenario.lines.iter().enumerate() {
            let uses = match input {
                InputRef::LineAmount {
                    scenario: sid,
                    line: lid,
                } => &scenario.id == sid && &line.id == lid && line.amount_from == AmountFrom::Fixed,
                InputRef::Attribute { member, attribute } => {
                    line.driver == Driver::Attribute(*attribute) && participates(scenario, member)
                }
                InputRef::Salary { member }
                | InputRef::EmployerTax { member }
                | InputRef::Pension { member } => {
                    // A shared salary is the organisation's employer's, at
                    // its rates unless the organisation gives its own.
                    let org = scenario.organisation.as_ref();
                    let org_rate = match input {
                        InputRef::EmployerTax { .. } => org.and_then(|o| o.employer_tax_percent),
                        InputRef::Pension { .. } => org.and_then(|o| o.pension_percent),
                        _ => None,
                    };
                    line.amount_from == AmountFrom::SalaryWithSocialCosts
                        && match &line.payer {
                            Payer::Member(p) => p == member,
                            Payer::EachMember => participates(scenario, member),
                            Payer::Shared => org.is_some_and(|o| &o.employer == member) && org_rate.is_none(),
                        }
                }
                InputRef::WageGrowth => line.growth == Growth::Wages,
                InputRef::PriceGrowth => line.growth == Growth::Prices,
                _ => false,
            };
            if uses {
                usage.lines.push((si, li));
            }
        }
        // The fleet's lines come after the scenario's own (as the engine
        // numbers them).
        let own = scenario.lines.len();
        for (fi, fleet_line) in super::fleet::fleet_lines(study, scenario).iter().enumerate() {
            let line = &fleet_line.line;
            let uses = match input {
                InputRef::Seat { .. } | InputRef::ElectricityPrice | InputRef::SupportCostPerHour => {
                    fleet_line.formula.factors.iter().any(|(f, _)| f == input)
                }
                InputRef::Attribute { member, attribute } => {
                    line.driver == Driver::Attribute(*attribute) && participates(scenario, member)
                }
                InputRef::WageGrowth => line.growth == Growth::Wages,
                InputRef::PriceGrowth => line.growth == Growth::Prices,
                _ => false,
            };
            if uses {
                usage.lines.push((si, own + fi));
            }
        }
        let key_uses = key_rule(scenario).is_some_and(|rule| {
            scenario.lines.iter().any(|l| l.payer == Payer::Shared)
                && match input {
                    InputRef::Attribute { member, attribute } => {
                        participates(scenario, member)
                            && rule_uses(rule, &|r| *r == KeyRule::Proportional(*attribute))
                    }
                    InputRef::TodaysCost { member, .. } => {
                        participates(scenario, member) && rule_uses(rule, &|r| *r == KeyRule::TodaysCost)
                    }
                    InputRef::KeyWeight { key, member } => {
                        scenario.key.as_ref() == Some(key) && participates(scenario, member)
                    }
                    _ => false,
                }
        });
        if key_uses {
            usage.keys_of.push(si);
        }
    }
    let has_today = study
        .scenarios
        .iter()
        .any(crate::model::Scenario::includes_todays_costs);
    // A member whose salary is linked to a category of today's costs: the
    // salary feeds today's operation, and the typed cell feeds nothing.
    let link = |member: &MemberId| {
        study
            .member(member)
            .and_then(|m| m.salary.as_ref())
            .and_then(|s| s.today_category.as_ref())
    };
    usage.today = has_today
        && match input {
            InputRef::TodaysCost { member, category } => link(member) != Some(category),
            InputRef::Salary { member } | InputRef::EmployerTax { member } | InputRef::Pension { member } => {
                link(member).is_some()
            }
            InputRef::WageGrowth => study.categories.iter().any(|c| c.growth == Growth::Wages),
            InputRef::PriceGrowth => study.categories.iter().any(|c| c.growth == Growth::Prices),
            _ => false,
        };
    usage.discounting = matches!(input, InputRef::DiscountStep { .. });
    usage
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::model::examples::small_study;

    #[test]
    fn every_input_reads_and_writes_its_own_field() {
        let study = small_study();
        let all = InputRef::all_in(&study);
        assert!(all.contains(&InputRef::WageGrowth));
        assert!(all.iter().any(|i| matches!(i, InputRef::LineAmount { .. })));
        for input in &all {
            let before = input.value_in(&study).unwrap();
            let mut changed = study.clone();
            assert!(input.set_in(&mut changed, before + 7.0));
            assert_eq!(input.value_in(&changed), Some(before + 7.0), "{input:?}");
            // Only that input changed: every other input keeps its value.
            for other in all.iter().filter(|o| *o != input) {
                assert_eq!(
                    other.value_in(&changed),
                    other.value_in(&study),
                    "{input:?} moved {other:?}"
                );
            }
        }
    }

    #[test]
    fn the_2006_staffing_salary_feeds_no_figure_and_the_remote_price_does() {
        let study = crate::model::examples::with_workstations();
        let salary = InputRef::Salary {
            member: MemberId::new("G"),
        };
        assert!(study.member(&MemberId::new("G")).unwrap().salary.is_some());
        assert!(usage(&study, &salary).is_unused());
        let remote = InputRef::LineAmount {
            scenario: ScenarioId::new("remote"),
            line: LineId::new("remote-total"),
        };
        let used = usage(&study, &remote);
        assert_eq!(used.lines.len(), 1);
        assert_eq!(used.scenarios(), 1);
        // The key weight of Gratangen feeds every scenario with that key
        // and shared lines: joint, remote, thin.
        let weight = InputRef::KeyWeight {
            key: crate::model::KeyId::new("briefing"),
            member: MemberId::new("G"),
        };
        assert_eq!(usage(&study, &weight).keys_of.len(), 3);
        // A PC's lifetime feeds one line (the PCs' rolling refresh) in each
        // scenario that runs PCs: today's operation and the three options
        // that run today's fleet; the electricity price the energy lines of
        // all five (the thin clients' too).
        let lifetime = InputRef::Seat {
            seat_type: "pc".to_owned(),
            param: crate::model::fleet::SeatParam::Lifetime,
        };
        assert_eq!(usage(&study, &lifetime).lines.len(), 4);
        assert_eq!(usage(&study, &InputRef::ElectricityPrice).scenarios(), 5);
        // In the small study a salary line makes the salary count.
        let mut small = small_study();
        small.scenarios[1].lines[1].amount_from = AmountFrom::SalaryWithSocialCosts;
        let a = InputRef::Salary {
            member: MemberId::new("A"),
        };
        assert!(usage(&small_study(), &a).is_unused());
        assert_eq!(usage(&small, &a).lines, vec![(1, 1)]);
    }

    #[test]
    fn unknown_inputs_are_none_and_change_nothing() {
        let mut study = small_study();
        let before = study.clone();
        let unknown = InputRef::LineAmount {
            scenario: ScenarioId::new("joint"),
            line: LineId::new("nope"),
        };
        assert_eq!(unknown.value_in(&study), None);
        assert!(!unknown.set_in(&mut study, 1.0));
        assert_eq!(study, before);
    }
}
