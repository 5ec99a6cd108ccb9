//! Following a session's journal from a second process (`tafel room`): read-only, no lock,
//! never in the facilitator's way. The file is read from where the last read stopped; a torn
//! last line waits for its newline; a journal that was replaced or shrank is read again from
//! the start. The records are folded with the same code as live, resume and replay.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::keymap::{Binding, Keymap, Words, ch, ctrl, key};
use crate::keys::KeyCode;
use crate::session::{Record, Session};

/// The room screen has one key: leave. Everything else happens on the facilitator's screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomKey {
    Leave,
}

pub static ROOM: Keymap<RoomKey> = Keymap {
    title: Words("Zaalscherm (`tafel room`)", "Room screen (`tafel room`)"),
    bindings: &[Binding {
        keys: &[
            (ch('q'), RoomKey::Leave),
            (key(KeyCode::Esc), RoomKey::Leave),
            (ctrl('c'), RoomKey::Leave),
        ],
        label: Words("q / Esc", "q / Esc"),
        help: Words(
            "zaalscherm sluiten (de sessie loopt door)",
            "close the room screen (the session goes on)",
        ),
        hint: None,
    }],
};

/// A journal being followed.
pub struct Follower {
    path: PathBuf,
    file: Option<File>,
    /// Identity of the open file (device, inode), to notice a replaced journal.
    identity: Option<(u64, u64)>,
    /// Bytes read so far, up to the end of the last complete line.
    offset: u64,
    /// An incomplete last line, waiting for the rest.
    partial: Vec<u8>,
    pub session: Option<Session>,
}

impl Follower {
    pub fn new(path: PathBuf) -> Follower {
        Follower {
            path,
            file: None,
            identity: None,
            offset: 0,
            partial: Vec::new(),
            session: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads what was added since the last call. Returns whether the session changed.
    pub fn refresh(&mut self) -> bool {
        let Ok(meta) = std::fs::metadata(&self.path) else {
            return false;
        };
        let identity = file_identity(&meta);
        if self.file.is_none() || self.identity != Some(identity) || meta.len() < self.offset {
            return self.reload();
        }
        if meta.len() == self.offset + self.partial.len() as u64 {
            return false;
        }
        match self.read_new() {
            Some(changed) => changed,
            None => self.reload(),
        }
    }

    /// Reads the whole file again (first time, replaced, shrunk or not fitting).
    fn reload(&mut self) -> bool {
        let before = self.session.clone();
        self.file = None;
        self.offset = 0;
        self.partial.clear();
        let Ok(file) = File::open(&self.path) else {
            return false;
        };
        if let Ok(meta) = file.metadata() {
            self.identity = Some(file_identity(&meta));
        }
        self.file = Some(file);
        self.session = None;
        if self.read_new().is_none() {
            // Damage before the last line: what `load` makes of it (it reports the damage;
            // the room keeps the last state it could read).
            if let Ok(loaded) = crate::storage::load(&self.path) {
                self.session = Session::from_records(&loaded.records).ok();
            }
        }
        if self.session.is_none() {
            self.session = before.clone();
        }
        self.session != before
    }

    /// Reads complete new lines and applies them. `None`: something did not fit.
    fn read_new(&mut self) -> Option<bool> {
        let file = self.file.as_mut()?;
        let start = self.offset + self.partial.len() as u64;
        file.seek(SeekFrom::Start(start)).ok()?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).ok()?;
        self.partial.extend_from_slice(&bytes);
        let mut changed = false;
        while let Some(end) = self.partial.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.partial.drain(..=end).collect();
            self.offset += line.len() as u64;
            let record: Record = serde_json::from_slice(&line[..line.len() - 1]).ok()?;
            match &mut self.session {
                None => self.session = Some(Session::start(&record).ok()?),
                Some(session) => session.apply(&record).ok()?,
            }
            changed = true;
        }
        Some(changed)
    }
}

#[cfg(unix)]
fn file_identity(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn file_identity(meta: &std::fs::Metadata) -> (u64, u64) {
    (0, meta.len())
}

/// Whether a process has the journal open for appending: it holds the journal's lock.
/// `None`: this system does not say (then the checkpoints tell, see [`silent_too_long`]).
/// Taking no lock itself (see `storage::held`), the room never makes a facilitator's
/// `tafel resume` fail with "in gebruik".
pub fn facilitator_present(path: &Path) -> Option<bool> {
    crate::storage::held::HeldJournals::now()?.holding(path)
}

/// Without lock information: a running timer writes a checkpoint every few seconds, so a long
/// silence while it runs means the facilitator's process is gone.
pub fn silent_too_long(session: &Session, wall: DateTime<FixedOffset>) -> bool {
    let running = session.current.is_some() && session.timer.is_running();
    let quiet_ms = (wall - session.last_at).num_milliseconds();
    running && quiet_ms > (crate::app::CHECKPOINT_EVERY_MS as i64) * 2 + 1_000
}

/// The session's monotonic time now, estimated from its last record and the wall clock
/// (the same machine's clock: the facilitator's process wrote `at` and `t` together).
pub fn session_t(session: &Session, wall: DateTime<FixedOffset>) -> u64 {
    let since = (wall - session.last_at).num_milliseconds().max(0) as u64;
    session.last_t + since
}

/// The session `tafel room` follows without an id: among the newest files, one that is
/// open in a running tafel; else the newest that has not ended. Solo reflection is private:
/// the room never follows it on its own accord (only when named).
pub fn running_session(dir: &Path) -> Option<PathBuf> {
    let files = crate::history::resolve::session_files(dir);
    let shared: Vec<(&PathBuf, Session)> = files
        .iter()
        .rev()
        .take(10)
        .filter_map(|path| {
            let loaded = crate::storage::load(path).ok()?;
            let session = Session::from_records(&loaded.records).ok()?;
            (session.plan.id != crate::rules::SOLO_PLAN).then_some((path, session))
        })
        .collect();
    if let Some((open, _)) = shared
        .iter()
        .find(|(path, _)| facilitator_present(path) == Some(true))
    {
        return Some((*open).clone());
    }
    shared
        .into_iter()
        .find(|(_, session)| !session.ended)
        .map(|(path, _)| path.clone())
}
