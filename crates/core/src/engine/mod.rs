//! Evaluation: the study in, every figure out.
//!
//! [`evaluate`] validates the study and, when it has no errors, computes for
//! every scenario, member, category and year the cost that member carries
//! ([`Evaluation`]). Every table, chart, export and CLI command is a view of
//! this one result; views never compute figures of their own.
//!
//! How a cost line becomes costs (DESIGN §1):
//! - the *driver* gives each participant a quantity (1 for a lump sum or per
//!   member, filled FTEs, or an attribute such as workstations);
//! - the *payer* decides who carries `amount × quantity × driver`: shared by
//!   the scenario's key (the driver summed over participants, 1 for a lump
//!   sum), each participant for its own driver quantity, or one member for
//!   the whole line;
//! - the *timing* says in which years it falls due, and the *growth* scales
//!   it by `(1 + g)^(year − first year)` with the real wage or price growth.
//!
//! Today's operation takes the baseline lines (each member its own costs,
//! growing as its category says) plus any lines of its own. The engine is
//! pure: no I/O, no egui. It is written to evaluate a study of 50 members ×
//! 500 lines × 4 scenarios × 10 years well within a frame.

pub mod plain;
pub mod prepared;
pub mod rounding;
pub mod streams;

pub use prepared::{BatchReport, Contribution, Origin, PreparedStudy, RunError, Shape, Workspace};

use crate::model::{CategoryId, MemberId, Report, ScenarioId, ScenarioKind, Study, validate};

/// Why a study cannot be evaluated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    /// Validation found errors; the report has them all (and the warnings).
    #[error("the study has {} error(s)", .0.errors().count())]
    Invalid(Report),
}

/// The result of one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioResult {
    /// The scenario's id.
    pub id: ScenarioId,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: ScenarioKind,
    /// Its chart colour (palette index; today's operation is grey).
    pub colour: Option<u8>,
    /// Per member (in study order): takes part in the scenario.
    pub participates: Vec<bool>,
    /// Per member: share of the scenario's key (0 outside the scenario, and
    /// all 0 when the scenario has no key).
    pub key_shares: Vec<f64>,
    /// Cost in NOK, indexed `[member][category][year]` (see [`Evaluation::cell`]).
    cost: Vec<f64>,
}

/// Which figure a summary shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// The cost in one calendar year.
    Annual(i32),
    /// The sum over the whole horizon, undiscounted.
    HorizonSum,
    /// The present value over the horizon: year `t` weighs
    /// `1 / Π_{k<t} (1 + r_k)`, year 0 undiscounted.
    PresentValue,
    /// The equivalent annual cost: the constant yearly amount with the same
    /// present value over the horizon.
    AnnualEquivalent,
}

/// When a scenario's savings against today's operation have paid back
/// what it cost extra.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payback {
    /// The first year in which the cumulative savings are 0 or more.
    Year(i32),
    /// The cumulative savings stay negative within the horizon.
    NotWithinHorizon,
    /// There is no today's operation to compare with, or this is it, or the
    /// member is not in the scenario.
    NotApplicable,
}

/// One scenario summarised for a side-by-side view.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// Index of the scenario in [`Evaluation::scenarios`].
    pub scenario: usize,
    /// Per member: the figure, or `None` when the member is not in the scenario.
    pub per_member: Vec<Option<f64>>,
    /// Sum over the participants.
    pub total: f64,
    /// Per member: the figure minus today's, when both exist.
    pub diff_per_member: Vec<Option<f64>>,
    /// Total minus today's total over the same participants, if there is a
    /// today's operation.
    pub diff_total: Option<f64>,
    /// What the total is compared with: today's figure (or the scenario
    /// it is compared with) over the same participants.
    pub reference_total: Option<f64>,
    /// Per member: the difference in percent of today's figure (`None`
    /// when today's figure is 0 or missing).
    pub diff_percent_per_member: Vec<Option<f64>>,
    /// The total's difference in percent of today's total.
    pub diff_percent_total: Option<f64>,
}

impl SummaryRow {
    /// The row in units of `unit` (1 for kroner, 1 000 for thousands), each
    /// member rounded to a whole unit so that the members add up to the
    /// rounded total (largest remainder). Returns the members and the total.
    #[must_use]
    pub fn rounded(&self, unit: f64) -> (Vec<Option<f64>>, f64) {
        let present: Vec<f64> = self.per_member.iter().flatten().map(|v| v / unit).collect();
        let mut rounded = rounding::round_split(&present).into_iter();
        let members: Vec<Option<f64>> = self
            .per_member
            .iter()
            .map(|v| v.and_then(|_| rounded.next()))
            .collect();
        let total = members.iter().flatten().sum();
        (members, total)
    }
}

