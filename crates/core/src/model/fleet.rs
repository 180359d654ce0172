//! Workstations: the seat types a study prices (PC, laptop, thin client),
//! the fleets its scenarios run, and how a fleet turns into ordinary cost
//! lines.
//!
//! A *fleet* is a mix of seat types, each a share of a member's
//! `workstations`. Today's operation and every scenario may name the fleet
//! it runs, so the PCs that thin clients replace are counted on the side
//! that keeps them — not assumed away. The engine turns a scenario's fleet
//! into cost lines ([`fleet_lines`]), each member paying for its own seats:
//!
//! | line | amount per seat and year | grows with |
//! |------|--------------------------|------------|
//! | equipment | unit price ÷ lifetime (a rolling refresh: every year one lifetime-th of the seats is replaced) | prices |
//! | energy in use | power in use (W) × hours in use ÷ 1 000 × electricity price (kr/kWh) | prices |
//! | energy idle | idle power (W) × idle hours ÷ 1 000 × electricity price | prices |
//! | support | support hours per seat × support cost per hour | wages |
//! | licences | licences per seat and year | prices |
//! | access licence | once, in the first year: the access licence per seat | prices |
//! | terminal servers | server price ÷ (users per server × server lifetime) | prices |
//! | server energy | server power (W) × 8 760 h ÷ 1 000 × electricity price ÷ users per server | prices |
//!
//! Every amount is a product of the study's inputs ([`Formula`]), so each
//! input can carry a range and the prepared engine evaluates the lines with
//! drawn values. Migration (set-up, training, compatibility work) is not
//! hidden in a fleet: it is an ordinary line of the scenario.

use serde::{Deserialize, Serialize};

use super::{
    Attribute, CategoryId, CostLine, Driver, Growth, InputRef, LineId, Payer, Quantity, Scenario, Source,
    Study, Timing,
};

/// The workstations of a study: prices of seat types and the fleets that
/// scenarios run. Empty in studies without workstations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workstations {
    /// Electricity, kr per kWh.
    pub electricity_price: Quantity,
    /// What an hour of end-user support costs, kr (salary with social
    /// costs per working hour).
    pub support_cost_per_hour: Quantity,
    /// The categories a fleet's costs are counted under.
    pub categories: FleetCategories,
    /// The kinds of seat, with their prices.
    pub seat_types: Vec<SeatType>,
    /// Mixes of seat types that scenarios can run.
    pub fleets: Vec<Fleet>,
}

impl Default for Workstations {
    fn default() -> Self {
        let nothing = || Quantity {
            value: 0.0,
            source: Source::default(),
        };
        let none = || CategoryId::new("");
        Workstations {
            electricity_price: nothing(),
            support_cost_per_hour: nothing(),
            categories: FleetCategories {
                equipment: none(),
                energy: none(),
                support: none(),
                licences: none(),
            },
            seat_types: Vec::new(),
            fleets: Vec::new(),
        }
    }
}

impl Workstations {
    /// True when the study prices no workstations.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.seat_types.is_empty() && self.fleets.is_empty()
    }

    /// The seat type with this id.
    #[must_use]
    pub fn seat_type(&self, id: &str) -> Option<&SeatType> {
        self.seat_types.iter().find(|t| t.id == id)
    }

    /// The fleet with this id.
    #[must_use]
    pub fn fleet(&self, id: &str) -> Option<&Fleet> {
        self.fleets.iter().find(|f| f.id == id)
    }
}

/// The categories of a fleet's costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FleetCategories {
    /// Purchases of seats and terminal servers.
    pub equipment: CategoryId,
    /// Electricity.
    pub energy: CategoryId,
    /// End-user support.
    pub support: CategoryId,
    /// Licences.
    pub licences: CategoryId,
}

/// A kind of seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeatKind {
    /// A desktop PC.
    Pc,
    /// A laptop.
    Laptop,
    /// A thin client, served by terminal servers.
    ThinClient,
}

