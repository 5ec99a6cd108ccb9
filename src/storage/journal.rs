//! The session journal: an append-only file of [`Record`]s, one JSON object per line.
//!
//! Data safety rules, in order of importance:
//! - an event is confirmed (returned by [`Journal::append`]) only after it was written and
//!   `fsync`ed; a failed append is truncated away again, so the file never keeps a half record
//!   from a running process;
//! - a process killed mid-write leaves at most one incomplete last line (a *torn tail*); it is
//!   reported by [`load`] and set aside in a side file by [`Journal::open_for_append`], never
//!   silently dropped;
//! - damage anywhere else is an error that names the line; the file is never changed to "fix" it;
//! - one process at a time: the journal is exclusively locked while it is open for appending;
//! - notes are sensitive: new directories are 0700, session files 0600.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local};

use super::io_cause;
use crate::session::event::{self, Event, Record};
use crate::session::misfit::Misfit;
use crate::session::state::StateError;
use crate::tr;

/// At most this many characters of the title go into the file name.
const MAX_SLUG: usize = 40;
/// Attempts at a free file name before giving up (each with a new random suffix).
const NAME_ATTEMPTS: u32 = 100;

/// An open session journal, exclusively locked by this process until it is dropped.
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
    next_seq: u64,
    /// Length of the file up to and including the last confirmed record.
    good_len: u64,
    /// A failed append could not be truncated away: the file may end in a partial record.
    /// The next append first tries to truncate again.
    dirty: bool,
    /// Where `open_for_append` put an incomplete last line, if it found one.
    set_aside: Option<PathBuf>,
    /// Test seam: make the next append fail after writing this many bytes.
    fault: Option<usize>,
}

/// What a journal file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// All complete records, `seq` 0, 1, 2, … without gaps; the first is `session_started`.
    pub records: Vec<Record>,
    /// An incomplete last line: the process was stopped while writing it. Its events were
    /// never confirmed.
    pub torn_tail: Option<TornTail>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TornTail {
    /// 1-based line number where the incomplete part starts.
    pub line: usize,
    /// The bytes from that line to the end of the file, as they are on disk.
    pub bytes: Vec<u8>,
}

/// Why a file could not be read as a session.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", tr!(
        "{}: kan het sessiebestand niet lezen: {}",
        "{}: cannot read the session file: {}",
        path.display(),
        source
    ))]
    Io { path: PathBuf, source: io::Error },
    /// Not a tafel session at all: empty, binary, another kind of file.
    #[error("{}", tr!(
        "{}: geen tafel-sessie: {}",
        "{}: not a tafel session: {}",
        path.display(),
        reason
    ))]
    NotASession { path: PathBuf, reason: NotASession },
    /// A tafel session that is damaged before its last line. Nothing was changed.
    #[error("{}", tr!(
        "{}:{}:{}: sessiebestand beschadigd (niets gewijzigd): {}; wat ervoor staat is te exporteren met `tafel export {} --readable`",
        "{}:{}:{}: session file damaged (nothing was changed): {}; what comes before it can be exported with `tafel export {} --readable`",
        path.display(),
        line,
        column,
        damage,
        path.file_stem().unwrap_or_default().to_string_lossy()
    ))]
    Damaged {
        path: PathBuf,
        /// 1-based.
        line: usize,
        /// 1-based, in bytes.
        column: usize,
        damage: Damage,
    },
}

