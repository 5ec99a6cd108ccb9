//! Replaying a finished (or interrupted) session, record by record. A pure state machine:
//! keys and the real time (milliseconds from any fixed origin) go in; the position, the
//! view and the session as it stood come out. It performs no I/O and never reads a clock,
//! so tests drive it with made-up times. The screen (`ui::replay`) only draws it.

pub mod describe;
pub mod frames;
pub mod keymap;
pub mod playback;
pub mod rounds;
pub mod search;

use crate::input::LineInput;
use crate::keys::{KeyCode, KeyEvent};
use keymap::{REPLAY, ReplayKey, SearchBoxKey};

use crate::session::state::StateError;
use crate::session::{Record, Session};
use crate::tr;
use frames::Frames;
use playback::{Playback, SPEEDS};
use rounds::Visit;

/// The longest search text.
pub const MAX_QUERY_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The round screen as it stood, with the timeline and the event in words.
    Main,
    /// Planned against actual minutes per round.
    Bars,
    /// Every agreement with its owner and due date.
    Agreements,
}

/// What the loop should do after a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Continue,
    Quit,
}

#[derive(Debug)]
pub struct Replay {
    frames: Frames,
    visits: Vec<Visit>,
    index: search::Index,
    /// The file, as shown in the header.
    pub name: String,
    /// Set when the file ended in an incomplete line (its 1-based line number).
    pub torn_line: Option<usize>,
    pub view: View,
    pub help: bool,
    /// The search box while it is open.
    pub search_box: Option<LineInput>,
    /// The last search, for `n`.
    pub query: String,
    pub playing: Option<Playback>,
    /// The speed `Space` plays at.
    pub speed: u64,
    /// A short message for the footer; cleared by the next key.
    pub status: Option<String>,
    /// The session time the screen shows: the record's `t`, or the replay clock while
    /// playing.
    shown_t: u64,
    /// The record at the position in words.
    description: String,
}

impl Replay {
    /// A replay of these records, at the first one. Every record is applied once here, so
    /// a record that does not fit the session is an error now rather than later.
    pub fn new(records: Vec<Record>, name: String) -> Result<Replay, StateError> {
        let mut collector = rounds::Collector::default();
        let frames = Frames::new(records, |i, record, after| collector.add(i, record, after))?;
        let visits = collector.finish(frames.records());
        let index = search::Index::new(frames.records(), &frames.session_at(0));
        let mut replay = Replay {
            frames,
            visits,
            index,
            name,
            torn_line: None,
            view: View::Main,
            help: false,
            search_box: None,
            query: String::new(),
            playing: None,
            speed: SPEEDS[0],
            status: None,
            shown_t: 0,
            description: String::new(),
        };
        replay.moved();
        Ok(replay)
    }

    // ----- What the screen reads -----

    pub fn records(&self) -> &[Record] {
        self.frames.records()
    }

    pub fn len(&self) -> usize {
        self.frames.len()
    }

