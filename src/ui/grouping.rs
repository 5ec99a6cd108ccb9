//! The grouping screen (`i`): the notes on the left, each with the number of its theme, and
//! the themes on the right with their notes. The cursor and chosen notes are marked with
//! symbols as well as colour.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::overlays::{popup, window};
use super::text::ellipsize;
use super::theme;
use crate::app::mode_keys;
use crate::app::{App, GroupingInput, GroupingState};
use crate::replay::describe::first_line;
use crate::tr;
use crate::ui::line_input::with_bar;

pub fn render(app: &App, state: &GroupingState, area: Rect, buf: &mut Buffer) {
    let rect = popup(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    Clear.render(rect, buf);
    let title = match state
        .round
        .and_then(|r| app.session.rounds.get(r).map(|s| (r, s)))
    {
        Some((r, round)) => tr!(
            "Thema's · notities van ronde {} · {}",
            "Themes · notes of round {} · {}",
            r + 1,
            round.round.title.as_str()
        ),
        None => tr!(
            "Thema's · alle notities van de sessie",
            "Themes · all notes of the session"
        ),
    };
    let block = window(ellipsize(&title, usize::from(rect.width.saturating_sub(4))));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [lists, footer] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(inner);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(lists);
    render_notes(app, state, left, buf);
    render_themes(app, right, buf);
    render_footer(state, footer, buf);
}

fn render_notes(app: &App, state: &GroupingState, area: Rect, buf: &mut Buffer) {
    let notes = app.grouping_notes(state.round);
    let width = usize::from(area.width.saturating_sub(1));
    let cursor = state.cursor.min(notes.len().saturating_sub(1));
    let rows = usize::from(area.height.saturating_sub(1)).max(1);
    // The cursor stays in sight: the list scrolls by whole pages.
    let first = cursor / rows * rows;
    let mut lines = vec![Line::styled(
        ellipsize(
            &tr!(
                "Notities · {} · {} gekozen",
                "Notes · {} · {} chosen",
                notes.len(),
                state.selected.len()
            ),
            width,
        ),
        theme::dim(),
    )];
    for (i, note) in notes.iter().enumerate().skip(first).take(rows) {
        let pointer = if i == cursor { "▶" } else { " " };
        let check = if state.selected.contains(&note.id) {
            "[x]"
        } else {
            "[ ]"
        };
        let number = app
            .session
            .themes()
            .iter()
            .position(|t| t.notes.contains(&note.id))
            .map_or("  ·".to_string(), |n| format!("{:>3}", n + 1));
        let text = format!("{pointer}{check}{number} {}", first_line(&note.text));
        let line = Line::raw(ellipsize(&text, width));
        lines.push(if i == cursor {
            line.style(theme::selected())
        } else {
            line
        });
    }
    Paragraph::new(lines)
        .block(Block::default().borders(Borders::RIGHT))
        .render(area, buf);
}

fn render_themes(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.session;
    let width = usize::from(area.width.saturating_sub(1));
    let mut lines = vec![Line::styled(
        ellipsize(
            &tr!(" Thema's · {}", " Themes · {}", session.themes().len()),
            width,
        ),
        theme::dim(),
    )];
    if session.themes().is_empty() {
        lines.push(Line::styled(
            ellipsize(
                &tr!(
                    " nog geen: kies notities (spatie) en druk n",
                    " none yet: choose notes (space) and press n"
                ),
                width,
            ),
            theme::dim(),
        ));
    }
    for (i, t) in session.themes().iter().enumerate() {
        let notes: Vec<String> = session
            .theme_notes(t)
            .map(|n| first_line(&n.text))
            .collect();
        let head = format!(" {} {} ({})", i + 1, t.name, notes.len());
        lines.push(Line::from(Span::styled(
            ellipsize(&head, width),
            theme::title(),
        )));
        for note in notes {
            lines.push(Line::raw(ellipsize(&format!("    • {note}"), width)));
        }
    }
    Paragraph::new(lines).render(area, buf);
}

/// "Enter bewaren · Esc terug", from the naming keys.
fn name_keys() -> String {
    use mode_keys::NameKey;
    mode_keys::THEME_NAME
        .hints(&[NameKey::Save, NameKey::Back])
        .join(" · ")
}

fn render_footer(state: &GroupingState, area: Rect, buf: &mut Buffer) {
    let (text, style) = match &state.input {
        Some(GroupingInput::NewTheme { notes, name }) => (
            {
                let name = with_bar(name);
                tr!(
                    "Naam van het nieuwe thema ({} notities): {name}  {}",
                    "Name of the new theme ({} notes): {name}  {}",
                    notes.len(),
                    name_keys()
                )
            },
            theme::accent(),
        ),
        Some(GroupingInput::Rename { name, .. }) => (
            {
                let name = with_bar(name);
                tr!(
                    "Nieuwe naam: {name}  {}",
                    "New name: {name}  {}",
                    name_keys()
                )
            },
            theme::accent(),
        ),
        Some(GroupingInput::MergeInto { .. }) => (
            tr!(
                "Samenvoegen met welk thema? Druk het nummer (Esc: terug)",
                "Merge into which theme? Press its number (Esc: back)"
            ),
            theme::accent(),
        ),
        None => (
            mode_keys::GROUPING
                .hints(mode_keys::GROUPING_FOOTER)
                .join(" · "),
            theme::dim(),
        ),
    };
    Paragraph::new(Line::styled(text, style))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
