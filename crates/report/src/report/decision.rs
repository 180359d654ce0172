//! The decision in one place: per municipality and for all together, the
//! cheapest option and the runner-up, how sure that is, when it pays back,
//! whether the agreed key of the proposal is fair, where the stakeholders
//! disagree and what the workstations change. One model ([`Decision`]),
//! read by the briefing's first page, the app's overview and `samdrift
//! summary`, so the three say the same.

use crate::engine::{Evaluation, Metric, Payback};
use crate::i18n::Tr;
use crate::model::Study;

use super::bundle::Analyses;
use super::tables::{Cell, Table};

/// The answer for one municipality, or for all together.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The member; `None` for all together.
    pub member: Option<usize>,
    /// The cheapest scenario in the year shown (today's operation when no
    /// option costs less); for all together, the largest saving.
    pub cheapest: Option<usize>,
    /// The next cheapest.
    pub runner_up: Option<usize>,
    /// The cheapest option (not today's operation): the cheapest, or the
    /// runner-up when today's operation is the cheapest.
    pub option: Option<usize>,
    /// That option's figure as the comparison shows it (rounded once).
    pub cost: Option<f64>,
    /// Its difference from today as the comparison shows it.
    pub change: Option<f64>,
    /// The share of draws in which it is the cheapest (with ranges).
    pub p_cheapest: Option<f64>,
    /// The saving against today at the 10th, 50th and 90th percentile of
    /// the draws (with ranges; positive: cheaper).
    pub saving: Option<[f64; 3]>,
    /// When the cheapest pays back against today.
    pub payback: Option<Payback>,
    /// Under the proposal's own key: nobody (all) or this member pays more
    /// than alone (`Some(false)`), or not (`Some(true)`).
    pub fair_under_key: Option<bool>,
    /// What it pays above its stand-alone cost under that key (for all:
    /// the sum over the members who do), 0 when none.
    pub over_alone: Option<f64>,
}

/// The decision a council reads first.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The year whose annual cost is compared.
    pub year: i32,
    /// The proposal: the option with the largest saving for all together.
    pub proposal: Option<usize>,
    /// The nearest key to the proposal's that is fair to every group, in
    /// words.
    pub nearest_fair_key: Option<String>,
    /// One answer per member, then all together.
    pub answers: Vec<Answer>,
    /// Where the stakeholders' profiles disagree, in words.
    pub dissent: Vec<String>,
    /// What the workstations change, in words: every finding
    /// ([`super::fleet_report::fleet_findings`], made once for the
    /// briefing's section too); the summary says the first.
    pub workstations: Vec<String>,
    /// What the proposal does to the members' operating budgets in the
    /// year compared, in words (when the export made the budgets).
    pub budget: Option<String>,
    /// Errors and warnings of the study.
    pub warnings: usize,
}

