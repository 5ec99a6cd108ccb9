//! What the screens show of a session, as plain data: a pure function of the [`Session`], the
//! time and a few display options. The live screen, the room screen (`tafel room`) and replay
//! all draw from these, so replay shows each moment as the room saw it. Nothing here knows
//! about the terminal or the live `App`.

pub mod console;

use chrono::{DateTime, FixedOffset};

use crate::session::groupwork::team_label;
use crate::session::state::Note;
use crate::session::timer::{TimerView, clock_text};
use crate::session::{CardRef, NoteKind, Session};
use crate::tr;

/// How long the room sees the time-up band once a round reaches zero.
pub const TIME_UP_MS: u64 = 6_000;

/// Display choices that do not come from the journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The warning before the end ("nog 1 minuut"), in ms; 0: no warning.
    pub warn_ms: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { warn_ms: 60_000 }
    }
}

/// Where the round's timer stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// No round is running.
    Idle,
    Running,
    /// Within the warning before the end.
    Warning,
    /// Just reached zero: the room sees an unmistakable band for [`TIME_UP_MS`].
    TimeUp,
    Overtime,
}

/// The timer: big digits, and its state in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimerLine {
    pub digits: String,
    pub words: String,
    pub phase: Phase,
    pub paused: bool,
}

impl TimerLine {
    /// The timer on one line: "12:34 · nog 1 minuut", or only the words when they already
    /// say the digits ("nog 16:50", never "16:50 · nog 16:50").
    pub fn one_line(&self) -> String {
        if self.words.contains(&self.digits) {
            self.words.clone()
        } else {
            format!("{} · {}", self.digits, self.words)
        }
    }
}

/// The timer at time `t`.
pub fn timer_line(session: &Session, t: u64, options: Options) -> TimerLine {
    if session.current.is_none() {
        return TimerLine {
            digits: "--:--".into(),
            words: tr!("geen ronde", "no round"),
            phase: Phase::Idle,
            paused: false,
        };
    }
    let timer = &session.timer;
    let paused = !timer.is_running();
    let (digits, mut words, phase) = match timer.view(t) {
        TimerView::Running { remaining_ms } | TimerView::LastMinute { remaining_ms } => {
            let text = clock_text(remaining_ms, true);
            if remaining_ms <= options.warn_ms {
                let minutes = remaining_ms.div_ceil(60_000);
                let words = if minutes == 1 {
                    tr!("nog 1 minuut", "1 minute left")
                } else {
                    tr!("nog {minutes} minuten", "{minutes} minutes left")
                };
                (text, words, Phase::Warning)
            } else {
                (
                    text.clone(),
                    tr!("nog {text}", "{text} left"),
                    Phase::Running,
                )
            }
        }
        TimerView::Overtime { over_ms } => {
            let text = format!("+{}", clock_text(over_ms, false));
            if over_ms < TIME_UP_MS && !paused {
                (text, tr!("DE TIJD IS OM", "TIME IS UP"), Phase::TimeUp)
            } else {
                let minutes = over_ms / 60_000;
                let words = match minutes {
                    0 => tr!("tijd is om", "time is up"),
                    1 => tr!("1 minuut over tijd", "1 minute over time"),
                    m => tr!("{m} minuten over tijd", "{m} minutes over time"),
                };
                (text, words, Phase::Overtime)
            }
        }
    };
    if paused {
        words = tr!("pauze · {words}", "paused · {words}");
    }
    if let Some(until) = session.until {
        let clock = until.format("%H:%M");
        words = tr!("{words} · tot {clock}", "{words} · until {clock}");
    }
    TimerLine {
        digits,
        words,
        phase,
        paused,
    }
}

/// A card on the table, as every screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardView {
    pub card: CardRef,
    pub deck: String,
    pub category: String,
    pub title: String,
    /// The question for the group: never left off while the card is on the table.
    pub question: String,
    /// The facilitator's tip: the console only, never the room.
    pub tip: Option<String>,
    /// How the card is meant to be used ("om de beurt · ± 5 minuten"), if it says.
    pub usage: Option<String>,
}

