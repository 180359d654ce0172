//! The report tables and findings of workstation fleets, for the
//! briefing, the workbook and the CSV files: what a seat costs, and for each
//! option that runs other workstations than today's operation how much of
//! its difference from today the workstations make, when the change pays
//! back and at which value of each seat number the answer turns.

use super::tables::{Cell, Table, input_text, tornado};
use crate::engine::{Evaluation, Metric};
use crate::i18n::Tr;
use crate::model::Study;

/// The options that run a fleet of their own, other than today's
/// operation's: what their workstations change is worth a finding.
#[must_use]
pub fn fleet_options(study: &Study) -> Vec<usize> {
    let Some(today) = study.today() else {
        return Vec::new();
    };
    let todays = study.fleet_of(&study.scenarios[today]);
    (0..study.scenarios.len())
        .filter(|&s| s != today)
        .filter(|&s| {
            let own = study.fleet_of(&study.scenarios[s]);
            own.is_some() && own != todays
        })
        .collect()
}

/// The name of the fleet `scenario` runs (its own or today's), or "no
/// fleet".
fn fleet_name(study: &Study, scenario: &crate::model::Scenario, tr: &Tr) -> String {
    study
        .fleet_of(scenario)
        .and_then(|f| study.workstations.fleet(f))
        .map_or_else(|| tr.get("ui-no-fleet"), |f| f.name.clone())
}

/// The name of today's operation's fleet, or "no fleet".
fn todays_fleet_name(study: &Study, tr: &Tr) -> String {
    study.today().map_or_else(
        || tr.get("ui-no-fleet"),
        |t| fleet_name(study, &study.scenarios[t], tr),
    )
}

/// The study with one scenario more: `option` as it is but running
/// today's operation's workstations (or none, when today has none), and
/// its index. Set against `option`, it isolates what the fleet changes
/// from what the rest of the option changes. Used for the findings only;
/// never shown as a scenario.
#[must_use]
pub fn with_todays_workstations(study: &Study, option: usize, tr: &Tr) -> (Study, usize) {
    let mut twin = study.scenarios[option].clone();
    twin.fleet = None;
    twin.name = tr.args(
        "fleet-twin-name",
        &[
            ("option", twin.name.clone()),
            ("fleet", todays_fleet_name(study, tr)),
        ],
    );
    twin.id = crate::model::ScenarioId::new(format!("{}~today-fleet", twin.id.as_str()));
    // The twin's own lines keep their ids; no range names the twin.
    let mut out = study.clone();
    out.scenarios.push(twin);
    let index = out.scenarios.len() - 1;
    (out, index)
}

/// Whether `input` is a number of the workstations (a seat type's, the
/// electricity price, the support cost per hour).
#[must_use]
pub fn is_workstation_input(input: &crate::model::InputRef) -> bool {
    matches!(
        input,
        crate::model::InputRef::Seat { .. }
            | crate::model::InputRef::ElectricityPrice
            | crate::model::InputRef::SupportCostPerHour
    )
}

/// What one seat of each seat type costs, per kind of cost: the numbers
/// the fleets' lines carry (a year, the access licence once).
#[must_use]
pub fn fleet_costs(study: &Study, tr: &Tr) -> Table {
    let headers = ["fleet-seat-type", "fleet-cost", "unit-kr"]
        .iter()
        .map(|h| tr.get(h))
        .collect();
    let mut rows = Vec::new();
    for (t, seat) in study.workstations.seat_types.iter().enumerate() {
        for (cost, amount) in crate::model::fleet::seat_costs(study, t) {
            rows.push(vec![
                Cell::Text(seat.name.clone()),
                Cell::Text(tr.get(cost.message_id())),
                Cell::Money(amount),
            ]);
        }
    }
    Table {
        id: "fleet-costs".to_owned(),
        title: tr.get("table-fleet-costs"),
        headers,
        rows,
    }
}

