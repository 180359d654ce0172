//! The split year by year: what each participant pays under the
//! scenario's own key in each year, against what it would pay alone that
//! year, and the first year in which it would be better off alone (a
//! member who pays more than alone for years is the one who leaves: the
//! council needs the year, not only the sum over the horizon).
//!
//! "Alone" is one path chosen once: today's operation, or the scenario
//! with the member by itself, whichever costs it less over all the years
//! (a municipality does not switch between them every year).

use super::{FairError, TOLERANCE_NOK};
use crate::engine::{PreparedStudy, Shape};
use crate::model::Study;

/// One participant's years.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberYears {
    /// The member (index in the study).
    pub member: usize,
    /// Per year: what it pays in the scenario under its key.
    pub under_key: Vec<f64>,
    /// Per year: what it would pay alone (the path chosen once).
    pub alone: Vec<f64>,
    /// Whether "alone" is today's operation (else the scenario by itself).
    pub alone_is_today: bool,
    /// The first year (index) in which it pays more than alone, by more
    /// than [`TOLERANCE_NOK`].
    pub first_worse: Option<usize>,
}

impl MemberYears {
    /// What it pays above alone in year `y` (negative: it gains).
    #[must_use]
    pub fn over_alone(&self, y: usize) -> f64 {
        self.under_key[y] - self.alone[y]
    }
}

/// A scenario's split year by year.
#[derive(Debug, Clone, PartialEq)]
pub struct ByYear {
    /// The scenario (index).
    pub scenario: usize,
    /// The calendar years.
    pub years: Vec<i32>,
    /// One entry per participant, in study order.
    pub members: Vec<MemberYears>,
}

/// Every member's cost per year in `scenario`, for `coalition` (all when
/// `None`): `[member][year]`, or `None` when the scenario cannot be
/// evaluated for them (a key without weight over the coalition).
fn member_years(prepared: &PreparedStudy, scenario: usize, coalition: Option<&[bool]>) -> Option<Vec<f64>> {
    let mut out = vec![0.0; prepared.len_per_scenario(Shape::MemberYears)];
    let mut ws = prepared.workspace();
    prepared
        .run(
            prepared.defaults(),
            coalition,
            &[scenario],
            Shape::MemberYears,
            &mut ws,
            &mut out,
        )
        .ok()?;
    Some(out)
}

/// The split of `scenario` year by year.
///
/// # Errors
/// [`FairError`]: the study has errors, has no today's operation, or
/// `scenario` is today's operation or does not exist.
pub fn by_year(study: &Study, scenario: usize) -> Result<ByYear, FairError> {
    let prepared = PreparedStudy::prepare(study)?;
    let today = prepared.today().ok_or(FairError::NoToday)?;
    if scenario >= prepared.scenario_count() || scenario == today {
        return Err(FairError::NotAScenario);
    }
    let n = prepared.members().len();
    let years = prepared.years().to_vec();
    let y_count = years.len();
    let all = member_years(&prepared, scenario, None).ok_or(FairError::NotAScenario)?;
    let todays = member_years(&prepared, today, None).ok_or(FairError::NoToday)?;
    let row = |values: &[f64], m: usize| values[m * y_count..(m + 1) * y_count].to_vec();
    let members = (0..n)
        .filter(|&m| prepared.participates(scenario, m, None))
        .map(|m| {
            let mut single = vec![false; n];
            single[m] = true;
            let today_path = row(&todays, m);
            let by_itself = member_years(&prepared, scenario, Some(&single)).map(|v| row(&v, m));
            let sum = |v: &[f64]| v.iter().sum::<f64>();
            let (alone, alone_is_today) = match by_itself {
                Some(own) if sum(&own) < sum(&today_path) => (own, false),
                _ => (today_path, true),
            };
            let under_key = row(&all, m);
            let first_worse = (0..y_count).find(|&y| under_key[y] > alone[y] + TOLERANCE_NOK);
            MemberYears {
                member: m,
                under_key,
                alone,
                alone_is_today,
                first_worse,
            }
        })
        .collect();
    Ok(ByYear {
        scenario,
        years,
        members,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::model::{CostLine, KeyId, KeyRule, MemberId, Payer, Timing};

    /// Three members who each pay 100 000 a year today (no growth). The
    /// joint scenario shares 240 000 a year, and 60 000 a year more from
    /// its third year, by a fixed key of 40/35/25.
    fn three() -> Study {
        let mut study = crate::model::examples::small_study();
        study.assumptions.real_wage_growth_percent = 0.0;
        study.assumptions.real_price_growth_percent = 0.0;
        for line in &mut study.baseline.lines {
            for (member, amount) in &mut line.amounts_nok {
                *amount = if line.category.as_str() == "staff" {
                    100_000.0
                } else {
                    0.0
                };
                let _ = member;
            }
        }
        study.keys.push(crate::model::Key {
            id: KeyId::new("agreed"),
            name: "40/35/25".to_owned(),
            rule: KeyRule::Fixed(
                [
                    (MemberId::new("A"), 40.0),
                    (MemberId::new("B"), 35.0),
                    (MemberId::new("C"), 25.0),
                ]
                .into(),
            ),
            source: crate::model::Source::default(),
        });
        let first = study.assumptions.first_year;
        let joint = &mut study.scenarios[1];
        joint.key = Some(KeyId::new("agreed"));
        let base = joint.lines[0].clone();
        joint.lines = vec![
            CostLine {
                amount_nok: 240_000.0,
                payer: Payer::Shared,
                ..base.clone()
            },
            CostLine {
                label: "Mer fra år 3".to_owned(),
                amount_nok: 60_000.0,
                payer: Payer::Shared,
                timing: Timing::EveryYear {
                    from: Some(first + 2),
                    to: None,
                },
                ..base
            },
        ];
        study.assign_line_ids();
        study
    }

    #[test]
    fn the_first_year_a_member_would_rather_be_alone() {
        let study = three();
        let split = by_year(&study, 1).unwrap();
        assert_eq!(split.years.len(), 5);
        let a = &split.members[0];
        // A: 40 % of 240 000 = 96 000 in years 1–2 (below its 100 000 of
        // today), 40 % of 300 000 = 120 000 from year 3: better off alone
        // from the third year, by 20 000. Alone, A would pay all 240 000
        // (300 000) in the scenario by itself: today's 100 000 is its path.
        assert_eq!(
            a.under_key,
            vec![96_000.0, 96_000.0, 120_000.0, 120_000.0, 120_000.0]
        );
        assert_eq!(a.alone, vec![100_000.0; 5]);
        assert!(a.alone_is_today);
        assert_eq!(a.first_worse, Some(2));
        assert_eq!(a.over_alone(2), 20_000.0);
        // B: 35 % → 84 000, then 105 000: from year 3 too, by 5 000. C:
        // 25 % → 60 000, then 75 000: never.
        assert_eq!(split.members[1].first_worse, Some(2));
        assert_eq!(split.members[1].over_alone(2), 5_000.0);
        assert_eq!(split.members[2].first_worse, None);
        assert_eq!(split.members[2].over_alone(4), -25_000.0);
        // Today's operation is not a scenario to split.
        assert_eq!(by_year(&study, 0), Err(FairError::NotAScenario));
    }
}
