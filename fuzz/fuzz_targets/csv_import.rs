//! Fuzz the CSV import of today's costs: any bytes must give a preview or an
//! error, never a panic; applying a preview must keep the study loadable.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use samdrift::io::csv_import::{Mapping, apply, preview};
use samdrift::model::Study;

fn study() -> &'static Study {
    static STUDY: OnceLock<Study> = OnceLock::new();
    STUDY.get_or_init(|| {
        samdrift::io::load_str(samdrift::REFERENCE_STUDY, Path::new("reference"))
            .expect("the reference study loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let study = study();
    if let Ok(p) = preview(data, study, &Mapping::new()) {
        let next = apply(study, &p);
        let _ = samdrift::model::validate(&next);
    }
});
