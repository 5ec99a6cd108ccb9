//! The keys of the plan builder: one table per view (the rounds, a round's form, the plan's
//! form, the question before leaving). The one place they are bound; the footer and the
//! README come from here. Moving through the rounds is [`crate::list::LIST`]; typing in a
//! field is the field's own.

use crate::keymap::{Binding, Keymap, Words, ch, ctrl, key};
use crate::keys::{KeyCode, KeyEvent, KeyModifiers};

/// What a key does in the builder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuilderKey {
    Save,
    /// `?` outside a text field, F1 anywhere.
    Help,
    Edit,
    Add,
    Remove,
    MoveUp,
    MoveDown,
    Plan,
    Back,
    NextField,
    PreviousField,
    /// Next field; in the instruction a new line.
    Enter,
    ChooseNext,
    ChoosePrevious,
    Toggle,
    Leave,
    Stay,
}

const SHIFT_UP: KeyEvent = KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT);
const SHIFT_DOWN: KeyEvent = KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT);
const SHIFT_TAB: KeyEvent = KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT);

/// Ctrl+S saves and F1 helps from every view.
pub static BUILDER: Keymap<BuilderKey> = Keymap {
    title: Words("Werkvorm bouwen: overal", "Plan builder: everywhere"),
    bindings: &[
        Binding {
            keys: &[(ctrl('s'), BuilderKey::Save)],
            label: Words("Ctrl+S", "Ctrl+S"),
            help: Words(
                "de werkvorm bewaren (eerst nagekeken)",
                "save the plan (checked first)",
            ),
            hint: Some(Words("bewaren", "save")),
        },
        Binding {
            keys: &[
                (key(KeyCode::F(1)), BuilderKey::Help),
                (ch('?'), BuilderKey::Help),
            ],
            label: Words("F1", "F1"),
            help: Words(
                "deze hulp (? ook, buiten een tekstveld)",
                "this help (? too, outside a text field)",
            ),
            hint: Some(Words("hulp", "help")),
        },
    ],
};

pub static ROUNDS: Keymap<BuilderKey> = Keymap {
    title: Words("Werkvorm bouwen: de rondes", "Plan builder: the rounds"),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Enter), BuilderKey::Edit),
                (key(KeyCode::Right), BuilderKey::Edit),
                (ch('l'), BuilderKey::Edit),
            ],
            label: Words("Enter", "Enter"),
            help: Words("deze ronde bewerken", "edit this round"),
            hint: Some(Words("bewerken", "edit")),
        },
        Binding {
            keys: &[(ch('a'), BuilderKey::Add), (ch('i'), BuilderKey::Add)],
            label: Words("a", "a"),
            help: Words(
                "een ronde erbij, na deze (i ook)",
                "add a round, after this one (i too)",
            ),
            hint: Some(Words("ronde erbij", "add round")),
        },
        Binding {
            keys: &[
                (ch('x'), BuilderKey::Remove),
                (key(KeyCode::Delete), BuilderKey::Remove),
            ],
            label: Words("x", "x"),
            help: Words(
                "deze ronde weghalen (Del ook)",
                "remove this round (Del too)",
            ),
            hint: Some(Words("weg", "remove")),
        },
        Binding {
            keys: &[
                (SHIFT_UP, BuilderKey::MoveUp),
                (SHIFT_DOWN, BuilderKey::MoveDown),
                (ch('K'), BuilderKey::MoveUp),
                (ch('J'), BuilderKey::MoveDown),
            ],
            label: Words("Shift+↑↓ (K/J)", "Shift+↑↓ (K/J)"),
            help: Words(
                "de ronde een plaats omhoog / omlaag",
                "move the round up / down a place",
            ),
            hint: Some(Words("verplaatsen", "move")),
        },
        Binding {
            keys: &[(ch('p'), BuilderKey::Plan)],
            label: Words("p", "p"),
            help: Words(
                "de werkvorm zelf: titel, id, beschrijving, groep",
                "the plan itself: title, id, description, group",
            ),
            hint: Some(Words("werkvorm", "plan")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Esc), BuilderKey::Back),
                (ch('q'), BuilderKey::Back),
            ],
            label: Words("Esc", "Esc"),
            help: Words(
                "terug (vraagt eerst bij iets onbewaards; q ook)",
                "back (asks first when something is unsaved; q too)",
            ),
            hint: Some(Words("terug", "back")),
        },
    ],
};

pub const ROUNDS_FOOTER: &[BuilderKey] = &[
    BuilderKey::Edit,
    BuilderKey::Add,
    BuilderKey::Remove,
    BuilderKey::MoveUp,
    BuilderKey::Plan,
];

