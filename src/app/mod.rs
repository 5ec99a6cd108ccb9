//! The application state machine: keys, pastes and clock ticks go in, effects come out
//! (events to persist, a draft to keep, the bell, quitting). It performs no I/O, so tests
//! drive it without a terminal, with a fake clock.
//!
//! Events are not applied when a key is pressed: they are returned as `Effect::Persist`, and
//! only after the journal has them on disk does `confirmed` apply them. The screen therefore
//! never shows anything that is not saved.

mod actions;
mod agenda;
pub mod editor;
mod solo;

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use agenda::{AgendaInput, AgendaState};
use editor::{Editor, EditorOutcome};
pub use solo::SOLO_PLAN;

use crate::session::draft::Draft;
use crate::session::event::ReviewOutcome;
use crate::session::{CardRef, Event, NoteKind, Record, Session};
use crate::tr;

/// The time as the shell's clock gives it: monotonic ms since the session began, and wall.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub t: u64,
    pub wall: DateTime<FixedOffset>,
}

#[derive(Debug)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
    /// The clock moved (the loop woke for a deadline).
    Tick,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Append these events (all or none) and fsync, then call `confirmed`.
    Persist(Vec<Event>),
    SaveDraft(Draft),
    ClearDraft,
    Bell,
    /// Leave the screen. The journal is already complete.
    Quit,
}

#[derive(Debug)]
pub enum Mode {
    Normal,
    Help,
    ConfirmQuit,
    /// The last round is done: end the session?
    ConfirmEnd,
    Editor(Box<Editor>),
    /// Choosing a note of this round to correct or delete.
    Notes {
        selected: usize,
        confirm_delete: bool,
    },
    Agenda(AgendaState),
    /// The pile has no card for this draw: reshuffle the set-aside cards?
    EmptyPile {
        deck: String,
        category: Option<String>,
    },
    Summary,
    /// A follow-up meeting: going through the earlier session's open agreements.
    Review {
        selected: usize,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Error(String),
}

pub struct App {
    pub session: Session,
    pub mode: Mode,
    pub now: Now,
    /// Notes hidden from the shared screen: only card and timer.
    pub notes_hidden: bool,
    pub status: Option<Status>,
    /// When the journal last confirmed a save.
    pub saved_at: Option<DateTime<FixedOffset>>,
    pub session_path: String,
    pub session_id: String,
    pub bell: bool,
    /// Write a checkpoint each minute a timer runs (see `Event::Checkpoint`).
    pub checkpoints: bool,
    /// The bell may ring when the timer next reaches zero.
    bell_armed: bool,
    /// The unsaved note, kept when the editor is closed with Esc.
    draft: Option<Draft>,
    /// When a changed draft is due to be written to disk.
    draft_due: Option<u64>,
    /// What to do once the pending `Persist` is confirmed.
    pending: Pending,
}

#[derive(Debug, Default, PartialEq, Eq)]
enum Pending {
    #[default]
    Nothing,
    /// A note from the editor: close it and forget the draft.
    NoteSaved,
    /// The session was ended: show the summary.
    Ended,
}

/// How long a changed draft waits before it is written (typing stays smooth).
const DRAFT_DELAY_MS: u64 = 700;

/// How often a running timer is written down when nothing else happens.
const CHECKPOINT_EVERY_MS: u64 = 60_000;

impl App {
    pub fn new(session: Session, session_path: String, session_id: String, now: Now) -> Self {
        let unreviewed = session
            .follow_up
            .as_ref()
            .is_some_and(|f| f.items.iter().any(|(_, outcome)| outcome.is_none()));
        let mode = if session.ended {
            Mode::Summary
        } else if unreviewed {
            Mode::Review { selected: 0 }
        } else {
            Mode::Normal
        };
        let mut app = App {
            session,
            mode,
            now,
            notes_hidden: false,
            status: None,
            saved_at: None,
            session_path,
            session_id,
            bell: true,
            checkpoints: true,
            bell_armed: true,
            draft: None,
            draft_due: None,
            pending: Pending::Nothing,
        };
        if matches!(app.mode, Mode::Normal) {
            app.mode = app.rest_mode();
        }
        app
    }

