//! The shell's part, for tests that drive the real `App` without a terminal.
//!
//! A session starts from a `SessionStarted` record made by `Setup`; keys, pastes and ticks go
//! to `App::update` on a fake clock, and every `Effect::Persist` becomes journal records
//! (consecutive `seq`, the clock's `t` and wall time) that are handed back to
//! `App::confirmed`, the way `tafel run` does. Bells, drafts and quitting are logged so tests
//! can look at them. Also here: journals to write to disk, screens drawn as text, and a tiny
//! deterministic generator.
//!
//! Used by the tests as `common::harness` and by `benches/frame.rs` with `#[path]`; each uses
//! a different part.
#![allow(dead_code)]

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::{Frame, Terminal};
use tafel::keys::{KeyCode, KeyEvent, KeyModifiers};

use tafel::app::{App, Effect, Input, Now, Status};
use tafel::catalog::{Deck, Library, Plan, Round, RoundLength};
use tafel::executor::StoreError;
use tafel::session::Session;
use tafel::session::clock::{Clock, FakeClock};
use tafel::session::event::{Event, FORMAT, Record};
use tafel::storage::journal::JournalError;

/// The bundled decks and plans.
pub static LIBRARY: LazyLock<Library> = LazyLock::new(Library::bundled);

/// The bundled decks with the plans as they were before their timings grew with the group
/// (issue 11), kept in `tests/fixtures/plans-2025`: tests that count minutes and rounds
/// of a plan use these, so revising a bundled plan does not move their expectations.
pub static FROZEN: LazyLock<Library> = LazyLock::new(|| {
    tafel::storage::decks::load_library(&[std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/plans-2025"
    ))])
});

pub const MIN: u64 = 60_000;

/// Where a session starts unless `Setup::wall` says otherwise: Friday 14 March 2025, 13:00:00
/// in the Netherlands.
const DEFAULT_WALL: &str = "2025-03-14T13:00:00+01:00";
const DEFAULT_SESSION_PATH: &str = "/tmp/tafel-test/sessie.jsonl";
const DEFAULT_SESSION_ID: &str = "test";

/// A wall-clock time written as RFC 3339.
pub fn wall_time(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).expect("valid time")
}

// ---------------------------------------------------------------------------------------------
// Starting a session

/// What a session starts with, and where its app thinks the journal is.
pub struct Setup {
    pub title: String,
    pub plan: Plan,
    pub decks: Vec<Deck>,
    pub session_deck: Option<String>,
    pub seed: u64,
    pub participants: Vec<String>,
    pub wall: DateTime<FixedOffset>,
    pub session_path: String,
    pub session_id: String,
    /// Fail the test when a confirmed record leaves an error on the status line.
    pub strict: bool,
}

impl Setup {
    /// `plan` with `decks`: seed 42, nobody named, the default wall time and journal.
    pub fn new(title: &str, plan: Plan, decks: Vec<Deck>) -> Setup {
        Setup {
            title: title.into(),
            plan,
            decks,
            session_deck: None,
            seed: 42,
            participants: Vec::new(),
            wall: wall_time(DEFAULT_WALL),
            session_path: DEFAULT_SESSION_PATH.into(),
            session_id: DEFAULT_SESSION_ID.into(),
            strict: false,
        }
    }

    /// A bundled plan as it was before issue 11 (`FROZEN`), with copies of the decks it names.
    pub fn plan(id: &str) -> Setup {
        Setup::plan_in(&FROZEN, id)
    }

    /// A plan of `library` with copies of the decks it names.
    pub fn plan_in(library: &Library, id: &str) -> Setup {
        let plan = library
            .plan(id)
            .unwrap_or_else(|| panic!("bundled plan `{id}`"))
            .clone();
        let decks = plan
            .decks
            .iter()
            .map(|d| library.deck(d).expect("bundled deck").clone())
            .collect();
        Setup::new(&format!("Test: {id}"), plan, decks)
    }

