//! The briefing: one self-contained HTML file for a mayors' meeting. No
//! network, no scripts: styles and charts (inline SVG) are in the file. A
//! print stylesheet makes "Print → Save as PDF" give clean A4 pages. Every
//! piece of user text is escaped. Written in the user's language.

use crate::report::messages::IssueLine;
use std::fmt::Write;

use super::svg::escape;
use super::svg::{self, Series};
use crate::engine::{Evaluation, Metric};
use crate::format;
use crate::i18n::{Numbers, Tr};
use crate::model::Study;
use crate::palette;
use crate::report::fleet_report;
use crate::report::tables::{self, Cell, Table};

const STYLE: &str = r"
:root { color-scheme: light; }
body { font-family: system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: #1d1d1f;
       max-width: 1040px; margin: 24px auto; padding: 0 18px; line-height: 1.4; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h1.appendix { margin-top: 2em; border-top: 3px solid #1f77b4; padding-top: 0.3em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 2px solid #1f77b4; padding-bottom: 2px; }
.meta { color: #555; margin-top: 0; }
.lead { font-size: 1.05em; }
table { border-collapse: collapse; margin: 0.5em 0 0.3em; font-size: 0.92em; }
th, td { padding: 4px 9px; border-bottom: 1px solid #ddd; vertical-align: top; }
th { text-align: left; background: #f2f5f8; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; }
th { overflow-wrap: break-word; hyphens: auto; }
tr.today td { font-style: italic; color: #444; }
tr.total td { font-weight: 600; border-top: 2px solid #999; }
.saving { color: #1b7a3d; } .extra { color: #b02a2a; }
tr.assumption td { background: #fff6e0; }
.note { color: #555; font-size: 0.88em; }
.wide { overflow-x: auto; }
.chart { max-width: 760px; }
.chart text { font-family: inherit; fill: #333; }
.chart .tick { font-size: 11px; fill: #555; } .chart .label { font-size: 12px; } .chart .legend { font-size: 12px; }
.chart .grid { stroke: #e3e3e3; stroke-width: 1; } .chart .axis { stroke: #888; stroke-width: 1; }
ul.issues li { margin: 0.2em 0; }
footer { margin-top: 2.5em; color: #777; font-size: 0.85em; border-top: 1px solid #ddd; padding-top: 0.5em; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  h1.appendix { break-before: page; }
  section.keep { break-inside: avoid; }
  table { font-size: 8.5pt; }
  table.many { width: 100%; }
  th, td { padding: 2px 5px; }
  table.many { font-size: 7pt; }
  table.many td:first-child { min-width: 7em; }
  .summary table { font-size: 7.5pt; }
  .summary td:first-child { white-space: nowrap; }
  .turned table { font-size: 7pt; } .turned h2 { margin-top: 0.6em; }
  tr { break-inside: avoid; }
  .chart { max-width: 100%; }
  .wide { overflow: visible; }
}
";

fn cell_html(cell: &Cell, numbers: Numbers) -> String {
    match cell {
        Cell::Text(s) => format!("<td>{}</td>", escape(s)),
        other => format!(r#"<td class="num">{}</td>"#, escape(&other.display(numbers))),
    }
}

/// At most this many columns print side by side on an A4 page (at 7 pt);
/// a wider table is printed in parts, each with the first column again.
const MOST_COLUMNS: usize = 11;

/// A table as HTML; `row_class` may mark rows (today, total, assumption).
/// A table wider than [`MOST_COLUMNS`] is written as several tables of
/// evenly many columns, each starting with the first column (the row's
/// name), so that no column falls off the paper.
fn table_html(numbers: Numbers, table: &Table, row_class: impl Fn(usize, &[Cell]) -> &'static str) -> String {
    let columns = table.headers.len();
    if columns <= MOST_COLUMNS {
        return table_part(numbers, table, &(0..columns).collect::<Vec<_>>(), &row_class);
    }
    let rest = columns - 1;
    let parts = rest.div_ceil(MOST_COLUMNS - 1);
    let per_part = rest.div_ceil(parts);
    (1..columns)
        .step_by(per_part)
        .map(|from| {
            let shown: Vec<usize> = std::iter::once(0)
                .chain(from..(from + per_part).min(columns))
                .collect();
            table_part(numbers, table, &shown, &row_class)
        })
        .collect()
}

/// The columns `shown` of a table as one HTML table.
fn table_part(
    numbers: Numbers,
    table: &Table,
    shown: &[usize],
    row_class: &impl Fn(usize, &[Cell]) -> &'static str,
) -> String {
    // Many columns print smaller, and their headers wrap, so no column
    // falls off an A4 page.
    let many = if shown.len() > 8 { r#" class="many""# } else { "" };
    let mut out = format!(r#"<div class="wide"><table{many}><thead><tr>"#);
    for &c in shown {
        let class = if table.is_numeric(c) {
            r#" class="num""#
        } else {
            ""
        };
        let _ = write!(out, "<th{class}>{}</th>", escape(table.shown_header(c)));
    }
    out.push_str("</tr></thead><tbody>");
    for (r, row) in table.rows.iter().enumerate() {
        let class = row_class(r, row);
        if class.is_empty() {
            out.push_str("<tr>");
        } else {
            let _ = write!(out, r#"<tr class="{class}">"#);
        }
        for &c in shown {
            if let Some(cell) = row.get(c) {
                out.push_str(&cell_html(cell, numbers));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

/// The table turned: its columns (after the first) become rows named by
/// their headers, its rows columns named by their first cell; `corner`
/// heads the new first column.
fn transposed(table: &Table, corner: String) -> Table {
    let headers = std::iter::once(corner)
        .chain(table.rows.iter().map(|r| match r.first() {
            Some(Cell::Text(t)) => t.clone(),
            Some(other) => other.display(crate::format::Numbers::NORDIC),
            None => String::new(),
        }))
        .collect();
    let rows = (1..table.headers.len())
        .map(|c| {
            std::iter::once(Cell::text(table.headers[c].clone()))
                .chain(
                    table
                        .rows
                        .iter()
                        .map(|r| r.get(c).cloned().unwrap_or(Cell::Empty)),
                )
                .collect()
        })
        .collect();
    Table {
        id: table.id.clone(),
        title: table.title.clone(),
        headers,
        rows,
    }
}

/// The report's chart data as SVG series.
fn svg_series(chart: crate::report::charts::ChartData) -> Vec<Series> {
    chart
        .series
        .into_iter()
        .map(|s| Series {
            name: s.name,
            color: palette::hex(s.colour),
            values: s.values,
        })
        .collect()
}

/// Up to this many members, the summary says each member's answer in a
/// sentence; beyond, in a table row.
const MOST_MEMBER_SENTENCES: usize = 6;

/// Up to this many members the briefing says the proposal's split year by
/// year (each member alone is one more evaluation of the study).
const MOST_MEMBERS_BY_YEAR: usize = 60;

/// How much a briefing holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Length {
    /// The body (the answer, the comparison with its charts, how sure,
    /// the fair split, criteria, workstations) and the appendix (every
    /// table behind it).
    #[default]
    Full,
    /// One A4 page: the answer and the comparison.
    OnePage,
}

/// The briefing as a complete HTML document.
#[must_use]
pub fn briefing(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32, file_name: &str) -> String {
    // The export's own settings; nothing stops it, so it is never cancelled.
    let options = crate::report::bundle::ExportOptions::default();
    match crate::report::bundle::Analyses::run(study, year, options, &|_| true) {
        Ok(analyses) => briefing_with(study, evaluation, (tr, year, file_name), &analyses, Length::Full),
        Err(_) => String::new(),
    }
}

/// A section that is kept on one page when it fits: its heading and what
/// follows.
fn section(title: &str, inner: &str) -> String {
    format!(
        r#"<section class="keep"><h2>{}</h2>{inner}</section>"#,
        escape(title)
    )
}

/// A bulleted list of sentences.
fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let mut out = String::from("<ul>");
    for item in items {
        let _ = write!(out, "<li>{}</li>", escape(item.as_ref()));
    }
    out.push_str("</ul>");
    out
}

/// A note in small print.
fn note(text: &str) -> String {
    format!(r#"<p class="note">{}</p>"#, escape(text))
}

/// The briefing from analyses already made (see
/// [`crate::report::bundle::Analyses`]), as an export of several formats
/// makes them once.
#[must_use]
pub fn briefing_with(
    study: &Study,
    evaluation: &Evaluation,
    (tr, year, file_name): (&Tr, i32, &str),
    analyses: &crate::report::bundle::Analyses,
    length: Length,
) -> String {
    let mut html = head(study, tr, year, file_name);
    // What the council should know, before the detail: the decision
    // (report::decision), as the app's overview and `samdrift summary` say
    // it, with how to read it.
    let decision = crate::report::decision::decision(study, evaluation, (tr, year), analyses);
    let many = study.members.len() > MOST_MEMBER_SENTENCES;
    let answers = if many && length == Length::OnePage {
        // Many members on one page: the comparison below, turned, gives
        // each member's row.
        list(crate::report::decision::sentences_but_members(
            study, &decision, tr,
        ))
    } else if many {
        // Many members: one row each, and sentences for the rest, so the
        // answer stays on the first page.
        let table = crate::report::decision::answer_table(study, &decision, tr);
        list(crate::report::decision::sentences_but_members(
            study, &decision, tr,
        )) + &table_html(tr.numbers(), &table, |_, _| "")
    } else {
        list(crate::report::decision::sentences(study, &decision, tr))
    };
    let _ = write!(
        html,
        r#"<section class="summary"><h2>{}</h2>{answers}<p class="note how-to-read">{}</p></section>"#,
        escape(&tr.get("brief-summary")),
        escape(&tr.get("dec-how-to-read"))
    );
    if length == Length::OnePage {
        if many {
            // Many members: one row each, the scenarios side by side.
            let comparison = tables::comparison(study, evaluation, tr, year);
            let turned = transposed(&comparison, tr.get("table-member"));
            let inner = table_html(tr.numbers(), &turned, |_, _| "") + &note(&tr.get("brief-rounding"));
            let _ = write!(
                html,
                r#"<section class="turned">{}</section>"#,
                section(&comparison.title, &inner)
            );
        } else {
            html.push_str(&comparison_section(study, evaluation, tr, year));
        }
        html.push_str(&note(&tr.get("brief-one-page-note")));
        html.push_str(&footer(tr));
        return html;
    }
    html.push_str(&compared_section(study, tr));
    html.push_str(&comparison_section(study, evaluation, tr, year));
    html.push_str(&chart_sections(study, evaluation, tr, year));
    // The body says the answer; the appendix (after it, marked as such)
    // holds every table behind it.
    let mut appendix = economics_section(study, evaluation, tr);
    // Workstations on equal terms: each fleet pair, what a seat costs, and
    // which number decides. (The decision made the findings: the twin
    // evaluations and break-even searches behind them run once.)
    if !decision.workstations.is_empty() {
        let inner = list(&decision.workstations) + &note(&tr.get("fleet-vendor-note"));
        html.push_str(&section(&tr.get("brief-fleets"), &inner));
        for table in fleet_report::fleet_tables(study, tr) {
            appendix.push_str(&section(
                &table.title,
                &table_html(tr.numbers(), &table, |_, _| ""),
            ));
        }
    }
    // Beyond kroner: the ranking and where the profiles disagree in the
    // body; the scores, requirements and weight stability in the appendix.
    if let Some(analysis) = &analyses.criteria {
        for (i, table) in tables::criteria_tables(study, analysis, tr).iter().enumerate() {
            let rows = table_html(tr.numbers(), table, |_, _| "");
            if i == 0 {
                let findings = list(tables::criteria_findings(study, analysis, tr));
                html.push_str(&section(&table.title, &(findings + &rows)));
            } else {
                appendix.push_str(&section(&table.title, &rows));
            }
        }
    }
    // How sure are we? Only when the study has ranges.
    if let Some(sim) = &analyses.simulation {
        let (body, tables) = uncertainty_sections(study, sim, analyses.tornado.as_ref(), tr);
        html.push_str(&body);
        appendix.push_str(&tables);
    }
    // Is the split fair? The proposal's in the body, every other option's
    // in the appendix.
    let splits = tables::fair_splits_of(study, tr, &analyses.fair, false);
    for (fair, (table, findings)) in analyses.fair.iter().zip(splits) {
        let last = table.rows.len().saturating_sub(1);
        let inner = list(&findings)
            + &table_html(tr.numbers(), &table, |r, _| if r == last { "total" } else { "" })
            + &note(&format!(
                "{} {}",
                tr.get("fair-own-key-note"),
                tr.get("fair-help-definition")
            ));
        let proposal = Some(fair.scenario) == decision.proposal;
        // Year by year, and who could leave profitably, from which year
        // and at what cost to the rest (with the scenario's terms): for the
        // proposal in the body, for every other option in the appendix
        // beside its split; the year-by-year tables in the appendix.
        let years = (study.members.len() <= MOST_MEMBERS_BY_YEAR)
            .then(|| crate::fairness::by_year(study, fair.scenario).ok())
            .flatten()
            .map(|split| {
                let mut findings = tables::fair_by_year_findings(study, &split, tr);
                if let Ok(options) = crate::fairness::exit_options(study, fair.scenario) {
                    findings.extend(tables::exit_findings(study, fair.scenario, &options, tr));
                }
                (findings, tables::fair_by_year(study, &split, tr))
            });
        if proposal {
            html.push_str(&section(&table.title, &inner));
            if let Some((findings, _)) = &years {
                html.push_str(&section(&tr.get("fair-by-year-title"), &list(findings)));
            }
        } else {
            let findings = years.as_ref().map(|(f, _)| list(f)).unwrap_or_default();
            appendix.push_str(&section(&table.title, &(inner + &findings)));
        }
        if let Some((_, table)) = &years {
            appendix.push_str(&section(
                &table.title,
                &table_html(tr.numbers(), table, |_, _| ""),
            ));
        }
    }
    exits_and_budget_sections(
        study,
        (tr, decision.proposal),
        analyses,
        (&mut html, &mut appendix),
    );
    // The appendix: every table behind the answer.
    let _ = write!(
        html,
        r#"<h1 class="appendix">{}</h1>{}"#,
        escape(&tr.get("brief-appendix")),
        note(&tr.get("brief-appendix-note"))
    );
    html.push_str(&appendix);
    html.push_str(&appendix_tables(study, evaluation, tr, year));
    html.push_str(&footer(tr));
    html
}

/// The exits the study asks about (a sentence each in the body, the table
/// in the appendix), and the proposal's budget per member with what its
/// uncertain numbers do (in the appendix).
fn exits_and_budget_sections(
    study: &Study,
    (tr, proposal): (&Tr, Option<usize>),
    analyses: &crate::report::bundle::Analyses,
    (html, appendix): (&mut String, &mut String),
) {
    // The exits the study asks about: a sentence each in the body, the
    // year-by-year table in the appendix.
    if !analyses.exits.is_empty() {
        let sentences: Vec<String> = analyses
            .exits
            .iter()
            .map(|exit| tables::exit_sentence(study, exit, tr))
            .collect();
        html.push_str(&section(&tr.get("exit-title"), &list(&sentences)));
        for exit in &analyses.exits {
            let table = tables::exit_table(study, exit, tr);
            appendix.push_str(&section(
                &table.title,
                &table_html(tr.numbers(), &table, |_, _| ""),
            ));
        }
    }
    // The proposal's budget for each member, the economic plan's four
    // years (the net effects are on the first page).
    if let Some(budget) = proposal.and_then(|p| analyses.budgets.iter().find(|b| b.scenario == p)) {
        for (m, member) in study.members.iter().enumerate() {
            let table = tables::budget_plan_table(study, budget, (Some(m), 0..tables::PLAN_YEARS), tr);
            appendix.push_str(&section(
                &format!("{}: {}", member.name, table.title),
                &table_html(tr.numbers(), &table, |_, _| ""),
            ));
        }
        let table = tables::budget_range_table(
            study,
            (budget, &analyses.budget_ranges),
            (None, 0..tables::PLAN_YEARS),
            tr,
        );
        if !table.rows.is_empty() {
            appendix.push_str(&section(
                &table.title,
                &(note(&tr.get("budget-ranges-help")) + &table_html(tr.numbers(), &table, |_, _| "")),
            ));
        }
    }
}

/// The document's head, title and what the briefing is of.
fn head(study: &Study, tr: &Tr, year: i32, file_name: &str) -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{}</title><style>{STYLE}</style></head><body>"#,
        tr.lang().code(),
        escape(&study.title)
    );
    let _ = write!(
        html,
        r#"<header><h1>{}</h1><p class="meta">{}</p>"#,
        escape(&study.title),
        escape(&tr.args(
            "brief-meta",
            &[
                ("date", format::today_nordic()),
                ("currency", study.currency.code().to_owned()),
                ("year", year.to_string()),
                ("file", file_name.to_owned())
            ]
        ))
    );
    if !study.description.is_empty() {
        let _ = write!(html, r#"<p class="lead">{}</p>"#, escape(&study.description));
    }
    html.push_str("</header>");
    html
}

/// What is compared: each scenario, its kind, who takes part, its
/// service level and note.
fn compared_section(study: &Study, tr: &Tr) -> String {
    let mut inner = String::from("<ul>");
    for scenario in &study.scenarios {
        let participants = study.participants(scenario);
        let who = if participants.len() == study.members.len() {
            tr.get("ui-all-members")
        } else {
            participants
                .iter()
                .filter_map(|id| study.member(id).map(|m| m.name.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = write!(
            inner,
            "<li><strong>{}</strong> ({}; {})",
            escape(&scenario.name),
            escape(&tables::kind_text(tr, scenario.kind)),
            escape(&who)
        );
        if let Some(level) = &scenario.service_level {
            let _ = write!(inner, "<br>{}", escape(&tables::service_level_text(tr, level)));
        }
        if let Some(org) = &scenario.organisation {
            let _ = write!(
                inner,
                "<br>{}",
                escape(&tables::organisation_text(tr, study, org))
            );
        }
        if !scenario.note.is_empty() {
            let _ = write!(
                inner,
                r#"<br><span class="note">{}</span>"#,
                escape(&scenario.note)
            );
        }
        inner.push_str("</li>");
    }
    inner.push_str("</ul>");
    section(&tr.get("brief-compared"), &inner)
}

/// The comparison: each member's annual cost in each scenario.
fn comparison_section(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> String {
    let comparison = tables::comparison(study, evaluation, tr, year);
    let today = evaluation.today;
    let inner = table_html(tr.numbers(), &comparison, |r, _| {
        if Some(r) == today { "today" } else { "" }
    }) + &note(&tr.get("brief-rounding"));
    section(&comparison.title, &inner)
}

/// The charts of the comparison: by member, by kind of cost, and the
/// cumulative cost over the years with the payback years marked.
fn chart_sections(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> String {
    // The charts' value axis: `kr (NOK)` (the code says which kroner).
    let unit = unit(study, tr);
    let metric = Metric::Annual(year);
    let chart = crate::report::charts::by_member(study, evaluation, metric);
    let members = chart.categories.clone();
    let by_member = svg::grouped_bars(&members, &svg_series(chart), &unit, tr.numbers());
    let chart = crate::report::charts::by_category(study, evaluation, metric);
    let scenario_names = chart.categories.clone();
    let by_category = svg::stacked_bars(&scenario_names, &svg_series(chart), &unit, tr.numbers());
    let (chart, marks) = crate::report::charts::cumulative(evaluation, None);
    let cumulative = svg::lines(&evaluation.years, &svg_series(chart), &marks, &unit, tr.numbers());
    let year_arg = [("year", year.to_string())];
    section(
        &tr.args("brief-chart-by-member", &year_arg),
        &format!(r#"<div class="chart">{by_member}</div>"#),
    ) + &section(
        &tr.args("brief-chart-by-category", &year_arg),
        &format!(r#"<div class="chart">{by_category}</div>"#),
    ) + &section(
        &tr.get("brief-chart-cumulative"),
        &(format!(r#"<div class="chart">{cumulative}</div>"#) + &note(&tr.get("ui-payback-help"))),
    )
}

/// `kr (NOK)`: the charts' value axis (the code says which kroner).
fn unit(study: &Study, tr: &Tr) -> String {
    format!("{} ({})", tr.numbers().currency, study.currency.code())
}

/// Present value, equivalent annual cost and payback per scenario.
fn economics_section(study: &Study, evaluation: &Evaluation, tr: &Tr) -> String {
    let economics = tables::economics(study, evaluation, tr);
    let total_word = tr.get("ui-total");
    let rows = table_html(tr.numbers(), &economics, |_, row| {
        if matches!(row.get(1), Some(Cell::Text(t)) if *t == total_word) {
            "total"
        } else {
            ""
        }
    });
    section(&economics.title, &rows)
}

/// How sure: the findings, the fan over the years and the tornado (as a
/// chart, the inputs that move the answer) for the body; every table of
/// the draws for the appendix.
fn uncertainty_sections(
    study: &Study,
    sim: &crate::uncertainty::Simulation,
    tornado: Option<&tables::ExportTornado>,
    tr: &Tr,
) -> (String, String) {
    let unit = unit(study, tr);
    let fan = crate::report::charts::fan(study, sim);
    let mut medians = Vec::new();
    let mut bands = Vec::new();
    for series in fan.series {
        medians.push(svg::Series {
            name: series.name,
            color: palette::hex(series.colour),
            values: series.median.into_iter().map(Some).collect(),
        });
        bands.push((series.low, series.high));
    }
    let tables = tables::uncertainty_tables(study, sim, tornado, tr);
    let mut body = list(tables::uncertainty_findings(study, sim, tr));
    let _ = write!(
        body,
        r#"<h3>{}</h3><div class="chart">{}</div>"#,
        escape(&tr.get("unc-fan-title")),
        svg::fan(&fan.years, &medians, &bands, &unit, tr.numbers())
    );
    if let (Some(tornado), Some(table)) = (tornado, tables.last()) {
        let chart = crate::report::charts::tornado(study, tornado.base, &tornado.rows, tr);
        if !chart.bars.is_empty() {
            let _ = write!(
                body,
                r#"<h3>{}</h3><div class="chart">{}</div>"#,
                escape(&table.title),
                svg::tornado(
                    &chart,
                    (&tr.get("unc-diff-low"), &tr.get("unc-diff-high")),
                    &unit,
                    tr.numbers()
                )
            );
        }
        if chart.still > 0 {
            body.push_str(&note(
                &tr.args("unc-tornado-still", &[("n", chart.still.to_string())]),
            ));
        }
    }
    let title = tables.first().map_or_else(String::new, |t| t.title.clone());
    let mut appendix = String::new();
    for table in &tables {
        appendix.push_str(&section(
            &table.title,
            &table_html(tr.numbers(), table, |_, _| ""),
        ));
    }
    (section(&title, &body), appendix)
}

/// The appendix's own tables: differences, keys, years, kinds of cost,
/// every input with its source, and the notes from the check.
fn appendix_tables(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32) -> String {
    let differences = tables::differences(study, evaluation, tr, year);
    let partial = tables::partial_scenario_notes(study, evaluation, Metric::Annual(year), tr).join(" ");
    let mut html = section(
        &differences.title,
        &(table_html(tr.numbers(), &differences, |_, _| "")
            + &note(&format!("{} {partial}", tr.get("brief-differences-note")))),
    );
    for table in [
        tables::shares(study, evaluation, tr),
        tables::by_category(study, evaluation, tr, year),
        tables::per_year(evaluation, tr),
    ] {
        let last = table.rows.len().saturating_sub(1);
        let is_category = table.id == "by-category";
        html.push_str(&section(
            &table.title,
            &table_html(tr.numbers(), &table, |r, _| {
                if is_category && r == last { "total" } else { "" }
            }),
        ));
    }
    // Every input with its source (long: not kept on one page).
    let inputs = tables::inputs(study, tr);
    let assumption_word = tr.get("table-yes");
    let _ = write!(
        html,
        r"<section><h2>{}</h2>{}{}</section>",
        escape(&inputs.title),
        note(&tr.get("brief-inputs-note")),
        table_html(tr.numbers(), &inputs, |_, row| {
            if matches!(row.last(), Some(Cell::Text(t)) if *t == assumption_word) {
                "assumption"
            } else {
                ""
            }
        })
    );
    // The notes from the check of the figures.
    let issues = if evaluation.report.issues.is_empty() {
        format!("<p>{}</p>", escape(&tr.get("brief-no-issues")))
    } else {
        list(evaluation.report.issues.iter().map(|issue| issue.line(tr))).replacen(
            "<ul>",
            r#"<ul class="issues">"#,
            1,
        )
    };
    html.push_str(&section(&tr.get("brief-issues"), &issues));
    html
}

/// The footer and the document's end.
fn footer(tr: &Tr) -> String {
    format!(
        "<footer>{}</footer></body></html>\n",
        escape(&tr.args(
            "brief-footer",
            &[("version", env!("CARGO_PKG_VERSION").to_owned())]
        ))
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_table_is_printed_in_parts_that_each_repeat_the_first_column() {
        // 22 columns (a name, 20 members, a sum): 21 after the first, in
        // ⌈21 / 10⌉ = 3 parts of ⌈21 / 3⌉ = 7 columns, each after the name.
        let headers: Vec<String> = std::iter::once("Scenario".to_owned())
            .chain((1..=20).map(|m| format!("M{m:02}")))
            .chain(std::iter::once("Sum".to_owned()))
            .collect();
        let row: Vec<Cell> = std::iter::once(Cell::text("Today"))
            .chain((1..=21).map(|v| Cell::Money(f64::from(v) * 1000.0)))
            .collect();
        let table = Table {
            id: "t".into(),
            title: "T".into(),
            headers,
            rows: vec![row],
        };
        let html = table_html(Numbers::NORDIC, &table, |_, _| "");
        assert_eq!(html.matches("<table").count(), 3);
        assert_eq!(html.matches("<th>Scenario</th>").count(), 3);
        assert_eq!(html.matches(">Today<").count(), 3);
        // Every column once, in order: M01–M07, M08–M14, M15–M20 and Sum.
        let order: Vec<usize> = (1..=20)
            .map(|m| html.find(&format!(">M{m:02}<")).unwrap())
            .chain(std::iter::once(html.find(">Sum<").unwrap()))
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(html.matches("21\u{a0}000").count(), 1);
        let parts: Vec<&str> = html.split("<table").skip(1).collect();
        assert!(parts[0].contains(">M07<") && !parts[0].contains(">M08<"));
        assert!(parts[2].contains(">M15<") && parts[2].contains(">Sum<"));
        // Eleven columns stay one table.
        let narrow = Table {
            headers: table.headers[..11].to_vec(),
            rows: vec![table.rows[0][..11].to_vec()],
            ..table
        };
        assert_eq!(
            table_html(Numbers::NORDIC, &narrow, |_, _| "")
                .matches("<table")
                .count(),
            1
        );
    }

    #[test]
    fn escapes_everything_that_matters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }
}
