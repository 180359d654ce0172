use super::*;
use crate::model::examples::small_study;
use crate::model::uncertainty::{CorrelationGroup, Range, Uncertainty, WeightedValue};
use crate::model::{CategoryId, LineId, MemberId, ScenarioId, Source};
use statrs::distribution::{ContinuousCDF, Normal};

fn line(scenario: &str, id: &str) -> InputRef {
    InputRef::LineAmount {
        scenario: ScenarioId::new(scenario),
        line: LineId::new(id),
    }
}

fn range(input: InputRef, range: Range) -> Uncertainty {
    Uncertainty {
        input,
        range,
        group: None,
        source: Source::default(),
    }
}

/// The small study with today's total 660 000 a year and a joint scenario
/// of one shared lump `lump` (its other line set to 0): what each costs all
/// members together in 2030 is `660 000 + (C − 10 000)` and `lump`, where
/// C is member A's communications cell (10 000 in the study).
fn two_normals(lump: f64) -> Study {
    let mut study = small_study();
    study.scenarios[1].lines[0].amount_nok = lump;
    study.scenarios[1].lines[1].amount_nok = 0.0;
    study
}

fn options(draws: usize) -> Options {
    Options {
        draws,
        seed: 7,
        metric: Metric::Annual(2030),
    }
}

#[test]
fn p_cheapest_of_a_difference_of_normals_matches_the_closed_form() {
    // Joint: L ~ N(650 000, σ_L) with a 90 % interval of ±30 000 →
    // σ_L = 30 000 / 1,644 85 = 18 238,6. Today: 660 000 − 10 000 + C with
    // C ~ N(10 000, σ_C), interval ±20 000 → σ_C = 12 159,1. Joint is the
    // cheaper when L − (650 000 + C) < 0, a normal with mean
    // 650 000 − 660 000 = −10 000 and sd √(σ_L² + σ_C²) = 21 919,8:
    // P = Φ(10 000 / 21 919,8) = Φ(0,456 2) = 0,675 9.
    let mut study = two_normals(650_000.0);
    study.uncertainties = vec![
        range(
            line("joint", "l1"),
            Range::Interval90 {
                low: 620_000.0,
                high: 680_000.0,
                lognormal: false,
            },
        ),
        range(
            InputRef::TodaysCost {
                member: MemberId::new("A"),
                category: CategoryId::new("services"),
            },
            Range::Interval90 {
                low: -10_000.0,
                high: 30_000.0,
                lognormal: false,
            },
        ),
    ];
    assert!(
        !crate::model::validate(&study).has_errors(),
        "{:?}",
        crate::model::validate(&study)
    );
    let sim = simulate(&study, options(20_000), &|_| true).unwrap();
    let rows = sim.rows(None);
    let sd = (18_238.6f64.powi(2) + 12_159.1f64.powi(2)).sqrt();
    let expected = Normal::standard().cdf(10_000.0 / sd);
    assert!((expected - 0.6759).abs() < 1e-3, "{expected}");
    let joint = &rows[1];
    assert!(
        (joint.p_cheapest - expected).abs() < 4.0 * joint.p_cheapest_se,
        "{} vs {expected} (se {})",
        joint.p_cheapest,
        joint.p_cheapest_se
    );
    // Per member and all together the probabilities add up to 1.
    for member in [None, Some(0), Some(1), Some(2)] {
        let sum: f64 = sim.rows(member).iter().map(|r| r.p_cheapest).sum();
        assert!((sum - 1.0).abs() < 1e-9, "{member:?}: {sum}");
    }
}

