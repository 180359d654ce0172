//! "Import today's costs…": the preview of a CSV import — what it would set,
//! how art codes map to kinds of cost (editable), and every row it could
//! not read — which changes nothing until the user confirms. The import is
//! one undo step.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::Command;
use super::document::Edit;
use super::widgets::{combo_ui, right_label};
use crate::i18n::Tr;
use crate::io::csv_import::{self, ImportError, Mapping, Preview};
use crate::model::Study;

/// An import waiting for the user's decision.
#[derive(Debug, Clone)]
pub struct ImportState {
    path: PathBuf,
    bytes: Vec<u8>,
    mapping: Mapping,
    result: Result<Preview, ImportError>,
}

impl ImportState {
    /// Reads `path` and previews importing it into `study`.
    ///
    /// # Errors
    /// When the file cannot be read.
    pub fn open(path: PathBuf, study: &Study) -> std::io::Result<ImportState> {
        use crate::io::study_file::{BoundedReadError, read_bounded};
        let mapping = Mapping::new();
        // Bounded: a pipe, a device or a huge file is refused before it is read.
        let (bytes, result) = match read_bounded(&path, csv_import::MAX_IMPORT_BYTES as u64) {
            Ok(bytes) => {
                let result = csv_import::preview(&bytes, study, &mapping);
                (bytes, result)
            }
            Err(BoundedReadError::Io(e)) => return Err(e),
            Err(BoundedReadError::NotAFile) => (Vec::new(), Err(ImportError::NotAFile)),
            Err(BoundedReadError::TooLarge(_)) => (Vec::new(), Err(ImportError::TooLarge)),
        };
        Ok(ImportState {
            path,
            bytes,
            mapping,
            result,
        })
    }
}

/// Draws the preview; returns false when the dialog is closed.
pub fn preview_ui(
    ctx: &egui::Context,
    tr: &Tr,
    study: &Study,
    state: &mut ImportState,
    commands: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    let mut remap: Option<(String, Option<crate::model::CategoryId>)> = None;
    egui::Modal::new(egui::Id::unique("import-preview")).show(ctx, |ui| {
        ui.set_max_width(900.0);
        ui.heading(tr.args("import-title", &[("file", state.path.display().to_string())]));
        let preview = match &state.result {
            Err(e) => {
                ui.label(RichText::new(e.message(tr)).color(ui.visuals().error_fg_color));
                if ui.button(tr.get("ui-cancel")).clicked() {
                    open = false;
                }
                return;
            }
            Ok(p) => p,
        };
        let encoding = if preview.latin1 { "Latin-1" } else { "UTF-8" };
        ui.label(tr.args(
            "import-summary",
            &[
                ("read", preview.rows_read.to_string()),
                ("rejected", preview.rejected.len().to_string()),
                ("delimiter", preview.delimiter.escape_debug().to_string()),
                ("encoding", encoding.to_owned()),
            ],
        ));
        egui::ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
            ui.label(RichText::new(tr.get("import-will-set")).strong());
            egui::Grid::new("import-sums").striped(true).show(ui, |ui| {
                ui.label(RichText::new(tr.get("ui-category")).strong());
                for member in &study.members {
                    right_label(ui, RichText::new(&member.name).strong());
                }
                ui.end_row();
                for category in &study.categories {
                    let row: Vec<Option<f64>> = study
                        .members
                        .iter()
                        .map(|m| preview.sums.get(&(category.id.clone(), m.id.clone())).copied())
                        .collect();
                    if row.iter().all(Option::is_none) {
                        continue;
                    }
                    ui.label(&category.name);
                    for value in row {
                        match value {
                            Some(v) => right_label(ui, RichText::new(tr.num(v, 2)).monospace()),
                            None => right_label(ui, RichText::new(tr.get("import-unchanged")).weak()),
                        };
                    }
                    ui.end_row();
                }
            });
            if !preview.mapping.is_empty() {
                ui.add_space(8.0);
                ui.label(RichText::new(tr.get("import-mapping")).strong());
                egui::Grid::new("import-mapping").show(ui, |ui| {
                    for (art, category) in &preview.mapping {
                        ui.label(tr.args("import-art", &[("art", art.clone())]));
                        let shown = category
                            .as_ref()
                            .and_then(|c| study.category(c))
                            .map_or_else(|| tr.get("import-skip"), |c| c.name.clone());
                        combo_ui(
                            ui,
                            ("import-map", art.as_str()),
                            &tr.args("import-art", &[("art", art.clone())]),
                            shown,
                            |ui| {
                                if ui
                                    .selectable_label(category.is_none(), tr.get("import-skip"))
                                    .clicked()
                                {
                                    remap = Some((art.clone(), None));
                                }
                                for c in &study.categories {
                                    if ui
                                        .selectable_label(category.as_ref() == Some(&c.id), &c.name)
                                        .clicked()
                                    {
                                        remap = Some((art.clone(), Some(c.id.clone())));
                                    }
                                }
                            },
                        );
                        ui.end_row();
                    }
                });
            }
            if !preview.rejected.is_empty() {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(tr.get("import-rejected"))
                        .strong()
                        .color(super::widgets::WARNING),
                );
                for rejected in preview.rejected.iter().take(200) {
                    ui.label(rejected.message(tr));
                }
                if preview.rejected.len() > 200 {
                    ui.label(tr.args(
                        "import-more",
                        &[("count", (preview.rejected.len() - 200).to_string())],
                    ));
                }
            }
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let can_import = preview.rows_read > 0;
            if ui
                .add_enabled(can_import, egui::Button::new(tr.get("import-confirm")))
                .clicked()
            {
                commands.push(Command::Edit(
                    Edit::ReplaceStudy(Box::new(csv_import::apply(study, preview))),
                    None,
                ));
                // Said when done (replacing any earlier message): what
                // changed, and the figures outside a range given before.
                commands.push(Command::Notify(imported_text(tr, study, preview, &state.path)));
                open = false;
            }
            if ui.button(tr.get("ui-cancel")).clicked() {
                open = false;
            }
        });
    });
    if let Some((art, category)) = remap {
        state.mapping.insert(art, category);
        state.result = csv_import::preview(&state.bytes, study, &state.mapping);
    }
    open
}

/// What an import did, for the message line: how many figures of today's
/// costs it set from which file, and each figure that lies outside the
/// range the study gives that cell (by name, with the range).
fn imported_text(tr: &Tr, study: &Study, preview: &csv_import::Preview, path: &std::path::Path) -> String {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut text = tr.args(
        "import-done",
        &[("count", preview.sums.len().to_string()), ("file", file)],
    );
    let outside: Vec<String> = preview
        .sums
        .iter()
        .filter_map(|((category, member), amount)| {
            let input = crate::model::InputRef::TodaysCost {
                member: member.clone(),
                category: category.clone(),
            };
            let range = study.uncertainties.iter().find(|u| u.input == input)?;
            let (low, high) = range.range.bounds();
            (*amount < low || *amount > high).then(|| {
                format!(
                    "{} {} ({}–{})",
                    crate::report::tables::input_text(study, &input, tr),
                    tr.num_trim(*amount, 2),
                    tr.num_trim(low, 2),
                    tr.num_trim(high, 2)
                )
            })
        })
        .collect();
    if !outside.is_empty() {
        text.push(' ');
        text.push_str(&tr.args("import-outside-ranges", &[("inputs", outside.join("; "))]));
    }
    text
}
