//! The one-line text field of every screen: forms, search boxes, the agenda's questions, a
//! theme's name, an agreement's owner. A `String` and a cursor; typed and pasted text is made
//! safe first (no escapes, no line ends) and cut at the field's length.

use super::keymap::{LINE, LineKey};
use crate::keys::{KeyCode, KeyEvent, KeyModifiers};
use crate::rules::clean_typed;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// The cursor, in characters from the start.
    cursor: usize,
    max_chars: usize,
    /// The text is a suggestion (a default title): typing or pasting replaces it whole,
    /// a movement key accepts it for editing.
    suggested: bool,
}

impl LineInput {
    pub fn new(text: &str, max_chars: usize) -> LineInput {
        let mut input = LineInput {
            text: String::new(),
            cursor: 0,
            max_chars,
            suggested: false,
        };
        input.insert(text);
        input
    }

    /// A field holding a suggestion that the first typed character replaces.
    pub fn suggestion(text: &str, max_chars: usize) -> LineInput {
        let mut input = LineInput::new(text, max_chars);
        input.suggested = !input.is_empty();
        input
    }

    /// Whether the text is still the untouched suggestion.
    pub fn is_suggestion(&self) -> bool {
        self.suggested
    }

    /// Typing over a suggestion starts afresh.
    fn replace_suggestion(&mut self) {
        if std::mem::take(&mut self.suggested) {
            self.clear();
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts text at the cursor, made safe and cut at the field's length. Returns false
    /// when something was cut off.
    /// The most characters the field holds.
    pub fn max_chars(&self) -> usize {
        self.max_chars
    }

    pub fn insert(&mut self, text: &str) -> bool {
        self.replace_suggestion();
        let clean = clean_typed(text, false);
        let room = self.max_chars.saturating_sub(self.len());
        let fits = clean.chars().count() <= room;
        let clean: String = clean.chars().take(room).collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
        fits
    }

    fn delete_range(&mut self, from: usize, to: usize) {
        let (a, b) = (self.byte_at(from), self.byte_at(to));
        self.text.replace_range(a..b, "");
        self.cursor = from;
    }

    /// The start of the word before the cursor (for Ctrl+W and Ctrl+←).
    fn word_start(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor;
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    /// The end of the word after the cursor (for Ctrl+→).
    fn word_end(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        i
    }

    /// Handles an editing key (see [`LINE`]) or a typed character. Returns whether the key
    /// was one (so the caller may use the others, like Enter, Tab or the arrows up and down).
    pub fn key(&mut self, key: KeyEvent) -> bool {
        // Shift+← is ←: a field has no selection.
        let action = LINE.action(key).or_else(|| {
            let unshifted = KeyEvent::new(key.code, key.modifiers.without(KeyModifiers::SHIFT));
            LINE.action(unshifted)
        });
        let Some(action) = action else {
            return match key.code {
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    self.insert(&c.to_string());
                    self.suggested = false;
                    true
                }
                _ => false,
            };
        };
        let (at, len) = (self.cursor, self.len());
        match action {
            // Deleting in a suggestion deletes it whole.
            LineKey::Backspace | LineKey::Delete if self.suggested => self.replace_suggestion(),
            LineKey::Backspace if at > 0 => self.delete_range(at - 1, at),
            LineKey::Delete if at < len => self.delete_range(at, at + 1),
            LineKey::Backspace | LineKey::Delete => {}
            LineKey::Left => self.cursor = at.saturating_sub(1),
            LineKey::Right => self.cursor = (at + 1).min(len),
            LineKey::WordLeft => self.cursor = self.word_start(),
            LineKey::WordRight => self.cursor = self.word_end(),
            LineKey::Start => self.cursor = 0,
            LineKey::End => self.cursor = len,
            LineKey::DeleteWord => self.delete_range(self.word_start(), at),
            LineKey::DeleteToStart => self.delete_range(0, at),
            LineKey::DeleteToEnd => self.delete_range(at, len),
        }
        // Any other editing key (a movement) keeps the suggestion as text to edit.
        self.suggested = false;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn typing_moving_and_deleting() {
        let mut input = LineInput::new("één", 10);
        assert_eq!(input.cursor(), 3);
        input.key(key(KeyCode::Left, KeyModifiers::NONE));
        input.key(key(KeyCode::Char('x'), KeyModifiers::NONE));
        assert_eq!(input.text(), "ééxn");
        input.key(key(KeyCode::Backspace, KeyModifiers::NONE));
        input.key(key(KeyCode::Delete, KeyModifiers::NONE));
        assert_eq!(input.text(), "éé");
        input.key(key(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(input.text(), "");
    }

    /// Issue 8, item 21: typing in a field with a default title replaces it.
    #[test]
    fn typing_replaces_a_suggestion_and_a_movement_keeps_it() {
        let mut input = LineInput::suggestion("Koers wat — 30-11-2026", 80);
        assert!(input.is_suggestion());
        input.key(key(KeyCode::Char('T'), KeyModifiers::NONE));
        input.key(key(KeyCode::Char('d'), KeyModifiers::NONE));
        assert_eq!(input.text(), "Td");
        assert!(!input.is_suggestion());

        let mut input = LineInput::suggestion("Koers wat", 80);
        input.insert("Teamdag");
        assert_eq!(input.text(), "Teamdag", "a paste replaces it too");

        let mut input = LineInput::suggestion("Koers wat", 80);
        input.key(key(KeyCode::End, KeyModifiers::NONE));
        input.key(key(KeyCode::Char('!'), KeyModifiers::NONE));
        assert_eq!(input.text(), "Koers wat!", "End, then typing, edits it");

        let mut input = LineInput::suggestion("Koers wat", 80);
        input.key(key(KeyCode::Backspace, KeyModifiers::NONE));
        assert_eq!(input.text(), "");
    }

    #[test]
    fn word_moves_and_line_deletes() {
        let mut input = LineInput::new("Anna de Vries", 40);
        input.key(key(KeyCode::Left, KeyModifiers::CONTROL));
        assert_eq!(input.cursor(), 8);
        input.key(key(KeyCode::Left, KeyModifiers::CONTROL));
        input.key(key(KeyCode::Right, KeyModifiers::CONTROL));
        assert_eq!(input.cursor(), 7);
        input.key(key(KeyCode::Home, KeyModifiers::NONE));
        input.key(key(KeyCode::Char('k'), KeyModifiers::CONTROL));
        assert_eq!(input.text(), "");
        input.insert("Bram Bos");
        input.key(key(KeyCode::Left, KeyModifiers::NONE));
        input.key(key(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!((input.text(), input.cursor()), ("s", 0));
    }

    #[test]
    fn pastes_are_cleaned_and_cut_at_the_limit() {
        let mut input = LineInput::new("", 8);
        assert!(!input.insert("a\x1b[31mb\ncdefghij"));
        assert_eq!(input.text(), "a[31mb c");
        assert!(!input.key(key(KeyCode::Enter, KeyModifiers::NONE)));
    }
}
