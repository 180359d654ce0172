//! Edits that touch several parts of a study at once, kept here so that the
//! app, the CLI and tests share one definition: what refers to a member, and
//! removing a member together with everything that refers to it.

use super::{KeyRule, MemberId, Payer, Study};

/// Something in the study that refers to a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// Today's cost of a category.
    Baseline {
        /// Category id.
        category: String,
    },
    /// A weight in a key.
    KeyWeight {
        /// Key name.
        key: String,
    },
    /// Listed as a participant of a scenario.
    Participant {
        /// Scenario name.
        scenario: String,
    },
    /// Pays a line of a scenario alone.
    Payer {
        /// Scenario name.
        scenario: String,
        /// Line label.
        line: String,
    },
}

fn rule_mentions(rule: &KeyRule, member: &MemberId) -> bool {
    match rule {
        KeyRule::Fixed(weights) => weights.contains_key(member),
        KeyRule::Mix(parts) => parts.iter().any(|p| rule_mentions(&p.rule, member)),
        _ => false,
    }
}

fn rule_forget(rule: &mut KeyRule, member: &MemberId) {
    match rule {
        KeyRule::Fixed(weights) => {
            weights.remove(member);
        }
        KeyRule::Mix(parts) => parts.iter_mut().for_each(|p| rule_forget(&mut p.rule, member)),
        _ => {}
    }
}

fn rename_rule(rule: &mut KeyRule, from: &MemberId, to: &MemberId) {
    match rule {
        KeyRule::Fixed(weights) => {
            if let Some(v) = weights.remove(from) {
                weights.insert(to.clone(), v);
            }
        }
        KeyRule::Mix(parts) => parts.iter_mut().for_each(|p| rename_rule(&mut p.rule, from, to)),
        _ => {}
    }
}

impl Study {
    /// Everything that refers to `member` by id (its own data aside).
    #[must_use]
    pub fn references_to(&self, member: &MemberId) -> Vec<Reference> {
        let mut refs = Vec::new();
        for line in &self.baseline.lines {
            if line.amounts_nok.get(member).is_some_and(|a| *a != 0.0) {
                refs.push(Reference::Baseline {
                    category: line.category.0.clone(),
                });
            }
        }
        for key in &self.keys {
            if rule_mentions(&key.rule, member) {
                refs.push(Reference::KeyWeight {
                    key: key.name.clone(),
                });
            }
        }
        for scenario in &self.scenarios {
            if scenario.participants.as_ref().is_some_and(|p| p.contains(member)) {
                refs.push(Reference::Participant {
                    scenario: scenario.name.clone(),
                });
            }
            for line in &scenario.lines {
                if line.payer == Payer::Member(member.clone()) {
                    refs.push(Reference::Payer {
                        scenario: scenario.name.clone(),
                        line: line.label.clone(),
                    });
                }
            }
        }
        refs
    }

    /// Removes the member and every reference to it: its cells of today's
    /// costs and printed totals, its key weights, its place among a
    /// scenario's participants, and lines that only it paid.
    pub fn remove_member(&mut self, member: &MemberId) {
        self.members.retain(|m| &m.id != member);
        for line in &mut self.baseline.lines {
            line.amounts_nok.remove(member);
        }
        self.baseline.printed_member_totals.remove(member);
        self.staffing_printed.members.remove(member);
        for key in &mut self.keys {
            rule_forget(&mut key.rule, member);
        }
        for scenario in &mut self.scenarios {
            if let Some(p) = &mut scenario.participants {
                p.retain(|m| m != member);
            }
            scenario
                .lines
                .retain(|l| l.payer != Payer::Member(member.clone()));
        }
    }

    /// Renames a member's id everywhere it is used.
    pub fn rename_member_id(&mut self, from: &MemberId, to: &MemberId) {
        let rename_map = |map: &mut std::collections::BTreeMap<MemberId, f64>| {
            if let Some(v) = map.remove(from) {
                map.insert(to.clone(), v);
            }
        };
        for m in &mut self.members {
            if &m.id == from {
                m.id = to.clone();
            }
        }
        for line in &mut self.baseline.lines {
            rename_map(&mut line.amounts_nok);
        }
        rename_map(&mut self.baseline.printed_member_totals);
        rename_map(&mut self.staffing_printed.members);
        for key in &mut self.keys {
            rename_rule(&mut key.rule, from, to);
        }
        // Ranges follow the member they are about.
        for range in &mut self.uncertainties {
            use super::InputRef;
            match &mut range.input {
                InputRef::TodaysCost { member, .. }
                | InputRef::Attribute { member, .. }
                | InputRef::Salary { member }
                | InputRef::EmployerTax { member }
                | InputRef::Pension { member }
                | InputRef::KeyWeight { member, .. }
                    if member == from =>
                {
                    *member = to.clone();
                }
                _ => {}
            }
        }
        for scenario in &mut self.scenarios {
            if let Some(p) = &mut scenario.participants {
                for m in p.iter_mut().filter(|m| *m == from) {
                    *m = to.clone();
                }
            }
            for line in &mut scenario.lines {
                if line.payer == Payer::Member(from.clone()) {
                    line.payer = Payer::Member(to.clone());
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::examples::small_study;
    use crate::model::validate;

    #[test]
    fn removing_a_member_leaves_a_valid_study() {
        let mut study = small_study();
        let b = MemberId::new("B");
        study.scenarios[1].participants = Some(vec![MemberId::new("A"), b.clone()]);
        study.scenarios[1].lines[0].payer = Payer::Member(b.clone());
        let refs = study.references_to(&b);
        assert!(refs.contains(&Reference::Participant {
            scenario: "Felles".into()
        }));
        assert!(refs.contains(&Reference::Payer {
            scenario: "Felles".into(),
            line: "Felles drift".into()
        }));
        assert!(refs.contains(&Reference::Baseline {
            category: "staff".into()
        }));
        study.remove_member(&b);
        assert!(study.references_to(&b).is_empty());
        assert!(!validate(&study).has_errors(), "{:?}", validate(&study));
        assert_eq!(study.scenarios[1].lines.len(), 1);
    }

    #[test]
    fn renaming_an_id_follows_every_reference() {
        let mut study = small_study();
        study.keys[0].rule = KeyRule::Fixed([(MemberId::new("A"), 1.0), (MemberId::new("C"), 2.0)].into());
        let (a, z) = (MemberId::new("A"), MemberId::new("Z"));
        study.rename_member_id(&a, &z);
        assert!(study.references_to(&a).is_empty());
        assert!(!study.references_to(&z).is_empty());
        assert!(!validate(&study).has_errors());
    }
}
