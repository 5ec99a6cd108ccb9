//! The rounds as they happened: each visit to a round from its `round_started` record to
//! the record that ended it. The timeline draws these; `]` and `[` jump between them.

use crate::session::{Event, Record, Session};

/// One stretch of a round, as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    /// The round's number on the agenda when it started (1-based).
    pub number: usize,
    pub title: String,
    /// Index of the `round_started` record.
    pub start: usize,
    /// Index of the record that ended it (`round_ended`), or the last record.
    pub end: usize,
    pub start_t: u64,
    pub end_t: u64,
}

/// Collects the visits while the records are folded, one record at a time.
#[derive(Debug, Default)]
pub struct Collector {
    visits: Vec<Visit>,
    /// The visit still running.
    open: Option<usize>,
}

impl Collector {
    /// Record `i`, with the session just after it (for the round's title as it was then).
    pub fn add(&mut self, i: usize, record: &Record, after: &Session) {
        match &record.event {
            Event::RoundStarted { round, .. } => {
                self.close(i, record.t);
                let title = after
                    .rounds
                    .get(*round)
                    .map(|r| r.round.title.clone())
                    .unwrap_or_default();
                self.open = Some(self.visits.len());
                self.visits.push(Visit {
                    number: round + 1,
                    title,
                    start: i,
                    end: i,
                    start_t: record.t,
                    end_t: record.t,
                });
            }
            Event::RoundEnded { .. } => self.close(i, record.t),
            _ => {}
        }
    }

    /// The visits; one still running ends at the last record.
    pub fn finish(mut self, records: &[Record]) -> Vec<Visit> {
        if let Some(last) = records.last() {
            self.close(records.len() - 1, last.t);
        }
        self.visits
    }

    fn close(&mut self, i: usize, t: u64) {
        if let Some(v) = self.open.take() {
            self.visits[v].end = i;
            self.visits[v].end_t = t;
        }
    }
}

/// The visit a record belongs to: the last one started at or before it.
pub fn visit_at(visits: &[Visit], position: usize) -> Option<usize> {
    visits.iter().rposition(|v| v.start <= position)
}

/// The start of the next visit after `position`.
pub fn next_start(visits: &[Visit], position: usize) -> Option<usize> {
    visits.iter().map(|v| v.start).find(|&s| s > position)
}

/// The start of the visit before the one `position` is in (or of that one, when
/// `position` is past its start).
pub fn previous_start(visits: &[Visit], position: usize) -> Option<usize> {
    visits.iter().rev().map(|v| v.start).find(|&s| s < position)
}
