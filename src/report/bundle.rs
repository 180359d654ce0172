//! Everything a CSV folder or a workbook contains, built by one function
//! from one set of options, for the app (on a background thread, with
//! progress and cancel) and `samdrift export` alike: the comparison's
//! tables, a fair split per scenario, the uncertainty tables (when the
//! study has ranges), the criteria (when it has criteria) and the
//! workstations. The writers in `io` only render the tables.

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

/// What an export has besides its tables: the simulation, for the raw
/// draws (`--samples`).
pub struct ExportBundle {
    /// Every table, in the order the files and sheets get.
    pub tables: Vec<Table>,
    /// The uncertainty analysis, when the study has ranges.
    pub simulation: Option<crate::uncertainty::Simulation>,
}

/// Builds every table of an export. `progress` gets the share done (0–1)
/// and returns false to stop: the uncertainty analysis, by far the longest
/// step, reports as it goes.
///
/// # Errors
/// [`Cancelled`] when `progress` returned false.
pub fn export_tables(
    study: &Study,
    evaluation: &Evaluation,
    (tr, year): (&Tr, i32),
    options: ExportOptions,
    progress: &(dyn Fn(f64) -> bool + Sync),
) -> Result<ExportBundle, Cancelled> {
    let step = |done: f64| if progress(done) { Ok(()) } else { Err(Cancelled) };
    let mut tables = super::tables::all(study, evaluation, tr, year);
    step(0.05)?;
    tables.extend(
        super::tables::fair_splits(study, tr, year, true)
            .into_iter()
            .map(|(t, _)| t),
    );
    step(0.2)?;
    let simulation = if study.uncertainties.is_empty() {
        None
    } else {
        let sim_options = crate::uncertainty::Options {
            draws: options.draws.max(1),
            seed: options.seed,
            metric: Metric::Annual(year),
        };
        match crate::uncertainty::simulate(study, sim_options, &|d| progress(0.2 + 0.7 * d)) {
            Ok(sim) => Some(sim),
            Err(crate::uncertainty::UncertaintyError::Cancelled) => return Err(Cancelled),
            Err(_) => None,
        }
    };
    if let Some(sim) = &simulation {
        tables.extend(super::tables::uncertainty_tables(study, sim, tr));
    }
    step(0.9)?;
    if let Ok(analysis) = crate::criteria::analyse(study, Metric::PresentValue, options.criteria_samples, 1) {
        tables.extend(super::tables::criteria_tables(study, &analysis, tr));
    }
    tables.extend(super::fleet_report::fleet_tables(study, tr));
    step(0.95)?;
    Ok(ExportBundle { tables, simulation })
}
