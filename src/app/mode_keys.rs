//! The keys of a session's smaller modes: the yes/no questions, the notes picker (`e`), the
//! follow-up review (`v`), the agenda (`g`) and the summary at the end. The one place they
//! are bound; their footers, help and the README come from here. Moving through their lists
//! is [`crate::list::LIST`].

use crate::keymap::{Binding, Keymap, Words, ch, key};
use crate::keys::KeyCode;

/// A yes/no question (end the session, reshuffle the pile, delete a note): every key but
/// yes is no.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
}

pub static QUESTION: Keymap<Answer> = Keymap {
    title: Words("Workshop: een vraag (j/n)", "Workshop: a question (y/n)"),
    bindings: &[
        Binding {
            keys: &[
                (ch('j'), Answer::Yes),
                (ch('y'), Answer::Yes),
                (ch('J'), Answer::Yes),
                (ch('Y'), Answer::Yes),
            ],
            label: Words("j", "y"),
            help: Words("ja (j of y)", "yes (y or j)"),
            hint: Some(Words("ja", "yes")),
        },
        Binding {
            keys: &[(ch('n'), Answer::No), (key(KeyCode::Esc), Answer::No)],
            label: Words("n", "n"),
            help: Words("nee (elke andere toets ook)", "no (any other key too)"),
            hint: Some(Words("nee", "no")),
        },
    ],
};

/// "j = ja · n = nee", for under a question.
pub fn answer_line() -> String {
    equals_line(QUESTION.hint_pairs(&[Answer::Yes, Answer::No]))
}

/// Hints as "key = words · key = words", the style of the windows over the round screen.
pub fn equals_line(hints: Vec<(String, String)>) -> String {
    hints
        .into_iter()
        .map(|(keys, words)| format!("{keys} = {words}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The notes picker: this round's notes, to correct or delete one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesKey {
    Correct,
    Delete,
    Close,
}

pub static NOTES: Keymap<NotesKey> = Keymap {
    title: Words(
        "Workshop: notities corrigeren (e)",
        "Workshop: correcting notes (e)",
    ),
    bindings: &[
        Binding {
            keys: &[
                (key(KeyCode::Enter), NotesKey::Correct),
                (ch('e'), NotesKey::Correct),
            ],
            label: Words("Enter", "Enter"),
            help: Words(
                "deze notitie corrigeren in de editor (e ook)",
                "correct this note in the editor (e too)",
            ),
            hint: Some(Words("corrigeren", "correct")),
        },
        Binding {
            keys: &[
                (ch('x'), NotesKey::Delete),
                (key(KeyCode::Delete), NotesKey::Delete),
                (key(KeyCode::Backspace), NotesKey::Delete),
            ],
            label: Words("x", "x"),
            help: Words(
                "verwijderen (vraagt j/n; Del ook)",
                "delete (asks y/n; Del too)",
            ),
            hint: Some(Words("verwijderen", "delete")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), NotesKey::Close)],
            label: Words("Esc", "Esc"),
            help: Words(
                "terug naar de ronde (elke andere toets ook)",
                "back to the round (any other key too)",
            ),
            hint: Some(Words("terug", "back")),
        },
    ],
};

/// The follow-up review: the open agreements of last time, one key each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewKey {
    Done,
    KeptOpen,
    Dropped,
    Continue,
}

pub static REVIEW: Keymap<ReviewKey> = Keymap {
    title: Words(
        "Workshop: vervolg, afspraken van de vorige keer (v)",
        "Workshop: follow-up, agreements from last time (v)",
    ),
    bindings: &[
        Binding {
            keys: &[(ch('d'), ReviewKey::Done)],
            label: Words("d", "d"),
            help: Words("gedaan", "done"),
            hint: Some(Words("gedaan", "done")),
        },
        Binding {
            keys: &[(ch('o'), ReviewKey::KeptOpen)],
            label: Words("o", "o"),
            help: Words("blijft open", "kept open"),
            hint: Some(Words("blijft open", "kept open")),
        },
        Binding {
            keys: &[(ch('x'), ReviewKey::Dropped)],
            label: Words("x", "x"),
            help: Words("vervallen", "dropped"),
            hint: Some(Words("vervallen", "dropped")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Enter), ReviewKey::Continue),
                (key(KeyCode::Esc), ReviewKey::Continue),
                (ch('q'), ReviewKey::Continue),
                (ch('v'), ReviewKey::Continue),
            ],
            label: Words("Enter", "Enter"),
            help: Words(
                "verder met de sessie (Esc ook; v toont dit weer)",
                "continue the session (Esc too; v shows this again)",
            ),
            hint: Some(Words(
                "verder (v toont dit weer)",
                "continue (v shows this again)",
            )),
        },
    ],
};

