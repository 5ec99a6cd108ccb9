//! The one screen runtime. Every interactive screen — home, a live or solo session, replay,
//! the room, the plan builder, the plan picker — implements [`Screen`]: input and the time
//! in, what to do next out, a next deadline, a render. One loop ([`run`]) carries it: it
//! sleeps until a key, a paste, a followed file changing, a signal or the screen's next
//! deadline (never on a fixed tick, so an idle screen costs nothing), draws only when
//! something changed, and always restores the terminal.
//!
//! What a screen asks of the world beyond "stay" or "leave" (saving, loading, writing a
//! file) its shell carries out inside `update`, through a store: the session's effects go
//! through [`crate::executor`], the same executor the tests drive.

pub mod keys;
pub mod terminal;
pub mod wake;

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use ratatui::Frame;
use ratatui::crossterm::event::Event;

use crate::keys::KeyEvent;

use crate::session::clock::Clock;
pub use crate::session::clock::Now;
use crate::session::draft::Draft;

pub use terminal::{TerminalGuard, restore_terminal};

/// What reaches a screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
    /// The screen's deadline came.
    Tick,
    /// A file the screen follows changed.
    Changed,
}

/// What the loop does after an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Stay,
    /// The screen is done; the loop returns.
    Leave,
}

/// An interactive screen.
pub trait Screen {
    /// Once, before the first frame (e.g. carrying out what a session starts with).
    fn start(&mut self, _now: Now) -> Flow {
        Flow::Stay
    }
    /// One input at `now`.
    fn update(&mut self, input: Input, now: Now) -> Flow;
    /// When the screen changes by itself next (on the same clock as `now.t`); `None`: only
    /// on input.
    fn deadline(&self, now: Now) -> Option<u64>;
    fn render(&self, frame: &mut Frame);
    /// Text typed and not yet in the journal, with the session it belongs to: what the
    /// watchdog keeps if a signal has to end the process.
    fn unsaved(&self) -> Option<(PathBuf, Vec<Draft>)> {
        None
    }
}

/// How the loop ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The screen left (the user was done, or asked to quit).
    Quit,
    /// SIGTERM, SIGHUP or SIGINT from outside.
    Signal,
}

/// Runs `screen` on the terminal until it leaves or a signal ends it.
pub fn run(screen: &mut dyn Screen, clock: &dyn Clock) -> io::Result<Exit> {
    let wakes = wake::start()?;
    if wake::signalled() {
        return Ok(Exit::Signal);
    }
    let _looping = wake::Looping::enter();
    let mut guard = TerminalGuard::enter()?;
    let mut left = screen.start(Now::of(clock)) == Flow::Leave;
    // Before every frame: should drawing hang (a stalled terminal), the watchdog keeps what
    // was typed up to the last input.
    wake::keep_for_watchdog(screen.unsaved());
    let mut dirty = true;
    loop {
        if dirty {
            guard.terminal.draw(|frame| screen.render(frame))?;
            dirty = false;
        }
        if left {
            return Ok(Exit::Quit);
        }
        if wake::signalled() {
            return Ok(Exit::Signal);
        }
        let now = Now::of(clock);
        let sleep = screen
            .deadline(now)
            .map(|deadline| Duration::from_millis(deadline.saturating_sub(now.t)));
        let input = match wakes.next(sleep)? {
            wake::Wake::Timeout => Input::Tick,
            wake::Wake::Changed => Input::Changed,
            wake::Wake::Signal => continue,
            wake::Wake::Terminal(event) => match event {
                Event::Key(key) => match keys::from_terminal(key) {
                    Some(key) => {
                        test_panic(&key);
                        Input::Key(key)
                    }
                    None => continue,
                },
                Event::Paste(text) => Input::Paste(text),
                Event::Resize(_, _) => {
                    dirty = true;
                    continue;
                }
                _ => continue,
            },
        };
        left = screen.update(input, Now::of(clock)) == Flow::Leave;
        wake::keep_for_watchdog(screen.unsaved());
        dirty = true;
    }
}

/// Debug builds only: F12 with `TAFEL_TEST_PANIC` set panics, so the end-to-end tests can
/// see what a crash leaves.
fn test_panic(key: &KeyEvent) {
    #[cfg(debug_assertions)]
    if key.code == crate::keys::KeyCode::F(12) && std::env::var_os("TAFEL_TEST_PANIC").is_some() {
        panic!("TAFEL_TEST_PANIC");
    }
    #[cfg(not(debug_assertions))]
    let _ = key;
}