    /// A plan made up on the spot: rounds with a title and minutes, no cards.
    pub fn custom(rounds: &[(&str, u32)]) -> Setup {
        let plan = Plan {
            id: "proef".into(),
            title: "Proef".into(),
            description: String::new(),
            decks: Vec::new(),
            rounds: rounds
                .iter()
                .map(|(title, minutes)| {
                    Round::plain((*title).into(), RoundLength::Minutes(*minutes))
                })
                .collect(),
            guide: Default::default(),
            resolved_for: None,
        };
        Setup::new("Proef", plan, Vec::new())
    }

    pub fn title(mut self, title: &str) -> Self {
        self.title = title.into();
        self
    }

    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    pub fn participants(mut self, names: &[&str]) -> Self {
        self.participants = names.iter().map(|n| (*n).to_string()).collect();
        self
    }

    /// The deck for rounds whose draw names none (and for `d` outside such rounds).
    pub fn session_deck(mut self, id: &str) -> Self {
        if !self.decks.iter().any(|d| d.id == id) {
            self.decks
                .push(LIBRARY.deck(id).expect("bundled deck").clone());
        }
        self.session_deck = Some(id.to_string());
        self
    }

    /// The wall time at the start (the fake clock's zero).
    pub fn wall(mut self, wall: DateTime<FixedOffset>) -> Self {
        self.wall = wall;
        self
    }

    /// The journal path and session id the app shows (nothing is written there).
    pub fn session_file(mut self, path: &str, id: &str) -> Self {
        self.session_path = path.into();
        self.session_id = id.into();
        self
    }

    /// Fails the test as soon as a confirmed record does not fit the session.
    pub fn strict(mut self) -> Self {
        self.strict = true;
        self
    }

    /// The first record of the journal: `session_started`, seq 0 at the start.
    pub fn record(&self) -> Record {
        Record {
            seq: 0,
            at: self.wall,
            t: 0,
            event: Event::SessionStarted {
                format: FORMAT.into(),
                title: self.title.clone(),
                plan: self.plan.clone(),
                decks: self.decks.clone(),
                session_deck: self.session_deck.clone(),
                seed: self.seed,
                participants: self.participants.clone(),
            },
        }
    }

    /// The session and its app, before `App::begin`.
    pub fn open(self) -> Harness {
        let first = self.record();
        let session = Session::start(&first).expect("a valid start");
        Harness::new(
            session,
            vec![first],
            FakeClock::new(self.wall),
            &self.session_path,
            &self.session_id,
            self.strict,
        )
    }

    /// The session begun, as `tafel run` starts it: the first round runs.
    pub fn start(self) -> Harness {
        let mut harness = self.open();
        harness.begin();
        harness
    }
}

// ---------------------------------------------------------------------------------------------
// Driving the app

/// The tests' store: records appended to a list (consecutive `seq`, the clock's time), or a
/// failure when one is set; drafts always kept; exports left for the test to answer.
struct MemoryStore<'a> {
    journal: &'a mut Vec<Record>,
    fail_next: &'a mut Option<String>,
}

impl tafel::executor::Store for MemoryStore<'_> {
    fn append(
        &mut self,
        events: Vec<Event>,
        at: DateTime<FixedOffset>,
        t: u64,
    ) -> Result<Vec<Record>, StoreError> {
        if let Some(cause) = self.fail_next.take() {
            // As the journal reports a write that failed and was taken back.
            return Err(StoreError::Journal(JournalError::Write {
                path: "geheugen".into(),
                source: std::io::Error::other(cause),
            }));
        }
        let first_seq = self.journal.len() as u64;
        let records: Vec<Record> = events
            .into_iter()
            .enumerate()
            .map(|(i, event)| Record {
                seq: first_seq + i as u64,
                at,
                t,
                event,
            })
            .collect();
        self.journal.extend(records.iter().cloned());
        Ok(records)
    }

    fn keep_drafts(&mut self, _drafts: &[tafel::session::draft::Draft]) -> Result<(), StoreError> {
        Ok(())
    }

    fn export(
        &mut self,
        _request: &tafel::app::export::ExportRequest,
    ) -> Option<tafel::app::export::Exported> {
        None
    }

    fn bell(&mut self) {}
}

