//! Reading the deck directories: every `*.toml` file of a directory and its subdirectories
//! (one level), as text for `catalog` to parse. A file that cannot be read is a problem,
//! never a stop.

use std::path::{Path, PathBuf};

use crate::catalog::library::{Origin, Source};
use crate::catalog::select::Wanted;
use crate::catalog::{Library, Problem};
use crate::tr;

/// The bundled decks and plans, then every `*.toml` under each directory in order.
pub fn load_library(dirs: &[PathBuf]) -> Library {
    let (files, unreadable) = read_deck_dirs(dirs);
    Library::with_files(files, unreadable)
}

/// Only what `wanted` needs parsed (see [`crate::catalog::select`]); `None` when a full load
/// must decide (a file could not be read, or the choice was not certain).
pub fn load_selected(dirs: &[PathBuf], wanted: Wanted) -> Option<Library> {
    let (files, unreadable) = read_deck_dirs(dirs);
    // A file that cannot be read is said as a full load says it.
    if !unreadable.is_empty() {
        return None;
    }
    let mut sources = crate::catalog::library::bundled_sources();
    sources.extend(files);
    crate::catalog::select::load(sources, wanted)
}

/// Every `*.toml` under each directory in order, as text, and the files that could not be
/// read.
pub fn read_deck_dirs(dirs: &[PathBuf]) -> (Vec<Source>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for dir in dirs {
        read_deck_dir(dir, &mut files, &mut unreadable);
    }
    (files, unreadable)
}

/// Reads the `*.toml` files of a directory and its subdirectories (one level), sorted by
/// path so the result does not depend on the file system's order.
pub fn read_deck_dir(dir: &Path, sources: &mut Vec<Source>, problems: &mut Vec<Problem>) {
    let mut files = Vec::new();
    collect_toml_files(dir, 1, &mut files);
    files.sort();
    for path in files {
        match read_deck_file(&path) {
            Ok(source) => sources.push(source),
            Err(problem) => problems.push(problem),
        }
    }
}

fn collect_toml_files(dir: &Path, depth: u32, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return; // A missing user decks directory is normal.
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && depth > 0 {
            collect_toml_files(&path, depth - 1, files);
        } else if path.extension().is_some_and(|e| e == "toml") {
            // Not only regular files: a FIFO or device called `*.toml` is reported, not read.
            files.push(path);
        }
    }
}

/// One deck, plan or styles file as text; a file that is no regular file, too big or not
/// UTF-8 is a problem at its line 1, column 1.
pub fn read_deck_file(path: &Path) -> Result<Source, Problem> {
    let name = path.display().to_string();
    let failed = |message: String| Problem {
        file: name.clone(),
        line: 1,
        column: 1,
        message,
    };
    let bytes = crate::files::read_regular(path, crate::files::MAX_DECK_BYTES)
        .map_err(|e| failed(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        failed(tr!(
            "geen geldige UTF-8-tekst (bij byte {offset})",
            "not valid UTF-8 text (at byte {offset})"
        ))
    })?;
    Ok(Source {
        name,
        text,
        origin: Origin::File(path.to_path_buf()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files that cannot be read come first among the problems, then those that do not
    /// parse, each as FILE:LINE:COLUMN; a readable own plan still joins the bundled ones.
    #[test]
    fn unreadable_and_broken_files_are_problems_in_order() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let dir = tempfile::tempdir().unwrap();
        let plans = dir.path().join("plans");
        std::fs::create_dir(&plans).unwrap();
        std::fs::write(dir.path().join("a-kapot.toml"), "[deck]\nid = 3\n").unwrap();
        std::fs::write(dir.path().join("b-binair.toml"), [0xff, 0xfe]).unwrap();
        let plan = "[plan]\nid = \"eigen\"\ntitle = \"E\"\ndescription = \"D\"\n[[round]]\ntitle = \"R\"\nminutes = 5\ninstruction = \"I\"\n";
        std::fs::write(plans.join("eigen.toml"), plan).unwrap();
        let library = load_library(&[dir.path().to_path_buf()]);
        let problems: Vec<String> = library.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].ends_with("b-binair.toml:1:1: geen geldige UTF-8-tekst (bij byte 0)"),
            "{problems:?}"
        );
        assert!(problems[1].contains("a-kapot.toml:2:6:"), "{problems:?}");
        let own = library.plans.iter().find(|e| e.item.id == "eigen").unwrap();
        assert_eq!(own.origin, Origin::File(plans.join("eigen.toml")));
        assert_eq!(
            library.decks.len(),
            Library::bundled().decks.len(),
            "the bundled decks are there too"
        );
    }
}
