//! What the facilitator sees besides what the room sees: the tips, every note (also those
//! the room does not see yet), the agenda with clock times and the projected end, and what
//! comes next.

use chrono::{DateTime, Duration, FixedOffset};

use super::{CardView, NoteView, cards, next_round, note_round, round_line};
use crate::catalog::RoundLength;
use crate::session::Session;
use crate::tr;

/// One round of the agenda, with a clock time: when it started, or when it is expected to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaRow {
    pub line: String,
    /// "14:05": started then (done or running), or expected then (to come).
    pub clock: Option<String>,
    pub state: RoundPlace,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundPlace {
    Done,
    Now,
    Next,
    Later,
    Skipped,
}

/// The round after this one: what to say and what to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextRound {
    pub line: String,
    pub instruction: String,
    /// "2 kaarten uit Koerskaarten", when the round draws.
    pub draw: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleView {
    /// The cards on the table, with the facilitator's tips.
    pub cards: Vec<CardView>,
    /// Every note of the round, shown to the room or not.
    pub notes: Vec<NoteView>,
    /// The round collects notes silently.
    pub silent: bool,
    pub notes_hidden: bool,
    pub agenda: Vec<AgendaRow>,
    /// "16:10": when the session ends if the rest goes as planned.
    pub projected_end: String,
    /// "we lopen 6 min uit", "2 min voor", "op schema".
    pub schedule: String,
    pub next: Option<NextRound>,
}

pub fn console(session: &Session, t: u64, wall: DateTime<FixedOffset>) -> ConsoleView {
    let round = note_round(session);
    let notes = round
        .map(|r| session.notes_of_round(r).map(NoteView::of).collect())
        .unwrap_or_default();
    let (agenda, end, late) = agenda(session, t, wall);
    ConsoleView {
        cards: cards(session),
        notes,
        silent: round.is_some_and(|r| session.rounds[r].silent),
        notes_hidden: session.notes_hidden,
        agenda,
        projected_end: end.format("%H:%M").to_string(),
        schedule: schedule_words(late),
        next: next_round(session).map(|i| next_of(session, i)),
    }
}

/// A round's length in the plan: its minutes, or for a round "tot 14:30" what it was given
/// when it started (or else spent).
fn plan_ms(session: &Session, i: usize) -> u64 {
    let round = &session.rounds[i];
    match round.round.length {
        RoundLength::Minutes(m) => u64::from(m) * 60_000,
        _ if session.current == Some(i) => round.spent_ms + session.timer.planned_ms,
        _ => round.given_ms.unwrap_or(round.spent_ms),
    }
}

pub fn schedule_words(late_ms: i64) -> String {
    let minutes = late_ms.unsigned_abs() / 60_000;
    if minutes == 0 {
        tr!("op schema", "on schedule")
    } else if late_ms > 0 {
        tr!("we lopen {minutes} min uit", "running {minutes} min late")
    } else {
        tr!("{minutes} min voor", "{minutes} min ahead")
    }
}

/// The agenda with clock times, the projected end, and how much later (positive) or
/// earlier that is than the plan, if the rest of the rounds take what they were planned.
///
/// A round "tot 14:30" takes up what is late or early before it: it ends at 14:30 either
/// way, unless it starts after that.
fn agenda(
    session: &Session,
    t: u64,
    wall: DateTime<FixedOffset>,
) -> (Vec<AgendaRow>, DateTime<FixedOffset>, i64) {
    let mut late = 0i64;
    let next = next_round(session);
    // From now on, the rest goes as planned.
    let mut cursor = wall
        + Duration::milliseconds(
            session
                .current
                .map_or(0, |_| session.timer.remaining_ms(t).max(0)),
        );
    let mut rows = Vec::new();
    for (i, round) in session.rounds.iter().enumerate() {
        let state = if round.skipped {
            RoundPlace::Skipped
        } else if session.current == Some(i) {
            RoundPlace::Now
        } else if round.visited && next.is_none_or(|n| i < n) {
            RoundPlace::Done
        } else if next == Some(i) {
            RoundPlace::Next
        } else {
            RoundPlace::Later
        };
        // A round "tot 14:30" that ran took up what was late before it, unless it began
        // after its clock time.
        if let (RoundLength::Until(until), Some(at), RoundPlace::Done | RoundPlace::Now) =
            (round.round.length, round.started_at, state)
        {
            let end = at.date_naive().and_time(until);
            late = (at.naive_local() - end).num_milliseconds().max(0);
        }
        if state == RoundPlace::Now {
            let remaining = session.timer.remaining_ms(t).max(0);
            let projected = (round.spent_ms + session.timer.elapsed_ms(t)) as i64 + remaining;
            late += projected - plan_ms(session, i) as i64;
        } else if round.visited && state != RoundPlace::Skipped {
            late += round.spent_ms as i64 - plan_ms(session, i) as i64;
        }
        let clock = match state {
            RoundPlace::Done | RoundPlace::Now => round.started_at.map(|at| at.format("%H:%M")),
            RoundPlace::Next | RoundPlace::Later => {
                let at = cursor;
                let length = match (round.round.length, round.planned_ms()) {
                    (_, Some(ms)) => ms as i64,
                    (RoundLength::Until(until), None) => {
                        let end = at.date_naive().and_time(until);
                        let left = (end - at.naive_local()).num_milliseconds();
                        // Ends at its clock time: only a start after it is late.
                        late = (-left).max(0);
                        left.max(0)
                    }
                    _ => 0,
                };
                cursor += Duration::milliseconds(length);
                Some(at.format("%H:%M"))
            }
            RoundPlace::Skipped => None,
        };
        rows.push(AgendaRow {
            line: round_line(session, i),
            clock: clock.map(|c| c.to_string()),
            state,
        });
    }
    (rows, cursor, late)
}

fn next_of(session: &Session, i: usize) -> NextRound {
    let round = &session.rounds[i].round;
    let draw = round.draw.as_ref().map(|draw| {
        let deck = draw
            .deck
            .as_deref()
            .or(session.default_deck())
            .and_then(|id| session.deck(id))
            .map_or_else(|| tr!("de stapel", "the deck"), |d| d.title.clone());
        let count = draw.count;
        if count == 1 {
            tr!("1 kaart uit {deck}", "1 card from {deck}")
        } else {
            tr!("{count} kaarten uit {deck}", "{count} cards from {deck}")
        }
    });
    NextRound {
        line: round_line(session, i),
        instruction: round.instruction.clone(),
        draw,
    }
}
