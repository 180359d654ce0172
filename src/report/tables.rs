//! The tables every export shows: built once from the evaluation, rendered
//! by the CSV, XLSX and HTML writers and by the app's "copy table". No
//! exporter computes a figure of its own; this module only arranges and
//! rounds what the engine computed.
//!
//! Money is rounded to whole kroner; where a table shows a split next to
//! its total, the parts are rounded so they add up to the shown total
//! (largest remainder).

use crate::engine::rounding::round_split;
use crate::engine::{Evaluation, Metric, Payback};
use crate::i18n::Tr;
use crate::model::{Attribute, Driver, KeyRule, Payer, Source, Study, Timing};

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// Whole kroner.
    Money(f64),
    /// A share or a change, in percent (`22.28` means 22.28 %).
    Percent(f64),
    /// A plain number with at most this many decimals.
    Number(f64, usize),
    /// Nothing (a member outside a scenario, a figure not given).
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// The cell as a person reads it, written as `numbers` says: kroner and
    /// numbers grouped (`1 234 567`), percentages with two decimals; whole
    /// numbers are years and counts and get no grouping (`2007`); an empty
    /// cell is a dash. The app, the terminal and the briefing all show
    /// cells with this.
    #[must_use]
    pub fn display(&self, numbers: crate::format::Numbers) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Money(v) => numbers.num(*v, 0),
            Cell::Percent(v) => numbers.percent(*v, 2),
            Cell::Number(v, 0) => {
                crate::format::nordic_with(*v, 0, ' ', crate::format::MINUS).replace(' ', "")
            }
            Cell::Number(v, d) => numbers.num_trim(*v, *d),
            Cell::Empty => "—".to_owned(),
        }
    }
}

/// A table with a title and column headers.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Stable id, used for file and sheet names (`comparison`, …).
    pub id: String,
    /// Title in the user's language.
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows; every row has as many cells as there are headers.
    pub rows: Vec<Vec<Cell>>,
}

fn money_row(values: &[Option<f64>]) -> Vec<Cell> {
    values
        .iter()
        .map(|v| v.map_or(Cell::Empty, Cell::Money))
        .collect()
}

