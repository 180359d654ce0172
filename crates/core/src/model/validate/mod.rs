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

mod assumptions;
mod baseline;
mod decision;
mod key_checks;
mod members;
mod ranges;
mod scenarios;
#[cfg(test)]
mod tests;
mod workstations;

use assumptions::assumptions;
use baseline::baseline;
use decision::decision;
use key_checks::{fixed_without, key_definitions};
use members::{categories, members, staffing_totals};
use ranges::ranges;
use scenarios::scenarios;
use workstations::workstations;

pub use ranges::{TRUNCATION_WARN_SHARE, interval_distribution};

pub use super::bounds::{
    MAX_AMOUNT_NOK, MAX_COUNT, MAX_HORIZON_YEARS, MAX_ITEMS, MAX_LINES, MAX_MEMBERS, RATE_RANGE_PERCENT,
};
/// Tolerance when comparing printed totals and percentages with computed ones.
const TOLERANCE: f64 = 0.5;

/// How bad an issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Figures would be wrong or meaningless: evaluation stops.
    Error,
    /// Worth a look; figures are still computed.
    Warning,
    /// How Samdrift reads something whose meaning is clear and documented
    /// (weights that do not add up to 100 are normalised): said once.
    Note,
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
        /// Name.
        name: String,
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
        /// The input the range is on, with its names (none for a group).
        input: Option<super::InputLabel>,
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
    /// A criterion, requirement or profile of the decision.
    Decision {
        /// Message id of its kind (`kind-criterion`, `kind-requirement`,
        /// `kind-profile`).
        kind: &'static str,
        /// Its name (its id when it has none).
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
    /// An exit asked about is of a member outside the scenario (or today's
    /// operation, which nobody leaves).
    LeaverNotParticipating {
        /// The member.
        member: MemberId,
    },
    /// An exit asked about gives notice in a year that is not analysed.
    NoticeYearOutside {
        /// The year.
        year: i32,
        /// First year analysed.
        first: i32,
        /// Last year analysed.
        last: i32,
    },
    /// The organisation's employer does not take part in the option.
    EmployerNotParticipating {
        /// The member.
        member: MemberId,
    },
    /// A samkommune: abolished by kommuneloven 2018 (read, not offered).
    SamkommuneAbolished,
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
    /// A fleet's shares of the workstations do not add up to 100 %.
    FleetSharesDoNotAddUp {
        /// Their sum, percent.
        sum: f64,
    },
    /// A range reaches beyond the values its input may take.
    RangeOutsideLimits {
        /// The range's low bound (or smallest value).
        low: f64,
        /// Its high bound (or largest value).
        high: f64,
        /// The input's lowest value.
        min: f64,
        /// The input's highest value.
        max: f64,
    },
    /// A number outside the values Samdrift accepts there.
    OutOfLimits {
        /// Message id of the field.
        field: &'static str,
        /// The value.
        value: f64,
        /// The lowest accepted.
        min: f64,
        /// The highest accepted.
        max: f64,
    },
    /// A seat is in use and idle for more hours than a year has.
    HoursOverYear {
        /// Hours in use and idle together.
        hours: f64,
    },
    /// A fleet without parts.
    FleetNoParts,
    /// An option runs a fleet while today's operation runs none: its
    /// workstations are weighed against nothing.
    FleetWithoutTodaysFleet,
    /// A line priced per workstation in one of the fleet's categories, in
    /// a scenario that runs a fleet: the same seats priced twice.
    SeatsPricedTwice {
        /// The line's label.
        label: String,
    },
    /// A line financed by a loan that is rent, hosting or a subscription
    /// (its kind of cost is services or rent, or it recurs every year):
    /// an operating cost, which cannot be loan-financed (GKRS, note on
    /// digital solutions, 2023: "leie av digitale løsninger er drift").
    LoanForOperatingCost,
    /// More than one criterion is scored from the figures.
    SeveralEconomyCriteria,
    /// A criterion (not economy) that no scenario is scored on.
    CriterionNotScored,
    /// A scenario id the study does not have.
    UnknownScenario {
        /// The id.
        id: String,
    },
    /// A criterion id the study does not have.
    UnknownCriterion {
        /// The id.
        id: String,
    },
    /// A requirement id the study does not have.
    UnknownRequirement {
        /// The id.
        id: String,
    },
    /// A hand-given score on the economy criterion (scored from the figures).
    ScoreOnEconomy,
    /// A score outside −4…+4.
    ScoreOutOfScale {
        /// The score.
        score: i32,
    },
    /// A scenario scored twice on one criterion.
    DuplicateScore {
        /// The scenario's id.
        scenario: String,
    },
    /// A criterion named twice in a ranking.
    RankedTwice {
        /// The criterion's id.
        id: String,
    },
    /// A profile that weighs nothing: no weights, all 0, an empty ranking.
    ProfileNoWeight,
    /// A ranking leaves criteria out: they weigh 0.
    RankingLeavesOut {
        /// How many.
        count: usize,
    },
    /// A profile's weights do not add up to 100: they are normalised.
    WeightsNormalised {
        /// Their sum.
        sum: f64,
    },
    /// A normal or lognormal range has more than a trace outside the
    /// input's limits: its draws are truncated to them.
    RangeTruncated {
        /// The share outside, percent.
        percent: f64,
        /// The input's lowest value.
        min: f64,
        /// The input's highest value.
        max: f64,
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
            | Problem::FleetWithoutTodaysFleet
            | Problem::SeatsPricedTwice { .. }
            | Problem::LoanForOperatingCost
            // An exit asked about that no longer fits the scenario: no
            // figure depends on it.
            | Problem::LeaverNotParticipating { .. }
            | Problem::EmployerNotParticipating { .. }
            | Problem::NoticeYearOutside { .. }
            | Problem::RangeExcludesValue { .. }
            | Problem::RangeTruncated { .. }
            | Problem::CriterionNotScored
            // A new study starts without municipalities: where to begin,
            // not something wrong (there are no figures to get wrong).
            | Problem::NoMembers
            // A score or compliance left behind by a removed scenario: no
            // figure depends on it.
            | Problem::UnknownScenario { .. }
            // A range left behind by a removed line or member: the figures
            // do not depend on it; the warning says it can go.
            | Problem::RangeUnknownInput
            | Problem::RangeOnDerivedCost => Severity::Warning,
            Problem::RankingLeavesOut { .. }
            | Problem::WeightsNormalised { .. }
            | Problem::SamkommuneAbolished => Severity::Note,
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
    /// A total a source printed, checked against the one computed from the
    /// figures behind it (`None` when one of them is not a number, so no
    /// comparison is made): the printed total must be a number, and the two
    /// may differ by at most [`TOLERANCE`].
    fn printed_total(
        &mut self,
        place: &Place,
        what: Option<String>,
        printed: f64,
        computed: Option<f64>,
        percent: bool,
    ) {
        if self.number(place, "field-printed-total", printed, true)
            && let Some(computed) = computed
            && (computed - printed).abs() > TOLERANCE
        {
            self.push(
                place,
                Problem::PrintedTotalDiffers {
                    what,
                    printed,
                    computed,
                    percent,
                },
            );
        }
    }

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
    ranges(study, &mut report);
    workstations(study, &mut report);
    decision(study, &mut report);
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
    // An empty id is reported where it is (by the check of that part);
    // several empty ids are not also "repeated".
    for id in duplicates(ids.filter(|id| !id.trim().is_empty())) {
        report.push(
            &Place::Study,
            Problem::DuplicateId {
                kind,
                id: id.to_owned(),
            },
        );
    }
}
