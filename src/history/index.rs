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

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use rusqlite::{
    Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params,
};

use super::error::IndexError;
use super::names::{self, KnownNames};
use super::scan::{self, DirStamp, Known, Seen, Stamp};
use super::summary::{OpenAgreement, Review, Summary, SummaryError, summarize};
use crate::tr;

/// Bump when the schema or what a summary holds changes: an index of another version is
/// rebuilt from the journals.
const VERSION: i64 = 5;
/// Journals summarised per transaction while (re)building.
const BATCH: usize = 500;
/// How long a process waits for another one's write before giving up on the index.
const BUSY: Duration = Duration::from_secs(30);
/// Journals written less than this long ago may still be being written in place (a copy
/// under way that happens to end like a session): they are stat'ed on every look, ended or
/// not.
const RECENT_NS: i64 = 10 * 1_000_000_000;
/// How often every journal is stat'ed anyway, as a safety net for another program that
/// writes into an ended journal in place (tafel itself says so when it does, see
/// [`mark_written`]).
const VERIFY_EVERY_NS: i64 = 24 * 3600 * 1_000_000_000;
/// A directory changed less than this long ago could change again within the same
/// (coarse) modification time: its stamp is not vouched for yet.
const SETTLE_NS: i64 = 2 * 1_000_000_000;
/// Search results that show the matching words in context: the best ones.
pub const SNIPPETS: usize = 100;
/// Marks around the matching words in a snippet (never typed in a session: control characters
/// are removed from what is typed).
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

const SCHEMA: &str = "
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

/// The columns a summary is made of, in the order [`summary_from_row`] reads them, then the
/// stamp the index holds (read by [`known_from_columns`], to check a shown row is current).
const COLUMNS: &str = "files.name, files.sid, files.started, files.title, files.plan_id, \
    files.plan_title, files.spent_ms, files.notes, files.agreements, files.ended, files.torn, \
    details.participants, details.open_agreements, details.reviews, \
    files.len, files.modified_ns, files.inode, files.dirent_ino, files.settled";
/// The column after [`COLUMNS`] (and [`LIGHT_COLUMNS`]).
const AFTER_COLUMNS: usize = 19;
/// The tables [`COLUMNS`] come from.
const TABLES: &str = "files LEFT JOIN details ON details.id = files.id";
/// The same without the lists (participants, agreements, reviews), for long listings.
const LIGHT_COLUMNS: &str = "files.name, files.sid, files.started, files.title, files.plan_id, \
    files.plan_title, files.spent_ms, files.notes, files.agreements, files.ended, files.torn, \
    NULL, NULL, NULL, files.len, files.modified_ns, files.inode, files.dirent_ino, files.settled";

/// Rows read to be shown, each with its journal's name and what the index knows of it.
type Shown<T> = Vec<(T, (String, Known))>;

/// FNV-1a, 64 bits: stable across Rust versions (unlike `DefaultHasher`), which matters for
/// names of files kept between runs.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

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

/// The index file for the sessions directory `dir` inside `cache`: the directory's last
/// name (to recognise it) and a hash of its full canonical path (to keep directories apart).
pub fn file_for(cache: &Path, dir: &Path) -> PathBuf {
    let key = canonical(dir);
    let mut hash = Fnv::default();
    hash.write(key.as_os_str().as_encoded_bytes());
    let slug: String = key
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(40)
        .collect();
    cache
        .join("index")
        .join(format!("{slug}-{:016x}.sqlite3", hash.0))
}

fn canonical(dir: &Path) -> PathBuf {
    dir.canonicalize()
        .unwrap_or_else(|_| std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf()))
}

