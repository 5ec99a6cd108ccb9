//! `tafel run [PLAN]`: start a facilitated session on this terminal.

use super::{Context, Failure, Outcome};
use crate::app::{App, Now};
use crate::catalog::{Deck, Plan};
use crate::session::clock::{Clock, SystemClock};
use crate::session::event::FORMAT;
use crate::session::{Event, Session};
use crate::storage::journal::Journal;
use crate::tr;
use crate::tui::{SessionResult, SessionScreen};

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Werkvorm-id (zonder: kies uit een lijst)
    pub plan: Option<String>,
    /// Deelnemers, met komma's: "Anna,Bram,Chris"
    #[arg(long)]
    pub participants: Option<String>,
    /// Titel van de sessie (standaard: werkvorm en datum)
    #[arg(long)]
    pub title: Option<String>,
    /// Startwaarde voor het schudden (standaard willekeurig; wordt bewaard)
    #[arg(long)]
    pub seed: Option<u64>,
    /// Stapel voor rondes die geen stapel noemen (werkvormen voor elke stapel)
    #[arg(long)]
    pub deck: Option<String>,
    /// Geen geluidssignaal als de tijd om is
    #[arg(long)]
    pub no_bell: bool,
    /// Vervolgbijeenkomst: begin met de open afspraken van deze eerdere sessie
    #[arg(long, value_name = "ID")]
    pub follow_up: Option<String>,
}

pub fn run(ctx: &Context, args: &RunArgs) -> Outcome {
    super::require_terminal("run")?;
    let participants = participants_for(ctx, args)?;
    let start = Start {
        title: args.title.clone(),
        participants: participants.clone(),
        deck: args.deck.clone(),
        seed: args.seed,
        bell: ctx.settings.bell.value && !args.no_bell,
        follow_up: args.follow_up.clone(),
    };
    let Some(id) = &args.plan else {
        // The list of plans; the one chosen opens over it, in the same loop.
        let open: crate::tui::PlanOpener<'_, Failure> = Box::new(|plan| {
            let screen = workshop_screen(ctx, plan.clone(), &start)?;
            Ok(Box::new(screen) as crate::runtime::Boxed)
        });
        let ended =
            crate::tui::pick_plan(ctx.library(), &participants, open).map_err(io_failure)?;
        return match ended {
            crate::runtime::Ended::Back(result) => match result.downcast::<Failure>() {
                Ok(failure) => Err(*failure),
                Err(result) => said_after(result.downcast::<SessionResult>().ok().map(|r| *r)),
            },
            crate::runtime::Ended::Signal => Ok(()),
        };
    };
    let screen = workshop_screen(ctx, ctx.plan(id)?.clone(), &start)?;
    run_session(screen)
}

/// Who a workshop started with `args` is for: `--participants` wins; a follow-up meets the
/// group of the earlier session (when it named one); else `participants` in config.toml
/// (already checked there).
pub fn participants_for(ctx: &Context, args: &RunArgs) -> Result<Vec<String>, Failure> {
    if let Some(text) = args.participants.as_deref() {
        return parse_participants(Some(text));
    }
    if let Some(target) = &args.follow_up {
        let (_, earlier) = earlier_session(ctx, target)?;
        if !earlier.participants.is_empty() {
            return Ok(earlier.participants);
        }
    }
    Ok(ctx.settings.participants.value.clone())
}

/// What a workshop starts with, once its plan is chosen.
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// `None` or empty: the plan's title and today's date.
    pub title: Option<String>,
    pub participants: Vec<String>,
    /// The deck for rounds that name none (plans for any deck).
    pub deck: Option<String>,
    /// `None`: a random seed (it is kept in the journal).
    pub seed: Option<u64>,
    pub bell: bool,
    /// An earlier session whose open agreements come first.
    pub follow_up: Option<String>,
}

