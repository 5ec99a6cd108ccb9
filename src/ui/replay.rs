//! The replay screen: a timeline of the rounds, the event being shown in words, and the
//! session as it stood at that moment; or a chart of planned against actual minutes, or
//! the agreements. Only draws: it reads the `Replay` and never changes it. Three layouts
//! like the round screen (large from about 100×30, medium from 60×18, minimal below).

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
use crate::session::timer::clock_text;
use crate::session::{Event, NoteKind, Session};
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
    } else if let Some(text) = &replay.search_box {
        render_search(text, area, buf);
    }
}

fn render_full(replay: &Replay, size: Size, area: Rect, buf: &mut Buffer) {
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

// ----- Header, timeline, event, footer ---------------------------------------------------------

fn position_text(replay: &Replay) -> String {
    let n = replay.position() + 1;
    let total = replay.len();
    tr!("gebeurtenis {n} van {total}", "event {n} of {total}")
}

fn play_text(replay: &Replay) -> String {
    match &replay.playing {
        Some(play) => tr!("▶ speelt {}×", "▶ playing {}×", play.speed),
        None => tr!("❚❚ stil ({}×)", "❚❚ paused ({}×)", replay.speed),
    }
}

fn render_header(replay: &Replay, area: Rect, buf: &mut Buffer) {
    let session = replay.session();
    let position = if area.width >= 100 {
        position_text(replay)
    } else {
        format!("{}/{}", replay.position() + 1, replay.len())
    };
    let right = format!(
        "  {position} · {} · {} ",
        round::round_label(session),
        play_text(replay)
    );
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right.width() as u16)])
            .areas(area);
    let title = Line::from(vec![
        Span::styled(tr!(" Terugkijken: ", " Replay: "), theme::dim()),
        Span::styled(session.title.clone(), theme::title()),
    ]);
    Paragraph::new(title).render(left_area, buf);
    Paragraph::new(Line::styled(right, theme::accent()).alignment(Alignment::Right))
        .render(right_area, buf);
}

fn segment_style(i: usize, current: bool) -> Style {
    // The theme's styles, so the timeline follows --theme like everything else.
    if current {
        theme::timer_last_minute()
    } else if i.is_multiple_of(2) {
        theme::selected()
    } else {
        theme::card_border().add_modifier(Modifier::REVERSED)
    }
}

/// The cell of session time `t` on a line of `width` cells covering `0..=total`; `total`
/// itself is just past the last cell.
fn column(t: u64, total: u64, width: u16) -> u16 {
    (u128::from(t.min(total)) * u128::from(width) / u128::from(total.max(1))) as u16
}

/// The rounds as segments along the session's time, and a marker under the position.
fn render_timeline(replay: &Replay, area: Rect, buf: &mut Buffer) {
    let area = area.inner(Margin::new(1, 0));
    if area.is_empty() {
        return;
    }
    let width = area.width;
    let total = replay.records().last().map_or(0, |r| r.t);
    let visits = replay.visits();
    let current = replay.visit();
    // Which visit owns each column (the later one where they share a column).
    let mut owner: Vec<Option<usize>> = vec![None; usize::from(width)];
    for (i, visit) in visits.iter().enumerate() {
        let from = column(visit.start_t, total, width);
        let from = from.min(width - 1);
        let to = column(visit.end_t, total, width).max(from + 1).min(width);
        for cell in &mut owner[usize::from(from)..usize::from(to)] {
            *cell = Some(i);
        }
    }
    let mut spans = Vec::new();
    let mut x = 0;
    while x < owner.len() {
        let run = owner[x..].iter().take_while(|o| **o == owner[x]).count();
        match owner[x] {
            Some(i) => {
                let visit = &visits[i];
                let label = format!("{} {}", visit.number, visit.title);
                // A space at the end keeps neighbouring labels apart.
                let label = if run >= 4 {
                    fit(&label, run - 1) + " "
                } else {
                    fit(&label, run)
                };
                spans.push(Span::styled(label, segment_style(i, current == Some(i))));
            }
            None => spans.push(Span::styled("·".repeat(run), theme::dim())),
        }
        x += run;
    }
    Line::from(spans).render(Rect { height: 1, ..area }, buf);
    if area.height < 2 {
        return;
    }
    let at = column(replay.shown_t(), total, width).min(width - 1);
    let label = format!(
        "▲ {} · {}",
        replay.record().at.format("%H:%M:%S"),
        clock_text(replay.shown_t(), false)
    );
    let label_width = label.width() as u16;
    let marker = if at + label_width <= width {
        format!("{}{label}", " ".repeat(usize::from(at)))
    } else {
        // Too close to the right edge: the text goes before the marker.
        let text = format!(
            "{} · {} ▲",
            replay.record().at.format("%H:%M:%S"),
            clock_text(replay.shown_t(), false)
        );
        let start = (at + 1).saturating_sub(text.width() as u16);
        format!("{}{text}", " ".repeat(usize::from(start)))
    };
    Line::styled(marker, theme::accent()).render(
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
        buf,
    );
}

