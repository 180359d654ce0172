//! The study document: plain serde types, nothing else.
//!
//! A [`Study`] is everything a user opens and saves: the member
//! municipalities with their attributes and staffing, the cost categories,
//! today's costs, the allocation keys, the scenarios with their cost lines and
//! the assumptions. The meaning of every field is defined in `docs/DESIGN.md` §1;
//! the file format (RON, versioned) lives in [`crate::io::study_file`], the
//! checks in [`validate`] and the arithmetic in [`crate::engine`].
//!
//! Units are in the names: `amount_nok`, `percent_of_fte`, `horizon_years`.
//! Percentages are stored as percent (`22.28`), never as fractions.
//!
//! (Long on purpose: these are the file format's types, kept together so
//! that they read like `docs/FILE_FORMAT.md`; the parts with logic of their
//! own live in `fleet`, `keys`, `inputs`, `uncertainty` and `validate`.)

pub mod bounds;
pub mod budget;
pub mod decision;
pub mod edit;
pub mod examples;
pub mod fleet;
pub mod inputs;
pub mod keys;
pub mod limits;
pub mod organisation;
pub mod presets;
pub mod uncertainty;
pub mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use inputs::{InputLabel, InputRef, Usage, usage};
pub use validate::{Issue, Place, Problem, Report, Severity, validate};

/// The format version this build writes. See `docs/FILE_FORMAT.md`.
pub const FORMAT_VERSION: u32 = 3;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Makes an id from text.
            #[must_use]
            pub fn new(text: impl Into<String>) -> Self {
                Self(text.into())
            }
            /// The id as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Short unique id of a member municipality, e.g. `"G"`.
    MemberId
);
id_type!(
    /// Unique id of a cost category, e.g. `"communications"`.
    CategoryId
);
id_type!(
    /// Unique id of an allocation key.
    KeyId
);
id_type!(
    /// Unique id of a scenario.
    ScenarioId
);
id_type!(
    /// Id of a cost line, unique within its scenario (e.g. `"l3"`). Ranges
    /// and other references to a line's inputs name it by scenario and line
    /// id, so it never changes once given. Empty means "not yet given":
    /// loading a file and every edit in the app give such lines a fresh id
    /// ([`Study::assign_line_ids`]).
    LineId
);

impl LineId {
    /// True when the line has no id yet.
    #[must_use]
    pub fn is_unassigned(&self) -> bool {
        self.0.is_empty()
    }
}

// The id macro derives no Default for the other ids on purpose.
#[allow(clippy::derivable_impls)]
impl Default for LineId {
    fn default() -> Self {
        LineId(String::new())
    }
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Study {
    /// File format version; always [`FORMAT_VERSION`] in memory.
    pub version: u32,
    /// Title shown in the window and on exports.
    pub title: String,
    /// Free text: what the study is for, where its figures come from.
    #[serde(default)]
    pub description: String,
    /// The member municipalities, in display order.
    pub members: Vec<Member>,
    /// Kinds of cost, in display order.
    pub categories: Vec<Category>,
    /// Today's operation as the members report it.
    pub baseline: Baseline,
    /// Totals a source printed for the staffing table (checked, never used).
    #[serde(default)]
    pub staffing_printed: StaffingPrinted,
    /// Allocation keys for shared costs.
    pub keys: Vec<Key>,
    /// Ways of operating, compared side by side.
    pub scenarios: Vec<Scenario>,
    /// Years, growth and discounting.
    pub assumptions: Assumptions,
    /// Ranges on inputs, for the uncertainty analysis (none: every figure
    /// is taken as certain).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertainties: Vec<uncertainty::Uncertainty>,
    /// Groups of uncertain inputs that move together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correlation_groups: Vec<uncertainty::CorrelationGroup>,
    /// Criteria, requirements and stakeholder profiles.
    #[serde(default, skip_serializing_if = "decision::Decision::is_empty")]
    pub decision: decision::Decision,
    /// The currency every amount is in (default: Norwegian kroner).
    #[serde(default, skip_serializing_if = "Currency::is_nok")]
    pub currency: Currency,
    /// The language the study's exports are written in when none is asked
    /// for (default: the user's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::lang::Lang>,
    /// Seat types and the fleets scenarios run (none: no workstations are
    /// priced).
    #[serde(default, skip_serializing_if = "fleet::Workstations::is_empty")]
    pub workstations: fleet::Workstations,
}

/// The currency of a study's amounts: kroner, all three, so the screen says
/// `kr` and the code is added where a reader could wonder (the briefing's
/// heading, the inputs table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    /// Norwegian kroner.
    #[default]
    Nok,
    /// Swedish kronor.
    Sek,
    /// Danish kroner.
    Dkk,
}

