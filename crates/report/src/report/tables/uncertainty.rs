//! The tables and findings of a simulation: P10/P50/P90 and the chance
//! of being cheapest, the tornado, the fan over the years, the payback
//! distribution.

#[allow(clippy::wildcard_imports)]
use super::*;

/// The uncertainty analysis: per scenario and member (and all together)
/// the cost's mean, P10, P50, P90, the saving (P10, P50, P90) against
/// what it is compared with (today's operation, or for a scenario with a
/// fleet the fleet scenario that includes today's costs) and the chance of being the cheapest with its standard
/// error. Rows of a member outside a scenario are left out.
#[must_use]
pub fn uncertainty(study: &Study, sim: &crate::uncertainty::Simulation, tr: &Tr) -> Table {
    let headers = [
        "ui-scenario",
        "fair-member",
        "unc-mean",
        "unc-p10",
        "unc-p50",
        "unc-p90",
        "unc-saving-p10",
        "unc-saving-p50",
        "unc-saving-p90",
        "unc-p-cheapest",
        "unc-se",
    ]
    .iter()
    .map(|h| tr.get(h))
    .collect();
    let mut rows = Vec::new();
    for member in std::iter::once(None).chain((0..sim.members).map(Some)) {
        for row in sim.rows(member) {
            if member.is_some_and(|m| !sim.participates[row.scenario][m]) {
                continue;
            }
            rows.push(vec![
                Cell::text(&study.scenarios[row.scenario].name),
                Cell::text(member.map_or_else(|| tr.get("unc-all"), |m| study.members[m].name.clone())),
                Cell::Money(row.cost.mean),
                Cell::Money(row.cost.p10),
                Cell::Money(row.cost.p50),
                Cell::Money(row.cost.p90),
                Cell::Money(row.saving.p10),
                Cell::Money(row.saving.p50),
                Cell::Money(row.saving.p90),
            ]);
            // An option not in competition shows "—", never 0 %.
            let last = rows.len() - 1;
            if row.competes {
                rows[last].extend([
                    Cell::Percent(row.p_cheapest * 100.0),
                    Cell::Percent(row.p_cheapest_se * 100.0),
                ]);
            } else {
                rows[last].extend([Cell::text("—"), Cell::text("—")]);
            }
        }
    }
    Table {
        id: "uncertainty".to_owned(),
        title: uncertainty_title(sim, tr),
        headers,
        rows,
    }
}

/// The title of the uncertainty table: how many draws, which seed.
#[must_use]
pub fn uncertainty_title(sim: &crate::uncertainty::Simulation, tr: &Tr) -> String {
    tr.args(
        "table-uncertainty",
        &[
            ("draws", tr.num(sim.options.draws as f64, 0)),
            ("seed", sim.options.seed.to_string()),
        ],
    )
}

/// The tornado on `cost(a) − cost(b)`: one row per uncertain input, its
/// low and high value, the difference at each, and the break-even value.
#[must_use]
pub fn tornado(
    study: &Study,
    (a, b, member): (usize, usize, Option<usize>),
    base: f64,
    rows: &[crate::uncertainty::TornadoRow],
    tr: &Tr,
) -> Table {
    let headers = [
        "unc-input",
        "unc-low",
        "unc-high",
        "unc-diff-low",
        "unc-diff-high",
        "unc-break-even",
    ]
    .iter()
    .map(|h| tr.get(h))
    .collect();
    let rows = rows
        .iter()
        .map(|r| {
            vec![
                Cell::text(input_text(study, &r.input, tr)),
                Cell::Number(r.low, 2),
                Cell::Number(r.high, 2),
                Cell::Money(r.diff_at_low),
                Cell::Money(r.diff_at_high),
                match r.break_evens.as_slice() {
                    [] => Cell::text(tr.get("unc-no-flip")),
                    [one] => Cell::Number(*one, 2),
                    several => Cell::text(
                        several
                            .iter()
                            .map(|v| tr.num_trim(*v, 2))
                            .collect::<Vec<_>>()
                            .join(" · "),
                    ),
                },
            ]
        })
        .collect();
    Table {
        id: "tornado".to_owned(),
        title: tr.args(
            "table-tornado",
            &[
                ("a", study.scenarios[a].name.clone()),
                ("b", study.scenarios[b].name.clone()),
                (
                    "who",
                    member.map_or_else(|| tr.get("unc-all"), |m| study.members[m].name.clone()),
                ),
                ("base", tr.money(base)),
            ],
        ),
        headers,
        rows,
    }
}

