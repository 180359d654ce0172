//! Every input of a study with its unit and source: the table a council
//! checks the figures against, and the words for kinds, payers, drivers,
//! timing and key rules it uses.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn source_cells(tr: &Tr, source: &Source) -> [Cell; 2] {
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
        Payer::Member(id) => tr.args("payer-member", &[("name", study.member_name(id))]),
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

pub(super) fn timing_text(tr: &Tr, timing: &Timing) -> String {
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

pub(super) fn rule_text(tr: &Tr, study: &Study, rule: &KeyRule) -> String {
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
                    format!("{} {}", m.id, tr.num_trim(w, 2))
                })
                .collect();
            format!("{}: {}", tr.get("rule-fixed"), parts.join(", "))
        }
        KeyRule::Mix(parts) => parts
            .iter()
            .map(|p| format!("{} × {}", tr.num_trim(p.weight, 2), rule_text(tr, study, &p.rule)))
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
    let a = &study.assumptions;
    let section = tr.get("view-assumptions");
    let none = || [Cell::Empty, Cell::Empty];
    // A percentage says its unit itself (the unit column stays empty: it
    // read "5,1 % %").
    for (item, value, unit) in [
        (
            tr.get("table-currency"),
            Cell::Text(study.currency.code().to_owned()),
            String::new(),
        ),
        (
            tr.get("ui-first-year"),
            Cell::Number(f64::from(a.first_year), 0),
            String::new(),
        ),
        (
            tr.get("ui-horizon"),
            Cell::Number(f64::from(a.horizon_years), 0),
            tr.get("table-years"),
        ),
        (
            tr.get("ui-display-year"),
            Cell::Number(f64::from(a.display_year), 0),
            String::new(),
        ),
        (
            tr.get("field-wage-growth"),
            Cell::Percent(a.real_wage_growth_percent),
            String::new(),
        ),
        (
            tr.get("field-price-growth"),
            Cell::Percent(a.real_price_growth_percent),
            String::new(),
        ),
    ] {
        push(&mut rows, section.clone(), item, value, unit, none());
    }
    for step in &a.discount.steps {
        let item = tr.args(
            "table-discount-step",
            &[
                ("name", crate::report::metric::rate_name(study, tr)),
                ("from", step.from_year_index.to_string()),
            ],
        );
        push(
            &mut rows,
            section.clone(),
            item,
            Cell::Percent(step.percent),
            String::new(),
            source_cells(tr, &a.discount.source),
        );
    }
    for member in &study.members {
        for attribute in Attribute::ALL {
            if let Some(q) = member.attribute(attribute) {
                let item = tr.get(attribute.message_id());
                push(
                    &mut rows,
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
            for (item, value, unit) in [
                (
                    "field-salary",
                    Cell::Money(salary.nok_per_fte),
                    tr.numbers().currency.to_owned(),
                ),
                (
                    "field-employer-tax",
                    Cell::Percent(salary.employer_tax_percent),
                    String::new(),
                ),
                (
                    "field-pension",
                    Cell::Percent(salary.pension_percent),
                    String::new(),
                ),
            ] {
                push(
                    &mut rows,
                    member.name.clone(),
                    tr.get(item),
                    value,
                    unit,
                    source_cells(tr, &salary.source),
                );
            }
        }
    }
    cost_rows(study, tr, &mut rows);
    Table {
        id: "inputs".to_owned(),
        title: tr.get("table-inputs"),
        headers,
        rows,
    }
}

/// The rows of today's costs, the keys and the scenarios' lines.
fn cost_rows(study: &Study, tr: &Tr, rows: &mut Vec<Vec<Cell>>) {
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
                    rows,
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
            rows,
            section,
            tr.get("ui-rule"),
            Cell::Text(rule_text(tr, study, &key.rule)),
            String::new(),
            source_cells(tr, &key.source),
        );
    }
    for scenario in &study.scenarios {
        if let Some(org) = &scenario.organisation {
            push(
                rows,
                scenario.name.clone(),
                tr.get("ui-organisation"),
                Cell::Text(organisation_text(tr, study, org)),
                String::new(),
                source_cells(tr, &org.source),
            );
        }
        for line in &scenario.lines {
            let payer = payer_text(tr, study, &line.payer);
            // "kr × 4" for four servers (not "4,00"); Danish writes "kr.".
            let quantity = if (line.quantity - 1.0).abs() > f64::EPSILON {
                format!(" × {}", tr.num_trim(line.quantity, 2))
            } else {
                String::new()
            };
            let unit = format!(
                "{}{quantity} {}, {payer}, {}",
                tr.get("unit-kr"),
                driver_text(tr, line.driver),
                timing_text(tr, &line.timing)
            );
            push(
                rows,
                scenario.name.clone(),
                line.label.clone(),
                Cell::Money(line.amount_nok),
                unit,
                source_cells(tr, &line.source),
            );
        }
    }
}

/// One row of the inputs table.
fn push(
    rows: &mut Vec<Vec<Cell>>,
    section: String,
    item: String,
    value: Cell,
    unit: String,
    source: [Cell; 2],
) {
    let [s, a] = source;
    rows.push(vec![
        Cell::Text(section),
        Cell::Text(item),
        value,
        Cell::Text(unit),
        s,
        a,
    ]);
}

/// An option's organisation in words: "Inter-municipal company (IKS);
/// joint staff employed by Gratangen (employer tax 5,1 %, pension 12,0 %);
/// administration 3,0 %" — the employer's own rates where the
/// organisation gives none.
#[must_use]
pub fn organisation_text(tr: &Tr, study: &Study, org: &crate::model::organisation::Organisation) -> String {
    let salary = study.member(&org.employer).and_then(|m| m.salary.as_ref());
    let rate = |own: Option<f64>, theirs: Option<f64>| {
        own.or(theirs).map_or_else(|| "—".to_owned(), |v| tr.pct(v, 1))
    };
    tr.args(
        "org-text",
        &[
            ("form", tr.get(org.form.message_id())),
            ("employer", study.member_name(&org.employer)),
            (
                "tax",
                rate(org.employer_tax_percent, salary.map(|s| s.employer_tax_percent)),
            ),
            (
                "pension",
                rate(org.pension_percent, salary.map(|s| s.pension_percent)),
            ),
            ("percent", tr.pct(org.overhead_percent, 1)),
        ],
    )
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
