//! The plain engine: every line evaluated one by one, as the engine was
//! first written. Kept as an independent check of the prepared engine
//! (the property tests compare the two on arbitrary studies) and as the
//! "before" figure of `samdrift bench`. Nothing else uses it.

use std::collections::HashMap;

use super::{EngineError, Evaluation, ScenarioResult};
use crate::model::{
    AmountFrom, CategoryId, Driver, Growth, KeyRule, MemberId, Payer, Report, Salary, Study, Timing, keys,
    validate,
};

/// Validates and evaluates the study line by line.
///
/// # Errors
/// [`EngineError::Invalid`] with the whole report when validation finds
/// errors.
pub fn evaluate_line_by_line(study: &Study) -> Result<Evaluation, EngineError> {
    let report = validate(study);
    if report.has_errors() {
        return Err(EngineError::Invalid(report));
    }
    // Fleets as the ordinary lines they stand for, amounts computed from
    // the study's own inputs.
    compute(&study.with_fleet_lines(), report)
}

/// Growth factor per year index for each kind of growth.
struct GrowthFactors {
    wages: Vec<f64>,
    prices: Vec<f64>,
    none: Vec<f64>,
}

impl GrowthFactors {
    fn new(study: &Study, years: usize) -> Self {
        let series = |percent: f64| {
            let mut factor = 1.0;
            (0..years)
                .map(|_| {
                    let current = factor;
                    factor *= 1.0 + percent / 100.0;
                    current
                })
                .collect()
        };
        GrowthFactors {
            wages: series(study.assumptions.real_wage_growth_percent),
            prices: series(study.assumptions.real_price_growth_percent),
            none: vec![1.0; years],
        }
    }

    fn get(&self, growth: Growth) -> &[f64] {
        match growth {
            Growth::Wages => &self.wages,
            Growth::Prices => &self.prices,
            Growth::None => &self.none,
        }
    }
}

/// Discount factor per year index: year `t` is divided by the product of
/// `1 + r` over the years before it, `r` being the rate of the step that
/// applies in that year (so stepped rates work).
fn discount_factors(study: &Study, n_years: usize) -> Vec<f64> {
    let steps = &study.assumptions.discount.steps;
    let rate = |year_index: usize| {
        steps
            .iter()
            .filter(|s| usize::try_from(s.from_year_index).unwrap_or(usize::MAX) <= year_index)
            .max_by_key(|s| s.from_year_index)
            .map_or(0.0, |s| s.percent / 100.0)
    };
    let mut factor = 1.0;
    (0..n_years)
        .map(|t| {
            let current = factor;
            factor /= 1.0 + rate(t);
            current
        })
        .collect()
}

/// A shared line's amount per unit with the organisation's effects: a
/// salary is the employer's (with its rates unless the organisation gives
/// its own), and the body's overhead is on everything it shares. `None`
/// when a salary line has no employer with a salary.
fn shared_unit(
    study: &Study,
    scenario: &crate::model::Scenario,
    line: &crate::model::CostLine,
    member_index: &HashMap<&MemberId, usize>,
) -> Option<f64> {
    let organisation = scenario.organisation.as_ref();
    let amount = match (line.amount_from, organisation) {
        (AmountFrom::Fixed, _) => line.amount_nok,
        (AmountFrom::SalaryWithSocialCosts, Some(org)) => {
            let s = study.members[*member_index.get(&org.employer)?].salary.as_ref()?;
            org.salary_with_social_costs(s.nok_per_fte, s.employer_tax_percent, s.pension_percent)
        }
        (AmountFrom::SalaryWithSocialCosts, None) => return None,
    };
    let overhead = organisation.map_or(1.0, crate::model::organisation::Organisation::overhead_factor);
    Some(amount * line.quantity * overhead)
}

