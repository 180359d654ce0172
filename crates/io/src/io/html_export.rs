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

/// A table as HTML; `row_class` may mark rows (today, total, assumption).
fn table_html(numbers: Numbers, table: &Table, row_class: impl Fn(usize, &[Cell]) -> &'static str) -> String {
    // Many columns print smaller, and their headers wrap, so no column
    // falls off an A4 page.
    let many = if table.headers.len() > 8 {
        r#" class="many""#
    } else {
        ""
    };
    let mut out = format!(r#"<div class="wide"><table{many}><thead><tr>"#);
    let numeric: Vec<bool> = (0..table.headers.len())
        .map(|c| {
            table.rows.iter().any(|r| {
                matches!(
                    r.get(c),
                    Some(Cell::Money(_) | Cell::Percent(_) | Cell::Number(..))
                )
            })
        })
        .collect();
    for (c, h) in table.headers.iter().enumerate() {
        let class = if numeric[c] { r#" class="num""# } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for (r, row) in table.rows.iter().enumerate() {
        let class = row_class(r, row);
        if class.is_empty() {
            out.push_str("<tr>");
        } else {
            let _ = write!(out, r#"<tr class="{class}">"#);
        }
        for cell in row {
            out.push_str(&cell_html(cell, numbers));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
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

/// The briefing as a complete HTML document.
#[must_use]
#[allow(clippy::too_many_lines)]
pub fn briefing(study: &Study, evaluation: &Evaluation, tr: &Tr, year: i32, file_name: &str) -> String {
    // The export's own settings; nothing stops it, so it is never cancelled.
    let options = crate::report::bundle::ExportOptions::default();
    match crate::report::bundle::Analyses::run(study, year, options, &|_| true) {
        Ok(analyses) => briefing_with(study, evaluation, (tr, year, file_name), &analyses),
        Err(_) => String::new(),
    }
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
) -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{}</title><style>{STYLE}</style></head><body>"#,
        tr.lang().code(),
        escape(&study.title)
    );
    // The charts' value axis: `kr (NOK)` (the code says which kroner).
    let unit = format!("{} ({})", tr.numbers().currency, study.currency.code());
    // Title and what was compared.
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
    // What the council should know, before the detail.
    let _ = write!(
        html,
        r#"<section class="keep summary"><h2>{}</h2><ul>"#,
        escape(&tr.get("brief-summary"))
    );
    // The decision (report::decision), as the app's overview and `samdrift
    // summary` say it, with how to read it.
    let decision = crate::report::decision::decision(study, evaluation, (tr, year), analyses);
    for line in crate::report::decision::sentences(study, &decision, tr) {
        let _ = write!(html, "<li>{}</li>", escape(&line));
    }
    let _ = write!(
        html,
        r#"</ul><p class="note how-to-read">{}</p></section>"#,
        escape(&tr.get("dec-how-to-read"))
    );
    let _ = write!(
        html,
        r#"<section class="keep"><h2>{}</h2><ul>"#,
        escape(&tr.get("brief-compared"))
    );
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
            html,
            "<li><strong>{}</strong> ({}; {})",
            escape(&scenario.name),
            escape(&tables::kind_text(tr, scenario.kind)),
            escape(&who)
        );
        if let Some(level) = &scenario.service_level {
            let _ = write!(html, "<br>{}", escape(&tables::service_level_text(tr, level)));
        }
        if !scenario.note.is_empty() {
            let _ = write!(
                html,
                r#"<br><span class="note">{}</span>"#,
                escape(&scenario.note)
            );
        }
        html.push_str("</li>");
    }
    html.push_str("</ul></section>");

    // The comparison and its charts.
    let comparison = tables::comparison(study, evaluation, tr, year);
    let today = evaluation.today;
    let _ = write!(
        html,
        r#"<section class="keep"><h2>{}</h2>"#,
        escape(&comparison.title)
    );
    html.push_str(&table_html(tr.numbers(), &comparison, |r, _| {
        if Some(r) == today { "today" } else { "" }
    }));
    let _ = write!(
        html,
        r#"<p class="note">{}</p></section>"#,
        escape(&tr.get("brief-rounding"))
    );

    let metric = Metric::Annual(year);
    let chart = crate::report::charts::by_member(study, evaluation, metric);
    let members = chart.categories.clone();
    let series = svg_series(chart);
    let _ = write!(
        html,
        r#"<section class="keep"><h2>{}</h2><div class="chart">{}</div></section>"#,
        escape(&tr.args("brief-chart-by-member", &[("year", year.to_string())])),
        svg::grouped_bars(&members, &series, &unit, tr.numbers())
    );
    let chart = crate::report::charts::by_category(study, evaluation, metric);
    let scenario_names = chart.categories.clone();
    let categories = svg_series(chart);
    let _ = write!(
        html,
        r#"<section class="keep"><h2>{}</h2><div class="chart">{}</div></section>"#,
        escape(&tr.args("brief-chart-by-category", &[("year", year.to_string())])),
        svg::stacked_bars(&scenario_names, &categories, &unit, tr.numbers())
    );

    // Over the years: cumulative cost with payback marked, and the table of
    // present value, equivalent annual cost and payback.
    let (chart, marks) = crate::report::charts::cumulative(evaluation, None);
    let cumulative = svg_series(chart);
    let _ = write!(
        html,
        r#"<section class="keep"><h2>{}</h2><div class="chart">{}</div><p class="note">{}</p></section>"#,
        escape(&tr.get("brief-chart-cumulative")),
        svg::lines(&evaluation.years, &cumulative, &marks, &unit, tr.numbers()),
        escape(&tr.get("ui-payback-help"))
    );
    // The body says the answer; the appendix (after it, marked as such)
    // holds every table behind it.
    let mut appendix = String::new();
    let economics = tables::economics(study, evaluation, tr);
    let total_word = tr.get("ui-total");
    let _ = write!(
        appendix,
        r#"<section class="keep"><h2>{}</h2>"#,
        escape(&economics.title)
    );
    appendix.push_str(&table_html(tr.numbers(), &economics, |_, row| {
        if matches!(row.get(1), Some(Cell::Text(t)) if *t == total_word) {
            "total"
        } else {
            ""
        }
    }));
    appendix.push_str("</section>");

    // Workstations on equal terms: each fleet pair, what a seat costs, and
    // which number decides.
    // (The decision made them: the twin evaluations and break-even
    // searches behind them run once.)
    let fleet_findings = &decision.workstations;
    if !fleet_findings.is_empty() {
        let _ = write!(
            html,
            r#"<section class="keep"><h2>{}</h2><ul>"#,
            escape(&tr.get("brief-fleets"))
        );
        for finding in fleet_findings {
            let _ = write!(html, "<li>{}</li>", escape(finding));
        }
        let _ = write!(
            html,
            r#"</ul><p class="note">{}</p>"#,
            escape(&tr.get("fleet-vendor-note"))
        );
        html.push_str("</section>");
        for table in fleet_report::fleet_tables(study, tr) {
            let _ = write!(
                appendix,
                r#"<section class="keep"><h2>{}</h2>"#,
                escape(&table.title)
            );
            appendix.push_str(&table_html(tr.numbers(), &table, |_, _| ""));
            appendix.push_str("</section>");
        }
    }

    // Beyond kroner: criteria, requirements and where the profiles disagree.
    if let Some(analysis) = &analyses.criteria {
        // The ranking and where the profiles disagree in the body; the
        // scores, requirements and weight stability in the appendix.
        for (i, table) in tables::criteria_tables(study, analysis, tr).iter().enumerate() {
            let out = if i == 0 { &mut html } else { &mut appendix };
            let _ = write!(out, r#"<section class="keep"><h2>{}</h2>"#, escape(&table.title));
            if i == 0 {
                out.push_str("<ul>");
                for finding in tables::criteria_findings(study, analysis, tr) {
                    let _ = write!(out, "<li>{}</li>", escape(&finding));
                }
                out.push_str("</ul>");
            }
            out.push_str(&table_html(tr.numbers(), table, |_, _| ""));
            out.push_str("</section>");
        }
    }

    // How sure are we? Only when the study has ranges.
    {
        if let Some(sim) = &analyses.simulation {
            // The cost over the years: P10–P90 band and median per scenario.
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
            // The findings and the fan in the body; every table of the
            // draws in the appendix.
            let tables = tables::uncertainty_tables(study, sim, tr);
            let _ = write!(
                html,
                r#"<section class="keep"><h2>{}</h2><ul>"#,
                escape(&tables.first().map_or_else(String::new, |t| t.title.clone()))
            );
            for finding in tables::uncertainty_findings(study, sim, tr) {
                let _ = write!(html, "<li>{}</li>", escape(&finding));
            }
            let _ = write!(
                html,
                r#"</ul><h3>{}</h3><div class="chart">{}</div></section>"#,
                escape(&tr.get("unc-fan-title")),
                svg::fan(&fan.years, &medians, &bands, &unit, tr.numbers())
            );
            for table in &tables {
                let _ = write!(
                    appendix,
                    r#"<section class="keep"><h2>{}</h2>"#,
                    escape(&table.title)
                );
                appendix.push_str(&table_html(tr.numbers(), table, |_, _| ""));
                appendix.push_str("</section>");
            }
        }
    }

    // Is the split fair? The proposal's in the body, every other option's
    // in the appendix.
    let splits = tables::fair_splits_of(study, tr, &analyses.fair, false);
    for (fair, (table, findings)) in analyses.fair.iter().zip(splits) {
        let out = if Some(fair.scenario) == decision.proposal {
            &mut html
        } else {
            &mut appendix
        };
        let _ = write!(
            out,
            r#"<section class="keep"><h2>{}</h2><ul>"#,
            escape(&table.title)
        );
        for finding in &findings {
            let _ = write!(out, "<li>{}</li>", escape(finding));
        }
        out.push_str("</ul>");
        let last = table.rows.len().saturating_sub(1);
        out.push_str(&table_html(tr.numbers(), &table, |r, _| {
            if r == last { "total" } else { "" }
        }));
        let _ = write!(
            out,
            r#"<p class="note">{} {}</p></section>"#,
            escape(&tr.get("fair-own-key-note")),
            escape(&tr.get("fair-help-definition"))
        );
    }
    // The appendix: every table behind the answer.
    let _ = write!(
        html,
        r#"<h1 class="appendix">{}</h1><p class="note">{}</p>"#,
        escape(&tr.get("brief-appendix")),
        escape(&tr.get("brief-appendix-note"))
    );
    html.push_str(&appendix);

    // Differences, keys, years, categories.
    let differences = tables::differences(study, evaluation, tr, year);
    let _ = write!(
        html,
        r#"<section class="keep"><h2>{}</h2>"#,
        escape(&differences.title)
    );
    html.push_str(&table_html(tr.numbers(), &differences, |_, _| ""));
    let partial = tables::partial_scenario_notes(study, evaluation, Metric::Annual(year), tr).join(" ");
    let _ = write!(
        html,
        r#"<p class="note">{} {}</p></section>"#,
        escape(&tr.get("brief-differences-note")),
        escape(&partial)
    );
    for table in [
        tables::shares(study, evaluation, tr),
        tables::by_category(study, evaluation, tr, year),
        tables::per_year(evaluation, tr),
    ] {
        let last = table.rows.len().saturating_sub(1);
        let is_category = table.id == "by-category";
        let _ = write!(html, r#"<section class="keep"><h2>{}</h2>"#, escape(&table.title));
        html.push_str(&table_html(tr.numbers(), &table, |r, _| {
            if is_category && r == last { "total" } else { "" }
        }));
        html.push_str("</section>");
    }

    // Every input with its source.
    let inputs = tables::inputs(study, tr);
    let assumption_word = tr.get("table-yes");
    let _ = write!(
        html,
        r#"<section><h2>{}</h2><p class="note">{}</p>"#,
        escape(&inputs.title),
        escape(&tr.get("brief-inputs-note"))
    );
    html.push_str(&table_html(tr.numbers(), &inputs, |_, row| {
        if matches!(row.last(), Some(Cell::Text(t)) if *t == assumption_word) {
            "assumption"
        } else {
            ""
        }
    }));
    html.push_str("</section>");

    // Validation.
    let _ = write!(
        html,
        r#"<section class="keep"><h2>{}</h2>"#,
        escape(&tr.get("brief-issues"))
    );
    if evaluation.report.issues.is_empty() {
        let _ = write!(html, "<p>{}</p>", escape(&tr.get("brief-no-issues")));
    } else {
        html.push_str(r#"<ul class="issues">"#);
        for issue in &evaluation.report.issues {
            let _ = write!(html, "<li>{}</li>", escape(&issue.line(tr)));
        }
        html.push_str("</ul>");
    }
    html.push_str("</section>");
    let _ = writeln!(
        html,
        "<footer>{}</footer></body></html>",
        escape(&tr.args(
            "brief-footer",
            &[("version", env!("CARGO_PKG_VERSION").to_owned())]
        ))
    );
    html
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_matters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }
}