pub fn is_corrupt(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
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

    /// Creates the tables, or starts anew when they are of another version or describe
    /// another directory (two paths with the same hash: never seen, but cheap to rule out).
    fn prepare_schema(&mut self) -> rusqlite::Result<()> {
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

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Brings the index in line with the journals as they are now, looking as cheaply as is
    /// safe (see `history::scan`). `progress` hears how many of how many journals to
    /// (re)read are done, after each batch.
    pub fn sync(&mut self, progress: &mut dyn FnMut(usize, usize)) -> rusqlite::Result<Synced> {
        self.sync_at(scan::now_ns(), progress)
    }

    /// [`Index::sync`] as if the clock said `started` (ns since 1970).
    pub fn sync_at(
        &mut self,
        started: i64,
        progress: &mut dyn FnMut(usize, usize),
    ) -> rusqlite::Result<Synced> {
        // Read before the entries: a change made while they are read changes it again.
        let dir_stamp = DirStamp::of(&self.dir);
        let recent_since = started.saturating_sub(RECENT_NS);
        let (changes, look, trusted, mut generation) = {
            let tx = self.conn.transaction()?;
            let generation = generation_of(&tx)?;
            let verified_at: Option<i64> = meta_value(&tx, "verified_at")?;
            let verified =
                verified_at.is_some_and(|at| at <= started && started - at < VERIFY_EVERY_NS);
            let trusted: Option<String> = meta_value(&tx, "trusted_dir")?;
            let quick =
                verified && dir_stamp.is_some_and(|d| trusted.as_deref() == Some(d.key().as_str()));
            let changes = if quick {
                scan::quick(&self.dir, &watched(&tx, recent_since)?)
            } else {
                None
            };
            let (changes, look) = match changes {
                Some(changes) => (changes, Look::Quick),
                None => {
                    // The directory is read (and sorted) while the index is, and the journals
                    // to be stat'ed anyway are: each takes a while at 50,000.
                    let dir = &self.dir;
                    let full = !verified;
                    let (listed, known) = std::thread::scope(|scope| {
                        let reading = scope.spawn(|| {
                            let mut listed = names::journals_in(dir);
                            listed.sort();
                            listed
                        });
                        let known = known(&tx).map(|known| {
                            let early = scan::early_stamps(dir, &known, full, recent_since);
                            (known, early)
                        });
                        let listed = reading
                            .join()
                            .unwrap_or_else(|e| std::panic::resume_unwind(e));
                        (listed, known)
                    });
                    let (known, early) = known?;
                    (
                        scan::listing(dir, &listed, &known, &early, full, recent_since),
                        if verified { Look::Listing } else { Look::Full },
                    )
                }
            };
            tx.commit()?;
            (changes, look, trusted, generation)
        };
        let full = look == Look::Full;
        let mut raced = self.read_journals(&changes.stale, &mut generation, progress)?;
        // The directory's stamp is vouched for only when nothing can hide behind it: no other
        // process wrote meanwhile, no odd names to list, and old enough that a change after
        // this look cannot carry the same modification time (timestamps are coarse).
        let vouched_dir = dir_stamp
            .filter(|d| d.modified_ns < started.saturating_sub(SETTLE_NS))
            .filter(|_| changes.odd_names.is_empty())
            .map(|d| d.key());
        let nothing_to_write = changes.stale.is_empty()
            && changes.removed.is_empty()
            && changes.renumbered.is_empty()
            && !full
            && trusted == vouched_dir;
        if nothing_to_write {
            // Only read: no write lock taken, no other process kept waiting.
            return Ok(Synced {
                odd_names: changes.odd_names,
                look,
            });
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        raced |= bump_generation(&tx, &mut generation)?;
        for name in &changes.removed {
            delete_entry(&tx, name)?;
        }
        for (name, ino) in &changes.renumbered {
            tx.prepare_cached("UPDATE files SET dirent_ino = ?2 WHERE name = ?1")?
                .execute(params![name, ino])?;
        }
        // Only a process that saw no other write since it read the index may vouch for the
        // directory; otherwise the next run lists it again.
        set_meta(&tx, "trusted_dir", vouched_dir.filter(|_| !raced))?;
        if full && !raced {
            set_meta(&tx, "verified_at", Some(started))?;
        }
        tx.commit()?;
        Ok(Synced {
            odd_names: changes.odd_names,
            look,
        })
    }

    /// Reads the `stale` journals (on every core) and writes what they give (from this
    /// thread, a batch per transaction). Whether another process wrote to the index since
    /// `generation`.
    fn read_journals(
        &self,
        stale: &[Seen],
        generation: &mut i64,
        progress: &mut dyn FnMut(usize, usize),
    ) -> rusqlite::Result<bool> {
        let mut raced = false;
        let dir = &self.dir;
        let conn = &self.conn;
        let total = stale.len();
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| -> rusqlite::Result<()> {
            let (send, receive) = std::sync::mpsc::sync_channel(BATCH * 2);
            for _ in 0..threads().min(total) {
                let send = send.clone();
                let next = &next;
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(seen) = stale.get(i) else {
                            break;
                        };
                        // The writer stopped (an error): no use reading on.
                        if send
                            .send((i, summarize_safely(&dir.join(&seen.name))))
                            .is_err()
                        {
                            break;
                        }
                    }
                });
            }
            drop(send);
            let mut batch = Vec::with_capacity(BATCH);
            let mut done = 0;
            for item in receive.iter() {
                batch.push(item);
                if batch.len() < BATCH && done + batch.len() < total {
                    continue;
                }
                let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
                raced |= bump_generation(&tx, generation)?;
                for (i, summary) in batch.drain(..) {
                    write_entry(&tx, &stale[i], summary)?;
                    done += 1;
                }
                tx.commit()?;
                progress(done, total);
            }
            Ok(())
        })?;
        Ok(raced)
    }

    /// `read` (rows shown to the user, each with what the index knows of its journal), with
    /// those journals stat'ed first: the quick look (see `history::scan`) does not stat an
    /// ended journal, which another program may have rewritten in place. Changed ones are
    /// read again and `read` runs again — and its rows are checked in turn, since a row may
    /// come in that was not there the first time (a few rounds at most; then the rows are
    /// shown as the index has them). Cheap: one `stat` per row shown.
    fn fresh<T>(
        &self,
        read: impl Fn(&Index) -> rusqlite::Result<Shown<T>>,
    ) -> rusqlite::Result<Vec<T>> {
        const ROUNDS: usize = 3;
        for _ in 0..ROUNDS {
            let found = read(self)?;
            // Borrowed names, and the rows kept in place: a full listing of 50,000 sessions
            // is not held twice.
            let shown: Vec<(&str, Known)> = found
                .iter()
                .map(|(_, (name, known))| (name.as_str(), *known))
                .collect();
            let changes = scan::restat(&self.dir, &shown);
            drop(shown);
            if changes.stale.is_empty() && changes.removed.is_empty() {
                return Ok(found.into_iter().map(|(row, _)| row).collect());
            }
            drop(found);
            let mut generation = generation_of(&self.conn)?;
            self.read_journals(&changes.stale, &mut generation, &mut |_, _| {})?;
            if !changes.removed.is_empty() {
                let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
                bump_generation(&tx, &mut generation)?;
                for name in &changes.removed {
                    delete_entry(&tx, name)?;
                }
                tx.commit()?;
            }
        }
        Ok(read(self)?.into_iter().map(|(row, _)| row).collect())
    }

    /// Readable sessions in the index.
    pub fn count(&self) -> rusqlite::Result<usize> {
        self.conn
            // All rows less the unreadable ones: SQLite counts a whole table without reading
            // its rows, ten times faster at 50,000 than counting the readable ones.
            .query_row(
                "SELECT (SELECT count(*) FROM files) \
                 - (SELECT count(*) FROM files WHERE problem IS NOT NULL)",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as usize)
    }

    /// Newest first (`search`: best match first, with the matching words in context).
    /// `details`: also participants, open agreements and reviews. The journals of the rows
    /// found are checked to be unchanged (see [`Index::fresh`]).
    pub fn query(&self, query: &Query) -> rusqlite::Result<Vec<Found>> {
        self.fresh(|index| index.query_once(query))
    }

    fn query_once(&self, query: &Query) -> rusqlite::Result<Shown<Found>> {
        let (columns, details) = if query.details {
            (COLUMNS, " LEFT JOIN details ON details.id = files.id")
        } else {
            (LIGHT_COLUMNS, "")
        };
        let limit = query
            .limit
            .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let interrupted = if query.interrupted_only {
            "AND files.ended = 0"
        } else {
            ""
        };
        let read = |row: &rusqlite::Row| -> rusqlite::Result<(Found, (String, Known))> {
            let (name, summary) = summary_from_row(row)?;
            let found = Found {
                path: self.dir.join(&name),
                summary,
                snippet: None,
                rank: 0.0,
                archive: false,
            };
            Ok((found, (name, known_from_columns(row)?)))
        };
        match query.search.as_deref().and_then(match_expression) {
            None => {
                let sql = format!(
                    "SELECT {columns} FROM files{details} WHERE files.problem IS NULL {interrupted} \
                     ORDER BY files.started_us DESC, files.sid DESC LIMIT ?1"
                );
                let mut statement = self.conn.prepare_cached(&sql)?;
                let rows = statement.query_map(params![limit], read)?;
                rows.collect()
            }
            Some(expression) => {
                // The order first, sorting small rows (rank, start, id)…
                let sql = format!(
                    "WITH hit AS MATERIALIZED ( \
                       SELECT rowid, rank FROM search WHERE search MATCH ?1) \
                     SELECT files.id, hit.rank FROM hit JOIN files ON files.id = hit.rowid \
                     WHERE files.problem IS NULL {interrupted} \
                     ORDER BY hit.rank, files.started_us DESC, files.sid DESC LIMIT ?2"
                );
                let order: Vec<(i64, f64)> = self
                    .conn
                    .prepare_cached(&sql)?
                    .query_map(params![expression, limit], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                // …then the rows shown, put back in that order.
                let ids =
                    serde_json::to_string(&order.iter().map(|(id, _)| *id).collect::<Vec<_>>())
                        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                let sql = format!(
                    "SELECT {columns}, ids.key FROM json_each(?1) AS ids \
                     JOIN files ON files.id = ids.value{details}"
                );
                let mut found: Vec<(usize, Found, (String, Known))> =
                    Vec::with_capacity(order.len());
                let mut statement = self.conn.prepare_cached(&sql)?;
                let mut rows = statement.query(params![ids])?;
                while let Some(row) = rows.next()? {
                    let (name, summary) = summary_from_row(row)?;
                    let known = known_from_columns(row)?;
                    let at =
                        usize::try_from(row.get::<_, i64>(AFTER_COLUMNS)?).unwrap_or(usize::MAX);
                    let Some((_, rank)) = order.get(at) else {
                        continue;
                    };
                    let hit = Found {
                        path: self.dir.join(&name),
                        summary,
                        snippet: None,
                        rank: *rank,
                        archive: false,
                    };
                    found.push((at, hit, (name, known)));
                }
                found.sort_unstable_by_key(|(at, _, _)| *at);
                // The words in context for the best matches only: making a snippet means
                // reading the text again, too slow for tens of thousands of matches.
                let ids: Vec<String> = found
                    .iter()
                    .take(SNIPPETS)
                    .map(|(at, _, _)| order[*at].0.to_string())
                    .collect();
                if !ids.is_empty() {
                    // One search for all of them: each search merges the lists of every word
                    // that starts with what was typed. The `+` keeps the ids a filter on that
                    // one pass; as a constraint FTS5 would search again for every id.
                    let sql = format!(
                        "SELECT rowid, snippet(search, 0, char(2), char(3), '…', 12) \
                         FROM search WHERE search MATCH ?1 AND +rowid IN ({})",
                        ids.join(",")
                    );
                    let mut statement = self.conn.prepare(&sql)?;
                    let snippets: HashMap<i64, String> = statement
                        .query_map(params![expression], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect::<rusqlite::Result<_>>()?;
                    for (at, hit, _) in found.iter_mut().take(SNIPPETS) {
                        hit.snippet = snippets.get(&order[*at].0).cloned();
                    }
                }
                Ok(found
                    .into_iter()
                    .map(|(_, hit, known)| (hit, known))
                    .collect())
            }
        }
    }

    /// How many sessions a search finds (all of them without a search).
    pub fn count_matching(&self, search: Option<&str>) -> rusqlite::Result<usize> {
        match search.and_then(match_expression) {
            None => self.count(),
            Some(expression) => self
                .conn
                .query_row(
                    "SELECT count(*) FROM search JOIN files ON files.id = search.rowid \
                     WHERE search MATCH ?1 AND files.problem IS NULL",
                    params![expression],
                    |r| r.get::<_, i64>(0),
                )
                .map(|n| n as usize),
        }
    }

    /// Sessions with open agreements or reviews of earlier ones, newest first, in full (their
    /// journals checked to be unchanged, see [`Index::fresh`]).
    pub fn with_agreements(&self) -> rusqlite::Result<Vec<Found>> {
        self.fresh(Index::with_agreements_once)
    }

    fn with_agreements_once(&self) -> rusqlite::Result<Shown<Found>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM {TABLES} WHERE files.problem IS NULL \
             AND (details.open_agreements IS NOT NULL OR details.reviews IS NOT NULL) \
             ORDER BY files.started_us DESC, files.sid DESC"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([], |row| {
            let (name, summary) = summary_from_row(row)?;
            let found = Found {
                path: self.dir.join(&name),
                summary,
                snippet: None,
                rank: 0.0,
                archive: false,
            };
            Ok((found, (name, known_from_columns(row)?)))
        })?;
        rows.collect()
    }

    /// The summary of one journal (by file name), or why it could not be read; the journal
    /// checked to be unchanged (see [`Index::fresh`]).
    pub fn entry(&self, name: &str) -> rusqlite::Result<Option<Result<Summary, SummaryError>>> {
        Ok(self
            .fresh(|index| index.entry_once(name))?
            .into_iter()
            .next())
    }

    fn entry_once(&self, name: &str) -> rusqlite::Result<Shown<Result<Summary, SummaryError>>> {
        let sql = format!("SELECT {COLUMNS}, files.problem FROM {TABLES} WHERE files.name = ?1");
        let found = self
            .conn
            .query_row(&sql, params![name], |row| {
                let summary = match row.get::<_, Option<String>>(AFTER_COLUMNS)? {
                    Some(problem) => Err(SummaryError::Stored(problem)),
                    None => Ok(summary_from_row(row)?.1),
                };
                Ok((summary, (name.to_string(), known_from_columns(row)?)))
            })
            .optional()?;
        Ok(found.into_iter().collect())
    }

    /// The journals that could not be read, by name, and why.
    pub fn unreadable(&self) -> rusqlite::Result<Vec<(PathBuf, String)>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT name, problem FROM files WHERE problem IS NOT NULL ORDER BY name",
        )?;
        let rows = statement.query_map([], |r| {
            Ok((
                self.dir.join(r.get::<_, String>(0)?),
                r.get::<_, String>(1)?,
            ))
        })?;
        rows.collect()
    }
}

