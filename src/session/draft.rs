//! The note the facilitator is typing but has not saved yet. It is kept next to the session
//! file (`<session file>.draft`, mode 0600) and replaced atomically, so a crash or a killed
//! terminal never loses more than the last few keystrokes, and never leaves a half-written
//! draft behind.

use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::session::event::NoteKind;
use crate::session::journal::{parent_dir, sync_dir};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Draft {
    pub kind: NoteKind,
    /// The id of the note being corrected, or `None` for a new note.
    pub editing: Option<u64>,
    pub text: String,
    pub owner: String,
    pub due: String,
}

/// `<session file>.draft`.
pub fn draft_path(session: &Path) -> PathBuf {
    with_suffix(session, ".draft")
}

/// The temporary file a draft is written to before it replaces the old one. Its name is fixed,
/// so a leftover from a crash is overwritten by the next save and removed by `clear_draft`.
fn temp_path(session: &Path) -> PathBuf {
    with_suffix(session, ".draft.tmp")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Saves the draft atomically: a 0600 temporary file in the same directory, fsynced, renamed
/// over the old draft, then the directory fsynced.
pub fn save_draft(session: &Path, draft: &Draft) -> io::Result<()> {
    let temp = temp_path(session);
    let result = write_temp(&temp, draft).and_then(|()| {
        fs::rename(&temp, draft_path(session))?;
        sync_dir(parent_dir(session))
    });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_temp(temp: &Path, draft: &Draft) -> io::Result<()> {
    let bytes = serde_json::to_vec(draft).map_err(io::Error::other)?;
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(temp)?;
    #[cfg(unix)]
    {
        // A leftover temporary file keeps its old mode when opened; notes are private.
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(&bytes)?;
    file.sync_all()
}

/// The saved draft, or `None` when there is none or it cannot be read.
pub fn load_draft(session: &Path) -> Option<Draft> {
    let bytes = fs::read(draft_path(session)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Removes the draft (after its note was saved, or when it was discarded) durably, so a crash
/// cannot bring back a draft that was already saved as a note. A missing draft is fine.
pub fn clear_draft(session: &Path) -> io::Result<()> {
    let mut removed = false;
    for path in [draft_path(session), temp_path(session)] {
        match fs::remove_file(&path) {
            Ok(()) => removed = true,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    if removed {
        sync_dir(parent_dir(session))?;
    }
    Ok(())
}
