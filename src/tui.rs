//! The session's screen on the terminal: the app (a live workshop, solo reflection or a
//! resumed session) as a [`Screen`] of the runtime, its effects carried out through the
//! journal; and the plan picker of `tafel run` without a plan.

use std::io::{self, Write};
use std::path::PathBuf;

use ratatui::Frame;

use crate::app::export::{ExportRequest, Exported};
use crate::app::{self, App, Effect};
use crate::executor::StoreError;
use crate::runtime::{Flow, Input, Now, Screen};
use crate::session::clock::Clock;
use crate::session::draft;
use crate::storage::draft::save_drafts;
use crate::storage::journal::Journal;

pub use crate::runtime::Exit;
pub use crate::runtime::wake::print_unkept;

/// Writes an export of the session at a path (the shell's `export_request`).
pub type Exporter = fn(&std::path::Path, &ExportRequest) -> Exported;

/// Runs the session screen until the user or a signal ends it.
pub fn run_session(
    app: &mut App,
    journal: &mut Journal,
    clock: &dyn Clock,
    initial: Vec<Effect>,
    exporter: Exporter,
) -> io::Result<Exit> {
    crate::runtime::terminal::set_session_path(journal.path());
    let mut screen = SessionScreen {
        app,
        journal,
        clock,
        initial,
        exporter,
    };
    crate::runtime::run(&mut screen, clock)
}

/// The app on the terminal: what it asks is carried out through the journal.
struct SessionScreen<'a> {
    app: &'a mut App,
    journal: &'a mut Journal,
    clock: &'a dyn Clock,
    /// What the session starts with (carried out before the first frame).
    initial: Vec<Effect>,
    exporter: Exporter,
}

impl SessionScreen<'_> {
    fn carry_out(&mut self, effects: Vec<Effect>) -> Flow {
        let store = &mut JournalStore {
            journal: self.journal,
            exporter: self.exporter,
        };
        match crate::executor::carry_out(self.app, store, self.clock, effects).quit {
            true => Flow::Leave,
            false => Flow::Stay,
        }
    }
}

impl Screen for SessionScreen<'_> {
    fn start(&mut self, _now: Now) -> Flow {
        let initial = std::mem::take(&mut self.initial);
        self.carry_out(initial)
    }

    fn update(&mut self, input: Input, now: Now) -> Flow {
        let input = match input {
            Input::Key(key) => app::Input::Key(key),
            Input::Paste(text) => app::Input::Paste(text),
            Input::Tick | Input::Changed => app::Input::Tick,
        };
        let effects = self.app.update(input, now);
        self.carry_out(effects)
    }

    fn deadline(&self, _now: Now) -> Option<u64> {
        self.app.next_deadline()
    }

    fn render(&self, frame: &mut Frame) {
        crate::ui::draw(frame, self.app);
    }

    fn unsaved(&self) -> Option<(PathBuf, Vec<draft::Draft>)> {
        Some((self.journal.path().to_path_buf(), self.app.pending_drafts()))
    }
}

/// The terminal's store: the session's journal and its drafts on disk, the bell on stdout.
pub struct JournalStore<'a> {
    pub journal: &'a mut Journal,
    pub exporter: Exporter,
}

impl crate::executor::Store for JournalStore<'_> {
    fn append(
        &mut self,
        events: Vec<crate::session::Event>,
        at: chrono::DateTime<chrono::FixedOffset>,
        t: u64,
    ) -> Result<Vec<crate::session::Record>, StoreError> {
        Ok(self.journal.append(events, at, t)?)
    }

    fn keep_drafts(&mut self, drafts: &[draft::Draft]) -> Result<(), StoreError> {
        save_drafts(self.journal.path(), drafts).map_err(|source| StoreError::Drafts { source })
    }

    fn export(&mut self, request: &ExportRequest) -> Option<Exported> {
        Some((self.exporter)(self.journal.path(), request))
    }

    fn bell(&mut self) {
        let mut out = io::stdout();
        let _ = out.write_all(b"\x07").and_then(|()| out.flush());
    }
}

/// A list of plans to choose from, for `tafel run` without a plan. `None`: the user left.
pub fn pick_plan(library: &crate::catalog::Library) -> io::Result<Option<crate::catalog::Plan>> {
    let plans: Vec<&crate::catalog::Plan> = library.plans.iter().map(|e| &e.item).collect();
    if plans.is_empty() {
        return Ok(None);
    }
    let mut screen = PickerScreen {
        picker: crate::home::picker::PlanPicker::new(plans.len()),
        plans,
    };
    let clock = crate::session::clock::SystemClock::starting_at(0);
    crate::runtime::run(&mut screen, &clock)?;
    Ok(screen
        .picker
        .chosen()
        .map(|index| screen.plans[index].clone()))
}

struct PickerScreen<'a> {
    picker: crate::home::picker::PlanPicker,
    plans: Vec<&'a crate::catalog::Plan>,
}

impl Screen for PickerScreen<'_> {
    fn update(&mut self, input: Input, _now: Now) -> Flow {
        match input {
            Input::Key(key) if self.picker.key(key) => Flow::Leave,
            _ => Flow::Stay,
        }
    }

    fn deadline(&self, _now: Now) -> Option<u64> {
        None
    }

    fn render(&self, frame: &mut Frame) {
        crate::ui::picker::render_plans(
            &self.plans,
            self.picker.selected(),
            frame.area(),
            frame.buffer_mut(),
        );
    }
}