/// `text` cut or padded to exactly `width` columns.
fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(&" ".repeat(width - used));
    out
}

fn render_event(replay: &Replay, area: Rect, buf: &mut Buffer) {
    let [time_area, text_area] =
        Layout::horizontal([Constraint::Length(7), Constraint::Min(0)]).areas(area);
    let time = format!(" {} ", replay.record().at.format("%H:%M"));
    Paragraph::new(Line::styled(time, theme::accent())).render(time_area, buf);
    Paragraph::new(Line::styled(
        replay.description().to_string(),
        theme::title(),
    ))
    .wrap(Wrap { trim: false })
    .render(text_area, buf);
}

fn render_footer(replay: &Replay, area: Rect, buf: &mut Buffer) {
    let (left, style) = match &replay.status {
        Some(message) => (format!(" {message}"), theme::accent()),
        None if area.width >= 110 => (
            tr!(
                " ←/→ gebeurtenis · [ ] ronde · Home/End · spatie afspelen · 1-4 snelheid · b grafiek · a afspraken · / zoeken · ? hulp · q stop",
                " ←/→ event · [ ] round · Home/End · space play · 1-4 speed · b chart · a agreements · / search · ? help · q quit"
            ),
            theme::dim(),
        ),
        None => (
            tr!(
                " ←/→ · [ ] ronde · spatie · b grafiek · a afspraken · / zoek · ? hulp",
                " ←/→ · [ ] round · space · b chart · a agreements · / search · ? help"
            ),
            theme::dim(),
        ),
    };
    let right = match replay.torn_line {
        Some(line) => tr!(
            " laatste regel onvolledig (regel {line}) ",
            " last line incomplete (line {line}) "
        ),
        None => String::new(),
    };
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right.width() as u16)])
            .areas(area);
    Paragraph::new(Line::styled(left, style)).render(left_area, buf);
    Paragraph::new(Line::styled(right, theme::error())).render(right_area, buf);
}

// ----- The moment: the round screen as it stood ---------------------------------------------

fn render_moment(replay: &Replay, size: Size, area: Rect, buf: &mut Buffer) {
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
fn touched_note(replay: &Replay) -> Option<u64> {
    match &replay.record().event {
        Event::NoteAdded { id, .. } | Event::NoteEdited { id, .. } | Event::NoteDeleted { id } => {
            Some(*id)
        }
        _ => None,
    }
}

/// A note as the replay shows it: corrections and deletions marked.
fn replay_note_line(note: &Note) -> Line<'static> {
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

fn render_notes(replay: &Replay, area: Rect, buf: &mut Buffer) {
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

// ----- Planned against actual minutes ---------------------------------------------------------

/// Per round: number, title, planned and actual ms, as the session stood at `t`.
fn round_minutes(session: &Session, t: u64) -> Vec<(usize, String, u64, u64, bool)> {
    session
        .rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let running = session.current == Some(i);
            let planned = if running {
                r.spent_ms + session.timer.planned_ms
            } else {
                r.planned_ms().unwrap_or(r.spent_ms)
            };
            let actual = r.spent_ms
                + if running {
                    session.timer.elapsed_ms(t)
                } else {
                    0
                };
            (i + 1, r.round.title.clone(), planned, actual, r.skipped)
        })
        .collect()
}

