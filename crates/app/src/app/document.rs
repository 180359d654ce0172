//! The open document: the study, where it lives on disk, and its undo
//! history. Every change to the study goes through [`Document::apply`] with
//! an [`Edit`]; that is what makes undo/redo and the unsaved-changes mark
//! exact. The history is never saved.

use std::path::PathBuf;

use crate::model::{Assumptions, Category, CategoryId, Key, Member, MemberId, Scenario, Study};

/// How many steps of undo are kept.
const UNDO_LIMIT: usize = 200;
/// Edits of the same widget closer together than this (seconds) are one
/// undo step: a whole drag is one step.
const MERGE_SECONDS: f64 = 1.0;

/// One change to the study.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// The study's title.
    SetTitle(String),
    /// Replace a member's data (not its id; see [`Edit::RenameMemberId`]),
    /// named by its id: a second edit in the same frame, after a removal,
    /// still finds it.
    SetMember(MemberId, Member),
    /// Change a member's id everywhere it is used.
    RenameMemberId(MemberId, MemberId),
    /// Add a member at the end.
    AddMember(Member),
    /// Remove a member and everything that refers to it.
    RemoveMember(MemberId),
    /// Replace a category, named by its id.
    SetCategory(CategoryId, Category),
    /// Today's cost of one category for one member.
    SetBaselineAmount {
        /// Category.
        category: CategoryId,
        /// Member.
        member: MemberId,
        /// NOK per year.
        amount_nok: f64,
    },
    /// Replace a key, named by its id.
    SetKey(crate::model::KeyId, Key),
    /// Add a key.
    AddKey(Key),
    /// Remove a key, named by its id.
    RemoveKey(crate::model::KeyId),
    /// Replace a scenario, named by its id.
    SetScenario(crate::model::ScenarioId, Scenario),
    /// Insert a scenario at a position.
    InsertScenario(usize, Scenario),
    /// Remove a scenario, named by its id.
    RemoveScenario(crate::model::ScenarioId),
    /// Replace the assumptions.
    SetAssumptions(Assumptions),
    /// Replace the whole study (an import, for instance) as one step.
    ReplaceStudy(Box<Study>),
    /// Replace the criteria, requirements and profiles.
    SetDecision(crate::model::decision::Decision),
    /// The currency of every amount in the study.
    SetCurrency(crate::model::Currency),
    /// The language of the study's exports (`None`: the user's).
    SetExportLanguage(Option<crate::lang::Lang>),
    /// Replace the seat types and fleets.
    SetWorkstations(crate::model::fleet::Workstations),
    /// Put a range on an input, replace its range, or (with `None`) remove it.
    SetRange(
        crate::model::InputRef,
        Option<crate::model::uncertainty::Uncertainty>,
    ),
}

fn apply_edit(study: &mut Study, edit: Edit) {
    match edit {
        Edit::SetTitle(title) => study.title = title,
        Edit::SetMember(id, mut member) => {
            if let Some(salary) = &mut member.salary {
                crate::model::presets::forget_edited_employer_tax_preset(salary);
            }
            if let Some(slot) = study.members.iter_mut().find(|m| m.id == id) {
                *slot = member;
            }
        }
        Edit::RenameMemberId(from, to) => study.rename_member_id(&from, &to),
        Edit::AddMember(member) => study.members.push(member),
        Edit::RemoveMember(id) => study.remove_member(&id),
        Edit::SetCategory(id, category) => {
            if let Some(slot) = study.categories.iter_mut().find(|c| c.id == id) {
                *slot = category;
            }
        }
        Edit::SetBaselineAmount {
            category,
            member,
            amount_nok,
        } => match study.baseline.lines.iter_mut().find(|l| l.category == category) {
            Some(line) => {
                line.amounts_nok.insert(member, amount_nok);
            }
            None => study.baseline.lines.push(crate::model::BaselineLine {
                category,
                amounts_nok: [(member, amount_nok)].into(),
                printed_total: None,
                note: String::new(),
            }),
        },
        Edit::SetKey(id, key) => {
            if let Some(slot) = study.keys.iter_mut().find(|k| k.id == id) {
                *slot = key;
            }
        }
        Edit::AddKey(key) => study.keys.push(key),
        Edit::RemoveKey(id) => study.keys.retain(|k| k.id != id),
        Edit::SetScenario(id, scenario) => {
            if let Some(slot) = study.scenarios.iter_mut().find(|s| s.id == id) {
                *slot = scenario;
            }
        }
        Edit::InsertScenario(i, scenario) => study.scenarios.insert(i.min(study.scenarios.len()), scenario),
        Edit::RemoveScenario(id) => study.scenarios.retain(|s| s.id != id),
        Edit::SetAssumptions(mut a) => {
            crate::model::presets::forget_edited_discount_preset(&mut a.discount);
            study.assumptions = a;
        }
        Edit::ReplaceStudy(s) => *study = *s,
        Edit::SetDecision(decision) => study.decision = decision,
        Edit::SetCurrency(currency) => study.currency = currency,
        Edit::SetExportLanguage(lang) => study.language = lang,
        Edit::SetWorkstations(workstations) => study.workstations = workstations,
        Edit::SetRange(input, range) => {
            let position = study.uncertainties.iter().position(|u| u.input == input);
            match (position, range) {
                (Some(i), Some(range)) => study.uncertainties[i] = range,
                (Some(i), None) => {
                    study.uncertainties.remove(i);
                }
                (None, Some(range)) => study.uncertainties.push(range),
                (None, None) => {}
            }
        }
    }
}

