//! The round's timer: big digits readable from the back row, and its state in words.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use super::theme;
use crate::session::Session;
use crate::session::timer::{TimerView, clock_text};
use crate::tr;

/// The digits, the style and the words for the timer at time `t`.
pub struct TimerFace {
    pub digits: String,
    pub style: Style,
    pub words: String,
}

pub fn face(session: &Session, t: u64) -> TimerFace {
    if session.current.is_none() {
        return TimerFace {
            digits: "--:--".into(),
            style: theme::dim(),
            words: tr!("geen ronde", "no round"),
        };
    }
    let timer = &session.timer;
    let (digits, mut style, mut words) = match timer.view(t) {
        TimerView::Running { remaining_ms } => {
            let text = clock_text(remaining_ms, true);
            (
                text.clone(),
                theme::timer_running(),
                tr!("nog {text}", "{text} left"),
            )
        }
        TimerView::LastMinute { remaining_ms } => {
            let text = clock_text(remaining_ms, true);
            (
                text.clone(),
                theme::timer_last_minute(),
                tr!("nog {text} · laatste minuut", "{text} left · last minute"),
            )
        }
        TimerView::Overtime { over_ms } => {
            let text = format!("+{}", clock_text(over_ms, false));
            (
                text.clone(),
                theme::timer_overtime(),
                tr!("{text} over tijd", "{text} over time"),
            )
        }
    };
    if !timer.is_running() {
        style = theme::timer_paused();
        words = tr!("pauze · {words}", "paused · {words}");
    }
    if let Some(until) = session.until {
        let clock = until.format("%H:%M");
        words = tr!("{words} · tot {clock}", "{words} · until {clock}");
    }
    TimerFace {
        digits,
        style,
        words,
    }
}

/// Font pixels per terminal cell (x, y) for the sizes we use; the 8×8 glyphs shrink by these.
fn pixels_per_cell(size: PixelSize) -> (u16, u16) {
    match size {
        PixelSize::HalfHeight => (1, 2),
        PixelSize::Quadrant => (2, 2),
        _ => (1, 1),
    }
}

/// The width the digits need at a pixel size (8-pixel glyphs).
pub fn digits_width(digits: &str, size: PixelSize) -> u16 {
    let (per_x, _) = pixels_per_cell(size);
    digits.chars().count() as u16 * 8_u16.div_ceil(per_x)
}

pub fn digits_height(size: PixelSize) -> u16 {
    let (_, per_y) = pixels_per_cell(size);
    8_u16.div_ceil(per_y)
}

/// Big digits when they fit, with the words underneath; plain words otherwise.
pub fn render(face: &TimerFace, area: Rect, buf: &mut Buffer) {
    let sizes = [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant];
    let words_line = Line::styled(face.words.clone(), face.style).alignment(Alignment::Center);
    for size in sizes {
        let (w, h) = (digits_width(&face.digits, size), digits_height(size));
        if w <= area.width && h < area.height {
            let digits_area = Rect { height: h, ..area };
            BigText::builder()
                .pixel_size(size)
                .style(face.style)
                .alignment(Alignment::Center)
                .lines(vec![Line::from(face.digits.clone())])
                .build()
                .render(digits_area, buf);
            let words_area = Rect {
                y: area.y + h,
                height: 1,
                ..area
            };
            Paragraph::new(words_line).render(words_area, buf);
            return;
        }
    }
    Paragraph::new(words_line).render(area, buf);
}
