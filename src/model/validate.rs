//! Validation: every problem that makes a figure wrong or meaningless, named
//! with its place.
//!
//! [`validate`] never stops at the first problem; it returns a [`Report`]
//! with every [`Issue`]. Errors (NaN amounts, negative counts, unknown ids,
//! keys that weigh nothing, …) stop evaluation; warnings (a printed total
//! that disagrees with the computed one, task shares that do not add up,
//! …) are shown but do not. Messages come from the translation files, so a
//! report reads in the user's language: [`Issue::message`].

use std::collections::{BTreeSet, HashMap, HashSet};

use super::keys::{self, KeyError};
use super::{
    Attribute, CategoryId, Driver, KeyId, KeyRule, Member, MemberId, Payer, Quantity, Scenario, ScenarioKind,
    Study, Timing,
};

/// Longest horizon a study may have, in years.
pub const MAX_HORIZON_YEARS: u32 = 200;
/// Growth and discount rates Samdrift accepts, percent per year (beyond
/// these, figures over 200 years would no longer be finite numbers).
pub const RATE_RANGE_PERCENT: std::ops::RangeInclusive<f64> = -50.0..=100.0;
/// Most members a study may have.
pub const MAX_MEMBERS: usize = 500;
/// Most scenarios, keys or categories a study may have (each).
pub const MAX_ITEMS: usize = 500;
/// Most cost lines in one scenario, or positions of one member.
pub const MAX_LINES: usize = 10_000;
/// Largest amount (NOK) a line or cell may have: ten trillion kroner,
/// far beyond any municipality, well inside what sums can add up exactly.
pub const MAX_AMOUNT_NOK: f64 = 1e13;
/// Largest count or quantity (inhabitants, workstations, units).
pub const MAX_COUNT: f64 = 1e9;
/// Tolerance when comparing printed totals and percentages with computed ones.
const TOLERANCE: f64 = 0.5;

/// How bad an issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Figures would be wrong or meaningless: evaluation stops.
    Error,
    /// Worth a look; figures are still computed.
    Warning,
}

/// Where in the study an issue is. Carries ids (to go there) and names (to
/// say where in words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The study as a whole.
    Study,
    /// A member's own data.
    Member {
        /// Id.
        member: MemberId,
        /// Name.
        name: String,
    },
    /// A position of a member (index within its positions).
    Position {
        /// Member id.
        member: MemberId,
        /// Member name.
        name: String,
        /// Index of the position.
        index: usize,
        /// Role.
        role: String,
    },
    /// A member's salary (edited with the staffing).
    Salary {
        /// Member id.
        member: MemberId,
        /// Member name.
        name: String,
    },
    /// A cost category.
    Category {
        /// Id.
        category: CategoryId,
    },
    /// A line of today's costs (and optionally one member's cell in it).
    Baseline {
        /// Category of the line.
        category: CategoryId,
        /// Category name.
        category_name: String,
        /// Member of the cell, if the issue is about one cell.
        member: Option<MemberId>,
        /// That member's name (its id when the study has no such member).
        member_name: Option<String>,
    },
    /// The printed column and grand totals of today's costs.
    BaselineTotals,
    /// The printed totals of the staffing table.
    StaffingTotals,
    /// An allocation key.
    Key {
        /// Id.
        key: KeyId,
        /// Name.
        name: String,
    },
    /// A scenario as a whole.
    Scenario {
        /// Id.
        scenario: super::ScenarioId,
        /// Name.
        name: String,
    },
    /// A cost line of a scenario (index within its lines).
    ScenarioLine {
        /// Scenario id.
        scenario: super::ScenarioId,
        /// Scenario name.
        name: String,
        /// Index of the line.
        index: usize,
        /// The line's label.
        label: String,
    },
    /// The assumptions.
    Assumptions,
    /// A range on an input (index in the study's ranges), or a
    /// correlation group (`index` in the groups, with `group` true).
    Uncertainty {
        /// Index.
        index: usize,
        /// True for a correlation group.
        group: bool,
    },
    /// The study's workstations as a whole (electricity, support, the
    /// categories of fleet costs).
    Workstations,
    /// A workstation seat type.
    SeatType {
        /// Id.
        id: String,
        /// Name.
        name: String,
    },
    /// A workstation fleet.
    Fleet {
        /// Id.
        id: String,
        /// Name.
        name: String,
    },
}

