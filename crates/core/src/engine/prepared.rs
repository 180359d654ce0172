//! The prepared engine: validate and index a study once, evaluate it many
//! times — with other values for its inputs, for any group of members, and
//! for only the figures a caller needs.
//!
//! (Long on purpose: the layout, the preparation and the hot loop share
//! private index arithmetic that must change together; split, it would
//! need to be public to the engine.)
//!
//! # The prepared representation
//!
//! [`PreparedStudy::prepare`] validates the study and turns it into dense
//! indices and flat numbers:
//!
//! - **Parameters.** Every numeric input a user can put a range on
//!   ([`InputRef`]) is one slot of a flat `Vec<f64>`: wage and price growth,
//!   the discount steps, per member its four attributes (NaN when the study
//!   leaves one out), salary, employer-tax and pension rates, per member and
//!   category today's cost, and every cost line's amount. An evaluation reads
//!   inputs only from such a vector, so an *override* is writing a slot:
//!   [`PreparedStudy::param`] gives the slot of an [`InputRef`],
//!   [`PreparedStudy::defaults`] the study's own values.
//! - **Lines.** Each cost line becomes a small `Copy` record of indices:
//!   category, *year profile* (its timing and growth: distinct pairs are
//!   numbered once), amount slot, quantity, driver basis and payer.
//! - **Keys.** A key rule is flattened to weighted simple parts (equal, an
//!   attribute, today's cost, fixed weights per member index); a mix of
//!   mixes multiplies out. Shares are computed per evaluation because they
//!   depend on the participants and on the attribute and cost inputs.
//!
//! # How an evaluation runs
//!
//! A line's cost for a member is `amount × quantity × (driver quantity or
//! key share) × profile[year]`. Lines are summed per category into a few
//! year vectors, one per *kind*: shared by the key, each member for its own
//! driver basis (1, FTE, or an attribute), or each member for its own
//! salary. A member's cost is then `Σ kind coefficient[member] × vector`,
//! where the coefficient is its key share, its driver quantity, or its
//! driver quantity times its salary with social costs. Lines paid by one
//! named member go straight to that member. The work is one pass over the
//! lines plus one pass over (kinds in use × participants), whatever the
//! number of lines.
//!
//! The "year axis" is general: for [`Shape::Cells`] and
//! [`Shape::MemberYears`] it is the years; for [`Shape::MemberMetric`] each
//! profile is first collapsed to one number (its dot product with the
//! metric's year weights: 1 in the chosen year, 1 every year, or the
//! discount factors), so a Monte Carlo draw or a coalition costs one pass
//! over the lines with a single number per line.
//!
//! # Participants and coalitions
//!
//! A *coalition* (a mask over the members) restricts every evaluated
//! scenario to its participants that are in the mask, exactly as the
//! "without member X" action does: keys are renormalised over the
//! remaining participants, and lines paid by one member outside the mask are
//! dropped. A key whose weights are all zero over the remaining members
//! gives [`RunError::Key`] for that evaluation (in a batch: NaN figures and
//! a count of failures), never a division by zero.
//!
//! Evaluating never validates, never allocates (the caller owns a
//! [`Workspace`] and the output buffer), and never touches strings.
//! [`PreparedStudy::run_batch`] evaluates many parameter sets or coalitions
//! across all cores with rayon; every item is computed by the same
//! sequential code from its index alone, so results are bit-identical
//! whatever the thread count.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{EngineError, Evaluation, Metric, ScenarioResult};
use crate::model::fleet::SeatParam;
use crate::model::{
    AmountFrom, Attribute, CategoryId, Driver, Growth, InputRef, KeyRule, LineId, MemberId, Payer, Report,
    Salary, ScenarioKind, Study, Timing, validate,
};

/// Driver bases: the per-member quantity a line is multiplied by.
/// 0 = one per member, 1 = filled FTE, 2.. = the attributes in
/// [`Attribute::ALL`] order.
const N_BASES: usize = 2 + Attribute::ALL.len();
/// Kinds of per-member coefficients: shared by key, each member by a basis,
/// each member by a basis times its salary.
const N_KINDS: usize = 1 + 2 * N_BASES;

fn growth_index(growth: Growth) -> usize {
    match growth {
        Growth::Wages => 0,
        Growth::Prices => 1,
        Growth::None => 2,
    }
}

fn basis_of(driver: Driver) -> usize {
    match driver {
        Driver::Lump | Driver::Members => 0,
        Driver::Fte => 1,
        Driver::Attribute(a) => 2 + a.index(),
    }
}

#[derive(Debug, Clone, Copy)]
enum LinePayer {
    Shared,
    EachMember,
    Member(usize),
}

#[derive(Debug, Clone, Copy)]
struct PreparedLine {
    category: usize,
    profile: usize,
    /// A parameter slot, or (when `derived`) an index into the derived
    /// amounts of an evaluation.
    amount: usize,
    derived: bool,
    quantity: f64,
    basis: usize,
    lump: bool,
    payer: LinePayer,
    from_salary: bool,
}

/// An amount made from parameters, `constant × Π params[slot]^±1` (a
/// workstation fleet's line: price ÷ lifetime, W × hours × kr/kWh, …).
#[derive(Debug, Clone, Copy)]
struct Derived {
    constant: f64,
    factors: [(usize, bool); 4],
    n: usize,
}

impl Derived {
    fn eval(&self, params: &[f64]) -> f64 {
        let mut value = self.constant;
        for &(slot, invert) in &self.factors[..self.n] {
            let v = params[slot];
            value *= if invert { 1.0 / v } else { v };
        }
        value
    }
}

/// The parameter slot of a workstation input: electricity price, support
/// cost per hour, then per seat type its [`SeatParam::ALL`].
fn workstation_slot(fleet_base: usize, seat_type_ids: &[String], input: &InputRef) -> Option<usize> {
    match input {
        InputRef::ElectricityPrice => Some(fleet_base),
        InputRef::SupportCostPerHour => Some(fleet_base + 1),
        InputRef::Seat { seat_type, param } => {
            let t = seat_type_ids.iter().position(|id| id == seat_type)?;
            Some(fleet_base + 2 + t * SeatParam::ALL.len() + param.index())
        }
        _ => None,
    }
}

/// The amount of a line under `params` and the evaluation's derived
/// amounts.
fn line_amount(line: &PreparedLine, params: &[f64], derived: &[f64]) -> f64 {
    if line.derived {
        derived[line.amount]
    } else {
        params[line.amount]
    }
}

#[derive(Debug, Clone)]
enum SimpleRule {
    Equal,
    Attribute(usize),
    TodaysCost,
    Fixed(Vec<f64>),
    /// A key of fixed weights whose weights are parameters from this slot
    /// on (one per member).
    FixedSlots(usize),
}

#[derive(Debug, Clone)]
struct PreparedScenario {
    kind: ScenarioKind,
    participants: Vec<bool>,
    key: Option<Vec<(f64, SimpleRule)>>,
    lines: Vec<PreparedLine>,
    with_baseline: bool,
    organisation: Option<PreparedOrg>,
}