/// Builds the decision from the study's figures and the analyses made once
/// for an export (or the app's).
#[must_use]
pub fn decision(
    study: &Study,
    evaluation: &Evaluation,
    (tr, year): (&Tr, i32),
    analyses: &Analyses,
) -> Decision {
    let rows = evaluation.summary(Metric::Annual(year));
    let today = evaluation.today;
    let today_row = today.and_then(|t| rows.get(t));
    let shown: Vec<(Vec<Option<f64>>, f64)> = rows.iter().map(|r| r.rounded(1.0)).collect();
    let diffs: Vec<(Vec<Option<f64>>, Option<f64>)> =
        rows.iter().map(|r| r.rounded_diffs(today_row, 1.0)).collect();
    let n = study.members.len();
    // Per column (members, then all together): scenarios cheapest first,
    // as the comparison marks them.
    let ranked = |member: Option<usize>| super::tables::ranking(evaluation, &rows, member);
    let proposal = ranked(None).into_iter().find(|&s| Some(s) != today);
    let fair = proposal.and_then(|p| analyses.fair.iter().find(|f| f.scenario == p));
    let own_key = fair.and_then(|f| f.scenario_key.map(|k| &f.keys[k]));
    let answers = (0..n)
        .map(Some)
        .chain(std::iter::once(None))
        .map(|member| {
            let order = ranked(member);
            let cheapest = order.first().copied();
            let option = order.iter().copied().find(|&s| Some(s) != today);
            let sim_rows = analyses.simulation.as_ref().map(|sim| sim.rows(member));
            let sim_row = cheapest.and_then(|s| sim_rows.as_ref().and_then(|r| r.get(s)));
            // The saving of an option; today's operation saves nothing.
            let option_row = option
                .filter(|_| cheapest == option)
                .and_then(|s| sim_rows.as_ref().and_then(|r| r.get(s)));
            let (fair_under_key, over_alone) = match (own_key, fair) {
                (Some(k), Some(f)) => match (&k.split, member) {
                    (Some(split), Some(m)) => {
                        let inside = proposal.is_some_and(|p| rows[p].per_member[m].is_some());
                        let over = (split[m] - f.stand_alone[m]).max(0.0);
                        if inside {
                            (Some(!k.over_stand_alone.contains(&m)), Some(over.round()))
                        } else {
                            (None, None)
                        }
                    }
                    (Some(split), None) => {
                        let over: f64 = k
                            .over_stand_alone
                            .iter()
                            .map(|&m| (split[m] - f.stand_alone[m]).max(0.0))
                            .sum();
                        (Some(k.over_stand_alone.is_empty()), Some(over.round()))
                    }
                    (None, _) => (None, None),
                },
                _ => (None, None),
            };
            Answer {
                member,
                cheapest,
                runner_up: order.get(1).copied(),
                option,
                cost: option.and_then(|s| match member {
                    Some(m) => shown[s].0[m],
                    None => Some(shown[s].1),
                }),
                change: option.and_then(|s| match member {
                    Some(m) => diffs[s].0[m],
                    None => diffs[s].1,
                }),
                p_cheapest: sim_row.filter(|r| r.competes).map(|r| r.p_cheapest),
                saving: option_row.map(|r| [r.saving.p10, r.saving.p50, r.saving.p90]),
                payback: option
                    .filter(|_| cheapest == option)
                    .map(|s| evaluation.payback(s, member)),
                fair_under_key,
                over_alone,
            }
        })
        .collect();
    let nearest_fair_key = fair.and_then(|f| {
        f.nearest_in_core
            .as_ref()
            .ok()
            .map(|mix| super::tables::mix_text(study, &mix.parts, tr))
    });
    let dissent = analyses
        .criteria
        .as_ref()
        .map(|a| {
            super::tables::criteria_findings(study, a, tr)
                .into_iter()
                .take(a.profiles.len())
                .collect()
        })
        .unwrap_or_default();
    Decision {
        year,
        proposal,
        nearest_fair_key,
        answers,
        dissent,
        workstations: super::fleet_report::fleet_findings(study, evaluation, tr),
        budget: proposal.and_then(|p| budget_sentence(study, analyses, (p, year), tr)),
        warnings: evaluation.report.issues.len(),
    }
}

