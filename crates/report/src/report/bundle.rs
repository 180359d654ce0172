//! What an export contains, made once for all its formats, for the app
//! (on a background thread, with progress and cancel) and `samdrift
//! export` alike, from one set of options ([`ExportOptions`]): the
//! analyses ([`Analyses`]: a fair split per scenario, the uncertainty
//! analysis when the study has ranges, the criteria when it has criteria),
//! and from them the tables of a CSV folder or workbook
//! ([`export_tables`]); the briefing reads the same analyses
//! (`io::html_export::briefing_with`). The writers in `io` only render.

use super::tables::Table;
use crate::engine::{Evaluation, Metric};
use crate::i18n::Tr;
use crate::model::Study;

/// The analyses' settings of an export, in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// Draws of the uncertainty analysis.
    pub draws: usize,
    /// Seed of the draws.
    pub seed: u64,
    /// Weightings drawn for the criteria's rank acceptability.
    pub criteria_samples: usize,
}

impl Default for ExportOptions {
    /// 100 000 draws from seed 1; 10 000 criteria weightings from seed 1.
    fn default() -> Self {
        ExportOptions {
            draws: 100_000,
            seed: 1,
            criteria_samples: 10_000,
        }
    }
}

/// The export was stopped by its caller (the progress callback said so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// The analyses an export shows, made once for all its formats (the CSV
/// folder, the workbook and the briefing show the same fair splits,
/// simulation and criteria).
pub struct Analyses {
    /// A fair split per scenario that can be split, under the annual cost.
    pub fair: Vec<crate::fairness::FairSplit>,
    /// The uncertainty analysis, when the study has ranges.
    pub simulation: Option<crate::uncertainty::Simulation>,
    /// The tornado of the two scenarios most often cheapest in the
    /// simulation.
    pub tornado: Option<super::tables::ExportTornado>,
    /// The criteria, when the study has them (economy from present value).
    pub criteria: Option<crate::criteria::Analysis>,
    /// Each option's budget against today (up to
    /// [`MOST_MEMBERS_BUDGET`] members: each member's every year is
    /// explained line by line).
    pub budgets: Vec<crate::budget::Budget>,
    /// The exits the study asks about ([`crate::model::ExitQuestion`]), in
    /// the order of the scenarios and their questions (those that cannot
    /// be answered are left out; validation says why).
    pub exits: Vec<crate::fairness::Exit>,
    /// The budgets at both ends of the ranges on their own numbers (loan
    /// rates, VAT share), for the options with budgets.
    pub budget_ranges: Vec<crate::budget::BudgetRange>,
}

/// Up to this many members an export carries every option's budget.
pub const MOST_MEMBERS_BUDGET: usize = 60;

impl Analyses {
    /// Runs every analysis of an export for `year`. `progress` gets the
    /// share done (0–1) and returns false to stop; the uncertainty
    /// analysis, the longest step, reports as it goes.
    ///
    /// # Errors
    /// [`Cancelled`] when `progress` returned false.
    pub fn run(
        study: &Study,
        year: i32,
        options: ExportOptions,
        progress: &(dyn Fn(f64) -> bool + Sync),
    ) -> Result<Analyses, Cancelled> {
        let step = |done: f64| if progress(done) { Ok(()) } else { Err(Cancelled) };
        let fair =
            super::tables::fair_split_analyses(study, year, &|d| progress(0.25 * d)).ok_or(Cancelled)?;
        let simulation = if study.uncertainties.is_empty() {
            None
        } else {
            let sim_options = crate::uncertainty::Options {
                draws: options.draws.max(1),
                seed: options.seed,
                metric: Metric::Annual(year),
            };
            match crate::uncertainty::simulate(study, sim_options, &|d| progress(0.25 + 0.65 * d)) {
                Ok(sim) => Some(sim),
                Err(crate::uncertainty::UncertaintyError::Cancelled) => return Err(Cancelled),
                Err(_) => None,
            }
        };
        step(0.9)?;
        let tornado = simulation
            .as_ref()
            .and_then(|sim| super::tables::ExportTornado::of(study, sim));
        step(0.92)?;
        let criteria =
            crate::criteria::analyse(study, Metric::PresentValue, options.criteria_samples, 1).ok();
        step(0.95)?;
        let budgets = if study.members.len() <= MOST_MEMBERS_BUDGET {
            (0..study.scenarios.len())
                .filter(|&s| study.today() != Some(s))
                .filter_map(|s| crate::budget::budget(study, s).ok())
                .collect()
        } else {
            Vec::new()
        };
        let exits = exit_questions(study);
        let budget_ranges = budgets
            .iter()
            .filter_map(|b: &crate::budget::Budget| crate::budget::budget_ranges(study, b.scenario).ok())
            .flatten()
            .collect();
        Ok(Analyses {
            fair,
            simulation,
            tornado,
            criteria,
            budgets,
            exits,
            budget_ranges,
        })
    }
}

/// The exits the study's scenarios ask about, answered.
#[must_use]
pub fn exit_questions(study: &Study) -> Vec<crate::fairness::Exit> {
    study
        .scenarios
        .iter()
        .enumerate()
        .flat_map(|(s, scenario)| {
            scenario.exit_questions.iter().filter_map(move |q| {
                let leaver = study.members.iter().position(|m| m.id == q.member)?;
                crate::fairness::exit(study, s, leaver, q.notice_year, q.notice_years).ok()
            })
        })
        .collect()
}

/// Every table of a CSV folder or a workbook, from the analyses made once.
#[must_use]
pub fn export_tables(
    study: &Study,
    evaluation: &Evaluation,
    (tr, year): (&Tr, i32),
    analyses: &Analyses,
) -> Vec<Table> {
    let mut tables = super::tables::all(study, evaluation, tr, year);
    tables.extend(
        super::tables::fair_splits_of(study, tr, &analyses.fair, true)
            .into_iter()
            .map(|(t, _)| t),
    );
    if let Some(sim) = &analyses.simulation {
        tables.extend(super::tables::uncertainty_tables(
            study,
            sim,
            analyses.tornado.as_ref(),
            tr,
        ));
    }
    if let Some(analysis) = &analyses.criteria {
        tables.extend(super::tables::criteria_tables(study, analysis, tr));
    }
    tables.extend(super::fleet_report::fleet_tables(study, tr));
    // The economic plan's four years of each option's budget.
    tables.extend(
        analyses
            .budgets
            .iter()
            .map(|b| super::tables::budget_plan_table(study, b, (None, 0..super::tables::PLAN_YEARS), tr)),
    );
    // What the budget's uncertain numbers do, for the options that have
    // ranges on them.
    tables.extend(
        analyses
            .budgets
            .iter()
            .map(|b| {
                super::tables::budget_range_table(
                    study,
                    (b, &analyses.budget_ranges),
                    (None, 0..super::tables::PLAN_YEARS),
                    tr,
                )
            })
            .filter(|t| !t.rows.is_empty()),
    );
    tables.extend(
        analyses
            .exits
            .iter()
            .map(|exit| super::tables::exit_table(study, exit, tr)),
    );
    tables
}