#[test]
fn pert_reproduces_its_mean_and_an_interval_its_coverage() {
    // PERT on [500 000, 900 000] around 600 000: mean (a + 4m + b)/6 =
    // (500 000 + 2 400 000 + 900 000)/6 = 633 333,3; sd of the Beta(2, 4)
    // scaled by 400 000: 400 000·√(2·4/(6²·7)) = 71 269,8.
    let mut study = two_normals(600_000.0);
    study.uncertainties = vec![range(
        line("joint", "l1"),
        Range::Pert {
            low: 500_000.0,
            high: 900_000.0,
        },
    )];
    let draws = 20_000;
    let sim = simulate(&study, options(draws), &|_| true).unwrap();
    let mean: f64 = sim.inputs.iter().sum::<f64>() / draws as f64;
    let se = 71_269.8 / (draws as f64).sqrt();
    assert!((mean - 633_333.3).abs() < 4.0 * se, "{mean}");
    assert!(sim.inputs.iter().all(|v| (500_000.0..=900_000.0).contains(v)));
    // A 90 % interval holds 90 % of the draws.
    study.uncertainties = vec![range(
        line("joint", "l1"),
        Range::Interval90 {
            low: 550_000.0,
            high: 650_000.0,
            lognormal: true,
        },
    )];
    let sim = simulate(&study, options(draws), &|_| true).unwrap();
    let inside = sim
        .inputs
        .iter()
        .filter(|v| (550_000.0..=650_000.0).contains(*v))
        .count() as f64
        / draws as f64;
    let se = (0.9 * 0.1 / draws as f64).sqrt();
    assert!((inside - 0.9).abs() < 4.0 * se, "{inside}");
}

#[test]
fn ranges_collapsed_to_a_point_give_the_deterministic_figures() {
    let mut study = small_study();
    let value = study.scenarios[1].lines[0].amount_nok;
    study.uncertainties = vec![range(
        line("joint", "l1"),
        Range::Discrete(vec![WeightedValue { value, weight: 1.0 }]),
    )];
    let e = crate::engine::evaluate(&study).unwrap();
    let sim = simulate(&study, options(500), &|_| true).unwrap();
    for member in [None, Some(0), Some(2)] {
        for row in sim.rows(member) {
            let want = match member {
                Some(m) => e.member_metric(row.scenario, m, Metric::Annual(2030)).unwrap(),
                None => e.summary(Metric::Annual(2030))[row.scenario].total,
            };
            for got in [row.cost.mean, row.cost.p10, row.cost.p50, row.cost.p90] {
                assert!(
                    (got - want).abs() < 1e-6,
                    "{member:?} s{}: {got} vs {want}",
                    row.scenario
                );
            }
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_figures_on_any_number_of_threads() {
    let study = crate::model::examples::reference();
    assert!(
        !study.uncertainties.is_empty(),
        "the reference study ships with ranges"
    );
    let opts = Options {
        metric: Metric::PresentValue,
        ..options(3_000)
    };
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| simulate(&study, opts, &|_| true).unwrap())
    };
    let (one, two) = (run(1), run(2));
    assert!(
        one.cost
            .iter()
            .zip(&two.cost)
            .all(|(a, b)| a.to_bits() == b.to_bits())
    );
    assert_eq!(one.inputs, two.inputs);
    let other_seed = simulate(&study, Options { seed: 8, ..opts }, &|_| true).unwrap();
    assert_ne!(one.cost, other_seed.cost);
}

/// Spearman's rank correlation of two samples.
fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let ranks = |v: &[f64]| {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|a, b| v[*a].total_cmp(&v[*b]));
        let mut r = vec![0.0; v.len()];
        for (rank, i) in order.into_iter().enumerate() {
            r[i] = rank as f64;
        }
        r
    };
    let (rx, ry) = (ranks(x), ranks(y));
    let n = x.len() as f64;
    let mean = (n - 1.0) / 2.0;
    let cov: f64 = rx.iter().zip(&ry).map(|(a, b)| (a - mean) * (b - mean)).sum();
    let var: f64 = rx.iter().map(|a| (a - mean).powi(2)).sum();
    cov / var
}

