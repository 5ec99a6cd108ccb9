//! The extra keys of a group-work round (styles, teams, a vote), on top of the round
//! screen's: one table each. The one place they are bound; the footers, the help overlay
//! and the README come from here.

use crate::keymap::{Binding, Keymap, Words, ch, key};
use crate::keys::{KeyCode, KeyEvent};

/// What a key does in a group-work round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKey {
    Up,
    Down,
    /// Style, team or vote option n (from 0).
    Pick(usize),
    /// A point less for vote option n (from 0).
    Less(usize),
    NoStyle,
    SecondStyle,
    Mix,
    ClearBallot,
    Reveal,
}

const CHOOSE_SOMEONE: Binding<GroupKey> = Binding {
    keys: &[
        (key(KeyCode::Up), GroupKey::Up),
        (key(KeyCode::Down), GroupKey::Down),
    ],
    label: Words("↑↓", "↑↓"),
    help: Words("iemand kiezen (▶)", "choose someone (▶)"),
    hint: Some(Words("kies iemand (▶)", "choose someone (▶)")),
};

const fn digits() -> [(KeyEvent, GroupKey); 9] {
    let mut out = [(ch('1'), GroupKey::Pick(0)); 9];
    let mut i = 0;
    while i < 9 {
        out[i] = (ch((b'1' + i as u8) as char), GroupKey::Pick(i));
        i += 1;
    }
    out
}

const fn letters(upper: bool) -> [(KeyEvent, GroupKey); 26] {
    let first = if upper { b'A' } else { b'a' };
    let mut out = [(ch('a'), GroupKey::Pick(0)); 26];
    let mut i = 0;
    while i < 26 {
        let action = if upper {
            GroupKey::Less(i)
        } else {
            GroupKey::Pick(i)
        };
        out[i] = (ch((first + i as u8) as char), action);
        i += 1;
    }
    out
}

static DIGITS: [(KeyEvent, GroupKey); 9] = digits();
static LOWER: [(KeyEvent, GroupKey); 26] = letters(false);
static UPPER: [(KeyEvent, GroupKey); 26] = letters(true);

pub static STYLES: Keymap<GroupKey> = Keymap {
    title: Words(
        "Workshop: een stijlenronde",
        "Workshop: a preference styles round",
    ),
    bindings: &[
        CHOOSE_SOMEONE,
        Binding {
            keys: &DIGITS,
            label: Words("1–9", "1–9"),
            help: Words(
                "de stijl van die persoon (en door naar de volgende)",
                "that person's style (and on to the next)",
            ),
            hint: Some(Words("stijl", "style")),
        },
        Binding {
            keys: &[(ch('0'), GroupKey::NoStyle)],
            label: Words("0", "0"),
            help: Words("geen stijl", "no style"),
            hint: Some(Words("geen", "none")),
        },
        Binding {
            keys: &[(ch('o'), GroupKey::SecondStyle)],
            label: Words("o", "o"),
            help: Words(
                "ook een tweede stijl: daarna een cijfer",
                "a second style too: then a digit",
            ),
            hint: Some(Words("tweede stijl", "second style")),
        },
    ],
};

pub static TEAMS: Keymap<GroupKey> = Keymap {
    title: Words("Workshop: een teamronde", "Workshop: a teams round"),
    bindings: &[
        CHOOSE_SOMEONE,
        Binding {
            keys: &DIGITS,
            label: Words("1–9", "1–9"),
            help: Words("die persoon naar dat team", "that person to that team"),
            hint: Some(Words("naar dat team", "to that team")),
        },
        Binding {
            keys: &[(ch('m'), GroupKey::Mix)],
            label: Words("m", "m"),
            help: Words("de teams opnieuw mengen", "mix the teams again"),
            hint: Some(Words("opnieuw mengen", "mix again")),
        },
    ],
};

pub static VOTE: Keymap<GroupKey> = Keymap {
    title: Words("Workshop: een stemronde", "Workshop: a vote round"),
    bindings: &[
        CHOOSE_SOMEONE,
        Binding {
            keys: &LOWER,
            label: Words("a b c …", "a b c …"),
            help: Words(
                "een punt voor die optie (letters na de laatste optie doen wat ze altijd doen)",
                "a point for that option (letters past the last option do what they always do)",
            ),
            hint: Some(Words("punt erbij", "a point")),
        },
        Binding {
            keys: &UPPER,
            label: Words("A B C …", "A B C …"),
            help: Words("een punt eraf", "a point off"),
            hint: Some(Words("punt eraf", "a point off")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Backspace), GroupKey::ClearBallot),
                (key(KeyCode::Delete), GroupKey::ClearBallot),
            ],
            label: Words("Backspace", "Backspace"),
            help: Words(
                "de stem van die persoon wissen",
                "clear that person's ballot",
            ),
            hint: None,
        },
        Binding {
            keys: &[(key(KeyCode::Enter), GroupKey::Reveal)],
            label: Words("Enter", "Enter"),
            help: Words(
                "uitslag tonen; nog eens: stemming heropenen",
                "show the result; again: reopen the vote",
            ),
            hint: Some(Words("uitslag", "result")),
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_are_the_options() {
        assert_eq!(VOTE.action(ch('c')), Some(GroupKey::Pick(2)));
        assert_eq!(VOTE.action(ch('C')), Some(GroupKey::Less(2)));
        assert_eq!(VOTE.action(ch('z')), Some(GroupKey::Pick(25)));
        assert_eq!(TEAMS.action(ch('9')), Some(GroupKey::Pick(8)));
        assert_eq!(STYLES.action(ch('0')), Some(GroupKey::NoStyle));
        assert_eq!(STYLES.action(ch('x')), None);
    }
}
