//! Looking at a sessions directory for what changed since the index last did, with as few
//! system calls as is safe: at 50,000 journals one `stat` each costs more than everything
//! else a listing does.
//!
//! Three ways to look, cheapest first (the index decides which one may be used):
//! - **quick**: the directory's own stamp (modification time, inode) is the one the index
//!   vouched for, so no journal was added, removed, renamed or replaced (each of those changes
//!   the directory). Only the journals that may still be written in place are stat'ed: not
//!   ended, torn, unreadable, links, written in the last seconds, or marked by tafel around
//!   writing to them (`index::mark_written`).
//! - **listing**: the directory is read (names and inode numbers, no `stat`); new, replaced
//!   and watched journals are stat'ed.
//! - **full**: every journal is stat'ed, as a safety net for another program that writes into
//!   an ended journal in place (done once a day, see `index::sync::VERIFY_EVERY_NS`).
//!
//! What is shown is checked apart, whichever look came before: after every query the journals
//! of the rows it returns are stat'ed ([`restat`], one `stat` per row: `--limit 20` costs 20),
//! and changed ones are read again before the query runs once more (`Index::fresh`). So a
//! row shown is not stale. The limits left, both for another program's rewrite in place of
//! an ended journal long after it was written (rare), found by the next full look, up to a
//! day later: a journal the query did *not* return but would now (a search word only its new
//! text has, a start among the newest N, interrupted after all); and a row that only the
//! second run returns, itself rewritten too (not stat'ed again). Closing the first would
//! mean a `stat` of every journal per query.

use std::fs::Metadata;
use std::path::{Path, PathBuf};

use super::names::{KnownNames, Listed, Names};

/// What a journal file looked like when it was summarised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub len: i64,
    pub modified_ns: i64,
    pub inode: i64,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta) as i64;
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            len: i64::try_from(meta.len()).unwrap_or(i64::MAX),
            modified_ns: modified_ns(meta),
            inode,
        }
    }
}

fn modified_ns(meta: &Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// Nanoseconds since 1970 on this machine's clock.
pub fn now_ns() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// The sessions directory's own stamp: changes whenever an entry is added, removed or
/// renamed (a file replaced by renaming another over it included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DirStamp {
    pub modified_ns: i64,
    pub inode: i64,
}

impl DirStamp {
    pub fn of(dir: &Path) -> Option<DirStamp> {
        let meta = std::fs::metadata(dir).ok().filter(Metadata::is_dir)?;
        let stamp = Stamp::of(&meta);
        Some(DirStamp {
            modified_ns: stamp.modified_ns,
            inode: stamp.inode,
        })
    }

    /// How it is kept in the index.
    pub fn key(&self) -> String {
        format!("{}:{}", self.modified_ns, self.inode)
    }
}

/// What the index knows of one journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    /// The inode number the directory entry named (no `stat` needed to read it).
    pub dirent_ino: i64,
    pub stamp: Stamp,
    /// Ended, complete and readable: tafel never writes to it again without saying so.
    pub settled: bool,
}

/// A journal as it is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    pub name: String,
    pub dirent_ino: i64,
    pub stamp: Stamp,
    /// A plain file (not a link, whose target may change without the entry changing).
    pub plain: bool,
}

/// What changed, as found by one look.
#[derive(Debug, Default)]
pub struct Changes {
    /// New, grown, replaced or rewritten journals: to be read again.
    pub stale: Vec<Seen>,
    /// Unchanged journals whose directory entry now names another inode number (the same
    /// file seen through another entry): only that number is updated.
    pub renumbered: Vec<(String, i64)>,
    pub removed: Vec<String>,
    /// Journals whose name is not UTF-8: listed as unreadable, never indexed.
    pub odd_names: Vec<PathBuf>,
}

/// The quick look: `watched` are the journals that may have been written in place. `None`
/// when one of them is gone or no longer a file, which the directory's stamp should have
/// shown: then a listing look is needed after all.
pub fn quick(dir: &Path, watched: &[(String, Known)]) -> Option<Changes> {
    let changes = restat(dir, watched);
    changes.removed.is_empty().then_some(changes)
}

