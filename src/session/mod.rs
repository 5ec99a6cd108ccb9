//! A running session: its events, the state they add up to, the clock, and the journal
//! that keeps them on disk.

pub mod clock;
pub mod draft;
pub mod event;
pub mod fault;
pub mod journal;
pub mod state;
pub mod timer;

pub use event::{CardRef, Event, NoteKind, Record};
pub use state::Session;

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