/// An input in words: "Fjerndrift: «Fjerndrift hos …», beløp".
#[must_use]
pub fn input_text(study: &Study, input: &crate::model::InputRef, tr: &Tr) -> String {
    label_text(&input.label(study), tr)
}

/// An input in words from its names (as [`input_text`], for a message that
/// has no study at hand).
#[must_use]
pub fn label_text(label: &crate::model::InputLabel, tr: &Tr) -> String {
    use crate::model::InputRef;
    let (owner, item) = (&label.owner, &label.item);
    match &label.input {
        InputRef::LineAmount { .. } => format!("{owner}: «{item}»"),
        InputRef::TodaysCost { .. } => format!("{}, {owner}: {item}", tr.get("view-baseline")),
        InputRef::Attribute { attribute, .. } => format!("{owner}: {}", tr.get(attribute.message_id())),
        InputRef::Salary { .. } => format!("{owner}: {}", tr.get("field-salary")),
        InputRef::EmployerTax { .. } => format!("{owner}: {}", tr.get("field-employer-tax")),
        InputRef::Pension { .. } => format!("{owner}: {}", tr.get("field-pension")),
        InputRef::WageGrowth => tr.get("unc-wage-growth"),
        InputRef::PriceGrowth => tr.get("unc-price-growth"),
        InputRef::DiscountStep { index } => tr.args("unc-discount-step", &[("n", (index + 1).to_string())]),
        InputRef::KeyWeight { .. } => format!("{} «{owner}»: {item}", tr.get("view-keys")),
        InputRef::Seat { param, .. } => format!("{owner}: {}", tr.get(param.message_id())),
        InputRef::LoanRate { .. } => format!("{owner}: «{item}», {}", tr.get("field-loan-rate")),
        InputRef::VatNotCompensated { .. } => format!("{owner}: {}", tr.get("field-vat-not-compensated")),
        InputRef::ElectricityPrice => tr.get("fleet-electricity-price"),
        InputRef::SupportCostPerHour => tr.get("fleet-support-cost-per-hour"),
    }
}

/// What the uncertainty analysis says, in sentences: per member and all
/// together the scenario most often cheapest and how often; scenarios
/// cheaper than another in every percentile.
#[must_use]
pub fn uncertainty_findings(study: &Study, sim: &crate::uncertainty::Simulation, tr: &Tr) -> Vec<String> {
    let mut out = Vec::new();
    // "All together" of an option without some members is its
    // participants, as in the comparison; the others stay as today.
    for s in 0..sim.scenarios {
        let outside: Vec<String> = (0..sim.members)
            .filter(|&m| !sim.participates[s][m])
            .map(|m| study.members[m].name.clone())
            .collect();
        if !outside.is_empty() {
            out.push(tr.args(
                "unc-left-out",
                &[
                    ("scenario", study.scenarios[s].name.clone()),
                    ("members", outside.join(", ")),
                ],
            ));
        }
    }
    for member in std::iter::once(None).chain((0..sim.members).map(Some)) {
        let rows = sim.rows(member);
        let Some(best) = rows
            .iter()
            .filter(|r| r.competes)
            .max_by(|a, b| a.p_cheapest.total_cmp(&b.p_cheapest))
        else {
            continue;
        };
        out.push(tr.args(
            "unc-finding-cheapest",
            &[
                ("scenario", study.scenarios[best.scenario].name.clone()),
                (
                    "who",
                    member.map_or_else(|| tr.get("unc-all"), |m| study.members[m].name.clone()),
                ),
                ("p", tr.pct(best.p_cheapest * 100.0, 0)),
                ("se", tr.pct(best.p_cheapest_se * 100.0, 1)),
            ],
        ));
    }
    // An option against today's operation.
    for (a, b) in sim.dominance(None) {
        if a == sim.today || b == sim.today {
            out.push(tr.args(
                "unc-finding-dominates",
                &[
                    ("a", study.scenarios[a].name.clone()),
                    ("b", study.scenarios[b].name.clone()),
                ],
            ));
        }
    }
    out
}

