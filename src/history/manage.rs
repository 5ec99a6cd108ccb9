//! Managing past sessions: a new title (journaled, like everything else that changes a
//! session), and deleting, which only ever moves a session into the trash folder inside the
//! sessions directory, from where it can be put back. Nothing here unlinks a person's data.
//!
//! The trash is a subfolder, so the index (which reads the journals directly in the sessions
//! directory) no longer lists a session once it is there, and lists it again once it is back.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::resolve::{EXTENSION, resolve, session_files};
use crate::session::state::MAX_TITLE_CHARS;
use crate::session::{Event, Session};
use crate::tr;

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
) -> Result<Option<String>, String> {
    rename_with_cache(path, title, wall, crate::paths::cache_dir().as_deref())
}

/// [`rename`], with the index kept in `cache`.
pub fn rename_with_cache(
    path: &Path,
    title: &str,
    wall: DateTime<FixedOffset>,
    cache: Option<&Path>,
) -> Result<Option<String>, String> {
    let title = crate::text::visible(title.trim()).into_owned();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return Err(tr!(
            "een titel heeft 1 tot {MAX_TITLE_CHARS} tekens",
            "a title has 1 to {MAX_TITLE_CHARS} characters"
        ));
    }
    // An ended journal is not looked at again unless the index is told (see history::scan);
    // opening may already cut off an incomplete last line.
    super::index::mark_written(cache, path);
    let renamed = (|| {
        let (mut journal, loaded) =
            crate::storage::open_for_append(path).map_err(|e| e.to_string())?;
        let session = Session::from_records(&loaded.records)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if session.title == title {
            return Ok(None);
        }
        // The monotonic time of the last record: a title given afterwards takes no time.
        journal
            .append(vec![Event::SessionRenamed { title }], wall, session.last_t)
            .map_err(|e| e.to_string())?;
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
fn ensure_trash(sessions: &Path) -> Result<PathBuf, String> {
    let trash = trash_dir(sessions);
    match fs::symlink_metadata(&trash) {
        Ok(meta) if meta.is_dir() => Ok(trash),
        Ok(_) => Err(tr!(
            "{} is geen gewone map (een koppeling of een bestand); tafel gebruikt hem niet als prullenbak",
            "{} is not a plain folder (a link or a file); tafel does not use it as the trash",
            trash.display()
        )),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let mut builder = fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(&trash).map_err(|e| {
                tr!(
                    "kan de prullenbak {} niet maken: {}",
                    "cannot make the trash {}: {}",
                    trash.display(),
                    crate::storage::io_cause(&e)
                )
            })?;
            Ok(trash)
        }
        Err(err) => Err(tr!(
            "kan de prullenbak {} niet lezen: {}",
            "cannot read the trash {}: {}",
            trash.display(),
            crate::storage::io_cause(&err)
        )),
    }
}

/// Moves `files` into `to`, keeping their names, never over a file that is there: all
/// names are checked first. A journal in use (locked by a running tafel) is refused.
fn move_all(files: &[PathBuf], to: &Path) -> Result<(), String> {
    let journal = files.first().ok_or_else(|| "no files".to_string())?;
    let meta = fs::symlink_metadata(journal).map_err(|e| {
        tr!(
            "kan {} niet lezen: {}",
            "cannot read {}: {}",
            journal.display(),
            crate::storage::io_cause(&e)
        )
    })?;
    if !meta.is_file() {
        return Err(tr!(
            "{} is geen gewoon bestand (een koppeling?); tafel verplaatst het niet",
            "{} is not a plain file (a link?); tafel does not move it",
            journal.display()
        ));
    }
    // Held while moving: a session running in another tafel keeps its file.
    let file = fs::File::open(journal).map_err(|e| e.to_string())?;
    if file.try_lock().is_err() {
        return Err(tr!(
            "{}: deze sessie is geopend in een andere tafel; sluit die eerst",
            "{}: this session is open in another tafel; close that one first",
            journal.display()
        ));
    }
    let targets: Vec<PathBuf> = files
        .iter()
        .map(|f| to.join(f.file_name().unwrap_or_default()))
        .collect();
    if let Some(taken) = targets.iter().find(|t| fs::symlink_metadata(t).is_ok()) {
        return Err(tr!(
            "{} bestaat al; er wordt niets overschreven",
            "{} already exists; nothing is overwritten",
            taken.display()
        ));
    }
    // The journal last: until it moves, the session stays where it was, whole.
    for (from, target) in files.iter().zip(&targets).rev() {
        fs::rename(from, target).map_err(|e| {
            tr!(
                "kan {} niet verplaatsen: {}",
                "cannot move {}: {}",
                from.display(),
                crate::storage::io_cause(&e)
            )
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
pub fn move_to_trash(sessions: &Path, path: &Path) -> Result<PathBuf, String> {
    if !in_own_dir(sessions, path) {
        return Err(tr!(
            "{} staat niet in je eigen sessiemap {}; alleen je eigen sessies gaan naar de prullenbak",
            "{} is not in your own sessions directory {}; only your own sessions go to the trash",
            path.display(),
            sessions.display()
        ));
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
pub fn restore(sessions: &Path, target: &str) -> Result<PathBuf, String> {
    let trash = trash_dir(sessions);
    if !fs::symlink_metadata(&trash).is_ok_and(|m| m.is_dir()) {
        return Err(tr!("de prullenbak is leeg", "the trash is empty"));
    }
    let id = target
        .trim()
        .strip_suffix(&format!(".{EXTENSION}"))
        .unwrap_or(target.trim());
    // Only an id: a path could name any file.
    if id.is_empty() || id.contains(['/', '\\']) {
        return Err(tr!(
            "geef de id van een sessie in de prullenbak (zie `tafel sessions --trash`)",
            "give the id of a session in the trash (see `tafel sessions --trash`)"
        ));
    }
    let path = resolve(&trash, Some(id))?;
    if !in_own_dir(&trash, &path) {
        return Err(tr!(
            "geen sessie `{id}` in de prullenbak",
            "no session `{id}` in the trash"
        ));
    }
    move_all(&belonging(&path), sessions)?;
    Ok(sessions.join(path.file_name().unwrap_or_default()))
}