/// A seat type and what one seat costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatType {
    /// Unique id.
    pub id: String,
    /// Name as shown.
    pub name: String,
    /// Kind.
    pub kind: SeatKind,
    /// Price of one seat, kr.
    pub unit_price: Quantity,
    /// Years before a seat is replaced.
    pub lifetime_years: Quantity,
    /// Average power in use, W.
    pub power_in_use_w: Quantity,
    /// Power when idle or on standby, W.
    pub power_idle_w: Quantity,
    /// Hours in use a year.
    pub hours_in_use: Quantity,
    /// Hours idle or on standby a year.
    pub hours_idle: Quantity,
    /// End-user support per seat, hours a year.
    pub support_hours: Quantity,
    /// Licences per seat, kr a year.
    pub licences_per_year: Quantity,
    /// A one-off access licence per seat (e.g. terminal-server access),
    /// bought in the first year.
    #[serde(default)]
    pub access_licence: Option<Quantity>,
    /// The terminal servers that serve the seats (thin clients).
    #[serde(default)]
    pub servers: Option<TerminalServers>,
}

/// Terminal servers behind a seat type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerminalServers {
    /// Users one server serves.
    pub users_per_server: Quantity,
    /// Price of a server, kr.
    pub price: Quantity,
    /// Years before a server is replaced.
    pub lifetime_years: Quantity,
    /// A server's average power, W (0 when the seat's power includes its
    /// share of the server, as Fraunhofer's thin-client figures do).
    pub power_w: Quantity,
}

/// A mix of seat types that a scenario runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fleet {
    /// Unique id.
    pub id: String,
    /// Name as shown.
    pub name: String,
    /// The seat types, each a share of every member's workstations.
    pub parts: Vec<FleetPart>,
}

/// One seat type's share of a fleet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FleetPart {
    /// The seat type.
    pub seat_type: String,
    /// Percent of each member's workstations.
    pub share_percent: f64,
    /// Seats of this type per member, when the municipalities know their
    /// own counts (a PC count, a laptop count): then these counts are used
    /// instead of the share of the `workstations` attribute.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub seats: std::collections::BTreeMap<super::MemberId, f64>,
}

impl FleetPart {
    /// Each member's seats of this type by the share: its workstations ×
    /// the share, rounded to whole seats (where counts of their own start
    /// when a user switches to them); 0 for a member without workstations.
    #[must_use]
    pub fn seats_by_share(&self, study: &Study) -> std::collections::BTreeMap<super::MemberId, f64> {
        study
            .members
            .iter()
            .map(|m| {
                let seats = m.workstations.as_ref().map_or(0.0, |q| q.value);
                (m.id.clone(), (seats * self.share_percent / 100.0).round())
            })
            .collect()
    }
}

/// Shortest lifetime of a seat or server, years (about five weeks).
pub const MIN_LIFETIME_YEARS: f64 = 0.1;
/// Longest lifetime of a seat or server, years.
pub const MAX_LIFETIME_YEARS: f64 = 100.0;
/// Most power a seat or server may draw, W.
pub const MAX_POWER_W: f64 = 100_000.0;
/// Highest price of electricity, kr per kWh, and of an hour of support, kr.
pub const MAX_UNIT_PRICE_NOK: f64 = 1e6;

/// A number of a seat type (or of its servers) that can carry a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SeatParam {
    /// Price of a seat.
    UnitPrice,
    /// Lifetime of a seat.
    Lifetime,
    /// Power in use.
    PowerInUse,
    /// Idle power.
    PowerIdle,
    /// Hours in use.
    HoursInUse,
    /// Hours idle.
    HoursIdle,
    /// Support hours per seat.
    SupportHours,
    /// Licences per seat and year.
    Licences,
    /// One-off access licence.
    AccessLicence,
    /// Users per terminal server.
    ServerUsers,
    /// Price of a terminal server.
    ServerPrice,
    /// Lifetime of a terminal server.
    ServerLifetime,
    /// Power of a terminal server.
    ServerPower,
}

