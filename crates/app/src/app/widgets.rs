//! Small widgets shared by the views: a number field that accepts what
//! people type (`1 234,5`, `1234.5`, `−3`) and keeps invalid text on screen
//! in red instead of losing it, a text field, a source editor, and colours.

use std::hash::Hash;

use eframe::egui::{self, Align, Color32, Response, RichText, TextEdit, Ui};

use crate::model::limits::{NAME_MAX_CHARS, TEXT_MAX_CHARS};

use crate::format;
use crate::i18n::Tr;
use crate::model::Source;

/// Colour of a saving (cheaper than today).
pub const SAVING: Color32 = Color32::from_rgb(0x1b, 0x7a, 0x3d);
/// Colour of an extra cost (dearer than today).
pub const EXTRA: Color32 = Color32::from_rgb(0xb0, 0x2a, 0x2a);
/// Colour of a warning.
pub const WARNING: Color32 = Color32::from_rgb(0xb3, 0x6b, 0x00);

/// A palette colour for egui.
pub const fn rgb((r, g, b): (u8, u8, u8)) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// Points between two labelled marks of a money axis along x (room for
/// `−1 000 000`) and along y.
pub const MONEY_ALONG_X: f64 = 70.0;
/// See [`MONEY_ALONG_X`].
pub const MONEY_ALONG_Y: f64 = 40.0;

/// `egui_plot`'s default smallest grid spacing, in points.
const GRID_SPACING_MIN: f64 = 8.0;

/// Grid marks for a money axis: round steps of 1, 2 or 5 × 10ⁿ, the
/// smallest that leaves `min_px` points between two marks, each labelled.
/// (`egui_plot`'s default steps by powers of ten only, so a chart up to
/// 936 000 kr had just its 0 labelled; a step chosen from the value range
/// alone gave 0 and 500 000 on a narrow chart.)
pub fn money_grid(min_px: f64) -> impl Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    move |input| {
        let (low, high) = input.bounds;
        // `base_step_size` is the value of `GRID_SPACING_MIN` points.
        let per_point = input.base_step_size / GRID_SPACING_MIN;
        let step = crate::report::charts::nice_step(per_point * min_px, 1.0);
        let first = (low / step).ceil();
        let count = ((high - low) / step).floor();
        if !(first.is_finite() && count.is_finite()) || count > 1000.0 {
            return Vec::new();
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        (0..=count as usize)
            .map(|k| {
                #[allow(clippy::cast_precision_loss)]
                let value = (first + k as f64) * step;
                egui_plot::GridMark {
                    value,
                    step_size: step,
                }
            })
            .filter(|m| m.value <= high)
            .collect()
    }
}

/// A row of buttons for the choices of a dialog; the index of the one
/// clicked.
pub fn choice_buttons_ui(ui: &mut Ui, labels: &[String]) -> Option<usize> {
    ui.horizontal(|ui| {
        let mut chosen = None;
        for (i, label) in labels.iter().enumerate() {
            if ui.button(label).clicked() {
                chosen = Some(i);
            }
        }
        chosen
    })
    .inner
}

/// The colour of the `n`th series.
#[must_use]
pub fn series_color(n: usize) -> Color32 {
    rgb(crate::palette::series(n))
}

/// Sets the accessible name of a widget (read by screen readers and used by
/// tests to find it).
pub fn accessible_label(ui: &Ui, response: &Response, label: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(label.to_owned()));
}

/// A number field. Shows `value` in Nordic format; while focused the user
/// types freely. On Enter or leaving the field the text is parsed: a valid
/// number is returned (once), invalid text stays in red with the reason on
/// hover. Escape restores the value. `id_salt` must be unique in the app.
pub fn number_ui(
    ui: &mut Ui,
    tr: &Tr,
    id_salt: impl Hash + std::fmt::Debug,
    value: f64,
    decimals: usize,
    width: f32,
    label: &str,
) -> Option<f64> {
    number_field(ui, tr, id_salt, value, decimals, width, label).0
}

