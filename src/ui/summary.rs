//! The summary after the last round: planned against used time per round, what was noted,
//! and where the session is kept.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Widget, Wrap};

use super::theme;
use crate::app::App;
use crate::session::NoteKind;
use crate::text::duration_text;
use crate::tr;

/// "1 notitie", "3 notities".
fn count(n: usize, one: String, many: String) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.session;
    let notes = session
        .live_notes()
        .filter(|n| n.kind == NoteKind::Note)
        .count();
    let agreements = session
        .live_notes()
        .filter(|n| n.kind == NoteKind::Agreement)
        .count();
    let header = Row::new(vec![
        Cell::from(tr!("ronde", "round")),
        Cell::from(tr!("gepland", "planned")),
        Cell::from(tr!("gebruikt", "used")),
        Cell::from(tr!("notities", "notes")),
    ])
    .style(theme::title());
    let rows: Vec<Row> = session
        .rounds
        .iter()
        .enumerate()
        .map(|(i, round)| {
            let planned = round
                .planned_ms()
                .map_or_else(|| tr!("tot kloktijd", "until a time"), duration_text);
            let used = if round.skipped && round.spent_ms == 0 {
                tr!("overgeslagen", "skipped")
            } else {
                duration_text(round.spent_ms)
            };
            Row::new(vec![
                Cell::from(format!("{}. {}", i + 1, round.round.title)),
                Cell::from(planned),
                Cell::from(used),
                Cell::from(session.notes_of_round(i).count().to_string()),
            ])
        })
        .collect();
    // A screen too small for the table still shows the totals, the file and how to leave.
    let compact = area.width < 50 || area.height < rows.len() as u16 + 10;
    let table_height = if compact { 0 } else { rows.len() as u16 + 1 };
    let total_planned: u64 = session
        .rounds
        .iter()
        .filter(|r| !r.skipped)
        .filter_map(|r| r.planned_ms())
        .sum();
    let total_used: u64 = session.rounds.iter().map(|r| r.spent_ms).sum();
    let block = Block::default().borders(Borders::ALL).title(Line::styled(
        tr!(" Samenvatting: {} ", " Summary: {} ", session.title),
        theme::title(),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let [table_area, rest] = ratatui::layout::Layout::vertical([
        Constraint::Length(table_height.min(inner.height)),
        Constraint::Min(0),
    ])
    .areas(inner);
    Table::new(
        rows,
        [
            Constraint::Min(20),
            Constraint::Length(14),
            Constraint::Length(14),
            Constraint::Length(9),
        ],
    )
    .header(header)
    .render(table_area, buf);
    let id = &app.session_id;
    let lines = vec![
        Line::default(),
        Line::from(tr!(
            "Totaal: gepland {}, gebruikt {}. {}, {}.",
            "Total: planned {}, used {}. {}, {}.",
            duration_text(total_planned),
            duration_text(total_used),
            count(notes, tr!("notitie", "note"), tr!("notities", "notes")),
            count(
                agreements,
                tr!("afspraak", "agreement"),
                tr!("afspraken", "agreements")
            )
        )),
    ];
    let mut lines = lines;
    lines.extend(group_lines(app));
    // The agreements, to read back to the group before it leaves.
    let day = session.started_at.date_naive();
    let agreed: Vec<_> = session
        .live_notes()
        .filter(|n| n.kind == NoteKind::Agreement)
        .collect();
    if !agreed.is_empty() {
        lines.push(Line::styled(
            tr!("Afspraken:", "Agreements:"),
            theme::title(),
        ));
    }
    for note in agreed {
        let mut text = format!("• {}", note.text.lines().next().unwrap_or_default());
        if let Some(owner) = &note.owner {
            text.push_str(&tr!(" — wie: {owner}", " — who: {owner}"));
        }
        let date = crate::session::due::stored_or_read(note.due_date, note.due.as_deref(), day);
        if note.due.is_some() || date.is_some() {
            let when =
                crate::session::due::with_words(note.due.as_deref().unwrap_or_default(), date);
            text.push_str(&tr!(" — wanneer: {when}", " — when: {when}"));
        }
        lines.push(Line::from(text));
    }
    lines.extend([
        Line::from(tr!("Opgeslagen in: {}", "Saved in: {}", app.session_path)),
        Line::from(tr!(
            "Exporteren: tafel export {id} -o verslag.md",
            "Export: tafel export {id} -o report.md"
        )),
    ]);
    // An export just written: where it is.
    match &app.status {
        Some(crate::app::Status::Info(text)) => {
            lines.push(Line::styled(text.clone(), theme::accent()))
        }
        Some(crate::app::Status::Error(text)) => {
            lines.push(Line::styled(text.clone(), theme::error()))
        }
        None => {}
    }
    lines.extend([
        Line::default(),
        Line::styled(
            {
                use crate::app::mode_keys::{SUMMARY, SummaryKey};
                let order: &[SummaryKey] = if app.is_solo() {
                    &[SummaryKey::Export, SummaryKey::Close]
                } else {
                    &[
                        SummaryKey::Export,
                        SummaryKey::KeepAsPlan,
                        SummaryKey::Close,
                    ]
                };
                SUMMARY.hints(order).join(" · ")
            },
            theme::accent(),
        ),
    ]);
    if compact {
        // How to leave comes first where little fits.
        let keys = lines.pop().unwrap_or_default();
        lines.retain(|l| l.width() > 0);
        lines.insert(0, keys);
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(rest, buf);
}

/// The group work, one line each: every vote's result (or that it was not shown), the teams,
/// and the themes notes were grouped into.
fn group_lines(app: &App) -> Vec<Line<'static>> {
    let session = &app.session;
    let group = &session.group;
    let mut lines = Vec::new();
    for (round, vote) in &group.votes {
        let title = session
            .rounds
            .get(*round)
            .map(|r| r.round.title.clone())
            .unwrap_or_default();
        let result = if vote.revealed {
            let spec = session.vote_spec(*round);
            vote.ranking()
                .iter()
                .take(5)
                .map(|ranked| {
                    let option = vote.options.get(ranked.option).cloned().unwrap_or_default();
                    let amount = spec.map_or_else(
                        || ranked.total.to_string(),
                        |spec| spec.amount(ranked.total),
                    );
                    format!("{}. {option} ({amount})", ranked.place)
                })
                .collect::<Vec<_>>()
                .join(" · ")
        } else {
            tr!(
                "uitslag niet getoond ({} van {} gestemd)",
                "result not shown ({} of {} voted)",
                vote.ballots.len(),
                session.participants.len()
            )
        };
        lines.push(Line::from(tr!(
            "Stemming {title}: {result}",
            "Vote {title}: {result}"
        )));
    }
    if !group.teams.is_empty() {
        let teams = group
            .teams
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{} ({})", i + 1, t.join(", ")))
            .collect::<Vec<_>>()
            .join(" · ");
        lines.push(Line::from(tr!("Teams: {teams}", "Teams: {teams}")));
    }
    let mut per_team: std::collections::BTreeMap<usize, usize> = Default::default();
    for team in session.live_notes().filter_map(|n| n.team.as_ref()) {
        *per_team.entry(team.index).or_default() += 1;
    }
    if !per_team.is_empty() {
        let list = per_team
            .iter()
            .map(|(team, n)| format!("{} ({n})", crate::session::groupwork::team_label(*team)))
            .collect::<Vec<_>>()
            .join(" · ");
        lines.push(Line::from(tr!(
            "Notities per team: {list}",
            "Notes per team: {list}"
        )));
    }
    let themes: Vec<String> = session
        .themes()
        .iter()
        .map(|t| format!("{} ({})", t.name, session.theme_notes(t).count()))
        .collect();
    if !themes.is_empty() {
        lines.push(Line::from(tr!(
            "Thema's: {}",
            "Themes: {}",
            themes.join(" · ")
        )));
    }
    lines
}
