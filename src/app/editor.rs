//! The note and agreement editor: a multi-line text plus, for an agreement, who owns it and
//! by when. Only text handling lives here; saving is the app's job.

use super::keymap::EditorKey;
use crate::input::{LineInput, MultiLineInput};
use crate::keys::{KeyCode, KeyEvent};

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
    pub text: MultiLineInput,
    pub owner: LineInput,
    pub due: LineInput,
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
            text: MultiLineInput::new(&draft.text, MAX_NOTE_CHARS),
            owner: LineInput::new(&draft.owner, MAX_FIELD_CHARS),
            due: LineInput::new(&draft.due, MAX_FIELD_CHARS),
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
            text: self.text.text(),
            owner: self.owner.text().to_string(),
            due: self.due.text().to_string(),
            team: self.team,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_blank()
    }

    /// The one-line field with the keyboard, if it is not the text.
    fn focused_line(&mut self) -> Option<&mut LineInput> {
        match self.focus {
            Field::Text => None,
            Field::Owner => Some(&mut self.owner),
            Field::Due => Some(&mut self.due),
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
        self.text.new_line();
        EditorOutcome::Changed
    }

    /// A key for the field being typed in: a character, a movement, a deletion.
    fn typed(&mut self, key: KeyEvent) -> EditorOutcome {
        let changed = match self.focused_line() {
            Some(field) => {
                let before = field.clone();
                field.key(key);
                *field != before
            }
            None => self.text.key(key),
        };
        if changed {
            EditorOutcome::Changed
        } else {
            EditorOutcome::Unchanged
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
    /// Puts `pasted` in the focused field; `Err` with the field's limit when it was cut to fit.
    pub fn paste(&mut self, pasted: &str) -> Result<(), usize> {
        let (whole, max) = match self.focused_line() {
            Some(field) => (field.insert(pasted), field.max_chars()),
            None => (self.text.insert(pasted), MAX_NOTE_CHARS),
        };
        if whole { Ok(()) } else { Err(max) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::KeyModifiers;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn enter_saves_and_alt_enter_makes_a_new_line() {
        let mut editor = Editor::new(NoteKind::Note);
        editor.paste("eerste").unwrap();
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
        assert_eq!(editor.paste(&huge), Err(MAX_NOTE_CHARS));
        assert!(editor.to_draft().text.chars().count() <= MAX_NOTE_CHARS);
    }

    #[test]
    fn tab_moves_between_agreement_fields() {
        let mut editor = Editor::new(NoteKind::Agreement);
        editor.paste("Verslag rondsturen").unwrap();
        editor.key(key(KeyCode::Tab, KeyModifiers::NONE));
        editor.paste("Anna\nde Vries").unwrap();
        editor.key(key(KeyCode::Tab, KeyModifiers::NONE));
        editor.paste("vrijdag").unwrap();
        let draft = editor.to_draft();
        assert_eq!(draft.owner, "Anna de Vries");
        assert_eq!(draft.due, "vrijdag");
        assert_eq!(draft.text, "Verslag rondsturen");
    }
}
