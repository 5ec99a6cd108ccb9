//! The state of a session: a pure fold over its journal records. The live screen, replay
//! and resume all build it the same way, record by record, so what the screen showed is
//! exactly what the file says.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use super::event::{
    CardRef, Event, FORMAT, NoteKind, Record, ReviewItem, ReviewOutcome, RoleAssignment,
};
use super::groupwork::GroupWork;
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateError {
    pub seq: u64,
    pub message: String,
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seq = self.seq;
        let message = &self.message;
        f.write_str(&tr!(
            "gebeurtenis {seq} past niet bij de sessie: {message}",
            "event {seq} does not fit the session: {message}"
        ))
    }
}

impl Session {
    /// The state after the first record, which must start the session.
    pub fn start(record: &Record) -> Result<Session, StateError> {
        let fail = |message: String| StateError {
            seq: record.seq,
            message,
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
            return Err(fail(tr!(
                "de eerste gebeurtenis is niet het begin van een sessie",
                "the first event is not the start of a session"
            )));
        };
        if format != FORMAT {
            return Err(fail(tr!(
                "onbekend formaat `{format}`",
                "unknown format `{format}`"
            )));
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
            message: tr!("de sessie is leeg", "the session is empty"),
        })?;
        let mut session = Session::start(first)?;
        for record in rest {
            // No copy to roll back to: on an error the whole state is dropped anyway.
            session
                .apply_in_place(record)
                .map_err(|message| StateError {
                    seq: record.seq,
                    message,
                })?;
            session.stamp(record);
        }
        Ok(session)
    }

    /// Applies one record. On error the state is unchanged.
    pub fn apply(&mut self, record: &Record) -> Result<(), StateError> {
        let mut next = self.clone();
        next.apply_in_place(record).map_err(|message| StateError {
            seq: record.seq,
            message,
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

    fn apply_in_place(&mut self, record: &Record) -> Result<(), String> {
        if record.seq != self.next_seq {
            let (got, want) = (record.seq, self.next_seq);
            return Err(tr!(
                "volgnummer {got}, verwacht {want}",
                "sequence number {got}, expected {want}"
            ));
        }
        if self.ended && !matches!(record.event, Event::SessionRenamed { .. }) {
            return Err(tr!(
                "de sessie was al beëindigd",
                "the session had already ended"
            ));
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

    fn apply_event(&mut self, record: &Record, t: u64) -> Result<(), String> {
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
                return Err(tr!(
                    "de sessie begint twee keer",
                    "the session starts twice"
                ));
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
                    return Err(tr!(
                        "ronde {round} loopt niet",
                        "round {round} is not running"
                    ));
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
                    let id = &card.card;
                    return Err(tr!(
                        "kaart `{id}` ligt niet op de stapel",
                        "card `{id}` is not in the pile"
                    ));
                };
                pile.remaining.remove(at);
                self.table.push(card.clone());
                self.focus = Some(card.clone());
            }
            Event::CardShown { card } => {
                if !self.table.contains(card) {
                    let id = &card.card;
                    return Err(tr!(
                        "kaart `{id}` ligt niet op tafel",
                        "card `{id}` is not on the table"
                    ));
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
                    return Err(tr!(
                        "kaart `{id}` kan niet terug op tafel: ze ligt niet bij de stapel",
                        "card `{id}` cannot go back on the table: it is not with the pile"
                    ));
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
                    return Err(tr!(
                        "de geschudde stapel `{deck}` klopt niet",
                        "the reshuffled pile `{deck}` does not match"
                    ));
                }
                pile.remaining = order.clone();
                pile.aside.clear();
            }
            Event::TurnPassed { to } => {
                if *to >= self.participants.len() {
                    return Err(tr!(
                        "deelnemer {to} bestaat niet",
                        "participant {to} does not exist"
                    ));
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
                    return Err(tr!("notitie {id} bestaat al", "note {id} already exists"));
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
                    return Err(tr!("ronde {at} bestaat niet", "round {at} does not exist"));
                }
                self.rounds.insert(
                    *at,
                    RoundState {
                        round: Round {
                            title: title.clone(),
                            length: RoundLength::Minutes(*minutes),
                            scale: None,
                            instruction: String::new(),
                            draw: None,
                            turns: false,
                            team_turns: false,
                            roles: Vec::new(),
                            kind: Default::default(),
                        },
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
                    return Err(tr!(
                        "ronde {round} loopt al; haar eindtijd is een timerwijziging",
                        "round {round} is running; its end time is a timer change"
                    ));
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
                    return Err(tr!(
                        "de sessie volgt al een andere op",
                        "the session already follows up another"
                    ));
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
                        return Err(tr!(
                            "afspraak {note} van {session} staat niet op de lijst",
                            "agreement {note} of {session} is not on the list"
                        ));
                    }
                }
            }
            Event::Checkpoint => {
                self.running_round()?;
            }
            Event::SessionRenamed { title } => {
                let title = title.trim();
                if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
                    return Err(tr!(
                        "een nieuwe titel moet 1 tot {MAX_TITLE_CHARS} tekens hebben",
                        "a new title must have 1 to {MAX_TITLE_CHARS} characters"
                    ));
                }
                self.title = title.to_string();
            }
            Event::SessionEnded => {
                if let Some(round) = self.current {
                    return Err(tr!(
                        "ronde {round} loopt nog",
                        "round {round} is still running"
                    ));
                }
                self.ended = true;
            }
        }
        Ok(())
    }

    pub(super) fn round_index(&self, round: usize) -> Result<(), String> {
        if round < self.rounds.len() {
            Ok(())
        } else {
            Err(tr!(
                "ronde {round} bestaat niet",
                "round {round} does not exist"
            ))
        }
    }

    fn running_round(&mut self) -> Result<&mut Session, String> {
        if self.current.is_some() {
            Ok(self)
        } else {
            Err(tr!("er loopt geen ronde", "no round is running"))
        }
    }

    fn pile_mut(&mut self, deck: &str) -> Result<&mut Pile, String> {
        self.piles
            .get_mut(deck)
            .ok_or_else(|| tr!("onbekende stapel `{deck}`", "unknown deck `{deck}`"))
    }

    fn take_from_table(&mut self, card: &CardRef) -> Result<(), String> {
        let Some(at) = self.table.iter().position(|c| c == card) else {
            let id = &card.card;
            return Err(tr!(
                "kaart `{id}` ligt niet op tafel",
                "card `{id}` is not on the table"
            ));
        };
        self.table.remove(at);
        Ok(())
    }

    fn note_mut(&mut self, id: u64) -> Result<&mut Note, String> {
        self.notes
            .iter_mut()
            .find(|n| n.id == id && !n.deleted)
            .ok_or_else(|| tr!("notitie {id} bestaat niet", "note {id} does not exist"))
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
