//! XLSX for `Excel` and `LibreOffice`: one sheet per table, numbers stored as
//! numbers with formats that show `1 234 567 kr` and `22,28 %` in a
//! Norwegian locale, bold frozen headers, fitted columns, no formulas (so
//! nothing shows 0 for want of a cached value). Text is always written as
//! text, never as a formula.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

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
    if table.id.starts_with("budget-") {
        // "Budsjett: Drift i eget hus (mot …)": the scenario's name.
        let scenario = title
            .split_once(": ")
            .map_or(title, |(_, s)| s.rsplit_once(" (").map_or(s, |(name, _)| name));
        return format!("{} {scenario}", tr.get("sheet-budget"));
    }
    let id = format!("sheet-{}", table.id);
    let named = tr.get(&id);
    if named == id { title.to_owned() } else { named }
}

/// How many lines `text` takes when wrapped at word boundaries in `room`
/// characters (a word longer than the room takes lines of its own).
fn wrapped_lines(text: &str, room: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        let needed = if used == 0 { len } else { used + 1 + len };
        if needed <= room {
            used = needed;
        } else {
            lines += usize::from(used > 0) + (len.saturating_sub(1)) / room;
            used = if len > room { len % room } else { len };
        }
    }
    lines
}

/// The widest a column of text gets (in characters); longer text wraps.
const TEXT_CAP: usize = 40;

/// The shown width of a cell in characters (digit groups, ` kr`, `%`,
/// which autofit does not see).
fn cell_width(cell: &Cell) -> usize {
    match cell {
        Cell::Text(s) => s.chars().count(),
        Cell::Money(v) => crate::format::nordic(*v, 0).chars().count() + 3,
        Cell::Percent(v) => crate::format::nordic(*v, 1).chars().count() + 2,
        Cell::Number(v, d) => crate::format::nordic_trim(*v, *d).chars().count(),
        Cell::Empty => 1,
    }
}

/// Column widths (in characters) that fit the shown values and headers
/// (a header wraps at 24), text at most [`TEXT_CAP`].
fn column_widths(table: &Table) -> Vec<f64> {
    (0..table.headers.len())
        .map(|c| {
            let header = table.shown_header(c).chars().count().min(24);
            let widest = table
                .rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(cell_width)
                .max()
                .unwrap_or(0);
            #[allow(clippy::cast_precision_loss)]
            let width = (header.max(widest).min(TEXT_CAP) + 2) as f64;
            width
        })
        .collect()
}

/// How a sheet prints on A4: landscape when it is wider than a portrait
/// page; one page wide when that keeps the text at 8 pt or more (73 % of
/// 11 pt), else at 73 % over several pages with the first column on each.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PrintLayout {
    landscape: bool,
    /// `None`: fit to one page wide; `Some(percent)`: this scale.
    scale: Option<u16>,
}

/// The smallest print scale (percent) that keeps 11 pt text at 8 pt.
const SMALLEST_SCALE: u16 = 73;

fn print_layout(widths: &[f64]) -> PrintLayout {
    // A character of the default font is about 6,3 pt wide with the
    // column's padding; A4 less Excel's default margins (0,7 in each side)
    // leaves about 494 pt across portrait and 740 pt across landscape.
    let points: f64 = widths.iter().map(|w| w * 6.3 + 6.0).sum();
    let (portrait, landscape) = (494.0, 740.0);
    if points <= portrait {
        return PrintLayout {
            landscape: false,
            scale: None,
        };
    }
    let fits = landscape / points >= f64::from(SMALLEST_SCALE) / 100.0;
    PrintLayout {
        landscape: true,
        scale: if fits { None } else { Some(SMALLEST_SCALE) },
    }
}

/// The number format of a number with at most `decimals` decimals, shown
/// as the value has them: `#,##0` for a whole one (4 servers, not
/// `4,00`), else up to `decimals` (`0,5`, `0,25`).
fn number_format(value: f64, decimals: usize) -> String {
    if decimals == 0 || value.fract() == 0.0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.0{}", "#".repeat(decimals - 1))
    }
}

/// The workbook as bytes.
///
/// # Errors
/// The writer's message if the workbook cannot be built.
pub fn workbook_bytes(tables: &[Table], tr: &Tr) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    let mut used: Vec<String> = Vec::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
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
        write_sheet(sheet, table).map_err(|e| xlsx_error(&e))?;
    }
    workbook.save_to_buffer().map_err(|e| xlsx_error(&e))
}