/// The id of the text field of a [`number_ui`] with this salt.
pub fn number_field_id(id_salt: impl Hash + std::fmt::Debug) -> egui::Id {
    number_field_id_of(egui::Id::unique(id_salt))
}

/// Like [`number_ui`], also returning the field's response.
pub fn number_field(
    ui: &mut Ui,
    tr: &Tr,
    id_salt: impl Hash + std::fmt::Debug,
    value: f64,
    decimals: usize,
    width: f32,
    label: &str,
) -> (Option<f64>, Response) {
    let id = egui::Id::unique(id_salt);
    let buffer: Option<String> = ui.data(|d| d.get_temp(id));
    let shown = if value.is_finite() {
        tr.num(value, decimals)
    } else {
        String::new()
    };
    let mut text = buffer.clone().unwrap_or_else(|| shown.clone());
    let error = buffer.as_ref().and_then(|b| tr.parse(b).err());
    let mut edit = TextEdit::singleline(&mut text)
        .id(number_field_id_of(id))
        // No figure needs more; a pasted novel stops here.
        .char_limit(64)
        .desired_width(width)
        .align(egui::Align2::RIGHT_CENTER);
    if error.is_some() {
        edit = edit
            .text_color(ui.visuals().error_fg_color)
            .background_color(ui.visuals().error_fg_color.gamma_multiply(0.12));
    }
    let height = ui.spacing().interact_size.y;
    let mut response = ui.add_sized([width, height], edit);
    accessible_label(ui, &response, label);
    // Entering a cell (Tab, Enter, a click) selects what is there, so
    // typing replaces it, as in a spreadsheet.
    if response.gained_focus() {
        select_all(ui, response.id, &text);
    }
    if response.changed() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    }
    let mut result = None;
    if response.lost_focus() {
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            ui.data_mut(|d| d.remove_temp::<String>(id));
        } else if let Some(typed) = ui.data(|d| d.get_temp::<String>(id)) {
            // Invalid text stays, shown in red.
            if let Ok(v) = tr.parse(&typed) {
                ui.data_mut(|d| d.remove_temp::<String>(id));
                if v.to_bits() != value.to_bits() {
                    result = Some(v);
                }
            }
        }
    }
    if response.has_focus() && ui.data(|d| d.get_temp::<String>(id)).is_some() {
        // Typing not yet committed: Ctrl+Z is the field's own (see
        // [`typing_in_a_number_field`]).
        ui.data_mut(|d| d.insert_temp(egui::Id::unique(PENDING_NUMBER_TEXT), true));
    }
    if error.is_some() {
        // Visible without hovering while the field has focus.
        if response.has_focus() {
            response.show_tooltip_text(RichText::new(tr.get("ui-not-a-number")).color(EXTRA));
        } else {
            response = response.on_hover_text(RichText::new(tr.get("ui-not-a-number")).color(EXTRA));
        }
    } else if let Some(typed) = buffer.as_deref().filter(|b| format::Numbers::is_ambiguous(b))
        && response.has_focus()
        && let Ok(v) = tr.parse(typed)
    {
        // `1.234` is a decimal in Norwegian and a thousand in Danish: say
        // which it is read as before the user leaves the field.
        // Without digit grouping: in Danish "1.234" grouped is "1.234"
        // again, which told nothing; "1234" or "1,234" does.
        let value = format::export_number(v, 6, tr.lang().csv_decimal());
        response.show_tooltip_text(tr.args("ui-read-as", &[("value", value)]));
    }
    (result, response)
}

/// Where a focused number field says that it holds typing of its own.
const PENDING_NUMBER_TEXT: &str = "samdrift-pending-number-text";

/// True when, in the last frame, the focused field was a number field
/// holding typing not yet committed (Enter or leaving commits it): undo
/// and redo are then the field's own. Every other field writes each change
/// to the document, so Ctrl+Z there is the document's undo (after edit,
/// Tab, Ctrl+Z did nothing). Read once a frame.
pub fn typing_in_a_number_field(ctx: &egui::Context) -> bool {
    ctx.data_mut(|d| d.remove_temp::<bool>(egui::Id::unique(PENDING_NUMBER_TEXT)))
        .unwrap_or(false)
}

