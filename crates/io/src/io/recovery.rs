//! Recovery copies: while a study has unsaved changes, the app writes a
//! copy into its own data folder (never over the user's file). A normal
//! save or close removes it; after a crash the next start finds it and
//! offers to restore it.
//!
//! The copy is written before its metadata, each atomically; a copy whose
//! metadata is missing (a crash between the two) is still offered, with
//! what can be told from the copy itself. Every orphan is offered, oldest
//! last. The metadata keeps the user's file as an absolute path and the
//! file's [`FileStamp`] when the study was opened or saved, so a restore can
//! tell whether the file has changed since.
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

use super::atomic::{FileStamp, write_atomic};
use super::study_file::{LoadError, load_path, to_ron_string};
use crate::model::Study;

/// What a recovery copy belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveryMeta {
    /// The study's title.
    pub title: String,
    /// The user's file (absolute), if the study had one.
    pub original: Option<PathBuf>,
    /// When the copy was written (seconds since 1970, UTC).
    pub written_unix: u64,
    /// The user's file as it was when the study was opened or last saved.
    #[serde(default)]
    pub original_stamp: Option<FileStamp>,
}

impl RecoveryMeta {
    /// True when the user's file has changed (or gone) since the study was
    /// opened or saved: restoring over it would lose that newer work.
    #[must_use]
    pub fn original_changed(&self) -> bool {
        match &self.original {
            None => false,
            Some(path) => FileStamp::of(path) != self.original_stamp,
        }
    }
}

/// Writes recovery copies; cheap to clone and to send to a thread, so that
/// serialising and writing never hold up the interface.
#[derive(Debug, Clone)]
pub struct RecoveryWriter {
    dir: PathBuf,
    id: String,
}

impl RecoveryWriter {
    /// Writes (replaces) the recovery copy of `study`: the copy first, then
    /// its metadata, each atomically.
    ///
    /// # Errors
    /// When the copy cannot be written; the user's file is never touched.
    pub fn write(
        &self,
        study: &Study,
        original: Option<&Path>,
        original_stamp: Option<FileStamp>,
    ) -> std::io::Result<()> {
        let (study_path, meta_path, _) = paths(&self.dir, &self.id);
        let text = to_ron_string(study).map_err(|e| std::io::Error::other(e.to_string()))?;
        // The folder may have been cleaned up while we ran.
        std::fs::create_dir_all(&self.dir)?;
        write_atomic(&study_path, text.as_bytes())?;
        let meta = RecoveryMeta {
            title: study.title.clone(),
            original: original.map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())),
            written_unix: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            original_stamp,
        };
        let meta_text = ron::to_string(&meta).map_err(|e| std::io::Error::other(e.to_string()))?;
        write_atomic(&meta_path, meta_text.as_bytes())
    }
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

    /// A writer of this instance's copy, for a background thread.
    #[must_use]
    pub fn writer(&self) -> RecoveryWriter {
        RecoveryWriter {
            dir: self.dir.clone(),
            id: self.id.clone(),
        }
    }

    /// Writes (replaces) the recovery copy of `study`, on this thread.
    ///
    /// # Errors
    /// When the copy cannot be written; the user's file is never touched.
    pub fn write(&self, study: &Study, original: Option<&Path>) -> std::io::Result<()> {
        self.writer()
            .write(study, original, original.and_then(FileStamp::of))
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
                let id = name.strip_prefix("recovery-")?.strip_suffix(".ron")?.to_owned();
                let (study_path, meta_path, lock_path) = paths(dir, &id);
                // A lock we can take means its owner is gone.
                if let Ok(lock) = File::options().write(true).open(&lock_path)
                    && lock.try_lock().is_err()
                {
                    return None;
                }
                // Without metadata (a crash between copy and metadata) the
                // copy is still offered, dated by the file itself.
                let meta = std::fs::read_to_string(&meta_path)
                    .ok()
                    .and_then(|text| ron::from_str::<RecoveryMeta>(&text).ok())
                    .unwrap_or_else(|| RecoveryMeta {
                        title: load_path(&study_path).map(|s| s.title).unwrap_or_default(),
                        original: None,
                        written_unix: entry
                            .metadata()
                            .and_then(|m| m.modified())
                            .ok()
                            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                            .map_or(0, |d| d.as_secs()),
                        original_stamp: None,
                    });
                Some(Orphan { study_path, meta })
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

    #[test]
    fn a_copy_whose_metadata_was_never_written_is_still_offered() {
        let dir = tempfile::tempdir().unwrap();
        let recovery = Recovery::start(dir.path()).unwrap();
        recovery.write(&small_study(), None).unwrap();
        // A crash after the copy, before its metadata.
        let (_, meta_path, _) = paths(dir.path(), &recovery.id);
        std::fs::remove_file(meta_path).unwrap();
        drop(recovery);
        let orphans = Recovery::orphans(dir.path());
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].load().unwrap(), small_study());
        assert!(orphans[0].meta.written_unix > 0);
    }

    #[test]
    fn every_orphan_is_offered_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        for title in ["first", "second"] {
            let recovery = Recovery::start(dir.path()).unwrap();
            let mut study = small_study();
            study.title = title.into();
            recovery.write(&study, None).unwrap();
            drop(recovery);
        }
        assert_eq!(Recovery::orphans(dir.path()).len(), 2);
    }

    #[test]
    fn the_copy_knows_its_file_absolutely_and_whether_it_changed_since() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("studie.ron");
        std::fs::write(&file, b"as opened").unwrap();
        let opened = FileStamp::of(&file);
        let recovery = Recovery::start(&dir.path().join("rec")).unwrap();
        // A relative path is stored as the absolute path it meant then.
        let relative = Path::new("some/relative/studie.ron");
        recovery
            .writer()
            .write(&small_study(), Some(relative), None)
            .unwrap();
        drop(recovery);
        let orphan = &Recovery::orphans(&dir.path().join("rec"))[0];
        let stored = orphan.meta.original.clone().unwrap();
        assert!(
            stored.is_absolute() && stored.ends_with(relative),
            "{}",
            stored.display()
        );
        orphan.discard();
        // The file as opened: unchanged. Then saved by someone else: changed.
        let recovery = Recovery::start(&dir.path().join("rec")).unwrap();
        recovery
            .writer()
            .write(&small_study(), Some(&file), opened)
            .unwrap();
        drop(recovery);
        let orphan = &Recovery::orphans(&dir.path().join("rec"))[0];
        assert!(!orphan.meta.original_changed());
        std::fs::write(&file, b"newer work, saved later").unwrap();
        assert!(orphan.meta.original_changed());
    }
}