/// What is wrong. Field names are message ids (`field-…`) so that they are
/// translated too.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The study has no members.
    NoMembers,
    /// An id is empty.
    EmptyId {
        /// Message id of the kind of thing (`kind-member`, …).
        kind: &'static str,
    },
    /// Two things of one kind share an id.
    DuplicateId {
        /// Message id of the kind of thing.
        kind: &'static str,
        /// The id.
        id: String,
    },
    /// A number is NaN or infinite.
    NotFinite {
        /// Message id of the field.
        field: &'static str,
    },
    /// A count, percentage or weight is negative.
    Negative {
        /// Message id of the field.
        field: &'static str,
        /// The value.
        value: f64,
    },
    /// A member id that is not in the study.
    UnknownMember {
        /// The id.
        id: MemberId,
    },
    /// A category id that is not in the study.
    UnknownCategory {
        /// The id.
        id: CategoryId,
    },
    /// A key id that is not in the study.
    UnknownKey {
        /// The id.
        id: KeyId,
    },
    /// A category has two lines in today's costs.
    DuplicateBaselineLine {
        /// The category.
        id: CategoryId,
    },
    /// A negative cost today (a refund?).
    NegativeTodaysCost {
        /// The amount.
        value: f64,
    },
    /// Task shares do not add up to the filled percentage.
    TasksDoNotAddUp {
        /// Sum of the task shares.
        tasks_percent: f64,
        /// Filled percentage.
        filled_percent: f64,
    },
    /// More of a position is filled than is authorised.
    FilledExceedsAuthorised {
        /// Filled percentage.
        filled_percent: f64,
        /// Authorised percentage.
        authorised_percent: f64,
    },
    /// A total printed by a source disagrees with the computed one.
    PrintedTotalDiffers {
        /// Whose total (a name), or `None` for the total of the place itself.
        what: Option<String>,
        /// The printed figure.
        printed: f64,
        /// The computed figure.
        computed: f64,
        /// Whether the figures are percentages of a position (else NOK).
        percent: bool,
    },
    /// A printed staffing total names a role no member has.
    UnknownRole {
        /// The role.
        role: String,
    },
    /// A scenario has no participants.
    NoParticipants,
    /// A participant is listed twice.
    DuplicateParticipant {
        /// The member.
        member: MemberId,
    },
    /// A scenario has shared lines but no key.
    SharedLinesWithoutKey,
    /// A key's weights are all zero over the scenario's participants.
    KeyAllZero {
        /// The key's name.
        key: String,
    },
    /// A key's weights are negative or not finite.
    KeyBadWeight {
        /// The key's name.
        key: String,
    },
    /// A mixed key without parts.
    KeyEmptyMix {
        /// The key's name.
        key: String,
    },
    /// A key uses an attribute a participant does not have.
    KeyMissingAttribute {
        /// The key's name.
        key: String,
        /// The member's name.
        member: String,
        /// The attribute.
        attribute: Attribute,
    },
    /// A participant has no weight in a fixed key and pays no shared cost.
    KeyMemberWithoutWeight {
        /// The key's name.
        key: String,
        /// The member's name.
        member: String,
    },
    /// A line's driver uses an attribute a participant does not have.
    DriverMissingAttribute {
        /// The member's name.
        member: String,
        /// The attribute.
        attribute: Attribute,
    },
    /// A line is paid by a member outside the scenario.
    PayerNotParticipating {
        /// The member.
        member: MemberId,
    },
    /// "Every n years" with n = 0.
    IntervalZero,
    /// "Every year from … to …" with from after to.
    FromAfterTo {
        /// From.
        from: i32,
        /// To.
        to: i32,
    },
    /// A line that never falls due within the analysed years.
    NeverDue {
        /// First year analysed.
        first: i32,
        /// Last year analysed.
        last: i32,
    },
    /// The horizon is zero years.
    HorizonZero,
    /// The horizon is longer than [`MAX_HORIZON_YEARS`].
    HorizonTooLong {
        /// The horizon.
        years: u32,
    },
    /// The year shown as annual cost is not analysed.
    DisplayYearOutside {
        /// The year.
        year: i32,
        /// First year analysed.
        first: i32,
        /// Last year analysed.
        last: i32,
    },
    /// A growth or discount rate of −100 % or less.
    RateOutOfRange {
        /// Message id of the field.
        field: &'static str,
        /// The value.
        value: f64,
    },
    /// The discount rate has no step starting at year 0, or steps out of order.
    DiscountSteps,
    /// A line's amount is a salary, but it is shared by a key (whose salary?).
    SalaryLineShared,
    /// A line's amount is the payer's salary, and the payer has none.
    SalaryMissing {
        /// The member's name.
        member: String,
    },
    /// More things of one kind than Samdrift handles.
    TooMany {
        /// Message id of the kind of thing.
        kind: &'static str,
        /// How many there are.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A number larger than Samdrift accepts there.
    TooLarge {
        /// Message id of the field.
        field: &'static str,
        /// The value.
        value: f64,
        /// The limit.
        max: f64,
    },
    /// A first year outside the years Samdrift handles.
    YearOutOfRange {
        /// The year.
        year: i32,
    },
    /// A percentage outside 0–100.
    PercentOutOfRange {
        /// Message id of the field.
        field: &'static str,
        /// The value.
        value: f64,
    },
    /// No scenario of kind "today's operation": differences cannot be shown.
    NoTodayScenario,
    /// A range on an input the study does not have.
    RangeUnknownInput,
    /// A range on a today's cost that is derived from the staffing (the
    /// member's salary is linked to it), so the range moves nothing.
    RangeOnDerivedCost,
    /// A member's salary is linked to a category of today's costs the
    /// study does not have.
    SalaryLinkUnknownCategory {
        /// The category id.
        id: CategoryId,
    },
    /// A range needs finite bounds with low below high.
    RangeBounds {
        /// Low.
        low: f64,
        /// High.
        high: f64,
    },
    /// The study's own value (the most likely) lies outside the range.
    RangeExcludesValue {
        /// The study's value.
        value: f64,
        /// Low.
        low: f64,
        /// High.
        high: f64,
    },
    /// A lognormal range needs a positive low value.
    RangeLognormalNotPositive,
    /// A discrete range needs values with weights ≥ 0 adding up to more than 0.
    RangeWeights,
    /// Two ranges on one input.
    RangeDuplicate,
    /// A range names a correlation group that does not exist.
    RangeUnknownGroup {
        /// The name.
        name: String,
    },
    /// A correlation group's rank correlation must be 0–1.
    CorrelationOutOfRange {
        /// The value.
        value: f64,
    },
    /// More than one scenario of kind "today's operation".
    SeveralTodayScenarios,
    /// One part of a mixed key gives every participant weight 0.
    KeyMixPartAllZero {
        /// The key's name.
        key: String,
        /// The part, numbered from 1.
        part: usize,
    },
    /// A scenario runs a fleet the study does not have.
    UnknownFleet {
        /// The fleet id.
        id: String,
    },
    /// A fleet uses a seat type the study does not have.
    UnknownSeatType {
        /// The seat type id.
        id: String,
    },
    /// A number that must be above 0 (a lifetime, users per server).
    NotPositive {
        /// Message id of the field.
        field: &'static str,
        /// The value.
        value: f64,
    },
    /// A fleet's shares of the workstations do not add up to 100 %.
    FleetSharesDoNotAddUp {
        /// Their sum, percent.
        sum: f64,
    },
}

