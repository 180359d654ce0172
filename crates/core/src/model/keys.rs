//! Allocation keys evaluated over a scenario's participants.
//!
//! A key's rule gives every participant a raw weight (1 for equal shares, an
//! attribute, today's cost, a fixed number, or a weighted mix of such rules,
//! each part renormalised first). The weights are then renormalised to sum
//! to 1 over the participants; a member outside the scenario gets nothing.
//! Weights that are all zero over the participants are an error, never a
//! division by zero. Validation and the engine share this one function.

use std::collections::HashMap;

use super::{Attribute, CategoryId, KeyRule, MemberId, Study};

/// Why a key cannot be evaluated over a set of participants.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyError {
    /// Every participant weighs 0 (or the weights are not finite).
    AllZero,
    /// One part of a mix (numbered from 1) gives every participant weight
    /// 0, so that part's share cannot be split, while other parts would
    /// still give weight.
    MixPartAllZero(usize),
    /// The rule uses an attribute a participant does not have.
    MissingAttribute {
        /// The member without it.
        member: MemberId,
        /// The attribute.
        attribute: Attribute,
    },
    /// A weight is negative or not a finite number.
    BadWeight,
    /// A mix without parts.
    EmptyMix,
    /// A participant id that is not a member of the study.
    UnknownMember(MemberId),
}

/// Today's cost of all members together, as the figures use it.
#[must_use]
pub fn todays_grand_total(study: &Study) -> f64 {
    study.todays_cells().iter().map(|(_, _, v)| v).sum()
}

/// Today's total cost per category over the members, as the figures use
/// it (a linked salary from the staffing), by category id.
#[must_use]
pub fn todays_cost_by_category(study: &Study) -> HashMap<&CategoryId, f64> {
    let mut totals: HashMap<&CategoryId, f64> = HashMap::new();
    for (category, _, amount) in study.todays_cells() {
        *totals.entry(category).or_insert(0.0) += amount;
    }
    totals
}

/// Today's total cost per member (sum of its baseline lines, a linked
/// salary from the staffing), by member id.
#[must_use]
pub fn todays_cost_by_member(study: &Study) -> HashMap<&MemberId, f64> {
    let mut totals: HashMap<&MemberId, f64> = study.members.iter().map(|m| (&m.id, 0.0)).collect();
    for (_, member, amount) in study.todays_cells() {
        if let Some(total) = totals.get_mut(member) {
            *total += amount;
        }
    }
    totals
}

/// The shares of `participants` under `rule`, in the order given, summing
/// to 1.
///
/// # Errors
/// [`KeyError`] when the shares cannot be computed.
pub fn shares(study: &Study, rule: &KeyRule, participants: &[MemberId]) -> Result<Vec<f64>, KeyError> {
    let weights = raw_weights(study, rule, participants)?;
    normalise(weights)
}

fn normalise(weights: Vec<f64>) -> Result<Vec<f64>, KeyError> {
    if weights.iter().any(|w| !w.is_finite() || *w < 0.0) {
        return Err(KeyError::BadWeight);
    }
    let sum: f64 = weights.iter().sum();
    if !(sum > 0.0 && sum.is_finite()) {
        return Err(KeyError::AllZero);
    }
    Ok(weights.into_iter().map(|w| w / sum).collect())
}

fn raw_weights(study: &Study, rule: &KeyRule, participants: &[MemberId]) -> Result<Vec<f64>, KeyError> {
    match rule {
        KeyRule::Equal => Ok(vec![1.0; participants.len()]),
        KeyRule::Proportional(attribute) => participants
            .iter()
            .map(|id| {
                let member = study
                    .member(id)
                    .ok_or_else(|| KeyError::UnknownMember(id.clone()))?;
                member
                    .attribute(*attribute)
                    .map(|q| q.value)
                    .ok_or_else(|| KeyError::MissingAttribute {
                        member: id.clone(),
                        attribute: *attribute,
                    })
            })
            .collect(),
        KeyRule::TodaysCost => {
            let totals = todays_cost_by_member(study);
            participants
                .iter()
                .map(|id| {
                    totals
                        .get(id)
                        .copied()
                        .ok_or_else(|| KeyError::UnknownMember(id.clone()))
                })
                .collect()
        }
        KeyRule::Fixed(weights) => Ok(participants
            .iter()
            .map(|id| weights.get(id).copied().unwrap_or(0.0))
            .collect()),
        KeyRule::Mix(parts) => {
            if parts.is_empty() {
                return Err(KeyError::EmptyMix);
            }
            let part_weights = normalise(parts.iter().map(|p| p.weight).collect())?;
            let mut combined = vec![0.0; participants.len()];
            for (number, (part, part_weight)) in parts.iter().zip(part_weights).enumerate() {
                if part_weight == 0.0 {
                    continue;
                }
                let part_shares = shares(study, &part.rule, participants).map_err(|e| match e {
                    KeyError::AllZero => KeyError::MixPartAllZero(number + 1),
                    other => other,
                })?;
                for (c, s) in combined.iter_mut().zip(part_shares) {
                    *c += part_weight * s;
                }
            }
            Ok(combined)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::KeyPart;
    use crate::model::examples::small_study;

    fn ids(list: &[&str]) -> Vec<MemberId> {
        list.iter().map(|s| MemberId::new(*s)).collect()
    }

    #[test]
    fn equal_and_proportional_shares() {
        let study = small_study();
        let all = ids(&["A", "B", "C"]);
        assert_eq!(shares(&study, &KeyRule::Equal, &all[..2]), Ok(vec![0.5, 0.5]));
        // Populations 1000, 3000, 6000.
        let pop = shares(&study, &KeyRule::Proportional(Attribute::Population), &all).unwrap();
        assert_eq!(pop, vec![0.1, 0.3, 0.6]);
    }

    #[test]
    fn mix_of_equal_and_population() {
        let study = small_study();
        let all = ids(&["A", "B", "C"]);
        let rule = KeyRule::Mix(vec![
            KeyPart {
                weight: 30.0,
                rule: KeyRule::Equal,
            },
            KeyPart {
                weight: 70.0,
                rule: KeyRule::Proportional(Attribute::Population),
            },
        ]);
        let s = shares(&study, &rule, &all).unwrap();
        let expected = [0.1 + 0.07, 0.1 + 0.21, 0.1 + 0.42];
        for (got, want) in s.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{got} vs {want}");
        }
    }

    #[test]
    fn fixed_weights_renormalise_and_all_zero_is_an_error() {
        let study = small_study();
        let rule = KeyRule::Fixed([(MemberId::new("A"), 1.0), (MemberId::new("B"), 3.0)].into());
        assert_eq!(shares(&study, &rule, &ids(&["A", "B"])), Ok(vec![0.25, 0.75]));
        assert_eq!(shares(&study, &rule, &ids(&["C"])), Err(KeyError::AllZero));
        assert_eq!(shares(&study, &KeyRule::Equal, &[]), Err(KeyError::AllZero));
    }

    #[test]
    fn missing_attribute_is_named() {
        let mut study = small_study();
        study.members[1].population = None;
        let err = shares(
            &study,
            &KeyRule::Proportional(Attribute::Population),
            &ids(&["A", "B"]),
        );
        assert_eq!(
            err,
            Err(KeyError::MissingAttribute {
                member: MemberId::new("B"),
                attribute: Attribute::Population
            })
        );
    }
}
