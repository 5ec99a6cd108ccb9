//! Choosing a plan from a list (`tafel run` without a plan): the arrows move, Enter chooses,
//! Esc, q or Ctrl+C leave without a choice.

use crate::keymap::{Binding, Keymap, Words, ch, ctrl, key};
use crate::keys::{KeyCode, KeyEvent};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerKey {
    Choose,
    Leave,
}

/// The picker's own keys; moving is [`crate::list::LIST`].
pub static PICKER: Keymap<PickerKey> = Keymap {
    title: Words(
        "Werkvorm kiezen (`tafel run`)",
        "Choosing a plan (`tafel run`)",
    ),
    bindings: &[
        Binding {
            keys: &[(key(KeyCode::Enter), PickerKey::Choose)],
            label: Words("Enter", "Enter"),
            help: Words("deze werkvorm starten", "start this plan"),
            hint: Some(Words("starten", "start")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Esc), PickerKey::Leave),
                (ch('q'), PickerKey::Leave),
                (ctrl('c'), PickerKey::Leave),
            ],
            label: Words("Esc / q", "Esc / q"),
            help: Words("niets starten", "start nothing"),
            hint: Some(Words("terug", "back")),
        },
    ],
};

#[derive(Debug)]
pub struct PlanPicker {
    selected: usize,
    count: usize,
    chosen: Option<usize>,
}

impl PlanPicker {
    pub fn new(count: usize) -> PlanPicker {
        PlanPicker {
            selected: 0,
            count,
            chosen: None,
        }
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The plan chosen with Enter, if any.
    pub fn chosen(&self) -> Option<usize> {
        self.chosen
    }

    /// One key; `true` when the picker is done (a plan chosen or the user left).
    pub fn key(&mut self, key: KeyEvent) -> bool {
        if super::list_key(&mut self.selected, self.count, key, true) {
            return false;
        }
        match PICKER.action(key) {
            Some(PickerKey::Choose) if self.count > 0 => {
                self.chosen = Some(self.selected);
                true
            }
            Some(PickerKey::Leave) => true,
            Some(PickerKey::Choose) | None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::KeyModifiers;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn moves_and_chooses() {
        let mut picker = PlanPicker::new(3);
        assert!(!picker.key(press(KeyCode::Down)));
        assert!(!picker.key(press(KeyCode::Char('j'))));
        assert!(!picker.key(press(KeyCode::Down)));
        assert_eq!(picker.selected(), 2);
        assert!(picker.key(press(KeyCode::Enter)));
        assert_eq!(picker.chosen(), Some(2));
    }

    #[test]
    fn leaving_chooses_nothing() {
        for code in [KeyCode::Esc, KeyCode::Char('q')] {
            let mut picker = PlanPicker::new(2);
            assert!(picker.key(press(code)));
            assert_eq!(picker.chosen(), None);
        }
        let mut picker = PlanPicker::new(2);
        assert!(picker.key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        assert_eq!(picker.chosen(), None);
    }
}
