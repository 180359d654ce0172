//! Checks of the members (attributes, salary, positions), the categories
//! and the printed totals of the staffing.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn members(study: &Study, report: &mut Report) {
    if study.members.is_empty() {
        report.push(&Place::Study, Problem::NoMembers);
    }
    // An empty id is reported at the member (found by its name), repeated
    // ids for the study as a whole.
    ids_unique(report, "kind-member", study.members.iter().map(|m| m.id.as_str()));
    for member in &study.members {
        let place = Place::Member {
            member: member.id.clone(),
            name: member.name.clone(),
        };
        if member.id.as_str().trim().is_empty() {
            report.push(&place, Problem::EmptyId { kind: "kind-member" });
        }
        for attribute in Attribute::ALL {
            if let Some(Quantity { value, .. }) = member.attribute(attribute) {
                report.bounded(&place, attribute.message_id(), *value, false, MAX_COUNT);
            }
        }
        if let Some(salary) = &member.salary {
            report.bounded(&place, "field-salary", salary.nok_per_fte, false, MAX_AMOUNT_NOK);
            // Rates are percent of the salary: 0–100 % (a zone's employer
            // tax is at most 14,1 %, pensions about 20 %).
            for (field, value) in [
                ("field-employer-tax", salary.employer_tax_percent),
                ("field-pension", salary.pension_percent),
            ] {
                if report.number(&place, field, value, false) && value > 100.0 {
                    report.push(&place, Problem::PercentOutOfRange { field, value });
                }
            }
            if let Some(id) = &salary.today_category
                && study.category(id).is_none()
            {
                report.push(&place, Problem::SalaryLinkUnknownCategory { id: id.clone() });
            }
        }
        for (index, position) in member.positions.iter().enumerate() {
            let place = Place::Position {
                member: member.id.clone(),
                name: member.name.clone(),
                index,
                role: position.role.clone(),
            };
            let authorised_ok = report.bounded(
                &place,
                "field-authorised",
                position.authorised_percent_of_fte,
                false,
                MAX_COUNT,
            );
            let filled_ok = report.bounded(
                &place,
                "field-filled",
                position.filled_percent_of_fte,
                false,
                MAX_COUNT,
            );
            if authorised_ok
                && filled_ok
                && position.filled_percent_of_fte > position.authorised_percent_of_fte + 1e-9
            {
                report.push(
                    &place,
                    Problem::FilledExceedsAuthorised {
                        filled_percent: position.filled_percent_of_fte,
                        authorised_percent: position.authorised_percent_of_fte,
                    },
                );
            }
            let mut tasks_ok = true;
            for task in &position.tasks {
                tasks_ok &= report.bounded(&place, "field-task-share", task.percent_of_fte, false, MAX_COUNT);
            }
            let tasks_percent = position.tasks_percent();
            if tasks_ok && filled_ok && !position.tasks_add_up() {
                report.push(
                    &place,
                    Problem::TasksDoNotAddUp {
                        tasks_percent,
                        filled_percent: position.filled_percent_of_fte,
                    },
                );
            }
        }
    }
}

pub(super) fn categories(study: &Study, report: &mut Report) {
    ids_unique(
        report,
        "kind-category",
        study.categories.iter().map(|c| c.id.as_str()),
    );
    for category in &study.categories {
        if category.id.0.trim().is_empty() {
            let place = Place::Category {
                category: category.id.clone(),
                name: category.name.clone(),
            };
            report.push(
                &place,
                Problem::EmptyId {
                    kind: "kind-category",
                },
            );
        }
    }
}

pub(super) fn staffing_totals(study: &Study, member_ids: &HashSet<&MemberId>, report: &mut Report) {
    let printed = &study.staffing_printed;
    let place = Place::StaffingTotals;
    let all_finite = study
        .members
        .iter()
        .flat_map(|m| &m.positions)
        .all(|p| p.authorised_percent_of_fte.is_finite());
    for (role, value) in &printed.roles {
        let holders: Vec<f64> = study
            .members
            .iter()
            .flat_map(|m| &m.positions)
            .filter(|p| &p.role == role)
            .map(|p| p.authorised_percent_of_fte)
            .collect();
        if holders.is_empty() {
            report.push(&place, Problem::UnknownRole { role: role.clone() });
            continue;
        }
        let computed = all_finite.then(|| holders.iter().sum());
        report.printed_total(&place, Some(role.clone()), *value, computed, true);
    }
    for (member, value) in &printed.members {
        let Some(m) = study.member(member).filter(|_| member_ids.contains(member)) else {
            report.push(&place, Problem::UnknownMember { id: member.clone() });
            continue;
        };
        let computed = all_finite.then(|| m.positions.iter().map(|p| p.authorised_percent_of_fte).sum());
        report.printed_total(&place, Some(m.name.clone()), *value, computed, true);
    }
    if let Some(value) = printed.grand {
        let computed = all_finite.then(|| {
            study
                .members
                .iter()
                .flat_map(|m| &m.positions)
                .map(|p| p.authorised_percent_of_fte)
                .sum()
        });
        report.printed_total(&place, None, value, computed, true);
    }
}