/// Why the first line of a file does not start a tafel session.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotASession {
    #[error("{}", tr!(
        "onbekend formaat \"{format}\" (verwacht \"{}\"); misschien gemaakt met een nieuwere tafel",
        "unknown format \"{format}\" (expected \"{}\"); perhaps made by a newer tafel",
        event::FORMAT
    ))]
    UnknownFormat { format: String },
    #[error("{}", tr!(
        "het eerste record is geen sessiestart",
        "the first record is not a session start"
    ))]
    FirstNotStart,
    #[error("{}", tr!("het bestand is geen tekst (binair?)", "the file is not text (binary?)"))]
    Binary,
    #[error("{}", tr!(
        "alleen een onvolledige eerste regel: de sessie werd afgebroken tijdens het starten",
        "only an incomplete first line: the session was interrupted while starting"
    ))]
    IncompleteFirstLine,
    #[error("{}", tr!("de eerste regel is leeg", "the first line is empty"))]
    EmptyFirstLine,
    #[error("{}", tr!(
        "de eerste regel is JSON, maar geen tafel-record",
        "the first line is JSON, but not a tafel record"
    ))]
    OtherJson,
    #[error("{}", tr!("de eerste regel is geen JSON", "the first line is not JSON"))]
    NotJson,
    #[error("{}", tr!(
        "het bestand is leeg (een sessie die bij het starten werd afgebroken; weggooien mag)",
        "the file is empty (a session interrupted while starting; it may be deleted)"
    ))]
    Empty,
}

/// What is wrong with a line of a session file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    #[error("{}", tr!(
        "het controlegetal klopt niet: de regel is na het schrijven veranderd",
        "the checksum does not match: the line changed after it was written"
    ))]
    Checksum,
    #[error("{}", tr!(
        "onleesbaar record: geen geldige UTF-8-tekst",
        "unreadable record: not valid UTF-8 text"
    ))]
    NotUtf8,
    /// The JSON parser's own words (English), without its position.
    #[error("{}", tr!("onleesbaar record: {detail}", "unreadable record: {detail}"))]
    Unreadable { detail: String },
    #[error("{}", tr!(
        "volgnummer {found} waar {expected} verwacht werd (er ontbreekt een record of er staat er een dubbel)",
        "sequence number {found} where {expected} was expected (a record is missing or duplicated)"
    ))]
    Sequence { found: u64, expected: u64 },
    /// A well-formed record that does not fit the ones before it.
    #[error(transparent)]
    Misfit(#[from] Misfit),
}

/// Why a journal could not be started, opened or written. The cause comes first and the
/// path last: on a narrow status line "schijf vol" must be what stays visible.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The sessions directory could not be created.
    #[error("{}", tr!(
        "{}: kan de map voor sessies niet aanmaken ({})",
        "{}: cannot create the sessions folder ({})",
        io_cause(source),
        path.display()
    ))]
    CreateDir { path: PathBuf, source: io::Error },
    /// A new session file could not be created.
    #[error("{}", tr!(
        "{}: kan het sessiebestand niet aanmaken ({})",
        "{}: cannot create the session file ({})",
        io_cause(source),
        path.display()
    ))]
    Create { path: PathBuf, source: io::Error },
    /// An existing session file could not be opened or locked.
    #[error("{}", tr!(
        "{}: kan het sessiebestand niet openen ({})",
        "{}: cannot open the session file ({})",
        io_cause(source),
        path.display()
    ))]
    Open { path: PathBuf, source: io::Error },
    /// Another process (another tafel) has the session open.
    #[error("{}", tr!(
        "{}: deze sessie is geopend in een andere tafel; sluit die eerst",
        "{}: this session is open in another tafel; close that one first",
        path.display()
    ))]
    Locked { path: PathBuf },
    /// The file could not be read or is not a usable session.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// An incomplete last line could not be moved to its side file; nothing was changed.
    #[error("{}", tr!(
        "{}: kan de onvolledige laatste regel niet apart zetten in {} (niets gewijzigd): {}",
        "{}: cannot set the incomplete last line aside in {} (nothing was changed): {}",
        path.display(),
        side.display(),
        source
    ))]
    SetAside {
        path: PathBuf,
        side: PathBuf,
        source: io::Error,
    },
    /// Appending failed; the file was put back as it was and nothing was saved.
    #[error("{}", tr!(
        "{}: de laatste wijziging is niet bewaard ({})",
        "{}: the last change was not saved ({})",
        io_cause(source),
        path.display()
    ))]
    Write { path: PathBuf, source: io::Error },
    /// Appending failed and the partial write could not be taken back either. The next
    /// append tries again; until then the file may end in an incomplete line (which `load`
    /// reports as a torn tail, so confirmed records are still safe).
    #[error("{}", tr!(
        "{}: de laatste wijziging is niet bewaard; eerder bewaarde gegevens zijn veilig (het onvolledige stuk kon niet worden verwijderd: {}; {})",
        "{}: the last change was not saved; earlier saved data is safe (the incomplete part could not be removed: {}; {})",
        io_cause(source),
        io_cause(cleanup),
        path.display()
    ))]
    WriteUnrecovered {
        path: PathBuf,
        source: io::Error,
        cleanup: io::Error,
    },
}

