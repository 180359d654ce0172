//! XLSX for `Excel` and `LibreOffice`: one sheet per table, numbers stored as
//! numbers with formats that show `1 234 567 kr` and `22,28 %` in a
//! Norwegian locale, bold frozen headers, fitted columns, no formulas (so
//! nothing shows 0 for want of a cached value). Text is always written as
//! text, never as a formula.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::tables::{Cell, Table};
use crate::i18n::Tr;

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

/// The workbook as bytes.
///
/// # Errors
/// The writer's message if the workbook cannot be built.
pub fn workbook_bytes(tables: &[Table], tr: &Tr) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold().set_text_wrap();
    let title = Format::new().set_bold().set_font_size(13);
    let money = Format::new().set_num_format("#,##0 \"kr\"");
    let percent = Format::new().set_num_format("0.00%");
    let integer = Format::new().set_num_format("0");
    let decimal = Format::new().set_num_format("0.00");
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet
            .set_name(sheet_name(&tr.get(&format!("sheet-{}", table.id))))
            .map_err(|e| xlsx_error(&e))?;
        sheet
            .write_string_with_format(0, 0, &table.title, &title)
            .map_err(|e| xlsx_error(&e))?;
        for (c, text) in table.headers.iter().enumerate() {
            let col = u16::try_from(c).map_err(|e| e.to_string())?;
            sheet
                .write_string_with_format(1, col, text, &header)
                .map_err(|e| xlsx_error(&e))?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let row_index = u32::try_from(r + 2).map_err(|e| e.to_string())?;
            for (c, cell) in row.iter().enumerate() {
                let col = u16::try_from(c).map_err(|e| e.to_string())?;
                let result = match cell {
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
        sheet.autofit();
        // Long titles and notes should not make the first column huge.
        let widest_first = table
            .rows
            .iter()
            .filter_map(|r| match r.first() {
                Some(Cell::Text(s)) => Some(s.chars().count()),
                _ => None,
            })
            .chain(table.headers.first().map(|h| h.chars().count()))
            .max()
            .unwrap_or(10);
        #[allow(clippy::cast_precision_loss)]
        sheet
            .set_column_width(0, (widest_first as f64 + 2.0).min(45.0))
            .map_err(|e| xlsx_error(&e))?;
    }
    workbook.save_to_buffer().map_err(|e| xlsx_error(&e))
}