impl SummaryRow {
    /// The differences against today's operation (`today`, its row of the
    /// same summary) in units of `unit`, as a reader would subtract them
    /// from the figures shown: each member's rounded figure less its
    /// rounded figure today, so the members add up to the total difference
    /// and every difference agrees with the two figures it is between.
    /// Returns the members and the total.
    #[must_use]
    pub fn rounded_diffs(&self, today: Option<&SummaryRow>, unit: f64) -> (Vec<Option<f64>>, Option<f64>) {
        let Some(today) = today.filter(|_| self.diff_total.is_some()) else {
            return (vec![None; self.diff_per_member.len()], None);
        };
        let (mine, _) = self.rounded(unit);
        let (todays, _) = today.rounded(unit);
        let members: Vec<Option<f64>> = mine
            .iter()
            .zip(&todays)
            .zip(&self.diff_per_member)
            .map(|((m, t), raw)| raw.and(Some((*m)? - (*t)?)))
            .collect();
        let total = members.iter().flatten().sum();
        (members, Some(total))
    }
}

fn percent_of(diff: Option<f64>, current: Option<f64>) -> Option<f64> {
    let diff = diff?;
    let base = current? - diff;
    (base.abs() > f64::EPSILON).then(|| diff / base * 100.0)
}

/// Every figure of a study.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The calendar years analysed.
    pub years: Vec<i32>,
    /// Member ids, in study order.
    pub members: Vec<MemberId>,
    /// Category ids, in study order.
    pub categories: Vec<CategoryId>,
    /// One result per scenario, in study order.
    pub scenarios: Vec<ScenarioResult>,
    /// Index of today's operation (the first scenario of that kind): the
    /// one baseline every option's differences, savings and payback are
    /// measured against.
    pub today: Option<usize>,
    /// The validation report (warnings only, since evaluation succeeded).
    pub report: Report,
    /// Discount factor per year index (year 0 is 1).
    pub discount_factors: Vec<f64>,
}

impl Evaluation {
    fn index(&self, member: usize, category: usize, year_index: usize) -> usize {
        (member * self.categories.len() + category) * self.years.len() + year_index
    }

    /// The index of a calendar year, if analysed.
    #[must_use]
    pub fn year_index(&self, year: i32) -> Option<usize> {
        let first = *self.years.first()?;
        let index = usize::try_from(year.checked_sub(first)?).ok()?;
        (index < self.years.len()).then_some(index)
    }

    /// Cost of one scenario, member, category and year index.
    #[must_use]
    pub fn cell(&self, scenario: usize, member: usize, category: usize, year_index: usize) -> f64 {
        self.scenarios[scenario].cost[self.index(member, category, year_index)]
    }

    /// What `member` pays in `scenario` in year `year_index`, all categories.
    #[must_use]
    pub fn member_year(&self, scenario: usize, member: usize, year_index: usize) -> f64 {
        (0..self.categories.len())
            .map(|c| self.cell(scenario, member, c, year_index))
            .sum()
    }

    /// The weight of each year index under `metric` (empty for a year not
    /// analysed): 1 for one year or the plain sum, the discount factor for
    /// present value, the discount factor over the annuity factor for the
    /// equivalent annual cost.
    #[must_use]
    pub fn year_weights(&self, metric: Metric) -> Vec<(usize, f64)> {
        match metric {
            Metric::Annual(year) => self.year_index(year).map(|y| (y, 1.0)).into_iter().collect(),
            Metric::HorizonSum => (0..self.years.len()).map(|y| (y, 1.0)).collect(),
            Metric::PresentValue => self.discount_factors.iter().copied().enumerate().collect(),
            Metric::AnnualEquivalent => {
                let annuity: f64 = self.discount_factors.iter().sum();
                self.discount_factors
                    .iter()
                    .map(|f| f / annuity)
                    .enumerate()
                    .collect()
            }
        }
    }

