//! The facilitator's console, when a room screen (`tafel room`) shows the workshop: the
//! tips, every note (also those the room does not see yet), the agenda with clock times and
//! the projected end, the next round, and the keys. Only draws.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use unicode_width::UnicodeWidthStr;

use super::room::{cut, note_line, timer_style, wrap_cut};
use super::theme;
use crate::app::App;
use crate::app::keymap;
use crate::tr;
use crate::view::console::{ConsoleView, RoundPlace, console};
use crate::view::{round_label, timer_line};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let session = &app.session;
    let view = console(session, app.now.t, app.now.wall);
    let timer = timer_line(session, app.now.t, app.view);
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let width = usize::from(area.width);
    let title = format!(
        " {} · {} · {} · {} ",
        tr!("CONSOLE", "CONSOLE"),
        round_label(session),
        app.now.wall.format("%H:%M"),
        session
            .current_round()
            .map_or(String::new(), |r| r.round.title.clone())
    );
    Paragraph::new(Line::styled(cut(&title, width), theme::title())).render(header, buf);
    let right_width = if area.width >= 70 {
        area.width * 2 / 5
    } else {
        0
    };
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(body);
    render_left(app, &view, &timer, left, buf);
    if right_width > 0 {
        render_right(&view, right, buf);
    }
    let hints = keymap::SESSION.hints(keymap::CONSOLE_FOOTER);
    super::render_status_footer(app, &hints, footer, buf);
}

fn render_left(
    app: &App,
    view: &ConsoleView,
    timer: &crate::view::TimerLine,
    area: Rect,
    buf: &mut Buffer,
) {
    let width = usize::from(area.width.saturating_sub(1)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::styled(
        cut(&format!(" {}", timer.one_line()), width),
        timer_style(timer),
    ));
    lines.push(Line::styled(
        cut(
            &tr!(
                " einde rond {} · {}",
                " ends around {} · {}",
                view.projected_end,
                view.schedule
            ),
            width,
        ),
        theme::accent(),
    ));
    if let Some(round) = app.session.current_round()
        && !round.round.instruction.is_empty()
    {
        lines.push(Line::default());
        for l in wrap_cut(&round.round.instruction, width.saturating_sub(1), 3) {
            lines.push(Line::raw(format!(" {l}")));
        }
    }
    if app.round_kind() == Some(&crate::catalog::RoundKind::Styles) {
        // The picks being recorded, with room kept for the notes' title and two notes.
        let budget = usize::from(area.height).saturating_sub(lines.len() + 1 + 3);
        if budget > 0 {
            lines.push(Line::default());
            let styles = super::styles_panel::lines(app, width.saturating_sub(1), budget, false);
            lines.extend(styles.lines.into_iter().map(|mut l| {
                l.spans.insert(0, Span::raw(" "));
                l
            }));
        }
    }
    let focus = crate::view::focus_index(&app.session);
    for (i, card) in view.cards.iter().enumerate() {
        lines.push(Line::default());
        let n = view.cards.len();
        let shown = if n > 1 && i == focus {
            tr!(" (in beeld)", " (shown)")
        } else {
            String::new()
        };
        lines.push(Line::styled(
            cut(
                // The mark first: a long deck and category are cut, never the mark.
                &format!(
                    " {}{shown} · {} · {}",
                    card.title.to_uppercase(),
                    card.deck,
                    card.category
                ),
                width,
            ),
            theme::title(),
        ));
        for l in wrap_cut(&card.question, width.saturating_sub(1), 4) {
            lines.push(Line::raw(format!(" {l}")));
        }
        if let Some(tip) = &card.tip {
            for l in wrap_cut(&tr!("Tip: {tip}", "Tip: {tip}"), width.saturating_sub(1), 3) {
                lines.push(Line::styled(format!(" {l}"), theme::accent()));
            }
        }
    }
    lines.push(Line::default());
    let count = view.notes.len();
    let state = if view.notes_hidden {
        tr!(" · verborgen voor de zaal", " · hidden from the room")
    } else if view.silent {
        tr!(
            " · stil schrijven (o onthult)",
            " · silent writing (o reveals)"
        )
    } else {
        String::new()
    };
    // Whether the room sees the notes matters more than the words around the count.
    let mut notes_title = tr!(
        " Notities van deze ronde: {count}{state}",
        " Notes of this round: {count}{state}"
    );
    if notes_title.width() > width {
        notes_title = tr!(" Notities: {count}{state}", " Notes: {count}{state}");
    }
    lines.push(Line::styled(cut(&notes_title, width), theme::dim()));
    let drafts = app.draft_count();
    let reserved = usize::from(drafts > 0);
    let room_left = usize::from(area.height).saturating_sub(lines.len() + reserved);
    for note in view.notes.iter().rev().take(room_left).rev() {
        let mut line = note_line(note, width.saturating_sub(8));
        if !note.shown && !view.notes_hidden {
            line.push_span(Span::styled(
                tr!(" (zaal ziet nog niet)", " (not shown yet)"),
                theme::dim().add_modifier(Modifier::ITALIC),
            ));
        }
        lines.push(line);
    }
    if drafts > 0 {
        lines.push(Line::styled(
            tr!(
                "  concepten (niet opgeslagen): {drafts}",
                "  drafts (not saved): {drafts}"
            ),
            theme::dim(),
        ));
    }
    Paragraph::new(lines).render(area, buf);
}

fn render_right(view: &ConsoleView, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::LEFT)
        .border_style(theme::dim());
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width.saturating_sub(1)).max(1);
    let mut lines: Vec<Line> = vec![Line::styled(tr!(" Agenda", " Agenda"), theme::title())];
    for row in &view.agenda {
        let clock = row.clock.clone().unwrap_or_else(|| "     ".into());
        let (mark, style) = match row.state {
            RoundPlace::Done => ("✓", theme::dim()),
            RoundPlace::Now => ("▶", theme::accent()),
            RoundPlace::Next => ("›", ratatui::style::Style::new()),
            RoundPlace::Later => (" ", ratatui::style::Style::new()),
            RoundPlace::Skipped => ("–", theme::dim().add_modifier(Modifier::CROSSED_OUT)),
        };
        lines.push(Line::styled(
            cut(&format!(" {clock} {mark} {}", row.line), width),
            style,
        ));
    }
    lines.push(Line::styled(
        cut(
            &tr!(" einde rond {}", " ends around {}", view.projected_end),
            width,
        ),
        theme::accent(),
    ));
    if let Some(next) = &view.next {
        lines.push(Line::default());
        lines.push(Line::styled(
            cut(&tr!(" Straks: {}", " Next: {}", next.line), width),
            theme::title(),
        ));
        if let Some(draw) = &next.draw {
            lines.push(Line::raw(cut(
                &tr!(" trekken: {draw}", " draw: {draw}"),
                width,
            )));
        }
        for l in wrap_cut(&next.instruction, width.saturating_sub(1), 6) {
            lines.push(Line::styled(format!(" {l}"), theme::dim()));
        }
    }
    Paragraph::new(lines).render(inner, buf);
}