impl Problem {
    /// Whether the problem is an error or a warning.
    #[must_use]
    pub fn severity(&self) -> Severity {
        match self {
            Problem::NegativeTodaysCost { .. }
            | Problem::TasksDoNotAddUp { .. }
            | Problem::FilledExceedsAuthorised { .. }
            | Problem::PrintedTotalDiffers { .. }
            | Problem::UnknownRole { .. }
            | Problem::DuplicateParticipant { .. }
            | Problem::KeyMemberWithoutWeight { .. }
            | Problem::NeverDue { .. }
            | Problem::NoTodayScenario
            | Problem::SeveralTodayScenarios
            | Problem::FleetSharesDoNotAddUp { .. }
            | Problem::RangeExcludesValue { .. }
            // A range left behind by a removed line or member: the figures
            // do not depend on it; the warning says it can go.
            | Problem::RangeUnknownInput
            | Problem::RangeOnDerivedCost => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// Where.
    pub place: Place,
    /// What.
    pub problem: Problem,
}

impl Issue {
    /// Error or warning.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }
}

/// Everything validation found, in the order of the study.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// The issues.
    pub issues: Vec<Issue>,
}

impl Report {
    /// True when there is at least one error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity() == Severity::Error)
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity() == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity() == Severity::Warning)
    }

    pub(crate) fn push(&mut self, place: &Place, problem: Problem) {
        self.issues.push(Issue {
            place: place.clone(),
            problem,
        });
    }

    /// Like [`Report::number`], and also reports values beyond `max` in size.
    fn bounded(
        &mut self,
        place: &Place,
        field: &'static str,
        value: f64,
        allow_negative: bool,
        max: f64,
    ) -> bool {
        if !self.number(place, field, value, allow_negative) {
            return false;
        }
        if value.abs() > max {
            self.push(place, Problem::TooLarge { field, value, max });
            return false;
        }
        true
    }

    /// Reports NaN/infinite and (unless negatives are allowed) negative values.
    fn number(&mut self, place: &Place, field: &'static str, value: f64, allow_negative: bool) -> bool {
        if !value.is_finite() {
            self.push(place, Problem::NotFinite { field });
            false
        } else if value < 0.0 && !allow_negative {
            self.push(place, Problem::Negative { field, value });
            false
        } else {
            true
        }
    }
}

