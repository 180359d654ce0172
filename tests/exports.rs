//! Exports read back: CSV and XLSX figures equal the engine's, the HTML
//! briefing holds the reference figures and charts, and hostile names come
//! out escaped or neutralised everywhere.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    clippy::panic,
    clippy::assigning_clones,
    missing_docs
)]

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use samdrift::engine::{Evaluation, Metric, evaluate};
use samdrift::i18n::{Lang, Tr};
use samdrift::io::csv_export::CsvVariant;
use samdrift::io::{export, html_export, load_path, xlsx_export};
use samdrift::model::{Payer, Study};
use samdrift::report::tables;

fn reference() -> (Study, Evaluation) {
    let study = load_path(Path::new("scenarios/nordre-troms-2006.ron")).unwrap();
    let evaluation = evaluate(&study).unwrap();
    (study, evaluation)
}

fn hostile() -> (Study, Evaluation) {
    let (mut study, _) = reference();
    study.members[0].name = "<script>alert(1)</script>".to_owned();
    let joint = study
        .scenarios
        .iter_mut()
        .find(|s| s.id.as_str() == "joint")
        .unwrap();
    joint.lines[0].label = "=HYPERLINK(\"x\")".to_owned();
    joint.name = "@SUM(A1)".to_owned();
    let evaluation = evaluate(&study).unwrap();
    (study, evaluation)
}

fn parse_nordic(text: &str) -> f64 {
    text.replace(',', ".").parse().unwrap()
}

#[test]
fn csv_files_have_a_bom_and_the_engines_figures() {
    let (study, evaluation) = reference();
    let dir = tempfile::tempdir().unwrap();
    let tr = Tr::new(Lang::Nb);
    let all = tables::all(&study, &evaluation, &tr, 2007);
    let paths = export::csv_dir(dir.path(), &all, CsvVariant::Nordic).unwrap();
    assert_eq!(paths.len(), 8);
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "{}", path.display());
        assert!(!String::from_utf8_lossy(&bytes).starts_with("\u{feff}sep="));
    }
    let bytes = std::fs::read(dir.path().join("comparison.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[1], "Gratangen");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let summary = evaluation.summary(Metric::Annual(2007));
    for (row, s) in rows.iter().zip(&summary) {
        assert_eq!(&row[0], evaluation.scenarios[s.scenario].name);
        for m in 0..4 {
            match s.per_member[m] {
                Some(v) => assert!((parse_nordic(&row[m + 1]) - v).abs() <= 1.0, "{row:?}"),
                None => assert_eq!(&row[m + 1], ""),
            }
        }
        let members: f64 = (1..5)
            .filter(|i| !row[*i].is_empty())
            .map(|i| parse_nordic(&row[i]))
            .sum();
        assert_eq!(members, parse_nordic(&row[5]), "members add up to the total");
        assert!((parse_nordic(&row[5]) - s.total).abs() < 1.0);
    }
    // The shares use a decimal comma, quoted so that an import splitting
    // on commas too keeps them whole.
    let shares = String::from_utf8(std::fs::read(dir.path().join("shares.csv")).unwrap()).unwrap();
    assert!(
        shares.contains(";\"22,28\";\"19,98\";\"31,74\";26\r\n"),
        "{shares}"
    );
}

#[test]
fn international_csv_uses_comma_and_point() {
    let (study, evaluation) = reference();
    let all = vec![tables::shares(&study, &evaluation, &Tr::new(Lang::En))];
    let dir = tempfile::tempdir().unwrap();
    export::csv_dir(dir.path(), &all, CsvVariant::International).unwrap();
    let text = String::from_utf8(std::fs::read(dir.path().join("shares.csv")).unwrap()).unwrap();
    assert!(text.contains(",22.28,19.98,31.74,26\r\n"), "{text}");
}

#[test]
fn xlsx_cells_are_numbers_equal_to_the_engines() {
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::Nb);
    let bytes = xlsx_export::workbook_bytes(&tables::all(&study, &evaluation, &tr, 2007), &tr).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Sammenligning",
            "Forskjeller",
            "Dagens kostnader",
            "Per kostnadsart",
            "Per år",
            "Nåverdi og tilbakebetaling",
            "Nøkler og andeler",
            "Inndata og kilder"
        ]
    );
    let range = workbook.worksheet_range("Sammenligning").unwrap();
    assert_eq!(range.get((1, 1)), Some(&Data::String("Gratangen".into())));
    let summary = evaluation.summary(Metric::Annual(2007));
    for (r, s) in summary.iter().enumerate() {
        for m in 0..4 {
            let cell = range.get((r + 2, m + 1));
            match s.per_member[m] {
                Some(v) => match cell {
                    Some(Data::Float(x)) => assert!((x - v).abs() <= 1.0, "{x} vs {v}"),
                    other => panic!("not a number: {other:?}"),
                },
                // Outside the scenario: a dash, as on screen and on paper.
                None => assert_eq!(cell, Some(&Data::String("—".into()))),
            }
        }
        assert_eq!(range.get((r + 2, 5)), Some(&Data::Float(s.total.round())));
    }
    let shares = workbook.worksheet_range("Nøkler og andeler").unwrap();
    assert_eq!(shares.get((2, 2)), Some(&Data::Float(0.2228)));
    assert!(
        workbook.worksheet_formula("Sammenligning").unwrap().is_empty(),
        "no formulas"
    );
    // Every input is listed with its source; assumptions are marked.
    let inputs = workbook.worksheet_range("Inndata og kilder").unwrap();
    let rows: Vec<Vec<String>> = inputs
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    assert!(rows.iter().any(|r| r[1] == "arbeidsplasser" && r[5] == "ja"));
    assert!(
        rows.iter()
            .any(|r| r[1] == "innbyggertall" && r[5] == "nei" && r[4].contains("SSB"))
    );
}

#[test]
fn html_briefing_is_self_contained_with_figures_and_charts() {
    let (study, evaluation) = reference();
    let html = html_export::briefing(
        &study,
        &evaluation,
        &Tr::new(Lang::Nb),
        2007,
        "nordre-troms-2006.ron",
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"nb\">"));
    assert!(
        html.contains("2\u{a0}262\u{a0}000")
            && html.contains("2\u{a0}414\u{a0}500")
            && html.contains("2\u{a0}136\u{a0}000")
    );
    // Comparison, by category, cumulative cost, the uncertainty fan and the
    // tornado of the two options most often cheapest.
    assert_eq!(html.matches("<svg").count(), 5);
    assert!(!html.to_lowercase().contains("<script"));
    assert!(
        !html.contains("http://")
            || html.matches("http://").count()
                == html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert!(!html.contains("https://"));
    assert!(html.contains("@media print") && html.contains("size: A4"));
    assert!(
        html.contains("trykt sum er 490\u{a0}000\u{a0}kr"),
        "validation warnings are in the briefing"
    );
    assert!(html.contains("class=\"assumption\""), "assumptions are marked");
    // Joint in-house with and without Ibestad cost the participants the
    // same every year: the second line is dashed so the first stays seen.
    assert_eq!(html.matches("stroke-dasharray=\"9 5\"").count(), 1);
    let english = html_export::briefing(&study, &evaluation, &Tr::new(Lang::En), 2007, "x.ron");
    assert!(english.contains("<html lang=\"en\">") && english.contains("What is compared"));
}

