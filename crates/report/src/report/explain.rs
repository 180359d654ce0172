//! Where a figure comes from: the engine's contributions to one cell of
//! the comparison, the years view or the economics table, as a table with a
//! row per line (and per kind of today's cost), each `amount × quantity ×
//! share × year factor = cost` with its source and the place where it is
//! edited, and a last row with the figure the views show.

use super::tables::{Cell, Table, fleet_line_text, source_text};
use crate::engine::{Contribution, Evaluation, Metric, Origin, PreparedStudy};
use crate::i18n::Tr;
use crate::model::{Place, Study};

/// The share column of an explanation's table (left out for all
/// participants together).
const SHARE_COLUMN: usize = 4;

/// Which figure to explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExplainTarget {
    /// The scenario (index).
    pub scenario: usize,
    /// One member (index), or every participant together.
    pub member: Option<usize>,
    /// Which figure: one year, the sum over the years, present value or
    /// equivalent annual cost.
    pub metric: Metric,
}

/// A figure explained.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The rows and the total, ready to show or write.
    pub table: Table,
    /// Per row of the table: where its input is edited (none for the total).
    pub places: Vec<Option<Place>>,
    /// The engine's contributions, one per row before the total.
    pub parts: Vec<Contribution>,
    /// The figure as the views show it (whole kroner; members rounded so
    /// that they add up to the rounded total).
    pub figure: f64,
}

/// The explanation's column headers; the year factor's header says what
/// it sums under `metric`.
fn headers(metric: Metric, tr: &Tr) -> Vec<String> {
    let growth_header = match metric {
        Metric::Annual(_) => "exp-growth",
        Metric::HorizonSum => "exp-factor-sum",
        Metric::PresentValue => "exp-factor-pv",
        Metric::AnnualEquivalent => "exp-factor-eac",
    };
    [
        "exp-line",
        "ui-category",
        "exp-amount",
        "exp-quantity",
        "exp-share",
        growth_header,
        "exp-cost",
        "exp-source",
    ]
    .iter()
    .map(|h| tr.get(h))
    .collect()
}