/// The comparison in `year`: one row per scenario, one column per member
/// and the total; members rounded to add up to the total.
#[must_use]
pub fn comparison(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> Table {
    let mut headers = vec![tr.get("ui-scenario")];
    headers.extend(study.members.iter().map(|m| m.name.clone()));
    headers.push(tr.get("ui-total"));
    let rows = evaluation
        .summary(Metric::Annual(year))
        .iter()
        .map(|row| {
            let (members, total) = row.rounded(1.0);
            let mut cells = vec![Cell::text(&evaluation.scenarios[row.scenario].name)];
            cells.extend(money_row(&members));
            cells.push(Cell::Money(total));
            cells
        })
        .collect();
    Table {
        id: "comparison".to_owned(),
        title: tr.args("table-comparison", &[("year", year.to_string())]),
        headers,
        rows,
    }
}

/// Today's costs as the members report them: category × member, the row
/// total, and the total a source printed.
#[must_use]
pub fn baseline(study: &Study, tr: &Tr) -> Table {
    let mut headers = vec![tr.get("ui-category")];
    headers.extend(study.members.iter().map(|m| m.name.clone()));
    headers.push(tr.get("ui-total"));
    headers.push(tr.get("ui-printed-total"));
    // As the figures use them: a member's salary linked to a category
    // comes from its staffing.
    let cells = study.todays_cells();
    let category_totals = crate::model::keys::todays_cost_by_category(study);
    let mut rows: Vec<Vec<Cell>> = study
        .categories
        .iter()
        .filter_map(|category| {
            let line = study.baseline.lines.iter().find(|l| l.category == category.id);
            if line.is_none() && !cells.iter().any(|(c, _, _)| **c == category.id) {
                return None;
            }
            let mut row = vec![Cell::text(&category.name)];
            row.extend(study.members.iter().map(|m| {
                Cell::Money(
                    cells
                        .iter()
                        .filter(|(c, id, _)| **c == category.id && **id == m.id)
                        .map(|(_, _, v)| v)
                        .sum(),
                )
            }));
            row.push(Cell::Money(
                category_totals.get(&category.id).copied().unwrap_or(0.0),
            ));
            row.push(
                line.and_then(|l| l.printed_total)
                    .map_or(Cell::Empty, Cell::Money),
            );
            Some(row)
        })
        .collect();
    let mut total = vec![Cell::text(tr.get("ui-total"))];
    let sums = crate::model::keys::todays_cost_by_member(study);
    let column_sums: Vec<f64> = study
        .members
        .iter()
        .map(|m| sums.get(&m.id).copied().unwrap_or(0.0))
        .collect();
    total.extend(column_sums.iter().map(|v| Cell::Money(*v)));
    total.push(Cell::Money(crate::model::keys::todays_grand_total(study)));
    total.push(
        study
            .baseline
            .printed_grand_total
            .map_or(Cell::Empty, Cell::Money),
    );
    rows.push(total);
    Table {
        id: "baseline".to_owned(),
        title: tr.get("table-baseline"),
        headers,
        rows,
    }
}

/// Differences against today's operation in `year`, in kroner and percent.
#[must_use]
pub fn differences(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> Table {
    let mut headers = vec![tr.get("ui-scenario")];
    for member in &study.members {
        headers.push(format!("{} (kr)", member.name));
        headers.push(format!("{} (%)", member.name));
    }
    headers.push(format!("{} (kr)", tr.get("ui-total")));
    headers.push(format!("{} (%)", tr.get("ui-total")));
    let rows = evaluation
        .summary(Metric::Annual(year))
        .iter()
        .filter(|row| evaluation.today != Some(row.scenario))
        .map(|row| {
            // Rounded so that the members add up to the total.
            let (diffs, diff_total) = row.rounded_diffs(1.0);
            let mut cells = vec![Cell::text(&evaluation.scenarios[row.scenario].name)];
            for (d, p) in diffs.iter().zip(&row.diff_percent_per_member) {
                cells.push(d.map_or(Cell::Empty, Cell::Money));
                cells.push(p.map_or(Cell::Empty, Cell::Percent));
            }
            cells.push(diff_total.map_or(Cell::Empty, Cell::Money));
            cells.push(row.diff_percent_total.map_or(Cell::Empty, Cell::Percent));
            cells
        })
        .collect();
    Table {
        id: "differences".to_owned(),
        title: tr.args("table-differences", &[("year", year.to_string())]),
        headers,
        rows,
    }
}

/// What each scenario costs in `year` by kind of cost (categories with any
/// cost), with the total; each column rounded to add up to its total.
#[must_use]
pub fn by_category(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> Table {
    let mut headers = vec![tr.get("ui-category")];
    headers.extend(evaluation.scenarios.iter().map(|s| s.name.clone()));
    let metric = Metric::Annual(year);
    let used: Vec<usize> = (0..study.categories.len())
        .filter(|&c| {
            (0..evaluation.scenarios.len()).any(|s| evaluation.category_metric(s, c, metric).abs() >= 0.5)
        })
        .collect();
    // Per scenario (column): the categories rounded to add up.
    let columns: Vec<Vec<f64>> = (0..evaluation.scenarios.len())
        .map(|s| {
            round_split(
                &used
                    .iter()
                    .map(|&c| evaluation.category_metric(s, c, metric))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let mut rows: Vec<Vec<Cell>> = used
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let mut cells = vec![Cell::text(&study.categories[c].name)];
            cells.extend(columns.iter().map(|col| Cell::Money(col[i])));
            cells
        })
        .collect();
    let mut total = vec![Cell::text(tr.get("ui-total"))];
    total.extend(columns.iter().map(|col| Cell::Money(col.iter().sum())));
    rows.push(total);
    Table {
        id: "by-category".to_owned(),
        title: tr.args("table-by-category", &[("year", year.to_string())]),
        headers,
        rows,
    }
}

/// The unit of shown money: `kr, NOK` or `1 000 kr, SEK` (`kr` could be
/// any of three currencies: the code says which).
#[must_use]
pub fn unit_label(tr: &Tr, study: &Study, thousands: bool) -> String {
    let unit = if thousands {
        tr.get("ui-unit-thousands")
    } else {
        tr.get("ui-unit-kroner")
    };
    format!("{unit}, {}", study.currency.code())
}

/// Every scenario's total per year, and the sum over the horizon.
#[must_use]
pub fn per_year(evaluation: &Evaluation, tr: &Tr) -> Table {
    let mut headers = vec![tr.get("ui-scenario")];
    headers.extend(evaluation.years.iter().map(ToString::to_string));
    headers.push(tr.get("table-horizon-sum"));
    let rows = (0..evaluation.scenarios.len())
        .map(|s| {
            // The years rounded so that they add up to the sum over the
            // years, which is the engine's figure rounded once (the same
            // as in the economics table).
            let per_year: Vec<f64> = evaluation
                .years
                .iter()
                .map(|y| evaluation.summary(Metric::Annual(*y))[s].total)
                .collect();
            let per_year = round_split(&per_year);
            let mut cells = vec![Cell::text(&evaluation.scenarios[s].name)];
            cells.extend(per_year.iter().map(|v| Cell::Money(*v)));
            cells.push(Cell::Money(per_year.iter().sum()));
            cells
        })
        .collect();
    let first = evaluation.years.first().copied().unwrap_or_default();
    let last = evaluation.years.last().copied().unwrap_or_default();
    Table {
        id: "per-year".to_owned(),
        title: tr.args(
            "table-per-year",
            &[("first", first.to_string()), ("last", last.to_string())],
        ),
        headers,
        rows,
    }
}

fn payback_cell(tr: &Tr, payback: Payback) -> Cell {
    match payback {
        Payback::Year(y) => Cell::Number(f64::from(y), 0),
        Payback::NotWithinHorizon => Cell::Text(tr.get("cli-never")),
        Payback::NotApplicable => Cell::Empty,
    }
}

/// The rows of [`economics`]: per scenario each participant (index), then
/// all participants together (`None`).
#[must_use]
pub fn economics_rows(evaluation: &Evaluation) -> Vec<(usize, Option<usize>)> {
    evaluation
        .scenarios
        .iter()
        .enumerate()
        .flat_map(|(s, result)| {
            result
                .participates
                .iter()
                .enumerate()
                .filter(|(_, p)| **p)
                .map(move |(m, _)| (s, Some(m)))
                .chain([(s, None)])
        })
        .collect()
}

/// The metric of a figure column of [`economics`] (2, 3, 4).
#[must_use]
pub fn economics_metric(column: usize) -> Option<Metric> {
    match column {
        2 => Some(Metric::PresentValue),
        3 => Some(Metric::AnnualEquivalent),
        4 => Some(Metric::HorizonSum),
        _ => None,
    }
}

/// Over the whole horizon, per scenario and member (and all participants
/// together): present value, equivalent annual cost, the undiscounted sum,
/// and the payback year against today's operation.
#[must_use]
pub fn economics(study: &Study, evaluation: &Evaluation, tr: &Tr) -> Table {
    let headers = [
        "ui-scenario",
        "table-member",
        "metric-pv",
        "metric-eac",
        "metric-total",
        "table-payback",
    ]
    .iter()
    .map(|id| tr.get(id))
    .collect();
    let pv: Vec<_> = evaluation
        .summary(Metric::PresentValue)
        .iter()
        .map(|r| r.rounded(1.0))
        .collect();
    let eac: Vec<_> = evaluation
        .summary(Metric::AnnualEquivalent)
        .iter()
        .map(|r| r.rounded(1.0))
        .collect();
    let sum: Vec<_> = evaluation
        .summary(Metric::HorizonSum)
        .iter()
        .map(|r| r.rounded(1.0))
        .collect();
    let figure = |of: &[(Vec<Option<f64>>, f64)], s: usize, member: Option<usize>| match member {
        Some(m) => of[s].0[m].map_or(Cell::Empty, Cell::Money),
        None => Cell::Money(of[s].1),
    };
    let rows = economics_rows(evaluation)
        .into_iter()
        .map(|(s, member)| {
            vec![
                Cell::text(&evaluation.scenarios[s].name),
                Cell::text(member.map_or_else(|| tr.get("ui-total"), |m| study.members[m].name.clone())),
                figure(&pv, s, member),
                figure(&eac, s, member),
                figure(&sum, s, member),
                payback_cell(tr, evaluation.payback(s, member)),
            ]
        })
        .collect();
    let first = evaluation.years.first().copied().unwrap_or_default();
    let last = evaluation.years.last().copied().unwrap_or_default();
    Table {
        id: "economics".to_owned(),
        title: tr.args(
            "table-economics",
            &[
                ("first", first.to_string()),
                ("last", last.to_string()),
                ("rate", study.assumptions.discount.name.clone()),
            ],
        ),
        headers,
        rows,
    }
}

/// Each scenario's key and the share of each participant.
#[must_use]
pub fn shares(study: &Study, evaluation: &Evaluation, tr: &Tr) -> Table {
    let mut headers = vec![tr.get("ui-scenario"), tr.get("ui-key")];
    headers.extend(study.members.iter().map(|m| format!("{} (%)", m.name)));
    let rows = study
        .scenarios
        .iter()
        .zip(&evaluation.scenarios)
        .filter_map(|(scenario, result)| {
            let key = study.key(scenario.key.as_ref()?)?;
            let mut cells = vec![Cell::text(&scenario.name), Cell::text(&key.name)];
            cells.extend(
                result
                    .key_shares
                    .iter()
                    .zip(&result.participates)
                    .map(|(s, p)| if *p { Cell::Percent(s * 100.0) } else { Cell::Empty }),
            );
            Some(cells)
        })
        .collect();
    Table {
        id: "shares".to_owned(),
        title: tr.get("table-shares"),
        headers,
        rows,
    }
}

fn source_cells(tr: &Tr, source: &Source) -> [Cell; 2] {
    match source {
        Source::Cited { text, date } => {
            let text = match date {
                Some(d) => format!("{text} ({d})"),
                None => text.clone(),
            };
            [Cell::Text(text), Cell::text(tr.get("table-no"))]
        }
        Source::Assumption { note } => [Cell::text(note), Cell::text(tr.get("table-yes"))],
    }
}

/// A scenario kind in words.
#[must_use]
pub fn kind_text(tr: &Tr, kind: crate::model::ScenarioKind) -> String {
    use crate::model::ScenarioKind;
    tr.get(match kind {
        ScenarioKind::Today => "kind-today",
        ScenarioKind::JointInHouse => "kind-joint",
        ScenarioKind::ThinClients => "kind-thin",
        ScenarioKind::Hosting => "kind-hosting",
        ScenarioKind::Custom => "kind-custom",
    })
}

/// Who pays a line, in words ("paid by Salangen").
#[must_use]
pub fn payer_text(tr: &Tr, study: &Study, payer: &Payer) -> String {
    match payer {
        Payer::Shared => tr.get("payer-shared"),
        Payer::EachMember => tr.get("payer-each"),
        Payer::Member(id) => tr.args(
            "payer-member",
            &[(
                "name",
                study.member(id).map_or_else(|| id.0.clone(), |m| m.name.clone()),
            )],
        ),
    }
}

/// A driver in words ("per workstation").
#[must_use]
pub fn driver_text(tr: &Tr, driver: Driver) -> String {
    match driver {
        Driver::Lump => tr.get("driver-lump"),
        Driver::Members => tr.get("driver-members"),
        Driver::Fte => tr.get("driver-fte"),
        Driver::Attribute(Attribute::Population) => tr.get("driver-per-inhabitant"),
        Driver::Attribute(Attribute::Employees) => tr.get("driver-per-employee"),
        Driver::Attribute(Attribute::Workstations) => tr.get("driver-per-workstation"),
        Driver::Attribute(Attribute::Sites) => tr.get("driver-per-site"),
    }
}

fn timing_text(tr: &Tr, timing: &Timing) -> String {
    match *timing {
        Timing::EveryYear { from: None, to: None } => tr.get("timing-every-year"),
        Timing::EveryYear { from, to } => tr.args(
            "table-timing-years",
            &[
                ("from", from.map_or_else(String::new, |y| y.to_string())),
                ("to", to.map_or_else(String::new, |y| y.to_string())),
            ],
        ),
        Timing::Once { year } => tr.args("table-timing-once", &[("year", year.to_string())]),
        Timing::EveryNYears { every, from } => tr.args(
            "table-timing-every",
            &[("every", every.to_string()), ("from", from.to_string())],
        ),
    }
}

fn rule_text(tr: &Tr, study: &Study, rule: &KeyRule) -> String {
    match rule {
        KeyRule::Equal => tr.get("rule-equal"),
        KeyRule::Proportional(a) => tr.args("rule-proportional", &[("attribute", tr.get(a.message_id()))]),
        KeyRule::TodaysCost => tr.get("rule-todays-cost"),
        KeyRule::Fixed(weights) => {
            let parts: Vec<String> = study
                .members
                .iter()
                .map(|m| {
                    let w = weights.get(&m.id).copied().unwrap_or(0.0);
                    format!("{} {}", m.id, tr.num(w, 2))
                })
                .collect();
            format!("{}: {}", tr.get("rule-fixed"), parts.join(", "))
        }
        KeyRule::Mix(parts) => parts
            .iter()
            .map(|p| format!("{} × {}", tr.num(p.weight, 1), rule_text(tr, study, &p.rule)))
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// Every input of the study with its source and whether it is an
/// assumption: the years and rates, each member's attributes and salary,
/// today's costs, each key and each scenario line.
#[must_use]
pub fn inputs(study: &Study, tr: &Tr) -> Table {
    let headers = [
        "table-section",
        "table-item",
        "table-value",
        "table-unit",
        "ui-source-text",
        "ui-assumption",
    ]
    .iter()
    .map(|id| tr.get(id))
    .collect();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut push = |section: String, item: String, value: Cell, unit: String, source: [Cell; 2]| {
        let [s, a] = source;
        rows.push(vec![
            Cell::Text(section),
            Cell::Text(item),
            value,
            Cell::Text(unit),
            s,
            a,
        ]);
    };
    let a = &study.assumptions;
    let section = tr.get("view-assumptions");
    let none = || [Cell::Empty, Cell::Empty];
    push(
        section.clone(),
        tr.get("table-currency"),
        Cell::Text(study.currency.code().to_owned()),
        String::new(),
        none(),
    );
    push(
        section.clone(),
        tr.get("ui-first-year"),
        Cell::Number(f64::from(a.first_year), 0),
        String::new(),
        none(),
    );
    push(
        section.clone(),
        tr.get("ui-horizon"),
        Cell::Number(f64::from(a.horizon_years), 0),
        tr.get("table-years"),
        none(),
    );
    push(
        section.clone(),
        tr.get("ui-display-year"),
        Cell::Number(f64::from(a.display_year), 0),
        String::new(),
        none(),
    );
    push(
        section.clone(),
        tr.get("field-wage-growth"),
        Cell::Percent(a.real_wage_growth_percent),
        "%".into(),
        none(),
    );
    push(
        section.clone(),
        tr.get("field-price-growth"),
        Cell::Percent(a.real_price_growth_percent),
        "%".into(),
        none(),
    );
    for step in &a.discount.steps {
        let item = tr.args(
            "table-discount-step",
            &[
                ("name", a.discount.name.clone()),
                ("from", step.from_year_index.to_string()),
            ],
        );
        push(
            section.clone(),
            item,
            Cell::Percent(step.percent),
            "%".into(),
            source_cells(tr, &a.discount.source),
        );
    }
    for member in &study.members {
        for attribute in Attribute::ALL {
            if let Some(q) = member.attribute(attribute) {
                let item = tr.get(attribute.message_id());
                push(
                    member.name.clone(),
                    item,
                    // Inhabitants, sites, workstations: counts, shown
                    // without decimals unless one was given.
                    Cell::Number(q.value, if q.value.fract() == 0.0 { 0 } else { 2 }),
                    String::new(),
                    source_cells(tr, &q.source),
                );
            }
        }
        if let Some(salary) = &member.salary {
            let source = || source_cells(tr, &salary.source);
            push(
                member.name.clone(),
                tr.get("field-salary"),
                Cell::Money(salary.nok_per_fte),
                tr.numbers().currency.into(),
                source(),
            );
            push(
                member.name.clone(),
                tr.get("field-employer-tax"),
                Cell::Percent(salary.employer_tax_percent),
                "%".into(),
                source(),
            );
            push(
                member.name.clone(),
                tr.get("field-pension"),
                Cell::Percent(salary.pension_percent),
                "%".into(),
                source(),
            );
        }
    }
    let today = tr.get("view-baseline");
    for line in &study.baseline.lines {
        let category = study
            .category(&line.category)
            .map_or_else(|| line.category.0.clone(), |c| c.name.clone());
        for member in &study.members {
            // Zero cells are left out: the grid of today's costs shows them;
            // so is a cell the member's staffing gives (its salary is listed).
            let linked = study
                .staffing_salary_cost(member)
                .is_some_and(|(c, _)| *c == line.category);
            if linked {
                continue;
            }
            if let Some(amount) = line.amounts_nok.get(&member.id).filter(|a| **a != 0.0) {
                let item = format!("{category} – {}", member.name);
                push(
                    today.clone(),
                    item,
                    Cell::Money(*amount),
                    tr.get("table-nok-per-year"),
                    source_cells(tr, &study.baseline.source),
                );
            }
        }
    }
    for key in &study.keys {
        let section = tr.args("place-key", &[("name", key.name.clone())]);
        push(
            section,
            tr.get("ui-rule"),
            Cell::Text(rule_text(tr, study, &key.rule)),
            String::new(),
            source_cells(tr, &key.source),
        );
    }
    for scenario in &study.scenarios {
        for line in &scenario.lines {
            let payer = payer_text(tr, study, &line.payer);
            let quantity = if (line.quantity - 1.0).abs() > f64::EPSILON {
                format!(" × {}", tr.num(line.quantity, 2))
            } else {
                String::new()
            };
            let unit = format!(
                "kr{quantity} {}, {payer}, {}",
                driver_text(tr, line.driver),
                timing_text(tr, &line.timing)
            );
            push(
                scenario.name.clone(),
                line.label.clone(),
                Cell::Money(line.amount_nok),
                unit,
                source_cells(tr, &line.source),
            );
        }
    }
    Table {
        id: "inputs".to_owned(),
        title: tr.get("table-inputs"),
        headers,
        rows,
    }
}

/// A scenario's service level in words: "uptime 99,5 % = 43,8 hours of
/// downtime a year (expected cost 219 000 kr a year)".
#[must_use]
pub fn service_level_text(tr: &Tr, level: &crate::model::ServiceLevel) -> String {
    let base = tr.args(
        "service-level",
        &[
            (
                "uptime",
                format!("{}\u{a0}%", tr.num_trim(level.uptime_percent, 3)),
            ),
            ("hours", tr.num(level.downtime_hours_per_year(), 1)),
        ],
    );
    match level.expected_downtime_cost_nok_per_year() {
        Some(cost) => tr.args("service-level-cost", &[("base", base), ("cost", tr.money(cost))]),
        None => base,
    }
}

/// Every table, in the order the exports show them.
#[must_use]
pub fn all(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> Vec<Table> {
    vec![
        comparison(study, evaluation, tr, year),
        differences(study, evaluation, tr, year),
        baseline(study, tr),
        by_category(study, evaluation, tr, year),
        per_year(evaluation, tr),
        economics(study, evaluation, tr),
        shares(study, evaluation, tr),
        inputs(study, tr),
    ]
}

/// The uncertainty analysis: per scenario and member (and all together)
/// the cost's mean, P10, P50, P90, the saving against today's operation
/// (P10, P50, P90) and the chance of being the cheapest with its standard
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
                Cell::Percent(row.p_cheapest * 100.0),
                Cell::Percent(row.p_cheapest_se * 100.0),
            ]);
        }
    }
    Table {
        id: "uncertainty".to_owned(),
        title: tr.args(
            "table-uncertainty",
            &[
                ("draws", tr.num(sim.options.draws as f64, 0)),
                ("seed", sim.options.seed.to_string()),
            ],
        ),
        headers,
        rows,
    }
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
                r.break_even
                    .map_or_else(|| Cell::text(tr.get("unc-no-flip")), |v| Cell::Number(v, 2)),
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
    use crate::model::InputRef;
    let member_name =
        |id: &crate::model::MemberId| study.member(id).map_or_else(|| id.0.clone(), |m| m.name.clone());
    match input {
        InputRef::LineAmount { scenario, line } => {
            let s = study.scenario(scenario);
            let label = s
                .and_then(|s| s.lines.iter().find(|l| &l.id == line))
                .map_or_else(|| line.0.clone(), |l| l.label.clone());
            format!(
                "{}: «{label}»",
                s.map_or_else(|| scenario.0.clone(), |s| s.name.clone())
            )
        }
        InputRef::TodaysCost { member, category } => format!(
            "{}, {}: {}",
            tr.get("view-baseline"),
            member_name(member),
            study
                .category(category)
                .map_or_else(|| category.0.clone(), |c| c.name.clone())
        ),
        InputRef::Attribute { member, attribute } => {
            format!("{}: {}", member_name(member), tr.get(attribute.message_id()))
        }
        InputRef::Salary { member } => format!("{}: {}", member_name(member), tr.get("field-salary")),
        InputRef::EmployerTax { member } => {
            format!("{}: {}", member_name(member), tr.get("field-employer-tax"))
        }
        InputRef::Pension { member } => format!("{}: {}", member_name(member), tr.get("field-pension")),
        InputRef::WageGrowth => tr.get("unc-wage-growth"),
        InputRef::PriceGrowth => tr.get("unc-price-growth"),
        InputRef::DiscountStep { index } => tr.args("unc-discount-step", &[("n", (index + 1).to_string())]),
        InputRef::KeyWeight { key, member } => format!(
            "{} «{}»: {}",
            tr.get("view-keys"),
            study.key(key).map_or_else(|| key.0.clone(), |k| k.name.clone()),
            member_name(member)
        ),
        InputRef::Seat { seat_type, param } => format!(
            "{}: {}",
            study
                .workstations
                .seat_type(seat_type)
                .map_or_else(|| seat_type.clone(), |t| t.name.clone()),
            tr.get(param.message_id())
        ),
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
    for member in std::iter::once(None).chain((0..sim.members).map(Some)) {
        let rows = sim.rows(member);
        let Some(best) = rows.iter().max_by(|a, b| a.p_cheapest.total_cmp(&b.p_cheapest)) else {
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

/// The uncertainty tables of an export: the spreads and chances, the
/// payback distribution, and the tornado of the two scenarios most often
/// cheapest for all together.
#[must_use]
pub fn uncertainty_tables(study: &Study, sim: &crate::uncertainty::Simulation, tr: &Tr) -> Vec<Table> {
    let mut tables = vec![
        uncertainty(study, sim, tr),
        fan_table(study, sim, tr),
        payback_distribution(study, sim, tr),
    ];
    if let Some((a, b)) = sim.two_most_likely(None)
        && let Ok((base, rows)) = crate::uncertainty::tornado(study, a, b, None, sim.options.metric)
    {
        tables.push(tornado(study, (a, b, None), base, &rows, tr));
    }
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

/// A fleet line's name (`PC: purchase, rolling refresh (price ÷
/// lifetime)`) and the sources of the numbers it is made of.
pub(super) fn fleet_line_text(
    study: &Study,
    line: &crate::model::fleet::FleetLine,
    tr: &Tr,
) -> (String, String) {
    let ws = &study.workstations;
    let seat = &ws.seat_types[line.seat_type];
    let sources: Vec<String> = line
        .formula
        .factors
        .iter()
        .filter_map(|(input, _)| match input {
            crate::model::InputRef::Seat { param, .. } => seat
                .param(*param)
                .map(|q| format!("{}: {}", tr.get(param.message_id()), source_text(&q.source, tr))),
            crate::model::InputRef::ElectricityPrice => Some(format!(
                "{}: {}",
                tr.get("fleet-electricity-price"),
                source_text(&ws.electricity_price.source, tr)
            )),
            crate::model::InputRef::SupportCostPerHour => Some(format!(
                "{}: {}",
                tr.get("fleet-support-cost-per-hour"),
                source_text(&ws.support_cost_per_hour.source, tr)
            )),
            _ => None,
        })
        .collect();
    (
        format!("{}: {}", seat.name, tr.get(line.cost.message_id())),
        sources.join("; "),
    )
}

pub(super) fn source_text(source: &Source, tr: &Tr) -> String {
    match source {
        Source::Cited { text, date } => date
            .as_ref()
            .map_or_else(|| text.clone(), |d| format!("{text} ({d})")),
        Source::Assumption { note } if note.is_empty() => tr.get("ui-assumption"),
        Source::Assumption { note } => format!("{}: {note}", tr.get("ui-assumption")),
    }
}

/// The note that scenarios with a workstation fleet are compared with
/// today's operation with its workstations, when the study has such.
#[must_use]
pub fn compared_with_note(study: &Study, evaluation: &Evaluation, tr: &Tr) -> Option<String> {
    let other = evaluation
        .compared_with
        .iter()
        .flatten()
        .copied()
        .find(|&r| Some(r) != evaluation.today)?;
    Some(tr.args(
        "note-compared-with-fleet",
        &[("scenario", study.scenarios.get(other)?.name.clone())],
    ))
}

/// For each scenario that leaves some members out (joint in-house without
/// Ibestad): a sentence that its total is compared with today's cost of
/// the same members, and that figure.
#[must_use]
pub fn partial_scenario_notes(
    study: &Study,
    evaluation: &Evaluation,
    metric: Metric,
    tr: &Tr,
) -> Vec<String> {
    evaluation
        .summary(metric)
        .iter()
        .filter(|row| Some(row.scenario) != evaluation.today)
        .filter_map(|row| {
            let left_out: Vec<&str> = row
                .per_member
                .iter()
                .zip(&study.members)
                .filter(|(v, _)| v.is_none())
                .map(|(_, m)| m.name.as_str())
                .collect();
            if left_out.is_empty() {
                return None;
            }
            let reference = row.reference_total?;
            Some(tr.args(
                "note-partial-scenario",
                &[
                    ("scenario", evaluation.scenarios[row.scenario].name.clone()),
                    ("members", left_out.join(", ")),
                    ("amount", tr.money(reference.round())),
                ],
            ))
        })
        .collect()
}

/// What a council should read first, one sentence each: per municipality
/// and for all together the cheapest option in `year` and by how much
/// against today; per scenario who pays more than today; and the caveats
/// (assumptions, warnings).
#[must_use]
pub fn council_summary(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> Vec<String> {
    let mut out = Vec::new();
    let rows = evaluation.summary(Metric::Annual(year));
    let kr = |v: f64| tr.money(v);
    let change = |diff: f64, percent: Option<f64>| {
        let pct = percent.map_or_else(String::new, |p| format!(" ({})", tr.pct(p.abs(), 1)));
        if diff <= 0.0 {
            tr.args(
                "brief-less-than-today",
                &[("amount", kr(-diff)), ("percent", pct)],
            )
        } else {
            tr.args("brief-more-than-today", &[("amount", kr(diff)), ("percent", pct)])
        }
    };
    let Some(today) = evaluation.today else {
        return out;
    };
    // The scenarios measured against today's operation; a workstation pair
    // (compared with today's operation with its workstations) has its own
    // section.
    let rows: Vec<&crate::engine::SummaryRow> = rows
        .iter()
        .filter(|r| evaluation.compared_with.get(r.scenario).copied().flatten() == Some(today))
        .collect();
    for (m, member) in study.members.iter().enumerate() {
        let best = rows
            .iter()
            .filter(|r| r.scenario != today)
            .filter_map(|r| Some((r, r.per_member[m]?)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((row, cost)) = best {
            let diff = row.diff_per_member[m].unwrap_or(0.0);
            out.push(tr.args(
                if diff > 0.5 {
                    "brief-today-cheapest-member"
                } else {
                    "brief-cheapest-member"
                },
                &[
                    ("member", member.name.clone()),
                    ("scenario", evaluation.scenarios[row.scenario].name.clone()),
                    ("cost", kr(cost)),
                    ("change", change(diff, row.diff_percent_per_member[m])),
                ],
            ));
        }
    }
    let all_members = |r: &&&crate::engine::SummaryRow| r.per_member.iter().all(Option::is_some);
    if let Some(row) = rows
        .iter()
        .filter(|r| r.scenario != today)
        .filter(all_members)
        .min_by(|a, b| a.total.total_cmp(&b.total))
    {
        out.push(tr.args(
            "brief-cheapest-total",
            &[
                ("scenario", evaluation.scenarios[row.scenario].name.clone()),
                ("cost", kr(row.total)),
                (
                    "change",
                    change(row.diff_total.unwrap_or(0.0), row.diff_percent_total),
                ),
            ],
        ));
    }
    for row in rows.iter().filter(|r| r.scenario != today) {
        let more: Vec<String> = study
            .members
            .iter()
            .enumerate()
            .filter_map(|(m, member)| {
                let d = row.diff_per_member[m]?;
                (d > 0.5).then(|| format!("{} (+{})", member.name, kr(d)))
            })
            .collect();
        if !more.is_empty() {
            out.push(tr.args(
                "brief-pays-more",
                &[
                    ("scenario", evaluation.scenarios[row.scenario].name.clone()),
                    ("members", more.join(", ")),
                ],
            ));
        }
    }
    let inputs = inputs(study, tr);
    let assumption_word = tr.get("table-yes");
    let assumptions = inputs
        .rows
        .iter()
        .filter(|r| matches!(r.last(), Some(Cell::Text(t)) if *t == assumption_word))
        .count();
    out.push(tr.args(
        "brief-caveats",
        &[
            ("assumptions", assumptions.to_string()),
            ("inputs", inputs.rows.len().to_string()),
            ("warnings", evaluation.report.warnings().count().to_string()),
        ],
    ));
    out
}

/// A score on DFØ's nine-step scale: `+ + +`, `0`, `− −` (a derived
/// economy score is rounded to the nearest step for the signs, and given
/// with one decimal).
#[must_use]
pub fn score_text(score: f64) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let steps = score.round().clamp(-4.0, 4.0) as i32;
    let signs = match steps {
        0 => "0".to_owned(),
        n if n > 0 => vec!["+"; usize::try_from(n).unwrap_or(0)].join(" "),
        n => vec!["\u{2212}"; usize::try_from(-n).unwrap_or(0)].join(" "),
    };
    if (score - score.round()).abs() > 1e-9 {
        format!("{signs} ({})", crate::format::nordic(score, 1))
    } else {
        signs
    }
}

fn meets_text(meets: crate::model::decision::Meets, tr: &Tr) -> String {
    use crate::model::decision::Meets;
    tr.get(match meets {
        Meets::Yes => "fair-yes",
        Meets::No => "fair-no",
        Meets::Unknown => "crit-unknown",
    })
}

/// A scenario × something table: a row per scenario with its name and
/// `cells(scenario index)`.
fn scenario_matrix(
    study: &Study,
    (id, title): (&str, String),
    columns: impl Iterator<Item = String>,
    cells: impl Fn(usize) -> Vec<Cell>,
    tr: &Tr,
) -> Table {
    let mut headers = vec![tr.get("ui-scenario")];
    headers.extend(columns);
    let rows = study
        .scenarios
        .iter()
        .enumerate()
        .map(|(s, scenario)| {
            let mut row = vec![Cell::text(&scenario.name)];
            row.extend(cells(s));
            row
        })
        .collect();
    Table {
        id: id.to_owned(),
        title,
        headers,
        rows,
    }
}

/// The score matrix: scenario × criterion on the nine-step scale.
#[must_use]
pub fn criteria_scores(study: &Study, a: &crate::criteria::Analysis, tr: &Tr) -> Table {
    scenario_matrix(
        study,
        ("criteria-scores", tr.get("table-criteria-scores")),
        study.decision.criteria.iter().map(|c| c.name.clone()),
        |s| a.scores[s].iter().map(|v| Cell::text(score_text(*v))).collect(),
        tr,
    )
}

/// Per profile the value (0–100) and rank of each scenario, where the
/// profiles disagree on its rank, the share of all weightings in which it
/// ranks first, and the requirements it fails.
#[must_use]
pub fn criteria_rankings(study: &Study, a: &crate::criteria::Analysis, tr: &Tr) -> Table {
    let mut headers = vec![tr.get("ui-scenario")];
    for p in &a.profiles {
        headers.push(tr.args("crit-value-of", &[("profile", p.name.clone())]));
        headers.push(tr.args("crit-rank-of", &[("profile", p.name.clone())]));
    }
    headers.extend([tr.get("crit-disagree"), tr.get("crit-acceptability")]);
    headers.extend(
        a.profiles
            .iter()
            .map(|p| tr.args("crit-acceptability-around", &[("profile", p.name.clone())])),
    );
    headers.push(tr.get("crit-fails"));
    let rows = study
        .scenarios
        .iter()
        .enumerate()
        .map(|(s, scenario)| {
            let mut cells = vec![Cell::text(&scenario.name)];
            for p in &a.profiles {
                cells.push(Cell::Number(p.values[s], 1));
                cells.push(Cell::Number(p.ranks[s] as f64, 0));
            }
            let disagree = a.profiles.windows(2).any(|w| w[0].ranks[s] != w[1].ranks[s]);
            cells.push(Cell::text(if disagree {
                tr.get("fair-yes")
            } else {
                String::new()
            }));
            cells.push(Cell::Percent(a.acceptability[s] * 100.0));
            cells.extend(
                a.profiles
                    .iter()
                    .map(|p| Cell::Percent(p.acceptability[s] * 100.0)),
            );
            let failed: Vec<String> = study
                .decision
                .requirements
                .iter()
                .enumerate()
                .filter(|(r, _)| a.compliance[s][*r] == crate::model::decision::Meets::No)
                .map(|(_, r)| r.name.clone())
                .collect();
            cells.push(Cell::text(failed.join(", ")));
            cells
        })
        .collect();
    Table {
        id: "criteria-rankings".to_owned(),
        title: tr.get("table-criteria-rankings"),
        headers,
        rows,
    }
}

/// Scenario × requirement: meets it, does not, or unknown.
#[must_use]
pub fn criteria_requirements(study: &Study, a: &crate::criteria::Analysis, tr: &Tr) -> Table {
    scenario_matrix(
        study,
        ("criteria-requirements", tr.get("table-criteria-requirements")),
        study.decision.requirements.iter().map(|r| r.name.clone()),
        |s| {
            a.compliance[s]
                .iter()
                .map(|m| Cell::text(meets_text(*m, tr)))
                .collect()
        },
        tr,
    )
}

/// Per profile and criterion: the weight and the interval it can move in
/// before the first choice changes.
#[must_use]
pub fn criteria_stability(study: &Study, a: &crate::criteria::Analysis, tr: &Tr) -> Table {
    let headers = [
        "crit-profile",
        "crit-criterion",
        "crit-weight",
        "crit-low",
        "crit-high",
    ]
    .iter()
    .map(|h| tr.get(h))
    .collect();
    let rows = a
        .profiles
        .iter()
        .flat_map(|p| {
            p.stability.iter().map(move |st| {
                vec![
                    Cell::text(&p.name),
                    Cell::text(&study.decision.criteria[st.criterion].name),
                    Cell::Percent(st.weight * 100.0),
                    Cell::Percent(st.low * 100.0),
                    Cell::Percent(st.high * 100.0),
                ]
            })
        })
        .collect();
    Table {
        id: "criteria-stability".to_owned(),
        title: tr.get("table-criteria-stability"),
        headers,
        rows,
    }
}

/// The dissent in sentences: each profile's first choice, and the weight
/// that decides between them.
#[must_use]
pub fn criteria_findings(study: &Study, a: &crate::criteria::Analysis, tr: &Tr) -> Vec<String> {
    let mut out = Vec::new();
    let name = |s: usize| study.scenarios[s].name.clone();
    for p in &a.profiles {
        let mut text = tr.args(
            "crit-first",
            &[("profile", p.name.clone()), ("scenario", name(p.first))],
        );
        if a.fails(p.first) {
            text.push(' ');
            text.push_str(&tr.get("crit-first-fails"));
        }
        out.push(text);
    }
    for d in &a.dissents {
        if let Some((c, t, above)) = d.decided_by {
            out.push(tr.args(
                if above {
                    "crit-decided-above"
                } else {
                    "crit-decided-below"
                },
                &[
                    ("criterion", study.decision.criteria[c].name.clone()),
                    ("profile", a.profiles[d.a.0].name.clone()),
                    ("weight", tr.pct(t * 100.0, 0)),
                    ("scenario", name(d.a.1)),
                    ("other", name(d.b.1)),
                ],
            ));
        }
    }
    if let Some((best, share)) = a
        .acceptability
        .iter()
        .enumerate()
        .max_by(|x, y| x.1.total_cmp(y.1))
    {
        out.push(tr.args(
            "crit-acceptability-finding",
            &[("scenario", name(best)), ("share", tr.pct(share * 100.0, 0))],
        ));
    }
    out.push(tr.get("crit-economy-rule"));
    out
}

/// Every criteria table, for exports.
#[must_use]
pub fn criteria_tables(study: &Study, a: &crate::criteria::Analysis, tr: &Tr) -> Vec<Table> {
    vec![
        criteria_rankings(study, a, tr),
        criteria_scores(study, a, tr),
        criteria_requirements(study, a, tr),
        criteria_stability(study, a, tr),
    ]
}

/// Text fit for a file or sheet name: letters, digits, `-` and `_`, at
/// most 40 characters.
fn file_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect()
}

/// The fair split of every scenario but today's operation, under the
/// annual cost of `year` (as the comparison tables): its table and its
/// findings. Runs the analysis (every coalition); scenarios it cannot
/// split are left out.
#[must_use]
pub fn fair_splits(study: &Study, tr: &Tr, year: i32, all_keys: bool) -> Vec<(Table, Vec<String>)> {
    let options = crate::fairness::Options {
        metric: Metric::Annual(year),
        samples: crate::fairness::sample_count(study.members.len()),
        seed: 1,
    };
    (0..study.scenarios.len())
        .filter(|&s| study.scenarios[s].kind != crate::model::ScenarioKind::Today)
        .filter_map(|s| crate::fairness::analyse(study, s, options, &|_| true).ok())
        .map(|fair| {
            (
                fair_split(study, &fair, tr, all_keys),
                fair_split_findings(study, &fair, tr),
            )
        })
        .collect()
}

/// The members of a coalition mask by name, joined by " + ".
#[must_use]
pub fn group_names(study: &Study, mask: usize) -> String {
    crate::fairness::members_of(mask, study.members.len())
        .map(|i| study.members[i].name.as_str())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The fair split of one scenario: per member today's cost, what it pays
/// under every key of the study, its stand-alone cost, the Shapley value
/// and the nucleolus, and whether the scenario's key passes the
/// stand-alone test for it; a last row with the totals. With `all_keys`
/// false only the scenario's own key is shown (a table that fits A4).
#[must_use]
pub fn fair_split(study: &Study, fair: &crate::fairness::FairSplit, tr: &Tr, all_keys: bool) -> Table {
    let shown = |k: usize| all_keys || Some(k) == fair.scenario_key;
    let scenario = &study.scenarios[fair.scenario];
    let mut headers = vec![tr.get("fair-member"), tr.get("fair-today")];
    for (k, key) in fair.keys.iter().enumerate().filter(|(k, _)| shown(*k)) {
        let mut header = tr.args("fair-under-key", &[("key", key.name.clone())]);
        if Some(k) == fair.scenario_key {
            header.push_str(" *");
        }
        headers.push(header);
    }
    let suggested = fair.nearest_in_core.as_ref().ok();
    if suggested.is_some() {
        headers.push(tr.get("fair-suggested-column"));
    }
    headers.extend([
        tr.get("fair-stand-alone"),
        tr.get("fair-shapley"),
        tr.get("fair-nucleolus"),
        tr.get("fair-passes"),
    ]);
    let own = fair.scenario_key.map(|k| &fair.keys[k]);
    let nucleolus = fair.nucleolus.as_ref().ok();
    let mut rows: Vec<Vec<Cell>> = study
        .members
        .iter()
        .enumerate()
        .map(|(i, member)| {
            let mut cells = vec![Cell::text(&member.name), Cell::Money(fair.today[i])];
            cells.extend(
                fair.keys
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| shown(*k))
                    .map(|(_, k)| k.split.as_ref().map_or(Cell::Empty, |s| Cell::Money(s[i]))),
            );
            if let Some(mix) = suggested {
                cells.push(Cell::Money(mix.split[i]));
            }
            cells.push(Cell::Money(fair.stand_alone[i]));
            cells.push(Cell::Money(fair.shapley[i]));
            cells.push(nucleolus.map_or(Cell::Empty, |x| Cell::Money(x[i])));
            cells.push(match own {
                Some(k) if k.split.is_some() => Cell::text(if k.over_stand_alone.contains(&i) {
                    tr.get("fair-no")
                } else {
                    tr.get("fair-yes")
                }),
                _ => Cell::Empty,
            });
            cells
        })
        .collect();
    let mut total = vec![
        Cell::text(tr.get("ui-total")),
        Cell::Money(fair.today.iter().sum()),
    ];
    total.extend(
        fair.keys
            .iter()
            .enumerate()
            .filter(|(k, _)| shown(*k))
            .map(|(_, k)| {
                k.split
                    .as_ref()
                    .map_or(Cell::Empty, |s| Cell::Money(s.iter().sum()))
            }),
    );
    if let Some(mix) = suggested {
        total.push(Cell::Money(mix.split.iter().sum()));
    }
    total.push(Cell::Money(fair.stand_alone.iter().sum()));
    total.push(Cell::Money(fair.shapley.iter().sum()));
    total.push(nucleolus.map_or(Cell::Empty, |x| Cell::Money(x.iter().sum())));
    total.push(Cell::Empty);
    rows.push(total);
    Table {
        id: format!("fair-split-{}", file_safe(scenario.id.as_str())),
        title: tr.args("table-fair-split", &[("scenario", scenario.name.clone())]),
        headers,
        rows,
    }
}

/// What a council should read about a fair split, one sentence each: the
/// scenario key's stand-alone test and worst group, whether a split that
/// satisfies every group exists (and who spoils it), and the suggested key.
#[must_use]
pub fn fair_split_findings(study: &Study, fair: &crate::fairness::FairSplit, tr: &Tr) -> Vec<String> {
    use crate::fairness::{NoCoreMix, NoNucleolus, TOLERANCE_NOK};
    let kr = |v: f64| tr.money(v);
    let name = |i: usize| study.members[i].name.clone();
    let mut out = Vec::new();
    match fair.scenario_key.map(|k| &fair.keys[k]) {
        Some(key) => match &key.split {
            None => out.push(tr.args("fair-key-unusable", &[("key", key.name.clone())])),
            Some(split) => {
                if key.over_stand_alone.is_empty() {
                    out.push(tr.args("fair-key-passes", &[("key", key.name.clone())]));
                }
                for &i in &key.over_stand_alone {
                    out.push(tr.args(
                        "fair-key-over",
                        &[
                            ("key", key.name.clone()),
                            ("member", name(i)),
                            ("pays", kr(split[i])),
                            ("alone", kr(fair.stand_alone[i])),
                        ],
                    ));
                }
                if let Some((mask, excess)) = key.worst_group.filter(|(_, e)| *e > TOLERANCE_NOK) {
                    out.push(tr.args(
                        "fair-worst-group",
                        &[("group", group_names(study, mask)), ("excess", kr(excess))],
                    ));
                }
            }
        },
        None => out.push(tr.get("fair-no-key")),
    }
    match fair.core_empty {
        Some(false) => out.push(tr.get("fair-core-not-empty")),
        Some(true) if fair.spoilers.is_empty() => out.push(tr.get("fair-core-empty")),
        Some(true) => {
            for &(i, without) in &fair.spoilers {
                out.push(tr.args(
                    "fair-core-empty-because",
                    &[
                        ("member", name(i)),
                        ("with", kr(fair.grand_cost)),
                        ("without", kr(without)),
                    ],
                ));
            }
        }
        None => out.push(tr.get("fair-core-unknown")),
    }
    if let Some((_, samples)) = &fair.shapley_sampled {
        out.push(tr.args("fair-shapley-sampled", &[("samples", samples.to_string())]));
    }
    if fair.nucleolus == Err(NoNucleolus::TooManyMembers) {
        out.push(tr.args(
            "fair-nucleolus-too-many",
            &[("limit", crate::fairness::NUCLEOLUS_LIMIT.to_string())],
        ));
    }
    if let Some(mix) = &fair.nearest_to_shapley {
        out.push(tr.args(
            "fair-nearest-shapley",
            &[("mix", mix_text(study, &mix.parts, tr))],
        ));
    }
    match &fair.nearest_in_core {
        Ok(mix) => out.push(tr.args("fair-suggested", &[("mix", mix_text(study, &mix.parts, tr))])),
        Err(NoCoreMix::DearerThanToday) => out.push(tr.get("fair-no-suggestion-dearer")),
        Err(NoCoreMix::NoneInCore) => out.push(tr.get("fair-no-suggestion-none")),
        Err(NoCoreMix::TooManyMembers) => out.push(tr.get("fair-no-suggestion-too-many")),
        Err(NoCoreMix::NothingShared) => out.push(tr.get("fair-no-suggestion-nothing-shared")),
        Err(NoCoreMix::SolverFailed) => out.push(tr.get("fair-no-suggestion-failed")),
    }
    out
}

/// A mix of rules in words: "37,5 % equal shares + 62,5 % population".
#[must_use]
pub fn mix_text(study: &Study, parts: &[(KeyRule, f64)], tr: &Tr) -> String {
    parts
        .iter()
        .map(|(rule, weight)| {
            let rule_text = match rule {
                KeyRule::Equal => tr.get("rule-equal"),
                KeyRule::Proportional(a) => tr.get(a.message_id()),
                KeyRule::TodaysCost => tr.get("rule-todays-cost"),
                KeyRule::Fixed(_) => study
                    .keys
                    .iter()
                    .find(|k| &k.rule == rule)
                    .map_or_else(|| tr.get("rule-fixed"), |k| k.name.clone()),
                KeyRule::Mix(_) => tr.get("rule-mix"),
            };
            format!("{} {}", tr.pct(*weight, 1), rule_text.to_lowercase())
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The table as tab-separated text for the clipboard: numbers without
/// grouping and with the decimal separator of the language, so they paste
/// into `Excel` or `LibreOffice` as numbers.
#[must_use]
pub fn to_tsv(table: &Table, sep: crate::format::DecimalSep) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut out = table
        .headers
        .iter()
        .map(|h| clean(h))
        .collect::<Vec<_>>()
        .join("\t");
    out.push('\n');
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(s) => clean(s),
                Cell::Money(v) => crate::format::export_number(*v, 0, sep),
                Cell::Percent(v) => crate::format::export_number(*v, 2, sep),
                Cell::Number(v, d) => crate::format::export_number(*v, *d, sep),
                Cell::Empty => String::new(),
            })
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use crate::engine::evaluate;
    use crate::i18n::Lang;
    use crate::model::examples::small_study;

    #[test]
    fn every_row_has_a_cell_per_header() {
        let study = small_study();
        let e = evaluate(&study).unwrap();
        for table in all(&study, &e, &Tr::new(Lang::En), 2030) {
            for row in &table.rows {
                assert_eq!(row.len(), table.headers.len(), "{}", table.id);
            }
            assert!(!table.rows.is_empty(), "{}", table.id);
        }
    }

    #[test]
    fn by_category_columns_add_up_to_the_scenario_totals() {
        let study = small_study();
        let e = evaluate(&study).unwrap();
        let table = by_category(&study, &e, &Tr::new(Lang::Nb), 2030);
        let total_row = table.rows.last().unwrap();
        let comparison = comparison(&study, &e, &Tr::new(Lang::Nb), 2030);
        for (s, row) in comparison.rows.iter().enumerate() {
            assert_eq!(total_row[s + 1], *row.last().unwrap());
        }
    }

    #[test]
    fn tsv_uses_the_decimal_separator_and_no_grouping() {
        let study = small_study();
        let e = evaluate(&study).unwrap();
        let text = to_tsv(
            &shares(&study, &e, &Tr::new(Lang::Nb)),
            crate::format::DecimalSep::Comma,
        );
        assert!(text.contains("\t33,33\t"), "{text}");
        let text = to_tsv(
            &comparison(&study, &e, &Tr::new(Lang::Nb), 2030),
            crate::format::DecimalSep::Comma,
        );
        assert!(text.contains("\t900000\n"), "{text}");
    }
}
