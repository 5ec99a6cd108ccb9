//! A cache of session summaries, so listing thousands of sessions stays fast. The journals
//! stay the truth: an entry is used only while its file has the same length, modification
//! time and inode as when it was summarised, and the cache is rebuilt when it is unreadable.

use std::collections::BTreeMap;
use std::fs::Metadata;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::summary::Summary;

pub const INDEX_FILE: &str = ".tafel-index.json";
const VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified_ns: i128,
    inode: u64,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            len: meta.len(),
            modified_ns,
            inode,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub stamp: Stamp,
    /// The summary, or why the file could not be read.
    pub summary: Result<Summary, String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    version: u32,
    pub entries: BTreeMap<String, Entry>,
}

impl Index {
    /// The cache for `dir`; empty when missing, unreadable or from another version.
    pub fn load(dir: &Path) -> Index {
        std::fs::read(dir.join(INDEX_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
            .filter(|index| index.version == VERSION)
            .unwrap_or_default()
    }

    /// Writes the cache whole (temp file, fsync, rename). A cache that cannot be written is
    /// not an error: listing just stays slower.
    pub fn save(&self, dir: &Path) {
        let _ = self.try_save(dir);
    }

    fn try_save(&self, dir: &Path) -> std::io::Result<()> {
        let target = dir.join(INDEX_FILE);
        let temp: PathBuf = dir.join(format!("{INDEX_FILE}.{}.tmp", std::process::id()));
        let bytes = serde_json::to_vec(&Index {
            version: VERSION,
            entries: self.entries.clone(),
        })
        .map_err(std::io::Error::other)?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let result = (|| {
            let mut file = options.open(&temp)?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            std::fs::rename(&temp, &target)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }
}
