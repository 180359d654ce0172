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
use crate::model::Terms;

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

/// A member leaving a scenario: what every participant pays each year if
/// all stay, and if the leaver gives notice in `notice_year` and is out
/// `notice_years` later (from then on it pays its stand-alone cost, the
/// settlement once, and the others the scenario without it, keys
/// renormalised, as "without X").
#[derive(Debug, Clone, PartialEq)]
pub struct Exit {
    /// The scenario (index).
    pub scenario: usize,
    /// The leaver (member index).
    pub leaver: usize,
    /// The year it gives notice.
    pub notice_year: i32,
    /// The year (index) it is out; `None` when that is after the horizon.
    pub out: Option<usize>,
    /// The calendar years.
    pub years: Vec<i32>,
    /// The participants (member indices, study order).
    pub members: Vec<usize>,
    /// Per participant and year: all stay.
    pub all_stay: Vec<Vec<f64>>,
    /// Per participant and year: the leaver goes.
    pub after_exit: Vec<Vec<f64>>,
    /// What the leaver pays when it is out (negative: receives).
    pub settlement: f64,
}

impl Exit {
    /// What participant `i` (of [`Exit::members`]) pays more after the exit
    /// than if all stayed, over every year.
    #[must_use]
    pub fn extra(&self, i: usize) -> f64 {
        self.after_exit[i].iter().sum::<f64>() - self.all_stay[i].iter().sum::<f64>()
    }
}

/// The figures an exit is worked out from, made once per scenario.
struct ExitBasis {
    years: Vec<i32>,
    split: ByYear,
    /// Per participant (index into `split.members`): the others' costs per
    /// year without it, `[member][year]` over all members.
    without: Vec<Option<Vec<f64>>>,
    /// Per member: its key share in the scenario.
    shares: Vec<f64>,
    terms: crate::model::Terms,
}

fn exit_basis(study: &Study, scenario: usize) -> Result<ExitBasis, FairError> {
    let split = by_year(study, scenario)?;
    let prepared = PreparedStudy::prepare(study)?;
    let n = prepared.members().len();
    let inside: Vec<bool> = (0..n).map(|m| prepared.participates(scenario, m, None)).collect();
    let without = split
        .members
        .iter()
        .map(|leaver| {
            let mut coalition = inside.clone();
            coalition[leaver.member] = false;
            member_years(&prepared, scenario, Some(&coalition))
        })
        .collect();
    let shares = crate::engine::evaluate(study)?
        .scenarios
        .get(scenario)
        .map(|s| s.key_shares.clone())
        .unwrap_or_default();
    Ok(ExitBasis {
        years: split.years.clone(),
        without,
        shares,
        terms: study.scenarios[scenario].terms.clone().unwrap_or_default(),
        split,
    })
}

impl ExitBasis {
    fn exit(&self, leaver_at: usize, notice_year: i32, notice_years: u32) -> Exit {
        let y_count = self.years.len();
        let leaver = self.split.members[leaver_at].member;
        let first = self.years.first().copied().unwrap_or(notice_year);
        let out = usize::try_from(i64::from(notice_year) - i64::from(first) + i64::from(notice_years))
            .ok()
            .filter(|&y| y < y_count);
        let share = self.shares.get(leaver).copied().unwrap_or(0.0);
        let settlement = out.map_or(0.0, |y| self.terms.settlement(share, y));
        let all_stay: Vec<Vec<f64>> = self.split.members.iter().map(|m| m.under_key.clone()).collect();
        let after_exit = self
            .split
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                (0..y_count)
                    .map(|y| match out {
                        Some(o) if y >= o && i == leaver_at => {
                            m.alone[y] + if y == o { settlement } else { 0.0 }
                        }
                        Some(o) if y >= o => self.without[leaver_at]
                            .as_ref()
                            .map_or(m.under_key[y], |w| w[m.member * y_count + y]),
                        _ => m.under_key[y],
                    })
                    .collect()
            })
            .collect();
        Exit {
            scenario: self.split.scenario,
            leaver,
            notice_year,
            out,
            years: self.years.clone(),
            members: self.split.members.iter().map(|m| m.member).collect(),
            all_stay,
            after_exit,
            settlement,
        }
    }
}