impl Currency {
    /// Every currency, in menu order.
    pub const ALL: [Currency; 3] = [Currency::Nok, Currency::Sek, Currency::Dkk];

    /// The ISO 4217 code: `NOK`, `SEK` or `DKK`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Currency::Nok => "NOK",
            Currency::Sek => "SEK",
            Currency::Dkk => "DKK",
        }
    }

    // serde's `skip_serializing_if` passes a reference.
    #[allow(clippy::trivially_copy_pass_by_ref)]
    fn is_nok(&self) -> bool {
        *self == Currency::Nok
    }
}

/// Where a figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Source {
    /// From a document: its description and, if known, its date.
    Cited {
        /// What the source is, e.g. "Briefing 10.10.2006, slide 7".
        text: String,
        /// When the figure was valid or published (free text, ISO preferred).
        #[serde(default)]
        date: Option<String>,
    },
    /// Not from a source: somebody's assumption, with a note on why.
    Assumption {
        /// Why this figure, and where such figures come from.
        #[serde(default)]
        note: String,
    },
}

impl Default for Source {
    fn default() -> Self {
        Source::Assumption { note: String::new() }
    }
}

impl Source {
    /// True when the figure is an assumption rather than from a source.
    #[must_use]
    pub fn is_assumption(&self) -> bool {
        matches!(self, Source::Assumption { .. })
    }

    /// True for an assumption without a note (what a left-out source
    /// reads as; not written back).
    #[must_use]
    pub fn is_blank(&self) -> bool {
        matches!(self, Source::Assumption { note } if note.is_empty())
    }
}

/// A number with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// The value.
    pub value: f64,
    /// Where it comes from.
    #[serde(default)]
    pub source: Source,
}

/// A member attribute that keys and drivers can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Attribute {
    /// Inhabitants.
    Population,
    /// Employees who use IT.
    Employees,
    /// Workstations (seats).
    Workstations,
    /// Sites (buildings with IT).
    Sites,
}

impl Attribute {
    /// Every attribute, in display order.
    pub const ALL: [Attribute; 4] = [
        Attribute::Population,
        Attribute::Employees,
        Attribute::Workstations,
        Attribute::Sites,
    ];

    /// Position in [`Attribute::ALL`], for per-attribute tables.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The message id of the attribute's name in the translation files.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            Attribute::Population => "attribute-population",
            Attribute::Employees => "attribute-employees",
            Attribute::Workstations => "attribute-workstations",
            Attribute::Sites => "attribute-sites",
        }
    }
}

/// A member municipality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Short unique id, e.g. `"G"`.
    pub id: MemberId,
    /// Name, e.g. "Gratangen".
    pub name: String,
    /// Official municipality number, e.g. `"1919"`.
    #[serde(default)]
    pub number: Option<String>,
    /// Inhabitants.
    #[serde(default)]
    pub population: Option<Quantity>,
    /// Employees who use IT.
    #[serde(default)]
    pub employees: Option<Quantity>,
    /// Workstations (seats).
    #[serde(default)]
    pub workstations: Option<Quantity>,
    /// Sites.
    #[serde(default)]
    pub sites: Option<Quantity>,
    /// Salary and social-cost parameters for the member's IT staff.
    #[serde(default)]
    pub salary: Option<Salary>,
    /// IT positions today.
    #[serde(default)]
    pub positions: Vec<Position>,
}

impl Member {
    /// The attribute's value with its source, if the study gives it.
    #[must_use]
    pub fn attribute(&self, attribute: Attribute) -> Option<&Quantity> {
        match attribute {
            Attribute::Population => self.population.as_ref(),
            Attribute::Employees => self.employees.as_ref(),
            Attribute::Workstations => self.workstations.as_ref(),
            Attribute::Sites => self.sites.as_ref(),
        }
    }

    /// What the staffing costs a year: filled FTE × salary with social
    /// costs (0 without a salary).
    #[must_use]
    pub fn staffing_salary_nok(&self) -> f64 {
        self.salary
            .as_ref()
            .map_or(0.0, |s| self.filled_fte() * s.with_social_costs_nok_per_fte())
    }

    /// Full-time equivalents filled today (sum of filled percentages / 100).
    #[must_use]
    pub fn filled_fte(&self) -> f64 {
        self.positions
            .iter()
            .map(|p| p.filled_percent_of_fte)
            .sum::<f64>()
            / 100.0
    }
}