    /// What `member` pays in `scenario` under `metric`; `None` outside the
    /// scenario or for a year not analysed.
    #[must_use]
    pub fn member_metric(&self, scenario: usize, member: usize, metric: Metric) -> Option<f64> {
        if !self.scenarios[scenario].participates[member] {
            return None;
        }
        let weights = self.year_weights(metric);
        if weights.is_empty() {
            return None;
        }
        Some(
            weights
                .iter()
                .map(|&(y, w)| w * self.member_year(scenario, member, y))
                .sum(),
        )
    }

    /// What `scenario` costs in year `year_index`: one member's share, or
    /// (with `member` `None`) all participants together. `None` when the
    /// member is not in the scenario.
    #[must_use]
    pub fn scenario_year(&self, scenario: usize, member: Option<usize>, year_index: usize) -> Option<f64> {
        match member {
            Some(m) => {
                self.scenarios[scenario].participates[m].then(|| self.member_year(scenario, m, year_index))
            }
            None => Some(
                (0..self.members.len())
                    .filter(|&m| self.scenarios[scenario].participates[m])
                    .map(|m| self.member_year(scenario, m, year_index))
                    .sum(),
            ),
        }
    }

    /// Cumulative cost of `scenario` from the first year, year by year
    /// (undiscounted), for one member or all participants.
    #[must_use]
    pub fn cumulative_cost(&self, scenario: usize, member: Option<usize>) -> Option<Vec<f64>> {
        let mut total = 0.0;
        (0..self.years.len())
            .map(|y| {
                total += self.scenario_year(scenario, member, y)?;
                Some(total)
            })
            .collect()
    }

    /// Cumulative savings of `scenario` against today's operation, year by
    /// year (undiscounted; positive = cheaper than today). For all
    /// participants, today's cost counts the same participants only.
    #[must_use]
    pub fn cumulative_savings(&self, scenario: usize, member: Option<usize>) -> Option<Vec<f64>> {
        let today = self.today?;
        let mut total = 0.0;
        (0..self.years.len())
            .map(|y| {
                let cost = self.scenario_year(scenario, member, y)?;
                let today_cost = match member {
                    Some(m) => self.scenario_year(today, Some(m), y)?,
                    None => (0..self.members.len())
                        .filter(|&m| self.scenarios[scenario].participates[m])
                        .filter_map(|m| self.scenario_year(today, Some(m), y))
                        .sum(),
                };
                total += today_cost - cost;
                Some(total)
            })
            .collect()
    }

    /// The payback year of `scenario` against `reference` for one member or
    /// all of `scenario`'s participants (the reference counting the same
    /// members): the first year in which the cumulative cost of `scenario`
    /// is at most the reference's (to the krone). Used for pairs such as
    /// today's operation with its PCs against thin clients.
    #[must_use]
    pub fn payback_against(&self, scenario: usize, reference: usize, member: Option<usize>) -> Payback {
        if scenario == reference || scenario >= self.scenarios.len() || reference >= self.scenarios.len() {
            return Payback::NotApplicable;
        }
        let mut total = 0.0;
        for y in 0..self.years.len() {
            let (Some(cost), Some(reference_cost)) = (
                self.scenario_year(scenario, member, y),
                match member {
                    Some(m) => self.scenario_year(reference, Some(m), y),
                    None => Some(
                        (0..self.members.len())
                            .filter(|&m| self.scenarios[scenario].participates[m])
                            .filter_map(|m| self.scenario_year(reference, Some(m), y))
                            .sum(),
                    ),
                },
            ) else {
                return Payback::NotApplicable;
            };
            total += reference_cost - cost;
            if total >= -0.5 {
                return Payback::Year(self.years[y]);
            }
        }
        Payback::NotWithinHorizon
    }

    /// The payback year of `scenario` for one member or all participants:
    /// the first year in which the cumulative savings against what it is
    /// compared with are 0 or more (to the krone). Today's operation has
    /// none: it is what the options pay back against.
    #[must_use]
    pub fn payback(&self, scenario: usize, member: Option<usize>) -> Payback {
        if self.today == Some(scenario) {
            return Payback::NotApplicable;
        }
        let Some(savings) = self.cumulative_savings(scenario, member) else {
            return Payback::NotApplicable;
        };
        savings
            .iter()
            .position(|s| *s >= -0.5)
            .map_or(Payback::NotWithinHorizon, |y| Payback::Year(self.years[y]))
    }