impl SeatParam {
    /// Every parameter, in a fixed order.
    pub const ALL: [SeatParam; 13] = [
        SeatParam::UnitPrice,
        SeatParam::Lifetime,
        SeatParam::PowerInUse,
        SeatParam::PowerIdle,
        SeatParam::HoursInUse,
        SeatParam::HoursIdle,
        SeatParam::SupportHours,
        SeatParam::Licences,
        SeatParam::AccessLicence,
        SeatParam::ServerUsers,
        SeatParam::ServerPrice,
        SeatParam::ServerLifetime,
        SeatParam::ServerPower,
    ];

    /// A stable name for files: `unit_price`, `lifetime`, …
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            SeatParam::UnitPrice => "unit_price",
            SeatParam::Lifetime => "lifetime",
            SeatParam::PowerInUse => "power_in_use",
            SeatParam::PowerIdle => "power_idle",
            SeatParam::HoursInUse => "hours_in_use",
            SeatParam::HoursIdle => "hours_idle",
            SeatParam::SupportHours => "support_hours",
            SeatParam::Licences => "licences",
            SeatParam::AccessLicence => "access_licence",
            SeatParam::ServerUsers => "server_users",
            SeatParam::ServerPrice => "server_price",
            SeatParam::ServerLifetime => "server_lifetime",
            SeatParam::ServerPower => "server_power",
        }
    }

    /// The message id of its name.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            SeatParam::UnitPrice => "seat-unit-price",
            SeatParam::Lifetime => "seat-lifetime",
            SeatParam::PowerInUse => "seat-power-in-use",
            SeatParam::PowerIdle => "seat-power-idle",
            SeatParam::HoursInUse => "seat-hours-in-use",
            SeatParam::HoursIdle => "seat-hours-idle",
            SeatParam::SupportHours => "seat-support-hours",
            SeatParam::Licences => "seat-licences",
            SeatParam::AccessLicence => "seat-access-licence",
            SeatParam::ServerUsers => "seat-server-users",
            SeatParam::ServerPrice => "seat-server-price",
            SeatParam::ServerLifetime => "seat-server-lifetime",
            SeatParam::ServerPower => "seat-server-power",
        }
    }

    /// The unit of its value, as a message id.
    #[must_use]
    pub fn unit_id(self) -> &'static str {
        match self {
            SeatParam::UnitPrice | SeatParam::AccessLicence | SeatParam::ServerPrice => "unit-kr",
            SeatParam::Licences => "unit-kr-per-year",
            SeatParam::Lifetime | SeatParam::ServerLifetime => "unit-years",
            SeatParam::PowerInUse | SeatParam::PowerIdle | SeatParam::ServerPower => "unit-watt",
            SeatParam::HoursInUse | SeatParam::HoursIdle | SeatParam::SupportHours => "unit-hours-per-year",
            SeatParam::ServerUsers => "unit-users",
        }
    }

    /// The values the parameter may take, `(lowest, highest)` inclusive:
    /// a lifetime of at least a tenth of a year and at most a century, at least one
    /// user per server, at most 100 kW of power, at most the 8 760 hours of
    /// a year, prices up to the study's largest amount.
    #[must_use]
    pub fn limits(self) -> (f64, f64) {
        match self {
            SeatParam::UnitPrice
            | SeatParam::Licences
            | SeatParam::AccessLicence
            | SeatParam::ServerPrice => (0.0, super::bounds::MAX_AMOUNT_NOK),
            SeatParam::Lifetime | SeatParam::ServerLifetime => (MIN_LIFETIME_YEARS, MAX_LIFETIME_YEARS),
            SeatParam::PowerInUse | SeatParam::PowerIdle | SeatParam::ServerPower => (0.0, MAX_POWER_W),
            SeatParam::HoursInUse | SeatParam::HoursIdle | SeatParam::SupportHours => (0.0, HOURS_PER_YEAR),
            SeatParam::ServerUsers => (1.0, super::bounds::MAX_COUNT),
        }
    }

    /// The position in [`SeatParam::ALL`].
    #[must_use]
    pub fn index(self) -> usize {
        SeatParam::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

impl SeatType {
    /// The quantity behind a parameter, if this seat type has it (server
    /// parameters only with servers, the access licence only when given).
    #[must_use]
    pub fn param(&self, param: SeatParam) -> Option<&Quantity> {
        let server = self.servers.as_ref();
        match param {
            SeatParam::UnitPrice => Some(&self.unit_price),
            SeatParam::Lifetime => Some(&self.lifetime_years),
            SeatParam::PowerInUse => Some(&self.power_in_use_w),
            SeatParam::PowerIdle => Some(&self.power_idle_w),
            SeatParam::HoursInUse => Some(&self.hours_in_use),
            SeatParam::HoursIdle => Some(&self.hours_idle),
            SeatParam::SupportHours => Some(&self.support_hours),
            SeatParam::Licences => Some(&self.licences_per_year),
            SeatParam::AccessLicence => self.access_licence.as_ref(),
            SeatParam::ServerUsers => server.map(|s| &s.users_per_server),
            SeatParam::ServerPrice => server.map(|s| &s.price),
            SeatParam::ServerLifetime => server.map(|s| &s.lifetime_years),
            SeatParam::ServerPower => server.map(|s| &s.power_w),
        }
    }

    /// The quantity behind a parameter, to change it.
    pub fn param_mut(&mut self, param: SeatParam) -> Option<&mut Quantity> {
        let server = self.servers.as_mut();
        match param {
            SeatParam::UnitPrice => Some(&mut self.unit_price),
            SeatParam::Lifetime => Some(&mut self.lifetime_years),
            SeatParam::PowerInUse => Some(&mut self.power_in_use_w),
            SeatParam::PowerIdle => Some(&mut self.power_idle_w),
            SeatParam::HoursInUse => Some(&mut self.hours_in_use),
            SeatParam::HoursIdle => Some(&mut self.hours_idle),
            SeatParam::SupportHours => Some(&mut self.support_hours),
            SeatParam::Licences => Some(&mut self.licences_per_year),
            SeatParam::AccessLicence => self.access_licence.as_mut(),
            SeatParam::ServerUsers => server.map(|s| &mut s.users_per_server),
            SeatParam::ServerPrice => server.map(|s| &mut s.price),
            SeatParam::ServerLifetime => server.map(|s| &mut s.lifetime_years),
            SeatParam::ServerPower => server.map(|s| &mut s.power_w),
        }
    }
}

/// What a fleet line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FleetCost {
    /// Seats bought on a rolling refresh.
    Equipment,
    /// Electricity while in use.
    EnergyInUse,
    /// Electricity while idle.
    EnergyIdle,
    /// End-user support.
    Support,
    /// Yearly licences.
    Licences,
    /// One-off access licences.
    AccessLicence,
    /// Terminal servers on a rolling refresh.
    Servers,
    /// Electricity for the terminal servers.
    ServerEnergy,
}

