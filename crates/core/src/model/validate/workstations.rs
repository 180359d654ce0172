//! Checks of the workstations and the scenarios' fleets: every number
//! finite and within its limits (a lifetime of 0,1 to 100 years, at
//! most 100 kW, at most the 8 760 hours of a year in use and idle
//! together, at most 10⁹ seats), categories, seat types and fleets that
//! exist, fleets with parts whose shares add up to 100 %, and a
//! `workstations` attribute for every member that runs a fleet.

use super::{MAX_COUNT, Place, Problem, Report};
use crate::model::fleet::{HOURS_PER_YEAR, MAX_UNIT_PRICE_NOK, SeatParam};
use crate::model::{Attribute, Study};

/// Reports a number that is not finite, or outside `min..=max`.
fn within(report: &mut Report, place: &Place, field: &'static str, value: f64, (min, max): (f64, f64)) {
    if !value.is_finite() {
        report.push(place, Problem::NotFinite { field });
    } else if value < 0.0 && min >= 0.0 {
        report.push(place, Problem::Negative { field, value });
    } else if value < min || value > max {
        report.push(
            place,
            Problem::OutOfLimits {
                field,
                value,
                min,
                max,
            },
        );
    }
}

pub(super) fn workstations(study: &Study, report: &mut Report) {
    let ws = &study.workstations;
    let in_use = study.scenarios.iter().any(|s| s.fleet.is_some());
    if !ws.is_empty() || in_use {
        let place = Place::Workstations;
        let price = (0.0, MAX_UNIT_PRICE_NOK);
        within(
            report,
            &place,
            "fleet-electricity-price",
            ws.electricity_price.value,
            price,
        );
        within(
            report,
            &place,
            "fleet-support-cost-per-hour",
            ws.support_cost_per_hour.value,
            price,
        );
        let c = &ws.categories;
        for category in [&c.equipment, &c.energy, &c.support, &c.licences] {
            if study.category(category).is_none() {
                report.push(&place, Problem::UnknownCategory { id: category.clone() });
            }
        }
    }
    super::ids_unique(
        report,
        "kind-seat-type",
        ws.seat_types.iter().map(|t| t.id.as_str()),
    );
    super::ids_unique(report, "kind-fleet", ws.fleets.iter().map(|f| f.id.as_str()));
    for seat in &ws.seat_types {
        let place = Place::SeatType {
            id: seat.id.clone(),
            name: seat.name.clone(),
        };
        for param in SeatParam::ALL {
            if let Some(q) = seat.param(param) {
                within(report, &place, param.message_id(), q.value, param.limits());
            }
        }
        let hours = seat.hours_in_use.value + seat.hours_idle.value;
        if hours.is_finite() && hours > HOURS_PER_YEAR {
            report.push(&place, Problem::HoursOverYear { hours });
        }
    }
    for fleet in &ws.fleets {
        let place = Place::Fleet {
            id: fleet.id.clone(),
            name: fleet.name.clone(),
        };
        if fleet.parts.is_empty() {
            report.push(&place, Problem::FleetNoParts);
        }
        let mut sum = 0.0;
        let mut shared = false;
        for part in &fleet.parts {
            if ws.seat_type(&part.seat_type).is_none() {
                report.push(
                    &place,
                    Problem::UnknownSeatType {
                        id: part.seat_type.clone(),
                    },
                );
            }
            if part.seats.is_empty() {
                within(
                    report,
                    &place,
                    "field-fleet-share",
                    part.share_percent,
                    (0.0, 100.0),
                );
                sum += part.share_percent;
                shared = true;
            }
            for (member, count) in &part.seats {
                if study.member(member).is_none() {
                    report.push(&place, Problem::UnknownMember { id: member.clone() });
                }
                within(report, &place, "field-fleet-seats", *count, (0.0, MAX_COUNT));
            }
        }
        if shared && sum.is_finite() && (sum - 100.0).abs() > 0.01 {
            report.push(&place, Problem::FleetSharesDoNotAddUp { sum });
        }
    }
    // Workstations are priced for the whole study or for none of it.
    let todays_fleet = study.today().and_then(|t| study.scenarios[t].fleet.as_ref());
    for scenario in &study.scenarios {
        let place = Place::Scenario {
            scenario: scenario.id.clone(),
            name: scenario.name.clone(),
        };
        if scenario.fleet.is_some() && todays_fleet.is_none() && study.today().is_some() {
            report.push(&place, Problem::FleetWithoutTodaysFleet);
        }
        // A line per workstation in a fleet's category, where the fleet
        // already prices every seat.
        if study.fleet_of(scenario).is_some() {
            let c = &ws.categories;
            for line in &scenario.lines {
                let per_seat = line.driver == crate::model::Driver::Attribute(Attribute::Workstations);
                let fleet_category =
                    [&c.equipment, &c.energy, &c.support, &c.licences].contains(&&line.category);
                if per_seat && fleet_category {
                    report.push(
                        &place,
                        Problem::SeatsPricedTwice {
                            label: line.label.clone(),
                        },
                    );
                }
            }
        }
    }
    for scenario in &study.scenarios {
        let Some(id) = &scenario.fleet else {
            continue;
        };
        let place = Place::Scenario {
            scenario: scenario.id.clone(),
            name: scenario.name.clone(),
        };
        if ws.fleet(id).is_none() {
            report.push(&place, Problem::UnknownFleet { id: id.clone() });
            continue;
        }
        let by_share = ws
            .fleet(id)
            .is_some_and(|f| f.parts.iter().any(|p| p.seats.is_empty()));
        for member in study.participants(scenario) {
            let Some(m) = study.member(&member) else {
                continue;
            };
            if by_share && m.workstations.is_none() {
                report.push(
                    &place,
                    Problem::DriverMissingAttribute {
                        attribute: Attribute::Workstations,
                        member: m.name.clone(),
                    },
                );
            }
        }
    }
}