/// One table on its sheet: the title, the headers, the rows, the widths
/// and how it prints.
fn write_sheet(sheet: &mut rust_xlsxwriter::Worksheet, table: &Table) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let numeric_header = header.clone().set_align(FormatAlign::Right);
    let title = Format::new().set_bold().set_font_size(13);
    // The unit is said once, in the title or the column (`… (kr)`, `kr per
    // år`), or by the format (`%`), not twice.
    let money = Format::new().set_num_format("#,##0").set_align(FormatAlign::Top);
    let percent = Format::new().set_num_format("0.0%").set_align(FormatAlign::Top);
    let integer = Format::new().set_num_format("0").set_align(FormatAlign::Top);
    // A member outside a scenario: a dash, not 0 or nothing. Numbers stand
    // at the top of their row, level with the first line of wrapped text.
    let dash = Format::new()
        .set_align(FormatAlign::Right)
        .set_align(FormatAlign::Top);
    // Text a spreadsheet would take for a formula is stored as text with
    // the cell's quote prefix: it shows as typed, with no apostrophe. Long
    // text wraps in its column rather than running off the page.
    let text = Format::new().set_align(FormatAlign::Top);
    let wrapped = text.clone().set_text_wrap();
    let widths = column_widths(table);
    let layout = print_layout(&widths);
    sheet.set_paper_size(9); // A4
    sheet.write_string_with_format(0, 0, &table.title, &title)?;
    // The title's own height, so that it never runs into the headers
    // below; the headers as high as their longest wrapped name.
    sheet.set_row_height(0, 20)?;
    let header_lines = (0..table.headers.len())
        .map(|c| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let room = (widths[c] as usize).saturating_sub(2).max(4);
            table.shown_header(c).chars().count().div_ceil(room).max(1)
        })
        .max()
        .unwrap_or(1);
    #[allow(clippy::cast_precision_loss)]
    sheet.set_row_height(1, 15.0 * header_lines.min(6) as f64)?;
    for c in 0..table.headers.len() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        let shown = table.shown_header(c);
        let format = if table.is_numeric(c) {
            &numeric_header
        } else {
            &header
        };
        let format = if looks_like_formula(shown) {
            &format.clone().set_quote_prefix()
        } else {
            format
        };
        sheet.write_string_with_format(1, col, shown, format)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let row_index = u32::try_from(r + 2).unwrap_or(u32::MAX);
        // A row with wrapped text is as high as its longest text needs:
        // a spreadsheet keeps the stored height when it opens the file, so
        // the lines would otherwise run into the next row.
        let lines = row
            .iter()
            .enumerate()
            .filter_map(|(c, cell)| match cell {
                Cell::Text(s) if s.chars().count() > TEXT_CAP => {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let room = (widths[c] as usize).saturating_sub(2).max(4);
                    Some(wrapped_lines(s, room))
                }
                _ => None,
            })
            .max()
            .unwrap_or(1);
        if lines > 1 {
            #[allow(clippy::cast_precision_loss)]
            sheet.set_row_height(row_index, 15.0 * lines.min(40) as f64)?;
        }
        for (c, cell) in row.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(s) => {
                    let format = if s.chars().count() > TEXT_CAP {
                        &wrapped
                    } else {
                        &text
                    };
                    let format = if looks_like_formula(s) {
                        &format.clone().set_quote_prefix()
                    } else {
                        format
                    };
                    sheet.write_string_with_format(row_index, col, s, format)?;
                }
                Cell::Money(v) => {
                    sheet.write_number_with_format(row_index, col, *v, &money)?;
                }
                Cell::Percent(v) => {
                    sheet.write_number_with_format(row_index, col, *v / 100.0, &percent)?;
                }
                Cell::Number(v, 0) => {
                    sheet.write_number_with_format(row_index, col, *v, &integer)?;
                }
                Cell::Number(v, d) => {
                    let format = Format::new()
                        .set_num_format(number_format(*v, *d))
                        .set_align(FormatAlign::Top);
                    sheet.write_number_with_format(row_index, col, *v, &format)?;
                }
                Cell::Empty => {
                    sheet.write_string_with_format(row_index, col, "—", &dash)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(2, 1)?;
    // Printing: the title and headers on every page, and the first column
    // on every page when the sheet is printed over several pages across.
    sheet.set_repeat_rows(0, 1)?;
    if layout.landscape {
        sheet.set_landscape();
    }
    match layout.scale {
        None => {
            sheet.set_print_fit_to_pages(1, 0);
        }
        Some(scale) => {
            sheet.set_print_scale(scale);
            sheet.set_repeat_columns(0, 0)?;
        }
    }
    for (c, width) in widths.into_iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.set_column_width(col, width)?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_text_takes_the_lines_its_words_need() {
        // "Drift i eget hus med tynne klienter:" in 20 characters: "Drift
        // i eget hus med" (20), "tynne klienter:" (15): two lines.
        assert_eq!(wrapped_lines("Drift i eget hus med tynne klienter:", 20), 2);
        assert_eq!(wrapped_lines("kort", 20), 1);
        // A 45-character word in 20: a line of its own over three lines,
        // after the line with "a".
        assert_eq!(wrapped_lines(&format!("a {}", "x".repeat(45)), 20), 4);
    }

    #[test]
    fn a_sheet_prints_portrait_landscape_or_over_several_pages_by_its_width() {
        // Five columns of 10 characters: 5 × (10 × 6,3 + 6) = 345 pt, within
        // a portrait page's 494 pt.
        assert_eq!(
            print_layout(&[10.0; 5]),
            PrintLayout {
                landscape: false,
                scale: None
            }
        );
        // Six of 15: 6 × (94,5 + 6) = 603 pt; landscape's 740 pt holds it
        // at 100 %.
        assert_eq!(
            print_layout(&[15.0; 6]),
            PrintLayout {
                landscape: true,
                scale: None
            }
        );
        // Eight of 20: 8 × (126 + 6) = 1 056 pt; one page wide would be
        // 740 / 1 056 = 70 % (11 pt text at 7,7 pt): 73 % over pages.
        assert_eq!(
            print_layout(&[20.0; 8]),
            PrintLayout {
                landscape: true,
                scale: Some(73)
            }
        );
    }

    #[test]
    fn a_whole_count_has_no_decimals_and_a_fraction_only_its_own() {
        assert_eq!(number_format(4.0, 2), "#,##0");
        assert_eq!(number_format(2_150_000.0, 2), "#,##0");
        assert_eq!(number_format(0.25, 2), "#,##0.0#");
        assert_eq!(number_format(0.5, 1), "#,##0.0");
        assert_eq!(number_format(7.0, 0), "#,##0");
    }
}
