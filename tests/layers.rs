//! The layers are crates (`samdrift-core` → `samdrift-report` →
//! `samdrift-io` → `samdrift-app` → `samdrift`), so the compiler refuses an
//! import that goes up a crate. What the crates cannot say is checked here
//! from the sources: within a crate the modules still run one way (`model
//! → engine → uncertainty, fairness → criteria` in the core), no two files
//! of one folder import each other (directly or round a circle), and no
//! crate below the app depends on egui.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::rust_files;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules, bottom to top: a module may use the modules of
/// the layers below its own, not those of its layer or above.
const LAYERS: &[&[&str]] = &[
    &["palette", "format"],
    &["lang"],
    &["model"],
    &["engine"],
    &["uncertainty", "fairness", "budget"],
    &["criteria"],
    &["i18n"],
    &["report"],
    &["io"],
    &["app", "bench"],
    // The command line starts the app (`samdrift` with no command).
    &["cli"],
];

/// The model, the engine and the analyses work in numbers and ids only:
/// words and formatted numbers in the user's language are the report's.
const CORE: &[&str] = &["model", "engine", "uncertainty", "fairness", "budget", "criteria"];
const WORDS: &[&str] = &["format", "i18n"];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Whether `module` may use `used`.
fn may_use(module: &str, used: &str) -> bool {
    let (Some(from), Some(to)) = (layer(module), layer(used)) else {
        return true;
    };
    to < from && !(CORE.contains(&module) && WORDS.contains(&used))
}