/// Explains `target`; `None` when the scenario or member is out of range,
/// the member is not in the scenario, or the metric's year is not analysed.
#[must_use]
pub fn explain(
    study: &Study,
    evaluation: &Evaluation,
    target: ExplainTarget,
    tr: &Tr,
) -> Option<Explanation> {
    let ExplainTarget {
        scenario,
        member,
        metric,
    } = target;
    let result = evaluation.scenarios.get(scenario)?;
    if member.is_some_and(|m| !result.participates.get(m).copied().unwrap_or(false)) {
        return None;
    }
    let weights = evaluation.year_weights(metric);
    if weights.is_empty() {
        return None;
    }
    let prepared = PreparedStudy::prepare(study).ok()?;
    let parts = prepared.explain_weighted(scenario, member, &weights).ok()?;
    let (members, total) = evaluation.summary(metric).get(scenario)?.rounded(1.0);
    let figure = match member {
        Some(m) => members.get(m).copied().flatten()?,
        None => total,
    };
    let scenario_def = study.scenarios.get(scenario)?;
    let fleet = crate::model::fleet::fleet_lines(study, scenario_def);
    let category = |c: usize| study.categories.get(c);
    let category_name = |c: usize| category(c).map_or_else(String::new, |c| c.name.clone());
    let headers = headers(metric, tr);
    // The one member shown, its salary and the category (index) that salary
    // gives in today's operation, if linked.
    let linked = member
        .and_then(|m| study.members.get(m))
        .and_then(|m| Some((m, m.salary.as_ref()?, study.staffing_salary_cost(m)?.0)))
        .and_then(|(m, salary, id)| Some((m, salary, study.categories.iter().position(|c| &c.id == id)?)));
    // Each line's cost in whole kroner, adding up to the figure the views
    // show (not to the parts' own rounded sum, which can be a krone off).
    let costs =
        crate::engine::rounding::round_split_to(&parts.iter().map(|p| p.cost).collect::<Vec<_>>(), figure);
    let mut rows = Vec::with_capacity(parts.len() + 1);
    let mut places = Vec::with_capacity(parts.len() + 1);
    for p in &parts {
        let (label, source, place) = match p.origin {
            // A member's salary linked to this category: from the staffing.
            Origin::Baseline(c)
                if let Some((m, salary, _)) = linked.filter(|(_, _, linked_c)| *linked_c == c) =>
            {
                (
                    format!(
                        "{}: {} – {}",
                        tr.get("view-baseline"),
                        category_name(c),
                        tr.args(
                            "exp-from-staffing",
                            &[
                                ("fte", tr.num_trim(m.filled_fte(), 2)),
                                ("amount", tr.money(salary.with_social_costs_nok_per_fte())),
                            ],
                        )
                    ),
                    source_text(&salary.source, tr),
                    Some(Place::Salary {
                        member: m.id.clone(),
                        name: m.name.clone(),
                    }),
                )
            }
            Origin::Baseline(c) => (
                format!("{}: {}", tr.get("view-baseline"), category_name(c)),
                source_text(&study.baseline.source, tr),
                category(c).map(|cat| Place::Baseline {
                    category: cat.id.clone(),
                    category_name: cat.name.clone(),
                    member: member.and_then(|m| study.members.get(m)).map(|m| m.id.clone()),
                    member_name: member.and_then(|m| study.members.get(m)).map(|m| m.name.clone()),
                }),
            ),
            Origin::Line(l) => match scenario_def.lines.get(l) {
                Some(line) => (
                    organised_label(study, scenario_def, line, tr),
                    source_text(&line.source, tr),
                    Some(Place::ScenarioLine {
                        scenario: scenario_def.id.clone(),
                        name: scenario_def.name.clone(),
                        index: l,
                        label: line.label.clone(),
                    }),
                ),
                // Past the scenario's own lines: its fleet's, edited with
                // the seat type.
                None => fleet.get(l - scenario_def.lines.len()).map_or_else(
                    || (String::new(), String::new(), None),
                    |f| {
                        let (label, source) = fleet_line_text(study, f, tr);
                        let seat = study.workstations.seat_types.get(f.seat_type);
                        let place = seat.map(|s| Place::SeatType {
                            id: s.id.clone(),
                            name: s.name.clone(),
                        });
                        (label, source, place)
                    },
                ),
            },
        };
        rows.push(vec![
            Cell::Text(label),
            Cell::Text(category_name(p.category)),
            Cell::Number(p.amount, 2),
            Cell::Number(p.quantity, 4),
            Cell::Percent(p.share * 100.0),
            Cell::Number(p.growth, 4),
            Cell::Money(costs[rows.len()]),
            Cell::Text(source),
        ]);
        places.push(place);
    }
    rows.push(vec![
        Cell::Text(tr.get("ui-total")),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Money(figure),
        Cell::Empty,
    ]);
    places.push(None);
    // For all participants together every line's shares add up to 100 %:
    // a column of 100 % reads as "one member pays it all", so it is left out.
    let (mut headers, mut rows) = (headers, rows);
    if member.is_none() {
        headers.remove(SHARE_COLUMN);
        for row in &mut rows {
            row.remove(SHARE_COLUMN);
        }
    }
    let who = member
        .and_then(|m| study.members.get(m))
        .map_or_else(|| tr.get("ui-all-members"), |m| m.name.clone());
    let title = tr.args(
        "table-explanation",
        &[
            ("scenario", scenario_def.name.clone()),
            ("member", who),
            ("figure", figure_label(study, evaluation, metric, tr)),
        ],
    );
    Some(Explanation {
        table: Table {
            id: "explanation".to_owned(),
            title,
            headers,
            rows,
        },
        places,
        parts,
        figure,
    })
}

/// The figure in words, as the comparison captions it, starting in lower
/// case: `årskostnad 2007`, `nåverdi 2007–2013 (R-109)`.
fn figure_label(study: &Study, evaluation: &Evaluation, metric: Metric, tr: &Tr) -> String {
    let year = match metric {
        Metric::Annual(y) => y,
        _ => study.assumptions.display_year,
    };
    let caption = crate::report::metric::MetricChoice::of(metric).caption(tr, study, evaluation, year);
    let mut chars = caption.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// A line's label, with what the organisation adds to it: the employer
/// whose salary a shared salary line is, and the overhead on a shared line.
fn organised_label(
    study: &Study,
    scenario: &crate::model::Scenario,
    line: &crate::model::CostLine,
    tr: &Tr,
) -> String {
    let Some(org) = scenario
        .organisation
        .as_ref()
        .filter(|_| line.payer == crate::model::Payer::Shared)
    else {
        return line.label.clone();
    };
    let mut label = line.label.clone();
    if line.amount_from == crate::model::AmountFrom::SalaryWithSocialCosts {
        label = tr.args(
            "exp-org-salary",
            &[("label", label), ("employer", study.member_name(&org.employer))],
        );
    }
    if org.overhead_percent != 0.0 {
        label = tr.args(
            "exp-org-overhead",
            &[("label", label), ("percent", tr.pct(org.overhead_percent, 1))],
        );
    }
    label
}