#[test]
fn a_correlation_group_gives_the_requested_rank_correlation() {
    let mut study = small_study();
    study.correlation_groups = vec![CorrelationGroup {
        name: "leverandør".into(),
        rank_correlation: 0.7,
        source: Source::default(),
    }];
    study.uncertainties = vec![
        Uncertainty {
            group: Some("leverandør".into()),
            ..range(
                line("joint", "l1"),
                Range::Pert {
                    low: 200_000.0,
                    high: 500_000.0,
                },
            )
        },
        Uncertainty {
            group: Some("leverandør".into()),
            ..range(
                line("joint", "l2"),
                Range::Interval90 {
                    low: 800.0,
                    high: 1_400.0,
                    lognormal: true,
                },
            )
        },
        range(InputRef::WageGrowth, Range::Pert { low: -1.0, high: 3.0 }),
    ];
    let draws = 20_000;
    let sim = simulate(&study, options(draws), &|_| true).unwrap();
    let column = |k: usize| -> Vec<f64> { (0..draws).map(|d| sim.inputs[d * 3 + k]).collect() };
    let grouped = spearman(&column(0), &column(1));
    assert!((grouped - 0.7).abs() < 0.03, "{grouped}");
    // An input outside the group is independent.
    let free = spearman(&column(0), &column(2));
    assert!(free.abs() < 0.03, "{free}");
}

#[test]
fn the_tornados_break_even_put_back_makes_the_two_scenarios_equal() {
    let mut study = crate::model::examples::reference();
    let index = |id: &str| study.scenarios.iter().position(|s| s.id.as_str() == id).unwrap();
    let (joint, remote) = (index("joint"), index("remote"));
    let year = study.assumptions.display_year;
    // Gratangen: joint 503 974, remote 475 901 — remote is cheaper unless
    // the provider's price rises to 503 974 / 0,2228 = 2 262 000.
    let (base, rows) = tornado(&study, joint, remote, Some(0), Metric::Annual(year)).unwrap();
    assert!((base - (503_973.6 - 475_900.8)).abs() < 0.01, "{base}");
    let remote_price = line("remote", "remote-total");
    let row = rows.iter().find(|r| r.input == remote_price).unwrap();
    let value = row.break_even().unwrap();
    assert!((value - 2_262_000.0).abs() < 1e-3, "{value}");
    assert!(remote_price.set_in(&mut study, value));
    let e = crate::engine::evaluate(&study).unwrap();
    let a = e.member_metric(joint, 0, Metric::Annual(year)).unwrap();
    let b = e.member_metric(remote, 0, Metric::Annual(year)).unwrap();
    assert!((a - b).abs() < 1.0, "{a} vs {b}");
    // The rows are sorted by swing, largest first.
    assert!(rows.windows(2).all(|w| w[0].swing() >= w[1].swing()));
    // The solver finds the same value for an input without asking its range.
    let solved = break_even(
        &study,
        &remote_price,
        joint,
        remote,
        Some(0),
        Metric::Annual(year),
    )
    .unwrap()
    .unwrap();
    assert!((solved - 2_262_000.0).abs() < 1e-3, "{solved}");
}

#[test]
fn a_study_without_ranges_gives_the_engines_figures_not_zeros() {
    // Before: with no range there were no per-draw input slots to zip
    // with, so no draw was evaluated and every figure read 0 kr.
    let mut study = small_study();
    study.uncertainties.clear();
    let e = crate::engine::evaluate(&study).unwrap();
    let sim = simulate(&study, options(200), &|_| true).unwrap();
    let summary = e.summary(Metric::Annual(2030));
    for row in sim.rows(None) {
        let want = summary[row.scenario].total;
        assert!(want > 0.0);
        assert!((row.cost.p10 - want).abs() < 1e-6 && (row.cost.p90 - want).abs() < 1e-6);
    }
    // Nothing is uncertain: one evaluation gives every figure.
    assert_eq!(sim.options.draws, 1);
    assert_eq!(sim.cost.len(), sim.scenarios * (sim.members + 1));
}