/// Checks the whole study and returns every issue found.
#[must_use]
pub fn validate(study: &Study) -> Report {
    let mut report = Report::default();
    if limits(study, &mut report) {
        // Past the limits nothing else is checked: the study is refused.
        return report;
    }
    let member_ids: HashSet<&MemberId> = study.members.iter().map(|m| &m.id).collect();
    let category_ids: HashSet<&CategoryId> = study.categories.iter().map(|c| &c.id).collect();
    members(study, &mut report);
    categories(study, &mut report);
    baseline(study, &member_ids, &category_ids, &mut report);
    staffing_totals(study, &member_ids, &mut report);
    key_definitions(study, &member_ids, &mut report);
    scenarios(study, &member_ids, &category_ids, &mut report);
    assumptions(study, &mut report);
    super::uncertainty::check(study, &mut report);
    super::fleet::check(study, &mut report);
    report
}

/// Checks the sizes Samdrift handles; true when a limit is exceeded.
fn limits(study: &Study, report: &mut Report) -> bool {
    let mut too_many = |kind: &'static str, count: usize, max: usize| {
        if count > max {
            report.push(&Place::Study, Problem::TooMany { kind, count, max });
        }
    };
    too_many("kind-member", study.members.len(), MAX_MEMBERS);
    too_many("kind-scenario", study.scenarios.len(), MAX_ITEMS);
    too_many("kind-key", study.keys.len(), MAX_ITEMS);
    too_many("kind-category", study.categories.len(), MAX_ITEMS);
    too_many("kind-line", study.baseline.lines.len(), MAX_LINES);
    for scenario in &study.scenarios {
        too_many("kind-line", scenario.lines.len(), MAX_LINES);
    }
    for member in &study.members {
        too_many("kind-position", member.positions.len(), MAX_LINES);
    }
    report.has_errors()
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = HashSet::new();
    let mut dups = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            dups.insert(id);
        }
    }
    dups.into_iter().collect()
}

/// Reports empty and repeated ids of one kind (`kind-…` message id).
pub(super) fn ids_unique<'a>(
    report: &mut Report,
    kind: &'static str,
    ids: impl Iterator<Item = &'a str> + Clone,
) {
    if ids.clone().any(|id| id.trim().is_empty()) {
        report.push(&Place::Study, Problem::EmptyId { kind });
    }
    for id in duplicates(ids) {
        report.push(
            &Place::Study,
            Problem::DuplicateId {
                kind,
                id: id.to_owned(),
            },
        );
    }
}

