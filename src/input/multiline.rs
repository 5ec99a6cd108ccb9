//! The multi-line text field: a note, a solo reflection, a round's instruction. The editing
//! itself (cursor moves by line and word, deleting, undo) is `ratatui_textarea`'s; this adds
//! what tafel needs around it: tafel's own keys, a length limit a paste cannot break, and
//! pasted text made safe (`rules::clean_typed`). The view draws it (`ui::text_view`), word
//! wrapped; the widget's own rendering is not used.

use ratatui_textarea::{CursorMove, DataCursor, Input, Key, TextArea, WrapMode};

use crate::keys::{KeyCode, KeyEvent, KeyModifiers};
use crate::rules::clean_typed;

#[derive(Clone, Debug)]
pub struct MultiLineInput {
    area: TextArea<'static>,
    max_chars: usize,
}

impl MultiLineInput {
    /// A field holding `text`, the cursor at its end. The text is kept whole, even when it
    /// is longer than `max_chars` (a note being corrected, a plan's instruction): the limit
    /// is for what is added, and nothing already kept is cut off.
    pub fn new(text: &str, max_chars: usize) -> MultiLineInput {
        let text = text.replace("\r\n", "\n");
        let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        MultiLineInput { area, max_chars }
    }

    /// The text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn lines(&self) -> &[String] {
        self.area.lines()
    }

    /// The cursor as (line, character in that line).
    pub fn cursor(&self) -> (usize, usize) {
        let DataCursor(row, col) = self.area.cursor();
        (row, col)
    }

    /// Nothing but spaces and empty lines.
    pub fn is_blank(&self) -> bool {
        self.area.lines().iter().all(|l| l.trim().is_empty())
    }

    /// The length in characters, a line end counting as one.
    pub fn char_count(&self) -> usize {
        let lines = self.area.lines();
        lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len() - 1
    }

    fn room_left(&self) -> usize {
        self.max_chars.saturating_sub(self.char_count())
    }

    /// Inserts typed or pasted text at the cursor, made safe and cut at the limit. Returns
    /// false when something was cut off.
    pub fn insert(&mut self, text: &str) -> bool {
        let clean = clean_typed(text, true);
        let room = self.room_left();
        let fits = clean.chars().count() <= room;
        let clean: String = clean.chars().take(room).collect();
        self.area.insert_str(clean);
        fits
    }

    /// A line break at the cursor, if there is room for one. Returns whether there was.
    pub fn new_line(&mut self) -> bool {
        if self.room_left() == 0 {
            return false;
        }
        self.area.insert_newline();
        true
    }

    /// An editing key: a character, Enter (a new line), a movement, a deletion. Returns
    /// whether the text changed; keys the field does not use change nothing.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let plain_char = matches!(key.code, KeyCode::Char(_))
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL)
            && !key.modifiers.contains(KeyModifiers::ALT);
        let ctrl_newline = ctrl && matches!(key.code, KeyCode::Char('m' | 'j'));
        match key.code {
            KeyCode::Enter => self.new_line(),
            _ if ctrl_newline => self.new_line(),
            // As in every single-line field: Ctrl+U deletes to the start of the line (the text
            // area would undo), Ctrl+Z undoes.
            KeyCode::Char('u') if ctrl => self.area.delete_line_by_head(),
            KeyCode::Char('z') if ctrl => self.area.undo(),
            KeyCode::Char(c) if plain_char => {
                // Through `insert`, so the limit holds and a control character stays out.
                let before = self.char_count();
                self.insert(&c.to_string());
                self.char_count() != before
            }
            // The text area inserts spaces for Tab: the limit holds for them too.
            KeyCode::Tab if self.room_left() < 4 => false,
            _ => self.area.input(textarea_input(key)),
        }
    }
}

/// Two fields are the same when their text, cursor and limit are: the text area's history
/// and styles do not count.
impl PartialEq for MultiLineInput {
    fn eq(&self, other: &MultiLineInput) -> bool {
        self.lines() == other.lines()
            && self.cursor() == other.cursor()
            && self.max_chars == other.max_chars
    }
}

impl Eq for MultiLineInput {}

/// A key in the text area's own terms.
fn textarea_input(key: KeyEvent) -> Input {
    let key_of = match key.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::F(n) => Key::F(n),
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Enter => Key::Enter,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Tab => Key::Tab,
        KeyCode::Delete => Key::Delete,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Esc => Key::Esc,
        KeyCode::BackTab | KeyCode::Insert => Key::Null,
    };
    Input {
        key: key_of,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
        shift: key.modifiers.contains(KeyModifiers::SHIFT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::plain(code)
    }

    #[test]
    fn ctrl_u_deletes_to_the_start_of_the_line_and_ctrl_z_undoes() {
        let mut field = MultiLineInput::new("eerste regel\nMeer overleg", 100);
        assert!(field.key(KeyEvent::ctrl('u')));
        assert_eq!(field.text(), "eerste regel\n");
        assert!(field.key(KeyEvent::ctrl('z')));
        assert_eq!(field.text(), "eerste regel\nMeer overleg");
    }

    #[test]
    fn lines_are_kept_and_escapes_are_not() {
        let mut field = MultiLineInput::new("één", 100);
        assert_eq!(field.cursor(), (0, 3));
        assert!(field.key(key(KeyCode::Enter)));
        assert!(field.insert("twee\x1b[31m\r\ndrie"));
        assert_eq!(field.text(), "één\ntwee[31m\ndrie");
        assert_eq!(field.cursor(), (2, 4));
        field.key(key(KeyCode::Up));
        field.key(key(KeyCode::Home));
        field.key(key(KeyCode::Delete));
        field.key(key(KeyCode::End));
        field.key(key(KeyCode::Backspace));
        assert_eq!(field.text(), "één\nwee[31\ndrie");
    }

    #[test]
    fn the_limit_holds_for_typing_pasting_and_new_lines() {
        let mut field = MultiLineInput::new("abc", 5);
        assert!(!field.insert("\tdef"));
        assert_eq!(field.text(), "abc  ");
        assert!(!field.key(key(KeyCode::Char('x'))));
        assert!(!field.key(key(KeyCode::Enter)));
        assert!(!field.key(KeyEvent::ctrl('m')));
        assert!(!field.key(key(KeyCode::Tab)));
        assert_eq!(field.char_count(), 5);
        assert!(field.key(key(KeyCode::Backspace)));
        assert!(field.key(key(KeyCode::Enter)));
        assert_eq!(field.text(), "abc \n");
        // Text that is there already is kept whole; only adding is refused.
        let mut long = MultiLineInput::new(&"z".repeat(50), 10);
        assert_eq!(long.char_count(), 50);
        assert!(!long.key(key(KeyCode::Char('x'))));
        assert!(long.key(key(KeyCode::Backspace)));
    }

    #[test]
    fn control_keys_and_movements_change_nothing_they_should_not() {
        let mut field = MultiLineInput::new("een twee", 100);
        assert!(!field.key(KeyEvent::ctrl('s')));
        assert!(!field.key(key(KeyCode::Left)));
        assert!(!field.key(key(KeyCode::Esc)));
        assert_eq!(field.text(), "een twee");
        field.key(key(KeyCode::End));
        assert!(field.key(KeyEvent::ctrl('w')), "Ctrl+W deletes a word");
        assert_eq!(field.text(), "een ");
        assert!(!field.is_blank());
        assert!(MultiLineInput::new(" \n  ", 10).is_blank());
    }
}
