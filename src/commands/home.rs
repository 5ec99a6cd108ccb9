//! `tafel` without arguments: the home screen. Runs the `home` state machine on the terminal
//! and carries out what it asks: a workshop, solo reflection, a replay, resuming a session,
//! an export. After a session or a replay it comes back here, so the facilitator is never
//! dropped at the shell unexpectedly.

use std::io;
use std::path::Path;

use ratatui::Frame;

use super::run::{Finished, Start};
use super::{Context, Failure, Outcome};
use crate::app::Status;
use crate::history::index::Query;
use crate::history::listing::{History, Listing, Progress};
use crate::home::{Home, Input, Outcome as Wish};
use crate::runtime::{Exit, Flow, Input as RuntimeInput, Now, Screen};
use crate::session::clock::SystemClock;
use crate::tr;

pub fn run(ctx: &Context) -> Outcome {
    // SIGTERM/SIGHUP/SIGINT are watched from here on, also while a session or a replay has
    // the terminal: then tafel ends instead of coming back here.
    crate::runtime::wake::start().map_err(super::run::io_failure)?;
    let today = chrono::Local::now().format("%d-%m-%Y").to_string();
    // The plans as they are on disk: read again after the builder saved one.
    let mut reloaded: Option<crate::catalog::Library> = None;
    let mut show_plan: Option<String> = None;
    loop {
        let library = reloaded.as_ref().unwrap_or(ctx.library());
        let mut home = Home::new(
            library,
            &today,
            &ctx.settings.participants.value,
            rand::random(),
        );
        home.export_folder = super::export::default_folder().display().to_string();
        if let Some(id) = show_plan.take() {
            home.show_plan(Some(&id));
        }
        let next = home_loop(ctx, library, &mut home)?;
        match next {
            None => return Ok(()),
            Some(saved) => {
                reloaded = Some(crate::storage::decks::load_library(
                    &ctx.settings.deck_dirs(),
                ));
                show_plan = Some(saved);
            }
        }
    }
}

/// The home screen until tafel ends (`None`) or the builder saved a plan (its id: then the
/// library is read again).
fn home_loop(
    ctx: &Context,
    library: &crate::catalog::Library,
    home: &mut Home,
) -> Result<Option<String>, Failure> {
    loop {
        // On opening and after every session: a new one may have made or settled some.
        home.set_agreements(agreements(ctx).map_err(|f| f.message));
        let Some(wish) = show(ctx, home).map_err(super::run::io_failure)? else {
            return Ok(None);
        };
        // For the shell, should a signal end tafel now: where the session is, how to go on.
        let mut farewell: Option<[String; 2]> = None;
        let status = match wish {
            Wish::Quit => return Ok(None),
            Wish::Build(request) => {
                let built = super::build::open(ctx, library, &request).and_then(|mut builder| {
                    super::build::run(&mut builder).map_err(super::run::io_failure)
                });
                match built {
                    Ok(Some(saved)) => return Ok(Some(saved)),
                    Ok(None) => None,
                    Err(failure) => Some(Status::Error(failure.message)),
                }
            }
            Wish::StartWorkshop {
                plan_id,
                title,
                participants,
                deck,
                follow_up,
            } => {
                let plan = library.plan(&plan_id).cloned().ok_or_else(|| {
                    Failure::usage(tr!(
                        "onbekende werkvorm `{plan_id}`",
                        "unknown plan `{plan_id}`"
                    ))
                });
                let started = plan.and_then(|plan| {
                    super::run::start_workshop(
                        ctx,
                        plan,
                        &Start {
                            title: Some(title),
                            participants,
                            deck,
                            seed: None,
                            bell: ctx.settings.bell.value,
                            follow_up,
                        },
                    )
                });
                session_status(started, &mut farewell)
            }
            Wish::StartSolo {
                deck,
                category,
                minutes,
            } => session_status(
                super::solo::start_solo(
                    ctx,
                    &super::solo::SoloArgs {
                        deck: Some(deck),
                        category,
                        minutes,
                        no_bell: false,
                    },
                ),
                &mut farewell,
            ),
            Wish::Replay(path) => {
                let target = path.display().to_string();
                let result = super::replay::run(ctx, Some(&target));
                reload(ctx, home);
                result.err().map(|f| Status::Error(f.message))
            }
            Wish::Resume(path) => {
                let target = path.display().to_string();
                let result = super::resume::run(
                    ctx,
                    &super::resume::ResumeArgs {
                        target: Some(target),
                        no_bell: false,
                    },
                );
                reload(ctx, home);
                Some(match result {
                    Err(f) => Status::Error(f.message),
                    Ok(()) => resumed_status(home, &path),
                })
            }
            // Handled on the home screen itself.
            Wish::LoadSessions
            | Wish::LoadAgreements
            | Wish::Export { .. }
            | Wish::Rename { .. }
            | Wish::Trash(_) => None,
        };
        if crate::runtime::wake::signalled() {
            match (farewell, &status) {
                (Some(lines), _) => lines.iter().for_each(|line| println!("{line}")),
                (None, Some(Status::Info(message) | Status::Error(message))) => {
                    println!("{message}")
                }
                (None, None) => {}
            }
            return Ok(None);
        }
        home.returned(status);
    }
}