impl Journal {
    /// Starts a new journal in `dir` (created 0700 if missing) named
    /// `YYYYMMDD-HHMMSS-<slug>-<4 hex>.jsonl`, mode 0600, locked for this process, holding
    /// `first` (the session's start) as its first records.
    ///
    /// The journal never exists without its first records: they are written to a temporary
    /// file, fsynced, and only then linked under the journal's name (never replacing a file),
    /// so a kill or a full disk during start-up leaves no empty session behind.
    pub fn create(
        dir: &Path,
        started: DateTime<Local>,
        slug: &str,
        first: Vec<Event>,
        at: DateTime<FixedOffset>,
        t: u64,
    ) -> Result<(Journal, Vec<Record>), JournalError> {
        create_private_dir(dir).map_err(|source| JournalError::CreateDir {
            path: dir.to_path_buf(),
            source,
        })?;
        let records: Vec<Record> = first
            .into_iter()
            .zip(0..)
            .map(|(event, seq)| Record { seq, at, t, event })
            .collect();
        let create_error = |path: &Path, source| JournalError::Create {
            path: path.to_path_buf(),
            source,
        };
        let buf = serialize(&records).map_err(|source| create_error(dir, source))?;
        // O_EXCL, a random name, mode 0600: nothing in the directory can redirect it.
        let mut temp = tempfile::Builder::new()
            .prefix(".tafel-nieuw-")
            .suffix(".part")
            .tempfile_in(dir)
            .map_err(|source| create_error(dir, source))?;
        lock(temp.as_file(), temp.path())?;
        super::fault::disk_full()
            .and_then(|()| temp.write_all(&buf))
            .and_then(|()| temp.as_file().sync_all())
            .map_err(|source| create_error(dir, source))?;
        let stamp = started.format("%Y%m%d-%H%M%S");
        let slug = sanitize_slug(slug);
        let mut attempt = 0;
        let (path, file) = loop {
            attempt += 1;
            let suffix: u16 = rand::random();
            let path = dir.join(format!("{stamp}-{slug}-{suffix:04x}.jsonl"));
            match temp.persist_noclobber(&path) {
                Ok(file) => break (path, file),
                Err(e)
                    if e.error.kind() == io::ErrorKind::AlreadyExists
                        && attempt < NAME_ATTEMPTS =>
                {
                    temp = e.file;
                }
                Err(e) => return Err(create_error(&path, e.error)),
            }
        };
        if let Err(source) = sync_dir(dir) {
            // The name might not survive a crash: do not pretend the session was started.
            drop(file);
            let _ = fs::remove_file(&path);
            return Err(create_error(&path, source));
        }
        let journal = Journal {
            file,
            path,
            next_seq: records.len() as u64,
            good_len: buf.len() as u64,
            dirty: false,
            set_aside: None,
            fault: None,
        };
        Ok((journal, records))
    }

    /// Opens an existing journal to continue it: locks it, loads it and, if it ends in an
    /// incomplete line, moves that line to `<name>.torn-<YYYYMMDD-HHMMSS>` (0600) and
    /// truncates the journal to its last complete record.
    pub fn open_for_append(path: &Path) -> Result<(Journal, Loaded), JournalError> {
        Journal::open_inner(path, None)
    }

    /// As [`Journal::open_for_append`], with a last record that does not fit (`fits`) set
    /// aside like an incomplete line.
    pub fn open_fitting(path: &Path, fits: Fits) -> Result<(Journal, Loaded), JournalError> {
        Journal::open_inner(path, Some(fits))
    }

