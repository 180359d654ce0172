//! Presets a user can pick instead of typing: discount rates and Norwegian
//! employer-tax zones, each with its source and date so the study records
//! where the figure came from.

use super::{DiscountRate, RateStep, Source};

/// Discount-rate presets: Norway's R-109 and Denmark's Finance Ministry rate.
#[must_use]
pub fn discount_rates() -> Vec<DiscountRate> {
    let step = |from_year_index, percent| RateStep {
        from_year_index,
        percent,
    };
    vec![
        DiscountRate {
            name: "R-109 (2021)".to_owned(),
            steps: vec![step(0, 4.0), step(40, 3.0), step(75, 2.0)],
            source: Source::Cited {
                text: "Finansdepartementet, rundskriv R-109/2021: risikojustert realrente 4 % år 0–40, 3 % år 40–75, 2 % deretter".to_owned(),
                date: Some("2021".to_owned()),
            },
        },
        DiscountRate {
            name: "Finansministeriet DK (2021)".to_owned(),
            steps: vec![step(0, 3.5), step(35, 2.5)],
            source: Source::Cited {
                text: "Finansministeriet (Danmark), samfundsøkonomisk diskonteringsrente: 3,5 % år 0–35, 2,5 % deretter".to_owned(),
                date: Some("2021".to_owned()),
            },
        },
    ]
}

/// Norwegian employer-tax zones and their main rates, percent.
pub const EMPLOYER_TAX_ZONES: [(&str, f64); 7] = [
    ("I", 14.1),
    ("Ia", 10.6),
    ("II", 10.6),
    ("III", 6.4),
    ("IV", 5.1),
    ("IVa", 7.9),
    ("V", 0.0),
];

/// Where the employer-tax rates come from.
#[must_use]
pub fn employer_tax_source(zone: &str) -> Source {
    Source::Cited {
        text: format!(
            "Skatteetaten, satser for arbeidsgiveravgift, sone {zone} (sone Ia: 10,6 % opp til fribeløpet, deretter 14,1 %)"
        ),
        date: Some("2025".to_owned()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::examples::small_study;
    use crate::model::validate;

    #[test]
    fn presets_are_valid_discount_rates() {
        for rate in discount_rates() {
            let mut study = small_study();
            study.assumptions.discount = rate.clone();
            assert!(!validate(&study).has_errors(), "{}", rate.name);
            assert!(!rate.source.is_assumption());
        }
    }
}
