//! A small front for the linear and quadratic programs of the fair split,
//! solved by Clarabel (a pure-Rust interior-point solver from Oxford's
//! control group). Interior-point methods end at the centre of the optimal
//! face, so a constraint with a positive dual is tight in *every* optimal
//! solution — what the nucleolus needs to know which groups to fix.

// Matrix names as in the solver's documentation: P, q, A, b, n, m.
#![allow(clippy::many_single_char_names)]

use clarabel::algebra::CscMatrix;
use clarabel::solver::{DefaultSettingsBuilder, DefaultSolver, IPSolver, SolverStatus, SupportedConeT};

/// A sparse row: `(variable, coefficient)` pairs.
pub type Row = Vec<(usize, f64)>;

/// `minimise ½ xᵀ diag(p) x + qᵀ x` subject to `eq` rows `= b` and `le`
/// rows `≤ b`.
#[derive(Debug, Clone, Default)]
pub struct Program {
    /// Number of variables.
    pub n: usize,
    /// Diagonal of the quadratic term (empty for a linear program).
    pub p_diag: Vec<f64>,
    /// Linear term.
    pub q: Vec<f64>,
    /// Equality rows and their right-hand sides.
    pub eq: Vec<(Row, f64)>,
    /// Inequality rows (`≤`) and their right-hand sides.
    pub le: Vec<(Row, f64)>,
}

/// A solved program.
#[derive(Debug, Clone)]
pub struct Solved {
    /// The variables.
    pub x: Vec<f64>,
    /// Per inequality row: its dual value (≥ 0).
    pub le_dual: Vec<f64>,
    /// Per inequality row: its slack `b − row·x` (≥ 0).
    pub le_slack: Vec<f64>,
}

/// Why a program has no solution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LpError {
    /// No point satisfies the constraints.
    Infeasible,
    /// The solver did not converge.
    Failed,
}

fn csc(rows: &[&Row], n: usize) -> CscMatrix<f64> {
    let mut columns: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (r, row) in rows.iter().enumerate() {
        for &(j, v) in *row {
            if v != 0.0 {
                columns[j].push((r, v));
            }
        }
    }
    let mut colptr = Vec::with_capacity(n + 1);
    let mut rowval = Vec::new();
    let mut nzval = Vec::new();
    colptr.push(0);
    for column in columns {
        for (r, v) in column {
            rowval.push(r);
            nzval.push(v);
        }
        colptr.push(rowval.len());
    }
    CscMatrix::new(rows.len(), n, colptr, rowval, nzval)
}

/// Solves the program.
///
/// # Errors
/// [`LpError`] when it is infeasible or the solver fails.
pub fn solve(program: &Program) -> Result<Solved, LpError> {
    let n = program.n;
    let p = if program.p_diag.is_empty() {
        CscMatrix::zeros((n, n))
    } else {
        let colptr: Vec<usize> = (0..=n).collect();
        CscMatrix::new(n, n, colptr, (0..n).collect(), program.p_diag.clone())
    };
    let rows: Vec<&Row> = program.eq.iter().chain(&program.le).map(|(r, _)| r).collect();
    let a = csc(&rows, n);
    let b: Vec<f64> = program.eq.iter().chain(&program.le).map(|(_, b)| *b).collect();
    let mut cones = Vec::new();
    if !program.eq.is_empty() {
        cones.push(SupportedConeT::ZeroConeT(program.eq.len()));
    }
    if !program.le.is_empty() {
        cones.push(SupportedConeT::NonnegativeConeT(program.le.len()));
    }
    let settings = DefaultSettingsBuilder::default()
        .verbose(false)
        .max_iter(200)
        .tol_gap_abs(1e-10)
        .tol_gap_rel(1e-10)
        .tol_feas(1e-10)
        .build()
        .map_err(|_| LpError::Failed)?;
    let mut solver =
        DefaultSolver::new(&p, &program.q, &a, &b, &cones, settings).map_err(|_| LpError::Failed)?;
    solver.solve();
    let solution = &solver.solution;
    match solution.status {
        SolverStatus::Solved | SolverStatus::AlmostSolved => {
            let k = program.eq.len();
            Ok(Solved {
                x: solution.x.clone(),
                le_dual: solution.z[k..].to_vec(),
                le_slack: solution.s[k..].to_vec(),
            })
        }
        SolverStatus::PrimalInfeasible | SolverStatus::AlmostPrimalInfeasible => Err(LpError::Infeasible),
        _ => Err(LpError::Failed),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_small_linear_program() {
        // min −x − y, x + y ≤ 4, x ≤ 3, y ≤ 3, x − y = 1 → x = 2,5, y = 1,5.
        let program = Program {
            n: 2,
            p_diag: vec![],
            q: vec![-1.0, -1.0],
            eq: vec![(vec![(0, 1.0), (1, -1.0)], 1.0)],
            le: vec![
                (vec![(0, 1.0), (1, 1.0)], 4.0),
                (vec![(0, 1.0)], 3.0),
                (vec![(1, 1.0)], 3.0),
            ],
        };
        let s = solve(&program).unwrap();
        assert!(
            (s.x[0] - 2.5).abs() < 1e-7 && (s.x[1] - 1.5).abs() < 1e-7,
            "{:?}",
            s.x
        );
        // Only x + y ≤ 4 binds: its dual is 1, the others 0.
        assert!((s.le_dual[0] - 1.0).abs() < 1e-6);
        assert!(s.le_dual[1].abs() < 1e-6 && s.le_dual[2].abs() < 1e-6);
    }

    #[test]
    fn infeasible_is_said() {
        let program = Program {
            n: 1,
            p_diag: vec![],
            q: vec![1.0],
            eq: vec![],
            le: vec![(vec![(0, 1.0)], -1.0), (vec![(0, -1.0)], -1.0)],
        };
        assert_eq!(solve(&program).unwrap_err(), LpError::Infeasible);
    }
}