impl FleetCost {
    /// The message id of its name.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            FleetCost::Equipment => "fleet-cost-equipment",
            FleetCost::EnergyInUse => "fleet-cost-energy-in-use",
            FleetCost::EnergyIdle => "fleet-cost-energy-idle",
            FleetCost::Support => "fleet-cost-support",
            FleetCost::Licences => "fleet-cost-licences",
            FleetCost::AccessLicence => "fleet-cost-access-licence",
            FleetCost::Servers => "fleet-cost-servers",
            FleetCost::ServerEnergy => "fleet-cost-server-energy",
        }
    }

    fn key(self) -> &'static str {
        match self {
            FleetCost::Equipment => "equipment",
            FleetCost::EnergyInUse => "energy",
            FleetCost::EnergyIdle => "energy-idle",
            FleetCost::Support => "support",
            FleetCost::Licences => "licences",
            FleetCost::AccessLicence => "access",
            FleetCost::Servers => "servers",
            FleetCost::ServerEnergy => "server-energy",
        }
    }
}

/// An amount per seat as a product of inputs: `constant × Π input^power`
/// (powers are 1 or −1).
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    /// A fixed factor (e.g. 1/1 000 from W to kW).
    pub constant: f64,
    /// The inputs and their powers.
    pub factors: Vec<(InputRef, i32)>,
}