/// Salary and social costs per full-time equivalent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// Annual salary per full-time equivalent, NOK.
    pub nok_per_fte: f64,
    /// Employer's national insurance contribution (zone rate), percent.
    pub employer_tax_percent: f64,
    /// Pension contribution, percent of salary.
    pub pension_percent: f64,
    /// Where the figures come from.
    #[serde(default)]
    pub source: Source,
    /// When set, the member's cost of this category in today's operation
    /// is derived from the staffing (filled FTE × salary with social
    /// costs) instead of the amount typed in today's costs, so a change to
    /// the salary or the staffing moves today's figures. Optional: absent
    /// in older files, which keep their meaning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today_category: Option<CategoryId>,
}

impl Salary {
    /// Salary including social costs per FTE: the pension is paid on the
    /// salary and the employer tax on salary plus pension.
    #[must_use]
    pub fn with_social_costs_nok_per_fte(&self) -> f64 {
        Salary::with_social_costs(self.nok_per_fte, self.employer_tax_percent, self.pension_percent)
    }

    /// Salary with social costs from its three numbers: the pension on the
    /// salary, the employer tax on salary plus pension. The one formula the
    /// engines, the organisation and the views share.
    #[must_use]
    pub fn with_social_costs(nok_per_fte: f64, employer_tax_percent: f64, pension_percent: f64) -> f64 {
        nok_per_fte * (1.0 + pension_percent / 100.0) * (1.0 + employer_tax_percent / 100.0)
    }
}

/// An IT position of a member today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Role, e.g. "IKT-ansvarlig".
    pub role: String,
    /// Percent of a full-time position authorised.
    pub authorised_percent_of_fte: f64,
    /// Percent of a full-time position filled.
    pub filled_percent_of_fte: f64,
    /// How the filled position is spent; empty when the source does not say.
    /// When given, the shares must add up to the filled percentage.
    #[serde(default)]
    pub tasks: Vec<TaskShare>,
    /// Remarks, e.g. a footnote of the source.
    #[serde(default)]
    pub note: String,
}

impl Position {
    /// Sum of the task shares, percent of a position.
    #[must_use]
    pub fn tasks_percent(&self) -> f64 {
        self.tasks.iter().map(|t| t.percent_of_fte).sum()
    }

    /// True when no breakdown is given or the task shares add up to the
    /// filled percentage (to a hundredth of a percent).
    #[must_use]
    pub fn tasks_add_up(&self) -> bool {
        self.tasks.is_empty() || (self.tasks_percent() - self.filled_percent_of_fte).abs() <= 0.01
    }
}

/// Part of a position spent on one task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskShare {
    /// The task, e.g. "Driftsoppgaver".
    pub task: String,
    /// Percent of a full-time position spent on it.
    pub percent_of_fte: f64,
}

/// How a cost changes over the years in real terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Growth {
    /// Follows real wage growth.
    Wages,
    /// Follows real price growth.
    Prices,
    /// Constant in real terms.
    #[default]
    None,
}

/// A kind of cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Unique id.
    pub id: CategoryId,
    /// Name as shown, e.g. "Kommunikasjon".
    pub name: String,
    /// KOSTRA account codes ("art") that belong here, e.g. `["130"]`.
    #[serde(default)]
    pub kostra_art: Vec<String>,
    /// How today's costs of this category grow over the years.
    #[serde(default)]
    pub growth: Growth,
}

/// Today's operation: cost lines by category, per member.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// One line per category; a member missing from a line has 0.
    pub lines: Vec<BaselineLine>,
    /// Column sums as a source printed them, per member (checked only).
    #[serde(default)]
    pub printed_member_totals: BTreeMap<MemberId, f64>,
    /// Grand total as a source printed it (checked only).
    #[serde(default)]
    pub printed_grand_total: Option<f64>,
    /// Where today's figures come from.
    #[serde(default)]
    pub source: Source,
}

/// Today's cost of one category, per member, NOK per year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineLine {
    /// The category.
    pub category: CategoryId,
    /// NOK per year per member.
    pub amounts_nok: BTreeMap<MemberId, f64>,
    /// The row total a source printed (checked, never used).
    #[serde(default)]
    pub printed_total: Option<f64>,
    /// Remarks.
    #[serde(default)]
    pub note: String,
}

impl BaselineLine {
    /// The line's total over the members, NOK per year.
    #[must_use]
    pub fn total_nok(&self) -> f64 {
        self.amounts_nok.values().sum()
    }
}

/// Totals a source printed for the staffing table, in percent of a position.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffingPrinted {
    /// Per role, summed over members (authorised percent).
    #[serde(default)]
    pub roles: BTreeMap<String, f64>,
    /// Per member, summed over roles (authorised percent).
    #[serde(default)]
    pub members: BTreeMap<MemberId, f64>,
    /// Over everything.
    #[serde(default)]
    pub grand: Option<f64>,
}