    /// Restores a draft found on disk (after a crash): it opens in the editor.
    pub fn restore_draft(&mut self, draft: Draft) {
        self.mode = Mode::Editor(Box::new(Editor::from_draft(&draft)));
        self.draft = Some(draft);
        self.status = Some(Status::Info(tr!(
            "niet-opgeslagen tekst van de vorige keer teruggezet",
            "unsaved text from last time restored"
        )));
    }

    /// The events that start the first round, when no round has started yet.
    pub fn begin(&mut self, now: Now) -> Vec<Effect> {
        self.now = now;
        if self.session.ended || self.session.rounds.iter().any(|r| r.visited) {
            return Vec::new();
        }
        match self.next_round_from(None) {
            Some(first) => self.enter_round(first),
            None => Vec::new(),
        }
    }

    pub fn update(&mut self, input: Input, now: Now) -> Vec<Effect> {
        self.now = now;
        // The clock first: a bell for a zero crossed before this key belongs to the round
        // the key may be leaving.
        let mut effects = self.clock_effects();
        effects.extend(match input {
            Input::Key(key) if key.kind == KeyEventKind::Press => self.key(key),
            Input::Key(_) => Vec::new(),
            Input::Paste(text) => self.paste(&text),
            Input::Tick => self.checkpoint(),
        });
        effects
    }

    /// The journal has these records on disk: apply them and finish what they were for.
    pub fn confirmed(&mut self, records: &[Record]) -> Vec<Effect> {
        let mut effects = Vec::new();
        for record in records {
            if let Err(err) = self.session.apply(record) {
                // Cannot happen for events this app made; say so rather than hide it.
                self.status = Some(Status::Error(err.to_string()));
            }
            if matches!(
                record.event,
                Event::RoundStarted { .. } | Event::TimerRestarted
            ) {
                self.bell_armed = true;
            }
            self.saved_at = Some(record.at);
        }
        match std::mem::take(&mut self.pending) {
            Pending::NoteSaved => {
                self.draft = None;
                self.mode = self.rest_mode();
                self.draft_due = None;
                effects.push(Effect::ClearDraft);
            }
            Pending::Ended => self.mode = Mode::Summary,
            Pending::Nothing => {}
        }
        effects
    }

    /// The journal could not save: nothing changes on screen and the text stays.
    pub fn persist_failed(&mut self, message: String) {
        self.pending = Pending::Nothing;
        self.status = Some(Status::Error(tr!(
            "NIET opgeslagen: {message}",
            "NOT saved: {message}"
        )));
    }

    /// When the loop must wake next, in session ms: the timer's next visible change or a
    /// draft that is due. `None`: sleep until a key.
    pub fn next_deadline(&self) -> Option<u64> {
        let timer = self
            .session
            .current
            .and_then(|_| self.session.timer.next_change(self.now.t));
        [timer, self.draft_due].into_iter().flatten().min()
    }

    /// Once a minute of a running timer without any other event, a checkpoint: only on a
    /// tick, so it never mixes with what a key is in the middle of saving.
    fn checkpoint(&mut self) -> Vec<Effect> {
        let running = self.session.current.is_some() && self.session.timer.is_running();
        if self.checkpoints && running && self.now.t >= self.session.last_t + CHECKPOINT_EVERY_MS {
            vec![Effect::Persist(vec![Event::Checkpoint])]
        } else {
            Vec::new()
        }
    }