/// The summary at the end of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryKey {
    Export,
    KeepAsPlan,
    Close,
    /// A summary longer than the screen: a line or a screenful further or back.
    Down,
    Up,
    PageDown,
    PageUp,
}

/// The lines PgDn and PgUp move the summary: the screen's height is the view's, not the
/// state machine's; this keeps a few lines of context on any screen of 24 rows or more.
pub const SUMMARY_PAGE: u16 = 10;

pub static SUMMARY: Keymap<SummaryKey> = Keymap {
    title: Words("Workshop: de samenvatting", "Workshop: the summary"),
    bindings: &[
        Binding {
            keys: &[(ch('e'), SummaryKey::Export)],
            label: Words("e", "e"),
            help: Words(
                "exporteren: md, txt, html of odt",
                "export: md, txt, html or odt",
            ),
            hint: Some(Words(
                "exporteert (md, txt, html, odt)",
                "exports (md, txt, html, odt)",
            )),
        },
        Binding {
            keys: &[(ch('w'), SummaryKey::KeepAsPlan)],
            label: Words("w", "w"),
            help: Words(
                "deze agenda als werkvorm bewaren (niet bij solo)",
                "keep this agenda as a plan (not in solo)",
            ),
            hint: Some(Words(
                "bewaar deze agenda als werkvorm",
                "keep this agenda as a plan",
            )),
        },
        Binding {
            keys: &[
                (ch('q'), SummaryKey::Close),
                (key(KeyCode::Enter), SummaryKey::Close),
                (key(KeyCode::Esc), SummaryKey::Close),
            ],
            label: Words("q of Enter", "q or Enter"),
            help: Words("afsluiten (Esc ook)", "close (Esc too)"),
            hint: Some(Words("sluit af", "closes")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Down), SummaryKey::Down),
                (key(KeyCode::Up), SummaryKey::Up),
                (key(KeyCode::PageDown), SummaryKey::PageDown),
                (key(KeyCode::PageUp), SummaryKey::PageUp),
            ],
            label: Words("↑↓ PgUp PgDn", "↑↓ PgUp PgDn"),
            help: Words(
                "scrollen, per regel of per scherm (als niet alles past)",
                "scroll, a line or a screenful (when not all of it fits)",
            ),
            hint: Some(Words("scrollt", "scrolls")),
        },
    ],
};

/// The agenda: skip, insert, lengthen or shorten rounds, until a clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaKey {
    Up,
    Down,
    GoTo,
    Skip,
    Insert,
    Longer,
    Shorter,
    Until,
    Help,
    Back,
}

pub static AGENDA: Keymap<AgendaKey> = Keymap {
    title: Words("Workshop: de agenda (g)", "Workshop: the agenda (g)"),
    bindings: &[
        // Its own ↑↓ rather than the list's: g is "back" here, as it opened the agenda.
        Binding {
            keys: &[
                (key(KeyCode::Up), AgendaKey::Up),
                (key(KeyCode::Down), AgendaKey::Down),
                (ch('k'), AgendaKey::Up),
                (ch('j'), AgendaKey::Down),
            ],
            label: Words("↑↓", "↑↓"),
            help: Words("een ronde kiezen (k / j ook)", "choose a round (k / j too)"),
            hint: Some(Words("kiezen", "choose")),
        },
        Binding {
            keys: &[(key(KeyCode::Enter), AgendaKey::GoTo)],
            label: Words("Enter", "Enter"),
            help: Words(
                "naar die ronde gaan (een overgeslagen ronde komt terug)",
                "go to that round (a skipped round comes back)",
            ),
            hint: Some(Words("ga naar ronde", "go to round")),
        },
        Binding {
            keys: &[(ch('x'), AgendaKey::Skip)],
            label: Words("x", "x"),
            help: Words(
                "ronde overslaan, of weer meenemen",
                "skip the round, or take it back",
            ),
            hint: Some(Words("overslaan", "skip")),
        },
        Binding {
            keys: &[(ch('i'), AgendaKey::Insert)],
            label: Words("i", "i"),
            help: Words(
                "een ronde invoegen na de gekozen ronde",
                "insert a round after the chosen one",
            ),
            hint: Some(Words("invoegen", "insert")),
        },
        Binding {
            keys: &[
                (ch('+'), AgendaKey::Longer),
                (ch('='), AgendaKey::Longer),
                (ch('-'), AgendaKey::Shorter),
            ],
            label: Words("+/-", "+/-"),
            help: Words("een minuut langer / korter", "a minute longer / shorter"),
            hint: Some(Words("minuut", "minute")),
        },
        Binding {
            keys: &[(ch('u'), AgendaKey::Until)],
            label: Words("u", "u"),
            help: Words(
                "tot een kloktijd (14:30, 14.30, 14u30), voor de lopende of een latere ronde",
                "until a clock time (14:30, 14.30, 14u30), for the running or a later round",
            ),
            hint: Some(Words("tot kloktijd", "until a clock time")),
        },
        Binding {
            keys: &[
                (ch('?'), AgendaKey::Help),
                (key(KeyCode::F(1)), AgendaKey::Help),
            ],
            label: Words("?", "?"),
            help: Words("deze hulp (F1 ook)", "this help (F1 too)"),
            hint: Some(Words("hulp", "help")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Esc), AgendaKey::Back),
                (ch('g'), AgendaKey::Back),
                (ch('q'), AgendaKey::Back),
            ],
            label: Words("Esc / g", "Esc / g"),
            help: Words("terug naar de ronde", "back to the round"),
            hint: Some(Words("terug", "back")),
        },
    ],
};

