//! Recovery copies: while a study has unsaved changes, the app writes a
//! copy into its own data folder (never over the user's file). A normal
//! save or close removes it; after a crash the next start finds it and
//! offers to restore it.
//!
//! Each running instance owns `recovery-<id>.ron` (the study),
//! `recovery-<id>.meta` (which file it belongs to, when it was written) and
//! `recovery-<id>.lock`, on which it holds an exclusive OS lock for as long
//! as it runs. A copy whose lock can be taken belongs to an instance that is
//! gone: that is an orphan to offer. So two running instances never take
//! each other's copy, and a crash releases the lock by itself.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::study_file::{LoadError, load_path, to_ron_string};
use crate::model::Study;

/// What a recovery copy belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveryMeta {
    /// The study's title.
    pub title: String,
    /// The user's file, if the study had one.
    pub original: Option<PathBuf>,
    /// When the copy was written (seconds since 1970, UTC).
    pub written_unix: u64,
}

/// This instance's recovery copy.
#[derive(Debug)]
pub struct Recovery {
    dir: PathBuf,
    id: String,
    // Held (and locked) for the life of the instance.
    _lock: File,
}

/// A copy left by an instance that is gone.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    /// The copy of the study.
    pub study_path: PathBuf,
    /// What it belongs to.
    pub meta: RecoveryMeta,
}

fn paths(dir: &Path, id: &str) -> (PathBuf, PathBuf, PathBuf) {
    (
        dir.join(format!("recovery-{id}.ron")),
        dir.join(format!("recovery-{id}.meta")),
        dir.join(format!("recovery-{id}.lock")),
    )
}

impl Recovery {
    /// Starts this instance's recovery in `dir` (created if missing).
    ///
    /// # Errors
    /// When the folder or the lock file cannot be made or locked.
    pub fn start(dir: &Path) -> std::io::Result<Recovery> {
        std::fs::create_dir_all(dir)?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let id = format!("{}-{nanos}", std::process::id());
        let (_, _, lock_path) = paths(dir, &id);
        let lock = File::create(&lock_path)?;
        lock.try_lock()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(Recovery {
            dir: dir.to_path_buf(),
            id,
            _lock: lock,
        })
    }

    /// Writes (replaces) the recovery copy of `study`.
    ///
    /// # Errors
    /// When the copy cannot be written; the user's file is never touched.
    pub fn write(&self, study: &Study, original: Option<&Path>) -> std::io::Result<()> {
        let (study_path, meta_path, _) = paths(&self.dir, &self.id);
        let text = to_ron_string(study).map_err(|e| std::io::Error::other(e.to_string()))?;
        write_atomic(&study_path, text.as_bytes())?;
        let meta = RecoveryMeta {
            title: study.title.clone(),
            original: original.map(Path::to_path_buf),
            written_unix: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        };
        let meta_text = ron::to_string(&meta).map_err(|e| std::io::Error::other(e.to_string()))?;
        write_atomic(&meta_path, meta_text.as_bytes())
    }

    /// Removes this instance's copy (after a save, or on a normal close).
    pub fn clear(&self) {
        let (study_path, meta_path, _) = paths(&self.dir, &self.id);
        let _ = std::fs::remove_file(study_path);
        let _ = std::fs::remove_file(meta_path);
    }

    /// Removes the copy and the lock file: a normal close.
    pub fn close(self) {
        self.clear();
        let (_, _, lock_path) = paths(&self.dir, &self.id);
        let _ = std::fs::remove_file(lock_path);
    }

    /// Copies left in `dir` by instances that are gone, newest first.
    #[must_use]
    pub fn orphans(dir: &Path) -> Vec<Orphan> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut orphans: Vec<Orphan> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let id = name.strip_prefix("recovery-")?.strip_suffix(".meta")?.to_owned();
                let (study_path, meta_path, lock_path) = paths(dir, &id);
                // A lock we can take means its owner is gone.
                if let Ok(lock) = File::options().write(true).open(&lock_path)
                    && lock.try_lock().is_err()
                {
                    return None;
                }
                let meta: RecoveryMeta = ron::from_str(&std::fs::read_to_string(&meta_path).ok()?).ok()?;
                study_path.exists().then_some(Orphan { study_path, meta })
            })
            .collect();
        orphans.sort_by_key(|o| std::cmp::Reverse(o.meta.written_unix));
        orphans
    }
}

impl Orphan {
    /// Loads the study of the copy.
    ///
    /// # Errors
    /// When the copy cannot be read.
    pub fn load(&self) -> Result<Study, LoadError> {
        load_path(&self.study_path)
    }

    /// Removes the copy (after restoring or discarding it).
    pub fn discard(&self) {
        let _ = std::fs::remove_file(&self.study_path);
        let _ = std::fs::remove_file(self.study_path.with_extension("meta"));
        let _ = std::fs::remove_file(self.study_path.with_extension("lock"));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::examples::small_study;

    #[test]
    fn a_running_instance_keeps_its_copy_and_a_gone_one_leaves_an_orphan() {
        let dir = tempfile::tempdir().unwrap();
        let mut study = small_study();
        study.title = "Ulagret".into();
        let running = Recovery::start(dir.path()).unwrap();
        running
            .write(&study, Some(Path::new("/data/studie.ron")))
            .unwrap();
        // Another instance does not see a copy whose owner still runs.
        assert!(Recovery::orphans(dir.path()).is_empty());
        // The owner goes away without clearing (a crash): an orphan.
        drop(running);
        let orphans = Recovery::orphans(dir.path());
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].meta.title, "Ulagret");
        assert_eq!(
            orphans[0].meta.original.as_deref(),
            Some(Path::new("/data/studie.ron"))
        );
        assert_eq!(orphans[0].load().unwrap(), study);
        orphans[0].discard();
        assert!(Recovery::orphans(dir.path()).is_empty());
    }

    #[test]
    fn a_cleared_copy_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = Recovery::start(dir.path()).unwrap();
        recovery.write(&small_study(), None).unwrap();
        recovery.clear();
        drop(recovery);
        assert!(Recovery::orphans(dir.path()).is_empty());
    }
}
