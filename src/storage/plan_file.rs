//! Where the builder's plans are kept: the user's own decks directory, `plans/<id>.toml`.
//! Written whole or not at all (a temporary file, then renamed); a new plan never replaces
//! a file that is there. The builder only asks (`builder::Outcome::Save`); this writes.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::catalog::PlanFileError;

/// The directory new plans go to: `<user decks dir>/plans`.
pub fn plans_dir(user_decks_dir: &Path) -> PathBuf {
    user_decks_dir.join("plans")
}

/// Writes `text` to `path`. With `new_file`, an existing file is left alone and reported.
pub fn save(path: &Path, text: &str, new_file: bool) -> Result<PathBuf, PlanFileError> {
    let failed = |source| PlanFileError::Save {
        path: path.to_path_buf(),
        source,
    };
    if new_file && path.exists() {
        return Err(PlanFileError::Exists {
            path: path.to_path_buf(),
        });
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
pub fn read(path: &Path) -> Result<String, PlanFileError> {
    std::fs::read_to_string(path).map_err(|source| PlanFileError::Read {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_plan_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = plans_dir(dir.path()).join("eigen.toml");
        assert_eq!(save(&path, "a", true).unwrap(), path);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a");
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let taken = save(&path, "b", true).unwrap_err();
        assert!(matches!(&taken, PlanFileError::Exists { path: p } if *p == path));
        assert!(taken.to_string().contains("bestaat al"), "{taken}");
        assert_eq!(save(&path, "c", false).unwrap(), path);
        assert_eq!(read(&path).unwrap(), "c");
    }

    #[test]
    fn a_plan_that_cannot_be_read_names_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("weg.toml");
        let error = read(&path).unwrap_err();
        assert!(matches!(&error, PlanFileError::Read { path: p, .. } if *p == path));
        assert!(error.to_string().contains("weg.toml"), "{error}");
    }
}