/// How a shared cost is split among a scenario's participants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    /// Unique id.
    pub id: KeyId,
    /// Name as shown.
    pub name: String,
    /// The rule.
    pub rule: KeyRule,
    /// Where the key comes from.
    #[serde(default)]
    pub source: Source,
}

/// The rule of a key. Every rule is evaluated over a scenario's participants
/// and renormalised to sum to 1 over them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum KeyRule {
    /// Equal shares.
    Equal,
    /// Proportional to a member attribute.
    Proportional(Attribute),
    /// Proportional to each member's total cost today.
    TodaysCost,
    /// Fixed weights per member (any scale; a missing member weighs 0).
    Fixed(BTreeMap<MemberId, f64>),
    /// A weighted mix of rules, e.g. 30 % equal + 70 % population.
    Mix(Vec<KeyPart>),
}

impl KeyRule {
    /// Whether the rule names members (fixed weights, also inside a mix):
    /// such a key belongs to the study whose members it names.
    #[must_use]
    pub fn names_members(&self) -> bool {
        match self {
            KeyRule::Fixed(_) => true,
            KeyRule::Mix(parts) => parts.iter().any(|p| p.rule.names_members()),
            KeyRule::Equal | KeyRule::Proportional(_) | KeyRule::TodaysCost => false,
        }
    }
}

/// One part of a mixed key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyPart {
    /// Weight of this part (any scale, usually percent).
    pub weight: f64,
    /// The part's rule.
    pub rule: KeyRule,
}

/// The kind of a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ScenarioKind {
    /// Today's operation: the baseline costs, plus any lines of its own.
    Today,
    /// Joint in-house operation.
    JointInHouse,
    /// Joint in-house operation with thin clients.
    ThinClients,
    /// Operation outsourced to an external centre.
    Hosting,
    /// Anything else.
    Custom,
}

/// One way of operating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Unique id.
    pub id: ScenarioId,
    /// Name as shown.
    pub name: String,
    /// Kind.
    pub kind: ScenarioKind,
    /// Participating members; `None` means all members.
    #[serde(default)]
    pub participants: Option<Vec<MemberId>>,
    /// Key for shared lines; needed when a line is shared.
    #[serde(default)]
    pub key: Option<KeyId>,
    /// The scenario's own cost lines.
    #[serde(default)]
    pub lines: Vec<CostLine>,
    /// The availability a provider guarantees (outsourced hosting).
    #[serde(default)]
    pub service_level: Option<ServiceLevel>,
    /// Remarks.
    #[serde(default)]
    pub note: String,
    /// The workstation fleet it runs (an id of the study's fleets); its
    /// seats become cost lines paid by each member for its own. Left out,
    /// an option runs today's operation's fleet (see [`Study::fleet_of`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fleet: Option<String>,
    /// Its colour in charts (an index into the palette), kept when other
    /// scenarios are added, removed or reordered; given on load to a
    /// scenario without one. Today's operation is always grey.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<u8>,
    /// The share of VAT on purchases that is not compensated (a joint body
    /// selling in competition with private suppliers,
    /// merverdiavgiftskompensasjonsloven § 4), percent; left out, 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub vat_not_compensated_percent: f64,
    /// What a member who leaves pays or receives (notice, settlement);
    /// left out, no notice and no settlement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<Terms>,
    /// Exits a council asked about ("what if Salangen gave notice in
    /// 2009?"): the briefing states each one, what it would cost the leaver
    /// and the others. Left out, none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exit_questions: Vec<ExitQuestion>,
    /// How the option is organised (host municipality, IKS, …): who employs
    /// the joint staff and the body's own overhead. Left out, none: shared
    /// lines cost what they say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<organisation::Organisation>,
}

/// An exit the briefing states: `member` gives notice in `notice_year`,
/// with the scenario's notice or `notice_years` instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExitQuestion {
    /// The member who leaves (it takes part in the scenario).
    pub member: MemberId,
    /// The year it gives notice (one of the years analysed).
    pub notice_year: i32,
    /// Years of notice instead of the terms' (left out: the terms').
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_years: Option<u32>,
}

