//! `tafel` without arguments: the home screen. Runs the `home` state machine on the terminal
//! and carries out what it asks: a workshop, solo reflection, a replay, resuming a session
//! or the plan builder open over it on the runtime's stack; lists and exports are done in
//! place. After a session or a replay it comes back here, so the facilitator is never
//! dropped at the shell unexpectedly.

use std::any::Any;
use std::path::{Path, PathBuf};

use ratatui::Frame;

use super::run::Start;
use super::{Context, Failure, Outcome};
use crate::app::Status;
use crate::catalog::Library;
use crate::history::index::Query;
use crate::history::listing::{History, Listing, Progress};
use crate::home::{Home, Input, Outcome as Wish};
use crate::runtime::{Boxed, Flow, Input as RuntimeInput, Now, Screen};
use crate::session::clock::SystemClock;
use crate::tr;
use crate::tui::SessionResult;

pub fn run(ctx: &Context) -> Outcome {
    let clock = SystemClock::starting_at(0);
    let home = HomeScreen::new(ctx, ctx.library(), None);
    crate::runtime::run(Box::new(home), &clock).map_err(super::run::io_failure)?;
    Ok(())
}

/// The home screen on the terminal: lists are loaded and sessions renamed, moved to the
/// trash or exported right here; a workshop, solo reflection, a replay, resuming a session
/// and the plan builder open over it, and it learns how they went when they go back.
struct HomeScreen<'a> {
    ctx: &'a Context,
    home: Home<'a>,
    /// The indexes, brought up to date when the look-back list opens, then searched as the
    /// search text changes.
    history: Option<History>,
    /// What is open over the home screen, for what it goes back with.
    opened: Option<Opened>,
}

/// A screen the home screen opened.
enum Opened {
    /// A new workshop or solo reflection: goes back with a `SessionResult`.
    Session,
    /// This session, resumed: a `SessionResult`.
    Resumed(PathBuf),
    Replay,
    /// The plan builder: the id of the plan saved, if any.
    Builder,
}

impl<'a> HomeScreen<'a> {
    /// The home screen on `library`, on the plan list at `show_plan` if given.
    fn new(ctx: &'a Context, library: &'a Library, show_plan: Option<&str>) -> Self {
        let today = chrono::Local::now().format("%d-%m-%Y").to_string();
        let mut home = Home::new(
            library,
            &today,
            &ctx.settings.participants.value,
            rand::random(),
        );
        home.export_folder = super::export::form_folder();
        if show_plan.is_some() {
            home.show_plan(show_plan);
        }
        home.set_agreements(agreements(ctx).map_err(Into::into));
        HomeScreen {
            ctx,
            home,
            history: None,
            opened: None,
        }
    }

    /// The screen `wish` asks for, over this one; when it cannot open, why, on the status
    /// line.
    fn open(&mut self, wish: Wish) -> Flow<'a> {
        match self.screen_for(wish) {
            Ok(Some((screen, opened))) => {
                self.opened = Some(opened);
                Flow::Open(screen)
            }
            Ok(None) => Flow::Stay,
            Err(failure) => {
                self.home.returned(Some(Status::Error(failure.message)));
                Flow::Stay
            }
        }
    }

    /// `None`: a wish the home screen carries out itself (see `update`).
    fn screen_for(&self, wish: Wish) -> Result<Option<(Boxed<'a>, Opened)>, Failure> {
        let ctx = self.ctx;
        Ok(Some(match wish {
            Wish::Build(request) => {
                let builder = super::build::open(ctx, self.home.library, &request)?;
                (super::build::screen(builder), Opened::Builder)
            }
            Wish::StartWorkshop {
                plan_id,
                title,
                participants,
                deck,
                follow_up,
            } => {
                let plan = self.home.library.plan(&plan_id).cloned().ok_or_else(|| {
                    Failure::usage(tr!(
                        "onbekende werkvorm `{plan_id}`",
                        "unknown plan `{plan_id}`"
                    ))
                })?;
                let start = Start {
                    title: Some(title),
                    participants,
                    deck,
                    seed: None,
                    bell: ctx.settings.bell.value,
                    follow_up,
                };
                let screen = super::run::workshop_screen(ctx, plan, &start)?;
                (Box::new(screen), Opened::Session)
            }
            Wish::StartSolo {
                deck,
                category,
                minutes,
            } => {
                let args = super::solo::SoloArgs {
                    deck: Some(deck),
                    category,
                    minutes,
                    no_bell: false,
                };
                (
                    Box::new(super::solo::solo_screen(ctx, &args)?),
                    Opened::Session,
                )
            }
            Wish::Replay(path) => {
                let target = path.display().to_string();
                (
                    super::replay::replay_screen(ctx, Some(&target))?,
                    Opened::Replay,
                )
            }
            Wish::Resume(path) => {
                let args = super::resume::ResumeArgs {
                    target: Some(path.display().to_string()),
                    no_bell: false,
                };
                let screen = super::resume::resume_screen(ctx, &args)?;
                (Box::new(screen), Opened::Resumed(path))
            }
            Wish::Quit
            | Wish::LoadSessions
            | Wish::LoadAgreements
            | Wish::Export { .. }
            | Wish::Rename { .. }
            | Wish::Trash(_) => return Ok(None),
        }))
    }
}

