//! How long a text in a study may be. A name is not a novel: names, labels,
//! ids and codes may have [`NAME_MAX_CHARS`] characters, descriptions, notes
//! and source texts [`TEXT_MAX_CHARS`]. Loading refuses a file with a longer
//! text (naming the place and the limit) and the editors stop typing and
//! pasting at the limit, so no view ever has to lay out megabytes of text.

use super::{Source, Study};

/// Names, labels, ids, codes, dates: characters at most.
pub const NAME_MAX_CHARS: usize = 200;
/// Descriptions, notes and source texts: characters at most.
pub const TEXT_MAX_CHARS: usize = 20_000;

/// A text longer than its limit, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextTooLong {
    /// What holds it: `study`, `member`, `category`, `key`, `scenario`,
    /// `line`, `assumptions`, `group`, `range`, `criterion`, `requirement`,
    /// `profile`, `seat-type`, `fleet` or `workstations` (a message id
    /// `text-place-…` names it).
    pub kind: &'static str,
    /// The id of that thing (cut to 40 characters), empty for the study.
    pub id: String,
    /// The field's name in the file (`name`, `note`, `label`, …).
    pub field: &'static str,
    /// Its length in characters.
    pub chars: usize,
    /// The limit.
    pub max: usize,
}

struct Checker {
    found: Option<TextTooLong>,
}

impl Checker {
    fn check(&mut self, kind: &'static str, id: &str, field: &'static str, text: &str, max: usize) {
        // Bytes bound characters from above: most texts need no count.
        if self.found.is_some() || text.len() <= max {
            return;
        }
        let chars = text.chars().count();
        if chars > max {
            self.found = Some(TextTooLong {
                kind,
                id: id.chars().take(40).collect(),
                field,
                chars,
                max,
            });
        }
    }

    fn source(&mut self, kind: &'static str, id: &str, source: &Source) {
        match source {
            Source::Cited { text, date } => {
                self.check(kind, id, "source", text, TEXT_MAX_CHARS);
                if let Some(date) = date {
                    self.check(kind, id, "date", date, NAME_MAX_CHARS);
                }
            }
            Source::Assumption { note } => self.check(kind, id, "source", note, TEXT_MAX_CHARS),
        }
    }
}

