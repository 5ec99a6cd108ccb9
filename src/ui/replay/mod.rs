//! The replay screen: a timeline of the rounds, the event being shown in words, and the
//! session as it stood at that moment; or a chart of planned against actual minutes, or
//! the agreements. Only draws: it reads the `Replay` and never changes it. Three layouts
//! like the round screen (large from about 100×30, medium from 60×18, minimal below).

mod agreements;
mod bars;
mod moment;
mod timeline;

use agreements::*;
use bars::*;
use moment::*;
use timeline::*;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::overlays::{popup, window};
use super::round::{Size, note_line, size_for};
use super::{overlays, round, theme, timer};
use crate::replay::{Replay, View};
use crate::session::state::Note;
use crate::session::{Event, NoteKind, Session};
use crate::text::duration_text;
use crate::tr;

/// Renders the replay into `buf`; safe at any size, down to 0×0.
pub fn render(replay: &Replay, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    match size_for(area) {
        Size::Minimal => render_minimal(replay, area, buf),
        size => render_full(replay, size, area, buf),
    }
    if replay.help {
        render_help(area, buf);
    } else if let Some(field) = &replay.search_box {
        render_search(&crate::ui::line_input::with_bar(field), area, buf);
    }
}

pub(super) fn render_full(replay: &Replay, size: Size, area: Rect, buf: &mut Buffer) {
    let gap = u16::from(size == Size::Large);
    let event_width = usize::from(area.width.saturating_sub(7)).max(1);
    let event_height = if replay.description().width() > event_width {
        2
    } else {
        1
    };
    let [header, timeline, event, _, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(event_height),
        Constraint::Length(gap),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(replay, header, buf);
    render_timeline(replay, timeline, buf);
    render_event(replay, event, buf);
    match replay.view {
        View::Main => render_moment(replay, size, body, buf),
        View::Bars => render_bars(replay, body, buf),
        View::Agreements => render_agreements(replay, body, buf),
    }
    render_footer(replay, footer, buf);
}

// ----- Small screens and overlays -----------------------------------------------------------

pub(super) fn render_minimal(replay: &Replay, area: Rect, buf: &mut Buffer) {
    let session = replay.session();
    let face = timer::face(session, replay.shown_t());
    let mut lines = vec![
        Line::styled(
            format!(
                "{} · {}",
                position_text(replay),
                replay.record().at.format("%H:%M")
            ),
            theme::accent(),
        ),
        Line::styled(replay.description().to_string(), theme::title()),
        Line::from(vec![
            Span::styled(face.words.clone(), face.style),
            Span::styled(format!(" · {}", round::round_label(session)), theme::dim()),
        ]),
    ];
    if let Some(round) = session.current_round() {
        lines.push(Line::raw(round.round.title.clone()));
    }
    if let Some((_, card, _)) = session.table.last().and_then(|c| session.card(c)) {
        lines.push(Line::styled(card.title.clone(), theme::title()));
    }
    match &replay.status {
        Some(message) => lines.push(Line::styled(message.clone(), theme::accent())),
        None => lines.push(Line::styled(
            tr!(
                "(klein scherm) ? hulp · q stop",
                "(small screen) ? help · q quit"
            ),
            theme::dim(),
        )),
    }
    if replay.torn_line.is_some() {
        lines.push(Line::styled(
            tr!("laatste regel onvolledig", "last line incomplete"),
            theme::error(),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Every key of the replay.
pub fn help_lines() -> Vec<(String, String)> {
    crate::replay::keymap::REPLAY.help()
}

pub(super) fn render_help(area: Rect, buf: &mut Buffer) {
    overlays::render_key_help(
        help_lines(),
        tr!("Terugkijken — een toets sluit", "Replay — any key closes"),
        area,
        buf,
    );
}

/// The search box; `text` shows the cursor already.
pub(super) fn render_search(text: &str, area: Rect, buf: &mut Buffer) {
    let rect = popup(area, 70, 4);
    Clear.render(rect, buf);
    Paragraph::new(vec![
        Line::from(vec![
            Span::styled(tr!("Zoeken: ", "Search: "), theme::dim()),
            Span::styled(text.to_string(), theme::title()),
        ]),
        Line::styled(
            {
                use crate::replay::keymap::{SEARCH_BOX, SearchBoxKey};
                SEARCH_BOX
                    .hints(&[SearchBoxKey::Search, SearchBoxKey::Close])
                    .join(" · ")
            },
            theme::dim(),
        ),
    ])
    .block(window(tr!("Zoeken", "Search")))
    .render(rect, buf);
}
