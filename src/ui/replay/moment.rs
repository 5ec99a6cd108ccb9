//! The session as it stood at the position: the round screen, with notes as they were.

use super::*;

// ----- The moment: the round screen as it stood ---------------------------------------------

pub(super) fn render_moment(replay: &Replay, size: Size, area: Rect, buf: &mut Buffer) {
    let session = replay.session();
    let t = replay.shown_t();
    let wall =
        session.last_at + chrono::Duration::milliseconds(t.saturating_sub(session.last_t) as i64);
    // What the room saw, drawn by the room's own view; the notes below, with their history.
    let mut view = crate::view::room(session, t, wall, crate::view::Options::default());
    if let crate::view::RoomView::Round(round) = &mut view {
        round.notes.clear();
        round.collected = 0;
        round.notes_hidden = true;
    }
    let notes_height = if size == Size::Large { 9 } else { 5 };
    let [top, notes] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(notes_height)]).areas(area);
    let draw = crate::ui::room::Draw {
        header: false,
        ..crate::ui::room::Draw::room(false)
    };
    crate::ui::room::render(&view, draw, top, buf);
    render_notes(replay, notes, buf);
}

/// The note the record at the position is about, if any.
pub(super) fn touched_note(replay: &Replay) -> Option<u64> {
    match &replay.record().event {
        Event::NoteAdded { id, .. }
        | Event::NoteEdited { id, .. }
        | Event::NoteDeleted { id }
        | Event::NoteTeamSet { id, .. } => Some(*id),
        _ => None,
    }
}

/// A note as the replay shows it: corrections and deletions marked.
pub(super) fn replay_note_line(note: &Note) -> Line<'static> {
    let mut line = note_line(note);
    if let Some(old) = note.history.last() {
        line.push_span(Span::styled(
            tr!(
                " was: {}",
                " was: {}",
                crate::replay::describe::first_line(old)
            ),
            theme::dim(),
        ));
    }
    if !note.shown && !note.deleted {
        line.push_span(Span::styled(
            tr!(" (zaal zag dit niet)", " (not shown to the room)"),
            theme::dim(),
        ));
    }
    if note.deleted {
        line = line.patch_style(Modifier::CROSSED_OUT | Modifier::DIM);
        line.push_span(Span::styled(
            tr!(" (verwijderd)", " (deleted)"),
            theme::error(),
        ));
    }
    line
}

pub(super) fn render_notes(replay: &Replay, area: Rect, buf: &mut Buffer) {
    let session = replay.session();
    let round = session
        .current
        .or_else(|| session.rounds.iter().rposition(|r| r.visited));
    let own: Vec<&Note> = match round {
        Some(round) => session.notes.iter().filter(|n| n.round == round).collect(),
        None => Vec::new(),
    };
    // A round without notes of its own (one for grouping, say) shows the themes so far, as
    // the live screen and the room did.
    let grouped: Vec<(&Note, &str)> = match own.is_empty() && round.is_some() {
        true => session
            .themes()
            .iter()
            .flat_map(|theme| {
                theme.notes.iter().filter_map(|id| {
                    let note = session.notes.iter().find(|n| n.id == *id && !n.deleted)?;
                    Some((note, theme.name.as_str()))
                })
            })
            .collect(),
        false => Vec::new(),
    };
    let title = if grouped.is_empty() {
        let count = own.iter().filter(|n| !n.deleted).count();
        tr!(
            " Notities en afspraken · deze ronde tot nu toe: {count} ",
            " Notes and agreements · this round so far: {count} "
        )
    } else {
        let count = grouped.len();
        tr!(
            " Thema's tot nu toe · {count} notities ",
            " Themes so far · {count} notes "
        )
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Line::styled(title, theme::dim()));
    let inner_height = usize::from(area.height.saturating_sub(1));
    let touched = touched_note(replay);
    let mark = |note: &Note| {
        let line = replay_note_line(note);
        if touched == Some(note.id) {
            line.patch_style(theme::selected())
        } else {
            line
        }
    };
    let mut lines: Vec<Line> = Vec::new();
    if grouped.is_empty() {
        lines.extend(own.iter().map(|note| mark(note)));
    } else {
        let mut previous = None;
        for (note, name) in &grouped {
            if previous != Some(*name) {
                lines.push(Line::styled(
                    tr!("  Thema: {name}", "  Theme: {name}"),
                    theme::title(),
                ));
                previous = Some(*name);
            }
            lines.push(mark(note));
        }
    }
    let skip = lines.len().saturating_sub(inner_height);
    let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
    let text = if lines.is_empty() {
        Text::from(Line::styled(
            tr!("  (nog geen notities)", "  (no notes yet)"),
            theme::dim(),
        ))
    } else {
        Text::from(lines)
    };
    Paragraph::new(text).block(block).render(area, buf);
}
