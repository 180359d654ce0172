//! Fuzz the study loader the app and the CLI use, and everything after it:
//! any bytes must give a study or an error, never a panic, a hang or a
//! runaway allocation; a study that validates must evaluate to finite
//! figures.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(study) = samdrift::io::load_str(text, Path::new("fuzz.ron")) else {
        return;
    };
    let report = samdrift::model::validate(&study);
    if report.has_errors() {
        return;
    }
    if let Ok(evaluation) = samdrift::engine::evaluate(&study) {
        for s in 0..evaluation.scenarios.len() {
            for m in 0..evaluation.members.len() {
                for y in 0..evaluation.years.len() {
                    assert!(evaluation.member_year(s, m, y).is_finite(), "non-finite figure");
                }
            }
        }
    }
});
