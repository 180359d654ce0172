//! Writing a file so that it is either wholly the old or wholly the new
//! version, never half of each: a temporary file in the same folder,
//! `fsync`, (optionally) the old version kept as `name.bak`, rename over the
//! target, then `fsync` the folder so the rename itself survives a power cut.
//!
//! What else a shared drive needs:
//! - **Access.** A new file gets the mode the user's umask gives (like any
//!   program's `0666 & !umask`); a file that exists keeps its mode and, where
//!   the system allows, its group — colleagues who could open it still can.
//! - **Links.** Writing through a symbolic link writes the file it points
//!   to (and keeps the backup beside it); the link stays a link.
//! - **The backup.** The old file is hard-linked (or, where links are not
//!   possible, copied and synced) to a temporary name, then renamed over
//!   `name.bak`: at every instant either the old backup or the new one is
//!   complete.
//! - **Leftovers.** Temporary files of our own pattern (`.samdrift-*.tmp`)
//!   older than a minute, left by a crash during a save, are removed from
//!   the folder before writing.
//!
//! The steps go through the [`Fs`] trait so tests can make any step fail
//! and check that the old file and the old backup are untouched and no
//! temporary file is left.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Temporary files start with this …
const TEMP_PREFIX: &str = ".samdrift-";
/// … and end with this.
const TEMP_SUFFIX: &str = ".tmp";
/// Temporary files older than this are leftovers of a crash.
const STALE_AFTER: Duration = Duration::from_mins(1);

/// The file-system steps of an atomic write.
pub trait Fs {
    /// Creates an empty temporary file in `dir` and returns its path. With
    /// `like`, the file gets that file's mode (and group, where allowed);
    /// without, what the umask gives.
    fn create_temp(&mut self, dir: &Path, like: Option<&Path>) -> std::io::Result<PathBuf>;
    /// Writes `bytes` to the file at `path` (replacing its content).
    fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    /// Flushes the file's content to the disk.
    fn sync_file(&mut self, path: &Path) -> std::io::Result<()>;
    /// Makes `to` (which must not exist) a second name of `from`.
    fn hard_link(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Copies `from` to `to` (for the backup, where links are not possible).
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
    fn create_temp(&mut self, dir: &Path, like: Option<&Path>) -> std::io::Result<PathBuf> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Created with 0666: the kernel applies the umask.
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let (_, path) = builder.tempfile_in(dir)?.keep().map_err(|e| e.error)?;
        if let Some(like) = like
            && let Ok(metadata) = std::fs::metadata(like)
        {
            let _ = std::fs::set_permissions(&path, metadata.permissions());
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                // Only the owner may change the group, and only to one of
                // its groups: where that fails the file keeps ours.
                let _ = std::os::unix::fs::chown(&path, None, Some(metadata.gid()));
            }
        }
        Ok(path)
    }

    fn write(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        File::options()
            .write(true)
            .truncate(true)
            .open(path)?
            .write_all(bytes)
    }

    fn sync_file(&mut self, path: &Path) -> std::io::Result<()> {
        File::options().write(true).open(path)?.sync_all()
    }

    fn hard_link(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::hard_link(from, to)
    }

    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::copy(from, to)?;
        File::options().write(true).open(to)?.sync_all()
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

/// What a file on disk was when we last read or wrote it: its modification
/// time and size. If either differs now, somebody else (another instance,
/// a colleague, a sync client) has written it since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileStamp {
    /// Modification time: seconds since 1970 (UTC) …
    pub modified_unix_secs: u64,
    /// … and nanoseconds.
    pub modified_nanos: u32,
    /// Size in bytes.
    pub len: u64,
}