fn members(study: &Study, report: &mut Report) {
    if study.members.is_empty() {
        report.push(&Place::Study, Problem::NoMembers);
    }
    ids_unique(report, "kind-member", study.members.iter().map(|m| m.id.as_str()));
    for member in &study.members {
        let place = Place::Member {
            member: member.id.clone(),
            name: member.name.clone(),
        };
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

fn categories(study: &Study, report: &mut Report) {
    ids_unique(
        report,
        "kind-category",
        study.categories.iter().map(|c| c.id.as_str()),
    );
}

fn baseline(
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
        if let Some(printed) = line.printed_total
            && report.number(&place, "field-printed-total", printed, true)
            && line_finite
        {
            let computed = line.total_nok();
            if (computed - printed).abs() > TOLERANCE {
                report.push(
                    &place,
                    Problem::PrintedTotalDiffers {
                        what: None,
                        printed,
                        computed,
                        percent: false,
                    },
                );
            }
        }
    }
    let place = Place::BaselineTotals;
    for (member, printed) in &study.baseline.printed_member_totals {
        let Some(m) = study.member(member) else {
            report.push(&place, Problem::UnknownMember { id: member.clone() });
            continue;
        };
        if report.number(&place, "field-printed-total", *printed, true) && all_finite {
            let computed = member_totals.get(member).copied().unwrap_or(0.0);
            if (computed - printed).abs() > TOLERANCE {
                report.push(
                    &place,
                    Problem::PrintedTotalDiffers {
                        what: Some(m.name.clone()),
                        printed: *printed,
                        computed,
                        percent: false,
                    },
                );
            }
        }
    }
    if let Some(printed) = study.baseline.printed_grand_total
        && report.number(&place, "field-printed-total", printed, true)
        && all_finite
    {
        let computed: f64 = member_totals.values().sum();
        if (computed - printed).abs() > TOLERANCE {
            report.push(
                &place,
                Problem::PrintedTotalDiffers {
                    what: None,
                    printed,
                    computed,
                    percent: false,
                },
            );
        }
    }
}

fn staffing_totals(study: &Study, member_ids: &HashSet<&MemberId>, report: &mut Report) {
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
        let computed: f64 = holders.iter().sum();
        if report.number(&place, "field-printed-total", *value, true)
            && all_finite
            && (computed - value).abs() > TOLERANCE
        {
            report.push(
                &place,
                Problem::PrintedTotalDiffers {
                    what: Some(role.clone()),
                    printed: *value,
                    computed,
                    percent: true,
                },
            );
        }
    }
    for (member, value) in &printed.members {
        let Some(m) = study.member(member).filter(|_| member_ids.contains(member)) else {
            report.push(&place, Problem::UnknownMember { id: member.clone() });
            continue;
        };
        let computed: f64 = m.positions.iter().map(|p| p.authorised_percent_of_fte).sum();
        if report.number(&place, "field-printed-total", *value, true)
            && all_finite
            && (computed - value).abs() > TOLERANCE
        {
            report.push(
                &place,
                Problem::PrintedTotalDiffers {
                    what: Some(m.name.clone()),
                    printed: *value,
                    computed,
                    percent: true,
                },
            );
        }
    }
    if let Some(value) = printed.grand {
        let computed: f64 = study
            .members
            .iter()
            .flat_map(|m| &m.positions)
            .map(|p| p.authorised_percent_of_fte)
            .sum();
        if report.number(&place, "field-printed-total", value, true)
            && all_finite
            && (computed - value).abs() > TOLERANCE
        {
            report.push(
                &place,
                Problem::PrintedTotalDiffers {
                    what: None,
                    printed: value,
                    computed,
                    percent: true,
                },
            );
        }
    }
}

fn key_definitions(study: &Study, member_ids: &HashSet<&MemberId>, report: &mut Report) {
    ids_unique(report, "kind-key", study.keys.iter().map(|k| k.id.as_str()));
    for key in &study.keys {
        let place = Place::Key {
            key: key.id.clone(),
            name: key.name.clone(),
        };
        rule_definition(&key.rule, &key.name, &place, member_ids, report);
    }
}

fn rule_definition(
    rule: &KeyRule,
    name: &str,
    place: &Place,
    member_ids: &HashSet<&MemberId>,
    report: &mut Report,
) {
    match rule {
        KeyRule::Equal | KeyRule::Proportional(_) | KeyRule::TodaysCost => {}
        KeyRule::Fixed(weights) => {
            for (member, weight) in weights {
                if !member_ids.contains(member) {
                    report.push(place, Problem::UnknownMember { id: member.clone() });
                }
                report.bounded(place, "field-weight", *weight, false, MAX_AMOUNT_NOK);
            }
        }
        KeyRule::Mix(parts) => {
            if parts.is_empty() {
                report.push(place, Problem::KeyEmptyMix { key: name.to_owned() });
            }
            for part in parts {
                report.bounded(place, "field-weight", part.weight, false, MAX_AMOUNT_NOK);
                rule_definition(&part.rule, name, place, member_ids, report);
            }
            if !parts.is_empty() && parts.iter().all(|p| p.weight == 0.0) {
                report.push(place, Problem::KeyAllZero { key: name.to_owned() });
            }
        }
    }
}