    /// What the participants of `scenario` pay together in `category`
    /// under `metric` (0 for a year not analysed).
    #[must_use]
    pub fn category_metric(&self, scenario: usize, category: usize, metric: Metric) -> f64 {
        let weights = self.year_weights(metric);
        (0..self.members.len())
            .flat_map(|m| weights.iter().map(move |&(y, w)| (m, y, w)))
            .map(|(m, y, w)| w * self.cell(scenario, m, category, y))
            .sum()
    }

    /// One row per scenario: per member, total, and the differences against
    /// today's operation.
    #[must_use]
    pub fn summary(&self, metric: Metric) -> Vec<SummaryRow> {
        let figures = |t: usize| -> Vec<Option<f64>> {
            (0..self.members.len())
                .map(|m| self.member_metric(t, m, metric))
                .collect()
        };
        (0..self.scenarios.len())
            .map(|s| {
                let today: Option<Vec<Option<f64>>> = self.today.map(figures);
                let per_member: Vec<Option<f64>> = (0..self.members.len())
                    .map(|m| self.member_metric(s, m, metric))
                    .collect();
                let total = per_member.iter().flatten().sum();
                let diff_per_member: Vec<Option<f64>> = per_member
                    .iter()
                    .enumerate()
                    .map(|(m, v)| Some(v.as_ref()? - today.as_ref()?[m]?))
                    .collect();
                let reference_total = today.as_ref().map(|t| {
                    per_member
                        .iter()
                        .zip(t)
                        .filter(|(v, _)| v.is_some())
                        .filter_map(|(_, t)| *t)
                        .sum::<f64>()
                });
                let diff_total = reference_total.map(|r| total - r);
                let diff_percent_per_member = diff_per_member
                    .iter()
                    .zip(&per_member)
                    .map(|(d, v)| percent_of(*d, *v))
                    .collect();
                let diff_percent_total = percent_of(diff_total, Some(total));
                SummaryRow {
                    scenario: s,
                    per_member,
                    total,
                    diff_per_member,
                    diff_total,
                    reference_total,
                    diff_percent_per_member,
                    diff_percent_total,
                }
            })
            .collect()
    }
}

