//! `tafel replay [ID|PATH]`: look back at a session, event by event (the newest without an
//! argument). Reads the file only; never changes or locks it. The reading is done here:
//! `replay/` builds the replay from the records it is given.

use std::path::{Path, PathBuf};

use ratatui::Frame;

use super::{Context, Failure, Outcome};
use crate::history::resolve::{id_of, resolve_in};
use crate::replay::{Control, Replay};
use crate::runtime::{Boxed, Flow, Input, Now, Screen};
use crate::session::clock::SystemClock;
use crate::session::state::StateError;
use crate::storage::journal::LoadError;
use crate::tr;

/// Why a session file cannot be replayed; both name the file.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Not readable as a session.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Its records do not add up to a session.
    #[error("{}", tr!(
        "{}: sessiebestand beschadigd: {source}",
        "{}: session file damaged: {source}",
        path.display()
    ))]
    Misfit { path: PathBuf, source: StateError },
}

/// The replay of the session in `path`. Reading never changes the file (no lock, no
/// setting aside): an incomplete last line is only noted.
pub fn open(path: &Path) -> Result<Replay, OpenError> {
    let loaded = crate::storage::load(path)?;
    let mut replay =
        Replay::new(loaded.records, id_of(path)).map_err(|source| OpenError::Misfit {
            path: path.to_path_buf(),
            source,
        })?;
    replay.torn_line = loaded.torn_tail.map(|torn| torn.line);
    Ok(replay)
}

pub fn run(ctx: &Context, target: Option<&str>) -> Outcome {
    // Loaded before the terminal check, so a damaged file is reported the same everywhere.
    let screen = replay_screen(ctx, target)?;
    super::require_terminal("replay")?;
    let clock = SystemClock::starting_at(0);
    crate::runtime::run(screen, &clock)
        .map(|_| ())
        .map_err(|err| Failure::failed(tr!("terminalfout: {err}", "terminal error: {err}")))
}

/// The replay of the session `target` names (the newest without), as a screen; it goes back
/// with `()`.
pub fn replay_screen<'a>(ctx: &Context, target: Option<&str>) -> Result<Boxed<'a>, Failure> {
    // The user's own sessions and the archives alike: replaying never writes.
    let path = resolve_in(&ctx.session_dirs()?, target)?;
    let replay = open(&path).map_err(|e| Failure::failed(e.to_string()))?;
    Ok(Box::new(ReplayScreen { replay }))
}

/// The replay on the terminal: asleep until a key, or the next due record while playing.
struct ReplayScreen {
    replay: Replay,
}

impl<'a> Screen<'a> for ReplayScreen {
    fn update(&mut self, input: Input, now: Now) -> Flow<'a> {
        match input {
            Input::Key(key) => match self.replay.key(key, now.t) {
                Control::Quit => Flow::back(()),
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
        crate::ui::replay::render(&self.replay, frame.area(), frame.buffer_mut());
    }
}
