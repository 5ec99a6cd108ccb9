//! `tafel solo [--deck ID] [--category ID] [--minutes N]`: a card, a calm screen, and a
//! reflection journal that is saved like every session.

use super::run::run_session;
use super::{Context, Failure, Outcome};
use crate::app::{App, Now, SOLO_PLAN};
use crate::catalog::Plan;
use crate::catalog::parse::{MAX_ROUND_MINUTES, suggestion};
use crate::session::clock::{Clock, SystemClock};
use crate::session::event::FORMAT;
use crate::session::{Event, Session};
use crate::storage::journal::Journal;
use crate::tr;
use crate::tui::SessionScreen;

#[derive(Debug, clap::Args)]
pub struct SoloArgs {
    /// Stapel-id (standaard: de eerste stapel)
    #[arg(long)]
    pub deck: Option<String>,
    /// Alleen kaarten uit deze categorie
    #[arg(long)]
    pub category: Option<String>,
    /// Een rustige timer van N minuten (standaard geen timer)
    #[arg(long, value_name = "N")]
    pub minutes: Option<u32>,
    /// Geen geluidssignaal als de tijd om is
    #[arg(long)]
    pub no_bell: bool,
}

pub fn run(ctx: &Context, args: &SoloArgs) -> Outcome {
    super::require_terminal("solo")?;
    run_session(solo_screen(ctx, args)?)
}

/// Solo reflection, its journal begun, as a screen. Both `tafel solo` and the home screen
/// come here.
pub fn solo_screen<'a>(ctx: &Context, args: &SoloArgs) -> Result<SessionScreen<'a>, Failure> {
    let plan = solo_plan(ctx, args)?;
    let deck = ctx.deck(&plan.decks[0])?.clone();
    let sessions_dir = ctx.sessions_dir()?;
    let clock = SystemClock::starting_at(0);
    let started = chrono::Local::now();
    let start = Event::SessionStarted {
        format: FORMAT.to_string(),
        title: tr!(
            "Solo reflectie — {}",
            "Solo reflection — {}",
            started.format("%d-%m-%Y")
        ),
        plan,
        decks: vec![deck],
        session_deck: None,
        seed: rand::random(),
        participants: Vec::new(),
    };
    let (journal, records) = Journal::create(
        &sessions_dir,
        started,
        SOLO_PLAN,
        vec![start],
        clock.wall(),
        clock.t(),
    )
    .map_err(|e| Failure::failed(e.to_string()))?;
    let session = Session::from_records(&records).map_err(|e| Failure::failed(e.to_string()))?;
    let now = Now {
        t: clock.t(),
        wall: clock.wall(),
    };
    let mut app = App::new(
        session,
        journal.path().display().to_string(),
        journal.id(),
        now,
    );
    app.bell = args.minutes.is_some() && ctx.settings.bell.value && !args.no_bell;
    app.saved_at = Some(records[0].at);
    let initial = app.begin(now);
    Ok(super::run::session_screen(app, journal, clock, initial))
}

/// A plan of one round that draws one card; without `--minutes` the timer stays out of view.
pub fn solo_plan(ctx: &Context, args: &SoloArgs) -> Result<Plan, Failure> {
    let deck = match &args.deck {
        Some(id) => ctx.deck(id)?,
        None => ctx
            .library()
            .decks
            .first()
            .map(|e| &e.item)
            .ok_or_else(|| Failure::usage(tr!("er zijn geen stapels", "there are no decks")))?,
    };
    if let Some(category) = &args.category
        && deck.category(category).is_none()
    {
        let hint = suggestion(category, deck.categories.iter().map(|c| c.id.as_str()));
        return Err(Failure::usage(tr!(
            "stapel `{}` heeft geen categorie `{category}`{hint}",
            "deck `{}` has no category `{category}`{hint}",
            deck.id
        )));
    }
    if let Some(m) = args.minutes
        && crate::rules::round_minutes(i64::from(m)).is_err()
    {
        return Err(Failure::usage(tr!(
            "--minutes {m}: kies 1 tot en met {MAX_ROUND_MINUTES}",
            "--minutes {m}: choose 1 to {MAX_ROUND_MINUTES}"
        )));
    }
    Ok(crate::app::solo_plan(
        deck,
        args.category.clone(),
        args.minutes.unwrap_or(0),
    ))
}
