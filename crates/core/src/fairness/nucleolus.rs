//! The (pre)nucleolus of a cost game by a sequence of linear programs.

// The algorithm reads as in the literature: n players, c(S), x, t.
#![allow(clippy::many_single_char_names)]

use super::{Game, NUCLEOLUS_LIMIT, lp, members_of};

/// The nucleolus is not available.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoNucleolus {
    /// More than [`NUCLEOLUS_LIMIT`] members.
    TooManyMembers,
    /// The linear programs did not converge.
    SolverFailed,
}

/// The prenucleolus of a cost game, and the smallest largest excess of its
/// first linear program (`≤ 0` exactly when the core is not empty).
///
/// Sequential linear programs (Maschler–Peleg–Shapley): minimise `t`
/// subject to `x(N) = c(N)`, `x(S) − c(S) ≤ t` for the groups not yet
/// fixed, and the excesses fixed in earlier rounds. The groups whose
/// constraint has a positive dual value are tight in every optimal
/// solution: fix their excess at `t` and repeat, dropping every group whose
/// excess the fixed ones already determine, until the fixed groups pin `x`
/// down. Figures are scaled to the largest coalition cost first.
///
/// # Errors
/// [`NoNucleolus`].
pub fn nucleolus(game: &Game) -> Result<(Vec<f64>, f64), NoNucleolus> {
    let n = game.n;
    if n > NUCLEOLUS_LIMIT {
        return Err(NoNucleolus::TooManyMembers);
    }
    let full = game.full();
    if n <= 1 {
        return Ok((vec![game.cost[full]; n], 0.0));
    }
    let scale = game.cost.iter().fold(1.0f64, |m, c| m.max(c.abs()));
    let c = |mask: usize| game.cost[mask] / scale;
    let row = |mask: usize| -> lp::Row { members_of(mask, n).map(|i| (i, 1.0)).collect() };
    let mut basis = Span::new(n);
    basis.add(full);
    let mut fixed: Vec<(usize, f64)> = Vec::new();
    let mut free: Vec<usize> = (1..full).collect();
    let mut first_t = None;
    let mut x = vec![c(full) / n as f64; n];
    while basis.rank() < n && !free.is_empty() {
        let t_var = n;
        let mut eq = vec![(row(full), c(full))];
        eq.extend(fixed.iter().map(|&(s, e)| (row(s), c(s) + e)));
        let le: Vec<(lp::Row, f64)> = free
            .iter()
            .map(|&s| {
                let mut r = row(s);
                r.push((t_var, -1.0));
                (r, c(s))
            })
            .collect();
        let mut q = vec![0.0; n + 1];
        q[t_var] = 1.0;
        let solved = lp::solve(&lp::Program {
            n: n + 1,
            p_diag: vec![],
            q,
            eq,
            le,
        })
        .map_err(|_| NoNucleolus::SolverFailed)?;
        let t = solved.x[t_var];
        first_t.get_or_insert(t);
        x.copy_from_slice(&solved.x[..n]);
        let max_dual = solved.le_dual.iter().fold(0.0f64, |m, d| m.max(*d));
        let mut tight: Vec<usize> = (0..free.len())
            .filter(|&k| solved.le_dual[k] > 1e-6 * max_dual.max(1e-12))
            .collect();
        if tight.is_empty() {
            tight = (0..free.len()).filter(|&k| solved.le_slack[k] < 1e-8).collect();
        }
        if tight.is_empty() {
            return Err(NoNucleolus::SolverFailed);
        }
        for &k in &tight {
            fixed.push((free[k], t));
            basis.add(free[k]);
        }
        let tight_set: std::collections::HashSet<usize> = tight.iter().map(|&k| free[k]).collect();
        free.retain(|s| !tight_set.contains(s) && !basis.contains(*s));
    }
    // The fixed groups determine x: solve their equations exactly.
    let mut equations = vec![(full, c(full))];
    equations.extend(fixed.iter().map(|&(s, e)| (s, c(s) + e)));
    if let Some(exact) = solve_equations(&equations, n) {
        x = exact;
    }
    Ok((
        x.into_iter().map(|v| v * scale).collect(),
        first_t.unwrap_or(0.0) * scale,
    ))
}

/// Row-reduced 0/1 vectors, to tell whether a group's vector is a
/// combination of the fixed ones.
struct Span {
    n: usize,
    rows: Vec<(usize, Vec<f64>)>,
}

impl Span {
    fn new(n: usize) -> Span {
        Span { n, rows: Vec::new() }
    }

    fn rank(&self) -> usize {
        self.rows.len()
    }

    fn reduce(&self, mask: usize) -> Vec<f64> {
        let mut v: Vec<f64> = (0..self.n)
            .map(|i| f64::from(u8::from(mask & (1 << i) != 0)))
            .collect();
        for (pivot, r) in &self.rows {
            let f = v[*pivot];
            if f != 0.0 {
                for (a, b) in v.iter_mut().zip(r) {
                    *a -= f * b;
                }
            }
        }
        v
    }

    fn contains(&self, mask: usize) -> bool {
        self.reduce(mask).iter().all(|v| v.abs() < 1e-9)
    }

    fn add(&mut self, mask: usize) {
        let v = self.reduce(mask);
        let Some((pivot, &p)) = v
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
        else {
            return;
        };
        if p.abs() < 1e-9 {
            return;
        }
        let v: Vec<f64> = v.iter().map(|a| a / p).collect();
        for (_, r) in &mut self.rows {
            let f = r[pivot];
            if f != 0.0 {
                for (a, b) in r.iter_mut().zip(&v) {
                    *a -= f * b;
                }
            }
        }
        self.rows.push((pivot, v));
    }
}

/// Solves `x(S) = b` for the given groups (least squares by the normal
/// equations, exact when they have rank `n`); `None` when singular.
fn solve_equations(equations: &[(usize, f64)], n: usize) -> Option<Vec<f64>> {
    let mut m = vec![vec![0.0; n + 1]; n];
    for &(mask, b) in equations {
        let members: Vec<usize> = members_of(mask, n).collect();
        for &i in &members {
            for &j in &members {
                m[i][j] += 1.0;
            }
            m[i][n] += b;
        }
    }
    for col in 0..n {
        let pivot = (col..n).max_by(|&a, &b| m[a][col].abs().total_cmp(&m[b][col].abs()))?;
        if m[pivot][col].abs() < 1e-9 {
            return None;
        }
        m.swap(col, pivot);
        for r in 0..n {
            if r != col {
                let f = m[r][col] / m[col][col];
                if f != 0.0 {
                    let pivot_row = m[col].clone();
                    for (a, b) in m[r][col..].iter_mut().zip(&pivot_row[col..]) {
                        *a -= f * b;
                    }
                }
            }
        }
    }
    Some((0..n).map(|i| m[i][n] / m[i][i]).collect())
}
