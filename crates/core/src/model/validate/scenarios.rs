//! Checks of the scenarios: participants, keys, lines, timing, payers.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn scenarios(
    study: &Study,
    member_ids: &HashSet<&MemberId>,
    category_ids: &HashSet<&CategoryId>,
    report: &mut Report,
) {
    ids_unique(
        report,
        "kind-scenario",
        study.scenarios.iter().map(|s| s.id.as_str()),
    );
    let todays = study
        .scenarios
        .iter()
        .filter(|s| s.kind == ScenarioKind::Today)
        .count();
    if todays == 0 && !study.scenarios.is_empty() {
        report.push(&Place::Study, Problem::NoTodayScenario);
    } else if todays > 1 {
        report.push(&Place::Study, Problem::SeveralTodayScenarios);
    }
    for scenario in &study.scenarios {
        scenario_checks(study, scenario, member_ids, category_ids, report);
    }
}

pub(super) fn scenario_checks(
    study: &Study,
    scenario: &Scenario,
    member_ids: &HashSet<&MemberId>,
    category_ids: &HashSet<&CategoryId>,
    report: &mut Report,
) {
    let place = Place::Scenario {
        scenario: scenario.id.clone(),
        name: scenario.name.clone(),
    };
    if scenario.id.as_str().trim().is_empty() {
        report.push(
            &place,
            Problem::EmptyId {
                kind: "kind-scenario",
            },
        );
    }
    if let Some(list) = &scenario.participants {
        for member in list {
            if !member_ids.contains(member) {
                report.push(&place, Problem::UnknownMember { id: member.clone() });
            }
        }
        for dup in duplicates(list.iter().map(MemberId::as_str)) {
            report.push(
                &place,
                Problem::DuplicateParticipant {
                    member: MemberId::new(dup),
                },
            );
        }
    }
    let participants = study.participants(scenario);
    if participants.is_empty() {
        // Without any municipality that is said once, for the study.
        if !study.members.is_empty() {
            report.push(&place, Problem::NoParticipants);
        }
        return;
    }
    key_checks(study, scenario, &place, &participants, report);
    budget_checks(scenario, &place, report);
    if let Some(org) = &scenario.organisation {
        organisation_checks(org, (&place, &participants), member_ids, report);
    }
    exit_question_checks(study, scenario, (&place, &participants), member_ids, report);
    if let Some(level) = &scenario.service_level {
        service_level_checks(level, &place, report);
    }
    let first = study.assumptions.first_year;
    let last = study.assumptions.end_year() - 1;
    // Per attribute, the names of the participants without it (looked up
    // once per scenario, not once per line).
    let participant_members: Vec<&Member> = participants.iter().filter_map(|id| study.member(id)).collect();
    let missing: [Vec<String>; 4] = Attribute::ALL.map(|attribute| {
        participant_members
            .iter()
            .filter(|m| m.attribute(attribute).is_none())
            .map(|m| m.name.clone())
            .collect()
    });
    for (index, line) in scenario.lines.iter().enumerate() {
        let place = Place::ScenarioLine {
            scenario: scenario.id.clone(),
            name: scenario.name.clone(),
            index,
            label: line.label.clone(),
        };
        if !category_ids.contains(&line.category) {
            report.push(
                &place,
                Problem::UnknownCategory {
                    id: line.category.clone(),
                },
            );
        }
        report.bounded(&place, "field-amount", line.amount_nok, true, MAX_AMOUNT_NOK);
        report.bounded(&place, "field-quantity", line.quantity, false, MAX_COUNT);
        if let Some(investment) = &line.investment {
            investment_checks(study, (line, investment), &place, report);
        }
        if let Payer::Member(member) = &line.payer {
            if !member_ids.contains(member) {
                report.push(&place, Problem::UnknownMember { id: member.clone() });
            } else if !participants.contains(member) {
                report.push(
                    &place,
                    Problem::PayerNotParticipating {
                        member: member.clone(),
                    },
                );
            }
        }
        if line.amount_from == crate::model::AmountFrom::SalaryWithSocialCosts {
            let payers: Vec<&MemberId> = match (&line.payer, &scenario.organisation) {
                // Shared: the organisation's employer's salary.
                (Payer::Shared, Some(org)) => vec![&org.employer],
                (Payer::Shared, None) => {
                    report.push(&place, Problem::SalaryLineShared);
                    Vec::new()
                }
                (Payer::EachMember, _) => participants.iter().collect(),
                (Payer::Member(id), _) => vec![id],
            };
            for id in payers {
                if let Some(member) = study.member(id)
                    && member.salary.is_none()
                {
                    report.push(
                        &place,
                        Problem::SalaryMissing {
                            member: member.name.clone(),
                        },
                    );
                }
            }
        }
        if let Driver::Attribute(attribute) = line.driver {
            for member in &missing[attribute.index()] {
                report.push(
                    &place,
                    Problem::DriverMissingAttribute {
                        member: member.clone(),
                        attribute,
                    },
                );
            }
        }
        // Years of a timing within 1900–2500, like the first year: a year
        // such as −2 147 483 648 would overflow the arithmetic of timings.
        let years_of_timing: Vec<i32> = match line.timing {
            Timing::EveryYear { from, to } => from.into_iter().chain(to).collect(),
            Timing::Once { year } => vec![year],
            Timing::EveryNYears { from, .. } => vec![from],
        };
        if let Some(&year) = years_of_timing.iter().find(|y| !(1900..=2500).contains(*y)) {
            report.push(&place, Problem::YearOutOfRange { year });
            continue;
        }
        match line.timing {
            Timing::EveryNYears { every: 0, .. } => report.push(&place, Problem::IntervalZero),
            Timing::EveryYear {
                from: Some(from),
                to: Some(to),
            } if from > to => {
                report.push(&place, Problem::FromAfterTo { from, to });
            }
            ref timing => {
                if study.assumptions.horizon_years > 0
                    && study.assumptions.horizon_years <= MAX_HORIZON_YEARS
                    && !study.assumptions.years().any(|y| timing.is_due(y))
                {
                    report.push(&place, Problem::NeverDue { first, last });
                }
            }
        }
    }
}

