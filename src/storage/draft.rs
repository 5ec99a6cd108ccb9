//! Text the facilitator is typing but has not saved as a note yet. It is kept next to the
//! session file (`<session file>.draft`, mode 0600) and replaced atomically, so a crash or a
//! killed terminal never loses more than the last few keystrokes.
//!
//! The file holds every unsaved text at once — a new note and any corrections being made —
//! so working on one never overwrites another. Nothing here follows a symlink: the draft is
//! written through a fresh temporary file (`O_EXCL`, random name) renamed into place, and a
//! draft that is a symlink, not a regular file, or not readable is set aside, never read
//! through or silently deleted.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chrono::Local;

use crate::storage::journal::{parent_dir, sync_dir};

pub use crate::session::draft::Draft;

/// A draft file larger than this is not a draft tafel wrote (notes are at most 20,000
/// characters): it is set aside rather than read into memory.
const MAX_DRAFT_BYTES: u64 = 4 << 20;

/// `<session file>.draft`.
pub fn draft_path(session: &Path) -> PathBuf {
    with_suffix(session, ".draft")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// The name of the temporary file older versions used; removed when drafts are cleared.
fn legacy_temp_path(session: &Path) -> PathBuf {
    with_suffix(session, ".draft.tmp")
}

/// Keeps exactly these drafts: written atomically (a new 0600 temporary file in the same
/// directory, fsynced, renamed over the old draft, the directory fsynced). No drafts: the
/// file is removed.
pub fn save_drafts(session: &Path, drafts: &[Draft]) -> io::Result<()> {
    crate::storage::fault::disk_full()?;
    if drafts.is_empty() {
        return clear_drafts(session);
    }
    let bytes = serde_json::to_vec(drafts).map_err(io::Error::other)?;
    let dir = parent_dir(session);
    // `tempfile` creates the file with O_EXCL under a random name, mode 0600: a symlink
    // planted in the sessions directory cannot redirect the write.
    let mut temp = tempfile::Builder::new()
        .prefix(".tafel-draft-")
        .tempfile_in(dir)?;
    temp.write_all(&bytes)?;
    temp.as_file().sync_all()?;
    // rename(2) replaces a symlink at the destination; it never writes through it.
    temp.persist(draft_path(session)).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Removes the drafts (after their notes were saved) durably, so a crash cannot bring back
/// text that is already a note. A missing draft is fine.
pub fn clear_drafts(session: &Path) -> io::Result<()> {
    let mut removed = false;
    for path in [draft_path(session), legacy_temp_path(session)] {
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

/// What was found next to a session.
#[derive(Debug, Default, PartialEq)]
pub struct Found {
    /// The unsaved texts, oldest change first.
    pub drafts: Vec<Draft>,
    /// A draft file that could not be used, moved here untouched (and why).
    pub set_aside: Option<(PathBuf, UnusableDraft)>,
}

/// Why a file where the drafts belong is not read as drafts.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnusableDraft {
    /// The system's words for why it could not be read.
    #[error("{0}")]
    Unreadable(String),
    #[error("{}", crate::tr!(
        "het is een symbolische koppeling; tafel volgt die niet",
        "it is a symbolic link; tafel does not follow it"
    ))]
    Symlink,
    #[error("{}", crate::tr!("het is geen gewoon bestand", "it is not a regular file"))]
    NotAFile,
    #[error("{}", crate::tr!("het is te groot", "it is too large"))]
    TooLarge,
    #[error("{}", crate::tr!(
        "de inhoud is geen concept van tafel",
        "its content is not a tafel draft"
    ))]
    NotADraft,
}

/// Reads the drafts. A draft file that is not one (damaged, foreign, a symlink, a FIFO, too
/// big) is renamed to `<draft>.unreadable-<time>` so it is neither lost nor overwritten, and
/// reported; if even that fails it is left where it is and still reported.
pub fn load_drafts(session: &Path) -> Found {
    let path = draft_path(session);
    match read_draft_file(&path) {
        Ok(None) => Found::default(),
        Ok(Some(drafts)) => Found {
            drafts,
            set_aside: None,
        },
        Err(reason) => {
            let side = side_path(&path);
            let kept = match fs::rename(&path, &side) {
                Ok(()) => {
                    let _ = sync_dir(parent_dir(&path));
                    side
                }
                Err(_) => path,
            };
            Found {
                drafts: Vec::new(),
                set_aside: Some((kept, reason)),
            }
        }
    }
}

fn side_path(path: &Path) -> PathBuf {
    let stamp = Local::now().format("%Y%m%d-%H%M%S");
    let base = with_suffix(path, &format!(".unreadable-{stamp}"));
    let mut side = base.clone();
    let mut n = 1;
    while fs::symlink_metadata(&side).is_ok() && n < 100 {
        n += 1;
        side = with_suffix(&base, &format!("-{n}"));
    }
    side
}

/// `Ok(None)`: there is no draft. `Err`: there is a file, and why it is not a draft.
fn read_draft_file(path: &Path) -> Result<Option<Vec<Draft>>, UnusableDraft> {
    let unreadable = |e: io::Error| UnusableDraft::Unreadable(e.to_string());
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    if meta.file_type().is_symlink() {
        return Err(UnusableDraft::Symlink);
    }
    if !meta.is_file() {
        return Err(UnusableDraft::NotAFile);
    }
    if meta.len() > MAX_DRAFT_BYTES {
        return Err(UnusableDraft::TooLarge);
    }
    let mut bytes = Vec::new();
    open_no_follow(path)
        .and_then(|file| file.take(MAX_DRAFT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    parse(&bytes).map(Some).ok_or(UnusableDraft::NotADraft)
}

/// The current format is a list; a single object is what tafel wrote before corrections
/// and new notes were kept side by side.
fn parse(bytes: &[u8]) -> Option<Vec<Draft>> {
    if let Ok(list) = serde_json::from_slice::<Vec<Draft>>(bytes) {
        return Some(list);
    }
    serde_json::from_slice::<Draft>(bytes).ok().map(|d| vec![d])
}

fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Between the check above and this open the name could be swapped for a link.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}
