//! The index's SQLite schema and its `meta` table: the version that decides a rebuild, and
//! the generation that tells a process whether another one wrote in between.

use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};

use super::Index;
use super::cache_file::canonical;

/// Bump when the schema or what a summary holds changes: an index of another version is
/// rebuilt from the journals.
const VERSION: i64 = 5;

pub(super) const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    len INTEGER NOT NULL,
    modified_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    -- The inode number in the directory entry: compared without a stat.
    dirent_ino INTEGER NOT NULL DEFAULT 0,
    -- Ended, complete, readable and a plain file: not stat'ed on every look (see scan.rs).
    settled INTEGER NOT NULL DEFAULT 0,
    -- Why the journal could not be read; NULL when it could, and then the summary follows.
    problem TEXT,
    sid TEXT,
    started_us INTEGER,
    started TEXT,
    title TEXT,
    plan_id TEXT,
    plan_title TEXT,
    spent_ms INTEGER,
    notes INTEGER,
    agreements INTEGER,
    ended INTEGER,
    torn INTEGER
);
-- What only the look-back screen, follow-ups and --open need, apart, so that long listings
-- read narrow rows. JSON lists, NULL when empty.
CREATE TABLE details (
    id INTEGER PRIMARY KEY,
    participants TEXT,
    open_agreements TEXT,
    reviews TEXT
);
CREATE INDEX files_newest ON files (started_us DESC, sid DESC) WHERE problem IS NULL;
-- Comparing journals' stamps, counting and naming the unreadable ones read these small
-- indexes, never the wide rows.
CREATE INDEX files_stamps ON files (name, dirent_ino, settled, len, modified_ns, inode);
CREATE INDEX files_watched ON files (name, len, modified_ns, inode, dirent_ino) WHERE settled = 0;
CREATE INDEX files_written ON files (modified_ns);
CREATE INDEX files_problems ON files (name) WHERE problem IS NOT NULL;
CREATE VIRTUAL TABLE search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO meta (key, value) VALUES ('generation', 0);
";

pub fn is_corrupt(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

impl Index {
    /// Creates the tables, or starts anew when they are of another version or describe
    /// another directory (two paths with the same hash: never seen, but cheap to rule out).
    pub(super) fn prepare_schema(&mut self) -> rusqlite::Result<()> {
        let key = canonical(&self.dir).to_string_lossy().into_owned();
        let current = |conn: &Connection| -> rusqlite::Result<bool> {
            let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if version != VERSION {
                return Ok(false);
            }
            let dir: Option<String> = conn
                .query_row("SELECT value FROM meta WHERE key = 'dir'", [], |r| r.get(0))
                .optional()?;
            Ok(dir.as_deref() == Some(key.as_str()))
        };
        if current(&self.conn)? {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have done it while this one waited.
        if !current(&tx)? {
            tx.execute_batch(
                "DROP TABLE IF EXISTS search; DROP TABLE IF EXISTS details; \
                 DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS meta;",
            )?;
            tx.execute_batch(SCHEMA)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('dir', ?1)",
                params![key],
            )?;
            tx.execute_batch(&format!("PRAGMA user_version = {VERSION}"))?;
        }
        tx.commit()
    }
}

pub(super) fn generation_of(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
        r.get(0)
    })
}

/// Counts this write; whether another process wrote since this one last looked.
pub(super) fn bump_generation(conn: &Connection, expected: &mut i64) -> rusqlite::Result<bool> {
    let now = generation_of(conn)?;
    conn.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'generation'",
        params![now + 1],
    )?;
    let raced = now != *expected;
    *expected = now + 1;
    Ok(raced)
}

pub(super) fn meta_value<T: rusqlite::types::FromSql>(
    conn: &Connection,
    key: &str,
) -> rusqlite::Result<Option<T>> {
    conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row(params![key], |r| r.get::<_, Option<T>>(0))
        .optional()
        .map(Option::flatten)
}

pub(super) fn set_meta<T: rusqlite::ToSql>(
    conn: &Connection,
    key: &str,
    value: Option<T>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])
    .map(|_| ())
}
