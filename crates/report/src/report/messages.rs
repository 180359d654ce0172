//! Validation problems and their places in the user's language. The model
//! reports structured problems ([`Problem`] with the values involved, at a
//! [`Place`] named by ids and names); the words are chosen here, in the
//! layer that shows them.

use crate::i18n::Tr;
use crate::model::validate::MAX_HORIZON_YEARS;
use crate::model::{Issue, Place, Problem, Severity};

/// What went wrong, in the user's language: the core's errors and
/// validation findings carry values and ids; their words are here.
pub trait Message {
    /// The message in `tr`'s language.
    #[must_use]
    fn message(&self, tr: &Tr) -> String;
}

/// A place in the study in words.
pub trait Describe {
    /// The place in `tr`'s language.
    #[must_use]
    fn describe(&self, tr: &Tr) -> String;
}

/// One validation issue as a line of a list.
pub trait IssueLine {
    /// `error: Place: problem` / `warning: …` (translated), one line.
    #[must_use]
    fn line(&self, tr: &Tr) -> String;
}

impl Message for crate::uncertainty::UncertaintyError {
    /// Why the simulation (or a tornado, or a break-even) could not run, in
    /// the user's language.
    fn message(&self, tr: &Tr) -> String {
        use crate::uncertainty::UncertaintyError as E;
        tr.get(match self {
            E::Invalid(_) => "analysis-invalid",
            E::NoToday => "analysis-no-today",
            E::YearNotAnalysed => "analysis-year-outside",
            E::NoScenario => "analysis-no-scenario",
            E::Cancelled => "analysis-cancelled",
        })
    }
}

impl Message for crate::budget::BudgetError {
    /// Why the budget could not be made, in the user's language.
    fn message(&self, tr: &Tr) -> String {
        tr.get(match self {
            crate::budget::BudgetError::Invalid(_) => "analysis-invalid",
            crate::budget::BudgetError::NoScenario => "budget-no-scenario",
        })
    }
}

impl Message for crate::fairness::FairError {
    /// Why the fair split could not be worked out, in the user's language.
    fn message(&self, tr: &Tr) -> String {
        use crate::fairness::FairError as E;
        tr.get(match self {
            E::Invalid(_) => "analysis-invalid",
            E::NoToday => "analysis-no-today",
            E::NotAScenario => "cli-fairness-error",
            E::YearNotAnalysed => "analysis-year-outside",
            E::NotAParticipant => "analysis-not-a-participant",
            E::AlreadyAParticipant => "analysis-already-a-participant",
            E::Cancelled => "analysis-cancelled",
        })
    }
}

impl Describe for Place {
    /// The place in words, e.g. `Gratangen, stilling 1 «IKT-ansvarlig»`.
    fn describe(&self, tr: &Tr) -> String {
        match self {
            Place::Study => tr.get("place-study"),
            Place::Member { member, name } => tr.args(
                "place-member",
                &[("name", name.clone()), ("id", member.0.clone())],
            ),
            Place::Position {
                name, index, role, ..
            } => tr.args(
                "place-position",
                &[
                    ("name", name.clone()),
                    ("number", (index + 1).to_string()),
                    ("role", role.clone()),
                ],
            ),
            Place::Salary { name, .. } => format!("{name}, {}", tr.get("field-salary")),
            // By name: an id may be empty (that is what is wrong).
            Place::Category { category, name } => tr.args(
                "place-category",
                &[(
                    "id",
                    if name.is_empty() {
                        category.0.clone()
                    } else {
                        name.clone()
                    },
                )],
            ),
            Place::Baseline {
                category_name,
                member,
                member_name,
                ..
            } => match member {
                Some(m) => tr.args(
                    "place-baseline-cell",
                    &[
                        ("category", category_name.clone()),
                        ("member", member_name.clone().unwrap_or_else(|| m.0.clone())),
                    ],
                ),
                None => tr.args("place-baseline-line", &[("category", category_name.clone())]),
            },
            Place::BaselineTotals => tr.get("place-baseline-totals"),
            Place::StaffingTotals => tr.get("place-staffing-totals"),
            Place::Key { name, .. } => tr.args("place-key", &[("name", name.clone())]),
            Place::Scenario { name, .. } => tr.args("place-scenario", &[("name", name.clone())]),
            Place::ScenarioLine {
                name, index, label, ..
            } => tr.args(
                "place-scenario-line",
                &[
                    ("name", name.clone()),
                    ("number", (index + 1).to_string()),
                    ("label", label.clone()),
                ],
            ),
            Place::Assumptions => tr.get("place-assumptions"),
            Place::Uncertainty {
                input: Some(label), ..
            } => tr.args(
                "place-uncertainty-input",
                &[("input", crate::report::tables::label_text(label, tr))],
            ),
            Place::Uncertainty { index, group, .. } => tr.args(
                if *group {
                    "place-correlation-group"
                } else {
                    "place-uncertainty"
                },
                &[("n", (index + 1).to_string())],
            ),
            Place::Workstations => tr.get("place-workstations"),
            Place::SeatType { name, .. } => tr.args("place-seat-type", &[("name", name.clone())]),
            Place::Fleet { name, .. } => tr.args("place-fleet", &[("name", name.clone())]),
            Place::Decision { kind, name } => tr.args(
                "place-decision",
                &[("kind", tr.get(kind)), ("name", name.clone())],
            ),
        }
    }
}

