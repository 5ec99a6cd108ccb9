//! `tafel replay [ID|PATH]`: look back at a session, event by event (the newest without an
//! argument). Reads the file only; never changes or locks it.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

use super::{Context, Failure, Outcome};
use crate::history::resolve::resolve_in;
use crate::replay::{Control, Replay, load};
use crate::tr;
use crate::tui::TerminalGuard;

/// The longest the loop sleeps without a key: also how quickly SIGTERM/SIGHUP are noticed.
const MAX_SLEEP_MS: u64 = 1000;

pub fn run(ctx: &Context, target: Option<&str>) -> Outcome {
    // The user's own sessions and the archives alike: replaying never writes.
    let path = resolve_in(&ctx.session_dirs()?, target).map_err(Failure::usage)?;
    // Loaded before the terminal check, so a damaged file is reported the same everywhere.
    let mut replay = load::open(&path).map_err(Failure::failed)?;
    super::require_terminal("replay")?;
    run_loop(&mut replay)
        .map_err(|err| Failure::failed(tr!("terminalfout: {err}", "terminal error: {err}")))
}

/// Draws when something changed and sleeps until a key, the next due record while playing,
/// or at most [`MAX_SLEEP_MS`]: no busy loop.
fn run_loop(replay: &mut Replay) -> std::io::Result<()> {
    // Ends the process even if crossterm spins on a hung-up terminal.
    let watch = crate::tui::SignalWatch::start()?;
    let origin = Instant::now();
    let now = || origin.elapsed().as_millis() as u64;
    let mut guard = TerminalGuard::enter()?;
    let mut dirty = true;
    loop {
        if dirty {
            guard.terminal.draw(|frame| {
                crate::ui::replay::render(replay, frame.area(), frame.buffer_mut())
            })?;
            dirty = false;
        }
        if watch.stopped() {
            return Ok(());
        }
        let t = now();
        let sleep = replay
            .next_wake(t)
            .map_or(MAX_SLEEP_MS, |wake| wake.saturating_sub(t))
            .min(MAX_SLEEP_MS);
        if event::poll(Duration::from_millis(sleep))? {
            match event::read()? {
                Event::Key(key) => {
                    if replay.key(key, now()) == Control::Quit {
                        return Ok(());
                    }
                    dirty = true;
                }
                Event::Resize(_, _) => dirty = true,
                _ => {}
            }
        } else if replay.is_playing() {
            replay.tick(now());
            dirty = true;
        }
    }
}