    fn open_inner(path: &Path, fits: Option<Fits>) -> Result<(Journal, Loaded), JournalError> {
        let file = OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(|source| JournalError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        lock(&file, path)?;
        let (loaded, good_len) = load_inner(path, fits).map_err(JournalError::Load)?;
        let mut set_aside = None;
        if let Some(torn) = &loaded.torn_tail {
            set_aside = Some(write_side_file(path, &torn.bytes)?);
            let truncate = file.set_len(good_len).and_then(|()| file.sync_data());
            if let Err(source) = truncate {
                // The incomplete line is safe in its side file; the journal may still end in
                // it, which the next attempt handles the same way.
                return Err(JournalError::Open {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
        let next_seq = loaded.records.last().map_or(0, |r| r.seq + 1);
        let journal = Journal {
            file,
            path: path.to_path_buf(),
            next_seq,
            good_len,
            dirty: false,
            set_aside,
            fault: None,
        };
        Ok((journal, loaded))
    }

    /// Appends `events` as consecutive records, all stamped `at` and `t`. The records are
    /// returned only once they are on disk (written and fsynced). On failure nothing was
    /// saved: the file is truncated back and the sequence numbers are not used up.
    pub fn append(
        &mut self,
        events: Vec<Event>,
        at: DateTime<FixedOffset>,
        t: u64,
    ) -> Result<Vec<Record>, JournalError> {
        if self.dirty {
            self.truncate_to_good()
                .map_err(|source| JournalError::Write {
                    path: self.path.clone(),
                    source,
                })?;
        }
        if events.is_empty() {
            return Ok(Vec::new());
        }
        let records: Vec<Record> = events
            .into_iter()
            .zip(self.next_seq..)
            .map(|(event, seq)| Record { seq, at, t, event })
            .collect();
        let buf = serialize(&records).map_err(|source| JournalError::Write {
            path: self.path.clone(),
            source,
        })?;
        match self.write_and_sync(&buf) {
            Ok(()) => {
                self.good_len += buf.len() as u64;
                self.next_seq += records.len() as u64;
                Ok(records)
            }
            Err(source) => match self.truncate_to_good() {
                Ok(()) => Err(JournalError::Write {
                    path: self.path.clone(),
                    source,
                }),
                Err(cleanup) => Err(JournalError::WriteUnrecovered {
                    path: self.path.clone(),
                    source,
                    cleanup,
                }),
            },
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The session id: the file name without `.jsonl`.
    pub fn id(&self) -> String {
        self.path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// How many records the journal holds on disk (confirmed), which is also the next `seq`.
    pub fn records_written(&self) -> u64 {
        self.next_seq
    }

    /// Where `open_for_append` put an incomplete last line, if there was one.
    pub fn set_aside(&self) -> Option<&Path> {
        self.set_aside.as_deref()
    }

    /// For tests only: the next append writes only its first `bytes` bytes and then fails as
    /// if the disk were full, so the recovery path can be exercised without filling a disk.
    #[doc(hidden)]
    pub fn fail_next_append_after(&mut self, bytes: usize) {
        self.fault = Some(bytes);
    }

    fn write_and_sync(&mut self, buf: &[u8]) -> io::Result<()> {
        super::fault::disk_full()?;
        // A journal made by `create` is not opened for appending: write at the end of what
        // is confirmed (for an appending file this changes nothing).
        self.file.seek(SeekFrom::Start(self.good_len))?;
        if let Some(limit) = self.fault.take() {
            self.file.write_all(&buf[..limit.min(buf.len())])?;
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device (simulated)",
            ));
        }
        self.file.write_all(buf)?;
        self.file.sync_data()
    }

    fn truncate_to_good(&mut self) -> io::Result<()> {
        self.dirty = true;
        self.file.set_len(self.good_len)?;
        self.file.sync_data()?;
        self.dirty = false;
        Ok(())
    }
}

/// Records as journal lines: one JSON object and a newline each, the object ending in a
/// checksum of itself (see [`CRC_KEY`]).
fn serialize(records: &[Record]) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(256 * records.len());
    for record in records {
        let mut line = serde_json::to_vec(record).map_err(io::Error::other)?;
        let crc = crc32fast::hash(&line);
        line.pop(); // the closing brace, put back after the checksum
        buf.extend_from_slice(&line);
        buf.extend_from_slice(format!(",{CRC_KEY}\"{crc:08x}\"}}\n").as_bytes());
    }
    Ok(buf)
}

/// Every record ends in `"crc":"<8 hex>"`: the CRC-32 of the line as it would be without
/// it. A byte flipped inside a text (which still parses as JSON) is then caught. Lines
/// without it (written by older versions) are read as they are.
const CRC_KEY: &str = "\"crc\":";

/// The line without its checksum, after checking it; `Err` with the column where the
/// checksum starts when it does not match.
fn verify_crc(content: &[u8]) -> Result<std::borrow::Cow<'_, [u8]>, usize> {
    // `,"crc":"xxxxxxxx"}`
    const TAIL: usize = 1 + 6 + 1 + 8 + 1 + 1;
    let Some(at) = content.len().checked_sub(TAIL) else {
        return Ok(content.into());
    };
    let tail = &content[at..];
    let expected = tail
        .strip_prefix(b",")
        .and_then(|t| t.strip_prefix(CRC_KEY.as_bytes()))
        .and_then(|t| t.strip_prefix(b"\""))
        .and_then(|t| t.strip_suffix(b"\"}"))
        .and_then(|hex| std::str::from_utf8(hex).ok())
        .and_then(|hex| u32::from_str_radix(hex, 16).ok());
    let Some(expected) = expected else {
        return Ok(content.into());
    };
    let mut bare = content[..at].to_vec();
    bare.push(b'}');
    if crc32fast::hash(&bare) == expected {
        Ok(bare.into())
    } else {
        Err(at + 2)
    }
}

/// Reads a journal without changing it. A missing final newline or an unreadable last line is
/// a torn tail (reported in [`Loaded::torn_tail`]); anything wrong before that is an error.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    load_inner(path, None).map(|(loaded, _)| loaded)
}

/// A line that did not parse; damage unless it turns out to be the last one.
struct BadLine {
    line: usize,
    column: usize,
    damage: Damage,
    bytes: Vec<u8>,
}

/// Whether the records make sense together, or the first that does not and why. The
/// journal only stores; the session's rules come from the caller.
pub type Fits<'a> = &'a dyn Fn(&[Record]) -> Result<(), StateError>;

/// As [`load`], and records that do not fit (`fits`) are damage — except the very last one,
/// which is reported as a torn tail like an incomplete line: nothing after it depends on it.
pub fn load_fitting(path: &Path, fits: Fits) -> Result<Loaded, LoadError> {
    load_inner(path, Some(fits)).map(|(loaded, _)| loaded)
}

/// Streams the file once (never holding more than one line besides the records) and returns
/// what it holds plus the byte length of the complete records.
fn load_inner(path: &Path, fits: Option<Fits>) -> Result<(Loaded, u64), LoadError> {
    let file = File::open(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    load_from(BufReader::with_capacity(1 << 16, file), path, fits)
}

/// What can still be read of a journal that is damaged in the middle: the records before
/// the damage, and the 1-based line where it starts (`None`: not damaged). Read-only, for
/// exporting what is left; a file that is not a session at all is still an error.
pub fn load_readable(path: &Path, fits: Fits) -> Result<(Loaded, Option<usize>), LoadError> {
    match load_inner(path, Some(fits)) {
        Ok((loaded, _)) => Ok((loaded, None)),
        Err(LoadError::Damaged { line, .. }) => {
            let bytes = fs::read(path).map_err(|source| LoadError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            let end = bytes
                .split_inclusive(|&b| b == b'\n')
                .take(line - 1)
                .map(<[u8]>::len)
                .sum();
            let (loaded, _) = load_from(&bytes[..end], path, Some(fits))?;
            Ok((loaded, Some(line)))
        }
        Err(e) => Err(e),
    }
}

fn load_from(
    mut reader: impl BufRead,
    path: &Path,
    fits: Option<Fits>,
) -> Result<(Loaded, u64), LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let not_a_session = |reason| LoadError::NotASession {
        path: path.to_path_buf(),
        reason,
    };
    let mut records: Vec<Record> = Vec::new();
    let mut buf = Vec::new();
    let mut line = 0usize;
    let mut good_len = 0u64;
    let mut bad: Option<BadLine> = None;
    let mut torn_tail = None;
    // The last complete line as it is on disk, in case its record does not fit the session.
    let mut last_line: Vec<u8> = Vec::new();
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(io_error)?;
        if n == 0 {
            break;
        }
        line += 1;
        if let Some(bad) = bad.take() {
            // An unreadable line with more after it: not a torn write, but damage.
            return Err(LoadError::Damaged {
                path: path.to_path_buf(),
                line: bad.line,
                column: bad.column,
                damage: bad.damage,
            });
        }
        let Some(content) = buf.strip_suffix(b"\n") else {
            // The last chunk, without its newline: the writer was stopped.
            if records.is_empty() {
                return Err(not_a_session(first_line_reason(&buf, false)));
            }
            torn_tail = Some(TornTail {
                line,
                bytes: std::mem::take(&mut buf),
            });
            break;
        };
        match parse_line(content) {
            Ok(record) => {
                if records.is_empty() {
                    check_first(&record).map_err(not_a_session)?;
                }
                let expected = records.len() as u64;
                if record.seq != expected {
                    return Err(LoadError::Damaged {
                        path: path.to_path_buf(),
                        line,
                        column: 1,
                        damage: Damage::Sequence {
                            found: record.seq,
                            expected,
                        },
                    });
                }
                good_len += n as u64;
                records.push(record);
                last_line.clear();
                last_line.extend_from_slice(&buf);
            }
            Err((column, damage)) => {
                if records.is_empty() {
                    return Err(not_a_session(first_line_reason(content, true)));
                }
                bad = Some(BadLine {
                    line,
                    column,
                    damage,
                    bytes: buf.clone(),
                });
            }
        }
    }
    if let Some(bad) = bad {
        torn_tail = Some(TornTail {
            line: bad.line,
            bytes: bad.bytes,
        });
    }
    if records.len() > 1
        && let Some(fits) = fits
        && let Err(StateError { seq, misfit }) = fits(&records)
    {
        let last = records.len() - 1;
        if seq != records[last].seq {
            return Err(LoadError::Damaged {
                path: path.to_path_buf(),
                line: records
                    .iter()
                    .position(|r| r.seq == seq)
                    .map_or(1, |i| i + 1),
                column: 1,
                damage: misfit.into(),
            });
        }
        // Valid JSON that does not fit as the very last line: handled like an incomplete
        // line, since nothing after it depends on it (it was never confirmed by a tafel
        // that kept writing).
        records.pop();
        good_len -= last_line.len() as u64;
        let mut bytes = std::mem::take(&mut last_line);
        if let Some(torn) = torn_tail.take() {
            bytes.extend_from_slice(&torn.bytes);
        }
        torn_tail = Some(TornTail {
            line: last + 1,
            bytes,
        });
    }
    if records.is_empty() {
        return Err(not_a_session(NotASession::Empty));
    }
    Ok((Loaded { records, torn_tail }, good_len))
}

/// One line (without its newline) as a record, or the 1-based byte column and what is wrong.
fn parse_line(content: &[u8]) -> Result<Record, (usize, Damage)> {
    let content = verify_crc(content).map_err(|column| (column, Damage::Checksum))?;
    let text = std::str::from_utf8(&content).map_err(|e| (e.valid_up_to() + 1, Damage::NotUtf8))?;
    serde_json::from_str::<Record>(text).map_err(|e| {
        let full = e.to_string();
        let location = format!(" at line {} column {}", e.line(), e.column());
        let detail = full.strip_suffix(&location).unwrap_or(&full).to_string();
        (e.column().max(1), Damage::Unreadable { detail })
    })
}

/// The first record must start a session in a format this version understands.
fn check_first(record: &Record) -> Result<(), NotASession> {
    match &record.event {
        Event::SessionStarted { format, .. } if format == event::FORMAT => Ok(()),
        Event::SessionStarted { format, .. } => Err(NotASession::UnknownFormat {
            format: format.clone(),
        }),
        _ => Err(NotASession::FirstNotStart),
    }
}

/// Why a file whose first line is not a session start is not a session.
fn first_line_reason(first: &[u8], terminated: bool) -> NotASession {
    let Ok(text) = std::str::from_utf8(first) else {
        return NotASession::Binary;
    };
    if !terminated
        && (serde_json::from_str::<Record>(text).is_ok()
            || text.trim_start().starts_with("{\"seq\":"))
    {
        return NotASession::IncompleteFirstLine;
    }
    if text.trim().is_empty() {
        return NotASession::EmptyFirstLine;
    }
    if serde_json::from_str::<serde_json::Value>(text).is_ok() {
        NotASession::OtherJson
    } else {
        NotASession::NotJson
    }
}

fn lock(file: &File, path: &Path) -> Result<(), JournalError> {
    match super::held::lock_exclusive(file) {
        Ok(()) => Ok(()),
        Err(fs::TryLockError::WouldBlock) => Err(JournalError::Locked {
            path: path.to_path_buf(),
        }),
        Err(fs::TryLockError::Error(source)) => Err(JournalError::Open {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Copies an incomplete last line to a new side file next to the journal, durably.
fn write_side_file(path: &Path, bytes: &[u8]) -> Result<PathBuf, JournalError> {
    let stamp = Local::now().format("%Y%m%d-%H%M%S");
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".torn-{stamp}"));
    let base = path.with_file_name(name);
    let mut side = base.clone();
    let mut n = 1;
    let result = loop {
        match create_private_file(&side, false) {
            Ok(file) => break Ok(file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < NAME_ATTEMPTS => {
                n += 1;
                let mut name = base.file_name().unwrap_or_default().to_os_string();
                name.push(format!("-{n}"));
                side = base.with_file_name(name);
            }
            Err(e) => break Err(e),
        }
    };
    let written = result.and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()?;
        sync_dir(parent_dir(&side))
    });
    match written {
        Ok(()) => Ok(side),
        Err(source) => Err(JournalError::SetAside {
            path: path.to_path_buf(),
            side,
            source,
        }),
    }
}

/// A new file that did not exist before (O_EXCL), readable by its owner only.
pub(crate) fn create_private_file(path: &Path, append: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    if append {
        options.append(true);
    } else {
        options.write(true);
    }
    options.create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Creates `dir` and any missing parents as 0700 (existing directories are left as they are)
/// and makes the new entries durable.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let missing: Vec<&Path> = dir
        .ancestors()
        .filter(|p| !p.as_os_str().is_empty())
        .take_while(|p| fs::symlink_metadata(p).is_err())
        .collect();
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    // Outermost first, so each new directory's entry is durable in its parent.
    for new in missing.iter().rev() {
        sync_dir(parent_dir(new))?;
    }
    Ok(())
}

/// The directory a path is in (`.` for a bare name).
pub(crate) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes creations, renames and removals in `dir` durable. File systems that cannot sync a
/// directory (EINVAL) are accepted as they are.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        match File::open(dir)?.sync_all() {
            Err(e) if e.kind() == io::ErrorKind::InvalidInput => Ok(()),
            other => other,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// The title as a file-name part (see [`crate::text::slug`]), "sessie" when nothing is left.
fn sanitize_slug(title: &str) -> String {
    match crate::text::slug(title, MAX_SLUG) {
        slug if slug.is_empty() => "sessie".to_string(),
        slug => slug,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_name_parts() {
        assert_eq!(sanitize_slug("Retro Sprint 12"), "retro-sprint-12");
        assert_eq!(sanitize_slug("  Ideeën & Afspraken!! "), "ideeen-afspraken");
        assert_eq!(sanitize_slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(sanitize_slug("💥"), "sessie");
        assert_eq!(sanitize_slug(""), "sessie");
        let long = sanitize_slug(&"ab ".repeat(50));
        assert!(long.len() <= MAX_SLUG && !long.ends_with('-'), "{long}");
        assert!(sanitize_slug(&"x".repeat(100)).len() == MAX_SLUG);
    }
}
