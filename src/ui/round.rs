//! The round screen: what the room reads from the back row. Three layouts: large
//! (from about 100×30), medium (80×24) and a minimal one for anything smaller.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, LineGauge, Paragraph, Widget, Wrap};

use super::{theme, timer};
use crate::app::{App, Status};
use crate::session::timer::clock_text;
use crate::session::{NoteKind, Session};
use crate::tr;

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
    match size_for(area) {
        Size::Minimal => render_minimal(app, area, buf),
        size => render_full(app, size, area, buf),
    }
}

fn render_full(app: &App, size: Size, area: Rect, buf: &mut Buffer) {
    let face = timer::face(&app.session, app.now.t);
    let top_height = match size {
        Size::Large => 10,
        _ if area.height < 22 => 5,
        _ => 7,
    };
    // On short screens the card keeps its room and the notes make do with fewer lines.
    let notes_height = match (app.notes_hidden, size) {
        (true, _) => 0,
        (false, Size::Large) => 8,
        (false, _) if area.height < 24 => 3,
        (false, _) => 5,
    };
    // No more lines than there are notes to show (plus the title line), at least two.
    let notes_height = notes_height
        .min(app.round_notes().len() as u16 + 1)
        .max(notes_height.min(2));
    let people = people_lines(&app.session, area.width.saturating_sub(2) as usize);
    // Without a card the empty card box stays small and the notes get the room.
    let (card_constraint, notes_constraint) = match (app.card_on_table(), notes_height) {
        (None, n) if n > 0 => (Constraint::Length(3), Constraint::Min(n)),
        _ => (Constraint::Min(3), Constraint::Length(notes_height)),
    };
    let [header, top, card, people_area, notes, progress, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(top_height),
        card_constraint,
        Constraint::Length(people.len() as u16),
        notes_constraint,
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);

    render_header(app, header, buf);
    let timer_width = (area.width / 2).min(if size == Size::Large { 48 } else { 30 });
    let [instruction, timer_area] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(timer_width)]).areas(top);
    render_instruction(&app.session, instruction, buf);
    timer::render(
        &face,
        timer_area.inner(ratatui::layout::Margin::new(1, 0)),
        buf,
    );
    let empty = tr!(
        "Geen kaart op tafel. Druk d om een kaart te trekken.",
        "No card on the table. Press d to draw a card."
    );
    render_card(&app.session, size, empty, !app.notes_hidden, card, buf);
    Paragraph::new(people).render(people_area.inner(ratatui::layout::Margin::new(1, 0)), buf);
    if notes_height > 0 {
        render_notes(app, notes, buf);
    }
    render_progress(app, progress, buf);
    render_footer(app, footer, buf);
}

/// "ronde 2 van 5", or where the session stands between rounds (also used by replay).
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

fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.session;
    let clock = app.now.wall.format("%H:%M").to_string();
    let right = format!("  {}  {clock} ", round_label(&app.session));
    let [left_area, right_area] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(right.chars().count() as u16),
    ])
    .areas(area);
    let mut title = vec![Span::styled(format!(" {}", session.title), theme::title())];
    // The default title already starts with the plan's title.
    if !session.title.starts_with(&session.plan.title) {
        title.push(Span::styled(
            format!(" · {}", session.plan.title),
            theme::dim(),
        ));
    }
    let title = Line::from(title);
    Paragraph::new(title).render(left_area, buf);
    Paragraph::new(Line::styled(right, theme::accent()).alignment(Alignment::Right))
        .render(right_area, buf);
}

/// The round's title and its instruction for the group (also used by replay).
pub fn render_instruction(session: &Session, area: Rect, buf: &mut Buffer) {
    let mut text = Text::default();
    if let Some(round) = session.current_round() {
        let mut title = vec![Span::styled(round.round.title.clone(), theme::title())];
        if round.inserted {
            title.push(Span::styled(
                tr!("  (ingevoegd)", "  (inserted)"),
                theme::dim(),
            ));
        }
        text.push_line(Line::from(title));
        text.push_line(Line::default());
        text.push_line(Line::from(round.round.instruction.clone()));
    } else if session.ended {
        text.push_line(Line::styled(
            tr!("De sessie is afgerond.", "The session has ended."),
            theme::title(),
        ));
    } else {
        text.push_line(Line::styled(
            tr!("Er loopt geen ronde.", "No round is running."),
            theme::dim(),
        ));
    }
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area.inner(ratatui::layout::Margin::new(1, 0)), buf);
}