/// The proposal's net effect on each member's operating budget (or, for
/// a study of many members, all together's) in the economic plan's four
/// years from `year`: one amount when it is the same every year, else the
/// years' amounts in order.
fn budget_sentence(
    study: &Study,
    analyses: &Analyses,
    (proposal, year): (usize, i32),
    tr: &Tr,
) -> Option<String> {
    let budget = analyses.budgets.iter().find(|b| b.scenario == proposal)?;
    let first = budget.years.iter().position(|x| *x == year)?;
    let plan = first..(first + super::tables::PLAN_YEARS).min(budget.years.len());
    // "+30 466 kr"; in a list, the unit only after the last amount.
    let signed = |v: f64, unit: bool| {
        let text = if unit { tr.money(v) } else { tr.num(v, 0) };
        if v > 0.0 { format!("+{text}") } else { text }
    };
    let years_text = |net: &dyn Fn(usize) -> f64| {
        let amounts: Vec<f64> = plan.clone().map(|y| net(y).round()).collect();
        // Whole kroner: equal when they read the same.
        if amounts.windows(2).all(|w| (w[0] - w[1]).abs() < 0.5) {
            tr.args("dec-budget-each-year", &[("amount", signed(amounts[0], true))])
        } else {
            let last = amounts.len() - 1;
            let list: Vec<String> = amounts
                .iter()
                .enumerate()
                .map(|(i, a)| signed(*a, i == last))
                .collect();
            list.join(" / ")
        }
    };
    let effects = if study.members.len() <= 6 {
        budget
            .members
            .iter()
            .enumerate()
            .filter(|(_, years)| years.iter().any(|b| b.net_operating() != 0.0))
            .map(|(m, years)| {
                format!(
                    "{} {}",
                    study.members[m].name,
                    years_text(&|y| years[y].net_operating())
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    } else {
        format!(
            "{} {}",
            tr.get("dec-all"),
            years_text(&|y| budget.all(y).net_operating())
        )
    };
    let years = match (budget.years.get(plan.start), budget.years.get(plan.end - 1)) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => year.to_string(),
    };
    Some(tr.args(
        "dec-budget",
        &[
            ("scenario", study.scenarios[proposal].name.clone()),
            ("year", years),
            ("effects", effects),
        ],
    ))
}

/// The payback in words: a year, "not within the horizon", or nothing.
fn payback_text(payback: Option<Payback>, tr: &Tr) -> Option<String> {
    match payback? {
        Payback::Year(y) => Some(y.to_string()),
        Payback::NotWithinHorizon => Some(tr.get("ui-payback-never")),
        Payback::NotApplicable => None,
    }
}

/// What a sentence of the decision is about: where its figures are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// The cheapest option and how sure (the comparison, the uncertainty).
    Answer,
    /// The proposal's key and a fair one (the fair split).
    Fairness,
    /// Where the stakeholders disagree (the criteria).
    Dissent,
    /// What the workstations change.
    Workstations,
    /// The proposal's effect on the operating budgets.
    Budget,
    /// The study's open remarks (the list of problems).
    Remarks,
}

/// The decision as sentences for a council, one per line: per member and
/// for all together the cheapest and how sure; the proposal's fairness;
/// the dissent; the workstations; the open warnings.
#[must_use]
pub fn sentences(study: &Study, d: &Decision, tr: &Tr) -> Vec<String> {
    topics(study, d, tr).into_iter().map(|(_, s)| s).collect()
}

/// The decision's sentences, each with what it is about (so the app can
/// link it to the view that shows its figures).
#[must_use]
pub fn topics(study: &Study, d: &Decision, tr: &Tr) -> Vec<(Topic, String)> {
    topics_of(study, d, tr, true)
}

/// The decision's sentences without one per member: for a study of many
/// members, whose answers [`answer_table`] shows in rows instead.
#[must_use]
pub fn sentences_but_members(study: &Study, d: &Decision, tr: &Tr) -> Vec<String> {
    topics_of(study, d, tr, false)
        .into_iter()
        .map(|(_, s)| s)
        .collect()
}

fn topics_of(study: &Study, d: &Decision, tr: &Tr, members: bool) -> Vec<(Topic, String)> {
    let mut out = Vec::new();
    let scenario = |s: usize| study.scenarios[s].name.clone();
    for a in d.answers.iter().filter(|a| members || a.member.is_none()) {
        let (Some(s), Some(cost)) = (a.option, a.cost) else {
            continue;
        };
        let who = a
            .member
            .map_or_else(|| tr.get("dec-all"), |m| study.members[m].name.clone());
        let change = a.change.unwrap_or(0.0);
        let mut text = tr.args(
            if a.cheapest == a.option {
                "dec-cheapest"
            } else {
                "dec-cheapest-today"
            },
            &[
                ("who", who),
                ("scenario", scenario(s)),
                ("cost", tr.money(cost)),
                ("amount", tr.money(change.abs())),
                ("year", d.year.to_string()),
            ],
        );
        if let (Some(p), Some(saving)) = (a.p_cheapest, a.saving) {
            text.push(' ');
            text.push_str(&tr.args(
                if saving[0] >= 0.0 {
                    "dec-sure-saves"
                } else {
                    "dec-sure-may-cost"
                },
                &[
                    ("p", tr.pct(p * 100.0, 0)),
                    ("p10", tr.money(saving[0].abs().round())),
                    ("p50", tr.money(saving[1].round())),
                ],
            ));
        }
        if let (Some(p), None) = (a.p_cheapest, a.saving) {
            text.push(' ');
            text.push_str(&tr.args("dec-sure-today", &[("p", tr.pct(p * 100.0, 0))]));
        }
        if let Some(year) = payback_text(a.payback, tr) {
            text.push(' ');
            text.push_str(&tr.args("dec-payback", &[("year", year)]));
        }
        out.push((Topic::Answer, text));
    }
    if let Some(p) = d.proposal {
        let over: Vec<String> = d
            .answers
            .iter()
            .filter(|a| a.fair_under_key == Some(false))
            .filter_map(|a| {
                let m = a.member?;
                Some(format!(
                    "{} (+{})",
                    study.members[m].name,
                    tr.money(a.over_alone.unwrap_or(0.0))
                ))
            })
            .collect();
        if over.is_empty() {
            if d.answers.iter().any(|a| a.fair_under_key.is_some()) {
                out.push((Topic::Fairness, tr.args("dec-fair", &[("scenario", scenario(p))])));
            }
        } else {
            let mut text = tr.args(
                "dec-unfair",
                &[("scenario", scenario(p)), ("members", over.join(", "))],
            );
            if let Some(key) = &d.nearest_fair_key {
                text.push(' ');
                text.push_str(&tr.args("dec-nearest-fair", &[("key", key.clone())]));
            }
            out.push((Topic::Fairness, text));
        }
    }
    out.extend(d.dissent.iter().map(|s| (Topic::Dissent, s.clone())));
    out.extend(d.workstations.first().map(|s| (Topic::Workstations, s.clone())));
    out.extend(d.budget.iter().map(|s| (Topic::Budget, s.clone())));
    if d.warnings > 0 {
        out.push((
            Topic::Remarks,
            tr.args("dec-warnings", &[("count", d.warnings.to_string())]),
        ));
    }
    out
}

/// Each member's answer as a row for a council (the briefing's first page
/// of a study of many members): the cheapest option (not today's
/// operation), its annual cost and difference from today as the comparison
/// shows them (positive: today's operation is cheaper), how sure, when it
/// pays back, and what the member pays above its stand-alone cost under
/// the proposal's key.
#[must_use]
pub fn answer_table(study: &Study, d: &Decision, tr: &Tr) -> Table {
    let year = [("year", d.year.to_string())];
    let mut headers = vec![
        tr.get("table-member"),
        tr.get("dec-col-option"),
        tr.args("dec-col-cost", &year),
        tr.get("dec-col-change"),
    ];
    let uncertain = d.answers.iter().any(|a| a.p_cheapest.is_some());
    if uncertain {
        headers.push(tr.get("dec-col-sure"));
        headers.push(tr.get("dec-col-p10"));
    }
    headers.push(tr.get("table-payback"));
    headers.push(tr.get("dec-col-over-alone"));
    let rows = d
        .answers
        .iter()
        .filter_map(|a| {
            let m = a.member?;
            let mut row = vec![
                Cell::text(study.members[m].name.clone()),
                a.option
                    .map_or(Cell::Empty, |s| Cell::text(study.scenarios[s].name.clone())),
                a.cost.map_or(Cell::Empty, Cell::Money),
                a.change.map_or(Cell::Empty, Cell::Money),
            ];
            if uncertain {
                row.push(a.p_cheapest.map_or(Cell::Empty, |p| Cell::Percent(p * 100.0)));
                row.push(a.saving.map_or(Cell::Empty, |s| Cell::Money(s[0].round())));
            }
            row.push(payback_text(a.payback, tr).map_or(Cell::Empty, Cell::text));
            row.push(a.over_alone.map_or(Cell::Empty, Cell::Money));
            Some(row)
        })
        .collect();
    Table {
        id: "decision".to_owned(),
        title: tr.get("brief-summary"),
        headers,
        rows,
    }
}

/// The decision as a table for `samdrift summary --format csv`: one row per
/// member (its id) and `all`, ids and plain numbers.
#[must_use]
pub fn summary_table(study: &Study, d: &Decision) -> Table {
    let headers = [
        "member",
        "cheapest",
        "p_cheapest",
        "saving_p10",
        "saving_p50",
        "saving_p90",
        "payback",
        "fair_under_key",
        "pays_over_alone",
        "nearest_fair_key",
    ]
    .map(str::to_owned)
    .to_vec();
    let rows = d
        .answers
        .iter()
        .map(|a| {
            let id = a
                .member
                .map_or_else(|| "all".to_owned(), |m| study.members[m].id.0.clone());
            let saving = |i: usize| a.saving.map_or(Cell::Empty, |s| Cell::Number(s[i].round(), 0));
            vec![
                Cell::text(id),
                a.cheapest
                    .map_or(Cell::Empty, |s| Cell::text(study.scenarios[s].id.as_str())),
                a.p_cheapest.map_or(Cell::Empty, |p| Cell::Number(p, 4)),
                saving(0),
                saving(1),
                saving(2),
                match a.payback {
                    Some(Payback::Year(y)) => Cell::text(y.to_string()),
                    Some(Payback::NotWithinHorizon) => Cell::text("never"),
                    _ => Cell::Empty,
                },
                a.fair_under_key
                    .map_or(Cell::Empty, |f| Cell::text(if f { "yes" } else { "no" })),
                a.over_alone.map_or(Cell::Empty, |v| Cell::Number(v, 0)),
                d.nearest_fair_key.clone().map_or(Cell::Empty, Cell::text),
            ]
        })
        .collect();
    Table {
        id: "summary".to_owned(),
        title: String::new(),
        headers,
        rows,
    }
}
