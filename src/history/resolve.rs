//! Finding a session from what the user typed: nothing (the latest), a path, or an id or
//! the shortest unambiguous prefix of one.

use std::path::{Path, PathBuf};

use crate::catalog::parse::suggestion;
use crate::tr;

pub const EXTENSION: &str = "jsonl";

/// Session files in a directory, sorted by name: names start with the start time, so the
/// last is the newest. A missing directory has none.
pub fn session_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            // The directory entry says whether it is a file; only links need a look further.
            e.file_type()
                .is_ok_and(|t| t.is_file() || (t.is_symlink() && e.path().is_file()))
        })
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == EXTENSION))
        .collect();
    files.sort();
    files
}

pub fn id_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The session file meant by `target` in `dir`. Errors are full sentences for the user.
pub fn resolve(dir: &Path, target: Option<&str>) -> Result<PathBuf, String> {
    resolve_in(&[dir.to_path_buf()], target)
}

/// The session file meant by `target` in any of `dirs` (the user's own first, then the
/// archives); without a target the newest of all. Errors name the first directory.
pub fn resolve_in(dirs: &[PathBuf], target: Option<&str>) -> Result<PathBuf, String> {
    let dir = dirs.first().map_or(Path::new("."), PathBuf::as_path);
    let mut files: Vec<PathBuf> = Vec::new();
    for d in dirs {
        files.extend(session_files(d));
    }
    // Names start with the start time: the newest sorts last, whichever directory it is in.
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files.dedup();
    let Some(target) = target.map(str::trim).filter(|t| !t.is_empty()) else {
        return files.last().cloned().ok_or_else(|| {
            tr!(
                "nog geen sessies in {}",
                "no sessions yet in {}",
                dir.display()
            )
        });
    };
    let as_path = Path::new(target);
    if as_path.is_file() {
        return Ok(as_path.to_path_buf());
    }
    let target = target.strip_suffix(".jsonl").unwrap_or(target);
    let ids: Vec<String> = files.iter().map(|f| id_of(f)).collect();
    if let Some(i) = ids.iter().position(|id| id == target) {
        return Ok(files[i].clone());
    }
    let matches: Vec<usize> = (0..ids.len())
        .filter(|&i| ids[i].starts_with(target))
        .collect();
    match matches.as_slice() {
        [one] => Ok(files[*one].clone()),
        [] => {
            let hint = suggestion(target, ids.iter().map(String::as_str));
            Err(tr!(
                "geen sessie `{target}` in {}{hint} (zie `tafel sessions`)",
                "no session `{target}` in {}{hint} (see `tafel sessions`)",
                dir.display()
            ))
        }
        many => {
            let shown: Vec<&str> = many.iter().take(5).map(|&i| ids[i].as_str()).collect();
            let list = shown.join(", ");
            let n = many.len();
            Err(tr!(
                "`{target}` past bij {n} sessies ({list}); typ meer tekens",
                "`{target}` matches {n} sessions ({list}); type more characters"
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_exact_prefix_ambiguous_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "20261101-100000-koers-wat-aaaa.jsonl",
            "20261102-100000-koers-wat-bbbb.jsonl",
            "20261102-100000-koers-wat-bbcc.jsonl",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let name = |p: PathBuf| id_of(&p);
        assert_eq!(
            name(resolve(dir.path(), None).unwrap()),
            "20261102-100000-koers-wat-bbcc"
        );
        assert_eq!(
            name(resolve(dir.path(), Some("20261101")).unwrap()),
            "20261101-100000-koers-wat-aaaa"
        );
        let err = resolve(dir.path(), Some("20261102")).unwrap_err();
        assert!(err.contains("past bij 2 sessies"), "{err}");
        assert_eq!(
            name(resolve(dir.path(), Some("20261102-100000-koers-wat-bbc")).unwrap()),
            "20261102-100000-koers-wat-bbcc"
        );
        assert!(
            resolve(dir.path(), Some("2027"))
                .unwrap_err()
                .contains("geen sessie")
        );
        let empty = tempfile::tempdir().unwrap();
        assert!(
            resolve(empty.path(), None)
                .unwrap_err()
                .contains("nog geen sessies")
        );
    }
}
