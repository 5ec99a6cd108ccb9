//! Where the builder's plans are kept: the user's own decks directory, `plans/<id>.toml`.
//! Written whole or not at all (a temporary file, then renamed); a new plan never replaces
//! a file that is there.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::tr;

/// The directory new plans go to: `<user decks dir>/plans`.
pub fn plans_dir(user_decks_dir: &Path) -> PathBuf {
    user_decks_dir.join("plans")
}

/// Writes `text` to `path`. With `new_file`, an existing file is left alone and reported.
pub fn save(path: &Path, text: &str, new_file: bool) -> Result<PathBuf, String> {
    let failed = |e: std::io::Error| {
        tr!(
            "{} kon niet worden bewaard: {e}",
            "{} could not be saved: {e}",
            path.display()
        )
    };
    if new_file && path.exists() {
        return Err(tr!(
            "{} bestaat al; kies een ander id",
            "{} already exists; choose another id",
            path.display()
        ));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(failed)?;
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
    file.write_all(text.as_bytes()).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    if new_file {
        file.persist_noclobber(path).map_err(|e| failed(e.error))?;
    } else {
        file.persist(path).map_err(|e| failed(e.error))?;
    }
    Ok(path.to_path_buf())
}

/// The text of an own plan's file, to edit it in place.
pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| {
        tr!(
            "{} kon niet worden gelezen: {e}",
            "{} could not be read: {e}",
            path.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_plan_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = plans_dir(dir.path()).join("eigen.toml");
        assert_eq!(save(&path, "a", true), Ok(path.clone()));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a");
        assert!(save(&path, "b", true).unwrap_err().contains("bestaat al"));
        assert_eq!(save(&path, "c", false), Ok(path.clone()));
        assert_eq!(read(&path).unwrap(), "c");
    }
}
