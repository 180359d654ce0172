//! One broken study per validation problem the other tests do not name:
//! each is found, with its severity, at the place where the user fixes it,
//! and its message names that place by name (not by id) in Norwegian and
//! English.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use samdrift::report::messages::Message;
use std::path::Path;

use samdrift::i18n::{Lang, Tr};
use samdrift::io::load_path;
use samdrift::model::uncertainty::{CorrelationGroup, Range, Uncertainty};
use samdrift::model::{
    CategoryId, InputRef, MemberId, Place, ScenarioKind, Severity, Source, Study, Timing, validate,
};

fn reference() -> Study {
    load_path(Path::new("scenarios/nordre-troms-2006-arbeidsplasser.ron")).unwrap()
}

type Case = (
    &'static str,
    fn(&mut Study),
    fn(&Place) -> bool,
    Severity,
    &'static str,
);

/// An organisation employed by `employer`, at its own rates.
fn organisation(
    form: samdrift::model::organisation::OrgForm,
    employer: &str,
    overhead_percent: f64,
) -> samdrift::model::organisation::Organisation {
    samdrift::model::organisation::Organisation {
        form,
        employer: MemberId::new(employer),
        employer_tax_percent: None,
        pension_percent: None,
        overhead_percent,
        source: Source::default(),
    }
}

fn range_on_hired_help(member: &str) -> Uncertainty {
    Uncertainty {
        input: InputRef::TodaysCost {
            member: MemberId::new(member),
            category: CategoryId::new("hired_help"),
        },
        range: Range::Pert {
            low: 10_000.0,
            high: 20_000.0,
        },
        group: None,
        source: Source::default(),
    }
}

