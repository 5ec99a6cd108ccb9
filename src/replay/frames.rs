//! The session as it stood after any record: the same fold as the live screen
//! (`Session::start` + `Session::apply`), with a checkpoint every [`CHECKPOINT_EVERY`]
//! records so that jumping anywhere applies at most that many records.

use crate::session::state::StateError;
use crate::session::{Record, Session};

/// A saved state every this many records.
pub const CHECKPOINT_EVERY: usize = 100;

/// The records of a session and the state at one position among them.
#[derive(Debug)]
pub struct Frames {
    records: Vec<Record>,
    /// `checkpoints[k]`: the state after record `k * CHECKPOINT_EVERY`.
    checkpoints: Vec<Session>,
    /// The state after the last record.
    last: Session,
    position: usize,
    /// The state after `records[position]`.
    state: Session,
    /// The states after records `recent_from..recent_from + recent.len()`: the stretch
    /// last folded from a checkpoint, so stepping back through it costs one copy a step.
    recent_from: usize,
    recent: Vec<Session>,
}

impl Frames {
    /// Folds every record once, calling `each(index, record, state after it)`: a record
    /// that does not fit is reported here, so moving around later cannot fail.
    pub fn new(
        records: Vec<Record>,
        mut each: impl FnMut(usize, &Record, &Session),
    ) -> Result<Frames, StateError> {
        let (first, rest) = records.split_first().ok_or(StateError {
            seq: 0,
            misfit: crate::session::misfit::Misfit::Empty,
        })?;
        let mut state = Session::start(first)?;
        each(0, first, &state);
        let mut checkpoints = vec![state.clone()];
        for (i, record) in rest.iter().enumerate() {
            state.apply(record)?;
            each(i + 1, record, &state);
            if (i + 1) % CHECKPOINT_EVERY == 0 {
                checkpoints.push(state.clone());
            }
        }
        let first_state = checkpoints[0].clone();
        Ok(Frames {
            records,
            checkpoints,
            last: state,
            position: 0,
            state: first_state,
            recent_from: 0,
            recent: Vec::new(),
        })
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// How many records there are (at least one).
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Never: a session has at least its start record.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn position(&self) -> usize {
        self.position
    }

    /// The record at the position.
    pub fn record(&self) -> &Record {
        &self.records[self.position]
    }

    /// The session after the record at the position.
    pub fn state(&self) -> &Session {
        &self.state
    }

    /// The session after the last record.
    pub fn last(&self) -> &Session {
        &self.last
    }

    /// Moves to record `n` (clamped to the last one): a copy when `n` was folded recently,
    /// else from the current state when that is closer than the checkpoint before `n`.
    pub fn seek(&mut self, n: usize) {
        let n = n.min(self.records.len() - 1);
        if n == self.position {
            return;
        }
        let checkpoint = n / CHECKPOINT_EVERY;
        let from_checkpoint = n - checkpoint * CHECKPOINT_EVERY;
        if let Some(state) = n
            .checked_sub(self.recent_from)
            .and_then(|i| self.recent.get(i))
        {
            self.state = state.clone();
        } else if n > self.position && n - self.position <= from_checkpoint {
            for record in &self.records[self.position + 1..=n] {
                // Every record was applied once in `new`: the same fold cannot fail now.
                let _ = self.state.apply(record);
            }
        } else if n == self.records.len() - 1 {
            self.state = self.last.clone();
        } else {
            let start = checkpoint * CHECKPOINT_EVERY;
            let mut state = self.checkpoints[checkpoint].clone();
            self.recent.clear();
            self.recent_from = start;
            self.recent.push(state.clone());
            for record in &self.records[start + 1..=n] {
                let _ = state.apply(record);
                self.recent.push(state.clone());
            }
            self.state = state;
        }
        self.position = n;
    }

    /// A fresh copy of the state after record `n`, leaving the position alone.
    pub fn session_at(&self, n: usize) -> Session {
        let n = n.min(self.records.len() - 1);
        let checkpoint = n / CHECKPOINT_EVERY;
        let mut state = self.checkpoints[checkpoint].clone();
        for record in &self.records[checkpoint * CHECKPOINT_EVERY + 1..=n] {
            // Every record was applied once in `new`: the same fold cannot fail now.
            let _ = state.apply(record);
        }
        state
    }
}
