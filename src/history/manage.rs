//! Managing past sessions: a new title (journaled, like everything else that changes a
//! session), and deleting, which only ever moves a session into the trash folder inside the
//! sessions directory, from where it can be put back. Nothing here unlinks a person's data.
//!
//! The trash is a subfolder, so the index (which reads the journals directly in the sessions
//! directory) no longer lists a session once it is there, and lists it again once it is back.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::resolve::{EXTENSION, ResolveError, resolve, session_files};
use crate::session::state::{MAX_TITLE_CHARS, StateError};
use crate::session::{Event, Session};
use crate::storage::io_cause;
use crate::storage::journal::JournalError;
use crate::tr;

/// Why a session could not get a new title.
#[derive(Debug, thiserror::Error)]
pub enum RenameError {
    /// Empty, or longer than [`MAX_TITLE_CHARS`].
    #[error("{}", tr!(
        "een titel heeft 1 tot {MAX_TITLE_CHARS} tekens",
        "a title has 1 to {MAX_TITLE_CHARS} characters"
    ))]
    TitleLength,
    /// The journal could not be opened (also: open in another tafel) or written.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// The journal does not fold to a session.
    #[error("{}: {source}", path.display())]
    NotASession {
        path: PathBuf,
        #[source]
        source: StateError,
    },
}

/// Why a session could not be moved into the trash or back.
#[derive(Debug, thiserror::Error)]
pub enum ManageError {
    /// Only the user's own sessions go to the trash (never an archive's, nor a file elsewhere).
    #[error("{}", tr!(
        "{} staat niet in je eigen sessiemap {}; alleen je eigen sessies gaan naar de prullenbak",
        "{} is not in your own sessions directory {}; only your own sessions go to the trash",
        path.display(),
        sessions.display()
    ))]
    NotOwn { path: PathBuf, sessions: PathBuf },
    /// A link or a file where the trash folder should be: never followed.
    #[error("{}", tr!(
        "{} is geen gewone map (een koppeling of een bestand); tafel gebruikt hem niet als prullenbak",
        "{} is not a plain folder (a link or a file); tafel does not use it as the trash",
        trash.display()
    ))]
    TrashNotPlain { trash: PathBuf },
    #[error("{}", tr!(
        "kan de prullenbak {} niet maken: {}",
        "cannot make the trash {}: {}",
        trash.display(),
        io_cause(source)
    ))]
    MakeTrash { trash: PathBuf, source: io::Error },
    #[error("{}", tr!(
        "kan de prullenbak {} niet lezen: {}",
        "cannot read the trash {}: {}",
        trash.display(),
        io_cause(source)
    ))]
    ReadTrash { trash: PathBuf, source: io::Error },
    #[error("{}", tr!(
        "kan {} niet lezen: {}",
        "cannot read {}: {}",
        path.display(),
        io_cause(source)
    ))]
    Read { path: PathBuf, source: io::Error },
    /// The journal is a link (or something else than a file): never moved.
    #[error("{}", tr!(
        "{} is geen gewoon bestand (een koppeling?); tafel verplaatst het niet",
        "{} is not a plain file (a link?); tafel does not move it",
        path.display()
    ))]
    NotPlainFile { path: PathBuf },
    /// The journal could not be opened, or is open in another tafel.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// A file of the same name is where the session would go: nothing is overwritten.
    #[error("{}", tr!(
        "{} bestaat al; er wordt niets overschreven",
        "{} already exists; nothing is overwritten",
        path.display()
    ))]
    Exists { path: PathBuf },
    #[error("{}", tr!(
        "kan {} niet verplaatsen: {}",
        "cannot move {}: {}",
        path.display(),
        io_cause(source)
    ))]
    Move { path: PathBuf, source: io::Error },
    /// There is no trash folder (yet).
    #[error("{}", tr!("de prullenbak is leeg", "the trash is empty"))]
    TrashEmpty,
    /// A path or nothing where the id of a trashed session was asked for.
    #[error("{}", tr!(
        "geef de id van een sessie in de prullenbak (zie `tafel sessions --trash`)",
        "give the id of a session in the trash (see `tafel sessions --trash`)"
    ))]
    NotAnId,
    /// The id named a file outside the trash.
    #[error("{}", tr!(
        "geen sessie `{id}` in de prullenbak",
        "no session `{id}` in the trash"
    ))]
    NotInTrash { id: String },
    /// No single session in the trash has this id.
    #[error(transparent)]
    Resolve(#[from] ResolveError),
}

/// The trash folder's name, inside the sessions directory.
pub const TRASH_DIR: &str = "prullenbak";

pub fn trash_dir(sessions: &Path) -> PathBuf {
    sessions.join(TRASH_DIR)
}