    fn clock_effects(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.draft_due.is_some_and(|due| due <= self.now.t) {
            self.draft_due = None;
            if let Some(draft) = &self.draft {
                effects.push(Effect::SaveDraft(draft.clone()));
            }
        }
        if self.session.current.is_some() {
            let remaining = self.session.timer.remaining_ms(self.now.t);
            if remaining > 0 {
                self.bell_armed = true;
            } else if self.bell_armed {
                self.bell_armed = false;
                if self.bell {
                    effects.push(Effect::Bell);
                }
            }
        }
        effects
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        // Ctrl+C leaves at once, from anywhere: the journal is complete, the draft is kept.
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            let mut effects: Vec<Effect> = self
                .draft
                .clone()
                .map(Effect::SaveDraft)
                .into_iter()
                .collect();
            effects.push(Effect::Quit);
            return effects;
        }
        self.status = None;
        if self.is_solo()
            && matches!(self.mode, Mode::Editor(_))
            && let Some(effects) = self.solo_key(key)
        {
            return effects;
        }
        match &mut self.mode {
            Mode::Normal => self.normal_key(key),
            Mode::Help => {
                self.mode = self.rest_mode();
                Vec::new()
            }
            Mode::ConfirmQuit | Mode::ConfirmEnd => match key.code {
                KeyCode::Char('j' | 'J' | 'y' | 'Y') => self.end_session(),
                _ => {
                    self.mode = self.rest_mode();
                    Vec::new()
                }
            },
            Mode::Editor(editor) => {
                let outcome = editor.key(key);
                self.editor_outcome(outcome)
            }
            Mode::Notes { .. } => self.notes_key(key),
            Mode::Agenda(_) => self.agenda_key(key),
            Mode::EmptyPile { deck, category } => {
                let (deck, category) = (deck.clone(), category.clone());
                self.mode = self.rest_mode();
                match key.code {
                    KeyCode::Char('j' | 'J' | 'y' | 'Y') => {
                        self.reshuffle_and_draw(&deck, category)
                    }
                    _ => Vec::new(),
                }
            }
            Mode::Review { .. } => self.review_key(key),
            Mode::Summary => match key.code {
                KeyCode::Char('q') | KeyCode::Esc | KeyCode::Enter => vec![Effect::Quit],
                _ => Vec::new(),
            },
        }
    }