pub static ROUND: Keymap<BuilderKey> = Keymap {
    title: Words("Werkvorm bouwen: een ronde", "Plan builder: a round"),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Tab), BuilderKey::NextField),
                (key(KeyCode::Down), BuilderKey::NextField),
                (key(KeyCode::BackTab), BuilderKey::PreviousField),
                (SHIFT_TAB, BuilderKey::PreviousField),
                (key(KeyCode::Up), BuilderKey::PreviousField),
            ],
            label: Words("Tab/↑↓", "Tab/↑↓"),
            help: Words(
                "volgend / vorig veld (Shift+Tab: vorig)",
                "next / previous field (Shift+Tab: previous)",
            ),
            hint: Some(Words("veld", "field")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Right), BuilderKey::ChooseNext),
                (key(KeyCode::Left), BuilderKey::ChoosePrevious),
            ],
            label: Words("←→", "←→"),
            help: Words(
                "kiezen (soort, stapel, categorie, vorm…)",
                "choose (kind, deck, category, form…)",
            ),
            hint: Some(Words("kiezen", "choose")),
        },
        Binding {
            keys: &[(ch(' '), BuilderKey::Toggle)],
            label: Words("spatie", "space"),
            help: Words(
                "aan/uit, of de volgende keuze",
                "on/off, or the next choice",
            ),
            hint: Some(Words("aan/uit", "on/off")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), BuilderKey::Back)],
            label: Words("Esc", "Esc"),
            help: Words("terug naar de rondes", "back to the rounds"),
            hint: Some(Words("rondes", "rounds")),
        },
        Binding {
            keys: &[(key(KeyCode::Enter), BuilderKey::Enter)],
            label: Words("Enter", "Enter"),
            help: Words(
                "volgend veld; in de instructie een nieuwe regel",
                "next field; in the instruction a new line",
            ),
            hint: Some(Words(
                "in de instructie: nieuwe regel",
                "in the instruction: new line",
            )),
        },
    ],
};

pub static PLAN: Keymap<BuilderKey> = Keymap {
    title: Words(
        "Werkvorm bouwen: de werkvorm (p)",
        "Plan builder: the plan (p)",
    ),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Tab), BuilderKey::NextField),
                (key(KeyCode::Down), BuilderKey::NextField),
                (key(KeyCode::Enter), BuilderKey::NextField),
                (key(KeyCode::BackTab), BuilderKey::PreviousField),
                (SHIFT_TAB, BuilderKey::PreviousField),
                (key(KeyCode::Up), BuilderKey::PreviousField),
            ],
            label: Words("Tab/↑↓", "Tab/↑↓"),
            help: Words(
                "volgend / vorig veld (Enter: volgend)",
                "next / previous field (Enter: next)",
            ),
            hint: Some(Words("veld", "field")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), BuilderKey::Back)],
            label: Words("Esc", "Esc"),
            help: Words("terug naar de rondes", "back to the rounds"),
            hint: Some(Words("rondes", "rounds")),
        },
    ],
};

/// Leave without saving? Every key but `j` stays.
pub static LEAVE: Keymap<BuilderKey> = Keymap {
    title: Words(
        "Werkvorm bouwen: weggaan zonder bewaren?",
        "Plan builder: leave without saving?",
    ),
    bindings: &[
        Binding {
            keys: &[(ch('j'), BuilderKey::Leave), (ch('y'), BuilderKey::Leave)],
            label: Words("j", "y"),
            help: Words(
                "weggaan zonder bewaren (j of y)",
                "leave without saving (y or j)",
            ),
            hint: Some(Words("weggaan zonder bewaren", "leave without saving")),
        },
        Binding {
            keys: &[
                (ch('n'), BuilderKey::Stay),
                (key(KeyCode::Esc), BuilderKey::Stay),
            ],
            label: Words("n", "n"),
            help: Words(
                "blijven (elke andere toets ook)",
                "stay (any other key too)",
            ),
            hint: Some(Words(
                "blijven (elke andere toets ook)",
                "stay (any other key too)",
            )),
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_view() {
        let list: Vec<KeyEvent> = crate::list::LIST.keys().map(|(k, _)| *k).collect();
        for (name, map, with_list) in [
            ("rounds", &ROUNDS, true),
            ("round", &ROUND, false),
            ("plan", &PLAN, false),
            ("leave", &LEAVE, false),
        ] {
            let mut all: Vec<KeyEvent> = map.keys().map(|(k, _)| *k).collect();
            all.extend(BUILDER.keys().map(|(k, _)| *k));
            if with_list {
                all.extend(list.iter().copied());
            }
            for (i, k) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(k), "{k:?} bound twice in {name}");
            }
        }
    }
}
