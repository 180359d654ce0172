//! Properties of keys and shared costs that must hold for any study.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    clippy::panic,
    missing_docs
)]

use proptest::prelude::*;
use samdrift::engine::{Metric, evaluate};
use samdrift::model::examples::small_study;
use samdrift::model::keys::shares;
use samdrift::model::{Attribute, KeyPart, KeyRule, MemberId, Payer, Quantity, Source, Study};

/// A study with `populations.len()` members, a mixed key and one shared lump
/// sum of `amount` in the joint scenario, with the given participants.
fn study(populations: &[f64], participants: &[bool], amount: f64, weights: (f64, f64)) -> Study {
    let mut study = small_study();
    let template = study.members[0].clone();
    study.members = populations
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut m = template.clone();
            m.id = MemberId::new(format!("M{i}"));
            m.name = format!("Kommune {i}");
            m.population = Some(Quantity {
                value: *p,
                source: Source::default(),
            });
            m
        })
        .collect();
    for line in &mut study.baseline.lines {
        line.amounts_nok = study.members.iter().map(|m| (m.id.clone(), 1000.0)).collect();
    }
    study.keys[0].rule = KeyRule::Mix(vec![
        KeyPart {
            weight: weights.0,
            rule: KeyRule::Equal,
        },
        KeyPart {
            weight: weights.1,
            rule: KeyRule::Proportional(Attribute::Population),
        },
    ]);
    let joint = &mut study.scenarios[1];
    joint.key = Some(study.keys[0].id.clone());
    joint.lines.truncate(1);
    joint.lines[0].amount_nok = amount;
    joint.lines[0].payer = Payer::Shared;
    joint.participants = Some(
        study
            .members
            .iter()
            .zip(participants)
            .filter(|(_, p)| **p)
            .map(|(m, _)| m.id.clone())
            .collect(),
    );
    study
}

fn inputs() -> impl Strategy<Value = (Vec<f64>, Vec<bool>, f64, (f64, f64))> {
    (1usize..12).prop_flat_map(|n| {
        (
            prop::collection::vec(1.0f64..100_000.0, n),
            prop::collection::vec(any::<bool>(), n)
                .prop_filter("someone takes part", |p| p.iter().any(|x| *x)),
            -1.0e7f64..1.0e8,
            (0.0f64..100.0, 0.1f64..100.0),
        )
    })
}

proptest! {
    #[test]
    fn shared_cost_is_split_exactly_and_outsiders_pay_nothing(
        (populations, participants, amount, weights) in inputs()
    ) {
        let study = study(&populations, &participants, amount, weights);
        let e = evaluate(&study).expect("valid");
        let row = &e.summary(Metric::Annual(2030))[1];
        let paid: f64 = row.per_member.iter().flatten().sum();
        prop_assert!((paid - amount).abs() <= 1e-6 * amount.abs().max(1.0), "{paid} vs {amount}");
        for (m, takes_part) in participants.iter().enumerate() {
            prop_assert_eq!(row.per_member[m].is_some(), *takes_part);
            if !takes_part {
                for c in 0..e.categories.len() {
                    prop_assert_eq!(e.cell(1, m, c, 0), 0.0);
                }
            }
        }
    }

    #[test]
    fn key_shares_do_not_depend_on_member_order(
        (populations, participants, _amount, weights) in inputs(),
        seed in any::<u64>()
    ) {
        let study = study(&populations, &participants, 1.0, weights);
        let ids: Vec<MemberId> = study.members.iter().map(|m| m.id.clone()).collect();
        let forward = shares(&study, &study.keys[0].rule, &ids).expect("shares");
        // A deterministic shuffle of the member list and of the query order.
        let mut order: Vec<usize> = (0..ids.len()).collect();
        let mut state = seed;
        for i in (1..order.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let j = usize::try_from(state >> 33).unwrap() % (i + 1);
            order.swap(i, j);
        }
        let mut shuffled = study.clone();
        shuffled.members = order.iter().map(|&i| study.members[i].clone()).collect();
        let shuffled_ids: Vec<MemberId> = order.iter().map(|&i| ids[i].clone()).collect();
        let again = shares(&shuffled, &shuffled.keys[0].rule, &shuffled_ids).expect("shares");
        for (k, &i) in order.iter().enumerate() {
            prop_assert!((again[k] - forward[i]).abs() < 1e-12);
        }
        prop_assert!((forward.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}
