//! The session index: summaries of the journals in one sessions directory, in SQLite with
//! full-text search (FTS5), so that listing and searching tens of thousands of sessions stays
//! instant.
//!
//! The journals stay the truth. The index is a cache in the user's cache directory (never in
//! the sessions directory, which may be a synced team folder), keyed by the directory's path:
//! - before every use, journals' length, modification time and inode are compared with what
//!   the index holds; only new, grown, replaced or removed journals are read again. Which
//!   journals are looked at depends on the directory's own stamp (see `history::scan`): when
//!   it is unchanged, only the journals that may still be written in place;
//! - (re)building commits in batches, so an interrupted rebuild resumes where it stopped;
//! - two processes may update at once: writes are SQLite transactions (with a busy timeout),
//!   and a process that sees another one's write in between does not vouch for the
//!   directory, so the next run reads it again;
//! - an unreadable, corrupt or older index is rebuilt; one that cannot be stored at all lives
//!   in memory for this run (slower, never wrong).

mod cache_file;
mod query;
mod rows;
mod schema;
mod sync;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::error::IndexError;
use crate::tr;
use cache_file::{create_private_dirs, create_private_file, remove_index_files};
use schema::SCHEMA;

pub use cache_file::{file_for, mark_written};
pub use query::{Found, MARK_END, MARK_START, Query, SNIPPETS, match_expression};
pub use schema::is_corrupt;
pub use sync::{Look, Synced};

/// How long a process waits for another one's write before giving up on the index.
const BUSY: Duration = Duration::from_secs(30);

/// How [`Index::open`] went, beyond "fine".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// The index file was used (or created).
    Stored,
    /// The index file was damaged and has been started anew.
    Rebuilt,
    /// No index file could be used (why): this run keeps the index in memory.
    InMemory(String),
}

pub struct Index {
    conn: Connection,
    dir: PathBuf,
    /// Where the index is stored; `None` when it lives in memory.
    pub file: Option<PathBuf>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("dir", &self.dir)
            .field("file", &self.file)
            .finish()
    }
}

impl Index {
    /// The index of the sessions directory `dir`, stored under `cache` (`None`: in memory).
    pub fn open(dir: &Path, cache: Option<&Path>) -> Result<(Index, Opened), IndexError> {
        let Some(cache) = cache else {
            return Index::in_memory(dir, tr!("geen cachemap", "no cache directory"));
        };
        let file = file_for(cache, dir);
        match Index::open_file(dir, &file) {
            Ok(index) => Ok((index, Opened::Stored)),
            Err(err) if is_corrupt(&err) => Index::rebuild(dir, &file),
            Err(err) => Index::in_memory(dir, err.to_string()),
        }
    }

    /// Throws the index file away and starts it anew.
    pub fn rebuild(dir: &Path, file: &Path) -> Result<(Index, Opened), IndexError> {
        remove_index_files(file);
        match Index::open_file(dir, file) {
            Ok(index) => Ok((index, Opened::Rebuilt)),
            Err(err) => Index::in_memory(dir, err.to_string()),
        }
    }

    fn in_memory(dir: &Path, why: String) -> Result<(Index, Opened), IndexError> {
        let conn = Connection::open_in_memory()
            .and_then(|conn| {
                conn.execute_batch(SCHEMA)?;
                Ok(conn)
            })
            .map_err(IndexError::Create)?;
        let index = Index {
            conn,
            dir: dir.to_path_buf(),
            file: None,
        };
        Ok((index, Opened::InMemory(why)))
    }

    fn open_file(dir: &Path, file: &Path) -> rusqlite::Result<Index> {
        let io = |e: std::io::Error| {
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                Some(format!("{}: {e}", file.display())),
            )
        };
        if let Some(parent) = file.parent() {
            create_private_dirs(parent).map_err(io)?;
        }
        create_private_file(file).map_err(io)?;
        let conn = Connection::open_with_flags(
            file,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY)?;
        // Readers never wait for a writer; a cache needs no fsync per transaction.
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        conn.execute_batch("PRAGMA synchronous = NORMAL")?;
        let mut index = Index {
            conn,
            dir: dir.to_path_buf(),
            file: Some(file.to_path_buf()),
        };
        index.prepare_schema()?;
        Ok(index)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}
