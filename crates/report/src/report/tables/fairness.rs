//! The tables and findings of a fair split: today, each key, stand-alone
//! cost, Shapley value, nucleolus and a suggested key.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Text fit for a file or sheet name: letters, digits, `-` and `_`, at
/// most 40 characters.
pub(super) fn file_safe(text: &str) -> String {
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

/// The fair split of every scenario but the yardsticks (today's
/// operation, today's operation with workstations), under the
/// annual cost of `year` (as the comparison tables): its table and its
/// findings. Runs the analysis (every coalition); scenarios it cannot
/// split are left out.
#[must_use]
pub fn fair_splits(study: &Study, tr: &Tr, year: i32, all_keys: bool) -> Vec<(Table, Vec<String>)> {
    let splits = fair_split_analyses(study, year, &|_| true).unwrap_or_default();
    fair_splits_of(study, tr, &splits, all_keys)
}

/// The fair split of every scenario but the yardsticks under the annual
/// cost of `year` (scenarios it cannot split are left out), as the views,
/// the tables and the exports make it. `progress` gets the share done and
/// returns false to stop: then `None`.
pub fn fair_split_analyses(
    study: &Study,
    year: i32,
    progress: &(dyn Fn(f64) -> bool + Sync),
) -> Option<Vec<crate::fairness::FairSplit>> {
    let n = study.scenarios.len().max(1) as f64;
    let mut splits = Vec::new();
    for s in (0..study.scenarios.len()).filter(|&s| study.today() != Some(s)) {
        let options = crate::fairness::Options {
            metric: Metric::Annual(year),
            samples: crate::fairness::sample_count(study, s),
            seed: 1,
        };
        let done = s as f64 / n;
        if let Ok(split) = crate::fairness::analyse(study, s, options, &|_| progress(done)) {
            splits.push(split);
        }
        if !progress((s + 1) as f64 / n) {
            return None;
        }
    }
    Some(splits)
}

/// The table and findings of fair splits already made (see
/// [`fair_splits`]).
#[must_use]
pub fn fair_splits_of(
    study: &Study,
    tr: &Tr,
    splits: &[crate::fairness::FairSplit],
    all_keys: bool,
) -> Vec<(Table, Vec<String>)> {
    splits
        .iter()
        .map(|fair| {
            (
                fair_split(study, fair, tr, all_keys),
                fair_split_findings(study, fair, tr),
            )
        })
        .collect()
}

/// Rounds every money column of `rows` (the last row is the total) so
/// that the members add up to the total shown, by largest remainder: the
/// same rounding as the comparison, so the scenario's own key shows each
/// member as the comparison does (Lavangen 451 947, not 451 948 under a
/// column that then summed to 2 262 001).
fn balance_money_columns(rows: &mut [Vec<Cell>]) {
    let Some((total, members)) = rows.split_last_mut() else {
        return;
    };
    for c in 0..total.len() {
        let values: Option<Vec<f64>> = members
            .iter()
            .map(|r| match r.get(c) {
                Some(Cell::Money(v)) => Some(*v),
                Some(Cell::Empty) => Some(f64::NAN),
                _ => None,
            })
            .collect();
        let (Some(values), Some(Cell::Money(_))) = (values, total.get(c)) else {
            continue;
        };
        let rounded = round_split(&values);
        for (row, v) in members.iter_mut().zip(&rounded) {
            if v.is_finite() {
                row[c] = Cell::Money(*v);
            }
        }
        total[c] = Cell::Money(rounded.iter().filter(|v| v.is_finite()).sum());
    }
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
    // The first column is what each pays without the scenario: today.
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
    // The scenario's participants only, as in the comparison: a member
    // left out stays as today (the findings say what it pays).
    let inside = participant_indices(study, fair.scenario);
    let sum = |values: &[f64]| -> f64 { inside.iter().map(|&i| values[i]).sum() };
    let mut rows: Vec<Vec<Cell>> = study
        .members
        .iter()
        .enumerate()
        .filter(|(i, _)| inside.contains(i))
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
    let mut total = vec![Cell::text(tr.get("ui-total")), Cell::Money(sum(&fair.today))];
    total.extend(
        fair.keys
            .iter()
            .enumerate()
            .filter(|(k, _)| shown(*k))
            .map(|(_, k)| k.split.as_ref().map_or(Cell::Empty, |s| Cell::Money(sum(s)))),
    );
    if let Some(mix) = suggested {
        total.push(Cell::Money(sum(&mix.split)));
    }
    total.push(Cell::Money(sum(&fair.stand_alone)));
    total.push(Cell::Money(sum(&fair.shapley)));
    total.push(nucleolus.map_or(Cell::Empty, |x| Cell::Money(sum(x))));
    total.push(Cell::Empty);
    rows.push(total);
    balance_money_columns(&mut rows);
    Table {
        id: format!("fair-split-{}", file_safe(scenario.id.as_str())),
        title: tr.args("table-fair-split", &[("scenario", scenario.name.clone())]),
        headers,
        rows,
    }
}

/// The indices of the members that take part in `scenario`.
fn participant_indices(study: &Study, scenario: usize) -> Vec<usize> {
    let ids = study.participants(&study.scenarios[scenario]);
    (0..study.members.len())
        .filter(|&i| ids.contains(&study.members[i].id))
        .collect()
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
    // A member the scenario leaves out stays as today, outside the split.
    let inside = participant_indices(study, fair.scenario);
    let outside: Vec<String> = (0..study.members.len())
        .filter(|i| !inside.contains(i))
        .map(|i| format!("{} ({})", name(i), kr(fair.today[i])))
        .collect();
    if !outside.is_empty() {
        out.push(tr.args("fair-left-out", &[("members", outside.join(", "))]));
    }
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

/// The split year by year ([`crate::fairness::by_year`]): per participant
/// and year, what it pays under the scenario's key, what it would pay
/// alone, and the difference (positive: it pays more than alone).
#[must_use]
pub fn fair_by_year(study: &Study, split: &crate::fairness::ByYear, tr: &Tr) -> Table {
    let headers = [
        "fair-member",
        "unc-year",
        "fair-year-under-key",
        "fair-year-alone",
        "fair-year-over",
    ]
    .iter()
    .map(|h| tr.get(h))
    .collect();
    let rows = split
        .members
        .iter()
        .flat_map(|m| {
            split.years.iter().enumerate().map(move |(y, year)| {
                vec![
                    Cell::text(study.members[m.member].name.clone()),
                    Cell::Number(f64::from(*year), 0),
                    Cell::Money(m.under_key[y].round()),
                    Cell::Money(m.alone[y].round()),
                    Cell::Money(m.under_key[y].round() - m.alone[y].round()),
                ]
            })
        })
        .collect();
    Table {
        id: format!("fair-by-year-{}", study.scenarios[split.scenario].id.as_str()),
        title: tr.args(
            "table-fair-by-year",
            &[("scenario", study.scenarios[split.scenario].name.clone())],
        ),
        headers,
        rows,
    }
}

/// The year-by-year findings: for each participant who would be better
/// off alone in some year, the first such year and by how much; or that
/// nobody would, in any year.
#[must_use]
pub fn fair_by_year_findings(study: &Study, split: &crate::fairness::ByYear, tr: &Tr) -> Vec<String> {
    let scenario = study.scenarios[split.scenario].name.clone();
    let found: Vec<String> = split
        .members
        .iter()
        .filter_map(|m| {
            let y = m.first_worse?;
            Some(tr.args(
                "fair-year-first-worse",
                &[
                    ("member", study.members[m.member].name.clone()),
                    ("scenario", scenario.clone()),
                    ("year", split.years[y].to_string()),
                    ("pays", tr.money(m.under_key[y].round())),
                    ("alone", tr.money(m.alone[y].round())),
                    ("over", tr.money(m.under_key[y].round() - m.alone[y].round())),
                ],
            ))
        })
        .collect();
    if found.is_empty() {
        vec![tr.args("fair-year-never-worse", &[("scenario", scenario)])]
    } else {
        found
    }
}

/// A member leaving ([`crate::fairness::exit`]): per participant and year,
/// what it pays if all stay, after the exit, and the difference.
#[must_use]
pub fn exit_table(study: &Study, exit: &crate::fairness::Exit, tr: &Tr) -> Table {
    let headers = [
        "fair-member",
        "unc-year",
        "exit-all-stay",
        "exit-after",
        "exit-difference",
    ]
    .iter()
    .map(|h| tr.get(h))
    .collect();
    let rows = exit
        .members
        .iter()
        .enumerate()
        .flat_map(|(i, &m)| {
            exit.years.iter().enumerate().map(move |(y, year)| {
                let (stay, after) = (exit.all_stay[i][y].round(), exit.after_exit[i][y].round());
                vec![
                    Cell::text(study.members[m].name.clone()),
                    Cell::Number(f64::from(*year), 0),
                    Cell::Money(stay),
                    Cell::Money(after),
                    Cell::Money(after - stay),
                ]
            })
        })
        .collect();
    Table {
        id: format!(
            "exit-{}-{}-{}",
            study.scenarios[exit.scenario].id.as_str(),
            study.members[exit.leaver].id.as_str(),
            exit.notice_year
        ),
        title: tr.args(
            "table-exit",
            &[
                ("member", study.members[exit.leaver].name.clone()),
                ("scenario", study.scenarios[exit.scenario].name.clone()),
                ("year", exit.notice_year.to_string()),
            ],
        ),
        headers,
        rows,
    }
}

/// What an exit does, in a sentence: when the leaver is out, what it
/// saves or pays more over the years (the settlement included), and what
/// the others pay more together.
#[must_use]
pub fn exit_sentence(study: &Study, exit: &crate::fairness::Exit, tr: &Tr) -> String {
    let leaver_at = exit.members.iter().position(|&m| m == exit.leaver).unwrap_or(0);
    let rest: f64 = (0..exit.members.len())
        .filter(|&i| i != leaver_at)
        .map(|i| exit.extra(i))
        .sum();
    let Some(out) = exit.out else {
        return tr.args(
            "exit-after-horizon",
            &[
                ("member", study.members[exit.leaver].name.clone()),
                ("year", exit.notice_year.to_string()),
            ],
        );
    };
    let own = exit.extra(leaver_at).round();
    tr.args(
        if own <= 0.0 { "exit-saves" } else { "exit-costs" },
        &[
            ("member", study.members[exit.leaver].name.clone()),
            ("scenario", study.scenarios[exit.scenario].name.clone()),
            ("notice", exit.notice_year.to_string()),
            ("out", exit.years[out].to_string()),
            ("amount", tr.money(own.abs())),
            ("settlement", tr.money(exit.settlement.round())),
            ("rest", tr.money(rest.round())),
        ],
    )
}

/// Who could leave a scenario profitably ([`crate::fairness::exit_options`]),
/// one sentence each, or that nobody could.
#[must_use]
pub fn exit_findings(
    study: &Study,
    scenario: usize,
    options: &[crate::fairness::ExitOption],
    tr: &Tr,
) -> Vec<String> {
    if options.is_empty() {
        return vec![tr.args(
            "exit-nobody",
            &[("scenario", study.scenarios[scenario].name.clone())],
        )];
    }
    options
        .iter()
        .map(|o| {
            tr.args(
                "exit-could-leave",
                &[
                    ("member", study.members[o.member].name.clone()),
                    ("scenario", study.scenarios[scenario].name.clone()),
                    ("notice", o.exit.notice_year.to_string()),
                    (
                        "out",
                        o.exit
                            .out
                            .map_or_else(String::new, |y| o.exit.years[y].to_string()),
                    ),
                    ("amount", tr.money(o.gain.round())),
                    ("rest", tr.money(o.cost_to_rest.round())),
                ],
            )
        })
        .collect()
}

/// A member joining ([`crate::fairness::join`]): per member and year, what
/// it pays before and after, and the difference.
#[must_use]
pub fn join_table(study: &Study, join: &crate::fairness::Join, tr: &Tr) -> Table {
    let headers = [
        "fair-member",
        "unc-year",
        "join-before",
        "join-after",
        "exit-difference",
    ]
    .iter()
    .map(|h| tr.get(h))
    .collect();
    let rows = join
        .members
        .iter()
        .enumerate()
        .flat_map(|(i, &m)| {
            join.years.iter().enumerate().map(move |(y, year)| {
                let (before, after) = (join.before[i][y].round(), join.after[i][y].round());
                vec![
                    Cell::text(study.members[m].name.clone()),
                    Cell::Number(f64::from(*year), 0),
                    Cell::Money(before),
                    Cell::Money(after),
                    Cell::Money(after - before),
                ]
            })
        })
        .collect();
    Table {
        id: format!("join-{}", study.members[join.joiner].id.as_str()),
        title: tr.args(
            "table-join",
            &[
                ("member", study.members[join.joiner].name.clone()),
                ("scenario", study.scenarios[join.scenario].name.clone()),
                ("year", join.years[join.from].to_string()),
            ],
        ),
        headers,
        rows,
    }
}

/// What a join does, in a sentence: the two entry fees, and what the
/// joiner and the members already in pay more or less over the years with
/// the fee applied.
#[must_use]
pub fn join_sentence(study: &Study, join: &crate::fairness::Join, tr: &Tr) -> String {
    let at = join.members.iter().position(|&m| m == join.joiner).unwrap_or(0);
    let rest: f64 = (0..join.members.len())
        .filter(|&i| i != at)
        .map(|i| join.extra(i))
        .sum();
    tr.args(
        "join-sentence",
        &[
            ("member", study.members[join.joiner].name.clone()),
            ("scenario", study.scenarios[join.scenario].name.clone()),
            ("year", join.years[join.from].to_string()),
            ("book", tr.money(join.fee_book_value.round())),
            ("marginal", tr.money(join.fee_marginal.round())),
            ("own", tr.money(join.extra(at).round())),
            ("rest", tr.money(rest.round())),
        ],
    )
}

/// A scenario's budget against today's operation ([`crate::budget`]): per
/// member (or `member` alone) and year, and for all together.
#[must_use]
pub fn budget_table(study: &Study, budget: &crate::budget::Budget, member: Option<usize>, tr: &Tr) -> Table {
    budget_plan_table(study, budget, (member, 0..budget.years.len()), tr)
}

/// The years of a municipality's economic plan (økonomiplan): four.
pub const PLAN_YEARS: usize = 4;

/// What the budget's own uncertain numbers (a loan's rate, the share of
/// VAT not compensated) do to the net effect on the operating budget: per
/// range and year of the plan, for `member` or all together, at the low
/// end, as estimated, and at the high end.
#[must_use]
pub fn budget_range_table(
    study: &Study,
    (budget, ranges): (&crate::budget::Budget, &[crate::budget::BudgetRange]),
    (member, years): (Option<usize>, std::ops::Range<usize>),
    tr: &Tr,
) -> Table {
    // The ends of the ranges are percentages: "(%)" in a CSV header,
    // dropped where the cells show "%" (Table::shown_header).
    let headers = [
        "budget-range-input",
        "unc-low",
        "unc-high",
        "unc-year",
        "budget-at-low",
        "budget-estimate",
        "budget-at-high",
    ]
    .iter()
    .map(|h| match *h {
        "unc-low" | "unc-high" => format!("{} (%)", tr.get(h)),
        _ => tr.get(h),
    })
    .collect();
    let net = |b: &crate::budget::Budget, y: usize| {
        member
            .map_or_else(|| b.all(y), |m| b.members[m][y])
            .net_operating()
            .round()
    };
    let mut rows = Vec::new();
    for range in ranges.iter().filter(|r| r.at_low.scenario == budget.scenario) {
        // The title names the option: the input without it.
        let label = range.input.label(study);
        let input = match &range.input {
            crate::model::InputRef::LoanRate { .. } => {
                format!("«{}», {}", label.item, tr.get("field-loan-rate"))
            }
            crate::model::InputRef::VatNotCompensated { .. } => tr.get("ui-vat"),
            _ => super::input_text(study, &range.input, tr),
        };
        for (y, year) in budget.years.iter().enumerate().filter(|(y, _)| years.contains(y)) {
            rows.push(vec![
                Cell::text(input.clone()),
                Cell::Percent(range.low),
                Cell::Percent(range.high),
                Cell::Number(f64::from(*year), 0),
                Cell::Money(net(&range.at_low, y)),
                Cell::Money(net(budget, y)),
                Cell::Money(net(&range.at_high, y)),
            ]);
        }
    }
    let who = member.map_or_else(|| tr.get("unc-all"), |m| study.members[m].name.clone());
    Table {
        id: format!("budget-ranges-{}", study.scenarios[budget.scenario].id.as_str()),
        title: tr.args(
            "table-budget-ranges",
            &[
                ("scenario", study.scenarios[budget.scenario].name.clone()),
                ("member", who),
            ],
        ),
        headers,
        rows,
    }
}

/// As [`budget_table`], for the year indices `years` (the economic plan's
/// four: the first four in the exports and the briefing, any four in the
/// app).
#[must_use]
pub fn budget_plan_table(
    study: &Study,
    budget: &crate::budget::Budget,
    (member, years): (Option<usize>, std::ops::Range<usize>),
    tr: &Tr,
) -> Table {
    let headers = [
        "fair-member",
        "unc-year",
        "budget-operating",
        "budget-vat-compensation",
        "budget-interest",
        "budget-repayment",
        "budget-investment",
        "budget-loan",
        "budget-own-funds",
        "budget-net-operating",
    ]
    .iter()
    .map(|h| tr.get(h))
    .collect();
    let row = |who: String, year: i32, b: crate::budget::BudgetYear| {
        vec![
            Cell::text(who),
            Cell::Number(f64::from(year), 0),
            Cell::Money(b.operating.round()),
            Cell::Money(b.vat_compensation.round()),
            Cell::Money(b.interest.round()),
            Cell::Money(b.repayment.round()),
            Cell::Money(b.investment.round()),
            Cell::Money(b.loan.round()),
            Cell::Money(b.own_funds.round()),
            Cell::Money(b.net_operating().round()),
        ]
    };
    let mut rows = Vec::new();
    let shown = || budget.years.iter().enumerate().filter(|(y, _)| years.contains(y));
    for (m, per_year) in budget.members.iter().enumerate() {
        if member.is_some_and(|x| x != m) {
            continue;
        }
        for (y, year) in shown() {
            rows.push(row(study.members[m].name.clone(), *year, per_year[y]));
        }
    }
    if member.is_none() {
        for (y, year) in shown() {
            rows.push(row(tr.get("dec-all"), *year, budget.all(y)));
        }
    }
    Table {
        id: format!("budget-{}", study.scenarios[budget.scenario].id.as_str()),
        title: tr.args(
            "table-budget",
            &[("scenario", study.scenarios[budget.scenario].name.clone())],
        ),
        headers,
        rows,
    }
}
