//! `samdrift bench`: how fast the engine is, on the reference study, a
//! large generated study and a 16-member study for fair splits.
//!
//! Each row is `case;what;median_us;min_us` (microseconds; for batches the
//! time of the whole batch, not per item). Rows named `…-plain` time the
//! line-by-line engine ([`crate::engine::plain`]) that the prepared engine
//! replaced, as the "before" figure.

use std::time::{Duration, Instant};

use crate::engine::{self, Metric, PreparedStudy, Shape, plain};
use crate::io;
use crate::model::{InputRef, Study, examples};

/// One measured row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The study: `reference`, `large`, `shapley16`.
    pub case: &'static str,
    /// What was timed.
    pub what: &'static str,
    /// Median over the iterations, microseconds.
    pub median_us: f64,
    /// Fastest iteration, microseconds.
    pub min_us: f64,
}

fn time(iterations: u32, mut f: impl FnMut()) -> (f64, f64) {
    let mut samples: Vec<Duration> = (0..iterations.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    (us(samples[samples.len() / 2]), us(samples[0]))
}

/// A uniform number in `[0, 1)` from an item index and a slot, so that a
/// batch's draws depend on nothing else (`SplitMix64` of both).
fn unit(item: usize, slot: usize) -> f64 {
    let mut z = (item as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add((slot as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// Runs every benchmark. `iterations` is the number of timed runs of the
/// single evaluations; batches run `iterations / 40` times (at least 3).
///
/// # Errors
/// A message when a built-in study cannot be loaded or evaluated.
pub fn run(iterations: u32) -> Result<Vec<Row>, String> {
    let reference = io::load_str(
        crate::REFERENCE_STUDY,
        std::path::Path::new(crate::REFERENCE_STUDY_NAME),
    )
    .map_err(|e| e.to_string())?;
    let large = examples::synthetic(50, 500, 4, 10);
    let shapley = examples::synthetic(16, 500, 4, 10);
    let large_text = io::to_ron_string(&large).map_err(|e| e.to_string())?;
    let batch_iterations = (iterations / 40).max(3);
    let mut rows = Vec::new();
    let mut row = |case, what, (median_us, min_us): (f64, f64)| {
        rows.push(Row {
            case,
            what,
            median_us,
            min_us,
        });
    };

    row(
        "reference",
        "parse",
        time(iterations, || {
            std::hint::black_box(io::load_str(crate::REFERENCE_STUDY, std::path::Path::new("r")).is_ok());
        }),
    );
    single(&reference, "reference", iterations, &mut row)?;
    row(
        "large",
        "parse",
        time(iterations.min(20), || {
            std::hint::black_box(io::load_str(&large_text, std::path::Path::new("l")).is_ok());
        }),
    );
    row(
        "large",
        "validate",
        time(iterations, || {
            std::hint::black_box(crate::model::validate(std::hint::black_box(&large)));
        }),
    );
    row(
        "large",
        "prepare",
        time(iterations, || {
            std::hint::black_box(PreparedStudy::prepare(std::hint::black_box(&large)).is_ok());
        }),
    );
    single(&large, "large", iterations, &mut row)?;

    // 100 000 draws of the reference study: every line amount times a
    // factor in [0.8, 1.2), every scenario's present value per member.
    let prepared = PreparedStudy::prepare(&reference).map_err(|e| e.to_string())?;
    let slots: Vec<usize> = prepared
        .inputs()
        .iter()
        .filter(|i| matches!(i, InputRef::LineAmount { .. }))
        .filter_map(|i| prepared.param(i))
        .collect();
    let scenarios: Vec<usize> = (0..prepared.scenario_count()).collect();
    let shape = Shape::MemberMetric(Metric::PresentValue);
    let draws = 100_000;
    let mut out = vec![0.0; draws * scenarios.len() * prepared.len_per_scenario(shape)];
    row(
        "reference",
        "draws-100k",
        time(batch_iterations, || {
            let report = prepared.run_batch(
                draws,
                &scenarios,
                shape,
                |i, params, _| {
                    for (k, &slot) in slots.iter().enumerate() {
                        params[slot] *= 0.8 + 0.4 * unit(i, k);
                    }
                },
                &mut out,
            );
            std::hint::black_box(report);
        }),
    );

    // Every coalition of 16 members: each scenario's present value per
    // member, as a fair split needs.
    let prepared = PreparedStudy::prepare(&shapley).map_err(|e| e.to_string())?;
    let n_members = prepared.members().len();
    let coalitions = (1usize << n_members) - 1;
    let scenarios: Vec<usize> = (0..prepared.scenario_count()).collect();
    let mut out = vec![0.0; coalitions * scenarios.len() * prepared.len_per_scenario(shape)];
    row(
        "shapley16",
        "coalitions",
        time(batch_iterations, || {
            let report = prepared.run_batch(
                coalitions,
                &scenarios,
                shape,
                |i, _, coalition| {
                    let mask = i + 1;
                    for (m, slot) in coalition.iter_mut().enumerate() {
                        *slot = mask & (1 << m) != 0;
                    }
                },
                &mut out,
            );
            std::hint::black_box(report);
        }),
    );
    // The uncertainty analysis of the reference study (its shipped ranges),
    // as the app (10 000 draws) and the CLI and exports (100 000) run it.
    for (what, draws) in [("uncertainty-10k", 10_000), ("uncertainty-100k", 100_000)] {
        let options = crate::uncertainty::Options {
            draws,
            seed: 1,
            metric: Metric::PresentValue,
        };
        let mut failed = false;
        row(
            "reference",
            what,
            time(batch_iterations, || {
                failed |= crate::uncertainty::simulate(&reference, options, &|_| true).is_err();
            }),
        );
        if failed {
            return Err(format!("{what}: the simulation failed"));
        }
    }

    // The uncertainty table of 10 000 draws (every member's spreads and
    // chances: sorts every draw), as the exports build it; the app's view
    // used to build it every frame for its title.
    let options = crate::uncertainty::Options {
        draws: 10_000,
        seed: 1,
        metric: Metric::PresentValue,
    };
    let sim = crate::uncertainty::simulate(&reference, options, &|_| true)
        .map_err(|_| "uncertainty-table-10k: the simulation failed".to_owned())?;
    let tr = crate::i18n::Tr::new(crate::i18n::Lang::En);
    row(
        "reference",
        "uncertainty-table-10k",
        time(batch_iterations, || {
            std::hint::black_box(crate::report::tables::uncertainty(&reference, &sim, &tr));
        }),
    );

    // The criteria analysis of the reference study (its shipped criteria
    // and profiles), as the app's view (4 000 weight samples) and the
    // briefing (10 000) run it.
    for (what, samples) in [("criteria-4k", 4_000), ("criteria-10k", 10_000)] {
        let mut failed = false;
        row(
            "reference",
            what,
            time(batch_iterations, || {
                failed |= crate::criteria::analyse(&reference, Metric::PresentValue, samples, 1).is_err();
            }),
        );
        if failed {
            return Err(format!("{what}: the analysis failed"));
        }
    }

    shapley_rows(batch_iterations, &mut rows)?;
    export_rows(&reference, &tr, &mut rows)?;
    Ok(rows)
}

/// Exact Shapley values of generated studies of 12, 16 and 20 members.
fn shapley_rows(batch_iterations: u32, rows: &mut Vec<Row>) -> Result<(), String> {
    // Exact Shapley values of joint in-house operation (scenario 1) over
    // the present value: every coalition's cost, then the weighted sum.
    for (case, members, runs) in [
        ("shapley12", 12, batch_iterations),
        ("shapley16", 16, batch_iterations),
        ("shapley20", 20, 1),
    ] {
        let study = examples::synthetic(members, 500, 2, 10);
        let prepared = PreparedStudy::prepare(&study).map_err(|e| e.to_string())?;
        let mut failed = false;
        let (median_us, min_us) = time(runs, || {
            match crate::fairness::coalition_table(&prepared, 0, 1, Metric::PresentValue, &|_| true) {
                Ok(table) => {
                    std::hint::black_box(table.game.shapley());
                }
                Err(_) => failed = true,
            }
        });
        rows.push(Row {
            case,
            what: "exact-shapley",
            median_us,
            min_us,
        });
        if failed {
            return Err(format!("{case}: the coalition table failed"));
        }
    }
    Ok(())
}

/// Everything `samdrift export --html --xlsx --csv` makes, in memory.
fn export_rows(reference: &Study, tr: &crate::i18n::Tr, rows: &mut Vec<Row>) -> Result<(), String> {
    // Everything `samdrift export --html --xlsx --csv` makes, in memory:
    // the tables once (report::bundle), the workbook, the CSV files and
    // the briefing; on the reference study and a generated study of 20
    // members × 5 scenarios × 60 lines (no ranges), and of 500 members ×
    // 12 scenarios × 2 600 lines (once: it takes seconds).
    let m20 = examples::synthetic(20, 60, 5, 10);
    let m500 = examples::synthetic(500, 2_600, 12, 10);
    for (case, study, runs) in [("reference", reference, 3), ("m20", &m20, 3), ("m500", &m500, 1)] {
        let evaluation = engine::evaluate(study).map_err(|e| format!("{case}: {e}"))?;
        let year = study.assumptions.display_year;
        let mut failed = false;
        let (median_us, min_us) = time(runs, || {
            // The analyses once, then every format from them.
            let Ok(analyses) = crate::report::bundle::Analyses::run(
                study,
                year,
                crate::report::bundle::ExportOptions::default(),
                &|_| true,
            ) else {
                failed = true;
                return;
            };
            let tables = crate::report::bundle::export_tables(study, &evaluation, (tr, year), &analyses);
            failed |= io::xlsx_export::workbook_bytes(&tables, tr).is_err();
            for table in &tables {
                std::hint::black_box(io::csv_export::table_csv(
                    table,
                    io::csv_export::CsvVariant::Nordic,
                ));
            }
            std::hint::black_box(io::html_export::briefing_with(
                study,
                &evaluation,
                (tr, year, case),
                &analyses,
                io::html_export::Length::Full,
            ));
        });
        rows.push(Row {
            case,
            what: "export-all",
            median_us,
            min_us,
        });
        if failed {
            return Err(format!("{case}: export-all failed"));
        }
    }

    Ok(())
}

/// Prepared evaluation of every cell of every scenario, and the plain
/// engine's `evaluate` (validation included) as before.
fn single(
    study: &Study,
    case: &'static str,
    iterations: u32,
    row: &mut impl FnMut(&'static str, &'static str, (f64, f64)),
) -> Result<(), String> {
    let prepared = PreparedStudy::prepare(study).map_err(|e| e.to_string())?;
    let scenarios: Vec<usize> = (0..prepared.scenario_count()).collect();
    let mut ws = prepared.workspace();
    let mut out = vec![0.0; scenarios.len() * prepared.len_per_scenario(Shape::Cells)];
    let mut failed = false;
    row(
        case,
        "evaluate",
        time(iterations, || {
            failed |= prepared
                .run(
                    prepared.defaults(),
                    None,
                    &scenarios,
                    Shape::Cells,
                    &mut ws,
                    &mut out,
                )
                .is_err();
            std::hint::black_box(&out);
        }),
    );
    row(
        case,
        "evaluate-plain",
        time(iterations, || {
            std::hint::black_box(plain::evaluate_line_by_line(std::hint::black_box(study)).is_ok());
        }),
    );
    row(
        case,
        "validate+evaluate",
        time(iterations, || {
            std::hint::black_box(engine::evaluate(std::hint::black_box(study)).is_ok());
        }),
    );
    if failed {
        return Err(format!("{case}: the prepared evaluation failed"));
    }
    Ok(())
}
