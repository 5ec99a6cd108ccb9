//! The house rules of issue 15, checked on the source: no module circles; nothing below
//! `commands/` imports `commands/` or `cli`; the pure core (`app/`, `session/`, `catalog/`,
//! `home/`, `replay/`, `builder/`) imports no terminal or screen code; the screens (`ui/`)
//! import no storage; the core reads and writes no files (`storage/` does). A rule with known
//! exceptions lists them here by file, so that what is left is visible and a new exception
//! fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src") {
            let path: PathBuf = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&root).expect("in src");
                let text = std::fs::read_to_string(&path).expect("read");
                // Comments do not import anything.
                let code: String = text
                    .lines()
                    .map(|l| l.split("//").next().unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join("\n");
                files.push((rel.to_string_lossy().replace('\\', "/"), code));
            }
        }
    }
    files.sort();
    files
}

/// The top-level module a file belongs to: `app` for `app/mod.rs`, `tui` for `tui.rs`.
fn module_of(file: &str) -> &str {
    file.split('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".rs")
}

/// Every `crate::x` a file names.
fn uses(code: &str) -> BTreeSet<String> {
    code.match_indices("crate::")
        .map(|(at, _)| {
            code[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|m| !m.is_empty() && m != "tr")
        .collect()
}

/// Whether `code` names `word` as a whole name (`File::` but not `RawFile::`).
fn names(code: &str, word: &str) -> bool {
    code.match_indices(word).any(|(at, _)| {
        !code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

#[test]
fn no_module_imports_itself_through_another() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, code) in sources() {
        let from = module_of(&file).to_string();
        for to in uses(&code) {
            if to != from {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    // A circle: a path from a module back to itself.
    for start in edges.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        while let Some((at, path)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    panic!("an import circle: {} → {start}", path.join(" → "));
                }
                if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
}

#[test]
fn nothing_below_the_commands_imports_them() {
    let above = ["commands", "main", "cli", "cli_text"];
    for (file, code) in sources() {
        if above.contains(&module_of(&file)) {
            continue;
        }
        for used in uses(&code) {
            assert!(
                used != "commands" && used != "cli",
                "{file} imports crate::{used}, which sits above it"
            );
        }
    }
}

/// The state machines and what they stand on.
const CORE: [&str; 11] = [
    "app", "session", "catalog", "home", "replay", "builder", "keys", "keymap", "list", "rules",
    "text",
];

#[test]
fn the_core_imports_no_terminal_and_no_screen() {
    for (file, code) in sources() {
        if !CORE.contains(&module_of(&file)) {
            continue;
        }
        let forbidden = [
            "ratatui",
            "crossterm",
            "crate::ui",
            "crate::tui",
            "crate::runtime",
        ];
        for word in forbidden {
            assert!(!code.contains(word), "{file} uses {word}");
        }
    }
}

/// What reading or writing a file looks like in the source: the standard library's file
/// calls, the crates and modules of this house that do it (`files`, `storage`, temporary
/// files).
const FILE_CODE: [&str; 7] = [
    "std::fs",
    "File::",
    "OpenOptions",
    "read_dir",
    "tempfile",
    "crate::files",
    "crate::storage",
];

/// What file code a file of `src/` holds, if it is in the core: the core takes text and
/// gives data; `storage/` reads and writes (the deck directories, the plan files, the
/// journal).
fn core_file_code(file: &str, code: &str) -> Vec<String> {
    if !CORE.contains(&module_of(file)) {
        return Vec::new();
    }
    FILE_CODE
        .iter()
        .filter(|word| names(code, word))
        .map(|word| format!("{file} uses {word}"))
        .collect()
}

#[test]
fn the_core_does_no_file_io() {
    let found: Vec<String> = sources()
        .iter()
        .flat_map(|(file, code)| core_file_code(file, code))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

/// The check would see file code added to the core: each word in a core file is caught,
/// the same code in `storage/` is allowed, and a longer name is not mistaken for one.
#[test]
fn the_file_io_check_catches_file_code_in_the_core() {
    let (_, library) = sources()
        .into_iter()
        .find(|(file, _)| file == "catalog/library.rs")
        .expect("catalog/library.rs");
    assert!(core_file_code("catalog/library.rs", &library).is_empty());
    for word in FILE_CODE {
        let added = format!("{library}\nfn sneak(p: &Path) {{ let _ = {word}read(p); }}\n");
        assert_eq!(
            core_file_code("catalog/library.rs", &added),
            [format!("catalog/library.rs uses {word}")]
        );
        assert!(core_file_code("builder/save.rs", &added).len() == 1);
        assert!(core_file_code("storage/decks.rs", &added).is_empty());
    }
    assert!(core_file_code("catalog/x.rs", "let raw_read_dir = 1;").is_empty());
}

#[test]
fn screens_draw_and_store_nothing() {
    for (file, code) in sources() {
        if module_of(&file) != "ui" {
            continue;
        }
        for forbidden in [
            "std::fs",
            "journal::",
            "history::index::Index",
            "File::",
            "crate::commands",
        ] {
            assert!(!names(&code, forbidden), "{file} uses {forbidden}");
        }
    }
}
