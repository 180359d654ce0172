//! CSV for spreadsheets in a Norwegian or Swedish locale (and an
//! international variant).
//!
//! Nordic: UTF-8 with a byte-order mark (so Excel reads æøå), `;` between
//! fields, CRLF line ends, decimal comma, no digit grouping, ASCII minus,
//! and no `sep=` line (Excel ignores the BOM after one). International: `,`
//! between fields and a decimal point. Text that a spreadsheet would take
//! for a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return)
//! is prefixed with `'` (OWASP CSV injection).

use crate::format::{DecimalSep, export_number};
use crate::report::tables::{Cell, Table};

/// Which spreadsheet locale the CSV is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvVariant {
    /// `;` and decimal comma: Norwegian, Swedish, Danish, German … Excel.
    Nordic,
    /// `,` and decimal point.
    International,
}

/// Text that cannot start a formula in a spreadsheet.
#[must_use]
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Whether a field needs quotes: a separator (`;` or `,`, so that a
/// decimal comma or "Ibestad, Salangen" stays one cell with the stock
/// dialog of `LibreOffice`, where comma, semicolon and tab all separate), a quote or a
/// line break.
fn needs_quotes(field: &str) -> bool {
    field.contains([',', ';', '"', '\n', '\r'])
}

/// A field quoted when it must be (see [`needs_quotes`]), quotes doubled.
fn quote(field: String) -> String {
    if needs_quotes(&field) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// A text field of a hand-written `;` CSV row: neutralised (no formula)
/// and quoted when it holds a separator, a quote or a line break, so that
/// a name like `Nord; "Sør"` stays one field.
#[must_use]
pub fn text_field(text: &str) -> String {
    quote(neutralise(text))
}

/// The table as CSV bytes.
#[must_use]
pub fn table_csv(table: &Table, variant: CsvVariant) -> Vec<u8> {
    let (delimiter, sep) = match variant {
        CsvVariant::Nordic => (b';', DecimalSep::Comma),
        CsvVariant::International => (b',', DecimalSep::Point),
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Never)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let header: Vec<String> = table.headers.iter().map(|h| quote(neutralise(h))).collect();
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&header);
    for row in &table.rows {
        let record: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(s) => neutralise(s),
                Cell::Money(v) => export_number(*v, 0, sep),
                Cell::Percent(v) => export_number(*v, 2, sep),
                Cell::Number(v, d) => export_number(*v, *d, sep),
                Cell::Empty => String::new(),
            })
            .map(quote)
            .collect();
        let _ = writer.write_record(&record);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            id: "t".to_owned(),
            title: "T".into(),
            headers: vec!["Navn".into(), "Beløp".into(), "Andel".into()],
            rows: vec![
                vec![
                    Cell::Text("=HYPERLINK(\"x\")".into()),
                    Cell::Money(-1234.0),
                    Cell::Percent(22.28),
                ],
                vec![
                    Cell::Text("Ibestad; «ø»".into()),
                    Cell::Empty,
                    Cell::Number(1.5, 2),
                ],
            ],
        }
    }

    #[test]
    fn nordic_csv() {
        let bytes = table_csv(&table(), CsvVariant::Nordic);
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "Navn;Beløp;Andel\r\n\"'=HYPERLINK(\"\"x\"\")\";-1234;\"22,28\"\r\n\"Ibestad; «ø»\";;\"1,5\"\r\n"
        );
    }

    /// Splits a line as `LibreOffice`'s default import does with comma,
    /// semicolon and tab all ticked: any of them separates, a field that
    /// starts with a quote runs to its closing quote.
    fn split_all(line: &str) -> Vec<String> {
        let mut fields = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            let field = fields.last_mut().unwrap();
            if quoted {
                if c == '"' && chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else if c == '"' {
                    quoted = false;
                } else {
                    field.push(c);
                }
            } else if c == '"' && field.is_empty() {
                quoted = true;
            } else if [';', ',', '\t'].contains(&c) {
                fields.push(String::new());
            } else {
                field.push(c);
            }
        }
        fields
    }

    #[test]
    fn nordic_csv_survives_an_import_that_splits_on_every_separator() {
        let bytes = table_csv(&table(), CsvVariant::Nordic);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        for line in text.lines() {
            assert_eq!(split_all(line).len(), 3, "{line}");
        }
        let row = split_all(text.lines().nth(1).unwrap());
        assert_eq!(row[2], "22,28");
    }

    #[test]
    fn international_csv() {
        let text = String::from_utf8(table_csv(&table(), CsvVariant::International)[3..].to_vec()).unwrap();
        assert!(text.contains("-1234,22.28\r\n"), "{text}");
        // A field with `;` is quoted in both variants.
        assert!(text.contains("\"Ibestad; «ø»\",,1.5"), "{text}");
    }

    #[test]
    fn neutralises_formula_starts() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise("Gratangen"), "Gratangen");
    }
}