/// The code of a file without its tests (a `tests.rs` file is all tests;
/// elsewhere everything from the first `#[cfg(test)]` on).
fn code_of(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    // Comments may name any module.
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn identifiers_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    code.match_indices(prefix)
        .map(|(i, _)| {
            let rest = &code[i + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The top-level module a file of `src` belongs to (`src/app/charts.rs` →
/// `app`, `src/format.rs` → `format`).
fn module_of(src: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(src).unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// The source folders of every crate of the workspace.
fn source_roots() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut roots = vec![root.join("src")];
    for krate in ["core", "report", "io", "app"] {
        roots.push(root.join("crates").join(krate).join("src"));
    }
    roots
}

#[test]
fn the_import_graph_runs_one_way() {
    let mut wrong = Vec::new();
    for src in source_roots() {
        import_graph_of(&src, &mut wrong);
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

fn import_graph_of(src: &Path, wrong: &mut Vec<String>) {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    for path in &files {
        let module = module_of(src, path);
        if matches!(module.as_str(), "lib" | "main") {
            continue;
        }
        assert!(layer(&module).is_some(), "{module} is in no layer: say which");
        let code = code_of(path);
        for used in identifiers_after(&code, "crate::") {
            if used != module && !may_use(&module, used) {
                wrong.push(format!("{} uses crate::{used}", path.display()));
            }
        }
    }
}

/// For each folder: which of its files use which siblings (`super::x`,
/// `crate::folder::x`). `mod.rs` declares the others and is left out.
fn sibling_graph(src: &Path, folder: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let siblings: BTreeSet<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            let is_module = p.is_dir() || p.extension().is_some_and(|e| e == "rs");
            (is_module && stem != "mod" && stem != "tests").then_some(stem)
        })
        .collect();
    let crate_path = format!(
        "crate::{}::",
        folder
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('/', "::")
    );
    let mut graph = BTreeMap::new();
    for name in &siblings {
        let file = folder.join(format!("{name}.rs"));
        let mut files = Vec::new();
        if file.exists() {
            files.push(file);
        } else {
            rust_files(&folder.join(name), &mut files);
        }
        let mut uses = BTreeSet::new();
        for f in &files {
            let code = code_of(f);
            // `use super::{a, b::c}` groups as well as `super::a::…`.
            let mut used: Vec<String> = identifiers_after(&code, "super::")
                .into_iter()
                .chain(identifiers_after(&code, &crate_path))
                .map(str::to_owned)
                .collect();
            for (i, _) in code.match_indices("super::{") {
                let group = &code[i + "super::{".len()..];
                let group = &group[..group.find('}').unwrap_or(0)];
                used.extend(group.split(',').map(|part| {
                    part.trim()
                        .split("::")
                        .next()
                        .unwrap_or_default()
                        .trim_start_matches('{')
                        .to_owned()
                }));
            }
            uses.extend(used.into_iter().filter(|u| u != name && siblings.contains(u)));
        }
        graph.insert(name.clone(), uses);
    }
    graph
}

#[test]
fn no_two_files_of_a_folder_import_each_other() {
    let mut circles = Vec::new();
    for src in source_roots() {
        circles_in(&src, &mut circles);
    }
    assert!(circles.is_empty(), "import circles:\n{}", circles.join("\n"));
}

fn circles_in(src: &Path, circles: &mut Vec<String>) {
    let mut folders = vec![src.to_path_buf()];
    let mut i = 0;
    while i < folders.len() {
        let sub: Vec<PathBuf> = std::fs::read_dir(&folders[i])
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        folders.extend(sub);
        i += 1;
    }
    for folder in folders.iter().skip(1) {
        let graph = sibling_graph(src, folder);
        // Depth-first search for a way back to where it started.
        for start in graph.keys() {
            let mut stack = vec![(start.clone(), vec![start.clone()])];
            let mut seen = BTreeSet::new();
            while let Some((at, path)) = stack.pop() {
                for next in graph.get(&at).into_iter().flatten() {
                    if next == start {
                        circles.push(format!("{}: {} → {start}", folder.display(), path.join(" → ")));
                    } else if seen.insert(next.clone()) {
                        let mut longer = path.clone();
                        longer.push(next.clone());
                        stack.push((next.clone(), longer));
                    }
                }
            }
        }
    }
}

/// What `cargo tree` lists for `package` (its dependencies, `kinds` as
/// `normal` or `normal,dev`), one crate name a line.
fn dependencies_of(package: &str, kinds: &str) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = std::process::Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "-p",
            package,
            "-e",
            kinds,
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn no_crate_below_the_app_depends_on_egui() {
    let gui = |tree: &str| {
        tree.lines()
            .filter(|l| {
                ["egui", "eframe", "winit", "wgpu", "kittest"]
                    .iter()
                    .any(|g| l.contains(g))
            })
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    for package in ["samdrift-core", "samdrift-report", "samdrift-io"] {
        // Its tests too: `cargo test -p samdrift-core` builds no egui.
        let tree = dependencies_of(package, "normal,dev");
        assert!(tree.contains(package), "{tree}");
        assert_eq!(gui(&tree), Vec::<String>::new(), "{package}");
    }
    // The check sees egui where it is.
    assert!(!gui(&dependencies_of("samdrift-app", "normal")).is_empty());
}

#[test]
fn the_checks_see_an_import_that_goes_the_wrong_way() {
    assert!(may_use("report", "engine") && may_use("lang", "format"));
    assert!(!may_use("engine", "report") && !may_use("model", "format") && !may_use("criteria", "i18n"));
    assert!(!may_use("uncertainty", "fairness") && !may_use("io", "app") && !may_use("app", "cli"));
    // The reader finds `crate::x` in code and in `use` groups, not in
    // comments.
    let code = "use crate::i18n::Tr;\n// crate::app is only named here\nfn f() { crate::report::x(); }";
    let found: Vec<&str> = identifiers_after(code, "crate::");
    assert!(found.contains(&"i18n") && found.contains(&"report"));
    let file = std::env::temp_dir().join(format!("samdrift-layers-{}.rs", std::process::id()));
    std::fs::write(&file, code).unwrap();
    let without_comments = code_of(&file);
    std::fs::remove_file(&file).unwrap();
    assert!(!identifiers_after(&without_comments, "crate::").contains(&"app"));
}