impl<'a> Screen<'a> for HomeScreen<'a> {
    fn update(&mut self, input: RuntimeInput, _now: Now) -> Flow<'a> {
        let input = match input {
            RuntimeInput::Key(key) => Input::Key(key),
            RuntimeInput::Paste(text) => Input::Paste(text),
            RuntimeInput::Tick | RuntimeInput::Changed => return Flow::Stay,
        };
        let (ctx, home, history) = (self.ctx, &mut self.home, &mut self.history);
        match home.update(input) {
            None => {}
            Some(Wish::Quit) => return Flow::back(()),
            Some(Wish::LoadSessions) => {
                // Without a search the indexes are brought up to date again.
                if home.look_back_search().is_none() {
                    *history = None;
                }
                refresh_sessions(ctx, home, history);
            }
            Some(Wish::LoadAgreements) => home.set_agreements(agreements(ctx).map_err(Into::into)),
            Some(Wish::Rename { session, title }) => {
                home.managed(rename(ctx, &session, &title));
                *history = None;
                refresh_sessions(ctx, home, history);
            }
            Some(Wish::Trash(session)) => {
                home.managed(trash(ctx, &session));
                *history = None;
                refresh_sessions(ctx, home, history);
            }
            Some(Wish::Export { session, request }) => {
                home.exported(super::export::export_request(&session, &request));
            }
            Some(wish) => return self.open(wish),
        }
        Flow::Stay
    }

    /// Back from a screen it opened: how that went on the status line, and the lists read
    /// again (a session may have made or settled agreements).
    fn resumed(&mut self, result: Box<dyn Any>, _now: Now) -> Flow<'a> {
        let ctx = self.ctx;
        let status = match self.opened.take() {
            Some(Opened::Builder) => {
                if let Ok(saved) = result.downcast::<Option<String>>()
                    && let Some(id) = *saved
                {
                    // The plans as they are on disk now, the new one selected.
                    *self = HomeScreen::new(ctx, ctx.library_again(), Some(&id));
                    return Flow::Stay;
                }
                None
            }
            Some(Opened::Session) => result
                .downcast::<SessionResult>()
                .ok()
                .map(|result| session_status(*result)),
            Some(Opened::Resumed(path)) => {
                reload(ctx, &mut self.home);
                result
                    .downcast::<SessionResult>()
                    .ok()
                    .map(|result| match *result {
                        Err(why) => Status::Error(why.to_string()),
                        Ok(_) => resumed_status(&self.home, &path),
                    })
            }
            Some(Opened::Replay) => {
                reload(ctx, &mut self.home);
                None
            }
            None => None,
        };
        self.home
            .set_agreements(agreements(ctx).map_err(Into::into));
        // A session may have exported: the next export starts where that one went.
        self.home.export_folder = super::export::form_folder();
        self.home.returned(status);
        Flow::Stay
    }

    fn deadline(&self, _now: Now) -> Option<u64> {
        None
    }

    fn render(&self, frame: &mut Frame) {
        crate::ui::home::render(&self.home, frame.area(), frame.buffer_mut());
    }
}

