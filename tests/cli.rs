//! The command-line contract: `compare` and `check`, their output and exit
//! codes, also on broken files.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    clippy::panic,
    missing_docs
)]

use std::process::{Command, Output};

fn samdrift(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samdrift"))
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("the binary runs")
}

/// Standard output without the byte-order mark a CSV starts with.
fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout)
        .trim_start_matches('\u{feff}')
        .to_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The rows of a `;` CSV, quotes resolved (a decimal comma is quoted).
fn semicolon_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn write_temp(name: &str, content: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    (dir, path.display().to_string())
}

#[test]
fn compare_prints_the_2006_table() {
    let o = samdrift(&["compare", "scenarios/nordre-troms-2006.ron"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let header = text.lines().nth(1).unwrap();
    let columns: Vec<&str> = header.split_whitespace().collect();
    assert_eq!(columns, ["Scenario", "G", "L", "S", "I", "total"]);
    let today = text.lines().find(|l| l.starts_with("Dagens drift")).unwrap();
    // Cells are separated by at least two spaces; digit groups by one.
    let cells: Vec<&str> = today
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        cells,
        [
            "Dagens drift",
            "627 000",
            "550 000",
            "647 500",
            "590 000",
            "2 414 500"
        ]
    );
    let without = text
        .lines()
        .find(|l| l.starts_with("Drift i eget hus uten Ibestad"))
        .unwrap();
    assert!(without.contains('—'), "{without}");
}

#[test]
fn compare_csv_is_semicolon_separated_with_plain_numbers() {
    let o = samdrift(&[
        "compare",
        "scenarios/nordre-troms-2006.ron",
        "--format",
        "csv",
        "--year",
        "2008",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(headers, ["scenario", "G", "L", "S", "I", "total"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let joint = rows.iter().find(|r| &r[0] == "Drift i eget hus").unwrap();
    let cells: Vec<f64> = (1..6)
        .map(|i| joint[i].replace(',', ".").parse().unwrap())
        .collect();
    assert!((cells[0] - 504_000.0).abs() <= 1000.0);
    assert_eq!(
        cells[..4].iter().sum::<f64>(),
        cells[4],
        "members add up to the total"
    );
    let without = rows
        .iter()
        .find(|r| &r[0] == "Drift i eget hus uten Ibestad")
        .unwrap();
    assert_eq!(&without[4], "", "a member outside the scenario is an empty cell");
    assert!(text.contains("\r\n"));
}

#[test]
fn compare_year_outside_the_horizon_is_refused() {
    let o = samdrift(&["compare", "--year", "1990"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("1990"), "{}", stderr(&o));
}

#[test]
fn check_names_both_wrong_printed_totals() {
    let o = samdrift(&["check", "scenarios/nordre-troms-2006.ron", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "warnings only: exit 0");
    let text = stdout(&o);
    assert!(
        text.lines()
            .any(|l| l.contains("Kommunikasjon") && l.contains("490 000") && l.contains("630 000")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("Andre driftsutgifter") && l.contains("100 000")),
        "{text}"
    );
    assert!(text.lines().all(|l| l.starts_with("warning: ")), "{text}");
}

#[test]
fn check_speaks_norwegian() {
    let o = samdrift(&["--lang", "nb", "check", "scenarios/nordre-troms-2006.ron"]);
    assert!(
        stdout(&o).contains("advarsel: Dagens kostnader"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn check_exits_1_on_validation_errors() {
    let text = std::fs::read_to_string("scenarios/nordre-troms-2006.ron")
        .unwrap()
        .replacen("key: \"briefing\"", "key: \"missing\"", 1);
    let (_dir, path) = write_temp("invalid.ron", text.as_bytes());
    let o = samdrift(&["check", &path, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("error: Scenario “Drift i eget hus”: there is no key with the id “missing”."),
        "{}",
        stdout(&o)
    );
    // compare refuses to show figures for an invalid study.
    let o = samdrift(&["compare", &path]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
}

#[test]
fn broken_file_gets_line_and_column_and_exit_2() {
    let text = std::fs::read_to_string("scenarios/nordre-troms-2006.ron").unwrap();
    let broken = text.replacen("amount_nok: 2262000,", "amount_nok: 2262000,5,", 1);
    let line = broken.lines().position(|l| l.contains("2262000,5")).unwrap() + 1;
    let (_dir, path) = write_temp("broken.ron", broken.as_bytes());
    for command in ["check", "compare"] {
        let o = samdrift(&[command, &path, "--lang", "en"]);
        assert_eq!(o.status.code(), Some(2), "{command}");
        let message = stderr(&o);
        assert!(message.contains(&format!("broken.ron:{line}:")), "{message}");
        assert!(message.contains("decimal comma"), "{message}");
    }
}

#[test]
fn unreadable_files_never_panic() {
    let cases: [(&str, &[u8]); 5] = [
        ("empty.ron", b""),
        ("garbage.ron", b"\x00\x01\x02\xff\xfe binary"),
        (
            "truncated.ron",
            b"(version: 2, title: \"x\", members: [(id: \"G\"",
        ),
        ("newer.ron", b"(version: 7, title: \"from the future\")"),
        (
            "latin1.ron",
            b"(version: 2,\n title: \"Ibestad kommune \xe6\xf8\xe5\")",
        ),
    ];
    for (name, content) in cases {
        let (_dir, path) = write_temp(name, content);
        let o = samdrift(&["check", &path, "--lang", "en"]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(name), "{name}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{name}");
    }
    let o = samdrift(&["check", "/no/such/file.ron"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn export_writes_every_format_and_reports_failures() {
    let dir = tempfile::tempdir().unwrap();
    let csv_dir = dir.path().join("csv");
    let xlsx = dir.path().join("b.xlsx");
    let html = dir.path().join("b.html");
    let o = samdrift(&[
        "export",
        "scenarios/nordre-troms-2006.ron",
        "--csv",
        csv_dir.to_str().unwrap(),
        "--xlsx",
        xlsx.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
        "--lang",
        "nb",
        "--year",
        "2008",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(csv_dir.join("comparison.csv").exists() && xlsx.exists() && html.exists());
    assert!(std::fs::read_to_string(&html).unwrap().contains("2008"));

    let o = samdrift(&["export", "--html", "/proc/forbidden/b.html", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write the export"), "{}", stderr(&o));
    let o = samdrift(&["export"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_failed_export_says_what_was_written_before_it_and_why_in_the_users_words() {
    // `by-category.csv` is a folder, so the CSV export writes the tables
    // before it (comparison, differences, baseline) and fails there; the
    // HTML asked for after it is not attempted.
    let dir = tempfile::tempdir().unwrap();
    let csv_dir = dir.path().join("csv");
    std::fs::create_dir_all(csv_dir.join("by-category.csv")).unwrap();
    let html = dir.path().join("b.html");
    let o = samdrift(&[
        "export",
        "--csv",
        csv_dir.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
        "--lang",
        "nb",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("by-category.csv"), "{err}");
    assert!(err.contains("dette er en mappe"), "{err}");
    assert!(
        err.contains("skrevet før feilen: comparison.csv, differences.csv, baseline.csv."),
        "{err}"
    );
    assert!(!err.contains("Ingenting ble skrevet"), "{err}");
    assert!(!err.contains("annet program"), "{err}");
    assert!(!err.contains(".samdrift-"), "{err}");
    assert!(csv_dir.join("comparison.csv").exists() && !html.exists());

    // A missing folder in Swedish: not found, no hint about other programs.
    let o = samdrift(&["export", "--html", "/proc/forbidden/b.html", "--lang", "sv"]);
    let err = stderr(&o);
    assert!(err.contains("finns inte"), "{err}");
    assert!(
        !err.contains("annat program") && !err.contains("Inget skrevs"),
        "{err}"
    );
}

#[test]
fn compare_metrics_present_value_and_payback() {
    let o = samdrift(&["compare", "--metric", "pv", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let today = text.lines().find(|l| l.starts_with("Dagens drift;")).unwrap();
    // 627 000 a year for 7 years at 4 %: 627 000 × Σ 1/1,04^t (t = 0..6).
    let annuity: f64 = (0..7).map(|t| 1.04f64.powi(-t)).sum();
    let g: f64 = today
        .split(';')
        .nth(1)
        .unwrap()
        .replace(',', ".")
        .parse()
        .unwrap();
    assert!((g - 627_000.0 * annuity).abs() <= 1.0, "{g}");

    let o = samdrift(&["compare", "--metric", "payback", "--lang", "en"]);
    let text = stdout(&o);
    let remote = text.lines().find(|l| l.starts_with("Fjerndrift")).unwrap();
    assert!(remote.contains("2007") && remote.contains("never"), "{remote}");
    let o = samdrift(&["compare", "--metric", "eac", "--format", "csv"]);
    assert!(
        stdout(&o).contains("Fjerndrift;475901;426773;677966;555360;2136000"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn fairness_csv_for_joint_in_house_on_the_reference_study() {
    let o = samdrift(&["fairness", "--scenario", "joint", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let rows = semicolon_rows(&text);
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "member",
            "key",
            "stand_alone",
            "shapley",
            "nucleolus",
            "passes_stand_alone"
        ]
    );
    let number = |s: &str| s.replace(',', ".").parse::<f64>().unwrap();
    // Slide 7: today G 627 000, L 550 000, S 647 500, I 590 000; joint
    // in-house 2 262 000 under the key 22,28 / 19,98 / 31,74 / 26,00 %.
    // Only all four together save (152 500), so Shapley = today − 38 125.
    let expected = [
        ("G", 0.2228, 627_000.0, "yes"),
        ("L", 0.1998, 550_000.0, "yes"),
        ("S", 0.3174, 647_500.0, "no"),
        ("I", 0.26, 590_000.0, "yes"),
    ];
    let mut shapley_sum = 0.0;
    for (row, (id, share, today, passes)) in rows[1..5].iter().zip(expected) {
        assert_eq!(row[0], id);
        assert!((number(row[1]) - 2_262_000.0 * share).abs() < 0.01, "{row:?}");
        assert!((number(row[2]) - today).abs() < 0.01);
        assert!((number(row[3]) - (today - 38_125.0)).abs() < 0.01);
        assert_eq!(row[5], passes);
        shapley_sum += number(row[3]);
    }
    // The Shapley values add up to what the whole group pays, to the krone.
    assert!((shapley_sum - 2_262_000.0).abs() < 1.0);
    assert_eq!(rows[5][0], "total");
    // The worst group is Salangen alone: 717 958,80 − 647 500 = 70 458,80.
    assert_eq!(rows[6][0], "worst_group");
    assert!((number(rows[6][1]) - 70_458.8).abs() < 0.01);
    assert_eq!(rows[6][5], "S");
}

#[test]
fn fairness_names_an_unknown_scenario() {
    let o = samdrift(&["fairness", "--scenario", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("joint"), "{}", stderr(&o));
}

/// Runs `samdrift args…`, killing it after ten seconds (a hang is a failure).
#[cfg(unix)]
fn samdrift_with_timeout(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_samdrift"))
        .args(args)
        .env("LANG", "C")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(10) {
            let _ = child.kill();
            panic!("samdrift {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_pipe_and_a_device_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("study.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let o = samdrift_with_timeout(&["check", fifo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a file"), "{}", stderr(&o));
    // A link to an endless device: refused, not read.
    let zero = dir.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let o = samdrift_with_timeout(&["check", zero.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a file"), "{}", stderr(&o));
}

#[test]
fn a_five_million_character_name_is_refused_with_its_place_and_limit() {
    let text = std::fs::read_to_string("scenarios/nordre-troms-2006.ron").unwrap();
    let long = "a".repeat(5_000_000);
    let text = text.replacen("name: \"Gratangen\"", &format!("name: \"{long}\""), 1);
    let (_dir, path) = write_temp("long.ron", text.as_bytes());
    let o = samdrift(&["check", &path]);
    assert_eq!(o.status.code(), Some(2));
    let message = stderr(&o);
    assert!(message.contains("“name” of municipality «G»"), "{message}");
    assert!(
        message.contains("5 000 000 characters") && message.contains("at most 200"),
        "{message}"
    );
    assert!(message.len() < 1000, "the message must not repeat the text");
}

#[test]
fn check_escapes_control_characters_and_huge_numbers() {
    let text = std::fs::read_to_string("scenarios/nordre-troms-2006.ron").unwrap();
    // A title with a terminal escape sequence, and an absurd amount.
    let text = text.replacen("name: \"Kommunikasjon\"", "name: \"\\u{1b}[31mKommunikasjon\"", 1);
    let text = text.replacen("amount_nok: 2262000", "amount_nok: 1e308", 1);
    let (_dir, path) = write_temp("hostile.ron", text.as_bytes());
    let o = samdrift(&["check", &path]);
    let all = format!("{}{}", stdout(&o), stderr(&o));
    assert!(!all.contains('\u{1b}'), "{all}");
    // The name is still shown, with the escape written out.
    assert!(all.contains("\\u{1b}[31mKommunikasjon"), "{all}");
    assert!(!all.contains("1000000000000000"), "{all}");
    assert!(all.contains("1.0e308"), "{all}");
}

#[test]
fn uncertainty_csv_gives_probabilities_that_add_up_and_repeat_with_the_seed() {
    let args = [
        "uncertainty",
        "--format",
        "csv",
        "--draws",
        "4000",
        "--seed",
        "11",
    ];
    let o = samdrift(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(
        text.lines().next(),
        Some("scenario;member;mean;p10;p50;p90;p_cheapest")
    );
    let mut sums: std::collections::BTreeMap<String, f64> = std::collections::BTreeMap::new();
    for row in semicolon_rows(&text).into_iter().skip(1) {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        let line = row.join(";");
        assert_eq!(cells.len(), 7, "{line}");
        // An option not in competition has no chance: an empty cell.
        let number = |s: &str| {
            if s.is_empty() {
                0.0
            } else {
                s.replace(',', ".").parse::<f64>().unwrap()
            }
        };
        // P10 ≤ P50 ≤ P90.
        assert!(
            number(cells[3]) <= number(cells[4]) && number(cells[4]) <= number(cells[5]),
            "{line}"
        );
        *sums.entry(cells[1].to_owned()).or_default() += number(cells[6]);
    }
    assert_eq!(sums.keys().collect::<Vec<_>>(), ["G", "I", "L", "S", "total"]);
    for (member, sum) in &sums {
        assert!((sum - 1.0).abs() <= 0.001, "{member}: {sum}");
    }
    // The same seed: the same bytes.
    assert_eq!(stdout(&samdrift(&args)), text);
}

#[test]
fn tornado_and_raw_draws_from_the_command_line() {
    let o = samdrift(&[
        "tornado", "--a", "joint", "--b", "remote", "--member", "G", "--format", "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    // The remote price flips Gratangen's answer at 503 973,6 / 0,2228 = 2 262 000.
    let remote = text
        .lines()
        .find(|l| l.contains("Fjerndrift hos eksternt"))
        .unwrap();
    assert!(remote.ends_with(";2262000"), "{remote}");
    let dir = tempfile::tempdir().unwrap();
    let samples = dir.path().join("trekk.csv");
    let o = samdrift(&[
        "export",
        "scenarios/nordre-troms-2006-arbeidsplasser.ron",
        "--samples",
        samples.to_str().unwrap(),
        "--draws",
        "50",
        "--seed",
        "3",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(&samples).unwrap();
    let mut lines = written.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("draw;seed;line:joint/joint-total;"),
        "{header}"
    );
    // A workstation number with a range is drawn like any other input.
    assert!(header.contains(";seat:pc/lifetime;"), "{header}");
    assert!(
        header.ends_with(";today;joint;joint_without_i;remote;thin"),
        "{header}"
    );
    assert_eq!(lines.count(), 50);
}

#[test]
fn criteria_csv_shows_the_two_profiles_ranking_different_scenarios_first() {
    let o = samdrift(&["criteria", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let mut blocks = text.split("\r\n\r\n");
    let ranks = blocks.next().unwrap();
    let mut lines = ranks.lines();
    assert_eq!(lines.next(), Some("profile;scenario;score;rank;economy_metric"));
    let firsts: Vec<(String, String)> = semicolon_rows(ranks)
        .into_iter()
        .skip(1)
        .filter(|c| c[3] == "1")
        .map(|c| (c[0].clone(), c[1].clone()))
        .collect();
    // Every row says which metric the economy score is made from: the
    // command's default, present value.
    assert!(semicolon_rows(ranks).iter().skip(1).all(|c| c[4] == "pv"));
    assert_eq!(
        firsts,
        [
            ("Prosjektgruppa".to_owned(), "joint".to_owned()),
            ("Prosjektleder".to_owned(), "remote".to_owned())
        ]
    );
    let stability = blocks.next().unwrap();
    assert!(
        stability.starts_with("profile;criterion;weight;low;high"),
        "{stability}"
    );
    assert_eq!(stability.lines().count(), 1 + 2 * 5);
}

#[test]
fn explain_adds_up_to_the_figure_compare_prints() {
    // Thin clients for Gratangen in 2007: the joint line 2 262 000 × 22,28 %
    // = 503 973,60; 95 thin clients × 3 500 = 332 500; 4 servers × 60 000
    // × 22,28 % = 53 472; 95 × −60 = −5 700; 95 × −1 650 = −156 750;
    // 95 × 900 = 85 500. Sum: 812 995,60.
    let o = samdrift(&[
        "explain",
        "--scenario",
        "thin",
        "--member",
        "G",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("line;category;amount;quantity;share;growth;cost")
    );
    let rows: Vec<Vec<String>> = semicolon_rows(&lines.collect::<Vec<_>>().join("\n"));
    let number = |s: &str| s.replace(',', ".").parse::<f64>().unwrap();
    let parts: f64 = rows[..rows.len() - 1].iter().map(|r| number(&r[6])).sum();
    assert!((parts - 812_995.6).abs() < 0.01, "{parts}");
    let total = rows.last().unwrap();
    assert_eq!(total[0], "total");
    // Rounded to the krone as compare rounds it.
    assert!((number(&total[6]) - 812_995.6).abs() <= 1.0);
    // compare prints the same figure.
    let compare = stdout(&samdrift(&["compare", "--format", "csv"]));
    let thin = compare.lines().find(|l| l.contains("tynne klienter")).unwrap();
    assert_eq!(thin.split(';').nth(1), Some(total[6].as_str()));
}

#[test]
fn explain_a_present_value_for_all_members_with_its_discount_factor() {
    // Joint in-house operation, all four together, present value at R-109
    // (4 % in the first 40 years): one line of 2 262 000 a year for 7
    // years, year t discounted by 1,04^-t: 1 + 0,961538 + 0,924556 +
    // 0,888996 + 0,854804 + 0,821927 + 0,790315 = 6,242137; 2 262 000 ×
    // 6,242137 = 14 119 714 (to the krone), the total compare prints.
    let o = samdrift(&[
        "explain",
        "--scenario",
        "joint",
        "--metric",
        "pv",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let rows: Vec<Vec<String>> = semicolon_rows(&text).into_iter().skip(1).collect();
    let number = |s: &str| s.replace(',', ".").parse::<f64>().unwrap();
    assert_eq!(rows.len(), 2, "{text}");
    assert_eq!(number(&rows[0][2]), 2_262_000.0);
    assert_eq!(number(&rows[0][4]), 1.0, "all shares together");
    assert!((number(&rows[0][5]) - 6.242_137).abs() < 1e-6, "{text}");
    assert_eq!(rows[1][0], "total");
    assert_eq!(number(&rows[1][6]), 14_119_714.0);
    let compare = stdout(&samdrift(&["compare", "--metric", "pv", "--format", "csv"]));
    let joint = compare
        .lines()
        .find(|l| l.starts_with("Drift i eget hus;"))
        .unwrap();
    assert_eq!(joint.rsplit(';').next(), Some("14119714"));

    // A member outside the scenario is told so, not shown an empty table.
    let o = samdrift(&[
        "explain",
        "--scenario",
        "joint_without_i",
        "--member",
        "I",
        "--lang",
        "en",
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("is not part of"), "{}", stderr(&o));
}

#[test]
fn export_csv_to_a_file_name_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.csv");
    let o = samdrift(&["export", "--csv", target.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("takes a folder"), "{}", stderr(&o));
    assert!(!target.exists(), "no folder named out.csv was made");
}

#[test]
fn export_writes_a_danish_briefing_with_danish_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("b.html");
    let o = samdrift(&["export", "--lang", "da", "--html", html.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains(r#"<html lang="da">"#));
    assert!(
        text.contains("Det bør kommunalbestyrelsen vide"),
        "the council summary in Danish"
    );
    assert!(text.contains("beløb i NOK"), "the currency code in the heading");
    // Joint in-house, slide 11: 2 262 000 kroner, grouped the Danish way;
    // nowhere the Norwegian grouping.
    assert!(text.contains("2.262.000"));
    // No figure anywhere (tables, the council's summary, charts) is grouped
    // the Norwegian way: a digit, a no-break space, three digits.
    let chars: Vec<char> = text.chars().collect();
    let norwegian = chars
        .windows(5)
        .find(|w| w[0].is_ascii_digit() && w[1] == '\u{a0}' && w[2..].iter().all(char::is_ascii_digit));
    assert!(
        norwegian.is_none(),
        "{:?}",
        norwegian.map(|w| w.iter().collect::<String>())
    );
    assert!(
        text.contains("475.901\u{a0}kr."),
        "Gratangen's cheapest option in the summary"
    );
    // Years are never grouped.
    assert!(text.contains("2007") && !text.contains("2.007"));
}

#[test]
fn export_writes_a_one_page_briefing_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("one.html");
    let o = samdrift(&[
        "export",
        "--lang",
        "en",
        "--html",
        html.to_str().unwrap(),
        "--one-page",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&html).unwrap();
    // The answer (Gratangen's cheapest option: remote operation at 475 901
    // kr, slide 11) and the comparison (joint in-house 2 262 000 kr)...
    assert!(text.contains("What the council should know"), "{text}");
    assert!(text.contains("475\u{a0}901\u{a0}kr"), "{text}");
    assert!(text.contains("2\u{a0}262\u{a0}000"), "{text}");
    assert!(text.contains("This is the one-page version"), "{text}");
    // ...and nothing else: no charts, no appendix.
    assert!(
        !text.contains("<svg") && !text.contains(r#"class="appendix""#),
        "{text}"
    );
    // `--one-page` without `--html` is refused, as clap says.
    let o = samdrift(&[
        "export",
        "--one-page",
        "--xlsx",
        dir.path().join("x.xlsx").to_str().unwrap(),
    ]);
    assert_ne!(o.status.code(), Some(0));
}

#[test]
fn a_study_in_swedish_kronor_exports_in_swedish_by_default() {
    let text = std::fs::read_to_string("scenarios/nordre-troms-2006.ron").unwrap();
    let swedish = text.replacen(
        "    version: 3,",
        "    version: 3,\n    currency: SEK,\n    language: sv,",
        1,
    );
    let (dir, path) = write_temp("studie.ron", swedish.as_bytes());
    let html = dir.path().join("b.html");
    let csv = dir.path().join("csv");
    let o = samdrift(&[
        "export",
        &path,
        "--html",
        html.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let briefing = std::fs::read_to_string(&html).unwrap();
    assert!(briefing.contains(r#"<html lang="sv">"#));
    assert!(briefing.contains("Det här bör kommunfullmäktige veta"));
    assert!(briefing.contains("belopp i SEK"));
    // The Swedish CSV: `;` and a decimal comma, the currency in the inputs.
    let inputs = std::fs::read_to_string(csv.join("inputs.csv")).unwrap();
    assert!(inputs.contains("Valuta;SEK"), "{inputs}");
    // --lang still wins over the study's language.
    let o = samdrift(&["export", &path, "--lang", "nn", "--html", html.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("Dette bør kommunestyret vite")
    );
    // Saving it back keeps both fields; a NOK study without them writes neither.
    let study = samdrift::io::study_file::load_str(&swedish, std::path::Path::new("studie.ron")).unwrap();
    assert_eq!(study.currency, samdrift::model::Currency::Sek);
    assert_eq!(study.language, Some(samdrift::i18n::Lang::Sv));
    let written = samdrift::io::study_file::to_ron_string(&study).unwrap();
    assert!(written.contains("currency: SEK") && written.contains("language: sv"));
    let plain = samdrift::io::study_file::load_str(&text, std::path::Path::new("r.ron")).unwrap();
    let written = samdrift::io::study_file::to_ron_string(&plain).unwrap();
    assert!(!written.contains("currency:") && !written.contains("language:"));
}

#[test]
fn compare_and_check_speak_swedish_and_danish() {
    let o = samdrift(&["compare", "--lang", "sv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Årskostnad 2007, kr"), "{}", stdout(&o));
    let text = std::fs::read_to_string("scenarios/nordre-troms-2006.ron").unwrap();
    let broken = text.replacen("amount_nok: 2262000", "amount_nok: -2262000", 1);
    let (_dir, path) = write_temp("brudt.ron", broken.as_bytes());
    let o = samdrift(&["check", &path, "--lang", "da"]);
    let out = stdout(&o) + &stderr(&o);
    assert!(out.contains("fejl"), "{out}");
    assert!(out.contains("−2.262.000"), "the value in Danish: {out}");
}

#[test]
fn a_fair_split_of_todays_operation_says_what_it_needs() {
    let output = samdrift(&[
        "--lang",
        "en",
        "fairness",
        "--scenario",
        "today",
        "scenarios/nordre-troms-2006.ron",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("A fair split needs today’s operation and another scenario."),
        "{err}"
    );
}

#[test]
fn arguments_that_ask_for_nothing_are_refused_in_the_users_words() {
    // No draws, a payback year as a "cost", a scenario against itself.
    for (args, message) in [
        (&["uncertainty", "--draws", "0"][..], "--draws must be at least 1"),
        (
            &["export", "--draws", "0", "--html", "x.html"][..],
            "--draws must be at least 1",
        ),
        (
            &["uncertainty", "--metric", "payback"][..],
            "A payback year is not a cost",
        ),
        (
            &["fairness", "--scenario", "joint", "--metric", "payback"][..],
            "A payback year is not a cost",
        ),
        (
            &["tornado", "--a", "joint", "--b", "joint"][..],
            "the same scenario",
        ),
    ] {
        let mut all = args.to_vec();
        all.extend(["--lang", "en"]);
        let o = samdrift(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
    let o = samdrift(&["uncertainty", "--draws", "0", "--lang", "nb"]);
    assert!(stderr(&o).contains("--draws må være minst 1"), "{}", stderr(&o));
}

/// The reference study with a scenario, a profile and a criterion named
/// with a separator, a quote and a line break, and an escape and a bell.
fn study_with_awkward_names() -> String {
    std::fs::read_to_string("scenarios/nordre-troms-2006.ron")
        .unwrap()
        .replace("id: \"remote\",", "id: \"re;mote\\\"x\",")
        .replace("scenario: \"remote\"", "scenario: \"re;mote\\\"x\"")
        .replace(
            "name: \"Prosjektleder\"",
            "name: \"Prosjekt;leder \\\"A\\\"\\nny linje\"",
        )
        .replace("(id: \"quality\",", "(id: \"qua;lity\",")
        .replace("criterion: \"quality\"", "criterion: \"qua;lity\"")
        .replace("\"quality\": 15", "\"qua;lity\": 15")
        .replace(
            "name: \"Dagens drift\",",
            "name: \"Dagens \\u{1b}[31mdrift\\u{7}\",",
        )
}

#[test]
fn names_with_separators_quotes_and_line_breaks_keep_every_csv_row_whole() {
    let (dir, path) = write_temp("awkward.ron", study_with_awkward_names().as_bytes());
    let check = samdrift(&["check", &path, "--lang", "en"]);
    assert_ne!(check.status.code(), Some(1), "{}", stderr(&check));
    // Criteria: every row has the header's five fields (both tables).
    let o = samdrift(&["criteria", &path, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let (ranks, stability) = text.split_once("\r\n\r\n").unwrap();
    let ranks = semicolon_rows(ranks);
    assert!(ranks.iter().all(|r| r.len() == 5), "{ranks:?}");
    assert!(
        ranks
            .iter()
            .any(|r| r[0] == "Prosjekt;leder \"A\"\nny linje" && r[1] == "re;mote\"x")
    );
    let stability = semicolon_rows(stability);
    assert!(stability.iter().all(|r| r.len() == 5), "{stability:?}");
    assert!(stability.iter().any(|r| r[1] == "qua;lity"));
    // Explain: seven fields a row.
    let o = samdrift(&["explain", &path, "--scenario", "re;mote\"x", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(semicolon_rows(&stdout(&o)).iter().all(|r| r.len() == 7));
    // The raw draws: every row as long as the header.
    let samples = dir.path().join("draws.csv");
    let o = samdrift(&[
        "export",
        &path,
        "--samples",
        samples.to_str().unwrap(),
        "--draws",
        "50",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = semicolon_rows(&std::fs::read_to_string(&samples).unwrap());
    assert_eq!(rows.len(), 51);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{:?}", rows[0]);
    assert!(rows[0].iter().any(|h| h == "re;mote\"x"), "{:?}", rows[0]);
    // compare's table shows the escape and the bell escaped, not raw.
    let o = samdrift(&["compare", &path]);
    let text = stdout(&o);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
    assert!(text.contains("\\u{1b}[31mdrift\\u{7}"), "{text}");
}

#[test]
fn a_right_to_left_override_in_a_name_cannot_turn_the_briefing_around() {
    let study = std::fs::read_to_string("scenarios/nordre-troms-2006.ron")
        .unwrap()
        .replace("name: \"Gratangen\"", "name: \"Gra\\u{202e}tangen\"");
    let (dir, path) = write_temp("rlo.ron", study.as_bytes());
    let html = dir.path().join("b.html");
    let o = samdrift(&["export", &path, "--html", html.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(!text.contains('\u{202e}'), "a bare override reached the briefing");
    assert!(text.contains("Gra\\u{202e}tangen"));
}

/// Fields of a line as the stock CSV dialog of `LibreOffice` splits them, with
/// comma, semicolon and tab all ticked: on any of them outside quotes.
fn stock_dialog_fields(line: &str) -> usize {
    let mut fields = 1;
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' | ';' | '\t' if !quoted => fields += 1,
            _ => {}
        }
    }
    fields
}

#[test]
fn every_command_writes_csv_as_the_exports_do() {
    // BOM (so æøå survive a spreadsheet's guess), decimal commas quoted (so
    // a dialog that also splits on commas keeps 503973,6 one cell), `,` and
    // a point with --lang en.
    let commands: [&[&str]; 5] = [
        &["compare", "--format", "csv"],
        &["uncertainty", "--format", "csv", "--draws", "2000"],
        &["fairness", "--scenario", "joint", "--format", "csv"],
        &[
            "explain",
            "--scenario",
            "thin",
            "--member",
            "G",
            "--format",
            "csv",
        ],
        &["tornado", "--a", "joint", "--b", "remote", "--format", "csv"],
    ];
    for args in commands {
        let o = samdrift(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.starts_with(&[0xEF, 0xBB, 0xBF]), "{args:?}: no BOM");
        let text = stdout(&o);
        let mut lines = text.lines();
        let header = stock_dialog_fields(lines.next().unwrap());
        for line in lines {
            assert_eq!(stock_dialog_fields(line), header, "{args:?}: {line}");
        }
        // In English: commas between fields and decimal points.
        let mut english = args.to_vec();
        english.extend(["--lang", "en"]);
        let o = samdrift(&english);
        let text = stdout(&o);
        let rows = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect::<Vec<_>>();
        assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{english:?}");
        assert!(rows[0].len() > 2, "{english:?}: {text}");
        assert!(!text.contains(';'), "{english:?}: {text}");
    }
    // The criteria: two tables, each row as long as its header.
    let text = stdout(&samdrift(&["criteria", "--format", "csv"]));
    for block in text.split("\r\n\r\n") {
        let mut lines = block.lines();
        let header = stock_dialog_fields(lines.next().unwrap());
        assert!(lines.all(|l| stock_dialog_fields(l) == header), "{block}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_samdrift"))
        .args(["uncertainty", "--format", "csv", "--draws", "2000"])
        .env("LANG", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read nothing and close: the command's write meets a closed pipe.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        status.code() == Some(0) || status.code().is_none(),
        "{status:?}: {err}"
    );
}

#[test]
fn the_study_with_workstations_has_one_row_per_option_and_one_today() {
    let file = "scenarios/nordre-troms-2006-arbeidsplasser.ron";
    let o = samdrift(&["compare", file, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = semicolon_rows(&stdout(&o));
    // The header and five rows: today's operation and four options, each
    // with its workstations (today's Gratangen: 627 000 + 95 PCs at
    // 2 529,86 = 867 337).
    assert_eq!(rows.len(), 6, "{rows:?}");
    assert_eq!(rows[1][0], "Dagens drift");
    assert_eq!(rows[1][1], "867337");
    // Payback: every option against that one today; today has none.
    let o = samdrift(&["compare", file, "--format", "csv", "--metric", "payback"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = semicolon_rows(&stdout(&o));
    assert_eq!(rows.len(), 6);
    assert!(rows[1][1..].iter().all(String::is_empty), "{:?}", rows[1]);
    // Thin clients cost 3 329 270 in 2007, the 250 000 migration and the
    // access licences included, against 3 590 886 today: paid back in the
    // first year.
    let thin = rows
        .iter()
        .find(|r| r[0] == "Drift i eget hus med tynne klienter")
        .unwrap();
    assert_eq!(thin.last().unwrap(), "2007");
}

#[test]
fn summary_gives_each_municipality_its_answer_and_whether_the_key_is_fair() {
    let o = samdrift(&["summary", "--format", "csv", "--lang", "nb"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = semicolon_rows(&stdout(&o));
    assert_eq!(
        rows[0].join(";"),
        "member;cheapest;p_cheapest;saving_p10;saving_p50;saving_p90;payback;fair_under_key;pays_over_alone;nearest_fair_key"
    );
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["G", "L", "S", "I", "all"]);
    let row = |id: &str| rows.iter().find(|r| r[0] == id).unwrap();
    // Slide 11: remote operation is the cheapest for Gratangen (475 901
    // against 627 000 today) and for all together (2 136 000 against
    // 2 414 500: 278 500 less); for Salangen today's 647 500 is cheaper
    // than every option.
    assert_eq!(row("G")[1], "remote");
    assert_eq!(row("all")[1], "remote");
    assert_eq!(row("S")[1], "today");
    // Remote operation saves from its first year: paid back in 2007.
    assert_eq!(row("G")[6], "2007");
    // Under the briefing's key Salangen pays 677 966 for remote operation,
    // 30 466 more than the 647 500 it pays alone (today's operation, since
    // remote operation for Salangen alone would cost all 2 136 000); the
    // others pay less than alone.
    assert_eq!((row("S")[7].as_str(), row("S")[8].as_str()), ("no", "30466"));
    assert_eq!((row("G")[7].as_str(), row("G")[8].as_str()), ("yes", "0"));
    assert_eq!((row("all")[7].as_str(), row("all")[8].as_str()), ("no", "30466"));
    assert!(!row("all")[9].is_empty(), "a fair key is suggested");
    // The chance of being cheapest is a share; its spread is ordered.
    for r in &rows[1..] {
        let p: f64 = r[2].replace(',', ".").parse().unwrap();
        assert!((0.0..=1.0).contains(&p), "{r:?}");
    }
    let saving = |i: usize| -> f64 { row("all")[i].parse().unwrap() };
    assert!(saving(3) <= saving(4) && saving(4) <= saving(5));
    // As sentences, with how to read them.
    let o = samdrift(&["summary", "--lang", "en"]);
    let text = stdout(&o);
    assert!(
        text.contains(
            "Gratangen: the cheapest is “Fjerndrift”, 475 901 kr in 2007, 151 099 kr less than today."
        ),
        "{text}"
    );
    assert!(
        text.contains("these pay more than they would alone: Salangen (+30 466 kr)"),
        "{text}"
    );
    assert!(text.contains("How to read this"));
}

#[test]
fn fairness_by_year_says_from_which_year_salangen_would_be_better_off_alone() {
    // Joint in-house operation (slide 11): 2 262 000 kr a year, split by
    // the briefing's key (22,28 / 19,98 / 31,74 / 26,00): Salangen pays
    // 2 262 000 × 31,74 % = 717 958,8 kr against its 647 500 kr of today
    // (alone in the scenario it would pay all 2 262 000): 70 458,8 kr
    // more, every year from 2007 (no real growth in the study).
    let o = samdrift(&[
        "fairness",
        "scenarios/nordre-troms-2006.ron",
        "--scenario",
        "joint",
        "--by-year",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap().trim_start_matches('\u{feff}'),
        "member;year;under_key;alone;difference"
    );
    let salangen: Vec<&str> = text.lines().filter(|l| l.starts_with("S;")).collect();
    assert_eq!(salangen.len(), 7, "2007–2013");
    assert_eq!(salangen[0], "S;2007;\"717958,8\";647500;\"70458,8\"");
    let o = samdrift(&[
        "fairness",
        "scenarios/nordre-troms-2006.ron",
        "--scenario",
        "joint",
        "--by-year",
        "--lang",
        "nb",
    ]);
    assert!(
        stdout(&o).contains(
            // (A terminal gets plain spaces.)
            "Salangen ville hatt det bedre alene i «Drift i eget hus» fra 2007: betaler 717 959 kr etter nøkkelen mot 647 500 kr alene, 70 459 kr mer."
        ),
        "{}",
        stdout(&o)
    );
}

#[test]
fn exit_says_what_salangen_leaving_in_2009_with_two_years_notice_costs() {
    // Joint in-house operation (slide 11): 2 262 000 kr a year, Salangen's
    // share 31,74 % = 717 958,8 kr. Notice in 2009 with two years: out from
    // 2011, when it pays its own 647 500 kr (70 458,8 less) and the other
    // three pay the whole 2 262 000 (717 958,8 more together) for 2011–2013.
    let o = samdrift(&[
        "exit",
        "scenarios/nordre-troms-2006.ron",
        "--scenario",
        "joint",
        "--member",
        "S",
        "--year",
        "2009",
        "--notice",
        "2",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(
        text.lines().next().unwrap().trim_start_matches('\u{feff}'),
        "member;year;all_stay;after_exit;difference"
    );
    assert!(text.contains("S;2010;\"717958,8\";\"717958,8\";0"), "{text}");
    assert!(text.contains("S;2011;\"717958,8\";647500;\"-70458,8\""), "{text}");
    assert!(text.contains("all;2011;2262000;2909500;647500"), "{text}");
    assert!(text.contains("all;2010;2262000;2262000;0"), "{text}");
    // In words: 3 × 70 458,8 = 211 376 saved; 3 × 717 958,8 = 2 153 876
    // more for the rest.
    let o = samdrift(&[
        "exit",
        "scenarios/nordre-troms-2006.ron",
        "--scenario",
        "joint",
        "--member",
        "S",
        "--year",
        "2009",
        "--notice",
        "2",
        "--lang",
        "en",
    ]);
    assert!(
        stdout(&o).contains("If Salangen gives notice in 2009 and is out of “Drift i eget hus” from 2011, it saves 211 376 kr over the years (settlement 0 kr); the others pay 2 153 876 kr more together."),
        "{}",
        stdout(&o)
    );
    // Ibestad is not in "without Ibestad": it cannot leave it.
    let o = samdrift(&[
        "exit",
        "scenarios/nordre-troms-2006.ron",
        "--scenario",
        "joint_without_i",
        "--member",
        "I",
        "--year",
        "2009",
        "--lang",
        "en",
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("does not take part"), "{}", stderr(&o));
}

#[test]
fn join_says_what_ibestad_joining_without_ibestad_costs_with_its_fee() {
    // "Without Ibestad" splits 2 262 000 kr by fixed weights 681 : 609 :
    // 972 (Ibestad 0). Ibestad (590 000 kr today) joins from 2009: under
    // that key it pays nothing; its marginal fee is half of what it would
    // cost alone, above its key share, each of its five years: 5 ×
    // (590 000 + 2 262 000 − 2 262 000) / 2 = 1 475 000 kr, paid in 2009
    // and shared by the others as 681 : 609 : 972 (Salangen 1 475 000 ×
    // 972 / 2 262 = 633 819,63 less than its 972 000).
    let o = samdrift(&[
        "join",
        "scenarios/nordre-troms-2006.ron",
        "--scenario",
        "joint_without_i",
        "--member",
        "I",
        "--year",
        "2009",
        "--fee",
        "marginal",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(
        text.lines().next().unwrap().trim_start_matches('\u{feff}'),
        "member;year;before_join;after_join;difference"
    );
    assert!(text.contains("I;2008;590000;590000;0"), "{text}");
    assert!(text.contains("I;2009;590000;1475000;885000"), "{text}");
    assert!(
        text.contains("S;2009;972000;\"338180,37\";\"-633819,63\""),
        "{text}"
    );
    // The fee moves money inside the group: all together, 2 262 000 kr
    // instead of 2 262 000 + 590 000.
    assert!(text.contains("all;2009;2852000;2262000;-590000"), "{text}");
    // A member already in cannot join.
    let o = samdrift(&[
        "join",
        "scenarios/nordre-troms-2006.ron",
        "--scenario",
        "joint",
        "--member",
        "S",
        "--year",
        "2009",
        "--lang",
        "en",
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("takes part in this scenario already"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn budget_gives_each_members_operating_effect_against_today() {
    // Joint in-house operation, no investments, amounts without VAT, all
    // VAT compensated: Salangen's operating expenses rise by (717 958,8 −
    // 647 500) × 1,25 = 88 073,5 kr, its VAT compensation by 17 614,7, the
    // net effect is 70 458,8 kr; all together 2 262 000 − 2 414 500 =
    // −152 500 kr a year.
    let o = samdrift(&[
        "budget",
        "scenarios/nordre-troms-2006.ron",
        "--scenario",
        "joint",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(
        text.lines().next().unwrap().trim_start_matches('\u{feff}'),
        "member;year;operating;vat_compensation;interest;repayment;investment;loan;own_funds;net_operating"
    );
    assert!(
        text.contains("S;2007;\"88073,5\";\"17614,7\";0;0;0;0;0;\"70458,8\""),
        "{text}"
    );
    assert!(
        text.contains("all;2013;-190625;-38125;0;0;0;0;0;-152500"),
        "{text}"
    );
    // One member: its rows only, no `all`.
    let o = samdrift(&[
        "budget",
        "scenarios/nordre-troms-2006.ron",
        "--scenario",
        "joint",
        "--member",
        "S",
        "--format",
        "csv",
    ]);
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 1 + 7);
    assert!(!text.contains("\nall;"));
}