impl FileStamp {
    /// The stamp of the file `path` names (links followed), if it exists.
    #[must_use]
    pub fn of(path: &Path) -> Option<FileStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        let modified = metadata.modified().ok()?;
        let since = modified
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        Some(FileStamp {
            modified_unix_secs: since.as_secs(),
            modified_nanos: since.subsec_nanos(),
            len: metadata.len(),
        })
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

/// The file a path names: symbolic links followed (also a link to a file
/// that does not exist yet), at most 40 of them.
#[must_use]
pub fn resolve_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        let Ok(target) = std::fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
    }
    current
}

/// Removes temporary files of our own pattern older than a minute from
/// `dir`: leftovers of a save that was killed.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `path` atomically through `fs`; with `backup`, the
/// previous version (if any) is kept as [`backup_path`]. A link is
/// followed: the file it points to is written.
///
/// # Errors
/// The first step that fails. Until the rename, the target and its old
/// backup are untouched and the temporary files are removed; a failure to
/// sync the folder after the rename is reported although the new content
/// is in place.
pub fn write_atomic_with(fs: &mut dyn Fs, path: &Path, bytes: &[u8], backup: bool) -> std::io::Result<()> {
    let path = resolve_links(path);
    let path = path.as_path();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    remove_stale_temps(dir);
    let exists = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    let temp = fs.create_temp(dir, exists.then_some(path))?;
    let mut temp_backup: Option<PathBuf> = None;
    let before_rename = (|| {
        fs.write(&temp, bytes)?;
        fs.sync_file(&temp)?;
        if backup && exists {
            // `.samdrift-XXXX.tmp` → `.samdrift-XXXX.bak.tmp`: unique, ours.
            let name = temp
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let staged =
                temp.with_file_name(format!("{}.bak{TEMP_SUFFIX}", name.trim_end_matches(TEMP_SUFFIX)));
            temp_backup = Some(staged.clone());
            if fs.hard_link(path, &staged).is_err() {
                fs.copy(path, &staged)?;
            }
            fs.rename(&staged, &backup_path(path))?;
            temp_backup = None;
        }
        fs.rename(&temp, path)
    })();
    if let Err(e) = before_rename {
        let _ = fs.remove(&temp);
        if let Some(staged) = temp_backup {
            let _ = fs.remove(&staged);
        }
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
    /// write, 3 = sync file, 4 = hard link, 5 = rename, 6 = sync dir,
    /// 7 = copy). With `no_links`, hard links fail as on a file system
    /// without them (the backup is then copied). `rename_count` fails
    /// the n-th rename only (1 = the backup's, 2 = the file's).
    struct FailingFs {
        step: usize,
        fail_at: usize,
        no_links: bool,
        renames: usize,
        fail_rename: usize,
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
        fn create_temp(&mut self, dir: &Path, like: Option<&Path>) -> std::io::Result<PathBuf> {
            self.check(1)?;
            RealFs.create_temp(dir, like)
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
        fn hard_link(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
            self.check(4)?;
            if self.no_links {
                return Err(std::io::Error::other("no links here"));
            }
            RealFs.hard_link(from, to)
        }
        fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
            self.check(7)?;
            // A torn copy: half the file, then the failure.
            if self.fail_at == 7 {
                let bytes = std::fs::read(from)?;
                std::fs::write(to, &bytes[..bytes.len() / 2])?;
            }
            RealFs.copy(from, to)
        }
        fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
            self.renames += 1;
            if self.renames == self.fail_rename {
                return Err(std::io::Error::other("injected rename failure"));
            }
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

    fn temps(dir: &Path) -> Vec<String> {
        names(dir)
            .into_iter()
            .filter(|n| n.starts_with(TEMP_PREFIX) || n.to_lowercase().ends_with(".tmp"))
            .collect()
    }

    /// Every step of a save — making the temporary file, writing, syncing,
    /// linking or copying the backup, renaming the backup, renaming the
    /// file — fails in turn, with and without hard links. Each time the old
    /// file is intact, the backup is complete (the old backup, or the old
    /// file once the backup's rename is done) and no temporary file is left.
    #[test]
    fn a_failure_at_any_step_before_the_rename_leaves_the_old_file_and_a_whole_backup() {
        let cases: Vec<(usize, bool, usize)> = vec![
            (1, false, 0),
            (2, false, 0),
            (3, false, 0),
            (7, true, 0), // the copy, torn, where links are not possible
            (0, false, 1),
            (0, true, 1),
            (0, false, 2),
        ];
        for (fail_at, no_links, fail_rename) in cases {
            let what = format!("step {fail_at}, no links {no_links}, rename {fail_rename}");
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("study.ron");
            std::fs::write(&path, b"the old study").unwrap();
            std::fs::write(backup_path(&path), b"the old backup").unwrap();
            let mut fs = FailingFs {
                step: 0,
                fail_at,
                no_links,
                renames: 0,
                fail_rename,
            };
            let result = write_atomic_with(&mut fs, &path, b"the new study", true);
            assert!(result.is_err(), "{what}");
            assert_eq!(std::fs::read(&path).unwrap(), b"the old study", "{what}");
            let backup = std::fs::read(backup_path(&path)).unwrap();
            assert!(
                backup == b"the old backup" || backup == b"the old study",
                "{what}: backup {:?}",
                String::from_utf8_lossy(&backup)
            );
            assert!(
                temps(dir.path()).is_empty(),
                "{what}: left {:?}",
                temps(dir.path())
            );
        }
    }

    #[test]
    fn without_hard_links_the_backup_is_copied() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.ron");
        std::fs::write(&path, b"old").unwrap();
        let mut fs = FailingFs {
            step: 0,
            fail_at: 0,
            no_links: true,
            renames: 0,
            fail_rename: 0,
        };
        write_atomic_with(&mut fs, &path, b"new", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"old");
        assert!(temps(dir.path()).is_empty());
    }

    #[test]
    fn leftovers_of_a_crash_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".samdrift-abc123.tmp");
        let fresh = dir.path().join(".samdrift-def456.tmp");
        let other = dir.path().join("notes.tmp");
        for p in [&old, &fresh, &other] {
            std::fs::write(p, b"x").unwrap();
        }
        let two_minutes_ago = SystemTime::now() - Duration::from_mins(2);
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(two_minutes_ago)
            .unwrap();
        File::options()
            .write(true)
            .open(&other)
            .unwrap()
            .set_modified(two_minutes_ago)
            .unwrap();
        write_atomic(&dir.path().join("study.ron"), b"new").unwrap();
        assert!(!old.exists());
        // A save under way in another instance, and files not ours, stay.
        assert!(fresh.exists() && other.exists());
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_file_keeps_its_mode_and_a_new_one_gets_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.ron");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic_with(&mut RealFs, &path, b"new", true).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_atomic_with(&mut RealFs, &path, b"newer", true).unwrap();
        assert_eq!(mode(&path), 0o664);
        // A new file: what any program gets under this umask (std::fs::write
        // creates with 0666 too), not 0600.
        let reference = dir.path().join("reference");
        std::fs::write(&reference, b"x").unwrap();
        let fresh = dir.path().join("export.html");
        write_atomic(&fresh, b"x").unwrap();
        assert_eq!(mode(&fresh), mode(&reference));
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_link_writes_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        let target = shared.join("study.ron");
        std::fs::write(&target, b"old").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("shared/study.ron", &link).unwrap();
        write_atomic_with(&mut RealFs, &link, b"new", true).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(std::fs::read(backup_path(&target)).unwrap(), b"old");
        assert!(!backup_path(&link).exists());
    }

    #[test]
    fn a_failure_to_sync_the_folder_is_reported_with_the_new_file_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.ron");
        std::fs::write(&path, b"old").unwrap();
        let result = write_atomic_with(
            &mut FailingFs {
                step: 0,
                fail_at: 6,
                no_links: false,
                renames: 0,
                fail_rename: 0,
            },
            &path,
            b"new",
            true,
        );
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
