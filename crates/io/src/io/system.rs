//! The operating system's errors in the user's language.
//!
//! `std::io::Error`'s own text is English, and some crates add the path of
//! a temporary file to it (`tempfile`: "… at path /x/.samdrift-ab12.tmp").
//! A user sees neither: the common kinds get a sentence of their own, and
//! any other error the system's short description without a path.

use crate::i18n::Tr;

/// What went wrong, as far as a user can act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemErrorKind {
    /// No permission to read or write there.
    PermissionDenied,
    /// The file or a folder on its way does not exist.
    NotFound,
    /// The disk is full.
    DiskFull,
    /// The user's disk quota is used up.
    QuotaExceeded,
    /// The drive is mounted read-only.
    ReadOnly,
    /// A folder where a file was expected.
    IsAFolder,
    /// A file where a folder was expected on the way.
    NotAFolder,
    /// Another program holds the file (Windows: open in Excel).
    InUse,
    /// Anything else.
    Other,
}

/// An operating-system error without paths, ready to be put in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemError {
    /// The kind a user can act on.
    pub kind: SystemErrorKind,
    /// The system's own short description (no path), for [`SystemErrorKind::Other`].
    pub detail: String,
}

impl SystemError {
    /// Classifies `error`.
    #[must_use]
    pub fn new(error: &std::io::Error) -> SystemError {
        use std::io::ErrorKind as K;
        let kind = match error.kind() {
            _ if is_sharing_violation(error) => SystemErrorKind::InUse,
            K::PermissionDenied => SystemErrorKind::PermissionDenied,
            K::NotFound => SystemErrorKind::NotFound,
            K::StorageFull => SystemErrorKind::DiskFull,
            K::QuotaExceeded => SystemErrorKind::QuotaExceeded,
            K::ReadOnlyFilesystem => SystemErrorKind::ReadOnly,
            K::IsADirectory => SystemErrorKind::IsAFolder,
            K::NotADirectory => SystemErrorKind::NotAFolder,
            K::ResourceBusy | K::ExecutableFileBusy => SystemErrorKind::InUse,
            _ => SystemErrorKind::Other,
        };
        // The OS's text for the code carries no path; a custom error's text
        // might (tempfile adds one), so only its kind is kept.
        let detail = error.raw_os_error().map_or_else(
            || error.kind().to_string(),
            |code| std::io::Error::from_raw_os_error(code).to_string(),
        );
        SystemError { kind, detail }
    }

    /// The error in the user's language: a short clause such as "the disk
    /// is full", to follow "cannot save …: ".
    #[must_use]
    pub fn message(&self, tr: &Tr) -> String {
        let id = match self.kind {
            SystemErrorKind::PermissionDenied => "sys-permission-denied",
            SystemErrorKind::NotFound => "sys-not-found",
            SystemErrorKind::DiskFull => "sys-disk-full",
            SystemErrorKind::QuotaExceeded => "sys-quota",
            SystemErrorKind::ReadOnly => "sys-read-only",
            SystemErrorKind::IsAFolder => "sys-is-a-folder",
            SystemErrorKind::NotAFolder => "sys-not-a-folder",
            SystemErrorKind::InUse => "sys-in-use",
            SystemErrorKind::Other => {
                return tr.args("sys-other", &[("detail", self.detail.clone())]);
            }
        };
        tr.get(id)
    }
}

/// `error` in the user's language (see [`SystemError::message`]).
#[must_use]
pub fn describe(error: &std::io::Error, tr: &Tr) -> String {
    SystemError::new(error).message(tr)
}

/// Windows' "the file is being used by another process" (32) and "part of
/// the file is locked" (33): what Excel holding a file gives.
fn is_sharing_violation(error: &std::io::Error) -> bool {
    cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use std::io::{Error, ErrorKind};

    #[test]
    fn common_errors_are_told_in_the_users_language() {
        let nb = Tr::new(Lang::Nb);
        let en = Tr::new(Lang::En);
        let full = Error::from(ErrorKind::StorageFull);
        assert_eq!(describe(&full, &en), "the disk is full");
        assert_eq!(describe(&full, &nb), "disken er full");
        let denied = Error::from(ErrorKind::PermissionDenied);
        assert!(
            describe(&denied, &nb).contains("tilgang"),
            "{}",
            describe(&denied, &nb)
        );
        let read_only = Error::from(ErrorKind::ReadOnlyFilesystem);
        assert!(describe(&read_only, &en).contains("read-only"));
        let missing = Error::from(ErrorKind::NotFound);
        assert!(
            describe(&missing, &nb).contains("finnes ikke"),
            "{}",
            describe(&missing, &nb)
        );
        // None of them suggests closing the file in another program.
        for kind in [
            ErrorKind::PermissionDenied,
            ErrorKind::NotFound,
            ErrorKind::StorageFull,
        ] {
            for lang in Lang::ALL {
                let text = describe(&Error::from(kind), &Tr::new(lang));
                assert!(!text.contains("program"), "{lang:?} {kind:?}: {text}");
            }
        }
    }

    #[test]
    fn a_path_in_an_errors_text_is_not_shown() {
        // What tempfile gives: its own text with the temporary file's path.
        let error = Error::new(
            ErrorKind::PermissionDenied,
            "Permission denied (os error 13) at path \"/x/.samdrift-ab12.tmp\"",
        );
        let text = describe(&error, &Tr::new(Lang::En));
        assert!(!text.contains(".tmp") && !text.contains("/x"), "{text}");
        let other = Error::other("oops at path /x/.samdrift-ab12.tmp");
        let text = describe(&other, &Tr::new(Lang::En));
        assert!(!text.contains(".tmp"), "{text}");
    }

    #[cfg(unix)]
    #[test]
    fn the_real_system_error_for_a_missing_folder_is_classified() {
        let dir = tempfile::tempdir().unwrap();
        let error = std::fs::write(dir.path().join("nope/x.csv"), b"x").unwrap_err();
        assert_eq!(SystemError::new(&error).kind, SystemErrorKind::NotFound);
        let text = describe(&error, &Tr::new(Lang::Sv));
        assert!(text.contains("finns inte"), "{text}");
    }
}
