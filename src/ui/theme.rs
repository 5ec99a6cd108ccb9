//! Colours and styles. Calm and high-contrast so a washed-out projector still shows them;
//! states use backgrounds (which survive both light and dark terminals) and are always also
//! spelled out in words.

use ratatui::style::{Color, Modifier, Style};

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().fg(Color::Gray)
}

pub fn accent() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn timer_running() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn timer_last_minute() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

pub fn timer_overtime() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn timer_paused() -> Style {
    Style::new().fg(Color::Black).bg(Color::Gray)
}

pub fn card_border() -> Style {
    Style::new().fg(Color::Cyan)
}

pub fn error() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn key() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn agreement() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
}
