//! Drawing values for the uncertain inputs: marginals by their quantile
//! functions, correlation groups through a Gaussian copula, one seeded
//! stream per draw.

use rand_pcg::rand_core::Rng;
use statrs::distribution::{Beta, ContinuousCDF, LogNormal, Normal};

use crate::engine::PreparedStudy;
use crate::model::Study;
use crate::model::uncertainty::{Range, interval_parameters};

#[derive(Debug, Clone)]
enum Marginal {
    Pert {
        beta: Beta,
        low: f64,
        high: f64,
    },
    /// A normal truncated to its input's limits: `u` maps into the
    /// probabilities `(p_low, p_high)` of the limits.
    Normal(Normal, (f64, f64)),
    /// A lognormal, truncated as the normal.
    LogNormal(LogNormal, (f64, f64)),
    Discrete {
        cumulative: Vec<f64>,
        values: Vec<f64>,
    },
}

impl Marginal {
    fn new(range: &Range, most_likely: f64, (min, max): (f64, f64)) -> Option<Marginal> {
        Some(match range {
            Range::Pert { low, high } => {
                // A value typed outside its range is warned about; the
                // range's nearest end is then the most likely.
                let most_likely = most_likely.clamp(*low, *high);
                let width = high - low;
                let alpha = 1.0 + 4.0 * (most_likely - low) / width;
                let beta = 1.0 + 4.0 * (high - most_likely) / width;
                Marginal::Pert {
                    beta: Beta::new(alpha, beta).ok()?,
                    low: *low,
                    high: *high,
                }
            }
            Range::Interval90 {
                low,
                high,
                lognormal: false,
            } => {
                let (mean, sd) = interval_parameters(*low, *high, false);
                let normal = Normal::new(mean, sd).ok()?;
                let cut = (normal.cdf(min), normal.cdf(max));
                Marginal::Normal(normal, cut)
            }
            Range::Interval90 {
                low,
                high,
                lognormal: true,
            } => {
                let (mean, sd) = interval_parameters(*low, *high, true);
                let lognormal = LogNormal::new(mean, sd).ok()?;
                let cut = (lognormal.cdf(min.max(0.0)), lognormal.cdf(max));
                Marginal::LogNormal(lognormal, cut)
            }
            Range::Discrete(values) => {
                let total: f64 = values.iter().map(|v| v.weight).sum();
                let mut sum = 0.0;
                let cumulative = values
                    .iter()
                    .map(|v| {
                        sum += v.weight / total;
                        sum
                    })
                    .collect();
                Marginal::Discrete {
                    cumulative,
                    values: values.iter().map(|v| v.value).collect(),
                }
            }
        })
    }

    /// The value at probability `u` in (0, 1).
    fn quantile(&self, u: f64) -> f64 {
        match self {
            Marginal::Pert { beta, low, high } => low + (high - low) * beta.inverse_cdf(u),
            // Truncated to the input's limits (validation warns when that
            // cuts off more than a trace).
            Marginal::Normal(n, (p_low, p_high)) => n.inverse_cdf(p_low + u * (p_high - p_low)),
            Marginal::LogNormal(l, (p_low, p_high)) => l.inverse_cdf(p_low + u * (p_high - p_low)),
            Marginal::Discrete { cumulative, values } => {
                let i = cumulative
                    .iter()
                    .position(|c| u <= *c)
                    .unwrap_or(values.len() - 1);
                values[i]
            }
        }
    }
}

/// Draws every uncertain input of a study.
#[derive(Debug, Clone)]
pub struct Sampler {
    /// Per uncertain input: its parameter slot, marginal and group.
    inputs: Vec<(usize, Marginal, Option<usize>)>,
    /// Per group: the normal-score correlation of the copula.
    groups: Vec<f64>,
    /// The inputs drawn, in the order of `inputs`.
    refs: Vec<crate::model::InputRef>,
    standard: Normal,
}

/// A uniform number in (0, 1), never 0 or 1.
pub(crate) fn uniform(rng: &mut impl Rng) -> f64 {
    ((rng.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
}

impl Sampler {
    /// The sampler of a validated study's ranges (ranges on inputs the
    /// prepared study does not have are left out).
    #[must_use]
    pub fn new(study: &Study, prepared: &PreparedStudy) -> Sampler {
        let groups: Vec<f64> = study
            .correlation_groups
            .iter()
            .map(|g| 2.0 * (std::f64::consts::PI * g.rank_correlation.clamp(0.0, 1.0) / 6.0).sin())
            .collect();
        let mut refs = Vec::new();
        let inputs = study
            .uncertainties
            .iter()
            .filter_map(|u| {
                let slot = prepared.param(&u.input)?;
                let marginal = Marginal::new(&u.range, prepared.defaults()[slot], u.input.limits())?;
                let group = u
                    .group
                    .as_ref()
                    .and_then(|name| study.correlation_groups.iter().position(|g| &g.name == name));
                refs.push(u.input.clone());
                Some((slot, marginal, group))
            })
            .collect();
        Sampler {
            inputs,
            refs,
            groups,
            standard: Normal::standard(),
        }
    }

    /// The inputs drawn, in the order of [`Sampler::values`].
    #[must_use]
    pub fn inputs(&self) -> &[crate::model::InputRef] {
        &self.refs
    }

    /// Number of uncertain inputs.
    #[must_use]
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// True when nothing is uncertain.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// Writes draw `index` of `seed` into `params` (the other slots keep
    /// their values). `common` is scratch space.
    pub fn draw(&self, seed: u64, index: usize, params: &mut [f64], common: &mut Vec<f64>) {
        // One independent stream per draw.
        let mut rng = crate::engine::streams::stream(seed, index as u64);
        common.clear();
        common.extend(
            self.groups
                .iter()
                .map(|_| self.standard.inverse_cdf(uniform(&mut rng))),
        );
        for (slot, marginal, group) in &self.inputs {
            let u = uniform(&mut rng);
            let u = match group {
                None => u,
                Some(g) => {
                    let rho = self.groups[*g];
                    let z = rho.sqrt() * common[*g] + (1.0 - rho).sqrt() * self.standard.inverse_cdf(u);
                    self.standard.cdf(z).clamp(1e-15, 1.0 - 1e-15)
                }
            };
            params[*slot] = marginal.quantile(u);
        }
    }

    /// The values of the uncertain inputs in `params`, in the study's order.
    pub fn values(&self, params: &[f64], out: &mut [f64]) {
        for ((slot, _, _), value) in self.inputs.iter().zip(out) {
            *value = params[*slot];
        }
    }
}