/// Σ z² over `seeds` seeds of the share of draws in which input `j` (of
/// `inputs` independent fair coins, `Discrete {0: 1, 1: 1}` on the lines of
/// a scenario nobody compares) comes out 0, for every position `j`.
/// With independent draws each z = (p̂ − ½)/√(¼/n) is standard normal and
/// Σ z² over 20 seeds is χ²(20): above 45,3 once in a thousand.
fn coin_chi_squares(inputs: usize, seeds: u64, draws: usize) -> Vec<f64> {
    let mut study = small_study();
    let mut spare = study.scenarios[1].clone();
    spare.id = ScenarioId::new("spare");
    let template = spare.lines[0].clone();
    spare.lines = (0..inputs)
        .map(|j| {
            let mut l = template.clone();
            l.id = LineId::new(format!("x{j}"));
            l
        })
        .collect();
    study.scenarios.push(spare);
    study.uncertainties = (0..inputs)
        .map(|j| {
            range(
                line("spare", &format!("x{j}")),
                Range::Discrete(vec![
                    WeightedValue {
                        value: 0.0,
                        weight: 1.0,
                    },
                    WeightedValue {
                        value: 1.0,
                        weight: 1.0,
                    },
                ]),
            )
        })
        .collect();
    let prepared = crate::engine::PreparedStudy::prepare(&study).unwrap();
    let sampler = sampler::Sampler::new(&study, &prepared);
    assert_eq!(sampler.len(), inputs);
    let mut params = prepared.defaults().to_vec();
    let mut values = vec![0.0; inputs];
    let mut common = Vec::new();
    let mut chi = vec![0.0; inputs];
    for seed in 0..seeds {
        let mut zeros = vec![0usize; inputs];
        for k in 0..draws {
            sampler.draw(seed, k, &mut params, &mut common);
            sampler.values(&params, &mut values);
            for (z, v) in zeros.iter_mut().zip(&values) {
                *z += usize::from(*v == 0.0);
            }
        }
        for (c, z) in chi.iter_mut().zip(zeros) {
            let p = z as f64 / draws as f64;
            let score = (p - 0.5) / (0.25 / draws as f64).sqrt();
            *c += score * score;
        }
    }
    chi
}

#[test]
fn every_position_of_a_draw_is_independent_of_the_neighbouring_draws() {
    // Issue 23: draw k was seeded with the state 2k + 1 of a multiplicative
    // generator, so the j-th uniform of neighbouring draws lay on a lattice
    // (Σ z² ≈ 245 at the 4th position instead of ≈ 20).
    let chi = coin_chi_squares(12, 20, 20_000);
    eprintln!("Σ z² per position: {chi:.1?}");
    for (j, c) in chi.iter().enumerate() {
        assert!(*c < 45.3, "position {}: Σ z² = {c:.1} over 20 seeds", j + 1);
    }
}

/// The small study with a joint scenario whose lump ~ N(660 000, σ) decides
/// alone against today's 660 000 (true P(cheapest) = ½), and three ranges
/// before it in the list on the lines of a scenario nobody would pick.
fn deciding_fourth() -> Study {
    let mut study = two_normals(660_000.0);
    let mut spare = study.scenarios[1].clone();
    spare.id = ScenarioId::new("spare");
    let template = spare.lines[0].clone();
    spare.lines = (0..3)
        .map(|j| {
            let mut l = template.clone();
            l.id = LineId::new(format!("x{j}"));
            l.amount_nok = 5_000_000.0;
            l
        })
        .collect();
    study.scenarios.push(spare);
    let mut ranges: Vec<Uncertainty> = (0..3)
        .map(|j| {
            range(
                line("spare", &format!("x{j}")),
                Range::Pert {
                    low: 4_000_000.0,
                    high: 6_000_000.0,
                },
            )
        })
        .collect();
    ranges.push(range(
        line("joint", "l1"),
        Range::Interval90 {
            low: 630_000.0,
            high: 690_000.0,
            lognormal: false,
        },
    ));
    study.uncertainties = ranges;
    study
}

