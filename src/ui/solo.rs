//! The solo reflection screen: calm, one card, a writing area, the reflections saved so far.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, Padding, Paragraph, Widget, Wrap};

use super::{theme, timer};
use crate::app::keymap;
use crate::app::{App, Mode};
use crate::tr;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let small = area.height < 14 || area.width < 40;
    let saved: Vec<_> = app.session.live_notes().collect();
    let saved_height = if small {
        0
    } else {
        (saved.len() as u16).min(4) + 1
    };
    // The card gets what its question needs, as far as the screen allows with three lines
    // left to write in: on a small screen a card that shows only its title is no use.
    let room = area.height.saturating_sub(2 + 3 + saved_height);
    let needed = card_lines(app, area.width).min(room);
    let card_height = if small {
        needed.max(3)
    } else {
        (area.height / 3).clamp(5, 12).max(needed)
    };
    let [header, card, writing, earlier, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(card_height),
        Constraint::Min(3),
        Constraint::Length(saved_height),
        Constraint::Length(1),
    ])
    .areas(area);

    render_header(app, header, buf);
    render_card(app, card, buf);
    if let Mode::Editor(editor) = &app.mode {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(theme::accent())
            .title(tr!(" Jouw reflectie ", " Your reflection "));
        super::text_view::render(&editor.text, block, true, writing, buf);
    }
    if saved_height > 0 {
        let lines: Vec<Line> = saved
            .iter()
            .rev()
            .take(4)
            .rev()
            .map(|note| {
                let first = note.text.lines().next().unwrap_or_default();
                Line::from(vec![
                    Span::styled(format!(" {} ", note.at.format("%H:%M")), theme::dim()),
                    Span::raw(first.to_string()),
                ])
            })
            .collect();
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::TOP).title(Line::styled(
                tr!(" Bewaard in deze sessie ", " Saved in this session "),
                theme::dim(),
            )))
            .render(earlier, buf);
    }
    render_footer(app, footer, buf);
}

fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let timed = app.session.timer.planned_ms > 0;
    let right = if timed {
        timer::face(&app.session, app.now.t).words
    } else {
        app.now.wall.format("%H:%M").to_string()
    };
    let right = format!("{right} ");
    let [left_area, right_area] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(right.chars().count() as u16),
    ])
    .areas(area);
    Paragraph::new(Line::styled(
        format!(" {}", app.session.title),
        theme::title(),
    ))
    .render(left_area, buf);
    let style = if timed {
        timer::face(&app.session, app.now.t).style
    } else {
        theme::dim()
    };
    Paragraph::new(Line::styled(right, style).alignment(Alignment::Right)).render(right_area, buf);
}

/// The card's text: its title and its question, wrapped as `render_card` wraps them.
fn card_text(app: &App) -> Option<Text<'static>> {
    let (_, card, _) = app.card_on_table().and_then(|c| app.session.card(c))?;
    Some(Text::from(vec![
        Line::styled(card.title.clone(), theme::title()),
        Line::from(card.prompt.clone()),
    ]))
}

/// Lines the card box needs at `width`: its borders and its wrapped text.
fn card_lines(app: &App, width: u16) -> u16 {
    let inner = width.saturating_sub(4).max(1);
    let text = card_text(app).map_or(1, |text| {
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .line_count(inner)
    });
    2 + text.min(u16::MAX as usize - 2) as u16
}

fn render_card(app: &App, area: Rect, buf: &mut Buffer) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::card_border())
        .padding(Padding::horizontal(1));
    let Some((deck, card, category)) = app.card_on_table().and_then(|c| app.session.card(c)) else {
        Paragraph::new(Line::styled(
            tr!(
                "Geen kaart. Ctrl+N trekt een kaart.",
                "No card. Ctrl+N draws a card."
            ),
            theme::dim(),
        ))
        .block(block)
        .render(area, buf);
        return;
    };
    let category = category.map_or(card.category.as_str(), |c| c.title.as_str());
    Paragraph::new(card_text(app).unwrap_or_default())
        .wrap(Wrap { trim: true })
        .block(block.title(Line::styled(
            format!(" {} · {category} ", deck.title),
            theme::dim(),
        )))
        .render(area, buf);
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    // Writing here is like a letter: Enter is a new line (in a workshop's note editor
    // Enter saves); Ctrl+S saves in both.
    let hints = keymap::SOLO.hints(keymap::SOLO_FOOTER);
    super::render_status_footer(app, &hints, area, buf);
}