/// The arithmetic, on a study that validated without errors. Anything that
/// validation should have caught is still answered with an error, never a
/// panic.
fn compute(study: &Study, report: Report) -> Result<Evaluation, EngineError> {
    let years: Vec<i32> = study.assumptions.years().collect();
    let n_years = years.len();
    let members: Vec<MemberId> = study.members.iter().map(|m| m.id.clone()).collect();
    let categories: Vec<CategoryId> = study.categories.iter().map(|c| c.id.clone()).collect();
    let member_index: HashMap<&MemberId, usize> = members.iter().enumerate().map(|(i, m)| (m, i)).collect();
    let category_index: HashMap<&CategoryId, usize> =
        categories.iter().enumerate().map(|(i, c)| (c, i)).collect();
    let growth = GrowthFactors::new(study, n_years);
    let stride_member = categories.len() * n_years;
    let invalid = |report: &Report| EngineError::Invalid(report.clone());

    // Lines that share category, timing and growth share a year profile, so
    // their per-member amounts are summed first and spread over the years
    // once per group: the year loop runs per group, not per line.
    let mut profile = vec![0.0; n_years];
    let mut quantities = vec![0.0; members.len()];
    let mut group_of: HashMap<(usize, &Timing, Growth), usize> = HashMap::new();
    let mut group_keys: Vec<(usize, &Timing, Growth)> = Vec::new();
    let mut group_bases: Vec<f64> = Vec::new();

    let mut results = Vec::with_capacity(study.scenarios.len());
    for scenario in &study.scenarios {
        let participant_ids = study.participants(scenario);
        let mut participates = vec![false; members.len()];
        let participant_idx: Vec<usize> = participant_ids
            .iter()
            .map(|id| member_index.get(id).copied().ok_or_else(|| invalid(&report)))
            .collect::<Result<_, _>>()?;
        for &m in &participant_idx {
            participates[m] = true;
        }
        let mut key_shares = vec![0.0; members.len()];
        if let Some(key_id) = &scenario.key {
            let rule = study.key(key_id).map_or(&KeyRule::Equal, |k| &k.rule);
            let shares = keys::shares(study, rule, &participant_ids).map_err(|_| invalid(&report))?;
            for (&m, share) in participant_idx.iter().zip(shares) {
                key_shares[m] = share;
            }
        }
        let mut cost = vec![0.0; members.len() * stride_member];

        if scenario.includes_todays_costs() {
            // As typed, or from the staffing where a salary is linked.
            for (category, member, amount) in study.todays_cells() {
                let c = *category_index.get(category).ok_or_else(|| invalid(&report))?;
                let factors = growth.get(study.categories[c].growth);
                let m = *member_index.get(member).ok_or_else(|| invalid(&report))?;
                if !participates[m] {
                    continue;
                }
                let row = &mut cost[m * stride_member + c * n_years..][..n_years];
                for (cell, f) in row.iter_mut().zip(factors) {
                    *cell += amount * f;
                }
            }
        }

        group_of.clear();
        group_keys.clear();
        group_bases.clear();
        for line in &scenario.lines {
            let c = *category_index
                .get(&line.category)
                .ok_or_else(|| invalid(&report))?;
            let group = *group_of.entry((c, &line.timing, line.growth)).or_insert_with(|| {
                group_keys.push((c, &line.timing, line.growth));
                group_bases.resize(group_bases.len() + members.len(), 0.0);
                group_keys.len() - 1
            });
            let base = &mut group_bases[group * members.len()..][..members.len()];
            // Driver quantity per participant.
            for &m in &participant_idx {
                quantities[m] = match line.driver {
                    Driver::Lump | Driver::Members => 1.0,
                    Driver::Fte => study.members[m].filled_fte(),
                    Driver::Attribute(attribute) => study.members[m]
                        .attribute(attribute)
                        .map(|q| q.value)
                        .ok_or_else(|| invalid(&report))?,
                };
            }
            let total_quantity = if line.driver == Driver::Lump {
                1.0
            } else {
                participant_idx.iter().map(|&m| quantities[m]).sum()
            };
            // Amount per unit for the member who pays it.
            let unit = |m: usize| -> Result<f64, EngineError> {
                let amount = match line.amount_from {
                    AmountFrom::Fixed => line.amount_nok,
                    AmountFrom::SalaryWithSocialCosts => study.members[m]
                        .salary
                        .as_ref()
                        .map(Salary::with_social_costs_nok_per_fte)
                        .ok_or_else(|| invalid(&report))?,
                };
                Ok(amount * line.quantity)
            };
            match &line.payer {
                Payer::Shared => {
                    let unit =
                        shared_unit(study, scenario, line, &member_index).ok_or_else(|| invalid(&report))?;
                    for &m in &participant_idx {
                        base[m] += unit * total_quantity * key_shares[m];
                    }
                }
                Payer::EachMember => {
                    for &m in &participant_idx {
                        base[m] += unit(m)? * quantities[m];
                    }
                }
                Payer::Member(id) => {
                    let m = *member_index.get(id).ok_or_else(|| invalid(&report))?;
                    base[m] += unit(m)? * total_quantity;
                }
            }
        }
        for (group, &(c, timing, line_growth)) in group_keys.iter().enumerate() {
            let factors = growth.get(line_growth);
            for ((p, year), f) in profile.iter_mut().zip(&years).zip(factors) {
                *p = if timing.is_due(*year) { *f } else { 0.0 };
            }
            let base = &group_bases[group * members.len()..][..members.len()];
            for &m in &participant_idx {
                let b = base[m];
                if b == 0.0 {
                    continue;
                }
                let row = &mut cost[m * stride_member + c * n_years..][..n_years];
                for (cell, p) in row.iter_mut().zip(&profile) {
                    *cell += b * p;
                }
            }
        }
        results.push(ScenarioResult {
            id: scenario.id.clone(),
            name: scenario.name.clone(),
            kind: scenario.kind,
            colour: scenario.colour,
            participates,
            key_shares,
            cost,
        });
    }
    let today = study.today();
    Ok(Evaluation {
        years,
        members,
        categories,
        scenarios: results,
        today,
        report,
        discount_factors: discount_factors(study, n_years),
    })
}
