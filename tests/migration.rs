//! Old file formats are read and migrated to the current one.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    clippy::panic,
    missing_docs
)]

use std::path::Path;

use samdrift::engine::{Metric, evaluate};
use samdrift::io::{load_path, load_str, to_ron_string};
use samdrift::model::{FORMAT_VERSION, KeyRule, MemberId};

#[test]
fn format_1_is_migrated_and_evaluates_as_before() {
    let study = load_path(Path::new("tests/fixtures/format-v1.ron")).expect("v1 loads");
    assert_eq!(study.version, FORMAT_VERSION);
    assert_eq!(study.members.len(), 2);
    assert!(
        study.members[0]
            .population
            .as_ref()
            .unwrap()
            .source
            .is_assumption()
    );
    assert_eq!(study.baseline.lines.len(), 2);
    assert!(matches!(&study.keys[0].rule, KeyRule::Fixed(w) if w[&MemberId::new("A")] == 60.0));
    assert_eq!(study.assumptions.display_year, 2008);

    let e = evaluate(&study).expect("the migrated study is valid");
    let rows = e.summary(Metric::Annual(2010));
    assert_eq!(rows[0].per_member, vec![Some(350_000.0), Some(240_000.0)]);
    assert_eq!(rows[1].per_member, vec![Some(300_000.0), Some(200_000.0)]);

    // Saved again, it is a current-format file that loads to the same study.
    let text = to_ron_string(&study).unwrap();
    assert!(text.contains(&format!("version: {FORMAT_VERSION}")));
    assert_eq!(load_str(&text, Path::new("again.ron")).unwrap(), study);
}