/// The card shown large (the last one drawn), with its deck and category. `empty` is
/// what an empty table says; `tip` shows the facilitator's hint (also used by replay).
pub fn render_card(
    session: &Session,
    size: Size,
    empty: String,
    tip: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::card_border());
    let Some((deck, card, category)) = session.table.last().and_then(|c| session.card(c)) else {
        let hint = empty;
        Paragraph::new(Line::styled(hint, theme::dim()).alignment(Alignment::Center))
            .block(block.title(tr!(" Kaart ", " Card ")))
            .render(area, buf);
        return;
    };
    let category = category.map_or(card.category.as_str(), |c| c.title.as_str());
    let on_table = session.table.len();
    let mut title = format!(" {} · {} ", deck.title, category);
    // How the card is meant to be used: "om de beurt · ± 5 min".
    if let Some(usage) = card.usage() {
        title.push_str(&format!("· {usage} "));
    }
    if on_table > 1 {
        title.push_str(&tr!(
            "· {on_table} kaarten op tafel ",
            "· {on_table} cards on the table "
        ));
    }
    block = block.title(Line::styled(title, theme::accent()));
    let mut text = Text::default();
    if size == Size::Large {
        text.push_line(Line::default());
    }
    text.push_line(Line::styled(card.title.to_uppercase(), theme::title()));
    text.push_line(Line::default());
    text.push_line(Line::from(card.prompt.clone()));
    if let (Some(hint), true) = (&card.hint, tip) {
        text.push_line(Line::default());
        text.push_line(Line::styled(
            tr!(
                "Tip voor de begeleider: {hint}",
                "Facilitator's tip: {hint}"
            ),
            theme::dim(),
        ));
    }
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .block(block.padding(ratatui::widgets::Padding::horizontal(2)))
        .render(area, buf);
}

/// Whose turn it is, and the roles handed out, wrapped to `width` (also used by replay).
pub fn people_lines(session: &Session, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(name) = session.turn_name() {
        let mut spans = vec![
            Span::styled(tr!("Beurt: ", "Turn: "), theme::dim()),
            Span::styled(name.to_string(), theme::title()),
        ];
        if session.participants.len() > 1 {
            let next = session
                .turn
                .map_or(0, |t| (t + 1) % session.participants.len());
            spans.push(Span::styled(
                tr!("   daarna: {}", "   next: {}", session.participants[next]),
                theme::dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    let roles: Vec<String> = if !session.roles.is_empty() {
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
    };
    // Every role must be readable: as many lines as it takes, never cut off.
    let label = tr!("Rollen: ", "Roles: ");
    let indent = " ".repeat(label.chars().count());
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for role in roles {
        let piece = role.chars().count() + 3;
        if !line.is_empty() && used + piece > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if line.is_empty() {
            let prefix = if lines.len() > usize::from(session.turn_name().is_some()) {
                indent.clone()
            } else {
                label.clone()
            };
            used = prefix.chars().count();
            line.push(Span::styled(prefix, theme::dim()));
        } else {
            line.push(Span::styled(" · ", theme::dim()));
        }
        used += piece;
        line.push(Span::raw(role));
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

fn render_notes(app: &App, area: Rect, buf: &mut Buffer) {
    let notes = app.round_notes();
    let count = notes.len();
    let title = tr!(
        " Notities en afspraken · deze ronde: {count} ",
        " Notes and agreements · this round: {count} "
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Line::styled(title, theme::dim()));
    let inner_height = area.height.saturating_sub(1) as usize;
    let lines: Vec<Line> = notes
        .iter()
        .rev()
        .take(inner_height)
        .rev()
        .map(|note| note_line(note))
        .collect();
    let text = if lines.is_empty() {
        Text::from(Line::styled(
            tr!(
                "  n = notitie · a = afspraak · h = verbergen",
                "  n = note · a = agreement · h = hide"
            ),
            theme::dim(),
        ))
    } else {
        Text::from(lines)
    };
    Paragraph::new(text).block(block).render(area, buf);
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
    let label = tr!(
        " sessie {} van {} ",
        " session {} of {} ",
        clock_text(spent, false),
        clock_text(planned, false)
    );
    LineGauge::default()
        .ratio(ratio)
        .label(label)
        .filled_style(theme::accent())
        .unfilled_style(theme::dim())
        .render(area, buf);
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let hints = [
        tr!("? hulp", "? help"),
        tr!("spatie pauze", "space pause"),
        tr!("→ volgende", "→ next"),
        tr!("d kaart", "d card"),
        tr!("n notitie", "n note"),
        tr!("a afspraak", "a agreement"),
        tr!("q stop", "q quit"),
        tr!("h verberg", "h hide"),
        tr!("g agenda", "g agenda"),
    ];
    super::render_status_footer(app, &hints, area, buf);
}

/// Timer and card title, for terminals too small for anything else; still fully usable.
fn render_minimal(app: &App, area: Rect, buf: &mut Buffer) {
    let face = timer::face(&app.session, app.now.t);
    let mut lines = vec![Line::from(vec![
        Span::styled(face.words.clone(), face.style),
        Span::styled(format!(" · {}", round_label(&app.session)), theme::dim()),
    ])];
    if let Some((_, card, _)) = app.card_on_table().and_then(|c| app.session.card(c)) {
        lines.push(Line::styled(card.title.clone(), theme::title()));
    }
    if let Some(round) = app.session.current_round() {
        lines.push(Line::styled(round.round.title.clone(), Style::new()));
    }
    match &app.status {
        Some(Status::Error(message)) => lines.push(Line::styled(message.clone(), theme::error())),
        Some(Status::Info(message)) => lines.push(Line::styled(message.clone(), theme::accent())),
        None => lines.push(Line::styled(
            tr!("(klein scherm) ? hulp", "(small screen) ? help"),
            theme::dim(),
        )),
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
