//! Where the index of a sessions directory is kept in the cache, made private to the user,
//! thrown away, and told from outside that a journal is being written in place.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};

use super::BUSY;

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

pub(super) fn canonical(dir: &Path) -> PathBuf {
    dir.canonicalize()
        .unwrap_or_else(|_| std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf()))
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

pub(super) fn remove_index_files(file: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Creates `dir` and its missing parents, each 0700 (existing ones are left as they are).
pub(super) fn create_private_dirs(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Creates the index file 0600 when missing, so SQLite (and its WAL files, which take the
/// database's permissions) never make it readable for others.
pub(super) fn create_private_file(file: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(file).map(|_| ())
}
