//! Checks of the assumptions: years, growth, discount rate.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn assumptions(study: &Study, report: &mut Report) {
    let a = &study.assumptions;
    let place = Place::Assumptions;
    if !(1900..=2500).contains(&a.first_year) {
        report.push(&place, Problem::YearOutOfRange { year: a.first_year });
    } else if a.horizon_years == 0 {
        report.push(&place, Problem::HorizonZero);
    } else if a.horizon_years > MAX_HORIZON_YEARS {
        report.push(
            &place,
            Problem::HorizonTooLong {
                years: a.horizon_years,
            },
        );
    } else if a.display_year < a.first_year || a.display_year >= a.end_year() {
        report.push(
            &place,
            Problem::DisplayYearOutside {
                year: a.display_year,
                first: a.first_year,
                last: a.end_year() - 1,
            },
        );
    }
    for (field, value) in [
        ("field-wage-growth", a.real_wage_growth_percent),
        ("field-price-growth", a.real_price_growth_percent),
    ] {
        if report.number(&place, field, value, true) && !RATE_RANGE_PERCENT.contains(&value) {
            report.push(&place, Problem::RateOutOfRange { field, value });
        }
    }
    let steps = &a.discount.steps;
    let ordered = steps
        .windows(2)
        .all(|w| w[0].from_year_index < w[1].from_year_index);
    if steps.first().is_none_or(|s| s.from_year_index != 0) || !ordered {
        report.push(&place, Problem::DiscountSteps);
    }
    for step in steps {
        if report.number(&place, "field-discount-rate", step.percent, true)
            && !RATE_RANGE_PERCENT.contains(&step.percent)
        {
            report.push(
                &place,
                Problem::RateOutOfRange {
                    field: "field-discount-rate",
                    value: step.percent,
                },
            );
        }
    }
}
