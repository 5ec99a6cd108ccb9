//! The round screen: what the room reads from the back row. Three layouts: large
//! (from about 100×30), medium (80×24) and a minimal one for anything smaller.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Widget};

use super::{room, theme};
use crate::app::keymap;
use crate::app::{App, Status};
use crate::session::{NoteKind, Session};
use crate::text::duration_text;
use crate::tr;
use crate::view::RoomView;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Size {
    Large,
    Medium,
    Minimal,
}

pub fn size_for(area: Rect) -> Size {
    if area.width >= 100 && area.height >= 30 {
        Size::Large
    } else if area.width >= 60 && area.height >= 18 {
        Size::Medium
    } else {
        Size::Minimal
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if app.console {
        super::console::render(app, area, buf);
        return;
    }
    match size_for(area) {
        Size::Minimal => render_minimal(app, area, buf),
        _ => render_full(app, area, buf),
    }
}

/// What the single screen shows of the round: the room's view, with the tips unless notes
/// are hidden (the facilitator hides them when the screen is projected).
pub fn single_view(app: &App) -> (RoomView, room::Draw) {
    let view = crate::view::room(&app.session, app.now.t, app.now.wall, app.view);
    let view = match view {
        RoomView::Round(mut round) => {
            round.cards = crate::view::cards(&app.session);
            RoomView::Round(round)
        }
        waiting => waiting,
    };
    let draw = room::Draw {
        away: false,
        tips: !app.session.notes_hidden,
        header: true,
    };
    (view, draw)
}

fn render_full(app: &App, area: Rect, buf: &mut Buffer) {
    let [header, body, progress, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(app, header, buf);
    let (mut view, draw) = single_view(app);
    // An empty table says how to draw a card (this screen is the facilitator's too).
    let panel = super::groupwork::shows_panel(app);
    if panel && let RoomView::Round(round) = &mut view {
        // The facilitator's own panel below shows the group work, with the keys.
        round.group = None;
    }
    let empty = app.session.current.is_some() && app.session.table.is_empty() && !panel;
    let [body, hint] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(u16::from(empty && body.height > 8)),
    ])
    .areas(body);
    // The round's title and position are in this screen's own header already.
    let draw = room::Draw {
        header: false,
        ..draw
    };
    if panel {
        // A styles, teams or vote round: the round on top, the group work below it.
        let [top, panel] = Layout::vertical([
            Constraint::Length((body.height / 3).clamp(3, 12)),
            Constraint::Min(0),
        ])
        .areas(body);
        room::render(&view, draw, top, buf);
        super::groupwork::render(app, panel, buf);
    } else {
        room::render(&view, draw, body, buf);
    }
    let text = tr!(
        "Geen kaart op tafel. Druk d om een kaart te trekken.",
        "No card on the table. Press d to draw a card."
    );
    Paragraph::new(Line::styled(text, theme::dim()).alignment(Alignment::Center)).render(hint, buf);
    render_progress(app, progress, buf);
    render_footer(app, footer, buf);
}

/// Markers the single screen shows in its header: what the room does not see, and pauses.
fn markers(app: &App) -> Vec<String> {
    let session = &app.session;
    let mut out = Vec::new();
    if session.current.is_some() && !session.timer.is_running() {
        out.push(tr!("PAUZE", "PAUSED"));
    }
    if session.notes_hidden {
        out.push(tr!("notities verborgen", "notes hidden"));
    } else if crate::view::note_round(session).is_some_and(|r| session.rounds[r].silent) {
        out.push(tr!("stil schrijven", "silent writing"));
    }
    out
}

/// "ronde 2 van 5", or where the session stands between rounds (also used by replay).
pub fn round_label(session: &Session) -> String {
    crate::view::round_label(session)
}

fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.session;
    let clock = app.now.wall.format("%H:%M").to_string();
    let mut right = format!("  {}  {clock} ", round_label(&app.session));
    for marker in markers(app) {
        right = format!(" [{marker}]{right}");
    }
    let [left_area, right_area] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(right.chars().count() as u16),
    ])
    .areas(area);
    // The session's title first, then the plan's (the default title already starts with
    // it); cut with "…" when the line is short.
    let width = usize::from(left_area.width);
    let own = super::text::ellipsize(&format!(" {}", session.title), width);
    let mut title = vec![Span::styled(own.clone(), theme::title())];
    let room_left = width.saturating_sub(super::text::width(&own));
    if !session.title.starts_with(&session.plan.title) && room_left > 4 {
        title.push(Span::styled(
            super::text::ellipsize(&format!(" · {}", session.plan.title), room_left),
            theme::dim(),
        ));
    }
    let title = Line::from(title);
    Paragraph::new(title).render(left_area, buf);
    Paragraph::new(Line::styled(right, theme::accent()).alignment(Alignment::Right))
        .render(right_area, buf);
}

pub fn note_line(note: &crate::session::state::Note) -> Line<'static> {
    let first_line = note.text.lines().next().unwrap_or_default().to_string();
    let more = if note.text.lines().count() > 1 {
        " …"
    } else {
        ""
    };
    let mut spans = match note.kind {
        NoteKind::Note => vec![Span::raw("  • ")],
        NoteKind::Agreement => vec![Span::styled(
            tr!("  AFSPRAAK ", "  AGREEMENT "),
            theme::agreement(),
        )],
    };
    if let Some(team) = &note.team {
        spans.push(Span::raw(format!("[{}] ", team.label())));
    }
    spans.push(Span::raw(format!("{first_line}{more}")));
    if let Some(owner) = &note.owner {
        spans.push(Span::styled(
            tr!(" — wie: {owner}", " — who: {owner}"),
            theme::dim(),
        ));
    }
    if let Some(due) = &note.due {
        spans.push(Span::styled(
            tr!(" — wanneer: {due}", " — when: {due}"),
            theme::dim(),
        ));
    }
    if !note.history.is_empty() {
        spans.push(Span::styled(
            tr!(" (gecorrigeerd)", " (corrected)"),
            theme::dim(),
        ));
    }
    Line::from(spans)
}

fn render_progress(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.session;
    let planned = session.planned_total_ms();
    let spent = session.spent_total_ms(app.now.t);
    let ratio = if planned == 0 {
        0.0
    } else {
        (spent as f64 / planned as f64).clamp(0.0, 1.0)
    };
    let console = crate::view::console::console(session, app.now.t, app.now.wall);
    let label = tr!(
        " sessie {} van {} · einde rond {} · {} ",
        " session {} of {} · ends around {} · {} ",
        duration_text(spent),
        duration_text(planned),
        console.projected_end,
        console.schedule
    );
    LineGauge::default()
        .ratio(ratio)
        .label(label)
        .filled_style(theme::accent())
        .unfilled_style(theme::dim())
        .render(area, buf);
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let hints = keymap::SESSION.hints(keymap::ROUND_FOOTER);
    super::render_status_footer(app, &hints, area, buf);
}

/// The room's view and one line for messages, for terminals too small for anything else;
/// still fully usable.
fn render_minimal(app: &App, area: Rect, buf: &mut Buffer) {
    let status_height = u16::from(area.height >= 3);
    let [body, status] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(status_height)]).areas(area);
    let (view, draw) = single_view(app);
    room::render(&view, draw, body, buf);
    let line = match &app.status {
        Some(Status::Error(message)) => Line::styled(message.clone(), theme::error()),
        Some(Status::Info(message)) => Line::styled(message.clone(), theme::accent()),
        None => Line::styled(
            tr!("(klein scherm) ? hulp", "(small screen) ? help"),
            theme::dim(),
        ),
    };
    Paragraph::new(line).render(status, buf);
}
