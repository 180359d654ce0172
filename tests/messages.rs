//! Every message id the code asks for exists in every language, and each
//! language writes and reads its numbers so that they round-trip.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]

mod common;
use common::rust_files;

use std::path::Path;

use samdrift::i18n::{Lang, Tr};

/// Literals of match arms that are keys of other things, not message ids
/// (table ids, the keys of a fleet's costs).
const NOT_MESSAGES: [&str; 4] = ["by-category", "per-year", "energy-idle", "server-energy"];

/// The string literals passed straight to `.get("…")` or `.args("…", …)`,
/// and the ids returned by match arms (`View::Criteria => "view-criteria"`,
/// `tr.get(match e { … => "analysis-invalid" })`), so a typo in any of
/// them fails here.
fn ids_in(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for marker in [".get(\"", ".args(\"", ".args(\n", "=> \"", "=>\n"] {
        for (at, _) in source.match_indices(marker) {
            let rest = source[at + marker.len()..].trim_start_matches([' ', '\n', '"']);
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            if id.contains('-') && rest[id.len()..].starts_with('"') && !NOT_MESSAGES.contains(&id.as_str()) {
                ids.push(id);
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_asks_for_exists_in_every_language() {
    let mut files = Vec::new();
    // Every crate of the workspace.
    rust_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut files);
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/crates")),
        &mut files,
    );
    let mut asked = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for id in ids_in(&source) {
            asked.push((file.display().to_string(), id));
        }
    }
    // The scan finds the ids (a broken scan would pass vacuously).
    assert!(asked.len() > 300, "found only {} ids", asked.len());
    assert!(asked.iter().any(|(_, id)| id == "menu-file"));
    // …and those returned by match arms (only there: `=> "analysis-invalid"`).
    assert!(asked.iter().any(|(_, id)| id == "analysis-invalid"));
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        let tr = Tr::new(lang);
        for (file, id) in &asked {
            // A missing message comes back as its id.
            if tr.get(id) == *id && id != "no-such-message" {
                missing.push(format!("{}: {id} ({file})", lang.code()));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn numbers_round_trip_in_every_language() {
    let tricky = [
        0.0,
        -0.5,
        1.0,
        12.5,
        999.0,
        1000.0,
        1234.0,
        1234.5,
        -1234.56,
        100_000.0,
        1_234_567.0,
        2_262_000.0,
        0.125,
        22.28,
        -987_654_321.75,
    ];
    for lang in Lang::ALL {
        let tr = Tr::new(lang);
        for value in tricky {
            for decimals in [0, 2] {
                let shown = tr.num(value, decimals);
                let read = tr
                    .parse(&shown)
                    .unwrap_or_else(|e| panic!("{}: {shown:?}: {e}", lang.code()));
                // What the figure shows: rounded as Rust's formatting rounds.
                let expected: f64 = format!("{value:.decimals$}").parse().unwrap();
                let expected = if expected == 0.0 { 0.0 } else { expected };
                assert_eq!(read, expected, "{}: {value} shown as {shown:?}", lang.code());
            }
            let money = tr.money(value);
            let whole: f64 = format!("{value:.0}").parse().unwrap();
            assert_eq!(
                tr.parse(&money).unwrap(),
                whole + 0.0,
                "{}: {money:?}",
                lang.code()
            );
            let percent = tr.pct(value, 2);
            assert!(
                (tr.parse(&percent).unwrap() - value).abs() < 0.006,
                "{}: {percent:?}",
                lang.code()
            );
        }
    }
}

#[test]
fn each_language_writes_numbers_its_own_way() {
    let nbsp = '\u{a0}';
    for lang in [Lang::Nb, Lang::Nn, Lang::Sv] {
        assert_eq!(
            Tr::new(lang).money(1_234_567.0),
            format!("1{nbsp}234{nbsp}567{nbsp}kr")
        );
        assert_eq!(Tr::new(lang).num(1234.5, 1), format!("1{nbsp}234,5"));
    }
    let da = Tr::new(Lang::Da);
    assert_eq!(da.money(1_234_567.0), format!("1.234.567{nbsp}kr."));
    assert_eq!(da.num(-1234.5, 1), "\u{2212}1.234,5");
    assert_eq!(da.pct(22.28, 1), format!("22,3{nbsp}%"));
    // English keeps the Nordic kroner as they are written today.
    assert_eq!(
        Tr::new(Lang::En).money(2_262_000.0),
        format!("2{nbsp}262{nbsp}000{nbsp}kr")
    );
}

#[test]
fn a_lone_separator_before_three_digits_is_read_as_each_language_means_it() {
    use samdrift::format::Numbers;
    // Danish groups with points: 1.234 is a thousand and more; a
    // Norwegian or Swede typing 1.234 from a keypad means a decimal.
    assert_eq!(Tr::new(Lang::Da).parse("1.234").unwrap(), 1234.0);
    assert_eq!(Tr::new(Lang::Da).parse("1.234.567,5").unwrap(), 1_234_567.5);
    assert_eq!(Tr::new(Lang::Da).parse("1,234").unwrap(), 1.234);
    assert_eq!(Tr::new(Lang::Da).parse("1.5").unwrap(), 1.5);
    assert_eq!(Tr::new(Lang::Da).parse("25 kr.").unwrap(), 25.0);
    for lang in [Lang::Nb, Lang::Nn, Lang::Sv] {
        assert_eq!(Tr::new(lang).parse("1.234").unwrap(), 1.234, "{}", lang.code());
        assert_eq!(Tr::new(lang).parse("1,234").unwrap(), 1.234, "{}", lang.code());
        assert_eq!(Tr::new(lang).parse("1.234,5").unwrap(), 1234.5, "{}", lang.code());
    }
    assert_eq!(Tr::new(Lang::En).parse("1,234").unwrap(), 1234.0);
    assert_eq!(Tr::new(Lang::En).parse("1.234").unwrap(), 1.234);
    // Such text is what the app shows the parsed value for.
    assert!(Numbers::is_ambiguous("1.234"));
    assert!(Numbers::is_ambiguous("−12,500"));
    assert!(!Numbers::is_ambiguous("0.125"));
    assert!(!Numbers::is_ambiguous("1.5"));
    assert!(!Numbers::is_ambiguous("1.234.567"));
    assert!(!Numbers::is_ambiguous("1 234,5"));
}

#[test]
fn a_danish_sentence_that_ends_in_kroner_has_one_point() {
    let da = Tr::new(Lang::Da);
    let text = da.args(
        "problem-printed-row-total-differs",
        &[
            ("printed", da.money(490_000.0)),
            ("computed", da.money(630_000.0)),
        ],
    );
    assert!(text.ends_with("630.000\u{a0}kr."), "{text}");
    assert!(!text.contains("kr.."), "{text}");
}
