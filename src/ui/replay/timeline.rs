//! The top of the replay: the header, the timeline of rounds, the event in words, the footer.

use super::*;
use crate::replay::keymap;

// ----- Header, timeline, event, footer ---------------------------------------------------------

pub(super) fn position_text(replay: &Replay) -> String {
    let n = replay.position() + 1;
    let total = replay.len();
    tr!("gebeurtenis {n} van {total}", "event {n} of {total}")
}

pub(super) fn play_text(replay: &Replay) -> String {
    match &replay.playing {
        Some(play) => tr!("▶ speelt {}×", "▶ playing {}×", play.speed),
        None => tr!("❚❚ stil ({}×)", "❚❚ paused ({}×)", replay.speed),
    }
}

pub(super) fn render_header(replay: &Replay, area: Rect, buf: &mut Buffer) {
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

pub(super) fn segment_style(i: usize, current: bool) -> Style {
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
pub(super) fn column(t: u64, total: u64, width: u16) -> u16 {
    (u128::from(t.min(total)) * u128::from(width) / u128::from(total.max(1))) as u16
}

/// The rounds as segments along the session's time, and a marker under the position.
pub(super) fn render_timeline(replay: &Replay, area: Rect, buf: &mut Buffer) {
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
        duration_text(replay.shown_t())
    );
    let label_width = label.width() as u16;
    let marker = if at + label_width <= width {
        format!("{}{label}", " ".repeat(usize::from(at)))
    } else {
        // Too close to the right edge: the text goes before the marker.
        let text = format!(
            "{} · {} ▲",
            replay.record().at.format("%H:%M:%S"),
            duration_text(replay.shown_t())
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

/// `text` cut (ending in "…") or padded to exactly `width` columns.
pub(super) fn fit(text: &str, width: usize) -> String {
    let cut = crate::ui::text::ellipsize(text, width);
    let used = crate::ui::text::width(&cut);
    cut + &" ".repeat(width.saturating_sub(used))
}

pub(super) fn render_event(replay: &Replay, area: Rect, buf: &mut Buffer) {
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

pub(super) fn render_footer(replay: &Replay, area: Rect, buf: &mut Buffer) {
    let (left, style) = match &replay.status {
        Some(message) => (format!(" {message}"), theme::accent()),
        None => {
            let order = if area.width >= 110 {
                keymap::WIDE_FOOTER
            } else {
                keymap::NARROW_FOOTER
            };
            (
                crate::ui::fit_hints(&keymap::REPLAY.hints(order), area.width),
                theme::dim(),
            )
        }
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