/// A new workshop of `plan`, its journal begun, as a screen (it offers the plan builder
/// afterwards when asked to keep the agenda). Both `tafel run` and the home screen come here.
pub fn workshop_screen<'a>(
    ctx: &'a Context,
    plan: Plan,
    start: &Start,
) -> Result<SessionScreen<'a>, Failure> {
    let (decks, session_deck) = session_decks(ctx, &plan, start.deck.as_deref())?;
    // Names (possibly `Naam:stijl`), or a number for a group without names.
    let (plan, named, warning) = plan_for_group(&plan, &start.participants);
    let sessions_dir = ctx.sessions_dir()?;
    let clock = SystemClock::starting_at(0);
    let started = chrono::Local::now();
    let title = start
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("{} — {}", plan.title, started.format("%d-%m-%Y")));
    let follow_up = match &start.follow_up {
        Some(target) => Some(follow_up_event(ctx, target)?),
        None => None,
    };
    let slug = plan.id.clone();
    // Preference styles (issue 10): a plan with a styles or teams round, or participants
    // typed as `Naam:stijl`, takes the style set along and records the typed styles.
    let uses_styles = plan.rounds.iter().any(|r| {
        matches!(
            r.kind,
            crate::catalog::RoundKind::Styles | crate::catalog::RoundKind::Teams(_)
        )
    }) || start.participants.iter().any(|p| p.contains(':'));
    let mut group_events = Vec::new();
    let mut participants = named.clone();
    if uses_styles && let Some(set) = ctx.style_set(crate::catalog::styles::DEFAULT_STYLE_SET) {
        let (names, picks) = super::styles::split_codes(set, &named)?;
        participants = names;
        group_events.push(Event::StyleSetLoaded { set: set.clone() });
        group_events.extend(
            picks
                .into_iter()
                .map(|(participant, styles)| Event::StylesPicked {
                    participant,
                    styles,
                }),
        );
    }
    let event = Event::SessionStarted {
        format: FORMAT.to_string(),
        title,
        plan,
        decks,
        session_deck,
        seed: start.seed.unwrap_or_else(rand::random),
        participants,
    };
    let (journal, records) = Journal::create(
        &sessions_dir,
        started,
        &slug,
        std::iter::once(event)
            .chain(group_events)
            .chain(follow_up)
            .collect(),
        clock.wall(),
        clock.t(),
    )
    .map_err(|e| Failure::failed(e.to_string()))?;
    let session = Session::from_records(&records).map_err(|e| Failure::failed(e.to_string()))?;
    let now = Now {
        t: clock.t(),
        wall: clock.wall(),
    };
    let path = journal.path().display().to_string();
    let mut app = App::new(session, path, journal.id(), now);
    app.bell = start.bell;
    app.view = ctx.settings.view_options();
    app.saved_at = Some(records[0].at);
    let initial = app.begin(now);
    if let Some(warning) = warning {
        app.status = Some(crate::app::Status::Info(warning));
    }
    Ok(session_screen(app, journal, clock, initial).offering_plan(super::build::plan_offer(ctx)))
}

/// The session on the terminal, exporting through this shell, its export form starting where
/// the last export of this run went.
pub(super) fn session_screen<'a>(
    mut app: App,
    journal: Journal,
    clock: SystemClock,
    initial: Vec<crate::app::Effect>,
) -> SessionScreen<'a> {
    app.export_folder = super::export::form_folder();
    SessionScreen::new(app, journal, clock, initial, super::export::export_request)
}

/// Runs a session screen on the terminal until the session is ended or left, then tells
/// where it is and what to do next (after a signal the screen said so itself).
pub(super) fn run_session(screen: SessionScreen) -> Outcome {
    let clock = SystemClock::starting_at(0);
    let ended = crate::runtime::run(Box::new(screen), &clock).map_err(io_failure)?;
    said_after(ended.result::<SessionResult>())
}

/// Where the session is and how to go on, once the terminal is back (`None`: the user left
/// before one began, or a signal stopped it and the screen said so itself).
fn said_after(result: Option<SessionResult>) -> Outcome {
    match result {
        Some(Ok(finished)) => finished.print(),
        Some(Err(why)) => return Err(Failure::failed(why.to_string())),
        None => {}
    }
    Ok(())
}

pub(super) fn io_failure(err: std::io::Error) -> Failure {
    Failure::failed(tr!("terminalfout: {err}", "terminal error: {err}"))
}

/// The open agreements of an earlier session, to go through at the start: its own, and those
/// it carried from sessions before it that are still open (kept open there, or not reached).
/// Sessions are looked up in the user's own directory and the archives alike.
/// The earlier session `target` names (own or in an archive), read from its journal.
fn earlier_session(ctx: &Context, target: &str) -> Result<(std::path::PathBuf, Session), Failure> {
    let path = crate::history::resolve::resolve_in(&ctx.session_dirs()?, Some(target))?;
    let loaded = crate::storage::load(&path).map_err(|e| Failure::failed(e.to_string()))?;
    let session = Session::from_records(&loaded.records)
        .map_err(|e| Failure::failed(format!("{}: {e}", path.display())))?;
    Ok((path, session))
}