pub struct Harness {
    pub app: App,
    pub clock: FakeClock,
    /// Every record "on disk", the first one starting the session.
    pub journal: Vec<Record>,
    /// Every effect the app asked for, in order.
    pub log: Vec<Effect>,
    /// When set, the next `Persist` fails with this cause instead of being written.
    pub fail_next: Option<String>,
    strict: bool,
}

impl Harness {
    fn new(
        session: Session,
        journal: Vec<Record>,
        clock: FakeClock,
        session_path: &str,
        session_id: &str,
        strict: bool,
    ) -> Harness {
        let now = Now {
            t: clock.t(),
            wall: clock.wall(),
        };
        let app = App::new(session, session_path.into(), session_id.into(), now);
        Harness {
            app,
            clock,
            journal,
            log: Vec::new(),
            fail_next: None,
            strict,
        }
    }

    /// Continues a session from its journal, as `tafel` does after a restart: `t` ms after
    /// the default start, begun.
    pub fn resume(journal: Vec<Record>, t: u64) -> Harness {
        let session = Session::from_records(&journal).expect("a valid journal");
        let clock = FakeClock::new(wall_time(DEFAULT_WALL));
        clock.advance_ms(t);
        let mut harness = Harness::new(
            session,
            journal,
            clock,
            DEFAULT_SESSION_PATH,
            DEFAULT_SESSION_ID,
            false,
        );
        harness.begin();
        harness
    }

    /// `App::begin` now, its effects handled.
    pub fn begin(&mut self) -> Vec<Effect> {
        let now = self.now();
        let effects = self.app.begin(now);
        self.process(effects)
    }

    pub fn now(&self) -> Now {
        Now {
            t: self.clock.t(),
            wall: self.clock.wall(),
        }
    }

    pub fn t(&self) -> u64 {
        self.clock.t()
    }

    /// Handles effects with the shell's own executor (`tafel::executor`), through a store
    /// in memory: persists (or fails), then confirms; returns every effect seen, including
    /// those `confirmed` returned.
    pub fn process(&mut self, effects: Vec<Effect>) -> Vec<Effect> {
        let mut store = MemoryStore {
            journal: &mut self.journal,
            fail_next: &mut self.fail_next,
        };
        let seen = tafel::executor::carry_out(&mut self.app, &mut store, &self.clock, effects).seen;
        if self.strict
            && let Some(Status::Error(message)) = &self.app.status
        {
            panic!("a confirmed record did not fit the session: {message}");
        }
        self.log.extend(seen.iter().cloned());
        seen
    }

    pub fn send(&mut self, input: Input) -> Vec<Effect> {
        let now = self.now();
        let effects = self.app.update(input, now);
        self.process(effects)
    }

    pub fn key_with(&mut self, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
        self.send(Input::Key(KeyEvent::new(code, modifiers)))
    }

    pub fn key(&mut self, code: KeyCode) -> Vec<Effect> {
        self.key_with(code, KeyModifiers::NONE)
    }

    pub fn ch(&mut self, c: char) -> Vec<Effect> {
        self.key(KeyCode::Char(c))
    }

    /// Presses each key of a string of command keys, collecting the effects.
    pub fn keys(&mut self, text: &str) -> Vec<Effect> {
        text.chars().flat_map(|c| self.ch(c)).collect()
    }

    /// Types text one key at a time (in the editor or an agenda question).
    pub fn type_text(&mut self, text: &str) -> Vec<Effect> {
        self.keys(text)
    }

    pub fn right(&mut self) -> Vec<Effect> {
        self.key(KeyCode::Right)
    }

    pub fn left(&mut self) -> Vec<Effect> {
        self.key(KeyCode::Left)
    }

    pub fn enter(&mut self) -> Vec<Effect> {
        self.key(KeyCode::Enter)
    }

    pub fn esc(&mut self) -> Vec<Effect> {
        self.key(KeyCode::Esc)
    }