/// Selects the whole text of the text field `id`.
pub fn select_all(ui: &Ui, id: egui::Id, text: &str) {
    if let Some(mut state) = egui::text_edit::TextEditState::load(ui.ctx(), id) {
        state
            .cursor
            .set_char_range(Some(egui::text_selection::CCursorRange::select_all_str(text)));
        state.store(ui.ctx(), id);
    }
}

fn number_field_id_of(id: egui::Id) -> egui::Id {
    id.with("edit")
}

/// A one-line text field for a name, label or id that edits `text` live,
/// at most [`NAME_MAX_CHARS`] characters (typing and pasting stop there).
/// Returns true when changed.
pub fn text_ui(ui: &mut Ui, text: &mut String, width: f32, label: &str) -> bool {
    limited_text_ui(ui, text, width, label, NAME_MAX_CHARS)
}

/// A one-line text field of at most `max_chars` characters; a longer text
/// (pasted, or from an older file) is cut at the limit.
pub fn limited_text_ui(ui: &mut Ui, text: &mut String, width: f32, label: &str, max_chars: usize) -> bool {
    let height = ui.spacing().interact_size.y;
    let response = ui.add_sized(
        [width, height],
        TextEdit::singleline(text)
            .desired_width(width)
            .char_limit(max_chars),
    );
    accessible_label(ui, &response, label);
    let mut changed = response.changed();
    if text.len() > max_chars && text.chars().count() > max_chars {
        *text = text.chars().take(max_chars).collect();
        changed = true;
    }
    changed
}

/// Shows and edits a source: "assumption" checkbox, text and date.
/// Returns the new source when changed.
pub fn source_ui(ui: &mut Ui, tr: &Tr, source: &Source) -> Option<Source> {
    let mut changed = None;
    ui.horizontal(|ui| {
        let mut assumption = source.is_assumption();
        if ui.checkbox(&mut assumption, tr.get("ui-assumption")).changed() {
            changed = Some(if assumption {
                Source::Assumption {
                    note: match source {
                        Source::Cited { text, .. } => text.clone(),
                        Source::Assumption { note } => note.clone(),
                    },
                }
            } else {
                Source::Cited {
                    text: match source {
                        Source::Assumption { note } => note.clone(),
                        Source::Cited { text, .. } => text.clone(),
                    },
                    date: None,
                }
            });
        }
        match source {
            Source::Assumption { note } => {
                let mut note = note.clone();
                if limited_text_ui(ui, &mut note, 360.0, &tr.get("ui-source-note"), TEXT_MAX_CHARS) {
                    changed = Some(Source::Assumption { note });
                }
            }
            Source::Cited { text, date } => {
                let mut text = text.clone();
                let mut date_text = date.clone().unwrap_or_default();
                let a = limited_text_ui(ui, &mut text, 300.0, &tr.get("ui-source-text"), TEXT_MAX_CHARS);
                ui.label(tr.get("ui-source-date"));
                let b = text_ui(ui, &mut date_text, 90.0, &tr.get("ui-source-date"));
                if a || b {
                    let date = (!date_text.trim().is_empty()).then_some(date_text);
                    changed = Some(Source::Cited { text, date });
                }
            }
        }
    });
    changed
}

/// A small marker shown after figures that are assumptions.
pub fn assumption_mark(ui: &mut Ui, tr: &Tr, source: &Source) {
    if let Source::Assumption { note } = source {
        let text = if note.is_empty() {
            tr.get("ui-assumption")
        } else {
            note.clone()
        };
        ui.label(RichText::new("≈").strong().color(WARNING))
            .on_hover_text(text);
    } else if let Source::Cited { text, date } = source {
        let mut hover = text.clone();
        if let Some(d) = date {
            hover.push_str(" (");
            hover.push_str(d);
            hover.push(')');
        }
        ui.label(RichText::new("§").weak()).on_hover_text(hover);
    }
}

