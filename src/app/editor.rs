//! The note and agreement editor: a multi-line text plus, for an agreement, who owns it and
//! by when. Only text handling lives here; saving is the app's job.

use super::keymap::EditorKey;
use crate::keys::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{TextArea, WrapMode};

use crate::session::NoteKind;
use crate::session::draft::Draft;

/// A note longer than this is cut off (with a message): a 10 MB paste must not freeze the room.
pub const MAX_NOTE_CHARS: usize = 20_000;
const MAX_FIELD_CHARS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Text,
    Owner,
    Due,
}

#[derive(Clone, Debug)]
pub struct Editor {
    pub kind: NoteKind,
    /// The note being corrected, if any.
    pub editing: Option<u64>,
    pub text: TextArea<'static>,
    pub owner: TextArea<'static>,
    pub due: TextArea<'static>,
    pub focus: Field,
    /// Solo reflection: Enter is a new line and Ctrl+S saves.
    pub enter_is_newline: bool,
    /// The team the note is written for (an index in the session's teams), and how many teams
    /// there are to choose from with Ctrl+T (none: no teams yet).
    pub team: Option<usize>,
    pub teams: usize,
}

/// What a key did in the editor.
#[derive(Debug, PartialEq, Eq)]
pub enum EditorOutcome {
    Save,
    Cancel,
    Changed,
    Unchanged,
}

fn area(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

impl Editor {
    pub fn new(kind: NoteKind) -> Self {
        Self::from_draft(&Draft {
            kind,
            editing: None,
            text: String::new(),
            owner: String::new(),
            due: String::new(),
            team: None,
        })
    }

    pub fn from_draft(draft: &Draft) -> Self {
        Editor {
            kind: draft.kind,
            editing: draft.editing,
            text: area(&draft.text),
            owner: area(&draft.owner),
            due: area(&draft.due),
            focus: Field::Text,
            enter_is_newline: false,
            team: draft.team,
            teams: 0,
        }
    }

    pub fn to_draft(&self) -> Draft {
        Draft {
            kind: self.kind,
            editing: self.editing,
            text: self.text.lines().join("\n"),
            owner: self.owner.lines().join(" "),
            due: self.due.lines().join(" "),
            team: self.team,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.lines().iter().all(|l| l.trim().is_empty())
    }

    fn focused(&mut self) -> &mut TextArea<'static> {
        match self.focus {
            Field::Text => &mut self.text,
            Field::Owner => &mut self.owner,
            Field::Due => &mut self.due,
        }
    }

    fn next_field(&mut self, back: bool) {
        if self.kind == NoteKind::Note {
            return;
        }
        let order = [Field::Text, Field::Owner, Field::Due];
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let step = if back { order.len() - 1 } else { 1 };
        self.focus = order[(at + step) % order.len()];
    }

    pub fn key(&mut self, key: KeyEvent) -> EditorOutcome {
        match super::keymap::EDITOR.action(key) {
            Some(EditorKey::Save) if key.code == KeyCode::Enter && self.enter_is_newline => {
                self.new_line()
            }
            Some(EditorKey::Save) => EditorOutcome::Save,
            Some(EditorKey::Close) => EditorOutcome::Cancel,
            Some(EditorKey::Team) => self.next_team(),
            Some(EditorKey::NewLine) => self.new_line(),
            Some(EditorKey::NextField) => {
                self.next_field(false);
                EditorOutcome::Unchanged
            }
            Some(EditorKey::PreviousField) => {
                self.next_field(true);
                EditorOutcome::Unchanged
            }
            // F1 opens the help one level up, over the editor.
            Some(EditorKey::Help) => EditorOutcome::Unchanged,
            None => self.typed(key),
        }
    }

    /// A new line in the text (the other fields are one line: Enter there saves).
    fn new_line(&mut self) -> EditorOutcome {
        if self.focus != Field::Text {
            return EditorOutcome::Save;
        }
        if self.char_count() < MAX_NOTE_CHARS {
            self.text.insert_newline();
        }
        EditorOutcome::Changed
    }

    /// A key for the text itself: a character, a movement, a deletion.
    fn typed(&mut self, key: KeyEvent) -> EditorOutcome {
        match key.code {
            KeyCode::Char(_) if self.room_left() == 0 => EditorOutcome::Unchanged,
            _ => {
                if self.focused().input(textarea_input(key)) {
                    EditorOutcome::Changed
                } else {
                    EditorOutcome::Unchanged
                }
            }
        }
    }

    /// Ctrl+T: the next team, after the last no team, then the first again.
    fn next_team(&mut self) -> EditorOutcome {
        if self.teams == 0 {
            return EditorOutcome::Unchanged;
        }
        self.team = match self.team {
            None => Some(0),
            Some(t) if t + 1 < self.teams => Some(t + 1),
            Some(_) => None,
        };
        EditorOutcome::Changed
    }

    /// Inserts pasted text as text, never as commands. Returns false when it was cut short.
    pub fn paste(&mut self, pasted: &str) -> bool {
        let clean = sanitize(pasted, self.focus == Field::Text);
        let room = self.room_left();
        let fits = clean.chars().count() <= room;
        let clean: String = clean.chars().take(room).collect();
        self.focused().insert_str(clean);
        fits
    }

    fn char_count(&self) -> usize {
        self.text
            .lines()
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum()
    }

    fn room_left(&self) -> usize {
        match self.focus {
            Field::Text => MAX_NOTE_CHARS.saturating_sub(self.char_count()),
            Field::Owner => MAX_FIELD_CHARS.saturating_sub(self.owner.lines()[0].chars().count()),
            Field::Due => MAX_FIELD_CHARS.saturating_sub(self.due.lines()[0].chars().count()),
        }
    }
}

pub use crate::rules::clean_typed as sanitize;

/// A key in the text area's own terms.
fn textarea_input(key: KeyEvent) -> ratatui_textarea::Input {
    use ratatui_textarea::Key;
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
    ratatui_textarea::Input {
        key: key_of,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
        shift: key.modifiers.contains(KeyModifiers::SHIFT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn enter_saves_and_alt_enter_makes_a_new_line() {
        let mut editor = Editor::new(NoteKind::Note);
        editor.paste("eerste");
        assert_eq!(
            editor.key(key(KeyCode::Enter, KeyModifiers::ALT)),
            EditorOutcome::Changed
        );
        editor.key(key(KeyCode::Char('x'), KeyModifiers::NONE));
        assert_eq!(editor.to_draft().text, "eerste\nx");
        assert_eq!(
            editor.key(key(KeyCode::Enter, KeyModifiers::NONE)),
            EditorOutcome::Save
        );
    }

    #[test]
    fn a_huge_paste_is_cut_at_the_limit() {
        let mut editor = Editor::new(NoteKind::Note);
        let huge = "ab\n".repeat(5_000_000);
        assert!(!editor.paste(&huge));
        assert!(editor.to_draft().text.chars().count() <= MAX_NOTE_CHARS);
    }

    #[test]
    fn tab_moves_between_agreement_fields() {
        let mut editor = Editor::new(NoteKind::Agreement);
        editor.paste("Verslag rondsturen");
        editor.key(key(KeyCode::Tab, KeyModifiers::NONE));
        editor.paste("Anna\nde Vries");
        editor.key(key(KeyCode::Tab, KeyModifiers::NONE));
        editor.paste("vrijdag");
        let draft = editor.to_draft();
        assert_eq!(draft.owner, "Anna de Vries");
        assert_eq!(draft.due, "vrijdag");
        assert_eq!(draft.text, "Verslag rondsturen");
    }
}
