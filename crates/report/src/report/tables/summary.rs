//! The sentences a council reads first, and the notes under the
//! comparison.

#[allow(clippy::wildcard_imports)]
use super::*;

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
    let rows = evaluation.summary(metric);
    // Today's figures as the comparison shows them, so the sum in the note
    // is the sum of the figures a reader sees.
    let todays = evaluation
        .today
        .and_then(|t| rows.get(t))
        .map(|r| r.rounded(1.0).0);
    rows.iter()
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
            let todays = todays.as_ref()?;
            let reference: f64 = row
                .per_member
                .iter()
                .zip(todays)
                .filter(|(v, _)| v.is_some())
                .filter_map(|(_, t)| *t)
                .sum();
            let outside: f64 = row
                .per_member
                .iter()
                .zip(todays)
                .filter(|(v, _)| v.is_none())
                .filter_map(|(_, t)| *t)
                .sum();
            Some(tr.args(
                "note-partial-scenario",
                &[
                    ("scenario", evaluation.scenarios[row.scenario].name.clone()),
                    ("members", left_out.join(", ")),
                    ("amount", tr.money(reference)),
                    ("outside", tr.money(outside)),
                    ("count", row.per_member.iter().flatten().count().to_string()),
                ],
            ))
        })
        .collect()
}

/// The scenarios cheapest first for one municipality (those it takes part
/// in, today's operation included) or, with `member` `None`, for all
/// together: by saving against today's operation (today 0), so an option
/// without some members, who stay as today, is weighed on the same
/// municipalities as the others. `rows` as [`Evaluation::summary`] gives
/// them. The comparison's marks, the council's sentences and the decision
/// summary all rank by this.
#[must_use]
pub fn ranking(
    evaluation: &Evaluation,
    rows: &[crate::engine::SummaryRow],
    member: Option<usize>,
) -> Vec<usize> {
    let mut order: Vec<(usize, f64)> = rows
        .iter()
        .filter_map(|r| {
            let v = match member {
                Some(m) => (*r.per_member.get(m)?)?,
                None if evaluation.today == Some(r.scenario) => 0.0,
                None => r.diff_total?,
            };
            Some((r.scenario, v))
        })
        .collect();
    order.sort_by(|a, b| a.1.total_cmp(&b.1));
    order.into_iter().map(|(s, _)| s).collect()
}

/// The cheapest scenario per municipality (columns `0..n`) and for all
/// together (column `n`), by [`ranking`].
#[must_use]
pub fn cheapest_per_column(
    evaluation: &Evaluation,
    rows: &[crate::engine::SummaryRow],
) -> Vec<Option<usize>> {
    let n = evaluation.members.len();
    (0..=n)
        .map(|m| ranking(evaluation, rows, (m < n).then_some(m)).first().copied())
        .collect()
}

/// One row of the comparison as it is shown.
struct Shown {
    members: Vec<Option<f64>>,
    total: f64,
    diffs: Vec<Option<f64>>,
    diff_total: Option<f64>,
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
    // Every figure as the comparison shows it: rounded once, members adding
    // up to the total, differences the figures shown less today's.
    let today_row = rows.get(today);
    let shown: Vec<Shown> = rows
        .iter()
        .map(|r| {
            let (members, total) = r.rounded(1.0);
            let (diffs, diff_total) = r.rounded_diffs(today_row, 1.0);
            Shown {
                members,
                total,
                diffs,
                diff_total,
            }
        })
        .collect();
    let best_option = |member: Option<usize>| {
        ranking(evaluation, &rows, member)
            .into_iter()
            .find(|&s| s != today)
            .map(|s| &rows[s])
    };
    for (m, member) in study.members.iter().enumerate() {
        let best = best_option(Some(m)).and_then(|r| Some((r, shown[r.scenario].members[m]?)));
        if let Some((row, cost)) = best {
            let diff = shown[row.scenario].diffs[m].unwrap_or(0.0);
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
    // All together: the option that saves the most against today's
    // operation (members outside an option stay as today).
    if let Some(row) = best_option(None) {
        out.push(tr.args(
            "brief-cheapest-total",
            &[
                ("scenario", evaluation.scenarios[row.scenario].name.clone()),
                ("cost", kr(shown[row.scenario].total)),
                (
                    "change",
                    change(
                        shown[row.scenario].diff_total.unwrap_or(0.0),
                        row.diff_percent_total,
                    ),
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
                let d = shown[row.scenario].diffs[m]?;
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_cheapest_per_municipality_and_in_total() {
        let study = crate::report::core_tests::reference();
        let e = crate::engine::evaluate(&study).unwrap();
        let rows = e.summary(Metric::Annual(2007));
        let index = |id: &str| study.scenarios.iter().position(|s| s.id.as_str() == id);
        // Slide 11: remote operation is the cheapest for G, L, I and in
        // total (2 136 000 against 2 414 500: 278 500 less; joint in-house
        // 152 500 less; joint without Ibestad 2 262 000 against 1 824 500
        // for the same three, 437 500 more); for Salangen (647 500 today)
        // every alternative costs more.
        assert_eq!(
            cheapest_per_column(&e, &rows),
            vec![
                index("remote"),
                index("remote"),
                index("today"),
                index("remote"),
                index("remote")
            ]
        );
    }
}