/// `text` with its first letter in upper case, for a message used as a
/// label on its own ("reallønnsveksten" → "Reallønnsveksten").
#[must_use]
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// The label of a small "remove" button.
pub const REMOVE: &str = "×";

/// A label right-aligned in its cell.
pub fn right_label(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| ui.label(text))
        .inner
}

/// A combo box with an accessible name (`label`), showing `selected`.
pub fn combo_ui<R>(
    ui: &mut Ui,
    id_salt: impl Hash + std::fmt::Debug,
    label: &str,
    selected: impl Into<egui::WidgetText>,
    add_contents: impl FnOnce(&mut Ui) -> R,
) {
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected)
        .show_ui(ui, add_contents)
        .response;
    accessible_label(ui, &response, label);
}

/// Shows an export table (see `io::tables`) as a grid: text left, numbers
/// right-aligned in Nordic format, `—` for empty cells.
pub fn report_table_ui(ui: &mut Ui, tr: &Tr, id_salt: &str, table: &crate::report::tables::Table) {
    table_grid_ui(ui, tr, id_salt, table, TableClicks::None);
}

/// As [`report_table_ui`], with a "Go to" button at the end of each row
/// whose `links` entry is true; returns the row whose button was clicked.
pub fn report_table_links_ui(
    ui: &mut Ui,
    tr: &Tr,
    id_salt: &str,
    table: &crate::report::tables::Table,
    links: &[bool],
) -> Option<usize> {
    table_grid_ui(ui, tr, id_salt, table, TableClicks::RowLinks(links)).map(|(r, _)| r)
}

/// As [`report_table_ui`], with every kroner figure clickable (by mouse, or
/// Enter on a focused figure) with `hint` on hover; returns the row and
/// column of the figure clicked.
pub fn report_table_figures_ui(
    ui: &mut Ui,
    tr: &Tr,
    id_salt: &str,
    table: &crate::report::tables::Table,
    hint: &str,
) -> Option<(usize, usize)> {
    table_grid_ui(ui, tr, id_salt, table, TableClicks::Figures(hint))
}

#[derive(Clone, Copy)]
enum TableClicks<'a> {
    None,
    RowLinks(&'a [bool]),
    Figures(&'a str),
}

/// A report table as a grid whose first column (the row's name, and a
/// row's link) stays in view while the other columns scroll sideways
/// under a solid scroll bar whenever they do not fit (a wide fair split or
/// criteria table was cut at the window's edge). Cells do not wrap, so the two
/// parts' rows keep one height.
fn table_grid_ui(
    ui: &mut Ui,
    tr: &Tr,
    id_salt: &str,
    table: &crate::report::tables::Table,
    clicks: TableClicks<'_>,
) -> Option<(usize, usize)> {
    let columns = table.headers.len();
    let frozen = columns.min(1);
    let mut clicked = None;
    ui.horizontal_top(|ui| {
        let part = TablePart {
            tr,
            table,
            clicks,
            row_height: ui.spacing().interact_size.y,
        };
        part.ui(ui, (id_salt, "first"), 0..frozen, &mut clicked);
        if columns > frozen {
            // A solid bar, seen without hovering (the floating style draws
            // a dormant bar fully transparent).
            ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
            egui::ScrollArea::horizontal()
                .id_salt((id_salt, "rest"))
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded)
                .show(ui, |ui| {
                    part.ui(ui, (id_salt, "rest"), frozen..columns, &mut clicked);
                });
        }
    });
    clicked
}

/// Some columns of a report table, drawn as one grid.
#[derive(Clone, Copy)]
struct TablePart<'a> {
    tr: &'a Tr,
    table: &'a crate::report::tables::Table,
    clicks: TableClicks<'a>,
    row_height: f32,
}

