//! Reading a file that someone else may have put there: only a regular file (never a FIFO,
//! a device such as `/dev/zero`, or a directory) and only up to a size limit, so a strange
//! path gives a clear message instead of a hang or a process that eats all memory.

use std::fmt;
use std::io::Read;
use std::path::Path;

use crate::tr;

/// The largest deck or plan file `tafel` reads: 4 MiB. The biggest bundled deck is 30 kB and
/// the 10,000-card benchmark deck 2.4 MB; anything larger is not a deck someone wrote.
pub const MAX_DECK_BYTES: u64 = 4 * 1024 * 1024;

/// The largest `config.toml`: 1 MiB (a real one is a few hundred bytes).
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// Exists, but is not a regular file: what it is instead, in words.
    NotAFile(String),
    TooBig {
        size: u64,
        limit: u64,
    },
    Io(std::io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => f.write_str(&tr!(
                "kan het bestand niet lezen: het bestaat niet",
                "cannot read the file: it does not exist"
            )),
            ReadError::NotAFile(what) => f.write_str(&tr!(
                "{what}, geen gewoon bestand: niet gelezen",
                "{what}, not a regular file: not read"
            )),
            ReadError::TooBig { size, limit } => {
                let (size, limit) = (megabytes(*size), megabytes(*limit));
                f.write_str(&tr!(
                    "te groot ({size}; hooguit {limit}): niet gelezen",
                    "too big ({size}; at most {limit}): not read"
                ))
            }
            ReadError::Io(err) => f.write_str(&tr!(
                "kan het bestand niet lezen: {err}",
                "cannot read the file: {err}"
            )),
        }
    }
}

fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    match crate::i18n::lang() {
        crate::i18n::Lang::Nl => format!("{mb:.1} MB").replace('.', ","),
        crate::i18n::Lang::En => format!("{mb:.1} MB"),
    }
}

/// What a path is when it is not a regular file.
fn kind_of(file_type: std::fs::FileType) -> Option<String> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some(tr!("dit is een map", "this is a directory"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(tr!("dit is een pijp (FIFO)", "this is a pipe (FIFO)"));
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some(tr!(
                "dit is een apparaat (zoals /dev/zero)",
                "this is a device (such as /dev/zero)"
            ));
        }
        if file_type.is_socket() {
            return Some(tr!("dit is een socket", "this is a socket"));
        }
    }
    Some(tr!(
        "dit is een bijzonder bestand",
        "this is a special file"
    ))
}

/// The bytes of the regular file at `path` (a symbolic link is followed), if it holds at most
/// `limit` bytes. The type is checked before the file is opened, and again on the open file,
/// which is opened without blocking: a FIFO put there in between cannot make it hang.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io = |err: std::io::Error| match err.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(err),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if let Some(what) = kind_of(meta.file_type()) {
        return Err(ReadError::NotAFile(what));
    }
    if meta.len() > limit {
        return Err(ReadError::TooBig {
            size: meta.len(),
            limit,
        });
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if let Some(what) = kind_of(meta.file_type()) {
        return Err(ReadError::NotAFile(what));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        // It grew while it was read.
        return Err(ReadError::TooBig {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "12345").unwrap();
        assert_eq!(read_regular(&file, 5).unwrap(), b"12345");
        assert!(matches!(
            read_regular(&file, 4),
            Err(ReadError::TooBig { size: 5, limit: 4 })
        ));
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadError::NotAFile(_))
        ));
        assert!(matches!(
            read_regular(&dir.path().join("x"), 10),
            Err(ReadError::NotFound)
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(ReadError::NotAFile(_))
        ));
    }
}
