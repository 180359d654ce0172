//! Checks of the allocation keys and their rules.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) fn key_definitions(study: &Study, member_ids: &HashSet<&MemberId>, report: &mut Report) {
    ids_unique(report, "kind-key", study.keys.iter().map(|k| k.id.as_str()));
    for key in &study.keys {
        let place = Place::Key {
            key: key.id.clone(),
            name: key.name.clone(),
        };
        if key.id.as_str().trim().is_empty() {
            report.push(&place, Problem::EmptyId { kind: "kind-key" });
        }
        rule_definition(&key.rule, &key.name, &place, member_ids, report);
    }
}

pub(super) fn rule_definition(
    rule: &KeyRule,
    name: &str,
    place: &Place,
    member_ids: &HashSet<&MemberId>,
    report: &mut Report,
) {
    match rule {
        KeyRule::Equal | KeyRule::Proportional(_) | KeyRule::TodaysCost => {}
        KeyRule::Fixed(weights) => {
            for (member, weight) in weights {
                if !member_ids.contains(member) {
                    report.push(place, Problem::UnknownMember { id: member.clone() });
                }
                report.bounded(place, "field-weight", *weight, false, MAX_AMOUNT_NOK);
            }
        }
        KeyRule::Mix(parts) => {
            if parts.is_empty() {
                report.push(place, Problem::KeyEmptyMix { key: name.to_owned() });
            }
            for part in parts {
                report.bounded(place, "field-weight", part.weight, false, MAX_AMOUNT_NOK);
                rule_definition(&part.rule, name, place, member_ids, report);
            }
            if !parts.is_empty() && parts.iter().all(|p| p.weight == 0.0) {
                report.push(place, Problem::KeyAllZero { key: name.to_owned() });
            }
        }
    }
}

/// Fixed-weight rules inside `rule` (also inside mixes) that leave `member` out.
pub(super) fn fixed_without(rule: &KeyRule, member: &MemberId) -> bool {
    match rule {
        KeyRule::Fixed(weights) => weights.get(member).is_none_or(|w| *w == 0.0),
        KeyRule::Mix(parts) => parts
            .iter()
            .any(|p| p.weight > 0.0 && fixed_without(&p.rule, member)),
        _ => false,
    }
}
