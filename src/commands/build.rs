//! The plan builder on the terminal: runs the `builder` state machine as a screen, writes
//! what it asks to save (`storage::plan_file`), and goes back with the id of the plan saved, if
//! any.

use std::path::PathBuf;

use ratatui::Frame;

use super::{Context, Failure};
use crate::builder::{Builder, Input, Outcome};
use crate::catalog::Library;
use crate::catalog::library::Origin;
use crate::runtime::{Boxed, Flow, Input as RuntimeInput, Now, Screen};
use crate::storage::plan_file;
use crate::tr;
use crate::tui::PlanOffer;

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

/// The builder as a screen of the runtime; it goes back with the id of the plan saved, if
/// any (`Option<String>`).
pub fn screen<'a>(builder: Builder<'a>) -> Boxed<'a> {
    Box::new(BuilderScreen { builder })
}

/// The builder on the terminal: saving writes the plan file.
struct BuilderScreen<'b> {
    builder: Builder<'b>,
}

impl<'a> Screen<'a> for BuilderScreen<'a> {
    fn update(&mut self, input: RuntimeInput, now: Now) -> Flow<'a> {
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
            Some(Outcome::Close { saved }) => Flow::back(saved),
        }
    }

    fn deadline(&self, _now: Now) -> Option<u64> {
        None
    }

    fn render(&self, frame: &mut Frame) {
        crate::ui::builder::render(&self.builder, frame.area(), frame.buffer_mut());
    }
}

/// What a session screen offers when the facilitator asked to keep its agenda as a new own
/// plan ("bewaar deze agenda als werkvorm"): the builder on that session.
pub fn plan_offer(ctx: &Context) -> PlanOffer<'_> {
    Box::new(move |session| {
        let dir = plans_dir(ctx)?;
        let builder =
            Builder::from_session(ctx.library(), session, dir, chrono::Local::now().time());
        Ok(screen(builder))
    })
}
