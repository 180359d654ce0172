//! Presets a user can pick instead of typing: discount rates and
//! employer-tax rates, each with its source and date so the study records
//! where the figure came from. Each country's presets are offered only for
//! a study in that country's currency.

use super::{Currency, DiscountRate, RateStep, Source};

/// The discount-rate presets that belong to a study in `currency`:
/// Norway's R-109, Sweden's ASEK rate, Denmark's Finance Ministry rate.
#[must_use]
pub fn discount_rates_for(currency: Currency) -> Vec<DiscountRate> {
    let country = match currency {
        Currency::Nok => "R-109",
        Currency::Sek => "ASEK",
        Currency::Dkk => "Finansministeriet",
    };
    discount_rates()
        .into_iter()
        .filter(|rate| rate.name.starts_with(country))
        .collect()
}

/// A preset for the employer's contribution on salaries.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployerTaxPreset {
    /// The zone (Norway) or the rate's name, as the source writes it.
    pub name: String,
    /// Percent of the salary.
    pub percent: f64,
    /// Where the rate comes from.
    pub source: Source,
}

/// The employer-tax presets that belong to a study in `currency`: the
/// Norwegian zones, the Swedish full rate; none for Denmark, where the
/// employer pays no such percentage (ATP is a fixed amount per employee).
#[must_use]
pub fn employer_tax_presets(currency: Currency) -> Vec<EmployerTaxPreset> {
    match currency {
        Currency::Nok => EMPLOYER_TAX_ZONES
            .iter()
            .map(|(zone, percent)| EmployerTaxPreset {
                name: (*zone).to_owned(),
                percent: *percent,
                source: employer_tax_source(zone),
            })
            .collect(),
        Currency::Sek => vec![EmployerTaxPreset {
            name: "Arbetsgivaravgifter".to_owned(),
            percent: 31.42,
            source: Source::Cited {
                text: "Skatteverket, arbetsgivaravgifter: 31,42 % av lönen (full avgift, 2025)".to_owned(),
                date: Some("2025".to_owned()),
            },
        }],
        Currency::Dkk => Vec::new(),
    }
}

/// Every discount-rate preset: Norway's R-109, Sweden's ASEK rate and
/// Denmark's Finance Ministry rate.
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
            name: "ASEK 3,5 % (Trafikverket)".to_owned(),
            steps: vec![step(0, 3.5)],
            source: Source::Cited {
                text: "Trafikverket, Analysmetod och samhällsekonomiska kalkylvärden för transportsektorn (ASEK 7.0), kap. 5: real kalkylränta 3,5 %; Ekonomistyrningsverket (ESV) hänvisar till samma ränta för samhällsekonomiska analyser".to_owned(),
                date: Some("2020".to_owned()),
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

/// A discount rate named after a preset whose steps were edited away from
/// it is no longer that preset: it loses the preset's name (and source,
/// when it was the preset's), so no heading or briefing calls a 5 % rate
/// "R-109 (2021)". An unchanged preset, or a rate of the user's own name,
/// is left as it is.
pub fn forget_edited_discount_preset(rate: &mut DiscountRate) {
    if let Some(preset) = discount_rates().into_iter().find(|p| p.name == rate.name)
        && preset.steps != rate.steps
    {
        rate.name.clear();
        if rate.source == preset.source {
            rate.source = Source::default();
        }
    }
}

/// A salary whose source is an employer-tax preset's (a zone chosen from
/// the list) but whose rate was edited away from it loses that source: it
/// no longer says "sone IV" for a rate of 7 %.
pub fn forget_edited_employer_tax_preset(salary: &mut super::Salary) {
    let presets = [Currency::Nok, Currency::Sek]
        .into_iter()
        .flat_map(employer_tax_presets);
    for preset in presets {
        if salary.source == preset.source && (salary.employer_tax_percent - preset.percent).abs() > 1e-9 {
            salary.source = Source::default();
        }
    }
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
    fn an_edited_preset_stops_carrying_its_name() {
        let r109 = discount_rates_for(Currency::Nok).remove(0);
        // Unchanged: still R-109.
        let mut rate = r109.clone();
        forget_edited_discount_preset(&mut rate);
        assert_eq!(rate, r109);
        // 4 % → 5 % in the first step: no longer R-109, nor its source.
        rate.steps[0].percent = 5.0;
        forget_edited_discount_preset(&mut rate);
        assert_eq!((rate.name.as_str(), &rate.source), ("", &Source::default()));
        assert_eq!(rate.steps[0].percent, 5.0);
        // A rate the user named keeps its name.
        let mut own = r109.clone();
        own.name = "Kommunens egen".to_owned();
        own.steps[0].percent = 5.0;
        forget_edited_discount_preset(&mut own);
        assert_eq!(own.name, "Kommunens egen");
        // Zone IV (5,1 %) edited to 7 % loses the zone's source.
        let mut study = small_study();
        let zone = employer_tax_presets(Currency::Nok)
            .into_iter()
            .find(|p| p.name == "IV")
            .unwrap();
        let mut salary = crate::model::Salary {
            nok_per_fte: 500_000.0,
            employer_tax_percent: zone.percent,
            pension_percent: 12.0,
            source: zone.source.clone(),
            today_category: None,
        };
        forget_edited_employer_tax_preset(&mut salary);
        assert_eq!(salary.source, zone.source);
        salary.employer_tax_percent = 7.0;
        forget_edited_employer_tax_preset(&mut salary);
        assert_eq!(salary.source, Source::default());
        study.members[0].salary = Some(salary);
        assert!(!validate(&study).has_errors());
    }

    #[test]
    fn each_currency_gets_its_own_country_s_presets() {
        let names = |c| -> Vec<String> { discount_rates_for(c).into_iter().map(|r| r.name).collect() };
        assert_eq!(names(Currency::Nok), vec!["R-109 (2021)".to_owned()]);
        assert_eq!(names(Currency::Sek), vec!["ASEK 3,5 % (Trafikverket)".to_owned()]);
        assert_eq!(
            names(Currency::Dkk),
            vec!["Finansministeriet DK (2021)".to_owned()]
        );
        // Every preset belongs to exactly one currency.
        let all: usize = Currency::ALL.iter().map(|c| discount_rates_for(*c).len()).sum();
        assert_eq!(all, discount_rates().len());
        assert_eq!(
            employer_tax_presets(Currency::Nok).len(),
            EMPLOYER_TAX_ZONES.len()
        );
        assert!(
            employer_tax_presets(Currency::Nok)
                .iter()
                .all(|p| matches!(&p.source, Source::Cited { text, .. } if text.contains("Skatteetaten")))
        );
        assert_eq!(employer_tax_presets(Currency::Sek)[0].percent, 31.42);
        assert!(employer_tax_presets(Currency::Dkk).is_empty());
    }

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