#[test]
// One table of every problem and the study that shows it: read as a table.
#[allow(clippy::too_many_lines)]
fn every_problem_is_found_at_its_place_and_named_in_words() {
    // (problem, how to break the 2006 study, where it must be reported,
    // error or warning, a name the message must contain).
    let cases: Vec<Case> = vec![
        (
            "NoMembers",
            |s| s.members.clear(),
            |p| matches!(p, Place::Study),
            Severity::Warning,
            "",
        ),
        (
            // A member without an id is found by its name.
            "EmptyId",
            |s| s.members[0].id = MemberId::new(""),
            |p| matches!(p, Place::Member { name, .. } if name == "Gratangen"),
            Severity::Error,
            "Gratangen",
        ),
        (
            // So is a key, a scenario and a kind of cost (issue 10: they
            // were reported at the study, with no way to find which).
            "EmptyId",
            |s| s.keys[0].id = samdrift::model::KeyId::new(""),
            |p| matches!(p, Place::Key { name, .. } if name == "Briefingens nøkkel"),
            Severity::Error,
            "Briefingens nøkkel",
        ),
        (
            "EmptyId",
            |s| {
                let remote = s
                    .scenarios
                    .iter_mut()
                    .find(|x| x.id.as_str() == "remote")
                    .unwrap();
                remote.id = samdrift::model::ScenarioId::new(" ");
            },
            |p| matches!(p, Place::Scenario { name, .. } if name == "Fjerndrift"),
            Severity::Error,
            "Fjerndrift",
        ),
        (
            "EmptyId",
            |s| s.categories[1].id = CategoryId::new(""),
            |p| matches!(p, Place::Category { name, .. } if name == "Innleid hjelp"),
            Severity::Error,
            "Innleid hjelp",
        ),
        (
            "Negative",
            |s| s.members[1].population.as_mut().unwrap().value = -5.0,
            |p| matches!(p, Place::Member { name, .. } if name == "Lavangen"),
            Severity::Error,
            "Lavangen",
        ),
        (
            "DuplicateBaselineLine",
            |s| {
                let line = s.baseline.lines[0].clone();
                s.baseline.lines.push(line);
            },
            |p| matches!(p, Place::Baseline { category, .. } if category.as_str() == "salaries"),
            Severity::Error,
            "Lønnsutgifter",
        ),
        (
            "NegativeTodaysCost",
            |s| {
                s.baseline.lines[1]
                    .amounts_nok
                    .insert(MemberId::new("S"), -1_000.0);
            },
            |p| matches!(p, Place::Baseline { member_name: Some(n), .. } if n == "Salangen"),
            Severity::Warning,
            "Salangen",
        ),
        (
            "FilledExceedsAuthorised",
            |s| s.members[0].positions[0].filled_percent_of_fte = 150.0,
            |p| matches!(p, Place::Position { name, index: 0, .. } if name == "Gratangen"),
            Severity::Warning,
            "IKT-ansvarlig",
        ),
        (
            "DuplicateParticipant",
            |s| {
                let joint = s.scenarios.iter_mut().find(|x| x.id.as_str() == "joint").unwrap();
                joint.participants = Some(vec![MemberId::new("G"), MemberId::new("G"), MemberId::new("L")]);
            },
            |p| matches!(p, Place::Scenario { name, .. } if name == "Drift i eget hus"),
            Severity::Warning,
            "Drift i eget hus",
        ),
        (
            "FromAfterTo",
            |s| {
                let joint = s.scenarios.iter_mut().find(|x| x.id.as_str() == "joint").unwrap();
                joint.lines[0].timing = Timing::EveryYear {
                    from: Some(2011),
                    to: Some(2009),
                };
            },
            |p| matches!(p, Place::ScenarioLine { name, index: 0, .. } if name == "Drift i eget hus"),
            Severity::Error,
            "Drift i eget hus",
        ),
        (
            "RateOutOfRange",
            |s| s.assumptions.real_wage_growth_percent = 250.0,
            |p| matches!(p, Place::Assumptions),
            Severity::Error,
            "",
        ),
        (
            "NoTodayScenario",
            |s| s.scenarios.retain(|x| x.kind != ScenarioKind::Today),
            |p| matches!(p, Place::Study),
            Severity::Warning,
            "",
        ),
        (
            "SeveralTodayScenarios",
            |s| {
                let mut copy = s.scenarios[0].clone();
                copy.id = samdrift::model::ScenarioId::new("today2");
                copy.name = "Dagens drift 2".into();
                s.scenarios.push(copy);
            },
            |_| true,
            Severity::Warning,
            "",
        ),
        (
            "RangeUnknownInput",
            |s| s.uncertainties.push(range_on_hired_help("X")),
            |p| matches!(p, Place::Uncertainty { group: false, .. }),
            Severity::Warning,
            "",
        ),
        (
            "RangeBounds",
            |s| {
                let mut r = range_on_hired_help("G");
                r.range = Range::Pert {
                    low: 20_000.0,
                    high: 10_000.0,
                };
                s.uncertainties.push(r);
            },
            |p| matches!(p, Place::Uncertainty { group: false, .. }),
            Severity::Error,
            "",
        ),
        (
            "RangeDuplicate",
            |s| {
                s.uncertainties.push(range_on_hired_help("G"));
                s.uncertainties.push(range_on_hired_help("G"));
            },
            |p| matches!(p, Place::Uncertainty { group: false, .. }),
            Severity::Error,
            "",
        ),
        (
            "RangeUnknownGroup",
            |s| {
                let mut r = range_on_hired_help("G");
                r.group = Some("ingen slik".into());
                s.uncertainties.push(r);
            },
            |p| matches!(p, Place::Uncertainty { group: false, .. }),
            Severity::Error,
            "ingen slik",
        ),
        (
            "CorrelationOutOfRange",
            |s| {
                s.correlation_groups.push(CorrelationGroup {
                    name: "pris".into(),
                    rank_correlation: 1.5,
                    source: Source::default(),
                });
            },
            |p| matches!(p, Place::Uncertainty { group: true, .. }),
            Severity::Error,
            "",
        ),
        (
            "SalaryLinkUnknownCategory",
            |s| s.members[2].salary.as_mut().unwrap().today_category = Some(CategoryId::new("lonn")),
            |p| matches!(p, Place::Member { name, .. } if name == "Salangen"),
            Severity::Error,
            "lonn",
        ),
        (
            "UnknownSeatType",
            |s| s.workstations.fleets[0].parts[0].seat_type = "ingen".into(),
            |p| matches!(p, Place::Fleet { .. }),
            Severity::Error,
            "ingen",
        ),
        (
            "FleetSharesDoNotAddUp",
            |s| s.workstations.fleets[0].parts[0].share_percent = 50.0,
            |p| matches!(p, Place::Fleet { .. }),
            Severity::Warning,
            "",
        ),
        (
            // Workstations for the whole study or none: an option with a
            // fleet while today's operation has none.
            "FleetWithoutTodaysFleet",
            |s| s.scenarios[0].fleet = None,
            |p| matches!(p, Place::Scenario { name, .. } if name == "Drift i eget hus med tynne klienter"),
            Severity::Warning,
            "",
        ),
        (
            // A line per workstation in the fleet's equipment category of
            // an option that runs today's PCs: the seats twice.
            "SeatsPricedTwice",
            |s| {
                let joint = s.scenarios.iter_mut().find(|x| x.id.as_str() == "joint").unwrap();
                let mut line = joint.lines[0].clone();
                line.label = "PC-leie".into();
                line.category = CategoryId::new("leasing");
                line.driver = samdrift::model::Driver::Attribute(samdrift::model::Attribute::Workstations);
                line.id = samdrift::model::LineId::new("pc-rent");
                joint.lines.push(line);
            },
            |p| matches!(p, Place::Scenario { name, .. } if name == "Drift i eget hus"),
            Severity::Warning,
            "PC-leie",
        ),
        (
            // Joint in-house operation's yearly 2 262 000 kr financed by a
            // loan: an operating cost, which cannot be (GKRS 2023).
            "LoanForOperatingCost",
            |s| {
                let joint = s.scenarios.iter_mut().find(|x| x.id.as_str() == "joint").unwrap();
                joint.lines[0].investment = Some(samdrift::model::budget::Investment {
                    lifetime_years: 5,
                    funding: samdrift::model::budget::Funding::Loan {
                        years: 5,
                        rate_percent: 4.0,
                        annuity: false,
                    },
                    source: samdrift::model::Source::default(),
                });
            },
            |p| matches!(p, Place::ScenarioLine { label, .. } if label == "Felles drift i eget hus"),
            Severity::Warning,
            "Felles drift i eget hus",
        ),
        (
            // An IKS employed by Ibestad, which "without Ibestad" leaves
            // out: a warning at the option.
            "EmployerNotParticipating",
            |s| {
                let without = s
                    .scenarios
                    .iter_mut()
                    .find(|x| x.id.as_str() == "joint_without_i")
                    .unwrap();
                without.organisation = Some(organisation(
                    samdrift::model::organisation::OrgForm::Iks,
                    "I",
                    0.0,
                ));
            },
            |p| matches!(p, Place::Scenario { name, .. } if name == "Drift i eget hus uten Ibestad"),
            Severity::Warning,
            "Drift i eget hus uten Ibestad",
        ),
        (
            // A samkommune (abolished by the 2018 act): read, with a note.
            "SamkommuneAbolished",
            |s| {
                let joint = s.scenarios.iter_mut().find(|x| x.id.as_str() == "joint").unwrap();
                joint.organisation = Some(organisation(
                    samdrift::model::organisation::OrgForm::JointMunicipality,
                    "S",
                    0.0,
                ));
            },
            |p| matches!(p, Place::Scenario { name, .. } if name == "Drift i eget hus"),
            Severity::Note,
            "Drift i eget hus",
        ),
        (
            // A 150 % overhead: above 100 %.
            "TooLarge",
            |s| {
                let joint = s.scenarios.iter_mut().find(|x| x.id.as_str() == "joint").unwrap();
                joint.organisation = Some(organisation(
                    samdrift::model::organisation::OrgForm::Iks,
                    "S",
                    150.0,
                ));
            },
            |p| matches!(p, Place::Scenario { name, .. } if name == "Drift i eget hus"),
            Severity::Error,
            "Drift i eget hus",
        ),
        (
            // Salangen's exit asked about in "without Ibestad" after
            // Salangen is taken out of it.
            "LeaverNotParticipating",
            |s| {
                let without = s
                    .scenarios
                    .iter_mut()
                    .find(|x| x.id.as_str() == "joint_without_i")
                    .unwrap();
                without.exit_questions.push(samdrift::model::ExitQuestion {
                    member: MemberId::new("I"),
                    notice_year: 2009,
                    notice_years: None,
                });
            },
            |p| matches!(p, Place::Scenario { name, .. } if name == "Drift i eget hus uten Ibestad"),
            Severity::Warning,
            "Drift i eget hus uten Ibestad",
        ),
        (
            "OutOfLimits",
            |s| s.workstations.seat_types[0].lifetime_years.value = 0.0,
            |p| matches!(p, Place::SeatType { .. }),
            Severity::Error,
            "",
        ),
    ];
    let (nb, en) = (Tr::new(Lang::Nb), Tr::new(Lang::En));
    for (problem, breaks, place_ok, severity, name) in cases {
        let mut study = reference();
        breaks(&mut study);
        let report = validate(&study);
        let issue = report
            .issues
            .iter()
            .find(|i| format!("{:?}", i.problem).starts_with(problem))
            .unwrap_or_else(|| panic!("{problem} not found: {:#?}", report.issues));
        assert!(place_ok(&issue.place), "{problem} at {:?}", issue.place);
        assert_eq!(issue.severity(), severity, "{problem}");
        for tr in [&nb, &en] {
            let text = issue.message(tr);
            assert!(text.contains(name), "{problem}: “{name}” not in “{text}”");
            assert!(
                !text.contains('{') && !text.contains("problem-"),
                "{problem}: {text}"
            );
        }
    }
}
