//! Solo reflection: one person, one card, a writing area that is always open. Enter is a
//! new line, Ctrl+S saves; the commands use Ctrl so typing never triggers them.
//! A solo session is an ordinary journaled session with a one-round plan named `solo`.

use super::keymap::{SOLO, SoloKey};
use crate::keys::KeyEvent;

use super::editor::Editor;
use super::{App, Effect, Mode};
use crate::catalog::{Deck, DrawSpec, Plan, Round, RoundLength};
use crate::session::NoteKind;
use crate::session::draft::Draft;
use crate::tr;

pub use crate::rules::SOLO_PLAN;

/// The plan of a solo reflection: one round that draws one card of `deck` (of `category`
/// when given); `minutes` 0 keeps the timer out of view.
pub fn plan(deck: &Deck, category: Option<String>, minutes: u32) -> Plan {
    Plan {
        id: SOLO_PLAN.to_string(),
        title: tr!("Solo reflectie", "Solo reflection"),
        description: tr!(
            "Eén kaart, rust en een schrijfruimte.",
            "One card, some quiet and room to write."
        ),
        decks: vec![deck.id.clone()],
        rounds: vec![Round {
            title: tr!("Reflectie", "Reflection"),
            length: RoundLength::Minutes(minutes),
            scale: None,
            instruction: tr!(
                "Lees de kaart, neem de tijd en schrijf op wat er in je opkomt.",
                "Read the card, take your time and write down what comes up."
            ),
            draw: Some(DrawSpec {
                deck: Some(deck.id.clone()),
                category,
                count: 1,
                with: Vec::new(),
                without: Vec::new(),
                form: None,
                each: false,
            }),
            turns: false,
            team_turns: false,
            roles: Vec::new(),
            kind: Default::default(),
        }],
        guide: Default::default(),
        resolved_for: None,
    }
}

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
        let effects = match SOLO.action(key)? {
            SoloKey::AnotherCard => {
                self.stash_editor();
                let effects = self.draw();
                if matches!(self.mode, Mode::Editor(_)) {
                    self.mode = self.rest_mode();
                }
                effects
            }
            SoloKey::PutBack => {
                self.stash_editor();
                let effects = self.put_back();
                self.mode = self.rest_mode();
                effects
            }
            SoloKey::End => {
                self.stash_editor();
                self.mode = Mode::ConfirmQuit;
                vec![self.keep_drafts()]
            }
            SoloKey::Help => {
                self.stash_editor();
                self.mode = Mode::Help;
                Vec::new()
            }
            // Saving and new lines are the editor's (Enter is a new line here); Ctrl+C is
            // handled before any mode.
            SoloKey::Save | SoloKey::NewLine | SoloKey::Stop => return None,
        };
        Some(effects)
    }
}
