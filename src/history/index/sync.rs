//! Bringing the index in line with the journals: which ones to look at (see `history::scan`),
//! reading the changed ones on every core, writing them in batches, and checking the rows
//! about to be shown.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rusqlite::{Transaction, TransactionBehavior, params};

use super::Index;
use super::rows::{Shown, delete_entry, known, watched, write_entry};
use super::schema::{bump_generation, generation_of, meta_value, set_meta};
use crate::history::names;
use crate::history::scan::{self, DirStamp, Known, Seen};
use crate::history::summary::{Summary, SummaryError, summarize};

/// Journals summarised per transaction while (re)building.
const BATCH: usize = 500;
/// Journals written less than this long ago may still be being written in place (a copy
/// under way that happens to end like a session): they are stat'ed on every look, ended or
/// not.
const RECENT_NS: i64 = 10 * 1_000_000_000;
/// How often every journal is stat'ed anyway, as a safety net for another program that
/// writes into an ended journal in place (tafel itself says so when it does, see
/// [`mark_written`](super::mark_written)).
const VERIFY_EVERY_NS: i64 = 24 * 3600 * 1_000_000_000;
/// A directory changed less than this long ago could change again within the same
/// (coarse) modification time: its stamp is not vouched for yet.
const SETTLE_NS: i64 = 2 * 1_000_000_000;

impl Index {
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
    pub(super) fn fresh<T>(
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

/// How many journals to read at once: one per core.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// [`summarize`], with a bug in it (a panic) taken as an unreadable file, not a crash.
pub(super) fn summarize_safely(path: &Path) -> Result<(Summary, String), SummaryError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| summarize(path)))
        .unwrap_or(Err(SummaryError::Crashed))
}
