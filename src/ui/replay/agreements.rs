//! Every agreement of the session, with who and when.

use super::*;

// ----- Agreements -----------------------------------------------------------------------------

pub(super) fn render_agreements(replay: &Replay, area: Rect, buf: &mut Buffer) {
    let last = replay.last_session();
    let now = replay.session();
    let agreements: Vec<&Note> = last
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Agreement)
        .collect();
    let made = agreements
        .iter()
        .filter(|a| now.notes.iter().any(|n| n.id == a.id))
        .count();
    let total = agreements.len();
    let block = Block::default().borders(Borders::TOP).title(Line::styled(
        tr!(
            " Alle afspraken van de sessie: {total} · op dit moment gemaakt: {made} ",
            " All agreements of the session: {total} · made by this moment: {made} "
        ),
        theme::dim(),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = inner.inner(Margin::new(1, 0));
    if inner.is_empty() {
        return;
    }
    if agreements.is_empty() {
        Paragraph::new(Line::styled(
            tr!(
                "Deze sessie heeft geen afspraken.",
                "This session has no agreements."
            ),
            theme::dim(),
        ))
        .render(inner, buf);
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    // The last line of an agreement that exists at the position: kept in view.
    let mut last_made = 0;
    let mut round = None;
    for note in agreements {
        if round != Some(note.round) {
            round = Some(note.round);
            let title = last
                .rounds
                .get(note.round)
                .map_or(String::new(), |r| r.round.title.clone());
            lines.push(Line::styled(
                tr!("Ronde {} · {title}", "Round {} · {title}", note.round + 1),
                theme::title(),
            ));
        }
        let mut spans = vec![
            Span::styled(format!("  {} ", note.at.format("%H:%M")), theme::dim()),
            Span::styled("• ", theme::agreement()),
            Span::raw(crate::replay::describe::first_line(&note.text)),
        ];
        if !note.history.is_empty() {
            spans.push(Span::styled(
                tr!(" (gecorrigeerd)", " (corrected)"),
                theme::dim(),
            ));
        }
        if note.deleted {
            spans.push(Span::styled(
                tr!(" (verwijderd)", " (deleted)"),
                theme::error(),
            ));
        }
        let made = now.notes.iter().any(|n| n.id == note.id);
        if !made {
            spans.push(Span::styled(tr!(" (later)", " (later)"), theme::dim()));
        }
        let who = vec![
            Span::styled(
                tr!(
                    "  wie: {}",
                    "  who: {}",
                    note.owner.as_deref().unwrap_or("—")
                ),
                theme::accent(),
            ),
            Span::styled(
                tr!(
                    "  wanneer: {}",
                    "  when: {}",
                    note.due.as_deref().unwrap_or("—")
                ),
                theme::accent(),
            ),
        ];
        let mut entry = if inner.width >= 100 {
            spans.extend(who);
            vec![Line::from(spans)]
        } else {
            let indent = Span::raw("        ");
            vec![Line::from(spans), Line::from([vec![indent], who].concat())]
        };
        for line in &mut entry {
            if note.deleted {
                *line = std::mem::take(line).patch_style(Modifier::CROSSED_OUT);
            }
            if !made {
                *line = std::mem::take(line).patch_style(Modifier::DIM);
            }
        }
        lines.extend(entry);
        if made {
            last_made = lines.len() - 1;
        }
    }
    let height = usize::from(inner.height);
    let skip = (last_made + 1).saturating_sub(height);
    let shown: Vec<Line> = lines.into_iter().skip(skip).take(height).collect();
    Paragraph::new(shown).render(inner, buf);
}