/// `journals` stat'ed again, and compared with what the index knows of them: the changed
/// ones are stale, the ones gone (or no longer a file) removed.
pub fn restat<N: AsRef<str> + Sync>(dir: &Path, journals: &[(N, Known)]) -> Changes {
    let opened = OpenDir::open(dir);
    let stamps = on_every_core(journals, |(name, _)| {
        stamp_in(dir, opened.as_ref(), name.as_ref().as_bytes())
    });
    let mut changes = Changes::default();
    for ((name, known), stamp) in journals.iter().zip(stamps) {
        let name = name.as_ref();
        match stamp {
            // Gone, or no longer a plain file: out of the index. A stat that failed for
            // another reason (permissions, no file handles left, a share away for a moment)
            // says nothing about the journal: its row stays as it is.
            None if gone(&dir.join(name)) => changes.removed.push(name.to_string()),
            None => {}
            Some((stamp, plain)) if stamp != known.stamp => changes.stale.push(Seen {
                name: name.to_string(),
                dirent_ino: known.dirent_ino,
                stamp,
                plain,
            }),
            Some(_) => {}
        }
    }
    changes
}

/// Whether `path` is really not there as a journal: missing, or something else than a file.
fn gone(path: &Path) -> bool {
    match std::fs::metadata(path) {
        Err(err) => err.kind() == std::io::ErrorKind::NotFound,
        Ok(meta) => !meta.is_file(),
    }
}

/// A journal's stamp, and whether it is a plain file (not a link).
pub type Taken = (Stamp, bool);

/// The stamps of the `known` journals a listing look stats whatever the listing says (all
/// of them in a full look; else the ones not settled or written recently), taken while the
/// directory is read. `None` for the others, and for a stat that failed.
pub fn early_stamps(
    dir: &Path,
    known: &KnownNames,
    full: bool,
    recent_since: i64,
) -> Vec<Option<Taken>> {
    let opened = OpenDir::open(dir);
    let wanted: Vec<usize> = (0..known.len())
        .filter(|i| {
            let k = known.get(*i).1;
            full || !k.settled || k.stamp.modified_ns > recent_since
        })
        .collect();
    let stamps = on_every_core(&wanted, |i| stamp_in(dir, opened.as_ref(), known.get(*i).0));
    let mut early = vec![None; known.len()];
    for (i, stamp) in wanted.into_iter().zip(stamps) {
        early[i] = stamp;
    }
    early
}

fn stamp_in(dir: &Path, opened: Option<&OpenDir>, name: &[u8]) -> Option<(Stamp, bool)> {
    match opened {
        Some(opened) => opened.stamp_of(name),
        None => stamp_at(&dir.join(os_str(name))),
    }
}