/// The cards on the table, in the order they were drawn.
pub fn cards(session: &Session) -> Vec<CardView> {
    session
        .table
        .iter()
        .map(|card| match session.card(card) {
            Some((deck, found, category)) => CardView {
                card: card.clone(),
                deck: deck.title.clone(),
                category: category.map_or(found.category.clone(), |c| c.title.clone()),
                title: found.title.clone(),
                question: found.prompt.clone(),
                tip: found.hint.clone(),
                usage: found.usage(),
            },
            // A deck copy without the card: the journal still names it.
            None => CardView {
                card: card.clone(),
                deck: card.deck.clone(),
                category: String::new(),
                title: card.card.clone(),
                question: String::new(),
                tip: None,
                usage: None,
            },
        })
        .collect()
}

/// Which of the cards the room sees large: the focused one, else the last one drawn.
pub fn focus_index(session: &Session) -> usize {
    session
        .focus
        .as_ref()
        .and_then(|f| session.table.iter().position(|c| c == f))
        .unwrap_or(session.table.len().saturating_sub(1))
}

/// A note or agreement as a screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteView {
    pub id: u64,
    pub kind: NoteKind,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub corrected: bool,
    /// The room sees it (shown as saved, or revealed).
    pub shown: bool,
    /// The theme it was grouped into (`i`), if any.
    pub theme: Option<String>,
    /// The team it was written for ("Team 2"), if any.
    pub team: Option<String>,
}

impl NoteView {
    pub fn of(note: &Note) -> NoteView {
        NoteView {
            id: note.id,
            kind: note.kind,
            text: note.text.clone(),
            owner: note.owner.clone(),
            due: note.due.clone(),
            corrected: !note.history.is_empty(),
            shown: note.shown,
            theme: None,
            team: note.team.as_ref().map(|t| t.label()),
        }
    }

    /// The note with the name of its theme.
    pub fn in_session(note: &Note, session: &Session) -> NoteView {
        NoteView {
            theme: session.theme_of(note.id).map(|t| t.name.clone()),
            ..NoteView::of(note)
        }
    }
}

/// The round notes belong to: the running one, else the last one that ran.
pub fn note_round(session: &Session) -> Option<usize> {
    session
        .current
        .or_else(|| session.rounds.iter().rposition(|r| r.visited))
}

/// Whose turn it is and who is next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    pub now: String,
    pub next: Option<String>,
}

pub fn turn(session: &Session) -> Option<Turn> {
    if session.turns_by_team() {
        return team_turn(session);
    }
    let now = session.turn_name()?.to_string();
    let next = (session.participants.len() > 1).then(|| {
        let next = session
            .turn
            .map_or(0, |t| (t + 1) % session.participants.len());
        session.participants[next].clone()
    });
    Some(Turn { now, next })
}

/// In a round with turns per team: "Team 2 (Anna, Bram, Cem)", and the team after it.
fn team_turn(session: &Session) -> Option<Turn> {
    let teams = &session.group.teams;
    let now = session.group.team_turn.filter(|t| *t < teams.len())?;
    let label = team_label(now);
    let members = teams[now].join(", ");
    let next = (teams.len() > 1).then(|| team_label((now + 1) % teams.len()));
    Some(Turn {
        now: format!("{label} ({members})"),
        next,
    })
}

/// The roles dealt ("Anna: voorzitter"), else the roles the round names.
pub fn roles(session: &Session) -> Vec<String> {
    if !session.roles.is_empty() {
        session
            .roles
            .iter()
            .map(|r| format!("{}: {}", r.participant, r.role))
            .collect()
    } else {
        session
            .current_round()
            .map(|r| r.round.roles.clone())
            .unwrap_or_default()
    }
}

/// "ronde 2 van 5", or where the session stands between rounds.
pub fn round_label(session: &Session) -> String {
    match session.current {
        Some(i) => {
            let n = i + 1;
            let total = session.rounds.len();
            tr!("ronde {n} van {total}", "round {n} of {total}")
        }
        None if session.ended => tr!("afgerond", "finished"),
        None if session.rounds.iter().any(|r| r.visited) => {
            tr!("tussen rondes", "between rounds")
        }
        None => tr!("nog niet begonnen", "not started"),
    }
}