/// The scenario's key: known, able to split among the participants, a
/// weight for each of them; a key where lines are shared.
fn key_checks(
    study: &Study,
    scenario: &Scenario,
    place: &Place,
    participants: &[MemberId],
    report: &mut Report,
) {
    let place = place.clone();
    let member_name = |id: &MemberId| study.member_name(id);
    let has_shared = scenario.lines.iter().any(|l| l.payer == Payer::Shared);
    match &scenario.key {
        Some(key_id) => match study.key(key_id) {
            None => report.push(&place, Problem::UnknownKey { id: key_id.clone() }),
            Some(key) => {
                let key_name = key.name.clone();
                match keys::shares(study, &key.rule, participants) {
                    Ok(_) => {
                        for member in participants {
                            if fixed_without(&key.rule, member) {
                                report.push(
                                    &place,
                                    Problem::KeyMemberWithoutWeight {
                                        key: key_name.clone(),
                                        member: member_name(member),
                                    },
                                );
                            }
                        }
                    }
                    Err(KeyError::AllZero) => report.push(&place, Problem::KeyAllZero { key: key_name }),
                    Err(KeyError::MixPartAllZero(part)) => {
                        report.push(&place, Problem::KeyMixPartAllZero { key: key_name, part });
                    }
                    Err(KeyError::BadWeight) => report.push(&place, Problem::KeyBadWeight { key: key_name }),
                    Err(KeyError::EmptyMix) => report.push(&place, Problem::KeyEmptyMix { key: key_name }),
                    Err(KeyError::MissingAttribute { member, attribute }) => report.push(
                        &place,
                        Problem::KeyMissingAttribute {
                            key: key_name,
                            member: member_name(&member),
                            attribute,
                        },
                    ),
                    Err(KeyError::UnknownMember(id)) => report.push(&place, Problem::UnknownMember { id }),
                }
            }
        },
        None if has_shared => report.push(&place, Problem::SharedLinesWithoutKey),
        None => {}
    }
}

/// The guaranteed uptime (a percentage) and the cost of an hour down.
fn service_level_checks(level: &crate::model::ServiceLevel, place: &Place, report: &mut Report) {
    let place = place.clone();
    if report.number(&place, "field-uptime", level.uptime_percent, false) && level.uptime_percent > 100.0 {
        report.push(
            &place,
            Problem::PercentOutOfRange {
                field: "field-uptime",
                value: level.uptime_percent,
            },
        );
    }
    if let Some(cost) = level.downtime_cost_nok_per_hour {
        report.number(&place, "field-downtime-cost", cost, false);
    }
}

/// The terms of leaving: amounts within what Samdrift accepts, not
/// negative; years of notice, lifetime and repayment within the horizon's
/// limit.
fn terms_checks(terms: &crate::model::Terms, place: &Place, report: &mut Report) {
    for (field, value) in [
        ("field-assets", terms.assets_nok),
        ("field-loans", terms.loans_nok),
        ("field-exit-fee", terms.exit_fee_nok),
    ] {
        report.bounded(place, field, value, false, MAX_AMOUNT_NOK);
    }
    for (field, years) in [
        ("field-notice-years", terms.notice_years),
        ("field-asset-lifetime", terms.asset_lifetime_years),
        ("field-loan-years", terms.loan_years),
    ] {
        report.bounded(
            place,
            field,
            f64::from(years),
            false,
            f64::from(MAX_HORIZON_YEARS),
        );
    }
}