/// Gives the session at `path` the title `title`, by appending `SessionRenamed` to its
/// journal (locked like a running session, so a session open elsewhere is refused). Returns
/// the title it had, or `None` when it already had this one (nothing is written then).
pub fn rename(
    path: &Path,
    title: &str,
    wall: DateTime<FixedOffset>,
) -> Result<Option<String>, RenameError> {
    rename_with_cache(path, title, wall, crate::paths::cache_dir().as_deref())
}

/// [`rename`], with the index kept in `cache`.
pub fn rename_with_cache(
    path: &Path,
    title: &str,
    wall: DateTime<FixedOffset>,
    cache: Option<&Path>,
) -> Result<Option<String>, RenameError> {
    let title = crate::text::visible(title.trim()).into_owned();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return Err(RenameError::TitleLength);
    }
    // An ended journal is not looked at again unless the index is told (see history::scan);
    // opening may already cut off an incomplete last line.
    super::index::mark_written(cache, path);
    let renamed = (|| {
        let (mut journal, loaded) = crate::storage::open_for_append(path)?;
        let session =
            Session::from_records(&loaded.records).map_err(|source| RenameError::NotASession {
                path: path.to_path_buf(),
                source,
            })?;
        if session.title == title {
            return Ok(None);
        }
        // The monotonic time of the last record: a title given afterwards takes no time.
        journal.append(vec![Event::SessionRenamed { title }], wall, session.last_t)?;
        Ok(Some(session.title))
    })();
    // Again: a listing in between may have read the journal just before the write.
    super::index::mark_written(cache, path);
    renamed
}

/// The files that belong to the journal at `path`: itself, its kept draft and any side
/// files with an incomplete last line (`<name>.torn-…`).
fn belonging(path: &Path) -> Vec<PathBuf> {
    let mut files = vec![path.to_path_buf()];
    let draft = crate::storage::draft::draft_path(path);
    if fs::symlink_metadata(&draft).is_ok_and(|m| m.is_file()) {
        files.push(draft);
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return files;
    };
    let mut prefix = name.to_os_string();
    prefix.push(".torn-");
    let prefix = prefix.to_string_lossy().into_owned();
    if let Ok(entries) = fs::read_dir(dir) {
        let mut torn: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
            .map(|e| e.path())
            .collect();
        torn.sort();
        files.extend(torn);
    }
    files
}

/// The trash folder, made (0700) when missing. A link or a file in its place is refused:
/// sessions are never moved somewhere a link points to.
fn ensure_trash(sessions: &Path) -> Result<PathBuf, ManageError> {
    let trash = trash_dir(sessions);
    match fs::symlink_metadata(&trash) {
        Ok(meta) if meta.is_dir() => Ok(trash),
        Ok(_) => Err(ManageError::TrashNotPlain { trash }),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let mut builder = fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            match builder.create(&trash) {
                Ok(()) => Ok(trash),
                Err(source) => Err(ManageError::MakeTrash { trash, source }),
            }
        }
        Err(source) => Err(ManageError::ReadTrash { trash, source }),
    }
}

/// Moves `files` into `to`, keeping their names, never over a file that is there: all
/// names are checked first. A journal in use (locked by a running tafel) is refused.
fn move_all(files: &[PathBuf], to: &Path) -> Result<(), ManageError> {
    // The journal comes first (see `belonging`); no files: nothing to move.
    let Some(journal) = files.first() else {
        return Ok(());
    };
    let meta = fs::symlink_metadata(journal).map_err(|source| ManageError::Read {
        path: journal.clone(),
        source,
    })?;
    if !meta.is_file() {
        return Err(ManageError::NotPlainFile {
            path: journal.clone(),
        });
    }
    // Held while moving: a session running in another tafel keeps its file.
    let file = fs::File::open(journal).map_err(|source| JournalError::Open {
        path: journal.clone(),
        source,
    })?;
    if crate::storage::held::lock_exclusive(&file).is_err() {
        return Err(JournalError::Locked {
            path: journal.clone(),
        }
        .into());
    }
    let targets: Vec<PathBuf> = files
        .iter()
        .map(|f| to.join(f.file_name().unwrap_or_default()))
        .collect();
    if let Some(taken) = targets.iter().find(|t| fs::symlink_metadata(t).is_ok()) {
        return Err(ManageError::Exists {
            path: taken.clone(),
        });
    }
    // The journal last: until it moves, the session stays where it was, whole.
    for (from, target) in files.iter().zip(&targets).rev() {
        fs::rename(from, target).map_err(|source| ManageError::Move {
            path: from.clone(),
            source,
        })?;
    }
    for dir in [Some(to), journal.parent()].into_iter().flatten() {
        if let Ok(handle) = fs::File::open(dir) {
            let _ = handle.sync_all();
        }
    }
    Ok(())
}

