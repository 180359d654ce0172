//! Checks of today's costs: known members and categories, one line per
//! category, printed totals.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn baseline(
    study: &Study,
    member_ids: &HashSet<&MemberId>,
    category_ids: &HashSet<&CategoryId>,
    report: &mut Report,
) {
    let mut seen = HashSet::new();
    let mut member_totals: HashMap<&MemberId, f64> = HashMap::new();
    let mut all_finite = true;
    for line in &study.baseline.lines {
        let category_name = study
            .category(&line.category)
            .map_or_else(|| line.category.0.clone(), |c| c.name.clone());
        let place = Place::Baseline {
            category: line.category.clone(),
            category_name: category_name.clone(),
            member: None,
            member_name: None,
        };
        if !category_ids.contains(&line.category) {
            report.push(
                &place,
                Problem::UnknownCategory {
                    id: line.category.clone(),
                },
            );
        }
        if !seen.insert(&line.category) {
            report.push(
                &place,
                Problem::DuplicateBaselineLine {
                    id: line.category.clone(),
                },
            );
        }
        let mut line_finite = true;
        for (member, amount) in &line.amounts_nok {
            let cell = Place::Baseline {
                category: line.category.clone(),
                category_name: category_name.clone(),
                member: Some(member.clone()),
                member_name: Some(
                    study
                        .member(member)
                        .map_or_else(|| member.0.clone(), |m| m.name.clone()),
                ),
            };
            if !member_ids.contains(member) {
                report.push(&cell, Problem::UnknownMember { id: member.clone() });
            }
            if report.bounded(&cell, "field-amount", *amount, true, MAX_AMOUNT_NOK) {
                if *amount < 0.0 {
                    report.push(&cell, Problem::NegativeTodaysCost { value: *amount });
                }
                *member_totals.entry(member).or_default() += amount;
            } else {
                line_finite = false;
            }
        }
        all_finite &= line_finite;
        if let Some(printed) = line.printed_total {
            let computed = line_finite.then(|| line.total_nok());
            report.printed_total(&place, None, printed, computed, false);
        }
    }
    let place = Place::BaselineTotals;
    for (member, printed) in &study.baseline.printed_member_totals {
        let Some(m) = study.member(member) else {
            report.push(&place, Problem::UnknownMember { id: member.clone() });
            continue;
        };
        let computed = all_finite.then(|| member_totals.get(member).copied().unwrap_or(0.0));
        report.printed_total(&place, Some(m.name.clone()), *printed, computed, false);
    }
    if let Some(printed) = study.baseline.printed_grand_total {
        let computed = all_finite.then(|| member_totals.values().sum());
        report.printed_total(&place, None, printed, computed, false);
    }
}