#[test]
fn hostile_names_are_escaped_and_neutralised_everywhere() {
    let (study, evaluation) = hostile();
    let tr = Tr::new(Lang::Nb);
    let html = html_export::briefing(&study, &evaluation, &tr, 2007, "<b>.ron");
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<b>.ron"));

    let all = tables::all(&study, &evaluation, &tr, 2007);
    let dir = tempfile::tempdir().unwrap();
    export::csv_dir(dir.path(), &all, CsvVariant::Nordic).unwrap();
    let comparison = String::from_utf8(std::fs::read(dir.path().join("comparison.csv")).unwrap()).unwrap();
    assert!(comparison.contains("\n'@SUM(A1);"), "{comparison}");
    let inputs = String::from_utf8(std::fs::read(dir.path().join("inputs.csv")).unwrap()).unwrap();
    assert!(inputs.contains(";\"'=HYPERLINK(\"\"x\"\")\";"), "{inputs}");
    assert!(!inputs.contains(";=HYPERLINK"));

    let bytes = xlsx_export::workbook_bytes(&all, &tr).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    for sheet in workbook.sheet_names() {
        assert!(
            workbook.worksheet_formula(&sheet).unwrap().is_empty(),
            "{sheet} has a formula"
        );
    }
    let inputs = workbook.worksheet_range("Inndata og kilder").unwrap();
    assert!(
        inputs
            .rows()
            .any(|r| r[1] == Data::String("=HYPERLINK(\"x\")".into())),
        "kept as text, as typed (no apostrophe shows), never a formula"
    );
}

#[test]
fn a_file_that_cannot_be_written_leaves_nothing_behind() {
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let target = blocker.join("briefing.html");
    let error = export::html(&target, &study, &evaluation, &tr, 2007, "x.ron").unwrap_err();
    // The system's reason in words (a file stands where a folder should
    // be), and the file is said to be unchanged.
    let message = error.message(&tr);
    assert!(
        message.contains("part of the path is a file, not a folder")
            && message.contains("This file is unchanged"),
        "{message}"
    );
    assert!(export::csv_dir(&blocker.join("csv"), &[], CsvVariant::Nordic).is_err());
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "only the blocker is there");
}

#[test]
fn a_line_paid_by_one_member_is_listed_with_its_payer() {
    let (mut study, _) = reference();
    study.scenarios[1].lines[0].payer = Payer::Member(study.members[2].id.clone());
    assert!(evaluate(&study).is_ok());
    let inputs = tables::inputs(&study, &Tr::new(Lang::Nb));
    let row = inputs
        .rows
        .iter()
        .find(|r| r[0] == tables::Cell::Text(study.scenarios[1].name.clone()))
        .unwrap();
    assert!(
        matches!(&row[3], tables::Cell::Text(t) if t.contains("betales av Salangen")),
        "{row:?}"
    );
}

#[test]
fn years_in_the_briefing_are_never_grouped() {
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::Nb);
    let html = html_export::briefing(&study, &evaluation, &tr, 2007, "x.ron");
    // The payback year of joint in-house operation is 2007, printed so.
    assert!(
        html.contains(r#"<td class="num">2007</td>"#),
        "no ungrouped year cell"
    );
    assert!(!html.contains("2\u{a0}007<"), "a year with digit grouping");
}

#[test]
fn the_briefing_opens_with_what_the_council_should_know() {
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::En);
    let summary = tables::council_summary(&study, &evaluation, &tr, 2007);
    // Gratangen: remote operation 475 901 kr (slide 11), 151 099 kr less
    // than today's 627 000 kr (24,1 %).
    assert!(
        summary[0].starts_with("Gratangen: the cheapest option is “Fjerndrift”"),
        "{}",
        summary[0]
    );
    assert!(
        summary[0].contains("151\u{a0}099\u{a0}kr (24.1\u{a0}%) less than today"),
        "{}",
        summary[0]
    );
    // Salangen pays more than today in every alternative: today is cheapest.
    assert!(
        summary[2].starts_with("Salangen: today’s operation is the cheapest"),
        "{}",
        summary[2]
    );
    // All together: remote operation, 2 136 000 kr, 278 500 kr less.
    assert!(
        summary
            .iter()
            .any(|l| l.contains("All municipalities together") && l.contains("278\u{a0}500"))
    );
    assert!(
        summary
            .iter()
            .any(|l| l.contains("“Drift i eget hus”") && l.contains("Salangen (+70\u{a0}459\u{a0}kr)"))
    );
    let html = html_export::briefing(&study, &evaluation, &tr, 2007, "x.ron");
    let summary_at = html.find("What the council should know").unwrap();
    let detail_at = html
        .find("What is compared")
        .or_else(|| html.find("<table"))
        .unwrap();
    assert!(summary_at < detail_at, "the summary comes first");
}

#[test]
fn xlsx_text_that_looks_like_a_formula_is_neutralised() {
    let (mut study, _) = reference();
    study.scenarios[1].name = "=HYPERLINK(\"http://x\")".into();
    let evaluation = evaluate(&study).unwrap();
    let tr = Tr::new(Lang::Nb);
    let bytes = xlsx_export::workbook_bytes(&tables::all(&study, &evaluation, &tr, 2007), &tr).unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = workbook.worksheet_range("Sammenligning").unwrap();
    assert_eq!(
        range.get((3, 0)),
        Some(&Data::String("=HYPERLINK(\"http://x\")".into()))
    );
    assert!(workbook.worksheet_formula("Sammenligning").unwrap().is_empty());
}