/// `leaver` leaves `scenario`, giving notice in `notice_year`, with the
/// scenario's terms (or `notice_years` instead of theirs).
///
/// # Errors
/// [`FairError`]: as [`by_year`]; [`FairError::NotAParticipant`] when the
/// leaver does not take part; [`FairError::YearNotAnalysed`] when the year
/// is not one of the study's.
pub fn exit(
    study: &Study,
    scenario: usize,
    leaver: usize,
    notice_year: i32,
    notice_years: Option<u32>,
) -> Result<Exit, FairError> {
    let basis = exit_basis(study, scenario)?;
    if !basis.years.contains(&notice_year) {
        return Err(FairError::YearNotAnalysed);
    }
    let at = basis
        .split
        .members
        .iter()
        .position(|m| m.member == leaver)
        .ok_or(FairError::NotAParticipant)?;
    let notice = notice_years.unwrap_or(basis.terms.notice_years);
    Ok(basis.exit(at, notice_year, notice))
}

/// Who could leave a scenario profitably: for a participant, the first
/// year it could give notice and gain over the years left, what it gains
/// and what the rest pay more.
#[derive(Debug, Clone, PartialEq)]
pub struct ExitOption {
    /// The member.
    pub member: usize,
    /// The exit: its notice year is the first that pays the leaver.
    pub exit: Exit,
    /// What the leaver saves over every year (the settlement included).
    pub gain: f64,
    /// What the others pay more together over every year.
    pub cost_to_rest: f64,
}

/// For each participant of `scenario`: the first notice year (with the
/// scenario's terms) in which leaving would save it money over the
/// horizon, if any.
///
/// # Errors
/// As [`by_year`].
pub fn exit_options(study: &Study, scenario: usize) -> Result<Vec<ExitOption>, FairError> {
    let basis = exit_basis(study, scenario)?;
    let notice = basis.terms.notice_years;
    Ok((0..basis.split.members.len())
        .filter_map(|at| {
            basis.years.iter().find_map(|&year| {
                let exit = basis.exit(at, year, notice);
                exit.out?;
                let gain = -exit.extra(at);
                (gain > TOLERANCE_NOK).then(|| {
                    let cost_to_rest = (0..exit.members.len())
                        .filter(|&i| i != at)
                        .map(|i| exit.extra(i))
                        .sum();
                    ExitOption {
                        member: exit.leaver,
                        exit,
                        gain,
                        cost_to_rest,
                    }
                })
            })
        })
        .collect())
}

/// What a member joining a scenario pays to come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryFee {
    /// Its key share of the joint assets' book value when it joins (the
    /// scenario's terms).
    BookValue,
    /// Half of what its joining saves or costs the group in the years it
    /// is in, above what it pays under the key: what makes it pay its
    /// Shapley value in the game of the group already in and itself.
    Marginal,
    /// Nothing.
    None,
}

/// A member joining a scenario from a year: what every member of the
/// group it joins, and it, pay each year before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Join {
    /// The scenario (index).
    pub scenario: usize,
    /// The member who joins (index).
    pub joiner: usize,
    /// The year (index) it is in from.
    pub from: usize,
    /// The calendar years.
    pub years: Vec<i32>,
    /// The members already in and the joiner (study order).
    pub members: Vec<usize>,
    /// Per member and year, without the joiner (it pays today's cost).
    pub before: Vec<Vec<f64>>,
    /// Per member and year, with the joiner from `from` (the fee included:
    /// paid by the joiner, shared by the others by their key shares).
    pub after: Vec<Vec<f64>>,
    /// The fee by book value.
    pub fee_book_value: f64,
    /// The fee by the joiner's marginal contribution (Shapley, two
    /// players: the group and the joiner).
    pub fee_marginal: f64,
    /// The fee applied in `after`.
    pub fee: EntryFee,
}