/// An investment: a lifetime of at least a year; a loan's years and rate
/// within what Samdrift accepts.
fn investment_checks(
    study: &Study,
    (line, investment): (&crate::model::CostLine, &crate::model::budget::Investment),
    place: &Place,
    report: &mut Report,
) {
    // Rent, hosting and subscriptions are operating costs: kinds of cost of
    // rent (KOSTRA 220) and bought services (270, 350, 370, 375), or a line
    // that falls due every year.
    let rent_or_services = study.category(&line.category).is_some_and(|c| {
        c.kostra_art
            .iter()
            .any(|a| ["220", "270", "350", "370", "375"].contains(&a.as_str()))
    });
    let recurring = matches!(line.timing, Timing::EveryYear { .. });
    if matches!(investment.funding, crate::model::budget::Funding::Loan { .. })
        && (rent_or_services || recurring)
    {
        report.push(place, Problem::LoanForOperatingCost);
    }
    let years = |field, value: u32, report: &mut Report| {
        if value == 0 || value > MAX_HORIZON_YEARS {
            report.push(
                place,
                Problem::OutOfLimits {
                    field,
                    value: f64::from(value),
                    min: 1.0,
                    max: f64::from(MAX_HORIZON_YEARS),
                },
            );
        }
    };
    years("field-investment-lifetime", investment.lifetime_years, report);
    if let crate::model::budget::Funding::Loan {
        years: loan_years,
        rate_percent,
        ..
    } = investment.funding
    {
        years("field-loan-years", loan_years, report);
        report.bounded(place, "field-loan-rate", rate_percent, false, 100.0);
    }
}

/// The organisation: an employer among the participants, rates within
/// 0–100 %, and a note on the abolished samkommune.
fn organisation_checks(
    org: &crate::model::organisation::Organisation,
    (place, participants): (&Place, &[MemberId]),
    member_ids: &HashSet<&MemberId>,
    report: &mut Report,
) {
    if !member_ids.contains(&org.employer) {
        report.push(
            place,
            Problem::UnknownMember {
                id: org.employer.clone(),
            },
        );
    } else if !participants.contains(&org.employer) {
        report.push(
            place,
            Problem::EmployerNotParticipating {
                member: org.employer.clone(),
            },
        );
    }
    for (field, value) in [
        ("field-org-employer-tax", org.employer_tax_percent),
        ("field-org-pension", org.pension_percent),
        ("field-org-overhead", Some(org.overhead_percent)),
    ] {
        if let Some(value) = value {
            report.bounded(place, field, value, false, 100.0);
        }
    }
    if org.form == crate::model::organisation::OrgForm::JointMunicipality {
        report.push(place, Problem::SamkommuneAbolished);
    }
}

/// The exits asked about: a member that takes part (not in today's
/// operation), a notice year among the years analysed, years of notice
/// within the horizon's limit.
fn exit_question_checks(
    study: &Study,
    scenario: &Scenario,
    (place, participants): (&Place, &[MemberId]),
    member_ids: &HashSet<&MemberId>,
    report: &mut Report,
) {
    let first = study.assumptions.first_year;
    let last = study.assumptions.end_year() - 1;
    for question in &scenario.exit_questions {
        // A member removed from the study or the scenario leaves its
        // question behind: said once, as a warning (no figure depends on it).
        if !member_ids.contains(&question.member)
            || scenario.kind == ScenarioKind::Today
            || !participants.contains(&question.member)
        {
            report.push(
                place,
                Problem::LeaverNotParticipating {
                    member: question.member.clone(),
                },
            );
        }
        if question.notice_year < first || question.notice_year > last {
            report.push(
                place,
                Problem::NoticeYearOutside {
                    year: question.notice_year,
                    first,
                    last,
                },
            );
        }
        if let Some(years) = question.notice_years {
            report.bounded(
                place,
                "field-notice-years",
                f64::from(years),
                false,
                f64::from(MAX_HORIZON_YEARS),
            );
        }
    }
}

/// The scenario's terms of leaving and its share of VAT not compensated.
fn budget_checks(scenario: &Scenario, place: &Place, report: &mut Report) {
    if let Some(terms) = &scenario.terms {
        terms_checks(terms, place, report);
    }
    if report.number(
        place,
        "field-vat-not-compensated",
        scenario.vat_not_compensated_percent,
        false,
    ) && scenario.vat_not_compensated_percent > 100.0
    {
        report.push(
            place,
            Problem::PercentOutOfRange {
                field: "field-vat-not-compensated",
                value: scenario.vat_not_compensated_percent,
            },
        );
    }
}
