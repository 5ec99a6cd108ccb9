//! A multi-line text field for the builder's instruction: a `String` and a cursor. Enter is
//! a new line; pasted text is made safe first (no escapes).

use crate::keys::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::editor::sanitize;

/// The longest instruction, in characters.
pub const MAX_CHARS: usize = 2000;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextBox {
    text: String,
    /// The cursor, in characters from the start.
    cursor: usize,
}

impl TextBox {
    pub fn new(text: &str) -> TextBox {
        let mut field = TextBox::default();
        field.insert(text);
        field
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_at(&self, index: usize) -> usize {
        self.text
            .char_indices()
            .nth(index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, text: &str) {
        let clean = sanitize(text, true);
        let room = MAX_CHARS.saturating_sub(self.len());
        let clean: String = clean.chars().take(room).collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// Handles an editing key; returns whether it was one.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char(_) if ctrl => return false,
            KeyCode::Char(c) => self.insert(&c.to_string()),
            KeyCode::Enter => self.insert("\n"),
            KeyCode::Backspace if self.cursor > 0 => {
                let (a, b) = (self.byte_at(self.cursor - 1), self.byte_at(self.cursor));
                self.text.replace_range(a..b, "");
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < self.len() => {
                let (a, b) = (self.byte_at(self.cursor), self.byte_at(self.cursor + 1));
                self.text.replace_range(a..b, "");
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.len()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.len(),
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn lines_are_kept_and_escapes_are_not() {
        let mut field = TextBox::new("één");
        field.key(key(KeyCode::Enter));
        field.insert("twee\x1b[31m");
        assert_eq!(field.text(), "één\ntwee[31m");
        field.key(key(KeyCode::Home));
        field.key(key(KeyCode::Delete));
        field.key(key(KeyCode::End));
        field.key(key(KeyCode::Backspace));
        assert_eq!(field.text(), "én\ntwee[31");
    }
}