#[test]
fn the_printed_standard_error_of_p_cheapest_is_the_spread_across_seeds() {
    // True P(joint cheapest) = ½ (a normal symmetric about today's cost).
    // Over 40 seeds Σ z² is χ²(40) (above 73,4 once in a thousand), and the
    // sample sd of p̂ over the seeds is within ±35 % of the printed SE
    // (the ratio of variances of 39 degrees of freedom stays in
    // 0,45 … 1,85 at 99,9 %).
    let study = deciding_fourth();
    let seeds = 40;
    let mut estimates = Vec::new();
    let mut ses = Vec::new();
    let mut chi = 0.0;
    for seed in 0..seeds {
        let sim = simulate(
            &study,
            Options {
                seed,
                ..options(4_000)
            },
            &|_| true,
        )
        .unwrap();
        let joint = &sim.rows(None)[1];
        chi += ((joint.p_cheapest - 0.5) / joint.p_cheapest_se).powi(2);
        estimates.push(joint.p_cheapest);
        ses.push(joint.p_cheapest_se);
    }
    let mean = estimates.iter().sum::<f64>() / seeds as f64;
    let sd = (estimates.iter().map(|p| (p - mean).powi(2)).sum::<f64>() / (seeds as f64 - 1.0)).sqrt();
    let printed = ses.iter().sum::<f64>() / seeds as f64;
    eprintln!("Σ z² = {chi:.1}, sd across seeds {sd:.5}, printed SE {printed:.5}");
    assert!(chi < 73.4, "Σ z² = {chi:.1} over {seeds} seeds");
    assert!(
        (0.65..1.36).contains(&(sd / printed)),
        "sd {sd} vs printed {printed}"
    );
}

#[test]
fn a_difference_that_crosses_twice_within_the_range_has_both_break_evens() {
    // Over 2030–2032 the joint scenario costs today's 660 000 plus
    // d = (+1 000 000, −2 090 000, +1 091 800): PV(joint) − PV(today) =
    // d₀ + d₁/(1 + r) + d₂/(1 + r)², which times (1 + r)² is
    // 1 000 000·(y − 1,03)(y − 1,06) with y = 1 + r — zero at 3 % and 6 %,
    // negative between, positive at both ends of the range 1 %…8 %. The
    // ends have the same sign, so a search between the ends alone found
    // nothing.
    let mut study = small_study();
    study.assumptions.horizon_years = 3;
    study.assumptions.display_year = 2030;
    study.assumptions.discount.steps[0].percent = 4.0;
    let joint = &mut study.scenarios[1];
    joint.lines.truncate(1);
    joint.lines[0].amount_nok = 660_000.0;
    let template = joint.lines[0].clone();
    for (i, (year, amount)) in [(2030, 1_000_000.0), (2031, -2_090_000.0), (2032, 1_091_800.0)]
        .into_iter()
        .enumerate()
    {
        let mut l = template.clone();
        l.id = LineId::new(format!("once{i}"));
        l.amount_nok = amount;
        l.timing = crate::model::Timing::Once { year };
        joint.lines.push(l);
    }
    study.uncertainties = vec![range(
        InputRef::DiscountStep { index: 0 },
        Range::Pert { low: 1.0, high: 8.0 },
    )];
    assert!(
        !crate::model::validate(&study).has_errors(),
        "{:?}",
        crate::model::validate(&study)
    );
    let (base, rows) = tornado(&study, 1, 0, None, Metric::PresentValue).unwrap();
    // At 4 %: 1 000 000·(1,04 − 1,03)(1,04 − 1,06)/1,04² = −200/1,0816 = −184,91.
    assert!((base + 184.911).abs() < 0.01, "{base}");
    let row = &rows[0];
    assert!(row.diff_at_low > 0.0 && row.diff_at_high > 0.0, "{row:?}");
    assert_eq!(row.break_evens.len(), 2, "{row:?}");
    // Nearest to the study's 4 % first: 3 %, then 6 %.
    assert!((row.break_evens[0] - 3.0).abs() < 1e-6, "{row:?}");
    assert!((row.break_evens[1] - 6.0).abs() < 1e-6, "{row:?}");
    // A scenario against itself never flips.
    let (_, same) = tornado(&study, 1, 1, None, Metric::PresentValue).unwrap();
    assert!(same.iter().all(|r| r.break_evens.is_empty()), "{same:?}");
}