fn minutes_text(ms: u64) -> String {
    ((ms + 30_000) / 60_000).to_string()
}

fn planned_style() -> Style {
    theme::dim()
}

fn actual_style(planned: u64, actual: u64) -> Style {
    if actual > planned {
        theme::timer_overtime()
    } else {
        theme::accent()
    }
}

fn render_bars(replay: &Replay, area: Rect, buf: &mut Buffer) {
    let session = replay.session();
    let rows = round_minutes(session, replay.shown_t());
    let block = Block::default().borders(Borders::TOP).title(Line::styled(
        tr!(
            " Minuten per ronde: gepland en werkelijk, tot dit moment ",
            " Minutes per round: planned and actual, up to this moment "
        ),
        theme::dim(),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = inner.inner(Margin::new(1, 0));
    if inner.is_empty() || rows.is_empty() {
        return;
    }
    let n = rows.len() as u16;
    let names = rows
        .iter()
        .map(|(number, title, ..)| format!("{number} {title}"))
        .collect::<Vec<_>>()
        .join(" · ");
    // A table under the chart when there is room for it, else the names in a few lines.
    let table = inner.height >= n + 14;
    let names_height = (names.width() as u16).div_ceil(inner.width).min(3);
    let table_height = if table { n + 2 } else { 2 + names_height };
    let [chart_area, legend_area] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(table_height.min(inner.height)),
    ])
    .areas(inner);

    let group_gap = if inner.width >= 4 * n { 2 } else { 1 };
    let room = inner.width.saturating_sub(n.saturating_sub(1) * group_gap);
    let bar_width = (room / (2 * n)).clamp(1, 7);
    let fits = 2 * n * bar_width + n.saturating_sub(1) * group_gap <= inner.width;
    if fits && chart_area.height >= 4 {
        let max = rows
            .iter()
            .map(|r| r.2.max(r.3) / 1000)
            .max()
            .unwrap_or(0)
            .max(1);
        let groups: Vec<BarGroup> = rows
            .iter()
            .map(|(number, _, planned, actual, _)| {
                let bars = [
                    Bar::default()
                        .value(planned / 1000)
                        .text_value(minutes_text(*planned))
                        .style(planned_style())
                        .value_style(theme::timer_paused()),
                    Bar::default()
                        .value(actual / 1000)
                        .text_value(minutes_text(*actual))
                        .style(actual_style(*planned, *actual))
                        .value_style(
                            actual_style(*planned, *actual).add_modifier(Modifier::REVERSED),
                        ),
                ];
                BarGroup::default()
                    .label(Line::from(number.to_string()).alignment(Alignment::Center))
                    .bars(&bars)
            })
            .collect();
        let mut chart = BarChart::default()
            .bar_width(bar_width)
            .bar_gap(0)
            .group_gap(group_gap)
            .max(max);
        for group in groups {
            chart = chart.data(group);
        }
        chart.render(chart_area, buf);
    }

    let mut lines = vec![Line::from(vec![
        Span::styled("██", planned_style()),
        Span::raw(tr!(" gepland   ", " planned   ")),
        Span::styled("██", theme::accent()),
        Span::raw(tr!(" werkelijk   ", " actual   ")),
        Span::styled("██", theme::timer_overtime()),
        Span::raw(tr!(" langer dan gepland", " longer than planned")),
    ])];
    let planned_total: u64 = rows.iter().filter(|r| !r.4).map(|r| r.2).sum();
    let actual_total: u64 = rows.iter().map(|r| r.3).sum();
    if table {
        for (number, title, planned, actual, skipped) in &rows {
            let diff = *actual as i64 - *planned as i64;
            let sign = if diff > 0 { "+" } else { "−" };
            let mut spans = vec![
                Span::styled(format!("{number:>3}. "), theme::dim()),
                Span::raw(fit(title, 36)),
                Span::styled(
                    tr!(
                        " gepland {:>3} min",
                        " planned {:>3} min",
                        minutes_text(*planned)
                    ),
                    planned_style(),
                ),
                Span::styled(
                    tr!(
                        "  werkelijk {:>7}",
                        "  actual {:>7}",
                        clock_text(*actual, false)
                    ),
                    actual_style(*planned, *actual),
                ),
            ];
            if *actual > 0 {
                let diff = if diff.unsigned_abs() < 1000 {
                    tr!("  op tijd", "  on time")
                } else {
                    format!("  {sign}{}", clock_text(diff.unsigned_abs(), false))
                };
                spans.push(Span::styled(diff, theme::dim()));
            }
            if *skipped {
                spans.push(Span::styled(
                    tr!("  (overgeslagen)", "  (skipped)"),
                    theme::dim(),
                ));
            }
            lines.push(Line::from(spans));
        }
    } else {
        lines.push(Line::styled(names, theme::dim()));
    }
    lines.insert(
        1,
        Line::styled(
            tr!(
                "totaal: gepland {} min · werkelijk {}",
                "total: planned {} min · actual {}",
                minutes_text(planned_total),
                clock_text(actual_total, false)
            ),
            theme::title(),
        ),
    );
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(legend_area, buf);
}

