//! A running session: its events, the state they add up to, the clock, and the journal
//! that keeps them on disk.

pub mod clock;
pub mod draft;
pub mod due;
pub mod event;
pub mod journal;
pub mod state;
pub mod timer;

pub use event::{CardRef, Event, NoteKind, Record};
pub use state::Session;
