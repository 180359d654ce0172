//! A computation on another thread for a view: started for a key (what it
//! is for: the document revision and the view's choices), reporting its
//! progress, cancellable, and polled each frame. A new key restarts it; a
//! result is kept with the key it was computed for, so a view can show a
//! result from before the last edit (greyed) while the new one runs.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use eframe::egui;

/// Work on another thread: its share done, a way to stop it, and its
/// result once there. The thread asks `ctx` for a repaint as it goes.
#[derive(Debug)]
pub struct Background<T> {
    progress: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
    slot: Arc<Mutex<Option<T>>>,
}

impl<T: Send + 'static> Background<T> {
    /// Starts `work` on a new thread; it gets a progress callback (share
    /// done; false means stop).
    pub fn start<F>(ctx: Option<&egui::Context>, work: F) -> Background<T>
    where
        F: FnOnce(&(dyn Fn(f64) -> bool + Sync)) -> T + Send + 'static,
    {
        let run = Background {
            progress: Arc::new(AtomicU64::new(0f64.to_bits())),
            cancel: Arc::new(AtomicBool::new(false)),
            slot: Arc::new(Mutex::new(None)),
        };
        let ctx = ctx.cloned();
        let (progress, cancel, slot) = (run.progress.clone(), run.cancel.clone(), run.slot.clone());
        std::thread::spawn(move || {
            let report = |done: f64| {
                progress.store(done.to_bits(), Ordering::Relaxed);
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
                !cancel.load(Ordering::Relaxed)
            };
            let result = work(&report);
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(result);
            }
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        });
        run
    }
}

impl<T> Background<T> {
    /// Its share done (0–1).
    #[must_use]
    pub fn progress(&self) -> f64 {
        f64::from_bits(self.progress.load(Ordering::Relaxed))
    }

    /// Asks the work to stop (at its next progress report).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Takes the result, once the work is done.
    pub fn take(&self) -> Option<T> {
        self.slot.lock().ok().and_then(|mut slot| slot.take())
    }
}

/// The running part.
#[derive(Debug)]
struct Running<K, T> {
    key: K,
    work: Background<T>,
}

/// A background computation and its last result.
#[derive(Debug)]
pub struct Job<K, T> {
    running: Option<Running<K, T>>,
    result: Option<(K, Arc<T>)>,
    cancelled: Option<K>,
}

impl<K, T> Default for Job<K, T> {
    fn default() -> Self {
        Job {
            running: None,
            result: None,
            cancelled: None,
        }
    }
}

// Clone is needed by the UI state; a clone shares nothing that runs (the
// thread reports into the original only).
impl<K: Clone, T> Clone for Job<K, T> {
    fn clone(&self) -> Self {
        Job {
            running: None,
            result: self.result.clone(),
            cancelled: self.cancelled.clone(),
        }
    }
}

impl<K: Clone + PartialEq + Send + 'static, T: Send + 'static> Job<K, T> {
    /// Stops a running computation.
    pub fn cancel(&mut self) {
        if let Some(running) = self.running.take() {
            running.work.cancel();
        }
    }

    /// Takes a finished result (`keep` says whether it is worth keeping: a
    /// cancelled run's is not), then starts a run for `key` unless one
    /// runs, its result is there, or the user cancelled it. `make_work`
    /// is called only then (so a study is cloned only when needed); the
    /// work gets a progress callback (share done; false means stop).
    pub fn drive<F>(
        &mut self,
        ctx: &egui::Context,
        key: &K,
        keep: impl Fn(&T) -> bool,
        make_work: impl FnOnce() -> F,
    ) where
        F: FnOnce(&(dyn Fn(f64) -> bool + Sync)) -> T + Send + 'static,
    {
        if let Some(running) = &self.running {
            let done = running.work.take();
            if let Some(result) = done {
                let finished = running.key.clone();
                self.running = None;
                if keep(&result) {
                    self.result = Some((finished, Arc::new(result)));
                }
            }
        }
        let have = self.result.as_ref().is_some_and(|(k, _)| k == key);
        let running = self.running.as_ref().is_some_and(|r| &r.key == key);
        if have || running || self.cancelled.as_ref() == Some(key) {
            return;
        }
        self.cancel();
        let work = make_work();
        let running = Running {
            key: key.clone(),
            work: Background::start(Some(ctx), work),
        };
        self.running = Some(running);
    }

    /// While a run goes on: its share done (0–1).
    #[must_use]
    pub fn progress(&self) -> Option<f64> {
        self.running.as_ref().map(|r| r.work.progress())
    }

    /// The user cancels the run: it is not started again for this key
    /// until [`Job::resume`].
    pub fn cancel_by_user(&mut self) {
        if let Some(running) = &self.running {
            self.cancelled = Some(running.key.clone());
        }
        self.cancel();
    }

    /// True when the user cancelled the run for `key`.
    #[must_use]
    pub fn is_cancelled(&self, key: &K) -> bool {
        self.cancelled.as_ref() == Some(key)
    }

    /// Allows a cancelled key to run again.
    pub fn resume(&mut self) {
        self.cancelled = None;
    }

    /// The last result and the key it was computed for.
    #[must_use]
    pub fn result(&self) -> Option<(K, Arc<T>)> {
        self.result.clone()
    }
}

/// The progress bar with Cancel while a job runs, or "Compute" after the
/// user cancelled it.
pub fn progress_ui<K: Clone + PartialEq + Send + 'static, T: Send + 'static>(
    ui: &mut egui::Ui,
    job: &mut Job<K, T>,
    key: &K,
    text: String,
    (cancel, compute): (String, String),
) {
    if let Some(done) = job.progress() {
        ui.horizontal(|ui| {
            #[allow(clippy::cast_possible_truncation)]
            ui.add(
                egui::ProgressBar::new(done as f32)
                    .desired_width(300.0)
                    .text(text),
            );
            if ui.button(cancel).clicked() {
                job.cancel_by_user();
            }
        });
    } else if job.is_cancelled(key) && ui.button(compute).clicked() {
        job.resume();
    }
}
