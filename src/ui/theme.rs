//! Colours and styles, in three themes chosen once at start-up (`--theme`, or `theme` in
//! `config.toml`), like the language:
//!
//! - `dark` (the default): calm colours for a dark terminal;
//! - `light`: dark text for a light terminal, no light grey that vanishes on white;
//! - `contrast`: for a washed-out projector: only black, white and yellow, bold, no greys.
//!
//! In every theme states use backgrounds or reverse video (which survive both light and dark
//! terminals) and are always also spelled out in words.

use std::sync::atomic::{AtomicU8, Ordering};

use ratatui::style::{Color, Modifier, Style};

/// The theme's name is a setting (`config`); its colours are here.
pub use crate::config::Theme;

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Set once at start-up from `--theme` (or the configuration).
pub fn set(theme: Theme) {
    CURRENT.store(theme as u8, Ordering::Relaxed);
}

pub fn current() -> Theme {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Theme::Light,
        2 => Theme::Contrast,
        _ => Theme::Dark,
    }
}

/// Every style of one theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Palette {
    title: Style,
    dim: Style,
    accent: Style,
    timer_running: Style,
    timer_last_minute: Style,
    timer_overtime: Style,
    timer_paused: Style,
    card_border: Style,
    error: Style,
    key: Style,
    selected: Style,
    agreement: Style,
    /// Bars of the planned-against-actual chart: a foreground colour only, so the empty
    /// cells above a bar are never painted.
    bar_planned: Style,
    bar_actual: Style,
    bar_over: Style,
}

const BOLD: Modifier = Modifier::BOLD;

const DARK: Palette = Palette {
    title: Style::new().add_modifier(BOLD),
    dim: Style::new().fg(Color::Gray),
    accent: Style::new().fg(Color::Cyan).add_modifier(BOLD),
    timer_running: Style::new().add_modifier(BOLD),
    timer_last_minute: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(BOLD),
    timer_overtime: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(BOLD),
    timer_paused: Style::new().fg(Color::Black).bg(Color::Gray),
    card_border: Style::new().fg(Color::Cyan),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(BOLD),
    key: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    agreement: Style::new().fg(Color::Green).add_modifier(BOLD),
    bar_planned: Style::new().fg(Color::Gray),
    bar_actual: Style::new().fg(Color::Cyan),
    bar_over: Style::new().fg(Color::Red),
};

/// Dark text on a light background: secondary text is dark grey, accents are blue.
const LIGHT: Palette = Palette {
    title: Style::new().fg(Color::Black).add_modifier(BOLD),
    dim: Style::new().fg(Color::DarkGray),
    accent: Style::new().fg(Color::Blue).add_modifier(BOLD),
    timer_running: Style::new().fg(Color::Black).add_modifier(BOLD),
    timer_last_minute: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(BOLD),
    timer_overtime: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(BOLD),
    timer_paused: Style::new().fg(Color::White).bg(Color::DarkGray),
    card_border: Style::new().fg(Color::Blue),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(BOLD),
    key: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    agreement: Style::new().fg(Color::Green).add_modifier(BOLD),
    bar_planned: Style::new().fg(Color::DarkGray),
    bar_actual: Style::new().fg(Color::Blue),
    bar_over: Style::new().fg(Color::Red),
};

/// For a projector: text in the terminal's own foreground (the strongest contrast it has),
/// bold; yellow only ever together with black, so it shows on a white or a black screen;
/// states carried by background and reverse video, never by a shade of grey.
const CONTRAST: Palette = Palette {
    title: Style::new().add_modifier(BOLD),
    dim: Style::new(),
    accent: Style::new()
        .fg(Color::Yellow)
        .bg(Color::Black)
        .add_modifier(BOLD),
    timer_running: Style::new().add_modifier(BOLD),
    timer_last_minute: Style::new()
        .fg(Color::Yellow)
        .bg(Color::Black)
        .add_modifier(BOLD),
    timer_overtime: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(BOLD),
    timer_paused: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    card_border: Style::new().add_modifier(BOLD),
    error: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(BOLD),
    key: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    selected: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
    agreement: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    // One colour: which bar is which is told by its place and its label, not by a shade.
    bar_planned: Style::new(),
    bar_actual: Style::new().add_modifier(BOLD),
    bar_over: Style::new().add_modifier(BOLD),
};