/// The round that comes next: the first one after the last visited that is not skipped.
pub fn next_round(session: &Session) -> Option<usize> {
    let from = session
        .current
        .or_else(|| session.rounds.iter().rposition(|r| r.visited))
        .map_or(0, |i| i + 1);
    (from..session.rounds.len()).find(|&i| !session.rounds[i].skipped)
}

/// "2 · Ongeschreven regels (10 min)".
pub fn round_line(session: &Session, round: usize) -> String {
    let state = &session.rounds[round];
    let n = round + 1;
    let title = &state.round.title;
    match state.planned_ms() {
        Some(ms) => {
            let minutes = ms.div_ceil(60_000);
            format!("{n} · {title} ({minutes} min)")
        }
        None => format!("{n} · {title}"),
    }
}

/// What the room screen shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoomView {
    Round(Box<RoundView>),
    Waiting(WaitingView),
}

/// A running round, as the room sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundView {
    pub title: String,
    pub round_title: String,
    /// "ronde 3 van 7".
    pub position: String,
    pub instruction: String,
    pub timer: TimerLine,
    pub cards: Vec<CardView>,
    /// The card shown large when they do not all fit ("kaart 2 van 3").
    pub focus: usize,
    pub turn: Option<Turn>,
    pub roles: Vec<String>,
    /// The notes the room sees, oldest first; notes grouped into a theme come first, together.
    pub notes: Vec<NoteView>,
    /// Notes collected silently, not yet revealed: the room sees only how many.
    pub collected: usize,
    pub notes_hidden: bool,
    /// Group work (issue 10) in a styles, teams or vote round; `None` in a talk round.
    pub group: Option<GroupView>,
    pub clock: String,
}

