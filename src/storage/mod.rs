//! Keeping sessions on disk: the journal (appended and fsynced before anything is
//! confirmed) and the drafts beside it. The only part of the session's house that touches
//! files; `session` folds what is read here. Also the deck directories read for `catalog`
//! (`decks`) and the plan files the builder saves (`plan_file`).

pub mod decks;
pub mod draft;
pub mod fault;
pub mod held;
pub mod journal;
pub mod plan_file;

use crate::session::{Record, Session, fits};

/// What went wrong with a file, in words a facilitator understands, the cause first: "schijf
/// vol" rather than "No space left on device (os error 28)".
pub fn io_cause(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::StorageFull => crate::tr!("schijf vol", "disk full"),
        ErrorKind::QuotaExceeded => crate::tr!("schijfquotum op", "disk quota exceeded"),
        ErrorKind::PermissionDenied => crate::tr!("geen toegang", "permission denied"),
        ErrorKind::ReadOnlyFilesystem => {
            crate::tr!("alleen-lezen schijf", "read-only file system")
        }
        ErrorKind::NotFound => crate::tr!("map of bestand bestaat niet", "no such file or folder"),
        _ => err.to_string(),
    }
}

/// A session file read for looking back (replay, export, listing): the journal, with a last
/// record that does not fit the session reported as a torn tail instead of making the whole
/// session unreadable. Never changes the file.
pub fn load(path: &std::path::Path) -> Result<journal::Loaded, journal::LoadError> {
    journal::load_fitting(path, &fits)
}

/// A session file opened to continue it: as [`load`], and a last record that does not fit is
/// moved to a side file.
pub fn open_for_append(
    path: &std::path::Path,
) -> Result<(journal::Journal, journal::Loaded), journal::JournalError> {
    journal::Journal::open_fitting(path, &fits)
}

/// As [`load`], with the session the records fold to: folded once, by the same check that
/// decides whether the records fit (a listing of thousands of journals would otherwise fold
/// each of them twice).
pub fn load_folded(
    path: &std::path::Path,
) -> Result<
    (
        journal::Loaded,
        Result<Session, crate::session::state::StateError>,
    ),
    journal::LoadError,
> {
    let folded: std::cell::RefCell<Option<Session>> = std::cell::RefCell::new(None);
    let loaded = journal::load_fitting(path, &|records: &[Record]| {
        let session = Session::from_records(records)?;
        *folded.borrow_mut() = Some(session);
        Ok(())
    })?;
    // Folded already unless the check did not run (one record) or set the last one aside.
    let session = match folded.into_inner() {
        Some(session) if session.next_seq == loaded.records.len() as u64 => Ok(session),
        _ => Session::from_records(&loaded.records),
    };
    Ok((loaded, session))
}

/// What can still be read of a session damaged in the middle (see
/// [`journal::load_readable`]), for exporting it; never changes the file.
pub fn load_readable(
    path: &std::path::Path,
) -> Result<(journal::Loaded, Option<usize>), journal::LoadError> {
    journal::load_readable(path, &fits)
}