/// How a sync went.
#[derive(Debug)]
pub struct Synced {
    /// Journals whose name is not UTF-8: listed as unreadable, never indexed.
    pub odd_names: Vec<PathBuf>,
    pub look: Look,
}

/// How the directory was looked at (see `history::scan`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// The directory was unchanged: only journals that may be written in place were stat'ed.
    Quick,
    /// The directory was read; new, replaced and watched journals were stat'ed.
    Listing,
    /// Every journal was stat'ed.
    Full,
}

/// A session the index found.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub path: PathBuf,
    pub summary: Summary,
    /// The matching words in context, marked with [`MARK_START`] and [`MARK_END`].
    pub snippet: Option<String>,
    /// How well it matches the search (lower is better; bm25).
    pub rank: f64,
    /// From an archive (read-only), not from the user's own sessions directory: set by
    /// `listing::History`, which knows.
    pub archive: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words to find (every one, at the start of a word; case and accents do not matter).
    pub search: Option<String>,
    pub limit: Option<usize>,
    pub interrupted_only: bool,
    /// Also participants, open agreements and reviews (left empty otherwise).
    pub details: bool,
}

/// The FTS5 expression for what the user typed: every word must occur, as a word or the
/// start of one; `None` when there is nothing to look for. Words are quoted, so nothing
/// typed is taken as FTS5 syntax.
pub fn match_expression(search: &str) -> Option<String> {
    let words: Vec<String> = search
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"*", super::search::fold(w).replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn generation_of(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
        r.get(0)
    })
}