/// The terms of leaving a scenario's cooperation (as an IKS agreement
/// states them under IKS-loven § 30: notice, and a settlement of the
/// leaver's share of the joint body's assets and debts, or a fee).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// Years of notice: a member who gives notice in year Y is out from
    /// Y + notice (and pays as a member until then).
    #[serde(default)]
    pub notice_years: u32,
    /// The joint assets' value when the scenario starts, kr, written down
    /// straight-line over `asset_lifetime_years`: a leaver receives its
    /// key share of what is left when it is out.
    #[serde(default)]
    pub assets_nok: f64,
    /// The assets' lifetime in years (5 when left out: IT equipment and
    /// software, KRS).
    #[serde(default = "Terms::default_lifetime")]
    pub asset_lifetime_years: u32,
    /// The joint body's loans when the scenario starts, kr, repaid in equal
    /// instalments over `loan_years` (0: not repaid within the horizon): a
    /// leaver pays its key share of what remains.
    #[serde(default)]
    pub loans_nok: f64,
    /// Years over which the loans are repaid.
    #[serde(default)]
    pub loan_years: u32,
    /// A fee the leaver pays, kr.
    #[serde(default)]
    pub exit_fee_nok: f64,
}

impl Default for Terms {
    /// No notice, nothing to settle; assets (none) over 5 years.
    fn default() -> Self {
        Terms {
            notice_years: 0,
            assets_nok: 0.0,
            asset_lifetime_years: Terms::default_lifetime(),
            loans_nok: 0.0,
            loan_years: 0,
            exit_fee_nok: 0.0,
        }
    }
}

impl Terms {
    fn default_lifetime() -> u32 {
        5
    }

    /// What is left of a written-down amount `years` after the start.
    fn left(amount: f64, over: u32, years: usize) -> f64 {
        if over == 0 {
            return amount;
        }
        #[allow(clippy::cast_precision_loss)]
        let share = 1.0 - years as f64 / f64::from(over);
        amount * share.max(0.0)
    }

    /// The joint assets' book value `years` after the scenario's first
    /// year.
    #[must_use]
    pub fn book_value(&self, years: usize) -> f64 {
        Self::left(self.assets_nok, self.asset_lifetime_years, years)
    }

    /// What a leaver with key share `share` (0–1) pays when it is out
    /// `years` after the scenario's first year (negative: it receives):
    /// the fee, plus its share of the remaining loans, less its share of
    /// the assets' book value.
    #[must_use]
    pub fn settlement(&self, share: f64, years: usize) -> f64 {
        let book_value = self.book_value(years);
        let loans = if self.loan_years == 0 {
            self.loans_nok
        } else {
            Self::left(self.loans_nok, self.loan_years, years)
        };
        self.exit_fee_nok + share * (loans - book_value)
    }
}

impl Study {
    /// The cost of today's operation a member's staffing gives, when its
    /// salary is linked to a category of today's costs: that category and
    /// filled FTE × salary with social costs.
    #[must_use]
    pub fn staffing_salary_cost<'a>(&self, member: &'a Member) -> Option<(&'a CategoryId, f64)> {
        let salary = member.salary.as_ref()?;
        let category = salary.today_category.as_ref()?;
        Some((
            category,
            member.filled_fte() * salary.with_social_costs_nok_per_fte(),
        ))
    }

    /// Every cell of today's costs as the figures use it: `(category,
    /// member, NOK per year)`, the typed amounts with a member's linked
    /// category replaced by what its staffing gives (and added when no
    /// amount was typed for it). Cells of unknown members or categories are
    /// passed on as typed (validation reports them).
    #[must_use]
    pub fn todays_cells(&self) -> Vec<(&CategoryId, &MemberId, f64)> {
        let linked: Vec<(&MemberId, &CategoryId, f64)> = self
            .members
            .iter()
            .filter_map(|m| self.staffing_salary_cost(m).map(|(c, v)| (&m.id, c, v)))
            .collect();
        let link_of = |member: &MemberId, category: &CategoryId| {
            linked
                .iter()
                .find(|(m, c, _)| *m == member && *c == category)
                .map(|(_, _, v)| *v)
        };
        let mut cells: Vec<(&CategoryId, &MemberId, f64)> = Vec::new();
        for line in &self.baseline.lines {
            for (member, amount) in &line.amounts_nok {
                let value = link_of(member, &line.category).unwrap_or(*amount);
                cells.push((&line.category, member, value));
            }
        }
        for (member, category, value) in &linked {
            if !cells.iter().any(|(c, m, _)| c == category && m == member) {
                cells.push((category, member, *value));
            }
        }
        cells
    }

    /// The index of today's operation: the first scenario of that kind,
    /// the one baseline every other scenario is measured against.
    #[must_use]
    pub fn today(&self) -> Option<usize> {
        self.scenarios.iter().position(|s| s.kind == ScenarioKind::Today)
    }

    /// The id of the workstation fleet `scenario` runs: its own, or —
    /// for an option that names none — today's operation's. Workstations
    /// are priced for the whole study or for none of it: when today's
    /// operation has PCs, every option has them unless it runs another
    /// fleet (validation warns about an option with a fleet while today's
    /// operation has none).
    #[must_use]
    pub fn fleet_of<'a>(&'a self, scenario: &'a Scenario) -> Option<&'a str> {
        scenario.fleet.as_deref().or_else(|| {
            if scenario.kind == ScenarioKind::Today {
                return None;
            }
            self.today().and_then(|t| self.scenarios[t].fleet.as_deref())
        })
    }
}

