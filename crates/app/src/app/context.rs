//! What a view gets: a read-only [`ViewCtx`] (the study, its figures, the
//! language and the preferences) and, when it follows the comparison's
//! choices, the [`Selection`] they share. A view changes nothing but its
//! own small state; everything else it asks for by pushing a
//! [`super::Command`].

use super::Preferences;
use super::charts::ChartKind;
use crate::engine::{Evaluation, Metric};
use crate::i18n::Tr;
use crate::model::{Report, Study};
use crate::report::metric::MetricChoice;

/// Read-only context of a view.
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    /// The interface's language.
    pub tr: &'a Tr,
    /// The open study.
    pub study: &'a Study,
    /// Its figures (the last ones without errors; `None` before any).
    pub evaluation: Option<&'a Evaluation>,
    /// The current validation report.
    pub report: &'a Report,
    /// The user's preferences (unit).
    pub prefs: &'a Preferences,
    /// The document's revision: a background job made for another revision
    /// is out of date.
    pub revision: u64,
}

/// The figure the comparison shows, shared by the views that follow it
/// (fair split, uncertainty) and the member chosen in the Members and
/// Staffing views and the per-municipality chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// The year chosen (default: the study's display year).
    pub year: Option<i32>,
    /// The figure chosen.
    pub metric: MetricChoice,
    /// Which chart the comparison shows.
    pub chart: ChartKind,
    /// The member chosen.
    pub member: usize,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            year: None,
            metric: MetricChoice::Annual,
            chart: ChartKind::ByMember,
            member: 0,
        }
    }
}

impl Selection {
    /// The year shown: the one chosen while it is one of the study's years,
    /// else the study's display year.
    #[must_use]
    pub fn year(&self, study: &Study, evaluation: Option<&Evaluation>) -> i32 {
        let within = |y: i32| match evaluation {
            Some(e) => e.year_index(y).is_some(),
            None => (study.assumptions.first_year..study.assumptions.end_year()).contains(&y),
        };
        self.year
            .filter(|y| within(*y))
            .unwrap_or(study.assumptions.display_year)
    }

    /// The engine's metric for the figure chosen.
    #[must_use]
    pub fn metric(&self, study: &Study, evaluation: Option<&Evaluation>) -> Metric {
        self.metric.metric(self.year(study, evaluation))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_year_outside_the_study_falls_back_to_its_display_year() {
        let study = crate::io::load_str(crate::REFERENCE_STUDY, std::path::Path::new("r")).unwrap();
        let evaluation = crate::engine::evaluate(&study).unwrap();
        let display = study.assumptions.display_year;
        let first = study.assumptions.first_year;
        let mut selection = Selection::default();
        assert_eq!(selection.year(&study, Some(&evaluation)), display);
        selection.year = Some(first + 1);
        assert_eq!(selection.year(&study, Some(&evaluation)), first + 1);
        assert_eq!(selection.year(&study, None), first + 1);
        // A year from a study that ran longer (the user shortened it).
        selection.year = Some(first + 400);
        assert_eq!(selection.year(&study, Some(&evaluation)), display);
        assert_eq!(selection.year(&study, None), display);
        selection.metric = MetricChoice::Annual;
        assert_eq!(selection.metric(&study, None), Metric::Annual(display));
    }
}
