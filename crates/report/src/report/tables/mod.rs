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

mod criteria;
mod fairness;
mod inputs;
mod summary;
mod uncertainty;

pub use criteria::*;
pub use fairness::*;
pub use inputs::*;
pub use summary::*;
pub use uncertainty::*;

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
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// The cell as a person reads it, written as `numbers` says: kroner and
    /// numbers grouped (`1 234 567`), percentages with one decimal; whole
    /// numbers are years and counts and get no grouping (`2007`); an empty
    /// cell is a dash. The app, the terminal and the briefing all show
    /// cells with this.
    #[must_use]
    pub fn display(&self, numbers: crate::format::Numbers) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Money(v) => numbers.num(*v, 0),
            Cell::Percent(v) => numbers.percent(*v, 1),
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

impl Table {
    /// Column `c`'s header as shown next to figures that carry their own
    /// unit (the app, the briefing, the workbook): a column of percentages
    /// shows `22,3 %` in each cell, so its header drops the ` (%)` that a
    /// CSV file needs to say the unit once.
    #[must_use]
    pub fn shown_header(&self, c: usize) -> &str {
        let header = self.headers.get(c).map_or("", String::as_str);
        let percentages = self
            .rows
            .iter()
            .any(|r| matches!(r.get(c), Some(Cell::Percent(_))))
            && self
                .rows
                .iter()
                .all(|r| matches!(r.get(c), Some(Cell::Percent(_) | Cell::Empty) | None));
        match header.strip_suffix(" (%)") {
            Some(name) if percentages => name,
            _ => header,
        }
    }

    /// Whether column `c` holds figures (money, percentages, numbers).
    #[must_use]
    pub fn is_numeric(&self, c: usize) -> bool {
        self.rows.iter().any(|r| {
            matches!(
                r.get(c),
                Some(Cell::Money(_) | Cell::Percent(_) | Cell::Number(..))
            )
        })
    }
}

/// What a comparison shows: a money figure, or the year a scenario pays
/// back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    /// Kroner under this metric.
    Money(Metric),
    /// The payback year against today's operation.
    Payback,
}

/// One cell of a comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ComparisonCell {
    /// Whole kroner.
    Money(f64),
    /// The payback year.
    Year(i32),
    /// No payback within the horizon.
    Never,
    /// The member is not in the scenario, or there is nothing to pay back.
    Missing,
}

impl ComparisonCell {
    /// The cell of a [`Table`] (payback never: the word in `tr`'s language).
    #[must_use]
    pub fn cell(self, tr: &Tr) -> Cell {
        match self {
            ComparisonCell::Money(v) => Cell::Money(v),
            ComparisonCell::Year(y) => Cell::Number(f64::from(y), 0),
            ComparisonCell::Never => Cell::Text(tr.get("cli-never")),
            ComparisonCell::Missing => Cell::Empty,
        }
    }
}

/// The comparison under `figure`: per scenario (in study order) its index
/// and one cell per member and then the total; kroner rounded so the
/// members add up to the total. The app's table, the CLI's `compare` and
/// the exports' comparison are this.
#[must_use]
pub fn comparison_cells(evaluation: &Evaluation, figure: Figure) -> Vec<(usize, Vec<ComparisonCell>)> {
    match figure {
        Figure::Money(metric) => evaluation
            .summary(metric)
            .iter()
            .map(|row| {
                let (members, total) = row.rounded(1.0);
                let mut cells: Vec<ComparisonCell> = members
                    .iter()
                    .map(|v| v.map_or(ComparisonCell::Missing, ComparisonCell::Money))
                    .collect();
                cells.push(ComparisonCell::Money(total));
                (row.scenario, cells)
            })
            .collect(),
        Figure::Payback => {
            let cell = |p: Payback| match p {
                Payback::Year(y) => ComparisonCell::Year(y),
                Payback::NotWithinHorizon => ComparisonCell::Never,
                Payback::NotApplicable => ComparisonCell::Missing,
            };
            (0..evaluation.scenarios.len())
                .map(|s| {
                    let mut cells: Vec<ComparisonCell> = (0..evaluation.members.len())
                        .map(|m| cell(evaluation.payback(s, Some(m))))
                        .collect();
                    cells.push(cell(evaluation.payback(s, None)));
                    (s, cells)
                })
                .collect()
        }
    }
}