/// The listing look (`full`: the full one) over the directory's journals as its listing
/// gives them (`listed`, sorted by name). `known` is everything the index knows, sorted by
/// name, with `early` stamps of some of them ([`early_stamps`]); `recent_since`: journals
/// written after this time (ns) are stat'ed anyway, as they may still be being written.
/// Names are compared as bytes, in their buffers: a `String` is made only for a journal
/// that changed.
pub fn listing(
    dir: &Path,
    listed: &Names<Listed>,
    known: &KnownNames,
    early: &[Option<Taken>],
    full: bool,
    recent_since: i64,
) -> Changes {
    let mut changes = Changes::default();
    // Both sorted by name (bytes), matched in one pass: at 50,000 names a hash table cost
    // more than the sorting.
    let removed = |changes: &mut Changes, name: &[u8]| {
        changes
            .removed
            .push(String::from_utf8_lossy(name).into_owned());
    };
    let mut next_known = 0;
    // (index in `listed`, what the index knows of it): to be stat'ed now, or stat'ed early.
    let mut to_stat: Vec<(usize, Option<Known>)> = Vec::new();
    let mut stamped: Vec<(usize, Option<Known>, Option<Taken>)> = Vec::new();
    for (i, (name, entry)) in listed.iter().enumerate() {
        let mut was = None;
        // Known names before this one have no entry: removed.
        while next_known < known.len() {
            let (known_name, k) = known.get(next_known);
            match known_name.cmp(name) {
                std::cmp::Ordering::Less => removed(&mut changes, known_name),
                std::cmp::Ordering::Equal => was = Some((next_known, *k)),
                std::cmp::Ordering::Greater => break,
            }
            next_known += 1;
            if was.is_some() {
                break;
            }
        }
        let trusted = !full
            && was.is_some_and(|(_, k)| {
                k.settled
                    && k.dirent_ino == entry.ino as i64
                    && k.stamp.modified_ns <= recent_since
                    && entry.file
            });
        if trusted {
            continue;
        }
        // A stamp taken early is of this very entry when it is a plain file with the inode
        // the entry names (not one replaced meanwhile, nor a link's target).
        let taken = was
            .and_then(|(k, _)| early.get(k).copied().flatten())
            .filter(|(stamp, plain)| *plain && stamp.inode == entry.ino as i64);
        match taken {
            Some(taken) => stamped.push((i, was.map(|(_, k)| k), Some(taken))),
            None => to_stat.push((i, was.map(|(_, k)| k))),
        }
    }
    for i in next_known..known.len() {
        removed(&mut changes, known.get(i).0);
    }
    let opened = OpenDir::open(dir);
    let stamps = on_every_core(&to_stat, |(i, _)| {
        stamp_in(dir, opened.as_ref(), listed.get(*i).0)
    });
    stamped.extend(
        to_stat
            .into_iter()
            .zip(stamps)
            .map(|((i, was), stamp)| (i, was, stamp)),
    );
    for (i, was, stamp) in stamped {
        let (name, entry) = listed.get(i);
        let Ok(name) = std::str::from_utf8(name) else {
            // Not a file (a directory, a dangling link) or gone meanwhile: not a journal.
            if stamp.is_some() {
                changes.odd_names.push(dir.join(os_str(name)));
            }
            continue;
        };
        let Some((stamp, plain)) = stamp else {
            if was.is_some() {
                changes.removed.push(name.to_string());
            }
            continue;
        };
        let ino = entry.ino as i64;
        match was {
            Some(k) if k.stamp == stamp => {
                if k.dirent_ino != ino {
                    changes.renumbered.push((name.to_string(), ino));
                }
            }
            _ => changes.stale.push(Seen {
                name: name.to_string(),
                dirent_ino: ino,
                stamp,
                plain,
            }),
        }
    }
    changes.removed.sort_unstable();
    changes.stale.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    changes.odd_names.sort();
    changes
}

/// A name from a listing as the system has it (on Unix any bytes but `/` and NUL).
#[cfg(unix)]
fn os_str(name: &[u8]) -> &std::ffi::OsStr {
    std::os::unix::ffi::OsStrExt::from_bytes(name)
}

#[cfg(not(unix))]
fn os_str(name: &[u8]) -> std::ffi::OsString {
    String::from_utf8_lossy(name).into_owned().into()
}

fn stamp_at(path: &Path) -> Option<(Stamp, bool)> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let link = meta.file_type().is_symlink();
    let meta = if link {
        std::fs::metadata(path).ok()?
    } else {
        meta
    };
    meta.is_file().then(|| (Stamp::of(&meta), !link))
}

/// `f` of every item, in order, spread over the cores when there are many.
pub(crate) fn on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    const ALONE: usize = 512;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if items.len() <= ALONE || threads == 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads).max(ALONE);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// A directory held open, so its journals are stat'ed by name alone: no walk of the full
/// path for each one (half the cost of a `stat` in a deep directory).
#[cfg(unix)]
struct OpenDir(std::os::fd::OwnedFd);

#[cfg(unix)]
impl OpenDir {
    fn open(dir: &Path) -> Option<OpenDir> {
        use rustix::fs::{Mode, OFlags};
        rustix::fs::open(
            dir,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .ok()
        .map(OpenDir)
    }

    /// As [`stamp_at`] gives it for the same file.
    fn stamp_of(&self, name: &[u8]) -> Option<(Stamp, bool)> {
        use rustix::fs::{AtFlags, FileType, statat};
        let meta = statat(&self.0, name, AtFlags::SYMLINK_NOFOLLOW).ok()?;
        let link = FileType::from_raw_mode(meta.st_mode as _) == FileType::Symlink;
        let meta = if link {
            statat(&self.0, name, AtFlags::empty()).ok()?
        } else {
            meta
        };
        if FileType::from_raw_mode(meta.st_mode as _) != FileType::RegularFile {
            return None;
        }
        // Before 1970 counts as 0, as `modified_ns` has it.
        let seconds = i128::from(meta.st_mtime);
        let modified_ns = if seconds < 0 {
            0
        } else {
            i64::try_from(seconds * 1_000_000_000 + i128::from(meta.st_mtime_nsec))
                .unwrap_or(i64::MAX)
        };
        let stamp = Stamp {
            len: i64::try_from(i128::from(meta.st_size)).unwrap_or(i64::MAX),
            modified_ns,
            inode: meta.st_ino as i64,
        };
        Some((stamp, !link))
    }
}

#[cfg(not(unix))]
struct OpenDir;

#[cfg(not(unix))]
impl OpenDir {
    fn open(_: &Path) -> Option<OpenDir> {
        None
    }

