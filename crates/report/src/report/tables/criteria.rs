//! The tables and findings of the criteria: scores, rankings per profile,
//! requirements, how far a weight can move.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A score on DFØ's nine-step scale: `+ + +`, `0`, `− −` (a derived
/// economy score is rounded to the nearest step for the signs, and given
/// with one decimal).
#[must_use]
pub fn score_text(score: f64, numbers: crate::format::Numbers) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let steps = score.round().clamp(-4.0, 4.0) as i32;
    let signs = match steps {
        0 => "0".to_owned(),
        n if n > 0 => vec!["+"; usize::try_from(n).unwrap_or(0)].join(" "),
        n => vec!["\u{2212}"; usize::try_from(-n).unwrap_or(0)].join(" "),
    };
    if (score - score.round()).abs() > 1e-9 {
        format!("{signs} ({})", numbers.num(score, 1))
    } else {
        signs
    }
}

pub(super) fn meets_text(meets: crate::model::decision::Meets, tr: &Tr) -> String {
    use crate::model::decision::Meets;
    tr.get(match meets {
        Meets::Yes => "fair-yes",
        Meets::No => "fair-no",
        Meets::Unknown => "crit-unknown",
    })
}

/// A scenario × something table: a row per scenario with its name and
/// `cells(scenario index)`.
pub(super) fn scenario_matrix(
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
        |s| {
            a.scores[s]
                .iter()
                .map(|v| Cell::text(score_text(*v, tr.numbers())))
                .collect()
        },
        tr,
    )
}

/// Per profile the value (0–100) and rank of each scenario, the share of
/// all weightings in which it ranks first, and the requirements it fails.
/// (Where the profiles rank an option differently is said per option in
/// [`criteria_findings`]: a column of "yes" on every row said nothing.)
#[must_use]
pub fn criteria_rankings(study: &Study, a: &crate::criteria::Analysis, tr: &Tr) -> Table {
    let mut headers = vec![tr.get("ui-scenario")];
    for p in &a.profiles {
        headers.push(tr.args("crit-value-of", &[("profile", p.name.clone())]));
        headers.push(tr.args("crit-rank-of", &[("profile", p.name.clone())]));
    }
    headers.push(tr.get("crit-acceptability"));
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
    // Per option that some profile puts first and another does not: how
    // each ranks it.
    for s in 0..study.scenarios.len() {
        let firsts = a.profiles.iter().filter(|p| p.ranks[s] == 1).count();
        if firsts == 0 || firsts == a.profiles.len() {
            continue;
        }
        let ranks: Vec<String> = a
            .profiles
            .iter()
            .map(|p| format!("{} ({})", p.ranks[s], p.name))
            .collect();
        out.push(tr.args(
            "crit-ranks-differ",
            &[("scenario", name(s)), ("ranks", ranks.join(", "))],
        ));
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
    out.push(economy_rule(a, tr));
    out
}

/// How the economy score is made, naming the metric it is scored from.
#[must_use]
pub fn economy_rule(a: &crate::criteria::Analysis, tr: &Tr) -> String {
    let metric = tr
        .get(crate::report::metric::MetricChoice::of(a.metric).message_id())
        .to_lowercase();
    tr.args("crit-economy-rule", &[("metric", metric)])
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