/// Counts this write; whether another process wrote since this one last looked.
fn bump_generation(conn: &Connection, expected: &mut i64) -> rusqlite::Result<bool> {
    let now = generation_of(conn)?;
    conn.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'generation'",
        params![now + 1],
    )?;
    let raced = now != *expected;
    *expected = now + 1;
    Ok(raced)
}

fn meta_value<T: rusqlite::types::FromSql>(
    conn: &Connection,
    key: &str,
) -> rusqlite::Result<Option<T>> {
    conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row(params![key], |r| r.get::<_, Option<T>>(0))
        .optional()
        .map(Option::flatten)
}

fn set_meta<T: rusqlite::ToSql>(
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

fn known_from_row(row: &rusqlite::Row, settled: bool) -> rusqlite::Result<(String, Known)> {
    Ok((
        row.get(0)?,
        Known {
            stamp: Stamp {
                len: row.get(1)?,
                modified_ns: row.get(2)?,
                inode: row.get(3)?,
            },
            dirent_ino: row.get(4)?,
            settled,
        },
    ))
}

/// The journals that may have been written in place since they were read: not settled, or
/// written recently.
fn watched(conn: &Connection, recent_since: i64) -> rusqlite::Result<Vec<(String, Known)>> {
    let mut found: Vec<(String, Known)> = conn
        .prepare_cached(
            "SELECT name, len, modified_ns, inode, dirent_ino FROM files WHERE settled = 0",
        )?
        .query_map([], |r| known_from_row(r, false))?
        .collect::<rusqlite::Result<_>>()?;
    let recent = conn
        .prepare_cached(
            "SELECT name, len, modified_ns, inode, dirent_ino FROM files \
             WHERE modified_ns > ?1 AND settled = 1",
        )?
        .query_map(params![recent_since], |r| known_from_row(r, true))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    found.extend(recent);
    Ok(found)
}

/// Everything the index knows of the journals, sorted by name (bytes, as SQLite's BINARY
/// collation and Rust compare them; read in the order of the `files_stamps` index). The
/// names are copied as bytes into one buffer, not a `String` each.
fn known(conn: &Connection) -> rusqlite::Result<KnownNames> {
    let mut statement = conn.prepare_cached(
        "SELECT name, len, modified_ns, inode, dirent_ino, settled FROM files ORDER BY name",
    )?;
    let mut rows = statement.query([])?;
    let mut known = KnownNames::default();
    while let Some(row) = rows.next()? {
        let known_row = Known {
            stamp: Stamp {
                len: row.get(1)?,
                modified_ns: row.get(2)?,
                inode: row.get(3)?,
            },
            dirent_ino: row.get(4)?,
            settled: row.get(5)?,
        };
        known.push(row.get_ref(0)?.as_bytes()?, known_row);
    }
    Ok(known)
}

fn delete_entry(conn: &Connection, name: &str) -> rusqlite::Result<()> {
    let id: Option<i64> = conn
        .prepare_cached("DELETE FROM files WHERE name = ?1 RETURNING id")?
        .query_row(params![name], |r| r.get(0))
        .optional()?;
    if let Some(id) = id {
        conn.prepare_cached("DELETE FROM search WHERE rowid = ?1")?
            .execute(params![id])?;
        conn.prepare_cached("DELETE FROM details WHERE id = ?1")?
            .execute(params![id])?;
    }
    Ok(())
}

fn write_entry(
    conn: &Connection,
    seen: &Seen,
    summary: Result<(Summary, String), SummaryError>,
) -> rusqlite::Result<()> {
    let (name, stamp) = (seen.name.as_str(), &seen.stamp);
    delete_entry(conn, name)?;
    let (summary, body) = match summary {
        Ok(found) => found,
        Err(problem) => {
            // Stored as words: what the listing says about it.
            let problem = problem.to_string();
            conn.prepare_cached(
                "INSERT INTO files (name, len, modified_ns, inode, dirent_ino, problem) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                name,
                stamp.len,
                stamp.modified_ns,
                stamp.inode,
                seen.dirent_ino,
                problem
            ])?;
            return Ok(());
        }
    };
    let json =
        |empty: bool, value: serde_json::Result<String>| -> rusqlite::Result<Option<String>> {
            if empty {
                return Ok(None);
            }
            value
                .map(Some)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
        };
    let started_us = summary.started.timestamp_micros();
    conn.prepare_cached(
        "INSERT INTO files (name, len, modified_ns, inode, dirent_ino, settled, sid, started_us, \
         started, title, plan_id, plan_title, spent_ms, notes, agreements, ended, torn) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        name,
        stamp.len,
        stamp.modified_ns,
        stamp.inode,
        seen.dirent_ino,
        seen.plain && summary.ended && !summary.torn,
        summary.id,
        started_us,
        summary.started.to_rfc3339(),
        summary.title,
        summary.plan_id,
        summary.plan_title,
        i64::try_from(summary.spent_ms).unwrap_or(i64::MAX),
        summary.notes as i64,
        summary.agreements as i64,
        summary.ended,
        summary.torn,
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached(
        "INSERT INTO details (id, participants, open_agreements, reviews) \
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        id,
        json(
            summary.participants.is_empty(),
            serde_json::to_string(&summary.participants)
        )?,
        json(
            summary.open_agreements.is_empty(),
            serde_json::to_string(&summary.open_agreements)
        )?,
        json(
            summary.reviews.is_empty(),
            serde_json::to_string(&summary.reviews)
        )?,
    ])?;
    conn.prepare_cached("INSERT INTO search (rowid, body) VALUES (?1, ?2)")?
        .execute(params![id, body])?;
    Ok(())
}