    fn stamp_of(&self, _: &[u8]) -> Option<(Stamp, bool)> {
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn known_as(names: &[(&str, Known)]) -> KnownNames {
        let mut known = KnownNames::default();
        for (name, k) in names {
            known.push(name.as_bytes(), *k);
        }
        known
    }

    fn listed_in(dir: &Path) -> Names<Listed> {
        let mut listed = super::super::names::journals_in(dir);
        listed.sort();
        listed
    }

    #[test]
    fn a_stamp_taken_early_counts_only_for_the_file_the_listing_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.jsonl"), "{}\n{}\n").unwrap();
        std::fs::write(dir.path().join("b.jsonl"), "{}\n").unwrap();
        let now = stamp_at(&dir.path().join("a.jsonl")).unwrap().0;
        let old = Known {
            dirent_ino: now.inode,
            stamp: Stamp { len: 3, ..now },
            settled: false,
        };
        let known = known_as(&[("a.jsonl", old), ("gone.jsonl", old)]);
        // Taken before `a.jsonl` was replaced by another file: another inode, not used.
        let replaced = Stamp {
            inode: now.inode + 1,
            len: 3,
            ..now
        };
        let early = vec![Some((replaced, true)), None];
        let changes = listing(dir.path(), &listed_in(dir.path()), &known, &early, false, 0);
        let stale: Vec<(&str, i64)> = changes
            .stale
            .iter()
            .map(|s| (s.name.as_str(), s.stamp.len))
            .collect();
        assert_eq!(stale, [("a.jsonl", 6), ("b.jsonl", 3)]);
        assert_eq!(changes.removed, ["gone.jsonl"]);
        // Taken of this very file: used as it is (the stat it saves is the point).
        let early = vec![Some((now, true)), None];
        let changes = listing(dir.path(), &listed_in(dir.path()), &known, &early, false, 0);
        assert_eq!(changes.stale[0].stamp, now);
        // Unchanged since the index read it: nothing to do for it.
        let known = known_as(&[("a.jsonl", Known { stamp: now, ..old })]);
        let changes = listing(
            dir.path(),
            &listed_in(dir.path()),
            &known,
            &[None],
            false,
            0,
        );
        let stale: Vec<&str> = changes.stale.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(stale, ["b.jsonl"]);
    }

    #[test]
    fn a_stat_by_name_in_the_open_directory_gives_what_a_stat_by_path_does() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.jsonl");
        std::fs::write(&file, "{}\n").unwrap();
        std::os::unix::fs::symlink(&file, dir.path().join("link.jsonl")).unwrap();
        std::fs::create_dir(dir.path().join("dir.jsonl")).unwrap();
        let old = std::time::UNIX_EPOCH - std::time::Duration::from_secs(10);
        let before_1970 = dir.path().join("old.jsonl");
        std::fs::write(&before_1970, "").unwrap();
        std::fs::File::open(&before_1970)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let opened = OpenDir::open(dir.path()).unwrap();
        for name in [
            "a.jsonl",
            "link.jsonl",
            "dir.jsonl",
            "old.jsonl",
            "gone.jsonl",
        ] {
            assert_eq!(
                opened.stamp_of(name.as_bytes()),
                stamp_at(&dir.path().join(name)),
                "{name}"
            );
        }
        assert!(opened.stamp_of(b"a.jsonl").unwrap().1, "a plain file");
        assert!(!opened.stamp_of(b"link.jsonl").unwrap().1, "a link");
    }
}