/// The sessions matching `search` (all without one), through `history` (opened, and so
/// brought up to date, when `None`).
fn load(
    ctx: &Context,
    history: &mut Option<History>,
    search: Option<String>,
    limit: Option<usize>,
) -> Result<Listing, Failure> {
    let history = match history {
        Some(history) => history,
        None => history.insert(ctx.history(Progress::Quiet)?),
    };
    let mut listing = history
        .query(&Query {
            search,
            details: true,
            limit,
            ..Query::default()
        })
        .map_err(|e| Failure::failed(e.to_string()))?;
    crate::history::listing::mark_running(&mut listing.sessions);
    // Said once, when the index was rebuilt.
    history.notes.clear();
    listing.notes.truncate(1);
    Ok(listing)
}

/// The open agreements of every session (the archives' too), overdue first, as of today.
fn agreements(ctx: &Context) -> Result<Vec<crate::history::agreements::Agreement>, Failure> {
    let mut history = ctx.history(Progress::Quiet)?;
    let listing = history
        .query(&Query {
            details: true,
            ..Query::default()
        })
        .map_err(|e| Failure::failed(e.to_string()))?;
    let filter = crate::history::agreements::Filter {
        open: true,
        ..Default::default()
    };
    let today = chrono::Local::now().date_naive();
    Ok(crate::history::agreements::collect(
        &listing, &filter, today,
    ))
}

fn reload(ctx: &Context, home: &mut Home) {
    if matches!(home.screen, crate::home::Screen::LookBack(_)) {
        refresh_sessions(ctx, home, &mut None);
    }
}

/// The look-back list read again, as far as the home screen shows it (its search, its page).
fn refresh_sessions(ctx: &Context, home: &mut Home, history: &mut Option<History>) {
    let listing = load(
        ctx,
        history,
        home.look_back_search(),
        home.look_back_limit(),
    );
    home.set_sessions(listing.map_err(Into::into));
}

/// `n` in the look-back list: the new title journaled, or why not.
fn rename(ctx: &Context, session: &Path, title: &str) -> Status {
    if ctx.in_archive(session) {
        return Status::Error(super::manage::archive_message(session));
    }
    let wall = chrono::Local::now().fixed_offset();
    match crate::history::manage::rename(session, title, wall) {
        Ok(_) => Status::Info(tr!(
            "Nieuwe titel: {}",
            "New title: {}",
            crate::text::visible(title.trim())
        )),
        Err(why) => Status::Error(why.to_string()),
    }
}

/// `d` in the look-back list, confirmed: into the trash, and how to get it back.
fn trash(ctx: &Context, session: &Path) -> Status {
    let moved = ctx
        .sessions_dir()
        .and_then(|dir| Ok(crate::history::manage::move_to_trash(&dir, session)?));
    match moved {
        Ok(_) => {
            let id = crate::history::resolve::id_of(session);
            Status::Info(tr!(
                "In de prullenbak gezet; terugzetten: tafel sessions --restore {id}",
                "Moved to the trash; put it back: tafel sessions --restore {id}"
            ))
        }
        Err(why) => Status::Error(why.message),
    }
}

/// How a workshop or solo session went, for the line on the home screen.
fn session_status(result: SessionResult) -> Status {
    match result {
        Ok(finished) if finished.ended => Status::Info(tr!(
            "Sessie afgerond en opgeslagen in {}. Exporteren: Terugkijken, dan e.",
            "Session finished and saved in {}. Export: Look back, then e.",
            finished.path
        )),
        Ok(finished) => Status::Info(tr!(
            "Sessie onderbroken; alles wat bevestigd was staat in {}. Verder: Terugkijken, dan r.",
            "Session interrupted; everything confirmed is in {}. Continue: Look back, then r.",
            finished.path
        )),
        Err(why) => Status::Error(why.to_string()),
    }
}

fn resumed_status(home: &Home, path: &Path) -> Status {
    let ended = match &home.sessions {
        crate::home::Sessions::Loaded(listing) => listing
            .sessions
            .iter()
            .find(|hit| hit.path == path)
            .is_some_and(|hit| hit.summary.ended),
        _ => false,
    };
    Status::Info(if ended {
        tr!(
            "Sessie afgerond en opgeslagen in {}",
            "Session finished and saved in {}",
            path.display()
        )
    } else {
        tr!(
            "Sessie weer onderbroken; alles staat in {}",
            "Session interrupted again; everything is in {}",
            path.display()
        )
    })
}