pub fn follow_up_event(ctx: &Context, target: &str) -> Result<Event, Failure> {
    use crate::session::event::{ReviewItem, ReviewOutcome};
    // What the earlier session carried itself: from its own journal, as it was recorded.
    let (path, earlier) = earlier_session(ctx, target)?;
    let id = crate::history::resolve::id_of(&path);
    // While a screen has the terminal (a follow-up started from the home screen) a rebuild
    // of the index is not narrated on it.
    let progress = match crate::runtime::terminal::is_active() {
        true => crate::history::listing::Progress::Quiet,
        false => crate::history::listing::Progress::OnTerminal,
    };
    let mut history = ctx.history(progress)?;
    let title = match history.summary_of(&path).map_err(Failure::from)? {
        Some(Err(why)) => return Err(why.into()),
        Some(Ok(summary)) => summary.title,
        None => String::new(),
    };
    let open = history.open_agreements().map_err(Failure::from)?;
    let mut agreements: Vec<ReviewItem> = Vec::new();
    if let Some(carried) = &earlier.follow_up {
        for (item, outcome) in &carried.items {
            let origin = item.origin(&carried.session);
            let still_open = open
                .iter()
                .any(|(hit, a)| hit.summary.id == origin && a.note == item.note);
            if still_open && !matches!(outcome, Some(ReviewOutcome::Done | ReviewOutcome::Dropped))
            {
                agreements.push(ReviewItem {
                    session: Some(origin.to_string()),
                    ..item.clone()
                });
            }
        }
    }
    agreements.extend(
        open.into_iter()
            .filter(|(hit, _)| hit.summary.id == id)
            .map(|(hit, a)| ReviewItem {
                session: None,
                note: a.note,
                // A summary cached before dates were read has none: the words are read
                // against the day of the session they were typed in (as `tafel agreements`).
                due_date: crate::session::due::stored_or_read(
                    a.due_date,
                    a.due.as_deref(),
                    hit.summary.started.date_naive(),
                ),
                text: a.text,
                owner: a.owner,
                due: a.due,
            }),
    );
    Ok(Event::FollowUpOpened {
        session: id,
        title,
        agreements,
    })
}

/// The plan as a session starts it with `participants` (names, or one number): rounds
/// that grow with the group get their length now, and the journal keeps the plan as it was
/// resolved, so replay and resume give every round the same time. Also the names to keep,
/// and words when the group does not fit the plan's group size.
pub fn plan_for_group(plan: &Plan, participants: &[String]) -> (Plan, Vec<String>, Option<String>) {
    let (names, people) = headcount(participants);
    let (warning, people) = match people {
        0 => (None, plan.nominal_group()),
        n => (plan.group_warning(n), n),
    };
    (plan.resolved(people), names, warning)
}

pub use crate::rules::headcount;

/// Names from "Anna, Bram,Chris" (see [`crate::rules::participant_list`]).
pub fn parse_participants(text: Option<&str>) -> Result<Vec<String>, Failure> {
    text.map_or(Ok(Vec::new()), crate::rules::participant_list)
        .map_err(|rule| Failure::usage(rule.to_string()))
}

/// The decks the session keeps a copy of, and its own deck for draws that name none.
fn session_decks(
    ctx: &Context,
    plan: &Plan,
    deck: Option<&str>,
) -> Result<(Vec<Deck>, Option<String>), Failure> {
    let mut ids: Vec<String> = plan.decks.clone();
    let session_deck = match deck {
        Some(id) => Some(ctx.deck(id)?.id.clone()),
        None if plan.decks.is_empty() => ctx.library().decks.first().map(|e| e.item.id.clone()),
        None => None,
    };
    if let Some(id) = &session_deck
        && !ids.contains(id)
    {
        ids.push(id.clone());
    }
    let decks = ids
        .iter()
        .map(|id| ctx.deck(id).cloned())
        .collect::<Result<Vec<_>, _>>()?;
    Ok((decks, session_deck))
}