    /// Never: a replay has at least the start record.
    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }

    pub fn position(&self) -> usize {
        self.frames.position()
    }

    pub fn record(&self) -> &Record {
        self.frames.record()
    }

    /// The session as it stood after the record at the position.
    pub fn session(&self) -> &Session {
        self.frames.state()
    }

    /// The session after its last record.
    pub fn last_session(&self) -> &Session {
        self.frames.last()
    }

    /// A fresh copy of the session after record `n` (the position does not move).
    pub fn session_at(&self, n: usize) -> Session {
        self.frames.session_at(n)
    }

    pub fn visits(&self) -> &[Visit] {
        &self.visits
    }

    /// The visit the position is in.
    pub fn visit(&self) -> Option<usize> {
        rounds::visit_at(&self.visits, self.position())
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    pub fn shown_t(&self) -> u64 {
        self.shown_t
    }

    pub fn is_playing(&self) -> bool {
        self.playing.is_some()
    }

    // ----- Moving -----

    /// Moves to record `n` (clamped). While playing, the clock continues from there.
    pub fn go_to(&mut self, n: usize, now: u64) {
        self.frames.seek(n);
        if let Some(play) = &mut self.playing {
            *play = Playback::start(play.speed, now, self.frames.record().t);
        }
        self.moved();
    }

    /// The next event a person made; checkpoints (the timer was still running) are passed
    /// over, there is one every few seconds, and so is the end of a round that the next one
    /// started with (one key press, no moment anyone saw in between).
    pub fn step_forward(&mut self, now: u64) {
        let next = (self.position() + 1..self.len())
            .find(|&n| self.is_step(n))
            .unwrap_or(self.len().saturating_sub(1));
        self.go_to(next, now);
    }

    pub fn step_back(&mut self, now: u64) {
        let previous = (0..self.position())
            .rev()
            .find(|&n| self.is_step(n))
            .unwrap_or(0);
        self.go_to(previous, now);
    }

    /// Whether record `n` is a place a step stops at.
    fn is_step(&self, n: usize) -> bool {
        let records = self.records();
        let round_change = matches!(records[n].event, crate::session::Event::RoundEnded { .. })
            && records.get(n + 1).is_some_and(|next| {
                next.t == records[n].t
                    && matches!(next.event, crate::session::Event::RoundStarted { .. })
            });
        !is_checkpoint(&records[n]) && !round_change
    }

    pub fn next_round(&mut self, now: u64) {
        match rounds::next_start(&self.visits, self.position()) {
            Some(start) => self.go_to(start, now),
            None => self.status = Some(tr!("dit is de laatste ronde", "this is the last round")),
        }
    }

    pub fn previous_round(&mut self, now: u64) {
        match rounds::previous_start(&self.visits, self.position()) {
            Some(start) => self.go_to(start, now),
            None => self.status = Some(tr!("dit is de eerste ronde", "this is the first round")),
        }
    }

    fn moved(&mut self) {
        self.shown_t = self.frames.record().t;
        self.description = describe::describe(self.frames.record(), self.frames.state());
    }

    // ----- Playing -----

    /// Starts or stops playback. At the last record it starts again from the first.
    pub fn toggle_play(&mut self, now: u64) {
        if self.playing.take().is_some() {
            self.shown_t = self.frames.record().t;
            return;
        }
        if self.position() + 1 >= self.len() {
            self.frames.seek(0);
            self.moved();
        }
        self.playing = Some(Playback::start(self.speed, now, self.frames.record().t));
    }

    /// Speed number `k` (0-based) of [`SPEEDS`].
    pub fn set_speed(&mut self, k: usize, now: u64) {
        let speed = SPEEDS[k.min(SPEEDS.len() - 1)];
        self.speed = speed;
        if let Some(play) = &mut self.playing {
            *play = play.with_speed(speed, now);
        }
        self.status = Some(tr!("snelheid {speed}×", "speed {speed}×"));
    }

    /// The clock moved: shows every record whose time has come. Stops at the last record.
    pub fn tick(&mut self, now: u64) {
        let Some(play) = self.playing else {
            return;
        };
        let clock = play.clock(now);
        let due = self.records()[self.position() + 1..]
            .iter()
            .take_while(|r| r.t <= clock)
            .count();
        if due > 0 {
            self.frames.seek(self.position() + due);
            self.moved();
        }
        if self.position() + 1 >= self.len() {
            self.playing = None;
            self.status = Some(tr!("einde van de sessie", "end of the session"));
            return;
        }
        let next_t = self.records()[self.position() + 1].t;
        self.shown_t = clock.clamp(self.frames.record().t, next_t);
    }

    /// When the loop must wake next (same time base as `now`); `None`: only for a key.
    pub fn next_wake(&self, now: u64) -> Option<u64> {
        let play = self.playing?;
        let next_t = self.records().get(self.position() + 1).map(|r| r.t);
        Some(play.next_wake(now, next_t))
    }

    // ----- Searching -----

    /// Jumps to the next record after the position that matches the last search.
    pub fn search_next(&mut self, now: u64) {
        if self.query.trim().is_empty() {
            self.status = Some(tr!(
                "nog geen zoekopdracht: / om te zoeken",
                "no search yet: / to search"
            ));
            return;
        }
        let query = self.query.clone();
        let from = self.position();
        match self.index.find_after(&query, from) {
            Some(found) => {
                self.go_to(found, now);
                self.status = Some(if found <= from {
                    tr!(
                        "gevonden: “{query}” (weer vanaf het begin)",
                        "found: “{query}” (from the start again)"
                    )
                } else {
                    tr!("gevonden: “{query}”", "found: “{query}”")
                });
            }
            None => {
                self.status = Some(tr!("niet gevonden: “{query}”", "not found: “{query}”"));
            }
        }
    }

    // ----- Keys -----

    /// Pasted text goes into the search box while it is open (one line, made safe).
    pub fn paste(&mut self, text: &str) {
        if let Some(query) = &mut self.search_box {
            query.insert(text);
        }
    }

    pub fn key(&mut self, key: KeyEvent, now: u64) -> Control {
        if key.is_ctrl_c() {
            return Control::Quit;
        }
        self.status = None;
        if self.help {
            self.help = false;
            return Control::Continue;
        }
        if let Some(field) = &mut self.search_box {
            match keymap::SEARCH_BOX.command(key, true) {
                Some(SearchBoxKey::Search) => {
                    self.query = field.text().to_string();
                    self.search_box = None;
                    self.search_next(now);
                }
                Some(SearchBoxKey::Close) => self.search_box = None,
                None => {
                    field.key(key);
                }
            }
            return Control::Continue;
        }
        let Some(action) = REPLAY.action(key) else {
            return Control::Continue;
        };
        match action {
            // Esc closes a chart or list first, then leaves.
            ReplayKey::Quit if key.code == KeyCode::Esc && self.view != View::Main => {
                self.view = View::Main
            }
            ReplayKey::Quit => return Control::Quit,
            ReplayKey::Forward => self.step_forward(now),
            ReplayKey::Back => self.step_back(now),
            ReplayKey::NextRound => self.next_round(now),
            ReplayKey::PreviousRound => self.previous_round(now),
            ReplayKey::First => self.go_to(0, now),
            ReplayKey::Last => self.go_to(self.len() - 1, now),
            ReplayKey::Play => self.toggle_play(now),
            ReplayKey::Speed(k) => self.set_speed(k, now),
            ReplayKey::Chart => self.toggle_view(View::Bars),
            ReplayKey::Agreements => self.toggle_view(View::Agreements),
            ReplayKey::Search => self.search_box = Some(LineInput::new("", MAX_QUERY_CHARS)),
            ReplayKey::SearchNext => self.search_next(now),
            ReplayKey::Help => self.help = true,
        }
        Control::Continue
    }

    fn toggle_view(&mut self, view: View) {
        self.view = if self.view == view { View::Main } else { view };
    }
}

fn is_checkpoint(record: &Record) -> bool {
    matches!(record.event, crate::session::Event::Checkpoint)
}
