//! Drawing. Widgets only draw: they read the `App` and never change it.

pub mod builder;
pub mod console;
pub mod export_form;
pub mod grouping;
pub mod groupwork;
pub mod home;
pub mod line_input;
pub mod overlays;
pub mod picker;
pub mod replay;
pub mod room;
pub mod round;
pub mod solo;
pub mod styles_panel;
pub mod summary;
pub mod text;
pub mod text_view;
pub mod theme;
pub mod timer;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Mode};
use crate::tr;

/// As many hints as fit in `width`, each whole, separated by " · ", the most important
/// first; when some do not fit, the line ends in "…" (and `?` lists them all).
pub fn fit_hints(hints: &[String], width: u16) -> String {
    let width = usize::from(width);
    let mut out = String::new();
    for (i, hint) in hints.iter().enumerate() {
        let next = format!("{}{hint}", if out.is_empty() { " " } else { " · " });
        // Room for " …" must stay while hints are left over.
        let reserve = if i + 1 < hints.len() { 2 } else { 0 };
        if text::width(&out) + text::width(&next) + reserve > width {
            if !out.is_empty() && text::width(&out) + 2 <= width {
                out.push_str(" …");
            }
            break;
        }
        out.push_str(&next);
    }
    out
}

/// The bottom line: a message if there is one, else the key hints that fit; on the right
/// when the journal last confirmed a save. An error takes the whole line (cause first, cut
/// with "…"): a stale "opgeslagen 14:32" beside "NIET opgeslagen" would contradict it.
pub fn render_status_footer(app: &App, hints: &[String], area: Rect, buf: &mut Buffer) {
    use ratatui::layout::{Constraint, Layout};
    use ratatui::text::Line;
    use ratatui::widgets::{Paragraph, Widget};
    if let Some(crate::app::Status::Error(message)) = &app.status {
        let line = text::ellipsize(&format!(" {message}"), usize::from(area.width));
        Paragraph::new(Line::styled(line, theme::error())).render(area, buf);
        return;
    }
    let saved = match &app.saved_at {
        Some(at) => tr!("opgeslagen {}", "saved {}", at.format("%H:%M:%S")),
        None => tr!("nog niets opgeslagen", "nothing saved yet"),
    };
    let right = format!(" {saved} ");
    let right_width = text::width(&right) as u16;
    let room = area.width.saturating_sub(right_width);
    let (left, style) = match &app.status {
        Some(crate::app::Status::Info(message)) => (
            text::ellipsize(&format!(" {message}"), usize::from(room)),
            theme::accent(),
        ),
        _ => (fit_hints(hints, room), theme::dim()),
    };
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right_width)]).areas(area);
    Paragraph::new(Line::styled(left, style)).render(left_area, buf);
    Paragraph::new(Line::styled(right, theme::dim())).render(right_area, buf);
}

pub fn draw(frame: &mut Frame, app: &App) {
    render(app, frame.area(), frame.buffer_mut());
}

/// How far the summary scrolls on a screen of `area`, when the summary is what it shows.
pub fn summary_scroll_end(app: &App, area: Rect) -> Option<u16> {
    matches!(app.mode, Mode::Summary | Mode::Export(_)).then(|| summary::scroll_end(app, area))
}

/// Renders the whole screen into `buf`; safe at any size, down to 0×0.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if matches!(app.mode, Mode::Summary) {
        summary::render(app, area, buf);
        return;
    }
    if let Mode::Export(form) = &app.mode {
        summary::render(app, area, buf);
        export_form::render(form, area, buf);
        return;
    }
    if app.is_solo() {
        // The writing area is part of the solo screen, not a window over it.
        solo::render(app, area, buf);
        if matches!(app.mode, Mode::Editor(_)) {
            return;
        }
    } else {
        round::render(app, area, buf);
    }
    match &app.mode {
        Mode::Help => match app.behind_help.as_deref() {
            Some(Mode::Editor(editor)) => overlays::render_editor_help(editor, area, buf),
            Some(Mode::Agenda(_)) => overlays::render_agenda_help(area, buf),
            _ if app.is_solo() => overlays::render_solo_help(area, buf),
            _ => overlays::render_help(app, area, buf),
        },
        Mode::ConfirmQuit => overlays::render_question(
            area,
            buf,
            tr!("De sessie beëindigen?", "End the session?") + &drafts_become_notes(app),
        ),
        Mode::ConfirmEnd => overlays::render_question(
            area,
            buf,
            tr!(
                "Dit was de laatste ronde. De sessie afronden?",
                "This was the last round. Finish the session?"
            ) + &drafts_become_notes(app),
        ),
        Mode::EmptyPile { deck, .. } => overlays::render_question(
            area,
            buf,
            tr!(
                "De stapel `{deck}` is leeg. De weggelegde kaarten terugschudden?",
                "The pile `{deck}` is empty. Shuffle the set-aside cards back in?"
            ),
        ),
        Mode::Editor(editor) => {
            overlays::render_editor(editor, app.session.started_at.date_naive(), area, buf);
        }
        Mode::Notes {
            selected,
            confirm_delete,
        } => overlays::render_notes_picker(app, *selected, *confirm_delete, area, buf),
        Mode::Agenda(state) => overlays::render_agenda(app, state, area, buf),
        Mode::Review { selected } => overlays::render_review(app, *selected, area, buf),
        Mode::Grouping(state) => grouping::render(app, state, area, buf),
        Mode::Normal | Mode::Summary | Mode::Export(_) => {}
    }
}

/// Ending a session saves what was still being written; the question says so.
fn drafts_become_notes(app: &App) -> String {
    match app.draft_count() {
        0 => String::new(),
        1 => tr!(
            " Je niet-opgeslagen tekst wordt als notitie bewaard.",
            " Your unsaved text is saved as a note."
        ),
        n => tr!(
            " Je {n} niet-opgeslagen teksten worden als notities bewaard.",
            " Your {n} unsaved texts are saved as notes."
        ),
    }
}