/// A part of an XLSX (a zip of XML files) as text.
fn xlsx_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn the_workbook_prints_on_a4_names_its_sheets_in_words_and_quotes_formula_like_text() {
    let (mut study, _) = reference();
    study.members[0].name = "=Gratangen".into();
    let evaluation = evaluate(&study).unwrap();
    let tr = Tr::new(Lang::Nb);
    let year = 2007;
    let analyses = samdrift::report::bundle::Analyses::run(
        &study,
        year,
        samdrift::report::bundle::ExportOptions {
            draws: 500,
            ..Default::default()
        },
        &|_| true,
    )
    .unwrap();
    let all = samdrift::report::bundle::export_tables(&study, &evaluation, (&tr, year), &analyses);
    let bytes = xlsx_export::workbook_bytes(&all, &tr).unwrap();
    // A4 (paper size 9) on every sheet.
    let workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let names = workbook.sheet_names();
    for i in 1..=names.len() {
        let sheet = xlsx_part(&bytes, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(sheet.contains(r#"paperSize="9""#), "sheet {i}");
    }
    // Names in words: no message id, no scenario id.
    for name in &names {
        assert!(
            !name.starts_with("sheet-") && !name.contains("joint_without_i"),
            "{name}"
        );
        assert!(name.chars().count() <= 31);
    }
    assert!(
        names.iter().any(|n| n == "Fordeling Drift i eget hus"),
        "{names:?}"
    );
    // "=Gratangen" in a header and in a cell: text with the quote prefix
    // (no apostrophe shows, nothing evaluates).
    assert!(xlsx_part(&bytes, "xl/styles.xml").contains(r#"quotePrefix="1""#));
    let strings = xlsx_part(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("=Gratangen") && !strings.contains("'=Gratangen"));
    let mut workbook = workbook;
    for name in &names {
        assert!(workbook.worksheet_formula(name).unwrap().is_empty(), "{name}");
    }
}

#[test]
fn the_briefing_carries_the_uncertainty_with_its_fan_chart() {
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::En);
    let html = html_export::briefing(&study, &evaluation, &tr, 2007, "x.ron");
    let fan = html.find("P10–P90 band and median").unwrap();
    assert!(html[fan..].contains("<polygon"), "the fan's bands are drawn");
    assert!(html.contains("How sure are we? 100\u{a0}000 draws"));
    assert!(html.contains("What moves"), "the tornado");
    // The tornado is a chart in the body (before the appendix): one bar
    // per input that moves the difference by a krone or more, two halves
    // each (input low, input high), and a note counting the rest; the
    // appendix's table has every input.
    let appendix = html.find(r#"class="appendix""#).unwrap();
    let chart_at = html[..appendix].find("<h3>What moves").unwrap();
    let chart = &html[chart_at..appendix];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    let halves = chart.matches("<rect").count() - 2; // the legend's two
    let bars = halves / 2;
    assert!(bars >= 1 && halves.is_multiple_of(2), "{chart}");
    let table_at = html[appendix..].find("<h2>What moves").unwrap() + appendix;
    let table = &html[table_at..];
    let table = &table[..table.find("</table>").unwrap()];
    let rows = table.matches("<tr>").count() - 1;
    let still = rows - bars;
    if still > 0 {
        assert!(
            html[..appendix].contains(&format!("{still} other ranges do not move the difference")),
            "{rows} rows, {bars} bars"
        );
    }
    // Per year, the fan table: P10 ≤ median ≤ P90.
    let sim = samdrift::uncertainty::simulate(
        &study,
        samdrift::uncertainty::Options {
            draws: 2_000,
            seed: 1,
            metric: Metric::Annual(2007),
        },
        &|_| true,
    )
    .unwrap();
    let table = tables::fan_table(&study, &sim, &tr);
    assert_eq!(table.rows.len(), study.scenarios.len() * 7);
    for row in &table.rows {
        let money = |c: &tables::Cell| match c {
            tables::Cell::Money(v) => *v,
            _ => f64::NAN,
        };
        assert!(
            money(&row[2]) <= money(&row[3]) && money(&row[3]) <= money(&row[4]),
            "{row:?}"
        );
    }
}

#[test]
fn xlsx_says_the_unit_once_and_counts_have_no_decimals() {
    use std::io::Read as _;
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::Nb);
    let all = tables::all(&study, &evaluation, &tr, 2007);
    let bytes = xlsx_export::workbook_bytes(&all, &tr).unwrap();

    // No number format repeats the unit: `330 000`, not `330 000 kr` beside
    // a column that says `kr per år`.
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let mut styles = String::new();
    archive
        .by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains("formatCode=\"#,##0\""), "{styles}");
    assert!(!styles.contains("kr"), "a unit in a number format: {styles}");
    // Money tables say their unit in the title instead.
    let fleet = samdrift::report::fleet_report::fleet_tables(&study, &tr);
    for table in all.iter().chain(&fleet) {
        let has_money = table
            .rows
            .iter()
            .flatten()
            .any(|c| matches!(c, tables::Cell::Money(_)));
        let unit_in_title = table.title.contains("kr");
        let unit_in_column = table.headers.iter().any(|h| h.contains("kr"))
            || table.headers.iter().any(|h| h == &tr.get("table-unit"));
        assert!(
            !has_money || unit_in_title || unit_in_column,
            "{}: money without a unit: {}",
            table.id,
            table.title
        );
    }

    // Inhabitants (Gratangen 1 226, SSB 1 January 2007, in the study file)
    // are a whole number in the inputs table, written as such in the
    // workbook.
    let inputs = all.iter().find(|t| t.id == "inputs").unwrap();
    let inhabitants = tr.get("attribute-population");
    let row = inputs
        .rows
        .iter()
        .find(|r| {
            r[0] == tables::Cell::Text("Gratangen".into()) && r[1] == tables::Cell::Text(inhabitants.clone())
        })
        .unwrap();
    assert_eq!(row[2], tables::Cell::Number(1226.0, 0));
    assert_eq!(row[2].display(tr.numbers()), "1226");
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range("Inndata og kilder").unwrap();
    assert!(
        sheet
            .rows()
            .any(|r| r[0] == Data::String("Gratangen".into()) && r[2] == Data::Float(1226.0))
    );
}

#[test]
fn shown_parts_add_up_to_the_shown_totals() {
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::Nb);
    let money = |c: &tables::Cell| match c {
        tables::Cell::Money(v) => Some(*v),
        _ => None,
    };
    // Differences: joint in-house 2007 is 2 262 000 − 2 414 500 = −152 500
    // in all (slides 11 and 7); its members' rounded differences used to
    // add up to −152 499. Every row's members now add up to its total.
    for year in evaluation.years.clone() {
        let table = tables::differences(&study, &evaluation, &tr, year);
        for row in &table.rows {
            let n = study.members.len();
            let members: f64 = (0..n).filter_map(|m| money(&row[1 + 2 * m])).sum();
            let total = money(&row[1 + 2 * n]).unwrap();
            assert_eq!(members, total, "{year}: {row:?}");
        }
        if year == 2007 {
            let joint = table
                .rows
                .iter()
                .find(|r| r[0] == tables::Cell::Text("Drift i eget hus".into()))
                .unwrap();
            assert_eq!(money(&joint[1 + 2 * study.members.len()]), Some(-152_500.0));
        }
    }
    // Per year: the years add up to the sum, and the sum is the economics
    // table's (the engine's sum over the years, rounded once).
    let per_year = tables::per_year(&evaluation, &tr);
    let economics = tables::economics(&study, &evaluation, &tr);
    for (s, row) in per_year.rows.iter().enumerate() {
        let years: f64 = row[1..row.len() - 1].iter().filter_map(money).sum();
        let sum = money(row.last().unwrap()).unwrap();
        assert_eq!(years, sum);
        let all = economics
            .rows
            .iter()
            .find(|r| r[0] == row[0] && r[1] == tables::Cell::Text(tr.get("ui-total")))
            .unwrap();
        assert_eq!(money(&all[4]), Some(sum), "scenario {s}");
    }
}

#[test]
fn each_table_id_builds_the_table_it_names() {
    use samdrift::report::tables::TableId;
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::En);
    for id in TableId::ALL {
        let table = id.build(&study, &evaluation, &tr, 2007);
        assert_eq!(table.id, id.id());
        // Its sheet and menu name exists in every language.
        for lang in Lang::ALL {
            let name = Tr::new(lang).get(&id.sheet_message_id());
            assert!(!name.starts_with("sheet-"), "{lang:?}: {name}");
        }
    }
    let all = tables::all(&study, &evaluation, &tr, 2007);
    let ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, TableId::ALL.map(TableId::id));
}