/// Validates and evaluates the study: [`PreparedStudy::prepare`] then
/// [`PreparedStudy::evaluation`].
///
/// # Errors
/// [`EngineError::Invalid`] with the whole report when validation finds
/// errors.
pub fn evaluate(study: &Study) -> Result<Evaluation, EngineError> {
    let prepared = PreparedStudy::prepare(study)?;
    prepared
        .evaluation()
        .map_err(|_| EngineError::Invalid(validate(study)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::examples::small_study;
    use crate::model::{AmountFrom, Attribute, CostLine, Driver, Growth, Payer, Salary, Timing};

    const EPS: f64 = 1e-6;

    fn scenario_index(e: &Evaluation, id: &str) -> usize {
        e.scenarios.iter().position(|s| s.id.as_str() == id).unwrap()
    }

    fn line(study: &Study, scenario: &str, index: usize) -> CostLine {
        study.scenario(&ScenarioId::new(scenario)).unwrap().lines[index].clone()
    }

    fn set_lines(study: &mut Study, scenario: &str, lines: Vec<CostLine>) {
        let s = study
            .scenarios
            .iter_mut()
            .find(|s| s.id.as_str() == scenario)
            .unwrap();
        s.lines = lines;
    }

    #[test]
    fn today_is_the_baseline_per_member() {
        let study = small_study();
        let e = evaluate(&study).unwrap();
        let t = e.today.unwrap();
        assert_eq!(e.member_metric(t, 0, Metric::Annual(2030)), Some(110_000.0));
        assert_eq!(e.member_metric(t, 2, Metric::Annual(2030)), Some(330_000.0));
        assert_eq!(e.summary(Metric::Annual(2030))[t].total, 660_000.0);
    }

    #[test]
    fn shared_lump_by_key_plus_each_member_per_workstation() {
        let study = small_study();
        let e = evaluate(&study).unwrap();
        let j = scenario_index(&e, "joint");
        // Equal key: 100 000 each; workstations 60, 180, 360 × 1 000.
        let expected = [160_000.0, 280_000.0, 460_000.0];
        for (m, want) in expected.iter().enumerate() {
            let got = e.member_metric(j, m, Metric::Annual(2031)).unwrap();
            assert!((got - want).abs() < EPS, "member {m}: {got} vs {want}");
        }
        let row = &e.summary(Metric::Annual(2031))[j];
        assert!((row.total - 900_000.0).abs() < EPS);
        assert!((row.diff_total.unwrap() - (900_000.0 - 660_000.0)).abs() < EPS);
        assert!((row.diff_per_member[0].unwrap() - 50_000.0).abs() < EPS);
    }

    #[test]
    fn member_outside_the_scenario_pays_nothing_and_shows_none() {
        let mut study = small_study();
        study.scenarios[1].participants = Some(vec![MemberId::new("A"), MemberId::new("C")]);
        let e = evaluate(&study).unwrap();
        let j = scenario_index(&e, "joint");
        assert_eq!(e.member_metric(j, 1, Metric::Annual(2030)), None);
        assert_eq!(e.summary(Metric::Annual(2030))[j].diff_per_member[1], None);
        // The lump is now split between two; the total is unchanged.
        assert!((e.member_metric(j, 0, Metric::Annual(2030)).unwrap() - (150_000.0 + 60_000.0)).abs() < EPS);
        let total = e.summary(Metric::Annual(2030))[j].total;
        assert!((total - (300_000.0 + 60_000.0 + 360_000.0)).abs() < EPS);
        // Difference is against today's cost of the same participants only.
        let diff = e.summary(Metric::Annual(2030))[j].diff_total.unwrap();
        assert!((diff - (total - 110_000.0 - 330_000.0)).abs() < EPS);
    }

    #[test]
    fn shared_line_with_a_driver_is_driver_total_times_key() {
        let mut study = small_study();
        let mut l = line(&study, "joint", 1);
        l.payer = Payer::Shared;
        l.driver = Driver::Attribute(Attribute::Population);
        l.amount_nok = 10.0;
        set_lines(&mut study, "joint", vec![l]);
        study.scenarios[1].key = Some(crate::model::KeyId::new("mix"));
        let e = evaluate(&study).unwrap();
        let j = scenario_index(&e, "joint");
        // 10 kr × 10 000 inhabitants, split 17/31/52 %.
        for (m, share) in [0.17, 0.31, 0.52].iter().enumerate() {
            let got = e.member_metric(j, m, Metric::Annual(2030)).unwrap();
            assert!((got - 100_000.0 * share).abs() < EPS, "{got}");
        }
    }

    #[test]
    fn one_member_pays_the_whole_line() {
        let mut study = small_study();
        let mut l = line(&study, "joint", 1);
        l.payer = Payer::Member(MemberId::new("B"));
        set_lines(&mut study, "joint", vec![l]);
        let e = evaluate(&study).unwrap();
        let j = scenario_index(&e, "joint");
        assert_eq!(e.member_metric(j, 0, Metric::Annual(2030)), Some(0.0));
        assert_eq!(e.member_metric(j, 1, Metric::Annual(2030)), Some(600_000.0));
    }

    #[test]
    fn fte_driver_uses_filled_positions() {
        let mut study = small_study();
        study.members[0].positions = vec![crate::model::Position {
            role: "IT".into(),
            authorised_percent_of_fte: 100.0,
            filled_percent_of_fte: 50.0,
            tasks: vec![],
            note: String::new(),
        }];
        let mut l = line(&study, "joint", 0);
        l.driver = Driver::Fte;
        l.payer = Payer::EachMember;
        l.amount_nok = 600_000.0;
        set_lines(&mut study, "joint", vec![l]);
        let e = evaluate(&study).unwrap();
        let j = scenario_index(&e, "joint");
        assert_eq!(e.member_metric(j, 0, Metric::Annual(2030)), Some(300_000.0));
        assert_eq!(e.member_metric(j, 1, Metric::Annual(2030)), Some(0.0));
    }

    #[test]
    fn timing_and_growth() {
        let mut study = small_study();
        study.assumptions.horizon_years = 10;
        study.assumptions.real_wage_growth_percent = 2.0;
        let mut refresh = line(&study, "joint", 0);
        refresh.timing = Timing::EveryNYears { every: 4, from: 2030 };
        refresh.growth = Growth::Wages;
        refresh.amount_nok = 1000.0;
        refresh.payer = Payer::Member(MemberId::new("A"));
        let mut once = refresh.clone();
        once.timing = Timing::Once { year: 2032 };
        once.growth = Growth::None;
        once.category = crate::model::CategoryId::new("services");
        set_lines(&mut study, "joint", vec![refresh, once]);
        let e = evaluate(&study).unwrap();
        let j = scenario_index(&e, "joint");
        let staff: Vec<f64> = (0..10).map(|y| e.cell(j, 0, 0, y)).collect();
        for (y, v) in staff.iter().enumerate() {
            let expected = if y % 4 == 0 {
                1000.0 * 1.02f64.powi(i32::try_from(y).unwrap())
            } else {
                0.0
            };
            assert!((v - expected).abs() < EPS, "year {y}: {v} vs {expected}");
        }
        assert_eq!(e.cell(j, 0, 1, 2), 1000.0);
        assert_eq!(
            e.member_metric(j, 0, Metric::HorizonSum).unwrap(),
            staff.iter().sum::<f64>() + 1000.0
        );
        // Today's salaries grow with wages, services with prices (0 %).
        let t = e.today.unwrap();
        assert!((e.cell(t, 0, 0, 3) - 100_000.0 * 1.02f64.powi(3)).abs() < EPS);
        assert_eq!(e.cell(t, 0, 1, 3), 10_000.0);
    }

    #[test]
    fn every_year_from_to_is_inclusive() {
        let timing = Timing::EveryYear {
            from: Some(2031),
            to: Some(2033),
        };
        let due: Vec<bool> = (2030..2035).map(|y| timing.is_due(y)).collect();
        assert_eq!(due, vec![false, true, true, true, false]);
    }

    #[test]
    fn invalid_study_is_an_error_with_the_report() {
        let mut study = small_study();
        study.scenarios[1].lines[0].amount_nok = f64::NAN;
        let Err(EngineError::Invalid(report)) = evaluate(&study) else {
            panic!("NaN must stop evaluation")
        };
        assert_eq!(report.errors().count(), 1);
    }

    #[test]
    fn category_metric_adds_members() {
        let study = small_study();
        let e = evaluate(&study).unwrap();
        let t = e.today.unwrap();
        assert_eq!(e.category_metric(t, 0, Metric::Annual(2030)), 600_000.0);
        assert_eq!(e.category_metric(t, 1, Metric::HorizonSum), 5.0 * 60_000.0);
        assert_eq!(e.category_metric(t, 1, Metric::Annual(1999)), 0.0);
    }

    /// A study with one member paying, in the joint scenario, a one-off
    /// `once` in year 0 and `yearly` every year, over `years` years at the
    /// given discount steps; today's operation costs `today` a year.
    fn economics_study(once: f64, yearly: f64, today: f64, years: u32, steps: &[(u32, f64)]) -> Study {
        let mut study = small_study();
        study.members.truncate(1);
        for line in &mut study.baseline.lines {
            line.amounts_nok.retain(|m, _| m.as_str() == "A");
        }
        study.baseline.lines.truncate(1);
        study.baseline.lines[0]
            .amounts_nok
            .insert(MemberId::new("A"), today);
        study.assumptions.horizon_years = years;
        study.categories[0].growth = Growth::None;
        study.assumptions.discount.steps = steps
            .iter()
            .map(|&(from_year_index, percent)| crate::model::RateStep {
                from_year_index,
                percent,
            })
            .collect();
        let mut yearly_line = line(&study, "joint", 0);
        yearly_line.amount_nok = yearly;
        let mut once_line = yearly_line.clone();
        once_line.amount_nok = once;
        once_line.timing = Timing::Once { year: 2030 };
        set_lines(&mut study, "joint", vec![once_line, yearly_line]);
        study
    }

    #[test]
    fn present_value_of_a_one_off_and_a_constant_cost_at_4_percent() {
        // 1 000 in year 0 plus 100 a year over 5 years at 4 %:
        // 1 000 + 100 × (1 + 1/1,04 + 1/1,04² + 1/1,04³ + 1/1,04⁴)
        // = 1 000 + 100 × 4,629 895 … = 1 462,989 5…
        let study = economics_study(1000.0, 100.0, 0.0, 5, &[(0, 4.0)]);
        let e = evaluate(&study).unwrap();
        let pv = e.member_metric(1, 0, Metric::PresentValue).unwrap();
        assert!((pv - 1_462.989_5).abs() < 1e-3, "{pv}");
        // Equivalent annual cost: the same PV spread evenly, 1 462,99 / 4,629 9.
        let eac = e.member_metric(1, 0, Metric::AnnualEquivalent).unwrap();
        assert!((eac - 1_462.989_5 / 4.629_895).abs() < 1e-3, "{eac}");
        assert_eq!(e.member_metric(1, 0, Metric::HorizonSum), Some(1_500.0));
    }

    #[test]
    fn a_constant_cost_has_itself_as_equivalent_annual_cost() {
        let study = economics_study(0.0, 250.0, 0.0, 7, &[(0, 4.0), (3, 2.0)]);
        let e = evaluate(&study).unwrap();
        let eac = e.member_metric(1, 0, Metric::AnnualEquivalent).unwrap();
        assert!((eac - 250.0).abs() < 1e-9, "{eac}");
    }

    #[test]
    fn a_stepped_rate_changes_across_its_step() {
        // 4 % for years 0–1, 2 % from year 2: factors 1, 1/1,04, 1/1,04²,
        // 1/(1,04²·1,02), 1/(1,04²·1,02²).
        let study = economics_study(0.0, 100.0, 0.0, 5, &[(0, 4.0), (2, 2.0)]);
        let e = evaluate(&study).unwrap();
        let expected = [
            1.0,
            1.0 / 1.04,
            1.0 / 1.0816,
            1.0 / (1.0816 * 1.02),
            1.0 / (1.0816 * 1.0404),
        ];
        for (got, want) in e.discount_factors.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{got} vs {want}");
        }
        let pv = e.member_metric(1, 0, Metric::PresentValue).unwrap();
        assert!((pv - 100.0 * expected.iter().sum::<f64>()).abs() < 1e-9);
    }

    #[test]
    fn payback_found_and_never_found() {
        // Today 1 000 a year; the joint scenario costs 1 500 up front and
        // 600 a year: savings −1 100, −700, −300, +100 → pays back in year 3.
        let study = economics_study(1500.0, 600.0, 1000.0, 6, &[(0, 4.0)]);
        let e = evaluate(&study).unwrap();
        let savings = e.cumulative_savings(1, Some(0)).unwrap();
        assert_eq!(savings[..4], [-1100.0, -700.0, -300.0, 100.0]);
        assert_eq!(e.payback(1, Some(0)), Payback::Year(2033));
        assert_eq!(e.payback(1, None), Payback::Year(2033));
        assert_eq!(e.payback(0, Some(0)), Payback::NotApplicable);
        // 1 100 a year never pays back 1 500 up front.
        let study = economics_study(1500.0, 1100.0, 1000.0, 6, &[(0, 4.0)]);
        let e = evaluate(&study).unwrap();
        assert_eq!(e.payback(1, Some(0)), Payback::NotWithinHorizon);
        assert_eq!(e.cumulative_cost(1, Some(0)).unwrap()[1], 1500.0 + 2.0 * 1100.0);
    }

    #[test]
    fn a_salary_line_follows_salary_employer_tax_and_pension() {
        let mut study = small_study();
        for (member, nok) in study.members.iter_mut().zip([400_000.0, 500_000.0, 600_000.0]) {
            member.salary = Some(Salary {
                nok_per_fte: nok,
                employer_tax_percent: 14.1,
                pension_percent: 10.0,
                source: crate::model::Source::default(),
                today_category: None,
            });
            member.positions = vec![crate::model::Position {
                role: "IT".into(),
                authorised_percent_of_fte: 100.0,
                filled_percent_of_fte: 50.0,
                tasks: vec![],
                note: String::new(),
            }];
        }
        let mut l = line(&study, "joint", 0);
        l.amount_from = AmountFrom::SalaryWithSocialCosts;
        l.amount_nok = 1.0; // not used
        l.driver = Driver::Fte;
        l.payer = Payer::EachMember;
        set_lines(&mut study, "joint", vec![l]);
        let e = evaluate(&study).unwrap();
        // 0,5 FTE × 400 000 × 1,10 (pension) × 1,141 (employer tax) = 251 020.
        let a = e.member_metric(1, 0, Metric::Annual(2030)).unwrap();
        assert!((a - 0.5 * 400_000.0 * 1.10 * 1.141).abs() < 1e-6, "{a}");
        // Zone V (0 %): the figure follows at once.
        study.members[0].salary.as_mut().unwrap().employer_tax_percent = 0.0;
        let e = evaluate(&study).unwrap();
        let a = e.member_metric(1, 0, Metric::Annual(2030)).unwrap();
        assert!((a - 0.5 * 400_000.0 * 1.10).abs() < 1e-6, "{a}");
        // A paying member without a salary is an error, not a zero.
        study.members[1].salary = None;
        assert!(evaluate(&study).is_err());
    }

    #[test]
    fn an_iks_prices_its_shared_staff_at_the_employers_zone_and_adds_its_overhead() {
        // Three members paying 100 000 a year today; the joint option
        // shares 2 FTE of joint staff by a 40/35/25 key, employed by B
        // (salary 500 000, pension 12 %, zone IVa: 7,9 %), and 240 000 a
        // year of other costs; the IKS adds 5 % for its own administration.
        // Staff: 2 × 500 000 × 1,12 × 1,079 = 1 208 480; with the other
        // 240 000 and 5 %: (1 208 480 + 240 000) × 1,05 = 1 520 904; A
        // pays 40 % = 608 361,6. In zone V (0 %): 2 × 500 000 × 1,12 =
        // 1 120 000; (1 120 000 + 240 000) × 1,05 = 1 428 000; A 571 200.
        // An AS with a 2 % pension (OTP minimum) and the employer's zone:
        // 2 × 500 000 × 1,02 × 1,079 = 1 100 580; (1 100 580 + 240 000) ×
        // 1,05 = 1 407 609; A 563 043,6.
        let mut study = crate::model::examples::three_members_agreed_key();
        study.members[1].salary = Some(Salary {
            nok_per_fte: 500_000.0,
            employer_tax_percent: 7.9,
            pension_percent: 12.0,
            source: crate::model::Source::default(),
            today_category: None,
        });
        let mut staff = line(&study, "joint", 0);
        staff.amount_from = AmountFrom::SalaryWithSocialCosts;
        staff.amount_nok = 0.0;
        staff.quantity = 2.0;
        staff.driver = Driver::Lump;
        staff.payer = Payer::Shared;
        staff.id = crate::model::LineId::new("staff");
        let mut other = line(&study, "joint", 0);
        other.amount_nok = 240_000.0;
        set_lines(&mut study, "joint", vec![staff, other]);
        // Without an organisation a shared salary has no employer: an error.
        assert!(evaluate(&study).is_err());
        let s = scenario_index(
            &evaluate(&crate::model::examples::three_members_agreed_key()).unwrap(),
            "joint",
        );
        let mut org = crate::model::organisation::Organisation {
            form: crate::model::organisation::OrgForm::Iks,
            employer: crate::model::MemberId::new("B"),
            employer_tax_percent: None,
            pension_percent: None,
            overhead_percent: 5.0,
            source: crate::model::Source::default(),
        };
        let cases = [
            (None, None, 608_361.6, 1_520_904.0),
            (Some(0.0), None, 571_200.0, 1_428_000.0),
            (None, Some(2.0), 563_043.6, 1_407_609.0),
        ];
        for (tax, pension, a_expected, total_expected) in cases {
            org.employer_tax_percent = tax;
            org.pension_percent = pension;
            study.scenarios[s].organisation = Some(org.clone());
            assert!(
                !crate::model::validate(&study).has_errors(),
                "{:?}",
                crate::model::validate(&study)
            );
            let first = study.assumptions.first_year;
            for e in [
                evaluate(&study).unwrap(),
                plain::evaluate_line_by_line(&study).unwrap(),
            ] {
                let a = e.member_metric(s, 0, Metric::Annual(first)).unwrap();
                assert!((a - a_expected).abs() < 1e-6, "{a} against {a_expected}");
                let all: f64 = (0..3)
                    .map(|m| e.member_metric(s, m, Metric::Annual(first)).unwrap())
                    .sum();
                assert!(
                    (all - total_expected).abs() < 1e-6,
                    "{all} against {total_expected}"
                );
            }
        }
        // The employer's salary with a range moves the joint figure.
        let prepared = PreparedStudy::prepare(&study).unwrap();
        assert!(
            prepared
                .param(&crate::model::inputs::InputRef::Salary {
                    member: crate::model::MemberId::new("B")
                })
                .is_some()
        );
        let usage = crate::model::inputs::usage(
            &study,
            &crate::model::inputs::InputRef::Salary {
                member: crate::model::MemberId::new("B"),
            },
        );
        assert!(usage.lines.contains(&(s, 0)), "{usage:?}");
    }
}
