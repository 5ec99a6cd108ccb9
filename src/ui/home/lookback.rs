//! Looking back: the list of past sessions with their details.

use super::*;

// ---------------------------------------------------------------------------------------------
// Look back

pub(super) fn search_line(
    label: String,
    input: &LineInput,
    focused: bool,
    found: String,
    width: u16,
) -> Line<'static> {
    let room = (width as usize).saturating_sub(label.chars().count() + found.chars().count() + 3);
    let mut spans = vec![Span::styled(label, theme::accent())];
    spans.extend(input_line(input, room, focused).spans);
    spans.push(Span::styled(format!("  {found}"), theme::dim()));
    Line::from(spans)
}

pub(super) fn render_look_back(home: &Home, look: &LookBack, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let loading = || tr!("Sessies laden…", "Loading sessions…");
    let Some(listing) = super::loaded_or_say(&home.sessions, loading, area, buf) else {
        return;
    };
    if listing.total == 0 && listing.sessions.is_empty() {
        super::render_empty(
            tr!("Nog geen sessies.", "No sessions yet."),
            tr!(
                "Start een workshop of een solo reflectie: die verschijnen hier.",
                "Start a workshop or a solo reflection: they appear here."
            ),
            area,
            buf,
        );
        return;
    }
    let rows = home.look_back_rows();
    let search_height = u16::from(look.searching || !look.query.is_empty());
    let unreadable_height = u16::from(!listing.unreadable.is_empty() && area.height >= 8);
    let detail_height = if area.height >= 30 {
        10
    } else if area.height >= 16 {
        5
    } else {
        0
    };
    let [search, list, unreadable, detail] = Layout::vertical([
        Constraint::Length(search_height),
        Constraint::Max(rows.len().max(1) as u16 + 3),
        Constraint::Length(unreadable_height),
        Constraint::Min(detail_height),
    ])
    .areas(area);
    if search_height > 0 {
        // A full page may have more behind it: "500+ van 50000".
        let more = if rows.len() >= look.limit { "+" } else { "" };
        let found = tr!(
            "{}{more} van {}",
            "{}{more} of {}",
            rows.len(),
            listing.total
        );
        Paragraph::new(search_line(
            tr!("Zoeken: ", "Search: "),
            &look.query,
            look.searching,
            found,
            search.width,
        ))
        .render(search, buf);
    }
    let wide = list.width >= 140;
    let roomy = list.width >= 100;
    let narrow = list.width < 60;
    // Only the rows that fit are built: the window keeps the selection in view.
    let room = (list.height as usize).saturating_sub(if list.height >= 4 { 3 } else { 1 });
    let offset = (look.selected + 1).saturating_sub(room.max(1));
    let window = &rows[offset.min(rows.len())..(offset + room).min(rows.len())];
    let table_rows: Vec<Row> = window
        .iter()
        .map(|hit| {
            let s = &hit.summary;
            let status = if s.ended {
                Span::styled(tr!("afgerond", "finished"), theme::dim())
            } else if hit.running {
                Span::styled(tr!("loopt nu", "running now"), theme::timer_running())
            } else {
                Span::styled(tr!("onderbroken", "interrupted"), theme::accent())
            };
            let date = if narrow {
                s.started.format("%d-%m %H:%M").to_string()
            } else {
                s.started.format("%d-%m-%Y %H:%M").to_string()
            };
            let title = if hit.archive {
                tr!("{} (archief)", "{} (archive)", s.title)
            } else {
                s.title.clone()
            };
            let mut cells = vec![Cell::from(date), Cell::from(title)];
            if wide {
                cells.push(Cell::from(s.plan_title.clone()));
            }
            if roomy {
                cells.push(Cell::from(counts(s.notes, s.agreements)));
            }
            if !narrow {
                cells.push(Cell::from(Line::from(status)));
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(if narrow { 11 } else { 16 }),
        Constraint::Min(10),
    ];
    let mut header = vec![tr!("Datum", "Date"), tr!("Titel", "Title")];
    if wide {
        widths.push(Constraint::Length(32));
        header.push(tr!("Werkvorm", "Plan"));
    }
    if roomy {
        widths.push(Constraint::Length(26));
        header.push(tr!("Notities · afspraken", "Notes · agreements"));
    }
    if !narrow {
        widths.push(Constraint::Length(12));
        header.push(tr!("Status", "Status"));
    }
    let title = if home.look_back_search().is_some() {
        tr!(
            " Gevonden, beste treffer eerst ",
            " Found, best match first "
        )
    } else {
        tr!(
            " Eerdere sessies, nieuwste eerst ",
            " Past sessions, newest first "
        )
    };
    let block = if list.height >= 4 {
        Block::default()
            .borders(Borders::ALL)
            .title(Line::styled(title, theme::title()))
    } else {
        Block::default()
    };
    let mut state = TableState::default().with_selected(Some(look.selected.saturating_sub(offset)));
    StatefulWidget::render(
        Table::new(table_rows, widths)
            .header(Row::new(header).style(theme::dim()))
            .block(block)
            .row_highlight_style(theme::selected())
            .highlight_symbol("▶ ")
            .highlight_spacing(HighlightSpacing::Always)
            .column_spacing(2),
        list,
        buf,
        &mut state,
    );
    if rows.is_empty() && list.height > 3 {
        Paragraph::new(Line::styled(
            tr!("Geen sessie gevonden.", "No session found."),
            theme::dim(),
        ))
        .render(
            Rect {
                x: list.x + 2,
                y: list.y + 2,
                width: list.width.saturating_sub(4),
                height: 1,
            },
            buf,
        );
    }
    if unreadable_height > 0 {
        let n = listing.unreadable.len();
        Paragraph::new(Line::styled(
            tr!(
                "{n} sessiebestand(en) onleesbaar: zie `tafel sessions`",
                "{n} session file(s) unreadable: see `tafel sessions`"
            ),
            theme::dim(),
        ))
        .render(unreadable, buf);
    }
    if detail_height > 0
        && let Some(hit) = rows.get(look.selected)
    {
        let s = &hit.summary;
        let mut lines = vec![
            Line::styled(s.title.clone(), theme::title()),
            Line::styled(
                format!(
                    "{} · {} · {}",
                    s.plan_title,
                    tr!("duur {}", "duration {}", duration_text(s.spent_ms)),
                    counts(s.notes, s.agreements)
                ),
                theme::dim(),
            ),
        ];
        if !s.participants.is_empty() {
            lines.push(Line::styled(
                tr!(
                    "Deelnemers: {}",
                    "Participants: {}",
                    s.participants.join(", ")
                ),
                theme::dim(),
            ));
        }
        if hit.running {
            lines.push(Line::styled(
                tr!(
                    "Loopt nu in een andere tafel; meekijken: tafel room {}",
                    "Running now in another tafel; to follow it: tafel room {}",
                    s.id
                ),
                theme::timer_running(),
            ));
        }
        if hit.archive {
            lines.push(Line::styled(
                tr!(
                    "Uit het archief {} (alleen-lezen)",
                    "From the archive {} (read-only)",
                    hit.path
                        .parent()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default()
                ),
                theme::dim(),
            ));
        }
        if let Some(snippet) = &hit.snippet {
            lines.push(snippet_line(snippet));
        }
        for agreement in &s.open_agreements {
            let mut text = format!("• {}", agreement.text.lines().next().unwrap_or_default());
            if let Some(owner) = &agreement.owner {
                text.push_str(&tr!(" — wie: {owner}", " — who: {owner}"));
            }
            if let Some(due) = &agreement.due {
                text.push_str(&tr!(" — wanneer: {due}", " — when: {due}"));
            }
            lines.push(Line::styled(text, theme::agreement()));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::default().padding(Padding::horizontal(1)))
            .render(detail, buf);
    }
}

/// "Gevonden: …met de wethouder over…" with the matching words highlighted.
fn snippet_line(snippet: &str) -> Line<'static> {
    use crate::history::index::{MARK_END, MARK_START};
    let mut spans = vec![Span::styled(tr!("Gevonden: ", "Found: "), theme::dim())];
    let mut marked = false;
    let mut part = String::new();
    let flush = |part: &mut String, marked: bool, spans: &mut Vec<Span<'static>>| {
        if !part.is_empty() {
            let style = if marked {
                theme::accent()
            } else {
                theme::dim()
            };
            spans.push(Span::styled(std::mem::take(part), style));
        }
    };
    for c in snippet.chars() {
        match c {
            MARK_START | MARK_END => {
                flush(&mut part, marked, &mut spans);
                marked = c == MARK_START;
            }
            c if c.is_control() => {}
            c => part.push(c),
        }
    }
    flush(&mut part, marked, &mut spans);
    Line::from(spans)
}

pub(super) fn counts(notes: usize, agreements: usize) -> String {
    let notes = match notes {
        1 => tr!("1 notitie", "1 note"),
        n => tr!("{n} notities", "{n} notes"),
    };
    let agreements = match agreements {
        1 => tr!("1 afspraak", "1 agreement"),
        n => tr!("{n} afspraken", "{n} agreements"),
    };
    format!("{notes} · {agreements}")
}
