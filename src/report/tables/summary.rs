//! The sentences a council reads first, and the notes under the
//! comparison.

#[allow(clippy::wildcard_imports)]
use super::*;

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

/// Whether `scenario` is set against today's operation
/// ([`crate::model::against_today`]).
fn against_today(evaluation: &Evaluation, scenario: usize) -> bool {
    let reference = evaluation.compared_with.get(scenario).copied().flatten();
    crate::model::against_today(reference, evaluation.today, scenario)
}

/// The cheapest scenario per municipality (columns `0..n`) and for all
/// together (column `n`, among scenarios with every member), among today's
/// operation and the scenarios measured against it; `rows` as
/// [`Evaluation::summary`] gives them.
#[must_use]
pub fn cheapest_per_column(
    evaluation: &Evaluation,
    rows: &[crate::engine::SummaryRow],
) -> Vec<Option<usize>> {
    let n = evaluation.members.len();
    (0..=n)
        .map(|m| {
            rows.iter()
                .filter(|r| against_today(evaluation, r.scenario))
                .filter_map(|r| {
                    let v = if m < n {
                        (*r.per_member.get(m)?)?
                    } else {
                        r.per_member.iter().all(Option::is_some).then_some(r.total)?
                    };
                    Some((r.scenario, v))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(s, _)| s)
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
        .filter(|r| against_today(evaluation, r.scenario))
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_cheapest_per_municipality_and_in_total() {
        let study = crate::io::load_str(crate::REFERENCE_STUDY, std::path::Path::new("r")).unwrap();
        let e = crate::engine::evaluate(&study).unwrap();
        let rows = e.summary(Metric::Annual(2007));
        let index = |id: &str| study.scenarios.iter().position(|s| s.id.as_str() == id);
        // Slide 11: remote operation is the cheapest for G, L, I and in
        // total; for Salangen (647 500 today) every alternative costs more.
        // The workstation pair (thin clients with workstations, 726 643 for
        // Gratangen) is measured within its pair, never marked here.
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
        let thin = study.scenarios.iter().rposition(|s| s.fleet.is_some()).unwrap();
        assert!(!against_today(&e, thin));
    }
}