/// Fixed-weight rules inside `rule` (also inside mixes) that leave `member` out.
fn fixed_without(rule: &KeyRule, member: &MemberId) -> bool {
    match rule {
        KeyRule::Fixed(weights) => weights.get(member).is_none_or(|w| *w == 0.0),
        KeyRule::Mix(parts) => parts
            .iter()
            .any(|p| p.weight > 0.0 && fixed_without(&p.rule, member)),
        _ => false,
    }
}

fn scenarios(
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

fn scenario_checks(
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
        report.push(&place, Problem::NoParticipants);
        return;
    }
    let member_name = |id: &MemberId| study.member(id).map_or_else(|| id.0.clone(), |m| m.name.clone());
    let has_shared = scenario.lines.iter().any(|l| l.payer == Payer::Shared);
    match &scenario.key {
        Some(key_id) => match study.key(key_id) {
            None => report.push(&place, Problem::UnknownKey { id: key_id.clone() }),
            Some(key) => {
                let key_name = key.name.clone();
                match keys::shares(study, &key.rule, &participants) {
                    Ok(_) => {
                        for member in &participants {
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
    if let Some(level) = &scenario.service_level {
        if report.number(&place, "field-uptime", level.uptime_percent, false) && level.uptime_percent > 100.0
        {
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
            let payers: Vec<&MemberId> = match &line.payer {
                Payer::Shared => {
                    report.push(&place, Problem::SalaryLineShared);
                    Vec::new()
                }
                Payer::EachMember => participants.iter().collect(),
                Payer::Member(id) => vec![id],
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

fn assumptions(study: &Study, report: &mut Report) {
    let a = &study.assumptions;
    let place = Place::Assumptions;
    if !(1900..=2500).contains(&a.first_year) {
        report.push(&place, Problem::YearOutOfRange { year: a.first_year });
    } else if a.horizon_years == 0 {
        report.push(&place, Problem::HorizonZero);
    } else if a.horizon_years > MAX_HORIZON_YEARS {
        report.push(
            &place,
            Problem::HorizonTooLong {
                years: a.horizon_years,
            },
        );
    } else if a.display_year < a.first_year || a.display_year >= a.end_year() {
        report.push(
            &place,
            Problem::DisplayYearOutside {
                year: a.display_year,
                first: a.first_year,
                last: a.end_year() - 1,
            },
        );
    }
    for (field, value) in [
        ("field-wage-growth", a.real_wage_growth_percent),
        ("field-price-growth", a.real_price_growth_percent),
    ] {
        if report.number(&place, field, value, true) && !RATE_RANGE_PERCENT.contains(&value) {
            report.push(&place, Problem::RateOutOfRange { field, value });
        }
    }
    let steps = &a.discount.steps;
    let ordered = steps
        .windows(2)
        .all(|w| w[0].from_year_index < w[1].from_year_index);
    if steps.first().is_none_or(|s| s.from_year_index != 0) || !ordered {
        report.push(&place, Problem::DiscountSteps);
    }
    for step in steps {
        if report.number(&place, "field-discount-rate", step.percent, true)
            && !RATE_RANGE_PERCENT.contains(&step.percent)
        {
            report.push(
                &place,
                Problem::RateOutOfRange {
                    field: "field-discount-rate",
                    value: step.percent,
                },
            );
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Tr};
    use crate::model::examples::small_study;
    use crate::model::{KeyId, Position, TaskShare};

    fn problems(study: &Study) -> Vec<Problem> {
        validate(study).issues.into_iter().map(|i| i.problem).collect()
    }

    #[test]
    fn the_small_study_is_clean() {
        assert_eq!(problems(&small_study()), vec![]);
    }

    #[test]
    fn nan_and_negative_counts_are_errors_with_their_place() {
        let mut study = small_study();
        study.members[1].workstations.as_mut().unwrap().value = -3.0;
        study.scenarios[1].lines[1].amount_nok = f64::INFINITY;
        let report = validate(&study);
        assert!(report.has_errors());
        let places: Vec<&Place> = report.issues.iter().map(|i| &i.place).collect();
        assert!(matches!(places[0], Place::Member { member, .. } if member.as_str() == "B"));
        assert!(matches!(places[1], Place::ScenarioLine { index: 1, .. }));
        let tr = Tr::new(Lang::Nb);
        assert_eq!(
            report.issues[0].line(&tr),
            "feil: Kommune B (B): arbeidsplasser er negativ (\u{2212}3); den må være 0 eller mer."
        );
    }

    #[test]
    fn unknown_ids_are_errors() {
        let mut study = small_study();
        study.scenarios[1].participants = Some(vec![MemberId::new("A"), MemberId::new("X")]);
        study.scenarios[1].key = Some(KeyId::new("nope"));
        study.scenarios[1].lines[0].category = CategoryId::new("gone");
        let p = problems(&study);
        assert!(p.contains(&Problem::UnknownMember {
            id: MemberId::new("X")
        }));
        assert!(p.contains(&Problem::UnknownKey {
            id: KeyId::new("nope")
        }));
        assert!(p.contains(&Problem::UnknownCategory {
            id: CategoryId::new("gone")
        }));
    }

    #[test]
    fn key_weighing_nothing_over_the_participants_is_an_error() {
        let mut study = small_study();
        study.keys[0].rule = KeyRule::Fixed([(MemberId::new("C"), 1.0)].into());
        study.scenarios[1].participants = Some(vec![MemberId::new("A"), MemberId::new("B")]);
        let p = problems(&study);
        assert!(p.contains(&Problem::KeyAllZero { key: "Likt".into() }), "{p:?}");
    }

    #[test]
    fn member_without_weight_in_a_fixed_key_is_a_warning() {
        let mut study = small_study();
        study.keys[0].rule = KeyRule::Fixed([(MemberId::new("A"), 1.0), (MemberId::new("B"), 1.0)].into());
        let report = validate(&study);
        assert!(!report.has_errors());
        assert_eq!(
            report.issues[0].problem,
            Problem::KeyMemberWithoutWeight {
                key: "Likt".into(),
                member: "Kommune C".into()
            }
        );
    }

    #[test]
    fn task_shares_that_do_not_add_up_are_a_warning() {
        let mut study = small_study();
        study.members[0].positions.push(Position {
            role: "IKT-ansvarlig".into(),
            authorised_percent_of_fte: 100.0,
            filled_percent_of_fte: 50.0,
            tasks: vec![
                TaskShare {
                    task: "Drift".into(),
                    percent_of_fte: 30.0,
                },
                TaskShare {
                    task: "Brukerstøtte".into(),
                    percent_of_fte: 30.0,
                },
            ],
            note: String::new(),
        });
        let report = validate(&study);
        assert!(!report.has_errors());
        assert_eq!(
            report.issues[0].problem,
            Problem::TasksDoNotAddUp {
                tasks_percent: 60.0,
                filled_percent: 50.0
            }
        );
        assert!(matches!(
            &report.issues[0].place,
            Place::Position { index: 0, .. }
        ));
        let text = report.issues[0].message(&Tr::new(Lang::En));
        assert!(text.contains("60 %") && text.contains("50 %"), "{text}");
    }

    #[test]
    fn printed_totals_are_checked() {
        let mut study = small_study();
        study.baseline.lines[0].printed_total = Some(600_000.0);
        study.baseline.lines[1].printed_total = Some(50_000.0);
        study
            .baseline
            .printed_member_totals
            .insert(MemberId::new("A"), 110_000.0);
        study
            .baseline
            .printed_member_totals
            .insert(MemberId::new("B"), 1.0);
        study.baseline.printed_grand_total = Some(660_000.0);
        let report = validate(&study);
        assert!(!report.has_errors());
        let p: Vec<_> = report.issues.iter().map(|i| &i.problem).collect();
        assert_eq!(
            p,
            vec![
                &Problem::PrintedTotalDiffers {
                    what: None,
                    printed: 50_000.0,
                    computed: 60_000.0,
                    percent: false
                },
                &Problem::PrintedTotalDiffers {
                    what: Some("Kommune B".into()),
                    printed: 1.0,
                    computed: 220_000.0,
                    percent: false
                },
            ]
        );
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let mut study = small_study();
        study.members[1].id = MemberId::new("A");
        study.scenarios[1].id = crate::model::ScenarioId::new("today");
        let p = problems(&study);
        assert!(p.contains(&Problem::DuplicateId {
            kind: "kind-member",
            id: "A".into()
        }));
        assert!(p.contains(&Problem::DuplicateId {
            kind: "kind-scenario",
            id: "today".into()
        }));
    }

    #[test]
    fn scenario_problems() {
        let mut study = small_study();
        study.scenarios[1].participants = Some(vec![]);
        assert!(problems(&study).contains(&Problem::NoParticipants));

        let mut study = small_study();
        study.scenarios[1].key = None;
        assert!(problems(&study).contains(&Problem::SharedLinesWithoutKey));

        let mut study = small_study();
        study.scenarios[1].participants = Some(vec![MemberId::new("A")]);
        study.scenarios[1].lines[0].payer = Payer::Member(MemberId::new("B"));
        assert!(problems(&study).contains(&Problem::PayerNotParticipating {
            member: MemberId::new("B")
        }));

        let mut study = small_study();
        study.members[2].workstations = None;
        assert!(problems(&study).contains(&Problem::DriverMissingAttribute {
            member: "Kommune C".into(),
            attribute: Attribute::Workstations
        }));

        let mut study = small_study();
        study.scenarios[1].lines[0].timing = Timing::Once { year: 1990 };
        let report = validate(&study);
        assert!(!report.has_errors());
        assert_eq!(
            report.issues[0].problem,
            Problem::NeverDue {
                first: 2030,
                last: 2034
            }
        );

        let mut study = small_study();
        study.scenarios[1].lines[0].timing = Timing::EveryNYears { every: 0, from: 2030 };
        assert!(problems(&study).contains(&Problem::IntervalZero));
    }

    #[test]
    fn years_of_timings_and_social_cost_rates_are_bounded() {
        // A year that would overflow the arithmetic of a refresh cycle.
        let mut study = small_study();
        study.scenarios[1].lines[0].timing = Timing::EveryNYears {
            every: 3,
            from: i32::MIN,
        };
        assert!(problems(&study).contains(&Problem::YearOutOfRange { year: i32::MIN }));
        assert!(validate(&study).has_errors());
        // A pension of a billion percent is an error, not trillions.
        let mut study = small_study();
        study.members[0].salary = Some(crate::model::Salary {
            nok_per_fte: 500_000.0,
            employer_tax_percent: 14.1,
            pension_percent: 1e9,
            source: crate::model::Source::default(),
            today_category: None,
        });
        assert!(problems(&study).contains(&Problem::PercentOutOfRange {
            field: "field-pension",
            value: 1e9,
        }));
    }

    #[test]
    fn assumption_problems() {
        let mut study = small_study();
        study.assumptions.display_year = 2040;
        assert!(problems(&study).contains(&Problem::DisplayYearOutside {
            year: 2040,
            first: 2030,
            last: 2034
        }));
        study.assumptions.horizon_years = 0;
        assert!(problems(&study).contains(&Problem::HorizonZero));
        study.assumptions.horizon_years = 5000;
        assert!(problems(&study).contains(&Problem::HorizonTooLong { years: 5000 }));
        let mut study = small_study();
        study.assumptions.real_price_growth_percent = f64::NAN;
        study.assumptions.discount.steps.clear();
        let p = problems(&study);
        assert!(p.contains(&Problem::NotFinite {
            field: "field-price-growth"
        }));
        assert!(p.contains(&Problem::DiscountSteps));
    }

    #[test]
    fn every_message_is_translated_in_both_languages() {
        // One study with as many different problems as possible.
        let mut study = small_study();
        study.members.push(study.members[0].clone());
        study.members[1].population = None;
        study.scenarios[1].key = Some(KeyId::new("mix"));
        study.scenarios[1].lines[0].quantity = -1.0;
        study.scenarios[1].lines[1].timing = Timing::EveryYear {
            from: Some(2033),
            to: Some(2031),
        };
        study.baseline.lines[0]
            .amounts_nok
            .insert(MemberId::new("Z"), -5.0);
        study.staffing_printed.roles.insert("Ingen".into(), 1.0);
        study.scenarios[0].kind = ScenarioKind::Custom;
        let report = validate(&study);
        assert!(report.issues.len() >= 7, "{report:?}");
        for lang in Lang::ALL {
            let tr = Tr::new(lang);
            for issue in &report.issues {
                let line = issue.line(&tr);
                assert!(
                    !line.contains("problem-") && !line.contains("place-") && !line.contains("field-"),
                    "{line}"
                );
                assert!(!line.contains("kind-") && !line.contains("attribute-"), "{line}");
            }
        }
    }
}