#[test]
fn chart_series_are_the_engines_figures() {
    use samdrift::report::charts;
    let (study, evaluation) = reference();
    let chart = charts::by_member(&study, &evaluation, Metric::Annual(2007));
    assert_eq!(chart.categories, ["Gratangen", "Lavangen", "Salangen", "Ibestad"]);
    let series = |name: &str| chart.series.iter().find(|s| s.name == name).unwrap();
    // Joint in-house: 2 262 000 × 22,28 % = 503 973,6 for Gratangen (slide
    // 11 shows 504 thousand); without Ibestad, Ibestad has no bar.
    let joint = series("Drift i eget hus");
    assert!(
        (joint.values[0].unwrap() - 503_973.6).abs() < 1.0,
        "{:?}",
        joint.values
    );
    assert_eq!(series("Drift i eget hus uten Ibestad").values[3], None);
    // Today's operation is grey, the others each have a colour of their own.
    let today = series("Dagens drift");
    assert_eq!(today.colour.0, today.colour.1);
    let mut colours: Vec<_> = chart.series.iter().map(|s| s.colour).collect();
    colours.sort_unstable();
    colours.dedup();
    assert_eq!(colours.len(), chart.series.len());

    // By kind of cost: today's salaries are 400 000 + 370 000 + 368 000 +
    // 0 = 1 138 000 (slide 7); kinds without any cost are left out.
    let kinds = charts::by_category(&study, &evaluation, Metric::Annual(2007));
    assert_eq!(kinds.categories[0], "Dagens drift");
    let salaries = kinds
        .series
        .iter()
        .find(|s| s.name == "Lønnsutgifter inkl. sos. utg.")
        .unwrap();
    assert_eq!(salaries.values[0], Some(1_138_000.0));
    assert!(
        kinds
            .series
            .iter()
            .all(|s| s.values.iter().flatten().any(|v| v.abs() >= 0.5))
    );
    assert!(!kinds.series.iter().any(|s| s.name == "Kompetanseheving"));

    // Over the years: 7 × 2 262 000 = 15 834 000 by 2013 for joint in-house,
    // which pays back in the first year; without Ibestad it never does.
    let (years, marks) = charts::cumulative(&evaluation, None);
    assert_eq!(years.categories.first().map(String::as_str), Some("2007"));
    let s = years
        .series
        .iter()
        .position(|s| s.name == "Drift i eget hus")
        .unwrap();
    assert_eq!(years.series[s].values[6], Some(15_834_000.0));
    assert_eq!(marks[s], Some(0));
    let w = years
        .series
        .iter()
        .position(|s| s.name == "Drift i eget hus uten Ibestad")
        .unwrap();
    assert_eq!(marks[w], None);
}

#[test]
fn the_analyses_chart_series_are_the_engines_figures() {
    use samdrift::report::charts;
    let (study, evaluation) = reference();
    let index = |id: &str| study.scenarios.iter().position(|s| s.id.as_str() == id).unwrap();
    let (today, joint, without_i) = (index("today"), index("joint"), index("joint_without_i"));

    // One member: Gratangen pays 2 262 000 × 22,28 % = 503 973,6 in joint
    // in-house operation (as in the chart by member); Ibestad has no bar in
    // the scenario without it.
    let gratangen = charts::one_member(&study, &evaluation, Metric::Annual(2007), 0);
    assert_eq!(gratangen.categories, ["Gratangen"]);
    assert!((gratangen.series[joint].values[0].unwrap() - 503_973.6).abs() < 1.0);
    let ibestad = charts::one_member(&study, &evaluation, Metric::Annual(2007), 3);
    assert_eq!(ibestad.series[without_i].values, [None]);
    assert!(
        charts::one_member(&study, &evaluation, Metric::Annual(2007), 9)
            .categories
            .is_empty()
    );

    // The fan with a range on joint in-house operation's line only: today's
    // operation does not move, so its band is its figure each year (the
    // engine's); joint in-house spreads within PERT(2 150 000, 2 262 000,
    // 2 600 000) in 2007.
    let mut one_range = study.clone();
    one_range
        .uncertainties
        .retain(|u| matches!(&u.input, samdrift::model::InputRef::LineAmount { scenario, .. } if scenario.as_str() == "joint"));
    assert_eq!(one_range.uncertainties.len(), 1);
    let sim = samdrift::uncertainty::simulate(
        &one_range,
        samdrift::uncertainty::Options {
            draws: 4_000,
            seed: 7,
            metric: Metric::Annual(2007),
        },
        &|_| true,
    )
    .unwrap();
    let fan = charts::fan(&one_range, &sim);
    assert_eq!(fan.years, (2007..=2013).collect::<Vec<_>>());
    let rows = evaluation.summary(Metric::Annual(2007));
    let today_2007 = rows.iter().find(|r| r.scenario == today).unwrap().total;
    let t = &fan.series[today];
    assert!((t.low[0] - today_2007).abs() < 0.01 && (t.high[0] - today_2007).abs() < 0.01);
    let j = &fan.series[joint];
    assert_eq!(j.name, "Drift i eget hus");
    assert!(
        2_150_000.0 < j.low[0]
            && j.low[0] < j.median[0]
            && j.median[0] < j.high[0]
            && j.high[0] < 2_600_000.0
    );
    // Colours as in every other chart.
    let by_member = charts::by_member(&study, &evaluation, Metric::Annual(2007));
    assert_eq!(j.colour, by_member.series[joint].colour);

    // The distribution: shares rise to every draw; cost never falls.
    let tr = Tr::new(Lang::En);
    let distribution = charts::distribution(&one_range, &sim, None, &tr);
    assert_eq!(distribution.len(), study.scenarios.len());
    for series in &distribution {
        assert!(series.points.len() <= 201, "{}", series.points.len());
        assert_eq!(series.points.last().unwrap().1, 1.0);
        assert!(
            series
                .points
                .windows(2)
                .all(|w| w[0].0 <= w[1].0 && w[0].1 < w[1].1)
        );
    }
    // All together, every curve is on the four municipalities: joint
    // in-house without Ibestad is its three (2 150 000…2 600 000 with the
    // range on its line) plus Ibestad's 590 000 today, and says so.
    let without = distribution
        .iter()
        .find(|s| s.name.starts_with("Drift i eget hus uten Ibestad"))
        .unwrap();
    assert!(without.name.contains("Ibestad as today"), "{}", without.name);
    assert!(
        without
            .points
            .iter()
            .all(|p| p.0 >= 2_150_000.0 + 590_000.0 - 0.5)
    );
    // For Ibestad, the scenario without Ibestad is not its own.
    let of_ibestad = charts::distribution(&one_range, &sim, Some(3), &tr);
    assert!(
        !of_ibestad
            .iter()
            .any(|s| s.name == "Drift i eget hus uten Ibestad")
    );

    // The tornado on joint in-house − today for all: the line moves the
    // difference one for one, so its bar runs from base − 112 000 (2 150 000
    // − 2 262 000) to base + 338 000 (2 600 000 − 2 262 000); the base is the
    // engine's difference.
    let (base, tornado_rows) =
        samdrift::uncertainty::tornado(&one_range, joint, today, None, Metric::Annual(2007)).unwrap();
    let chart = charts::tornado(&one_range, base, &tornado_rows, &tr);
    let joint_2007 = rows.iter().find(|r| r.scenario == joint).unwrap().total;
    assert!((chart.base - (joint_2007 - today_2007)).abs() < 0.01);
    assert_eq!(chart.bars.len(), 1);
    let bar = &chart.bars[0];
    assert!((bar.at_low - (chart.base - 112_000.0)).abs() < 0.01, "{bar:?}");
    assert!((bar.at_high - (chart.base + 338_000.0)).abs() < 0.01, "{bar:?}");
    assert!(bar.name.contains("Drift i eget hus"), "{}", bar.name);
    assert_eq!(chart.still, 0);
    // On the whole reference study, joint in-house − remote for all: the
    // ranges on seat types, electricity and the in-house estimates of the
    // other scenarios move nothing and get no empty bar; the table keeps
    // every row.
    let remote = index("remote");
    let (base, all_rows) =
        samdrift::uncertainty::tornado(&study, joint, remote, None, Metric::Annual(2007)).unwrap();
    let chart = charts::tornado(&study, base, &all_rows, &tr);
    assert!(chart.still > 0, "{} rows", all_rows.len());
    assert_eq!(chart.bars.len() + chart.still, all_rows.len());
    assert!(
        chart.bars.iter().all(|b| (b.at_high - b.at_low).abs() >= 1.0),
        "{:?}",
        chart.bars
    );
}