fn palette_of(theme: Theme) -> &'static Palette {
    match theme {
        Theme::Dark => &DARK,
        Theme::Light => &LIGHT,
        Theme::Contrast => &CONTRAST,
    }
}

fn palette() -> &'static Palette {
    palette_of(current())
}

pub fn title() -> Style {
    palette().title
}

pub fn dim() -> Style {
    palette().dim
}

pub fn accent() -> Style {
    palette().accent
}

pub fn timer_running() -> Style {
    palette().timer_running
}

pub fn timer_last_minute() -> Style {
    palette().timer_last_minute
}

pub fn timer_overtime() -> Style {
    palette().timer_overtime
}

pub fn timer_paused() -> Style {
    palette().timer_paused
}

pub fn bar_planned() -> Style {
    palette().bar_planned
}

pub fn bar_actual() -> Style {
    palette().bar_actual
}

pub fn bar_over() -> Style {
    palette().bar_over
}

pub fn card_border() -> Style {
    palette().card_border
}

pub fn error() -> Style {
    palette().error
}

pub fn key() -> Style {
    palette().key
}

pub fn selected() -> Style {
    palette().selected
}

pub fn agreement() -> Style {
    palette().agreement
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(p: &Palette) -> [Style; 15] {
        [
            p.title,
            p.dim,
            p.accent,
            p.timer_running,
            p.timer_last_minute,
            p.timer_overtime,
            p.timer_paused,
            p.card_border,
            p.error,
            p.key,
            p.selected,
            p.agreement,
            p.bar_planned,
            p.bar_actual,
            p.bar_over,
        ]
    }

    #[test]
    fn chart_bars_never_paint_a_background() {
        for theme in Theme::ALL {
            let p = palette_of(theme);
            for bar in [p.bar_planned, p.bar_actual, p.bar_over] {
                assert_eq!(bar.bg, None, "{theme:?}");
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_name(theme.name()), Some(theme));
        }
        assert_eq!(Theme::from_name("donker"), None);
    }

    #[test]
    fn light_has_no_light_text_on_the_terminal_background() {
        for style in all(&LIGHT) {
            if style.bg.is_none() {
                assert!(
                    !matches!(
                        style.fg,
                        Some(Color::Gray | Color::White | Color::Yellow | Color::Cyan)
                    ),
                    "{style:?}"
                );
            }
        }
    }

    #[test]
    fn contrast_uses_only_black_white_and_yellow_and_pairs_yellow_with_black() {
        for style in all(&CONTRAST) {
            for color in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    matches!(color, Color::Black | Color::White | Color::Yellow),
                    "{style:?}"
                );
            }
            if style.fg == Some(Color::Yellow) {
                assert_eq!(style.bg, Some(Color::Black));
            }
            if style.bg == Some(Color::Yellow) {
                assert_eq!(style.fg, Some(Color::Black));
            }
        }
    }

    #[test]
    fn timer_states_differ_in_every_theme() {
        for theme in Theme::ALL {
            let p = palette_of(theme);
            let states = [
                p.timer_running,
                p.timer_last_minute,
                p.timer_overtime,
                p.timer_paused,
            ];
            for (i, a) in states.iter().enumerate() {
                for b in &states[i + 1..] {
                    assert_ne!(a, b, "{theme:?}");
                }
            }
        }
    }

    #[test]
    fn dark_is_the_default_and_keeps_the_original_styles() {
        assert_eq!(Theme::default(), Theme::Dark);
        assert_eq!(DARK.dim, Style::new().fg(Color::Gray));
        assert_eq!(
            DARK.timer_overtime,
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        );
    }
}
