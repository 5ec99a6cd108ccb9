//! Solo reflection: one person, one card, a writing area that is always open. Enter is a
//! new line, Ctrl+S saves; the commands use Ctrl so typing never triggers them.
//! A solo session is an ordinary journaled session with a one-round plan named `solo`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::editor::Editor;
use super::{App, Effect, Mode};
use crate::session::NoteKind;
use crate::session::draft::Draft;

pub use crate::rules::SOLO_PLAN;

pub fn solo_editor(draft: Option<&Draft>) -> Editor {
    let mut editor = match draft {
        Some(draft) => Editor::from_draft(draft),
        None => Editor::new(NoteKind::Note),
    };
    editor.enter_is_newline = true;
    editor
}

impl App {
    pub fn is_solo(&self) -> bool {
        self.session.plan.id == SOLO_PLAN
    }

    /// Where to return after a question or an overlay: the round screen, or in solo the
    /// writing area with what was being written.
    pub(super) fn rest_mode(&self) -> Mode {
        if self.is_solo() && !self.session.ended {
            Mode::Editor(Box::new(solo_editor(self.drafts.get(None))))
        } else {
            Mode::Normal
        }
    }

    /// Solo commands while writing; `None` lets the editor have the key.
    pub(super) fn solo_key(&mut self, key: KeyEvent) -> Option<Vec<Effect>> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let effects = match key.code {
            KeyCode::Char('n') if ctrl => {
                self.stash_editor();
                let effects = self.draw();
                if matches!(self.mode, Mode::Editor(_)) {
                    self.mode = self.rest_mode();
                }
                effects
            }
            KeyCode::Char('t') if ctrl => {
                self.stash_editor();
                let effects = self.put_back();
                self.mode = self.rest_mode();
                effects
            }
            KeyCode::Esc | KeyCode::Char('e') if key.code == KeyCode::Esc || ctrl => {
                self.stash_editor();
                self.mode = Mode::ConfirmQuit;
                vec![self.keep_drafts()]
            }
            KeyCode::F(1) | KeyCode::Char('h') if ctrl || key.code == KeyCode::F(1) => {
                self.stash_editor();
                self.mode = Mode::Help;
                Vec::new()
            }
            _ => return None,
        };
        Some(effects)
    }
}