// ----- Agreements -----------------------------------------------------------------------------

fn render_agreements(replay: &Replay, area: Rect, buf: &mut Buffer) {
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

// ----- Small screens and overlays -----------------------------------------------------------

fn render_minimal(replay: &Replay, area: Rect, buf: &mut Buffer) {
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
    vec![
        (
            "→ / ←".into(),
            tr!("gebeurtenis verder / terug", "event forward / back"),
        ),
        (
            "] / [".into(),
            tr!(
                "begin van de volgende / vorige ronde (ook PgDn / PgUp)",
                "start of the next / previous round (also PgDn / PgUp)"
            ),
        ),
        (
            "Home / End".into(),
            tr!("eerste / laatste gebeurtenis", "first / last event"),
        ),
        (
            tr!("spatie", "space"),
            tr!("afspelen / stilzetten", "play / pause"),
        ),
        (
            "1 2 3 4".into(),
            tr!(
                "snelheid 1×, 10×, 60×, 300× van de echte tijd",
                "speed 1×, 10×, 60×, 300× of real time"
            ),
        ),
        (
            "b".into(),
            tr!(
                "grafiek: geplande en werkelijke minuten",
                "chart: planned and actual minutes"
            ),
        ),
        ("a".into(), tr!("alle afspraken", "all agreements")),
        (
            "/".into(),
            tr!("zoeken in notities en kaarten", "search notes and cards"),
        ),
        ("n".into(), tr!("volgende treffer", "next match")),
        ("?".into(), tr!("deze hulp", "this help")),
        (
            "q / Esc".into(),
            tr!(
                "stoppen (Esc sluit eerst grafiek of lijst)",
                "quit (Esc first closes a chart or list)"
            ),
        ),
    ]
}

fn render_help(area: Rect, buf: &mut Buffer) {
    overlays::render_key_help(
        help_lines(),
        tr!("Terugkijken — een toets sluit", "Replay — any key closes"),
        area,
        buf,
    );
}

fn render_search(text: &str, area: Rect, buf: &mut Buffer) {
    let rect = popup(area, 70, 4);
    Clear.render(rect, buf);
    Paragraph::new(vec![
        Line::from(vec![
            Span::styled(tr!("Zoeken: ", "Search: "), theme::dim()),
            Span::styled(format!("{text}▏"), theme::title()),
        ]),
        Line::styled(
            tr!(
                "Enter zoekt verder vanaf hier · Esc sluit",
                "Enter searches on from here · Esc closes"
            ),
            theme::dim(),
        ),
    ])
    .block(window(tr!("Zoeken", "Search")))
    .render(rect, buf);
}