    fn normal_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let running = self.session.current.is_some();
        match key.code {
            KeyCode::Char(' ') if running => {
                let event = if self.session.timer.is_running() {
                    Event::TimerPaused
                } else {
                    Event::TimerResumed
                };
                self.persist(vec![event])
            }
            KeyCode::Right => match self.next_round_from(self.session.current) {
                Some(next) => self.enter_round(next),
                None => {
                    self.mode = Mode::ConfirmEnd;
                    Vec::new()
                }
            },
            KeyCode::Left => match self.previous_round() {
                Some(previous) => self.enter_round(previous),
                None => {
                    self.info(tr!("dit is de eerste ronde", "this is the first round"));
                    Vec::new()
                }
            },
            KeyCode::Char('d') if running => self.draw(),
            KeyCode::Char('t') if running => self.put_back(),
            KeyCode::Char('s') if running => self.skip_card(),
            KeyCode::Char('+' | '=') if running => {
                self.persist(vec![Event::TimerAdjusted { delta_ms: 60_000 }])
            }
            KeyCode::Char('-') if running => {
                self.persist(vec![Event::TimerAdjusted { delta_ms: -60_000 }])
            }
            KeyCode::Char('r') if running => self.persist(vec![Event::TimerRestarted]),
            KeyCode::Char('b') => self.pass_turn(),
            KeyCode::Char('n') => self.open_editor(NoteKind::Note),
            KeyCode::Char('a') => self.open_editor(NoteKind::Agreement),
            KeyCode::Char('e') => {
                if self.round_notes().is_empty() {
                    self.info(tr!(
                        "deze ronde heeft nog geen notities",
                        "this round has no notes yet"
                    ));
                } else {
                    let selected = self.round_notes().len() - 1;
                    self.mode = Mode::Notes {
                        selected,
                        confirm_delete: false,
                    };
                }
                Vec::new()
            }
            KeyCode::Char('h') => {
                self.notes_hidden = !self.notes_hidden;
                Vec::new()
            }
            KeyCode::Char('g') => {
                self.mode = Mode::Agenda(AgendaState::new(self.session.current.unwrap_or(0)));
                Vec::new()
            }
            KeyCode::Char('?') => {
                self.mode = Mode::Help;
                Vec::new()
            }
            KeyCode::Char('v') if self.session.follow_up.is_some() => {
                self.mode = Mode::Review { selected: 0 };
                Vec::new()
            }
            KeyCode::Char('q') => {
                self.mode = Mode::ConfirmQuit;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn paste(&mut self, text: &str) -> Vec<Effect> {
        // A paste is always text: outside the editor it opens a new note with it.
        if !matches!(self.mode, Mode::Editor(_)) {
            if !matches!(self.mode, Mode::Normal) {
                return Vec::new();
            }
            self.open_editor(NoteKind::Note);
        }
        let Mode::Editor(editor) = &mut self.mode else {
            return Vec::new();
        };
        if !editor.paste(text) {
            let max = editor::MAX_NOTE_CHARS;
            self.status = Some(Status::Info(tr!(
                "de geplakte tekst was te lang en is ingekort tot {max} tekens",
                "the pasted text was too long and was cut to {max} characters"
            )));
        }
        self.draft_changed()
    }

    fn open_editor(&mut self, kind: NoteKind) -> Vec<Effect> {
        // A kept draft comes back first, whatever key opened the editor: there is one
        // draft, and opening an empty editor would put it at risk.
        let editor = match &self.draft {
            Some(draft) => Editor::from_draft(draft),
            None => Editor::new(kind),
        };
        self.mode = Mode::Editor(Box::new(editor));
        Vec::new()
    }

    fn draft_changed(&mut self) -> Vec<Effect> {
        if let Mode::Editor(editor) = &self.mode {
            self.draft = Some(editor.to_draft());
            self.draft_due.get_or_insert(self.now.t + DRAFT_DELAY_MS);
        }
        Vec::new()
    }

    fn editor_outcome(&mut self, outcome: EditorOutcome) -> Vec<Effect> {
        let Mode::Editor(editor) = &self.mode else {
            return Vec::new();
        };
        match outcome {
            EditorOutcome::Changed => self.draft_changed(),
            EditorOutcome::Unchanged => Vec::new(),
            EditorOutcome::Cancel => {
                let draft = editor.to_draft();
                let empty = editor.is_empty();
                self.mode = Mode::Normal;
                self.draft_due = None;
                if empty {
                    self.draft = None;
                    vec![Effect::ClearDraft]
                } else {
                    self.draft = Some(draft.clone());
                    self.info(tr!(
                        "concept bewaard: n of a gaat verder waar je was",
                        "draft kept: n or a continues where you were"
                    ));
                    vec![Effect::SaveDraft(draft)]
                }
            }
            EditorOutcome::Save => {
                if editor.is_empty() {
                    self.info(tr!(
                        "een lege notitie wordt niet opgeslagen",
                        "an empty note is not saved"
                    ));
                    return Vec::new();
                }
                let draft = editor.to_draft();
                let optional = |s: &str| {
                    let s = s.trim();
                    (!s.is_empty()).then(|| s.to_string())
                };
                let text = draft.text.trim().to_string();
                // "vrijdag" is read as a date relative to the session's day, once, when saved.
                let due_date = optional(&draft.due).and_then(|due| {
                    crate::session::due::resolve(&due, self.session.started_at.date_naive())
                });
                let event = match draft.editing {
                    Some(id) => Event::NoteEdited {
                        id,
                        text,
                        owner: optional(&draft.owner),
                        due: optional(&draft.due),
                        due_date,
                    },
                    None => Event::NoteAdded {
                        id: self.session.next_note_id(),
                        kind: draft.kind,
                        text,
                        owner: optional(&draft.owner),
                        due: optional(&draft.due),
                        due_date,
                        round: self.note_round(),
                        card: self.session.table.last().cloned(),
                    },
                };
                self.pending = Pending::NoteSaved;
                vec![Effect::Persist(vec![event])]
            }
        }
    }

    /// Notes belong to the running round, or the last one that ran.
    fn note_round(&self) -> usize {
        self.session
            .current
            .or_else(|| self.session.rounds.iter().rposition(|r| r.visited))
            .unwrap_or(0)
    }

    /// This round's notes, oldest first (what the notes picker shows).
    pub fn round_notes(&self) -> Vec<&crate::session::state::Note> {
        self.session.notes_of_round(self.note_round()).collect()
    }

    fn notes_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let count = self.round_notes().len();
        let Mode::Notes {
            selected,
            confirm_delete,
        } = &mut self.mode
        else {
            return Vec::new();
        };
        if count == 0 {
            self.mode = Mode::Normal;
            return Vec::new();
        }
        let index = (*selected).min(count - 1);
        if *confirm_delete {
            *confirm_delete = false;
            if matches!(key.code, KeyCode::Char('j' | 'J' | 'y' | 'Y')) {
                let id = self.round_notes()[index].id;
                self.mode = Mode::Normal;
                return self.persist(vec![Event::NoteDeleted { id }]);
            }
            return Vec::new();
        }
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => *selected = index.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => *selected = (index + 1).min(count - 1),
            KeyCode::Delete | KeyCode::Char('x') | KeyCode::Backspace => *confirm_delete = true,
            KeyCode::Enter | KeyCode::Char('e') => {
                let note = self.round_notes()[index];
                let draft = Draft {
                    kind: note.kind,
                    editing: Some(note.id),
                    text: note.text.clone(),
                    owner: note.owner.clone().unwrap_or_default(),
                    due: note.due.clone().unwrap_or_default(),
                };
                self.mode = Mode::Editor(Box::new(Editor::from_draft(&draft)));
            }
            _ => self.mode = Mode::Normal,
        }
        Vec::new()
    }

