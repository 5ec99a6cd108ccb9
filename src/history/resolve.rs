//! Finding a session from what the user typed: nothing (the latest), a path, or an id or
//! the shortest unambiguous prefix of one.

use std::path::{Path, PathBuf};

use crate::catalog::parse::{did_you_mean, nearest};
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

/// Why no single session file is meant by what the user typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// Nothing typed, and no session at all to take the newest of.
    #[error("{}", tr!("nog geen sessies in {}", "no sessions yet in {}", dir.display()))]
    NoSessions { dir: PathBuf },
    /// No session has this id or an id starting with it; `nearest` is the closest id, if any
    /// is close.
    #[error("{}", tr!(
        "geen sessie `{target}` in {}{} (zie `tafel sessions`)",
        "no session `{target}` in {}{} (see `tafel sessions`)",
        dir.display(),
        did_you_mean(nearest.as_deref())
    ))]
    NotFound {
        target: String,
        dir: PathBuf,
        nearest: Option<String>,
    },
    /// More than one id starts with it: `count` of them, the first few in `candidates`.
    #[error("{}", tr!(
        "`{target}` past bij {count} sessies ({}); typ meer tekens",
        "`{target}` matches {count} sessions ({}); type more characters",
        candidates.join(", ")
    ))]
    Ambiguous {
        target: String,
        count: usize,
        candidates: Vec<String>,
    },
}

/// Candidates named when a prefix matches several sessions.
const CANDIDATES_SHOWN: usize = 5;

/// The session file meant by `target` in `dir`.
pub fn resolve(dir: &Path, target: Option<&str>) -> Result<PathBuf, ResolveError> {
    resolve_in(&[dir.to_path_buf()], target)
}

/// The session file meant by `target` in any of `dirs` (the user's own first, then the
/// archives); without a target the newest of all. Errors name the first directory.
pub fn resolve_in(dirs: &[PathBuf], target: Option<&str>) -> Result<PathBuf, ResolveError> {
    let dir = dirs.first().map_or(Path::new("."), PathBuf::as_path);
    let mut files: Vec<PathBuf> = Vec::new();
    for d in dirs {
        files.extend(session_files(d));
    }
    // Names start with the start time: the newest sorts last, whichever directory it is in.
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    files.dedup();
    let Some(target) = target.map(str::trim).filter(|t| !t.is_empty()) else {
        return files
            .last()
            .cloned()
            .ok_or_else(|| ResolveError::NoSessions {
                dir: dir.to_path_buf(),
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
        [] => Err(ResolveError::NotFound {
            target: target.to_string(),
            dir: dir.to_path_buf(),
            nearest: nearest(target, ids.iter().map(String::as_str)).map(str::to_string),
        }),
        many => Err(ResolveError::Ambiguous {
            target: target.to_string(),
            count: many.len(),
            candidates: many
                .iter()
                .take(CANDIDATES_SHOWN)
                .map(|&i| ids[i].clone())
                .collect(),
        }),
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
        assert_eq!(
            err,
            ResolveError::Ambiguous {
                target: "20261102".into(),
                count: 2,
                candidates: vec![
                    "20261102-100000-koers-wat-bbbb".into(),
                    "20261102-100000-koers-wat-bbcc".into()
                ],
            }
        );
        assert_eq!(
            name(resolve(dir.path(), Some("20261102-100000-koers-wat-bbc")).unwrap()),
            "20261102-100000-koers-wat-bbcc"
        );
        assert!(matches!(
            resolve(dir.path(), Some("2027")),
            Err(ResolveError::NotFound { nearest: None, .. })
        ));
        assert!(matches!(
            resolve(dir.path(), Some("20261101-100000-koers-wat-aaab")),
            Err(ResolveError::NotFound { nearest: Some(id), .. })
                if id == "20261101-100000-koers-wat-aaaa"
        ));
        let empty = tempfile::tempdir().unwrap();
        assert_eq!(
            resolve(empty.path(), None),
            Err(ResolveError::NoSessions {
                dir: empty.path().to_path_buf()
            })
        );
    }
}
