//! Moving through a list: one table of keys for every list in tafel (the home screen's
//! lists, the plan picker, the builder's rounds). The letters (j/k, g/G) are left out where
//! the list sits beside a search box that takes them as text.

use crate::keymap::{Binding, Keymap, Words, ch, key};
use crate::keys::{KeyCode, KeyEvent};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
}

pub static LIST: Keymap<Move> = Keymap {
    title: Words("Lijsten", "Lists"),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Up), Move::Up),
                (key(KeyCode::Down), Move::Down),
            ],
            label: Words("↑↓", "↑↓"),
            help: Words("kiezen", "choose"),
            hint: Some(Words("kiezen", "choose")),
        },
        // Apart from the arrows: beside a search box these letters are text.
        Binding {
            keys: &[(ch('k'), Move::Up), (ch('j'), Move::Down)],
            label: Words("k / j", "k / j"),
            help: Words(
                "kiezen, zoals ↑↓ (niet tijdens het zoeken)",
                "choose, like ↑↓ (not while searching)",
            ),
            hint: None,
        },
        Binding {
            keys: &[
                (key(KeyCode::PageUp), Move::PageUp),
                (key(KeyCode::PageDown), Move::PageDown),
            ],
            label: Words("PgUp / PgDn", "PgUp / PgDn"),
            help: Words("tien omhoog / omlaag", "ten up / down"),
            hint: None,
        },
        Binding {
            keys: &[
                (key(KeyCode::Home), Move::First),
                (key(KeyCode::End), Move::Last),
                (ch('g'), Move::First),
                (ch('G'), Move::Last),
            ],
            label: Words("Home / End", "Home / End"),
            help: Words("eerste / laatste", "first / last"),
            hint: None,
        },
    ],
};

/// Moves `selected` in a list of `count` when `key` is a list key (the letters only when
/// `letters`). Returns whether it was one.
pub fn move_in(selected: &mut usize, count: usize, key: KeyEvent, letters: bool) -> bool {
    if !letters && matches!(key.code, KeyCode::Char(_)) {
        return false;
    }
    let Some(movement) = LIST.action(key) else {
        return false;
    };
    let last = count.saturating_sub(1);
    *selected = match movement {
        Move::Up => selected.saturating_sub(1),
        Move::Down => (*selected + 1).min(last),
        Move::PageUp => selected.saturating_sub(10),
        Move::PageDown => (*selected + 10).min(last),
        Move::First => 0,
        Move::Last => last,
    };
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_always_letters_only_when_asked() {
        let mut at = 0;
        assert!(move_in(&mut at, 5, KeyEvent::plain(KeyCode::Down), false));
        assert!(!move_in(
            &mut at,
            5,
            KeyEvent::plain(KeyCode::Char('j')),
            false
        ));
        assert!(move_in(
            &mut at,
            5,
            KeyEvent::plain(KeyCode::Char('j')),
            true
        ));
        assert_eq!(at, 2);
        assert!(move_in(
            &mut at,
            5,
            KeyEvent::plain(KeyCode::Char('G')),
            true
        ));
        assert_eq!(at, 4);
        assert!(move_in(&mut at, 5, KeyEvent::plain(KeyCode::PageUp), true));
        assert_eq!(at, 0);
        assert!(!move_in(&mut at, 5, KeyEvent::plain(KeyCode::Enter), true));
    }
}
