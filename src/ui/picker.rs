//! Choosing a plan before a session starts: its rounds and total time at a glance.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

use super::theme;
use crate::catalog::timing::minutes_label;
use crate::catalog::{Plan, RoundLength};
use crate::home::picker::{PICKER, PickerKey};
use crate::tr;

pub fn render_plans(plans: &[&Plan], selected: usize, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    // The list takes at most a third of the screen (it scrolls to the selected plan), so the
    // rounds of the selected plan stay in view even with many plans.
    let list_height = (plans.len() as u16 + 2).min((area.height / 3).max(5));
    let [list_area, detail_area, hint_area] = Layout::vertical([
        Constraint::Length(list_height),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let items: Vec<ListItem> = plans
        .iter()
        .map(|plan| {
            ListItem::new(tr!(
                "{}  ({} rondes, {} min)",
                "{}  ({} rounds, {} min)",
                plan.title,
                plan.rounds.len(),
                minutes_label(plan, None)
            ))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(selected));
    StatefulWidget::render(
        List::new(items)
            .block(Block::default().borders(Borders::ALL).title(Line::styled(
                tr!(" Kies een werkvorm ", " Choose a plan "),
                theme::title(),
            )))
            .highlight_style(theme::selected())
            .highlight_symbol("▶ "),
        list_area,
        buf,
        &mut state,
    );
    if let Some(plan) = plans.get(selected) {
        let mut lines = vec![Line::from(plan.description.clone()), Line::default()];
        for (i, round) in plan.rounds.iter().enumerate() {
            let length = match round.length {
                RoundLength::Minutes(m) => format!("{m} min"),
                RoundLength::Until(t) => tr!("tot {}", "until {}", t.format("%H:%M")),
            };
            lines.push(Line::from(format!(
                "{:>2}. {}  ({length})",
                i + 1,
                round.title
            )));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(
                Block::default()
                    .borders(Borders::LEFT)
                    .padding(ratatui::widgets::Padding::horizontal(1)),
            )
            .render(detail_area, buf);
    }
    let mut hints = crate::list::LIST.hints(&[crate::list::Move::Up]);
    hints.extend(PICKER.hints(&[PickerKey::Choose, PickerKey::Leave]));
    Paragraph::new(Line::styled(
        super::fit_hints(&hints, hint_area.width),
        theme::dim(),
    ))
    .render(hint_area, buf);
}
