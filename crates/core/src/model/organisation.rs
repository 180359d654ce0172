//! How a joint option is organised, and what that does to its costs: who
//! employs the joint staff (their employer tax follows the employer's
//! zone, their pension its scheme) and what the joint body's own
//! administration adds to the costs it shares.
//!
//! Norwegian forms (kommuneloven 2018 and IKS-loven): an administrative
//! host municipality (vertskommune, kommuneloven ch. 20), a municipal
//! joint task body (kommunalt oppgavefellesskap, ch. 19), an
//! inter-municipal company (IKS, IKS-loven) and a limited company (AS).
//! The joint municipality (samkommune, kommuneloven 1992 ch. 5 B) was
//! abolished by the 2018 act: it is read from files that have it, with a
//! note, and not offered for new options.
//!
//! Defaults, with their sources:
//! - **Employer tax**: the employer's own rate (its zone; Skatteetaten's
//!   zone table: IV 5,1 %, `IVa` 7,9 %, V 0 %). The extra 5 % on pay above
//!   750 000 kr (2023) and 850 000 kr (2024) was abolished from 2025
//!   (revised national budget 2024) and is not applied.
//! - **Pension**: the employer's own scheme. A municipality, an oppgave-
//!   fellesskap and an IKS have the public occupational pension; an AS
//!   taking over municipal staff may choose another scheme
//!   (arbeidsmiljøloven § 16-2 (2); the mandatory minimum is 2 %, lov om
//!   obligatorisk tjenestepensjon § 4): set `pension_percent` then.
//! - **VAT**: every form's purchases are compensated — a municipality, an
//!   oppgavefellesskap and an IKS are covered by
//!   merverdiavgiftskompensasjonsloven § 2, and the members buying from an
//!   AS are compensated for the VAT it charges — so the scenario's share
//!   not compensated stays 0 unless the body sells in competition (§ 4).
//! - **Overhead**: no general figure exists; 0 % unless the study gives
//!   the body's own estimate (an IKS has a representantskap, a board,
//!   accounts and audit of its own, IKS-loven §§ 7, 10, 27).

use serde::{Deserialize, Serialize};

use super::{MemberId, Source};

/// The legal form of a joint option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgForm {
    /// Administrative host municipality (vertskommune, kommuneloven § 20-2).
    HostMunicipality,
    /// Municipal joint task body (kommunalt oppgavefellesskap, kommuneloven
    /// ch. 19).
    JointTaskBody,
    /// Inter-municipal company (interkommunalt selskap, IKS-loven).
    Iks,
    /// Limited company owned by the members (aksjeselskap).
    Company,
    /// Joint municipality (samkommune): abolished by kommuneloven 2018;
    /// only read from files that have it.
    JointMunicipality,
}

impl OrgForm {
    /// The forms offered for a new option (not the abolished samkommune).
    pub const OFFERED: [OrgForm; 4] = [
        OrgForm::HostMunicipality,
        OrgForm::JointTaskBody,
        OrgForm::Iks,
        OrgForm::Company,
    ];

    /// Message id of its name.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            OrgForm::HostMunicipality => "org-host",
            OrgForm::JointTaskBody => "org-task-body",
            OrgForm::Iks => "org-iks",
            OrgForm::Company => "org-company",
            OrgForm::JointMunicipality => "org-joint-municipality",
        }
    }
}

/// How a joint option is organised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The legal form.
    pub form: OrgForm,
    /// The member that employs the joint staff: the host, or where the
    /// body has its seat. Lines shared by the key whose amount is a salary
    /// with social costs are priced at its salary.
    pub employer: MemberId,
    /// Employer tax of the joint staff, percent; left out, the employer's
    /// own (its zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer_tax_percent: Option<f64>,
    /// Pension of the joint staff, percent of salary; left out, the
    /// employer's own scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pension_percent: Option<f64>,
    /// The body's own administration, percent added to the costs shared
    /// by the key; left out, 0.
    #[serde(default, skip_serializing_if = "super::is_zero")]
    pub overhead_percent: f64,
    /// Where the figures come from.
    #[serde(default, skip_serializing_if = "Source::is_blank")]
    pub source: Source,
}

impl Organisation {
    /// The factor on the costs shared by the key (1 + overhead).
    #[must_use]
    pub fn overhead_factor(&self) -> f64 {
        1.0 + self.overhead_percent / 100.0
    }

    /// Salary with social costs per FTE of the joint staff, given the
    /// employer's salary, employer-tax and pension rates: the pension on
    /// the salary, the employer tax on salary plus pension (as
    /// [`super::Salary::with_social_costs_nok_per_fte`]), the
    /// organisation's rates where it gives them.
    #[must_use]
    pub fn salary_with_social_costs(
        &self,
        nok_per_fte: f64,
        employer_tax_percent: f64,
        pension_percent: f64,
    ) -> f64 {
        super::Salary::with_social_costs(
            nok_per_fte,
            self.employer_tax_percent.unwrap_or(employer_tax_percent),
            self.pension_percent.unwrap_or(pension_percent),
        )
    }
}
