//! Recovery copies: written in the background while there are unsaved
//! changes, offered after a crash, removed when the study is saved.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Seconds between recovery copies while there are unsaved changes.
pub(super) const RECOVERY_EVERY_SECONDS: f64 = 60.0;
/// Seconds after a failed recovery copy before the next attempt.
pub(super) const RECOVERY_RETRY_SECONDS: f64 = 15.0;
/// Seconds without an edit after which the recovery copy is written.
pub(super) const RECOVERY_IDLE_SECONDS: f64 = 5.0;

/// This instance's recovery copy and what it has written.
pub(super) struct RecoveryState {
    pub(super) copy: io::recovery::Recovery,
    /// The document revision last written, and when.
    pub(super) written: Option<(u64, f64)>,
    /// When the document last changed (app time, seconds).
    pub(super) changed_at: f64,
    pub(super) seen_revision: u64,
    /// After a failed write, no new attempt before this time.
    pub(super) retry_after: f64,
    /// Copies from instances that are gone, offered one after the other.
    pub(super) offers: Vec<io::recovery::Orphan>,
    /// A copy being written on another thread: the revision it holds.
    pub(super) in_flight: Option<(u64, std::thread::JoinHandle<std::io::Result<()>>)>,
    /// Why the last copy could not be written (shown until one can).
    pub(super) failing: Option<String>,
}

impl SamdriftApp {
    /// Keeps recovery copies in `dir` while there are unsaved changes, and
    /// offers the newest copy left by an instance that is gone.
    pub fn enable_recovery(&mut self, dir: &Path) {
        let offers = io::recovery::Recovery::orphans(dir);
        match io::recovery::Recovery::start(dir) {
            Ok(copy) => {
                self.recovery = Some(RecoveryState {
                    copy,
                    written: None,
                    changed_at: 0.0,
                    seen_revision: 0,
                    retry_after: 0.0,
                    offers,
                    in_flight: None,
                    failing: None,
                });
            }
            Err(e) => self.message(
                self.tr.args(
                    "recovery-unavailable",
                    &[("detail", io::system::describe(&e, &self.tr))],
                ),
                true,
            ),
        }
    }

    /// Writes the recovery copy when due: while there are unsaved changes,
    /// after a few idle seconds or at least every minute; removes it when
    /// the study is saved again. The copy is serialised and written on
    /// another thread; a failure is shown until a copy can be written.
    pub(super) fn recovery_tick(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let Some(state) = &mut self.recovery else { return };
        if let Some((revision, handle)) = state.in_flight.take_if(|(_, h)| h.is_finished()) {
            match handle.join() {
                Ok(Ok(())) => {
                    state.written = Some((revision, now));
                    state.failing = None;
                }
                Ok(Err(e)) => {
                    state.failing = Some(io::system::describe(&e, &self.tr));
                    state.retry_after = now + RECOVERY_RETRY_SECONDS;
                }
                Err(_) => {
                    state.failing = Some("the writer stopped".to_owned());
                    state.retry_after = now + RECOVERY_RETRY_SECONDS;
                }
            }
        }
        if state.in_flight.is_some() {
            ctx.request_repaint_after(Duration::from_millis(200));
            return;
        }
        let revision = self.doc.revision();
        if revision != state.seen_revision {
            state.seen_revision = revision;
            state.changed_at = now;
        }
        if !self.doc.is_dirty() {
            if state.written.is_some() {
                state.copy.clear();
                state.written = None;
            }
            return;
        }
        let unwritten = state.written.is_none_or(|(r, _)| r != revision);
        let idle = now - state.changed_at >= RECOVERY_IDLE_SECONDS;
        let due = state
            .written
            .is_none_or(|(_, at)| now - at >= RECOVERY_EVERY_SECONDS);
        if unwritten && (idle || due) && now >= state.retry_after {
            let writer = state.copy.writer();
            let study = self.doc.study.clone();
            let path = self.doc.path.clone();
            let stamp = self.doc.disk;
            let handle = std::thread::spawn(move || writer.write(&study, path.as_deref(), stamp));
            state.in_flight = Some((revision, handle));
            ctx.request_repaint_after(Duration::from_millis(200));
        } else if unwritten {
            ctx.request_repaint_after(Duration::from_secs_f64(RECOVERY_IDLE_SECONDS));
        }
    }

    /// Why recovery copies cannot be written now, if they cannot.
    #[must_use]
    pub fn recovery_failing(&self) -> Option<&str> {
        self.recovery.as_ref()?.failing.as_deref()
    }

    /// Waits for a recovery copy being written (tests, and closing).
    pub fn finish_recovery_write(&mut self) {
        if let Some(state) = &mut self.recovery
            && let Some((revision, handle)) = state.in_flight.take()
        {
            match handle.join() {
                Ok(Ok(())) => {
                    state.written = Some((revision, 0.0));
                    state.failing = None;
                }
                Ok(Err(e)) => state.failing = Some(io::system::describe(&e, &self.tr)),
                Err(_) => state.failing = Some("the writer stopped".to_owned()),
            }
        }
    }

    /// Ends recovery on a normal close: the copy is removed.
    pub fn close_recovery(&mut self) {
        // A copy still being written must not appear after the close.
        self.finish_recovery_write();
        if let Some(state) = self.recovery.take() {
            state.copy.close();
        }
    }

    pub(super) fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        let Some(offer) = self.recovery.as_ref().and_then(|r| r.offers.first().cloned()) else {
            return;
        };
        let tr = &self.tr;
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("recovery-offer")).show(ctx, |ui| {
            ui.heading(tr.get("recovery-title"));
            let file = offer
                .meta
                .original
                .as_ref()
                .map_or_else(|| tr.get("ui-untitled-file"), |p| p.display().to_string());
            ui.label(tr.args(
                "recovery-text",
                &[
                    ("title", offer.meta.title.clone()),
                    ("file", file),
                    ("when", crate::format::datetime_utc(offer.meta.written_unix)),
                ],
            ));
            ui.add_space(8.0);
            choice = super::widgets::choice_buttons_ui(
                ui,
                &[
                    tr.get("recovery-restore"),
                    tr.get("recovery-discard"),
                    tr.get("recovery-later"),
                ],
            );
        });
        let Some(choice) = choice else { return };
        if let Some(state) = &mut self.recovery
            && !state.offers.is_empty()
        {
            state.offers.remove(0);
        }
        match choice {
            0 => match offer.load() {
                Ok(study) => {
                    self.doc = Document::recovered(study, offer.meta.original.clone());
                    // The file as it was when the copy's study was opened:
                    // if it has changed since, saving asks first.
                    self.doc.disk = offer.meta.original_stamp;
                    self.forget_analyses();
                    self.ui_state = UiState::default();
                    self.evaluation = None;
                    self.refresh();
                    offer.discard();
                    if offer.meta.original_changed()
                        && let Some(original) = &offer.meta.original
                    {
                        self.message(
                            self.tr.args(
                                "recovery-file-changed",
                                &[("file", original.display().to_string())],
                            ),
                            true,
                        );
                    }
                }
                Err(e) => self.message(e.message(&self.tr), true),
            },
            1 => offer.discard(),
            _ => {}
        }
    }
}
