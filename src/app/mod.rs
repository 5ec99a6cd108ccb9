//! The application state machine: keys, pastes and clock ticks go in, effects come out
//! (events to persist, a draft to keep, the bell, quitting). It performs no I/O, so tests
//! drive it without a terminal, with a fake clock.
//!
//! Events are not applied when a key is pressed: they are returned as `Effect::Persist`, and
//! only after the journal has them on disk does `confirmed` apply them. The screen therefore
//! never shows anything that is not saved.

mod actions;
mod agenda;
mod drafts;
pub mod editor;
pub mod export;
pub mod group_keys;
mod grouping;
mod groupwork;
pub mod keymap;
pub mod mode_keys;
mod solo;
mod summary;

use crate::keys::KeyEvent;
use chrono::{DateTime, FixedOffset};
use keymap::SessionKey;
use mode_keys::{Answer, NotesKey, ReviewKey, SummaryKey};

pub use agenda::{AgendaInput, AgendaState};
pub use drafts::Drafts;
use editor::{Editor, EditorOutcome};
pub use grouping::{GroupingInput, GroupingState};
pub use solo::{SOLO_PLAN, plan as solo_plan};

use crate::session::draft::Draft;
use crate::session::event::ReviewOutcome;
use crate::session::{CardRef, Event, NoteKind, Record, Session};
use crate::tr;

pub use crate::session::clock::Now;

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
    /// Keep exactly these unsaved texts on disk (none: remove the draft file).
    KeepDrafts(Vec<Draft>),
    Bell,
    /// Leave the screen. The journal is already complete.
    Quit,
    /// Write the session as a document (from the summary); then call `exported`.
    Export(export::ExportRequest),
    /// Open the plan builder on this session, over the summary ("bewaar deze agenda als
    /// werkvorm"); then call `plan_kept`.
    OfferPlan,
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
    /// Over the summary: choosing a format and folder to export the session to.
    Export(Box<export::ExportForm>),
    /// A follow-up meeting: going through the earlier session's open agreements.
    Review {
        selected: usize,
    },
    /// Grouping notes into themes (`i`).
    Grouping(GroupingState),
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
    /// A room screen (`tafel room`) shows the workshop: this terminal is the facilitator's
    /// console (`c`). Local: it changes only what this screen draws.
    pub console: bool,
    /// Display choices: the warning before the end of a round.
    pub view: crate::view::Options,
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
    /// The unsaved texts: a new note and corrections, kept until they are saved as notes.
    drafts: Drafts,
    /// When changed drafts are due to be written to disk.
    draft_due: Option<u64>,
    /// The drafts could not be written (the disk is full?): why.
    pub drafts_not_kept: Option<String>,
    /// What the help overlay was opened over (an editor, the agenda), to return to.
    pub behind_help: Option<Box<Mode>>,
    /// What to do once the pending `Persist` is confirmed.
    pending: Pending,
    /// The participant selected in a styles or vote round.
    pub group_cursor: usize,
    /// The next digit in a styles round sets the second style.
    pub second_style: bool,
    /// The folder the export form starts with (the shell sets the user's documents folder).
    pub export_folder: String,
    /// The lines the summary is scrolled down; the view stops at its end.
    pub summary_scroll: u16,
    /// How far the summary scrolls on the screen it was last drawn on, told by the shell
    /// (`summary_drawn`); `None` before the first frame.
    summary_end: Option<u16>,
}

#[derive(Debug, Default, PartialEq, Eq)]
enum Pending {
    #[default]
    Nothing,
    /// A note from the editor (new, or the correction of a note): close it and forget its
    /// draft.
    NoteSaved(Option<u64>),
    /// The session was ended: show the summary.
    Ended,
}

/// How long a changed draft waits before it is written (typing stays smooth).
const DRAFT_DELAY_MS: u64 = 700;