#[test]
fn the_comparison_is_built_once_for_every_figure() {
    use tables::{ComparisonCell, Figure};
    let (study, evaluation) = reference();
    let index = |id: &str| study.scenarios.iter().position(|s| s.id.as_str() == id).unwrap();
    // Joint in-house 2007: 2 262 000 in all, split 22,28 / 19,98 / 31,74 /
    // 26,00 % = 503 973,6 + 451 947,6 + 717 958,8 + 588 120,0. Whole kroner
    // that add up: the floors make 2 261 998, so the two largest remainders
    // get a krone: Salangen's ,8 for sure (717 959), then one of the ,6s;
    // Ibestad stays 588 120.
    let money = tables::comparison_cells(&evaluation, Figure::Money(Metric::Annual(2007)));
    let (_, joint) = money.iter().find(|(s, _)| *s == index("joint")).unwrap();
    assert_eq!(joint[2], ComparisonCell::Money(717_959.0));
    assert_eq!(joint[3], ComparisonCell::Money(588_120.0));
    assert_eq!(joint[4], ComparisonCell::Money(2_262_000.0));
    let members: f64 = joint[..4]
        .iter()
        .map(|c| match c {
            ComparisonCell::Money(v) => *v,
            _ => f64::NAN,
        })
        .sum();
    assert_eq!(members, 2_262_000.0);
    // The export's table is the same cells.
    let table = tables::comparison(&study, &evaluation, &Tr::new(Lang::En), 2007);
    let row = table
        .rows
        .iter()
        .find(|r| r[0] == tables::Cell::Text("Drift i eget hus".into()))
        .unwrap();
    let cells: Vec<tables::Cell> = joint.iter().map(|c| c.cell(&Tr::new(Lang::En))).collect();
    assert_eq!(row[1..], cells[..]);
    // Payback: joint in-house saves from its first year (2007, as the chart
    // marks it); today's operation has nothing to pay back.
    let payback = tables::comparison_cells(&evaluation, Figure::Payback);
    assert_eq!(payback[index("joint")].1[4], ComparisonCell::Year(2007));
    assert!(
        payback[index("today")]
            .1
            .iter()
            .all(|c| *c == ComparisonCell::Missing)
    );
    assert_eq!(
        ComparisonCell::Never.cell(&Tr::new(Lang::En)),
        tables::Cell::Text(Tr::new(Lang::En).get("cli-never"))
    );
}

#[test]
fn an_explanation_for_all_leaves_out_the_share_that_is_always_everything() {
    use samdrift::report::explain::{ExplainTarget, explain};
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::En);
    let joint = study
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == "joint")
        .unwrap();
    let share = tr.get("exp-share");
    let target = |member| ExplainTarget {
        scenario: joint,
        member,
        metric: Metric::Annual(2007),
    };
    let all = explain(&study, &evaluation, target(None), &tr).unwrap();
    assert!(!all.table.headers.contains(&share), "{:?}", all.table.headers);
    assert!(all.table.rows.iter().all(|r| r.len() == all.table.headers.len()));
    // Gratangen's share of the joint line is the key's 22,28 %.
    let gratangen = explain(&study, &evaluation, target(Some(0)), &tr).unwrap();
    let column = gratangen.table.headers.iter().position(|h| *h == share).unwrap();
    assert_eq!(gratangen.table.rows[0][column], tables::Cell::Percent(22.28));
}

#[test]
fn the_same_figure_rounds_the_same_under_every_metric() {
    // Joint in-house operation costs 2 262 000 a year without growth, so
    // its equivalent annual cost is its annual cost: 503 973,6 + 451 947,6
    // + 717 958,8 + 588 120 by the key. The two ,6s tie; the comparison and
    // the years view's table must give the krone to the same member (they
    // showed 503 973 / 451 948 and 503 974 / 451 947).
    let (study, evaluation) = reference();
    let joint = study
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == "joint")
        .unwrap();
    let annual = evaluation.summary(Metric::Annual(2007))[joint].rounded(1.0);
    let equivalent = evaluation.summary(Metric::AnnualEquivalent)[joint].rounded(1.0);
    assert_eq!(annual, equivalent);
    assert_eq!(annual.0[0], Some(503_974.0));
    assert_eq!(annual.0[1], Some(451_947.0));
}

