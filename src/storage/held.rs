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
        if self.inodes.is_empty() {
            return false;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(path).is_ok_and(|meta| self.inodes.contains(&meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            false
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
}
