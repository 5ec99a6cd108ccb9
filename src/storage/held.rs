//! Which journals a running tafel holds open right now: a journal open for appending is
//! exclusively locked (`journal::lock`), so the lock says "this session is running" where
//! the journal's last record can only say "not ended". Two ways to ask:
//!
//! - [`HeldJournals`]: Linux lists every lock in /proc/locks; reading it takes no lock, so
//!   the room, which asks every second, never makes a facilitator's `tafel resume` fail. But
//!   the kernel waits for an RCU grace period to list them (8–14 ms measured here), too slow
//!   for a listing that is made again at every key typed in its search box.
//! - [`locked_elsewhere`]: a shared lock tried on the journal and let go at once, a few
//!   microseconds per journal (only the not-ended rows shown are asked), on every Unix. A
//!   `tafel resume` that tries at that very moment waits for it ([`lock_exclusive`]).

use std::collections::HashSet;
use std::path::Path;

/// The inode numbers of the files locked (with `flock`) when it was taken.
#[derive(Debug, Default, Clone)]
pub struct HeldJournals {
    inodes: HashSet<u64>,
}

impl HeldJournals {
    /// The locks as they are now; `None`: this system does not say.
    pub fn now() -> Option<HeldJournals> {
        #[cfg(target_os = "linux")]
        {
            let locks = std::fs::read_to_string("/proc/locks").ok()?;
            Some(HeldJournals::from_proc_locks(&locks))
        }
        #[cfg(not(target_os = "linux"))]
        {
            None
        }
    }

    /// Parsed from the text of /proc/locks:
    /// "1: FLOCK  ADVISORY  WRITE 1234 fd:01:56789 0 EOF". A process waiting for a lock has
    /// "->" before its type: it does not hold the file, so it is left out.
    pub fn from_proc_locks(text: &str) -> HeldJournals {
        let inodes = text
            .lines()
            .filter_map(|line| {
                let fields: Vec<&str> = line.split_whitespace().collect();
                if fields.get(1) != Some(&"FLOCK") {
                    return None;
                }
                fields.get(5)?.rsplit(':').next()?.parse::<u64>().ok()
            })
            .collect();
        HeldJournals { inodes }
    }

    /// Whether no file at all is locked (then nothing needs a `stat`).
    pub fn is_empty(&self) -> bool {
        self.inodes.is_empty()
    }

    /// Whether the file at `path` is held open by some process. A file that cannot be
    /// stat'ed is not held (as far as anyone can tell).
    pub fn holds(&self, path: &Path) -> bool {
        !self.inodes.is_empty() && self.holding(path) == Some(true)
    }

    /// As [`HeldJournals::holds`]; `None` when the file cannot be stat'ed (or this system
    /// has no inode numbers).
    pub fn holding(&self, path: &Path) -> Option<bool> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let inode = std::fs::metadata(path).ok()?.ino();
            Some(self.inodes.contains(&inode))
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }
}

/// Whether another open file (another tafel, or another journal in this process) holds the
/// exclusive lock of the journal at `path`: a shared lock is tried and let go at once (the
/// file is closed). Opened without blocking, so a FIFO in its place cannot make it hang. A
/// file that cannot be opened is not held, as far as anyone can tell.
pub fn locked_elsewhere(path: &Path) -> bool {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let Ok(file) = options.open(path) else {
        return false;
    };
    matches!(
        file.try_lock_shared(),
        Err(std::fs::TryLockError::WouldBlock)
    )
}

/// How often, and how far apart, an exclusive lock is tried before the journal counts as
/// open in another tafel: a listing's [`locked_elsewhere`] holds a shared lock for a few
/// microseconds, which must never make a `tafel resume` fail.
const LOCK_TRIES: u32 = 5;
const LOCK_PAUSE: std::time::Duration = std::time::Duration::from_millis(10);

/// The journal's exclusive lock, tried a few times ([`LOCK_TRIES`]) while something else
/// has it; `WouldBlock` when it stays taken (a running tafel holds it for good).
pub fn lock_exclusive(file: &std::fs::File) -> Result<(), std::fs::TryLockError> {
    let mut tries = 1;
    loop {
        match file.try_lock() {
            Err(std::fs::TryLockError::WouldBlock) if tries < LOCK_TRIES => {
                tries += 1;
                std::thread::sleep(LOCK_PAUSE);
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_flock_holders_count_not_waiters_or_posix_locks() {
        let text = "1: FLOCK  ADVISORY  WRITE 1234 fd:01:56789 0 EOF\n\
                    1: -> FLOCK  ADVISORY  WRITE 1300 fd:01:11111 0 EOF\n\
                    2: POSIX  ADVISORY  WRITE 99 00:1f:22222 0 EOF\n\
                    3: FLOCK  ADVISORY  WRITE 77 103:02:33333 0 EOF\n";
        let held = HeldJournals::from_proc_locks(text);
        assert_eq!(held.inodes, HashSet::from([56789, 33333]));
    }

    #[test]
    fn nothing_locked_holds_nothing() {
        let held = HeldJournals::from_proc_locks("");
        assert!(held.is_empty());
        assert!(!held.holds(Path::new("/")));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_locked_in_this_process_is_held_until_unlocked() {
        let dir = tempfile::tempdir().unwrap();
        let (locked, other) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
        std::fs::write(&locked, "x").unwrap();
        std::fs::write(&other, "x").unwrap();
        let file = std::fs::File::open(&locked).unwrap();
        file.try_lock().unwrap();
        let held = HeldJournals::now().unwrap();
        assert!(held.holds(&locked));
        assert!(!held.holds(&other));
        assert_eq!(held.holding(&dir.path().join("gone")), None);
        file.unlock().unwrap();
        assert!(!HeldJournals::now().unwrap().holds(&locked));
    }

    #[test]
    fn a_journal_locked_by_another_open_file_is_locked_elsewhere_and_the_probe_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let (locked, other) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
        std::fs::write(&locked, "x").unwrap();
        std::fs::write(&other, "x").unwrap();
        let file = std::fs::File::options().append(true).open(&locked).unwrap();
        lock_exclusive(&file).unwrap();
        assert!(locked_elsewhere(&locked));
        assert!(!locked_elsewhere(&other));
        assert!(!locked_elsewhere(&dir.path().join("gone")));
        file.unlock().unwrap();
        assert!(!locked_elsewhere(&locked));
        // The probe let go: the lock can be taken at once.
        let again = std::fs::File::options().append(true).open(&other).unwrap();
        assert!(again.try_lock().is_ok());
    }

    #[test]
    fn an_exclusive_lock_waits_out_a_moments_shared_lock_but_not_a_held_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(&path, "x").unwrap();
        let probe = std::fs::File::open(&path).unwrap();
        probe.try_lock_shared().unwrap();
        let letting_go = std::thread::spawn(move || {
            std::thread::sleep(LOCK_PAUSE);
            drop(probe);
        });
        let journal = std::fs::File::options().append(true).open(&path).unwrap();
        assert!(lock_exclusive(&journal).is_ok());
        letting_go.join().unwrap();
        let second = std::fs::File::options().append(true).open(&path).unwrap();
        assert!(matches!(
            lock_exclusive(&second),
            Err(std::fs::TryLockError::WouldBlock)
        ));
    }
}
