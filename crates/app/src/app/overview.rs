//! The "Overview" view, where the app opens: the decision a council reads
//! first ([`crate::report::decision`]), as the briefing's first page and
//! `samdrift summary` say it. The analyses behind it (fair splits, the
//! simulation, the criteria) are the export's, with the export's options,
//! made on another thread once per document revision; each sentence links
//! to the view that shows its figures.

use eframe::egui::{self, RichText, Ui};

use super::job::{Job, progress_ui};
use super::{Command, View, ViewCtx};
use crate::report::bundle::{Analyses, Cancelled, ExportOptions};
use crate::report::decision::{self, Topic};

/// What the analyses were made for: revision and year.
type JobKey = (u64, i32);

/// What the sentences were made from: the figures' revision, the analyses'
/// key and the language.
type MadeFor = (JobKey, JobKey, crate::lang::Lang);

/// The view's own state: the analyses of the study's last revision.
#[derive(Default, Clone)]
pub struct OverviewState {
    job: Job<JobKey, Result<Analyses, Cancelled>>,
    /// The sentences of the analyses shown, for their key and language:
    /// made once, not every frame (the workstations' findings evaluate
    /// the study again and solve for break-evens).
    made: Option<(MadeFor, Vec<(Topic, String)>)>,
}

impl std::fmt::Debug for OverviewState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OverviewState").finish_non_exhaustive()
    }
}

impl OverviewState {
    /// Stops the analyses.
    pub fn cancel(&mut self) {
        self.job.cancel();
    }
}

/// The view a sentence's figures are in.
fn view_of(topic: Topic) -> Option<View> {
    match topic {
        Topic::Answer => Some(View::Comparison),
        Topic::Fairness => Some(View::Fairness),
        Topic::Dissent => Some(View::Criteria),
        Topic::Workstations => Some(View::Workstations),
        Topic::Budget | Topic::Remarks => None,
    }
}

/// Draws the view.
pub fn view_ui(ui: &mut Ui, cx: &ViewCtx<'_>, state: &mut OverviewState, commands: &mut Vec<Command>) {
    let ViewCtx {
        tr,
        study,
        evaluation,
        revision,
        ..
    } = *cx;
    ui.heading(tr.get("view-overview"));
    ui.label(RichText::new(tr.get("overview-start")).weak());
    let Some(evaluation) = evaluation else {
        ui.label(tr.get("overview-no-figures"));
        return;
    };
    let year = study.assumptions.display_year;
    let key: JobKey = (revision, year);
    state.job.drive(ui.ctx(), &key, Result::is_ok, || {
        let owned = study.clone();
        move |progress: &(dyn Fn(f64) -> bool + Sync)| {
            Analyses::run(&owned, key.1, ExportOptions::default(), progress)
        }
    });
    progress_ui(
        ui,
        &mut state.job,
        &key,
        tr.get("overview-computing"),
        (tr.get("fair-cancel"), tr.get("fair-compute")),
    );
    let Some((shown_key, result)) = state.job.result() else {
        return;
    };
    let Ok(analyses) = result.as_ref() else {
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if shown_key != key {
                // From before the last edit, while the new one is made.
                ui.disable();
            }
            ui.add_space(6.0);
            let made_for = (key, shown_key, tr.lang());
            if state.made.as_ref().is_none_or(|(k, _)| *k != made_for) {
                let made = decision::decision(study, evaluation, (tr, year), analyses);
                state.made = Some((made_for, decision::topics(study, &made, tr)));
            }
            let sentences = state.made.as_ref().map_or(&[][..], |(_, s)| s.as_slice());
            for (topic, text) in sentences {
                let topic = *topic;
                let text = format!("• {text}");
                match view_of(topic) {
                    Some(view) => {
                        if ui
                            .link(text)
                            .on_hover_text(tr.args("overview-go-to", &[("view", tr.get(view.message_id()))]))
                            .clicked()
                        {
                            commands.push(Command::Show(view));
                        }
                    }
                    None => {
                        ui.label(text);
                    }
                }
                ui.add_space(2.0);
            }
            ui.add_space(10.0);
            ui.label(RichText::new(tr.get("dec-how-to-read")).small().weak());
        });
}
