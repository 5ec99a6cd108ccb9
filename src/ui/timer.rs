//! The round's timer: big digits readable from the back row, and its state in words.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

use crate::session::Session;

/// The digits, the style and the words for the timer at time `t`.
pub struct TimerFace {
    pub digits: String,
    pub style: Style,
    pub words: String,
}

pub fn face(session: &Session, t: u64) -> TimerFace {
    face_with(session, t, crate::view::Options::default())
}

/// The face of [`crate::view::timer_line`], with the warning before the end of `options`.
pub fn face_with(session: &Session, t: u64, options: crate::view::Options) -> TimerFace {
    let line = crate::view::timer_line(session, t, options);
    TimerFace {
        style: super::room::timer_style(&line),
        digits: line.digits,
        words: line.words,
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