pub const AGENDA_FOOTER: &[AgendaKey] = &[
    AgendaKey::Up,
    AgendaKey::GoTo,
    AgendaKey::Skip,
    AgendaKey::Insert,
    AgendaKey::Longer,
    AgendaKey::Until,
    AgendaKey::Help,
    AgendaKey::Back,
];

/// Typing a title, minutes or a clock time in the agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaInputKey {
    Confirm,
    Cancel,
    Help,
}

pub static AGENDA_INPUT: Keymap<AgendaInputKey> = Keymap {
    title: Words(
        "Workshop: typen in de agenda (i, u)",
        "Workshop: typing in the agenda (i, u)",
    ),
    bindings: &[
        Binding {
            keys: &[(key(KeyCode::Enter), AgendaInputKey::Confirm)],
            label: Words("Enter", "Enter"),
            help: Words("bevestigen", "confirm"),
            hint: Some(Words("bevestigt", "confirms")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), AgendaInputKey::Cancel)],
            label: Words("Esc", "Esc"),
            help: Words("annuleren", "cancel"),
            hint: Some(Words("annuleert", "cancels")),
        },
        Binding {
            keys: &[(key(KeyCode::F(1)), AgendaInputKey::Help)],
            label: Words("F1", "F1"),
            help: Words("hulp", "help"),
            hint: Some(Words("hulp", "help")),
        },
    ],
};

/// Grouping notes into themes (`i`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupingKey {
    Up,
    Down,
    Choose,
    NewTheme,
    /// Into theme n (from 0); while merging: the theme to merge into.
    Theme(usize),
    TakeOut,
    Rename,
    Merge,
    Scope,
    Back,
}

pub static GROUPING: Keymap<GroupingKey> = Keymap {
    title: Words(
        "Workshop: notities indelen in thema's (i)",
        "Workshop: grouping notes into themes (i)",
    ),
    bindings: &[
        // Its own ↑↓: g and G mean nothing here, and the digits are themes.
        Binding {
            keys: &[
                (key(KeyCode::Up), GroupingKey::Up),
                (key(KeyCode::Down), GroupingKey::Down),
                (ch('k'), GroupingKey::Up),
                (ch('j'), GroupingKey::Down),
            ],
            label: Words("↑↓", "↑↓"),
            help: Words("een notitie kiezen (k / j ook)", "go to a note (k / j too)"),
            hint: Some(Words("notitie", "note")),
        },
        Binding {
            keys: &[(ch(' '), GroupingKey::Choose)],
            label: Words("spatie", "space"),
            help: Words(
                "notitie kiezen of niet (en door naar de volgende)",
                "choose the note or not (and on to the next)",
            ),
            hint: Some(Words("kiezen", "choose")),
        },
        Binding {
            keys: &[
                (ch('n'), GroupingKey::NewTheme),
                (key(KeyCode::Enter), GroupingKey::NewTheme),
            ],
            label: Words("n", "n"),
            help: Words(
                "nieuw thema met de gekozen notities (Enter ook)",
                "new theme with the chosen notes (Enter too)",
            ),
            hint: Some(Words("nieuw thema", "new theme")),
        },
        Binding {
            keys: &[
                (ch('1'), GroupingKey::Theme(0)),
                (ch('2'), GroupingKey::Theme(1)),
                (ch('3'), GroupingKey::Theme(2)),
                (ch('4'), GroupingKey::Theme(3)),
                (ch('5'), GroupingKey::Theme(4)),
                (ch('6'), GroupingKey::Theme(5)),
                (ch('7'), GroupingKey::Theme(6)),
                (ch('8'), GroupingKey::Theme(7)),
                (ch('9'), GroupingKey::Theme(8)),
            ],
            label: Words("1–9", "1–9"),
            help: Words(
                "de gekozen notities in dat thema; bij samenvoegen: het thema erbij",
                "the chosen notes into that theme; when merging: the theme to merge into",
            ),
            hint: Some(Words("in thema", "into theme")),
        },
        Binding {
            keys: &[
                (ch('x'), GroupingKey::TakeOut),
                (key(KeyCode::Delete), GroupingKey::TakeOut),
                (key(KeyCode::Backspace), GroupingKey::TakeOut),
            ],
            label: Words("x", "x"),
            help: Words(
                "notities uit hun thema halen",
                "take notes out of their theme",
            ),
            hint: Some(Words("eruit", "take out")),
        },
        Binding {
            keys: &[(ch('r'), GroupingKey::Rename)],
            label: Words("r", "r"),
            help: Words(
                "het thema onder de cursor hernoemen",
                "rename the theme at the cursor",
            ),
            hint: Some(Words("hernoemen", "rename")),
        },
        Binding {
            keys: &[(ch('m'), GroupingKey::Merge)],
            label: Words("m", "m"),
            help: Words(
                "het thema onder de cursor samenvoegen met een ander",
                "merge the theme at the cursor into another",
            ),
            hint: Some(Words("samenvoegen", "merge")),
        },
        Binding {
            keys: &[(key(KeyCode::Tab), GroupingKey::Scope)],
            label: Words("Tab", "Tab"),
            help: Words(
                "notities van deze ronde / van alle rondes",
                "notes of this round / of every round",
            ),
            hint: Some(Words("ronde/alles", "round/all")),
        },
        Binding {
            keys: &[
                (key(KeyCode::Esc), GroupingKey::Back),
                (ch('i'), GroupingKey::Back),
                (ch('q'), GroupingKey::Back),
            ],
            label: Words("Esc", "Esc"),
            help: Words(
                "terug naar de ronde (i of q ook)",
                "back to the round (i or q too)",
            ),
            hint: Some(Words("terug", "back")),
        },
    ],
};

