//! Planned against actual minutes per round, as a bar chart.

use super::*;

// ----- Planned against actual minutes ---------------------------------------------------------

/// Per round: number, title, planned and actual ms, as the session stood at `t`.
pub(super) fn round_minutes(session: &Session, t: u64) -> Vec<(usize, String, u64, u64, bool)> {
    session
        .rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let running = session.current == Some(i);
            let planned = r.planned_ms().unwrap_or(r.spent_ms);
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

pub(super) fn minutes_text(ms: u64) -> String {
    ((ms + 30_000) / 60_000).to_string()
}

pub(super) fn planned_style() -> Style {
    theme::dim()
}

pub(super) fn actual_style(planned: u64, actual: u64) -> Style {
    if actual > planned {
        theme::timer_overtime()
    } else {
        theme::accent()
    }
}

fn actual_bar_style(planned: u64, actual: u64) -> Style {
    if actual > planned {
        theme::bar_over()
    } else {
        theme::bar_actual()
    }
}

/// The minutes on an actual bar; over time is marked in the text too ("15+"), so it does
/// not depend on telling colours apart.
fn actual_label(planned: u64, actual: u64) -> String {
    let minutes = minutes_text(actual);
    if actual > planned {
        format!("{minutes}+")
    } else {
        minutes
    }
}

pub(super) fn render_bars(replay: &Replay, area: Rect, buf: &mut Buffer) {
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
                        .style(theme::bar_planned())
                        .value_style(theme::bar_planned().add_modifier(Modifier::REVERSED)),
                    Bar::default()
                        .value(actual / 1000)
                        .text_value(actual_label(*planned, *actual))
                        .style(actual_bar_style(*planned, *actual))
                        .value_style(
                            actual_bar_style(*planned, *actual).add_modifier(Modifier::REVERSED),
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

    // The legend names each bar by its place and label as well as its colour.
    let mut lines = vec![Line::from(vec![
        Span::styled("██", theme::bar_planned()),
        Span::raw(tr!(" links: gepland   ", " left: planned   ")),
        Span::styled("██", theme::bar_actual()),
        Span::raw(tr!(" rechts: werkelijk   ", " right: actual   ")),
        Span::styled("██", theme::bar_over()),
        Span::raw(tr!(
            " 15+ = langer dan gepland",
            " 15+ = longer than planned"
        )),
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
                    tr!(" gepland {:>7}", " planned {:>7}", duration_text(*planned)),
                    planned_style(),
                ),
                Span::styled(
                    tr!(
                        "  werkelijk {:>7}",
                        "  actual {:>7}",
                        duration_text(*actual)
                    ),
                    actual_style(*planned, *actual),
                ),
            ];
            if *actual > 0 {
                let diff = if diff.unsigned_abs() < 1000 {
                    tr!("  op tijd", "  on time")
                } else {
                    format!("  {sign}{}", duration_text(diff.unsigned_abs()))
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
                "totaal: gepland {} · werkelijk {}",
                "total: planned {} · actual {}",
                duration_text(planned_total),
                duration_text(actual_total)
            ),
            theme::title(),
        ),
    );
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(legend_area, buf);
}
