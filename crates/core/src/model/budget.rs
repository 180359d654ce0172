//! How a cost line is financed in a municipality's budget: an operating
//! cost (the default), or an investment with a lifetime, paid by a loan, the
//! investment budget's own funds or a reserve fund. The capital costs of
//! Norwegian municipal accounts follow from it: straight-line depreciation
//! over the lifetime (IT equipment and software typically 5 years, KRS),
//! interest on the loan, and the minimum repayment of kommuneloven § 14-18
//! (loan debt × this year's depreciation ÷ book value of the depreciable
//! assets).

use serde::{Deserialize, Serialize};

/// The VAT rate on purchases in Norway, Sweden and Denmark, percent.
pub const VAT_PERCENT: f64 = 25.0;

/// An investment: its lifetime and how it is financed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Investment {
    /// Years over which it is written down, from the year after it is made
    /// (5 when left out).
    #[serde(default = "Investment::default_lifetime")]
    pub lifetime_years: u32,
    /// How it is paid (the investment budget's own funds when left out).
    #[serde(default)]
    pub funding: Funding,
    /// Where the lifetime and the financing come from (a loan offer, the
    /// municipality's financial regulations) or why they are assumed.
    #[serde(default, skip_serializing_if = "super::Source::is_blank")]
    pub source: super::Source,
}

impl Investment {
    fn default_lifetime() -> u32 {
        5
    }
}

/// How an investment is paid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub enum Funding {
    /// A loan over `years` at `rate_percent`, repaid from the year after it
    /// is taken, in equal parts (serial) or equal payments (annuity).
    Loan {
        /// Years of repayment.
        years: u32,
        /// Interest, percent a year.
        rate_percent: f64,
        /// Equal payments instead of equal repayments.
        #[serde(default)]
        annuity: bool,
    },
    /// The investment budget's own funds (sales, grants, transfers from
    /// the operating budget).
    #[default]
    OwnFunds,
    /// A reserve fund (disposisjonsfond).
    ReserveFund,
}

/// The minimum repayment of kommuneloven § 14-18: loan debt × this year's
/// depreciation ÷ book value of the depreciable assets (0 without assets).
#[must_use]
pub fn minimum_repayment(debt: f64, depreciation: f64, book_value: f64) -> f64 {
    if book_value > 0.0 {
        debt * depreciation / book_value
    } else {
        0.0
    }
}

/// One investment's figures per year index of the study: depreciation,
/// book value and loan debt at the start of the year, interest.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CapitalYears {
    /// Depreciation charged in the year.
    pub depreciation: Vec<f64>,
    /// Book value at the start of the year (before its depreciation).
    pub book_value: Vec<f64>,
    /// Loan debt at the start of the year.
    pub debt: Vec<f64>,
    /// Interest paid in the year.
    pub interest: Vec<f64>,
}

impl CapitalYears {
    /// Zeros for `years` years.
    #[must_use]
    pub fn zero(years: usize) -> CapitalYears {
        CapitalYears {
            depreciation: vec![0.0; years],
            book_value: vec![0.0; years],
            debt: vec![0.0; years],
            interest: vec![0.0; years],
        }
    }

    /// Adds `amount` invested in year `made` (index) under `investment`:
    /// written down from the next year; a loan drawn in `made` and repaid
    /// from the next year.
    pub fn add(&mut self, amount: f64, made: usize, investment: &Investment) {
        let years = self.depreciation.len();
        let lifetime = investment.lifetime_years.max(1);
        let yearly = amount / f64::from(lifetime);
        let mut book = amount;
        for y in made + 1..years {
            self.book_value[y] += book;
            if book > 0.0 {
                let charged = yearly.min(book);
                self.depreciation[y] += charged;
                book -= charged;
            }
        }
        if let Funding::Loan {
            years: loan_years,
            rate_percent,
            annuity,
        } = investment.funding
        {
            let rate = rate_percent / 100.0;
            let n = loan_years.max(1);
            let payment = if annuity && rate > 0.0 {
                amount * rate / (1.0 - (1.0 + rate).powf(-f64::from(n)))
            } else {
                0.0
            };
            let mut debt = amount;
            for y in made + 1..years {
                if debt <= 1e-9 {
                    break;
                }
                self.debt[y] += debt;
                let interest = rate * debt;
                self.interest[y] += interest;
                let repaid = if annuity && rate > 0.0 {
                    payment - interest
                } else {
                    amount / f64::from(n)
                };
                debt = (debt - repaid).max(0.0);
            }
        }
    }