/// A scenario's organisation as the engine uses it: the employer whose
/// salary prices shared salary lines (its rates unless the organisation
/// gives its own) and the factor on shared lines.
#[derive(Debug, Clone, Copy)]
struct PreparedOrg {
    employer: usize,
    employer_tax_percent: Option<f64>,
    pension_percent: Option<f64>,
    overhead: f64,
}

impl PreparedOrg {
    /// Salary with social costs per FTE of the joint staff under `params`.
    fn salary(&self, salary_base: usize, params: &[f64]) -> f64 {
        let base = salary_base + 3 * self.employer;
        Salary::with_social_costs(
            params[base],
            self.employer_tax_percent.unwrap_or(params[base + 1]),
            self.pension_percent.unwrap_or(params[base + 2]),
        )
    }
}

/// Which figures an evaluation writes, per evaluated scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Every cell: `[member][category][year]`.
    Cells,
    /// Per member and year, all categories: `[member][year]`.
    MemberYears,
    /// Per member, one figure under the metric: `[member]`.
    MemberMetric(Metric),
}

/// Why one evaluation has no figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RunError {
    /// The scenario's key has no positive weight (or a negative or
    /// non-finite one) over the evaluated participants.
    #[error("the key of scenario {scenario} cannot be evaluated over these members")]
    Key {
        /// Index of the scenario.
        scenario: usize,
    },
    /// A scenario index out of range.
    #[error("no scenario {0}")]
    NoScenario(usize),
    /// The metric's year is not analysed.
    #[error("the year is not analysed")]
    YearNotAnalysed,
    /// The parameter vector, coalition or output has the wrong length.
    #[error("a buffer has the wrong length")]
    Length,
}

/// A study validated and turned into flat arrays; see the module docs.
#[derive(Debug, Clone)]
pub struct PreparedStudy {
    years: Vec<i32>,
    members: Vec<MemberId>,
    categories: Vec<CategoryId>,
    report: Report,
    defaults: Vec<f64>,
    has_attribute: Vec<bool>,
    disc_base: usize,
    attr_base: usize,
    salary_base: usize,
    today_base: usize,
    key_base: usize,
    key_ids: Vec<crate::model::KeyId>,
    key_is_fixed: Vec<bool>,
    /// Workstation parameters: electricity price, support cost per hour,
    /// then per seat type its [`SeatParam::ALL`] (NaN where it has none).
    fleet_base: usize,
    seat_type_ids: Vec<String>,
    derived: Vec<Derived>,
    has_salary: Vec<bool>,
    fte: Vec<f64>,
    /// Per member: the category of today's costs its staffing gives
    /// (filled FTE × salary with social costs), if linked.
    today_link: Vec<Option<usize>>,
    category_growth: Vec<usize>,
    /// Per year index: the discount step in force (index into the steps),
    /// or `None` for 0 %.
    step_in_year: Vec<Option<usize>>,
    /// Per profile: 1.0 in the years it falls due, else 0.0; and its growth.
    profile_due: Vec<f64>,
    profile_growth: Vec<usize>,
    scenarios: Vec<PreparedScenario>,
    scenario_ids: Vec<crate::model::ScenarioId>,
    scenario_names: Vec<String>,
    /// Per scenario, the id of each line (empty when it has none).
    line_ids: Vec<Vec<LineId>>,
    scenario_colours: Vec<Option<u8>>,
    today: Option<usize>,
}

/// Scratch space for evaluations, owned by the caller so that a loop of
/// evaluations allocates nothing. Make one per thread with
/// [`PreparedStudy::workspace`].
#[derive(Debug, Clone)]
pub struct Workspace {
    growth: Vec<f64>,
    discount: Vec<f64>,
    weights: Vec<f64>,
    pmat: Vec<f64>,
    participates: Vec<bool>,
    shares: Vec<f64>,
    raw: Vec<f64>,
    quantity: Vec<f64>,
    total_quantity: [f64; N_BASES],
    salary: Vec<f64>,
    /// Today's cost per member and category under the parameters (a
    /// linked salary derived from them).
    today: Vec<f64>,
    acc: Vec<f64>,
    used: Vec<bool>,
    amounts: Vec<f64>,
}

impl PreparedStudy {
    /// Validates `study` and prepares it.
    ///
    /// # Errors
    /// [`EngineError::Invalid`] with the whole report when validation finds
    /// errors.
    pub fn prepare(study: &Study) -> Result<PreparedStudy, EngineError> {
        let report = validate(study);
        if report.has_errors() {
            return Err(EngineError::Invalid(report));
        }
        Self::build(study, report).ok_or_else(|| EngineError::Invalid(validate(study)))
    }

