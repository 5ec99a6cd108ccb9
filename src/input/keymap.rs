//! The editing keys of a one-line field ([`super::LineInput`]), in one table: the field asks
//! it what a key means, and the README lists it. Typed characters are not in it: every
//! character without Ctrl or Alt is text.

use crate::keymap::{Binding, Keymap, Words, alt, ctrl, key};
use crate::keys::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKey {
    Left,
    Right,
    WordLeft,
    WordRight,
    Start,
    End,
    Backspace,
    Delete,
    DeleteWord,
    DeleteToStart,
    DeleteToEnd,
}

const fn ctrl_key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::CONTROL)
}

pub static LINE: Keymap<LineKey> = Keymap {
    title: Words(
        "Tekstvelden (formulieren, zoeken, vragen)",
        "Text fields (forms, search, questions)",
    ),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Left), LineKey::Left),
                (key(KeyCode::Right), LineKey::Right),
            ],
            label: Words("← / →", "← / →"),
            help: Words("een teken terug / verder", "one character back / on"),
            hint: None,
        },
        Binding {
            keys: &[
                (ctrl_key(KeyCode::Left), LineKey::WordLeft),
                (ctrl_key(KeyCode::Right), LineKey::WordRight),
                (alt(KeyCode::Left), LineKey::WordLeft),
                (alt(KeyCode::Right), LineKey::WordRight),
            ],
            label: Words("Ctrl+← / Ctrl+→", "Ctrl+← / Ctrl+→"),
            help: Words("een woord terug / verder", "one word back / on"),
            hint: None,
        },
        Binding {
            keys: &[
                (key(KeyCode::Home), LineKey::Start),
                (key(KeyCode::End), LineKey::End),
                (ctrl('a'), LineKey::Start),
                (ctrl('e'), LineKey::End),
            ],
            label: Words("Home / End", "Home / End"),
            help: Words(
                "naar het begin / het eind (ook Ctrl+A / Ctrl+E)",
                "to the start / the end (Ctrl+A / Ctrl+E too)",
            ),
            hint: None,
        },
        Binding {
            keys: &[
                (key(KeyCode::Backspace), LineKey::Backspace),
                (key(KeyCode::Delete), LineKey::Delete),
            ],
            label: Words("Backspace / Del", "Backspace / Del"),
            help: Words(
                "het teken voor / onder de cursor wissen",
                "delete the character before / under the cursor",
            ),
            hint: None,
        },
        Binding {
            keys: &[
                (ctrl('w'), LineKey::DeleteWord),
                (ctrl_key(KeyCode::Backspace), LineKey::DeleteWord),
                (alt(KeyCode::Backspace), LineKey::DeleteWord),
            ],
            label: Words("Ctrl+W / Ctrl+Backspace", "Ctrl+W / Ctrl+Backspace"),
            help: Words(
                "het woord voor de cursor wissen",
                "delete the word before the cursor",
            ),
            hint: None,
        },
        Binding {
            keys: &[(ctrl('u'), LineKey::DeleteToStart)],
            label: Words("Ctrl+U", "Ctrl+U"),
            help: Words("wissen tot het begin", "delete to the start"),
            hint: None,
        },
        Binding {
            keys: &[(ctrl('k'), LineKey::DeleteToEnd)],
            label: Words("Ctrl+K", "Ctrl+K"),
            help: Words("wissen tot het eind", "delete to the end"),
            hint: None,
        },
    ],
};