/// The home screen until it asks for something that needs the whole terminal (`None`: a
/// signal ended it). Sleeps until a key; redraws only when something changed.
fn show(ctx: &Context, home: &mut Home) -> io::Result<Option<Wish>> {
    let clock = SystemClock::starting_at(0);
    let mut screen = HomeScreen {
        ctx,
        home,
        history: None,
        wish: None,
    };
    match crate::runtime::run(&mut screen, &clock)? {
        Exit::Signal => Ok(None),
        Exit::Quit => Ok(screen.wish),
    }
}

/// The home screen on the terminal: lists are loaded and sessions renamed, moved to the
/// trash or exported right here; every other wish leaves the screen for the shell.
struct HomeScreen<'a, 'b> {
    ctx: &'a Context,
    home: &'a mut Home<'b>,
    /// The indexes, brought up to date when the look-back list opens, then searched as the
    /// search text changes.
    history: Option<History>,
    wish: Option<Wish>,
}

impl Screen for HomeScreen<'_, '_> {
    fn update(&mut self, input: RuntimeInput, _now: Now) -> Flow {
        let input = match input {
            RuntimeInput::Key(key) => Input::Key(key),
            RuntimeInput::Paste(text) => Input::Paste(text),
            RuntimeInput::Tick | RuntimeInput::Changed => return Flow::Stay,
        };
        let (ctx, home, history) = (self.ctx, &mut *self.home, &mut self.history);
        match home.update(input) {
            None => {}
            Some(Wish::LoadSessions) => {
                // Without a search the indexes are brought up to date again.
                if home.look_back_search().is_none() {
                    *history = None;
                }
                refresh_sessions(ctx, home, history);
            }
            Some(Wish::LoadAgreements) => {
                home.set_agreements(agreements(ctx).map_err(|f| f.message))
            }
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
            Some(wish) => {
                self.wish = Some(wish);
                return Flow::Leave;
            }
        }
        Flow::Stay
    }

    fn deadline(&self, _now: Now) -> Option<u64> {
        None
    }

    fn render(&self, frame: &mut Frame) {
        crate::ui::home::render(self.home, frame.area(), frame.buffer_mut());
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
    home.set_sessions(listing.map_err(|f| f.message));
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
        Err(why) => Status::Error(why),
    }
}

/// `d` in the look-back list, confirmed: into the trash, and how to get it back.
fn trash(ctx: &Context, session: &Path) -> Status {
    let moved = ctx
        .sessions_dir()
        .map_err(|f| f.message)
        .and_then(|dir| crate::history::manage::move_to_trash(&dir, session));
    match moved {
        Ok(_) => {
            let id = crate::history::resolve::id_of(session);
            Status::Info(tr!(
                "In de prullenbak gezet; terugzetten: tafel sessions --restore {id}",
                "Moved to the trash; put it back: tafel sessions --restore {id}"
            ))
        }
        Err(why) => Status::Error(why),
    }
}

/// How a workshop or solo session went, for the line on the home screen; `farewell` gets
/// the words for the shell, in case tafel ends now.
fn session_status(
    result: Result<Finished, Failure>,
    farewell: &mut Option<[String; 2]>,
) -> Option<Status> {
    if let Ok(finished) = &result {
        *farewell = Some(finished.message());
    }
    Some(match result {
        Ok(finished) if finished.ended => Status::Info(tr!(
            "Sessie afgerond en opgeslagen in {}. Exporteren: Terugkijken, dan e.",
            "Session finished and saved in {}. Export: Look back, then e.",
            finished.path
        )),
        Ok(finished) => {
            let why = match finished.exit {
                Exit::Signal => tr!("gestopt door een signaal", "stopped by a signal"),
                Exit::Quit => tr!("onderbroken", "interrupted"),
            };
            Status::Info(tr!(
                "Sessie {why}; alles wat bevestigd was staat in {}. Verder: Terugkijken, dan r.",
                "Session {why}; everything confirmed is in {}. Continue: Look back, then r.",
                finished.path
            ))
        }
        Err(failure) => Status::Error(failure.message),
    })
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
