//! Choosing a plan before a session starts (`tafel run` without a plan): the home screen's
//! plan list, with the picker's own keys below it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::theme;
use crate::catalog::Library;
use crate::home::picker::{PICKER, PickerKey};

pub fn render_plans(
    library: &Library,
    participants: &[String],
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let [list_area, hint_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    super::home::forms::render_plan_list(library, participants, selected, list_area, buf);
    let mut hints = crate::list::LIST.hints(&[crate::list::Move::Up]);
    hints.extend(PICKER.hints(&[PickerKey::Choose, PickerKey::Leave]));
    Paragraph::new(Line::styled(
        super::fit_hints(&hints, hint_area.width),
        theme::dim(),
    ))
    .render(hint_area, buf);
}