    pub fn paste(&mut self, text: &str) -> Vec<Effect> {
        self.send(Input::Paste(text.to_string()))
    }

    pub fn tick(&mut self) -> Vec<Effect> {
        self.send(Input::Tick)
    }

    /// Moves the clock and wakes the loop once.
    pub fn advance_ms(&mut self, ms: u64) -> Vec<Effect> {
        self.clock.advance_ms(ms);
        self.tick()
    }

    pub fn advance_secs(&mut self, secs: u64) -> Vec<Effect> {
        self.advance_ms(secs * 1000)
    }

    /// Moves the clock in one-second steps, ticking at each, like the real loop.
    pub fn run_secs(&mut self, secs: u64) -> Vec<Effect> {
        (0..secs).flat_map(|_| self.advance_ms(1000)).collect()
    }

    /// A note written down: `n`, the text, Enter.
    pub fn note(&mut self, text: &str) -> Vec<Effect> {
        let mut effects = self.ch('n');
        effects.extend(self.type_text(text));
        effects.extend(self.enter());
        effects
    }

    /// The agreement editor opened with `a` and its three fields filled in, not yet saved.
    pub fn type_agreement(&mut self, text: &str, owner: &str, due: &str) -> Vec<Effect> {
        let mut effects = self.ch('a');
        effects.extend(self.type_text(text));
        effects.extend(self.key(KeyCode::Tab));
        effects.extend(self.type_text(owner));
        effects.extend(self.key(KeyCode::Tab));
        effects.extend(self.type_text(due));
        effects
    }

    /// An agreement written down: `type_agreement`, then Enter.
    pub fn agreement(&mut self, text: &str, owner: &str, due: &str) -> Vec<Effect> {
        let mut effects = self.type_agreement(text, owner, due);
        effects.extend(self.enter());
        effects
    }

    /// How often the bell rang.
    pub fn bells(&self) -> usize {
        self.log.iter().filter(|e| **e == Effect::Bell).count()
    }

    /// Whether the app asked to quit.
    pub fn quit(&self) -> bool {
        self.log.contains(&Effect::Quit)
    }
}

// ---------------------------------------------------------------------------------------------
// Journals on disk

/// The first record of the journals that tests write to disk: `koers-wat` with its deck,
/// Anna and Bram, seed 7, started at `start`.
pub fn koers_wat_start(title: &str, start: DateTime<FixedOffset>) -> Record {
    Setup::new(
        title,
        FROZEN.plan("koers-wat").unwrap().clone(),
        vec![LIBRARY.deck("koerskaarten").unwrap().clone()],
    )
    .seed(7)
    .participants(&["Anna", "Bram"])
    .wall(start)
    .record()
}

/// `events` as journal records one minute apart from `start`: `seq` 0, 1, … and `t` in whole
/// minutes.
pub fn minute_records(start: DateTime<FixedOffset>, events: Vec<Event>) -> Vec<Record> {
    events
        .into_iter()
        .enumerate()
        .map(|(i, event)| Record {
            seq: i as u64,
            at: start + chrono::Duration::seconds(i as i64 * 60),
            t: i as u64 * 60_000,
            event,
        })
        .collect()
}

/// `records` as a journal file holds them: one JSON line each.
pub fn journal_text(records: &[Record]) -> String {
    let lines: Vec<String> = records
        .iter()
        .map(|record| serde_json::to_string(record).unwrap())
        .collect();
    lines.join("\n") + "\n"
}

// ---------------------------------------------------------------------------------------------
// Screens

/// A `width`×`height` test terminal after drawing one frame with `draw`.
pub fn terminal(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(draw).unwrap();
    terminal
}

/// The frame `draw` makes at `width`×`height`, one quoted line per row.
pub fn screen_text(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> String {
    terminal(width, height, draw).backend().to_string()
}

/// The rows of `buffer` without their trailing spaces, one line each.
pub fn trimmed_rows(buffer: &Buffer) -> String {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------------
// Randomness

/// A tiny deterministic generator (for irregular durations, random sessions and jumps).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}