/// What the index knows of the journal of a row read with [`COLUMNS`] or [`LIGHT_COLUMNS`].
fn known_from_columns(row: &rusqlite::Row) -> rusqlite::Result<Known> {
    Ok(Known {
        stamp: Stamp {
            len: row.get(14)?,
            modified_ns: row.get(15)?,
            inode: row.get(16)?,
        },
        dirent_ino: row.get(17)?,
        settled: row.get(18)?,
    })
}

fn summary_from_row(row: &rusqlite::Row) -> rusqlite::Result<(String, Summary)> {
    fn list<T: serde::de::DeserializeOwned>(
        row: &rusqlite::Row,
        i: usize,
    ) -> rusqlite::Result<Vec<T>> {
        match row.get::<_, Option<String>>(i)? {
            None => Ok(Vec::new()),
            Some(text) => serde_json::from_str(&text).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    i,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            }),
        }
    }
    let name: String = row.get(0)?;
    let started: String = row.get(2)?;
    let started = chrono::DateTime::parse_from_rfc3339(&started).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let summary = Summary {
        id: row.get(1)?,
        started,
        title: row.get(3)?,
        plan_id: row.get(4)?,
        plan_title: row.get(5)?,
        spent_ms: row.get::<_, i64>(6)?.max(0) as u64,
        notes: row.get::<_, i64>(7)?.max(0) as usize,
        agreements: row.get::<_, i64>(8)?.max(0) as usize,
        ended: row.get(9)?,
        torn: row.get(10)?,
        participants: list(row, 11)?,
        open_agreements: list::<OpenAgreement>(row, 12)?,
        reviews: list::<Review>(row, 13)?,
    };
    Ok((name, summary))
}

