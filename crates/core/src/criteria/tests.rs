#![allow(clippy::many_single_char_names)]

use super::*;

#[test]
fn rank_order_centroid_weights_follow_the_formula() {
    // n = 3: (1 + 1/2 + 1/3)/3, (1/2 + 1/3)/3, (1/3)/3.
    let w = roc_weights(3);
    for (got, want) in w.iter().zip([0.611_111, 0.277_778, 0.111_111]) {
        assert!((got - want).abs() < 1e-6, "{w:?}");
    }
    // n = 5: 2,283 3/5, 1,283 3/5, 0,783 3/5, 0,45/5, 0,2/5.
    let w = roc_weights(5);
    for (got, want) in w.iter().zip([0.456_667, 0.256_667, 0.156_667, 0.09, 0.04]) {
        assert!((got - want).abs() < 1e-6, "{w:?}");
    }
    assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
}

/// Today [0, 0], A [+4, −2], B [+1, +2].
fn small() -> Vec<Vec<f64>> {
    vec![vec![0.0, 0.0], vec![4.0, -2.0], vec![1.0, 2.0]]
}

#[test]
fn weighted_values_and_ranks_by_hand() {
    // Weights ½, ½: A = (½·8/8 + ½·2/8)·100 = 62,5; B = (½·5/8 + ½·6/8)·100
    // = 68,75; today (½·4/8 + ½·4/8)·100 = 50.
    let v = values(&small(), &[0.5, 0.5]);
    assert_eq!(v, vec![50.0, 62.5, 68.75]);
    assert_eq!(ranks_of(&v), vec![3, 2, 1]);
    assert_eq!(first_of(&v), 2);
}

#[test]
fn a_stability_end_put_back_makes_the_top_two_tie() {
    // Moving the first weight to t (the second 1 − t): A = t + (1 − t)/4,
    // B = 5t/8 + 6(1 − t)/8; equal at 0,875 t = 0,5 → t = 4/7 = 0,571 4.
    let s = stability(&small(), &[0.5, 0.5], 0);
    assert!((s.high - 4.0 / 7.0).abs() < 1e-12, "{s:?}");
    assert_eq!(s.above, Some(1));
    let v = values(&small(), &with_weight(&[0.5, 0.5], 0, s.high));
    assert!((v[1] - v[2]).abs() < 1e-9, "{v:?}");
    // Below, nothing takes B's place: the interval starts at 0.
    assert_eq!((s.low, s.below), (0.0, None));
}

#[test]
fn acceptabilities_add_up_to_one() {
    let shares = acceptability(&small(), 5_000, (3, 0), &|rng| {
        let w: Vec<f64> = (0..2).map(|_| -uniform(rng).ln()).collect();
        let s: f64 = w.iter().sum();
        w.into_iter().map(|x| x / s).collect()
    });
    assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{shares:?}");
    // With uniform weights A wins when the first weight is above 4/7:
    // P = 3/7 = 0,428 6.
    let se = (0.4286f64 * 0.5714 / 5000.0).sqrt();
    assert!((shares[1] - 3.0 / 7.0).abs() < 4.0 * se, "{shares:?}");
}

#[test]
fn the_reference_studys_profiles_disagree_on_the_first_place() {
    let study = crate::model::examples::reference();
    let a = analyse(&study, Metric::PresentValue, 2_000, 1).unwrap();
    assert_eq!(a.profiles.len(), 2);
    let first = |p: usize| study.scenarios[a.profiles[p].first].id.as_str();
    assert_eq!(first(0), "joint", "the project group: joint in-house operation");
    assert_eq!(first(1), "remote", "the project leader: remote operation");
    assert_eq!(a.dissents.len(), 1);
    let (criterion, weight, _) = a.dissents[0].decided_by.unwrap();
    // Put back, that weight makes the two first choices tie.
    let w = with_weight(&a.profiles[0].weights, criterion, weight);
    let v = values(&a.scores, &w);
    let (j, r) = (a.profiles[0].first, a.profiles[1].first);
    assert!((v[j] - v[r]).abs() < 1e-6, "{v:?}");
    // Today's operation scores 0 everywhere; economy ±4 at the furthest.
    assert!(a.scores[0].iter().all(|s| *s == 0.0));
    let economy = study.decision.criteria.iter().position(|c| c.economy).unwrap();
    let extreme = a
        .scores
        .iter()
        .map(|row| row[economy].abs())
        .fold(0.0f64, f64::max);
    assert!((extreme - 4.0).abs() < 1e-12);
    assert!((a.acceptability.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    // Around each profile (weights ±20 %) the shares add up too, and the
    // profile's own first choice is first most often.
    for p in &a.profiles {
        assert!((p.acceptability.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let most = (0..p.acceptability.len())
            .max_by(|x, y| p.acceptability[*x].total_cmp(&p.acceptability[*y]))
            .unwrap();
        assert_eq!(most, p.first, "{}", p.name);
    }
    // Remote operation's 99,5 % service level meets the uptime requirement.
    let uptime = study
        .decision
        .requirements
        .iter()
        .position(|r| r.uptime_percent.is_some())
        .unwrap();
    let remote = study
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == "remote")
        .unwrap();
    assert_eq!(a.compliance[remote][uptime], Meets::Yes);
}
