//! Writing a file so that it is either wholly the old or wholly the new
//! version, never half of each: a temporary file in the same folder,
//! `fsync`, (optionally) the old version kept as `name.bak`, rename over the
//! target, then `fsync` the folder so the rename itself survives a power cut.
//!
//! The steps go through the [`Fs`] trait so tests can make any step fail
//! and check that the old file is untouched and no temporary file is left.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file-system steps of an atomic write.
pub trait Fs {
    /// Creates an empty temporary file in `dir` and returns its path.
    fn create_temp(&mut self, dir: &Path) -> std::io::Result<PathBuf>;
    /// Writes `bytes` to the file at `path` (replacing its content).
    fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    /// Flushes the file's content to the disk.
    fn sync_file(&mut self, path: &Path) -> std::io::Result<()>;
    /// Copies `from` to `to` (for the backup).
    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Renames `from` over `to`.
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Flushes the folder's entries to the disk.
    fn sync_dir(&mut self, dir: &Path) -> std::io::Result<()>;
    /// Removes a file (a temporary file after a failure).
    fn remove(&mut self, path: &Path) -> std::io::Result<()>;
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

impl Fs for RealFs {
    fn create_temp(&mut self, dir: &Path) -> std::io::Result<PathBuf> {
        let (_, path) = tempfile::Builder::new()
            .prefix(".samdrift-")
            .suffix(".tmp")
            .tempfile_in(dir)?
            .keep()
            .map_err(|e| e.error)?;
        Ok(path)
    }

    fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        File::create(path)?.write_all(bytes)
    }

    fn sync_file(&mut self, path: &Path) -> std::io::Result<()> {
        File::options().write(true).open(path)?.sync_all()
    }

    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::copy(from, to).map(|_| ())
    }

    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }

    #[cfg(unix)]
    fn sync_dir(&mut self, dir: &Path) -> std::io::Result<()> {
        File::open(dir)?.sync_all()
    }

    #[cfg(not(unix))]
    fn sync_dir(&mut self, _dir: &Path) -> std::io::Result<()> {
        // Windows cannot open a folder as a file; the rename is durable
        // enough there once the file itself is synced.
        Ok(())
    }

    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// The backup of `path`: `study.ron` → `study.ron.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically through `fs`; with `backup`, the
/// previous version (if any) is kept as [`backup_path`].
///
/// # Errors
/// The first step that fails. Until the rename, the target is untouched
/// and the temporary file is removed; a failure to sync the folder after
/// the rename is reported although the new content is in place.
pub fn write_atomic_with(fs: &mut dyn Fs, path: &Path, bytes: &[u8], backup: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let temp = fs.create_temp(dir)?;
    let before_rename = (|| {
        fs.write(&temp, bytes)?;
        fs.sync_file(&temp)?;
        if backup && path.exists() {
            fs.copy(path, &backup_path(path))?;
        }
        fs.rename(&temp, path)
    })();
    if let Err(e) = before_rename {
        let _ = fs.remove(&temp);
        return Err(e);
    }
    fs.sync_dir(dir)
}

/// Writes `bytes` to `path` atomically, without a backup (exports).
///
/// # Errors
/// See [`write_atomic_with`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(&mut RealFs, path, bytes, false)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {
    use super::*;

    /// The real file system, failing at step `fail_at` (1 = create, 2 =
    /// write, 3 = sync file, 4 = copy, 5 = rename, 6 = sync dir).
    struct FailingFs {
        step: usize,
        fail_at: usize,
    }

    impl FailingFs {
        fn check(&mut self, step: usize) -> std::io::Result<()> {
            self.step = step;
            if step == self.fail_at {
                Err(std::io::Error::other(format!("injected failure at step {step}")))
            } else {
                Ok(())
            }
        }
    }

    impl Fs for FailingFs {
        fn create_temp(&mut self, dir: &Path) -> std::io::Result<PathBuf> {
            self.check(1)?;
            RealFs.create_temp(dir)
        }
        fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
            self.check(2)?;
            // Half the bytes, then the failure: a torn write.
            if self.fail_at == 2 {
                RealFs.write(path, &bytes[..bytes.len() / 2])?;
            }
            RealFs.write(path, bytes)
        }
        fn sync_file(&mut self, path: &Path) -> std::io::Result<()> {
            self.check(3)?;
            RealFs.sync_file(path)
        }
        fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
            self.check(4)?;
            RealFs.copy(from, to)
        }
        fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
            self.check(5)?;
            RealFs.rename(from, to)
        }
        fn sync_dir(&mut self, dir: &Path) -> std::io::Result<()> {
            self.check(6)?;
            RealFs.sync_dir(dir)
        }
        fn remove(&mut self, path: &Path) -> std::io::Result<()> {
            RealFs.remove(path)
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_whole_file_and_keeps_one_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.ron");
        write_atomic_with(&mut RealFs, &path, b"first version, rather long", true).unwrap();
        write_atomic_with(&mut RealFs, &path, b"second", true).unwrap();
        write_atomic_with(&mut RealFs, &path, b"third", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"second");
        assert_eq!(names(dir.path()), ["study.ron", "study.ron.bak"]);
    }

    #[test]
    fn a_failure_at_any_step_before_the_rename_leaves_the_old_file() {
        for fail_at in 1..=5 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("study.ron");
            std::fs::write(&path, b"the old study").unwrap();
            let result =
                write_atomic_with(&mut FailingFs { step: 0, fail_at }, &path, b"the new study", true);
            assert!(result.is_err(), "step {fail_at}");
            assert_eq!(std::fs::read(&path).unwrap(), b"the old study", "step {fail_at}");
            let left: Vec<String> = names(dir.path())
                .into_iter()
                .filter(|n| {
                    Path::new(n)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("tmp"))
                })
                .collect();
            assert!(left.is_empty(), "step {fail_at}: temporary files left: {left:?}");
        }
    }

    #[test]
    fn a_failure_to_sync_the_folder_is_reported_with_the_new_file_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.ron");
        std::fs::write(&path, b"old").unwrap();
        let result = write_atomic_with(&mut FailingFs { step: 0, fail_at: 6 }, &path, b"new", true);
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"old");
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("study.ron");
        assert!(write_atomic(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
