//! Writes a generated study, as the benchmark's (`samdrift bench`) rows
//! use them, to a file, so that the app, the exports and the CLI can be
//! tried on a large study by hand:
//!
//! ```sh
//! cargo run --release --example synthetic -- 20 60 5 10 m20.ron
//! ```
//!
//! Arguments: members, lines per scenario, scenarios, years, file.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let numbers: Vec<usize> = args.iter().take(4).filter_map(|a| a.parse().ok()).collect();
    let (Some(path), [members, lines, scenarios, years]) = (args.get(4), numbers.as_slice()) else {
        eprintln!("usage: synthetic MEMBERS LINES SCENARIOS YEARS FILE");
        return ExitCode::from(2);
    };
    let Ok(years) = u32::try_from(*years) else {
        eprintln!("years: at most {}", u32::MAX);
        return ExitCode::from(2);
    };
    let study = samdrift::model::examples::synthetic(*members, *lines, *scenarios, years);
    match samdrift::io::study_file::save_path(&study, std::path::Path::new(path)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::from(1)
        }
    }
}
