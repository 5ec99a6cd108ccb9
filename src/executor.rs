//! Carrying out what the session app asks for. The app returns effects as data; this is the
//! one place that performs them, in order, through a [`Store`]: the terminal's store writes
//! the journal and the drafts (`tui`), the tests' store keeps them in memory. A record
//! reaches the app (`App::confirmed`) only once the store has it, so the screen never shows
//! what is not saved — in the tests exactly as in a room.

use std::collections::VecDeque;

use chrono::{DateTime, FixedOffset};

use crate::app::export::{ExportRequest, Exported};
use crate::app::{App, Effect};
use crate::session::clock::Clock;
use crate::session::draft::Draft;
use crate::session::{Event, Record};
use crate::storage::journal::JournalError;

/// Why a store did not keep what it was given. The app shows it in words; nothing decides
/// on it beyond that, so one variant per thing that can be kept.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The records were not written: none of them was saved.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// The drafts were not written. Only the cause in words: the app says what was not kept.
    #[error("{}", crate::storage::io_cause(source))]
    Drafts { source: std::io::Error },
}

/// Where a session's effects go.
pub trait Store {
    /// Appends `events` as records (all or none) and makes them durable; the records written,
    /// or why nothing was.
    fn append(
        &mut self,
        events: Vec<Event>,
        at: DateTime<FixedOffset>,
        t: u64,
    ) -> Result<Vec<Record>, StoreError>;
    /// Keeps exactly these unsaved texts (none: no draft), or says why it could not.
    fn keep_drafts(&mut self, drafts: &[Draft]) -> Result<(), StoreError>;
    /// Writes an export; `None` when this store leaves the answer to its caller.
    fn export(&mut self, request: &ExportRequest) -> Option<Exported>;
    /// The terminal bell.
    fn bell(&mut self);
}

/// What carrying out a batch of effects came to.
#[derive(Debug, Default)]
pub struct Carried {
    /// The app asked to leave.
    pub quit: bool,
    /// The app asked for the plan builder on its session.
    pub offer_plan: bool,
    /// Every effect, including those that confirming records led to, in order.
    pub seen: Vec<Effect>,
}

/// Carries out `effects` in order; persisting feeds the confirmed records back to the app,
/// whose follow-up effects are carried out after them.
pub fn carry_out(
    app: &mut App,
    store: &mut dyn Store,
    clock: &dyn Clock,
    effects: Vec<Effect>,
) -> Carried {
    let mut queue: VecDeque<Effect> = effects.into();
    let mut carried = Carried::default();
    while let Some(effect) = queue.pop_front() {
        carried.seen.push(effect.clone());
        match effect {
            Effect::Persist(events) => match store.append(events, clock.wall(), clock.t()) {
                Ok(records) => queue.extend(app.confirmed(&records)),
                Err(error) => app.persist_failed(error.to_string()),
            },
            Effect::KeepDrafts(drafts) => match store.keep_drafts(&drafts) {
                Ok(()) => app.drafts_kept(),
                Err(error) => app.drafts_failed(error.to_string()),
            },
            Effect::Bell => store.bell(),
            Effect::Quit => carried.quit = true,
            Effect::OfferPlan => carried.offer_plan = true,
            Effect::Export(request) => {
                if let Some(result) = store.export(&request) {
                    app.exported(result);
                }
            }
        }
    }
    carried
}