/// What a council should read about each option that runs other
/// workstations than today's: its difference from today's operation, how
/// much of it the workstations make (against the same option with today's
/// workstations), when the change of workstations pays back, and at which
/// value of each seat number with a range the answer turns.
#[must_use]
pub fn fleet_findings(study: &Study, evaluation: &Evaluation, tr: &Tr) -> Vec<String> {
    let mut out = Vec::new();
    let (first, last) = (
        evaluation.years.first().copied().unwrap_or_default(),
        evaluation.years.last().copied().unwrap_or_default(),
    );
    let totals = evaluation.summary(Metric::HorizonSum);
    let todays_fleet = todays_fleet_name(study, tr);
    for b in fleet_options(study) {
        let (twin_study, a) = with_todays_workstations(study, b, tr);
        let Ok(twin) = crate::engine::evaluate(&twin_study) else {
            continue;
        };
        let twin_totals = twin.summary(Metric::HorizonSum);
        // Positive: the option's workstations cost more than today's.
        let fleet_change = twin_totals[b].total - twin_totals[a].total;
        let Some(total_change) = totals[b].diff_total else {
            continue;
        };
        let payback = match twin.payback_against(b, a, None) {
            crate::engine::Payback::Year(y) => y.to_string(),
            crate::engine::Payback::NotWithinHorizon | crate::engine::Payback::NotApplicable => {
                tr.get("ui-payback-never")
            }
        };
        out.push(tr.args(
            if fleet_change <= 0.0 {
                "brief-fleet-saves"
            } else {
                "brief-fleet-costs"
            },
            &[
                ("option", study.scenarios[b].name.clone()),
                ("fleet", fleet_name(study, &study.scenarios[b], tr)),
                ("todayfleet", todays_fleet.clone()),
                ("first", first.to_string()),
                ("last", last.to_string()),
                ("amount", tr.money(fleet_change.abs())),
                ("payback", payback),
                ("total", tr.money(total_change.abs())),
                (
                    "direction",
                    tr.get(if total_change <= 0.0 {
                        "brief-fleet-less"
                    } else {
                        "brief-fleet-more"
                    }),
                ),
                ("rest", tr.money((total_change - fleet_change).abs())),
            ],
        ));
        let mut turns = Vec::new();
        let mut never = Vec::new();
        for u in &study.uncertainties {
            let crate::model::InputRef::Seat { param, .. } = &u.input else {
                continue;
            };
            let name = input_text(study, &u.input, tr);
            match crate::uncertainty::break_even(&twin_study, &u.input, a, b, None, Metric::HorizonSum) {
                Ok(Some(v)) => turns.push(format!(
                    "{name} {} {}",
                    tr.num_trim(v, 1),
                    tr.get(param.unit_id())
                )),
                _ => never.push(name),
            }
        }
        if !turns.is_empty() {
            out.push(tr.args("brief-fleet-break-even", &[("items", turns.join("; "))]));
        }
        if !never.is_empty() {
            out.push(tr.args("brief-fleet-no-break-even", &[("items", never.join("; "))]));
        }
    }
    out
}

/// The workstation tables of the exports: what a seat costs, and for each
/// option with other workstations than today's the tornado on what they
/// change over the years (the option against itself with today's).
#[must_use]
pub fn fleet_tables(study: &Study, tr: &Tr) -> Vec<Table> {
    if study.workstations.is_empty() {
        return Vec::new();
    }
    let mut tables = vec![fleet_costs(study, tr)];
    for (n, b) in fleet_options(study).into_iter().enumerate() {
        let (twin_study, a) = with_todays_workstations(study, b, tr);
        if let Ok((base, rows)) = crate::uncertainty::tornado(&twin_study, a, b, None, Metric::HorizonSum) {
            // The twin shares the option's lines but not their ranges (they
            // name the option): only the workstation inputs belong here.
            let rows: Vec<_> = rows
                .into_iter()
                .filter(|r| is_workstation_input(&r.input))
                .collect();
            let mut table = tornado(&twin_study, (a, b, None), base, &rows, tr);
            table.id = format!("fleet-tornado-{}", n + 1);
            tables.push(table);
        }
    }
    tables
}