#[test]
fn wide_tables_print_small_with_wrapping_headers_so_no_column_falls_off() {
    // The differences table has 2 × 4 members + 2 total columns + the
    // scenario: 11 columns, more than fit A4 at the body's size. It is
    // marked to print smaller and full width, and number headers wrap
    // ("Sum (%)" was cut to "Sum (" on paper).
    let (study, evaluation) = reference();
    let html = html_export::briefing(&study, &evaluation, &Tr::new(Lang::Nb), 2007, "x.ron");
    let differences = html.find("Forskjell mot dagens drift").unwrap();
    let table = html[differences..].find("<table").unwrap() + differences;
    assert!(
        html[table..].starts_with(r#"<table class="many">"#),
        "{}",
        &html[table..table + 40]
    );
    assert!(html.contains("th.num { white-space: normal; }"));
    assert!(html.contains("table.many { font-size: 7pt; }"));
    // A narrow table keeps the body's size.
    let shares = html.find("Fordelingsnøkler og andeler").unwrap();
    let table = html[shares..].find("<table").unwrap() + shares;
    assert!(html[table..].starts_with("<table>"));
}

#[test]
fn the_briefing_has_a_short_body_and_an_appendix_with_every_table() {
    let (study, evaluation) = reference();
    let html = html_export::briefing(&study, &evaluation, &Tr::new(Lang::En), 2007, "x.ron");
    let appendix = html.find(r#"<h1 class="appendix">Appendix</h1>"#).unwrap();
    let at = |text: &str| html.find(text).unwrap_or_else(|| panic!("{text}"));
    // The body: the answer, the comparison, how sure, and the fair split
    // of the proposal (remote operation, the largest saving: 278 500).
    for body in [
        "What the council should know",
        "Fair split: Fjerndrift (kr)",
        "P10–P90 band and median",
    ] {
        assert!(at(body) < appendix, "{body} in the body");
    }
    // The appendix: the other options' fair splits, the inputs, the
    // remarks, the present values.
    for behind in [
        "Fair split: Drift i eget hus (kr)",
        "Every input and its source",
        "Notes from the check of the figures",
    ] {
        assert!(at(behind) > appendix, "{behind} in the appendix");
    }
    // It starts on a new page when printed.
    assert!(html.contains("h1.appendix { break-before: page; }"));
}

#[test]
fn the_inputs_say_kroner_as_each_language_does_and_counts_whole() {
    // The 2006 study's four terminal servers at 60 000 kr: "kr. × 4" in
    // Danish (not "kr × 4,00"), "kr × 4" in Norwegian.
    let (study, _) = reference();
    let unit_of = |lang: Lang| {
        let table = tables::inputs(&study, &Tr::new(lang));
        table
            .rows
            .iter()
            .find(|r| r[1] == tables::Cell::Text("Terminalservere".to_owned()))
            .map(|r| r[3].display(Tr::new(lang).numbers()))
            .unwrap()
    };
    assert!(unit_of(Lang::Da).starts_with("kr. × 4 "), "{}", unit_of(Lang::Da));
    assert!(unit_of(Lang::Nb).starts_with("kr × 4 "), "{}", unit_of(Lang::Nb));
}

#[test]
fn a_briefing_of_many_members_answers_in_rows_and_its_one_page_turns_the_comparison() {
    use samdrift::report::bundle::{Analyses, ExportOptions};
    // Eight members: more than the six that get a sentence each.
    let study = samdrift::model::examples::synthetic(8, 20, 3, 5);
    let evaluation = evaluate(&study).unwrap();
    let tr = Tr::new(Lang::En);
    let year = study.assumptions.display_year;
    let analyses = Analyses::run(&study, year, ExportOptions::default(), &|_| true).unwrap();
    let full = html_export::briefing_with(
        &study,
        &evaluation,
        (&tr, year, "m8.ron"),
        &analyses,
        html_export::Length::Full,
    );
    let summary = &full[full.find(r#"<section class="summary">"#).unwrap()..];
    let summary = &summary[..summary.find("</section>").unwrap()];
    // One row per member in the summary's table, and no member sentence.
    for member in &study.members {
        assert!(
            summary.contains(&format!("<td>{}</td>", member.name)),
            "{summary}"
        );
        assert!(!summary.contains(&format!("<li>{}:", member.name)), "{summary}");
    }
    assert!(summary.contains("<li>All together:"), "{summary}");
    let one = html_export::briefing_with(
        &study,
        &evaluation,
        (&tr, year, "m8.ron"),
        &analyses,
        html_export::Length::OnePage,
    );
    // The comparison turned: a row per member, then the sum, each with as
    // many cells as there are scenarios; each member's figure in today's
    // operation as the comparison shows it (rounded once).
    let rows = evaluation.summary(Metric::Annual(year));
    let today = evaluation.today.unwrap();
    let (shown, _) = rows[today].rounded(1.0);
    for (m, member) in study.members.iter().enumerate() {
        let at = one.find(&format!("<tr><td>{}</td>", member.name)).unwrap();
        let row = &one[at..at + one[at..].find("</tr>").unwrap()];
        assert_eq!(row.matches("<td").count(), 1 + study.scenarios.len(), "{row}");
        let figure = samdrift::format::Numbers::ENGLISH.num(shown[m].unwrap(), 0);
        assert!(row.contains(&format!(">{figure}<")), "{row} lacks {figure}");
    }
    assert!(!one.contains("<svg") && !one.contains(r#"class="appendix""#));
}

#[test]
fn the_workbook_says_percent_once_dashes_members_outside_and_wraps_long_text() {
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::Nb);
    let all = tables::all(&study, &evaluation, &tr, 2007);
    let bytes = xlsx_export::workbook_bytes(&all, &tr).unwrap();
    // The differences: "Sum (%)" in the CSV's header, "Sum" over cells
    // formatted as percentages (one decimal) in the workbook.
    let differences = all.iter().find(|t| t.id == "differences").unwrap();
    assert!(differences.headers.iter().any(|h| h == "Sum (%)"));
    let strings = xlsx_part(&bytes, "xl/sharedStrings.xml");
    assert!(
        !strings.contains("Sum (%)") && strings.contains("Sum (kr)"),
        "{strings}"
    );
    let styles = xlsx_part(&bytes, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="0.0%""#), "{styles}");
    assert!(!styles.contains("formatCode=\"#,##0.00\""), "{styles}");
    // Ibestad is outside "without Ibestad": a dash, not 0 or an empty cell.
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let sheet = workbook.worksheet_range("Forskjeller").unwrap();
    let row = sheet
        .rows()
        .find(|r| r[0] == Data::String("Drift i eget hus uten Ibestad".into()))
        .unwrap();
    let ibestad = differences
        .headers
        .iter()
        .position(|h| h == "Ibestad (kr)")
        .unwrap();
    assert_eq!(row[ibestad], Data::String("—".into()));
    // Long text (sources) wraps; the title row has its own height.
    assert!(styles.contains(r#"wrapText="1""#));
    let first = xlsx_part(&bytes, "xl/worksheets/sheet1.xml");
    let title_row = &first[first.find(r#"<row r="1""#).unwrap()..];
    let title_row = &title_row[..title_row.find('>').unwrap()];
    assert!(title_row.contains(r#"customHeight="1""#), "{title_row}");
}

#[test]
fn the_briefing_says_year_by_year_who_would_be_better_off_alone() {
    let (study, evaluation) = reference();
    let html = html_export::briefing(&study, &evaluation, &Tr::new(Lang::En), 2007, "x.ron");
    let appendix = html.find(r#"class="appendix""#).unwrap();
    // The proposal is remote operation (the largest saving, slide 11):
    // 2 136 000 kr × Salangen's 31,74 % = 677 966 kr against its 647 500
    // kr of today, 30 466 kr more from the first year. The sentence in the
    // body, the table in the appendix.
    let sentence = "Salangen would be better off alone in “Fjerndrift” from 2007: it pays 677\u{a0}966\u{a0}kr under the key against 647\u{a0}500\u{a0}kr alone, 30\u{a0}466\u{a0}kr more.";
    assert!(html[..appendix].contains(sentence), "{}", &html[..appendix]);
    // Who could leave profitably (no terms: no notice, no settlement):
    // Salangen from 2007, saving 7 × 30 466,4 = 213 265 kr over 2007–2013;
    // remote operation is one lump sum, so the other three pay Salangen's
    // 677 966,4 kr a year more: 7 × 677 966,4 = 4 745 765 kr.
    let leave = "Salangen could leave “Fjerndrift” profitably: giving notice in 2007 (out from 2007) it saves 213\u{a0}265\u{a0}kr over the years; the others would pay 4\u{a0}745\u{a0}765\u{a0}kr more together.";
    assert!(html[..appendix].contains(leave), "{}", &html[..appendix]);
    // Joint in-house operation, in the appendix beside its split: Salangen
    // 717 959 against 647 500 from 2007 (slide 11), and who could leave.
    let joint = "Salangen would be better off alone in “Drift i eget hus” from 2007: it pays 717\u{a0}959\u{a0}kr under the key against 647\u{a0}500\u{a0}kr alone, 70\u{a0}459\u{a0}kr more.";
    assert!(html[appendix..].contains(joint));
    assert!(html[appendix..].contains("Salangen could leave “Drift i eget hus” profitably"));
    assert!(html[appendix..].contains("Year by year: "));
    // The exit the study asks about (joint in-house, Salangen giving notice
    // in 2009 with two years' notice): out from 2011, it saves its 70 458,8
    // kr a year for 2011–2013, 3 × 70 458,8 = 211 376 kr; the joint cost is
    // one lump sum, so the other three pay its 2 262 000 × 31,74 % =
    // 717 958,8 kr a year more: 3 × 717 958,8 = 2 153 876 kr. The sentence
    // in the body, the table in the appendix.
    let asked = "If Salangen gives notice in 2009 and is out of “Drift i eget hus” from 2011, it saves 211\u{a0}376\u{a0}kr over the years (settlement 0\u{a0}kr); the others pay 2\u{a0}153\u{a0}876\u{a0}kr more together.";
    assert!(html[..appendix].contains(asked), "{}", &html[..appendix]);
    assert!(
        html[appendix..].contains("Salangen leaves “Drift i eget hus”"),
        "{}",
        &html[appendix..]
    );
}

#[test]
fn an_exit_question_that_no_longer_fits_is_a_warning_and_left_out() {
    let (mut study, _) = reference();
    // Salangen taken out of joint in-house operation: its question stays
    // in the file but cannot be answered.
    study.scenarios[1].participants = Some(vec![
        samdrift::model::MemberId::new("G"),
        samdrift::model::MemberId::new("L"),
        samdrift::model::MemberId::new("I"),
    ]);
    study.scenarios[1].exit_questions[0].notice_year = 1999;
    let report = samdrift::model::validate(&study);
    let tr = Tr::new(Lang::En);
    let warnings: Vec<String> = report
        .issues
        .iter()
        .filter(|i| i.severity() == samdrift::model::Severity::Warning)
        .map(|i| samdrift::report::messages::Message::message(i, &tr))
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("“S”, which does not take part")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("notice in 1999, outside the years analysed (2007–2013)")),
        "{warnings:?}"
    );
    assert!(samdrift::report::bundle::exit_questions(&study).is_empty());
}

#[test]
fn the_briefing_and_the_tables_carry_the_budget_of_the_economic_plan() {
    let (study, evaluation) = reference();
    let tr = Tr::new(Lang::En);
    let analyses = samdrift::report::bundle::Analyses::run(
        &study,
        2007,
        samdrift::report::bundle::ExportOptions {
            draws: 500,
            ..Default::default()
        },
        &|_| true,
    )
    .unwrap();
    // The first page: the proposal's (remote operation's) net effect on
    // each operating budget in 2007–2010. No investments and all VAT
    // compensated, so it is the comparison's difference from today, the
    // same every year: Gratangen 475 901 − 627 000 = −151 099 kr,
    // Salangen 677 966 − 647 500 = +30 466 kr.
    let html = html_export::briefing_with(
        &study,
        &evaluation,
        (&tr, 2007, "x.ron"),
        &analyses,
        html_export::Length::Full,
    );
    let appendix = html.find(r#"class="appendix""#).unwrap();
    assert!(
        html[..appendix].contains(
            "2007–2010 of “Fjerndrift” against today, year by year (VAT compensated, capital costs included): Gratangen −151\u{a0}099\u{a0}kr a year; Lavangen −123\u{a0}227\u{a0}kr a year; Salangen +30\u{a0}466\u{a0}kr a year"
        ),
        "{}",
        &html[..appendix]
    );
    // The appendix: a table per member of the plan's four years.
    assert!(html[appendix..].contains("Salangen: Budget: Fjerndrift"));
    // The exports: each option's budget, four years per member and all
    // together; Salangen's operating expenses 30 466,4 × 1,25 = 38 083 kr.
    let all = samdrift::report::bundle::export_tables(&study, &evaluation, (&tr, 2007), &analyses);
    let remote = all.iter().find(|t| t.id == "budget-remote").unwrap();
    assert_eq!(remote.rows.len(), (study.members.len() + 1) * 4);
    let salangen = remote
        .rows
        .iter()
        .find(|r| r[0] == tables::Cell::Text("Salangen".into()))
        .unwrap();
    assert_eq!(salangen[2], tables::Cell::Money(38_083.0));
    assert_eq!(salangen[9], tables::Cell::Money(30_466.0));
}

#[test]
fn the_briefing_shows_the_capital_costs_of_the_thin_client_roll_out_year_by_year() {
    // Only today and thin clients: thin clients are the proposal. Ibestad
    // (120 workstations, key 26 %) buys 120 × 3 500 = 420 000 kr of thin
    // clients (7 years, 7-year serial loan at 4,5 %) and 26 % of 4 × 60 000
    // = 62 400 kr of servers (5 years, 5-year loan at 4,5 %) in 2007:
    // 482 400 kr, all loan-financed. Its operating costs: 2 262 000 × 26 %
    // = 588 120, less 120 × 60 of power and 120 × 1 650 of support, plus
    // 120 × 900 of licences = 490 920 kr against 590 000 today: −99 080
    // kr (VAT compensated in full), the net effect in 2007. From 2008
    // interest and the minimum repayment: depreciation 420 000 / 7 +
    // 62 400 / 5 = 72 480 kr (= the repayment, debt = book value);
    // interest 4,5 % of 482 400 = 21 708 (2008), of 409 920 = 18 446,4
    // (2009), of 337 440 = 15 184,8 (2010). Net: −99 080 + 21 708 + 72 480
    // = −4 892; −8 153,6; −11 415,2.
    let (mut study, _) = reference();
    study
        .scenarios
        .retain(|s| ["today", "thin"].contains(&s.id.as_str()));
    study
        .uncertainties
        .retain(|u| !format!("{:?}", u.input).contains("joint"));
    study
        .uncertainties
        .retain(|u| !format!("{:?}", u.input).contains("remote"));
    study.decision = samdrift::model::decision::Decision::default();
    let evaluation = samdrift::engine::evaluate(&study).unwrap();
    let tr = Tr::new(Lang::En);
    let html = html_export::briefing(&study, &evaluation, &tr, 2007, "x.ron");
    let appendix = html.find(r#"class="appendix""#).unwrap();
    let ibestad = "Ibestad −99\u{a0}080 / −4\u{a0}892 / −8\u{a0}154 / −11\u{a0}415\u{a0}kr";
    assert!(html[..appendix].contains(ibestad), "{}", &html[..appendix]);
    assert!(
        html[..appendix].contains(
            "Net effect on each operating budget 2007–2010 of “Drift i eget hus med tynne klienter”"
        )
    );
}

#[test]
fn the_briefing_and_the_inputs_say_how_an_option_is_organised() {
    // Joint in-house operation as an IKS employed by Salangen (its own
    // rates: zone IV 5,1 %, pension 12 %), 3 % for the body's own
    // administration on the shared 2 262 000 kr: 2 329 860 kr.
    let (mut study, _) = reference();
    study.scenarios[1].organisation = Some(samdrift::model::organisation::Organisation {
        form: samdrift::model::organisation::OrgForm::Iks,
        employer: samdrift::model::MemberId::new("S"),
        employer_tax_percent: None,
        pension_percent: None,
        overhead_percent: 3.0,
        source: samdrift::model::Source::Assumption {
            note: "An example".into(),
        },
    });
    let evaluation = samdrift::engine::evaluate(&study).unwrap();
    let total: f64 = (0..4)
        .filter_map(|m| evaluation.member_metric(1, m, samdrift::engine::Metric::Annual(2007)))
        .sum();
    assert!((total - 2_329_860.0).abs() < 1e-6, "{total}");
    let tr = Tr::new(Lang::En);
    let html = html_export::briefing(&study, &evaluation, &tr, 2007, "x.ron");
    let text = "Inter-municipal company (IKS); joint staff employed by Salangen (employer tax 5.1\u{a0}%, pension 12.0\u{a0}%); administration 3.0\u{a0}%";
    assert!(html.contains(text), "{html}");
    let inputs = tables::inputs(&study, &tr);
    assert!(inputs.rows.iter().any(
        |r| r[1] == tables::Cell::Text("Organisation".into()) && r[2] == tables::Cell::Text(text.into())
    ));
}

#[test]
fn the_budget_shows_what_the_loan_rate_and_the_vat_share_do_to_it() {
    // Thin clients: the reference puts ranges on the two loans' rates
    // (3,5–7 %); here also one on the share of VAT not compensated
    // (0–20 %). The costs compared do not move; the budget does.
    let (mut study, before) = reference();
    let thin = study
        .scenarios
        .iter()
        .position(|s| s.id.as_str() == "thin")
        .unwrap();
    study
        .uncertainties
        .push(samdrift::model::uncertainty::Uncertainty {
            input: samdrift::model::InputRef::VatNotCompensated {
                scenario: study.scenarios[thin].id.clone(),
            },
            range: samdrift::model::uncertainty::Range::Pert { low: 0.0, high: 20.0 },
            group: None,
            source: samdrift::model::Source::default(),
        });
    assert!(!samdrift::model::validate(&study).has_errors());
    let after = samdrift::engine::evaluate(&study).unwrap();
    let pv = samdrift::engine::Metric::PresentValue;
    assert_eq!(before.summary(pv), after.summary(pv));
    let ranges = samdrift::budget::budget_ranges(&study, thin).unwrap();
    assert_eq!(ranges.len(), 3, "two loan rates and the VAT share");
    // Ibestad (index 3) in 2008: −99 080 of operating costs and the
    // minimum repayment 72 480 (420 000 / 7 + 62 400 / 5), plus interest
    // on the thin clients' 420 000 and the servers' 62 400, one rate at a
    // time at an end of its range, the other at 4,5 %:
    //   thin clients at 3,5 %: 14 700 + 2 808 → −99 080 + 72 480 + 17 508 = −9 092
    //   thin clients at 7 %:   29 400 + 2 808 → +5 608
    //   servers at 3,5 %:      18 900 + 2 184 → −5 516
    //   servers at 7 %:        18 900 + 4 368 → −3 332
    let net = |b: &samdrift::budget::Budget, y: usize| b.members[3][y].net_operating();
    for (range, low, high) in [(&ranges[0], -9_092.0, 5_608.0), (&ranges[1], -5_516.0, -3_332.0)] {
        assert!(
            (net(&range.at_low, 1) - low).abs() < 1e-6,
            "{}",
            net(&range.at_low, 1)
        );
        assert!(
            (net(&range.at_high, 1) - high).abs() < 1e-6,
            "{}",
            net(&range.at_high, 1)
        );
    }
    // VAT: at 20 % not compensated, the option's 490 920 kr of operating
    // costs cost 490 920 × 1,25 − 122 730 × 0,8 = 515 466 kr against
    // today's 590 000 (all compensated): −74 534 in 2007.
    assert!(
        (net(&ranges[2].at_high, 0) - -74_534.0).abs() < 1e-6,
        "{}",
        net(&ranges[2].at_high, 0)
    );
    assert!((net(&ranges[2].at_low, 0) - -99_080.0).abs() < 1e-6);
    // The exports carry the table, for all together.
    let tr = Tr::new(Lang::En);
    let analyses = samdrift::report::bundle::Analyses::run(
        &study,
        2007,
        samdrift::report::bundle::ExportOptions {
            draws: 200,
            ..Default::default()
        },
        &|_| true,
    )
    .unwrap();
    let all = samdrift::report::bundle::export_tables(&study, &after, (&tr, 2007), &analyses);
    let table = all.iter().find(|t| t.id == "budget-ranges-thin").unwrap();
    assert_eq!(table.rows.len(), 3 * 4);
}
