//! XLSX for `Excel` and `LibreOffice`: one sheet per table, numbers stored as
//! numbers with formats that show `1 234 567 kr` and `22,28 %` in a
//! Norwegian locale, bold frozen headers, fitted columns, no formulas (so
//! nothing shows 0 for want of a cached value). Text is always written as
//! text, never as a formula.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::i18n::Tr;
use crate::report::tables::{Cell, Table};

fn xlsx_error(e: &XlsxError) -> String {
    e.to_string()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    cleaned.chars().take(31).collect()
}

/// Text that a spreadsheet would take for a formula.
fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A sheet's name in the user's language: the table's own sheet name
/// (`sheet-<id>`), a fair split's scenario by name ("Fordeling Drift i
/// eget hus"), or else the table's title; never a message or scenario id.
fn sheet_title(table: &Table, tr: &Tr) -> String {
    let title = table.title.trim_end_matches(" (kr)");
    if table.id.starts_with("fair-split-") {
        let scenario = title.split_once(": ").map_or(title, |(_, s)| s);
        return format!("{} {scenario}", tr.get("sheet-fair-split"));
    }
    let id = format!("sheet-{}", table.id);
    let named = tr.get(&id);
    if named == id { title.to_owned() } else { named }
}

/// Column widths (in characters) that fit the shown values: the number
/// formats add ` kr` and `%` and digit groups, which autofit does not see.
fn column_widths(table: &Table) -> Vec<f64> {
    (0..table.headers.len())
        .map(|c| {
            let cap = if c == 0 { 45 } else { 40 };
            let header = table.headers[c].chars().count().min(24);
            let widest = table
                .rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(|cell| match cell {
                    Cell::Text(s) => s.chars().count(),
                    Cell::Money(v) => crate::format::nordic(*v, 0).chars().count() + 3,
                    Cell::Percent(v) => crate::format::nordic(*v, 2).chars().count() + 2,
                    Cell::Number(v, d) => crate::format::nordic(*v, *d).chars().count(),
                    Cell::Empty => 0,
                })
                .max()
                .unwrap_or(0);
            #[allow(clippy::cast_precision_loss)]
            let width = (header.max(widest).min(cap) + 2) as f64;
            width
        })
        .collect()
}

/// The workbook as bytes.
///
/// # Errors
/// The writer's message if the workbook cannot be built.
pub fn workbook_bytes(tables: &[Table], tr: &Tr) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold().set_text_wrap();
    let numeric_header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Right);
    let title = Format::new().set_bold().set_font_size(13);
    // The unit is said once, in the title or the column (`… (kr)`, `kr per
    // år`), not again in every cell.
    let money = Format::new().set_num_format("#,##0");
    let percent = Format::new().set_num_format("0.00%");
    let integer = Format::new().set_num_format("0");
    let decimal = Format::new().set_num_format("#,##0.00");
    // Text a spreadsheet would take for a formula is stored as text with
    // the cell's quote prefix: it shows as typed, with no apostrophe.
    let quoted = Format::new().set_quote_prefix();
    let quoted_header = header.clone().set_quote_prefix();
    let mut used: Vec<String> = Vec::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_paper_size(9); // A4
        let base = sheet_name(&sheet_title(table, tr));
        // Sheet names must be unique (Excel compares them case-blind).
        let mut name = base.clone();
        let mut n = 2;
        while used.iter().any(|u| u.to_lowercase() == name.to_lowercase()) {
            let suffix = format!(" ({n})");
            name = base.chars().take(31 - suffix.chars().count()).collect::<String>() + &suffix;
            n += 1;
        }
        used.push(name.clone());
        sheet.set_name(name).map_err(|e| xlsx_error(&e))?;
        sheet
            .write_string_with_format(0, 0, &table.title, &title)
            .map_err(|e| xlsx_error(&e))?;
        for (c, text) in table.headers.iter().enumerate() {
            let col = u16::try_from(c).map_err(|e| e.to_string())?;
            let numeric = table.rows.iter().any(|r| {
                matches!(
                    r.get(c),
                    Some(Cell::Money(_) | Cell::Percent(_) | Cell::Number(..))
                )
            });
            let format = if looks_like_formula(text) {
                &quoted_header
            } else if numeric {
                &numeric_header
            } else {
                &header
            };
            sheet
                .write_string_with_format(1, col, text, format)
                .map_err(|e| xlsx_error(&e))?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let row_index = u32::try_from(r + 2).map_err(|e| e.to_string())?;
            for (c, cell) in row.iter().enumerate() {
                let col = u16::try_from(c).map_err(|e| e.to_string())?;
                let result = match cell {
                    Cell::Text(s) if looks_like_formula(s) => sheet
                        .write_string_with_format(row_index, col, s, &quoted)
                        .map(|_| ()),
                    Cell::Text(s) => sheet.write_string(row_index, col, s).map(|_| ()),
                    Cell::Money(v) => sheet
                        .write_number_with_format(row_index, col, *v, &money)
                        .map(|_| ()),
                    Cell::Percent(v) => sheet
                        .write_number_with_format(row_index, col, *v / 100.0, &percent)
                        .map(|_| ()),
                    Cell::Number(v, 0) => sheet
                        .write_number_with_format(row_index, col, *v, &integer)
                        .map(|_| ()),
                    Cell::Number(v, _) => sheet
                        .write_number_with_format(row_index, col, *v, &decimal)
                        .map(|_| ()),
                    Cell::Empty => Ok(()),
                };
                result.map_err(|e| xlsx_error(&e))?;
            }
        }
        sheet.set_freeze_panes(2, 1).map_err(|e| xlsx_error(&e))?;
        // Printing: one page wide, the title and headers on every page,
        // landscape when the table is wide.
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_repeat_rows(0, 1).map_err(|e| xlsx_error(&e))?;
        if table.headers.len() > 6 {
            sheet.set_landscape();
        }
        for (c, width) in column_widths(table).into_iter().enumerate() {
            let col = u16::try_from(c).map_err(|e| e.to_string())?;
            sheet.set_column_width(col, width).map_err(|e| xlsx_error(&e))?;
        }
    }
    workbook.save_to_buffer().map_err(|e| xlsx_error(&e))
}