impl Join {
    /// What member `i` (of [`Join::members`]) pays more after the join
    /// than before, over every year.
    #[must_use]
    pub fn extra(&self, i: usize) -> f64 {
        self.after[i].iter().sum::<f64>() - self.before[i].iter().sum::<f64>()
    }
}

/// `joiner`, a member outside `scenario`, joins it from `year`.
///
/// # Errors
/// [`FairError`]: as [`by_year`]; [`FairError::AlreadyAParticipant`]
/// when it takes part already; [`FairError::YearNotAnalysed`] for a year
/// outside the study; [`FairError::NotAScenario`] when the scenario cannot
/// be evaluated with it (a key without a weight for it).
pub fn join(
    study: &Study,
    scenario: usize,
    joiner: usize,
    year: i32,
    fee: EntryFee,
) -> Result<Join, FairError> {
    let prepared = PreparedStudy::prepare(study)?;
    let today = prepared.today().ok_or(FairError::NoToday)?;
    if scenario >= prepared.scenario_count() || scenario == today {
        return Err(FairError::NotAScenario);
    }
    let n = prepared.members().len();
    if joiner >= n {
        return Err(FairError::NotAParticipant);
    }
    if prepared.participates(scenario, joiner, None) {
        return Err(FairError::AlreadyAParticipant);
    }
    let years = prepared.years().to_vec();
    let y_count = years.len();
    let from = years
        .iter()
        .position(|y| *y == year)
        .ok_or(FairError::YearNotAnalysed)?;
    let inside: Vec<bool> = (0..n).map(|m| prepared.participates(scenario, m, None)).collect();
    let mut with = inside.clone();
    with[joiner] = true;
    let row = |values: &[f64], m: usize| values[m * y_count..(m + 1) * y_count].to_vec();
    let without_it = member_years(&prepared, scenario, None).ok_or(FairError::NotAScenario)?;
    // The scenario with the joiner among its participants (a coalition
    // only ever leaves members out).
    let mut joined = study.clone();
    joined.scenarios[scenario].participants = Some(
        (0..n)
            .filter(|&m| with[m])
            .map(|m| study.members[m].id.clone())
            .collect(),
    );
    let with_it =
        member_years(&PreparedStudy::prepare(&joined)?, scenario, None).ok_or(FairError::NotAScenario)?;
    let todays = member_years(&prepared, today, None).ok_or(FairError::NoToday)?;
    let members: Vec<usize> = (0..n).filter(|&m| with[m]).collect();
    let before: Vec<Vec<f64>> = members
        .iter()
        .map(|&m| {
            if m == joiner {
                row(&todays, m)
            } else {
                row(&without_it, m)
            }
        })
        .collect();
    let mut after: Vec<Vec<f64>> = members
        .iter()
        .zip(&before)
        .map(|(&m, b)| {
            (0..y_count)
                .map(|y| if y < from { b[y] } else { with_it[m * y_count + y] })
                .collect()
        })
        .collect();
    // The joiner's key share when in, from what it pays of the shared
    // costs: its share of the scenario's key among the group with it.
    let ids: Vec<crate::model::MemberId> = members.iter().map(|&m| study.members[m].id.clone()).collect();
    let shares = study.scenarios[scenario]
        .key
        .as_ref()
        .and_then(|k| study.key(k))
        .and_then(|k| crate::model::keys::shares(study, &k.rule, &ids).ok())
        .unwrap_or_else(|| vec![0.0; members.len()]);
    let at = members.iter().position(|&m| m == joiner).unwrap_or(0);
    let terms = study.scenarios[scenario].terms.clone().unwrap_or_default();
    let fee_book_value = shares[at] * Terms::book_value(&terms, from);
    // Two players, the group already in (G) and the joiner (J): J's
    // Shapley value is its own cost plus half of what joining saves or
    // costs, (c(J) + c(G ∪ J) − c(G)) / 2, each year it is in.
    let fee_marginal: f64 = (from..y_count)
        .map(|y| {
            let group_with: f64 = after.iter().map(|r| r[y]).sum();
            let group_without: f64 = (0..members.len())
                .filter(|&i| i != at)
                .map(|i| before[i][y])
                .sum();
            let alone = before[at][y];
            (alone + group_with - group_without) / 2.0 - after[at][y]
        })
        .sum::<f64>()
        .max(0.0);
    let paid = match fee {
        EntryFee::BookValue => fee_book_value,
        EntryFee::Marginal => fee_marginal,
        EntryFee::None => 0.0,
    };
    // The fee goes to the others, by their key shares among themselves.
    let others: f64 = (0..members.len()).filter(|&i| i != at).map(|i| shares[i]).sum();
    for (i, r) in after.iter_mut().enumerate() {
        if i == at {
            r[from] += paid;
        } else if others > 0.0 {
            r[from] -= paid * shares[i] / others;
        }
    }
    Ok(Join {
        scenario,
        joiner,
        from,
        years,
        members,
        before,
        after,
        fee_book_value,
        fee_marginal,
        fee,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::model::{CostLine, MemberId, Payer, Timing};

    /// Three members who each pay 100 000 a year today (no growth). The
    /// joint scenario shares 240 000 a year, and 60 000 a year more from
    /// its third year, by a fixed key of 40/35/25.
    fn three() -> Study {
        let mut study = crate::model::examples::three_members_agreed_key();
        let first = study.assumptions.first_year;
        let joint = &mut study.scenarios[1];
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

    #[test]
    fn a_leavers_settlement_and_the_others_renormalised_shares() {
        // Two years' notice; joint assets of 100 000 written down over 5
        // years; an exit fee of 10 000.
        let mut study = three();
        study.scenarios[1].terms = Some(crate::model::Terms {
            notice_years: 2,
            assets_nok: 100_000.0,
            asset_lifetime_years: 5,
            exit_fee_nok: 10_000.0,
            ..Default::default()
        });
        let first = study.assumptions.first_year;
        // A gives notice in the first year and is out in the third. Its
        // settlement then: 10 000 + 40 % × (0 loans − 100 000 × (1 − 2/5))
        // = 10 000 − 24 000 = −14 000 (it receives 14 000).
        let gone = exit(&study, 1, 0, first, None).unwrap();
        assert_eq!(gone.out, Some(2));
        assert!((gone.settlement + 14_000.0).abs() < 1e-6, "{}", gone.settlement);
        // A: 96 000 twice as a member, then today's 100 000 less 14 000,
        // then 100 000 twice.
        let a: Vec<f64> = gone.after_exit[0].iter().map(|v| v.round()).collect();
        assert_eq!(a, vec![96_000.0, 96_000.0, 86_000.0, 100_000.0, 100_000.0]);
        // B and C share the 300 000 as 35 : 25 from the third year:
        // 175 000 and 125 000 (all staying: 105 000 and 75 000).
        let b: Vec<f64> = gone.after_exit[1].iter().map(|v| v.round()).collect();
        assert_eq!(b, vec![84_000.0, 84_000.0, 175_000.0, 175_000.0, 175_000.0]);
        assert_eq!(gone.after_exit[2][2].round(), 125_000.0);
        // A saves 552 000 − 478 000 = 74 000; B pays 3 × 70 000 and C
        // 3 × 50 000 more.
        assert!((gone.extra(0) + 74_000.0).abs() < 1e-6);
        assert!((gone.extra(1) - 210_000.0).abs() < 1e-6);
        assert!((gone.extra(2) - 150_000.0).abs() < 1e-6);
        // Who could leave profitably: A from the first year (gain 74 000,
        // the rest 360 000 more) and B (84, 84, then 100 − 11 000 + … :
        // 483 000 − 457 000 = 26 000); C never (it pays less than alone
        // every year).
        let options = exit_options(&study, 1).unwrap();
        let who: Vec<usize> = options.iter().map(|o| o.member).collect();
        assert_eq!(who, vec![0, 1]);
        assert_eq!(options[0].exit.notice_year, first);
        assert!((options[0].gain - 74_000.0).abs() < 1e-6);
        assert!((options[0].cost_to_rest - 360_000.0).abs() < 1e-6);
        assert!((options[1].gain - 26_000.0).abs() < 1e-6);
        // A member outside the scenario cannot leave it; a year outside the
        // study is refused.
        study.scenarios[1].participants = Some(vec![MemberId::new("A"), MemberId::new("B")]);
        assert_eq!(exit(&study, 1, 2, first, None), Err(FairError::NotAParticipant));
        assert_eq!(
            exit(&study, 1, 0, first - 1, None),
            Err(FairError::YearNotAnalysed)
        );
    }

    #[test]
    fn an_entry_fee_by_book_value_and_by_marginal_contribution() {
        // A and B in the joint scenario (40 : 35 of the shared 240 000, and
        // 300 000 from year three); C, with 200 000 a year today, joins from
        // the second year. Joint assets of 100 000 over five years.
        let mut study = three();
        study.scenarios[1].participants = Some(vec![MemberId::new("A"), MemberId::new("B")]);
        study.scenarios[1].terms = Some(crate::model::Terms {
            assets_nok: 100_000.0,
            ..Default::default()
        });
        for line in &mut study.baseline.lines {
            if line.category.as_str() == "staff" {
                line.amounts_nok.insert(MemberId::new("C"), 200_000.0);
            }
        }
        let first = study.assumptions.first_year;
        let joined = join(&study, 1, 2, first + 1, EntryFee::BookValue).unwrap();
        assert_eq!(joined.members, vec![0, 1, 2]);
        let round = |v: &[f64]| v.iter().map(|x| x.round()).collect::<Vec<f64>>();
        // Before: A 40/75 × 240 000 = 128 000, then 160 000; B 112 000,
        // then 140 000; C its 200 000.
        assert_eq!(
            round(&joined.before[0]),
            vec![128_000.0, 128_000.0, 160_000.0, 160_000.0, 160_000.0]
        );
        assert_eq!(round(&joined.before[2]), vec![200_000.0; 5]);
        // By book value: C's 25 % of 100 000 × (1 − 1/5) = 20 000.
        assert!((joined.fee_book_value - 20_000.0).abs() < 1e-6);
        // By marginal contribution: C's Shapley value in the game of the
        // group and C is (200 000 + c(all) − c(group)) / 2 = 100 000 a year
        // (the shared costs do not grow with C), against 60 000 and then
        // 75 000 under the key: 40 000 + 3 × 25 000 = 115 000.
        assert!((joined.fee_marginal - 115_000.0).abs() < 1e-6, "{joined:?}");
        // After: C pays 60 000 + the fee 20 000 in its first year, then 75
        // 000; A and B get the fee as 40 : 35 (10 666,67 and 9 333,33).
        assert_eq!(
            round(&joined.after[2]),
            vec![200_000.0, 80_000.0, 75_000.0, 75_000.0, 75_000.0]
        );
        assert!((joined.after[0][1] - (96_000.0 - 20_000.0 * 40.0 / 75.0)).abs() < 1e-6);
        assert_eq!(round(&joined.after[1])[2], 105_000.0);
        // A member already in cannot join; a year outside is refused.
        assert_eq!(
            join(&study, 1, 0, first, EntryFee::None),
            Err(FairError::AlreadyAParticipant)
        );
        assert_eq!(
            join(&study, 1, 2, first + 10, EntryFee::None),
            Err(FairError::YearNotAnalysed)
        );
    }
}
