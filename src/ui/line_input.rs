//! How a one-line field ([`LineInput`]) looks, on every screen: a form's field underlined
//! with a reversed cell for the cursor, or a prompt's answer with a thin bar for it.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use super::theme;
use crate::input::LineInput;

/// The text of a field, underlined across the field so an empty one shows too; when it has
/// the keyboard, the cursor is a reversed cell and the text scrolls to keep it in view.
pub fn input_line(input: &LineInput, width: usize, focused: bool) -> Line<'static> {
    // A suggestion shows dimmed: the first key typed replaces it.
    let field = if input.is_suggestion() {
        theme::dim().add_modifier(Modifier::UNDERLINED)
    } else {
        Style::new().add_modifier(Modifier::UNDERLINED)
    };
    let width = width.clamp(1, 60);
    let chars: Vec<char> = input.text().chars().collect();
    let w = |c: char| UnicodeWidthChar::width(c).unwrap_or(0);
    let pad = |used: usize| Span::styled(" ".repeat(width.saturating_sub(used)), field);
    if !focused {
        let used: usize = chars.iter().map(|c| w(*c)).sum();
        return Line::from(vec![
            Span::styled(input.text().to_string(), field),
            pad(used),
        ]);
    }
    let cursor = input.cursor().min(chars.len());
    let mut start = cursor;
    let mut used = 1;
    while start > 0 && used + w(chars[start - 1]) <= width {
        used += w(chars[start - 1]);
        start -= 1;
    }
    let before: String = chars[start..cursor].iter().collect();
    let at = chars.get(cursor).copied().unwrap_or(' ');
    let mut after = String::new();
    for &c in chars.get(cursor + 1..).unwrap_or_default() {
        if used + w(c) > width {
            break;
        }
        used += w(c);
        after.push(c);
    }
    Line::from(vec![
        Span::styled(before, field),
        Span::styled(at.to_string(), theme::selected()),
        Span::styled(after, field),
        pad(used),
    ])
}

/// The text with a thin bar where the cursor is, for an answer typed after a question
/// ("Nieuwe naam: Kansen▏").
pub fn with_bar(input: &LineInput) -> String {
    let mut text = input.text().to_string();
    let at = text
        .char_indices()
        .nth(input.cursor())
        .map_or(text.len(), |(i, _)| i);
    text.insert(at, '▏');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_stands_at_the_cursor() {
        let mut input = LineInput::new("één", 10);
        assert_eq!(with_bar(&input), "één▏");
        input.key(crate::keys::KeyEvent::plain(crate::keys::KeyCode::Left));
        assert_eq!(with_bar(&input), "éé▏n");
        assert_eq!(with_bar(&LineInput::new("", 10)), "▏");
    }
}