impl Formula {
    /// Its value with the study's own inputs (`None` when one is missing).
    #[must_use]
    pub fn value_in(&self, study: &Study) -> Option<f64> {
        let mut value = self.constant;
        for (input, power) in &self.factors {
            let v = input.value_in(study)?;
            value *= if *power < 0 { 1.0 / v } else { v };
        }
        Some(value)
    }
}

/// A cost line made from a fleet: the line as the engine sees it (its
/// amount the formula's value in the study) and how its amount is made.
#[derive(Debug, Clone, PartialEq)]
pub struct FleetLine {
    /// The ordinary cost line.
    pub line: CostLine,
    /// The amount as a product of inputs.
    pub formula: Formula,
    /// The seat type it prices (index in the study's seat types).
    pub seat_type: usize,
    /// What it is for.
    pub cost: FleetCost,
}

/// Hours in a year, for servers that run all the time.
pub const HOURS_PER_YEAR: f64 = 8760.0;

/// The cost lines of the fleet `scenario` runs ([`Study::fleet_of`]: its
/// own or today's operation's), in a fixed order (per part of the fleet,
/// the costs in [`FleetCost`] order); none without a fleet. Lines
/// whose seat type or fleet is unknown are left out (validation reports
/// them).
#[must_use]
pub fn fleet_lines(study: &Study, scenario: &Scenario) -> Vec<FleetLine> {
    let Some(fleet) = study
        .fleet_of(scenario)
        .and_then(|id| study.workstations.fleet(id))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for part in &fleet.parts {
        if let Some(t) = study
            .workstations
            .seat_types
            .iter()
            .position(|s| s.id == part.seat_type)
        {
            if part.seats.is_empty() {
                out.extend(seat_lines(study, &fleet.id, t, part.share_percent / 100.0));
            } else {
                // The members' own counts: one line per member, paid by it.
                for line in seat_lines(study, &fleet.id, t, 1.0) {
                    for (member, count) in &part.seats {
                        let mut own = line.clone();
                        own.line.quantity = *count;
                        own.line.driver = Driver::Lump;
                        own.line.payer = Payer::Member(member.clone());
                        own.line.id = LineId::new(format!("{}:{member}", line.line.id));
                        out.push(own);
                    }
                }
            }
        }
    }
    out
}

/// What one seat of a seat type costs, per [`FleetCost`]: the amount a
/// year, or (for the access licence) once in the first year. The numbers
/// the fleet's lines carry, for the workstations view and the briefing.
#[must_use]
pub fn seat_costs(study: &Study, seat_type: usize) -> Vec<(FleetCost, f64)> {
    if seat_type >= study.workstations.seat_types.len() {
        return Vec::new();
    }
    seat_lines(study, "", seat_type, 1.0)
        .into_iter()
        .map(|l| (l.cost, l.line.amount_nok))
        .collect()
}

/// What one seat of a seat type costs in all: a year, and once in the
/// first year (the access licence).
#[must_use]
pub fn seat_cost_totals(study: &Study, seat_type: usize) -> (f64, f64) {
    seat_costs(study, seat_type)
        .into_iter()
        .fold((0.0, 0.0), |(yearly, once), (cost, amount)| {
            if cost == FleetCost::AccessLicence {
                (yearly, once + amount)
            } else {
                (yearly + amount, once)
            }
        })
}

