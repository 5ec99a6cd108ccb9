//! Which journals a running tafel holds open right now: a journal open for appending is
//! exclusively locked (`journal::lock`), so the lock says "this session is running" where
//! the journal's last record can only say "not ended".
//!
//! Linux lists every lock in /proc/locks; reading it takes no lock itself, so looking never
//! makes a facilitator's `tafel resume` fail with "in gebruik". Read once per listing, then
//! one `stat` per journal asked about (and none when nothing is locked at all).

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
}