/// The comparison in `year`: one row per scenario, one column per member
/// and the total; members rounded to add up to the total.
#[must_use]
pub fn comparison(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> Table {
    let mut headers = vec![tr.get("ui-scenario")];
    headers.extend(study.members.iter().map(|m| m.name.clone()));
    headers.push(tr.get("ui-total"));
    let rows = comparison_cells(evaluation, Figure::Money(Metric::Annual(year)))
        .into_iter()
        .map(|(scenario, figures)| {
            let mut cells = vec![Cell::text(&evaluation.scenarios[scenario].name)];
            cells.extend(figures.into_iter().map(|c| c.cell(tr)));
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
    let summary = evaluation.summary(Metric::Annual(year));
    let today_row = evaluation.today.and_then(|t| summary.get(t));
    let rows = summary
        .iter()
        .filter(|row| evaluation.today != Some(row.scenario))
        .map(|row| {
            // The figures shown less today's, so the members add up to
            // the total and agree with the comparison.
            let (diffs, diff_total) = row.rounded_diffs(today_row, 1.0);
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
            let per_year: Vec<f64> = (0..evaluation.years.len())
                .map(|y| evaluation.scenario_year(s, None, y).unwrap_or_default())
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

/// Every table, in the order the exports show them.
#[must_use]
pub fn all(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> Vec<Table> {
    TableId::ALL
        .iter()
        .map(|id| id.build(study, evaluation, tr, year))
        .collect()
}

/// The study's own tables, each defined once: its file and sheet name, and
/// how it is built. The app copies one by its id, the exports write all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableId {
    /// Each scenario per member in a year.
    Comparison,
    /// Differences against today in a year.
    Differences,
    /// Today's costs as the members report them.
    Baseline,
    /// A year's cost by kind of cost.
    ByCategory,
    /// Every year's total.
    PerYear,
    /// Present value, equivalent annual cost, sum, payback.
    Economics,
    /// The keys and each member's share.
    Shares,
    /// Every input and its source.
    Inputs,
}

impl TableId {
    /// Every table, in the order of the exports.
    pub const ALL: [TableId; 8] = [
        TableId::Comparison,
        TableId::Differences,
        TableId::Baseline,
        TableId::ByCategory,
        TableId::PerYear,
        TableId::Economics,
        TableId::Shares,
        TableId::Inputs,
    ];

    /// The table's id: its CSV file name and `sheet-…` message.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            TableId::Comparison => "comparison",
            TableId::Differences => "differences",
            TableId::Baseline => "baseline",
            TableId::ByCategory => "by-category",
            TableId::PerYear => "per-year",
            TableId::Economics => "economics",
            TableId::Shares => "shares",
            TableId::Inputs => "inputs",
        }
    }

    /// The message id of its sheet's (and menu item's) name.
    #[must_use]
    pub fn sheet_message_id(self) -> String {
        format!("sheet-{}", self.id())
    }

    /// Builds the table (`year` for the tables of one year).
    #[must_use]
    pub fn build(self, study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> Table {
        match self {
            TableId::Comparison => comparison(study, evaluation, tr, year),
            TableId::Differences => differences(study, evaluation, tr, year),
            TableId::Baseline => baseline(study, tr),
            TableId::ByCategory => by_category(study, evaluation, tr, year),
            TableId::PerYear => per_year(evaluation, tr),
            TableId::Economics => economics(study, evaluation, tr),
            TableId::Shares => shares(study, evaluation, tr),
            TableId::Inputs => inputs(study, tr),
        }
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