    /// The arithmetic's layout, on a study that validated. Anything
    /// validation should have caught gives `None`, never a panic.
    #[allow(clippy::too_many_lines)]
    fn build(study: &Study, report: Report) -> Option<PreparedStudy> {
        let years: Vec<i32> = study.assumptions.years().collect();
        let n_years = years.len();
        let members: Vec<MemberId> = study.members.iter().map(|m| m.id.clone()).collect();
        let categories: Vec<CategoryId> = study.categories.iter().map(|c| c.id.clone()).collect();
        let n_members = members.len();
        let n_categories = categories.len();
        let member_index: HashMap<&MemberId, usize> =
            members.iter().enumerate().map(|(i, m)| (m, i)).collect();
        let category_index: HashMap<&CategoryId, usize> =
            categories.iter().enumerate().map(|(i, c)| (c, i)).collect();

        // Parameters.
        let mut defaults = vec![
            study.assumptions.real_wage_growth_percent,
            study.assumptions.real_price_growth_percent,
        ];
        let disc_base = defaults.len();
        defaults.extend(study.assumptions.discount.steps.iter().map(|s| s.percent));
        let attr_base = defaults.len();
        let mut has_attribute = Vec::with_capacity(n_members * Attribute::ALL.len());
        for member in &study.members {
            for attribute in Attribute::ALL {
                let value = member.attribute(attribute).map(|q| q.value);
                has_attribute.push(value.is_some());
                defaults.push(value.unwrap_or(f64::NAN));
            }
        }
        let salary_base = defaults.len();
        let mut has_salary = Vec::with_capacity(n_members);
        for member in &study.members {
            has_salary.push(member.salary.is_some());
            match &member.salary {
                Some(s) => defaults.extend([s.nok_per_fte, s.employer_tax_percent, s.pension_percent]),
                None => defaults.extend([f64::NAN; 3]),
            }
        }
        let today_base = defaults.len();
        defaults.resize(today_base + n_members * n_categories, 0.0);
        // The weights of keys of fixed weights, per key and member (0 for a
        // member the key leaves out; unused slots for other keys).
        let key_base = defaults.len();
        for key in &study.keys {
            match &key.rule {
                KeyRule::Fixed(weights) => {
                    defaults.extend(members.iter().map(|m| weights.get(m).copied().unwrap_or(0.0)));
                }
                _ => defaults.extend(std::iter::repeat_n(f64::NAN, n_members)),
            }
        }
        // Workstations: electricity, support per hour, each seat type's
        // numbers.
        let fleet_base = defaults.len();
        let ws_def = &study.workstations;
        defaults.push(ws_def.electricity_price.value);
        defaults.push(ws_def.support_cost_per_hour.value);
        for seat in &ws_def.seat_types {
            defaults.extend(
                SeatParam::ALL
                    .iter()
                    .map(|p| seat.param(*p).map_or(f64::NAN, |q| q.value)),
            );
        }
        let seat_type_ids: Vec<String> = ws_def.seat_types.iter().map(|t| t.id.clone()).collect();
        let fleet_slot = |input: &InputRef| workstation_slot(fleet_base, &seat_type_ids, input);
        let mut derived = Vec::new();
        for (category, member, amount) in study.todays_cells() {
            let c = *category_index.get(category)?;
            let m = *member_index.get(member)?;
            defaults[today_base + m * n_categories + c] += amount;
        }
        let mut today_link = Vec::with_capacity(n_members);
        for member in &study.members {
            today_link.push(match study.staffing_salary_cost(member) {
                Some((category, _)) => Some(*category_index.get(category)?),
                None => None,
            });
        }

        // Year profiles: "every year" with wage, price and no growth first
        // (profiles 0, 1, 2, which today's costs use, indexed by
        // `growth_index`), then each distinct (timing, growth) of the lines.
        let mut profile_of: HashMap<(Timing, Growth), usize> = HashMap::new();
        let mut profile_due = Vec::new();
        let mut profile_growth = Vec::new();
        let mut profile = |timing: &Timing, growth: Growth| -> usize {
            *profile_of.entry((timing.clone(), growth)).or_insert_with(|| {
                profile_due.extend(years.iter().map(|y| if timing.is_due(*y) { 1.0 } else { 0.0 }));
                profile_growth.push(growth_index(growth));
                profile_growth.len() - 1
            })
        };
        for growth in [Growth::Wages, Growth::Prices, Growth::None] {
            profile(&Timing::default(), growth);
        }

        let mut scenarios = Vec::with_capacity(study.scenarios.len());
        for scenario in &study.scenarios {
            let mut participants = vec![false; n_members];
            for id in study.participants(scenario) {
                participants[*member_index.get(&id)?] = true;
            }
            let key = match &scenario.key {
                None => None,
                Some(key_id) => {
                    let position = study.keys.iter().position(|k| &k.id == key_id);
                    let rule = position.map_or(&KeyRule::Equal, |k| &study.keys[k].rule);
                    let mut parts = Vec::new();
                    match (rule, position) {
                        // A key of fixed weights reads them from parameters,
                        // so a range can be put on a member's weight.
                        (KeyRule::Fixed(_), Some(k)) => {
                            parts.push((1.0, SimpleRule::FixedSlots(key_base + k * n_members)));
                        }
                        _ => flatten_key(rule, 1.0, &member_index, n_members, &mut parts)?,
                    }
                    Some(parts)
                }
            };
            let mut lines = Vec::with_capacity(scenario.lines.len());
            // The employer must have a salary when a shared line is priced
            // at it (validation says so; without, the study is invalid).
            let organisation = match &scenario.organisation {
                Some(org) => {
                    let employer = *member_index.get(&org.employer)?;
                    let salaried = has_salary[employer];
                    let shared_salary = scenario.lines.iter().any(|l| {
                        l.payer == Payer::Shared && l.amount_from == AmountFrom::SalaryWithSocialCosts
                    });
                    if shared_salary && !salaried {
                        return None;
                    }
                    Some(PreparedOrg {
                        employer,
                        employer_tax_percent: org.employer_tax_percent,
                        pension_percent: org.pension_percent,
                        overhead: org.overhead_factor(),
                    })
                }
                None => None,
            };
            let fleet = crate::model::fleet::fleet_lines(study, scenario);
            let fleet_amounts: Vec<Option<usize>> = std::iter::repeat_n(None, scenario.lines.len())
                .chain(fleet.iter().map(|f| {
                    let mut d = Derived {
                        constant: f.formula.constant,
                        factors: [(0, false); 4],
                        n: 0,
                    };
                    for (input, power) in &f.formula.factors {
                        if d.n == d.factors.len() {
                            return None;
                        }
                        d.factors[d.n] = (fleet_slot(input)?, *power < 0);
                        d.n += 1;
                    }
                    derived.push(d);
                    Some(derived.len() - 1)
                }))
                .collect();
            let all_lines = scenario.lines.iter().chain(fleet.iter().map(|f| &f.line));
            for (index, line) in all_lines.enumerate() {
                let payer = match &line.payer {
                    Payer::Shared => LinePayer::Shared,
                    Payer::EachMember => LinePayer::EachMember,
                    Payer::Member(id) => LinePayer::Member(*member_index.get(id)?),
                };
                let from_salary = line.amount_from == AmountFrom::SalaryWithSocialCosts;
                if from_salary && matches!(payer, LinePayer::Shared) && organisation.is_none() {
                    return None;
                }
                let (amount, derived_amount) = if index < scenario.lines.len() {
                    defaults.push(line.amount_nok);
                    (defaults.len() - 1, false)
                } else {
                    (fleet_amounts[index]?, true)
                };
                lines.push(PreparedLine {
                    category: *category_index.get(&line.category)?,
                    profile: profile(&line.timing, line.growth),
                    amount,
                    derived: derived_amount,
                    quantity: line.quantity,
                    basis: basis_of(line.driver),
                    lump: line.driver == Driver::Lump,
                    payer,
                    from_salary,
                });
            }
            scenarios.push(PreparedScenario {
                kind: scenario.kind,
                participants,
                key,
                lines,
                with_baseline: scenario.includes_todays_costs(),
                organisation,
            });
        }

        let steps = &study.assumptions.discount.steps;
        let step_in_year = (0..n_years)
            .map(|t| {
                steps
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| usize::try_from(s.from_year_index).unwrap_or(usize::MAX) <= t)
                    .max_by_key(|(_, s)| s.from_year_index)
                    .map(|(i, _)| i)
            })
            .collect();
        Some(PreparedStudy {
            years,
            fte: study
                .members
                .iter()
                .map(crate::model::Member::filled_fte)
                .collect(),
            category_growth: study.categories.iter().map(|c| growth_index(c.growth)).collect(),
            members,
            categories,
            report,
            defaults,
            has_attribute,
            disc_base,
            attr_base,
            salary_base,
            today_base,
            key_base,
            key_ids: study.keys.iter().map(|k| k.id.clone()).collect(),
            key_is_fixed: study
                .keys
                .iter()
                .map(|k| matches!(k.rule, KeyRule::Fixed(_)))
                .collect(),
            fleet_base,
            seat_type_ids,
            derived,
            has_salary,
            today_link,
            step_in_year,
            profile_due,
            profile_growth,
            scenarios,
            scenario_ids: study.scenarios.iter().map(|s| s.id.clone()).collect(),
            scenario_names: study.scenarios.iter().map(|s| s.name.clone()).collect(),
            line_ids: study
                .scenarios
                .iter()
                .map(|s| s.lines.iter().map(|l| l.id.clone()).collect())
                .collect(),
            today: study.today(),
            scenario_colours: study.scenarios.iter().map(|s| s.colour).collect(),
        })
    }

    /// The study's own value of every parameter; copy it, write overrides
    /// into the copy and pass it to [`PreparedStudy::run`].
    #[must_use]
    pub fn defaults(&self) -> &[f64] {
        &self.defaults
    }

    /// The parameter slot of an input, if the study has it. Looks ids up
    /// by a linear search: resolve inputs once, not per evaluation.
    #[must_use]
    pub fn param(&self, input: &InputRef) -> Option<usize> {
        let member = |id: &MemberId| self.members.iter().position(|m| m == id);
        let salary = |id: &MemberId, k: usize| {
            let m = member(id)?;
            self.has_salary[m].then_some(self.salary_base + 3 * m + k)
        };
        match input {
            InputRef::WageGrowth => Some(0),
            InputRef::PriceGrowth => Some(1),
            InputRef::DiscountStep { index } => {
                (*index < self.attr_base - self.disc_base).then_some(self.disc_base + index)
            }
            InputRef::Attribute {
                member: id,
                attribute,
            } => {
                let slot = member(id)? * Attribute::ALL.len() + attribute.index();
                self.has_attribute[slot].then_some(self.attr_base + slot)
            }
            InputRef::Salary { member } => salary(member, 0),
            InputRef::EmployerTax { member } => salary(member, 1),
            InputRef::Pension { member } => salary(member, 2),
            InputRef::TodaysCost { member: id, category } => {
                let c = self.categories.iter().position(|c| c == category)?;
                Some(self.today_base + member(id)? * self.categories.len() + c)
            }
            InputRef::KeyWeight { key, member: id } => {
                let k = self.key_ids.iter().position(|x| x == key)?;
                self.key_is_fixed[k].then_some(self.key_base + k * self.members.len() + member(id)?)
            }
            InputRef::ElectricityPrice | InputRef::SupportCostPerHour if self.seat_type_ids.is_empty() => {
                None
            }
            InputRef::ElectricityPrice | InputRef::SupportCostPerHour | InputRef::Seat { .. } => {
                // A seat type without servers has no server numbers (NaN).
                workstation_slot(self.fleet_base, &self.seat_type_ids, input)
                    .filter(|slot| self.defaults[*slot].is_finite())
            }
            InputRef::LineAmount { scenario, line } => {
                if line.is_unassigned() {
                    return None;
                }
                let s = self.scenario_ids.iter().position(|id| id == scenario)?;
                let l = self.line_ids[s].iter().position(|id| id == line)?;
                let prepared = &self.scenarios[s].lines[l];
                (!prepared.from_salary).then_some(prepared.amount)
            }
            // The budget's own numbers: they do not move the costs compared.
            InputRef::LoanRate { .. } | InputRef::VatNotCompensated { .. } => None,
        }
    }

    /// Every input the study has, in a fixed order: growth, discount steps,
    /// per member its attributes, salary and rates and today's costs, then
    /// per scenario its lines with their own amount. Builds the list anew.
    #[must_use]
    pub fn inputs(&self) -> Vec<InputRef> {
        let mut all = vec![InputRef::WageGrowth, InputRef::PriceGrowth];
        all.extend((0..self.attr_base - self.disc_base).map(|index| InputRef::DiscountStep { index }));
        for (m, id) in self.members.iter().enumerate() {
            for attribute in Attribute::ALL {
                if self.has_attribute[m * Attribute::ALL.len() + attribute.index()] {
                    all.push(InputRef::Attribute {
                        member: id.clone(),
                        attribute,
                    });
                }
            }
            if self.has_salary[m] {
                all.push(InputRef::Salary { member: id.clone() });
                all.push(InputRef::EmployerTax { member: id.clone() });
                all.push(InputRef::Pension { member: id.clone() });
            }
            for category in &self.categories {
                all.push(InputRef::TodaysCost {
                    member: id.clone(),
                    category: category.clone(),
                });
            }
        }
        for (k, key) in self.key_ids.iter().enumerate() {
            if self.key_is_fixed[k] {
                all.extend(self.members.iter().map(|m| InputRef::KeyWeight {
                    key: key.clone(),
                    member: m.clone(),
                }));
            }
        }
        for (s, scenario) in self.scenario_ids.iter().enumerate() {
            // The first line of an id is the one an input names.
            let mut seen = std::collections::HashSet::new();
            for (line, prepared) in self.line_ids[s].iter().zip(&self.scenarios[s].lines) {
                if !line.is_unassigned() && !prepared.from_salary && seen.insert(line) {
                    all.push(InputRef::LineAmount {
                        scenario: scenario.clone(),
                        line: line.clone(),
                    });
                }
            }
        }
        all
    }

    /// The defaults with `overrides` written in.
    ///
    /// # Errors
    /// The first input the study does not have.
    pub fn params_with(&self, overrides: &[(InputRef, f64)]) -> Result<Vec<f64>, InputRef> {
        let mut params = self.defaults.clone();
        for (input, value) in overrides {
            let slot = self.param(input).ok_or_else(|| input.clone())?;
            params[slot] = *value;
        }
        Ok(params)
    }

    /// The calendar years analysed.
    #[must_use]
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// Member ids, in study order.
    #[must_use]
    pub fn members(&self) -> &[MemberId] {
        &self.members
    }

    /// Number of scenarios.
    #[must_use]
    pub fn scenario_count(&self) -> usize {
        self.scenarios.len()
    }

    /// The kind of a scenario.
    #[must_use]
    pub fn scenario_kind(&self, scenario: usize) -> Option<ScenarioKind> {
        self.scenarios.get(scenario).map(|s| s.kind)
    }

    /// Index of today's operation (the first scenario of that kind).
    #[must_use]
    pub fn today(&self) -> Option<usize> {
        self.today
    }

    /// True when `member` takes part in `scenario` within `coalition`.
    #[must_use]
    pub fn participates(&self, scenario: usize, member: usize, coalition: Option<&[bool]>) -> bool {
        self.scenarios
            .get(scenario)
            .and_then(|s| s.participants.get(member))
            .copied()
            .unwrap_or(false)
            && coalition.is_none_or(|c| c.get(member).copied().unwrap_or(false))
    }

    /// True when what each member pays in `scenario` does not depend on
    /// who else takes part: every line is paid by each member for itself,
    /// or by one member as a lump sum (no shared line, no key, no total
    /// over the participants). Today's operation usually is: a coalition's
    /// cost of it is then the sum of its members' costs from one run.
    #[must_use]
    pub fn coalition_independent(&self, scenario: usize) -> bool {
        self.scenarios.get(scenario).is_some_and(|s| {
            s.lines.iter().all(|l| match l.payer {
                LinePayer::EachMember => true,
                LinePayer::Member(_) => l.lump,
                LinePayer::Shared => false,
            })
        })
    }

    /// The coalition terms of `scenario`'s lines that one member pays per
    /// unit of a driver summed over the participants: `(member, basis,
    /// coefficient)`, so that such a line costs `coefficient × Q_b(S)`
    /// under `metric` when the member is in the coalition `S`, `Q_b(S)`
    /// the sum over `S`'s participants of [`PreparedStudy::basis_quantities`].
    /// `None` when the metric's year is not analysed.
    #[must_use]
    pub fn member_driver_terms(&self, scenario: usize, metric: Metric) -> Option<Vec<(usize, usize, f64)>> {
        let prepared = self.scenarios.get(scenario)?;
        let params = &self.defaults;
        let mut ws = self.workspace();
        self.prepare_axis(params, Shape::MemberMetric(metric), &mut ws)
            .ok()?;
        Some(
            prepared
                .lines
                .iter()
                .filter_map(|line| match line.payer {
                    LinePayer::Member(p) if !line.lump => {
                        let amount = if line.from_salary {
                            ws.salary[p]
                        } else {
                            line_amount(line, params, &ws.amounts)
                        };
                        Some((p, line.basis, amount * line.quantity * ws.pmat[line.profile]))
                    }
                    _ => None,
                })
                .collect(),
        )
    }

    /// Each driver basis's quantity per member (`[basis][member]`): 1 per
    /// member, its filled FTE, then its attributes.
    #[must_use]
    pub fn basis_quantities(&self) -> Vec<Vec<f64>> {
        let n = self.members.len();
        (0..N_BASES)
            .map(|b| {
                (0..n)
                    .map(|m| match b {
                        0 => 1.0,
                        1 => self.fte[m],
                        _ => self.defaults[self.attr_base + m * Attribute::ALL.len() + b - 2],
                    })
                    .collect()
            })
            .collect()
    }

    /// Numbers written per scenario for `shape`.
    #[must_use]
    pub fn len_per_scenario(&self, shape: Shape) -> usize {
        let (c, k) = self.axes(shape);
        self.members.len() * c * k
    }

    fn axes(&self, shape: Shape) -> (usize, usize) {
        match shape {
            Shape::Cells => (self.categories.len(), self.years.len()),
            Shape::MemberYears => (1, self.years.len()),
            Shape::MemberMetric(_) => (1, 1),
        }
    }

    /// Scratch space sized for this study.
    #[must_use]
    pub fn workspace(&self) -> Workspace {
        let n_years = self.years.len();
        let n_members = self.members.len();
        let n_profiles = self.profile_growth.len();
        let n_categories = self.categories.len().max(1);
        Workspace {
            growth: vec![0.0; 3 * n_years],
            discount: vec![0.0; n_years],
            weights: vec![0.0; n_years],
            pmat: vec![0.0; n_profiles * n_years.max(1)],
            participates: vec![false; n_members],
            shares: vec![0.0; n_members],
            raw: vec![0.0; n_members],
            quantity: vec![0.0; N_BASES * n_members],
            total_quantity: [0.0; N_BASES],
            salary: vec![0.0; n_members],
            today: vec![0.0; n_members * self.categories.len()],
            acc: vec![0.0; N_KINDS * n_categories * n_years.max(1)],
            used: vec![false; N_KINDS * n_categories],
            amounts: vec![0.0; self.derived.len()],
        }
    }

    /// Discount factor per year index for the given parameters: year `t`
    /// is divided by the product of `1 + r` over the years before it.
    fn discount_into(&self, params: &[f64], out: &mut [f64]) {
        let mut factor = 1.0;
        for (t, slot) in out.iter_mut().enumerate() {
            *slot = factor;
            let rate = self.step_in_year[t].map_or(0.0, |s| params[self.disc_base + s] / 100.0);
            factor /= 1.0 + rate;
        }
    }

    /// Discount factors of the study's own rates.
    #[must_use]
    pub fn discount_factors(&self, params: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; self.years.len()];
        if params.len() == self.defaults.len() {
            self.discount_into(params, &mut out);
        }
        out
    }

    /// Evaluates `scenarios` with `params` (a full parameter vector) for
    /// the members in `coalition` (all when `None`), writing `shape`'s
    /// figures for each scenario in turn into `out`
    /// (`scenarios.len() × len_per_scenario(shape)` numbers). Members outside
    /// a scenario get 0.
    ///
    /// # Errors
    /// [`RunError`]; `out` then holds no meaningful figures.
    pub fn run(
        &self,
        params: &[f64],
        coalition: Option<&[bool]>,
        scenarios: &[usize],
        shape: Shape,
        ws: &mut Workspace,
        out: &mut [f64],
    ) -> Result<(), RunError> {
        let per = self.len_per_scenario(shape);
        if params.len() != self.defaults.len()
            || coalition.is_some_and(|c| c.len() != self.members.len())
            || out.len() != per * scenarios.len()
        {
            return Err(RunError::Length);
        }
        self.run_each(params, coalition, scenarios, shape, ws, out)
    }

    /// [`PreparedStudy::run`] after its length checks: a scenario that
    /// fails leaves NaN in its own figures only and the others are still
    /// evaluated (a batch item's today's figures survive a key that weighs
    /// nothing over its coalition); the first error is returned.
    fn run_each(
        &self,
        params: &[f64],
        coalition: Option<&[bool]>,
        scenarios: &[usize],
        shape: Shape,
        ws: &mut Workspace,
        out: &mut [f64],
    ) -> Result<(), RunError> {
        let per = self.len_per_scenario(shape);
        if let Err(e) = self.prepare_axis(params, shape, ws) {
            out.fill(f64::NAN);
            return Err(e);
        }
        let mut first = Ok(());
        for (&s, chunk) in scenarios.iter().zip(out.chunks_mut(per.max(1))) {
            if let Err(e) = self.run_scenario(s, params, coalition, shape, ws, chunk) {
                chunk.fill(f64::NAN);
                if first.is_ok() {
                    first = Err(e);
                }
            }
        }
        first
    }

    /// Growth series, discount factors and the per-profile axis values.
    fn prepare_axis(&self, params: &[f64], shape: Shape, ws: &mut Workspace) -> Result<(), RunError> {
        let n_years = self.years.len();
        for (slot, d) in ws.amounts.iter_mut().zip(&self.derived) {
            *slot = d.eval(params);
        }
        // Salaries with social costs (they depend on the parameters only, not
        // on the scenario), then today's costs with a member's linked
        // category from its staffing.
        for (m, salary) in ws.salary.iter_mut().enumerate() {
            *salary = if self.has_salary[m] {
                let base = self.salary_base + 3 * m;
                let (nok, tax, pension) = (params[base], params[base + 1], params[base + 2]);
                Salary::with_social_costs(nok, tax, pension)
            } else {
                f64::NAN
            };
        }
        let n_categories = self.categories.len();
        ws.today
            .copy_from_slice(&params[self.today_base..][..self.members.len() * n_categories]);
        for (m, link) in self.today_link.iter().enumerate() {
            if let Some(c) = *link {
                ws.today[m * n_categories + c] = self.fte[m] * ws.salary[m];
            }
        }
        for (g, rate) in [params[0], params[1], 0.0].into_iter().enumerate() {
            let mut factor = 1.0;
            for slot in &mut ws.growth[g * n_years..][..n_years] {
                *slot = factor;
                factor *= 1.0 + rate / 100.0;
            }
        }
        let (_, k) = self.axes(shape);
        let n_profiles = self.profile_growth.len();
        match shape {
            Shape::Cells | Shape::MemberYears => {
                for p in 0..n_profiles {
                    let growth = &ws.growth[self.profile_growth[p] * n_years..][..n_years];
                    let due = &self.profile_due[p * n_years..][..n_years];
                    for ((slot, d), g) in ws.pmat[p * k..][..k].iter_mut().zip(due).zip(growth) {
                        *slot = d * g;
                    }
                }
            }
            Shape::MemberMetric(metric) => {
                ws.weights.fill(0.0);
                match metric {
                    Metric::Annual(year) => {
                        let index = year
                            .checked_sub(*self.years.first().ok_or(RunError::YearNotAnalysed)?)
                            .and_then(|i| usize::try_from(i).ok())
                            .filter(|i| *i < n_years)
                            .ok_or(RunError::YearNotAnalysed)?;
                        ws.weights[index] = 1.0;
                    }
                    Metric::HorizonSum => ws.weights.fill(1.0),
                    Metric::PresentValue | Metric::AnnualEquivalent => {
                        self.discount_into(params, &mut ws.discount);
                        let scale = if metric == Metric::AnnualEquivalent {
                            1.0 / ws.discount.iter().sum::<f64>()
                        } else {
                            1.0
                        };
                        for (w, d) in ws.weights.iter_mut().zip(&ws.discount) {
                            *w = d * scale;
                        }
                    }
                }
                for p in 0..n_profiles {
                    let growth = &ws.growth[self.profile_growth[p] * n_years..][..n_years];
                    let due = &self.profile_due[p * n_years..][..n_years];
                    ws.pmat[p] = due
                        .iter()
                        .zip(growth)
                        .zip(&ws.weights)
                        .map(|((d, g), w)| d * g * w)
                        .sum();
                }
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_lines)]
    fn run_scenario(
        &self,
        s: usize,
        params: &[f64],
        coalition: Option<&[bool]>,
        shape: Shape,
        ws: &mut Workspace,
        out: &mut [f64],
    ) -> Result<(), RunError> {
        let scenario = self.scenarios.get(s).ok_or(RunError::NoScenario(s))?;
        let n_members = self.members.len();
        let n_categories = self.categories.len();
        let (n_c, k) = self.axes(shape);
        out.fill(0.0);
        let mut n_participants = 0usize;
        for m in 0..n_members {
            let takes_part = scenario.participants[m] && coalition.is_none_or(|c| c[m]);
            ws.participates[m] = takes_part;
            n_participants += usize::from(takes_part);
        }
        ws.shares.fill(0.0);
        if n_participants == 0 {
            return Ok(());
        }

        // Driver quantities and totals of the participants.
        ws.total_quantity = [0.0; N_BASES];
        for m in 0..n_members {
            if !ws.participates[m] {
                continue;
            }
            let q = &mut ws.quantity;
            q[m] = 1.0;
            q[n_members + m] = self.fte[m];
            for a in 0..Attribute::ALL.len() {
                q[(2 + a) * n_members + m] = params[self.attr_base + m * Attribute::ALL.len() + a];
            }
            for b in 0..N_BASES {
                ws.total_quantity[b] += q[b * n_members + m];
            }
        }

        if let Some(parts) = &scenario.key {
            self.key_shares(parts, params, ws)
                .ok_or(RunError::Key { scenario: s })?;
        }

        // One pass over the lines: sum per kind and category. Shared lines
        // carry the organisation's overhead; a shared salary is its
        // employer's.
        let (overhead, org_salary) = scenario.organisation.map_or((1.0, f64::NAN), |o| {
            (o.overhead, o.salary(self.salary_base, params))
        });
        let row = n_c * k;
        ws.acc[..N_KINDS * row].fill(0.0);
        ws.used[..N_KINDS * n_c].fill(false);
        for line in &scenario.lines {
            let c = if n_c == 1 { 0 } else { line.category };
            let line_amount = if line.from_salary && matches!(line.payer, LinePayer::Shared) {
                org_salary
            } else {
                line_amount(line, params, &ws.amounts)
            };
            let profile = &ws.pmat[line.profile * k..][..k];
            let total = if line.lump {
                1.0
            } else {
                ws.total_quantity[line.basis]
            };
            match line.payer {
                LinePayer::Shared => {
                    let unit = line_amount * line.quantity * total * overhead;
                    ws.used[c] = true;
                    axpy(&mut ws.acc[c * k..][..k], unit, profile);
                }
                LinePayer::EachMember => {
                    let (kind, unit) = if line.from_salary {
                        (1 + N_BASES + line.basis, line.quantity)
                    } else {
                        (1 + line.basis, line_amount * line.quantity)
                    };
                    ws.used[kind * n_c + c] = true;
                    axpy(&mut ws.acc[(kind * n_c + c) * k..][..k], unit, profile);
                }
                LinePayer::Member(p) => {
                    if !ws.participates[p] {
                        continue;
                    }
                    let amount = if line.from_salary {
                        ws.salary[p]
                    } else {
                        line_amount
                    };
                    axpy(
                        &mut out[(p * n_c + c) * k..][..k],
                        amount * line.quantity * total,
                        profile,
                    );
                }
            }
        }

        // Per member: coefficient × summed vector, for the kinds in use.
        for kind in 0..N_KINDS {
            for c in 0..n_c {
                if !ws.used[kind * n_c + c] {
                    continue;
                }
                let acc = &ws.acc[(kind * n_c + c) * k..][..k];
                for m in 0..n_members {
                    if !ws.participates[m] {
                        continue;
                    }
                    let coefficient = match kind {
                        0 => ws.shares[m],
                        k if k <= N_BASES => ws.quantity[(k - 1) * n_members + m],
                        k => ws.quantity[(k - 1 - N_BASES) * n_members + m] * ws.salary[m],
                    };
                    if coefficient != 0.0 {
                        axpy(&mut out[(m * n_c + c) * k..][..k], coefficient, acc);
                    }
                }
            }
        }

        // Today's operation: each member's own costs, growing by category.
        if scenario.with_baseline {
            for m in 0..n_members {
                if !ws.participates[m] {
                    continue;
                }
                for c in 0..n_categories {
                    let amount = ws.today[m * n_categories + c];
                    if amount != 0.0 {
                        let profile = &ws.pmat[self.category_growth[c] * k..][..k];
                        let slot = if n_c == 1 { 0 } else { c };
                        axpy(&mut out[(m * n_c + slot) * k..][..k], amount, profile);
                    }
                }
            }
        }
        Ok(())
    }

    /// Shares of the participants under a flattened key, into `ws.shares`;
    /// `None` when a part has no positive weight over them.
    fn key_shares(&self, parts: &[(f64, SimpleRule)], params: &[f64], ws: &mut Workspace) -> Option<()> {
        let n_members = self.members.len();
        let n_categories = self.categories.len();
        let n_attributes = Attribute::ALL.len();
        for (weight, rule) in parts {
            let mut sum = 0.0;
            for m in 0..n_members {
                let raw = if ws.participates[m] {
                    match rule {
                        SimpleRule::Equal => 1.0,
                        SimpleRule::Attribute(a) => params[self.attr_base + m * n_attributes + a],
                        SimpleRule::TodaysCost => ws.today[m * n_categories..][..n_categories].iter().sum(),
                        SimpleRule::Fixed(w) => w[m],
                        SimpleRule::FixedSlots(base) => params[base + m],
                    }
                } else {
                    0.0
                };
                if !raw.is_finite() || raw < 0.0 {
                    return None;
                }
                ws.raw[m] = raw;
                sum += raw;
            }
            if !(sum > 0.0 && sum.is_finite()) {
                return None;
            }
            for m in 0..n_members {
                ws.shares[m] += weight * ws.raw[m] / sum;
            }
        }
        let total: f64 = ws.shares.iter().sum();
        if !(total > 0.0 && total.is_finite()) {
            return None;
        }
        for share in &mut ws.shares {
            *share /= total;
        }
        Some(())
    }

    /// Where `member`'s cost in `scenario` in year `year_index` comes from:
    /// one contribution per line (and per category of today's costs) that
    /// falls due that year, each `amount × quantity × share × growth`, adding
    /// up to the figure every view shows. Empty when the member is not in
    /// the scenario.
    ///
    /// # Errors
    /// [`RunError`] for a scenario or year out of range (or a key that
    /// cannot be evaluated, which validation rules out).
    pub fn explain(
        &self,
        scenario: usize,
        member: usize,
        year_index: usize,
    ) -> Result<Vec<Contribution>, RunError> {
        let n_years = self.years.len();
        if year_index >= n_years || member >= self.members.len() {
            return Err(RunError::YearNotAnalysed);
        }
        let params = &self.defaults;
        let mut ws = self.workspace();
        let mut cells = vec![0.0; self.len_per_scenario(Shape::Cells)];
        self.prepare_axis(params, Shape::Cells, &mut ws)?;
        self.run_scenario(scenario, params, None, Shape::Cells, &mut ws, &mut cells)?;
        let prepared = &self.scenarios[scenario];
        let mut out = Vec::new();
        if !ws.participates[member] {
            return Ok(out);
        }
        let n = self.members.len();
        let growth_at = |profile: usize| ws.pmat[profile * n_years + year_index];
        for (index, line) in prepared.lines.iter().enumerate() {
            let growth = growth_at(line.profile);
            if growth == 0.0 {
                continue;
            }
            let total = if line.lump {
                1.0
            } else {
                ws.total_quantity[line.basis]
            };
            let fixed = line_amount(line, params, &ws.amounts);
            let own = |m: usize| {
                if line.from_salary { ws.salary[m] } else { fixed }
            };
            let (amount, quantity, share) = match line.payer {
                LinePayer::Shared => {
                    let (amount, overhead) = prepared.organisation.map_or((fixed, 1.0), |o| {
                        let amount = if line.from_salary {
                            o.salary(self.salary_base, params)
                        } else {
                            fixed
                        };
                        (amount, o.overhead)
                    });
                    (amount * overhead, line.quantity * total, ws.shares[member])
                }
                LinePayer::EachMember => (
                    own(member),
                    line.quantity * ws.quantity[line.basis * n + member],
                    1.0,
                ),
                LinePayer::Member(p) if p == member => (own(member), line.quantity * total, 1.0),
                LinePayer::Member(_) => continue,
            };
            let cost = amount * quantity * share * growth;
            if cost != 0.0 {
                out.push(Contribution {
                    origin: Origin::Line(index),
                    category: line.category,
                    amount,
                    quantity,
                    share,
                    growth,
                    cost,
                });
            }
        }
        if prepared.with_baseline {
            let n_categories = self.categories.len();
            for c in 0..n_categories {
                let amount = ws.today[member * n_categories + c];
                let growth = growth_at(self.category_growth[c]);
                if amount != 0.0 {
                    out.push(Contribution {
                        origin: Origin::Baseline(c),
                        category: c,
                        amount,
                        quantity: 1.0,
                        share: 1.0,
                        growth,
                        cost: amount * growth,
                    });
                }
            }
        }
        Ok(out)
    }

    /// Where a figure under a metric comes from: per line (and per category
    /// of today's costs) the contributions of every year in `weights`
    /// (`(year index, weight)`: weight 1 for one year or the sum over the
    /// horizon, the discount factor for present value, see
    /// [`super::Evaluation::year_weights`]), for one member or (`None`)
    /// every participant together. A row's `growth` is then its year
    /// factor `Σ weight × growth`, and `cost = amount × quantity × share ×
    /// growth` still holds; the costs add up to the figure.
    ///
    /// Across members a line keeps its amount when it is the same for all
    /// (a shared line: the shares add up; a line each member pays for its
    /// own units: the quantities add up); today's costs and salary lines,
    /// whose amounts differ per member, become one amount with quantity
    /// and share 1.
    ///
    /// # Errors
    /// As [`PreparedStudy::explain`].
    pub fn explain_weighted(
        &self,
        scenario: usize,
        member: Option<usize>,
        weights: &[(usize, f64)],
    ) -> Result<Vec<Contribution>, RunError> {
        let members: Vec<usize> = match member {
            Some(m) => vec![m],
            None => (0..self.members.len()).collect(),
        };
        let order = |o: &Origin| match *o {
            Origin::Line(i) => (0, i),
            Origin::Baseline(c) => (1, c),
        };
        let mut per_member: Vec<Vec<Contribution>> = Vec::with_capacity(members.len());
        for m in members {
            let mut acc: Vec<Contribution> = Vec::new();
            for &(y, w) in weights {
                for c in self.explain(scenario, m, y)? {
                    if let Some(a) = acc.iter_mut().find(|a| a.origin == c.origin) {
                        a.growth += w * c.growth;
                        a.cost += w * c.cost;
                    } else {
                        acc.push(Contribution {
                            growth: w * c.growth,
                            cost: w * c.cost,
                            ..c
                        });
                    }
                }
            }
            acc.sort_by_key(|c| order(&c.origin));
            per_member.push(acc);
        }
        if per_member.len() == 1 {
            return Ok(per_member.pop().unwrap_or_default());
        }
        let mut origins: Vec<Origin> = per_member.iter().flatten().map(|c| c.origin).collect();
        origins.sort_by_key(order);
        origins.dedup();
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
        Ok(origins
            .into_iter()
            .filter_map(|origin| {
                let parts: Vec<&Contribution> = per_member
                    .iter()
                    .flatten()
                    .filter(|c| c.origin == origin)
                    .collect();
                let first = *parts.first()?;
                let cost = parts.iter().map(|c| c.cost).sum();
                let (amount, quantity, share) = if parts.iter().all(|c| close(c.amount, first.amount)) {
                    if parts.iter().all(|c| close(c.quantity, first.quantity)) {
                        (first.amount, first.quantity, parts.iter().map(|c| c.share).sum())
                    } else {
                        (
                            first.amount,
                            parts.iter().map(|c| c.quantity * c.share).sum(),
                            1.0,
                        )
                    }
                } else {
                    (
                        parts.iter().map(|c| c.amount * c.quantity * c.share).sum(),
                        1.0,
                        1.0,
                    )
                };
                Some(Contribution {
                    origin,
                    category: first.category,
                    amount,
                    quantity,
                    share,
                    growth: first.growth,
                    cost,
                })
            })
            .collect())
    }

    /// Every figure of the study with its own values: the [`Evaluation`]
    /// every view shows.
    ///
    /// # Errors
    /// [`RunError`] only if a key fails, which validation rules out.
    pub fn evaluation(&self) -> Result<Evaluation, RunError> {
        let mut ws = self.workspace();
        let per = self.len_per_scenario(Shape::Cells);
        let mut results = Vec::with_capacity(self.scenarios.len());
        self.prepare_axis(&self.defaults, Shape::Cells, &mut ws)?;
        for (s, scenario) in self.scenarios.iter().enumerate() {
            let mut cost = vec![0.0; per];
            self.run_scenario(s, &self.defaults, None, Shape::Cells, &mut ws, &mut cost)?;
            results.push(ScenarioResult {
                id: self.scenario_ids[s].clone(),
                name: self.scenario_names[s].clone(),
                kind: scenario.kind,
                colour: self.scenario_colours[s],
                participates: scenario.participants.clone(),
                key_shares: ws.shares.clone(),
                cost,
            });
        }
        Ok(Evaluation {
            years: self.years.clone(),
            members: self.members.clone(),
            categories: self.categories.clone(),
            scenarios: results,
            today: self.today,
            report: self.report.clone(),
            discount_factors: self.discount_factors(&self.defaults),
        })
    }

    /// Evaluates `n` items across all cores. For item `i`, `fill(i, params,
    /// coalition)` gets the defaults and a coalition of all members to
    /// change; the item's figures (as [`PreparedStudy::run`] writes them)
    /// go to `out[i * item_len ..]`, where `item_len = scenarios.len() ×
    /// len_per_scenario(shape)`. A scenario that cannot be evaluated for an
    /// item (its key weighs nothing over that coalition) is NaN in that
    /// item only; the item's other scenarios keep their figures.
    ///
    /// Deterministic: every item depends on its index only, so the output
    /// is bit-identical whatever the number of threads.
    pub fn run_batch<F>(
        &self,
        n: usize,
        scenarios: &[usize],
        shape: Shape,
        fill: F,
        out: &mut [f64],
    ) -> BatchReport
    where
        F: Fn(usize, &mut [f64], &mut [bool]) + Sync,
    {
        let item_len = scenarios.len() * self.len_per_scenario(shape);
        if item_len == 0 || out.len() != n * item_len {
            return BatchReport {
                failed: n,
                first_failure: Some((0, RunError::Length)),
            };
        }
        let failures: Vec<(usize, RunError)> = out
            .par_chunks_mut(item_len)
            .enumerate()
            .with_min_len(16)
            .map_init(
                || {
                    (
                        self.workspace(),
                        self.defaults.clone(),
                        vec![true; self.members.len()],
                    )
                },
                |(ws, params, coalition), (i, chunk)| {
                    params.copy_from_slice(&self.defaults);
                    coalition.fill(true);
                    fill(i, params, coalition);
                    self.run_each(params, Some(coalition), scenarios, shape, ws, chunk)
                        .err()
                        .map(|e| (i, e))
                },
            )
            .flatten()
            .collect();
        BatchReport {
            failed: failures.len(),
            first_failure: failures.first().copied(),
        }
    }
}