/// Whether `path` is a journal directly in `sessions` (not in an archive, not elsewhere).
fn in_own_dir(sessions: &Path, path: &Path) -> bool {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    path.parent().map(canonical) == Some(canonical(sessions))
}

/// Moves the session at `path` (in `sessions`) into the trash. Returns where it is now.
pub fn move_to_trash(sessions: &Path, path: &Path) -> Result<PathBuf, ManageError> {
    if !in_own_dir(sessions, path) {
        return Err(ManageError::NotOwn {
            path: path.to_path_buf(),
            sessions: sessions.to_path_buf(),
        });
    }
    let trash = ensure_trash(sessions)?;
    move_all(&belonging(path), &trash)?;
    Ok(trash.join(path.file_name().unwrap_or_default()))
}

/// The sessions in the trash, sorted by name (oldest first). No trash: none.
pub fn trashed(sessions: &Path) -> Vec<PathBuf> {
    let trash = trash_dir(sessions);
    match fs::symlink_metadata(&trash) {
        Ok(meta) if meta.is_dir() => session_files(&trash),
        _ => Vec::new(),
    }
}

/// Puts the session `target` (an id or its beginning) from the trash back into `sessions`.
/// Returns where it is now.
pub fn restore(sessions: &Path, target: &str) -> Result<PathBuf, ManageError> {
    let trash = trash_dir(sessions);
    if !fs::symlink_metadata(&trash).is_ok_and(|m| m.is_dir()) {
        return Err(ManageError::TrashEmpty);
    }
    let id = target
        .trim()
        .strip_suffix(&format!(".{EXTENSION}"))
        .unwrap_or(target.trim());
    // Only an id: a path could name any file.
    if id.is_empty() || id.contains(['/', '\\']) {
        return Err(ManageError::NotAnId);
    }
    let path = resolve(&trash, Some(id))?;
    if !in_own_dir(&trash, &path) {
        return Err(ManageError::NotInTrash { id: id.to_string() });
    }
    move_all(&belonging(&path), sessions)?;
    Ok(sessions.join(path.file_name().unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "20261120-140000-koers-wat-aaaa";

    /// A sessions directory with one journal (moving does not read it).
    fn sessions() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join(format!("{ID}.{EXTENSION}"));
        fs::write(&journal, "{}\n").unwrap();
        (dir, journal)
    }

    #[test]
    fn restoring_says_which_request_cannot_be_met() {
        let (dir, journal) = sessions();
        let dir = dir.path();
        assert!(matches!(restore(dir, ID), Err(ManageError::TrashEmpty)));
        move_to_trash(dir, &journal).unwrap();
        assert!(matches!(restore(dir, "../x"), Err(ManageError::NotAnId)));
        assert!(matches!(
            restore(dir, "2027"),
            Err(ManageError::Resolve(ResolveError::NotFound { .. }))
        ));
        // Back while one of the same name is there again: nothing is overwritten.
        fs::write(&journal, "anders").unwrap();
        assert!(matches!(
            restore(dir, ID),
            Err(ManageError::Exists { path }) if path == journal
        ));
        fs::remove_file(&journal).unwrap();
        assert_eq!(restore(dir, ID).unwrap(), journal);
    }

    #[test]
    fn trashing_refuses_a_link_a_session_in_use_and_another_directory() {
        let (dir, journal) = sessions();
        let dir = dir.path();
        let elsewhere = tempfile::tempdir().unwrap();
        let other = elsewhere.path().join(format!("{ID}.{EXTENSION}"));
        fs::write(&other, "{}\n").unwrap();
        assert!(matches!(
            move_to_trash(dir, &other),
            Err(ManageError::NotOwn { .. })
        ));
        // Held by another open file, as a running tafel holds its journal.
        let held = fs::File::open(&journal).unwrap();
        held.lock().unwrap();
        assert!(matches!(
            move_to_trash(dir, &journal),
            Err(ManageError::Journal(JournalError::Locked { .. }))
        ));
        drop(held);
        fs::remove_dir(trash_dir(dir)).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(elsewhere.path(), trash_dir(dir)).unwrap();
            assert!(matches!(
                move_to_trash(dir, &journal),
                Err(ManageError::TrashNotPlain { .. })
            ));
            assert!(journal.exists());
        }
    }

    #[test]
    fn a_title_of_the_wrong_length_is_refused_before_the_journal_is_opened() {
        let (_dir, journal) = sessions();
        let wall = DateTime::parse_from_rfc3339("2026-11-20T15:00:00+01:00").unwrap();
        let long = "x".repeat(MAX_TITLE_CHARS + 1);
        for title in ["  ", long.as_str()] {
            assert!(matches!(
                rename_with_cache(&journal, title, wall, None),
                Err(RenameError::TitleLength)
            ));
        }
        assert_eq!(fs::read_to_string(&journal).unwrap(), "{}\n");
    }
}