/// How often a running timer is written down when nothing else happens: a session resumed
/// after a crash loses at most this much of a running round. One short line and an fsync
/// every few seconds costs nothing a laptop notices (see the issue 8 note for figures).
pub const CHECKPOINT_EVERY_MS: u64 = 5_000;

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
            console: false,
            view: crate::view::Options::default(),
            status: None,
            saved_at: None,
            session_path,
            session_id,
            bell: true,
            checkpoints: true,
            bell_armed: true,
            drafts: Drafts::default(),
            draft_due: None,
            drafts_not_kept: None,
            behind_help: None,
            pending: Pending::Nothing,
            group_cursor: 0,
            second_style: false,
            export_folder: String::new(),
            summary_scroll: 0,
            summary_end: None,
        };
        if matches!(app.mode, Mode::Normal) {
            app.mode = app.rest_mode();
        }
        app
    }

    /// Restores the drafts found on disk (after a crash): the newest opens in the editor,
    /// the others stay kept (n, a or e opens them).
    pub fn restore_drafts(&mut self, drafts: Vec<Draft>) {
        self.drafts = Drafts::from_list(drafts);
        let Some(newest) = self.drafts.newest().cloned() else {
            return;
        };
        self.mode = if self.is_solo() {
            Mode::Editor(Box::new(solo::solo_editor(Some(&newest))))
        } else {
            Mode::Editor(Box::new(self.with_teams(Editor::from_draft(&newest))))
        };
        let more = self.drafts.list().len() - 1;
        self.status = Some(Status::Info(if more == 0 {
            tr!(
                "niet-opgeslagen tekst van de vorige keer teruggezet",
                "unsaved text from last time restored"
            )
        } else {
            tr!(
                "niet-opgeslagen tekst van de vorige keer teruggezet (en nog {more} concept: e of n)",
                "unsaved text from last time restored (and {more} more draft: e or n)"
            )
        }));
    }

    /// The drafts on disk are what the app holds (after `KeepDrafts` succeeded).
    pub fn drafts_kept(&mut self) {
        self.drafts_not_kept = None;
    }

    /// `KeepDrafts` failed: the text is only in memory. Say so plainly, cause first.
    pub fn drafts_failed(&mut self, cause: String) {
        self.status = Some(Status::Error(tr!(
            "concept NIET bewaard: {cause}",
            "draft NOT kept: {cause}"
        )));
        self.drafts_not_kept = Some(cause);
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
            Input::Key(key) => self.key(key),
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
            Pending::NoteSaved(editing) => {
                self.drafts.remove(editing);
                self.mode = self.rest_mode();
                effects.push(self.keep_drafts());
            }
            Pending::Ended => {
                // Every draft became a note in the same write.
                self.drafts = Drafts::default();
                self.mode = Mode::Summary;
                effects.push(self.keep_drafts());
            }
            Pending::Nothing => {}
        }
        effects
    }

    /// How the export asked for with `Effect::Export` went: written (back to the summary,
    /// the path shown), the file exists (the form asks), or failed (the form says why).
    pub fn exported(&mut self, result: export::Exported) {
        let Mode::Export(form) = &mut self.mode else {
            return;
        };
        match result {
            export::Exported::Written(path) => {
                self.status = Some(Status::Info(export::written_status(&path)));
                // The next export (another format) goes to the same folder.
                if let Some(folder) = path.parent() {
                    self.export_folder = folder.display().to_string();
                }
                self.mode = Mode::Summary;
            }
            export::Exported::Exists(path) => form.exists(path),
            export::Exported::Failed(why) => form.failed(why),
        }
    }

    /// Back from the plan builder opened on this session: the plan saved, if any (its id), or
    /// why the builder could not open.
    pub fn plan_kept(&mut self, kept: Result<Option<String>, String>) {
        self.status = match kept {
            Ok(Some(id)) => Some(Status::Info(tr!(
                "Bewaard als werkvorm `{id}`: hij staat nu in de lijst met werkvormen",
                "Kept as plan `{id}`: it is in the list of plans now"
            ))),
            Ok(None) => None,
            Err(why) => Some(Status::Error(why)),
        };
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
            .and_then(|_| match self.timer_in_view() {
                true => self.session.timer.next_change(self.now.t),
                false => self.unseen_timer_deadline(),
            });
        [timer, self.draft_due].into_iter().flatten().min()
    }

    /// Solo reflection without minutes keeps its timer out of view (the clock shows instead).
    fn timer_in_view(&self) -> bool {
        !(self.is_solo() && self.session.timer.planned_ms == 0)
    }

    /// A running timer no one sees changes nothing on screen by the second: the next
    /// checkpoint and the clock's next minute are what wake the screen.
    fn unseen_timer_deadline(&self) -> Option<u64> {
        if !self.session.timer.is_running() {
            return None;
        }
        let checkpoint = (self.session.last_t + CHECKPOINT_EVERY_MS).max(self.now.t + 1);
        let wall = self.now.wall;
        let into_minute = u64::from(chrono::Timelike::second(&wall)) * 1_000
            + u64::from(wall.timestamp_subsec_millis());
        let next_minute = self.now.t + 60_000u64.saturating_sub(into_minute).max(1);
        Some(checkpoint.min(next_minute))
    }

    /// Every few seconds of a running timer without any other event, a checkpoint: only on a
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
            effects.push(self.keep_drafts());
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
        if key.is_ctrl_c() {
            self.stash_editor();
            return vec![self.keep_drafts(), Effect::Quit];
        }
        self.status = None;
        if self.is_solo()
            && matches!(self.mode, Mode::Editor(_))
            && let Some(effects) = self.solo_key(key)
        {
            return effects;
        }
        // Help over an editor or the agenda: F1 anywhere there, `?` where it is not text.
        let help_key = match &self.mode {
            Mode::Editor(_) => keymap::EDITOR.action(key) == Some(keymap::EditorKey::Help),
            Mode::Agenda(state) if state.input.is_some() => {
                mode_keys::AGENDA_INPUT.action(key) == Some(mode_keys::AgendaInputKey::Help)
            }
            Mode::Agenda(_) => mode_keys::AGENDA.action(key) == Some(mode_keys::AgendaKey::Help),
            _ => false,
        };
        if help_key {
            let behind = std::mem::replace(&mut self.mode, Mode::Help);
            self.behind_help = Some(Box::new(behind));
            return Vec::new();
        }
        match &mut self.mode {
            Mode::Normal => self.normal_key(key),
            Mode::Help => {
                self.mode = match self.behind_help.take() {
                    Some(behind) => *behind,
                    None => self.rest_mode(),
                };
                Vec::new()
            }
            Mode::ConfirmQuit | Mode::ConfirmEnd => match mode_keys::QUESTION.action(key) {
                Some(Answer::Yes) => self.end_session(),
                Some(Answer::No) | None => {
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
                match mode_keys::QUESTION.action(key) {
                    Some(Answer::Yes) => self.reshuffle_and_draw(&deck, category),
                    Some(Answer::No) | None => Vec::new(),
                }
            }
            Mode::Review { .. } => self.review_key(key),
            Mode::Grouping(_) => self.grouping_key(key),
            Mode::Summary => match mode_keys::SUMMARY.action(key) {
                Some(SummaryKey::Close) => vec![Effect::Quit],
                Some(SummaryKey::KeepAsPlan) if !self.is_solo() => vec![Effect::OfferPlan],
                Some(SummaryKey::Export) => {
                    self.mode =
                        Mode::Export(Box::new(export::ExportForm::new(&self.export_folder)));
                    Vec::new()
                }
                Some(
                    step @ (SummaryKey::Down
                    | SummaryKey::Up
                    | SummaryKey::PageDown
                    | SummaryKey::PageUp),
                ) => {
                    self.scroll_summary(step);
                    Vec::new()
                }
                _ => Vec::new(),
            },
            Mode::Export(form) => match form.key(key) {
                export::ExportStep::Stay => Vec::new(),
                export::ExportStep::Cancel => {
                    self.mode = Mode::Summary;
                    Vec::new()
                }
                export::ExportStep::Write(request) => vec![Effect::Export(request)],
            },
        }
    }

    fn normal_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if let Some(effects) = self.group_key(key) {
            return effects;
        }
        let Some(action) = keymap::SESSION.action(key) else {
            return Vec::new();
        };
        let running = self.session.current.is_some();
        match action {
            SessionKey::PauseResume if running => {
                let event = if self.session.timer.is_running() {
                    Event::TimerPaused
                } else {
                    Event::TimerResumed
                };
                self.persist(vec![event])
            }
            SessionKey::NextRound => match self.next_round_from(self.session.current) {
                Some(next) => {
                    let unrevealed = self.unrevealed_notes();
                    let effects = self.enter_round(next);
                    if unrevealed > 0 {
                        self.info(tr!(
                            "{unrevealed} verzamelde notitie(s) van de vorige ronde zijn niet onthuld: ← terug, dan o",
                            "{unrevealed} collected note(s) of the previous round were not revealed: ← back, then o"
                        ));
                    }
                    effects
                }
                None => {
                    self.mode = Mode::ConfirmEnd;
                    Vec::new()
                }
            },
            SessionKey::PreviousRound => match self.previous_round() {
                Some(previous) => self.enter_round(previous),
                None => {
                    self.info(tr!("dit is de eerste ronde", "this is the first round"));
                    Vec::new()
                }
            },
            SessionKey::Draw if running => self.draw(),
            SessionKey::PutBack if running => self.put_back(),
            SessionKey::SkipCard if running => self.skip_card(),
            SessionKey::MinuteMore if running => {
                self.persist(vec![Event::TimerAdjusted { delta_ms: 60_000 }])
            }
            SessionKey::MinuteLess if running => {
                self.persist(vec![Event::TimerAdjusted { delta_ms: -60_000 }])
            }
            SessionKey::RestartTimer if running => self.persist(vec![Event::TimerRestarted]),
            SessionKey::PassTurn => self.pass_turn(),
            SessionKey::NewNote => self.open_editor(NoteKind::Note),
            SessionKey::NewAgreement => self.open_editor(NoteKind::Agreement),
            SessionKey::EditNotes => {
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
            // What the room sees is journaled: the room screen and replay follow it.
            SessionKey::HideNotes => self.persist(vec![Event::NotesHidden {
                hidden: !self.session.notes_hidden,
            }]),
            SessionKey::SilentWriting => {
                let round = self.note_round();
                let silent = !self.session.rounds.get(round).is_some_and(|r| r.silent);
                self.persist(vec![Event::NotesSilent { round, silent }])
            }
            SessionKey::Reveal => self.reveal(),
            SessionKey::NextCardShown if self.session.table.len() > 1 => {
                let next = (crate::view::focus_index(&self.session) + 1) % self.session.table.len();
                let card = self.session.table[next].clone();
                self.persist(vec![Event::CardShown { card }])
            }
            SessionKey::Group => self.open_grouping(),
            SessionKey::Console => {
                self.console = !self.console;
                Vec::new()
            }
            SessionKey::Agenda => {
                self.mode = Mode::Agenda(AgendaState::new(self.session.current.unwrap_or(0)));
                Vec::new()
            }
            SessionKey::Help => {
                self.mode = Mode::Help;
                Vec::new()
            }
            SessionKey::FollowUp if self.session.follow_up.is_some() => {
                self.mode = Mode::Review { selected: 0 };
                Vec::new()
            }
            SessionKey::End => {
                self.mode = Mode::ConfirmQuit;
                Vec::new()
            }
            // Ctrl+C is handled before any mode; the rest needs a running round.
            SessionKey::Stop
            | SessionKey::PauseResume
            | SessionKey::Draw
            | SessionKey::PutBack
            | SessionKey::SkipCard
            | SessionKey::MinuteMore
            | SessionKey::MinuteLess
            | SessionKey::RestartTimer
            | SessionKey::NextCardShown
            | SessionKey::FollowUp => Vec::new(),
        }
    }

    /// Shows the room every note of this round that it has not seen yet. Silent writing ends
    /// with it: what is typed after the reveal is the talk about it, shown as it is saved
    /// (`w` collects silently again).
    fn reveal(&mut self) -> Vec<Effect> {
        let round = self.note_round();
        if self.session.notes_of_round(round).all(|n| n.shown) {
            self.info(tr!(
                "er zijn geen verzamelde notities om te onthullen",
                "there are no collected notes to reveal"
            ));
            return Vec::new();
        }
        let mut events = vec![Event::NotesRevealed { round }];
        if self.session.rounds[round].silent {
            events.push(Event::NotesSilent {
                round,
                silent: false,
            });
        }
        self.persist(events)
    }

    fn paste(&mut self, text: &str) -> Vec<Effect> {
        // A paste is always text: outside the editor it opens a new note with it.
        if let Mode::Export(form) = &mut self.mode {
            form.paste(text);
            return Vec::new();
        }
        if matches!(self.mode, Mode::Grouping(_)) {
            self.grouping_paste(text);
            return Vec::new();
        }
        if matches!(self.mode, Mode::Agenda(_)) {
            self.agenda_paste(text);
            return Vec::new();
        }
        if !matches!(self.mode, Mode::Editor(_)) {
            if !matches!(self.mode, Mode::Normal) {
                return Vec::new();
            }
            self.open_editor(NoteKind::Note);
        }
        let Mode::Editor(editor) = &mut self.mode else {
            return Vec::new();
        };
        if let Err(max) = editor.paste(text) {
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
        let editor = match self.drafts.get(None) {
            Some(draft) => Editor::from_draft(draft),
            None => Editor {
                // Written while teams work: for the team whose turn it is (Ctrl+T changes it).
                team: self.session.turn_team(),
                ..Editor::new(kind)
            },
        };
        self.mode = Mode::Editor(Box::new(self.with_teams(editor)));
        Vec::new()
    }

    /// The editor knows how many teams there are to choose from (Ctrl+T).
    fn with_teams(&self, mut editor: Editor) -> Editor {
        editor.teams = self.session.group.teams.len();
        editor
    }

    fn draft_changed(&mut self) -> Vec<Effect> {
        if self.stash_editor() {
            self.draft_due.get_or_insert(self.now.t + DRAFT_DELAY_MS);
        }
        Vec::new()
    }

    /// Puts what the open editor holds among the drafts (a correction that changes nothing
    /// is no draft). Returns whether an editor was open.
    fn stash_editor(&mut self) -> bool {
        let Mode::Editor(editor) = &self.mode else {
            return false;
        };
        merge_editor(&self.session, &mut self.drafts, editor);
        true
    }

    /// Writes the drafts as they are now (no drafts: removes the file).
    fn keep_drafts(&mut self) -> Effect {
        self.draft_due = None;
        Effect::KeepDrafts(self.drafts.list().to_vec())
    }

    fn editor_outcome(&mut self, outcome: EditorOutcome) -> Vec<Effect> {
        let Mode::Editor(editor) = &self.mode else {
            return Vec::new();
        };
        match outcome {
            EditorOutcome::Changed => self.draft_changed(),
            EditorOutcome::Unchanged => Vec::new(),
            EditorOutcome::Cancel => {
                let editing = editor.editing;
                self.stash_editor();
                self.mode = Mode::Normal;
                if self.drafts.get(editing).is_some() {
                    self.info(if editing.is_some() {
                        tr!(
                            "correctie bewaard als concept: e en Enter op de notitie gaat verder",
                            "correction kept as a draft: e and Enter on the note continues"
                        )
                    } else {
                        tr!(
                            "concept bewaard: n of a gaat verder waar je was",
                            "draft kept: n or a continues where you were"
                        )
                    });
                }
                vec![self.keep_drafts()]
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
                let events = self.note_events(&draft, self.session.next_note_id());
                self.pending = Pending::NoteSaved(draft.editing);
                vec![Effect::Persist(events)]
            }
        }
    }

    /// The events that save `draft`: a new note (with `new_id`) or a correction, and the team
    /// it is for when that is new or changed (a team that no longer exists is left out).
    fn note_events(&self, draft: &Draft, new_id: u64) -> Vec<Event> {
        let (id, had) = match draft.editing {
            Some(id) => {
                let note = self.session.live_notes().find(|n| n.id == id);
                (id, note.and_then(|n| n.team.as_ref().map(|t| t.index)))
            }
            None => (new_id, None),
        };
        let mut events = vec![self.note_event(draft, new_id)];
        // A correction of the text alone leaves the team as it was, even when the teams have
        // changed since; a team that no longer exists becomes no team.
        if draft.team != had {
            let team = draft.team.filter(|t| *t < self.session.group.teams.len());
            if team != had {
                events.push(Event::NoteTeamSet { id, team });
            }
        }
        events
    }

    /// The event that saves `draft`: a new note (with `new_id`) or a correction.
    fn note_event(&self, draft: &Draft, new_id: u64) -> Event {
        let optional = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        };
        let text = draft.text.trim().to_string();
        // "vrijdag" is read as a date relative to the session's day, once, when saved.
        let due_date = optional(&draft.due).and_then(|due| {
            crate::session::due::resolve(&due, self.session.started_at.date_naive())
        });
        match draft.editing {
            Some(id) => Event::NoteEdited {
                id,
                text,
                owner: optional(&draft.owner),
                due: optional(&draft.due),
                due_date,
            },
            None => Event::NoteAdded {
                id: new_id,
                kind: draft.kind,
                text,
                owner: optional(&draft.owner),
                due: optional(&draft.due),
                due_date,
                round: self.note_round(),
                card: self.session.table.last().cloned(),
            },
        }
    }

    /// The drafts as notes, for the end of the session: nothing typed is left behind in a
    /// session that can no longer be resumed.
    fn drafts_as_notes(&self) -> Vec<Event> {
        let mut next_id = self.session.next_note_id();
        let mut events = Vec::new();
        for draft in self.drafts.list() {
            // A correction of a note that was deleted meanwhile becomes a note of its own.
            let live = |id| self.session.live_notes().any(|n| n.id == id);
            let draft = match draft.editing {
                Some(id) if !live(id) => Draft {
                    editing: None,
                    ..draft.clone()
                },
                _ => draft.clone(),
            };
            events.extend(self.note_events(&draft, next_id));
            if draft.editing.is_none() {
                next_id += 1;
            }
        }
        events
    }

    /// Notes belong to the running round, or the last one that ran.
    /// Notes of the current round collected silently and not yet shown to the room.
    fn unrevealed_notes(&self) -> usize {
        self.session.current.map_or(0, |round| {
            self.session
                .notes_of_round(round)
                .filter(|n| !n.shown && !n.deleted)
                .count()
        })
    }

    pub fn note_round(&self) -> usize {
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
            if mode_keys::QUESTION.action(key) == Some(Answer::Yes) {
                let id = self.round_notes()[index].id;
                self.mode = Mode::Normal;
                return self.persist(vec![Event::NoteDeleted { id }]);
            }
            return Vec::new();
        }
        *selected = index;
        if crate::list::move_in(selected, count, key, true) {
            return Vec::new();
        }
        match mode_keys::NOTES.action(key) {
            Some(NotesKey::Delete) => *confirm_delete = true,
            Some(NotesKey::Correct) => {
                let note = self.round_notes()[index];
                // A correction put aside earlier comes back where it was.
                let draft = self.drafts.get(Some(note.id)).cloned().unwrap_or(Draft {
                    kind: note.kind,
                    editing: Some(note.id),
                    text: note.text.clone(),
                    owner: note.owner.clone().unwrap_or_default(),
                    due: note.due.clone().unwrap_or_default(),
                    team: note.team.as_ref().map(|t| t.index),
                });
                self.mode = Mode::Editor(Box::new(self.with_teams(Editor::from_draft(&draft))));
            }
            // Esc, or any other key: back to the round.
            Some(NotesKey::Close) | None => self.mode = Mode::Normal,
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
        *selected = index;
        if crate::list::move_in(selected, count, key, true) {
            return Vec::new();
        }
        let outcome = match mode_keys::REVIEW.action(key) {
            Some(ReviewKey::Done) => ReviewOutcome::Done,
            Some(ReviewKey::KeptOpen) => ReviewOutcome::Open,
            Some(ReviewKey::Dropped) => ReviewOutcome::Dropped,
            Some(ReviewKey::Continue) => {
                self.mode = Mode::Normal;
                return Vec::new();
            }
            None => return Vec::new(),
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
        let mut events = self.drafts_as_notes();
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

    /// Every unsaved text, the open editor's included, to write on the way out.
    pub fn pending_drafts(&self) -> Vec<Draft> {
        let mut drafts = self.drafts.clone();
        if let Mode::Editor(editor) = &self.mode {
            merge_editor(&self.session, &mut drafts, editor);
        }
        drafts.list().to_vec()
    }

    /// How many unsaved texts there are (the confirmation before ending names them).
    pub fn draft_count(&self) -> usize {
        self.pending_drafts().len()
    }
}

/// Puts the editor's text among `drafts`; a correction that changes nothing is no draft.
fn merge_editor(session: &Session, drafts: &mut Drafts, editor: &Editor) {
    let draft = editor.to_draft();
    let unchanged = draft.editing.is_some_and(|id| {
        session.notes.iter().any(|n| {
            n.id == id
                && n.text == draft.text
                && n.owner.as_deref().unwrap_or("") == draft.owner
                && n.due.as_deref().unwrap_or("") == draft.due
                && n.team.as_ref().map(|t| t.index) == draft.team
        })
    });
    if unchanged {
        drafts.remove(draft.editing);
    } else {
        drafts.put(draft);
    }
}
