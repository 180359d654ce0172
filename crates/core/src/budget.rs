//! The municipal budget (økonomiplan): what an option does to each
//! member's operating budget (drift) and investment budget (investering)
//! year by year, against today's operation. Operating costs are entered
//! with or without VAT (a study setting); the VAT on them is compensated
//! except the scenario's share that is not (a joint body selling in
//! competition). An investment line (see [`crate::model::budget`]) goes to
//! the investment budget in the year it falls due, financed by a loan or
//! own funds; the operating budget carries the loan's interest and the
//! minimum repayment of kommuneloven § 14-18 on the member's share of the
//! assets and loans the option brings.

use crate::engine::{Origin, PreparedStudy};
use crate::model::Study;
use crate::model::budget::{CapitalYears, Funding, VAT_PERCENT};

/// One member's (or all members') budget in one year.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BudgetYear {
    /// Operating expenses, VAT included.
    pub operating: f64,
    /// VAT on the operating expenses that is compensated (income).
    pub vat_compensation: f64,
    /// Interest on the loans.
    pub interest: f64,
    /// The minimum repayment (§ 14-18), an operating cost.
    pub repayment: f64,
    /// Investment expenses (without VAT: compensated VAT on investments
    /// finances the investment budget).
    pub investment: f64,
    /// Investments financed by loans.
    pub loan: f64,
    /// Investments financed by own funds or a reserve fund.
    pub own_funds: f64,
}

impl BudgetYear {
    /// The effect on the operating budget: expenses less VAT compensation,
    /// plus interest and repayment.
    #[must_use]
    pub fn net_operating(&self) -> f64 {
        self.operating - self.vat_compensation + self.interest + self.repayment
    }

    fn minus(self, other: BudgetYear) -> BudgetYear {
        BudgetYear {
            operating: self.operating - other.operating,
            vat_compensation: self.vat_compensation - other.vat_compensation,
            interest: self.interest - other.interest,
            repayment: self.repayment - other.repayment,
            investment: self.investment - other.investment,
            loan: self.loan - other.loan,
            own_funds: self.own_funds - other.own_funds,
        }
    }

    fn plus(self, other: BudgetYear) -> BudgetYear {
        self.minus(other.minus(BudgetYear::default()).negated())
    }

    fn negated(self) -> BudgetYear {
        BudgetYear::default().minus(self)
    }
}

/// A scenario's budget against today's operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    /// The scenario (index).
    pub scenario: usize,
    /// The calendar years.
    pub years: Vec<i32>,
    /// Per member (study order) and year: the option less today.
    pub members: Vec<Vec<BudgetYear>>,
}

impl Budget {
    /// All members together in year `y`.
    #[must_use]
    pub fn all(&self, y: usize) -> BudgetYear {
        self.members
            .iter()
            .fold(BudgetYear::default(), |sum, m| sum.plus(m[y]))
    }
}

/// Why a budget could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BudgetError {
    /// The study has errors.
    #[error("the study has errors")]
    Invalid(crate::model::Report),
    /// No today's operation, or the scenario does not exist.
    #[error("no such scenario, or no today's operation")]
    NoScenario,
}

impl From<crate::engine::EngineError> for BudgetError {
    fn from(crate::engine::EngineError::Invalid(report): crate::engine::EngineError) -> Self {
        BudgetError::Invalid(report)
    }
}

/// One scenario's budget per member and year (not yet against today).
fn scenario_budget(study: &Study, prepared: &PreparedStudy, scenario: usize) -> Vec<Vec<BudgetYear>> {
    let n = prepared.members().len();
    let years = prepared.years().len();
    let def = &study.scenarios[scenario];
    let fleet = crate::model::fleet::fleet_lines(study, def);
    let include = study.assumptions.amounts_include_vat;
    let uncompensated = def.vat_not_compensated_percent / 100.0;
    let vat = VAT_PERCENT / 100.0;
    (0..n)
        .map(|m| {
            let mut budget = vec![BudgetYear::default(); years];
            let mut capital = CapitalYears::zero(years);
            for (y, year) in budget.iter_mut().enumerate() {
                for c in prepared.explain(scenario, m, y).unwrap_or_default() {
                    let investment = match c.origin {
                        Origin::Line(l) => def.lines.get(l).map_or_else(
                            || {
                                fleet
                                    .get(l - def.lines.len())
                                    .and_then(|f| f.line.investment.as_ref())
                            },
                            |line| line.investment.as_ref(),
                        ),
                        Origin::Baseline(_) => None,
                    };
                    if let Some(inv) = investment {
                        year.investment += c.cost;
                        match inv.funding {
                            Funding::Loan { .. } => year.loan += c.cost,
                            Funding::OwnFunds | Funding::ReserveFund => year.own_funds += c.cost,
                        }
                        capital.add(c.cost, y, inv);
                    } else {
                        // The VAT in the amount: a quarter of it on top, or
                        // a fifth of it when it is included.
                        let (gross, vat_part) = if include {
                            (c.cost, c.cost * vat / (1.0 + vat))
                        } else {
                            (c.cost * (1.0 + vat), c.cost * vat)
                        };
                        year.operating += gross;
                        year.vat_compensation += vat_part * (1.0 - uncompensated);
                    }
                }
            }
            let repayments = capital.minimum_repayments();
            for (y, year) in budget.iter_mut().enumerate() {
                year.interest = capital.interest[y];
                year.repayment = repayments[y];
            }
            budget
        })
        .collect()
}

