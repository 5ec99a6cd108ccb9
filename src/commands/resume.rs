//! `tafel resume [ID]`: continue an interrupted session exactly where it stood, with the
//! timer paused so the facilitator decides when to go on.

use super::run::run_session;
use super::{Context, Failure, Outcome};
use crate::app::{App, Effect, Now, Status};
use crate::history::index::Query;
use crate::history::listing::{History, Progress, Source};
use crate::history::resolve::resolve;
use crate::session::clock::{Clock, SystemClock};
use crate::session::{Event, Session};
use crate::storage::draft::load_drafts;
use crate::tr;
use crate::tui::SessionScreen;

/// How many of the newest interrupted sessions `tafel resume` without an id looks at for
/// one that is not running in another tafel.
const LATEST_LOOKED_AT: usize = 20;

#[derive(Debug, clap::Args)]
pub struct ResumeArgs {
    /// Sessie-id (of het begin ervan); zonder: de laatste onderbroken sessie
    pub target: Option<String>,
    /// Geen geluidssignaal als de tijd om is
    #[arg(long)]
    pub no_bell: bool,
}

pub fn run(ctx: &Context, args: &ResumeArgs) -> Outcome {
    super::require_terminal("resume")?;
    run_session(resume_screen(ctx, args)?)
}

/// The session `args` names (the last interrupted one without), opened to go on, as a
/// screen. Both `tafel resume` and the home screen come here.
pub fn resume_screen<'a>(
    ctx: &'a Context,
    args: &ResumeArgs,
) -> Result<SessionScreen<'a>, Failure> {
    let dir = ctx.sessions_dir()?;
    let path = match &args.target {
        Some(target) => resolve(&dir, Some(target))?,
        None => History::open(
            &[Source::own(&dir)],
            crate::paths::cache_dir().as_deref(),
            Progress::OnTerminal,
        )
        .and_then(|mut history| {
            history.query(&Query {
                limit: Some(LATEST_LOOKED_AT),
                interrupted_only: true,
                ..Query::default()
            })
        })
        .map(|mut listing| {
            // One running in another tafel cannot go on here: the newest that is not.
            crate::history::listing::mark_running(&mut listing.sessions);
            listing.sessions
        })
        .map_err(Failure::from)?
        .into_iter()
        .find(|hit| !hit.running)
        .map(|hit| hit.path)
        .ok_or_else(|| {
            Failure::usage(tr!(
                "geen onderbroken sessie in {}",
                "no interrupted session in {}",
                dir.display()
            ))
        })?,
    };
    if ctx.in_archive(&path) {
        return Err(Failure::usage(tr!(
            "{} staat in een archief (alleen-lezen); daar schrijft tafel nooit in",
            "{} is in an archive (read-only); tafel never writes there",
            path.display()
        )));
    }
    let (journal, loaded) =
        crate::storage::open_for_append(&path).map_err(|e| Failure::failed(e.to_string()))?;
    // Said on the session's screen, where it is read (a line on stderr would be hidden
    // behind it).
    let torn = journal.set_aside().map(|side| {
        tr!(
            "de laatste, onvolledige regel is apart gezet in {}",
            "the last, incomplete line was set aside in {}",
            side.display()
        )
    });
    let session = Session::from_records(&loaded.records)
        .map_err(|e| Failure::failed(format!("{}: {e}", path.display())))?;
    if session.ended {
        return Err(Failure::usage(tr!(
            "deze sessie is al afgerond; bekijk haar met `tafel replay {}`",
            "this session has already ended; look at it with `tafel replay {}`",
            journal.id()
        )));
    }
    // The monotonic time line continues where the journal stopped: the time the process
    // was gone does not count for any round.
    let clock = SystemClock::starting_at(session.last_t);
    let now = Now {
        t: clock.t(),
        wall: clock.wall(),
    };
    let running = session.current.is_some() && session.timer.is_running();
    let last_at = session.last_at;
    let mut app = App::new(session, path.display().to_string(), journal.id(), now);
    app.bell = ctx.settings.bell.value && !args.no_bell;
    app.view = ctx.settings.view_options();
    app.saved_at = Some(last_at);
    let mut initial = Vec::new();
    if running {
        initial.push(Effect::Persist(vec![Event::TimerPaused]));
    }
    initial.extend(app.begin(now));
    let found = load_drafts(&path);
    app.restore_drafts(found.drafts);
    if let Some(torn) = torn {
        app.status = Some(Status::Info(torn));
    }
    if let Some((side, why)) = found.set_aside {
        // Never silently: the file is kept under a new name, so nothing in it is lost.
        app.status = Some(Status::Error(tr!(
            "een onbruikbaar concept ({why}) is apart gezet: {}",
            "an unusable draft ({why}) was set aside: {}",
            side.display()
        )));
    }
    Ok(super::run::session_screen(app, journal, clock, initial)
        .offering_plan(super::build::plan_offer(ctx)))
}