/// How many journals to read at once: one per core.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// [`summarize`], with a bug in it (a panic) taken as an unreadable file, not a crash.
fn summarize_safely(path: &Path) -> Result<(Summary, String), SummaryError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| summarize(path)))
        .unwrap_or(Err(SummaryError::Crashed))
}

/// Tells the index of `journal`'s directory (kept in `cache`) that tafel writes into this
/// journal in place, so that the next look stats it even when it had ended. Call it before
/// and after writing. An index that cannot be told is thrown away (rebuilt on next use):
/// never trusted wrongly.
pub fn mark_written(cache: Option<&Path>, journal: &Path) {
    let Some(cache) = cache else {
        return;
    };
    let (Some(name), dir) = (
        journal.file_name().and_then(|n| n.to_str()),
        journal
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new(".")),
    ) else {
        return;
    };
    let file = file_for(cache, dir);
    if !file.exists() {
        return;
    }
    let marked = Connection::open_with_flags(
        &file,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|conn| {
        conn.busy_timeout(BUSY)?;
        conn.execute(
            "UPDATE files SET settled = 0 WHERE name = ?1",
            params![name],
        )
    });
    if marked.is_err() {
        remove_index_files(&file);
    }
}

fn remove_index_files(file: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Creates `dir` and its missing parents, each 0700 (existing ones are left as they are).
fn create_private_dirs(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Creates the index file 0600 when missing, so SQLite (and its WAL files, which take the
/// database's permissions) never make it readable for others.
fn create_private_file(file: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(file).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::journal::LoadError;

    #[test]
    fn why_a_journal_is_unreadable_is_kept_as_the_words_it_was_said_in() {
        let dir = tempfile::tempdir().unwrap();
        let name = "20261120-140000-koers-wat-aaaa.jsonl";
        let path = dir.path().join(name);
        std::fs::write(&path, "geen sessie\n").unwrap();
        let made = summarize_safely(&path).unwrap_err();
        assert!(
            matches!(made, SummaryError::Load(LoadError::NotASession { .. })),
            "{made:?}"
        );
        let (mut index, _) = Index::open(dir.path(), None).unwrap();
        index.sync(&mut |_, _| {}).unwrap();
        match index.entry(name).unwrap() {
            Some(Err(SummaryError::Stored(words))) => assert_eq!(words, made.to_string()),
            other => panic!("not stored as unreadable: {other:?}"),
        }
        assert_eq!(
            index.unreadable().unwrap(),
            [(path.clone(), made.to_string())]
        );
    }
}
