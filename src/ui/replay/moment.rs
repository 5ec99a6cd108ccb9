//! The session as it stood at the position: the round screen, with notes as they were.

use super::*;

// ----- The moment: the round screen as it stood ---------------------------------------------

pub(super) fn render_moment(replay: &Replay, size: Size, area: Rect, buf: &mut Buffer) {
    let session = replay.session();
    let top_height = if size == Size::Large { 10 } else { 6 };
    let notes_height = if size == Size::Large { 9 } else { 5 };
    let people = round::people_lines(session, area.width.saturating_sub(2) as usize);
    let (card_constraint, notes_constraint) = match session.table.last() {
        None => (Constraint::Length(3), Constraint::Min(notes_height)),
        Some(_) => (Constraint::Min(3), Constraint::Length(notes_height)),
    };
    let [top, card, people_area, notes] = Layout::vertical([
        Constraint::Length(top_height),
        card_constraint,
        Constraint::Length(people.len() as u16),
        notes_constraint,
    ])
    .areas(area);
    let timer_width = (area.width / 2).min(if size == Size::Large { 48 } else { 30 });
    let [instruction, timer_area] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(timer_width)]).areas(top);
    round::render_instruction(session, instruction, buf);
    let face = timer::face(session, replay.shown_t());
    timer::render(&face, timer_area.inner(Margin::new(1, 0)), buf);
    let empty = tr!("Geen kaart op tafel.", "No card on the table.");
    round::render_card(session, size, empty, false, card, buf);
    Paragraph::new(people).render(people_area.inner(Margin::new(1, 0)), buf);
    render_notes(replay, notes, buf);
}

/// The note the record at the position is about, if any.
pub(super) fn touched_note(replay: &Replay) -> Option<u64> {
    match &replay.record().event {
        Event::NoteAdded { id, .. } | Event::NoteEdited { id, .. } | Event::NoteDeleted { id } => {
            Some(*id)
        }
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
    let notes: Vec<&Note> = match round {
        Some(round) => session.notes.iter().filter(|n| n.round == round).collect(),
        None => Vec::new(),
    };
    let count = notes.iter().filter(|n| !n.deleted).count();
    let title = tr!(
        " Notities en afspraken · deze ronde tot nu toe: {count} ",
        " Notes and agreements · this round so far: {count} "
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Line::styled(title, theme::dim()));
    let inner_height = usize::from(area.height.saturating_sub(1));
    let touched = touched_note(replay);
    let lines: Vec<Line> = notes
        .iter()
        .rev()
        .take(inner_height)
        .rev()
        .map(|note| {
            let line = replay_note_line(note);
            if touched == Some(note.id) {
                line.patch_style(theme::selected())
            } else {
                line
            }
        })
        .collect();
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
