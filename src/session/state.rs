//! The state of a session: a pure fold over its journal records. The live screen, replay
//! and resume all build it the same way, record by record, so what the screen showed is
//! exactly what the file says.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use super::event::{
    CardRef, Event, FORMAT, NoteKind, Record, ReviewItem, ReviewOutcome, RoleAssignment,
};
use super::groupwork::GroupWork;
use super::misfit::Misfit;
use super::timer::Timer;
use crate::catalog::shuffle::{rng_for, shuffle};
use crate::catalog::{Card, Category, Deck, Plan, Round, RoundLength};
use crate::tr;

/// The longest title a session can be given afterwards (`Event::SessionRenamed`).
pub const MAX_TITLE_CHARS: usize = 200;

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub title: String,
    pub plan: Plan,
    /// Shared: `apply` clones the state for every record, and the decks never change.
    pub decks: Arc<[Deck]>,
    pub session_deck: Option<String>,
    pub seed: u64,
    pub participants: Vec<String>,
    pub started_at: DateTime<FixedOffset>,
    pub rounds: Vec<RoundState>,
    pub current: Option<usize>,
    pub timer: Timer,
    /// The current round runs until this clock time.
    pub until: Option<NaiveTime>,
    pub piles: BTreeMap<String, Pile>,
    /// Cards drawn in this round and still on the table; the last one is shown large.
    pub table: Vec<CardRef>,
    /// The card of the table the room screen shows when they do not all fit: the last one
    /// drawn, or the one the facilitator paged to.
    pub focus: Option<CardRef>,
    pub notes: Vec<Note>,
    pub turn: Option<usize>,
    pub roles: Vec<RoleAssignment>,
    /// The room sees no notes (`h`): journaled, so the room screen and replay know.
    pub notes_hidden: bool,
    pub ended: bool,
    /// The earlier session this one follows up, and what became of its agreements.
    pub follow_up: Option<FollowUp>,
    /// Time of the last record: monotonic and wall clock.
    pub last_t: u64,
    pub last_at: DateTime<FixedOffset>,
    pub next_seq: u64,
    /// Preference styles, teams and votes (issue 10): see `session::groupwork`.
    pub group: GroupWork,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoundState {
    pub round: Round,
    pub inserted: bool,
    pub skipped: bool,
    /// Time actually spent in this round (pauses excluded), over all visits.
    pub spent_ms: u64,
    pub visited: bool,
    /// The cards on the table and the roles dealt when the round was last left, so a
    /// round visited again (← then →) comes back as it was.
    pub left_table: Vec<CardRef>,
    pub left_roles: Vec<RoleAssignment>,
    /// Once the round has run: the time it was given in all, following every live change
    /// (a minute more or less, "tot 14:30", a new length).
    pub given_ms: Option<u64>,
    /// When the round first started, by the wall clock (the agenda's clock times).
    pub started_at: Option<DateTime<FixedOffset>>,
    /// Notes saved in this round wait for a reveal before the room sees them.
    pub silent: bool,
}