impl TablePart<'_> {
    /// Draws `columns` (the first part also carries the rows' links);
    /// sets `clicked` to the row and column of a figure or link clicked.
    fn ui(
        self,
        ui: &mut Ui,
        id: (&str, &str),
        columns: std::ops::Range<usize>,
        clicked: &mut Option<(usize, usize)>,
    ) {
        use crate::report::tables::Cell;
        let TablePart {
            tr, table, clicks, ..
        } = self;
        let with_links = columns.start == 0 && matches!(clicks, TableClicks::RowLinks(_));
        // Columns with figures are right-aligned, text in them too ("aldri").
        let numeric: Vec<bool> = (0..table.headers.len()).map(|c| table.is_numeric(c)).collect();
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        egui::Grid::new(id)
            .striped(true)
            .spacing([14.0, 4.0])
            .min_row_height(self.row_height)
            .show(ui, |ui| {
                if with_links {
                    ui.label("");
                }
                for c in columns.clone() {
                    let header = RichText::new(table.shown_header(c)).strong();
                    if numeric[c] {
                        right_label(ui, header);
                    } else {
                        ui.label(header);
                    }
                }
                ui.end_row();
                for (r, row) in table.rows.iter().enumerate() {
                    // The link first, where it is seen without scrolling.
                    if let (true, TableClicks::RowLinks(links)) = (with_links, clicks) {
                        if links.get(r).copied().unwrap_or(false) {
                            if ui
                                .small_button(tr.get("exp-goto"))
                                .on_hover_text(tr.get("exp-goto-hint"))
                                .clicked()
                            {
                                *clicked = Some((r, 0));
                            }
                        } else {
                            ui.label("");
                        }
                    }
                    // A row longer than the headers is a bug upstream; it
                    // must not take the app down.
                    for c in columns.clone() {
                        let Some(cell) = row.get(c) else {
                            ui.label("");
                            continue;
                        };
                        match cell {
                            Cell::Text(s) if numeric[c] => {
                                right_label(ui, s.as_str());
                            }
                            Cell::Text(s) => {
                                ui.label(s);
                            }
                            Cell::Empty => {
                                right_label(ui, RichText::new("—").weak());
                            }
                            Cell::Money(_) if matches!(clicks, TableClicks::Figures(_)) => {
                                let TableClicks::Figures(hint) = clicks else {
                                    continue;
                                };
                                let text = RichText::new(cell.display(tr.numbers())).monospace();
                                let response = ui
                                    .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                        ui.add(egui::Label::new(text).sense(egui::Sense::click()))
                                    })
                                    .inner
                                    .on_hover_text(hint);
                                if response.clicked() {
                                    *clicked = Some((r, c));
                                }
                            }
                            figure => {
                                right_label(ui, RichText::new(figure.display(tr.numbers())).monospace());
                            }
                        }
                    }
                    ui.end_row();
                }
            });
    }
}

/// The colour of a scenario's series in every chart.
pub fn scenario_color(evaluation: &crate::engine::Evaluation, scenario: usize) -> Color32 {
    let (r, g, b) = crate::palette::scenario_colour(
        evaluation.scenarios.get(scenario).and_then(|s| s.colour),
        evaluation.today == Some(scenario),
    );
    Color32::from_rgb(r, g, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_money_axis_gets_round_labelled_marks_that_fit() {
        // Gratangen's one-member chart, about 400 points wide from −46 836
        // to 983 560 kr: 20 220 kr per 8 points is 2 527,5 kr a point, so
        // 70 points are 176 925 kr and the next round step is 200 000.
        let marks = money_grid(MONEY_ALONG_X)(egui_plot::GridInput {
            bounds: (-46_836.0, 983_560.0),
            base_step_size: 20_220.0,
        });
        let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(values, [0.0, 200_000.0, 400_000.0, 600_000.0, 800_000.0]);
        assert!(marks.iter().all(|m| (m.step_size - 200_000.0).abs() < 1e-9));
        // Nothing to show gives no marks rather than a loop without end.
        assert!(
            money_grid(MONEY_ALONG_Y)(egui_plot::GridInput {
                bounds: (0.0, f64::INFINITY),
                base_step_size: f64::NAN,
            })
            .is_empty()
        );
    }
}