/// `scenario`'s budget against today's operation, per member and year.
///
/// # Errors
/// [`BudgetError`] when the study has errors or the scenario is not there.
pub fn budget(study: &Study, scenario: usize) -> Result<Budget, BudgetError> {
    let prepared = PreparedStudy::prepare(study)?;
    let today = prepared.today().ok_or(BudgetError::NoScenario)?;
    if scenario >= prepared.scenario_count() {
        return Err(BudgetError::NoScenario);
    }
    let option = scenario_budget(study, &prepared, scenario);
    let base = scenario_budget(study, &prepared, today);
    Ok(Budget {
        scenario,
        years: prepared.years().to_vec(),
        members: option
            .into_iter()
            .zip(base)
            .map(|(o, t)| o.into_iter().zip(t).map(|(a, b)| a.minus(b)).collect())
            .collect(),
    })
}

/// The budget with one of its own numbers at the ends of its range.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetRange {
    /// The input (a loan's rate or the share of VAT not compensated).
    pub input: crate::model::InputRef,
    /// The low end of its range.
    pub low: f64,
    /// The high end.
    pub high: f64,
    /// The budget with the input at `low`.
    pub at_low: Budget,
    /// The budget with the input at `high`.
    pub at_high: Budget,
}

/// For each range the study puts on `scenario`'s budget numbers (its
/// loans' rates, its share of VAT not compensated), the budget at both
/// ends, in the order of the study's ranges. The costs compared do not
/// move with them; the budget does.
///
/// # Errors
/// As [`budget`].
pub fn budget_ranges(study: &Study, scenario: usize) -> Result<Vec<BudgetRange>, BudgetError> {
    let Some(id) = study.scenarios.get(scenario).map(|s| &s.id) else {
        return Err(BudgetError::NoScenario);
    };
    let mut out = Vec::new();
    for range in &study.uncertainties {
        if range.input.budget_scenario() != Some(id) {
            continue;
        }
        let (low, high) = range.range.bounds();
        let at = |value: f64| -> Result<Option<Budget>, BudgetError> {
            let mut changed = study.clone();
            if !range.input.set_in(&mut changed, value) {
                return Ok(None);
            }
            budget(&changed, scenario).map(Some)
        };
        if let (Some(at_low), Some(at_high)) = (at(low)?, at(high)?) {
            out.push(BudgetRange {
                input: range.input.clone(),
                low,
                high,
                at_low,
                at_high,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::model::budget::Investment;
    use crate::model::{CostLine, Payer, Timing};

    /// Three members paying 100 000 a year today (no growth, amounts
    /// without VAT); the joint scenario shares 240 000 a year and an
    /// investment of 500 000 in the first year by a fixed key of 40/35/25,
    /// the investment written down over 5 years and financed by a 5-year
    /// serial loan at 4 %.
    fn study() -> Study {
        let mut study = crate::model::examples::three_members_agreed_key();
        let first = study.assumptions.first_year;
        let joint = &mut study.scenarios[1];
        let base = joint.lines[0].clone();
        joint.lines = vec![
            CostLine {
                amount_nok: 240_000.0,
                payer: Payer::Shared,
                ..base.clone()
            },
            CostLine {
                label: "Servere".to_owned(),
                amount_nok: 500_000.0,
                payer: Payer::Shared,
                timing: Timing::Once { year: first },
                investment: Some(Investment {
                    lifetime_years: 5,
                    funding: Funding::Loan {
                        years: 5,
                        rate_percent: 4.0,
                        annuity: false,
                    },
                    source: crate::model::Source::default(),
                }),
                ..base
            },
        ];
        study.assign_line_ids();
        study
    }

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn an_investment_goes_to_the_investment_budget_and_its_capital_costs_to_the_operating() {
        let study = study();
        let b = budget(&study, 1).unwrap();
        let a = &b.members[0];
        // Year 0, A (40 %): operating 96 000 + 25 % VAT = 120 000 against
        // today's 125 000; VAT compensated 24 000 against 25 000; the
        // investment 200 000, all by loan; net −4 000.
        assert!(near(a[0].operating, -5_000.0) && near(a[0].vat_compensation, -1_000.0));
        assert!(near(a[0].investment, 200_000.0) && near(a[0].loan, 200_000.0));
        assert!(near(a[0].own_funds, 0.0) && near(a[0].interest, 0.0) && near(a[0].repayment, 0.0));
        assert!(near(a[0].net_operating(), -4_000.0));
        // Year 1: interest 4 % of 200 000 = 8 000; minimum repayment 200 000
        // × 40 000 ÷ 200 000 = 40 000; net 96 000 + 48 000 − 100 000 =
        // +44 000. Year 2: interest 4 % of 160 000 = 6 400, repayment
        // 160 000 × 40 000 ÷ 160 000 = 40 000: +42 400.
        assert!(near(a[1].interest, 8_000.0) && near(a[1].repayment, 40_000.0));
        assert!(near(a[1].net_operating(), 44_000.0));
        assert!(near(a[2].net_operating(), 42_400.0));
        assert!(near(a[1].investment, 0.0));
        // All together in year 1: 240 000 + 20 000 + 100 000 − 300 000.
        assert!(near(b.all(1).net_operating(), 60_000.0));
        assert!(near(b.all(0).loan, 500_000.0));
    }

    #[test]
    fn vat_not_compensated_and_amounts_with_vat() {
        // 10 % of the VAT not compensated: A's compensation 24 000 × 0,9 =
        // 21 600, its net operating 120 000 − 21 600 = 98 400 against
        // today's 100 000: −1 600 (was −4 000).
        let mut study = study();
        study.scenarios[1].vat_not_compensated_percent = 10.0;
        let b = budget(&study, 1).unwrap();
        assert!(near(b.members[0][0].net_operating(), -1_600.0));
        // Amounts with VAT: 96 000 is gross, a fifth of its VAT (19 200)
        // compensated; today's 100 000 gross, 20 000 compensated.
        let mut study = self::study();
        study.assumptions.amounts_include_vat = true;
        let b = budget(&study, 1).unwrap();
        assert!(near(b.members[0][0].operating, -4_000.0));
        assert!(near(b.members[0][0].vat_compensation, -800.0));
        // With VAT and 20 % of it not compensated: A's 96 000 carries
        // 96 000 / 5 = 19 200 of VAT, 80 % of it compensated (15 360): net
        // 80 640 against today's 100 000 − 20 000 = 80 000: +640.
        study.scenarios[1].vat_not_compensated_percent = 20.0;
        let b = budget(&study, 1).unwrap();
        assert!(near(b.members[0][0].vat_compensation, 15_360.0 - 20_000.0));
        assert!(
            near(b.members[0][0].net_operating(), 640.0),
            "{}",
            b.members[0][0].net_operating()
        );
        study.scenarios[1].vat_not_compensated_percent = 0.0;
        // Today's operation against itself is nothing.
        let b = budget(&study, 0).unwrap();
        assert!(b.members.iter().flatten().all(|y| near(y.net_operating(), 0.0)));
        assert_eq!(budget(&study, 9), Err(BudgetError::NoScenario));
    }

    #[test]
    fn every_key_splits_the_same_cooperation_budget() {
        // Whatever key splits the joint costs, the members' budgets add up
        // to the cooperation's: year 0 operating 1,25 × (240 000 − 300 000)
        // = −75 000 with −15 000 less VAT compensated, the investment
        // 500 000 by loan; year 1 net 240 000 + 20 000 interest + 100 000
        // repayment − 300 000 = 60 000.
        let mut study = study();
        let keys: Vec<crate::model::KeyId> = study.keys.iter().map(|k| k.id.clone()).collect();
        assert!(keys.len() >= 2);
        for key in keys {
            study.scenarios[1].key = Some(key.clone());
            let b = budget(&study, 1).unwrap();
            let sum = |y: usize, f: fn(&BudgetYear) -> f64| b.members.iter().map(|m| f(&m[y])).sum::<f64>();
            assert!(near(sum(0, |x| x.operating), -75_000.0), "{key}");
            assert!(near(sum(0, |x| x.vat_compensation), -15_000.0), "{key}");
            assert!(near(sum(0, |x| x.loan), 500_000.0), "{key}");
            assert!(near(sum(1, BudgetYear::net_operating), 60_000.0), "{key}");
            assert!(near(b.all(1).net_operating(), 60_000.0), "{key}");
        }
    }
}