#[test]
fn a_normal_range_is_truncated_to_what_its_input_may_be() {
    // A 90 % interval 100 … 1 500 on A's population: N(800, σ) with
    // σ = 700 / 1,644 85 = 425,57, of which Φ(−800/425,57) = Φ(−1,879 8)
    // = 0,030 07 lies below 0, where a population cannot be (3 %: warned).
    // Truncated at 0, the share of draws below 800 is
    // (0,5 − 0,030 07)/(1 − 0,030 07) = 0,484 5, and no draw is 0 or less.
    let mut study = small_study();
    study.uncertainties = vec![range(
        InputRef::Attribute {
            member: MemberId::new("A"),
            attribute: crate::model::Attribute::Population,
        },
        Range::Interval90 {
            low: 100.0,
            high: 1_500.0,
            lognormal: false,
        },
    )];
    let report = crate::model::validate(&study);
    assert!(!report.has_errors(), "{report:?}");
    assert!(
        report
            .warnings()
            .any(|i| matches!(i.problem, crate::model::Problem::RangeTruncated { percent, .. } if (percent - 3.007).abs() < 0.001)),
        "{report:?}"
    );
    let draws = 20_000;
    let sim = simulate(&study, options(draws), &|_| true).unwrap();
    assert!(sim.inputs.iter().all(|v| *v > 0.0));
    let below = sim.inputs.iter().filter(|v| **v < 800.0).count() as f64 / draws as f64;
    let se = (0.4845f64 * 0.5155 / draws as f64).sqrt();
    assert!((below - 0.4845).abs() < 4.0 * se, "{below}");
}

#[test]
fn a_spread_by_selection_equals_the_quantiles_of_the_sorted_values() {
    // 1, 2, …, 11 shuffled, with a NaN and an infinity left out: the 10th
    // percentile is at position 0,1 × 10 = 1 → 2; the median at 5 → 6; the
    // 90th at 9 → 10; the mean 66 / 11 = 6.
    let values = vec![
        7.0,
        3.0,
        f64::NAN,
        11.0,
        1.0,
        9.0,
        5.0,
        f64::INFINITY,
        2.0,
        10.0,
        4.0,
        8.0,
        6.0,
    ];
    let spread = Spread::of(values);
    assert_eq!(
        (spread.mean, spread.p10, spread.p50, spread.p90),
        (6.0, 2.0, 6.0, 10.0)
    );
    // Between order statistics: 1, 2, 3, 4 → the 10th percentile at 0,3
    // is 1,3; the median at 1,5 is 2,5; the 90th at 2,7 is 3,7.
    let spread = Spread::of(vec![4.0, 1.0, 3.0, 2.0]);
    assert!((spread.p10 - 1.3).abs() < 1e-12 && (spread.p50 - 2.5).abs() < 1e-12);
    assert!((spread.p90 - 3.7).abs() < 1e-12);
    // And on many values, exactly as the sorted quantiles.
    let many: Vec<f64> = (0..10_001).map(|i| f64::from((i * 7919) % 10_007)).collect();
    let mut sorted = many.clone();
    sorted.sort_by(f64::total_cmp);
    let spread = Spread::of(many);
    assert_eq!(spread.p10, quantile(&sorted, 0.1));
    assert_eq!(spread.p50, quantile(&sorted, 0.5));
    assert_eq!(spread.p90, quantile(&sorted, 0.9));
    assert!(Spread::of(vec![f64::NAN]).mean.is_nan());
}
