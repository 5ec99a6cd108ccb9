//! Many file names in one buffer: a sessions directory's journals as its listing gives them,
//! and the ones the index knows. At 50,000 journals a `String` (or a `DirEntry`) for each one
//! costs more than reading the directory itself; here there is one allocation per list.

use std::path::Path;

use super::resolve::EXTENSION;
use super::scan::Known;

/// Names, each a range of one shared buffer.
#[derive(Debug)]
pub struct Names<T> {
    bytes: Vec<u8>,
    items: Vec<(u32, u32, T)>,
}

impl<T> Default for Names<T> {
    fn default() -> Self {
        Names {
            bytes: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T> Names<T> {
    pub fn push(&mut self, name: &[u8], item: T) {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(name);
        // A name is at most a few hundred bytes: 4 GB of them is out of reach.
        let end = u32::try_from(self.bytes.len()).unwrap_or(u32::MAX);
        self.items.push((start as u32, end, item));
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, i: usize) -> (&[u8], &T) {
        let (start, end, item) = &self.items[i];
        (&self.bytes[*start as usize..*end as usize], item)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &T)> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Sorted by name (bytes).
    pub fn sort(&mut self) {
        let bytes = &self.bytes;
        self.items.sort_unstable_by(|a, b| {
            bytes[a.0 as usize..a.1 as usize].cmp(&bytes[b.0 as usize..b.1 as usize])
        });
    }
}

/// A directory entry as the listing gives it, without a `stat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listed {
    pub ino: u64,
    /// The listing says it is a regular file (`false`: something else, or it does not say).
    pub file: bool,
}

/// What the index knows of its journals, sorted by name.
pub type KnownNames = Names<Known>;

/// The entries of `dir` that may be journals (by their extension). A directory that cannot
/// be read has none.
pub fn journals_in(dir: &Path) -> Names<Listed> {
    let mut names = Names::default();
    read_dir(dir, &mut |name, listed| {
        if is_journal_name(name) {
            names.push(name, listed);
        }
    });
    names
}

fn is_journal_name(name: &[u8]) -> bool {
    name.len() > EXTENSION.len() + 1
        && name.ends_with(EXTENSION.as_bytes())
        && name[name.len() - EXTENSION.len() - 1] == b'.'
}

/// Every entry, read with `getdents` into one buffer.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn read_dir(dir: &Path, each: &mut dyn FnMut(&[u8], Listed)) {
    use rustix::fs::{FileType, Mode, OFlags, RawDir};
    let Ok(fd) = rustix::fs::open(
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    ) else {
        return;
    };
    // Large enough for a few thousand entries per system call.
    let mut buffer = Vec::with_capacity(256 * 1024);
    let mut entries = RawDir::new(fd, buffer.spare_capacity_mut());
    // A failed read is tried again from where it stopped, as `std::fs::read_dir` goes on
    // after an error; a few in a row end the listing.
    let mut failed = 0;
    while let Some(entry) = entries.next() {
        let Ok(entry) = entry else {
            failed += 1;
            if failed == 3 {
                break;
            }
            continue;
        };
        failed = 0;
        let listed = Listed {
            ino: entry.ino(),
            file: entry.file_type() == FileType::RegularFile,
        };
        each(entry.file_name().to_bytes(), listed);
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn read_dir(dir: &Path, each: &mut dyn FnMut(&[u8], Listed)) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        #[cfg(unix)]
        let ino = std::os::unix::fs::DirEntryExt::ino(&entry);
        #[cfg(not(unix))]
        let ino = 0;
        let listed = Listed {
            ino,
            file: entry.file_type().is_ok_and(|t| t.is_file()),
        };
        each(entry.file_name().as_encoded_bytes(), listed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listing_names_the_journals_with_their_inode_and_kind() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.jsonl"), "").unwrap();
        std::fs::write(dir.path().join("a.jsonl"), "").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        std::fs::write(dir.path().join(".jsonl"), "").unwrap();
        std::fs::create_dir(dir.path().join("d.jsonl")).unwrap();
        let mut names = journals_in(dir.path());
        names.sort();
        let found: Vec<(String, bool)> = names
            .iter()
            .map(|(n, l)| (String::from_utf8(n.to_vec()).unwrap(), l.file))
            .collect();
        assert_eq!(
            found,
            [
                ("a.jsonl".to_string(), true),
                ("b.jsonl".to_string(), true),
                ("d.jsonl".to_string(), false)
            ]
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ino = std::fs::metadata(dir.path().join("a.jsonl")).unwrap().ino();
            assert_eq!(names.get(0).1.ino, ino);
        }
        assert!(journals_in(&dir.path().join("missing")).is_empty());
    }

    #[test]
    fn a_directory_bigger_than_one_buffer_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let n = 6000; // ~60 bytes per entry: more than one 256 KiB read.
        for i in 0..n {
            std::fs::write(dir.path().join(format!("{i:0>40}.jsonl")), "").unwrap();
        }
        assert_eq!(journals_in(dir.path()).len(), n);
    }
}