    /// The minimum repayment of each year over these assets and loans.
    #[must_use]
    pub fn minimum_repayments(&self) -> Vec<f64> {
        (0..self.depreciation.len())
            .map(|y| minimum_repayment(self.debt[y], self.depreciation[y], self.book_value[y]))
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn the_minimum_repayment_of_molde_2020() {
        // Molde kommune 2020: loan debt 4 047 013, depreciation 174 015, book
        // value 4 521 698 (thousand kroner): 155 747.
        let repayment = minimum_repayment(4_047_013.0, 174_015.0, 4_521_698.0);
        assert_eq!(repayment.round(), 155_747.0);
        assert_eq!(minimum_repayment(1.0, 1.0, 0.0), 0.0);
    }

    #[test]
    fn a_serial_and_an_annuity_loan_over_five_years() {
        // 500 000 in year 0, written down over 5 years (100 000 a year from
        // year 1), a 5-year loan at 4 %.
        let serial = Investment {
            lifetime_years: 5,
            funding: Funding::Loan {
                years: 5,
                rate_percent: 4.0,
                annuity: false,
            },
            source: crate::model::Source::default(),
        };
        let mut c = CapitalYears::zero(7);
        c.add(500_000.0, 0, &serial);
        assert_eq!(c.depreciation, vec![0.0, 1e5, 1e5, 1e5, 1e5, 1e5, 0.0]);
        assert_eq!(c.book_value[1..3], [500_000.0, 400_000.0]);
        // Debt 500 000 then 400 000: interest 20 000 and 16 000; minimum
        // repayment 500 000 × 100 000 ÷ 500 000 = 100 000 each year.
        assert_eq!(c.debt[1..3], [500_000.0, 400_000.0]);
        assert_eq!(c.interest[1..3], [20_000.0, 16_000.0]);
        assert_eq!(c.minimum_repayments()[1..3], [100_000.0, 100_000.0]);
        assert_eq!(c.debt[6], 0.0);
        // Annuity: 500 000 × 0,04 ÷ (1 − 1,04⁻⁵) = 112 313,56 a year; year 1
        // interest 20 000, repaid 92 313,56, so year 2 starts at 407 686,44
        // and its minimum repayment is 407 686,44 × 100 000 ÷ 400 000 =
        // 101 921,61.
        let annuity = Investment {
            funding: Funding::Loan {
                years: 5,
                rate_percent: 4.0,
                annuity: true,
            },
            ..serial
        };
        let mut c = CapitalYears::zero(7);
        c.add(500_000.0, 0, &annuity);
        assert!((c.debt[2] - 407_686.44).abs() < 0.01, "{}", c.debt[2]);
        assert!((c.minimum_repayments()[2] - 101_921.61).abs() < 0.01);
        // Own funds: depreciation and book value, no debt, no interest.
        let mut c = CapitalYears::zero(3);
        c.add(
            300_000.0,
            0,
            &Investment {
                lifetime_years: 3,
                funding: Funding::OwnFunds,
                source: crate::model::Source::default(),
            },
        );
        assert_eq!(c.depreciation, vec![0.0, 100_000.0, 100_000.0]);
        assert_eq!(c.debt, vec![0.0; 3]);
        assert_eq!(c.minimum_repayments(), vec![0.0; 3]);
    }
}
