//! A running session: its events, the state they add up to and the clock. Pure: the
//! journal that keeps them on disk is `storage`.

pub mod clock;
pub mod draft;
pub mod due;
pub mod event;
pub mod groupwork;
pub mod misfit;
pub mod state;
pub mod themes;
pub mod timer;

pub use event::{CardRef, Event, NoteKind, Record};
pub use state::Session;

/// Whether records fold to a session (what the journal checks a last record against).
pub fn fits(records: &[Record]) -> Result<(), state::StateError> {
    Session::from_records(records).map(|_| ())
}
