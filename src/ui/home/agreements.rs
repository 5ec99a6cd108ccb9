//! The open agreements across sessions, overdue first, to start a follow-up meeting from.

use super::*;
use crate::history::agreements::{when, when_date_first};
use crate::ui::text::ellipsize_words;

// ---------------------------------------------------------------------------------------------
// Agreements

pub(super) fn render_agreements(home: &Home, selected: usize, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let loading = || tr!("Afspraken laden…", "Loading agreements…");
    let Some(rows) = super::loaded_or_say(&home.agreements, loading, area, buf) else {
        return;
    };
    if rows.is_empty() {
        super::render_empty(
            tr!("Geen open afspraken.", "No open agreements."),
            tr!(
                "Afspraken uit een workshop (met wie en wanneer) verschijnen hier tot ze gedaan zijn.",
                "Agreements from a workshop (with who and when) appear here until they are done."
            ),
            area,
            buf,
        );
        return;
    }
    let detail_height = if area.height >= 16 { 5 } else { 0 };
    let [list, detail] = Layout::vertical([
        Constraint::Max(rows.len() as u16 + 3),
        Constraint::Min(detail_height),
    ])
    .areas(area);
    let narrow = list.width < 90;
    let room = (list.height as usize).saturating_sub(if list.height >= 4 { 3 } else { 1 });
    let offset = (selected + 1).saturating_sub(room.max(1));
    let window = &rows[offset.min(rows.len())..(offset + room).min(rows.len())];
    let when_width: u16 = if narrow { 24 } else { 30 };
    let table_rows: Vec<Row> = window
        .iter()
        .map(|a| {
            let status = if a.overdue {
                Span::styled(a.status.label(true), theme::error())
            } else {
                Span::styled(a.status.label(false), theme::dim())
            };
            let mut cells = vec![
                Cell::from(Line::from(status)),
                Cell::from(a.owner.clone().unwrap_or_else(|| "—".into())),
                // The resolved date first: a cut never hides it (new-user trial).
                Cell::from(ellipsize_words(
                    &when_date_first(a),
                    usize::from(when_width),
                )),
                Cell::from(a.text.lines().next().unwrap_or_default().to_string()),
            ];
            if !narrow {
                cells.push(Cell::from(a.session_title.clone()));
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(9),
        Constraint::Length(if narrow { 10 } else { 14 }),
        Constraint::Length(when_width),
        Constraint::Min(12),
    ];
    let mut header = vec![
        tr!("Status", "Status"),
        tr!("Wie", "Who"),
        tr!("Wanneer", "When"),
        tr!("Afspraak", "Agreement"),
    ];
    if !narrow {
        widths.push(Constraint::Length(26));
        header.push(tr!("Sessie", "Session"));
    }
    let block = if list.height >= 4 {
        Block::default().borders(Borders::ALL).title(Line::styled(
            tr!(
                " Open afspraken, te laat eerst ",
                " Open agreements, overdue first "
            ),
            theme::title(),
        ))
    } else {
        Block::default()
    };
    let mut state = TableState::default().with_selected(Some(selected.saturating_sub(offset)));
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
    if detail_height > 0
        && let Some(a) = rows.get(selected)
    {
        let lines = vec![
            Line::styled(a.text.replace('\n', " "), theme::title()),
            Line::from(tr!(
                "Wie: {} · wanneer: {}",
                "Who: {} · when: {}",
                a.owner.as_deref().unwrap_or("—"),
                when(a)
            )),
            Line::from(tr!(
                "Uit: {} ({}, werkvorm {})",
                "From: {} ({}, plan {})",
                a.session_title,
                a.session_day.format("%d-%m-%Y"),
                a.plan_id
            )),
            Line::styled(
                tr!(
                    "Enter: vervolgsessie met dezelfde werkvorm; de open afspraken komen eerst aan bod. p: een andere werkvorm.",
                    "Enter: follow-up meeting with the same plan; the open agreements come first. p: another plan."
                ),
                theme::dim(),
            ),
        ];
        render_details(lines, false, detail, buf);
    }
}
