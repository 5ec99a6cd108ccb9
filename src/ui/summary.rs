//! The summary after the last round: planned against used time per round, what was noted,
//! and where the session is kept.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
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

fn parts(app: &App, area: Rect) -> Summary<'static> {
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
    let compact = area.width < 50;
    let table_height = if compact { 0 } else { rows.len() as u16 + 1 };
    let total_planned: u64 = session
        .rounds
        .iter()
        .filter(|r| !r.skipped)
        .filter_map(|r| r.planned_ms())
        .sum();
    let total_used: u64 = session.rounds.iter().map(|r| r.spent_ms).sum();
    let mut body = vec![
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
    body.extend(group_lines(app));
    body.extend(agreement_lines(app));
    let id = &app.session_id;
    let saved_in = Line::from(tr!("Opgeslagen in: {}", "Saved in: {}", app.session_path));
    let export_line = Line::from(tr!(
        "Exporteren: tafel export {id} -o verslag.md",
        "Export: tafel export {id} -o report.md"
    ));
    // An export just written: where it is.
    let status = match &app.status {
        Some(crate::app::Status::Info(text)) => Some(Line::styled(text.clone(), theme::accent())),
        Some(crate::app::Status::Error(text)) => Some(Line::styled(text.clone(), theme::error())),
        None => None,
    };
    Summary {
        compact,
        rows,
        header,
        table_height,
        body,
        saved_in,
        export_line,
        status,
    }
}

/// The summary's parts, laid out by [`render`] and measured by [`scroll_end`].
struct Summary<'a> {
    compact: bool,
    rows: Vec<Row<'a>>,
    header: Row<'a>,
    table_height: u16,
    /// The totals, the group work and the agreements.
    body: Vec<Line<'static>>,
    saved_in: Line<'static>,
    export_line: Line<'static>,
    status: Option<Line<'static>>,
}

/// Lines a paragraph of `lines` takes at `width`, wrapped as the summary wraps.
fn height(lines: &[Line<'static>], width: u16) -> u16 {
    let n = Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: true })
        .line_count(width);
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The keys, one line: scrolling too when the summary does not fit.
fn hints_line(app: &App, scrolls: bool) -> Line<'static> {
    use crate::app::mode_keys::{SUMMARY, SummaryKey};
    let mut order = vec![SummaryKey::Export];
    if !app.is_solo() {
        order.push(SummaryKey::KeepAsPlan);
    }
    if scrolls {
        order.push(SummaryKey::Down);
    }
    order.push(SummaryKey::Close);
    Line::styled(SUMMARY.hints(&order).join(" · "), theme::accent())
}

/// Where the summary's parts go on `inner`: everything in one column when it fits;
/// otherwise the saved-in line, a status and the keys pinned at the bottom and the rest
/// scrolling above them (`end`: how far). Small screens (`compact`) keep the keys on top.
struct Placed {
    /// The pinned lines and their height; on top when compact, else at the bottom.
    pinned: Vec<Line<'static>>,
    pinned_height: u16,
    /// The lines under the table that scroll.
    scrolled: Vec<Line<'static>>,
    end: u16,
}

fn place(app: &App, summary: &Summary, inner: Rect) -> Placed {
    let width = inner.width;
    let mut tail = vec![summary.saved_in.clone(), summary.export_line.clone()];
    tail.extend(summary.status.clone());
    if summary.compact {
        // How to leave comes first where little fits.
        // (↓ is on the border: the keys' line stays as short as it can.)
        let pinned = vec![hints_line(app, false)];
        let pinned_height = height(&pinned, width);
        let mut scrolled = summary.body.clone();
        scrolled.extend(tail);
        scrolled.retain(|l| l.width() > 0);
        let room = inner.height.saturating_sub(pinned_height);
        let end = height(&scrolled, width).saturating_sub(room);
        return Placed {
            pinned,
            pinned_height,
            scrolled,
            end,
        };
    }
    let mut all = summary.body.clone();
    all.extend(tail);
    all.extend([Line::default(), hints_line(app, false)]);
    if summary.table_height + height(&all, width) <= inner.height {
        return Placed {
            pinned: Vec::new(),
            pinned_height: 0,
            scrolled: all,
            end: 0,
        };
    }
    let mut pinned = vec![summary.saved_in.clone()];
    pinned.extend(summary.status.clone());
    pinned.push(hints_line(app, true));
    let pinned_height = height(&pinned, width).min(inner.height);
    let mut scrolled = summary.body.clone();
    scrolled.push(summary.export_line.clone());
    let room = inner.height - pinned_height;
    let end = (summary.table_height + height(&scrolled, width)).saturating_sub(room);
    Placed {
        pinned,
        pinned_height,
        scrolled,
        end,
    }
}

/// How many lines the summary scrolls on a screen of `area` (0: it fits).
pub fn scroll_end(app: &App, area: Rect) -> u16 {
    let summary = parts(app, area);
    let inner = Block::default().borders(Borders::ALL).inner(area);
    place(app, &summary, inner).end
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let summary = parts(app, area);
    let mut block = Block::default().borders(Borders::ALL).title(Line::styled(
        tr!(" Samenvatting: {} ", " Summary: {} ", app.session.title),
        theme::title(),
    ));
    let inner = block.inner(area);
    let placed = place(app, &summary, inner);
    let offset = app.summary_scroll.min(placed.end);
    if placed.end > 0 {
        // Where the screen is in the summary, on the bottom border.
        let mark = match (offset > 0, offset < placed.end) {
            (false, _) => tr!(" ↓ meer ", " ↓ more "),
            (true, true) => tr!(" ↑↓ meer ", " ↑↓ more "),
            (true, false) => tr!(" ↑ einde ", " ↑ end "),
        };
        block = block.title_bottom(Line::styled(mark, theme::dim()).right_aligned());
    }
    block.render(area, buf);
    let (pinned_area, scroll_area) = if summary.compact {
        let [top, rest] =
            Layout::vertical([Constraint::Length(placed.pinned_height), Constraint::Min(0)])
                .areas(inner);
        (top, rest)
    } else {
        let [rest, bottom] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(placed.pinned_height)])
                .areas(inner);
        (bottom, rest)
    };
    Paragraph::new(placed.pinned)
        .wrap(Wrap { trim: true })
        .render(pinned_area, buf);
    // The table scrolls away first (its header stays while rows show), then the text.
    let table_shown = summary.table_height.saturating_sub(offset);
    let [table_area, rest] = Layout::vertical([
        Constraint::Length(table_shown.min(scroll_area.height)),
        Constraint::Min(0),
    ])
    .areas(scroll_area);
    Table::new(
        summary.rows.into_iter().skip(usize::from(offset)),
        [
            Constraint::Min(20),
            Constraint::Length(14),
            Constraint::Length(14),
            Constraint::Length(9),
        ],
    )
    .header(summary.header)
    .render(table_area, buf);
    Paragraph::new(placed.scrolled)
        .wrap(Wrap { trim: true })
        .scroll((offset.saturating_sub(summary.table_height), 0))
        .render(rest, buf);
}

/// The agreements, to read back to the group before it leaves.
fn agreement_lines(app: &App) -> Vec<Line<'static>> {
    let session = &app.session;
    let day = session.started_at.date_naive();
    let agreed: Vec<_> = session
        .live_notes()
        .filter(|n| n.kind == NoteKind::Agreement)
        .collect();
    let mut lines = Vec::new();
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
    lines
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