impl Message for Problem {
    /// The problem in words.
    #[allow(clippy::too_many_lines)]
    fn message(&self, tr: &Tr) -> String {
        let num = |v: f64| tr.num_trim(v, 2);
        let kr = |v: f64| tr.money(v);
        match self {
            Problem::NoMembers => tr.get("problem-no-members"),
            Problem::EmptyId { kind } => tr.args("problem-empty-id", &[("kind", tr.get(kind))]),
            Problem::DuplicateId { kind, id } => tr.args(
                "problem-duplicate-id",
                &[("kind", tr.get(kind)), ("id", id.clone())],
            ),
            Problem::NotFinite { field } => tr.args("problem-not-finite", &[("field", tr.get(field))]),
            Problem::Negative { field, value } => tr.args(
                "problem-negative",
                &[("field", tr.get(field)), ("value", num(*value))],
            ),
            Problem::UnknownMember { id } => tr.args("problem-unknown-member", &[("id", id.0.clone())]),
            Problem::UnknownCategory { id } => tr.args("problem-unknown-category", &[("id", id.0.clone())]),
            Problem::UnknownKey { id } => tr.args("problem-unknown-key", &[("id", id.0.clone())]),
            Problem::DuplicateBaselineLine { id } => {
                tr.args("problem-duplicate-baseline-line", &[("id", id.0.clone())])
            }
            Problem::NegativeTodaysCost { value } => {
                tr.args("problem-negative-todays-cost", &[("value", kr(*value))])
            }
            Problem::TasksDoNotAddUp {
                tasks_percent,
                filled_percent,
            } => tr.args(
                "problem-tasks-do-not-add-up",
                &[("tasks", num(*tasks_percent)), ("filled", num(*filled_percent))],
            ),
            Problem::FilledExceedsAuthorised {
                filled_percent,
                authorised_percent,
            } => tr.args(
                "problem-filled-exceeds-authorised",
                &[
                    ("filled", num(*filled_percent)),
                    ("authorised", num(*authorised_percent)),
                ],
            ),
            Problem::PrintedTotalDiffers {
                what,
                printed,
                computed,
                percent,
            } => {
                let show = |v: f64| if *percent { tr.pct(v, 0) } else { kr(v) };
                let figures = [("printed", show(*printed)), ("computed", show(*computed))];
                match what {
                    Some(what) => tr.args(
                        "problem-printed-total-differs",
                        &[("what", what.clone()), figures[0].clone(), figures[1].clone()],
                    ),
                    None => tr.args("problem-printed-row-total-differs", &figures),
                }
            }
            Problem::UnknownRole { role } => tr.args("problem-unknown-role", &[("role", role.clone())]),
            Problem::NoParticipants => tr.get("problem-no-participants"),
            Problem::DuplicateParticipant { member } => {
                tr.args("problem-duplicate-participant", &[("id", member.0.clone())])
            }
            Problem::SharedLinesWithoutKey => tr.get("problem-shared-lines-without-key"),
            Problem::KeyAllZero { key } => tr.args("problem-key-all-zero", &[("key", key.clone())]),
            Problem::KeyBadWeight { key } => tr.args("problem-key-bad-weight", &[("key", key.clone())]),
            Problem::KeyEmptyMix { key } => tr.args("problem-key-empty-mix", &[("key", key.clone())]),
            Problem::KeyMissingAttribute {
                key,
                member,
                attribute,
            } => tr.args(
                "problem-key-missing-attribute",
                &[
                    ("key", key.clone()),
                    ("member", member.clone()),
                    ("attribute", tr.get(attribute.message_id())),
                ],
            ),
            Problem::KeyMemberWithoutWeight { key, member } => tr.args(
                "problem-key-member-without-weight",
                &[("key", key.clone()), ("member", member.clone())],
            ),
            Problem::DriverMissingAttribute { member, attribute } => tr.args(
                "problem-driver-missing-attribute",
                &[
                    ("member", member.clone()),
                    ("attribute", tr.get(attribute.message_id())),
                ],
            ),
            Problem::PayerNotParticipating { member } => {
                tr.args("problem-payer-not-participating", &[("id", member.0.clone())])
            }
            Problem::LeaverNotParticipating { member } => {
                tr.args("problem-leaver-not-participating", &[("id", member.0.clone())])
            }
            Problem::NoticeYearOutside { year, first, last } => tr.args(
                "problem-notice-year-outside",
                &[
                    ("year", year.to_string()),
                    ("first", first.to_string()),
                    ("last", last.to_string()),
                ],
            ),
            Problem::EmployerNotParticipating { member } => {
                tr.args("problem-employer-not-participating", &[("id", member.0.clone())])
            }
            Problem::SamkommuneAbolished => tr.get("problem-samkommune-abolished"),
            Problem::IntervalZero => tr.get("problem-interval-zero"),
            Problem::FromAfterTo { from, to } => tr.args(
                "problem-from-after-to",
                &[("from", from.to_string()), ("to", to.to_string())],
            ),
            Problem::NeverDue { first, last } => tr.args(
                "problem-never-due",
                &[("first", first.to_string()), ("last", last.to_string())],
            ),
            Problem::HorizonZero => tr.get("problem-horizon-zero"),
            Problem::HorizonTooLong { years } => tr.args(
                "problem-horizon-too-long",
                &[
                    ("years", years.to_string()),
                    ("max", MAX_HORIZON_YEARS.to_string()),
                ],
            ),
            Problem::DisplayYearOutside { year, first, last } => tr.args(
                "problem-display-year-outside",
                &[
                    ("year", year.to_string()),
                    ("first", first.to_string()),
                    ("last", last.to_string()),
                ],
            ),
            Problem::RateOutOfRange { field, value } => tr.args(
                "problem-rate-out-of-range",
                &[("field", tr.get(field)), ("value", num(*value))],
            ),
            Problem::DiscountSteps => tr.get("problem-discount-steps"),
            Problem::SalaryLineShared => tr.get("problem-salary-line-shared"),
            Problem::YearOutOfRange { year } => {
                tr.args("problem-year-out-of-range", &[("year", year.to_string())])
            }
            Problem::TooMany { kind, count, max } => tr.args(
                "problem-too-many",
                &[
                    ("kind", tr.get(kind)),
                    ("count", count.to_string()),
                    ("max", max.to_string()),
                ],
            ),
            Problem::TooLarge { field, value, max } => tr.args(
                "problem-too-large",
                &[
                    ("field", tr.get(field)),
                    ("value", tr.num(*value, 0)),
                    ("max", tr.num(*max, 0)),
                ],
            ),
            Problem::SalaryMissing { member } => {
                tr.args("problem-salary-missing", &[("member", member.clone())])
            }
            Problem::PercentOutOfRange { field, value } => tr.args(
                "problem-percent-out-of-range",
                &[("field", tr.get(field)), ("value", num(*value))],
            ),
            Problem::NoTodayScenario => tr.get("problem-no-today-scenario"),
            Problem::RangeUnknownInput => tr.get("problem-range-unknown-input"),
            Problem::RangeOnDerivedCost => tr.get("problem-range-derived-cost"),
            Problem::SalaryLinkUnknownCategory { id } => {
                tr.args("problem-salary-link-unknown-category", &[("id", id.0.clone())])
            }
            Problem::RangeBounds { low, high } => tr.args(
                "problem-range-bounds",
                &[("low", num(*low)), ("high", num(*high))],
            ),
            Problem::RangeExcludesValue { value, low, high } => tr.args(
                "problem-range-excludes-value",
                &[("value", num(*value)), ("low", num(*low)), ("high", num(*high))],
            ),
            Problem::RangeLognormalNotPositive => tr.get("problem-range-lognormal"),
            Problem::RangeWeights => tr.get("problem-range-weights"),
            Problem::RangeDuplicate => tr.get("problem-range-duplicate"),
            Problem::RangeUnknownGroup { name } => {
                tr.args("problem-range-unknown-group", &[("name", name.clone())])
            }
            Problem::CorrelationOutOfRange { value } => {
                tr.args("problem-correlation-range", &[("value", num(*value))])
            }
            Problem::SeveralTodayScenarios => tr.get("problem-several-today-scenarios"),
            Problem::KeyMixPartAllZero { key, part } => tr.args(
                "problem-key-mix-part-all-zero",
                &[("key", key.clone()), ("number", part.to_string())],
            ),
            Problem::UnknownFleet { id } => tr.args("problem-unknown-fleet", &[("id", id.clone())]),
            Problem::UnknownSeatType { id } => tr.args("problem-unknown-seat-type", &[("id", id.clone())]),
            Problem::FleetSharesDoNotAddUp { sum } => tr.args("problem-fleet-shares", &[("sum", num(*sum))]),
            Problem::RangeOutsideLimits { low, high, min, max } => tr.args(
                "problem-range-outside-limits",
                &[
                    ("low", num(*low)),
                    ("high", num(*high)),
                    ("min", num(*min)),
                    ("max", num(*max)),
                ],
            ),
            Problem::OutOfLimits {
                field,
                value,
                min,
                max,
            } => tr.args(
                "problem-out-of-limits",
                &[
                    ("field", tr.get(field)),
                    ("value", num(*value)),
                    ("min", num(*min)),
                    ("max", num(*max)),
                ],
            ),
            Problem::HoursOverYear { hours } => tr.args("problem-hours-over-year", &[("hours", num(*hours))]),
            Problem::FleetNoParts => tr.get("problem-fleet-no-parts"),
            Problem::FleetWithoutTodaysFleet => tr.get("problem-fleet-without-todays"),
            Problem::SeatsPricedTwice { label } => {
                tr.args("problem-seats-priced-twice", &[("label", label.clone())])
            }
            Problem::LoanForOperatingCost => tr.get("problem-loan-for-operating-cost"),
            Problem::SeveralEconomyCriteria => tr.get("problem-several-economy"),
            Problem::CriterionNotScored => tr.get("problem-criterion-not-scored"),
            Problem::UnknownScenario { id } => tr.args("problem-unknown-scenario", &[("id", id.clone())]),
            Problem::UnknownCriterion { id } => tr.args("problem-unknown-criterion", &[("id", id.clone())]),
            Problem::UnknownRequirement { id } => {
                tr.args("problem-unknown-requirement", &[("id", id.clone())])
            }
            Problem::ScoreOnEconomy => tr.get("problem-score-on-economy"),
            Problem::ScoreOutOfScale { score } => {
                tr.args("problem-score-out-of-scale", &[("score", score.to_string())])
            }
            Problem::DuplicateScore { scenario } => {
                tr.args("problem-duplicate-score", &[("scenario", scenario.clone())])
            }
            Problem::RankedTwice { id } => tr.args("problem-ranked-twice", &[("id", id.clone())]),
            Problem::ProfileNoWeight => tr.get("problem-profile-no-weight"),
            Problem::RankingLeavesOut { count } => {
                tr.args("problem-ranking-leaves-out", &[("count", count.to_string())])
            }
            Problem::WeightsNormalised { sum } => {
                tr.args("problem-weights-normalised", &[("sum", num(*sum))])
            }
            Problem::RangeTruncated { percent, min, max } => tr.args(
                "problem-range-truncated",
                &[
                    ("percent", tr.pct(*percent, 1)),
                    ("min", num(*min)),
                    ("max", num(*max)),
                ],
            ),
        }
    }
}

impl Message for Issue {
    /// `Place: problem`, in the translator's language.
    fn message(&self, tr: &Tr) -> String {
        format!("{}: {}", self.place.describe(tr), self.problem.message(tr))
    }
}

impl IssueLine for Issue {
    fn line(&self, tr: &Tr) -> String {
        let label = match self.severity() {
            Severity::Error => tr.get("severity-error"),
            Severity::Warning => tr.get("severity-warning"),
            Severity::Note => tr.get("severity-note"),
        };
        format!("{label}: {}", self.message(tr))
    }
}
