//! The report tables and findings of workstation fleets, for the
//! briefing, the workbook and the CSV files: what a seat costs, and for each
//! pair of scenarios with a fleet on both sides which costs less, when it
//! pays back and at which value of each seat number the answer turns.

use super::tables::{Cell, Table, input_text, tornado};
use crate::engine::{Evaluation, Metric};
use crate::i18n::Tr;
use crate::model::Study;

/// Pairs of scenarios that carry a workstation fleet on both sides: a
/// scenario that includes today's costs and runs a fleet, against each
/// other scenario that runs a fleet.
#[must_use]
pub fn fleet_pairs(study: &Study) -> Vec<(usize, usize)> {
    let today = study
        .scenarios
        .iter()
        .position(|s| s.kind == crate::model::ScenarioKind::Today);
    study
        .compared_with()
        .into_iter()
        .enumerate()
        .filter_map(|(b, a)| a.filter(|a| Some(*a) != today).map(|a| (a, b)))
        .collect()
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

/// What a council should read about each fleet pair: which side costs
/// less over the years and by how much, when the other pays back, and at
/// which value of each seat number with a range the answer turns.
#[must_use]
pub fn fleet_findings(study: &Study, evaluation: &Evaluation, tr: &Tr) -> Vec<String> {
    let mut out = Vec::new();
    let totals = evaluation.summary(Metric::HorizonSum);
    let (first, last) = (
        evaluation.years.first().copied().unwrap_or_default(),
        evaluation.years.last().copied().unwrap_or_default(),
    );
    for (a, b) in fleet_pairs(study) {
        let (cost_a, cost_b) = (totals[a].total, totals[b].total);
        let cheaper = if cost_b <= cost_a { b } else { a };
        let payback = match evaluation.payback_against(b, a, None) {
            crate::engine::Payback::Year(y) => y.to_string(),
            crate::engine::Payback::NotWithinHorizon | crate::engine::Payback::NotApplicable => {
                tr.get("ui-payback-never")
            }
        };
        out.push(tr.args(
            "brief-fleet-pair",
            &[
                ("a", study.scenarios[a].name.clone()),
                ("b", study.scenarios[b].name.clone()),
                ("first", first.to_string()),
                ("last", last.to_string()),
                ("cheaper", study.scenarios[cheaper].name.clone()),
                ("amount", tr.money((cost_a - cost_b).abs())),
                ("payback", payback),
            ],
        ));
        let mut turns = Vec::new();
        let mut never = Vec::new();
        for u in &study.uncertainties {
            let crate::model::InputRef::Seat { param, .. } = &u.input else {
                continue;
            };
            let name = input_text(study, &u.input, tr);
            match crate::uncertainty::break_even(study, &u.input, a, b, None, Metric::HorizonSum) {
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
/// fleet pair the tornado on the difference over the years.
#[must_use]
pub fn fleet_tables(study: &Study, tr: &Tr) -> Vec<Table> {
    if study.workstations.is_empty() {
        return Vec::new();
    }
    let mut tables = vec![fleet_costs(study, tr)];
    for (n, (a, b)) in fleet_pairs(study).into_iter().enumerate() {
        if let Ok((base, rows)) = crate::uncertainty::tornado(study, a, b, None, Metric::HorizonSum) {
            let mut table = tornado(study, (a, b, None), base, &rows, tr);
            table.id = format!("fleet-tornado-{}", n + 1);
            tables.push(table);
        }
    }
    tables
}
