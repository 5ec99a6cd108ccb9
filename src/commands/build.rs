//! The plan builder on the terminal: runs the `builder` state machine, writes what it asks
//! to save (`storage::plan_file`), and comes back with the id of the plan saved, if any.

use std::io;
use std::path::PathBuf;

use ratatui::Frame;

use super::{Context, Failure};
use crate::builder::{Builder, Input, Outcome};
use crate::catalog::Library;
use crate::catalog::library::Origin;
use crate::runtime::{Flow, Input as RuntimeInput, Now, Screen};
use crate::storage::plan_file;
use crate::tr;

pub use crate::builder::Request;

/// Where new plans go: `<the user's decks directory>/plans`.
pub fn plans_dir(ctx: &Context) -> Result<PathBuf, Failure> {
    ctx.settings
        .user_decks_dir
        .as_deref()
        .map(plan_file::plans_dir)
        .ok_or_else(|| {
            Failure::failed(tr!(
                "geen map voor je eigen stapels en werkvormen gevonden (zie `tafel config`)",
                "no directory found for your own decks and plans (see `tafel config`)"
            ))
        })
}

/// A builder for `request` on `library`.
pub fn open<'a>(
    ctx: &Context,
    library: &'a Library,
    request: &Request,
) -> Result<Builder<'a>, Failure> {
    let now = chrono::Local::now().time();
    let entry = |id: &str| {
        library
            .plans
            .iter()
            .find(|e| e.item.id == id)
            .ok_or_else(|| Failure::usage(tr!("onbekende werkvorm `{id}`", "unknown plan `{id}`")))
    };
    Ok(match request {
        Request::New => Builder::new_plan(library, plans_dir(ctx)?, now),
        Request::Copy(id) => Builder::copy_of(library, &entry(id)?.item, plans_dir(ctx)?, now),
        Request::Edit(id) => {
            let entry = entry(id)?;
            let Origin::File(path) = &entry.origin else {
                return Err(Failure::usage(tr!(
                    "`{id}` is ingebouwd: maak er een kopie van (c) en pas die aan",
                    "`{id}` is bundled: make a copy (c) and change that"
                )));
            };
            let original = plan_file::read(path).map_err(|e| Failure::failed(e.to_string()))?;
            Builder::edit(library, &entry.item, path.clone(), original, now)
        }
    })
}

/// Runs `builder` on the terminal until it is left. The id of the plan saved, if any.
pub fn run(builder: &mut Builder) -> io::Result<Option<String>> {
    let clock = crate::session::clock::SystemClock::starting_at(0);
    let mut screen = BuilderScreen {
        builder,
        saved: None,
    };
    crate::runtime::run(&mut screen, &clock)?;
    Ok(screen.saved)
}

/// The builder on the terminal: saving writes the plan file.
struct BuilderScreen<'a, 'b> {
    builder: &'a mut Builder<'b>,
    saved: Option<String>,
}

impl Screen for BuilderScreen<'_, '_> {
    fn update(&mut self, input: RuntimeInput, now: Now) -> Flow {
        let input = match input {
            RuntimeInput::Key(key) => Input::Key(key),
            RuntimeInput::Paste(text) => Input::Paste(text),
            RuntimeInput::Tick | RuntimeInput::Changed => return Flow::Stay,
        };
        let time = now.wall.time();
        match self.builder.update(input, time) {
            None => Flow::Stay,
            Some(Outcome::Save {
                path,
                text,
                new_file,
            }) => {
                // The builder shows the outcome on its status line: in words.
                let saved = plan_file::save(&path, &text, new_file);
                self.builder.saved(saved);
                Flow::Stay
            }
            Some(Outcome::Close { saved }) => {
                self.saved = saved;
                Flow::Leave
            }
        }
    }

    fn deadline(&self, _now: Now) -> Option<u64> {
        None
    }

    fn render(&self, frame: &mut Frame) {
        crate::ui::builder::render(self.builder, frame.area(), frame.buffer_mut());
    }
}

/// The session just run, offered as a new own plan ("bewaar deze agenda als werkvorm").
pub fn keep_session(
    ctx: &Context,
    session: &crate::session::Session,
) -> Result<Option<String>, Failure> {
    let mut builder = Builder::from_session(
        ctx.library(),
        session,
        plans_dir(ctx)?,
        chrono::Local::now().time(),
    );
    run(&mut builder).map_err(super::run::io_failure)
}