/// The study being edited, with its file and history.
#[derive(Debug, Clone)]
pub struct Document {
    /// The study as it is now.
    pub study: Study,
    /// The file it was opened from or saved to; `None` for a new or the
    /// built-in study.
    pub path: Option<PathBuf>,
    /// That file as it was when opened or last saved here: if it differs
    /// at the next save, somebody else has written it since.
    pub disk: Option<crate::io::atomic::FileStamp>,
    /// The file had comments written by hand that a save will not keep
    /// (said once, at the first save).
    pub hand_comments: bool,
    /// The built-in reference study (the title says so), not a new one.
    pub builtin: bool,
    saved: Study,
    /// A ring: the oldest step goes when the limit is reached.
    undo: std::collections::VecDeque<Study>,
    redo: Vec<Study>,
    last_merge: Option<(u64, f64)>,
    dirty: bool,
    revision: u64,
}

impl Document {
    /// A document for a study just opened (or created): nothing to undo,
    /// nothing unsaved.
    #[must_use]
    pub fn new(study: Study, path: Option<PathBuf>) -> Document {
        Document {
            saved: study.clone(),
            disk: path.as_deref().and_then(crate::io::atomic::FileStamp::of),
            hand_comments: false,
            builtin: false,
            study,
            path,
            undo: std::collections::VecDeque::new(),
            redo: Vec::new(),
            last_merge: None,
            dirty: false,
            revision: 0,
        }
    }

    /// A document for a study restored from a recovery copy: its changes
    /// are not saved (until the user saves them).
    #[must_use]
    pub fn recovered(study: Study, path: Option<PathBuf>) -> Document {
        let mut doc = Document::new(study, path);
        // In memory the version is always current, so this never equals
        // the study: the document stays unsaved until it is saved.
        doc.saved.version = 0;
        doc.dirty = true;
        doc
    }

    /// Counts every change (edit, undo, redo), for the recovery copy.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the study differs from the one last opened or saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Applies an edit as one undo step, or as part of the previous step
    /// when `merge` names the same widget within a second (`now` in seconds).
    /// Returns false when the edit changed nothing.
    pub fn apply(&mut self, edit: Edit, merge: Option<u64>, now: f64) -> bool {
        let mut next = self.study.clone();
        apply_edit(&mut next, edit);
        // A new or duplicated cost line gets its id here, in the same step.
        next.assign_line_ids();
        next.assign_colours();
        if next == self.study {
            return false;
        }
        let merging = match (merge, self.last_merge) {
            (Some(id), Some((last_id, at))) => id == last_id && now - at < MERGE_SECONDS,
            _ => false,
        };
        if merging {
            self.study = next;
        } else {
            self.undo.push_back(std::mem::replace(&mut self.study, next));
            if self.undo.len() > UNDO_LIMIT {
                self.undo.pop_front();
            }
        }
        self.last_merge = merge.map(|id| (id, now));
        self.redo.clear();
        self.dirty = self.study != self.saved;
        self.revision += 1;
        true
    }