/// The tornado of an export: on the difference between the two scenarios
/// most often cheapest for all together, made once for the tables and the
/// briefing's chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTornado {
    /// The two scenarios: the difference is `cost(a) − cost(b)`.
    pub pair: (usize, usize),
    /// The difference with every input at its default.
    pub base: f64,
    /// One row per uncertain input, widest swing first.
    pub rows: Vec<crate::uncertainty::TornadoRow>,
}

impl ExportTornado {
    /// The tornado of the two scenarios most often cheapest in `sim`, when
    /// there are two.
    #[must_use]
    pub fn of(study: &Study, sim: &crate::uncertainty::Simulation) -> Option<ExportTornado> {
        let (a, b) = sim.two_most_likely(None)?;
        let (base, rows) = crate::uncertainty::tornado(study, a, b, None, sim.options.metric).ok()?;
        Some(ExportTornado {
            pair: (a, b),
            base,
            rows,
        })
    }

    /// The tornado as a table.
    #[must_use]
    pub fn table(&self, study: &Study, tr: &Tr) -> Table {
        tornado(study, (self.pair.0, self.pair.1, None), self.base, &self.rows, tr)
    }
}

/// The uncertainty tables of an export: the spreads and chances, the fan
/// over the years, the payback distribution, and the tornado (made once,
/// [`ExportTornado`]).
#[must_use]
pub fn uncertainty_tables(
    study: &Study,
    sim: &crate::uncertainty::Simulation,
    tornado: Option<&ExportTornado>,
    tr: &Tr,
) -> Vec<Table> {
    let mut tables = vec![
        uncertainty(study, sim, tr),
        fan_table(study, sim, tr),
        payback_distribution(study, sim, tr),
    ];
    tables.extend(tornado.map(|t| t.table(study, tr)));
    tables
}

/// The cost over the years for all members together: per scenario and year
/// P10, median and P90 over the draws.
#[must_use]
pub fn fan_table(study: &Study, sim: &crate::uncertainty::Simulation, tr: &Tr) -> Table {
    let headers = ["ui-scenario", "unc-year", "unc-p10", "unc-p50", "unc-p90"]
        .iter()
        .map(|h| tr.get(h))
        .collect();
    let first = study.assumptions.first_year;
    let rows = (0..sim.scenarios)
        .flat_map(|s| {
            sim.fan(s)
                .into_iter()
                .enumerate()
                .map(move |(y, (p10, p50, p90))| {
                    vec![
                        Cell::text(&study.scenarios[s].name),
                        Cell::Number(f64::from(first) + y as f64, 0),
                        Cell::Money(p10),
                        Cell::Money(p50),
                        Cell::Money(p90),
                    ]
                })
        })
        .collect();
    Table {
        id: "uncertainty-fan".to_owned(),
        title: tr.get("unc-fan-title"),
        headers,
        rows,
    }
}

/// Per scenario: the share of draws that pay back in each year, and never.
#[must_use]
pub fn payback_distribution(study: &Study, sim: &crate::uncertainty::Simulation, tr: &Tr) -> Table {
    let first = study.assumptions.first_year;
    let mut headers = vec![tr.get("ui-scenario")];
    headers.extend((0..sim.years).map(|y| (first + i32::try_from(y).unwrap_or(0)).to_string()));
    headers.push(tr.get("cli-never"));
    let rows = (0..sim.scenarios)
        // The options (today's operation is what they pay back against).
        .filter(|&s| s != sim.today)
        .map(|s| {
            let (per_year, never) = sim.payback_shares(s);
            let mut cells = vec![Cell::text(&study.scenarios[s].name)];
            cells.extend(per_year.iter().map(|p| Cell::Percent(p * 100.0)));
            cells.push(Cell::Percent(never * 100.0));
            cells
        })
        .collect();
    Table {
        id: "payback-distribution".to_owned(),
        title: tr.get("table-payback-distribution"),
        headers,
        rows,
    }
}