/// Where a contribution to a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Today's cost of a category (index into the study's categories).
    Baseline(usize),
    /// A cost line of the scenario (index into its lines).
    Line(usize),
}

/// One line's part of a member's cost in one year:
/// `cost = amount × quantity × share × growth`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution {
    /// The line or today's cost it comes from.
    pub origin: Origin,
    /// Its category (index).
    pub category: usize,
    /// NOK per unit (the member's salary with social costs for a salary line).
    pub amount: f64,
    /// Units: the line's quantity times its driver (the participants'
    /// total for a shared or one-payer line, the member's own otherwise).
    pub quantity: f64,
    /// The member's key share (1 when the line is not shared).
    pub share: f64,
    /// The growth factor of the year (the line falls due in it).
    pub growth: f64,
    /// The product: what the member pays for it that year.
    pub cost: f64,
}

/// What went wrong in a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchReport {
    /// Items that could not be evaluated (their figures are NaN).
    pub failed: usize,
    /// The lowest-numbered failed item and why.
    pub first_failure: Option<(usize, RunError)>,
}

fn axpy(y: &mut [f64], a: f64, x: &[f64]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// Flattens a key rule into weighted simple parts; `None` for a rule that
/// validation rejects (an empty mix, weights that do not add up to
/// anything, an unknown member).
fn flatten_key(
    rule: &KeyRule,
    weight: f64,
    member_index: &HashMap<&MemberId, usize>,
    n_members: usize,
    out: &mut Vec<(f64, SimpleRule)>,
) -> Option<()> {
    match rule {
        KeyRule::Equal => out.push((weight, SimpleRule::Equal)),
        KeyRule::Proportional(a) => out.push((weight, SimpleRule::Attribute(a.index()))),
        KeyRule::TodaysCost => out.push((weight, SimpleRule::TodaysCost)),
        KeyRule::Fixed(weights) => {
            let mut dense = vec![0.0; n_members];
            for (id, w) in weights {
                // Weights of ids that are not members are ignored, as the
                // key evaluation over participants does.
                if let Some(&m) = member_index.get(id) {
                    dense[m] = *w;
                }
            }
            out.push((weight, SimpleRule::Fixed(dense)));
        }
        KeyRule::Mix(parts) => {
            let sum: f64 = parts.iter().map(|p| p.weight).sum();
            if parts.is_empty() || !(sum > 0.0 && sum.is_finite()) {
                return None;
            }
            for part in parts {
                if part.weight != 0.0 {
                    flatten_key(
                        &part.rule,
                        weight * part.weight / sum,
                        member_index,
                        n_members,
                        out,
                    )?;
                }
            }
        }
    }
    Some(())
}