    /// Undoes the last step. Returns false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop_back() else {
            return false;
        };
        self.redo.push(std::mem::replace(&mut self.study, previous));
        self.last_merge = None;
        self.dirty = self.study != self.saved;
        self.revision += 1;
        true
    }

    /// Redoes the last undone step. Returns false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else { return false };
        self.undo.push_back(std::mem::replace(&mut self.study, next));
        self.last_merge = None;
        self.dirty = self.study != self.saved;
        self.revision += 1;
        true
    }

    /// Whether there is something to undo / redo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records that the study was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved = self.study.clone();
        self.disk = crate::io::atomic::FileStamp::of(&path);
        self.path = Some(path);
        self.dirty = false;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::examples::small_study;

    fn set_amount(doc: &mut Document, amount: f64, merge: Option<u64>, now: f64) {
        let mut s = doc.study.scenarios[1].clone();
        s.lines[0].amount_nok = amount;
        doc.apply(Edit::SetScenario(s.id.clone(), s), merge, now);
    }

    #[test]
    fn undo_redo_and_dirty_mark() {
        let mut doc = Document::new(small_study(), None);
        assert!(!doc.is_dirty() && !doc.can_undo());
        set_amount(&mut doc, 1.0, None, 0.0);
        set_amount(&mut doc, 2.0, None, 0.1);
        assert!(doc.is_dirty());
        assert!(doc.undo());
        assert_eq!(doc.study.scenarios[1].lines[0].amount_nok, 1.0);
        assert!(doc.undo());
        assert!(!doc.is_dirty(), "back to the saved study");
        assert!(!doc.undo());
        assert!(doc.redo() && doc.redo() && !doc.redo());
        assert_eq!(doc.study.scenarios[1].lines[0].amount_nok, 2.0);
    }

    #[test]
    fn the_oldest_steps_go_when_the_ring_is_full() {
        // 205 edits (amounts 1 … 205): the ring keeps the last 200 steps, so
        // undoing all of them ends at amount 5 (the study after edit 5),
        // not at the study as opened.
        let mut doc = Document::new(small_study(), None);
        for i in 1..=UNDO_LIMIT + 5 {
            set_amount(&mut doc, i as f64, None, i as f64);
        }
        let mut undone = 0;
        while doc.undo() {
            undone += 1;
        }
        assert_eq!(undone, UNDO_LIMIT);
        assert_eq!(doc.study.scenarios[1].lines[0].amount_nok, 5.0);
        assert!(doc.redo());
        assert_eq!(doc.study.scenarios[1].lines[0].amount_nok, 6.0);
    }

    #[test]
    fn a_second_edit_after_a_removal_lands_on_its_own_row() {
        // Two commands in one frame: remove the first scenario (today's
        // operation), then rename the joint one. Named by index (1) the
        // rename would have hit the row after it; named by id it finds its
        // own scenario.
        let mut doc = Document::new(small_study(), None);
        let today = doc.study.scenarios[0].id.clone();
        let mut joint = doc.study.scenarios[1].clone();
        joint.name = "Felles".to_owned();
        doc.apply(Edit::RemoveScenario(today), None, 0.0);
        doc.apply(Edit::SetScenario(joint.id.clone(), joint.clone()), None, 0.0);
        assert_eq!(doc.study.scenarios.len(), 1);
        assert_eq!(doc.study.scenarios[0], joint);
        // The same for members: remove A, then edit C (was index 2).
        let (a, c) = (doc.study.members[0].id.clone(), doc.study.members[2].clone());
        let mut renamed = c.clone();
        renamed.name = "Kommune C endret".to_owned();
        doc.apply(Edit::RemoveMember(a), None, 0.0);
        doc.apply(Edit::SetMember(c.id.clone(), renamed.clone()), None, 0.0);
        assert_eq!(doc.study.members[1], renamed);
        // An id that is gone changes nothing.
        let before = doc.study.clone();
        assert!(!doc.apply(Edit::SetMember(MemberId::new("A"), renamed), None, 0.0));
        assert_eq!(doc.study, before);
    }

    #[test]
    fn a_drag_is_one_step() {
        let mut doc = Document::new(small_study(), None);
        for (i, t) in [0.0, 0.1, 0.2, 0.3].iter().enumerate() {
            set_amount(&mut doc, f64::from(u32::try_from(i).unwrap()) + 10.0, Some(7), *t);
        }
        // A later edit of the same widget is a new step.
        set_amount(&mut doc, 99.0, Some(7), 5.0);
        assert!(doc.undo());
        assert_eq!(doc.study.scenarios[1].lines[0].amount_nok, 13.0);
        assert!(doc.undo());
        assert_eq!(doc.study, small_study());
    }

    #[test]
    fn no_op_edits_are_not_steps() {
        let mut doc = Document::new(small_study(), None);
        let same = doc.study.scenarios[1].clone();
        assert!(!doc.apply(Edit::SetScenario(same.id.clone(), same), None, 0.0));
        assert!(!doc.can_undo() && !doc.is_dirty());
    }
}