impl Scenario {
    /// Whether its figures include today's costs: today's operation (the
    /// options carry their own lines and fleet only).
    #[must_use]
    pub fn includes_todays_costs(&self) -> bool {
        self.kind == ScenarioKind::Today
    }
}

/// Guaranteed availability, and what an hour without the systems costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceLevel {
    /// Guaranteed uptime, percent of the hours of a year (e.g. 99.5).
    pub uptime_percent: f64,
    /// What an hour of downtime costs the members together, NOK, if known.
    #[serde(default)]
    pub downtime_cost_nok_per_hour: Option<f64>,
    /// Where the figures come from.
    #[serde(default)]
    pub source: Source,
}

/// Hours in a year (365 days).
pub const HOURS_PER_YEAR: f64 = 8760.0;

impl ServiceLevel {
    /// Hours of downtime a year the guarantee allows: 99,5 % → 43,8 hours.
    #[must_use]
    pub fn downtime_hours_per_year(&self) -> f64 {
        (100.0 - self.uptime_percent) / 100.0 * HOURS_PER_YEAR
    }

    /// The expected cost of that downtime a year, if an hourly cost is given.
    #[must_use]
    pub fn expected_downtime_cost_nok_per_year(&self) -> Option<f64> {
        self.downtime_cost_nok_per_hour
            .map(|c| c * self.downtime_hours_per_year())
    }
}

/// What a line's amount is multiplied by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Driver {
    /// 1: a lump sum.
    #[default]
    Lump,
    /// The number of participating members (1 per member).
    Members,
    /// Full-time equivalents filled today.
    Fte,
    /// A member attribute.
    Attribute(Attribute),
}

impl Driver {
    /// Every driver, in menu order: what the scenario editor offers and
    /// the property tests draw from. A new variant fails to compile in the
    /// match below until it is listed here too.
    #[must_use]
    pub fn all() -> Vec<Driver> {
        let all: Vec<Driver> = [Driver::Lump, Driver::Members, Driver::Fte]
            .into_iter()
            .chain(Attribute::ALL.map(Driver::Attribute))
            .collect();
        for driver in &all {
            match driver {
                Driver::Lump | Driver::Members | Driver::Fte | Driver::Attribute(_) => {}
            }
        }
        all
    }
}

/// Who pays a line.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Payer {
    /// Shared by the scenario's key.
    #[default]
    Shared,
    /// Each participant for its own quantity of the driver.
    EachMember,
    /// One named member pays the whole line.
    Member(MemberId),
}

/// When a line falls due. Years are calendar years.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Timing {
    /// Every year, optionally from and/or to a year (inclusive).
    EveryYear {
        /// First year, if not the first year of the analysis.
        #[serde(default)]
        from: Option<i32>,
        /// Last year, if not the last year of the analysis.
        #[serde(default)]
        to: Option<i32>,
    },
    /// Once, in the given year.
    Once {
        /// The year.
        year: i32,
    },
    /// Every `every` years from `from` (e.g. a hardware refresh).
    EveryNYears {
        /// Interval in years (at least 1).
        every: u32,
        /// First year it falls due.
        from: i32,
    },
}

impl Default for Timing {
    fn default() -> Self {
        Timing::EveryYear { from: None, to: None }
    }
}

impl Timing {
    /// One timing of each kind, starting in `first`, in menu order: what
    /// the scenario editor offers and the property tests draw from. A new
    /// variant fails to compile in the match below until it is listed here.
    #[must_use]
    pub fn kinds(first: i32) -> [Timing; 3] {
        let kinds = [
            Timing::EveryYear { from: None, to: None },
            Timing::Once { year: first },
            Timing::EveryNYears {
                every: 4,
                from: first,
            },
        ];
        for kind in &kinds {
            match kind {
                Timing::EveryYear { .. } | Timing::Once { .. } | Timing::EveryNYears { .. } => {}
            }
        }
        kinds
    }
}

impl Timing {
    /// True when the line falls due in `year`.
    #[must_use]
    pub fn is_due(&self, year: i32) -> bool {
        match *self {
            Timing::EveryYear { from, to } => from.is_none_or(|f| year >= f) && to.is_none_or(|t| year <= t),
            Timing::Once { year: y } => year == y,
            Timing::EveryNYears { every, from } => {
                // In i64: no year and interval can overflow.
                every > 0 && year >= from && (i64::from(year) - i64::from(from)) % i64::from(every) == 0
            }
        }
    }
}