impl RoundState {
    /// Planned length in ms: what the round was given once it ran (so over-time made with
    /// `-` counts as over-time), else its length in the plan. `None`: a round "tot 14:30"
    /// that has not run, whose length depends on when it starts.
    pub fn planned_ms(&self) -> Option<u64> {
        self.given_ms.or(match self.round.length {
            RoundLength::Minutes(m) => Some(u64::from(m) * 60_000),
            RoundLength::Until(_) => None,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pile {
    /// Card ids still to draw, the next one first.
    pub remaining: Vec<String>,
    /// Used and skipped cards, in the order they were set aside.
    pub aside: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub id: u64,
    pub kind: NoteKind,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    /// The date `due` was read as when it was saved.
    pub due_date: Option<NaiveDate>,
    pub round: usize,
    pub card: Option<CardRef>,
    pub deleted: bool,
    /// Earlier versions, oldest first, when the note was corrected.
    pub history: Vec<String>,
    pub at: DateTime<FixedOffset>,
    /// The room screen shows it: saved in a round that shows notes as they come, or
    /// revealed since.
    pub shown: bool,
    /// The team it was written for, as the team was then (`Event::NoteTeamSet`).
    pub team: Option<super::groupwork::NoteTeam>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FollowUp {
    pub session: String,
    pub title: String,
    pub items: Vec<(ReviewItem, Option<ReviewOutcome>)>,
}

/// "gedaan", "blijft open", "vervallen".
pub fn outcome_label(outcome: ReviewOutcome) -> String {
    match outcome {
        ReviewOutcome::Done => tr!("gedaan", "done"),
        ReviewOutcome::Open => tr!("blijft open", "kept open"),
        ReviewOutcome::Dropped => tr!("vervallen", "dropped"),
    }
}

/// A record that does not fit the state it is applied to: the file is damaged or was not
/// written by tafel.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!(
    "gebeurtenis {seq} past niet bij de sessie: {misfit}",
    "event {seq} does not fit the session: {misfit}"
))]
pub struct StateError {
    pub seq: u64,
    #[source]
    pub misfit: Misfit,
}

impl Session {
    /// The vote round `round` is, if it is one.
    pub fn vote_spec(&self, round: usize) -> Option<&crate::catalog::VoteSpec> {
        match &self.rounds.get(round)?.round.kind {
            crate::catalog::RoundKind::Vote(spec) => Some(spec),
            _ => None,
        }
    }

    /// The state after the first record, which must start the session.
    pub fn start(record: &Record) -> Result<Session, StateError> {
        let fail = |misfit| StateError {
            seq: record.seq,
            misfit,
        };
        let Event::SessionStarted {
            format,
            title,
            plan,
            decks,
            session_deck,
            seed,
            participants,
        } = &record.event
        else {
            return Err(fail(Misfit::FirstNotStart));
        };
        if format != FORMAT {
            return Err(fail(Misfit::UnknownFormat {
                format: format.clone(),
            }));
        }
        let piles = decks
            .iter()
            .map(|deck| {
                let mut remaining: Vec<String> = deck.cards.iter().map(|c| c.id.clone()).collect();
                shuffle(&mut remaining, &mut rng_for(*seed, &deck.id));
                (
                    deck.id.clone(),
                    Pile {
                        remaining,
                        aside: Vec::new(),
                    },
                )
            })
            .collect();
        Ok(Session {
            title: title.clone(),
            plan: plan.clone(),
            decks: decks.clone().into(),
            session_deck: session_deck.clone(),
            seed: *seed,
            participants: participants.clone(),
            started_at: record.at,
            rounds: plan
                .rounds
                .iter()
                .map(|round| RoundState {
                    round: round.clone(),
                    inserted: false,
                    skipped: false,
                    spent_ms: 0,
                    visited: false,
                    left_table: Vec::new(),
                    left_roles: Vec::new(),
                    given_ms: None,
                    started_at: None,
                    silent: false,
                })
                .collect(),
            current: None,
            timer: Timer::default(),
            until: None,
            piles,
            table: Vec::new(),
            focus: None,
            notes: Vec::new(),
            turn: None,
            roles: Vec::new(),
            notes_hidden: false,
            ended: false,
            follow_up: None,
            last_t: record.t,
            last_at: record.at,
            next_seq: record.seq + 1,
            group: GroupWork::default(),
        })
    }

    pub fn from_records(records: &[Record]) -> Result<Session, StateError> {
        let (first, rest) = records.split_first().ok_or(StateError {
            seq: 0,
            misfit: Misfit::Empty,
        })?;
        let mut session = Session::start(first)?;
        for record in rest {
            // No copy to roll back to: on an error the whole state is dropped anyway.
            session
                .apply_in_place(record)
                .map_err(|misfit| StateError {
                    seq: record.seq,
                    misfit,
                })?;
            session.stamp(record);
        }
        Ok(session)
    }

    /// Applies one record. On error the state is unchanged.
    pub fn apply(&mut self, record: &Record) -> Result<(), StateError> {
        let mut next = self.clone();
        next.apply_in_place(record).map_err(|misfit| StateError {
            seq: record.seq,
            misfit,
        })?;
        next.stamp(record);
        *self = next;
        Ok(())
    }

    /// The record was applied: it is the latest.
    fn stamp(&mut self, record: &Record) {
        self.last_t = record.t.max(self.last_t);
        // A title given afterwards says nothing about when the session ended.
        if !matches!(record.event, Event::SessionRenamed { .. }) {
            self.last_at = record.at;
        }
        self.next_seq = record.seq + 1;
    }

    fn apply_in_place(&mut self, record: &Record) -> Result<(), Misfit> {
        if record.seq != self.next_seq {
            let (got, want) = (record.seq, self.next_seq);
            return Err(Misfit::Sequence { got, want });
        }
        if self.ended && !matches!(record.event, Event::SessionRenamed { .. }) {
            return Err(Misfit::AlreadyEnded);
        }
        let t = record.t;
        self.apply_event(record, t)?;
        if let Some(current) = self.current
            && is_timer_change(&record.event)
        {
            let round = &mut self.rounds[current];
            round.given_ms = Some(round.spent_ms + self.timer.planned_ms);
        }
        Ok(())
    }

    fn apply_event(&mut self, record: &Record, t: u64) -> Result<(), Misfit> {
        match &record.event {
            // Group work (issue 10): preference styles, teams, votes.
            Event::StyleSetLoaded { .. }
            | Event::QuestionnaireAnswered { .. }
            | Event::StylesPicked { .. }
            | Event::TeamsFormed { .. }
            | Event::TeamMemberMoved { .. }
            | Event::VoteOpened { .. }
            | Event::VoteCast { .. }
            | Event::VoteRevealed { .. }
            | Event::VoteReopened { .. }
            | Event::ThemeCreated { .. }
            | Event::NotesThemed { .. }
            | Event::ThemeRenamed { .. }
            | Event::ThemesMerged { .. }
            | Event::NotesUnthemed { .. }
            | Event::TeamTurnPassed { .. }
            | Event::NoteTeamSet { .. } => self.apply_group(&record.event)?,
            Event::SessionStarted { .. } => {
                return Err(Misfit::StartsTwice);
            }
            Event::RoundStarted { round, planned_ms } => {
                self.round_index(*round)?;
                self.current = Some(*round);
                self.timer = Timer::started(*planned_ms, t);
                self.until = match self.rounds[*round].round.length {
                    RoundLength::Until(time) => Some(time),
                    RoundLength::Minutes(_) => None,
                };
                self.rounds[*round].visited = true;
                self.rounds[*round].started_at.get_or_insert(record.at);
            }
            Event::RoundEnded { round } => {
                if self.current != Some(*round) {
                    return Err(Misfit::RoundNotRunning { round: *round });
                }
                self.rounds[*round].spent_ms += self.timer.elapsed_ms(t);
                self.rounds[*round].left_table = self.table.clone();
                self.rounds[*round].left_roles = self.roles.clone();
                for card in std::mem::take(&mut self.table) {
                    self.pile_mut(&card.deck)?.aside.push(card.card);
                }
                self.timer.pause(t);
                self.roles.clear();
                self.current = None;
            }
            Event::TimerPaused => self.running_round()?.timer.pause(t),
            Event::TimerResumed => self.running_round()?.timer.resume(t),
            Event::TimerAdjusted { delta_ms } => self.running_round()?.timer.adjust(*delta_ms),
            Event::TimerRestarted => self.running_round()?.timer.restart(t),
            Event::TimerSetUntil { until, planned_ms } => {
                let session = self.running_round()?;
                session.timer.planned_ms = *planned_ms;
                session.until = Some(*until);
            }
            Event::CardDrawn { card } => {
                let pile = self.pile_mut(&card.deck)?;
                let Some(at) = pile.remaining.iter().position(|c| c == &card.card) else {
                    return Err(Misfit::CardNotInPile {
                        card: card.card.clone(),
                    });
                };
                pile.remaining.remove(at);
                self.table.push(card.clone());
                self.focus = Some(card.clone());
            }
            Event::CardShown { card } => {
                if !self.table.contains(card) {
                    return Err(Misfit::CardNotOnTable {
                        card: card.card.clone(),
                    });
                }
                self.focus = Some(card.clone());
            }
            Event::CardPutBack { card, position } => {
                self.take_from_table(card)?;
                let pile = self.pile_mut(&card.deck)?;
                let at = (*position).min(pile.remaining.len());
                pile.remaining.insert(at, card.card.clone());
            }
            Event::CardRestored { card } => {
                let pile = self.pile_mut(&card.deck)?;
                let id = &card.card;
                if let Some(at) = pile.aside.iter().position(|c| c == id) {
                    pile.aside.remove(at);
                } else if let Some(at) = pile.remaining.iter().position(|c| c == id) {
                    pile.remaining.remove(at);
                } else {
                    return Err(Misfit::CardNotWithPile { card: id.clone() });
                }
                self.table.push(card.clone());
                self.focus = Some(card.clone());
            }
            Event::CardSkipped { card } => {
                self.take_from_table(card)?;
                self.pile_mut(&card.deck)?.aside.push(card.card.clone());
            }
            Event::PileReshuffled { deck, order } => {
                let pile = self.pile_mut(deck)?;
                let mut expected: Vec<&String> =
                    pile.remaining.iter().chain(pile.aside.iter()).collect();
                let mut given: Vec<&String> = order.iter().collect();
                expected.sort();
                given.sort();
                if expected != given {
                    return Err(Misfit::ReshuffleMismatch { deck: deck.clone() });
                }
                pile.remaining = order.clone();
                pile.aside.clear();
            }
            Event::TurnPassed { to } => {
                if *to >= self.participants.len() {
                    return Err(Misfit::NoParticipant { index: *to });
                }
                self.turn = Some(*to);
            }
            Event::RolesAssigned { round, roles } => {
                self.round_index(*round)?;
                self.roles = roles.clone();
            }
            Event::NoteAdded {
                id,
                kind,
                text,
                owner,
                due,
                due_date,
                round,
                card,
            } => {
                if self.notes.iter().any(|n| n.id == *id) {
                    return Err(Misfit::NoteExists { id: *id });
                }
                self.round_index(*round)?;
                let shown = !self.rounds[*round].silent;
                self.notes.push(Note {
                    id: *id,
                    kind: *kind,
                    text: text.clone(),
                    owner: owner.clone(),
                    due: due.clone(),
                    due_date: *due_date,
                    round: *round,
                    card: card.clone(),
                    deleted: false,
                    history: Vec::new(),
                    at: record.at,
                    shown,
                    team: None,
                });
            }
            Event::NoteEdited {
                id,
                text,
                owner,
                due,
                due_date,
            } => {
                let note = self.note_mut(*id)?;
                let old = std::mem::replace(&mut note.text, text.clone());
                note.history.push(old);
                note.owner = owner.clone();
                note.due = due.clone();
                note.due_date = *due_date;
            }
            Event::NoteDeleted { id } => self.note_mut(*id)?.deleted = true,
            Event::NotesHidden { hidden } => self.notes_hidden = *hidden,
            Event::NotesSilent { round, silent } => {
                self.round_index(*round)?;
                self.rounds[*round].silent = *silent;
            }
            Event::NotesRevealed { round } => {
                self.round_index(*round)?;
                for note in self.notes.iter_mut().filter(|n| n.round == *round) {
                    note.shown = true;
                }
            }
            Event::RoundInserted {
                index: at,
                title,
                minutes,
            } => {
                if *at > self.rounds.len() {
                    return Err(Misfit::NoRound { round: *at });
                }
                self.rounds.insert(
                    *at,
                    RoundState {
                        round: Round::plain(title.clone(), RoundLength::Minutes(*minutes)),
                        inserted: true,
                        skipped: false,
                        spent_ms: 0,
                        visited: false,
                        left_table: Vec::new(),
                        left_roles: Vec::new(),
                        given_ms: None,
                        started_at: None,
                        silent: false,
                    },
                );
                // Everything that points at a round index after the new one moves up.
                if let Some(current) = self.current.as_mut()
                    && *current >= *at
                {
                    *current += 1;
                }
                for note in self.notes.iter_mut().filter(|n| n.round >= *at) {
                    note.round += 1;
                }
                self.group.round_inserted(*at);
            }
            Event::RoundSkipped { round, skipped } => {
                self.round_index(*round)?;
                self.rounds[*round].skipped = *skipped;
            }
            Event::RoundLengthChanged { round, minutes } => {
                self.round_index(*round)?;
                self.rounds[*round].round.length = RoundLength::Minutes(*minutes);
                self.rounds[*round].given_ms = None;
                if self.current == Some(*round) {
                    // A revisited round's timer only holds what was left of it.
                    self.timer.planned_ms =
                        (u64::from(*minutes) * 60_000).saturating_sub(self.rounds[*round].spent_ms);
                    self.until = None;
                }
            }
            Event::RoundUntilSet { round, until } => {
                self.round_index(*round)?;
                if self.current == Some(*round) {
                    return Err(Misfit::UntilWhileRunning { round: *round });
                }
                self.rounds[*round].round.length = RoundLength::Until(*until);
                self.rounds[*round].given_ms = None;
            }
            Event::FollowUpOpened {
                session,
                title,
                agreements,
            } => {
                if self.follow_up.is_some() {
                    return Err(Misfit::AlreadyFollowsUp);
                }
                self.follow_up = Some(FollowUp {
                    session: session.clone(),
                    title: title.clone(),
                    items: agreements.iter().map(|a| (a.clone(), None)).collect(),
                });
            }
            Event::AgreementReviewed {
                session,
                note,
                outcome,
            } => {
                let item = self.follow_up.as_mut().and_then(|f| {
                    let followed_up = f.session.clone();
                    f.items
                        .iter_mut()
                        .find(|(i, _)| i.note == *note && i.origin(&followed_up) == session)
                });
                match item {
                    Some((_, state)) => *state = Some(*outcome),
                    None => {
                        return Err(Misfit::AgreementNotListed {
                            note: *note,
                            session: session.clone(),
                        });
                    }
                }
            }
            Event::Checkpoint => {
                self.running_round()?;
            }
            Event::SessionRenamed { title } => {
                let title = title.trim();
                if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
                    return Err(Misfit::TitleLength);
                }
                self.title = title.to_string();
            }
            Event::SessionEnded => {
                if let Some(round) = self.current {
                    return Err(Misfit::RoundStillRunning { round });
                }
                self.ended = true;
            }
        }
        Ok(())
    }

    pub(super) fn round_index(&self, round: usize) -> Result<(), Misfit> {
        if round < self.rounds.len() {
            Ok(())
        } else {
            Err(Misfit::NoRound { round })
        }
    }

    fn running_round(&mut self) -> Result<&mut Session, Misfit> {
        if self.current.is_some() {
            Ok(self)
        } else {
            Err(Misfit::NoRunningRound)
        }
    }

    fn pile_mut(&mut self, deck: &str) -> Result<&mut Pile, Misfit> {
        self.piles.get_mut(deck).ok_or_else(|| Misfit::UnknownDeck {
            deck: deck.to_string(),
        })
    }

    fn take_from_table(&mut self, card: &CardRef) -> Result<(), Misfit> {
        let Some(at) = self.table.iter().position(|c| c == card) else {
            return Err(Misfit::CardNotOnTable {
                card: card.card.clone(),
            });
        };
        self.table.remove(at);
        Ok(())
    }

    fn note_mut(&mut self, id: u64) -> Result<&mut Note, Misfit> {
        self.notes
            .iter_mut()
            .find(|n| n.id == id && !n.deleted)
            .ok_or(Misfit::NoNote { id })
    }

    // ----- Queries used by the screen, replay and export -----

    pub fn deck(&self, id: &str) -> Option<&Deck> {
        self.decks.iter().find(|d| d.id == id)
    }

    /// The card, its deck and its category, for a reference.
    pub fn card(&self, card: &CardRef) -> Option<(&Deck, &Card, Option<&Category>)> {
        let deck = self.deck(&card.deck)?;
        let found = deck.card(&card.card)?;
        Some((deck, found, deck.category(&found.category)))
    }

    pub fn current_round(&self) -> Option<&RoundState> {
        self.current.map(|i| &self.rounds[i])
    }

    /// The deck a draw without `deck` uses.
    pub fn default_deck(&self) -> Option<&str> {
        self.session_deck
            .as_deref()
            .or(self.plan.decks.first().map(String::as_str))
            .or(self.decks.first().map(|d| d.id.as_str()))
    }

    /// Notes (not deleted) of one round, oldest first.
    pub fn notes_of_round(&self, round: usize) -> impl Iterator<Item = &Note> {
        self.notes
            .iter()
            .filter(move |n| n.round == round && !n.deleted)
    }

    pub fn live_notes(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(|n| !n.deleted)
    }

    pub fn next_note_id(&self) -> u64 {
        self.notes.iter().map(|n| n.id + 1).max().unwrap_or(1)
    }

    /// Planned minutes of the rounds that are not skipped (rounds "tot" a clock time count
    /// the time they were given once started).
    pub fn planned_total_ms(&self) -> u64 {
        self.rounds
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.skipped)
            .map(|(_, r)| r.planned_ms().unwrap_or(r.spent_ms))
            .sum()
    }