    fn review_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Some(follow_up) = &self.session.follow_up else {
            self.mode = Mode::Normal;
            return Vec::new();
        };
        let count = follow_up.items.len();
        let Mode::Review { selected } = &mut self.mode else {
            return Vec::new();
        };
        if count == 0 {
            self.mode = Mode::Normal;
            return Vec::new();
        }
        let index = (*selected).min(count - 1);
        let outcome = match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                *selected = index.saturating_sub(1);
                return Vec::new();
            }
            KeyCode::Down | KeyCode::Char('j') => {
                *selected = (index + 1).min(count - 1);
                return Vec::new();
            }
            KeyCode::Char('d') => ReviewOutcome::Done,
            KeyCode::Char('o') => ReviewOutcome::Open,
            KeyCode::Char('x') => ReviewOutcome::Dropped,
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | 'v') => {
                self.mode = Mode::Normal;
                return Vec::new();
            }
            _ => return Vec::new(),
        };
        // Move on to the next agreement, so the list can be done with one key each.
        *selected = (index + 1).min(count - 1);
        let event = Event::AgreementReviewed {
            session: follow_up.items[index]
                .0
                .origin(&follow_up.session)
                .to_string(),
            note: follow_up.items[index].0.note,
            outcome,
        };
        self.persist(vec![event])
    }

    fn end_session(&mut self) -> Vec<Effect> {
        let mut events = Vec::new();
        if let Some(round) = self.session.current {
            events.push(Event::RoundEnded { round });
        }
        events.push(Event::SessionEnded);
        self.mode = Mode::Normal;
        self.pending = Pending::Ended;
        vec![Effect::Persist(events)]
    }

    fn persist(&mut self, events: Vec<Event>) -> Vec<Effect> {
        if events.is_empty() {
            Vec::new()
        } else {
            vec![Effect::Persist(events)]
        }
    }

    fn info(&mut self, message: String) {
        self.status = Some(Status::Info(message));
    }

    /// The card shown large: the last one drawn this round.
    pub fn card_on_table(&self) -> Option<&CardRef> {
        self.session.table.last()
    }

    /// A draft that is open or kept, to write on the way out.
    pub fn pending_draft(&self) -> Option<Draft> {
        match &self.mode {
            Mode::Editor(editor) if !editor.is_empty() => Some(editor.to_draft()),
            _ => self.draft.clone(),
        }
    }
}