/// The lines of `share` of every member's workstations on seat type `t`.
fn seat_lines(study: &Study, fleet_id: &str, t: usize, share: f64) -> Vec<FleetLine> {
    let ws = &study.workstations;
    let cats = &ws.categories;
    let seat = &ws.seat_types[t];
    let mut out = Vec::new();
    {
        let p = |param: SeatParam| InputRef::Seat {
            seat_type: seat.id.clone(),
            param,
        };
        let electricity = InputRef::ElectricityPrice;
        let mut push =
            |cost: FleetCost, category: &CategoryId, timing: Timing, growth: Growth, formula: Formula| {
                let amount = formula.value_in(study).unwrap_or(f64::NAN);
                out.push(FleetLine {
                    line: CostLine {
                        investment: None,
                        label: format!("{}: {}", seat.name, cost.key()),
                        category: category.clone(),
                        amount_nok: amount,
                        amount_from: super::AmountFrom::Fixed,
                        quantity: share,
                        driver: Driver::Attribute(Attribute::Workstations),
                        payer: Payer::EachMember,
                        timing,
                        growth,
                        source: Source::Assumption { note: String::new() },
                        id: LineId::new(format!("fleet:{}:{}:{}", fleet_id, seat.id, cost.key())),
                    },
                    formula,
                    seat_type: t,
                    cost,
                });
            };
        let every_year = Timing::default;
        push(
            FleetCost::Equipment,
            &cats.equipment,
            every_year(),
            Growth::Prices,
            Formula {
                constant: 1.0,
                factors: vec![(p(SeatParam::UnitPrice), 1), (p(SeatParam::Lifetime), -1)],
            },
        );
        push(
            FleetCost::EnergyInUse,
            &cats.energy,
            every_year(),
            Growth::Prices,
            Formula {
                constant: 0.001,
                factors: vec![
                    (p(SeatParam::PowerInUse), 1),
                    (p(SeatParam::HoursInUse), 1),
                    (electricity.clone(), 1),
                ],
            },
        );
        push(
            FleetCost::EnergyIdle,
            &cats.energy,
            every_year(),
            Growth::Prices,
            Formula {
                constant: 0.001,
                factors: vec![
                    (p(SeatParam::PowerIdle), 1),
                    (p(SeatParam::HoursIdle), 1),
                    (electricity.clone(), 1),
                ],
            },
        );
        push(
            FleetCost::Support,
            &cats.support,
            every_year(),
            Growth::Wages,
            Formula {
                constant: 1.0,
                factors: vec![(p(SeatParam::SupportHours), 1), (InputRef::SupportCostPerHour, 1)],
            },
        );
        push(
            FleetCost::Licences,
            &cats.licences,
            every_year(),
            Growth::Prices,
            Formula {
                constant: 1.0,
                factors: vec![(p(SeatParam::Licences), 1)],
            },
        );
        if seat.access_licence.is_some() {
            push(
                FleetCost::AccessLicence,
                &cats.licences,
                Timing::Once {
                    year: study.assumptions.first_year,
                },
                Growth::Prices,
                Formula {
                    constant: 1.0,
                    factors: vec![(p(SeatParam::AccessLicence), 1)],
                },
            );
        }
        if seat.servers.is_some() {
            push(
                FleetCost::Servers,
                &cats.equipment,
                every_year(),
                Growth::Prices,
                Formula {
                    constant: 1.0,
                    factors: vec![
                        (p(SeatParam::ServerPrice), 1),
                        (p(SeatParam::ServerUsers), -1),
                        (p(SeatParam::ServerLifetime), -1),
                    ],
                },
            );
            push(
                FleetCost::ServerEnergy,
                &cats.energy,
                every_year(),
                Growth::Prices,
                Formula {
                    constant: HOURS_PER_YEAR / 1000.0,
                    factors: vec![
                        (p(SeatParam::ServerPower), 1),
                        (electricity.clone(), 1),
                        (p(SeatParam::ServerUsers), -1),
                    ],
                },
            );
        }
    }
    out
}

impl Study {
    /// The study with every fleet turned into ordinary cost lines of its
    /// scenario (appended after the scenario's own lines) and no fleets:
    /// what the engine evaluates, written out. The plain engine and the
    /// tests evaluate this; the prepared engine builds the same lines with
    /// their amounts as products of inputs.
    #[must_use]
    pub fn with_fleet_lines(&self) -> Study {
        let mut out = self.clone();
        for (s, scenario) in self.scenarios.iter().enumerate() {
            let lines = fleet_lines(self, scenario);
            out.scenarios[s].lines.extend(lines.into_iter().map(|l| l.line));
            out.scenarios[s].fleet = None;
        }
        out
    }
}
