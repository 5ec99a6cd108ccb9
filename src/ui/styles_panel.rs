//! The styles round's lines, fitted to the room there is: the people and their picks come
//! first (the facilitator records them and needs to see each key land), the style
//! descriptions shrink to a line of names when space is short, and a list longer than
//! the room scrolls with the selection.

use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use super::room::cut;
use super::text::width as text_width;
use super::theme;
use crate::app::App;
use crate::catalog::StyleSet;
use crate::tr;

/// The styles round in at most `height` lines of `width` columns. The full descriptions
/// (`descriptions`, for a paragraph that wraps) only when everyone fits below them.
pub fn lines(app: &App, width: usize, height: usize, descriptions: bool) -> Text<'static> {
    let group = &app.session.group;
    let Some(set) = &group.style_set else {
        return Text::from(Line::styled(
            tr!("geen stijlenset geladen", "no style set loaded"),
            theme::dim(),
        ));
    };
    let people = &app.session.participants;
    if people.is_empty() {
        let mut text = Text::from(full_descriptions(set));
        text.push_line(Line::default());
        text.push_line(Line::styled(
            tr!(
                "geen deelnemers: geef ze mee met --participants \"Anna:verbinder, Bram\"",
                "no participants: give them with --participants \"Anna:verbinder, Bram\""
            ),
            theme::dim(),
        ));
        return text;
    }
    let full = full_descriptions(set);
    let full_height = Paragraph::new(full.clone())
        .wrap(Wrap { trim: false })
        .line_count(u16::try_from(width).unwrap_or(u16::MAX));
    let count = people.len();
    let mut text = Text::default();
    // Everyone fits under the descriptions, or else under the styles' names alone.
    let compact = compact_names(set, width);
    let fits = |head: usize| head + 1 + count <= height;
    let head = if descriptions && fits(full_height) {
        Some(full)
    } else if fits(compact.len()) {
        Some(compact.clone())
    } else {
        None
    };
    if let Some(head) = head {
        text.extend(head);
        text.push_line(Line::default());
        text.extend(person_lines(app, 0, count, width));
        return text;
    }
    // Too many people for the room: the names of the styles while at least three people
    // still fit below them, a line saying which part of the list shows, then that part.
    let with_names = height.saturating_sub(compact.len() + 1);
    let names_fit = with_names >= 3.min(count);
    let (window, show_names) = if names_fit {
        (with_names, true)
    } else {
        (height.saturating_sub(1).max(1), false)
    };
    let window = window.min(count);
    let selected = selected_index(app).unwrap_or(0);
    let start = selected
        .saturating_sub(window / 2)
        .min(count.saturating_sub(window));
    if show_names {
        text.extend(compact);
    }
    if height > window {
        let shown = tr!(
            "deelnemers {}–{} van {count} (↑/↓ kiest)",
            "participants {}–{} of {count} (↑/↓ selects)",
            start + 1,
            start + window
        );
        text.push_line(Line::styled(cut(&shown, width), theme::dim()));
    }
    text.extend(person_lines(app, start, window, width));
    text
}

/// Each style with its number and description, one paragraph each (they wrap).
fn full_descriptions(set: &StyleSet) -> Vec<Line<'static>> {
    set.styles
        .iter()
        .enumerate()
        .map(|(i, style)| {
            Line::from(vec![
                Span::styled(format!("{} {}", i + 1, style.name), theme::title()),
                Span::raw(format!("  {}", style.summary)),
            ])
        })
        .collect()
}

/// "1 Verbinder · 2 Verkenner · …", packed into lines of `width`, never splitting a style.
fn compact_names(set: &StyleSet, width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<String> = Vec::new();
    for (i, style) in set.styles.iter().enumerate() {
        let item = format!("{} {}", i + 1, style.name);
        match lines.last_mut() {
            Some(line) if text_width(line) + 3 + text_width(&item) <= width => {
                line.push_str(" · ");
                line.push_str(&item);
            }
            _ => lines.push(cut(&item, width)),
        }
    }
    lines
        .into_iter()
        .map(|l| Line::styled(l, theme::title()))
        .collect()
}

/// The place of the selected person in the participant list.
fn selected_index(app: &App) -> Option<usize> {
    let selected = app.selected_participant()?;
    app.session.participants.iter().position(|p| p == selected)
}

/// `len` people from `start`, one line each, the selected one marked "▶".
fn person_lines(app: &App, start: usize, len: usize, width: usize) -> Vec<Line<'static>> {
    let group = &app.session.group;
    let selected = selected_index(app);
    app.session
        .participants
        .iter()
        .enumerate()
        .skip(start)
        .take(len)
        .map(|(i, p)| {
            let marker = if Some(i) == selected { "▶ " } else { "  " };
            let head = cut(&format!("{marker}{p}: "), width);
            let room = width.saturating_sub(text_width(&head));
            let names = group.style_names(p).join(" + ");
            let picked = if names.is_empty() {
                Span::styled(
                    cut(&tr!("nog geen stijl", "no style yet"), room),
                    theme::dim(),
                )
            } else {
                Span::raw(cut(&names, room))
            };
            Line::from(vec![Span::raw(head), picked])
        })
        .collect()
}