    /// Milliseconds still planned from `t`: what is left of the running round and the
    /// planned length of every later round that has not run and is not skipped.
    pub fn remaining_ms(&self, t: u64) -> u64 {
        let current = self
            .current
            .map_or(0, |_| self.timer.remaining_ms(t).max(0) as u64);
        let later: u64 = self
            .rounds
            .iter()
            .enumerate()
            .filter(|(i, r)| Some(*i) != self.current && !r.skipped && !r.visited)
            .map(|(_, r)| r.planned_ms().unwrap_or(0))
            .sum();
        current + later
    }

    /// Time spent in rounds so far (pauses excluded), including the running round.
    pub fn spent_total_ms(&self, t: u64) -> u64 {
        let closed: u64 = self.rounds.iter().map(|r| r.spent_ms).sum();
        closed + self.current.map_or(0, |_| self.timer.elapsed_ms(t))
    }

    /// The participant whose turn it is.
    pub fn turn_name(&self) -> Option<&str> {
        self.turn
            .and_then(|i| self.participants.get(i))
            .map(String::as_str)
    }
}

/// Events that change what the running round is given.
fn is_timer_change(event: &Event) -> bool {
    matches!(
        event,
        Event::RoundStarted { .. }
            | Event::TimerAdjusted { .. }
            | Event::TimerRestarted
            | Event::TimerSetUntil { .. }
            | Event::RoundLengthChanged { .. }
    )
}