/// The group work the room sees: never a ballot, a tip or a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupView {
    /// The preference styles: name and one line each.
    Styles(Vec<StyleLine>),
    /// The teams, each with its members and the styles present.
    Teams(Vec<TeamView>),
    /// A vote: the options and how many have voted, until revealed.
    Vote(VoteView),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyleLine {
    pub name: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamView {
    /// "Team 1".
    pub name: String,
    pub members: Vec<String>,
    /// The names of the styles present in the team, in the set's order.
    pub styles: Vec<String>,
    /// The names of the set's styles no one in the team has (empty without a style set).
    pub missing: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteView {
    pub options: Vec<String>,
    /// "5 van 9 hebben gestemd".
    pub voted: String,
    /// After reveal: the options ranked, highest first; `None` while secret.
    pub ranking: Option<Vec<RankLine>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankLine {
    pub place: usize,
    pub option: String,
    pub points: u32,
    /// The number in words: "2 punten".
    pub words: String,
    /// The highest total, for the length of the bar (at least 1).
    pub top: u32,
}

/// The group work of the running round as the room sees it.
pub fn group_view(session: &Session) -> Option<GroupView> {
    use crate::catalog::RoundKind;
    let current = session.current?;
    let group = &session.group;
    match &session.rounds[current].round.kind {
        RoundKind::Talk => None,
        RoundKind::Styles => Some(GroupView::Styles(
            group
                .style_set
                .iter()
                .flat_map(|set| set.styles.iter())
                .map(|s| StyleLine {
                    name: s.name.clone(),
                    summary: s.summary.clone(),
                })
                .collect(),
        )),
        RoundKind::Teams(_) => {
            let set = group.style_set.as_deref();
            Some(GroupView::Teams(
                group
                    .teams
                    .iter()
                    .enumerate()
                    .map(|(i, team)| {
                        let n = i + 1;
                        let (present, missing) =
                            crate::session::groupwork::team_coverage(team, &group.styles, set);
                        let names = |ids: &[String]| -> Vec<String> {
                            ids.iter()
                                .map(|id| set.map_or(id.as_str(), |s| s.name(id)).to_string())
                                .collect()
                        };
                        TeamView {
                            name: tr!("Team {n}", "Team {n}"),
                            members: team.clone(),
                            styles: names(&present),
                            missing: names(&missing),
                        }
                    })
                    .collect(),
            ))
        }
        RoundKind::Vote(_) => {
            let vote = group.votes.get(&current);
            let voted = vote.map_or(0, |v| v.ballots.len());
            let total = session.participants.len();
            let spec = session.vote_spec(current);
            let ranking = vote.filter(|v| v.revealed).map(|v| {
                let ranked = v.ranking();
                let top = ranked.first().map_or(0, |r| r.total).max(1);
                ranked
                    .into_iter()
                    .map(|r| RankLine {
                        place: r.place,
                        option: v.options[r.option].clone(),
                        points: r.total,
                        words: spec.map_or_else(|| r.total.to_string(), |s| s.amount(r.total)),
                        top,
                    })
                    .collect()
            });
            Some(GroupView::Vote(VoteView {
                options: vote.map(|v| v.options.clone()).unwrap_or_default(),
                voted: tr!(
                    "{voted} van {total} hebben gestemd",
                    "{voted} of {total} have voted"
                ),
                ranking,
            }))
        }
    }
}

/// Before the first round, between rounds, after the end, or with no session at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingView {
    pub title: Option<String>,
    pub headline: String,
    pub next: Option<String>,
    pub clock: String,
}

/// The room screen for `session` at time `t` (session ms) and wall-clock `wall`.
pub fn room(session: &Session, t: u64, wall: DateTime<FixedOffset>, options: Options) -> RoomView {
    let clock = wall.format("%H:%M").to_string();
    let Some(current) = session.current else {
        return RoomView::Waiting(waiting(Some(session), wall));
    };
    let round = &session.rounds[current];
    let (notes, collected) = room_notes(session, current);
    RoomView::Round(Box::new(RoundView {
        title: session.title.clone(),
        round_title: round.round.title.clone(),
        position: round_label(session),
        instruction: round.round.instruction.clone(),
        timer: timer_line(session, t, options),
        cards: cards(session)
            .into_iter()
            .map(|c| CardView { tip: None, ..c })
            .collect(),
        focus: focus_index(session),
        turn: turn(session),
        roles: roles(session),
        notes,
        collected,
        notes_hidden: session.notes_hidden,
        group: group_view(session),
        clock,
    }))
}

/// The notes of `round` the room sees, and how many more are collected silently; in a round
/// without notes of its own, the notes grouped into themes.
fn room_notes(session: &Session, round: usize) -> (Vec<NoteView>, usize) {
    if session.notes_hidden {
        return (Vec::new(), 0);
    }
    let mut shown = Vec::new();
    let mut collected = 0;
    // A round without notes of its own (one for grouping, say) shows the themes so far.
    let own = session.notes_of_round(round).next().is_some();
    let notes: Vec<&Note> = if own {
        session.notes_of_round(round).collect()
    } else {
        session
            .live_notes()
            .filter(|n| session.theme_of(n.id).is_some())
            .collect()
    };
    for note in notes {
        if note.shown {
            shown.push(NoteView::in_session(note, session));
        } else {
            collected += 1;
        }
    }
    // Grouped notes together under their theme, in the themes' order; the others after
    // them, newest last as before.
    let themes = session.themes();
    shown.sort_by_key(|n| {
        session
            .theme_of(n.id)
            .and_then(|t| themes.iter().position(|x| x.id == t.id))
            .unwrap_or(usize::MAX)
    });
    (shown, collected)
}

/// The calm screen when no round runs; `None`: no session is running at all.
pub fn waiting(session: Option<&Session>, wall: DateTime<FixedOffset>) -> WaitingView {
    let clock = wall.format("%H:%M").to_string();
    let Some(session) = session else {
        return WaitingView {
            title: None,
            headline: tr!("Er loopt nu geen sessie", "No session is running"),
            next: None,
            clock,
        };
    };
    let headline = if session.ended {
        tr!(
            "De sessie is afgerond. Dank je wel!",
            "The session has ended. Thank you!"
        )
    } else if session.rounds.iter().any(|r| r.visited) {
        tr!("Even pauze", "A short break")
    } else {
        tr!("We beginnen zo", "We start in a moment")
    };
    let next = (!session.ended)
        .then(|| next_round(session))
        .flatten()
        .map(|i| tr!("Straks: ronde {}", "Next: round {}", round_line(session, i)));
    WaitingView {
        title: Some(session.title.clone()),
        headline,
        next,
        clock,
    }
}