/// A cost line of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostLine {
    /// What it is.
    pub label: String,
    /// Its category.
    pub category: CategoryId,
    /// NOK per unit of quantity × driver. Negative for savings or grants.
    /// Not used when `amount_from` is a salary.
    pub amount_nok: f64,
    /// Where the amount per unit comes from (default: `amount_nok`).
    #[serde(default, skip_serializing_if = "AmountFrom::is_fixed")]
    pub amount_from: AmountFrom,
    /// Units per driver unit (e.g. 2.5 positions); 1 when not given.
    #[serde(default = "one")]
    pub quantity: f64,
    /// What the amount is multiplied by.
    #[serde(default)]
    pub driver: Driver,
    /// Who pays.
    #[serde(default)]
    pub payer: Payer,
    /// When it falls due.
    #[serde(default)]
    pub timing: Timing,
    /// How it grows.
    #[serde(default)]
    pub growth: Growth,
    /// Where the amount comes from.
    #[serde(default)]
    pub source: Source,
    /// In the municipal budget: an investment (its lifetime and how it is
    /// financed); left out, an operating cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investment: Option<budget::Investment>,
    /// Stable id, unique within the scenario; old files get one on load.
    /// Last, so that the fields a person edits come first.
    #[serde(default, skip_serializing_if = "LineId::is_unassigned")]
    pub id: LineId,
}

fn one() -> f64 {
    1.0
}

// serde's skip_serializing_if passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn is_zero(value: &f64) -> bool {
    *value == 0.0
}

/// Where a cost line's amount per unit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AmountFrom {
    /// The line's own `amount_nok`.
    #[default]
    Fixed,
    /// The paying member's salary including social costs per FTE, so the
    /// line follows its salary, employer-tax rate and pension rate.
    SalaryWithSocialCosts,
}

impl AmountFrom {
    // serde's skip_serializing_if passes a reference.
    #[allow(clippy::trivially_copy_pass_by_ref)]
    fn is_fixed(&self) -> bool {
        *self == AmountFrom::Fixed
    }
}

/// Years, growth and discounting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// First year of the analysis (year 0).
    pub first_year: i32,
    /// Number of years analysed.
    pub horizon_years: u32,
    /// Real wage growth per year, percent.
    #[serde(default)]
    pub real_wage_growth_percent: f64,
    /// Real price growth per year, percent.
    #[serde(default)]
    pub real_price_growth_percent: f64,
    /// Discount rate.
    pub discount: DiscountRate,
    /// The year shown as "annual cost" in side-by-side views.
    pub display_year: i32,
    /// Whether the amounts include VAT (the budget adds 25 % to amounts
    /// without it); left out, they do not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub amounts_include_vat: bool,
}

impl Assumptions {
    /// The calendar years of the analysis, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + use<> {
        let first = self.first_year;
        let n = i32::try_from(self.horizon_years).unwrap_or(i32::MAX);
        (0..n).map(move |k| first.saturating_add(k))
    }

    /// The calendar year after the last year of the analysis.
    #[must_use]
    pub fn end_year(&self) -> i32 {
        self.first_year
            .saturating_add(i32::try_from(self.horizon_years).unwrap_or(i32::MAX))
    }
}

/// A discount rate, possibly stepped over the years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscountRate {
    /// Name, e.g. "R-109 (2021)" or "own".
    pub name: String,
    /// Steps in increasing order; the first starts at year index 0.
    pub steps: Vec<RateStep>,
    /// Where the rate comes from.
    #[serde(default)]
    pub source: Source,
}

/// A discount rate from a year index (0 = the first year) on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateStep {
    /// First year index (0-based) the rate applies to.
    pub from_year_index: u32,
    /// Rate in percent per year.
    pub percent: f64,
}

impl Study {
    /// The member with this id.
    #[must_use]
    pub fn member(&self, id: &MemberId) -> Option<&Member> {
        self.members.iter().find(|m| &m.id == id)
    }

    /// The member's name, or its id when the study has no such member
    /// (for a message about a reference left behind).
    #[must_use]
    pub fn member_name(&self, id: &MemberId) -> String {
        self.member(id).map_or_else(|| id.0.clone(), |m| m.name.clone())
    }

