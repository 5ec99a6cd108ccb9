//! `tafel replay [ID|PATH]`: look back at a session, event by event (the newest without an
//! argument). Reads the file only; never changes or locks it.

use ratatui::Frame;

use super::{Context, Failure, Outcome};
use crate::history::resolve::resolve_in;
use crate::replay::{Control, Replay, load};
use crate::runtime::{Flow, Input, Now, Screen};
use crate::session::clock::SystemClock;
use crate::tr;

pub fn run(ctx: &Context, target: Option<&str>) -> Outcome {
    // The user's own sessions and the archives alike: replaying never writes.
    let path = resolve_in(&ctx.session_dirs()?, target).map_err(Failure::usage)?;
    // Loaded before the terminal check, so a damaged file is reported the same everywhere.
    let mut replay = load::open(&path).map_err(Failure::failed)?;
    super::require_terminal("replay")?;
    run_loop(&mut replay)
        .map_err(|err| Failure::failed(tr!("terminalfout: {err}", "terminal error: {err}")))
}

/// The replay on the terminal: asleep until a key, or the next due record while playing.
fn run_loop(replay: &mut Replay) -> std::io::Result<()> {
    let clock = SystemClock::starting_at(0);
    crate::runtime::run(&mut ReplayScreen { replay }, &clock).map(|_| ())
}

struct ReplayScreen<'a> {
    replay: &'a mut Replay,
}

impl Screen for ReplayScreen<'_> {
    fn update(&mut self, input: Input, now: Now) -> Flow {
        match input {
            Input::Key(key) => match self.replay.key(key, now.t) {
                Control::Quit => Flow::Leave,
                Control::Continue => Flow::Stay,
            },
            Input::Paste(text) => {
                self.replay.paste(&text);
                Flow::Stay
            }
            Input::Tick | Input::Changed => {
                self.replay.tick(now.t);
                Flow::Stay
            }
        }
    }

    fn deadline(&self, now: Now) -> Option<u64> {
        self.replay.next_wake(now.t)
    }

    fn render(&self, frame: &mut Frame) {
        crate::ui::replay::render(self.replay, frame.area(), frame.buffer_mut());
    }
}
