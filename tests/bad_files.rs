//! The corpus of bad files in `tests/bad-files/`: each gets its message and
//! exit code from `samdrift check`, never a panic, and the loader the app
//! uses agrees (unreadable files fail to load, invalid ones fail to
//! validate). Also a file over the size limit, made on the fly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::Path;
use std::process::Command;

use samdrift::i18n::{Lang, Tr};
use samdrift::io::load_path;
use samdrift::model::validate;

fn manifest() -> Vec<(String, i32, String)> {
    std::fs::read_to_string("tests/bad-files/MANIFEST")
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let parts: Vec<&str> = l.splitn(3, " | ").collect();
            (
                parts[0].to_owned(),
                parts[1].parse().unwrap(),
                parts[2].to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_bad_file_gets_its_message_and_exit_code() {
    let entries = manifest();
    assert!(entries.len() >= 30, "the corpus has at least 30 files");
    let tr = Tr::new(Lang::En);
    for (name, code, message) in &entries {
        let path = Path::new("tests/bad-files").join(name);
        let out = Command::new(env!("CARGO_BIN_EXE_samdrift"))
            .args(["check", path.to_str().unwrap(), "--lang", "en"])
            .env("LANG", "C")
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .replace('\u{a0}', " ");
        assert_eq!(out.status.code(), Some(*code), "{name}: {text}");
        assert!(
            text.contains(message.as_str()),
            "{name}: expected «{message}» in:\n{text}"
        );
        assert!(!text.contains("panicked"), "{name}");
        // The loader the app uses says the same.
        match load_path(&path) {
            Err(e) => {
                assert_eq!(*code, 2, "{name} failed to load: {e:?}");
                assert!(
                    e.message(&tr).replace('\u{a0}', " ").contains(message.as_str()),
                    "{name}"
                );
            }
            Ok(study) => {
                assert_ne!(*code, 2, "{name} loaded but should not");
                assert_eq!(validate(&study).has_errors(), *code == 1, "{name}");
            }
        }
    }
    // Every file in the folder is in the manifest.
    let listed: Vec<&String> = entries.iter().map(|(n, _, _)| n).collect();
    for file in std::fs::read_dir("tests/bad-files").unwrap() {
        let name = file.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name == "MANIFEST" || listed.contains(&&name),
            "{name} is not in the MANIFEST"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(samdrift::io::study_file::MAX_FILE_BYTES + 1)
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_samdrift"))
        .args(["check", path.to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("study files may be at most 16 MB"));
}