    /// The category with this id.
    #[must_use]
    pub fn category(&self, id: &CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| &c.id == id)
    }

    /// The key with this id.
    #[must_use]
    pub fn key(&self, id: &KeyId) -> Option<&Key> {
        self.keys.iter().find(|k| &k.id == id)
    }

    /// The scenario with this id.
    #[must_use]
    pub fn scenario(&self, id: &ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| &s.id == id)
    }

    /// The ids of a scenario's participants, in member order.
    #[must_use]
    pub fn participants(&self, scenario: &Scenario) -> Vec<MemberId> {
        match &scenario.participants {
            None => self.members.iter().map(|m| m.id.clone()).collect(),
            Some(list) => self
                .members
                .iter()
                .filter(|m| list.contains(&m.id))
                .map(|m| m.id.clone())
                .collect(),
        }
    }

    /// Gives every scenario but today's operation (always grey) a chart
    /// colour of its own: one without a colour, or with the colour of an
    /// earlier scenario (a copy), gets the first free one, in file order.
    /// Scenarios that have a colour keep it, so adding, removing or
    /// reordering scenarios never changes another's colour.
    pub fn assign_colours(&mut self) {
        let mut used = std::collections::HashSet::new();
        let mut needs = Vec::new();
        for (i, scenario) in self.scenarios.iter().enumerate() {
            if scenario.kind == ScenarioKind::Today {
                continue;
            }
            match scenario.colour {
                Some(c) if usize::from(c) < crate::palette::SERIES.len() && used.insert(c) => {}
                _ => needs.push(i),
            }
        }
        for i in needs {
            // The first free colour; past the palette's length colours repeat.
            let free = (0..u8::MAX)
                .find(|c| !used.contains(c) && usize::from(*c) < crate::palette::SERIES.len())
                .unwrap_or(0);
            used.insert(free);
            self.scenarios[i].colour = Some(free);
        }
    }

    /// Gives every cost line without an id, or with an id an earlier line of
    /// its scenario already has, a fresh id (`l1`, `l2`, … the first number
    /// not used in that scenario). Lines that have a unique id keep it, so
    /// this is idempotent and never renames a line that can be referred to.
    /// Returns how many lines got a new id.
    pub fn assign_line_ids(&mut self) -> usize {
        let mut assigned = 0;
        for scenario in &mut self.scenarios {
            let mut seen = std::collections::HashSet::new();
            let mut needs = Vec::new();
            for (i, line) in scenario.lines.iter().enumerate() {
                if line.id.is_unassigned() || !seen.insert(line.id.0.clone()) {
                    needs.push(i);
                }
            }
            let mut next = 1u64;
            for i in needs {
                let id = loop {
                    let candidate = format!("l{next}");
                    next += 1;
                    if !seen.contains(&candidate) {
                        break candidate;
                    }
                };
                seen.insert(id.clone());
                scenario.lines[i].id = LineId(id);
                assigned += 1;
            }
        }
        assigned
    }

    /// Makes "the same scenario without `member`": a copy with the member
    /// left out of the participants, a fresh id and a name that says so.
    /// Lines paid by that member alone cannot stay and are left out; their
    /// labels are returned so the caller can tell the user.
    #[must_use]
    pub fn scenario_without(
        &self,
        scenario: &Scenario,
        member: &MemberId,
        name: String,
    ) -> (Scenario, Vec<String>) {
        let mut copy = scenario.clone();
        let participants: Vec<MemberId> = self
            .participants(scenario)
            .into_iter()
            .filter(|m| m != member)
            .collect();
        copy.participants = Some(participants);
        copy.name = name;
        let base = format!("{}-without-{}", scenario.id, member);
        let mut candidate = base.clone();
        let mut n = 2;
        while self.scenario(&ScenarioId(candidate.clone())).is_some() {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        copy.id = ScenarioId(candidate);
        let mut dropped = Vec::new();
        copy.lines.retain(|line| {
            let keep = line.payer != Payer::Member(member.clone());
            if !keep {
                dropped.push(line.label.clone());
            }
            keep
        });
        (copy, dropped)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn line_ids_are_given_once_and_kept() {
        let mut study = examples::small_study();
        let joint = &mut study.scenarios[1];
        // Ids as an old file or a hand edit leaves them: none, and a copy.
        joint.lines[0].id = LineId::default();
        joint.lines[1].id = LineId::new("l1");
        let copy = joint.lines[1].clone();
        joint.lines.push(copy);
        assert_eq!(study.assign_line_ids(), 2);
        let ids: Vec<&str> = study.scenarios[1].lines.iter().map(|l| l.id.as_str()).collect();
        // The first line with "l1" keeps it; the others get the first free numbers.
        assert_eq!(ids, ["l2", "l1", "l3"]);
        assert_eq!(study.assign_line_ids(), 0);
        // Ids are per scenario: another scenario may use "l1" too.
        let (without, _) = study.scenario_without(&study.scenarios[1], &MemberId::new("A"), "x".into());
        study.scenarios.push(without);
        assert_eq!(study.assign_line_ids(), 0);
    }
}