pub const GROUPING_FOOTER: &[GroupingKey] = &[
    GroupingKey::Up,
    GroupingKey::Choose,
    GroupingKey::NewTheme,
    GroupingKey::Theme(0),
    GroupingKey::TakeOut,
    GroupingKey::Rename,
    GroupingKey::Merge,
    GroupingKey::Scope,
    GroupingKey::Back,
];

/// Naming a theme: the name is typed, these keys finish it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKey {
    Save,
    Back,
}

pub static THEME_NAME: Keymap<NameKey> = Keymap {
    title: Words(
        "Workshop: een thema een naam geven (n, r)",
        "Workshop: naming a theme (n, r)",
    ),
    bindings: &[
        Binding {
            keys: &[(key(KeyCode::Enter), NameKey::Save)],
            label: Words("Enter", "Enter"),
            help: Words("naam bewaren", "save the name"),
            hint: Some(Words("bewaren", "save")),
        },
        Binding {
            keys: &[(key(KeyCode::Esc), NameKey::Back)],
            label: Words("Esc", "Esc"),
            help: Words("terug, niets veranderd", "back, nothing changed"),
            hint: Some(Words("terug", "back")),
        },
    ],
};

/// Every table of this file, for the README.
pub fn all_markdown(lang: crate::i18n::Lang) -> Vec<String> {
    vec![
        QUESTION.markdown(lang),
        NOTES.markdown(lang),
        REVIEW.markdown(lang),
        AGENDA.markdown(lang),
        AGENDA_INPUT.markdown(lang),
        GROUPING.markdown(lang),
        THEME_NAME.markdown(lang),
        SUMMARY.markdown(lang),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::KeyEvent;

    fn no_key_twice(all: Vec<KeyEvent>, what: &str) {
        for (i, k) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(k), "{k:?} bound twice in {what}");
        }
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        let list: Vec<KeyEvent> = crate::list::LIST.keys().map(|(k, _)| *k).collect();
        let keys = |map: &Keymap<NotesKey>| map.keys().map(|(k, _)| *k).collect::<Vec<_>>();
        no_key_twice([keys(&NOTES), list.clone()].concat(), "notes");
        no_key_twice(
            [REVIEW.keys().map(|(k, _)| *k).collect(), list].concat(),
            "review",
        );
        no_key_twice(AGENDA.keys().map(|(k, _)| *k).collect(), "agenda");
        no_key_twice(QUESTION.keys().map(|(k, _)| *k).collect(), "question");
        no_key_twice(SUMMARY.keys().map(|(k, _)| *k).collect(), "summary");
        no_key_twice(GROUPING.keys().map(|(k, _)| *k).collect(), "grouping");
    }
}
