//! Beyond kroner: the criteria a choice is judged by, each scenario's score
//! on them, the requirements every solution must meet, and the weight
//! profiles of the people who disagree (`docs/DESIGN.md`, "Criterion and
//! profile"). Scores use the nine-step scale of DFØ's guide, `−4` (`− − − −`)
//! to `+4` (`+ + + +`), against today's operation (0 by definition).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{ScenarioId, Source};

/// Everything the decision needs besides the figures.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// What the choice is judged by, in display order.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// Scores of scenarios on the criteria that are not economy.
    #[serde(default)]
    pub scores: Vec<Score>,
    /// What any solution must meet.
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// Whether each scenario meets each requirement.
    #[serde(default)]
    pub compliance: Vec<Compliance>,
    /// Stakeholders' weights over the criteria.
    #[serde(default)]
    pub profiles: Vec<Profile>,
}

impl Decision {
    /// True when nothing is given.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty() && self.requirements.is_empty() && self.profiles.is_empty()
    }

    /// The score of a scenario on a criterion, if given.
    #[must_use]
    pub fn score(&self, scenario: &ScenarioId, criterion: &str) -> Option<&Score> {
        self.scores
            .iter()
            .find(|s| &s.scenario == scenario && s.criterion == criterion)
    }
}

/// Something the choice is judged by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Unique id.
    pub id: String,
    /// Name as shown.
    pub name: String,
    /// What it means.
    #[serde(default)]
    pub description: String,
    /// Scored from the figures (the chosen metric), not by hand.
    #[serde(default)]
    pub economy: bool,
}

/// A scenario's score on one criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// The scenario.
    pub scenario: ScenarioId,
    /// The criterion's id.
    pub criterion: String,
    /// −4 … +4 against today's operation.
    pub score: i32,
    /// Why.
    #[serde(default)]
    pub justification: String,
    /// Where the score comes from.
    #[serde(default)]
    pub source: Source,
}

/// A must-have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Unique id.
    pub id: String,
    /// Name as shown.
    pub name: String,
    /// The guaranteed uptime it asks for, percent: checked against each
    /// scenario's service level where one is given.
    #[serde(default)]
    pub uptime_percent: Option<f64>,
    /// Where the requirement comes from.
    #[serde(default)]
    pub source: Source,
}

/// Whether a scenario meets a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Meets {
    /// It does.
    Yes,
    /// It does not: the scenario is marked in every ranking.
    No,
    /// Not known.
    Unknown,
}

/// A scenario against a requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Compliance {
    /// The scenario.
    pub scenario: ScenarioId,
    /// The requirement's id.
    pub requirement: String,
    /// Meets it?
    pub meets: Meets,
    /// Why.
    #[serde(default)]
    pub justification: String,
    /// Where it comes from.
    #[serde(default)]
    pub source: Source,
}

/// A stakeholder's weights over the criteria.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Name, e.g. "Prosjektgruppa".
    pub name: String,
    /// Percent per criterion id (normalised when used).
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
    /// Instead of numbers: criterion ids from most to least important
    /// (rank-order centroid weights).
    #[serde(default)]
    pub ranking: Option<Vec<String>>,
    /// Where the weights come from.
    #[serde(default)]
    pub source: Source,
}