/// The first text of `study` that is longer than its limit, if any.
#[must_use]
pub fn first_text_too_long(study: &Study) -> Option<TextTooLong> {
    let (name, text) = (NAME_MAX_CHARS, TEXT_MAX_CHARS);
    let mut c = Checker { found: None };
    c.check("study", "", "title", &study.title, name);
    c.check("study", "", "description", &study.description, text);
    for m in &study.members {
        let id = m.id.as_str();
        c.check("member", id, "id", id, name);
        c.check("member", id, "name", &m.name, name);
        if let Some(number) = &m.number {
            c.check("member", id, "number", number, name);
        }
        for q in [&m.population, &m.employees, &m.workstations, &m.sites]
            .into_iter()
            .flatten()
        {
            c.source("member", id, &q.source);
        }
        if let Some(salary) = &m.salary {
            c.source("member", id, &salary.source);
        }
        for p in &m.positions {
            c.check("member", id, "role", &p.role, name);
            c.check("member", id, "note", &p.note, text);
            for t in &p.tasks {
                c.check("member", id, "task", &t.task, name);
            }
        }
    }
    for cat in &study.categories {
        let id = cat.id.as_str();
        c.check("category", id, "id", id, name);
        c.check("category", id, "name", &cat.name, name);
        for art in &cat.kostra_art {
            c.check("category", id, "kostra_art", art, name);
        }
    }
    for line in &study.baseline.lines {
        c.check("category", line.category.as_str(), "note", &line.note, text);
    }
    c.source("study", "", &study.baseline.source);
    for role in study.staffing_printed.roles.keys() {
        c.check("study", "", "roles", role, name);
    }
    for k in &study.keys {
        let id = k.id.as_str();
        c.check("key", id, "id", id, name);
        c.check("key", id, "name", &k.name, name);
        c.source("key", id, &k.source);
    }
    for s in &study.scenarios {
        let id = s.id.as_str();
        c.check("scenario", id, "id", id, name);
        c.check("scenario", id, "name", &s.name, name);
        c.check("scenario", id, "note", &s.note, text);
        if let Some(level) = &s.service_level {
            c.source("scenario", id, &level.source);
        }
        for l in &s.lines {
            c.check("line", l.id.as_str(), "id", l.id.as_str(), name);
            c.check("line", l.id.as_str(), "label", &l.label, name);
            c.source("line", l.id.as_str(), &l.source);
        }
    }
    for g in &study.correlation_groups {
        c.check("group", &g.name, "name", &g.name, name);
        c.source("group", &g.name, &g.source);
    }
    for u in &study.uncertainties {
        if let Some(group) = &u.group {
            c.check("range", "", "group", group, name);
        }
        c.source("range", "", &u.source);
    }
    let d = &study.decision;
    for k in &d.criteria {
        c.check("criterion", &k.id, "id", &k.id, name);
        c.check("criterion", &k.id, "name", &k.name, name);
        c.check("criterion", &k.id, "description", &k.description, text);
    }
    for s in &d.scores {
        c.check("criterion", &s.criterion, "criterion", &s.criterion, name);
        c.check("criterion", &s.criterion, "justification", &s.justification, text);
        c.source("criterion", &s.criterion, &s.source);
    }
    for r in &d.requirements {
        c.check("requirement", &r.id, "id", &r.id, name);
        c.check("requirement", &r.id, "name", &r.name, name);
        c.source("requirement", &r.id, &r.source);
    }
    for k in &d.compliance {
        c.check("requirement", &k.requirement, "requirement", &k.requirement, name);
        c.check(
            "requirement",
            &k.requirement,
            "justification",
            &k.justification,
            text,
        );
        c.source("requirement", &k.requirement, &k.source);
    }
    for p in &d.profiles {
        c.check("profile", &p.name, "name", &p.name, name);
        for id in p.weights.keys().chain(p.ranking.iter().flatten()) {
            c.check("profile", &p.name, "weights", id, name);
        }
        c.source("profile", &p.name, &p.source);
    }
    let ws = &study.workstations;
    for t in &ws.seat_types {
        c.check("seat-type", &t.id, "id", &t.id, name);
        c.check("seat-type", &t.id, "name", &t.name, name);
        for param in super::fleet::SeatParam::ALL {
            if let Some(q) = t.param(param) {
                c.source("seat-type", &t.id, &q.source);
            }
        }
    }
    for f in &ws.fleets {
        c.check("fleet", &f.id, "id", &f.id, name);
        c.check("fleet", &f.id, "name", &f.name, name);
        for part in &f.parts {
            c.check("fleet", &f.id, "seat_type", &part.seat_type, name);
        }
    }
    for s in &study.scenarios {
        if let Some(fleet) = &s.fleet {
            c.check("scenario", s.id.as_str(), "fleet", fleet, name);
        }
    }
    c.source("workstations", "", &ws.electricity_price.source);
    c.source("workstations", "", &ws.support_cost_per_hour.source);
    c.check("assumptions", "", "name", &study.assumptions.discount.name, name);
    c.source("assumptions", "", &study.assumptions.discount.source);
    c.found
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::examples::small_study;

    #[test]
    fn names_and_notes_have_their_own_limits() {
        let mut study = small_study();
        assert_eq!(first_text_too_long(&study), None);
        // A name of exactly 200 characters (æ takes two bytes) is fine …
        study.members[1].name = "æ".repeat(NAME_MAX_CHARS);
        assert_eq!(first_text_too_long(&study), None);
        // … one more is not, and the place is named.
        study.members[1].name.push('x');
        let found = first_text_too_long(&study).unwrap();
        assert_eq!(
            (found.kind, found.id.as_str(), found.field),
            ("member", "B", "name")
        );
        assert_eq!((found.chars, found.max), (NAME_MAX_CHARS + 1, NAME_MAX_CHARS));
        // A note may be longer than a name.
        let mut study = small_study();
        study.scenarios[1].note = "n".repeat(5_000);
        assert_eq!(first_text_too_long(&study), None);
        study.scenarios[1].lines[0].label = "l".repeat(5_000_000);
        let found = first_text_too_long(&study).unwrap();
        assert_eq!(
            (found.kind, found.field, found.chars),
            ("line", "label", 5_000_000)
        );
    }
}
